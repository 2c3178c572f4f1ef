//! The application: menus, navigation, status bar, file handling and command dispatch.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use egui::{Key as K, Modifiers};

use super::commands::{Command, CompareWith, ExportFile, Replace};
use super::document::Document;
use super::help::{GuideTopic, HelpTopic, HelpWindows};
use super::job::{self, Job, Poll};
use super::prefs::{Page, Prefs, STORAGE_KEY, ThemeChoice};
use super::presenter::{self, Presenter, PresenterAction, WhatIfMove};
use super::safety::{Offer, Safety};
use super::samples::SAMPLES;
use super::shortcuts::{self as keys, Shortcut};
use super::tour::{self, Tour, TourTarget};
use super::{dialogs, fonts, pages, scenes, theme};
use crate::i18n::undo::{UndoKey, step_text};
use crate::i18n::{Key, store_error_text, tr, trf};
use crate::model::charts::WhatIf;
use crate::model::step_name::StepName;
use crate::model::{Language, Scenario};
use crate::store;

/// How the app starts.
#[derive(Clone, Debug)]
pub struct AppOptions {
    /// A file to open instead of the most recent one or the sample.
    pub file: Option<PathBuf>,
    /// Today's date, passed in so that tests and screenshots are repeatable.
    pub today: NaiveDate,
    /// Use the system's file dialogs where there are any; tests turn this off.
    pub native_dialogs: bool,
    /// Where recovery copies of unsaved work go (autosave, emergency copies); `None` turns
    /// them off. A normal run uses the app's data folder.
    pub recovery_dir: Option<PathBuf>,
    /// The user's documents folder; file dialogs fall back to `saves/` in it.
    pub documents_dir: PathBuf,
    /// Show the tour at start when the remembered preferences say it was never seen. Tests
    /// turn this off, so that no callout covers what they look at.
    pub show_tour_on_first_run: bool,
}

impl AppOptions {
    /// Options for a normal run: today's date and native dialogs.
    #[must_use]
    pub fn from_env(file: Option<PathBuf>) -> Self {
        Self {
            file,
            today: chrono::Local::now().date_naive(),
            native_dialogs: true,
            recovery_dir: store::recovery::RecoveryFolder::default_location()
                .map(|folder| folder.dir().to_owned()),
            documents_dir: super::folders::documents_folder(),
            show_tour_on_first_run: true,
        }
    }
}

/// A message shown under the menu bar, worded when drawn so it follows the language.
#[derive(Clone, Debug)]
pub struct Notice {
    pub key: Key,
    /// Values for the key's `{placeholders}`.
    pub args: Vec<(&'static str, String)>,
    /// The failure behind an error notice.
    pub error: Option<Arc<store::StoreError>>,
    pub is_error: bool,
    /// An undo (true) or redo (false) of this step: the message names it and offers "Show".
    pub step: Option<(bool, StepName)>,
}

impl Notice {
    fn info(key: Key, args: Vec<(&'static str, String)>) -> Self {
        Self {
            key,
            args,
            error: None,
            is_error: false,
            step: None,
        }
    }

    /// "Undone: …" or "Redone: …", naming the step.
    fn step(undone: bool, step: StepName) -> Self {
        Self {
            step: Some((undone, step)),
            ..Self::info(Key::MenuUndo, Vec::new())
        }
    }

    /// The headline in `lang`.
    #[must_use]
    pub fn text(&self, lang: Language) -> String {
        if let Some((undone, step)) = &self.step {
            let key = if *undone { UndoKey::Undone } else { UndoKey::Redone };
            return trf(lang, key, &[("step", &step_text(lang, step))]);
        }
        let args: Vec<(&str, &dyn std::fmt::Display)> = self
            .args
            .iter()
            .map(|(k, v)| (*k, v as &dyn std::fmt::Display))
            .collect();
        trf(lang, self.key, &args)
    }

    /// The error detail in `lang`, if any.
    #[must_use]
    pub fn detail(&self, lang: Language) -> Option<String> {
        self.error.as_ref().map(|e| store_error_text(lang, e))
    }
}

/// A typed-path prompt, shown where no native file dialog is available.
#[derive(Clone, Debug)]
pub struct PathPrompt {
    pub purpose: PromptPurpose,
    pub text: String,
    /// Where relative paths typed here start (shown to the user).
    pub folder: PathBuf,
}

#[derive(Clone, Debug, PartialEq)]
pub enum PromptPurpose {
    Open,
    /// Save as, then carry on with a replacement that waited for the save.
    SaveAs {
        then: Option<Replace>,
    },
    /// Write an exported file there.
    Export(ExportFile),
    /// Compare the open scenario with the file there.
    Compare,
    /// Save this scenario (the what-if applied) there, as a new file.
    SaveWhatIf(Box<Scenario>),
}

/// A save held back by a question; `then` runs after it succeeds.
#[derive(Clone, Debug)]
struct PendingSave {
    then: Option<Replace>,
}

/// Which tool windows are open.
#[derive(Default)]
struct OpenWindows {
    properties: bool,
    warnings: bool,
    /// View ▸ Scenes: the lesson scenes' panel.
    scenes: bool,
    /// File ▸ Export report…, with the sections and format chosen last.
    report: super::report_dialog::ReportDialog,
}

/// The scm-crm-studio application.
pub struct StudioApp {
    doc: Document,
    prefs: Prefs,
    today: NaiveDate,
    native_dialogs: bool,
    /// The user's documents folder (`saves/` in it is the last fallback for file dialogs).
    documents_dir: PathBuf,
    notice: Option<Notice>,
    /// A replacement waiting for the answer to "save changes?".
    confirm: Option<Replace>,
    prompt: Option<PathPrompt>,
    windows: OpenWindows,
    pages: pages::Pages,
    /// The second scenario opened with File ▸ Compare with…, read-only.
    comparison: Option<pages::CompareView>,
    /// True while the comparison view is shown instead of the pages.
    show_comparison: bool,
    /// Set once the user has agreed to quit, so the close request goes through.
    allow_close: bool,
    fonts_language: Option<Language>,
    window_title: String,
    /// Recovery copies: autosave, emergency copy, offers at start.
    safety: Safety,
    /// A save waiting for the answer to "the file changed on disk".
    conflict: Option<PendingSave>,
    /// An open waiting for the answer to "already open elsewhere": the file and the holder.
    locked: Option<(PathBuf, u32)>,
    /// A file being opened on its own thread, with a progress bar and Cancel.
    opening: Option<Opening>,
    /// How long an open waits for its file before it shows progress instead.
    job_wait: Duration,
    /// The Help menu's windows.
    help: HelpWindows,
    /// The first-run tour, when it shows.
    tour: Tour,
    scenes_panel: scenes::ScenesPanel,
    /// The scene shown last (Go to, or presenter mode), for Next and Previous.
    current_scene: Option<usize>,
    presenter: Presenter,
}

/// A file being read on its own thread; installed when done, unless cancelled first.
struct Opening {
    job: Job<Result<store::Loaded, store::StoreError>>,
    path: PathBuf,
    read_only: bool,
}

/// The file the app was started with, read on its own thread from before the window opens:
/// the read and the window's start-up overlap (on two cores, a 100,000-customer file's read
/// hides behind the window's).
pub struct EarlyRead {
    path: PathBuf,
    job: Job<Result<store::Loaded, store::StoreError>>,
}

impl EarlyRead {
    /// Starts reading `path`; `None` when no thread could be made (the app then reads it).
    #[must_use]
    pub fn start(path: PathBuf) -> Option<Self> {
        let file = path.clone();
        Job::spawn(move |progress| store::load_with(&file, progress)).map(|job| Self { path, job })
    }
}

impl StudioApp {
    /// Creates the app, restoring preferences and opening the first scenario.
    #[must_use]
    pub fn new(cc: &eframe::CreationContext<'_>, options: AppOptions) -> Self {
        Self::with_early_read(cc, options, None)
    }

