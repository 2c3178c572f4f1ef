//! The preview of an import: what reading a file with a mapping would do to the customer list.
//!
//! The import dialog shows it and the `import` command prints it (and, but for `--dry-run`,
//! saves it), so both go through [`preview`]: rows → per-row errors → merge by id. A CSV
//! transaction log is summed as it streams ([`super::sum_csv_log_with`]) and its new customers
//! stay `(id, RFM)` pairs until someone needs them as customers, so that a million-row log
//! previews, and saves, without a customer in memory for each of its 300,000 ids.

use std::path::Path;

use chrono::NaiveDate;

use super::{
    CustomerMapping, CustomerRow, ImportError, ParseOptions, RowError, Sheet, TextEncoding, TxMapping,
};
use crate::model::rfm::{self, Transaction};
use crate::model::{Customer, Rfm};
use crate::store::Progress;

/// What a file holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ImportKind {
    /// One row a customer: id, name, revenue, costs…
    Customers,
    /// One row a purchase: customer id, date, amount; summed into revenue and RFM.
    Transactions,
}

/// A transaction log of at most this many bytes keeps its purchases, when asked to, for the
/// session's campaign results (about 20 bytes a purchase on disk, a few times that in memory).
pub const KEEP_LOG_BYTES: u64 = 32 * 1024 * 1024;

/// How to read the rows: the settings the dialog's controls and the command's flags both give.
#[derive(Clone, Debug, PartialEq)]
pub struct ImportSettings {
    pub kind: ImportKind,
    /// For [`ImportKind::Customers`].
    pub customer_mapping: CustomerMapping,
    /// For [`ImportKind::Transactions`].
    pub tx_mapping: TxMapping,
    pub options: ParseOptions,
    /// The day recency is counted to; purchases after it are row errors (transactions).
    pub reference_date: NaiveDate,
    /// Keep a transaction log's purchases in [`ImportPreview::log`] (a streamed log only up to
    /// [`KEEP_LOG_BYTES`], as it is then read twice).
    pub keep_log: bool,
}

/// Where the rows come from.
#[derive(Clone, Copy, Debug)]
pub enum ImportSource<'a> {
    /// A table already read whole: a workbook, or a CSV file read with [`super::read_sheet`].
    Sheet(&'a Sheet),
    /// A CSV file, read by [`preview`]: a customer list whole, a transaction log as a stream.
    Csv { path: &'a Path, encoding: TextEncoding },
}

/// What merging an import into the customer list did.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Merged {
    /// The existing customers, updated in place, then (but for a log's) the new ones.
    pub customers: Vec<Customer>,
    /// Customers the list did not have.
    pub added: usize,
    /// Customers the list had, whose fields the file changes.
    pub updated: usize,
    /// Customers the list had, which the file names with the values they already hold.
    pub unchanged: usize,
}

/// What importing a file would do.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ImportPreview {
    /// The merge; for a transaction log, `merged.customers` holds only the existing customers
    /// and the `merged.added` new ones wait in [`Self::added_from_log`].
    pub merged: Merged,
    /// A log's new customers, in the log's order: each becomes the customer
    /// [`fill_log_customer`] makes, in [`Self::into_customers`] or straight into a file.
    pub added_from_log: Vec<(String, Rfm)>,
    /// Rows left out, and why, by spreadsheet row (the header is row 1) and column.
    pub errors: Vec<RowError>,
    /// Data rows in the file (after the header), blank ones included.
    pub rows_read: usize,
    /// Rows that will be imported: customers, or purchases of a log.
    pub rows_ready: usize,
    /// The purchases of a log, when [`ImportSettings::keep_log`] asked for them.
    pub log: Option<Vec<Transaction>>,
}

impl ImportPreview {
    /// Rows with at least one problem.
    #[must_use]
    pub fn skipped_rows(&self) -> usize {
        // The errors come in row order, a row's errors together.
        let mut rows: Vec<usize> = self.errors.iter().map(|e| e.row).collect();
        rows.dedup();
        rows.len()
    }

