//! The Gantt view: one row per step and per work package, planned (baseline) and actual bars,
//! dependency arrows, a today line, overdue and conflicting items marked. Dragging a planned
//! bar moves its dates; the whole drag is one undo step.

use chrono::{Datelike as _, NaiveDate, TimeDelta};
use egui::{Color32, Pos2, Rect, Sense, Stroke, pos2, vec2};

use super::edit::PlanEdit;
use super::{good_color, status_color};
use crate::i18n::planner::PlannerKey as P;
use crate::i18n::{step_name, tr, trf};
use crate::model::planner::{
    dependency_conflicts, effective_end, effective_start, package_overdue, shift_dates, step_fraction,
    step_overdue, stretch_dates,
};
use crate::model::{IntegrationPlan, Language, StepStatus};
use crate::ui::commands::Command;
use crate::ui::pages::PageContext;
use crate::ui::theme;

/// How much time one screen shows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Zoom {
    Week,
    #[default]
    Month,
    Quarter,
}

impl Zoom {
    fn px_per_day(self) -> f32 {
        match self {
            Self::Week => 14.0,
            Self::Month => 2.0,
            Self::Quarter => 0.8,
        }
    }
}

/// Which row a bar belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
enum RowRef {
    Step(usize),
    Package(usize),
}

/// A bar being dragged: where its dates were when the drag began.
#[derive(Clone, Copy, Debug)]
struct Drag {
    row: RowRef,
    start: Option<NaiveDate>,
    end: Option<NaiveDate>,
    days: i64,
    grip: Grip,
}

/// What a drag holds: the whole bar, or one of its ends.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Grip {
    Bar,
    Start,
    End,
}

/// How close to a bar's end (in points) a press grabs that end instead of the whole bar.
const END_GRIP: f32 = 6.0;

impl Grip {
    fn at(rect: Rect, x: f32) -> Self {
        // Very short bars move whole: there is no room for three grips.
        if rect.width() < END_GRIP * 3.0 {
            Self::Bar
        } else if x <= rect.left() + END_GRIP {
            Self::Start
        } else if x >= rect.right() - END_GRIP {
            Self::End
        } else {
            Self::Bar
        }
    }
}

/// View state of the Gantt view.
#[derive(Default)]
pub struct GanttView {
    zoom: Zoom,
    drag: Option<Drag>,
    /// The zoom at which the timeline was last scrolled to today; a new zoom scrolls again.
    scrolled_for: Option<Zoom>,
    /// Drawn as an image: the legend without the zoom buttons and the dragging hint.
    still: bool,
}

/// One drawn row, built from the plan before painting.
struct Row {
    key: RowRef,
    label: String,
    /// Work-package id, for dependency arrows.
    id: Option<String>,
    planned: Option<(NaiveDate, NaiveDate)>,
    actual: Option<(NaiveDate, NaiveDate)>,
    /// Whether the actual bar is still running (no actual end yet).
    running: bool,
    fraction: f32,
    status: StepStatus,
    overdue: bool,
    conflict: bool,
    depends_on: Vec<String>,
    /// Effective start and end, where dependency arrows attach.
    arrow_start: Option<NaiveDate>,
    arrow_end: Option<NaiveDate>,
}

const LABEL_WIDTH: f32 = 280.0;
/// The label column on a narrow screen: longer names end in "…" (hover the bar for the whole).
const NARROW_LABEL_WIDTH: f32 = 170.0;

/// How wide the label column is in `ui`.
fn label_width(ui: &egui::Ui) -> f32 {
    if crate::ui::layout::is_narrow(ui.ctx()) {
        NARROW_LABEL_WIDTH
    } else {
        LABEL_WIDTH
    }
}
const ROW_HEIGHT: f32 = 30.0;
const SECTION_HEIGHT: f32 = 26.0;
const HEADER_HEIGHT: f32 = 40.0;

