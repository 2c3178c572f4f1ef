//! Scenario files in RON: parse with positions, migrate old versions, save atomically.
//!
//! Format 3 writes the customer list one row per customer (see [`super::customer_rows`]) and
//! everything else with ron's serializer.

use std::fs;
use std::io::{Read as _, Write};
use std::path::{Path, PathBuf};

use rayon::prelude::*;
use ron::extensions::Extensions;
use serde::Deserialize;

use super::StoreError;
use crate::model::{CURRENT_FORMAT_VERSION, Customer, Scenario, Warning, symbol_for_currency, validate};

/// Files larger than this are refused before reading: a guard against absurd files (a wrong
/// file picked, a runaway generator), far above any real scenario (100,000 customers take about
/// 37 MiB). Saves refuse to write a bigger file, so the app never writes what it refuses.
pub const MAX_FILE_BYTES: u64 = 1024 * 1024 * 1024;

/// A file is read in pieces of this size, reporting progress after each.
const READ_CHUNK_BYTES: u64 = 4 << 20;

/// A scenario read from disk, with what the user should know about it.
#[derive(Debug)]
pub struct Loaded {
    pub scenario: Scenario,
    /// The validation warnings, each with its place in the file where it can be told.
    pub warnings: Vec<LocatedWarning>,
    /// The version the file had, when it was older and got migrated.
    pub migrated_from: Option<u32>,
    /// The file as read (its length, time and content hash), when it was read from a file:
    /// what tells later whether another program changed it.
    pub stamp: Option<super::FileStamp>,
}

/// A validation warning and where in the file it points (line, column), when the file as read
/// can tell; they travel together, never paired up by index.
#[derive(Clone, Debug, PartialEq)]
pub struct LocatedWarning {
    pub warning: Warning,
    pub at: Option<(usize, usize)>,
}

impl LocatedWarning {
    /// Warnings of a scenario not read from a file (or edited since): no places.
    #[must_use]
    pub fn unplaced(warnings: Vec<Warning>) -> Vec<Self> {
        warnings
            .into_iter()
            .map(|warning| Self { warning, at: None })
            .collect()
    }
}

/// Just enough of a file to know its version before parsing the rest.
#[derive(Deserialize)]
#[serde(rename = "Scenario")]
struct VersionProbe {
    #[serde(default)]
    format_version: Option<u32>,
}

pub(super) fn ron_options() -> ron::Options {
    ron::Options::default()
        .with_default_extension(Extensions::IMPLICIT_SOME)
        .with_recursion_limit(64)
}

/// Reads, checks and migrates a scenario file. Never panics on file content.
pub fn load(path: &Path) -> Result<Loaded, StoreError> {
    load_with(path, &super::Progress::default())
}

/// [`load`], reporting the bytes read to `progress` (reading is most of a load's wait for a
/// big file on a slow disk; parsing follows). Cancelling is the caller's business: it drops
/// the result.
pub fn load_with(path: &Path, progress: &super::Progress) -> Result<Loaded, StoreError> {
    let read_err = |source| StoreError::Read {
        path: path.to_owned(),
        source,
    };
    let file = fs::File::open(path).map_err(read_err)?;
    let meta = file.metadata().map_err(read_err)?;
    let bytes = meta.len();
    if bytes > MAX_FILE_BYTES {
        return Err(StoreError::TooLarge {
            path: path.to_owned(),
            bytes,
            limit: MAX_FILE_BYTES,
        });
    }
    progress.set_total(bytes);
    let mut raw = Vec::with_capacity(usize::try_from(bytes).unwrap_or(0));
    // Read one byte past the limit, in case the file grew since we looked.
    let mut file = file.take(MAX_FILE_BYTES + 1);
    while (&mut file)
        .take(READ_CHUNK_BYTES)
        .read_to_end(&mut raw)
        .map_err(read_err)?
        > 0
    {
        progress.set_done(raw.len() as u64);
        if progress.is_cancelled() {
            // Nobody waits for the result any more: skip the parse.
            return Err(read_err(std::io::Error::new(
                std::io::ErrorKind::Interrupted,
                "cancelled",
            )));
        }
    }
    if raw.len() as u64 > MAX_FILE_BYTES {
        return Err(StoreError::TooLarge {
            path: path.to_owned(),
            bytes: raw.len() as u64,
            limit: MAX_FILE_BYTES,
        });
    }
    let stamp = super::FileStamp::of_read(&meta, &raw);
    let text = match String::from_utf8(raw) {
        Ok(text) => text,
        Err(e) => {
            let valid = e.utf8_error().valid_up_to();
            let (line, col) = line_col(e.as_bytes(), valid);
            return Err(StoreError::NotUtf8 {
                path: path.to_owned(),
                line,
                col,
            });
        }
    };
    let mut loaded = parse(&text, path)?;
    loaded.stamp = Some(stamp);
    Ok(loaded)
}

