//! Recovery copies: the open scenario written about every 30 seconds while it has unsaved
//! changes, and an emergency copy when the app panics. They live in the app's data folder,
//! never beside the user's file, and the next start offers them.

use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Serialize};

use super::{Loaded, StoreError, load, to_ron, write_atomic};
use crate::model::Scenario;

/// Why a copy was written.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum CopyKind {
    /// The periodic copy of unsaved changes.
    Autosave,
    /// Written by the panic handler just before the app ended.
    Emergency,
}

/// What the copy is of, kept beside it as `ID.meta.ron`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CopyInfo {
    /// The file the scenario was opened from or saved to; `None` for one never saved.
    pub original: Option<PathBuf>,
    /// When the copy was taken, in seconds since 1970 (UTC).
    pub taken_unix_secs: u64,
    pub kind: CopyKind,
    /// The process that wrote it, so a running instance's copies are not offered to another.
    pub pid: u32,
}

/// One recovery copy on disk.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RecoveryCopy {
    pub id: String,
    pub info: CopyInfo,
}

/// The folder that holds the recovery copies.
#[derive(Clone, Debug)]
pub struct RecoveryFolder {
    dir: PathBuf,
}

impl RecoveryFolder {
    #[must_use]
    pub fn new(dir: PathBuf) -> Self {
        Self { dir }
    }

    /// `recovery/` in the platform's data folder for this app, e.g.
    /// `~/.local/share/scm-crm-studio/recovery` on Linux.
    #[must_use]
    pub fn default_location() -> Option<Self> {
        directories::ProjectDirs::from("", "", "scm-crm-studio")
            .map(|dirs| Self::new(dirs.data_dir().join("recovery")))
    }

    #[must_use]
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The id of the copy for a scenario at `original`; a scenario never saved gets one per
    /// process and start time, so two untitled scenarios never share a copy.
    #[must_use]
    pub fn id_for(original: Option<&Path>, started_unix_secs: u64) -> String {
        use std::hash::{Hash as _, Hasher as _};
        match original {
            Some(path) => {
                let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_owned());
                // SipHash with fixed keys: the same path gives the same id in every run.
                let mut hasher = std::hash::DefaultHasher::new();
                absolute.hash(&mut hasher);
                let stem = path
                    .file_stem()
                    .map(|s| {
                        s.to_string_lossy()
                            .chars()
                            .filter(|c| c.is_alphanumeric() || *c == '-')
                            .take(40)
                            .collect::<String>()
                    })
                    .unwrap_or_default();
                format!("{stem}-{:016x}", hasher.finish())
            }
            None => format!("untitled-{}-{started_unix_secs}", std::process::id()),
        }
    }

    fn scenario_path(&self, id: &str) -> PathBuf {
        self.dir.join(format!("{id}.ron"))
    }

    fn meta_path(&self, id: &str) -> PathBuf {
        self.dir.join(format!("{id}.meta.ron"))
    }

    /// Writes a copy atomically: the scenario first, then the note that makes it visible.
    pub fn write(&self, id: &str, scenario: &Scenario, info: &CopyInfo) -> Result<(), StoreError> {
        let text = to_ron(scenario)?;
        self.write_text(id, &text, info)
    }

    /// Like [`Self::write`] with the scenario already serialised (from a background thread).
    pub fn write_text(&self, id: &str, scenario_text: &str, info: &CopyInfo) -> Result<(), StoreError> {
        std::fs::create_dir_all(&self.dir).map_err(|source| StoreError::Write {
            path: self.dir.clone(),
            source,
        })?;
        write_atomic(&self.scenario_path(id), scenario_text.as_bytes(), false)?;
        let meta = ron::ser::to_string_pretty(info, ron::ser::PrettyConfig::default()).map_err(|e| {
            StoreError::Serialize {
                detail: e.to_string(),
            }
        })?;
        write_atomic(&self.meta_path(id), meta.as_bytes(), false)
    }

    /// Every copy in the folder whose note can be read, newest first.
    #[must_use]
    pub fn list(&self) -> Vec<RecoveryCopy> {
        let Ok(entries) = std::fs::read_dir(&self.dir) else {
            return Vec::new();
        };
        let mut copies: Vec<RecoveryCopy> = entries
            .filter_map(Result::ok)
            .filter_map(|entry| {
                let name = entry.file_name().to_string_lossy().into_owned();
                let id = name.strip_suffix(".meta.ron")?.to_owned();
                let text = std::fs::read_to_string(entry.path()).ok()?;
                let info: CopyInfo = ron::from_str(&text).ok()?;
                self.scenario_path(&id)
                    .is_file()
                    .then_some(RecoveryCopy { id, info })
            })
            .collect();
        copies.sort_by(|a, b| {
            b.info
                .taken_unix_secs
                .cmp(&a.info.taken_unix_secs)
                .then_with(|| a.id.cmp(&b.id))
        });
        copies
    }

    /// The copies worth offering at start: not written by a process that is still running
    /// (another window's unsaved work), and newer than their file, or of a file that is gone
    /// or was never saved.
    #[must_use]
    pub fn offers(&self) -> Vec<RecoveryCopy> {
        self.list()
            .into_iter()
            .filter(|copy| copy.info.pid == std::process::id() || !super::lock::process_alive(copy.info.pid))
            .filter(|copy| match &copy.info.original {
                None => true,
                Some(path) => match std::fs::metadata(path).and_then(|m| m.modified()) {
                    Ok(modified) => unix_secs(modified) <= copy.info.taken_unix_secs,
                    Err(_) => true,
                },
            })
            .collect()
    }

    /// Reads a copy back as a scenario, checked like any file.
    pub fn load(&self, id: &str) -> Result<Loaded, StoreError> {
        load(&self.scenario_path(id))
    }

    /// Deletes a copy (both files). A copy that is already gone is fine.
    pub fn remove(&self, id: &str) {
        let _ = std::fs::remove_file(self.meta_path(id));
        let _ = std::fs::remove_file(self.scenario_path(id));
    }
}

