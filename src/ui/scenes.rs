//! View ▸ Scenes: the lesson scenes of the open scenario, as a side panel. Each structural
//! edit is one `Command::Edit` of the scene list (one undo step); taking the current view
//! and going to a scene need the other pages' view state, so the app does those.

use egui::RichText;

use super::commands::Command;
use crate::i18n::scenes::SceneKey as K;
use crate::i18n::tr;
use crate::model::scene::{self, Scene};
use crate::model::{Language, Part};

/// A scene whose title and note are being typed.
#[derive(Clone, Debug, PartialEq)]
struct Renaming {
    index: usize,
    title: String,
    note: String,
}

/// View state of the Scenes panel (not saved).
#[derive(Default)]
pub struct ScenesPanel {
    renaming: Option<Renaming>,
}

impl ScenesPanel {
    /// Draws the list with its buttons; `current` is the scene shown last.
    pub fn ui(
        &mut self,
        ui: &mut egui::Ui,
        lang: Language,
        scenes: &[Scene],
        current: Option<usize>,
        out: &mut Vec<Command>,
    ) {
        ui.add_space(4.0);
        ui.heading(tr(lang, K::Title));
        ui.weak(tr(lang, K::Intro));
        ui.add_space(4.0);
        if ui
            .button(tr(lang, K::Add))
            .on_hover_text(tr(lang, K::AddHint))
            .clicked()
        {
            out.push(Command::AddScene);
        }
        ui.separator();
        if scenes.is_empty() {
            ui.label(tr(lang, K::NoScenes));
            return;
        }
        if self.renaming.as_ref().is_some_and(|r| r.index >= scenes.len()) {
            self.renaming = None;
        }
        egui::ScrollArea::vertical()
            .id_salt("scenes_list")
            .auto_shrink([false, true])
            .show(ui, |ui| {
                for index in 0..scenes.len() {
                    ui.push_id(index, |ui| self.row_ui(ui, lang, scenes, index, current, out));
                    ui.separator();
                }
            });
    }

    fn row_ui(
        &mut self,
        ui: &mut egui::Ui,
        lang: Language,
        scenes: &[Scene],
        index: usize,
        current: Option<usize>,
        out: &mut Vec<Command>,
    ) {
        let Some(scene) = scenes.get(index) else {
            return;
        };
        if let Some(renaming) = self.renaming.as_mut().filter(|r| r.index == index) {
            let label = ui.label(tr(lang, K::SceneTitle));
            let title = ui
                .add(egui::TextEdit::singleline(&mut renaming.title).desired_width(f32::INFINITY))
                .labelled_by(label.id);
            let label = ui.label(tr(lang, K::SpeakerNote));
            ui.add(
                egui::TextEdit::multiline(&mut renaming.note)
                    .desired_rows(3)
                    .desired_width(f32::INFINITY),
            )
            .labelled_by(label.id);
            let enter = title.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
            if ui.button(tr(lang, K::Done)).clicked() || enter {
                let renamed = scene::renamed(scenes, index, renaming.title.trim())
                    .and_then(|next| scene::noted(&next, index, &renaming.note));
                if let Some(next) = renamed {
                    out.push(Command::Edit {
                        part: Part::Scenes(next),
                        gesture: None,
                    });
                }
                self.renaming = None;
            }
            return;
        }
        let number = format!("{}.", index + 1);
        let title = RichText::new(format!("{number} {}", scene.title)).strong();
        let selected = current == Some(index);
        if ui
            .add(egui::Button::selectable(selected, title))
            .on_hover_text(tr(lang, K::GoToHint))
            .clicked()
        {
            out.push(Command::GoToScene(index));
        }
        if !scene.note.is_empty() {
            ui.weak(&scene.note);
        }
        ui.horizontal_wrapped(|ui| {
            if ui
                .small_button(tr(lang, K::GoTo))
                .on_hover_text(tr(lang, K::GoToHint))
                .clicked()
            {
                out.push(Command::GoToScene(index));
            }
            if ui
                .small_button(tr(lang, K::Update))
                .on_hover_text(tr(lang, K::UpdateHint))
                .clicked()
            {
                out.push(Command::UpdateScene(index));
            }
            if ui.small_button(tr(lang, K::Rename)).clicked() {
                self.renaming = Some(Renaming {
                    index,
                    title: scene.title.clone(),
                    note: scene.note.clone(),
                });
            }
            let edit = |next: Option<Vec<Scene>>, out: &mut Vec<Command>| {
                if let Some(next) = next {
                    out.push(Command::Edit {
                        part: Part::Scenes(next),
                        gesture: None,
                    });
                }
            };
            if ui
                .add_enabled(index > 0, egui::Button::new(tr(lang, K::MoveUp)).small())
                .clicked()
            {
                edit(scene::moved(scenes, index, true), out);
            }
            if ui
                .add_enabled(
                    index + 1 < scenes.len(),
                    egui::Button::new(tr(lang, K::MoveDown)).small(),
                )
                .clicked()
            {
                edit(scene::moved(scenes, index, false), out);
            }
            if ui.small_button(tr(lang, K::Delete)).clicked() {
                edit(scene::removed(scenes, index), out);
            }
        });
    }
}
