//! The detail panel of the selected customer: descriptive data, value scores with a live
//! delivered-value readout, tier override, tags, completeness and the co-creation logs.

use chrono::NaiveDate;
use egui::RichText;

use super::PageContext;
use crate::i18n::customers::CustomerKey as C;
use crate::i18n::segments::{SegmentKey as S, action_text, segment_name};
use crate::i18n::{Key, tier_name, tier_reason, tr, trf};
use crate::model::field::MoneyKind;
use crate::model::rfm_segments::RfmSegment;
use crate::model::{
    Customer, Experience, Interaction, Language, Money, Part, Promotion, Tier, TierOverride, valuation,
};
use crate::ui::commands::Command;
use crate::ui::theme;
use crate::ui::widgets::{DateField, Gesture, TypedField};

/// Sends an edit of customer `index`; `gesture` groups a drag or typing into one undo step.
fn edit(out: &mut Vec<Command>, index: usize, customer: Customer, gesture: Gesture) {
    out.push(gesture.edit(Part::Customer(index, Box::new(customer))));
}

/// The detail panel of one customer. Returns true when the user closed it.
pub(super) fn detail_ui(
    ui: &mut egui::Ui,
    cx: &PageContext<'_>,
    index: usize,
    c: &Customer,
    out: &mut Vec<Command>,
) -> bool {
    let lang = cx.lang;
    let dark = ui.visuals().dark_mode;
    let Some(f) = cx.doc.segmentation().figures.get(index) else {
        return false;
    };
    let mut close = false;
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            ui.horizontal(|ui| {
                ui.heading(&c.name);
                ui.monospace(&c.id);
                ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                    let text = tr(lang, C::CloseDetail);
                    let button = ui.small_button("×").on_hover_text(text);
                    button.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, text));
                    close = button.clicked();
                });
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
                        if let Some(segment) = f.rfm_scores.and_then(RfmSegment::of_scores) {
                            ui.strong(trf(
                                lang,
                                S::DetailSegment,
                                &[("segment", &segment_name(lang, segment))],
                            ));
                            ui.label(trf(
                                lang,
                                S::DetailAction,
                                &[("action", &action_text(lang, segment))],
                            ));
                        }
                    });
            }
            egui::CollapsingHeader::new(trf(lang, C::Promotions, &[("n", &c.promotions.len())]))
                .id_salt("detail_promotions")
                .show(ui, |ui| log_ui(ui, cx, index, c, &PROMOTIONS, out));
            egui::CollapsingHeader::new(trf(lang, C::Interactions, &[("n", &c.interactions.len())]))
                .id_salt("detail_interactions")
                .show(ui, |ui| log_ui(ui, cx, index, c, &INTERACTIONS, out));
            egui::CollapsingHeader::new(trf(lang, C::Experiences, &[("n", &c.experiences.len())]))
                .id_salt("detail_experiences")
                .show(ui, |ui| log_ui(ui, cx, index, c, &EXPERIENCES, out));
        });
    close
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
fn text_row(ui: &mut egui::Ui, label: &str, value: &str, gesture: &mut Gesture) -> Option<String> {
    let l = ui.label(label);
    let mut text = value.to_owned();
    let response = ui
        .add(egui::TextEdit::singleline(&mut text).desired_width(f32::INFINITY))
        .labelled_by(l.id);
    ui.end_row();
    gesture.continuous(&response).then_some(text)
}

