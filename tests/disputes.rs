//! The disputes page as a user drives it: the wizard through every step, the log, the report.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "test helpers: a failure here is a test failure"
)]

use std::path::PathBuf;

use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::kittest::{By, Queryable as _};
use egui_kittest::{Harness, SnapshotResults};
use scm_crm_studio::model::{DisputeStatus, Route, WizardStep};
use scm_crm_studio::ui::StudioApp;

mod common;
use common::{app_sized, today};

fn app_harness(file: Option<PathBuf>) -> Harness<'static, StudioApp> {
    app_sized([1280.0, 800.0], file)
}

fn click(harness: &mut Harness<'_, StudioApp>, role: Role, label: &str) {
    harness.get_by_role_and_label(role, label).click();
    harness.run();
}

fn type_into(harness: &mut Harness<'_, StudioApp>, label: &str, text: &str) {
    type_and_stay(harness, label, text);
    // Leave the field, so the next edit is its own undo step.
    harness.key_press(Key::Escape);
    harness.run();
}

/// Types into the field labelled `label`, replacing what it held, and keeps the focus there.
fn type_and_stay(harness: &mut Harness<'_, StudioApp>, label: &str, text: &str) {
    let role = if harness.query_by_role_and_label(Role::TextInput, label).is_some() {
        Role::TextInput
    } else {
        Role::MultilineTextInput
    };
    harness.get_by_role_and_label(role, label).focus();
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness.key_press(Key::Backspace);
    harness.run();
    harness.get_by_role_and_label(role, label).type_text(text);
    harness.run();
}

fn next(harness: &mut Harness<'_, StudioApp>) {
    click(harness, Role::Button, "Next");
}

fn draft_step(harness: &Harness<'_, StudioApp>) -> Option<WizardStep> {
    harness
        .state()
        .document()
        .scenario
        .dispute_draft
        .as_ref()
        .map(|d| d.step)
}

fn show_disputes(harness: &mut Harness<'_, StudioApp>) {
    click(harness, Role::Button, "Disputes");
}

/// Runs the wizard for a quantity-of-work dispute with `customer_id` up to the advice step.
fn wizard_to_advice(harness: &mut Harness<'_, StudioApp>, customer_id: &str, contract: &str, clause: bool) {
    click(harness, Role::Button, "New dispute");
    // 1 Parties
    harness.get_by_label("Step 1 of 7: Parties");
    type_into(harness, "Search", customer_id);
    harness
        .get(
            By::new()
                .role(Role::Button)
                .label_contains(&format!("({customer_id})")),
        )
        .click();
    harness.run();
    harness.get(By::new().label_contains("Tier: "));
    type_into(harness, "Contract name", contract);
    type_into(harness, "Contract value", "1,200,000");
    type_into(harness, "Signed on", "2025-03-01");
    if clause {
        click(harness, Role::CheckBox, "The contract has an arbitration clause");
    }
    next(harness);
    // 2 Dispute kind: the six kinds and other, each explained.
    harness.get_by_label("Step 2 of 7: Dispute kind");
    harness.get_by_label("The parties disagree on how much work was done.");
    click(harness, Role::RadioButton, "Quantity of work");
    click(
        harness,
        Role::CheckBox,
        "Are there site visas signed by the employer's representative?",
    );
    next(harness);
    // 3 Facts
    harness.get_by_label("Step 3 of 7: Facts");
    type_into(harness, "Amount claimed", "500000");
    type_into(harness, "Amount disputed", "400000");
    type_into(harness, "Date the damage was known", "2026-09-01");
    // Three years on is Saturday 2029-09-01: the period runs to Monday 2029-09-03 (art. 203).
    harness.get_by_label("The limitation period ends on 2029-09-03 (1012 days left).");
    click(harness, Role::CheckBox, "Site visas");
    harness.get_by_label("Evidence held (1 of 6)");
    next(harness);
    // 4 Relationship: prefilled from the customer.
    harness.get_by_label("Step 4 of 7: Relationship");
    let draft = harness.state().document().scenario.dispute_draft.clone().unwrap();
    assert!(
        draft.dispute.relationship.annual_profit.minor() > 0,
        "annual profit is prefilled from the customer"
    );
    harness.get(By::new().label_contains("Relationship value at risk: ¥"));
    next(harness);
    harness.get_by_label("Step 5 of 7: Advice");
}

