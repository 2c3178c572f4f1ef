//! Value to the firm: profit, margin, ABC classes and tiers (DOMAIN.md §2–3).
//!
//! Everything here is derived from the scenario and never stored.

use std::sync::Arc;

use serde::{Deserialize, Serialize};

use super::{Customer, Settings};

/// Pareto class by profit.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum AbcClass {
    A,
    B,
    C,
}

/// How the firm treats a customer.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Tier {
    Key,
    General,
    LossMaking,
}

impl Tier {
    pub const ALL: [Self; 3] = [Self::Key, Self::General, Self::LossMaking];
}

/// Which rule put a customer in its tier; the UI words it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum TierReason {
    /// Profitable and class A; `a_count` top customers make `a_share_pct` of positive profit.
    ClassA { a_count: usize, a_share_pct: f64 },
    /// Profitable, not class A, but growth potential at or above the threshold.
    Growth { growth: u8, threshold: u8 },
    /// Profitable, neither class A nor high growth.
    General {
        class: AbcClass,
        growth: u8,
        threshold: u8,
    },
    /// Profit below zero.
    Loss,
}

/// Profit in minor units: revenue − cost of goods − cost to serve. Wide enough not to overflow.
#[must_use]
pub fn profit(customer: &Customer) -> i128 {
    i128::from(customer.revenue.0)
        - i128::from(customer.cost_of_goods.0)
        - i128::from(customer.cost_to_serve.0)
}

/// Profit / revenue, or `None` where revenue is zero.
#[must_use]
pub fn margin(customer: &Customer) -> Option<f64> {
    if customer.revenue.0 == 0 {
        None
    } else {
        Some(profit(customer) as f64 / customer.revenue.0 as f64)
    }
}

/// Converts a percentage to basis points, clamped to 0–100 %.
fn basis_points(pct: f64) -> i128 {
    if pct.is_nan() {
        return 0;
    }
    (pct.clamp(0.0, 100.0) * 100.0).round() as i128
}

/// ABC class per customer, in input order.
///
/// Customers are ranked by profit, descending, ties by id. Class A is the smallest top set whose
/// cumulative profit reaches `a_pct` of the total positive profit; B continues up to `b_pct`;
/// the rest are C, and so is every customer with profit ≤ 0.
#[must_use]
pub fn abc_classes(profits: &[i128], ids: &[&str], a_pct: f64, b_pct: f64) -> Vec<AbcClass> {
    let (order, ranked_profits) = rank(profits, |i| ids.get(i).copied(), None);
    abc_classes_in_order(profits.len(), &order, &ranked_profits, a_pct, b_pct)
}

/// The sum of the positive profits: what the ABC shares are shares of.
fn positive_total(profits: &[i128]) -> i128 {
    profits.iter().filter(|&&p| p > 0).sum()
}

/// [`abc_classes`] with the customers already ranked by [`by_profit`]: `order` and the profit
/// of each ranked customer, `ranked_profits` (read in sequence, not looked up by index).
fn abc_classes_in_order(
    len: usize,
    order: &[usize],
    ranked_profits: &[i128],
    a_pct: f64,
    b_pct: f64,
) -> Vec<AbcClass> {
    let mut classes = vec![AbcClass::C; len];
    let positive_total = positive_total(ranked_profits);
    if positive_total <= 0 {
        return classes;
    }
    let a_bp = basis_points(a_pct);
    let b_bp = basis_points(b_pct).max(a_bp);
    for (index, cumulative_before) in ranked_positive(order, ranked_profits) {
        // Included while the share before it is still short of the threshold, so the set
        // that crosses the threshold is the smallest one reaching it.
        let share_before = cumulative_before * 10_000;
        let Some(class) = classes.get_mut(index) else {
            continue;
        };
        *class = if share_before < a_bp * positive_total {
            AbcClass::A
        } else if share_before < b_bp * positive_total {
            AbcClass::B
        } else {
            AbcClass::C
        };
    }
    classes
}

/// Every customer's index, highest profit first, equal profits by id (then by index).
///
/// The ABC ranking and the whale curve both need this order; it is the one sort of a what-if
/// step. The profits are sorted beside their index, without looking anything up, and only
/// runs of equal profit are then put in id order.
#[must_use]
pub fn by_profit(profits: &[i128], ids: &[&str]) -> Vec<usize> {
    by_profit_near(profits, ids, None)
}

/// [`by_profit`], starting from `hint`, an earlier order of the same customers: after a small
/// change (one what-if slider step) they are nearly in order already, and a merge sort that
/// finds the sorted runs does far less work than sorting from scratch. The result does not
/// depend on the hint, which is ignored unless it orders every customer once.
///
/// When every profit fits in an `i64` (any real customer base: a profit is three `i64`
/// amounts), the profit and the index are packed into one `u128` whose integer order is
/// (profit descending, index ascending): a sort of plain integers, about three times faster
/// than the tuple sort at 100,000 customers, and the hint then does not pay for itself.
#[must_use]
pub fn by_profit_near(profits: &[i128], ids: &[&str], hint: Option<&[usize]>) -> Vec<usize> {
    rank(profits, |i| ids.get(i).copied(), hint).0
}

