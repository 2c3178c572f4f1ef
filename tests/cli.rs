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
    assert_eq!(v["format_version"], 3);
    assert_eq!(v["customers"], 30);
    // D001–D003, and D004: D001's facts for a general customer (issue 13's lesson).
    assert_eq!(v["disputes"], 4);
    // The bundled lesson: nine scenes, listed in the sample from "What the customer gets"
    // to "The same facts with a general customer".
    assert_eq!(v["scenes"], 9);
    assert_eq!(v["steps_done"], 3);
    assert_eq!(v["revenue_total"], 243_960_000.0);
    assert_eq!(v["profit_total"], 33_118_000.0);
    // Worked out by hand from the sample (issue 18): profit < 0 for C009, C011, C013, C016 and
    // C020 (5 loss-making); class A is the top 6 by profit (reaching 80% of positive profit), B
    // the next 9, C the other 15; key = profitable and (A or growth ≥ 4): 9.
    assert_eq!(
        v["tiers"],
        serde_json::json!({"key": 9, "general": 16, "loss_making": 5})
    );
    assert_eq!(v["abc"], serde_json::json!({"a": 6, "b": 9, "c": 15}));
    assert_eq!(v["errors"].as_array().unwrap().len(), 0);
    assert_eq!(v["warnings"].as_array().unwrap().len(), 0);
}

/// Issue 13: `check --json` counts the lesson scenes; a file written before scenes existed
/// (the version 2 fixture) has none, and says 0, not null.
#[test]
fn check_json_counts_scenes() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("two.ron");
    let mut scenario = scm_crm_studio::store::load(&sample()).unwrap().scenario;
    scenario.scenes.truncate(2);
    scm_crm_studio::store::save(&path, &scenario).unwrap();
    let out = bin().args(["check", "--json"]).arg(&path).output().unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["scenes"], 2);
    let old = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/v2/harbor-logistics-v2.ron");
    let out = bin().args(["check", "--json"]).arg(&old).output().unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["ok"], true);
    assert_eq!(v["scenes"], 0);
    let out = bin()
        .args(["check", "--json", "no-such-file.ron"])
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["scenes"], serde_json::Value::Null);
}

#[test]
fn check_json_gives_the_figures_of_a_saved_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("saved.ron");
    let loaded = scm_crm_studio::store::load(&sample()).unwrap();
    let mut scenario = loaded.scenario;
    scenario.customers.truncate(10);
    scm_crm_studio::store::save(&path, &scenario).unwrap();
    let out = bin().args(["check", "--json"]).arg(&path).output().unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    // Worked out by hand from the sample's first ten customers. Profits (¥ thousand): C001
    // 10,000, C003 6,300, C002 6,100, C004 3,200, C005 1,880, C006 1,100, C010 760, C008 620,
    // C007 550, C009 −650. Positive total 30,510; A until 80 % (24,408) is reached: C001, C003,
    // C002, C004 (22,400 before it); B until 95 % (28,984.5): C005, C006, C010; C: C008, C007
    // and the loss-maker C009. Key = A, or profitable with growth ≥ 4 (none besides A here).
    assert_eq!(v["customers"], 10);
    assert_eq!(
        v["tiers"],
        serde_json::json!({"key": 4, "general": 5, "loss_making": 1})
    );
    assert_eq!(v["abc"], serde_json::json!({"a": 4, "b": 3, "c": 3}));
    assert_eq!(v["profit_total"], 29_860_000.0);
    assert_eq!(v["revenue_total"], 180_400_000.0);
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

