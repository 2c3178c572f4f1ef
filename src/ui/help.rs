//! The Help menu's windows: the keyboard shortcuts (drawn from [`super::shortcuts::SHORTCUTS`]),
//! the user guide, one topic per page, and About with the licences.

use egui::{Context, Id, RichText};

use super::shortcuts::{Place, SHORTCUTS};
use crate::i18n::help::HelpKey as H;
use crate::i18n::{Key, tr, trf};
use crate::model::Language;

/// The SIL Open Font License of the bundled Noto Sans CJK, shown in full in About.
const NOTO_LICENCE: &str = include_str!("../../assets/fonts/LICENSE-NotoSansCJK.txt");

/// The main libraries the app is built on, with their licences (from their Cargo.toml).
const LIBRARIES: [(&str, &str); 12] = [
    ("egui, eframe, egui_extras", "MIT OR Apache-2.0"),
    ("egui_plot", "MIT OR Apache-2.0"),
    ("serde, ron", "MIT OR Apache-2.0"),
    ("chrono", "MIT OR Apache-2.0"),
    ("rfd", "MIT"),
    ("calamine", "MIT"),
    ("rust_xlsxwriter", "MIT OR Apache-2.0"),
    ("csv", "Unlicense OR MIT"),
    ("encoding_rs", "(Apache-2.0 OR MIT) AND BSD-3-Clause"),
    ("linfa, linfa-clustering", "MIT OR Apache-2.0"),
    ("icalendar", "MIT OR Apache-2.0"),
    ("clap", "MIT OR Apache-2.0"),
];

/// A page of the user guide.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GuideTopic {
    Customers,
    Charts,
    Planner,
    Disputes,
    Compare,
}

impl GuideTopic {
    /// Every topic, in the order of the menu and the window's tabs.
    pub const ALL: [Self; 5] = [
        Self::Customers,
        Self::Charts,
        Self::Planner,
        Self::Disputes,
        Self::Compare,
    ];

    /// The topic's name, "Customers page": the page's name alone would read like the
    /// navigation button of the same name.
    #[must_use]
    pub fn name(self, lang: Language) -> &'static str {
        let key = match self {
            Self::Customers => H::TopicCustomers,
            Self::Charts => H::TopicCharts,
            Self::Planner => H::TopicPlanner,
            Self::Disputes => H::TopicDisputes,
            Self::Compare => H::TopicCompare,
        };
        tr(lang, key)
    }

    /// The topic's paragraphs.
    #[must_use]
    pub fn paragraphs(self) -> &'static [H] {
        match self {
            Self::Customers => &[
                H::GuideCustomers1,
                H::GuideCustomers2,
                H::GuideCustomers3,
                H::GuideCustomers4,
            ],
            Self::Charts => &[H::GuideCharts1, H::GuideCharts2, H::GuideCharts3],
            Self::Planner => &[H::GuidePlanner1, H::GuidePlanner2, H::GuidePlanner3],
            Self::Disputes => &[H::GuideDisputes1, H::GuideDisputes2, H::GuideDisputes3],
            Self::Compare => &[H::GuideCompare1, H::GuideCompare2, H::GuideCompare3],
        }
    }
}

/// Which Help window to open.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HelpTopic {
    Shortcuts,
    Guide(GuideTopic),
    About,
}

/// The Help windows that are open.
#[derive(Debug, Default)]
pub struct HelpWindows {
    shortcuts: bool,
    /// The user guide, on this topic.
    guide: Option<GuideTopic>,
    about: bool,
}

impl HelpWindows {
    /// Opens (or brings up) the window of `topic`.
    pub fn open(&mut self, topic: HelpTopic) {
        match topic {
            HelpTopic::Shortcuts => self.shortcuts = true,
            HelpTopic::Guide(page) => self.guide = Some(page),
            HelpTopic::About => self.about = true,
        }
    }

    /// Draws the open windows.
    pub fn ui(&mut self, ctx: &Context, lang: Language) {
        if self.shortcuts {
            shortcuts_window(ctx, lang, &mut self.shortcuts);
        }
        if let Some(topic) = &mut self.guide {
            let mut open = true;
            guide_window(ctx, lang, topic, &mut open);
            if !open {
                self.guide = None;
            }
        }
        if self.about {
            about_window(ctx, lang, &mut self.about);
        }
    }
}

