//! RFM segments (DOMAIN.md §4): the usual CRM segment map on the R score and FM, the rounded
//! mean of the F and M scores, with the segment's suggested action; counts, revenue and
//! profit per cell of the 5×5 map; and the segment × tier cross table.
//!
//! Derived from the scores `Segmentation` computes; never stored.

use serde::{Deserialize, Serialize};

use super::{Customer, Segmentation, Tier};

/// A cell of the RFM segment map: what the firm should do with the customers in it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum RfmSegment {
    Champion,
    Loyal,
    PotentialLoyalist,
    New,
    Promising,
    NeedsAttention,
    AboutToSleep,
    AtRisk,
    CannotLose,
    Hibernating,
    Lost,
}

/// What the firm should do with a segment's customers; the UI words it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SuggestedAction {
    /// Reward them and ask for referrals.
    RewardAndAskReferrals,
    /// Offer more services (upsell) and a loyalty programme.
    UpsellAndLoyalty,
    /// Offer membership or a bundle to raise frequency.
    OfferBundle,
    /// Welcome them and help them through the first months.
    Onboard,
    /// Build awareness with a small free trial.
    FreeTrial,
    /// A limited-time offer based on what they bought before.
    LimitedOffer,
    /// Share useful content and a reason to come back.
    Reconnect,
    /// Personal contact to learn what went wrong.
    PersonalContact,
    /// Win them back at any reasonable cost: a senior manager calls.
    WinBack,
    /// A low-cost reactivation offer.
    LowCostReactivation,
    /// Stop spending on them; only a last, cheap attempt.
    StopSpending,
}

impl RfmSegment {
    /// Every segment, best first, as the command line and the cross table list them.
    pub const ALL: [Self; 11] = [
        Self::Champion,
        Self::Loyal,
        Self::PotentialLoyalist,
        Self::New,
        Self::Promising,
        Self::NeedsAttention,
        Self::AboutToSleep,
        Self::AtRisk,
        Self::CannotLose,
        Self::Hibernating,
        Self::Lost,
    ];

    /// The segment map of DOMAIN.md §4: rows R 5→1, columns FM 1→5.
    const GRID: [[Self; 5]; 5] = {
        use RfmSegment::{
            AboutToSleep, AtRisk, CannotLose, Champion, Hibernating, Lost, Loyal, NeedsAttention, New,
            PotentialLoyalist, Promising,
        };
        [
            [New, PotentialLoyalist, PotentialLoyalist, Champion, Champion],
            [Promising, PotentialLoyalist, PotentialLoyalist, Loyal, Champion],
            [AboutToSleep, NeedsAttention, NeedsAttention, Loyal, Loyal],
            [Hibernating, Hibernating, AtRisk, AtRisk, CannotLose],
            [Lost, Lost, AtRisk, CannotLose, CannotLose],
        ]
    };

    /// The segment of the map cell at R score `r` and FM score `fm` (both 1–5).
    #[must_use]
    pub fn of_cell(r: u8, fm: u8) -> Option<Self> {
        let row = usize::from(5_u8.checked_sub(r)?);
        let col = usize::from(fm.checked_sub(1)?);
        Self::GRID.get(row)?.get(col).copied()
    }

    /// The segment of a customer with R, F and M scores (1–5 each).
    #[must_use]
    pub fn of_scores(scores: [u8; 3]) -> Option<Self> {
        let [r, f, m] = scores;
        Self::of_cell(r, fm_score(f, m)?)
    }

    /// The key the command line's JSON uses: `champion`, `potential_loyalist`, …
    #[must_use]
    pub const fn key(self) -> &'static str {
        match self {
            Self::Champion => "champion",
            Self::Loyal => "loyal",
            Self::PotentialLoyalist => "potential_loyalist",
            Self::New => "new",
            Self::Promising => "promising",
            Self::NeedsAttention => "needs_attention",
            Self::AboutToSleep => "about_to_sleep",
            Self::AtRisk => "at_risk",
            Self::CannotLose => "cannot_lose",
            Self::Hibernating => "hibernating",
            Self::Lost => "lost",
        }
    }

    /// What the firm should do with the segment's customers.
    #[must_use]
    pub const fn action(self) -> SuggestedAction {
        match self {
            Self::Champion => SuggestedAction::RewardAndAskReferrals,
            Self::Loyal => SuggestedAction::UpsellAndLoyalty,
            Self::PotentialLoyalist => SuggestedAction::OfferBundle,
            Self::New => SuggestedAction::Onboard,
            Self::Promising => SuggestedAction::FreeTrial,
            Self::NeedsAttention => SuggestedAction::LimitedOffer,
            Self::AboutToSleep => SuggestedAction::Reconnect,
            Self::AtRisk => SuggestedAction::PersonalContact,
            Self::CannotLose => SuggestedAction::WinBack,
            Self::Hibernating => SuggestedAction::LowCostReactivation,
            Self::Lost => SuggestedAction::StopSpending,
        }
    }
}

