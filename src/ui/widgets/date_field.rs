//! The one date widget: a typed YYYY-MM-DD field with a calendar button beside it.

use std::borrow::Cow;

use chrono::{Datelike as _, NaiveDate};
use egui::Id;

use super::typed_field::{FieldResponse, TypedField};
use crate::i18n::fields::FieldKey;
use crate::i18n::{tr, trf};
use crate::model::Language;
use crate::model::field::DateKind;

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

/// An optional date, typed or picked in a calendar that opens at the date (or at `today`).
///
/// The typed part is a [`TypedField`] of [`DateKind`]: naming, drafts and refusals are its.
#[must_use = "call `show`"]
pub struct DateField<'a> {
    field: TypedField<'a, DateKind>,
    today: NaiveDate,
}

impl<'a> DateField<'a> {
    pub fn new(id: Id, value: Option<NaiveDate>, today: NaiveDate) -> Self {
        Self {
            field: TypedField::with(id, Cow::Owned(DateKind::default()), Cow::Owned(value)).width(100.0),
            today,
        }
    }

    /// The date may not be left empty.
    pub fn required(mut self) -> Self {
        self.field.kind.to_mut().required = true;
        self
    }

    /// As [`TypedField::labelled_by`].
    pub fn labelled_by(mut self, label: Id) -> Self {
        self.field = self.field.labelled_by(label);
        self
    }

    /// As [`TypedField::named`].
    pub fn named(mut self, name: &'a str) -> Self {
        self.field = self.field.named(name);
        self
    }

    pub fn show(self, ui: &mut egui::Ui, lang: Language) -> FieldResponse<Option<NaiveDate>> {
        let id = self.field.id;
        let value = *self.field.value;
        ui.horizontal(|ui| {
            ui.spacing_mut().item_spacing.x = 2.0;
            let mut typed = self.field.hint(tr(lang, FieldKey::DateHint)).show(ui, lang);

            let Some(mut picked) = value.or(Some(self.today)).and_then(to_jiff) else {
                return typed;
            };
            let salt = format!("date_picker_{}", id.value());
            let calendar = ui
                .add(
                    egui_extras::DatePickerButton::new(&mut picked)
                        .id_salt(&salt)
                        // The button opens the calendar; the date itself is in the field. An
                        // ellipsis, not a calendar emoji: the bundled fonts have no emoji.
                        .format("…")
                        .show_icon(false)
                        // The year/month/day boxes have no accessible names and the arrows
                        // reach any date, so the popup keeps to arrows and the calendar.
                        .combo_boxes(false)
                        .calendar_week(false),
                )
                .on_hover_text(tr(lang, FieldKey::PickDateHint));
            let name = match value {
                Some(date) => trf(lang, FieldKey::PickDate, &[("date", &date)]),
                None => tr(lang, FieldKey::PickDateHint).to_owned(),
            };
            calendar.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &name));
            if calendar.changed()
                && let Some(date) = from_jiff(picked)
                && Some(date) != value
            {
                // A pick replaces whatever was being typed.
                TypedField::<DateKind>::discard(ui.ctx(), id);
                typed.committed = Some(Some(date));
                typed.problem = None;
            }
            typed
        })
        .inner
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
