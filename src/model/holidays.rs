//! Rest days for Civil Code art. 203: weekends, the State Council's public holidays, and the
//! weekend days its yearly notice makes working days (調休).
//!
//! The app ships the years it has checked (`assets/holidays/cn.ron`, embedded at build time);
//! a scenario may add or correct years (`Settings::holiday_years`), and its entries win.

use std::collections::BTreeMap;
use std::sync::LazyLock;

use chrono::{Datelike, NaiveDate, Weekday};
use serde::{Deserialize, Serialize};

/// One year of the State Council's holiday schedule.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct HolidayYear {
    pub year: i32,
    /// Where the entry comes from: the notice's title, number and date, or the user's note.
    pub source: String,
    /// Holiday breaks, first and last day included.
    pub holidays: Vec<(NaiveDate, NaiveDate)>,
    /// Weekend days made working days.
    pub workdays: Vec<NaiveDate>,
}

impl HolidayYear {
    /// Whether `date` falls in one of the year's holiday breaks.
    #[must_use]
    pub fn is_holiday(&self, date: NaiveDate) -> bool {
        self.holidays.iter().any(|&(from, to)| from <= date && date <= to)
    }

    /// What is wrong with the entry, if anything: a date outside its year, or a break that ends
    /// before it starts.
    #[must_use]
    pub fn problem(&self) -> Option<HolidayProblem> {
        let outside = |d: NaiveDate| d.year() != self.year;
        if self.holidays.iter().any(|&(from, to)| to < from) {
            return Some(HolidayProblem::Reversed);
        }
        if self
            .holidays
            .iter()
            .any(|&(from, to)| outside(from) && outside(to))
            || self.workdays.iter().any(|&d| outside(d))
        {
            return Some(HolidayProblem::OutsideYear);
        }
        None
    }
}

/// Reads holiday breaks typed one per line, `YYYY-MM-DD..YYYY-MM-DD` or a single date; blank
/// lines are skipped. `Err` holds the 1-based number of the first line that is not a date.
pub fn parse_breaks(text: &str) -> Result<Vec<(NaiveDate, NaiveDate)>, usize> {
    let date = |s: &str| NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d").ok();
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        let range = match line.split_once("..") {
            Some((from, to)) => date(from).zip(date(to)),
            None => date(line).map(|d| (d, d)),
        };
        out.push(range.ok_or(i + 1)?);
    }
    Ok(out)
}

/// Reads dates typed one per line (or separated by commas); `Err` holds the 1-based number of
/// the first entry that is not a date.
pub fn parse_days(text: &str) -> Result<Vec<NaiveDate>, usize> {
    text.split(['\n', ','])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .enumerate()
        .map(|(i, s)| NaiveDate::parse_from_str(s, "%Y-%m-%d").map_err(|_| i + 1))
        .collect()
}

