//! The dispute wizard's advice (DOMAIN.md §6): a pure function from the dispute's inputs to
//! the order of routes, the reasons, the legal references, the deadlines and the numbers.
//!
//! Nothing here words anything: reasons and references are data that the UI, the report and
//! the `advise` command word in the user's language. `today` is passed in.

use chrono::{Months, NaiveDate};

pub use super::WarrantyPart;
use super::holidays::HolidayCalendar;
use super::{
    Dispute, DisputeKind, Evidence, Fault, KindAnswers, Money, Party, Relationship, Route, RouteInputs,
    Scenario, Segmentation, Settings, Tier,
};

/// Years of the general limitation period (Civil Code art. 188).
pub const LIMITATION_YEARS: u32 = 3;

/// Years of the long stop: no protection more than 20 years after the damage (art. 188).
pub const LONG_STOP_YEARS: u32 = 20;

/// Days before the limitation expires from which the advice warns.
pub const LIMITATION_WARNING_DAYS: i64 = 180;

/// The most remaining years a relationship is valued for; more is not a forecast.
pub const MAX_REMAINING_YEARS: u32 = 50;

/// Everything the advice depends on.
#[derive(Clone, Debug)]
pub struct AdviceInput<'a> {
    pub tier: Tier,
    pub kind: DisputeKind,
    /// Whether the firm is the contractor or the employer in this contract.
    pub firm_role: Party,
    pub answers: &'a KindAnswers,
    pub arbitration_clause: bool,
    pub amount_claimed: Money,
    pub amount_disputed: Money,
    /// When the firm knew or should have known of the damage.
    pub damage_known: Option<NaiveDate>,
    /// When the damage occurred (the 20-year long stop).
    pub damage_occurred: Option<NaiveDate>,
    pub evidence: &'a [Evidence],
    pub relationship: &'a Relationship,
    /// Discount rate (% per year) for the relationship value at risk; 0 for none.
    pub discount_rate_pct: f64,
    pub routes: RouteInputs,
    /// What settling now would bring (the baseline row).
    pub settlement: Money,
    /// Chance (%) the other side raises an expired limitation period.
    pub limitation_defence_pct: f64,
    /// Rest days for art. 203.
    pub calendar: &'a HolidayCalendar,
    /// The day the advice is given.
    pub today: NaiveDate,
}

impl<'a> AdviceInput<'a> {
    /// The inputs a logged or drafted dispute holds, for a customer of `tier`, with the
    /// scenario's settings where the dispute has none of its own.
    #[must_use]
    pub fn from_dispute(
        dispute: &'a Dispute,
        tier: Tier,
        settings: &Settings,
        calendar: &'a HolidayCalendar,
        today: NaiveDate,
    ) -> Self {
        Self {
            tier,
            kind: dispute.kind,
            firm_role: dispute.firm_role,
            answers: &dispute.answers,
            arbitration_clause: dispute.contract.arbitration_clause,
            amount_claimed: dispute.amount_claimed,
            amount_disputed: dispute.amount_disputed,
            damage_known: dispute.damage_known,
            damage_occurred: dispute.damage_occurred,
            evidence: &dispute.evidence,
            relationship: &dispute.relationship,
            discount_rate_pct: settings.discount_rate_pct,
            routes: dispute.routes_or(&settings.route_defaults),
            settlement: dispute.settlement,
            limitation_defence_pct: dispute
                .limitation_defence_pct
                .unwrap_or(settings.limitation_defence_pct),
            calendar,
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

/// The relationship numbers the advice uses for a dispute: its own, or the customer's current
/// figures when it has none (entered by hand, or logged before the wizard).
#[must_use]
pub fn dispute_relationship(
    scenario: &Scenario,
    segmentation: &Segmentation,
    dispute: &Dispute,
) -> Relationship {
    if dispute.relationship == Relationship::default() {
        customer_relationship(scenario, segmentation, &dispute.customer_id).unwrap_or_default()
    } else {
        dispute.relationship.clone()
    }
}

/// The advice for a dispute of the scenario, with the scenario's settings and calendar.
#[must_use]
pub fn advise_dispute(
    scenario: &Scenario,
    segmentation: &Segmentation,
    dispute: &Dispute,
    today: NaiveDate,
) -> Advice {
    let tier = dispute_tier(scenario, segmentation, dispute);
    let relationship = dispute_relationship(scenario, segmentation, dispute);
    let calendar = HolidayCalendar::new(&scenario.settings.holiday_years);
    let mut input = AdviceInput::from_dispute(dispute, tier, &scenario.settings, &calendar, today);
    input.relationship = &relationship;
    advise(&input)
}

/// A reason behind the advice; the UI words each as a sentence.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Reason {
    /// Key customer: negotiate, then mediate, the formal route last.
    KeyCustomer,
    /// General customer: the formal route, as the case warrants; talks may stay open alongside.
    GeneralCustomer { formal: Route },
    /// Loss-making customer: the formal route, and review whether to keep the account.
    LossMakingCustomer { formal: Route },
    /// The contract has an arbitration clause: arbitration, and a court will not take the case.
    ArbitrationClause,
    /// No arbitration clause: the formal route is a lawsuit.
    NoArbitrationClause,
    /// Who brings the claim, seen from the firm's role.
    Claimant { firm: Party, claimant: Party },
    /// The firm's claim is time-barred since `on`: negotiate; a formal route recovers only if
    /// the other side does not raise the limitation (`defence_pct` is the chance it does).
    LimitationExpired { on: NaiveDate, defence_pct: f64 },
    /// The other side's claim is time-barred: the firm must raise the defence itself.
    LimitationExpiredForThem { on: NaiveDate },
    /// The limitation period runs out soon.
    LimitationSoon { on: NaiveDate, days_left: i64 },
    /// The nominal last day `from` is a rest day or holiday, so the period runs to `to` (art. 203).
    LimitationExtended { from: NaiveDate, to: NaiveDate },
    /// The holiday calendar does not know `year`: only weekends were counted.
    CalendarYearUnknown { year: i32 },
    /// The 20-year long stop ends the period before the three years do.
    LongStop { on: NaiveDate },
    /// No date of knowing the damage: the limitation cannot be computed.
    LimitationUnknown,
    /// The art. 9 completion date from the answers.
    Completion(CompletionDate),
    /// Not enough answers to fix the completion date.
    CompletionUnknown,
    /// The employer used the works before acceptance (SPC art. 14).
    UsedBeforeAcceptance { structural: bool },
    /// The employer is at fault (SPC art. 13).
    EmployerFault,
    /// The contractor is at fault (Civil Code art. 801, SPC art. 12).
    ContractorFault,
    /// Nobody's fault established yet.
    FaultUnclear,
    /// The defect became known inside the part's minimum warranty.
    WarrantyCovers { part: WarrantyPart, ends: NaiveDate },
    /// The defect became known after the part's minimum warranty ended.
    WarrantyEnded { part: WarrantyPart, ended: NaiveDate },
    /// Without the date acceptance passed, the warranty cannot be counted.
    WarrantyUnknown,
    /// Site visas or written records cover the disputed quantities (SPC art. 20).
    QuantityRecords,
    /// Records exist, but not for the quantities in dispute.
    QuantityRecordsMissTheDispute,
    /// No covering records, but the employer agreed to the work: other evidence may prove it.
    QuantityAgreedOnly,
    /// Neither covering records nor the employer's agreement.
    QuantityWeak,
    /// The contract fixes the pricing method (SPC art. 19).
    PricingAgreed,
    /// Design changes with no agreed price: the local standard at signing may be referred to.
    PricingDesignChanges,
    /// No agreed method and no design changes recorded.
    PricingUnclear,
    /// Some evidence on the kind's checklist is missing.
    EvidenceMissing { held: usize, total: usize },
    /// The numbers favour another route than the tier rule.
    NumbersFavour { route: Route },
    /// The numbers agree with the tier rule.
    NumbersAgree,
    /// Settling now on the amount entered beats every route's expected net result.
    SettleNowBest,
}

/// A legal source the advice cites. Labelled "reference, not legal advice" wherever shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum LegalRef {
    CivilCode188,
    CivilCode192,
    CivilCode193,
    CivilCode201,
    CivilCode203,
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
    /// The 2017 text, art. 5: in force until 2026-02-28.
    ArbitrationLaw2017Art5,
    /// The 2025 revision, in force from 2026-03-01; its article number is not cited until
    /// checked against the official text.
    ArbitrationLaw2025,
}

/// The day the revised Arbitration Law comes into force.
#[must_use]
pub fn arbitration_law_2025_in_force() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 3, 1).unwrap_or(NaiveDate::MIN)
}

