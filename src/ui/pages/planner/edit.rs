//! A frame's edit to the plan: widgets change a copy, and a changed copy becomes one command.

use crate::model::{IntegrationPlan, Part};
use crate::ui::commands::Command;
use crate::ui::widgets::Gesture;

/// A copy of the plan that this frame's widgets edit, and the gesture the edit belongs to.
pub struct PlanEdit {
    pub plan: IntegrationPlan,
    pub gesture: Gesture,
}

impl PlanEdit {
    #[must_use]
    pub fn new(plan: &IntegrationPlan) -> Self {
        Self {
            plan: plan.clone(),
            gesture: Gesture::default(),
        }
    }

    pub fn continuous(&mut self, response: &egui::Response) {
        self.gesture.continuous(response);
    }

    pub fn discrete(&mut self, changed: bool) {
        self.gesture.discrete(changed);
    }

    /// Emits the edit, if the copy differs from `original`.
    pub fn finish(self, original: &IntegrationPlan, out: &mut Vec<Command>) {
        if self.gesture.changed() && self.plan != *original {
            out.push(self.gesture.edit(Part::Plan(Box::new(self.plan))));
        }
    }
}
