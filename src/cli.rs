//! The command line: `scm-crm-studio [FILE]` opens the app; `scm-crm-studio check FILE` checks a
//! file headlessly with the same loader and validation as the app.

use std::path::{Path, PathBuf};

use clap::{Parser, Subcommand};
use serde::Serialize;

use crate::i18n::{store_error_detail, store_error_text, warning_text};
use crate::model::{Language, Segmentation, Summary};
use crate::store;

/// Command-line arguments.
#[derive(Debug, Parser)]
#[command(
    name = "scm-crm-studio",
    version,
    about = "Supply-chain CRM workbench: customer value, the SCM/CRM integration plan and contract disputes."
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
    Check {
        /// The scenario file (.ron).
        file: PathBuf,
        /// Print one JSON object instead of text.
        #[arg(long)]
        json: bool,
    },
    /// Import a customer list or a transaction log (CSV, XLSX, XLS or ODS) into a scenario.
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
    },
}

/// What an imported file holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum ImportKind {
    Customers,
    Transactions,
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
                .zip(&loaded.positions)
                .map(|(w, at)| Message {
                    message: warning_text(lang, w),
                    detail: warning_text(lang, w),
                    line: at.map(|a| a.0),
                    col: at.map(|a| a.1),
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
    /// The creation date of a new scenario file.
    pub today: chrono::NaiveDate,
}

/// Runs `import`, printing what it did; returns the exit code (0 imported, 1 nothing
/// imported or unreadable, 2 a bad `--map`).
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
    use crate::i18n::customers::{import_error_text, row_error_text};
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
    let options = ParseOptions {
        date_format: args.date_format.to_owned(),
        decimal_comma: args.decimal_comma,
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
    let (merged, errors, read) = match (args.kind, &sheet) {
        (ImportKind::Customers, Some(sheet)) => {
            let (rows, errors) = import::customers_from_sheet(sheet, &customer_mapping, &options);
            let n = rows.len();
            (import::merge_customer_rows(&existing, &rows), errors, n)
        }
        (ImportKind::Transactions, Some(sheet)) => {
            let (log, errors) =
                import::transactions_from_sheet(sheet, &tx_mapping, &options, args.reference_date);
            let n = log.len();
            let aggregated = crate::model::rfm::aggregate(&log, args.reference_date);
            (import::merge_transactions_into(existing, aggregated), errors, n)
        }
        (_, None) => {
            let sums =
                match import::sum_csv_log(args.input, encoding, &tx_mapping, &options, args.reference_date) {
                    Ok(sums) => sums,
                    Err(e) => {
                        writeln!(out, "error: {}", import_error_text(lang, &e))?;
                        return Ok(1);
                    }
                };
            (
                import::merge_transactions_into(existing, sums.customers),
                sums.errors,
                sums.rows,
            )
        }
    };
    for e in &errors {
        writeln!(out, "{}: {}", args.input.display(), row_error_text(lang, e))?;
    }
    if merged.added + merged.updated == 0 {
        writeln!(
            out,
            "nothing imported from {} ({} rows with problems)",
            args.input.display(),
            errors.len()
        )?;
        return Ok(1);
    }
    scenario.customers = merged.customers;
    scenario.metadata.modified = Some(args.today);
    if let Err(e) = store::save(args.into, &scenario) {
        writeln!(out, "error: {}", store_error_text(lang, &e))?;
        return Ok(1);
    }
    let mut skipped: Vec<usize> = errors.iter().map(|e| e.row).collect();
    skipped.dedup();
    writeln!(
        out,
        "{} {}: {read} rows read, {} customers added, {} updated, {} rows skipped",
        if existed { "updated" } else { "created" },
        args.into.display(),
        merged.added,
        merged.updated,
        skipped.len(),
    )?;
    Ok(0)
}
