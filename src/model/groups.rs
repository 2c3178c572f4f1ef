//! Groups of similar customers (DOMAIN.md §4): k-means (linfa-clustering, k-means++ with a
//! fixed seed) on standardised features the user picks, the silhouette score for each k, a
//! generated description of each group and the two features that separate the groups best.
//!
//! The same customers and features always give the same groups: the random generator is
//! seeded with [`SEED`], and groups are numbered by size (largest first), not by the order
//! k-means happened to find them.

use chrono::NaiveDate;
use linfa::prelude::*;
use linfa_clustering::KMeans;
use ndarray::{Array1, Array2, Axis};
use rand_xoshiro::Xoshiro256Plus;
use rand_xoshiro::rand_core::SeedableRng as _;
use serde::{Deserialize, Serialize};

use super::{Customer, Segmentation};

/// The seed of k-means++: fixed, so that grouping the same data twice gives the same groups.
pub const SEED: u64 = 0x5EED_C0DE;
/// k the user can choose from (DOMAIN.md §4).
pub const K_RANGE: std::ops::RangeInclusive<usize> = 2..=8;
/// Customers the silhouette score is computed on at most. The score compares every pair of
/// customers (n²), so above this many it is estimated on an evenly spaced, hence deterministic,
/// subset of this size: the mean over these customers, each scored against the others in the
/// subset (4 million distances instead of 10 billion at 100,000 customers).
pub const SILHOUETTE_SAMPLE: usize = 2_000;
/// Runs of k-means from different k-means++ starts (the one with the least inertia wins). One:
/// k-means++ starts well, and each further run costs as much again (at 100,000 customers, k = 8,
/// three runs took 1.3 s on the shared 2-core machine, over the 1 s budget).
const RUNS: usize = 1;
/// Iterations of one run at most.
const MAX_ITERATIONS: u64 = 100;
/// k-means stops when the centroids move less than this in all (the Euclidean length of the
/// change of the whole centroid matrix, in standard deviations). 0.01 is scikit-learn's default
/// stop (1e-4 of the variance, on squared movement) for standardised features; linfa's own
/// 1e-4 on the unsquared movement is a hundred times stricter and makes k-means crawl on
/// customer data without sharp clusters.
const TOLERANCE: f64 = 1e-2;
/// A group mean this many standard deviations from the average counts as high or low.
const NOTABLE_Z: f64 = 0.5;

/// A customer property k-means can group on.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Feature {
    Profit,
    Margin,
    Growth,
    Recency,
    Frequency,
    Monetary,
    Satisfaction,
    InteractionsPerMonth,
}

impl Feature {
    pub const ALL: [Self; 8] = [
        Self::Profit,
        Self::Margin,
        Self::Growth,
        Self::Recency,
        Self::Frequency,
        Self::Monetary,
        Self::Satisfaction,
        Self::InteractionsPerMonth,
    ];

    /// The value of this feature for one customer, `None` where the customer has none (no
    /// RFM data, no revenue for a margin, no experience log).
    ///
    /// Profit is on a signed log scale: money is heavy-tailed, and on a straight scale one
    /// very large customer would become a group of its own. R, F and M are the 1–5 quintile
    /// scores for the same reason. Recency is the R score, so "high recency" means bought lately.
    #[must_use]
    pub fn value(
        self,
        customer: &Customer,
        seg: &Segmentation,
        index: usize,
        today: NaiveDate,
    ) -> Option<f64> {
        let figures = seg.figures.get(index);
        match self {
            Self::Profit => figures.map(|f| signed_log(f.profit as f64 / 100.0)),
            Self::Margin => figures.and_then(|f| f.margin).map(|m| m.clamp(-2.0, 1.0)),
            Self::Growth => Some(f64::from(customer.growth_potential)),
            Self::Recency => figures.and_then(|f| f.rfm_scores).map(|s| f64::from(s[0])),
            Self::Frequency => figures.and_then(|f| f.rfm_scores).map(|s| f64::from(s[1])),
            Self::Monetary => figures.and_then(|f| f.rfm_scores).map(|s| f64::from(s[2])),
            Self::Satisfaction => mean_satisfaction(customer),
            Self::InteractionsPerMonth => Some(interactions_per_month(customer, today)),
        }
    }
}

/// log10(1 + |x|) with the sign of x.
fn signed_log(x: f64) -> f64 {
    x.signum() * x.abs().ln_1p() / std::f64::consts::LN_10
}