fn advise(file: &Path, dispute: &str, today: &str) -> serde_json::Value {
    let out = bin()
        .args(["advise", "--json", "--dispute", dispute, "--today", today])
        .arg(file)
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn advise_gives_the_samples_disputes_their_route_order_forum_and_limitation() {
    // (dispute, tier, recommended, order, forum, limitation end, expired)
    let cases = [
        (
            "D001",
            "key",
            "negotiation",
            &["negotiation", "mediation", "arbitration"][..],
            "arbitration",
            "2029-05-22",
            false,
        ),
        (
            "D002",
            "general",
            "litigation",
            &["litigation"][..],
            "court",
            "2028-12-08",
            false,
        ),
        // Time-barred: negotiate first, then the one formal route.
        (
            "D003",
            "loss_making",
            "negotiation",
            &["negotiation", "arbitration"][..],
            "arbitration",
            "2026-06-30",
            true,
        ),
    ];
    for (id, tier, recommended, order, forum, ends, expired) in cases {
        let v = advise(&sample(), id, "2026-11-26");
        assert_eq!(v["dispute"], id);
        assert_eq!(v["tier"], tier, "{id}");
        assert_eq!(v["recommended"], recommended, "{id}");
        assert_eq!(v["order"], serde_json::json!(order), "{id}");
        assert_eq!(v["forum"], forum, "{id}");
        assert_eq!(v["firm_role"], "contractor", "{id}");
        assert_eq!(v["limitation"]["ends"], ends, "{id}");
        assert_eq!(v["limitation"]["expired"], expired, "{id}");
        assert_eq!(v["limitation"]["rest_day_extended"], false, "{id}");
        assert_eq!(v["net_result"]["settle_now"], 0.0, "{id}");
        assert!(v["net_result"][recommended].is_number(), "{id}");
        let reasons = v["reasons"].as_array().unwrap();
        assert!(
            reasons
                .iter()
                .all(|r| r.as_str().is_some_and(|s| s.ends_with('.'))),
            "{id}"
        );
        let sources: Vec<&str> = v["legal_basis"]
            .as_array()
            .unwrap()
            .iter()
            .map(|b| b["source"].as_str().unwrap())
            .collect();
        assert!(sources.iter().any(|s| s.starts_with("Civil Code")), "{id}");
    }
    // Under an arbitration clause on 2026-11-26 the revised Arbitration Law applies, by name.
    let d1 = advise(&sample(), "D001", "2026-11-26");
    let law = d1["legal_basis"]
        .as_array()
        .unwrap()
        .iter()
        .find(|b| b["source"].as_str().unwrap().starts_with("Arbitration Law"))
        .unwrap()
        .clone();
    assert_eq!(law["article"], serde_json::Value::Null);
    assert_eq!(law["version"], "revised 2025-09-12, in force 2026-03-01");
    // Before 2026-03-01, the 2017 text, art. 5.
    let early = advise(&sample(), "D001", "2026-02-27");
    assert!(
        early["legal_basis"]
            .as_array()
            .unwrap()
            .iter()
            .any(|b| b["article"] == "5")
    );
}

#[test]
fn advise_applies_article_203_to_a_limitation_ending_on_a_rest_day() {
    let file = fixture("advise/rest-days.ron");
    // Known 2024-02-29: nominally Sunday 2027-02-28, still in time on Monday 2027-03-01.
    let v = advise(&file, "L1", "2027-03-01");
    assert_eq!(v["limitation"]["ends"], "2027-03-01");
    assert_eq!(v["limitation"]["days_left"], 0);
    assert_eq!(v["limitation"]["expired"], false);
    assert_eq!(v["limitation"]["rest_day_extended"], true);
    assert_eq!(
        v["limitation"]["calendar_year_known"], false,
        "2027 is not in the calendar"
    );
    assert_eq!(v["tier"], "general");
    assert_eq!(v["recommended"], "arbitration");
    assert_eq!(v["order"], serde_json::json!(["arbitration"]));
    let reasons = v["reasons"].to_string();
    assert!(reasons.contains("Civil Code art. 203"), "{reasons}");
    assert!(reasons.contains("does not know 2027"), "{reasons}");
    // The day after, it has run out: negotiate first.
    let v = advise(&file, "L1", "2027-03-02");
    assert_eq!(v["limitation"]["expired"], true);
    assert_eq!(v["recommended"], "negotiation");
    assert_eq!(v["order"], serde_json::json!(["negotiation", "arbitration"]));
    // Nominally 2026-02-15, in the Spring Festival break: runs to Tuesday 2026-02-24.
    let v = advise(&file, "L2", "2026-02-20");
    assert_eq!(v["limitation"]["ends"], "2026-02-24");
    assert_eq!(v["limitation"]["rest_day_extended"], true);
    assert_eq!(v["limitation"]["calendar_year_known"], true);
    assert_eq!(v["tier"], "key");
    assert_eq!(
        v["order"],
        serde_json::json!(["negotiation", "mediation", "litigation"])
    );
    assert_eq!(v["forum"], "court");
    // A Saturday made a working day by the 2026 notice is not extended.
    let v = advise(&file, "L3", "2026-02-20");
    assert_eq!(v["limitation"]["ends"], "2026-02-28");
    assert_eq!(v["limitation"]["rest_day_extended"], false);
    assert_eq!(v["firm_role"], "employer");
    // The roof warranty runs five years from acceptance and covers a defect known in 2023.
    assert_eq!(
        v["warranty"],
        serde_json::json!({"part": "waterproofing", "ends": "2027-06-30", "covers_defect": true})
    );
}

#[test]
fn advise_exits_1_for_an_unknown_dispute_or_file_and_2_for_usage() {
    let out = bin()
        .args(["advise", "--dispute", "D999"])
        .arg(sample())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stdout).contains("D001, D002, D003"));
    let out = bin()
        .args(["advise", "/no/such/file.ron", "--dispute", "D001"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let out = bin().arg("advise").arg(sample()).output().unwrap();
    assert_eq!(out.status.code(), Some(2), "--dispute is required");
    let out = bin()
        .args(["advise", "--dispute", "D001", "--today", "2026-02-30"])
        .arg(sample())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "not a date");
}

