//! The scenario and every domain rule. No egui, no file I/O, no clock: `today` is passed in.

pub mod advice;
pub mod campaigns;
pub mod charts;
pub mod compare;
pub mod csv_text;
mod customer;
pub mod customer_table;
mod dispute;
pub mod field;
pub mod groups;
pub mod history;
pub mod holidays;
pub mod ids;
mod language;
mod money;
mod plan;
pub mod planner;
mod radix;
pub mod rfm;
pub mod rfm_segments;
mod scenario;
pub mod scene;
pub mod segmentation;
pub mod step_name;
pub mod summary;
pub mod validate;
pub mod valuation;

pub use customer::{Customer, Experience, Interaction, Promotion, Rfm, TierOverride, ValueScores};
pub use dispute::{
    Contract, Decision, Dispute, DisputeDraft, DisputeKind, DisputeStatus, DraftProblem, Evidence, Fault,
    KindAnswers, Party, PreventionItem, PreventionScores, Relationship, Route, RouteInput, RouteInputs,
    WarrantyPart, WizardStep,
};
pub use history::{History, Part};
pub use language::Language;
pub use money::{MONEY_PLAUSIBLE_LIMIT, Money, MoneySum, format_minor, money_text};
pub use plan::{
    Direction, FindingKind, GapNote, Goal, GoalRevision, Horizon, IntegrationPlan, Kpi, KpiMeasurement,
    PlanTask, StepKind, StepProgress, StepStatus, StrategyOption, SurveyFinding, TargetHistory,
    TrainingSession, WorkPackage,
};
pub use scenario::{
    CURRENT_FORMAT_VERSION, DEFAULT_LIMITATION_DEFENCE_PCT, Metadata, RouteAssumption, RouteDefaults,
    Scenario, Settings, symbol_for_currency,
};
pub use segmentation::{AbcClass, CustomerFigures, Segmentation, Tier, TierReason};
pub use summary::Summary;
pub use validate::{Place, Problem, Warning, validate};

/// Text that a spreadsheet would run as a formula (or treat as one) gets a leading apostrophe,
/// so `=HYPERLINK(…)` in a customer name stays text. Every CSV and XLSX the app writes uses it.
#[must_use]
pub fn neutralise(text: &str) -> String {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_owned()
    }
}
