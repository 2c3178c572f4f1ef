//! "Send promotion…" to the customers the table shows, and "Mark responses…" from pasted ids.
//! Each applies as one undo step.

use chrono::NaiveDate;

use super::PageContext;
use crate::i18n::segments::SegmentKey as S;
use crate::i18n::{tr, trf};
use crate::model::campaigns::{self, MarkReport};
use crate::model::{Part, Promotion};
use crate::ui::commands::Command;
use crate::ui::theme;
use crate::ui::widgets::DateField;

/// The "Send promotion" dialog.
#[derive(Clone, Debug)]
pub struct SendDialog {
    campaign: String,
    channel: String,
    date: Option<NaiveDate>,
    problem: bool,
}

impl SendDialog {
    /// A dialog dated `today`.
    #[must_use]
    pub fn new(today: NaiveDate) -> Self {
        Self {
            campaign: String::new(),
            channel: String::new(),
            date: Some(today),
            problem: false,
        }
    }

    /// Draws the dialog; returns `Some(sent)` once it closes (the number of rows added, 0 when
    /// cancelled).
    pub fn ui(
        &mut self,
        ctx: &egui::Context,
        cx: &PageContext<'_>,
        members: &[usize],
        out: &mut Vec<Command>,
    ) -> Option<usize> {
        let lang = cx.lang;
        let mut result = None;
        let mut open = true;
        egui::Window::new(tr(lang, S::SendTitle))
            .id(egui::Id::unique("send_promotion_dialog"))
            .open(&mut open)
            .collapsible(false)
            .resizable(false)
            .default_pos(egui::pos2(360.0, 160.0))
            .show(ctx, |ui| {
                ui.label(trf(lang, S::SendTo, &[("n", &members.len())]));
                let mut date_typed = true;
                egui::Grid::new("send_promotion_grid")
                    .num_columns(2)
                    .show(ui, |ui| {
                        for (key, text) in
                            [(S::Campaign, &mut self.campaign), (S::Channel, &mut self.channel)]
                        {
                            let label = ui.label(tr(lang, key));
                            ui.add(egui::TextEdit::singleline(text).desired_width(260.0))
                                .labelled_by(label.id);
                            ui.end_row();
                        }
                        let label = ui.label(tr(lang, S::Date));
                        let typed =
                            DateField::new(egui::Id::unique("send_promotion_date"), self.date, cx.today)
                                .required()
                                .labelled_by(label.id)
                                .show(ui, lang);
                        // The dialog acts on the date as typed, committed or not; while the
                        // text is not a date, Send waits.
                        if typed.reads.is_some() {
                            self.date = typed.reads.flatten();
                        }
                        date_typed = typed.problem.is_none();
                        ui.end_row();
                    });
                let date = self.date.filter(|_| date_typed);
                if self.problem {
                    ui.colored_label(
                        theme::error_color(ui.visuals().dark_mode),
                        tr(lang, S::NeedCampaign),
                    );
                }
                ui.horizontal(|ui| {
                    let ready = !members.is_empty() && date.is_some();
                    if ui
                        .add_enabled(ready, egui::Button::new(tr(lang, S::Send)))
                        .clicked()
                    {
                        if self.campaign.trim().is_empty() {
                            self.problem = true;
                        } else {
                            let promotion = Promotion {
                                date,
                                campaign: self.campaign.trim().to_owned(),
                                channel: self.channel.trim().to_owned(),
                                responded: false,
                                note: String::new(),
                            };
                            let (next, added) =
                                campaigns::send_promotion(&cx.doc.scenario.customers, members, &promotion);
                            if added > 0 {
                                out.push(Command::Edit {
                                    part: Part::Customers(next),
                                    gesture: None,
                                });
                            }
                            result = Some(added);
                        }
                    }
                    if ui.button(tr(lang, S::Cancel)).clicked() {
                        result = Some(0);
                    }
                });
            });
        if !open {
            result = Some(0);
        }
        result
    }

    /// The campaign typed, for the message after sending.
    #[must_use]
    pub fn campaign(&self) -> &str {
        self.campaign.trim()
    }
}

/// The "Mark responses" dialog.
#[derive(Clone, Debug, Default)]
pub struct MarkDialog {
    /// Campaign names per scenario revision (a scan of every log row, not redone per frame).
    names: Option<(u64, Vec<String>)>,
    campaign: Option<String>,
    ids: String,
    report: Option<MarkReport>,
}

impl MarkDialog {
    /// Draws the dialog; returns false once it should close.
    pub fn ui(&mut self, ctx: &egui::Context, cx: &PageContext<'_>, out: &mut Vec<Command>) -> bool {
        let lang = cx.lang;
        let mut open = true;
        let mut close = false;
        let revision = cx.doc.revision();
        if self.names.as_ref().is_none_or(|(r, _)| *r != revision) {
            self.names = Some((revision, campaigns::campaign_names(&cx.doc.scenario.customers)));
        }
        let names = self.names.as_ref().map(|(_, n)| n.clone()).unwrap_or_default();
        if self.campaign.as_ref().is_none_or(|c| !names.contains(c)) {
            self.campaign = names.first().cloned();
        }
        egui::Window::new(tr(lang, S::MarkTitle))
            .id(egui::Id::unique("mark_responses_dialog"))
            .open(&mut open)
            .collapsible(false)
            .default_pos(egui::pos2(360.0, 160.0))
            .show(ctx, |ui| {
                if names.is_empty() {
                    ui.label(tr(lang, S::NoCampaigns));
                    return;
                }
                ui.horizontal(|ui| {
                    let label = ui.label(tr(lang, S::Campaign));
                    egui::ComboBox::from_id_salt("mark_campaign")
                        .selected_text(self.campaign.clone().unwrap_or_default())
                        .width(280.0)
                        .show_ui(ui, |ui| {
                            for name in &names {
                                ui.selectable_value(&mut self.campaign, Some(name.clone()), name);
                            }
                        })
                        .response
                        .labelled_by(label.id);
                });
                let label = ui.label(tr(lang, S::MarkIds));
                ui.add(
                    egui::TextEdit::multiline(&mut self.ids)
                        .desired_rows(6)
                        .desired_width(360.0)
                        .hint_text(tr(lang, S::MarkIdsHint)),
                )
                .labelled_by(label.id);
                if let Some(r) = &self.report {
                    ui.label(trf(
                        lang,
                        S::Marked,
                        &[
                            ("marked", &r.marked),
                            ("already", &r.already),
                            ("not_reached", &r.not_reached.len()),
                            ("unknown", &r.unknown.len()),
                        ],
                    ));
                }
                ui.horizontal(|ui| {
                    if ui.button(tr(lang, S::Mark)).clicked()
                        && let Some(campaign) = &self.campaign
                    {
                        let ids = campaigns::parse_ids(&self.ids);
                        let (next, report) =
                            campaigns::mark_responses(&cx.doc.scenario.customers, campaign, &ids);
                        if let Some(next) = next {
                            out.push(Command::Edit {
                                part: Part::Customers(next),
                                gesture: None,
                            });
                        }
                        self.report = Some(report);
                    }
                    if ui.button(tr(lang, S::Cancel)).clicked() {
                        close = true;
                    }
                });
            });
        open && !close
    }
}