#[test]
fn advise_prints_readable_text_without_json() {
    let out = bin()
        .args(["advise", "--dispute", "D003", "--today", "2026-11-26"])
        .arg(sample())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("Recommended: Negotiation"), "{text}");
    assert!(text.contains("Order to try: Negotiation → Arbitration"), "{text}");
    assert!(text.contains("Limitation ends: 2026-06-30 (expired)"), "{text}");
    assert!(
        text.contains("Arbitration -¥150,000"),
        "money as the app writes it: {text}"
    );
}

// ---- diff ---------------------------------------------------------------------------------

fn diff_json(a: &Path, b: &Path) -> (Option<i32>, serde_json::Value) {
    let out = bin().args(["diff", "--json"]).arg(a).arg(b).output().unwrap();
    let v = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&out.stdout)));
    (out.status.code(), v)
}

#[test]
fn diff_json_shows_exactly_the_issue_changes() {
    // changed.ron: C001, C009 and C012 have another cost to serve (C012 now loses money, C009
    // no longer does), C030 removed, C031 added. Expected values worked out by hand.
    let (code, v) = diff_json(&fixture("compare/baseline.ron"), &fixture("compare/changed.ron"));
    assert_eq!(code, Some(1));
    assert_eq!(v["a"]["customers"], 30);
    assert_eq!(v["a"]["revenue_total"], 243_960_000.0);
    assert_eq!(v["a"]["profit_total"], 33_118_000.0);
    assert_eq!(
        v["a"]["tiers"],
        serde_json::json!({"key": 9, "general": 16, "loss_making": 5})
    );
    assert_eq!(v["a"]["abc"], serde_json::json!({"a": 6, "b": 9, "c": 15}));
    assert_eq!(v["b"]["customers"], 30);
    assert_eq!(v["b"]["revenue_total"], 244_150_000.0);
    assert_eq!(v["b"]["profit_total"], 32_285_000.0);
    assert_eq!(
        v["b"]["tiers"],
        serde_json::json!({"key": 9, "general": 16, "loss_making": 5})
    );
    assert_eq!(v["b"]["abc"], serde_json::json!({"a": 6, "b": 8, "c": 16}));
    assert_eq!(
        v["customers"],
        serde_json::json!({"added": 1, "removed": 1, "changed": 3})
    );
    assert_eq!(
        v["tier_migration"],
        serde_json::json!({
            "key": {"key": 9, "general": 0, "loss_making": 0},
            "general": {"key": 0, "general": 14, "loss_making": 1},
            "loss_making": {"key": 0, "general": 1, "loss_making": 4},
        })
    );
    // Row sums are A's tier counts without the removed general customer C030: 9, 15, 5.
    for (row, expected) in [("key", 9), ("general", 15), ("loss_making", 5)] {
        let sum: u64 = v["tier_migration"][row]
            .as_object()
            .unwrap()
            .values()
            .map(|n| n.as_u64().unwrap())
            .sum();
        assert_eq!(sum, expected, "{row}");
    }
    let fields = v["changed_fields"].as_object().unwrap();
    assert_eq!(fields["cost_to_serve"], 3);
    assert_eq!(
        fields.iter().filter(|(_, n)| n.as_u64() != Some(0)).count(),
        1,
        "only cost_to_serve changed: {fields:?}"
    );
    assert_eq!(v["plan"], serde_json::json!({"steps_changed": 0}));
    assert_eq!(
        v["disputes"],
        serde_json::json!({"added": 0, "removed": 0, "changed": 0})
    );
}

#[test]
fn diff_sides_have_the_fields_and_values_of_check() {
    let path = fixture("compare/changed.ron");
    let (_, v) = diff_json(&fixture("compare/baseline.ron"), &path);
    let out = bin().args(["check", "--json"]).arg(&path).output().unwrap();
    let check: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    for field in [
        "customers",
        "revenue_total",
        "profit_total",
        "tiers",
        "abc",
        "steps_done",
        "disputes",
    ] {
        assert_eq!(v["b"][field], check[field], "{field}");
    }
}

#[test]
fn a_file_compared_with_itself_exits_0_with_no_differences() {
    let path = fixture("compare/baseline.ron");
    let (code, v) = diff_json(&path, &path);
    assert_eq!(code, Some(0));
    assert_eq!(
        v["customers"],
        serde_json::json!({"added": 0, "removed": 0, "changed": 0})
    );
    assert!(v["changed_fields"].as_object().unwrap().values().all(|n| n == 0));
    let out = bin().arg("diff").arg(&path).arg(&path).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("Customers: 0 added, 0 removed, 0 changed"),
        "{text}"
    );
    assert!(text.contains("The scenarios have the same content."), "{text}");
}

