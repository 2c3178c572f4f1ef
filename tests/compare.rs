//! File ▸ Compare with… as a user drives it: opening a comparison, the overview, clicking a
//! tier-migration cell, exporting the customer differences, comparing with a saved what-if,
//! and a file that does not load.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "test helpers: a failure here is a test failure"
)]

use std::path::{Path, PathBuf};

use calamine::{Reader as _, Xlsx};
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use scm_crm_studio::model::compare::ChangeKind;
use scm_crm_studio::store;
use scm_crm_studio::ui::StudioApp;

mod common;
use common::{Snapshots, app_sized, fixture, show_page, switch_language, type_into};

/// The app on a copy of the baseline fixture in `dir`, so saves and backups stay there.
fn app_on_baseline(dir: &Path) -> (Harness<'static, StudioApp>, PathBuf) {
    let path = dir.join("baseline.ron");
    std::fs::copy(fixture("compare/baseline.ron"), &path).unwrap();
    (app_sized([1280.0, 800.0], Some(path.clone())), path)
}

/// The app on the baseline fixture by a relative path (tests run in the crate's folder), so the
/// paths in snapshots are the same on every machine. Only for tests that write nothing beside it.
fn app_on_fixture() -> Harness<'static, StudioApp> {
    app_sized([1280.0, 800.0], Some(PathBuf::from(BASELINE)))
}

const BASELINE: &str = "tests/fixtures/compare/baseline.ron";
const CHANGED: &str = "tests/fixtures/compare/changed.ron";

fn click(harness: &mut Harness<'_, StudioApp>, role: Role, label: &str) {
    harness.get_by_role_and_label(role, label).click();
    harness.run();
}

/// File ▸ Compare with… ▸ `item`.
fn compare_menu(harness: &mut Harness<'_, StudioApp>, item: &str) {
    harness.get_by_label("File").click();
    harness.run();
    harness.get_by_label("Compare with…").hover();
    harness.run();
    harness.get_by_label(item).click();
    harness.run();
}

/// File ▸ Compare with… ▸ Scenario file…, then the typed path (tests have no file dialog).
fn compare_with_file(harness: &mut Harness<'_, StudioApp>, path: &Path) {
    compare_menu(harness, "Scenario file…");
    harness.get_by_label("Compare with a scenario file");
    // Typed paths start in the open scenario's folder, where both fixtures are.
    let typed = path.strip_prefix("tests/fixtures/compare").unwrap_or(path);
    type_into(harness, "File path:", typed.to_str().unwrap());
    click(harness, Role::Button, "OK");
}

fn type_path_and_ok(harness: &mut Harness<'_, StudioApp>, path: &Path) {
    type_into(harness, "File path:", path.to_str().unwrap());
    click(harness, Role::Button, "OK");
}

#[test]
fn opening_a_comparison_shows_the_changes_and_leads_back() {
    let mut harness = app_on_fixture();
    let original = std::fs::read(BASELINE).unwrap();
    let before = harness.state().document().scenario.clone();
    let changed = PathBuf::from(CHANGED);
    compare_with_file(&mut harness, &changed);

    harness.get_by_label(&format!("Comparing with {}", changed.display()));
    harness.get_by_label(&format!("B: {}", changed.display()));
    // The case, as the overview says it (values worked out by hand; see tests/cli.rs).
    harness.get_by_label("Customers: 1 added, 1 removed, 3 changed");
    harness.get_by_label("¥33,118,000.00");
    harness.get_by_label("¥32,285,000.00");
    harness.get_by_label("-¥833,000.00");
    harness.get_by_label("+¥190,000.00");
    // Margin 33,118,000 / 243,960,000 = 13.58 % → 32,285,000 / 244,150,000 = 13.22 %.
    harness.get_by_label("-0.4 pt");
    let cmp = harness.state().comparison().unwrap().comparison().unwrap();
    assert_eq!(cmp.totals_b.classes, [6, 8, 16]);
    let mut snapshots = Snapshots::new();
    snapshots.add(&mut harness, "compare_overview_en");

    // Read-only: the open scenario and its file are untouched.
    assert_eq!(harness.state().document().scenario, before);
    assert!(!harness.state().document().is_dirty());
    assert_eq!(std::fs::read(BASELINE).unwrap(), original);

    // The way back, and the way to the comparison again.
    click(&mut harness, Role::Button, "← Back to the scenario");
    assert!(
        harness
            .query_by_label("Customers: 1 added, 1 removed, 3 changed")
            .is_none()
    );
    harness.get_by_label("Customers: 30");
    click(&mut harness, Role::Button, "Comparison");
    harness.get_by_label("Customers: 1 added, 1 removed, 3 changed");
    click(&mut harness, Role::Button, "Close comparison");
    assert!(harness.state().comparison().is_none());
    assert!(
        harness
            .query_by_role_and_label(Role::Button, "Comparison")
            .is_none()
    );
    snapshots.finish();
}

