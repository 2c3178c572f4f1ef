//! Undo and redo for every scenario edit.
//!
//! An edit replaces one *part* of the scenario (its metadata, one customer, the whole plan, …)
//! with a new value. The history keeps the part's previous value, so undo swaps it back in.
//! Replacing a small part keeps memory low with 100,000 customers: editing one customer stores
//! one customer, not the whole list.
//!
//! A *gesture* (a slider drag, typing in one text field) is one undo step: edits carrying the
//! same gesture id merge into the open step until the caller closes the gesture.

use super::scene::Scene;
use super::step_name::StepName;
use super::{Customer, Dispute, DisputeDraft, IntegrationPlan, Metadata, Scenario, Settings};

/// A piece of the scenario that an edit replaces.
#[derive(Clone, Debug, PartialEq)]
pub enum Part {
    Metadata(Metadata),
    Settings(Settings),
    /// One customer at an index that must exist.
    Customer(usize, Box<Customer>),
    /// The whole customer list (adding, removing, importing).
    Customers(Vec<Customer>),
    Plan(Box<IntegrationPlan>),
    /// One dispute at an index that must exist.
    Dispute(usize, Box<Dispute>),
    Disputes(Vec<Dispute>),
    /// The dispute wizard's draft (`None` ends the run).
    DisputeDraft(Option<Box<DisputeDraft>>),
    /// The dispute log and the wizard draft together, so that recording a decision (adding the
    /// dispute and ending the run) is one undo step.
    DisputeLog(Vec<Dispute>, Option<Box<DisputeDraft>>),
    /// The lesson scenes (adding, updating, renaming, reordering, deleting).
    Scenes(Vec<Scene>),
    Whole(Box<Scenario>),
}

/// Which part an edit touches; two edits merge only when they touch the same part.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum PartKey {
    Metadata,
    Settings,
    Customer(usize),
    Customers,
    Plan,
    Dispute(usize),
    Disputes,
    DisputeDraft,
    DisputeLog,
    Scenes,
    Whole,
}

impl Part {
    fn key(&self) -> PartKey {
        match self {
            Self::Metadata(_) => PartKey::Metadata,
            Self::Settings(_) => PartKey::Settings,
            Self::Customer(i, _) => PartKey::Customer(*i),
            Self::Customers(_) => PartKey::Customers,
            Self::Plan(_) => PartKey::Plan,
            Self::Dispute(i, _) => PartKey::Dispute(*i),
            Self::Disputes(_) => PartKey::Disputes,
            Self::DisputeDraft(_) => PartKey::DisputeDraft,
            Self::DisputeLog(..) => PartKey::DisputeLog,
            Self::Scenes(_) => PartKey::Scenes,
            Self::Whole(_) => PartKey::Whole,
        }
    }

    /// Whether the part points at a row that exists.
    fn fits(&self, scenario: &Scenario) -> bool {
        match self {
            Self::Customer(i, _) => *i < scenario.customers.len(),
            Self::Dispute(i, _) => *i < scenario.disputes.len(),
            _ => true,
        }
    }

    /// Whether the scenario already holds exactly this part (applying it would change nothing).
    fn is_current(&self, scenario: &Scenario) -> bool {
        match self {
            Self::Metadata(m) => *m == scenario.metadata,
            Self::Settings(s) => *s == scenario.settings,
            Self::Customer(i, c) => scenario.customers.get(*i) == Some(c.as_ref()),
            Self::Customers(c) => *c == scenario.customers,
            Self::Plan(p) => **p == scenario.plan,
            Self::Dispute(i, d) => scenario.disputes.get(*i) == Some(d.as_ref()),
            Self::Disputes(d) => *d == scenario.disputes,
            Self::DisputeDraft(d) => d.as_deref() == scenario.dispute_draft.as_ref(),
            Self::DisputeLog(d, draft) => {
                *d == scenario.disputes && draft.as_deref() == scenario.dispute_draft.as_ref()
            }
            Self::Scenes(v) => *v == scenario.scenes,
            Self::Whole(s) => **s == *scenario,
        }
    }

