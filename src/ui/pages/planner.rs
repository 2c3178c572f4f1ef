//! Planner: the eight integration steps with their status, owner, planned end and progress.

use egui_extras::{Column, TableBuilder};

use super::super::theme;
use crate::i18n::{Key, step_name, step_status_name, tr, trf};
use crate::model::StepStatus;

/// View state of the page.
#[derive(Default)]
pub struct PlannerView {}

impl PlannerView {
    #[allow(clippy::unused_self, reason = "this page keeps no view state yet")]
    pub fn ui(
        &mut self,
        ui: &mut egui::Ui,
        cx: &super::PageContext<'_>,
        out: &mut Vec<crate::ui::commands::Command>,
    ) {
        let _ = out;
        let (doc, lang, today) = (cx.doc, cx.lang, cx.today);

        super::heading(ui, tr(lang, Key::PagePlanner), tr(lang, Key::PlannerIntro));
        let plan = &doc.scenario.plan;
        ui.horizontal(|ui| {
            ui.label(trf(lang, Key::CycleLabel, &[("n", &plan.cycle)]));
            ui.separator();
            ui.label(trf(lang, Key::StepsDoneLabel, &[("done", &plan.steps_done())]));
        });
        ui.add_space(4.0);
        let dark = ui.visuals().dark_mode;
        let row_height = ui.text_style_height(&egui::TextStyle::Body) + 8.0;
        TableBuilder::new(ui)
            .id_salt("planner_steps")
            .striped(true)
            .cell_layout(egui::Layout::left_to_right(egui::Align::Center))
            .column(Column::auto().at_least(30.0))
            .column(Column::initial(300.0).clip(true))
            .column(Column::auto().at_least(90.0))
            .column(Column::initial(120.0).clip(true))
            .column(Column::auto().at_least(100.0))
            .column(Column::remainder().at_least(120.0))
            .header(row_height, |mut header| {
                for key in [
                    Key::ColStep,
                    Key::ColName,
                    Key::ColStatus,
                    Key::ColOwner,
                    Key::ColPlannedEnd,
                    Key::ColProgress,
                ] {
                    header.col(|ui| {
                        ui.strong(tr(lang, key));
                    });
                }
            })
            .body(|mut body| {
                for step in &plan.steps {
                    body.row(row_height, |mut row| {
                        row.col(|ui| {
                            ui.label(step.step.number().to_string());
                        });
                        row.col(|ui| {
                            ui.label(step_name(lang, step.step));
                        });
                        row.col(|ui| {
                            ui.label(step_status_name(lang, step.status));
                        });
                        row.col(|ui| {
                            ui.label(&step.owner);
                        });
                        row.col(|ui| {
                            let text = step.planned_end.map_or_else(|| "—".to_owned(), |d| d.to_string());
                            let overdue = step.status != StepStatus::Done
                                && step.planned_end.is_some_and(|d| d < today);
                            if overdue {
                                ui.colored_label(theme::warning_color(dark), text);
                            } else {
                                ui.label(text);
                            }
                        });
                        row.col(|ui| {
                            ui.add(
                                egui::ProgressBar::new(f32::from(step.progress_pct.min(100)) / 100.0)
                                    .text(format!("{}%", step.progress_pct)),
                            );
                        });
                    });
                }
            });
    }
}
