//! The Charts page as a user drives it: every chart on the sample in English and Simplified
//! Chinese, the what-if panel re-tiering live, Apply and Undo, linking and PNG export.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "test helpers: a failure here is a test failure"
)]

use std::path::PathBuf;

use chrono::NaiveDate;
use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{By, Queryable as _};
use scm_crm_studio::model::charts::WhatIf;
use scm_crm_studio::model::customer_table::{self, Filter, Sort};
use scm_crm_studio::model::{Segmentation, Tier};
use scm_crm_studio::ui::StudioApp;

mod common;
use common::{Snapshots, app_sized, images_render, snapshot, switch_language, today};

fn app_harness(file: Option<PathBuf>) -> Harness<'static, StudioApp> {
    app_sized([1280.0, 800.0], file)
}

fn click(harness: &mut Harness<'_, StudioApp>, role: Role, label: &str) {
    harness.get_by_role_and_label(role, label).click();
    harness.run();
}

fn show_charts(harness: &mut Harness<'_, StudioApp>, page: &str) {
    click(harness, Role::Button, page);
}

fn tab(harness: &mut Harness<'_, StudioApp>, label: &str) {
    harness.get(By::new().role(Role::Button).label(label)).click();
    harness.run();
}

fn tier_counts(harness: &Harness<'_, StudioApp>) -> [usize; 3] {
    let doc = harness.state().document();
    Segmentation::compute(&doc.scenario.customers, &doc.scenario.settings).tier_counts()
}

/// (tab label, snapshot name) in English and Simplified Chinese.
const TABS: [(&str, &str, &str); 5] = [
    ("Whale curve", "鲸鱼曲线", "whale"),
    ("Value matrix", "价值矩阵", "matrix"),
    ("Delivered value", "让渡价值", "delivered"),
    ("Tiers and ABC", "分级与 ABC", "summary"),
    ("Co-creation", "共同创造价值", "cocreation"),
];

#[test]
fn every_chart_on_the_sample_in_english_and_simplified_chinese() {
    let mut harness = app_harness(None);
    show_charts(&mut harness, "Charts");
    let mut snapshots = Snapshots::new();
    // What a user reads on each chart.
    let checks: [&[&str]; 5] = [
        &["The top 80% of customers make 107% of profit", "Loss-makers: 6"],
        &[
            "Value matrix: profit against growth potential",
            "Point size: revenue",
        ],
        &["Scroll over the chart for the rest."],
        &[
            "Tiers: share of customers, revenue and profit",
            "ABC classes: share of customers, revenue and profit",
        ],
        &["Interactions per month", "Promotion response rate by campaign"],
    ];
    for ((en, _, name), expected) in TABS.iter().zip(checks) {
        tab(&mut harness, en);
        for text in expected {
            harness.get_by_label_contains(text);
        }
        snapshots.add(&mut harness, format!("charts_{name}_en"));
    }
    // The light theme, as on most projectors: the same tier colours must read there too.
    switch_language(&mut harness, "View", "Theme", "Light");
    for (en, _, name) in &TABS[..2] {
        tab(&mut harness, en);
        snapshots.add(&mut harness, format!("charts_{name}_light_en"));
    }
    switch_language(&mut harness, "View", "Theme", "Dark");
    // Traditional Chinese: every chart renders (a missing glyph would panic).
    switch_language(&mut harness, "View", "Language", "繁體中文");
    for zh_hant in ["鯨魚曲線", "價值矩陣", "讓渡價值", "分級與 ABC", "共同創造價值"] {
        tab(&mut harness, zh_hant);
    }
    harness.get_by_label("各分級客戶數");
    switch_language(&mut harness, "檢視", "語言", "简体中文");
    for (_, zh, name) in TABS {
        tab(&mut harness, zh);
        snapshots.add(&mut harness, format!("charts_{name}_zh_hans"));
    }
    snapshots.finish();
}

