//! Issue 9 benchmarks (release mode): the file and import targets.
//!
//! | bench | target |
//! |---|---|
//! | `check` of a 100,000-customer file: load, validate, derive | ≤ 0.3 s |
//! | import a 1,000,000-row transaction log: parse, aggregate, tier, atomic save | ≥ 4× faster than `benches/aggregate_log.py` (`benches/compare.sh` times both in one run) |
//!
//! Also measured, for the closing note: the same check read by ron alone, as every file was
//! read before format 3 (the "before" figure), and saving 100,000 customers.
//!
//! Setup failures stop the bench with a message: a bench that silently measures nothing is
//! worse than none. Under `cargo test --benches` the same code runs once at 1,000 customers
//! and a 10,000-row log (see `common`), so CI checks the setup.

#![allow(
    clippy::expect_used,
    reason = "a bench whose setup fails must stop loudly, and expect says why"
)]

use std::collections::HashSet;
use std::fmt::Write as _;
use std::hint::black_box;
use std::path::Path;

use chrono::NaiveDate;
use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use scm_crm_studio::cli::{self, EncodingArg, ImportArgs, ImportKind};
use scm_crm_studio::model::{Scenario, Segmentation, ValueScores, validate};
use scm_crm_studio::store;

mod common;

/// Customers in the big file under `cargo bench`; see `common::size`.
const CUSTOMERS: usize = 100_000;
/// Rows of the transaction log under `cargo bench`.
const LOG_ROWS: usize = 1_000_000;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 26).expect("a real date")
}

/// `n` customers made from the sample's 30: descriptive data, money and tags for all,
/// value scores for one in ten and co-creation logs for one in fifty.
fn big_scenario(n: usize) -> Scenario {
    let text = scm_crm_studio::ui::samples::SAMPLES
        .first()
        .expect("a bundled sample")
        .text;
    let mut s = store::parse(text, Path::new("sample.ron"))
        .expect("the sample parses")
        .scenario;
    let template = std::mem::take(&mut s.customers);
    s.customers = (0..n)
        .map(|i| {
            let mut c = template[i % template.len()].clone();
            c.id = format!("X{i:06}");
            c.revenue.0 += i as i64;
            if i % 50 != 0 {
                c.promotions.clear();
                c.interactions.clear();
                c.experiences.clear();
            }
            if i % 10 != 0 {
                c.value = ValueScores::default();
            }
            c
        })
        .collect();
    s
}

/// The same log `benches/make_log.py` writes: ids from 324,000 customers, about 309,000 used.
fn transaction_log(rows: usize) -> String {
    let customers = (rows * 324 / 1000).max(1) as u64;
    let start = NaiveDate::from_ymd_opt(2025, 1, 1).expect("a real date");
    let days: Vec<String> = (0..690)
        .map(|d| (start + chrono::Days::new(d)).to_string())
        .collect();
    let mut state: u64 = 7;
    let mut text = String::with_capacity(rows * 36);
    text.push_str("customer_id,date,amount,quantity\n");
    for _ in 0..rows {
        state = state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        let r = state >> 33;
        let cents = r.wrapping_mul(7919) % 10_000_000;
        let day = &days[((r >> 8) % 690) as usize];
        writeln!(
            text,
            "C{:07},{day},{}.{:02},{}",
            r % customers,
            cents / 100,
            cents % 100,
            1 + r % 9
        )
        .expect("writing to a String");
    }
    text
}

fn import_args<'a>(log: &'a Path, into: &'a Path) -> ImportArgs<'a> {
    ImportArgs {
        kind: ImportKind::Transactions,
        input: log,
        into,
        map: &[],
        date_format: "%Y-%m-%d",
        reference_date: today(),
        sheet: None,
        encoding: EncodingArg::Utf8,
        decimal_comma: false,
        dry_run: false,
        today: today(),
    }
}

/// The version probe `parse` ran before format 3.
#[derive(Debug, serde::Deserialize)]
#[serde(rename = "Scenario")]
struct VersionProbe {
    #[serde(default)]
    format_version: Option<u32>,
}

