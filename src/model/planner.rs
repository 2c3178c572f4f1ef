//! The rules of the integration planner (DOMAIN.md §5): step order, dependency conflicts,
//! overdue items, weighted progress, gaps, KPI standing and goal-revision cycles.
//!
//! Pure functions over [`IntegrationPlan`]; `today` is always passed in.

use chrono::NaiveDate;

use super::plan::{
    Direction, GoalRevision, IntegrationPlan, KpiMeasurement, StepKind, StepProgress, StepStatus,
    TargetHistory, WorkPackage,
};

// ---- Step order ---------------------------------------------------------------------------

/// The steps before `step` that have not started yet.
#[must_use]
pub fn unstarted_before(plan: &IntegrationPlan, step: StepKind) -> Vec<StepKind> {
    plan.steps
        .iter()
        .filter(|s| s.step < step && s.status == StepStatus::NotStarted)
        .map(|s| s.step)
        .collect()
}

/// Why a step could not be marked done.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum MarkDoneError {
    /// Earlier steps have not started; marking done needs an override note saying why.
    #[error("earlier steps have not started: {0:?}")]
    EarlierNotStarted(Vec<StepKind>),
    #[error("the plan has no record of this step")]
    NoSuchStep,
}

/// Marks `step` done: status done, progress 100 %, the actual end (and start, if missing) today.
///
/// When an earlier step has not started, this refuses unless `override_note` gives a reason,
/// which is then kept on the step.
pub fn mark_done(
    plan: &mut IntegrationPlan,
    step: StepKind,
    today: NaiveDate,
    override_note: Option<&str>,
) -> Result<(), MarkDoneError> {
    let earlier = unstarted_before(plan, step);
    let note = override_note.map(str::trim).filter(|n| !n.is_empty());
    if !earlier.is_empty() && note.is_none() {
        return Err(MarkDoneError::EarlierNotStarted(earlier));
    }
    let record = plan
        .steps
        .iter_mut()
        .find(|s| s.step == step)
        .ok_or(MarkDoneError::NoSuchStep)?;
    record.status = StepStatus::Done;
    record.status_by_hand = true;
    record.progress_pct = 100;
    record.actual_start.get_or_insert(today);
    record.actual_end.get_or_insert(today);
    if !earlier.is_empty()
        && let Some(note) = note
    {
        note.clone_into(&mut record.override_note);
    }
    Ok(())
}

/// Sets a step's actual start and end, and moves its status to match unless the user set the
/// status by hand: an actual end makes it done (through [`mark_done`]'s order rule), an actual
/// start in progress; clearing the dates moves it back. A blocked step stays blocked.
///
/// When the end would make the step done but an earlier step has not started, the dates are
/// still set, the step is in progress, and the error says which steps are missing, so the
/// caller can ask for the override note and call [`mark_done`].
pub fn set_actual_dates(
    plan: &mut IntegrationPlan,
    step: StepKind,
    start: Option<NaiveDate>,
    end: Option<NaiveDate>,
) -> Result<(), MarkDoneError> {
    let earlier = unstarted_before(plan, step);
    let record = plan
        .steps
        .iter_mut()
        .find(|s| s.step == step)
        .ok_or(MarkDoneError::NoSuchStep)?;
    record.actual_start = start;
    record.actual_end = end;
    if record.status_by_hand || record.status == StepStatus::Blocked {
        return Ok(());
    }
    let wanted = match (start, end) {
        (_, Some(_)) => StepStatus::Done,
        (Some(_), None) => StepStatus::InProgress,
        (None, None) => StepStatus::NotStarted,
    };
    if wanted == StepStatus::Done {
        if !earlier.is_empty() {
            record.status = StepStatus::InProgress;
            return Err(MarkDoneError::EarlierNotStarted(earlier));
        }
        record.progress_pct = 100;
    } else if record.status == StepStatus::Done {
        record.override_note.clear();
    }
    record.status = wanted;
    Ok(())
}

/// Sets a step's status, keeping its dates consistent.
///
/// Done goes through [`mark_done`] (and its override rule). Starting work records today as
/// the actual start if there is none; reopening a done step clears its actual end, since the
/// step has not ended after all.
pub fn set_status(
    plan: &mut IntegrationPlan,
    step: StepKind,
    status: StepStatus,
    today: NaiveDate,
    override_note: Option<&str>,
) -> Result<(), MarkDoneError> {
    if status == StepStatus::Done {
        return mark_done(plan, step, today, override_note);
    }
    let record = plan
        .steps
        .iter_mut()
        .find(|s| s.step == step)
        .ok_or(MarkDoneError::NoSuchStep)?;
    if record.status == StepStatus::Done {
        record.actual_end = None;
        record.override_note.clear();
    }
    if status == StepStatus::InProgress {
        record.actual_start.get_or_insert(today);
    }
    record.status = status;
    record.status_by_hand = true;
    Ok(())
}

/// Removes the work package at `index` and every dependency on it. False when there is none.
pub fn remove_package(plan: &mut IntegrationPlan, index: usize) -> bool {
    if index >= plan.work_packages.len() {
        return false;
    }
    let gone = plan.work_packages.remove(index).id;
    // Another package with the same id (a duplicate the user has not fixed yet) still counts.
    if !plan.work_packages.iter().any(|w| w.id == gone) {
        for w in &mut plan.work_packages {
            w.depends_on.retain(|d| *d != gone);
        }
    }
    true
}

