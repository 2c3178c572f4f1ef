//! Colours that carry meaning, the same on every page, readable on light and dark themes.

use egui::Color32;

use crate::model::Tier;

/// The colour of a tier. Chosen to differ in lightness too, for colour-blind readers and projectors.
#[must_use]
pub fn tier_color(tier: Tier, dark_mode: bool) -> Color32 {
    match (tier, dark_mode) {
        (Tier::Key, false) => Color32::from_rgb(0x1f, 0x6f, 0xb4),
        (Tier::Key, true) => Color32::from_rgb(0x6c, 0xb4, 0xf0),
        (Tier::General, false) => Color32::from_rgb(0x5a, 0x6b, 0x5d),
        (Tier::General, true) => Color32::from_rgb(0xb0, 0xbf, 0xb2),
        (Tier::LossMaking, false) => Color32::from_rgb(0xc0, 0x39, 0x2b),
        (Tier::LossMaking, true) => Color32::from_rgb(0xff, 0x7b, 0x6b),
    }
}

/// The colour for warnings and overdue items.
#[must_use]
pub fn warning_color(dark_mode: bool) -> Color32 {
    if dark_mode {
        Color32::from_rgb(0xff, 0xc0, 0x4d)
    } else {
        Color32::from_rgb(0xa8, 0x5d, 0x00)
    }
}

/// The colour for errors.
#[must_use]
pub fn error_color(dark_mode: bool) -> Color32 {
    if dark_mode {
        Color32::from_rgb(0xff, 0x80, 0x80)
    } else {
        Color32::from_rgb(0xb0, 0x1c, 0x1c)
    }
}
