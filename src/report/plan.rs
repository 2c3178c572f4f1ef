//! The integration plan as files other tools read: an iCalendar (.ics) schedule and a CSV table.
//!
//! These build bytes only; the app and the command line ask where to write them and write them
//! atomically. [`plan_ics`] and [`plan_csv`] word them in the user's language; the builders
//! underneath take the words through [`ExportNames`].

use chrono::{NaiveDate, TimeDelta};
use icalendar::{Calendar, Component, Event, EventLike};

use crate::i18n::planner::PlannerKey as P;
use crate::i18n::{step_name, step_status_name, trf};
use crate::model::planner::{dependency_conflicts, package_overdue, step_overdue};
use crate::model::{IntegrationPlan, Language, Scenario, StepKind, StepStatus};
use crate::store::export::{ExportCell, ExportTable, to_csv};

/// Calls `f` with the export words in `lang`.
fn with_names<R>(lang: Language, calendar: &str, f: impl FnOnce(&ExportNames<'_>) -> R) -> R {
    let step = |k| step_name(lang, k).to_owned();
    let status = |s: StepStatus| step_status_name(lang, s).to_owned();
    let step_due = |n: usize, name: &str| trf(lang, P::IcsStepDue, &[("n", &n), ("name", &name)]);
    let owner = |o: &str| trf(lang, P::IcsOwner, &[("owner", &o)]);
    let status_line = |s: StepStatus| trf(lang, P::IcsStatus, &[("status", &step_status_name(lang, s))]);
    let progress = |pct: u8| trf(lang, P::IcsProgress, &[("pct", &pct)]);
    let depends_on = |d: &str| trf(lang, P::IcsDepends, &[("ids", &d)]);
    f(&ExportNames {
        calendar,
        step: &step,
        status: &status,
        step_due: &step_due,
        owner: &owner,
        depends_on: &depends_on,
        status_line: &status_line,
        progress: &progress,
    })
}

/// The scenario's plan as an iCalendar file in `lang`, named after the scenario.
#[must_use]
pub fn plan_ics(scenario: &Scenario, lang: Language, stamp: NaiveDate) -> String {
    with_names(lang, &scenario.metadata.title, |names| {
        plan_to_ics(&scenario.plan, names, stamp)
    })
}

/// The scenario's plan as CSV in `lang` (see [`plan_to_csv`]).
pub fn plan_csv(scenario: &Scenario, lang: Language, today: NaiveDate) -> Result<Vec<u8>, csv::Error> {
    with_names(lang, &scenario.metadata.title, |names| {
        plan_to_csv(&scenario.plan, names, today)
    })
}

/// The words an export needs, in the user's language.
pub struct ExportNames<'a> {
    /// The calendar's name, e.g. the scenario title.
    pub calendar: &'a str,
    /// A step's name.
    pub step: &'a dyn Fn(StepKind) -> String,
    /// A step status's name.
    pub status: &'a dyn Fn(StepStatus) -> String,
    /// "Step {n} due: {name}".
    pub step_due: &'a dyn Fn(usize, &str) -> String,
    /// "Owner: {owner}".
    pub owner: &'a dyn Fn(&str) -> String,
    /// "Depends on: {ids}".
    pub depends_on: &'a dyn Fn(&str) -> String,
    /// "Status: {status}".
    pub status_line: &'a dyn Fn(StepStatus) -> String,
    /// "Progress: {pct}%".
    pub progress: &'a dyn Fn(u8) -> String,
}

/// All-day events: one on each step's planned end (its deadline) and one spanning each work
/// package's planned dates. Items without the dates they need are left out.
///
/// `stamp` is the creation date written into every event (DTSTAMP), passed in so that the
/// same plan always gives the same file.
#[must_use]
pub fn plan_to_ics(plan: &IntegrationPlan, names: &ExportNames<'_>, stamp: NaiveDate) -> String {
    let stamp = stamp.and_hms_opt(0, 0, 0).unwrap_or_default().and_utc();
    // Calendar::new() would add its own PRODID; name ours instead.
    let mut calendar = Calendar::empty();
    for (key, value) in [
        ("VERSION", "2.0"),
        ("PRODID", "-//SCM-CRM Studio//Integration planner//EN"),
        ("CALSCALE", "GREGORIAN"),
    ] {
        calendar.append_property(icalendar::Property::new(key, value));
    }
    calendar.name(names.calendar);
    for step in &plan.steps {
        let Some(due) = step.planned_end else {
            continue;
        };
        let name = (names.step)(step.step);
        let mut description = vec![
            (names.status_line)(step.status),
            (names.progress)(step.progress_pct),
        ];
        if !step.owner.trim().is_empty() {
            description.push((names.owner)(step.owner.trim()));
        }
        let event = Event::new()
            .uid(&format!(
                "step-{}-cycle-{}@scm-crm-studio",
                step.step.number(),
                plan.cycle
            ))
            .timestamp(stamp)
            .summary(&(names.step_due)(step.step.number(), &name))
            .description(&description.join("\n"))
            .starts(due)
            .ends(next_day(due))
            .done();
        calendar.push(event);
    }
    for (index, package) in plan.work_packages.iter().enumerate() {
        let (Some(start), Some(end)) = (package.planned_start, package.planned_end) else {
            continue;
        };
        let mut description = vec![(names.status_line)(package.status())];
        if !package.owner.trim().is_empty() {
            description.push((names.owner)(package.owner.trim()));
        }
        if !package.depends_on.is_empty() {
            description.push((names.depends_on)(&package.depends_on.join(", ")));
        }
        description.push((names.progress)(package.progress_pct));
        let uid_key = if package.id.trim().is_empty() {
            format!("row{}", index + 1)
        } else {
            package.id.trim().to_owned()
        };
        let event = Event::new()
            .uid(&format!("wp-{uid_key}-cycle-{}@scm-crm-studio", plan.cycle))
            .timestamp(stamp)
            .summary(format!("{} {}", package.id.trim(), package.name.trim()).trim())
            .description(&description.join("\n"))
            .starts(start)
            // DTEND of an all-day event is the day after the last day.
            .ends(next_day(end.max(start)))
            .done();
        calendar.push(event);
    }
    calendar.done().to_string()
}

