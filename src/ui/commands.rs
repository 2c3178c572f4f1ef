//! What the user asked for during a frame; applied after the frame is drawn.

use std::path::PathBuf;

use crate::model::{Language, Part};

use super::prefs::{Page, ThemeChoice};

/// An action that replaces the open scenario, so it first asks about unsaved changes.
#[derive(Clone, Debug, PartialEq)]
pub enum Replace {
    New,
    /// Open a file chosen in a dialog.
    Open,
    OpenPath(PathBuf),
    OpenSample(usize),
    Quit,
}

/// A user intent, collected while drawing and applied once the frame is done.
#[must_use]
#[derive(Clone, Debug)]
pub enum Command {
    Replace(Replace),
    Save,
    SaveAs,
    Undo,
    Redo,
    /// Change one part of the scenario; edits with the same gesture id merge into one undo step.
    Edit {
        part: Part,
        gesture: Option<u64>,
    },
    SetLanguage(Language),
    SetTheme(ThemeChoice),
    ZoomIn,
    ZoomOut,
    ZoomReset,
    ShowPage(Page),
    ShowProperties,
    ShowWarnings,
    ClearRecent,
    /// Write an exported file (CSV, XLSX, PNG, iCalendar, HTML …) where the user chooses.
    /// The app asks for the path (native dialog or typed) and writes it atomically.
    Export(ExportFile),
    /// Select one customer (by index), e.g. from a chart; the Customers page shows it selected.
    SelectCustomer(usize),
    /// Choose the file for the import dialog (native dialog where there is one).
    BrowseImport,
    /// Show a message under the menu bar.
    Notify {
        key: crate::i18n::Key,
        args: Vec<(&'static str, String)>,
    },
}

/// A file a view produced, waiting for a place on disk.
#[derive(Clone, Debug, PartialEq)]
pub struct ExportFile {
    /// Suggested file name, with its extension, e.g. "plan.ics".
    pub file_name: String,
    pub bytes: Vec<u8>,
}
