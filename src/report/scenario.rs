//! The whole-scenario report: title, key figures, the whale curve and value matrix, the top and
//! bottom customers, the loss-makers, co-creation, the plan and the dispute log.
//!
//! The numbers are gathered once into [`ReportData`] (what `report --format json` prints), then
//! worded into a [`Page`] in the user's language for HTML and Markdown. The user picks the
//! sections; chart images come from the caller's [`ChartRenderer`].

use chrono::NaiveDate;
use serde::Serialize;

use super::keys::{class_key, dispute_status_key, kind_key, route_key, step_status_key, tier_key};
use super::page::{Block, Image, Page, Section};
use super::{Chart, ChartKind, ChartRenderer, ChartRequest, ChartTheme, html_lang};
use crate::i18n::charts::ChartKey as Ch;
use crate::i18n::planner::PlannerKey as P;
use crate::i18n::report::ReportKey as R;
use crate::i18n::{
    Key, dispute_kind_name, dispute_status_name, route_name, step_name, step_status_name, tier_name,
    tier_reason, tr, trf,
};
use crate::model::advice::advise_dispute;
use crate::model::charts::{self as series, GroupFigures, Quadrant};
use crate::model::planner::{Standing, latest_measurement, plan_progress, standing, step_overdue};
use crate::model::{AbcClass, Language, Scenario, Segmentation, Tier, format_minor};

/// A part of the report the user can leave out.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, clap::ValueEnum, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ReportSection {
    /// Title, author, date and description.
    Title,
    /// Customers, revenue, profit, margin, tiers and ABC classes.
    Figures,
    /// The whale curve and the value matrix, as images.
    Charts,
    /// The top and bottom 10 customers by profit, with their tier reason.
    Customers,
    /// The loss-makers, with what makes them lose money.
    LossMakers,
    /// Satisfaction, interactions and promotion response.
    Cocreation,
    /// The eight steps, the Gantt and the KPIs against their targets.
    Plan,
    /// The dispute log with each dispute's recommended route and decision.
    Disputes,
}

impl ReportSection {
    /// Every section, in report order.
    pub const ALL: [Self; 8] = [
        Self::Title,
        Self::Figures,
        Self::Charts,
        Self::Customers,
        Self::LossMakers,
        Self::Cocreation,
        Self::Plan,
        Self::Disputes,
    ];

    /// The section's name in `lang` (its heading, and its checkbox in the dialog).
    #[must_use]
    pub fn title(self, lang: Language) -> &'static str {
        tr(
            lang,
            match self {
                Self::Title => R::SecTitle,
                Self::Figures => R::SecFigures,
                Self::Charts => R::SecCharts,
                Self::Customers => R::SecCustomers,
                Self::LossMakers => R::SecLossMakers,
                Self::Cocreation => R::SecCocreation,
                Self::Plan => R::SecPlan,
                Self::Disputes => R::SecDisputes,
            },
        )
    }
}

/// The form of a scenario report.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, clap::ValueEnum)]
pub enum ReportFormat {
    /// One self-contained HTML file, ready to print.
    #[default]
    Html,
    /// Markdown with the images embedded.
    Md,
    /// The numbers of every section.
    Json,
}

impl ReportFormat {
    pub const ALL: [Self; 3] = [Self::Html, Self::Md, Self::Json];

    /// The file name extension.
    #[must_use]
    pub const fn extension(self) -> &'static str {
        match self {
            Self::Html => "html",
            Self::Md => "md",
            Self::Json => "json",
        }
    }

    /// The format's name in `lang`, for the dialog.
    #[must_use]
    pub fn name(self, lang: Language) -> &'static str {
        tr(
            lang,
            match self {
                Self::Html => R::FormatHtml,
                Self::Md => R::FormatMarkdown,
                Self::Json => R::FormatJson,
            },
        )
    }
}

/// The report in `format`: what File ▸ Export report… and `scm-crm-studio report` write.
pub fn render(input: &ScenarioReportInput<'_>, format: ReportFormat) -> Result<String, serde_json::Error> {
    Ok(match format {
        ReportFormat::Html => report_html(input),
        ReportFormat::Md => report_markdown(input),
        ReportFormat::Json => report_json(input)? + "\n",
    })
}

/// What a scenario report is made from.
#[derive(Clone, Copy)]
pub struct ScenarioReportInput<'a> {
    pub scenario: &'a Scenario,
    pub lang: Language,
    /// The day of the report (the date printed, overdue marks, the dispute advice).
    pub today: NaiveDate,
    /// The sections to include, in any order; the report keeps its own order.
    pub sections: &'a [ReportSection],
    pub renderer: &'a dyn ChartRenderer,
}

/// Customers listed at the top and at the bottom.
const TOP_N: usize = 10;

/// Image widths in the report, in points; drawn at twice that in pixels for print.
const IMAGE_WIDTH_POINTS: u32 = 900;

/// Every number of the report, section by section; a left-out section is absent.
#[derive(Debug, Serialize)]
pub struct ReportData {
    pub language: &'static str,
    pub prepared: NaiveDate,
    pub currency: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<TitleData>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub figures: Option<FiguresData>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub charts: Option<ChartsData>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub customers: Option<TopBottomData>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub loss_makers: Option<LossData>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cocreation: Option<CocreationData>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub plan: Option<PlanData>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub disputes: Option<DisputesData>,
}

#[derive(Debug, Serialize)]
pub struct TitleData {
    pub title: String,
    pub author: String,
    pub created: Option<NaiveDate>,
    pub modified: Option<NaiveDate>,
    pub description: String,
}

/// One tier or class: its customers, revenue and profit, and its shares of the totals.
#[derive(Debug, Serialize)]
pub struct GroupData {
    pub group: &'static str,
    pub customers: usize,
    pub revenue: f64,
    pub profit: f64,
    pub revenue_share_pct: Option<f64>,
    pub profit_share_pct: Option<f64>,
}

#[derive(Debug, Serialize)]
pub struct FiguresData {
    pub customers: usize,
    pub revenue: f64,
    pub profit: f64,
    pub margin_pct: Option<f64>,
    pub tiers: Vec<GroupData>,
    pub abc: Vec<GroupData>,
}

