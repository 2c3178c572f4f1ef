//! The commands that write files: `report`, `export customers`, `export plan` and `chart`.
//!
//! Each loads the scenario as the app does, builds the same bytes the app would (the same
//! report, the same table with its filter and sort, the same chart code) and writes them
//! atomically, or prints them. Exit codes: 0 written, 1 bad content (an unreadable scenario,
//! a chart that cannot be drawn, a file that cannot be written), 2 a usage error.

use std::io::Write;
use std::path::Path;

use chrono::NaiveDate;

use crate::i18n::store_error_text;
use crate::model::customer_table::{Column, Filter, Sort};
use crate::model::{AbcClass, Language, Scenario, Segmentation, Tier};
use crate::report::keys::{column_key, tier_key};
pub use crate::report::scenario::ReportFormat;
use crate::report::scenario::{ReportSection, ScenarioReportInput, render};
use crate::report::{Chart, ChartKind, ChartRenderer, ChartRequest, ChartTheme, RenderError};
use crate::store;

/// A language on the command line.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum LangArg {
    #[default]
    #[value(name = "en")]
    En,
    #[value(name = "zh-Hant")]
    ZhHant,
    #[value(name = "zh-Hans")]
    ZhHans,
}

impl From<LangArg> for Language {
    fn from(lang: LangArg) -> Self {
        match lang {
            LangArg::En => Self::English,
            LangArg::ZhHant => Self::TraditionalChinese,
            LangArg::ZhHans => Self::SimplifiedChinese,
        }
    }
}

/// The form of an exported table.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum TableFormat {
    Csv,
    Xlsx,
}

/// The form of an exported plan.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum PlanFormat {
    Csv,
    Ics,
}

/// `--size 1600x900`: width and height in pixels, each 1–8192.
pub fn parse_size(text: &str) -> Result<[u32; 2], String> {
    let (w, h) = text
        .split_once(['x', 'X', '×'])
        .ok_or_else(|| format!("expected WIDTHxHEIGHT, e.g. 1600x900, got {text:?}"))?;
    let side = |s: &str| {
        s.trim()
            .parse::<u32>()
            .ok()
            .filter(|n| (1..=8192).contains(n))
            .ok_or_else(|| format!("each side must be a whole number of pixels from 1 to 8192, got {s:?}"))
    };
    Ok([side(w)?, side(h)?])
}

/// `--filter tier=key`: one condition of the Customers page's filter.
pub fn parse_filter(entries: &[String]) -> Result<Filter, String> {
    let mut filter = Filter::default();
    for entry in entries {
        let (field, value) = entry
            .split_once('=')
            .ok_or_else(|| format!("--filter takes FIELD=VALUE, got {entry:?}"))?;
        let value = value.trim();
        match field.trim() {
            "tier" => {
                let wanted = value.replace('-', "_");
                filter.tier = Some(
                    [Tier::Key, Tier::General, Tier::LossMaking]
                        .into_iter()
                        .find(|t| tier_key(*t) == wanted)
                        .ok_or_else(|| format!("unknown tier {value:?}; tiers: key, general, loss_making"))?,
                );
            }
            "class" => {
                filter.class = Some(match value.to_ascii_uppercase().as_str() {
                    "A" => AbcClass::A,
                    "B" => AbcClass::B,
                    "C" => AbcClass::C,
                    _ => return Err(format!("unknown class {value:?}; classes: a, b, c")),
                });
            }
            "tag" => filter.tag = Some(value.to_owned()),
            "text" => value.clone_into(&mut filter.text),
            other => {
                return Err(format!(
                    "unknown filter {other:?}; filters: tier, class, tag, text"
                ));
            }
        }
    }
    Ok(filter)
}

