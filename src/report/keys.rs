//! The fixed English identifiers JSON outputs use for the domain's enums (`"loss_making"`,
//! `"arbitration"` …), the same in every command and every language.

use crate::model::{AbcClass, DisputeKind, DisputeStatus, Party, Route, StepStatus, Tier, WarrantyPart};

#[must_use]
pub const fn tier_key(tier: Tier) -> &'static str {
    match tier {
        Tier::Key => "key",
        Tier::General => "general",
        Tier::LossMaking => "loss_making",
    }
}

#[must_use]
pub const fn class_key(class: AbcClass) -> &'static str {
    match class {
        AbcClass::A => "a",
        AbcClass::B => "b",
        AbcClass::C => "c",
    }
}

#[must_use]
pub const fn kind_key(kind: DisputeKind) -> &'static str {
    use DisputeKind as D;
    match kind {
        D::QualityContractor => "quality_contractor",
        D::QualityEmployer => "quality_employer",
        D::QualityUsedBeforeAcceptance => "quality_used_before_acceptance",
        D::CompletionDate => "completion_date",
        D::PricingMethod => "pricing_method",
        D::QuantityOfWork => "quantity_of_work",
        D::Other => "other",
    }
}

#[must_use]
pub const fn route_key(route: Route) -> &'static str {
    match route {
        Route::Negotiation => "negotiation",
        Route::Mediation => "mediation",
        Route::Arbitration => "arbitration",
        Route::Litigation => "litigation",
    }
}

#[must_use]
pub const fn party_key(party: Party) -> &'static str {
    match party {
        Party::Contractor => "contractor",
        Party::Employer => "employer",
    }
}

#[must_use]
pub const fn part_key(part: WarrantyPart) -> &'static str {
    match part {
        WarrantyPart::Waterproofing => "waterproofing",
        WarrantyPart::HeatingCooling => "heating_cooling",
        WarrantyPart::Installation => "installation",
    }
}

#[must_use]
pub const fn step_status_key(status: StepStatus) -> &'static str {
    match status {
        StepStatus::NotStarted => "not_started",
        StepStatus::InProgress => "in_progress",
        StepStatus::Done => "done",
        StepStatus::Blocked => "blocked",
    }
}

#[must_use]
pub const fn dispute_status_key(status: DisputeStatus) -> &'static str {
    match status {
        DisputeStatus::Open => "open",
        DisputeStatus::InProgress => "in_progress",
        DisputeStatus::Settled => "settled",
        DisputeStatus::Closed => "closed",
    }
}

/// A customer-table column's name on the command line (`--sort profit`).
#[must_use]
pub const fn column_key(column: crate::model::customer_table::Column) -> &'static str {
    use crate::model::customer_table::Column as C;
    match column {
        C::Id => "id",
        C::Name => "name",
        C::Industry => "industry",
        C::Region => "region",
        C::Revenue => "revenue",
        C::CostOfGoods => "cost_of_goods",
        C::CostToServe => "cost_to_serve",
        C::Profit => "profit",
        C::Margin => "margin",
        C::Growth => "growth",
        C::DeliveredValue => "delivered_value",
        C::ValueRatio => "value_ratio",
        C::Class => "class",
        C::Tier => "tier",
        C::Segment => "segment",
        C::Completeness => "completeness",
    }
}
