//! Sample scenarios shipped inside the binary, so "Open sample" works from any folder.

/// A bundled sample: its file name and its text.
pub struct Sample {
    pub file_name: &'static str,
    pub text: &'static str,
}

/// Every bundled sample; the first is the one a first run opens.
pub const SAMPLES: &[Sample] = &[Sample {
    file_name: "harbor-logistics.ron",
    text: include_str!("../../assets/samples/harbor-logistics.ron"),
}];
