//! Lesson scenes and presenter mode (issue 13): the Scenes panel's edits with undo, a scene
//! that survives saving and reopening, and stepping through the bundled lesson full screen.

#![allow(clippy::unwrap_used, reason = "a test fails where it unwraps")]

mod common;

use std::path::{Path, PathBuf};

use common::{app_sized, open_menu_item, type_into, undo};
use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{By, NodeT as _, Queryable as _};
use scm_crm_studio::store;
use scm_crm_studio::ui::StudioApp;

/// The bundled sample without its scenes, written to `dir`.
fn sample_without_scenes(dir: &Path) -> PathBuf {
    let text = scm_crm_studio::ui::samples::SAMPLES[0].text;
    let mut scenario = store::parse(text, Path::new("harbor-logistics.ron"))
        .unwrap()
        .scenario;
    scenario.scenes.clear();
    let path = dir.join("lesson.ron");
    store::save(&path, &scenario).unwrap();
    path
}

fn click(harness: &mut Harness<'_, StudioApp>, role: Role, label: &str) {
    harness.get_by_role_and_label(role, label).click();
    harness.run();
}

/// Clicks the `n`th (0-based) button labelled `label`: each scene row has its own.
fn click_nth(harness: &mut Harness<'_, StudioApp>, label: &str, n: usize) {
    let buttons: Vec<_> = harness
        .get_all(By::new().role(Role::Button).label(label))
        .collect();
    buttons[n].click();
    harness.run();
}

fn open_scenes_panel(harness: &mut Harness<'_, StudioApp>) {
    harness.get_by_label("View").click();
    harness.run();
    harness.get_by_role_and_label(Role::CheckBox, "Scenes").click();
    harness.run();
    harness.get_by_label("Saved views for a lesson. Go to one, or present them all with F5.");
}

/// The scene titles as the panel lists them, in order.
fn listed(harness: &Harness<'_, StudioApp>) -> Vec<String> {
    let scenes = &harness.state().document().scenario.scenes;
    let shown: Vec<String> = (1..=scenes.len() + 1)
        .flat_map(|n| {
            harness
                .query_all(By::new().role(Role::Button).label_contains(&format!("{n}. ")))
                .filter_map(|node| node.accesskit_node().label())
                .collect::<Vec<_>>()
        })
        .collect();
    assert_eq!(shown.len(), scenes.len(), "one row per scene: {shown:?}");
    shown
}

fn redo(harness: &mut Harness<'_, StudioApp>) {
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Y);
    harness.run();
}