/// The mean satisfaction (1–5) over the customer's experience log.
#[must_use]
pub fn mean_satisfaction(customer: &Customer) -> Option<f64> {
    let scores: Vec<f64> = customer
        .experiences
        .iter()
        .filter(|e| (1..=5).contains(&e.satisfaction))
        .map(|e| f64::from(e.satisfaction))
        .collect();
    (!scores.is_empty()).then(|| scores.iter().sum::<f64>() / scores.len() as f64)
}

/// Interactions logged per month of the relationship: from `since` (or the first dated
/// interaction, when earlier or when `since` is unknown) to `today`, at least one month. A
/// customer with neither date counts over twelve months.
#[must_use]
pub fn interactions_per_month(customer: &Customer, today: NaiveDate) -> f64 {
    let n = customer.interactions.len() as f64;
    if n == 0.0 {
        return 0.0;
    }
    let first_logged = customer.interactions.iter().filter_map(|i| i.date).min();
    let start = match (customer.since, first_logged) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    };
    let months = start.map_or(12.0, |s| ((today - s).num_days() as f64 / 30.44).max(1.0));
    n / months
}

/// The chosen features of every customer, raw and standardised.
#[derive(Clone, Debug, PartialEq)]
pub struct FeatureMatrix {
    pub features: Vec<Feature>,
    /// Customers × features, as [`Feature::value`] gives them; a missing value is the feature's
    /// mean, so it pulls the customer towards no group.
    pub raw: Array2<f64>,
    /// z-scores of `raw` (a feature that is the same for everyone is 0).
    pub scaled: Array2<f64>,
    pub mean: Vec<f64>,
    pub std: Vec<f64>,
    /// Customers without a value, per feature.
    pub missing: Vec<usize>,
}

impl FeatureMatrix {
    /// The matrix of all `customers`.
    #[must_use]
    pub fn new(customers: &[Customer], seg: &Segmentation, features: &[Feature], today: NaiveDate) -> Self {
        let n = customers.len();
        let d = features.len();
        let mut raw = Array2::<f64>::zeros((n, d));
        let mut mean = vec![0.0; d];
        let mut std = vec![0.0; d];
        let mut missing = vec![0; d];
        for (j, feature) in features.iter().enumerate() {
            let values: Vec<Option<f64>> = customers
                .iter()
                .enumerate()
                .map(|(i, c)| feature.value(c, seg, i, today).filter(|v| v.is_finite()))
                .collect();
            let present: Vec<f64> = values.iter().flatten().copied().collect();
            let m = if present.is_empty() {
                0.0
            } else {
                present.iter().sum::<f64>() / present.len() as f64
            };
            let var = if present.is_empty() {
                0.0
            } else {
                present.iter().map(|v| (v - m).powi(2)).sum::<f64>() / present.len() as f64
            };
            if let Some(slot) = mean.get_mut(j) {
                *slot = m;
            }
            if let Some(slot) = std.get_mut(j) {
                *slot = var.sqrt();
            }
            if let Some(slot) = missing.get_mut(j) {
                *slot = values.len() - present.len();
            }
            for (i, v) in values.into_iter().enumerate() {
                raw[[i, j]] = v.unwrap_or(m);
            }
        }
        let mut scaled = raw.clone();
        for (j, mut column) in scaled.axis_iter_mut(Axis(1)).enumerate() {
            let (m, s) = (
                mean.get(j).copied().unwrap_or(0.0),
                std.get(j).copied().unwrap_or(0.0),
            );
            column.mapv_inplace(|v| if s > 1e-12 { (v - m) / s } else { 0.0 });
        }
        Self {
            features: features.to_vec(),
            raw,
            scaled,
            mean,
            std,
            missing,
        }
    }

    /// Number of customers.
    #[must_use]
    pub fn len(&self) -> usize {
        self.raw.nrows()
    }

    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.raw.nrows() == 0
    }
}

/// A group saved into the scenario. Its members are the customers tagged with its name.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct SavedGroup {
    /// The group's name, also the tag its members carry.
    pub name: String,
    /// What sets the group apart, in the words of the language it was saved in.
    pub description: String,
    /// The features it was grouped on.
    pub features: Vec<Feature>,
}