fn next_day(date: NaiveDate) -> NaiveDate {
    date.checked_add_signed(TimeDelta::days(1)).unwrap_or(date)
}

/// The plan's schedule as CSV: one row per step, then one per work package, written by the
/// shared CSV writer (UTF-8 with a byte-order mark, formulas neutralised).
///
/// Column names are fixed English identifiers so that spreadsheets and scripts can rely on
/// them; names and statuses follow the user's language.
pub fn plan_to_csv(
    plan: &IntegrationPlan,
    names: &ExportNames<'_>,
    today: NaiveDate,
) -> Result<Vec<u8>, csv::Error> {
    let headers = [
        "kind",
        "id",
        "name",
        "owner",
        "status",
        "planned_start",
        "planned_end",
        "actual_start",
        "actual_end",
        "progress_pct",
        "depends_on",
        "overdue",
        "conflict",
        "notes",
    ];
    let text = |s: String| ExportCell::Text(s);
    let date = |d: Option<NaiveDate>| d.map_or(ExportCell::Empty, |d| ExportCell::Text(d.to_string()));
    let mut rows = Vec::with_capacity(plan.steps.len() + plan.work_packages.len());
    for step in &plan.steps {
        rows.push(vec![
            text("step".to_owned()),
            text(step.step.number().to_string()),
            text((names.step)(step.step)),
            text(step.owner.clone()),
            text((names.status)(step.status)),
            date(step.planned_start),
            date(step.planned_end),
            date(step.actual_start),
            date(step.actual_end),
            ExportCell::Number(f64::from(step.progress_pct)),
            ExportCell::Empty,
            text(step_overdue(step, today).to_string()),
            ExportCell::Empty,
            text(step.notes.clone()),
        ]);
    }
    let conflicts = dependency_conflicts(plan);
    for package in &plan.work_packages {
        let status = package.status();
        let conflict: Vec<&str> = conflicts
            .iter()
            .filter(|c| c.package == package.id)
            .map(|c| c.dependency.as_str())
            .collect();
        rows.push(vec![
            text("work_package".to_owned()),
            text(package.id.clone()),
            text(package.name.clone()),
            text(package.owner.clone()),
            text((names.status)(status)),
            date(package.planned_start),
            date(package.planned_end),
            date(package.actual_start),
            date(package.actual_end),
            ExportCell::Number(f64::from(package.progress_pct)),
            text(package.depends_on.join(" ")),
            text(package_overdue(package, today).to_string()),
            text(conflict.join(" ")),
            ExportCell::Empty,
        ]);
    }
    to_csv(&ExportTable {
        sheet_name: String::new(),
        headers: headers.iter().map(|&h| h.to_owned()).collect(),
        rows,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample_plan() -> IntegrationPlan {
        let text = include_str!("../../assets/samples/harbor-logistics.ron");
        let scenario = crate::store::parse(text, std::path::Path::new("sample.ron"))
            .unwrap()
            .scenario;
        scenario.plan
    }

    fn names() -> ExportNames<'static> {
        ExportNames {
            calendar: "Harbor Link plan",
            step: &|k| format!("{k:?}"),
            status: &|s| format!("{s:?}"),
            step_due: &|n, name| format!("Step {n} due: {name}"),
            owner: &|o| format!("Owner: {o}"),
            depends_on: &|d| format!("Depends on: {d}"),
            status_line: &|s| format!("Status: {s:?}"),
            progress: &|pct| format!("Progress: {pct}%"),
        }
    }

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    /// Reads the file back with an independent parser (the `ical` crate), as a calendar app would.
    #[test]
    fn a_standard_parser_reads_the_ics_with_dates_and_titles() {
        let plan = sample_plan();
        let text = plan_to_ics(&plan, &names(), d(2026, 11, 26));
        let mut reader = ical::IcalParser::new(text.as_bytes());
        let calendar = reader.next().unwrap().unwrap();
        assert!(reader.next().is_none(), "one calendar");
        let version = calendar.properties.iter().find(|p| p.name == "VERSION").unwrap();
        assert_eq!(version.value.as_deref(), Some("2.0"));
        let prodid = calendar.properties.iter().find(|p| p.name == "PRODID").unwrap();
        assert_eq!(
            prodid.value.as_deref(),
            Some("-//SCM-CRM Studio//Integration planner//EN")
        );
        let prop = |event: &ical::parser::ical::component::IcalEvent, name: &str| {
            event
                .properties
                .iter()
                .find(|p| p.name == name)
                .and_then(|p| p.value.clone())
                .unwrap()
        };
        // 8 step deadlines + 5 work packages.
        assert_eq!(calendar.events.len(), 13);
        let events: Vec<(String, String, String)> = calendar
            .events
            .iter()
            .map(|e| (prop(e, "SUMMARY"), prop(e, "DTSTART"), prop(e, "DTEND")))
            .collect();
        assert_eq!(
            events[3],
            (
                "Step 4 due: Strategy".into(),
                "20260630".into(),
                "20260701".into()
            )
        );
        assert_eq!(
            events[10],
            (
                "WP3 Demand-driven inventory-planning system".into(),
                "20261102".into(),
                "20270227".into()
            )
        );
        // All-day values, stable UIDs and the stamp we passed in (no clock).
        let first = &calendar.events[0];
        let start = first.properties.iter().find(|p| p.name == "DTSTART").unwrap();
        let params = start.params.clone().unwrap_or_default();
        assert!(
            params
                .iter()
                .any(|(k, v)| k == "VALUE" && v == &vec!["DATE".to_owned()])
        );
        assert_eq!(prop(first, "UID"), "step-1-cycle-1@scm-crm-studio");
        assert_eq!(prop(first, "DTSTAMP"), "20261126T000000Z");
        assert!(prop(&calendar.events[9], "DESCRIPTION").contains("Depends on: WP1"));
        // Every value in a description says what it is (issue 12: it read "Done\n100%").
        let step_1 = prop(&calendar.events[0], "DESCRIPTION");
        assert!(step_1.starts_with("Status: Done"), "{step_1}");
        assert!(step_1.contains("Progress: 100%"), "{step_1}");
        let wp2 = prop(&calendar.events[9], "DESCRIPTION");
        assert!(wp2.starts_with("Status: InProgress"), "{wp2}");
        assert!(wp2.contains("Progress: 45%"), "{wp2}");
        // Same plan, same file.
        assert_eq!(text, plan_to_ics(&plan, &names(), d(2026, 11, 26)));
    }

    #[test]
    fn items_without_dates_are_left_out_of_the_calendar() {
        let mut plan = IntegrationPlan::default();
        plan.steps[0].planned_end = Some(d(2026, 3, 1));
        plan.work_packages.push(crate::model::WorkPackage {
            id: "WP9".into(),
            planned_start: Some(d(2026, 3, 1)),
            ..Default::default()
        });
        let text = plan_to_ics(&plan, &names(), d(2026, 1, 1));
        let calendar = ical::IcalParser::new(text.as_bytes()).next().unwrap().unwrap();
        assert_eq!(calendar.events.len(), 1);
    }

    #[test]
    fn the_csv_has_a_row_per_step_and_package() {
        let plan = sample_plan();
        let bytes = plan_to_csv(&plan, &names(), d(2026, 11, 26)).unwrap();
        let mut reader = csv::Reader::from_reader(bytes.as_slice());
        let headers = reader.headers().unwrap().clone();
        assert_eq!(headers.get(0), Some("kind"));
        let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
        assert_eq!(rows.len(), 13);
        let col = |name: &str| headers.iter().position(|h| h == name).unwrap();
        let step4 = &rows[3];
        assert_eq!(&step4[col("name")], "Strategy");
        assert_eq!(&step4[col("planned_end")], "2026-06-30");
        assert_eq!(&step4[col("overdue")], "true");
        let wp3 = &rows[10];
        assert_eq!(&wp3[col("id")], "WP3");
        assert_eq!(&wp3[col("depends_on")], "WP1 WP2");
        assert_eq!(&wp3[col("conflict")], "WP2");
        // Notes with commas and quotes survive.
        assert!(rows[0][col("notes")].contains("Spring Festival"));
    }

    #[test]
    fn the_csv_neutralises_formulas_like_every_other_csv() {
        let mut plan = sample_plan();
        plan.steps[0].owner = "=HYPERLINK(\"x\")".into();
        let bytes = plan_to_csv(&plan, &names(), d(2026, 11, 26)).unwrap();
        assert!(bytes.starts_with(b"\xEF\xBB\xBF"), "a byte-order mark, for Excel");
        let mut reader = csv::Reader::from_reader(bytes.as_slice());
        let row = reader.records().next().unwrap().unwrap();
        assert_eq!(&row[3], "'=HYPERLINK(\"x\")");
    }
}
