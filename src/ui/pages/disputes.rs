//! Disputes: the log (filter, sort, open, edit, report), a summary chart, and the decision
//! wizard (in `dispute_wizard`).

use egui::RichText;
use egui_extras::{Column, TableBuilder};

use super::super::theme;
use super::PageContext;
use super::dispute_wizard::{self, WizardOutcome};
use crate::i18n::disputes::{DisputeKey as K, days_left_text, deadline_name, order_text, route, t};
use crate::i18n::{Key, dispute_kind_name, dispute_status_name, route_name, tr, trf};
use crate::model::advice::{Deadline, advise_dispute};
use crate::model::{Dispute, DisputeKind, DisputeStatus, Part, Route};
use crate::report::dispute::{ReportInput, dispute_html, dispute_markdown, report_file_name};
use crate::ui::commands::{Command, ExportFile};
use crate::ui::widgets::Gesture;

/// Which half of the page is shown: the enum a lesson scene names.
use crate::model::scene::DisputeView as Tab;

/// The column the log is sorted by.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
enum SortBy {
    #[default]
    Id,
    Customer,
    Kind,
    Amount,
    Route,
    Status,
    Deadline,
}

/// View state of the page.
#[derive(Default)]
pub struct DisputesView {
    tab: Tab,
    search: String,
    kind_filter: Option<DisputeKind>,
    status_filter: Option<DisputeStatus>,
    sort: SortBy,
    descending: bool,
    /// The id of the dispute opened below the log.
    selected: Option<String>,
}

/// One row of the log, derived for drawing and sorting.
struct Row<'a> {
    dispute: &'a Dispute,
    customer: String,
    next: Option<Deadline>,
}

impl DisputesView {
    /// Shows the log, with `id` opened below it when given.
    pub fn show_dispute(&mut self, id: Option<&str>) {
        self.tab = Tab::Log;
        if let Some(id) = id {
            self.selected = Some(id.to_owned());
        }
    }

    /// Shows the wizard.
    pub fn show_wizard(&mut self) {
        self.tab = Tab::Wizard;
    }

    /// The half shown and the dispute opened, as a scene keeps them.
    #[must_use]
    pub fn scene_view(&self) -> (Tab, Option<String>) {
        (self.tab, self.selected.clone())
    }

    /// Shows a scene's half of the page with its dispute opened (none when `None`).
    pub fn show_scene_view(&mut self, view: Tab, dispute: Option<String>) {
        self.tab = view;
        self.selected = dispute;
    }

    pub fn ui(&mut self, ui: &mut egui::Ui, cx: &PageContext<'_>, out: &mut Vec<Command>) {
        let lang = cx.lang;
        super::heading(ui, tr(lang, Key::PageDisputes), t(lang, K::Intro));
        let draft = cx.doc.scenario.dispute_draft.as_ref();
        ui.horizontal(|ui| {
            if ui
                .add(egui::Button::selectable(self.tab == Tab::Log, t(lang, K::TabLog)))
                .clicked()
            {
                self.tab = Tab::Log;
            }
            let wizard_label = if draft.is_some() {
                K::TabWizardDraft
            } else {
                K::TabWizard
            };
            if ui
                .add(egui::Button::selectable(
                    self.tab == Tab::Wizard,
                    t(lang, wizard_label),
                ))
                .clicked()
            {
                self.tab = Tab::Wizard;
            }
            ui.separator();
            if draft.is_some() {
                if self.tab == Tab::Log && ui.button(t(lang, K::ResumeDraft)).clicked() {
                    self.tab = Tab::Wizard;
                }
            } else if ui.button(t(lang, K::NewDispute)).clicked() {
                out.push(Command::Edit {
                    part: Part::DisputeDraft(Some(Box::new(dispute_wizard::new_draft(cx)))),
                    gesture: None,
                });
                self.tab = Tab::Wizard;
            }
        });
        ui.separator();
        match (self.tab, draft) {
            (Tab::Wizard, Some(draft)) => {
                if let Some(WizardOutcome::Recorded(id)) = dispute_wizard::wizard_ui(ui, cx, draft, out) {
                    self.selected = Some(id);
                    self.tab = Tab::Log;
                }
            }
            (Tab::Wizard, None) => {
                ui.label(t(lang, K::NoDraft));
            }
            (Tab::Log, _) => self.log_ui(ui, cx, out),
        }
    }

