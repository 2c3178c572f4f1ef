//! Scenario files in RON: parse with positions, migrate old versions, save atomically.

use std::fs;
use std::io::{Read as _, Write as _};
use std::path::{Path, PathBuf};

use ron::extensions::Extensions;
use serde::Deserialize;

use super::StoreError;
use crate::model::{CURRENT_FORMAT_VERSION, Scenario, Warning, symbol_for_currency, validate};

/// Files larger than this are refused before parsing.
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

/// A scenario read from disk, with what the user should know about it.
#[derive(Debug)]
pub struct Loaded {
    pub scenario: Scenario,
    pub warnings: Vec<Warning>,
    /// Line and column in the file of each warning, where it can be told.
    pub positions: Vec<Option<(usize, usize)>>,
    /// The version the file had, when it was older and got migrated.
    pub migrated_from: Option<u32>,
}

/// Just enough of a file to know its version before parsing the rest.
#[derive(Deserialize)]
#[serde(rename = "Scenario")]
struct VersionProbe {
    #[serde(default)]
    format_version: Option<u32>,
}

fn ron_options() -> ron::Options {
    ron::Options::default()
        .with_default_extension(Extensions::IMPLICIT_SOME)
        .with_recursion_limit(64)
}

/// Reads, checks and migrates a scenario file. Never panics on file content.
pub fn load(path: &Path) -> Result<Loaded, StoreError> {
    let read_err = |source| StoreError::Read {
        path: path.to_owned(),
        source,
    };
    let file = fs::File::open(path).map_err(read_err)?;
    let bytes = file.metadata().map_err(read_err)?.len();
    if bytes > MAX_FILE_BYTES {
        return Err(StoreError::TooLarge {
            path: path.to_owned(),
            bytes,
            limit: MAX_FILE_BYTES,
        });
    }
    let mut raw = Vec::with_capacity(usize::try_from(bytes).unwrap_or(0));
    // Read one byte past the limit, in case the file grew since we looked.
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut raw)
        .map_err(read_err)?;
    if raw.len() as u64 > MAX_FILE_BYTES {
        return Err(StoreError::TooLarge {
            path: path.to_owned(),
            bytes: raw.len() as u64,
            limit: MAX_FILE_BYTES,
        });
    }
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
    parse(&text, path)
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
pub fn parse(text: &str, path: &Path) -> Result<Loaded, StoreError> {
    let parse_err = |e: ron::error::SpannedError| StoreError::Parse {
        path: path.to_owned(),
        line: e.span.start.line,
        col: e.span.start.col,
        detail: e.code.to_string(),
    };
    if text.trim().is_empty() {
        return Err(StoreError::Parse {
            path: path.to_owned(),
            line: 1,
            col: 1,
            detail: crate::i18n::EMPTY_FILE_DETAIL.to_owned(),
        });
    }
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
    let mut scenario: Scenario = ron_options().from_str(text).map_err(parse_err)?;
    let migrated_from = (version < CURRENT_FORMAT_VERSION).then_some(version);
    migrate(&mut scenario);
    scenario.plan.normalize_steps();
    let warnings = validate(&scenario);
    let positions = warnings.iter().map(|w| super::locate(text, w)).collect();
    Ok(Loaded {
        scenario,
        warnings,
        positions,
        migrated_from,
    })
}

/// Brings an older scenario up to [`CURRENT_FORMAT_VERSION`], one version at a time.
fn migrate(scenario: &mut Scenario) {
    if scenario.format_version <= 1 {
        // v1 kept only the currency code; the symbol now there is the serde default, not the file's.
        scenario.settings.currency_symbol = symbol_for_currency(&scenario.settings.currency).to_owned();
        scenario.format_version = 2;
    }
}

/// The scenario as the text a save writes.
pub fn to_ron(scenario: &Scenario) -> Result<String, StoreError> {
    let config = ron::ser::PrettyConfig::new()
        .extensions(Extensions::IMPLICIT_SOME)
        .struct_names(true)
        .indentor("  ")
        // Deeper values (a customer's value scores, one goal, one log entry) go on one line:
        // readable, and 100,000 customers stay well under the 64 MiB file limit.
        .depth_limit(3);
    let mut text = ron::Options::default()
        .to_string_pretty(scenario, config)
        .map_err(|e| StoreError::Serialize {
            detail: e.to_string(),
        })?;
    text.push('\n');
    Ok(text)
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
pub fn save(path: &Path, scenario: &Scenario) -> Result<(), StoreError> {
    let text = to_ron(scenario)?;
    write_atomic(path, text.as_bytes(), true)?;
    // Temp files of earlier saves that were killed mid-write go with the next good save.
    super::lock::remove_stale_temps(path);
    Ok(())
}

/// Writes `bytes` to `path` atomically (temp file, fsync, rename), optionally keeping the
/// previous file as `NAME.bak`. Used for scenarios and for every export.
pub fn write_atomic(path: &Path, bytes: &[u8], keep_backup: bool) -> Result<(), StoreError> {
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
    let result = write_temp_then_replace(&temp, path, bytes, keep_backup);
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
    bytes: &[u8],
    keep_backup: bool,
) -> std::io::Result<()> {
    let mut file = fs::OpenOptions::new().write(true).create_new(true).open(temp)?;
    file.write_all(bytes)?;
    file.sync_all()?;
    drop(file);
    if keep_backup && target.exists() {
        let backup = backup_path(target);
        fs::copy(target, &backup)?;
        fs::File::open(&backup)?.sync_all()?;
    }
    fs::rename(temp, target)
}
