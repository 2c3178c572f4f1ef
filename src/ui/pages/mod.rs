//! One module per page. Each view keeps only its own view state, draws from the document and
//! emits commands; none mutates the scenario itself.

mod charts;
mod compare;
mod customers;
pub(crate) mod dispute_wizard;
mod disputes;
mod planner;

use chrono::NaiveDate;

use super::commands::Command;
use super::document::Document;
use super::prefs::Page;
use crate::model::Language;
use crate::model::scene::Scene;

pub use charts::ChartsView;
pub(crate) use charts::encode_png;
pub use compare::{CompareSource, CompareView};
pub use customers::CustomersView;
pub use disputes::DisputesView;
pub use planner::PlannerView;

/// What every page reads while drawing.
pub struct PageContext<'a> {
    pub doc: &'a Document,
    pub lang: Language,
    /// Passed in, never read from the clock, so screenshots and tests are repeatable.
    pub today: NaiveDate,
}

/// The view state of every page, kept while the app runs (not saved).
#[derive(Default)]
pub struct Pages {
    pub customers: CustomersView,
    pub charts: ChartsView,
    pub planner: PlannerView,
    pub disputes: DisputesView,
}

impl Pages {
    /// Draws `page`.
    pub fn ui(&mut self, ui: &mut egui::Ui, page: Page, cx: &PageContext<'_>, out: &mut Vec<Command>) {
        match page {
            Page::Customers => self.customers.ui(ui, cx, out),
            Page::Charts => {
                let filter = self.customers.filter().clone();
                let log = self.customers.session_log().cloned();
                self.charts
                    .ui(ui, cx, &filter, self.customers.focused(), log.as_ref(), out);
            }
            Page::Planner => self.planner.ui(ui, cx, out),
            Page::Disputes => self.disputes.ui(ui, cx, out),
        }
    }

    /// The view shown on `page` as a scene, titled `title`, with no note.
    #[must_use]
    pub fn capture(&self, page: Page, doc: &Document, title: String) -> Scene {
        let (chart, chart_uses_filter) = self.charts.scene_view();
        let (dispute_view, dispute) = self.disputes.scene_view();
        Scene {
            title,
            note: String::new(),
            page,
            chart,
            chart_uses_filter,
            plan_view: self.planner.tab,
            dispute_view,
            dispute,
            wizard_step: doc.scenario.dispute_draft.as_ref().map(|d| d.step),
            customer: self
                .customers
                .focused()
                .and_then(|i| doc.scenario.customers.get(i))
                .map(|c| c.id.clone()),
            filter: self.customers.filter().clone(),
            what_if: self.charts.what_if(),
        }
    }

    /// Shows `scene` and returns its page. Parts that point at a customer or dispute the
    /// scenario no longer holds are skipped (nothing selected, no dispute opened).
    pub fn restore(&mut self, scene: &Scene, doc: &Document) -> Page {
        let scenario = &doc.scenario;
        self.customers.set_filter(scene.filter.clone());
        match scene
            .customer
            .as_ref()
            .and_then(|id| scenario.customers.iter().position(|c| &c.id == id))
        {
            Some(index) => self.customers.select(index),
            None => self.customers.clear_selection(),
        }
        self.charts.show_scene_view(scene.chart, scene.chart_uses_filter);
        self.charts.set_what_if(scene.what_if);
        self.planner.tab = scene.plan_view;
        let dispute = scene
            .dispute
            .clone()
            .filter(|id| scenario.disputes.iter().any(|d| &d.id == id));
        self.disputes.show_scene_view(scene.dispute_view, dispute);
        scene.page
    }

    /// Draws `page` for presenter mode: a chart alone on the Charts page and in the Planner's
    /// Gantt and KPI views, otherwise the page as it is.
    pub fn present_ui(
        &mut self,
        ui: &mut egui::Ui,
        page: Page,
        cx: &PageContext<'_>,
        out: &mut Vec<Command>,
    ) {
        match (page, self.planner.tab) {
            (Page::Charts, _) => {
                let filter = self.customers.filter().clone();
                self.charts
                    .present_ui(ui, cx, &filter, self.customers.focused(), out);
            }
            // The plan's charts alone, as in reports: no toolbars, no edit fields.
            (Page::Planner, planner::PlannerTab::Gantt) => planner::gantt_image_ui(ui, cx, out),
            (Page::Planner, planner::PlannerTab::Kpis) => planner::kpi_image_ui(ui, cx),
            _ => self.ui(ui, page, cx, out),
        }
    }

    /// Forgets view state that points into the old scenario (after New or Open).
    /// The table's chosen columns are a preference, not view state: they stay.
    pub fn reset(&mut self) {
        let columns = self.customers.columns().map(<[_]>::to_vec);
        *self = Self::default();
        self.customers.set_columns(columns);
    }
}

/// Draws one chart alone, with the page's own drawing code: the chart as an image (reports,
/// `scm-crm-studio chart`). What it emits is dropped: an image changes nothing.
pub(crate) fn chart_image_ui(ui: &mut egui::Ui, chart: crate::report::ChartKind, cx: &PageContext<'_>) {
    use crate::report::ChartKind;
    let mut out = Vec::new();
    match chart {
        ChartKind::Gantt => planner::gantt_image_ui(ui, cx, &mut out),
        ChartKind::Kpi => planner::kpi_image_ui(ui, cx),
        other => charts::image_ui(ui, other, cx, &mut out),
    }
}

/// A page heading with a short explanation under it.
/// On a low screen (a projector zoomed in) the explanation takes one line, cut short; hovering it
/// shows the whole text.
pub fn heading(ui: &mut egui::Ui, title: &str, intro: &str) {
    ui.heading(title);
    if super::layout::is_short(ui.ctx()) {
        ui.add(egui::Label::new(intro).truncate());
        ui.add_space(2.0);
    } else {
        ui.label(intro);
        ui.add_space(6.0);
    }
}

/// A chart that stays put, for the projector: no drag, zoom, scroll, box zoom or reset, and no
/// coordinate read-out (the hover tooltips name the customer instead).
///
/// Tick labels reach full contrast as soon as they have room (`egui_plot` fades them in over a
/// wide band, which left them grey and faint at 100 % zoom).
pub(crate) fn still_plot<'a>(id: impl egui::AsIdSalt) -> egui_plot::Plot<'a> {
    use egui_plot::AxisHints;
    egui_plot::Plot::new(id)
        .custom_x_axes(vec![AxisHints::new_x().label_spacing(56.0..=60.0)])
        .custom_y_axes(vec![AxisHints::new_y().label_spacing(20.0..=22.0)])
        .allow_drag(false)
        .allow_zoom(false)
        .allow_scroll(false)
        .allow_boxed_zoom(false)
        .allow_double_click_reset(false)
        .show_x(false)
        .show_y(false)
}