fn rows(plan: &IntegrationPlan, lang: Language, today: NaiveDate) -> (Vec<Row>, Vec<Row>) {
    let span = |s: Option<NaiveDate>, e: Option<NaiveDate>| match (s, e) {
        (Some(s), Some(e)) => Some((s, e.max(s))),
        _ => None,
    };
    let actual = |s: Option<NaiveDate>, e: Option<NaiveDate>| match (s, e) {
        (Some(s), Some(e)) => (Some((s, e.max(s))), false),
        (Some(s), None) if s <= today => (Some((s, today)), true),
        _ => (None, false),
    };
    let steps = plan
        .steps
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let (actual_span, running) = actual(s.actual_start, s.actual_end);
            Row {
                key: RowRef::Step(i),
                label: format!("{}  {}", s.step.number(), step_name(lang, s.step)),
                id: None,
                planned: span(s.planned_start, s.planned_end),
                actual: actual_span,
                running,
                fraction: step_fraction(s) as f32,
                status: s.status,
                overdue: step_overdue(s, today),
                conflict: false,
                depends_on: Vec::new(),
                arrow_start: None,
                arrow_end: None,
            }
        })
        .collect();
    let conflicts = dependency_conflicts(plan);
    let packages = plan
        .work_packages
        .iter()
        .enumerate()
        .map(|(i, w)| {
            let (actual_span, running) = actual(w.actual_start, w.actual_end);
            let status = w.status();
            Row {
                key: RowRef::Package(i),
                label: format!("{}  {}", w.id, w.name),
                id: Some(w.id.clone()),
                planned: span(w.planned_start, w.planned_end),
                actual: actual_span,
                running,
                fraction: w.fraction() as f32,
                status,
                overdue: package_overdue(w, today),
                conflict: conflicts.iter().any(|c| c.package == w.id),
                depends_on: w.depends_on.clone(),
                arrow_start: effective_start(w),
                arrow_end: effective_end(w),
            }
        })
        .collect();
    (steps, packages)
}

/// The first and last day shown: every bar and today, with some room, from a month's start.
fn date_range(rows: &[&Row], today: NaiveDate) -> (NaiveDate, NaiveDate) {
    let mut first = today;
    let mut last = today;
    for row in rows {
        for (s, e) in [row.planned, row.actual].into_iter().flatten() {
            first = first.min(s);
            last = last.max(e);
        }
    }
    let first = NaiveDate::from_ymd_opt(first.year(), first.month(), 1).unwrap_or(first);
    let last = last.checked_add_signed(TimeDelta::days(31)).unwrap_or(last);
    (first, last)
}

impl GanttView {
    /// Draws the whole plan, from its first date, at the most detailed zoom whose timeline fits
    /// the width: the Gantt as an image (reports, `scm-crm-studio chart --chart gantt`).
    pub fn image_ui(ui: &mut egui::Ui, cx: &PageContext<'_>, out: &mut Vec<Command>) {
        let (steps, packages) = rows(&cx.doc.scenario.plan, cx.lang, cx.today);
        let all: Vec<&Row> = steps.iter().chain(packages.iter()).collect();
        let (first, last) = date_range(&all, cx.today);
        let days = (last - first).num_days().max(1) as f32;
        let room = ui.available_width() - label_width(ui) - 16.0;
        let zoom = [Zoom::Week, Zoom::Month, Zoom::Quarter]
            .into_iter()
            .find(|z| days * z.px_per_day() <= room)
            .unwrap_or(Zoom::Quarter);
        // Already "scrolled" for this zoom: the timeline stays at its start.
        let mut view = Self {
            zoom,
            drag: None,
            scrolled_for: Some(zoom),
            still: true,
        };
        view.ui(ui, cx, out);
    }

