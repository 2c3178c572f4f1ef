//! The command line: `scm-crm-studio [FILE]` opens the app; `scm-crm-studio check FILE` checks a
//! file headlessly with the same loader and validation as the app; `scm-crm-studio advise FILE
//! --dispute ID` gives a logged dispute the same advice the wizard shows; `diff A B` compares two;
//! `segments FILE` counts the customers in each RFM segment and lists the saved groups;
//! `report`, `export` and `chart` write what the app's export menus write (see [`outputs`]).

pub mod outputs;

use std::path::{Path, PathBuf};

use clap::{Parser, Subcommand};
use serde::Serialize;

use crate::i18n::{store_error_detail, store_error_text, warning_text};
use crate::model::compare::{self, ChangeKind, Comparison, CustomerField};
use crate::model::rfm_segments::{self, RfmSegment};
use crate::model::{Language, Scenario, Segmentation, Summary};
use crate::store;

/// Command-line arguments.
#[derive(Debug, Parser)]
#[command(
    name = "scm-crm-studio",
    version,
    about = "Supply-chain CRM workbench: customer value, the SCM/CRM integration plan and contract disputes.",
    after_help = "Examples:\n  scm-crm-studio saves/plan.ron\n  scm-crm-studio check saves/plan.ron --json\n  scm-crm-studio report saves/plan.ron --format html --out report.html\n\nExit codes: 0 success, 1 bad content, 2 usage error."
)]
#[command(args_conflicts_with_subcommands = true)]
pub struct Cli {
    /// A scenario file (.ron) to open in the app.
    pub file: Option<PathBuf>,

    #[command(subcommand)]
    pub command: Option<Command>,
}

/// Headless commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Load and validate a scenario file, as the app would, and report what it holds.
    #[command(after_help = "Example:\n  scm-crm-studio check saves/plan.ron --json")]
    Check {
        /// The scenario file (.ron).
        file: PathBuf,
        /// Print one JSON object instead of text.
        #[arg(long)]
        json: bool,
    },
    /// Give a logged dispute the advice the wizard shows (reference, not legal advice).
    #[command(
        after_help = "Example:\n  scm-crm-studio advise saves/plan.ron --dispute D003 --today 2026-11-26"
    )]
    Advise {
        /// The scenario file (.ron).
        file: PathBuf,
        /// The id of the dispute, e.g. D001.
        #[arg(long)]
        dispute: String,
        /// The day of the advice, YYYY-MM-DD; today by default.
        #[arg(long)]
        today: Option<chrono::NaiveDate>,
        /// Print one JSON object instead of text.
        #[arg(long)]
        json: bool,
    },
    /// Compare two scenario files: totals, tiers, tier migration and what changed.
    /// Exits 0 when they have the same content, 1 when they differ, 2 when one cannot be read.
    #[command(after_help = "Example:\n  scm-crm-studio diff saves/plan.ron saves/plan-what-if.ron --json")]
    Diff {
        /// Scenario A (the baseline).
        a: PathBuf,
        /// Scenario B (compared with A).
        b: PathBuf,
        /// Print one JSON object instead of text.
        #[arg(long)]
        json: bool,
    },
    /// Count the customers in each RFM segment, and list the groups saved in the scenario.
    #[command(after_help = "Example:\n  scm-crm-studio segments saves/plan.ron --json")]
    Segments {
        /// The scenario file (.ron).
        file: PathBuf,
        /// Print one JSON object instead of text.
        #[arg(long)]
        json: bool,
    },
    /// Import a customer list or a transaction log (CSV, XLSX, XLS or ODS) into a scenario.
    #[command(
        after_help = "Examples:\n  scm-crm-studio import customers customers.xlsx --into saves/plan.ron --map revenue=營業額\n  scm-crm-studio import transactions log.csv --into saves/plan.ron --dry-run"
    )]
    Import {
        /// What the file holds.
        #[arg(value_enum)]
        kind: ImportKind,
        /// The file to import; its first row holds the column names.
        input: PathBuf,
        /// The scenario to add to; created if missing, else saved atomically with a .bak.
        #[arg(long)]
        into: PathBuf,
        /// Which column holds a field, by header, letter or number: --map revenue=營業額.
        /// Unmapped fields are guessed from the headers (English or Chinese).
        #[arg(long = "map", value_name = "FIELD=COLUMN")]
        map: Vec<String>,
        /// Date format of text dates, in chrono notation (ISO dates are always accepted).
        #[arg(long, default_value = "%Y-%m-%d")]
        date_format: String,
        /// Reference date for recency (transactions), YYYY-MM-DD; today by default.
        #[arg(long)]
        reference_date: Option<chrono::NaiveDate>,
        /// Sheet of a workbook (the first by default).
        #[arg(long)]
        sheet: Option<String>,
        /// Text encoding of a CSV file.
        #[arg(long, value_enum, default_value = "utf-8")]
        encoding: EncodingArg,
        /// Numbers use a decimal comma (1.234,56).
        #[arg(long)]
        decimal_comma: bool,
        /// Print what the import would do (the rows with problems and the counts) and write
        /// nothing.
        #[arg(long)]
        dry_run: bool,
    },
    /// Write a report of the whole scenario: HTML (one file, ready to print), Markdown, or the
    /// numbers of every section as JSON.
    #[command(
        after_help = "Examples:\n  scm-crm-studio report saves/plan.ron --format html --out report.html\n  scm-crm-studio report saves/plan.ron --format md --lang zh-Hant --sections figures,customers,plan --out report.md\n  scm-crm-studio report saves/plan.ron --format json\n\nSections (all by default): title, figures, charts, customers, loss-makers, cocreation, plan, disputes.\nWithout a graphics adapter the report is still written, with a note in place of each chart."
    )]
    Report {
        /// The scenario file (.ron).
        file: PathBuf,
        #[arg(long, value_enum)]
        format: outputs::ReportFormat,
        /// The report's language.
        #[arg(long, value_enum, default_value = "en")]
        lang: outputs::LangArg,
        /// Where to write it (atomically); standard output when left out.
        #[arg(long)]
        out: Option<PathBuf>,
        /// The sections to include, comma-separated; all when left out.
        #[arg(long, value_enum, value_delimiter = ',')]
        sections: Vec<crate::report::scenario::ReportSection>,
        /// The report's date (overdue marks, dispute advice), YYYY-MM-DD; today by default.
        #[arg(long)]
        today: Option<chrono::NaiveDate>,
    },
    /// Export the customer table or the plan, as the app's export buttons do.
    Export {
        #[command(subcommand)]
        what: ExportCommand,
    },
    /// Draw one of the app's charts as a PNG image, with the app's own drawing code.
    #[command(
        after_help = "Examples:\n  scm-crm-studio chart saves/plan.ron --chart whale --out whale.png\n  scm-crm-studio chart saves/plan.ron --chart gantt --size 1920x1080 --theme present --lang zh-Hans --out gantt.png\n\nNeeds a graphics adapter (a GPU, or Mesa's software renderer: libegl1 and libgl1-mesa-dri); without one it exits 1."
    )]
    Chart {
        /// The scenario file (.ron).
        file: PathBuf,
        #[arg(long, value_enum)]
        chart: crate::report::ChartKind,
        /// The PNG file to write (atomically).
        #[arg(long)]
        out: PathBuf,
        /// The chart's language.
        #[arg(long, value_enum, default_value = "en")]
        lang: outputs::LangArg,
        /// The image size in pixels, `WIDTHxHEIGHT`.
        #[arg(long, value_parser = outputs::parse_size, default_value = "1600x900")]
        size: [u32; 2],
        /// light or dark as in the app; present: black on white with larger type, for slides.
        #[arg(long, value_enum, default_value = "light")]
        theme: crate::report::ChartTheme,
        /// The day the charts count from (the Gantt's today line), YYYY-MM-DD; today by default.
        #[arg(long)]
        today: Option<chrono::NaiveDate>,
    },
}

