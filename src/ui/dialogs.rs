//! Modal questions and tool windows: unsaved changes, typed paths, properties, warnings.

use std::path::PathBuf;

use egui::{Context, Id};

use super::app::{PathPrompt, PromptPurpose};
use super::commands::Command;
use super::document::Document;
use super::widgets::Gesture;
use crate::i18n::{Key, tr, trf, warning_text};
use crate::model::{Language, Part};

/// The answer to "save changes first?".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UnsavedAnswer {
    Save,
    Discard,
    Cancel,
}

/// Asks Save / Discard / Cancel. Returns `None` while the user has not answered.
pub fn confirm_unsaved(ctx: &Context, lang: Language, name: &str) -> Option<UnsavedAnswer> {
    let mut answer = None;
    let modal = egui::Modal::new(Id::unique("unsaved_changes")).show(ctx, |ui| {
        ui.set_max_width(420.0);
        ui.heading(tr(lang, Key::UnsavedTitle));
        ui.add_space(4.0);
        ui.label(trf(lang, Key::UnsavedQuestion, &[("name", &name)]));
        ui.weak(tr(lang, Key::UnsavedExplain));
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            if ui.button(tr(lang, Key::ButtonSave)).clicked() {
                answer = Some(UnsavedAnswer::Save);
            }
            if ui.button(tr(lang, Key::ButtonDiscard)).clicked() {
                answer = Some(UnsavedAnswer::Discard);
            }
            if ui.button(tr(lang, Key::ButtonCancel)).clicked() {
                answer = Some(UnsavedAnswer::Cancel);
            }
        });
    });
    if modal.should_close() && answer.is_none() {
        answer = Some(UnsavedAnswer::Cancel);
    }
    answer
}

/// The result of a typed-path prompt this frame.
pub enum PromptAnswer {
    Pending,
    Cancel,
    Ok(PathBuf),
}

/// Asks for a file path, for systems with no file dialog.
pub fn path_prompt(ctx: &Context, lang: Language, prompt: &mut PathPrompt) -> PromptAnswer {
    let mut answer = PromptAnswer::Pending;
    let title = match prompt.purpose {
        PromptPurpose::Open => Key::PathOpenTitle,
        PromptPurpose::SaveAs { .. } => Key::PathSaveTitle,
        PromptPurpose::Export(_) => Key::PathExportTitle,
        PromptPurpose::Compare => Key::PathCompareTitle,
        PromptPurpose::SaveWhatIf(_) => Key::PathWhatIfTitle,
    };
    let modal = egui::Modal::new(Id::unique("path_prompt")).show(ctx, |ui| {
        ui.set_min_width(460.0);
        ui.heading(tr(lang, title));
        ui.weak(tr(lang, Key::PathNoDialog));
        ui.add_space(6.0);
        let label = ui.label(tr(lang, Key::PathPrompt));
        let edit = ui.add(
            egui::TextEdit::singleline(&mut prompt.text)
                .desired_width(f32::INFINITY)
                .hint_text(prompt.folder.join("scenario.ron").display().to_string()),
        );
        let edit = edit.labelled_by(label.id);
        if !edit.has_focus() && prompt.text.is_empty() {
            edit.request_focus();
        }
        ui.weak(trf(
            lang,
            Key::PathFolderHint,
            &[("dir", &prompt.folder.display())],
        ));
        let entered = edit.lost_focus() && ui.input(|i| super::shortcuts::CONFIRM_FIELD.pressed(i));
        ui.add_space(6.0);
        ui.horizontal(|ui| {
            let ok = ui.add_enabled(
                !prompt.text.trim().is_empty(),
                egui::Button::new(tr(lang, Key::ButtonOk)),
            );
            if (ok.clicked() || entered) && !prompt.text.trim().is_empty() {
                answer = PromptAnswer::Ok(super::folders::resolve(&prompt.text, &prompt.folder));
            }
            if ui.button(tr(lang, Key::ButtonCancel)).clicked() {
                answer = PromptAnswer::Cancel;
            }
        });
    });
    if modal.should_close() && matches!(answer, PromptAnswer::Pending) {
        answer = PromptAnswer::Cancel;
    }
    answer
}

