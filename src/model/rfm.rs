//! RFM from a transaction log: recency, frequency and monetary value per customer, and
//! 1–5 quintile scores (5 best) against a reference date (DOMAIN.md §3).

use chrono::NaiveDate;
use rayon::prelude::*;
use rustc_hash::FxHashMap;

use super::{Money, Rfm};

/// One purchase in a transaction log.
#[derive(Clone, Debug, PartialEq)]
pub struct Transaction {
    pub customer_id: String,
    pub date: NaiveDate,
    pub amount: Money,
    pub quantity: Option<f64>,
}

/// Sums a log per customer, as of `reference_date`. Customers come out in order of first
/// appearance. Purchases after the reference date must be filtered out by the caller.
#[must_use]
pub fn aggregate(transactions: &[Transaction], reference_date: NaiveDate) -> Vec<(String, Rfm)> {
    let mut totals = LogTotals::default();
    for t in transactions {
        totals.add(&t.customer_id, t.date, t.amount);
    }
    totals.finish(reference_date)
}

/// A transaction log summed per customer while it is read, one purchase at a time.
///
/// Each id is stored once (interned): a purchase by a known customer costs a hash lookup on the
/// borrowed id and no allocation, so a million-row log needs memory only per customer. Ids of
/// up to 15 bytes (nearly all) are kept inside the hash table as one `u128`, so a lookup
/// compares numbers instead of following a pointer to the id's text.
#[derive(Debug, Default)]
pub struct LogTotals {
    /// Short ids, packed by [`pack`], with their sums.
    short: FxHashMap<u128, Sums>,
    /// Longer ids, with their sums.
    long: FxHashMap<Box<str>, Sums>,
    /// Purchases added by [`Self::add`].
    purchases: u64,
}

/// One customer's running sums. Kept in the hash table itself, so adding a purchase touches
/// one place in memory (the table is far bigger than the CPU caches at 300,000 customers).
#[derive(Clone, Copy, Debug)]
struct Sums {
    /// Where the customer first appears (a row or purchase number), for the output order.
    first: u64,
    last: NaiveDate,
    count: u32,
    cents: i128,
}

impl Sums {
    fn new(first: u64, date: NaiveDate) -> Self {
        Self {
            first,
            last: date,
            count: 0,
            cents: 0,
        }
    }

    fn add(&mut self, date: NaiveDate, amount: Money) {
        self.last = self.last.max(date);
        self.count = self.count.saturating_add(1);
        self.cents += i128::from(amount.0);
    }
}

/// Up to 15 bytes of an id and its length in one number; `None` for longer ids.
fn pack(id: &str) -> Option<u128> {
    let bytes = id.as_bytes();
    if bytes.len() > 15 {
        return None;
    }
    let mut packed = [0_u8; 16];
    packed.get_mut(..bytes.len())?.copy_from_slice(bytes);
    packed[15] = bytes.len() as u8;
    Some(u128::from_le_bytes(packed))
}

/// The id [`pack`] packed.
fn unpack(packed: u128) -> String {
    let bytes = packed.to_le_bytes();
    let len = usize::from(bytes[15]).min(15);
    String::from_utf8_lossy(bytes.get(..len).unwrap_or_default()).into_owned()
}

impl LogTotals {
    /// Room for about `customers` customers before the table has to grow.
    #[must_use]
    pub fn with_capacity(customers: usize) -> Self {
        Self {
            short: FxHashMap::with_capacity_and_hasher(customers, rustc_hash::FxBuildHasher),
            long: FxHashMap::default(),
            purchases: 0,
        }
    }

    /// Adds one purchase, the next in the log.
    pub fn add(&mut self, customer_id: &str, date: NaiveDate, amount: Money) {
        self.purchases += 1;
        self.add_at(self.purchases, customer_id, date, amount);
    }

