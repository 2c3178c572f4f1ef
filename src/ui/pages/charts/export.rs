//! "Save PNG…": a screenshot of the next frame, cropped to the chart, encoded as PNG.
//!
//! A screenshot shows the chart exactly as the user sees it (language, theme, what-if), with
//! egui's own text rendering, so no second renderer has to be kept in step with the plots.

use std::sync::{Arc, Mutex};

use egui::{Color32, ColorImage, Rect};

/// A screenshot asked for and not yet delivered.
pub struct PendingShot {
    /// The chart's area in points.
    pub rect: Rect,
    pub pixels_per_point: f32,
    pub file_name: String,
    image: Arc<Mutex<Option<Arc<ColorImage>>>>,
}

impl PendingShot {
    /// Asks the window for a screenshot of the next frame.
    pub fn request(ctx: &egui::Context, rect: Rect, file_name: String) -> Self {
        let image: Arc<Mutex<Option<Arc<ColorImage>>>> = Arc::default();
        let slot = Arc::clone(&image);
        let repaint = ctx.clone();
        ctx.send_viewport_cmd(egui::ViewportCommand::Screenshot(egui::ScreenshotCallback::new(
            move |shot| {
                if let Ok(mut slot) = slot.lock() {
                    *slot = Some(shot);
                }
                repaint.request_repaint();
            },
        )));
        ctx.request_repaint();
        Self {
            rect,
            pixels_per_point: ctx.pixels_per_point(),
            file_name,
            image,
        }
    }

    /// The screenshot, once it has arrived.
    pub fn take(&self) -> Option<Arc<ColorImage>> {
        self.image.lock().ok().and_then(|mut slot| slot.take())
    }
}

/// The part of `image` under `rect` (points), clamped to the image.
#[must_use]
pub fn crop(image: &ColorImage, rect: Rect, pixels_per_point: f32) -> ColorImage {
    let [width, height] = image.size;
    let to_px = |v: f32, max: usize| ((v * pixels_per_point).round().max(0.0) as usize).min(max);
    let (x0, x1) = (to_px(rect.min.x, width), to_px(rect.max.x, width));
    let (y0, y1) = (to_px(rect.min.y, height), to_px(rect.max.y, height));
    let (w, h) = (x1.saturating_sub(x0), y1.saturating_sub(y0));
    let mut pixels = Vec::with_capacity(w * h);
    for y in y0..y0 + h {
        let start = y * width + x0;
        match image.pixels.get(start..start + w) {
            Some(row) => pixels.extend_from_slice(row),
            None => pixels.extend(std::iter::repeat_n(Color32::TRANSPARENT, w)),
        }
    }
    ColorImage::new([w, h], pixels)
}

/// The image as PNG bytes (8-bit RGBA), or `None` for an empty image.
#[must_use]
pub fn encode_png(image: &ColorImage) -> Option<Vec<u8>> {
    let [width, height] = image.size;
    if width == 0 || height == 0 {
        return None;
    }
    let mut bytes = Vec::new();
    {
        let mut encoder = png::Encoder::new(
            &mut bytes,
            u32::try_from(width).ok()?,
            u32::try_from(height).ok()?,
        );
        encoder.set_color(png::ColorType::Rgba);
        encoder.set_depth(png::BitDepth::Eight);
        let mut writer = encoder.write_header().ok()?;
        let data: Vec<u8> = image
            .pixels
            .iter()
            .flat_map(Color32::to_srgba_unmultiplied)
            .collect();
        writer.write_image_data(&data).ok()?;
        writer.finish().ok()?;
    }
    Some(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crops_inside_the_image_and_encodes() {
        let mut image = ColorImage::filled([10, 8], Color32::WHITE);
        if let Some(p) = image.pixels.get_mut(3 * 10 + 4) {
            *p = Color32::RED;
        }
        // 2 px per point: points (2, 1)–(4, 3) are pixels (4, 2)–(8, 6).
        let part = crop(
            &image,
            Rect::from_min_max([2.0, 1.0].into(), [4.0, 3.0].into()),
            2.0,
        );
        assert_eq!(part.size, [4, 4]);
        assert_eq!(part.pixels.get(4), Some(&Color32::RED));
        // A rect past the edge is clamped, not a panic.
        let edge = crop(
            &image,
            Rect::from_min_max([8.0, 6.0].into(), [50.0, 50.0].into()),
            1.0,
        );
        assert_eq!(edge.size, [2, 2]);
        let png = encode_png(&part).unwrap_or_default();
        assert_eq!(png.get(1..4), Some(&b"PNG"[..]));
        assert!(encode_png(&ColorImage::filled([0, 0], Color32::WHITE)).is_none());
    }
}