#[test]
fn diff_text_lists_each_changed_customer_with_old_and_new() {
    let out = bin()
        .arg("diff")
        .arg(fixture("compare/baseline.ron"))
        .arg(fixture("compare/changed.ron"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8(out.stdout).unwrap();
    for line in [
        "Customers: 1 added, 1 removed, 3 changed",
        "Cost to serve: 560,000.00 → 1,260,000.00 (profit -700,000.00)",
        "+ C031 寧波新港冷鏈食品有限公司 (profit +50,000.00)",
        "- C030 廈門鷺島文具有限公司 (profit -33,000.00)",
        "B−A: +0 customers, revenue +190,000.00, profit -833,000.00",
        "ABC A → B: A 6 → 6, B 9 → 8, C 15 → 16",
        "Changed fields: cost_to_serve 3",
    ] {
        assert!(text.contains(line), "missing {line:?} in\n{text}");
    }
}

#[test]
fn diff_counts_plan_steps_and_disputes() {
    let dir = tempfile::tempdir().unwrap();
    let mut scenario = scm_crm_studio::store::load(&fixture("compare/baseline.ron"))
        .unwrap()
        .scenario;
    scenario.plan.steps[3].progress_pct = 90;
    scenario.plan.steps[5].status = scm_crm_studio::model::StepStatus::Done;
    scenario.disputes[0].route = Some(scm_crm_studio::model::Route::Arbitration);
    scenario.disputes.remove(2);
    let path = dir.path().join("plan.ron");
    scm_crm_studio::store::save(&path, &scenario).unwrap();
    let (code, v) = diff_json(&fixture("compare/baseline.ron"), &path);
    assert_eq!(code, Some(1));
    assert_eq!(v["plan"], serde_json::json!({"steps_changed": 2}));
    assert_eq!(
        v["disputes"],
        serde_json::json!({"added": 0, "removed": 1, "changed": 1})
    );
    assert_eq!(v["customers"]["changed"], 0);
}

#[test]
fn diff_exits_2_for_unreadable_files_and_usage_errors() {
    let good = fixture("compare/baseline.ron");
    let out = bin()
        .arg("diff")
        .arg(&good)
        .arg("/no/such/file.ron")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("/no/such/file.ron"), "names the file: {text}");
    let out = bin()
        .arg("diff")
        .arg(fixture("bad/syntax-error.ron"))
        .arg(&good)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let out = bin().arg("diff").arg(&good).output().unwrap();
    assert_eq!(out.status.code(), Some(2), "one file only is a usage error");
    let out = bin()
        .args(["diff", "--bogus"])
        .arg(&good)
        .arg(&good)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
}

// ---- report, export, chart ---------------------------------------------------------------

/// Runs the binary with `args`; returns the exit code, stdout and stderr.
fn run(args: &[&std::ffi::OsStr]) -> (Option<i32>, String, String) {
    let out = bin().args(args).output().unwrap();
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn os(text: &str) -> &std::ffi::OsStr {
    std::ffi::OsStr::new(text)
}

/// Whether this machine can draw charts (Mesa's software renderer counts).
fn charts_render() -> bool {
    scm_crm_studio::ui::offscreen::adapter_available()
}

#[test]
fn report_html_holds_every_section_with_its_charts() {
    let dir = tempfile::tempdir().unwrap();
    let html_path = dir.path().join("report.html");
    let (code, stdout, stderr) = run(&[
        os("report"),
        sample().as_os_str(),
        os("--format"),
        os("html"),
        os("--today"),
        os("2026-11-26"),
        os("--out"),
        html_path.as_os_str(),
    ]);
    assert_eq!(code, Some(0), "{stderr}");
    assert!(stdout.contains("wrote "), "{stdout}");
    let html = std::fs::read_to_string(&html_path).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(html.contains("@media print"));
    for heading in [
        "Key figures",
        "Whale curve and value matrix",
        "Top and bottom 10 customers by profit",
        "Loss-makers",
        "Co-creation",
        "Integration plan: steps, Gantt and KPIs",
        "Dispute log",
    ] {
        assert!(html.contains(&format!("<h2>{heading}</h2>")), "{heading}");
    }
    assert!(html.contains("<h1>Harbor Link Logistics — FY2026 baseline</h1>"));
    assert!(
        !html.contains("src=\"http"),
        "self-contained: nothing loaded from elsewhere"
    );
    let images = html.matches("<img src=\"data:image/png;base64,").count();
    if charts_render() {
        assert_eq!(images, 4, "whale, matrix, Gantt and KPIs");
        assert!(stderr.is_empty(), "{stderr}");
    } else {
        assert_eq!(images, 0);
        assert_eq!(html.matches("Chart image left out").count(), 4);
        assert!(stderr.contains("warning: the report has notes in place of its chart images"));
    }
}

#[test]
fn report_sections_languages_and_formats() {
    // JSON to standard output, two sections.
    let (code, stdout, stderr) = run(&[
        os("report"),
        sample().as_os_str(),
        os("--format"),
        os("json"),
        os("--sections"),
        os("figures,loss-makers"),
    ]);
    assert_eq!(code, Some(0), "{stderr}");
    let v: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(v["figures"]["customers"], 30);
    assert_eq!(v["figures"]["profit"], 33_118_000.0);
    assert_eq!(v["loss_makers"]["count"], 6);
    assert!(v.get("plan").is_none() && v.get("charts").is_none(), "left out");
    // Markdown in Traditional Chinese, without the chart section (no images needed).
    let (code, stdout, _) = run(&[
        os("report"),
        sample().as_os_str(),
        os("--format"),
        os("md"),
        os("--lang"),
        os("zh-Hant"),
        os("--sections"),
        os("title,figures,disputes"),
    ]);
    assert_eq!(code, Some(0));
    assert!(stdout.starts_with("# Harbor Link Logistics — FY2026 baseline"));
    assert!(stdout.contains("## 關鍵數字"), "{stdout}");
    assert!(stdout.contains("## 糾紛記錄"));
    assert!(!stdout.contains("## 鯨魚曲線"));
}

#[test]
fn report_exit_codes() {
    let (code, _, stderr) = run(&[os("report"), os("/no/such.ron"), os("--format"), os("html")]);
    assert_eq!(code, Some(1));
    assert!(stderr.contains("Cannot read the file"), "{stderr}");
    let (code, _, _) = run(&[os("report"), sample().as_os_str(), os("--format"), os("pdf")]);
    assert_eq!(code, Some(2), "unknown format");
    let (code, _, _) = run(&[
        os("report"),
        sample().as_os_str(),
        os("--format"),
        os("html"),
        os("--sections"),
        os("figures,gossip"),
    ]);
    assert_eq!(code, Some(2), "unknown section");
    let (code, _, _) = run(&[os("report"), sample().as_os_str()]);
    assert_eq!(code, Some(2), "--format is required");
    let dir = tempfile::tempdir().unwrap();
    let (code, _, stderr) = run(&[
        os("report"),
        sample().as_os_str(),
        os("--format"),
        os("json"),
        os("--out"),
        dir.path().join("missing/folder/r.json").as_os_str(),
    ]);
    assert_eq!(code, Some(1), "an output that cannot be written");
    assert!(stderr.contains("error:"), "{stderr}");
}

/// The sample with its first customer renamed to a formula.
fn sample_with_formula_name(dir: &Path) -> PathBuf {
    let mut scenario = scm_crm_studio::store::load(&sample()).unwrap().scenario;
    scenario.customers[0].name = "=HYPERLINK(\"x\")".into();
    let path = dir.join("formula.ron");
    scm_crm_studio::store::save(&path, &scenario).unwrap();
    path
}

#[test]
fn export_customers_neutralises_formulas_in_csv_and_xlsx() {
    use calamine::{Data, Reader as _, Xlsx};
    let dir = tempfile::tempdir().unwrap();
    let file = sample_with_formula_name(dir.path());
    let csv_path = dir.path().join("customers.csv");
    let (code, _, stderr) = run(&[
        os("export"),
        os("customers"),
        file.as_os_str(),
        os("--format"),
        os("csv"),
        os("--out"),
        csv_path.as_os_str(),
    ]);
    assert_eq!(code, Some(0), "{stderr}");
    let mut reader = csv::Reader::from_path(&csv_path).unwrap();
    let first = reader.records().next().unwrap().unwrap();
    assert_eq!(&first[0], "C001");
    assert_eq!(&first[1], "'=HYPERLINK(\"x\")", "neutralised with an apostrophe");

    let xlsx_path = dir.path().join("customers.xlsx");
    let (code, _, stderr) = run(&[
        os("export"),
        os("customers"),
        file.as_os_str(),
        os("--format"),
        os("xlsx"),
        os("--out"),
        xlsx_path.as_os_str(),
    ]);
    assert_eq!(code, Some(0), "{stderr}");
    let mut book: Xlsx<_> = calamine::open_workbook(&xlsx_path).unwrap();
    let sheet = book.worksheet_range("Customers").unwrap();
    let row = sheet.rows().nth(1).unwrap();
    assert_eq!(row[1], Data::String("'=HYPERLINK(\"x\")".into()));
    assert_eq!(row[7], Data::Float(10_000_000.0), "profit stays a number");
    let formulas = book.worksheet_formula("Customers").unwrap();
    assert!(
        formulas.used_cells().all(|(_, _, f)| f.is_empty()),
        "no cell holds a formula"
    );
}

#[test]
fn export_customers_filters_and_sorts_as_the_table_does() {
    use scm_crm_studio::model::Segmentation;
    use scm_crm_studio::model::customer_table::{self, Column, Filter, Sort};
    let dir = tempfile::tempdir().unwrap();
    let csv_path = dir.path().join("loss.csv");
    let (code, _, stderr) = run(&[
        os("export"),
        os("customers"),
        sample().as_os_str(),
        os("--format"),
        os("csv"),
        os("--out"),
        csv_path.as_os_str(),
        os("--filter"),
        os("tier=loss_making"),
        os("--sort"),
        os("profit"),
    ]);
    assert_eq!(code, Some(0), "{stderr}");
    let scenario = scm_crm_studio::store::load(&sample()).unwrap().scenario;
    let seg = Segmentation::compute(&scenario.customers, &scenario.settings);
    let filter = Filter {
        tier: Some(scm_crm_studio::model::Tier::LossMaking),
        ..Filter::default()
    };
    let sort = Sort {
        column: Column::Profit,
        ascending: true,
    };
    let expected: Vec<(String, f64)> = customer_table::rows(&scenario.customers, &seg, &filter, sort)
        .into_iter()
        .map(|i| {
            (
                scenario.customers[i].id.clone(),
                seg.figures[i].profit as f64 / 100.0,
            )
        })
        .collect();
    let mut reader = csv::Reader::from_path(&csv_path).unwrap();
    assert_eq!(&reader.headers().unwrap()[7], "Profit");
    let got: Vec<(String, f64)> = reader
        .records()
        .map(|r| {
            let r = r.unwrap();
            (r[0].to_owned(), r[7].parse().unwrap())
        })
        .collect();
    assert_eq!(got, expected);
    assert_eq!(got.len(), 5);
    assert_eq!(got[0], ("C009".to_owned(), -650_000.0), "the biggest loss first");
}

#[test]
fn export_customers_exit_codes() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("x.csv");
    let base = |extra: &[&str]| {
        let mut args = vec![
            os("export").to_owned(),
            os("customers").to_owned(),
            sample().into_os_string(),
            os("--format").to_owned(),
            os("csv").to_owned(),
            os("--out").to_owned(),
            out.clone().into_os_string(),
        ];
        args.extend(extra.iter().map(|a| os(a).to_owned()));
        bin().args(args).output().unwrap()
    };
    let o = base(&["--filter", "tier=gold"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("unknown tier \"gold\""));
    assert_eq!(base(&["--sort", "wealth"]).status.code(), Some(2));
    assert_eq!(base(&["--filter", "tier"]).status.code(), Some(2));
    assert!(!out.exists(), "nothing written on a usage error");
    let (code, _, _) = run(&[
        os("export"),
        os("customers"),
        os("/no/such.ron"),
        os("--format"),
        os("csv"),
        os("--out"),
        out.as_os_str(),
    ]);
    assert_eq!(code, Some(1));
    let (code, _, _) = run(&[
        os("export"),
        os("customers"),
        sample().as_os_str(),
        os("--format"),
        os("csv"),
    ]);
    assert_eq!(code, Some(2), "--out is required");
}

#[test]
fn export_plan_writes_a_calendar_and_a_table() {
    let dir = tempfile::tempdir().unwrap();
    let ics = dir.path().join("plan.ics");
    let (code, _, stderr) = run(&[
        os("export"),
        os("plan"),
        sample().as_os_str(),
        os("--format"),
        os("ics"),
        os("--out"),
        ics.as_os_str(),
        os("--today"),
        os("2026-11-26"),
    ]);
    assert_eq!(code, Some(0), "{stderr}");
    let text = std::fs::read_to_string(&ics).unwrap();
    let calendar = ical::IcalParser::new(text.as_bytes()).next().unwrap().unwrap();
    assert_eq!(calendar.events.len(), 13, "8 step deadlines and 5 work packages");
    let csv_path = dir.path().join("plan.csv");
    let (code, _, _) = run(&[
        os("export"),
        os("plan"),
        sample().as_os_str(),
        os("--format"),
        os("csv"),
        os("--out"),
        csv_path.as_os_str(),
        os("--lang"),
        os("zh-Hans"),
        os("--today"),
        os("2026-11-26"),
    ]);
    assert_eq!(code, Some(0));
    let mut reader = csv::Reader::from_path(&csv_path).unwrap();
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 13);
    assert_eq!(&rows[0][4], "已完成", "statuses in the chosen language");
    let (code, _, _) = run(&[
        os("export"),
        os("plan"),
        sample().as_os_str(),
        os("--format"),
        os("xlsx"),
        os("--out"),
        csv_path.as_os_str(),
    ]);
    assert_eq!(code, Some(2), "plans export as csv or ics");
    let (code, _, _) = run(&[
        os("export"),
        os("plan"),
        os("/no/such.ron"),
        os("--format"),
        os("ics"),
        os("--out"),
        ics.as_os_str(),
    ]);
    assert_eq!(code, Some(1));
}

#[test]
fn chart_writes_a_png_of_the_requested_size_or_says_why_not() {
    let dir = tempfile::tempdir().unwrap();
    for (chart, theme) in [("whale", "light"), ("gantt", "dark"), ("kpi", "present")] {
        let png_path = dir.path().join(format!("{chart}.png"));
        let (code, _, stderr) = run(&[
            os("chart"),
            sample().as_os_str(),
            os("--chart"),
            os(chart),
            os("--size"),
            os("800x500"),
            os("--theme"),
            os(theme),
            os("--today"),
            os("2026-11-26"),
            os("--out"),
            png_path.as_os_str(),
        ]);
        if charts_render() {
            assert_eq!(code, Some(0), "{chart}: {stderr}");
            let decoder = png::Decoder::new(std::io::BufReader::new(std::fs::File::open(&png_path).unwrap()));
            let reader = decoder.read_info().unwrap();
            let info = reader.info();
            assert_eq!((info.width, info.height), (800, 500), "{chart}");
        } else {
            assert_eq!(code, Some(1), "{chart}");
            assert_eq!(
                stderr.trim(),
                format!(
                    "error: cannot draw the {chart} chart: no graphics adapter to draw charts with (install libegl1 and libgl1-mesa-dri)"
                ),
                "one sentence"
            );
            assert!(!png_path.exists());
        }
    }
}

#[test]
fn chart_usage_errors_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    let png_path = dir.path().join("c.png");
    let file = sample();
    for bad in [
        &["--chart", "pie"][..],
        &["--chart", "whale", "--size", "big"],
        &["--chart", "whale", "--size", "0x10"],
        &["--chart", "whale", "--theme", "neon"],
        &["--chart", "whale", "--lang", "fr"],
    ] {
        let mut args = vec![os("chart"), file.as_os_str(), os("--out"), png_path.as_os_str()];
        args.extend(bad.iter().map(|a| os(a)));
        let (code, _, stderr) = run(&args);
        assert_eq!(code, Some(2), "{bad:?}: {stderr}");
    }
    let (code, _, _) = run(&[
        os("chart"),
        os("/no/such.ron"),
        os("--chart"),
        os("whale"),
        os("--out"),
        png_path.as_os_str(),
    ]);
    assert_eq!(code, Some(1));
    assert!(!png_path.exists());
}

