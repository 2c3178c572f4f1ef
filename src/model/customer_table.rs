//! The customer table's rules: which rows a filter keeps, how a column sorts, what the
//! footer totals are, and whether a typed cell value is acceptable.

use std::cmp::Ordering;

use super::rfm_segments::{self, RfmSegment};
use super::{AbcClass, Customer, CustomerFigures, Money, Segmentation, Tier, valuation};

/// The table's columns, in display order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Column {
    Id,
    Name,
    Industry,
    Region,
    Revenue,
    CostOfGoods,
    CostToServe,
    Profit,
    Margin,
    Growth,
    DeliveredValue,
    ValueRatio,
    Class,
    Tier,
    /// RFM segment, for customers with transaction data.
    Segment,
    Completeness,
}

impl Column {
    pub const ALL: [Self; 16] = [
        Self::Id,
        Self::Name,
        Self::Industry,
        Self::Region,
        Self::Revenue,
        Self::CostOfGoods,
        Self::CostToServe,
        Self::Profit,
        Self::Margin,
        Self::Growth,
        Self::DeliveredValue,
        Self::ValueRatio,
        Self::Class,
        Self::Tier,
        Self::Segment,
        Self::Completeness,
    ];

    /// Whether a cell of this column can be typed into.
    #[must_use]
    pub fn editable(self) -> bool {
        matches!(
            self,
            Self::Id
                | Self::Name
                | Self::Industry
                | Self::Region
                | Self::Revenue
                | Self::CostOfGoods
                | Self::CostToServe
                | Self::Growth
        )
    }

    /// Whether the column holds numbers (right-aligned, monospace).
    #[must_use]
    pub fn numeric(self) -> bool {
        !matches!(
            self,
            Self::Id | Self::Name | Self::Industry | Self::Region | Self::Tier | Self::Class | Self::Segment
        )
    }
}

/// Which rows to show.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct Filter {
    /// Case-insensitive text found in the id, name, industry, region or a tag.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub text: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tier: Option<Tier>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub class: Option<AbcClass>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tag: Option<String>,
    /// RFM segment (customers without RFM scores never match).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub segment: Option<RfmSegment>,
    /// One cell of the segment map: (R score, FM score).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rfm_cell: Option<(u8, u8)>,
}

impl Filter {
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.text.trim().is_empty()
            && self.tier.is_none()
            && self.class.is_none()
            && self.tag.is_none()
            && self.segment.is_none()
            && self.rfm_cell.is_none()
    }

    fn keeps(&self, c: &Customer, f: &CustomerFigures, needle: &str) -> bool {
        if self.tier.is_some_and(|t| t != f.tier) || self.class.is_some_and(|k| k != f.class) {
            return false;
        }
        if self.segment.is_some() && self.segment != f.rfm_scores.and_then(RfmSegment::of_scores) {
            return false;
        }
        if self.rfm_cell.is_some() && self.rfm_cell != f.rfm_scores.and_then(rfm_segments::cell_of) {
            return false;
        }
        if let Some(tag) = &self.tag
            && !c.tags.iter().any(|t| t == tag)
        {
            return false;
        }
        needle.is_empty()
            || [&c.id, &c.name, &c.industry, &c.region]
                .iter()
                .any(|s| s.to_lowercase().contains(needle))
            || c.tags.iter().any(|t| t.to_lowercase().contains(needle))
    }
}

/// Column and direction to sort by.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Sort {
    pub column: Column,
    pub ascending: bool,
}

impl Default for Sort {
    fn default() -> Self {
        Self {
            column: Column::Id,
            ascending: true,
        }
    }
}

/// A sortable value of one cell.
#[derive(Clone, Debug, PartialEq, PartialOrd)]
enum SortKey<'a> {
    /// Borrowed for ids; lower-cased copies for names, so sorting ignores case.
    Text(std::borrow::Cow<'a, str>),
    Number(f64),
    Wide(i128),
}

fn sort_key<'a>(column: Column, c: &'a Customer, seg: &Segmentation, i: usize) -> SortKey<'a> {
    let f = seg.figures.get(i);
    match column {
        Column::Id => SortKey::Text(c.id.as_str().into()),
        Column::Name => SortKey::Text(c.name.to_lowercase().into()),
        Column::Industry => SortKey::Text(c.industry.to_lowercase().into()),
        Column::Region => SortKey::Text(c.region.to_lowercase().into()),
        Column::Revenue => SortKey::Wide(i128::from(c.revenue.0)),
        Column::CostOfGoods => SortKey::Wide(i128::from(c.cost_of_goods.0)),
        Column::CostToServe => SortKey::Wide(i128::from(c.cost_to_serve.0)),
        Column::Profit => SortKey::Wide(f.map_or(0, |f| f.profit)),
        // Undefined ratios sort below every number.
        Column::Margin => SortKey::Number(f.and_then(|f| f.margin).unwrap_or(f64::NEG_INFINITY)),
        Column::Growth => SortKey::Number(f64::from(c.growth_potential)),
        Column::DeliveredValue => SortKey::Number(valuation::delivered_value(&c.value)),
        Column::ValueRatio => SortKey::Number(valuation::value_ratio(&c.value).unwrap_or(f64::NEG_INFINITY)),
        Column::Class => SortKey::Number(f.map_or(3.0, |f| f64::from(f.class as u8))),
        Column::Tier => SortKey::Number(f.map_or(3.0, |f| f64::from(f.tier as u8))),
        // Best segment first; customers without one last.
        Column::Segment => SortKey::Number(
            f.and_then(|f| f.rfm_scores)
                .and_then(RfmSegment::of_scores)
                .map_or(11.0, |s| f64::from(s as u8)),
        ),
        Column::Completeness => SortKey::Number(c.completeness() as f64),
    }
}

