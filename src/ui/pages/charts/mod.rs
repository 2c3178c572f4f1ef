//! The Charts page: whale curve, value matrix, delivered value, tier and ABC breakdown and
//! co-creation trends, with a what-if panel beside them.
//!
//! The series come from `model::charts` and are rebuilt only when the scenario, the what-if
//! or the applied filter changes (never per frame); each chart module only draws them.

mod campaign_results;
mod cocreation;
mod delivered;
mod export;
mod groups;
mod matrix;
mod segments;
mod summary;
mod whale;
mod whatif;

use egui::{Color32, Pos2, RichText};
use egui_plot::{PlotPoint, PlotTransform};

use super::{PageContext, still_plot};
use crate::i18n::charts::ChartKey as K;
use crate::i18n::segments::SegmentKey as S;
use crate::i18n::{Key, class_name, tier_name, tr, trf};
use crate::model::charts::{self as series, Breakdown, CountDeltas, WhatIf};
use crate::model::customer_table::{self, Filter, Sort};
use crate::model::rfm::Transaction;
use crate::model::rfm_segments;
use crate::model::{Customer, Language, Segmentation, Settings, format_minor};
use crate::report::ChartKind;

use crate::ui::commands::{Command, ExportFile};
use crate::ui::theme;
pub(crate) use export::encode_png;
use std::cell::{Cell, OnceCell};
use std::sync::Arc;

/// Bars drawn at most on the whale chart; more customers are bucketed by rank.
const MAX_WHALE_BARS: usize = 400;
/// Points drawn at most on the whale line; more ranks are decimated (peak kept).
const MAX_WHALE_POINTS: usize = 1_500;
/// Points drawn at most on the value matrix; more are thinned to one per grid cell.
const MAX_MATRIX_POINTS: usize = 3_000;

/// The charts, one shown at a time so each gets the whole page on a projector: the enum a
/// lesson scene names.
use crate::model::scene::ChartView as ChartTab;

impl ChartTab {
    const ALL: [Self; 7] = [
        Self::Whale,
        Self::Matrix,
        Self::Delivered,
        Self::Summary,
        Self::Cocreation,
        Self::Segments,
        Self::Groups,
    ];

    fn label(self, lang: Language) -> &'static str {
        match self {
            Self::Whale => tr(lang, K::TabWhale),
            Self::Matrix => tr(lang, K::TabMatrix),
            Self::Delivered => tr(lang, K::TabDelivered),
            Self::Summary => tr(lang, K::TabSummary),
            Self::Cocreation => tr(lang, K::TabCocreation),
            Self::Segments => tr(lang, S::TabSegments),
            Self::Groups => tr(lang, S::TabGroups),
        }
    }

    /// The tab that draws `chart`, if the Charts page draws it.
    fn of(chart: ChartKind) -> Option<Self> {
        Some(match chart {
            ChartKind::Whale => Self::Whale,
            ChartKind::Matrix => Self::Matrix,
            ChartKind::Delivered => Self::Delivered,
            ChartKind::Tiers => Self::Summary,
            ChartKind::Cocreation => Self::Cocreation,
            ChartKind::Gantt | ChartKind::Kpi => return None,
        })
    }

    fn file_stem(self) -> &'static str {
        match self {
            Self::Whale => "whale-curve",
            Self::Matrix => "value-matrix",
            Self::Delivered => "delivered-value",
            Self::Summary => "tiers-and-abc",
            Self::Cocreation => "co-creation",
            Self::Segments => "segment-map",
            Self::Groups => "groups",
        }
    }
}

/// What the derived series were built from.
#[derive(Clone, Debug, PartialEq)]
struct DeriveKey {
    revision: u64,
    what_if: WhatIf,
    filter: Option<Filter>,
}

