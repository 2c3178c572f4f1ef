//! A fast reader for the customer list, specialised for the rows [`super::customer_rows`] writes.
//!
//! Profiling showed that almost all of a big file's load time went to ron's general parser
//! (identifier matching through serde's visitors, whitespace and comment skipping). This reader
//! understands a strict subset of RON: customer structs with known field names, in any order,
//! with plain whitespace between tokens, and the value forms ron itself writes. It also reads the
//! multi-line customers of format 2, which use the same subset.
//!
//! It never reports errors itself. Whenever it meets anything outside its subset (a comment,
//! an unknown or repeated field, a raw string, a number with `_`, a syntax error), it gives up
//! and the caller parses the file with ron, which gives the usual message with line and column.
//! So for any input where it returns `Some`, ron would have read the same values: that is the
//! property its tests check.
//!
//! The list is cut into chunks at lines that start a customer, and the chunks are read in
//! parallel (rayon). A cut in the wrong place (inside a string or a log) makes the chunk before
//! it fail to read to its end, so a wrong cut can only cause the slow path, never wrong data.

use chrono::NaiveDate;
use rayon::prelude::*;

use crate::model::{
    Customer, Experience, Interaction, Money, Promotion, Rfm, Tier, TierOverride, ValueScores,
};

/// Lists smaller than this are read in one piece.
const MIN_CHUNK_BYTES: usize = 256 * 1024;

/// The customers read from a list, and where each starts.
#[derive(Debug, Default)]
pub struct Rows {
    pub customers: Vec<Customer>,
    /// Byte offset in the whole text of each customer's opening.
    pub starts: Vec<usize>,
    /// Byte offset in the whole text of the list's closing `]`.
    pub close: usize,
}

/// Reads the customer list whose `[` is at byte `open` of `text`, up to its `]`.
/// `None` when the text is not in the subset this reader knows (the caller then uses ron).
#[must_use]
pub fn read_list(text: &str, open: usize) -> Option<Rows> {
    let body_start = open + 1;
    let rest = text.get(body_start..)?;
    let cuts = cut_points(rest);
    let mut bounds: Vec<(usize, usize)> = Vec::with_capacity(cuts.len() + 1);
    let mut from = 0;
    for cut in cuts {
        bounds.push((from, cut));
        from = cut;
    }
    bounds.push((from, rest.len()));
    let chunks: Vec<Option<Chunk>> = bounds
        .par_iter()
        .map(|&(a, b)| read_chunk(text, body_start + a, body_start + b))
        .collect();
    let mut rows = Rows::default();
    for chunk in chunks {
        let chunk = chunk?;
        rows.customers.extend(chunk.customers);
        rows.starts.extend(chunk.starts);
        if let Some(close) = chunk.close {
            rows.close = close;
            return Some(rows);
        }
    }
    None
}

/// Offsets (in `body`) of lines where a new customer seems to start, spaced for parallel reading.
fn cut_points(body: &str) -> Vec<usize> {
    let bytes = body.as_bytes();
    let threads = rayon::current_num_threads().max(1);
    let pieces = (bytes.len() / MIN_CHUNK_BYTES).min(threads * 4);
    if pieces < 2 {
        return Vec::new();
    }
    // The indentation of the first customer: every row starts with the same.
    let first = bytes.iter().position(|b| !b.is_ascii_whitespace()).unwrap_or(0);
    let line_start = bytes
        .get(..first)
        .and_then(|b| b.iter().rposition(|&c| c == b'\n'))
        .map_or(0, |p| p + 1);
    if line_start == 0 {
        // The first row shares its line with `[`: not a layout to cut by lines.
        return Vec::new();
    }
    // The row's opening: `(`, or `Customer(` as format 2 wrote it.
    let Some(opening) = bytes
        .get(line_start..)
        .and_then(|b| b.iter().position(|&c| c == b'(' || c == b'\n'))
        .and_then(|p| bytes.get(line_start..=line_start + p))
        .filter(|o| o.ends_with(b"("))
    else {
        return Vec::new();
    };
    let mut needle = Vec::with_capacity(opening.len() + 1);
    needle.push(b'\n');
    needle.extend_from_slice(opening);
    let finder = memchr::memmem::Finder::new(&needle);
    let mut cuts = Vec::new();
    for piece in 1..pieces {
        let target = (bytes.len() / pieces * piece).max(cuts.last().copied().unwrap_or(0));
        let Some(tail) = bytes.get(target..) else { break };
        let Some(found) = finder.find(tail) else { break };
        // The cut goes just after the newline, at the row's indentation.
        let cut = target + found + 1;
        if cuts.last() != Some(&cut) {
            cuts.push(cut);
        }
    }
    cuts
}

