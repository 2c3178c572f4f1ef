//! The Charts page: whale curve, value matrix, delivered value, tier and ABC breakdown,
//! co-creation trends, the RFM segment map and groups, with a what-if panel beside them.
//!
//! Each chart is one file behind the [`Chart`] trait: it owns its series, derives them from
//! the [`Shared`] figures when it is shown (never per frame: only when the scenario, the
//! what-if or the applied filter changed), draws them and gives them as CSV. The tab bar,
//! "Copy data as CSV", PNG file names, presenter mode and report images all go through
//! [`registry`], so adding a chart is adding its file and one line there.

mod campaign_results;
mod cocreation;
mod context;
mod delivered;
mod export;
mod groups;
mod matrix;
mod segments;
mod shared;
mod summary;
#[cfg(test)]
mod tests;
mod whale;
mod whatif;

use super::{PageContext, still_plot};
use crate::i18n::charts::ChartKey as K;
use crate::i18n::{Key, tr, trf};
use crate::model::Language;
use crate::model::charts::WhatIf;
use crate::model::customer_table::Filter;
use crate::model::rfm::Transaction;
use crate::report::ChartKind;

use crate::ui::commands::{Command, ExportFile};
use crate::ui::theme;
use context::{ChartCx, axis_money, faded, nearest, nice_marks, one_to_five, tall_ui, title_ui, whole_money};
pub(crate) use export::encode_png;
use shared::{DeriveKey, Shared};
use std::sync::Arc;

/// The charts, one shown at a time so each gets the whole page on a projector: the enum a
/// lesson scene names.
use crate::model::scene::ChartView as ChartTab;

/// One chart of the page.
///
/// A chart keeps its own series (and any view state, such as a chosen customer), derived
/// from [`Shared`] in [`Chart::derive`]; the page calls that only for the chart on screen,
/// so a what-if slider step re-derives that chart alone.
trait Chart {
    /// The tab that shows it, as a lesson scene names it.
    fn tab(&self) -> ChartTab;

    /// The tab's label.
    fn label(&self, lang: Language) -> &'static str;

    /// The name of its "Save PNG…" file, without the extension.
    fn file_stem(&self) -> &'static str;

    /// The report image it draws, if reports and `scm-crm-studio chart` show it.
    fn image(&self) -> Option<ChartKind>;

