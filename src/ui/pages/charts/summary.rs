//! Tiers and ABC classes: each group's share of customers, revenue and profit as bars, with
//! the numbers in a small table beside them.

use egui::Color32;
use egui_plot::{Bar, BarChart, Corner, HLine, Legend};

use super::shared::Cache;
use super::{Chart, ChartCx, ChartTab, K, title_ui};
use crate::i18n::{class_name, tier_name, tr, trf};
use crate::model::charts::{self as series, Breakdown, GroupFigures, share_pct};
use crate::model::{AbcClass, Language, Tier};
use crate::report::ChartKind;
use crate::ui::commands::Command;
use crate::ui::theme;

/// The tiers and ABC tab.
#[derive(Default)]
pub struct SummaryChart {
    /// Count, revenue and profit per tier and class.
    breakdown: Cache<Breakdown>,
}

impl Chart for SummaryChart {
    fn tab(&self) -> ChartTab {
        ChartTab::Summary
    }

    fn label(&self, lang: Language) -> &'static str {
        tr(lang, K::TabSummary)
    }

    fn file_stem(&self) -> &'static str {
        "tiers-and-abc"
    }

    fn image(&self) -> Option<ChartKind> {
        Some(ChartKind::Tiers)
    }

    fn derive(&mut self, cx: &ChartCx<'_>) {
        let shared = cx.shared;
        self.breakdown.refresh(shared.stamp, || {
            series::breakdown(shared.fin(cx.customers), &shared.seg, &shared.scope)
        });
    }

    fn ui(&mut self, ui: &mut egui::Ui, cx: &ChartCx<'_>, _out: &mut Vec<Command>) {
        if let Some(b) = self.breakdown.get(cx.shared.stamp) {
            summary_ui(ui, cx, b);
        }
    }

    fn csv(&self, cx: &ChartCx<'_>) -> String {
        self.breakdown
            .get(cx.shared.stamp)
            .map_or_else(String::new, series::breakdown_csv)
    }
}

/// The three measures, in x order.
const METRICS: [K; 3] = [K::MetricCustomers, K::MetricRevenue, K::MetricProfit];

/// One group's shares of the total: customers, revenue, profit (%).
fn shares(g: &GroupFigures, total: &GroupFigures) -> [f64; 3] {
    [
        share_pct(g.count as i128, total.count as i128).unwrap_or(0.0),
        share_pct(g.revenue, total.revenue).unwrap_or(0.0),
        share_pct(g.profit, total.profit).unwrap_or(0.0),
    ]
}

/// The bars with the table beside them; below them (the page scrolling) where both do not fit
/// side by side, as on a projector zoomed in.
fn summary_ui(ui: &mut egui::Ui, cx: &ChartCx<'_>, b: &Breakdown) {
    let half = ((ui.available_height() - 60.0) / 2.0).max(200.0);
    if ui.available_width() < STACK_BELOW {
        egui::ScrollArea::vertical()
            .id_salt("summary_stacked")
            .auto_shrink([false, false])
            .show(ui, |ui| groups_ui(ui, cx, b, half, true));
    } else {
        groups_ui(ui, cx, b, half, false);
    }
}

/// Narrower than this (points), the table goes under the bars.
const STACK_BELOW: f32 = 280.0 + 470.0;

fn groups_ui(ui: &mut egui::Ui, cx: &ChartCx<'_>, b: &Breakdown, half: f32, stacked: bool) {
    let lang = cx.lang;
    let tiers: Vec<(String, Color32, GroupFigures)> = Tier::ALL
        .iter()
        .zip(b.tiers)
        .map(|(t, g)| (tier_name(lang, *t).to_owned(), theme::tier_color(*t, cx.dark), g))
        .collect();
    let classes: Vec<(String, Color32, GroupFigures)> = [AbcClass::A, AbcClass::B, AbcClass::C]
        .iter()
        .zip(b.classes)
        .map(|(c, g)| {
            (
                trf(lang, K::ClassLabel, &[("class", &class_name(*c))]),
                theme::class_color(*c, cx.dark),
                g,
            )
        })
        .collect();
    let blocks = [
        ("summary_tiers", K::SummaryTiers, &tiers),
        ("summary_classes", K::SummaryClasses, &classes),
    ];
    for (n, (id, heading, groups)) in blocks.into_iter().enumerate() {
        if n > 0 {
            ui.add_space(8.0);
        }
        let block = Block {
            id,
            heading: tr(lang, heading),
            groups,
            total: &b.total,
        };
        group_ui(ui, cx, &block, half, stacked);
    }
}

/// The tiers or the classes: bars and a table.
struct Block<'a> {
    id: &'a str,
    heading: &'a str,
    /// Name, colour and figures of each group.
    groups: &'a [(String, Color32, GroupFigures)],
    total: &'a GroupFigures,
}

