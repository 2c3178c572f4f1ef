//! Each step's own data as editable sub-tables (DOMAIN.md §5).

use std::collections::BTreeMap;

use super::edit::PlanEdit;
use super::widgets::{
    Headers, add_button, check_cell, date_cell, header_row, long_text_cell, money_cell, number_cell,
    percent_cell, remove_button, section_heading, sized_cell, text_cell,
};
use super::{date_text, good_color};
use crate::i18n::planner::{PlannerKey as P, direction_name, finding_kind_name, horizon_name};
use crate::i18n::{tr, trf};
use crate::model::ids::next_id;
use crate::model::planner::{
    NewTarget, Standing, dependency_conflicts, goal_gaps, latest_measurement, package_overdue,
    remove_package, rename_goal, rename_kpi, rename_package, standing, start_new_cycle,
};
use crate::model::{
    Direction, FindingKind, GapNote, Goal, Horizon, IntegrationPlan, Kpi, KpiMeasurement, Language, Money,
    PlanTask, StepKind, StrategyOption, SurveyFinding, TrainingSession, WorkPackage,
};
use crate::ui::pages::PageContext;
use crate::ui::theme;
use crate::ui::widgets::Gesture;

/// View state of the sub-tables: the step 8 form for a new cycle.
#[derive(Default)]
pub struct TablesState {
    /// New targets typed so far, by goal id, for the cycle in `form_cycle`.
    new_targets: BTreeMap<String, f64>,
    form_cycle: u32,
    reason: String,
    /// The outcome of the last "Start cycle" click.
    message: Option<(bool, String)>,
}

/// After ids were edited in place, renames what refers to them, so references follow.
fn follow_renames(
    plan: &mut IntegrationPlan,
    old_ids: &[String],
    ids: impl Fn(&IntegrationPlan) -> Vec<String>,
    rename: impl Fn(&mut IntegrationPlan, &str, &str),
) {
    let new_ids = ids(plan);
    for (old, new) in old_ids.iter().zip(&new_ids) {
        if old != new {
            rename(plan, old, new);
        }
    }
}

/// Removes the row at `index` if it exists.
fn remove_at<T>(rows: &mut Vec<T>, index: Option<usize>) -> bool {
    match index {
        Some(i) if i < rows.len() => {
            rows.remove(i);
            true
        }
        _ => false,
    }
}

/// What the user asked of a sub-table's rows this frame; applied by the caller after anything
/// that must still see the rows in their old positions (id renames).
#[must_use]
struct RowsAction {
    remove: Option<usize>,
    add: bool,
}

impl RowsAction {
    /// Removes, then adds, as asked; true when the rows changed.
    fn apply<T>(self, rows: &mut Vec<T>, new_row: impl FnOnce(&[T]) -> T) -> bool {
        let removed = remove_at(rows, self.remove);
        if self.add {
            let row = new_row(rows);
            rows.push(row);
        }
        removed || self.add
    }
}

/// A sub-table: a header row, one grid row per item drawn by `cells` (with a remove button
/// after it), and an add button under the grid.
fn rows_grid<T>(
    ui: &mut egui::Ui,
    lang: Language,
    id: &str,
    headers: &[P],
    rows: &mut [T],
    gesture: &mut Gesture,
    mut cells: impl FnMut(&mut egui::Ui, &mut Gesture, usize, &mut T, &Headers),
) -> RowsAction {
    let mut remove = None;
    if !rows.is_empty() {
        table(ui, id, headers.len() + 1, |ui| {
            let h = header_row(ui, lang, headers);
            for (i, row) in rows.iter_mut().enumerate() {
                cells(ui, gesture, i, row, &h);
                if remove_button(ui, lang) {
                    remove = Some(i);
                }
                ui.end_row();
            }
        });
    }
    RowsAction {
        remove,
        add: add_button(ui, lang),
    }
}

/// A striped grid that scrolls sideways when it is wider than the panel, so its last columns
/// (the remove buttons among them) are never cut off.
fn table<R>(ui: &mut egui::Ui, id: &str, columns: usize, add_contents: impl FnOnce(&mut egui::Ui) -> R) -> R {
    egui::ScrollArea::horizontal()
        .id_salt((id, "scroll"))
        .auto_shrink([true, true])
        .show(ui, |ui| {
            egui::Grid::new(id)
                .num_columns(columns)
                .striped(true)
                .spacing([10.0, 6.0])
                .show(ui, add_contents)
                .inner
        })
        .inner
}

