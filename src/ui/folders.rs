//! Where file dialogs and typed paths start: the open scenario's folder, else the last folder
//! the user picked, else a `saves` folder in the user's documents. Never the process's working
//! folder, which depends on how the app was started.

use std::path::{Path, PathBuf};

/// The folder to start in. `scenario` is the open file, `last_used` the folder of the last file
/// opened, saved or exported, `documents` the user's documents folder. Folders that no longer
/// exist are passed over.
#[must_use]
pub fn start_folder(scenario: Option<&Path>, last_used: Option<&Path>, documents: &Path) -> PathBuf {
    // Kept as given (a scenario opened by a relative path shows a relative folder), except
    // a bare file name, whose folder is spelled out.
    let existing = |dir: &Path| dir.is_dir().then(|| dir.to_path_buf());
    let scenario_folder = |file: &Path| match file.parent().filter(|p| !p.as_os_str().is_empty()) {
        Some(dir) => existing(dir),
        None => std::fs::canonicalize(".").ok(),
    };
    scenario
        .and_then(scenario_folder)
        .or_else(|| last_used.and_then(existing))
        .unwrap_or_else(|| {
            let saves = documents.join("saves");
            // Created on first use so that a dialog can open in it; if that fails, the
            // documents folder itself.
            if std::fs::create_dir_all(&saves).is_ok() {
                saves
            } else {
                documents.to_path_buf()
            }
        })
}

/// The user's documents folder, else the home folder, else the temporary folder.
#[must_use]
pub fn documents_folder() -> PathBuf {
    directories::UserDirs::new()
        .and_then(|dirs| dirs.document_dir().map(Path::to_path_buf))
        .or_else(|| directories::BaseDirs::new().map(|dirs| dirs.home_dir().to_path_buf()))
        .unwrap_or_else(std::env::temp_dir)
}

/// A typed path: absolute as it is, relative from `folder`.
#[must_use]
pub fn resolve(typed: &str, folder: &Path) -> PathBuf {
    let path = PathBuf::from(typed.trim());
    if path.is_absolute() {
        path
    } else {
        folder.join(path)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_scenario_folder_then_the_last_one_then_documents_saves() {
        let root = tempfile::tempdir().unwrap();
        let root = std::fs::canonicalize(root.path()).unwrap();
        let (scenarios, last, docs) = (root.join("plans"), root.join("exports"), root.join("Documents"));
        std::fs::create_dir_all(&scenarios).unwrap();
        std::fs::create_dir_all(&last).unwrap();
        let file = scenarios.join("harbor.ron");
        assert_eq!(start_folder(Some(&file), Some(&last), &docs), scenarios);
        assert_eq!(start_folder(None, Some(&last), &docs), last);
        assert_eq!(start_folder(None, None, &docs), docs.join("saves"));
        assert!(docs.join("saves").is_dir(), "created for the dialog");
        // A folder that is gone is passed over.
        let gone = root.join("gone");
        assert_eq!(
            start_folder(Some(&gone.join("x.ron")), Some(&gone), &docs),
            docs.join("saves")
        );
    }

    #[test]
    fn typed_paths_are_relative_to_the_folder_shown() {
        let folder = Path::new("/data/plans");
        assert_eq!(resolve(" q3.ron ", folder), folder.join("q3.ron"));
        assert_eq!(resolve("sub/q3.ron", folder), folder.join("sub/q3.ron"));
        let absolute = std::env::temp_dir().join("x.ron");
        assert_eq!(resolve(&absolute.display().to_string(), folder), absolute);
    }
}
