//! The detail panel of the selected customer: descriptive data, value scores with a live
//! delivered-value readout, tier override, tags, completeness and the co-creation logs.

use chrono::NaiveDate;
use egui::RichText;

use super::PageContext;
use crate::i18n::customers::CustomerKey as C;
use crate::i18n::{Key, tier_name, tier_reason, tr, trf};
use crate::model::{
    Customer, Experience, Interaction, Language, Money, Part, Promotion, Tier, TierOverride, valuation,
};
use crate::ui::commands::Command;
use crate::ui::theme;

/// Sends an edit of customer `index`; `gesture` groups a drag or typing into one undo step.
fn edit(out: &mut Vec<Command>, index: usize, customer: Customer, gesture: Option<egui::Id>) {
    out.push(Command::Edit {
        part: Part::Customer(index, Box::new(customer)),
        gesture: gesture.map(|id| id.value()),
    });
}

pub(super) fn detail_ui(
    ui: &mut egui::Ui,
    cx: &PageContext<'_>,
    index: usize,
    c: &Customer,
    out: &mut Vec<Command>,
) {
    let lang = cx.lang;
    let dark = ui.visuals().dark_mode;
    let Some(f) = cx.doc.segmentation().figures.get(index) else {
        return;
    };
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            ui.horizontal(|ui| {
                ui.heading(&c.name);
                ui.monospace(&c.id);
            });
            ui.horizontal(|ui| {
                ui.colored_label(
                    theme::tier_color(f.tier, dark),
                    RichText::new(tier_name(lang, f.tier)).strong(),
                );
                ui.label(format!("· {}", tier_reason(lang, &f.reason)));
            });
            completeness_ui(ui, lang, c);
            ui.add_space(4.0);

            egui::CollapsingHeader::new(tr(lang, C::Descriptive))
                .id_salt("detail_descriptive")
                .default_open(true)
                .show(ui, |ui| descriptive_ui(ui, cx, index, c, out));
            egui::CollapsingHeader::new(tr(lang, C::ValueToCustomer))
                .id_salt("detail_value")
                .default_open(true)
                .show(ui, |ui| value_ui(ui, lang, index, c, out));
            egui::CollapsingHeader::new(tr(lang, C::TierOverride))
                .id_salt("detail_override")
                .default_open(c.tier_override.is_some())
                .show(ui, |ui| override_ui(ui, lang, index, c, f.computed_tier, out));
            if let Some(rfm) = &c.rfm {
                egui::CollapsingHeader::new("RFM")
                    .id_salt("detail_rfm")
                    .default_open(true)
                    .show(ui, |ui| {
                        let [r, fr, m] = f.rfm_scores.unwrap_or([0; 3]);
                        ui.label(trf(lang, C::RfmScores, &[("r", &r), ("f", &fr), ("m", &m)]));
                        ui.label(trf(
                            lang,
                            C::RfmValues,
                            &[
                                ("days", &rfm.recency_days),
                                ("count", &rfm.frequency),
                                ("amount", &rfm.monetary),
                                ("date", &rfm.reference_date),
                            ],
                        ));
                    });
            }
            egui::CollapsingHeader::new(trf(lang, C::Promotions, &[("n", &c.promotions.len())]))
                .id_salt("detail_promotions")
                .show(ui, |ui| promotions_ui(ui, cx, index, c, out));
            egui::CollapsingHeader::new(trf(lang, C::Interactions, &[("n", &c.interactions.len())]))
                .id_salt("detail_interactions")
                .show(ui, |ui| interactions_ui(ui, cx, index, c, out));
            egui::CollapsingHeader::new(trf(lang, C::Experiences, &[("n", &c.experiences.len())]))
                .id_salt("detail_experiences")
                .show(ui, |ui| experiences_ui(ui, cx, index, c, out));
        });
}

fn completeness_ui(ui: &mut egui::Ui, lang: Language, c: &Customer) {
    let facets = c.facets();
    ui.horizontal_wrapped(|ui| {
        ui.label(trf(lang, C::CompletenessOf, &[("n", &c.completeness())]))
            .on_hover_text(tr(lang, C::CompletenessHint));
        for (on, key) in facets.iter().zip([
            C::FacetDescriptive,
            C::FacetPromotions,
            C::FacetInteractions,
            C::FacetExperiences,
        ]) {
            let text = format!("{} {}", if *on { '●' } else { '○' }, tr(lang, key));
            if *on {
                ui.label(text);
            } else {
                ui.weak(text);
            }
        }
    });
}