#[test]
fn help_gives_an_example_for_every_command() {
    for command in [
        &["check"][..],
        &["advise"],
        &["diff"],
        &["import"],
        &["report"],
        &["export", "customers"],
        &["export", "plan"],
        &["chart"],
        &["segments"],
    ] {
        let mut args: Vec<&std::ffi::OsStr> = command.iter().map(|a| os(a)).collect();
        args.push(os("--help"));
        let (code, stdout, _) = run(&args);
        assert_eq!(code, Some(0), "{command:?}");
        assert!(
            stdout.contains("Example") && stdout.contains("scm-crm-studio "),
            "{command:?}: {stdout}"
        );
    }
}

fn segments_json(file: &Path) -> (Option<i32>, serde_json::Value) {
    let out = bin().args(["segments", "--json"]).arg(file).output().unwrap();
    let v = serde_json::from_slice(&out.stdout).unwrap_or(serde_json::Value::Null);
    (out.status.code(), v)
}

#[test]
fn segments_json_counts_each_segment_and_lists_saved_groups() {
    let (code, v) = segments_json(&fixture("segments/rfm-groups.ron"));
    assert_eq!(code, Some(0));
    // Ten customers with RFM, two per quintile. R by recency (1, 2 days → 5; 10, 11 → 4; 30,
    // 31 → 3; 60, 61 → 2; 200, 201 → 1); F and M rank the same way, so FM = F:
    // C01, C02 R5 FM5 champion; C03 R4 FM4 loyal; C04 R4 FM2 potential loyalist; C05 R3 FM4
    // loyal; C06 R3 FM2 needs attention; C07 R2 FM3 at risk; C08 R2 FM1 hibernating; C09 R1
    // FM3 at risk; C10 R1 FM1 lost. C11 has no RFM.
    assert_eq!(
        v,
        serde_json::json!({
            "customers": 11,
            "with_rfm": 10,
            "segments": {
                "champion": 2, "loyal": 2, "potential_loyalist": 1, "new": 0, "promising": 0,
                "needs_attention": 1, "about_to_sleep": 0, "at_risk": 2, "cannot_lose": 0,
                "hibernating": 1, "lost": 1
            },
            "groups": [
                {"name": "Big buyers", "size": 4, "description": "high monetary value, high frequency"},
                {"name": "Fading", "size": 4, "description": "not bought lately"}
            ]
        })
    );
}

