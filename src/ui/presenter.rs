//! Presenter mode: the current view full screen in large type and high contrast, stepping
//! through the lesson scenes with the keys classroom clickers send, a pointer dot, what-if
//! values that move smoothly, and speaker notes in a second window where there can be one.

use egui::{Color32, Key, RichText, Stroke};

use crate::i18n::scenes::SceneKey;
use crate::model::charts::WhatIf;

/// What a presenter key does.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PresenterAction {
    Start,
    Leave,
    Next,
    Previous,
    /// Go to scene n (0-based).
    Jump(usize),
    /// Held: a large dot follows the mouse.
    Pointer,
}

/// One presenter key: the keys that do it, what it does and its description in the string
/// tables, so a list of shortcuts can be built from the same table the handler reads.
#[derive(Clone, Copy, Debug)]
pub struct PresenterKey {
    pub keys: &'static [Key],
    pub action: PresenterAction,
    pub description: SceneKey,
}

/// Every presenter key. Number keys 1–9 are one row: "jump to scene n".
pub const PRESENTER_KEYS: &[PresenterKey] = &[
    PresenterKey {
        keys: &[Key::F5],
        action: PresenterAction::Start,
        description: SceneKey::KeyPresent,
    },
    PresenterKey {
        keys: &[Key::Escape],
        action: PresenterAction::Leave,
        description: SceneKey::KeyLeave,
    },
    PresenterKey {
        keys: &[Key::ArrowRight, Key::PageDown, Key::Space],
        action: PresenterAction::Next,
        description: SceneKey::KeyNext,
    },
    PresenterKey {
        keys: &[Key::ArrowLeft, Key::PageUp],
        action: PresenterAction::Previous,
        description: SceneKey::KeyPrevious,
    },
    PresenterKey {
        keys: &JUMP_KEYS,
        action: PresenterAction::Jump(0),
        description: SceneKey::KeyJump,
    },
    PresenterKey {
        keys: &[Key::L],
        action: PresenterAction::Pointer,
        description: SceneKey::KeyPointer,
    },
];

const JUMP_KEYS: [Key; 9] = [
    Key::Num1,
    Key::Num2,
    Key::Num3,
    Key::Num4,
    Key::Num5,
    Key::Num6,
    Key::Num7,
    Key::Num8,
    Key::Num9,
];

/// How long what-if values take to move to a scene's, in seconds.
pub const ANIMATION_SECS: f64 = 0.5;

/// Body text height on a 1920×1080 screen, in pixels; scaled with the screen's height.
const BODY_PX_AT_1080: f32 = 24.0;

/// What-if values on their way from one scene's to the next.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct WhatIfMove {
    from: WhatIf,
    to: WhatIf,
    start_secs: f64,
}

impl WhatIfMove {
    /// A move starting at `now_secs`.
    #[must_use]
    pub fn new(from: WhatIf, to: WhatIf, now_secs: f64) -> Self {
        Self {
            from,
            to,
            start_secs: now_secs,
        }
    }

    /// The values at `now_secs`, and whether the move is over.
    #[must_use]
    pub fn at(&self, now_secs: f64) -> (WhatIf, bool) {
        let t = ((now_secs - self.start_secs) / ANIMATION_SECS).clamp(0.0, 1.0);
        if t >= 1.0 {
            return (self.to, true);
        }
        // Ease in and out, so the curve starts and settles gently.
        let e = t * t * (3.0 - 2.0 * t);
        let mix = |a: f64, b: f64| a + (b - a) * e;
        let mix_opt = |a: Option<f64>, b: Option<f64>| match (a, b) {
            (Some(a), Some(b)) => Some(mix(a, b)),
            (_, b) => b,
        };
        let (from, to) = (self.from, self.to);
        let values = WhatIf {
            cost_to_serve_pct: mix(from.cost_to_serve_pct, to.cost_to_serve_pct),
            cost_only_loss_makers: to.cost_only_loss_makers,
            price_pct: mix(from.price_pct, to.price_pct),
            a_threshold_pct: mix_opt(from.a_threshold_pct, to.a_threshold_pct),
            b_threshold_pct: mix_opt(from.b_threshold_pct, to.b_threshold_pct),
            growth_threshold: to.growth_threshold,
        };
        (values, false)
    }
}

/// Presenter mode's state.
#[derive(Default)]
pub struct Presenter {
    pub active: bool,
    /// The zoom before presenting, put back on leaving.
    saved_zoom: Option<f32>,
    /// The what-if moving to the shown scene's values.
    pub motion: Option<WhatIfMove>,
}

impl Presenter {
    /// The actions of the presenter keys pressed this frame (consumed, so no widget also
    /// gets them). Only F5 while not presenting.
    #[must_use]
    pub fn keys(&self, ctx: &egui::Context) -> Vec<PresenterAction> {
        let mut actions = Vec::new();
        ctx.input_mut(|i| {
            for entry in PRESENTER_KEYS {
                if !self.active && entry.action != PresenterAction::Start {
                    continue;
                }
                if self.active && entry.action == PresenterAction::Start {
                    continue;
                }
                for (n, key) in entry.keys.iter().enumerate() {
                    let action = match entry.action {
                        PresenterAction::Jump(_) => PresenterAction::Jump(n),
                        PresenterAction::Pointer => continue,
                        other => other,
                    };
                    if i.consume_key(egui::Modifiers::NONE, *key) {
                        actions.push(action);
                    }
                }
            }
        });
        actions
    }

