//! Promotions sent to a group of customers and followed up (DOMAIN.md §4, promotion data):
//! sending one campaign to many customers, marking responses from a list of ids, and the
//! campaign's results (reach, response rate, revenue of responders in the following days) by
//! RFM segment and by tier.

use chrono::NaiveDate;
use rustc_hash::{FxHashMap, FxHashSet};

use super::rfm::Transaction;
use super::rfm_segments::RfmSegment;
use super::{Customer, Promotion, Segmentation, Tier};

/// Adds `promotion` to the log of every customer at `members` (indices; repeats and indices
/// past the end are ignored). Returns the new customer list, for one undo step, and how many
/// rows were added.
#[must_use]
pub fn send_promotion(
    customers: &[Customer],
    members: &[usize],
    promotion: &Promotion,
) -> (Vec<Customer>, usize) {
    let mut out = customers.to_vec();
    let mut seen = FxHashSet::default();
    let mut added = 0;
    for &i in members {
        if !seen.insert(i) {
            continue;
        }
        if let Some(c) = out.get_mut(i) {
            c.promotions.push(promotion.clone());
            added += 1;
        }
    }
    (out, added)
}

/// The ids in pasted text: separated by whitespace, commas, semicolons or tabs, trimmed,
/// repeats dropped (first kept). A header cell such as `id` or `customer_id` is not skipped:
/// it is simply an unknown id and reported as such.
#[must_use]
pub fn parse_ids(text: &str) -> Vec<String> {
    let mut seen = FxHashSet::default();
    text.split(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | '，' | '；' | '、'))
        .map(|s| s.trim_matches(|c| c == '"' || c == '\''))
        .filter(|s| !s.is_empty())
        .filter(|s| seen.insert(s.to_string()))
        .map(str::to_owned)
        .collect()
}

/// What marking responses did.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct MarkReport {
    /// Promotion rows newly marked as answered.
    pub marked: usize,
    /// Customers whose row was already marked.
    pub already: usize,
    /// Ids of customers the campaign never reached.
    pub not_reached: Vec<String>,
    /// Ids that are no customer.
    pub unknown: Vec<String>,
}

/// Marks the campaign's latest row (by date; undated rows count as oldest) of each customer in
/// `ids` as answered. Returns the new list (`None` when nothing changed) and the report.
#[must_use]
pub fn mark_responses(
    customers: &[Customer],
    campaign: &str,
    ids: &[String],
) -> (Option<Vec<Customer>>, MarkReport) {
    let campaign = campaign.trim();
    let index: FxHashMap<&str, usize> = customers
        .iter()
        .enumerate()
        .map(|(i, c)| (c.id.as_str(), i))
        .collect();
    let mut report = MarkReport::default();
    let mut targets = Vec::new();
    for id in ids {
        let Some(&i) = index.get(id.as_str()) else {
            report.unknown.push(id.clone());
            continue;
        };
        let Some(c) = customers.get(i) else { continue };
        let latest = c
            .promotions
            .iter()
            .enumerate()
            .filter(|(_, p)| p.campaign.trim() == campaign)
            .max_by_key(|(pos, p)| (p.date, *pos))
            .map(|(pos, p)| (pos, p.responded));
        match latest {
            None => report.not_reached.push(id.clone()),
            Some((_, true)) => report.already += 1,
            Some((pos, false)) => targets.push((i, pos)),
        }
    }
    if targets.is_empty() {
        return (None, report);
    }
    let mut out = customers.to_vec();
    for (i, pos) in targets {
        if let Some(p) = out.get_mut(i).and_then(|c| c.promotions.get_mut(pos)) {
            p.responded = true;
            report.marked += 1;
        }
    }
    (Some(out), report)
}