    /// Puts this part into the scenario and returns the value it replaced,
    /// or `None` (changing nothing) when it points at a row that does not exist.
    fn swap_into(self, scenario: &mut Scenario) -> Option<Self> {
        if !self.fits(scenario) {
            return None;
        }
        Some(match self {
            Self::Metadata(v) => Self::Metadata(std::mem::replace(&mut scenario.metadata, v)),
            Self::Settings(v) => Self::Settings(std::mem::replace(&mut scenario.settings, v)),
            Self::Customer(i, v) => {
                let slot = scenario.customers.get_mut(i)?;
                Self::Customer(i, Box::new(std::mem::replace(slot, *v)))
            }
            Self::Customers(v) => Self::Customers(std::mem::replace(&mut scenario.customers, v)),
            Self::Plan(v) => Self::Plan(Box::new(std::mem::replace(&mut scenario.plan, *v))),
            Self::Dispute(i, v) => {
                let slot = scenario.disputes.get_mut(i)?;
                Self::Dispute(i, Box::new(std::mem::replace(slot, *v)))
            }
            Self::Disputes(v) => Self::Disputes(std::mem::replace(&mut scenario.disputes, v)),
            Self::DisputeDraft(v) => Self::DisputeDraft(
                std::mem::replace(&mut scenario.dispute_draft, v.map(|d| *d)).map(Box::new),
            ),
            Self::DisputeLog(log, draft) => Self::DisputeLog(
                std::mem::replace(&mut scenario.disputes, log),
                std::mem::replace(&mut scenario.dispute_draft, draft.map(|d| *d)).map(Box::new),
            ),
            Self::Scenes(v) => Self::Scenes(std::mem::replace(&mut scenario.scenes, v)),
            Self::Whole(v) => Self::Whole(Box::new(std::mem::replace(scenario, *v))),
        })
    }
}

/// One undo or redo step: the part to swap back in, the state id it belongs to, and what the
/// step did.
#[derive(Debug)]
struct Step {
    part: Part,
    state: u64,
    name: StepName,
}

/// Undo and redo stacks.
///
/// Every distinct content of the scenario gets a state id, so "unsaved changes" can be told
/// exactly: editing and then undoing returns to the saved state id.
#[derive(Debug, Default)]
pub struct History {
    undo: Vec<Step>,
    redo: Vec<Step>,
    /// The gesture whose edits still merge into the top undo step.
    open_gesture: Option<u64>,
    /// The id of the scenario's current content.
    state: u64,
    /// The last id handed out.
    last_id: u64,
    /// Counts every change to the scenario, so views can tell when to re-derive.
    revision: u64,
}

/// How many steps are kept; the oldest go first.
const MAX_STEPS: usize = 500;

impl History {
    /// Applies `part` to `scenario` as one undo step, or merges it into the open step when it
    /// belongs to the same gesture and touches the same part. Returns false if the part points
    /// at a row that does not exist (nothing changes then).
    pub fn apply(&mut self, scenario: &mut Scenario, part: Part, gesture: Option<u64>) -> bool {
        // An edit to the value already there (a cell retyped as it was) is no step and leaves
        // the scenario saved.
        if part.is_current(scenario) {
            return false;
        }
        let key = part.key();
        let merge = gesture.is_some()
            && gesture == self.open_gesture
            && self.undo.last().is_some_and(|top| top.part.key() == key);
        let Some(previous) = part.swap_into(scenario) else {
            return false;
        };
        if !merge {
            let name = StepName::of(&previous, scenario);
            self.undo.push(Step {
                part: previous,
                state: self.state,
                name,
            });
            if self.undo.len() > MAX_STEPS {
                self.undo.remove(0);
            }
        }
        self.last_id += 1;
        self.state = self.last_id;
        self.open_gesture = gesture;
        self.redo.clear();
        self.revision += 1;
        true
    }