/// What `export` writes.
#[derive(Debug, Subcommand)]
pub enum ExportCommand {
    /// The customer table, as the Customers page's Export CSV/XLSX writes it: the same
    /// columns, filter and sort, with formulas neutralised.
    #[command(
        after_help = "Examples:\n  scm-crm-studio export customers saves/plan.ron --format xlsx --out customers.xlsx\n  scm-crm-studio export customers saves/plan.ron --format csv --out loss.csv --filter tier=loss_making --sort profit\n\nFilters: tier=key|general|loss_making, class=a|b|c, tag=TAG, text=TEXT.\nSort: a column (id, name, revenue, cost_to_serve, profit, margin, tier, …), ascending; add :desc to reverse."
    )]
    Customers {
        /// The scenario file (.ron).
        file: PathBuf,
        #[arg(long, value_enum)]
        format: outputs::TableFormat,
        /// The file to write (atomically).
        #[arg(long)]
        out: PathBuf,
        /// Keep only matching customers, FIELD=VALUE; repeat to combine.
        #[arg(long = "filter", value_name = "FIELD=VALUE")]
        filter: Vec<String>,
        /// Sort by a column: --sort profit, --sort profit:desc.
        #[arg(long)]
        sort: Option<String>,
        /// The language of the column titles and tier names.
        #[arg(long, value_enum, default_value = "en")]
        lang: outputs::LangArg,
    },
    /// The integration plan, as the Planner's export buttons write it: a CSV table of steps and
    /// work packages, or an iCalendar file of their dates.
    #[command(
        after_help = "Examples:\n  scm-crm-studio export plan saves/plan.ron --format ics --out plan.ics\n  scm-crm-studio export plan saves/plan.ron --format csv --out plan.csv --lang zh-Hant"
    )]
    Plan {
        /// The scenario file (.ron).
        file: PathBuf,
        #[arg(long, value_enum)]
        format: outputs::PlanFormat,
        /// The file to write (atomically).
        #[arg(long)]
        out: PathBuf,
        /// The language of step names and statuses.
        #[arg(long, value_enum, default_value = "en")]
        lang: outputs::LangArg,
        /// The day for overdue marks and the calendar's stamp, YYYY-MM-DD; today by default.
        #[arg(long)]
        today: Option<chrono::NaiveDate>,
    },
}

/// What an imported file holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum ImportKind {
    Customers,
    Transactions,
}

impl From<ImportKind> for crate::store::import::ImportKind {
    fn from(kind: ImportKind) -> Self {
        match kind {
            ImportKind::Customers => Self::Customers,
            ImportKind::Transactions => Self::Transactions,
        }
    }
}

