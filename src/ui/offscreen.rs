//! Charts drawn without a window: the app's own chart code, run in an egui context of its own
//! and painted by egui's wgpu renderer onto an offscreen texture.
//!
//! The context is driven by `egui_kittest`'s harness, the same one the snapshot tests use, so an
//! image here is pixel for pixel what the tests compare and what the page draws. It needs a
//! GPU adapter, which Mesa's software renderer (llvmpipe) provides on a machine without a GPU;
//! without one, every request is [`RenderError::NoAdapter`] and reports show a note instead.

use egui::{Color32, ColorImage, Stroke, Vec2};
use egui_kittest::Harness;
use egui_kittest::wgpu::WgpuTestRenderer;

use super::document::Document;
use super::fonts;
use super::pages::{PageContext, chart_image_ui, dispute_wizard::net_chart, encode_png};
use crate::model::Segmentation;
use crate::model::advice::{Advice, advise_dispute};
use crate::report::{Chart, ChartKind, ChartRenderer, ChartRequest, ChartTheme, RenderError};

/// The largest image side, in pixels (well inside every GPU's texture limit).
pub const MAX_SIDE_PX: u32 = 8192;

/// How much larger the "present" theme draws everything, for slides seen from the back.
const PRESENT_SCALE: f32 = 1.5;

/// Renders charts with the app's drawing code on the GPU (or Mesa's software renderer).
pub struct Offscreen;

impl ChartRenderer for Offscreen {
    fn render_png(&self, request: &ChartRequest<'_>) -> Result<Vec<u8>, RenderError> {
        let image = render(request)?;
        encode_png(&image).ok_or_else(|| RenderError::Failed("PNG encoding".to_owned()))
    }
}

/// What the harness draws; owned, so the harness holds no borrow of the request.
enum Drawing {
    Page(ChartKind),
    DisputeNet(Box<Advice>),
}

/// The chart of `request` as an image of exactly `request.size_px`.
pub fn render(request: &ChartRequest<'_>) -> Result<ColorImage, RenderError> {
    let mut harness = harness(request)?;
    let image = harness.render().map_err(RenderError::Failed)?;
    let (width, height) = image.dimensions();
    let rendered = ColorImage::from_rgba_unmultiplied([width as usize, height as usize], image.as_raw());
    Ok(fit(&rendered, request.size_px))
}

/// The harness that draws `request`'s chart, after its frames have settled; tests take their
/// snapshot of it, [`render`] reads its image.
pub fn harness(request: &ChartRequest<'_>) -> Result<Harness<'static>, RenderError> {
    let [width, height] = request.size_px;
    if !(1..=MAX_SIDE_PX).contains(&width) || !(1..=MAX_SIDE_PX).contains(&height) {
        return Err(RenderError::BadSize(width, height));
    }
    let present = request.theme == ChartTheme::Present;
    let mut pixels_per_point = request.pixels_per_point.clamp(0.5, 4.0);
    if present {
        pixels_per_point *= PRESENT_SCALE;
    }
    let size = Vec2::new(width as f32, height as f32) / pixels_per_point;
    let drawing = match request.chart {
        Chart::Page(kind) => Drawing::Page(kind),
        Chart::DisputeNet(dispute) => {
            let seg = Segmentation::compute(&request.scenario.customers, &request.scenario.settings);
            Drawing::DisputeNet(Box::new(advise_dispute(
                request.scenario,
                &seg,
                dispute,
                request.today,
            )))
        }
    };
    let doc = Document::new(request.scenario.clone(), None);
    let (lang, today) = (request.lang, request.today);
    let renderer = WgpuTestRenderer::from_render_state(render_state()?);
    let mut harness = Harness::builder()
        .with_size(size)
        .with_pixels_per_point(pixels_per_point)
        .with_theme(if request.theme == ChartTheme::Dark {
            egui::Theme::Dark
        } else {
            egui::Theme::Light
        })
        .with_accessibility_check(false)
        // A customer name in a script the fonts lack shows as a box, as in the window.
        .allow_missing_glyphs()
        .with_render_cursor(false)
        .with_max_steps(12)
        .with_context_setup(move |ctx| fonts::install(ctx, lang))
        .renderer(renderer)
        .build_ui(move |ui| {
            if present {
                present_style(ui);
            }
            // The whole image gets the panel colour, margins included.
            let fill = ui.visuals().panel_fill;
            ui.ctx().layer_painter(egui::LayerId::background()).rect_filled(
                ui.ctx().content_rect(),
                0.0,
                fill,
            );
            let cx = PageContext {
                doc: &doc,
                lang,
                today,
            };
            match &drawing {
                Drawing::Page(kind) => chart_image_ui(ui, *kind, &cx),
                Drawing::DisputeNet(advice) => net_chart(ui, lang, advice),
            }
        });
    // Plots settle their axis widths over a few frames; a chart that never settles is still
    // drawn as it stands after the last one.
    let _ = harness.run_ok();
    Ok(harness)
}

/// Black on white, heavier lines: readable on a washed-out projector.
fn present_style(ui: &mut egui::Ui) {
    let visuals = ui.visuals_mut();
    visuals.override_text_color = Some(Color32::BLACK);
    visuals.panel_fill = Color32::WHITE;
    visuals.window_fill = Color32::WHITE;
    visuals.extreme_bg_color = Color32::WHITE;
    visuals.widgets.noninteractive.fg_stroke = Stroke::new(1.5, Color32::BLACK);
    visuals.widgets.noninteractive.bg_stroke = Stroke::new(1.0, Color32::from_gray(90));
}

/// A wgpu device of its own (kittest's renderer needs a fresh one), on the adapter the
/// snapshot tests use: a software one first, so images are the same on every machine.
fn render_state() -> Result<eframe::egui_wgpu::RenderState, RenderError> {
    use eframe::egui_wgpu::{RenderState, RendererOptions, WgpuConfiguration, WgpuError};
    let setup = egui_kittest::wgpu::default_wgpu_setup();
    let instance = pollster::block_on(setup.new_instance());
    let config = WgpuConfiguration {
        wgpu_setup: setup,
        ..Default::default()
    };
    pollster::block_on(RenderState::create(
        &config,
        &instance,
        None,
        RendererOptions::PREDICTABLE,
    ))
    .map_err(|e| match e {
        WgpuError::RequestAdapterError(_) | WgpuError::CustomNativeAdapterSelectionError(_) => {
            log::info!("no wgpu adapter: {e}");
            RenderError::NoAdapter
        }
        other => RenderError::Failed(other.to_string()),
    })
}

/// `image` cut or padded (with its top-left pixel's colour) to exactly `size`, for sizes that
/// do not divide evenly by the pixels per point.
fn fit(image: &ColorImage, [width, height]: [u32; 2]) -> ColorImage {
    let (width, height) = (width as usize, height as usize);
    if image.size == [width, height] {
        return image.clone();
    }
    let background = image.pixels.first().copied().unwrap_or(Color32::WHITE);
    let mut out = ColorImage::new([width, height], vec![background; width * height]);
    let [src_w, src_h] = image.size;
    for y in 0..height.min(src_h) {
        for x in 0..width.min(src_w) {
            if let (Some(dst), Some(src)) =
                (out.pixels.get_mut(y * width + x), image.pixels.get(y * src_w + x))
            {
                *dst = *src;
            }
        }
    }
    out
}

/// Whether this machine can render charts (a wgpu adapter exists), without rendering one.
#[must_use]
pub fn adapter_available() -> bool {
    render_state().is_ok()
}
