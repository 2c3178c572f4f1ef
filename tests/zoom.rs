//! A trainer's projector: 1024×768 at 150% zoom. Every page, every chart tab, every planner
//! view and the wizard's advice step, in English and Simplified Chinese, with snapshots to
//! check by eye, and checks that what a user needs stays on screen.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "test helpers: a failure here is a test failure"
)]

use egui::Rect;
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{By, NodeT as _, Queryable as _};
use scm_crm_studio::ui::StudioApp;

mod common;
use common::wizard::{click, wizard_to_advice};
use common::{Snapshots, app_sized, switch_language};

const SCREEN: [f32; 2] = [1024.0, 768.0];
const ZOOM: f32 = 1.5;

/// The screen in points at 150%: what the app lays out into.
fn screen() -> Rect {
    Rect::from_min_size(egui::Pos2::ZERO, egui::vec2(SCREEN[0] / ZOOM, SCREEN[1] / ZOOM))
}

/// The projector, with a dispute draft at its advice step. The draft is made at 100% (the
/// wizard's own tests cover its steps); the zoom then goes up, as a trainer would.
fn projector() -> Harness<'static, StudioApp> {
    let mut harness = app_sized(SCREEN, None);
    click(&mut harness, Role::Button, "Disputes");
    wizard_to_advice(&mut harness, "C003", "Dock leveller installation", true);
    harness.ctx.set_zoom_factor(ZOOM);
    harness.run();
    harness
}

/// The labels of one language: navigation, tabs.
struct Labels {
    customers: &'static str,
    charts: &'static str,
    planner: &'static str,
    disputes: &'static str,
    chart_tabs: [(&'static str, &'static str); 7],
    planner_tabs: [(&'static str, &'static str); 3],
    dispute_log: &'static str,
    wizard: &'static str,
}

const EN: Labels = Labels {
    customers: "Customers",
    charts: "Charts",
    planner: "Planner",
    disputes: "Disputes",
    chart_tabs: [
        ("Whale curve", "whale"),
        ("Value matrix", "matrix"),
        ("Delivered value", "delivered"),
        ("Tiers and ABC", "summary"),
        ("Co-creation", "cocreation"),
        ("Segment map", "segments"),
        ("Groups", "groups"),
    ],
    planner_tabs: [("Steps", "steps"), ("Gantt", "gantt"), ("KPIs", "kpis")],
    dispute_log: "Dispute log",
    wizard: "Decision wizard (draft)",
};

const ZH_HANS: Labels = Labels {
    customers: "客户",
    charts: "图表",
    planner: "整合规划",
    disputes: "纠纷",
    chart_tabs: [
        ("鲸鱼曲线", "whale"),
        ("价值矩阵", "matrix"),
        ("让渡价值", "delivered"),
        ("分级与 ABC", "summary"),
        ("共同创造价值", "cocreation"),
        ("细分图", "segments"),
        ("客户群组", "groups"),
    ],
    planner_tabs: [("步骤", "steps"), ("甘特图", "gantt"), ("评估指标", "kpis")],
    dispute_log: "纠纷记录",
    wizard: "决策向导（草稿）",
};

fn button(harness: &mut Harness<'_, StudioApp>, label: &str) {
    harness.get(By::new().role(Role::Button).label(label)).click();
    harness.run();
}

/// Every view once, with a snapshot named `zoom150_<view>_<lang>`.
fn every_view(harness: &mut Harness<'_, StudioApp>, labels: &Labels, lang: &str) {
    let mut snapshots = Snapshots::new();
    button(harness, labels.customers);
    snapshots.add(harness, format!("zoom150_customers_{lang}"));
    button(harness, labels.charts);
    for (tab, name) in labels.chart_tabs {
        button(harness, tab);
        snapshots.add(harness, format!("zoom150_charts_{name}_{lang}"));
    }
    button(harness, labels.planner);
    for (tab, name) in labels.planner_tabs {
        button(harness, tab);
        snapshots.add(harness, format!("zoom150_planner_{name}_{lang}"));
    }
    button(harness, labels.disputes);
    button(harness, labels.dispute_log);
    snapshots.add(harness, format!("zoom150_disputes_log_{lang}"));
    button(harness, labels.wizard);
    snapshots.add(harness, format!("zoom150_wizard_advice_{lang}"));
    snapshots.finish();
}

