//! The customer workbench, driven as a user would: edit a cell, undo, import, export, delete.

#![allow(
    clippy::unwrap_used,
    reason = "test helpers: a failure here is a test failure"
)]

use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{By, NodeT as _, Queryable as _};
use scm_crm_studio::model::{Customer, Tier};
use scm_crm_studio::ui::StudioApp;

mod common;
use common::{Snapshots, app_sized, fixture, switch_language, type_into, undo};

/// The app at a desktop size with the row of customer `id` selected (its cells editable).
fn with_row_selected(id: &str) -> Harness<'static, StudioApp> {
    let mut harness = app_sized([1400.0, 860.0], None);
    harness.get_by_label(id).click();
    harness.run();
    harness
}

fn tier_of(harness: &Harness<'_, StudioApp>, id: &str) -> Tier {
    let doc = harness.state().document();
    let i = doc.scenario.customers.iter().position(|c| c.id == id).unwrap();
    doc.segmentation().figures[i].tier
}

#[test]
fn editing_cost_to_serve_makes_a_loss_maker_and_one_undo_restores() {
    let mut harness = app_sized([1400.0, 860.0], None);
    harness.get_by_label("Loss-making 5");
    harness.get_by_label("30 of 30 customers");
    assert_eq!(tier_of(&harness, "C007"), Tier::General);
    // Click the row, then type into its cost-to-serve cell.
    harness.get_by_label("C007").click();
    harness.run();
    type_into(&mut harness, "Cost to serve of C007", "2,000,000");
    harness.key_press(Key::Enter);
    harness.run();
    // Profit goes from 550,000 to -300,000: the tier, counts, totals and status bar follow.
    assert_eq!(tier_of(&harness, "C007"), Tier::LossMaking);
    harness.get_by_label("Loss-making 6");
    harness.get_by_label("● Unsaved changes");
    // The headline and the footer (all rows shown) both carry the new total.
    assert_eq!(harness.get_all_by_label("Profit: ¥32,268,000.00").count(), 2);
    harness.get_by_label("-300,000.00");

    undo(&mut harness);
    assert_eq!(tier_of(&harness, "C007"), Tier::General);
    harness.get_by_label("Loss-making 5");
    assert_eq!(harness.get_all_by_label("Profit: ¥33,118,000.00").count(), 2);
    assert!(harness.query_by_label("● Unsaved changes").is_none());
}

/// Issue 12: Edit ▸ Undo names its step; after an undo a message names what was undone, and
/// its Show button goes where the change was made, even from another page.
#[test]
fn undo_names_its_step_and_shows_where_it_happened() {
    let mut harness = with_row_selected("C007");
    type_into(&mut harness, "Cost to serve of C007", "2,000,000");
    harness.key_press(Key::Enter);
    harness.run();
    harness.get_by_label("Edit").click();
    harness.run();
    harness.get(
        By::new()
            .role(Role::Button)
            .label_contains("Undo: edit C007 — Cost to serve"),
    );
    harness.key_press(Key::Escape);
    harness.run();

    // Select another customer, go elsewhere and undo there: the message says what was
    // undone, and Show brings the change back into view.
    harness.get_by_label("C004").click();
    harness.run();
    common::show_page(&mut harness, "Planner");
    undo(&mut harness);
    harness.get_by_label("Undone: edit C007 — Cost to serve");
    harness.get_by_role_and_label(Role::Button, "Show").click();
    harness.run();
    // The Customers page, with C007 selected (its row is the one in edit fields) and open in
    // the detail panel.
    harness.get_by_label("Perceived benefit");
    harness.get_by_role_and_label(Role::TextInput, "Cost to serve of C007");
    assert!(
        harness
            .query_by_role_and_label(Role::TextInput, "Cost to serve of C004")
            .is_none()
    );
    // Redo names it too.
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Y);
    harness.run();
    harness.get_by_label("Redone: edit C007 — Cost to serve");
}

