//! Import and export of customer data through real files: CSV (UTF-8 and GBK), XLSX, ODS,
//! transaction logs with RFM, and the command line.

#![allow(
    clippy::unwrap_used,
    reason = "test helpers: a failure here is a test failure"
)]

use std::path::{Path, PathBuf};
use std::process::Command;

use chrono::NaiveDate;
use scm_crm_studio::i18n::customers::{import_error_text, row_error_text};
use scm_crm_studio::model::{Language, Money, Segmentation};
use scm_crm_studio::store;
use scm_crm_studio::store::export::{self, ExportCell, ExportTable};
use scm_crm_studio::store::import::{self, ImportError, ParseOptions, TextEncoding};

mod common;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/import")
        .join(name)
}

fn sample() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/samples/harbor-logistics.ron")
}

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_scm-crm-studio"))
}

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

#[test]
fn a_traditional_chinese_csv_imports_with_row_errors_listed() {
    let sheet = import::read_sheet(&fixture("customers-zh-hant.csv"), TextEncoding::Utf8, None).unwrap();
    assert_eq!(
        sheet.headers[0], "客戶編號",
        "the byte-order mark is not part of the header"
    );
    let mapping = import::guess_customer_mapping(&sheet.headers);
    let (rows, errors) = import::customers_from_sheet(&sheet, &mapping, &ParseOptions::default());
    let ids: Vec<&str> = rows.iter().map(|r| r.id.as_str()).collect();
    assert_eq!(ids, ["C101", "C102", "C001"]);
    let lines: Vec<String> = errors
        .iter()
        .map(|e| row_error_text(Language::English, e))
        .collect();
    assert_eq!(
        lines,
        [
            "Row 4, column 營業額: not an amount: abc",
            "Row 5, column 服務成本: amounts cannot be negative: -20000",
            "Row 6, column 成長潛力: growth potential must be 1 to 5: 7",
        ]
    );
    // Merging into the sample: two new customers, one updated (only its mapped, non-empty cells).
    let scenario = store::load(&sample()).unwrap().scenario;
    let before = scenario.customer("C001").unwrap().clone();
    let merged = import::merge_customer_rows(scenario.customers.clone(), &rows);
    assert_eq!((merged.added, merged.updated), (2, 1));
    let c001 = merged.customers.iter().find(|c| c.id == "C001").unwrap();
    assert_eq!(c001.revenue, Money::from_major(39_000_000));
    assert_eq!(
        c001.cost_of_goods, before.cost_of_goods,
        "empty cells leave fields alone"
    );
    assert_eq!(c001.growth_potential, 5);
    let c102 = merged.customers.iter().find(|c| c.id == "C102").unwrap();
    assert_eq!(c102.name, "高雄港灣倉儲");
    assert_eq!(c102.cost_to_serve, Money(9_500_050));
    let c101 = merged.customers.iter().find(|c| c.id == "C101").unwrap();
    assert_eq!(c101.tags, ["express", "port"]);
}

#[test]
fn a_gbk_csv_is_refused_as_utf8_and_read_as_gbk() {
    let path = fixture("customers-zh-hans-gbk.csv");
    let err = import::read_sheet(&path, TextEncoding::Utf8, None).unwrap_err();
    assert!(matches!(err, ImportError::Encoding { row: 1, .. }), "{err:?}");
    let text = import_error_text(Language::English, &err);
    assert!(
        text.starts_with("Row 1 is not UTF-8 text. Choose the file's encoding"),
        "{text}"
    );
    let sheet = import::read_sheet(&path, TextEncoding::Gbk, None).unwrap();
    assert_eq!(
        sheet.headers,
        ["客户编号", "客户名称", "营业额", "货品成本", "服务成本"]
    );
    let mapping = import::guess_customer_mapping(&sheet.headers);
    let (rows, errors) = import::customers_from_sheet(&sheet, &mapping, &ParseOptions::default());
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(rows.len(), 2);
    let merged = import::merge_customer_rows(Vec::new(), &rows);
    assert_eq!(merged.customers[1].name, "广州白云快运");
    assert_eq!(merged.customers[1].cost_to_serve, Money::from_major(520_000));
}