/// Scenario metadata and settings, each change an undoable edit.
pub fn properties_window(
    ctx: &Context,
    lang: Language,
    doc: &Document,
    open: &mut bool,
    out: &mut Vec<Command>,
) {
    let title = tr(lang, Key::MenuProperties).trim_end_matches('…').to_owned();
    egui::Window::new(title)
        .id(Id::unique("properties_window"))
        .open(open)
        // Below the menu bar and beside the navigation, never over them.
        .default_pos(egui::pos2(240.0, 90.0))
        .default_width(420.0)
        // The dispute settings make the window taller than a small screen: it scrolls.
        .vscroll(true)
        .max_height((ctx.content_rect().height() - 120.0).max(200.0))
        .show(ctx, |ui| {
            let meta = &doc.scenario.metadata;
            ui.strong(tr(lang, Key::PropGeneral));
            egui::Grid::new("properties_meta")
                .num_columns(2)
                .spacing([12.0, 6.0])
                .show(ui, |ui| {
                    for (key, field) in [(Key::PropTitle, 0), (Key::PropAuthor, 1)] {
                        let label = ui.label(tr(lang, key));
                        let mut value = if field == 0 {
                            meta.title.clone()
                        } else {
                            meta.author.clone()
                        };
                        let response = ui
                            .add(egui::TextEdit::singleline(&mut value).desired_width(280.0))
                            .labelled_by(label.id);
                        let mut gesture = Gesture::default();
                        if gesture.continuous(&response) {
                            let mut next = meta.clone();
                            if field == 0 {
                                next.title = value;
                            } else {
                                next.author = value;
                            }
                            out.push(gesture.edit(Part::Metadata(next)));
                        }
                        ui.end_row();
                    }
                    let label = ui.label(tr(lang, Key::PropDescription));
                    let mut value = meta.description.clone();
                    let response = ui
                        .add(
                            egui::TextEdit::multiline(&mut value)
                                .desired_width(280.0)
                                .desired_rows(3),
                        )
                        .labelled_by(label.id);
                    let mut gesture = Gesture::default();
                    if gesture.continuous(&response) {
                        let mut next = meta.clone();
                        next.description = value;
                        out.push(gesture.edit(Part::Metadata(next)));
                    }
                    ui.end_row();
                    for (key, date) in [
                        (Key::PropCreated, meta.created),
                        (Key::PropModified, meta.modified),
                    ] {
                        ui.label(tr(lang, key));
                        ui.label(date.map_or_else(|| "—".to_owned(), |d| d.to_string()));
                        ui.end_row();
                    }
                });
            ui.separator();
            let settings = &doc.scenario.settings;
            egui::Grid::new("properties_currency")
                .num_columns(2)
                .spacing([12.0, 6.0])
                .show(ui, |ui| {
                    for (key, is_code) in [(Key::PropCurrency, true), (Key::PropCurrencySymbol, false)] {
                        let label = ui.label(tr(lang, key));
                        let mut value = if is_code {
                            settings.currency.clone()
                        } else {
                            settings.currency_symbol.clone()
                        };
                        let response = ui
                            .add(
                                egui::TextEdit::singleline(&mut value)
                                    .desired_width(80.0)
                                    .char_limit(8),
                            )
                            .labelled_by(label.id);
                        let mut gesture = Gesture::default();
                        if gesture.continuous(&response) {
                            let mut next = settings.clone();
                            if is_code {
                                next.currency = value;
                            } else {
                                next.currency_symbol = value;
                            }
                            out.push(gesture.edit(Part::Settings(next)));
                        }
                        ui.end_row();
                    }
                });
            ui.separator();
            ui.strong(tr(lang, Key::PropSegmentation));
            egui::Grid::new("properties_thresholds")
                .num_columns(2)
                .spacing([12.0, 6.0])
                .show(ui, |ui| {
                    let label = ui.label(tr(lang, Key::PropAThreshold));
                    let mut a = settings.a_threshold_pct;
                    let response = ui
                        .add(
                            egui::Slider::new(&mut a, 1.0..=100.0)
                                .suffix(" %")
                                .fixed_decimals(0),
                        )
                        .labelled_by(label.id);
                    let mut gesture = Gesture::default();
                    if gesture.continuous(&response) {
                        let mut next = settings.clone();
                        next.set_a_threshold(a);
                        out.push(gesture.edit(Part::Settings(next)));
                    }
                    ui.end_row();
                    let label = ui.label(tr(lang, Key::PropBThreshold));
                    let mut b = settings.b_threshold_pct;
                    let response = ui
                        .add(
                            egui::Slider::new(&mut b, 1.0..=100.0)
                                .suffix(" %")
                                .fixed_decimals(0),
                        )
                        .labelled_by(label.id);
                    let mut gesture = Gesture::default();
                    if gesture.continuous(&response) {
                        let mut next = settings.clone();
                        next.set_b_threshold(b);
                        out.push(gesture.edit(Part::Settings(next)));
                    }
                    ui.end_row();
                    let label = ui.label(tr(lang, Key::PropGrowthThreshold));
                    let mut g = settings.growth_threshold;
                    let response = ui.add(egui::Slider::new(&mut g, 1..=5)).labelled_by(label.id);
                    let mut gesture = Gesture::default();
                    if gesture.continuous(&response) {
                        let mut next = settings.clone();
                        next.growth_threshold = g;
                        out.push(gesture.edit(Part::Settings(next)));
                    }
                    ui.end_row();
                });
            ui.separator();
            super::dispute_settings::dispute_settings_ui(ui, lang, settings, out);
        });
}