/// Seconds since 1970 of a time stamp (0 for one before it).
#[must_use]
pub fn unix_secs(time: SystemTime) -> u64 {
    time.duration_since(UNIX_EPOCH).map_or(0, |d| d.as_secs())
}

/// Now, in seconds since 1970.
#[must_use]
pub fn now_unix_secs() -> u64 {
    unix_secs(SystemTime::now())
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn scenario(title: &str) -> Scenario {
        let mut s = Scenario::new(NaiveDate::from_ymd_opt(2026, 12, 1).unwrap_or_default());
        s.metadata.title = title.to_owned();
        s
    }

    fn info(original: Option<PathBuf>, taken: u64) -> CopyInfo {
        CopyInfo {
            original,
            taken_unix_secs: taken,
            kind: CopyKind::Autosave,
            pid: std::process::id(),
        }
    }

    #[test]
    fn a_copy_round_trips_and_is_removed() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let folder = RecoveryFolder::new(dir.path().join("recovery"));
        let id = RecoveryFolder::id_for(None, 7);
        folder
            .write(&id, &scenario("Unsaved work"), &info(None, 100))
            .unwrap_or_else(|e| panic!("{e}"));
        let offers = folder.offers();
        assert_eq!(offers.len(), 1);
        assert_eq!(offers[0].id, id);
        let loaded = folder.load(&id).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(loaded.scenario.metadata.title, "Unsaved work");
        folder.remove(&id);
        assert!(folder.list().is_empty());
    }

    #[test]
    fn a_copy_older_than_its_file_is_not_offered() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let file = dir.path().join("plan.ron");
        std::fs::write(&file, "saved later").unwrap_or_else(|e| panic!("{e}"));
        let folder = RecoveryFolder::new(dir.path().join("recovery"));
        let id = RecoveryFolder::id_for(Some(&file), 0);
        // Taken in 1970: the file on disk is newer, so the copy has nothing to add.
        folder
            .write(&id, &scenario("old"), &info(Some(file.clone()), 1))
            .unwrap_or_else(|e| panic!("{e}"));
        assert!(folder.offers().is_empty());
        assert_eq!(folder.list().len(), 1);
        // Taken now: newer than the file, so it is offered.
        folder
            .write(
                &id,
                &scenario("new"),
                &info(Some(file.clone()), now_unix_secs() + 1),
            )
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(folder.offers().len(), 1);
        // A copy of a file that was deleted is offered too.
        std::fs::remove_file(&file).unwrap_or_else(|e| panic!("{e}"));
        folder
            .write(&id, &scenario("x"), &info(Some(file), 1))
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(folder.offers().len(), 1);
    }

    #[test]
    fn ids_are_stable_per_path_and_distinct_per_file() {
        let a = RecoveryFolder::id_for(Some(Path::new("/tmp/a/plan.ron")), 0);
        assert_eq!(a, RecoveryFolder::id_for(Some(Path::new("/tmp/a/plan.ron")), 99));
        assert_ne!(a, RecoveryFolder::id_for(Some(Path::new("/tmp/b/plan.ron")), 0));
        assert!(a.starts_with("plan-"));
        assert_ne!(RecoveryFolder::id_for(None, 1), RecoveryFolder::id_for(None, 2));
    }
}
