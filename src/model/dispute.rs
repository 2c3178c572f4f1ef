//! Construction-contract disputes (DOMAIN.md §6): the record kept per dispute.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::{Money, RouteDefaults, Tier};

/// The dispute kinds of the source article, plus "other".
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum DisputeKind {
    /// Quality non-conformity caused by the contractor.
    QualityContractor,
    /// Quality non-conformity caused by the employer's fault.
    QualityEmployer,
    /// Quality problem after the employer used the works without acceptance.
    QualityUsedBeforeAcceptance,
    CompletionDate,
    PricingMethod,
    QuantityOfWork,
    #[default]
    Other,
}

impl DisputeKind {
    pub const ALL: [Self; 7] = [
        Self::QualityContractor,
        Self::QualityEmployer,
        Self::QualityUsedBeforeAcceptance,
        Self::CompletionDate,
        Self::PricingMethod,
        Self::QuantityOfWork,
        Self::Other,
    ];
}

/// How a dispute is handled.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Route {
    Negotiation,
    Mediation,
    Arbitration,
    Litigation,
}

impl Route {
    pub const ALL: [Self; 4] = [
        Self::Negotiation,
        Self::Mediation,
        Self::Arbitration,
        Self::Litigation,
    ];
}

/// Where a dispute stands.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum DisputeStatus {
    #[default]
    Open,
    InProgress,
    Settled,
    Closed,
}

/// A party to a construction contract. The firm is one of them in each dispute.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Party {
    /// 承包人: builds the works.
    #[default]
    Contractor,
    /// 發包人: orders and pays for the works.
    Employer,
}

impl Party {
    pub const ALL: [Self; 2] = [Self::Contractor, Self::Employer];

    /// The other side of the contract.
    #[must_use]
    pub const fn other(self) -> Self {
        match self {
            Self::Contractor => Self::Employer,
            Self::Employer => Self::Contractor,
        }
    }

    #[expect(
        clippy::trivially_copy_pass_by_ref,
        reason = "serde's skip_serializing_if passes a reference"
    )]
    fn is_contractor(&self) -> bool {
        *self == Self::Contractor
    }
}

/// The parts of the works with a minimum warranty (Construction Quality Regulation art. 40).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum WarrantyPart {
    /// Roof waterproofing, waterproofing of rooms with water, exterior-wall leak-proofing: 5 years.
    Waterproofing,
    /// Heating and cooling: two heating or cooling seasons, counted here as 2 years.
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

#[expect(
    clippy::trivially_copy_pass_by_ref,
    reason = "serde's skip_serializing_if passes a reference"
)]
fn is_zero(m: &Money) -> bool {
    *m == Money::ZERO
}

/// The contract a dispute arises under.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Contract {
    pub name: String,
    pub value: Money,
    pub signed: Option<NaiveDate>,
    pub start: Option<NaiveDate>,
    pub end: Option<NaiveDate>,
    /// A valid arbitration clause sends the formal route to arbitration, not court.
    pub arbitration_clause: bool,
}

/// One dispute with a customer.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Dispute {
    pub id: String,
    pub customer_id: String,
    pub contract: Contract,
    pub kind: DisputeKind,
    pub amount_claimed: Money,
    pub amount_disputed: Money,
    /// When the firm knew or should have known of the damage (starts the limitation period).
    pub damage_known: Option<NaiveDate>,
    /// When the damage itself occurred: the 20-year long stop of Civil Code art. 188 runs from it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub damage_occurred: Option<NaiveDate>,
    /// Whether the firm is the contractor or the employer in this contract.
    #[serde(skip_serializing_if = "Party::is_contractor")]
    pub firm_role: Party,
    pub opened: Option<NaiveDate>,
    pub facts: String,
    pub route: Option<Route>,
    /// Why this route was chosen.
    pub reason: String,
    pub status: DisputeStatus,
    /// The wizard's kind-specific answers.
    pub answers: KindAnswers,
    /// The evidence the firm holds, from the kind's checklist.
    pub evidence: Vec<Evidence>,
    /// What the relationship with the customer is worth.
    pub relationship: Relationship,
    /// The per-route assumptions for the expected-net-result table; `None` uses the
    /// scenario's route defaults.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub routes: Option<RouteInputs>,
    /// What the firm would get by settling now (the baseline row); 0 is conceding.
    #[serde(skip_serializing_if = "is_zero")]
    pub settlement: Money,
    /// Chance (%) the other side raises the expired limitation; `None` uses the scenario's.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub limitation_defence_pct: Option<f64>,
    /// The prevention checklist for this contract.
    pub prevention: PreventionScores,
    /// The wizard's advice and the user's decision, when the wizard was run to the end.
    pub decision: Option<Decision>,
}