/// The tier counts a what-if gives on the open scenario.
fn counts_with(harness: &Harness<'_, StudioApp>, what_if: WhatIf) -> [usize; 3] {
    let doc = harness.state().document();
    let copies = what_if.financial_copies(&doc.scenario.customers);
    Segmentation::compute(&copies, &what_if.settings(&doc.scenario.settings)).tier_counts()
}

#[test]
fn what_if_sliders_re_tier_live_and_apply_is_one_undo_step() {
    let mut harness = app_harness(None);
    show_charts(&mut harness, "Charts");
    let saved = harness.state().document().scenario.clone();
    assert_eq!(tier_counts(&harness), [9, 16, 5]);
    harness.get_by_label("Key: 9");
    harness.get_by_label("Loss-making: 5");

    // Growth threshold 4 → 5: customers that were key only for their growth become general.
    let what_if = WhatIf {
        growth_threshold: Some(5),
        ..WhatIf::default()
    };
    let expected = counts_with(&harness, what_if);
    assert_ne!(
        expected,
        [9, 16, 5],
        "the slider must make a difference on the sample"
    );
    harness
        .get_by_role_and_label(Role::Slider, "Growth threshold for key customers")
        .set_value_accesskit(5.0);
    harness.run();
    harness.get_by_label(&format!("Key: 9 → {}", expected[Tier::Key as usize]));
    harness.get_by_label(&format!("General: 16 → {}", expected[Tier::General as usize]));
    // The scenario itself is untouched until applied.
    assert_eq!(harness.state().document().scenario, saved);
    assert!(!harness.state().document().can_undo());

    // Cost to serve +60 % as well: more customers lose money.
    let what_if = WhatIf {
        cost_to_serve_pct: 60.0,
        ..what_if
    };
    let expected = counts_with(&harness, what_if);
    assert!(expected[Tier::LossMaking as usize] > 5);
    harness
        .get_by_role_and_label(Role::Slider, "Cost to serve change (%)")
        .set_value_accesskit(60.0);
    harness.run();
    harness.get_by_label(&format!(
        "Loss-making: 5 → {}",
        expected[Tier::LossMaking as usize]
    ));
    harness.get_by_label_contains("What-if: the charts show changed figures");
    // The whale curve keeps the saved peak beside the changed one.
    harness.get_by_label("Saved scenario: the top 80% make 107%");
    snapshot(&mut harness, "charts_whatif_en");

    // Apply writes both changes as one step.
    click(&mut harness, Role::Button, "Apply to scenario");
    assert_eq!(tier_counts(&harness), expected);
    assert_eq!(harness.state().document().scenario.settings.growth_threshold, 5);
    harness.get_by_label(&format!("Key: {}", expected[Tier::Key as usize]));
    harness.get_by_label(&format!("Loss-making: {}", expected[Tier::LossMaking as usize]));

    // One Ctrl+Z restores the saved scenario and the counts shown.
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(harness.state().document().scenario, saved);
    assert!(!harness.state().document().can_undo());
    harness.get_by_label("Key: 9");
    harness.get_by_label("Loss-making: 5");
}

#[test]
fn reset_returns_to_the_saved_values() {
    let mut harness = app_harness(None);
    show_charts(&mut harness, "Charts");
    harness
        .get_by_role_and_label(Role::Slider, "Growth threshold for key customers")
        .set_value_accesskit(5.0);
    harness.run();
    assert!(harness.query_by_label("Key: 9").is_none());
    click(&mut harness, Role::Button, "Reset");
    harness.get_by_label("Key: 9");
    assert!(!harness.state().document().can_undo());
}

