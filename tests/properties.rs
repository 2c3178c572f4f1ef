//! Property tests over random *valid* scenarios, extreme but legal values included: empty
//! lists, 200-character CJK names, money near the plausible limit, dates in 1900 and 2100.
//! Load → save → load is the identity, and every page and chart tab draws them without a
//! panic and without "NaN" or "inf" in any visible text.

#![allow(
    clippy::unwrap_used,
    reason = "test helpers: a failure here is a test failure"
)]

use chrono::NaiveDate;
use egui_kittest::Harness;
use egui_kittest::kittest::{By, NodeT as _, Queryable as _};
use proptest::prelude::*;
use scm_crm_studio::model::{Customer, Experience, Interaction, Money, Promotion, Scenario, ValueScores};
use scm_crm_studio::store;
use scm_crm_studio::ui::StudioApp;

mod common;
use common::{app_sized, show_page, today};

/// Text a user might type: ASCII, CJK (up to 200 characters) or empty.
fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        Just(String::new()),
        "[A-Za-z0-9 ,.()&-]{1,40}",
        prop::collection::vec(prop::char::range('\u{4e00}', '\u{9fa5}'), 1..=200)
            .prop_map(|chars| chars.into_iter().collect()),
    ]
}

fn date() -> impl Strategy<Value = NaiveDate> {
    // 1900-01-01 to 2100-12-31.
    (0_i64..73_413)
        .prop_map(|days| NaiveDate::from_ymd_opt(1900, 1, 1).unwrap() + chrono::Days::new(days as u64))
}

/// Money from zero to i64's limit, biased to the extremes: the plausible limit (10¹² in major
/// units) and beyond, which loads with a warning and must still draw.
fn money() -> impl Strategy<Value = Money> {
    prop_oneof![
        Just(0_i64),
        Just(100_000_000_000_000_i64),
        Just(i64::MAX),
        Just(i64::MAX / 3),
        0_i64..=100_000_000_000_000,
        0_i64..=10_000_000_000,
    ]
    .prop_map(Money)
}

fn score() -> impl Strategy<Value = f32> {
    prop_oneof![
        Just(0.0_f32),
        Just(10.0_f32),
        (0_u8..=100).prop_map(|s| f32::from(s) / 10.0)
    ]
}

fn customer(index: usize) -> impl Strategy<Value = Customer> {
    (
        (text(), text(), text(), proptest::option::of(date())),
        (money(), money(), money(), 1_u8..=5),
        proptest::option::of(prop::array::uniform8(score())),
        prop::collection::vec("[a-z-]{1,12}", 0..3),
        prop::collection::vec((proptest::option::of(date()), text(), any::<bool>()), 0..3),
        prop::collection::vec((proptest::option::of(date()), text()), 0..3),
        prop::collection::vec((proptest::option::of(date()), 1_u8..=5), 0..3),
    )
        .prop_map(move |(desc, cash, scores, tags, promos, talks, feelings)| {
            let (name, industry, region, since) = desc;
            let (revenue, cost_of_goods, cost_to_serve, growth_potential) = cash;
            let mut c = Customer {
                id: format!("P{index:05}"),
                name,
                industry,
                region,
                since,
                revenue,
                cost_of_goods,
                cost_to_serve,
                growth_potential,
                tags,
                ..Customer::default()
            };
            if let Some(s) = scores {
                c.value = ValueScores {
                    product: s[0],
                    service: s[1],
                    personnel: s[2],
                    image: s[3],
                    money: s[4],
                    time: s[5],
                    energy: s[6],
                    psychic: s[7],
                };
            }
            c.promotions = promos
                .into_iter()
                .map(|(date, campaign, responded)| Promotion {
                    date,
                    campaign,
                    responded,
                    ..Promotion::default()
                })
                .collect();
            c.interactions = talks
                .into_iter()
                .map(|(date, summary)| Interaction {
                    date,
                    summary,
                    ..Interaction::default()
                })
                .collect();
            c.experiences = feelings
                .into_iter()
                .map(|(date, satisfaction)| Experience {
                    date,
                    satisfaction,
                    ..Experience::default()
                })
                .collect();
            c
        })
}