fn group_ui(ui: &mut egui::Ui, cx: &ChartCx<'_>, block: &Block<'_>, height: f32, stacked: bool) {
    let lang = cx.lang;
    let &Block {
        id,
        heading,
        groups,
        total,
    } = block;
    title_ui(ui, heading);
    let layout = if stacked {
        egui::Layout::top_down(egui::Align::Min)
    } else {
        egui::Layout::left_to_right(egui::Align::Min)
    };
    ui.with_layout(layout, |ui| {
        let plot_width = if stacked {
            ui.available_width()
        } else {
            (ui.available_width() - 470.0).max(280.0)
        };
        let weak = ui.visuals().weak_text_color();
        let response = super::still_plot(id)
            .width(plot_width)
            .height(height)
            .include_y(0.0)
            .include_y(100.0)
            .include_x(-0.5)
            .include_x(2.5)
            .y_axis_label(tr(lang, K::SummaryYAxis))
            .y_axis_formatter(|mark, _| format!("{:.0}%", mark.value))
            .x_grid_spacer(|_| {
                (0..3)
                    .map(|v| egui_plot::GridMark {
                        value: f64::from(v),
                        step_size: 1.0,
                    })
                    .collect()
            })
            .x_axis_formatter(move |mark, _| {
                let i = mark.value.round();
                if (mark.value - i).abs() < 1e-6 && i >= 0.0 {
                    METRICS
                        .get(i as usize)
                        .map_or_else(String::new, |k| tr(lang, *k).to_owned())
                } else {
                    String::new()
                }
            })
            .legend(
                Legend::default()
                    .follow_insertion_order(true)
                    .position(Corner::LeftTop),
            )
            .show(ui, |plot| {
                plot.hline(HLine::new("", 0.0).color(weak).width(1.0));
                for (slot, (name, color, g)) in groups.iter().enumerate() {
                    let offset = (slot as f64 - 1.0) * 0.26;
                    let bars = shares(g, total)
                        .iter()
                        .enumerate()
                        .map(|(metric, &v)| Bar::new(metric as f64 + offset, v).width(0.24).fill(*color))
                        .collect();
                    plot.bar_chart(BarChart::new(name.clone(), bars).color(*color).allow_hover(false));
                }
            });
        if let Some(pos) = response.response.hover_pos() {
            let at = response.transform.value_from_position(pos);
            let metric = at.x.round();
            let slot = ((at.x - metric) / 0.26).round() + 1.0;
            if (0.0..=2.0).contains(&metric)
                && (0.0..=2.0).contains(&slot)
                && let Some((name, _, g)) = groups.get(slot as usize)
                && let Some(metric_key) = METRICS.get(metric as usize)
            {
                let pct = shares(g, total).get(metric as usize).copied().unwrap_or(0.0);
                response.response.clone().on_hover_ui_at_pointer(|ui| {
                    ui.strong(name);
                    ui.label(trf(
                        lang,
                        K::TipShare,
                        &[
                            ("group", name),
                            ("pct", &format!("{pct:.1}")),
                            ("metric", &tr(lang, *metric_key)),
                        ],
                    ));
                    ui.label(format!("{}: {}", tr(lang, K::MetricCustomers), g.count));
                    ui.label(trf(lang, K::TipRevenue, &[("value", &cx.money(g.revenue))]));
                    ui.label(trf(lang, K::TipProfit, &[("value", &cx.money(g.profit))]));
                });
            }
        }
        ui.add_space(12.0);
        table_ui(ui, cx, id, groups, total);
    });
}

fn table_ui(
    ui: &mut egui::Ui,
    cx: &ChartCx<'_>,
    id: &str,
    groups: &[(String, Color32, GroupFigures)],
    total: &GroupFigures,
) {
    let lang = cx.lang;
    let pct = |v: Option<f64>| v.map_or_else(|| "—".to_owned(), |v| format!("{v:.1}%"));
    egui::Grid::new(("summary_table", id))
        .striped(true)
        .spacing([14.0, 6.0])
        .show(ui, |ui| {
            ui.strong(tr(lang, K::ColGroup));
            ui.strong(tr(lang, K::MetricCustomers));
            ui.strong(tr(lang, K::MetricRevenue));
            ui.strong(tr(lang, K::MetricProfit));
            ui.strong(tr(lang, K::ColShare));
            ui.end_row();
            let row = |ui: &mut egui::Ui, name: &str, color: Option<Color32>, g: &GroupFigures| {
                // The dot carries the colour; the name stays in the text colour, readable on
                // both themes whatever the group's shade.
                match color {
                    Some(c) => ui.horizontal(|ui| {
                        ui.spacing_mut().item_spacing.x = 4.0;
                        ui.colored_label(c, "●");
                        ui.label(name);
                    }),
                    None => ui.horizontal(|ui| {
                        ui.strong(name);
                    }),
                };
                ui.label(g.count.to_string());
                ui.label(cx.money(g.revenue));
                ui.label(cx.money(g.profit));
                ui.label(pct(share_pct(g.profit, total.profit)));
                ui.end_row();
            };
            for (name, color, g) in groups {
                row(ui, name, Some(*color), g);
            }
            row(ui, tr(lang, K::Total), None, total);
        });
}
