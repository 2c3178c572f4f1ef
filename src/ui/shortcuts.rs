//! Every keyboard shortcut of the app, in one table.
//!
//! The key handlers read their keys from here and Help ▸ Keyboard shortcuts… lists this same
//! table, so what the window says and what the keys do cannot drift apart.

use egui::{Key, KeyboardShortcut, Modifiers};

use crate::i18n::help::HelpKey;

/// What a shortcut does.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Action {
    New,
    Open,
    Save,
    SaveAs,
    Undo,
    Redo,
    ZoomIn,
    ZoomOut,
    ZoomReset,
    /// Escape on the Customers page: clear the selection (closing the detail panel).
    ClearSelection,
    /// Delete on the Customers page: remove the selected customers.
    DeleteCustomers,
    /// Escape in a cell of the Customers table: put the customer's value back.
    CancelCellEdit,
    /// Enter in a dialog's path or file field.
    ConfirmField,
    /// The arrow keys on a focused what-if slider.
    SliderStep,
    /// Escape while the tour shows.
    SkipTour,
}

/// Where a shortcut applies; the shortcut window groups by it, in this order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Place {
    /// Anywhere in the app.
    Everywhere,
    /// The Customers page, when no text field is being typed into.
    CustomersPage,
    /// A cell of the Customers table being edited.
    CustomersCell,
    /// The what-if sliders on the Charts page.
    WhatIf,
    /// Dialogs that ask for a path or a file.
    Dialogs,
    /// The first-run tour.
    Tour,
}

impl Place {
    /// Every place, in the order the shortcut window lists them.
    pub const ALL: [Self; 6] = [
        Self::Everywhere,
        Self::CustomersPage,
        Self::CustomersCell,
        Self::WhatIf,
        Self::Dialogs,
        Self::Tour,
    ];

    /// The heading of this group in the shortcut window.
    #[must_use]
    pub fn text(self) -> HelpKey {
        match self {
            Self::Everywhere => HelpKey::PlaceEverywhere,
            Self::CustomersPage => HelpKey::PlaceCustomersPage,
            Self::CustomersCell => HelpKey::PlaceCustomersCell,
            Self::WhatIf => HelpKey::PlaceWhatIf,
            Self::Dialogs => HelpKey::PlaceDialogs,
            Self::Tour => HelpKey::PlaceTour,
        }
    }
}

/// One row of the table: the keys, where they apply and what they do.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Shortcut {
    /// What the key does.
    pub action: Action,
    /// The key the menus show.
    pub key: KeyboardShortcut,
    /// A second key for the same action (Ctrl+Shift+Z for redo, → beside ←).
    pub alt: Option<KeyboardShortcut>,
    /// Where the key applies.
    pub place: Place,
    /// The description in the shortcut window.
    pub text: HelpKey,
}

impl Shortcut {
    const fn new(action: Action, key: KeyboardShortcut, place: Place, text: HelpKey) -> Self {
        Self {
            action,
            key,
            alt: None,
            place,
            text,
        }
    }

    const fn or(self, alt: KeyboardShortcut) -> Self {
        Self {
            alt: Some(alt),
            ..self
        }
    }

    /// Takes the key press out of `input` when it matches (the key or its alternative), so no
    /// widget sees it too.
    pub fn consume(&self, input: &mut egui::InputState) -> bool {
        input.consume_shortcut(&self.key) || self.alt.is_some_and(|alt| input.consume_shortcut(&alt))
    }

    /// Whether the key was pressed this frame, leaving it for others. A plain key (no
    /// modifiers) counts whatever modifiers are held, as egui's own `key_pressed` does.
    #[must_use]
    pub fn pressed(&self, input: &egui::InputState) -> bool {
        let hit = |k: KeyboardShortcut| {
            input.key_pressed(k.logical_key)
                && (k.modifiers.is_none() || input.modifiers.matches_logically(k.modifiers))
        };
        hit(self.key) || self.alt.is_some_and(hit)
    }