#[derive(Debug, Serialize)]
pub struct WhaleData {
    /// The peak of the curve: the top customers who make the most profit, and how much.
    pub peak_customers: Option<usize>,
    pub peak_customers_pct: Option<f64>,
    pub peak_profit_pct: Option<f64>,
    /// Customers with profit below zero.
    pub loss_makers: usize,
    /// Of those, how many a tier set by hand keeps out of the loss-making tier: why the tier
    /// count can be smaller than the loss-makers on the curve.
    pub loss_makers_in_other_tiers: usize,
    pub class_a: usize,
    pub class_a_and_b: usize,
}

#[derive(Debug, Serialize)]
pub struct MatrixData {
    pub key: usize,
    pub develop: usize,
    pub maintain: usize,
    pub loss: usize,
    pub growth_threshold: u8,
}

#[derive(Debug, Serialize)]
pub struct ChartsData {
    pub whale: WhaleData,
    pub matrix: MatrixData,
}

#[derive(Debug, Serialize)]
pub struct CustomerRow {
    /// Rank by profit, 1 the most profitable.
    pub rank: usize,
    pub id: String,
    pub name: String,
    pub revenue: f64,
    pub profit: f64,
    pub margin_pct: Option<f64>,
    pub tier: &'static str,
    pub class: &'static str,
    /// Why the customer is in its tier, in the report's language.
    pub tier_reason: String,
    pub tier_set_by_hand: bool,
}

#[derive(Debug, Serialize)]
pub struct TopBottomData {
    pub top: Vec<CustomerRow>,
    /// The least profitable first.
    pub bottom: Vec<CustomerRow>,
}

#[derive(Debug, Serialize)]
pub struct LossMaker {
    pub id: String,
    pub name: String,
    pub revenue: f64,
    pub cost_of_goods: f64,
    /// Revenue minus cost of goods.
    pub gross_margin: f64,
    pub cost_to_serve: f64,
    pub profit: f64,
    /// Cost to serve as a share of the gross margin (absent when the margin is not positive).
    pub cost_to_serve_of_gross_margin_pct: Option<f64>,
    /// `below_cost` (sold below its cost of goods) or `cost_to_serve`.
    pub cause: &'static str,
    pub tier: &'static str,
}

#[derive(Debug, Serialize)]
pub struct LossData {
    pub count: usize,
    /// Loss-makers whose tier was set by hand to something other than loss-making.
    pub not_in_loss_tier: usize,
    pub customers: Vec<LossMaker>,
}

#[derive(Debug, Serialize)]
pub struct CampaignData {
    pub campaign: String,
    pub reached: usize,
    pub responded: usize,
    pub rate_pct: f64,
}

#[derive(Debug, Serialize)]
pub struct MonthData {
    pub month: String,
    pub satisfaction: Option<f64>,
    pub interactions: usize,
}

#[derive(Debug, Serialize)]
pub struct CocreationData {
    pub experiences: usize,
    pub mean_satisfaction: Option<f64>,
    pub interactions: usize,
    pub promotions: usize,
    pub responded: usize,
    pub response_rate_pct: Option<f64>,
    pub campaigns: Vec<CampaignData>,
    /// The last 12 months with any entry, oldest first.
    pub months: Vec<MonthData>,
}

#[derive(Debug, Serialize)]
pub struct StepData {
    pub number: usize,
    pub name: String,
    pub status: &'static str,
    pub progress_pct: u8,
    pub planned_start: Option<NaiveDate>,
    pub planned_end: Option<NaiveDate>,
    pub actual_start: Option<NaiveDate>,
    pub actual_end: Option<NaiveDate>,
    pub overdue: bool,
}

#[derive(Debug, Serialize)]
pub struct KpiData {
    pub id: String,
    pub name: String,
    pub unit: String,
    pub baseline: f64,
    pub target: f64,
    pub higher_is_better: bool,
    pub latest: Option<f64>,
    pub measured_on: Option<NaiveDate>,
    pub meets_target: Option<bool>,
}

#[derive(Debug, Serialize)]
pub struct PlanData {
    pub cycle: u32,
    pub steps_done: usize,
    /// Weighted by planned duration, as the Planner header shows it.
    pub progress_pct: f64,
    pub steps: Vec<StepData>,
    pub kpis: Vec<KpiData>,
}

#[derive(Debug, Serialize)]
pub struct DecisionData {
    pub route: &'static str,
    pub date: NaiveDate,
}

#[derive(Debug, Serialize)]
pub struct DisputeData {
    pub id: String,
    pub customer_id: String,
    pub customer: String,
    pub kind: &'static str,
    pub amount_disputed: f64,
    pub status: &'static str,
    pub recommended: &'static str,
    pub decision: Option<DecisionData>,
}

#[derive(Debug, Serialize)]
pub struct DisputesData {
    /// The day the recommended routes were advised on.
    pub advised_on: NaiveDate,
    pub disputes: Vec<DisputeData>,
}

fn major(minor: i128) -> f64 {
    minor as f64 / 100.0
}

fn share(part: i128, whole: i128) -> Option<f64> {
    series::share_pct(part, whole).map(round1)
}

fn round1(value: f64) -> f64 {
    (value * 10.0).round() / 10.0
}

fn group(key: &'static str, g: &GroupFigures, total: &GroupFigures) -> GroupData {
    GroupData {
        group: key,
        customers: g.count,
        revenue: major(g.revenue),
        profit: major(g.profit),
        revenue_share_pct: share(g.revenue, total.revenue),
        profit_share_pct: share(g.profit, total.profit),
    }
}