    /// Brings its series up to date with `cx.shared`: nothing to do when they already are.
    fn derive(&mut self, cx: &ChartCx<'_>);

    /// Draws the chart alone, as presenter mode and images show it. [`Chart::derive`] came
    /// first.
    fn ui(&mut self, ui: &mut egui::Ui, cx: &ChartCx<'_>, out: &mut Vec<Command>);

    /// Draws the chart on the page, with its own controls; by default as [`Chart::ui`].
    fn page_ui(&mut self, ui: &mut egui::Ui, cx: &ChartCx<'_>, out: &mut Vec<Command>) {
        self.ui(ui, cx, out);
    }

    /// Its data as CSV, every customer in scope (never decimated), each line written by
    /// [`crate::model::csv_text::csv_line`], which neutralises formulas. [`Chart::derive`] came
    /// first.
    fn csv(&self, cx: &ChartCx<'_>) -> String;
}

/// Every chart, in the tab bar's order.
fn registry() -> Vec<Box<dyn Chart>> {
    vec![
        Box::new(whale::WhaleChart::default()),
        Box::new(matrix::MatrixChart::default()),
        Box::new(delivered::DeliveredChart::default()),
        Box::new(summary::SummaryChart::default()),
        Box::new(cocreation::CocreationChart::default()),
        Box::new(segments::SegmentsChart::default()),
        Box::new(groups::GroupsChart::default()),
    ]
}

/// Draws `chart` alone, as the page draws it with no what-if, no filter and nothing selected:
/// the chart as an image (reports, `scm-crm-studio chart`).
pub fn image_ui(ui: &mut egui::Ui, chart: ChartKind, cx: &PageContext<'_>, out: &mut Vec<Command>) {
    let Some(mut chart) = registry().into_iter().find(|c| c.image() == Some(chart)) else {
        return;
    };
    let key = DeriveKey {
        revision: cx.doc.revision(),
        what_if: WhatIf::default(),
        filter: None,
    };
    let shared = Shared::build(key, cx, None);
    if shared.scope.is_empty() {
        ui.label(tr(cx.lang, K::NoCustomers));
        return;
    }
    let ccx = ChartCx::new(ui, cx, &shared, None);
    chart.derive(&ccx);
    chart.ui(ui, &ccx, out);
}

/// View state of the page.
pub struct ChartsView {
    tab: ChartTab,
    /// Draw only the customers the Customers table's filter keeps.
    use_filter: bool,
    what_if: WhatIf,
    shared: Option<Shared>,
    /// Every chart, with its series and view state: [`registry`].
    charts: Vec<Box<dyn Chart>>,
    /// The screen area of the chart shown last frame, for "Save PNG…".
    chart_rect: Option<egui::Rect>,
    shot: Option<export::PendingShot>,
    /// Rows copied by the last "Copy data as CSV", shown beside the button.
    copied: Option<usize>,
    /// The user showed or hid the what-if sliders; `None`: shown unless the screen is narrow.
    what_if_shown: Option<bool>,
}

impl Default for ChartsView {
    fn default() -> Self {
        Self {
            tab: ChartTab::default(),
            use_filter: false,
            what_if: WhatIf::default(),
            shared: None,
            charts: registry(),
            chart_rect: None,
            shot: None,
            copied: None,
            what_if_shown: None,
        }
    }
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

    /// The chart of the shown tab.
    fn shown(&mut self) -> Option<&mut dyn Chart> {
        let tab = self.tab;
        self.charts
            .iter_mut()
            .find(|c| c.tab() == tab)
            .map(|c| &mut **c as &mut dyn Chart)
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
        let shared = self.take_shared(cx, filter);
        if shared.scope.is_empty() {
            ui.label(tr(cx.lang, K::NoCustomers));
        } else {
            let ccx = ChartCx::new(ui, cx, &shared, selected);
            if shared.what_if_active {
                whatif::summary_ui(ui, &ccx, &self.what_if);
            }
            if let Some(chart) = self.shown() {
                chart.derive(&ccx);
                chart.ui(ui, &ccx, out);
            }
        }
        self.shared = Some(shared);
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

        let shared = self.take_shared(cx, filter);

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
                        whatif::panel_ui(ui, cx, &shared, &mut self.what_if, out);
                    });
                });
            crate::ui::tour::mark(
                ui.ctx(),
                crate::ui::tour::TourTarget::WhatIf,
                what_if.response.rect,
            );
        }

        self.toolbar_ui(ui, cx, &shared);
        if !self.what_if.is_neutral(&cx.doc.scenario.settings) {
            ui.colored_label(
                theme::warning_color(ui.visuals().dark_mode),
                tr(lang, K::WiActive),
            );
        }
        ui.separator();

        let ccx = ChartCx {
            log,
            ..ChartCx::new(ui, cx, &shared, selected)
        };
        let area = ui
            .scope(|ui| {
                if shared.scope.is_empty() {
                    ui.label(tr(lang, K::NoCustomers));
                    return;
                }
                if let Some(chart) = self.shown() {
                    chart.derive(&ccx);
                    chart.page_ui(ui, &ccx, out);
                }
            })
            .response
            .rect;
        self.chart_rect = Some(area);
        self.shared = Some(shared);
    }

    /// The shared figures for this frame: last frame's when nothing they depend on changed.
    fn take_shared(&mut self, cx: &PageContext<'_>, filter: &Filter) -> Shared {
        let key = DeriveKey {
            revision: cx.doc.revision(),
            what_if: self.what_if,
            filter: self.use_filter.then(|| filter.clone()),
        };
        match self.shared.take() {
            Some(s) if s.key == key => s,
            previous => Shared::build(key, cx, previous),
        }
    }

    /// Whether the what-if sliders show: as the user chose, else unless the screen is narrow.
    fn what_if_shown(&self, ctx: &egui::Context) -> bool {
        self.what_if_shown
            .unwrap_or_else(|| !crate::ui::layout::is_narrow(ctx))
    }

    fn toolbar_ui(&mut self, ui: &mut egui::Ui, cx: &PageContext<'_>, shared: &Shared) {
        let lang = cx.lang;
        ui.horizontal_wrapped(|ui| {
            for chart in &self.charts {
                let tab = chart.tab();
                if ui.selectable_label(self.tab == tab, chart.label(lang)).clicked() {
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
                    ("shown", &shared.scope.len()),
                    ("total", &cx.doc.scenario.customers.len()),
                ],
            ));
            ui.separator();
            let png = ui
                .button(tr(lang, K::SavePng))
                .on_hover_text(tr(lang, K::SavePngHint));
            if png.clicked()
                && let Some(rect) = self.chart_rect
                && let Some(chart) = self.shown()
            {
                let file_name = format!("{}.png", chart.file_stem());
                self.shot = Some(export::PendingShot::request(ui.ctx(), rect, file_name));
            }
            if ui
                .button(tr(lang, K::CopyCsv))
                .on_hover_text(tr(lang, K::CopyCsvHint))
                .clicked()
            {
                let ccx = ChartCx::new(ui, cx, shared, None);
                let csv = self.shown().map_or_else(String::new, |chart| {
                    chart.derive(&ccx);
                    chart.csv(&ccx)
                });
                self.copied = Some(csv.lines().filter(|l| !l.is_empty()).count().saturating_sub(1));
                ui.ctx().copy_text(csv);
            }
            if let Some(n) = self.copied {
                ui.weak(trf(lang, K::Copied, &[("n", &n)]));
            }
        });
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