/// Every series the page draws, for one scenario revision, what-if and filter.
pub(super) struct Derived {
    key: DeriveKey,
    /// The customers with the what-if's amounts, made when a chart first needs them (never
    /// when the what-if changes nothing: the scenario's own customers are used).
    adjusted: OnceCell<Vec<Customer>>,
    /// The previous step's copies, to refresh rather than allocate when `adjusted` is made.
    spare_copies: Cell<Option<Vec<Customer>>>,
    /// Settings with the what-if's thresholds.
    settings: Settings,
    seg: Segmentation,
    /// Indices of the customers the charts cover.
    scope: Vec<usize>,
    whale: series::WhaleCurve,
    whale_bars: Vec<series::WhaleBar>,
    whale_line: Vec<[f64; 2]>,
    /// The delivered-value rows with the saved tiers; [`Self::delivered`] gives them with the
    /// what-if's tiers.
    delivered_saved: Vec<series::DeliveredRow>,
    delivered: OnceCell<Vec<series::DeliveredRow>>,
    /// The series of the other tabs, built when their tab (or its CSV) first asks: a slider
    /// step then re-derives only what the chart on screen draws.
    matrix: OnceCell<series::ValueMatrix>,
    breakdown: OnceCell<Breakdown>,
    segment_map: OnceCell<rfm_segments::SegmentMap>,
    cross_table: OnceCell<[[rfm_segments::CellTotals; 3]; 11]>,
    deltas: CountDeltas,
    profit_saved: i128,
    profit_now: i128,
    satisfaction: Vec<series::MonthValue>,
    interactions: Vec<series::MonthValue>,
    campaigns: Vec<series::CampaignResponse>,
    /// Customers with experience logs, most entries first, for the satisfaction chooser;
    /// capped so the list stays usable (and cheap) at 100,000 customers.
    with_experiences: Vec<usize>,
    /// True when the what-if changes anything; the charts then show the saved figures beside.
    what_if_active: bool,
    /// The saved scenario's whale peak and quadrant counts, for the deltas.
    saved_peak: Option<series::WhalePeak>,
    saved_quadrants: [usize; 4],
}

/// Customers offered in the satisfaction chooser at most.
const MAX_CHOOSER: usize = 300;

impl Derived {
    /// Builds the series for `key`. What does not depend on the what-if (the scope, the order
    /// of the delivered-value rows, the co-creation aggregates) is taken from `previous` when it
    /// was built for the same revision and filter, so a slider drag skips that work.
    fn build(key: DeriveKey, cx: &PageContext<'_>, previous: Option<Self>) -> Self {
        let doc = cx.doc;
        let saved = &doc.scenario.settings;
        let customers = &doc.scenario.customers;
        let neutral = key.what_if.is_neutral(saved);
        let settings = key.what_if.settings(saved);
        let mut previous = previous.filter(|p| p.key.revision == key.revision);
        // Same scenario: the previous step's copies, if a chart needed them, are refreshed
        // instead of made again when a chart needs them now.
        let spare_copies = previous
            .as_mut()
            .and_then(|p| p.adjusted.take().or_else(|| p.spare_copies.take()));
        let seg = if neutral {
            doc.segmentation().clone()
        } else {
            // Read from the customers themselves: no copies for the what-if's figures.
            key.what_if
                .segmentation(customers, saved, previous.as_ref().map(|p| &p.seg))
        };
        let stable = match previous {
            Some(p) if p.key.filter == key.filter => Stable {
                scope: p.scope,
                delivered: p.delivered_saved,
                saved_counts: (p.deltas.tiers_saved, p.deltas.classes_saved),
                satisfaction: p.satisfaction,
                interactions: p.interactions,
                campaigns: p.campaigns,
                with_experiences: p.with_experiences,
                saved_peak: p.saved_peak,
                saved_quadrants: p.saved_quadrants,
            },
            _ => Stable::build(cx, key.filter.as_ref()),
        };
        let Stable {
            scope,
            delivered,
            saved_counts,
            satisfaction,
            interactions,
            campaigns,
            with_experiences,
            saved_peak,
            saved_quadrants,
        } = stable;
        // Benefit and cost do not change with the what-if; the tiers may.
        // The whale curve reads only ids from the customers, which the what-if leaves alone.
        let whale = series::whale_curve(customers, &seg, &scope);
        let whale_bars = series::whale_bars(&whale, &seg, MAX_WHALE_BARS);
        let whale_line = whale.line_points(MAX_WHALE_POINTS);
        let saved_seg = doc.segmentation();
        Self {
            with_experiences,
            what_if_active: !neutral,
            saved_peak,
            saved_quadrants,
            // The saved counts do not change with the what-if: counted once per revision.
            deltas: CountDeltas {
                tiers_saved: saved_counts.0,
                tiers_now: seg.tier_counts(),
                classes_saved: saved_counts.1,
                classes_now: seg.class_counts(),
            },
            profit_saved: saved_seg.profit_total,
            profit_now: seg.profit_total,
            satisfaction,
            interactions,
            campaigns,
            key,
            adjusted: OnceCell::new(),
            spare_copies: Cell::new(spare_copies),
            settings,
            seg,
            scope,
            whale,
            whale_bars,
            whale_line,
            delivered_saved: delivered,
            delivered: OnceCell::new(),
            matrix: OnceCell::new(),
            breakdown: OnceCell::new(),
            segment_map: OnceCell::new(),
            cross_table: OnceCell::new(),
        }
    }

