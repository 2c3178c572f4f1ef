//! The eight-step SCM/CRM integration plan and each step's own data (DOMAIN.md §5).

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::Money;

/// The eight integration steps, in order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum StepKind {
    Survey,
    Goals,
    Gaps,
    Strategy,
    PlanAndTrain,
    Sequence,
    Metrics,
    TrackAndRevise,
}

impl StepKind {
    pub const ALL: [Self; 8] = [
        Self::Survey,
        Self::Goals,
        Self::Gaps,
        Self::Strategy,
        Self::PlanAndTrain,
        Self::Sequence,
        Self::Metrics,
        Self::TrackAndRevise,
    ];

    /// 1-based position in the plan.
    #[must_use]
    pub fn number(self) -> usize {
        self as usize + 1
    }
}

/// Where a step stands.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum StepStatus {
    #[default]
    NotStarted,
    InProgress,
    Done,
    Blocked,
}

/// The progress record every step has.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct StepProgress {
    pub step: StepKind,
    pub status: StepStatus,
    pub owner: String,
    pub planned_start: Option<NaiveDate>,
    pub planned_end: Option<NaiveDate>,
    pub actual_start: Option<NaiveDate>,
    pub actual_end: Option<NaiveDate>,
    /// 0–100.
    pub progress_pct: u8,
    pub notes: String,
    /// Why the step was marked done although an earlier step had not started.
    pub override_note: String,
    /// The user picked the status; the actual dates no longer move it.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub status_by_hand: bool,
}

impl StepProgress {
    #[must_use]
    pub fn new(step: StepKind) -> Self {
        Self {
            step,
            status: StepStatus::NotStarted,
            owner: String::new(),
            planned_start: None,
            planned_end: None,
            actual_start: None,
            actual_end: None,
            progress_pct: 0,
            notes: String::new(),
            override_note: String::new(),
            status_by_hand: false,
        }
    }
}

impl Default for StepProgress {
    fn default() -> Self {
        Self::new(StepKind::Survey)
    }
}

/// The whole plan: one progress record per step plus each step's structured data.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct IntegrationPlan {
    /// Goal-revision cycle, starting at 1; step 8 revisions open the next one.
    pub cycle: u32,
    /// Exactly eight records, one per [`StepKind`], in order.
    pub steps: Vec<StepProgress>,
    /// Step 1.
    pub findings: Vec<SurveyFinding>,
    /// Step 2.
    pub goals: Vec<Goal>,
    /// Step 3: notes on the gap of each goal (the gap itself is derived from the goal).
    pub gaps: Vec<GapNote>,
    /// Step 4.
    pub strategies: Vec<StrategyOption>,
    /// Step 5.
    pub tasks: Vec<PlanTask>,
    pub trainings: Vec<TrainingSession>,
    /// Step 6.
    pub work_packages: Vec<WorkPackage>,
    /// Step 7.
    pub kpis: Vec<Kpi>,
    /// Step 8.
    pub measurements: Vec<KpiMeasurement>,
    pub revisions: Vec<GoalRevision>,
}

impl Default for IntegrationPlan {
    fn default() -> Self {
        Self {
            cycle: 1,
            steps: StepKind::ALL.iter().map(|&k| StepProgress::new(k)).collect(),
            findings: Vec::new(),
            goals: Vec::new(),
            gaps: Vec::new(),
            strategies: Vec::new(),
            tasks: Vec::new(),
            trainings: Vec::new(),
            work_packages: Vec::new(),
            kpis: Vec::new(),
            measurements: Vec::new(),
            revisions: Vec::new(),
        }
    }
}

impl IntegrationPlan {
    /// The progress record of `step`, if the file has one.
    #[must_use]
    pub fn step(&self, step: StepKind) -> Option<&StepProgress> {
        self.steps.iter().find(|s| s.step == step)
    }

    /// Number of steps marked done.
    #[must_use]
    pub fn steps_done(&self) -> usize {
        self.steps.iter().filter(|s| s.status == StepStatus::Done).count()
    }

    /// Puts the step records in order, adding missing ones and dropping duplicates.
    pub fn normalize_steps(&mut self) {
        let mut ordered = Vec::with_capacity(StepKind::ALL.len());
        for kind in StepKind::ALL {
            let record = self
                .steps
                .iter()
                .find(|s| s.step == kind)
                .cloned()
                .unwrap_or_else(|| StepProgress::new(kind));
            ordered.push(record);
        }
        self.steps = ordered;
    }
}

/// Whether a survey finding is where SCM and CRM already connect or where they break.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum FindingKind {
    #[default]
    ConnectionPoint,
    BreakPoint,
}

