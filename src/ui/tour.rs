//! The first-run tour: a few callouts, each drawn next to the real widget it explains.
//!
//! Widgets the tour points at record their rectangle while they are drawn ([`mark`]), in a
//! small map in egui's temporary memory; the callout is drawn after the panels, in the same
//! frame, next to that rectangle. A target not drawn this frame lives on another page: the
//! tour shows that page.

use std::collections::HashMap;

use egui::{Align2, Color32, Context, Id, LayerId, Order, Pos2, Rect, Stroke, Vec2};

use super::commands::Command;
use super::prefs::Page;
use super::shortcuts;
use crate::i18n::help::HelpKey as H;
use crate::i18n::{tr, trf};
use crate::model::Language;

/// A widget the tour explains, in the order of the tour.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TourTarget {
    Pages,
    FileMenu,
    CustomersTable,
    WhatIf,
    StatusBar,
    HelpMenu,
}

impl TourTarget {
    /// The steps of the tour, in order.
    pub const ALL: [Self; 6] = [
        Self::Pages,
        Self::FileMenu,
        Self::CustomersTable,
        Self::WhatIf,
        Self::StatusBar,
        Self::HelpMenu,
    ];

    /// The page the widget is on; `None` for what every page shows.
    #[must_use]
    pub fn page(self) -> Option<Page> {
        match self {
            Self::CustomersTable => Some(Page::Customers),
            Self::WhatIf => Some(Page::Charts),
            Self::Pages | Self::FileMenu | Self::StatusBar | Self::HelpMenu => None,
        }
    }

    /// The callout's title, naming the widget.
    #[must_use]
    pub fn title(self) -> H {
        match self {
            Self::Pages => H::TourPagesTitle,
            Self::FileMenu => H::TourFileTitle,
            Self::CustomersTable => H::TourTableTitle,
            Self::WhatIf => H::TourWhatIfTitle,
            Self::StatusBar => H::TourStatusTitle,
            Self::HelpMenu => H::TourHelpTitle,
        }
    }

    /// What the callout says about the widget.
    #[must_use]
    pub fn text(self) -> H {
        match self {
            Self::Pages => H::TourPages,
            Self::FileMenu => H::TourFile,
            Self::CustomersTable => H::TourTable,
            Self::WhatIf => H::TourWhatIf,
            Self::StatusBar => H::TourStatus,
            Self::HelpMenu => H::TourHelp,
        }
    }
}

/// Where each target was drawn, with the pass it was drawn in (a stale one is not shown).
#[derive(Clone, Debug, Default)]
struct TourTargets(HashMap<TourTarget, (u64, Rect)>);

fn targets_id() -> Id {
    Id::unique("tour_targets")
}

/// Records that `target` is drawn at `rect` this frame.
pub fn mark(ctx: &Context, target: TourTarget, rect: Rect) {
    let pass = ctx.cumulative_pass_nr();
    ctx.data_mut(|d| {
        d.get_temp_mut_or_default::<TourTargets>(targets_id())
            .0
            .insert(target, (pass, rect));
    });
}

/// Where `target` was drawn this frame, if it was.
fn drawn_at(ctx: &Context, target: TourTarget) -> Option<Rect> {
    let pass = ctx.cumulative_pass_nr();
    ctx.data(|d| {
        d.get_temp::<TourTargets>(targets_id())
            .and_then(|t| t.0.get(&target).copied())
            .filter(|(drawn, _)| *drawn == pass)
            .map(|(_, rect)| rect)
    })
}

fn current_id() -> Id {
    Id::unique("tour_current_target")
}

/// Whether the tour's callout points at `target` now, so that a view can show a part it
/// would otherwise keep folded away (the what-if sliders on a narrow screen).
#[must_use]
pub fn is_showing(ctx: &Context, target: TourTarget) -> bool {
    ctx.data(|d| d.get_temp::<Option<TourTarget>>(current_id()))
        .flatten()
        == Some(target)
}

/// The tour's state: which step shows, if any.
#[derive(Debug, Default)]
pub struct Tour {
    step: Option<usize>,
}

/// The gap between a target and its callout, and the callout's width.
const GAP: f32 = 14.0;
const WIDTH: f32 = 330.0;

impl Tour {
    /// Starts the tour at its first step.
    pub fn start(&mut self) {
        self.step = Some(0);
    }

    /// True while a callout shows.
    #[must_use]
    pub fn is_active(&self) -> bool {
        self.step.is_some()
    }

    /// Escape skips the tour. Called before the pages draw, so that the key does not also
    /// clear the Customers selection.
    pub fn keys(&mut self, ctx: &Context) {
        if self.is_active() && ctx.input_mut(|i| shortcuts::SKIP_TOUR.consume(i)) {
            self.step = None;
        }
    }