/// The indices of the rows the filter keeps, in sort order (ties by id, then position).
#[must_use]
pub fn rows(customers: &[Customer], seg: &Segmentation, filter: &Filter, sort: Sort) -> Vec<usize> {
    let needle = filter.text.trim().to_lowercase();
    let mut keyed: Vec<(usize, SortKey)> = customers
        .iter()
        .enumerate()
        .filter(|(i, c)| seg.figures.get(*i).is_some_and(|f| filter.keeps(c, f, &needle)))
        .map(|(i, c)| (i, sort_key(sort.column, c, seg, i)))
        .collect();
    keyed.sort_by(|(a, ka), (b, kb)| {
        let ord = ka.partial_cmp(kb).unwrap_or(Ordering::Equal);
        let ord = if sort.ascending { ord } else { ord.reverse() };
        ord.then_with(|| customers[*a].id.cmp(&customers[*b].id))
            .then(a.cmp(b))
    });
    keyed.into_iter().map(|(i, _)| i).collect()
}

/// Footer totals over some rows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Totals {
    pub count: usize,
    pub revenue: i128,
    pub cost_of_goods: i128,
    pub cost_to_serve: i128,
    pub profit: i128,
}

#[must_use]
pub fn totals(customers: &[Customer], seg: &Segmentation, rows: &[usize]) -> Totals {
    let mut t = Totals {
        count: rows.len(),
        ..Totals::default()
    };
    for &i in rows {
        if let (Some(c), Some(f)) = (customers.get(i), seg.figures.get(i)) {
            t.revenue += i128::from(c.revenue.0);
            t.cost_of_goods += i128::from(c.cost_of_goods.0);
            t.cost_to_serve += i128::from(c.cost_to_serve.0);
            t.profit += f.profit;
        }
    }
    t
}

/// Why a typed value was not applied.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CellError {
    NotAnAmount,
    NegativeAmount,
    GrowthOutOfRange,
    EmptyId,
    DuplicateId(String),
    NotEditable,
}

/// The customer at `index` with `text` typed into `column`, or why that is not acceptable.
pub fn edit_cell(
    customers: &[Customer],
    index: usize,
    column: Column,
    text: &str,
) -> Result<Customer, CellError> {
    let mut c = customers.get(index).cloned().ok_or(CellError::NotEditable)?;
    let money = |text: &str| -> Result<Money, CellError> {
        let m = Money::parse(text.trim()).ok_or(CellError::NotAnAmount)?;
        if m.is_negative() {
            Err(CellError::NegativeAmount)
        } else {
            Ok(m)
        }
    };
    match column {
        Column::Id => {
            let id = text.trim();
            if id.is_empty() {
                return Err(CellError::EmptyId);
            }
            if customers
                .iter()
                .enumerate()
                .any(|(i, o)| i != index && o.id == id)
            {
                return Err(CellError::DuplicateId(id.to_owned()));
            }
            id.clone_into(&mut c.id);
        }
        Column::Name => text.clone_into(&mut c.name),
        Column::Industry => text.clone_into(&mut c.industry),
        Column::Region => text.clone_into(&mut c.region),
        Column::Revenue => c.revenue = money(text)?,
        Column::CostOfGoods => c.cost_of_goods = money(text)?,
        Column::CostToServe => c.cost_to_serve = money(text)?,
        Column::Growth => {
            c.growth_potential = match text.trim().parse::<u8>() {
                Ok(g @ 1..=5) => g,
                _ => return Err(CellError::GrowthOutOfRange),
            };
        }
        _ => return Err(CellError::NotEditable),
    }
    Ok(c)
}

