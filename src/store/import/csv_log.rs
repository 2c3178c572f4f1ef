//! A CSV transaction log read as a stream and summed per customer as it goes.
//!
//! The general importer turns a file into a [`Sheet`](super::Sheet) of owned cells first, which
//! for a million-row log means millions of small strings. A log only needs its sums, so this
//! reads one record at a time into a reused [`csv::ByteRecord`], parses the borrowed fields and
//! adds them to [`LogTotals`]. Rows are checked with the same rules and give the same
//! [`RowError`]s as [`super::transactions_from_sheet`]. With several threads, each reads the
//! file and sums its own share of the customers (split by a hash of the id).

use std::fs::File;
use std::io::{BufRead as _, BufReader, Read};
use std::path::Path;

use chrono::NaiveDate;

use super::{ImportError, ParseOptions, RowError, RowProblem, TextEncoding, TxField, TxMapping};
use crate::model::Rfm;
use rayon::prelude::*;

use crate::model::rfm::{LogTotals, part_of};

/// A transaction log summed per customer.
#[derive(Debug, Default)]
pub struct LogSums {
    /// Each customer's RFM, in order of first appearance.
    pub customers: Vec<(String, Rfm)>,
    /// Rows left out, and why.
    pub errors: Vec<RowError>,
    /// Purchases counted.
    pub rows: usize,
}

const BUFFER_BYTES: usize = 1 << 20;

/// True when `path` is read by the CSV reader (as opposed to a workbook).
#[must_use]
pub fn is_csv(path: &Path) -> bool {
    path.extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .is_some_and(|e| matches!(e.as_str(), "csv" | "txt" | "tsv"))
}

/// The header row of a CSV file, as the column names for the mapping.
pub fn csv_headers(path: &Path, encoding: TextEncoding) -> Result<Vec<String>, ImportError> {
    let mut headers = Vec::new();
    read(path, encoding, true, |row, record| {
        if row == 1 {
            headers = record
                .iter()
                .map(|h| String::from_utf8_lossy(h).trim().to_owned())
                .collect();
        }
        Ok(false)
    })?;
    Ok(headers)
}

/// Reads a CSV transaction log and sums it per customer as of `reference_date`. Rows with a
/// problem, and purchases after the reference date, are left out and listed.
pub fn sum_csv_log(
    path: &Path,
    encoding: TextEncoding,
    mapping: &TxMapping,
    opts: &ParseOptions,
    reference_date: NaiveDate,
) -> Result<LogSums, ImportError> {
    let column = |f: TxField| mapping.iter().find(|(m, _)| *m == f).and_then(|(_, c)| *c);
    let missing = super::missing_tx_columns(mapping);
    let (Some(id_col), Some(date_col), Some(amount_col)) = (
        column(TxField::CustomerId),
        column(TxField::Date),
        column(TxField::Amount),
    ) else {
        return Ok(LogSums {
            errors: missing,
            ..LogSums::default()
        });
    };
    // The customers are split by a hash of their id into one part per thread. Each part reads
    // the whole file (cheap next to the sums) and sums only its own customers, so the parts
    // share nothing and each hash table is smaller. Rows with a problem are reported by the
    // part of their id (part 0 without an id), each once.
    let parts = match encoding {
        TextEncoding::Utf8 => rayon::current_num_threads().clamp(1, 8),
        // These are decoded whole first; once is enough.
        TextEncoding::Gbk | TextEncoding::Big5 => 1,
    };
    // A guess from the file size (logs run 30–40 bytes a row, customers buy a few times), so
    // the tables rarely grow and rehash while they fill.
    let bytes = std::fs::metadata(path).map_or(0, |m| m.len());
    let capacity = usize::try_from(bytes / 100).unwrap_or(0).min(4_000_000) / parts;
    let columns = Columns {
        id: id_col,
        date: date_col,
        amount: amount_col,
    };
    let results: Vec<Result<Part, ImportError>> = (0..parts)
        .into_par_iter()
        .map(|part| {
            sum_part(
                path,
                encoding,
                columns,
                opts,
                reference_date,
                (part, parts),
                capacity,
            )
        })
        .collect();
    let mut totals = Vec::with_capacity(parts);
    let mut errors = Vec::new();
    let mut rows = 0;
    for result in results {
        let part = result?;
        totals.push(part.totals);
        errors.extend(part.errors);
        rows += part.rows;
    }
    // Each row is in one part and gives at most one error: the row order is the file's.
    errors.sort_by_key(|e| e.row);
    Ok(LogSums {
        customers: LogTotals::finish_parts(totals, reference_date),
        errors,
        rows,
    })
}

#[derive(Clone, Copy)]
struct Columns {
    id: usize,
    date: usize,
    amount: usize,
}

struct Part {
    totals: LogTotals,
    errors: Vec<RowError>,
    rows: usize,
}