#[test]
fn clicking_a_migration_cell_lists_its_customers() {
    let mut harness = app_on_fixture();
    compare_with_file(&mut harness, Path::new(CHANGED));
    click(&mut harness, Role::Button, "Tier migration");
    harness.get_by_label("Click a count in the matrix to list its customers.");
    // C012 moved from general to loss-making.
    let c012 = harness
        .state()
        .document()
        .scenario
        .customer("C012")
        .unwrap()
        .name
        .clone();
    assert!(harness.query_by_label(&c012).is_none());
    click(&mut harness, Role::Button, "General in A, Loss-making in B: 1");
    harness.get_by_label("Customers that went from General to Loss-making: 1");
    harness.get_by_label("C012");
    harness.get_by_label(&c012);
    harness.get_by_label("-¥700,000.00");
    // Another cell replaces the list: C009 moved the other way.
    click(&mut harness, Role::Button, "Loss-making in A, General in B: 1");
    harness.get_by_label("C009");
    assert!(harness.query_by_label(&c012).is_none());
    // The diagonal holds the customers that stayed: 14 general customers.
    click(&mut harness, Role::Button, "General in A, General in B: 14");
    harness.get_by_label("Customers that went from General to General: 14");

    let mut snapshots = Snapshots::new();
    click(&mut harness, Role::Button, "General in A, Loss-making in B: 1");
    snapshots.add(&mut harness, "compare_migration_en");
    switch_language(&mut harness, "View", "Language", "简体中文");
    harness.get_by_label("一般客户 → 亏损客户：1 位客户");
    click(&mut harness, Role::Button, "概览");
    harness.get_by_label("-0.4 个百分点");
    click(&mut harness, Role::Button, "分级移动");
    snapshots.add(&mut harness, "compare_migration_zh_hans");
    click(&mut harness, Role::Button, "概览");
    snapshots.add(&mut harness, "compare_overview_zh_hans");
    snapshots.finish();
}

#[test]
fn exporting_the_customer_differences_as_csv_and_xlsx() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = app_on_fixture();
    compare_with_file(&mut harness, Path::new(CHANGED));
    click(&mut harness, Role::Button, "Customer differences");
    harness.get_by_label("5 of 5 customers");
    harness.get_by_label("Cost to serve: 560,000.00 → 1,260,000.00");
    // Sort by profit change, largest loss first.
    click(&mut harness, Role::Button, "Profit change");
    let mut snapshots = Snapshots::new();
    snapshots.add(&mut harness, "compare_customers_en");

    let csv_path = dir.path().join("differences.csv");
    click(&mut harness, Role::Button, "Export CSV…");
    type_path_and_ok(&mut harness, &csv_path);
    harness.get_by_label(&format!("Exported {}", csv_path.display()));
    let text = String::from_utf8(std::fs::read(&csv_path).unwrap()).unwrap();
    let lines: Vec<&str> = text.trim_start_matches('\u{feff}').lines().collect();
    assert_eq!(
        lines[0],
        "Change,ID,Name,Tier A,Tier B,Profit A,Profit B,Profit change,What changed"
    );
    let ids: Vec<&str> = lines[1..].iter().map(|l| l.split(',').nth(1).unwrap()).collect();
    // Ascending profit change: C001 −1,000,000, C012 −700,000, C030 −33,000, C031 +50,000,
    // C009 +850,000.
    assert_eq!(ids, ["C001", "C012", "C030", "C031", "C009"]);
    assert!(
        lines[2].ends_with(",590000,-110000,-700000,\"Cost to serve: 560,000.00 → 1,260,000.00\""),
        "{}",
        lines[2]
    );

    // The filter limits what is exported.
    type_into(&mut harness, "Filter", "C03");
    harness.get_by_label("2 of 5 customers");
    let xlsx_path = dir.path().join("differences.xlsx");
    click(&mut harness, Role::Button, "Export XLSX…");
    type_path_and_ok(&mut harness, &xlsx_path);
    let bytes = std::fs::read(&xlsx_path).unwrap();
    assert_eq!(&bytes[..2], b"PK", "an XLSX file is a zip archive");
    let mut book: Xlsx<_> = calamine::open_workbook(&xlsx_path).unwrap();
    let sheet = book.worksheet_range("Customer differences").unwrap();
    let ids: Vec<String> = sheet.rows().skip(1).map(|r| r[1].to_string()).collect();
    assert_eq!(ids, ["C030", "C031"]);
    assert_eq!(sheet.rows().nth(1).unwrap()[7], calamine::Data::Float(-33_000.0));
    snapshots.finish();
}