/// `--sort profit` (ascending, as the first click on a header) or `--sort profit:desc`.
pub fn parse_sort(text: &str) -> Result<Sort, String> {
    let (name, direction) = text.split_once(':').unwrap_or((text, "asc"));
    let column = Column::ALL
        .into_iter()
        .find(|c| column_key(*c) == name.trim())
        .ok_or_else(|| {
            let names: Vec<&str> = Column::ALL.iter().map(|c| column_key(*c)).collect();
            format!("unknown column {name:?}; columns: {}", names.join(", "))
        })?;
    let ascending = match direction.trim() {
        "asc" => true,
        "desc" => false,
        other => return Err(format!("unknown direction {other:?}; use :asc or :desc")),
    };
    Ok(Sort { column, ascending })
}

/// Where the output goes: a file (written atomically) or standard output.
fn write_output(path: Option<&Path>, bytes: &[u8], out: &mut impl Write, err: &mut impl Write) -> i32 {
    match path {
        Some(path) => match store::write_atomic(path, bytes, false) {
            Ok(()) => {
                let _ = writeln!(out, "wrote {}", path.display());
                0
            }
            Err(e) => {
                let _ = writeln!(err, "error: {}", store_error_text(Language::English, &e));
                1
            }
        },
        None => i32::from(out.write_all(bytes).and_then(|()| out.flush()).is_err()),
    }
}

fn load(file: &Path, err: &mut impl Write) -> Option<Scenario> {
    match store::load(file) {
        Ok(loaded) => Some(loaded.scenario),
        Err(e) => {
            let _ = writeln!(err, "error: {}", store_error_text(Language::English, &e));
            None
        }
    }
}

/// A renderer that remembers the first failure, so the command can say once why the report
/// has notes in place of its images.
struct Watched<'a> {
    inner: &'a dyn ChartRenderer,
    failure: std::cell::RefCell<Option<String>>,
}

impl ChartRenderer for Watched<'_> {
    fn render_png(&self, request: &ChartRequest<'_>) -> Result<Vec<u8>, RenderError> {
        let result = self.inner.render_png(request);
        if let Err(e) = &result
            && let Ok(mut failure) = self.failure.try_borrow_mut()
        {
            failure.get_or_insert_with(|| e.to_string());
        }
        result
    }
}

/// What `report` needs.
pub struct ReportArgs<'a> {
    pub file: &'a Path,
    pub format: ReportFormat,
    pub lang: Language,
    pub out: Option<&'a Path>,
    /// Empty means every section.
    pub sections: &'a [ReportSection],
    pub today: NaiveDate,
}

/// Runs `report`; returns the exit code.
pub fn run_report(
    args: &ReportArgs<'_>,
    renderer: &dyn ChartRenderer,
    out: &mut impl Write,
    err: &mut impl Write,
) -> i32 {
    let Some(scenario) = load(args.file, err) else {
        return 1;
    };
    let sections = if args.sections.is_empty() {
        ReportSection::ALL.as_slice()
    } else {
        args.sections
    };
    let watched = Watched {
        inner: renderer,
        failure: std::cell::RefCell::new(None),
    };
    let input = ScenarioReportInput {
        scenario: &scenario,
        lang: args.lang,
        today: args.today,
        sections,
        renderer: &watched,
    };
    let text = match render(&input, args.format) {
        Ok(text) => text,
        Err(e) => {
            let _ = writeln!(err, "error: {e}");
            return 1;
        }
    };
    if let Some(failure) = watched.failure.take() {
        let _ = writeln!(
            err,
            "warning: the report has notes in place of its chart images: {failure}"
        );
    }
    write_output(args.out, text.as_bytes(), out, err)
}

/// What `export customers` needs.
pub struct ExportCustomersArgs<'a> {
    pub file: &'a Path,
    pub format: TableFormat,
    pub out: &'a Path,
    pub filter: &'a [String],
    pub sort: Option<&'a str>,
    pub lang: Language,
}