/// A labelled single-line text field in a grid row; returns the new text when it changed.
fn text_row(ui: &mut egui::Ui, label: &str, value: &str) -> Option<(String, egui::Id)> {
    let l = ui.label(label);
    let mut text = value.to_owned();
    let response = ui
        .add(egui::TextEdit::singleline(&mut text).desired_width(f32::INFINITY))
        .labelled_by(l.id);
    ui.end_row();
    response.changed().then_some((text, response.id))
}

/// A labelled amount field; invalid or negative input is shown in red and not applied.
fn money_row(
    ui: &mut egui::Ui,
    lang: Language,
    label: &str,
    value: Money,
    id: egui::Id,
) -> Option<(Money, egui::Id)> {
    let l = ui.label(label);
    let buffer_id = id.with("buffer");
    let mut text: String = ui
        .data(|d| d.get_temp::<String>(buffer_id))
        .unwrap_or_else(|| value.to_string());
    let parsed = Money::parse(&text);
    let error = match parsed {
        None => Some(tr(lang, C::ErrNotAnAmount)),
        Some(m) if m.is_negative() => Some(tr(lang, C::ErrNegative)),
        Some(_) => None,
    };
    let dark = ui.visuals().dark_mode;
    let mut edit = egui::TextEdit::singleline(&mut text)
        .id(id)
        .desired_width(f32::INFINITY)
        .font(egui::TextStyle::Monospace);
    if error.is_some() {
        edit = edit.text_color(theme::error_color(dark));
    }
    let mut response = ui.add(edit).labelled_by(l.id);
    if let Some(reason) = error {
        response = response.on_hover_text(reason);
    }
    ui.end_row();
    if let Some(reason) = error {
        ui.label("");
        ui.colored_label(theme::error_color(dark), reason);
        ui.end_row();
    }
    if response.has_focus() || error.is_some() {
        ui.data_mut(|d| d.insert_temp(buffer_id, text.clone()));
    } else {
        ui.data_mut(|d| d.remove::<String>(buffer_id));
    }
    match Money::parse(&text) {
        Some(m) if response.changed() && !m.is_negative() && m != value => Some((m, response.id)),
        _ => None,
    }
}

fn descriptive_ui(
    ui: &mut egui::Ui,
    cx: &PageContext<'_>,
    index: usize,
    c: &Customer,
    out: &mut Vec<Command>,
) {
    let lang = cx.lang;
    egui::Grid::new("detail_descriptive_grid")
        .num_columns(2)
        .spacing([10.0, 4.0])
        .show(ui, |ui| {
            for (label, field) in [
                (tr(lang, Key::ColName), 0),
                (tr(lang, Key::ColIndustry), 1),
                (tr(lang, Key::ColRegion), 2),
                (tr(lang, C::Contact), 3),
            ] {
                let value = match field {
                    0 => &c.name,
                    1 => &c.industry,
                    2 => &c.region,
                    _ => &c.contact,
                };
                if let Some((text, id)) = text_row(ui, label, value) {
                    let mut next = c.clone();
                    match field {
                        0 => next.name = text,
                        1 => next.industry = text,
                        2 => next.region = text,
                        _ => next.contact = text,
                    }
                    edit(out, index, next, Some(id));
                }
            }
            let since_label = ui.label(tr(lang, C::Since));
            let mut since = c.since.map(|d| d.to_string()).unwrap_or_default();
            let response = ui
                .add(
                    egui::TextEdit::singleline(&mut since)
                        .hint_text("YYYY-MM-DD")
                        .desired_width(120.0),
                )
                .labelled_by(since_label.id);
            ui.end_row();
            if response.lost_focus() {
                let parsed = NaiveDate::parse_from_str(since.trim(), "%Y-%m-%d").ok();
                if (since.trim().is_empty() || parsed.is_some()) && parsed != c.since {
                    let mut next = c.clone();
                    next.since = parsed;
                    edit(out, index, next, None);
                }
            }
            for (key, value, which) in [
                (Key::ColRevenue, c.revenue, 0),
                (Key::ColCostOfGoods, c.cost_of_goods, 1),
                (Key::ColCostToServe, c.cost_to_serve, 2),
            ] {
                let id = egui::Id::unique(("detail_money", index, which));
                if let Some((m, gesture)) = money_row(ui, lang, tr(lang, key), value, id) {
                    let mut next = c.clone();
                    match which {
                        0 => next.revenue = m,
                        1 => next.cost_of_goods = m,
                        _ => next.cost_to_serve = m,
                    }
                    edit(out, index, next, Some(gesture));
                }
            }
            let growth_label = ui.label(tr(lang, C::ColGrowth));
            let mut growth = c.growth_potential.clamp(1, 5);
            let response = ui
                .add(egui::Slider::new(&mut growth, 1..=5))
                .labelled_by(growth_label.id)
                .on_hover_text(tr(lang, C::GrowthHint));
            ui.end_row();
            if response.changed() {
                let mut next = c.clone();
                next.growth_potential = growth;
                edit(out, index, next, Some(response.id));
            }
            let tags_label = ui.label(tr(lang, C::Tags));
            let mut tags = c.tags.join(", ");
            let response = ui
                .add(
                    egui::TextEdit::singleline(&mut tags)
                        .hint_text(tr(lang, C::TagsHint))
                        .desired_width(f32::INFINITY),
                )
                .labelled_by(tags_label.id);
            ui.end_row();
            if response.changed() {
                let mut next = c.clone();
                next.tags = tags
                    .split([',', '，', ';'])
                    .map(str::trim)
                    .filter(|t| !t.is_empty())
                    .map(str::to_owned)
                    .collect();
                edit(out, index, next, Some(response.id));
            }
        });
}

