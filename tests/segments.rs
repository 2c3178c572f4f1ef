//! RFM segments, groups of similar customers and promotions to a group, as a user drives
//! them: the segment map filtering the Customers table, a campaign sent to a segment and undone
//! in one step, responses marked from pasted ids, the campaign results, and grouping run twice.
//! Snapshots in English and Simplified Chinese.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "test helpers: a failure here is a test failure"
)]

use std::time::Duration;

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{By, Queryable as _};
use scm_crm_studio::ui::StudioApp;

mod common;
use common::{Snapshots, app_sized, fixture, show_page, switch_language, type_into, undo};

/// The app on the fixture with ten customers from a transaction log and one without.
fn app() -> Harness<'static, StudioApp> {
    // By its relative path (tests run in the crate's folder), so the path shown in snapshots is
    // the same on every machine.
    app_sized(
        [1280.0, 800.0],
        Some(std::path::PathBuf::from("tests/fixtures/segments/rfm-groups.ron")),
    )
}

fn click_button(harness: &mut Harness<'_, StudioApp>, label: &str) {
    harness.get_by_role_and_label(Role::Button, label).click();
    harness.run();
}

fn tab(harness: &mut Harness<'_, StudioApp>, label: &str) {
    harness.get(By::new().role(Role::Button).label(label)).click();
    harness.run();
}

/// The segment map cell holding the two champions (R 5, FM 5): the only cell with two.
fn click_champion_cell(harness: &mut Harness<'_, StudioApp>, two: &str) {
    harness
        .get(By::new().role(Role::Button).label_contains(two))
        .click();
    harness.run();
}

fn promotion_rows(harness: &Harness<'_, StudioApp>) -> Vec<usize> {
    harness
        .state()
        .document()
        .scenario
        .customers
        .iter()
        .map(|c| c.promotions.len())
        .collect()
}