#[test]
fn every_view_in_english_at_150_percent() {
    let mut harness = projector();
    every_view(&mut harness, &EN, "en");
}

#[test]
fn every_view_in_simplified_chinese_at_150_percent() {
    let mut harness = projector();
    switch_language(&mut harness, "View", "Language", "简体中文");
    every_view(&mut harness, &ZH_HANS, "zh_hans");
}

/// A harness on the projector without a draft, on the sample.
fn plain_projector() -> Harness<'static, StudioApp> {
    let mut harness = app_sized(SCREEN, None);
    harness.ctx.set_zoom_factor(ZOOM);
    harness.run();
    harness
}

fn on_screen(harness: &Harness<'_, StudioApp>, label: &str) -> bool {
    let rect = harness.get_by_label(label).rect();
    let screen = screen();
    rect.left() >= screen.left() && rect.right() <= screen.right() + 0.5 && rect.bottom() <= screen.bottom()
}

#[test]
fn the_pages_are_a_row_of_tabs_on_a_narrow_screen() {
    let harness = plain_projector();
    let customers = harness.get_by_role_and_label(Role::Button, "Customers").rect();
    let disputes = harness.get_by_role_and_label(Role::Button, "Disputes").rect();
    assert!(
        (customers.top() - disputes.top()).abs() < 1.0 && disputes.left() > customers.right(),
        "the pages sit side by side: {customers:?} {disputes:?}"
    );
    // The page's own heading is under them, not beside them.
    let heading = harness.get(By::new().role(Role::Label).label("Customers")).rect();
    assert!(heading.top() > customers.bottom());
    // At 1280×800 and 100 % they stay a column on the left.
    let wide = common::app();
    let customers = wide.get_by_role_and_label(Role::Button, "Customers").rect();
    let disputes = wide.get_by_role_and_label(Role::Button, "Disputes").rect();
    assert!(disputes.top() > customers.bottom());
}

#[test]
fn the_customer_table_shows_profit_tier_and_abc_and_keeps_id_and_name_in_place() {
    let mut harness = plain_projector();
    for header in ["ID ▲", "Name", "Profit", "ABC", "Tier"] {
        assert!(
            on_screen(&harness, header),
            "{header} is on screen at 1024×768, 150%"
        );
    }
    // Industry is not among the narrow screen's default columns; the chooser adds it.
    assert!(harness.query_by_label("Industry").is_none());
    harness.get_by_label("Columns").click();
    harness.run();
    for column in ["Industry", "Region", "Revenue", "Complete"] {
        harness.get(By::new().role(Role::CheckBox).label(column)).click();
        harness.run();
    }
    // ID and Name cannot be hidden.
    assert!(
        harness
            .get(By::new().role(Role::CheckBox).label("Name"))
            .accesskit_node()
            .is_disabled()
    );
    common::snapshot(&mut harness, "zoom150_customers_columns_en");
    harness.key_press(egui::Key::Escape);
    harness.run();
    let id_before = harness.get_by_label("ID ▲").rect();
    let industry_before = harness.get_by_label("Industry").rect();
    // Scroll the table sideways, as a trackpad or Shift+wheel does.
    harness.hover_at(egui::pos2(500.0, 400.0));
    harness.run();
    for _ in 0..6 {
        harness.event(egui::Event::MouseWheel {
            unit: egui::MouseWheelUnit::Point,
            delta: egui::vec2(-120.0, 0.0),
            phase: egui::TouchPhase::Move,
            source: egui::MouseWheelSource::Unknown,
            modifiers: egui::Modifiers::NONE,
        });
        harness.run_steps(10);
    }
    let industry_after = harness.get_by_label("Industry").rect();
    assert!(
        industry_after.left() < industry_before.left() - 50.0,
        "the other columns scrolled: {industry_before:?} → {industry_after:?}"
    );
    assert_eq!(
        harness.get_by_label("ID ▲").rect(),
        id_before,
        "ID stays in place"
    );
    assert!(on_screen(&harness, "Name"), "Name stays in place");
    assert!(
        harness.query_by_label("C001").is_some(),
        "and so do the customers' IDs"
    );

    // The choice is kept when another scenario opens.
    common::open_menu_item(&mut harness, "File", "Open sample");
    harness
        .get(By::new().role(Role::Button).label("harbor-logistics.ron"))
        .click();
    harness.run();
    assert!(
        harness.query_by_label("Industry").is_some(),
        "the chosen columns stay"
    );
    // Default columns brings back the narrow screen's set.
    harness.get_by_label("Columns").click();
    harness.run();
    harness.get_by_label("Default columns").click();
    harness.run();
    harness.key_press(egui::Key::Escape);
    harness.run();
    assert!(
        harness.query_by_label("Industry").is_none(),
        "the menu is closed and the column gone"
    );
}

