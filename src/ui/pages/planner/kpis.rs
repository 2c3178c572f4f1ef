//! The KPI view: each KPI's measured values over time against its target line, with
//! competitor values; points are coloured better or worse than target by the KPI's direction.
//! A form on top adds a measurement.

use chrono::{Datelike as _, NaiveDate};
use egui_plot::{HLine, Line, LineStyle, MarkerShape, Plot, PlotPoints, Points};

use super::edit::PlanEdit;
use super::tables::{format_number, standing_style};
use super::widgets::{date_cell, remove_button};
use crate::i18n::planner::{PlannerKey as P, direction_name};
use crate::i18n::{tr, trf};
use crate::model::planner::{Standing, latest_measurement, measurements_of, standing};
use crate::model::{IntegrationPlan, Kpi, KpiMeasurement, Language};
use crate::ui::commands::Command;
use crate::ui::pages::PageContext;
use crate::ui::widgets::DateField;

/// View state of the KPI view: the "add a measurement" form.
#[derive(Default)]
pub struct KpiView {
    kpi: Option<String>,
    date: Option<NaiveDate>,
    value: f64,
    competitor: Option<f64>,
}

/// A date as a plot x value (days from the common era).
fn x_of(date: NaiveDate) -> f64 {
    f64::from(date.num_days_from_ce())
}

fn date_of(x: f64) -> Option<NaiveDate> {
    NaiveDate::from_num_days_from_ce_opt(x.round() as i32)
}

const PLOT_HEIGHT: f32 = 200.0;

impl KpiView {
    pub fn ui(&mut self, ui: &mut egui::Ui, cx: &PageContext<'_>, out: &mut Vec<Command>) {
        let lang = cx.lang;
        let plan = &cx.doc.scenario.plan;
        ui.label(tr(lang, P::KpiIntro));
        ui.add_space(4.0);
        if plan.kpis.is_empty() {
            ui.weak(tr(lang, P::NoKpis));
            return;
        }
        let mut edit = PlanEdit::new(plan);
        self.form_ui(ui, cx, &mut edit);
        ui.add_space(4.0);
        charts_ui(ui, cx, false, Some(&mut edit));
        edit.finish(plan, out);
    }

    fn form_ui(&mut self, ui: &mut egui::Ui, cx: &PageContext<'_>, edit: &mut PlanEdit) {
        let lang = cx.lang;
        let plan = &cx.doc.scenario.plan;
        let kpi_id = match &self.kpi {
            Some(id) if plan.kpis.iter().any(|k| &k.id == id) => id.clone(),
            _ => plan.kpis.first().map(|k| k.id.clone()).unwrap_or_default(),
        };
        let mut chosen = kpi_id.clone();
        egui::Frame::group(ui.style()).show(ui, |ui| {
            ui.horizontal_wrapped(|ui| {
                ui.strong(tr(lang, P::NewMeasurement));
                ui.add_space(8.0);
                let label = ui.label(tr(lang, P::ColKpi));
                let selected = plan
                    .kpis
                    .iter()
                    .find(|k| k.id == chosen)
                    .map_or_else(String::new, |k| format!("{} {}", k.id, k.name));
                egui::ComboBox::from_id_salt("kpi_form_kpi")
                    .selected_text(selected)
                    .width(260.0)
                    .truncate()
                    .show_ui(ui, |ui| {
                        for k in &plan.kpis {
                            ui.selectable_value(&mut chosen, k.id.clone(), format!("{} {}", k.id, k.name));
                        }
                    })
                    .response
                    .labelled_by(label.id);
                let label = ui.label(tr(lang, P::ColDate));
                if self.date.is_none() {
                    self.date = Some(cx.today);
                }
                let typed = DateField::new(egui::Id::unique("kpi_form_date"), self.date, cx.today)
                    .required()
                    .labelled_by(label.id)
                    .show(ui, lang);
                if let Some(date) = typed.committed {
                    self.date = date;
                }
                let label = ui.label(tr(lang, P::ColValue));
                ui.add(egui::DragValue::new(&mut self.value).speed(0.1).max_decimals(2))
                    .labelled_by(label.id);
                let mut has = self.competitor.is_some();
                let check = ui.checkbox(&mut has, tr(lang, P::HasCompetitor));
                if check.changed() {
                    self.competitor = has.then_some(self.value);
                }
                if let Some(c) = &mut self.competitor {
                    ui.add(egui::DragValue::new(c).speed(0.1).max_decimals(2))
                        .labelled_by(check.id);
                }
                if ui.button(tr(lang, P::AddMeasurement)).clicked() && !chosen.is_empty() {
                    edit.plan.measurements.push(KpiMeasurement {
                        kpi_id: chosen.clone(),
                        date: self.date.or(Some(cx.today)),
                        value: self.value,
                        competitor: self.competitor,
                    });
                    edit.discrete(true);
                }
            });
        });
        if chosen != kpi_id || self.kpi.is_none() {
            // A new KPI: start the value at its latest measurement, a sensible neighbour.
            self.value = latest_measurement(plan, &chosen).map_or(0.0, |m| m.value);
        }
        self.kpi = Some(chosen);
    }
}

