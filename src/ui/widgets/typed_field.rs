//! A text field for a typed value: it keeps what the user types, shows in red why the text is
//! not a value yet, and hands back a value only when the user commits one.

use std::borrow::Cow;

use egui::{Id, Key};

use crate::i18n::fields::problem_text;
use crate::model::Language;
use crate::model::field::{FieldKind, FieldProblem};
use crate::ui::theme;

/// A reason a typed text was refused, as a sentence in the user's language. Each kind's
/// refusal type says it its own way (the table's cells name duplicate ids, for one).
pub trait ProblemText {
    fn text(&self, lang: Language) -> String;
}

impl ProblemText for FieldProblem {
    fn text(&self, lang: Language) -> String {
        problem_text(lang, self)
    }
}

/// What a typed field did this frame.
pub struct FieldResponse<V> {
    pub response: egui::Response,
    /// The value the user committed this frame (Enter, Tab, a click elsewhere, a pick), when
    /// it differs from the current one. Retyping the current value commits nothing.
    pub committed: Option<V>,
    /// Why the text in the field is not a value, while it is not.
    pub problem: Option<String>,
    /// The value the text in the field reads as now, draft included: what a dialog's button
    /// acts on when it is clicked straight after typing.
    pub reads: Option<V>,
}

/// A single-line field for a value of kind `K`.
///
/// While the field has focus the text typed is a draft: the value does not change. Enter or
/// leaving the field commits the draft if it reads as a value; Escape drops it and shows the
/// current value again. A draft that does not read stays in red, its reason in a tooltip,
/// until it is corrected or dropped.
#[must_use = "call `show`"]
pub struct TypedField<'a, K: FieldKind + Clone> {
    pub(super) id: Id,
    /// Borrowed from the caller, or owned by a widget built on this one (the date field).
    pub(super) kind: Cow<'a, K>,
    pub(super) value: Cow<'a, K::Value>,
    label: Option<Id>,
    name: Option<&'a str>,
    width: f32,
    right_aligned: bool,
    monospace: bool,
    hint: Option<&'a str>,
}

impl<'a, K: FieldKind + Clone> TypedField<'a, K>
where
    K::Problem: ProblemText,
{
    /// A field with memory id `id` showing `value`.
    pub fn new(id: Id, kind: &'a K, value: &'a K::Value) -> Self {
        Self::with(id, Cow::Borrowed(kind), Cow::Borrowed(value))
    }

    pub(super) fn with(id: Id, kind: Cow<'a, K>, value: Cow<'a, K::Value>) -> Self {
        Self {
            id,
            kind,
            value,
            label: None,
            name: None,
            width: 140.0,
            right_aligned: false,
            monospace: false,
            hint: None,
        }
    }

    /// Named by the label widget `label`, for screen readers and tests.
    pub fn labelled_by(mut self, label: Id) -> Self {
        self.label = Some(label);
        self
    }

    /// Named `name` where no label widget stands beside it (a table cell).
    pub fn named(mut self, name: &'a str) -> Self {
        self.name = Some(name);
        self
    }

    /// The field's width in points (`f32::INFINITY`: all there is).
    pub fn width(mut self, width: f32) -> Self {
        self.width = width;
        self
    }

    /// Numbers line up on the right.
    pub fn right_aligned(mut self) -> Self {
        self.right_aligned = true;
        self
    }

    pub fn monospace(mut self) -> Self {
        self.monospace = true;
        self
    }

    /// Shown weak while the field is empty.
    pub fn hint(mut self, hint: &'a str) -> Self {
        self.hint = Some(hint);
        self
    }

    /// Drops what was typed into the field `id`, refused or not: it shows its value again. For
    /// an Escape the page handles after the field lost focus.
    pub fn discard(ctx: &egui::Context, id: Id) {
        ctx.data_mut(|d| d.remove::<String>(id));
    }

    pub fn show(self, ui: &mut egui::Ui, lang: Language) -> FieldResponse<K::Value> {
        let value: &K::Value = &self.value;
        let current = self.kind.format(value);
        let draft: Option<String> = ui.data(|d| d.get_temp(self.id));
        let mut text = draft.clone().unwrap_or_else(|| current.clone());
        let shown_problem = draft.as_ref().and_then(|t| self.kind.parse(t).err());

        let mut edit = egui::TextEdit::singleline(&mut text)
            .id(self.id)
            .desired_width(self.width);
        if self.right_aligned {
            edit = edit.align(egui::Align2::RIGHT_CENTER);
        }
        if self.monospace {
            edit = edit.font(egui::TextStyle::Monospace);
        }
        if let Some(hint) = self.hint {
            edit = edit.hint_text(hint);
        }
        if shown_problem.is_some() {
            edit = edit.text_color(theme::error_color(ui.visuals().dark_mode));
        }
        // Sized, not just desired: a grid cell offers only last frame's column width, which
        // would keep a field at its minimum for ever.
        let mut response = if self.width.is_finite() {
            ui.add_sized([self.width, ui.spacing().interact_size.y], edit)
        } else {
            ui.add(edit)
        };
        if let Some(label) = self.label {
            response = response.labelled_by(label);
        }
        if let Some(name) = self.name {
            response.widget_info(|| {
                let mut info = egui::WidgetInfo::text_edit(true, "", &text, "");
                info.label = Some(name.to_owned());
                info
            });
        }

        let escaped = response.lost_focus() && ui.input(|i| i.key_pressed(Key::Escape));
        // The value's own text reads as the value: not parsed again every frame (a cell's id
        // is checked against every other customer's).
        let parsed = if escaped || (draft.is_none() && text == current) {
            Ok(value.clone())
        } else {
            self.kind.parse(&text)
        };
        let mut committed = None;
        let mut keep_draft = false;
        if escaped {
            // Back to the current value.
        } else if response.lost_focus() {
            match &parsed {
                Ok(typed) if typed != value => committed = Some(typed.clone()),
                Ok(_) => {}
                Err(_) => keep_draft = true,
            }
        } else if response.has_focus() {
            keep_draft = draft.is_some() || text != current;
        } else {
            // Not being typed into: only a refused text stays, so the user sees what was wrong.
            keep_draft = draft.is_some() && parsed.is_err();
        }
        if keep_draft {
            ui.data_mut(|d| d.insert_temp(self.id, text.clone()));
        } else if draft.is_some() {
            ui.data_mut(|d| d.remove::<String>(self.id));
        }
        let (reads, problem) = match parsed {
            Ok(value) => (Some(value), None),
            Err(p) if keep_draft || response.has_focus() => (None, Some(p.text(lang))),
            Err(_) => (None, None),
        };
        if let Some(problem) = &problem {
            response = response.on_hover_text(problem);
        }
        FieldResponse {
            response,
            committed,
            problem,
            reads,
        }
    }
}
