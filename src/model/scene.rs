//! Lesson scenes: a saved view of the scenario (page, sub-view, selection, filter, what-if)
//! with a title and a speaker note, so a trainer can step through a prepared story.
//!
//! Scenes hold plain data only; the UI turns a scene into view state and back. Each edit
//! returns a new scene list, applied through the history as one undo step.

use serde::{Deserialize, Serialize};

use super::charts::WhatIf;
use super::customer_table::Filter;
use super::{Scenario, WizardStep};

/// The app's pages, in navigation order: the page a scene shows, and the UI's navigation.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum ScenePage {
    #[default]
    Customers,
    Charts,
    Planner,
    Disputes,
}

impl ScenePage {
    pub const ALL: [Self; 4] = [Self::Customers, Self::Charts, Self::Planner, Self::Disputes];
}

/// The chart tab of the Charts page.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum ChartView {
    #[default]
    Whale,
    Matrix,
    Delivered,
    Summary,
    Cocreation,
    Segments,
    Groups,
}

/// The view of the Planner page.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum PlanView {
    #[default]
    Steps,
    Gantt,
    Kpis,
}

/// Which half of the Disputes page.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum DisputeView {
    #[default]
    Log,
    Wizard,
}

/// One saved view of the scenario, with what the trainer says over it.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Scene {
    pub title: String,
    /// The speaker note, shown only to the presenter.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub note: String,
    pub page: ScenePage,
    pub chart: ChartView,
    /// The Charts page draws only the customers the table's filter keeps.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub chart_uses_filter: bool,
    pub plan_view: PlanView,
    pub dispute_view: DisputeView,
    /// The dispute opened below the log, by id.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub dispute: Option<String>,
    /// The wizard's step when the scene was taken (the draft itself belongs to the scenario).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub wizard_step: Option<WizardStep>,
    /// The selected customer, by id (indices change when rows are added or removed).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub customer: Option<String>,
    /// The Customers table's filter.
    pub filter: Filter,
    /// The Charts page's what-if values.
    pub what_if: WhatIf,
}

/// What a scene points at that the scenario no longer holds; restoring skips those parts.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Missing {
    pub customer: Option<String>,
    pub dispute: Option<String>,
}

impl Missing {
    /// True when the scene restores completely.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.customer.is_none() && self.dispute.is_none()
    }
}

impl Scene {
    /// The customer and dispute this scene names that `scenario` does not hold.
    #[must_use]
    pub fn missing(&self, scenario: &Scenario) -> Missing {
        Missing {
            customer: self.customer.clone().filter(|id| scenario.customer(id).is_none()),
            dispute: self
                .dispute
                .clone()
                .filter(|id| !scenario.disputes.iter().any(|d| &d.id == id)),
        }
    }

    /// The same view with this scene's title and note, for "update from the current view".
    #[must_use]
    pub fn with_words_of(mut self, words: &Self) -> Self {
        self.title.clone_from(&words.title);
        self.note.clone_from(&words.note);
        self
    }
}

/// The scene list with `scene` added at the end.
#[must_use]
pub fn added(scenes: &[Scene], scene: Scene) -> Vec<Scene> {
    let mut next = scenes.to_vec();
    next.push(scene);
    next
}

/// The scene list with scene `index` showing `view` (its title and note kept); `None` when
/// there is no such scene.
#[must_use]
pub fn updated(scenes: &[Scene], index: usize, view: Scene) -> Option<Vec<Scene>> {
    let mut next = scenes.to_vec();
    let slot = next.get_mut(index)?;
    *slot = view.with_words_of(slot);
    Some(next)
}

/// The scene list with scene `index` titled `title`.
#[must_use]
pub fn renamed(scenes: &[Scene], index: usize, title: &str) -> Option<Vec<Scene>> {
    let mut next = scenes.to_vec();
    title.clone_into(&mut next.get_mut(index)?.title);
    Some(next)
}