/// Renames a work package and every dependency that names it.
pub fn rename_package(plan: &mut IntegrationPlan, old: &str, new: &str) {
    for w in &mut plan.work_packages {
        if w.id == old {
            new.clone_into(&mut w.id);
        }
        for dep in &mut w.depends_on {
            if dep == old {
                new.clone_into(dep);
            }
        }
    }
}

/// Renames a goal and the gap notes and revisions that name it.
pub fn rename_goal(plan: &mut IntegrationPlan, old: &str, new: &str) {
    for g in plan.goals.iter_mut().filter(|g| g.id == old) {
        new.clone_into(&mut g.id);
    }
    for n in plan.gaps.iter_mut().filter(|n| n.goal_id == old) {
        new.clone_into(&mut n.goal_id);
    }
    for r in plan.revisions.iter_mut().filter(|r| r.goal_id == old) {
        new.clone_into(&mut r.goal_id);
    }
}

/// Renames a KPI and the measurements that name it.
pub fn rename_kpi(plan: &mut IntegrationPlan, old: &str, new: &str) {
    for k in plan.kpis.iter_mut().filter(|k| k.id == old) {
        new.clone_into(&mut k.id);
    }
    for m in plan.measurements.iter_mut().filter(|m| m.kpi_id == old) {
        new.clone_into(&mut m.kpi_id);
    }
}

/// A step that is done although an earlier one has not started, and no note says why.
#[must_use]
pub fn unexplained_out_of_order(plan: &IntegrationPlan) -> Vec<StepKind> {
    plan.steps
        .iter()
        .filter(|s| {
            s.status == StepStatus::Done
                && s.override_note.trim().is_empty()
                && !unstarted_before(plan, s.step).is_empty()
        })
        .map(|s| s.step)
        .collect()
}

// ---- Dates --------------------------------------------------------------------------------

/// A step is overdue when its planned end is before today and it is not done.
#[must_use]
pub fn step_overdue(step: &StepProgress, today: NaiveDate) -> bool {
    step.status != StepStatus::Done && step.planned_end.is_some_and(|end| end < today)
}

/// A work package is overdue when its planned end is before today and it is not done.
#[must_use]
pub fn package_overdue(package: &WorkPackage, today: NaiveDate) -> bool {
    !package.done && package.planned_end.is_some_and(|end| end < today)
}

/// When a package really starts: its actual start, else its planned start.
#[must_use]
pub fn effective_start(package: &WorkPackage) -> Option<NaiveDate> {
    package.actual_start.or(package.planned_start)
}

/// When a package really ends: its actual end, else its planned end.
#[must_use]
pub fn effective_end(package: &WorkPackage) -> Option<NaiveDate> {
    package.actual_end.or(package.planned_end)
}

/// A work package that starts before one of its dependencies ends.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DependencyConflict {
    pub package: String,
    pub dependency: String,
    pub starts: NaiveDate,
    pub dependency_ends: NaiveDate,
}

/// Every dependency conflict, in package order. Actual dates count where they are known.
#[must_use]
pub fn dependency_conflicts(plan: &IntegrationPlan) -> Vec<DependencyConflict> {
    let mut out = Vec::new();
    for package in &plan.work_packages {
        let Some(starts) = effective_start(package) else {
            continue;
        };
        for dep_id in &package.depends_on {
            let Some(dependency) = plan.work_packages.iter().find(|w| &w.id == dep_id) else {
                continue;
            };
            if let Some(dependency_ends) = effective_end(dependency)
                && starts <= dependency_ends
            {
                out.push(DependencyConflict {
                    package: package.id.clone(),
                    dependency: dep_id.clone(),
                    starts,
                    dependency_ends,
                });
            }
        }
    }
    out
}

/// Moves a date range by `days`, keeping its length.
#[must_use]
pub fn shift_dates(
    start: Option<NaiveDate>,
    end: Option<NaiveDate>,
    days: i64,
) -> (Option<NaiveDate>, Option<NaiveDate>) {
    let shift =
        |d: Option<NaiveDate>| d.map(|d| d.checked_add_signed(chrono::TimeDelta::days(days)).unwrap_or(d));
    (shift(start), shift(end))
}

/// Moves one end of a planned range by `days`, never past the other end (a range of at least
/// one day). `which_end` false moves the start, true the end. A missing date stays missing.
#[must_use]
pub fn stretch_dates(
    start: Option<NaiveDate>,
    end: Option<NaiveDate>,
    days: i64,
    which_end: bool,
) -> (Option<NaiveDate>, Option<NaiveDate>) {
    let shift = |d: NaiveDate| d.checked_add_signed(chrono::TimeDelta::days(days)).unwrap_or(d);
    if which_end {
        let end = end.map(|e| {
            let moved = shift(e);
            start.map_or(moved, |s| moved.max(s))
        });
        (start, end)
    } else {
        let start = start.map(|s| {
            let moved = shift(s);
            end.map_or(moved, |e| moved.min(e))
        });
        (start, end)
    }
}

// ---- Progress -----------------------------------------------------------------------------

/// Days in a planned range, both ends counted; `None` without two dates in order.
#[must_use]
pub fn planned_days(start: Option<NaiveDate>, end: Option<NaiveDate>) -> Option<i64> {
    let (start, end) = (start?, end?);
    let days = (end - start).num_days() + 1;
    (days > 0).then_some(days)
}