    /// [`Self::new`], taking the first file from `early` where it reads the same file.
    #[must_use]
    pub fn with_early_read(
        cc: &eframe::CreationContext<'_>,
        options: AppOptions,
        early: Option<EarlyRead>,
    ) -> Self {
        let prefs: Prefs = cc
            .storage
            .and_then(|s| eframe::get_value(s, STORAGE_KEY))
            .unwrap_or_default();
        let ctx = &cc.egui_ctx;
        ctx.set_zoom_factor(prefs.zoom.clamp(0.5, 3.0));
        let mut app = Self {
            doc: Document::new(Scenario::new(options.today), None),
            prefs,
            today: options.today,
            native_dialogs: options.native_dialogs,
            documents_dir: options.documents_dir,
            notice: None,
            confirm: None,
            prompt: None,
            windows: OpenWindows::default(),
            pages: pages::Pages::default(),
            comparison: None,
            show_comparison: false,
            allow_close: false,
            fonts_language: None,
            window_title: String::new(),
            safety: Safety::new(options.recovery_dir.map(store::recovery::RecoveryFolder::new)),
            conflict: None,
            locked: None,
            opening: None,
            job_wait: job::SHOW_AFTER,
            help: HelpWindows::default(),
            tour: Tour::default(),
            scenes_panel: scenes::ScenesPanel::default(),
            current_scene: None,
            presenter: Presenter::default(),
        };
        let columns = app.prefs.customer_columns.as_ref().map(|keys| {
            crate::model::customer_table::Column::ALL
                .into_iter()
                .filter(|&c| keys.iter().any(|k| k == crate::report::keys::column_key(c)))
                .collect()
        });
        app.pages.customers.set_columns(columns);
        if options.show_tour_on_first_run && !app.prefs.tour_seen {
            app.tour.start();
            app.prefs.tour_seen = true;
        }
        app.apply_theme(ctx);
        app.install_fonts(ctx);
        app.open_first(options.file, early);
        app.safety.find_offers();
        app
    }

    /// How long opening a file waits before it shows a progress bar with Cancel (0.3 s).
    /// Tests set zero to see the progress of any open, however quick.
    pub fn set_job_wait(&mut self, wait: Duration) {
        self.job_wait = wait;
    }

    /// True while a file is being opened in the background.
    #[must_use]
    pub fn is_busy(&self) -> bool {
        self.opening.is_some()
    }

    /// Waits until a recovery copy being written in the background is on disk.
    pub fn finish_background_writes(&mut self) {
        self.safety.finish();
    }

    /// The file named on the command line, else the most recent file that still opens, else
    /// the first sample.
    fn open_first(&mut self, file: Option<PathBuf>, early: Option<EarlyRead>) {
        if let Some(path) = file {
            // Before the first frame there is no window to show progress in: wait for it.
            let wait = std::mem::replace(&mut self.job_wait, Duration::MAX);
            match early.filter(|e| e.path == path) {
                Some(early) if store::lock::held_by_other(&path).is_none() => {
                    self.take_opened(early.job.wait(self.job_wait), path, false);
                }
                _ => self.open_path(&path),
            }
            self.job_wait = wait;
            return;
        }
        let recent = self.prefs.recent.first().cloned();
        if let Some(path) = recent
            && store::lock::held_by_other(&path).is_none()
            && let Ok(loaded) = store::load(&path)
        {
            self.install_loaded(loaded, path, false);
            return;
        }
        self.open_sample(0);
    }

    /// The open document, for tests and views.
    #[must_use]
    pub fn document(&self) -> &Document {
        &self.doc
    }

    /// The open comparison, for tests.
    #[must_use]
    pub fn comparison(&self) -> Option<&pages::CompareView> {
        self.comparison.as_ref()
    }

    /// The what-if the Charts page tries now (mid-animation in presenter mode), for tests.
    #[must_use]
    pub fn charts_what_if(&self) -> WhatIf {
        self.pages.charts.what_if()
    }

    /// True while presenter mode is on.
    #[must_use]
    pub fn is_presenting(&self) -> bool {
        self.presenter.active
    }

    /// The current notice, for tests.
    #[must_use]
    pub fn notice(&self) -> Option<&Notice> {
        self.notice.as_ref()
    }

    fn lang(&self) -> Language {
        self.prefs.language
    }

    fn install_fonts(&mut self, ctx: &egui::Context) {
        if self.fonts_language != Some(self.prefs.language) {
            fonts::install(ctx, self.prefs.language);
            self.fonts_language = Some(self.prefs.language);
        }
    }

    fn apply_theme(&self, ctx: &egui::Context) {
        ctx.set_theme(match self.prefs.theme {
            ThemeChoice::System => egui::ThemePreference::System,
            ThemeChoice::Light => egui::ThemePreference::Light,
            ThemeChoice::Dark => egui::ThemePreference::Dark,
        });
    }

