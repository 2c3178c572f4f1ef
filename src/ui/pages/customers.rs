//! Customers: the headline totals and a table of every customer with profit, class and tier.

use egui_extras::{Column, TableBuilder};

use super::super::theme;
use crate::i18n::{Key, class_name, tier_name, tier_reason, tr, trf};
use crate::model::{Tier, format_minor};

/// View state of the page.
#[derive(Default)]
pub struct CustomersView {}

impl CustomersView {
    #[allow(clippy::unused_self, reason = "this page keeps no view state yet")]
    pub fn ui(
        &mut self,
        ui: &mut egui::Ui,
        cx: &super::PageContext<'_>,
        out: &mut Vec<crate::ui::commands::Command>,
    ) {
        let _ = out;
        let (doc, lang) = (cx.doc, cx.lang);

        super::heading(ui, tr(lang, Key::PageCustomers), tr(lang, Key::CustomersIntro));
        let seg = doc.segmentation();
        let dark = ui.visuals().dark_mode;
        let symbol = &doc.scenario.settings.currency_symbol;
        ui.horizontal_wrapped(|ui| {
            ui.label(format!(
                "{}: {}",
                tr(lang, Key::SumCustomers),
                doc.scenario.customers.len()
            ));
            ui.separator();
            ui.label(format!(
                "{}: {symbol}{}",
                tr(lang, Key::SumRevenue),
                format_minor(seg.revenue_total)
            ));
            ui.separator();
            ui.label(format!(
                "{}: {symbol}{}",
                tr(lang, Key::SumProfit),
                format_minor(seg.profit_total)
            ));
            ui.separator();
            let counts = seg.tier_counts();
            for tier in Tier::ALL {
                ui.colored_label(
                    theme::tier_color(tier, dark),
                    format!("{} {}", tier_name(lang, tier), counts[tier as usize]),
                );
            }
        });
        ui.weak(tr(lang, Key::CustomersComing));
        ui.add_space(4.0);
        if doc.scenario.customers.is_empty() {
            ui.label(tr(lang, Key::NoCustomers));
            return;
        }
        let row_height = ui.text_style_height(&egui::TextStyle::Body) + 6.0;
        TableBuilder::new(ui)
            .id_salt("customers_table")
            .striped(true)
            .resizable(true)
            .cell_layout(egui::Layout::left_to_right(egui::Align::Center))
            .column(Column::auto().at_least(50.0))
            .column(Column::initial(200.0).at_least(80.0).clip(true))
            .column(Column::initial(120.0).clip(true))
            .column(Column::initial(100.0).clip(true))
            .column(Column::auto().at_least(110.0))
            .column(Column::auto().at_least(110.0))
            .column(Column::auto().at_least(60.0))
            .column(Column::auto().at_least(40.0))
            .column(Column::remainder().at_least(90.0))
            .header(row_height, |mut header| {
                for key in [
                    Key::ColId,
                    Key::ColName,
                    Key::ColIndustry,
                    Key::ColRegion,
                    Key::ColRevenue,
                    Key::ColProfit,
                    Key::ColMargin,
                    Key::ColClass,
                    Key::ColTier,
                ] {
                    header.col(|ui| {
                        ui.strong(tr(lang, key));
                    });
                }
            })
            .body(|body| {
                // Only the visible rows are laid out, so 100,000 customers scroll smoothly.
                body.rows(row_height, doc.scenario.customers.len(), |mut row| {
                    let i = row.index();
                    let (Some(c), Some(f)) = (doc.scenario.customers.get(i), seg.figures.get(i)) else {
                        return;
                    };
                    row.col(|ui| {
                        ui.monospace(&c.id);
                    });
                    row.col(|ui| {
                        ui.label(&c.name);
                    });
                    row.col(|ui| {
                        ui.label(&c.industry);
                    });
                    row.col(|ui| {
                        ui.label(&c.region);
                    });
                    row.col(|ui| {
                        ui.monospace(c.revenue.to_string());
                    });
                    row.col(|ui| {
                        let text = format_minor(f.profit);
                        if f.profit < 0 {
                            ui.colored_label(
                                theme::tier_color(Tier::LossMaking, dark),
                                egui::RichText::new(text).monospace(),
                            );
                        } else {
                            ui.monospace(text);
                        }
                    });
                    row.col(|ui| {
                        ui.monospace(
                            f.margin
                                .map_or_else(|| "—".to_owned(), |m| format!("{:.1}%", m * 100.0)),
                        );
                    });
                    row.col(|ui| {
                        ui.label(class_name(f.class));
                    });
                    row.col(|ui| {
                        let overridden = c.tier_override.is_some();
                        let mut text = tier_name(lang, f.tier).to_owned();
                        if overridden {
                            text.push_str(" *");
                        }
                        let reason = match &c.tier_override {
                            Some(o) => trf(
                                lang,
                                Key::ReasonOverride,
                                &[
                                    ("reason", &o.reason),
                                    ("computed", &tier_name(lang, f.computed_tier)),
                                ],
                            ),
                            None => tier_reason(lang, &f.reason),
                        };
                        ui.colored_label(theme::tier_color(f.tier, dark), text)
                            .on_hover_text(reason);
                    });
                });
            });
    }
}
