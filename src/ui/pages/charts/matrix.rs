//! The value matrix: profit (x) against growth potential (y), size by revenue, colour by tier,
//! split into four quadrants at profit 0 and the growth threshold.

use egui::{Align2, RichText};
use egui_plot::{Corner, HLine, Legend, LineStyle, MarkerShape, PlotPoint, Points, Text, VLine};

use super::shared::Cache;
use super::{Chart, ChartCx, ChartTab, K, axis_money, title_ui};
use crate::i18n::{tier_name, tr, trf};
use crate::model::charts::{self as series, Quadrant, SIZE_CLASSES, ValueMatrix, size_class};
use crate::model::{Language, Tier};
use crate::report::ChartKind;
use crate::ui::commands::Command;
use crate::ui::theme;

/// Points drawn at most on the value matrix; more are thinned to one per grid cell.
const MAX_MATRIX_POINTS: usize = 3_000;

/// The value matrix tab.
#[derive(Default)]
pub struct MatrixChart {
    matrix: Cache<ValueMatrix>,
    /// The saved scenario's customers per quadrant, shown beside the what-if's.
    saved_quadrants: Cache<[usize; 4]>,
}

impl Chart for MatrixChart {
    fn tab(&self) -> ChartTab {
        ChartTab::Matrix
    }

    fn label(&self, lang: Language) -> &'static str {
        tr(lang, K::TabMatrix)
    }

    fn file_stem(&self) -> &'static str {
        "value-matrix"
    }

    fn image(&self) -> Option<ChartKind> {
        Some(ChartKind::Matrix)
    }

    fn derive(&mut self, cx: &ChartCx<'_>) {
        let shared = cx.shared;
        let doc = cx.page.doc;
        self.saved_quadrants.refresh(shared.saved_stamp, || {
            series::quadrant_counts(
                cx.customers,
                doc.segmentation(),
                &shared.scope,
                doc.scenario.settings.growth_threshold,
            )
        });
        self.matrix.refresh(shared.stamp, || {
            series::value_matrix(
                shared.fin(cx.customers),
                &shared.seg,
                &shared.scope,
                shared.settings.growth_threshold,
                MAX_MATRIX_POINTS,
            )
        });
    }

    fn ui(&mut self, ui: &mut egui::Ui, cx: &ChartCx<'_>, out: &mut Vec<Command>) {
        let (Some(m), Some(saved)) = (
            self.matrix.get(cx.shared.stamp),
            self.saved_quadrants.get(cx.shared.saved_stamp),
        ) else {
            return;
        };
        matrix_ui(ui, cx, m, *saved, out);
    }

    fn csv(&self, cx: &ChartCx<'_>) -> String {
        let shared = cx.shared;
        series::matrix_csv(
            cx.customers,
            shared.fin(cx.customers),
            &shared.seg,
            &shared.scope,
            shared.settings.growth_threshold,
        )
    }
}

/// Marker radius (points) of a size class.
fn radius(class: usize) -> f32 {
    3.5 + class as f32 * 2.6
}