    pub fn ui(&mut self, ui: &mut egui::Ui, cx: &PageContext<'_>, out: &mut Vec<Command>) {
        let lang = cx.lang;
        let dark = ui.visuals().dark_mode;
        let plan = &cx.doc.scenario.plan;
        self.toolbar_ui(ui, lang, dark);
        ui.add_space(4.0);

        let (steps, packages) = rows(plan, lang, cx.today);
        let all: Vec<&Row> = steps.iter().chain(packages.iter()).collect();
        if all.iter().all(|r| r.planned.is_none() && r.actual.is_none()) {
            ui.weak(tr(lang, P::GanttEmpty));
            return;
        }
        let (first, last) = date_range(&all, cx.today);
        let ppd = self.zoom.px_per_day();
        let days = (last - first).num_days().max(1) as f32;
        let timeline_width = days * ppd;
        let body_height = SECTION_HEIGHT * 2.0 + ROW_HEIGHT * (steps.len() + packages.len()) as f32;

        let mut edit = PlanEdit::new(plan);
        egui::ScrollArea::vertical()
            .id_salt("gantt_vertical")
            .auto_shrink([false, false])
            .show(ui, |ui| {
                ui.horizontal_top(|ui| {
                    ui.spacing_mut().item_spacing.x = 0.0;
                    // Fixed label column.
                    let (label_rect, _) = ui.allocate_exact_size(
                        vec2(label_width(ui), HEADER_HEIGHT + body_height),
                        Sense::hover(),
                    );
                    paint_labels(ui, label_rect, lang, &steps, &packages);
                    // Scrolling timeline.
                    let mut scroll = egui::ScrollArea::horizontal()
                        .id_salt("gantt_horizontal")
                        .animated(false)
                        .auto_shrink([false, true]);
                    if self.scrolled_for != Some(self.zoom) {
                        // Open with today two thirds of the way across, but never past the start
                        // of the first step's bar: the plan reads from step 1.
                        let today_x = (cx.today - first).num_days() as f32 * ppd;
                        let offset = today_x - ui.available_width() * 2.0 / 3.0;
                        let first_bar_x = steps
                            .iter()
                            .find_map(|r| r.planned.or(r.actual))
                            .map_or(0.0, |(s, _)| {
                                (s - first).num_days() as f32 * ppd - 2.0 * ROW_HEIGHT
                            });
                        scroll = scroll.horizontal_scroll_offset(offset.min(first_bar_x).max(0.0));
                        self.scrolled_for = Some(self.zoom);
                    }
                    scroll.show(ui, |ui| {
                        let (rect, _) = ui.allocate_exact_size(
                            vec2(timeline_width, HEADER_HEIGHT + body_height),
                            Sense::hover(),
                        );
                        let frame = Timeline {
                            rect,
                            first,
                            last,
                            ppd,
                        };
                        frame.paint_grid(ui, lang, self.zoom);
                        self.bars_ui(ui, &frame, lang, dark, &steps, &packages, &mut edit);
                        frame.paint_today(ui, cx.today);
                    });
                });
            });
        edit.finish(plan, out);
    }

    fn toolbar_ui(&mut self, ui: &mut egui::Ui, lang: Language, dark: bool) {
        let still = self.still;
        ui.horizontal_wrapped(|ui| {
            if !still {
                ui.label(tr(lang, P::ZoomLabel));
                for (zoom, key) in [
                    (Zoom::Week, P::ZoomWeek),
                    (Zoom::Month, P::ZoomMonth),
                    (Zoom::Quarter, P::ZoomQuarter),
                ] {
                    ui.selectable_value(&mut self.zoom, zoom, tr(lang, key));
                }
                ui.separator();
            }
            let visuals = ui.visuals().clone();
            let swatch = |ui: &mut egui::Ui, paint: &dyn Fn(&egui::Painter, Rect), text: &str| {
                let (rect, _) = ui.allocate_exact_size(vec2(22.0, 14.0), Sense::hover());
                paint(ui.painter(), rect);
                ui.label(text);
                ui.add_space(8.0);
            };
            let base = status_color(StepStatus::InProgress, dark);
            swatch(
                ui,
                &|p, r| planned_bar(p, r, base, base.gamma_multiply(0.25)),
                tr(lang, P::LegendPlanned),
            );
            let actual = visuals.strong_text_color();
            swatch(
                ui,
                &|p, r| {
                    p.rect_filled(
                        Rect::from_center_size(r.center(), vec2(r.width(), 5.0)),
                        1.0,
                        actual,
                    );
                },
                tr(lang, P::LegendActual),
            );
            let warn = theme::warning_color(dark);
            swatch(
                ui,
                &|p, r| planned_bar(p, r, warn, warn.gamma_multiply(0.25)),
                tr(lang, P::LegendOverdue),
            );
            let error = theme::error_color(dark);
            swatch(
                ui,
                &|p, r| {
                    arrow(
                        p,
                        pos2(r.left(), r.center().y),
                        pos2(r.right(), r.center().y),
                        error,
                    );
                },
                tr(lang, P::LegendConflict),
            );
            swatch(
                ui,
                &|p, r| {
                    p.line_segment(
                        [r.center_top(), r.center_bottom()],
                        Stroke::new(2.0, today_color(dark)),
                    );
                },
                tr(lang, P::LegendToday),
            );
        });
        if !still {
            ui.weak(tr(lang, P::GanttHint));
        }
    }

