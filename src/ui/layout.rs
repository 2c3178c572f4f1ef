//! How much room the window has, in points (zoom included), and the layouts that change with it.
//!
//! A classroom projector at 1024×768 zoomed to 150 % leaves 683 × 512 points: the side
//! navigation, side panels and two-line introductions that suit a desktop would leave the
//! content a third of the screen. Below these sizes the app switches to its compact layout:
//! navigation on one row at the top, side panels folded away or below the content, one-line
//! introductions.

/// Below this width (points) the layout is compact.
pub const NARROW_WIDTH: f32 = 900.0;
/// Below this height (points) introductions take one line.
pub const SHORT_HEIGHT: f32 = 620.0;

/// Whether the window is narrower than [`NARROW_WIDTH`] points.
#[must_use]
pub fn is_narrow(ctx: &egui::Context) -> bool {
    ctx.content_rect().width() < NARROW_WIDTH
}

/// Whether the window is lower than [`SHORT_HEIGHT`] points.
#[must_use]
pub fn is_short(ctx: &egui::Context) -> bool {
    ctx.content_rect().height() < SHORT_HEIGHT
}

/// Below this height (points) pages fold their toolbars behind a toggle: 768 pixels at 200 %.
pub const VERY_SHORT_HEIGHT: f32 = 420.0;

/// Whether the window is lower than [`VERY_SHORT_HEIGHT`] points.
#[must_use]
pub fn is_very_short(ctx: &egui::Context) -> bool {
    ctx.content_rect().height() < VERY_SHORT_HEIGHT
}