/// Add, update, rename, reorder and delete, each one undo step the user can see undone.
#[test]
fn scene_edits_are_each_one_undo_step() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = app_sized([1280.0, 800.0], Some(sample_without_scenes(dir.path())));
    open_scenes_panel(&mut harness);
    harness.get_by_label("No scenes yet: set up a view, then add it.");

    // Add: the Charts page's value matrix, then the Planner's Gantt.
    common::show_page(&mut harness, "Charts");
    click(&mut harness, Role::Button, "Value matrix");
    click(&mut harness, Role::Button, "Add from current view");
    assert_eq!(listed(&harness), ["1. Scene 1"]);
    undo(&mut harness);
    harness.get_by_label("Undone: add scene “Scene 1”");
    harness.get_by_label("No scenes yet: set up a view, then add it.");
    redo(&mut harness);
    assert_eq!(listed(&harness), ["1. Scene 1"]);
    common::show_page(&mut harness, "Planner");
    click(&mut harness, Role::Button, "Gantt");
    click(&mut harness, Role::Button, "Add from current view");
    assert_eq!(listed(&harness), ["1. Scene 1", "2. Scene 2"]);

    // Go to: scene 1 brings back the Charts page on the value matrix.
    click_nth(&mut harness, "Go to", 0);
    harness.get_by_label("Value matrix: profit against growth potential");

    // Update: scene 1 now shows the Disputes page; undone, it shows the matrix again.
    common::show_page(&mut harness, "Disputes");
    click_nth(&mut harness, "Update", 0);
    click_nth(&mut harness, "Go to", 1);
    click_nth(&mut harness, "Go to", 0);
    harness.get_by_label("Dispute log");
    assert!(
        harness
            .query_by_label("Value matrix: profit against growth potential")
            .is_none()
    );
    undo(&mut harness);
    harness.get_by_label("Undone: update scene “Scene 1”");
    click_nth(&mut harness, "Go to", 0);
    harness.get_by_label("Value matrix: profit against growth potential");

    // Rename, inline, with a speaker note.
    click_nth(&mut harness, "Rename", 0);
    type_into(&mut harness, "Scene title", "Key and general customers");
    type_into(
        &mut harness,
        "Speaker note",
        "Growth potential 4 or more makes a key customer.",
    );
    click(&mut harness, Role::Button, "Done");
    assert_eq!(listed(&harness), ["1. Key and general customers", "2. Scene 2"]);
    harness.get_by_label("Growth potential 4 or more makes a key customer.");
    undo(&mut harness);
    harness.get_by_label("Undone: rename scene to “Key and general customers”");
    assert_eq!(listed(&harness), ["1. Scene 1", "2. Scene 2"]);
    redo(&mut harness);

    // Reorder: move the first one down, then undo.
    click_nth(&mut harness, "Move down", 0);
    assert_eq!(listed(&harness), ["1. Scene 2", "2. Key and general customers"]);
    undo(&mut harness);
    harness.get_by_label("Undone: reorder the scenes");
    assert_eq!(listed(&harness), ["1. Key and general customers", "2. Scene 2"]);
    click_nth(&mut harness, "Move up", 1);
    assert_eq!(listed(&harness), ["1. Scene 2", "2. Key and general customers"]);

    // Delete, then undo.
    click_nth(&mut harness, "Delete", 0);
    assert_eq!(listed(&harness), ["1. Key and general customers"]);
    undo(&mut harness);
    harness.get_by_label("Undone: delete scene “Scene 2”");
    assert_eq!(listed(&harness), ["1. Scene 2", "2. Key and general customers"]);
}

/// A trainer sets up a view, adds it, saves, reopens the file and restores it: the page, the
/// chart tab, the selected customer, the table's filter and the what-if all come back.
#[test]
fn a_scene_restores_exactly_after_saving_and_reopening() {
    let dir = tempfile::tempdir().unwrap();
    let path = sample_without_scenes(dir.path());
    let mut harness = app_sized([1280.0, 800.0], Some(path.clone()));
    type_into(&mut harness, "Filter", "Evergreen");
    harness.get_by_label("C009").click();
    harness.run();
    common::show_page(&mut harness, "Charts");
    click(&mut harness, Role::Button, "Value matrix");
    harness
        .get_by_role_and_label(Role::Slider, "Cost to serve change (%)")
        .set_value_accesskit(-20.0);
    harness.run();
    open_scenes_panel(&mut harness);
    click(&mut harness, Role::Button, "Add from current view");
    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    harness.run();
    harness.get_by_label(&format!("Saved {}", path.display()));
    drop(harness);

    // The file holds the scene, and saves again byte for byte as it was written.
    let written = std::fs::read_to_string(&path).unwrap();
    let loaded = store::load(&path).unwrap();
    assert_eq!(loaded.scenario.scenes.len(), 1);
    assert_eq!(store::to_ron(&loaded.scenario).unwrap(), written);

    let mut harness = app_sized([1280.0, 800.0], Some(path));
    // Opened on a neutral view: the Customers page, no filter, nothing selected.
    common::show_page(&mut harness, "Customers");
    harness.get_by_label("C001");
    open_scenes_panel(&mut harness);
    click_nth(&mut harness, "Go to", 0);
    // The page and tab.
    harness.get_by_label("Value matrix: profit against growth potential");
    // The what-if: the slider at −20 and the charts say so.
    let slider = harness.get_by_role_and_label(Role::Slider, "Cost to serve change (%)");
    assert_eq!(slider.accesskit_node().numeric_value(), Some(-20.0));
    harness.get_by_label("What-if: the charts show changed figures, not the saved scenario.");
    // The filter and the selection, on the Customers page.
    common::show_page(&mut harness, "Customers");
    let filter = harness.get_by_role_and_label(Role::TextInput, "Filter");
    assert_eq!(filter.value().as_deref(), Some("Evergreen"));
    assert!(harness.query_by_label("C001").is_none(), "the filter hides C001");
    harness.get_by_label("Perceived benefit");
    harness.get_by_role_and_label(Role::TextInput, "Cost to serve of C009");
}