    #[allow(clippy::too_many_arguments, reason = "one painter pass needs all of these")]
    fn bars_ui(
        &mut self,
        ui: &mut egui::Ui,
        frame: &Timeline,
        lang: Language,
        dark: bool,
        steps: &[Row],
        packages: &[Row],
        edit: &mut PlanEdit,
    ) {
        let painter = ui.painter_at(frame.rect);
        let mut y = frame.rect.top() + HEADER_HEIGHT + SECTION_HEIGHT;
        let mut package_rects: Vec<(Rect, &Row)> = Vec::new();
        for (section, rows) in [(0, steps), (1, packages)] {
            if section == 1 {
                y += SECTION_HEIGHT;
            }
            for row in rows {
                let row_rect =
                    Rect::from_min_size(pos2(frame.rect.left(), y), vec2(frame.rect.width(), ROW_HEIGHT));
                if let Some(bar) = self.row_ui(ui, &painter, frame, row, row_rect, lang, dark, edit)
                    && section == 1
                {
                    package_rects.push((bar, row));
                }
                y += ROW_HEIGHT;
            }
        }
        // Dependency arrows: from the end of the dependency to the start of the package.
        for (bar, row) in &package_rects {
            for dep in &row.depends_on {
                let Some((dep_bar, dep_row)) = package_rects.iter().find(|(_, r)| r.id.as_ref() == Some(dep))
                else {
                    continue;
                };
                let from_x = dep_row.arrow_end.map_or(dep_bar.right(), |d| frame.x_end(d));
                let to_x = row.arrow_start.map_or(bar.left(), |d| frame.x(d));
                let conflict = from_x >= to_x - 0.5;
                let colour = if conflict {
                    theme::error_color(dark)
                } else {
                    ui.visuals().weak_text_color()
                };
                let from = pos2(from_x, dep_bar.center().y);
                let to = pos2(to_x, bar.center().y);
                // An elbow: out of the dependency, down, then into the package.
                let elbow_x = (from.x + 6.0).max(from.x);
                let mid = pos2(elbow_x, from.y);
                let down = pos2(elbow_x, to.y);
                let stroke = Stroke::new(if conflict { 2.0 } else { 1.2 }, colour);
                painter.line_segment([from, mid], stroke);
                painter.line_segment([mid, down], stroke);
                arrow(&painter, down, to, colour);
            }
        }
    }

