//! The RFM segment map: the 5×5 grid (R rows 5→1, FM columns 1→5) with customers, revenue
//! and profit per cell, coloured by segment; a click on a cell lists its customers on the
//! Customers page. Under it the segment × tier cross table.

use egui::{Color32, RichText, Stroke};

use super::shared::Cache;
use super::{Chart, ChartCx, ChartTab, title_ui};
use crate::i18n::segments::{SegmentKey as S, action_text, segment_name};
use crate::i18n::{tier_name, tr, trf};
use crate::model::charts::csv_money;
use crate::model::csv_text::csv_line;
use crate::model::customer_table::Filter;
use crate::model::rfm_segments::{self, CellTotals, RfmSegment, SegmentMap};
use crate::model::{Language, Tier};
use crate::report::ChartKind;
use crate::ui::commands::Command;
use crate::ui::theme;

/// The map and, under it, segment × tier.
struct Series {
    map: SegmentMap,
    cross_table: [[CellTotals; 3]; 11],
}

/// The RFM segment map tab.
#[derive(Default)]
pub struct SegmentsChart {
    series: Cache<Series>,
}

impl Chart for SegmentsChart {
    fn tab(&self) -> ChartTab {
        ChartTab::Segments
    }

    fn label(&self, lang: Language) -> &'static str {
        tr(lang, S::TabSegments)
    }

    fn file_stem(&self) -> &'static str {
        "segment-map"
    }

    fn image(&self) -> Option<ChartKind> {
        None
    }

    fn derive(&mut self, cx: &ChartCx<'_>) {
        let shared = cx.shared;
        self.series.refresh(shared.stamp, || {
            let fin = shared.fin(cx.customers);
            Series {
                map: rfm_segments::segment_map(fin, &shared.seg, &shared.scope),
                cross_table: rfm_segments::cross_table(fin, &shared.seg, &shared.scope),
            }
        });
    }

    fn ui(&mut self, ui: &mut egui::Ui, cx: &ChartCx<'_>, out: &mut Vec<Command>) {
        if let Some(s) = self.series.get(cx.shared.stamp) {
            map_ui(ui, cx, s, out);
        }
    }

    fn csv(&self, cx: &ChartCx<'_>) -> String {
        self.series
            .get(cx.shared.stamp)
            .map_or_else(String::new, |s| map_csv(&s.map))
    }
}

/// The segment map as CSV: one line per cell, every number.
fn map_csv(map: &SegmentMap) -> String {
    let mut out = csv_line(&["r", "fm", "segment", "customers", "revenue", "profit"]);
    for r in (1..=5_u8).rev() {
        for fm in 1..=5_u8 {
            let cell = map.cell(r, fm);
            let segment = RfmSegment::of_cell(r, fm).map_or("", |s| s.key());
            out.push_str(&csv_line(&[
                r.to_string(),
                fm.to_string(),
                segment.to_owned(),
                cell.customers.to_string(),
                csv_money(cell.revenue),
                csv_money(cell.profit),
            ]));
        }
    }
    out
}

/// A colour per segment: greens for the best, ambers for those slipping, greys for the lost.
fn segment_color(segment: RfmSegment, dark: bool) -> Color32 {
    let (r, g, b) = match segment {
        RfmSegment::Champion => (46, 139, 87),
        RfmSegment::Loyal => (60, 160, 110),
        RfmSegment::PotentialLoyalist => (90, 170, 140),
        RfmSegment::New => (70, 140, 190),
        RfmSegment::Promising => (100, 150, 200),
        RfmSegment::NeedsAttention => (200, 160, 60),
        RfmSegment::AboutToSleep => (190, 140, 90),
        RfmSegment::AtRisk => (205, 110, 60),
        RfmSegment::CannotLose => (190, 70, 70),
        RfmSegment::Hibernating => (130, 130, 150),
        RfmSegment::Lost => (110, 110, 110),
    };
    if dark {
        // Three fifths as bright, so white text stays readable on the dark theme.
        let dim = |c: u8| (u16::from(c) * 3 / 5) as u8;
        Color32::from_rgb(dim(r), dim(g), dim(b))
    } else {
        Color32::from_rgb(r, g, b)
    }
}