fn value_ui(ui: &mut egui::Ui, lang: Language, index: usize, c: &Customer, out: &mut Vec<Command>) {
    let v = &c.value;
    let benefit = valuation::benefit(v);
    let cost = valuation::cost(v);
    ui.horizontal_wrapped(|ui| {
        ui.strong(trf(
            lang,
            C::DeliveredReadout,
            &[("value", &format!("{:+.1}", benefit - cost))],
        ));
        ui.label(trf(
            lang,
            C::BenefitCost,
            &[
                ("benefit", &format!("{benefit:.1}")),
                ("cost", &format!("{cost:.1}")),
                (
                    "ratio",
                    &valuation::value_ratio(v).map_or_else(|| "—".to_owned(), |r| format!("{r:.2}")),
                ),
            ],
        ));
    });
    ui.weak(tr(lang, C::ValueExplain));
    egui::Grid::new("detail_value_grid")
        .num_columns(2)
        .spacing([10.0, 2.0])
        .show(ui, |ui| {
            let names = [
                C::ScoreProduct,
                C::ScoreService,
                C::ScorePersonnel,
                C::ScoreImage,
                C::ScoreMoney,
                C::ScoreTime,
                C::ScoreEnergy,
                C::ScorePsychic,
            ];
            for (slot, key) in names.iter().enumerate() {
                if slot == 0 {
                    ui.strong(tr(lang, C::Benefits));
                    ui.end_row();
                } else if slot == 4 {
                    ui.strong(tr(lang, C::Costs));
                    ui.end_row();
                }
                let label = ui.label(tr(lang, *key));
                let mut scores = c.value;
                let field = match slot {
                    0 => &mut scores.product,
                    1 => &mut scores.service,
                    2 => &mut scores.personnel,
                    3 => &mut scores.image,
                    4 => &mut scores.money,
                    5 => &mut scores.time,
                    6 => &mut scores.energy,
                    _ => &mut scores.psychic,
                };
                if !field.is_finite() {
                    *field = 0.0;
                }
                let response = ui
                    .add(
                        egui::Slider::new(field, 0.0..=10.0)
                            .step_by(0.5)
                            .fixed_decimals(1),
                    )
                    .labelled_by(label.id);
                ui.end_row();
                if response.changed() {
                    let mut next = c.clone();
                    next.value = scores;
                    // A whole drag is one undo step.
                    edit(out, index, next, Some(response.id));
                }
            }
        });
}

fn override_ui(
    ui: &mut egui::Ui,
    lang: Language,
    index: usize,
    c: &Customer,
    computed: Tier,
    out: &mut Vec<Command>,
) {
    ui.label(trf(
        lang,
        C::ComputedTier,
        &[("tier", &tier_name(lang, computed))],
    ));
    let mut on = c.tier_override.is_some();
    if ui.checkbox(&mut on, tr(lang, C::OverrideOn)).changed() {
        let mut next = c.clone();
        next.tier_override = on.then(|| TierOverride {
            tier: if computed == Tier::Key {
                Tier::General
            } else {
                Tier::Key
            },
            reason: String::new(),
        });
        edit(out, index, next, None);
    }
    let Some(o) = &c.tier_override else { return };
    ui.horizontal(|ui| {
        for tier in Tier::ALL {
            if ui.radio(o.tier == tier, tier_name(lang, tier)).clicked() && o.tier != tier {
                let mut next = c.clone();
                next.tier_override = Some(TierOverride {
                    tier,
                    reason: o.reason.clone(),
                });
                edit(out, index, next, None);
            }
        }
    });
    let label = ui.label(tr(lang, C::OverrideReason));
    let mut reason = o.reason.clone();
    let response = ui
        .add(egui::TextEdit::singleline(&mut reason).desired_width(f32::INFINITY))
        .labelled_by(label.id);
    if reason.trim().is_empty() {
        ui.colored_label(
            theme::error_color(ui.visuals().dark_mode),
            tr(lang, C::OverrideNeedsReason),
        );
    }
    if response.changed() {
        let mut next = c.clone();
        next.tier_override = Some(TierOverride { tier: o.tier, reason });
        edit(out, index, next, Some(response.id));
    }
}

