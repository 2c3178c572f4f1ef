//! The disputes page as a user drives it: the wizard through every step, the log, the report.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "test helpers: a failure here is a test failure"
)]

use std::path::PathBuf;

use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{By, Queryable as _};
use scm_crm_studio::model::{DisputeStatus, Route, WizardStep};
use scm_crm_studio::ui::StudioApp;

mod common;
use common::wizard::{click, next, type_and_stay, type_into, wizard_to_advice};
use common::{Snapshots, app_sized, today};

fn app_harness(file: Option<PathBuf>) -> Harness<'static, StudioApp> {
    app_sized([1280.0, 800.0], file)
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

/// From the advice step: prevention, then decide on `route` (with `reason`) and record.
fn advice_to_record(harness: &mut Harness<'_, StudioApp>, route: &str, reason: Option<&str>) {
    next(harness);
    // 6 Prevention: scored, and the gaps this kind reveals are marked.
    harness.get_by_label("Step 6 of 7: Prevention");
    harness.get_by_label("Prevention score: 0%");
    harness.get_by_label("● Site environment assessed (revealed by this dispute)");
    let next_button = harness.get_by_role_and_label(Role::Button, "Next").rect();
    harness.get_all_by_label("Done").next().unwrap().click();
    harness.run();
    harness.get_by_label("Prevention score: 16%");
    assert_eq!(
        harness.get_by_role_and_label(Role::Button, "Next").rect(),
        next_button,
        "scoring an item does not move the buttons under the cursor"
    );
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
    let mut snapshots = Snapshots::new();

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
    snapshots.add(&mut harness, "disputes_advice_en");

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
    // D001–D004 are the sample's (D004 added for issue 13's lesson): the next id is D005.
    assert_eq!(key.id, "D005");
    assert_eq!(key.customer_id, "C003");
    assert_eq!(key.route, Some(Route::Negotiation));
    let decision = key.decision.clone().unwrap();
    assert_eq!(decision.recommended, Route::Negotiation);
    assert_eq!(decision.date, today());
    // Back on the log, with the new dispute opened.
    harness.get_by_label("5 of 5 disputes");
    harness.get_by_label("Dispute D005");

    // Recording is one undo step: undo brings the draft back at the last step.
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(harness.state().document().scenario.disputes.len(), 4);
    assert_eq!(draft_step(&harness), Some(WizardStep::Decide));
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Y);
    harness.run();
    assert_eq!(harness.state().document().scenario.disputes.len(), 5);

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
    assert_eq!(general.id, "D006");
    assert_eq!(general.route, Some(Route::Mediation));
    assert_eq!(general.reason, "The site manager asked for a mediator he trusts.");
    assert_eq!(general.decision.unwrap().recommended, Route::Litigation);
    assert_ne!(decision.recommended, Route::Litigation);
    snapshots.finish();
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
        4,
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
    let mut snapshots = Snapshots::new();
    // D001 and D004 (the same facts for a key and a general customer) are both about it.
    assert_eq!(harness.get_all_by_label("Completion date").count(), 2);
    harness.get_by_label("Disputes by kind");
    harness.get_by_label("Disputes by route");
    // The English log's image is page_disputes_en (app_flows): the same view, kept once.

    // Filter by text.
    type_into(&mut harness, "Search", "changsha");
    harness.get_by_label("1 of 4 disputes");
    harness.get_by_label("D002");
    assert!(harness.query_by_label("D001").is_none());
    type_into(&mut harness, "Search", "");
    harness.get_by_label("4 of 4 disputes");

    // Sort by amount claimed, then the other way.
    click(&mut harness, Role::Button, "Amount claimed");
    let order = |h: &Harness<'_, StudioApp>| {
        let mut ids: Vec<(f32, String)> = ["D001", "D002", "D003", "D004"]
            .iter()
            .map(|id| (h.get_by_label(id).rect().min.y, (*id).to_owned()))
            .collect();
        ids.sort_by(|a, b| a.0.total_cmp(&b.0));
        ids.into_iter().map(|(_, id)| id).collect::<Vec<_>>()
    };
    // ¥480,000 (D003), ¥680,000 (D002), then D001 and D004 at ¥1,150,000 each, tied, by id.
    assert_eq!(order(&harness), ["D003", "D002", "D001", "D004"]);
    click(&mut harness, Role::Button, "Amount claimed ↑");
    assert_eq!(order(&harness), ["D001", "D004", "D002", "D003"]);

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
    // The wizard's own net-result chart, drawn offscreen (or a note where nothing can draw).
    if common::images_render() {
        assert!(
            html.contains("<figure><img src=\"data:image/png;base64,"),
            "the report carries the chart"
        );
    } else {
        assert!(html.contains("Chart image left out: this computer has no graphics adapter"));
    }
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
    assert_eq!(harness.get_all_by_label("竣工日期").count(), 2, "D001 and D004");
    harness.get_by_label("各类型纠纷数");
    snapshots.add(&mut harness, "disputes_log_zh_hans");
    snapshots.finish();
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
    let mut snapshots = Snapshots::new();
    snapshots.add(&mut harness, "disputes_advice_zh_hans");
    snapshots.finish();
}

