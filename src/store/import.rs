//! Importing customer lists and transaction logs from CSV, XLSX and ODS.
//!
//! Reading is split from interpreting: [`read_sheet`] turns any file into a [`Sheet`] of cells,
//! the user (or `--map`) chooses which column holds which field, and
//! [`customers_from_sheet`] / [`transactions_from_sheet`] turn rows into data plus a list of
//! per-row errors. Rows are numbered as a spreadsheet shows them: the header is row 1.
//! [`preview`] runs the whole pipeline, rows → errors → merge, for the dialog and the command.

use std::collections::HashSet;
use std::io::Cursor;
use std::path::{Path, PathBuf};

use calamine::{Data, Reader as _};
use chrono::NaiveDate;

use crate::model::rfm::Transaction;
use crate::model::{Customer, Money};

mod csv_log;
mod preview;
pub use csv_log::{LogSums, csv_headers, is_csv, sum_csv_log, sum_csv_log_with};
pub use preview::{
    ImportKind, ImportPreview, ImportSettings, ImportSource, KEEP_LOG_BYTES, Merged, fill_log_customer,
    merge_customer_rows, preview,
};

/// One cell as read from a file.
#[derive(Clone, Debug, PartialEq)]
pub enum Cell {
    Empty,
    Text(String),
    Number(f64),
    Date(NaiveDate),
}

impl Cell {
    /// The cell as the preview shows it.
    #[must_use]
    pub fn display(&self) -> String {
        match self {
            Self::Empty => String::new(),
            Self::Text(s) => s.clone(),
            Self::Number(n) => format!("{n}"),
            Self::Date(d) => d.to_string(),
        }
    }

    fn is_empty(&self) -> bool {
        match self {
            Self::Empty => true,
            Self::Text(s) => s.trim().is_empty(),
            _ => false,
        }
    }
}

/// A table read from a file: a header row and data rows.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Sheet {
    pub headers: Vec<String>,
    pub rows: Vec<Vec<Cell>>,
    /// The workbook's sheet names (empty for CSV), and which one this is.
    pub sheet_names: Vec<String>,
    pub sheet: Option<String>,
}

impl Sheet {
    /// The cell at a data row and column, `Empty` past the row's end.
    #[must_use]
    pub fn cell(&self, row: usize, column: usize) -> &Cell {
        self.rows
            .get(row)
            .and_then(|r| r.get(column))
            .unwrap_or(&Cell::Empty)
    }
}

/// The text encoding of a CSV file.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum TextEncoding {
    #[default]
    Utf8,
    /// Simplified Chinese Windows (GB 18030 / GBK).
    Gbk,
    /// Traditional Chinese Windows.
    Big5,
}

impl TextEncoding {
    pub const ALL: [Self; 3] = [Self::Utf8, Self::Gbk, Self::Big5];

    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            Self::Utf8 => "UTF-8",
            Self::Gbk => "GBK / GB18030",
            Self::Big5 => "Big5",
        }
    }
}

/// A file that could not be read as a table.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    #[error("cannot read: {source}: {path}")]
    Read { path: PathBuf, source: std::io::Error },
    #[error("the file is empty: {path}")]
    Empty { path: PathBuf },
    #[error("row {row}: not {encoding} text; choose another encoding: {path}")]
    Encoding {
        path: PathBuf,
        row: usize,
        encoding: &'static str,
    },
    #[error("row {row}: {detail}: {path}")]
    Csv {
        path: PathBuf,
        row: usize,
        detail: String,
    },
    #[error("cannot read the workbook ({detail}): {path}")]
    Workbook { path: PathBuf, detail: String },
    #[error("no sheet named {sheet}: {path}")]
    NoSuchSheet { path: PathBuf, sheet: String },
    #[error("only .csv, .xlsx, .xls and .ods files can be imported: {path}")]
    UnknownFormat { path: PathBuf },
}

/// Reads a CSV (with a header row), XLSX, XLS or ODS file. For workbooks, `sheet` picks a
/// sheet by name (the first by default).
pub fn read_sheet(path: &Path, encoding: TextEncoding, sheet: Option<&str>) -> Result<Sheet, ImportError> {
    let bytes = std::fs::read(path).map_err(|source| ImportError::Read {
        path: path.to_owned(),
        source,
    })?;
    if bytes.is_empty() {
        return Err(ImportError::Empty {
            path: path.to_owned(),
        });
    }
    let extension = path
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    match extension.as_str() {
        "csv" | "txt" | "tsv" => read_csv(path, &bytes, encoding),
        "xlsx" | "xlsm" | "xls" | "ods" => read_workbook(path, bytes, sheet),
        _ => Err(ImportError::UnknownFormat {
            path: path.to_owned(),
        }),
    }
}