#[test]
fn an_xlsx_with_chinese_headers_imports_numbers_and_dates() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("客戶.xlsx");
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name("名單").unwrap();
    for (col, h) in ["客戶編號", "客戶名稱", "營業額", "服務成本", "合作起始"]
        .iter()
        .enumerate()
    {
        sheet.write_string(0, col as u16, *h).unwrap();
    }
    let date_format = rust_xlsxwriter::Format::new().set_num_format("yyyy-mm-dd");
    let rows = [
        ("X01", "廈門海運", 1_234_567.5, 88_000.0),
        ("X02", "福州陸運", 50_000.0, 70_000.0),
    ];
    for (r, (id, name, revenue, cts)) in rows.iter().enumerate() {
        let r = r as u32 + 1;
        sheet.write_string(r, 0, *id).unwrap();
        sheet.write_string(r, 1, *name).unwrap();
        sheet.write_number(r, 2, *revenue).unwrap();
        sheet.write_number(r, 3, *cts).unwrap();
        let date = rust_xlsxwriter::ExcelDateTime::from_ymd(2024, 2, 29).unwrap();
        sheet
            .write_datetime_with_format(r, 4, &date, &date_format)
            .unwrap();
    }
    book.save(&path).unwrap();

    let sheet = import::read_sheet(&path, TextEncoding::Utf8, None).unwrap();
    assert_eq!(sheet.sheet.as_deref(), Some("名單"));
    assert_eq!(sheet.sheet_names, ["名單"]);
    let mapping = import::guess_customer_mapping(&sheet.headers);
    let (rows, errors) = import::customers_from_sheet(&sheet, &mapping, &ParseOptions::default());
    assert!(errors.is_empty(), "{errors:?}");
    let merged = import::merge_customer_rows(Vec::new(), &rows);
    assert_eq!(merged.customers[0].revenue, Money(123_456_750));
    assert_eq!(merged.customers[0].since, Some(day(2024, 2, 29)));
    assert_eq!(merged.customers[1].name, "福州陸運");
    assert!(matches!(
        import::read_sheet(&path, TextEncoding::Utf8, Some("Sheet9")),
        Err(ImportError::NoSuchSheet { .. })
    ));
}

#[test]
fn an_ods_imports() {
    let sheet = import::read_sheet(&fixture("customers-zh-hans.ods"), TextEncoding::Utf8, None).unwrap();
    let mapping = import::guess_customer_mapping(&sheet.headers);
    let (rows, errors) = import::customers_from_sheet(&sheet, &mapping, &ParseOptions::default());
    assert!(errors.is_empty(), "{errors:?}");
    let merged = import::merge_customer_rows(Vec::new(), &rows);
    assert_eq!(merged.customers.len(), 2);
    assert_eq!(merged.customers[0].revenue, Money(75_000_025));
    assert_eq!(merged.customers[1].cost_to_serve, Money::from_major(91_000));
}

