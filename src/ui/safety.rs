//! Never losing work between saves: the periodic recovery copy of unsaved changes, the
//! emergency copy written when the app panics, and the copies offered at the next start.

use std::thread::JoinHandle;

use crate::model::Scenario;
use crate::store::recovery::{CopyInfo, CopyKind, RecoveryCopy, RecoveryFolder, now_unix_secs};
use crate::store::{self, Loaded};

use super::document::Document;

/// How often unsaved changes are copied, at most.
pub const AUTOSAVE_SECS: f64 = 30.0;

/// What a scenario holds, in the three figures a user recognises at a glance.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Counts {
    pub customers: usize,
    pub steps_done: usize,
    pub disputes: usize,
}

impl Counts {
    #[must_use]
    pub fn of(scenario: &Scenario) -> Self {
        Self {
            customers: scenario.customers.len(),
            steps_done: scenario.plan.steps_done(),
            disputes: scenario.disputes.len(),
        }
    }
}

/// A recovery copy found at start, read and ready to restore.
pub struct Offer {
    pub copy: RecoveryCopy,
    pub loaded: Loaded,
    /// The saved file's figures, when there is a saved file that still opens.
    pub saved: Option<Counts>,
}

/// The copy last written for the open document.
struct Written {
    id: String,
    revision: u64,
}

/// Autosave and recovery state of the app.
pub struct Safety {
    folder: Option<RecoveryFolder>,
    started_unix_secs: u64,
    written: Option<Written>,
    last_write_time: Option<f64>,
    job: Option<JoinHandle<()>>,
    /// Copies found at start, offered one at a time.
    pub offers: Vec<Offer>,
}

impl Safety {
    /// `folder` `None` turns recovery copies off.
    #[must_use]
    pub fn new(folder: Option<RecoveryFolder>) -> Self {
        Self {
            folder,
            started_unix_secs: now_unix_secs(),
            written: None,
            last_write_time: None,
            job: None,
            offers: Vec::new(),
        }
    }

    /// Reads the copies worth offering. A copy that no longer opens is left on disk and not
    /// offered (it is named in the log).
    pub fn find_offers(&mut self) {
        let Some(folder) = &self.folder else {
            return;
        };
        self.offers = folder
            .offers()
            .into_iter()
            .filter_map(|copy| match folder.load(&copy.id) {
                Ok(loaded) => {
                    let saved = copy
                        .info
                        .original
                        .as_deref()
                        .and_then(|path| store::load(path).ok())
                        .map(|saved| Counts::of(&saved.scenario));
                    Some(Offer { copy, loaded, saved })
                }
                Err(e) => {
                    log::warn!("recovery copy {} does not open: {e}", copy.id);
                    None
                }
            })
            .collect();
    }

    /// Writes a copy of unsaved changes when 30 s have passed since the last one, or at once
    /// when the window loses focus. The writing happens on a thread; the frame only clones.
    pub fn autosave(&mut self, ctx: &egui::Context, doc: &Document) {
        let Some(folder) = &self.folder else {
            return;
        };
        if !doc.is_dirty()
            || self
                .written
                .as_ref()
                .is_some_and(|w| w.revision == doc.revision())
        {
            return;
        }
        let now = ctx.input(|i| i.time);
        let focus_lost = ctx.input(|i| {
            i.events
                .iter()
                .any(|e| matches!(e, egui::Event::WindowFocused(false)))
        });
        let due = self
            .last_write_time
            .is_none_or(|last| now - last >= AUTOSAVE_SECS);
        if !(due || focus_lost) {
            // Wake up when it is due even if the user does nothing.
            let wait = self
                .last_write_time
                .map_or(0.0, |last| AUTOSAVE_SECS - (now - last));
            ctx.request_repaint_after(std::time::Duration::from_secs_f64(wait.max(0.1)));
            return;
        }
        if self.job.as_ref().is_some_and(|job| !job.is_finished()) {
            ctx.request_repaint_after(std::time::Duration::from_millis(200));
            return;
        }
        let id = RecoveryFolder::id_for(doc.path.as_deref(), self.started_unix_secs);
        if let Some(old) = &self.written
            && old.id != id
        {
            folder.remove(&old.id);
        }
        let info = CopyInfo {
            original: doc.path.clone(),
            taken_unix_secs: now_unix_secs(),
            kind: CopyKind::Autosave,
            pid: std::process::id(),
        };
        let scenario = doc.scenario.clone();
        let folder = folder.clone();
        let job_id = id.clone();
        self.job = Some(std::thread::spawn(move || {
            if let Err(e) = folder.write(&job_id, &scenario, &info) {
                log::warn!("could not write the recovery copy: {e}");
            }
        }));
        self.written = Some(Written {
            id,
            revision: doc.revision(),
        });
        self.last_write_time = Some(now);
    }

    /// Waits for a recovery copy being written.
    pub fn finish(&mut self) {
        if let Some(job) = self.job.take() {
            let _ = job.join();
        }
    }

    /// Deletes the open document's copy: it was saved, or the user discarded the changes.
    pub fn drop_copy(&mut self) {
        self.finish();
        if let (Some(folder), Some(written)) = (&self.folder, self.written.take()) {
            folder.remove(&written.id);
        }
        self.last_write_time = None;
    }

    /// Writes the open document's unsaved changes at once, marked as an emergency copy.
    /// Called from the panic path, so it never panics itself and never waits on a lock.
    pub fn emergency(&mut self, doc: &Document) {
        // An autosave still being written goes to the same copy: let it finish first, or it
        // could land after this one and overwrite it (seen under load in tests/recovery.rs).
        self.finish();
        let Some(folder) = &self.folder else {
            return;
        };
        if !doc.is_dirty() {
            return;
        }
        let id = RecoveryFolder::id_for(doc.path.as_deref(), self.started_unix_secs);
        let info = CopyInfo {
            original: doc.path.clone(),
            taken_unix_secs: now_unix_secs(),
            kind: CopyKind::Emergency,
            pid: std::process::id(),
        };
        match folder.write(&id, &doc.scenario, &info) {
            Ok(()) => log::error!("wrote an emergency copy to {}", folder.dir().display()),
            Err(e) => log::error!("could not write the emergency copy: {e}"),
        }
    }

    /// After a restore, the restored copy stands for the open document until it is saved
    /// or a newer copy replaces it.
    pub fn adopt(&mut self, id: String) {
        self.written = Some(Written {
            id,
            revision: u64::MAX,
        });
    }

    /// Deletes an offered copy the user discarded.
    pub fn discard(&mut self, id: &str) {
        if let Some(folder) = &self.folder {
            folder.remove(id);
        }
    }
}