/// Step 1: one finding of the marketing and supply-chain survey.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct SurveyFinding {
    pub area: String,
    pub finding: String,
    pub kind: FindingKind,
}

/// Short- or long-term.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Horizon {
    #[default]
    Short,
    Long,
}

/// Step 2: an integration goal.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Goal {
    pub id: String,
    pub name: String,
    pub horizon: Horizon,
    pub metric: String,
    pub baseline: f64,
    pub target: f64,
    pub due: Option<NaiveDate>,
    /// Earlier targets, oldest first, kept when a revision replaces the target.
    pub target_history: Vec<TargetHistory>,
}

/// A target a goal had in an earlier cycle.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct TargetHistory {
    pub cycle: u32,
    pub target: f64,
}

/// Step 3: notes on one goal's gap.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct GapNote {
    pub goal_id: String,
    pub strength: String,
    pub weakness: String,
}

/// Step 4: one way to integrate.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct StrategyOption {
    pub name: String,
    pub description: String,
    pub expected_benefit: Money,
    pub cost: Money,
    pub chosen: bool,
}

/// Step 5: an integration task.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct PlanTask {
    pub name: String,
    pub owner: String,
    pub due: Option<NaiveDate>,
    pub done: bool,
}

/// Step 5: a training session.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct TrainingSession {
    pub topic: String,
    pub audience: String,
    pub date: Option<NaiveDate>,
    pub done: bool,
}

/// Step 6: a work package of the implementation sequence.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct WorkPackage {
    pub id: String,
    pub name: String,
    pub owner: String,
    pub depends_on: Vec<String>,
    pub planned_start: Option<NaiveDate>,
    pub planned_end: Option<NaiveDate>,
    pub actual_start: Option<NaiveDate>,
    pub actual_end: Option<NaiveDate>,
    pub progress_pct: u8,
    pub done: bool,
}

impl WorkPackage {
    /// Done when marked done; in progress once it has an actual start or any progress;
    /// otherwise not started.
    #[must_use]
    pub fn status(&self) -> StepStatus {
        if self.done {
            StepStatus::Done
        } else if self.actual_start.is_some() || self.progress_pct > 0 {
            StepStatus::InProgress
        } else {
            StepStatus::NotStarted
        }
    }

    /// The share done, 0–1: all of it when marked done, else the progress (capped at 100 %).
    #[must_use]
    pub fn fraction(&self) -> f64 {
        if self.done {
            1.0
        } else {
            f64::from(self.progress_pct.min(100)) / 100.0
        }
    }
}

/// Which way a KPI should move.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Direction {
    #[default]
    HigherIsBetter,
    LowerIsBetter,
}

/// Step 7: an evaluation metric.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Kpi {
    pub id: String,
    pub name: String,
    pub unit: String,
    pub direction: Direction,
    pub baseline: f64,
    pub target: f64,
}

/// Step 8: one measurement of a KPI.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct KpiMeasurement {
    pub kpi_id: String,
    pub date: Option<NaiveDate>,
    pub value: f64,
    pub competitor: Option<f64>,
}

/// Step 8: a revision of a goal's target, which opens a new cycle.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct GoalRevision {
    pub goal_id: String,
    pub date: Option<NaiveDate>,
    pub new_target: f64,
    pub reason: String,
    /// The cycle this revision opened.
    pub cycle: u32,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(step: StepKind, owner: &str) -> StepProgress {
        StepProgress {
            owner: owner.into(),
            ..StepProgress::new(step)
        }
    }

    /// Out of order, with a duplicate and with gaps: the result is the eight steps in order,
    /// the first record of a duplicated step kept, and a fresh record for each missing one.
    #[test]
    fn normalize_steps_orders_fills_and_drops_duplicates() {
        let mut plan = IntegrationPlan {
            steps: vec![
                record(StepKind::Gaps, "first"),
                record(StepKind::Survey, "survey"),
                record(StepKind::Gaps, "second"),
                record(StepKind::TrackAndRevise, "last"),
            ],
            ..IntegrationPlan::default()
        };
        plan.normalize_steps();
        let kinds: Vec<StepKind> = plan.steps.iter().map(|s| s.step).collect();
        assert_eq!(kinds, StepKind::ALL);
        let owners: Vec<&str> = plan.steps.iter().map(|s| s.owner.as_str()).collect();
        assert_eq!(owners, ["survey", "", "first", "", "", "", "", "last"]);
        assert_eq!(plan.steps[1], StepProgress::new(StepKind::Goals));

        let mut empty = IntegrationPlan {
            steps: Vec::new(),
            ..IntegrationPlan::default()
        };
        empty.normalize_steps();
        assert_eq!(empty.steps, IntegrationPlan::default().steps);
    }
}