/// 1-based line and column (in characters) of a byte offset.
fn line_col(bytes: &[u8], offset: usize) -> (usize, usize) {
    let before = bytes.get(..offset).unwrap_or(bytes);
    let line = before.split(|&b| b == b'\n').count();
    let line_start = before.iter().rposition(|&b| b == b'\n').map_or(0, |p| p + 1);
    let col = String::from_utf8_lossy(before.get(line_start..).unwrap_or_default())
        .chars()
        .count()
        + 1;
    (line, col)
}

/// Parses scenario text; `path` is only used in messages.
///
/// The customer list, nearly all of a big file, goes through the fast row reader in parallel,
/// and the rest of the file through ron. Whenever the fast reader gives up, the whole text is
/// parsed by ron instead, so errors always carry ron's message, line and column.
pub fn parse(text: &str, path: &Path) -> Result<Loaded, StoreError> {
    if text.trim().is_empty() {
        return Err(StoreError::Parse {
            path: path.to_owned(),
            line: 1,
            col: 1,
            problem: super::ParseProblem::Empty,
        });
    }
    let (mut scenario, starts) = match parse_fast(text) {
        Some((scenario, rows)) => (scenario, Some(rows)),
        None => (parse_slow(text, path)?, None),
    };
    let version = scenario.format_version;
    let migrated_from = (version < CURRENT_FORMAT_VERSION).then_some(version);
    migrate(&mut scenario);
    scenario.plan.normalize_steps();
    let warnings = validate(&scenario);
    let positions = super::locate::positions(text, starts.as_deref(), &warnings);
    let warnings = warnings
        .into_iter()
        .zip(positions.into_iter().chain(std::iter::repeat(None)))
        .map(|(warning, at)| LocatedWarning { warning, at })
        .collect();
    Ok(Loaded {
        scenario,
        warnings,
        migrated_from,
        stamp: None,
    })
}

/// The customer list by the row reader and the rest by ron; `None` on anything unusual,
/// including every error (the slow path then words it). Also returns where each customer starts.
fn parse_fast(text: &str) -> Option<(Scenario, Vec<usize>)> {
    let open = super::layout::customers_open(text)?;
    let rows = super::row_reader::read_list(text, open)?;
    let mut shell = String::with_capacity(text.len() - (rows.close - open) + 2);
    shell.push_str(text.get(..open)?);
    shell.push_str("[]");
    shell.push_str(text.get(rows.close + 1..)?);
    let mut scenario: Scenario = ron_options().from_str(&shell).ok()?;
    if scenario.format_version > CURRENT_FORMAT_VERSION || !scenario.customers.is_empty() {
        return None;
    }
    scenario.customers = rows.customers;
    Some((scenario, rows.starts))
}

/// The whole text by ron, as every file was read before format 3.
fn parse_slow(text: &str, path: &Path) -> Result<Scenario, StoreError> {
    let parse_err = |e: ron::error::SpannedError| StoreError::Parse {
        path: path.to_owned(),
        line: e.span.start.line,
        col: e.span.start.col,
        problem: super::ParseProblem::from_ron(&e.code),
    };
    let probe: VersionProbe = ron_options().from_str(text).map_err(parse_err)?;
    let Some(version) = probe.format_version else {
        return Err(StoreError::MissingVersion {
            path: path.to_owned(),
        });
    };
    if version > CURRENT_FORMAT_VERSION {
        return Err(StoreError::NewerVersion {
            path: path.to_owned(),
            found: version,
            supported: CURRENT_FORMAT_VERSION,
        });
    }
    ron_options().from_str(text).map_err(parse_err)
}

/// Brings an older scenario up to [`CURRENT_FORMAT_VERSION`], one version at a time.
fn migrate(scenario: &mut Scenario) {
    if scenario.format_version <= 1 {
        // v1 kept only the currency code; the symbol now there is the serde default, not the file's.
        scenario.settings.currency_symbol = symbol_for_currency(&scenario.settings.currency).to_owned();
        scenario.format_version = 2;
    }
    if scenario.format_version == 2 {
        // v3 changed only the layout of the customer list (one row per customer); the values
        // are the same.
        scenario.format_version = 3;
    }
}

