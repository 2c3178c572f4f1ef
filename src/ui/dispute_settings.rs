//! The dispute part of Scenario properties: the route assumptions, the discount rate, the
//! chance the limitation defence is raised, and the holiday calendar's years. Each change is
//! one undoable `Part::Settings` edit; a slider drag is one gesture.

use egui::RichText;

use super::commands::Command;
use super::pages::dispute_wizard::MONTHS;
use super::theme;
use super::widgets::{Gesture, TypedField, percent_slider};
use crate::i18n::disputes::{DisputeKey as K, route, t};
use crate::i18n::trf;
use crate::model::field::{IntegerKind, MoneyKind};
use crate::model::holidays::{
    HolidayCalendar, HolidayProblem, HolidayYear, breaks_text, built_in_years, parse_breaks, parse_days,
};
use crate::model::{Language, Part, Route, Settings};

/// The years a holiday calendar can be written for.
const YEARS: IntegerKind = IntegerKind { min: 1990, max: 2100 };

/// The holiday-year editor's text, kept while the window is open.
#[derive(Clone, Debug, Default)]
struct YearDraft {
    year: i32,
    source: String,
    breaks: String,
    workdays: String,
    problem: Option<String>,
}

impl YearDraft {
    fn from_year(y: &HolidayYear) -> Self {
        Self {
            year: y.year,
            source: y.source.clone(),
            breaks: breaks_text(&y.holidays),
            workdays: y
                .workdays
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join("\n"),
            problem: None,
        }
    }

    /// The year as typed, or what is wrong with it, in `lang`.
    fn parse(&self, lang: Language) -> Result<HolidayYear, String> {
        let holidays = parse_breaks(&self.breaks)
            .map_err(|line| trf(lang, K::PropHolidayBadLine, &[("line", &line)]))?;
        let workdays = parse_days(&self.workdays)
            .map_err(|line| trf(lang, K::PropHolidayBadLine, &[("line", &line)]))?;
        let year = HolidayYear {
            year: self.year,
            source: self.source.trim().to_owned(),
            holidays,
            workdays,
        };
        match year.problem() {
            Some(HolidayProblem::OutsideYear) => Err(t(lang, K::PropHolidayOutside).to_owned()),
            Some(HolidayProblem::Reversed) => Err(t(lang, K::PropHolidayReversed).to_owned()),
            None => Ok(year),
        }
    }
}

fn edit(out: &mut Vec<Command>, next: Settings, gesture: Gesture) {
    out.push(gesture.edit(Part::Settings(next)));
}

/// Draws the dispute settings of `settings`; edits go to `out`.
pub fn dispute_settings_ui(ui: &mut egui::Ui, lang: Language, settings: &Settings, out: &mut Vec<Command>) {
    ui.strong(t(lang, K::PropDisputes));
    ui.weak(t(lang, K::PropDisputesHint));
    egui::Grid::new("properties_disputes")
        .num_columns(2)
        .spacing([12.0, 6.0])
        .show(ui, |ui| {
            let mut gesture = Gesture::default();
            let discount = settings.discount_rate_pct;
            if let Some(rate) =
                percent_slider(ui, t(lang, K::PropDiscount), discount, 0.0..=30.0, &mut gesture)
            {
                let mut next = settings.clone();
                next.discount_rate_pct = rate;
                edit(out, next, gesture);
            }
            let mut gesture = Gesture::default();
            if let Some(v) = percent_slider(
                ui,
                t(lang, K::DefenceChance),
                settings.limitation_defence_pct,
                0.0..=100.0,
                &mut gesture,
            ) {
                let mut next = settings.clone();
                next.limitation_defence_pct = v;
                edit(out, next, gesture);
            }
            for r in Route::ALL {
                let name = route(lang, r);
                let assumed = settings.route_defaults.get(r);
                let loss = trf(lang, K::LossChance, &[("route", &name)]);
                let mut gesture = Gesture::default();
                if let Some(v) = percent_slider(
                    ui,
                    &loss,
                    assumed.relationship_loss_pct,
                    0.0..=100.0,
                    &mut gesture,
                ) {
                    let mut next = settings.clone();
                    next.route_defaults.get_mut(r).relationship_loss_pct = v;
                    edit(out, next, gesture);
                }
                let label = ui.label(trf(lang, K::RouteCost, &[("route", &name)]));
                let typed = ui
                    .horizontal(|ui| {
                        ui.label(settings.currency_symbol.as_str());
                        TypedField::new(
                            ui.make_persistent_id(("default_route_cost", r)),
                            &MoneyKind { negative: false },
                            &assumed.cost,
                        )
                        .width(140.0)
                        .right_aligned()
                        .labelled_by(label.id)
                        .show(ui, lang)
                    })
                    .inner;
                ui.end_row();
                if let Some(cost) = typed.committed {
                    let mut next = settings.clone();
                    next.route_defaults.get_mut(r).cost = cost;
                    edit(out, next, Gesture::default());
                }
                let label = ui.label(trf(lang, K::RouteMonths, &[("route", &name)]));
                let months = i64::from(assumed.months);
                let typed = TypedField::new(
                    ui.make_persistent_id(("default_route_months", r)),
                    &MONTHS,
                    &months,
                )
                .width(60.0)
                .right_aligned()
                .labelled_by(label.id)
                .show(ui, lang);
                ui.end_row();
                if let Some(months) = typed.committed.and_then(|m| u32::try_from(m).ok()) {
                    let mut next = settings.clone();
                    next.route_defaults.get_mut(r).months = months;
                    edit(out, next, Gesture::default());
                }
            }
        });
    ui.separator();
    holidays_ui(ui, lang, settings, out);
}

