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

#[cfg(test)]
mod tests {
    use super::*;

    /// BCP 47: zh-Hant / zh-Hans name the script; Taiwan, Hong Kong and Macau write
    /// Traditional, mainland China and Singapore Simplified; plain "zh" means Simplified.
    #[test]
    fn tags_name_the_language_they_are_read_as() {
        let cases: &[(&str, Option<Language>)] = &[
            ("en", Some(Language::English)),
            ("en-US", Some(Language::English)),
            ("en_GB", Some(Language::English)),
            ("English", Some(Language::English)),
            ("zh-Hant", Some(Language::TraditionalChinese)),
            ("zh_TW", Some(Language::TraditionalChinese)),
            ("zh-HK", Some(Language::TraditionalChinese)),
            ("zh-mo", Some(Language::TraditionalChinese)),
            ("zh-Hans", Some(Language::SimplifiedChinese)),
            ("zh-CN", Some(Language::SimplifiedChinese)),
            ("ZH_SG", Some(Language::SimplifiedChinese)),
            ("zh", Some(Language::SimplifiedChinese)),
            ("", None),
            ("fr", None),
            ("zh-Latn", None),
        ];
        for (tag, expected) in cases {
            assert_eq!(Language::from_tag(tag), *expected, "{tag:?}");
        }
    }

    /// Each language's own tag reads back as it, and the tags are the BCP 47 ones.
    #[test]
    fn each_tag_reads_back_as_its_language() {
        for lang in Language::ALL {
            assert_eq!(Language::from_tag(lang.tag()), Some(lang), "{lang:?}");
        }
        assert_eq!(Language::English.tag(), "en");
        assert_eq!(Language::TraditionalChinese.tag(), "zh-Hant");
        assert_eq!(Language::SimplifiedChinese.tag(), "zh-Hans");
    }

    /// The menu names each language in its own script: English in Latin letters, the two
    /// Chinese names with 體 (Traditional) and 体 (Simplified) for the "ti" of 繁體 / 简体.
    #[test]
    fn each_language_is_named_in_its_own_script() {
        let english = Language::English.native_name();
        assert!(
            !english.is_empty() && english.chars().all(|c| c.is_ascii_alphabetic()),
            "{english}"
        );
        assert!(Language::TraditionalChinese.native_name().contains('體'));
        assert!(Language::SimplifiedChinese.native_name().contains('体'));
    }
}
