//! A CSV transaction log read as a stream and summed per customer as it goes.
//!
//! The general importer turns a file into a [`Sheet`](super::Sheet) of owned cells first, which
//! for a million-row log means millions of small strings. A log only needs its sums, so this
//! reads the file in blocks of whole lines and sums them; rows are checked with the same rules
//! and give the same [`RowError`]s as [`super::transactions_from_sheet`].
//!
//! Each block is cut at line ends into one piece per thread, and the pieces are read in
//! parallel by the `csv` crate into compact purchases (a packed id, a date, an amount), sorted
//! by a hash of the id into partitions. Then each partition is summed by one thread into its
//! own small table. A table of 300,000 customers is far bigger than the CPU caches, so a
//! purchase added straight to it costs a cache miss or two; a partition's table stays in the
//! cache, and the purchases reach it in order, in memory that is read once.
//!
//! Cutting at a line end is only safe while no field is quoted (a quoted field may hold a line
//! break). From the first block with a `"` on, the rest of the file is read by one `csv`
//! reader in order, as it always was.

use std::fs::File;
use std::io::{BufRead as _, BufReader, Read};
use std::path::Path;

use chrono::NaiveDate;
use rayon::prelude::*;

use super::{ImportError, ParseOptions, RowError, RowProblem, TextEncoding, TxField, TxMapping};
use crate::model::rfm::{IdKey, LogTotals};
use crate::model::{Money, Rfm};
use crate::store::Progress;

/// A transaction log summed per customer.
#[derive(Debug, Default)]
pub struct LogSums {
    /// Each customer's RFM, in order of first appearance.
    pub customers: Vec<(String, Rfm)>,
    /// Rows left out, and why.
    pub errors: Vec<RowError>,
    /// Purchases counted.
    pub rows: usize,
    /// Rows read after the header, blank ones included.
    pub records: usize,
}

/// The log is read in blocks of about this many bytes, cut after the last whole line.
const BLOCK_BYTES: usize = 8 << 20;

/// Customers are summed in `2^PARTITION_BITS` partitions: 64 tables of about 5,000 customers
/// each for the million-row log, each small enough for the CPU's cache.
const PARTITION_BITS: u32 = 6;

/// The mark in the top byte of a [`Purchase::key`] that holds a long id's place instead of
/// the id (a packed id keeps its length, at most 15, there).
const LONG_ID: u128 = 0xFF << 120;

const BOM: &[u8] = b"\xEF\xBB\xBF";

/// True when `path` is read by the CSV reader (as opposed to a workbook).
#[must_use]
pub fn is_csv(path: &Path) -> bool {
    path.extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .is_some_and(|e| matches!(e.as_str(), "csv" | "txt" | "tsv"))
}

/// The header row of a CSV file, as the column names for the mapping.
pub fn csv_headers(path: &Path, encoding: TextEncoding) -> Result<Vec<String>, ImportError> {
    let (source, _) = open(path, encoding)?;
    let mut input = BufReader::with_capacity(1 << 16, source);
    let start = input.fill_buf().map_err(|e| read_error(path, e))?;
    let bom = if start.starts_with(BOM) { BOM.len() } else { 0 };
    let text = start.get(bom..).unwrap_or_default();
    if text.trim_ascii().is_empty() {
        return Err(empty(path));
    }
    let delimiter = sniff_delimiter(text);
    input.consume(bom);
    let mut reader = csv_reader(delimiter, input);
    let mut record = csv::ByteRecord::new();
    match reader.read_byte_record(&mut record) {
        Ok(true) => {}
        Ok(false) => return Err(empty(path)),
        Err(e) => return Err(super::csv_error(path, &e)),
    }
    if std::str::from_utf8(record.as_slice()).is_err() {
        return Err(ImportError::Encoding {
            path: path.to_owned(),
            row: record.position().map_or(1, |p| p.line() as usize),
            encoding: encoding.label(),
        });
    }
    Ok(header_names(&record))
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
    // Nobody cancels this progress, so the sums are always there.
    sum_csv_log_with(
        path,
        encoding,
        mapping,
        opts,
        reference_date,
        &Progress::default(),
    )
    .map(Option::unwrap_or_default)
}

