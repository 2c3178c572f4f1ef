//! The whale curve: cumulative profit share above, profit per customer below, sharing the
//! x axis (share of customers ranked by profit). Two plots, because a share (%) and an
//! amount of money do not belong on one y axis.

use egui::{Align2, RichText};
use egui_plot::{
    Axis, Bar, BarChart, Corner, HLine, Legend, Line, LineStyle, MarkerShape, PlotPoint, Points, Span, Text,
};

use super::shared::Cache;
use super::{Chart, ChartCx, ChartTab, K, axis_money, faded, title_ui};
use crate::i18n::{tier_name, tr, trf};
use crate::model::charts::{self as series, WhaleBar, WhaleCurve, WhalePeak, peak_sentence_numbers};
use crate::model::{Language, Tier};
use crate::report::ChartKind;
use crate::ui::commands::Command;
use crate::ui::theme;

/// Bars drawn at most on the whale chart; more customers are bucketed by rank.
const MAX_WHALE_BARS: usize = 400;
/// Points drawn at most on the whale line; more ranks are decimated (peak kept).
const MAX_WHALE_POINTS: usize = 1_500;

/// The curve with the what-if's figures, and what is drawn of it.
struct Series {
    curve: WhaleCurve,
    bars: Vec<WhaleBar>,
    line: Vec<[f64; 2]>,
}

/// The whale curve tab.
#[derive(Default)]
pub struct WhaleChart {
    series: Cache<Series>,
    /// The saved scenario's peak, shown beside the what-if's.
    saved_peak: Cache<Option<WhalePeak>>,
}

impl Chart for WhaleChart {
    fn tab(&self) -> ChartTab {
        ChartTab::Whale
    }

    fn label(&self, lang: Language) -> &'static str {
        tr(lang, K::TabWhale)
    }

    fn file_stem(&self) -> &'static str {
        "whale-curve"
    }

    fn image(&self) -> Option<ChartKind> {
        Some(ChartKind::Whale)
    }

    fn derive(&mut self, cx: &ChartCx<'_>) {
        let shared = cx.shared;
        self.saved_peak.refresh(shared.saved_stamp, || {
            series::whale_curve(cx.page.doc.segmentation(), &shared.scope).peak
        });
        self.series.refresh(shared.stamp, || {
            // The ranking and the profits come from the what-if's segmentation.
            let curve = series::whale_curve(&shared.seg, &shared.scope);
            let bars = series::whale_bars(&curve, &shared.seg, MAX_WHALE_BARS);
            let line = curve.line_points(MAX_WHALE_POINTS);
            Series { curve, bars, line }
        });
    }

    fn ui(&mut self, ui: &mut egui::Ui, cx: &ChartCx<'_>, out: &mut Vec<Command>) {
        let (Some(whale), Some(saved_peak)) = (
            self.series.get(cx.shared.stamp),
            self.saved_peak.get(cx.shared.saved_stamp),
        ) else {
            return;
        };
        whale_ui(ui, cx, whale, *saved_peak, out);
    }

    fn page_ui(&mut self, ui: &mut egui::Ui, cx: &ChartCx<'_>, out: &mut Vec<Command>) {
        super::tall_ui(ui, "whale", |ui| self.ui(ui, cx, out));
    }

    fn csv(&self, cx: &ChartCx<'_>) -> String {
        self.series.get(cx.shared.stamp).map_or_else(String::new, |s| {
            series::whale_csv(&s.curve, cx.customers, &cx.shared.seg)
        })
    }
}