/// The numbers of every section in `input.sections`.
#[must_use]
pub fn report_data(input: &ScenarioReportInput<'_>) -> ReportData {
    let ScenarioReportInput {
        scenario,
        lang,
        today,
        sections,
        ..
    } = *input;
    let customers = &scenario.customers;
    let seg = Segmentation::compute(customers, &scenario.settings);
    let scope: Vec<usize> = (0..customers.len()).collect();
    let wants = |s: ReportSection| sections.contains(&s);
    // Customers ranked by profit, most profitable first (ties by id), as the whale curve ranks.
    let whale = series::whale_curve(&seg, &scope);
    let row = |rank: usize, i: usize| -> Option<CustomerRow> {
        let (c, f) = (customers.get(i)?, seg.figures.get(i)?);
        Some(CustomerRow {
            rank,
            id: c.id.clone(),
            name: c.name.clone(),
            revenue: c.revenue.as_major_f64(),
            profit: major(f.profit),
            margin_pct: f.margin.map(|m| round1(m * 100.0)),
            tier: tier_key(f.tier),
            class: class_key(f.class),
            tier_reason: c.tier_override.as_ref().map_or_else(
                || tier_reason(lang, &f.reason),
                |o| trf(lang, R::SetByHand, &[("reason", &o.reason)]),
            ),
            tier_set_by_hand: c.tier_override.is_some(),
        })
    };
    ReportData {
        language: html_lang(lang),
        prepared: today,
        currency: scenario.settings.currency_symbol.clone(),
        title: wants(ReportSection::Title).then(|| TitleData {
            title: scenario.metadata.title.clone(),
            author: scenario.metadata.author.clone(),
            created: scenario.metadata.created,
            modified: scenario.metadata.modified,
            description: scenario.metadata.description.clone(),
        }),
        figures: wants(ReportSection::Figures).then(|| {
            let b = series::breakdown(customers, &seg, &scope);
            let [key, general, loss] = &b.tiers;
            let [a, bb, c] = &b.classes;
            FiguresData {
                customers: customers.len(),
                revenue: major(seg.revenue_total),
                profit: major(seg.profit_total),
                margin_pct: share(seg.profit_total, seg.revenue_total),
                tiers: vec![
                    group(tier_key(Tier::Key), key, &b.total),
                    group(tier_key(Tier::General), general, &b.total),
                    group(tier_key(Tier::LossMaking), loss, &b.total),
                ],
                abc: vec![
                    group(class_key(AbcClass::A), a, &b.total),
                    group(class_key(AbcClass::B), bb, &b.total),
                    group(class_key(AbcClass::C), c, &b.total),
                ],
            }
        }),
        charts: wants(ReportSection::Charts).then(|| {
            let threshold = scenario.settings.growth_threshold;
            let counts = series::quadrant_counts(customers, &seg, &scope, threshold);
            let count = |q: Quadrant| {
                Quadrant::ALL
                    .iter()
                    .position(|x| *x == q)
                    .and_then(|k| counts.get(k).copied())
                    .unwrap_or(0)
            };
            ChartsData {
                whale: WhaleData {
                    peak_customers: whale.peak.map(|p| p.customers),
                    peak_customers_pct: whale.peak.map(|p| round1(p.customers_pct)),
                    peak_profit_pct: whale.peak.map(|p| round1(p.profit_pct)),
                    loss_makers: whale.profits.iter().filter(|p| **p < 0).count(),
                    loss_makers_in_other_tiers: whale.loss_makers_in_other_tiers(&seg),
                    class_a: whale.class_a_count,
                    class_a_and_b: whale.class_ab_count,
                },
                matrix: MatrixData {
                    key: count(Quadrant::Key),
                    develop: count(Quadrant::Develop),
                    maintain: count(Quadrant::Maintain),
                    loss: count(Quadrant::Loss),
                    growth_threshold: threshold,
                },
            }
        }),
        customers: wants(ReportSection::Customers).then(|| {
            let n = whale.ranked.len();
            TopBottomData {
                top: whale
                    .ranked
                    .iter()
                    .take(TOP_N)
                    .enumerate()
                    .filter_map(|(k, &i)| row(k + 1, i))
                    .collect(),
                bottom: whale
                    .ranked
                    .iter()
                    .enumerate()
                    .rev()
                    .take(TOP_N.min(n.saturating_sub(TOP_N)))
                    .filter_map(|(k, &i)| row(k + 1, i))
                    .collect(),
            }
        }),
        loss_makers: wants(ReportSection::LossMakers).then(|| loss_data(scenario, &seg, &whale.ranked)),
        cocreation: wants(ReportSection::Cocreation).then(|| cocreation_data(scenario, &scope)),
        plan: wants(ReportSection::Plan).then(|| plan_data(scenario, lang, today)),
        disputes: wants(ReportSection::Disputes).then(|| disputes_data(scenario, &seg, today)),
    }
}

fn loss_data(scenario: &Scenario, seg: &Segmentation, ranked: &[usize]) -> LossData {
    // The least profitable first.
    let customers: Vec<LossMaker> = ranked
        .iter()
        .rev()
        .filter_map(|&i| {
            let (c, f) = (scenario.customers.get(i)?, seg.figures.get(i)?);
            if f.profit >= 0 {
                return None;
            }
            let gross = i128::from(c.revenue.0) - i128::from(c.cost_of_goods.0);
            Some(LossMaker {
                id: c.id.clone(),
                name: c.name.clone(),
                revenue: c.revenue.as_major_f64(),
                cost_of_goods: c.cost_of_goods.as_major_f64(),
                gross_margin: major(gross),
                cost_to_serve: c.cost_to_serve.as_major_f64(),
                profit: major(f.profit),
                cost_to_serve_of_gross_margin_pct: (gross > 0)
                    .then(|| round1(i128::from(c.cost_to_serve.0) as f64 / gross as f64 * 100.0)),
                cause: if gross < 0 { "below_cost" } else { "cost_to_serve" },
                tier: tier_key(f.tier),
            })
        })
        .collect();
    LossData {
        count: customers.len(),
        not_in_loss_tier: customers
            .iter()
            .filter(|c| c.tier != tier_key(Tier::LossMaking))
            .count(),
        customers,
    }
}