impl TablesState {
    pub fn ui(&mut self, ui: &mut egui::Ui, cx: &PageContext<'_>, step: StepKind, edit: &mut PlanEdit) {
        match step {
            StepKind::Survey => findings_ui(ui, cx.lang, edit),
            StepKind::Goals => goals_ui(ui, cx, edit),
            StepKind::Gaps => gaps_ui(ui, cx.lang, edit),
            StepKind::Strategy => strategies_ui(ui, cx, edit),
            StepKind::PlanAndTrain => {
                tasks_ui(ui, cx, edit);
                trainings_ui(ui, cx, edit);
            }
            StepKind::Sequence => packages_ui(ui, cx, edit),
            StepKind::Metrics => kpis_ui(ui, cx, edit),
            StepKind::TrackAndRevise => {
                measurements_ui(ui, cx, edit);
                self.revisions_ui(ui, cx, edit);
            }
        }
    }

    fn revisions_ui(&mut self, ui: &mut egui::Ui, cx: &PageContext<'_>, edit: &mut PlanEdit) {
        let lang = cx.lang;
        let dark = ui.visuals().dark_mode;
        section_heading(ui, tr(lang, P::Revisions));
        let plan = &edit.plan;
        if plan.revisions.is_empty() {
            ui.weak(tr(lang, P::NoRows));
        } else {
            table(ui, "planner_revisions", 5, |ui| {
                header_row(
                    ui,
                    lang,
                    &[P::ColDate, P::ColGoal, P::ColNewTarget, P::ColReason, P::ColCycle],
                );
                for r in &plan.revisions {
                    ui.label(date_text(r.date));
                    let name = plan
                        .goals
                        .iter()
                        .find(|g| g.id == r.goal_id)
                        .map_or_else(|| r.goal_id.clone(), |g| format!("{} {}", g.id, g.name));
                    ui.label(name);
                    ui.label(format_number(r.new_target));
                    ui.label(&r.reason);
                    ui.label(r.cycle.to_string());
                    ui.end_row();
                }
            });
        }

        // The form that opens the next cycle; typed targets belong to the cycle shown.
        if self.form_cycle != plan.cycle {
            self.form_cycle = plan.cycle;
            self.new_targets.clear();
        }
        let next = plan.cycle.max(1) + 1;
        ui.add_space(8.0);
        egui::Frame::group(ui.style()).show(ui, |ui| {
            ui.strong(trf(lang, P::NewCycleTitle, &[("n", &next)]));
            ui.label(tr(lang, P::NewCycleExplain));
            ui.add_space(4.0);
            table(ui, "planner_new_cycle", 4, |ui| {
                let h = header_row(ui, lang, &[P::ColId, P::ColGoal, P::ColTarget, P::ColNewTarget]);
                for goal in &edit.plan.goals {
                    ui.label(&goal.id);
                    ui.label(&goal.name);
                    ui.label(format_number(goal.target));
                    let value = self.new_targets.entry(goal.id.clone()).or_insert(goal.target);
                    ui.add(egui::DragValue::new(value).speed(0.1).max_decimals(2))
                        .labelled_by(h.get(3));
                    ui.end_row();
                }
            });
            ui.horizontal(|ui| {
                let label = ui.label(tr(lang, P::ColReason));
                ui.add(egui::TextEdit::singleline(&mut self.reason).desired_width(380.0))
                    .labelled_by(label.id);
                if ui.button(trf(lang, P::StartCycle, &[("n", &next)])).clicked() {
                    let targets: Vec<NewTarget> = edit
                        .plan
                        .goals
                        .iter()
                        .filter_map(|g| {
                            self.new_targets.get(&g.id).map(|&target| NewTarget {
                                goal_id: g.id.clone(),
                                target,
                            })
                        })
                        .collect();
                    match start_new_cycle(&mut edit.plan, &targets, cx.today, &self.reason) {
                        Ok(n) => {
                            edit.discrete(true);
                            self.message = Some((true, trf(lang, P::CycleStarted, &[("n", &n)])));
                            self.reason.clear();
                            self.new_targets.clear();
                        }
                        Err(_) => self.message = Some((false, tr(lang, P::NothingChanged).to_owned())),
                    }
                }
            });
            if let Some((ok, text)) = &self.message {
                let colour = if *ok {
                    good_color(dark)
                } else {
                    theme::warning_color(dark)
                };
                ui.colored_label(colour, text);
            }
        });
    }
}