/// The comment written above the customer rows.
const ROWS_COMMENT: &str = "  // One customer per line: id, name, industry, region, contact, since, revenue, cost_of_goods,\n  // cost_to_serve (money in cents), growth_potential, value, tier_override, tags, rfm; empty ones\n  // are left out. Co-creation logs follow their customer, one entry per line.\n";

/// Where ron puts the (empty) customer list of the shell.
const EMPTY_LIST: &str = "\n  customers: [],\n";

/// Customers are formatted in groups of this many per thread, to stream without holding the text.
const ROWS_PER_TASK: usize = 2048;

/// Ron's text for everything but the customers, cut where the customer list goes.
struct Shell {
    head: String,
    tail: String,
}

impl Shell {
    fn new(scenario: &Scenario) -> Result<Self, StoreError> {
        let config = ron::ser::PrettyConfig::new()
            .extensions(Extensions::IMPLICIT_SOME)
            .struct_names(true)
            .indentor("  ")
            // Deeper values (a dispute's amounts, one goal, one KPI measurement) go on one line.
            .depth_limit(3);
        let mut shell = ron::Options::default()
            .to_string_pretty(&scenario.without_customers(), config)
            .map_err(|e| StoreError::Serialize {
                detail: e.to_string(),
            })?;
        let Some(at) = shell.find(EMPTY_LIST) else {
            return Err(StoreError::Serialize {
                detail: "no customer list in the serialized scenario".to_owned(),
            });
        };
        let tail = shell.split_off(at + EMPTY_LIST.len());
        shell.truncate(at + 1);
        Ok(Self { head: shell, tail })
    }

    /// Writes the file: head, the customer rows (formatted in parallel, streamed), tail.
    /// The rows are `customers`, then `more` customers made one at a time by `make`.
    fn write(
        &self,
        customers: &[Customer],
        more: usize,
        make: &(impl Fn(usize, &mut Customer) + Sync),
        out: &mut impl Write,
    ) -> std::io::Result<()> {
        out.write_all(self.head.as_bytes())?;
        out.write_all(ROWS_COMMENT.as_bytes())?;
        out.write_all(b"  customers: [\n")?;
        let count = customers.len() + more;
        let group = ROWS_PER_TASK * rayon::current_num_threads().max(1);
        for first in (0..count).step_by(group) {
            let tasks: Vec<usize> = (first..count.min(first + group)).step_by(ROWS_PER_TASK).collect();
            let texts: Vec<String> = tasks
                .into_par_iter()
                .map(|start| {
                    let end = count.min(start + ROWS_PER_TASK);
                    let mut text = String::with_capacity((end - start) * 256);
                    // One customer made over and over: no allocation per row.
                    let mut reused = Customer::default();
                    for i in start..end {
                        if let Some(c) = customers.get(i) {
                            super::customer_rows::write_customer(&mut text, c);
                        } else {
                            make(i - customers.len(), &mut reused);
                            super::customer_rows::write_customer(&mut text, &reused);
                        }
                    }
                    text
                })
                .collect();
            for text in texts {
                out.write_all(text.as_bytes())?;
            }
        }
        out.write_all(b"  ],\n")?;
        out.write_all(self.tail.as_bytes())?;
        out.write_all(b"\n")
    }
}

/// No more customers than the scenario's own.
fn no_more(_: usize, _: &mut Customer) {}

/// Writes the scenario as a format-3 file: everything but the customers by ron's own
/// serializer (so new fields flow through), the customers one row per line.
pub fn write_scenario(scenario: &Scenario, out: &mut impl Write) -> Result<(), StoreError> {
    Shell::new(scenario)?
        .write(&scenario.customers, 0, &no_more, out)
        .map_err(|e| StoreError::Serialize {
            detail: e.to_string(),
        })
}

/// The scenario as the text a save writes.
pub fn to_ron(scenario: &Scenario) -> Result<String, StoreError> {
    let mut bytes = Vec::new();
    write_scenario(scenario, &mut bytes)?;
    String::from_utf8(bytes).map_err(|e| StoreError::Serialize {
        detail: e.to_string(),
    })
}