fn cocreation_data(scenario: &Scenario, scope: &[usize]) -> CocreationData {
    let customers = &scenario.customers;
    let satisfaction = series::satisfaction_by_month(customers, scope);
    let interactions = series::interactions_by_month(customers, scope);
    let campaigns = series::response_by_campaign(customers, scope);
    let experiences: usize = satisfaction.iter().map(|m| m.entries).sum();
    let weighted: f64 = satisfaction.iter().map(|m| m.value * m.entries as f64).sum();
    let promotions: usize = campaigns.iter().map(|c| c.reached).sum();
    let responded: usize = campaigns.iter().map(|c| c.responded).sum();
    let mut months: Vec<i32> = satisfaction
        .iter()
        .map(|m| m.month)
        .chain(interactions.iter().filter(|m| m.value > 0.0).map(|m| m.month))
        .collect();
    months.sort_unstable();
    months.dedup();
    let recent = months.split_off(months.len().saturating_sub(12));
    CocreationData {
        experiences,
        mean_satisfaction: (experiences > 0).then(|| (weighted / experiences as f64 * 100.0).round() / 100.0),
        interactions: interactions.iter().map(|m| m.value as usize).sum(),
        promotions,
        responded,
        response_rate_pct: (promotions > 0).then(|| round1(responded as f64 / promotions as f64 * 100.0)),
        campaigns: campaigns
            .iter()
            .map(|c| CampaignData {
                campaign: c.campaign.clone(),
                reached: c.reached,
                responded: c.responded,
                rate_pct: round1(c.rate_pct()),
            })
            .collect(),
        months: recent
            .into_iter()
            .map(|month| MonthData {
                month: series::month_label(month),
                satisfaction: satisfaction
                    .iter()
                    .find(|m| m.month == month)
                    .map(|m| (m.value * 100.0).round() / 100.0),
                interactions: interactions
                    .iter()
                    .find(|m| m.month == month)
                    .map_or(0, |m| m.value as usize),
            })
            .collect(),
    }
}

fn plan_data(scenario: &Scenario, lang: Language, today: NaiveDate) -> PlanData {
    let plan = &scenario.plan;
    PlanData {
        cycle: plan.cycle,
        steps_done: plan.steps_done(),
        progress_pct: round1(plan_progress(plan) * 100.0),
        steps: plan
            .steps
            .iter()
            .map(|s| StepData {
                number: s.step.number(),
                name: step_name(lang, s.step).to_owned(),
                status: step_status_key(s.status),
                progress_pct: s.progress_pct,
                planned_start: s.planned_start,
                planned_end: s.planned_end,
                actual_start: s.actual_start,
                actual_end: s.actual_end,
                overdue: step_overdue(s, today),
            })
            .collect(),
        kpis: plan
            .kpis
            .iter()
            .map(|k| {
                let latest = latest_measurement(plan, &k.id);
                KpiData {
                    id: k.id.clone(),
                    name: k.name.clone(),
                    unit: k.unit.clone(),
                    baseline: k.baseline,
                    target: k.target,
                    higher_is_better: k.direction == crate::model::Direction::HigherIsBetter,
                    latest: latest.map(|m| m.value),
                    measured_on: latest.and_then(|m| m.date),
                    meets_target: latest
                        .map(|m| standing(k.direction, m.value, k.target) == Standing::Better),
                }
            })
            .collect(),
    }
}

fn disputes_data(scenario: &Scenario, seg: &Segmentation, today: NaiveDate) -> DisputesData {
    DisputesData {
        advised_on: today,
        disputes: scenario
            .disputes
            .iter()
            .map(|d| {
                let advice = advise_dispute(scenario, seg, d, today);
                DisputeData {
                    id: d.id.clone(),
                    customer_id: d.customer_id.clone(),
                    customer: scenario
                        .customer(&d.customer_id)
                        .map_or_else(String::new, |c| c.name.clone()),
                    kind: kind_key(d.kind),
                    amount_disputed: d.amount_disputed.as_major_f64(),
                    status: dispute_status_key(d.status),
                    recommended: route_key(advice.recommended),
                    decision: d.decision.as_ref().map(|x| DecisionData {
                        route: route_key(x.chosen),
                        date: x.date,
                    }),
                }
            })
            .collect(),
    }
}

/// The report's numbers as one JSON object.
pub fn report_json(input: &ScenarioReportInput<'_>) -> Result<String, serde_json::Error> {
    serde_json::to_string_pretty(&report_data(input))
}

/// The report as one self-contained, print-ready HTML file.
#[must_use]
pub fn report_html(input: &ScenarioReportInput<'_>) -> String {
    report_page(input).to_html()
}

/// The report as Markdown, images embedded.
#[must_use]
pub fn report_markdown(input: &ScenarioReportInput<'_>) -> String {
    report_page(input).to_markdown()
}

/// Money in minor units as the app writes it: "¥1,234,567", "-¥2,150", cents only when there
/// are some.
fn money(symbol: &str, major_units: f64) -> String {
    let minor = (major_units * 100.0).round() as i128;
    let text = format_minor(minor);
    let text = text.strip_suffix(".00").unwrap_or(&text);
    match text.strip_prefix('-') {
        Some(abs) => format!("-{symbol}{abs}"),
        None => format!("{symbol}{text}"),
    }
}

/// "a (b)" in English, "a（b）" in Chinese.
fn paren(lang: Language, a: &str, b: &str) -> String {
    if lang == Language::English {
        format!("{a} ({b})")
    } else {
        format!("{a}（{b}）")
    }
}

fn pct(value: Option<f64>) -> String {
    value.map_or_else(|| "—".to_owned(), |v| format!("{v:.1}%"))
}

fn date(value: Option<NaiveDate>) -> String {
    value.map_or_else(|| "—".to_owned(), |d| d.to_string())
}

/// A number as written in a KPI table: no trailing zeros.
fn number(value: f64) -> String {
    let text = format!("{value:.2}");
    text.trim_end_matches('0').trim_end_matches('.').to_owned()
}