/// Every campaign name in the logs (trimmed, non-empty), most recently sent first.
#[must_use]
pub fn campaign_names(customers: &[Customer]) -> Vec<String> {
    let mut latest: FxHashMap<&str, Option<NaiveDate>> = FxHashMap::default();
    for p in customers.iter().flat_map(|c| &c.promotions) {
        let name = p.campaign.trim();
        if name.is_empty() {
            continue;
        }
        let slot = latest.entry(name).or_insert(None);
        *slot = (*slot).max(p.date);
    }
    let mut names: Vec<(&str, Option<NaiveDate>)> = latest.into_iter().collect();
    names.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    names.into_iter().map(|(n, _)| n.to_owned()).collect()
}

/// Reach, responses and responders' revenue of one group of customers.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ResultRow {
    /// Customers the campaign reached.
    pub reached: usize,
    /// Of those, customers who answered.
    pub responded: usize,
    /// What responders bought (minor units) from the day the campaign reached them to `days`
    /// days after; `None` without a transaction log.
    pub responder_revenue: Option<i128>,
}

impl ResultRow {
    /// Responded / reached in %, `None` when nobody was reached.
    #[must_use]
    pub fn rate_pct(&self) -> Option<f64> {
        (self.reached > 0).then(|| self.responded as f64 * 100.0 / self.reached as f64)
    }

    fn add(&mut self, responded: bool, revenue: Option<i128>) {
        self.reached += 1;
        if responded {
            self.responded += 1;
            if let Some(r) = revenue {
                *self.responder_revenue.get_or_insert(0) += r;
            }
        }
    }
}

/// The results of one campaign.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CampaignResults {
    pub campaign: String,
    /// The window after the promotion date that responders' purchases count in.
    pub days: u32,
    pub total: ResultRow,
    /// Per segment in [`RfmSegment::ALL`] order, then customers without a segment.
    pub by_segment: [ResultRow; 12],
    /// Per tier in [`Tier::ALL`] order.
    pub by_tier: [ResultRow; 3],
}

/// The results of `campaign`. A customer counts once, however many rows of the campaign it
/// has: reached by the first, answered if any row is answered. Revenue counts the purchases in
/// `transactions` dated from the first answered row's date to `days` days after it (both
/// inclusive); with no log (`None`) revenue stays `None`, and with a log but an undated row,
/// that customer adds nothing.
#[must_use]
pub fn campaign_results(
    customers: &[Customer],
    seg: &Segmentation,
    campaign: &str,
    transactions: Option<&[Transaction]>,
    days: u32,
) -> CampaignResults {
    let campaign = campaign.trim();
    let mut windows: FxHashMap<&str, (NaiveDate, NaiveDate)> = FxHashMap::default();
    let mut members: Vec<(usize, bool, Option<NaiveDate>)> = Vec::new();
    for (i, c) in customers.iter().enumerate() {
        let rows: Vec<&Promotion> = c
            .promotions
            .iter()
            .filter(|p| p.campaign.trim() == campaign)
            .collect();
        if rows.is_empty() {
            continue;
        }
        let responded = rows.iter().any(|p| p.responded);
        let start = rows.iter().filter(|p| p.responded).filter_map(|p| p.date).min();
        if let Some(start) = start {
            let end = start
                .checked_add_days(chrono::Days::new(u64::from(days)))
                .unwrap_or(NaiveDate::MAX);
            windows.insert(c.id.as_str(), (start, end));
        }
        members.push((i, responded, start));
    }
    let mut revenue: FxHashMap<&str, i128> = FxHashMap::default();
    if let Some(log) = transactions {
        for t in log {
            if let Some((&id, &(start, end))) = windows.get_key_value(t.customer_id.as_str())
                && (start..=end).contains(&t.date)
            {
                *revenue.entry(id).or_insert(0) += i128::from(t.amount.0);
            }
        }
    }
    let mut out = CampaignResults {
        campaign: campaign.to_owned(),
        days,
        total: ResultRow::default(),
        by_segment: [ResultRow::default(); 12],
        by_tier: [ResultRow::default(); 3],
    };
    let has_log = transactions.is_some();
    for (i, responded, _) in members {
        let Some(c) = customers.get(i) else { continue };
        let bought = has_log.then(|| revenue.get(c.id.as_str()).copied().unwrap_or(0));
        out.total.add(responded, bought);
        let figures = seg.figures.get(i);
        let segment = figures.and_then(|f| f.rfm_scores).and_then(RfmSegment::of_scores);
        let row = segment.map_or(11, |s| s as usize);
        if let Some(slot) = out.by_segment.get_mut(row) {
            slot.add(responded, bought);
        }
        if let Some(slot) = figures.and_then(|f| out.by_tier.get_mut(f.tier as usize)) {
            slot.add(responded, bought);
        }
    }
    if has_log {
        // Rows with responders but no purchases show 0, not "—".
        for row in std::iter::once(&mut out.total)
            .chain(out.by_segment.iter_mut())
            .chain(out.by_tier.iter_mut())
        {
            if row.responded > 0 {
                row.responder_revenue.get_or_insert(0);
            }
        }
    }
    out
}