/// [`sum_csv_log`], reporting the bytes read to `progress` and stopping with `Ok(None)` soon
/// after it is cancelled.
pub fn sum_csv_log_with(
    path: &Path,
    encoding: TextEncoding,
    mapping: &TxMapping,
    opts: &ParseOptions,
    reference_date: NaiveDate,
    progress: &Progress,
) -> Result<Option<LogSums>, ImportError> {
    sum_in_blocks(
        path,
        encoding,
        mapping,
        (opts, reference_date),
        progress,
        BLOCK_BYTES,
    )
}

fn sum_in_blocks(
    path: &Path,
    encoding: TextEncoding,
    mapping: &TxMapping,
    (opts, reference_date): (&ParseOptions, NaiveDate),
    progress: &Progress,
    block_bytes: usize,
) -> Result<Option<LogSums>, ImportError> {
    let column = |f: TxField| mapping.iter().find(|(m, _)| *m == f).and_then(|(_, c)| *c);
    let missing = super::missing_tx_columns(mapping);
    let (Some(id), Some(date), Some(amount)) = (
        column(TxField::CustomerId),
        column(TxField::Date),
        column(TxField::Amount),
    ) else {
        return Ok(Some(LogSums {
            errors: missing,
            ..LogSums::default()
        }));
    };
    let (source, total) = open(path, encoding)?;
    progress.set_total(total);
    // A guess from the file size (logs run 30–40 bytes a row, customers buy a few times), so
    // the tables rarely grow and rehash while they fill.
    let capacity = usize::try_from(total / 100).unwrap_or(0).min(4_000_000) >> PARTITION_BITS;
    let mut summer = Summer {
        path,
        encoding,
        rules: Rules {
            columns: Columns { id, date, amount },
            opts,
            reference_date,
        },
        tables: (0..1 << PARTITION_BITS)
            .map(|_| LogTotals::with_capacity(capacity))
            .collect(),
        headers: Vec::new(),
        errors: Vec::new(),
        records: 0,
        purchases: 0,
        lines: 0,
        bytes: 0,
        block_bytes,
    };
    if !summer.read(source, progress)? {
        return Ok(None);
    }
    if summer.records == 0 {
        return Err(empty(path));
    }
    Ok(Some(LogSums {
        customers: LogTotals::finish_parts(summer.tables, reference_date),
        errors: summer.errors,
        rows: summer.purchases,
        records: summer.records.saturating_sub(1),
    }))
}

/// The file as UTF-8 bytes (GBK and Big5 decoded whole first) and its length.
fn open(path: &Path, encoding: TextEncoding) -> Result<(Box<dyn Read>, u64), ImportError> {
    let file = File::open(path).map_err(|e| read_error(path, e))?;
    match encoding {
        TextEncoding::Utf8 => {
            let bytes = file.metadata().map_or(0, |m| m.len());
            Ok((Box::new(file), bytes))
        }
        // Decoded whole: these files come from spreadsheets and are small next to a log.
        TextEncoding::Gbk | TextEncoding::Big5 => {
            let mut bytes = Vec::new();
            BufReader::new(file)
                .read_to_end(&mut bytes)
                .map_err(|e| read_error(path, e))?;
            if bytes.is_empty() {
                return Err(empty(path));
            }
            let text = super::decode(path, &bytes, encoding)?.into_bytes();
            let len = text.len() as u64;
            Ok((Box::new(std::io::Cursor::new(text)), len))
        }
    }
}

fn read_error(path: &Path, source: std::io::Error) -> ImportError {
    ImportError::Read {
        path: path.to_owned(),
        source,
    }
}

fn empty(path: &Path) -> ImportError {
    ImportError::Empty {
        path: path.to_owned(),
    }
}

