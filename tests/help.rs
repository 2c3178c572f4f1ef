//! The Help menu and the first-run tour, driven through the real app by visible labels.

mod common;

use common::{Snapshots, app_sized, open_menu_item, switch_language};
use egui::Key;
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{By, NodeT as _, Queryable as _};
use scm_crm_studio::i18n::help::HelpKey;
use scm_crm_studio::i18n::tr;
use scm_crm_studio::model::Language;
use scm_crm_studio::ui::shortcuts::SHORTCUTS;
use scm_crm_studio::ui::{AppOptions, StudioApp};

/// A trainer's projector screen.
const SCREEN: [f32; 2] = [1024.0, 768.0];

/// Help ▸ User guide ▸ `topic`.
fn open_guide(harness: &mut Harness<'_, StudioApp>, help: &str, guide: &str, topic: &str) {
    harness.get_by_label(help).click();
    harness.run();
    harness.get_by_label(guide).hover();
    harness.run();
    harness.get_by_role_and_label(Role::Button, topic).click();
    harness.run();
}

fn has_label(harness: &Harness<'_, StudioApp>, label: &str) -> bool {
    harness.query_all_by_label(label).next().is_some()
}

#[test]
fn the_tour_does_not_show_in_tests_but_shows_on_a_first_run() {
    let harness = app_sized(SCREEN, None);
    assert!(harness.query_by_label("Skip tour").is_none());

    // A first run: no remembered preferences, and the option a normal start sets.
    let mut first = Harness::builder().with_size(SCREEN).build_eframe(|cc| {
        StudioApp::new(
            cc,
            AppOptions {
                file: None,
                today: common::today(),
                native_dialogs: false,
                recovery_dir: None,
                documents_dir: common::documents_dir(),
                show_tour_on_first_run: true,
            },
        )
    });
    first.run();
    first.get_by_label("1 of 6");
    first.get_by_label("Pages");
    first.key_press(Key::Escape);
    first.run();
    assert!(first.query_by_label("1 of 6").is_none(), "Esc skips the tour");
}

#[test]
fn the_shortcut_window_lists_every_shortcut_of_the_table() {
    let mut harness = app_sized(SCREEN, None);
    open_menu_item(&mut harness, "Help", "Keyboard shortcuts");
    harness.get_by_label("Keyboard shortcuts");
    harness.get_by_label("Save");
    harness.get_by_label("Ctrl+S");
    harness.get_by_label("Ctrl+Y / Ctrl+Shift+Z");
    harness.get_by_label("Customers page (no field being typed into)");
    for shortcut in SHORTCUTS {
        let text = tr(Language::English, shortcut.text);
        assert!(has_label(&harness, text), "{text} is not listed");
        let keys = shortcut.keys_text(&harness.ctx);
        assert!(
            has_label(&harness, &keys),
            "the keys of {text} ({keys}) are not listed"
        );
    }
    // The presenter's keys, from its own table.
    for (keys, text) in [
        ("F5", "Start presenting"),
        ("→ / PageDown / Space", "Next scene"),
        ("1 – 9", "Go to scene 1–9"),
    ] {
        assert!(has_label(&harness, keys), "{keys} is not listed");
        assert!(has_label(&harness, text), "{text} is not listed");
    }
    let mut snapshots = Snapshots::new();
    snapshots.add(&mut harness, "help_shortcuts_en");
    snapshots.finish();
}

#[test]
fn each_page_has_a_user_guide() {
    let mut harness = app_sized(SCREEN, None);
    let topics = [
        ("Customers page", "Two kinds of value are kept apart."),
        ("Charts page", "The whale curve ranks customers by profit"),
        (
            "Planner page",
            "integrates supply-chain management with customer relationship",
        ),
        ("Disputes page", "The right route depends on the customer."),
        (
            "Comparison view",
            "opens a second scenario (B) beside the open one (A)",
        ),
    ];
    for (topic, text) in topics {
        open_guide(&mut harness, "Help", "User guide", topic);
        harness.get_by_label_contains(text);
        // The window's close button.
        harness
            .get_by_role_and_label(Role::Button, "Close window")
            .click();
        harness.run();
        assert!(
            harness.query_by_label_contains(text).is_none(),
            "{topic}: the window closes"
        );
    }
    // The tabs switch topic inside the window.
    open_guide(&mut harness, "Help", "User guide", "Customers page");
    harness.get_by_label("Charts page").click();
    harness.run();
    harness.get_by_label_contains("The whale curve ranks customers by profit");
    assert!(harness.query_by_label_contains("Two kinds of value").is_none());
    let mut snapshots = Snapshots::new();
    snapshots.add(&mut harness, "help_guide_charts_en");
    snapshots.finish();
}

