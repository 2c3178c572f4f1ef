//! The dispute decision wizard: seven steps from the parties to a recorded decision.
//!
//! The draft lives in the scenario (`Scenario::dispute_draft`), so it is saved with the file,
//! undone like any edit, and resumed where the user left it. Each frame edits a copy of the
//! draft and emits one `Command::Edit` when anything changed.

use chrono::NaiveDate;
use egui::{Color32, RichText};
use egui_plot::{Bar, BarChart, Plot};

use super::super::theme;
use super::PageContext;
use crate::i18n::disputes::{
    DisputeKey as K, days_from_today_text, days_left_text, deadline_name, evidence_name, fault_name,
    kind_explanation, order_text, party_name, prevention_name, problem_text, reason_text, reference, route,
    score_name, step_name, t, version_text, warranty_part_name,
};
use crate::i18n::{dispute_kind_name, tier_name, tier_reason, trf};
use crate::model::advice::{
    Advice, AdviceInput, Deadline, DeadlineKind, MAX_REMAINING_YEARS, advise, customer_relationship,
    dispute_tier,
};
use crate::model::field::{IntegerKind, MoneyKind};
use crate::model::holidays::HolidayCalendar;
use crate::model::{
    Decision, Dispute, DisputeDraft, DisputeKind, DisputeStatus, Fault, Language, Money, Part, Party,
    PreventionItem, PreventionScores, Relationship, Tier, WarrantyPart, WizardStep, money_text,
};
use crate::ui::commands::Command;
use crate::ui::widgets::{DateField, Gesture, TypedField, percent_slider};

/// What the wizard asks the page to do besides editing the scenario.
pub enum WizardOutcome {
    /// The decision was recorded for the dispute with this id.
    Recorded(String),
}

/// The relationship numbers prefilled from the customer.
pub fn relationship_from_customer(cx: &PageContext<'_>, customer_id: &str) -> Relationship {
    customer_relationship(&cx.doc.scenario, cx.doc.segmentation(), customer_id).unwrap_or_default()
}

/// A fresh draft for a new dispute. Its route assumptions stay unset, so the scenario's
/// defaults apply until the user changes one; its kind is not chosen yet.
pub fn new_draft(cx: &PageContext<'_>) -> DisputeDraft {
    DisputeDraft {
        dispute: Dispute {
            opened: Some(cx.today),
            ..Dispute::default()
        },
        ..DisputeDraft::default()
    }
}

/// A draft that re-examines a logged dispute. A dispute logged without relationship numbers
/// (entered by hand, or before the wizard existed) gets them from the customer.
pub fn rerun_draft(cx: &PageContext<'_>, dispute: &Dispute) -> DisputeDraft {
    let mut copy = dispute.clone();
    if copy.relationship == Relationship::default() {
        copy.relationship = relationship_from_customer(cx, &copy.customer_id);
    }
    DisputeDraft {
        step: WizardStep::Parties,
        editing: Some(dispute.id.clone()),
        dispute: copy,
        chosen: dispute.route,
        reason: dispute.reason.clone(),
        kind_chosen: true,
    }
}

/// The next free id "D004" for a new dispute.
fn next_id(disputes: &[Dispute]) -> String {
    crate::model::ids::next_id("D", 3, disputes.iter().map(|d| d.id.as_str()))
}

/// The advice for the draft as it stands.
pub fn draft_advice(cx: &PageContext<'_>, draft: &DisputeDraft) -> Advice {
    let scenario = &cx.doc.scenario;
    let tier = dispute_tier(scenario, cx.doc.segmentation(), &draft.dispute);
    let calendar = HolidayCalendar::new(&scenario.settings.holiday_years);
    advise(&AdviceInput::from_dispute(
        &draft.dispute,
        tier,
        &scenario.settings,
        &calendar,
        cx.today,
    ))
}

/// Whether the edited copy differs from the stored draft. A NaN read from a file is unequal to
/// itself, so plain `!=` would see a change (and record an undo step) on every frame; the
/// debug text compares NaN with NaN as equal and is only built when `!=` says they differ.
fn draft_changed(next: &DisputeDraft, stored: &DisputeDraft) -> bool {
    next != stored && format!("{next:?}") != format!("{stored:?}")
}

