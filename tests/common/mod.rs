//! What every whole-app test needs: the app on the sample with a fixed date, and the few
//! gestures tests repeat (typing into a labelled field, menus, pages, language).

#![allow(dead_code, reason = "each test binary uses its own subset of these helpers")]
#![allow(
    clippy::unwrap_used,
    reason = "test helpers: a failure here is a test failure"
)]

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{By, Queryable as _};
use scm_crm_studio::ui::{AppOptions, StudioApp};

/// The date every test runs on, so overdue items and day counts are repeatable.
pub fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 26).unwrap()
}

/// The app at `size`, opening `file` (or the bundled sample), after its first frames.
/// Missing glyphs panic in kittest, so tofu in any language fails the test.
pub fn app_sized(size: [f32; 2], file: Option<PathBuf>) -> Harness<'static, StudioApp> {
    let mut harness = Harness::builder().with_size(size).build_eframe(move |cc| {
        StudioApp::new(
            cc,
            AppOptions {
                file,
                today: today(),
                native_dialogs: false,
            },
        )
    });
    harness.run();
    harness
}

/// The app at 1280×800 on the sample.
pub fn app() -> Harness<'static, StudioApp> {
    app_sized([1280.0, 800.0], None)
}

/// A file under tests/fixtures.
pub fn fixture(relative: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(relative)
}

/// Types into the text field labelled `label`, replacing what it held; the field keeps focus.
pub fn type_into(harness: &mut Harness<'_, StudioApp>, label: &str, text: &str) {
    let role = if harness.query_by_role_and_label(Role::TextInput, label).is_some() {
        Role::TextInput
    } else {
        Role::MultilineTextInput
    };
    harness.get_by_role_and_label(role, label).focus();
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness.get_by_role_and_label(role, label).type_text(text);
    harness.run();
}

/// Clicks a menu, then one of its items (whose label may end with a shortcut).
pub fn open_menu_item(harness: &mut Harness<'_, StudioApp>, menu: &str, item: &str) {
    harness.get_by_label(menu).click();
    harness.run();
    harness
        .get(By::new().role(Role::Button).label_contains(item))
        .click();
    harness.run();
}

/// Shows a page from the navigation.
pub fn show_page(harness: &mut Harness<'_, StudioApp>, page: &str) {
    harness.get_by_role_and_label(Role::Button, page).click();
    harness.run();
}

/// View ▸ Language ▸ `name`, with the menu labels in the current language.
pub fn switch_language(harness: &mut Harness<'_, StudioApp>, view: &str, language: &str, name: &str) {
    harness.get_by_label(view).click();
    harness.run();
    harness.get_by_label(language).hover();
    harness.run();
    harness.get_by_label(name).click();
    harness.run();
}

/// Ctrl+Z.
pub fn undo(harness: &mut Harness<'_, StudioApp>) {
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
}