struct Chunk {
    customers: Vec<Customer>,
    starts: Vec<usize>,
    /// Set when the list's `]` is in this chunk.
    close: Option<usize>,
}

/// Reads `text[from..to]` as a run of `customer,` items, stopping early at the list's `]`.
fn read_chunk(text: &str, from: usize, to: usize) -> Option<Chunk> {
    let mut c = Cursor {
        text: text.get(..to)?,
        pos: from,
    };
    let mut chunk = Chunk {
        customers: Vec::new(),
        starts: Vec::new(),
        close: None,
    };
    loop {
        c.ws();
        match c.peek() {
            None => return Some(chunk),
            Some(b']') => {
                chunk.close = Some(c.pos);
                return Some(chunk);
            }
            Some(_) => {}
        }
        chunk.starts.push(c.pos);
        chunk.customers.push(customer(&mut c)?);
        if !c.eat(b',') {
            c.ws();
            if c.peek() != Some(b']') {
                return None;
            }
        }
    }
}

struct Cursor<'a> {
    text: &'a str,
    pos: usize,
}

fn is_ident_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

impl<'a> Cursor<'a> {
    fn bytes(&self) -> &'a [u8] {
        self.text.as_bytes()
    }

    fn peek(&self) -> Option<u8> {
        self.bytes().get(self.pos).copied()
    }

    /// Skips plain whitespace. Comments are outside the subset: `/` makes the next token fail.
    fn ws(&mut self) {
        while let Some(b' ' | b'\n' | b'\r' | b'\t') = self.peek() {
            self.pos += 1;
        }
    }

    fn eat(&mut self, b: u8) -> bool {
        self.ws();
        if self.peek() == Some(b) {
            self.pos += 1;
            true
        } else {
            false
        }
    }

    fn expect(&mut self, b: u8) -> Option<()> {
        self.eat(b).then_some(())
    }

    /// The identifier at the cursor, without consuming it.
    fn peek_ident(&mut self) -> &'a [u8] {
        self.ws();
        let bytes = self.bytes();
        let rest = bytes.get(self.pos..).unwrap_or_default();
        let len = rest.iter().take_while(|&&b| is_ident_byte(b)).count();
        match rest.first() {
            Some(b) if !b.is_ascii_digit() => rest.get(..len).unwrap_or_default(),
            _ => &[],
        }
    }

    fn ident(&mut self) -> Option<&'a [u8]> {
        let id = self.peek_ident();
        if id.is_empty() {
            return None;
        }
        self.pos += id.len();
        Some(id)
    }

    /// `Name( field: value, … )`, the name optional; `field` is called for each key.
    fn fields(&mut self, name: &[u8], mut field: impl FnMut(&mut Self, &[u8]) -> Option<()>) -> Option<()> {
        let id = self.peek_ident();
        if !id.is_empty() {
            if id != name {
                return None;
            }
            self.pos += id.len();
        }
        self.expect(b'(')?;
        loop {
            if self.eat(b')') {
                return Some(());
            }
            let key = self.ident()?;
            self.expect(b':')?;
            field(self, key)?;
            if !self.eat(b',') {
                return self.expect(b')');
            }
        }
    }

    fn list<T>(&mut self, mut item: impl FnMut(&mut Self) -> Option<T>) -> Option<Vec<T>> {
        self.expect(b'[')?;
        let mut out = Vec::new();
        loop {
            if self.eat(b']') {
                return Some(out);
            }
            out.push(item(self)?);
            if !self.eat(b',') {
                self.expect(b']')?;
                return Some(out);
            }
        }
    }

    /// A value or `None` (ron's implicit-Some extension; explicit `Some(…)` is left to ron).
    #[allow(
        clippy::option_option,
        reason = "the outer Option says whether the text is in the subset, as everywhere here"
    )]
    fn option<T>(&mut self, value: impl FnOnce(&mut Self) -> Option<T>) -> Option<Option<T>> {
        match self.peek_ident() {
            b"None" => {
                self.pos += 4;
                Some(None)
            }
            b"Some" => None,
            _ => value(self).map(Some),
        }
    }

    fn string(&mut self) -> Option<String> {
        self.expect(b'"')?;
        let bytes = self.bytes();
        let start = self.pos;
        let rest = bytes.get(start..)?;
        let end = memchr::memchr2(b'"', b'\\', rest)?;
        if rest.get(end) == Some(&b'"') {
            self.pos = start + end + 1;
            // Both ends sit next to ASCII quotes, so they are char boundaries.
            return self.text.get(start..start + end).map(str::to_owned);
        }
        // With escapes: the few that ron's own writer produces.
        let mut out = String::new();
        let mut i = start;
        loop {
            let rest = bytes.get(i..)?;
            let stop = memchr::memchr2(b'"', b'\\', rest)?;
            out.push_str(self.text.get(i..i + stop)?);
            i += stop;
            if bytes.get(i) == Some(&b'"') {
                self.pos = i + 1;
                return Some(out);
            }
            let (c, used) = match bytes.get(i + 1)? {
                b'"' => ('"', 2),
                b'\\' => ('\\', 2),
                b'\'' => ('\'', 2),
                b'n' => ('\n', 2),
                b'r' => ('\r', 2),
                b't' => ('\t', 2),
                b'0' => ('\0', 2),
                b'u' => {
                    let tail = bytes.get(i + 2..)?;
                    if tail.first() != Some(&b'{') {
                        return None;
                    }
                    let close = tail.iter().position(|&b| b == b'}')?;
                    let hex = std::str::from_utf8(tail.get(1..close)?).ok()?;
                    if hex.is_empty() || hex.len() > 6 || !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
                        return None;
                    }
                    (char::from_u32(u32::from_str_radix(hex, 16).ok()?)?, 2 + close + 1)
                }
                _ => return None,
            };
            out.push(c);
            i += used;
        }
    }

    /// A decimal integer with an optional `-`; anything fancier is left to ron.
    fn int(&mut self) -> Option<i64> {
        self.ws();
        let bytes = self.bytes();
        let start = self.pos;
        let mut end = start;
        if bytes.get(end) == Some(&b'-') {
            end += 1;
        }
        let digits_start = end;
        while bytes.get(end).is_some_and(u8::is_ascii_digit) {
            end += 1;
        }
        if end == digits_start || bytes.get(end).is_some_and(|&b| is_ident_byte(b) || b == b'.') {
            return None;
        }
        let value = self.text.get(start..end)?.parse().ok()?;
        self.pos = end;
        Some(value)
    }

    fn small<T: TryFrom<i64>>(&mut self) -> Option<T> {
        T::try_from(self.int()?).ok()
    }

    fn money(&mut self) -> Option<Money> {
        self.int().map(Money)
    }

    /// An `f32` the way ron reads one.
    fn float(&mut self) -> Option<f32> {
        match self.peek_ident() {
            b"NaN" => {
                self.pos += 3;
                return Some(f32::NAN);
            }
            b"inf" => {
                self.pos += 3;
                return Some(f32::INFINITY);
            }
            b"" => {}
            _ => return None,
        }
        let bytes = self.bytes();
        let start = self.pos;
        let mut end = start;
        while bytes
            .get(end)
            .is_some_and(|&b| b.is_ascii_digit() || matches!(b, b'.' | b'e' | b'E' | b'+' | b'-'))
        {
            end += 1;
        }
        if end == start || bytes.get(end).is_some_and(|&b| is_ident_byte(b)) {
            return None;
        }
        let token = self.text.get(start..end)?;
        // `-inf`, `-NaN` and `..` are left to ron.
        if token.contains("..") || !token.bytes().any(|b| b.is_ascii_digit()) {
            return None;
        }
        let value = token.parse().ok()?;
        self.pos = end;
        Some(value)
    }

    fn boolean(&mut self) -> Option<bool> {
        let value = match self.peek_ident() {
            b"true" => true,
            b"false" => false,
            _ => return None,
        };
        self.pos += if value { 4 } else { 5 };
        Some(value)
    }

    fn date(&mut self) -> Option<NaiveDate> {
        self.string()?.parse().ok()
    }
}

