//! Never losing work: recovery copies after a kill or a panic, a file changed by another
//! program, and a file open in another instance. Driven through the real app by visible labels.

#![allow(
    clippy::unwrap_used,
    reason = "test helpers: a failure here is a test failure"
)]

use std::path::{Path, PathBuf};

use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use scm_crm_studio::store;
use scm_crm_studio::store::recovery::{CopyKind, RecoveryFolder};
use scm_crm_studio::ui::StudioApp;

mod common;
use common::{app_with, open_menu_item, type_into};

const SIZE: [f32; 2] = [1280.0, 800.0];

/// A copy of the sample in a fresh folder, with a folder for recovery copies beside it.
fn workspace() -> (tempfile::TempDir, PathBuf, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("harbor.ron");
    std::fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/samples/harbor-logistics.ron"),
        &file,
    )
    .unwrap();
    let recovery = dir.path().join("recovery");
    (dir, file, recovery)
}

fn retitle(harness: &mut Harness<'_, StudioApp>, title: &str) {
    open_menu_item(harness, "File", "Scenario properties…");
    type_into(harness, "Title", title);
    harness.key_press(Key::Escape);
    harness.run();
}

/// The window loses focus, which writes a recovery copy at once; then waits for the write.
fn lose_focus(harness: &mut Harness<'_, StudioApp>) {
    harness.event(egui::Event::WindowFocused(false));
    harness.run();
    harness.state_mut().finish_background_writes();
}

#[test]
fn after_a_kill_the_next_start_offers_the_copy_and_restoring_brings_back_every_edit() {
    let (_dir, file, recovery) = workspace();
    let saved_text = std::fs::read_to_string(&file).unwrap();
    {
        let mut harness = app_with(SIZE, Some(file.clone()), Some(recovery.clone()));
        retitle(&mut harness, "Unsaved what-if");
        assert!(harness.state().document().is_dirty());
        lose_focus(&mut harness);
        // The copy is in the recovery folder, not beside the user's file.
        let copies = RecoveryFolder::new(recovery.clone()).list();
        assert_eq!(copies.len(), 1);
        assert_eq!(copies[0].info.original.as_deref(), Some(file.as_path()));
        // Dropped without Quit: what SIGKILL leaves behind.
    }
    assert_eq!(
        std::fs::read_to_string(&file).unwrap(),
        saved_text,
        "the file itself is untouched"
    );

    let mut harness = app_with(SIZE, Some(file.clone()), Some(recovery.clone()));
    harness.get_by_label("Recover unsaved work?");
    harness.get_by_label_contains("harbor.ron: a recovery copy taken at");
    harness.get_by_label("Recovery copy: 30 customers, 3 of 8 steps done, 4 disputes");
    harness.get_by_label("Saved file: 30 customers, 3 of 8 steps done, 4 disputes");
    harness.get_by_label("Restore").click();
    harness.run();
    let doc = harness.state().document();
    assert_eq!(doc.scenario.metadata.title, "Unsaved what-if");
    assert!(doc.is_dirty(), "a restored copy is not saved yet");
    assert_eq!(doc.path.as_deref(), Some(file.as_path()));
    harness.get_by_label_contains("Restored the recovery copy of harbor.ron");

    // Saving keeps it and deletes the copy.
    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    harness.run();
    assert!(!harness.state().document().is_dirty());
    assert!(
        std::fs::read_to_string(&file)
            .unwrap()
            .contains("Unsaved what-if")
    );
    assert!(RecoveryFolder::new(recovery).list().is_empty());
}

#[test]
fn restore_and_compare_shows_what_the_copy_changed_against_the_saved_file() {
    let (_dir, file, recovery) = workspace();
    {
        let mut harness = app_with(SIZE, Some(file.clone()), Some(recovery.clone()));
        // Add a customer: the comparison then lists it as added.
        harness.get_by_label("Add").click();
        harness.run();
        lose_focus(&mut harness);
    }
    let mut harness = app_with(SIZE, Some(file.clone()), Some(recovery));
    harness
        .get_by_label("Restore and compare with the saved file")
        .click();
    harness.run();
    assert_eq!(harness.state().document().scenario.customers.len(), 31);
    harness.get_by_label("← Back to the scenario");
    // A is the restored copy, B the saved file: the added customer is missing from B.
    harness.get_by_label("Customers: 0 added, 1 removed, 0 changed");
}

#[test]
fn discarding_the_offer_deletes_the_copy_and_keeps_the_saved_file() {
    let (_dir, file, recovery) = workspace();
    {
        let mut harness = app_with(SIZE, Some(file.clone()), Some(recovery.clone()));
        retitle(&mut harness, "Throw this away");
        lose_focus(&mut harness);
    }
    let mut harness = app_with(SIZE, Some(file.clone()), Some(recovery.clone()));
    harness.get_by_label("Discard the copy").click();
    harness.run();
    assert!(RecoveryFolder::new(recovery.clone()).list().is_empty());
    assert_eq!(
        harness.state().document().scenario.metadata.title,
        "Harbor Link Logistics — FY2026 baseline"
    );
    // Nothing is offered on the next start.
    drop(harness);
    let harness = app_with(SIZE, Some(file), Some(recovery));
    assert!(harness.query_by_label("Recover unsaved work?").is_none());
}