impl Dispute {
    /// The route assumptions in force: the dispute's own, else the scenario's defaults.
    #[must_use]
    pub fn routes_or(&self, defaults: &RouteDefaults) -> RouteInputs {
        self.routes
            .clone()
            .unwrap_or_else(|| RouteInputs::from_defaults(defaults))
    }
}

impl DisputeKind {
    /// The evidence worth holding for a dispute of this kind when the firm is `role`, most
    /// important first. The side answering a claim needs what refutes it, not what proves it.
    #[must_use]
    pub fn evidence(self, role: Party) -> &'static [Evidence] {
        use Evidence as E;
        match (self, role) {
            // The firm built the works and the employer blames it: show they were built right.
            (Self::QualityContractor, Party::Contractor) => &[
                E::SignedContract,
                E::AcceptanceMinutes,
                E::MaterialCertificates,
                E::InspectionReport,
                E::DesignDocuments,
                E::Correspondence,
            ],
            // The firm ordered the works and the contractor claims more: what was signed and
            // measured, not the contractor's own logs.
            (Self::QuantityOfWork, Party::Employer) => &[
                E::SignedContract,
                E::SiteVisas,
                E::MeasurementRecords,
                E::Photos,
                E::Correspondence,
            ],
            (kind, _) => kind.claim_evidence(),
        }
    }

    /// The evidence for the side that brings the usual claim of this kind.
    fn claim_evidence(self) -> &'static [Evidence] {
        use Evidence as E;
        match self {
            Self::QualityContractor => &[
                E::SignedContract,
                E::InspectionReport,
                E::MaterialCertificates,
                E::Photos,
                E::RepairRequests,
                E::Correspondence,
            ],
            Self::QualityEmployer => &[
                E::SignedContract,
                E::DesignDocuments,
                E::MaterialCertificates,
                E::SubcontractorDesignation,
                E::InspectionReport,
                E::Correspondence,
            ],
            Self::QualityUsedBeforeAcceptance => &[
                E::SignedContract,
                E::HandoverRecord,
                E::Photos,
                E::InspectionReport,
                E::Correspondence,
            ],
            Self::CompletionDate => &[
                E::SignedContract,
                E::AcceptanceReport,
                E::AcceptanceMinutes,
                E::HandoverRecord,
                E::ScheduleRecords,
                E::Correspondence,
            ],
            Self::PricingMethod => &[
                E::SignedContract,
                E::PriceAgreement,
                E::DesignChangeOrders,
                E::LocalPricingStandard,
                E::Correspondence,
            ],
            Self::QuantityOfWork => &[
                E::SignedContract,
                E::SiteVisas,
                E::DailyRecords,
                E::Photos,
                E::MeasurementRecords,
                E::Correspondence,
            ],
            Self::Other => &[E::SignedContract, E::Correspondence, E::Photos],
        }
    }

    /// Whether the kind is one of the three quality kinds.
    #[must_use]
    pub const fn is_quality(self) -> bool {
        matches!(
            self,
            Self::QualityContractor | Self::QualityEmployer | Self::QualityUsedBeforeAcceptance
        )
    }

    /// The prevention items whose gaps a dispute of this kind tends to reveal.
    #[must_use]
    pub fn revealed_gaps(self) -> &'static [PreventionItem] {
        use PreventionItem as P;
        match self {
            Self::QualityContractor => &[P::Facilities, P::Capacity, P::Staff, P::Supervision],
            Self::QualityEmployer | Self::QuantityOfWork => &[P::Site, P::JointGuideline, P::Supervision],
            Self::QualityUsedBeforeAcceptance => &[P::JointGuideline, P::Supervision],
            Self::CompletionDate => &[P::Capacity, P::JointGuideline, P::Supervision],
            Self::PricingMethod | Self::Other => &[P::JointGuideline],
        }
    }
}