/// One bit per field, to refuse repeated fields (ron reports them as errors).
struct Seen(u32);

impl Seen {
    fn first(&mut self, bit: u32) -> Option<()> {
        let mask = 1 << bit;
        if self.0 & mask != 0 {
            return None;
        }
        self.0 |= mask;
        Some(())
    }
}

fn customer(c: &mut Cursor<'_>) -> Option<Customer> {
    let mut out = Customer::default();
    let mut seen = Seen(0);
    c.fields(b"Customer", |c, key| {
        match key {
            b"id" => (seen.first(0)?, out.id = c.string()?),
            b"name" => (seen.first(1)?, out.name = c.string()?),
            b"industry" => (seen.first(2)?, out.industry = c.string()?),
            b"region" => (seen.first(3)?, out.region = c.string()?),
            b"contact" => (seen.first(4)?, out.contact = c.string()?),
            b"since" => (seen.first(5)?, out.since = c.option(Cursor::date)?),
            b"revenue" => (seen.first(6)?, out.revenue = c.money()?),
            b"cost_of_goods" => (seen.first(7)?, out.cost_of_goods = c.money()?),
            b"cost_to_serve" => (seen.first(8)?, out.cost_to_serve = c.money()?),
            b"growth_potential" => (seen.first(9)?, out.growth_potential = c.small()?),
            b"value" => (seen.first(10)?, out.value = value_scores(c)?),
            b"tier_override" => (seen.first(11)?, out.tier_override = c.option(tier_override)?),
            b"tags" => (seen.first(12)?, out.tags = c.list(Cursor::string)?),
            b"promotions" => (seen.first(13)?, out.promotions = c.list(promotion)?),
            b"interactions" => (seen.first(14)?, out.interactions = c.list(interaction)?),
            b"experiences" => (seen.first(15)?, out.experiences = c.list(experience)?),
            b"rfm" => (seen.first(16)?, out.rfm = c.option(rfm)?),
            _ => return None,
        };
        Some(())
    })?;
    Some(out)
}

