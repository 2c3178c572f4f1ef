//! The chart registry: every chart has its tab, labels and file name, draws on the sample and
//! on an empty scenario, and copies its data as CSV with formulas neutralised.

use std::collections::HashSet;

use chrono::NaiveDate;

use super::shared::{DeriveKey, Shared};
use super::{ChartCx, ChartTab, ChartsView, image_ui, registry};
use crate::model::charts::WhatIf;
use crate::model::customer_table::Filter;
use crate::model::{Language, Scenario};
use crate::report::ChartKind;
use crate::ui::document::Document;
use crate::ui::pages::PageContext;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 26).unwrap_or_default()
}

fn sample() -> Scenario {
    let text = include_str!("../../../../assets/samples/harbor-logistics.ron");
    match crate::store::parse(text, std::path::Path::new("harbor-logistics.ron")) {
        Ok(loaded) => loaded.scenario,
        Err(e) => panic!("the sample loads: {e}"),
    }
}

/// Runs `add` in a frame of a fresh context, as the central panel.
fn frame(ctx: &egui::Context, mut add: impl FnMut(&mut egui::Ui)) {
    let input = egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(
            egui::Pos2::ZERO,
            egui::vec2(1280.0, 800.0),
        )),
        ..egui::RawInput::default()
    };
    let mut output = ctx.run_ui(input, |ui| {
        egui::CentralPanel::default().show(ui, |ui| add(ui));
    });
    // Nothing paints here: the font atlas is not uploaded anywhere.
    output.textures_delta.clear();
}

/// A what-if that moves customers between tiers on the sample.
fn what_if() -> WhatIf {
    WhatIf {
        cost_to_serve_pct: 60.0,
        growth_threshold: Some(5),
        ..WhatIf::default()
    }
}

#[test]
fn every_scene_tab_has_exactly_one_chart() {
    // A new tab fails to compile here until it is listed below (and so tested).
    let listed = |tab: ChartTab| match tab {
        ChartTab::Whale
        | ChartTab::Matrix
        | ChartTab::Delivered
        | ChartTab::Summary
        | ChartTab::Cocreation
        | ChartTab::Segments
        | ChartTab::Groups => true,
    };
    let all = [
        ChartTab::Whale,
        ChartTab::Matrix,
        ChartTab::Delivered,
        ChartTab::Summary,
        ChartTab::Cocreation,
        ChartTab::Segments,
        ChartTab::Groups,
    ];
    let tabs: Vec<ChartTab> = registry().iter().map(|c| c.tab()).collect();
    for tab in all {
        assert!(listed(tab));
        assert_eq!(tabs.iter().filter(|t| **t == tab).count(), 1, "{tab:?}");
    }
    assert_eq!(tabs.len(), all.len());
    // The default tab is the first one in the bar.
    assert_eq!(tabs.first(), Some(&ChartTab::default()));
}

#[test]
fn every_chart_has_a_label_in_three_languages_and_a_file_name_of_its_own() {
    let charts = registry();
    for lang in Language::ALL {
        let labels: HashSet<&str> = charts.iter().map(|c| c.label(lang)).collect();
        assert_eq!(labels.len(), charts.len(), "two tabs read the same in {lang:?}");
        assert!(labels.iter().all(|l| !l.trim().is_empty()), "{lang:?}");
    }
    for chart in &charts {
        let [english, traditional, simplified] = Language::ALL.map(|lang| chart.label(lang));
        // The Chinese labels are Chinese, not the English left untranslated.
        assert!(english.is_ascii(), "{english}");
        assert!(
            !traditional.is_ascii() && !simplified.is_ascii(),
            "{english}: {traditional} / {simplified}"
        );
    }
    let stems: HashSet<&str> = charts.iter().map(|c| c.file_stem()).collect();
    assert_eq!(stems.len(), charts.len(), "two charts save to the same file");
    for stem in stems {
        assert!(
            !stem.is_empty() && stem.chars().all(|c| c.is_ascii_lowercase() || c == '-'),
            "{stem} is a file name on every system"
        );
    }
    // Each report image of the Charts page is drawn by exactly one chart; the plan's by the
    // Planner page.
    for kind in ChartKind::ALL {
        let drawn_by = charts.iter().filter(|c| c.image() == Some(kind)).count();
        let planner = matches!(kind, ChartKind::Gantt | ChartKind::Kpi);
        assert_eq!(drawn_by, usize::from(!planner), "{kind:?}");
    }
}

