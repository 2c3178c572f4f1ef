//! Guards against two writers: a stamp of the file as last read or written (to notice another
//! program changing it), a lock file marking a scenario open in another instance, and the
//! clean-up of temp files that a killed save left behind.

use std::hash::Hasher as _;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

/// What a file looked like when the app last read or wrote it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FileStamp {
    pub len: u64,
    pub modified: Option<SystemTime>,
    /// A hash of the content, so a mere `touch` or a sync client rewriting the same bytes is
    /// not taken for a change.
    pub hash: u64,
}

impl FileStamp {
    /// Stamps the file as it is now; `None` when it cannot be read.
    #[must_use]
    pub fn of(path: &Path) -> Option<Self> {
        let meta = std::fs::metadata(path).ok()?;
        let bytes = std::fs::read(path).ok()?;
        Some(Self::of_read(&meta, &bytes))
    }

    /// Stamps a file from what was just read of it, `bytes`, and its `meta` data: a load
    /// stamps what it parsed without reading the file a second time.
    #[must_use]
    pub fn of_read(meta: &std::fs::Metadata, bytes: &[u8]) -> Self {
        Self {
            len: bytes.len() as u64,
            modified: meta.modified().ok(),
            hash: content_hash(bytes),
        }
    }

    /// True when the file at `path` no longer holds what this stamp saw (or is gone).
    #[must_use]
    pub fn changed_on_disk(&self, path: &Path) -> bool {
        let Ok(meta) = std::fs::metadata(path) else {
            return true;
        };
        if meta.len() == self.len && meta.modified().ok() == self.modified {
            return false;
        }
        // Size or time differ: compare the content before bothering the user.
        std::fs::read(path).map_or(true, |bytes| content_hash(&bytes) != self.hash)
    }
}

fn content_hash(bytes: &[u8]) -> u64 {
    let mut hasher = std::hash::DefaultHasher::new();
    hasher.write(bytes);
    hasher.finish()
}

/// `NAME.ron` → `.NAME.ron.lock` beside it.
#[must_use]
pub fn lock_path(path: &Path) -> PathBuf {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    path.with_file_name(format!(".{name}.lock"))
}

/// The process holding the lock on `path`, when another running process holds it.
#[must_use]
pub fn held_by_other(path: &Path) -> Option<u32> {
    let text = std::fs::read_to_string(lock_path(path)).ok()?;
    let pid: u32 = text.split_whitespace().next()?.parse().ok()?;
    (pid != std::process::id() && process_alive(pid)).then_some(pid)
}

/// Marks `path` as open in this process. Best effort: a read-only folder just gets no lock.
pub fn acquire(path: &Path) {
    let _ = std::fs::write(lock_path(path), format!("{}\n", std::process::id()));
}

/// Removes this process's lock on `path` (never another's).
pub fn release(path: &Path) {
    let lock = lock_path(path);
    let ours = std::fs::read_to_string(&lock)
        .ok()
        .and_then(|t| t.split_whitespace().next()?.parse::<u32>().ok())
        == Some(std::process::id());
    if ours {
        let _ = std::fs::remove_file(lock);
    }
}

/// Whether a process with this id is running. Where that cannot be told (no `/proc`), it
/// answers yes, so a lock is never ignored by mistake.
#[must_use]
pub fn process_alive(pid: u32) -> bool {
    let proc = Path::new("/proc");
    if proc.is_dir() {
        proc.join(pid.to_string()).exists()
    } else {
        true
    }
}

/// Deletes the temp files (`.NAME.ron.PID.tmp`) that saves of `path` by processes no longer
/// running left behind when they were killed mid-write.
pub fn remove_stale_temps(path: &Path) {
    let Some(folder) = path.parent().map(|p| {
        if p.as_os_str().is_empty() {
            Path::new(".")
        } else {
            p
        }
    }) else {
        return;
    };
    let Some(name) = path.file_name().map(|n| n.to_string_lossy().into_owned()) else {
        return;
    };
    let prefix = format!(".{name}.");
    let Ok(entries) = std::fs::read_dir(folder) else {
        return;
    };
    for entry in entries.filter_map(Result::ok) {
        let file_name = entry.file_name().to_string_lossy().into_owned();
        let Some(pid) = file_name
            .strip_prefix(&prefix)
            .and_then(|rest| rest.strip_suffix(".tmp"))
            .and_then(|pid| pid.parse::<u32>().ok())
        else {
            continue;
        };
        if pid != std::process::id() && !process_alive(pid) {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn temp() -> tempfile::TempDir {
        tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"))
    }

    #[test]
    fn a_stamp_notices_new_content_but_not_a_rewrite_of_the_same_bytes() {
        let dir = temp();
        let file = dir.path().join("a.ron");
        std::fs::write(&file, "one").unwrap_or_else(|e| panic!("{e}"));
        let stamp = FileStamp::of(&file).unwrap_or_else(|| panic!("stamp"));
        assert!(!stamp.changed_on_disk(&file));
        // Same bytes written again (a sync client, `touch`): not a change.
        std::thread::sleep(std::time::Duration::from_millis(20));
        std::fs::write(&file, "one").unwrap_or_else(|e| panic!("{e}"));
        assert!(!stamp.changed_on_disk(&file));
        std::fs::write(&file, "two").unwrap_or_else(|e| panic!("{e}"));
        assert!(stamp.changed_on_disk(&file));
        std::fs::remove_file(&file).unwrap_or_else(|e| panic!("{e}"));
        assert!(stamp.changed_on_disk(&file));
    }

    #[test]
    fn a_lock_of_a_running_process_holds_and_a_dead_ones_does_not() {
        let dir = temp();
        let file = dir.path().join("plan.ron");
        assert_eq!(lock_path(&file), dir.path().join(".plan.ron.lock"));
        acquire(&file);
        // Our own lock is not "another instance".
        assert_eq!(held_by_other(&file), None);
        // PID 1 always runs.
        std::fs::write(lock_path(&file), "1\n").unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(held_by_other(&file), Some(1));
        // Another's lock is never released by us.
        release(&file);
        assert!(lock_path(&file).exists());
        // A pid beyond any real one: a stale lock from a process that died.
        std::fs::write(lock_path(&file), "4194399\n").unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(held_by_other(&file), None);
        acquire(&file);
        release(&file);
        assert!(!lock_path(&file).exists());
    }

    #[test]
    fn stale_temp_files_of_dead_saves_are_removed_and_live_ones_kept() {
        let dir = temp();
        let file = dir.path().join("plan.ron");
        let dead = dir.path().join(".plan.ron.4194399.tmp");
        let live = dir.path().join(".plan.ron.1.tmp");
        let other = dir.path().join(".other.ron.4194399.tmp");
        for f in [&dead, &live, &other] {
            std::fs::write(f, "x").unwrap_or_else(|e| panic!("{e}"));
        }
        remove_stale_temps(&file);
        assert!(!dead.exists());
        assert!(
            live.exists(),
            "a save still running in process 1 keeps its temp file"
        );
        assert!(other.exists(), "another file's temps are not ours to touch");
    }
}