/// Issue 12: Escape drops a refused value and then the selection; retyping a value as it is
/// changes nothing.
#[test]
fn escape_reverts_a_refused_cell_then_clears_the_selection() {
    let mut harness = with_row_selected("C004");
    let cell = "Cost to serve of C004";
    let shown = harness
        .get_by_role_and_label(Role::TextInput, cell)
        .value()
        .unwrap();
    // Retyped as it is: still saved, nothing to undo.
    type_into(&mut harness, cell, &shown);
    harness.key_press(Key::Enter);
    harness.run();
    assert!(harness.query_by_label("● Unsaved changes").is_none());
    assert!(!harness.state().document().can_undo());

    type_into(&mut harness, cell, "abc");
    harness.key_press(Key::Enter);
    harness.run();
    let refused = "C004 · Cost to serve: Not an amount. The value was not applied.";
    harness.get(By::new().label_contains("C004 · Cost to serve:"));
    harness.key_press(Key::Escape);
    harness.run();
    assert!(
        harness
            .query(By::new().label_contains("C004 · Cost to serve:"))
            .is_none(),
        "{refused}"
    );
    assert_eq!(
        harness
            .get_by_role_and_label(Role::TextInput, cell)
            .value()
            .unwrap(),
        shown,
        "the cell shows the customer's value again"
    );
    // A second Escape clears the selection and closes the detail panel.
    harness.get_by_label("Perceived benefit");
    harness.key_press(Key::Escape);
    harness.run();
    assert!(harness.query_by_label("Perceived benefit").is_none());
    assert!(harness.query_by_role_and_label(Role::TextInput, cell).is_none());
    // The panel's close button does the same.
    harness.get_by_label("C004").click();
    harness.run();
    harness.get_by_role_and_label(Role::Button, "Close (Esc)").click();
    harness.run();
    assert!(harness.query_by_label("Perceived benefit").is_none());
}

#[test]
fn a_bad_cell_is_shown_with_its_reason_and_not_applied() {
    let mut harness = app_sized([1400.0, 860.0], None);
    let before = harness.state().document().scenario.clone();
    harness.get_by_label("C004").click();
    harness.run();
    type_into(&mut harness, "Cost to serve of C004", "-5");
    harness.key_press(Key::Enter);
    harness.run();
    harness.get_by_label("C004 · Cost to serve: Amounts cannot be negative. The value was not applied.");
    type_into(&mut harness, "Growth of C004", "9");
    harness.key_press(Key::Enter);
    harness.run();
    harness.get_by_label(
        "C004 · Growth: Growth potential is a whole number from 1 to 5. The value was not applied.",
    );
    assert_eq!(harness.state().document().scenario, before);
}

#[test]
fn several_rows_are_deleted_at_once_and_come_back_with_undo() {
    let mut harness = with_row_selected("C001");
    harness.get_by_label("C002").click_modifiers(Modifiers::COMMAND);
    harness.run();
    harness.get_by_label("C003").click_modifiers(Modifiers::COMMAND);
    harness.run();
    harness.get_by_role_and_label(Role::Button, "Delete (3)").click();
    harness.run();
    harness.get_by_label("27 of 27 customers");
    assert!(harness.state().document().scenario.customer("C002").is_none());
    undo(&mut harness);
    harness.get_by_label("30 of 30 customers");
    // The Delete key does the same for the selection (rows off screen are not laid out, so
    // find the row with the filter first).
    type_into(&mut harness, "Filter", "C030");
    harness.get_by_label("C030").click();
    harness.run();
    harness.key_press(Key::Delete);
    harness.run();
    harness.get_by_label("0 of 29 customers");
    assert!(harness.state().document().scenario.customer("C030").is_none());
}

#[test]
fn filters_narrow_the_rows_and_the_totals() {
    let mut harness = app_sized([1400.0, 860.0], None);
    type_into(&mut harness, "Filter", "cold");
    // In the sample, six customers mention "cold", all in their "cold-chain" tag (C004 in its
    // industry as well): C004, C009, C013, C020, C023 and C027.
    harness.get_by_label("6 of 30 customers");
    for id in ["C004", "C009", "C013", "C020", "C023", "C027"] {
        harness.get_by_label(id);
    }
    assert!(harness.query_by_label("C001").is_none());
}

