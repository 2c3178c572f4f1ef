//! What to tell a user whose window could not open: one sentence in their language, saying
//! what is missing and what to do. The technical detail goes to the log.

use std::collections::HashMap;

use crate::i18n::{Key, tr};
use crate::model::Language;

use super::prefs::{Prefs, STORAGE_KEY};

/// Why the window could not open, as far as the user can act on it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StartFailure {
    /// No X11 or Wayland display to open a window on.
    NoDisplay,
    /// A display, but no graphics driver (or adapter) that can draw the window.
    NoGraphics,
    /// Anything else the windowing or rendering stack refused.
    Other,
}

impl StartFailure {
    /// Sorts eframe's error into what the user can do about it.
    #[must_use]
    pub fn of(error: &eframe::Error) -> Self {
        // Not a `match`: eframe has more variants when another crate turns on its glow backend.
        if matches!(error, eframe::Error::Winit(_) | eframe::Error::WinitEventLoop(_)) {
            Self::NoDisplay
        } else if matches!(error, eframe::Error::Wgpu(_)) {
            Self::NoGraphics
        } else {
            Self::Other
        }
    }

    /// The one sentence shown on the terminal.
    #[must_use]
    pub fn message(self, language: Language) -> &'static str {
        let key = match self {
            Self::NoDisplay => Key::StartNoDisplay,
            Self::NoGraphics => Key::StartNoGraphics,
            Self::Other => Key::StartFailed,
        };
        tr(language, key)
    }
}

/// The language the user chose in the app last time, else the one the system asks for
/// (`LC_ALL`, `LC_MESSAGES`, `LANG`), else English.
#[must_use]
pub fn preferred_language() -> Language {
    saved_language()
        .or_else(|| {
            ["LC_ALL", "LC_MESSAGES", "LANG"]
                .iter()
                .find_map(|name| std::env::var(name).ok().filter(|v| !v.is_empty()))
                .and_then(|locale| language_of_locale(&locale))
        })
        .unwrap_or_default()
}

/// "zh_TW.UTF-8" → Traditional Chinese; "C", "POSIX" and unknown locales → none.
#[must_use]
pub fn language_of_locale(locale: &str) -> Option<Language> {
    let tag = locale.split(['.', '@']).next().unwrap_or_default();
    Language::from_tag(tag).or_else(|| {
        let base = tag.split(['_', '-']).next().unwrap_or_default();
        Language::from_tag(base)
    })
}

/// The language saved in eframe's storage by the last run, if it can be read.
fn saved_language() -> Option<Language> {
    let path = eframe::storage_dir(super::APP_ID)?.join("app.ron");
    let text = std::fs::read_to_string(path).ok()?;
    let values: HashMap<String, String> = ron::from_str(&text).ok()?;
    let prefs: Prefs = ron::from_str(values.get(STORAGE_KEY)?).ok()?;
    Some(prefs.language)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locales_map_to_the_three_languages() {
        let cases = [
            ("zh_TW.UTF-8", Some(Language::TraditionalChinese)),
            ("zh_HK", Some(Language::TraditionalChinese)),
            ("zh_CN.GB18030", Some(Language::SimplifiedChinese)),
            ("zh_SG.UTF-8@variant", Some(Language::SimplifiedChinese)),
            ("en_AU.UTF-8", Some(Language::English)),
            ("C", None),
            ("POSIX", None),
            ("de_DE.UTF-8", None),
        ];
        for (locale, expected) in cases {
            assert_eq!(language_of_locale(locale), expected, "{locale}");
        }
    }

    #[test]
    fn each_failure_names_what_to_do_in_every_language() {
        for failure in [
            StartFailure::NoDisplay,
            StartFailure::NoGraphics,
            StartFailure::Other,
        ] {
            for language in Language::ALL {
                let text = failure.message(language);
                assert!(text.contains("README"), "{failure:?} {language:?}: {text}");
                assert!(!text.contains('\n'), "one line: {text}");
            }
        }
        assert!(
            StartFailure::NoDisplay
                .message(Language::English)
                .contains("xvfb-run")
        );
        assert!(
            StartFailure::NoGraphics
                .message(Language::SimplifiedChinese)
                .contains("libegl1")
        );
    }
}
