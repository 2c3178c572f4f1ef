//! Whole-app flows driven through the real UI by visible labels, as a user would.

#![allow(
    clippy::unwrap_used,
    reason = "test helpers: a failure here is a test failure"
)]

use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::kittest::{By, Queryable as _};
use scm_crm_studio::store;

mod common;
use common::{Snapshots, app, app_sized, fixture, open_menu_item, show_page, switch_language, type_into};

#[test]
fn the_first_run_opens_the_sample_and_every_page_is_reachable() {
    let mut harness = app();
    let mut snapshots = Snapshots::new();
    // The sample's customers are listed with their tiers.
    harness.get_by_label("Customers: 30");
    snapshots.add(&mut harness, "page_customers_en");

    show_page(&mut harness, "Charts");
    harness.get_by_label("Customers per tier");
    snapshots.add(&mut harness, "page_charts_en");

    show_page(&mut harness, "Planner");
    harness.get_by_label("Survey marketing and the supply chain");
    harness.get_by_label("3 of 8 steps done");
    snapshots.add(&mut harness, "page_planner_en");

    show_page(&mut harness, "Disputes");
    harness.get_by_label("Quantity of work");
    snapshots.add(&mut harness, "page_disputes_en");

    show_page(&mut harness, "Customers");
    harness.get_by_label("Customers: 30");
    snapshots.finish();
}

#[test]
fn switching_to_traditional_chinese_renders_chinese_labels() {
    let mut harness = app();
    switch_language(&mut harness, "View", "Language", "繁體中文");
    // The navigation and menus are now Chinese, drawn with the bundled font (a missing
    // glyph would have panicked while rendering).
    harness.get_by_role_and_label(Role::Button, "客戶");
    harness.get_by_label("檔案");
    show_page(&mut harness, "整合規劃");
    harness.get_by_label("進行營銷和供應鏈的調查");
    let mut snapshots = Snapshots::new();
    snapshots.add(&mut harness, "page_planner_zh_hant");
    show_page(&mut harness, "客戶");
    snapshots.add(&mut harness, "page_customers_zh_hant");
    // And Simplified Chinese.
    switch_language(&mut harness, "檢視", "語言", "简体中文");
    harness.get_by_role_and_label(Role::Button, "客户");
    show_page(&mut harness, "纠纷");
    snapshots.add(&mut harness, "page_disputes_zh_hans");
    snapshots.finish();
}

#[test]
fn an_edit_marks_unsaved_and_undo_restores_it() {
    let mut harness = app();
    let original = harness.state().document().scenario.metadata.title.clone();
    open_menu_item(&mut harness, "File", "Scenario properties…");
    type_into(&mut harness, "Title", "What-if: cheaper cold chain");
    assert_eq!(
        harness.state().document().scenario.metadata.title,
        "What-if: cheaper cold chain"
    );
    harness.get_by_label("● Unsaved changes");
    // Typing in one field is one undo step.
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(harness.state().document().scenario.metadata.title, original);
    assert!(harness.query_by_label("● Unsaved changes").is_none());
    harness.get_by_role_and_label(Role::TextInput, "Title");
    // Redo brings the edit back.
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Y);
    harness.run();
    assert_eq!(
        harness.state().document().scenario.metadata.title,
        "What-if: cheaper cold chain"
    );
}

#[test]
fn a_threshold_slider_retiers_customers_and_one_undo_restores() {
    let mut harness = app();
    harness.get_by_label("Customers: 30");
    let before = harness.state().document().segmentation().tier_counts();
    open_menu_item(&mut harness, "File", "Scenario properties…");
    let slider = harness.get_by_role_and_label(Role::Slider, "Class A reaches (% of profit)");
    slider.focus();
    harness.run();
    // Each arrow press is a change of the focused slider; all of them form one gesture.
    for _ in 0..30 {
        harness.key_press(Key::ArrowLeft);
        harness.run();
    }
    let after = harness.state().document().segmentation().tier_counts();
    assert_ne!(before, after, "lowering the A threshold re-tiers customers");
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(harness.state().document().segmentation().tier_counts(), before);
}