    fn info(&mut self, key: Key, args: Vec<(&'static str, String)>) {
        self.notice = Some(Notice::info(key, args));
    }

    fn error(&mut self, headline: Key, error: store::StoreError) {
        log::warn!("{error}");
        self.notice = Some(Notice {
            key: headline,
            args: Vec::new(),
            error: Some(Arc::new(error)),
            is_error: true,
            step: None,
        });
    }

    // ---- Files ---------------------------------------------------------------------------

    /// Replaces the open document; view state pointing into the old one is dropped. The old
    /// one was saved or its changes discarded by the user, so its recovery copy and its lock go.
    fn set_document(&mut self, doc: Document) {
        self.safety.drop_copy();
        self.release_lock();
        self.doc = doc;
        self.pages.reset();
        self.current_scene = None;
        self.presenter.motion = None;
        // A comparison belongs to the scenario it was opened beside.
        self.comparison = None;
        self.show_comparison = false;
    }

    // ---- Comparison ----------------------------------------------------------------------

    fn compare_with(&mut self, with: CompareWith) {
        match with {
            CompareWith::Pick => self.choose_file(PromptPurpose::Compare, None),
            CompareWith::Path(path) => self.open_comparison(&path),
            CompareWith::Backup => {
                if let Some(path) = &self.doc.path {
                    let backup = store::backup_path(path);
                    if backup.exists() {
                        self.open_comparison(&backup);
                    } else {
                        self.info(Key::MsgNoBackup, vec![("path", backup.display().to_string())]);
                    }
                }
            }
            CompareWith::WhatIf(what_if) => {
                let b = what_if.apply(&self.doc.scenario);
                let source =
                    pages::CompareSource::WhatIf(what_if, Box::new(self.doc.scenario.settings.clone()));
                let view = pages::CompareView::new(source, b);
                self.info(Key::MsgComparing, vec![("name", view.b_name(self.lang()))]);
                self.comparison = Some(view);
                self.show_comparison = true;
            }
        }
    }

    /// Opens `path` as scenario B; on failure nothing changes and the notice names the file.
    fn open_comparison(&mut self, path: &Path) {
        match store::load(path) {
            Ok(loaded) => {
                let view =
                    pages::CompareView::new(pages::CompareSource::File(path.to_owned()), loaded.scenario);
                self.info(Key::MsgComparing, vec![("name", path.display().to_string())]);
                self.comparison = Some(view);
                self.show_comparison = true;
            }
            Err(e) => self.error(Key::MsgCompareFailed, e),
        }
    }

    /// Asks where to save the what-if applied to the open scenario as a new file.
    fn save_what_if(&mut self, what_if: WhatIf) {
        let lang = self.lang();
        let mut next = what_if.apply(&self.doc.scenario);
        let name = crate::i18n::compare::what_if_name(lang, &what_if, &self.doc.scenario.settings);
        next.metadata.title = if next.metadata.title.trim().is_empty() {
            name
        } else {
            format!("{} ({name})", next.metadata.title.trim())
        };
        next.metadata.created = Some(self.today);
        next.metadata.modified = Some(self.today);
        // No draft of the wizard travels into a new scenario file.
        next.dispute_draft = None;
        let stem = self.doc.title_slug().unwrap_or_else(|| "scenario".to_owned());
        let suggested = format!("{stem}-what-if.ron");
        self.choose_file(PromptPurpose::SaveWhatIf(Box::new(next)), Some(suggested));
    }

    /// Saves the what-if scenario atomically as a new file, never over the open one.
    fn write_what_if(&mut self, path: &Path, scenario: &Scenario) {
        let same_file = |p: &Path| std::fs::canonicalize(p).ok();
        if let Some(open) = &self.doc.path
            && (open == path || same_file(open).is_some_and(|o| Some(o) == same_file(path)))
        {
            self.notice = Some(Notice {
                is_error: true,
                ..Notice::info(
                    Key::MsgWhatIfNotOverOpen,
                    vec![("path", path.display().to_string())],
                )
            });
            return;
        }
        match store::save(path, scenario) {
            Ok(()) => {
                self.prefs.remember(path.to_owned());
                self.info(Key::MsgWhatIfSaved, vec![("path", path.display().to_string())]);
            }
            Err(e) => self.error(Key::MsgWhatIfSaveFailed, e),
        }
    }

    /// Lets other instances open the current file without a warning.
    fn release_lock(&self) {
        if let Some(path) = &self.doc.path
            && !self.doc.read_only
        {
            store::lock::release(path);
        }
    }

    fn install_loaded(&mut self, loaded: store::Loaded, path: PathBuf, read_only: bool) {
        let shown = path.display().to_string();
        self.notice = Some(match loaded.migrated_from {
            Some(from) => Notice::info(
                Key::MsgMigrated,
                vec![
                    ("path", shown),
                    ("from", from.to_string()),
                    ("to", loaded.scenario.format_version.to_string()),
                ],
            ),
            None => Notice::info(Key::MsgOpened, vec![("path", shown)]),
        });
        // The stamp of what was read; a file read some other way is stamped now.
        let stamp = loaded.stamp.or_else(|| store::FileStamp::of(&path));
        let mut doc = Document::loaded(loaded, Some(path.clone()));
        doc.disk = stamp;
        doc.read_only = read_only;
        self.set_document(doc);
        if !read_only {
            store::lock::acquire(&path);
        }
        self.prefs.remember(path);
    }

    /// Opens a file, first warning when another instance has it open. On failure the open
    /// scenario stays exactly as it was.
    fn open_path(&mut self, path: &Path) {
        match store::lock::held_by_other(path) {
            Some(pid) => self.locked = Some((path.to_owned(), pid)),
            None => self.open_path_as(path, false),
        }
    }

    /// Reads the file on its own thread; when that takes longer than [`Self::job_wait`], the
    /// frames go on with a progress bar until it is done or cancelled.
    fn open_path_as(&mut self, path: &Path, read_only: bool) {
        let file = path.to_owned();
        let read = Job::start(self.job_wait, move |progress| store::load_with(&file, progress));
        self.take_opened(read, path.to_owned(), read_only);
    }

    /// Installs a file read as it comes from its job, or keeps the job to show its progress.
    fn take_opened(
        &mut self,
        read: Poll<Result<store::Loaded, store::StoreError>>,
        path: PathBuf,
        read_only: bool,
    ) {
        match read {
            Poll::Done(result) => self.finish_open(result, path, read_only),
            Poll::Running(job) => self.opening = Some(Opening { job, path, read_only }),
            Poll::Lost => self.job_lost(),
        }
    }

    fn finish_open(
        &mut self,
        result: Result<store::Loaded, store::StoreError>,
        path: PathBuf,
        read_only: bool,
    ) {
        match result {
            Ok(loaded) => self.install_loaded(loaded, path, read_only),
            Err(e) => self.error(Key::MsgOpenFailed, e),
        }
    }

    fn job_lost(&mut self) {
        self.notice = Some(Notice {
            is_error: true,
            ..Notice::info(Key::MsgJobLost, Vec::new())
        });
    }

    /// Installs a file read in the background once it is there; meanwhile shows its progress.
    /// Cancel drops the job: the open scenario and every file stay as they were.
    fn opening_ui(&mut self, ctx: &egui::Context) {
        let Some(Opening { job, path, read_only }) = self.opening.take() else {
            return;
        };
        match job.poll() {
            Poll::Done(result) => self.finish_open(result, path, read_only),
            Poll::Lost => self.job_lost(),
            Poll::Running(job) => {
                let lang = self.lang();
                let what = trf(lang, Key::JobOpening, &[("path", &path.display())]);
                if job::progress_ui(ctx, lang, &what, job.fraction()) {
                    job.cancel();
                    self.info(Key::MsgOpenCancelled, vec![("path", path.display().to_string())]);
                } else {
                    self.opening = Some(Opening { job, path, read_only });
                }
            }
        }
    }

    /// Puts a recovery copy back as the open scenario, unsaved, tied to its original file.
    fn restore(&mut self, offer: Offer) {
        let original = offer.copy.info.original.clone();
        let name = original.as_ref().and_then(|p| p.file_name()).map_or_else(
            || tr(self.lang(), Key::Untitled).to_owned(),
            |n| n.to_string_lossy().into_owned(),
        );
        let mut doc = Document::new(offer.loaded.scenario, original.clone());
        doc.disk = original.as_deref().and_then(store::FileStamp::of);
        doc.mark_unsaved();
        self.set_document(doc);
        if let Some(path) = &original {
            store::lock::acquire(path);
        }
        self.safety.adopt(offer.copy.id);
        self.info(Key::MsgRestored, vec![("name", name)]);
    }

    fn open_sample(&mut self, index: usize) {
        let Some(sample) = SAMPLES.get(index) else {
            return;
        };
        match store::parse(sample.text, Path::new(sample.file_name)) {
            Ok(loaded) => {
                self.info(Key::MsgOpened, vec![("path", sample.file_name.to_owned())]);
                // A sample has no path: saving it asks where, so the bundled file stays pristine.
                self.set_document(Document::loaded(loaded, None));
            }
            Err(e) => self.error(Key::MsgOpenFailed, e),
        }
    }

    /// Saves to `path`. Returns true on success; on failure everything stays in memory, unsaved.
    fn save_to(&mut self, path: &Path) -> bool {
        let previous_modified = self.doc.scenario.metadata.modified;
        self.doc.scenario.metadata.modified = Some(self.today);
        match store::save(path, &self.doc.scenario) {
            Ok(()) => {
                if self.doc.path.as_deref() != Some(path) {
                    self.release_lock();
                    store::lock::acquire(path);
                }
                self.doc.mark_saved(path.to_owned());
                self.safety.drop_copy();
                self.prefs.remember(path.to_owned());
                self.info(Key::MsgSaved, vec![("path", path.display().to_string())]);
                true
            }
            Err(e) => {
                self.doc.scenario.metadata.modified = previous_modified;
                self.error(Key::MsgSaveFailed, e);
                false
            }
        }
    }

    /// Save to the current file, or ask where. `then` runs after a successful save.
    fn save(&mut self, then: Option<Replace>) {
        if self.doc.read_only {
            self.save_as(then);
            return;
        }
        if let Some(path) = self.doc.path.clone() {
            if self.doc.disk.is_some_and(|stamp| stamp.changed_on_disk(&path)) {
                self.conflict = Some(PendingSave { then });
                return;
            }
            if self.save_to(&path)
                && let Some(next) = then
            {
                self.replace(next);
            }
        } else {
            self.save_as(then);
        }
    }

    fn save_as(&mut self, then: Option<Replace>) {
        let suggested = suggested_file_name(&self.doc);
        self.choose_file(PromptPurpose::SaveAs { then }, Some(suggested));
    }

    fn export(&mut self, file: ExportFile) {
        let name = file.file_name.clone();
        self.choose_file(PromptPurpose::Export(file), Some(name));
    }

    fn browse_import(&mut self) {
        if !self.dialogs_available() {
            return;
        }
        let started = Instant::now();
        // The import dialog's own path field is the fallback where there is no system dialog.
        let picked = rfd::FileDialog::new()
            .add_filter("CSV, Excel, ODS", &["csv", "xlsx", "xls", "ods"])
            .set_directory(self.start_folder())
            .pick_file();
        if let NativeDialog::Picked(path) = classify_dialog(picked, started.elapsed())
            && let Some(dialog) = &mut self.pages.customers.import
        {
            dialog.path = path.display().to_string();
            dialog.load();
        }
    }

    fn write_export(&mut self, path: &Path, bytes: &[u8]) {
        match store::write_atomic(path, bytes, false) {
            Ok(()) => {
                self.prefs.remember_folder(path);
                self.info(Key::MsgExported, vec![("path", path.display().to_string())]);
            }
            Err(e) => self.error(Key::MsgExportFailed, e),
        }
    }

    /// Carries out a replacement now (the unsaved-changes question is already answered).
    fn replace(&mut self, action: Replace) {
        match action {
            Replace::New => {
                self.set_document(Document::new(Scenario::new(self.today), None));
                self.info(Key::MsgNewScenario, Vec::new());
            }
            Replace::Open => self.choose_file(PromptPurpose::Open, None),
            Replace::OpenPath(path) => self.open_path(&path),
            Replace::OpenSample(i) => self.open_sample(i),
            Replace::Quit => {
                self.safety.drop_copy();
                self.allow_close = true;
            }
        }
    }

    /// Asks about unsaved changes before a replacement, or does it at once when there are none.
    fn request(&mut self, action: Replace) {
        if self.doc.is_dirty() && !self.allow_close {
            self.confirm = Some(action);
        } else {
            self.replace(action);
        }
    }

    /// The one way to ask for a file: the system's dialog (open or save, filtered by what the
    /// file is for), else a typed-path prompt with the same purpose. Either way the chosen path
    /// goes to [`Self::file_chosen`].
    fn choose_file(&mut self, purpose: PromptPurpose, suggested: Option<String>) {
        match self.native_dialog(&purpose, suggested.as_deref()) {
            NativeDialog::Picked(path) => self.file_chosen(purpose, &path),
            NativeDialog::Cancelled => {}
            NativeDialog::Unavailable => {
                self.prompt = Some(self.path_prompt(purpose, suggested.as_deref()));
            }
        }
    }

    /// The system's file dialog for `purpose`, starting in [`Self::start_folder`].
    fn native_dialog(&self, purpose: &PromptPurpose, suggested: Option<&str>) -> NativeDialog {
        if !self.dialogs_available() {
            return NativeDialog::Unavailable;
        }
        let extension = match purpose {
            PromptPurpose::Export(file) => Path::new(&file.file_name)
                .extension()
                .map_or_else(String::new, |e| e.to_string_lossy().into_owned()),
            _ => "ron".to_owned(),
        };
        let mut dialog = rfd::FileDialog::new()
            .add_filter(extension.to_uppercase(), &[extension.as_str()])
            .set_directory(self.start_folder());
        if let Some(name) = suggested {
            dialog = dialog.set_file_name(name);
        }
        let started = Instant::now();
        let picked = match purpose {
            PromptPurpose::Open | PromptPurpose::Compare => dialog.pick_file(),
            PromptPurpose::SaveAs { .. } | PromptPurpose::Export(_) | PromptPurpose::SaveWhatIf(_) => {
                dialog.save_file()
            }
        };
        classify_dialog(picked, started.elapsed())
    }

    /// Does what the file was asked for.
    fn file_chosen(&mut self, purpose: PromptPurpose, path: &Path) {
        match purpose {
            PromptPurpose::Open => self.open_path(path),
            PromptPurpose::Compare => self.open_comparison(path),
            PromptPurpose::SaveWhatIf(scenario) => self.write_what_if(path, &scenario),
            PromptPurpose::Export(file) => self.write_export(path, &file.bytes),
            PromptPurpose::SaveAs { then } => {
                if self.save_to(path)
                    && let Some(next) = then
                {
                    self.replace(next);
                }
            }
        }
    }

    /// A typed-path prompt starting in [`Self::start_folder`], filled in with `file_name` there.
    fn path_prompt(&self, purpose: PromptPurpose, file_name: Option<&str>) -> PathPrompt {
        let folder = self.start_folder();
        PathPrompt {
            purpose,
            text: file_name.map_or_else(String::new, |name| folder.join(name).display().to_string()),
            folder,
        }
    }

    /// Where file dialogs and typed paths start (see [`super::folders::start_folder`]).
    fn start_folder(&self) -> PathBuf {
        super::folders::start_folder(
            self.doc.path.as_deref(),
            self.prefs.last_folder.as_deref(),
            &self.documents_dir,
        )
    }

    fn dialogs_available(&self) -> bool {
        // The default rfd backend talks to the desktop portal over D-Bus; without a session
        // bus there is no dialog, and the call would return at once with nothing.
        self.native_dialogs
            && (!cfg!(target_os = "linux") || std::env::var_os("DBUS_SESSION_BUS_ADDRESS").is_some())
    }

    // ---- Commands ------------------------------------------------------------------------

    fn run(&mut self, ctx: &egui::Context, command: Command) {
        match command {
            Command::Replace(action) => self.request(action),
            Command::Save => self.save(None),
            Command::SaveAs => self.save_as(None),
            Command::Undo => {
                let name = self.doc.undo_name().cloned();
                match name {
                    Some(name) if self.doc.undo() => self.notice = Some(Notice::step(true, name)),
                    _ => self.info(Key::MsgNothingToUndo, Vec::new()),
                }
            }
            Command::Redo => {
                let name = self.doc.redo_name().cloned();
                match name {
                    Some(name) if self.doc.redo() => self.notice = Some(Notice::step(false, name)),
                    _ => self.info(Key::MsgNothingToRedo, Vec::new()),
                }
            }
            Command::Edit { part, gesture } => self.doc.apply(part, gesture),
            Command::SetLanguage(lang) => {
                self.prefs.language = lang;
                self.install_fonts(ctx);
            }
            Command::SetTheme(choice) => {
                self.prefs.theme = choice;
                self.apply_theme(ctx);
            }
            Command::ZoomIn => egui::gui_zoom::zoom_in(ctx),
            Command::ZoomOut => egui::gui_zoom::zoom_out(ctx),
            Command::ZoomReset => ctx.set_zoom_factor(1.0),
            Command::ShowPage(page) => {
                self.prefs.page = page;
                self.show_comparison = false;
            }
            Command::Compare(with) => self.compare_with(with),
            Command::BackToScenario => self.show_comparison = false,
            Command::ShowComparison => self.show_comparison = self.comparison.is_some(),
            Command::CloseComparison => {
                self.comparison = None;
                self.show_comparison = false;
            }
            Command::SaveWhatIf(what_if) => self.save_what_if(what_if),
            Command::ShowProperties => self.windows.properties = true,
            Command::ShowWarnings => self.windows.warnings = true,
            Command::ShowReportDialog => self.windows.report.open = true,
            Command::ClearRecent => self.prefs.recent.clear(),
            Command::Export(file) => self.export(file),
            Command::BrowseImport => self.browse_import(),
            Command::SelectCustomer(index) => self.pages.customers.select(index),
            Command::FilterCustomers(filter) => {
                self.pages.customers.set_filter(filter);
                self.prefs.page = Page::Customers;
                self.show_comparison = false;
            }
            Command::Notify { key, args } => self.info(key, args),
            Command::CustomerColumns(columns) => {
                self.prefs.customer_columns = columns.map(|c| {
                    c.into_iter()
                        .map(|c| crate::report::keys::column_key(c).to_owned())
                        .collect()
                });
            }
            Command::ShowHelp(topic) => self.help.open(topic),
            Command::StartTour => self.tour.start(),
            Command::ToggleScenes => self.windows.scenes = !self.windows.scenes,
            Command::AddScene => self.add_scene(),
            Command::UpdateScene(index) => self.update_scene(index),
            Command::GoToScene(index) => self.go_to_scene(ctx, index, self.presenter.active),
            Command::Present => {
                self.presenter.start(ctx);
                if !self.doc.scenario.scenes.is_empty() {
                    self.go_to_scene(ctx, 0, true);
                }
            }
            Command::StopPresenting => self.presenter.leave(ctx),
        }
    }

    // ---- Scenes --------------------------------------------------------------------------

    /// The current view as a new scene at the end of the list.
    fn add_scene(&mut self) {
        let scenes = &self.doc.scenario.scenes;
        let title = crate::i18n::trf(
            self.lang(),
            crate::i18n::scenes::SceneKey::NewTitle,
            &[("n", &(scenes.len() + 1))],
        );
        let scene = self.pages.capture(self.prefs.page, &self.doc, title);
        let next = crate::model::scene::added(scenes, scene);
        self.current_scene = Some(next.len() - 1);
        self.doc.apply(crate::model::Part::Scenes(next), None);
    }

    /// Scene `index` shows the current view from now on; its title and note stay.
    fn update_scene(&mut self, index: usize) {
        let view = self.pages.capture(self.prefs.page, &self.doc, String::new());
        if let Some(next) = crate::model::scene::updated(&self.doc.scenario.scenes, index, view) {
            self.current_scene = Some(index);
            self.doc.apply(crate::model::Part::Scenes(next), None);
        }
    }

    /// Shows scene `index`. With `animate`, what-if values move there over half a second.
    /// What the scene names but the scenario no longer holds is skipped, with a notice.
    fn go_to_scene(&mut self, ctx: &egui::Context, index: usize, animate: bool) {
        let Some(scene) = self.doc.scenario.scenes.get(index).cloned() else {
            return;
        };
        let from = self.pages.charts.what_if();
        self.prefs.page = self.pages.restore(&scene, &self.doc);
        self.show_comparison = false;
        self.current_scene = Some(index);
        self.presenter.motion = None;
        if animate && from != scene.what_if {
            self.pages.charts.set_what_if(from);
            let now = ctx.input(|i| i.time);
            self.presenter.motion = Some(WhatIfMove::new(from, scene.what_if, now));
        }
        let missing = scene.missing(&self.doc.scenario);
        if !missing.is_empty() {
            use crate::i18n::scenes::SceneKey as SK;
            let lang = self.lang();
            let mut what = Vec::new();
            if let Some(id) = &missing.customer {
                what.push(trf(lang, SK::MissingCustomer, &[("id", id)]));
            }
            if let Some(id) = &missing.dispute {
                what.push(trf(lang, SK::MissingDispute, &[("id", id)]));
            }
            let separator = if lang == Language::English { ", " } else { "、" };
            self.info(
                Key::MsgSceneMissing,
                vec![("title", scene.title), ("what", what.join(separator))],
            );
        }
    }

    /// The presenter keys: F5 starts; while presenting Esc leaves, the next and previous
    /// keys and 1–9 move through the scenes.
    fn presenter_keys(&self, ctx: &egui::Context, out: &mut Vec<Command>) {
        self.presenter_commands(self.presenter.keys(ctx), out);
    }

    /// The commands of presenter key actions, from the main window or the notes window.
    fn presenter_commands(&self, actions: Vec<PresenterAction>, out: &mut Vec<Command>) {
        let count = self.doc.scenario.scenes.len();
        let current = self.current_scene.filter(|&i| i < count);
        for action in actions {
            let target = match action {
                PresenterAction::Start => {
                    out.push(Command::Present);
                    None
                }
                PresenterAction::Leave => {
                    out.push(Command::StopPresenting);
                    None
                }
                PresenterAction::Next => match current {
                    Some(i) if i + 1 < count => Some(i + 1),
                    None if count > 0 => Some(0),
                    _ => None,
                },
                PresenterAction::Previous => current.and_then(|i| i.checked_sub(1)),
                PresenterAction::Jump(n) => (n < count).then_some(n),
                PresenterAction::Pointer => None,
            };
            if let Some(index) = target {
                out.push(Command::GoToScene(index));
            }
        }
    }

    /// Presenter mode's frame: the scene's title as headline, then its view, filling the
    /// screen in the presentation style; nothing else of the app.
    fn presenter_ui(&mut self, ui: &mut egui::Ui, out: &mut Vec<Command>) {
        use crate::i18n::scenes::SceneKey as SK;
        let ctx = ui.ctx().clone();
        Presenter::fit_zoom(&ctx);
        let lang = self.lang();
        let scenes = &self.doc.scenario.scenes;
        let count = scenes.len();
        let current = self.current_scene.filter(|&i| i < count);
        let frame = egui::Frame::new()
            .fill(egui::Color32::WHITE)
            .inner_margin(egui::Margin::symmetric(24, 12));
        egui::CentralPanel::default().frame(frame).show(ui, |ui| {
            presenter::present_style(ui);
            if let Some(index) = current
                && let Some(scene) = scenes.get(index)
            {
                ui.horizontal(|ui| {
                    ui.label(presenter::headline(&scene.title, ui));
                    ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                        ui.weak(trf(lang, SK::Counter, &[("n", &(index + 1)), ("total", &count)]));
                    });
                });
                ui.separator();
            }
            let cx = pages::PageContext {
                doc: &self.doc,
                lang,
                today: self.today,
            };
            self.pages.present_ui(ui, self.prefs.page, &cx, out);
        });
        presenter::pointer_dot(&ctx);
        if let Some(index) = current {
            // The notes window has the keyboard when the presenter clicked into it.
            let actions = self.speaker_notes(&ctx, index);
            self.presenter_commands(actions, out);
        }
    }