/// [`by_profit_near`] with each customer's id looked up only where profits tie, and the profit
/// of each ranked customer beside the order (for the ABC classes and the whale curve, which
/// then read the profits in sequence instead of by index all over memory).
fn rank<'a>(
    profits: &[i128],
    id_of: impl Fn(usize) -> Option<&'a str>,
    hint: Option<&[usize]>,
) -> (Vec<usize>, Vec<i128>) {
    use rayon::slice::ParallelSliceMut as _;
    // Packed keys: 64-bit ones when every profit fits beside the index (any real customer
    // base: 47 bits of profit at 100,000 customers, ±700 billion in major units), which sort
    // about twice as fast as the 128-bit ones used otherwise.
    let packed = Packing::narrow(profits.len())
        .and_then(|packing| sort_packed::<u64>(profits, packing, super::radix::sort_u64))
        .or_else(|| sort_packed::<u128>(profits, Packing::WIDE, |keys| keys.par_sort_unstable()));
    let (mut order, ranked_profits, tied_runs) = if let Some(sorted) = packed {
        sorted
    } else {
        let key = |i: usize| (std::cmp::Reverse(profits.get(i).copied().unwrap_or_default()), i);
        // (profit, index) is a total order, so any sort gives the same result.
        let keyed: Vec<(std::cmp::Reverse<i128>, usize)> =
            if let Some(hint) = hint.filter(|h| is_permutation(h, profits.len())) {
                let mut keyed: Vec<_> = hint.iter().map(|&i| key(i)).collect();
                keyed.par_sort();
                keyed
            } else {
                let mut keyed: Vec<_> = (0..profits.len()).map(key).collect();
                keyed.par_sort_unstable();
                keyed
            };
        let tied_runs = tied_runs(keyed.chunk_by(|a, b| a.0 == b.0).map(<[_]>::len));
        (
            keyed.iter().map(|&(_, i)| i).collect::<Vec<usize>>(),
            keyed.iter().map(|&(p, _)| p.0).collect(),
            tied_runs,
        )
    };
    for run in tied_runs {
        if let Some(tied) = order.get_mut(run) {
            // Stable: equal ids stay in index order. The profits of a run are all equal, so
            // they stay where they are.
            tied.sort_by(|&x, &y| id_of(x).cmp(&id_of(y)));
        }
    }
    (order, ranked_profits)
}

/// The positions of the runs longer than one, from the lengths of consecutive runs.
fn tied_runs(lengths: impl Iterator<Item = usize>) -> Vec<std::ops::Range<usize>> {
    let mut runs = Vec::new();
    let mut start = 0;
    for len in lengths {
        if len > 1 {
            runs.push(start..start + len);
        }
        start += len;
    }
    runs
}

/// How a customer's (profit, index) is packed into one unsigned integer whose order is (profit
/// descending, index ascending): the index in the low `index_bits`, above it the profit,
/// offset to be non-negative and reversed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Packing {
    index_bits: u32,
    profit_bits: u32,
}

/// A packed key: `u64` (the usual case) or `u128`. The packing's arithmetic is done in the key's
/// own width, so the usual 64-bit keys never pay for 128-bit shifts.
trait PackedKey:
    Copy
    + Ord
    + Send
    + From<u64>
    + TryInto<u64>
    + std::ops::Shl<u32, Output = Self>
    + std::ops::Shr<u32, Output = Self>
    + std::ops::BitOr<Output = Self>
    + std::ops::BitAnd<Output = Self>
{
}

impl PackedKey for u64 {}
impl PackedKey for u128 {}

impl Packing {
    /// 128-bit keys: any index, any profit that fits an `i64`.
    const WIDE: Self = Self {
        index_bits: 64,
        profit_bits: 64,
    };

    /// 64-bit keys for `len` customers: as many bits as the largest index needs, the rest for
    /// the profit.
    fn narrow(len: usize) -> Option<Self> {
        let index_bits = (usize::BITS - len.saturating_sub(1).leading_zeros()).max(1);
        (index_bits < 48).then_some(Self {
            index_bits,
            profit_bits: 64 - index_bits,
        })
    }

    /// Half the profit range: profits from −half to half − 1 fit.
    fn half(self) -> i128 {
        1 << (self.profit_bits - 1)
    }

    fn profit_fits(self, profit: i128) -> bool {
        (-self.half()..self.half()).contains(&profit)
    }

    fn index_fits(self, index: usize) -> bool {
        u64::try_from(index).is_ok_and(|i| i >> 1 >> (self.index_bits - 1) == 0)
    }

    /// The key of a profit and an index that fit (see [`Self::pack`]).
    fn key<K: PackedKey>(self, profit: i128, index: usize) -> K {
        // The largest profit gets the smallest key: half − 1 − profit runs from 0 (the largest
        // profit that fits) to 2·half − 1, at most `profit_bits` (≤ 64) bits.
        let descending = (self.half() - 1 - profit) as u64;
        (K::from(descending) << self.index_bits) | K::from(index as u64)
    }

    #[cfg(test)]
    fn pack(self, profit: i128, index: usize) -> Option<u128> {
        (self.profit_fits(profit) && self.index_fits(index)).then(|| self.key(profit, index))
    }

    /// The bits that hold the profit: equal exactly when the profits are.
    fn profit_part<K: PackedKey>(self, key: K) -> u64 {
        // At most `profit_bits` (≤ 64) bits remain.
        (key >> self.index_bits).try_into().unwrap_or(u64::MAX)
    }

    fn profit<K: PackedKey>(self, key: K) -> i128 {
        self.half() - 1 - i128::from(self.profit_part(key))
    }

    fn index<K: PackedKey>(self, key: K) -> usize {
        let mask = K::from(u64::MAX >> (64 - self.index_bits));
        // At most `index_bits` bits, which came from a `usize`.
        (key & mask).try_into().unwrap_or(u64::MAX) as usize
    }
}