/// The header and the first rows of a CSV file: at most about `max_bytes` of it, cut at a
/// line end, so that a preview of a million-row log does not read the million rows.
pub fn read_csv_head(path: &Path, encoding: TextEncoding, max_bytes: u64) -> Result<Sheet, ImportError> {
    use std::io::Read as _;
    let read_err = |source| ImportError::Read {
        path: path.to_owned(),
        source,
    };
    let mut bytes = Vec::new();
    std::fs::File::open(path)
        .map_err(read_err)?
        .take(max_bytes)
        .read_to_end(&mut bytes)
        .map_err(read_err)?;
    if bytes.len() as u64 == max_bytes
        && let Some(last) = memchr::memrchr(b'\n', &bytes)
    {
        // A line cut in two would read as a short row; GBK and Big5 never use the byte of a
        // line break inside a character, so the cut is safe in every encoding offered.
        bytes.truncate(last + 1);
    }
    if bytes.is_empty() {
        return Err(ImportError::Empty {
            path: path.to_owned(),
        });
    }
    read_csv(path, &bytes, encoding)
}

fn decode(path: &Path, bytes: &[u8], encoding: TextEncoding) -> Result<String, ImportError> {
    let bad_row = |valid_up_to: usize| {
        let row = bytes
            .get(..valid_up_to)
            .map_or(1, |b| b.split(|&c| c == b'\n').count());
        ImportError::Encoding {
            path: path.to_owned(),
            row,
            encoding: encoding.label(),
        }
    };
    match encoding {
        TextEncoding::Utf8 => {
            let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
            std::str::from_utf8(bytes)
                .map(str::to_owned)
                .map_err(|e| bad_row(e.valid_up_to()))
        }
        TextEncoding::Gbk | TextEncoding::Big5 => {
            let codec = if encoding == TextEncoding::Gbk {
                encoding_rs::GB18030
            } else {
                encoding_rs::BIG5
            };
            let (text, had_errors) = codec.decode_without_bom_handling(bytes);
            if had_errors {
                // Find the first line that does not decode cleanly.
                let row = bytes
                    .split(|&c| c == b'\n')
                    .position(|line| codec.decode_without_bom_handling(line).1)
                    .map_or(1, |i| i + 1);
                return Err(ImportError::Encoding {
                    path: path.to_owned(),
                    row,
                    encoding: encoding.label(),
                });
            }
            Ok(text.into_owned())
        }
    }
}

fn read_csv(path: &Path, bytes: &[u8], encoding: TextEncoding) -> Result<Sheet, ImportError> {
    let text = decode(path, bytes, encoding)?;
    if text.trim().is_empty() {
        return Err(ImportError::Empty {
            path: path.to_owned(),
        });
    }
    // Sniff the delimiter from the header line: comma, semicolon (European Excel) or tab.
    let first_line = text.lines().next().unwrap_or_default();
    let delimiter = [b',', b';', b'\t']
        .into_iter()
        .max_by_key(|d| first_line.bytes().filter(|b| b == d).count())
        .unwrap_or(b',');
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .flexible(true)
        .has_headers(false)
        .from_reader(text.as_bytes());
    let mut records = reader.records();
    let headers = match records.next() {
        Some(Ok(r)) => r.iter().map(|h| h.trim().to_owned()).collect(),
        Some(Err(e)) => return Err(csv_error(path, &e)),
        None => {
            return Err(ImportError::Empty {
                path: path.to_owned(),
            });
        }
    };
    let mut rows = Vec::new();
    for record in records {
        let record = record.map_err(|e| csv_error(path, &e))?;
        let row: Vec<Cell> = record
            .iter()
            .map(|s| {
                if s.trim().is_empty() {
                    Cell::Empty
                } else {
                    Cell::Text(s.to_owned())
                }
            })
            .collect();
        rows.push(row);
    }
    Ok(Sheet {
        headers,
        rows,
        sheet_names: Vec::new(),
        sheet: None,
    })
}

fn csv_error(path: &Path, e: &csv::Error) -> ImportError {
    ImportError::Csv {
        path: path.to_owned(),
        row: e.position().map_or(0, |p| p.line() as usize),
        detail: e.to_string(),
    }
}