    /// The speaker notes in a window of their own, where the platform can open one; where it
    /// cannot (one window only), they stay hidden rather than show on the projector.
    /// Returns the presenter keys pressed in it.
    fn speaker_notes(&self, ctx: &egui::Context, index: usize) -> Vec<PresenterAction> {
        use crate::i18n::scenes::SceneKey as SK;
        if ctx.embed_viewports() {
            return Vec::new();
        }
        let lang = self.lang();
        let scenes = &self.doc.scenario.scenes;
        let Some(scene) = scenes.get(index) else {
            return Vec::new();
        };
        let next = scenes.get(index + 1).map(|s| s.title.clone());
        let builder = egui::ViewportBuilder::default()
            .with_title(tr(lang, SK::NotesTitle))
            .with_inner_size([560.0, 420.0]);
        ctx.show_viewport_immediate(
            egui::ViewportId::from_hash_of("speaker_notes"),
            builder,
            |ui, _class| {
                let actions = self.presenter.keys(ui.ctx());
                egui::CentralPanel::default().show(ui, |ui| {
                    ui.heading(&scene.title);
                    ui.separator();
                    egui::ScrollArea::vertical().show(ui, |ui| {
                        if scene.note.is_empty() {
                            ui.weak(tr(lang, SK::NoNote));
                        } else {
                            ui.label(egui::RichText::new(&scene.note).size(20.0));
                        }
                    });
                    ui.separator();
                    match &next {
                        Some(title) => ui.label(trf(lang, SK::NextUp, &[("title", title)])),
                        None => ui.weak(tr(lang, SK::LastScene)),
                    };
                });
                actions
            },
        )
    }

