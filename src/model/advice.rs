//! The dispute wizard's advice (DOMAIN.md §6): a pure function from the dispute's inputs to
//! the order of routes, the reasons, the legal references, the deadlines and the numbers.
//!
//! Nothing here words anything: reasons and references are data that the UI and the report
//! word in the user's language. `today` is passed in.

use chrono::{Months, NaiveDate};

use super::{
    Dispute, DisputeKind, Evidence, KindAnswers, Money, Relationship, Route, RouteInputs, Scenario,
    Segmentation, Tier,
};

/// Years of the general limitation period (Civil Code art. 188).
pub const LIMITATION_YEARS: u32 = 3;

/// Days before the limitation expires from which the advice warns.
pub const LIMITATION_WARNING_DAYS: i64 = 180;

/// Everything the advice depends on.
#[derive(Clone, Copy, Debug)]
pub struct AdviceInput<'a> {
    pub tier: Tier,
    pub kind: DisputeKind,
    pub answers: &'a KindAnswers,
    pub arbitration_clause: bool,
    pub amount_claimed: Money,
    pub amount_disputed: Money,
    /// When the firm knew or should have known of the damage.
    pub damage_known: Option<NaiveDate>,
    pub evidence: &'a [Evidence],
    pub relationship: &'a Relationship,
    /// Discount rate (% per year) for the relationship value at risk; 0 for none.
    pub discount_rate_pct: f64,
    pub routes: &'a RouteInputs,
    pub today: NaiveDate,
}

impl<'a> AdviceInput<'a> {
    /// The inputs a logged or drafted dispute holds, for a customer of `tier`.
    #[must_use]
    pub fn from_dispute(dispute: &'a Dispute, tier: Tier, discount_rate_pct: f64, today: NaiveDate) -> Self {
        Self {
            tier,
            kind: dispute.kind,
            answers: &dispute.answers,
            arbitration_clause: dispute.contract.arbitration_clause,
            amount_claimed: dispute.amount_claimed,
            amount_disputed: dispute.amount_disputed,
            damage_known: dispute.damage_known,
            evidence: &dispute.evidence,
            relationship: &dispute.relationship,
            discount_rate_pct,
            routes: &dispute.routes,
            today,
        }
    }
}

/// The customer's tier in effect for a dispute; a dispute naming an unknown customer is
/// treated as a general customer.
#[must_use]
pub fn dispute_tier(scenario: &Scenario, segmentation: &Segmentation, dispute: &Dispute) -> Tier {
    scenario
        .customers
        .iter()
        .position(|c| c.id == dispute.customer_id)
        .and_then(|i| segmentation.figures.get(i))
        .map_or(Tier::General, |f| f.tier)
}

/// Expected remaining years of a relationship until the user says otherwise: key customers
/// are kept for the long term, loss-makers may not be kept at all.
#[must_use]
pub const fn default_remaining_years(tier: Tier) -> u32 {
    match tier {
        Tier::Key => 5,
        Tier::General => 3,
        Tier::LossMaking => 1,
    }
}

/// The relationship numbers the customer's figures give: its annual profit, and the default
/// remaining years of its tier. `None` for a customer not in the scenario.
#[must_use]
pub fn customer_relationship(
    scenario: &Scenario,
    segmentation: &Segmentation,
    customer_id: &str,
) -> Option<Relationship> {
    let index = scenario.customers.iter().position(|c| c.id == customer_id)?;
    let figures = segmentation.figures.get(index)?;
    Some(Relationship {
        annual_profit: Money(figures.profit.clamp(i128::from(i64::MIN), i128::from(i64::MAX)) as i64),
        remaining_years: default_remaining_years(figures.tier),
    })
}

/// The advice for a dispute of the scenario. A dispute logged without relationship numbers
/// (entered by hand, or before the wizard) is judged with the customer's current figures.
#[must_use]
pub fn advise_dispute(
    scenario: &Scenario,
    segmentation: &Segmentation,
    dispute: &Dispute,
    today: NaiveDate,
) -> Advice {
    let tier = dispute_tier(scenario, segmentation, dispute);
    let prefilled = (dispute.relationship == Relationship::default())
        .then(|| customer_relationship(scenario, segmentation, &dispute.customer_id))
        .flatten();
    let mut input = AdviceInput::from_dispute(dispute, tier, scenario.settings.discount_rate_pct, today);
    if let Some(relationship) = &prefilled {
        input.relationship = relationship;
    }
    advise(&input)
}