/// The scene list with scene `index`'s note replaced.
#[must_use]
pub fn noted(scenes: &[Scene], index: usize, note: &str) -> Option<Vec<Scene>> {
    let mut next = scenes.to_vec();
    note.clone_into(&mut next.get_mut(index)?.note);
    Some(next)
}

/// The scene list with scene `index` moved one place up (`up`) or down; `None` at the ends.
#[must_use]
pub fn moved(scenes: &[Scene], index: usize, up: bool) -> Option<Vec<Scene>> {
    let other = if up { index.checked_sub(1)? } else { index + 1 };
    if other >= scenes.len() || index >= scenes.len() {
        return None;
    }
    let mut next = scenes.to_vec();
    next.swap(index, other);
    Some(next)
}

/// The scene list without scene `index`.
#[must_use]
pub fn removed(scenes: &[Scene], index: usize) -> Option<Vec<Scene>> {
    (index < scenes.len()).then(|| {
        let mut next = scenes.to_vec();
        next.remove(index);
        next
    })
}

/// What changed between two scene lists, for naming the undo step.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SceneChange {
    Added(String),
    Removed(String),
    Renamed(String),
    Moved,
    Updated(String),
    Edited,
}

/// How `new` differs from `old`, as one scene edit does it.
#[must_use]
pub fn change(old: &[Scene], new: &[Scene]) -> SceneChange {
    use std::cmp::Ordering;
    let title_of = |s: Option<&Scene>| s.map(|s| s.title.clone()).unwrap_or_default();
    match new.len().cmp(&old.len()) {
        Ordering::Greater => SceneChange::Added(title_of(new.iter().find(|n| !old.contains(n)))),
        Ordering::Less => SceneChange::Removed(title_of(old.iter().find(|o| !new.contains(o)))),
        Ordering::Equal => {
            let differing: Vec<(&Scene, &Scene)> = old.iter().zip(new).filter(|(o, n)| o != n).collect();
            match differing.as_slice() {
                [(o, n)] if o.title == n.title => SceneChange::Updated(n.title.clone()),
                // A new title (perhaps with a new note) on the same view.
                [(o, n)] if **o == (*n).clone().with_words_of(o) => SceneChange::Renamed(n.title.clone()),
                [(o, n), (o2, n2)] if o == n2 && o2 == n => SceneChange::Moved,
                _ => SceneChange::Edited,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Customer, Dispute, Tier};

    fn scene(title: &str, page: ScenePage) -> Scene {
        Scene {
            title: title.into(),
            page,
            ..Scene::default()
        }
    }

    fn three() -> Vec<Scene> {
        vec![
            scene("A", ScenePage::Customers),
            scene("B", ScenePage::Charts),
            scene("C", ScenePage::Planner),
        ]
    }

    fn titles(scenes: &[Scene]) -> Vec<&str> {
        scenes.iter().map(|s| s.title.as_str()).collect()
    }

    #[test]
    fn each_edit_changes_what_it_says_and_is_named_after_it() {
        let old = three();
        let new = added(&old, scene("D", ScenePage::Disputes));
        assert_eq!(titles(&new), ["A", "B", "C", "D"]);
        assert_eq!(change(&old, &new), SceneChange::Added("D".into()));

        let view = Scene {
            chart: ChartView::Matrix,
            ..scene("ignored", ScenePage::Charts)
        };
        let new = updated(&old, 0, view).unwrap();
        assert_eq!(new[0].title, "A", "the title stays");
        assert_eq!(
            (new[0].page, new[0].chart),
            (ScenePage::Charts, ChartView::Matrix)
        );
        assert_eq!(change(&old, &new), SceneChange::Updated("A".into()));

        let new = renamed(&old, 1, "Whale").unwrap();
        assert_eq!(titles(&new), ["A", "Whale", "C"]);
        assert_eq!(change(&old, &new), SceneChange::Renamed("Whale".into()));
        let with_note = noted(&new, 1, "Say why").unwrap();
        assert_eq!(change(&old, &with_note), SceneChange::Renamed("Whale".into()));

        let new = moved(&old, 2, true).unwrap();
        assert_eq!(titles(&new), ["A", "C", "B"]);
        assert_eq!(change(&old, &new), SceneChange::Moved);
        let new = moved(&old, 0, false).unwrap();
        assert_eq!(titles(&new), ["B", "A", "C"]);
        assert_eq!(moved(&old, 0, true), None, "the first cannot go up");
        assert_eq!(moved(&old, 2, false), None, "the last cannot go down");

        let new = removed(&old, 1).unwrap();
        assert_eq!(titles(&new), ["A", "C"]);
        assert_eq!(change(&old, &new), SceneChange::Removed("B".into()));
        assert_eq!(removed(&old, 3), None);
        assert_eq!(renamed(&old, 3, "x"), None);

        let new = noted(&old, 0, "Say hello").unwrap();
        assert_eq!(new[0].note, "Say hello");
        assert_eq!(change(&old, &new), SceneChange::Updated("A".into()));
    }

    #[test]
    fn scenes_name_what_the_scenario_no_longer_holds() {
        let mut s = Scenario::new(chrono::NaiveDate::default());
        s.customers.push(Customer {
            id: "C1".into(),
            ..Customer::default()
        });
        s.disputes.push(Dispute {
            id: "D1".into(),
            ..Dispute::default()
        });
        let mut sc = Scene {
            customer: Some("C1".into()),
            dispute: Some("D1".into()),
            ..Scene::default()
        };
        assert!(sc.missing(&s).is_empty());
        // A scene never makes the scenario invalid, whatever it points at.
        let before = crate::model::validate(&s);
        let mut dangling = sc.clone();
        dangling.customer = Some("gone".into());
        s.scenes.push(dangling);
        assert_eq!(crate::model::validate(&s), before);
        sc.customer = Some("C9".into());
        sc.dispute = Some("D9".into());
        assert_eq!(
            sc.missing(&s),
            Missing {
                customer: Some("C9".into()),
                dispute: Some("D9".into())
            }
        );
        assert!(!sc.missing(&s).is_empty());
        // Either one missing alone is enough for the scene not to restore completely.
        sc.dispute = Some("D1".into());
        assert!(!sc.missing(&s).is_empty(), "only the customer is gone");
        sc.customer = Some("C1".into());
        sc.dispute = Some("D9".into());
        assert!(!sc.missing(&s).is_empty(), "only the dispute is gone");
    }

    #[test]
    fn a_scene_round_trips_through_ron() {
        let sc = Scene {
            title: "Loss-makers".into(),
            note: "Ask who they are.".into(),
            page: ScenePage::Charts,
            chart: ChartView::Whale,
            customer: Some("C020".into()),
            filter: Filter {
                tier: Some(Tier::LossMaking),
                ..Filter::default()
            },
            what_if: WhatIf {
                cost_to_serve_pct: -30.0,
                ..WhatIf::default()
            },
            ..Scene::default()
        };
        let text = ron::to_string(&sc).unwrap();
        let back: Scene = ron::from_str(&text).unwrap();
        assert_eq!(back, sc);
        let empty: Scene = ron::from_str("(title: \"Only a title\")").unwrap();
        assert_eq!(empty.page, ScenePage::Customers, "missing fields take defaults");
    }

    /// Edits that are not one rename or one swap are named as a plain edit: a new title on a
    /// new view, two scenes renamed, and two scenes changed where only one moved.
    #[test]
    fn other_edits_are_not_named_as_a_rename_or_a_move() {
        let old = three();
        let mut new = old.clone();
        new[1].title = "Whale".into();
        new[1].page = ScenePage::Disputes;
        assert_eq!(
            change(&old, &new),
            SceneChange::Edited,
            "title and view both changed"
        );

        let mut new = old.clone();
        new[0].title = "X".into();
        new[1].title = "Y".into();
        assert_eq!(change(&old, &new), SceneChange::Edited, "two renames");

        // A went to B's place, but B did not go to A's: [A, B, C] → [X, A, C].
        let new = vec![scene("X", ScenePage::Disputes), old[0].clone(), old[2].clone()];
        assert_eq!(change(&old, &new), SceneChange::Edited, "not a swap");
    }
}
