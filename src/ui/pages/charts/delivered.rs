//! Delivered value as a dumbbell per customer: perceived cost to perceived benefit, sorted by
//! the difference. The top rows are in view; scrolling over the chart moves through the rest.
//! Only the rows in view are drawn, so 100,000 customers cost no more than 15.

use egui_plot::{Corner, GridMark, Legend, Line, MarkerShape, Plot, PlotPoint, Points};

use super::shared::Cache;
use super::{Chart, ChartCx, ChartTab, K, title_ui};
use crate::i18n::{tier_name, tr, trf};
use crate::model::charts::{self as series, DeliveredRow};
use crate::model::{Language, Tier};
use crate::report::ChartKind;
use crate::ui::commands::Command;
use crate::ui::theme;

/// The delivered value tab.
#[derive(Default)]
pub struct DeliveredChart {
    /// The rows in order with the saved tiers: the order (benefit and cost) does not change
    /// with the what-if, so a slider step only re-colours them.
    saved: Cache<Vec<DeliveredRow>>,
    /// The rows with the what-if's tiers.
    rows: Cache<Vec<DeliveredRow>>,
}

impl Chart for DeliveredChart {
    fn tab(&self) -> ChartTab {
        ChartTab::Delivered
    }

    fn label(&self, lang: Language) -> &'static str {
        tr(lang, K::TabDelivered)
    }

    fn file_stem(&self) -> &'static str {
        "delivered-value"
    }

    fn image(&self) -> Option<ChartKind> {
        Some(ChartKind::Delivered)
    }

    fn derive(&mut self, cx: &ChartCx<'_>) {
        let shared = cx.shared;
        self.saved.refresh(shared.saved_stamp, || {
            series::delivered_rows(cx.customers, cx.page.doc.segmentation(), &shared.scope)
        });
        let saved = self.saved.get(shared.saved_stamp);
        self.rows.refresh(shared.stamp, || {
            let mut rows = saved.cloned().unwrap_or_default();
            for row in &mut rows {
                row.tier = shared.seg.figures.get(row.customer).map_or(row.tier, |f| f.tier);
            }
            rows
        });
    }

    fn ui(&mut self, ui: &mut egui::Ui, cx: &ChartCx<'_>, out: &mut Vec<Command>) {
        if let Some(rows) = self.rows.get(cx.shared.stamp) {
            rows_ui(ui, cx, rows, out);
        }
    }

    fn csv(&self, cx: &ChartCx<'_>) -> String {
        self.rows
            .get(cx.shared.stamp)
            .map_or_else(String::new, |rows| series::delivered_csv(rows, cx.customers))
    }
}

/// Rows in view at first, at most.
const ROWS_SHOWN: usize = 15;
/// The least height (points) a row needs for its name on the axis to show.
const ROW_HEIGHT: f32 = 22.0;

/// How many rows fit `height` with each name readable: fewer on a low screen, never none.
fn rows_fitting(height: f32) -> usize {
    // The x axis, its label and the plot's margins take about 70 points.
    (((height - 70.0) / ROW_HEIGHT).floor().max(4.0) as usize).min(ROWS_SHOWN)
}

/// A customer name cut to fit the axis.
fn short(name: &str) -> String {
    const MAX: usize = 22;
    if name.chars().count() > MAX {
        let cut: String = name.chars().take(MAX - 1).collect();
        format!("{cut}…")
    } else {
        name.to_owned()
    }
}