    /// Whether importing would change the customer list at all.
    #[must_use]
    pub fn changes_anything(&self) -> bool {
        self.merged.added + self.merged.updated > 0
    }

    /// The whole customer list after the import, a log's new customers made at last.
    #[must_use]
    pub fn into_customers(self) -> Vec<Customer> {
        let mut customers = self.merged.customers;
        customers.reserve(self.added_from_log.len());
        customers.extend(self.added_from_log.iter().map(|(id, rfm)| {
            let mut customer = Customer::default();
            fill_log_customer(&mut customer, id, rfm);
            customer
        }));
        customers
    }
}

/// Reads the rows of `source` with `settings` and merges them into `existing` by id: the one
/// pipeline behind the import dialog and the `import` command. `Ok(None)` when `progress`
/// was cancelled.
pub fn preview(
    source: ImportSource<'_>,
    settings: &ImportSettings,
    existing: Vec<Customer>,
    progress: &Progress,
) -> Result<Option<ImportPreview>, ImportError> {
    let reference = settings.reference_date;
    let (sums, log) = match (settings.kind, source) {
        (ImportKind::Customers, ImportSource::Sheet(sheet)) => {
            return Ok(Some(customers_preview(sheet, settings, existing)));
        }
        (ImportKind::Customers, ImportSource::Csv { path, encoding }) => {
            let sheet = super::read_sheet(path, encoding, None)?;
            if progress.is_cancelled() {
                return Ok(None);
            }
            return Ok(Some(customers_preview(&sheet, settings, existing)));
        }
        (ImportKind::Transactions, ImportSource::Sheet(sheet)) => {
            let (log, errors) =
                super::transactions_from_sheet(sheet, &settings.tx_mapping, &settings.options, reference);
            let sums = super::LogSums {
                customers: rfm::aggregate(&log, reference),
                errors,
                rows: log.len(),
                records: sheet.rows.len(),
            };
            (sums, settings.keep_log.then_some(log))
        }
        (ImportKind::Transactions, ImportSource::Csv { path, encoding }) => {
            let Some(sums) = super::sum_csv_log_with(
                path,
                encoding,
                &settings.tx_mapping,
                &settings.options,
                reference,
                progress,
            )?
            else {
                return Ok(None);
            };
            // The stream only sums; the purchases themselves take a second, whole read, so
            // only a log small enough to hold in memory keeps them.
            let small = std::fs::metadata(path).is_ok_and(|m| m.len() <= KEEP_LOG_BYTES);
            let log = if settings.keep_log && small {
                let sheet = super::read_sheet(path, encoding, None)?;
                Some(
                    super::transactions_from_sheet(
                        &sheet,
                        &settings.tx_mapping,
                        &settings.options,
                        reference,
                    )
                    .0,
                )
            } else {
                None
            };
            if progress.is_cancelled() {
                return Ok(None);
            }
            (sums, log)
        }
    };
    let (merged, added_from_log) = merge_log(existing, sums.customers);
    Ok(Some(ImportPreview {
        merged,
        added_from_log,
        errors: sums.errors,
        rows_read: sums.records,
        rows_ready: sums.rows,
        log,
    }))
}

fn customers_preview(sheet: &Sheet, settings: &ImportSettings, existing: Vec<Customer>) -> ImportPreview {
    let (rows, errors) = super::customers_from_sheet(sheet, &settings.customer_mapping, &settings.options);
    ImportPreview {
        merged: merge_customer_rows(existing, &rows),
        added_from_log: Vec::new(),
        errors,
        rows_read: sheet.rows.len(),
        rows_ready: rows.len(),
        log: None,
    }
}