/// The customers ranked by keys of type `K` packed as `packing` says and sorted by `sort`: the
/// order, the ranked profits and the runs of equal profit; `None` when a profit or index does
/// not fit.
#[expect(
    clippy::type_complexity,
    reason = "the three parts of a ranking, named where used"
)]
fn sort_packed<K: PackedKey>(
    profits: &[i128],
    packing: Packing,
    sort: impl FnOnce(&mut Vec<K>),
) -> Option<(Vec<usize>, Vec<i128>, Vec<std::ops::Range<usize>>)> {
    if !packing.index_fits(profits.len().saturating_sub(1)) {
        return None;
    }
    // Sized up front: collecting into `Option<Vec>` would grow (and copy) the vector.
    let mut keys: Vec<K> = Vec::with_capacity(profits.len());
    for (i, &p) in profits.iter().enumerate() {
        if !packing.profit_fits(p) {
            return None;
        }
        keys.push(packing.key(p, i));
    }
    // Keys are unique (the index is in them), so any sort gives the one order.
    sort(&mut keys);
    // Equal profits are found in the sorted keys themselves, read in sequence.
    let tied_runs = tied_runs(
        keys.chunk_by(|&a, &b| packing.profit_part(a) == packing.profit_part(b))
            .map(<[K]>::len),
    );
    let (order, ranked_profits) = keys
        .iter()
        .map(|&k| (packing.index(k), packing.profit(k)))
        .unzip();
    Some((order, ranked_profits, tied_runs))
}

/// True when `order` holds each of `0..len` once.
fn is_permutation(order: &[usize], len: usize) -> bool {
    if order.len() != len {
        return false;
    }
    let mut seen = vec![false; len];
    order
        .iter()
        .all(|&i| seen.get_mut(i).is_some_and(|s| !std::mem::replace(s, true)))
}

/// The customers with positive profit in rank order (`order` from [`by_profit`], with the
/// profit of each ranked customer in `ranked_profits`), with the profit ranked before each.
fn ranked_positive<'a>(
    order: &'a [usize],
    ranked_profits: &'a [i128],
) -> impl Iterator<Item = (usize, i128)> + 'a {
    let mut cumulative = 0_i128;
    order
        .iter()
        .zip(ranked_profits)
        .take_while(|&(_, &p)| p > 0)
        .map(move |(&i, &p)| {
            let before = cumulative;
            cumulative += p;
            (i, before)
        })
}

/// The tier the rules give, and why.
#[must_use]
pub fn computed_tier(
    profit: i128,
    class: AbcClass,
    growth: u8,
    settings: &Settings,
    a_summary: (usize, f64),
) -> (Tier, TierReason) {
    let threshold = settings.growth_threshold;
    if profit < 0 {
        (Tier::LossMaking, TierReason::Loss)
    } else if class == AbcClass::A {
        (
            Tier::Key,
            TierReason::ClassA {
                a_count: a_summary.0,
                a_share_pct: a_summary.1,
            },
        )
    } else if growth >= threshold {
        (Tier::Key, TierReason::Growth { growth, threshold })
    } else {
        (
            Tier::General,
            TierReason::General {
                class,
                growth,
                threshold,
            },
        )
    }
}

/// What segmentation reads of one customer, packed into 32 bytes: a what-if step over
/// 100,000 customers then reads 3 MB in sequence instead of every 336-byte customer.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct AmountRow {
    /// Minor units, as in the customer.
    pub revenue: i64,
    pub cost_of_goods: i64,
    pub cost_to_serve: i64,
    pub growth: u8,
    /// The tier set by hand, if any.
    pub override_tier: Option<Tier>,
    pub has_rfm: bool,
}

impl AmountRow {
    #[must_use]
    pub fn of(customer: &Customer) -> Self {
        Self {
            revenue: customer.revenue.0,
            cost_of_goods: customer.cost_of_goods.0,
            cost_to_serve: customer.cost_to_serve.0,
            growth: customer.growth_potential,
            override_tier: customer.tier_override.as_ref().map(|o| o.tier),
            has_rfm: customer.rfm.is_some(),
        }
    }

    /// Profit with these amounts, as [`profit`] computes it for the customer.
    #[must_use]
    pub fn profit(&self) -> i128 {
        i128::from(self.revenue) - i128::from(self.cost_of_goods) - i128::from(self.cost_to_serve)
    }
}

/// The [`AmountRow`] of every customer, in scenario order: made once per scenario revision,
/// then read by every what-if step.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct AmountTable(Vec<AmountRow>);

impl AmountTable {
    #[must_use]
    pub fn new(customers: &[Customer]) -> Self {
        use rayon::prelude::*;
        Self(customers.par_iter().map(AmountRow::of).collect())
    }

    #[must_use]
    pub fn rows(&self) -> &[AmountRow] {
        &self.0
    }
}

/// `value as f64`: the same nearest double, converted as an i64 (one instruction) when it
/// fits, where an i128 conversion is a library call.
pub(crate) fn as_f64(value: i128) -> f64 {
    match i64::try_from(value) {
        Ok(narrow) => narrow as f64,
        Err(_) => wide_as_f64(value),
    }
}

/// The i128 conversion, out of line: written inline, the compiler converts both ways and
/// picks one afterwards, so the library call ran for every value (a profile showed it).
#[cold]
#[inline(never)]
fn wide_as_f64(value: i128) -> f64 {
    value as f64
}