    /// The customers with the what-if's amounts: the copies, or `customers` (the scenario's
    /// own) when the what-if changes nothing.
    fn fin<'a>(&'a self, customers: &'a [Customer]) -> &'a [Customer] {
        if !self.what_if_active {
            return customers;
        }
        self.adjusted.get_or_init(|| match self.spare_copies.take() {
            Some(mut copies) if copies.len() == customers.len() => {
                self.key.what_if.refresh_copies(&mut copies, customers);
                copies
            }
            _ => self.key.what_if.financial_copies(customers),
        })
    }

    /// The delivered-value rows, with the what-if's tiers (benefit and cost do not change
    /// with the what-if; the tiers may).
    fn delivered(&self) -> &[series::DeliveredRow] {
        self.delivered.get_or_init(|| {
            let mut rows = self.delivered_saved.clone();
            for row in &mut rows {
                row.tier = self.seg.figures.get(row.customer).map_or(row.tier, |f| f.tier);
            }
            rows
        })
    }

    /// The value matrix; `customers` are the scenario's.
    fn matrix(&self, customers: &[Customer]) -> &series::ValueMatrix {
        self.matrix.get_or_init(|| {
            series::value_matrix(
                self.fin(customers),
                &self.seg,
                &self.scope,
                self.settings.growth_threshold,
                MAX_MATRIX_POINTS,
            )
        })
    }

    /// Count, revenue and profit per tier and class; `customers` are the scenario's.
    fn breakdown(&self, customers: &[Customer]) -> &Breakdown {
        self.breakdown
            .get_or_init(|| series::breakdown(self.fin(customers), &self.seg, &self.scope))
    }

    /// The RFM segment map; `customers` are the scenario's.
    fn segment_map(&self, customers: &[Customer]) -> &rfm_segments::SegmentMap {
        self.segment_map
            .get_or_init(|| rfm_segments::segment_map(self.fin(customers), &self.seg, &self.scope))
    }

    /// Segment × tier; `customers` are the scenario's.
    fn cross_table(&self, customers: &[Customer]) -> &[[rfm_segments::CellTotals; 3]; 11] {
        self.cross_table
            .get_or_init(|| rfm_segments::cross_table(self.fin(customers), &self.seg, &self.scope))
    }
}

/// The series that depend only on the scenario and the filter, not on the what-if.
struct Stable {
    scope: Vec<usize>,
    delivered: Vec<series::DeliveredRow>,
    /// The saved scenario's customers per tier and per class.
    saved_counts: ([usize; 3], [usize; 3]),
    satisfaction: Vec<series::MonthValue>,
    interactions: Vec<series::MonthValue>,
    campaigns: Vec<series::CampaignResponse>,
    with_experiences: Vec<usize>,
    saved_peak: Option<series::WhalePeak>,
    saved_quadrants: [usize; 4],
}