/// `NAME.ron` → `NAME.ron.bak`.
#[must_use]
pub fn backup_path(path: &Path) -> PathBuf {
    let mut name = path
        .file_name()
        .map(std::ffi::OsStr::to_owned)
        .unwrap_or_default();
    name.push(".bak");
    path.with_file_name(name)
}

/// Saves atomically: write a temp file in the same folder, fsync it, keep the old file as
/// `NAME.ron.bak`, then rename the temp file over the target. On any failure the target is
/// left as it was and the temp file is removed.
///
/// The text is streamed to the temp file and counted: a scenario that would make a file over
/// [`MAX_FILE_BYTES`], which [`load`] refuses, stops the save with
/// [`StoreError::TooLargeToSave`] before anything replaces the target.
pub fn save(path: &Path, scenario: &Scenario) -> Result<(), StoreError> {
    save_with_more(path, scenario, 0, no_more)
}

/// [`save`] with `more` customers after the scenario's own, each made by `make(i, customer)`
/// from a customer that is either the default or the one made before it. The file is the one
/// [`save`] writes for the scenario with those customers added; for a big import, this saves
/// it without holding them all.
pub fn save_with_more(
    path: &Path,
    scenario: &Scenario,
    more: usize,
    make: impl Fn(usize, &mut Customer) + Sync,
) -> Result<(), StoreError> {
    save_limited(path, scenario, (more, &make), MAX_FILE_BYTES)?;
    // Temp files of earlier saves that were killed mid-write go with the next good save.
    super::lock::remove_stale_temps(path);
    Ok(())
}

fn save_limited(
    path: &Path,
    scenario: &Scenario,
    (more, make): (usize, &(impl Fn(usize, &mut Customer) + Sync)),
    limit: u64,
) -> Result<(), StoreError> {
    let shell = Shell::new(scenario)?;
    let result = write_atomic_with(path, true, |file| {
        let mut out = Limited {
            inner: std::io::BufWriter::with_capacity(1 << 20, file),
            written: 0,
            limit,
        };
        shell.write(&scenario.customers, more, make, &mut out)?;
        out.flush()
    });
    match result {
        Err(StoreError::Write { path, source }) if source.kind() == std::io::ErrorKind::FileTooLarge => {
            Err(StoreError::TooLargeToSave { path, limit })
        }
        other => other,
    }
}

/// A writer that fails once more than `limit` bytes would be written.
struct Limited<W> {
    inner: W,
    written: u64,
    limit: u64,
}

impl<W: Write> Write for Limited<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.written += buf.len() as u64;
        if self.written > self.limit {
            return Err(std::io::Error::new(
                std::io::ErrorKind::FileTooLarge,
                "over the scenario file size limit",
            ));
        }
        self.inner.write_all(buf)?;
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.inner.flush()
    }
}

/// Writes `bytes` to `path` atomically (temp file, fsync, rename), optionally keeping the
/// previous file as `NAME.bak`. Used for every export.
pub fn write_atomic(path: &Path, bytes: &[u8], keep_backup: bool) -> Result<(), StoreError> {
    write_atomic_with(path, keep_backup, |file| file.write_all(bytes))
}

/// Like [`write_atomic`], with `write` filling the temp file.
fn write_atomic_with(
    path: &Path,
    keep_backup: bool,
    write: impl FnOnce(&mut fs::File) -> std::io::Result<()>,
) -> Result<(), StoreError> {
    let folder = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_owned(),
        _ => PathBuf::from("."),
    };
    if !folder.is_dir() {
        return Err(StoreError::NoFolder { path: folder });
    }
    let write_err = |source| StoreError::Write {
        path: path.to_owned(),
        source,
    };
    if path.is_dir() {
        return Err(write_err(std::io::Error::new(
            std::io::ErrorKind::IsADirectory,
            "a folder has that name",
        )));
    }
    let file_name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let temp = folder.join(format!(".{file_name}.{}.tmp", std::process::id()));
    let result = write_temp_then_replace(&temp, path, write, keep_backup);
    if result.is_err() {
        let _ = fs::remove_file(&temp);
    }
    result.map_err(write_err)?;
    // Make the rename itself durable; not all platforms can open a folder, so this is best effort.
    if let Ok(dir) = fs::File::open(&folder) {
        let _ = dir.sync_all();
    }
    Ok(())
}