    fn log_ui(&mut self, ui: &mut egui::Ui, cx: &PageContext<'_>, out: &mut Vec<Command>) {
        let lang = cx.lang;
        let scenario = &cx.doc.scenario;
        if let Some(draft) = &scenario.dispute_draft {
            let customer = scenario
                .customer(&draft.dispute.customer_id)
                .map_or("—", |c| c.name.as_str());
            ui.colored_label(
                theme::warning_color(ui.visuals().dark_mode),
                trf(lang, K::DraftInProgress, &[("customer", &customer)]),
            );
        }
        if scenario.disputes.is_empty() {
            ui.label(tr(lang, Key::NoDisputes));
            return;
        }
        self.filters_ui(ui, cx);
        let rows = self.rows(cx);
        ui.weak(trf(
            lang,
            K::Shown,
            &[("shown", &rows.len()), ("total", &scenario.disputes.len())],
        ));
        let visible_rows = rows.len().clamp(1, 8) as f32;
        let row_height = ui.text_style_height(&egui::TextStyle::Body) + 10.0;
        ui.allocate_ui(
            egui::vec2(ui.available_width(), row_height * (visible_rows + 1.0) + 8.0),
            |ui| {
                // Nine columns do not fit a narrow screen: the log scrolls sideways.
                egui::ScrollArea::horizontal()
                    .id_salt("disputes_log_scroll")
                    .show(ui, |ui| self.table_ui(ui, cx, &rows, row_height));
            },
        );
        ui.separator();
        egui::ScrollArea::vertical()
            .id_salt("disputes_below_log")
            .auto_shrink([false, false])
            .show(ui, |ui| {
                if let Some(index) = self
                    .selected
                    .as_ref()
                    .and_then(|id| scenario.disputes.iter().position(|d| &d.id == id))
                {
                    self.detail_ui(ui, cx, index, out);
                    ui.separator();
                }
                summary_charts(ui, cx);
            });
    }

