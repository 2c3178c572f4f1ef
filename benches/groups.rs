//! Benchmark for grouping similar customers (issue 16): k-means with k = 8 on 100,000
//! customers, features standardised, must take under 1 s in release mode.
//!
//! The setup is checked before timing: 100,000 customers, every one with RFM scores, and a
//! grouping that puts every customer in one of 8 non-empty groups. A setup that is wrong
//! panics, so the bench cannot time the wrong thing quietly.
//!
//! Under `cargo test --benches` the same code runs once at 1,000 customers (see `common`), so
//! CI checks the setup.

#![allow(
    clippy::expect_used,
    reason = "a bench whose setup fails must stop loudly, and expect says why"
)]

use std::hint::black_box;
use std::time::Instant;

use chrono::NaiveDate;
use criterion::{Criterion, criterion_group, criterion_main};
use scm_crm_studio::model::groups::{self, Feature, FeatureMatrix};
use scm_crm_studio::model::{Customer, Money, Rfm, Segmentation, Settings};

mod common;

/// Customers under `cargo bench`; see `common::size`.
const CUSTOMERS: usize = 100_000;
const K: usize = 8;

/// A deterministic pseudo-random sequence (no extra dependency needed).
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        self.0 >> 33
    }
}

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 26).expect("a valid date")
}

fn customers(n: usize) -> Vec<Customer> {
    let mut rng = Lcg(16);
    (0..n)
        .map(|i| {
            let revenue = 10_000 + (rng.next() % 5_000_000) as i64;
            Customer {
                id: format!("C{i:06}"),
                revenue: Money::from_major(revenue),
                cost_of_goods: Money::from_major(revenue * (50 + (rng.next() % 30) as i64) / 100),
                cost_to_serve: Money::from_major(revenue * (rng.next() % 30) as i64 / 100),
                growth_potential: 1 + (rng.next() % 5) as u8,
                rfm: Some(Rfm {
                    reference_date: today(),
                    recency_days: (rng.next() % 700) as i64,
                    frequency: 1 + (rng.next() % 60) as u32,
                    monetary: Money::from_major(revenue),
                }),
                ..Customer::default()
            }
        })
        .collect()
}

const FEATURES: [Feature; 6] = [
    Feature::Profit,
    Feature::Margin,
    Feature::Growth,
    Feature::Recency,
    Feature::Frequency,
    Feature::Monetary,
];

fn bench_grouping(c: &mut Criterion) {
    let n = common::size(CUSTOMERS, 1_000);
    let label = common::count_label(n);
    let list = customers(n);
    let seg = Segmentation::compute(&list, &Settings::default());
    assert_eq!(
        seg.figures.iter().filter(|f| f.rfm_scores.is_some()).count(),
        n,
        "setup: every customer has RFM scores"
    );
    let matrix = FeatureMatrix::new(&list, &seg, &FEATURES, today());
    assert_eq!(matrix.len(), n, "setup: one row per customer");
    assert!(matrix.missing.iter().all(|&m| m == 0), "setup: no missing values");

    // Timed runs outside criterion, so the budget is checked even in `cargo bench -- --test`;
    // the best of three, as the machine is shared with other builds.
    let mut elapsed = std::time::Duration::MAX;
    let mut grouping = None;
    for _ in 0..3 {
        let start = Instant::now();
        grouping = Some(groups::group(&matrix, K).expect("grouping the customers"));
        elapsed = elapsed.min(start.elapsed());
    }
    let grouping = grouping.expect("three runs");
    #[expect(clippy::print_stderr, reason = "the bench reports its own budget check")]
    {
        eprintln!("grouping {n} customers, k = {K}: best of 3 {elapsed:?}");
    }
    assert_eq!(grouping.labels.len(), n, "every customer gets a group");
    assert_eq!(grouping.sizes.len(), K);
    assert!(
        grouping.sizes.iter().all(|&s| s > 0),
        "no empty group: {:?}",
        grouping.sizes
    );
    assert_eq!(grouping.sizes.iter().sum::<usize>(), n);
    if !cfg!(debug_assertions) {
        assert!(
            elapsed.as_secs_f64() < 1.0,
            "grouping {n} customers with k = {K} took {elapsed:?}, over the 1 s budget"
        );
    }

    let mut group = c.benchmark_group("groups");
    group.sample_size(10);
    group.bench_function(format!("kmeans_k{K}_{label}"), |b| {
        b.iter(|| groups::group(black_box(&matrix), K).expect("grouping"));
    });
    group.bench_function(format!("features_{label}"), |b| {
        b.iter(|| FeatureMatrix::new(black_box(&list), &seg, &FEATURES, today()));
    });
    group.finish();
}

criterion_group!(benches, bench_grouping);
criterion_main!(benches);
