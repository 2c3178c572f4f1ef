//! Co-creation: satisfaction over time (the monthly mean and one chosen customer),
//! interactions per month and the promotion response rate by campaign.

use egui::{Align2, RichText};
use egui_plot::{Bar, BarChart, Corner, GridMark, Legend, Line, MarkerShape, PlotPoint, Points, Text};

use super::campaign_results::ResultsView;
use super::shared::Cache;
use super::{Chart, ChartCx, ChartTab, K, title_ui};
use crate::i18n::segments::SegmentKey as S;
use crate::i18n::{tr, trf};
use crate::model::charts::{
    self as series, CampaignResponse, MonthValue, customer_satisfaction, month_label, month_position,
};
use crate::model::{Language, Tier};
use crate::report::ChartKind;
use crate::ui::commands::Command;
use crate::ui::theme;

/// Customers offered in the satisfaction chooser at most.
const MAX_CHOOSER: usize = 300;

/// The co-creation series: they depend on the scenario and the filter, not on the what-if.
struct Series {
    satisfaction: Vec<MonthValue>,
    interactions: Vec<MonthValue>,
    campaigns: Vec<CampaignResponse>,
    /// Customers with experience logs, most entries first, for the satisfaction chooser;
    /// capped so the list stays usable (and cheap) at 100,000 customers.
    with_experiences: Vec<usize>,
}

impl Series {
    fn build(cx: &ChartCx<'_>) -> Self {
        let customers = cx.customers;
        let scope = &cx.shared.scope;
        let mut with_experiences: Vec<(usize, usize)> = scope
            .iter()
            .filter_map(|&i| customers.get(i).map(|c| (i, c.experiences.len())))
            .filter(|(_, n)| *n > 0)
            .collect();
        with_experiences.sort_by_key(|&(i, n)| (std::cmp::Reverse(n), i));
        with_experiences.truncate(MAX_CHOOSER);
        Self {
            satisfaction: series::satisfaction_by_month(customers, scope),
            interactions: series::interactions_by_month(customers, scope),
            campaigns: series::response_by_campaign(customers, scope),
            with_experiences: with_experiences.into_iter().map(|(i, _)| i).collect(),
        }
    }
}

/// The co-creation tab: the trends, or on the page the campaign results instead.
#[derive(Default)]
pub struct CocreationChart {
    series: Cache<Series>,
    /// Whose satisfaction is drawn beside the average.
    chosen: Option<usize>,
    /// The page shows the campaign results instead of the trends.
    show_results: bool,
    results: ResultsView,
}

impl Chart for CocreationChart {
    fn tab(&self) -> ChartTab {
        ChartTab::Cocreation
    }

    fn label(&self, lang: Language) -> &'static str {
        tr(lang, K::TabCocreation)
    }

    fn file_stem(&self) -> &'static str {
        "co-creation"
    }

    fn image(&self) -> Option<ChartKind> {
        Some(ChartKind::Cocreation)
    }

    fn derive(&mut self, cx: &ChartCx<'_>) {
        self.series.refresh(cx.shared.saved_stamp, || Series::build(cx));
    }

    fn ui(&mut self, ui: &mut egui::Ui, cx: &ChartCx<'_>, out: &mut Vec<Command>) {
        if let Some(s) = self.series.get(cx.shared.saved_stamp) {
            trends_ui(ui, cx, s, &mut self.chosen, out);
        }
    }

    fn page_ui(&mut self, ui: &mut egui::Ui, cx: &ChartCx<'_>, out: &mut Vec<Command>) {
        let lang = cx.lang;
        super::tall_ui(ui, "cocreation", |ui| {
            ui.horizontal(|ui| {
                ui.selectable_value(&mut self.show_results, false, tr(lang, S::Trends));
                ui.selectable_value(&mut self.show_results, true, tr(lang, S::ResultsTitle));
            });
            if self.show_results {
                self.results.ui(ui, cx);
            } else {
                self.ui(ui, cx, out);
            }
        });
    }

    fn csv(&self, cx: &ChartCx<'_>) -> String {
        self.series
            .get(cx.shared.saved_stamp)
            .map_or_else(String::new, |s| {
                series::cocreation_csv(&s.satisfaction, &s.interactions, &s.campaigns)
            })
    }
}

/// Month labels on whole months, spaced so at most about eight show.
fn month_marks(lo: f64, hi: f64, max_labels: i64) -> Vec<GridMark> {
    let (lo, hi) = (lo.ceil() as i64, hi.floor() as i64);
    let span = (hi - lo).max(1);
    let step = [1, 2, 3, 6, 12, 24]
        .into_iter()
        .find(|s| span / s < max_labels)
        .unwrap_or(48);
    (lo..=hi)
        .filter(|m| m.rem_euclid(step) == 0)
        .map(|m| GridMark {
            value: m as f64,
            step_size: step as f64,
        })
        .collect()
}

fn month_axis(mark: GridMark) -> String {
    let m = mark.value.round();
    if (mark.value - m).abs() < 1e-6 {
        month_label(m as i32)
    } else {
        String::new()
    }
}