#[test]
fn importing_a_chinese_csv_adds_customers_in_one_undo_step() {
    let mut harness = app_sized([1400.0, 860.0], None);
    harness.get_by_role_and_label(Role::Button, "Import…").click();
    harness.run();
    type_into(
        &mut harness,
        "File",
        fixture("import/customers-zh-hant.csv").to_str().unwrap(),
    );
    harness.get_by_role_and_label(Role::Button, "Load").click();
    harness.run();
    harness
        .get_by_label("3 rows ready: 2 new customers, 1 updated. 3 rows have problems and will be skipped.");
    harness.get_by_label("Row 4, column 營業額: not an amount: abc");
    harness.get_by_role_and_label(Role::Button, "Import").click();
    harness.run();
    harness.get_by_label("32 of 32 customers");
    harness.get_by_label_contains("Imported 2 new and 1 updated customers");
    undo(&mut harness);
    harness.get_by_label("30 of 30 customers");
}

#[test]
fn a_transaction_log_shows_rfm_scores() {
    let mut harness = app_sized([1400.0, 860.0], None);
    harness.get_by_role_and_label(Role::Button, "Import…").click();
    harness.run();
    type_into(
        &mut harness,
        "File",
        fixture("import/transactions.csv").to_str().unwrap(),
    );
    harness.get_by_role_and_label(Role::Button, "Load").click();
    harness.run();
    // The dialog recognises a log (dates and amounts, no costs) and uses today as reference.
    harness
        .get_by_label("12 rows ready: 6 new customers, 0 updated. 4 rows have problems and will be skipped.");
    harness.get_by_role_and_label(Role::Button, "Import").click();
    harness.run();
    type_into(&mut harness, "Filter", "T03");
    // Id and name are both T03 for a customer first seen in the log.
    harness.get_all_by_label("T03").next().unwrap().click();
    harness.run();
    harness.get_by_label("Recency 5 · Frequency 1 · Monetary 5 (5 is best)");
}

#[test]
fn the_table_exports_to_csv_with_the_same_numbers() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("customers.csv");
    let mut harness = app_sized([1400.0, 860.0], None);
    harness.get_by_role_and_label(Role::Button, "Export CSV…").click();
    harness.run();
    harness.get_by_label("Export to file");
    type_into(&mut harness, "File path:", path.to_str().unwrap());
    harness.get_by_role_and_label(Role::Button, "OK").click();
    harness.run();
    harness.get_by_label(&format!("Exported {}", path.display()));
    let mut reader = csv::Reader::from_path(&path).unwrap();
    let headers = reader.headers().unwrap().clone();
    assert_eq!(
        &headers[0], "ID",
        "the byte-order mark is for Excel; readers drop it"
    );
    assert_eq!(&headers[7], "Profit");
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 30);
    let doc = harness.state().document();
    for row in &rows {
        let i = doc
            .scenario
            .customers
            .iter()
            .position(|c| c.id == row[0])
            .unwrap();
        let profit: f64 = row[7].parse().unwrap();
        assert!((profit - doc.segmentation().figures[i].profit as f64 / 100.0).abs() < 0.005);
        let revenue: f64 = row[4].parse().unwrap();
        assert!((revenue - doc.scenario.customers[i].revenue.as_major_f64()).abs() < 0.005);
    }
}