#[test]
fn a_bad_file_gives_a_clear_message_and_keeps_the_open_scenario() {
    let mut harness = app();
    let before = harness.state().document().scenario.clone();
    let bad = fixture("bad/bad-date.ron");
    let bytes = std::fs::read(&bad).unwrap();
    open_menu_item(&mut harness, "File", "Open…");
    // No file dialog in tests: the typed-path fallback appears.
    harness.get_by_label("Open a scenario file");
    type_into(&mut harness, "File path:", bad.to_str().unwrap());
    harness.get_by_role_and_label(Role::Button, "OK").click();
    harness.run();
    harness.get_by_label("Could not open the file. The open scenario is unchanged.");
    let detail = format!(
        "Line 5, column 15: not a valid date (expected YYYY-MM-DD, a real calendar day): {}",
        bad.display()
    );
    harness.get_by_label(&detail);
    assert_eq!(harness.state().document().scenario, before);
    harness.get_by_label("Customers: 30");
    assert_eq!(
        std::fs::read(&bad).unwrap(),
        bytes,
        "the file on disk is untouched"
    );
}

#[test]
fn save_as_writes_a_file_that_reopens_identical() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("what-if.ron");
    let mut harness = app();
    open_menu_item(&mut harness, "File", "Save as…");
    harness.get_by_label("Save the scenario as");
    type_into(&mut harness, "File path:", path.to_str().unwrap());
    harness.get_by_role_and_label(Role::Button, "OK").click();
    harness.run();
    harness.get_by_label(&format!("Saved {}", path.display()));
    harness.get_by_label("Saved");
    let reopened = store::load(&path).unwrap();
    assert_eq!(reopened.scenario, harness.state().document().scenario);

    // Opening it from the command line shows it with its path.
    let again = app_sized([1280.0, 800.0], Some(path.clone()));
    again.get_by_label(&path.display().to_string());
    assert_eq!(again.state().document().scenario, reopened.scenario);
}

/// Issue 12: file paths start in the scenario's folder, then the last folder used, then
/// `saves/` in the user's documents; never the process's working folder.
#[test]
fn file_paths_start_in_the_scenarios_folder_then_the_last_one_then_documents() {
    let path_field = |harness: &egui_kittest::Harness<'_, scm_crm_studio::ui::StudioApp>| {
        harness
            .get_by_role_and_label(Role::TextInput, "File path:")
            .value()
            .unwrap_or_default()
    };
    // The bundled sample has no folder of its own: documents/saves.
    let mut harness = app();
    open_menu_item(&mut harness, "File", "Save as…");
    let saves = common::documents_dir().join("saves");
    assert!(
        path_field(&harness).starts_with(&saves.display().to_string()),
        "{} in {}",
        path_field(&harness),
        saves.display()
    );
    assert!(saves.is_dir());
    harness.get(By::new().label_contains(&format!("Relative paths start in {}", saves.display())));

    // A scenario opened from a folder: that folder, and a relative name lands there.
    let dir = tempfile::tempdir().unwrap();
    let folder = std::fs::canonicalize(dir.path()).unwrap();
    let file = folder.join("plan.ron");
    store::save(&file, &harness.state().document().scenario).unwrap();
    let mut harness = app_sized([1280.0, 800.0], Some(file.clone()));
    open_menu_item(&mut harness, "File", "Save as…");
    assert_eq!(path_field(&harness), file.display().to_string());
    type_into(&mut harness, "File path:", "copy.ron");
    harness.get_by_role_and_label(Role::Button, "OK").click();
    harness.run();
    assert!(
        folder.join("copy.ron").is_file(),
        "relative to the scenario's folder"
    );

    // A new scenario has no folder: the last folder used (where copy.ron was saved).
    harness.state_mut().finish_background_writes();
    open_menu_item(&mut harness, "File", "New");
    open_menu_item(&mut harness, "File", "Save as…");
    assert!(
        path_field(&harness).starts_with(&folder.display().to_string()),
        "{}",
        path_field(&harness)
    );
}