/// The legend and one chart per KPI, two to a row: the KPI view without its form, also drawn
/// alone as an image (reports, `scm-crm-studio chart --chart kpi`). With `fit_height` the
/// charts shrink to show every KPI in the height there is, as an image must. With `edit` each
/// chart has its measurements under it, to edit and remove.
pub fn charts_ui(ui: &mut egui::Ui, cx: &PageContext<'_>, fit_height: bool, mut edit: Option<&mut PlanEdit>) {
    let lang = cx.lang;
    let plan = &cx.doc.scenario.plan;
    if plan.kpis.is_empty() {
        ui.weak(tr(lang, P::NoKpis));
        return;
    }
    legend_ui(ui, lang);
    ui.add_space(4.0);
    egui::ScrollArea::vertical()
        .id_salt("planner_kpi_charts")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            // Two cards a row where two fit, else one under the other (a projector zoomed in).
            let per_row: usize = if ui.available_width() >= 760.0 { 2 } else { 1 };
            let width = ((ui.available_width() - 16.0) / per_row as f32).max(240.0);
            // Title, standing line and spacing above each chart.
            let rows = plan.kpis.len().div_ceil(per_row).max(1) as f32;
            let plot_height = if fit_height {
                ((ui.available_height() / rows) - 70.0).clamp(60.0, PLOT_HEIGHT)
            } else {
                PLOT_HEIGHT
            };
            egui::Grid::new("planner_kpi_grid")
                .num_columns(per_row)
                .spacing([16.0, 12.0])
                .show(ui, |ui| {
                    for (i, kpi) in plan.kpis.iter().enumerate() {
                        ui.vertical(|ui| {
                            ui.set_width(width);
                            kpi_card(ui, lang, plan, kpi, width, plot_height);
                            if let Some(edit) = edit.as_deref_mut() {
                                measurements_ui(ui, lang, cx.today, kpi, edit);
                            }
                        });
                        if i % per_row == per_row - 1 {
                            ui.end_row();
                        }
                    }
                });
        });
}

/// The KPI's measurements, newest first, each editable and removable.
fn measurements_ui(ui: &mut egui::Ui, lang: Language, today: NaiveDate, kpi: &Kpi, edit: &mut PlanEdit) {
    let mut rows: Vec<usize> = (0..edit.plan.measurements.len())
        .filter(|&i| edit.plan.measurements[i].kpi_id == kpi.id)
        .collect();
    rows.sort_by_key(|&i| std::cmp::Reverse(edit.plan.measurements[i].date));
    egui::CollapsingHeader::new(trf(lang, P::MeasurementsOf, &[("n", &rows.len())]))
        .id_salt(("kpi_measurements", &kpi.id))
        .show(ui, |ui| {
            if rows.is_empty() {
                ui.weak(tr(lang, P::NoMeasurements));
                return;
            }
            let mut remove = None;
            egui::Grid::new(("kpi_measurement_rows", &kpi.id))
                .num_columns(4)
                .striped(true)
                .show(ui, |ui| {
                    let date_header = ui.strong(tr(lang, P::ColDate)).id;
                    let value_header = ui.strong(tr(lang, P::ColValue)).id;
                    let competitor_header = ui.strong(tr(lang, P::SeriesCompetitor)).id;
                    ui.label("");
                    ui.end_row();
                    for &i in &rows {
                        let Some(m) = edit.plan.measurements.get_mut(i) else {
                            continue;
                        };
                        let id = egui::Id::unique(("kpi_measurement_date", i));
                        date_cell(
                            ui,
                            lang,
                            &mut edit.gesture,
                            &mut m.date,
                            id,
                            today,
                            false,
                            date_header,
                        );
                        let value = ui
                            .add(egui::DragValue::new(&mut m.value).speed(0.1).max_decimals(2))
                            .labelled_by(value_header);
                        let competitor = if let Some(c) = &mut m.competitor {
                            Some(
                                ui.add(egui::DragValue::new(c).speed(0.1).max_decimals(2))
                                    .labelled_by(competitor_header),
                            )
                        } else {
                            ui.weak("—");
                            None
                        };
                        edit.continuous(&value);
                        if let Some(competitor) = &competitor {
                            edit.continuous(competitor);
                        }
                        if remove_button(ui, lang) {
                            remove = Some(i);
                        }
                        ui.end_row();
                    }
                });
            if let Some(i) = remove {
                edit.plan.measurements.remove(i);
                edit.discrete(true);
            }
        });
}