/// A piece of evidence on a kind's checklist.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Evidence {
    SignedContract,
    SiteVisas,
    DailyRecords,
    MeasurementRecords,
    Photos,
    AcceptanceReport,
    AcceptanceMinutes,
    HandoverRecord,
    ScheduleRecords,
    InspectionReport,
    MaterialCertificates,
    DesignDocuments,
    SubcontractorDesignation,
    RepairRequests,
    PriceAgreement,
    DesignChangeOrders,
    LocalPricingStandard,
    Correspondence,
}

/// Whose fault a quality dispute alleges.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Fault {
    #[default]
    Unclear,
    Contractor,
    Employer,
}

/// The questions each kind asks. One flat record, so that switching kind keeps the answers.
#[allow(
    clippy::struct_excessive_bools,
    reason = "each bool is a yes/no question the wizard asks; an enum per question adds nothing"
)]
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct KindAnswers {
    /// Completion: did the works pass completion acceptance, and when.
    pub acceptance_passed: bool,
    pub acceptance_date: Option<NaiveDate>,
    /// Completion: did the contractor submit the acceptance report, and when.
    pub report_submitted: bool,
    pub report_date: Option<NaiveDate>,
    /// Completion: did the employer put off the acceptance after the report.
    pub employer_delayed: bool,
    /// Completion and quality: did the employer use the works before acceptance, and when it
    /// took possession.
    pub used_before_acceptance: bool,
    pub possession_date: Option<NaiveDate>,
    /// Quantity: are there site visas signed by the employer's representative.
    pub site_visas: bool,
    /// Quantity: other written records (daily logs, meeting minutes, emails).
    pub written_records: bool,
    /// Quantity: did the employer agree to the work being done.
    pub employer_agreed_work: bool,
    /// Quantity: do the visas or records cover the quantities in dispute (not just other work).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub disputed_covered: bool,
    /// Quality: the day the defect became known; the warranty is judged on it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub defect_known: Option<NaiveDate>,
    /// Quality: which part of the works the defect is in, for its warranty.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub defect_part: Option<WarrantyPart>,
    /// Quality: whose fault is alleged.
    pub fault: Fault,
    /// Quality, employer at fault: did the employer fail to supply materials, equipment, site,
    /// funds or technical data on time (Civil Code art. 803).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub employer_failed_to_supply: bool,
    /// Quality: does the defect touch the foundation or main structure.
    pub structural: bool,
    /// Pricing: does the contract fix the pricing method.
    pub pricing_agreed: bool,
    /// Pricing: were there design changes with no agreed price.
    pub unpriced_design_changes: bool,
}

/// The customer relationship's numbers, prefilled from the customer.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Relationship {
    pub annual_profit: Money,
    pub remaining_years: u32,
}

/// The assumptions for one route in one dispute.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct RouteInput {
    /// Chance (%) that this route ends the relationship.
    pub relationship_loss_pct: f64,
    pub cost: Money,
    pub months: u32,
    /// Share (%) of the disputed amount the firm expects to recover by this route.
    pub recovery_pct: f64,
}

impl Default for RouteInput {
    fn default() -> Self {
        Self {
            relationship_loss_pct: 0.0,
            cost: Money::ZERO,
            months: 0,
            recovery_pct: 50.0,
        }
    }
}

