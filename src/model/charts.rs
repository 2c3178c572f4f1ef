//! The series every chart on the Charts page draws, and the what-if that re-tiers a copy.
//!
//! Plain data built from the customers and their segmentation: no egui, no I/O, no clock.
//! Every function takes a *scope*, the indices of the customers a chart covers (all of them,
//! or the rows the Customers table's filter keeps), and returns customer indices into the
//! full list so a click on a chart can select the customer.
//!
//! Scale: the drawing side never gets more than a few thousand elements. The whale curve's
//! bars are aggregated into rank buckets ([`whale_bars`]) and its line is decimated to evenly
//! spaced ranks that always keep the peak ([`decimate`]); the value matrix keeps one point
//! per cell of a fixed grid, the one with the largest revenue ([`value_matrix`]); the
//! delivered-value chart draws only the rows in view; the co-creation series are monthly
//! aggregates. So 100,000 customers cost one sort per edit, not per frame.

use std::collections::BTreeMap;
use std::sync::Arc;

use chrono::{Datelike, NaiveDate};

use super::csv_text::csv_line;
use super::segmentation::AmountTable;
use super::{AbcClass, Customer, Money, Scenario, Segmentation, Settings, Tier, valuation};

// ---- What-if ------------------------------------------------------------------------------

/// Changes to try on a copy of the scenario before applying them.
///
/// Percentages change every customer's amount; a threshold left `None` keeps the saved one.
#[derive(Clone, Copy, Debug, Default, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct WhatIf {
    /// Change of every customer's cost to serve, in % (−50 = halved).
    pub cost_to_serve_pct: f64,
    /// The cost-to-serve change applies only to customers that lose money before it (profit
    /// below zero with the saved amounts); the others keep theirs.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub cost_only_loss_makers: bool,
    /// Change of prices, so of every customer's revenue, in %.
    pub price_pct: f64,
    /// Class A threshold to try (% of positive profit); `None` keeps the saved one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub a_threshold_pct: Option<f64>,
    /// Class B threshold to try; never below A.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub b_threshold_pct: Option<f64>,
    /// Growth potential (1–5) at or above which a profitable customer is key.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub growth_threshold: Option<u8>,
}

impl WhatIf {
    /// True when applying it would change nothing.
    #[must_use]
    pub fn is_neutral(&self, saved: &Settings) -> bool {
        self.cost_to_serve_pct == 0.0 && self.price_pct == 0.0 && self.settings(saved) == *saved
    }

    /// The settings with the thresholds tried here.
    #[must_use]
    pub fn settings(&self, saved: &Settings) -> Settings {
        let mut settings = Settings {
            growth_threshold: self.growth_threshold.unwrap_or(saved.growth_threshold),
            ..saved.clone()
        };
        // B can never be below A (segmentation would treat it as A anyway); a saved pair is
        // left as it is, so an untouched what-if stays neutral.
        if let Some(a) = self.a_threshold_pct {
            settings.set_a_threshold(a);
        }
        if let Some(b) = self.b_threshold_pct {
            settings.b_threshold_pct = b.max(settings.a_threshold_pct);
        }
        settings
    }

    /// One customer with the price and cost-to-serve changes applied.
    #[must_use]
    pub fn adjust(&self, customer: &Customer) -> Customer {
        let mut copy = customer.clone();
        self.adjust_amounts(&mut copy);
        copy
    }

    /// Changes the amounts of a customer that holds its saved ones.
    fn adjust_amounts(&self, customer: &mut Customer) {
        (customer.revenue, customer.cost_to_serve) = self.adjusted_amounts(customer);
    }

    /// Whether the cost-to-serve change applies to `customer`: to every customer, or only to
    /// those losing money as they stand (before the what-if).
    fn cuts_cost_of(&self, customer: &Customer) -> bool {
        !self.cost_only_loss_makers || super::segmentation::profit(customer) < 0
    }

    /// A customer's revenue and cost to serve with the price and cost-to-serve changes.
    #[must_use]
    pub fn adjusted_amounts(&self, customer: &Customer) -> (Money, Money) {
        let cost_to_serve = if self.cuts_cost_of(customer) {
            scale(customer.cost_to_serve, self.cost_to_serve_pct)
        } else {
            customer.cost_to_serve
        };
        (scale(customer.revenue, self.price_pct), cost_to_serve)
    }

    /// The segmentation of the customers as this what-if would leave them, with its
    /// thresholds: the same as segmenting [`Self::financial_copies`] with [`Self::settings`],
    /// without making the copies. `previous`, an earlier segmentation of the same customers,
    /// only speeds up the ranking (see [`Segmentation::compute_near`]).
    #[must_use]
    pub fn segmentation(
        &self,
        customers: &[Customer],
        saved: &Settings,
        previous: Option<&Segmentation>,
    ) -> Segmentation {
        self.segmentation_of(&AmountTable::new(customers), customers, saved, previous)
    }

    /// [`Self::segmentation`] from the customers' [`AmountTable`], made once per scenario
    /// revision: a slider step then reads 32 bytes a customer, in sequence.
    #[must_use]
    pub fn segmentation_of(
        &self,
        table: &AmountTable,
        customers: &[Customer],
        saved: &Settings,
        previous: Option<&Segmentation>,
    ) -> Segmentation {
        // The factors once, not twice per customer (a float round and a 128-bit conversion).
        let (price, cost_to_serve) = (Factor::of(self.price_pct), Factor::of(self.cost_to_serve_pct));
        let only_loss_makers = self.cost_only_loss_makers;
        Segmentation::compute_from_table(table, customers, &self.settings(saved), previous, |row| {
            // As `cuts_cost_of`: every customer, or those losing money before the what-if.
            let cts = if !only_loss_makers || row.profit() < 0 {
                cost_to_serve.apply(Money(row.cost_to_serve)).0
            } else {
                row.cost_to_serve
            };
            (price.apply(Money(row.revenue)).0, cts)
        })
    }

    /// Copies of the customers with only what segmentation and the charts read (ids, amounts,
    /// growth, value scores, overrides, RFM); the logs and descriptive texts stay out, so a
    /// slider drag over 100,000 customers stays cheap. Indices match the input.
    #[must_use]
    pub fn financial_copies(&self, customers: &[Customer]) -> Vec<Customer> {
        customers
            .iter()
            .map(|c| {
                let mut copy = Customer {
                    id: c.id.clone(),
                    revenue: c.revenue,
                    cost_of_goods: c.cost_of_goods,
                    cost_to_serve: c.cost_to_serve,
                    growth_potential: c.growth_potential,
                    value: c.value,
                    tier_override: c.tier_override.clone(),
                    rfm: c.rfm.clone(),
                    ..Customer::default()
                };
                self.adjust_amounts(&mut copy);
                copy
            })
            .collect()
    }

    /// Re-applies this what-if's amounts to copies made by [`Self::financial_copies`] from the
    /// same `customers`, in place: a slider drag then reuses the copies instead of allocating
    /// 100,000 new ones each frame.
    pub fn refresh_copies(&self, copies: &mut [Customer], customers: &[Customer]) {
        for (copy, original) in copies.iter_mut().zip(customers) {
            copy.revenue = original.revenue;
            copy.cost_to_serve = original.cost_to_serve;
            self.adjust_amounts(copy);
        }
    }

    /// The scenario as it would be after "Apply to scenario".
    #[must_use]
    pub fn apply(&self, scenario: &Scenario) -> Scenario {
        let mut next = scenario.clone();
        next.settings = self.settings(&scenario.settings);
        for c in &mut next.customers {
            self.adjust_amounts(c);
        }
        next
    }
}

/// `amount` changed by `pct` %, rounded to the minor unit; never below zero, saturating.
#[must_use]
pub fn scale(amount: Money, pct: f64) -> Money {
    Factor::of(pct).apply(amount)
}

/// A change of `pct` % as a factor in basis points (`None`: no change), so that scaling many
/// amounts by one percentage works the percentage out once.
#[derive(Clone, Copy, Debug)]
struct Factor(Option<i128>);

impl Factor {
    fn of(pct: f64) -> Self {
        if !pct.is_finite() || pct == 0.0 {
            return Self(None);
        }
        // Basis points keep the arithmetic in integers, so 0.1 % of a large amount is exact.
        Self(Some(
            (10_000 + (pct.clamp(-100.0, 1_000.0) * 100.0).round() as i128).max(0),
        ))
    }

    fn apply(self, amount: Money) -> Money {
        let Some(factor_bp) = self.0 else {
            return amount;
        };
        // The same rounding in i64 when the product fits (every real amount): a 128-bit
        // division per amount was most of a what-if step's re-pricing of 100,000 customers.
        if let Ok(factor) = i64::try_from(factor_bp)
            && let Some(product) = amount.0.checked_mul(factor)
            && let Some(rounded) = product.checked_add(product.signum() * 5_000)
        {
            return Money(rounded / 10_000);
        }
        let product = i128::from(amount.0) * factor_bp;
        let rounded = (product + product.signum() * 5_000) / 10_000;
        Money(rounded.clamp(i128::from(i64::MIN), i128::from(i64::MAX)) as i64)
    }
}