/// A labelled amount field; a refused text stays in red, its reason under it, and is not
/// applied. Returns the amount the user committed.
fn money_row(ui: &mut egui::Ui, lang: Language, label: &str, value: Money, id: egui::Id) -> Option<Money> {
    let l = ui.label(label);
    let typed = TypedField::new(id, &MoneyKind { negative: false }, &value)
        .width(f32::INFINITY)
        .monospace()
        .labelled_by(l.id)
        .show(ui, lang);
    ui.end_row();
    if let Some(reason) = &typed.problem {
        ui.label("");
        ui.colored_label(theme::error_color(ui.visuals().dark_mode), reason);
        ui.end_row();
    }
    typed.committed
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
                let mut gesture = Gesture::default();
                if let Some(text) = text_row(ui, label, value, &mut gesture) {
                    let mut next = c.clone();
                    match field {
                        0 => next.name = text,
                        1 => next.industry = text,
                        2 => next.region = text,
                        _ => next.contact = text,
                    }
                    edit(out, index, next, gesture);
                }
            }
            let since_label = ui.label(tr(lang, C::Since));
            let since = DateField::new(egui::Id::unique(("detail_since", index)), c.since, cx.today)
                .labelled_by(since_label.id)
                .show(ui, lang);
            ui.end_row();
            if let Some(date) = since.committed {
                let mut next = c.clone();
                next.since = date;
                edit(out, index, next, Gesture::default());
            }
            for (key, value, which) in [
                (Key::ColRevenue, c.revenue, 0),
                (Key::ColCostOfGoods, c.cost_of_goods, 1),
                (Key::ColCostToServe, c.cost_to_serve, 2),
            ] {
                let id = egui::Id::unique(("detail_money", index, which));
                if let Some(m) = money_row(ui, lang, tr(lang, key), value, id) {
                    let mut next = c.clone();
                    match which {
                        0 => next.revenue = m,
                        1 => next.cost_of_goods = m,
                        _ => next.cost_to_serve = m,
                    }
                    edit(out, index, next, Gesture::default());
                }
            }
            let growth_label = ui.label(tr(lang, C::ColGrowth));
            let mut growth = c.growth_potential.clamp(1, 5);
            let response = ui
                .add(egui::Slider::new(&mut growth, 1..=5))
                .labelled_by(growth_label.id)
                .on_hover_text(tr(lang, C::GrowthHint));
            ui.end_row();
            let mut gesture = Gesture::default();
            if gesture.continuous(&response) {
                let mut next = c.clone();
                next.growth_potential = growth;
                edit(out, index, next, gesture);
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
            let mut gesture = Gesture::default();
            if gesture.continuous(&response) {
                let mut next = c.clone();
                next.tags = tags
                    .split([',', '，', ';'])
                    .map(str::trim)
                    .filter(|t| !t.is_empty())
                    .map(str::to_owned)
                    .collect();
                edit(out, index, next, gesture);
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
                let field = scores.slot_mut(slot);
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
                let mut gesture = Gesture::default();
                if gesture.continuous(&response) {
                    let mut next = c.clone();
                    next.value = scores;
                    // A whole drag is one undo step.
                    edit(out, index, next, gesture);
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
        edit(out, index, next, Gesture::default());
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
                edit(out, index, next, Gesture::default());
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
    let mut gesture = Gesture::default();
    if gesture.continuous(&response) {
        let mut next = c.clone();
        next.tier_override = Some(TierOverride { tier: o.tier, reason });
        edit(out, index, next, gesture);
    }
}

/// One cell of a co-creation log row, as shown.
enum LogCell<'a> {
    Date(Option<NaiveDate>),
    Text(&'a str, f32),
    Check(bool),
    Score(u8),
}

/// A value typed or picked in a log cell.
enum LogValue {
    Date(Option<NaiveDate>),
    Text(String),
    Check(bool),
    Score(u8),
}

/// A log's columns: header keys, the cells of a row, and how a new value goes back in.
struct LogColumns<T> {
    id: &'static str,
    headers: &'static [C],
    cells: fn(&T) -> Vec<LogCell<'_>>,
    apply: fn(&mut T, usize, LogValue),
    /// Which log of the customer this is.
    rows: fn(&mut Customer) -> &mut Vec<T>,
    /// A new row, dated today.
    new_row: fn(NaiveDate) -> T,
}

/// Draws one co-creation log as an editable grid, with Add and remove buttons, and sends each
/// change as an undoable edit of the customer. `rows` selects the log inside the customer.
fn log_ui<T: Clone>(
    ui: &mut egui::Ui,
    cx: &PageContext<'_>,
    index: usize,
    c: &Customer,
    columns: &LogColumns<T>,
    out: &mut Vec<Command>,
) {
    let rows = columns.rows;
    let lang = cx.lang;
    let mut current = c.clone();
    let list = rows(&mut current).clone();
    let mut changed: Option<(usize, T)> = None;
    let mut gesture = Gesture::default();
    let mut remove = None;
    // A log wider than the panel scrolls sideways, so every field keeps its width (dates and
    // names are never cut).
    egui::ScrollArea::horizontal()
        .id_salt((columns.id, "scroll"))
        .show(ui, |ui| {
            egui::Grid::new((columns.id, "grid"))
                .striped(true)
                .spacing([6.0, 3.0])
                .show(ui, |ui| {
                    for key in columns.headers {
                        ui.strong(tr(lang, *key));
                    }
                    ui.end_row();
                    for (row, entry) in list.iter().enumerate() {
                        for (col, cell_value) in (columns.cells)(entry).into_iter().enumerate() {
                            // Every cell has a name a screen reader (and a test) can find.
                            let name = format!(
                                "{} {}",
                                columns.headers.get(col).map_or("", |k| tr(lang, *k)),
                                row + 1
                            );
                            let id = egui::Id::unique((columns.id, index, row, col));
                            let cell = LogCellUi {
                                lang,
                                today: cx.today,
                                id,
                                name: &name,
                            };
                            if let Some(value) = cell.ui(ui, cell_value, &mut gesture) {
                                let mut next = entry.clone();
                                (columns.apply)(&mut next, col, value);
                                changed = Some((row, next));
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
                    }
                });
        });
    let mut next = c.clone();
    let log = rows(&mut next);
    if let Some((row, entry)) = changed {
        if let Some(slot) = log.get_mut(row) {
            *slot = entry;
        }
        edit(out, index, next, gesture);
    } else if let Some(row) = remove {
        if row < log.len() {
            log.remove(row);
        }
        edit(out, index, next, Gesture::default());
    } else if ui.small_button(tr(lang, C::AddRow)).clicked() {
        log.push((columns.new_row)(cx.today));
        edit(out, index, next, Gesture::default());
    }
}

/// Where a log cell is and what names it.
struct LogCellUi<'a> {
    lang: Language,
    today: NaiveDate,
    id: egui::Id,
    name: &'a str,
}

impl LogCellUi<'_> {
    /// One cell; returns the new value when the user changed it (recorded in `gesture`).
    fn ui(&self, ui: &mut egui::Ui, cell: LogCell<'_>, gesture: &mut Gesture) -> Option<LogValue> {
        let named = |response: egui::Response, kind: egui::Role, text: &str| {
            response.widget_info(|| {
                let mut info = egui::WidgetInfo::labeled(kind, true, self.name);
                if kind == egui::Role::TextInput {
                    info.current_text_value = Some(text.to_owned());
                }
                info
            });
            response
        };
        match cell {
            LogCell::Date(value) => {
                let typed = DateField::new(self.id, value, self.today)
                    .named(self.name)
                    .show(ui, self.lang);
                let date = typed.committed?;
                gesture.discrete(true);
                Some(LogValue::Date(date))
            }
            LogCell::Text(value, width) => {
                let mut text = value.to_owned();
                let response = ui.add_sized(
                    [width, ui.spacing().interact_size.y],
                    egui::TextEdit::singleline(&mut text).id(self.id),
                );
                let response = named(response, egui::Role::TextInput, &text);
                gesture.continuous(&response).then_some(LogValue::Text(text))
            }
            LogCell::Check(value) => {
                let mut on = value;
                let response = named(ui.checkbox(&mut on, ""), egui::Role::CheckBox, "");
                gesture
                    .discrete(response.changed())
                    .then_some(LogValue::Check(on))
            }
            LogCell::Score(value) => {
                let mut score = value.clamp(1, 5);
                let response = named(
                    ui.add(egui::Slider::new(&mut score, 1..=5)),
                    egui::Role::Slider,
                    "",
                );
                gesture.continuous(&response).then_some(LogValue::Score(score))
            }
        }
    }
}

const PROMOTIONS: LogColumns<Promotion> = LogColumns {
    id: "promotions",
    headers: &[C::LogDate, C::Campaign, C::Channel, C::Responded],
    cells: |p| {
        vec![
            LogCell::Date(p.date),
            LogCell::Text(&p.campaign, 120.0),
            LogCell::Text(&p.channel, 80.0),
            LogCell::Check(p.responded),
        ]
    },
    apply: |p, col, value| match (col, value) {
        (0, LogValue::Date(d)) => p.date = d,
        (1, LogValue::Text(t)) => p.campaign = t,
        (2, LogValue::Text(t)) => p.channel = t,
        (3, LogValue::Check(b)) => p.responded = b,
        _ => {}
    },
    rows: |c| &mut c.promotions,
    new_row: |today| Promotion {
        date: Some(today),
        ..Promotion::default()
    },
};

const INTERACTIONS: LogColumns<Interaction> = LogColumns {
    id: "interactions",
    headers: &[C::LogDate, C::Staff, C::Channel, C::Summary, C::FollowUp],
    cells: |i| {
        vec![
            LogCell::Date(i.date),
            LogCell::Text(&i.staff, 70.0),
            LogCell::Text(&i.channel, 60.0),
            LogCell::Text(&i.summary, 140.0),
            LogCell::Text(&i.follow_up, 100.0),
        ]
    },
    apply: |i, col, value| match (col, value) {
        (0, LogValue::Date(d)) => i.date = d,
        (1, LogValue::Text(t)) => i.staff = t,
        (2, LogValue::Text(t)) => i.channel = t,
        (3, LogValue::Text(t)) => i.summary = t,
        (4, LogValue::Text(t)) => i.follow_up = t,
        _ => {}
    },
    rows: |c| &mut c.interactions,
    new_row: |today| Interaction {
        date: Some(today),
        ..Interaction::default()
    },
};

const EXPERIENCES: LogColumns<Experience> = LogColumns {
    id: "experiences",
    headers: &[C::LogDate, C::TouchPoint, C::Satisfaction, C::Note],
    cells: |e| {
        vec![
            LogCell::Date(e.date),
            LogCell::Text(&e.touch_point, 100.0),
            LogCell::Score(e.satisfaction),
            LogCell::Text(&e.note, 130.0),
        ]
    },
    apply: |e, col, value| match (col, value) {
        (0, LogValue::Date(d)) => e.date = d,
        (1, LogValue::Text(t)) => e.touch_point = t,
        (2, LogValue::Score(s)) => e.satisfaction = s,
        (3, LogValue::Text(t)) => e.note = t,
        _ => {}
    },
    rows: |c| &mut c.experiences,
    new_row: |today| Experience {
        date: Some(today),
        satisfaction: 3,
        ..Experience::default()
    },
};