    /// Paints one row and handles dragging its planned bar. Returns the planned bar's rect.
    #[allow(clippy::too_many_arguments, reason = "one painter pass needs all of these")]
    fn row_ui(
        &mut self,
        ui: &mut egui::Ui,
        painter: &egui::Painter,
        frame: &Timeline,
        row: &Row,
        row_rect: Rect,
        lang: Language,
        dark: bool,
        edit: &mut PlanEdit,
    ) -> Option<Rect> {
        let base = if row.overdue {
            theme::warning_color(dark)
        } else {
            status_color(row.status, dark)
        };
        let mut planned_rect = None;
        if let Some((s, e)) = row.planned {
            let rect = Rect::from_min_max(
                pos2(frame.x(s), row_rect.top() + 5.0),
                pos2(frame.x_end(e), row_rect.top() + 18.0),
            );
            planned_bar(painter, rect, base, base.gamma_multiply(0.22));
            // Progress fills the planned bar from the left.
            let mut done = rect.shrink(1.0);
            done.set_width(done.width() * row.fraction.clamp(0.0, 1.0));
            painter.rect_filled(done, 2.0, base.gamma_multiply(0.75));
            if row.conflict {
                painter.rect_stroke(
                    rect.expand(1.5),
                    3.0,
                    Stroke::new(2.0, theme::error_color(dark)),
                    egui::StrokeKind::Outside,
                );
            }
            planned_rect = Some(rect);
        }
        if let Some((s, e)) = row.actual {
            let rect = Rect::from_min_max(
                pos2(frame.x(s), row_rect.top() + 21.0),
                pos2(frame.x_end(e), row_rect.top() + 26.0),
            );
            let colour = ui.visuals().strong_text_color();
            let colour = if row.running {
                colour.gamma_multiply(0.55)
            } else {
                colour
            };
            painter.rect_filled(rect, 1.0, colour);
        }

        let rect = planned_rect?;
        let id = ui.scope_id().with(("gantt_bar", row.key));
        let response = ui.interact(rect, id, Sense::click_and_drag());
        response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &row.label));
        let response = response.on_hover_ui(|ui| {
            ui.strong(&row.label);
            if let Some((s, e)) = row.planned {
                ui.label(trf(lang, P::TipPlanned, &[("start", &s), ("end", &e)]));
            }
            if let Some((s, e)) = row.actual {
                let end = if row.running {
                    "…".to_owned()
                } else {
                    e.to_string()
                };
                ui.label(trf(lang, P::TipActual, &[("start", &s), ("end", &end)]));
            }
            ui.label(trf(
                lang,
                P::TipProgress,
                &[("pct", &format!("{:.0}", row.fraction * 100.0))],
            ));
            if row.overdue {
                ui.colored_label(theme::warning_color(dark), tr(lang, P::LegendOverdue));
            }
            if row.conflict {
                ui.colored_label(theme::error_color(dark), tr(lang, P::LegendConflict));
            }
        });
        if let Some(pos) = response.hover_pos()
            && self.drag.is_none()
        {
            let icon = match Grip::at(rect, pos.x) {
                Grip::Bar => egui::CursorIcon::Grab,
                Grip::Start | Grip::End => egui::CursorIcon::ResizeHorizontal,
            };
            ui.ctx().set_cursor_icon(icon);
        }
        if response.drag_started() {
            let (start, end) = dates_of(&edit.plan, row.key);
            let origin = ui
                .input(|i| i.pointer.press_origin())
                .map_or(rect.center().x, |p| p.x);
            self.drag = Some(Drag {
                row: row.key,
                start,
                end,
                days: 0,
                grip: Grip::at(rect, origin),
            });
        }
        if response.dragged()
            && let Some(drag) = &mut self.drag
            && drag.row == row.key
        {
            ui.ctx().set_cursor_icon(match drag.grip {
                Grip::Bar => egui::CursorIcon::Grabbing,
                Grip::Start | Grip::End => egui::CursorIcon::ResizeHorizontal,
            });
            let moved = ui.input(|i| match (i.pointer.press_origin(), i.pointer.interact_pos()) {
                (Some(origin), Some(now)) => now.x - origin.x,
                _ => 0.0,
            });
            let days = (moved / frame.ppd).round() as i64;
            if days != drag.days {
                drag.days = days;
                let (start, end) = match drag.grip {
                    Grip::Bar => shift_dates(drag.start, drag.end, days),
                    Grip::Start => stretch_dates(drag.start, drag.end, days, false),
                    Grip::End => stretch_dates(drag.start, drag.end, days, true),
                };
                set_dates(&mut edit.plan, row.key, start, end);
                edit.gesture.drag(id);
            }
            // The dates as they are now, above the bar, while the drag lasts.
            let (start, end) = dates_of(&edit.plan, row.key);
            if let (Some(start), Some(end)) = (start, end) {
                drag_label(ui, rect, &format!("{start} – {end}"));
            }
        }
        if response.drag_stopped() {
            self.drag = None;
        }
        Some(rect)
    }
}

/// A small label with the dragged bar's dates, drawn above everything so nothing hides it.
fn drag_label(ui: &egui::Ui, bar: Rect, text: &str) {
    let painter = ui.ctx().layer_painter(egui::LayerId::new(
        egui::Order::Tooltip,
        ui.scope_id().with("gantt_drag_dates"),
    ));
    let visuals = ui.visuals();
    let galley = painter.layout_no_wrap(
        text.to_owned(),
        egui::TextStyle::Body.resolve(ui.style()),
        visuals.strong_text_color(),
    );
    let size = galley.size() + vec2(10.0, 6.0);
    let rect = Rect::from_center_size(pos2(bar.center().x, bar.top() - size.y / 2.0 - 4.0), size);
    painter.rect_filled(rect, 4.0, visuals.window_fill);
    painter.rect_stroke(rect, 4.0, visuals.window_stroke, egui::StrokeKind::Inside);
    painter.galley(rect.min + vec2(5.0, 3.0), galley, visuals.strong_text_color());
}

