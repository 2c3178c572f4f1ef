//! The Steps view: the eight steps in a list on the left, the chosen step on the right with
//! its guidance, progress fields and its own data.

use chrono::NaiveDate;

use super::edit::PlanEdit;
use super::widgets::section_heading;
use super::{status_color, tables};
use crate::i18n::planner::{PlannerKey as P, guidance};
use crate::i18n::{step_name, step_status_name, tr, trf};
use crate::model::planner::{
    MarkDoneError, mark_done, set_actual_dates, set_status, step_overdue, unexplained_out_of_order,
    unstarted_before,
};
use crate::model::{Language, StepKind, StepProgress, StepStatus};
use crate::ui::commands::Command;
use crate::ui::pages::PageContext;
use crate::ui::theme;
use crate::ui::widgets::DateField;

/// View state of the Steps view.
#[derive(Default)]
pub struct StepsView {
    /// The step shown on the right.
    selected: usize,
    /// "Mark done" was asked while earlier steps had not started: the step and the note typed.
    pending_done: Option<(StepKind, String)>,
    pub(super) tables: tables::TablesState,
}

impl StepsView {
    /// Selects `step` for the right-hand side.
    pub fn select(&mut self, step: StepKind) {
        self.selected = step.number() - 1;
    }
}

/// A labelled date field of a step: its label, how to reach it, and its widget id.
type StepDate = (P, fn(&mut StepProgress) -> &mut Option<NaiveDate>, &'static str);

const LIST_WIDTH: f32 = 270.0;
/// The step list on a narrow screen: names end in "…", the whole name shows on hover.
const NARROW_LIST_WIDTH: f32 = 210.0;
const ROW_HEIGHT: f32 = 50.0;

impl StepsView {
    pub fn ui(&mut self, ui: &mut egui::Ui, cx: &PageContext<'_>, out: &mut Vec<Command>) {
        let plan = &cx.doc.scenario.plan;
        self.selected = self.selected.min(plan.steps.len().saturating_sub(1));
        egui::Panel::left("planner_step_list")
            .resizable(false)
            .exact_size(if crate::ui::layout::is_narrow(ui.ctx()) {
                NARROW_LIST_WIDTH
            } else {
                LIST_WIDTH
            })
            .show(ui, |ui| {
                egui::ScrollArea::vertical()
                    .id_salt("planner_step_list_scroll")
                    .show(ui, |ui| self.list_ui(ui, cx));
            });
        egui::CentralPanel::default().show(ui, |ui| {
            // Vertical only, so that the step's texts wrap to the panel; its wide tables scroll
            // sideways on their own.
            egui::ScrollArea::vertical()
                .id_salt("planner_step_detail")
                .auto_shrink([false, false])
                .show(ui, |ui| {
                    ui.add_space(2.0);
                    let mut edit = PlanEdit::new(plan);
                    self.detail_ui(ui, cx, &mut edit);
                    edit.finish(plan, out);
                });
        });
    }

    fn list_ui(&mut self, ui: &mut egui::Ui, cx: &PageContext<'_>) {
        let lang = cx.lang;
        let dark = ui.visuals().dark_mode;
        let plan = &cx.doc.scenario.plan;
        for (index, step) in plan.steps.iter().enumerate() {
            let selected = index == self.selected;
            let overdue = step_overdue(step, cx.today);
            let name = step_name(lang, step.step);
            let mut status_line = format!("{} · {}%", step_status_name(lang, step.status), step.progress_pct);
            if overdue {
                status_line.push_str(" · ");
                status_line.push_str(tr(lang, P::ListOverdue));
            }
            let width = ui.available_width();
            let (rect, response) =
                ui.allocate_exact_size(egui::vec2(width, ROW_HEIGHT), egui::Sense::click());
            let label = format!("{}. {name}", step.step.number());
            response.widget_info(|| egui::WidgetInfo::selected(egui::Role::Button, true, selected, &label));
            let response = response.on_hover_text(&label);
            if response.clicked() {
                self.selected = index;
            }
            let painter = ui.painter_at(rect);
            let visuals = ui.visuals();
            if selected {
                painter.rect_filled(rect, 4.0, visuals.selection.bg_fill.gamma_multiply(0.35));
            } else if response.hovered() {
                painter.rect_filled(rect, 4.0, visuals.widgets.hovered.weak_bg_fill);
            }
            // Number badge in the status colour.
            let colour = status_color(step.status, dark);
            let centre = egui::pos2(rect.left() + 20.0, rect.center().y);
            if step.status == StepStatus::NotStarted {
                painter.circle_stroke(centre, 12.0, egui::Stroke::new(1.5, colour));
            } else {
                painter.circle_filled(centre, 12.0, colour);
            }
            let number_colour = if step.status == StepStatus::NotStarted {
                visuals.text_color()
            } else if dark {
                egui::Color32::BLACK
            } else {
                egui::Color32::WHITE
            };
            painter.text(
                centre,
                egui::Align2::CENTER_CENTER,
                step.step.number().to_string(),
                egui::FontId::proportional(13.0),
                number_colour,
            );
            let text_left = rect.left() + 40.0;
            let text_width = rect.right() - text_left - 6.0;
            let name_galley = painter.layout_job(one_line(
                name,
                egui::FontId::proportional(14.0),
                visuals.strong_text_color(),
                text_width,
            ));
            painter.galley(
                egui::pos2(text_left, rect.top() + 7.0),
                name_galley,
                visuals.text_color(),
            );
            let line_colour = if overdue {
                theme::warning_color(dark)
            } else {
                visuals.weak_text_color()
            };
            let status_galley = painter.layout_job(one_line(
                &status_line,
                egui::FontId::proportional(12.0),
                line_colour,
                text_width,
            ));
            painter.galley(
                egui::pos2(text_left, rect.top() + 27.0),
                status_galley,
                line_colour,
            );
            // A thin progress line along the bottom.
            let track = egui::Rect::from_min_max(
                egui::pos2(text_left, rect.bottom() - 5.0),
                egui::pos2(rect.right() - 8.0, rect.bottom() - 3.0),
            );
            painter.rect_filled(track, 1.0, visuals.extreme_bg_color);
            let fraction = f32::from(step.progress_pct.min(100)) / 100.0;
            let mut filled = track;
            filled.set_width(track.width() * fraction);
            painter.rect_filled(filled, 1.0, colour);
        }
    }

    fn detail_ui(&mut self, ui: &mut egui::Ui, cx: &PageContext<'_>, edit: &mut PlanEdit) {
        let lang = cx.lang;
        let dark = ui.visuals().dark_mode;
        let Some(step) = cx.doc.scenario.plan.steps.get(self.selected).cloned() else {
            return;
        };
        let kind = step.step;
        ui.weak(trf(lang, P::StepOfEight, &[("n", &kind.number())]));
        ui.heading(step_name(lang, kind));
        ui.add_space(4.0);
        guidance_ui(ui, lang, kind);
        ui.add_space(6.0);

        if step_overdue(&step, cx.today) {
            ui.colored_label(
                theme::warning_color(dark),
                trf(
                    lang,
                    P::OverdueNote,
                    &[("date", &super::date_text(step.planned_end))],
                ),
            );
        }
        if unexplained_out_of_order(&cx.doc.scenario.plan).contains(&kind) {
            ui.colored_label(theme::warning_color(dark), tr(lang, P::OutOfOrderWarning));
        }

        self.fields_ui(ui, cx, edit);

        ui.add_space(8.0);
        ui.separator();
        section_heading(ui, tr(lang, P::StepData));
        self.tables.ui(ui, cx, kind, edit);
    }

    /// Status, owner, dates, progress and notes of the selected step.
    fn fields_ui(&mut self, ui: &mut egui::Ui, cx: &PageContext<'_>, edit: &mut PlanEdit) {
        let lang = cx.lang;
        let dark = ui.visuals().dark_mode;
        let index = self.selected;
        let Some(kind) = edit.plan.steps.get(index).map(|s| s.step) else {
            return;
        };
        let mut want_done = false;
        egui::Grid::new("planner_step_fields")
            .num_columns(4)
            .spacing([12.0, 8.0])
            .show(ui, |ui| {
                let Some(step) = edit.plan.steps.get(index).cloned() else {
                    return;
                };
                // Status.
                let label = ui.label(tr(lang, P::FieldStatus));
                let mut status = step.status;
                egui::ComboBox::from_id_salt("planner_step_status")
                    .selected_text(step_status_name(lang, status))
                    .width(150.0)
                    .show_ui(ui, |ui| {
                        for s in [
                            StepStatus::NotStarted,
                            StepStatus::InProgress,
                            StepStatus::Done,
                            StepStatus::Blocked,
                        ] {
                            ui.selectable_value(&mut status, s, step_status_name(lang, s));
                        }
                    })
                    .response
                    .labelled_by(label.id);
                if status != step.status {
                    if status == StepStatus::Done {
                        want_done = true;
                    } else {
                        let set = set_status(&mut edit.plan, kind, status, cx.today, None);
                        edit.discrete(set.is_ok());
                    }
                }
                // Owner.
                let label = ui.label(tr(lang, P::FieldOwner));
                if let Some(s) = edit.plan.steps.get_mut(index) {
                    let response = ui
                        .add(egui::TextEdit::singleline(&mut s.owner).desired_width(220.0))
                        .labelled_by(label.id);
                    edit.continuous(&response);
                }
                ui.end_row();

                let date_row = |ui: &mut egui::Ui, edit: &mut PlanEdit, fields: [StepDate; 2]| {
                    for (key, field, salt) in fields {
                        let label = ui.label(tr(lang, key));
                        if let Some(s) = edit.plan.steps.get_mut(index) {
                            let value = field(s);
                            let typed = DateField::new(egui::Id::unique(salt), *value, cx.today)
                                .labelled_by(label.id)
                                .show(ui, lang);
                            if let Some(date) = typed.committed {
                                *value = date;
                                edit.discrete(true);
                            }
                        }
                    }
                    ui.end_row();
                };
                date_row(
                    ui,
                    edit,
                    [
                        (
                            P::FieldPlannedStart,
                            |s| &mut s.planned_start,
                            "step_planned_start",
                        ),
                        (P::FieldPlannedEnd, |s| &mut s.planned_end, "step_planned_end"),
                    ],
                );
                // Actual dates go through the model, which moves the status to match.
                let (mut start, mut end) = (step.actual_start, step.actual_end);
                let mut changed = false;
                for (key, value, salt) in [
                    (P::FieldActualStart, &mut start, "step_actual_start"),
                    (P::FieldActualEnd, &mut end, "step_actual_end"),
                ] {
                    let label = ui.label(tr(lang, key));
                    let typed = DateField::new(egui::Id::unique(salt), *value, cx.today)
                        .labelled_by(label.id)
                        .show(ui, lang);
                    if let Some(date) = typed.committed {
                        *value = date;
                        changed = true;
                    }
                }
                ui.end_row();
                if changed {
                    if let Err(MarkDoneError::EarlierNotStarted(_)) =
                        set_actual_dates(&mut edit.plan, kind, start, end)
                    {
                        self.pending_done = Some((kind, String::new()));
                    }
                    edit.discrete(true);
                }

                // Progress.
                let label = ui.label(tr(lang, P::FieldProgress));
                if let Some(s) = edit.plan.steps.get_mut(index) {
                    let response = ui
                        .add(egui::Slider::new(&mut s.progress_pct, 0..=100).suffix("%"))
                        .labelled_by(label.id);
                    edit.continuous(&response);
                }
                ui.label("");
                if step.status != StepStatus::Done && ui.button(tr(lang, P::MarkDone)).clicked() {
                    want_done = true;
                }
                ui.end_row();
            });

        if want_done {
            self.try_mark_done(cx.today, kind, None, edit);
        }
        self.pending_ui(ui, lang, dark, cx.today, kind, edit);

        // Notes, full width.
        ui.add_space(4.0);
        let label = ui.label(tr(lang, P::FieldNotes));
        if let Some(s) = edit.plan.steps.get_mut(index) {
            let response = ui
                .add(
                    egui::TextEdit::multiline(&mut s.notes)
                        .desired_rows(3)
                        .desired_width(f32::INFINITY),
                )
                .labelled_by(label.id);
            edit.continuous(&response);
        }
        // The reason a step was done out of order, where there is one or one is needed.
        let out_of_order = !unstarted_before(&edit.plan, kind).is_empty();
        if let Some(s) = edit.plan.steps.get_mut(index)
            && s.status == StepStatus::Done
            && (out_of_order || !s.override_note.is_empty())
        {
            let label = ui.label(tr(lang, P::FieldOverrideNote));
            let response = ui
                .add(egui::TextEdit::singleline(&mut s.override_note).desired_width(f32::INFINITY))
                .labelled_by(label.id);
            edit.continuous(&response);
        }
    }

    /// Applies "mark done", or asks for an override note when earlier steps have not started.
    fn try_mark_done(&mut self, today: NaiveDate, kind: StepKind, note: Option<&str>, edit: &mut PlanEdit) {
        match mark_done(&mut edit.plan, kind, today, note) {
            Ok(()) => {
                self.pending_done = None;
                edit.discrete(true);
            }
            Err(MarkDoneError::EarlierNotStarted(_)) => {
                if self.pending_done.as_ref().is_none_or(|(k, _)| *k != kind) {
                    self.pending_done = Some((kind, String::new()));
                }
            }
            Err(MarkDoneError::NoSuchStep) => {}
        }
    }

    /// The override question, while one is pending for this step.
    fn pending_ui(
        &mut self,
        ui: &mut egui::Ui,
        lang: Language,
        dark: bool,
        today: NaiveDate,
        kind: StepKind,
        edit: &mut PlanEdit,
    ) {
        let Some((pending, note)) = &mut self.pending_done else {
            return;
        };
        if *pending != kind {
            return;
        }
        let earlier: Vec<String> = unstarted_before(&edit.plan, kind)
            .iter()
            .map(|k| format!("{}. {}", k.number(), step_name(lang, *k)))
            .collect();
        let mut confirm = false;
        let mut cancel = false;
        egui::Frame::group(ui.style())
            .stroke(egui::Stroke::new(1.0, theme::warning_color(dark)))
            .show(ui, |ui| {
                ui.colored_label(
                    theme::warning_color(dark),
                    trf(lang, P::EarlierNotStarted, &[("steps", &earlier.join("; "))]),
                );
                ui.horizontal(|ui| {
                    let label = ui.label(tr(lang, P::FieldOverrideNote));
                    ui.add(egui::TextEdit::singleline(note).desired_width(360.0))
                        .labelled_by(label.id);
                    let ready = !note.trim().is_empty();
                    confirm = ui
                        .add_enabled(ready, egui::Button::new(tr(lang, P::MarkDoneAnyway)))
                        .clicked();
                    cancel = ui.button(tr(lang, crate::i18n::Key::ButtonCancel)).clicked();
                });
            });
        if confirm {
            let note = note.clone();
            self.try_mark_done(today, kind, Some(&note), edit);
        } else if cancel {
            self.pending_done = None;
        }
    }
}

/// The step's guidance: what it is for, what it needs, what "done" means.
fn guidance_ui(ui: &mut egui::Ui, lang: Language, kind: StepKind) {
    let [purpose, needs, done] = guidance(lang, kind);
    egui::Frame::new()
        .fill(ui.visuals().faint_bg_color)
        .stroke(ui.visuals().widgets.noninteractive.bg_stroke)
        .corner_radius(4.0)
        .inner_margin(egui::Margin::symmetric(10, 8))
        .show(ui, |ui| {
            ui.set_max_width(ui.available_width().min(820.0));
            egui::Grid::new("planner_guidance")
                .num_columns(2)
                .spacing([12.0, 4.0])
                .show(ui, |ui| {
                    for (key, text) in [
                        (P::GuidePurpose, purpose),
                        (P::GuideNeeds, needs),
                        (P::GuideDone, done),
                    ] {
                        ui.strong(tr(lang, key));
                        ui.add(egui::Label::new(text).wrap());
                        ui.end_row();
                    }
                });
        });
}

/// A one-line text job cut with "…" at `width`.
fn one_line(text: &str, font: egui::FontId, colour: egui::Color32, width: f32) -> egui::text::LayoutJob {
    let mut job = egui::text::LayoutJob::simple_singleline(text.to_owned(), font, colour);
    job.wrap = egui::text::TextWrapping {
        max_width: width,
        max_rows: 1,
        break_anywhere: true,
        overflow_character: Some('…'),
    };
    job
}