fn read_workbook(path: &Path, bytes: Vec<u8>, sheet: Option<&str>) -> Result<Sheet, ImportError> {
    let workbook_err = |detail: String| ImportError::Workbook {
        path: path.to_owned(),
        detail,
    };
    let mut book =
        calamine::open_workbook_auto_from_rs(Cursor::new(bytes)).map_err(|e| workbook_err(e.to_string()))?;
    let names = book.sheet_names();
    let chosen = match sheet {
        Some(name) => names
            .iter()
            .find(|n| n.as_str() == name)
            .cloned()
            .ok_or_else(|| ImportError::NoSuchSheet {
                path: path.to_owned(),
                sheet: name.to_owned(),
            })?,
        None => names.first().cloned().ok_or_else(|| ImportError::Empty {
            path: path.to_owned(),
        })?,
    };
    let range = book
        .worksheet_range(&chosen)
        .map_err(|e| workbook_err(e.to_string()))?;
    let mut rows = range
        .rows()
        .map(|r| r.iter().map(cell_from_data).collect::<Vec<_>>());
    let Some(header) = rows.next() else {
        return Err(ImportError::Empty {
            path: path.to_owned(),
        });
    };
    let headers = header.iter().map(|c| c.display().trim().to_owned()).collect();
    Ok(Sheet {
        headers,
        rows: rows.collect(),
        sheet_names: names,
        sheet: Some(chosen),
    })
}

fn cell_from_data(d: &Data) -> Cell {
    use calamine::DataType as _;
    match d {
        Data::Empty => Cell::Empty,
        Data::Int(i) => Cell::Number(*i as f64),
        Data::Float(f) => Cell::Number(*f),
        Data::String(s) | Data::DurationIso(s) => Cell::Text(s.clone()),
        Data::Bool(b) => Cell::Text(b.to_string()),
        Data::DateTime(_) | Data::DateTimeIso(_) => {
            d.as_date().map_or_else(|| Cell::Text(d.to_string()), Cell::Date)
        }
        Data::Error(e) => Cell::Text(format!("#{e:?}")),
    }
}

/// How to read numbers and dates written as text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParseOptions {
    /// A chrono format such as `%Y-%m-%d` or `%d/%m/%Y`. ISO dates are always accepted too.
    pub date_format: String,
    /// Whether the decimal separator is a comma (1.234,56) instead of a point (1,234.56).
    pub decimal_comma: bool,
}

impl Default for ParseOptions {
    fn default() -> Self {
        Self {
            date_format: "%Y-%m-%d".to_owned(),
            decimal_comma: false,
        }
    }
}

/// Date formats offered in the import dialog.
pub const DATE_FORMATS: [&str; 6] = [
    "%Y-%m-%d",
    "%Y/%m/%d",
    "%d/%m/%Y",
    "%m/%d/%Y",
    "%d.%m.%Y",
    "%Y年%m月%d日",
];

/// A customer-list field a column can map to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Field {
    Id,
    Name,
    Industry,
    Region,
    Contact,
    Since,
    Revenue,
    CostOfGoods,
    CostToServe,
    GrowthPotential,
    Tags,
}

impl Field {
    pub const ALL: [Self; 11] = [
        Self::Id,
        Self::Name,
        Self::Industry,
        Self::Region,
        Self::Contact,
        Self::Since,
        Self::Revenue,
        Self::CostOfGoods,
        Self::CostToServe,
        Self::GrowthPotential,
        Self::Tags,
    ];

    /// The name used on the command line (`--map revenue=Sales`).
    #[must_use]
    pub fn key(self) -> &'static str {
        match self {
            Self::Id => "id",
            Self::Name => "name",
            Self::Industry => "industry",
            Self::Region => "region",
            Self::Contact => "contact",
            Self::Since => "since",
            Self::Revenue => "revenue",
            Self::CostOfGoods => "cost_of_goods",
            Self::CostToServe => "cost_to_serve",
            Self::GrowthPotential => "growth_potential",
            Self::Tags => "tags",
        }
    }

    /// Header names this field is guessed from, normalised (lower case, no spaces or _ -).
    fn aliases(self) -> &'static [&'static str] {
        match self {
            Self::Id => &[
                "id",
                "customerid",
                "custid",
                "code",
                "客戶編號",
                "客户编号",
                "編號",
                "编号",
                "客戶代碼",
                "客户代码",
                "代碼",
                "代码",
            ],
            Self::Name => &[
                "name",
                "customer",
                "customername",
                "company",
                "客戶名稱",
                "客户名称",
                "名稱",
                "名称",
                "客戶",
                "客户",
                "公司",
                "公司名稱",
                "公司名称",
            ],
            Self::Industry => &["industry", "sector", "行業", "行业", "產業", "产业"],
            Self::Region => &["region", "area", "地區", "地区", "區域", "区域"],
            Self::Contact => &["contact", "contactperson", "聯絡人", "联系人", "聯繫人"],
            Self::Since => &[
                "since",
                "customersince",
                "startdate",
                "合作起始",
                "起始日期",
                "開始日期",
                "开始日期",
                "合作日期",
            ],
            Self::Revenue => &[
                "revenue",
                "sales",
                "turnover",
                "營業額",
                "营业额",
                "營收",
                "营收",
                "收入",
                "銷售額",
                "销售额",
            ],
            Self::CostOfGoods => &[
                "costofgoods",
                "cogs",
                "costofgoodssold",
                "cost",
                "貨品成本",
                "货品成本",
                "銷貨成本",
                "销货成本",
                "商品成本",
                "成本",
            ],
            Self::CostToServe => &[
                "costtoserve",
                "servicecost",
                "servingcost",
                "服務成本",
                "服务成本",
                "物流服務成本",
                "物流服务成本",
            ],
            Self::GrowthPotential => &[
                "growth",
                "growthpotential",
                "potential",
                "成長潛力",
                "成长潜力",
                "潛力",
                "潜力",
            ],
            Self::Tags => &["tags", "tag", "segment", "標籤", "标签", "分群"],
        }
    }
}

