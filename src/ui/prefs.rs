//! UI preferences remembered between runs through eframe's storage. Never scenario content.

use std::path::PathBuf;

use serde::{Deserialize, Serialize};

use crate::model::Language;

/// The app's pages, in navigation order: the same enum a lesson scene names (one type, so a
/// scene and the navigation never need converting).
pub use crate::model::scene::ScenePage as Page;

/// Light, dark, or as the system says.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum ThemeChoice {
    #[default]
    System,
    Light,
    Dark,
}

/// What the app remembers between runs.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Prefs {
    pub language: Language,
    pub theme: ThemeChoice,
    pub zoom: f32,
    pub page: Page,
    /// Most recent first.
    pub recent: Vec<PathBuf>,
    /// False until the first run has opened the sample.
    pub seen_sample: bool,
    /// The folder of the last file opened, saved or exported: where dialogs start when the
    /// open scenario has no folder of its own.
    pub last_folder: Option<PathBuf>,
    /// The customer table's columns, by their command-line keys (`profit`); `None`: the
    /// default for the window's width. Unknown keys (from another version) are skipped.
    pub customer_columns: Option<Vec<String>>,
    /// True once the first-run tour has been shown (Help ▸ Show the tour again replays it).
    pub tour_seen: bool,
}

impl Default for Prefs {
    fn default() -> Self {
        Self {
            language: Language::English,
            theme: ThemeChoice::System,
            zoom: 1.0,
            page: Page::Customers,
            recent: Vec::new(),
            seen_sample: false,
            last_folder: None,
            customer_columns: None,
            tour_seen: false,
        }
    }
}

/// How many recent files are listed.
const MAX_RECENT: usize = 10;

impl Prefs {
    /// Moves `path` to the top of the recent list.
    pub fn remember(&mut self, path: PathBuf) {
        let path = std::fs::canonicalize(&path).unwrap_or(path);
        self.remember_folder(&path);
        self.recent.retain(|p| *p != path);
        self.recent.insert(0, path);
        self.recent.truncate(MAX_RECENT);
    }

    /// Remembers the folder of a file the user wrote or picked.
    pub fn remember_folder(&mut self, file: &std::path::Path) {
        let file = std::fs::canonicalize(file).unwrap_or_else(|_| file.to_path_buf());
        if let Some(folder) = file.parent().filter(|p| !p.as_os_str().is_empty()) {
            self.last_folder = Some(folder.to_path_buf());
        }
    }
}

/// The key under which eframe stores the preferences.
pub const STORAGE_KEY: &str = "scm-crm-studio-prefs";
