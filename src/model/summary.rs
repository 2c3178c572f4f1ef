//! The headline numbers of a scenario, as `check --json` reports them.

use serde::Serialize;

use super::{Scenario, Segmentation};

/// Counts and totals for a scenario. Money is in the currency's major unit.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Summary {
    pub customers: usize,
    pub revenue_total: f64,
    pub profit_total: f64,
    pub tiers: TierCounts,
    pub abc: ClassCounts,
    pub steps_done: usize,
    pub disputes: usize,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct TierCounts {
    pub key: usize,
    pub general: usize,
    pub loss_making: usize,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ClassCounts {
    pub a: usize,
    pub b: usize,
    pub c: usize,
}

impl Summary {
    #[must_use]
    pub fn new(scenario: &Scenario, seg: &Segmentation) -> Self {
        let [key, general, loss_making] = seg.tier_counts();
        let [a, b, c] = seg.class_counts();
        Self {
            customers: scenario.customers.len(),
            revenue_total: seg.revenue_total as f64 / 100.0,
            profit_total: seg.profit_total as f64 / 100.0,
            tiers: TierCounts {
                key,
                general,
                loss_making,
            },
            abc: ClassCounts { a, b, c },
            steps_done: scenario.plan.steps_done(),
            disputes: scenario.disputes.len(),
        }
    }
}