/// A transaction-log field a column can map to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TxField {
    CustomerId,
    Date,
    Amount,
    Quantity,
}

impl TxField {
    pub const ALL: [Self; 4] = [Self::CustomerId, Self::Date, Self::Amount, Self::Quantity];

    #[must_use]
    pub fn key(self) -> &'static str {
        match self {
            Self::CustomerId => "customer_id",
            Self::Date => "date",
            Self::Amount => "amount",
            Self::Quantity => "quantity",
        }
    }

    fn aliases(self) -> &'static [&'static str] {
        match self {
            Self::CustomerId => &[
                "customerid",
                "customer",
                "id",
                "custid",
                "客戶編號",
                "客户编号",
                "客戶",
                "客户",
                "編號",
                "编号",
            ],
            Self::Date => &[
                "date",
                "orderdate",
                "transactiondate",
                "日期",
                "交易日期",
                "訂單日期",
                "订单日期",
            ],
            Self::Amount => &[
                "amount",
                "value",
                "total",
                "sales",
                "金額",
                "金额",
                "交易金額",
                "交易金额",
                "銷售額",
                "销售额",
            ],
            Self::Quantity => &["quantity", "qty", "units", "數量", "数量"],
        }
    }
}

fn normalise(header: &str) -> String {
    header
        .chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '_' | '-' | '(' | ')' | '（' | '）' | '.'))
        .flat_map(char::to_lowercase)
        .collect()
}

/// Guesses a column for each field from the headers: exact alias matches first, then the
/// longest alias contained in a header. Each column serves one field at most.
fn guess<F: Copy + PartialEq>(
    headers: &[String],
    fields: &[F],
    aliases: impl Fn(F) -> &'static [&'static str],
) -> Vec<(F, Option<usize>)> {
    let normalised: Vec<String> = headers.iter().map(|h| normalise(h)).collect();
    let mut taken = vec![false; headers.len()];
    let mut out: Vec<(F, Option<usize>)> = fields.iter().map(|&f| (f, None)).collect();
    for (field, slot) in &mut out {
        if let Some(i) = normalised
            .iter()
            .enumerate()
            .position(|(i, h)| !taken[i] && aliases(*field).contains(&h.as_str()))
        {
            taken[i] = true;
            *slot = Some(i);
        }
    }
    for (field, slot) in &mut out {
        if slot.is_some() {
            continue;
        }
        let best = normalised
            .iter()
            .enumerate()
            .filter(|(i, _)| !taken[*i])
            .filter_map(|(i, h)| {
                aliases(*field)
                    .iter()
                    .filter(|a| a.chars().count() >= 2 && h.contains(*a))
                    .map(|a| a.chars().count())
                    .max()
                    .map(|len| (i, len))
            })
            .max_by_key(|(_, len)| *len);
        if let Some((i, _)) = best {
            taken[i] = true;
            *slot = Some(i);
        }
    }
    out
}

/// Which column (0-based) holds each customer field.
pub type CustomerMapping = Vec<(Field, Option<usize>)>;
/// Which column (0-based) holds each transaction field.
pub type TxMapping = Vec<(TxField, Option<usize>)>;

#[must_use]
pub fn guess_customer_mapping(headers: &[String]) -> CustomerMapping {
    guess(headers, &Field::ALL, Field::aliases)
}

#[must_use]
pub fn guess_tx_mapping(headers: &[String]) -> TxMapping {
    guess(headers, &TxField::ALL, TxField::aliases)
}