    fn filters_ui(&mut self, ui: &mut egui::Ui, cx: &PageContext<'_>) {
        let lang = cx.lang;
        ui.horizontal(|ui| {
            let label = ui.label(t(lang, K::Search));
            ui.add(egui::TextEdit::singleline(&mut self.search).desired_width(200.0))
                .labelled_by(label.id);
            ui.separator();
            let label = ui.label(tr(lang, Key::ColKind));
            egui::ComboBox::from_id_salt("dispute_kind_filter")
                .selected_text(
                    self.kind_filter
                        .map_or(t(lang, K::All), |k| dispute_kind_name(lang, k)),
                )
                .width(220.0)
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut self.kind_filter, None, t(lang, K::All));
                    for kind in DisputeKind::ALL {
                        ui.selectable_value(&mut self.kind_filter, Some(kind), dispute_kind_name(lang, kind));
                    }
                })
                .response
                .labelled_by(label.id)
                .on_hover_text(t(lang, K::FilterKind));
            let label = ui.label(tr(lang, Key::ColStatus));
            egui::ComboBox::from_id_salt("dispute_status_filter")
                .selected_text(
                    self.status_filter
                        .map_or(t(lang, K::All), |s| dispute_status_name(lang, s)),
                )
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut self.status_filter, None, t(lang, K::All));
                    for status in STATUSES {
                        ui.selectable_value(
                            &mut self.status_filter,
                            Some(status),
                            dispute_status_name(lang, status),
                        );
                    }
                })
                .response
                .labelled_by(label.id)
                .on_hover_text(t(lang, K::FilterStatus));
        });
    }

    /// The disputes that pass the filters, sorted.
    fn rows<'a>(&self, cx: &'a PageContext<'_>) -> Vec<Row<'a>> {
        let scenario = &cx.doc.scenario;
        let needle = self.search.trim().to_lowercase();
        let mut rows: Vec<Row<'a>> = scenario
            .disputes
            .iter()
            .enumerate()
            .filter(|(_, d)| self.kind_filter.is_none_or(|k| d.kind == k))
            .filter(|(_, d)| self.status_filter.is_none_or(|s| d.status == s))
            .map(|(_, d)| {
                let customer = scenario
                    .customer(&d.customer_id)
                    .map_or_else(|| d.customer_id.clone(), |c| c.name.clone());
                let advice = advise_dispute(scenario, cx.doc.segmentation(), d, cx.today);
                Row {
                    dispute: d,
                    customer,
                    next: advice.next_deadline().copied(),
                }
            })
            .filter(|r| {
                needle.is_empty()
                    || [
                        r.dispute.id.as_str(),
                        r.dispute.customer_id.as_str(),
                        r.customer.as_str(),
                        r.dispute.contract.name.as_str(),
                        r.dispute.facts.as_str(),
                    ]
                    .iter()
                    .any(|s| s.to_lowercase().contains(&needle))
            })
            .collect();
        let kind_rank = |k: DisputeKind| DisputeKind::ALL.iter().position(|&x| x == k);
        let route_rank = |r: Option<Route>| r.and_then(|r| Route::ALL.iter().position(|&x| x == r));
        let status_rank = |s: DisputeStatus| STATUSES.iter().position(|&x| x == s);
        rows.sort_by(|a, b| {
            let (x, y) = (a.dispute, b.dispute);
            let order = match self.sort {
                SortBy::Id => x.id.cmp(&y.id),
                SortBy::Customer => a.customer.cmp(&b.customer),
                SortBy::Kind => kind_rank(x.kind).cmp(&kind_rank(y.kind)),
                SortBy::Amount => x.amount_claimed.cmp(&y.amount_claimed),
                SortBy::Route => route_rank(x.route).cmp(&route_rank(y.route)),
                SortBy::Status => status_rank(x.status).cmp(&status_rank(y.status)),
                // Disputes with no deadline go last.
                SortBy::Deadline => a
                    .next
                    .map_or(i64::MAX, |d| d.days_left)
                    .cmp(&b.next.map_or(i64::MAX, |d| d.days_left)),
            };
            let order = if self.descending { order.reverse() } else { order };
            order.then_with(|| x.id.cmp(&y.id))
        });
        rows
    }

    fn table_ui(&mut self, ui: &mut egui::Ui, cx: &PageContext<'_>, rows: &[Row<'_>], row_height: f32) {
        let lang = cx.lang;
        let dark = ui.visuals().dark_mode;
        let symbol = cx.doc.scenario.settings.currency_symbol.as_str();
        let columns = [
            (SortBy::Id, tr(lang, Key::ColId)),
            (SortBy::Customer, tr(lang, Key::ColCustomer)),
            (SortBy::Kind, tr(lang, Key::ColKind)),
            (SortBy::Amount, tr(lang, Key::ColAmount)),
            (SortBy::Route, tr(lang, Key::ColRoute)),
            (SortBy::Status, tr(lang, Key::ColStatus)),
            (SortBy::Deadline, t(lang, K::ColNextDeadline)),
            (SortBy::Deadline, t(lang, K::ColDaysLeft)),
        ];
        TableBuilder::new(ui)
            .id_salt("disputes_log")
            .striped(true)
            .resizable(true)
            .cell_layout(egui::Layout::left_to_right(egui::Align::Center))
            .column(Column::auto().at_least(44.0))
            .column(Column::initial(175.0).at_least(80.0).clip(true))
            .column(Column::initial(175.0).at_least(80.0).clip(true))
            .column(Column::auto().at_least(110.0))
            .column(Column::auto().at_least(80.0))
            .column(Column::auto().at_least(70.0))
            .column(Column::initial(190.0).at_least(80.0).clip(true))
            .column(Column::auto().at_least(100.0))
            .column(Column::remainder().at_least(70.0))
            .header(row_height, |mut header| {
                for (sort, name) in columns {
                    header.col(|ui| {
                        let arrow = match (self.sort == sort, self.descending) {
                            (true, false) => " ↑",
                            (true, true) => " ↓",
                            (false, _) => "",
                        };
                        let button =
                            egui::Button::new(RichText::new(format!("{name}{arrow}")).strong()).frame(false);
                        if ui.add(button).clicked() {
                            if self.sort == sort {
                                self.descending = !self.descending;
                            } else {
                                self.sort = sort;
                                self.descending = false;
                            }
                        }
                    });
                }
                header.col(|_| {});
            })
            .body(|body| {
                body.rows(row_height, rows.len(), |mut row| {
                    let Some(r) = rows.get(row.index()) else {
                        return;
                    };
                    let d = r.dispute;
                    row.set_selected(self.selected.as_ref() == Some(&d.id));
                    row.col(|ui| {
                        ui.monospace(&d.id);
                    });
                    row.col(|ui| {
                        ui.label(&r.customer);
                    });
                    row.col(|ui| {
                        ui.label(dispute_kind_name(lang, d.kind));
                    });
                    row.col(|ui| {
                        ui.monospace(format!("{symbol}{}", d.amount_claimed));
                    });
                    row.col(|ui| {
                        ui.label(route_name(lang, d.route));
                    });
                    row.col(|ui| {
                        ui.label(dispute_status_name(lang, d.status));
                    });
                    let overdue = r.next.is_some_and(|dl| dl.days_left < 0);
                    let paint = |ui: &mut egui::Ui, text: String| {
                        if overdue {
                            ui.colored_label(theme::error_color(dark), RichText::new(text).strong())
                        } else {
                            ui.label(text)
                        }
                    };
                    row.col(|ui| match r.next {
                        Some(dl) => {
                            paint(ui, format!("{} {}", dl.date, deadline_name(lang, dl.kind)))
                                .on_hover_text(deadline_name(lang, dl.kind));
                        }
                        None => {
                            ui.weak(t(lang, K::NoDeadline));
                        }
                    });
                    row.col(|ui| {
                        if let Some(dl) = r.next {
                            paint(ui, days_left_text(lang, dl.days_left));
                        }
                    });
                    row.col(|ui| {
                        let open = format!("{} {}", t(lang, K::Open), d.id);
                        if ui.small_button(open).clicked() {
                            self.selected = if self.selected.as_ref() == Some(&d.id) {
                                None
                            } else {
                                Some(d.id.clone())
                            };
                        }
                    });
                });
            });
    }

    /// The opened dispute: edit status, route, reason and facts; re-run the wizard; export.
    fn detail_ui(&mut self, ui: &mut egui::Ui, cx: &PageContext<'_>, index: usize, out: &mut Vec<Command>) {
        let lang = cx.lang;
        let scenario = &cx.doc.scenario;
        let Some(d) = scenario.disputes.get(index) else {
            return;
        };
        let mut next = d.clone();
        let mut gesture = Gesture::default();
        ui.horizontal(|ui| {
            ui.heading(trf(lang, K::DetailTitle, &[("id", &d.id)]));
            ui.label(format!(
                "{} · {}",
                scenario
                    .customer(&d.customer_id)
                    .map_or(d.customer_id.as_str(), |c| c.name.as_str()),
                d.contract.name
            ));
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                if ui.button(t(lang, K::CloseDetail)).clicked() {
                    self.selected = None;
                }
            });
        });
        match &d.decision {
            Some(decision) => ui.label(trf(
                lang,
                K::DecidedOn,
                &[
                    ("date", &decision.date),
                    ("route", &route(lang, decision.chosen)),
                    (
                        "advice",
                        &format!(
                            "{} — {}",
                            route(lang, decision.recommended),
                            order_text(lang, &decision.order)
                        ),
                    ),
                ],
            )),
            None => ui.weak(t(lang, K::NotDecided)),
        };
        egui::Grid::new("dispute_detail")
            .num_columns(2)
            .spacing([16.0, 6.0])
            .show(ui, |ui| {
                let label = ui.label(t(lang, K::Status));
                egui::ComboBox::from_id_salt("dispute_detail_status")
                    .selected_text(dispute_status_name(lang, next.status))
                    .show_ui(ui, |ui| {
                        for status in STATUSES {
                            ui.selectable_value(&mut next.status, status, dispute_status_name(lang, status));
                        }
                    })
                    .response
                    .labelled_by(label.id);
                ui.end_row();
                let label = ui.label(tr(lang, Key::ColRoute));
                // Under an arbitration clause, litigation is not offered.
                let routes: Vec<Route> = Route::ALL
                    .into_iter()
                    .filter(|&r| !(d.contract.arbitration_clause && r == Route::Litigation))
                    .collect();
                egui::ComboBox::from_id_salt("dispute_detail_route")
                    .selected_text(route_name(lang, next.route))
                    .show_ui(ui, |ui| {
                        ui.selectable_value(&mut next.route, None, route_name(lang, None));
                        for r in routes {
                            ui.selectable_value(&mut next.route, Some(r), route(lang, r));
                        }
                    })
                    .response
                    .labelled_by(label.id);
                ui.end_row();
                for (key, value, rows) in [
                    (K::ReportReason, &mut next.reason, 2),
                    (K::FactsText, &mut next.facts, 4),
                ] {
                    let label = ui.label(t(lang, key));
                    let response = ui
                        .add(
                            egui::TextEdit::multiline(value)
                                .desired_width(640.0)
                                .desired_rows(rows),
                        )
                        .labelled_by(label.id);
                    gesture.continuous(&response);
                    ui.end_row();
                }
            });
        ui.horizontal(|ui| {
            let rerun = ui.button(t(lang, K::ReRun));
            let rerun = if scenario.dispute_draft.is_some() {
                rerun.on_hover_text(t(lang, K::ReplaceWarning))
            } else {
                rerun
            };
            if rerun.clicked() {
                out.push(Command::Edit {
                    part: Part::DisputeDraft(Some(Box::new(dispute_wizard::rerun_draft(cx, d)))),
                    gesture: None,
                });
                self.tab = Tab::Wizard;
            }
            let input = ReportInput {
                scenario,
                segmentation: cx.doc.segmentation(),
                dispute: d,
                lang,
                today: cx.today,
                renderer: &crate::ui::offscreen::Offscreen,
            };
            if ui.button(t(lang, K::ExportHtml)).clicked() {
                out.push(Command::Export(ExportFile {
                    file_name: report_file_name(d, "html"),
                    bytes: dispute_html(&input).into_bytes(),
                }));
            }
            if ui.button(t(lang, K::ExportMarkdown)).clicked() {
                out.push(Command::Export(ExportFile {
                    file_name: report_file_name(d, "md"),
                    bytes: dispute_markdown(&input).into_bytes(),
                }));
            }
        });
        // A NaN read from a file is unequal to itself: compare the debug text too, or showing
        // the dispute would record an edit on every frame.
        if next != *d && format!("{next:?}") != format!("{d:?}") {
            out.push(gesture.edit(Part::Dispute(index, Box::new(next))));
        }
    }
}

