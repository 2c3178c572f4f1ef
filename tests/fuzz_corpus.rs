//! Replays every input the fuzz campaigns kept (`fuzz/corpus/<target>/`: seeds, the minimised
//! corpus, and each crash found, kept as a regression), through the same entry points the
//! fuzz targets call. A campaign runs by hand (`RUSTC_BOOTSTRAP=1 cargo fuzz run TARGET`, see
//! README); this keeps its findings in every `cargo test`.

#![allow(
    clippy::unwrap_used,
    reason = "test helpers: a failure here is a test failure"
)]

use std::path::Path;

use scm_crm_studio::fuzz_entry;

/// Runs every input of `target`; returns what each returned, by file name.
fn replay<T>(target: &str, run: impl Fn(&[u8]) -> T) -> Vec<(String, T)> {
    let folder = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fuzz/corpus")
        .join(target);
    let mut inputs: Vec<_> = std::fs::read_dir(&folder)
        .unwrap_or_else(|e| panic!("{}: {e}", folder.display()))
        .map(|entry| entry.unwrap().path())
        .collect();
    inputs.sort();
    assert!(!inputs.is_empty(), "{target}: no corpus in {}", folder.display());
    inputs
        .iter()
        .map(|input| {
            let data = std::fs::read(input).unwrap();
            let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| run(&data)));
            let name = input.file_name().unwrap().to_string_lossy().into_owned();
            (
                name,
                outcome.unwrap_or_else(|_| panic!("{target}: {} panics", input.display())),
            )
        })
        .collect()
}

/// The seed's result, so each test also shows its seeds reach the code it means to fuzz.
fn seed<T: Clone>(results: &[(String, T)], name: &str) -> T {
    let Some((_, result)) = results.iter().find(|(n, _)| n == name) else {
        panic!("seed {name} missing");
    };
    result.clone()
}

#[test]
fn the_ron_loader_corpus_loads_or_fails_cleanly() {
    let results = replay("ron_loader", fuzz_entry::scenario_text);
    assert!(seed(&results, "seed-sample.ron"));
    assert!(!seed(&results, "seed-bad-syntax-error.ron"));
}

#[test]
fn the_check_corpus_exits_0_1_or_2() {
    let results = replay("check", fuzz_entry::check_file);
    assert_eq!(seed(&results, "seed-sample.ron"), Some(0));
    assert_eq!(seed(&results, "seed-bad-not-utf8.ron"), Some(1));
}

#[test]
fn the_csv_import_corpus_imports_or_fails_cleanly() {
    let results = replay("import_csv", |data| fuzz_entry::import_file("csv", data));
    assert_eq!(seed(&results, "seed-c-customers-zh-hant.csv"), Some(0));
    assert_eq!(seed(&results, "seed-t-transactions.csv"), Some(0));
}

#[test]
fn the_xlsx_import_corpus_imports_or_fails_cleanly() {
    let results = replay("import_xlsx", |data| fuzz_entry::import_file("xlsx", data));
    assert_eq!(seed(&results, "seed-customers.xlsx"), Some(0));
    assert_eq!(seed(&results, "seed-transactions.xlsx"), Some(0));
}

#[test]
fn the_ods_import_corpus_imports_or_fails_cleanly() {
    let results = replay("import_ods", |data| fuzz_entry::import_file("ods", data));
    assert_eq!(seed(&results, "seed-customers.ods"), Some(0));
}

#[test]
fn the_advice_corpus_advises_or_fails_cleanly() {
    let results = replay("advice", fuzz_entry::advise_input);
    for n in 0..3 {
        assert_eq!(seed(&results, &format!("seed-dispute-{n}.ron")), Some(0));
    }
}