/// A date typed into a log row: a day, or cleared.
struct NewDate(Option<NaiveDate>);

/// A date cell of a log row: typed as YYYY-MM-DD, applied when valid.
fn date_cell(ui: &mut egui::Ui, id: egui::Id, value: Option<NaiveDate>) -> Option<NewDate> {
    let mut text = ui
        .data(|d| d.get_temp::<String>(id))
        .unwrap_or_else(|| value.map(|d| d.to_string()).unwrap_or_default());
    let parsed = NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d").ok();
    let bad = !text.trim().is_empty() && parsed.is_none();
    let mut edit = egui::TextEdit::singleline(&mut text)
        .id(id)
        .desired_width(86.0)
        .hint_text("YYYY-MM-DD");
    if bad {
        edit = edit.text_color(theme::error_color(ui.visuals().dark_mode));
    }
    let response = ui.add(edit);
    if response.has_focus() || bad {
        ui.data_mut(|d| d.insert_temp(id, text.clone()));
    } else {
        ui.data_mut(|d| d.remove::<String>(id));
    }
    let new = if text.trim().is_empty() { None } else { parsed };
    (response.changed() && !bad && new != value).then_some(NewDate(new))
}

fn small_text(ui: &mut egui::Ui, value: &str, width: f32) -> Option<(String, egui::Id)> {
    let mut text = value.to_owned();
    let response = ui.add(egui::TextEdit::singleline(&mut text).desired_width(width));
    response.changed().then_some((text, response.id))
}

fn promotions_ui(
    ui: &mut egui::Ui,
    cx: &PageContext<'_>,
    index: usize,
    c: &Customer,
    out: &mut Vec<Command>,
) {
    let lang = cx.lang;
    let mut remove = None;
    egui::Grid::new("promotions_grid")
        .striped(true)
        .spacing([6.0, 3.0])
        .show(ui, |ui| {
            for key in [C::LogDate, C::Campaign, C::Channel, C::Responded] {
                ui.strong(tr(lang, key));
            }
            ui.end_row();
            for (row, p) in c.promotions.iter().enumerate() {
                let mut next_row = p.clone();
                let mut gesture = None;
                let mut changed = false;
                if let Some(d) = date_cell(ui, egui::Id::unique(("promo_date", index, row)), p.date) {
                    next_row.date = d.0;
                    changed = true;
                }
                if let Some((t, id)) = small_text(ui, &p.campaign, 120.0) {
                    next_row.campaign = t;
                    gesture = Some(id);
                    changed = true;
                }
                if let Some((t, id)) = small_text(ui, &p.channel, 80.0) {
                    next_row.channel = t;
                    gesture = Some(id);
                    changed = true;
                }
                if ui.checkbox(&mut next_row.responded, "").changed() {
                    changed = true;
                }
                if ui
                    .small_button("−")
                    .on_hover_text(tr(lang, C::RemoveRow))
                    .clicked()
                {
                    remove = Some(row);
                }
                ui.end_row();
                if changed {
                    let mut next = c.clone();
                    if let Some(slot) = next.promotions.get_mut(row) {
                        *slot = next_row;
                    }
                    edit(out, index, next, gesture);
                }
            }
        });
    log_buttons(
        ui,
        lang,
        remove,
        |next, row| {
            next.promotions.remove(row);
        },
        |next| {
            next.promotions.push(Promotion {
                date: Some(cx.today),
                ..Promotion::default()
            });
        },
        c,
        index,
        out,
    );
}