#[test]
fn the_what_if_sliders_fold_away_on_a_narrow_screen_and_come_back() {
    let mut harness = plain_projector();
    button(&mut harness, "Charts");
    let slider = By::new().role(Role::Slider).label("Cost to serve change (%)");
    assert!(harness.query(slider.clone()).is_none());
    let chart_before = harness
        .get_by_label("Whale curve: cumulative share of profit, customers ranked by profit")
        .rect();
    harness
        .get(By::new().role(Role::Button).label("What-if sliders"))
        .click();
    harness.run();
    let rect = harness.get(slider.clone()).rect();
    assert!(screen().contains_rect(rect), "the slider is on screen: {rect:?}");
    let chart_after = harness
        .get_by_label("Whale curve: cumulative share of profit, customers ranked by profit")
        .rect();
    assert!(
        chart_after.right() <= chart_before.right(),
        "the chart makes room for them"
    );
    // On a wide screen they show from the start.
    let mut wide = common::app();
    button(&mut wide, "Charts");
    assert!(wide.query(slider).is_some());
}

/// The wizard's bar stays whole: wide tables and long deadline sentences on the advice step
/// once pushed "Discard draft" off the right of the screen.
#[test]
fn the_wizard_bar_stays_on_screen_at_the_advice_step() {
    let mut harness = projector();
    button(&mut harness, "Disputes");
    button(&mut harness, "Decision wizard (draft)");
    harness.get_by_label("Step 5 of 7: Advice");
    for label in ["Back", "Next", "Discard draft"] {
        let rect = harness.get(By::new().role(Role::Button).label(label)).rect();
        assert!(screen().contains_rect(rect), "{label} is on screen: {rect:?}");
    }
}

/// 200 % on the projector leaves 512 × 384 points: the Customers page folds its summary and
/// toolbar behind one toggle, so the table keeps its rows; the toggle brings them back.
#[test]
fn at_200_percent_the_customer_toolbar_folds_and_the_table_keeps_its_rows() {
    let mut harness = app_sized(SCREEN, None);
    harness.ctx.set_zoom_factor(2.0);
    harness.run();
    let screen = Rect::from_min_size(egui::Pos2::ZERO, egui::vec2(SCREEN[0] / 2.0, SCREEN[1] / 2.0));
    let export = By::new().role(Role::Button).label("Export CSV…");
    assert!(
        harness.query(export.clone()).is_none(),
        "the toolbar starts folded"
    );
    let rows_on_screen = |h: &Harness<'_, StudioApp>| {
        (1..=30)
            .filter(|i| {
                h.query_by_label(&format!("C{i:03}"))
                    .is_some_and(|n| screen.contains_rect(n.rect()))
            })
            .count()
    };
    let rows = rows_on_screen(&harness);
    assert!(rows >= 4, "{rows} rows of the table are on screen");
    common::snapshot(&mut harness, "zoom200_customers_en");
    button(&mut harness, "Filters and actions");
    assert!(harness.query(export).is_some(), "the toggle shows the toolbar");
}