/// Draws every tab on the page and in presenter mode, and every report image, for `doc`
/// with no what-if and with one; returns each chart's CSV with the what-if.
fn draw_everything(doc: &Document) -> Vec<(ChartTab, String)> {
    let ctx = egui::Context::default();
    let cx = PageContext {
        doc,
        lang: Language::SimplifiedChinese,
        today: today(),
    };
    let mut view = ChartsView::default();
    let filter = Filter::default();
    let mut out = Vec::new();
    let tabs: Vec<ChartTab> = view.charts.iter().map(|c| c.tab()).collect();
    for what_if in [WhatIf::default(), what_if()] {
        view.set_what_if(what_if);
        for &tab in &tabs {
            view.show_scene_view(tab, false);
            for _ in 0..2 {
                frame(&ctx, |ui| view.ui(ui, &cx, &filter, Some(0), None, &mut out));
            }
            frame(&ctx, |ui| view.present_ui(ui, &cx, &filter, Some(0), &mut out));
        }
    }
    for chart in registry() {
        if let Some(kind) = chart.image() {
            frame(&ctx, |ui| image_ui(ui, kind, &cx, &mut out));
        }
    }
    // Each chart drawn straight, even with nothing in scope (the page shows a note instead),
    // and its CSV as "Copy data as CSV" makes it, with the what-if on.
    let mut csvs = Vec::new();
    let key = DeriveKey {
        revision: doc.revision(),
        what_if: what_if(),
        filter: None,
    };
    let shared = Shared::build(key, &cx, None);
    frame(&ctx, |ui| {
        // egui may run a pass twice (a grid sizing itself): keep the last pass's.
        csvs.clear();
        let ccx = ChartCx::new(ui, &cx, &shared, None);
        for chart in &mut view.charts {
            chart.derive(&ccx);
            chart.ui(ui, &ccx, &mut out);
            chart.page_ui(ui, &ccx, &mut out);
            csvs.push((chart.tab(), chart.csv(&ccx)));
        }
    });
    csvs
}

#[test]
fn every_chart_draws_on_the_sample_and_on_an_empty_scenario() {
    let csvs = draw_everything(&Document::new(sample(), None));
    for (tab, csv) in csvs {
        let rows = csv.lines().filter(|l| !l.is_empty()).count();
        if tab == ChartTab::Groups {
            assert_eq!(rows, 0, "groups are found on request: nothing to copy");
        } else {
            assert!(rows > 1, "{tab:?}: a header and rows\n{csv}");
        }
    }
    let csvs = draw_everything(&Document::new(Scenario::new(today()), None));
    assert_eq!(csvs.len(), registry().len());
}

#[test]
fn every_chart_csv_neutralises_formulas_in_names() {
    const FORMULA: &str = "=HYPERLINK(\"http://example.com\",\"x\")";
    let mut scenario = sample();
    for c in &mut scenario.customers {
        c.name = FORMULA.to_owned();
        for p in &mut c.promotions {
            p.campaign = "@SUM(A1)".to_owned();
        }
    }
    let csvs = draw_everything(&Document::new(scenario, None));
    let mut named = Vec::new();
    for (tab, csv) in csvs {
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .from_reader(csv.as_bytes());
        for record in reader.records() {
            let record = record.unwrap_or_else(|e| panic!("{tab:?}: {e}"));
            for field in &record {
                let formula = field.starts_with(['=', '+', '-', '@']) && field.parse::<f64>().is_err();
                assert!(!formula, "{tab:?} copies a formula: {field}");
                if field == format!("'{FORMULA}") || field == "'@SUM(A1)" {
                    named.push(tab);
                }
            }
        }
    }
    // The whale curve, value matrix and delivered value list customers by name; the
    // co-creation CSV lists the campaigns.
    for tab in [
        ChartTab::Whale,
        ChartTab::Matrix,
        ChartTab::Delivered,
        ChartTab::Cocreation,
    ] {
        assert!(named.contains(&tab), "{tab:?} copies the names, neutralised");
    }
}