/// Everything derived for one customer.
#[derive(Clone, Debug, PartialEq)]
pub struct CustomerFigures {
    pub profit: i128,
    pub margin: Option<f64>,
    pub class: AbcClass,
    /// The tier the rules give.
    pub computed_tier: Tier,
    pub reason: TierReason,
    /// The tier in effect: the override where there is one.
    pub tier: Tier,
    /// RFM quintile scores (recency, frequency, monetary; 5 best) among the customers that
    /// have transaction data.
    pub rfm_scores: Option<[u8; 3]>,
}

/// The derived figures of a whole customer base, computed once per edit.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Segmentation {
    /// One per customer, in scenario order.
    pub figures: Vec<CustomerFigures>,
    pub revenue_total: i128,
    pub profit_total: i128,
    /// Number of class A customers and the share (%) of positive profit they make.
    pub a_count: usize,
    pub a_share_pct: f64,
    /// Every customer's index, highest profit first (ties by id): see [`by_profit`]. Shared,
    /// not copied, by the whale curve of everyone.
    pub by_profit: Arc<Vec<usize>>,
    /// The profit of each customer in [`Self::by_profit`], in that order.
    pub ranked_profits: Arc<Vec<i128>>,
    /// Customers per tier in effect and per class, counted when the figures were made (a
    /// what-if step shows them every frame; counting 100,000 figures each time would not do).
    counts: ([usize; 3], [usize; 3]),
    /// Each customer's tier in effect again, one byte each: what the whale chart's bars look
    /// up by rank, all over the customers, without reading the large figures.
    tiers: Vec<Tier>,
}

impl Segmentation {
    /// Derives profit, margin, class and tier for every customer.
    #[must_use]
    pub fn compute(customers: &[Customer], settings: &Settings) -> Self {
        Self::compute_near(customers, settings, None)
    }

    /// [`Self::compute`], ranking the customers from `previous`'s order when there is one
    /// (see [`by_profit_near`]): a what-if step over the same customers. Same result.
    #[must_use]
    pub fn compute_near(customers: &[Customer], settings: &Settings, previous: Option<&Self>) -> Self {
        Self::compute_from_table(&AmountTable::new(customers), customers, settings, previous, |r| {
            (r.revenue, r.cost_to_serve)
        })
    }

    /// [`Self::compute_near`] as if each customer's revenue and cost to serve were
    /// `amounts(row)` (minor units), read from `table`, the customers' [`AmountTable`]: the
    /// segmentation of changed copies without making any. A what-if step at 100,000
    /// customers reads the compact table in sequence; `customers` is read only for the ids of
    /// customers whose profits tie and for RFM data. A table of other customers is made again.
    #[must_use]
    pub fn compute_from_table(
        table: &AmountTable,
        customers: &[Customer],
        settings: &Settings,
        previous: Option<&Self>,
        amounts: impl Fn(&AmountRow) -> (i64, i64) + Sync,
    ) -> Self {
        use rayon::prelude::*;
        if table.rows().len() != customers.len() {
            return Self::compute_from_table(
                &AmountTable::new(customers),
                customers,
                settings,
                previous,
                amounts,
            );
        }
        let rows = table.rows();
        let profits: Vec<i128> = rows
            .par_iter()
            .map(|row| {
                let (revenue, cost_to_serve) = amounts(row);
                i128::from(revenue) - i128::from(row.cost_of_goods) - i128::from(cost_to_serve)
            })
            .collect();
        let (order, ranked_profits) = rank(
            &profits,
            |i| customers.get(i).map(|c| c.id.as_str()),
            previous.map(|p| p.by_profit.as_slice()),
        );
        let classes = abc_classes_in_order(
            profits.len(),
            &order,
            &ranked_profits,
            settings.a_threshold_pct,
            settings.b_threshold_pct,
        );
        let positive_total = positive_total(&ranked_profits);
        let (a_count, a_profit) = order
            .iter()
            .zip(&ranked_profits)
            .take_while(|&(&i, _)| classes.get(i) == Some(&AbcClass::A))
            .fold((0_usize, 0_i128), |(n, sum), (_, &p)| (n + 1, sum + p));
        let a_share_pct = if positive_total > 0 {
            a_profit as f64 * 100.0 / positive_total as f64
        } else {
            0.0
        };
        let (mut figures, tiers): (Vec<CustomerFigures>, Vec<Tier>) = rows
            .par_iter()
            .zip(profits.par_iter().zip(&classes))
            .map(|(row, (&profit, &class))| {
                let revenue = amounts(row).0;
                let (computed, reason) =
                    computed_tier(profit, class, row.growth, settings, (a_count, a_share_pct));
                let tier = row.override_tier.unwrap_or(computed);
                let figures = CustomerFigures {
                    profit,
                    // As `margin` computes it, on the changed amounts.
                    margin: (revenue != 0).then(|| as_f64(profit) / revenue as f64),
                    class,
                    computed_tier: computed,
                    reason,
                    tier,
                    rfm_scores: None,
                };
                (figures, tier)
            })
            .unzip();
        let with_rfm: Vec<(usize, &super::Rfm)> = rows
            .iter()
            .enumerate()
            .filter(|(_, r)| r.has_rfm)
            .filter_map(|(i, _)| Some((i, customers.get(i)?.rfm.as_ref()?)))
            .collect();
        let rfms: Vec<&super::Rfm> = with_rfm.iter().map(|(_, r)| *r).collect();
        for ((i, _), scores) in with_rfm.iter().zip(super::rfm::rfm_scores(&rfms)) {
            if let Some(f) = figures.get_mut(*i) {
                f.rfm_scores = Some(scores);
            }
        }
        let mut tier_counts = [0; 3];
        for tier in &tiers {
            tier_counts[*tier as usize] += 1;
        }
        let mut class_counts = [0; 3];
        for c in &classes {
            class_counts[*c as usize] += 1;
        }
        Self {
            figures,
            revenue_total: rows.par_iter().map(|r| i128::from(amounts(r).0)).sum(),
            profit_total: ranked_profits.iter().sum(),
            a_count,
            a_share_pct,
            by_profit: Arc::new(order),
            ranked_profits: Arc::new(ranked_profits),
            counts: (tier_counts, class_counts),
            tiers,
        }
    }