/// Adds new customers and updates existing ones by id; only the mapped fields change.
#[must_use]
pub fn merge_customer_rows(mut customers: Vec<Customer>, rows: &[CustomerRow]) -> Merged {
    let mut index: std::collections::HashMap<String, usize> = customers
        .iter()
        .enumerate()
        .map(|(i, c)| (c.id.clone(), i))
        .collect();
    let (mut added, mut updated, mut unchanged) = (0, 0, 0);
    for row in rows {
        if let Some(c) = index.get(&row.id).and_then(|&i| customers.get_mut(i)) {
            if row.values.iter().all(|v| v.is_in(c)) {
                unchanged += 1;
            } else {
                updated += 1;
                row.values.iter().for_each(|v| v.apply(c));
            }
        } else {
            let mut c = Customer {
                id: row.id.clone(),
                ..Customer::default()
            };
            row.values.iter().for_each(|v| v.apply(&mut c));
            index.insert(row.id.clone(), customers.len());
            customers.push(c);
            added += 1;
        }
    }
    Merged {
        customers,
        added,
        updated,
        unchanged,
    }
}

/// Gives the customers of `customers` that the log names their revenue and RFM from it, and
/// returns the log's other customers, which are new (in the log's order). `aggregated` holds
/// each id once, as [`rfm::aggregate`] gives it.
fn merge_log(mut customers: Vec<Customer>, aggregated: Vec<(String, Rfm)>) -> (Merged, Vec<(String, Rfm)>) {
    if customers.is_empty() {
        // Into a new file: every customer is new, and the log's list is the answer as it is.
        let added = aggregated.len();
        return (
            Merged {
                added,
                ..Merged::default()
            },
            aggregated,
        );
    }
    let index: rustc_hash::FxHashMap<String, usize> = customers
        .iter()
        .enumerate()
        .map(|(i, c)| (c.id.clone(), i))
        .collect();
    let (mut updated, mut unchanged) = (0, 0);
    let mut new = Vec::with_capacity(aggregated.len());
    for (id, rfm) in aggregated {
        if let Some(c) = index.get(&id).and_then(|&i| customers.get_mut(i)) {
            if c.revenue == rfm.monetary && c.rfm.as_ref() == Some(&rfm) {
                unchanged += 1;
            } else {
                updated += 1;
                c.revenue = rfm.monetary;
                c.rfm = Some(rfm);
            }
        } else {
            new.push((id, rfm));
        }
    }
    let merged = Merged {
        customers,
        added: new.len(),
        updated,
        unchanged,
    };
    (merged, new)
}