/// A fresh id not used by any customer: `C` followed by the next free number (C001 …).
#[must_use]
pub fn next_id(customers: &[Customer]) -> String {
    super::ids::next_id("C", 3, customers.iter().map(|c| c.id.as_str()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Settings;

    fn customers() -> Vec<Customer> {
        let mk = |id: &str, name: &str, rev: i64, cts: i64, tags: &[&str]| Customer {
            id: id.into(),
            name: name.into(),
            revenue: Money::from_major(rev),
            cost_to_serve: Money::from_major(cts),
            tags: tags.iter().map(|t| (*t).to_owned()).collect(),
            ..Customer::default()
        };
        vec![
            mk("C003", "Gamma Cold Chain", 500, 100, &["cold-chain"]),
            mk("C001", "Alpha Retail", 1000, 100, &["e-commerce"]),
            mk("C002", "Beta Parts", 200, 300, &["cold-chain", "port"]),
        ]
    }

    #[test]
    fn filters_and_sorts() {
        let cs = customers();
        let seg = Segmentation::compute(&cs, &Settings::default());
        let by_id = rows(&cs, &seg, &Filter::default(), Sort::default());
        assert_eq!(by_id, vec![1, 2, 0]);
        let by_profit_desc = rows(
            &cs,
            &seg,
            &Filter::default(),
            Sort {
                column: Column::Profit,
                ascending: false,
            },
        );
        assert_eq!(by_profit_desc, vec![1, 0, 2]);
        let cold = Filter {
            tag: Some("cold-chain".into()),
            ..Filter::default()
        };
        assert_eq!(rows(&cs, &seg, &cold, Sort::default()), vec![2, 0]);
        let loss = Filter {
            tier: Some(Tier::LossMaking),
            ..Filter::default()
        };
        assert_eq!(rows(&cs, &seg, &loss, Sort::default()), vec![2]);
        let text = Filter {
            text: "  RETAIL ".into(),
            ..Filter::default()
        };
        assert_eq!(rows(&cs, &seg, &text, Sort::default()), vec![1]);
        let t = totals(&cs, &seg, &rows(&cs, &seg, &cold, Sort::default()));
        assert_eq!(t.count, 2);
        assert_eq!(t.revenue, 70_000);
        assert_eq!(t.profit, 30_000);
    }

    #[test]
    fn cell_edits_table() {
        let cs = customers();
        let ok = |col, text: &str| edit_cell(&cs, 0, col, text);
        assert_eq!(
            ok(Column::Revenue, "1,234.5").map(|c| c.revenue),
            Ok(Money(123_450))
        );
        assert_eq!(ok(Column::CostToServe, "-5"), Err(CellError::NegativeAmount));
        assert_eq!(ok(Column::CostOfGoods, "abc"), Err(CellError::NotAnAmount));
        assert_eq!(ok(Column::Growth, "5").map(|c| c.growth_potential), Ok(5));
        assert_eq!(ok(Column::Growth, "6"), Err(CellError::GrowthOutOfRange));
        assert_eq!(ok(Column::Growth, "0"), Err(CellError::GrowthOutOfRange));
        assert_eq!(ok(Column::Id, "C001"), Err(CellError::DuplicateId("C001".into())));
        assert_eq!(ok(Column::Id, " "), Err(CellError::EmptyId));
        assert_eq!(ok(Column::Profit, "5"), Err(CellError::NotEditable));
        assert_eq!(
            ok(Column::Name, "新名稱").map(|c| c.name),
            Ok("新名稱".to_owned())
        );
    }

    #[test]
    fn next_ids() {
        assert_eq!(next_id(&customers()), "C004");
        assert_eq!(next_id(&[]), "C001");
        let with = |ids: &[&str]| -> Vec<Customer> {
            ids.iter()
                .map(|id| Customer {
                    id: (*id).into(),
                    ..Customer::default()
                })
                .collect()
        };
        let cases: &[(&[&str], &str)] = &[
            // Gaps are not refilled: one past the highest number.
            (&["C001", "C005"], "C006"),
            // At least three digits.
            (&["C1", "C7"], "C008"),
            // The widest id sets the width.
            (&["C0042", "C3"], "C0043"),
            (&["C999"], "C1000"),
            // Ids that are not C + number are ignored for the number, never reused.
            (&["X999", "Cargo", "C"], "C001"),
            (&["c005"], "C001"),
        ];
        for (ids, expected) in cases {
            assert_eq!(next_id(&with(ids)), *expected, "{ids:?}");
        }
    }

    /// A customer without revenue has no margin; it sorts below every number, in either
    /// direction of the sort it is at the "low" end, and ties among them go by id.
    #[test]
    fn undefined_margins_sort_below_every_number() {
        let mk = |id: &str, rev: i64, cts: i64| Customer {
            id: id.into(),
            revenue: Money::from_major(rev),
            cost_to_serve: Money::from_major(cts),
            ..Customer::default()
        };
        // Margins: C1 50 %, C2 undefined, C3 −100 %, C4 undefined, C5 90 %.
        let cs = vec![
            mk("C4", 0, 10),
            mk("C1", 100, 50),
            mk("C2", 0, 0),
            mk("C5", 100, 10),
            mk("C3", 100, 200),
        ];
        let seg = Segmentation::compute(&cs, &Settings::default());
        let sorted = |ascending| {
            rows(
                &cs,
                &seg,
                &Filter::default(),
                Sort {
                    column: Column::Margin,
                    ascending,
                },
            )
            .into_iter()
            .map(|i| cs[i].id.as_str())
            .collect::<Vec<_>>()
        };
        assert_eq!(sorted(true), ["C2", "C4", "C3", "C1", "C5"]);
        assert_eq!(sorted(false), ["C5", "C1", "C3", "C2", "C4"]);
    }
}
