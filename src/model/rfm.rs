//! RFM from a transaction log: recency, frequency and monetary value per customer, and
//! 1–5 quintile scores (5 best) against a reference date (DOMAIN.md §3).

use chrono::NaiveDate;
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
/// borrowed id and no allocation, so a million-row log needs memory only per customer.
#[derive(Debug, Default)]
pub struct LogTotals {
    /// Each id, once, with its place in `customers`.
    index: FxHashMap<Box<str>, u32>,
    /// Per customer, in order of first appearance: last purchase, count, sum of cents.
    customers: Vec<(NaiveDate, u32, i128)>,
}

impl LogTotals {
    /// Adds one purchase.
    pub fn add(&mut self, customer_id: &str, date: NaiveDate, amount: Money) {
        let slot = if let Some(&i) = self.index.get(customer_id) {
            i as usize
        } else {
            let i = self.customers.len();
            self.index.insert(customer_id.into(), i as u32);
            self.customers.push((date, 0, 0));
            i
        };
        if let Some(entry) = self.customers.get_mut(slot) {
            entry.0 = entry.0.max(date);
            entry.1 = entry.1.saturating_add(1);
            entry.2 += i128::from(amount.0);
        }
    }

    /// How many customers the log has named so far.
    #[must_use]
    pub fn customer_count(&self) -> usize {
        self.customers.len()
    }

    /// Each customer's RFM as of `reference_date`, in order of first appearance.
    #[must_use]
    pub fn finish(self, reference_date: NaiveDate) -> Vec<(String, Rfm)> {
        let mut ids: Vec<Option<Box<str>>> = vec![None; self.customers.len()];
        for (id, i) in self.index {
            if let Some(slot) = ids.get_mut(i as usize) {
                *slot = Some(id);
            }
        }
        ids.into_iter()
            .zip(self.customers)
            .filter_map(|(id, (last, frequency, sum))| {
                let id = id?;
                let monetary = Money(i64::try_from(sum).unwrap_or(if sum < 0 { i64::MIN } else { i64::MAX }));
                Some((
                    String::from(id),
                    Rfm {
                        reference_date,
                        recency_days: (reference_date - last).num_days(),
                        frequency,
                        monetary,
                    },
                ))
            })
            .collect()
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