impl Stable {
    fn build(cx: &PageContext<'_>, filter: Option<&Filter>) -> Self {
        let doc = cx.doc;
        let customers = &doc.scenario.customers;
        // The table's filter is judged by the table's own (saved) figures, so the charts show
        // exactly the rows the table lists.
        let scope = match filter {
            Some(filter) => customer_table::rows(customers, doc.segmentation(), filter, Sort::default()),
            None => (0..customers.len()).collect(),
        };
        let mut with_experiences: Vec<(usize, usize)> = scope
            .iter()
            .filter_map(|&i| customers.get(i).map(|c| (i, c.experiences.len())))
            .filter(|(_, n)| *n > 0)
            .collect();
        with_experiences.sort_by_key(|&(i, n)| (std::cmp::Reverse(n), i));
        with_experiences.truncate(MAX_CHOOSER);
        let saved_seg = doc.segmentation();
        Self {
            saved_peak: series::whale_curve(customers, saved_seg, &scope).peak,
            saved_quadrants: series::quadrant_counts(
                customers,
                saved_seg,
                &scope,
                doc.scenario.settings.growth_threshold,
            ),
            delivered: series::delivered_rows(customers, doc.segmentation(), &scope),
            saved_counts: (saved_seg.tier_counts(), saved_seg.class_counts()),
            satisfaction: series::satisfaction_by_month(customers, &scope),
            interactions: series::interactions_by_month(customers, &scope),
            campaigns: series::response_by_campaign(customers, &scope),
            with_experiences: with_experiences.into_iter().map(|(i, _)| i).collect(),
            scope,
        }
    }
}

/// What every chart reads while drawing.
pub(super) struct ChartCx<'a> {
    lang: Language,
    /// The scenario's customers (names, logs).
    customers: &'a [Customer],
    d: &'a Derived,
    symbol: &'a str,
    dark: bool,
    /// The customer selected on the Customers page.
    selected: Option<usize>,
}

impl<'a> ChartCx<'a> {
    /// What the charts of `d` read, in `ui`'s theme.
    fn new(ui: &egui::Ui, cx: &'a PageContext<'_>, d: &'a Derived, selected: Option<usize>) -> Self {
        Self {
            lang: cx.lang,
            customers: &cx.doc.scenario.customers,
            d,
            symbol: &cx.doc.scenario.settings.currency_symbol,
            dark: ui.visuals().dark_mode,
            selected,
        }
    }

    fn name(&self, index: usize) -> String {
        self.customers.get(index).map_or_else(String::new, |c| {
            if c.name.trim().is_empty() {
                c.id.clone()
            } else {
                c.name.clone()
            }
        })
    }

    /// An amount in minor units, whole major units with the currency symbol: "¥1,234,567".
    fn money(&self, minor: i128) -> String {
        whole_money(self.symbol, minor)
    }