fn trends_ui(
    ui: &mut egui::Ui,
    cx: &ChartCx<'_>,
    s: &Series,
    chosen: &mut Option<usize>,
    out: &mut Vec<Command>,
) {
    let lang = cx.lang;
    let d = cx.shared;
    let total_height = ui.available_height();
    let top_height = ((total_height - 110.0) * 0.5).max(200.0);
    let bottom_height = (total_height - top_height - 110.0).max(200.0);

    // Who is drawn beside the average: the user's choice, else the customer selected on the
    // Customers page, else the one with the most experiences.
    let with_logs = &s.with_experiences;
    let has_logs =
        |i: usize| d.scope.contains(&i) && cx.customers.get(i).is_some_and(|c| !c.experiences.is_empty());
    if chosen.is_none_or(|c| !has_logs(c)) {
        *chosen = cx
            .selected
            .filter(|&s| has_logs(s))
            .or_else(|| with_logs.first().copied());
    }

    ui.horizontal(|ui| {
        title_ui(ui, tr(lang, K::SatTitle));
        ui.add_space(16.0);
        let label = ui.label(tr(lang, K::ChooseCustomer));
        egui::ComboBox::from_id_salt("satisfaction_customer")
            .selected_text(chosen.map_or_else(|| tr(lang, K::NoneChosen).to_owned(), |i| cx.name(i)))
            .width(260.0)
            .show_ui(ui, |ui| {
                for &i in with_logs {
                    ui.selectable_value(chosen, Some(i), cx.name(i));
                }
            })
            .response
            .labelled_by(label.id)
            .on_hover_text(tr(lang, K::ChooseCustomerHint));
    });

    if s.satisfaction.is_empty() && s.interactions.is_empty() && s.campaigns.is_empty() {
        ui.label(tr(lang, K::NoLogs));
        return;
    }

    let strong = ui.visuals().strong_text_color();
    let mean: Vec<[f64; 2]> = s
        .satisfaction
        .iter()
        .map(|m| [f64::from(m.month) + 0.5, m.value])
        .collect();
    let one = chosen.and_then(|i| cx.customers.get(i).map(|c| (i, customer_satisfaction(c))));
    let one_color = chosen
        .and_then(|i| d.seg.figures.get(i))
        .map_or(theme::tier_color(Tier::General, cx.dark), |f| {
            theme::tier_color(f.tier, cx.dark)
        });
    let one_points: Vec<[f64; 2]> = one
        .as_ref()
        .map(|(_, s)| {
            s.iter()
                .map(|(date, v)| [month_position(*date), f64::from(*v)])
                .collect()
        })
        .unwrap_or_default();
    let one_name = chosen.map(|i| cx.name(i)).unwrap_or_default();
    let sat = super::still_plot("satisfaction")
        .height(top_height)
        .default_y_bounds(0.5, 5.5)
        .x_axis_label(tr(lang, K::MonthAxis))
        .y_axis_label(tr(lang, K::SatYAxis))
        .x_grid_spacer(|input| month_marks(input.bounds.0, input.bounds.1, 9))
        .x_axis_formatter(|mark, _| month_axis(mark))
        .y_axis_formatter(|mark, _| super::one_to_five(mark.value))
        .legend(
            Legend::default()
                .follow_insertion_order(true)
                .position(Corner::LeftBottom),
        )
        .show(ui, |plot| {
            plot.line(
                Line::new(tr(lang, K::SatAll), mean.clone())
                    .color(strong)
                    .width(2.5)
                    .allow_hover(false),
            );
            plot.points(
                Points::new(tr(lang, K::SatAll), mean.clone())
                    .color(strong)
                    .radius(4.0)
                    .allow_hover(false),
            );
            if !one_points.is_empty() {
                plot.line(
                    Line::new(one_name.clone(), one_points.clone())
                        .color(one_color)
                        .width(2.0)
                        .allow_hover(false),
                );
                plot.points(
                    Points::new(one_name.clone(), one_points.clone())
                        .shape(MarkerShape::Diamond)
                        .color(one_color)
                        .radius(6.0)
                        .allow_hover(false),
                );
            }
        });
    if let Some(pos) = sat.response.hover_pos() {
        // (index, true when it is one of the chosen customer's scores rather than a month mean)
        let targets = mean
            .iter()
            .enumerate()
            .map(|(k, p)| (PlotPoint::new(p[0], p[1]), (k, false)))
            .chain(
                one_points
                    .iter()
                    .enumerate()
                    .map(|(k, p)| (PlotPoint::new(p[0], p[1]), (k, true))),
            );
        let hit = super::nearest(targets, &sat.transform, pos, 14.0);
        match hit {
            Some((k, false)) => {
                if let Some(m) = s.satisfaction.get(k) {
                    sat.response.clone().on_hover_ui_at_pointer(|ui| {
                        ui.label(trf(
                            lang,
                            K::TipMonthMean,
                            &[
                                ("month", &month_label(m.month)),
                                ("value", &format!("{:.2}", m.value)),
                                ("n", &m.entries),
                            ],
                        ));
                    });
                }
            }
            Some((k, true)) => {
                if let Some((index, scores)) = &one
                    && let Some((date, value)) = scores.get(k)
                {
                    sat.response.clone().on_hover_ui_at_pointer(|ui| {
                        cx.customer_tooltip(
                            ui,
                            *index,
                            &[trf(lang, K::TipScore, &[("date", date), ("value", value)])],
                        );
                    });
                    if sat.response.clicked() {
                        out.push(Command::SelectCustomer(*index));
                    }
                }
            }
            None => {}
        }
    }

    ui.add_space(6.0);
    ui.columns(2, |columns| {
        if let [left, right] = columns {
            interactions_ui(left, cx, &s.interactions, bottom_height);
            response_ui(right, cx, &s.campaigns, bottom_height);
        }
    });
}

