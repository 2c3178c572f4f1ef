//! The one CSV writer. Every CSV the app makes (table exports, the plan, the command line's
//! tables, each chart's "Copy data as CSV") is written here, by the `csv` crate: RFC 4180
//! records ending in CRLF, quoted where needed, and every text a spreadsheet would run as a
//! formula neutralised ([`super::neutralise`]).

/// CSV text being written, in memory.
pub struct CsvText {
    writer: csv::Writer<Vec<u8>>,
}

impl Default for CsvText {
    fn default() -> Self {
        Self::new()
    }
}

impl CsvText {
    #[must_use]
    pub fn new() -> Self {
        Self::starting_with(Vec::new())
    }

    /// Starting with a UTF-8 byte-order mark, which Excel needs to read Chinese correctly in
    /// a file (not in text copied to the clipboard).
    #[must_use]
    pub fn with_bom() -> Self {
        Self::starting_with(b"\xEF\xBB\xBF".to_vec())
    }

    fn starting_with(bytes: Vec<u8>) -> Self {
        Self {
            writer: csv::WriterBuilder::new()
                .terminator(csv::Terminator::CRLF)
                .from_writer(bytes),
        }
    }

    /// One record. A field that reads as a number (negative ones included) is written as it
    /// is; any other text is neutralised.
    ///
    /// # Errors
    /// Only when the writer fails, which writing to memory does not.
    pub fn record<S: AsRef<str>>(&mut self, fields: impl IntoIterator<Item = S>) -> Result<(), csv::Error> {
        self.writer.write_record(fields.into_iter().map(|f| {
            let f = f.as_ref();
            if f.parse::<f64>().is_ok() {
                f.to_owned()
            } else {
                super::neutralise(f)
            }
        }))
    }

    /// The bytes written.
    ///
    /// # Errors
    /// Only when the writer fails, which writing to memory does not.
    pub fn into_bytes(self) -> Result<Vec<u8>, csv::Error> {
        self.writer.into_inner().map_err(|e| e.into_error().into())
    }
}

/// One CSV line, ending in CRLF (see [`CsvText::record`]).
#[must_use]
pub fn csv_line<S: AsRef<str>>(fields: &[S]) -> String {
    let mut text = CsvText::new();
    // Writing to memory cannot fail; an empty line is the fallback all the same.
    if text.record(fields).is_err() {
        return "\r\n".to_owned();
    }
    text.into_bytes()
        .ok()
        .and_then(|bytes| String::from_utf8(bytes).ok())
        .unwrap_or_else(|| "\r\n".to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn texts_are_neutralised_numbers_are_not_and_fields_are_quoted() {
        assert_eq!(
            csv_line(&["=HYPERLINK(\"x\")", "-12.5", "+86 21", "@SUM(A1)", "a,b", "plain"]),
            "\"'=HYPERLINK(\"\"x\"\")\",-12.5,'+86 21,'@SUM(A1),\"a,b\",plain\r\n"
        );
    }

    #[test]
    fn a_file_starts_with_the_byte_order_mark_and_each_record_ends_in_crlf() {
        let mut text = CsvText::with_bom();
        text.record(["名称", "利润"]).unwrap();
        text.record(["客户", "-3"]).unwrap();
        assert_eq!(
            text.into_bytes().unwrap(),
            "\u{feff}名称,利润\r\n客户,-3\r\n".as_bytes()
        );
    }
}