/// Progress of one step, 0–1: a done step counts as complete whatever its percentage says.
#[must_use]
pub fn step_fraction(step: &StepProgress) -> f64 {
    if step.status == StepStatus::Done {
        1.0
    } else {
        f64::from(step.progress_pct.min(100)) / 100.0
    }
}

/// Plan progress, 0–1, with each step weighted by its planned duration in days.
///
/// A step without a planned range weighs as much as the average dated step (or 1 when none
/// is dated), so an undated plan falls back to a plain average.
#[must_use]
pub fn plan_progress(plan: &IntegrationPlan) -> f64 {
    let durations: Vec<Option<i64>> = plan
        .steps
        .iter()
        .map(|s| planned_days(s.planned_start, s.planned_end))
        .collect();
    let dated: Vec<i64> = durations.iter().flatten().copied().collect();
    let fallback = if dated.is_empty() {
        1.0
    } else {
        dated.iter().sum::<i64>() as f64 / dated.len() as f64
    };
    let mut done = 0.0;
    let mut total = 0.0;
    for (step, days) in plan.steps.iter().zip(durations) {
        let weight = days.map_or(fallback, |d| d as f64);
        done += weight * step_fraction(step);
        total += weight;
    }
    if total > 0.0 { done / total } else { 0.0 }
}

// ---- Goals and gaps -----------------------------------------------------------------------

/// Step 3: the gap between a goal's baseline (where the firm is) and its target.
#[derive(Clone, Debug, PartialEq)]
pub struct GoalGap {
    pub goal_id: String,
    pub current: f64,
    pub target: f64,
    /// `target − current`: positive when the goal asks for a rise.
    pub gap: f64,
    /// The gap as a share of the current value; `None` when the current value is 0.
    pub gap_pct: Option<f64>,
}

/// The gap of every goal, in goal order.
#[must_use]
pub fn goal_gaps(plan: &IntegrationPlan) -> Vec<GoalGap> {
    plan.goals
        .iter()
        .map(|g| {
            let gap = g.target - g.baseline;
            GoalGap {
                goal_id: g.id.clone(),
                current: g.baseline,
                target: g.target,
                gap,
                gap_pct: (g.baseline != 0.0).then(|| gap / g.baseline.abs() * 100.0),
            }
        })
        .collect()
}

/// A new target for one goal, proposed in step 8.
#[derive(Clone, Debug, PartialEq)]
pub struct NewTarget {
    pub goal_id: String,
    pub target: f64,
}

/// Why a new cycle could not start.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum CycleError {
    #[error("no goal target changes")]
    NothingChanged,
    #[error("goal {0} does not exist")]
    UnknownGoal(String),
    #[error("a new target is not a finite number")]
    NotFinite,
}

/// Step 8 feeds back into step 2: opens the next cycle with new goal targets.
///
/// Each changed goal keeps its old target in `target_history` (tagged with the cycle it
/// belonged to) and gets a [`GoalRevision`] record. Targets equal to the current one are
/// ignored; if none changes, nothing happens. Returns the new cycle number.
pub fn start_new_cycle(
    plan: &mut IntegrationPlan,
    targets: &[NewTarget],
    date: NaiveDate,
    reason: &str,
) -> Result<u32, CycleError> {
    if targets.iter().any(|t| !t.target.is_finite()) {
        return Err(CycleError::NotFinite);
    }
    if let Some(missing) = targets
        .iter()
        .find(|t| !plan.goals.iter().any(|g| g.id == t.goal_id))
    {
        return Err(CycleError::UnknownGoal(missing.goal_id.clone()));
    }
    let changed: Vec<&NewTarget> = targets
        .iter()
        .filter(|t| {
            plan.goals
                .iter()
                .any(|g| g.id == t.goal_id && (g.target - t.target).abs() > f64::EPSILON)
        })
        .collect();
    if changed.is_empty() {
        return Err(CycleError::NothingChanged);
    }
    let old_cycle = plan.cycle.max(1);
    let new_cycle = old_cycle + 1;
    for new in changed {
        let Some(goal) = plan.goals.iter_mut().find(|g| g.id == new.goal_id) else {
            continue;
        };
        goal.target_history.push(TargetHistory {
            cycle: old_cycle,
            target: goal.target,
        });
        goal.target = new.target;
        plan.revisions.push(GoalRevision {
            goal_id: goal.id.clone(),
            date: Some(date),
            new_target: new.target,
            reason: reason.trim().to_owned(),
            cycle: new_cycle,
        });
    }
    plan.cycle = new_cycle;
    Ok(new_cycle)
}

// ---- KPIs ---------------------------------------------------------------------------------

/// Whether a value meets its target, given which way the KPI should move.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Standing {
    /// At the target or beyond it in the good direction.
    Better,
    /// Short of the target.
    Worse,
}

/// How `value` stands against `target` for a KPI moving in `direction`.
#[must_use]
pub fn standing(direction: Direction, value: f64, target: f64) -> Standing {
    let meets = match direction {
        Direction::HigherIsBetter => value >= target,
        Direction::LowerIsBetter => value <= target,
    };
    if meets { Standing::Better } else { Standing::Worse }
}

