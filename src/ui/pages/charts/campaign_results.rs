//! Campaign results on the Co-creation tab: reach, response rate and responders' revenue in
//! the days after the promotion, by RFM segment or by tier, as a table and a bar chart.

use egui_plot::{Bar, BarChart, GridMark};

use super::{ChartCx, title_ui};
use crate::i18n::segments::{SegmentKey as S, segment_name};
use crate::i18n::{tier_name, tr, trf};
use crate::model::Tier;
use crate::model::campaigns::{self, CampaignResults, ResultRow};
use crate::model::rfm_segments::RfmSegment;
use crate::ui::theme;

/// What the results were computed from.
#[derive(Clone, Debug, PartialEq)]
struct Key {
    revision: u64,
    campaign: String,
    days: u32,
    log_rows: Option<usize>,
}

/// View state of the campaign results.
pub struct ResultsView {
    campaign: Option<String>,
    days: u32,
    by_tier: bool,
    cache: Option<(Key, CampaignResults)>,
    /// Campaign names per scenario revision (a scan of every log row, not redone per frame).
    names: Option<(u64, Vec<String>)>,
}

impl Default for ResultsView {
    fn default() -> Self {
        Self {
            campaign: None,
            days: 30,
            by_tier: false,
            cache: None,
            names: None,
        }
    }
}

impl ResultsView {
    /// Draws the results; the responders' revenue comes from `cx.log` when there is one.
    pub fn ui(&mut self, ui: &mut egui::Ui, cx: &ChartCx<'_>) {
        let lang = cx.lang;
        let (pcx, log) = (cx.page, cx.log);
        title_ui(ui, tr(lang, S::ResultsTitle));
        let customers = &pcx.doc.scenario.customers;
        let revision = pcx.doc.revision();
        if self.names.as_ref().is_none_or(|(r, _)| *r != revision) {
            self.names = Some((revision, campaigns::campaign_names(customers)));
        }
        let names = self.names.as_ref().map(|(_, n)| n.clone()).unwrap_or_default();
        if names.is_empty() {
            ui.label(tr(lang, S::NoCampaigns));
            return;
        }
        if self.campaign.as_ref().is_none_or(|c| !names.contains(c)) {
            self.campaign = names.first().cloned();
        }
        ui.horizontal_wrapped(|ui| {
            let label = ui.label(tr(lang, S::ResultsCampaign));
            egui::ComboBox::from_id_salt("results_campaign")
                .selected_text(self.campaign.clone().unwrap_or_default())
                .width(300.0)
                .show_ui(ui, |ui| {
                    for name in &names {
                        ui.selectable_value(&mut self.campaign, Some(name.clone()), name);
                    }
                })
                .response
                .labelled_by(label.id);
            let label = ui.label(tr(lang, S::ResultsDays));
            ui.add(egui::DragValue::new(&mut self.days).range(1..=365))
                .labelled_by(label.id);
            ui.label(tr(lang, S::ResultsBy));
            ui.selectable_value(&mut self.by_tier, false, tr(lang, S::BySegment));
            ui.selectable_value(&mut self.by_tier, true, tr(lang, S::ByTier));
        });
        let key = Key {
            revision: pcx.doc.revision(),
            campaign: self.campaign.clone().unwrap_or_default(),
            days: self.days,
            log_rows: log.map(|l| l.len()),
        };
        if self.cache.as_ref().is_none_or(|(k, _)| *k != key) {
            let results = campaigns::campaign_results(
                customers,
                pcx.doc.segmentation(),
                &key.campaign,
                log.map(|l| l.as_slice()),
                key.days,
            );
            self.cache = Some((key, results));
        }
        let Some((_, results)) = &self.cache else { return };
        match log {
            Some(l) => ui.weak(trf(
                lang,
                S::RevenueFromLog,
                &[("n", &l.len()), ("days", &self.days)],
            )),
            None => ui.weak(tr(lang, S::RevenueNeedsLog)),
        };
        let rows: Vec<(String, ResultRow)> = if self.by_tier {
            Tier::ALL
                .iter()
                .map(|&t| (tier_name(lang, t).to_owned(), campaigns::tier_row(results, t)))
                .collect()
        } else {
            RfmSegment::ALL
                .iter()
                .map(|&s| segment_name(lang, s).to_owned())
                .chain(std::iter::once(tr(lang, S::NoSegment).to_owned()))
                .zip(results.by_segment)
                .collect()
        };
        let rows: Vec<(String, ResultRow)> = rows.into_iter().filter(|(_, r)| r.reached > 0).collect();
        table_ui(ui, cx, &rows, results.total);
        ui.add_space(6.0);
        chart_ui(ui, cx, &rows);
    }
}

fn pct(row: &ResultRow) -> String {
    row.rate_pct()
        .map_or_else(|| "—".to_owned(), |p| format!("{p:.0}%"))
}

fn table_ui(ui: &mut egui::Ui, cx: &ChartCx<'_>, rows: &[(String, ResultRow)], total: ResultRow) {
    let lang = cx.lang;
    let revenue = |r: &ResultRow| {
        r.responder_revenue
            .map_or_else(|| "—".to_owned(), |v| cx.money(v))
    };
    egui::Grid::new("campaign_results_table")
        .striped(true)
        .spacing([14.0, 4.0])
        .show(ui, |ui| {
            ui.label("");
            for key in [S::ColReach, S::ColResponded, S::ColRate, S::ColRevenue] {
                ui.strong(tr(lang, key));
            }
            ui.end_row();
            for (name, row) in rows
                .iter()
                .chain(std::iter::once(&(tr(lang, S::Total).to_owned(), total)))
            {
                ui.label(name);
                ui.label(row.reached.to_string());
                ui.label(row.responded.to_string());
                ui.label(pct(row));
                ui.label(revenue(row));
                ui.end_row();
            }
        });
}

fn chart_ui(ui: &mut egui::Ui, cx: &ChartCx<'_>, rows: &[(String, ResultRow)]) {
    let lang = cx.lang;
    // Horizontal bars, top to bottom in table order, so every name fits as a y-axis label.
    let labels: Vec<String> = rows.iter().map(|(n, _)| n.clone()).collect();
    let bars: Vec<Bar> = rows
        .iter()
        .enumerate()
        .map(|(i, (name, r))| {
            Bar::new(-(i as f64), r.rate_pct().unwrap_or(0.0))
                .width(0.6)
                .name(name)
                .fill(theme::accent_color(cx.dark))
        })
        .collect();
    let count = rows.len() as f64;
    super::super::still_plot("campaign_results_chart")
        .height(ui.available_height().clamp(160.0, 420.0))
        .default_x_bounds(0.0, 105.0)
        .default_y_bounds(-count + 0.4, 0.6)
        .x_axis_label(tr(lang, S::RateChart))
        .y_grid_spacer(move |input| {
            let (lo, hi) = input.bounds;
            (lo.ceil() as i64..=hi.floor() as i64)
                .map(|v| GridMark {
                    value: v as f64,
                    step_size: 1.0,
                })
                .collect()
        })
        .y_axis_formatter(move |mark, _| {
            let i = -mark.value.round();
            if (mark.value.round() - mark.value).abs() < 1e-6 && i >= 0.0 {
                labels.get(i as usize).cloned().unwrap_or_default()
            } else {
                String::new()
            }
        })
        .show(ui, |plot| {
            plot.bar_chart(
                BarChart::new(tr(lang, S::RateChart), bars)
                    .horizontal()
                    .color(theme::accent_color(cx.dark)),
            );
        });
}