    /// Customers per tier in effect: key, general, loss-making.
    #[must_use]
    pub fn tier_counts(&self) -> [usize; 3] {
        self.counts.0
    }

    /// Customers per ABC class: A, B, C.
    #[must_use]
    pub fn class_counts(&self) -> [usize; 3] {
        self.counts.1
    }

    /// The tier in effect of customer `index`, if there is one.
    #[must_use]
    pub fn tier_of(&self, index: usize) -> Option<Tier> {
        self.tiers.get(index).copied()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Money, TierOverride};

    #[test]
    fn the_profit_order_is_the_comparison_sort_with_ties_by_id() {
        let mut x: u64 = 17;
        let mut next = || {
            x = x
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            x >> 33
        };
        // Few distinct profits and ids, so ties (and equal ids) are common.
        let profits: Vec<i128> = (0..5000).map(|_| i128::from(next() % 40) - 10).collect();
        let ids: Vec<String> = (0..5000).map(|_| format!("C{}", next() % 3000)).collect();
        let ids: Vec<&str> = ids.iter().map(String::as_str).collect();
        let mut expected: Vec<usize> = (0..profits.len()).collect();
        expected.sort_by(|&a, &b| profits[b].cmp(&profits[a]).then_with(|| ids[a].cmp(ids[b])));
        assert_eq!(by_profit(&profits, &ids), expected);
        // Any earlier order as the start gives the same; a broken one is ignored.
        let reversed: Vec<usize> = expected.iter().rev().copied().collect();
        assert_eq!(by_profit_near(&profits, &ids, Some(&reversed)), expected);
        assert_eq!(by_profit_near(&profits, &ids, Some(&[0, 0, 1])), expected);
        // A start that names only some customers, each once, is not an order of all of them.
        assert_eq!(by_profit_near(&profits, &ids, Some(&[0, 1, 2])), expected);
        let mut twice = expected.clone();
        twice[1] = twice[0];
        assert_eq!(by_profit_near(&profits, &ids, Some(&twice)), expected);
        // The start is read only by the comparison sort (a profit beyond an i64): there too
        // a start naming a customer twice, or too few of them, is ignored.
        let huge = [1, i128::from(i64::MAX) + 1, -2];
        let ids = ["A", "B", "C"];
        for hint in [&[0, 0, 1][..], &[2, 1], &[1, 0, 2, 2]] {
            assert_eq!(by_profit_near(&huge, &ids, Some(hint)), [1, 0, 2], "{hint:?}");
        }
        assert_eq!(by_profit_near(&huge, &ids, Some(&[2, 0, 1])), [1, 0, 2]);
    }

    #[test]
    fn the_ranked_profits_are_the_profits_in_rank_order_on_both_sort_paths() {
        // Packed keys (every profit fits an i64), including the extremes of an i64 ...
        let packed = [5, i128::from(i64::MIN), -3, i128::from(i64::MAX), 0, 5];
        let ids = ["F", "E", "D", "C", "B", "A"];
        // ... and the tuple sort (one profit beyond an i64, or every one: no key is ever made).
        let wide = [5, i128::from(i64::MAX) + 1, -3, 0];
        let beyond = [
            i128::from(i64::MAX) + 1,
            i128::from(i64::MIN) - 1,
            i128::from(i64::MAX) + 7,
        ];
        for (profits, expected_order) in [
            (&packed[..], vec![3, 5, 0, 4, 2, 1]),
            (&wide[..], vec![1, 0, 3, 2]),
            (&beyond[..], vec![2, 0, 1]),
        ] {
            let (order, ranked) = rank(profits, |i| ids.get(i).copied(), None);
            assert_eq!(order, expected_order);
            let by_hand: Vec<i128> = expected_order.iter().map(|&i| profits[i]).collect();
            assert_eq!(ranked, by_hand);
        }
    }

    #[test]
    fn narrow_keys_hold_the_profits_that_fit_beside_the_index_and_wider_ones_rank_the_same() {
        // Six customers: the largest index, 5, needs 3 bits, leaving 61 for the profit, so
        // profits from −2^60 to 2^60 − 1 fit a 64-bit key.
        let packing = Packing::narrow(6).expect("six customers fit");
        assert_eq!(
            packing,
            Packing {
                index_bits: 3,
                profit_bits: 61
            }
        );
        let edge = 1_i128 << 60;
        for (profit, index) in [(edge - 1, 5), (-edge, 0), (0, 3), (-1, 4)] {
            let key = packing.pack(profit, index).expect("fits");
            assert!(key <= u128::from(u64::MAX));
            assert_eq!((packing.profit(key), packing.index(key)), (profit, index));
        }
        assert_eq!(packing.pack(edge, 0), None, "2^60 does not fit in 61 bits");
        assert_eq!(packing.pack(-edge - 1, 0), None);
        assert_eq!(packing.pack(0, 8), None, "index 8 needs a fourth bit");
        // Larger keys sort first: the largest profit, and for equal profits the lower index.
        assert!(packing.pack(3, 5) < packing.pack(2, 0));
        assert!(packing.pack(2, 1) < packing.pack(2, 4));
        // One customer still gets a bit for its index.
        assert_eq!(Packing::narrow(1).map(|p| p.index_bits), Some(1));
        // Profits at and past the edge: one past it sends the whole ranking to 128-bit keys,
        // which rank as the comparison sort does (by profit descending, then id).
        let ids = ["B", "A", "C", "D", "E", "F"];
        for profits in [
            [edge - 1, -edge, 7, 7, -1, 0],
            [edge, -edge, 7, 7, -1, 0],
            [edge - 1, -edge - 1, 7, 7, -1, 0],
        ] {
            let (order, ranked) = rank(&profits, |i| ids.get(i).copied(), None);
            let mut expected: Vec<usize> = (0..6).collect();
            expected.sort_by(|&a, &b| profits[b].cmp(&profits[a]).then(ids[a].cmp(ids[b])));
            assert_eq!(order, expected, "{profits:?}");
            assert_eq!(ranked, expected.iter().map(|&i| profits[i]).collect::<Vec<_>>());
        }
    }