/// One KPI: its title, latest value and standing, and the chart.
fn kpi_card(
    ui: &mut egui::Ui,
    lang: Language,
    plan: &IntegrationPlan,
    kpi: &Kpi,
    width: f32,
    plot_height: f32,
) {
    let dark = ui.visuals().dark_mode;
    ui.strong(format!("{}  {}", kpi.id, kpi.name));
    ui.horizontal(|ui| {
        ui.weak(format!(
            "{} · {} {} {}",
            direction_name(lang, kpi.direction),
            tr(lang, P::ColTarget),
            format_number(kpi.target),
            kpi.unit
        ));
        match latest_measurement(plan, &kpi.id) {
            Some(m) => {
                let (colour, key) = standing_style(standing(kpi.direction, m.value, kpi.target), dark);
                ui.label("·");
                ui.colored_label(
                    colour,
                    format!(
                        "{} ({})",
                        trf(
                            lang,
                            P::LatestValue,
                            &[
                                ("value", &format_number(m.value)),
                                ("unit", &kpi.unit),
                                ("date", &super::date_text(m.date)),
                            ],
                        ),
                        tr(lang, key)
                    ),
                );
            }
            None => {
                ui.weak(tr(lang, P::NoMeasurements));
            }
        }
    });

    let measured = measurements_of(plan, &kpi.id);
    let dated: Vec<(f64, &KpiMeasurement)> = measured
        .iter()
        .filter_map(|m| m.date.map(|d| (x_of(d), *m)))
        .collect();
    let line: Vec<[f64; 2]> = dated.iter().map(|(x, m)| [*x, m.value]).collect();
    let split = |wanted: Standing| -> Vec<[f64; 2]> {
        dated
            .iter()
            .filter(|(_, m)| standing(kpi.direction, m.value, kpi.target) == wanted)
            .map(|(x, m)| [*x, m.value])
            .collect()
    };
    let better = split(Standing::Better);
    let worse = split(Standing::Worse);
    let competitor: Vec<[f64; 2]> = dated
        .iter()
        .filter_map(|(x, m)| m.competitor.map(|c| [*x, c]))
        .collect();
    let (good, _) = standing_style(Standing::Better, dark);
    let (bad, _) = standing_style(Standing::Worse, dark);
    let neutral = ui.visuals().text_color().gamma_multiply(0.7);
    let competitor_colour = competitor_color(dark);
    let unit = kpi.unit.clone();
    Plot::new(("kpi_plot", &kpi.id))
        .height(plot_height)
        .width(width)
        .allow_drag(false)
        .allow_zoom(false)
        .allow_scroll(false)
        .allow_boxed_zoom(false)
        .include_y(kpi.target)
        .include_y(kpi.baseline)
        .y_axis_min_width(36.0)
        .x_axis_formatter(|mark, _range| {
            date_of(mark.value).map_or_else(String::new, |d| format!("{}-{:02}", d.year(), d.month()))
        })
        .label_formatter(move |hover| match hover {
            egui_plot::HoverPosition::NearDataPoint {
                plot_name, position, ..
            } => {
                let date = date_of(position.x).map_or_else(String::new, |d| d.to_string());
                Some(format!(
                    "{plot_name}\n{date}: {} {unit}",
                    format_number(position.y)
                ))
            }
            egui_plot::HoverPosition::Elsewhere { .. } => None,
        })
        .show(ui, |plot| {
            plot.hline(
                HLine::new(tr(lang, P::SeriesTarget), kpi.target)
                    .color(good)
                    .style(LineStyle::dashed_dense())
                    .width(1.5),
            );
            plot.hline(
                HLine::new(tr(lang, P::SeriesBaseline), kpi.baseline)
                    .color(neutral.gamma_multiply(0.6))
                    .style(LineStyle::dotted_loose())
                    .width(1.0),
            );
            if !competitor.is_empty() {
                plot.points(
                    Points::new(tr(lang, P::SeriesCompetitor), PlotPoints::from(competitor))
                        .shape(MarkerShape::Diamond)
                        .radius(4.0)
                        .color(competitor_colour),
                );
            }
            plot.line(
                Line::new(tr(lang, P::SeriesMeasured), PlotPoints::from(line))
                    .color(neutral)
                    .width(1.5),
            );
            if !better.is_empty() {
                plot.points(
                    Points::new(tr(lang, P::Better), PlotPoints::from(better))
                        .radius(4.0)
                        .filled(true)
                        .color(good),
                );
            }
            if !worse.is_empty() {
                plot.points(
                    Points::new(tr(lang, P::Worse), PlotPoints::from(worse))
                        .radius(4.0)
                        .filled(true)
                        .color(bad),
                );
            }
        });
}