/// A CSV text encoding.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum EncodingArg {
    #[value(name = "utf-8")]
    Utf8,
    Gbk,
    Big5,
}

/// One error or warning in `check --json`.
#[derive(Debug, Serialize)]
pub struct Message {
    /// The whole sentence, with position and path.
    pub message: String,
    /// Just what is wrong, for `file:line:col: error: …` lines.
    #[serde(skip)]
    pub detail: String,
    pub line: Option<usize>,
    pub col: Option<usize>,
}

/// The `check --json` report.
#[derive(Debug, Serialize)]
pub struct CheckReport {
    pub ok: bool,
    pub format_version: Option<u32>,
    pub customers: Option<usize>,
    pub revenue_total: Option<f64>,
    pub profit_total: Option<f64>,
    pub tiers: Option<crate::model::summary::TierCounts>,
    pub abc: Option<crate::model::summary::ClassCounts>,
    pub steps_done: Option<usize>,
    pub disputes: Option<usize>,
    /// Lesson scenes saved in the file.
    pub scenes: Option<usize>,
    pub errors: Vec<Message>,
    pub warnings: Vec<Message>,
}

/// Runs `check` and returns the report; exit code 0 when `ok`, else 1.
#[must_use]
pub fn check(file: &Path) -> CheckReport {
    let lang = Language::English;
    match store::load(file) {
        Ok(loaded) => {
            let seg = Segmentation::compute(&loaded.scenario.customers, &loaded.scenario.settings);
            let s = Summary::new(&loaded.scenario, &seg);
            let warnings = loaded
                .warnings
                .iter()
                .map(|w| Message {
                    message: warning_text(lang, &w.warning),
                    detail: warning_text(lang, &w.warning),
                    line: w.at.map(|a| a.0),
                    col: w.at.map(|a| a.1),
                })
                .collect();
            CheckReport {
                ok: true,
                format_version: Some(loaded.migrated_from.unwrap_or(loaded.scenario.format_version)),
                customers: Some(s.customers),
                revenue_total: Some(s.revenue_total),
                profit_total: Some(s.profit_total),
                tiers: Some(s.tiers),
                abc: Some(s.abc),
                steps_done: Some(s.steps_done),
                disputes: Some(s.disputes),
                scenes: Some(loaded.scenario.scenes.len()),
                errors: Vec::new(),
                warnings,
            }
        }
        Err(e) => {
            let (line, col) = match &e {
                store::StoreError::Parse { line, col, .. } | store::StoreError::NotUtf8 { line, col, .. } => {
                    (Some(*line), Some(*col))
                }
                _ => (None, None),
            };
            CheckReport {
                ok: false,
                format_version: None,
                customers: None,
                revenue_total: None,
                profit_total: None,
                tiers: None,
                abc: None,
                steps_done: None,
                disputes: None,
                scenes: None,
                errors: vec![Message {
                    message: store_error_text(lang, &e),
                    detail: store_error_detail(lang, &e),
                    line,
                    col,
                }],
                warnings: Vec::new(),
            }
        }
    }
}

/// Prints the report as text or JSON and returns the process exit code.
pub fn print_check(file: &Path, json: bool, out: &mut impl std::io::Write) -> i32 {
    let report = check(file);
    let code = i32::from(!report.ok);
    let written = if json {
        serde_json::to_string_pretty(&report).map_or(Ok(()), |text| writeln!(out, "{text}"))
    } else {
        write_text(file, &report, out)
    };
    if written.is_err() {
        return 1;
    }
    code
}

fn write_text(file: &Path, r: &CheckReport, out: &mut impl std::io::Write) -> std::io::Result<()> {
    let name = file.display();
    let position = |m: &Message| match (m.line, m.col) {
        (Some(l), Some(c)) => format!("{name}:{l}:{c}"),
        _ => name.to_string(),
    };
    for e in &r.errors {
        writeln!(out, "{}: error: {}", position(e), e.detail)?;
    }
    for w in &r.warnings {
        writeln!(out, "{}: warning: {}", position(w), w.detail)?;
    }
    if r.ok {
        let tiers = r.tiers.as_ref();
        let abc = r.abc.as_ref();
        writeln!(
            out,
            "{name}: ok, format version {}, {} customers (key {}, general {}, loss-making {}; A {}, B {}, C {}), revenue {:.2}, profit {:.2}, {} of 8 steps done, {} disputes, {} warnings",
            r.format_version.unwrap_or_default(),
            r.customers.unwrap_or_default(),
            tiers.map_or(0, |t| t.key),
            tiers.map_or(0, |t| t.general),
            tiers.map_or(0, |t| t.loss_making),
            abc.map_or(0, |a| a.a),
            abc.map_or(0, |a| a.b),
            abc.map_or(0, |a| a.c),
            r.revenue_total.unwrap_or_default(),
            r.profit_total.unwrap_or_default(),
            r.steps_done.unwrap_or_default(),
            r.disputes.unwrap_or_default(),
            r.warnings.len(),
        )?;
    }
    out.flush()
}

/// One side of `diff --json`: the same fields, with the same values, as `check --json`.
pub type DiffSide = Summary;

/// Customers, or disputes, added, removed and changed.
#[derive(Debug, Serialize)]
pub struct ChangeCounts {
    pub added: usize,
    pub removed: usize,
    pub changed: usize,
}

