//! What several charts read, derived once per scenario revision, what-if and filter: the
//! what-if's segmentation, the customers in scope and the counts against the saved scenario.
//!
//! Each chart derives its own series from this when it is shown ([`super::Chart::derive`]),
//! keyed on the stamps below, so a what-if slider step re-derives only the chart on screen.

use std::cell::{Cell, OnceCell};
use std::sync::atomic::{AtomicU64, Ordering};

use crate::model::charts::{CountDeltas, WhatIf};
use crate::model::customer_table::{self, Filter, Sort};
use crate::model::segmentation::AmountTable;
use crate::model::{Customer, Segmentation, Settings};
use crate::ui::pages::PageContext;

/// What the shared figures were derived from.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct DeriveKey {
    pub revision: u64,
    pub what_if: WhatIf,
    pub filter: Option<Filter>,
}

/// A stamp no [`Shared`] had before, in any view: a chart made for one view (an image, say)
/// can never mistake another view's figures for the ones it derived its series from.
fn next_stamp() -> u64 {
    static NEXT: AtomicU64 = AtomicU64::new(1);
    NEXT.fetch_add(1, Ordering::Relaxed)
}

/// The figures every chart may read, for one scenario revision, what-if and filter.
pub(super) struct Shared {
    pub key: DeriveKey,
    /// New whenever the key changes: a chart's series derived for another stamp are stale.
    pub stamp: u64,
    /// New when the revision or the filter changes, not the what-if: what a chart derives
    /// from the saved scenario alone (the saved whale peak, the co-creation aggregates) is
    /// kept while this stays.
    pub saved_stamp: u64,
    /// True when the what-if changes anything; the charts then show the saved figures beside.
    pub what_if_active: bool,
    /// Settings with the what-if's thresholds.
    pub settings: Settings,
    /// The segmentation with the what-if's amounts and thresholds.
    pub seg: Segmentation,
    /// What a what-if step reads of each customer, made at the first step of a revision and
    /// kept for the next steps (a slider drag).
    amounts: Option<AmountTable>,
    /// Indices of the customers the charts cover.
    pub scope: Vec<usize>,
    /// Customers per tier and class, saved and with the what-if (the what-if panel's counts).
    pub deltas: CountDeltas,
    pub profit_saved: i128,
    pub profit_now: i128,
    /// The customers with the what-if's amounts, made when a chart first needs them (never
    /// when the what-if changes nothing: the scenario's own customers are used).
    adjusted: OnceCell<Vec<Customer>>,
    /// The previous step's copies, to refresh rather than allocate when `adjusted` is made.
    spare_copies: Cell<Option<Vec<Customer>>>,
}

/// What depends only on the scenario and the filter, not on the what-if.
struct Saved {
    stamp: u64,
    scope: Vec<usize>,
    /// The saved scenario's customers per tier and per class.
    counts: ([usize; 3], [usize; 3]),
}

impl Saved {
    fn build(cx: &PageContext<'_>, filter: Option<&Filter>) -> Self {
        let doc = cx.doc;
        let customers = &doc.scenario.customers;
        // The table's filter is judged by the table's own (saved) figures, so the charts show
        // exactly the rows the table lists.
        let scope = match filter {
            Some(filter) => customer_table::rows(customers, doc.segmentation(), filter, Sort::default()),
            None => (0..customers.len()).collect(),
        };
        let saved_seg = doc.segmentation();
        Self {
            stamp: next_stamp(),
            scope,
            counts: (saved_seg.tier_counts(), saved_seg.class_counts()),
        }
    }
}

impl Shared {
    /// Derives the figures for `key`. What does not depend on the what-if (the scope, the
    /// saved counts) is taken from `previous` when it was built for the same revision and
    /// filter, and so is its segmentation as the start of the what-if's, so a slider drag
    /// skips that work.
    pub fn build(key: DeriveKey, cx: &PageContext<'_>, previous: Option<Self>) -> Self {
        let doc = cx.doc;
        let saved = &doc.scenario.settings;
        let customers = &doc.scenario.customers;
        let neutral = key.what_if.is_neutral(saved);
        let settings = key.what_if.settings(saved);
        let mut previous = previous.filter(|p| p.key.revision == key.revision);
        // Same scenario: the previous step's copies, if a chart needed them, are refreshed
        // instead of made again when a chart needs them now.
        let spare_copies = previous
            .as_mut()
            .and_then(|p| p.adjusted.take().or_else(|| p.spare_copies.take()));
        let mut amounts = previous.as_mut().and_then(|p| p.amounts.take());
        let seg = if neutral {
            doc.segmentation().clone()
        } else {
            // Read from the compact table, not the customers: no copies for the figures.
            let table = amounts.get_or_insert_with(|| AmountTable::new(customers));
            key.what_if
                .segmentation_of(table, customers, saved, previous.as_ref().map(|p| &p.seg))
        };
        let kept = match previous {
            Some(p) if p.key.filter == key.filter => Saved {
                stamp: p.saved_stamp,
                scope: p.scope,
                counts: (p.deltas.tiers_saved, p.deltas.classes_saved),
            },
            _ => Saved::build(cx, key.filter.as_ref()),
        };
        Self {
            key,
            stamp: next_stamp(),
            saved_stamp: kept.stamp,
            what_if_active: !neutral,
            // The saved counts do not change with the what-if: counted once per revision.
            deltas: CountDeltas {
                tiers_saved: kept.counts.0,
                tiers_now: seg.tier_counts(),
                classes_saved: kept.counts.1,
                classes_now: seg.class_counts(),
            },
            profit_saved: doc.segmentation().profit_total,
            profit_now: seg.profit_total,
            settings,
            seg,
            amounts,
            scope: kept.scope,
            adjusted: OnceCell::new(),
            spare_copies: Cell::new(spare_copies),
        }
    }

    /// The customers with the what-if's amounts: the copies, or `customers` (the scenario's
    /// own) when the what-if changes nothing.
    pub fn fin<'a>(&'a self, customers: &'a [Customer]) -> &'a [Customer] {
        if !self.what_if_active {
            return customers;
        }
        self.adjusted.get_or_init(|| match self.spare_copies.take() {
            Some(mut copies) if copies.len() == customers.len() => {
                self.key.what_if.refresh_copies(&mut copies, customers);
                copies
            }
            _ => self.key.what_if.financial_copies(customers),
        })
    }
}

/// A value a chart derived from [`Shared`], with the stamp it was derived for.
pub(super) struct Cache<T>(Option<(u64, T)>);

impl<T> Default for Cache<T> {
    fn default() -> Self {
        Self(None)
    }
}

impl<T> Cache<T> {
    /// Derives the value again with `derive` unless it was derived for `stamp`.
    pub fn refresh(&mut self, stamp: u64, derive: impl FnOnce() -> T) {
        if self.0.as_ref().is_none_or(|(s, _)| *s != stamp) {
            self.0 = Some((stamp, derive()));
        }
    }

    /// The value, when it was derived for `stamp` (never a stale one).
    pub fn get(&self, stamp: u64) -> Option<&T> {
        self.0.as_ref().filter(|(s, _)| *s == stamp).map(|(_, v)| v)
    }
}
