//! Planner page flows, driven through the real app by visible labels.

#![allow(
    clippy::unwrap_used,
    reason = "test helpers: a failure here is a test failure"
)]

use chrono::NaiveDate;
use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{By, Queryable as _};
use scm_crm_studio::model::{StepKind, StepStatus};
use scm_crm_studio::ui::StudioApp;

mod common;
use common::{Snapshots, app, snapshot, switch_language, today, undo};

/// The app on the sample, showing the Planner page.
fn planner() -> Harness<'static, StudioApp> {
    let mut harness = app();
    harness.get_by_role_and_label(Role::Button, "Planner").click();
    harness.run();
    harness
}

fn click(harness: &mut Harness<'_, StudioApp>, label: &str) {
    harness.get_by_label(label).click();
    harness.run();
}

/// Scrolls the button labelled `label` into view and clicks it, as a user would.
fn click_button(harness: &mut Harness<'_, StudioApp>, label: &str) {
    harness.get_by_role_and_label(Role::Button, label).scroll_to_me();
    harness.run();
    harness.get_by_role_and_label(Role::Button, label).click();
    harness.run();
}

fn type_into(harness: &mut Harness<'_, StudioApp>, label: &str, text: &str) {
    type_into_role(harness, Role::TextInput, label, text);
}

/// Focuses the field of `role` labelled `label`, selects all and types `text`.
fn type_into_role(harness: &mut Harness<'_, StudioApp>, role: Role, label: &str, text: &str) {
    harness.get_by_role_and_label(role, label).focus();
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness.run();
    harness.get_by_role_and_label(role, label).type_text(text);
    harness.run();
}

/// Types a number into the focused drag value (it turns into a text field while focused).
fn type_number(harness: &mut Harness<'_, StudioApp>, text: &str) {
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness.event(egui::Event::Text(text.to_owned()));
    harness.key_press(Key::Enter);
    harness.run();
}

fn step(harness: &Harness<'_, StudioApp>, kind: StepKind) -> scm_crm_studio::model::StepProgress {
    harness
        .state()
        .document()
        .scenario
        .plan
        .step(kind)
        .cloned()
        .unwrap()
}

#[test]
fn fill_a_step_mark_it_done_then_undo() {
    let mut harness = planner();
    harness.get_by_label("3 of 8 steps done");
    click_button(&mut harness, "6. Decide the implementation order");
    harness.get_by_label("Decide the implementation order");
    // The guidance teaches the step.
    harness.get_by_label("What it is for");
    // The step is overdue in the sample: its planned end has passed.
    harness.get_by_label("Overdue: the planned end 2026-11-13 has passed and the step is not done.");
    let original_owner = step(&harness, StepKind::Sequence).owner;

    // Move the planned end a day later with the calendar beside the date: Gantt and warnings
    // follow.
    click_button(&mut harness, "Calendar: 2026-11-13");
    click_button(&mut harness, ">");
    click_button(&mut harness, "Save");
    assert_eq!(
        step(&harness, StepKind::Sequence).planned_end,
        NaiveDate::from_ymd_opt(2026, 11, 14)
    );
    harness.get_by_label("Overdue: the planned end 2026-11-14 has passed and the step is not done.");
    undo(&mut harness);
    harness.get_by_label("Overdue: the planned end 2026-11-13 has passed and the step is not done.");

    type_into(&mut harness, "Owner", "Li Na (PMO)");
    assert_eq!(step(&harness, StepKind::Sequence).owner, "Li Na (PMO)");
    type_into_role(
        &mut harness,
        Role::MultilineTextInput,
        "Notes",
        "Sequence agreed with the steering group.",
    );

    // Arrow keys on the progress slider: one gesture, one undo step.
    harness.get_by_label("Plan progress 37% (weighted by planned duration)");
    harness.get_by_role_and_label(Role::Slider, "Progress").focus();
    harness.run();
    for _ in 0..5 {
        harness.key_press(Key::ArrowRight);
        harness.run();
    }
    let progress = step(&harness, StepKind::Sequence).progress_pct;
    assert!(progress > 0, "the slider moved");

    click_button(&mut harness, "Mark done");
    // Step 6 plans 74 of the plan's 485 days, so done it lifts the weighted progress.
    harness.get_by_label("Plan progress 52% (weighted by planned duration)");
    let done = step(&harness, StepKind::Sequence);
    assert_eq!(done.status, StepStatus::Done);
    assert_eq!(done.progress_pct, 100);
    assert_eq!(done.actual_end, Some(today()));
    harness.get_by_label("4 of 8 steps done");
    assert!(
        harness
            .query_by_label("Overdue: the planned end 2026-11-13 has passed and the step is not done.")
            .is_none(),
        "a done step is not overdue"
    );

    // Undo takes back "mark done" as one step; the typing stays.
    undo(&mut harness);
    let back = step(&harness, StepKind::Sequence);
    assert_eq!(back.status, StepStatus::NotStarted);
    assert_eq!(back.progress_pct, progress);
    assert_eq!(back.actual_end, None);
    assert_eq!(back.owner, "Li Na (PMO)");
    harness.get_by_label("3 of 8 steps done");
    // The slider gesture, then each typed field, is one more step.
    undo(&mut harness);
    assert_eq!(step(&harness, StepKind::Sequence).progress_pct, 0);
    undo(&mut harness);
    undo(&mut harness);
    assert_eq!(step(&harness, StepKind::Sequence).owner, original_owner);
    assert_eq!(
        harness.state().document().scenario,
        scm_crm_studio::store::parse(
            include_str!("../assets/samples/harbor-logistics.ron"),
            std::path::Path::new("harbor-logistics.ron")
        )
        .unwrap()
        .scenario,
        "everything undone"
    );
}