fn scenario(max_customers: usize) -> impl Strategy<Value = Scenario> {
    (0..=max_customers, text(), text())
        .prop_flat_map(|(n, title, description)| {
            let customers: Vec<_> = (0..n).map(customer).collect();
            (customers, Just(title), Just(description))
        })
        .prop_map(|(customers, title, description)| {
            let mut s = Scenario::new(today());
            s.metadata.title = title;
            s.metadata.description = description;
            s.customers = customers;
            s
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn load_save_load_is_the_identity(original in scenario(40)) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("p.ron");
        store::save(&path, &original).unwrap();
        let first = std::fs::read(&path).unwrap();
        let loaded = store::load(&path).unwrap();
        prop_assert_eq!(&loaded.scenario, &original);
        // Saving what was loaded writes the same bytes: stable files, clean diffs.
        store::save(&path, &loaded.scenario).unwrap();
        prop_assert_eq!(std::fs::read(&path).unwrap(), first);
    }
}

/// Words in visible text that mean a number went wrong.
fn broken_numbers(harness: &Harness<'_, StudioApp>) -> Vec<String> {
    harness
        .query_all(By::new().predicate(|node| {
            let text = format!(
                "{} {}",
                node.label().unwrap_or_default(),
                node.value().unwrap_or_default()
            );
            text.split(|c: char| !c.is_alphanumeric())
                .any(|word| matches!(word, "NaN" | "nan" | "inf" | "Inf" | "infinity" | "Infinity"))
                || text.contains('∞')
        }))
        .map(|node| format!("{:?}", node.accesskit_node().label()))
        .collect()
}

/// Every page, every chart tab and every planner view, with the text checked on each.
fn visit_everything(harness: &mut Harness<'_, StudioApp>) -> Vec<String> {
    let mut broken = broken_numbers(harness);
    show_page(harness, "Charts");
    for tab in [
        "Whale curve",
        "Value matrix",
        "Delivered value",
        "Tiers and ABC",
        "Co-creation",
    ] {
        harness
            .get(By::new().role(egui::accesskit::Role::Button).label(tab))
            .click();
        harness.run();
        broken.extend(broken_numbers(harness));
    }
    show_page(harness, "Planner");
    for view in ["Steps", "Gantt", "KPIs"] {
        if let Some(button) = harness.query_by_label(view) {
            button.click();
            harness.run();
        }
        broken.extend(broken_numbers(harness));
    }
    show_page(harness, "Disputes");
    broken.extend(broken_numbers(harness));
    broken
}

proptest! {
    // Each case starts the whole app: a few cases, each with extreme values.
    #![proptest_config(ProptestConfig { cases: 12, ..ProptestConfig::default() })]

    #[test]
    fn every_page_draws_random_scenarios_without_nan_or_inf(s in scenario(25)) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("p.ron");
        store::save(&path, &s).unwrap();
        let mut harness = app_sized([1280.0, 800.0], Some(path));
        prop_assert_eq!(harness.state().document().scenario.customers.len(), s.customers.len());
        let broken = visit_everything(&mut harness);
        prop_assert!(broken.is_empty(), "{:?}", broken);
    }
}

/// 100,000 customers from the same generator: load → save → load, then every page draws.
#[test]
fn a_scenario_of_100000_random_customers_round_trips_and_draws() {
    use proptest::strategy::ValueTree as _;
    let mut runner = proptest::test_runner::TestRunner::deterministic();
    let customers: Vec<Customer> = (0..100_000)
        .map(|i| customer(i).new_tree(&mut runner).unwrap().current())
        .collect();
    let mut big = Scenario::new(today());
    big.customers = customers;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("big.ron");
    store::save(&path, &big).unwrap();
    let loaded = store::load(&path).unwrap();
    assert!(loaded.scenario == big, "100,000 customers came back different");
    let mut harness = app_sized([1280.0, 800.0], Some(path));
    assert_eq!(harness.state().document().scenario.customers.len(), 100_000);
    assert_eq!(visit_everything(&mut harness), Vec::<String>::new());
}

#[test]
fn an_empty_scenario_draws_everywhere() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("empty.ron");
    store::save(&path, &Scenario::new(today())).unwrap();
    let mut harness = app_sized([1280.0, 800.0], Some(path));
    harness.get_by_label("Customers: 0");
    assert_eq!(visit_everything(&mut harness), Vec::<String>::new());
}