fn matrix_ui(
    ui: &mut egui::Ui,
    cx: &ChartCx<'_>,
    m: &ValueMatrix,
    saved: [usize; 4],
    out: &mut Vec<Command>,
) {
    let lang = cx.lang;
    title_ui(ui, tr(lang, K::MatrixTitle));
    ui.horizontal_wrapped(|ui| {
        ui.weak(tr(lang, K::MatrixSize));
        if m.points.len() < m.total {
            ui.weak(trf(
                lang,
                K::MatrixThinned,
                &[("shown", &m.points.len()), ("total", &m.total)],
            ));
        }
    });

    let (lo, hi) = m.points.iter().fold((0.0_f64, 0.0_f64), |(lo, hi), p| {
        (lo.min(p.profit), hi.max(p.profit))
    });
    let pad = ((hi - lo) * 0.08).max(1.0);
    let (x0, x1) = (lo - pad, hi + pad);
    let threshold_y = f64::from(m.growth_threshold) - 0.5;
    let dark = cx.dark;
    let weak = ui.visuals().weak_text_color();
    let text_color = ui.visuals().strong_text_color();
    // A plate behind the quadrant names keeps them readable over points.
    let plate = ui.visuals().extreme_bg_color.gamma_multiply(0.8);

    // One series per tier and size class: egui_plot draws one radius per series.
    let mut series: Vec<(Tier, usize, Vec<[f64; 2]>)> = Vec::new();
    for tier in Tier::ALL {
        for class in 0..SIZE_CLASSES {
            series.push((tier, class, Vec::new()));
        }
    }
    for p in &m.points {
        let slot = p.tier as usize * SIZE_CLASSES + size_class(p.revenue, m.max_revenue);
        if let Some((_, _, points)) = series.get_mut(slot) {
            points.push([p.profit, p.growth_y]);
        }
    }
    let selected = cx
        .selected
        .and_then(|i| m.points.iter().find(|p| p.customer == i))
        .map(|p| (p.profit, p.growth_y, size_class(p.revenue, m.max_revenue)));
    let counts = m.counts;
    let saved = cx.shared.what_if_active.then_some(saved);
    let quadrant_text = |q: Quadrant| {
        let key = match q {
            Quadrant::Key => K::QuadKey,
            Quadrant::Develop => K::QuadDevelop,
            Quadrant::Maintain => K::QuadMaintain,
            Quadrant::Loss => K::QuadLoss,
        };
        let slot = Quadrant::ALL.iter().position(|x| *x == q);
        let n = slot.and_then(|i| counts.get(i)).copied().unwrap_or(0);
        // With a what-if, the saved count leads: "Key: invest (5 → 3)".
        let shown = match saved.and_then(|s| slot.and_then(|i| s.get(i).copied())) {
            Some(was) if was != n => format!("{was} → {n}"),
            _ => n.to_string(),
        };
        trf(lang, key, &[("n", &shown)])
    };

    let response = super::still_plot("value_matrix")
        .height(ui.available_height().max(180.0))
        .default_x_bounds(x0, x1)
        .default_y_bounds(0.35, 5.65)
        .x_axis_label(trf(lang, K::MatrixXAxis, &[("symbol", &cx.symbol)]))
        .y_axis_label(tr(lang, K::MatrixYAxis))
        .x_grid_spacer(|input| super::nice_marks(&input, 10.0))
        .x_axis_formatter(move |mark, _| axis_money(lang, mark.value))
        .y_axis_formatter(|mark, _| super::one_to_five(mark.value))
        .legend(
            Legend::default()
                .follow_insertion_order(true)
                .position(Corner::RightBottom),
        )
        .show(ui, |plot| {
            plot.vline(
                VLine::new("", 0.0)
                    .id("profit_zero")
                    .color(weak)
                    .style(LineStyle::dashed_loose())
                    .width(1.5),
            );
            plot.hline(
                HLine::new("", threshold_y)
                    .id("growth_threshold")
                    .color(weak)
                    .style(LineStyle::dashed_loose())
                    .width(1.5),
            );
            let corner = |q: Quadrant, x: f64, y: f64, anchor: Align2| {
                Text::new(
                    "",
                    PlotPoint::new(x, y),
                    RichText::new(quadrant_text(q))
                        .size(15.0)
                        .strong()
                        .background_color(plate),
                )
                .anchor(anchor)
                .color(text_color)
                .id(("quadrant", q as usize))
            };
            // The names sit on either side of the growth line, away from the corners where the
            // legend and the largest customers tend to be.
            let (left, right) = (x0 + pad * 0.15, x1 - pad * 0.15);
            let (above, below) = (threshold_y + 0.06, threshold_y - 0.06);
            plot.text(corner(Quadrant::Key, right, above, Align2::RIGHT_BOTTOM));
            plot.text(corner(Quadrant::Develop, left, above, Align2::LEFT_BOTTOM));
            plot.text(corner(Quadrant::Maintain, right, below, Align2::RIGHT_TOP));
            plot.text(corner(Quadrant::Loss, left, below, Align2::LEFT_TOP));
            for (tier, class, points) in series {
                if points.is_empty() {
                    continue;
                }
                plot.points(
                    Points::new(tier_name(lang, tier), points)
                        .id(("matrix", tier as usize, class))
                        .shape(MarkerShape::Circle)
                        .radius(radius(class))
                        .color(theme::tier_color(tier, dark).gamma_multiply(0.85))
                        .filled(true)
                        .allow_hover(false),
                );
            }
            if let Some((x, y, class)) = selected {
                plot.points(
                    Points::new("", vec![[x, y]])
                        .id("selected")
                        .shape(MarkerShape::Circle)
                        .radius(radius(class) + 4.0)
                        .filled(false)
                        .color(text_color)
                        .allow_hover(false),
                );
            }
        });

    if let Some(pos) = response.response.hover_pos() {
        let targets = m
            .points
            .iter()
            .map(|p| (PlotPoint::new(p.profit, p.growth_y), p.customer));
        if let Some(index) = super::nearest(targets, &response.transform, pos, 16.0) {
            response
                .response
                .clone()
                .on_hover_ui_at_pointer(|ui| cx.customer_tooltip(ui, index, &[]));
            if response.response.clicked() {
                out.push(Command::SelectCustomer(index));
            }
        }
    }
}
