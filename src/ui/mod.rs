//! The desktop UI: eframe app, views, dialogs, fonts and theme. Views draw and emit commands.

mod app;
pub mod commands;
mod dialogs;
mod dispute_settings;
mod document;
mod folders;
pub mod fonts;
mod help;
mod job;
pub(crate) mod layout;
pub mod offscreen;
mod pages;
mod prefs;
pub mod presenter;
mod report_dialog;
mod safety;
pub mod samples;
mod scenes;
pub mod shortcuts;
mod startup;
pub mod theme;
mod tour;
mod widgets;

use std::path::PathBuf;

pub use app::{AppOptions, EarlyRead, Notice, StudioApp};
pub use document::Document;
pub use prefs::{Page, Prefs};
pub use startup::{StartFailure, preferred_language};

/// The name eframe files the remembered preferences under.
const APP_ID: &str = "scm-crm-studio";

/// Opens the main window; returns when it closes.
pub fn run(file: Option<PathBuf>) -> eframe::Result {
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("SCM-CRM Studio")
            .with_app_id("scm-crm-studio")
            .with_inner_size([1280.0, 800.0])
            .with_min_inner_size([720.0, 480.0])
            .with_drag_and_drop(true),
        ..Default::default()
    };
    let first_frame_only = std::env::var_os(QUIT_AFTER_FIRST_FRAME).is_some();
    // The file is read while the window and its renderer start.
    let early = file.clone().and_then(EarlyRead::start);
    eframe::run_native(
        APP_ID,
        options,
        Box::new(move |cc| {
            let app = StudioApp::with_early_read(cc, AppOptions::from_env(file), early);
            Ok(if first_frame_only {
                Box::new(FirstFrameOnly(app))
            } else {
                Box::new(app)
            })
        }),
    )
}

/// Set (to anything) to close the window once its first frame is drawn: what
/// `benches/startup.sh` times, from start to the first frame in a real window.
pub const QUIT_AFTER_FIRST_FRAME: &str = "SCM_CRM_STUDIO_QUIT_AFTER_FIRST_FRAME";

/// The app, closed after its first frame, as a user closing it would (preferences saved).
struct FirstFrameOnly(StudioApp);

impl eframe::App for FirstFrameOnly {
    fn ui(&mut self, ui: &mut egui::Ui, frame: &mut eframe::Frame) {
        self.0.ui(ui, frame);
        ui.ctx().send_viewport_cmd(egui::ViewportCommand::Close);
    }

    fn logic(&mut self, ctx: &egui::Context, frame: &mut eframe::Frame) {
        self.0.logic(ctx, frame);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        self.0.save(storage);
    }

    fn on_exit(&mut self) {
        self.0.on_exit();
    }
}