fn write_temp_then_replace(
    temp: &Path,
    target: &Path,
    write: impl FnOnce(&mut fs::File) -> std::io::Result<()>,
    keep_backup: bool,
) -> std::io::Result<()> {
    let mut file = fs::OpenOptions::new().write(true).create_new(true).open(temp)?;
    write(&mut file)?;
    file.sync_all()?;
    drop(file);
    if keep_backup && target.exists() {
        let backup = backup_path(target);
        // The previous version becomes the backup by a second name for the same file, so a
        // big scenario is not copied on every save; copied where links are not supported.
        match fs::remove_file(&backup) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => return Err(e),
            _ => {}
        }
        if fs::hard_link(target, &backup).is_err() {
            fs::copy(target, &backup)?;
            fs::File::open(&backup)?.sync_all()?;
        }
    }
    fs::rename(temp, target)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn problem(text: &str) -> (usize, usize, super::super::ParseProblem) {
        match parse(text, Path::new("t.ron")) {
            Err(StoreError::Parse {
                line, col, problem, ..
            }) => (line, col, problem),
            other => panic!("not a parse error: {other:?}"),
        }
    }

    /// The cases the app words in each language are told apart by ron's typed error and
    /// chrono's own messages, not by matching English text.
    #[test]
    fn parse_problems_are_sorted_by_kind() {
        use super::super::ParseProblem as P;
        assert_eq!(problem("  \n").2, P::Empty);
        let sample = include_str!("../../assets/samples/harbor-logistics.ron");
        let at = sample.find("2026-01-05").unwrap();
        let line = sample[..at].lines().count();
        for bad in ["2026-02-30", "2026-13-01", "2026-1x-05"] {
            let text = sample.replacen("2026-01-05", bad, 1);
            let (l, _, p) = problem(&text);
            assert_eq!(p, P::BadDate, "{bad}");
            assert_eq!(l, line, "{bad} is reported on its own line");
        }
        let deep = format!("(format_version: 3, x: {}{})", "[".repeat(400), "]".repeat(400));
        assert_eq!(problem(&deep).2, P::TooDeep);
        assert_eq!(
            problem("(format_version: 99999999999999999999999)").2,
            P::NumberTooLarge
        );
        let (line, col, other) = problem("(format_version: 3,, )");
        assert!(matches!(other, P::Other(_)), "{other:?}");
        assert_eq!((line, col), (1, 20));
    }

    #[test]
    fn customers_made_while_saving_give_the_file_of_a_scenario_that_holds_them() {
        let dir = tempfile::tempdir().unwrap();
        let mut scenario = Scenario::new(chrono::NaiveDate::default());
        scenario.customers = vec![Customer {
            id: "OLD".into(),
            tags: vec!["kept".into()],
            ..Customer::default()
        }];
        let rfm = crate::model::Rfm {
            reference_date: chrono::NaiveDate::default(),
            recency_days: 3,
            frequency: 2,
            monetary: crate::model::Money(1234),
        };
        let ids: Vec<String> = (0..5000).map(|i| format!("N{i}")).collect();
        let path = dir.path().join("made.ron");
        save_with_more(&path, &scenario, ids.len(), |i, c| {
            super::super::import::fill_log_customer(c, &ids[i], &rfm);
        })
        .unwrap();
        scenario.customers.extend(ids.iter().map(|id| {
            let mut c = Customer::default();
            super::super::import::fill_log_customer(&mut c, id, &rfm);
            c
        }));
        assert_eq!(fs::read_to_string(&path).unwrap(), to_ron(&scenario).unwrap());
        assert_eq!(load(&path).unwrap().scenario, scenario);
    }

    #[test]
    fn a_save_over_the_limit_writes_nothing_and_says_why() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("big.ron");
        let mut scenario = Scenario::new(chrono::NaiveDate::default());
        save_limited(&path, &scenario, (0, &no_more), 10_000).unwrap();
        let before = fs::read(&path).unwrap();
        scenario.customers = (0..1000)
            .map(|i| Customer {
                id: format!("C{i}"),
                ..Customer::default()
            })
            .collect();
        let err = save_limited(&path, &scenario, (0, &no_more), 10_000).unwrap_err();
        assert!(
            matches!(err, StoreError::TooLargeToSave { limit: 10_000, .. }),
            "{err:?}"
        );
        assert_eq!(fs::read(&path).unwrap(), before, "the file on disk is untouched");
        let names: Vec<_> = fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(names.len(), 1, "no temp file or backup left: {names:?}");
    }
}