/// Draws the wizard for `draft`. Edits go to `out`.
pub fn wizard_ui(
    ui: &mut egui::Ui,
    cx: &PageContext<'_>,
    draft: &DisputeDraft,
    out: &mut Vec<Command>,
) -> Option<WizardOutcome> {
    let lang = cx.lang;
    let mut next = draft.clone();
    let mut gesture = Gesture::default();
    let mut outcome = None;

    step_indicator(ui, lang, &mut next);
    if let Some(id) = &draft.editing {
        ui.weak(trf(lang, K::Rerunning, &[("id", id)]));
    }
    ui.separator();

    let advice = draft_advice(cx, draft);
    // Leave room for the Back / Next bar under the step's content. The body always takes the
    // same height, so the bar does not move when the content grows or shrinks under the cursor.
    // On a very low screen (200 % on a projector) the body shrinks rather than push the bar off.
    let body_height = (ui.available_height() - 44.0).max(48.0);
    egui::ScrollArea::vertical()
        .id_salt(("wizard_body", draft.step))
        .max_height(body_height)
        .min_scrolled_height(body_height)
        .auto_shrink([false, false])
        .show(ui, |ui| match draft.step {
            WizardStep::Parties => parties_ui(ui, cx, &mut next, &mut gesture),
            WizardStep::Kind => kind_ui(ui, cx, &mut next, &mut gesture),
            WizardStep::Facts => facts_ui(ui, cx, &mut next, &advice, &mut gesture),
            WizardStep::Relationship => relationship_ui(ui, cx, &mut next, &advice, &mut gesture),
            WizardStep::Advice => advice_ui(ui, cx, &mut next, &advice, &mut gesture),
            WizardStep::Prevention => prevention_ui(ui, lang, &mut next),
            WizardStep::Decide => decide_ui(ui, lang, &mut next, &advice, &mut gesture),
        });

    ui.separator();
    ui.horizontal(|ui| {
        if ui
            .add_enabled(
                draft.step.previous().is_some(),
                egui::Button::new(t(lang, K::Back)),
            )
            .clicked()
            && let Some(previous) = draft.step.previous()
        {
            next.step = previous;
        }
        let blocker = draft.blocker();
        if let Some(step) = draft.step.next() {
            if ui
                .add_enabled(blocker.is_none(), egui::Button::new(t(lang, K::Next)))
                .clicked()
            {
                next.step = step;
            }
        } else {
            let problem = draft.decision_problem(advice.recommended);
            if ui
                .add_enabled(problem.is_none(), egui::Button::new(t(lang, K::Record)))
                .clicked()
            {
                outcome = record(cx, draft, &advice, out);
            }
            if let Some(problem) = problem {
                ui.colored_label(
                    theme::warning_color(ui.visuals().dark_mode),
                    problem_text(lang, problem),
                );
            }
        }
        if let Some(problem) = blocker {
            ui.colored_label(
                theme::warning_color(ui.visuals().dark_mode),
                problem_text(lang, problem),
            );
        }
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            if ui.button(t(lang, K::DiscardDraft)).clicked() {
                out.push(Command::Edit {
                    part: Part::DisputeDraft(None),
                    gesture: None,
                });
            }
        });
    });

    if outcome.is_none() && draft_changed(&next, draft) {
        out.push(gesture.edit(Part::DisputeDraft(Some(Box::new(next)))));
    }
    outcome
}

/// Writes the draft's dispute to the log with the advice and the decision, and ends the run,
/// as one undo step.
fn record(
    cx: &PageContext<'_>,
    draft: &DisputeDraft,
    advice: &Advice,
    out: &mut Vec<Command>,
) -> Option<WizardOutcome> {
    let chosen = draft.chosen?;
    let mut log = cx.doc.scenario.disputes.clone();
    let mut dispute = draft.dispute.clone();
    dispute.route = Some(chosen);
    dispute.reason.clone_from(&draft.reason);
    // A decision was taken: the dispute is no longer merely open.
    if dispute.status == DisputeStatus::Open {
        dispute.status = DisputeStatus::InProgress;
    }
    dispute.decision = Some(Decision {
        date: cx.today,
        tier: advice.tier,
        recommended: advice.recommended,
        order: advice.order.clone(),
        chosen,
    });
    let slot = draft
        .editing
        .as_ref()
        .and_then(|id| log.iter().position(|d| &d.id == id));
    if let Some(existing) = slot.and_then(|i| log.get_mut(i)) {
        dispute.id.clone_from(&existing.id);
        *existing = dispute.clone();
    } else {
        dispute.id = next_id(&log);
        log.push(dispute.clone());
    }
    out.push(Command::Edit {
        part: Part::DisputeLog(log, None),
        gesture: None,
    });
    Some(WizardOutcome::Recorded(dispute.id))
}

fn step_indicator(ui: &mut egui::Ui, lang: Language, next: &mut DisputeDraft) {
    let current = next.step;
    let can_leave_parties = {
        let mut at_parties = next.clone();
        at_parties.step = WizardStep::Parties;
        at_parties.blocker().is_none()
    };
    ui.horizontal_wrapped(|ui| {
        for (i, step) in WizardStep::ALL.into_iter().enumerate() {
            if i > 0 {
                ui.weak("→");
            }
            let text = format!("{} {}", i + 1, step_name(lang, step));
            let text = if step == current {
                RichText::new(text).strong()
            } else {
                RichText::new(text)
            };
            let reachable = step == WizardStep::Parties || can_leave_parties;
            if ui
                .add_enabled(reachable, egui::Button::selectable(step == current, text))
                .clicked()
            {
                next.step = step;
            }
        }
    });
    ui.add_space(4.0);
    ui.heading(trf(
        lang,
        K::StepOf,
        &[
            ("n", &(current.index() + 1)),
            ("total", &WizardStep::ALL.len()),
            ("name", &step_name(lang, current)),
        ],
    ));
}

// ---- Form widgets ------------------------------------------------------------------------

/// The reason beside a typed field. Its room is always taken, so nothing moves when it
/// appears or goes.
fn problem_beside(ui: &mut egui::Ui, problem: Option<&str>, height: f32) {
    ui.add_sized(
        [200.0, height],
        egui::Label::new(
            RichText::new(problem.unwrap_or_default()).color(theme::error_color(ui.visuals().dark_mode)),
        )
        .truncate(),
    );
}

/// A labelled row of a form grid for an optional date, typed as YYYY-MM-DD (empty clears it)
/// or picked in the calendar beside it.
fn date_field(
    ui: &mut egui::Ui,
    cx: Form,
    label: &str,
    value: &mut Option<NaiveDate>,
    gesture: &mut Gesture,
) {
    let label = ui.label(label);
    let id = ui.make_persistent_id(("date", label.id));
    ui.horizontal(|ui| {
        let typed = DateField::new(id, *value, cx.today)
            .labelled_by(label.id)
            .show(ui, cx.lang);
        if let Some(date) = typed.committed {
            *value = date;
            gesture.discrete(true);
        }
        problem_beside(ui, typed.problem.as_deref(), typed.response.rect.height());
    });
    ui.end_row();
}