impl SavedGroup {
    /// Customers carrying the group's tag.
    #[must_use]
    pub fn size(&self, customers: &[Customer]) -> usize {
        customers.iter().filter(|c| c.tags.contains(&self.name)).count()
    }
}

/// The scenario with `groups` saved: each customer at `members[g]` gets the tag `groups[g].name`,
/// replacing the tags of the groups saved before (their names), which are removed from every
/// customer. Returns the new customer list and group list, applied together as one undo step.
#[must_use]
pub fn save_groups(
    customers: &[Customer],
    previous: &[SavedGroup],
    groups: Vec<SavedGroup>,
    labels: &[usize],
) -> (Vec<Customer>, Vec<SavedGroup>) {
    let old: Vec<&str> = previous.iter().map(|g| g.name.as_str()).collect();
    let mut out = customers.to_vec();
    for (i, c) in out.iter_mut().enumerate() {
        c.tags.retain(|t| !old.contains(&t.as_str()));
        if let Some(name) = labels.get(i).and_then(|&l| groups.get(l)).map(|g| g.name.trim())
            && !name.is_empty()
            && !c.tags.iter().any(|t| t == name)
        {
            c.tags.push(name.to_owned());
        }
    }
    (out, groups)
}

/// Whether a feature sets a group apart upwards or downwards.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Level {
    High,
    Low,
}

/// Why grouping could not run.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum GroupingError {
    #[error("pick at least one feature")]
    NoFeatures,
    #[error("k must be from 2 to 8")]
    BadK,
    #[error("{customers} customers are too few for {k} groups")]
    TooFewCustomers { customers: usize, k: usize },
    #[error("k-means failed: {0}")]
    KMeans(String),
}

/// The result of grouping: a group per customer and what each group is like.
#[derive(Clone, Debug, PartialEq)]
pub struct Grouping {
    pub features: Vec<Feature>,
    pub k: usize,
    /// The group (0-based, largest group first) of each customer, in scenario order.
    pub labels: Vec<usize>,
    /// Customers per group.
    pub sizes: Vec<usize>,
    /// Each group's mean of each feature, in standard deviations from the average.
    pub centroids: Vec<Vec<f64>>,
    /// Each group's mean of each raw feature value.
    pub raw_means: Vec<Vec<f64>>,
    /// Up to two features that set each group apart, most notable first.
    pub descriptions: Vec<Vec<(Feature, Level)>>,
    /// Indices into `features` of the two that separate the groups best (the same twice when
    /// only one feature was picked).
    pub best_pair: (usize, usize),
}

/// Runs k-means with `k` groups on the standardised matrix. The silhouette score is separate
/// ([`silhouette`], [`silhouettes`]): it costs more than the grouping itself.
pub fn group(matrix: &FeatureMatrix, k: usize) -> Result<Grouping, GroupingError> {
    let labels = kmeans_labels(matrix, k)?;
    Ok(describe(matrix, k, labels))
}

/// The raw k-means labels, renumbered by group size (largest first, ties by first member).
fn kmeans_labels(matrix: &FeatureMatrix, k: usize) -> Result<Vec<usize>, GroupingError> {
    if matrix.features.is_empty() {
        return Err(GroupingError::NoFeatures);
    }
    if !K_RANGE.contains(&k) {
        return Err(GroupingError::BadK);
    }
    if matrix.len() < k {
        return Err(GroupingError::TooFewCustomers {
            customers: matrix.len(),
            k,
        });
    }
    let dataset = DatasetBase::from(matrix.scaled.clone());
    let rng = Xoshiro256Plus::seed_from_u64(SEED);
    let model = KMeans::params_with_rng(k, rng)
        .n_runs(RUNS)
        .max_n_iterations(MAX_ITERATIONS)
        .tolerance(TOLERANCE)
        .fit(&dataset)
        .map_err(|e| GroupingError::KMeans(e.to_string()))?;
    let raw: Array1<usize> = model.predict(&matrix.scaled);
    let mut sizes = vec![0_usize; k];
    let mut first = vec![usize::MAX; k];
    for (i, &l) in raw.iter().enumerate() {
        if let Some(s) = sizes.get_mut(l) {
            *s += 1;
        }
        if let Some(f) = first.get_mut(l) {
            *f = (*f).min(i);
        }
    }
    let mut order: Vec<usize> = (0..k).collect();
    order.sort_by_key(|&g| (std::cmp::Reverse(sizes[g]), first[g]));
    let mut rank = vec![0; k];
    for (new, &old) in order.iter().enumerate() {
        rank[old] = new;
    }
    Ok(raw.iter().map(|&l| rank.get(l).copied().unwrap_or(0)).collect())
}

