//! Planner: the eight SCM/CRM integration steps with their own data, a Gantt view with the
//! baseline, and KPI tracking (DOMAIN.md §5).
//!
//! Every view draws from the document and edits a copy of the plan; a changed copy goes back
//! as one `Command::Edit`, so each edit is undoable and typing or dragging is one step.

mod edit;
mod gantt;
mod kpis;
mod steps;
mod tables;
mod widgets;

use chrono::NaiveDate;

use super::PageContext;
use crate::i18n::planner::PlannerKey as P;
use crate::i18n::{Key, tr, trf};
use crate::model::StepStatus;
use crate::model::planner::plan_progress;
use crate::report::plan::{plan_csv, plan_ics};
use crate::ui::commands::{Command, ExportFile};

/// Which view of the plan is shown: the enum a lesson scene names.
pub use crate::model::scene::PlanView as PlannerTab;

/// View state of the page (not saved).
#[derive(Default)]
pub struct PlannerView {
    pub tab: PlannerTab,
    steps: steps::StepsView,
    gantt: gantt::GanttView,
    kpis: kpis::KpiView,
}

impl PlannerView {
    /// Shows `step` in the Steps view.
    pub fn show_step(&mut self, step: crate::model::StepKind) {
        self.tab = PlannerTab::Steps;
        self.steps.select(step);
    }

    pub fn ui(&mut self, ui: &mut egui::Ui, cx: &PageContext<'_>, out: &mut Vec<Command>) {
        let lang = cx.lang;
        let plan = &cx.doc.scenario.plan;
        super::heading(ui, tr(lang, Key::PagePlanner), tr(lang, P::Intro));
        // Wraps on a narrow screen: the export buttons go to a second line rather than over
        // the progress.
        ui.horizontal_wrapped(|ui| {
            ui.strong(trf(lang, Key::CycleLabel, &[("n", &plan.cycle)]));
            ui.separator();
            ui.label(trf(lang, Key::StepsDoneLabel, &[("done", &plan.steps_done())]));
            ui.separator();
            let progress = plan_progress(plan);
            ui.add(
                egui::ProgressBar::new(progress as f32)
                    .desired_width(120.0)
                    .desired_height(14.0),
            );
            ui.label(trf(
                lang,
                P::WeightedProgress,
                &[("pct", &format!("{:.0}", progress * 100.0))],
            ));
            ui.separator();
            if ui.button(tr(lang, P::ExportIcs)).clicked() {
                export_ics(cx, out);
            }
            if ui.button(tr(lang, P::ExportCsv)).clicked() {
                export_csv(cx, out);
            }
        });
        ui.add_space(4.0);
        ui.horizontal(|ui| {
            for (tab, key) in [
                (PlannerTab::Steps, P::TabSteps),
                (PlannerTab::Gantt, P::TabGantt),
                (PlannerTab::Kpis, P::TabKpis),
            ] {
                let text = egui::RichText::new(tr(lang, key)).size(15.0);
                ui.selectable_value(&mut self.tab, tab, text);
            }
        });
        ui.separator();
        match self.tab {
            PlannerTab::Steps => self.steps.ui(ui, cx, out),
            PlannerTab::Gantt => self.gantt.ui(ui, cx, out),
            PlannerTab::Kpis => self.kpis.ui(ui, cx, out),
        }
    }
}

/// The Gantt alone, as an image.
pub(in crate::ui::pages) fn gantt_image_ui(ui: &mut egui::Ui, cx: &PageContext<'_>, out: &mut Vec<Command>) {
    gantt::GanttView::image_ui(ui, cx, out);
}

/// The KPI charts alone, as an image.
pub(in crate::ui::pages) fn kpi_image_ui(ui: &mut egui::Ui, cx: &PageContext<'_>) {
    kpis::charts_ui(ui, cx, true, None);
}

/// A file-name stem from the scenario title ("Harbor Link — FY2026" → "harbor-link-fy2026").
fn file_stem(cx: &PageContext<'_>) -> String {
    cx.doc
        .title_slug()
        .map_or_else(|| "plan".to_owned(), |slug| format!("{slug}-plan"))
}

fn export_ics(cx: &PageContext<'_>, out: &mut Vec<Command>) {
    let scenario = &cx.doc.scenario;
    let text = plan_ics(scenario, cx.lang, cx.today);
    out.push(Command::Export(ExportFile {
        file_name: format!("{}.ics", file_stem(cx)),
        bytes: text.into_bytes(),
    }));
}

fn export_csv(cx: &PageContext<'_>, out: &mut Vec<Command>) {
    let scenario = &cx.doc.scenario;
    let bytes = plan_csv(scenario, cx.lang, cx.today);
    match bytes {
        Ok(bytes) => out.push(Command::Export(ExportFile {
            file_name: format!("{}.csv", file_stem(cx)),
            bytes,
        })),
        // Writing CSV into memory fails only on a bug in the writer; log it, write nothing.
        Err(e) => log::error!("{}: {e}", tr(cx.lang, P::ExportFailed)),
    }
}

/// The colour of a step status: grey, blue, green, red; readable on light and dark themes.
fn status_color(status: StepStatus, dark: bool) -> egui::Color32 {
    use egui::Color32 as C;
    match (status, dark) {
        (StepStatus::NotStarted, false) => C::from_rgb(0x8a, 0x8f, 0x98),
        (StepStatus::NotStarted, true) => C::from_rgb(0x9a, 0xa0, 0xa8),
        (StepStatus::InProgress, false) => C::from_rgb(0x1f, 0x6f, 0xb4),
        (StepStatus::InProgress, true) => C::from_rgb(0x6c, 0xb4, 0xf0),
        (StepStatus::Done, false) => good_color(false),
        (StepStatus::Done, true) => good_color(true),
        (StepStatus::Blocked, _) => crate::ui::theme::error_color(dark),
    }
}

/// The colour for "meets its target".
fn good_color(dark: bool) -> egui::Color32 {
    if dark {
        egui::Color32::from_rgb(0x6f, 0xd0, 0x8c)
    } else {
        egui::Color32::from_rgb(0x1e, 0x7d, 0x3a)
    }
}

/// A date as the app writes it everywhere, or a dash.
fn date_text(date: Option<NaiveDate>) -> String {
    date.map_or_else(|| "—".to_owned(), |d| d.to_string())
}