/// A labelled row of a form grid for an amount of money after the currency symbol; a profit
/// may be `negative`, other amounts not.
fn money_field(
    ui: &mut egui::Ui,
    cx: Form,
    label: &str,
    value: &mut Money,
    negative: bool,
    gesture: &mut Gesture,
) {
    let label = ui.label(label);
    let id = ui.make_persistent_id(("money", label.id));
    ui.horizontal(|ui| {
        ui.label(cx.symbol);
        let typed = TypedField::new(id, &MoneyKind { negative }, value)
            .width(140.0)
            .right_aligned()
            .labelled_by(label.id)
            .show(ui, cx.lang);
        if let Some(money) = typed.committed {
            *value = money;
            gesture.discrete(true);
        }
        problem_beside(ui, typed.problem.as_deref(), typed.response.rect.height());
    });
    ui.end_row();
}

/// A labelled row of a form grid for a number of months, 0–240.
fn months_field(ui: &mut egui::Ui, cx: Form, label: &str, months: &mut u32, gesture: &mut Gesture) {
    let label = ui.label(label);
    let id = ui.make_persistent_id(("months", label.id));
    let shown = i64::from(*months);
    ui.horizontal(|ui| {
        let typed = TypedField::new(id, &MONTHS, &shown)
            .width(60.0)
            .right_aligned()
            .labelled_by(label.id)
            .show(ui, cx.lang);
        if let Some(value) = typed.committed.and_then(|v| u32::try_from(v).ok()) {
            *months = value;
            gesture.discrete(true);
        }
        problem_beside(ui, typed.problem.as_deref(), typed.response.rect.height());
    });
    ui.end_row();
}

/// How long a route may take, in months.
pub(crate) const MONTHS: IntegerKind = IntegerKind { min: 0, max: 240 };

/// What the form rows need to know besides the value: the language, today (where a calendar
/// opens) and the currency symbol.
#[derive(Clone, Copy)]
struct Form<'a> {
    lang: Language,
    today: NaiveDate,
    symbol: &'a str,
}

impl<'a> Form<'a> {
    fn of(cx: &'a PageContext<'_>) -> Self {
        Self {
            lang: cx.lang,
            today: cx.today,
            symbol: cx.doc.scenario.settings.currency_symbol.as_str(),
        }
    }
}

fn text_field(ui: &mut egui::Ui, label: &str, value: &mut String, gesture: &mut Gesture) {
    let label = ui.label(label);
    let response = ui
        .add(egui::TextEdit::singleline(value).desired_width(360.0))
        .labelled_by(label.id);
    gesture.continuous(&response);
    ui.end_row();
}

fn form_grid(ui: &mut egui::Ui, id: &str, add: impl FnOnce(&mut egui::Ui)) {
    egui::Grid::new(id)
        .num_columns(2)
        .spacing([16.0, 8.0])
        .min_col_width(180.0)
        .show(ui, add);
}

// ---- Steps -------------------------------------------------------------------------------

fn parties_ui(ui: &mut egui::Ui, cx: &PageContext<'_>, next: &mut DisputeDraft, gesture: &mut Gesture) {
    let lang = cx.lang;
    let scenario = &cx.doc.scenario;
    let seg = cx.doc.segmentation();
    let dark = ui.visuals().dark_mode;
    ui.strong(t(lang, K::Customer));
    let chosen = scenario
        .customers
        .iter()
        .position(|c| c.id == next.dispute.customer_id);
    match chosen.and_then(|i| Some((scenario.customers.get(i)?, seg.figures.get(i)?))) {
        Some((c, f)) => {
            ui.label(RichText::new(format!("{} ({})", c.name, c.id)).size(16.0));
            ui.colored_label(
                theme::tier_color(f.tier, dark),
                trf(
                    lang,
                    K::TierWhy,
                    &[
                        ("tier", &tier_name(lang, f.tier)),
                        ("why", &tier_reason(lang, &f.reason)),
                    ],
                ),
            );
        }
        None => {
            ui.weak(t(lang, K::ChooseCustomer));
        }
    }
    // A search box and the best matches: a plain list scales to any number of customers.
    let search_id = ui.make_persistent_id("customer_search");
    let mut search = ui.data(|d| d.get_temp::<String>(search_id)).unwrap_or_default();
    ui.horizontal(|ui| {
        let label = ui.label(t(lang, K::Search));
        ui.add(egui::TextEdit::singleline(&mut search).desired_width(240.0))
            .labelled_by(label.id);
    });
    ui.data_mut(|d| d.insert_temp(search_id, search.clone()));
    let needle = search.trim().to_lowercase();
    egui::ScrollArea::vertical()
        .id_salt("customer_matches")
        .max_height(150.0)
        .auto_shrink([false, true])
        .show(ui, |ui| {
            ui.horizontal_wrapped(|ui| {
                let matches = scenario.customers.iter().zip(&seg.figures).filter(|(c, _)| {
                    needle.is_empty()
                        || c.id.to_lowercase().contains(&needle)
                        || c.name.to_lowercase().contains(&needle)
                });
                for (c, f) in matches {
                    let selected = c.id == next.dispute.customer_id;
                    let text = RichText::new(format!("{} ({})", c.name, c.id))
                        .color(theme::tier_color(f.tier, dark));
                    if ui.add(egui::Button::selectable(selected, text)).clicked() && !selected {
                        next.dispute.customer_id.clone_from(&c.id);
                        next.dispute.relationship = relationship_from_customer(cx, &c.id);
                    }
                }
            })
        });
    ui.add_space(8.0);
    ui.separator();

    // Contracts of earlier disputes with this customer can be copied in.
    let earlier: Vec<&crate::model::Contract> = scenario
        .disputes
        .iter()
        .filter(|d| d.customer_id == next.dispute.customer_id && !d.contract.name.is_empty())
        .map(|d| &d.contract)
        .collect();
    let form = Form::of(cx);
    form_grid(ui, "wizard_contract", |ui| {
        if !earlier.is_empty() {
            ui.label(t(lang, K::EarlierContract));
            ui.horizontal_wrapped(|ui| {
                for contract in earlier {
                    if ui
                        .button(&contract.name)
                        .on_hover_text(t(lang, K::EarlierContractHint))
                        .clicked()
                    {
                        next.dispute.contract = contract.clone();
                    }
                }
            });
            ui.end_row();
        }
        text_field(
            ui,
            t(lang, K::ContractName),
            &mut next.dispute.contract.name,
            gesture,
        );
        money_field(
            ui,
            form,
            t(lang, K::ContractValue),
            &mut next.dispute.contract.value,
            false,
            gesture,
        );
        date_field(
            ui,
            form,
            t(lang, K::Signed),
            &mut next.dispute.contract.signed,
            gesture,
        );
        date_field(
            ui,
            form,
            t(lang, K::Start),
            &mut next.dispute.contract.start,
            gesture,
        );
        date_field(ui, form, t(lang, K::End), &mut next.dispute.contract.end, gesture);
        ui.label("");
        ui.checkbox(
            &mut next.dispute.contract.arbitration_clause,
            t(lang, K::ArbitrationClause),
        );
        ui.end_row();
        ui.label(t(lang, K::FirmRole));
        ui.horizontal(|ui| {
            for party in Party::ALL {
                ui.radio_value(&mut next.dispute.firm_role, party, party_name(lang, party));
            }
        });
        ui.end_row();
    });
}