/// Customers per tier and per class, before and after a what-if.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct CountDeltas {
    /// In [`Tier::ALL`] order; classes A, B, C.
    pub tiers_saved: [usize; 3],
    pub tiers_now: [usize; 3],
    pub classes_saved: [usize; 3],
    pub classes_now: [usize; 3],
}

impl CountDeltas {
    /// The counts of the saved segmentation and of the what-if's.
    #[must_use]
    pub fn new(saved: &Segmentation, now: &Segmentation) -> Self {
        Self {
            tiers_saved: saved.tier_counts(),
            tiers_now: now.tier_counts(),
            classes_saved: saved.class_counts(),
            classes_now: now.class_counts(),
        }
    }
}

// ---- Whale curve --------------------------------------------------------------------------

/// Where the cumulative profit share is highest: the profitable customers' whole contribution.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct WhalePeak {
    /// How many top customers reach the peak.
    pub customers: usize,
    /// Those customers as a share of all customers in scope (%).
    pub customers_pct: f64,
    /// Their cumulative profit as a share of the total profit (%): above 100 when loss-makers
    /// destroy part of it.
    pub profit_pct: f64,
}

/// Customers ranked by profit with the cumulative share of the total profit after each.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct WhaleCurve {
    /// Customer indices, highest profit first, ties by id (for everyone, the segmentation's
    /// own ranking, shared).
    pub ranked: Arc<Vec<usize>>,
    /// Profit of each ranked customer (minor units).
    pub profits: Arc<Vec<i128>>,
    /// Cumulative profit after each rank as a share of the total (%).
    pub cumulative_pct: Vec<f64>,
    /// Net profit of the scope (minor units).
    pub total_profit: i128,
    /// True when the shares are of the net total; false when the net total is not positive and
    /// the shares fall back to the positive profit (the curve then peaks at 100 %).
    pub of_net_total: bool,
    pub peak: Option<WhalePeak>,
    /// The rank (0-based) where the loss-makers start, if there are any.
    pub first_loss_rank: Option<usize>,
    /// How many ranked customers are class A, and A or B (they lead the ranking).
    pub class_a_count: usize,
    pub class_ab_count: usize,
}

impl WhaleCurve {
    /// Share of customers (%) after `rank` (0-based), the curve's x.
    #[must_use]
    pub fn x_pct(&self, rank: usize) -> f64 {
        if self.ranked.is_empty() {
            0.0
        } else {
            (rank + 1) as f64 * 100.0 / self.ranked.len() as f64
        }
    }

    /// The line's points: (0, 0), then at most `max_points` ranks, always with the peak and
    /// the last rank, so the curve's shape and height survive decimation.
    #[must_use]
    pub fn line_points(&self, max_points: usize) -> Vec<[f64; 2]> {
        let keep: Vec<usize> = self
            .peak
            .map(|p| p.customers.saturating_sub(1))
            .into_iter()
            .collect();
        std::iter::once([0.0, 0.0])
            .chain(
                decimate(self.ranked.len(), max_points, &keep)
                    .into_iter()
                    .filter_map(|r| self.cumulative_pct.get(r).map(|&y| [self.x_pct(r), y])),
            )
            .collect()
    }
}

/// Ranks the customers in `scope` by profit and accumulates their share of the total.
#[must_use]
pub fn whale_curve(seg: &Segmentation, scope: &[usize]) -> WhaleCurve {
    let all = seg.figures.len();
    // The scope is everyone, in order (no filter): no look-ups needed to keep its customers.
    let everyone = scope.len() == all && scope.iter().enumerate().all(|(k, &i)| k == i);
    // The segmentation ranked everyone already (by profit, ties by id), with their profits:
    // everyone shares that ranking; a scope keeps its customers, reading it in sequence.
    let (ranked, profits): (Arc<Vec<usize>>, Arc<Vec<i128>>) = if everyone {
        (Arc::clone(&seg.by_profit), Arc::clone(&seg.ranked_profits))
    } else {
        let mut in_scope = vec![false; all];
        for &i in scope {
            if let Some(slot) = in_scope.get_mut(i) {
                *slot = true;
            }
        }
        let (ranked, profits) = seg
            .by_profit
            .iter()
            .zip(seg.ranked_profits.iter())
            .filter(|&(&i, _)| in_scope.get(i).copied().unwrap_or(false))
            .map(|(&i, &p)| (i, p))
            .unzip();
        (Arc::new(ranked), Arc::new(profits))
    };
    let total: i128 = profits.iter().sum();
    let positive: i128 = profits.iter().map(|p| (*p).max(0)).sum();
    let (denominator, of_net_total) = if total > 0 {
        (total, true)
    } else {
        (positive, false)
    };
    let mut cumulative = 0_i128;
    let mut cumulative_pct = Vec::with_capacity(profits.len());
    let denominator_f64 = denominator as f64;
    for &profit in profits.iter() {
        cumulative += profit;
        cumulative_pct.push(if denominator > 0 {
            super::segmentation::as_f64(cumulative) * 100.0 / denominator_f64
        } else {
            0.0
        });
    }
    let n = ranked.len();
    // Ranked by profit, so the profitable customers lead and the cumulative profit peaks after
    // the last of them (whose sum is the positive total, the denominator or above it).
    let profitable = profits.partition_point(|&p| p > 0);
    let peak = (profitable > 0).then(|| WhalePeak {
        customers: profitable,
        customers_pct: profitable as f64 * 100.0 / n as f64,
        profit_pct: positive as f64 * 100.0 / denominator as f64,
    });
    // For everyone, the counts the segmentation made with the figures.
    let (in_class_a, in_a_or_b) = if everyone {
        let [a, b, _] = seg.class_counts();
        (a, a + b)
    } else {
        let class_of = |i: usize| seg.figures.get(i).map_or(AbcClass::C, |f| f.class);
        (
            ranked.iter().filter(|&&i| class_of(i) == AbcClass::A).count(),
            ranked.iter().filter(|&&i| class_of(i) != AbcClass::C).count(),
        )
    };
    WhaleCurve {
        first_loss_rank: profits.iter().position(|&p| p < 0),
        class_a_count: in_class_a,
        class_ab_count: in_a_or_b,
        profits,
        ranked,
        cumulative_pct,
        total_profit: total,
        of_net_total,
        peak,
    }
}

/// One bar of the whale chart: one customer, or a bucket of neighbouring ranks when there are
/// more customers than bars.
#[derive(Clone, Debug, PartialEq)]
pub struct WhaleBar {
    /// First and last rank (0-based, inclusive) in the bar.
    pub first_rank: usize,
    pub last_rank: usize,
    /// The customer, when the bar holds exactly one.
    pub customer: Option<usize>,
    /// Mean profit per customer in the bar, in major units.
    pub mean_profit: f64,
    /// The most common tier in the bar.
    pub tier: Tier,
}

impl WhaleCurve {
    /// Of the customers that lose money (the curve's tail), how many the tier count does not
    /// show as loss-making because their tier was set by hand. The two figures differ by this.
    #[must_use]
    pub fn loss_makers_in_other_tiers(&self, seg: &Segmentation) -> usize {
        let Some(first) = self.first_loss_rank else {
            return 0;
        };
        self.ranked
            .get(first..)
            .unwrap_or_default()
            .iter()
            .filter(|&&i| seg.figures.get(i).is_some_and(|f| f.tier != Tier::LossMaking))
            .count()
    }
}

/// The whale curve's profit bars, at most `max_bars` (buckets of equal rank count).
#[must_use]
pub fn whale_bars(curve: &WhaleCurve, seg: &Segmentation, max_bars: usize) -> Vec<WhaleBar> {
    let n = curve.ranked.len();
    if n == 0 || max_bars == 0 {
        return Vec::new();
    }
    let per_bar = n.div_ceil(max_bars);
    let tier_of = |i: usize| seg.tier_of(i).unwrap_or(Tier::General);
    curve
        .ranked
        .chunks(per_bar)
        .zip(curve.profits.chunks(per_bar))
        .enumerate()
        .map(|(bucket, (indices, profits))| {
            let mut tiers = [0_usize; 3];
            for &i in indices {
                tiers[tier_of(i) as usize] += 1;
            }
            let tier = Tier::ALL
                .into_iter()
                .max_by_key(|t| (tiers[*t as usize], std::cmp::Reverse(*t as usize)))
                .unwrap_or(Tier::General);
            let sum: i128 = profits.iter().sum();
            WhaleBar {
                first_rank: bucket * per_bar,
                last_rank: bucket * per_bar + indices.len() - 1,
                customer: if indices.len() == 1 {
                    indices.first().copied()
                } else {
                    None
                },
                mean_profit: sum as f64 / indices.len() as f64 / 100.0,
                tier,
            }
        })
        .collect()
}

/// At most `max` indices of `0..len`, evenly spaced, always with the first, the last and every
/// index in `keep`; sorted and without repeats.
#[must_use]
pub fn decimate(len: usize, max: usize, keep: &[usize]) -> Vec<usize> {
    if len <= max.max(2) {
        return (0..len).collect();
    }
    let step = (len - 1) as f64 / (max.max(2) - 1) as f64;
    // The last pick, (max − 1) × step, rounds to len − 1: never past the end.
    let mut out: Vec<usize> = (0..max.max(2))
        .map(|k| (k as f64 * step).round() as usize)
        .chain(keep.iter().copied().filter(|&k| k < len))
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

// ---- Value matrix -------------------------------------------------------------------------

/// Where a customer sits on the value matrix.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Quadrant {
    /// Profitable with high growth potential: invest.
    Key,
    /// Not yet profitable but with high growth potential: develop.
    Develop,
    /// Profitable with little room to grow: maintain.
    Maintain,
    /// Losing money with little room to grow.
    Loss,
}