/// The planned dates of a row.
fn dates_of(plan: &IntegrationPlan, row: RowRef) -> (Option<NaiveDate>, Option<NaiveDate>) {
    match row {
        RowRef::Step(i) => plan
            .steps
            .get(i)
            .map_or((None, None), |s| (s.planned_start, s.planned_end)),
        RowRef::Package(i) => plan
            .work_packages
            .get(i)
            .map_or((None, None), |w| (w.planned_start, w.planned_end)),
    }
}

fn set_dates(plan: &mut IntegrationPlan, row: RowRef, start: Option<NaiveDate>, end: Option<NaiveDate>) {
    match row {
        RowRef::Step(i) => {
            if let Some(s) = plan.steps.get_mut(i) {
                s.planned_start = start;
                s.planned_end = end;
            }
        }
        RowRef::Package(i) => {
            if let Some(w) = plan.work_packages.get_mut(i) {
                w.planned_start = start;
                w.planned_end = end;
            }
        }
    }
}

/// Where days fall on screen.
struct Timeline {
    rect: Rect,
    first: NaiveDate,
    last: NaiveDate,
    ppd: f32,
}

impl Timeline {
    /// The left edge of a day.
    fn x(&self, date: NaiveDate) -> f32 {
        self.rect.left() + (date - self.first).num_days() as f32 * self.ppd
    }

    /// The right edge of a day (bars include their last day).
    fn x_end(&self, date: NaiveDate) -> f32 {
        self.x(date) + self.ppd
    }

    fn paint_grid(&self, ui: &egui::Ui, lang: Language, zoom: Zoom) {
        let painter = ui.painter_at(self.rect);
        let visuals = ui.visuals();
        let grid = Stroke::new(
            1.0,
            visuals.widgets.noninteractive.bg_stroke.color.gamma_multiply(0.6),
        );
        let text = visuals.text_color();
        let weak = visuals.weak_text_color();
        let header_bottom = self.rect.top() + HEADER_HEIGHT;
        painter.rect_filled(
            Rect::from_min_max(self.rect.min, pos2(self.rect.right(), header_bottom)),
            0.0,
            visuals.faint_bg_color,
        );
        let font = egui::FontId::proportional(12.0);
        // A quarter is too narrow for "2026 年第 1 季": the year goes on each Q1 (and on the
        // first quarter shown), the other quarters carry their number only.
        let mut year_shown = false;
        let mut day = self.first;
        while day <= self.last {
            let x = self.x(day);
            let month_start = day.day() == 1;
            let quarter_start = month_start && (day.month() - 1).is_multiple_of(3);
            let monday = day.weekday() == chrono::Weekday::Mon;
            // Top line: months (week and month zoom) or quarters (quarter zoom).
            let top_label = match zoom {
                Zoom::Week | Zoom::Month if month_start => Some(format!("{}-{:02}", day.year(), day.month())),
                Zoom::Quarter if quarter_start => {
                    let q = (day.month() - 1) / 3 + 1;
                    let first = !year_shown;
                    year_shown = true;
                    Some(if q == 1 {
                        trf(lang, P::QuarterYear, &[("year", &day.year())])
                    } else if first {
                        trf(lang, P::QuarterName, &[("q", &q), ("year", &day.year())])
                    } else {
                        trf(lang, P::QuarterShort, &[("q", &q)])
                    })
                }
                _ => None,
            };
            if let Some(label) = top_label {
                painter.line_segment([pos2(x, self.rect.top()), pos2(x, self.rect.bottom())], grid);
                painter.text(
                    pos2(x + 4.0, self.rect.top() + 4.0),
                    egui::Align2::LEFT_TOP,
                    label,
                    font.clone(),
                    text,
                );
            }
            // Second line: week starts (week zoom) or months (quarter zoom).
            match zoom {
                Zoom::Week if monday => {
                    painter.line_segment(
                        [pos2(x, header_bottom - 14.0), pos2(x, self.rect.bottom())],
                        Stroke::new(1.0, grid.color.gamma_multiply(0.5)),
                    );
                    painter.text(
                        pos2(x + 3.0, header_bottom - 16.0),
                        egui::Align2::LEFT_TOP,
                        day.day().to_string(),
                        font.clone(),
                        weak,
                    );
                }
                Zoom::Month if monday => {
                    painter.line_segment([pos2(x, header_bottom - 6.0), pos2(x, header_bottom)], grid);
                }
                Zoom::Quarter if month_start && !quarter_start => {
                    painter.line_segment(
                        [pos2(x, header_bottom - 14.0), pos2(x, self.rect.bottom())],
                        Stroke::new(1.0, grid.color.gamma_multiply(0.5)),
                    );
                    painter.text(
                        pos2(x + 3.0, header_bottom - 16.0),
                        egui::Align2::LEFT_TOP,
                        format!("{:02}", day.month()),
                        font.clone(),
                        weak,
                    );
                }
                _ => {}
            }
            let Some(next) = day.succ_opt() else {
                break;
            };
            day = next;
        }
        painter.line_segment(
            [
                pos2(self.rect.left(), header_bottom),
                pos2(self.rect.right(), header_bottom),
            ],
            visuals.widgets.noninteractive.bg_stroke,
        );
    }