#[test]
fn a_wide_table_scrolls_to_its_remove_buttons() {
    let mut harness = planner();
    click_button(&mut harness, "6. Decide the implementation order");
    // The work-package table is wider than the panel; its last column scrolls into view.
    let packages = harness.state().document().scenario.plan.work_packages.len();
    let first_remove = || By::new().role(Role::Button).label("Remove");
    harness.get_all(first_remove()).next().unwrap().scroll_to_me();
    harness.run();
    snapshot(&mut harness, "planner_packages_scrolled_en");
    harness.get_all(first_remove()).next().unwrap().click();
    harness.run();
    // WP1 is gone, and so are the dependencies on it (WP2 and WP3 depended on it).
    let plan = &harness.state().document().scenario.plan;
    assert_eq!(plan.work_packages.len(), packages - 1);
    let deps: Vec<(&str, Vec<&str>)> = plan
        .work_packages
        .iter()
        .take(2)
        .map(|w| (w.id.as_str(), w.depends_on.iter().map(String::as_str).collect()))
        .collect();
    assert_eq!(deps, [("WP2", vec![]), ("WP3", vec!["WP2"])]);
    undo(&mut harness);
    assert_eq!(
        harness.state().document().scenario.plan.work_packages.len(),
        packages
    );
}

#[test]
fn marking_done_out_of_order_asks_for_a_reason() {
    let mut harness = planner();
    click_button(&mut harness, "8. Track results and revise goals");
    click_button(&mut harness, "Mark done");
    // Steps 6 and 7 have not started: nothing changes until a reason is given.
    assert_eq!(
        step(&harness, StepKind::TrackAndRevise).status,
        StepStatus::NotStarted
    );
    harness.get(By::new().label_contains(
        "Earlier steps have not started: 6. Decide the implementation order; 7. Set evaluation metrics.",
    ));
    type_into(&mut harness, "Why done out of order", "Board review held early");
    click_button(&mut harness, "Mark done anyway");
    let done = step(&harness, StepKind::TrackAndRevise);
    assert_eq!(done.status, StepStatus::Done);
    assert_eq!(done.override_note, "Board review held early");
    undo(&mut harness);
    assert_eq!(
        step(&harness, StepKind::TrackAndRevise).status,
        StepStatus::NotStarted
    );
}

#[test]
fn a_measurement_that_beats_its_target_shows_as_better() {
    let mut harness = planner();
    click(&mut harness, "KPIs");
    // K1 is the first KPI: latest 94.2 % against a target of 96 %.
    harness.get(By::new().label_contains("Latest 94.2 % on 2026-10-31 (worse than target)"));
    harness.get_by_role_and_label(Role::SpinButton, "Value").focus();
    type_number(&mut harness, "96.4");
    click_button(&mut harness, "Add measurement");
    let plan = &harness.state().document().scenario.plan;
    let last = plan.measurements.last().unwrap();
    assert_eq!(
        (last.kpi_id.as_str(), last.value, last.date),
        ("K1", 96.4, Some(today()))
    );
    harness.get(By::new().label_contains("Latest 96.4 % on 2026-11-26 (better than target)"));
    undo(&mut harness);
    harness.get(By::new().label_contains("Latest 94.2 % on 2026-10-31 (worse than target)"));
}

