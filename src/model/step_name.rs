//! What an undo step did, worked out from the part it replaced and what replaced it, so the
//! Edit menu can say "Undo: edit C029 cost to serve" and a toast can say what an undo undid.
//! The UI words these; this module only tells them apart.

use super::compare::{CustomerField, customer_fields};
use super::history::Part;
use super::scene::{SceneChange, change};
use super::{Customer, Dispute, IntegrationPlan, Scenario, StepKind};

/// A list of the integration plan, as far as an undo step names it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PlanList {
    Findings,
    Goals,
    Gaps,
    Strategies,
    Tasks,
    Trainings,
    WorkPackages,
    Kpis,
    Measurements,
    Revisions,
    Cycle,
}

impl PlanList {
    /// The step whose data the list is.
    #[must_use]
    pub const fn step(self) -> StepKind {
        match self {
            Self::Findings => StepKind::Survey,
            Self::Goals => StepKind::Goals,
            Self::Gaps => StepKind::Gaps,
            Self::Strategies => StepKind::Strategy,
            Self::Tasks | Self::Trainings => StepKind::PlanAndTrain,
            Self::WorkPackages => StepKind::Sequence,
            Self::Kpis => StepKind::Metrics,
            Self::Measurements | Self::Revisions | Self::Cycle => StepKind::TrackAndRevise,
        }
    }
}

/// What one undo step did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StepName {
    EditProperties,
    EditSettings,
    /// `field` is `None` when the id or several fields changed at once.
    EditCustomer {
        id: String,
        field: Option<CustomerField>,
    },
    AddCustomers {
        count: usize,
        first: String,
    },
    RemoveCustomers {
        count: usize,
        first: String,
    },
    EditCustomers,
    EditStep(StepKind),
    EditPlan(PlanList),
    EditDispute {
        id: String,
    },
    AddDispute {
        id: String,
    },
    RemoveDisputes {
        count: usize,
        first: String,
    },
    EditDisputes,
    WizardDraft,
    RecordDecision {
        id: String,
    },
    /// A lesson scene edit, with the scene's title where one scene is named.
    Scene(SceneChange),
    EditScenario,
}

impl StepName {
    /// The name of the step that replaced `before` with what `now` holds in its place.
    #[must_use]
    pub fn of(before: &Part, now: &Scenario) -> Self {
        match before {
            Part::Metadata(_) => Self::EditProperties,
            Part::Settings(_) => Self::EditSettings,
            Part::Customer(i, old) => {
                now.customers
                    .get(*i)
                    .map_or(Self::EditCustomers, |new| Self::EditCustomer {
                        id: new.id.clone(),
                        field: changed_field(old, new),
                    })
            }
            Part::Customers(old) => list_change(
                old,
                &now.customers,
                |c| &c.id,
                |count, first| Self::AddCustomers { count, first },
                |count, first| Self::RemoveCustomers { count, first },
                Self::EditCustomers,
            ),
            Part::Plan(old) => plan_change(old, &now.plan),
            Part::Dispute(i, _) => now
                .disputes
                .get(*i)
                .map_or(Self::EditDisputes, |d| Self::EditDispute { id: d.id.clone() }),
            Part::Disputes(old) => list_change(
                old,
                &now.disputes,
                |d: &Dispute| &d.id,
                |_, first| Self::AddDispute { id: first },
                |count, first| Self::RemoveDisputes { count, first },
                Self::EditDisputes,
            ),
            Part::DisputeDraft(_) => Self::WizardDraft,
            Part::DisputeLog(old, _) => {
                // The dispute the decision went to: a new one, or the one whose record changed.
                let id = now
                    .disputes
                    .iter()
                    .find(|d| !old.iter().any(|o| o == *d))
                    .map(|d| d.id.clone());
                id.map_or(Self::EditDisputes, |id| Self::RecordDecision { id })
            }
            Part::Scenes(old) => Self::Scene(change(old, &now.scenes)),
            Part::Whole(_) => Self::EditScenario,
        }
    }
}

/// The one field that differs between two versions of a customer, if only one does.
fn changed_field(old: &Customer, new: &Customer) -> Option<CustomerField> {
    if old.id != new.id {
        return None;
    }
    match customer_fields(old, new).as_slice() {
        [one] => Some(one.field),
        _ => None,
    }
}