#[test]
fn a_saved_what_if_compared_with_the_original_shows_its_effect() {
    let dir = tempfile::tempdir().unwrap();
    let (mut harness, path) = app_on_baseline(dir.path());
    let original = std::fs::read(&path).unwrap();
    let before = harness.state().document().scenario.clone();
    show_page(&mut harness, "Charts");
    harness
        .get_by_role_and_label(Role::Slider, "Cost to serve change (%)")
        .set_value_accesskit(-10.0);
    harness.run();
    let saved = dir.path().join("cost-cut.ron");
    click(&mut harness, Role::Button, "Save what-if as a new scenario…");
    harness.get_by_label("Save the what-if as a new scenario");
    type_path_and_ok(&mut harness, &saved);
    harness.get_by_label(&format!(
        "Saved the what-if as {}. The open scenario is unchanged.",
        saved.display()
    ));
    // The open scenario and its file stay as they were.
    assert_eq!(harness.state().document().scenario, before);
    assert!(!harness.state().document().is_dirty());
    assert_eq!(std::fs::read(&path).unwrap(), original);
    let written = store::load(&saved).unwrap().scenario;
    assert_eq!(
        written.metadata.title,
        format!("{} (what-if: cost to serve −10%)", before.metadata.title)
    );

    // Compare with it from the recent files: every customer's cost to serve is 10 % lower.
    let recent = std::fs::canonicalize(&saved).unwrap();
    compare_menu(&mut harness, &recent.display().to_string());
    harness.get_by_label("Customers: 0 added, 0 removed, 30 changed");
    let cmp = harness
        .state()
        .comparison()
        .unwrap()
        .comparison()
        .unwrap()
        .clone();
    assert!(
        cmp.customers
            .iter()
            .all(|c| c.kind == ChangeKind::Changed && c.profit_delta() > 0)
    );
    assert!(cmp.totals_b.profit > cmp.totals_a.profit);
    // C001's cost to serve 2,000,000 → 1,800,000.
    click(&mut harness, Role::Button, "Customer differences");
    type_into(&mut harness, "Filter", "C001");
    harness.get_by_label("1 of 30 customers");
    harness.get_by_label("Cost to serve: 2,000,000.00 → 1,800,000.00");

    // The what-if itself, as a virtual scenario, shows the same effect.
    click(&mut harness, Role::Button, "← Back to the scenario");
    compare_menu(&mut harness, "what-if: cost to serve −10%");
    harness.get_by_label("B: what-if: cost to serve −10%");
    let virtual_cmp = harness.state().comparison().unwrap().comparison().unwrap();
    assert_eq!(virtual_cmp.totals_b, cmp.totals_b);
    assert_eq!(virtual_cmp.customer_counts(), [0, 0, 30]);
}

#[test]
fn a_file_compared_with_itself_shows_no_differences() {
    let dir = tempfile::tempdir().unwrap();
    let (mut harness, path) = app_on_baseline(dir.path());
    compare_with_file(&mut harness, &path);
    harness.get_by_label("The two scenarios have the same content.");
    harness.get_by_label("Customers: 0 added, 0 removed, 0 changed");
    click(&mut harness, Role::Button, "Customer differences");
    harness.get_by_label("No customer differs.");
}