    /// Adds one purchase found at `position` in the log (for example its row). Positions must
    /// grow; logs read in parts give each part different customers, in the log's order.
    pub fn add_at(&mut self, position: u64, customer_id: &str, date: NaiveDate, amount: Money) {
        match pack(customer_id) {
            Some(key) => self
                .short
                .entry(key)
                .or_insert_with(|| Sums::new(position, date))
                .add(date, amount),
            None => {
                if let Some(sums) = self.long.get_mut(customer_id) {
                    sums.add(date, amount);
                } else {
                    let mut sums = Sums::new(position, date);
                    sums.add(date, amount);
                    self.long.insert(customer_id.into(), sums);
                }
            }
        }
    }

    /// [`Self::add_at`] for an id already packed by [`IdKey::new`].
    pub fn add_key(&mut self, position: u64, key: IdKey<'_>, date: NaiveDate, amount: Money) {
        match key {
            IdKey::Packed(key) => self
                .short
                .entry(key)
                .or_insert_with(|| Sums::new(position, date))
                .add(date, amount),
            IdKey::Text(id) => self.add_at(position, id, date, amount),
        }
    }

    /// How many customers the log has named so far.
    #[must_use]
    pub fn customer_count(&self) -> usize {
        self.short.len() + self.long.len()
    }

    /// Each customer's RFM as of `reference_date`, in order of first appearance.
    #[must_use]
    pub fn finish(self, reference_date: NaiveDate) -> Vec<(String, Rfm)> {
        Self::finish_parts(vec![self], reference_date)
    }

    /// [`Self::finish`] for a log summed in parts that each hold different customers.
    #[must_use]
    pub fn finish_parts(parts: Vec<Self>, reference_date: NaiveDate) -> Vec<(String, Rfm)> {
        let count = parts.iter().map(Self::customer_count).sum();
        // Packed ids are unpacked after the sort, on every thread.
        let mut all: Vec<(u64, Result<u128, Box<str>>, Sums)> = Vec::with_capacity(count);
        for part in parts {
            all.extend(
                part.short
                    .into_iter()
                    .map(|(key, sums)| (sums.first, Ok(key), sums)),
            );
            all.extend(
                part.long
                    .into_iter()
                    .map(|(id, sums)| (sums.first, Err(id), sums)),
            );
        }
        // Both on every thread: at 300,000 customers these are most of what is left.
        all.par_sort_unstable_by_key(|(first, _, _)| *first);
        all.into_par_iter()
            .map(|(_, id, s)| {
                let id = match id {
                    Ok(key) => unpack(key),
                    Err(id) => String::from(id),
                };
                let monetary =
                    Money(i64::try_from(s.cents).unwrap_or(if s.cents < 0 { i64::MIN } else { i64::MAX }));
                let rfm = Rfm {
                    reference_date,
                    recency_days: (reference_date - s.last).num_days(),
                    frequency: s.count,
                    monetary,
                };
                (id, rfm)
            })
            .collect()
    }
}

/// A customer id as [`LogTotals`] keys it: up to 15 bytes packed into a number, longer ids
/// as their text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum IdKey<'a> {
    Packed(u128),
    Text(&'a str),
}

impl<'a> IdKey<'a> {
    /// The key of `id`.
    #[must_use]
    pub fn new(id: &'a str) -> Self {
        pack(id).map_or(Self::Text(id), Self::Packed)
    }

    /// Which of `2^bits` partitions holds this customer. A different hash from the one inside
    /// the tables, so the ids of one partition still spread over its table.
    #[must_use]
    pub fn partition(self, bits: u32) -> usize {
        use std::hash::Hasher as _;
        let mixed = match self {
            Self::Packed(key) => (key as u64) ^ ((key >> 64) as u64).rotate_left(29),
            Self::Text(id) => {
                let mut h = rustc_hash::FxHasher::default();
                h.write(id.as_bytes());
                h.finish()
            }
        };
        // A 64-bit finaliser (from SplitMix64): every input bit moves the high bits.
        let mut x = mixed ^ (mixed >> 31);
        x = x.wrapping_mul(0x9E37_79B9_7F4A_7C15);
        x ^= x >> 29;
        x = x.wrapping_mul(0xBF58_476D_1CE4_E5B9);
        x ^= x >> 32;
        if bits == 0 {
            return 0;
        }
        (x >> (64 - bits.min(63))) as usize
    }
}