    #[test]
    fn counts_and_ranked_profits_come_with_the_figures() {
        // Profits 300, 200, -100, 100 (×100 minor units); default thresholds A 80 %, B 95 %,
        // growth 4. Positive total 600: A while the share before is < 80 %: C1 (0 %), C2
        // (50 %), C4 (83 %) is B (< 95 %). C3 loses money. Tiers: C1, C2 key (A); C4 growth 5
        // ≥ 4, key; C3 loss-making.
        let table = [
            ("C1", 600, 100, 1),
            ("C2", 700, 100, 1),
            ("C3", 900, 200, 1),
            ("C4", 800, 100, 5),
        ];
        let customers: Vec<Customer> = table
            .iter()
            .map(|&(id, cogs, cts, growth)| customer(id, 1000, cogs, cts, growth))
            .collect();
        let seg = Segmentation::compute(&customers, &Settings::default());
        assert_eq!(*seg.by_profit, vec![0, 1, 3, 2]);
        assert_eq!(*seg.ranked_profits, vec![30_000, 20_000, 10_000, -10_000]);
        assert_eq!(seg.class_counts(), [2, 1, 1]);
        assert_eq!(seg.tier_counts(), [3, 0, 1]);
        let tiers: Vec<Option<Tier>> = (0..5).map(|i| seg.tier_of(i)).collect();
        assert_eq!(
            tiers,
            [
                Some(Tier::Key),
                Some(Tier::Key),
                Some(Tier::LossMaking),
                Some(Tier::Key),
                None
            ]
        );
        // A table of other customers (here: none) is made again from the customers.
        let again = Segmentation::compute_from_table(
            &AmountTable::default(),
            &customers,
            &Settings::default(),
            None,
            |r| (r.revenue, r.cost_to_serve),
        );
        assert_eq!(again, seg);
    }

    fn customer(id: &str, revenue: i64, cogs: i64, cts: i64, growth: u8) -> Customer {
        Customer {
            id: id.to_owned(),
            revenue: Money::from_major(revenue),
            cost_of_goods: Money::from_major(cogs),
            cost_to_serve: Money::from_major(cts),
            growth_potential: growth,
            ..Customer::default()
        }
    }

    #[test]
    fn profit_and_margin_table() {
        let cases = [
            ((1000, 600, 100), 30_000, Some(0.3)),
            ((1000, 600, 500), -10_000, Some(-0.1)),
            ((0, 0, 0), 0, None),
            ((0, 10, 0), -1_000, None),
        ];
        for ((rev, cogs, cts), expected_profit, expected_margin) in cases {
            let c = customer("X", rev, cogs, cts, 3);
            assert_eq!(profit(&c), expected_profit, "profit of {rev}/{cogs}/{cts}");
            match (margin(&c), expected_margin) {
                (Some(m), Some(e)) => assert!((m - e).abs() < 1e-12, "margin {m} vs {e}"),
                (m, e) => assert_eq!(m, e),
            }
        }
    }

    #[test]
    fn profit_never_overflows() {
        let c = Customer {
            revenue: Money(i64::MAX),
            cost_of_goods: Money(i64::MIN),
            cost_to_serve: Money(i64::MIN),
            ..Customer::default()
        };
        assert_eq!(profit(&c), i128::from(i64::MAX) - 2 * i128::from(i64::MIN));
    }

    /// Amounts as floats for shares and margins: within an i64 and beyond it, each the nearest
    /// double (powers of two are exact: 2^63 is one past `i64::MAX`, −2^70 far below `i64::MIN`).
    #[test]
    fn amounts_convert_to_the_nearest_double_beyond_an_i64_too() {
        let two = |n: i32| 2_f64.powi(n);
        for (value, expected) in [
            (0, 0.0),
            (-12_345, -12_345.0),
            (i128::from(i64::MAX) + 1, two(63)),
            (-(1_i128 << 70), -two(70)),
            (3 << 100, 3.0 * two(100)),
        ] {
            assert_eq!(as_f64(value).to_bits(), expected.to_bits(), "{value}");
        }
    }