#[test]
fn a_transaction_log_gives_revenue_and_rfm() {
    let sheet = import::read_sheet(&fixture("transactions.csv"), TextEncoding::Utf8, None).unwrap();
    let mapping = import::guess_tx_mapping(&sheet.headers);
    let reference = day(2026, 11, 26);
    let (log, errors) =
        import::transactions_from_sheet(&sheet, &mapping, &ParseOptions::default(), reference);
    let lines: Vec<String> = errors
        .iter()
        .map(|e| row_error_text(Language::English, e))
        .collect();
    assert_eq!(
        lines,
        [
            "Row 14, column Date: not a date in the format %Y-%m-%d: 2026-13-01",
            "Row 15, column Date: dated 2026-12-31, after the reference date",
            "Row 16, column Customer ID: no customer id",
            "Row 17, column 金額: not an amount: lots",
        ]
    );
    assert_eq!(log.len(), 12);
    let settings = import::ImportSettings {
        kind: import::ImportKind::Transactions,
        customer_mapping: Vec::new(),
        tx_mapping: mapping,
        options: ParseOptions::default(),
        reference_date: reference,
        keep_log: true,
    };
    let preview = import::preview(
        import::ImportSource::Sheet(&sheet),
        &settings,
        Vec::new(),
        &store::Progress::default(),
    )
    .unwrap()
    .unwrap();
    assert_eq!(preview.errors, errors);
    assert_eq!(preview.log.as_ref(), Some(&log));
    assert_eq!((preview.rows_read, preview.rows_ready), (16, 12));
    assert_eq!(preview.merged.added, 6);
    let customers = preview.into_customers();
    let t01 = &customers[0];
    assert_eq!(t01.id, "T01");
    assert_eq!(t01.revenue, Money::from_major(35_000));
    assert_eq!(t01.cost_of_goods, Money::ZERO, "no mapped costs: 0");
    let rfm = t01.rfm.as_ref().unwrap();
    assert_eq!((rfm.recency_days, rfm.frequency), (27, 3));
    let seg = Segmentation::compute(&customers, &scm_crm_studio::model::Settings::default());
    // T03 bought 6 days ago for 50,000: best recency and monetary.
    let t03 = customers.iter().position(|c| c.id == "T03").unwrap();
    assert_eq!(seg.figures[t03].rfm_scores, Some([5, 1, 5]));
    // T05 bought four times: best frequency.
    let t05 = customers.iter().position(|c| c.id == "T05").unwrap();
    assert_eq!(seg.figures[t05].rfm_scores.unwrap()[1], 5);
}

#[test]
fn a_streamed_csv_log_sums_and_reports_rows_like_the_sheet_reader() {
    let path = fixture("transactions.csv");
    let reference = day(2026, 11, 26);
    let opts = ParseOptions::default();
    let sheet = import::read_sheet(&path, TextEncoding::Utf8, None).unwrap();
    let mapping = import::guess_tx_mapping(&sheet.headers);
    let (log, sheet_errors) = import::transactions_from_sheet(&sheet, &mapping, &opts, reference);
    let expected = scm_crm_studio::model::rfm::aggregate(&log, reference);

    assert_eq!(
        import::csv_headers(&path, TextEncoding::Utf8).unwrap(),
        sheet.headers
    );
    let sums = import::sum_csv_log(&path, TextEncoding::Utf8, &mapping, &opts, reference).unwrap();
    assert_eq!(sums.customers, expected);
    assert_eq!(sums.errors, sheet_errors);
    assert_eq!(sums.rows, 12);

    // Semicolons, a byte-order mark, a blank row and GBK text go the same way.
    let dir = tempfile::tempdir().unwrap();
    let gbk_path = dir.path().join("log.csv");
    let (gbk, _, _) = encoding_rs::GB18030
        .encode("客户编号;日期;金额\nK1;2026-01-02;1.234,5\n;;\nK1;03/01/2026;(10)\n甲;2026-01-01;x\n");
    std::fs::write(&gbk_path, gbk).unwrap();
    let comma = ParseOptions {
        date_format: "%d/%m/%Y".into(),
        decimal_comma: true,
    };
    let headers = import::csv_headers(&gbk_path, TextEncoding::Gbk).unwrap();
    assert_eq!(headers, ["客户编号", "日期", "金额"]);
    let mapping = import::guess_tx_mapping(&headers);
    let sums = import::sum_csv_log(&gbk_path, TextEncoding::Gbk, &mapping, &comma, reference).unwrap();
    assert_eq!(sums.rows, 2);
    assert_eq!(sums.customers.len(), 1);
    assert_eq!(sums.customers[0].1.monetary, Money(123_450 - 1_000));
    assert_eq!(
        sums.customers[0].1.recency_days,
        (reference - day(2026, 1, 3)).num_days()
    );
    let lines: Vec<String> = sums
        .errors
        .iter()
        .map(|e| row_error_text(Language::English, e))
        .collect();
    assert_eq!(lines, ["Row 5, column 金额: not an amount: x"]);
    // Not UTF-8: refused with its row, as the sheet reader does.
    let err = import::sum_csv_log(&gbk_path, TextEncoding::Utf8, &mapping, &opts, reference).unwrap_err();
    assert!(matches!(err, ImportError::Encoding { row: 1, .. }), "{err:?}");
}

