//! Benchmarks for the customer workbench at 100,000 customers / transactions.
//!
//! Targets (issue 3): importing a 100,000-row transaction log, and recomputing every derived
//! value over 100,000 customers, each well under 0.3 s in release mode.
//!
//! Under `cargo test --benches` the same code runs once at 1,000 customers and a 10,000-row
//! log (see `common`), so CI checks the setup. Each input is checked before it is timed.

#![allow(
    clippy::expect_used,
    reason = "a bench whose setup fails must stop loudly, and expect says why"
)]

use std::fmt::Write as _;
use std::hint::black_box;

use chrono::NaiveDate;
use criterion::{Criterion, criterion_group, criterion_main};
use scm_crm_studio::model::charts::{self, WhatIf};
use scm_crm_studio::model::customer_table::{self, Filter, Sort};
use scm_crm_studio::model::{Customer, Money, Segmentation, Settings, ValueScores, segmentation, validate};
use scm_crm_studio::store::Progress;
use scm_crm_studio::store::import::{self, ParseOptions, TextEncoding};

mod common;

/// Customers under `cargo bench`; see `common::size`.
const CUSTOMERS: usize = 100_000;
/// Rows of the transaction log under `cargo bench`.
const LOG_ROWS: usize = 100_000;
/// Distinct customer ids the log draws from.
const LOG_IDS: u64 = 20_000;

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

fn customers(n: usize) -> Vec<Customer> {
    let mut rng = Lcg(7);
    (0..n)
        .map(|i| {
            let revenue = 10_000 + (rng.next() % 5_000_000) as i64;
            Customer {
                id: format!("C{i:06}"),
                name: format!("Customer {i}"),
                industry: "Logistics".into(),
                region: "East China".into(),
                revenue: Money::from_major(revenue),
                cost_of_goods: Money::from_major(revenue * (50 + (rng.next() % 30) as i64) / 100),
                cost_to_serve: Money::from_major(revenue * (rng.next() % 30) as i64 / 100),
                growth_potential: 1 + (rng.next() % 5) as u8,
                value: ValueScores {
                    product: (rng.next() % 11) as f32,
                    ..ValueScores::default()
                },
                tags: vec!["bench".into()],
                ..Customer::default()
            }
        })
        .collect()
}

fn transaction_log(rows: usize) -> String {
    let mut rng = Lcg(11);
    let mut text = String::with_capacity(rows * 40);
    text.push_str("客戶編號,交易日期,金額,數量\n");
    let start = NaiveDate::from_ymd_opt(2025, 1, 1).unwrap_or_default();
    for _ in 0..rows {
        let customer = rng.next() % LOG_IDS;
        let date = start + chrono::Days::new(rng.next() % 690);
        let cents = rng.next() % 10_000_000;
        writeln!(
            text,
            "C{customer:06},{date},{}.{:02},{}",
            cents / 100,
            cents % 100,
            1 + rng.next() % 9
        )
        .expect("writing to a String");
    }
    text
}