/// The delimiter with the most uses on the header line: comma, semicolon (European Excel) or
/// tab.
fn sniff_delimiter(text: &[u8]) -> u8 {
    let first_line = text.split(|&b| b == b'\n').next().unwrap_or_default();
    [b',', b';', b'\t']
        .into_iter()
        .max_by_key(|&d| memchr::memchr_iter(d, first_line).count())
        .unwrap_or(b',')
}

fn csv_reader<R: Read>(delimiter: u8, input: R) -> csv::Reader<R> {
    csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .flexible(true)
        .has_headers(false)
        .from_reader(input)
}

fn header_names(record: &csv::ByteRecord) -> Vec<String> {
    record
        .iter()
        .map(|h| String::from_utf8_lossy(h).trim().to_owned())
        .collect()
}

#[derive(Clone, Copy)]
struct Columns {
    id: usize,
    date: usize,
    amount: usize,
}

/// What a row must hold to count.
#[derive(Clone, Copy)]
struct Rules<'a> {
    columns: Columns,
    opts: &'a ParseOptions,
    reference_date: NaiveDate,
}

/// What one record of the log is.
enum Outcome<'r> {
    /// Every field empty: left out without a word, as spreadsheets leave blank rows.
    Blank,
    /// Left out, with the column at fault and why.
    Problem(usize, RowProblem),
    Purchase(&'r str, NaiveDate, Money),
}

impl Rules<'_> {
    /// Checks one record, in the same order as the sheet reader, so that a row with several
    /// problems reports the same one.
    fn check<'r>(&self, record: &'r csv::ByteRecord) -> Outcome<'r> {
        let Columns { id, date, amount } = self.columns;
        // A field that is not UTF-8 reads as empty; files that are not are refused before.
        let cell = |col: usize| {
            record
                .get(col)
                .and_then(|b| std::str::from_utf8(b).ok())
                .unwrap_or_default()
                .trim()
        };
        let id_text = cell(id);
        if id_text.is_empty() {
            if record
                .iter()
                .all(|f| std::str::from_utf8(f).is_ok_and(|s| s.trim().is_empty()))
            {
                return Outcome::Blank;
            }
            return Outcome::Problem(id, RowProblem::MissingId);
        }
        let date_text = cell(date);
        if date_text.is_empty() {
            return Outcome::Problem(date, RowProblem::MissingField("date"));
        }
        let day = match super::date_text(date_text, self.opts) {
            Ok(d) => d,
            Err(p) => return Outcome::Problem(date, p),
        };
        if day > self.reference_date {
            return Outcome::Problem(date, RowProblem::AfterReferenceDate(day));
        }
        let amount_text = cell(amount);
        if amount_text.is_empty() {
            return Outcome::Problem(amount, RowProblem::MissingField("amount"));
        }
        match super::amount_text(amount_text, self.opts) {
            Ok(money) => Outcome::Purchase(id_text, day, money),
            Err(p) => Outcome::Problem(amount, p),
        }
    }
}

/// One purchase, waiting in its partition to be summed.
struct Purchase {
    /// A packed id ([`IdKey::Packed`]), or [`LONG_ID`] with the place of a longer id in
    /// [`Piece::long_ids`]: its start in the low 64 bits, its length above.
    key: u128,
    /// Where in the file the row starts: gives the customers their order.
    position: u64,
    date: NaiveDate,
    amount: Money,
}

/// What reading one piece of a block gave.
#[derive(Default)]
struct Piece {
    /// The purchases, by partition.
    partitions: Vec<Vec<Purchase>>,
    /// The bytes of the ids too long to pack, one after the other.
    long_ids: Vec<u8>,
    /// Rows left out: the row within the piece (from 1), the column and why.
    problems: Vec<(usize, usize, RowProblem)>,
    /// Records read (blank lines are not records).
    records: usize,
    purchases: usize,
    /// Line breaks in the piece.
    lines: u64,
    /// The line (within the piece, from 1) of the first byte that is not UTF-8.
    not_utf8: Option<u64>,
    error: Option<csv::Error>,
}