fn value_scores(c: &mut Cursor<'_>) -> Option<ValueScores> {
    let mut v = ValueScores::default();
    let mut seen = Seen(0);
    c.fields(b"ValueScores", |c, key| {
        let (bit, slot) = match key {
            b"product" => (0, &mut v.product),
            b"service" => (1, &mut v.service),
            b"personnel" => (2, &mut v.personnel),
            b"image" => (3, &mut v.image),
            b"money" => (4, &mut v.money),
            b"time" => (5, &mut v.time),
            b"energy" => (6, &mut v.energy),
            b"psychic" => (7, &mut v.psychic),
            _ => return None,
        };
        seen.first(bit)?;
        *slot = c.float()?;
        Some(())
    })?;
    Some(v)
}

fn tier_override(c: &mut Cursor<'_>) -> Option<TierOverride> {
    let (mut tier, mut reason) = (None, None);
    c.fields(b"TierOverride", |c, key| {
        match key {
            b"tier" if tier.is_none() => {
                tier = Some(match c.ident()? {
                    b"Key" => Tier::Key,
                    b"General" => Tier::General,
                    b"LossMaking" => Tier::LossMaking,
                    _ => return None,
                });
            }
            b"reason" if reason.is_none() => reason = Some(c.string()?),
            _ => return None,
        }
        Some(())
    })?;
    Some(TierOverride {
        tier: tier?,
        reason: reason?,
    })
}

fn rfm(c: &mut Cursor<'_>) -> Option<Rfm> {
    let (mut reference_date, mut recency_days, mut frequency, mut monetary) = (None, None, None, None);
    c.fields(b"Rfm", |c, key| {
        match key {
            b"reference_date" if reference_date.is_none() => reference_date = Some(c.date()?),
            b"recency_days" if recency_days.is_none() => recency_days = Some(c.int()?),
            b"frequency" if frequency.is_none() => frequency = Some(c.small()?),
            b"monetary" if monetary.is_none() => monetary = Some(c.money()?),
            _ => return None,
        }
        Some(())
    })?;
    Some(Rfm {
        reference_date: reference_date?,
        recency_days: recency_days?,
        frequency: frequency?,
        monetary: monetary?,
    })
}

fn promotion(c: &mut Cursor<'_>) -> Option<Promotion> {
    let mut p = Promotion::default();
    let mut seen = Seen(0);
    c.fields(b"Promotion", |c, key| {
        match key {
            b"date" => (seen.first(0)?, p.date = c.option(Cursor::date)?),
            b"campaign" => (seen.first(1)?, p.campaign = c.string()?),
            b"channel" => (seen.first(2)?, p.channel = c.string()?),
            b"responded" => (seen.first(3)?, p.responded = c.boolean()?),
            b"note" => (seen.first(4)?, p.note = c.string()?),
            _ => return None,
        };
        Some(())
    })?;
    Some(p)
}

fn interaction(c: &mut Cursor<'_>) -> Option<Interaction> {
    let mut i = Interaction::default();
    let mut seen = Seen(0);
    c.fields(b"Interaction", |c, key| {
        match key {
            b"date" => (seen.first(0)?, i.date = c.option(Cursor::date)?),
            b"staff" => (seen.first(1)?, i.staff = c.string()?),
            b"channel" => (seen.first(2)?, i.channel = c.string()?),
            b"summary" => (seen.first(3)?, i.summary = c.string()?),
            b"follow_up" => (seen.first(4)?, i.follow_up = c.string()?),
            _ => return None,
        };
        Some(())
    })?;
    Some(i)
}