fn kind_ui(ui: &mut egui::Ui, cx: &PageContext<'_>, next: &mut DisputeDraft, gesture: &mut Gesture) {
    let lang = cx.lang;
    let form = Form::of(cx);
    ui.strong(t(lang, K::KindQuestion));
    egui::Grid::new("wizard_kinds")
        .num_columns(2)
        .spacing([16.0, 6.0])
        .show(ui, |ui| {
            for kind in DisputeKind::ALL {
                let selected = next.has_kind() && next.dispute.kind == kind;
                if ui.radio(selected, dispute_kind_name(lang, kind)).clicked() {
                    next.kind_chosen = true;
                    next.dispute.kind = kind;
                    // The kind names the fault for two quality kinds; start from it.
                    next.dispute.answers.fault = match kind {
                        DisputeKind::QualityContractor => Fault::Contractor,
                        DisputeKind::QualityEmployer => Fault::Employer,
                        _ => next.dispute.answers.fault,
                    };
                    if kind == DisputeKind::QualityUsedBeforeAcceptance {
                        next.dispute.answers.used_before_acceptance = true;
                    }
                }
                ui.weak(kind_explanation(lang, kind));
                ui.end_row();
            }
        });
    if !next.has_kind() {
        return;
    }
    ui.add_space(8.0);
    ui.separator();
    ui.strong(t(lang, K::KindQuestions));
    let kind = next.dispute.kind;
    let a = &mut next.dispute.answers;
    form_grid(ui, "wizard_kind_questions", |ui| match kind {
        DisputeKind::CompletionDate => {
            yes_no_question(ui, lang, t(lang, K::QAcceptancePassed), &mut a.acceptance_passed);
            if a.acceptance_passed {
                date_field(
                    ui,
                    form,
                    t(lang, K::QAcceptanceDate),
                    &mut a.acceptance_date,
                    gesture,
                );
            }
            yes_no_question(ui, lang, t(lang, K::QReportSubmitted), &mut a.report_submitted);
            if a.report_submitted {
                date_field(ui, form, t(lang, K::QReportDate), &mut a.report_date, gesture);
                yes_no_question(ui, lang, t(lang, K::QEmployerDelayed), &mut a.employer_delayed);
            }
            used_question(ui, form, a, gesture);
        }
        DisputeKind::QuantityOfWork => {
            yes_no_question(ui, lang, t(lang, K::QSiteVisas), &mut a.site_visas);
            yes_no_question(ui, lang, t(lang, K::QWrittenRecords), &mut a.written_records);
            if a.site_visas || a.written_records {
                yes_no_question(ui, lang, t(lang, K::QDisputedCovered), &mut a.disputed_covered);
            }
            yes_no_question(ui, lang, t(lang, K::QEmployerAgreed), &mut a.employer_agreed_work);
        }
        DisputeKind::QualityContractor
        | DisputeKind::QualityEmployer
        | DisputeKind::QualityUsedBeforeAcceptance => {
            ui.label(t(lang, K::QFault));
            ui.horizontal(|ui| {
                for fault in [Fault::Unclear, Fault::Contractor, Fault::Employer] {
                    ui.radio_value(&mut a.fault, fault, fault_name(lang, fault));
                }
            });
            ui.end_row();
            if crate::model::advice::effective_fault(kind, a.fault) == Fault::Employer {
                yes_no_question(
                    ui,
                    lang,
                    t(lang, K::QEmployerFailedToSupply),
                    &mut a.employer_failed_to_supply,
                );
            }
            used_question(ui, form, a, gesture);
            yes_no_question(ui, lang, t(lang, K::QAcceptancePassed), &mut a.acceptance_passed);
            if a.acceptance_passed {
                date_field(
                    ui,
                    form,
                    t(lang, K::QAcceptanceDate),
                    &mut a.acceptance_date,
                    gesture,
                );
            }
            yes_no_question(ui, lang, t(lang, K::QStructural), &mut a.structural);
            ui.label(t(lang, K::QDefectPart));
            ui.horizontal_wrapped(|ui| {
                ui.radio_value(&mut a.defect_part, None, t(lang, K::PartNotSure));
                for part in WarrantyPart::ALL {
                    ui.radio_value(&mut a.defect_part, Some(part), warranty_part_name(lang, part));
                }
            });
            ui.end_row();
            date_field(ui, form, t(lang, K::QDefectKnown), &mut a.defect_known, gesture);
        }
        DisputeKind::PricingMethod => {
            yes_no_question(ui, lang, t(lang, K::QPricingAgreed), &mut a.pricing_agreed);
            yes_no_question(
                ui,
                lang,
                t(lang, K::QDesignChanges),
                &mut a.unpriced_design_changes,
            );
        }
        DisputeKind::Other => {
            ui.label(t(lang, K::NoQuestions));
            ui.end_row();
        }
    });
    if kind == DisputeKind::CompletionDate || kind.is_quality() {
        ui.add_space(6.0);
        match crate::model::advice::completion_date(&next.dispute.answers) {
            Some(c) => ui.strong(trf(lang, K::CompletionPreview, &[("date", &c.date)])),
            None => ui.weak(t(lang, K::CompletionPreviewNone)),
        };
    }
}