/// Rows added or removed (named by the first one's id), or edited in place.
fn list_change<T: PartialEq>(
    old: &[T],
    new: &[T],
    id: impl Fn(&T) -> &String,
    added: impl FnOnce(usize, String) -> StepName,
    removed: impl FnOnce(usize, String) -> StepName,
    edited: StepName,
) -> StepName {
    use std::cmp::Ordering;
    match new.len().cmp(&old.len()) {
        Ordering::Greater => {
            let first = new
                .iter()
                .find(|n| !old.contains(n))
                .map(&id)
                .cloned()
                .unwrap_or_default();
            added(new.len() - old.len(), first)
        }
        Ordering::Less => {
            let first = old
                .iter()
                .find(|o| !new.contains(o))
                .map(&id)
                .cloned()
                .unwrap_or_default();
            removed(old.len() - new.len(), first)
        }
        Ordering::Equal => edited,
    }
}

/// The step record or the list of the plan that changed (the first one, in plan order).
fn plan_change(old: &IntegrationPlan, new: &IntegrationPlan) -> StepName {
    if let Some(step) = old
        .steps
        .iter()
        .zip(&new.steps)
        .find(|(o, n)| o != n)
        .map(|(_, n)| n.step)
    {
        return StepName::EditStep(step);
    }
    let lists = [
        (old.findings != new.findings, PlanList::Findings),
        (old.goals != new.goals, PlanList::Goals),
        (old.gaps != new.gaps, PlanList::Gaps),
        (old.strategies != new.strategies, PlanList::Strategies),
        (old.tasks != new.tasks, PlanList::Tasks),
        (old.trainings != new.trainings, PlanList::Trainings),
        (old.work_packages != new.work_packages, PlanList::WorkPackages),
        (old.kpis != new.kpis, PlanList::Kpis),
        (old.measurements != new.measurements, PlanList::Measurements),
        (old.revisions != new.revisions, PlanList::Revisions),
        (old.cycle != new.cycle, PlanList::Cycle),
    ];
    let list = lists
        .iter()
        .find(|(differs, _)| *differs)
        .map_or(PlanList::Cycle, |(_, list)| *list);
    StepName::EditPlan(list)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn customer(id: &str) -> Customer {
        Customer {
            id: id.into(),
            ..Customer::default()
        }
    }

    /// Deleting one of three customers names one customer, the one that went.
    #[test]
    fn deleting_one_of_three_customers_names_that_one() {
        let mut now = Scenario::new(NaiveDate::default());
        let old = vec![customer("C1"), customer("C2"), customer("C3")];
        now.customers = vec![customer("C1"), customer("C3")];
        assert_eq!(
            StepName::of(&Part::Customers(old), &now),
            StepName::RemoveCustomers {
                count: 1,
                first: "C2".into()
            }
        );
    }

    /// A plan edit is named after the list it changed: opening the next revision cycle is
    /// a cycle edit, and a revision added alone is a revisions edit.
    #[test]
    fn a_plan_edit_names_the_list_it_changed() {
        let mut now = Scenario::new(NaiveDate::default());
        let old = now.plan.clone();
        now.plan.cycle += 1;
        assert_eq!(
            StepName::of(&Part::Plan(Box::new(old.clone())), &now),
            StepName::EditPlan(PlanList::Cycle)
        );
        now.plan = old.clone();
        now.plan.revisions.push(crate::model::GoalRevision::default());
        assert_eq!(
            StepName::of(&Part::Plan(Box::new(old)), &now),
            StepName::EditPlan(PlanList::Revisions)
        );
    }

    /// A decision recorded on the second of two disputes names the second, whose record
    /// changed, not the first, which is as it was.
    #[test]
    fn a_decision_names_the_dispute_whose_record_changed() {
        let d1 = Dispute {
            id: "D1".into(),
            ..Dispute::default()
        };
        let d2 = Dispute {
            id: "D2".into(),
            ..Dispute::default()
        };
        let mut now = Scenario::new(NaiveDate::default());
        let mut decided = d2.clone();
        decided.reason = "Settling keeps the customer".into();
        now.disputes = vec![d1.clone(), decided];
        assert_eq!(
            StepName::of(&Part::DisputeLog(vec![d1, d2], None), &now),
            StepName::RecordDecision { id: "D2".into() }
        );
    }
}