/// The report, worded in the input's language.
#[must_use]
pub fn report_page(input: &ScenarioReportInput<'_>) -> Page {
    let data = report_data(input);
    let lang = input.lang;
    let symbol = data.currency.as_str();
    let image = |chart: ChartKind, height_points: u32, alt: String| {
        let request = ChartRequest {
            scenario: input.scenario,
            chart: Chart::Page(chart),
            lang,
            theme: ChartTheme::Light,
            size_px: [IMAGE_WIDTH_POINTS * 2, height_points * 2],
            pixels_per_point: 2.0,
            today: input.today,
        };
        Block::Image(Image {
            png: input.renderer.render_png(&request).map_err(|e| e.note(lang)),
            alt,
        })
    };
    let title = data
        .title
        .as_ref()
        .map(|t| t.title.trim())
        .filter(|t| !t.is_empty())
        .map_or_else(|| tr(lang, R::TitleFallback).to_owned(), str::to_owned);
    let mut subtitle = Vec::new();
    let mut sections = Vec::new();
    if let Some(t) = &data.title {
        if !t.author.trim().is_empty() {
            subtitle.push(trf(lang, R::Author, &[("author", &t.author.trim())]));
        }
        let mut dates = Vec::new();
        if let Some(created) = t.created {
            dates.push(trf(lang, R::Created, &[("date", &created)]));
        }
        if let Some(modified) = t.modified {
            dates.push(trf(lang, R::Modified, &[("date", &modified)]));
        }
        if !dates.is_empty() {
            subtitle.push(dates.join(if lang == Language::English { ", " } else { "，" }));
        }
    }
    subtitle.push(trf(
        lang,
        R::Prepared,
        &[("date", &data.prepared), ("app", &tr(lang, Key::AppName))],
    ));
    if let Some(t) = &data.title
        && !t.description.trim().is_empty()
    {
        sections.push(Section::new(
            tr(lang, P::ColDescription),
            vec![Block::Paragraph(t.description.trim().to_owned())],
        ));
    }
    if let Some(f) = &data.figures {
        sections.push(figures_section(lang, symbol, f));
    }
    if let Some(c) = &data.charts {
        let whale_sentence = match (c.whale.peak_customers_pct, c.whale.peak_profit_pct) {
            (Some(customers), Some(profit)) => trf(
                lang,
                Ch::PeakSentence,
                &[
                    ("customers", &format!("{customers:.0}")),
                    ("profit", &format!("{profit:.0}")),
                ],
            ),
            _ => String::new(),
        };
        let mut blocks = vec![image(ChartKind::Whale, 470, tr(lang, R::WhaleAlt).to_owned())];
        let mut facts = Vec::new();
        if !whale_sentence.is_empty() {
            facts.push(whale_sentence);
        }
        // Said with the reason where the tier count differs (a tier set by hand), as the chart
        // says it.
        facts.push(match c.whale.loss_makers_in_other_tiers {
            0 => trf(lang, Ch::LossMakers, &[("n", &c.whale.loss_makers)]),
            m => trf(
                lang,
                Ch::LossMakersByHand,
                &[("n", &c.whale.loss_makers), ("m", &m)],
            ),
        });
        blocks.push(Block::List(facts));
        blocks.push(image(ChartKind::Matrix, 470, tr(lang, R::MatrixAlt).to_owned()));
        blocks.push(Block::List(vec![
            trf(lang, Ch::QuadKey, &[("n", &c.matrix.key)]),
            trf(lang, Ch::QuadDevelop, &[("n", &c.matrix.develop)]),
            trf(lang, Ch::QuadMaintain, &[("n", &c.matrix.maintain)]),
            trf(lang, Ch::QuadLoss, &[("n", &c.matrix.loss)]),
        ]));
        let mut section = Section::new(ReportSection::Charts.title(lang), blocks);
        section.new_page = true;
        sections.push(section);
    }
    if let Some(tb) = &data.customers {
        let mut section = Section::new(
            ReportSection::Customers.title(lang),
            vec![
                Block::Paragraph(tr(lang, R::TopTitle).to_owned()),
                customer_table(lang, symbol, &tb.top),
                Block::Paragraph(tr(lang, R::BottomTitle).to_owned()),
                customer_table(lang, symbol, &tb.bottom),
            ],
        );
        section.new_page = true;
        sections.push(section);
    }
    if let Some(l) = &data.loss_makers {
        sections.push(loss_section(lang, symbol, l));
    }
    if let Some(c) = &data.cocreation {
        sections.push(cocreation_section(lang, c));
    }
    if let Some(p) = &data.plan {
        let scenario = input.scenario;
        let rows = scenario.plan.steps.len() + scenario.plan.work_packages.len();
        let gantt_height = (150 + 30 * rows as u32).min(1400);
        let kpi_height = (60 + 270 * scenario.plan.kpis.len().div_ceil(2) as u32).min(1600);
        let mut section = plan_section(lang, p);
        section.blocks.insert(
            2,
            image(ChartKind::Gantt, gantt_height, tr(lang, R::GanttAlt).to_owned()),
        );
        if !p.kpis.is_empty() {
            section
                .blocks
                .push(image(ChartKind::Kpi, kpi_height, tr(lang, R::KpiAlt).to_owned()));
        }
        section.new_page = true;
        sections.push(section);
    }
    if let Some(d) = &data.disputes {
        let mut section = disputes_section(lang, symbol, input.scenario, d);
        section.new_page = true;
        sections.push(section);
    }
    Page {
        lang,
        title,
        subtitle,
        sections,
    }
}

