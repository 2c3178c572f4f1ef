//! The customer table's rules: which rows a filter keeps, how a column sorts, what the
//! footer totals are, and whether a typed cell value is acceptable (each editable cell is a
//! typed field kind, [`CellKind`]).

use std::cmp::Ordering;

use super::field::{FieldKind, FieldProblem, MoneyKind};
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

/// Why a typed cell value was not applied.
#[derive(Clone, Debug, PartialEq)]
pub enum CellError {
    /// An amount that does not read, or is negative.
    Amount(FieldProblem),
    GrowthOutOfRange,
    EmptyId,
    DuplicateId(String),
    NotEditable,
}

/// What a cell holds, read from the text typed into it.
#[derive(Clone, Debug, PartialEq)]
pub enum CellValue {
    /// An id, name, industry or region.
    Text(String),
    /// Revenue or a cost.
    Money(Money),
    /// Growth potential, 1 to 5.
    Growth(u8),
}

/// One cell of the table as a typed field: the value customer `index` holds in `column`, and
/// the rules a typed text must meet to replace it (an id unique and not empty, an amount not
/// negative, growth from 1 to 5).
#[derive(Clone, Copy, Debug)]
pub struct CellKind<'a> {
    customers: &'a [Customer],
    index: usize,
    column: Column,
}

impl<'a> CellKind<'a> {
    #[must_use]
    pub fn new(customers: &'a [Customer], index: usize, column: Column) -> Self {
        Self {
            customers,
            index,
            column,
        }
    }

    /// What the cell holds now; `None` for a column that cannot be typed into.
    #[must_use]
    pub fn value(&self) -> Option<CellValue> {
        let c = self.customers.get(self.index)?;
        Some(match self.column {
            Column::Id => CellValue::Text(c.id.clone()),
            Column::Name => CellValue::Text(c.name.clone()),
            Column::Industry => CellValue::Text(c.industry.clone()),
            Column::Region => CellValue::Text(c.region.clone()),
            Column::Revenue => CellValue::Money(c.revenue),
            Column::CostOfGoods => CellValue::Money(c.cost_of_goods),
            Column::CostToServe => CellValue::Money(c.cost_to_serve),
            Column::Growth => CellValue::Growth(c.growth_potential),
            _ => return None,
        })
    }

    /// The customer with `value` in this cell; `None` when the value is not of this column.
    #[must_use]
    pub fn apply(&self, value: CellValue) -> Option<Customer> {
        let mut c = self.customers.get(self.index)?.clone();
        match (self.column, value) {
            (Column::Id, CellValue::Text(text)) => c.id = text,
            (Column::Name, CellValue::Text(text)) => c.name = text,
            (Column::Industry, CellValue::Text(text)) => c.industry = text,
            (Column::Region, CellValue::Text(text)) => c.region = text,
            (Column::Revenue, CellValue::Money(m)) => c.revenue = m,
            (Column::CostOfGoods, CellValue::Money(m)) => c.cost_of_goods = m,
            (Column::CostToServe, CellValue::Money(m)) => c.cost_to_serve = m,
            (Column::Growth, CellValue::Growth(g)) => c.growth_potential = g,
            _ => return None,
        }
        Some(c)
    }
}

