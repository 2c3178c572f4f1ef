//! What the user asked for during a frame; applied after the frame is drawn.

use std::path::PathBuf;

use crate::model::charts::WhatIf;
use crate::model::{Language, Part};

use super::help::HelpTopic;
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
    /// File ▸ Export report…: choose the sections and format of the whole-scenario report.
    ShowReportDialog,
    ClearRecent,
    /// Write an exported file (CSV, XLSX, PNG, iCalendar, HTML …) where the user chooses.
    /// The app asks for the path (native dialog or typed) and writes it atomically.
    Export(ExportFile),
    /// Select one customer (by index), e.g. from a chart; the Customers page shows it selected.
    SelectCustomer(usize),
    /// Show the Customers page with this filter, e.g. a cell of the segment map.
    FilterCustomers(crate::model::customer_table::Filter),
    /// The customer table's columns were chosen (`None`: back to the default); remembered.
    CustomerColumns(Option<Vec<crate::model::customer_table::Column>>),
    /// Choose the file for the import dialog (native dialog where there is one).
    BrowseImport,
    /// Open a second scenario beside the open one, read-only (File ▸ Compare with…).
    Compare(CompareWith),
    /// Leave the comparison view for the pages; the comparison stays open.
    BackToScenario,
    /// Show the open comparison again.
    ShowComparison,
    CloseComparison,
    /// Write the what-if applied to the open scenario as a new file; the open one stays as it is.
    SaveWhatIf(WhatIf),
    /// Open a window of the Help menu.
    ShowHelp(HelpTopic),
    /// Help ▸ Show the tour again.
    StartTour,
    /// View ▸ Scenes: show or hide the Scenes panel.
    ToggleScenes,
    /// Add the current view as a new scene at the end (one undo step).
    AddScene,
    /// Replace scene n's view with the current one, keeping its title and note.
    UpdateScene(usize),
    /// Show scene n: its page, sub-view, selection, filter and what-if.
    GoToScene(usize),
    /// Enter presenter mode (F5, View ▸ Present); it starts at the first scene.
    Present,
    /// Leave presenter mode (Esc).
    StopPresenting,
    /// Show a message under the menu bar.
    Notify {
        key: crate::i18n::Key,
        args: Vec<(&'static str, String)>,
    },
}

/// What to compare the open scenario with.
#[derive(Clone, Debug, PartialEq)]
pub enum CompareWith {
    /// A .ron file chosen in a dialog (or typed where there is none).
    Pick,
    /// A file by path, e.g. a recent one.
    Path(PathBuf),
    /// The open file's `.bak`.
    Backup,
    /// The Charts page's what-if, as a virtual scenario.
    WhatIf(WhatIf),
}

/// A file a view produced, waiting for a place on disk.
#[derive(Clone, Debug, PartialEq)]
pub struct ExportFile {
    /// Suggested file name, with its extension, e.g. "plan.ics".
    pub file_name: String,
    pub bytes: Vec<u8>,
}
