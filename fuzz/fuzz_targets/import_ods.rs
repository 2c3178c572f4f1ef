#![no_main]
//! Fuzz target: a .ods file (plus a first byte choosing kind, encoding and mapping) through
//! `scm_crm_studio::fuzz_entry::import_file`.

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let _ = scm_crm_studio::fuzz_entry::import_file("ods", data);
});