    fn paint_today(&self, ui: &egui::Ui, today: NaiveDate) {
        if today < self.first || today > self.last {
            return;
        }
        let dark = ui.visuals().dark_mode;
        let painter = ui.painter_at(self.rect);
        let x = self.x(today) + self.ppd / 2.0;
        let colour = today_color(dark);
        painter.line_segment(
            [pos2(x, self.rect.top() + 20.0), pos2(x, self.rect.bottom())],
            Stroke::new(2.0, colour),
        );
        painter.text(
            pos2(x + 3.0, self.rect.top() + 22.0),
            egui::Align2::LEFT_TOP,
            today.to_string(),
            egui::FontId::proportional(11.0),
            colour,
        );
    }
}

fn today_color(dark: bool) -> Color32 {
    if dark {
        Color32::from_rgb(0xe0, 0x6c, 0xd8)
    } else {
        Color32::from_rgb(0xa0, 0x20, 0x90)
    }
}

/// A planned (baseline) bar: light fill with an outline.
fn planned_bar(painter: &egui::Painter, rect: Rect, stroke: Color32, fill: Color32) {
    painter.rect_filled(rect, 3.0, fill);
    painter.rect_stroke(rect, 3.0, Stroke::new(1.2, stroke), egui::StrokeKind::Inside);
}

/// A line from `from` to `to` with an arrowhead at `to`.
fn arrow(painter: &egui::Painter, from: Pos2, to: Pos2, colour: Color32) {
    painter.line_segment([from, to], Stroke::new(1.5, colour));
    let direction = (to - from).normalized();
    let normal = vec2(-direction.y, direction.x);
    let back = to - direction * 6.0;
    painter.add(egui::Shape::convex_polygon(
        vec![to, back + normal * 3.5, back - normal * 3.5],
        colour,
        Stroke::NONE,
    ));
}

/// The fixed label column: section titles and one label per row.
fn paint_labels(ui: &egui::Ui, rect: Rect, lang: Language, steps: &[Row], packages: &[Row]) {
    let painter = ui.painter_at(rect);
    let visuals = ui.visuals();
    let dark = visuals.dark_mode;
    let mut y = rect.top() + HEADER_HEIGHT;
    for (title, rows) in [(P::GanttSteps, steps), (P::GanttPackages, packages)] {
        painter.text(
            pos2(rect.left() + 4.0, y + SECTION_HEIGHT / 2.0),
            egui::Align2::LEFT_CENTER,
            tr(lang, title),
            egui::FontId::proportional(13.0),
            visuals.strong_text_color(),
        );
        y += SECTION_HEIGHT;
        for row in rows {
            let colour = if row.conflict {
                theme::error_color(dark)
            } else if row.overdue {
                theme::warning_color(dark)
            } else if row.status == StepStatus::Done {
                good_color(dark)
            } else {
                visuals.text_color()
            };
            let mut job = egui::text::LayoutJob::simple_singleline(
                row.label.clone(),
                egui::FontId::proportional(13.0),
                colour,
            );
            job.wrap = egui::text::TextWrapping {
                max_width: rect.width() - 16.0,
                max_rows: 1,
                break_anywhere: true,
                overflow_character: Some('…'),
            };
            let galley = painter.layout_job(job);
            let pos = pos2(rect.left() + 12.0, y + (ROW_HEIGHT - galley.size().y) / 2.0);
            painter.galley(pos, galley, colour);
            y += ROW_HEIGHT;
        }
    }
}