impl Piece {
    /// Reads `text`, which starts `offset` bytes into the file, at the start of a line.
    fn read(text: &[u8], offset: u64, delimiter: u8, rules: &Rules<'_>) -> Self {
        let mut piece = Self::default();
        if let Err(e) = std::str::from_utf8(text) {
            let before = text.get(..e.valid_up_to()).unwrap_or_default();
            piece.not_utf8 = Some(1 + memchr::memchr_iter(b'\n', before).count() as u64);
            return piece;
        }
        piece.lines = memchr::memchr_iter(b'\n', text).count() as u64;
        // About 30 bytes a row: rarely grows.
        let per_partition = (text.len() / 24) >> PARTITION_BITS;
        piece.partitions = (0..1 << PARTITION_BITS)
            .map(|_| Vec::with_capacity(per_partition))
            .collect();
        let mut reader = csv_reader(delimiter, text);
        let mut record = csv::ByteRecord::new();
        loop {
            match reader.read_byte_record(&mut record) {
                Ok(true) => {}
                Ok(false) => break,
                Err(e) => {
                    piece.error = Some(e);
                    break;
                }
            }
            piece.records += 1;
            match rules.check(&record) {
                Outcome::Blank => {}
                Outcome::Problem(col, problem) => piece.problems.push((piece.records, col, problem)),
                Outcome::Purchase(id, date, amount) => {
                    let id = IdKey::new(id);
                    let key = match id {
                        IdKey::Packed(key) => key,
                        IdKey::Text(text) => {
                            let at = piece.long_ids.len() as u128;
                            piece.long_ids.extend_from_slice(text.as_bytes());
                            LONG_ID | ((text.len() as u128) << 64) | at
                        }
                    };
                    if let Some(partition) = piece.partitions.get_mut(id.partition(PARTITION_BITS)) {
                        partition.push(Purchase {
                            key,
                            position: offset + record.position().map_or(0, csv::Position::byte),
                            date,
                            amount,
                        });
                    }
                    piece.purchases += 1;
                }
            }
        }
        piece
    }

    /// The id of a purchase of this piece.
    fn id(&self, key: u128) -> IdKey<'_> {
        if key & LONG_ID != LONG_ID {
            return IdKey::Packed(key);
        }
        let at = key as u64 as usize;
        let len = ((key >> 64) as u64 & 0xFFFF_FFFF) as usize;
        let text = self
            .long_ids
            .get(at..at + len)
            .and_then(|b| std::str::from_utf8(b).ok())
            .unwrap_or_default();
        IdKey::Text(text)
    }
}

/// The state of one pass over a log.
struct Summer<'a> {
    path: &'a Path,
    encoding: TextEncoding,
    rules: Rules<'a>,
    /// One table per partition of the customers.
    tables: Vec<LogTotals>,
    headers: Vec<String>,
    errors: Vec<RowError>,
    /// Records read so far, the header included: the row number of the last one.
    records: usize,
    purchases: usize,
    /// Line breaks read so far.
    lines: u64,
    /// Bytes read so far.
    bytes: u64,
    /// The size of a block ([`BLOCK_BYTES`] but in tests).
    block_bytes: usize,
}