#[test]
fn empty_and_zero_byte_files_are_refused_clearly() {
    let err = import::read_sheet(&fixture("zero-bytes.csv"), TextEncoding::Utf8, None).unwrap_err();
    assert!(matches!(err, ImportError::Empty { .. }));
    assert!(import_error_text(Language::English, &err).starts_with("The file is empty: "));
    let sheet = import::read_sheet(&fixture("header-only.csv"), TextEncoding::Utf8, None).unwrap();
    assert!(sheet.rows.is_empty());
    let err = import::read_sheet(Path::new("/no/such.csv"), TextEncoding::Utf8, None).unwrap_err();
    assert!(import_error_text(Language::English, &err).starts_with("Cannot read the file"));
    let err = import::read_sheet(&sample(), TextEncoding::Utf8, None).unwrap_err();
    assert!(matches!(err, ImportError::UnknownFormat { .. }));
}

#[test]
fn exports_reopen_with_the_same_numbers() {
    let table = ExportTable {
        sheet_name: "客戶".into(),
        headers: vec!["名稱".into(), "利潤".into(), "備註".into()],
        rows: vec![
            vec![
                ExportCell::Text("港聯物流".into()),
                ExportCell::Number(-650_000.25),
                ExportCell::Text("=cmd|' /C calc'!A0".into()),
            ],
            vec![
                ExportCell::Text("+86 code".into()),
                ExportCell::Number(1_234_567.5),
                ExportCell::Empty,
            ],
        ],
    };
    let dir = tempfile::tempdir().unwrap();
    let csv_path = dir.path().join("out.csv");
    std::fs::write(&csv_path, export::to_csv(&table).unwrap()).unwrap();
    let back = import::read_sheet(&csv_path, TextEncoding::Utf8, None).unwrap();
    assert_eq!(back.headers, ["名稱", "利潤", "備註"]);
    assert_eq!(back.cell(0, 1).display(), "-650000.25");
    assert_eq!(
        back.cell(0, 2).display(),
        "'=cmd|' /C calc'!A0",
        "formula neutralised"
    );
    assert_eq!(back.cell(1, 0).display(), "'+86 code");

    let xlsx_path = dir.path().join("out.xlsx");
    std::fs::write(&xlsx_path, export::to_xlsx(&table).unwrap()).unwrap();
    let back = import::read_sheet(&xlsx_path, TextEncoding::Utf8, None).unwrap();
    assert_eq!(back.sheet.as_deref(), Some("客戶"));
    assert_eq!(
        *back.cell(0, 1),
        import::Cell::Number(-650_000.25),
        "numbers stay numbers"
    );
    assert_eq!(*back.cell(1, 1), import::Cell::Number(1_234_567.5));
    assert_eq!(back.cell(0, 2).display(), "'=cmd|' /C calc'!A0");
}

#[test]
fn the_command_line_imports_and_check_reports_the_new_totals() {
    let dir = tempfile::tempdir().unwrap();
    let into = dir.path().join("imported.ron");
    let out = bin()
        .args(["import", "customers"])
        .arg(fixture("customers-zh-hant.csv"))
        .arg("--into")
        .arg(&into)
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert_eq!(out.status.code(), Some(0), "{text}");
    assert!(
        text.contains("Row 4, column 營業額: not an amount: abc"),
        "{text}"
    );
    assert!(
        text.contains(&format!(
            "created {}: 3 rows imported, 3 customers added, 0 updated, 3 rows skipped",
            into.display()
        )),
        "{text}"
    );

    let out = bin()
        .args(["import", "transactions"])
        .arg(fixture("transactions.csv"))
        .arg("--into")
        .arg(&into)
        .args(["--reference-date", "2026-11-26"])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    assert!(
        store::backup_path(&into).exists(),
        "the second import kept a .bak"
    );

    let out = bin().args(["check", "--json"]).arg(&into).output().unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["customers"], 9);
    // By hand from the two fixtures. Customers: C101 (revenue 1,200,000, profit 250,000,
    // growth 4), C102 (860,000; 154,999.50; 3) and C001 (39,000,000, no costs; growth 5); the
    // log adds T01 35,000, T02 5,500, T03 50,000, T04 900, T05 28,000 and T06 1,000.50 (revenue
    // only, growth 3). Revenue 41,180,400.50. C001 alone makes over 95 % of the profit: it is
    // the only A, everyone else C. Key: C001 (A) and C101 (growth 4); the other seven general.
    assert_eq!(v["revenue_total"], 41_180_400.5);
    assert_eq!(
        v["tiers"],
        serde_json::json!({"key": 2, "general": 7, "loss_making": 0})
    );
    assert_eq!(v["abc"], serde_json::json!({"a": 1, "b": 0, "c": 8}));
}