#[test]
fn clicking_a_bar_selects_the_customer_on_the_customers_page() {
    let mut harness = app_harness(None);
    // The second customer by profit is the second bar of the whale chart (the first one is
    // the customer the Customers page shows at start).
    let top = {
        let doc = harness.state().document();
        let seg = doc.segmentation();
        let mut ranked: Vec<usize> = (0..seg.figures.len()).collect();
        ranked.sort_by_key(|&i| std::cmp::Reverse(seg.figures[i].profit));
        (
            doc.scenario.customers[ranked[1]].name.clone(),
            doc.scenario.customers[ranked[0]].name.clone(),
        )
    };
    let (top, first) = top;
    let before_first = harness.query_all_by_label(&first).count();
    show_charts(&mut harness, "Charts");
    let at = egui::pos2(265.0, 660.0);
    harness.hover_at(at);
    harness.run();
    // The tooltip names the customer.
    assert!(
        harness.query_all_by_label_contains(&top).count() >= 1,
        "the tooltip names {top}"
    );
    snapshot(&mut harness, "charts_whale_tooltip_en");
    for pressed in [true, false] {
        harness.event(egui::Event::PointerButton {
            pos: at,
            button: egui::PointerButton::Primary,
            pressed,
            modifiers: Modifiers::NONE,
        });
        harness.run();
    }
    show_charts(&mut harness, "Customers");
    // The detail panel opens on it, headed by its name.
    assert!(
        harness.query_by_label("Perceived benefit").is_some(),
        "the detail panel is open"
    );
    // Its row turns into edit fields and the panel's heading carries its name.
    assert!(harness.query_all_by_label(&top).count() >= 1, "{top} is shown");
    assert!(
        harness.query_all_by_label(&first).count() <= before_first,
        "the top customer is not the one selected"
    );
}

#[test]
fn the_table_filter_can_be_applied_to_the_charts() {
    let mut harness = app_harness(None);
    harness.get_by_role_and_label(Role::TextInput, "Filter").focus();
    harness.run();
    harness
        .get_by_role_and_label(Role::TextInput, "Filter")
        .type_text("East China");
    harness.run();
    show_charts(&mut harness, "Charts");
    harness.get_by_label("30 of 30 customers");
    click(&mut harness, Role::CheckBox, "Apply the table's filter");
    let shown = {
        let doc = harness.state().document();
        let filter = Filter {
            text: "east china".to_owned(),
            ..Filter::default()
        };
        customer_table::rows(
            &doc.scenario.customers,
            doc.segmentation(),
            &filter,
            Sort::default(),
        )
        .len()
    };
    assert!(shown > 0 && shown < 30);
    let shown_label = format!("{shown} of 30 customers");
    if harness.query_by_label(&shown_label).is_none() {
        let labels: Vec<String> = harness
            .query_all_by_label_contains("of 30 customers")
            .map(|n| format!("{:?}", n.value()))
            .collect();
        panic!("{shown_label} not found: {labels:?}");
    }
}

#[test]
fn a_chart_is_saved_as_png_and_its_data_copied_as_csv() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("whale.png");
    let mut harness = app_harness(None);
    show_charts(&mut harness, "Charts");
    // Saving a PNG takes a rendered screenshot: only where images render (see tests/common).
    if images_render() {
        click(&mut harness, Role::Button, "Save PNG…");
        // The screenshot arrives with the next frame; then the app asks where to write it.
        harness.run();
        harness.run();
        harness
            .get_by_role_and_label(Role::TextInput, "File path:")
            .focus();
        harness.run();
        harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
        harness
            .get_by_role_and_label(Role::TextInput, "File path:")
            .type_text(path.to_str().unwrap());
        harness.run();
        click(&mut harness, Role::Button, "OK");
        let bytes = std::fs::read(&path).unwrap();
        assert_eq!(&bytes[..8], b"\x89PNG\r\n\x1a\n");
        // Width and height from the IHDR chunk: the chart area, not the whole window.
        let width = u32::from_be_bytes(bytes[16..20].try_into().unwrap());
        let height = u32::from_be_bytes(bytes[20..24].try_into().unwrap());
        assert!((500..1280).contains(&width), "width {width}");
        assert!((300..800).contains(&height), "height {height}");
    }

    harness
        .get_by_role_and_label(Role::Button, "Copy data as CSV")
        .click();
    // The copy is in the output of the frame that handles the click.
    harness.step();
    let copied = harness
        .output()
        .platform_output
        .commands
        .iter()
        .find_map(|c| match c {
            egui::OutputCommand::CopyText(text) => Some(text.clone()),
            _ => None,
        });
    harness.run();
    harness.get_by_label("Copied 30 rows");
    let csv = copied.expect("the CSV went to the clipboard");
    assert!(csv.starts_with("rank,id,name,profit,tier"));
    assert_eq!(csv.lines().count(), 31);
}