/// A reason behind the advice; the UI words each as a sentence.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Reason {
    /// Key customer: negotiate, then mediate, the formal route last.
    KeyCustomer,
    /// General customer: the formal route, as the case warrants.
    GeneralCustomer { formal: Route },
    /// Loss-making customer: the formal route, and review whether to keep the account.
    LossMakingCustomer { formal: Route },
    /// The contract has an arbitration clause: arbitration, and a court will not take the case.
    ArbitrationClause,
    /// No arbitration clause: the formal route is a lawsuit.
    NoArbitrationClause,
    /// The limitation period ran out on `on`; formal recovery is counted as nothing.
    LimitationExpired { on: NaiveDate },
    /// The limitation period runs out soon.
    LimitationSoon { on: NaiveDate, days_left: i64 },
    /// No date of knowing the damage: the limitation cannot be computed.
    LimitationUnknown,
    /// The art. 9 completion date from the answers.
    Completion(CompletionDate),
    /// Not enough answers to fix the completion date.
    CompletionUnknown,
    /// The employer used the works before acceptance (SPC art. 14).
    UsedBeforeAcceptance { structural: bool },
    /// The employer is alleged to be at fault (SPC art. 13, Civil Code art. 803).
    EmployerFault,
    /// The contractor is alleged to be at fault (Civil Code art. 801, SPC art. 12).
    ContractorFault,
    /// Nobody's fault established yet.
    FaultUnclear,
    /// Site visas or written records prove the quantity (SPC art. 20).
    QuantityRecords,
    /// No records, but the employer agreed to the work: other evidence may prove it.
    QuantityAgreedOnly,
    /// Neither records nor the employer's agreement.
    QuantityWeak,
    /// The contract fixes the pricing method (SPC art. 19).
    PricingAgreed,
    /// Design changes with no agreed price: the local authority's standard at signing.
    PricingDesignChanges,
    /// No agreed method and no design changes recorded.
    PricingUnclear,
    /// Some evidence on the kind's checklist is missing.
    EvidenceMissing { held: usize, total: usize },
    /// The numbers favour another route than the tier rule.
    NumbersFavour { route: Route },
    /// The numbers agree with the tier rule.
    NumbersAgree,
}

/// A legal source the advice cites. Labelled "reference, not legal advice" wherever shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum LegalRef {
    CivilCode188,
    CivilCode799,
    CivilCode801,
    CivilCode803,
    Spc9,
    Spc12,
    Spc13,
    Spc14,
    Spc19,
    Spc20,
    QualityRegulation40,
    ArbitrationLaw5,
}

/// Which art. 9 rule fixes the completion date.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum CompletionRule {
    /// The works passed completion acceptance: that date.
    AcceptancePassed,
    /// The contractor submitted the acceptance report and the employer delayed: the submission date.
    ReportSubmitted,
    /// The employer used the works without acceptance: the date it took possession.
    Possession,
}

/// The completion date art. 9 gives, and the rule that gives it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CompletionDate {
    pub rule: CompletionRule,
    pub date: NaiveDate,
}

/// The parts of the works with a minimum warranty (Construction Quality Regulation art. 40).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum WarrantyPart {
    /// Roof and wet-room waterproofing, walls: 5 years.
    Waterproofing,
    /// Heating and cooling: two seasons, counted here as 2 years.
    HeatingCooling,
    /// Electrical, plumbing, equipment installation and decoration: 2 years.
    Installation,
}

impl WarrantyPart {
    pub const ALL: [Self; 3] = [Self::Waterproofing, Self::HeatingCooling, Self::Installation];

    /// The minimum warranty in years.
    #[must_use]
    pub const fn years(self) -> u32 {
        match self {
            Self::Waterproofing => 5,
            Self::HeatingCooling | Self::Installation => 2,
        }
    }
}

/// What a deadline is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum DeadlineKind {
    /// The 3-year limitation period ends.
    Limitation,
    /// The art. 9 completion date (a date in the past, usually; shown for reference).
    Completion(CompletionRule),
    /// A minimum warranty period ends.
    Warranty(WarrantyPart),
}

/// A date that matters, with the days left from today (negative once past).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Deadline {
    pub kind: DeadlineKind,
    pub date: NaiveDate,
    pub days_left: i64,
}

impl Deadline {
    /// A limitation or warranty period that has run out. The completion date is a fact, not a
    /// period, so it never expires.
    #[must_use]
    pub fn expired(&self) -> bool {
        !matches!(self.kind, DeadlineKind::Completion(_)) && self.days_left < 0
    }
}

/// The numbers for one route.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RouteResult {
    pub route: Route,
    /// Disputed amount × recovery share (nothing by a formal route once time-barred).
    pub expected_recovery: Money,
    pub cost: Money,
    pub months: u32,
    /// Relationship value at risk × chance of losing it.
    pub relationship_loss: Money,
    /// Expected recovery − cost − relationship loss.
    pub net: Money,
}

/// The advice: what to do, why, under which law, by when, and what each route is worth.
#[derive(Clone, Debug, PartialEq)]
pub struct Advice {
    pub tier: Tier,
    /// The first route to try.
    pub recommended: Route,
    /// Arbitration with a clause, litigation without.
    pub formal: Route,
    /// The routes to try, in order.
    pub order: Vec<Route>,
    pub reasons: Vec<Reason>,
    pub references: Vec<LegalRef>,
    pub completion: Option<CompletionDate>,
    /// Sorted by date.
    pub deadlines: Vec<Deadline>,
    /// Annual profit × remaining years, discounted; never below zero.
    pub value_at_risk: Money,
    /// One per route open to this dispute (never litigation under an arbitration clause).
    pub results: Vec<RouteResult>,
}