#[test]
fn segments_on_a_file_without_rfm_counts_nothing_and_has_no_groups() {
    let (code, v) = segments_json(&sample());
    assert_eq!(code, Some(0));
    assert_eq!(v["customers"], 30);
    assert_eq!(v["with_rfm"], 0);
    assert_eq!(v["segments"].as_object().unwrap().len(), 11);
    assert!(v["segments"].as_object().unwrap().values().all(|n| n == 0));
    assert_eq!(v["groups"], serde_json::json!([]));
}

#[test]
fn segments_text_lists_every_segment_and_group() {
    let out = bin()
        .arg("segments")
        .arg(fixture("segments/rfm-groups.ron"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("11 customers, 10 with RFM scores"), "{text}");
    for line in [
        "Champion",
        "Cannot lose",
        "no RFM data",
        "groups:",
        "Big buyers",
        "Fading",
    ] {
        assert!(text.contains(line), "{line} missing in:\n{text}");
    }
}

#[test]
fn segments_exits_1_for_bad_files_and_2_for_usage() {
    let (code, _) = segments_json(&fixture("bad/syntax-error.ron"));
    assert_eq!(code, Some(1));
    let (code, _) = segments_json(Path::new("/nonexistent/file.ron"));
    assert_eq!(code, Some(1));
    let out = bin().args(["segments"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2), "missing FILE");
    let out = bin()
        .args(["segments", "--bogus"])
        .arg(sample())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "unknown flag");
}

