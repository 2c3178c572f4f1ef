//! The customer table as the app shows it, worded for export: the same columns, rows, filter
//! and sort as the Customers page, for its Export CSV/XLSX buttons and for
//! `scm-crm-studio export customers`.

use crate::i18n::customers::CustomerKey as C;
use crate::i18n::segments::{SegmentKey, segment_name};
use crate::i18n::{Key, class_name, tier_name, tr};
use crate::model::customer_table::{self, Column, Filter, Sort};
use crate::model::rfm_segments::RfmSegment;
use crate::model::{Language, Scenario, Segmentation};
use crate::store::export::{ExportCell, ExportTable};

/// A column's title in `lang`, as the table's header shows it.
#[must_use]
pub fn column_title(lang: Language, column: Column) -> &'static str {
    match column {
        Column::Id => tr(lang, Key::ColId),
        Column::Name => tr(lang, Key::ColName),
        Column::Industry => tr(lang, Key::ColIndustry),
        Column::Region => tr(lang, Key::ColRegion),
        Column::Revenue => tr(lang, Key::ColRevenue),
        Column::CostOfGoods => tr(lang, Key::ColCostOfGoods),
        Column::CostToServe => tr(lang, Key::ColCostToServe),
        Column::Profit => tr(lang, Key::ColProfit),
        Column::Margin => tr(lang, Key::ColMargin),
        Column::Growth => tr(lang, C::ColGrowth),
        Column::DeliveredValue => tr(lang, C::ColDelivered),
        Column::ValueRatio => tr(lang, C::ColRatio),
        Column::Class => tr(lang, Key::ColClass),
        Column::Tier => tr(lang, Key::ColTier),
        Column::Segment => tr(lang, SegmentKey::ColSegment),
        Column::Completeness => tr(lang, C::ColCompleteness),
    }
}

/// The rows `rows` (indices into the scenario's customers, in display order) as an export
/// table in `lang`. Money is in the currency's major unit; numbers stay numbers.
#[must_use]
pub fn customer_table(
    scenario: &Scenario,
    seg: &Segmentation,
    rows: &[usize],
    lang: Language,
) -> ExportTable {
    let customers = &scenario.customers;
    let headers = Column::ALL
        .iter()
        .map(|c| column_title(lang, *c).to_owned())
        .collect();
    let money = |m: i128| ExportCell::Number(m as f64 / 100.0);
    let rows = rows
        .iter()
        .filter_map(|&i| {
            let (c, f) = (customers.get(i)?, seg.figures.get(i)?);
            let ratio = crate::model::valuation::value_ratio(&c.value);
            Some(vec![
                ExportCell::Text(c.id.clone()),
                ExportCell::Text(c.name.clone()),
                ExportCell::Text(c.industry.clone()),
                ExportCell::Text(c.region.clone()),
                money(i128::from(c.revenue.0)),
                money(i128::from(c.cost_of_goods.0)),
                money(i128::from(c.cost_to_serve.0)),
                money(f.profit),
                f.margin.map_or(ExportCell::Empty, ExportCell::Number),
                ExportCell::Number(f64::from(c.growth_potential)),
                ExportCell::Number(crate::model::valuation::delivered_value(&c.value)),
                ratio.map_or(ExportCell::Empty, ExportCell::Number),
                ExportCell::Text(class_name(f.class).to_owned()),
                ExportCell::Text(tier_name(lang, f.tier).to_owned()),
                f.rfm_scores
                    .and_then(RfmSegment::of_scores)
                    .map_or(ExportCell::Empty, |s| {
                        ExportCell::Text(segment_name(lang, s).to_owned())
                    }),
                ExportCell::Number(c.completeness() as f64),
            ])
        })
        .collect();
    ExportTable {
        sheet_name: tr(lang, Key::PageCustomers).to_owned(),
        headers,
        rows,
    }
}

/// The whole table with `filter` and `sort` applied, as the Customers page would export it.
#[must_use]
pub fn filtered_table(
    scenario: &Scenario,
    seg: &Segmentation,
    filter: &Filter,
    sort: Sort,
    lang: Language,
) -> ExportTable {
    let rows = customer_table::rows(&scenario.customers, seg, filter, sort);
    customer_table(scenario, seg, &rows, lang)
}