    /// Ends the open gesture: the next edit starts a new undo step.
    pub fn close_gesture(&mut self) {
        self.open_gesture = None;
    }

    /// Undoes the last step. Returns false when there is nothing to undo.
    pub fn undo(&mut self, scenario: &mut Scenario) -> bool {
        self.step(scenario, true)
    }

    /// Redoes the last undone step. Returns false when there is nothing to redo.
    pub fn redo(&mut self, scenario: &mut Scenario) -> bool {
        self.step(scenario, false)
    }

    fn step(&mut self, scenario: &mut Scenario, undo: bool) -> bool {
        self.open_gesture = None;
        let (from, to) = if undo {
            (&mut self.undo, &mut self.redo)
        } else {
            (&mut self.redo, &mut self.undo)
        };
        let Some(step) = from.pop() else {
            return false;
        };
        match step.part.swap_into(scenario) {
            Some(previous) => {
                to.push(Step {
                    part: previous,
                    state: self.state,
                    name: step.name,
                });
                self.state = step.state;
                self.revision += 1;
                true
            }
            // The row is gone; a structural edit was not recorded. Drop the step.
            None => false,
        }
    }

    /// What the next undo would undo.
    #[must_use]
    pub fn undo_name(&self) -> Option<&StepName> {
        self.undo.last().map(|s| &s.name)
    }

    /// What the next redo would redo.
    #[must_use]
    pub fn redo_name(&self) -> Option<&StepName> {
        self.redo.last().map(|s| &s.name)
    }

    #[must_use]
    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    #[must_use]
    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// Increases with every change made through the history.
    #[must_use]
    pub fn revision(&self) -> u64 {
        self.revision
    }