fn whale_ui(
    ui: &mut egui::Ui,
    cx: &ChartCx<'_>,
    whale: &Series,
    saved_peak: Option<WhalePeak>,
    out: &mut Vec<Command>,
) {
    let lang = cx.lang;
    let d = cx.shared;
    let curve = &whale.curve;
    let n = curve.ranked.len();
    title_ui(ui, tr(lang, K::WhaleTitle));
    ui.horizontal_wrapped(|ui| {
        // The tier count can be smaller than the loss-makers on the curve: say why, where a
        // tier was set by hand (in the wrapping headline, not the legend, which cannot wrap).
        if let Some(rank) = curve.first_loss_rank
            && let by_hand @ 1.. = curve.loss_makers_in_other_tiers(&d.seg)
        {
            ui.weak(trf(
                lang,
                K::LossMakersByHand,
                &[("n", &(n - rank)), ("m", &by_hand)],
            ));
        }
        if let Some(peak) = curve.peak {
            let (customers, profit) = peak_sentence_numbers(&peak);
            ui.label(
                RichText::new(trf(
                    lang,
                    K::PeakSentence,
                    &[("customers", &customers), ("profit", &profit)],
                ))
                .strong()
                .size(15.0)
                .color(theme::tier_color(Tier::Key, cx.dark)),
            );
            if profit > 100 && curve.of_net_total {
                ui.label(
                    RichText::new(trf(lang, K::LossDestroys, &[("pct", &(profit - 100))]))
                        .color(theme::tier_color(Tier::LossMaking, cx.dark)),
                );
            }
        }
        if d.what_if_active
            && let Some(saved) = saved_peak
        {
            let (customers, profit) = peak_sentence_numbers(&saved);
            ui.weak(trf(
                lang,
                K::SavedPeak,
                &[("customers", &customers), ("profit", &profit)],
            ));
        }
        if !curve.of_net_total {
            ui.weak(tr(lang, K::OfPositive));
        }
        if n > whale.bars.len() {
            ui.weak(trf(
                lang,
                K::BucketNote,
                &[("n", &n.div_ceil(whale.bars.len().max(1)))],
            ));
        }
    });

    let link = ui.scope_id().with("whale_x");
    let available = ui.available_height().max(320.0);
    let share_height = (available * 0.52).max(180.0);
    let strong = ui.visuals().strong_text_color();
    let weak = ui.visuals().weak_text_color();
    let loss_color = theme::tier_color(Tier::LossMaking, cx.dark);
    let loss_span = curve.first_loss_rank.map(|rank| {
        let x0 = rank as f64 * 100.0 / n as f64;
        let label = trf(lang, K::LossMakers, &[("n", &(n - rank))]);
        (x0, label)
    });
    let peak_y = curve.peak.map_or(100.0, |p| p.profit_pct);
    let min_y = curve.cumulative_pct.iter().copied().fold(0.0, f64::min);
    let settings = &d.settings;

    // ---- Cumulative share ----
    let share = super::still_plot("whale_share")
        .height(share_height)
        .link_axis(link, [true, false])
        .default_x_bounds(0.0, 100.0)
        .include_y(min_y.min(0.0))
        .include_y(peak_y.max(100.0) * 1.12)
        .y_axis_label(tr(lang, K::WhaleShareAxis))
        .y_axis_min_width(66.0)
        .x_axis_formatter(|mark, _| format!("{:.0}%", mark.value))
        .y_grid_spacer(|input| super::nice_marks(&input, 12.0))
        .y_axis_formatter(|mark, _| format!("{:.0}%", mark.value))
        .legend(
            Legend::default()
                .follow_insertion_order(true)
                .position(Corner::RightBottom),
        )
        .show(ui, |plot| {
            if let Some((x0, label)) = &loss_span {
                plot.add(
                    Span::new(label.clone(), *x0..=100.0)
                        .axis(Axis::X)
                        .fill(faded(loss_color, 28))
                        .border_width(0.0),
                );
            }
            // The threshold lines sit at A % and B % of the curve's scale. The ABC classes are
            // counted on positive profit, so where loss-makers exist class A ends slightly after
            // the curve crosses the A line; the tooltip's class says which side a customer is.
            let a = settings.a_threshold_pct;
            let b = settings.b_threshold_pct;
            plot.hline(
                HLine::new(trf(lang, K::LineA, &[("pct", &format!("{a:.0}"))]), a)
                    .color(theme::class_color(crate::model::AbcClass::A, cx.dark))
                    .style(LineStyle::dashed_loose())
                    .width(1.5),
            );
            plot.hline(
                HLine::new(trf(lang, K::LineB, &[("pct", &format!("{b:.0}"))]), b)
                    .color(theme::class_color(crate::model::AbcClass::B, cx.dark))
                    .style(LineStyle::dashed_dense())
                    .width(1.5),
            );
            plot.hline(HLine::new(tr(lang, K::Line100), 100.0).color(weak).width(1.0));
            plot.line(
                Line::new(tr(lang, K::WhaleLine), whale.line.clone())
                    .color(strong)
                    .width(2.5)
                    .allow_hover(false),
            );
            if let Some(peak) = curve.peak {
                let at = PlotPoint::new(peak.customers_pct, peak.profit_pct);
                plot.points(
                    Points::new(tr(lang, K::PeakLabel), vec![[at.x, at.y]])
                        .shape(MarkerShape::Diamond)
                        .radius(7.0)
                        .color(theme::tier_color(Tier::Key, cx.dark))
                        .allow_hover(false),
                );
                let (customers, profit) = peak_sentence_numbers(&peak);
                // Left of the peak when it sits on the right half, so the text stays inside.
                let anchor = if peak.customers_pct > 55.0 {
                    Align2::RIGHT_BOTTOM
                } else {
                    Align2::LEFT_BOTTOM
                };
                plot.text(
                    Text::new(
                        "",
                        PlotPoint::new(at.x, at.y + peak_y.max(100.0) * 0.03),
                        RichText::new(format!("{} {customers}% → {profit}%", tr(lang, K::PeakLabel)))
                            .strong()
                            .size(14.0),
                    )
                    .anchor(anchor)
                    .color(strong)
                    .id("peak_text"),
                );
            }
        });
    // The rank under the pointer, found from x directly (O(1), whatever the count), and taken
    // when the pointer is near the line at that rank.
    let line_hit = share.response.hover_pos().and_then(|pos| {
        let x = share.transform.value_from_position(pos).x;
        let rank = (x * n as f64 / 100.0 - 1.0)
            .round()
            .clamp(0.0, n.saturating_sub(1) as f64) as usize;
        let index = *curve.ranked.get(rank)?;
        let y = *curve.cumulative_pct.get(rank)?;
        let target = [(PlotPoint::new(curve.x_pct(rank), y), (rank, index))];
        super::nearest(target, &share.transform, pos, 24.0)
    });
    if let Some((rank, index)) = line_hit {
        let cumulative = curve.cumulative_pct.get(rank).copied().unwrap_or(0.0);
        share.response.clone().on_hover_ui_at_pointer(|ui| {
            cx.customer_tooltip(
                ui,
                index,
                &[
                    trf(lang, K::TipRank, &[("rank", &(rank + 1)), ("n", &n)]),
                    trf(lang, K::TipCumulative, &[("pct", &format!("{cumulative:.1}"))]),
                ],
            );
        });
        if share.response.clicked() {
            out.push(Command::SelectCustomer(index));
        }
    }

    // ---- Profit per customer ----
    let width = 100.0 / n.max(1) as f64;
    let bars_per_tier: Vec<(Tier, Vec<Bar>)> = Tier::ALL
        .iter()
        .map(|&tier| {
            let bars = whale
                .bars
                .iter()
                .filter(|b| b.tier == tier)
                .map(|b| {
                    let x0 = b.first_rank as f64 * width;
                    let x1 = (b.last_rank + 1) as f64 * width;
                    let mut bar = Bar::new(f64::midpoint(x0, x1), b.mean_profit)
                        .width((x1 - x0) * 0.85)
                        .fill(theme::tier_color(tier, cx.dark));
                    if b.customer.is_some_and(|i| Some(i) == cx.selected) {
                        bar = bar.stroke(egui::Stroke::new(2.0, ui.visuals().strong_text_color()));
                    }
                    bar
                })
                .collect();
            (tier, bars)
        })
        .collect();
    let profit = super::still_plot("whale_profit")
        .link_axis(link, [true, false])
        .default_x_bounds(0.0, 100.0)
        .x_axis_label(tr(lang, K::WhaleXAxis))
        .y_axis_label(trf(lang, K::WhaleProfitAxis, &[("symbol", &cx.symbol)]))
        .y_axis_min_width(66.0)
        .x_axis_formatter(|mark, _| format!("{:.0}%", mark.value))
        .y_grid_spacer(|input| super::nice_marks(&input, 4.0))
        .y_axis_formatter(move |mark, _| axis_money(lang, mark.value))
        .legend(
            Legend::default()
                .follow_insertion_order(true)
                .position(Corner::RightTop),
        )
        .show(ui, |plot| {
            if let Some((x0, _)) = &loss_span {
                plot.add(
                    Span::new("", *x0..=100.0)
                        .axis(Axis::X)
                        .fill(faded(loss_color, 28))
                        .border_width(0.0),
                );
            }
            for (tier, bars) in bars_per_tier {
                plot.bar_chart(
                    BarChart::new(tier_name(lang, tier), bars)
                        .color(theme::tier_color(tier, cx.dark))
                        .allow_hover(false),
                );
            }
        });
    let bar_hit = profit.response.hover_pos().and_then(|pos| {
        let x = profit.transform.value_from_position(pos).x;
        let rank = (x / width).floor();
        (rank >= 0.0).then_some(rank as usize).and_then(|rank| {
            whale
                .bars
                .iter()
                .find(|b| b.first_rank <= rank && rank <= b.last_rank)
        })
    });
    if let Some(bar) = bar_hit {
        let mean = (bar.mean_profit * 100.0).round() as i128;
        profit
            .response
            .clone()
            .on_hover_ui_at_pointer(|ui| match bar.customer {
                Some(index) => cx.customer_tooltip(
                    ui,
                    index,
                    &[trf(
                        lang,
                        K::TipRank,
                        &[("rank", &(bar.first_rank + 1)), ("n", &n)],
                    )],
                ),
                None => {
                    ui.label(trf(
                        lang,
                        K::TipBucket,
                        &[
                            ("first", &(bar.first_rank + 1)),
                            ("last", &(bar.last_rank + 1)),
                            ("n", &(bar.last_rank + 1 - bar.first_rank)),
                            ("value", &cx.money(mean)),
                        ],
                    ));
                }
            });
        if profit.response.clicked()
            && let Some(index) = bar.customer
        {
            out.push(Command::SelectCustomer(index));
        }
    }
}