fn figures_section(lang: Language, symbol: &str, f: &FiguresData) -> Section {
    let header = vec![
        tr(lang, R::ColGroup).to_owned(),
        tr(lang, R::ColCustomers).to_owned(),
        tr(lang, Key::ColRevenue).to_owned(),
        tr(lang, R::ColShareRevenue).to_owned(),
        tr(lang, Key::ColProfit).to_owned(),
        tr(lang, R::ColShareProfit).to_owned(),
    ];
    let rows = |groups: &[GroupData], name: &dyn Fn(usize) -> String| -> Vec<Vec<String>> {
        groups
            .iter()
            .enumerate()
            .map(|(k, g)| {
                vec![
                    name(k),
                    g.customers.to_string(),
                    money(symbol, g.revenue),
                    pct(g.revenue_share_pct),
                    money(symbol, g.profit),
                    pct(g.profit_share_pct),
                ]
            })
            .collect()
    };
    let tiers = [Tier::Key, Tier::General, Tier::LossMaking];
    let classes = ["A", "B", "C"];
    let tier_rows = rows(&f.tiers, &|k| {
        tiers
            .get(k)
            .map_or_else(String::new, |t| tier_name(lang, *t).to_owned())
    });
    let class_rows = rows(&f.abc, &|k| {
        classes
            .get(k)
            .map_or_else(String::new, |c| trf(lang, R::ClassRow, &[("class", c)]))
    });
    Section::new(
        ReportSection::Figures.title(lang),
        vec![
            Block::Figures(vec![
                (tr(lang, R::FigCustomers).to_owned(), f.customers.to_string()),
                (tr(lang, R::FigRevenue).to_owned(), money(symbol, f.revenue)),
                (tr(lang, R::FigProfit).to_owned(), money(symbol, f.profit)),
                (tr(lang, R::FigMargin).to_owned(), pct(f.margin_pct)),
            ]),
            Block::numbers_table(header.clone(), tier_rows),
            Block::numbers_table(header, class_rows),
        ],
    )
}

fn customer_table(lang: Language, symbol: &str, rows: &[CustomerRow]) -> Block {
    let tier_of = |key: &str| {
        [Tier::Key, Tier::General, Tier::LossMaking]
            .into_iter()
            .find(|t| tier_key(*t) == key)
            .map_or("", |t| tier_name(lang, t))
    };
    Block::Table {
        header: vec![
            tr(lang, R::ColRank).to_owned(),
            tr(lang, Key::ColId).to_owned(),
            tr(lang, Key::ColName).to_owned(),
            tr(lang, Key::ColRevenue).to_owned(),
            tr(lang, Key::ColProfit).to_owned(),
            tr(lang, Key::ColMargin).to_owned(),
            tr(lang, Key::ColTier).to_owned(),
            tr(lang, R::ColWhy).to_owned(),
        ],
        rows: rows
            .iter()
            .map(|r| {
                vec![
                    r.rank.to_string(),
                    r.id.clone(),
                    r.name.clone(),
                    money(symbol, r.revenue),
                    money(symbol, r.profit),
                    pct(r.margin_pct),
                    paren(lang, tier_of(r.tier), &r.class.to_uppercase()),
                    r.tier_reason.clone(),
                ]
            })
            .collect(),
        numeric: vec![true, false, false, true, true, true, false, false],
    }
}

fn loss_section(lang: Language, symbol: &str, l: &LossData) -> Section {
    let title = ReportSection::LossMakers.title(lang);
    if l.customers.is_empty() {
        return Section::new(
            title,
            vec![Block::Paragraph(tr(lang, R::NoLossMakers).to_owned())],
        );
    }
    let mut blocks = vec![Block::Paragraph(tr(lang, R::LossIntro).to_owned())];
    blocks.push(Block::Table {
        header: vec![
            tr(lang, Key::ColId).to_owned(),
            tr(lang, Key::ColName).to_owned(),
            tr(lang, Key::ColRevenue).to_owned(),
            tr(lang, R::ColGrossMargin).to_owned(),
            tr(lang, Key::ColCostToServe).to_owned(),
            tr(lang, Key::ColProfit).to_owned(),
            tr(lang, R::ColServeShare).to_owned(),
            tr(lang, R::ColLossCause).to_owned(),
        ],
        rows: l
            .customers
            .iter()
            .map(|c| {
                let cause = if c.cause == "below_cost" {
                    tr(lang, R::CauseBelowCost).to_owned()
                } else {
                    trf(
                        lang,
                        R::CauseServe,
                        &[("amount", &money(symbol, c.cost_to_serve - c.gross_margin))],
                    )
                };
                vec![
                    c.id.clone(),
                    c.name.clone(),
                    money(symbol, c.revenue),
                    money(symbol, c.gross_margin),
                    money(symbol, c.cost_to_serve),
                    money(symbol, c.profit),
                    pct(c.cost_to_serve_of_gross_margin_pct),
                    cause,
                ]
            })
            .collect(),
        numeric: vec![false, false, true, true, true, true, true, false],
    });
    if l.not_in_loss_tier > 0 {
        blocks.push(Block::Paragraph(trf(
            lang,
            R::LossTierNote,
            &[("n", &l.not_in_loss_tier)],
        )));
    }
    Section::new(title, blocks)
}

fn cocreation_section(lang: Language, c: &CocreationData) -> Section {
    let title = ReportSection::Cocreation.title(lang);
    if c.experiences == 0 && c.interactions == 0 && c.promotions == 0 {
        return Section::new(
            title,
            vec![Block::Paragraph(tr(lang, R::NoCocreation).to_owned())],
        );
    }
    let mut blocks = vec![Block::Figures(vec![
        (tr(lang, R::FigExperiences).to_owned(), c.experiences.to_string()),
        (
            tr(lang, R::FigSatisfaction).to_owned(),
            c.mean_satisfaction
                .map_or_else(|| "—".to_owned(), |v| format!("{v:.2}")),
        ),
        (
            tr(lang, R::FigInteractions).to_owned(),
            c.interactions.to_string(),
        ),
        (tr(lang, R::FigPromotions).to_owned(), c.promotions.to_string()),
        (tr(lang, R::FigResponse).to_owned(), pct(c.response_rate_pct)),
    ])];
    if !c.campaigns.is_empty() {
        blocks.push(Block::numbers_table(
            vec![
                tr(lang, R::ColCampaign).to_owned(),
                tr(lang, R::ColReached).to_owned(),
                tr(lang, R::ColResponded).to_owned(),
                tr(lang, R::FigResponse).to_owned(),
            ],
            c.campaigns
                .iter()
                .map(|k| {
                    vec![
                        k.campaign.clone(),
                        k.reached.to_string(),
                        k.responded.to_string(),
                        pct(Some(k.rate_pct)),
                    ]
                })
                .collect(),
        ));
    }
    if !c.months.is_empty() {
        blocks.push(Block::Paragraph(tr(lang, R::RecentMonths).to_owned()));
        blocks.push(Block::numbers_table(
            vec![
                tr(lang, R::ColMonth).to_owned(),
                tr(lang, R::ColSatisfaction).to_owned(),
                tr(lang, R::FigInteractions).to_owned(),
            ],
            c.months
                .iter()
                .map(|m| {
                    vec![
                        m.month.clone(),
                        m.satisfaction
                            .map_or_else(|| "—".to_owned(), |v| format!("{v:.2}")),
                        m.interactions.to_string(),
                    ]
                })
                .collect(),
        ));
    }
    Section::new(title, blocks)
}