impl ChangeCounts {
    fn new([added, removed, changed]: [usize; 3]) -> Self {
        Self {
            added,
            removed,
            changed,
        }
    }
}

/// One row of the tier migration: customers of one A tier by their tier in B.
#[derive(Debug, Serialize)]
pub struct MigrationRow {
    pub key: usize,
    pub general: usize,
    pub loss_making: usize,
}

/// The tier migration, rows from A and columns from B.
#[derive(Debug, Serialize)]
pub struct Migration {
    pub key: MigrationRow,
    pub general: MigrationRow,
    pub loss_making: MigrationRow,
}

/// Plan changes in `diff --json`.
#[derive(Debug, Serialize)]
pub struct PlanCounts {
    pub steps_changed: usize,
}

/// The `diff --json` report.
#[derive(Debug, Serialize)]
pub struct DiffReport {
    pub a: DiffSide,
    pub b: DiffSide,
    pub customers: ChangeCounts,
    pub tier_migration: Migration,
    /// Per customer field (file names), the number of customers in which it changed.
    pub changed_fields: serde_json::Map<String, serde_json::Value>,
    pub plan: PlanCounts,
    pub disputes: ChangeCounts,
}

impl DiffReport {
    /// The report of a comparison of `a` with `b`.
    #[must_use]
    pub fn new(a: &Scenario, b: &Scenario, cmp: &Comparison) -> Self {
        let row = |r: [usize; 3]| MigrationRow {
            key: r[0],
            general: r[1],
            loss_making: r[2],
        };
        let [key, general, loss_making] = cmp.migration;
        Self {
            a: Summary::new(a, &cmp.seg_a),
            b: Summary::new(b, &cmp.seg_b),
            customers: ChangeCounts::new(cmp.customer_counts()),
            tier_migration: Migration {
                key: row(key),
                general: row(general),
                loss_making: row(loss_making),
            },
            changed_fields: CustomerField::ALL
                .iter()
                .zip(cmp.field_counts)
                .map(|(f, n)| (f.key().to_owned(), serde_json::Value::from(n)))
                .collect(),
            plan: PlanCounts {
                steps_changed: cmp.plan.steps.len(),
            },
            disputes: ChangeCounts::new(cmp.dispute_counts()),
        }
    }
}

/// Runs `diff`: prints the comparison of `a` with `b` and returns the exit code of diff(1):
/// 0 same content, 1 different, 2 a file could not be read.
pub fn run_diff(a: &Path, b: &Path, json: bool, out: &mut impl std::io::Write) -> i32 {
    let lang = Language::English;
    let mut loaded = Vec::with_capacity(2);
    for path in [a, b] {
        match store::load(path) {
            Ok(l) => loaded.push(l.scenario),
            Err(e) => {
                let _ = writeln!(out, "error: {}", store_error_text(lang, &e));
                return 2;
            }
        }
    }
    let (Some(sa), Some(sb)) = (loaded.first(), loaded.get(1)) else {
        return 2;
    };
    let cmp = compare::compare(sa, sb);
    let written = if json {
        serde_json::to_string_pretty(&DiffReport::new(sa, sb, &cmp))
            .map_or(Ok(()), |text| writeln!(out, "{text}"))
    } else {
        write_diff_text(a, b, &cmp, out)
    };
    if written.is_err() {
        return 2;
    }
    i32::from(!cmp.same_content)
}

/// Customers listed one by one at most in the text report.
const MAX_LISTED: usize = 50;

fn pct(margin: Option<f64>) -> String {
    margin.map_or_else(|| "—".to_owned(), |m| format!("{:.1}%", m * 100.0))
}