    /// The app-wide keys of [`keys::SHORTCUTS`]; the zoom keys are egui's own.
    fn shortcuts(ctx: &egui::Context, out: &mut Vec<Command>) {
        ctx.input_mut(|i| {
            // Most specific first: Ctrl+Shift+S before Ctrl+S, Ctrl+Shift+Z before Ctrl+Z.
            if keys::SAVE_AS.consume(i) {
                out.push(Command::SaveAs);
            }
            if keys::SAVE.consume(i) {
                out.push(Command::Save);
            }
            if keys::REDO.consume(i) {
                out.push(Command::Redo);
            }
            if keys::UNDO.consume(i) {
                out.push(Command::Undo);
            }
            if keys::NEW.consume(i) {
                out.push(Command::Replace(Replace::New));
            }
            if keys::OPEN.consume(i) {
                out.push(Command::Replace(Replace::Open));
            }
        });
    }

    fn dropped_files(ctx: &egui::Context, out: &mut Vec<Command>, notice: &mut Option<Notice>) {
        let dropped: Vec<PathBuf> =
            ctx.input(|i| i.raw.dropped_files.iter().map(|f| f.path().to_owned()).collect());
        // One scenario is open at a time: the last .ron dropped wins.
        let mut chosen = None;
        for path in dropped {
            if path.extension().is_some_and(|e| e.eq_ignore_ascii_case("ron")) {
                chosen = Some(path);
            } else {
                *notice = Some(Notice {
                    is_error: true,
                    ..Notice::info(Key::MsgNotRon, vec![("path", path.display().to_string())])
                });
            }
        }
        if let Some(path) = chosen {
            out.push(Command::Replace(Replace::OpenPath(path)));
        }
    }

    fn update_title(&mut self, ctx: &egui::Context) {
        let lang = self.lang();
        let name = self
            .doc
            .display_name()
            .unwrap_or_else(|| tr(lang, Key::Untitled).to_owned());
        let mark = if self.doc.is_dirty() { "● " } else { "" };
        let read_only = if self.doc.read_only { " 🔒" } else { "" };
        let title = format!("{mark}{name}{read_only} — {}", tr(lang, Key::AppName));
        if title != self.window_title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.window_title = title;
        }
    }

    // ---- Drawing -------------------------------------------------------------------------