fn map_ui(ui: &mut egui::Ui, cx: &ChartCx<'_>, s: &Series, out: &mut Vec<Command>) {
    let lang = cx.lang;
    let map = &s.map;
    title_ui(ui, tr(lang, S::MapTitle));
    if map.with_rfm() == 0 {
        ui.label(tr(lang, S::MapNoRfm));
        return;
    }
    ui.horizontal_wrapped(|ui| {
        ui.weak(tr(lang, S::MapClickHint));
        if map.without_rfm > 0 {
            ui.weak(trf(lang, S::MapWithout, &[("n", &map.without_rfm)]));
        }
    });
    // Both ways: on a narrow window (a projector at 150 %) the map scrolls sideways inside
    // its own area instead of drawing over the what-if panel beside it.
    egui::ScrollArea::both()
        .id_salt("segment_map_scroll")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            let cell_width = ((ui.available_width() - 60.0) / 5.0).clamp(110.0, 200.0);
            let cell_height = 74.0;
            egui::Grid::new("segment_map_grid")
                .spacing([4.0, 4.0])
                .show(ui, |ui| {
                    for r in (1..=5_u8).rev() {
                        ui.label(RichText::new(format!("R {r}")).strong());
                        for fm in 1..=5_u8 {
                            cell_ui(ui, cx, map, r, fm, [cell_width, cell_height], out);
                        }
                        ui.end_row();
                    }
                    ui.label("");
                    for fm in 1..=5_u8 {
                        ui.vertical_centered(|ui| ui.label(RichText::new(format!("FM {fm}")).strong()));
                    }
                    ui.end_row();
                });
            ui.weak(tr(lang, S::MapAxisR));
            ui.weak(tr(lang, S::MapAxisFm));
            ui.add_space(10.0);
            cross_table_ui(ui, cx, &s.cross_table);
        });
}

fn cell_ui(
    ui: &mut egui::Ui,
    cx: &ChartCx<'_>,
    map: &SegmentMap,
    r: u8,
    fm: u8,
    size: [f32; 2],
    out: &mut Vec<Command>,
) {
    let lang = cx.lang;
    let Some(segment) = RfmSegment::of_cell(r, fm) else {
        return;
    };
    let cell = map.cell(r, fm);
    let text = format!(
        "{}\n{}\n{}",
        segment_name(lang, segment),
        trf(lang, S::CellCustomers, &[("n", &cell.customers)]),
        trf(lang, S::CellProfit, &[("value", &cx.money(cell.profit))]),
    );
    let fill = segment_color(segment, cx.dark);
    let fill = if cell.customers == 0 {
        super::faded(fill, 70)
    } else {
        fill
    };
    let button = egui::Button::new(RichText::new(text).color(Color32::WHITE))
        .fill(fill)
        .stroke(if cell.profit < 0 {
            Stroke::new(2.0, theme::tier_color(Tier::LossMaking, cx.dark))
        } else {
            Stroke::NONE
        })
        .min_size(egui::vec2(size[0], size[1]));
    let response = ui.add(button).on_hover_ui(|ui| {
        ui.strong(format!("{} (R {r}, FM {fm})", segment_name(lang, segment)));
        ui.label(trf(lang, S::CellCustomers, &[("n", &cell.customers)]));
        ui.label(trf(lang, S::CellRevenue, &[("value", &cx.money(cell.revenue))]));
        ui.label(trf(lang, S::CellProfit, &[("value", &cx.money(cell.profit))]));
        ui.label(action_text(lang, segment));
        ui.weak(tr(lang, S::MapClickHint));
    });
    if response.clicked() {
        out.push(Command::FilterCustomers(Filter {
            rfm_cell: Some((r, fm)),
            ..Filter::default()
        }));
    }
}

fn cross_table_ui(ui: &mut egui::Ui, cx: &ChartCx<'_>, cross_table: &[[CellTotals; 3]; 11]) {
    let lang = cx.lang;
    title_ui(ui, tr(lang, S::CrossTitle));
    ui.weak(tr(lang, S::CrossHint));
    let text = |c: &CellTotals| {
        if c.customers == 0 {
            "—".to_owned()
        } else {
            format!("{} ({})", c.customers, cx.money(c.profit))
        }
    };
    egui::Grid::new("segment_tier_grid")
        .striped(true)
        .spacing([18.0, 4.0])
        .show(ui, |ui| {
            ui.strong(tr(lang, S::BySegment));
            for tier in Tier::ALL {
                ui.colored_label(theme::tier_color(tier, cx.dark), tier_name(lang, tier));
            }
            ui.strong(tr(lang, S::Total));
            ui.end_row();
            for (segment, row) in RfmSegment::ALL.iter().zip(cross_table) {
                ui.label(segment_name(lang, *segment));
                let mut total = CellTotals::default();
                for (tier, cell) in Tier::ALL.iter().zip(row) {
                    total.customers += cell.customers;
                    total.profit += cell.profit;
                    let label = text(cell);
                    if *tier == Tier::LossMaking && cell.customers > 0 {
                        ui.colored_label(theme::tier_color(Tier::LossMaking, cx.dark), label);
                    } else {
                        ui.label(label);
                    }
                }
                ui.label(text(&total));
                ui.end_row();
            }
        });
}
