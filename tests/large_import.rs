//! Issue 9: a transaction log big enough that the imported scenario is over 64 MiB (the old
//! limit, when the app wrote files it then refused to open) imports and opens again.
//!
//! A separate test binary, so it runs alongside the others rather than after them.

#![allow(
    clippy::unwrap_used,
    reason = "test helpers: a failure here is a test failure"
)]

use std::fmt::Write as _;
use std::process::Command;

use scm_crm_studio::store;

#[test]
fn an_import_over_the_old_64_mib_limit_opens_again() {
    let dir = tempfile::tempdir().unwrap();
    let log = dir.path().join("log.csv");
    // Long ids make the file big with few rows, so the test stays quick in a debug build:
    // each customer's row carries its id twice (as id and as name).
    let customers = 78_000;
    let padding = "x".repeat(340);
    let mut text = String::with_capacity(customers * 400);
    text.push_str("customer_id,date,amount\n");
    for i in 0..customers {
        writeln!(
            text,
            "C{i:06}-{padding},2026-0{}-1{},{}.{:02}",
            1 + i % 9,
            i % 10,
            i * 7 % 100_000,
            i % 100
        )
        .unwrap();
    }
    std::fs::write(&log, text).unwrap();
    let into = dir.path().join("big.ron");
    let out = Command::new(env!("CARGO_BIN_EXE_scm-crm-studio"))
        .args(["import", "transactions"])
        .arg(&log)
        .arg("--into")
        .arg(&into)
        .args(["--reference-date", "2026-11-26"])
        .output()
        .unwrap();
    let printed = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{printed}");
    assert!(
        printed.contains(&format!("{customers} customers added")),
        "{printed}"
    );
    let bytes = std::fs::metadata(&into).unwrap().len();
    assert!(
        bytes > 64 * 1024 * 1024,
        "only {bytes} bytes: not over the old limit"
    );

    let loaded = store::load(&into).unwrap();
    assert_eq!(loaded.scenario.customers.len(), customers);
    let last = &loaded.scenario.customers[customers - 1];
    assert!(
        last.id.starts_with(&format!("C{:06}-", customers - 1)),
        "{}",
        last.id
    );
    assert!(last.rfm.is_some());

    let out = Command::new(env!("CARGO_BIN_EXE_scm-crm-studio"))
        .arg("check")
        .arg(&into)
        .output()
        .unwrap();
    let printed = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{printed}");
    assert!(printed.contains(&format!("{customers} customers")), "{printed}");
}