    /// The keys as the platform writes them ("Ctrl+S", "⌘S"), the alternative after a slash.
    #[must_use]
    pub fn keys_text(&self, ctx: &egui::Context) -> String {
        let main = ctx.format_shortcut(&self.key);
        match self.alt {
            Some(alt) => format!("{main} / {}", ctx.format_shortcut(&alt)),
            None => main,
        }
    }
}

const fn plain(key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(Modifiers::NONE, key)
}

const fn command(key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(Modifiers::COMMAND, key)
}

const fn command_shift(key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(Modifiers::COMMAND.plus(Modifiers::SHIFT), key)
}

/// File ▸ New.
pub const NEW: Shortcut = Shortcut::new(Action::New, command(Key::N), Place::Everywhere, HelpKey::DoNew);
/// File ▸ Open….
pub const OPEN: Shortcut = Shortcut::new(Action::Open, command(Key::O), Place::Everywhere, HelpKey::DoOpen);
/// File ▸ Save.
pub const SAVE: Shortcut = Shortcut::new(Action::Save, command(Key::S), Place::Everywhere, HelpKey::DoSave);
/// File ▸ Save as….
pub const SAVE_AS: Shortcut = Shortcut::new(
    Action::SaveAs,
    command_shift(Key::S),
    Place::Everywhere,
    HelpKey::DoSaveAs,
);
/// Edit ▸ Undo.
pub const UNDO: Shortcut = Shortcut::new(Action::Undo, command(Key::Z), Place::Everywhere, HelpKey::DoUndo);
/// Edit ▸ Redo, also Ctrl+Shift+Z.
pub const REDO: Shortcut = Shortcut::new(Action::Redo, command(Key::Y), Place::Everywhere, HelpKey::DoRedo)
    .or(command_shift(Key::Z));
/// View ▸ Zoom in. egui handles the zoom keys itself; these are its own constants.
pub const ZOOM_IN: Shortcut = Shortcut::new(
    Action::ZoomIn,
    egui::gui_zoom::kb_shortcuts::ZOOM_IN,
    Place::Everywhere,
    HelpKey::DoZoomIn,
)
.or(egui::gui_zoom::kb_shortcuts::ZOOM_IN_SECONDARY);
/// View ▸ Zoom out.
pub const ZOOM_OUT: Shortcut = Shortcut::new(
    Action::ZoomOut,
    egui::gui_zoom::kb_shortcuts::ZOOM_OUT,
    Place::Everywhere,
    HelpKey::DoZoomOut,
);
/// View ▸ Reset zoom.
pub const ZOOM_RESET: Shortcut = Shortcut::new(
    Action::ZoomReset,
    egui::gui_zoom::kb_shortcuts::ZOOM_RESET,
    Place::Everywhere,
    HelpKey::DoZoomReset,
);
/// Escape on the Customers page.
pub const CLEAR_SELECTION: Shortcut = Shortcut::new(
    Action::ClearSelection,
    plain(Key::Escape),
    Place::CustomersPage,
    HelpKey::DoClearSelection,
);
/// Delete on the Customers page.
pub const DELETE_CUSTOMERS: Shortcut = Shortcut::new(
    Action::DeleteCustomers,
    plain(Key::Delete),
    Place::CustomersPage,
    HelpKey::DoDeleteCustomers,
);
/// Escape in a table cell.
pub const CANCEL_CELL_EDIT: Shortcut = Shortcut::new(
    Action::CancelCellEdit,
    plain(Key::Escape),
    Place::CustomersCell,
    HelpKey::DoCancelCellEdit,
);
/// Enter in a dialog's path field.
pub const CONFIRM_FIELD: Shortcut = Shortcut::new(
    Action::ConfirmField,
    plain(Key::Enter),
    Place::Dialogs,
    HelpKey::DoConfirmField,
);
/// ← and → on a focused what-if slider. egui's slider moves itself one step on these keys
/// (the sliders are built with `step_by(1.0)`); the row tells users it is there.
pub const SLIDER_STEP: Shortcut = Shortcut::new(
    Action::SliderStep,
    plain(Key::ArrowLeft),
    Place::WhatIf,
    HelpKey::DoSliderStep,
)
.or(plain(Key::ArrowRight));
/// Escape while the tour shows.
pub const SKIP_TOUR: Shortcut = Shortcut::new(
    Action::SkipTour,
    plain(Key::Escape),
    Place::Tour,
    HelpKey::DoSkipTour,
);