fn write_diff_text(
    a: &Path,
    b: &Path,
    cmp: &Comparison,
    out: &mut impl std::io::Write,
) -> std::io::Result<()> {
    use crate::i18n::compare::{field_change_text, signed_money};
    use crate::model::format_minor;
    let lang = Language::English;
    let (ta, tb) = (&cmp.totals_a, &cmp.totals_b);
    for (side, path, t) in [("A", a, ta), ("B", b, tb)] {
        writeln!(
            out,
            "{side}: {}: {} customers, revenue {}, profit {}, margin {}",
            path.display(),
            t.customers,
            format_minor(t.revenue),
            format_minor(t.profit),
            pct(t.margin)
        )?;
    }
    let margin_delta = match (ta.margin, tb.margin) {
        (Some(x), Some(y)) => format!("{:+.1} points", (y - x) * 100.0),
        _ => "—".to_owned(),
    };
    writeln!(
        out,
        "B−A: {:+} customers, revenue {}, profit {}, margin {margin_delta}",
        tb.customers as i64 - ta.customers as i64,
        signed_money(tb.revenue - ta.revenue),
        signed_money(tb.profit - ta.profit),
    )?;
    let arrow = |x: usize, y: usize| format!("{x} → {y}");
    writeln!(
        out,
        "Tiers A → B: key {}, general {}, loss-making {}",
        arrow(ta.tiers[0], tb.tiers[0]),
        arrow(ta.tiers[1], tb.tiers[1]),
        arrow(ta.tiers[2], tb.tiers[2]),
    )?;
    writeln!(
        out,
        "ABC A → B: A {}, B {}, C {}",
        arrow(ta.classes[0], tb.classes[0]),
        arrow(ta.classes[1], tb.classes[1]),
        arrow(ta.classes[2], tb.classes[2]),
    )?;
    writeln!(
        out,
        "Tier migration (rows A, columns B: key, general, loss-making):"
    )?;
    for (name, row) in ["key", "general", "loss-making"].iter().zip(cmp.migration) {
        writeln!(out, "  {name:<12} {:>7} {:>7} {:>7}", row[0], row[1], row[2])?;
    }
    let [added, removed, changed] = cmp.customer_counts();
    writeln!(
        out,
        "Customers: {added} added, {removed} removed, {changed} changed"
    )?;
    for c in cmp.customers.iter().take(MAX_LISTED) {
        let mark = match c.kind {
            ChangeKind::Added => '+',
            ChangeKind::Removed => '-',
            ChangeKind::Changed => '~',
        };
        let fields: Vec<String> = c.fields.iter().map(|f| field_change_text(lang, f)).collect();
        let detail = if fields.is_empty() {
            String::new()
        } else {
            format!(": {}", fields.join("; "))
        };
        writeln!(
            out,
            "  {mark} {} {}{detail} (profit {})",
            c.id,
            c.name,
            signed_money(c.profit_delta())
        )?;
    }
    if cmp.customers.len() > MAX_LISTED {
        writeln!(out, "  … and {} more", cmp.customers.len() - MAX_LISTED)?;
    }
    let counted: Vec<String> = CustomerField::ALL
        .iter()
        .zip(cmp.field_counts)
        .filter(|(_, n)| *n > 0)
        .map(|(f, n)| format!("{} {n}", f.key()))
        .collect();
    if !counted.is_empty() {
        writeln!(out, "Changed fields: {}", counted.join(", "))?;
    }
    let [d_added, d_removed, d_changed] = cmp.dispute_counts();
    writeln!(
        out,
        "Plan: {} steps changed, {} goal targets, {} KPI targets; disputes: {d_added} added, {d_removed} removed, {d_changed} changed",
        cmp.plan.steps.len(),
        cmp.plan.goals.len(),
        cmp.plan.kpis.len(),
    )?;
    if cmp.same_content {
        writeln!(out, "The scenarios have the same content.")?;
    }
    out.flush()
}

/// Arguments of `import`, gathered.
#[derive(Debug)]
pub struct ImportArgs<'a> {
    pub kind: ImportKind,
    pub input: &'a Path,
    pub into: &'a Path,
    pub map: &'a [String],
    pub date_format: &'a str,
    pub reference_date: chrono::NaiveDate,
    pub sheet: Option<&'a str>,
    pub encoding: EncodingArg,
    pub decimal_comma: bool,
    /// Print the preview and write nothing.
    pub dry_run: bool,
    /// The creation date of a new scenario file.
    pub today: chrono::NaiveDate,
}

/// Runs `import`, printing the preview (the rows with problems and the counts) and what it
/// did; returns the exit code (0 imported, or nothing to change; 1 nothing imported or
/// unreadable; 2 a bad `--map`). A dry run prints the same and exits the same, writing nothing.
pub fn run_import(args: &ImportArgs<'_>, out: &mut impl std::io::Write) -> i32 {
    match import_inner(args, out) {
        Ok(code) => code,
        Err(e) => {
            let _ = writeln!(out, "error: {e}");
            1
        }
    }
}