impl Quadrant {
    pub const ALL: [Self; 4] = [Self::Key, Self::Develop, Self::Maintain, Self::Loss];

    /// The quadrant of a profit (minor units) and growth potential against the threshold.
    #[must_use]
    pub fn of(profit: i128, growth: u8, growth_threshold: u8) -> Self {
        match (profit >= 0, growth >= growth_threshold) {
            (true, true) => Self::Key,
            (false, true) => Self::Develop,
            (true, false) => Self::Maintain,
            (false, false) => Self::Loss,
        }
    }
}

/// One customer on the value matrix.
#[derive(Clone, Debug, PartialEq)]
pub struct MatrixPoint {
    pub customer: usize,
    /// Profit in major units (x).
    pub profit: f64,
    /// Growth potential with a small fixed offset, so customers with the same score don't
    /// hide each other (y).
    pub growth_y: f64,
    pub growth: u8,
    /// Revenue in major units (point size).
    pub revenue: f64,
    pub tier: Tier,
}

/// The value matrix: points, quadrant counts and the scale of the point sizes.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ValueMatrix {
    /// The points to draw (all of them, or one per grid cell at scale).
    pub points: Vec<MatrixPoint>,
    /// Customers in scope, before thinning.
    pub total: usize,
    /// Customers per quadrant, in [`Quadrant::ALL`] order (counted before thinning).
    pub counts: [usize; 4],
    pub max_revenue: f64,
    pub growth_threshold: u8,
}

/// Number of point sizes drawn; revenue maps onto them by square root, so the area grows
/// with revenue.
pub const SIZE_CLASSES: usize = 5;

/// The size class (0 = smallest) of a revenue against the largest one.
#[must_use]
pub fn size_class(revenue: f64, max_revenue: f64) -> usize {
    if max_revenue <= 0.0 || revenue <= 0.0 {
        return 0;
    }
    let r = (revenue / max_revenue).clamp(0.0, 1.0).sqrt();
    ((r * SIZE_CLASSES as f64).ceil() as usize).clamp(1, SIZE_CLASSES) - 1
}

/// Customers per quadrant (in [`Quadrant::ALL`] order) over `scope`.
#[must_use]
pub fn quadrant_counts(
    customers: &[Customer],
    seg: &Segmentation,
    scope: &[usize],
    growth_threshold: u8,
) -> [usize; 4] {
    let mut counts = [0; 4];
    for &i in scope {
        if let (Some(c), Some(f)) = (customers.get(i), seg.figures.get(i)) {
            let quadrant = Quadrant::of(f.profit, c.growth_potential, growth_threshold);
            if let Some(n) = Quadrant::ALL
                .iter()
                .position(|q| *q == quadrant)
                .and_then(|k| counts.get_mut(k))
            {
                *n += 1;
            }
        }
    }
    counts
}

/// A stable offset in [−0.3, 0.3] from the customer id (FNV-1a), for the growth axis.
fn jitter(id: &str) -> f64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for b in id.bytes() {
        hash ^= u64::from(b);
        hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
    }
    (hash % 1_000) as f64 / 999.0 * 0.6 - 0.3
}

/// The matrix over `scope`, with at most one point per cell of a `grid` × `grid` raster when the
/// scope holds more than `max_points` customers (the cell keeps its largest revenue).
#[must_use]
pub fn value_matrix(
    customers: &[Customer],
    seg: &Segmentation,
    scope: &[usize],
    growth_threshold: u8,
    max_points: usize,
) -> ValueMatrix {
    let counts = quadrant_counts(customers, seg, scope, growth_threshold);
    let point = |i: usize| {
        let (c, f) = (customers.get(i)?, seg.figures.get(i)?);
        Some(MatrixPoint {
            customer: i,
            profit: f.profit as f64 / 100.0,
            growth_y: f64::from(c.growth_potential) + jitter(&c.id),
            growth: c.growth_potential,
            revenue: c.revenue.as_major_f64(),
            tier: f.tier,
        })
    };
    // The count, the profit range and the largest revenue first, without making the points:
    // at 100,000 customers only the few thousand kept are made into a list.
    let mut total = 0;
    let (mut lo, mut hi) = (f64::INFINITY, f64::NEG_INFINITY);
    let mut max_revenue = 0.0_f64;
    for &i in scope {
        if let (Some(c), Some(f)) = (customers.get(i), seg.figures.get(i)) {
            total += 1;
            let profit = f.profit as f64 / 100.0;
            (lo, hi) = (lo.min(profit), hi.max(profit));
            max_revenue = max_revenue.max(c.revenue.as_major_f64());
        }
    }
    let points = if total > max_points {
        thin_to_grid(scope.iter().filter_map(|&i| point(i)), (lo, hi), 200)
    } else {
        scope.iter().filter_map(|&i| point(i)).collect()
    };
    ValueMatrix {
        points,
        total,
        counts,
        max_revenue,
        growth_threshold,
    }
}

/// Keeps the largest-revenue point in each cell of a `columns`-wide raster of the profit range
/// `(lo, hi)` × 20 growth rows; a screen never resolves more than that, and outliers survive.
fn thin_to_grid(
    points: impl Iterator<Item = MatrixPoint>,
    (lo, hi): (f64, f64),
    columns: usize,
) -> Vec<MatrixPoint> {
    let width = (hi - lo).max(f64::MIN_POSITIVE);
    let mut cells: rustc_hash::FxHashMap<(usize, i64), MatrixPoint> = rustc_hash::FxHashMap::default();
    for p in points {
        let column = (((p.profit - lo) / width) * (columns - 1) as f64).round() as usize;
        let row = (p.growth_y * 4.0).round() as i64;
        match cells.get(&(column, row)) {
            Some(kept) if kept.revenue >= p.revenue => {}
            _ => {
                cells.insert((column, row), p);
            }
        }
    }
    let mut out: Vec<MatrixPoint> = cells.into_values().collect();
    out.sort_by_key(|p| p.customer);
    out
}

// ---- Delivered value ----------------------------------------------------------------------

/// One customer's perceived benefit and cost (each 0–40, the sum of four 0–10 scores).
#[derive(Clone, Debug, PartialEq)]
pub struct DeliveredRow {
    pub customer: usize,
    pub benefit: f64,
    pub cost: f64,
    pub tier: Tier,
}

impl DeliveredRow {
    /// Benefit − cost.
    #[must_use]
    pub fn delivered(&self) -> f64 {
        self.benefit - self.cost
    }
}

/// The customers in scope, highest delivered value first (ties by id).
#[must_use]
pub fn delivered_rows(customers: &[Customer], seg: &Segmentation, scope: &[usize]) -> Vec<DeliveredRow> {
    let mut rows: Vec<DeliveredRow> = scope
        .iter()
        .filter_map(|&i| {
            let c = customers.get(i)?;
            Some(DeliveredRow {
                customer: i,
                benefit: valuation::benefit(&c.value),
                cost: valuation::cost(&c.value),
                tier: seg.figures.get(i).map_or(Tier::General, |f| f.tier),
            })
        })
        .collect();
    let id = |i: usize| customers.get(i).map_or("", |c| c.id.as_str());
    rows.sort_by(|a, b| {
        b.delivered()
            .total_cmp(&a.delivered())
            .then_with(|| id(a.customer).cmp(id(b.customer)))
    });
    rows
}

// ---- Tier and ABC breakdown ---------------------------------------------------------------

/// Count, revenue and profit of one group of customers.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct GroupFigures {
    pub count: usize,
    /// Minor units.
    pub revenue: i128,
    pub profit: i128,
}

impl GroupFigures {
    fn add(&mut self, revenue: i128, profit: i128) {
        self.count += 1;
        self.revenue += revenue;
        self.profit += profit;
    }
}

/// Share (%) of `part` in `whole`, or `None` when the whole is not positive.
#[must_use]
pub fn share_pct(part: i128, whole: i128) -> Option<f64> {
    (whole > 0).then(|| part as f64 * 100.0 / whole as f64)
}

/// Count, revenue and profit per tier and per ABC class.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Breakdown {
    /// In [`Tier::ALL`] order.
    pub tiers: [GroupFigures; 3],
    /// A, B, C.
    pub classes: [GroupFigures; 3],
    pub total: GroupFigures,
}

/// The breakdown of `scope`.
#[must_use]
pub fn breakdown(customers: &[Customer], seg: &Segmentation, scope: &[usize]) -> Breakdown {
    let mut out = Breakdown::default();
    for &i in scope {
        let (Some(c), Some(f)) = (customers.get(i), seg.figures.get(i)) else {
            continue;
        };
        let revenue = i128::from(c.revenue.0);
        if let Some(g) = out.tiers.get_mut(f.tier as usize) {
            g.add(revenue, f.profit);
        }
        if let Some(g) = out.classes.get_mut(f.class as usize) {
            g.add(revenue, f.profit);
        }
        out.total.add(revenue, f.profit);
    }
    out
}

// ---- Co-creation --------------------------------------------------------------------------