fn experience(c: &mut Cursor<'_>) -> Option<Experience> {
    let mut e = Experience::default();
    let mut seen = Seen(0);
    c.fields(b"Experience", |c, key| {
        match key {
            b"date" => (seen.first(0)?, e.date = c.option(Cursor::date)?),
            b"touch_point" => (seen.first(1)?, e.touch_point = c.string()?),
            b"satisfaction" => (seen.first(2)?, e.satisfaction = c.small()?),
            b"note" => (seen.first(3)?, e.note = c.string()?),
            _ => return None,
        };
        Some(())
    })?;
    Some(e)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What ron makes of one customer in the file's options.
    fn by_ron(row: &str) -> Option<Customer> {
        super::super::ron_file::ron_options().from_str(row).ok()
    }

    fn by_us(row: &str) -> Option<Customer> {
        let text = format!("[{row}]");
        read_list(&text, 0).map(|mut r| r.customers.remove(0))
    }

    #[test]
    fn reads_what_ron_reads_or_gives_up() {
        let rows = [
            r#"(id: "C1", name: "Blue \"Harbor\" \u{301}'\'", revenue: -5, growth_potential: 5, value: (product: 8.5, service: 1e3, money: NaN))"#,
            r#"Customer(id: "C1", since: "2024-02-29", tags: ["a", "b",], tier_override: (tier: LossMaking, reason: "why"),)"#,
            r#"(id: "C1", rfm: (reference_date: "2026-01-01", recency_days: 3, frequency: 4, monetary: 99), since: None)"#,
            "(id: \"C1\",\n  promotions: [\n    (date: \"2025-03-10\", campaign: \"x\", channel: \"y\", responded: true, note: \"\"),\n  ],\n  interactions: [(date: None, staff: \"s\")], experiences: [(satisfaction: 4)],\n)",
            // Outside the subset, or wrong: the reader must give up (ron decides).
            r#"(id: "C1", id: "C2")"#,
            r#"(id: "C1", revenue: 1_000)"#,
            r#"(id: "C1", revenue: 5.0)"#,
            r#"(id: "C1", growth_potential: 300)"#,
            r#"(id: "C1", since: "2024-02-30")"#,
            r#"(id: "C1", since: Some("2024-02-03"))"#,
            r#"(id: "C1", /* note */ name: "x")"#,
            r#"(id: r"C1")"#,
            r#"(id: "C1", hobby: "golf")"#,
            r#"(id: "C1", value: (product: -inf))"#,
            r#"(id: "C1", revenue: 99999999999999999999)"#,
            r#"(id: "C1" name: "x")"#,
            r#"(id: "C1\q")"#,
            r#"Client(id: "C1")"#,
        ];
        for row in rows {
            let ours = by_us(row);
            if let Some(ours) = &ours {
                let theirs = by_ron(row);
                // NaN is never equal to itself; compare the debug text instead.
                assert_eq!(format!("{:?}", Some(ours)), format!("{theirs:?}"), "{row}");
            }
        }
        // The first four are in the subset.
        for row in rows.iter().take(4) {
            assert!(by_us(row).is_some(), "{row}");
        }
        for row in rows.iter().skip(4) {
            assert!(by_us(row).is_none(), "{row}");
        }
    }

    #[test]
    fn every_prefix_of_a_row_is_refused_or_agrees_with_ron() {
        // A cheap fuzz: cutting a valid list anywhere must never yield data ron would not.
        let row = "(id: \"C1\", name: \"上海\\\"冷鏈\", value: (product: 8.5), tags: [\"x\"], rfm: (reference_date: \"2026-01-01\", recency_days: 3, frequency: 4, monetary: 99),\n  promotions: [\n    (date: \"2025-03-10\", campaign: \"x\", channel: \"y\", responded: true, note: \"\"),\n  ],\n),";
        for (cut, _) in row.char_indices() {
            let Some(prefix) = row.get(..cut) else { continue };
            let text = format!("[{prefix}]");
            if let Some(rows) = read_list(&text, 0) {
                let theirs: Option<Vec<Customer>> =
                    super::super::ron_file::ron_options().from_str(&text).ok();
                assert_eq!(
                    format!("{:?}", Some(rows.customers)),
                    format!("{theirs:?}"),
                    "{prefix}"
                );
            }
        }
    }
}