fn import_inner(args: &ImportArgs<'_>, out: &mut impl std::io::Write) -> std::io::Result<i32> {
    use crate::i18n::customers::{CustomerKey as C, import_error_text, import_preview_lines, row_error_text};
    use crate::i18n::trf;
    use crate::store::import::{self, Field, ParseOptions, TextEncoding, TxField};
    let lang = Language::English;
    let encoding = match args.encoding {
        EncodingArg::Utf8 => TextEncoding::Utf8,
        EncodingArg::Gbk => TextEncoding::Gbk,
        EncodingArg::Big5 => TextEncoding::Big5,
    };
    // A CSV transaction log is summed as it streams in; everything else is read whole.
    let streamed_log = args.kind == ImportKind::Transactions && import::is_csv(args.input);
    let read = if streamed_log {
        import::csv_headers(args.input, encoding).map(|headers| (headers, None))
    } else {
        import::read_sheet(args.input, encoding, args.sheet).map(|sheet| (sheet.headers.clone(), Some(sheet)))
    };
    let (headers, sheet) = match read {
        Ok(read) => read,
        Err(e) => {
            writeln!(out, "error: {}", import_error_text(lang, &e))?;
            return Ok(1);
        }
    };
    let mut customer_mapping = import::guess_customer_mapping(&headers);
    let mut tx_mapping = import::guess_tx_mapping(&headers);
    for entry in args.map {
        let Some((field, column)) = entry.split_once('=') else {
            writeln!(out, "error: --map takes FIELD=COLUMN, got {entry:?}")?;
            return Ok(2);
        };
        let Some(col) = import::find_column(&headers, column) else {
            writeln!(
                out,
                "error: no column {column:?} in {}; columns: {}",
                args.input.display(),
                headers.join(", ")
            )?;
            return Ok(2);
        };
        let field = field.trim();
        let known = match args.kind {
            ImportKind::Customers => Field::ALL.iter().find(|f| f.key() == field).map(|f| {
                for (m, slot) in &mut customer_mapping {
                    if slot == &Some(col) {
                        *slot = None;
                    }
                    if m == f {
                        *slot = Some(col);
                    }
                }
            }),
            ImportKind::Transactions => TxField::ALL.iter().find(|f| f.key() == field).map(|f| {
                for (m, slot) in &mut tx_mapping {
                    if slot == &Some(col) {
                        *slot = None;
                    }
                    if m == f {
                        *slot = Some(col);
                    }
                }
            }),
        };
        if known.is_none() {
            let fields: Vec<&str> = match args.kind {
                ImportKind::Customers => Field::ALL.iter().map(|f| f.key()).collect(),
                ImportKind::Transactions => TxField::ALL.iter().map(|f| f.key()).collect(),
            };
            writeln!(
                out,
                "error: unknown field {field:?}; fields: {}",
                fields.join(", ")
            )?;
            return Ok(2);
        }
    }
    let settings = import::ImportSettings {
        kind: args.kind.into(),
        customer_mapping,
        tx_mapping,
        options: ParseOptions {
            date_format: args.date_format.to_owned(),
            decimal_comma: args.decimal_comma,
        },
        reference_date: args.reference_date,
        keep_log: false,
    };
    let (mut scenario, existed) = if args.into.exists() {
        match store::load(args.into) {
            Ok(loaded) => (loaded.scenario, true),
            Err(e) => {
                writeln!(out, "error: {}", store_error_text(lang, &e))?;
                return Ok(1);
            }
        }
    } else {
        (crate::model::Scenario::new(args.today), false)
    };
    let existing = std::mem::take(&mut scenario.customers);
    let source = match &sheet {
        Some(sheet) => import::ImportSource::Sheet(sheet),
        None => import::ImportSource::Csv {
            path: args.input,
            encoding,
        },
    };
    // Nobody cancels the command's progress, so the preview is always there.
    let preview = match import::preview(source, &settings, existing, &crate::store::Progress::default()) {
        Ok(preview) => preview.unwrap_or_default(),
        Err(e) => {
            writeln!(out, "error: {}", import_error_text(lang, &e))?;
            return Ok(1);
        }
    };
    drop(sheet);
    for e in &preview.errors {
        writeln!(out, "{}: {}", args.input.display(), row_error_text(lang, e))?;
    }
    let input = args.input.display();
    let into = args.into.display();
    writeln!(
        out,
        "{}",
        trf(
            lang,
            C::CliRowsRead,
            &[("rows", &preview.rows_read), ("path", &input)]
        )
    )?;
    for line in import_preview_lines(lang, &preview) {
        writeln!(out, "{line}")?;
    }
    let code = if preview.changes_anything() || preview.merged.unchanged > 0 {
        0
    } else {
        writeln!(
            out,
            "{}",
            trf(
                lang,
                C::CliNothingImported,
                &[("path", &input), ("n", &preview.errors.len())]
            )
        )?;
        1
    };
    if args.dry_run {
        writeln!(out, "{}", trf(lang, C::CliDryRun, &[("path", &into)]))?;
        return Ok(code);
    }
    if code != 0 {
        return Ok(code);
    }
    if !preview.changes_anything() {
        writeln!(out, "{}", trf(lang, C::CliUpToDate, &[("path", &into)]))?;
        return Ok(0);
    }
    let (ready, added, updated, skipped) = (
        preview.rows_ready,
        preview.merged.added,
        preview.merged.updated,
        preview.skipped_rows(),
    );
    // A log's new customers go straight into the file, without a customer in memory for each.
    let from_log = preview.added_from_log;
    scenario.customers = preview.merged.customers;
    scenario.metadata.modified = Some(args.today);
    let made = |i: usize, customer: &mut crate::model::Customer| {
        if let Some((id, rfm)) = from_log.get(i) {
            import::fill_log_customer(customer, id, rfm);
        }
    };
    if let Err(e) = store::save_with_more(args.into, &scenario, from_log.len(), made) {
        writeln!(out, "error: {}", store_error_text(lang, &e))?;
        return Ok(1);
    }
    let done = if existed { C::CliUpdated } else { C::CliCreated };
    writeln!(
        out,
        "{}",
        trf(
            lang,
            done,
            &[
                ("path", &into),
                ("ready", &ready),
                ("added", &added),
                ("updated", &updated),
                ("skipped", &skipped),
            ]
        )
    )?;
    Ok(0)
}

/// Runs `advise`: the wizard's advice for one logged dispute, as text or one JSON object.
/// Returns the exit code: 0 advice given, 1 an unreadable file or an unknown dispute.
pub fn run_advise(
    file: &Path,
    dispute_id: &str,
    today: chrono::NaiveDate,
    json: bool,
    out: &mut impl std::io::Write,
) -> i32 {
    let lang = Language::English;
    let loaded = match store::load(file) {
        Ok(loaded) => loaded,
        Err(e) => {
            let _ = writeln!(out, "error: {}", store_error_text(lang, &e));
            return 1;
        }
    };
    advise_scenario(&loaded.scenario, file, dispute_id, today, json, out)
}

