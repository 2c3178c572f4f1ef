//! Charts: for now the count of customers per tier; the full chart set comes with its issue.

use egui_plot::{Bar, BarChart, Plot};

use super::super::theme;
use crate::i18n::{Key, tier_name, tr};
use crate::model::Tier;

/// View state of the page.
#[derive(Default)]
pub struct ChartsView {}

impl ChartsView {
    #[allow(clippy::unused_self, reason = "this page keeps no view state yet")]
    pub fn ui(
        &mut self,
        ui: &mut egui::Ui,
        cx: &super::PageContext<'_>,
        filter: &crate::model::customer_table::Filter,
        selected: Option<usize>,
        out: &mut Vec<crate::ui::commands::Command>,
    ) {
        let _ = (out, filter, selected);
        let (doc, lang) = (cx.doc, cx.lang);

        super::heading(ui, tr(lang, Key::PageCharts), tr(lang, Key::ChartsIntro));
        let counts = doc.segmentation().tier_counts();
        let dark = ui.visuals().dark_mode;
        ui.strong(tr(lang, Key::ChartsTierShare));
        let charts: Vec<BarChart> = Tier::ALL
            .iter()
            .enumerate()
            .map(|(i, &tier)| {
                let name = tier_name(lang, tier);
                BarChart::new(
                    name,
                    vec![
                        Bar::new(i as f64, counts[tier as usize] as f64)
                            .width(0.6)
                            .name(name),
                    ],
                )
                .color(theme::tier_color(tier, dark))
            })
            .collect();
        let labels: Vec<String> = Tier::ALL.iter().map(|&t| tier_name(lang, t).to_owned()).collect();
        Plot::new("tier_counts")
            .height(260.0)
            .allow_drag(false)
            .allow_zoom(false)
            .allow_scroll(false)
            .show_x(false)
            .y_axis_label(tr(lang, Key::SumCustomers))
            .x_axis_formatter(move |mark, _range| {
                let i = mark.value.round();
                if (mark.value - i).abs() < 1e-6 && i >= 0.0 {
                    labels.get(i as usize).cloned().unwrap_or_default()
                } else {
                    String::new()
                }
            })
            .legend(egui_plot::Legend::default())
            .show(ui, |plot| {
                for chart in charts {
                    plot.bar_chart(chart);
                }
            });
    }
}