fn competitor_color(dark: bool) -> egui::Color32 {
    if dark {
        egui::Color32::from_rgb(0xb0, 0x9c, 0xe0)
    } else {
        egui::Color32::from_rgb(0x6a, 0x4c, 0xa8)
    }
}

/// One legend for all the charts, so that none covers its data.
fn legend_ui(ui: &mut egui::Ui, lang: Language) {
    use egui::{Stroke, pos2, vec2};
    let dark = ui.visuals().dark_mode;
    let (good, _) = standing_style(Standing::Better, dark);
    let (bad, _) = standing_style(Standing::Worse, dark);
    let neutral = ui.visuals().text_color().gamma_multiply(0.7);
    let competitor = competitor_color(dark);
    ui.horizontal_wrapped(|ui| {
        let swatch = |ui: &mut egui::Ui, paint: &dyn Fn(&egui::Painter, egui::Rect), text: &str| {
            let (rect, _) = ui.allocate_exact_size(vec2(22.0, 14.0), egui::Sense::hover());
            paint(ui.painter(), rect);
            ui.label(text);
            ui.add_space(10.0);
        };
        let dot = |colour: egui::Color32| {
            move |p: &egui::Painter, r: egui::Rect| {
                p.circle_filled(r.center(), 4.0, colour);
            }
        };
        swatch(ui, &dot(good), tr(lang, P::Better));
        swatch(ui, &dot(bad), tr(lang, P::Worse));
        swatch(
            ui,
            &|p, r| {
                let c = r.center();
                p.add(egui::Shape::convex_polygon(
                    vec![
                        pos2(c.x, c.y - 5.0),
                        pos2(c.x + 5.0, c.y),
                        pos2(c.x, c.y + 5.0),
                        pos2(c.x - 5.0, c.y),
                    ],
                    competitor,
                    Stroke::NONE,
                ));
            },
            tr(lang, P::SeriesCompetitor),
        );
        swatch(
            ui,
            &|p, r| {
                p.line_segment([r.left_center(), r.right_center()], Stroke::new(1.5, neutral));
            },
            tr(lang, P::SeriesMeasured),
        );
        swatch(
            ui,
            &|p, r| {
                let y = r.center().y;
                for i in 0..3 {
                    let x = r.left() + i as f32 * 8.0;
                    p.line_segment([pos2(x, y), pos2(x + 5.0, y)], Stroke::new(1.5, good));
                }
            },
            tr(lang, P::SeriesTarget),
        );
        swatch(
            ui,
            &|p, r| {
                let y = r.center().y;
                for i in 0..6 {
                    p.circle_filled(pos2(r.left() + 2.0 + i as f32 * 4.0, y), 0.9, neutral);
                }
            },
            tr(lang, P::SeriesBaseline),
        );
    });
}