    /// The standard tooltip of one customer, then `extra` lines.
    fn customer_tooltip(&self, ui: &mut egui::Ui, index: usize, extra: &[String]) {
        let lang = self.lang;
        let Some(c) = self.customers.get(index) else {
            return;
        };
        ui.strong(format!("{} ({})", self.name(index), c.id));
        if let Some(f) = self.d.seg.figures.get(index) {
            ui.colored_label(
                theme::tier_color(f.tier, self.dark),
                trf(lang, K::TipTier, &[("tier", &tier_name(lang, f.tier))]),
            );
            ui.label(trf(lang, K::TipProfit, &[("value", &self.money(f.profit))]));
            let revenue = if self.d.what_if_active {
                self.d.key.what_if.adjusted_amounts(c).0
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
fn whole_money(symbol: &str, minor: i128) -> String {
    // Round half away from zero to whole units before formatting.
    let whole_minor = (minor + minor.signum() * 50) / 100 * 100;
    let text = format_minor(whole_minor);
    let whole = text.split_once('.').map_or(text.as_str(), |(w, _)| w);
    match whole.strip_prefix('-') {
        Some(abs) => format!("-{symbol}{abs}"),
        None => format!("{symbol}{whole}"),
    }
}

/// A chart title, large enough for a projector.
/// Axis label for a 1–5 scale (growth potential, satisfaction): whole numbers only.
fn one_to_five(value: f64) -> String {
    let v = value.round();
    if (value - v).abs() < 1e-6 && (1.0..=5.0).contains(&v) {
        format!("{v:.0}")
    } else {
        String::new()
    }
}

fn title_ui(ui: &mut egui::Ui, text: &str) {
    ui.label(RichText::new(text).strong().size(17.0));
}

/// The index of the target nearest to `pointer` on screen, within `max_px`.
fn nearest<T: Copy>(
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
fn axis_money(lang: Language, major: f64) -> String {
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
fn nice_marks(input: &egui_plot::GridInput, target: f64) -> Vec<egui_plot::GridMark> {
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
fn faded(color: Color32, alpha: u8) -> Color32 {
    Color32::from_rgba_unmultiplied(color.r(), color.g(), color.b(), alpha)
}

/// Draws the chart of `tab`: the one drawing code for the page and for images.
fn draw(
    ui: &mut egui::Ui,
    tab: ChartTab,
    ccx: &ChartCx<'_>,
    chosen: &mut Option<usize>,
    out: &mut Vec<Command>,
) {
    match tab {
        ChartTab::Whale => whale::ui(ui, ccx, out),
        ChartTab::Matrix => matrix::ui(ui, ccx, out),
        ChartTab::Delivered => delivered::ui(ui, ccx, out),
        ChartTab::Summary => summary::ui(ui, ccx),
        ChartTab::Cocreation => cocreation::ui(ui, ccx, chosen, out),
        ChartTab::Segments => segments::ui(ui, ccx, out),
        // Groups are found on request in the page; there is no image of them.
        ChartTab::Groups => {}
    }
}

/// Draws `chart` alone, as the page draws it with no what-if, no filter and nothing selected:
/// the chart as an image (reports, `scm-crm-studio chart`).
pub fn image_ui(ui: &mut egui::Ui, chart: ChartKind, cx: &PageContext<'_>, out: &mut Vec<Command>) {
    let Some(tab) = ChartTab::of(chart) else {
        return;
    };
    let key = DeriveKey {
        revision: cx.doc.revision(),
        what_if: WhatIf::default(),
        filter: None,
    };
    let d = Derived::build(key, cx, None);
    if d.scope.is_empty() {
        ui.label(tr(cx.lang, K::NoCustomers));
        return;
    }
    let ccx = ChartCx::new(ui, cx, &d, None);
    draw(ui, tab, &ccx, &mut None, out);
}

/// The segment map as CSV: one line per cell, every number.
fn segment_map_csv(map: &rfm_segments::SegmentMap) -> String {
    let mut out = series::csv_line(&["r", "fm", "segment", "customers", "revenue", "profit"]);
    for r in (1..=5_u8).rev() {
        for fm in 1..=5_u8 {
            let cell = map.cell(r, fm);
            let segment = rfm_segments::RfmSegment::of_cell(r, fm).map_or("", |s| s.key());
            out.push_str(&series::csv_line(&[
                r.to_string(),
                fm.to_string(),
                segment.to_owned(),
                cell.customers.to_string(),
                series::csv_money(cell.revenue),
                series::csv_money(cell.profit),
            ]));
        }
    }
    out
}

/// View state of the page.
#[derive(Default)]
pub struct ChartsView {
    tab: ChartTab,
    /// Draw only the customers the Customers table's filter keeps.
    use_filter: bool,
    what_if: WhatIf,
    derived: Option<Derived>,
    /// Whose satisfaction the co-creation chart draws beside the average.
    chosen: Option<usize>,
    /// The screen area of the chart shown last frame, for "Save PNG…".
    chart_rect: Option<egui::Rect>,
    shot: Option<export::PendingShot>,
    /// Rows copied by the last "Copy data as CSV", shown beside the button.
    copied: Option<usize>,
    groups: groups::GroupsView,
    results: campaign_results::ResultsView,
    /// The Co-creation tab shows the campaign results instead of the trends.
    show_results: bool,
    /// The user showed or hid the what-if sliders; `None`: shown unless the screen is narrow.
    what_if_shown: Option<bool>,
}

/// Charts drawn in several parts one above the other need this much height (points) to stay
/// readable; on a lower screen (a projector zoomed in) they get it, and the page scrolls.
const TALL_CHART_HEIGHT: f32 = 460.0;

/// Draws `add` with at least [`TALL_CHART_HEIGHT`] to lay out in, scrolling when the screen
/// is lower than that.
fn tall_ui(ui: &mut egui::Ui, id: &str, add: impl FnOnce(&mut egui::Ui)) {
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

impl ChartsView {
    /// The what-if being tried (neutral when none).
    #[must_use]
    pub fn what_if(&self) -> WhatIf {
        self.what_if
    }

    /// Tries `what_if` (a scene's, or a step of its animation).
    pub fn set_what_if(&mut self, what_if: WhatIf) {
        self.what_if = what_if;
    }

    /// The tab shown and whether the charts apply the table's filter, as a scene keeps them.
    #[must_use]
    pub fn scene_view(&self) -> (ChartTab, bool) {
        (self.tab, self.use_filter)
    }

    /// Shows a scene's tab, with or without the table's filter.
    pub fn show_scene_view(&mut self, view: ChartTab, use_filter: bool) {
        self.tab = view;
        self.use_filter = use_filter;
        self.copied = None;
    }

    /// The shown chart alone, filling `ui`, for presenter mode: no what-if panel and no
    /// toolbar, but the what-if, filter and selection still apply.
    pub fn present_ui(
        &mut self,
        ui: &mut egui::Ui,
        cx: &PageContext<'_>,
        filter: &Filter,
        selected: Option<usize>,
        out: &mut Vec<Command>,
    ) {
        let lang = cx.lang;
        let d = self.take_derived(cx, filter);
        if d.scope.is_empty() {
            ui.label(tr(lang, K::NoCustomers));
        } else {
            let ccx = ChartCx::new(ui, cx, &d, selected);
            if d.what_if_active {
                whatif::summary_ui(ui, &ccx, &self.what_if);
            }
            match self.tab {
                ChartTab::Groups => self.groups.ui(ui, &ccx, cx, out),
                tab => draw(ui, tab, &ccx, &mut self.chosen, out),
            }
        }
        self.derived = Some(d);
    }

    pub fn ui(
        &mut self,
        ui: &mut egui::Ui,
        cx: &PageContext<'_>,
        filter: &Filter,
        selected: Option<usize>,
        log: Option<&Arc<Vec<Transaction>>>,
        out: &mut Vec<Command>,
    ) {
        let lang = cx.lang;
        self.finish_screenshot(out);
        super::heading(ui, tr(lang, Key::PageCharts), tr(lang, K::Intro));

        let d = self.take_derived(cx, filter);

        // On a narrow screen (a projector zoomed in) the sliders start folded away, so the
        // chart has the room; the toolbar's toggle shows them.
        let touring = crate::ui::tour::is_showing(ui.ctx(), crate::ui::tour::TourTarget::WhatIf);
        if self.what_if_shown(ui.ctx()) || touring {
            let what_if = egui::Panel::right("charts_what_if")
                .resizable(false)
                .exact_size(if crate::ui::layout::is_narrow(ui.ctx()) {
                    250.0
                } else {
                    300.0
                })
                .show(ui, |ui| {
                    egui::ScrollArea::vertical().show(ui, |ui| {
                        whatif::panel_ui(ui, cx, &d, &mut self.what_if, out);
                    });
                });
            crate::ui::tour::mark(
                ui.ctx(),
                crate::ui::tour::TourTarget::WhatIf,
                what_if.response.rect,
            );
        }

        self.toolbar_ui(ui, cx, &d);
        if !self.what_if.is_neutral(&cx.doc.scenario.settings) {
            ui.colored_label(
                theme::warning_color(ui.visuals().dark_mode),
                tr(lang, K::WiActive),
            );
        }
        ui.separator();

        let ccx = ChartCx::new(ui, cx, &d, selected);
        let area = ui
            .scope(|ui| {
                if d.scope.is_empty() {
                    ui.label(tr(lang, K::NoCustomers));
                    return;
                }
                match self.tab {
                    ChartTab::Whale => tall_ui(ui, "whale", |ui| whale::ui(ui, &ccx, out)),
                    ChartTab::Matrix => matrix::ui(ui, &ccx, out),
                    ChartTab::Delivered => delivered::ui(ui, &ccx, out),
                    ChartTab::Summary => summary::ui(ui, &ccx),
                    ChartTab::Cocreation => tall_ui(ui, "cocreation", |ui| {
                        ui.horizontal(|ui| {
                            ui.selectable_value(&mut self.show_results, false, tr(lang, S::Trends));
                            ui.selectable_value(&mut self.show_results, true, tr(lang, S::ResultsTitle));
                        });
                        if self.show_results {
                            self.results.ui(ui, &ccx, cx, log);
                        } else {
                            cocreation::ui(ui, &ccx, &mut self.chosen, out);
                        }
                    }),
                    ChartTab::Segments => segments::ui(ui, &ccx, out),
                    ChartTab::Groups => tall_ui(ui, "groups", |ui| self.groups.ui(ui, &ccx, cx, out)),
                }
            })
            .response
            .rect;
        self.chart_rect = Some(area);
        self.derived = Some(d);
    }

    /// The figures for this frame: last frame's when nothing they depend on changed.
    fn take_derived(&mut self, cx: &PageContext<'_>, filter: &Filter) -> Derived {
        let key = DeriveKey {
            revision: cx.doc.revision(),
            what_if: self.what_if,
            filter: self.use_filter.then(|| filter.clone()),
        };
        match self.derived.take() {
            Some(d) if d.key == key => d,
            previous => Derived::build(key, cx, previous),
        }
    }

    /// Whether the what-if sliders show: as the user chose, else unless the screen is narrow.
    fn what_if_shown(&self, ctx: &egui::Context) -> bool {
        self.what_if_shown
            .unwrap_or_else(|| !crate::ui::layout::is_narrow(ctx))
    }

    fn toolbar_ui(&mut self, ui: &mut egui::Ui, cx: &PageContext<'_>, d: &Derived) {
        let lang = cx.lang;
        ui.horizontal_wrapped(|ui| {
            for tab in ChartTab::ALL {
                if ui.selectable_label(self.tab == tab, tab.label(lang)).clicked() {
                    self.tab = tab;
                    self.copied = None;
                }
            }
            ui.separator();
            let mut shown = self.what_if_shown(ui.ctx());
            if ui
                .toggle_value(&mut shown, tr(lang, K::WhatIfToggle))
                .on_hover_text(tr(lang, K::WhatIfToggleHint))
                .changed()
            {
                self.what_if_shown = Some(shown);
            }
            ui.separator();
            ui.checkbox(&mut self.use_filter, tr(lang, K::UseFilter))
                .on_hover_text(tr(lang, K::UseFilterHint));
            ui.weak(trf(
                lang,
                K::Scope,
                &[
                    ("shown", &d.scope.len()),
                    ("total", &cx.doc.scenario.customers.len()),
                ],
            ));
            ui.separator();
            let png = ui
                .button(tr(lang, K::SavePng))
                .on_hover_text(tr(lang, K::SavePngHint));
            if png.clicked()
                && let Some(rect) = self.chart_rect
            {
                self.shot = Some(export::PendingShot::request(
                    ui.ctx(),
                    rect,
                    format!("{}.png", self.tab.file_stem()),
                ));
            }
            if ui
                .button(tr(lang, K::CopyCsv))
                .on_hover_text(tr(lang, K::CopyCsvHint))
                .clicked()
            {
                let csv = self.csv(cx, d);
                self.copied = Some(csv.lines().filter(|l| !l.is_empty()).count().saturating_sub(1));
                ui.ctx().copy_text(csv);
            }
            if let Some(n) = self.copied {
                ui.weak(trf(lang, K::Copied, &[("n", &n)]));
            }
        });
    }

    /// The shown chart's data as CSV (every customer in scope, never decimated).
    fn csv(&self, cx: &PageContext<'_>, d: &Derived) -> String {
        let customers = &cx.doc.scenario.customers;
        match self.tab {
            ChartTab::Whale => series::whale_csv(&d.whale, customers, &d.seg),
            ChartTab::Matrix => series::matrix_csv(
                customers,
                d.fin(customers),
                &d.seg,
                &d.scope,
                d.settings.growth_threshold,
            ),
            ChartTab::Delivered => series::delivered_csv(d.delivered(), customers),
            ChartTab::Summary => series::breakdown_csv(d.breakdown(customers)),
            ChartTab::Cocreation => series::cocreation_csv(&d.satisfaction, &d.interactions, &d.campaigns),
            ChartTab::Segments => segment_map_csv(d.segment_map(customers)),
            ChartTab::Groups => String::new(),
        }
    }

    /// Turns a finished screenshot into a PNG export.
    fn finish_screenshot(&mut self, out: &mut Vec<Command>) {
        let Some(shot) = &self.shot else {
            return;
        };
        let Some(image) = shot.take() else {
            return;
        };
        if let Some(bytes) = export::encode_png(&export::crop(&image, shot.rect, shot.pixels_per_point)) {
            out.push(Command::Export(ExportFile {
                file_name: shot.file_name.clone(),
                bytes,
            }));
        }
        self.shot = None;
    }
}
