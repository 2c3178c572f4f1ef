//! The entry points the fuzz targets in `fuzz/` drive, kept here so that the corpus replay
//! test (`tests/fuzz_corpus.rs`) runs exactly the same code on every saved input in `cargo test`.
//! Each takes arbitrary bytes and must never panic, whatever they hold.

use std::path::PathBuf;

use chrono::NaiveDate;

use crate::cli::{EncodingArg, ImportArgs, ImportKind, advise_scenario, print_check, run_import};
use crate::store;

/// A scratch file for this thread (fuzzers and the replay test run several at once).
fn scratch(name: &str) -> PathBuf {
    let thread = format!("{:?}", std::thread::current().id())
        .chars()
        .filter(char::is_ascii_digit)
        .collect::<String>();
    std::env::temp_dir().join(format!("scm-fuzz-{}-{thread}-{name}", std::process::id()))
}

fn day(n: u16) -> NaiveDate {
    NaiveDate::from_ymd_opt(2000, 1, 1).unwrap_or_default() + chrono::Days::new(u64::from(n) * 4)
}

/// The scenario loader on any text: parse, migrate, validate, locate warnings; then save
/// what loaded and check the saved text loads and saves to the same text (text, not values:
/// a NaN score read from a file is never equal to itself).
/// Returns whether the text loaded.
#[must_use]
pub fn scenario_text(data: &[u8]) -> bool {
    let Ok(text) = std::str::from_utf8(data) else {
        return false;
    };
    let path = std::path::Path::new("fuzz.ron");
    if let Ok(loaded) = store::parse(text, path)
        && let Ok(saved) = store::to_ron(&loaded.scenario)
    {
        // Never write a file the app would refuse to open.
        let again = store::parse(&saved, path)
            .unwrap_or_else(|e| panic!("a loaded scenario saves to text that does not load: {e}"));
        let twice = store::to_ron(&again.scenario).ok();
        assert_eq!(
            twice.as_deref(),
            Some(saved.as_str()),
            "load → save → load → save changed the text"
        );
        return true;
    }
    false
}

/// `check FILE --json` on any file content, UTF-8 or not. Returns its exit code.
#[must_use]
pub fn check_file(data: &[u8]) -> Option<i32> {
    let path = scratch("check.ron");
    std::fs::write(&path, data).ok()?;
    let mut out = Vec::new();
    let code = print_check(&path, true, &mut out);
    assert!((0..=2).contains(&code), "check exit code {code}");
    let _ = std::fs::remove_file(&path);
    Some(code)
}

/// `import customers|transactions` of any file bytes with the extension `extension`
/// (csv, xlsx, ods) into a fresh scenario. The first byte picks the kind, the encoding,
/// the decimal separator and a column mapping over the first columns. Returns the exit code.
#[must_use]
pub fn import_file(extension: &str, data: &[u8]) -> Option<i32> {
    let (&knobs, bytes) = data.split_first()?;
    let input = scratch(&format!("import.{extension}"));
    let into = scratch("import-into.ron");
    let _ = std::fs::remove_file(&into);
    std::fs::write(&input, bytes).ok()?;
    let kind = if knobs & 1 == 0 {
        ImportKind::Customers
    } else {
        ImportKind::Transactions
    };
    let encoding = match (knobs >> 1) & 3 {
        1 => EncodingArg::Gbk,
        2 => EncodingArg::Big5,
        _ => EncodingArg::Utf8,
    };
    // Sometimes an explicit mapping by header name, as a user would type with --map.
    let map: Vec<String> = match ((knobs >> 4) & 3, kind) {
        (1, ImportKind::Customers) => vec!["id=id".into(), "revenue=revenue".into()],
        (1, ImportKind::Transactions) => vec!["customer_id=customer_id".into(), "amount=amount".into()],
        (2, _) => vec!["id=0".into(), "nonsense".into()],
        _ => Vec::new(),
    };
    let args = ImportArgs {
        kind,
        input: &input,
        into: &into,
        map: &map,
        date_format: if knobs & 64 == 0 { "%Y-%m-%d" } else { "%d/%m/%Y" },
        reference_date: NaiveDate::from_ymd_opt(2026, 11, 26).unwrap_or_default(),
        sheet: None,
        encoding,
        decimal_comma: knobs & 8 != 0,
        dry_run: false,
        today: NaiveDate::from_ymd_opt(2026, 11, 26).unwrap_or_default(),
    };
    let mut out = Vec::new();
    let code = run_import(&args, &mut out);
    assert!((0..=2).contains(&code), "import exit code {code}");
    if code == 0 {
        // What an import wrote must open.
        store::load(&into).unwrap_or_else(|e| panic!("an import wrote a file that does not open: {e}"));
    }
    let _ = std::fs::remove_file(&input);
    let _ = std::fs::remove_file(&into);
    Some(code)
}

/// `advise` on a dispute given as RON text (the structure the file holds: any kind, dates,
/// amounts, percentages, answers), logged into the bundled sample, on a day picked by the
/// first two bytes. Exercises the advice, the deadlines and the JSON. Returns the exit code
/// of the last `advise`, when the input got that far.
#[must_use]
pub fn advise_input(data: &[u8]) -> Option<i32> {
    // The sample, read once: each run only adds its dispute to a copy.
    static SAMPLE: std::sync::OnceLock<Option<crate::model::Scenario>> = std::sync::OnceLock::new();
    let (days, rest) = data.split_at_checked(2)?;
    let text = std::str::from_utf8(rest).ok()?;
    let dispute = ron::Options::default()
        .with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME)
        .with_recursion_limit(64)
        .from_str::<crate::model::Dispute>(text)
        .ok()?;
    let sample = SAMPLE.get_or_init(|| {
        let text = include_str!("../assets/samples/harbor-logistics.ron");
        store::parse(text, std::path::Path::new("sample.ron"))
            .ok()
            .map(|l| l.scenario)
    });
    let mut scenario = sample.clone()?;
    let id = dispute.id.clone();
    scenario.disputes.retain(|d| d.id != id);
    scenario.disputes.push(dispute);
    let today = day(u16::from_le_bytes([days[0], days[1]]) % 12_000);
    let mut code = 2;
    for json in [true, false] {
        let mut out = Vec::new();
        code = advise_scenario(
            &scenario,
            std::path::Path::new("fuzz.ron"),
            &id,
            today,
            json,
            &mut out,
        );
        assert!((0..=2).contains(&code), "advise exit code {code}");
    }
    Some(code)
}