/// The measurements of one KPI, oldest first (undated ones last, in file order).
#[must_use]
pub fn measurements_of<'a>(plan: &'a IntegrationPlan, kpi_id: &str) -> Vec<&'a KpiMeasurement> {
    let mut out: Vec<&KpiMeasurement> = plan.measurements.iter().filter(|m| m.kpi_id == kpi_id).collect();
    out.sort_by_key(|m| (m.date.is_none(), m.date));
    out
}

/// The newest measurement of a KPI.
#[must_use]
pub fn latest_measurement<'a>(plan: &'a IntegrationPlan, kpi_id: &str) -> Option<&'a KpiMeasurement> {
    measurements_of(plan, kpi_id)
        .into_iter()
        .rev()
        .find(|m| m.date.is_some())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Goal, Kpi};

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn with_statuses(statuses: [StepStatus; 8]) -> IntegrationPlan {
        let mut plan = IntegrationPlan::default();
        for (s, status) in plan.steps.iter_mut().zip(statuses) {
            s.status = status;
        }
        plan
    }

    use StepStatus::{Blocked as B, Done as D, InProgress as I, NotStarted as N};

    /// (statuses, step to mark, override note, expected result)
    type Case = (
        [StepStatus; 8],
        StepKind,
        Option<&'static str>,
        Result<(), Vec<StepKind>>,
    );

    #[test]
    fn marking_done_with_an_earlier_step_not_started_needs_a_note() {
        let cases: [Case; 5] = [
            ([D, D, I, N, N, N, N, N], StepKind::Strategy, None, Ok(())),
            (
                [D, N, I, N, N, N, N, N],
                StepKind::Strategy,
                None,
                Err(vec![StepKind::Goals]),
            ),
            (
                [D, N, N, N, N, N, N, N],
                StepKind::Strategy,
                Some("  "),
                Err(vec![StepKind::Goals, StepKind::Gaps]),
            ),
            (
                [D, N, B, N, N, N, N, N],
                StepKind::Strategy,
                Some("board asked"),
                Ok(()),
            ),
            ([N, N, N, N, N, N, N, N], StepKind::Survey, None, Ok(())),
        ];
        let today = d(2026, 11, 26);
        for (statuses, step, note, expected) in cases {
            let mut plan = with_statuses(statuses);
            let before = plan.clone();
            let got = mark_done(&mut plan, step, today, note);
            match expected {
                Ok(()) => {
                    assert_eq!(got, Ok(()), "{statuses:?} {step:?}");
                    let record = plan.step(step).unwrap();
                    assert_eq!(record.status, StepStatus::Done);
                    assert_eq!(record.progress_pct, 100);
                    assert_eq!(record.actual_end, Some(today));
                    let kept = if unstarted_before(&before, step).is_empty() {
                        ""
                    } else {
                        note.unwrap()
                    };
                    assert_eq!(record.override_note, kept);
                }
                Err(earlier) => {
                    assert_eq!(got, Err(MarkDoneError::EarlierNotStarted(earlier)));
                    assert_eq!(plan, before, "a refused change leaves the plan as it was");
                }
            }
        }
    }

    #[test]
    fn status_changes_keep_dates_consistent() {
        let today = d(2026, 11, 26);
        let mut plan = with_statuses([D, D, N, N, N, N, N, N]);
        // Starting records the actual start once.
        set_status(&mut plan, StepKind::Gaps, I, today, None).unwrap();
        assert_eq!(plan.steps[2].actual_start, Some(today));
        set_status(&mut plan, StepKind::Gaps, B, d(2026, 12, 1), None).unwrap();
        set_status(&mut plan, StepKind::Gaps, I, d(2026, 12, 2), None).unwrap();
        assert_eq!(plan.steps[2].actual_start, Some(today), "kept, not moved");
        // Done follows the override rule.
        assert!(set_status(&mut plan, StepKind::Metrics, D, today, None).is_err());
        set_status(&mut plan, StepKind::Metrics, D, today, Some("pilot KPIs")).unwrap();
        assert_eq!(plan.steps[6].actual_end, Some(today));
        // Reopening clears the end and the override.
        set_status(&mut plan, StepKind::Metrics, I, today, None).unwrap();
        assert_eq!(plan.steps[6].actual_end, None);
        assert_eq!(plan.steps[6].override_note, "");
    }

    /// Issue 12: an actual start moves the status to in progress and an actual end to done,
    /// unless the user set the status by hand; clearing the dates moves it back.
    #[test]
    fn actual_dates_move_the_status_unless_set_by_hand() {
        let (start, end) = (Some(d(2026, 3, 1)), Some(d(2026, 4, 1)));
        let mut plan = with_statuses([D, D, N, N, N, N, N, N]);
        let gaps = StepKind::Gaps;
        set_actual_dates(&mut plan, gaps, start, None).unwrap();
        assert_eq!(plan.steps[2].status, I);
        set_actual_dates(&mut plan, gaps, start, end).unwrap();
        assert_eq!((plan.steps[2].status, plan.steps[2].progress_pct), (D, 100));
        assert_eq!(
            (plan.steps[2].actual_start, plan.steps[2].actual_end),
            (start, end)
        );
        set_actual_dates(&mut plan, gaps, start, None).unwrap();
        assert_eq!(plan.steps[2].status, I, "the end cleared: back in progress");
        set_actual_dates(&mut plan, gaps, None, None).unwrap();
        assert_eq!(plan.steps[2].status, N);

        // An end on a step with unstarted steps before it keeps the order rule: in progress,
        // and the caller is told which steps are missing.
        assert_eq!(
            set_actual_dates(&mut plan, StepKind::Sequence, start, end),
            Err(MarkDoneError::EarlierNotStarted(vec![
                StepKind::Gaps,
                StepKind::Strategy,
                StepKind::PlanAndTrain
            ]))
        );
        assert_eq!(plan.steps[5].status, I);
        assert_eq!(plan.steps[5].actual_end, end, "the date is kept");

        // Set by hand: dates no longer move the status.
        set_status(&mut plan, gaps, B, d(2026, 3, 2), None).unwrap();
        set_actual_dates(&mut plan, gaps, start, end).unwrap();
        assert_eq!(plan.steps[2].status, B);
        let mut plan = with_statuses([D, D, N, N, N, N, N, N]);
        set_status(&mut plan, gaps, N, d(2026, 3, 2), None).unwrap();
        assert!(plan.steps[2].status_by_hand);
        set_actual_dates(&mut plan, gaps, start, None).unwrap();
        assert_eq!(plan.steps[2].status, N, "picked by hand");
        // A blocked step from a file stays blocked.
        let mut plan = with_statuses([D, D, B, N, N, N, N, N]);
        set_actual_dates(&mut plan, gaps, start, end).unwrap();
        assert_eq!(plan.steps[2].status, B);
        assert_eq!(
            set_actual_dates(
                &mut IntegrationPlan {
                    steps: vec![],
                    ..IntegrationPlan::default()
                },
                gaps,
                start,
                end
            ),
            Err(MarkDoneError::NoSuchStep)
        );
    }

    #[test]
    fn work_package_status_and_share_done() {
        let cases = [
            (WorkPackage::default(), N, 0.0),
            (
                WorkPackage {
                    progress_pct: 40,
                    ..WorkPackage::default()
                },
                I,
                0.4,
            ),
            (
                WorkPackage {
                    actual_start: Some(d(2026, 1, 1)),
                    ..WorkPackage::default()
                },
                I,
                0.0,
            ),
            (
                WorkPackage {
                    progress_pct: 250,
                    ..WorkPackage::default()
                },
                I,
                1.0,
            ),
            (
                WorkPackage {
                    done: true,
                    progress_pct: 30,
                    ..WorkPackage::default()
                },
                D,
                1.0,
            ),
        ];
        for (w, status, fraction) in cases {
            assert_eq!(w.status(), status, "{w:?}");
            assert!((w.fraction() - fraction).abs() < 1e-12, "{w:?}");
        }
    }

    #[test]
    fn removing_a_package_removes_the_dependencies_on_it() {
        let mut plan = IntegrationPlan {
            work_packages: vec![
                wp("WP1", &[], d(2026, 1, 1), d(2026, 1, 2)),
                wp("WP2", &["WP1"], d(2026, 1, 3), d(2026, 1, 4)),
                wp("WP3", &["WP1", "WP2", "WP9"], d(2026, 1, 5), d(2026, 1, 6)),
            ],
            ..IntegrationPlan::default()
        };
        assert!(remove_package(&mut plan, 0));
        let deps: Vec<(&str, Vec<&str>)> = plan
            .work_packages
            .iter()
            .map(|w| (w.id.as_str(), w.depends_on.iter().map(String::as_str).collect()))
            .collect();
        // Only the removed package's id goes; an unknown one stays for validation to report.
        assert_eq!(deps, [("WP2", vec![]), ("WP3", vec!["WP2", "WP9"])]);
        assert!(!remove_package(&mut plan, 5));
        assert_eq!(plan.work_packages.len(), 2);
    }

    #[test]
    fn stretching_moves_one_end_and_never_past_the_other() {
        let (s, e) = (Some(d(2026, 3, 1)), Some(d(2026, 3, 31)));
        assert_eq!(stretch_dates(s, e, 10, true), (s, Some(d(2026, 4, 10))));
        assert_eq!(stretch_dates(s, e, -10, true), (s, Some(d(2026, 3, 21))));
        assert_eq!(
            stretch_dates(s, e, -90, true),
            (s, s),
            "the end stops at the start"
        );
        assert_eq!(stretch_dates(s, e, -5, false), (Some(d(2026, 2, 24)), e));
        assert_eq!(
            stretch_dates(s, e, 90, false),
            (e, e),
            "the start stops at the end"
        );
        assert_eq!(stretch_dates(None, e, 3, true), (None, Some(d(2026, 4, 3))));
        assert_eq!(stretch_dates(s, None, 3, true), (s, None));
    }

    #[test]
    fn renaming_keeps_references() {
        let mut plan = IntegrationPlan {
            work_packages: vec![
                wp("WP1", &[], d(2026, 1, 1), d(2026, 1, 2)),
                wp("WP2", &["WP1"], d(2026, 1, 3), d(2026, 1, 4)),
            ],
            goals: vec![goal("G1", 1.0, 2.0)],
            gaps: vec![crate::model::GapNote {
                goal_id: "G1".into(),
                ..Default::default()
            }],
            kpis: vec![Kpi {
                id: "K1".into(),
                ..Kpi::default()
            }],
            measurements: vec![KpiMeasurement {
                kpi_id: "K1".into(),
                ..KpiMeasurement::default()
            }],
            ..IntegrationPlan::default()
        };
        rename_package(&mut plan, "WP1", "WP0");
        assert_eq!(plan.work_packages[0].id, "WP0");
        assert_eq!(plan.work_packages[1].depends_on, vec!["WP0".to_owned()]);
        rename_goal(&mut plan, "G1", "G9");
        assert_eq!(
            (plan.goals[0].id.as_str(), plan.gaps[0].goal_id.as_str()),
            ("G9", "G9")
        );
        rename_kpi(&mut plan, "K1", "OTIF");
        assert_eq!(plan.measurements[0].kpi_id, "OTIF");
    }

    #[test]
    fn renaming_a_goal_or_kpi_renames_it_and_only_what_names_it() {
        let revision = |goal_id: &str| crate::model::GoalRevision {
            goal_id: goal_id.into(),
            ..Default::default()
        };
        let kpi = |id: &str| Kpi {
            id: id.into(),
            ..Kpi::default()
        };
        let measurement = |kpi_id: &str| KpiMeasurement {
            kpi_id: kpi_id.into(),
            ..KpiMeasurement::default()
        };
        let mut plan = IntegrationPlan {
            goals: vec![goal("G1", 1.0, 2.0), goal("G2", 1.0, 2.0)],
            revisions: vec![revision("G1"), revision("G2")],
            kpis: vec![kpi("K1"), kpi("K2")],
            measurements: vec![measurement("K1"), measurement("K2")],
            ..IntegrationPlan::default()
        };
        rename_goal(&mut plan, "G1", "G9");
        let goals: Vec<&str> = plan.goals.iter().map(|g| g.id.as_str()).collect();
        let revised: Vec<&str> = plan.revisions.iter().map(|r| r.goal_id.as_str()).collect();
        assert_eq!((goals, revised), (vec!["G9", "G2"], vec!["G9", "G2"]));
        rename_kpi(&mut plan, "K1", "OTIF");
        let kpis: Vec<&str> = plan.kpis.iter().map(|k| k.id.as_str()).collect();
        let measured: Vec<&str> = plan.measurements.iter().map(|m| m.kpi_id.as_str()).collect();
        assert_eq!((kpis, measured), (vec!["OTIF", "K2"], vec!["OTIF", "K2"]));
    }

    /// The override note explains a step marked done out of order: only a step that stops
    /// being done loses it; dates that start a step not done keep it.
    #[test]
    fn only_a_step_leaving_done_loses_its_override_note() {
        let mut plan = with_statuses([D, D, N, N, N, N, N, N]);
        plan.steps[2].override_note = "kept".into();
        set_actual_dates(&mut plan, StepKind::Gaps, Some(d(2026, 3, 1)), None).unwrap();
        assert_eq!(
            (plan.steps[2].status, plan.steps[2].override_note.as_str()),
            (I, "kept")
        );
    }

    #[test]
    fn planned_days_count_both_ends_and_need_dates_in_order() {
        let day = |n| Some(d(2026, 3, n));
        assert_eq!(planned_days(day(1), day(1)), Some(1));
        assert_eq!(planned_days(day(1), day(10)), Some(10));
        // An end the day before the start is 0 days, not a range.
        assert_eq!(planned_days(day(2), day(1)), None);
        assert_eq!(planned_days(None, day(1)), None);
    }

    #[test]
    fn a_plan_without_steps_has_no_progress_rather_than_nan() {
        let plan = IntegrationPlan {
            steps: Vec::new(),
            ..IntegrationPlan::default()
        };
        assert_eq!(plan_progress(&plan).to_bits(), 0.0_f64.to_bits(), "0, not NaN");
    }

    #[test]
    fn a_target_within_one_epsilon_of_the_old_one_is_not_a_change() {
        // 1.0 and the next double above it differ by exactly f64::EPSILON: no new cycle.
        let mut plan = IntegrationPlan {
            goals: vec![goal("G1", 0.5, 1.0)],
            ..IntegrationPlan::default()
        };
        let same = [NewTarget {
            goal_id: "G1".into(),
            target: 1.0 + f64::EPSILON,
        }];
        assert_eq!(
            start_new_cycle(&mut plan, &same, d(2026, 6, 1), "no change"),
            Err(CycleError::NothingChanged)
        );
    }

    #[test]
    fn a_done_step_out_of_order_without_a_note_is_reported() {
        let mut plan = with_statuses([D, N, D, N, N, N, N, N]);
        assert_eq!(unexplained_out_of_order(&plan), vec![StepKind::Gaps]);
        plan.steps[2].override_note = "done from last year's audit".into();
        assert!(unexplained_out_of_order(&plan).is_empty());
    }

    #[test]
    fn overdue_steps_and_packages() {
        let today = d(2026, 11, 26);
        // (planned end, status, overdue?)
        let cases = [
            (Some(d(2026, 11, 25)), I, true),
            (Some(d(2026, 11, 25)), N, true),
            (Some(d(2026, 11, 25)), B, true),
            (Some(d(2026, 11, 25)), D, false),
            (Some(d(2026, 11, 26)), I, false),
            (Some(d(2027, 1, 1)), N, false),
            (None, I, false),
        ];
        for (end, status, overdue) in cases {
            let step = StepProgress {
                planned_end: end,
                status,
                ..StepProgress::default()
            };
            assert_eq!(step_overdue(&step, today), overdue, "{end:?} {status:?}");
            let package = WorkPackage {
                planned_end: end,
                done: status == D,
                ..WorkPackage::default()
            };
            assert_eq!(
                package_overdue(&package, today),
                overdue,
                "package {end:?} {status:?}"
            );
        }
    }

    fn wp(id: &str, deps: &[&str], start: NaiveDate, end: NaiveDate) -> WorkPackage {
        WorkPackage {
            id: id.into(),
            depends_on: deps.iter().map(|&s| s.to_owned()).collect(),
            planned_start: Some(start),
            planned_end: Some(end),
            ..WorkPackage::default()
        }
    }

    #[test]
    fn a_package_starting_before_its_dependency_ends_conflicts() {
        let plan = IntegrationPlan {
            work_packages: vec![
                wp("A", &[], d(2026, 1, 1), d(2026, 1, 31)),
                wp("B", &["A"], d(2026, 2, 1), d(2026, 2, 28)), // starts the day after: fine
                wp("C", &["A", "B"], d(2026, 2, 15), d(2026, 3, 31)), // before B ends
                wp("D", &["A"], d(2026, 1, 31), d(2026, 2, 5)), // same day A ends: conflict
                wp("E", &["missing"], d(2026, 1, 1), d(2026, 1, 2)), // unknown dependency: ignored
            ],
            ..IntegrationPlan::default()
        };
        let found: Vec<(String, String)> = dependency_conflicts(&plan)
            .into_iter()
            .map(|c| (c.package, c.dependency))
            .collect();
        assert_eq!(found, vec![("C".into(), "B".into()), ("D".into(), "A".into())]);
    }

    #[test]
    fn actual_dates_count_for_conflicts() {
        let mut a = wp("A", &[], d(2026, 1, 1), d(2026, 1, 31));
        let b = wp("B", &["A"], d(2026, 2, 2), d(2026, 2, 28));
        a.actual_end = Some(d(2026, 2, 10)); // A ran late
        let plan = IntegrationPlan {
            work_packages: vec![a, b],
            ..IntegrationPlan::default()
        };
        assert_eq!(dependency_conflicts(&plan).len(), 1);
    }

    #[test]
    fn the_sample_has_the_wp3_conflict() {
        let text = include_str!("../../assets/samples/harbor-logistics.ron");
        let scenario = crate::store::parse(text, std::path::Path::new("sample.ron"))
            .unwrap()
            .scenario;
        let conflicts = dependency_conflicts(&scenario.plan);
        assert_eq!(conflicts.len(), 1);
        assert_eq!(conflicts[0].package, "WP3");
        assert_eq!(conflicts[0].dependency, "WP2");
        let today = d(2026, 11, 26);
        let overdue: Vec<usize> = scenario
            .plan
            .steps
            .iter()
            .filter(|s| step_overdue(s, today))
            .map(|s| s.step.number())
            .collect();
        assert_eq!(overdue, vec![4, 5, 6]);
    }

    #[test]
    fn progress_is_weighted_by_planned_duration() {
        let mut plan = IntegrationPlan::default();
        // Step 1: 10 days, done. Step 2: 30 days, 50 %. Others: no dates, 0 %.
        plan.steps[0].planned_start = Some(d(2026, 1, 1));
        plan.steps[0].planned_end = Some(d(2026, 1, 10));
        plan.steps[0].status = D;
        plan.steps[0].progress_pct = 40; // done counts as 100 %
        plan.steps[1].planned_start = Some(d(2026, 2, 1));
        plan.steps[1].planned_end = Some(d(2026, 3, 2));
        plan.steps[1].progress_pct = 50;
        // Undated steps weigh the average (20 days) each: total 40 + 6 × 20 = 160.
        let expected = (10.0 + 15.0) / 160.0;
        assert!((plan_progress(&plan) - expected).abs() < 1e-9);

        // All undated: a plain average.
        let mut undated = IntegrationPlan::default();
        undated.steps[0].progress_pct = 80;
        undated.steps[1].status = D;
        assert!((plan_progress(&undated) - 1.8 / 8.0).abs() < 1e-9);

        // An end before the start gives no weight of its own.
        assert_eq!(planned_days(Some(d(2026, 2, 1)), Some(d(2026, 1, 1))), None);
        assert_eq!(planned_days(Some(d(2026, 1, 1)), Some(d(2026, 1, 1))), Some(1));
        // Progress above 100 is capped: 250 % counts as 100 %, so 0.8 + 1 + 1 of 8 steps.
        undated.steps[2].progress_pct = 250;
        assert!((plan_progress(&undated) - 2.8 / 8.0).abs() < 1e-9);
        // Every step over 100 %: the plan is exactly done, never more.
        for step in &mut undated.steps {
            step.status = StepStatus::InProgress;
            step.progress_pct = 200;
        }
        assert!((plan_progress(&undated) - 1.0).abs() < 1e-12);
    }

    fn goal(id: &str, baseline: f64, target: f64) -> Goal {
        Goal {
            id: id.into(),
            baseline,
            target,
            ..Goal::default()
        }
    }

    #[test]
    fn gaps_come_from_baseline_and_target() {
        let plan = IntegrationPlan {
            goals: vec![
                goal("G1", 91.5, 96.0),
                goal("G2", 52.0, 36.0),
                goal("G3", 0.0, 5.0),
            ],
            ..IntegrationPlan::default()
        };
        let gaps = goal_gaps(&plan);
        // (gap, gap %)
        let expected = [
            (4.5, Some(4.5 / 91.5 * 100.0)),
            (-16.0, Some(-16.0 / 52.0 * 100.0)),
            (5.0, None),
        ];
        // One gap per goal, in goal order (a zip alone would pass with no gaps at all).
        let ids: Vec<&str> = gaps.iter().map(|g| g.goal_id.as_str()).collect();
        assert_eq!(ids, ["G1", "G2", "G3"]);
        for (got, (gap, pct)) in gaps.iter().zip(expected) {
            assert!((got.gap - gap).abs() < 1e-9, "{got:?}");
            match (got.gap_pct, pct) {
                (Some(a), Some(b)) => assert!((a - b).abs() < 1e-9),
                (a, b) => assert_eq!(a, b),
            }
        }
    }

    #[test]
    fn a_revision_opens_a_new_cycle_and_keeps_old_targets() {
        let mut plan = IntegrationPlan {
            goals: vec![goal("G1", 91.5, 96.0), goal("G2", 52.0, 36.0)],
            ..IntegrationPlan::default()
        };
        let day = d(2027, 3, 31);
        let new = |id: &str, target| NewTarget {
            goal_id: id.into(),
            target,
        };
        // Unchanged targets open nothing.
        assert_eq!(
            start_new_cycle(&mut plan, &[new("G1", 96.0)], day, "x"),
            Err(CycleError::NothingChanged)
        );
        assert_eq!(
            start_new_cycle(&mut plan, &[new("G9", 1.0)], day, "x"),
            Err(CycleError::UnknownGoal("G9".into()))
        );
        assert_eq!(
            start_new_cycle(&mut plan, &[new("G1", f64::NAN)], day, "x"),
            Err(CycleError::NotFinite)
        );
        assert_eq!(plan.cycle, 1);

        let cycle = start_new_cycle(
            &mut plan,
            &[new("G1", 97.5), new("G2", 36.0)],
            day,
            " beat target ",
        );
        assert_eq!(cycle, Ok(2));
        assert_eq!(plan.cycle, 2);
        assert!((plan.goals[0].target - 97.5).abs() < 1e-9);
        assert_eq!(
            plan.goals[0].target_history,
            vec![TargetHistory {
                cycle: 1,
                target: 96.0
            }]
        );
        assert!(
            plan.goals[1].target_history.is_empty(),
            "unchanged goals keep no history"
        );
        assert_eq!(plan.revisions.len(), 1);
        assert_eq!(plan.revisions[0].cycle, 2);
        assert_eq!(plan.revisions[0].reason, "beat target");
        assert_eq!(plan.revisions[0].date, Some(day));

        // A second revision: cycle 3, both old targets kept in order.
        assert_eq!(start_new_cycle(&mut plan, &[new("G1", 98.0)], day, ""), Ok(3));
        let history: Vec<(u32, f64)> = plan.goals[0]
            .target_history
            .iter()
            .map(|h| (h.cycle, h.target))
            .collect();
        assert_eq!(history, vec![(1, 96.0), (2, 97.5)]);
    }

    #[test]
    fn kpi_standing_follows_direction() {
        use Direction::{HigherIsBetter as Up, LowerIsBetter as Down};
        // (direction, value, target, standing)
        let cases = [
            (Up, 96.5, 96.0, Standing::Better),
            (Up, 96.0, 96.0, Standing::Better),
            (Up, 94.2, 96.0, Standing::Worse),
            (Down, 35.0, 36.0, Standing::Better),
            (Down, 36.0, 36.0, Standing::Better),
            (Down, 46.0, 36.0, Standing::Worse),
        ];
        for (direction, value, target, expected) in cases {
            assert_eq!(
                standing(direction, value, target),
                expected,
                "{direction:?} {value} {target}"
            );
        }
    }

    #[test]
    fn latest_measurement_is_the_newest_dated_one() {
        let m = |date, value| KpiMeasurement {
            kpi_id: "K1".into(),
            date,
            value,
            competitor: None,
        };
        let plan = IntegrationPlan {
            kpis: vec![Kpi {
                id: "K1".into(),
                ..Kpi::default()
            }],
            measurements: vec![
                m(Some(d(2026, 3, 1)), 2.0),
                m(None, 9.0),
                m(Some(d(2026, 1, 1)), 1.0),
            ],
            ..IntegrationPlan::default()
        };
        let values: Vec<f64> = measurements_of(&plan, "K1").iter().map(|m| m.value).collect();
        assert_eq!(values, vec![1.0, 2.0, 9.0]);
        assert_eq!(latest_measurement(&plan, "K1").map(|m| m.value), Some(2.0));
        assert!(latest_measurement(&plan, "K2").is_none());
    }

    #[test]
    fn shifting_keeps_the_length() {
        let (s, e) = shift_dates(Some(d(2026, 1, 30)), Some(d(2026, 2, 3)), 3);
        assert_eq!((s, e), (Some(d(2026, 2, 2)), Some(d(2026, 2, 6))));
        assert_eq!(shift_dates(None, None, 5), (None, None));
    }
}