/// `advise` on a scenario already in memory; `file` only names it in messages.
pub fn advise_scenario(
    scenario: &crate::model::Scenario,
    file: &Path,
    dispute_id: &str,
    today: chrono::NaiveDate,
    json: bool,
    out: &mut impl std::io::Write,
) -> i32 {
    let Some(dispute) = scenario.disputes.iter().find(|d| d.id == dispute_id) else {
        let ids: Vec<&str> = scenario.disputes.iter().map(|d| d.id.as_str()).collect();
        let _ = writeln!(
            out,
            "error: no dispute {dispute_id:?} in {}; disputes: {}",
            file.display(),
            if ids.is_empty() {
                "none".to_owned()
            } else {
                ids.join(", ")
            }
        );
        return 1;
    };
    let seg = Segmentation::compute(&scenario.customers, &scenario.settings);
    let advice = crate::model::advice::advise_dispute(scenario, &seg, dispute, today);
    let report = advice_json(scenario, dispute, &advice);
    let written = if json {
        serde_json::to_string_pretty(&report).map_or(Ok(()), |text| writeln!(out, "{text}"))
    } else {
        write_advice_text(scenario, dispute, &advice, out)
    };
    i32::from(written.is_err())
}

use crate::report::keys::{kind_key, part_key, party_key, route_key, tier_key};

/// The `advise --json` object (see the field list; money in the currency's major unit).
fn advice_json(
    scenario: &crate::model::Scenario,
    dispute: &crate::model::Dispute,
    advice: &crate::model::advice::Advice,
) -> serde_json::Value {
    use crate::model::advice::DeadlineKind;
    use serde_json::{Map, Value, json};
    let lang = Language::English;
    let limitation = advice.limitation().map_or(Value::Null, |l| {
        json!({
            "ends": l.date.to_string(),
            "days_left": l.days_left,
            "expired": l.expired(),
            "rest_day_extended": l.extended_from.is_some(),
            "nominal_end": l.extended_from.unwrap_or(l.date).to_string(),
            "calendar_year_known": !l.year_unknown,
        })
    });
    let mut object = Map::new();
    object.insert("dispute".into(), json!(dispute.id));
    object.insert("customer".into(), json!(dispute.customer_id));
    object.insert(
        "customer_name".into(),
        json!(scenario.customer(&dispute.customer_id).map(|c| c.name.clone())),
    );
    object.insert("tier".into(), json!(tier_key(advice.tier)));
    object.insert("kind".into(), json!(kind_key(dispute.kind)));
    object.insert("firm_role".into(), json!(party_key(advice.firm_role)));
    object.insert(
        "arbitration_clause".into(),
        json!(dispute.contract.arbitration_clause),
    );
    object.insert("date".into(), json!(advice.date.to_string()));
    object.insert("recommended".into(), json!(route_key(advice.recommended)));
    object.insert(
        "order".into(),
        json!(advice.order.iter().map(|&r| route_key(r)).collect::<Vec<_>>()),
    );
    object.insert(
        "forum".into(),
        json!(if advice.formal == crate::model::Route::Arbitration {
            "arbitration"
        } else {
            "court"
        }),
    );
    object.insert("limitation".into(), limitation);
    // Where the defective part is known: its warranty, judged on the day the defect became known.
    if dispute.answers.defect_part.is_some()
        && let Some(w) = advice
            .deadlines
            .iter()
            .find(|d| matches!(d.kind, DeadlineKind::Warranty(_)))
        && let DeadlineKind::Warranty(part) = w.kind
    {
        object.insert(
            "warranty".into(),
            json!({"part": part_key(part), "ends": w.date.to_string(), "covers_defect": w.covers_defect}),
        );
    }
    object.insert(
        "legal_basis".into(),
        Value::Array(
            advice
                .references
                .iter()
                .map(|r| {
                    let c = r.citation();
                    json!({"source": c.source, "article": c.article, "version": c.version})
                })
                .collect(),
        ),
    );
    let mut net = Map::new();
    net.insert("settle_now".into(), json!(advice.settle_now.as_major_f64()));
    for r in &advice.results {
        net.insert(route_key(r.route).into(), json!(r.net.as_major_f64()));
    }
    object.insert("net_result".into(), Value::Object(net));
    object.insert(
        "reasons".into(),
        json!(
            advice
                .reasons
                .iter()
                .map(|r| crate::i18n::disputes::reason_text(lang, r))
                .collect::<Vec<_>>()
        ),
    );
    Value::Object(object)
}

fn write_advice_text(
    scenario: &crate::model::Scenario,
    dispute: &crate::model::Dispute,
    advice: &crate::model::advice::Advice,
    out: &mut impl std::io::Write,
) -> std::io::Result<()> {
    use crate::i18n::disputes::{order_text, reason_text, route};
    let lang = Language::English;
    let symbol = scenario.settings.currency_symbol.as_str();
    writeln!(
        out,
        "Dispute {} ({}), {} customer, firm is the {}",
        dispute.id,
        scenario
            .customer(&dispute.customer_id)
            .map_or(dispute.customer_id.as_str(), |c| c.name.as_str()),
        tier_key(advice.tier).replace('_', "-"),
        party_key(advice.firm_role)
    )?;
    writeln!(out, "Recommended: {}", route(lang, advice.recommended))?;
    writeln!(out, "Order to try: {}", order_text(lang, &advice.order))?;
    if let Some(l) = advice.limitation() {
        writeln!(
            out,
            "Limitation ends: {}{}{}",
            l.date,
            if l.expired() { " (expired)" } else { "" },
            l.extended_from.map_or_else(String::new, |from| format!(
                " (moved from {from}, Civil Code art. 203)"
            )),
        )?;
    }
    writeln!(
        out,
        "Net result: settle now {}; {}",
        crate::model::money_text(symbol, advice.settle_now),
        advice
            .results
            .iter()
            .map(|r| format!(
                "{} {}",
                route(lang, r.route),
                crate::model::money_text(symbol, r.net)
            ))
            .collect::<Vec<_>>()
            .join("; ")
    )?;
    for r in &advice.reasons {
        writeln!(out, "- {}", reason_text(lang, r))?;
    }
    writeln!(out, "Reference, not legal advice.")?;
    out.flush()
}

