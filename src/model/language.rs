//! The three languages the app speaks.

use serde::{Deserialize, Serialize};

/// A UI and content language.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Language {
    #[default]
    English,
    /// 繁體中文
    TraditionalChinese,
    /// 简体中文
    SimplifiedChinese,
}

impl Language {
    pub const ALL: [Self; 3] = [Self::English, Self::TraditionalChinese, Self::SimplifiedChinese];

    /// The language's own name, shown in the language menu whatever the current language.
    #[must_use]
    pub fn native_name(self) -> &'static str {
        match self {
            Self::English => "English",
            Self::TraditionalChinese => "繁體中文",
            Self::SimplifiedChinese => "简体中文",
        }
    }

    /// BCP 47 tag.
    #[must_use]
    pub fn tag(self) -> &'static str {
        match self {
            Self::English => "en",
            Self::TraditionalChinese => "zh-Hant",
            Self::SimplifiedChinese => "zh-Hans",
        }
    }

    /// Parses "en", "zh-Hant", "zh-TW", "zh-Hans", "zh-CN", … case-insensitively.
    #[must_use]
    pub fn from_tag(tag: &str) -> Option<Self> {
        match tag.to_ascii_lowercase().replace('_', "-").as_str() {
            "en" | "en-us" | "en-gb" | "english" => Some(Self::English),
            "zh-hant" | "zh-tw" | "zh-hk" | "zh-mo" => Some(Self::TraditionalChinese),
            "zh-hans" | "zh-cn" | "zh-sg" | "zh" => Some(Self::SimplifiedChinese),
            _ => None,
        }
    }

    /// Index into the string table's per-language columns.
    #[must_use]
    pub fn index(self) -> usize {
        self as usize
    }
}
