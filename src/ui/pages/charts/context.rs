//! What every chart reads while drawing ([`ChartCx`]), and the drawing helpers the charts
//! share: money on axes, grid marks, titles, hit-testing.

use std::sync::Arc;

use egui::{Color32, Pos2, RichText};
use egui_plot::{PlotPoint, PlotTransform};

use super::K;
use super::shared::Shared;
use crate::i18n::{class_name, tier_name, tr, trf};
use crate::model::rfm::Transaction;
use crate::model::{Customer, Language, format_minor};
use crate::ui::pages::PageContext;
use crate::ui::theme;

/// What every chart reads while drawing.
pub(super) struct ChartCx<'a> {
    pub lang: Language,
    /// The page's context: the document (saved segmentation, revision) and today.
    pub page: &'a PageContext<'a>,
    /// The scenario's customers (names, logs).
    pub customers: &'a [Customer],
    /// The figures the charts share for this revision, what-if and filter.
    pub shared: &'a Shared,
    pub symbol: &'a str,
    pub dark: bool,
    /// The customer selected on the Customers page.
    pub selected: Option<usize>,
    /// The session's transaction log, for the campaign results (on the page only).
    pub log: Option<&'a Arc<Vec<Transaction>>>,
}

impl<'a> ChartCx<'a> {
    /// What the charts read with `shared`, in `ui`'s theme.
    pub fn new(
        ui: &egui::Ui,
        page: &'a PageContext<'a>,
        shared: &'a Shared,
        selected: Option<usize>,
    ) -> Self {
        Self {
            lang: page.lang,
            page,
            customers: &page.doc.scenario.customers,
            shared,
            symbol: &page.doc.scenario.settings.currency_symbol,
            dark: ui.visuals().dark_mode,
            selected,
            log: None,
        }
    }

    /// The customer's name, or its id when the name is blank.
    pub fn name(&self, index: usize) -> String {
        self.customers.get(index).map_or_else(String::new, |c| {
            if c.name.trim().is_empty() {
                c.id.clone()
            } else {
                c.name.clone()
            }
        })
    }

    /// An amount in minor units, whole major units with the currency symbol: "¥1,234,567".
    pub fn money(&self, minor: i128) -> String {
        whole_money(self.symbol, minor)
    }

    /// The standard tooltip of one customer, then `extra` lines.
    pub fn customer_tooltip(&self, ui: &mut egui::Ui, index: usize, extra: &[String]) {
        let lang = self.lang;
        let Some(c) = self.customers.get(index) else {
            return;
        };
        ui.strong(format!("{} ({})", self.name(index), c.id));
        if let Some(f) = self.shared.seg.figures.get(index) {
            ui.colored_label(
                theme::tier_color(f.tier, self.dark),
                trf(lang, K::TipTier, &[("tier", &tier_name(lang, f.tier))]),
            );
            ui.label(trf(lang, K::TipProfit, &[("value", &self.money(f.profit))]));
            let revenue = if self.shared.what_if_active {
                self.shared.key.what_if.adjusted_amounts(c).0
            } else {
                c.revenue
            };
            ui.label(trf(
                lang,
                K::TipRevenue,
                &[("value", &self.money(i128::from(revenue.0)))],
            ));
            ui.label(trf(lang, K::TipClass, &[("class", &class_name(f.class))]));
        }
        ui.label(trf(lang, K::TipGrowth, &[("growth", &c.growth_potential)]));
        for line in extra {
            ui.label(line);
        }
        ui.weak(tr(lang, K::ClickToSelect));
    }
}

/// An amount in minor units as whole major units with the symbol: "¥1,234,567", "-¥2,150".
/// Charts round to whole units; the tables and CSV keep the cents.
pub(super) fn whole_money(symbol: &str, minor: i128) -> String {
    // Round half away from zero to whole units before formatting.
    let whole_minor = (minor + minor.signum() * 50) / 100 * 100;
    let text = format_minor(whole_minor);
    let whole = text.split_once('.').map_or(text.as_str(), |(w, _)| w);
    match whole.strip_prefix('-') {
        Some(abs) => format!("-{symbol}{abs}"),
        None => format!("{symbol}{whole}"),
    }
}

