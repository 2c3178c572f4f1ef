//! What every bench shares: the size it runs at, and a scratch folder that is removed loudly.
//!
//! `cargo bench` passes `--bench` to a bench binary; `cargo test --benches` (as CI runs it)
//! does not, and criterion then runs each benchmark once as a test. Those runs use small sizes,
//! so each bench's setup and the checks on it run in seconds in a debug build; `cargo bench`
//! keeps the full sizes. Bench names are built from the sizes, so they say what was measured.

#![allow(dead_code, reason = "each bench binary uses its own subset of these helpers")]

use std::path::{Path, PathBuf};

/// Whether the binary runs under `cargo bench` (full sizes), rather than as a test.
pub fn full_size() -> bool {
    std::env::args().any(|arg| arg == "--bench")
}

/// `full` under `cargo bench`, `test` under `cargo test --benches`.
pub fn size(full: usize, test: usize) -> usize {
    if full_size() { full } else { test }
}

/// A count as bench names write it: 100k, 1M, 1k, or the number itself.
pub fn count_label(n: usize) -> String {
    if n >= 1_000_000 && n.is_multiple_of(1_000_000) {
        format!("{}M", n / 1_000_000)
    } else if n >= 1_000 && n.is_multiple_of(1_000) {
        format!("{}k", n / 1_000)
    } else {
        n.to_string()
    }
}

/// Removes `path` if it exists; any other failure stops the bench.
pub fn remove_file_if_present(path: &Path) {
    match std::fs::remove_file(path) {
        Ok(()) => {}
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
        Err(e) => panic!("cannot remove {}: {e}", path.display()),
    }
}

/// A fresh folder under the system's temporary folder, removed when dropped.
pub struct ScratchDir(PathBuf);

impl ScratchDir {
    /// Creates `<temp>/<name>-<process id>`; failing to is a setup failure.
    pub fn new(name: &str) -> Self {
        let path = std::env::temp_dir().join(format!("{name}-{}", std::process::id()));
        if let Err(e) = std::fs::create_dir_all(&path) {
            panic!("cannot create the bench folder {}: {e}", path.display());
        }
        Self(path)
    }

    /// The folder.
    pub fn path(&self) -> &Path {
        &self.0
    }
}

impl Drop for ScratchDir {
    fn drop(&mut self) {
        // A bench that cannot clean up after itself leaves large files behind: say so, unless
        // a failure is already being reported (a second panic would abort and hide it).
        if let Err(e) = std::fs::remove_dir_all(&self.0)
            && !std::thread::panicking()
        {
            panic!("cannot remove the bench folder {}: {e}", self.0.display());
        }
    }
}