/// Runs `export customers`; returns the exit code.
pub fn run_export_customers(
    args: &ExportCustomersArgs<'_>,
    out: &mut impl Write,
    err: &mut impl Write,
) -> i32 {
    let filter = match parse_filter(args.filter) {
        Ok(filter) => filter,
        Err(e) => {
            let _ = writeln!(err, "error: {e}");
            return 2;
        }
    };
    let sort = match args.sort.map(parse_sort).transpose() {
        Ok(sort) => sort.unwrap_or_default(),
        Err(e) => {
            let _ = writeln!(err, "error: {e}");
            return 2;
        }
    };
    let Some(scenario) = load(args.file, err) else {
        return 1;
    };
    let seg = Segmentation::compute(&scenario.customers, &scenario.settings);
    let table = crate::report::customers::filtered_table(&scenario, &seg, &filter, sort, args.lang);
    let bytes = match args.format {
        TableFormat::Csv => store::export::to_csv(&table).map_err(|e| e.to_string()),
        TableFormat::Xlsx => store::export::to_xlsx(&table).map_err(|e| e.to_string()),
    };
    write_built(bytes, args.out, out, err)
}

/// Writes bytes that were built to `path`, or says why they could not be; returns the exit code.
fn write_built(
    bytes: Result<Vec<u8>, impl std::fmt::Display>,
    path: &Path,
    out: &mut impl Write,
    err: &mut impl Write,
) -> i32 {
    match bytes {
        Ok(bytes) => write_output(Some(path), &bytes, out, err),
        Err(e) => {
            let _ = writeln!(err, "error: {e}");
            1
        }
    }
}

/// What `export plan` needs.
pub struct ExportPlanArgs<'a> {
    pub file: &'a Path,
    pub format: PlanFormat,
    pub out: &'a Path,
    pub lang: Language,
    /// Overdue marks (CSV) and the calendar's creation stamp (ICS).
    pub today: NaiveDate,
}

/// Runs `export plan`; returns the exit code.
pub fn run_export_plan(args: &ExportPlanArgs<'_>, out: &mut impl Write, err: &mut impl Write) -> i32 {
    let Some(scenario) = load(args.file, err) else {
        return 1;
    };
    let bytes = match args.format {
        PlanFormat::Ics => Ok(crate::report::plan::plan_ics(&scenario, args.lang, args.today).into_bytes()),
        PlanFormat::Csv => crate::report::plan::plan_csv(&scenario, args.lang, args.today),
    };
    write_built(bytes, args.out, out, err)
}

/// What `chart` needs.
pub struct ChartArgs<'a> {
    pub file: &'a Path,
    pub chart: ChartKind,
    pub out: &'a Path,
    pub lang: Language,
    pub size_px: [u32; 2],
    pub theme: ChartTheme,
    pub today: NaiveDate,
}

/// Runs `chart`: the chart as a PNG of exactly the requested size; returns the exit code.
pub fn run_chart(
    args: &ChartArgs<'_>,
    renderer: &dyn ChartRenderer,
    out: &mut impl Write,
    err: &mut impl Write,
) -> i32 {
    let Some(scenario) = load(args.file, err) else {
        return 1;
    };
    let request = ChartRequest {
        scenario: &scenario,
        chart: Chart::Page(args.chart),
        lang: args.lang,
        theme: args.theme,
        size_px: args.size_px,
        pixels_per_point: 1.0,
        today: args.today,
    };
    match renderer.render_png(&request) {
        Ok(png) => write_output(Some(args.out), &png, out, err),
        Err(e) => {
            let _ = writeln!(err, "error: cannot draw the {} chart: {e}", args.chart.key());
            1
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_filters_and_sorts_parse_or_say_why() {
        assert_eq!(parse_size("1600x900"), Ok([1600, 900]));
        assert!(parse_size("1600").is_err());
        assert!(parse_size("0x900").is_err());
        assert!(parse_size("9000x900").is_err());
        let filter = parse_filter(&["tier=loss-making".into(), "class=a".into()]).unwrap();
        assert_eq!(filter.tier, Some(Tier::LossMaking));
        assert_eq!(filter.class, Some(AbcClass::A));
        assert!(
            parse_filter(&["tier=gold".into()])
                .unwrap_err()
                .contains("key, general")
        );
        assert!(parse_filter(&["colour=red".into()]).is_err());
        let sort = parse_sort("profit:desc").unwrap();
        assert_eq!((sort.column, sort.ascending), (Column::Profit, false));
        assert!(parse_sort("wealth").unwrap_err().contains("profit"));
    }
}