/// Axis label for a 1–5 scale (growth potential, satisfaction): whole numbers only.
pub(super) fn one_to_five(value: f64) -> String {
    let v = value.round();
    if (value - v).abs() < 1e-6 && (1.0..=5.0).contains(&v) {
        format!("{v:.0}")
    } else {
        String::new()
    }
}

/// A chart title, large enough for a projector.
pub(super) fn title_ui(ui: &mut egui::Ui, text: &str) {
    ui.label(RichText::new(text).strong().size(17.0));
}

/// The index of the target nearest to `pointer` on screen, within `max_px`.
pub(super) fn nearest<T: Copy>(
    targets: impl IntoIterator<Item = (PlotPoint, T)>,
    transform: &PlotTransform,
    pointer: Pos2,
    max_px: f32,
) -> Option<T> {
    targets
        .into_iter()
        .map(|(p, t)| (transform.position_from_point(&p).distance(pointer), t))
        .filter(|(d, _)| *d <= max_px)
        .min_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, t)| t)
}

/// Money on an axis, short: "1.2M", "350k" in English, "120万", "1.2亿" in Chinese.
pub(super) fn axis_money(lang: Language, major: f64) -> String {
    let abs = major.abs();
    let sign = if major < 0.0 { "-" } else { "" };
    let trim = |v: f64| {
        let s = format!("{v:.1}");
        s.strip_suffix(".0").map_or(s.clone(), str::to_owned)
    };
    if lang == Language::English {
        if abs >= 1e6 {
            format!("{sign}{}M", trim(abs / 1e6))
        } else if abs >= 1e3 {
            format!("{sign}{}k", trim(abs / 1e3))
        } else {
            format!("{sign}{}", trim(abs))
        }
    } else {
        let (wan, yi) = if lang == Language::TraditionalChinese {
            ("萬", "億")
        } else {
            ("万", "亿")
        };
        if abs >= 1e8 {
            format!("{sign}{}{yi}", trim(abs / 1e8))
        } else if abs >= 1e4 {
            format!("{sign}{}{wan}", trim(abs / 1e4))
        } else {
            format!("{sign}{}", trim(abs))
        }
    }
}

/// Grid marks at a "nice" step (1, 2 or 5 × 10ⁿ) giving about `target` lines over the range,
/// so money axes get readable labels ("2M", "4M") instead of only the extremes.
pub(super) fn nice_marks(input: &egui_plot::GridInput, target: f64) -> Vec<egui_plot::GridMark> {
    let (lo, hi) = input.bounds;
    let span = hi - lo;
    if !span.is_finite() || span <= 0.0 {
        return Vec::new();
    }
    let raw = span / target.max(1.0);
    let magnitude = 10_f64.powf(raw.log10().floor());
    let step = [1.0, 2.0, 5.0, 10.0]
        .into_iter()
        .map(|m| m * magnitude)
        .find(|s| *s >= raw)
        .unwrap_or(10.0 * magnitude);
    let first = (lo / step).ceil() as i64;
    let last = (hi / step).floor() as i64;
    (first..=last)
        .map(|k| egui_plot::GridMark {
            value: k as f64 * step,
            step_size: step,
        })
        .collect()
}

/// Colour with the given opacity (0–255), for shaded regions.
pub(super) fn faded(color: Color32, alpha: u8) -> Color32 {
    Color32::from_rgba_unmultiplied(color.r(), color.g(), color.b(), alpha)
}

/// Charts drawn in several parts one above the other need this much height (points) to stay
/// readable; on a lower screen (a projector zoomed in) they get it, and the page scrolls.
const TALL_CHART_HEIGHT: f32 = 460.0;

/// Draws `add` with at least [`TALL_CHART_HEIGHT`] to lay out in, scrolling when the screen
/// is lower than that.
pub(super) fn tall_ui(ui: &mut egui::Ui, id: &str, add: impl FnOnce(&mut egui::Ui)) {
    if ui.available_height() >= TALL_CHART_HEIGHT {
        add(ui);
        return;
    }
    egui::ScrollArea::vertical()
        .id_salt(("tall_chart", id))
        .auto_shrink([false, false])
        .show(ui, |ui| {
            let size = egui::vec2(ui.available_width(), TALL_CHART_HEIGHT);
            ui.allocate_ui_with_layout(size, egui::Layout::top_down(egui::Align::Min), add);
        });
}