/// Sums the customers of part `part.0` of `part.1`.
fn sum_part(
    path: &Path,
    encoding: TextEncoding,
    columns: Columns,
    opts: &ParseOptions,
    reference_date: NaiveDate,
    (part, parts): (usize, usize),
    capacity: usize,
) -> Result<Part, ImportError> {
    let mut headers: Vec<String> = Vec::new();
    let mut totals = LogTotals::with_capacity(capacity);
    let mut errors = Vec::new();
    let mut rows = 0;
    // Part 0 checks that the whole file is UTF-8; the others only read their own ids.
    read(path, encoding, part == 0, |row, record| {
        if row == 1 {
            headers = record
                .iter()
                .map(|h| String::from_utf8_lossy(h).trim().to_owned())
                .collect();
            return Ok(true);
        }
        // In part 0 the record is valid UTF-8 (checked by `read`); elsewhere a field that is
        // not reads as empty, and part 0 refuses the file anyway.
        let cell = |col: usize| {
            record
                .get(col)
                .and_then(|b| std::str::from_utf8(b).ok())
                .unwrap_or_default()
                .trim()
        };
        let id = cell(columns.id);
        if !id.is_empty() && part_of(id, parts) != part {
            return Ok(true);
        }
        if record
            .iter()
            .all(|f| std::str::from_utf8(f).is_ok_and(|s| s.trim().is_empty()))
        {
            return Ok(true);
        }
        let mut err = |col: usize, problem| {
            errors.push(RowError {
                row,
                column: headers.get(col).cloned().unwrap_or_default(),
                problem,
            });
        };
        if id.is_empty() {
            if part == 0 {
                err(columns.id, RowProblem::MissingId);
            }
            return Ok(true);
        }
        let date_text = cell(columns.date);
        if date_text.is_empty() {
            err(columns.date, RowProblem::MissingField("date"));
            return Ok(true);
        }
        let date = match super::date_text(date_text, opts) {
            Ok(d) => d,
            Err(p) => {
                err(columns.date, p);
                return Ok(true);
            }
        };
        if date > reference_date {
            err(columns.date, RowProblem::AfterReferenceDate(date));
            return Ok(true);
        }
        let amount_text = cell(columns.amount);
        if amount_text.is_empty() {
            err(columns.amount, RowProblem::MissingField("amount"));
            return Ok(true);
        }
        let amount = match super::amount_text(amount_text, opts) {
            Ok(a) => a,
            Err(p) => {
                err(columns.amount, p);
                return Ok(true);
            }
        };
        totals.add_at(row as u64, id, date, amount);
        rows += 1;
        Ok(true)
    })?;
    Ok(Part { totals, errors, rows })
}

/// Calls `each(row, record)` for every record, the header being row 1, until it returns false.
/// With `check_utf8`, records are checked to be UTF-8 (after decoding GBK or Big5 to it).
fn read(
    path: &Path,
    encoding: TextEncoding,
    check_utf8: bool,
    mut each: impl FnMut(usize, &csv::ByteRecord) -> Result<bool, ImportError>,
) -> Result<(), ImportError> {
    let read_err = |source| ImportError::Read {
        path: path.to_owned(),
        source,
    };
    let empty = || ImportError::Empty {
        path: path.to_owned(),
    };
    let file = File::open(path).map_err(read_err)?;
    let source: Box<dyn Read> = match encoding {
        TextEncoding::Utf8 => Box::new(file),
        // Decoded whole: these files come from spreadsheets and are small next to a log.
        TextEncoding::Gbk | TextEncoding::Big5 => {
            let mut bytes = Vec::new();
            BufReader::new(file).read_to_end(&mut bytes).map_err(read_err)?;
            if bytes.is_empty() {
                return Err(empty());
            }
            Box::new(std::io::Cursor::new(
                super::decode(path, &bytes, encoding)?.into_bytes(),
            ))
        }
    };
    let mut input = BufReader::with_capacity(BUFFER_BYTES, source);
    let start = input.fill_buf().map_err(read_err)?;
    let bom = usize::from(start.starts_with(b"\xEF\xBB\xBF")) * 3;
    let start = start.get(bom..).unwrap_or_default();
    if start.trim_ascii().is_empty() {
        return Err(empty());
    }
    // Sniff the delimiter from the header line: comma, semicolon (European Excel) or tab.
    let first_line = start.split(|&b| b == b'\n').next().unwrap_or_default();
    let delimiter = [b',', b';', b'\t']
        .into_iter()
        .max_by_key(|&d| memchr::memchr_iter(d, first_line).count())
        .unwrap_or(b',');
    input.consume(bom);
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .flexible(true)
        .has_headers(false)
        .from_reader(input);
    let mut record = csv::ByteRecord::new();
    let mut row = 0;
    loop {
        match reader.read_byte_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {}
            Err(e) => return Err(super::csv_error(path, &e)),
        }
        row += 1;
        if check_utf8 && std::str::from_utf8(record.as_slice()).is_err() {
            return Err(ImportError::Encoding {
                path: path.to_owned(),
                row: record.position().map_or(row, |p| p.line() as usize),
                encoding: encoding.label(),
            });
        }
        if !each(row, &record)? {
            return Ok(());
        }
    }
    if row == 0 {
        return Err(empty());
    }
    Ok(())
}