/// From the advice step: prevention, then decide on `route` (with `reason`) and record.
fn advice_to_record(harness: &mut Harness<'_, StudioApp>, route: &str, reason: Option<&str>) {
    next(harness);
    // 6 Prevention: scored, and the gaps this kind reveals are marked.
    harness.get_by_label("Step 6 of 7: Prevention");
    harness.get_by_label("Prevention score: 0%");
    harness.get_by_label("● Site environment assessed (revealed by this dispute)");
    harness.get_all_by_label("Done").next().unwrap().click();
    harness.run();
    harness.get_by_label("Prevention score: 16%");
    next(harness);
    // 7 Decide
    harness.get_by_label("Step 7 of 7: Decide");
    click(harness, Role::RadioButton, route);
    if let Some(reason) = reason {
        harness.get_by_label("The route differs from the advice: say why.");
        let logged = harness.state().document().scenario.disputes.len();
        click(harness, Role::Button, "Record the decision");
        assert_eq!(
            harness.state().document().scenario.disputes.len(),
            logged,
            "no decision is recorded without a reason"
        );
        type_into(harness, "Reason for the choice", reason);
    }
    click(harness, Role::Button, "Record the decision");
}

#[test]
fn the_same_dispute_gets_different_routes_for_a_key_and_a_general_customer() {
    let mut harness = app_harness(None);
    show_disputes(&mut harness);
    let mut snapshots = SnapshotResults::new();

    // A key customer (C003), with an arbitration clause.
    wizard_to_advice(&mut harness, "C003", "Dock leveller installation", true);
    harness.get_by_label("Recommended: Negotiation");
    harness.get_by_label("Order to try: Negotiation → Mediation → Arbitration");
    harness.get_by_label(
        "This is a key customer, so protect the long-term relationship: negotiate first, then try mediation, and keep formal proceedings as the last resort.",
    );
    harness.get_by_label(
        "The contract has an arbitration clause, so the formal route is arbitration; a court will not accept the case unless the clause is invalid (Arbitration Law).",
    );
    harness.get_by_label("Reference, not legal advice.");
    harness.get_by_label("SPC Interpretation (I) (Fa Shi [2020] No. 25), art. 20");
    // On 2026-11-26 the revised Arbitration Law is in force: cited by name and version.
    harness.get_by_label("Arbitration Law (revised 2025-09-12, in force 2026-03-01)");
    // The baseline row.
    harness.get_by_label("Settle now / concede");
    // An arbitration clause: litigation appears nowhere on the advice.
    assert!(harness.query_by_label_contains("Litigation").is_none());
    snapshots.add(harness.try_snapshot("disputes_advice_en"));

    // Sensitivity: a slider changes the table live, and a whole drag is one undo step.
    let before = harness.state().document().scenario.dispute_draft.clone().unwrap();
    let slider = harness.get_by_role_and_label(Role::Slider, "Negotiation: chance of losing the customer");
    slider.focus();
    harness.run();
    for _ in 0..5 {
        harness.key_press(Key::ArrowRight);
        harness.run();
    }
    let after = harness.state().document().scenario.dispute_draft.clone().unwrap();
    let defaults = harness
        .state()
        .document()
        .scenario
        .settings
        .route_defaults
        .clone();
    assert_eq!(
        before.dispute.routes, None,
        "a new dispute follows the scenario's defaults"
    );
    assert!(
        after
            .dispute
            .routes_or(&defaults)
            .negotiation
            .relationship_loss_pct
            > before
                .dispute
                .routes_or(&defaults)
                .negotiation
                .relationship_loss_pct
    );
    harness.key_press(Key::Escape);
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(
        harness.state().document().scenario.dispute_draft.as_ref(),
        Some(&before),
        "one undo takes back the whole slider gesture"
    );

    advice_to_record(&mut harness, "Negotiation", None);
    let scenario = &harness.state().document().scenario;
    assert!(scenario.dispute_draft.is_none(), "recording ends the run");
    let key = scenario.disputes.last().unwrap().clone();
    assert_eq!(key.id, "D004");
    assert_eq!(key.customer_id, "C003");
    assert_eq!(key.route, Some(Route::Negotiation));
    let decision = key.decision.clone().unwrap();
    assert_eq!(decision.recommended, Route::Negotiation);
    assert_eq!(decision.date, today());
    // Back on the log, with the new dispute opened.
    harness.get_by_label("4 of 4 disputes");
    harness.get_by_label("Dispute D004");

    // Recording is one undo step: undo brings the draft back at the last step.
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(harness.state().document().scenario.disputes.len(), 3);
    assert_eq!(draft_step(&harness), Some(WizardStep::Decide));
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Y);
    harness.run();
    assert_eq!(harness.state().document().scenario.disputes.len(), 4);

    // The same kind of dispute for a general customer (C022), no arbitration clause.
    wizard_to_advice(&mut harness, "C022", "Yard resurfacing", false);
    harness.get_by_label("Recommended: Litigation");
    harness.get_by_label("Order to try: Litigation");
    harness.get_by_label(
        "This is a general customer, whose relationship rests on price and benefit: settle by Litigation, the one formal route, if the case warrants it. An award or judgment ends the matter, so nothing is tried after it; settlement talks may stay open alongside.",
    );
    harness
        .get_by_label("The contract has no arbitration clause, so the formal route is a lawsuit in court.");
    // A route other than the advice needs a reason.
    advice_to_record(
        &mut harness,
        "Mediation",
        Some("The site manager asked for a mediator he trusts."),
    );
    let general = harness
        .state()
        .document()
        .scenario
        .disputes
        .last()
        .unwrap()
        .clone();
    assert_eq!(general.id, "D005");
    assert_eq!(general.route, Some(Route::Mediation));
    assert_eq!(general.reason, "The site manager asked for a mediator he trusts.");
    assert_eq!(general.decision.unwrap().recommended, Route::Litigation);
    assert_ne!(decision.recommended, Route::Litigation);
    snapshots.unwrap();
}