/// The sample with a wizard draft at the advice step whose assumptions are awkward to show: a
/// share of 12.5%, a cost of ¥12,345, a NaN and an absurd number of years.
fn awkward_draft_file(dir: &std::path::Path) -> PathBuf {
    use scm_crm_studio::model::{DisputeDraft, Money, RouteInputs};
    let sample = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("assets/samples/harbor-logistics.ron");
    let mut scenario = scm_crm_studio::store::load(&sample).unwrap().scenario;
    let mut dispute = scenario.disputes[0].clone();
    let mut routes = RouteInputs::default();
    routes.negotiation.relationship_loss_pct = 12.5;
    routes.negotiation.cost = Money::from_major(12_345);
    routes.mediation.recovery_pct = f64::NAN;
    dispute.routes = Some(routes.clone());
    // The logged dispute carries the NaN too, for its detail view.
    scenario.disputes[0].routes = Some(routes);
    dispute.relationship.annual_profit = Money::from_major(100_000);
    dispute.relationship.remaining_years = 4_000_000_000;
    scenario.dispute_draft = Some(DisputeDraft {
        step: WizardStep::Advice,
        editing: Some(dispute.id.clone()),
        dispute,
        chosen: None,
        reason: String::new(),
        kind_chosen: true,
    });
    let path = dir.join("awkward.ron");
    scm_crm_studio::store::save(&path, &scenario).unwrap();
    path
}

#[test]
fn showing_the_advice_step_changes_nothing_and_records_no_undo_step() {
    let dir = tempfile::tempdir().unwrap();
    let path = awkward_draft_file(dir.path());
    let mut harness = app_harness(Some(path));
    show_disputes(&mut harness);
    click(&mut harness, Role::Button, "Resume the wizard");
    harness.get_by_label("Step 5 of 7: Advice");
    let before = format!("{:?}", harness.state().document().scenario.dispute_draft);
    let revision = harness.state().document().revision();
    for _ in 0..5 {
        harness.run();
    }
    assert!(
        !harness.state().document().can_undo(),
        "no undo step from just looking"
    );
    assert_eq!(harness.state().document().revision(), revision);
    assert_eq!(
        format!("{:?}", harness.state().document().scenario.dispute_draft),
        before,
        "12.5%, ¥12,345, NaN and the years stay as stored"
    );
    // The cost shows with separators, unrounded.
    let cost = harness.get_by_role_and_label(Role::TextInput, "Negotiation: cost");
    assert_eq!(cost.value().as_deref(), Some("12,345"));
    // Years beyond 50 are valued as 50 and the advice is there at once.
    harness.get(By::new().label_contains("Relationship loss"));
    // The logged dispute with the NaN, opened in the log: no edit per frame either.
    click(&mut harness, Role::Button, "Dispute log");
    click(&mut harness, Role::Button, "Open D001");
    harness.get_by_label("Dispute D001");
    for _ in 0..5 {
        harness.run();
    }
    assert!(!harness.state().document().can_undo());
    assert_eq!(harness.state().document().revision(), revision);
}