    fn menu_bar(&self, ui: &mut egui::Ui, out: &mut Vec<Command>) {
        let lang = self.lang();
        let t = |k| tr(lang, k);
        egui::MenuBar::new().ui(ui, |ui| {
            let file = ui.menu_button(t(Key::MenuFile), |ui| {
                if ui.add(shortcut_button(t(Key::MenuNew), ui, keys::NEW)).clicked() {
                    out.push(Command::Replace(Replace::New));
                }
                if ui
                    .add(shortcut_button(t(Key::MenuOpen), ui, keys::OPEN))
                    .clicked()
                {
                    out.push(Command::Replace(Replace::Open));
                }
                ui.menu_button(t(Key::MenuOpenSample), |ui| {
                    for (i, sample) in SAMPLES.iter().enumerate() {
                        if ui.button(sample.file_name).clicked() {
                            out.push(Command::Replace(Replace::OpenSample(i)));
                        }
                    }
                });
                ui.menu_button(t(Key::MenuOpenRecent), |ui| {
                    if self.prefs.recent.is_empty() {
                        ui.label(t(Key::MenuNoRecent));
                    }
                    for path in &self.prefs.recent {
                        if ui.button(path.display().to_string()).clicked() {
                            out.push(Command::Replace(Replace::OpenPath(path.clone())));
                        }
                    }
                    if !self.prefs.recent.is_empty() {
                        ui.separator();
                        if ui.button(t(Key::MenuClearRecent)).clicked() {
                            out.push(Command::ClearRecent);
                        }
                    }
                });
                self.compare_menu_ui(ui, out);
                ui.separator();
                if ui
                    .add(shortcut_button(t(Key::MenuSave), ui, keys::SAVE))
                    .clicked()
                {
                    out.push(Command::Save);
                }
                if ui
                    .add(shortcut_button(t(Key::MenuSaveAs), ui, keys::SAVE_AS))
                    .clicked()
                {
                    out.push(Command::SaveAs);
                }
                ui.separator();
                if ui
                    .button(tr(lang, crate::i18n::report::ReportKey::MenuExportReport))
                    .clicked()
                {
                    out.push(Command::ShowReportDialog);
                }
                ui.separator();
                if ui.button(t(Key::MenuProperties)).clicked() {
                    out.push(Command::ShowProperties);
                }
                if ui.button(t(Key::MenuWarnings)).clicked() {
                    out.push(Command::ShowWarnings);
                }
                ui.separator();
                if ui.button(t(Key::MenuQuit)).clicked() {
                    out.push(Command::Replace(Replace::Quit));
                }
            });
            tour::mark(ui.ctx(), TourTarget::FileMenu, file.response.rect);
            ui.menu_button(t(Key::MenuEdit), |ui| {
                // Each names the step it would undo or redo.
                let lang = self.lang();
                let named = |key: UndoKey, step: Option<&StepName>, plain: Key| {
                    step.map_or_else(
                        || t(plain).to_owned(),
                        |step| trf(lang, key, &[("step", &step_text(lang, step))]),
                    )
                };
                let undo = named(UndoKey::UndoStep, self.doc.undo_name(), Key::MenuUndo);
                if ui
                    .add_enabled(self.doc.can_undo(), shortcut_button(&undo, ui, keys::UNDO))
                    .clicked()
                {
                    out.push(Command::Undo);
                }
                let redo = named(UndoKey::RedoStep, self.doc.redo_name(), Key::MenuRedo);
                if ui
                    .add_enabled(self.doc.can_redo(), shortcut_button(&redo, ui, keys::REDO))
                    .clicked()
                {
                    out.push(Command::Redo);
                }
            });
            ui.menu_button(t(Key::MenuView), |ui| {
                ui.menu_button(t(Key::MenuLanguage), |ui| {
                    for l in Language::ALL {
                        if ui.radio(lang == l, l.native_name()).clicked() {
                            out.push(Command::SetLanguage(l));
                        }
                    }
                });
                ui.menu_button(t(Key::MenuTheme), |ui| {
                    for (choice, key) in [
                        (ThemeChoice::System, Key::ThemeSystem),
                        (ThemeChoice::Light, Key::ThemeLight),
                        (ThemeChoice::Dark, Key::ThemeDark),
                    ] {
                        if ui.radio(self.prefs.theme == choice, t(key)).clicked() {
                            out.push(Command::SetTheme(choice));
                        }
                    }
                });
                ui.separator();
                let (zoom_in, zoom_out, zoom_reset) = (keys::ZOOM_IN, keys::ZOOM_OUT, keys::ZOOM_RESET);
                if ui.add(shortcut_button(t(Key::MenuZoomIn), ui, zoom_in)).clicked() {
                    out.push(Command::ZoomIn);
                }
                if ui
                    .add(shortcut_button(t(Key::MenuZoomOut), ui, zoom_out))
                    .clicked()
                {
                    out.push(Command::ZoomOut);
                }
                if ui
                    .add(shortcut_button(t(Key::MenuZoomReset), ui, zoom_reset))
                    .clicked()
                {
                    out.push(Command::ZoomReset);
                }
                let pct = (ui.ctx().zoom_factor() * 100.0).round();
                ui.weak(trf(lang, Key::ZoomLabel, &[("pct", &pct)]));
                ui.separator();
                {
                    use crate::i18n::scenes::SceneKey as SK;
                    if ui
                        .checkbox(&mut self.windows.scenes.clone(), tr(lang, SK::MenuScenes))
                        .clicked()
                    {
                        out.push(Command::ToggleScenes);
                    }
                    let present = egui::KeyboardShortcut::new(Modifiers::NONE, K::F5);
                    if ui
                        .add(
                            egui::Button::new(tr(lang, SK::MenuPresent))
                                .shortcut_text(ui.ctx().format_shortcut(&present)),
                        )
                        .clicked()
                    {
                        out.push(Command::Present);
                    }
                }
            });
            Self::help_menu_ui(ui, lang, out);
        });
    }

    /// Help ▸ Keyboard shortcuts…, User guide ▸ a page, About, Show the tour again.
    fn help_menu_ui(ui: &mut egui::Ui, lang: Language, out: &mut Vec<Command>) {
        use crate::i18n::help::HelpKey as H;
        let help = ui.menu_button(tr(lang, H::MenuHelp), |ui| {
            if ui.button(tr(lang, H::MenuShortcuts)).clicked() {
                out.push(Command::ShowHelp(HelpTopic::Shortcuts));
            }
            ui.menu_button(tr(lang, H::MenuGuide), |ui| {
                for topic in GuideTopic::ALL {
                    if ui.button(topic.name(lang)).clicked() {
                        out.push(Command::ShowHelp(HelpTopic::Guide(topic)));
                    }
                }
            });
            if ui.button(tr(lang, H::MenuAbout)).clicked() {
                out.push(Command::ShowHelp(HelpTopic::About));
            }
            ui.separator();
            if ui.button(tr(lang, H::MenuTour)).clicked() {
                out.push(Command::StartTour);
            }
        });
        tour::mark(ui.ctx(), TourTarget::HelpMenu, help.response.rect);
    }

    /// File ▸ Compare with… ▸ a file, the backup, a recent file or the what-if.
    fn compare_menu_ui(&self, ui: &mut egui::Ui, out: &mut Vec<Command>) {
        use crate::i18n::compare::{CompareKey as CK, what_if_name};
        let lang = self.lang();
        ui.menu_button(tr(lang, CK::MenuCompare), |ui| {
            if ui.button(tr(lang, CK::PickFile)).clicked() {
                out.push(Command::Compare(CompareWith::Pick));
            }
            let has_backup = self
                .doc
                .path
                .as_ref()
                .is_some_and(|p| store::backup_path(p).exists());
            let backup = ui.add_enabled(has_backup, egui::Button::new(tr(lang, CK::Backup)));
            let backup = if has_backup {
                backup.on_hover_text(tr(lang, CK::BackupHint))
            } else {
                backup.on_disabled_hover_text(tr(lang, CK::NoBackup))
            };
            if backup.clicked() {
                out.push(Command::Compare(CompareWith::Backup));
            }
            let what_if = self.pages.charts.what_if();
            if what_if.is_neutral(&self.doc.scenario.settings) {
                ui.add_enabled(false, egui::Button::new(tr(lang, CK::NoWhatIf)));
            } else if ui
                .button(what_if_name(lang, &what_if, &self.doc.scenario.settings))
                .clicked()
            {
                out.push(Command::Compare(CompareWith::WhatIf(what_if)));
            }
            let recent: Vec<&PathBuf> = self
                .prefs
                .recent
                .iter()
                .filter(|p| self.doc.path.as_ref() != Some(*p))
                .collect();
            if !recent.is_empty() {
                ui.separator();
                ui.weak(tr(lang, CK::RecentFiles));
                for path in recent {
                    if ui.button(path.display().to_string()).clicked() {
                        out.push(Command::Compare(CompareWith::Path(path.clone())));
                    }
                }
            }
        });
    }

    fn notice_bar(&mut self, ui: &mut egui::Ui) {
        let Some(notice) = &self.notice else {
            return;
        };
        let dark = ui.visuals().dark_mode;
        let mut dismiss = false;
        let mut show = None;
        ui.horizontal_wrapped(|ui| {
            let lang = self.prefs.language;
            if notice.is_error {
                ui.colored_label(
                    theme::error_color(dark),
                    egui::RichText::new(notice.text(lang)).strong(),
                );
            } else {
                ui.label(notice.text(lang));
            }
            if let Some(detail) = notice.detail(lang) {
                ui.label(egui::RichText::new(detail).color(theme::error_color(dark)));
            }
            if let Some((_, step)) = &notice.step
                && ui
                    .small_button(tr(lang, UndoKey::Show))
                    .on_hover_text(tr(lang, UndoKey::ShowHint))
                    .clicked()
            {
                show = Some(step.clone());
            }
            if ui.small_button(tr(self.lang(), Key::Dismiss)).clicked() {
                dismiss = true;
            }
        });
        if dismiss {
            self.notice = None;
        }
        if let Some(step) = show {
            self.show_step(&step);
        }
    }