/// The assumptions for every route in one dispute.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct RouteInputs {
    pub negotiation: RouteInput,
    pub mediation: RouteInput,
    pub arbitration: RouteInput,
    pub litigation: RouteInput,
}

impl Default for RouteInputs {
    fn default() -> Self {
        Self::from_defaults(&RouteDefaults::default())
    }
}

impl RouteInputs {
    /// The scenario's route defaults, with a default recovery share per route: an agreement
    /// usually gives up part of the claim, an award less so.
    #[must_use]
    pub fn from_defaults(defaults: &RouteDefaults) -> Self {
        let input = |route: Route, recovery_pct: f64| {
            let a = defaults.get(route);
            RouteInput {
                relationship_loss_pct: a.relationship_loss_pct,
                cost: a.cost,
                months: a.months,
                recovery_pct,
            }
        };
        Self {
            negotiation: input(Route::Negotiation, 60.0),
            mediation: input(Route::Mediation, 70.0),
            arbitration: input(Route::Arbitration, 85.0),
            litigation: input(Route::Litigation, 85.0),
        }
    }

    #[must_use]
    pub fn get(&self, route: Route) -> &RouteInput {
        match route {
            Route::Negotiation => &self.negotiation,
            Route::Mediation => &self.mediation,
            Route::Arbitration => &self.arbitration,
            Route::Litigation => &self.litigation,
        }
    }

    pub fn get_mut(&mut self, route: Route) -> &mut RouteInput {
        match route {
            Route::Negotiation => &mut self.negotiation,
            Route::Mediation => &mut self.mediation,
            Route::Arbitration => &mut self.arbitration,
            Route::Litigation => &mut self.litigation,
        }
    }
}

/// An item of the prevention checklist (DOMAIN.md §6, the article's closing advice).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum PreventionItem {
    /// Before signing: the contractor's facilities and equipment.
    Facilities,
    /// Before signing: its operating capacity.
    Capacity,
    /// Before signing: the site environment.
    Site,
    /// Before signing: its staff.
    Staff,
    /// After signing: operating guidelines written together with the customer.
    JointGuideline,
    /// During performance: tracking and supervising the works.
    Supervision,
}

impl PreventionItem {
    pub const ALL: [Self; 6] = [
        Self::Facilities,
        Self::Capacity,
        Self::Site,
        Self::Staff,
        Self::JointGuideline,
        Self::Supervision,
    ];
}

/// How well each prevention item was done: 0 not done, 1 partly, 2 fully.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct PreventionScores {
    pub facilities: u8,
    pub capacity: u8,
    pub site: u8,
    pub staff: u8,
    pub joint_guideline: u8,
    pub supervision: u8,
}

impl PreventionScores {
    /// The best score of one item.
    pub const MAX_ITEM: u8 = 2;

    #[must_use]
    pub fn get(&self, item: PreventionItem) -> u8 {
        let score = match item {
            PreventionItem::Facilities => self.facilities,
            PreventionItem::Capacity => self.capacity,
            PreventionItem::Site => self.site,
            PreventionItem::Staff => self.staff,
            PreventionItem::JointGuideline => self.joint_guideline,
            PreventionItem::Supervision => self.supervision,
        };
        score.min(Self::MAX_ITEM)
    }

    pub fn set(&mut self, item: PreventionItem, score: u8) {
        let score = score.min(Self::MAX_ITEM);
        match item {
            PreventionItem::Facilities => self.facilities = score,
            PreventionItem::Capacity => self.capacity = score,
            PreventionItem::Site => self.site = score,
            PreventionItem::Staff => self.staff = score,
            PreventionItem::JointGuideline => self.joint_guideline = score,
            PreventionItem::Supervision => self.supervision = score,
        }
    }