#[test]
fn saved_groups_survive_save_and_load_and_older_files_have_none() {
    let loaded = scm_crm_studio::store::load(&fixture("segments/rfm-groups.ron")).unwrap();
    let scenario = loaded.scenario;
    assert_eq!(scenario.groups.len(), 2);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("groups.ron");
    scm_crm_studio::store::save(&path, &scenario).unwrap();
    let again = scm_crm_studio::store::load(&path).unwrap().scenario;
    assert_eq!(again.groups, scenario.groups);
    assert_eq!(again.customers, scenario.customers);
    // A file from before groups existed loads with none, and saving it writes no `groups:`.
    let old = scm_crm_studio::store::load(&sample()).unwrap().scenario;
    assert!(old.groups.is_empty());
    scm_crm_studio::store::save(&path, &old).unwrap();
    assert!(!std::fs::read_to_string(&path).unwrap().contains("groups:"));
}

/// The segment map of DOMAIN.md §4 typed again for the test (rows R 5→1, columns FM 1→5), so
/// the check does not lean on the app's own table.
const GRID_BY_HAND: [[&str; 5]; 5] = [
    [
        "new",
        "potential_loyalist",
        "potential_loyalist",
        "champion",
        "champion",
    ],
    [
        "promising",
        "potential_loyalist",
        "potential_loyalist",
        "loyal",
        "champion",
    ],
    [
        "about_to_sleep",
        "needs_attention",
        "needs_attention",
        "loyal",
        "loyal",
    ],
    ["hibernating", "hibernating", "at_risk", "at_risk", "cannot_lose"],
    ["lost", "lost", "at_risk", "cannot_lose", "cannot_lose"],
];