#[test]
fn new_with_unsaved_changes_asks_first() {
    let mut harness = app();
    open_menu_item(&mut harness, "File", "Scenario properties…");
    type_into(&mut harness, "Author", "Trainer");
    harness.key_press_modifiers(Modifiers::COMMAND, Key::N);
    harness.run();
    harness.get_by_label("Unsaved changes");
    harness.get_by_role_and_label(Role::Button, "Cancel").click();
    harness.run();
    harness.get_by_label("Customers: 30");

    harness.key_press_modifiers(Modifiers::COMMAND, Key::N);
    harness.run();
    harness.get_by_role_and_label(Role::Button, "Discard").click();
    harness.run();
    harness.get_by_label("Customers: 0");
    harness.get_by_label("New empty scenario");
}

/// A file dropped on the window, as the windowing layer hands it to egui.
#[derive(Debug)]
struct Dropped(std::path::PathBuf);

impl egui::DroppedFile for Dropped {
    fn path(&self) -> &std::path::Path {
        &self.0
    }

    fn bytes(&self) -> Result<Vec<u8>, String> {
        std::fs::read(&self.0).map_err(|e| e.to_string())
    }
}

#[test]
fn dropping_a_ron_file_opens_it_and_other_files_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("dropped.ron");
    let mut scenario = store::load(&fixture("v1/classroom-v1.ron")).unwrap().scenario;
    scenario.metadata.title = "Dropped what-if".into();
    store::save(&path, &scenario).unwrap();
    let mut harness = app();
    harness
        .input_mut()
        .dropped_files
        .push(std::sync::Arc::new(Dropped(fixture("import/transactions.csv"))));
    harness.run();
    harness.get_by_label_contains("Only scenario files (.ron) can be opened this way");
    harness.get_by_label("Customers: 30");
    harness
        .input_mut()
        .dropped_files
        .push(std::sync::Arc::new(Dropped(path.clone())));
    harness.run();
    harness.get_by_label(&format!("Opened {}", path.display()));
    harness.get_by_label("Customers: 2");
}

#[test]
fn quit_with_unsaved_changes_asks_and_cancel_keeps_working() {
    let mut harness = app();
    open_menu_item(&mut harness, "File", "Scenario properties…");
    type_into(&mut harness, "Author", "Trainer");
    harness.key_press(Key::Escape);
    harness.run();
    open_menu_item(&mut harness, "File", "Quit");
    harness.get_by_label("Unsaved changes");
    harness.get_by_label("Save the changes to “Harbor Link Logistics — FY2026 baseline” first?");
    harness.get_by_role_and_label(Role::Button, "Cancel").click();
    harness.run();
    assert!(
        harness
            .query_by_label("Save the changes to “Harbor Link Logistics — FY2026 baseline” first?")
            .is_none()
    );
    assert_eq!(harness.state().document().scenario.metadata.author, "Trainer");
}

/// A scenario file big enough that reading it takes a while in a test build.
fn big_scenario_file(dir: &std::path::Path, customers: usize) -> std::path::PathBuf {
    use scm_crm_studio::model::{Customer, Money, Scenario};
    let mut scenario = Scenario::new(common::today());
    scenario.metadata.title = "Big book".into();
    scenario.customers = (0..customers)
        .map(|i| Customer {
            id: format!("B{i:06}"),
            name: format!("Customer {i}"),
            industry: "Logistics".into(),
            region: "East China".into(),
            revenue: Money::from_major(10_000 + (i as i64 * 7919) % 900_000),
            cost_of_goods: Money::from_major(5_000),
            cost_to_serve: Money::from_major((i as i64 * 31) % 20_000),
            growth_potential: 1 + (i % 5) as u8,
            tags: vec!["bulk".into()],
            ..Customer::default()
        })
        .collect();
    let path = dir.join("big.ron");
    store::save(&path, &scenario).unwrap();
    path
}