#[test]
fn the_command_line_maps_columns_and_refuses_nonsense() {
    let dir = tempfile::tempdir().unwrap();
    let into = dir.path().join("mapped.ron");
    // Map revenue to the cost-of-goods column on purpose: the mapping wins over the guess.
    let out = bin()
        .args(["import", "customers"])
        .arg(fixture("customers-zh-hans-gbk.csv"))
        .args(["--encoding", "gbk", "--map", "revenue=货品成本", "--into"])
        .arg(&into)
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    let s = store::load(&into).unwrap().scenario;
    assert_eq!(s.customers[0].revenue, Money::from_major(1_500_000));

    let out = bin()
        .args(["import", "customers"])
        .arg(fixture("customers-zh-hant.csv"))
        .args(["--map", "revenue=Nope", "--into"])
        .arg(&into)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let out = bin()
        .args(["import", "customers"])
        .arg(fixture("header-only.csv"))
        .arg("--into")
        .arg(dir.path().join("none.ron"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "nothing imported");
    assert!(!dir.path().join("none.ron").exists());
    let out = bin()
        .args(["import", "customers"])
        .arg(fixture("zero-bytes.csv"))
        .arg("--into")
        .arg(dir.path().join("none.ron"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stdout).contains("The file is empty"));
}

/// What the import dialog shows for `file` over the sample, once the whole file is read:
/// the preview's title (with the rows read) and the lines `expected` (the counts).
fn dialog_shows(file: &Path, title: &str, expected: &[&str]) {
    use egui::accesskit::Role;
    use egui_kittest::kittest::Queryable as _;
    let mut harness = common::app_sized([1400.0, 860.0], None);
    harness.get_by_role_and_label(Role::Button, "Import…").click();
    harness.run();
    common::type_into(&mut harness, "File", file.to_str().unwrap());
    harness.get_by_role_and_label(Role::Button, "Load").click();
    harness.run();
    // A CSV file is read whole on its own thread: step until its preview is in.
    for _ in 0..200 {
        if harness.query_by_label(expected[0]).is_some() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
        harness.step();
    }
    harness.get_by_label(title);
    for line in expected {
        harness.get_by_label(line);
    }
}

/// `import --dry-run` of `file` into a copy of the sample: checks that it prints the rows read
/// and each of `expected`, exits 0 and leaves the scenario file as it was.
fn dry_run_prints(kind: &str, file: &Path, rows_read: usize, expected: &[&str]) {
    let dir = tempfile::tempdir().unwrap();
    let into = dir.path().join("sample.ron");
    std::fs::copy(sample(), &into).unwrap();
    let before = std::fs::read(&into).unwrap();
    let out = bin()
        .args(["import", kind])
        .arg(file)
        .arg("--into")
        .arg(&into)
        .args(["--reference-date", "2026-11-26", "--dry-run"])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert_eq!(out.status.code(), Some(0), "{text}");
    let lines: Vec<&str> = text.lines().collect();
    assert!(
        lines.contains(&format!("{rows_read} rows read from {}", file.display()).as_str()),
        "{text}"
    );
    for line in expected {
        assert!(lines.contains(line), "{line:?} not in:\n{text}");
    }
    assert!(
        lines.contains(&format!("Dry run: nothing was written to {}", into.display()).as_str()),
        "{text}"
    );
    assert_eq!(std::fs::read(&into).unwrap(), before, "a dry run writes nothing");
    assert!(!store::backup_path(&into).exists(), "nor a .bak");
}

#[test]
fn the_dialog_and_the_dry_run_preview_a_customer_list_alike() {
    // By hand from customers-preview.csv against the sample (the app's start, and the file the
    // dry run imports into). Nine data rows after the header (spreadsheet rows 2 to 10):
    // - row 2, C001 with the name, revenue (38,200,000) and growth (3) it has: unchanged;
    // - row 3, C002 with revenue 32,000,000 (the sample's is 31,500,000): updated;
    // - row 4, C003 with only growth 5 (the sample's is 4; empty cells change nothing): updated;
    // - rows 5 and 6, N001 and N002, not in the sample: added;
    // - row 7, revenue "abc"; row 8, no id; row 9, C001 a second time: skipped, one problem each;
    // - row 10, empty: left out without a word.
    // Ready: the 5 rows 2 to 6, 2 added, 2 updated, 1 unchanged; 3 rows skipped.
    let file = fixture("customers-preview.csv");
    let expected = [
        "5 rows ready: 2 new customers, 2 updated. 3 rows have problems and will be skipped.",
        "Customers already up to date (the file holds the values they have): 1",
        "Row 7, column Revenue: not an amount: abc",
        "Row 8, column Customer ID: no customer id",
        "Row 9, column Customer ID: id C001 appears more than once in the file",
    ];
    dialog_shows(&file, "First 9 of 9 rows", &expected);
    let cli: Vec<String> = expected
        .iter()
        .enumerate()
        // The command prints each row's problem after the file's name.
        .map(|(i, line)| {
            if i < 2 {
                (*line).to_owned()
            } else {
                format!("{}: {line}", file.display())
            }
        })
        .collect();
    let cli: Vec<&str> = cli.iter().map(String::as_str).collect();
    dry_run_prints("customers", &file, 9, &cli);
}

#[test]
fn the_dialog_and_the_dry_run_preview_a_streamed_log_alike() {
    // By hand from transactions.csv (both read it as a stream), as of 2026-11-26: 16 data rows;
    // rows 14 to 17 each have one problem (a month 13, a date after the reference date, no id,
    // the amount "lots"), so 12 purchases are ready, by T01 to T06, none of them in the
    // sample: 6 added, none updated or unchanged.
    let file = fixture("transactions.csv");
    let summary = "12 rows ready: 6 new customers, 0 updated. 4 rows have problems and will be skipped.";
    dialog_shows(&file, "First 16 of 16 rows", &[summary]);
    dry_run_prints("transactions", &file, 16, &[summary]);
}

#[test]
fn importing_the_same_list_again_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let into = dir.path().join("again.ron");
    let import = || {
        bin()
            .args(["import", "customers"])
            .arg(fixture("customers-zh-hant.csv"))
            .arg("--into")
            .arg(&into)
            .output()
            .unwrap()
    };
    assert_eq!(import().status.code(), Some(0));
    let before = std::fs::read(&into).unwrap();
    // The second time, the three rows ready name the three customers the first added, with
    // the values they got then.
    let out = import();
    let text = String::from_utf8(out.stdout).unwrap();
    assert_eq!(out.status.code(), Some(0), "{text}");
    let written = format!("{} is already up to date: nothing was written", into.display());
    for line in [
        "3 rows ready: 0 new customers, 0 updated. 3 rows have problems and will be skipped.",
        "Customers already up to date (the file holds the values they have): 3",
        &written,
    ] {
        assert!(text.lines().any(|l| l == line), "{line:?} not in:\n{text}");
    }
    assert_eq!(std::fs::read(&into).unwrap(), before);
    assert!(!store::backup_path(&into).exists(), "nothing saved, so no .bak");
}
