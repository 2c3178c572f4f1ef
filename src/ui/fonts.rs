//! Fonts: egui's defaults for Latin text plus the bundled Noto Sans CJK for Chinese.
//!
//! The font ships inside the binary, so Chinese renders on a machine with no CJK font. One
//! collection file holds both the Traditional (TC) and Simplified (SC) glyph shapes; the face
//! that matches the UI language comes first, so shared code points take that script's shapes.

use std::sync::Arc;

use egui::{FontData, FontDefinitions, FontFamily};

use crate::model::Language;

/// Noto Sans CJK Regular (SIL Open Font License 1.1; see assets/fonts/LICENSE-NotoSansCJK.txt).
static NOTO_SANS_CJK: &[u8] = include_bytes!("../../assets/fonts/NotoSansCJK-Regular.ttc");

/// Face indices inside the collection.
const FACE_SC: u32 = 2;
const FACE_TC: u32 = 3;

/// Font definitions for `lang`.
#[must_use]
pub fn definitions(lang: Language) -> FontDefinitions {
    let mut fonts = FontDefinitions::default();
    let blob: egui::epaint::text::Blob = Arc::new(NOTO_SANS_CJK);
    fonts.font_data.insert(
        "noto-cjk-sc".to_owned(),
        Arc::new(FontData::from_blob(blob.clone(), FACE_SC)),
    );
    fonts.font_data.insert(
        "noto-cjk-tc".to_owned(),
        Arc::new(FontData::from_blob(blob, FACE_TC)),
    );
    let order: [&str; 2] = match lang {
        Language::TraditionalChinese => ["noto-cjk-tc", "noto-cjk-sc"],
        Language::English | Language::SimplifiedChinese => ["noto-cjk-sc", "noto-cjk-tc"],
    };
    for family in [FontFamily::Proportional, FontFamily::Monospace] {
        let list = fonts.families.entry(family).or_default();
        // After the Latin primary font, before the emoji fallbacks.
        let at = 1.min(list.len());
        for (i, name) in order.iter().enumerate() {
            list.insert(at + i, (*name).to_owned());
        }
    }
    fonts
}

/// Installs the fonts for `lang`; takes effect from the next frame.
pub fn install(ctx: &egui::Context, lang: Language) {
    ctx.set_fonts(definitions(lang));
}