#[test]
fn the_delivered_value_chart_scrolls_to_the_rest() {
    let mut harness = app_harness(None);
    show_charts(&mut harness, "Charts");
    tab(&mut harness, "Delivered value");
    harness.get_by_label("Rows 1–15 of 30. Scroll over the chart for the rest.");
    harness.hover_at(egui::pos2(600.0, 450.0));
    harness.run();
    for _ in 0..4 {
        harness.event(egui::Event::MouseWheel {
            unit: egui::MouseWheelUnit::Point,
            delta: egui::vec2(0.0, -120.0),
            phase: egui::TouchPhase::Move,
            source: egui::MouseWheelSource::Unknown,
            modifiers: Modifiers::NONE,
        });
        // Scrolling is animated: give it frames to finish.
        harness.run_steps(20);
    }
    harness.remove_cursor();
    harness.run_steps(5);
    assert!(
        harness
            .query_by_label("Rows 1–15 of 30. Scroll over the chart for the rest.")
            .is_none(),
        "scrolling moved the rows in view"
    );
    harness.get_by_label_contains("of 30. Scroll over the chart for the rest.");
}

#[test]
fn every_chart_draws_a_hundred_thousand_customers() {
    use scm_crm_studio::model::{Customer, Experience, Interaction, Money, Promotion, Scenario};
    let mut scenario = Scenario::new(today());
    scenario.customers = (0..100_000_u32)
        .map(|i| {
            let date = NaiveDate::from_ymd_opt(2025, i % 12 + 1, i % 28 + 1);
            Customer {
                id: format!("C{i:06}"),
                name: format!("Customer {i}"),
                revenue: Money::from_major(10_000 + i64::from(i % 9_973) * 37),
                cost_of_goods: Money::from_major(6_000),
                cost_to_serve: Money::from_major(i64::from(i % 7_919) * 41),
                growth_potential: (i % 5 + 1) as u8,
                // Logs on every tenth customer keep the file under the app's size limit.
                promotions: (i % 10 == 0)
                    .then(|| Promotion {
                        date,
                        campaign: format!("Campaign {}", i % 6),
                        responded: i % 3 == 0,
                        ..Promotion::default()
                    })
                    .into_iter()
                    .collect(),
                interactions: (i % 10 == 1)
                    .then(|| Interaction {
                        date,
                        ..Interaction::default()
                    })
                    .into_iter()
                    .collect(),
                experiences: (i % 10 == 2)
                    .then(|| Experience {
                        date,
                        satisfaction: (i % 5 + 1) as u8,
                        ..Experience::default()
                    })
                    .into_iter()
                    .collect(),
                ..Customer::default()
            }
        })
        .collect();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("large.ron");
    // Compact RON: the pretty-printed file would exceed the app's size limit for opening.
    std::fs::write(&path, ron::to_string(&scenario).unwrap()).unwrap();
    let mut harness = app_harness(Some(path));
    show_charts(&mut harness, "Charts");
    harness.get_by_label("100000 of 100000 customers");
    for (en, _, _) in TABS {
        tab(&mut harness, en);
    }
    // A what-if step re-tiers all of them.
    harness
        .get_by_role_and_label(Role::Slider, "Growth threshold for key customers")
        .set_value_accesskit(5.0);
    harness.run();
    harness.get_by_label_contains("Key: ");
}