    /// Draws the callout of the current step next to its target. When the target is not on
    /// screen and `shown` (the page on screen; `None` for the comparison view) is not the page
    /// that holds it, asks for that page.
    pub fn ui(&mut self, ctx: &Context, lang: Language, shown: Option<Page>, out: &mut Vec<Command>) {
        let current = self.step.and_then(|index| TourTarget::ALL.get(index).copied());
        ctx.data_mut(|d| d.insert_temp(current_id(), current));
        let Some(index) = self.step else {
            return;
        };
        let Some(&target) = TourTarget::ALL.get(index) else {
            self.step = None;
            return;
        };
        let rect = drawn_at(ctx, target);
        if rect.is_none()
            && let Some(page) = target.page()
            && shown != Some(page)
        {
            out.push(Command::ShowPage(page));
            ctx.request_repaint();
        }
        let screen = ctx.content_rect();
        let area_id = Id::unique("tour_callout");
        let size = ctx
            .memory(|m| m.area_rect(area_id))
            .map_or(Vec2::new(WIDTH, 190.0), |r| r.size());
        let (pos, pivot) = rect.map_or((screen.center(), Align2::CENTER_CENTER), |r| {
            placement(r, screen, size)
        });
        let total = TourTarget::ALL.len();
        let last = index + 1 == total;
        let mut next = Some(index);
        let callout = egui::Area::new(area_id)
            .order(Order::Foreground)
            .fixed_pos(pos)
            .pivot(pivot)
            .constrain(true)
            .show(ctx, |ui| {
                egui::Frame::popup(ui.style())
                    .stroke(Stroke::new(2.0, ui.visuals().selection.stroke.color))
                    .inner_margin(12.0)
                    .show(ui, |ui| {
                        ui.set_width(WIDTH);
                        ui.horizontal(|ui| {
                            ui.heading(tr(lang, target.title()));
                            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                                ui.weak(trf(
                                    lang,
                                    H::TourStepOf,
                                    &[("n", &(index + 1)), ("total", &total)],
                                ));
                            });
                        });
                        ui.label(tr(lang, target.text()));
                        ui.add_space(8.0);
                        ui.horizontal(|ui| {
                            if ui
                                .add_enabled(index > 0, egui::Button::new(tr(lang, H::TourBack)))
                                .clicked()
                            {
                                next = index.checked_sub(1);
                            }
                            let forward = if last { H::TourDone } else { H::TourNext };
                            if ui.button(tr(lang, forward)).clicked() {
                                next = (!last).then_some(index + 1);
                            }
                            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                                if ui.button(tr(lang, H::TourSkip)).clicked() {
                                    next = None;
                                }
                            });
                        });
                    });
            });
        if let Some(target_rect) = rect {
            paint_pointer(ctx, callout.response.rect, target_rect);
        }
        if next != self.step {
            self.step = next;
            ctx.request_repaint();
        }
    }
}

/// Where the callout goes: below the target, else above, right or left of it, whichever has
/// room; over the target's top left corner when none has.
fn placement(target: Rect, screen: Rect, size: Vec2) -> (Pos2, Align2) {
    let room_below = screen.bottom() - target.bottom() - GAP;
    let room_above = target.top() - screen.top() - GAP;
    let room_right = screen.right() - target.right() - GAP;
    let room_left = target.left() - screen.left() - GAP;
    if room_below >= size.y && target.width() < screen.width() * 0.6 {
        (Pos2::new(target.left(), target.bottom() + GAP), Align2::LEFT_TOP)
    } else if room_above >= size.y && target.width() < screen.width() * 0.6 {
        (Pos2::new(target.left(), target.top() - GAP), Align2::LEFT_BOTTOM)
    } else if room_right >= size.x {
        (
            Pos2::new(target.right() + GAP, target.center().y),
            Align2::LEFT_CENTER,
        )
    } else if room_left >= size.x {
        (
            Pos2::new(target.left() - GAP, target.center().y),
            Align2::RIGHT_CENTER,
        )
    } else {
        (target.left_top() + Vec2::splat(3.0 * GAP), Align2::LEFT_TOP)
    }
}

/// Outlines the target and draws a line from the callout to it.
fn paint_pointer(ctx: &Context, callout: Rect, target: Rect) {
    let painter = ctx.layer_painter(LayerId::new(Order::Foreground, Id::unique("tour_pointer")));
    let color = ctx.global_style().visuals.selection.stroke.color;
    let color = if color == Color32::TRANSPARENT {
        Color32::from_rgb(0, 120, 215)
    } else {
        color
    };
    let outline = target.expand(3.0);
    painter.rect_stroke(outline, 4.0, Stroke::new(2.5, color), egui::StrokeKind::Outside);
    if !callout.intersects(outline) {
        let from = callout.clamp(outline.center());
        let to = outline.clamp(callout.center());
        painter.line_segment([from, to], Stroke::new(2.5, color));
        painter.circle_filled(to, 4.0, color);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn callouts_go_where_there_is_room() {
        let screen = Rect::from_min_size(Pos2::ZERO, Vec2::new(1024.0, 768.0));
        let size = Vec2::new(WIDTH, 190.0);
        // A menu button at the top: below it.
        let menu = Rect::from_min_size(Pos2::new(10.0, 2.0), Vec2::new(40.0, 20.0));
        assert_eq!(placement(menu, screen, size).1, Align2::LEFT_TOP);
        // The navigation down the left: to its right.
        let nav = Rect::from_min_max(Pos2::new(0.0, 24.0), Pos2::new(150.0, 740.0));
        assert_eq!(placement(nav, screen, size).1, Align2::LEFT_CENTER);
        // The what-if panel down the right: to its left.
        let what_if = Rect::from_min_max(Pos2::new(720.0, 24.0), Pos2::new(1024.0, 740.0));
        assert_eq!(placement(what_if, screen, size).1, Align2::RIGHT_CENTER);
        // A button in the status bar: above it.
        let status = Rect::from_min_size(Pos2::new(400.0, 746.0), Vec2::new(160.0, 20.0));
        assert_eq!(placement(status, screen, size).1, Align2::LEFT_BOTTOM);
    }
}