/// A scene pointing at a customer and a dispute that are gone still restores the rest,
/// and says what it skipped.
#[test]
fn a_scene_whose_customer_is_gone_restores_the_rest_with_a_notice() {
    let dir = tempfile::tempdir().unwrap();
    let text = scm_crm_studio::ui::samples::SAMPLES[0].text;
    let mut scenario = store::parse(text, Path::new("x.ron")).unwrap().scenario;
    let mut scene = scenario.scenes[7].clone(); // the key customer's dispute
    scene.customer = Some("C999".into());
    scene.dispute = Some("D999".into());
    scenario.scenes = vec![scene];
    let path = dir.path().join("gone.ron");
    store::save(&path, &scenario).unwrap();
    assert!(
        store::load(&path).unwrap().warnings.is_empty(),
        "not a file problem"
    );
    let mut harness = app_sized([1280.0, 800.0], Some(path));
    open_scenes_panel(&mut harness);
    click_nth(&mut harness, "Go to", 0);
    harness.get_by_label(
        "Scene “A dispute with a key customer” shown without customer C999, dispute D999: \
         no longer in this scenario",
    );
    harness.get_by_label("Dispute log");
}

const LESSON: [&str; 9] = [
    "What the customer gets",
    "Where the profit comes from",
    "The loss-makers",
    "Key and general customers",
    "What if we cut the cost to serve?",
    "Eight steps to integration",
    "A KPI against its target and a competitor",
    "A dispute with a key customer",
    "The same facts with a general customer",
];

/// F5 hides the menus and shows the first scene; `PageDown` alone steps through the whole
/// bundled lesson; Esc brings the window back.
#[test]
fn presenter_mode_steps_through_the_bundled_lesson() {
    let mut harness = app_sized([1280.0, 720.0], None);
    harness.get_by_label("File");
    harness.key_press(Key::F5);
    harness.run();
    assert!(harness.query_by_label("File").is_none(), "the menu bar is hidden");
    assert!(
        harness
            .query_by_role_and_label(Role::Button, "Customers")
            .is_none()
    );
    let mut snapshots = common::Snapshots::new();
    for (n, title) in LESSON.iter().enumerate() {
        if n > 0 {
            harness.key_press(Key::PageDown);
            harness.run();
        }
        harness.get_by_label(title);
        harness.get_by_label(&format!("{} / 9", n + 1));
        match n {
            1 => snapshots.add(&mut harness, "present_whale_en"),
            4 => snapshots.add(&mut harness, "present_what_if_en"),
            6 => snapshots.add(&mut harness, "present_kpis_en"),
            8 => snapshots.add(&mut harness, "present_dispute_en"),
            _ => {}
        }
    }
    // The what-if scene's values arrived: the cost to serve is 30 % lower there.
    // At the end PageDown stays on the last scene; PageUp and the number keys move back.
    harness.key_press(Key::PageDown);
    harness.run();
    harness.get_by_label(LESSON[8]);
    harness.key_press(Key::PageUp);
    harness.run();
    harness.get_by_label(LESSON[7]);
    harness.key_press(Key::Num3);
    harness.run();
    harness.get_by_label(LESSON[2]);
    harness.key_press(Key::ArrowRight);
    harness.run();
    harness.get_by_label(LESSON[3]);
    harness.key_press(Key::ArrowLeft);
    harness.run();
    harness.get_by_label(LESSON[2]);
    harness.key_press(Key::Escape);
    harness.run();
    harness.get_by_label("File");
    harness.get_by_role_and_label(Role::Button, "Customers");
    // Presenting is not an edit.
    assert!(!harness.state().document().can_undo());
    snapshots.finish();
}

