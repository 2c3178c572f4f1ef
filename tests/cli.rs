//! The headless `check` command, run as a user would run it.

#![allow(
    clippy::unwrap_used,
    reason = "test helpers: a failure here is a test failure"
)]

use std::path::{Path, PathBuf};
use std::process::Command;

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_scm-crm-studio"))
}

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

fn sample() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/samples/harbor-logistics.ron")
}

#[test]
fn check_json_reports_the_sample() {
    let out = bin().args(["check", "--json"]).arg(sample()).output().unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["ok"], true);
    assert_eq!(v["format_version"], 2);
    assert_eq!(v["customers"], 30);
    assert_eq!(v["disputes"], 3);
    assert_eq!(v["steps_done"], 3);
    assert_eq!(v["revenue_total"], 243_960_000.0);
    assert_eq!(v["profit_total"], 33_118_000.0);
    let tiers = &v["tiers"];
    assert_eq!(
        tiers["key"].as_u64().unwrap()
            + tiers["general"].as_u64().unwrap()
            + tiers["loss_making"].as_u64().unwrap(),
        30
    );
    assert!(tiers["loss_making"].as_u64().unwrap() >= 3);
    let abc = &v["abc"];
    assert_eq!(
        abc["a"].as_u64().unwrap() + abc["b"].as_u64().unwrap() + abc["c"].as_u64().unwrap(),
        30
    );
    assert_eq!(v["errors"].as_array().unwrap().len(), 0);
    assert_eq!(v["warnings"].as_array().unwrap().len(), 0);
}

#[test]
fn check_json_agrees_with_the_model_on_a_saved_file() {
    use scm_crm_studio::model::{Segmentation, Summary};
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("saved.ron");
    let loaded = scm_crm_studio::store::load(&sample()).unwrap();
    let mut scenario = loaded.scenario;
    scenario.customers.truncate(10);
    scm_crm_studio::store::save(&path, &scenario).unwrap();
    let out = bin().args(["check", "--json"]).arg(&path).output().unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let expected = Summary::new(
        &scenario,
        &Segmentation::compute(&scenario.customers, &scenario.settings),
    );
    assert_eq!(v["customers"], 10);
    assert_eq!(v["tiers"]["key"], expected.tiers.key);
    assert_eq!(v["tiers"]["general"], expected.tiers.general);
    assert_eq!(v["tiers"]["loss_making"], expected.tiers.loss_making);
    assert_eq!(v["abc"]["a"], expected.abc.a);
    assert!((v["profit_total"].as_f64().unwrap() - expected.profit_total).abs() < 0.005);
}

#[test]
fn check_prints_errors_with_line_and_column_and_exits_1() {
    let path = fixture("bad/bad-date.ron");
    let out = bin().arg("check").arg(&path).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8(out.stdout).unwrap();
    assert_eq!(
        text.trim(),
        format!(
            "{}:5:15: error: not a valid date (expected YYYY-MM-DD, a real calendar day)",
            path.display()
        )
    );
    let out = bin().args(["check", "--json"]).arg(&path).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["ok"], false);
    assert_eq!(v["errors"][0]["line"], 5);
    assert_eq!(v["errors"][0]["col"], 15);
}

#[test]
fn warnings_are_printed_but_the_file_is_ok() {
    let path = fixture("bad/negative-amount.ron");
    let out = bin().arg("check").arg(&path).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains(&format!(
            "{}:8:7: warning: Customer row 1 (C001): cost_to_serve is negative",
            path.display()
        )),
        "{text}"
    );
    assert!(text.contains("1 warnings"), "{text}");
}

#[test]
fn unreadable_files_exit_1_and_usage_errors_exit_2() {
    let out = bin().args(["check", "/no/such/file.ron"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stdout).contains("Cannot read the file"));
    let out = bin().args(["check"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let out = bin().args(["check", "a.ron", "--bogus"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn a_migrated_file_reports_its_own_version() {
    let out = bin()
        .args(["check", "--json"])
        .arg(fixture("v1/classroom-v1.ron"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["format_version"], 1);
    assert_eq!(v["customers"], 2);
}