#[test]
fn every_customer_of_a_70000_purchase_log_gets_the_segment_the_grid_gives_by_hand() {
    use std::fmt::Write as _;
    // A year of purchases shaped like a public retail log: about 4,300 customers, a few of
    // them buying often and most rarely (the id is drawn from a skewed distribution).
    let mut state: u64 = 2026;
    let mut next = move || {
        state = state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        state >> 33
    };
    let mut text = String::from("customer_id,date,amount\n");
    for _ in 0..70_000 {
        let u = (next() % 10_000) as f64 / 10_000.0;
        let customer = (u * u * 4_300.0) as u64;
        let day = next() % 365;
        let date = chrono::NaiveDate::from_ymd_opt(2025, 12, 1).unwrap() + chrono::Days::new(day);
        let cents = 500 + next() % 200_000;
        writeln!(text, "U{customer:05},{date},{}.{:02}", cents / 100, cents % 100).unwrap();
    }
    let dir = tempfile::tempdir().unwrap();
    let log = dir.path().join("log.csv");
    std::fs::write(&log, text).unwrap();
    let into = dir.path().join("log.ron");
    let out = bin()
        .args(["import", "transactions"])
        .arg(&log)
        .arg("--into")
        .arg(&into)
        .args(["--reference-date", "2026-12-01"])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );

    let (code, v) = segments_json(&into);
    assert_eq!(code, Some(0));
    let customers = v["customers"].as_u64().unwrap();
    assert!(customers > 4_000, "{customers} customers");
    assert_eq!(
        v["with_rfm"], customers,
        "every customer of the log has a segment"
    );
    let counts = v["segments"].as_object().unwrap();
    let sum: u64 = counts.values().map(|n| n.as_u64().unwrap()).sum();
    assert_eq!(sum, customers, "segment counts add up to the customer count");

    // The grid applied by hand to the scores the app gives.
    let scenario = scm_crm_studio::store::load(&into).unwrap().scenario;
    let seg = scm_crm_studio::model::Segmentation::compute(&scenario.customers, &scenario.settings);
    let mut by_hand = std::collections::BTreeMap::<&str, u64>::new();
    for f in &seg.figures {
        let [r, fr, m] = f.rfm_scores.unwrap();
        let fm = (fr + m).div_ceil(2); // the rounded mean, halves up
        let name = GRID_BY_HAND[usize::from(5 - r)][usize::from(fm - 1)];
        *by_hand.entry(name).or_default() += 1;
    }
    for (name, n) in counts {
        assert_eq!(
            n.as_u64().unwrap(),
            by_hand.get(name.as_str()).copied().unwrap_or(0),
            "{name}"
        );
    }
    // A real spread: most segments are used.
    assert!(
        counts.values().filter(|n| n.as_u64().unwrap() > 0).count() >= 8,
        "{counts:?}"
    );
}