impl FieldKind for CellKind<'_> {
    type Value = CellValue;
    type Problem = CellError;

    fn format(&self, value: &CellValue) -> String {
        match value {
            CellValue::Text(text) => text.clone(),
            CellValue::Money(m) => m.to_string(),
            CellValue::Growth(g) => g.to_string(),
        }
    }

    fn parse(&self, text: &str) -> Result<CellValue, CellError> {
        let amount = || {
            MoneyKind { negative: false }
                .parse(text)
                .map(CellValue::Money)
                .map_err(CellError::Amount)
        };
        match self.column {
            Column::Id => {
                let id = text.trim();
                if id.is_empty() {
                    return Err(CellError::EmptyId);
                }
                if self
                    .customers
                    .iter()
                    .enumerate()
                    .any(|(i, o)| i != self.index && o.id == id)
                {
                    return Err(CellError::DuplicateId(id.to_owned()));
                }
                Ok(CellValue::Text(id.to_owned()))
            }
            Column::Name | Column::Industry | Column::Region => Ok(CellValue::Text(text.to_owned())),
            Column::Revenue | Column::CostOfGoods | Column::CostToServe => amount(),
            Column::Growth => match text.trim().parse::<u8>() {
                Ok(g @ 1..=5) => Ok(CellValue::Growth(g)),
                _ => Err(CellError::GrowthOutOfRange),
            },
            _ => Err(CellError::NotEditable),
        }
    }
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
        let edit = |col, text: &str| {
            let kind = CellKind::new(&cs, 0, col);
            kind.parse(text).map(|v| kind.apply(v))
        };
        let refused = |col, text: &str| CellKind::new(&cs, 0, col).parse(text).err();
        assert_eq!(
            edit(Column::Revenue, "1,234.5").map(|c| c.map(|c| c.revenue)),
            Ok(Some(Money(123_450)))
        );
        assert_eq!(
            refused(Column::CostToServe, "-5"),
            Some(CellError::Amount(FieldProblem::NegativeAmount))
        );
        assert_eq!(
            refused(Column::CostOfGoods, "abc"),
            Some(CellError::Amount(FieldProblem::NotAnAmount))
        );
        assert_eq!(
            edit(Column::Growth, "5").map(|c| c.map(|c| c.growth_potential)),
            Ok(Some(5))
        );
        assert_eq!(refused(Column::Growth, "6"), Some(CellError::GrowthOutOfRange));
        assert_eq!(refused(Column::Growth, "0"), Some(CellError::GrowthOutOfRange));
        assert_eq!(
            refused(Column::Id, "C001"),
            Some(CellError::DuplicateId("C001".into()))
        );
        assert_eq!(refused(Column::Id, " "), Some(CellError::EmptyId));
        // The row's own id is no duplicate, and an id is kept trimmed.
        assert_eq!(
            edit(Column::Id, " C003 ").map(|c| c.map(|c| c.id)),
            Ok(Some("C003".to_owned()))
        );
        assert_eq!(refused(Column::Profit, "5"), Some(CellError::NotEditable));
        assert_eq!(CellKind::new(&cs, 0, Column::Profit).value(), None);
        assert_eq!(
            edit(Column::Name, "新名稱").map(|c| c.map(|c| c.name)),
            Ok(Some("新名稱".to_owned()))
        );
    }

    /// Every editable cell shows a text that reads back as what it holds, so retyping a cell
    /// as it is changes nothing.
    #[test]
    fn every_cell_reads_back_what_it_shows() {
        let mut cs = customers();
        cs[0].cost_of_goods = Money(123_456_789);
        cs[0].growth_potential = 4;
        for column in Column::ALL.into_iter().filter(|c| c.editable()) {
            let kind = CellKind::new(&cs, 0, column);
            let value = kind.value().unwrap();
            assert_eq!(kind.parse(&kind.format(&value)), Ok(value.clone()), "{column:?}");
            assert_eq!(kind.apply(value).as_ref(), cs.first(), "{column:?}");
        }
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

    /// The cells a user can type into, and the columns drawn as numbers (right-aligned).
    #[test]
    fn editable_and_numeric_columns() {
        use Column as C;
        let editable: Vec<Column> = Column::ALL.into_iter().filter(|c| c.editable()).collect();
        assert_eq!(
            editable,
            [
                C::Id,
                C::Name,
                C::Industry,
                C::Region,
                C::Revenue,
                C::CostOfGoods,
                C::CostToServe,
                C::Growth
            ]
        );
        let numeric: Vec<Column> = Column::ALL.into_iter().filter(|c| c.numeric()).collect();
        assert_eq!(
            numeric,
            [
                C::Revenue,
                C::CostOfGoods,
                C::CostToServe,
                C::Profit,
                C::Margin,
                C::Growth,
                C::DeliveredValue,
                C::ValueRatio,
                C::Completeness
            ]
        );
    }

    /// A filter is empty only when nothing is set (blank text counts as none); any one
    /// condition on its own makes it non-empty.
    #[test]
    fn a_filter_with_any_one_condition_is_not_empty() {
        assert!(Filter::default().is_empty());
        assert!(
            Filter {
                text: " \t".into(),
                ..Filter::default()
            }
            .is_empty()
        );
        let one_each = [
            Filter {
                text: "cold".into(),
                ..Filter::default()
            },
            Filter {
                tier: Some(Tier::Key),
                ..Filter::default()
            },
            Filter {
                class: Some(AbcClass::B),
                ..Filter::default()
            },
            Filter {
                tag: Some("port".into()),
                ..Filter::default()
            },
            Filter {
                segment: Some(RfmSegment::Lost),
                ..Filter::default()
            },
            Filter {
                rfm_cell: Some((1, 1)),
                ..Filter::default()
            },
        ];
        for f in one_each {
            assert!(!f.is_empty(), "{f:?}");
        }
    }

    /// The class filter keeps that class only. Profits: C001 ¥900, C003 ¥400, C002 −¥100;
    /// positive total ¥1 300. C001 alone is 69 % < 80 %, so class A needs C003 too (100 %);
    /// C002 loses money, so it is C.
    #[test]
    fn the_class_filter_keeps_that_class() {
        let cs = customers();
        let seg = Segmentation::compute(&cs, &Settings::default());
        let class = |k| Filter {
            class: Some(k),
            ..Filter::default()
        };
        assert_eq!(rows(&cs, &seg, &class(AbcClass::A), Sort::default()), vec![1, 0]);
        assert_eq!(rows(&cs, &seg, &class(AbcClass::C), Sort::default()), vec![2]);
        assert!(rows(&cs, &seg, &class(AbcClass::B), Sort::default()).is_empty());
    }

    /// Five customers whose logs rank them 5 to 1 on each of R, F and M (one per quintile),
    /// and one without a log.
    fn with_rfm() -> Vec<Customer> {
        let day = chrono::NaiveDate::from_ymd_opt(2026, 1, 31).unwrap();
        let mut cs: Vec<Customer> = (0..5_i64)
            .map(|i| Customer {
                id: format!("R{i}"),
                revenue: Money::from_major(100),
                rfm: Some(crate::model::Rfm {
                    reference_date: day,
                    recency_days: 1 + i * 10,
                    frequency: 50 - i as u32 * 10,
                    monetary: Money::from_major(5_000 - i * 1000),
                }),
                ..Customer::default()
            })
            .collect();
        cs.push(Customer {
            id: "R5".into(),
            ..Customer::default()
        });
        cs
    }

    /// R0 scores R5 F5 M5 (FM 5, Champion), R1 4/4/4 (Loyal, cell (4, 4)), R2 3/3/3, R3
    /// 2/2/2 (Hibernating, cell (2, 2)), R4 1/1/1; R5 has no scores and matches neither
    /// filter. A segment filter ignores the cell, a cell filter ignores the segment.
    #[test]
    fn segment_and_cell_filters_keep_their_customers() {
        let cs = with_rfm();
        let seg = Segmentation::compute(&cs, &Settings::default());
        let segment = Filter {
            segment: Some(RfmSegment::Loyal),
            ..Filter::default()
        };
        assert_eq!(rows(&cs, &seg, &segment, Sort::default()), vec![1]);
        let cell = Filter {
            rfm_cell: Some((2, 2)),
            ..Filter::default()
        };
        assert_eq!(rows(&cs, &seg, &cell, Sort::default()), vec![3]);
        let champion = Filter {
            segment: Some(RfmSegment::Champion),
            ..Filter::default()
        };
        assert_eq!(rows(&cs, &seg, &champion, Sort::default()), vec![0]);
    }

    /// The footer adds up every amount over the rows: revenue 500 + 1 000 + 200 = ¥1 700,
    /// cost of goods 50 + 0 + 20 = ¥70, cost to serve 100 + 100 + 300 = ¥500, profit
    /// 1 700 − 70 − 500 = ¥1 130 (all in cents below).
    #[test]
    fn totals_add_up_each_amount() {
        let mut cs = customers();
        cs[0].cost_of_goods = Money::from_major(50);
        cs[2].cost_of_goods = Money::from_major(20);
        let seg = Segmentation::compute(&cs, &Settings::default());
        assert_eq!(
            totals(&cs, &seg, &[0, 1, 2]),
            Totals {
                count: 3,
                revenue: 170_000,
                cost_of_goods: 7_000,
                cost_to_serve: 50_000,
                profit: 113_000,
            }
        );
    }
}