#[test]
fn a_time_barred_dispute_under_an_arbitration_clause_is_flagged_and_never_litigated() {
    let mut harness = app_harness(None);
    show_disputes(&mut harness);
    // The log flags D003's expired limitation in the days-left column.
    harness.get_by_label("149 days overdue");
    click(&mut harness, Role::Button, "Open D003");
    harness.get_by_label("Dispute D003");
    click(&mut harness, Role::Button, "Re-run the wizard");
    assert_eq!(draft_step(&harness), Some(WizardStep::Parties));
    harness.get_by_label("Re-running the wizard for dispute D003.");
    for _ in 0..4 {
        next(&mut harness);
    }
    harness.get_by_label("Step 5 of 7: Advice");
    // Time-barred: negotiate first, with a plain warning; the formal route comes after.
    harness.get_by_label("Recommended: Negotiation");
    harness.get_by_label("Order to try: Negotiation → Arbitration");
    harness.get(By::new().label_contains("Warning: the limitation period ended on 2026-06-30."));
    harness.get(By::new().label_contains("Civil Code art. 193"));
    harness.get_by_label("149 days overdue (expired)");
    harness.get_by_label(
        "This customer loses the firm money: pursue the claim by Arbitration, and review whether to keep serving the account.",
    );
    assert!(harness.query_by_label_contains("Litigation").is_none());
    next(&mut harness);
    next(&mut harness);
    // Only the routes open to the contract can be chosen.
    harness.get_by_role_and_label(Role::RadioButton, "Arbitration");
    assert!(
        harness
            .query_by_role_and_label(Role::RadioButton, "Litigation")
            .is_none()
    );
    click(&mut harness, Role::RadioButton, "Negotiation");
    click(&mut harness, Role::Button, "Record the decision");
    let scenario = &harness.state().document().scenario;
    assert_eq!(
        scenario.disputes.len(),
        3,
        "a re-run replaces the dispute it examined"
    );
    let d003 = scenario.disputes.iter().find(|d| d.id == "D003").unwrap();
    assert_eq!(d003.route, Some(Route::Negotiation));
    assert_eq!(
        d003.status,
        DisputeStatus::InProgress,
        "a recorded decision moves the dispute off \"Open\""
    );
}