#[test]
fn a_measurement_is_edited_and_removed_from_the_kpi_view() {
    let mut harness = planner();
    click(&mut harness, "KPIs");
    harness.get(By::new().label_contains("Latest 94.2 % on 2026-10-31 (worse than target)"));
    // K1 has ten measurements in the sample, January to October 2026; the list is newest first.
    click(&mut harness, "Measurements (10)");
    let removes: Vec<_> = harness
        .query_all_by_role_and_label(Role::Button, "Remove")
        .collect();
    assert_eq!(removes.len(), 10, "one remove button per measurement of K1");
    removes[0].click();
    harness.run();
    // The October value is gone: September's 93.9 is now the latest.
    harness.get(By::new().label_contains("Latest 93.9 % on 2026-09-30 (worse than target)"));
    harness.get_by_label("Measurements (9)");
    let k1: Vec<_> = harness
        .state()
        .document()
        .scenario
        .plan
        .measurements
        .iter()
        .filter(|m| m.kpi_id == "K1")
        .map(|m| m.value)
        .collect();
    assert_eq!(k1.len(), 9);
    assert!(!k1.contains(&94.2));
    // One undo brings it back.
    undo(&mut harness);
    harness.get(By::new().label_contains("Latest 94.2 % on 2026-10-31 (worse than target)"));
    harness.get_by_label("Measurements (10)");
}

#[test]
fn step_8_starts_a_new_cycle_with_new_targets() {
    let mut harness = planner();
    click_button(&mut harness, "8. Track results and revise goals");
    harness.get_by_label("Revise goals and start cycle 2");
    // Nothing changed yet: the app says so and keeps cycle 1.
    click_button(&mut harness, "Start cycle 2");
    harness.get_by_label("Change at least one target first.");
    assert_eq!(harness.state().document().scenario.plan.cycle, 1);

    // G1's new target: the first "New target" field.
    let field = harness
        .get_all_by_role_and_label(Role::SpinButton, "New target")
        .next()
        .unwrap();
    field.scroll_to_me();
    field.focus();
    type_number(&mut harness, "97.5");
    type_into(&mut harness, "Reason", "OTIF target beaten two quarters running");
    click_button(&mut harness, "Start cycle 2");
    let plan = &harness.state().document().scenario.plan;
    assert_eq!(plan.cycle, 2);
    assert!((plan.goals[0].target - 97.5).abs() < 1e-9);
    assert_eq!(plan.goals[0].target_history.len(), 1);
    harness.get_by_label("Cycle 2");
    harness.get_by_label("Cycle 2 started.");
}

#[test]
fn export_writes_an_ics_file_a_calendar_parser_reads() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.ics");
    let mut harness = planner();
    click_button(&mut harness, "Export calendar (.ics)…");
    // No file dialog in tests: the typed-path prompt appears with the suggested name.
    harness.get_by_label("Export to file");
    let prompt = harness.get_by_role_and_label(Role::TextInput, "File path:");
    // The suggestion is in the saves/ folder, as a full path.
    let suggested = prompt.value().unwrap_or_default();
    assert!(
        suggested.ends_with("saves/harbor-link-logistics-fy2026-baseline-plan.ics"),
        "{suggested}"
    );
    type_into(&mut harness, "File path:", path.to_str().unwrap());
    click_button(&mut harness, "OK");
    harness.get_by_label(&format!("Exported {}", path.display()));

    // A standard iCalendar parser (the `ical` crate) reads it back.
    let bytes = std::fs::read(&path).unwrap();
    let calendar = ical::IcalParser::new(bytes.as_slice()).next().unwrap().unwrap();
    let events: Vec<(String, String)> = calendar
        .events
        .iter()
        .map(|e| {
            let get = |name: &str| {
                e.properties
                    .iter()
                    .find(|p| p.name == name)
                    .and_then(|p| p.value.clone())
                    .unwrap()
            };
            (get("SUMMARY"), get("DTSTART"))
        })
        .collect();
    assert_eq!(events.len(), 13, "8 step deadlines and 5 work packages");
    assert!(events.contains(&(
        "Step 4 due: Formulate the integration strategy".to_owned(),
        "20260630".to_owned()
    )));
    assert!(events.contains(&(
        "WP2 CRM–warehouse order-status interface".to_owned(),
        "20260907".to_owned()
    )));

    // The CSV export offers its own file.
    click_button(&mut harness, "Export plan (CSV)…");
    let prompt = harness.get_by_role_and_label(Role::TextInput, "File path:");
    assert!(prompt.value().unwrap().ends_with("-plan.csv"));
}