/// A number without trailing zeros: 96 → "96", 3.85 → "3.85".
pub fn format_number(value: f64) -> String {
    let text = format!("{value:.2}");
    text.trim_end_matches('0').trim_end_matches('.').to_owned()
}

fn findings_ui(ui: &mut egui::Ui, lang: Language, edit: &mut PlanEdit) {
    let PlanEdit { plan, gesture } = edit;
    let headers = [P::ColArea, P::ColFinding, P::ColKind];
    let action = rows_grid(
        ui,
        lang,
        "planner_findings",
        &headers,
        &mut plan.findings,
        gesture,
        |ui, gesture, i, f, h| {
            text_cell(ui, gesture, &mut f.area, 150.0, h.get(0));
            long_text_cell(ui, gesture, &mut f.finding, 470.0, h.get(1));
            egui::ComboBox::from_id_salt(("finding_kind", i))
                .selected_text(finding_kind_name(lang, f.kind))
                .width(140.0)
                .show_ui(ui, |ui| {
                    for k in [FindingKind::ConnectionPoint, FindingKind::BreakPoint] {
                        let r = ui.selectable_value(&mut f.kind, k, finding_kind_name(lang, k));
                        gesture.discrete(r.changed());
                    }
                })
                .response
                .labelled_by(h.get(2));
        },
    );
    gesture.discrete(action.apply(&mut plan.findings, |_| SurveyFinding::default()));
}

fn goals_ui(ui: &mut egui::Ui, cx: &PageContext<'_>, edit: &mut PlanEdit) {
    let lang = cx.lang;
    let PlanEdit { plan, gesture } = edit;
    let old_ids: Vec<String> = plan.goals.iter().map(|g| g.id.clone()).collect();
    let headers = [
        P::ColId,
        P::ColGoal,
        P::ColHorizon,
        P::ColMetric,
        P::ColBaseline,
        P::ColTarget,
        P::ColDue,
    ];
    let action = rows_grid(
        ui,
        lang,
        "planner_goals",
        &headers,
        &mut plan.goals,
        gesture,
        |ui, gesture, i, g, h| {
            text_cell(ui, gesture, &mut g.id, 40.0, h.get(0));
            long_text_cell(ui, gesture, &mut g.name, 230.0, h.get(1));
            egui::ComboBox::from_id_salt(("goal_horizon", i))
                .selected_text(horizon_name(lang, g.horizon))
                .width(90.0)
                .show_ui(ui, |ui| {
                    for horizon in [Horizon::Short, Horizon::Long] {
                        let r = ui.selectable_value(&mut g.horizon, horizon, horizon_name(lang, horizon));
                        gesture.discrete(r.changed());
                    }
                })
                .response
                .labelled_by(h.get(2));
            long_text_cell(ui, gesture, &mut g.metric, 170.0, h.get(3));
            number_cell(ui, gesture, &mut g.baseline, 0.1, h.get(4));
            ui.vertical(|ui| {
                number_cell(ui, gesture, &mut g.target, 0.1, h.get(5));
                if !g.target_history.is_empty() {
                    let list: Vec<String> = g
                        .target_history
                        .iter()
                        .map(|h| {
                            format!(
                                "{} ({})",
                                format_number(h.target),
                                trf(lang, P::CycleShort, &[("n", &h.cycle)])
                            )
                        })
                        .collect();
                    ui.weak(trf(lang, P::EarlierTargets, &[("list", &list.join(", "))]));
                }
            });
            let id = egui::Id::unique(("goal_due", i));
            date_cell(ui, lang, gesture, &mut g.due, id, cx.today, false, h.get(6));
        },
    );
    follow_renames(
        plan,
        &old_ids,
        |p| p.goals.iter().map(|g| g.id.clone()).collect(),
        rename_goal,
    );
    gesture.discrete(action.apply(&mut plan.goals, |goals| Goal {
        id: next_id("G", 1, goals.iter().map(|g| g.id.as_str())),
        ..Goal::default()
    }));
}