/// The distinct customer ids in `log`, counted here rather than by the code under test.
fn distinct_ids(log: &str) -> usize {
    log.lines()
        .skip(1)
        .filter_map(|line| line.split(',').next())
        .collect::<HashSet<_>>()
        .len()
}

fn bench(c: &mut Criterion) {
    let customers = common::size(CUSTOMERS, 1_000);
    let log_rows = common::size(LOG_ROWS, 10_000);
    let dir = common::ScratchDir::new("scm-crm-store-bench");

    let scenario = big_scenario(customers);
    let big = dir.path().join("big.ron");
    store::save(&big, &scenario).expect("save the big file");
    let report = cli::check(&big);
    assert!(
        report.ok && report.customers == Some(customers),
        "check fails: {report:?}"
    );
    // The same scenario as format 2 wrote it, for the "before" figure.
    let mut v2 = scenario.clone();
    v2.format_version = 2;
    let v2_text = ron::Options::default()
        .to_string_pretty(
            &v2,
            ron::ser::PrettyConfig::new()
                .extensions(ron::extensions::Extensions::IMPLICIT_SOME)
                .struct_names(true)
                .indentor("  ")
                .depth_limit(3),
        )
        .expect("write format 2");
    let ron_options =
        ron::Options::default().with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME);
    let before = || {
        // What `parse` did before format 3: a version probe and a full parse, both by ron.
        let probe: VersionProbe = ron_options.from_str(&v2_text).expect("format 2 parses");
        let s: Scenario = ron_options.from_str(&v2_text).expect("format 2 parses");
        let warnings = validate(&s);
        let seg = Segmentation::compute(&s.customers, &s.settings);
        (probe, s.customers.len(), warnings, seg)
    };
    let (probe, read, _, _) = before();
    assert_eq!(
        probe.format_version,
        Some(2),
        "setup: the 'before' file is format 2"
    );
    assert_eq!(
        read, customers,
        "setup: ron reads every customer of the format 2 file"
    );

    let mut group = c.benchmark_group(format!("{} customers", common::count_label(customers)));
    group.sample_size(10);
    group.bench_function("check (load, validate, derive)", |b| {
        b.iter(|| black_box(cli::check(black_box(&big))));
    });
    group.bench_function("before: read by ron alone (format 2), validate, derive", |b| {
        b.iter(|| black_box(before()));
    });
    group.bench_function("save (atomic, with .bak)", |b| {
        let path = dir.path().join("saved.ron");
        b.iter(|| store::save(&path, black_box(&scenario)).expect("save"));
    });
    group.finish();
    let saved = cli::check(&dir.path().join("saved.ron"));
    assert!(
        saved.ok && saved.customers == Some(customers),
        "the saved file must open with every customer: {saved:?}"
    );

    let text = transaction_log(log_rows);
    let ids = distinct_ids(&text);
    let log = dir.path().join("transactions.csv");
    std::fs::write(&log, text).expect("write the transaction log");
    let into = dir.path().join("imported.ron");
    let mut group = c.benchmark_group(format!("{}-row transaction log", common::count_label(log_rows)));
    group.sample_size(10);
    group.bench_function("import (parse, aggregate, tier, atomic save)", |b| {
        b.iter_batched(
            || {
                // Each import starts a new file, as the first import of a log does.
                common::remove_file_if_present(&into);
                common::remove_file_if_present(&store::backup_path(&into));
            },
            |()| {
                let mut out = Vec::new();
                let code = cli::run_import(&import_args(&log, &into), &mut out);
                assert_eq!(code, 0, "{}", String::from_utf8_lossy(&out));
            },
            BatchSize::PerIteration,
        );
    });
    group.finish();
    let report = cli::check(&into);
    assert!(
        report.ok && report.customers == Some(ids),
        "the imported file must open with one customer per id in the log ({ids}): {report:?}"
    );
}

criterion_group!(benches, bench);
criterion_main!(benches);