impl Advice {
    /// The numbers for `route`, if it is open to this dispute.
    #[must_use]
    pub fn result(&self, route: Route) -> Option<&RouteResult> {
        self.results.iter().find(|r| r.route == route)
    }

    /// The route with the best expected net result (the first on ties).
    #[must_use]
    pub fn best_by_numbers(&self) -> Option<Route> {
        let mut best: Option<&RouteResult> = None;
        for r in &self.results {
            if best.is_none_or(|b| r.net > b.net) {
                best = Some(r);
            }
        }
        best.map(|r| r.route)
    }

    /// The limitation deadline, when the damage date is known.
    #[must_use]
    pub fn limitation(&self) -> Option<&Deadline> {
        self.deadlines.iter().find(|d| d.kind == DeadlineKind::Limitation)
    }

    /// The deadline the log shows: an expired limitation period first (it decides whether a
    /// formal claim is still possible), else the soonest period still running. Warranty
    /// periods that have ended are not overdue actions, so they are never shown.
    #[must_use]
    pub fn next_deadline(&self) -> Option<&Deadline> {
        if let Some(limitation) = self.limitation().filter(|d| d.expired()) {
            return Some(limitation);
        }
        self.deadlines
            .iter()
            .filter(|d| !matches!(d.kind, DeadlineKind::Completion(_)) && !d.expired())
            .min_by_key(|d| d.days_left)
    }
}

/// `date` plus `years` calendar years. A 29 February with no counterpart falls on 28 February,
/// the last day of the month (Civil Code art. 202: a period ends on the corresponding day of
/// the last month, or on its last day when there is none).
#[must_use]
pub fn add_years(date: NaiveDate, years: u32) -> NaiveDate {
    date.checked_add_months(Months::new(years.saturating_mul(12)))
        .unwrap_or(NaiveDate::MAX)
}

/// The last day of the 3-year limitation period for damage known on `known`. The day of
/// knowing is not counted, so the period ends on the same calendar day three years on.
#[must_use]
pub fn limitation_end(known: NaiveDate) -> NaiveDate {
    add_years(known, LIMITATION_YEARS)
}

/// The completion date under SPC Interpretation (I) art. 9, from the answers.
///
/// Where several rules apply, the earliest date counts: a later acceptance does not undo the
/// employer's delay after the report, nor its having taken the works over before acceptance.
#[must_use]
pub fn completion_date(answers: &KindAnswers) -> Option<CompletionDate> {
    let candidates = [
        (
            answers.acceptance_passed,
            answers.acceptance_date,
            CompletionRule::AcceptancePassed,
        ),
        (
            answers.report_submitted && answers.employer_delayed,
            answers.report_date,
            CompletionRule::ReportSubmitted,
        ),
        (
            answers.used_before_acceptance,
            answers.possession_date,
            CompletionRule::Possession,
        ),
    ];
    let mut best: Option<CompletionDate> = None;
    for (applies, date, rule) in candidates {
        if let (true, Some(date)) = (applies, date)
            && best.is_none_or(|b| date < b.date)
        {
            best = Some(CompletionDate { rule, date });
        }
    }
    best
}

/// The relationship value at risk: annual profit × remaining years, each year discounted at
/// `rate_pct`. A relationship that loses money puts nothing at risk.
#[must_use]
pub fn value_at_risk(relationship: &Relationship, rate_pct: f64) -> Money {
    let profit = relationship.annual_profit.minor();
    if profit <= 0 || relationship.remaining_years == 0 {
        return Money::ZERO;
    }
    let rate = if rate_pct.is_finite() {
        rate_pct.max(0.0) / 100.0
    } else {
        0.0
    };
    if rate == 0.0 {
        return Money(profit.saturating_mul(i64::from(relationship.remaining_years)));
    }
    let factor: f64 = (1..=relationship.remaining_years)
        .map(|t| 1.0 / (1.0 + rate).powi(t as i32))
        .sum();
    Money(to_minor(profit as f64 * factor))
}

/// Rounds a float amount of minor units back to integer money, saturating.
fn to_minor(value: f64) -> i64 {
    if value.is_nan() {
        0
    } else {
        value.round().clamp(i64::MIN as f64, i64::MAX as f64) as i64
    }
}

/// `amount` × `pct` %, rounded; the percentage is clamped to 0–100.
fn share(amount: Money, pct: f64) -> Money {
    let pct = if pct.is_finite() {
        pct.clamp(0.0, 100.0)
    } else {
        0.0
    };
    Money(to_minor(amount.minor() as f64 * pct / 100.0))
}

const fn is_formal(route: Route) -> bool {
    matches!(route, Route::Arbitration | Route::Litigation)
}