fn used_question(ui: &mut egui::Ui, form: Form, a: &mut crate::model::KindAnswers, gesture: &mut Gesture) {
    let lang = form.lang;
    yes_no_question(
        ui,
        lang,
        t(lang, K::QUsedBeforeAcceptance),
        &mut a.used_before_acceptance,
    );
    if a.used_before_acceptance {
        date_field(
            ui,
            form,
            t(lang, K::QPossessionDate),
            &mut a.possession_date,
            gesture,
        );
    }
}

/// A question answered with a checkbox that carries the question as its label.
fn yes_no_question(ui: &mut egui::Ui, lang: Language, question: &str, value: &mut bool) {
    ui.checkbox(value, question);
    ui.weak(t(lang, if *value { K::Yes } else { K::No }));
    ui.end_row();
}

fn facts_ui(
    ui: &mut egui::Ui,
    cx: &PageContext<'_>,
    next: &mut DisputeDraft,
    advice: &Advice,
    gesture: &mut Gesture,
) {
    let lang = cx.lang;
    let form = Form::of(cx);
    let d = &mut next.dispute;
    form_grid(ui, "wizard_facts", |ui| {
        money_field(
            ui,
            form,
            t(lang, K::AmountClaimed),
            &mut d.amount_claimed,
            false,
            gesture,
        );
        money_field(
            ui,
            form,
            t(lang, K::AmountDisputed),
            &mut d.amount_disputed,
            false,
            gesture,
        );
        date_field(ui, form, t(lang, K::DamageKnown), &mut d.damage_known, gesture);
        date_field(
            ui,
            form,
            t(lang, K::DamageOccurred),
            &mut d.damage_occurred,
            gesture,
        );
        let label = ui.label(t(lang, K::FactsText));
        let response = ui
            .add(
                egui::TextEdit::multiline(&mut d.facts)
                    .desired_width(560.0)
                    .desired_rows(4),
            )
            .labelled_by(label.id);
        gesture.continuous(&response);
        ui.end_row();
    });
    ui.weak(t(lang, K::DamageOccurredHint));
    // Always one line here, so the checklist below does not jump when a date is entered.
    ui.add_space(4.0);
    match advice.limitation() {
        None => {
            ui.weak(t(lang, K::ReasonLimitationUnknown));
        }
        Some(limit) => {
            let text = trf(
                lang,
                K::LimitationPreview,
                &[
                    ("date", &limit.date),
                    // Days left, and whether art. 203 moved the day or its year is unknown.
                    ("days", &deadline_when(lang, limit)),
                ],
            );
            if limit.expired() {
                ui.colored_label(
                    theme::error_color(ui.visuals().dark_mode),
                    RichText::new(text).strong(),
                );
            } else {
                ui.label(text);
            }
        }
    }
    ui.add_space(8.0);
    let checklist = d.kind.evidence(d.firm_role);
    let held = checklist.iter().filter(|e| d.evidence.contains(e)).count();
    ui.strong(trf(
        lang,
        K::EvidenceTitle,
        &[("held", &held), ("total", &checklist.len())],
    ));
    for &item in checklist {
        let mut has = d.evidence.contains(&item);
        if ui.checkbox(&mut has, evidence_name(lang, item)).changed() {
            d.evidence.retain(|&e| e != item);
            if has {
                d.evidence.push(item);
            }
        }
    }
}