/// Finds a column by header (case-insensitive), spreadsheet letter (`C`) or 1-based number.
#[must_use]
pub fn find_column(headers: &[String], name: &str) -> Option<usize> {
    let name = name.trim();
    if let Some(i) = headers.iter().position(|h| h.trim().eq_ignore_ascii_case(name)) {
        return Some(i);
    }
    if let Ok(n) = name.parse::<usize>() {
        return (1..=headers.len()).contains(&n).then(|| n - 1);
    }
    if !name.is_empty() && name.len() <= 2 && name.chars().all(|c| c.is_ascii_alphabetic()) {
        let index = name
            .to_ascii_uppercase()
            .bytes()
            .fold(0_usize, |acc, b| acc * 26 + usize::from(b - b'A' + 1))
            - 1;
        return (index < headers.len()).then_some(index);
    }
    None
}

/// What is wrong with one cell of an import.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RowProblem {
    MissingId,
    NotAnAmount(String),
    NegativeAmount(String),
    NotADate { text: String, format: String },
    GrowthOutOfRange(String),
    DuplicateId(String),
    AfterReferenceDate(NaiveDate),
    MissingField(&'static str),
}

/// A problem at a spreadsheet row (header = row 1) and column header.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RowError {
    pub row: usize,
    pub column: String,
    pub problem: RowProblem,
}

fn amount(cell: &Cell, opts: &ParseOptions) -> Result<Option<Money>, RowProblem> {
    match cell {
        Cell::Empty => Ok(None),
        Cell::Number(n) => {
            if !n.is_finite() || n.abs() > 9.0e16 {
                return Err(RowProblem::NotAnAmount(format!("{n}")));
            }
            Ok(Some(Money((n * 100.0).round() as i64)))
        }
        Cell::Date(d) => Err(RowProblem::NotAnAmount(d.to_string())),
        Cell::Text(text) => amount_text(text.trim(), opts).map(Some),
    }
}

/// An amount written as (trimmed, non-empty) text.
fn amount_text(t: &str, opts: &ParseOptions) -> Result<Money, RowProblem> {
    if !opts.decimal_comma
        && let Some(m) = plain_amount(t)
    {
        return Ok(m);
    }
    let normalised = if opts.decimal_comma {
        t.replace(['.', ' ', '\u{a0}'], "").replace(',', ".")
    } else {
        t.to_owned()
    };
    // Accounting negatives: (1,234.00).
    let (negative, body) = match normalised.strip_prefix('(').and_then(|s| s.strip_suffix(')')) {
        Some(inner) => (true, inner.to_owned()),
        None => (false, normalised),
    };
    let m = Money::parse(&body).ok_or_else(|| RowProblem::NotAnAmount(t.to_owned()))?;
    Ok(if negative { Money(-m.0) } else { m })
}

/// `1234`, `-12.5` or `0.05`: the common case, read without allocating. `None` for anything
/// else (separators, currency signs, accounting brackets), which the general path reads.
fn plain_amount(t: &str) -> Option<Money> {
    let (negative, digits) = match t.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, t),
    };
    let (whole, frac) = digits.split_once('.').unwrap_or((digits, ""));
    if whole.is_empty() || whole.len() > 15 || frac.len() > 2 {
        return None;
    }
    let number = |s: &str| {
        s.bytes().try_fold(0_i64, |acc, b| {
            b.is_ascii_digit().then(|| acc * 10 + i64::from(b - b'0'))
        })
    };
    let frac_cents = match frac.len() {
        0 => 0,
        1 => number(frac)? * 10,
        _ => number(frac)?,
    };
    let cents = number(whole)? * 100 + frac_cents;
    Some(Money(if negative { -cents } else { cents }))
}

fn date(cell: &Cell, opts: &ParseOptions) -> Result<Option<NaiveDate>, RowProblem> {
    match cell {
        Cell::Empty => Ok(None),
        Cell::Date(d) => Ok(Some(*d)),
        Cell::Number(n) => Err(RowProblem::NotADate {
            text: format!("{n}"),
            format: opts.date_format.clone(),
        }),
        Cell::Text(text) => date_text(text.trim(), opts).map(Some),
    }
}

/// A date written as (trimmed, non-empty) text: in the chosen format, else ISO.
fn date_text(t: &str, opts: &ParseOptions) -> Result<NaiveDate, RowProblem> {
    // The common case, `YYYY-MM-DD` with the ISO format chosen, without chrono's format parser.
    if opts.date_format == "%Y-%m-%d"
        && let Some(d) = iso_date(t)
    {
        return Ok(d);
    }
    NaiveDate::parse_from_str(t, &opts.date_format)
        .or_else(|_| NaiveDate::parse_from_str(t, "%Y-%m-%d"))
        .map_err(|_| RowProblem::NotADate {
            text: t.to_owned(),
            format: opts.date_format.clone(),
        })
}