fn gaps_ui(ui: &mut egui::Ui, lang: Language, edit: &mut PlanEdit) {
    let dark = ui.visuals().dark_mode;
    let PlanEdit { plan, gesture } = edit;
    ui.weak(tr(lang, P::GapsExplain));
    if plan.goals.is_empty() {
        ui.weak(tr(lang, P::NoRows));
        return;
    }
    let gaps = goal_gaps(plan);
    table(ui, "planner_gaps", 6, |ui| {
        let h = header_row(
            ui,
            lang,
            &[
                P::ColGoal,
                P::ColCurrent,
                P::ColTarget,
                P::ColGap,
                P::ColStrength,
                P::ColWeakness,
            ],
        );
        for gap in gaps {
            let name = plan
                .goals
                .iter()
                .find(|g| g.id == gap.goal_id)
                .map_or_else(String::new, |g| format!("{} {}", g.id, g.name));
            sized_cell(ui, 190.0, |ui| ui.add(egui::Label::new(name).wrap()));
            ui.label(format_number(gap.current));
            ui.label(format_number(gap.target));
            let sign = if gap.gap > 0.0 { "+" } else { "" };
            let pct = gap
                .gap_pct
                .map_or_else(String::new, |p| format!(" ({sign}{p:.1}%)"));
            ui.colored_label(
                theme::warning_color(dark),
                format!("{sign}{}{pct}", format_number(gap.gap)),
            );
            // The notes live in their own list, keyed by goal id; a missing note is created.
            let index = if let Some(i) = plan.gaps.iter().position(|n| n.goal_id == gap.goal_id) {
                i
            } else {
                plan.gaps.push(GapNote {
                    goal_id: gap.goal_id.clone(),
                    ..GapNote::default()
                });
                plan.gaps.len() - 1
            };
            if let Some(note) = plan.gaps.get_mut(index) {
                long_text_cell(ui, gesture, &mut note.strength, 210.0, h.get(4));
                long_text_cell(ui, gesture, &mut note.weakness, 210.0, h.get(5));
            }
            ui.end_row();
        }
    });
    // Notes created only for drawing and still empty are not an edit: drop them again.
    plan.gaps
        .retain(|n| !n.strength.is_empty() || !n.weakness.is_empty());
}

fn strategies_ui(ui: &mut egui::Ui, cx: &PageContext<'_>, edit: &mut PlanEdit) {
    let lang = cx.lang;
    let symbol = cx.doc.scenario.settings.currency_symbol.clone();
    let PlanEdit { plan, gesture } = edit;
    let mut chosen = None;
    let headers = [
        P::ColChosen,
        P::ColStrategy,
        P::ColDescription,
        P::ColBenefit,
        P::ColCost,
        P::ColNet,
    ];
    let action = rows_grid(
        ui,
        lang,
        "planner_strategies",
        &headers,
        &mut plan.strategies,
        gesture,
        |ui, gesture, i, s, h| {
            if ui.radio(s.chosen, "").labelled_by(h.get(0)).clicked() && !s.chosen {
                chosen = Some(i);
            }
            long_text_cell(ui, gesture, &mut s.name, 180.0, h.get(1));
            long_text_cell(ui, gesture, &mut s.description, 300.0, h.get(2));
            let id = egui::Id::unique(("strategy_benefit", i));
            money_cell(ui, lang, gesture, &mut s.expected_benefit, id, h.get(3));
            let id = egui::Id::unique(("strategy_cost", i));
            money_cell(ui, lang, gesture, &mut s.cost, id, h.get(4));
            let net = Money(s.expected_benefit.minor().saturating_sub(s.cost.minor()));
            ui.label(format!(
                "{symbol}{}",
                crate::model::format_minor(i128::from(net.minor()))
            ));
        },
    );
    if let Some(c) = chosen {
        // Exactly one option is the chosen one.
        for (i, s) in plan.strategies.iter_mut().enumerate() {
            s.chosen = i == c;
        }
        gesture.discrete(true);
    }
    gesture.discrete(action.apply(&mut plan.strategies, |_| StrategyOption::default()));
}