/// Breaks written back as text, one per line, as `parse_breaks` reads them.
#[must_use]
pub fn breaks_text(breaks: &[(NaiveDate, NaiveDate)]) -> String {
    breaks
        .iter()
        .map(|(from, to)| {
            if from == to {
                from.to_string()
            } else {
                format!("{from}..{to}")
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Why a holiday-year entry cannot be right.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HolidayProblem {
    OutsideYear,
    Reversed,
}

/// The years built into the app, parsed once. The file is part of the build and checked by a
/// test, so a parse failure can only come from a broken build; it then yields no years (every
/// deadline says its year is unknown) rather than a crash.
static BUILT_IN: LazyLock<Vec<HolidayYear>> =
    LazyLock::new(|| ron::from_str(include_str!("../../assets/holidays/cn.ron")).unwrap_or_default());

/// The years the app ships.
#[must_use]
pub fn built_in_years() -> &'static [HolidayYear] {
    &BUILT_IN
}

/// The calendar in force: the built-in years, overridden year by year by the user's.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct HolidayCalendar {
    years: BTreeMap<i32, HolidayYear>,
}

/// The day a period really ends under art. 203.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct WorkingDay {
    pub date: NaiveDate,
    /// The day moved because the nominal last day was a rest day or holiday.
    pub extended: bool,
    /// Some day looked at lies in a year the calendar does not know (only weekends counted).
    pub year_unknown: bool,
}

impl HolidayCalendar {
    /// The built-in years with `user` years on top.
    #[must_use]
    pub fn new(user: &[HolidayYear]) -> Self {
        let mut years: BTreeMap<i32, HolidayYear> =
            built_in_years().iter().map(|y| (y.year, y.clone())).collect();
        for y in user {
            years.insert(y.year, y.clone());
        }
        Self { years }
    }

    /// A calendar with only these years (for tests and custom data).
    #[must_use]
    pub fn only(years: &[HolidayYear]) -> Self {
        Self {
            years: years.iter().map(|y| (y.year, y.clone())).collect(),
        }
    }

    /// Whether the calendar knows the holidays of `year`.
    #[must_use]
    pub fn knows(&self, year: i32) -> bool {
        self.years.contains_key(&year)
    }

    /// The years known, ascending.
    pub fn years(&self) -> impl Iterator<Item = &HolidayYear> {
        self.years.values()
    }

    /// Whether `date` is a rest day: a weekend not made a working day, or a holiday.
    #[must_use]
    pub fn is_rest_day(&self, date: NaiveDate) -> bool {
        let weekend = matches!(date.weekday(), Weekday::Sat | Weekday::Sun);
        match self.years.get(&date.year()) {
            Some(y) if y.workdays.contains(&date) => false,
            Some(y) => weekend || y.is_holiday(date),
            None => weekend,
        }
    }

    /// The last day of a period whose nominal last day is `date` (Civil Code art. 203).
    #[must_use]
    pub fn period_end(&self, date: NaiveDate) -> WorkingDay {
        let mut day = date;
        let mut year_unknown = !self.knows(date.year());
        // No holiday break is longer than a few weeks; the bound keeps bad user data from
        // looping for ever.
        for _ in 0..60 {
            if !self.is_rest_day(day) {
                break;
            }
            let Some(next) = day.succ_opt() else { break };
            day = next;
            year_unknown |= !self.knows(day.year());
        }
        WorkingDay {
            date: day,
            extended: day != date,
            year_unknown,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn the_built_in_file_parses_and_names_its_sources() {
        let years: Vec<i32> = built_in_years().iter().map(|y| y.year).collect();
        assert_eq!(years, [2024, 2025, 2026]);
        for y in built_in_years() {
            assert!(y.source.contains("国务院办公厅"), "{}", y.year);
            assert_eq!(y.problem(), None, "{}", y.year);
            // A make-up working day is always a weekend day.
            for d in &y.workdays {
                assert!(matches!(d.weekday(), Weekday::Sat | Weekday::Sun), "{d}");
            }
        }
    }

    #[test]
    fn rest_days_follow_the_notices() {
        let cal = HolidayCalendar::new(&[]);
        let cases = [
            (date(2026, 2, 16), true, "Spring Festival 2026"),
            (date(2026, 2, 14), false, "Saturday made a working day"),
            (date(2026, 2, 28), false, "Saturday made a working day"),
            (date(2026, 3, 2), false, "an ordinary Monday"),
            (date(2026, 3, 7), true, "an ordinary Saturday"),
            (date(2025, 10, 8), true, "National Day and Mid-Autumn 2025"),
            (date(2025, 9, 28), false, "Sunday made a working day"),
            (date(2024, 6, 10), true, "Dragon Boat 2024"),
            (
                date(2027, 1, 1),
                false,
                "2027 unknown: a Friday counts as a working day",
            ),
        ];
        for (day, rest, what) in cases {
            assert_eq!(cal.is_rest_day(day), rest, "{day}: {what}");
        }
    }

    #[test]
    fn a_period_ending_on_a_rest_day_runs_to_the_next_working_day() {
        let cal = HolidayCalendar::new(&[]);
        // Ends on the first day of the 2026 Spring Festival break: runs to Tuesday 24 February.
        assert_eq!(
            cal.period_end(date(2026, 2, 15)),
            WorkingDay {
                date: date(2026, 2, 24),
                extended: true,
                year_unknown: false
            }
        );
        // A working Saturday is not moved.
        assert!(!cal.period_end(date(2026, 2, 28)).extended);
        // 2027 is not in the calendar: Sunday 28 February runs to Monday 1 March, and the
        // result says the year is unknown.
        assert_eq!(
            cal.period_end(date(2027, 2, 28)),
            WorkingDay {
                date: date(2027, 3, 1),
                extended: true,
                year_unknown: true
            }
        );
    }

    #[test]
    fn the_users_years_win_over_the_built_in_ones() {
        let corrected = HolidayYear {
            year: 2026,
            source: "my correction".into(),
            holidays: vec![(date(2026, 3, 2), date(2026, 3, 2))],
            workdays: Vec::new(),
        };
        let cal = HolidayCalendar::new(std::slice::from_ref(&corrected));
        assert!(cal.is_rest_day(date(2026, 3, 2)));
        assert!(
            !cal.is_rest_day(date(2026, 2, 16)),
            "the built-in 2026 is replaced"
        );
        let added = HolidayYear {
            year: 2027,
            ..HolidayYear::default()
        };
        assert!(HolidayCalendar::new(&[added]).knows(2027));
    }

    #[test]
    fn typed_breaks_and_days() {
        let text = "2030-01-01\n\n 2030-02-02..2030-02-08 \n";
        let breaks = parse_breaks(text).unwrap();
        assert_eq!(
            breaks,
            [
                (date(2030, 1, 1), date(2030, 1, 1)),
                (date(2030, 2, 2), date(2030, 2, 8))
            ]
        );
        assert_eq!(breaks_text(&breaks), "2030-01-01\n2030-02-02..2030-02-08");
        assert_eq!(parse_breaks("2030-01-01\n2030-13-01"), Err(2));
        assert_eq!(parse_breaks("2030-01-01..soon"), Err(1));
        assert_eq!(
            parse_days("2030-01-05, 2030-02-09"),
            Ok(vec![date(2030, 1, 5), date(2030, 2, 9)])
        );
        assert_eq!(parse_days("2030-01-05\nSaturday"), Err(2));
    }

    #[test]
    fn bad_entries_are_named_and_never_loop() {
        let reversed = HolidayYear {
            year: 2030,
            holidays: vec![(date(2030, 5, 5), date(2030, 5, 1))],
            ..HolidayYear::default()
        };
        assert_eq!(reversed.problem(), Some(HolidayProblem::Reversed));
        let outside = HolidayYear {
            year: 2030,
            workdays: vec![date(2031, 1, 4)],
            ..HolidayYear::default()
        };
        assert_eq!(outside.problem(), Some(HolidayProblem::OutsideYear));
        // A whole year of holidays stops after the bound instead of looping.
        let all = HolidayYear {
            year: 2030,
            holidays: vec![(date(2030, 1, 1), date(2030, 12, 31))],
            ..HolidayYear::default()
        };
        let end = HolidayCalendar::only(&[all]).period_end(date(2030, 3, 1));
        assert!(end.date <= date(2030, 5, 1));
        assert!(
            end.extended && !end.year_unknown,
            "1 March 2030 is a holiday of a known year"
        );
    }

    /// A break may run over New Year (one end inside the year is enough); a break wholly in
    /// another year is outside it.
    #[test]
    fn a_break_over_new_year_belongs_to_its_year() {
        let over_new_year = HolidayYear {
            year: 2030,
            holidays: vec![(date(2030, 12, 31), date(2031, 1, 1))],
            ..HolidayYear::default()
        };
        assert_eq!(over_new_year.problem(), None);
        let next_year = HolidayYear {
            year: 2030,
            holidays: vec![(date(2031, 1, 1), date(2031, 1, 2))],
            ..HolidayYear::default()
        };
        assert_eq!(next_year.problem(), Some(HolidayProblem::OutsideYear));
    }

    /// A calendar of only the given years knows them, in ascending order, and no built-in year.
    #[test]
    fn a_calendar_of_only_some_years_knows_just_those() {
        let year = |year| HolidayYear {
            year,
            ..HolidayYear::default()
        };
        let cal = HolidayCalendar::only(&[year(2031), year(2030)]);
        assert_eq!(cal.years().map(|y| y.year).collect::<Vec<_>>(), [2030, 2031]);
        assert!(cal.knows(2030) && cal.knows(2031));
        assert!(!cal.knows(2026), "the built-in 2026 is not in it");
    }

    /// A period that starts in a known year and runs into an unknown one says the year is
    /// unknown: Tuesday 31 December 2030 is a holiday here, so the period runs to Wednesday
    /// 1 January 2031, a year the calendar does not know.
    #[test]
    fn running_into_an_unknown_year_is_flagged() {
        let year = HolidayYear {
            year: 2030,
            holidays: vec![(date(2030, 12, 31), date(2030, 12, 31))],
            ..HolidayYear::default()
        };
        let cal = HolidayCalendar::only(&[year]);
        assert_eq!(
            cal.period_end(date(2030, 12, 31)),
            WorkingDay {
                date: date(2031, 1, 1),
                extended: true,
                year_unknown: true
            }
        );
    }
}