/// The list of validation warnings, with file positions while the file is as loaded.
pub fn warnings_window(ctx: &Context, lang: Language, doc: &Document, open: &mut bool) {
    egui::Window::new(tr(lang, Key::WarningsTitle))
        .id(Id::unique("warnings_window"))
        .open(open)
        .default_pos(egui::pos2(240.0, 90.0))
        .default_width(520.0)
        .show(ctx, |ui| {
            if doc.warnings().is_empty() {
                ui.label(tr(lang, Key::WarningsNone));
                return;
            }
            egui::ScrollArea::vertical().max_height(360.0).show(ui, |ui| {
                for w in doc.warnings() {
                    let text = warning_text(lang, &w.warning);
                    match w.at {
                        Some((line, col)) => ui.label(format!("{line}:{col}  {text}")),
                        None => ui.label(text),
                    };
                }
            });
        });
}

/// The answer to "recover unsaved work?".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RecoverAnswer {
    Restore,
    /// Restore, then open the comparison with the saved file, to see what the copy changed.
    RestoreAndCompare,
    OpenSaved,
    Discard,
    /// Closed without choosing: the copy stays for the next start.
    Later,
}

/// Offers a recovery copy: when it was taken and what it holds against the saved file.
pub fn recover_offer(ctx: &Context, lang: Language, offer: &super::safety::Offer) -> Option<RecoverAnswer> {
    use crate::store::recovery::CopyKind;
    let mut answer = None;
    let info = &offer.copy.info;
    let name = info.original.as_ref().and_then(|p| p.file_name()).map_or_else(
        || tr(lang, Key::Untitled).to_owned(),
        |n| n.to_string_lossy().into_owned(),
    );
    let time = chrono::DateTime::from_timestamp(i64::try_from(info.taken_unix_secs).unwrap_or(0), 0)
        .map(|t| {
            t.with_timezone(&chrono::Local)
                .format("%Y-%m-%d %H:%M:%S")
                .to_string()
        })
        .unwrap_or_default();
    let counts = super::safety::Counts::of(&offer.loaded.scenario);
    let modal = egui::Modal::new(Id::unique(("recover", &offer.copy.id))).show(ctx, |ui| {
        ui.set_max_width(480.0);
        ui.heading(tr(lang, Key::RecoverTitle));
        ui.add_space(4.0);
        ui.label(trf(lang, Key::RecoverIntro, &[("name", &name), ("time", &time)]));
        if info.kind == CopyKind::Emergency {
            ui.label(tr(lang, Key::RecoverEmergency));
        }
        ui.add_space(4.0);
        let figures = |key, c: super::safety::Counts| {
            trf(
                lang,
                key,
                &[
                    ("customers", &c.customers),
                    ("steps", &c.steps_done),
                    ("disputes", &c.disputes),
                ],
            )
        };
        ui.label(figures(Key::RecoverCopyCounts, counts));
        match offer.saved {
            Some(saved) => ui.label(figures(Key::RecoverSavedCounts, saved)),
            None => ui.label(tr(lang, Key::RecoverNoSavedFile)),
        };
        ui.weak(tr(lang, Key::RecoverKeepHint));
        ui.add_space(8.0);
        ui.horizontal_wrapped(|ui| {
            if ui.button(tr(lang, Key::RecoverRestore)).clicked() {
                answer = Some(RecoverAnswer::Restore);
            }
            if offer.saved.is_some() && ui.button(tr(lang, Key::RecoverCompare)).clicked() {
                answer = Some(RecoverAnswer::RestoreAndCompare);
            }
            if offer.saved.is_some() && ui.button(tr(lang, Key::RecoverOpenSaved)).clicked() {
                answer = Some(RecoverAnswer::OpenSaved);
            }
            if ui.button(tr(lang, Key::RecoverDiscard)).clicked() {
                answer = Some(RecoverAnswer::Discard);
            }
        });
    });
    if modal.should_close() && answer.is_none() {
        answer = Some(RecoverAnswer::Later);
    }
    answer
}