/// A month as a running number (year × 12 + month − 1), the x of the monthly charts.
#[must_use]
pub fn month_number(date: NaiveDate) -> i32 {
    date.year() * 12 + date.month0() as i32
}

/// "2026-03" for a month number.
#[must_use]
pub fn month_label(month: i32) -> String {
    format!("{}-{:02}", month.div_euclid(12), month.rem_euclid(12) + 1)
}

/// A date as a fractional month number, so points fall inside their month.
#[must_use]
pub fn month_position(date: NaiveDate) -> f64 {
    f64::from(month_number(date)) + f64::from(date.day0()) / 31.0
}

/// One month's aggregate.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct MonthValue {
    pub month: i32,
    /// The mean (satisfaction) or the count (interactions).
    pub value: f64,
    /// Log entries in the month.
    pub entries: usize,
}

/// Mean satisfaction (1–5) per month over the experience logs of `scope`; months without
/// entries are left out (a mean of nothing is not zero). Undated and out-of-range entries
/// are skipped.
#[must_use]
pub fn satisfaction_by_month(customers: &[Customer], scope: &[usize]) -> Vec<MonthValue> {
    let mut months: BTreeMap<i32, (u64, usize)> = BTreeMap::new();
    for c in scope.iter().filter_map(|&i| customers.get(i)) {
        for e in &c.experiences {
            if let Some(date) = e.date
                && (1..=5).contains(&e.satisfaction)
            {
                let slot = months.entry(month_number(date)).or_default();
                slot.0 += u64::from(e.satisfaction);
                slot.1 += 1;
            }
        }
    }
    months
        .into_iter()
        .map(|(month, (sum, entries))| MonthValue {
            month,
            value: sum as f64 / entries as f64,
            entries,
        })
        .collect()
}

/// One customer's dated satisfaction scores, oldest first.
#[must_use]
pub fn customer_satisfaction(customer: &Customer) -> Vec<(NaiveDate, u8)> {
    let mut out: Vec<(NaiveDate, u8)> = customer
        .experiences
        .iter()
        .filter(|e| (1..=5).contains(&e.satisfaction))
        .filter_map(|e| e.date.map(|d| (d, e.satisfaction)))
        .collect();
    out.sort_by_key(|(d, _)| *d);
    out
}

/// Interactions per month over `scope`, every month from the first to the last (zero where
/// nothing was logged, so quiet months show).
#[must_use]
pub fn interactions_by_month(customers: &[Customer], scope: &[usize]) -> Vec<MonthValue> {
    let mut months: BTreeMap<i32, usize> = BTreeMap::new();
    for c in scope.iter().filter_map(|&i| customers.get(i)) {
        for date in c.interactions.iter().filter_map(|x| x.date) {
            *months.entry(month_number(date)).or_default() += 1;
        }
    }
    let (Some(&first), Some(&last)) = (months.keys().next(), months.keys().next_back()) else {
        return Vec::new();
    };
    (first..=last)
        .map(|month| {
            let entries = months.get(&month).copied().unwrap_or(0);
            MonthValue {
                month,
                value: entries as f64,
                entries,
            }
        })
        .collect()
}

/// How one promotion campaign was answered.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CampaignResponse {
    /// The campaign name, trimmed; empty when the log has none.
    pub campaign: String,
    pub reached: usize,
    pub responded: usize,
}

impl CampaignResponse {
    /// Responded / reached, in %.
    #[must_use]
    pub fn rate_pct(&self) -> f64 {
        if self.reached == 0 {
            0.0
        } else {
            self.responded as f64 * 100.0 / self.reached as f64
        }
    }
}

/// Response per campaign over `scope`, the most recent campaigns' order kept simple: by name.
#[must_use]
pub fn response_by_campaign(customers: &[Customer], scope: &[usize]) -> Vec<CampaignResponse> {
    let mut campaigns: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    for c in scope.iter().filter_map(|&i| customers.get(i)) {
        for p in &c.promotions {
            let slot = campaigns.entry(p.campaign.trim().to_owned()).or_default();
            slot.0 += 1;
            slot.1 += usize::from(p.responded);
        }
    }
    campaigns
        .into_iter()
        .map(|(campaign, (reached, responded))| CampaignResponse {
            campaign,
            reached,
            responded,
        })
        .collect()
}

// ---- Sentences and CSV --------------------------------------------------------------------

/// The whale peak's sentence numbers, rounded as shown: (customers %, profit %).
#[must_use]
pub fn peak_sentence_numbers(peak: &WhalePeak) -> (u32, u32) {
    (
        peak.customers_pct.round().clamp(0.0, 100.0) as u32,
        peak.profit_pct.round().max(0.0) as u32,
    )
}

/// A tier as written in CSV files.
#[must_use]
pub fn tier_code(tier: Tier) -> &'static str {
    match tier {
        Tier::Key => "key",
        Tier::General => "general",
        Tier::LossMaking => "loss-making",
    }
}

/// Money in minor units as a plain decimal for CSV ("-1234.50").
#[must_use]
pub fn csv_money(minor: i128) -> String {
    let sign = if minor < 0 { "-" } else { "" };
    let abs = minor.unsigned_abs();
    format!("{sign}{}.{:02}", abs / 100, abs % 100)
}

/// The whale curve as CSV: one row per ranked customer (not decimated).
#[must_use]
pub fn whale_csv(curve: &WhaleCurve, customers: &[Customer], seg: &Segmentation) -> String {
    let mut out = csv_line(&[
        "rank",
        "id",
        "name",
        "profit",
        "tier",
        "customers_pct",
        "cumulative_profit_pct",
    ]);
    for (rank, (&i, &profit)) in curve.ranked.iter().zip(curve.profits.iter()).enumerate() {
        let c = customers.get(i);
        out.push_str(&csv_line(&[
            (rank + 1).to_string(),
            c.map_or(String::new(), |c| c.id.clone()),
            c.map_or(String::new(), |c| c.name.clone()),
            csv_money(profit),
            seg.figures.get(i).map_or("", |f| tier_code(f.tier)).to_owned(),
            format!("{:.2}", curve.x_pct(rank)),
            format!("{:.2}", curve.cumulative_pct.get(rank).copied().unwrap_or(0.0)),
        ]));
    }
    out
}

/// The value matrix as CSV: every customer in scope (not thinned). Names come from
/// `customers`, amounts from `fin` (the what-if's copies, or the same list).
#[must_use]
pub fn matrix_csv(
    customers: &[Customer],
    fin: &[Customer],
    seg: &Segmentation,
    scope: &[usize],
    growth_threshold: u8,
) -> String {
    let mut out = csv_line(&[
        "id",
        "name",
        "profit",
        "growth_potential",
        "revenue",
        "tier",
        "quadrant",
    ]);
    for &i in scope {
        let (Some(c), Some(f), Some(money)) = (customers.get(i), seg.figures.get(i), fin.get(i)) else {
            continue;
        };
        let quadrant = match Quadrant::of(f.profit, c.growth_potential, growth_threshold) {
            Quadrant::Key => "key",
            Quadrant::Develop => "develop",
            Quadrant::Maintain => "maintain",
            Quadrant::Loss => "loss",
        };
        out.push_str(&csv_line(&[
            c.id.clone(),
            c.name.clone(),
            csv_money(f.profit),
            c.growth_potential.to_string(),
            csv_money(i128::from(money.revenue.0)),
            tier_code(f.tier).to_owned(),
            quadrant.to_owned(),
        ]));
    }
    out
}

/// The delivered-value rows as CSV.
#[must_use]
pub fn delivered_csv(rows: &[DeliveredRow], customers: &[Customer]) -> String {
    let mut out = csv_line(&["id", "name", "benefit", "cost", "delivered_value", "tier"]);
    for r in rows {
        let c = customers.get(r.customer);
        out.push_str(&csv_line(&[
            c.map_or(String::new(), |c| c.id.clone()),
            c.map_or(String::new(), |c| c.name.clone()),
            format!("{:.1}", r.benefit),
            format!("{:.1}", r.cost),
            format!("{:.1}", r.delivered()),
            tier_code(r.tier).to_owned(),
        ]));
    }
    out
}

/// The breakdown as CSV: one row per tier, then per class.
#[must_use]
pub fn breakdown_csv(b: &Breakdown) -> String {
    let mut out = csv_line(&[
        "group",
        "customers",
        "revenue",
        "profit",
        "customers_pct",
        "revenue_pct",
        "profit_pct",
    ]);
    let pct = |v: Option<f64>| v.map_or(String::new(), |v| format!("{v:.2}"));
    let groups = Tier::ALL
        .iter()
        .map(|t| tier_code(*t))
        .chain(["A", "B", "C"])
        .zip(b.tiers.iter().chain(&b.classes));
    for (name, g) in groups {
        out.push_str(&csv_line(&[
            name.to_owned(),
            g.count.to_string(),
            csv_money(g.revenue),
            csv_money(g.profit),
            pct(share_pct(g.count as i128, b.total.count as i128)),
            pct(share_pct(g.revenue, b.total.revenue)),
            pct(share_pct(g.profit, b.total.profit)),
        ]));
    }
    out
}