#[test]
fn the_backup_is_offered_once_the_file_has_been_saved() {
    let dir = tempfile::tempdir().unwrap();
    let (mut harness, path) = app_on_baseline(dir.path());
    assert!(!store::backup_path(&path).exists());
    harness.get_by_label("File").click();
    harness.run();
    harness.get_by_label("Compare with…").hover();
    harness.run();
    assert!(
        harness
            .get_by_label("Backup of this file (.bak)")
            .accesskit_node()
            .is_disabled(),
        "no backup yet: the item is disabled"
    );
    harness.key_press(egui::Key::Escape);
    harness.run();
    // Save once (Ctrl+S): the previous version becomes the backup, identical to the file.
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::S);
    harness.run();
    assert!(store::backup_path(&path).exists());
    compare_menu(&mut harness, "Backup of this file (.bak)");
    harness.get_by_label(&format!("B: {}", store::backup_path(&path).display()));
    harness.get_by_label("Customers: 0 added, 0 removed, 0 changed");
}

#[test]
fn a_file_that_does_not_load_leaves_everything_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    let (mut harness, _) = app_on_baseline(dir.path());
    let before = harness.state().document().scenario.clone();
    let bad = fixture("bad/bad-date.ron");
    compare_with_file(&mut harness, &bad);
    harness.get_by_label("Could not open the file to compare. The open scenario is unchanged.");
    harness.get_by_label(&format!(
        "Line 5, column 15: not a valid date (expected YYYY-MM-DD, a real calendar day): {}",
        bad.display()
    ));
    assert!(harness.state().comparison().is_none());
    assert_eq!(harness.state().document().scenario, before);
    harness.get_by_label("Customers: 30");
}

#[test]
fn plan_and_dispute_changes_are_listed() {
    let dir = tempfile::tempdir().unwrap();
    let (mut harness, path) = app_on_baseline(dir.path());
    let mut b = store::load(&path).unwrap().scenario;
    b.plan.steps[3].progress_pct = 90;
    b.plan.steps[5].status = scm_crm_studio::model::StepStatus::Blocked;
    b.plan.goals[1].target = 8.5;
    b.disputes[0].route = Some(scm_crm_studio::model::Route::Mediation);
    b.disputes.remove(2);
    let other = dir.path().join("plan.ron");
    store::save(&other, &b).unwrap();
    compare_with_file(&mut harness, &other);
    click(&mut harness, Role::Button, "Plan and disputes");
    harness.get_by_label("Step 4: Formulate the integration strategy: progress 70% → 90%");
    harness.get_by_label("Step 6: Decide the implementation order: status Not started → Blocked");
    harness.get_by_label("G2 Lower cost to serve as a share of revenue: 9 → 8.5");
    harness.get_by_label("D001 (C003): route Negotiation → Mediation");
    harness.get_by_label("Removed D003 (C020)");
    // And in Traditional Chinese, with the glossary's terms.
    switch_language(&mut harness, "View", "Language", "繁體中文");
    harness.get_by_label("D001（C003）：處理途徑 協商 → 調解");
}

/// A trainer's projector: 1024×768 at 150% zoom. The totals and the whale curve stack instead
/// of overlapping, and the B − A column stays on screen.
#[test]
fn the_overview_stacks_on_a_projector_at_150_percent() {
    let mut harness = app_sized([1024.0, 768.0], Some(PathBuf::from(BASELINE)));
    harness.ctx.set_zoom_factor(1.5);
    harness.run();
    compare_with_file(&mut harness, &PathBuf::from(CHANGED));
    harness.get_by_label("-¥833,000.00");
    let totals = harness.get_by_label("Totals").rect();
    let curve = harness.get_by_label("Whale curves of A and B").rect();
    assert!(
        curve.top() > totals.bottom(),
        "the curve is below the totals, not beside them"
    );
    let delta = harness.get_by_label("B − A").rect();
    assert!(delta.right() <= 1024.0 / 1.5, "B − A is on screen: {delta:?}");
    let mut snapshots = Snapshots::new();
    snapshots.add(&mut harness, "compare_overview_zoom150_en");
    snapshots.finish();
}