/// Makes `customer` (a default customer, or one this made before) the new customer a log
/// adds: named by its id, with the log's revenue and RFM and nothing else. Reusing one
/// customer for many keeps a big import from allocating each.
pub fn fill_log_customer(customer: &mut Customer, id: &str, rfm: &Rfm) {
    customer.id.clear();
    customer.id.push_str(id);
    customer.name.clear();
    customer.name.push_str(id);
    customer.revenue = rfm.monetary;
    customer.rfm = Some(rfm.clone());
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Money;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn customer(id: &str) -> Customer {
        Customer {
            id: id.to_owned(),
            name: id.to_owned(),
            ..Customer::default()
        }
    }

    fn log_settings(headers: &[String], keep_log: bool) -> ImportSettings {
        ImportSettings {
            kind: ImportKind::Transactions,
            customer_mapping: Vec::new(),
            tx_mapping: super::super::guess_tx_mapping(headers),
            options: ParseOptions::default(),
            reference_date: day(2026, 11, 26),
            keep_log,
        }
    }

    /// A CSV file holding `text`, in a folder that lives as long as the returned guard.
    fn log_file(text: &str) -> (tempfile::TempDir, std::path::PathBuf) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("log.csv");
        std::fs::write(&path, text).unwrap();
        (dir, path)
    }

    #[test]
    fn a_streamed_log_previews_as_the_same_log_read_whole() {
        // A buys twice (120.50 in all), B once; C's row has no amount, D's is after the
        // reference date; one blank row. Six data rows, three purchases.
        let (_dir, path) = log_file(
            "customer_id,date,amount\nA,2026-11-01,100\nB,2026-10-01,30\nA,2026-11-20,20.50\n\
             C,2026-11-02,\n,,\nD,2027-01-01,5\n",
        );
        let sheet = super::super::read_sheet(&path, TextEncoding::Utf8, None).unwrap();
        // B already holds what the log says of it; A is there with other figures; C is not
        // named by any purchase, so it is neither updated nor unchanged.
        let b_rfm = rfm::aggregate(
            &[Transaction {
                customer_id: "B".into(),
                date: day(2026, 10, 1),
                amount: Money(3000),
                quantity: None,
            }],
            day(2026, 11, 26),
        )
        .remove(0)
        .1;
        let mut b = customer("B");
        b.revenue = b_rfm.monetary;
        b.rfm = Some(b_rfm);
        let existing = vec![customer("A"), b, customer("C")];
        let settings = log_settings(&sheet.headers, false);
        let whole = preview(
            ImportSource::Sheet(&sheet),
            &settings,
            existing.clone(),
            &Progress::default(),
        )
        .unwrap()
        .unwrap();
        let streamed = preview(
            ImportSource::Csv {
                path: &path,
                encoding: TextEncoding::Utf8,
            },
            &settings,
            existing,
            &Progress::default(),
        )
        .unwrap()
        .unwrap();
        assert_eq!(streamed, whole);
        assert_eq!((whole.rows_read, whole.rows_ready), (6, 3));
        assert_eq!(
            (whole.merged.added, whole.merged.updated, whole.merged.unchanged),
            (0, 1, 1)
        );
        assert_eq!(whole.skipped_rows(), 2);
        let a = whole.merged.customers.first().unwrap();
        assert_eq!(a.revenue, Money(12_050));
        assert!(whole.changes_anything());
    }

    #[test]
    fn a_logs_new_customers_are_made_only_when_asked_for() {
        let (_dir, path) = log_file("customer_id,date,amount\nN1,2026-11-01,10\nOLD,2026-11-02,7\n");
        let source = ImportSource::Csv {
            path: &path,
            encoding: TextEncoding::Utf8,
        };
        let settings = log_settings(&["customer_id".into(), "date".into(), "amount".into()], true);
        let p = preview(source, &settings, vec![customer("OLD")], &Progress::default())
            .unwrap()
            .unwrap();
        assert_eq!(p.merged.customers.len(), 1, "only the existing customer is made");
        assert_eq!(p.added_from_log.len(), 1);
        assert_eq!(
            p.log.as_ref().map(Vec::len),
            Some(2),
            "a small log keeps its purchases"
        );
        let customers = p.into_customers();
        let ids: Vec<&str> = customers.iter().map(|c| c.id.as_str()).collect();
        assert_eq!(ids, ["OLD", "N1"]);
        assert_eq!(customers[1].name, "N1");
        assert_eq!(customers[1].revenue, Money(1000));

        let cancelled = Progress::default();
        cancelled.cancel();
        assert_eq!(preview(source, &settings, Vec::new(), &cancelled).unwrap(), None);
    }

    #[test]
    fn customer_rows_are_added_updated_or_unchanged() {
        let mut same = customer("SAME");
        same.revenue = Money(500);
        let existing = vec![same, customer("CHANGED")];
        let rows = [
            CustomerRow {
                row: 2,
                id: "SAME".into(),
                values: vec![
                    super::super::FieldValue::Name("SAME".into()),
                    super::super::FieldValue::Revenue(Money(500)),
                ],
            },
            CustomerRow {
                row: 3,
                id: "CHANGED".into(),
                values: vec![super::super::FieldValue::GrowthPotential(5)],
            },
            CustomerRow {
                row: 4,
                id: "NEW".into(),
                values: vec![super::super::FieldValue::Tags(vec!["port".into()])],
            },
        ];
        let merged = merge_customer_rows(existing, &rows);
        assert_eq!((merged.added, merged.updated, merged.unchanged), (1, 1, 1));
        let growth: Vec<u8> = merged.customers.iter().map(|c| c.growth_potential).collect();
        assert_eq!(growth, [3, 5, 3], "only the changed customer changes");
        assert_eq!(merged.customers[2].tags, ["port"]);
    }
}
