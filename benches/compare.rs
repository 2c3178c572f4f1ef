//! Comparing two 100,000-customer scenarios (issue 14): target under 150 ms in release.
//!
//! Loading is not counted: both scenarios are built in memory first. B is A with every tenth
//! customer's cost to serve raised by a fifth, the last 1,000 customers removed and 1,000 new
//! ones added, so the comparison does real work on every path (match, fields, migration).
//! The setup checks its own sizes and the comparison's counts, and panics if they are off,
//! so a broken setup can never report a fast time for doing nothing.
//!
//! Under `cargo test --benches` the same code runs once at 1,000 customers with 100 added and
//! removed (see `common`), so CI checks the setup.

use std::hint::black_box;

use chrono::NaiveDate;
use criterion::{Criterion, criterion_group, criterion_main};
use scm_crm_studio::model::compare::{CustomerField, compare};
use scm_crm_studio::model::{Customer, Money, Scenario, Segmentation, ValueScores};

mod common;

/// Customers on each side under `cargo bench`; see `common::size`.
const CUSTOMERS: usize = 100_000;
/// Customers removed from B, and as many added, under `cargo bench`.
const CHURN: usize = 1_000;

fn customer(i: usize, x: &mut u64) -> Customer {
    *x = x
        .wrapping_mul(6_364_136_223_846_793_005)
        .wrapping_add(1_442_695_040_888_963_407);
    let r = *x >> 33;
    let revenue = 10_000 + (r % 5_000_000) as i64;
    Customer {
        id: format!("C{i:06}"),
        name: format!("Customer {i}"),
        industry: "Logistics".into(),
        region: "East China".into(),
        revenue: Money::from_major(revenue),
        cost_of_goods: Money::from_major(revenue * (50 + (r % 30) as i64) / 100),
        cost_to_serve: Money::from_major(revenue * ((r >> 8) % 30) as i64 / 100),
        growth_potential: 1 + ((r >> 16) % 5) as u8,
        value: ValueScores {
            product: ((r >> 20) % 11) as f32,
            ..ValueScores::default()
        },
        tags: vec!["bench".into()],
        ..Customer::default()
    }
}

fn scenarios(n: usize, churn: usize) -> (Scenario, Scenario) {
    let today = NaiveDate::from_ymd_opt(2026, 12, 1).unwrap_or_default();
    let mut x = 7_u64;
    let mut a = Scenario::new(today);
    a.customers = (0..n).map(|i| customer(i, &mut x)).collect();
    let mut b = a.clone();
    for c in b.customers.iter_mut().step_by(10) {
        c.cost_to_serve = Money(c.cost_to_serve.0 + c.cost_to_serve.0 / 5 + 100);
    }
    b.customers.truncate(n - churn);
    b.customers.extend((n..n + churn).map(|i| customer(i, &mut x)));
    (a, b)
}

fn bench(c: &mut Criterion) {
    let n = common::size(CUSTOMERS, 1_000);
    let churn = common::size(CHURN, 100);
    let label = common::count_label(n);
    let (a, b) = scenarios(n, churn);
    assert_eq!(a.customers.len(), n, "setup: A must hold {n} customers");
    assert_eq!(b.customers.len(), n, "setup: B must hold {n} customers");
    let check = compare(&a, &b);
    // Every tenth of the first n − churn customers changed: indices 0, 10, … below n − churn.
    let changed = (n - churn).div_ceil(10);
    assert_eq!(
        check.customer_counts(),
        [churn, churn, changed],
        "setup: the comparison must see the added, removed and changed customers"
    );
    assert_eq!(check.field_counts[CustomerField::CostToServe as usize], changed);
    assert_eq!(
        check.migration.iter().flatten().sum::<usize>(),
        n - churn,
        "setup: every kept customer is in the migration matrix"
    );

    let mut group = c.benchmark_group("compare");
    group.sample_size(20);
    group.bench_function(format!("compare two {label}-customer scenarios"), |bench| {
        bench.iter(|| compare(black_box(&a), black_box(&b)));
    });
    // The floor: segmenting both sides, which every comparison needs for tiers and classes.
    group.bench_function("segment both sides (part of the above)", |bench| {
        bench.iter(|| {
            (
                Segmentation::compute(black_box(&a.customers), &a.settings),
                Segmentation::compute(black_box(&b.customers), &b.settings),
            )
        });
    });
    // A file whose customers were re-sorted: no index lines up, every id goes through the map.
    let mut shuffled = b.clone();
    shuffled.customers.reverse();
    assert_eq!(compare(&a, &shuffled).customer_counts(), [churn, churn, changed]);
    group.bench_function("compare, B in reverse order", |bench| {
        bench.iter(|| compare(black_box(&a), black_box(&shuffled)));
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
