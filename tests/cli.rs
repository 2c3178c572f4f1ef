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
    assert_eq!(v["disputes"], 3);
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