    #[test]
    fn abc_table() {
        use AbcClass::{A, B, C};
        // (profits, expected classes) with A = 80 %, B = 95 %.
        let cases: &[(&[i128], &[AbcClass])] = &[
            // 50+30 = 80 reaches A exactly; 15 takes B to 95; 5 is C.
            (&[50, 30, 15, 5], &[A, A, B, C]),
            // 60 is short of 80, 60+30 crosses it, so both are A.
            (&[60, 30, 6, 4], &[A, A, B, C]),
            // One dominant customer makes A alone.
            (&[90, 5, 3, 2], &[A, B, C, C]),
            // Loss-makers and zero are always C and don't count in the total.
            (&[50, -40, 50, 0], &[A, C, A, C]),
            // No positive profit: everyone is C.
            (&[-1, 0, -5], &[C, C, C]),
            (&[], &[]),
        ];
        for (profits, expected) in cases {
            let ids: Vec<String> = (0..profits.len()).map(|i| format!("C{i:03}")).collect();
            let id_refs: Vec<&str> = ids.iter().map(String::as_str).collect();
            assert_eq!(
                &abc_classes(profits, &id_refs, 80.0, 95.0),
                expected,
                "profits {profits:?}"
            );
        }
    }

    #[test]
    fn abc_ties_are_broken_by_id() {
        // Equal profits: the lower id ranks first, so it gets A and the other one B.
        let profits = [40, 40, 20];
        assert_eq!(
            abc_classes(&profits, &["C2", "C1", "C3"], 40.0, 90.0),
            vec![AbcClass::B, AbcClass::A, AbcClass::B]
        );
        assert_eq!(
            abc_classes(&profits, &["C1", "C2", "C3"], 40.0, 90.0),
            vec![AbcClass::A, AbcClass::B, AbcClass::B]
        );
    }

    /// Thresholds out of order or not numbers: B never ends below A, NaN counts as 0 %, and
    /// percentages are clamped to 0–100. Profits 50, 30, 15, 5 (total 100): A at 80 % takes
    /// the first two (share before them 0 and 50), B at 95 % the third (80), C the last (95).
    #[test]
    fn abc_with_odd_thresholds() {
        use AbcClass::{A, B, C};
        let profits = [50, 30, 15, 5];
        let ids = ["C1", "C2", "C3", "C4"];
        let cases: &[(f64, f64, &[AbcClass])] = &[
            (80.0, 95.0, &[A, A, B, C]),
            // B below A is raised to A: no customer is B.
            (80.0, 50.0, &[A, A, C, C]),
            (80.0, f64::NAN, &[A, A, C, C]),
            // A as NaN is 0 %: nobody is A, B still runs to 95 %.
            (f64::NAN, 95.0, &[B, B, B, C]),
            (f64::NAN, f64::NAN, &[C, C, C, C]),
            // Out of range: clamped.
            (150.0, 200.0, &[A, A, A, A]),
            (-10.0, 95.0, &[B, B, B, C]),
            (0.0, 0.0, &[C, C, C, C]),
            (100.0, 100.0, &[A, A, A, A]),
        ];
        for (a, b, expected) in cases {
            assert_eq!(&abc_classes(&profits, &ids, *a, *b), expected, "a {a}, b {b}");
        }
    }

    /// Each rule gives its own reason, in the order loss, class A, growth, general.
    #[test]
    fn tier_reasons_table() {
        let settings = Settings::default(); // growth threshold 4
        let summary = (2, 80.0);
        let class_a = TierReason::ClassA {
            a_count: 2,
            a_share_pct: 80.0,
        };
        let cases = [
            ((-1, AbcClass::A, 5), (Tier::LossMaking, TierReason::Loss)),
            ((-1, AbcClass::C, 1), (Tier::LossMaking, TierReason::Loss)),
            ((100, AbcClass::A, 5), (Tier::Key, class_a)),
            ((100, AbcClass::A, 0), (Tier::Key, class_a)),
            (
                (100, AbcClass::B, 4),
                (
                    Tier::Key,
                    TierReason::Growth {
                        growth: 4,
                        threshold: 4,
                    },
                ),
            ),
            (
                (0, AbcClass::C, 3),
                (
                    Tier::General,
                    TierReason::General {
                        class: AbcClass::C,
                        growth: 3,
                        threshold: 4,
                    },
                ),
            ),
            (
                (100, AbcClass::B, 3),
                (
                    Tier::General,
                    TierReason::General {
                        class: AbcClass::B,
                        growth: 3,
                        threshold: 4,
                    },
                ),
            ),
        ];
        for ((profit, class, growth), expected) in cases {
            assert_eq!(
                computed_tier(profit, class, growth, &settings, summary),
                expected,
                "profit {profit}, class {class:?}, growth {growth}"
            );
        }
        // The threshold comes from the settings.
        let strict = Settings {
            growth_threshold: 5,
            ..Settings::default()
        };
        assert_eq!(
            computed_tier(100, AbcClass::B, 4, &strict, summary).0,
            Tier::General
        );
    }

    /// The class A summary behind the "top N make X%" reason. Profits 100, 50, 30, 20, −5:
    /// positive total 200, A until 80 % (160): 100, 50 and 30 (150 before it), so 3 customers
    /// making 180 of 200 = 90 %. With no positive profit the share is 0, not NaN.
    #[test]
    fn class_a_count_and_share() {
        let customers = vec![
            customer("C1", 100, 0, 0, 1),
            customer("C2", 50, 0, 0, 1),
            customer("C3", 30, 0, 0, 1),
            customer("C4", 20, 0, 0, 1),
            customer("C5", 0, 0, 5, 1),
        ];
        let seg = Segmentation::compute(&customers, &Settings::default());
        assert_eq!(seg.a_count, 3);
        assert!((seg.a_share_pct - 90.0).abs() < 1e-9, "{}", seg.a_share_pct);
        let losses = vec![customer("C1", 0, 0, 5, 1), customer("C2", 10, 20, 0, 1)];
        let seg = Segmentation::compute(&losses, &Settings::default());
        assert_eq!(seg.a_count, 0);
        assert_eq!(seg.a_share_pct.to_bits(), 0.0_f64.to_bits());
    }