/// Steps the app until the grouping thread has finished (the silhouette line shows).
fn wait_for_groups(harness: &mut Harness<'_, StudioApp>, done_label: &str) {
    for _ in 0..600 {
        harness.step();
        if harness.query_by_label_contains(done_label).is_some() {
            harness.run();
            return;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    panic!("grouping did not finish");
}

#[test]
fn segment_map_cell_filters_the_table_and_a_campaign_to_it_is_one_undo_step() {
    let mut harness = app();
    let mut snapshots = Snapshots::new();
    show_page(&mut harness, "Charts");
    tab(&mut harness, "Segment map");
    harness.get_by_label_contains("1 customers without RFM data are not on the map");
    // Champions that lose money: C02 is a champion whose costs exceed its revenue.
    harness.get_by_label("Segment × tier: customers (profit)");
    snapshots.add(&mut harness, "segments_map_en");

    click_champion_cell(&mut harness, "Customers: 2");
    // The Customers page, filtered to the cell.
    harness.get_by_label("2 of 11 customers");
    harness.get_by_label_contains("Segment map cell R 5, FM 5");
    // The detail panel names the segment and what to do with it.
    harness.get_all_by_label("C01").next().unwrap().click();
    harness.run();
    harness.get_by_label("Segment: Champion");
    harness.get_by_label("Suggested action: Reward them and ask for referrals.");
    let before = harness.state().document().scenario.clone();

    click_button(&mut harness, "Send promotion…");
    harness.get_by_label("To the 2 customers the table shows");
    type_into(&mut harness, "Campaign", "Champion referral 2026");
    type_into(&mut harness, "Channel", "Email");
    click_button(&mut harness, "Send");
    // Exactly one log row per member (C01 and C02), none for anyone else.
    assert_eq!(promotion_rows(&harness), [1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    let sent = &harness.state().document().scenario.customers[0].promotions[0];
    assert_eq!(sent.campaign, "Champion referral 2026");
    assert_eq!(sent.channel, "Email");
    assert_eq!(sent.date, Some(common::today()));
    harness.get_by_label_contains("Sent “Champion referral 2026” to 2 customers.");

    // One undo removes them all.
    undo(&mut harness);
    assert_eq!(harness.state().document().scenario, before);

    // Again, to the whole table this time, then mark responses from pasted ids.
    click_button(&mut harness, "Clear filters");
    harness.get_by_label("11 of 11 customers");
    click_button(&mut harness, "Send promotion…");
    type_into(&mut harness, "Campaign", "Summer rates 2026");
    click_button(&mut harness, "Send");
    assert_eq!(promotion_rows(&harness), [1; 11]);
    click_button(&mut harness, "Mark responses…");
    type_into(&mut harness, "Customer ids who responded", "C01, C02\nC07 X99");
    click_button(&mut harness, "Mark");
    harness.get_by_label_contains("Marked 3 responses (0 already marked, 0 not reached, 1 unknown ids).");
    let responded: Vec<bool> = harness
        .state()
        .document()
        .scenario
        .customers
        .iter()
        .map(|c| c.promotions[0].responded)
        .collect();
    assert_eq!(
        responded,
        [
            true, true, false, false, false, false, true, false, false, false, false
        ]
    );
    click_button(&mut harness, "Cancel");

    // Campaign results on the Co-creation tab: 11 reached, 3 answered.
    show_page(&mut harness, "Charts");
    tab(&mut harness, "Co-creation");
    tab(&mut harness, "Campaign results");
    harness.get_by_label_contains("Responders' revenue needs the purchases");
    harness.get_by_label("27%");
    harness.get_by_label("100%"); // both champions answered
    snapshots.add(&mut harness, "campaign_results_en");
    tab(&mut harness, "Tier");
    harness.get_by_label("Key");

    switch_language(&mut harness, "View", "Language", "简体中文");
    tab(&mut harness, "分级");
    tab(&mut harness, "RFM 细分");
    snapshots.add(&mut harness, "campaign_results_zh_hans");
    tab(&mut harness, "细分图");
    harness.get_by_label("RFM 细分图：每格的客户数、营收与利润");
    snapshots.add(&mut harness, "segments_map_zh_hans");
    snapshots.finish();
}

#[test]
fn grouping_twice_gives_the_same_groups_and_saving_tags_them_in_one_undo_step() {
    let mut harness = app();
    let mut snapshots = Snapshots::new();
    show_page(&mut harness, "Charts");
    tab(&mut harness, "Groups");
    // Group the ten customers with RFM data (and C11 at the means) into two.
    harness.get_by_role_and_label(Role::Slider, "Groups (k)").focus();
    harness.run();
    for _ in 0..2 {
        harness.key_press(egui::Key::ArrowLeft);
    }
    harness.run();
    let before = harness.state().document().scenario.clone();
    let mut runs = Vec::new();
    for _ in 0..2 {
        click_button(&mut harness, "Find groups");
        wait_for_groups(&mut harness, "Silhouette score by k");
        harness.get_by_label("● 1");
        harness.get_by_label("● 2");
        assert!(harness.query_by_label("● 3").is_none(), "k = 2");
        click_button(&mut harness, "Save groups as tags");
        harness.get_by_label("Saved 2 groups as tags.");
        let scenario = &harness.state().document().scenario;
        assert_eq!(scenario.groups.len(), 2);
        let tagged: usize = scenario.groups.iter().map(|g| g.size(&scenario.customers)).sum();
        assert_eq!(tagged, 11, "every customer is in one group");
        runs.push(scenario.clone());
        // Saving is one undo step.
        undo(&mut harness);
        assert_eq!(harness.state().document().scenario, before);
    }
    assert_eq!(runs[0], runs[1], "the same data gives the same groups");
    snapshots.add(&mut harness, "groups_chart_en");

    switch_language(&mut harness, "View", "Language", "简体中文");
    harness.get_by_label("相似客户群组");
    snapshots.add(&mut harness, "groups_chart_zh_hans");
    snapshots.finish();
}

#[test]
fn responders_revenue_counts_the_purchases_of_the_log_imported_in_the_session() {
    let mut harness = app_sized([1400.0, 860.0], None);
    click_button(&mut harness, "Import…");
    type_into(
        &mut harness,
        "File",
        fixture("import/transactions.csv").to_str().unwrap(),
    );
    click_button(&mut harness, "Load");
    harness.get_by_label_contains("12 rows ready: 6 new customers");
    click_button(&mut harness, "Import");
    // Send a campaign dated 1 September 2026 to the six customers of the log.
    type_into(&mut harness, "Filter", "T0");
    harness.get_by_label("6 of 36 customers");
    click_button(&mut harness, "Send promotion…");
    type_into(&mut harness, "Campaign", "Autumn capacity 2026");
    type_into(&mut harness, "Date", "2026-09-01");
    click_button(&mut harness, "Send");
    click_button(&mut harness, "Mark responses…");
    type_into(&mut harness, "Customer ids who responded", "T01 T05");
    click_button(&mut harness, "Mark");
    harness.get_by_label_contains("Marked 2 responses");
    click_button(&mut harness, "Cancel");

    show_page(&mut harness, "Charts");
    tab(&mut harness, "Co-creation");
    tab(&mut harness, "Campaign results");
    harness.get_by_label_contains("Purchases from 12 log rows imported in this session, 30 days");
    // In the 30 days from 1 September: T05's four purchases of ¥7,000 (9–12 September);
    // T01 bought on 30 October, after the window.
    // Once in T05's segment row, once in the total.
    assert_eq!(harness.get_all_by_label("¥28,000").count(), 2);
    harness.get_by_label("33%"); // 2 of 6 answered
}
