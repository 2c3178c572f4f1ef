//! Small widgets the planner views share: labelled fields, optional dates, remove buttons.

use chrono::{Datelike as _, NaiveDate};

use super::edit::Track;
use crate::i18n::planner::PlannerKey as P;
use crate::i18n::tr;
use crate::model::Language;

/// chrono → jiff, for egui_extras' date picker. The model keeps chrono.
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
                    .add(egui::Button::new(egui::RichText::new(tr(lang, P::SetDate)).weak()))
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

/// A single-line text field of `width`, labelled for screen readers and tests by `label`.
pub fn text_cell(ui: &mut egui::Ui, track: &mut Track, text: &mut String, width: f32, label: &str) {
    let response = ui.add(
        egui::TextEdit::singleline(text)
            .desired_width(width)
            .hint_text(egui::RichText::new(label).weak()),
    );
    track.continuous(&response);
}

/// A number field.
pub fn number_cell(ui: &mut egui::Ui, track: &mut Track, value: &mut f64, speed: f64) {
    let response = ui.add(egui::DragValue::new(value).speed(speed).max_decimals(2));
    track.continuous(&response);
}

/// A percentage field, 0–100.
pub fn percent_cell(ui: &mut egui::Ui, track: &mut Track, value: &mut u8) {
    let response = ui.add(egui::DragValue::new(value).range(0..=100).suffix("%"));
    track.continuous(&response);
}

/// The "remove this row" button; true when clicked.
pub fn remove_button(ui: &mut egui::Ui, lang: Language) -> bool {
    ui.small_button("×").on_hover_text(tr(lang, P::RemoveRow)).clicked()
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

/// The header row of a sub-table grid.
pub fn header_row(ui: &mut egui::Ui, lang: Language, keys: &[P]) {
    for &key in keys {
        ui.label(egui::RichText::new(tr(lang, key)).strong());
    }
    ui.end_row();
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
