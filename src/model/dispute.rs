//! Construction-contract disputes (DOMAIN.md §6): the record kept per dispute.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::Money;

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
    pub opened: Option<NaiveDate>,
    pub facts: String,
    pub route: Option<Route>,
    /// Why this route was chosen.
    pub reason: String,
    pub status: DisputeStatus,
}