fn plan_section(lang: Language, p: &PlanData) -> Section {
    let status_of = |key: &str| {
        use crate::model::StepStatus as S;
        [S::NotStarted, S::InProgress, S::Done, S::Blocked]
            .into_iter()
            .find(|s| step_status_key(*s) == key)
            .map_or("", |s| step_status_name(lang, s))
    };
    let steps = Block::Table {
        header: vec![
            tr(lang, R::ColStep).to_owned(),
            tr(lang, P::FieldStatus).to_owned(),
            tr(lang, P::FieldProgress).to_owned(),
            tr(lang, P::FieldPlannedStart).to_owned(),
            tr(lang, P::FieldPlannedEnd).to_owned(),
            tr(lang, P::FieldActualStart).to_owned(),
            tr(lang, P::FieldActualEnd).to_owned(),
        ],
        rows: p
            .steps
            .iter()
            .map(|s| {
                let status = if s.overdue {
                    paren(lang, status_of(s.status), tr(lang, P::ListOverdue))
                } else {
                    status_of(s.status).to_owned()
                };
                vec![
                    format!("{}. {}", s.number, s.name),
                    status,
                    format!("{}%", s.progress_pct),
                    date(s.planned_start),
                    date(s.planned_end),
                    date(s.actual_start),
                    date(s.actual_end),
                ]
            })
            .collect(),
        numeric: vec![false, false, true, true, true, true, true],
    };
    let mut blocks = vec![
        Block::Fields(vec![
            (tr(lang, P::ColCycle).to_owned(), p.cycle.to_string()),
            (
                tr(lang, R::StepsDone).to_owned(),
                format!("{} / {}", p.steps_done, p.steps.len()),
            ),
            (
                tr(lang, P::FieldProgress).to_owned(),
                trf(
                    lang,
                    P::WeightedProgress,
                    &[("pct", &format!("{:.0}", p.progress_pct))],
                ),
            ),
        ]),
        steps,
    ];
    if p.kpis.is_empty() {
        blocks.push(Block::Paragraph(tr(lang, R::NoKpis).to_owned()));
    } else {
        blocks.push(Block::Table {
            header: vec![
                tr(lang, P::ColKpi).to_owned(),
                tr(lang, P::ColUnit).to_owned(),
                tr(lang, P::ColBaseline).to_owned(),
                tr(lang, P::ColTarget).to_owned(),
                tr(lang, P::ColLatest).to_owned(),
                tr(lang, R::ColMeasured).to_owned(),
                tr(lang, R::ColStanding).to_owned(),
            ],
            rows: p
                .kpis
                .iter()
                .map(|k| {
                    vec![
                        format!("{} {}", k.id, k.name),
                        k.unit.clone(),
                        number(k.baseline),
                        number(k.target),
                        k.latest.map_or_else(|| "—".to_owned(), number),
                        date(k.measured_on),
                        tr(
                            lang,
                            match k.meets_target {
                                Some(true) => R::Meets,
                                Some(false) => R::Short,
                                None => R::NotMeasured,
                            },
                        )
                        .to_owned(),
                    ]
                })
                .collect(),
            numeric: vec![false, false, true, true, true, true, false],
        });
    }
    Section::new(ReportSection::Plan.title(lang), blocks)
}