/// Steps frames until the file being opened in the background is in (at most a minute).
fn wait_until_opened(harness: &mut egui_kittest::Harness<'_, scm_crm_studio::ui::StudioApp>) {
    for _ in 0..1200 {
        if !harness.state().is_busy() {
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
        harness.step();
    }
    panic!("the file did not open within a minute");
}

#[test]
fn a_slow_open_shows_progress_cancel_keeps_the_scenario_and_a_second_open_completes() {
    let dir = tempfile::tempdir().unwrap();
    let path = big_scenario_file(dir.path(), 40_000);
    let on_disk = std::fs::read(&path).unwrap();
    let mut harness = app();
    // Any open shows its progress at once, instead of after 0.3 s.
    harness.state_mut().set_job_wait(std::time::Duration::ZERO);
    let before = harness.state().document().scenario.clone();
    harness.get_by_label("Customers: 30");

    harness
        .input_mut()
        .dropped_files
        .push(std::sync::Arc::new(Dropped(path.clone())));
    harness.step();
    assert!(harness.state().is_busy(), "the file is read on its own thread");
    // A new window is laid out unseen in its first frame.
    harness.step();
    harness.get_by_label(&format!("Opening {}…", path.display()));
    harness.get_by_label("Cancel").click();
    harness.step();
    harness.step();
    assert!(!harness.state().is_busy(), "Cancel ends the wait at once");
    harness.get_by_label(&format!(
        "Opening {} was cancelled. The open scenario is unchanged.",
        path.display()
    ));
    assert_eq!(
        harness.state().document().scenario,
        before,
        "the open scenario is untouched"
    );
    assert!(!harness.state().document().is_dirty());
    harness.get_by_label("Customers: 30");
    assert_eq!(std::fs::read(&path).unwrap(), on_disk, "the file is untouched");
    // Nothing else was written beside it (no backup, no temp file).
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);

    harness
        .input_mut()
        .dropped_files
        .push(std::sync::Arc::new(Dropped(path.clone())));
    harness.step();
    wait_until_opened(&mut harness);
    harness.run();
    harness.get_by_label(&format!("Opened {}", path.display()));
    assert_eq!(harness.state().document().scenario.customers.len(), 40_000);
    assert_eq!(harness.state().document().scenario.metadata.title, "Big book");
}

/// The app started as `ui::run` starts it: the file read on its own thread from before the
/// window opened (`early`), then the app made.
fn app_reading_early(
    file: std::path::PathBuf,
    early: Option<scm_crm_studio::ui::EarlyRead>,
) -> egui_kittest::Harness<'static, scm_crm_studio::ui::StudioApp> {
    let mut harness = egui_kittest::Harness::builder()
        .with_size([1280.0, 800.0])
        .build_eframe(move |cc| {
            scm_crm_studio::ui::StudioApp::with_early_read(
                cc,
                scm_crm_studio::ui::AppOptions {
                    file: Some(file),
                    today: common::today(),
                    native_dialogs: false,
                    recovery_dir: None,
                    documents_dir: common::documents_dir(),
                    show_tour_on_first_run: false,
                },
                early,
            )
        });
    harness.run();
    harness
}

#[test]
fn the_file_read_while_the_window_opens_is_the_one_shown_and_a_read_of_another_is_ignored() {
    let dir = tempfile::tempdir().unwrap();
    let big = big_scenario_file(dir.path(), 2_000);
    let sample = dir.path().join("sample.ron");
    std::fs::copy(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/samples/harbor-logistics.ron"),
        &sample,
    )
    .unwrap();
    // Read early and opened: the big book's 2,000 customers are there in the first frames.
    let early = scm_crm_studio::ui::EarlyRead::start(big.clone());
    let harness = app_reading_early(big.clone(), early);
    harness.get_by_label("Customers: 2000");
    assert_eq!(harness.state().document().scenario.metadata.title, "Big book");
    drop(harness);
    // The early read was of another file than the one to open: the sample (30 customers) opens.
    let early = scm_crm_studio::ui::EarlyRead::start(big);
    let harness = app_reading_early(sample, early);
    harness.get_by_label("Customers: 30");
    assert_eq!(
        harness.state().document().scenario.metadata.title,
        "Harbor Link Logistics — FY2026 baseline"
    );
}
