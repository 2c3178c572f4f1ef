//! What can go wrong with a scenario file.

use std::path::PathBuf;

/// A load or save failure. The English text names the path last; the UI words it per language.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("cannot read: {source}: {path}")]
    Read { path: PathBuf, source: std::io::Error },
    #[error("cannot write: {source}: {path}")]
    Write { path: PathBuf, source: std::io::Error },
    #[error("the folder does not exist: {path}")]
    NoFolder { path: PathBuf },
    #[error("file is {bytes} bytes, over the {limit}-byte limit: {path}")]
    TooLarge { path: PathBuf, bytes: u64, limit: u64 },
    #[error(
        "the scenario would make a file over the {limit}-byte limit, which could not be opened again; nothing was written: {path}"
    )]
    TooLargeToSave { path: PathBuf, limit: u64 },
    #[error("line {line}, column {col}: not UTF-8 text: {path}")]
    NotUtf8 { path: PathBuf, line: usize, col: usize },
    #[error("line {line}, column {col}: {problem}: {path}")]
    Parse {
        path: PathBuf,
        line: usize,
        col: usize,
        problem: ParseProblem,
    },
    #[error(
        "format version {found} is newer than this app reads (up to {supported}); update the app: {path}"
    )]
    NewerVersion {
        path: PathBuf,
        found: u32,
        supported: u32,
    },
    #[error("no format_version: not a scenario file: {path}")]
    MissingVersion { path: PathBuf },
    #[error("cannot write the scenario as RON: {detail}")]
    Serialize { detail: String },
}

/// What is wrong at a place in a scenario file: the cases the app words itself in each
/// language, told apart by the parser's typed error (never by its English text), and the rest
/// in the parser's own words.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ParseProblem {
    #[error("the file is empty")]
    Empty,
    #[error("not a valid date (expected YYYY-MM-DD, a real calendar day)")]
    BadDate,
    #[error("nested too deeply")]
    TooDeep,
    #[error("number too large")]
    NumberTooLarge,
    #[error("{0}")]
    Other(String),
}

impl ParseProblem {
    /// Sorts ron's error: its recursion and integer-bounds variants, and a date field's own
    /// error (chrono's, passed through serde as a message) compared with chrono's messages.
    #[must_use]
    pub fn from_ron(code: &ron::Error) -> Self {
        match code {
            ron::Error::ExceededRecursionLimit => Self::TooDeep,
            ron::Error::IntegerOutOfBounds => Self::NumberTooLarge,
            ron::Error::Message(message) if is_date_error(message) => Self::BadDate,
            other => Self::Other(other.to_string()),
        }
    }
}

/// Whether `message` is one of chrono's date parse errors (as a date field reports it).
fn is_date_error(message: &str) -> bool {
    use chrono::NaiveDate;
    // Every way a YYYY-MM-DD text can fail, asked of chrono itself.
    ["", "2026-02-30", "2026-xx-01", "2026-01-01x", "2026-01"]
        .iter()
        .filter_map(|text| NaiveDate::parse_from_str(text, "%Y-%m-%d").err())
        .chain(["2026-02-30".parse::<NaiveDate>().err()].into_iter().flatten())
        .any(|e| e.to_string() == message)
}