impl Summer<'_> {
    /// Reads the whole file; false when cancelled.
    fn read(&mut self, mut source: Box<dyn Read>, progress: &Progress) -> Result<bool, ImportError> {
        let mut block: Vec<u8> = Vec::with_capacity(self.block_bytes + (1 << 16));
        let mut want = self.block_bytes;
        let mut at_start = true;
        let mut delimiter = None;
        loop {
            if progress.is_cancelled() {
                return Ok(false);
            }
            let need = want.saturating_sub(block.len());
            let got = (&mut source)
                .take(need as u64)
                .read_to_end(&mut block)
                .map_err(|e| read_error(self.path, e))?;
            let eof = got < need;
            if at_start {
                at_start = false;
                if block.starts_with(BOM) {
                    block.drain(..BOM.len());
                    self.bytes = BOM.len() as u64;
                }
                if eof && block.trim_ascii().is_empty() {
                    return Err(empty(self.path));
                }
            }
            // Only whole lines; a line longer than a block waits for more.
            let end = if eof {
                block.len()
            } else if let Some(last) = memchr::memrchr(b'\n', &block) {
                last + 1
            } else {
                want += self.block_bytes;
                continue;
            };
            // Sniffed once the first line is whole.
            let delimiter = *delimiter.get_or_insert_with(|| sniff_delimiter(&block));
            let text = block.get(..end).unwrap_or_default();
            if memchr::memchr(b'"', text).is_some() {
                // Quoted fields from here on: the rest in one reader, in order.
                let rest = std::io::Cursor::new(block).chain(source);
                return self.read_in_order(rest, delimiter, progress);
            }
            let text = if self.records == 0 {
                let header = self.read_header(text, delimiter)?;
                text.get(header..).unwrap_or_default()
            } else {
                text
            };
            self.read_block(text, delimiter)?;
            progress.set_done(self.bytes);
            block.drain(..end);
            want = self.block_bytes;
            if eof {
                return Ok(true);
            }
        }
    }

    /// Reads the header from the start of `text`; returns the bytes it took.
    fn read_header(&mut self, text: &[u8], delimiter: u8) -> Result<usize, ImportError> {
        let mut reader = csv_reader(delimiter, text);
        let mut record = csv::ByteRecord::new();
        let taken = match reader.read_byte_record(&mut record) {
            Ok(true) => {
                if std::str::from_utf8(record.as_slice()).is_err() {
                    return Err(self.not_utf8(record.position().map_or(1, csv::Position::line)));
                }
                self.headers = header_names(&record);
                self.records = 1;
                usize::try_from(reader.position().byte()).unwrap_or(text.len())
            }
            // Blank lines only: the header is further on.
            Ok(false) => text.len(),
            Err(e) => return Err(self.csv_error(&e)),
        };
        let taken = taken.min(text.len());
        self.lines += memchr::memchr_iter(b'\n', text.get(..taken).unwrap_or_default()).count() as u64;
        self.bytes += taken as u64;
        Ok(taken)
    }

    /// Reads whole lines without quotes: in pieces in parallel, then summed by partition.
    fn read_block(&mut self, text: &[u8], delimiter: u8) -> Result<(), ImportError> {
        // A few pieces per thread, so that a thread the system holds back does not hold up
        // the block.
        let pieces = (rayon::current_num_threads() * 4).clamp(1, 64);
        let mut cuts = vec![0];
        for i in 1..pieces {
            let from = (text.len() * i / pieces).max(cuts.last().copied().unwrap_or(0));
            let cut = memchr::memchr(b'\n', text.get(from..).unwrap_or_default())
                .map_or(text.len(), |at| from + at + 1);
            cuts.push(cut);
        }
        cuts.push(text.len());
        cuts.dedup();
        let rules = self.rules;
        let base = self.bytes;
        let read: Vec<Piece> = cuts
            .par_windows(2)
            .map(|w| {
                let (from, to) = (w[0], w[1]);
                Piece::read(
                    text.get(from..to).unwrap_or_default(),
                    base + from as u64,
                    delimiter,
                    &rules,
                )
            })
            .collect();
        for piece in &read {
            if let Some(line) = piece.not_utf8 {
                return Err(self.not_utf8(self.lines + line));
            }
            if let Some(e) = &piece.error {
                return Err(self.csv_error(e));
            }
            for (row, col, problem) in &piece.problems {
                self.errors.push(RowError {
                    row: self.records + row,
                    column: self.headers.get(*col).cloned().unwrap_or_default(),
                    problem: problem.clone(),
                });
            }
            self.records += piece.records;
            self.purchases += piece.purchases;
            self.lines += piece.lines;
        }
        self.bytes += text.len() as u64;
        self.tables
            .par_iter_mut()
            .enumerate()
            .for_each(|(partition, table)| {
                for piece in &read {
                    for p in piece.partitions.get(partition).map_or(&[][..], Vec::as_slice) {
                        table.add_key(p.position, piece.id(p.key), p.date, p.amount);
                    }
                }
            });
        Ok(())
    }

    /// Reads the rest of the file record by record: for quoted fields, which may hold line
    /// breaks.
    fn read_in_order(
        &mut self,
        rest: impl Read,
        delimiter: u8,
        progress: &Progress,
    ) -> Result<bool, ImportError> {
        let (lines, bytes) = (self.lines, self.bytes);
        let mut reader = csv_reader(delimiter, BufReader::with_capacity(1 << 20, rest));
        let mut record = csv::ByteRecord::new();
        loop {
            match reader.read_byte_record(&mut record) {
                Ok(true) => {}
                Ok(false) => break,
                Err(e) => {
                    let line = e.position().map_or(0, csv::Position::line);
                    return Err(ImportError::Csv {
                        path: self.path.to_owned(),
                        row: (lines + line) as usize,
                        detail: e.to_string(),
                    });
                }
            }
            self.records += 1;
            let (line, byte) = record.position().map_or((0, 0), |p| (p.line(), p.byte()));
            if std::str::from_utf8(record.as_slice()).is_err() {
                return Err(self.not_utf8(lines + line));
            }
            if self.records == 1 {
                self.headers = header_names(&record);
                continue;
            }
            if self.records.is_multiple_of(1 << 16) {
                progress.set_done(bytes + byte);
                if progress.is_cancelled() {
                    return Ok(false);
                }
            }
            match self.rules.check(&record) {
                Outcome::Blank => {}
                Outcome::Problem(col, problem) => self.errors.push(RowError {
                    row: self.records,
                    column: self.headers.get(col).cloned().unwrap_or_default(),
                    problem,
                }),
                Outcome::Purchase(id, date, amount) => {
                    let id = IdKey::new(id);
                    if let Some(table) = self.tables.get_mut(id.partition(PARTITION_BITS)) {
                        table.add_key(bytes + byte, id, date, amount);
                    }
                    self.purchases += 1;
                }
            }
        }
        Ok(true)
    }

    fn not_utf8(&self, line: u64) -> ImportError {
        ImportError::Encoding {
            path: self.path.to_owned(),
            row: line as usize,
            encoding: self.encoding.label(),
        }
    }

    fn csv_error(&self, e: &csv::Error) -> ImportError {
        ImportError::Csv {
            path: self.path.to_owned(),
            row: (self.lines + e.position().map_or(0, csv::Position::line)) as usize,
            detail: e.to_string(),
        }
    }
}

