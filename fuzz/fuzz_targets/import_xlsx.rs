#![no_main]
//! Fuzz target: a .xlsx file (plus a first byte choosing kind, encoding and mapping) through
//! `scm_crm_studio::fuzz_entry::import_file`.

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let _ = scm_crm_studio::fuzz_entry::import_file("xlsx", data);
});