fn tasks_ui(ui: &mut egui::Ui, cx: &PageContext<'_>, edit: &mut PlanEdit) {
    let lang = cx.lang;
    section_heading(ui, tr(lang, P::Tasks));
    let PlanEdit { plan, gesture } = edit;
    let headers = [P::ColDone, P::ColTask, P::FieldOwner, P::ColDue];
    let action = rows_grid(
        ui,
        lang,
        "planner_tasks",
        &headers,
        &mut plan.tasks,
        gesture,
        |ui, gesture, i, t, h| {
            check_cell(ui, gesture, &mut t.done, h.get(0));
            long_text_cell(ui, gesture, &mut t.name, 380.0, h.get(1));
            text_cell(ui, gesture, &mut t.owner, 120.0, h.get(2));
            let id = egui::Id::unique(("task_due", i));
            date_cell(ui, lang, gesture, &mut t.due, id, cx.today, false, h.get(3));
        },
    );
    gesture.discrete(action.apply(&mut plan.tasks, |_| PlanTask::default()));
}

fn trainings_ui(ui: &mut egui::Ui, cx: &PageContext<'_>, edit: &mut PlanEdit) {
    let lang = cx.lang;
    section_heading(ui, tr(lang, P::Trainings));
    let PlanEdit { plan, gesture } = edit;
    let headers = [P::ColDone, P::ColTopic, P::ColAudience, P::ColDate];
    let action = rows_grid(
        ui,
        lang,
        "planner_trainings",
        &headers,
        &mut plan.trainings,
        gesture,
        |ui, gesture, i, t, h| {
            check_cell(ui, gesture, &mut t.done, h.get(0));
            long_text_cell(ui, gesture, &mut t.topic, 300.0, h.get(1));
            long_text_cell(ui, gesture, &mut t.audience, 200.0, h.get(2));
            let id = egui::Id::unique(("training_date", i));
            date_cell(ui, lang, gesture, &mut t.date, id, cx.today, false, h.get(3));
        },
    );
    gesture.discrete(action.apply(&mut plan.trainings, |_| TrainingSession::default()));
}