#[cfg(test)]
mod tests {
    use std::fmt::Write as _;

    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    /// A log with every kind of row: blank lines, CRLF, problems, long and Chinese ids.
    fn log(rows: usize, quoted_from: Option<usize>) -> String {
        let mut text = String::from("\u{feff}客户编号,日期,金额,备注\r\n");
        for i in 0..rows {
            let id = match i % 7 {
                0 => format!("C{}", i % 23),
                1 => format!("LONG-CUSTOMER-ID-{:05}", i % 11),
                2 => format!("上海{}", i % 5),
                _ => format!("K{}", i % 31),
            };
            let note = if quoted_from.is_some_and(|q| i >= q) {
                "\"two\nlines, quoted\""
            } else {
                "plain"
            };
            match i % 13 {
                3 => text.push('\n'),
                4 => text.push_str(",,,\n"),
                5 => writeln!(text, ",2026-01-01,5,{note}").unwrap(),
                6 => writeln!(text, "{id},2026-13-01,5,{note}").unwrap(),
                7 => writeln!(text, "{id},2026-01-02,lots,{note}").unwrap(),
                8 => writeln!(text, "{id},2027-01-02,1,{note}").unwrap(),
                9 => write!(text, "{id},2026-02-{:02},{}.5,{note}\r\n", 1 + i % 28, i).unwrap(),
                _ => writeln!(text, "{id},2026-03-{:02},{},{note}", 1 + i % 28, i % 1000).unwrap(),
            }
        }
        text
    }

