//! Which edits belong together: a slider drag or typing into one text field is one undo step.

use crate::model::Part;
use crate::ui::commands::Command;

/// What this frame's widgets changed, and the gesture the change belongs to.
///
/// Views edit a copy of a part of the scenario, record each widget's response here, and send
/// the changed copy as one `Command::Edit`. Edits carrying the same gesture id merge into one
/// undo step until the app closes the gesture (pointer up and no field focused).
#[derive(Clone, Copy, Debug, Default)]
pub struct Gesture {
    changed: bool,
    /// Set by continuous widgets; discrete edits (clicks, picks, committed values) leave it
    /// `None`, so each is its own step.
    id: Option<u64>,
}

impl Gesture {
    /// Records a change from a continuous widget (slider, drag value, text typed live);
    /// returns whether it changed.
    pub fn continuous(&mut self, response: &egui::Response) -> bool {
        if response.changed() {
            self.changed = true;
            self.id = Some(response.id.value());
        }
        response.changed()
    }

    /// Records a change from a gesture with an id of its own (a painted bar being dragged).
    pub fn drag(&mut self, id: egui::Id) {
        self.changed = true;
        self.id = Some(id.value());
    }

    /// Records a discrete change (a click, a pick from a list, a committed typed value) when
    /// `changed`; returns `changed`.
    pub fn discrete(&mut self, changed: bool) -> bool {
        self.changed |= changed;
        changed
    }

    /// Whether anything changed this frame.
    #[must_use]
    pub fn changed(&self) -> bool {
        self.changed
    }

    /// The edit that puts `part` into the scenario as part of this gesture.
    pub fn edit(&self, part: Part) -> Command {
        Command::Edit {
            part,
            gesture: self.id,
        }
    }
}

/// One labelled percentage slider row of a grid over `range` (0–100 for a chance or a share);
/// returns the new value when the user moved it (recorded in `gesture`). Shown alone it writes
/// nothing, so a stored 12.5% is never re-rounded and a NaN never becomes an edit.
pub fn percent_slider(
    ui: &mut egui::Ui,
    label: &str,
    value: f64,
    range: std::ops::RangeInclusive<f64>,
    gesture: &mut Gesture,
) -> Option<f64> {
    let label = ui.label(label);
    let mut shown = if value.is_finite() { value } else { 0.0 };
    let response = ui
        .add(
            egui::Slider::new(&mut shown, range)
                .clamping(egui::SliderClamping::Edits)
                .suffix(" %")
                .max_decimals(1),
        )
        .labelled_by(label.id);
    ui.end_row();
    gesture.continuous(&response).then_some(shown)
}
