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
//! worse than none.

#![allow(
    clippy::expect_used,
    reason = "a bench whose setup fails must stop loudly, and expect says why"
)]

use std::fmt::Write as _;
use std::hint::black_box;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use scm_crm_studio::cli::{self, EncodingArg, ImportArgs, ImportKind};
use scm_crm_studio::model::{Scenario, Segmentation, ValueScores, validate};
use scm_crm_studio::store;

const CUSTOMERS: usize = 100_000;
const LOG_ROWS: usize = 1_000_000;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 26).expect("a real date")
}

/// 100,000 customers made from the sample's 30: descriptive data, money and tags for all,
/// value scores for one in ten and co-creation logs for one in fifty.
fn big_scenario() -> Scenario {
    let text = scm_crm_studio::ui::samples::SAMPLES
        .first()
        .expect("a bundled sample")
        .text;
    let mut s = store::parse(text, Path::new("sample.ron"))
        .expect("the sample parses")
        .scenario;
    let template = std::mem::take(&mut s.customers);
    s.customers = (0..CUSTOMERS)
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
    #[allow(dead_code, reason = "read only to make ron parse it")]
    format_version: Option<u32>,
}

struct TempDir(PathBuf);

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn bench(c: &mut Criterion) {
    let dir = TempDir(std::env::temp_dir().join(format!("scm-crm-store-bench-{}", std::process::id())));
    std::fs::create_dir_all(&dir.0).expect("create the bench folder");

    let scenario = big_scenario();
    let big = dir.0.join("big.ron");
    store::save(&big, &scenario).expect("save the 100,000-customer file");
    let report = cli::check(&big);
    assert!(
        report.ok && report.customers == Some(CUSTOMERS),
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

    let mut group = c.benchmark_group("100k customers");
    group.sample_size(10);
    group.bench_function("check (load, validate, derive)", |b| {
        b.iter(|| black_box(cli::check(black_box(&big))));
    });
    group.bench_function("before: read by ron alone (format 2), validate, derive", |b| {
        b.iter(|| {
            // What `parse` did before format 3: a version probe and a full parse, both by ron.
            let probe: VersionProbe = ron_options.from_str(&v2_text).expect("format 2 parses");
            let s: Scenario = ron_options.from_str(&v2_text).expect("format 2 parses");
            let warnings = validate(&s);
            let seg = Segmentation::compute(&s.customers, &s.settings);
            black_box((probe, warnings, seg));
        });
    });
    group.bench_function("save (atomic, with .bak)", |b| {
        let path = dir.0.join("saved.ron");
        b.iter(|| store::save(&path, black_box(&scenario)).expect("save"));
    });
    group.finish();

    let log = dir.0.join("transactions.csv");
    std::fs::write(&log, transaction_log(LOG_ROWS)).expect("write the 1M-row log");
    let into = dir.0.join("imported.ron");
    let mut group = c.benchmark_group("1M-row transaction log");
    group.sample_size(10);
    group.bench_function("import (parse, aggregate, tier, atomic save)", |b| {
        b.iter_batched(
            || {
                let _ = std::fs::remove_file(&into);
                let _ = std::fs::remove_file(store::backup_path(&into));
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
    assert!(report.ok, "the imported file must open: {report:?}");
}

criterion_group!(benches, bench);
criterion_main!(benches);