fn bench(c: &mut Criterion) {
    let n = common::size(CUSTOMERS, 1_000);
    let label = common::count_label(n);
    let settings = Settings::default();
    let all = customers(n);
    let seg = Segmentation::compute(&all, &settings);
    assert_eq!(seg.figures.len(), n, "setup: one set of figures per customer");
    let everyone = customer_table::rows(&all, &seg, &Filter::default(), Sort::default());
    assert_eq!(
        everyone.len(),
        n,
        "setup: the unfiltered table shows every customer"
    );
    c.bench_function(&format!("derive everything, {label} customers"), |b| {
        b.iter(|| {
            // What one edit costs: profit, margin, ABC, tiers, RFM scores, warnings, and the
            // table's sorted rows and totals.
            let seg = Segmentation::compute(black_box(&all), &settings);
            let rows = customer_table::rows(&all, &seg, &Filter::default(), Sort::default());
            let totals = customer_table::totals(&all, &seg, &rows);
            black_box((seg, rows, totals));
        });
    });
    let sort = Sort {
        column: customer_table::Column::Profit,
        ascending: false,
    };
    let by_profit = customer_table::rows(&all, &seg, &Filter::default(), sort);
    assert_eq!(by_profit.len(), n, "setup: sorting keeps every customer");
    assert!(
        by_profit
            .windows(2)
            .all(|w| segmentation::profit(&all[w[0]]) >= segmentation::profit(&all[w[1]])),
        "setup: the rows must come out by profit, highest first"
    );
    c.bench_function(&format!("sort {label} customers by profit"), |b| {
        b.iter(|| black_box(customer_table::rows(&all, &seg, &Filter::default(), sort)));
    });
    let mut scenario =
        scm_crm_studio::model::Scenario::new(NaiveDate::from_ymd_opt(2026, 11, 26).unwrap_or_default());
    scenario.customers.clone_from(&all);
    c.bench_function(&format!("validate {label} customers"), |b| {
        b.iter(|| black_box(validate(&scenario)));
    });

    what_if_parts(c, &all, &settings, &label);

    let rows = common::size(LOG_ROWS, 10_000);
    let dir = common::ScratchDir::new("scm-crm-bench");
    let path = dir.path().join("transactions.csv");
    std::fs::write(&path, transaction_log(rows)).expect("write the transaction log");
    let reference = NaiveDate::from_ymd_opt(2026, 11, 26).unwrap_or_default();
    let existing = customers(5_000);
    // As the import dialog previews a log read whole (a workbook's).
    let import = || {
        let sheet = import::read_sheet(&path, TextEncoding::Utf8, None).expect("read the log");
        let settings = import::ImportSettings {
            kind: import::ImportKind::Transactions,
            customer_mapping: Vec::new(),
            tx_mapping: import::guess_tx_mapping(&sheet.headers),
            options: ParseOptions::default(),
            reference_date: reference,
            keep_log: true,
        };
        let preview = import::preview(
            import::ImportSource::Sheet(&sheet),
            &settings,
            existing.clone(),
            &Progress::default(),
        )
        .expect("a sheet in memory reads")
        .expect("nothing cancels it");
        let read = preview.log.as_ref().map_or(0, Vec::len);
        let errors = preview.errors.clone();
        let added = preview.added_from_log.len();
        let updated = preview.merged.updated;
        (read, errors, (added, updated, preview.into_customers()))
    };
    let (read, errors, (added, updated, merged)) = import();
    assert!(
        errors.is_empty(),
        "setup: the log must import without errors: {errors:?}"
    );
    assert_eq!(read, rows, "setup: every row of the log is a transaction");
    // The log's ids are C000000 … C019999 and the existing customers C000000 … C004999: with
    // this many rows nearly every id occurs, and each either updates or adds a customer.
    assert!(
        updated > 0 && added > 0,
        "setup: the log must both update and add customers ({updated} updated, {added} added)"
    );
    assert_eq!(merged.len(), existing.len() + added);
    let mut group = c.benchmark_group("import");
    group.sample_size(20);
    group.bench_function(
        format!(
            "{}-row transaction log, read + parse + aggregate + merge",
            common::count_label(rows)
        ),
        |b| {
            b.iter(|| black_box(import()));
        },
    );
    group.finish();
}

/// The model's share of one what-if slider step (the whole step, with its frame, is in
/// `ui_frame`): the segmentation with the changed cost to serve, from the previous step's,
/// and the whale curve the Charts page then draws from it.
fn what_if_parts(c: &mut Criterion, all: &[Customer], settings: &Settings, label: &str) {
    let table = segmentation::AmountTable::new(all);
    let step = |pct: f64, previous: Option<&Segmentation>| {
        let what_if = WhatIf {
            cost_to_serve_pct: pct,
            ..WhatIf::default()
        };
        what_if.segmentation_of(&table, all, settings, previous)
    };
    let at_10 = step(10.0, None);
    let at_30 = step(30.0, Some(&at_10));
    assert_ne!(
        at_10.tier_counts(),
        at_30.tier_counts(),
        "setup: a dearer cost to serve must re-tier some customers"
    );
    let everyone: Vec<usize> = (0..all.len()).collect();
    let curve = charts::whale_curve(&at_10, &everyone);
    assert_eq!(curve.ranked.len(), all.len(), "setup: the curve ranks everyone");
    let mut group = c.benchmark_group(format!("what-if step parts, {label} customers"));
    group.sample_size(30);
    let mut previous = step(11.0, Some(&at_10));
    let mut pct = 10.0;
    group.bench_function("segment with the changed cost to serve", |b| {
        b.iter(|| {
            pct = if pct > 10.5 { 10.0 } else { 11.0 };
            previous = step(pct, Some(&previous));
        });
    });
    let profits: Vec<i128> = at_10.figures.iter().map(|f| f.profit).collect();
    let ids: Vec<&str> = all.iter().map(|c| c.id.as_str()).collect();
    group.bench_function("rank by profit (part of the above)", |b| {
        b.iter(|| black_box(segmentation::by_profit(black_box(&profits), &ids)));
    });
    group.bench_function("whale curve", |b| {
        b.iter(|| black_box(charts::whale_curve(black_box(&at_10), &everyone)));
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
