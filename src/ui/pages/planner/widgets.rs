//! Small widgets the planner views share: sized cells of the widget kit, remove buttons.

use chrono::NaiveDate;

use crate::i18n::planner::PlannerKey as P;
use crate::i18n::tr;
use crate::model::field::{MoneyKind, PercentKind};
use crate::model::{Language, Money};
use crate::ui::widgets::{DateField, Gesture, TypedField};

/// A date cell named by the column header `label`; a committed date is a discrete change.
/// Planned dates are `required`; others can be emptied again.
#[expect(
    clippy::too_many_arguments,
    reason = "one cell: where it is, what it shows, what names it; grouping would only rename them"
)]
pub fn date_cell(
    ui: &mut egui::Ui,
    lang: Language,
    gesture: &mut Gesture,
    value: &mut Option<NaiveDate>,
    id: egui::Id,
    today: NaiveDate,
    required: bool,
    label: egui::Id,
) {
    let mut field = DateField::new(id, *value, today).labelled_by(label);
    if required {
        field = field.required();
    }
    if let Some(date) = field.show(ui, lang).committed {
        *value = date;
        gesture.discrete(true);
    }
}

/// Runs `add` in a cell exactly `width` wide, so grid columns keep their size.
pub fn sized_cell<R>(ui: &mut egui::Ui, width: f32, add: impl FnOnce(&mut egui::Ui) -> R) -> R {
    ui.vertical(|ui| {
        ui.set_width(width);
        add(ui)
    })
    .inner
}

/// A single-line text field of `width`, named for screen readers by the label `label`.
pub fn text_cell(ui: &mut egui::Ui, gesture: &mut Gesture, text: &mut String, width: f32, label: egui::Id) {
    let response = sized_cell(ui, width, |ui| {
        ui.add(egui::TextEdit::singleline(text).desired_width(width))
            .labelled_by(label)
    });
    gesture.continuous(&response);
}

/// A wrapping text field of `width`, for longer texts.
pub fn long_text_cell(
    ui: &mut egui::Ui,
    gesture: &mut Gesture,
    text: &mut String,
    width: f32,
    label: egui::Id,
) {
    let response = sized_cell(ui, width, |ui| {
        ui.add(
            egui::TextEdit::multiline(text)
                .desired_width(width)
                .desired_rows(1),
        )
        .labelled_by(label)
    });
    gesture.continuous(&response);
}

/// A number field.
pub fn number_cell(ui: &mut egui::Ui, gesture: &mut Gesture, value: &mut f64, speed: f64, label: egui::Id) {
    let response = ui
        .add(egui::DragValue::new(value).speed(speed).max_decimals(2))
        .labelled_by(label);
    gesture.continuous(&response);
}

/// A whole percentage, 0–100, typed.
pub fn percent_cell(
    ui: &mut egui::Ui,
    lang: Language,
    gesture: &mut Gesture,
    value: &mut u8,
    id: egui::Id,
    label: egui::Id,
) {
    let shown = f64::from(*value);
    let field = TypedField::new(id, &PercentKind::WHOLE, &shown)
        .width(56.0)
        .right_aligned()
        .labelled_by(label)
        .show(ui, lang);
    if let Some(pct) = field.committed {
        // The kind keeps it a whole number from 0 to 100.
        *value = pct.clamp(0.0, 100.0) as u8;
        gesture.discrete(true);
    }
}

/// An amount of money, typed, never negative.
pub fn money_cell(
    ui: &mut egui::Ui,
    lang: Language,
    gesture: &mut Gesture,
    money: &mut Money,
    id: egui::Id,
    label: egui::Id,
) {
    let field = TypedField::new(id, &MoneyKind { negative: false }, money)
        .width(110.0)
        .right_aligned()
        .labelled_by(label)
        .show(ui, lang);
    if let Some(value) = field.committed {
        *money = value;
        gesture.discrete(true);
    }
}

/// A yes/no cell.
pub fn check_cell(ui: &mut egui::Ui, gesture: &mut Gesture, value: &mut bool, label: egui::Id) {
    let response = ui.checkbox(value, "").labelled_by(label);
    gesture.discrete(response.changed());
}

/// The "remove this row" button; true when clicked.
pub fn remove_button(ui: &mut egui::Ui, lang: Language) -> bool {
    let text = tr(lang, P::RemoveRow);
    let response = ui.small_button("×").on_hover_text(text);
    // Screen readers and tests find it by what it does, not by the × drawn on it.
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, text));
    response.clicked()
}

/// The "add a row" button; true when clicked.
pub fn add_button(ui: &mut egui::Ui, lang: Language) -> bool {
    ui.button(format!("+ {}", tr(lang, P::AddRow))).clicked()
}

/// A sub-table heading.
pub fn section_heading(ui: &mut egui::Ui, text: &str) {
    ui.add_space(6.0);
    ui.label(egui::RichText::new(text).strong().size(15.0));
    ui.add_space(2.0);
}

/// The header row of a sub-table grid; returns each header's id, to name the cells below it.
pub fn header_row(ui: &mut egui::Ui, lang: Language, keys: &[P]) -> Headers {
    let ids = keys
        .iter()
        .map(|&key| ui.label(egui::RichText::new(tr(lang, key)).strong()).id)
        .collect();
    ui.end_row();
    Headers(ids)
}

/// The ids of a grid's column headers.
pub struct Headers(Vec<egui::Id>);

impl Headers {
    /// The header of column `index`.
    #[must_use]
    pub fn get(&self, index: usize) -> egui::Id {
        self.0.get(index).copied().unwrap_or(egui::Id::NULL)
    }
}