    /// Enters presenter mode: full screen, zoomed so body text is large.
    pub fn start(&mut self, ctx: &egui::Context) {
        if self.active {
            return;
        }
        self.active = true;
        self.saved_zoom = Some(ctx.zoom_factor());
        ctx.send_viewport_cmd(egui::ViewportCommand::Fullscreen(true));
    }

    /// Leaves presenter mode: the window and zoom as they were.
    pub fn leave(&mut self, ctx: &egui::Context) {
        if !self.active {
            return;
        }
        self.active = false;
        self.motion = None;
        if let Some(zoom) = self.saved_zoom.take() {
            ctx.set_zoom_factor(zoom);
        }
        ctx.send_viewport_cmd(egui::ViewportCommand::Fullscreen(false));
    }

    /// Keeps the zoom at the presentation size for the screen as it is now (the window
    /// grows to full screen after the first frame).
    pub fn fit_zoom(ctx: &egui::Context) {
        let pixels_per_point = ctx.pixels_per_point();
        let height_px = ctx.content_rect().height() * pixels_per_point;
        let body_pt = ctx
            .global_style()
            .text_styles
            .get(&egui::TextStyle::Body)
            .map_or(12.5, |f| f.size);
        let native = ctx.native_pixels_per_point().unwrap_or(1.0).max(0.1);
        let want_px = BODY_PX_AT_1080 * height_px / 1080.0;
        let zoom = (want_px / body_pt / native).clamp(0.5, 5.0);
        if (zoom - ctx.zoom_factor()).abs() > 0.01 {
            ctx.set_zoom_factor(zoom);
        }
    }
}

/// The presentation look: black on white, strong outlines and thick strokes, readable on a
/// washed-out projector in a bright room.
pub fn present_style(ui: &mut egui::Ui) {
    ui.style_mut().visuals = egui::Visuals::light();
    let visuals = ui.visuals_mut();
    visuals.override_text_color = Some(Color32::BLACK);
    visuals.panel_fill = Color32::WHITE;
    visuals.window_fill = Color32::WHITE;
    visuals.extreme_bg_color = Color32::WHITE;
    visuals.faint_bg_color = Color32::from_gray(235);
    visuals.widgets.noninteractive.fg_stroke = Stroke::new(2.0, Color32::BLACK);
    visuals.widgets.noninteractive.bg_stroke = Stroke::new(1.5, Color32::from_gray(60));
    visuals.widgets.inactive.fg_stroke = Stroke::new(2.0, Color32::BLACK);
    visuals.selection.stroke = Stroke::new(2.5, Color32::from_rgb(0x0b, 0x3d, 0x91));
}

/// A large red dot at the pointer while L is held.
pub fn pointer_dot(ctx: &egui::Context) {
    let (held, at) = ctx.input(|i| (i.key_down(Key::L), i.pointer.latest_pos()));
    if let (true, Some(at)) = (held, at) {
        let painter = ctx.layer_painter(egui::LayerId::new(
            egui::Order::Tooltip,
            egui::Id::unique("presenter_pointer"),
        ));
        painter.circle(
            at,
            18.0,
            Color32::from_rgba_unmultiplied(0xe0, 0x10, 0x10, 200),
            Stroke::new(3.0, Color32::WHITE),
        );
    }
}

/// A scene's title as the slide's headline.
#[must_use]
pub fn headline(text: &str, ui: &egui::Ui) -> RichText {
    let size = ui.text_style_height(&egui::TextStyle::Heading) * 1.5;
    RichText::new(text).size(size).strong()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_if_values_move_over_half_a_second() {
        let to = WhatIf {
            cost_to_serve_pct: -30.0,
            ..WhatIf::default()
        };
        let m = WhatIfMove::new(WhatIf::default(), to, 10.0);
        let (start, done) = m.at(10.0);
        assert!(!done);
        assert!(start.cost_to_serve_pct.abs() < 1e-9);
        let (mid, done) = m.at(10.25);
        assert!(!done);
        assert!((mid.cost_to_serve_pct + 15.0).abs() < 1e-9, "{mid:?}");
        let (end, done) = m.at(10.5);
        assert!(done);
        assert_eq!(end, to);
    }

    #[test]
    fn every_action_has_one_row_and_the_keys_are_distinct() {
        let mut all: Vec<Key> = PRESENTER_KEYS
            .iter()
            .flat_map(|k| k.keys.iter().copied())
            .collect();
        let n = all.len();
        all.sort_by_key(|k| k.name());
        all.dedup();
        assert_eq!(all.len(), n, "a key is listed twice");
        assert!(all.contains(&Key::PageDown) && all.contains(&Key::F5));
    }
}