/// The co-creation series as CSV: monthly satisfaction and interactions, then campaigns.
#[must_use]
pub fn cocreation_csv(
    satisfaction: &[MonthValue],
    interactions: &[MonthValue],
    campaigns: &[CampaignResponse],
) -> String {
    let mut out = csv_line(&["month", "mean_satisfaction", "experiences", "interactions"]);
    let mut months: BTreeMap<i32, (Option<&MonthValue>, usize)> = BTreeMap::new();
    for s in satisfaction {
        months.entry(s.month).or_default().0 = Some(s);
    }
    for x in interactions {
        months.entry(x.month).or_default().1 = x.entries;
    }
    for (month, (s, count)) in months {
        out.push_str(&csv_line(&[
            month_label(month),
            s.map_or(String::new(), |s| format!("{:.2}", s.value)),
            s.map_or(0, |s| s.entries).to_string(),
            count.to_string(),
        ]));
    }
    out.push_str("\r\n");
    out.push_str(&csv_line(&["campaign", "reached", "responded", "response_pct"]));
    for c in campaigns {
        out.push_str(&csv_line(&[
            c.campaign.clone(),
            c.reached.to_string(),
            c.responded.to_string(),
            format!("{:.1}", c.rate_pct()),
        ]));
    }
    out
}

#[cfg(test)]
mod tests {
    /// A cost-to-serve cut for the loss-makers only leaves profitable customers as they were,
    /// in the copies, in place and when applied. By hand: A makes 100 − 60 − 30 = 10, B loses
    /// 100 − 60 − 50 = −10; a 20 % cut takes B's cost to serve to 40 (profit 0), A's stays 30.
    #[test]
    fn a_cost_cut_for_loss_makers_only() {
        let customer = |id: &str, cts: i64| Customer {
            id: id.into(),
            revenue: Money(100),
            cost_of_goods: Money(60),
            cost_to_serve: Money(cts),
            ..Customer::default()
        };
        let customers = vec![customer("A", 30), customer("B", 50)];
        let only = WhatIf {
            cost_to_serve_pct: -20.0,
            cost_only_loss_makers: true,
            ..WhatIf::default()
        };
        let cts = |list: &[Customer]| list.iter().map(|c| c.cost_to_serve.0).collect::<Vec<_>>();
        assert_eq!(cts(&only.financial_copies(&customers)), [30, 40]);
        let mut copies = only.financial_copies(&customers);
        only.refresh_copies(&mut copies, &customers);
        assert_eq!(cts(&copies), [30, 40], "refreshing starts from the saved amounts");
        let mut scenario = Scenario::new(chrono::NaiveDate::default());
        scenario.customers = customers.clone();
        assert_eq!(cts(&only.apply(&scenario).customers), [30, 40]);
        let all = WhatIf {
            cost_only_loss_makers: false,
            ..only
        };
        assert_eq!(cts(&all.financial_copies(&customers)), [24, 40]);
    }

    use super::*;
    use crate::model::{Experience, Interaction, Promotion, TierOverride};

    fn customer(id: &str, revenue: i64, cost_to_serve: i64, growth: u8) -> Customer {
        Customer {
            id: id.to_owned(),
            name: format!("Customer {id}"),
            revenue: Money::from_major(revenue),
            cost_to_serve: Money::from_major(cost_to_serve),
            growth_potential: growth,
            ..Customer::default()
        }
    }

    /// Profits 60, 30, 20, 10, −20 (net 100, positive 120).
    fn base() -> Vec<Customer> {
        vec![
            customer("C3", 40, 20, 2),  // 20
            customer("C1", 100, 40, 5), // 60
            customer("C5", 10, 30, 5),  // −20
            customer("C2", 50, 20, 2),  // 30
            customer("C4", 20, 10, 3),  // 10
        ]
    }