    /// Goes to where an undo step's change was made: the page, and the customer, step or
    /// dispute it touched.
    fn show_step(&mut self, step: &StepName) {
        let customer = |id: &str| self.doc.scenario.customers.iter().position(|c| c.id == id);
        match step {
            StepName::EditCustomer { id, .. }
            | StepName::AddCustomers { first: id, .. }
            | StepName::RemoveCustomers { first: id, .. } => {
                self.prefs.page = Page::Customers;
                if let Some(i) = customer(id) {
                    self.pages.customers.select(i);
                }
            }
            StepName::EditCustomers | StepName::EditScenario => self.prefs.page = Page::Customers,
            StepName::Scene(_) => self.windows.scenes = true,
            StepName::EditProperties | StepName::EditSettings => self.windows.properties = true,
            StepName::EditStep(kind) => {
                self.prefs.page = Page::Planner;
                self.pages.planner.show_step(*kind);
            }
            StepName::EditPlan(list) => {
                self.prefs.page = Page::Planner;
                self.pages.planner.show_step(list.step());
            }
            StepName::EditDispute { id }
            | StepName::AddDispute { id }
            | StepName::RemoveDisputes { first: id, .. }
            | StepName::RecordDecision { id } => {
                self.prefs.page = Page::Disputes;
                self.pages.disputes.show_dispute(Some(id));
            }
            StepName::EditDisputes => {
                self.prefs.page = Page::Disputes;
                self.pages.disputes.show_dispute(None);
            }
            StepName::WizardDraft => {
                self.prefs.page = Page::Disputes;
                self.pages.disputes.show_wizard();
            }
        }
    }

    fn status_bar(&self, ui: &mut egui::Ui, out: &mut Vec<Command>) {
        let lang = self.lang();
        let dark = ui.visuals().dark_mode;
        ui.horizontal(|ui| {
            match &self.doc.path {
                Some(path) => ui.monospace(path.display().to_string()),
                None => ui.weak(tr(lang, Key::StatusNoFile)),
            };
            ui.separator();
            if self.doc.read_only {
                ui.colored_label(theme::warning_color(dark), tr(lang, Key::StatusReadOnly));
                ui.separator();
            }
            if self.doc.is_dirty() {
                ui.colored_label(
                    theme::warning_color(dark),
                    format!("● {}", tr(lang, Key::StatusUnsaved)),
                );
                ui.separator();
            } else if self.doc.path.is_some() {
                ui.label(tr(lang, Key::StatusSaved));
                ui.separator();
            }
            let count = self.doc.warnings().len();
            let text = if count == 0 {
                egui::RichText::new(tr(lang, Key::StatusNoWarnings))
            } else {
                egui::RichText::new(trf(lang, Key::StatusWarnings, &[("n", &count)]))
                    .color(theme::warning_color(dark))
            };
            let warnings = ui
                .add(egui::Button::new(text).frame(false))
                .on_hover_text(tr(lang, Key::StatusWarningsHint));
            tour::mark(ui.ctx(), TourTarget::StatusBar, warnings.rect);
            if warnings.clicked() {
                out.push(Command::ShowWarnings);
            }
        });
    }

    /// The pages, in a column (side panel) or a row (narrow screens): the layout of `ui` decides.
    fn navigation(&self, ui: &mut egui::Ui, out: &mut Vec<Command>) {
        let lang = self.lang();
        let in_row = ui.layout().main_dir().is_horizontal();
        // A column's buttons are as wide as the panel, their text centred; a row's fit theirs.
        let add = |ui: &mut egui::Ui, button: egui::Button<'_>| {
            if in_row {
                ui.add(button.min_size(egui::vec2(0.0, 30.0)))
            } else {
                ui.add_sized([ui.available_width(), 30.0], button)
            }
        };
        if !in_row {
            ui.add_space(6.0);
        }
        for page in Page::ALL {
            let key = match page {
                Page::Customers => Key::PageCustomers,
                Page::Charts => Key::PageCharts,
                Page::Planner => Key::PagePlanner,
                Page::Disputes => Key::PageDisputes,
            };
            let label = egui::RichText::new(tr(lang, key)).size(16.0);
            let current = self.prefs.page == page && !self.show_comparison;
            if add(ui, egui::Button::selectable(current, label)).clicked() {
                out.push(Command::ShowPage(page));
            }
        }
        if self.comparison.is_some() {
            ui.separator();
            let label = egui::RichText::new(tr(lang, Key::NavComparison)).size(16.0);
            if add(ui, egui::Button::selectable(self.show_comparison, label)).clicked() {
                out.push(Command::ShowComparison);
            }
        }
    }
}

/// What a native file dialog gave.
enum NativeDialog {
    Picked(PathBuf),
    Cancelled,
    /// No dialog could be shown; ask for a typed path instead.
    Unavailable,
}

/// A dialog that returns nothing faster than a person can cancel it never appeared.
fn classify_dialog(picked: Option<PathBuf>, elapsed: Duration) -> NativeDialog {
    match picked {
        Some(path) => NativeDialog::Picked(path),
        None if elapsed < Duration::from_millis(250) => NativeDialog::Unavailable,
        None => NativeDialog::Cancelled,
    }
}

/// A file name from the scenario's title: "Harbor Link — FY2026" → "harbor-link-fy2026.ron".
fn suggested_file_name(doc: &Document) -> String {
    if let Some(name) = doc.path.as_ref().and_then(|p| p.file_name()) {
        return name.to_string_lossy().into_owned();
    }
    doc.title_slug()
        .map_or_else(|| "scenario.ron".to_owned(), |slug| format!("{slug}.ron"))
}

/// A menu item showing its shortcut's main key.
fn shortcut_button<'a>(text: &'a str, ui: &egui::Ui, shortcut: Shortcut) -> egui::Button<'a> {
    egui::Button::new(text).shortcut_text(ui.ctx().format_shortcut(&shortcut.key))
}

impl eframe::App for StudioApp {
    fn ui(&mut self, ui: &mut egui::Ui, frame: &mut eframe::Frame) {
        // A bug must not take unsaved work with it: write an emergency copy, then let the
        // panic end the app as it would have.
        let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| self.frame_ui(ui, frame)));
        if let Err(panic) = outcome {
            self.safety.emergency(&self.doc);
            std::panic::resume_unwind(panic);
        }
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        self.prefs.zoom = self.prefs.zoom.clamp(0.5, 3.0);
        eframe::set_value(storage, STORAGE_KEY, &self.prefs);
    }

    fn logic(&mut self, ctx: &egui::Context, _frame: &mut eframe::Frame) {
        // Presenter mode zooms for the room; that is not the user's zoom.
        if !self.presenter.active {
            self.prefs.zoom = ctx.zoom_factor();
        }
    }

    fn on_exit(&mut self) {
        // A normal exit: the user saved, or chose to discard the changes.
        self.safety.drop_copy();
        self.release_lock();
    }
}

impl Drop for StudioApp {
    /// However the app ends (window closed, test harness dropped), other instances may open
    /// its file without a warning afterwards.
    fn drop(&mut self) {
        self.release_lock();
    }
}

impl StudioApp {
    fn frame_ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        let ctx = ui.ctx().clone();
        #[cfg(debug_assertions)]
        assert!(
            !ctx.input_mut(|i| i.consume_key(Modifiers::COMMAND | Modifiers::SHIFT, K::F12)),
            "forced panic (Ctrl+Shift+F12, debug builds only), to test the emergency copy"
        );
        let mut commands = Vec::new();

        self.presenter_keys(&ctx, &mut commands);
        Self::shortcuts(&ctx, &mut commands);
        self.tour.keys(&ctx);
        if let Some(motion) = self.presenter.motion {
            let (values, done) = motion.at(ctx.input(|i| i.time));
            self.pages.charts.set_what_if(values);
            if done {
                self.presenter.motion = None;
            } else {
                ctx.request_repaint();
            }
        }
        Self::dropped_files(&ctx, &mut commands, &mut self.notice);
        if ctx.input(|i| i.viewport().close_requested()) && !self.allow_close && self.doc.is_dirty() {
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
            self.confirm = Some(Replace::Quit);
        }

        if self.presenter.active {
            self.presenter_ui(ui, &mut commands);
        } else {
            self.window_ui(ui, &mut commands);
        }
        self.dialogs_ui(&ctx, &mut commands);