/// Exactly `YYYY-MM-DD` and a real day; `None` leaves the text to chrono.
fn iso_date(t: &str) -> Option<NaiveDate> {
    let b = t.as_bytes();
    if b.len() != 10 || b.get(4) != Some(&b'-') || b.get(7) != Some(&b'-') {
        return None;
    }
    let num = |range: std::ops::Range<usize>| -> Option<u32> {
        b.get(range)?.iter().try_fold(0_u32, |acc, &c| {
            c.is_ascii_digit().then(|| acc * 10 + u32::from(c - b'0'))
        })
    };
    NaiveDate::from_ymd_opt(i32::try_from(num(0..4)?).ok()?, num(5..7)?, num(8..10)?)
}

fn text(cell: &Cell) -> String {
    match cell {
        // Ids like 1001 come from spreadsheets as numbers; keep them whole.
        Cell::Number(n) if n.fract() == 0.0 && n.abs() < 1e15 => format!("{}", *n as i64),
        other => other.display().trim().to_owned(),
    }
}

/// One row of a customer list: the id and the fields the mapping gave.
#[derive(Clone, Debug, PartialEq)]
pub struct CustomerRow {
    pub row: usize,
    pub id: String,
    pub values: Vec<FieldValue>,
}

/// A parsed value for one field.
#[derive(Clone, Debug, PartialEq)]
pub enum FieldValue {
    Name(String),
    Industry(String),
    Region(String),
    Contact(String),
    Since(NaiveDate),
    Revenue(Money),
    CostOfGoods(Money),
    CostToServe(Money),
    GrowthPotential(u8),
    Tags(Vec<String>),
}

impl FieldValue {
    /// Writes this value into a customer.
    pub fn apply(&self, c: &mut Customer) {
        match self {
            Self::Name(v) => v.clone_into(&mut c.name),
            Self::Industry(v) => v.clone_into(&mut c.industry),
            Self::Region(v) => v.clone_into(&mut c.region),
            Self::Contact(v) => v.clone_into(&mut c.contact),
            Self::Since(d) => c.since = Some(*d),
            Self::Revenue(m) => c.revenue = *m,
            Self::CostOfGoods(m) => c.cost_of_goods = *m,
            Self::CostToServe(m) => c.cost_to_serve = *m,
            Self::GrowthPotential(g) => c.growth_potential = *g,
            Self::Tags(t) => t.clone_into(&mut c.tags),
        }
    }

    /// Whether the customer already holds this value, so that applying it changes nothing.
    #[must_use]
    pub fn is_in(&self, c: &Customer) -> bool {
        match self {
            Self::Name(v) => *v == c.name,
            Self::Industry(v) => *v == c.industry,
            Self::Region(v) => *v == c.region,
            Self::Contact(v) => *v == c.contact,
            Self::Since(d) => c.since == Some(*d),
            Self::Revenue(m) => *m == c.revenue,
            Self::CostOfGoods(m) => *m == c.cost_of_goods,
            Self::CostToServe(m) => *m == c.cost_to_serve,
            Self::GrowthPotential(g) => *g == c.growth_potential,
            Self::Tags(t) => *t == c.tags,
        }
    }
}

fn header_of(sheet: &Sheet, column: usize) -> String {
    sheet.headers.get(column).cloned().unwrap_or_default()
}