fn relationship_ui(
    ui: &mut egui::Ui,
    cx: &PageContext<'_>,
    next: &mut DisputeDraft,
    advice: &Advice,
    gesture: &mut Gesture,
) {
    let lang = cx.lang;
    let settings = &cx.doc.scenario.settings;
    let form = Form::of(cx);
    ui.weak(t(lang, K::RelationshipIntro));
    ui.add_space(4.0);
    let r = &mut next.dispute.relationship;
    form_grid(ui, "wizard_relationship", |ui| {
        money_field(
            ui,
            form,
            t(lang, K::AnnualProfit),
            &mut r.annual_profit,
            true,
            gesture,
        );
        years_slider(ui, lang, &mut r.remaining_years, gesture);
    });
    // Always one line, so the heading below does not move when the profit changes sign.
    if r.annual_profit.is_negative() {
        ui.colored_label(
            theme::warning_color(ui.visuals().dark_mode),
            t(lang, K::NegativeProfit),
        );
    } else {
        ui.label(trf(
            lang,
            K::DiscountRate,
            &[("pct", &format!("{:.1}", settings.discount_rate_pct))],
        ));
    }
    ui.add_space(6.0);
    ui.heading(trf(
        lang,
        K::ValueAtRisk,
        &[(
            "amount",
            &money_text(&settings.currency_symbol, advice.value_at_risk),
        )],
    ));
    ui.weak(t(lang, K::ValueAtRiskExplain));
    ui.add_space(6.0);
    if ui.button(t(lang, K::FillFromCustomer)).clicked() {
        next.dispute.relationship = relationship_from_customer(cx, &next.dispute.customer_id);
    }
}

/// The remaining years, 0–50. Writes only when moved: a larger number from a file is shown
/// at the end of the scale and kept until the user changes it (the advice caps it at 50).
fn years_slider(ui: &mut egui::Ui, lang: Language, years: &mut u32, gesture: &mut Gesture) {
    let label = ui.label(t(lang, K::RemainingYears));
    let mut shown = (*years).min(MAX_REMAINING_YEARS);
    let response = ui
        .add(egui::Slider::new(&mut shown, 0..=MAX_REMAINING_YEARS).clamping(egui::SliderClamping::Edits))
        .labelled_by(label.id);
    if gesture.continuous(&response) {
        *years = shown;
    }
    ui.end_row();
}

fn advice_ui(
    ui: &mut egui::Ui,
    cx: &PageContext<'_>,
    next: &mut DisputeDraft,
    advice: &Advice,
    gesture: &mut Gesture,
) {
    let lang = cx.lang;
    let dark = ui.visuals().dark_mode;
    let symbol = cx.doc.scenario.settings.currency_symbol.as_str();
    ui.add(
        egui::Label::new(
            RichText::new(trf(
                lang,
                K::Recommended,
                &[("route", &route(lang, advice.recommended))],
            ))
            .size(20.0)
            .strong()
            .color(theme::tier_color(advice.tier, dark)),
        )
        .wrap(),
    );
    ui.add(
        egui::Label::new(trf(
            lang,
            K::Order,
            &[("order", &order_text(lang, &advice.order))],
        ))
        .wrap(),
    );
    ui.add_space(6.0);
    // One column, top to bottom: at 1280×800 two columns left the legal text under the chart and
    // cut the grids; stacked, every block has the full width and wraps.
    ui.strong(t(lang, K::Why));
    for reason in &advice.reasons {
        let text = reason_text(lang, reason);
        let warn = matches!(reason, crate::model::advice::Reason::LimitationExpired { .. });
        ui.horizontal_top(|ui| {
            ui.label("●");
            if warn {
                ui.add(egui::Label::new(RichText::new(text).color(theme::error_color(dark))).wrap());
            } else {
                ui.add(egui::Label::new(text).wrap());
            }
        });
    }
    ui.add_space(8.0);
    ui.strong(t(lang, K::Numbers));
    // Wide tables scroll sideways on a narrow screen instead of widening the page, which
    // would push the Back / Next bar's right end off screen.
    egui::ScrollArea::horizontal()
        .id_salt("wizard_numbers_scroll")
        .show(ui, |ui| numbers_table(ui, lang, symbol, advice));
    net_chart(ui, lang, advice);
    ui.add_space(6.0);
    ui.strong(t(lang, K::WhatIf));
    egui::ScrollArea::horizontal()
        .id_salt("wizard_sensitivity_scroll")
        .show(ui, |ui| sensitivity_ui(ui, cx, next, advice, gesture));
    ui.add_space(8.0);
    deadlines_ui(ui, lang, advice);
    ui.add_space(8.0);
    ui.strong(t(lang, K::LegalBasis));
    ui.colored_label(theme::warning_color(dark), t(lang, K::NotLegalAdvice));
    for &r in &advice.references {
        let (title, text) = reference(lang, r);
        ui.add(egui::Label::new(RichText::new(title).strong()).wrap());
        ui.add(egui::Label::new(RichText::new(version_text(lang, r)).small().weak()).wrap());
        ui.add(egui::Label::new(RichText::new(text).weak()).wrap());
    }
}

/// What a deadline row says after its date: days left, expired, moved by art. 203, year unknown,
/// and for a warranty whether it covers the defect.
fn deadline_when(lang: Language, dl: &Deadline) -> String {
    let mut parts = vec![if matches!(dl.kind, DeadlineKind::Completion(_)) {
        days_from_today_text(lang, dl.days_left)
    } else if dl.expired() {
        format!("{} ({})", days_left_text(lang, dl.days_left), t(lang, K::Expired))
    } else {
        days_left_text(lang, dl.days_left)
    }];
    if let Some(from) = dl.extended_from {
        parts.push(trf(lang, K::ExtendedNote, &[("date", &from)]));
    }
    if dl.year_unknown {
        parts.push(trf(
            lang,
            K::CalendarUnknownNote,
            &[(
                "year",
                &chrono::Datelike::year(&dl.extended_from.unwrap_or(dl.date)),
            )],
        ));
    }
    match dl.covers_defect {
        Some(true) => parts.push(t(lang, K::CoversDefect).to_owned()),
        Some(false) => parts.push(t(lang, K::MissesDefect).to_owned()),
        None => {}
    }
    parts.join("; ")
}