/// FM: the mean of the F and M scores, rounded half up ((1, 2) → 2), or `None` off the 1–5 scale.
#[must_use]
pub fn fm_score(f: u8, m: u8) -> Option<u8> {
    if !(1..=5).contains(&f) || !(1..=5).contains(&m) {
        return None;
    }
    Some((f + m).div_ceil(2))
}

/// The map cell (R, FM) of a customer's scores.
#[must_use]
pub fn cell_of(scores: [u8; 3]) -> Option<(u8, u8)> {
    let [r, f, m] = scores;
    if !(1..=5).contains(&r) {
        return None;
    }
    Some((r, fm_score(f, m)?))
}

/// Customers, revenue and profit in one cell (or segment, or tier).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct CellTotals {
    pub customers: usize,
    /// Revenue in minor units.
    pub revenue: i128,
    /// Profit in minor units.
    pub profit: i128,
}

impl CellTotals {
    fn add(&mut self, revenue: i128, profit: i128) {
        self.customers += 1;
        self.revenue += revenue;
        self.profit += profit;
    }
}

/// The 5×5 segment map with its totals per cell.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SegmentMap {
    /// `cells[r - 1][fm - 1]`.
    pub cells: [[CellTotals; 5]; 5],
    /// Customers in scope without RFM scores (no segment).
    pub without_rfm: usize,
}

impl SegmentMap {
    /// The totals of the cell at R `r` and FM `fm` (1–5).
    #[must_use]
    pub fn cell(&self, r: u8, fm: u8) -> CellTotals {
        let (Some(ri), Some(fi)) = (r.checked_sub(1), fm.checked_sub(1)) else {
            return CellTotals::default();
        };
        self.cells
            .get(usize::from(ri))
            .and_then(|row| row.get(usize::from(fi)))
            .copied()
            .unwrap_or_default()
    }

    /// Customers with a segment.
    #[must_use]
    pub fn with_rfm(&self) -> usize {
        self.cells.iter().flatten().map(|c| c.customers).sum()
    }

    /// Totals per segment, in [`RfmSegment::ALL`] order.
    #[must_use]
    pub fn by_segment(&self) -> [CellTotals; 11] {
        let mut out = [CellTotals::default(); 11];
        for r in 1..=5 {
            for fm in 1..=5 {
                let (Some(seg), cell) = (RfmSegment::of_cell(r, fm), self.cell(r, fm)) else {
                    continue;
                };
                if let Some(slot) = out.get_mut(seg as usize) {
                    slot.customers += cell.customers;
                    slot.revenue += cell.revenue;
                    slot.profit += cell.profit;
                }
            }
        }
        out
    }
}

/// The segment of each customer, in scenario order (`None` without RFM scores).
#[must_use]
pub fn segments(seg: &Segmentation) -> Vec<Option<RfmSegment>> {
    seg.figures
        .iter()
        .map(|f| f.rfm_scores.and_then(RfmSegment::of_scores))
        .collect()
}

/// The segment map of the customers at `scope` (indices into `customers`).
#[must_use]
pub fn segment_map(customers: &[Customer], seg: &Segmentation, scope: &[usize]) -> SegmentMap {
    let mut map = SegmentMap::default();
    for &i in scope {
        let (Some(c), Some(f)) = (customers.get(i), seg.figures.get(i)) else {
            continue;
        };
        let Some((r, fm)) = f.rfm_scores.and_then(cell_of) else {
            map.without_rfm += 1;
            continue;
        };
        if let Some(cell) = map
            .cells
            .get_mut(usize::from(r - 1))
            .and_then(|row| row.get_mut(usize::from(fm - 1)))
        {
            cell.add(i128::from(c.revenue.0), f.profit);
        }
    }
    map
}

/// Segment × tier: customers, revenue and profit per segment (rows, [`RfmSegment::ALL`]
/// order) and tier in effect (columns, [`Tier::ALL`] order). "Champions that lose money" is
/// the cell (Champion, loss-making).
#[must_use]
pub fn cross_table(customers: &[Customer], seg: &Segmentation, scope: &[usize]) -> [[CellTotals; 3]; 11] {
    let mut out = [[CellTotals::default(); 3]; 11];
    for &i in scope {
        let (Some(c), Some(f)) = (customers.get(i), seg.figures.get(i)) else {
            continue;
        };
        let Some(segment) = f.rfm_scores.and_then(RfmSegment::of_scores) else {
            continue;
        };
        if let Some(cell) = out
            .get_mut(segment as usize)
            .and_then(|row| row.get_mut(f.tier as usize))
        {
            cell.add(i128::from(c.revenue.0), f.profit);
        }
    }
    out
}