/// Reads customer rows. Rows with any error are left out and listed; empty rows are skipped.
#[must_use]
pub fn customers_from_sheet(
    sheet: &Sheet,
    mapping: &CustomerMapping,
    opts: &ParseOptions,
) -> (Vec<CustomerRow>, Vec<RowError>) {
    let column = |f: Field| mapping.iter().find(|(m, _)| *m == f).and_then(|(_, c)| *c);
    let mut out = Vec::new();
    let mut errors = Vec::new();
    let mut seen = HashSet::new();
    let Some(id_col) = column(Field::Id) else {
        errors.push(RowError {
            row: 1,
            column: String::new(),
            problem: RowProblem::MissingField(Field::Id.key()),
        });
        return (out, errors);
    };
    for (i, cells) in sheet.rows.iter().enumerate() {
        let row = i + 2;
        if cells.iter().all(Cell::is_empty) {
            continue;
        }
        let mut row_errors = Vec::new();
        let id = text(sheet.cell(i, id_col));
        if id.is_empty() {
            row_errors.push((id_col, RowProblem::MissingId));
        } else if !seen.insert(id.clone()) {
            row_errors.push((id_col, RowProblem::DuplicateId(id.clone())));
        }
        let mut values = Vec::new();
        for &(field, col) in mapping {
            let Some(col) = col else { continue };
            let cell = sheet.cell(i, col);
            if cell.is_empty() || field == Field::Id {
                continue;
            }
            let parsed = match field {
                Field::Id => continue,
                Field::Name => Ok(FieldValue::Name(text(cell))),
                Field::Industry => Ok(FieldValue::Industry(text(cell))),
                Field::Region => Ok(FieldValue::Region(text(cell))),
                Field::Contact => Ok(FieldValue::Contact(text(cell))),
                Field::Tags => Ok(FieldValue::Tags(
                    text(cell)
                        .split([',', ';', '、', '，', '|'])
                        .map(str::trim)
                        .filter(|t| !t.is_empty())
                        .map(str::to_owned)
                        .collect(),
                )),
                Field::Since => match date(cell, opts) {
                    Ok(Some(d)) => Ok(FieldValue::Since(d)),
                    Ok(None) => continue,
                    Err(e) => Err(e),
                },
                Field::Revenue | Field::CostOfGoods | Field::CostToServe => match amount(cell, opts) {
                    Ok(Some(m)) if m.is_negative() => Err(RowProblem::NegativeAmount(cell.display())),
                    Ok(Some(m)) => Ok(match field {
                        Field::Revenue => FieldValue::Revenue(m),
                        Field::CostOfGoods => FieldValue::CostOfGoods(m),
                        _ => FieldValue::CostToServe(m),
                    }),
                    Ok(None) => continue,
                    Err(e) => Err(e),
                },
                Field::GrowthPotential => match text(cell).parse::<u8>() {
                    Ok(g @ 1..=5) => Ok(FieldValue::GrowthPotential(g)),
                    _ => Err(RowProblem::GrowthOutOfRange(cell.display())),
                },
            };
            match parsed {
                Ok(v) => values.push(v),
                Err(p) => row_errors.push((col, p)),
            }
        }
        if row_errors.is_empty() {
            out.push(CustomerRow { row, id, values });
        } else {
            errors.extend(row_errors.into_iter().map(|(col, problem)| RowError {
                row,
                column: header_of(sheet, col),
                problem,
            }));
        }
    }
    (out, errors)
}

/// Reads a transaction log. Rows with any error, and purchases after the reference date,
/// are left out and listed.
#[must_use]
pub fn transactions_from_sheet(
    sheet: &Sheet,
    mapping: &TxMapping,
    opts: &ParseOptions,
    reference_date: NaiveDate,
) -> (Vec<Transaction>, Vec<RowError>) {
    let column = |f: TxField| mapping.iter().find(|(m, _)| *m == f).and_then(|(_, c)| *c);
    let mut out = Vec::with_capacity(sheet.rows.len());
    let mut errors = Vec::new();
    let missing = missing_tx_columns(mapping);
    if !missing.is_empty() {
        return (out, missing);
    }
    let (Some(id_col), Some(date_col), Some(amount_col)) = (
        column(TxField::CustomerId),
        column(TxField::Date),
        column(TxField::Amount),
    ) else {
        return (out, errors);
    };
    let qty_col = column(TxField::Quantity);
    for (i, cells) in sheet.rows.iter().enumerate() {
        let row = i + 2;
        if cells.iter().all(Cell::is_empty) {
            continue;
        }
        let mut err = |col: usize, problem| {
            errors.push(RowError {
                row,
                column: header_of(sheet, col),
                problem,
            });
        };
        let id = text(sheet.cell(i, id_col));
        if id.is_empty() {
            err(id_col, RowProblem::MissingId);
            continue;
        }
        let d = match date(sheet.cell(i, date_col), opts) {
            Ok(Some(d)) => d,
            Ok(None) => {
                err(date_col, RowProblem::MissingField("date"));
                continue;
            }
            Err(p) => {
                err(date_col, p);
                continue;
            }
        };
        if d > reference_date {
            err(date_col, RowProblem::AfterReferenceDate(d));
            continue;
        }
        let a = match amount(sheet.cell(i, amount_col), opts) {
            Ok(Some(a)) => a,
            Ok(None) => {
                err(amount_col, RowProblem::MissingField("amount"));
                continue;
            }
            Err(p) => {
                err(amount_col, p);
                continue;
            }
        };
        let quantity = qty_col.and_then(|c| match sheet.cell(i, c) {
            Cell::Number(n) => Some(*n),
            Cell::Text(t) => t.trim().replace(',', "").parse().ok(),
            _ => None,
        });
        out.push(Transaction {
            customer_id: id,
            date: d,
            amount: a,
            quantity,
        });
    }
    (out, errors)
}