/// Every shortcut, in the order the shortcut window lists them within each place.
pub const SHORTCUTS: &[Shortcut] = &[
    NEW,
    OPEN,
    SAVE,
    SAVE_AS,
    UNDO,
    REDO,
    ZOOM_IN,
    ZOOM_OUT,
    ZOOM_RESET,
    CLEAR_SELECTION,
    DELETE_CUSTOMERS,
    CANCEL_CELL_EDIT,
    CONFIRM_FIELD,
    SLIDER_STEP,
    SKIP_TOUR,
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{Texts as _, tr};
    use crate::model::Language;

    /// The constant for each action; the exhaustive match makes a new action name its row.
    fn row(action: Action) -> Shortcut {
        match action {
            Action::New => NEW,
            Action::Open => OPEN,
            Action::Save => SAVE,
            Action::SaveAs => SAVE_AS,
            Action::Undo => UNDO,
            Action::Redo => REDO,
            Action::ZoomIn => ZOOM_IN,
            Action::ZoomOut => ZOOM_OUT,
            Action::ZoomReset => ZOOM_RESET,
            Action::ClearSelection => CLEAR_SELECTION,
            Action::DeleteCustomers => DELETE_CUSTOMERS,
            Action::CancelCellEdit => CANCEL_CELL_EDIT,
            Action::ConfirmField => CONFIRM_FIELD,
            Action::SliderStep => SLIDER_STEP,
            Action::SkipTour => SKIP_TOUR,
        }
    }

    #[test]
    fn every_action_has_one_row_in_the_table() {
        for entry in SHORTCUTS {
            assert_eq!(row(entry.action), *entry, "{:?}", entry.action);
            let same = SHORTCUTS.iter().filter(|s| s.action == entry.action).count();
            assert_eq!(same, 1, "{:?} is listed {same} times", entry.action);
        }
        // The count of `Action` variants: `row` above names each one.
        assert_eq!(SHORTCUTS.len(), 15);
    }

    #[test]
    fn every_row_and_place_has_text_in_all_three_languages() {
        for lang in Language::ALL {
            for entry in SHORTCUTS {
                assert!(
                    !tr(lang, entry.text).trim().is_empty(),
                    "{:?} in {lang:?}",
                    entry.action
                );
            }
            for place in Place::ALL {
                assert!(!tr(lang, place.text()).trim().is_empty(), "{place:?} in {lang:?}");
            }
        }
        for entry in SHORTCUTS {
            let [english, traditional, simplified] = entry.text.texts();
            assert!(
                traditional != english && simplified != english,
                "{:?} is not translated",
                entry.action
            );
        }
    }

    #[test]
    fn no_two_global_shortcuts_share_a_key() {
        let global: Vec<KeyboardShortcut> = SHORTCUTS
            .iter()
            .filter(|s| s.place == Place::Everywhere)
            .flat_map(|s| std::iter::once(s.key).chain(s.alt))
            .collect();
        for (i, key) in global.iter().enumerate() {
            assert!(!global[i + 1..].contains(key), "{key:?} is used twice");
        }
    }

    #[test]
    fn keys_read_as_the_platform_writes_them() {
        let ctx = egui::Context::default();
        ctx.set_os(egui::os::OperatingSystem::Nix);
        assert_eq!(SAVE.keys_text(&ctx), "Ctrl+S");
        assert_eq!(REDO.keys_text(&ctx), "Ctrl+Y / Ctrl+Shift+Z");
    }
}