#[test]
fn the_gantt_view_zooms_and_a_drag_is_one_undo_step() {
    let mut harness = planner();
    click(&mut harness, "Gantt");
    harness.get_by_label("Planned (baseline)");
    for zoom in ["Week", "Quarter", "Month"] {
        harness.get_by_label(zoom).click();
        // The timeline scrolls to today, with the scroll area's spring settling.
        harness.run_steps(20);
    }
    let before = harness.state().document().scenario.plan.clone();
    // Drag work package 2 a week to the right: 7 days at month zoom (2 px a day).
    let bar = harness
        .get_by_role_and_label(Role::Button, "WP2  CRM–warehouse order-status interface")
        .rect();
    let start = bar.center();
    harness.hover_at(start);
    harness.run();
    harness.drag_at(start);
    harness.run();
    for step in 1..=7 {
        harness.hover_at(start + egui::vec2(step as f32 * 2.0, 0.0));
        harness.run();
    }
    harness.drop_at(start + egui::vec2(14.0, 0.0));
    harness.run();
    let after = harness.state().document().scenario.plan.clone();
    let wp2 = &after.work_packages[1];
    assert_eq!(
        (wp2.planned_start, wp2.planned_end),
        (
            NaiveDate::from_ymd_opt(2026, 9, 14),
            NaiveDate::from_ymd_opt(2026, 12, 4)
        ),
        "moved by a week, same length"
    );
    harness.get_by_label("● Unsaved changes");
    undo(&mut harness);
    assert_eq!(harness.state().document().scenario.plan, before, "one undo step");

    // Dragging the right end changes only the end: a week longer, the same start. The dates
    // show above the bar while it is dragged.
    let bar = harness
        .get_by_role_and_label(Role::Button, "WP2  CRM–warehouse order-status interface")
        .rect();
    let end = egui::pos2(bar.right() - 2.0, bar.center().y);
    harness.hover_at(end);
    harness.run();
    harness.drag_at(end);
    harness.run();
    for step in 1..=7 {
        harness.hover_at(end + egui::vec2(step as f32 * 2.0, 0.0));
        harness.run();
    }
    snapshot(&mut harness, "planner_gantt_drag_end_en");
    harness.drop_at(end + egui::vec2(14.0, 0.0));
    harness.run();
    let wp2 = harness.state().document().scenario.plan.work_packages[1].clone();
    assert_eq!(
        (wp2.planned_start, wp2.planned_end),
        (
            NaiveDate::from_ymd_opt(2026, 9, 7),
            NaiveDate::from_ymd_opt(2026, 12, 4)
        ),
        "the end moved by a week, the start stayed"
    );
    undo(&mut harness);
    assert_eq!(harness.state().document().scenario.plan, before, "one undo step");
}

#[test]
fn the_gantt_opens_with_step_1_in_view() {
    let mut harness = planner();
    click(&mut harness, "Gantt");
    harness.run_steps(5);
    // The row labels take 280 points from the view's left edge (where the "Zoom" toolbar
    // starts); step 1's bar must start to the right of them, inside the visible timeline, not
    // scrolled away to the left.
    let labels = harness.get_by_label("Zoom").rect();
    let bar = harness
        .get_by_role_and_label(Role::Button, "1  Survey marketing and the supply chain")
        .rect();
    assert!(
        bar.left() > labels.left() + 280.0,
        "step 1's bar starts at {} with the timeline at {}",
        bar.left(),
        labels.left() + 280.0
    );
}

#[test]
fn snapshots_of_the_three_views_in_english_and_chinese() {
    let mut harness = planner();
    let mut snapshots = Snapshots::new();
    click_button(&mut harness, "6. Decide the implementation order");
    snapshots.add(&mut harness, "planner_steps_en");
    click(&mut harness, "Gantt");
    snapshots.add(&mut harness, "planner_gantt_en");
    click(&mut harness, "KPIs");
    snapshots.add(&mut harness, "planner_kpis_en");

    switch_language(&mut harness, "View", "Language", "繁體中文");
    click(&mut harness, "步驟");
    click_button(&mut harness, "4. 確切闡述整合戰略");
    harness.get_by_label("確切闡述整合戰略");
    snapshots.add(&mut harness, "planner_steps_zh_hant");
    click(&mut harness, "甘特圖");
    harness.get_by_label("計劃（基準）");
    snapshots.add(&mut harness, "planner_gantt_zh_hant");
    click(&mut harness, "評估指標");
    snapshots.add(&mut harness, "planner_kpis_zh_hant");

    // Simplified Chinese renders too (a missing glyph would panic while drawing).
    switch_language(&mut harness, "檢視", "語言", "简体中文");
    harness.get_by_label(
        "各指标的测量值随时间的变化与目标值的比较。绿点表示达标，红点表示未达标，按指标方向判断。",
    );
    click(&mut harness, "甘特图");
    harness.get_by_label("计划（基准）");
    click(&mut harness, "步骤");
    click_button(&mut harness, "8. 跟踪结果和修正目标");
    harness.get_by_label("修正目标并开始第 2 轮");
    snapshots.finish();
}
