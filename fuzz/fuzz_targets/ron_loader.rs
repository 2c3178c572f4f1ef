#![no_main]
//! Fuzz target: see `scm_crm_studio::fuzz_entry::scenario_text`.

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let _ = scm_crm_studio::fuzz_entry::scenario_text(data);
});