/// Help ▸ Keyboard shortcuts…: the table, grouped by where each key applies.
fn shortcuts_window(ctx: &Context, lang: Language, open: &mut bool) {
    egui::Window::new(tr(lang, H::ShortcutsTitle))
        .id(Id::unique("help_shortcuts_window"))
        .open(open)
        .default_pos(egui::pos2(200.0, 80.0))
        .default_width(460.0)
        .default_height(ctx.content_rect().height() * 0.8)
        .show(ctx, |ui| {
            ui.label(tr(lang, H::ShortcutsIntro));
            let max_height = ui.ctx().content_rect().height() * 0.7;
            egui::ScrollArea::vertical()
                .max_height(max_height)
                .show(ui, |ui| {
                    // One grid, so that the columns line up across the groups.
                    egui::Grid::new("help_shortcuts")
                        .num_columns(2)
                        .spacing([16.0, 4.0])
                        .show(ui, |ui| {
                            for place in Place::ALL {
                                let mut rows = SHORTCUTS.iter().filter(|s| s.place == place).peekable();
                                if rows.peek().is_none() {
                                    continue;
                                }
                                if place != Place::Everywhere {
                                    // A blank row between groups: a grid has no add_space.
                                    ui.label("");
                                    ui.end_row();
                                }
                                ui.strong(tr(lang, place.text()));
                                ui.end_row();
                                for shortcut in rows {
                                    ui.monospace(shortcut.keys_text(ui.ctx()));
                                    ui.label(tr(lang, shortcut.text));
                                    ui.end_row();
                                }
                            }
                            // The presenter's keys, from the table its key handler reads.
                            ui.label("");
                            ui.end_row();
                            ui.strong(tr(lang, H::PlacePresenter));
                            ui.end_row();
                            for entry in super::presenter::PRESENTER_KEYS {
                                ui.monospace(presenter_keys_text(entry.keys));
                                ui.label(tr(lang, entry.description));
                                ui.end_row();
                            }
                        });
                });
        });
}

/// A presenter row's keys: `→ / PageDown / Space`, or `1 – 9` for the number keys.
fn presenter_keys_text(keys: &[egui::Key]) -> String {
    match keys {
        [egui::Key::Num1, .., last] => format!("1 – {}", key_text(*last)),
        keys => keys.iter().map(|&k| key_text(k)).collect::<Vec<_>>().join(" / "),
    }
}

/// A key's name, with arrows the bundled fonts have (egui's own arrow symbols are not in them).
fn key_text(key: egui::Key) -> &'static str {
    match key {
        egui::Key::ArrowRight => "→",
        egui::Key::ArrowLeft => "←",
        egui::Key::ArrowUp => "↑",
        egui::Key::ArrowDown => "↓",
        other => other.name(),
    }
}

/// Help ▸ User guide ▸ a page: tabs for every topic, then the topic's paragraphs.
fn guide_window(ctx: &Context, lang: Language, topic: &mut GuideTopic, open: &mut bool) {
    egui::Window::new(tr(lang, H::GuideTitle))
        .id(Id::unique("help_guide_window"))
        .open(open)
        .default_pos(egui::pos2(220.0, 90.0))
        .default_width(520.0)
        .show(ctx, |ui| {
            ui.horizontal_wrapped(|ui| {
                for t in GuideTopic::ALL {
                    if ui.selectable_label(*topic == t, t.name(lang)).clicked() {
                        *topic = t;
                    }
                }
            });
            ui.separator();
            egui::ScrollArea::vertical()
                .max_height(ui.ctx().content_rect().height() * 0.6)
                .show(ui, |ui| {
                    ui.heading(topic.name(lang));
                    for &paragraph in topic.paragraphs() {
                        ui.add_space(4.0);
                        ui.label(tr(lang, paragraph));
                    }
                });
        });
}

/// Help ▸ About: version, licence, the libraries and the font licences, all in one scrolling
/// area so that nothing is cut off at a large zoom.
fn about_window(ctx: &Context, lang: Language, open: &mut bool) {
    egui::Window::new(tr(lang, H::AboutTitle))
        .id(Id::unique("help_about_window"))
        .open(open)
        .default_pos(egui::pos2(240.0, 70.0))
        .default_width(560.0)
        .default_height(ctx.content_rect().height() * 0.8)
        .show(ctx, |ui| {
            let max_height = ui.ctx().content_rect().height() * 0.75;
            egui::ScrollArea::vertical()
                .id_salt("help_about_scroll")
                .max_height(max_height)
                .show(ui, |ui| about_ui(ui, lang));
        });
}

fn about_ui(ui: &mut egui::Ui, lang: Language) {
    ui.heading(tr(lang, Key::AppName));
    ui.label(trf(
        lang,
        H::AboutVersion,
        &[("version", &env!("CARGO_PKG_VERSION"))],
    ));
    ui.label(tr(lang, H::AboutWhat));
    ui.label(tr(lang, H::AboutLicence));
    ui.add_space(6.0);
    ui.strong(tr(lang, H::AboutLibraries));
    egui::Grid::new("help_about_libraries")
        .num_columns(2)
        .striped(true)
        .show(ui, |ui| {
            ui.label(RichText::new(tr(lang, H::ColLibrary)).weak());
            ui.label(RichText::new(tr(lang, H::ColLicence)).weak());
            ui.end_row();
            for (name, licence) in LIBRARIES {
                ui.label(name);
                ui.label(licence);
                ui.end_row();
            }
        });
    ui.add_space(6.0);
    ui.strong(tr(lang, H::AboutFonts));
    ui.label(tr(lang, H::AboutEguiFonts));
    ui.label(tr(lang, H::AboutNoto));
    egui::Frame::group(ui.style()).show(ui, |ui| {
        ui.label(RichText::new(NOTO_LICENCE).monospace().size(11.0));
    });
}
