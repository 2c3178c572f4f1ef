//! Small widgets the planner views share: labelled fields, optional dates, remove buttons.

use chrono::{Datelike as _, NaiveDate};

use super::edit::Track;
use crate::i18n::planner::PlannerKey as P;
use crate::i18n::tr;
use crate::model::Language;

/// chrono → jiff, for the `egui_extras` date picker. The model keeps chrono.
fn to_jiff(date: NaiveDate) -> Option<jiff::civil::Date> {
    let year = i16::try_from(date.year()).ok()?;
    jiff::civil::Date::new(year, date.month() as i8, date.day() as i8).ok()
}

/// jiff → chrono.
fn from_jiff(date: jiff::civil::Date) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(
        i32::from(date.year()),
        u32::try_from(date.month()).ok()?,
        u32::try_from(date.day()).ok()?,
    )
}

/// An optional date: a date-picker button when set (with a clear button if `clearable`),
/// else a "Set date" button that starts at `today`. Returns true when the date changed.
pub fn date_ui(
    ui: &mut egui::Ui,
    lang: Language,
    value: &mut Option<NaiveDate>,
    id_salt: &str,
    today: NaiveDate,
    clearable: bool,
) -> bool {
    let mut changed = false;
    ui.horizontal(|ui| {
        ui.spacing_mut().item_spacing.x = 2.0;
        match value.and_then(to_jiff) {
            Some(mut picked) => {
                let response = ui.add(
                    egui_extras::DatePickerButton::new(&mut picked)
                        .id_salt(id_salt)
                        .show_icon(false)
                        // The year/month/day boxes have no accessible names and the arrows
                        // reach any date, so the popup keeps to arrows and the calendar.
                        .combo_boxes(false)
                        .calendar_week(false),
                );
                if response.changed()
                    && let Some(date) = from_jiff(picked)
                    && Some(date) != *value
                {
                    *value = Some(date);
                    changed = true;
                }
                if clearable
                    && ui
                        .small_button("×")
                        .on_hover_text(tr(lang, P::ClearDate))
                        .clicked()
                {
                    *value = None;
                    changed = true;
                }
            }
            None => {
                if ui
                    .add(egui::Button::new(
                        egui::RichText::new(tr(lang, P::SetDate)).weak(),
                    ))
                    .clicked()
                {
                    *value = Some(today);
                    changed = true;
                }
            }
        }
    });
    changed
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
pub fn text_cell(ui: &mut egui::Ui, track: &mut Track, text: &mut String, width: f32, label: egui::Id) {
    let response = sized_cell(ui, width, |ui| {
        ui.add(egui::TextEdit::singleline(text).desired_width(width))
            .labelled_by(label)
    });
    track.continuous(&response);
}

/// A wrapping text field of `width`, for longer texts.
pub fn long_text_cell(ui: &mut egui::Ui, track: &mut Track, text: &mut String, width: f32, label: egui::Id) {
    let response = sized_cell(ui, width, |ui| {
        ui.add(
            egui::TextEdit::multiline(text)
                .desired_width(width)
                .desired_rows(1),
        )
        .labelled_by(label)
    });
    track.continuous(&response);
}

/// A number field.
pub fn number_cell(ui: &mut egui::Ui, track: &mut Track, value: &mut f64, speed: f64, label: egui::Id) {
    let response = ui
        .add(egui::DragValue::new(value).speed(speed).max_decimals(2))
        .labelled_by(label);
    track.continuous(&response);
}

/// A percentage field, 0–100.
pub fn percent_cell(ui: &mut egui::Ui, track: &mut Track, value: &mut u8, label: egui::Id) {
    let response = ui
        .add(egui::DragValue::new(value).range(0..=100).suffix("%"))
        .labelled_by(label);
    track.continuous(&response);
}

/// A yes/no cell.
pub fn check_cell(ui: &mut egui::Ui, track: &mut Track, value: &mut bool, label: egui::Id) {
    let response = ui.checkbox(value, "").labelled_by(label);
    track.discrete(response.changed());
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_convert_both_ways() {
        for date in [
            NaiveDate::from_ymd_opt(2026, 11, 26),
            NaiveDate::from_ymd_opt(2024, 2, 29),
            NaiveDate::from_ymd_opt(1999, 12, 31),
        ]
        .into_iter()
        .flatten()
        {
            assert_eq!(to_jiff(date).and_then(from_jiff), Some(date));
        }
    }
}