/// Header-row errors for the log fields every transaction needs but the mapping leaves out.
fn missing_tx_columns(mapping: &TxMapping) -> Vec<RowError> {
    [TxField::CustomerId, TxField::Date, TxField::Amount]
        .into_iter()
        .filter(|f| !mapping.iter().any(|(m, c)| m == f && c.is_some()))
        .map(|f| RowError {
            row: 1,
            column: String::new(),
            problem: RowProblem::MissingField(f.key()),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(h: &[&str]) -> Vec<String> {
        h.iter().map(|s| (*s).to_owned()).collect()
    }

    fn col(m: &CustomerMapping, f: Field) -> Option<usize> {
        m.iter().find(|(x, _)| *x == f).and_then(|(_, c)| *c)
    }

    #[test]
    fn guesses_english_and_chinese_headers() {
        let m = guess_customer_mapping(&headers(&[
            "客戶編號",
            "客戶名稱",
            "營業額",
            "貨品成本",
            "服務成本",
            "地區",
        ]));
        assert_eq!(col(&m, Field::Id), Some(0));
        assert_eq!(col(&m, Field::Name), Some(1));
        assert_eq!(col(&m, Field::Revenue), Some(2));
        assert_eq!(col(&m, Field::CostOfGoods), Some(3));
        assert_eq!(col(&m, Field::CostToServe), Some(4));
        assert_eq!(col(&m, Field::Region), Some(5));
        let m = guess_customer_mapping(&headers(&["客户编号", "客户名称", "营业额", "服务成本", "成本"]));
        assert_eq!(col(&m, Field::Revenue), Some(2));
        assert_eq!(col(&m, Field::CostToServe), Some(3));
        assert_eq!(col(&m, Field::CostOfGoods), Some(4));
        let m = guess_customer_mapping(&headers(&[
            "Customer ID",
            "Customer Name",
            "Sales",
            "COGS",
            "Cost to serve",
            "Growth potential",
        ]));
        assert_eq!(col(&m, Field::Id), Some(0));
        assert_eq!(col(&m, Field::Name), Some(1));
        assert_eq!(col(&m, Field::Revenue), Some(2));
        assert_eq!(col(&m, Field::CostOfGoods), Some(3));
        assert_eq!(col(&m, Field::CostToServe), Some(4));
        assert_eq!(col(&m, Field::GrowthPotential), Some(5));
        let t = guess_tx_mapping(&headers(&["客戶編號", "交易日期", "金額", "數量"]));
        assert_eq!(
            t.iter().map(|(_, c)| *c).collect::<Vec<_>>(),
            vec![Some(0), Some(1), Some(2), Some(3)]
        );
    }

    #[test]
    fn finds_columns_by_name_letter_or_number() {
        let h = headers(&["ID", "Sales", "Cost"]);
        assert_eq!(find_column(&h, "sales"), Some(1));
        assert_eq!(find_column(&h, "C"), Some(2));
        assert_eq!(find_column(&h, "1"), Some(0));
        assert_eq!(find_column(&h, "D"), None);
        assert_eq!(find_column(&h, "Profit"), None);
    }

    #[test]
    fn amounts_and_dates_follow_the_options() {
        let dot = ParseOptions::default();
        let comma = ParseOptions {
            date_format: "%d/%m/%Y".into(),
            decimal_comma: true,
        };
        let t = |s: &str| Cell::Text(s.into());
        assert_eq!(amount(&t("1,234.56"), &dot), Ok(Some(Money(123_456))));
        assert_eq!(amount(&t("1.234,56"), &comma), Ok(Some(Money(123_456))));
        assert_eq!(amount(&t("(50)"), &dot), Ok(Some(Money(-5000))));
        assert_eq!(amount(&Cell::Number(12.345), &dot), Ok(Some(Money(1235))));
        assert!(amount(&t("twelve"), &dot).is_err());
        assert!(amount(&Cell::Number(f64::NAN), &dot).is_err());
        assert_eq!(
            date(&t("31/12/2025"), &comma),
            Ok(NaiveDate::from_ymd_opt(2025, 12, 31))
        );
        assert_eq!(
            date(&t("2025-12-31"), &comma),
            Ok(NaiveDate::from_ymd_opt(2025, 12, 31))
        );
        assert!(date(&t("2024-02-30"), &dot).is_err());
    }
}