#[test]
fn the_log_filters_sorts_edits_and_exports_a_report() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = app_harness(None);
    show_disputes(&mut harness);
    let mut snapshots = SnapshotResults::new();
    harness.get_by_label("Completion date");
    harness.get_by_label("Disputes by kind");
    harness.get_by_label("Disputes by route");
    snapshots.add(harness.try_snapshot("disputes_log_en"));

    // Filter by text.
    type_into(&mut harness, "Search", "changsha");
    harness.get_by_label("1 of 3 disputes");
    harness.get_by_label("D002");
    assert!(harness.query_by_label("D001").is_none());
    type_into(&mut harness, "Search", "");
    harness.get_by_label("3 of 3 disputes");

    // Sort by amount claimed, then the other way.
    click(&mut harness, Role::Button, "Amount claimed");
    let order = |h: &Harness<'_, StudioApp>| {
        let mut ids: Vec<(f32, String)> = ["D001", "D002", "D003"]
            .iter()
            .map(|id| (h.get_by_label(id).rect().min.y, (*id).to_owned()))
            .collect();
        ids.sort_by(|a, b| a.0.total_cmp(&b.0));
        ids.into_iter().map(|(_, id)| id).collect::<Vec<_>>()
    };
    assert_eq!(order(&harness), ["D003", "D002", "D001"]);
    click(&mut harness, Role::Button, "Amount claimed ↑");
    assert_eq!(order(&harness), ["D001", "D002", "D003"]);

    // Open one, edit its status: one undo step.
    click(&mut harness, Role::Button, "Open D002");
    type_into(&mut harness, "Reason", "Court it is, unless they sign the visas.");
    assert_eq!(
        harness.state().document().scenario.disputes[1].reason,
        "Court it is, unless they sign the visas."
    );
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert!(
        harness.state().document().scenario.disputes[1]
            .reason
            .starts_with("Route not chosen yet.")
    );

    // Export the report: no file dialog in tests, so the typed path.
    click(&mut harness, Role::Button, "Export report (HTML)…");
    harness.get_by_label("Export to file");
    let path = dir.path().join("d002.html");
    type_and_stay(&mut harness, "File path:", path.to_str().unwrap());
    click(&mut harness, Role::Button, "OK");
    let html = std::fs::read_to_string(&path).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(html.contains("Depot yard paving and drainage, Changsha"));
    assert!(html.contains("SPC Interpretation (I) (Fa Shi [2020] No. 25), art. 20"));
    assert!(html.contains("<svg"), "the report carries the chart");
    assert!(html.contains("Assumptions in force"));
    // The notice names a temporary path; dismiss it so the snapshot is repeatable.
    harness.get_by_label(&format!("Exported {}", path.display()));
    click(&mut harness, Role::Button, "Dismiss");

    // In Simplified Chinese.
    click(&mut harness, Role::Button, "Close");
    harness.get_by_label("View").click();
    harness.run();
    harness.get_by_label("Language").hover();
    harness.run();
    harness.get_by_label("简体中文").click();
    harness.run();
    harness.get_by_label("竣工日期");
    harness.get_by_label("各类型纠纷数");
    snapshots.add(harness.try_snapshot("disputes_log_zh_hans"));
    snapshots.unwrap();
}

#[test]
fn the_advice_step_in_chinese_and_the_draft_survives_leaving_the_page() {
    let mut harness = app_harness(None);
    show_disputes(&mut harness);
    wizard_to_advice(&mut harness, "C003", "碼頭升降平台安裝", true);
    // Leave the page and come back: the draft is in the scenario, at the same step.
    click(&mut harness, Role::Button, "Customers");
    show_disputes(&mut harness);
    click(&mut harness, Role::Button, "Dispute log");
    harness.get(By::new().label_contains("A wizard run is in progress for"));
    click(&mut harness, Role::Button, "Resume the wizard");
    harness.get_by_label("Step 5 of 7: Advice");
    harness.get_by_label("View").click();
    harness.run();
    harness.get_by_label("Language").hover();
    harness.run();
    harness.get_by_label("简体中文").click();
    harness.run();
    harness.get_by_label("建议：协商");
    harness.get_by_label("仅供参考，并非法律意见。");
    let mut snapshots = SnapshotResults::new();
    snapshots.add(harness.try_snapshot("disputes_advice_zh_hans"));
    snapshots.unwrap();
}