        for command in commands {
            self.run(&ctx, command);
        }
        self.opening_ui(&ctx);
        // A gesture (slider drag, typing in one text field) ends when the pointer is up and no
        // text field has focus; the next edit then starts a new undo step.
        if !ctx.input(|i| i.pointer.any_down()) && ctx.memory(|m| m.focused().is_none()) {
            self.doc.close_gesture();
        }
        self.safety_dialogs(&ctx);
        if self.allow_close {
            ctx.send_viewport_cmd(egui::ViewportCommand::Close);
        }
        self.update_title(&ctx);
        self.safety.autosave(&ctx, &self.doc);
    }

    /// The app's window as usual: menu, navigation, status bar, the page, the Scenes panel.
    fn window_ui(&mut self, ui: &mut egui::Ui, commands: &mut Vec<Command>) {
        let lang = self.lang();
        egui::Panel::top("menu_bar").show(ui, |ui| {
            self.menu_bar(ui, commands);
            self.notice_bar(ui);
        });
        egui::Panel::bottom("status_bar").show(ui, |ui| self.status_bar(ui, commands));
        // On a narrow screen the pages are one row of tabs under the menu, so the page itself
        // has the whole width.
        let ctx = ui.ctx().clone();
        let narrow = super::layout::is_narrow(&ctx);
        let navigation = if narrow {
            egui::Panel::top("navigation_row").show(ui, |ui| {
                ui.horizontal_wrapped(|ui| self.navigation(ui, commands));
            })
        } else {
            egui::Panel::left("navigation")
                .resizable(false)
                .exact_size(150.0)
                .show(ui, |ui| self.navigation(ui, commands))
        };
        tour::mark(&ctx, TourTarget::Pages, navigation.response.rect);
        if self.windows.scenes {
            egui::Panel::right("scenes_panel")
                .resizable(true)
                .default_size(280.0)
                .show(ui, |ui| {
                    self.scenes_panel
                        .ui(ui, lang, &self.doc.scenario.scenes, self.current_scene, commands);
                });
        }
        egui::CentralPanel::default().show(ui, |ui| {
            let cx = pages::PageContext {
                doc: &self.doc,
                lang,
                today: self.today,
            };
            match &mut self.comparison {
                Some(view) if self.show_comparison => view.ui(ui, &cx, commands),
                _ => self.pages.ui(ui, self.prefs.page, &cx, commands),
            }
        });
    }

    /// The dialogs and tool windows, above either layout.
    fn dialogs_ui(&mut self, ctx: &egui::Context, commands: &mut Vec<Command>) {
        let ctx = ctx.clone();
        let lang = self.lang();
        if let Some(answer) = self.confirm.as_ref().and_then(|_| {
            let name = self
                .doc
                .display_name()
                .unwrap_or_else(|| tr(lang, Key::Untitled).to_owned());
            dialogs::confirm_unsaved(&ctx, lang, &name)
        }) {
            let action = self.confirm.take();
            match (answer, action) {
                (dialogs::UnsavedAnswer::Save, Some(action)) => self.save(Some(action)),
                (dialogs::UnsavedAnswer::Discard, Some(action)) => self.replace(action),
                _ => {}
            }
        }
        if let Some(prompt) = &mut self.prompt {
            match dialogs::path_prompt(&ctx, lang, prompt) {
                dialogs::PromptAnswer::Pending => {}
                dialogs::PromptAnswer::Cancel => self.prompt = None,
                dialogs::PromptAnswer::Ok(path) => {
                    let purpose = prompt.purpose.clone();
                    self.prompt = None;
                    self.file_chosen(purpose, &path);
                }
            }
        }
        if self.windows.properties {
            dialogs::properties_window(&ctx, lang, &self.doc, &mut self.windows.properties, commands);
        }
        if self.windows.warnings {
            dialogs::warnings_window(&ctx, lang, &self.doc, &mut self.windows.warnings);
        }
        self.windows
            .report
            .ui(&ctx, lang, &self.doc, self.today, commands);
        self.help.ui(&ctx, lang);
        let shown = (!self.show_comparison).then_some(self.prefs.page);
        self.tour.ui(&ctx, lang, shown, commands);
    }

    /// Recovery offers at start, a file changed on disk, a file open elsewhere.
    fn safety_dialogs(&mut self, ctx: &egui::Context) {
        let lang = self.lang();
        if let Some(offer) = self.safety.offers.first()
            && let Some(answer) = dialogs::recover_offer(ctx, lang, offer)
        {
            let offer = self.safety.offers.remove(0);
            match answer {
                dialogs::RecoverAnswer::Restore => self.restore(offer),
                dialogs::RecoverAnswer::RestoreAndCompare => {
                    let original = offer.copy.info.original.clone();
                    self.restore(offer);
                    if let Some(path) = original {
                        self.compare_with(CompareWith::Path(path));
                    }
                }
                dialogs::RecoverAnswer::OpenSaved => {
                    if let Some(path) = &offer.copy.info.original {
                        self.open_path(path);
                    }
                }
                dialogs::RecoverAnswer::Discard => self.safety.discard(&offer.copy.id),
                dialogs::RecoverAnswer::Later => {}
            }
        }
        if self.conflict.is_some()
            && let Some(path) = self.doc.path.clone()
            && let Some(answer) = dialogs::confirm_conflict(ctx, lang, &path)
        {
            let then = self.conflict.take().and_then(|pending| pending.then);
            match answer {
                dialogs::ConflictAnswer::Overwrite => {
                    if self.save_to(&path)
                        && let Some(next) = then
                    {
                        self.replace(next);
                    }
                }
                dialogs::ConflictAnswer::SaveAs => self.save_as(then),
                dialogs::ConflictAnswer::Reload => self.open_path_as(&path, false),
                dialogs::ConflictAnswer::Cancel => {}
            }
        }
        if let Some((path, pid)) = self.locked.clone()
            && let Some(answer) = dialogs::confirm_locked(ctx, lang, &path, pid)
        {
            self.locked = None;
            match answer {
                dialogs::LockAnswer::ReadOnly => self.open_path_as(&path, true),
                dialogs::LockAnswer::Anyway => self.open_path_as(&path, false),
                dialogs::LockAnswer::Cancel => {}
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_from_titles() {
        let mut doc = Document::new(Scenario::new(NaiveDate::default()), None);
        assert_eq!(suggested_file_name(&doc), "scenario.ron");
        doc.scenario.metadata.title = "Harbor Link — FY2026 baseline!".into();
        assert_eq!(suggested_file_name(&doc), "harbor-link-fy2026-baseline.ron");
        doc.scenario.metadata.title = "港聯物流 2026".into();
        assert_eq!(suggested_file_name(&doc), "港聯物流-2026.ron");
    }

    #[test]
    fn the_first_file_comes_from_the_read_started_before_the_window_when_it_is_that_file() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 26).unwrap();
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("on-disk.ron");
        let mut on_disk = Scenario::new(today);
        on_disk.metadata.title = "On disk".into();
        store::save(&path, &on_disk).unwrap();
        // What an early read found: another title than the file's, so the test tells whether the
        // app took the early read or read the file again.
        let early = |read_path: PathBuf| {
            let mut found = Scenario::new(today);
            found.metadata.title = "Read early".into();
            let job = Job::spawn(move |_| {
                Ok(store::Loaded {
                    scenario: found,
                    warnings: Vec::new(),
                    migrated_from: None,
                    stamp: None,
                })
            });
            EarlyRead {
                path: read_path,
                job: job.unwrap(),
            }
        };
        let title_opened = |early: Option<EarlyRead>| {
            let file = path.clone();
            let harness = egui_kittest::Harness::builder().build_eframe(move |cc| {
                StudioApp::with_early_read(
                    cc,
                    AppOptions {
                        file: Some(file),
                        today,
                        native_dialogs: false,
                        recovery_dir: None,
                        documents_dir: std::env::temp_dir(),
                        show_tour_on_first_run: false,
                    },
                    early,
                )
            });
            harness.state().document().scenario.metadata.title.clone()
        };
        assert_eq!(title_opened(Some(early(path.clone()))), "Read early");
        assert_eq!(title_opened(Some(early(dir.path().join("other.ron")))), "On disk");
        assert_eq!(title_opened(None), "On disk");
    }

    #[test]
    fn instant_empty_dialogs_are_unavailable() {
        assert!(matches!(
            classify_dialog(None, Duration::from_millis(3)),
            NativeDialog::Unavailable
        ));
        assert!(matches!(
            classify_dialog(None, Duration::from_secs(4)),
            NativeDialog::Cancelled
        ));
        assert!(matches!(
            classify_dialog(Some(PathBuf::from("a.ron")), Duration::ZERO),
            NativeDialog::Picked(_)
        ));
    }
}