fn rows_ui(ui: &mut egui::Ui, cx: &ChartCx<'_>, rows: &[DeliveredRow], out: &mut Vec<Command>) {
    let lang = cx.lang;
    let n = rows.len();
    title_ui(ui, tr(lang, K::DeliveredTitle));
    let height = (ui.available_height() - ui.text_style_height(&egui::TextStyle::Body)).max(200.0);
    let shown = rows_fitting(height);
    let status_id = ui.scope_id().with(("delivered_rows_in_view", shown));
    let (first, last) = ui
        .ctx()
        .data(|data| data.get_temp::<(usize, usize)>(status_id))
        .unwrap_or((1, n.min(shown)));
    ui.weak(trf(
        lang,
        K::DeliveredRows,
        &[("first", &first), ("last", &last.min(n)), ("n", &n)],
    ));

    let dark = cx.dark;
    let cost_color = ui.visuals().weak_text_color();
    // A new plot (fresh bounds) whenever the number of rows that fit changes, e.g. on zoom.
    let response = Plot::new(("delivered_value", shown))
        .height(height)
        .default_x_bounds(0.0, 41.0)
        .default_y_bounds(-(shown as f64) + 0.5, 0.5)
        .allow_drag([false, true])
        .allow_scroll([false, true])
        .allow_zoom(false)
        .allow_boxed_zoom(false)
        .allow_double_click_reset(false)
        .show_x(false)
        .show_y(false)
        .x_axis_label(tr(lang, K::DeliveredXAxis))
        .y_axis_label(tr(lang, K::DeliveredYAxis))
        .y_axis_min_width(170.0)
        .y_grid_spacer(|input| {
            let (lo, hi) = input.bounds;
            let (lo, hi) = (lo.ceil() as i64, hi.floor() as i64);
            (lo..=hi)
                .map(|v| GridMark {
                    value: v as f64,
                    step_size: 1.0,
                })
                .collect()
        })
        .y_axis_formatter(move |mark, _| {
            let row = -mark.value.round();
            if row < 0.0 || (mark.value.round() - mark.value).abs() > 1e-6 {
                return String::new();
            }
            // Names are looked up for the labelled rows only, never for all rows.
            rows.get(row as usize)
                .map(|r| short(&cx.name(r.customer)))
                .unwrap_or_default()
        })
        .legend(
            Legend::default()
                .follow_insertion_order(true)
                .position(Corner::RightBottom),
        )
        .show(ui, |plot| {
            let bounds = plot.plot_bounds();
            // Rows whose centre line is in view (row k sits at y = −k).
            let top = (-bounds.max()[1]).ceil().max(0.0) as usize;
            let bottom = ((-bounds.min()[1]).floor().max(0.0) as usize).min(n.saturating_sub(1));
            let visible = rows.get(top..=bottom).unwrap_or_default();
            for (offset, row) in visible.iter().enumerate() {
                let y = -((top + offset) as f64);
                let color = theme::tier_color(row.tier, dark);
                let width = if Some(row.customer) == cx.selected {
                    5.0
                } else {
                    3.0
                };
                plot.line(
                    Line::new("", vec![[row.cost, y], [row.benefit, y]])
                        .id(("delivered_bar", top + offset))
                        .color(color)
                        .width(width)
                        .allow_hover(false),
                );
            }
            let mut costs = Vec::with_capacity(visible.len());
            let mut benefits: [Vec<[f64; 2]>; 3] = Default::default();
            for (offset, row) in visible.iter().enumerate() {
                let y = -((top + offset) as f64);
                costs.push([row.cost, y]);
                if let Some(points) = benefits.get_mut(row.tier as usize) {
                    points.push([row.benefit, y]);
                }
            }
            plot.points(
                Points::new(tr(lang, K::Cost), costs)
                    .shape(MarkerShape::Square)
                    .radius(5.0)
                    .color(cost_color)
                    .allow_hover(false),
            );
            for (tier, points) in Tier::ALL.iter().zip(benefits) {
                plot.points(
                    Points::new(
                        format!("{} · {}", tr(lang, K::Benefit), tier_name(lang, *tier)),
                        points,
                    )
                    .shape(MarkerShape::Circle)
                    .radius(6.0)
                    .color(theme::tier_color(*tier, dark))
                    .allow_hover(false),
                );
            }
            (top + 1, bottom + 1)
        });
    ui.ctx()
        .data_mut(|data| data.insert_temp(status_id, response.inner));

    if let Some(pos) = response.response.hover_pos() {
        let y = response.transform.value_from_position(pos).y;
        let row_index = (-y).round();
        if row_index >= 0.0
            && let Some(row) = rows.get(row_index as usize)
        {
            let at = PlotPoint::new(row.benefit, -row_index);
            let near = response.transform.position_from_point(&at).y - pos.y;
            if near.abs() < 14.0 {
                response.response.clone().on_hover_ui_at_pointer(|ui| {
                    cx.customer_tooltip(
                        ui,
                        row.customer,
                        &[
                            trf(lang, K::TipBenefit, &[("value", &format!("{:.1}", row.benefit))]),
                            trf(lang, K::TipCost, &[("value", &format!("{:.1}", row.cost))]),
                            trf(
                                lang,
                                K::TipDelivered,
                                &[("value", &format!("{:+.1}", row.delivered()))],
                            ),
                        ],
                    );
                });
                if response.response.clicked() {
                    out.push(Command::SelectCustomer(row.customer));
                }
            }
        }
    }
}