/// Column of a tier in [`cross_table`].
#[must_use]
pub fn tier_column(tier: Tier) -> usize {
    tier as usize
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Money, Rfm, Settings};
    use RfmSegment::*;
    use chrono::NaiveDate;

    #[test]
    fn grid_table_matches_domain_guide() {
        // Every cell of the table in DOMAIN.md §4, typed again row by row (R 5→1, FM 1→5).
        let expected: [(u8, [RfmSegment; 5]); 5] = [
            (5, [New, PotentialLoyalist, PotentialLoyalist, Champion, Champion]),
            (
                4,
                [Promising, PotentialLoyalist, PotentialLoyalist, Loyal, Champion],
            ),
            (3, [AboutToSleep, NeedsAttention, NeedsAttention, Loyal, Loyal]),
            (2, [Hibernating, Hibernating, AtRisk, AtRisk, CannotLose]),
            (1, [Lost, Lost, AtRisk, CannotLose, CannotLose]),
        ];
        for (r, row) in expected {
            for (fm, want) in (1..=5).zip(row) {
                assert_eq!(RfmSegment::of_cell(r, fm), Some(want), "R {r} FM {fm}");
            }
        }
        // Every segment appears somewhere on the map.
        for s in RfmSegment::ALL {
            assert!(
                (1..=5).any(|r| (1..=5).any(|fm| RfmSegment::of_cell(r, fm) == Some(s))),
                "{s:?}"
            );
        }
        for (r, fm) in [(0, 3), (6, 3), (3, 0), (3, 6)] {
            assert_eq!(RfmSegment::of_cell(r, fm), None, "off the map: {r},{fm}");
        }
    }

    #[test]
    fn fm_is_the_rounded_mean_table() {
        // (F, M) → FM: (F + M) / 2, halves rounded up.
        let cases = [
            ((1, 1), Some(1)),
            ((1, 2), Some(2)), // 1.5 → 2
            ((2, 3), Some(3)), // 2.5 → 3
            ((5, 4), Some(5)), // 4.5 → 5
            ((1, 5), Some(3)),
            ((4, 4), Some(4)),
            ((0, 3), None),
            ((3, 6), None),
        ];
        for ((f, m), want) in cases {
            assert_eq!(fm_score(f, m), want, "F {f} M {m}");
        }
    }

    #[test]
    fn segment_of_scores_table() {
        // (R, F, M) → segment, worked out by hand: FM first, then the map cell.
        let cases = [
            ([5, 5, 5], Some(Champion)),          // FM 5, row 5
            ([5, 4, 3], Some(Champion)),          // FM 3.5 → 4: Champion
            ([5, 1, 1], Some(New)),               // FM 1
            ([4, 4, 3], Some(Loyal)),             // FM 4, row 4
            ([4, 1, 2], Some(PotentialLoyalist)), // FM 1.5 → 2
            ([4, 1, 1], Some(Promising)),
            ([3, 2, 3], Some(NeedsAttention)), // FM 2.5 → 3
            ([3, 1, 1], Some(AboutToSleep)),
            ([2, 3, 3], Some(AtRisk)),
            ([2, 5, 4], Some(CannotLose)),  // FM 4.5 → 5
            ([2, 2, 1], Some(Hibernating)), // FM 1.5 → 2
            ([1, 1, 2], Some(Lost)),        // FM 2
            ([1, 3, 4], Some(CannotLose)),  // FM 3.5 → 4
            ([0, 3, 3], None),
        ];
        for (scores, want) in cases {
            assert_eq!(RfmSegment::of_scores(scores), want, "{scores:?}");
        }
    }

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 1, d).unwrap()
    }

    /// A customer whose log says: last purchase `recency` days before the reference date,
    /// `frequency` purchases, `monetary` yuan.
    fn logged(id: &str, recency: i64, frequency: u32, monetary: i64, cost: i64) -> Customer {
        Customer {
            id: id.into(),
            revenue: Money::from_major(monetary),
            cost_of_goods: Money::from_major(cost),
            rfm: Some(Rfm {
                reference_date: day(31),
                recency_days: recency,
                frequency,
                monetary: Money::from_major(monetary),
            }),
            ..Customer::default()
        }
    }

    #[test]
    fn scores_then_grid_by_hand_and_counts_add_up() {
        // Five customers with RFM, one without. With five values each quintile holds one
        // customer, so the scores are the ranks (5 best): recency 1 day is R 5, 40 days R 1.
        let customers = vec![
            logged("A", 1, 50, 5000, 1000),  // R5 F5 M5 → FM5 → Champion, profit 4000
            logged("B", 5, 40, 4000, 5000),  // R4 F4 M4 → FM4 → Loyal, profit −1000
            logged("C", 10, 30, 100, 0),     // R3 F3 M1 → FM2 → Needs attention
            logged("D", 20, 10, 3000, 0),    // R2 F1 M3 → FM2 → Hibernating
            logged("E", 40, 20, 2000, 2500), // R1 F2 M2 → FM2 → Lost, profit −500
            Customer {
                id: "F".into(),
                revenue: Money::from_major(700),
                ..Customer::default()
            },
        ];
        let seg = Segmentation::compute(&customers, &Settings::default());
        let scores: Vec<Option<[u8; 3]>> = seg.figures.iter().map(|f| f.rfm_scores).collect();
        assert_eq!(
            scores,
            [
                Some([5, 5, 5]),
                Some([4, 4, 4]),
                Some([3, 3, 1]),
                Some([2, 1, 3]),
                Some([1, 2, 2]),
                None
            ]
        );
        // The map applied by hand to those scores.
        let by_hand = [
            Some(Champion),
            Some(Loyal),
            Some(NeedsAttention),
            Some(Hibernating),
            Some(Lost),
            None,
        ];
        assert_eq!(segments(&seg), by_hand);

        let all: Vec<usize> = (0..customers.len()).collect();
        let map = segment_map(&customers, &seg, &all);
        assert_eq!(map.with_rfm() + map.without_rfm, customers.len());
        assert_eq!(map.without_rfm, 1);
        assert_eq!(
            map.cell(5, 5),
            CellTotals {
                customers: 1,
                revenue: 500_000,
                profit: 400_000
            }
        );
        assert_eq!(map.cell(4, 4).profit, -100_000);
        let by_segment = map.by_segment();
        assert_eq!(by_segment.iter().map(|c| c.customers).sum::<usize>(), 5);
        assert_eq!(by_segment[Lost as usize].customers, 1);
        assert_eq!(by_segment[Lost as usize].profit, -50_000);

        // Cross table: B (Loyal) and E (Lost) lose money, A (Champion) is key (class A).
        let cross = cross_table(&customers, &seg, &all);
        assert_eq!(cross[Loyal as usize][tier_column(Tier::LossMaking)].customers, 1);
        assert_eq!(cross[Lost as usize][tier_column(Tier::LossMaking)].customers, 1);
        assert_eq!(cross[Champion as usize][tier_column(Tier::Key)].customers, 1);
        let total: usize = cross.iter().flatten().map(|c| c.customers).sum();
        assert_eq!(total, 5);
    }

    #[test]
    fn keys_are_the_command_line_names() {
        let keys: Vec<&str> = RfmSegment::ALL.iter().map(|s| s.key()).collect();
        assert_eq!(
            keys,
            [
                "champion",
                "loyal",
                "potential_loyalist",
                "new",
                "promising",
                "needs_attention",
                "about_to_sleep",
                "at_risk",
                "cannot_lose",
                "hibernating",
                "lost"
            ]
        );
    }

    /// A segment adds up the revenue of its cells: with the five logged customers of
    /// `scores_then_grid_by_hand_and_counts_add_up`, Champion is A alone (¥5 000 revenue,
    /// ¥4 000 profit) and Lost is E alone (¥2 000, −¥500); the segments nobody is in are 0.
    #[test]
    fn by_segment_adds_up_revenue_and_profit() {
        let customers = vec![
            logged("A", 1, 50, 5000, 1000),
            logged("B", 5, 40, 4000, 5000),
            logged("C", 10, 30, 100, 0),
            logged("D", 20, 10, 3000, 0),
            logged("E", 40, 20, 2000, 2500),
        ];
        let seg = Segmentation::compute(&customers, &Settings::default());
        let by_segment = segment_map(&customers, &seg, &[0, 1, 2, 3, 4]).by_segment();
        assert_eq!(
            by_segment[Champion as usize],
            CellTotals {
                customers: 1,
                revenue: 500_000,
                profit: 400_000
            }
        );
        assert_eq!(
            by_segment[Lost as usize],
            CellTotals {
                customers: 1,
                revenue: 200_000,
                profit: -50_000
            }
        );
        assert_eq!(by_segment[New as usize], CellTotals::default());
    }
}
