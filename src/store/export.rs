//! Exporting tables to CSV and XLSX, safe to open in a spreadsheet.

use rust_xlsxwriter::{Format, Workbook};

/// One exported cell. Numbers stay numbers in XLSX.
#[derive(Clone, Debug, PartialEq)]
pub enum ExportCell {
    Empty,
    Text(String),
    Number(f64),
}

/// A table to export: one header row and data rows.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ExportTable {
    pub sheet_name: String,
    pub headers: Vec<String>,
    pub rows: Vec<Vec<ExportCell>>,
}

use crate::model::csv_text::CsvText;
pub use crate::model::neutralise;

fn cell_text(cell: &ExportCell) -> String {
    match cell {
        ExportCell::Empty => String::new(),
        ExportCell::Text(t) => t.clone(),
        ExportCell::Number(n) => format!("{n}"),
    }
}

/// The table as UTF-8 CSV with a byte-order mark, which Excel needs to read Chinese correctly.
/// Written by the one CSV writer, [`CsvText`], which neutralises formulas.
pub fn to_csv(table: &ExportTable) -> Result<Vec<u8>, csv::Error> {
    let mut text = CsvText::with_bom();
    text.record(&table.headers)?;
    for row in &table.rows {
        text.record(row.iter().map(cell_text))?;
    }
    text.into_bytes()
}

/// The table as an XLSX workbook with one sheet; numbers are written as numbers.
pub fn to_xlsx(table: &ExportTable) -> Result<Vec<u8>, rust_xlsxwriter::XlsxError> {
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    if !table.sheet_name.is_empty() {
        // Sheet names are limited to 31 characters and some punctuation.
        let name: String = table
            .sheet_name
            .chars()
            .filter(|c| !matches!(c, '[' | ']' | ':' | '*' | '?' | '/' | '\\'))
            .take(31)
            .collect();
        sheet.set_name(name)?;
    }
    let bold = Format::new().set_bold();
    for (col, header) in table.headers.iter().enumerate() {
        sheet.write_string_with_format(0, col as u16, neutralise(header), &bold)?;
    }
    for (r, row) in table.rows.iter().enumerate() {
        let r = (r + 1) as u32;
        for (col, cell) in row.iter().enumerate() {
            let col = col as u16;
            match cell {
                ExportCell::Text(t) => {
                    sheet.write_string(r, col, neutralise(t))?;
                }
                ExportCell::Number(n) if n.is_finite() => {
                    sheet.write_number(r, col, *n)?;
                }
                ExportCell::Empty | ExportCell::Number(_) => {}
            }
        }
    }
    sheet.autofit();
    book.save_to_buffer()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_are_neutralised() {
        for (input, expected) in [
            ("=1+1", "'=1+1"),
            ("+86 21 5555", "'+86 21 5555"),
            ("-2", "'-2"),
            ("@SUM(A1)", "'@SUM(A1)"),
            ("\tx", "'\tx"),
            ("\rx", "'\rx"),
            ("Harbor = Link", "Harbor = Link"),
            ("港聯物流", "港聯物流"),
            ("", ""),
        ] {
            assert_eq!(neutralise(input), expected, "{input:?}");
        }
    }

    #[test]
    fn csv_keeps_numbers_and_neutralises_text() {
        let table = ExportTable {
            sheet_name: "Customers".into(),
            headers: vec!["Name".into(), "Profit".into()],
            rows: vec![vec![
                ExportCell::Text("=HYPERLINK(\"x\")".into()),
                ExportCell::Number(-650_000.5),
            ]],
        };
        let bytes = to_csv(&table).unwrap();
        let text = String::from_utf8(bytes).unwrap();
        assert_eq!(
            text,
            "\u{feff}Name,Profit\r\n\"'=HYPERLINK(\"\"x\"\")\",-650000.5\r\n"
        );
    }
}