#[test]
fn about_shows_the_version_and_the_licences() {
    let mut harness = app_sized(SCREEN, None);
    open_menu_item(&mut harness, "Help", "About SCM-CRM Studio");
    harness.get_by_label(&format!("Version {}", env!("CARGO_PKG_VERSION")));
    harness.get_by_label_contains("MIT licence or the Apache License 2.0");
    harness.get_by_label("egui_plot");
    // The font's licence, in full: its preamble and its last section.
    harness.get_by_label_contains("SIL OPEN FONT LICENSE Version 1.1");
    harness.get_by_label_contains("OTHER DEALINGS IN THE FONT SOFTWARE");
    let mut snapshots = Snapshots::new();
    snapshots.add(&mut harness, "help_about_en");
    snapshots.finish();
}

#[test]
fn the_tour_steps_through_six_callouts_on_the_real_widgets() {
    let mut harness = app_sized(SCREEN, None);
    open_menu_item(&mut harness, "Help", "Show the tour again");
    let steps = [
        "Pages",
        "File menu",
        "Customers table",
        "What-if panel",
        "Status bar",
        "Help menu",
    ];
    let mut snapshots = Snapshots::new();
    for (i, title) in steps.iter().enumerate() {
        harness.get_by_label(&format!("{} of 6", i + 1));
        harness.get_by_label(title);
        match *title {
            // The tour shows the page that holds its target.
            "Customers table" => {
                harness.get_by_role_and_label(Role::Button, "Add");
            }
            "What-if panel" => {
                harness.get_by_label("Apply to scenario");
                snapshots.add(&mut harness, "help_tour_whatif_en");
            }
            _ => {}
        }
        let forward = if i + 1 == steps.len() { "Done" } else { "Next" };
        harness.get_by_role_and_label(Role::Button, forward).click();
        harness.run();
    }
    assert!(
        harness.query_by_label("Skip tour").is_none(),
        "Done ends the tour"
    );
    snapshots.finish();

    // Back goes one step back; Skip tour ends it.
    open_menu_item(&mut harness, "Help", "Show the tour again");
    harness.get_by_role_and_label(Role::Button, "Next").click();
    harness.run();
    harness.get_by_label("2 of 6");
    harness.get_by_role_and_label(Role::Button, "Back").click();
    harness.run();
    harness.get_by_label("1 of 6");
    harness.get_by_role_and_label(Role::Button, "Skip tour").click();
    harness.run();
    assert!(harness.query_by_label("1 of 6").is_none());
}

#[test]
fn help_in_simplified_chinese() {
    let mut harness = app_sized(SCREEN, None);
    switch_language(&mut harness, "View", "Language", "简体中文");
    let help = tr(Language::SimplifiedChinese, HelpKey::MenuHelp);
    let mut snapshots = Snapshots::new();

    open_menu_item(&mut harness, help, "键盘快捷键");
    harness.get_by_label("保存");
    harness.get_by_label("Ctrl+S");
    snapshots.add(&mut harness, "help_shortcuts_zh_hans");
    harness
        .get_by_role_and_label(Role::Button, "Close window")
        .click();
    harness.run();

    open_guide(&mut harness, help, "使用指南", "“图表”页");
    harness.get_by_label_contains("鲸鱼曲线按利润排列客户");
    snapshots.add(&mut harness, "help_guide_charts_zh_hans");
    harness
        .get_by_role_and_label(Role::Button, "Close window")
        .click();
    harness.run();

    open_menu_item(&mut harness, help, "关于 SCM-CRM 工作室");
    harness.get_by_label(&format!("版本 {}", env!("CARGO_PKG_VERSION")));
    harness.get_by_label_contains("SIL OPEN FONT LICENSE Version 1.1");
    snapshots.add(&mut harness, "help_about_zh_hans");
    harness
        .get_by_role_and_label(Role::Button, "Close window")
        .click();
    harness.run();

    open_menu_item(&mut harness, help, "再看一次导览");
    harness.get_by_label("第 1 步，共 6 步");
    harness.get_by_label("页面");
    harness.get_by_role_and_label(Role::Button, "下一步").click();
    harness.run();
    harness.get_by_label("第 2 步，共 6 步");
    harness.get_by_label("“文件”菜单");
    snapshots.add(&mut harness, "help_tour_file_zh_hans");
    harness.get_by_role_and_label(Role::Button, "跳过导览").click();
    harness.run();
    assert!(harness.query_by_label("第 2 步，共 6 步").is_none());
    snapshots.finish();
}

#[test]
fn the_menu_shows_the_keys_of_the_table() {
    let mut harness = app_sized(SCREEN, None);
    harness.get_by_label("File").click();
    harness.run();
    let keys = scm_crm_studio::ui::shortcuts::SAVE_AS.keys_text(&harness.ctx);
    let item = harness.get(By::new().role(Role::Button).label_contains("Save as…"));
    let label = item.accesskit_node().label().unwrap_or_default();
    assert!(label.contains(&keys), "{label:?} does not show {keys}");
}