fn packages_ui(ui: &mut egui::Ui, cx: &PageContext<'_>, edit: &mut PlanEdit) {
    let lang = cx.lang;
    let dark = ui.visuals().dark_mode;
    let conflicts = dependency_conflicts(&edit.plan);
    let PlanEdit { plan, gesture } = edit;
    let ids: Vec<String> = plan.work_packages.iter().map(|w| w.id.clone()).collect();
    let old_ids = ids.clone();
    let mut remove = None;
    if !plan.work_packages.is_empty() {
        table(ui, "planner_packages", 12, |ui| {
            let h = header_row(
                ui,
                lang,
                &[
                    P::ColId,
                    P::ColPackage,
                    P::FieldOwner,
                    P::ColDepends,
                    P::FieldPlannedStart,
                    P::FieldPlannedEnd,
                    P::FieldActualStart,
                    P::FieldActualEnd,
                    P::FieldProgress,
                    P::ColDone,
                ],
            );
            for (i, w) in plan.work_packages.iter_mut().enumerate() {
                let overdue = package_overdue(w, cx.today);
                let conflict = conflicts.iter().any(|c| c.package == w.id);
                ui.horizontal(|ui| {
                    ui.spacing_mut().item_spacing.x = 4.0;
                    // A marker in the warning or error colour says what is wrong.
                    if conflict {
                        ui.colored_label(theme::error_color(dark), "●")
                            .on_hover_text(tr(lang, P::LegendConflict));
                    } else if overdue {
                        ui.colored_label(theme::warning_color(dark), "●")
                            .on_hover_text(tr(lang, P::LegendOverdue));
                    }
                    text_cell(ui, gesture, &mut w.id, 44.0, h.get(0));
                });
                long_text_cell(ui, gesture, &mut w.name, 170.0, h.get(1));
                long_text_cell(ui, gesture, &mut w.owner, 80.0, h.get(2));
                let shown = if w.depends_on.is_empty() {
                    "—".to_owned()
                } else {
                    w.depends_on.join(", ")
                };
                ui.menu_button(shown, |ui| {
                    for other in ids.iter().filter(|o| **o != w.id) {
                        let mut on = w.depends_on.contains(other);
                        if ui.checkbox(&mut on, other).changed() {
                            if on {
                                w.depends_on.push(other.clone());
                            } else {
                                w.depends_on.retain(|d| d != other);
                            }
                            gesture.discrete(true);
                        }
                    }
                })
                .response
                .on_hover_text(tr(lang, P::ColDepends));
                // Planned dates are always wanted; actual ones can be cleared again.
                for (col, value, required) in [
                    (4, &mut w.planned_start, true),
                    (5, &mut w.planned_end, true),
                    (6, &mut w.actual_start, false),
                    (7, &mut w.actual_end, false),
                ] {
                    let id = egui::Id::unique(("package_date", i, col));
                    date_cell(ui, lang, gesture, value, id, cx.today, required, h.get(col));
                }
                let id = egui::Id::unique(("package_progress", i));
                percent_cell(ui, lang, gesture, &mut w.progress_pct, id, h.get(8));
                check_cell(ui, gesture, &mut w.done, h.get(9));
                if remove_button(ui, lang) {
                    remove = Some(i);
                }
                ui.end_row();
            }
        });
    }
    for c in &conflicts {
        ui.colored_label(
            theme::error_color(dark),
            trf(
                lang,
                P::ConflictNote,
                &[
                    ("pkg", &c.package),
                    ("start", &c.starts),
                    ("dep", &c.dependency),
                    ("end", &c.dependency_ends),
                ],
            ),
        );
    }
    follow_renames(
        plan,
        &old_ids,
        |p| p.work_packages.iter().map(|w| w.id.clone()).collect(),
        rename_package,
    );
    if let Some(i) = remove {
        gesture.discrete(remove_package(plan, i));
    }
    if add_button(ui, lang) {
        let id = next_id("WP", 1, plan.work_packages.iter().map(|w| w.id.as_str()));
        plan.work_packages.push(WorkPackage {
            id,
            ..WorkPackage::default()
        });
        gesture.discrete(true);
    }
}

fn kpis_ui(ui: &mut egui::Ui, cx: &PageContext<'_>, edit: &mut PlanEdit) {
    let lang = cx.lang;
    let dark = ui.visuals().dark_mode;
    let PlanEdit { plan, gesture } = edit;
    let latest: Vec<Option<(f64, Standing)>> = plan
        .kpis
        .iter()
        .map(|k| latest_measurement(plan, &k.id).map(|m| (m.value, standing(k.direction, m.value, k.target))))
        .collect();
    let old_ids: Vec<String> = plan.kpis.iter().map(|k| k.id.clone()).collect();
    let headers = [
        P::ColId,
        P::ColKpi,
        P::ColUnit,
        P::ColDirection,
        P::ColBaseline,
        P::ColTarget,
        P::ColLatest,
    ];
    let action = rows_grid(
        ui,
        lang,
        "planner_kpis",
        &headers,
        &mut plan.kpis,
        gesture,
        |ui, gesture, i, k, h| {
            text_cell(ui, gesture, &mut k.id, 40.0, h.get(0));
            long_text_cell(ui, gesture, &mut k.name, 260.0, h.get(1));
            text_cell(ui, gesture, &mut k.unit, 70.0, h.get(2));
            egui::ComboBox::from_id_salt(("kpi_direction", i))
                .selected_text(direction_name(lang, k.direction))
                .width(120.0)
                .show_ui(ui, |ui| {
                    for d in [Direction::HigherIsBetter, Direction::LowerIsBetter] {
                        let r = ui.selectable_value(&mut k.direction, d, direction_name(lang, d));
                        gesture.discrete(r.changed());
                    }
                })
                .response
                .labelled_by(h.get(3));
            number_cell(ui, gesture, &mut k.baseline, 0.1, h.get(4));
            number_cell(ui, gesture, &mut k.target, 0.1, h.get(5));
            match latest.get(i).copied().flatten() {
                Some((value, s)) => {
                    let (colour, key) = standing_style(s, dark);
                    ui.colored_label(colour, format_number(value))
                        .on_hover_text(tr(lang, key));
                }
                None => {
                    ui.weak("—");
                }
            }
        },
    );
    follow_renames(
        plan,
        &old_ids,
        |p| p.kpis.iter().map(|k| k.id.clone()).collect(),
        rename_kpi,
    );
    gesture.discrete(action.apply(&mut plan.kpis, |kpis| Kpi {
        id: next_id("K", 1, kpis.iter().map(|k| k.id.as_str())),
        ..Kpi::default()
    }));
}