fn deadlines_ui(ui: &mut egui::Ui, lang: Language, advice: &Advice) {
    ui.strong(t(lang, K::Deadlines));
    if advice.deadlines.is_empty() {
        ui.weak(t(lang, K::ReasonLimitationUnknown));
        return;
    }
    let dark = ui.visuals().dark_mode;
    // One wrapping line per deadline: "how long is left" can be a long sentence, and on a
    // narrow screen it goes on to the next line instead of widening the page.
    for dl in &advice.deadlines {
        let when = deadline_when(lang, dl);
        let barred = dl.expired() && dl.covers_defect.is_none();
        ui.horizontal_wrapped(|ui| {
            ui.label(deadline_name(lang, dl.kind));
            ui.monospace(dl.date.to_string());
            if barred {
                ui.colored_label(theme::error_color(dark), RichText::new(when).strong());
            } else {
                ui.label(when);
            }
        });
    }
}

/// Axis ticks in thousands or millions, so that large amounts stay short.
fn compact(value: f64) -> String {
    let abs = value.abs();
    if abs >= 1e6 {
        format!("{:.1}M", value / 1e6)
    } else if abs >= 1e3 {
        format!("{:.0}k", value / 1e3)
    } else {
        format!("{value:.0}")
    }
}

fn numbers_table(ui: &mut egui::Ui, lang: Language, symbol: &str, advice: &Advice) {
    let dark = ui.visuals().dark_mode;
    let net_text = |m: Money| {
        let text = RichText::new(money_text(symbol, m)).strong();
        if m.is_negative() {
            text.color(theme::error_color(dark))
        } else {
            text
        }
    };
    egui::Grid::new("wizard_numbers")
        .num_columns(7)
        .striped(true)
        .spacing([10.0, 4.0])
        .show(ui, |ui| {
            ui.label("");
            for key in [
                K::ColMonths,
                K::ColRecovery,
                K::ColCost,
                K::ColRelationshipLoss,
                K::ColNet,
                K::ColVsSettle,
            ] {
                ui.strong(t(lang, key));
            }
            ui.end_row();
            // The baseline: settle now (or concede) for the amount entered.
            ui.label(t(lang, K::SettleNow));
            ui.label("0");
            ui.label(money_text(symbol, advice.settle_now));
            ui.label(money_text(symbol, Money::ZERO));
            ui.label(money_text(symbol, Money::ZERO));
            ui.label(net_text(advice.settle_now));
            ui.label("—");
            ui.end_row();
            let best = advice.best_by_numbers();
            for r in &advice.results {
                let name = route(lang, r.route);
                if Some(r.route) == best {
                    ui.strong(name);
                } else {
                    ui.label(name);
                }
                ui.label(r.months.to_string());
                for m in [r.expected_recovery, r.cost, r.relationship_loss] {
                    ui.label(money_text(symbol, m));
                }
                ui.label(net_text(r.net));
                let sign = if r.vs_settle_now.is_negative() { "" } else { "+" };
                ui.label(format!("{sign}{}", money_text(symbol, r.vs_settle_now)));
                ui.end_row();
            }
        });
}

/// The expected net result per route beside settling now: the wizard's chart, and the dispute
/// report's image of it.
pub(crate) fn net_chart(ui: &mut egui::Ui, lang: Language, advice: &Advice) {
    let dark = ui.visuals().dark_mode;
    let mut rows: Vec<(String, Money, bool)> =
        vec![(t(lang, K::SettleNow).to_owned(), advice.settle_now, false)];
    rows.extend(advice.results.iter().map(|r| {
        (
            route(lang, r.route).to_owned(),
            r.net,
            r.route == advice.recommended,
        )
    }));
    let bars: Vec<Bar> = rows
        .iter()
        .enumerate()
        .map(|(i, (name, net, recommended))| {
            let color = if net.is_negative() {
                theme::error_color(dark)
            } else if *recommended {
                theme::tier_color(Tier::Key, dark)
            } else {
                Color32::from_gray(if dark { 150 } else { 120 })
            };
            Bar::new(i as f64, net.as_major_f64())
                .width(0.6)
                .name(name)
                .fill(color)
        })
        .collect();
    let labels: Vec<String> = rows.into_iter().map(|(name, _, _)| name).collect();
    Plot::new("wizard_net_chart")
        .height(170.0)
        .width(ui.available_width().min(720.0))
        .allow_drag(false)
        .allow_zoom(false)
        .allow_scroll(false)
        .allow_boxed_zoom(false)
        .show_x(false)
        .y_axis_label(t(lang, K::ColNet))
        .y_axis_formatter(|mark, _range| compact(mark.value))
        .x_axis_formatter(move |mark, _range| {
            let i = mark.value.round();
            if (mark.value - i).abs() < 1e-6 && i >= 0.0 {
                labels.get(i as usize).cloned().unwrap_or_default()
            } else {
                String::new()
            }
        })
        .show(ui, |plot| {
            plot.bar_chart(BarChart::new(t(lang, K::ColNet), bars));
        });
}