const STATUSES: [DisputeStatus; 4] = [
    DisputeStatus::Open,
    DisputeStatus::InProgress,
    DisputeStatus::Settled,
    DisputeStatus::Closed,
];

/// Two bar charts: how many disputes of each kind, and on each route.
fn summary_charts(ui: &mut egui::Ui, cx: &PageContext<'_>) {
    let lang = cx.lang;
    let disputes = &cx.doc.scenario.disputes;
    let dark = ui.visuals().dark_mode;
    let kinds: Vec<(String, usize)> = DisputeKind::ALL
        .iter()
        .map(|&k| {
            (
                dispute_kind_name(lang, k).to_owned(),
                disputes.iter().filter(|d| d.kind == k).count(),
            )
        })
        .collect();
    let routes: Vec<(String, usize)> = [
        None,
        Some(Route::Negotiation),
        Some(Route::Mediation),
        Some(Route::Arbitration),
        Some(Route::Litigation),
    ]
    .iter()
    .map(|&r| {
        (
            route_name(lang, r).to_owned(),
            disputes.iter().filter(|d| d.route == r).count(),
        )
    })
    .collect();
    let by_kind = |ui: &mut egui::Ui| {
        ui.strong(t(lang, K::SummaryByKind));
        count_chart(
            ui,
            "disputes_by_kind",
            &kinds,
            theme::tier_color(crate::model::Tier::Key, dark),
        );
    };
    let by_route = |ui: &mut egui::Ui| {
        ui.strong(t(lang, K::SummaryByRoute));
        count_chart(
            ui,
            "disputes_by_route",
            &routes,
            theme::tier_color(crate::model::Tier::General, dark),
        );
    };
    // Side by side where both fit, one under the other on a narrow screen.
    if ui.available_width() < 760.0 {
        by_kind(ui);
        ui.add_space(8.0);
        by_route(ui);
    } else {
        ui.columns(2, |columns| {
            let [left, right] = columns else {
                return;
            };
            by_kind(left);
            by_route(right);
        });
    }
}