/// The colour and word for a KPI's standing against its target.
pub fn standing_style(standing: Standing, dark: bool) -> (egui::Color32, P) {
    match standing {
        Standing::Better => (good_color(dark), P::Better),
        Standing::Worse => (theme::error_color(dark), P::Worse),
    }
}

fn measurements_ui(ui: &mut egui::Ui, cx: &PageContext<'_>, edit: &mut PlanEdit) {
    let lang = cx.lang;
    section_heading(ui, tr(lang, P::Measurements));
    let PlanEdit { plan, gesture } = edit;
    let kpis: Vec<(String, String)> = plan.kpis.iter().map(|k| (k.id.clone(), k.name.clone())).collect();
    let targets: Vec<(String, Direction, f64)> = plan
        .kpis
        .iter()
        .map(|k| (k.id.clone(), k.direction, k.target))
        .collect();
    let dark = ui.visuals().dark_mode;
    let mut remove = None;
    if !plan.measurements.is_empty() {
        egui::ScrollArea::vertical()
            .id_salt("planner_measurements")
            .max_height(260.0)
            .show(ui, |ui| {
                table(ui, "planner_measurements_grid", 5, |ui| {
                    let h = header_row(ui, lang, &[P::ColKpi, P::ColDate, P::ColValue, P::ColCompetitor]);
                    for (i, m) in plan.measurements.iter_mut().enumerate() {
                        egui::ComboBox::from_id_salt(("measurement_kpi", i))
                            .selected_text(m.kpi_id.clone())
                            .width(70.0)
                            .show_ui(ui, |ui| {
                                for (id, name) in &kpis {
                                    let r = ui.selectable_value(
                                        &mut m.kpi_id,
                                        id.clone(),
                                        format!("{id} {name}"),
                                    );
                                    gesture.discrete(r.changed());
                                }
                            })
                            .response
                            .labelled_by(h.get(0));
                        let id = egui::Id::unique(("measurement_date", i));
                        date_cell(ui, lang, gesture, &mut m.date, id, cx.today, true, h.get(1));
                        ui.horizontal(|ui| {
                            number_cell(ui, gesture, &mut m.value, 0.1, h.get(2));
                            // Better or worse than the KPI's target, by its direction.
                            if let Some(kpi) = targets.iter().find(|(id, _, _)| *id == m.kpi_id) {
                                let (colour, key) = standing_style(standing(kpi.1, m.value, kpi.2), dark);
                                ui.colored_label(colour, "●").on_hover_text(tr(lang, key));
                            }
                        });
                        ui.horizontal(|ui| {
                            let mut has = m.competitor.is_some();
                            if ui.checkbox(&mut has, "").labelled_by(h.get(3)).changed() {
                                m.competitor = has.then_some(m.value);
                                gesture.discrete(true);
                            }
                            if let Some(c) = &mut m.competitor {
                                number_cell(ui, gesture, c, 0.1, h.get(3));
                            }
                        });
                        if remove_button(ui, lang) {
                            remove = Some(i);
                        }
                        ui.end_row();
                    }
                });
            });
    }
    gesture.discrete(remove_at(&mut plan.measurements, remove));
    if add_button(ui, lang) {
        let kpi_id = kpis.first().map(|(id, _)| id.clone()).unwrap_or_default();
        plan.measurements.push(KpiMeasurement {
            kpi_id,
            date: Some(cx.today),
            value: 0.0,
            competitor: None,
        });
        gesture.discrete(true);
    }
}