#[test]
fn the_detail_panel_edits_value_scores_and_tier_override() {
    let mut harness = with_row_selected("C010");
    let before = harness
        .state()
        .document()
        .scenario
        .customer("C010")
        .unwrap()
        .value;
    let slider = harness.get_by_role_and_label(Role::Slider, "Service");
    slider.focus();
    harness.run();
    for _ in 0..4 {
        harness.key_press(Key::ArrowRight);
        harness.run();
    }
    let after = harness
        .state()
        .document()
        .scenario
        .customer("C010")
        .unwrap()
        .value;
    assert!(
        (after.service - before.service - 2.0).abs() < 1e-6,
        "{} → {}",
        before.service,
        after.service
    );
    // C010 in the sample: benefit 6.5 + 6.5 + 6.0 + 6.0 = 25.0, cost 6.0 + 5.0 + 5.0 + 4.5 =
    // 20.5. Service 6.5 → 8.5 makes the benefit 27.0 and the delivered value +6.5.
    harness.get_by_label("Delivered value: +6.5");
    // The four arrow presses on one slider are one undo step.
    undo(&mut harness);
    assert_eq!(
        harness
            .state()
            .document()
            .scenario
            .customer("C010")
            .unwrap()
            .value,
        before
    );

    // The override section is below the value sliders: scroll to it as a user would.
    harness.get_by_label("Tier set by hand").scroll_to_me();
    harness.run();
    harness.get_by_label("Tier set by hand").click();
    harness.run();
    harness.get_by_label("Override the tier").scroll_to_me();
    harness.run();
    harness.get_by_label("Override the tier").click();
    harness.run();
    harness.get_by_label("An override needs a reason, so others can see why.");
    assert_eq!(
        harness.state().document().warnings().len(),
        1,
        "an override without a reason is a warning"
    );
    type_into(&mut harness, "Reason (required)", "Strategic port partner");
    assert_eq!(tier_of(&harness, "C010"), Tier::Key);
    assert!(harness.state().document().warnings().is_empty());
    let mut snapshots = Snapshots::new();
    snapshots.add(&mut harness, "customers_detail_en");
    snapshots.finish();
}

#[test]
fn the_page_in_simplified_chinese() {
    let mut harness = app_sized([1400.0, 860.0], None);
    switch_language(&mut harness, "View", "Language", "简体中文");
    harness.get_by_label("C003").click();
    harness.run();
    harness.get(By::new().label("服务成本").role(Role::Label));
    let mut snapshots = Snapshots::new();
    snapshots.add(&mut harness, "customers_detail_zh_hans");
    snapshots.finish();
}

#[test]
fn co_creation_logs_gain_rows_and_edits_undo() {
    let mut harness = with_row_selected("C001");
    let count = |h: &Harness<'_, StudioApp>| {
        h.state()
            .document()
            .scenario
            .customer("C001")
            .unwrap()
            .promotions
            .len()
    };
    let before = count(&harness);
    let header = format!("Promotions ({before})");
    harness.get_by_label(&header).scroll_to_me();
    harness.run();
    harness.get_by_label(&header).click();
    harness.run();
    harness
        .get_by_role_and_label(Role::Button, "Add row")
        .scroll_to_me();
    harness.run();
    harness.get_by_role_and_label(Role::Button, "Add row").click();
    harness.run();
    assert_eq!(count(&harness), before + 1);
    let campaign = format!("Campaign {}", before + 1);
    harness
        .get_by_role_and_label(Role::TextInput, &campaign)
        .scroll_to_me();
    harness.run();
    type_into(&mut harness, &campaign, "Winter cold-chain offer");
    harness.key_press(Key::Escape);
    harness.run();
    let promotions = harness
        .state()
        .document()
        .scenario
        .customer("C001")
        .unwrap()
        .promotions
        .clone();
    assert_eq!(promotions[before].campaign, "Winter cold-chain offer");
    assert_eq!(
        promotions[before].date,
        Some(common::today()),
        "a new row is dated today"
    );
    // Typing the campaign was one step, adding the row another.
    undo(&mut harness);
    assert_eq!(count(&harness), before + 1);
    undo(&mut harness);
    assert_eq!(count(&harness), before);
}

