//! Sample scenarios shipped inside the binary, so "Open sample" works from any folder.
//!
//! The three Harbor Link samples hold the same data; their lesson scenes (titles and speaker
//! notes) and title are in English, 繁體中文 and 简体中文.

/// A bundled sample: its file name and its text.
pub struct Sample {
    pub file_name: &'static str,
    pub text: &'static str,
}

/// Every bundled sample; the first is the one a first run opens.
pub const SAMPLES: &[Sample] = &[
    Sample {
        file_name: "harbor-logistics.ron",
        text: include_str!("../../assets/samples/harbor-logistics.ron"),
    },
    Sample {
        file_name: "harbor-logistics.zh-Hant.ron",
        text: include_str!("../../assets/samples/harbor-logistics.zh-Hant.ron"),
    },
    Sample {
        file_name: "harbor-logistics.zh-Hans.ron",
        text: include_str!("../../assets/samples/harbor-logistics.zh-Hans.ron"),
    },
];