/// A horizontal bar per category, name on the left and count on the right: long names in
/// any language stay readable, which axis labels under vertical bars would not.
fn count_chart(ui: &mut egui::Ui, id: &str, counts: &[(String, usize)], color: egui::Color32) {
    let top = counts.iter().map(|(_, n)| *n).max().unwrap_or(0).max(1) as f32;
    let name_width = 200.0;
    let bar_height = ui.text_style_height(&egui::TextStyle::Body) + 4.0;
    egui::Grid::new(id)
        .num_columns(2)
        .spacing([10.0, 4.0])
        .show(ui, |ui| {
            for (name, n) in counts {
                // Painted, not a label: the chart's names are not widgets of their own.
                let (rect, _) =
                    ui.allocate_exact_size(egui::vec2(name_width, bar_height), egui::Sense::hover());
                let galley = ui.painter().layout_no_wrap(
                    name.clone(),
                    egui::TextStyle::Body.resolve(ui.style()),
                    ui.visuals().text_color(),
                );
                let pos = egui::pos2(
                    rect.right() - galley.size().x,
                    rect.center().y - galley.size().y / 2.0,
                );
                ui.painter()
                    .with_clip_rect(rect)
                    .galley(pos, galley, ui.visuals().text_color());
                ui.horizontal(|ui| {
                    let full = (ui.available_width() - 40.0).clamp(60.0, 320.0);
                    let width = (full * *n as f32 / top).max(2.0);
                    let (rect, _) =
                        ui.allocate_exact_size(egui::vec2(full, bar_height), egui::Sense::hover());
                    let bar = egui::Rect::from_min_size(rect.min, egui::vec2(width, bar_height));
                    if *n > 0 {
                        ui.painter().rect_filled(bar, 2.0, color);
                    } else {
                        ui.painter().rect_filled(bar, 0.0, ui.visuals().weak_text_color());
                    }
                    ui.monospace(n.to_string());
                });
                ui.end_row();
            }
        });
}