/// The tier row of [`CampaignResults::by_tier`].
#[must_use]
pub fn tier_row(results: &CampaignResults, tier: Tier) -> ResultRow {
    results.by_tier.get(tier as usize).copied().unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Money, Rfm, Settings};

    fn day(m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, m, d).unwrap()
    }

    fn promo(campaign: &str, date: Option<NaiveDate>, responded: bool) -> Promotion {
        Promotion {
            date,
            campaign: campaign.into(),
            channel: "Email".into(),
            responded,
            note: String::new(),
        }
    }

    fn customers(n: usize) -> Vec<Customer> {
        (0..n)
            .map(|i| Customer {
                id: format!("C{i}"),
                revenue: Money::from_major(100 * (i as i64 + 1)),
                ..Customer::default()
            })
            .collect()
    }

    #[test]
    fn sending_adds_one_row_per_member_once() {
        let list = customers(4);
        let p = promo("Spring", Some(day(3, 1)), false);
        let (out, added) = send_promotion(&list, &[2, 0, 2, 9], &p);
        assert_eq!(added, 2, "index 2 once, 9 does not exist");
        let rows: Vec<usize> = out.iter().map(|c| c.promotions.len()).collect();
        assert_eq!(rows, [1, 0, 1, 0]);
        assert_eq!(out[2].promotions[0], p);
    }

    #[test]
    fn parse_ids_table() {
        let cases: &[(&str, &[&str])] = &[
            ("C1 C2\nC3", &["C1", "C2", "C3"]),
            ("C1,C2;C3\tC4", &["C1", "C2", "C3", "C4"]),
            ("\"C1\", 'C2' , C1", &["C1", "C2"]),
            ("C1，C2、C3；C4", &["C1", "C2", "C3", "C4"]),
            ("  \n ", &[]),
        ];
        for (text, want) in cases {
            assert_eq!(parse_ids(text), *want, "{text:?}");
        }
    }

    #[test]
    fn marking_responses_reports_every_id() {
        let mut list = customers(3);
        list[0].promotions = vec![
            promo("Spring", Some(day(1, 1)), false),
            promo("Spring", Some(day(3, 1)), false),
        ];
        list[1].promotions = vec![promo("Spring", Some(day(3, 1)), true)];
        let ids = parse_ids("C0 C1 C2 X9");
        let (out, report) = mark_responses(&list, "Spring", &ids);
        assert_eq!(
            report,
            MarkReport {
                marked: 1,
                already: 1,
                not_reached: vec!["C2".into()],
                unknown: vec!["X9".into()],
            }
        );
        let out = out.unwrap();
        // The latest row (March) is marked, January stays as it was.
        assert!(!out[0].promotions[0].responded);
        assert!(out[0].promotions[1].responded);
        let (none, _) = mark_responses(&list, "Spring", &parse_ids("C1 X9"));
        assert!(none.is_none(), "nothing changed: no undo step");
    }

    #[test]
    fn results_by_segment_and_tier_with_revenue_window() {
        // Five customers with RFM (each quintile one customer) and one without.
        let mut list = customers(6);
        for (i, c) in list.iter_mut().enumerate().take(5) {
            let i64i = i as i64;
            c.rfm = Some(Rfm {
                reference_date: day(6, 30),
                recency_days: 1 + i64i * 10,
                frequency: 50 - i as u32 * 10,
                monetary: Money::from_major(5_000 - i64i * 1000),
            });
        }
        // C0 R5F5M5 Champion, C1 R4F4M4 Loyal, C2 R3F3M3 Needs attention, C3 R2F2M2
        // Hibernating, C4 R1F1M1 Lost. C0, C1, C4, C5 reached; C0 and C5 answered.
        list[0].promotions = vec![promo("Q2", Some(day(4, 1)), true)];
        list[1].promotions = vec![promo("Q2", Some(day(4, 1)), false), promo("Other", None, true)];
        list[4].promotions = vec![promo("Q2", Some(day(4, 1)), false)];
        list[5].promotions = vec![promo("Q2", None, true)];
        let seg = Segmentation::compute(&list, &Settings::default());
        let tx = |id: &str, date, yuan| Transaction {
            customer_id: id.into(),
            date,
            amount: Money::from_major(yuan),
            quantity: None,
        };
        let log = [
            tx("C0", day(3, 31), 1),  // before the promotion: not counted
            tx("C0", day(4, 1), 10),  // the day itself counts
            tx("C0", day(5, 1), 20),  // 30 days after: counts
            tx("C0", day(5, 2), 40),  // 31 days after: not counted
            tx("C1", day(4, 5), 80),  // not a responder
            tx("C5", day(4, 5), 160), // responder with an undated row: no window
        ];
        let r = campaign_results(&list, &seg, " Q2 ", Some(&log), 30);
        assert_eq!(r.total.reached, 4);
        assert_eq!(r.total.responded, 2);
        assert_eq!(r.total.rate_pct(), Some(50.0));
        assert_eq!(r.total.responder_revenue, Some(3_000), "¥10 + ¥20 in cents");
        let champion = r.by_segment[RfmSegment::Champion as usize];
        assert_eq!((champion.reached, champion.responded), (1, 1));
        assert_eq!(champion.responder_revenue, Some(3_000));
        assert_eq!(
            r.by_segment[RfmSegment::Loyal as usize].responder_revenue,
            None,
            "no responders"
        );
        assert_eq!(r.by_segment[RfmSegment::Lost as usize].reached, 1);
        assert_eq!(r.by_segment[11].reached, 1, "C5 has no segment");
        assert_eq!(r.by_segment[11].responder_revenue, Some(0));
        let sum: usize = r.by_segment.iter().map(|s| s.reached).sum();
        assert_eq!(sum, 4);
        let tiers: usize = r.by_tier.iter().map(|s| s.reached).sum();
        assert_eq!(tiers, 4);
        // Without a log: no revenue anywhere.
        let r = campaign_results(&list, &seg, "Q2", None, 30);
        assert_eq!(r.total.responder_revenue, None);
        assert_eq!(
            tier_row(&r, Tier::General).reached + tier_row(&r, Tier::Key).reached,
            4
        );
        // Names, latest first.
        assert_eq!(campaign_names(&list), ["Q2", "Other"]);
    }

    /// A group nobody in the campaign belongs to has no rate (shown as "—"), not 0/0.
    #[test]
    fn no_rate_without_anyone_reached() {
        assert_eq!(ResultRow::default().rate_pct(), None);
        let one_of_three = ResultRow {
            reached: 3,
            responded: 1,
            responder_revenue: None,
        };
        // 1 / 3 = 33.33… %
        assert!((one_of_three.rate_pct().unwrap() - 100.0 / 3.0).abs() < 1e-9);
    }
}