/// 1–5 quintile scores for each value, 5 for the best fifth. `higher_is_better` says which way
/// is best. Equal values get equal scores (the score of the first of them in rank order).
#[must_use]
pub fn quintile_scores(values: &[f64], higher_is_better: bool) -> Vec<u8> {
    let n = values.len();
    if n == 0 {
        return Vec::new();
    }
    let mut order: Vec<usize> = (0..n).collect();
    // Worst first, so the position says how many customers are worse.
    order.sort_by(|&a, &b| {
        let (x, y) = (values[a], values[b]);
        let ord = x.total_cmp(&y);
        if higher_is_better { ord } else { ord.reverse() }
    });
    let mut scores = vec![1_u8; n];
    let mut first_of_run = 0;
    for (pos, &i) in order.iter().enumerate() {
        if pos > 0 && values[order[pos - 1]].total_cmp(&values[i]).is_ne() {
            first_of_run = pos;
        }
        scores[i] = 1 + (first_of_run * 5 / n) as u8;
    }
    scores
}

/// R, F and M scores for customers that have RFM data, in the order given.
#[must_use]
pub fn rfm_scores(rfms: &[&Rfm]) -> Vec<[u8; 3]> {
    let recency: Vec<f64> = rfms.iter().map(|r| r.recency_days as f64).collect();
    let frequency: Vec<f64> = rfms.iter().map(|r| f64::from(r.frequency)).collect();
    let monetary: Vec<f64> = rfms.iter().map(|r| r.monetary.0 as f64).collect();
    let r = quintile_scores(&recency, false);
    let f = quintile_scores(&frequency, true);
    let m = quintile_scores(&monetary, true);
    (0..rfms.len()).map(|i| [r[i], f[i], m[i]]).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, m, d).unwrap()
    }

    fn t(id: &str, date: NaiveDate, yuan: i64) -> Transaction {
        Transaction {
            customer_id: id.into(),
            date,
            amount: Money::from_major(yuan),
            quantity: None,
        }
    }

    #[test]
    fn aggregates_per_customer() {
        let log = [
            t("C2", day(1, 10), 100),
            t("C1", day(3, 1), 50),
            t("C2", day(6, 30), 300),
            t("C1", day(2, 1), 25),
        ];
        let out = aggregate(&log, day(7, 1));
        assert_eq!(out.len(), 2);
        assert_eq!(out[0].0, "C2", "first appearance order");
        assert_eq!(out[0].1.recency_days, 1);
        assert_eq!(out[0].1.frequency, 2);
        assert_eq!(out[0].1.monetary, Money::from_major(400));
        assert_eq!(out[1].1.recency_days, 122);
        assert_eq!(out[1].1.monetary, Money::from_major(75));
    }

    #[test]
    fn short_and_long_ids_are_told_apart() {
        let long_id = "L".repeat(40);
        let log = [
            t("C1", day(1, 1), 1),
            t("", day(1, 1), 2),
            t(&long_id, day(1, 2), 3),
            t("C1\0", day(1, 3), 4),
            t("上海冷鏈", day(1, 4), 5),
            t(&long_id, day(1, 5), 6),
            t("C1", day(1, 6), 7),
            t("123456789012345", day(1, 7), 8),
            t("1234567890123456", day(1, 8), 9),
        ];
        let out = aggregate(&log, day(7, 1));
        let ids: Vec<&str> = out.iter().map(|(id, _)| id.as_str()).collect();
        assert_eq!(
            ids,
            [
                "C1",
                "",
                long_id.as_str(),
                "C1\0",
                "上海冷鏈",
                "123456789012345",
                "1234567890123456"
            ]
        );
        assert_eq!(out[0].1.monetary, Money::from_major(8));
        assert_eq!(out[2].1.frequency, 2);
    }

    /// Five customers whose R, F and M orders all differ, so swapping two of the scores, or
    /// scoring recency with "higher is better", gives a different table.
    /// By hand: recency 10 < 20 < 30 < 40 < 50 days, fewest days best: R = 5, 4, 3, 2, 1.
    /// Frequency 1, 5, 2, 4, 3: F = 1, 5, 2, 4, 3. Monetary 300, 500, 100, 400, 200: M = 3, 5,
    /// 1, 4, 2.
    #[test]
    fn rfm_scores_by_hand() {
        let rfm = |recency_days, frequency, yuan| Rfm {
            reference_date: day(7, 1),
            recency_days,
            frequency,
            monetary: Money::from_major(yuan),
        };
        let all = [
            rfm(10, 1, 300),
            rfm(20, 5, 500),
            rfm(30, 2, 100),
            rfm(40, 4, 400),
            rfm(50, 3, 200),
        ];
        let refs: Vec<&Rfm> = all.iter().collect();
        assert_eq!(
            rfm_scores(&refs),
            vec![[5, 1, 3], [4, 5, 5], [3, 2, 1], [2, 4, 4], [1, 3, 2]]
        );
        assert!(rfm_scores(&[]).is_empty());
        // One customer alone is in the lowest fifth of everything.
        assert_eq!(rfm_scores(&refs[..1]), vec![[1, 1, 1]]);
    }

    /// Ids of up to 15 bytes are packed into one number and come back unchanged; longer ones
    /// are not packed.
    #[test]
    fn short_ids_pack_and_unpack() {
        for id in ["", "C1", "上海冷鏈", "123456789012345"] {
            let packed = pack(id).unwrap_or_else(|| panic!("{id} is short"));
            assert_eq!(unpack(packed), id);
        }
        assert_eq!(pack("1234567890123456"), None, "16 bytes");
        assert_ne!(pack("C1"), pack("C1\0"), "the length is part of the key");
    }

    #[test]
    fn customer_count_and_saturating_sums() {
        let mut totals = LogTotals::with_capacity(4);
        assert_eq!(totals.customer_count(), 0);
        totals.add("C1", day(1, 1), Money(1));
        totals.add("C1", day(1, 2), Money(1));
        totals.add("C2", day(1, 3), Money(1));
        totals.add(&"L".repeat(20), day(1, 4), Money(1));
        assert_eq!(totals.customer_count(), 3, "two short ids and one long one");
        // Sums beyond what an amount can hold stop at the end of the range, on each side.
        totals.add("NEG", day(1, 5), Money(i64::MIN));
        totals.add("NEG", day(1, 6), Money(i64::MIN));
        totals.add("POS", day(1, 5), Money(i64::MAX));
        totals.add("POS", day(1, 6), Money(i64::MAX));
        let out = totals.finish(day(7, 1));
        let of = |id: &str| out.iter().find(|(i, _)| i == id).map(|(_, r)| r.monetary);
        assert_eq!(of("NEG"), Some(Money(i64::MIN)));
        assert_eq!(of("POS"), Some(Money(i64::MAX)));
        assert_eq!(of("C1"), Some(Money(2)));
    }

    #[test]
    fn quintiles_table() {
        let cases: &[(&[f64], bool, &[u8])] = &[
            (&[1.0, 2.0, 3.0, 4.0, 5.0], true, &[1, 2, 3, 4, 5]),
            (&[1.0, 2.0, 3.0, 4.0, 5.0], false, &[5, 4, 3, 2, 1]),
            // Ten values: two per quintile.
            (
                &[10.0, 9.0, 8.0, 7.0, 6.0, 5.0, 4.0, 3.0, 2.0, 1.0],
                true,
                &[5, 5, 4, 4, 3, 3, 2, 2, 1, 1],
            ),
            // Ties share the lower score.
            (&[7.0, 7.0, 7.0, 7.0], true, &[1, 1, 1, 1]),
            (&[1.0, 5.0, 5.0], true, &[1, 2, 2]),
            (&[42.0], true, &[1]),
            (&[], true, &[]),
        ];
        for (values, higher, expected) in cases {
            assert_eq!(
                &quintile_scores(values, *higher),
                expected,
                "{values:?} higher={higher}"
            );
        }
    }
}