fn holidays_ui(ui: &mut egui::Ui, lang: Language, settings: &Settings, out: &mut Vec<Command>) {
    ui.strong(t(lang, K::PropHolidays));
    ui.add(egui::Label::new(RichText::new(t(lang, K::PropHolidaysHint)).weak()).wrap());
    let calendar = HolidayCalendar::new(&settings.holiday_years);
    let dark = ui.visuals().dark_mode;
    egui::Grid::new("properties_holiday_years")
        .num_columns(3)
        .spacing([12.0, 4.0])
        .show(ui, |ui| {
            for y in calendar.years() {
                let mine = settings.holiday_years.iter().any(|u| u.year == y.year);
                ui.label(y.year.to_string());
                ui.label(t(
                    lang,
                    if mine {
                        K::PropHolidayYours
                    } else {
                        K::PropHolidayBuiltIn
                    },
                ));
                ui.add(egui::Label::new(RichText::new(&y.source).weak()).truncate());
                ui.end_row();
            }
        });
    let id = ui.make_persistent_id("holiday_year_draft");
    let mut draft = ui.data(|d| d.get_temp::<YearDraft>(id)).unwrap_or_else(|| {
        // Start from the year after the last known one.
        let year = calendar.years().last().map_or(2027, |y| y.year + 1);
        YearDraft {
            year,
            ..YearDraft::default()
        }
    });
    ui.label(t(lang, K::PropHolidayEdit));
    egui::Grid::new("properties_holiday_editor")
        .num_columns(2)
        .spacing([12.0, 6.0])
        .show(ui, |ui| {
            let label = ui.label(t(lang, K::PropHolidayYear));
            let shown = i64::from(draft.year);
            let typed = TypedField::new(ui.make_persistent_id("holiday_year"), &YEARS, &shown)
                .width(60.0)
                .labelled_by(label.id)
                .show(ui, lang);
            if let Some(year) = typed.committed.and_then(|y| i32::try_from(y).ok()) {
                draft.year = year;
                // Load what is known for the year, to correct it.
                let known = settings
                    .holiday_years
                    .iter()
                    .chain(built_in_years())
                    .find(|y| y.year == draft.year);
                draft = known.map_or_else(
                    || YearDraft {
                        year: draft.year,
                        ..YearDraft::default()
                    },
                    YearDraft::from_year,
                );
            }
            ui.end_row();
            for (key, text, rows) in [
                (K::PropHolidaySource, &mut draft.source, 1),
                (K::PropHolidayBreaks, &mut draft.breaks, 4),
                (K::PropHolidayWorkdays, &mut draft.workdays, 2),
            ] {
                let label = ui.label(t(lang, key));
                let edit = if rows == 1 {
                    egui::TextEdit::singleline(text)
                } else {
                    egui::TextEdit::multiline(text).desired_rows(rows)
                };
                ui.add(edit.desired_width(280.0)).labelled_by(label.id);
                ui.end_row();
            }
        });
    ui.horizontal(|ui| {
        if ui.button(t(lang, K::PropHolidaySave)).clicked() {
            match draft.parse(lang) {
                Ok(year) => {
                    let mut next = settings.clone();
                    next.holiday_years.retain(|y| y.year != year.year);
                    next.holiday_years.push(year);
                    next.holiday_years.sort_by_key(|y| y.year);
                    edit(out, next, Gesture::default());
                    draft.problem = None;
                }
                Err(problem) => draft.problem = Some(problem),
            }
        }
        let mine = settings.holiday_years.iter().any(|y| y.year == draft.year);
        if ui
            .add_enabled(mine, egui::Button::new(t(lang, K::PropHolidayRemove)))
            .clicked()
        {
            let mut next = settings.clone();
            next.holiday_years.retain(|y| y.year != draft.year);
            edit(out, next, Gesture::default());
        }
    });
    if let Some(problem) = &draft.problem {
        ui.colored_label(
            theme::error_color(dark),
            trf(lang, K::PropHolidayBad, &[("what", problem)]),
        );
    }
    ui.data_mut(|d| d.insert_temp(id, draft));
}