/// The what-if inputs. Each widget shows the assumption in force (the dispute's own, else the
/// scenario's) and writes only when the user changes it; the first change gives the dispute its
/// own copy of the route assumptions.
fn sensitivity_ui(
    ui: &mut egui::Ui,
    cx: &PageContext<'_>,
    next: &mut DisputeDraft,
    advice: &Advice,
    gesture: &mut Gesture,
) {
    let lang = cx.lang;
    let settings = &cx.doc.scenario.settings;
    let form = Form::of(cx);
    let mut routes = next.dispute.routes_or(&settings.route_defaults);
    let mut routes_changed = false;
    egui::Grid::new("wizard_sensitivity")
        .num_columns(2)
        .spacing([12.0, 4.0])
        .min_col_width(200.0)
        .show(ui, |ui| {
            money_field(
                ui,
                form,
                t(lang, K::SettlementAmount),
                &mut next.dispute.settlement,
                false,
                gesture,
            );
            for r in &advice.results {
                let name = route(lang, r.route);
                let input = routes.get_mut(r.route);
                let loss = trf(lang, K::LossChance, &[("route", &name)]);
                if let Some(v) = percent_slider(ui, &loss, input.relationship_loss_pct, 0.0..=100.0, gesture)
                {
                    input.relationship_loss_pct = v;
                    routes_changed = true;
                }
                let share = trf(lang, K::RecoveryShare, &[("route", &name)]);
                if let Some(v) = percent_slider(ui, &share, input.recovery_pct, 0.0..=100.0, gesture) {
                    input.recovery_pct = v;
                    routes_changed = true;
                }
                let before = input.cost;
                money_field(
                    ui,
                    form,
                    &trf(lang, K::RouteCost, &[("route", &name)]),
                    &mut input.cost,
                    false,
                    gesture,
                );
                routes_changed |= input.cost != before;
                let before = input.months;
                let label = trf(lang, K::RouteMonths, &[("route", &name)]);
                months_field(ui, form, &label, &mut input.months, gesture);
                routes_changed |= input.months != before;
            }
            if advice.limitation().is_some_and(Deadline::expired) {
                let in_force = next
                    .dispute
                    .limitation_defence_pct
                    .unwrap_or(settings.limitation_defence_pct);
                if let Some(v) = percent_slider(ui, t(lang, K::DefenceChance), in_force, 0.0..=100.0, gesture)
                {
                    next.dispute.limitation_defence_pct = Some(v);
                }
            }
            years_slider(ui, lang, &mut next.dispute.relationship.remaining_years, gesture);
        });
    if routes_changed {
        next.dispute.routes = Some(routes);
    }
    if ui.button(t(lang, K::ResetAssumptions)).clicked() {
        next.dispute.routes = None;
        next.dispute.limitation_defence_pct = None;
    }
}

fn prevention_ui(ui: &mut egui::Ui, lang: Language, next: &mut DisputeDraft) {
    ui.label(t(lang, K::PreventionIntro));
    ui.add_space(6.0);
    let kind = next.dispute.kind;
    let scores = &mut next.dispute.prevention;
    egui::Grid::new("wizard_prevention")
        .num_columns(2)
        .striped(true)
        .spacing([16.0, 6.0])
        .show(ui, |ui| {
            for item in PreventionItem::ALL {
                ui.label(prevention_name(lang, item));
                ui.horizontal(|ui| {
                    let current = scores.get(item);
                    for score in 0..=PreventionScores::MAX_ITEM {
                        if ui
                            .add(egui::Button::selectable(
                                current == score,
                                score_name(lang, score),
                            ))
                            .clicked()
                        {
                            scores.set(item, score);
                        }
                    }
                });
                ui.end_row();
            }
        });
    ui.add_space(8.0);
    ui.heading(trf(lang, K::PreventionScore, &[("pct", &scores.percent())]));
    ui.strong(t(lang, K::Gaps));
    let gaps = scores.gaps(kind);
    if gaps.is_empty() {
        ui.label(t(lang, K::NoGaps));
    }
    let dark = ui.visuals().dark_mode;
    for (item, revealed) in gaps {
        let name = prevention_name(lang, item);
        if revealed {
            ui.colored_label(
                theme::warning_color(dark),
                format!("● {}", trf(lang, K::GapRevealed, &[("item", &name)])),
            );
        } else {
            ui.label(format!("● {name}"));
        }
    }
}

fn decide_ui(
    ui: &mut egui::Ui,
    lang: Language,
    next: &mut DisputeDraft,
    advice: &Advice,
    gesture: &mut Gesture,
) {
    ui.label(t(lang, K::DecideIntro));
    ui.add_space(6.0);
    ui.strong(trf(
        lang,
        K::AdviceWas,
        &[("route", &route(lang, advice.recommended))],
    ));
    ui.add_space(4.0);
    ui.label(t(lang, K::RouteChosen));
    // Only the routes open to this dispute: never litigation under an arbitration clause.
    ui.horizontal(|ui| {
        for r in &advice.results {
            if ui
                .radio(next.chosen == Some(r.route), route(lang, r.route))
                .clicked()
            {
                next.chosen = Some(r.route);
            }
        }
    });
    if next.chosen.is_some_and(|c| advice.result(c).is_none()) {
        next.chosen = None;
    }
    ui.add_space(6.0);
    let label = ui.label(t(lang, K::ReasonForChoice));
    let response = ui
        .add(
            egui::TextEdit::multiline(&mut next.reason)
                .desired_width(560.0)
                .desired_rows(3),
        )
        .labelled_by(label.id);
    gesture.continuous(&response);
}
