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

pub use app::{AppOptions, Notice, StudioApp};
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
    eframe::run_native(
        APP_ID,
        options,
        Box::new(move |cc| Ok(Box::new(StudioApp::new(cc, AppOptions::from_env(file))))),
    )
}
