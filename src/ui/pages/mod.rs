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