/// The what-if of scene 5 moves there over half a second: part-way after a quarter second,
/// all the way after it.
#[test]
fn a_scenes_what_if_moves_there_smoothly() {
    let mut harness = app_sized([1280.0, 720.0], None);
    harness.key_press(Key::F5);
    harness.run();
    // The key goes down and up in two frames a quarter second apart (kittest's step): the
    // move starts in the first and is half-way in the second.
    harness.key_press(Key::Num5);
    harness.step();
    let part_way = harness.state().charts_what_if().cost_to_serve_pct;
    assert!(part_way < 0.0 && part_way > -30.0, "{part_way}");
    harness.run();
    assert!((harness.state().charts_what_if().cost_to_serve_pct + 30.0).abs() < 1e-9);
    harness.get_by_label("Loss-making: 5 → 1");
    // Only the six customers with negative profit get the 30 % cut. Their cost to serve (¥):
    // C009 2,850,000, C011 2,190,000, C013 1,960,000, C016 980,000, C020 1,290,000, C023
    // 720,000; 30 % of the 9,990,000 is 2,997,000 more profit. C020 (−460,000 + 387,000)
    // still loses money; C016 is general by hand, so loss-making goes from 5 to 1.
    harness.get_by_label("Total profit: ¥33,118,000 → ¥36,115,000");
}

/// Presenter mode in Traditional Chinese, on the zh-Hant lesson sample.
#[test]
fn presenter_mode_in_traditional_chinese() {
    let mut harness = app_sized([1280.0, 720.0], None);
    common::switch_language(&mut harness, "View", "Language", "繁體中文");
    open_menu_item(&mut harness, "檔案", "開啟範例");
    harness.get_by_label("harbor-logistics.zh-Hant.ron").click();
    harness.run();
    harness.key_press(Key::F5);
    harness.run();
    harness.get_by_label("客戶得到了什麼");
    harness.key_press(Key::PageDown);
    harness.run();
    harness.get_by_label("利潤從哪裡來");
    let mut snapshots = common::Snapshots::new();
    snapshots.add(&mut harness, "present_whale_zh_hant");
    harness.key_press(Key::Num4);
    harness.run();
    harness.get_by_label("關鍵客戶與一般客戶");
    snapshots.add(&mut harness, "present_matrix_zh_hant");
    snapshots.finish();
}

/// The Scenes panel beside the Charts page, on the bundled lesson.
#[test]
fn scenes_panel_snapshot() {
    let mut harness = app_sized([1280.0, 800.0], None);
    open_scenes_panel(&mut harness);
    click_nth(&mut harness, "Go to", 1);
    harness.get_by_label("2. Where the profit comes from");
    common::snapshot(&mut harness, "scenes_panel_en");
}

/// Holding L shows a large red dot where the mouse is; letting go hides it.
#[test]
fn holding_l_shows_a_pointer_dot() {
    if !common::images_render() {
        return;
    }
    let mut harness = app_sized([1280.0, 720.0], None);
    harness.key_press(Key::F5);
    harness.run();
    // A blank spot of the first scene's slide, below its headline.
    let at = egui::pos2(640.0, 95.0);
    harness.hover_at(at);
    harness.run();
    let red_at = |harness: &mut Harness<'_, StudioApp>| {
        // Presenter mode zooms: points are this many pixels.
        let ppp = harness.ctx.pixels_per_point();
        let image = harness.render().unwrap();
        // Up and left of the pointer: inside the dot, clear of the cursor arrow drawn there.
        let probe = at - egui::vec2(8.0, 8.0);
        let pixel = image.get_pixel((probe.x * ppp) as u32, (probe.y * ppp) as u32).0;
        pixel[0] > 180 && pixel[1] < 90 && pixel[2] < 90
    };
    assert!(!red_at(&mut harness), "no dot before L");
    let key = |pressed| egui::Event::Key {
        key: Key::L,
        physical_key: None,
        pressed,
        repeat: false,
        modifiers: Modifiers::NONE,
    };
    harness.event(key(true));
    harness.run();
    assert!(red_at(&mut harness), "the dot while L is held");
    harness.event(key(false));
    harness.run();
    assert!(!red_at(&mut harness), "gone when L is let go");
}