fn interactions_ui(
    ui: &mut egui::Ui,
    cx: &PageContext<'_>,
    index: usize,
    c: &Customer,
    out: &mut Vec<Command>,
) {
    let lang = cx.lang;
    let mut remove = None;
    egui::Grid::new("interactions_grid")
        .striped(true)
        .spacing([6.0, 3.0])
        .show(ui, |ui| {
            for key in [C::LogDate, C::Staff, C::Channel, C::Summary, C::FollowUp] {
                ui.strong(tr(lang, key));
            }
            ui.end_row();
            for (row, it) in c.interactions.iter().enumerate() {
                let mut next_row = it.clone();
                let mut gesture = None;
                let mut changed = false;
                if let Some(d) = date_cell(ui, egui::Id::unique(("interaction_date", index, row)), it.date) {
                    next_row.date = d.0;
                    changed = true;
                }
                for (value, width, slot) in [
                    (&it.staff, 70.0, 0),
                    (&it.channel, 60.0, 1),
                    (&it.summary, 140.0, 2),
                    (&it.follow_up, 100.0, 3),
                ] {
                    if let Some((t, id)) = small_text(ui, value, width) {
                        match slot {
                            0 => next_row.staff = t,
                            1 => next_row.channel = t,
                            2 => next_row.summary = t,
                            _ => next_row.follow_up = t,
                        }
                        gesture = Some(id);
                        changed = true;
                    }
                }
                if ui
                    .small_button("−")
                    .on_hover_text(tr(lang, C::RemoveRow))
                    .clicked()
                {
                    remove = Some(row);
                }
                ui.end_row();
                if changed {
                    let mut next = c.clone();
                    if let Some(slot) = next.interactions.get_mut(row) {
                        *slot = next_row;
                    }
                    edit(out, index, next, gesture);
                }
            }
        });
    log_buttons(
        ui,
        lang,
        remove,
        |next, row| {
            next.interactions.remove(row);
        },
        |next| {
            next.interactions.push(Interaction {
                date: Some(cx.today),
                ..Interaction::default()
            });
        },
        c,
        index,
        out,
    );
}

fn experiences_ui(
    ui: &mut egui::Ui,
    cx: &PageContext<'_>,
    index: usize,
    c: &Customer,
    out: &mut Vec<Command>,
) {
    let lang = cx.lang;
    let mut remove = None;
    egui::Grid::new("experiences_grid")
        .striped(true)
        .spacing([6.0, 3.0])
        .show(ui, |ui| {
            for key in [C::LogDate, C::TouchPoint, C::Satisfaction, C::Note] {
                ui.strong(tr(lang, key));
            }
            ui.end_row();
            for (row, e) in c.experiences.iter().enumerate() {
                let mut next_row = e.clone();
                let mut gesture = None;
                let mut changed = false;
                if let Some(d) = date_cell(ui, egui::Id::unique(("experience_date", index, row)), e.date) {
                    next_row.date = d.0;
                    changed = true;
                }
                if let Some((t, id)) = small_text(ui, &e.touch_point, 100.0) {
                    next_row.touch_point = t;
                    gesture = Some(id);
                    changed = true;
                }
                let mut s = e.satisfaction.clamp(1, 5);
                let response = ui.add(egui::Slider::new(&mut s, 1..=5));
                if response.changed() {
                    next_row.satisfaction = s;
                    gesture = Some(response.id);
                    changed = true;
                }
                if let Some((t, id)) = small_text(ui, &e.note, 130.0) {
                    next_row.note = t;
                    gesture = Some(id);
                    changed = true;
                }
                if ui
                    .small_button("−")
                    .on_hover_text(tr(lang, C::RemoveRow))
                    .clicked()
                {
                    remove = Some(row);
                }
                ui.end_row();
                if changed {
                    let mut next = c.clone();
                    if let Some(slot) = next.experiences.get_mut(row) {
                        *slot = next_row;
                    }
                    edit(out, index, next, gesture);
                }
            }
        });
    log_buttons(
        ui,
        lang,
        remove,
        |next, row| {
            next.experiences.remove(row);
        },
        |next| {
            next.experiences.push(Experience {
                date: Some(cx.today),
                satisfaction: 3,
                ..Experience::default()
            });
        },
        c,
        index,
        out,
    );
}

#[expect(
    clippy::too_many_arguments,
    reason = "shared by the three logs, each with its own row type"
)]
fn log_buttons(
    ui: &mut egui::Ui,
    lang: Language,
    remove: Option<usize>,
    remove_row: impl FnOnce(&mut Customer, usize),
    add_row: impl FnOnce(&mut Customer),
    c: &Customer,
    index: usize,
    out: &mut Vec<Command>,
) {
    if let Some(row) = remove {
        let mut next = c.clone();
        remove_row(&mut next, row);
        edit(out, index, next, None);
    }
    if ui.small_button(tr(lang, C::AddRow)).clicked() {
        let mut next = c.clone();
        add_row(&mut next);
        edit(out, index, next, None);
    }
}