fn interactions_ui(ui: &mut egui::Ui, cx: &ChartCx<'_>, interactions: &[MonthValue], height: f32) {
    let lang = cx.lang;
    title_ui(ui, tr(lang, K::InterTitle));
    let bars: Vec<Bar> = interactions
        .iter()
        .map(|m| {
            Bar::new(f64::from(m.month), m.value)
                .width(0.7)
                .fill(theme::accent_color(cx.dark))
        })
        .collect();
    let response = super::still_plot("interactions")
        .height(height)
        .include_y(0.0)
        .x_axis_label(tr(lang, K::MonthAxis))
        .y_axis_label(tr(lang, K::InterYAxis))
        .x_grid_spacer(|input| month_marks(input.bounds.0, input.bounds.1, 5))
        .x_axis_formatter(|mark, _| month_axis(mark))
        .legend(
            Legend::default()
                .follow_insertion_order(true)
                .position(Corner::LeftTop),
        )
        .show(ui, |plot| {
            plot.bar_chart(
                BarChart::new(tr(lang, K::InterSeries), bars)
                    .color(theme::accent_color(cx.dark))
                    .allow_hover(false),
            );
        });
    if let Some(pos) = response.response.hover_pos() {
        let month = response.transform.value_from_position(pos).x.round() as i32;
        if let Some(m) = interactions.iter().find(|m| m.month == month) {
            response.response.clone().on_hover_ui_at_pointer(|ui| {
                ui.label(trf(
                    lang,
                    K::TipInteractions,
                    &[("month", &month_label(m.month)), ("n", &m.entries)],
                ));
            });
        }
    }
}

fn response_ui(ui: &mut egui::Ui, cx: &ChartCx<'_>, campaigns: &[CampaignResponse], height: f32) {
    let lang = cx.lang;
    title_ui(ui, tr(lang, K::RespTitle));
    let rows = campaigns.len();
    let name = |c: &CampaignResponse| {
        if c.campaign.is_empty() {
            tr(lang, K::NoCampaign).to_owned()
        } else {
            c.campaign.clone()
        }
    };
    // Campaign names are long, so each sits above its bar instead of on a cramped axis.
    let bars: Vec<Bar> = campaigns
        .iter()
        .enumerate()
        .map(|(k, c)| {
            Bar::new(-(k as f64), c.rate_pct())
                .width(0.32)
                .fill(theme::accent_color(cx.dark))
        })
        .collect();
    let text_color = ui.visuals().strong_text_color();
    let response = super::still_plot("campaign_response")
        .height(height)
        // Room right of 100 % for the legend, so it never covers a bar.
        .default_x_bounds(0.0, 128.0)
        .default_y_bounds(-(rows as f64) + 0.5, 0.9)
        .show_axes([true, false])
        .x_axis_label(tr(lang, K::RespXAxis))
        .x_axis_formatter(|mark, _| {
            if mark.value <= 100.0 + 1e-6 {
                format!("{:.0}%", mark.value)
            } else {
                String::new()
            }
        })
        .legend(
            Legend::default()
                .follow_insertion_order(true)
                .position(Corner::RightBottom),
        )
        .show(ui, |plot| {
            plot.bar_chart(
                BarChart::new(tr(lang, K::RespSeries), bars)
                    .horizontal()
                    .color(theme::accent_color(cx.dark))
                    .allow_hover(false),
            );
            for (k, c) in campaigns.iter().enumerate() {
                plot.text(
                    Text::new(
                        "",
                        PlotPoint::new(0.5, -(k as f64) + 0.2),
                        RichText::new(format!(
                            "{}  {:.0}% ({}/{})",
                            name(c),
                            c.rate_pct(),
                            c.responded,
                            c.reached
                        ))
                        .size(13.0),
                    )
                    .anchor(Align2::LEFT_BOTTOM)
                    .color(text_color)
                    .id(("campaign", k)),
                );
            }
        });
    if let Some(pos) = response.response.hover_pos() {
        let k = -response.transform.value_from_position(pos).y.round();
        if k >= 0.0
            && let Some(c) = campaigns.get(k as usize)
        {
            response.response.clone().on_hover_ui_at_pointer(|ui| {
                ui.label(trf(
                    lang,
                    K::TipResponse,
                    &[
                        ("campaign", &name(c)),
                        ("responded", &c.responded),
                        ("reached", &c.reached),
                        ("pct", &format!("{:.0}", c.rate_pct())),
                    ],
                ));
            });
        }
    }
}