fn disputes_section(lang: Language, symbol: &str, scenario: &Scenario, d: &DisputesData) -> Section {
    let title = ReportSection::Disputes.title(lang);
    if d.disputes.is_empty() {
        return Section::new(title, vec![Block::Paragraph(tr(lang, R::NoDisputes).to_owned())]);
    }
    let rows = scenario
        .disputes
        .iter()
        .zip(&d.disputes)
        .map(|(dispute, row)| {
            let recommended = crate::model::Route::ALL
                .into_iter()
                .find(|r| route_key(*r) == row.recommended);
            vec![
                row.id.clone(),
                if row.customer.is_empty() {
                    row.customer_id.clone()
                } else {
                    paren(lang, &row.customer, &row.customer_id)
                },
                dispute_kind_name(lang, dispute.kind).to_owned(),
                money(symbol, row.amount_disputed),
                dispute_status_name(lang, dispute.status).to_owned(),
                route_name(lang, recommended).to_owned(),
                dispute.decision.as_ref().map_or_else(
                    || tr(lang, R::Undecided).to_owned(),
                    |x| {
                        trf(
                            lang,
                            R::DecidedOn,
                            &[("route", &route_name(lang, Some(x.chosen))), ("date", &x.date)],
                        )
                    },
                ),
            ]
        })
        .collect();
    Section::new(
        title,
        vec![
            Block::Table {
                header: vec![
                    tr(lang, R::ColDispute).to_owned(),
                    tr(lang, Key::ColCustomer).to_owned(),
                    tr(lang, Key::ColKind).to_owned(),
                    tr(lang, R::ColDisputed).to_owned(),
                    tr(lang, Key::ColStatus).to_owned(),
                    tr(lang, R::ColRecommended).to_owned(),
                    tr(lang, R::ColDecision).to_owned(),
                ],
                rows,
                numeric: vec![false, false, false, true, false, false, false],
            },
            Block::Paragraph(trf(lang, R::AdviceAsOf, &[("date", &d.advised_on)])),
        ],
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::{NoRenderer, RenderError};

    fn sample() -> Scenario {
        let text = include_str!("../../assets/samples/harbor-logistics.ron");
        crate::store::parse(text, std::path::Path::new("harbor-logistics.ron"))
            .unwrap()
            .scenario
    }

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 26).unwrap()
    }

    /// Stands in for the GPU: a fixed "PNG" per chart, counting what it was asked for.
    struct FakeRenderer(std::cell::RefCell<Vec<ChartKind>>);

    impl ChartRenderer for FakeRenderer {
        fn render_png(&self, request: &ChartRequest<'_>) -> Result<Vec<u8>, RenderError> {
            let Chart::Page(kind) = request.chart else {
                panic!("the scenario report draws page charts only");
            };
            assert_eq!(request.size_px[0], 1800, "twice the width in points, for print");
            self.0.borrow_mut().push(kind);
            Ok(kind.key().as_bytes().to_vec())
        }
    }

    fn input<'a>(
        scenario: &'a Scenario,
        lang: Language,
        sections: &'a [ReportSection],
        renderer: &'a dyn ChartRenderer,
    ) -> ScenarioReportInput<'a> {
        ScenarioReportInput {
            scenario,
            lang,
            today: today(),
            sections,
            renderer,
        }
    }

    #[test]
    fn every_section_is_in_the_report_with_its_images() {
        let scenario = sample();
        let renderer = FakeRenderer(std::cell::RefCell::new(Vec::new()));
        for lang in Language::ALL {
            let html = report_html(&input(&scenario, lang, &ReportSection::ALL, &renderer));
            assert!(
                html.contains("<h1>Harbor Link Logistics — FY2026 baseline</h1>"),
                "{lang:?}"
            );
            for section in ReportSection::ALL
                .into_iter()
                .filter(|s| *s != ReportSection::Title)
            {
                let heading = format!("<h2>{}</h2>", crate::report::page::esc(section.title(lang)));
                assert!(html.contains(&heading), "{lang:?}: {section:?}");
            }
            assert!(
                html.contains("Evergreen Medical Supplies Co., Ltd."),
                "a loss-maker by name"
            );
        }
        assert_eq!(
            renderer.0.borrow().as_slice(),
            [
                ChartKind::Whale,
                ChartKind::Matrix,
                ChartKind::Gantt,
                ChartKind::Kpi
            ]
            .repeat(3),
            "whale, matrix, Gantt and KPI images in each language"
        );
        let markdown = report_markdown(&input(
            &scenario,
            Language::English,
            &ReportSection::ALL,
            &renderer,
        ));
        assert!(
            markdown.contains("](data:image/png;base64,d2hhbGU=)"),
            "the whale image embedded"
        );
        assert!(markdown.contains("## Loss-makers"));
        // 6 customers lose money; C016 (a loss) is set to General by hand, so the tiers count 5: the
        // whale facts say why, as the chart does.
        assert!(markdown.contains("- Loss-makers: 6 (1 in another tier by hand)"));
    }

    #[test]
    fn left_out_sections_are_absent_from_every_format() {
        let scenario = sample();
        let sections = [ReportSection::Figures, ReportSection::Disputes];
        let data = report_data(&input(&scenario, Language::English, &sections, &NoRenderer));
        assert!(data.figures.is_some() && data.disputes.is_some());
        assert!(data.title.is_none() && data.charts.is_none() && data.plan.is_none());
        let json: serde_json::Value = serde_json::from_str(
            &report_json(&input(&scenario, Language::English, &sections, &NoRenderer)).unwrap(),
        )
        .unwrap();
        let mut keys: Vec<&str> = json.as_object().unwrap().keys().map(String::as_str).collect();
        keys.sort_unstable();
        assert_eq!(keys, ["currency", "disputes", "figures", "language", "prepared"]);
        let html = report_html(&input(&scenario, Language::English, &sections, &NoRenderer));
        assert!(
            html.contains("<h1>Scenario report</h1>"),
            "no title section: a plain heading"
        );
        assert!(!html.contains("Whale curve"));
        assert!(!html.contains("<img"));
    }

    #[test]
    fn the_json_carries_the_numbers_the_app_shows() {
        let scenario = sample();
        let text = report_json(&input(
            &scenario,
            Language::English,
            &ReportSection::ALL,
            &NoRenderer,
        ))
        .unwrap();
        let json: serde_json::Value = serde_json::from_str(&text).unwrap();
        let summary = crate::cli::check(std::path::Path::new(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/assets/samples/harbor-logistics.ron"
        )));
        assert_eq!(json["figures"]["customers"], summary.customers.unwrap());
        assert_eq!(json["figures"]["profit"], summary.profit_total.unwrap());
        assert_eq!(json["figures"]["tiers"][2]["customers"], 5, "loss-making tier");
        // Six customers lose money; one of them was put in another tier by hand.
        assert_eq!(json["loss_makers"]["count"], 6);
        assert_eq!(json["loss_makers"]["not_in_loss_tier"], 1);
        assert_eq!(json["charts"]["whale"]["loss_makers"], 6);
        assert_eq!(json["charts"]["whale"]["loss_makers_in_other_tiers"], 1);
        assert_eq!(json["customers"]["top"].as_array().unwrap().len(), 10);
        assert_eq!(json["customers"]["top"][0]["rank"], 1);
        assert_eq!(
            json["customers"]["bottom"][0]["rank"], 30,
            "the least profitable first"
        );
        assert_eq!(json["plan"]["steps"].as_array().unwrap().len(), 8);
        assert_eq!(json["plan"]["steps_done"], 3);
        assert_eq!(json["plan"]["kpis"][0]["meets_target"], false);
        assert_eq!(json["disputes"]["disputes"][2]["recommended"], "negotiation");
        assert!(
            json["cocreation"]["campaigns"]
                .as_array()
                .is_some_and(|c| !c.is_empty())
        );
    }

    #[test]
    fn without_a_renderer_each_image_is_a_note() {
        let scenario = sample();
        let sections = [ReportSection::Charts];
        for lang in Language::ALL {
            let html = report_html(&input(&scenario, lang, &sections, &NoRenderer));
            let note = crate::report::page::esc(&RenderError::Unavailable.note(lang));
            assert_eq!(html.matches(&note).count(), 2, "{lang:?}: whale and matrix");
        }
    }
}
