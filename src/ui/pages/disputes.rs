//! Disputes: the log of disputes with their customer, kind, amount, route and status.

use egui_extras::{Column, TableBuilder};

use crate::i18n::{Key, dispute_kind_name, dispute_status_name, route_name, tr};

/// View state of the page.
#[derive(Default)]
pub struct DisputesView {}

impl DisputesView {
    #[allow(clippy::unused_self, reason = "this page keeps no view state yet")]
    pub fn ui(
        &mut self,
        ui: &mut egui::Ui,
        cx: &super::PageContext<'_>,
        out: &mut Vec<crate::ui::commands::Command>,
    ) {
        let _ = out;
        let (doc, lang) = (cx.doc, cx.lang);

        super::heading(ui, tr(lang, Key::PageDisputes), tr(lang, Key::DisputesIntro));
        let disputes = &doc.scenario.disputes;
        if disputes.is_empty() {
            ui.label(tr(lang, Key::NoDisputes));
            return;
        }
        let row_height = ui.text_style_height(&egui::TextStyle::Body) + 8.0;
        TableBuilder::new(ui)
            .id_salt("disputes_log")
            .striped(true)
            .cell_layout(egui::Layout::left_to_right(egui::Align::Center))
            .column(Column::auto().at_least(50.0))
            .column(Column::initial(200.0).clip(true))
            .column(Column::initial(200.0).clip(true))
            .column(Column::auto().at_least(120.0))
            .column(Column::auto().at_least(100.0))
            .column(Column::remainder().at_least(80.0))
            .header(row_height, |mut header| {
                for key in [
                    Key::ColId,
                    Key::ColCustomer,
                    Key::ColKind,
                    Key::ColAmount,
                    Key::ColRoute,
                    Key::ColStatus,
                ] {
                    header.col(|ui| {
                        ui.strong(tr(lang, key));
                    });
                }
            })
            .body(|mut body| {
                for d in disputes {
                    body.row(row_height, |mut row| {
                        row.col(|ui| {
                            ui.monospace(&d.id);
                        });
                        row.col(|ui| {
                            let name = doc
                                .scenario
                                .customer(&d.customer_id)
                                .map_or(d.customer_id.as_str(), |c| c.name.as_str());
                            ui.label(name);
                        });
                        row.col(|ui| {
                            ui.label(dispute_kind_name(lang, d.kind));
                        });
                        row.col(|ui| {
                            ui.monospace(d.amount_claimed.to_string());
                        });
                        row.col(|ui| {
                            ui.label(route_name(lang, d.route));
                        });
                        row.col(|ui| {
                            ui.label(dispute_status_name(lang, d.status));
                        });
                    });
                }
            });
    }
}