    /// The score as a share of the best possible, 0–100.
    #[must_use]
    pub fn percent(&self) -> u32 {
        let total: u32 = PreventionItem::ALL.iter().map(|&i| u32::from(self.get(i))).sum();
        let best = u32::from(Self::MAX_ITEM) * PreventionItem::ALL.len() as u32;
        total * 100 / best
    }

    /// The items not fully done, each with whether this dispute's kind points at it.
    #[must_use]
    pub fn gaps(&self, kind: DisputeKind) -> Vec<(PreventionItem, bool)> {
        PreventionItem::ALL
            .iter()
            .filter(|&&i| self.get(i) < Self::MAX_ITEM)
            .map(|&i| (i, kind.revealed_gaps().contains(&i)))
            .collect()
    }
}

/// What the wizard advised and what the user decided, recorded when the wizard finished.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Decision {
    /// The day the decision was made.
    pub date: NaiveDate,
    /// The customer's tier on that day.
    pub tier: Tier,
    /// The route the advice recommended.
    pub recommended: Route,
    /// The order of routes the advice gave.
    pub order: Vec<Route>,
    /// The route chosen (also in `Dispute::route`).
    pub chosen: Route,
}

/// The steps of the dispute wizard, in order.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum WizardStep {
    #[default]
    Parties,
    Kind,
    Facts,
    Relationship,
    Advice,
    Prevention,
    Decide,
}

impl WizardStep {
    pub const ALL: [Self; 7] = [
        Self::Parties,
        Self::Kind,
        Self::Facts,
        Self::Relationship,
        Self::Advice,
        Self::Prevention,
        Self::Decide,
    ];

    /// Position in the wizard, from 0.
    #[must_use]
    pub fn index(self) -> usize {
        Self::ALL.iter().position(|&s| s == self).unwrap_or_default()
    }

    #[must_use]
    pub fn next(self) -> Option<Self> {
        Self::ALL.get(self.index() + 1).copied()
    }

    #[must_use]
    pub fn previous(self) -> Option<Self> {
        self.index()
            .checked_sub(1)
            .and_then(|i| Self::ALL.get(i))
            .copied()
    }
}

/// A wizard run in progress. It is part of the scenario, so it can be left and resumed, and
/// it is saved with the file.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct DisputeDraft {
    pub step: WizardStep,
    /// The id of the logged dispute this run re-examines; `None` for a new dispute.
    pub editing: Option<String>,
    /// The dispute as entered so far.
    pub dispute: Dispute,
    /// The route the user picks at the last step, and why.
    pub chosen: Option<Route>,
    pub reason: String,
    /// The user picked the kind (a new dispute has no kind until then, whatever its default).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub kind_chosen: bool,
}

impl DisputeDraft {
    /// Why the wizard cannot move on from its current step, if it cannot.
    #[must_use]
    pub fn blocker(&self) -> Option<DraftProblem> {
        match self.step {
            WizardStep::Parties if self.dispute.customer_id.trim().is_empty() => {
                Some(DraftProblem::NoCustomer)
            }
            WizardStep::Parties if self.dispute.contract.name.trim().is_empty() => {
                Some(DraftProblem::NoContractName)
            }
            WizardStep::Kind if !self.has_kind() => Some(DraftProblem::NoKind),
            _ => None,
        }
    }

    /// Whether the user picked the kind. A draft saved before `kind_chosen` existed counts as
    /// picked when its kind is anything but the default "other".
    #[must_use]
    pub fn has_kind(&self) -> bool {
        self.kind_chosen || self.dispute.kind != DisputeKind::Other
    }

    /// Why the decision cannot be recorded yet, given the recommended route.
    #[must_use]
    pub fn decision_problem(&self, recommended: Route) -> Option<DraftProblem> {
        match self.chosen {
            None => Some(DraftProblem::NoRoute),
            Some(route) if route != recommended && self.reason.trim().is_empty() => {
                Some(DraftProblem::NoReason)
            }
            Some(_) => None,
        }
    }
}