#[test]
fn the_parties_kind_facts_and_relationship_steps_behave_for_a_new_user() {
    let mut harness = app_harness(None);
    show_disputes(&mut harness);
    click(&mut harness, Role::Button, "New dispute");
    // Every customer is offered, not the first twelve.
    let offered = harness
        .get_all(By::new().role(Role::Button).label_contains("(C0"))
        .count();
    assert_eq!(offered, 30);
    type_into(&mut harness, "Search", "C020");
    harness
        .get(By::new().role(Role::Button).label_contains("(C020)"))
        .click();
    harness.run();
    type_into(&mut harness, "Contract name", "Cold room extension");
    // Money boxes show separators once the field is left.
    type_into(&mut harness, "Contract value", "1200000");
    assert_eq!(
        harness
            .get_by_role_and_label(Role::TextInput, "Contract value")
            .value()
            .as_deref(),
        Some("1,200,000")
    );
    click(&mut harness, Role::RadioButton, "Employer (project owner)");
    assert_eq!(
        harness
            .state()
            .document()
            .scenario
            .dispute_draft
            .as_ref()
            .unwrap()
            .dispute
            .firm_role,
        scm_crm_studio::model::Party::Employer
    );
    next(&mut harness);
    // No kind is picked for the user: the wizard waits for one.
    harness.get_by_label("Choose the kind of dispute to go on.");
    next(&mut harness);
    assert_eq!(draft_step(&harness), Some(WizardStep::Kind));
    click(&mut harness, Role::RadioButton, "Pricing method");
    next(&mut harness);
    assert_eq!(draft_step(&harness), Some(WizardStep::Facts));
    // Entering a date does not move what is below it.
    let next_button = harness.get_by_role_and_label(Role::Button, "Next").rect();
    let checklist = harness
        .get_by_role_and_label(Role::CheckBox, "The agreed pricing terms")
        .rect();
    type_and_stay(&mut harness, "Date the damage was known", "2026-0");
    harness.get_by_label("Not a date; use YYYY-MM-DD.");
    type_into(&mut harness, "Date the damage was known", "2026-09-01");
    assert_eq!(
        harness.get_by_role_and_label(Role::Button, "Next").rect(),
        next_button
    );
    assert_eq!(
        harness
            .get_by_role_and_label(Role::CheckBox, "The agreed pricing terms")
            .rect(),
        checklist
    );
    next(&mut harness);
    // A loss-making customer's negative profit is an amount, and puts nothing at risk.
    harness.get_by_label("Step 4 of 7: Relationship");
    let profit = harness
        .get_by_role_and_label(Role::TextInput, "Annual profit from the customer")
        .value()
        .unwrap();
    assert!(profit.starts_with('-'), "{profit}");
    assert!(
        harness
            .query_by_label("Not an amount: type a number such as 1,234.50.")
            .is_none()
    );
    harness.get_by_label("The customer loses the firm money, so the relationship puts nothing at risk.");
    harness.get_by_label("Relationship value at risk: ¥0");
}

/// Scrolls the properties window down until the widget is drawn (widgets scrolled out of
/// view are not in the accessibility tree).
fn reveal(harness: &mut Harness<'_, StudioApp>, role: Role, label: &str) {
    for _ in 0..30 {
        if harness.query_by_role_and_label(role, label).is_some() {
            return;
        }
        harness.get_by_label("Currency code").scroll_down();
        harness.run();
    }
}

fn save_year(harness: &mut Harness<'_, StudioApp>) {
    reveal(harness, Role::Button, "Save year");
    harness
        .get_by_role_and_label(Role::Button, "Save year")
        .click_accesskit();
    harness.run();
}

#[test]
fn scenario_properties_edit_the_dispute_assumptions_and_the_holiday_calendar_with_undo() {
    let mut harness = app_harness(None);
    harness.get_by_label("File").click();
    harness.run();
    click(&mut harness, Role::Button, "Scenario properties…");
    reveal(
        &mut harness,
        Role::Slider,
        "Litigation: chance of losing the customer",
    );
    let slider = harness.get_by_role_and_label(Role::Slider, "Litigation: chance of losing the customer");
    slider.focus();
    harness.run();
    for _ in 0..3 {
        harness.key_press(Key::ArrowLeft);
        harness.run();
    }
    harness.key_press(Key::Escape);
    harness.run();
    let changed = harness
        .state()
        .document()
        .scenario
        .settings
        .route_defaults
        .litigation
        .relationship_loss_pct;
    assert!(changed < 70.0, "{changed}");
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    let restored = harness
        .state()
        .document()
        .scenario
        .settings
        .route_defaults
        .litigation
        .relationship_loss_pct;
    assert!((restored - 70.0).abs() < 1e-9, "one undo step: {restored}");

    // The built-in years are listed with their notices; add 2027 as the user knows it.
    harness.get_by_label("2026");
    harness.get(By::new().label_contains("国办发明电〔2024〕12号"));
    reveal(&mut harness, Role::Button, "Save year");
    type_into(&mut harness, "Holiday breaks", "2027-03-01");
    type_into(&mut harness, "Source", "our own note");
    save_year(&mut harness);
    let years = harness.state().document().scenario.settings.holiday_years.clone();
    assert_eq!(years.len(), 1);
    assert_eq!(years[0].year, 2027);
    // A break outside the year is refused with a reason.
    type_into(&mut harness, "Holiday breaks", "2031-01-01");
    save_year(&mut harness);
    harness.get_by_label("Not saved: a date lies outside the year");
    assert_eq!(harness.state().document().scenario.settings.holiday_years, years);
}