/// The answer to "the file changed on disk".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ConflictAnswer {
    Overwrite,
    SaveAs,
    Reload,
    Cancel,
}

/// Asks before a save would overwrite what another program wrote.
pub fn confirm_conflict(ctx: &Context, lang: Language, path: &std::path::Path) -> Option<ConflictAnswer> {
    let mut answer = None;
    let modal = egui::Modal::new(Id::unique("file_changed_on_disk")).show(ctx, |ui| {
        ui.set_max_width(480.0);
        ui.heading(tr(lang, Key::ConflictTitle));
        ui.add_space(4.0);
        ui.label(trf(lang, Key::ConflictText, &[("path", &path.display())]));
        ui.add_space(8.0);
        ui.horizontal_wrapped(|ui| {
            for (key, value) in [
                (Key::ConflictOverwrite, ConflictAnswer::Overwrite),
                (Key::ConflictSaveAs, ConflictAnswer::SaveAs),
                (Key::ConflictReload, ConflictAnswer::Reload),
                (Key::ButtonCancel, ConflictAnswer::Cancel),
            ] {
                if ui.button(tr(lang, key)).clicked() {
                    answer = Some(value);
                }
            }
        });
    });
    if modal.should_close() && answer.is_none() {
        answer = Some(ConflictAnswer::Cancel);
    }
    answer
}

/// The answer to "already open elsewhere".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LockAnswer {
    ReadOnly,
    Anyway,
    Cancel,
}

/// Warns that another instance has the file open.
pub fn confirm_locked(ctx: &Context, lang: Language, path: &std::path::Path, pid: u32) -> Option<LockAnswer> {
    let mut answer = None;
    let modal = egui::Modal::new(Id::unique("open_elsewhere")).show(ctx, |ui| {
        ui.set_max_width(480.0);
        ui.heading(tr(lang, Key::LockTitle));
        ui.add_space(4.0);
        ui.label(trf(
            lang,
            Key::LockText,
            &[("path", &path.display()), ("pid", &pid)],
        ));
        ui.add_space(8.0);
        ui.horizontal_wrapped(|ui| {
            for (key, value) in [
                (Key::LockReadOnly, LockAnswer::ReadOnly),
                (Key::LockAnyway, LockAnswer::Anyway),
                (Key::ButtonCancel, LockAnswer::Cancel),
            ] {
                if ui.button(tr(lang, key)).clicked() {
                    answer = Some(value);
                }
            }
        });
    });
    if modal.should_close() && answer.is_none() {
        answer = Some(LockAnswer::Cancel);
    }
    answer
}