/// Customers per RFM segment in `segments --json`, under the keys of [`RfmSegment::key`].
#[derive(Clone, Copy, Debug, Default, Serialize, PartialEq, Eq)]
pub struct SegmentCounts {
    pub champion: usize,
    pub loyal: usize,
    pub potential_loyalist: usize,
    pub new: usize,
    pub promising: usize,
    pub needs_attention: usize,
    pub about_to_sleep: usize,
    pub at_risk: usize,
    pub cannot_lose: usize,
    pub hibernating: usize,
    pub lost: usize,
}

impl SegmentCounts {
    /// Customers in `segment`.
    #[must_use]
    pub fn get(&self, segment: RfmSegment) -> usize {
        let mut copy = *self;
        *copy.slot(segment)
    }

    fn slot(&mut self, segment: RfmSegment) -> &mut usize {
        match segment {
            RfmSegment::Champion => &mut self.champion,
            RfmSegment::Loyal => &mut self.loyal,
            RfmSegment::PotentialLoyalist => &mut self.potential_loyalist,
            RfmSegment::New => &mut self.new,
            RfmSegment::Promising => &mut self.promising,
            RfmSegment::NeedsAttention => &mut self.needs_attention,
            RfmSegment::AboutToSleep => &mut self.about_to_sleep,
            RfmSegment::AtRisk => &mut self.at_risk,
            RfmSegment::CannotLose => &mut self.cannot_lose,
            RfmSegment::Hibernating => &mut self.hibernating,
            RfmSegment::Lost => &mut self.lost,
        }
    }
}

/// One saved group in `segments --json`.
#[derive(Debug, Serialize, PartialEq, Eq)]
pub struct GroupSummary {
    pub name: String,
    pub size: usize,
    pub description: String,
}

/// The `segments --json` report.
#[derive(Debug, Serialize, PartialEq, Eq)]
pub struct SegmentsReport {
    pub customers: usize,
    pub with_rfm: usize,
    pub segments: SegmentCounts,
    pub groups: Vec<GroupSummary>,
}

impl SegmentsReport {
    /// The segment counts and saved groups of a scenario.
    #[must_use]
    pub fn new(scenario: &Scenario) -> Self {
        let seg = Segmentation::compute(&scenario.customers, &scenario.settings);
        let mut segments = SegmentCounts::default();
        let mut with_rfm = 0;
        for segment in rfm_segments::segments(&seg).into_iter().flatten() {
            *segments.slot(segment) += 1;
            with_rfm += 1;
        }
        let groups = scenario
            .groups
            .iter()
            .map(|g| GroupSummary {
                name: g.name.clone(),
                size: g.size(&scenario.customers),
                description: g.description.clone(),
            })
            .collect();
        Self {
            customers: scenario.customers.len(),
            with_rfm,
            segments,
            groups,
        }
    }
}

/// Runs `segments`: prints the segment counts (and saved groups) of `file`. Exit code 0, or 1
/// when the file cannot be read.
pub fn run_segments(file: &Path, json: bool, out: &mut impl std::io::Write) -> i32 {
    let lang = Language::English;
    let scenario = match store::load(file) {
        Ok(loaded) => loaded.scenario,
        Err(e) => {
            let _ = writeln!(out, "error: {}", store_error_text(lang, &e));
            return 1;
        }
    };
    let report = SegmentsReport::new(&scenario);
    let written = if json {
        serde_json::to_string_pretty(&report).map_or(Ok(()), |text| writeln!(out, "{text}"))
    } else {
        write_segments_text(file, &report, out)
    };
    i32::from(written.is_err())
}

fn write_segments_text(
    file: &Path,
    r: &SegmentsReport,
    out: &mut impl std::io::Write,
) -> std::io::Result<()> {
    writeln!(
        out,
        "{}: {} customers, {} with RFM scores",
        file.display(),
        r.customers,
        r.with_rfm
    )?;
    for segment in RfmSegment::ALL {
        let n = r.segments.get(segment);
        writeln!(
            out,
            "  {:<20} {n:>8}",
            crate::i18n::segments::segment_name(Language::English, segment)
        )?;
    }
    if r.customers > r.with_rfm {
        writeln!(out, "  {:<20} {:>8}", "no RFM data", r.customers - r.with_rfm)?;
    }
    if !r.groups.is_empty() {
        writeln!(out, "groups:")?;
        for g in &r.groups {
            writeln!(out, "  {:<20} {:>8}  {}", g.name, g.size, g.description)?;
        }
    }
    out.flush()
}
