//! What every whole-app test needs: the app on the sample with a fixed date, and the few
//! gestures tests repeat (typing into a labelled field, menus, pages, language).

#![allow(dead_code, reason = "each test binary uses its own subset of these helpers")]
#![allow(
    clippy::unwrap_used,
    reason = "test helpers: a failure here is a test failure"
)]

pub mod wizard;

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use std::sync::atomic::{AtomicBool, Ordering};

use chrono::NaiveDate;
use eframe::egui_wgpu::WgpuSetup;
use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::kittest::{By, Queryable as _};
use egui_kittest::{Harness, SnapshotResults};
use scm_crm_studio::ui::{AppOptions, StudioApp};

/// The date every test runs on, so overdue items and day counts are repeatable.
pub fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 26).unwrap()
}

/// The app at `size`, opening `file` (or the bundled sample), after its first frames.
/// Missing glyphs panic in kittest, so tofu in any language fails the test.
pub fn app_sized(size: [f32; 2], file: Option<PathBuf>) -> Harness<'static, StudioApp> {
    app_with(size, file, None)
}

/// The app at `size` on `file`, keeping recovery copies in `recovery_dir` (none when `None`).
pub fn app_with(
    size: [f32; 2],
    file: Option<PathBuf>,
    recovery_dir: Option<PathBuf>,
) -> Harness<'static, StudioApp> {
    let mut harness = Harness::builder().with_size(size).build_eframe(move |cc| {
        StudioApp::new(
            cc,
            AppOptions {
                file,
                today: today(),
                native_dialogs: false,
                recovery_dir,
                documents_dir: documents_dir(),
                show_tour_on_first_run: false,
            },
        )
    });
    harness.run();
    harness
}

/// A documents folder of the test's own, so that nothing is written to the real one.
pub fn documents_dir() -> PathBuf {
    let dir = std::env::temp_dir().join(format!("scm-crm-studio-test-docs-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
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

/// Whether wgpu finds an adapter to render snapshot images with, asked once per test binary.
/// The adapters listed are the ones kittest's own renderer chooses from, so "none" here is
/// exactly the case where rendering would fail with "No adapter found".
pub fn snapshot_adapter_available() -> bool {
    static AVAILABLE: OnceLock<bool> = OnceLock::new();
    *AVAILABLE.get_or_init(|| {
        let setup = egui_kittest::wgpu::default_wgpu_setup();
        let WgpuSetup::CreateNew(create) = &setup else {
            return true;
        };
        let backends = create.instance_descriptor.backends;
        let instance = pollster::block_on(setup.new_instance());
        !pollster::block_on(instance.enumerate_adapters(backends)).is_empty()
    })
}

/// Whether this machine can render images (snapshots, the app's own screenshots). Where it
/// cannot, the first caller in the test binary prints why, once.
pub fn images_render() -> bool {
    static SAID: AtomicBool = AtomicBool::new(false);
    let available = snapshot_adapter_available();
    if !available && !SAID.swap(true, Ordering::Relaxed) {
        // Straight to the terminal: libtest hides what passing tests print.
        let _ = writeln!(std::io::stderr().lock(), "{SNAPSHOTS_SKIPPED_LINE}");
    }
    available
}

/// The line a machine without GPU libraries sees once per test binary.
pub const SNAPSHOTS_SKIPPED_LINE: &str = "snapshot images not compared: no GPU adapter \
(install libegl1 and libgl1-mesa-dri to compare them)";

/// The snapshot images of one test. Where wgpu has an adapter each image is compared and a
/// mismatch fails the test, as kittest always does. Where it has none, only the pixel
/// comparison is skipped: the flow and every assertion around it still run, the first skip
/// in the binary says why in one line, and `finish` counts what was skipped.
pub struct Snapshots {
    results: SnapshotResults,
    skipped: usize,
}

impl Snapshots {
    pub fn new() -> Self {
        Self {
            results: SnapshotResults::new(),
            skipped: 0,
        }
    }

    /// Compares the harness's current image with `tests/snapshots/{name}.png`.
    pub fn add(&mut self, harness: &mut Harness<'_, StudioApp>, name: impl Into<String>) {
        if images_render() {
            self.results.add(harness.try_snapshot(name));
        } else {
            self.skipped += 1;
        }
    }

    /// Fails the test on any mismatch; where images were skipped, says how many.
    #[track_caller]
    pub fn finish(self) {
        if self.skipped > 0 {
            let _ = writeln!(
                std::io::stderr().lock(),
                "snapshot comparisons skipped: {} (no GPU adapter)",
                self.skipped
            );
        }
        self.results.unwrap();
    }
}

/// One snapshot image, compared (or skipped) at once.
#[track_caller]
pub fn snapshot(harness: &mut Harness<'_, StudioApp>, name: impl Into<String>) {
    let mut snapshots = Snapshots::new();
    snapshots.add(harness, name);
    snapshots.finish();
}