/// What keeps the wizard from moving on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DraftProblem {
    NoCustomer,
    NoContractName,
    /// The kind of dispute was not picked yet.
    NoKind,
    NoRoute,
    /// The chosen route differs from the advice and no reason was given.
    NoReason,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_kind_step_waits_for_a_kind() {
        let mut draft = DisputeDraft {
            step: WizardStep::Kind,
            ..DisputeDraft::default()
        };
        assert_eq!(draft.blocker(), Some(DraftProblem::NoKind), "no silent \"other\"");
        draft.kind_chosen = true;
        assert_eq!(draft.blocker(), None, "\"other\" picked on purpose");
        // A draft saved before the flag existed, with a real kind, counts as picked.
        let older = DisputeDraft {
            step: WizardStep::Kind,
            dispute: Dispute {
                kind: DisputeKind::PricingMethod,
                ..Dispute::default()
            },
            ..DisputeDraft::default()
        };
        assert_eq!(older.blocker(), None);
    }

    /// The parties step needs a customer, then a contract name (blank counts as missing);
    /// later steps other than Kind never block.
    #[test]
    fn blocker_table() {
        let draft = |step, customer: &str, contract: &str| {
            let mut d = DisputeDraft {
                step,
                ..DisputeDraft::default()
            };
            d.dispute.customer_id = customer.into();
            d.dispute.contract.name = contract.into();
            d
        };
        let cases = [
            (draft(WizardStep::Parties, "", ""), Some(DraftProblem::NoCustomer)),
            (
                draft(WizardStep::Parties, "  ", "Depot"),
                Some(DraftProblem::NoCustomer),
            ),
            (
                draft(WizardStep::Parties, "C001", ""),
                Some(DraftProblem::NoContractName),
            ),
            (
                draft(WizardStep::Parties, "C001", " \t"),
                Some(DraftProblem::NoContractName),
            ),
            (draft(WizardStep::Parties, "C001", "Depot"), None),
            // Past the parties step the missing parties no longer block (the kind still does).
            (draft(WizardStep::Facts, "", ""), None),
            (draft(WizardStep::Relationship, "", ""), None),
            (draft(WizardStep::Advice, "", ""), None),
            (draft(WizardStep::Prevention, "", ""), None),
            (draft(WizardStep::Decide, "", ""), None),
            (
                draft(WizardStep::Kind, "C001", "Depot"),
                Some(DraftProblem::NoKind),
            ),
        ];
        for (d, expected) in cases {
            assert_eq!(d.blocker(), expected, "{:?} {:?}", d.step, d.dispute.customer_id);
        }
    }

    /// A route must be chosen; one that differs from the advice needs a reason (blank counts
    /// as none); the advised route needs none.
    #[test]
    fn decision_problem_table() {
        let draft = |chosen, reason: &str| DisputeDraft {
            chosen,
            reason: reason.into(),
            ..DisputeDraft::default()
        };
        let advised = Route::Mediation;
        let cases = [
            (draft(None, ""), Some(DraftProblem::NoRoute)),
            (draft(None, "a reason"), Some(DraftProblem::NoRoute)),
            (draft(Some(Route::Mediation), ""), None),
            (draft(Some(Route::Litigation), ""), Some(DraftProblem::NoReason)),
            (
                draft(Some(Route::Litigation), "   "),
                Some(DraftProblem::NoReason),
            ),
            (draft(Some(Route::Litigation), "the client insists"), None),
        ];
        for (d, expected) in cases {
            assert_eq!(
                d.decision_problem(advised),
                expected,
                "{:?} {:?}",
                d.chosen,
                d.reason
            );
        }
    }

    /// Each item is stored in its own field and capped at 2 (fully done).
    #[test]
    fn prevention_scores_set_each_item_and_cap() {
        for (n, &item) in PreventionItem::ALL.iter().enumerate() {
            let mut scores = PreventionScores::default();
            scores.set(item, 1);
            for &other in &PreventionItem::ALL {
                let expected = u8::from(other == item);
                assert_eq!(scores.get(other), expected, "set {item:?}, read {other:?}");
            }
            // One item partly done out of six: 1 of 12 points is 8%.
            assert_eq!(scores.percent(), 8, "item {n}");
            scores.set(item, 200);
            assert_eq!(scores.get(item), 2, "capped");
            // 2 of 12 points: 16%.
            assert_eq!(scores.percent(), 16);
            assert_eq!(scores.gaps(DisputeKind::Other).len(), 5);
        }
        let mut all = PreventionScores::default();
        for &item in &PreventionItem::ALL {
            all.set(item, 2);
        }
        assert_eq!(all.percent(), 100);
        assert!(all.gaps(DisputeKind::Other).is_empty());
    }

    #[test]
    fn a_dispute_without_routes_uses_the_defaults_given() {
        let mut defaults = RouteDefaults::default();
        defaults.mediation.months = 9;
        let dispute = Dispute::default();
        assert_eq!(dispute.routes_or(&defaults).mediation.months, 9);
        let own = Dispute {
            routes: Some(RouteInputs::default()),
            ..Dispute::default()
        };
        assert_eq!(own.routes_or(&defaults).mediation.months, 4);
    }

    /// The three quality kinds, and only they, are quality disputes (the wizard asks them
    /// about the defect and the warranty).
    #[test]
    fn only_the_three_quality_kinds_are_quality() {
        let quality: Vec<DisputeKind> = DisputeKind::ALL.into_iter().filter(|k| k.is_quality()).collect();
        assert_eq!(
            quality,
            [
                DisputeKind::QualityContractor,
                DisputeKind::QualityEmployer,
                DisputeKind::QualityUsedBeforeAcceptance
            ]
        );
    }

    /// With nothing done, every item is a gap; the kind marks the ones its disputes tend to
    /// reveal. A completion-date dispute points at capacity, the joint guideline and
    /// supervision; a pricing dispute only at the joint guideline.
    #[test]
    fn the_kind_marks_the_gaps_it_reveals() {
        use PreventionItem as P;
        let nothing_done = PreventionScores::default();
        assert_eq!(
            nothing_done.gaps(DisputeKind::CompletionDate),
            [
                (P::Facilities, false),
                (P::Capacity, true),
                (P::Site, false),
                (P::Staff, false),
                (P::JointGuideline, true),
                (P::Supervision, true),
            ]
        );
        let marked: Vec<P> = nothing_done
            .gaps(DisputeKind::PricingMethod)
            .into_iter()
            .filter_map(|(item, revealed)| revealed.then_some(item))
            .collect();
        assert_eq!(marked, [P::JointGuideline]);
    }

    /// Editing a route through `get_mut` changes what `get` reads for that route only.
    #[test]
    fn get_mut_edits_the_route_get_reads() {
        for route in Route::ALL {
            let mut inputs = RouteInputs::default();
            inputs.get_mut(route).months = 99;
            for other in Route::ALL {
                let months = inputs.get(other).months;
                assert_eq!(months == 99, other == route, "edited {route:?}, read {other:?}");
            }
        }
    }

    /// The wizard walks its seven steps in order: Next from each goes to the following one
    /// and stops after Decide; Back goes to the one before and stops at Parties.
    #[test]
    fn the_wizard_steps_walk_in_order() {
        use WizardStep as W;
        let order = [
            W::Parties,
            W::Kind,
            W::Facts,
            W::Relationship,
            W::Advice,
            W::Prevention,
            W::Decide,
        ];
        for (n, step) in order.into_iter().enumerate() {
            assert_eq!(step.index(), n, "{step:?}");
            assert_eq!(step.next(), order.get(n + 1).copied(), "after {step:?}");
            let before = n.checked_sub(1).and_then(|i| order.get(i)).copied();
            assert_eq!(step.previous(), before, "before {step:?}");
        }
        assert_eq!(W::Decide.next(), None);
        assert_eq!(W::Parties.previous(), None);
    }
}