/// The Arbitration Law text in force on `day`.
#[must_use]
pub fn arbitration_law_on(day: NaiveDate) -> LegalRef {
    if day >= arbitration_law_2025_in_force() {
        LegalRef::ArbitrationLaw2025
    } else {
        LegalRef::ArbitrationLaw2017Art5
    }
}

/// A legal source by its English name, article and version, for the report and `advise --json`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Citation {
    pub source: &'static str,
    /// `None` where the article number is not cited (see `LegalRef::ArbitrationLaw2025`).
    pub article: Option<&'static str>,
    pub version: &'static str,
}

const CIVIL_CODE: &str = "Civil Code of the People's Republic of China";
const CIVIL_CODE_VERSION: &str = "adopted 2020-05-28, in force 2021-01-01";
const SPC: &str = "SPC Interpretation (I) on the Application of Law in Trials of Disputes over Construction Contracts (法釋〔2020〕25號)";
const SPC_VERSION: &str = "issued 2020-12-29, in force 2021-01-01";

impl LegalRef {
    /// The source, article and version.
    #[must_use]
    pub const fn citation(self) -> Citation {
        let (source, article, version) = match self {
            Self::CivilCode188 => (CIVIL_CODE, Some("188"), CIVIL_CODE_VERSION),
            Self::CivilCode192 => (CIVIL_CODE, Some("192"), CIVIL_CODE_VERSION),
            Self::CivilCode193 => (CIVIL_CODE, Some("193"), CIVIL_CODE_VERSION),
            Self::CivilCode201 => (CIVIL_CODE, Some("201"), CIVIL_CODE_VERSION),
            Self::CivilCode203 => (CIVIL_CODE, Some("203"), CIVIL_CODE_VERSION),
            Self::CivilCode799 => (CIVIL_CODE, Some("799"), CIVIL_CODE_VERSION),
            Self::CivilCode801 => (CIVIL_CODE, Some("801"), CIVIL_CODE_VERSION),
            Self::CivilCode803 => (CIVIL_CODE, Some("803"), CIVIL_CODE_VERSION),
            Self::Spc9 => (SPC, Some("9"), SPC_VERSION),
            Self::Spc12 => (SPC, Some("12"), SPC_VERSION),
            Self::Spc13 => (SPC, Some("13"), SPC_VERSION),
            Self::Spc14 => (SPC, Some("14"), SPC_VERSION),
            Self::Spc19 => (SPC, Some("19"), SPC_VERSION),
            Self::Spc20 => (SPC, Some("20"), SPC_VERSION),
            Self::QualityRegulation40 => (
                "Regulation on the Quality Management of Construction Projects (建設工程質量管理條例)",
                Some("40"),
                "2000, as last amended 2019-04-23",
            ),
            Self::ArbitrationLaw2017Art5 => (
                "Arbitration Law of the People's Republic of China",
                Some("5"),
                "2017 amendment (in force 2018-01-01 until 2026-02-28)",
            ),
            Self::ArbitrationLaw2025 => (
                "Arbitration Law of the People's Republic of China",
                None,
                "revised 2025-09-12, in force 2026-03-01",
            ),
        };
        Citation {
            source,
            article,
            version,
        }
    }
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

/// What a deadline is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum DeadlineKind {
    /// The limitation period ends.
    Limitation,
    /// The art. 9 completion date (a date in the past, usually; shown for reference).
    Completion(CompletionRule),
    /// A minimum warranty period ends (counted from the day acceptance passed).
    Warranty(WarrantyPart),
}

/// A date that matters, with the days left from the day of the advice (negative once past).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Deadline {
    pub kind: DeadlineKind,
    pub date: NaiveDate,
    pub days_left: i64,
    /// The day before art. 203 moved it off a rest day, if it did.
    pub extended_from: Option<NaiveDate>,
    /// The rest days of its year are not in the calendar (weekends only were counted).
    pub year_unknown: bool,
    /// For a warranty: whether the defect became known on or before its end.
    pub covers_defect: Option<bool>,
}

impl Deadline {
    fn new(kind: DeadlineKind, date: NaiveDate, today: NaiveDate) -> Self {
        Self {
            kind,
            date,
            days_left: (date - today).num_days(),
            extended_from: None,
            year_unknown: false,
            covers_defect: None,
        }
    }

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
    /// Disputed amount × recovery share; a formal route on a time-barred claim keeps only
    /// the share left after the chance the defence is raised.
    pub expected_recovery: Money,
    pub cost: Money,
    pub months: u32,
    /// Relationship value at risk × chance of losing it.
    pub relationship_loss: Money,
    /// Expected recovery − cost − relationship loss.
    pub net: Money,
    /// `net` minus the settle-now baseline.
    pub vs_settle_now: Money,
}

/// The advice: what to do, why, under which law, by when, and what each route is worth.
#[derive(Clone, Debug, PartialEq)]
pub struct Advice {
    pub tier: Tier,
    pub firm_role: Party,
    /// The side bringing the claim, where the kind says.
    pub claimant: Option<Party>,
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
    /// The baseline: settle now (or concede) for the amount entered; no cost, no risk.
    pub settle_now: Money,
    /// One per route open to this dispute (never litigation under an arbitration clause).
    pub results: Vec<RouteResult>,
    /// The day the advice was given.
    pub date: NaiveDate,
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