/// Sizes, centroids, descriptions and the best pair of features of a labelling.
fn describe(matrix: &FeatureMatrix, k: usize, labels: Vec<usize>) -> Grouping {
    let d = matrix.features.len();
    let mut sizes = vec![0_usize; k];
    let mut sums = vec![vec![0.0; d]; k];
    let mut raw_sums = vec![vec![0.0; d]; k];
    for ((&l, row), raw_row) in labels
        .iter()
        .zip(matrix.scaled.axis_iter(Axis(0)))
        .zip(matrix.raw.axis_iter(Axis(0)))
    {
        let (Some(size), Some(sum), Some(raw_sum)) = (sizes.get_mut(l), sums.get_mut(l), raw_sums.get_mut(l))
        else {
            continue;
        };
        *size += 1;
        for ((s, r), (v, rv)) in sum
            .iter_mut()
            .zip(raw_sum.iter_mut())
            .zip(row.iter().zip(raw_row))
        {
            *s += v;
            *r += rv;
        }
    }
    let mean_of = |sums: Vec<Vec<f64>>| -> Vec<Vec<f64>> {
        sums.into_iter()
            .zip(&sizes)
            .map(|(row, &n)| {
                row.into_iter()
                    .map(|s| if n > 0 { s / n as f64 } else { 0.0 })
                    .collect()
            })
            .collect()
    };
    let centroids = mean_of(sums);
    let raw_means = mean_of(raw_sums);
    let descriptions = centroids
        .iter()
        .map(|c| {
            let mut notable: Vec<(usize, f64)> = c
                .iter()
                .copied()
                .enumerate()
                .filter(|(_, z)| z.abs() >= NOTABLE_Z)
                .collect();
            notable.sort_by(|a, b| b.1.abs().total_cmp(&a.1.abs()).then(a.0.cmp(&b.0)));
            notable
                .into_iter()
                .take(2)
                .filter_map(|(j, z)| {
                    let level = if z > 0.0 { Level::High } else { Level::Low };
                    matrix.features.get(j).map(|f| (*f, level))
                })
                .collect()
        })
        .collect();
    // The share of each feature's variance that lies between the groups (size-weighted
    // centroid variance, the features being standardised): the higher, the better it separates.
    let n = labels.len().max(1) as f64;
    let mut separation: Vec<(usize, f64)> = (0..d)
        .map(|j| {
            let between: f64 = centroids
                .iter()
                .zip(&sizes)
                .map(|(c, &size)| size as f64 * c.get(j).copied().unwrap_or(0.0).powi(2))
                .sum();
            (j, between / n)
        })
        .collect();
    separation.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    let first = separation.first().map_or(0, |s| s.0);
    let second = separation.get(1).map_or(first, |s| s.0);
    Grouping {
        features: matrix.features.clone(),
        k,
        labels,
        sizes,
        centroids,
        raw_means,
        descriptions,
        best_pair: (first, second),
    }
}

/// Indices of the customers the silhouette is computed on: all of them up to
/// [`SILHOUETTE_SAMPLE`], else that many evenly spaced ones.
#[must_use]
pub fn silhouette_sample(n: usize) -> Vec<usize> {
    if n <= SILHOUETTE_SAMPLE {
        return (0..n).collect();
    }
    (0..SILHOUETTE_SAMPLE)
        .map(|s| s * n / SILHOUETTE_SAMPLE)
        .collect()
}

/// The silhouette score (−1 to 1, higher is better separated) of a labelling, by linfa, on
/// [`silhouette_sample`]; `None` when undefined (fewer than two groups in the sample).
#[must_use]
pub fn silhouette(matrix: &FeatureMatrix, labels: &[usize]) -> Option<f64> {
    let sample = silhouette_sample(labels.len().min(matrix.len()));
    let records = matrix.scaled.select(Axis(0), &sample);
    let targets: Array1<usize> = sample
        .iter()
        .map(|&i| labels.get(i).copied().unwrap_or(0))
        .collect();
    let mut distinct: Vec<usize> = targets.to_vec();
    distinct.sort_unstable();
    distinct.dedup();
    if distinct.len() < 2 {
        return None;
    }
    let dataset = DatasetBase::new(records, targets);
    dataset.silhouette_score().ok().filter(|s: &f64| s.is_finite())
}

