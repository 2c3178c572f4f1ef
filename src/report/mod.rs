//! Worded outputs: reports and exports in the user's language.
//!
//! This module sits above both `store` (files) and `i18n` (the string tables): it reads the
//! scenario, words it with the tables and hands bytes to the caller, who writes them
//! atomically. Nothing here draws: chart images come in through a [`ChartRenderer`], which the
//! app implements with its own chart code on an offscreen GPU texture (`ui::offscreen`), so an
//! image in a report is what the user sees in the window.

pub mod customers;
pub mod dispute;
pub mod keys;
mod page;
pub mod plan;
pub mod scenario;

use chrono::NaiveDate;

use crate::model::{Dispute, Language, Scenario};

pub use page::{Block, Image, Page, Section, html_lang};

/// A chart the app draws that can also be rendered as an image, without a window.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, clap::ValueEnum)]
pub enum ChartKind {
    /// The whale curve (Charts page).
    Whale,
    /// The value matrix (Charts page).
    Matrix,
    /// Delivered value per customer (Charts page).
    Delivered,
    /// Tiers and ABC classes (Charts page).
    Tiers,
    /// Co-creation trends (Charts page).
    Cocreation,
    /// The plan's Gantt chart (Planner page).
    Gantt,
    /// The KPIs against their targets (Planner page).
    Kpi,
}

impl ChartKind {
    /// Every chart, in the order the app shows them.
    pub const ALL: [Self; 7] = [
        Self::Whale,
        Self::Matrix,
        Self::Delivered,
        Self::Tiers,
        Self::Cocreation,
        Self::Gantt,
        Self::Kpi,
    ];

    /// The name on the command line (`--chart whale`).
    #[must_use]
    pub const fn key(self) -> &'static str {
        match self {
            Self::Whale => "whale",
            Self::Matrix => "matrix",
            Self::Delivered => "delivered",
            Self::Tiers => "tiers",
            Self::Cocreation => "cocreation",
            Self::Gantt => "gantt",
            Self::Kpi => "kpi",
        }
    }
}

/// How a rendered chart looks.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, clap::ValueEnum)]
pub enum ChartTheme {
    /// The app's light theme.
    #[default]
    Light,
    /// The app's dark theme.
    Dark,
    /// For slides: black on white, heavier lines and larger type.
    Present,
}

/// What to draw: one of the app's charts, or a dispute's net-result chart from the wizard.
#[derive(Clone, Copy, Debug)]
pub enum Chart<'a> {
    Page(ChartKind),
    /// The wizard's expected net result per route, for this dispute.
    DisputeNet(&'a Dispute),
}

/// One chart to render.
#[derive(Clone, Copy, Debug)]
pub struct ChartRequest<'a> {
    pub scenario: &'a Scenario,
    pub chart: Chart<'a>,
    pub lang: Language,
    pub theme: ChartTheme,
    /// The image size in pixels.
    pub size_px: [u32; 2],
    /// Pixels per point: 1 draws as the app at 100% zoom, 2 twice as sharp for print.
    pub pixels_per_point: f32,
    /// The day the charts count from (overdue marks, the today line, the dispute's deadlines).
    pub today: NaiveDate,
}

/// Why a chart could not be rendered.
#[derive(Debug, thiserror::Error)]
pub enum RenderError {
    /// No GPU adapter (not even a software one): the machine lacks Mesa's EGL/GL libraries.
    #[error("no graphics adapter to draw charts with (install libegl1 and libgl1-mesa-dri)")]
    NoAdapter,
    /// This build cannot draw (built without the window).
    #[error("this build cannot draw charts")]
    Unavailable,
    /// The size is zero or larger than the GPU allows.
    #[error("image size {0}×{1} is not possible (1–8192 pixels each way)")]
    BadSize(u32, u32),
    /// The GPU or the encoder failed.
    #[error("drawing the chart failed: {0}")]
    Failed(String),
}

impl RenderError {
    /// The sentence a report shows in place of a chart that could not be drawn.
    #[must_use]
    pub fn note(&self, lang: Language) -> String {
        use crate::i18n::report::ReportKey as R;
        use crate::i18n::{tr, trf};
        match self {
            Self::NoAdapter => tr(lang, R::NoImageAdapter).to_owned(),
            Self::Unavailable => tr(lang, R::NoImageBuild).to_owned(),
            Self::BadSize(..) | Self::Failed(_) => {
                trf(lang, R::NoImageFailed, &[("detail", &self.to_string())])
            }
        }
    }
}

/// Draws charts as PNG images.
pub trait ChartRenderer {
    /// The chart as a PNG file of exactly `request.size_px`.
    fn render_png(&self, request: &ChartRequest<'_>) -> Result<Vec<u8>, RenderError>;
}

/// A renderer for builds and machines that cannot draw: every chart is
/// [`RenderError::Unavailable`], and reports show a note in place of the images.
pub struct NoRenderer;

impl ChartRenderer for NoRenderer {
    fn render_png(&self, _request: &ChartRequest<'_>) -> Result<Vec<u8>, RenderError> {
        Err(RenderError::Unavailable)
    }
}