#[test]
fn a_clean_document_writes_no_copy_and_a_save_removes_an_earlier_one() {
    let (_dir, file, recovery) = workspace();
    let mut harness = app_with(SIZE, Some(file.clone()), Some(recovery.clone()));
    lose_focus(&mut harness);
    assert!(
        RecoveryFolder::new(recovery.clone()).list().is_empty(),
        "nothing unsaved, nothing copied"
    );
    retitle(&mut harness, "Edited");
    lose_focus(&mut harness);
    assert_eq!(RecoveryFolder::new(recovery.clone()).list().len(), 1);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    harness.run();
    assert!(RecoveryFolder::new(recovery).list().is_empty());
}

#[test]
fn a_panic_leaves_an_emergency_copy_that_the_next_start_offers() {
    let (_dir, file, recovery) = workspace();
    let mut harness = app_with(SIZE, Some(file.clone()), Some(recovery.clone()));
    retitle(&mut harness, "Before the crash");
    // Debug builds panic on Ctrl+Shift+F12, so the emergency path can be tried.
    let crashed = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::F12);
        harness.run();
    }));
    assert!(crashed.is_err(), "the forced panic happened");
    std::mem::forget(harness);
    let copies = RecoveryFolder::new(recovery.clone()).list();
    assert_eq!(copies.len(), 1);
    assert_eq!(copies[0].info.kind, CopyKind::Emergency);

    let mut harness = app_with(SIZE, Some(file), Some(recovery));
    harness.get_by_label("The app stopped unexpectedly; this copy was written as it closed.");
    harness.get_by_label("Restore").click();
    harness.run();
    assert_eq!(
        harness.state().document().scenario.metadata.title,
        "Before the crash"
    );
}

/// The app with the title edited to "Mine" while a sync client (or a colleague) writes
/// another version, titled "Theirs", to the same file.
fn mine_then_theirs() -> (tempfile::TempDir, PathBuf, Harness<'static, StudioApp>, String) {
    let (dir, file, _recovery) = workspace();
    let mut harness = app_with(SIZE, Some(file.clone()), None);
    retitle(&mut harness, "Mine");
    let theirs = std::fs::read_to_string(&file)
        .unwrap()
        .replace("Harbor Link Logistics — FY2026 baseline", "Theirs");
    std::fs::write(&file, &theirs).unwrap();
    (dir, file, harness, theirs)
}

#[test]
fn saving_over_a_file_another_program_changed_asks_first() {
    let (_dir, file, mut harness, theirs) = mine_then_theirs();

    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    harness.run();
    harness.get_by_label("The file changed on disk");
    harness.get_by_label("Cancel").click();
    harness.run();
    assert_eq!(
        std::fs::read_to_string(&file).unwrap(),
        theirs,
        "Cancel writes nothing"
    );
    assert!(harness.state().document().is_dirty());

    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    harness.run();
    harness.get_by_label("Overwrite").click();
    harness.run();
    assert!(std::fs::read_to_string(&file).unwrap().contains("Mine"));
    assert!(!harness.state().document().is_dirty());
    // Now the file is as we wrote it: the next save does not ask.
    retitle(&mut harness, "Mine again");
    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    harness.run();
    assert!(harness.query_by_label("The file changed on disk").is_none());
    assert!(std::fs::read_to_string(&file).unwrap().contains("Mine again"));
}

#[test]
fn reload_takes_the_other_programs_version() {
    let (_dir, _file, mut harness, _theirs) = mine_then_theirs();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    harness.run();
    harness.get_by_label("Reload (losing my changes)").click();
    harness.run();
    assert_eq!(harness.state().document().scenario.metadata.title, "Theirs");
    assert!(!harness.state().document().is_dirty());
}

#[test]
fn opening_a_file_open_in_another_instance_warns_and_offers_read_only() {
    let (_dir, file, _recovery) = workspace();
    // Process 1 always runs: as if another window had the file open.
    std::fs::write(store::lock::lock_path(&file), "1\n").unwrap();
    let mut harness = app_with(SIZE, Some(file.clone()), None);
    harness.get_by_label("Already open elsewhere");
    harness.get_by_label_contains("is open in another SCM-CRM Studio window (process 1)");
    harness.get_by_label("Open read-only").click();
    harness.run();
    assert!(harness.state().document().read_only);
    harness.get_by_label("Read-only: Save asks for another file");
    // Saving does not write over the other instance's file: it asks for another path.
    let before = std::fs::read_to_string(&file).unwrap();
    retitle(&mut harness, "Copy of theirs");
    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    harness.run();
    harness.get_by_label("File path:");
    assert_eq!(std::fs::read_to_string(&file).unwrap(), before);
    // The other instance's lock stays.
    assert_eq!(
        std::fs::read_to_string(store::lock::lock_path(&file)).unwrap(),
        "1\n"
    );
}

#[test]
fn opening_a_file_takes_its_lock_and_a_stale_lock_is_ignored() {
    let (_dir, file, _recovery) = workspace();
    // A lock left by a process that died: no warning.
    std::fs::write(store::lock::lock_path(&file), "4194399\n").unwrap();
    let harness = app_with(SIZE, Some(file.clone()), None);
    assert!(harness.query_by_label("Already open elsewhere").is_none());
    assert_eq!(
        std::fs::read_to_string(store::lock::lock_path(&file)).unwrap(),
        format!("{}\n", std::process::id())
    );
}
