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

/// The colour of an ABC class: one hue from dark (A) to light (B, C), distinct from the tiers.
#[must_use]
pub fn class_color(class: crate::model::AbcClass, dark_mode: bool) -> Color32 {
    use crate::model::AbcClass;
    match (class, dark_mode) {
        (AbcClass::A, false) => Color32::from_rgb(0x5b, 0x2a, 0x86),
        (AbcClass::A, true) => Color32::from_rgb(0xc3, 0x9b, 0xf0),
        (AbcClass::B, false) => Color32::from_rgb(0x8e, 0x6c, 0xb8),
        (AbcClass::B, true) => Color32::from_rgb(0x9a, 0x7f, 0xc2),
        (AbcClass::C, false) => Color32::from_rgb(0xbf, 0xae, 0xd6),
        (AbcClass::C, true) => Color32::from_rgb(0x6c, 0x5e, 0x82),
    }
}

/// A neutral accent for series that belong to no tier (counts, averages, response rates).
#[must_use]
pub fn accent_color(dark_mode: bool) -> Color32 {
    if dark_mode {
        Color32::from_rgb(0x4f, 0xc3, 0xb8)
    } else {
        Color32::from_rgb(0x0b, 0x7a, 0x70)
    }
}