    /// The id of the scenario's current content; equal ids mean equal content.
    #[must_use]
    pub fn state(&self) -> u64 {
        self.state
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn scenario() -> Scenario {
        let mut s = Scenario::new(NaiveDate::from_ymd_opt(2026, 1, 1).unwrap_or_default());
        s.customers.push(Customer {
            id: "C1".into(),
            growth_potential: 2,
            ..Customer::default()
        });
        s
    }

    fn with_growth(s: &Scenario, growth: u8) -> Part {
        let mut c = s.customers[0].clone();
        c.growth_potential = growth;
        Part::Customer(0, Box::new(c))
    }

    #[test]
    fn undo_then_redo_round_trips() {
        let mut s = scenario();
        let original = s.clone();
        let mut h = History::default();
        let mut meta = s.metadata.clone();
        meta.title = "What-if A".into();
        assert!(h.apply(&mut s, Part::Metadata(meta), None));
        let edited = s.clone();
        assert!(h.undo(&mut s));
        assert_eq!(s, original);
        assert!(!h.undo(&mut s));
        assert!(h.redo(&mut s));
        assert_eq!(s, edited);
        assert!(!h.redo(&mut s));
    }

    #[test]
    fn state_ids_tell_when_content_is_back_to_saved() {
        let mut s = scenario();
        let mut h = History::default();
        let saved = h.state();
        let part = with_growth(&s, 4);
        h.apply(&mut s, part, None);
        let edited = h.state();
        assert_ne!(edited, saved);
        h.undo(&mut s);
        assert_eq!(h.state(), saved, "undo returns to the saved state");
        h.redo(&mut s);
        assert_eq!(h.state(), edited);
        // A merged gesture edit changes content, so it gets a new id too.
        let part = with_growth(&s, 5);
        h.apply(&mut s, part, Some(1));
        let part = with_growth(&s, 1);
        h.apply(&mut s, part, Some(1));
        assert_ne!(h.state(), edited);
        h.undo(&mut s);
        assert_eq!(h.state(), edited);
    }

    #[test]
    fn a_gesture_is_one_step() {
        let mut s = scenario();
        let mut h = History::default();
        for g in [3, 4, 5] {
            let part = with_growth(&s, g);
            h.apply(&mut s, part, Some(7));
        }
        assert_eq!(s.customers[0].growth_potential, 5);
        h.close_gesture();
        let part = with_growth(&s, 1);
        h.apply(&mut s, part, Some(7));
        h.undo(&mut s);
        assert_eq!(s.customers[0].growth_potential, 5, "a new gesture is a new step");
        h.undo(&mut s);
        assert_eq!(
            s.customers[0].growth_potential, 2,
            "the whole drag undone at once"
        );
        assert!(!h.can_undo());
    }

    /// Only the last 500 steps are kept: after 501 edits, 500 undos are possible and they
    /// lead back to the state after the first edit, not to the original.
    #[test]
    fn at_most_500_steps_are_kept() {
        let mut s = scenario();
        let mut h = History::default();
        for n in 0..501_u32 {
            let mut c = s.customers[0].clone();
            c.name = format!("edit {n}");
            assert!(h.apply(&mut s, Part::Customer(0, Box::new(c)), None));
        }
        assert_eq!(s.customers[0].name, "edit 500");
        for _ in 0..500 {
            assert!(h.undo(&mut s));
        }
        assert!(!h.can_undo());
        assert!(!h.undo(&mut s));
        assert_eq!(s.customers[0].name, "edit 0", "the oldest step was dropped");
        // Everything can be redone again.
        for _ in 0..500 {
            assert!(h.redo(&mut s));
        }
        assert_eq!(s.customers[0].name, "edit 500");
    }

    /// One gesture id touching two parts makes two steps: edits merge only while they touch
    /// the same part as the open step.
    #[test]
    fn a_gesture_merges_only_within_one_part() {
        let mut s = scenario();
        s.customers.push(Customer {
            id: "C2".into(),
            growth_potential: 2,
            ..Customer::default()
        });
        let mut h = History::default();
        let growth = |s: &Scenario, i: usize, g: u8| {
            let mut c = s.customers[i].clone();
            c.growth_potential = g;
            Part::Customer(i, Box::new(c))
        };
        let part = growth(&s, 0, 3);
        h.apply(&mut s, part, Some(9));
        let part = growth(&s, 0, 4);
        h.apply(&mut s, part, Some(9)); // merges: same gesture, same customer
        let part = growth(&s, 1, 5);
        h.apply(&mut s, part, Some(9)); // another customer: a new step
        let mut meta = s.metadata.clone();
        meta.title = "Renamed".into();
        h.apply(&mut s, Part::Metadata(meta), Some(9)); // another part: a new step
        let part = growth(&s, 0, 1);
        h.apply(&mut s, part, Some(9)); // back to customer 0, but the open step is metadata

        let snapshot = |s: &Scenario| {
            (
                s.customers[0].growth_potential,
                s.customers[1].growth_potential,
                s.metadata.title.clone(),
            )
        };
        assert_eq!(snapshot(&s), (1, 5, "Renamed".into()));
        h.undo(&mut s);
        assert_eq!(snapshot(&s), (4, 5, "Renamed".into()));
        h.undo(&mut s);
        assert_ne!(s.metadata.title, "Renamed");
        assert_eq!(
            (s.customers[0].growth_potential, s.customers[1].growth_potential),
            (4, 5)
        );
        h.undo(&mut s);
        assert_eq!(
            (s.customers[0].growth_potential, s.customers[1].growth_potential),
            (4, 2)
        );
        h.undo(&mut s);
        assert_eq!(s.customers[0].growth_potential, 2, "3 and 4 were one step");
        assert!(!h.can_undo());
    }

    /// Each step is named after what it changed, and keeps its name through undo and redo.
    #[test]
    fn steps_are_named_after_what_they_changed() {
        use crate::model::compare::CustomerField;
        use crate::model::step_name::StepName;
        let mut s = scenario();
        let mut h = History::default();
        assert_eq!(h.undo_name(), None);
        let mut c = s.customers[0].clone();
        c.cost_to_serve = crate::model::Money::from_major(5);
        h.apply(&mut s, Part::Customer(0, Box::new(c)), None);
        let cost = StepName::EditCustomer {
            id: "C1".into(),
            field: Some(CustomerField::CostToServe),
        };
        assert_eq!(h.undo_name(), Some(&cost));
        let mut c = s.customers[0].clone();
        c.name = "Acme".into();
        c.region = "East".into();
        h.apply(&mut s, Part::Customer(0, Box::new(c)), None);
        assert_eq!(
            h.undo_name(),
            Some(&StepName::EditCustomer {
                id: "C1".into(),
                field: None
            })
        );
        let mut more = s.customers.clone();
        more.push(Customer {
            id: "C2".into(),
            ..Customer::default()
        });
        h.apply(&mut s, Part::Customers(more), None);
        assert_eq!(
            h.undo_name(),
            Some(&StepName::AddCustomers {
                count: 1,
                first: "C2".into()
            })
        );
        h.apply(&mut s, Part::Customers(Vec::new()), None);
        assert_eq!(
            h.undo_name(),
            Some(&StepName::RemoveCustomers {
                count: 2,
                first: "C1".into()
            })
        );
        let mut plan = s.plan.clone();
        plan.steps[2].owner = "Li".into();
        h.apply(&mut s, Part::Plan(Box::new(plan)), None);
        assert_eq!(
            h.undo_name(),
            Some(&StepName::EditStep(crate::model::StepKind::Gaps))
        );
        let mut plan = s.plan.clone();
        plan.measurements.push(crate::model::KpiMeasurement::default());
        h.apply(&mut s, Part::Plan(Box::new(plan)), None);
        assert_eq!(
            h.undo_name(),
            Some(&StepName::EditPlan(
                crate::model::step_name::PlanList::Measurements
            ))
        );
        let decided = Dispute {
            id: "D4".into(),
            ..Dispute::default()
        };
        h.apply(&mut s, Part::DisputeLog(vec![decided], None), None);
        assert_eq!(h.undo_name(), Some(&StepName::RecordDecision { id: "D4".into() }));
        // Undo moves the name to the redo side, redo brings it back.
        h.undo(&mut s);
        assert_eq!(h.redo_name(), Some(&StepName::RecordDecision { id: "D4".into() }));
        h.redo(&mut s);
        assert_eq!(h.undo_name(), Some(&StepName::RecordDecision { id: "D4".into() }));
        assert_eq!(h.redo_name(), None);
        // Back to the first step.
        for _ in 0..6 {
            h.undo(&mut s);
        }
        assert_eq!(h.undo_name(), Some(&cost));
    }

    /// Retyping what is already there is no change: no undo step, the same state id, so a
    /// saved scenario stays saved.
    #[test]
    fn an_edit_to_the_same_value_is_no_step() {
        let mut s = scenario();
        let mut h = History::default();
        let state = h.state();
        let same = Part::Customer(0, Box::new(s.customers[0].clone()));
        assert!(!h.apply(&mut s, same, None));
        let meta = Part::Metadata(s.metadata.clone());
        assert!(!h.apply(&mut s, meta, None));
        let plan = Part::Plan(Box::new(s.plan.clone()));
        assert!(!h.apply(&mut s, plan, None));
        assert!(!h.can_undo());
        assert_eq!(h.state(), state);
        let part = with_growth(&s, 4);
        assert!(h.apply(&mut s, part, None));
        assert_ne!(h.state(), state);
    }

    #[test]
    fn recording_a_decision_is_one_step() {
        let mut s = scenario();
        let mut h = History::default();
        let draft = DisputeDraft {
            dispute: Dispute {
                id: "D1".into(),
                ..Dispute::default()
            },
            ..DisputeDraft::default()
        };
        h.apply(&mut s, Part::DisputeDraft(Some(Box::new(draft.clone()))), None);
        assert_eq!(s.dispute_draft.as_ref(), Some(&draft));
        h.apply(&mut s, Part::DisputeLog(vec![draft.dispute.clone()], None), None);
        assert_eq!(s.disputes.len(), 1);
        assert!(s.dispute_draft.is_none());
        h.undo(&mut s);
        assert!(s.disputes.is_empty());
        assert_eq!(
            s.dispute_draft.as_ref(),
            Some(&draft),
            "one undo brings the draft back"
        );
    }

    #[test]
    fn a_new_edit_clears_redo_and_bad_rows_change_nothing() {
        let mut s = scenario();
        let mut h = History::default();
        let part = with_growth(&s, 4);
        h.apply(&mut s, part, None);
        h.undo(&mut s);
        assert!(h.can_redo());
        let part = with_growth(&s, 5);
        h.apply(&mut s, part, None);
        assert!(!h.can_redo());
        let before = s.clone();
        assert!(!h.apply(&mut s, Part::Customer(9, Box::default()), None));
        assert_eq!(s, before);
    }

    /// Each kind of part: a new value is one undo step that undo reverts, and putting back
    /// the value already there is no step (retyping a field as it was leaves the file saved).
    #[test]
    fn each_part_applies_a_change_and_skips_the_same_value() {
        let mut base = scenario();
        base.disputes.push(Dispute {
            id: "D1".into(),
            ..Dispute::default()
        });
        let renamed = Dispute {
            id: "D2".into(),
            ..Dispute::default()
        };
        let mut settings = base.settings.clone();
        settings.growth_threshold = 5;
        let mut whole = base.clone();
        whole.metadata.author = "Wang".into();
        let draft = DisputeDraft::default();
        // (a change, the value the scenario already holds)
        let cases = [
            (Part::Settings(settings), Part::Settings(base.settings.clone())),
            (
                Part::Dispute(0, Box::new(renamed.clone())),
                Part::Dispute(0, Box::new(base.disputes[0].clone())),
            ),
            (
                Part::Disputes(vec![renamed]),
                Part::Disputes(base.disputes.clone()),
            ),
            (
                Part::DisputeDraft(Some(Box::new(draft.clone()))),
                Part::DisputeDraft(base.dispute_draft.clone().map(Box::new)),
            ),
            // The same log with a draft started is a change; the same log and no draft is not.
            (
                Part::DisputeLog(base.disputes.clone(), Some(Box::new(draft))),
                Part::DisputeLog(base.disputes.clone(), base.dispute_draft.clone().map(Box::new)),
            ),
            (
                Part::Scenes([base.scenes.clone(), vec![Scene::default()]].concat()),
                Part::Scenes(base.scenes.clone()),
            ),
            (Part::Whole(Box::new(whole)), Part::Whole(Box::new(base.clone()))),
        ];
        for (change, same) in cases {
            let what = format!("{change:?}");
            let mut s = base.clone();
            let mut h = History::default();
            assert!(!h.apply(&mut s, same, None), "the same value: {what}");
            assert!(!h.can_undo(), "{what}");
            assert!(h.apply(&mut s, change, None), "a change: {what}");
            assert_ne!(s, base, "{what}");
            assert!(h.undo(&mut s), "{what}");
            assert_eq!(s, base, "undone: {what}");
        }
    }

    /// Every change, undo and redo included, gives a new revision (so views re-derive); an
    /// edit that changes nothing does not.
    #[test]
    fn every_change_gives_a_new_revision() {
        let mut s = scenario();
        let mut h = History::default();
        let mut seen = vec![h.revision()];
        for g in [3, 4] {
            let part = with_growth(&s, g);
            assert!(h.apply(&mut s, part, None));
            seen.push(h.revision());
        }
        assert!(h.can_undo(), "an edit can be undone");
        assert!(h.undo(&mut s));
        seen.push(h.revision());
        assert!(h.redo(&mut s));
        seen.push(h.revision());
        let same = with_growth(&s, 4);
        assert!(!h.apply(&mut s, same, None));
        assert_eq!(h.revision(), *seen.last().unwrap(), "no change, same revision");
        // Five different revisions, each above the one before.
        assert!(seen.windows(2).all(|w| w[0] < w[1]), "{seen:?}");
    }
}
