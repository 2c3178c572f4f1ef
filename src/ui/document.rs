//! The open scenario: its file, its undo history and the figures derived from it.

use std::path::PathBuf;

use crate::model::{History, Part, Scenario, Segmentation, validate};
use crate::store::{self, LocatedWarning};

/// The scenario being edited, with everything that follows from it.
///
/// Derived figures are recomputed once per change (tracked by the history's revision),
/// never per frame.
pub struct Document {
    pub scenario: Scenario,
    /// Where it was loaded from or last saved to; `None` for a new scenario or a sample.
    pub path: Option<PathBuf>,
    history: History,
    /// The history state at the last save or load; `None` when no state matches the file
    /// (a restored recovery copy).
    saved_state: Option<u64>,
    /// The file as last read or written here, to notice another program changing it.
    pub disk: Option<store::FileStamp>,
    /// Opened while another instance has it open: saving asks for another file.
    pub read_only: bool,
    derived_revision: u64,
    segmentation: Segmentation,
    /// The warnings, with their places in the file while the scenario is as loaded.
    warnings: Vec<LocatedWarning>,
}

impl Document {
    /// A document for a scenario that is already on disk at `path` (or nowhere).
    #[must_use]
    pub fn new(scenario: Scenario, path: Option<PathBuf>) -> Self {
        let warnings = LocatedWarning::unplaced(validate(&scenario));
        Self::with_warnings(scenario, path, warnings)
    }

    /// A document for a scenario just loaded, reusing the loader's warnings and their file
    /// positions instead of validating again.
    #[must_use]
    pub fn loaded(loaded: crate::store::Loaded, path: Option<PathBuf>) -> Self {
        Self::with_warnings(loaded.scenario, path, loaded.warnings)
    }

    fn with_warnings(scenario: Scenario, path: Option<PathBuf>, warnings: Vec<LocatedWarning>) -> Self {
        let segmentation = Segmentation::compute(&scenario.customers, &scenario.settings);
        Self {
            scenario,
            path,
            history: History::default(),
            saved_state: Some(0),
            disk: None,
            read_only: false,
            derived_revision: 0,
            segmentation,
            warnings,
        }
    }

    /// Applies one edit through the undo history and re-derives.
    pub fn apply(&mut self, part: Part, gesture: Option<u64>) {
        if self.history.apply(&mut self.scenario, part, gesture) {
            self.refresh();
        }
    }

    pub fn undo(&mut self) -> bool {
        let done = self.history.undo(&mut self.scenario);
        self.refresh();
        done
    }

    pub fn redo(&mut self) -> bool {
        let done = self.history.redo(&mut self.scenario);
        self.refresh();
        done
    }

    pub fn close_gesture(&mut self) {
        self.history.close_gesture();
    }

    /// What the next undo would undo.
    #[must_use]
    pub fn undo_name(&self) -> Option<&crate::model::step_name::StepName> {
        self.history.undo_name()
    }

    /// What the next redo would redo.
    #[must_use]
    pub fn redo_name(&self) -> Option<&crate::model::step_name::StepName> {
        self.history.redo_name()
    }

    #[must_use]
    pub fn can_undo(&self) -> bool {
        self.history.can_undo()
    }

    #[must_use]
    pub fn can_redo(&self) -> bool {
        self.history.can_redo()
    }

    /// True when the scenario differs from what was last loaded or saved.
    #[must_use]
    pub fn is_dirty(&self) -> bool {
        self.saved_state != Some(self.history.state())
    }

    /// Records that the scenario now matches the file at `path`.
    pub fn mark_saved(&mut self, path: PathBuf) {
        self.disk = store::FileStamp::of(&path);
        self.path = Some(path);
        self.saved_state = Some(self.history.state());
        self.read_only = false;
    }

    /// Records that nothing on disk holds this scenario yet (a restored recovery copy).
    pub fn mark_unsaved(&mut self) {
        self.saved_state = None;
    }

    fn refresh(&mut self) {
        if self.derived_revision == self.history.revision() {
            return;
        }
        self.derived_revision = self.history.revision();
        self.segmentation = Segmentation::compute(&self.scenario.customers, &self.scenario.settings);
        // An edit moves things in the file: the places from the load no longer hold.
        self.warnings = LocatedWarning::unplaced(validate(&self.scenario));
    }

    /// Increases with every change to the scenario; views cache what they derive against it.
    #[must_use]
    pub fn revision(&self) -> u64 {
        self.history.revision()
    }

    #[must_use]
    pub fn segmentation(&self) -> &Segmentation {
        &self.segmentation
    }

    #[must_use]
    pub fn warnings(&self) -> &[LocatedWarning] {
        &self.warnings
    }

    /// A file-name stem from the title: "Harbor Link — FY2026" → "harbor-link-fy2026";
    /// `None` when the title has no letters or digits.
    #[must_use]
    pub fn title_slug(&self) -> Option<String> {
        let mut slug = String::new();
        for c in self.scenario.metadata.title.chars() {
            if c.is_alphanumeric() {
                slug.extend(c.to_lowercase());
            } else if !slug.ends_with('-') && !slug.is_empty() {
                slug.push('-');
            }
        }
        let slug = slug.trim_end_matches('-');
        (!slug.is_empty()).then(|| slug.to_owned())
    }

    /// The name to show: the title, else the file name.
    #[must_use]
    pub fn display_name(&self) -> Option<String> {
        let title = self.scenario.metadata.title.trim();
        if !title.is_empty() {
            return Some(title.to_owned());
        }
        self.path
            .as_ref()
            .and_then(|p| p.file_name())
            .map(|n| n.to_string_lossy().into_owned())
    }
}
