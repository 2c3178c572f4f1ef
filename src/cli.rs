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
