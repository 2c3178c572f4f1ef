//! File ▸ Export report…: which sections of the whole-scenario report to include and in which
//! format. The report is written in the language the app shows, with its charts drawn by the
//! app's own chart code offscreen, and saved through the same export path as every other file.

use std::collections::BTreeSet;

use chrono::NaiveDate;
use egui::{Context, Id};

use super::commands::{Command, ExportFile};
use super::document::Document;
use super::offscreen::Offscreen;
use crate::i18n::report::ReportKey as R;
use crate::i18n::{Key, tr};
use crate::model::Language;
use crate::report::scenario::{ReportFormat, ReportSection, ScenarioReportInput, render};

/// The dialog's choices, kept while the app runs so the next report starts from them.
#[derive(Debug)]
pub struct ReportDialog {
    pub open: bool,
    /// The sections left out (none by default).
    left_out: BTreeSet<usize>,
    format: ReportFormat,
}

impl Default for ReportDialog {
    fn default() -> Self {
        Self {
            open: false,
            left_out: BTreeSet::new(),
            format: ReportFormat::Html,
        }
    }
}

impl ReportDialog {
    /// The sections ticked, in report order.
    #[must_use]
    pub fn sections(&self) -> Vec<ReportSection> {
        ReportSection::ALL
            .iter()
            .enumerate()
            .filter(|(i, _)| !self.left_out.contains(i))
            .map(|(_, s)| *s)
            .collect()
    }

    /// Shows the dialog while it is open; Export builds the report and asks where to save it.
    pub fn ui(
        &mut self,
        ctx: &Context,
        lang: Language,
        doc: &Document,
        today: NaiveDate,
        out: &mut Vec<Command>,
    ) {
        if !self.open {
            return;
        }
        let mut open = true;
        let mut export = false;
        let mut cancel = false;
        egui::Window::new(tr(lang, R::DialogTitle))
            .id(Id::unique("export_report_window"))
            .open(&mut open)
            .default_pos(egui::pos2(240.0, 90.0))
            .default_width(420.0)
            .resizable(false)
            .collapsible(false)
            .show(ctx, |ui| {
                ui.label(tr(lang, R::DialogIntro));
                ui.add_space(6.0);
                ui.strong(tr(lang, R::Sections));
                for (i, section) in ReportSection::ALL.iter().enumerate() {
                    let mut included = !self.left_out.contains(&i);
                    if ui.checkbox(&mut included, section.title(lang)).changed() {
                        if included {
                            self.left_out.remove(&i);
                        } else {
                            self.left_out.insert(i);
                        }
                    }
                }
                ui.add_space(6.0);
                ui.strong(tr(lang, R::Format));
                for format in ReportFormat::ALL {
                    ui.radio_value(&mut self.format, format, format.name(lang));
                }
                ui.add_space(8.0);
                let none = self.left_out.len() == ReportSection::ALL.len();
                if none {
                    ui.label(tr(lang, R::NoSections));
                }
                ui.horizontal(|ui| {
                    export = ui
                        .add_enabled(!none, egui::Button::new(tr(lang, R::ExportButton)))
                        .clicked();
                    cancel = ui.button(tr(lang, R::Cancel)).clicked();
                });
            });
        if export {
            let sections = self.sections();
            let input = ScenarioReportInput {
                scenario: &doc.scenario,
                lang,
                today,
                sections: &sections,
                renderer: &Offscreen,
            };
            match render(&input, self.format) {
                Ok(text) => out.push(Command::Export(ExportFile {
                    file_name: format!(
                        "{}-report.{}",
                        doc.title_slug().unwrap_or_else(|| "scenario".to_owned()),
                        self.format.extension()
                    ),
                    bytes: text.into_bytes(),
                })),
                // Serialising plain numbers cannot fail short of a bug; say so, write nothing.
                Err(e) => {
                    log::error!("report: {e}");
                    out.push(Command::Notify {
                        key: Key::MsgExportFailed,
                        args: Vec::new(),
                    });
                }
            }
        }
        self.open = open && !export && !cancel;
    }
}