    #[test]
    fn tier_table() {
        let settings = Settings::default(); // growth threshold 4
        let summary = (2, 80.0);
        let cases = [
            // (profit, class, growth) -> tier
            (100, AbcClass::A, 1, Tier::Key),
            (100, AbcClass::B, 4, Tier::Key),
            (100, AbcClass::B, 3, Tier::General),
            (0, AbcClass::C, 3, Tier::General),
            (0, AbcClass::C, 5, Tier::Key),
            (-1, AbcClass::C, 5, Tier::LossMaking),
        ];
        for (profit, class, growth, expected) in cases {
            let (tier, _) = computed_tier(profit, class, growth, &settings, summary);
            assert_eq!(
                tier, expected,
                "profit {profit}, class {class:?}, growth {growth}"
            );
        }
    }

    proptest::proptest! {
        /// `Segmentation::compute` (one pass, packed ranking, in parallel) against the rules
        /// written out plainly: a comparison sort, the ABC walk, `computed_tier` per customer.
        #[test]
        fn compute_matches_the_plain_rules(
            rows in proptest::collection::vec((0_i64..40, 0_i64..30, 0_i64..30, 1_u8..=5, 0_u8..12, 0_u8..3), 0..150),
            a in 50.0_f64..99.0,
            b in 50.0_f64..100.0,
            growth_threshold in 1_u8..=5,
        ) {
            let customers: Vec<Customer> = rows
                .iter()
                .map(|&(revenue, cogs, cts, growth, id, flag)| Customer {
                    tier_override: (flag == 1).then(|| TierOverride {
                        tier: Tier::General,
                        reason: "Contract".to_owned(),
                    }),
                    ..customer(&format!("C{id}"), revenue - 5, cogs, cts, growth)
                })
                .collect();
            let settings = Settings {
                a_threshold_pct: a,
                b_threshold_pct: b,
                growth_threshold,
                ..Settings::default()
            };
            let seg = Segmentation::compute(&customers, &settings);
            let profits: Vec<i128> = customers.iter().map(profit).collect();
            let mut order: Vec<usize> = (0..customers.len()).collect();
            order.sort_by(|&x, &y| {
                profits[y].cmp(&profits[x]).then_with(|| customers[x].id.cmp(&customers[y].id))
            });
            proptest::prop_assert_eq!(&*seg.by_profit, &order);
            let positive: i128 = profits.iter().filter(|&&p| p > 0).sum();
            let mut classes = vec![AbcClass::C; customers.len()];
            let mut before = 0_i128;
            for &i in order.iter().take_while(|&&i| profits[i] > 0) {
                let share = before * 10_000;
                classes[i] = if share < basis_points(a) * positive {
                    AbcClass::A
                } else if share < basis_points(b).max(basis_points(a)) * positive {
                    AbcClass::B
                } else {
                    AbcClass::C
                };
                before += profits[i];
            }
            let a_count = classes.iter().filter(|c| **c == AbcClass::A).count();
            proptest::prop_assert_eq!(seg.a_count, a_count);
            for (i, c) in customers.iter().enumerate() {
                let f = &seg.figures[i];
                proptest::prop_assert_eq!(f.profit, profits[i]);
                proptest::prop_assert_eq!(f.margin, margin(c));
                proptest::prop_assert_eq!(f.class, classes[i]);
                let (tier, reason) =
                    computed_tier(profits[i], classes[i], c.growth_potential, &settings, (a_count, seg.a_share_pct));
                proptest::prop_assert_eq!(f.computed_tier, tier);
                proptest::prop_assert_eq!(f.reason, reason);
                proptest::prop_assert_eq!(f.tier, c.tier_override.as_ref().map_or(tier, |o| o.tier));
            }
            proptest::prop_assert_eq!(seg.profit_total, profits.iter().sum::<i128>());
            proptest::prop_assert_eq!(
                seg.revenue_total,
                customers.iter().map(|c| i128::from(c.revenue.0)).sum::<i128>()
            );
        }
    }

    #[test]
    fn segmentation_counts_and_override() {
        let mut customers = vec![
            customer("C1", 1000, 500, 100, 2), // 400 profit
            customer("C2", 500, 300, 100, 2),  // 100
            customer("C3", 300, 200, 50, 5),   // 50, growth 5
            customer("C4", 800, 600, 400, 5),  // -200
        ];
        let seg = Segmentation::compute(&customers, &Settings::default());
        // Positive profit 550; 400 alone is short of 80 % (440), so C1 and C2 are A.
        assert_eq!(seg.class_counts(), [2, 1, 1]);
        assert_eq!(seg.tier_counts(), [3, 0, 1]);
        assert_eq!(seg.profit_total, 35_000);
        assert_eq!(seg.revenue_total, 260_000);
        assert_eq!(seg.a_count, 2);
        assert!((seg.a_share_pct - 500.0 / 550.0 * 100.0).abs() < 1e-9);
        assert!(matches!(
            seg.figures[2].reason,
            TierReason::Growth {
                growth: 5,
                threshold: 4
            }
        ));

        customers[2].tier_override = Some(TierOverride {
            tier: Tier::General,
            reason: "One-off project, no repeat business".to_owned(),
        });
        let seg = Segmentation::compute(&customers, &Settings::default());
        assert_eq!(seg.figures[2].tier, Tier::General);
        assert_eq!(seg.figures[2].computed_tier, Tier::Key);
        assert_eq!(seg.tier_counts(), [2, 1, 1]);
    }
}