/// The advice for one dispute.
#[must_use]
pub fn advise(input: &AdviceInput<'_>) -> Advice {
    let formal = if input.arbitration_clause {
        Route::Arbitration
    } else {
        Route::Litigation
    };
    let mut reasons = Vec::new();
    let mut references = vec![LegalRef::CivilCode188];

    // The tier rule decides the order.
    let order = match input.tier {
        Tier::Key => {
            reasons.push(Reason::KeyCustomer);
            vec![Route::Negotiation, Route::Mediation, formal]
        }
        Tier::General => {
            reasons.push(Reason::GeneralCustomer { formal });
            vec![formal, Route::Negotiation, Route::Mediation]
        }
        Tier::LossMaking => {
            reasons.push(Reason::LossMakingCustomer { formal });
            vec![formal]
        }
    };
    let recommended = order.first().copied().unwrap_or(formal);
    if input.arbitration_clause {
        reasons.push(Reason::ArbitrationClause);
        references.push(LegalRef::ArbitrationLaw5);
    } else {
        reasons.push(Reason::NoArbitrationClause);
    }

    // Deadlines.
    let mut deadlines = Vec::new();
    let deadline = |kind, date: NaiveDate| Deadline {
        kind,
        date,
        days_left: (date - input.today).num_days(),
    };
    let mut time_barred = false;
    match input.damage_known {
        Some(known) => {
            let end = deadline(DeadlineKind::Limitation, limitation_end(known));
            if end.expired() {
                time_barred = true;
                reasons.push(Reason::LimitationExpired { on: end.date });
            } else if end.days_left <= LIMITATION_WARNING_DAYS {
                reasons.push(Reason::LimitationSoon {
                    on: end.date,
                    days_left: end.days_left,
                });
            }
            deadlines.push(end);
        }
        None => reasons.push(Reason::LimitationUnknown),
    }
    let completion = completion_date(input.answers);
    if let Some(c) = completion {
        deadlines.push(deadline(DeadlineKind::Completion(c.rule), c.date));
        if input.kind.is_quality() {
            for part in WarrantyPart::ALL {
                deadlines.push(deadline(
                    DeadlineKind::Warranty(part),
                    add_years(c.date, part.years()),
                ));
            }
        }
    }
    deadlines.sort_by_key(|d| d.date);

    // What the kind and its answers add.
    let a = input.answers;
    match input.kind {
        DisputeKind::CompletionDate => {
            references.extend([LegalRef::Spc9, LegalRef::CivilCode799]);
            reasons.push(completion.map_or(Reason::CompletionUnknown, Reason::Completion));
        }
        DisputeKind::QualityContractor
        | DisputeKind::QualityEmployer
        | DisputeKind::QualityUsedBeforeAcceptance => {
            references.extend([LegalRef::QualityRegulation40, LegalRef::CivilCode799]);
            if input.kind == DisputeKind::QualityUsedBeforeAcceptance || a.used_before_acceptance {
                references.extend([LegalRef::Spc14, LegalRef::Spc9]);
                reasons.push(Reason::UsedBeforeAcceptance {
                    structural: a.structural,
                });
            }
            let fault = match (input.kind, a.fault) {
                (DisputeKind::QualityContractor, _) | (_, super::Fault::Contractor) => {
                    references.extend([LegalRef::CivilCode801, LegalRef::Spc12]);
                    Reason::ContractorFault
                }
                (DisputeKind::QualityEmployer, _) | (_, super::Fault::Employer) => {
                    references.extend([LegalRef::Spc13, LegalRef::CivilCode803]);
                    Reason::EmployerFault
                }
                _ => Reason::FaultUnclear,
            };
            reasons.push(fault);
        }
        DisputeKind::PricingMethod => {
            references.push(LegalRef::Spc19);
            reasons.push(if a.pricing_agreed {
                Reason::PricingAgreed
            } else if a.unpriced_design_changes {
                Reason::PricingDesignChanges
            } else {
                Reason::PricingUnclear
            });
        }
        DisputeKind::QuantityOfWork => {
            references.push(LegalRef::Spc20);
            reasons.push(if a.site_visas || a.written_records {
                Reason::QuantityRecords
            } else if a.employer_agreed_work {
                Reason::QuantityAgreedOnly
            } else {
                Reason::QuantityWeak
            });
        }
        DisputeKind::Other => {}
    }
    let checklist = input.kind.evidence();
    let held = checklist.iter().filter(|e| input.evidence.contains(e)).count();
    if held < checklist.len() {
        reasons.push(Reason::EvidenceMissing {
            held,
            total: checklist.len(),
        });
    }
    references.sort();
    references.dedup();

    // The numbers, for every route open to this dispute.
    let at_risk = value_at_risk(input.relationship, input.discount_rate_pct);
    let results: Vec<RouteResult> = [Route::Negotiation, Route::Mediation, formal]
        .into_iter()
        .map(|route| {
            let assumed = input.routes.get(route);
            // Once time-barred the obligor may refuse to perform (Civil Code art. 192), so a
            // formal route is counted as recovering nothing; a voluntary settlement still can.
            let expected_recovery = if time_barred && is_formal(route) {
                Money::ZERO
            } else {
                share(input.amount_disputed, assumed.recovery_pct)
            };
            let relationship_loss = share(at_risk, assumed.relationship_loss_pct);
            let net = Money(
                expected_recovery
                    .minor()
                    .saturating_sub(assumed.cost.minor())
                    .saturating_sub(relationship_loss.minor()),
            );
            RouteResult {
                route,
                expected_recovery,
                cost: assumed.cost,
                months: assumed.months,
                relationship_loss,
                net,
            }
        })
        .collect();
    let mut advice = Advice {
        tier: input.tier,
        recommended,
        formal,
        order,
        reasons,
        references,
        completion,
        deadlines,
        value_at_risk: at_risk,
        results,
    };
    match advice.best_by_numbers() {
        Some(best) if best != recommended => advice.reasons.push(Reason::NumbersFavour { route: best }),
        Some(_) => advice.reasons.push(Reason::NumbersAgree),
        None => {}
    }
    advice
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Fault;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    struct Case {
        answers: KindAnswers,
        relationship: Relationship,
        routes: RouteInputs,
        evidence: Vec<Evidence>,
    }

    impl Case {
        fn new() -> Self {
            Self {
                answers: KindAnswers::default(),
                relationship: Relationship {
                    annual_profit: Money::from_major(300_000),
                    remaining_years: 5,
                },
                routes: RouteInputs::default(),
                evidence: Vec::new(),
            }
        }

        fn input(&self, tier: Tier, kind: DisputeKind, clause: bool) -> AdviceInput<'_> {
            AdviceInput {
                tier,
                kind,
                answers: &self.answers,
                arbitration_clause: clause,
                amount_claimed: Money::from_major(1_000_000),
                amount_disputed: Money::from_major(800_000),
                damage_known: Some(date(2026, 5, 22)),
                evidence: &self.evidence,
                relationship: &self.relationship,
                discount_rate_pct: 0.0,
                routes: &self.routes,
                today: date(2026, 11, 26),
            }
        }
    }

    /// The references each kind must cite, whatever the tier and clause.
    fn kind_references(kind: DisputeKind) -> &'static [LegalRef] {
        match kind {
            DisputeKind::QualityContractor => &[
                LegalRef::CivilCode801,
                LegalRef::Spc12,
                LegalRef::QualityRegulation40,
            ],
            DisputeKind::QualityEmployer => &[
                LegalRef::Spc13,
                LegalRef::CivilCode803,
                LegalRef::QualityRegulation40,
            ],
            DisputeKind::QualityUsedBeforeAcceptance => {
                &[LegalRef::Spc14, LegalRef::Spc9, LegalRef::QualityRegulation40]
            }
            DisputeKind::CompletionDate => &[LegalRef::Spc9, LegalRef::CivilCode799],
            DisputeKind::PricingMethod => &[LegalRef::Spc19],
            DisputeKind::QuantityOfWork => &[LegalRef::Spc20],
            DisputeKind::Other => &[],
        }
    }

    #[test]
    fn every_kind_tier_and_clause() {
        let case = Case::new();
        let mut seen = 0;
        for kind in DisputeKind::ALL {
            for tier in Tier::ALL {
                for clause in [true, false] {
                    let advice = advise(&case.input(tier, kind, clause));
                    let what = format!("{kind:?} × {tier:?} × clause {clause}");
                    let formal = if clause {
                        Route::Arbitration
                    } else {
                        Route::Litigation
                    };
                    let (order, reason) = match tier {
                        Tier::Key => (
                            vec![Route::Negotiation, Route::Mediation, formal],
                            Reason::KeyCustomer,
                        ),
                        Tier::General => (
                            vec![formal, Route::Negotiation, Route::Mediation],
                            Reason::GeneralCustomer { formal },
                        ),
                        Tier::LossMaking => (vec![formal], Reason::LossMakingCustomer { formal }),
                    };
                    assert_eq!(advice.order, order, "{what}: order");
                    assert_eq!(advice.recommended, order[0], "{what}: recommended");
                    assert_eq!(advice.formal, formal, "{what}: formal route");
                    assert!(advice.reasons.contains(&reason), "{what}: tier reason");
                    // An arbitration clause never leads to litigation, anywhere in the advice.
                    if clause {
                        assert!(!advice.order.contains(&Route::Litigation), "{what}");
                        assert!(advice.result(Route::Litigation).is_none(), "{what}");
                        assert!(
                            !advice.reasons.contains(&Reason::NumbersFavour {
                                route: Route::Litigation
                            }),
                            "{what}"
                        );
                        assert!(advice.reasons.contains(&Reason::ArbitrationClause), "{what}");
                        assert!(advice.references.contains(&LegalRef::ArbitrationLaw5), "{what}");
                    } else {
                        assert!(advice.result(Route::Arbitration).is_none(), "{what}");
                        assert!(advice.reasons.contains(&Reason::NoArbitrationClause), "{what}");
                        assert!(!advice.references.contains(&LegalRef::ArbitrationLaw5), "{what}");
                    }
                    assert_eq!(advice.results.len(), 3, "{what}: three routes open");
                    assert!(advice.references.contains(&LegalRef::CivilCode188), "{what}");
                    for r in kind_references(kind) {
                        assert!(advice.references.contains(r), "{what}: cites {r:?}");
                    }
                    seen += 1;
                }
            }
        }
        assert_eq!(seen, 7 * 3 * 2);
    }

    #[test]
    fn key_and_general_customers_get_different_routes_for_the_same_dispute() {
        let case = Case::new();
        let key = advise(&case.input(Tier::Key, DisputeKind::QuantityOfWork, false));
        let general = advise(&case.input(Tier::General, DisputeKind::QuantityOfWork, false));
        assert_eq!(key.recommended, Route::Negotiation);
        assert_eq!(general.recommended, Route::Litigation);
    }

    #[test]
    fn years_are_added_on_the_calendar_with_leap_days() {
        let cases = [
            (date(2024, 2, 29), 3, date(2027, 2, 28)),
            (date(2024, 2, 29), 4, date(2028, 2, 29)),
            (date(2023, 2, 28), 1, date(2024, 2, 28)),
            (date(2023, 3, 1), 1, date(2024, 3, 1)),
            (date(2023, 6, 30), 3, date(2026, 6, 30)),
            (date(2025, 12, 31), 2, date(2027, 12, 31)),
        ];
        for (from, years, expected) in cases {
            assert_eq!(add_years(from, years), expected, "{from} + {years} years");
        }
    }

    #[test]
    fn the_limitation_is_three_years_and_expires_after_its_last_day() {
        assert_eq!(limitation_end(date(2024, 2, 29)), date(2027, 2, 28));
        let mut case = Case::new();
        case.evidence = DisputeKind::Other.evidence().to_vec();
        let check = |known: NaiveDate, today: NaiveDate| {
            let mut input = case.input(Tier::General, DisputeKind::Other, true);
            input.damage_known = Some(known);
            input.today = today;
            advise(&input)
        };
        // The last day itself is still in time.
        let last_day = check(date(2023, 11, 26), date(2026, 11, 26));
        let limitation = *last_day.limitation().unwrap();
        assert_eq!(limitation.days_left, 0);
        assert!(!limitation.expired());
        assert!(last_day.reasons.contains(&Reason::LimitationSoon {
            on: date(2026, 11, 26),
            days_left: 0
        }));
        // The day after, it has run out, and a formal route recovers nothing.
        let barred = check(date(2023, 11, 25), date(2026, 11, 26));
        let limitation = *barred.limitation().unwrap();
        assert_eq!(limitation.days_left, -1);
        assert!(limitation.expired());
        assert!(barred.reasons.contains(&Reason::LimitationExpired {
            on: date(2026, 11, 25)
        }));
        assert_eq!(
            barred.result(Route::Arbitration).unwrap().expected_recovery,
            Money::ZERO
        );
        assert!(barred.result(Route::Negotiation).unwrap().expected_recovery > Money::ZERO);
        // Known on a leap day: the period ends on 28 February.
        let leap = check(date(2024, 2, 29), date(2027, 2, 28));
        assert_eq!(leap.limitation().unwrap().days_left, 0);
        let leap = check(date(2024, 2, 29), date(2027, 3, 1));
        assert!(leap.limitation().unwrap().expired());
        // Far away: no warning at all.
        let calm = check(date(2026, 5, 22), date(2026, 11, 26));
        assert_eq!(calm.limitation().unwrap().days_left, 908);
        assert!(!calm.reasons.iter().any(|r| matches!(
            r,
            Reason::LimitationSoon { .. } | Reason::LimitationExpired { .. }
        )));
        // Unknown damage date.
        let mut input = case.input(Tier::General, DisputeKind::Other, true);
        input.damage_known = None;
        let unknown = advise(&input);
        assert!(unknown.limitation().is_none());
        assert!(unknown.reasons.contains(&Reason::LimitationUnknown));
    }

    #[test]
    fn the_sample_time_barred_dispute_is_flagged() {
        // D003: damage known 2023-06-30; on 2026-11-26 the period ended 149 days ago.
        let mut case = Case::new();
        case.answers.used_before_acceptance = true;
        let mut input = case.input(Tier::LossMaking, DisputeKind::QualityUsedBeforeAcceptance, true);
        input.damage_known = Some(date(2023, 6, 30));
        let advice = advise(&input);
        let limitation = advice.limitation().unwrap();
        assert_eq!(limitation.date, date(2026, 6, 30));
        assert_eq!(limitation.days_left, -149);
        assert!(limitation.expired());
        assert!(advice.reasons.contains(&Reason::LimitationExpired {
            on: date(2026, 6, 30)
        }));
    }

    #[test]
    fn article_9_completion_dates() {
        let none = KindAnswers::default();
        let accepted = KindAnswers {
            acceptance_passed: true,
            acceptance_date: Some(date(2026, 5, 14)),
            ..KindAnswers::default()
        };
        let delayed = KindAnswers {
            report_submitted: true,
            report_date: Some(date(2026, 3, 24)),
            employer_delayed: true,
            ..accepted.clone()
        };
        let submitted_not_delayed = KindAnswers {
            employer_delayed: false,
            ..delayed.clone()
        };
        let delayed_not_yet_accepted = KindAnswers {
            acceptance_passed: false,
            acceptance_date: None,
            ..delayed.clone()
        };
        let used = KindAnswers {
            used_before_acceptance: true,
            possession_date: Some(date(2023, 2, 10)),
            ..KindAnswers::default()
        };
        let used_then_accepted = KindAnswers {
            acceptance_passed: true,
            acceptance_date: Some(date(2023, 9, 1)),
            ..used.clone()
        };
        let passed_without_date = KindAnswers {
            acceptance_passed: true,
            ..KindAnswers::default()
        };
        let cases = [
            (none, None),
            (passed_without_date, None),
            (
                accepted,
                Some((CompletionRule::AcceptancePassed, date(2026, 5, 14))),
            ),
            // The employer's delay counts against it: the report date, not the late acceptance.
            (
                delayed,
                Some((CompletionRule::ReportSubmitted, date(2026, 3, 24))),
            ),
            (
                delayed_not_yet_accepted,
                Some((CompletionRule::ReportSubmitted, date(2026, 3, 24))),
            ),
            // A report with no delay by the employer does not fix the date.
            (
                submitted_not_delayed,
                Some((CompletionRule::AcceptancePassed, date(2026, 5, 14))),
            ),
            (used, Some((CompletionRule::Possession, date(2023, 2, 10)))),
            (
                used_then_accepted,
                Some((CompletionRule::Possession, date(2023, 2, 10))),
            ),
        ];
        for (answers, expected) in cases {
            assert_eq!(
                completion_date(&answers).map(|c| (c.rule, c.date)),
                expected,
                "{answers:?}"
            );
        }
    }

    #[test]
    fn completion_kind_reports_the_date_and_quality_kinds_get_warranties() {
        let mut case = Case::new();
        case.answers.acceptance_passed = true;
        case.answers.acceptance_date = Some(date(2024, 2, 29));
        let completion = advise(&case.input(Tier::Key, DisputeKind::CompletionDate, true));
        let expected = CompletionDate {
            rule: CompletionRule::AcceptancePassed,
            date: date(2024, 2, 29),
        };
        assert!(completion.reasons.contains(&Reason::Completion(expected)));
        assert!(
            !completion
                .deadlines
                .iter()
                .any(|d| matches!(d.kind, DeadlineKind::Warranty(_)))
        );
        let quality = advise(&case.input(Tier::Key, DisputeKind::QualityContractor, true));
        let warranty = |part| {
            *quality
                .deadlines
                .iter()
                .find(|d| d.kind == DeadlineKind::Warranty(part))
                .unwrap()
        };
        let installation = warranty(WarrantyPart::Installation);
        assert_eq!(installation.date, date(2026, 2, 28), "two years from a leap day");
        assert!(installation.expired());
        let waterproofing = warranty(WarrantyPart::Waterproofing);
        assert_eq!(waterproofing.date, date(2029, 2, 28));
        assert!(!waterproofing.expired());
        // The completion date is a fact, not a period: it never shows as expired.
        let fixed = quality
            .deadlines
            .iter()
            .find(|d| matches!(d.kind, DeadlineKind::Completion(_)))
            .unwrap();
        assert!(fixed.days_left < 0 && !fixed.expired());
        assert_eq!(
            quality.next_deadline().map(|d| d.kind),
            Some(DeadlineKind::Warranty(WarrantyPart::Waterproofing)),
            "the soonest period still running: 2029-02-28, before the limitation in May 2029"
        );
    }

    #[test]
    fn kind_answers_change_the_reasons() {
        let mut case = Case::new();
        let reasons = |case: &Case, kind| advise(&case.input(Tier::General, kind, false)).reasons;
        assert!(reasons(&case, DisputeKind::QuantityOfWork).contains(&Reason::QuantityWeak));
        case.answers.employer_agreed_work = true;
        assert!(reasons(&case, DisputeKind::QuantityOfWork).contains(&Reason::QuantityAgreedOnly));
        case.answers.site_visas = true;
        assert!(reasons(&case, DisputeKind::QuantityOfWork).contains(&Reason::QuantityRecords));
        assert!(reasons(&case, DisputeKind::PricingMethod).contains(&Reason::PricingUnclear));
        case.answers.unpriced_design_changes = true;
        assert!(reasons(&case, DisputeKind::PricingMethod).contains(&Reason::PricingDesignChanges));
        case.answers.pricing_agreed = true;
        assert!(reasons(&case, DisputeKind::PricingMethod).contains(&Reason::PricingAgreed));
        // Quality: the kind names the fault; "used before acceptance" adds art. 14.
        assert!(reasons(&case, DisputeKind::QualityEmployer).contains(&Reason::EmployerFault));
        let used = reasons(&case, DisputeKind::QualityUsedBeforeAcceptance);
        assert!(used.contains(&Reason::UsedBeforeAcceptance { structural: false }));
        assert!(used.contains(&Reason::FaultUnclear));
        case.answers.fault = Fault::Contractor;
        case.answers.structural = true;
        let used = reasons(&case, DisputeKind::QualityUsedBeforeAcceptance);
        assert!(used.contains(&Reason::UsedBeforeAcceptance { structural: true }));
        assert!(used.contains(&Reason::ContractorFault));
        // Evidence: all held, no reason about it.
        assert!(
            reasons(&case, DisputeKind::QuantityOfWork)
                .contains(&Reason::EvidenceMissing { held: 0, total: 6 })
        );
        case.evidence = DisputeKind::QuantityOfWork.evidence().to_vec();
        assert!(
            !reasons(&case, DisputeKind::QuantityOfWork)
                .iter()
                .any(|r| matches!(r, Reason::EvidenceMissing { .. }))
        );
    }

    #[test]
    fn expected_net_results() {
        let case = Case::new();
        let advice = advise(&case.input(Tier::Key, DisputeKind::Other, false));
        // 300,000 a year for 5 years.
        assert_eq!(advice.value_at_risk, Money::from_major(1_500_000));
        // Negotiation: 60% of 800,000 − 20,000 − 10% of 1,500,000.
        let n = advice.result(Route::Negotiation).unwrap();
        assert_eq!(n.expected_recovery, Money::from_major(480_000));
        assert_eq!(n.relationship_loss, Money::from_major(150_000));
        assert_eq!(n.net, Money::from_major(310_000));
        // Litigation: 85% of 800,000 − 250,000 − 70% of 1,500,000.
        let l = advice.result(Route::Litigation).unwrap();
        assert_eq!(l.net, Money::from_major(680_000 - 250_000 - 1_050_000));
        assert_eq!(advice.best_by_numbers(), Some(Route::Negotiation));
        assert!(advice.reasons.contains(&Reason::NumbersAgree));
        // A general customer is sent to court, but the numbers say otherwise, and the advice says so.
        let general = advise(&case.input(Tier::General, DisputeKind::Other, false));
        assert!(general.reasons.contains(&Reason::NumbersFavour {
            route: Route::Negotiation
        }));
    }

    #[test]
    fn a_dispute_without_relationship_numbers_uses_the_customers() {
        use crate::model::{Customer, Scenario, Segmentation};
        let mut scenario = Scenario::new(date(2026, 1, 1));
        scenario.customers.push(Customer {
            id: "C1".into(),
            revenue: Money::from_major(1_000_000),
            cost_of_goods: Money::from_major(600_000),
            ..Customer::default()
        });
        let seg = Segmentation::compute(&scenario.customers, &scenario.settings);
        let mut dispute = Dispute {
            customer_id: "C1".into(),
            ..Dispute::default()
        };
        // The only customer is class A, so key: 400,000 a year for 5 years.
        let advice = advise_dispute(&scenario, &seg, &dispute, date(2026, 1, 1));
        assert_eq!(advice.tier, Tier::Key);
        assert_eq!(advice.value_at_risk, Money::from_major(2_000_000));
        // Numbers the user entered win.
        dispute.relationship.remaining_years = 1;
        dispute.relationship.annual_profit = Money::from_major(10);
        let advice = advise_dispute(&scenario, &seg, &dispute, date(2026, 1, 1));
        assert_eq!(advice.value_at_risk, Money::from_major(10));
        // An unknown customer is treated as general, with nothing at risk.
        dispute.customer_id = "NOPE".into();
        dispute.relationship = Relationship::default();
        let advice = advise_dispute(&scenario, &seg, &dispute, date(2026, 1, 1));
        assert_eq!((advice.tier, advice.value_at_risk), (Tier::General, Money::ZERO));
    }

    #[test]
    fn value_at_risk_discounts_and_never_goes_negative() {
        let r = |profit: i64, years| Relationship {
            annual_profit: Money::from_major(profit),
            remaining_years: years,
        };
        assert_eq!(value_at_risk(&r(100, 3), 0.0), Money::from_major(300));
        // 100/1.1 + 100/1.21 = 173.55
        assert_eq!(value_at_risk(&r(100, 2), 10.0), Money(17_355));
        assert_eq!(value_at_risk(&r(-100, 3), 0.0), Money::ZERO);
        assert_eq!(value_at_risk(&r(100, 0), 0.0), Money::ZERO);
        assert_eq!(value_at_risk(&r(100, 2), f64::NAN), Money::from_major(200));
    }
}