/// Issue 12: the interaction log's fields keep their width in the detail panel (they were about
/// 50 px, so "2025-07-03" showed as "202(" and "phone" as "phon"); a log wider than the panel
/// scrolls sideways instead.
#[test]
fn the_interaction_log_fields_are_wide_enough_for_their_values() {
    let mut harness = app_sized([1280.0, 800.0], None);
    harness.get_by_label("C001").click();
    harness.run();
    let n = harness
        .state()
        .document()
        .scenario
        .customer("C001")
        .unwrap()
        .interactions
        .len();
    assert!(n > 0, "C001 has interactions in the sample");
    let header = format!("Interactions ({n})");
    harness.get_by_label(&header).scroll_to_me();
    harness.run();
    harness.get_by_label(&header).click();
    harness.run();
    let font = harness.ctx.global_style().text_styles[&egui::TextStyle::Body].clone();
    for (label, text) in [
        ("Date 1", "2025-07-03"),
        ("Channel 1", "phone"),
        ("Staff 1", "Wang Li"),
    ] {
        let rect = harness.get_by_role_and_label(Role::TextInput, label).rect();
        let needed = harness.ctx.fonts_mut(|f| {
            f.layout_no_wrap(text.to_owned(), font.clone(), egui::Color32::WHITE)
                .size()
                .x
        });
        assert!(
            rect.width() >= needed,
            "{label} is {:.0} points wide; \"{text}\" needs {needed:.0}",
            rect.width()
        );
    }
}

/// Issue 12: setting a filter does not reflow the toolbar (Export XLSX… used to jump to a second
/// row when "Clear filters" appeared).
#[test]
fn setting_a_filter_leaves_the_toolbar_buttons_in_place() {
    let mut harness = app_sized([1280.0, 800.0], None);
    let before = harness.get_by_role_and_label(Role::Button, "Export XLSX…").rect();
    common::type_into(&mut harness, "Filter", "cold");
    harness.key_press(Key::Escape);
    harness.run();
    assert!(
        harness.state().document().scenario.customers.len() > 6,
        "the filter only narrows the view"
    );
    harness.get_by_role_and_label(Role::Button, "Clear filters");
    assert_eq!(
        harness.get_by_role_and_label(Role::Button, "Export XLSX…").rect(),
        before
    );
}

/// The text in the field labelled `label`.
#[track_caller]
fn field_text(harness: &Harness<'_, StudioApp>, label: &str) -> String {
    harness
        .get_by_role_and_label(Role::TextInput, label)
        .value()
        .unwrap()
}

/// The text in the field labelled "Customer since".
#[track_caller]
fn shown(harness: &Harness<'_, StudioApp>) -> String {
    field_text(harness, "Customer since")
}

/// The customer with id `id`, as the document holds it.
#[track_caller]
fn customer(harness: &Harness<'_, StudioApp>, id: &str) -> Customer {
    let doc = harness.state().document();
    doc.scenario
        .customers
        .iter()
        .find(|c| c.id == id)
        .unwrap()
        .clone()
}

/// Issue 12, the widget kit: a date typed wrong is refused with its reason and nothing is
/// applied; Escape brings the customer's date back; retyping the date as it is leaves the file
/// saved; a date committed with Enter is one undo step, and so is an amount typed in one go.
#[test]
fn a_typed_date_is_refused_with_its_reason_and_escape_reverts_it() {
    let mut harness = with_row_selected("C010");
    let field = "Customer since";
    let since = |harness: &Harness<'_, StudioApp>| customer(harness, "C010").since;
    let original = since(&harness);
    harness.get_by_label(field).scroll_to_me();
    harness.run();
    assert_eq!(shown(&harness), "2020-09-01");

    // Retyped as it is and committed: still saved, nothing to undo.
    type_into(&mut harness, field, "2020-09-01");
    harness.key_press(Key::Enter);
    harness.run();
    assert!(harness.query_by_label("● Unsaved changes").is_none());
    assert!(!harness.state().document().can_undo());

    // A day that does not exist: the text stays, in red with its reason, and is not applied.
    type_into(&mut harness, field, "2020-02-30");
    harness.key_press(Key::Enter);
    harness.run();
    assert_eq!(since(&harness), original);
    assert_eq!(shown(&harness), "2020-02-30");
    assert!(harness.query_by_label("● Unsaved changes").is_none());
    harness.get_by_role_and_label(Role::TextInput, field).hover();
    for _ in 0..5 {
        harness.run();
    }
    harness.get_by_label("Not a date; use YYYY-MM-DD.");

    // Escape in the field drops the text: the customer's date shows again.
    harness.get_by_role_and_label(Role::TextInput, field).focus();
    harness.run();
    assert_eq!(shown(&harness), "2020-02-30");
    harness.key_press(Key::Escape);
    harness.run();
    // The detail panel stays open: that Escape belonged to the field.
    harness.get_by_label("Perceived benefit");
    assert_eq!(shown(&harness), "2020-09-01");
    assert_eq!(since(&harness), original);

    // A real date, committed with Enter: applied, and one undo takes it back.
    type_into(&mut harness, field, "2021-03-15");
    harness.key_press(Key::Enter);
    harness.run();
    assert_eq!(since(&harness), chrono::NaiveDate::from_ymd_opt(2021, 3, 15));
    harness.get_by_label("● Unsaved changes");
    undo(&mut harness);
    assert_eq!(since(&harness), original);
    assert!(harness.query_by_label("● Unsaved changes").is_none());

    // An amount typed in one go is one undo step, named after its field.
    type_into(&mut harness, "Revenue", "9,000,000");
    harness.key_press(Key::Enter);
    harness.run();
    harness.get_by_role_and_label(Role::TextInput, "Revenue");
    assert_eq!(
        harness
            .get_by_role_and_label(Role::TextInput, "Revenue")
            .value()
            .unwrap(),
        "9,000,000"
    );
    undo(&mut harness);
    assert!(harness.query_by_label("● Unsaved changes").is_none());
    assert!(!harness.state().document().can_undo());
}