    fn mapping() -> TxMapping {
        super::super::guess_tx_mapping(&["客户编号".to_owned(), "日期".to_owned(), "金额".to_owned()])
    }

    #[test]
    fn blocks_pieces_and_quotes_give_what_the_sheet_reader_gives() {
        let dir = tempfile::tempdir().unwrap();
        let reference = day(2026, 11, 26);
        let opts = ParseOptions::default();
        for quoted_from in [None, Some(0), Some(150), Some(399)] {
            let path = dir.path().join("log.csv");
            std::fs::write(&path, log(400, quoted_from)).unwrap();
            let sheet = super::super::read_sheet(&path, TextEncoding::Utf8, None).unwrap();
            let (purchases, errors) =
                super::super::transactions_from_sheet(&sheet, &mapping(), &opts, reference);
            assert!(errors.len() > 100, "the log has problems to report");
            let expected = crate::model::rfm::aggregate(&purchases, reference);
            for block in [5, 64, 1000, BLOCK_BYTES] {
                let sums = sum_in_blocks(
                    &path,
                    TextEncoding::Utf8,
                    &mapping(),
                    (&opts, reference),
                    &Progress::default(),
                    block,
                )
                .unwrap()
                .unwrap();
                assert_eq!(sums.customers, expected, "{quoted_from:?} in blocks of {block}");
                assert_eq!(sums.errors, errors, "{quoted_from:?} in blocks of {block}");
                assert_eq!(sums.rows, purchases.len());
            }
        }
    }

    #[test]
    fn text_that_is_not_utf8_is_refused_at_its_line_in_any_block() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("log.csv");
        let mut bytes = log(300, None).into_bytes();
        // The line of the 250th row, counting the header and the blank lines.
        let at = bytes
            .iter()
            .enumerate()
            .filter(|(_, b)| **b == b'\n')
            .nth(249)
            .map(|(i, _)| i + 2)
            .unwrap();
        bytes.insert(at, 0xFF);
        std::fs::write(&path, &bytes).unwrap();
        for block in [5, 64, 1000, BLOCK_BYTES] {
            let progress = Progress::default();
            let opts = ParseOptions::default();
            let err = sum_in_blocks(
                &path,
                TextEncoding::Utf8,
                &mapping(),
                (&opts, day(2026, 11, 26)),
                &progress,
                block,
            )
            .unwrap_err();
            assert!(
                matches!(err, ImportError::Encoding { row: 251, .. }),
                "{block}: {err:?}"
            );
        }
    }

    #[test]
    fn a_cancelled_sum_stops_with_nothing_and_progress_reaches_the_end() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("log.csv");
        std::fs::write(&path, log(300, None)).unwrap();
        let opts = ParseOptions::default();
        let reference = day(2026, 11, 26);
        let progress = Progress::default();
        let sums = sum_in_blocks(
            &path,
            TextEncoding::Utf8,
            &mapping(),
            (&opts, reference),
            &progress,
            64,
        )
        .unwrap();
        assert!(sums.is_some());
        assert!(
            (progress.fraction() - 1.0).abs() < 1e-6,
            "{}",
            progress.fraction()
        );
        let cancelled = Progress::default();
        cancelled.cancel();
        let sums = sum_in_blocks(
            &path,
            TextEncoding::Utf8,
            &mapping(),
            (&opts, reference),
            &cancelled,
            64,
        )
        .unwrap();
        assert!(sums.is_none());
    }
}