    /// The Arbitration Law text cited, if the contract has a clause.
    #[must_use]
    pub fn arbitration_law(&self) -> Option<LegalRef> {
        self.references
            .iter()
            .copied()
            .find(|r| matches!(r, LegalRef::ArbitrationLaw2017Art5 | LegalRef::ArbitrationLaw2025))
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

/// The nominal last day of the 3-year limitation period for damage known on `known`. The day
/// of knowing is not counted (art. 201), so the period ends on the same calendar day three
/// years on (art. 202); art. 203 may then move it (see [`limitation_end`]).
#[must_use]
pub fn nominal_limitation_end(known: NaiveDate) -> NaiveDate {
    add_years(known, LIMITATION_YEARS)
}

/// The last day of the limitation period: three years from knowing, but never past twenty
/// years from the damage (art. 188), moved off a rest day or holiday (art. 203).
#[must_use]
pub fn limitation_end(
    known: NaiveDate,
    occurred: Option<NaiveDate>,
    calendar: &HolidayCalendar,
) -> LimitationEnd {
    let three_years = nominal_limitation_end(known);
    let long_stop = occurred.map(|o| add_years(o, LONG_STOP_YEARS));
    let (nominal, cut_by_long_stop) = match long_stop {
        Some(stop) if stop < three_years => (stop, true),
        _ => (three_years, false),
    };
    let end = calendar.period_end(nominal);
    LimitationEnd {
        nominal,
        date: end.date,
        year_unknown: end.year_unknown,
        cut_by_long_stop,
    }
}

/// Where the limitation period ends, and why there.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LimitationEnd {
    /// Before art. 203.
    pub nominal: NaiveDate,
    /// The last day on which a claim is still in time.
    pub date: NaiveDate,
    /// The calendar does not know a year it had to look at.
    pub year_unknown: bool,
    /// The 20-year long stop came first.
    pub cut_by_long_stop: bool,
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

/// The day the minimum warranty starts: the day completion acceptance passed (Regulation
/// art. 40), never the report date or the day of possession.
#[must_use]
pub fn warranty_start(answers: &KindAnswers) -> Option<NaiveDate> {
    answers.acceptance_date.filter(|_| answers.acceptance_passed)
}

/// The relationship value at risk: annual profit × remaining years (at most 50), each year
/// discounted at `rate_pct` (a closed-form annuity). A relationship that loses money puts
/// nothing at risk.
#[must_use]
pub fn value_at_risk(relationship: &Relationship, rate_pct: f64) -> Money {
    let profit = relationship.annual_profit.minor();
    let years = relationship.remaining_years.min(MAX_REMAINING_YEARS);
    if profit <= 0 || years == 0 {
        return Money::ZERO;
    }
    let rate = if rate_pct.is_finite() {
        rate_pct.clamp(0.0, 100.0) / 100.0
    } else {
        0.0
    };
    if rate == 0.0 {
        return Money(profit.saturating_mul(i64::from(years)));
    }
    // Σ 1/(1+r)^t for t = 1..n = (1 − (1+r)^−n) / r
    let factor = (1.0 - (1.0 + rate).powf(-f64::from(years))) / rate;
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

/// A percentage clamped to 0–100; NaN counts as 0.
fn pct(value: f64) -> f64 {
    if value.is_finite() {
        value.clamp(0.0, 100.0)
    } else {
        0.0
    }
}

/// `amount` × `pct` %, rounded; the percentage is clamped to 0–100.
fn share(amount: Money, percent: f64) -> Money {
    Money(to_minor(amount.minor() as f64 * pct(percent) / 100.0))
}

const fn is_formal(route: Route) -> bool {
    matches!(route, Route::Arbitration | Route::Litigation)
}

/// The side that brings the usual claim of a kind. The employer claims repair or a lower price
/// for the contractor's defects; the contractor claims its price and costs where the employer is
/// at fault, where the employer used the works before acceptance (its quality objection is then
/// generally barred), and in pricing and quantity disputes. `None` where either side may claim
/// (completion date, other): the firm is then taken to be the one claiming.
#[must_use]
pub const fn claimant(kind: DisputeKind, fault: Fault) -> Option<Party> {
    match kind {
        DisputeKind::QualityEmployer | DisputeKind::QualityContractor => match effective_fault(kind, fault) {
            Fault::Contractor => Some(Party::Employer),
            Fault::Employer | Fault::Unclear => Some(Party::Contractor),
        },
        DisputeKind::QualityUsedBeforeAcceptance
        | DisputeKind::PricingMethod
        | DisputeKind::QuantityOfWork => Some(Party::Contractor),
        DisputeKind::CompletionDate | DisputeKind::Other => None,
    }
}

/// Whose fault a quality dispute is judged on: the user's answer wins over the kind's name in
/// both directions; the kind decides only while the answer is "unclear".
#[must_use]
pub const fn effective_fault(kind: DisputeKind, answer: Fault) -> Fault {
    match (answer, kind) {
        (Fault::Contractor | Fault::Employer, _) => answer,
        (Fault::Unclear, DisputeKind::QualityContractor) => Fault::Contractor,
        (Fault::Unclear, DisputeKind::QualityEmployer) => Fault::Employer,
        (Fault::Unclear, _) => Fault::Unclear,
    }
}

/// The order of routes for a tier: key customers talk first; general and loss-making
/// customers go straight to the one formal route (an award is final, so nothing comes after
/// it). An expired limitation puts negotiation first for every tier.
#[must_use]
pub fn route_order(tier: Tier, formal: Route, time_barred: bool) -> Vec<Route> {
    let order = match tier {
        Tier::Key => vec![Route::Negotiation, Route::Mediation, formal],
        Tier::General | Tier::LossMaking => vec![formal],
    };
    if time_barred && order.first() != Some(&Route::Negotiation) {
        std::iter::once(Route::Negotiation).chain(order).collect()
    } else {
        order
    }
}

/// The advice for one dispute.
#[must_use]
pub fn advise(input: &AdviceInput<'_>) -> Advice {
    let today = input.today;
    let formal = if input.arbitration_clause {
        Route::Arbitration
    } else {
        Route::Litigation
    };
    let claimant = claimant(input.kind, input.answers.fault);
    // Without a kind that says otherwise, the firm is taken to be the one claiming: the
    // amounts entered are what it wants to recover.
    let firm_claims = claimant.is_none_or(|c| c == input.firm_role);
    let mut reasons = Vec::new();
    let mut references = vec![LegalRef::CivilCode188];

    // Deadlines first: an expired limitation changes the order.
    let mut deadlines = Vec::new();
    let mut time_barred = false;
    let mut limitation_reasons = Vec::new();
    match input.damage_known {
        Some(known) => {
            references.push(LegalRef::CivilCode201);
            let end = limitation_end(known, input.damage_occurred, input.calendar);
            let mut deadline = Deadline::new(DeadlineKind::Limitation, end.date, today);
            deadline.year_unknown = end.year_unknown;
            if end.cut_by_long_stop {
                limitation_reasons.push(Reason::LongStop { on: end.nominal });
            }
            if end.date != end.nominal {
                deadline.extended_from = Some(end.nominal);
                references.push(LegalRef::CivilCode203);
                limitation_reasons.push(Reason::LimitationExtended {
                    from: end.nominal,
                    to: end.date,
                });
            }
            if end.year_unknown {
                limitation_reasons.push(Reason::CalendarYearUnknown {
                    year: chrono::Datelike::year(&end.nominal),
                });
            }
            if deadline.expired() {
                references.extend([LegalRef::CivilCode192, LegalRef::CivilCode193]);
                if firm_claims {
                    time_barred = true;
                    limitation_reasons.push(Reason::LimitationExpired {
                        on: end.date,
                        defence_pct: pct(input.limitation_defence_pct),
                    });
                } else {
                    limitation_reasons.push(Reason::LimitationExpiredForThem { on: end.date });
                }
            } else if deadline.days_left <= LIMITATION_WARNING_DAYS {
                limitation_reasons.push(Reason::LimitationSoon {
                    on: end.date,
                    days_left: deadline.days_left,
                });
            }
            deadlines.push(deadline);
        }
        None => limitation_reasons.push(Reason::LimitationUnknown),
    }

    // The tier rule decides the order.
    let order = route_order(input.tier, formal, time_barred);
    let recommended = order.first().copied().unwrap_or(formal);
    reasons.push(match input.tier {
        Tier::Key => Reason::KeyCustomer,
        Tier::General => Reason::GeneralCustomer { formal },
        Tier::LossMaking => Reason::LossMakingCustomer { formal },
    });
    reasons.extend(limitation_reasons);
    if input.arbitration_clause {
        reasons.push(Reason::ArbitrationClause);
        references.push(arbitration_law_on(today));
    } else {
        reasons.push(Reason::NoArbitrationClause);
    }
    if let Some(claimant) = claimant {
        reasons.push(Reason::Claimant {
            firm: input.firm_role,
            claimant,
        });
    }

    let completion = completion_date(input.answers);
    if let Some(c) = completion {
        deadlines.push(Deadline::new(DeadlineKind::Completion(c.rule), c.date, today));
    }

    // What the kind and its answers add.
    let a = input.answers;
    match input.kind {
        DisputeKind::CompletionDate => {
            references.extend([LegalRef::Spc9, LegalRef::CivilCode799, LegalRef::CivilCode803]);
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
            reasons.push(match effective_fault(input.kind, a.fault) {
                Fault::Contractor => {
                    references.extend([LegalRef::CivilCode801, LegalRef::Spc12]);
                    Reason::ContractorFault
                }
                Fault::Employer => {
                    references.push(LegalRef::Spc13);
                    // Art. 803 only where the employer's fault is a failure to supply on time.
                    if a.employer_failed_to_supply {
                        references.push(LegalRef::CivilCode803);
                    }
                    Reason::EmployerFault
                }
                Fault::Unclear => Reason::FaultUnclear,
            });
            warranty(input, &mut deadlines, &mut reasons);
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
            let records = a.site_visas || a.written_records;
            if records && a.disputed_covered {
                reasons.push(Reason::QuantityRecords);
            } else {
                if records {
                    reasons.push(Reason::QuantityRecordsMissTheDispute);
                }
                reasons.push(if a.employer_agreed_work {
                    Reason::QuantityAgreedOnly
                } else {
                    Reason::QuantityWeak
                });
            }
        }
        DisputeKind::Other => {}
    }
    deadlines.sort_by_key(|d| d.date);
    let checklist = input.kind.evidence(input.firm_role);
    let held = checklist.iter().filter(|e| input.evidence.contains(e)).count();
    if held < checklist.len() {
        reasons.push(Reason::EvidenceMissing {
            held,
            total: checklist.len(),
        });
    }
    references.sort();
    references.dedup();

    // The numbers, for every route open to this dispute, against settling now.
    let at_risk = value_at_risk(input.relationship, input.discount_rate_pct);
    let settle_now = input.settlement;
    let results: Vec<RouteResult> = [Route::Negotiation, Route::Mediation, formal]
        .into_iter()
        .map(|route| {
            let assumed = input.routes.get(route);
            let mut expected_recovery = share(input.amount_disputed, assumed.recovery_pct);
            // Once time-barred the obligor may refuse to perform (Civil Code art. 192); a
            // voluntary settlement is unaffected, a formal route keeps what the defence leaves.
            if time_barred && is_formal(route) {
                expected_recovery = share(expected_recovery, 100.0 - pct(input.limitation_defence_pct));
            }
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
                vs_settle_now: Money(net.minor().saturating_sub(settle_now.minor())),
            }
        })
        .collect();
    let mut advice = Advice {
        tier: input.tier,
        firm_role: input.firm_role,
        claimant,
        recommended,
        formal,
        order,
        reasons,
        references,
        completion,
        deadlines,
        value_at_risk: at_risk,
        settle_now,
        results,
        date: today,
    };
    match advice.best_by_numbers() {
        Some(best) if best != recommended => advice.reasons.push(Reason::NumbersFavour { route: best }),
        Some(_) => advice.reasons.push(Reason::NumbersAgree),
        None => {}
    }
    if advice.results.iter().all(|r| r.net < settle_now) {
        advice.reasons.push(Reason::SettleNowBest);
    }
    advice
}

/// The minimum warranties for a quality dispute: counted from the day acceptance passed and
/// judged on the day the defect became known (or, failing that, the damage).
fn warranty(input: &AdviceInput<'_>, deadlines: &mut Vec<Deadline>, reasons: &mut Vec<Reason>) {
    let a = input.answers;
    let Some(start) = warranty_start(a) else {
        reasons.push(Reason::WarrantyUnknown);
        return;
    };
    let known = a.defect_known.or(input.damage_known);
    let parts: &[WarrantyPart] = match &a.defect_part {
        Some(part) => std::slice::from_ref(part),
        None => &WarrantyPart::ALL,
    };
    for &part in parts {
        let ends = add_years(start, part.years());
        let mut deadline = Deadline::new(DeadlineKind::Warranty(part), ends, input.today);
        deadline.covers_defect = known.map(|k| k <= ends);
        deadlines.push(deadline);
        if a.defect_part.is_some() {
            match deadline.covers_defect {
                Some(true) => reasons.push(Reason::WarrantyCovers { part, ends }),
                Some(false) => reasons.push(Reason::WarrantyEnded { part, ended: ends }),
                None => {}
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    struct Case {
        answers: KindAnswers,
        relationship: Relationship,
        routes: RouteInputs,
        evidence: Vec<Evidence>,
        calendar: HolidayCalendar,
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
                calendar: HolidayCalendar::new(&[]),
            }
        }

        fn input(&self, tier: Tier, kind: DisputeKind, clause: bool) -> AdviceInput<'_> {
            AdviceInput {
                tier,
                kind,
                firm_role: Party::Contractor,
                answers: &self.answers,
                arbitration_clause: clause,
                amount_claimed: Money::from_major(1_000_000),
                amount_disputed: Money::from_major(800_000),
                damage_known: Some(date(2026, 5, 22)),
                damage_occurred: None,
                evidence: &self.evidence,
                relationship: &self.relationship,
                discount_rate_pct: 0.0,
                routes: self.routes.clone(),
                settlement: Money::ZERO,
                limitation_defence_pct: 100.0,
                calendar: &self.calendar,
                today: date(2026, 11, 26),
            }
        }
    }

    /// The references each kind must cite, whatever the tier, clause and role.
    fn kind_references(kind: DisputeKind) -> &'static [LegalRef] {
        match kind {
            DisputeKind::QualityContractor => &[
                LegalRef::CivilCode801,
                LegalRef::Spc12,
                LegalRef::QualityRegulation40,
            ],
            DisputeKind::QualityEmployer => &[LegalRef::Spc13, LegalRef::QualityRegulation40],
            DisputeKind::QualityUsedBeforeAcceptance => {
                &[LegalRef::Spc14, LegalRef::Spc9, LegalRef::QualityRegulation40]
            }
            DisputeKind::CompletionDate => &[LegalRef::Spc9, LegalRef::CivilCode799, LegalRef::CivilCode803],
            DisputeKind::PricingMethod => &[LegalRef::Spc19],
            DisputeKind::QuantityOfWork => &[LegalRef::Spc20],
            DisputeKind::Other => &[],
        }
    }

    /// DOMAIN.md §6, written out by hand: the order for a tier and forum, and with the
    /// limitation expired on the firm's own claim.
    fn expected_order(tier: Tier, formal: Route, barred: bool) -> Vec<Route> {
        use Route::{Mediation as M, Negotiation as N};
        match (tier, barred) {
            (Tier::Key, _) => vec![N, M, formal],
            (Tier::General | Tier::LossMaking, false) => vec![formal],
            (Tier::General | Tier::LossMaking, true) => vec![N, formal],
        }
    }

    #[test]
    fn every_kind_tier_clause_and_role() {
        let case = Case::new();
        let mut seen = 0;
        for kind in DisputeKind::ALL {
            for tier in Tier::ALL {
                for clause in [true, false] {
                    for role in Party::ALL {
                        for barred in [false, true] {
                            let mut input = case.input(tier, kind, clause);
                            input.firm_role = role;
                            if barred {
                                input.damage_known = Some(date(2020, 5, 22));
                            }
                            let advice = advise(&input);
                            let what =
                                format!("{kind:?} × {tier:?} × clause {clause} × {role:?} × barred {barred}");
                            let formal = if clause {
                                Route::Arbitration
                            } else {
                                Route::Litigation
                            };
                            let firm_claims = claimant(kind, Fault::Unclear).is_none_or(|c| c == role);
                            let order = expected_order(tier, formal, barred && firm_claims);
                            assert_eq!(advice.order, order, "{what}: order");
                            assert_eq!(advice.recommended, order[0], "{what}: recommended");
                            assert_eq!(advice.formal, formal, "{what}: forum");
                            assert_eq!(advice.firm_role, role, "{what}");
                            let tier_reason = match tier {
                                Tier::Key => Reason::KeyCustomer,
                                Tier::General => Reason::GeneralCustomer { formal },
                                Tier::LossMaking => Reason::LossMakingCustomer { formal },
                            };
                            assert!(advice.reasons.contains(&tier_reason), "{what}: tier reason");
                            // An arbitration clause never leads to litigation, anywhere in the advice.
                            if clause {
                                assert!(!advice.order.contains(&Route::Litigation), "{what}");
                                assert!(advice.result(Route::Litigation).is_none(), "{what}");
                                assert!(advice.reasons.contains(&Reason::ArbitrationClause), "{what}");
                                assert_eq!(
                                    advice.arbitration_law(),
                                    Some(LegalRef::ArbitrationLaw2025),
                                    "{what}"
                                );
                            } else {
                                assert!(!advice.order.contains(&Route::Arbitration), "{what}");
                                assert!(advice.result(Route::Arbitration).is_none(), "{what}");
                                assert!(advice.reasons.contains(&Reason::NoArbitrationClause), "{what}");
                                assert_eq!(advice.arbitration_law(), None, "{what}");
                            }
                            // An award is final: nothing follows the formal route.
                            assert_eq!(advice.order.last(), Some(&formal), "{what}");
                            assert_eq!(advice.results.len(), 3, "{what}: three routes open");
                            assert!(advice.references.contains(&LegalRef::CivilCode188), "{what}");
                            for r in kind_references(kind) {
                                assert!(advice.references.contains(r), "{what}: cites {r:?}");
                            }
                            let expected_claimant = claimant(kind, Fault::Unclear);
                            assert_eq!(advice.claimant, expected_claimant, "{what}");
                            seen += 1;
                        }
                    }
                }
            }
        }
        assert_eq!(seen, 7 * 3 * 2 * 2 * 2);
    }

    #[test]
    fn key_and_general_customers_get_different_routes_for_the_same_dispute() {
        let case = Case::new();
        let key = advise(&case.input(Tier::Key, DisputeKind::QuantityOfWork, false));
        let general = advise(&case.input(Tier::General, DisputeKind::QuantityOfWork, false));
        assert_eq!(key.recommended, Route::Negotiation);
        assert_eq!(general.recommended, Route::Litigation);
        assert_eq!(
            general.order,
            [Route::Litigation],
            "never \"litigate, then negotiate\""
        );
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
    fn limitation_ends_under_articles_188_201_202_and_203() {
        let cal = HolidayCalendar::new(&[]);
        let end = |known, occurred| limitation_end(known, occurred, &cal);
        // Known 2024-02-29: nominally Sunday 2027-02-28, so it runs to Monday 2027-03-01; 2027 is
        // not in the calendar, and the result says so.
        let leap = end(date(2024, 2, 29), None);
        assert_eq!(leap.nominal, date(2027, 2, 28));
        assert_eq!(leap.date, date(2027, 3, 1));
        assert!(leap.year_unknown && !leap.cut_by_long_stop);
        // Nominally the first day of the 2026 Spring Festival break: runs to Tuesday 24 February.
        let festival = end(date(2023, 2, 15), None);
        assert_eq!(
            (festival.nominal, festival.date),
            (date(2026, 2, 15), date(2026, 2, 24))
        );
        assert!(!festival.year_unknown);
        // A working Saturday (調休) is not moved.
        assert_eq!(end(date(2023, 2, 28), None).date, date(2026, 2, 28));
        // An ordinary weekday stays.
        assert_eq!(end(date(2023, 6, 30), None).date, date(2026, 6, 30));
        // The 20-year long stop cuts a late discovery short.
        let late = end(date(2025, 6, 30), Some(date(2006, 9, 1)));
        assert!(late.cut_by_long_stop);
        assert_eq!(late.nominal, date(2026, 9, 1));
        assert_eq!(late.date, date(2026, 9, 1));
        // An old damage discovered early is not cut.
        assert!(!end(date(2025, 6, 30), Some(date(2010, 1, 1))).cut_by_long_stop);
        // On the boundary both rules give the same day (three years from 2023-09-01, twenty
        // from 2006-09-01): the period is the three years, not cut, so no long-stop reason.
        let both = end(date(2023, 9, 1), Some(date(2006, 9, 1)));
        assert_eq!(both.nominal, date(2026, 9, 1));
        assert!(!both.cut_by_long_stop);
    }

    /// Where two rules of art. 9 give the same day, the explanation names the first of them:
    /// acceptance passed before the report rule, the report rule before possession.
    #[test]
    fn on_a_tie_the_completion_date_names_the_first_rule() {
        let day = date(2026, 5, 14);
        let accepted_and_used = KindAnswers {
            acceptance_passed: true,
            acceptance_date: Some(day),
            used_before_acceptance: true,
            possession_date: Some(day),
            ..KindAnswers::default()
        };
        let reported_and_used = KindAnswers {
            report_submitted: true,
            employer_delayed: true,
            report_date: Some(day),
            used_before_acceptance: true,
            possession_date: Some(day),
            ..KindAnswers::default()
        };
        for (answers, rule) in [
            (accepted_and_used, CompletionRule::AcceptancePassed),
            (reported_and_used, CompletionRule::ReportSubmitted),
        ] {
            assert_eq!(
                completion_date(&answers).map(|c| (c.rule, c.date)),
                Some((rule, day)),
                "{answers:?}"
            );
        }
    }

    #[test]
    fn known_on_a_leap_day_is_still_in_time_on_monday_1_march_2027() {
        let mut case = Case::new();
        case.evidence = DisputeKind::Other.evidence(Party::Contractor).to_vec();
        let check = |known: NaiveDate, today: NaiveDate| {
            let mut input = case.input(Tier::General, DisputeKind::Other, true);
            input.damage_known = Some(known);
            input.today = today;
            advise(&input)
        };
        let advice = check(date(2024, 2, 29), date(2027, 3, 1));
        let limitation = *advice.limitation().unwrap();
        assert_eq!(limitation.date, date(2027, 3, 1));
        assert_eq!(limitation.days_left, 0);
        assert!(
            !limitation.expired(),
            "art. 203: the period runs to the next working day"
        );
        assert_eq!(limitation.extended_from, Some(date(2027, 2, 28)));
        assert!(limitation.year_unknown);
        assert!(advice.references.contains(&LegalRef::CivilCode203));
        assert!(advice.reasons.contains(&Reason::LimitationExtended {
            from: date(2027, 2, 28),
            to: date(2027, 3, 1)
        }));
        assert!(
            advice
                .reasons
                .contains(&Reason::CalendarYearUnknown { year: 2027 })
        );
        assert_eq!(advice.recommended, Route::Arbitration);
        // The day after, it has run out.
        let barred = check(date(2024, 2, 29), date(2027, 3, 2));
        assert!(barred.limitation().unwrap().expired());
        assert_eq!(barred.recommended, Route::Negotiation);
    }

    #[test]
    fn the_last_day_is_in_time_and_the_day_after_is_not() {
        let case = Case::new();
        let check = |known: NaiveDate, today: NaiveDate| {
            let mut input = case.input(Tier::General, DisputeKind::Other, true);
            input.damage_known = Some(known);
            input.today = today;
            advise(&input)
        };
        // Thursday 2026-11-26.
        let last_day = check(date(2023, 11, 26), date(2026, 11, 26));
        let limitation = *last_day.limitation().unwrap();
        assert_eq!(limitation.days_left, 0);
        assert!(!limitation.expired());
        assert!(last_day.reasons.contains(&Reason::LimitationSoon {
            on: date(2026, 11, 26),
            days_left: 0
        }));
        let barred = check(date(2023, 11, 25), date(2026, 11, 26));
        assert!(barred.limitation().unwrap().expired());
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

    /// The warning starts exactly 180 days before the period ends. Today Wednesday 2026-01-07;
    /// damage known 2023-07-06 gives an end on Monday 2026-07-06 (no holiday, no weekend), 180
    /// days away; known a day later, the end is Tuesday 2026-07-07, 181 days away.
    #[test]
    fn the_limitation_warning_starts_on_day_180() {
        let case = Case::new();
        let check = |known: NaiveDate| {
            let mut input = case.input(Tier::General, DisputeKind::Other, true);
            input.damage_known = Some(known);
            input.today = date(2026, 1, 7);
            advise(&input)
        };
        let soon = |advice: &Advice| {
            advice
                .reasons
                .iter()
                .find(|r| matches!(r, Reason::LimitationSoon { .. }))
                .copied()
        };
        let at_180 = check(date(2023, 7, 6));
        assert_eq!(at_180.limitation().unwrap().days_left, 180);
        assert_eq!(
            soon(&at_180),
            Some(Reason::LimitationSoon {
                on: date(2026, 7, 6),
                days_left: 180
            })
        );
        let at_181 = check(date(2023, 7, 7));
        assert_eq!(at_181.limitation().unwrap().days_left, 181);
        assert_eq!(soon(&at_181), None);
        // Yesterday's end (Tuesday 2026-01-06) has run out: no warning, an expiry instead.
        let ended = check(date(2023, 1, 6));
        assert_eq!(ended.limitation().unwrap().days_left, -1);
        assert_eq!(soon(&ended), None);
        assert!(
            ended
                .reasons
                .iter()
                .any(|r| matches!(r, Reason::LimitationExpired { .. }))
        );
    }

    /// DOMAIN.md §6: key customers are kept for the long term, loss-makers may not be kept.
    #[test]
    fn default_remaining_years_by_tier() {
        assert_eq!(default_remaining_years(Tier::Key), 5);
        assert_eq!(default_remaining_years(Tier::General), 3);
        assert_eq!(default_remaining_years(Tier::LossMaking), 1);
    }

    /// The best expected net result wins; on a tie the first route listed wins.
    #[test]
    fn best_by_numbers_picks_the_highest_net_and_the_first_on_ties() {
        let case = Case::new();
        let mut advice = advise(&case.input(Tier::General, DisputeKind::Other, false));
        assert!(advice.results.len() >= 3, "{:?}", advice.results);
        let set = |advice: &mut Advice, nets: &[i64]| {
            for (r, &net) in advice.results.iter_mut().zip(nets) {
                r.net = Money::from_major(net);
            }
        };
        let routes: Vec<Route> = advice.results.iter().map(|r| r.route).collect();
        set(&mut advice, &[10, 30, 20]);
        assert_eq!(advice.best_by_numbers(), Some(routes[1]));
        set(&mut advice, &[30, 30, 20]);
        assert_eq!(advice.best_by_numbers(), Some(routes[0]), "tie: the first");
        set(&mut advice, &[-5, 20, 20]);
        assert_eq!(
            advice.best_by_numbers(),
            Some(routes[1]),
            "tie: the first of the tied"
        );
        set(&mut advice, &[-30, -10, -20]);
        assert_eq!(
            advice.best_by_numbers(),
            Some(routes[1]),
            "all losing: the least loss"
        );
        advice.results.clear();
        assert_eq!(advice.best_by_numbers(), None);
    }

    #[test]
    fn an_expired_limitation_recommends_negotiation_and_discounts_the_formal_route() {
        // The sample's D003: damage known 2023-06-30, period ended Tuesday 2026-06-30.
        let mut case = Case::new();
        case.answers.used_before_acceptance = true;
        let mut input = case.input(Tier::LossMaking, DisputeKind::QualityUsedBeforeAcceptance, true);
        input.damage_known = Some(date(2023, 6, 30));
        let advice = advise(&input);
        let limitation = advice.limitation().unwrap();
        assert_eq!(limitation.date, date(2026, 6, 30));
        assert_eq!(limitation.days_left, -149);
        assert!(limitation.expired());
        // Used before acceptance: the contractor claims its price; the firm is the contractor.
        let advice = advise(&input);
        assert_eq!(advice.recommended, Route::Negotiation);
        assert_eq!(advice.order, [Route::Negotiation, Route::Arbitration]);
        assert!(advice.reasons.contains(&Reason::LimitationExpired {
            on: date(2026, 6, 30),
            defence_pct: 100.0
        }));
        for r in [LegalRef::CivilCode192, LegalRef::CivilCode193] {
            assert!(advice.references.contains(&r), "{r:?}");
        }
        // Defence certain: nothing by arbitration; negotiation keeps its full share.
        assert_eq!(
            advice.result(Route::Arbitration).unwrap().expected_recovery,
            Money::ZERO
        );
        assert_eq!(
            advice.result(Route::Negotiation).unwrap().expected_recovery,
            Money::from_major(480_000)
        );
        // A 40% chance of the defence leaves 60% of the 85% share.
        input.limitation_defence_pct = 40.0;
        let advice = advise(&input);
        assert_eq!(
            advice.result(Route::Arbitration).unwrap().expected_recovery,
            Money::from_major(408_000)
        );
        // The firm as employer answers the contractor's claim: the claim against it is barred,
        // so the firm must raise the defence; its own routes are not discounted.
        input.firm_role = Party::Employer;
        let advice = advise(&input);
        assert!(advice.reasons.contains(&Reason::LimitationExpiredForThem {
            on: date(2026, 6, 30)
        }));
        assert_eq!(advice.order, [Route::Arbitration]);
    }

    #[test]
    fn the_arbitration_law_cited_is_the_one_in_force_on_the_day() {
        let case = Case::new();
        let on = |today| {
            let mut input = case.input(Tier::Key, DisputeKind::Other, true);
            input.today = today;
            advise(&input).arbitration_law()
        };
        assert_eq!(on(date(2026, 2, 28)), Some(LegalRef::ArbitrationLaw2017Art5));
        assert_eq!(on(date(2026, 3, 1)), Some(LegalRef::ArbitrationLaw2025));
        assert_eq!(LegalRef::ArbitrationLaw2017Art5.citation().article, Some("5"));
        // The revised law's article numbers are not verified here: cited by name and version.
        let revised = LegalRef::ArbitrationLaw2025.citation();
        assert_eq!(revised.article, None);
        assert!(revised.version.contains("2026-03-01") && revised.version.contains("2025-09-12"));
        assert!(LegalRef::Spc9.citation().source.contains("法釋〔2020〕25號"));
    }

    #[test]
    fn the_users_fault_answer_wins_in_both_directions() {
        let mut case = Case::new();
        let reasons_and_refs = |case: &Case, kind| {
            let a = advise(&case.input(Tier::General, kind, false));
            (a.reasons, a.references)
        };
        case.answers.fault = Fault::Employer;
        let (reasons, refs) = reasons_and_refs(&case, DisputeKind::QualityContractor);
        assert!(reasons.contains(&Reason::EmployerFault));
        assert!(!reasons.contains(&Reason::ContractorFault));
        assert!(refs.contains(&LegalRef::Spc13));
        assert!(!refs.contains(&LegalRef::CivilCode801) && !refs.contains(&LegalRef::Spc12));
        // Art. 803 belongs to completion-date disputes, not to quality...
        assert!(!refs.contains(&LegalRef::CivilCode803));
        // ...unless the employer's fault is a failure to supply on time.
        case.answers.employer_failed_to_supply = true;
        assert!(
            reasons_and_refs(&case, DisputeKind::QualityContractor)
                .1
                .contains(&LegalRef::CivilCode803)
        );
        case.answers.employer_failed_to_supply = false;
        case.answers.fault = Fault::Contractor;
        let (reasons, refs) = reasons_and_refs(&case, DisputeKind::QualityEmployer);
        assert!(reasons.contains(&Reason::ContractorFault));
        assert!(!reasons.contains(&Reason::EmployerFault));
        assert!(refs.contains(&LegalRef::CivilCode801));
        assert!(!refs.contains(&LegalRef::Spc13));
        // "Not clear yet" leaves the kind's own fault.
        case.answers.fault = Fault::Unclear;
        assert!(
            reasons_and_refs(&case, DisputeKind::QualityEmployer)
                .0
                .contains(&Reason::EmployerFault)
        );
        assert!(
            reasons_and_refs(&case, DisputeKind::QualityContractor)
                .0
                .contains(&Reason::ContractorFault)
        );
        assert!(
            reasons_and_refs(&case, DisputeKind::QualityUsedBeforeAcceptance)
                .0
                .contains(&Reason::FaultUnclear)
        );
    }

    #[test]
    fn the_claimant_and_the_evidence_follow_the_firms_role() {
        let cases = [
            (
                DisputeKind::QualityContractor,
                Fault::Unclear,
                Some(Party::Employer),
            ),
            (
                DisputeKind::QualityContractor,
                Fault::Employer,
                Some(Party::Contractor),
            ),
            (
                DisputeKind::QualityEmployer,
                Fault::Unclear,
                Some(Party::Contractor),
            ),
            (
                DisputeKind::QualityUsedBeforeAcceptance,
                Fault::Unclear,
                Some(Party::Contractor),
            ),
            (DisputeKind::CompletionDate, Fault::Unclear, None),
            (
                DisputeKind::PricingMethod,
                Fault::Unclear,
                Some(Party::Contractor),
            ),
            (
                DisputeKind::QuantityOfWork,
                Fault::Unclear,
                Some(Party::Contractor),
            ),
            (DisputeKind::Other, Fault::Unclear, None),
        ];
        for (kind, fault, expected) in cases {
            assert_eq!(claimant(kind, fault), expected, "{kind:?} {fault:?}");
        }
        let case = Case::new();
        let mut input = case.input(Tier::Key, DisputeKind::QuantityOfWork, false);
        input.firm_role = Party::Employer;
        let advice = advise(&input);
        assert!(advice.reasons.contains(&Reason::Claimant {
            firm: Party::Employer,
            claimant: Party::Contractor
        }));
        // The employer answering a quantity claim keeps no daily logs of its own on its list.
        let employer_list = DisputeKind::QuantityOfWork.evidence(Party::Employer);
        assert!(!employer_list.contains(&Evidence::DailyRecords));
        assert!(
            DisputeKind::QuantityOfWork
                .evidence(Party::Contractor)
                .contains(&Evidence::DailyRecords)
        );
        // A contractor blamed for quality needs what shows the works were right.
        let defending = DisputeKind::QualityContractor.evidence(Party::Contractor);
        assert!(defending.contains(&Evidence::AcceptanceMinutes));
        assert!(!defending.contains(&Evidence::RepairRequests));
        assert!(
            DisputeKind::QualityContractor
                .evidence(Party::Employer)
                .contains(&Evidence::RepairRequests)
        );
    }

    #[test]
    fn quantity_is_strong_only_when_the_records_cover_the_disputed_quantities() {
        let mut case = Case::new();
        let reasons =
            |case: &Case| advise(&case.input(Tier::General, DisputeKind::QuantityOfWork, false)).reasons;
        assert!(reasons(&case).contains(&Reason::QuantityWeak));
        case.answers.employer_agreed_work = true;
        assert!(reasons(&case).contains(&Reason::QuantityAgreedOnly));
        // Visas and the firm's own logs exist, but for other work: not strong.
        case.answers.site_visas = true;
        case.answers.written_records = true;
        let r = reasons(&case);
        assert!(r.contains(&Reason::QuantityRecordsMissTheDispute));
        assert!(r.contains(&Reason::QuantityAgreedOnly));
        assert!(!r.contains(&Reason::QuantityRecords));
        case.answers.disputed_covered = true;
        let r = reasons(&case);
        assert!(r.contains(&Reason::QuantityRecords));
        assert!(!r.contains(&Reason::QuantityRecordsMissTheDispute));
        // Either kind of record alone is enough (SPC Interpretation (I) art. 20: visas or
        // other written records).
        for (visas, written) in [(true, false), (false, true)] {
            case.answers.site_visas = visas;
            case.answers.written_records = written;
            assert!(
                reasons(&case).contains(&Reason::QuantityRecords),
                "visas {visas}, written records {written}"
            );
        }
    }

    #[test]
    fn pricing_and_evidence_reasons() {
        let mut case = Case::new();
        let reasons = |case: &Case, kind| advise(&case.input(Tier::General, kind, false)).reasons;
        assert!(reasons(&case, DisputeKind::PricingMethod).contains(&Reason::PricingUnclear));
        case.answers.unpriced_design_changes = true;
        assert!(reasons(&case, DisputeKind::PricingMethod).contains(&Reason::PricingDesignChanges));
        case.answers.pricing_agreed = true;
        assert!(reasons(&case, DisputeKind::PricingMethod).contains(&Reason::PricingAgreed));
        let used = reasons(&case, DisputeKind::QualityUsedBeforeAcceptance);
        assert!(used.contains(&Reason::UsedBeforeAcceptance { structural: false }));
        case.answers.structural = true;
        let used = reasons(&case, DisputeKind::QualityUsedBeforeAcceptance);
        assert!(used.contains(&Reason::UsedBeforeAcceptance { structural: true }));
        assert!(
            reasons(&case, DisputeKind::QuantityOfWork)
                .contains(&Reason::EvidenceMissing { held: 0, total: 6 })
        );
        case.evidence = DisputeKind::QuantityOfWork.evidence(Party::Contractor).to_vec();
        assert!(
            !reasons(&case, DisputeKind::QuantityOfWork)
                .iter()
                .any(|r| matches!(r, Reason::EvidenceMissing { .. }))
        );
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
            (
                delayed,
                Some((CompletionRule::ReportSubmitted, date(2026, 3, 24))),
            ),
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
    fn the_warranty_runs_from_acceptance_passed_and_is_judged_when_the_defect_became_known() {
        let mut case = Case::new();
        // Report submitted and acceptance delayed: art. 9 gives the report date as completion,
        // but the warranty starts only when acceptance passed.
        case.answers.report_submitted = true;
        case.answers.report_date = Some(date(2024, 2, 1));
        case.answers.employer_delayed = true;
        case.answers.acceptance_passed = true;
        case.answers.acceptance_date = Some(date(2024, 2, 29));
        case.answers.defect_part = Some(WarrantyPart::Installation);
        case.answers.defect_known = Some(date(2026, 2, 20));
        let advice = advise(&case.input(Tier::Key, DisputeKind::QualityContractor, true));
        assert_eq!(advice.completion.map(|c| c.date), Some(date(2024, 2, 1)));
        let warranty = advice
            .deadlines
            .iter()
            .find(|d| d.kind == DeadlineKind::Warranty(WarrantyPart::Installation))
            .unwrap();
        assert_eq!(
            warranty.date,
            date(2026, 2, 28),
            "two years from acceptance on a leap day"
        );
        // Past today (2026-11-26), yet the defect became known inside it: covered.
        assert!(warranty.expired());
        assert_eq!(warranty.covers_defect, Some(true));
        assert!(advice.reasons.contains(&Reason::WarrantyCovers {
            part: WarrantyPart::Installation,
            ends: date(2026, 2, 28)
        }));
        assert_eq!(
            advice
                .deadlines
                .iter()
                .filter(|d| matches!(d.kind, DeadlineKind::Warranty(_)))
                .count(),
            1,
            "only the defective part"
        );
        // Known the day after the end: not covered.
        case.answers.defect_known = Some(date(2026, 3, 1));
        let advice = advise(&case.input(Tier::Key, DisputeKind::QualityContractor, true));
        assert!(advice.reasons.contains(&Reason::WarrantyEnded {
            part: WarrantyPart::Installation,
            ended: date(2026, 2, 28)
        }));
        // No acceptance: the warranty has not started and cannot be counted.
        case.answers.acceptance_passed = false;
        let advice = advise(&case.input(Tier::Key, DisputeKind::QualityContractor, true));
        assert!(advice.reasons.contains(&Reason::WarrantyUnknown));
        assert!(
            !advice
                .deadlines
                .iter()
                .any(|d| matches!(d.kind, DeadlineKind::Warranty(_)))
        );
        // Completion-date disputes list no warranties.
        case.answers.acceptance_passed = true;
        let completion = advise(&case.input(Tier::Key, DisputeKind::CompletionDate, true));
        assert!(
            !completion
                .deadlines
                .iter()
                .any(|d| matches!(d.kind, DeadlineKind::Warranty(_)))
        );
    }

    #[test]
    fn the_next_deadline_skips_ended_warranties_and_completion() {
        let mut case = Case::new();
        case.answers.acceptance_passed = true;
        case.answers.acceptance_date = Some(date(2024, 2, 29));
        let quality = advise(&case.input(Tier::Key, DisputeKind::QualityContractor, true));
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
    fn expected_net_results_and_the_settle_now_baseline() {
        let case = Case::new();
        let mut input = case.input(Tier::Key, DisputeKind::Other, false);
        let advice = advise(&input);
        // 300,000 a year for 5 years.
        assert_eq!(advice.value_at_risk, Money::from_major(1_500_000));
        // Negotiation: 60% of 800,000 − 20,000 − 10% of 1,500,000.
        let n = advice.result(Route::Negotiation).unwrap();
        assert_eq!(n.expected_recovery, Money::from_major(480_000));
        assert_eq!(n.relationship_loss, Money::from_major(150_000));
        assert_eq!(n.net, Money::from_major(310_000));
        // Conceding (settle now for nothing) is the baseline.
        assert_eq!(advice.settle_now, Money::ZERO);
        assert_eq!(n.vs_settle_now, n.net);
        // Litigation: 85% of 800,000 − 250,000 − 70% of 1,500,000.
        let l = advice.result(Route::Litigation).unwrap();
        assert_eq!(l.net, Money::from_major(680_000 - 250_000 - 1_050_000));
        assert_eq!(advice.best_by_numbers(), Some(Route::Negotiation));
        assert!(advice.reasons.contains(&Reason::NumbersAgree));
        assert!(!advice.reasons.contains(&Reason::SettleNowBest));
        // A settlement offer of 400,000 beats every route.
        input.settlement = Money::from_major(400_000);
        let advice = advise(&input);
        assert_eq!(
            advice.result(Route::Negotiation).unwrap().vs_settle_now,
            Money::from_major(-90_000)
        );
        assert!(advice.reasons.contains(&Reason::SettleNowBest));
        // Settling for exactly what negotiation nets (310,000) is no better than negotiating:
        // the advice does not say settling now is best.
        input.settlement = Money::from_major(310_000);
        assert!(!advise(&input).reasons.contains(&Reason::SettleNowBest));
        // A general customer is sent to court, but the numbers say otherwise, and the advice says so.
        let general = advise(&case.input(Tier::General, DisputeKind::Other, false));
        assert!(general.reasons.contains(&Reason::NumbersFavour {
            route: Route::Negotiation
        }));
    }

    #[test]
    fn a_dispute_without_relationship_numbers_or_route_inputs_uses_the_scenarios() {
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
        // The scenario's route defaults apply to a dispute without its own.
        scenario.settings.route_defaults.negotiation.cost = Money::from_major(1);
        let advice = advise_dispute(&scenario, &seg, &dispute, date(2026, 1, 1));
        assert_eq!(
            advice.result(Route::Negotiation).unwrap().cost,
            Money::from_major(1)
        );
        // Numbers the user entered win.
        dispute.relationship.remaining_years = 1;
        dispute.relationship.annual_profit = Money::from_major(10);
        dispute.routes = Some(RouteInputs::default());
        let advice = advise_dispute(&scenario, &seg, &dispute, date(2026, 1, 1));
        assert_eq!(advice.value_at_risk, Money::from_major(10));
        assert_eq!(
            advice.result(Route::Negotiation).unwrap().cost,
            Money::from_major(20_000)
        );
        // An unknown customer is treated as general, with nothing at risk.
        dispute.customer_id = "NOPE".into();
        dispute.relationship = Relationship::default();
        let advice = advise_dispute(&scenario, &seg, &dispute, date(2026, 1, 1));
        assert_eq!((advice.tier, advice.value_at_risk), (Tier::General, Money::ZERO));
    }

    #[test]
    fn value_at_risk_discounts_caps_the_years_and_never_goes_negative() {
        let r = |profit: i64, years| Relationship {
            annual_profit: Money::from_major(profit),
            remaining_years: years,
        };
        assert_eq!(value_at_risk(&r(100, 3), 0.0), Money::from_major(300));
        // 100/1.1 + 100/1.21 = 173.55
        assert_eq!(value_at_risk(&r(100, 2), 10.0), Money(17_355));
        // The closed form agrees with the year-by-year sum.
        for years in [1_u32, 7, 30, 50] {
            let sum: f64 = (1..=years).map(|t| 10_000.0 / 1.05_f64.powi(t as i32)).sum();
            assert_eq!(
                value_at_risk(&r(100, years), 5.0),
                Money(sum.round() as i64),
                "{years} years"
            );
        }
        // Years beyond 50 count as 50, at once, even the largest number a file can hold.
        assert_eq!(value_at_risk(&r(100, u32::MAX), 0.0), Money::from_major(5_000));
        assert_eq!(
            value_at_risk(&r(100, u32::MAX), 5.0),
            value_at_risk(&r(100, 50), 5.0)
        );
        // A loss-making relationship puts nothing at risk; it is not an error.
        assert_eq!(value_at_risk(&r(-100, 3), 0.0), Money::ZERO);
        assert_eq!(value_at_risk(&r(100, 0), 0.0), Money::ZERO);
        assert_eq!(value_at_risk(&r(100, 2), f64::NAN), Money::from_major(200));
    }
}