/// Issue 12, the table's cells on the widget kit: a Revenue cell typed wrong keeps its text, in
/// red with its reason, applies nothing and leaves the file saved; Escape brings the value back.
/// Tab commits a cell and leaves it; clicking another row commits the cell being typed into;
/// each is one undo step.
#[test]
fn a_refused_revenue_cell_reverts_on_escape_and_tab_or_a_click_commits() {
    let mut harness = with_row_selected("C010");
    let revenue = "Revenue of C010";
    let customer = |harness: &Harness<'_, StudioApp>| customer(harness, "C010");
    let before = customer(&harness);
    let shown = field_text(&harness, revenue);

    type_into(&mut harness, revenue, "abc");
    harness.key_press(Key::Enter);
    harness.run();
    harness.get_by_label(
        "C010 · Revenue: Not an amount: type a number such as 1,234.50. The value was not applied.",
    );
    assert_eq!(
        field_text(&harness, revenue),
        "abc",
        "the refused text stays to be corrected"
    );
    harness.get_by_role_and_label(Role::TextInput, revenue).hover();
    for _ in 0..5 {
        harness.run();
    }
    harness.get_by_label("Not an amount: type a number such as 1,234.50.");
    assert_eq!(customer(&harness), before);
    assert!(harness.query_by_label("● Unsaved changes").is_none());
    assert!(!harness.state().document().can_undo());

    harness.key_press(Key::Escape);
    harness.run();
    assert!(
        harness
            .query(By::new().label_contains("C010 · Revenue:"))
            .is_none()
    );
    assert_eq!(field_text(&harness, revenue), shown);
    // That Escape dropped the text; the row stays selected.
    harness.get_by_label("Perceived benefit");
    assert!(harness.query_by_label("● Unsaved changes").is_none());

    // Tab commits and leaves the cell.
    type_into(&mut harness, revenue, "1,234");
    harness.key_press(Key::Tab);
    harness.run();
    assert_eq!(customer(&harness).revenue.0, 123_400);
    assert!(
        !harness
            .get_by_role_and_label(Role::TextInput, revenue)
            .accesskit_node()
            .is_focused(),
        "Tab leaves the cell"
    );
    harness.get_by_label("● Unsaved changes");
    undo(&mut harness);
    assert_eq!(customer(&harness), before);
    assert!(harness.query_by_label("● Unsaved changes").is_none());

    // Typed, then another row clicked: the cell is committed, not lost.
    type_into(&mut harness, "Cost to serve of C010", "5,000");
    harness.get_by_label("C004").click();
    harness.run();
    assert_eq!(customer(&harness).cost_to_serve.0, 500_000);
    harness.get_by_role_and_label(Role::TextInput, "Cost to serve of C004");
    undo(&mut harness);
    assert_eq!(customer(&harness), before);
    assert!(!harness.state().document().can_undo());
}