/// The silhouette score for each k in [`K_RANGE`], calling `progress(done, total)` after each.
pub fn silhouettes(
    matrix: &FeatureMatrix,
    mut progress: impl FnMut(usize, usize),
) -> Vec<(usize, Option<f64>)> {
    let total = K_RANGE.count();
    K_RANGE
        .enumerate()
        .map(|(step, k)| {
            let score = kmeans_labels(matrix, k)
                .ok()
                .and_then(|labels| silhouette(matrix, &labels));
            progress(step + 1, total);
            (k, score)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Experience, Interaction, Money, Rfm, Settings};

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 26).unwrap()
    }

    /// The feature matrix of `customers` with the default settings' segmentation.
    fn matrix(customers: &[Customer], features: &[Feature]) -> FeatureMatrix {
        let seg = Segmentation::compute(customers, &Settings::default());
        FeatureMatrix::new(customers, &seg, features, today())
    }

    /// Two clear clusters: big profitable customers with high growth, and small loss-makers
    /// with low growth; three of each.
    fn two_kinds() -> Vec<Customer> {
        let make = |id: &str, revenue: i64, cost: i64, growth: u8| Customer {
            id: id.into(),
            revenue: Money::from_major(revenue),
            cost_of_goods: Money::from_major(cost),
            growth_potential: growth,
            ..Customer::default()
        };
        vec![
            make("A1", 1_000_000, 600_000, 5),
            make("B1", 1_000, 1_500, 1),
            make("A2", 1_100_000, 650_000, 5),
            make("B2", 1_200, 1_600, 1),
            make("A3", 900_000, 500_000, 4),
            make("B3", 900, 1_400, 2),
        ]
    }

    #[test]
    fn two_clear_kinds_make_two_groups_with_words() {
        let customers = two_kinds();
        let m = matrix(&customers, &[Feature::Profit, Feature::Growth]);
        let g = group(&m, 2).unwrap();
        // A* together, B* together; equal sizes, so the group of the first customer is group 0.
        assert_eq!(g.labels, [0, 1, 0, 1, 0, 1]);
        assert_eq!(g.sizes, [3, 3]);
        assert_eq!(
            g.descriptions[0],
            [(Feature::Profit, Level::High), (Feature::Growth, Level::High)]
        );
        assert_eq!(
            g.descriptions[1],
            [(Feature::Profit, Level::Low), (Feature::Growth, Level::Low)]
        );
        // Well separated: the silhouette is close to 1.
        let score = silhouette(&m, &g.labels).unwrap();
        assert!(score > 0.8, "{score}");
        // Profit separates them more than growth does (growth 4 sits with the 5s).
        assert_eq!(g.best_pair, (0, 1));
        // Group means of the raw values: growth 14/3 and 4/3.
        assert!((g.raw_means[0][1] - 14.0 / 3.0).abs() < 1e-9);
        assert!((g.raw_means[1][1] - 4.0 / 3.0).abs() < 1e-9);
    }

    #[test]
    fn grouping_twice_gives_the_same_groups() {
        let customers = spread(500);
        let seg = Segmentation::compute(&customers, &Settings::default());
        let features = [
            Feature::Profit,
            Feature::Margin,
            Feature::Recency,
            Feature::Monetary,
        ];
        let a = group(&FeatureMatrix::new(&customers, &seg, &features, today()), 5).unwrap();
        let b = group(&FeatureMatrix::new(&customers, &seg, &features, today()), 5).unwrap();
        assert_eq!(a, b);
        assert_eq!(a.sizes.iter().sum::<usize>(), 500);
        assert!(
            a.sizes.windows(2).all(|w| w[0] >= w[1]),
            "largest first: {:?}",
            a.sizes
        );
    }

    /// `n` customers with varied money and RFM, deterministic.
    pub(crate) fn spread(n: usize) -> Vec<Customer> {
        let reference = today();
        (0..n)
            .map(|i| {
                let x = (i as i64 * 7919) % 1000;
                let y = (i as i64 * 104_729) % 997;
                Customer {
                    id: format!("C{i:06}"),
                    revenue: Money::from_major(1_000 + x * 37),
                    cost_of_goods: Money::from_major(500 + y * 30),
                    growth_potential: (i % 5) as u8 + 1,
                    rfm: Some(Rfm {
                        reference_date: reference,
                        recency_days: y,
                        frequency: (x % 40) as u32 + 1,
                        monetary: Money::from_major(1_000 + x * 37),
                    }),
                    ..Customer::default()
                }
            })
            .collect()
    }

    #[test]
    fn missing_values_take_the_mean_and_constant_features_scale_to_zero() {
        let mut customers = two_kinds();
        customers[0].experiences.push(Experience {
            satisfaction: 5,
            ..Experience::default()
        });
        customers[1].experiences.push(Experience {
            satisfaction: 1,
            ..Experience::default()
        });
        let m = matrix(&customers, &[Feature::Satisfaction, Feature::Recency]);
        // Mean of 5 and 1 is 3; the four without a log get 3.
        assert_eq!(m.missing, [4, 6]);
        assert!((m.raw[[2, 0]] - 3.0).abs() < 1e-12);
        assert!(m.scaled.column(1).iter().all(|v| *v == 0.0), "no RFM: all 0");
        // z of 5: (5 − 3) / σ, σ = sqrt((4 + 4) / 2) = 2 → 1.
        assert!((m.scaled[[0, 0]] - 1.0).abs() < 1e-12);
    }

    #[test]
    fn saving_groups_tags_members_and_replaces_old_groups() {
        let mut customers = two_kinds();
        customers[0].tags = vec!["port".into(), "Old group".into()];
        let previous = vec![SavedGroup {
            name: "Old group".into(),
            ..SavedGroup::default()
        }];
        let groups = vec![
            SavedGroup {
                name: "Big".into(),
                description: "high profit".into(),
                features: vec![Feature::Profit],
            },
            SavedGroup {
                name: "Small".into(),
                ..SavedGroup::default()
            },
        ];
        let (out, saved) = save_groups(&customers, &previous, groups, &[0, 1, 0, 1, 0, 1]);
        assert_eq!(
            out[0].tags,
            ["port", "Big"],
            "old group tag gone, other tags kept"
        );
        assert_eq!(out[1].tags, ["Small"]);
        assert_eq!(saved[0].size(&out), 3);
        assert_eq!(saved[1].size(&out), 3);
    }

    #[test]
    fn interactions_per_month_table() {
        let on = |y, m, d| NaiveDate::from_ymd_opt(y, m, d);
        let with = |since, dates: &[Option<NaiveDate>]| Customer {
            since,
            interactions: dates
                .iter()
                .map(|d| Interaction {
                    date: *d,
                    ..Interaction::default()
                })
                .collect(),
            ..Customer::default()
        };
        // (customer, expected per month), by hand: n / (days / 30.44).
        let cases = [
            (with(None, &[]), 0.0),
            // No dates: twelve months.
            (with(None, &[None, None, None]), 0.25),
            // Since 2025-11-26: 365 days = 11.99 months; 6 interactions.
            (with(on(2025, 11, 26), &[None; 6]), 6.0 / (365.0 / 30.44)),
            // A first interaction before `since` starts the count there (730 days).
            (
                with(on(2025, 11, 26), &[on(2024, 11, 26), None]),
                2.0 / (730.0 / 30.44),
            ),
            // Less than a month counts as one.
            (with(on(2026, 11, 20), &[None, None]), 2.0),
        ];
        for (c, want) in cases {
            let got = interactions_per_month(&c, today());
            assert!((got - want).abs() < 1e-9, "{got} vs {want}");
        }
    }

    #[test]
    fn bad_requests_are_errors_not_panics() {
        let customers = two_kinds();
        let seg = Segmentation::compute(&customers, &Settings::default());
        let m = FeatureMatrix::new(&customers, &seg, &[], today());
        assert_eq!(group(&m, 3), Err(GroupingError::NoFeatures));
        let m = FeatureMatrix::new(&customers, &seg, &[Feature::Profit], today());
        assert_eq!(group(&m, 1), Err(GroupingError::BadK));
        assert_eq!(group(&m, 9), Err(GroupingError::BadK));
        let few = FeatureMatrix::new(&customers[..2], &seg, &[Feature::Profit], today());
        assert_eq!(
            group(&few, 3),
            Err(GroupingError::TooFewCustomers { customers: 2, k: 3 })
        );
        // Everyone alike: k-means still returns, the silhouette is undefined or finite.
        let same = vec![Customer::default(); 10];
        let m = matrix(&same, &[Feature::Growth]);
        if let Ok(g) = group(&m, 2) {
            assert!(silhouette(&m, &g.labels).is_none_or(f64::is_finite));
        }
    }

    #[test]
    fn silhouette_for_each_k_and_sample() {
        let customers = spread(300);
        let m = matrix(&customers, &[Feature::Profit, Feature::Frequency]);
        let mut steps = Vec::new();
        let scores = silhouettes(&m, |done, total| steps.push((done, total)));
        assert_eq!(
            scores.iter().map(|s| s.0).collect::<Vec<_>>(),
            [2, 3, 4, 5, 6, 7, 8]
        );
        assert!(
            scores
                .iter()
                .all(|(_, s)| s.is_some_and(|s| (-1.0..=1.0).contains(&s)))
        );
        assert_eq!(steps.last(), Some(&(7, 7)));
        assert_eq!(silhouette_sample(10), (0..10).collect::<Vec<_>>());
        let big = silhouette_sample(100_000);
        assert_eq!(big.len(), SILHOUETTE_SAMPLE);
        assert_eq!((big[0], big[1], big[1999]), (0, 50, 99_950));
    }

    /// Profit is grouped on log10(1 + |profit in yuan|) with the profit's sign: ¥999 is
    /// log10(1 000) = 3, a loss of ¥99 is −log10(100) = −2, no profit is 0.
    #[test]
    fn profit_is_on_a_signed_log_scale_of_yuan() {
        let with_profit = |id: &str, revenue: i64, cost: i64| Customer {
            id: id.into(),
            revenue: Money::from_major(revenue),
            cost_of_goods: Money::from_major(cost),
            ..Customer::default()
        };
        let customers = vec![
            with_profit("P", 1_000, 1),
            with_profit("L", 1, 100),
            with_profit("Z", 50, 50),
        ];
        let seg = Segmentation::compute(&customers, &Settings::default());
        let profit = |i: usize| Feature::Profit.value(&customers[i], &seg, i, today()).unwrap();
        assert!((profit(0) - 3.0).abs() < 1e-12, "{}", profit(0));
        assert!((profit(1) + 2.0).abs() < 1e-12, "{}", profit(1));
        assert!(profit(2).abs() < 1e-12, "{}", profit(2));
    }

    /// The mean satisfaction of 4 and 2 is 3; a score off the 1–5 scale (0) is left out, and
    /// a customer without scores has none.
    #[test]
    fn mean_satisfaction_of_the_scores_on_the_scale() {
        let with = |scores: &[u8]| Customer {
            experiences: scores
                .iter()
                .map(|&satisfaction| Experience {
                    satisfaction,
                    ..Experience::default()
                })
                .collect(),
            ..Customer::default()
        };
        assert_eq!(mean_satisfaction(&with(&[4, 0, 2])), Some(3.0));
        assert_eq!(mean_satisfaction(&with(&[0])), None);
        assert_eq!(mean_satisfaction(&with(&[])), None);
    }

    /// A matrix has a row per customer; with no customers it is empty.
    #[test]
    fn a_matrix_of_no_customers_is_empty() {
        let customers = two_kinds();
        let seg = Segmentation::compute(&customers, &Settings::default());
        let m = FeatureMatrix::new(&customers, &seg, &[Feature::Growth], today());
        assert_eq!(m.len(), 6);
        assert!(!m.is_empty());
        let none = FeatureMatrix::new(&[], &seg, &[Feature::Growth], today());
        assert_eq!(none.len(), 0);
        assert!(none.is_empty());
    }

    /// As many customers as groups is enough: two customers make two groups of one.
    #[test]
    fn as_many_customers_as_groups_is_enough() {
        let customers = two_kinds();
        let seg = Segmentation::compute(&customers, &Settings::default());
        let two = FeatureMatrix::new(&customers[..2], &seg, &[Feature::Growth], today());
        let g = group(&two, 2).unwrap();
        assert_eq!(g.sizes, [1, 1]);
        assert_eq!(g.labels, [0, 1]);
    }

    /// Customers with growth `g` and satisfaction `s`.
    fn growth_and_satisfaction(values: &[(u8, u8)]) -> Vec<Customer> {
        values
            .iter()
            .map(|&(g, s)| Customer {
                growth_potential: g,
                experiences: vec![Experience {
                    satisfaction: s,
                    ..Experience::default()
                }],
                ..Customer::default()
            })
            .collect()
    }

    /// The best pair weighs each group by its size. Groups {0}, {1}, {2, 3, 4, 5}. Growth
    /// (2, 2, 1, 1, 1, 1) is the same within each group: all its variance lies between the
    /// groups (share 1). Satisfaction (1, 4, 1, 1, 1, 2): mean 5/3, variance 66/9 / 6 = 11/9;
    /// group means 1, 4, 5/4 give between (4/9 + 49/9 + 4 · 25/144) / 6 = 237/216, a share
    /// of 237/216 / (11/9) ≈ 0.90. So growth comes first. (Unweighted, satisfaction's large
    /// one-customer means would win.)
    #[test]
    fn the_best_pair_weighs_groups_by_size() {
        let customers = growth_and_satisfaction(&[(2, 1), (2, 4), (1, 1), (1, 1), (1, 1), (1, 2)]);
        let seg = Segmentation::compute(&customers, &Settings::default());
        let m = FeatureMatrix::new(
            &customers,
            &seg,
            &[Feature::Growth, Feature::Satisfaction],
            today(),
        );
        let g = describe(&m, 3, vec![0, 1, 2, 2, 2, 2]);
        assert_eq!(g.best_pair, (0, 1));
        // Swapped columns: the same feature (growth) still comes first.
        let m = FeatureMatrix::new(
            &customers,
            &seg,
            &[Feature::Satisfaction, Feature::Growth],
            today(),
        );
        assert_eq!(describe(&m, 3, vec![0, 1, 2, 2, 2, 2]).best_pair, (1, 0));
    }

    /// A feature that splits the groups completely comes first. Growth 1, 1, 1 | 5, 5, 5 is
    /// z = −1 and +1 exactly (mean 3, σ 2): its share between the groups is (3 + 3) / 6 = 1.
    /// Satisfaction 1, 2, 3 | 3, 4, 5 varies within the groups, so its share is below 1.
    #[test]
    fn a_feature_that_splits_the_groups_completely_comes_first() {
        let customers = growth_and_satisfaction(&[(1, 1), (1, 2), (1, 3), (5, 3), (5, 4), (5, 5)]);
        let m = matrix(&customers, &[Feature::Satisfaction, Feature::Growth]);
        assert_eq!(describe(&m, 2, vec![0, 0, 0, 1, 1, 1]).best_pair, (1, 0));
    }

    /// A group with no members has means of 0 (it draws nothing), not 0/0.
    #[test]
    fn an_empty_group_has_zero_means() {
        let customers = growth_and_satisfaction(&[(1, 1), (1, 2), (1, 3), (5, 4), (5, 5), (5, 5)]);
        let m = matrix(&customers, &[Feature::Growth]);
        let g = describe(&m, 3, vec![0, 0, 0, 1, 1, 1]);
        assert_eq!(g.sizes, [3, 3, 0]);
        assert_eq!(g.centroids[2], [0.0]);
        assert_eq!(g.raw_means[2], [0.0]);
        // The two real groups: growth 1 and 5, one standard deviation (2) either side of 3.
        assert_eq!(g.raw_means[0], [1.0]);
        assert_eq!(g.centroids[1], [1.0]);
    }

    /// The silhouette by hand, growth 1, 2 | 4, 5 (scaling changes no ratio): for 1, the mean
    /// distance within its group a = 1 and to the other b = (3 + 4) / 2 = 3.5, so
    /// 1 − a/b = 5/7; for 2, a = 1, b = (2 + 3) / 2 = 2.5, so 3/5; 4 and 5 mirror them. The
    /// mean is (5/7 + 3/5) / 2 = 23/35.
    #[test]
    fn silhouette_by_hand() {
        let customers = growth_and_satisfaction(&[(1, 1), (2, 1), (4, 1), (5, 1)]);
        let m = matrix(&customers, &[Feature::Growth]);
        let score = silhouette(&m, &[0, 0, 1, 1]).unwrap();
        assert!((score - 23.0 / 35.0).abs() < 1e-9, "{score}");
        assert_eq!(silhouette(&m, &[0, 0, 0, 0]), None, "one group: undefined");
    }
}