    fn all(customers: &[Customer]) -> Vec<usize> {
        (0..customers.len()).collect()
    }

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
    }

    #[test]
    fn whale_cumulative_shares_and_peak() {
        let customers = base();
        let seg = Segmentation::compute(&customers, &Settings::default());
        let curve = whale_curve(&seg, &all(&customers));
        assert_eq!(*curve.ranked, vec![1, 3, 0, 4, 2]);
        assert_eq!(curve.total_profit, 10_000);
        assert!(curve.of_net_total);
        let expected = [60.0, 90.0, 110.0, 120.0, 100.0];
        for (got, want) in curve.cumulative_pct.iter().zip(expected) {
            assert!((got - want).abs() < 1e-9, "{got} vs {want}");
        }
        let peak = curve.peak.unwrap();
        assert_eq!(peak.customers, 4);
        assert!((peak.customers_pct - 80.0).abs() < 1e-9);
        assert!((peak.profit_pct - 120.0).abs() < 1e-9);
        assert_eq!(peak_sentence_numbers(&peak), (80, 120));
        assert_eq!(curve.first_loss_rank, Some(4));
        // Positive 120: 60 short of 80 % (96), 60+30 = 90 short, +20 crosses → A = 3; B to 95 %.
        assert_eq!(curve.class_a_count, 3);
        assert_eq!(curve.class_ab_count, 4);
        // The line starts at the origin and ends at 100 % of customers and of profit.
        let line = curve.line_points(100);
        assert_eq!(line.first(), Some(&[0.0, 0.0]));
        assert_eq!(line.last(), Some(&[100.0, 100.0]));
    }

    #[test]
    fn whale_in_a_scope_and_with_no_net_profit() {
        let customers = base();
        let seg = Segmentation::compute(&customers, &Settings::default());
        // Only the 20-profit customer and the loss-maker: net 0, so shares of positive profit.
        let curve = whale_curve(&seg, &[2, 0]);
        assert_eq!(*curve.ranked, vec![0, 2]);
        assert!(!curve.of_net_total);
        assert_eq!(curve.cumulative_pct, vec![100.0, 0.0]);
        assert_eq!(curve.peak.map(|p| p.customers), Some(1));
        // Nothing at all: no peak, no line beyond the origin, no bars.
        let empty = whale_curve(&seg, &[]);
        assert!(empty.peak.is_none());
        assert_eq!(empty.line_points(10), vec![[0.0, 0.0]]);
        assert_eq!(whale_bars(&empty, &seg, 10), []);
        // Only the loss-maker: no profit to share, so every share is 0 (not NaN), and no peak.
        let losses = whale_curve(&seg, &[2]);
        assert_eq!(losses.cumulative_pct, [0.0]);
        assert_eq!((losses.peak, losses.first_loss_rank), (None, Some(0)));
        // Class counts of a scope, by hand: C1 and C2 are class A, C4 is B.
        let scoped = whale_curve(&seg, &[4, 3, 1]);
        assert_eq!((scoped.class_a_count, scoped.class_ab_count), (2, 3));
        // A stale scope (indices past the end, one named twice) keeps each existing customer
        // once, even when it is as long as the list.
        let stale = whale_curve(&seg, &[1, 0, 9, 9, 9]);
        assert_eq!(*stale.ranked, [1, 0]);
        // No bars asked for, no bars.
        assert_eq!(whale_bars(&whale_curve(&seg, &all(&customers)), &seg, 0), []);
    }

    /// A customer that earns exactly nothing is neither part of the peak nor a loss-maker:
    /// with C6 at 0 the ranking is C1 60, C2 30, C3 20, C4 10, C6 0, C5 −20.
    #[test]
    fn a_zero_profit_customer_is_past_the_peak_and_before_the_losses() {
        let mut customers = base();
        customers.push(customer("C6", 10, 10, 1));
        let seg = Segmentation::compute(&customers, &Settings::default());
        let curve = whale_curve(&seg, &all(&customers));
        assert_eq!(*curve.ranked, [1, 3, 0, 4, 5, 2]);
        assert_eq!(curve.peak.map(|p| p.customers), Some(4));
        assert_eq!(curve.first_loss_rank, Some(5));
    }

    #[test]
    fn whale_bars_one_per_customer_or_buckets() {
        let customers = base();
        let seg = Segmentation::compute(&customers, &Settings::default());
        let curve = whale_curve(&seg, &all(&customers));
        let bars = whale_bars(&curve, &seg, 10);
        assert_eq!(bars.len(), 5);
        assert_eq!(bars[0].customer, Some(1));
        assert!((bars[0].mean_profit - 60.0).abs() < 1e-9);
        assert_eq!(bars[4].tier, Tier::LossMaking);
        // Two bars: ranks 0–2 (mean 110/3) and 3–4 (mean −5).
        let bars = whale_bars(&curve, &seg, 2);
        assert_eq!(bars.len(), 2);
        assert_eq!((bars[1].first_rank, bars[1].last_rank), (3, 4));
        assert_eq!(bars[1].customer, None);
        assert!((bars[1].mean_profit + 5.0).abs() < 1e-9);
    }

    /// A bucket's tier is its most common one, the better tier on a tie. In `base()` ranks
    /// 0–2 (C1, C2, C3) are class A, so key; rank 3 (C4) is B with growth 3, so general;
    /// rank 4 (C5) loses money.
    #[test]
    fn whale_bar_tier_is_the_bucket_majority() {
        let mut customers = base();
        let tiers = |customers: &[Customer], max_bars| {
            let seg = Segmentation::compute(customers, &Settings::default());
            let curve = whale_curve(&seg, &all(customers));
            whale_bars(&curve, &seg, max_bars)
                .iter()
                .map(|b| b.tier)
                .collect::<Vec<_>>()
        };
        // Two bars: {key, key, key} and {general, loss-making}, a tie that general wins.
        assert_eq!(tiers(&customers, 2), [Tier::Key, Tier::General]);
        // Three bars of two: {key, key}, {key, general} (tie: key), {loss-making}.
        assert_eq!(tiers(&customers, 3), [Tier::Key, Tier::Key, Tier::LossMaking]);
        // C2 and C3 set to general by hand: the first bar holds one key and two general.
        for i in [3, 0] {
            customers[i].tier_override = Some(TierOverride {
                tier: Tier::General,
                reason: "test".into(),
            });
        }
        assert_eq!(tiers(&customers, 2), [Tier::General, Tier::General]);
        // {key, general} ties to key, {general, general}, {loss-making}.
        assert_eq!(tiers(&customers, 3), [Tier::Key, Tier::General, Tier::LossMaking]);
    }

    /// A date's position is its month number plus the day's share of 31 days, so every day
    /// stays inside its own month.
    #[test]
    fn month_position_day_fraction() {
        let jan = f64::from(month_number(date(2026, 1, 1)));
        let cases = [
            (date(2026, 1, 1), jan),
            (date(2026, 1, 16), jan + 15.0 / 31.0),
            (date(2026, 1, 31), jan + 30.0 / 31.0),
            (date(2026, 2, 1), jan + 1.0),
            (date(2026, 2, 28), jan + 1.0 + 27.0 / 31.0),
            (date(2025, 12, 31), jan - 1.0 + 30.0 / 31.0),
        ];
        for (day, expected) in cases {
            assert!(
                (month_position(day) - expected).abs() < 1e-12,
                "{day}: {}",
                month_position(day)
            );
        }
        assert!(month_position(date(2026, 1, 31)) < month_position(date(2026, 2, 1)));
    }

    /// `base()` has one loss-maker, C5; set to key by hand it still loses money, so the curve
    /// counts one loss-maker that the tier count does not.
    #[test]
    fn loss_makers_set_to_another_tier_by_hand_are_counted() {
        let mut customers = base();
        let seg = Segmentation::compute(&customers, &Settings::default());
        let curve = whale_curve(&seg, &all(&customers));
        assert_eq!(curve.loss_makers_in_other_tiers(&seg), 0);
        customers[2].tier_override = Some(TierOverride {
            tier: Tier::Key,
            reason: "Strategic".into(),
        });
        let seg = Segmentation::compute(&customers, &Settings::default());
        let curve = whale_curve(&seg, &all(&customers));
        assert_eq!(seg.tier_counts()[Tier::LossMaking as usize], 0);
        assert_eq!(curve.loss_makers_in_other_tiers(&seg), 1);
    }

    #[test]
    fn decimation_keeps_ends_and_the_peak() {
        assert_eq!(decimate(5, 10, &[]), vec![0, 1, 2, 3, 4]);
        let picked = decimate(100_000, 500, &[12_345]);
        assert!(picked.len() <= 501);
        assert_eq!(picked.first(), Some(&0));
        assert_eq!(picked.last(), Some(&99_999));
        assert!(picked.contains(&12_345));
        assert!(picked.windows(2).all(|w| w[0] < w[1]));
        assert!(picked.len() >= 500, "{} picked", picked.len());
        // By hand: ten indices, four picks, evenly spaced by (10 − 1) / (4 − 1) = 3.
        assert_eq!(decimate(10, 4, &[]), [0, 3, 6, 9]);
        assert_eq!(decimate(10, 4, &[4, 6, 10, 12]), [0, 3, 4, 6, 9]);
        // Fewer than two picks still keep both ends.
        assert_eq!(decimate(10, 1, &[]), [0, 9]);
    }

    #[test]
    fn quadrants_and_counts() {
        assert_eq!(Quadrant::of(1, 4, 4), Quadrant::Key);
        assert_eq!(Quadrant::of(0, 3, 4), Quadrant::Maintain);
        assert_eq!(Quadrant::of(-1, 5, 4), Quadrant::Develop);
        assert_eq!(Quadrant::of(-1, 1, 4), Quadrant::Loss);
        let customers = base();
        let seg = Segmentation::compute(&customers, &Settings::default());
        let m = value_matrix(&customers, &seg, &all(&customers), 4, 1_000);
        // Key: C1 (60, 5). Develop: C5 (−20, 5). Maintain: C3, C2, C4.
        assert_eq!(m.counts, [1, 1, 3, 0]);
        assert_eq!(m.points.len(), 5);
        assert!((m.max_revenue - 100.0).abs() < 1e-9);
        for p in &m.points {
            let offset = jitter(&customers[p.customer].id);
            assert!((p.growth_y - f64::from(p.growth) - offset).abs() < 1e-12);
        }
        // C1's point in major units: profit 100 − 40 = 60, revenue 100.
        let c1 = m.points.iter().find(|p| p.customer == 1).expect("C1 is drawn");
        assert_eq!(
            (c1.profit, c1.revenue, c1.growth, c1.tier),
            (60.0, 100.0, 5, Tier::Key)
        );
        // A higher threshold moves C1 and C5 down.
        let m = value_matrix(&customers, &seg, &all(&customers), 6, 1_000);
        assert_eq!(m.counts, [0, 0, 4, 1]);
        assert_eq!(quadrant_counts(&customers, &seg, &[1, 2], 4), [1, 1, 0, 0]);
    }

    #[test]
    fn the_matrix_thins_large_scopes_but_counts_everyone() {
        let customers: Vec<Customer> = (0..20_000)
            .map(|i| {
                customer(
                    &format!("C{i:05}"),
                    100 + i64::from(i % 997),
                    50,
                    (i % 5 + 1) as u8,
                )
            })
            .collect();
        let seg = Segmentation::compute(&customers, &Settings::default());
        let m = value_matrix(&customers, &seg, &all(&customers), 4, 2_000);
        assert_eq!(m.total, 20_000);
        assert_eq!(m.counts.iter().sum::<usize>(), 20_000);
        assert!(m.points.len() <= 200 * 25, "{} points", m.points.len());
        // The largest customer survives thinning.
        let largest = customers
            .iter()
            .position(|c| c.revenue == Money::from_major(1_096));
        assert!(m.points.iter().any(|p| Some(p.customer) == largest));
    }

    /// The thinned matrix keeps one point per cell of 200 profit columns by quarter growth
    /// steps, the one with the largest revenue; up to `max_points` customers all stay.
    #[test]
    fn thinning_keeps_the_largest_revenue_in_each_cell_of_the_grid() {
        let drawn = |customers: &[Customer], max_points| {
            let seg = Segmentation::compute(customers, &Settings::default());
            value_matrix(customers, &seg, &all(customers), 4, max_points)
                .points
                .iter()
                .map(|p| p.customer)
                .collect::<Vec<_>>()
        };
        // One id (so one growth offset) and one growth: only the profit tells twins apart.
        let twin = |revenue, cost_to_serve| customer("T", revenue, cost_to_serve, 3);
        // Two in one cell (profit 10 each), the larger revenue second.
        let pair = [twin(20, 10), twin(50, 40)];
        assert_eq!(drawn(&pair, 2), [0, 1], "room for both: no thinning");
        assert_eq!(drawn(&pair, 1), [1], "one per cell: the larger revenue");
        // 201 profits evenly spread from −100 to 100 over 200 columns: profit k − 100 sits in
        // column round(k × 199 / 200), so only k = 100 and 101 (99.5 and 100.495) share one.
        let spread: Vec<Customer> = (0..=200).map(|k| twin(k, 100)).collect();
        assert_eq!(drawn(&spread, 0).len(), 200);
        // Offsets −0.28 ("") and +0.30 ("a") put one growth score in two quarter rows.
        let offsets = [customer("", 20, 10, 3), customer("a", 20, 10, 3)];
        assert_eq!(drawn(&offsets, 0), [0, 1]);
    }

    /// The growth offset is FNV-1a of the id (the reference's 64-bit test vectors: "" is
    /// 0xcbf29ce484222325, "a" 0xaf63dc4c8601ec8c, "foobar" 0x85944171f73967e8), its last
    /// three decimal digits spread over [−0.3, 0.3].
    #[test]
    fn the_growth_offset_is_a_stable_hash_of_the_id() {
        let spread = |thousandths: f64| thousandths / 999.0 * 0.6 - 0.3;
        // 0xcbf29ce484222325 % 1000 = 37, and so on.
        for (id, thousandths) in [("", 37.0), ("a", 996.0), ("foobar", 968.0)] {
            assert!((jitter(id) - spread(thousandths)).abs() < 1e-12, "{id:?}");
        }
    }

    #[test]
    fn size_classes_grow_with_revenue() {
        assert_eq!(size_class(0.0, 100.0), 0);
        assert_eq!(size_class(1.0, 100.0), 0);
        assert_eq!(size_class(100.0, 100.0), SIZE_CLASSES - 1);
        assert!(size_class(50.0, 100.0) > size_class(5.0, 100.0));
        assert_eq!(size_class(10.0, 0.0), 0);
    }

    #[test]
    fn delivered_rows_sorted_by_value() {
        let mut customers = base();
        customers[2].value.product = 9.0; // delivered +4
        customers[0].value.money = 8.0; // delivered −3
        let seg = Segmentation::compute(&customers, &Settings::default());
        let rows = delivered_rows(&customers, &seg, &all(&customers));
        assert_eq!(rows.first().map(|r| r.customer), Some(2));
        assert_eq!(rows.last().map(|r| r.customer), Some(0));
        assert!((rows[0].benefit - 24.0).abs() < 1e-9);
        assert!((rows[0].cost - 20.0).abs() < 1e-9);
        assert!((rows[0].delivered() - 4.0).abs() < 1e-9);
        assert!(rows.last().is_some_and(|r| (r.delivered() + 3.0).abs() < 1e-9));
        assert_eq!(rows[0].tier, Tier::LossMaking);
        // Equal values keep id order.
        let middle: Vec<&str> = rows[1..4]
            .iter()
            .map(|r| customers[r.customer].id.as_str())
            .collect();
        assert_eq!(middle, vec!["C1", "C2", "C4"]);
    }

    #[test]
    fn breakdown_per_tier_and_class() {
        let customers = base();
        let seg = Segmentation::compute(&customers, &Settings::default());
        let b = breakdown(&customers, &seg, &all(&customers));
        assert_eq!(b.total.count, 5);
        assert_eq!(b.total.profit, 10_000);
        assert_eq!(b.total.revenue, 22_000);
        // Key: C1 (A, growth 5), C2, C3 (class A); loss: C5; general: C4.
        assert_eq!(b.tiers.map(|g| g.count), [3, 1, 1]);
        assert_eq!(b.tiers[0].profit, 11_000);
        assert_eq!(b.classes.map(|g| g.count), [3, 1, 1]);
        assert_eq!(share_pct(b.tiers[0].profit, b.total.profit), Some(110.0));
        assert_eq!(share_pct(1, 0), None);
        let csv = breakdown_csv(&b);
        assert!(csv.starts_with("group,customers,revenue,profit"));
        assert!(
            csv.contains("key,3,190.00,110.00,60.00,86.36,110.00\r\n"),
            "{csv}"
        );
    }

    #[test]
    fn what_if_changes_amounts_and_thresholds_on_a_copy() {
        assert_eq!(scale(Money(10_000), 10.0), Money(11_000));
        assert_eq!(scale(Money(10_000), -25.0), Money(7_500));
        assert_eq!(scale(Money(333), 50.0), Money(500)); // 499.5 rounds up
        assert_eq!(scale(Money(10_000), -150.0), Money(0));
        assert_eq!(scale(Money(i64::MAX), 100.0), Money(i64::MAX));
        assert_eq!(scale(Money(123), f64::NAN), Money(123));
        // A percentage that is no number (a damaged file) changes nothing, either way.
        assert_eq!(scale(Money(123), f64::INFINITY), Money(123));
        assert_eq!(scale(Money(123), f64::NEG_INFINITY), Money(123));

        let saved = Settings::default();
        let neutral = WhatIf::default();
        assert!(neutral.is_neutral(&saved));
        let same_threshold = WhatIf {
            growth_threshold: Some(saved.growth_threshold),
            ..WhatIf::default()
        };
        assert!(same_threshold.is_neutral(&saved));
        // Any one change alone is a change: the price, the cost to serve, a threshold.
        for changed in [
            WhatIf {
                price_pct: 10.0,
                ..WhatIf::default()
            },
            WhatIf {
                cost_to_serve_pct: -5.0,
                ..WhatIf::default()
            },
            WhatIf {
                a_threshold_pct: Some(70.0),
                ..WhatIf::default()
            },
        ] {
            assert!(!changed.is_neutral(&saved), "{changed:?}");
        }

        let mut scenario = Scenario::new(date(2026, 11, 26));
        scenario.customers = base();
        let before = Segmentation::compute(&scenario.customers, &scenario.settings);
        assert_eq!(before.tier_counts(), [3, 1, 1]);
        // Cost to serve +100 %: C3 (40−40 = 0) stays profitable, C2 (50−40) too, C4 at 0, C1 at 20.
        let what_if = WhatIf {
            cost_to_serve_pct: 100.0,
            growth_threshold: Some(5),
            ..WhatIf::default()
        };
        assert!(!what_if.is_neutral(&saved));
        let copies = what_if.financial_copies(&scenario.customers);
        assert_eq!(copies[1].cost_to_serve, Money::from_major(80));
        assert!(copies[1].name.is_empty(), "logs and texts stay out of the copies");
        // What the charts read stays in: the delivered-value chart's scores.
        let mut scored = scenario.customers.clone();
        scored[1].value.product = 9.0;
        assert_eq!(what_if.financial_copies(&scored)[1].value, scored[1].value);
        let after = Segmentation::compute(&copies, &what_if.settings(&saved));
        let deltas = CountDeltas::new(&before, &after);
        // By hand, profits after: C3 40−40 = 0, C1 100−80 = 20, C5 10−60 = −50, C2 50−40 = 10,
        // C4 20−20 = 0. Positive total 30, A at 80 % = 24: C1 (before it 0) and C2 (20) are A,
        // so key; C3 and C4 earn nothing, so C, and their growth 2 and 3 is below 5: general;
        // C5 loses money. Before: A = C1, C2, C3; B = C4 (growth 3 < 4, general); C = C5.
        assert_eq!(
            deltas,
            CountDeltas {
                tiers_saved: [3, 1, 1],
                tiers_now: [2, 2, 1],
                classes_saved: [3, 1, 1],
                classes_now: [2, 0, 3],
            }
        );
        // The growth threshold alone: at 2, C4 (class B, growth 3) becomes key too.
        let lower = WhatIf {
            growth_threshold: Some(2),
            ..WhatIf::default()
        };
        let lowered = Segmentation::compute(
            &lower.financial_copies(&scenario.customers),
            &lower.settings(&saved),
        );
        assert_eq!(lowered.tier_counts(), [4, 0, 1]);

        // Refreshing the copies for another what-if gives what new copies would.
        let mut reused = copies.clone();
        let other = WhatIf {
            price_pct: 5.0,
            ..WhatIf::default()
        };
        other.refresh_copies(&mut reused, &scenario.customers);
        assert_eq!(reused, other.financial_copies(&scenario.customers));

        let applied = what_if.apply(&scenario);
        assert_eq!(applied.settings.growth_threshold, 5);
        assert_eq!(applied.customers[1].cost_to_serve, Money::from_major(80));
        assert_eq!(applied.customers[1].name, "Customer C1");
        assert_eq!(
            Segmentation::compute(&applied.customers, &applied.settings),
            after
        );
        // The original is untouched.
        assert_eq!(scenario.customers[1].cost_to_serve, Money::from_major(40));

        // Price −50 % turns C1 (100 → 50, cost 40) … and B never drops below A.
        let w = WhatIf {
            price_pct: -50.0,
            a_threshold_pct: Some(90.0),
            b_threshold_pct: Some(85.0),
            ..WhatIf::default()
        };
        assert_eq!(w.adjust(&scenario.customers[1]).revenue, Money::from_major(50));
        let s = w.settings(&saved);
        assert!((s.b_threshold_pct - 90.0).abs() < 1e-12);
        // A saved pair with B below A is not "changed" by an untouched what-if.
        let odd = Settings {
            a_threshold_pct: 90.0,
            b_threshold_pct: 85.0,
            ..Settings::default()
        };
        assert!(WhatIf::default().is_neutral(&odd));
    }

    /// `scale` as it was written first, all in i128: the fast i64 path must round the same.
    fn scale_in_i128(amount: Money, pct: f64) -> Money {
        if !pct.is_finite() || pct == 0.0 {
            return amount;
        }
        let factor_bp = (10_000 + (pct.clamp(-100.0, 1_000.0) * 100.0).round() as i128).max(0);
        let product = i128::from(amount.0) * factor_bp;
        let rounded = (product + product.signum() * 5_000) / 10_000;
        Money(rounded.clamp(i128::from(i64::MIN), i128::from(i64::MAX)) as i64)
    }

    proptest::proptest! {
        #[test]
        fn scale_fast_path_rounds_as_the_i128_one(
            amount in proptest::prop_oneof![-10_000_000_i64..10_000_000, proptest::num::i64::ANY],
            pct in proptest::prop_oneof![-60.0_f64..120.0, -200.0_f64..2_000.0],
        ) {
            proptest::prop_assert_eq!(scale(Money(amount), pct), scale_in_i128(Money(amount), pct));
        }

        /// The what-if's figures read from the customers (no copies, packed ranking) are the
        /// figures of the straightforward way: copies, then a fresh segmentation. Few distinct
        /// amounts and ids, so equal profits and equal ids (the tie rules) are common.
        #[test]
        fn what_if_without_copies_gives_the_figures_of_the_copies(
            rows in proptest::collection::vec(
                (0_i64..40, 0_i64..30, 0_i64..30, 1_u8..=5, 0_u8..12, 0_u8..4),
                0..120,
            ),
            cost_pct in -50.0_f64..100.0,
            price_pct in -30.0_f64..30.0,
            a in proptest::option::of(50.0_f64..99.0),
            b in proptest::option::of(50.0_f64..100.0),
            growth in proptest::option::of(1_u8..=5),
            steps in proptest::collection::vec((-50.0_f64..100.0, -30.0_f64..30.0), 1..4),
            loss_makers_only in proptest::bool::ANY,
        ) {
            let customers: Vec<Customer> = rows
                .iter()
                .map(|&(revenue, cogs, cts, growth, id, flag)| Customer {
                    id: format!("C{id}"),
                    revenue: Money(revenue * 250),
                    cost_of_goods: Money(cogs * 250),
                    cost_to_serve: Money(cts * 250),
                    growth_potential: growth,
                    tier_override: (flag == 1).then(|| TierOverride {
                        tier: Tier::Key,
                        reason: "Strategic".to_owned(),
                    }),
                    rfm: (flag >= 2).then(|| crate::model::Rfm {
                        reference_date: date(2026, 1, 1),
                        recency_days: i64::from(id),
                        frequency: u32::from(growth),
                        monetary: Money(revenue * 100),
                    }),
                    ..Customer::default()
                })
                .collect();
            let saved = Settings::default();
            let mut previous: Option<Segmentation> = None;
            // The first step, then slider steps that start from the previous ranking.
            for (cost_to_serve_pct, price) in std::iter::once((cost_pct, price_pct)).chain(steps) {
                let what_if = WhatIf {
                    cost_to_serve_pct,
                    price_pct: price,
                    a_threshold_pct: a,
                    b_threshold_pct: b,
                    growth_threshold: growth,
                    cost_only_loss_makers: loss_makers_only,
                };
                let copies = what_if.financial_copies(&customers);
                let expected = Segmentation::compute(&copies, &what_if.settings(&saved));
                let fast = what_if.segmentation(&customers, &saved, previous.as_ref());
                proptest::prop_assert_eq!(&fast, &expected);
                let scope = all(&customers);
                proptest::prop_assert_eq!(
                    whale_curve(&fast, &scope),
                    whale_curve(&expected, &scope)
                );
                previous = Some(fast);
            }
        }
    }

    #[test]
    fn profits_beyond_i64_rank_as_the_comparison_sort() {
        // The packed ranking needs every profit in an i64; otherwise the tuple sort ranks.
        let profits = [i128::from(i64::MAX) + 5, 3, -1, i128::from(i64::MIN) - 2, 3];
        let ids = ["E", "D", "C", "B", "A"];
        assert_eq!(
            crate::model::segmentation::by_profit(&profits, &ids),
            vec![0, 4, 1, 2, 3]
        );
    }

    #[test]
    fn overrides_survive_the_what_if() {
        let mut customers = base();
        customers[4].tier_override = Some(TierOverride {
            tier: Tier::Key,
            reason: "Strategic".to_owned(),
        });
        let copies = WhatIf::default().financial_copies(&customers);
        let seg = Segmentation::compute(&copies, &Settings::default());
        assert_eq!(seg.figures[4].tier, Tier::Key);
    }

    #[test]
    fn monthly_aggregates() {
        let mut customers = base();
        customers[0].experiences = vec![
            Experience {
                date: Some(date(2026, 1, 5)),
                satisfaction: 4,
                ..Experience::default()
            },
            Experience {
                date: Some(date(2026, 1, 28)),
                satisfaction: 2,
                ..Experience::default()
            },
            // Out of range and undated entries are skipped.
            Experience {
                date: Some(date(2026, 1, 28)),
                satisfaction: 0,
                ..Experience::default()
            },
            Experience {
                date: None,
                satisfaction: 5,
                ..Experience::default()
            },
        ];
        customers[1].experiences = vec![Experience {
            date: Some(date(2026, 3, 1)),
            satisfaction: 5,
            ..Experience::default()
        }];
        let sat = satisfaction_by_month(&customers, &all(&customers));
        assert_eq!(sat.len(), 2);
        assert_eq!(month_label(sat[0].month), "2026-01");
        assert!((sat[0].value - 3.0).abs() < 1e-12);
        assert_eq!(sat[0].entries, 2);
        assert_eq!(month_label(sat[1].month), "2026-03");
        // Scope: only customer 1.
        assert_eq!(satisfaction_by_month(&customers, &[1]).len(), 1);
        assert_eq!(customer_satisfaction(&customers[0]).len(), 2);

        customers[2].interactions = vec![
            Interaction {
                date: Some(date(2025, 11, 3)),
                ..Interaction::default()
            },
            Interaction {
                date: Some(date(2026, 1, 9)),
                ..Interaction::default()
            },
            Interaction {
                date: Some(date(2026, 1, 19)),
                ..Interaction::default()
            },
        ];
        let per_month = interactions_by_month(&customers, &all(&customers));
        let labelled: Vec<(String, usize)> = per_month
            .iter()
            .map(|m| (month_label(m.month), m.entries))
            .collect();
        assert_eq!(
            labelled,
            vec![
                ("2025-11".to_owned(), 1),
                ("2025-12".to_owned(), 0),
                ("2026-01".to_owned(), 2)
            ]
        );
        assert!((month_position(date(2026, 1, 1)) - f64::from(month_number(date(2026, 1, 1)))).abs() < 1e-12);
    }

    #[test]
    fn response_rate_by_campaign() {
        let mut customers = base();
        let promo = |campaign: &str, responded| Promotion {
            campaign: campaign.to_owned(),
            responded,
            ..Promotion::default()
        };
        customers[0].promotions = vec![promo("Spring", true), promo("Peak", false)];
        customers[1].promotions = vec![promo("Spring ", false), promo("Spring", true)];
        let rows = response_by_campaign(&customers, &all(&customers));
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[1].campaign, "Spring");
        assert_eq!((rows[1].reached, rows[1].responded), (3, 2));
        assert!((rows[1].rate_pct() - 200.0 / 3.0).abs() < 1e-9);
        assert!((rows[0].rate_pct()).abs() < 1e-12);
        let csv = cocreation_csv(&[], &[], &rows);
        assert!(csv.contains("Spring,3,2,66.7\r\n"), "{csv}");
    }

    #[test]
    fn csv_quotes_and_numbers() {
        assert_eq!(
            csv_line(&["a", "b,c", "say \"hi\""]),
            "a,\"b,c\",\"say \"\"hi\"\"\"\r\n"
        );
        assert_eq!(csv_money(-123_450), "-1234.50");
        assert_eq!(csv_money(5), "0.05");
        assert_eq!(csv_money(0), "0.00");
        // Formulas are neutralised as in every other CSV; negative numbers stay numbers.
        assert_eq!(
            csv_line(&["=HYPERLINK(\"x\")", "-20.00", "@cmd", "-x"]),
            "\"'=HYPERLINK(\"\"x\"\")\",-20.00,'@cmd,'-x\r\n"
        );
        let mut named = base();
        named[1].name = "=HYPERLINK(\"x\")".into();
        let seg = Segmentation::compute(&named, &Settings::default());
        let csv = whale_csv(&whale_curve(&seg, &all(&named)), &named, &seg);
        assert!(csv.contains("1,C1,\"'=HYPERLINK(\"\"x\"\")\",60.00"), "{csv}");
        let customers = base();
        let seg = Segmentation::compute(&customers, &Settings::default());
        let curve = whale_curve(&seg, &all(&customers));
        let csv = whale_csv(&curve, &customers, &seg);
        assert_eq!(csv.lines().count(), 6);
        assert!(csv.contains("1,C1,Customer C1,60.00,key,20.00,60.00"), "{csv}");
        assert!(
            csv.contains("5,C5,Customer C5,-20.00,loss-making,100.00,100.00"),
            "{csv}"
        );
        let matrix = matrix_csv(&customers, &customers, &seg, &all(&customers), 4);
        assert!(
            matrix.contains("C5,Customer C5,-20.00,5,10.00,loss-making,develop"),
            "{matrix}"
        );
        let rows = delivered_rows(&customers, &seg, &all(&customers));
        assert_eq!(delivered_csv(&rows, &customers).lines().count(), 6);
    }

    #[test]
    fn a_hundred_thousand_customers_draw_a_bounded_number_of_marks() {
        let customers: Vec<Customer> = (0..100_000_u32)
            .map(|i| {
                let revenue = 1_000 + i64::from(i % 9_973) * 37;
                let cost = i64::from(i % 7_919) * 41;
                customer(&format!("C{i:06}"), revenue, cost, (i % 5 + 1) as u8)
            })
            .collect();
        let what_if = WhatIf {
            cost_to_serve_pct: 10.0,
            ..WhatIf::default()
        };
        let copies = what_if.financial_copies(&customers);
        let seg = Segmentation::compute(&copies, &what_if.settings(&Settings::default()));
        let scope = all(&copies);
        let curve = whale_curve(&seg, &scope);
        assert_eq!(curve.ranked.len(), 100_000);
        assert!(whale_bars(&curve, &seg, 400).len() <= 400);
        let line = curve.line_points(1_500);
        assert!(line.len() <= 1_502);
        // The decimated line still reaches the true peak.
        let peak = curve.peak.unwrap();
        assert!(line.iter().any(|p| (p[1] - peak.profit_pct).abs() < 1e-9));
        let matrix = value_matrix(&copies, &seg, &scope, 4, 3_000);
        assert!(matrix.points.len() <= 200 * 25);
        assert_eq!(matrix.counts.iter().sum::<usize>(), 100_000);
        assert_eq!(delivered_rows(&copies, &seg, &scope).len(), 100_000);
        assert_eq!(breakdown(&copies, &seg, &scope).total.count, 100_000);
    }
}
