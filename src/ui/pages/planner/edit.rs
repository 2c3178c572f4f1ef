//! A frame's edit to the plan: widgets change a copy, and a changed copy becomes one command.

use crate::model::{IntegrationPlan, Part};
use crate::ui::commands::Command;

/// What changed this frame, and whether it belongs to a gesture.
#[derive(Default)]
pub struct Track {
    changed: bool,
    /// Set by continuous widgets (text fields, drags, sliders) so the whole gesture merges
    /// into one undo step; discrete edits (clicks, picks) leave it `None`.
    gesture: Option<u64>,
}

impl Track {
    /// Records a change from a continuous widget (text field, drag value, slider).
    pub fn continuous(&mut self, response: &egui::Response) {
        if response.changed() {
            self.changed = true;
            self.gesture = Some(response.id.value());
        }
    }

    /// Records a change from a gesture with its own id (a painted bar being dragged).
    pub fn gesture(&mut self, id: egui::Id) {
        self.changed = true;
        self.gesture = Some(id.value());
    }

    /// Records a discrete change (a click, a pick from a list) when `changed`.
    pub fn discrete(&mut self, changed: bool) {
        self.changed |= changed;
    }
}

/// A copy of the plan that this frame's widgets edit.
pub struct PlanEdit {
    pub plan: IntegrationPlan,
    pub track: Track,
}

impl PlanEdit {
    #[must_use]
    pub fn new(plan: &IntegrationPlan) -> Self {
        Self {
            plan: plan.clone(),
            track: Track::default(),
        }
    }

    pub fn continuous(&mut self, response: &egui::Response) {
        self.track.continuous(response);
    }

    pub fn discrete(&mut self, changed: bool) {
        self.track.discrete(changed);
    }

    /// Emits the edit, if the copy differs from `original`.
    pub fn finish(self, original: &IntegrationPlan, out: &mut Vec<Command>) {
        if self.track.changed && self.plan != *original {
            out.push(Command::Edit {
                part: Part::Plan(Box::new(self.plan)),
                gesture: self.track.gesture,
            });
        }
    }
}
