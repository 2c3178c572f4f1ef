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
    #[error("line {line}, column {col}: {detail}: {path}")]
    Parse {
        path: PathBuf,
        line: usize,
        col: usize,
        detail: String,
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
