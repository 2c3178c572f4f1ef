//! The decision report for one dispute, as printable HTML or as Markdown, in one language.
//!
//! The report is built once as plain sections, then written out in either format, so both
//! always hold the same content. Every text that comes from the user is escaped.

use chrono::NaiveDate;

use crate::i18n::disputes::{
    DisputeKey as K, days_from_today_text, days_left_text, deadline_name, evidence_name, kind_explanation,
    order_text, party_name, prevention_name, reason_text, reference, route, score_name, t, version_text,
};
use crate::i18n::{Key, dispute_kind_name, dispute_status_name, route_name, tier_name, tier_reason, tr, trf};
use crate::model::advice::{Advice, DeadlineKind, advise_dispute, dispute_relationship};
use crate::model::{
    Dispute, Language, Money, PreventionItem, Route, RouteInputs, Scenario, Segmentation, Settings,
    money_text,
};

/// What a report is made from.
#[derive(Clone, Copy)]
pub struct ReportInput<'a> {
    pub scenario: &'a Scenario,
    pub segmentation: &'a Segmentation,
    pub dispute: &'a Dispute,
    pub lang: Language,
    pub today: NaiveDate,
}

/// A piece of a report section.
enum Block {
    /// Label and value rows.
    Fields(Vec<(String, String)>),
    Paragraph(String),
    List(Vec<String>),
    /// A table with a header row.
    Table(Vec<String>, Vec<Vec<String>>),
    /// A chart: an SVG document, and a sentence describing it for Markdown readers.
    Chart(String),
}

struct Section {
    title: String,
    blocks: Vec<Block>,
}

struct Report {
    title: String,
    subtitle: String,
    sections: Vec<Section>,
}

/// Money as the app writes it (the same function as the wizard's tables).
fn money(symbol: &str, amount: Money) -> String {
    money_text(symbol, amount)
}

fn pct_text(value: f64) -> String {
    if value.is_finite() {
        let text = format!("{value:.1}");
        text.strip_suffix(".0").unwrap_or(&text).to_owned()
    } else {
        "—".to_owned()
    }
}

/// One row of the assumptions table: what, the value in force, the default it is compared
/// with, and whether it differs.
fn assumption_row(lang: Language, what: String, value: String, default: String) -> Vec<String> {
    let changed = if value == default {
        String::new()
    } else {
        t(lang, K::ReportChanged).to_owned()
    };
    vec![what, value, default, changed]
}

/// The assumptions the advice used. Per-dispute values are compared with the scenario's
/// settings; the scenario's settings with the app's defaults.
fn assumptions(lang: Language, scenario: &Scenario, d: &Dispute) -> Vec<Vec<String>> {
    let settings = &scenario.settings;
    let app = Settings::default();
    let symbol = settings.currency_symbol.as_str();
    let in_force = d.routes_or(&settings.route_defaults);
    let scenario_routes = RouteInputs::from_defaults(&settings.route_defaults);
    let mut rows = vec![assumption_row(
        lang,
        t(lang, K::ReportDiscount).to_owned(),
        pct_text(settings.discount_rate_pct),
        pct_text(app.discount_rate_pct),
    )];
    let defence_default = pct_text(settings.limitation_defence_pct);
    rows.push(assumption_row(
        lang,
        t(lang, K::ReportDefencePct).to_owned(),
        d.limitation_defence_pct
            .map_or_else(|| defence_default.clone(), pct_text),
        defence_default,
    ));
    rows.push(assumption_row(
        lang,
        t(lang, K::SettlementAmount).to_owned(),
        money(symbol, d.settlement),
        money(symbol, Money::ZERO),
    ));
    let clause = d.contract.arbitration_clause;
    // Only the routes open to this dispute: never litigation under an arbitration clause.
    for r in Route::ALL
        .into_iter()
        .filter(|&r| !(clause && r == Route::Litigation || !clause && r == Route::Arbitration))
    {
        let name = route(lang, r);
        let (now, base) = (in_force.get(r), scenario_routes.get(r));
        rows.push(assumption_row(
            lang,
            trf(lang, K::ReportLossPct, &[("route", &name)]),
            pct_text(now.relationship_loss_pct),
            pct_text(base.relationship_loss_pct),
        ));
        rows.push(assumption_row(
            lang,
            trf(lang, K::ReportRecoveryPct, &[("route", &name)]),
            pct_text(now.recovery_pct),
            pct_text(base.recovery_pct),
        ));
        rows.push(assumption_row(
            lang,
            trf(lang, K::RouteCost, &[("route", &name)]),
            money(symbol, now.cost),
            money(symbol, base.cost),
        ));
        rows.push(assumption_row(
            lang,
            trf(lang, K::RouteMonths, &[("route", &name)]),
            now.months.to_string(),
            base.months.to_string(),
        ));
    }
    rows
}

/// The expected net result per route, with the settle-now baseline, as a standalone SVG bar
/// chart: green above zero, red below, the recommended route outlined.
fn net_chart_svg(symbol: &str, rows: &[(String, Money, bool)]) -> String {
    use std::fmt::Write as _;
    const W: f64 = 640.0;
    const H: f64 = 260.0;
    const LEFT: f64 = 20.0;
    const TOP: f64 = 30.0;
    const BOTTOM: f64 = 40.0;
    let max = rows.iter().map(|r| r.1.as_major_f64()).fold(0.0_f64, f64::max);
    let min = rows.iter().map(|r| r.1.as_major_f64()).fold(0.0_f64, f64::min);
    let span = if max - min > 0.0 { max - min } else { 1.0 };
    let plot_h = H - TOP - BOTTOM;
    let y = |v: f64| TOP + (max - v) / span * plot_h;
    let slot = (W - 2.0 * LEFT) / rows.len().max(1) as f64;
    let mut out = String::new();
    let _ = write!(
        out,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{W}\" height=\"{H}\" viewBox=\"0 0 {W} {H}\" role=\"img\" font-family=\"sans-serif\" font-size=\"12\">"
    );
    let zero = y(0.0);
    let _ = write!(
        out,
        "<line x1=\"{LEFT}\" y1=\"{zero:.1}\" x2=\"{:.1}\" y2=\"{zero:.1}\" stroke=\"#555\"/>",
        W - LEFT
    );
    for (i, (name, net, recommended)) in rows.iter().enumerate() {
        let v = net.as_major_f64();
        let x = LEFT + slot * i as f64 + slot * 0.2;
        let w = slot * 0.6;
        let (top, height) = if v >= 0.0 {
            (y(v), zero - y(v))
        } else {
            (zero, y(v) - zero)
        };
        let fill = if v < 0.0 { "#c0392b" } else { "#2e8b57" };
        let stroke = if *recommended {
            " stroke=\"#1d1d1d\" stroke-width=\"2\""
        } else {
            ""
        };
        let _ = write!(
            out,
            "<rect x=\"{x:.1}\" y=\"{top:.1}\" width=\"{w:.1}\" height=\"{:.1}\" fill=\"{fill}\"{stroke}><title>{}: {}</title></rect>",
            height.max(1.0),
            esc(name),
            esc(&money(symbol, *net))
        );
        let cx = x + w / 2.0;
        let value_y = if v >= 0.0 { top - 4.0 } else { top + height + 14.0 };
        let _ = write!(
            out,
            "<text x=\"{cx:.1}\" y=\"{value_y:.1}\" text-anchor=\"middle\">{}</text><text x=\"{cx:.1}\" y=\"{:.1}\" text-anchor=\"middle\">{}</text>",
            esc(&money(symbol, *net)),
            H - 12.0,
            esc(name)
        );
    }
    out.push_str("</svg>");
    out
}

fn date_text(date: Option<NaiveDate>) -> String {
    date.map_or_else(|| "—".to_owned(), |d| d.to_string())
}

fn yes_no(lang: Language, value: bool) -> String {
    t(lang, if value { K::Yes } else { K::No }).to_owned()
}

fn build(input: &ReportInput<'_>) -> Report {
    let ReportInput {
        scenario,
        segmentation,
        dispute: d,
        lang,
        today,
    } = *input;
    let symbol = scenario.settings.currency_symbol.as_str();
    let advice: Advice = advise_dispute(scenario, segmentation, d, today);
    // The numbers the advice used: the dispute's own, or the customer's where it has none.
    let relationship = dispute_relationship(scenario, segmentation, d);
    let customer_index = scenario.customers.iter().position(|c| c.id == d.customer_id);
    let customer_name = customer_index
        .and_then(|i| scenario.customers.get(i))
        .map_or_else(|| d.customer_id.clone(), |c| format!("{} ({})", c.name, c.id));
    let tier_line = match customer_index.and_then(|i| segmentation.figures.get(i)) {
        Some(f) => format!("{} — {}", tier_name(lang, f.tier), tier_reason(lang, &f.reason)),
        None => tier_name(lang, advice.tier).to_owned(),
    };

    let parties = Section {
        title: t(lang, K::ReportParties).to_owned(),
        blocks: vec![Block::Fields(vec![
            (t(lang, K::Customer).to_owned(), customer_name.clone()),
            (t(lang, K::ReportTier).to_owned(), tier_line),
            (t(lang, K::ContractName).to_owned(), d.contract.name.clone()),
            (
                t(lang, K::ContractValue).to_owned(),
                money(symbol, d.contract.value),
            ),
            (t(lang, K::Signed).to_owned(), date_text(d.contract.signed)),
            (t(lang, K::Start).to_owned(), date_text(d.contract.start)),
            (t(lang, K::End).to_owned(), date_text(d.contract.end)),
            (
                t(lang, K::ArbitrationClause).to_owned(),
                yes_no(lang, d.contract.arbitration_clause),
            ),
            (
                t(lang, K::ReportFirmRole).to_owned(),
                party_name(lang, d.firm_role).to_owned(),
            ),
        ])],
    };

    let held: Vec<String> = d
        .kind
        .evidence(d.firm_role)
        .iter()
        .filter(|e| d.evidence.contains(e))
        .map(|&e| evidence_name(lang, e).to_owned())
        .collect();
    let mut dispute_blocks = vec![Block::Fields(vec![
        (
            tr(lang, Key::ColKind).to_owned(),
            format!(
                "{} — {}",
                dispute_kind_name(lang, d.kind),
                kind_explanation(lang, d.kind)
            ),
        ),
        (
            t(lang, K::AmountClaimed).to_owned(),
            money(symbol, d.amount_claimed),
        ),
        (
            t(lang, K::AmountDisputed).to_owned(),
            money(symbol, d.amount_disputed),
        ),
        (t(lang, K::DamageKnown).to_owned(), date_text(d.damage_known)),
        (
            t(lang, K::Status).to_owned(),
            dispute_status_name(lang, d.status).to_owned(),
        ),
    ])];
    if !d.facts.trim().is_empty() {
        dispute_blocks.push(Block::Paragraph(d.facts.clone()));
    }
    dispute_blocks.push(Block::Paragraph(trf(
        lang,
        K::EvidenceTitle,
        &[
            ("held", &held.len()),
            ("total", &d.kind.evidence(d.firm_role).len()),
        ],
    )));
    if !held.is_empty() {
        dispute_blocks.push(Block::List(held));
    }

    let deadlines: Vec<Vec<String>> = advice
        .deadlines
        .iter()
        .map(|dl| {
            let mut when = if matches!(dl.kind, DeadlineKind::Completion(_)) {
                days_from_today_text(lang, dl.days_left)
            } else if dl.expired() {
                format!("{} ({})", days_left_text(lang, dl.days_left), t(lang, K::Expired))
            } else {
                days_left_text(lang, dl.days_left)
            };
            if let Some(from) = dl.extended_from {
                when = format!("{when}; {}", trf(lang, K::ExtendedNote, &[("date", &from)]));
            }
            if dl.year_unknown {
                let year = chrono::Datelike::year(&dl.extended_from.unwrap_or(dl.date));
                when = format!(
                    "{when}; {}",
                    trf(lang, K::CalendarUnknownNote, &[("year", &year)])
                );
            }
            match dl.covers_defect {
                Some(true) => when = format!("{when}; {}", t(lang, K::CoversDefect)),
                Some(false) => when = format!("{when}; {}", t(lang, K::MissesDefect)),
                None => {}
            }
            vec![deadline_name(lang, dl.kind).to_owned(), dl.date.to_string(), when]
        })
        .collect();
    let mut numbers: Vec<Vec<String>> = vec![vec![
        t(lang, K::SettleNow).to_owned(),
        money(symbol, advice.settle_now),
        money(symbol, Money::ZERO),
        "0".to_owned(),
        money(symbol, Money::ZERO),
        money(symbol, advice.settle_now),
        "—".to_owned(),
    ]];
    numbers.extend(advice.results.iter().map(|r| {
        let sign = if r.vs_settle_now.is_negative() { "" } else { "+" };
        vec![
            route(lang, r.route).to_owned(),
            money(symbol, r.expected_recovery),
            money(symbol, r.cost),
            r.months.to_string(),
            money(symbol, r.relationship_loss),
            money(symbol, r.net),
            format!("{sign}{}", money(symbol, r.vs_settle_now)),
        ]
    }));
    let mut chart_rows = vec![(t(lang, K::SettleNow).to_owned(), advice.settle_now, false)];
    chart_rows.extend(advice.results.iter().map(|r| {
        (
            route(lang, r.route).to_owned(),
            r.net,
            r.route == advice.recommended,
        )
    }));
    let mut advice_blocks = vec![
        Block::Fields(vec![
            (
                t(lang, K::ReportRecommended).to_owned(),
                route(lang, advice.recommended).to_owned(),
            ),
            (
                t(lang, K::ReportOrder).to_owned(),
                order_text(lang, &advice.order),
            ),
            (
                t(lang, K::AnnualProfit).to_owned(),
                money(symbol, relationship.annual_profit),
            ),
            (
                t(lang, K::RemainingYears).to_owned(),
                relationship.remaining_years.to_string(),
            ),
            (
                t(lang, K::ReportValueAtRisk).to_owned(),
                money(symbol, advice.value_at_risk),
            ),
        ]),
        Block::List(advice.reasons.iter().map(|r| reason_text(lang, r)).collect()),
    ];
    if !deadlines.is_empty() {
        advice_blocks.push(Block::Table(
            vec![
                t(lang, K::ColWhat).to_owned(),
                t(lang, K::ColDate).to_owned(),
                t(lang, K::ColDaysLeft).to_owned(),
            ],
            deadlines,
        ));
    }
    advice_blocks.push(Block::Table(
        vec![
            t(lang, K::ReportRoute).to_owned(),
            t(lang, K::ColRecovery).to_owned(),
            t(lang, K::ColCost).to_owned(),
            t(lang, K::ColMonths).to_owned(),
            t(lang, K::ColRelationshipLoss).to_owned(),
            t(lang, K::ColNet).to_owned(),
            t(lang, K::ColVsSettle).to_owned(),
        ],
        numbers,
    ));
    advice_blocks.push(Block::Paragraph(t(lang, K::ReportChart).to_owned()));
    advice_blocks.push(Block::Chart(net_chart_svg(symbol, &chart_rows)));
    let assumptions_blocks = vec![Block::Table(
        vec![
            t(lang, K::ReportAssumption).to_owned(),
            t(lang, K::ReportValue).to_owned(),
            t(lang, K::ReportDefault).to_owned(),
            String::new(),
        ],
        assumptions(lang, scenario, d),
    )];

    let decision_blocks = match &d.decision {
        Some(decision) => vec![Block::Fields(vec![
            (
                t(lang, K::ReportRoute).to_owned(),
                route(lang, decision.chosen).to_owned(),
            ),
            (
                t(lang, K::ReportAdviceAtDecision).to_owned(),
                format!(
                    "{} ({})",
                    route(lang, decision.recommended),
                    order_text(lang, &decision.order)
                ),
            ),
            (
                t(lang, K::ReportTier).to_owned(),
                tier_name(lang, decision.tier).to_owned(),
            ),
            (t(lang, K::ReportReason).to_owned(), d.reason.clone()),
            (t(lang, K::ReportDate).to_owned(), decision.date.to_string()),
        ])],
        None => vec![
            Block::Paragraph(t(lang, K::ReportNoDecision).to_owned()),
            Block::Fields(vec![
                (
                    t(lang, K::ReportRoute).to_owned(),
                    route_name(lang, d.route).to_owned(),
                ),
                (t(lang, K::ReportReason).to_owned(), d.reason.clone()),
            ]),
        ],
    };

    let gaps: Vec<String> = d
        .prevention
        .gaps(d.kind)
        .into_iter()
        .map(|(item, revealed)| gap_text(lang, item, revealed, d.prevention.get(item)))
        .collect();
    let prevention_blocks = vec![
        Block::Paragraph(trf(lang, K::PreventionScore, &[("pct", &d.prevention.percent())])),
        if gaps.is_empty() {
            Block::Paragraph(t(lang, K::NoGaps).to_owned())
        } else {
            Block::List(gaps)
        },
    ];

    let references = advice
        .references
        .iter()
        .map(|&r| {
            let (title, text) = reference(lang, r);
            format!("{title} [{}]: {text}", version_text(lang, r))
        })
        .collect();

    Report {
        title: format!("{} — {}", t(lang, K::ReportTitle), d.id),
        subtitle: format!(
            "{} · {}",
            customer_name,
            trf(
                lang,
                K::ReportPrepared,
                &[("date", &today), ("app", &tr(lang, Key::AppName))]
            )
        ),
        sections: vec![
            parties,
            Section {
                title: t(lang, K::ReportDispute).to_owned(),
                blocks: dispute_blocks,
            },
            Section {
                title: t(lang, K::ReportAdvice).to_owned(),
                blocks: advice_blocks,
            },
            Section {
                title: t(lang, K::ReportAssumptions).to_owned(),
                blocks: assumptions_blocks,
            },
            Section {
                title: t(lang, K::ReportDecision).to_owned(),
                blocks: decision_blocks,
            },
            Section {
                title: t(lang, K::ReportPrevention).to_owned(),
                blocks: prevention_blocks,
            },
            Section {
                title: t(lang, K::ReportReferences).to_owned(),
                blocks: vec![
                    Block::Paragraph(trf(lang, K::ReportLaw, &[("date", &advice.date)])),
                    Block::List(references),
                ],
            },
        ],
    }
}

fn gap_text(lang: Language, item: PreventionItem, revealed: bool, score: u8) -> String {
    let name = format!("{} — {}", prevention_name(lang, item), score_name(lang, score));
    if revealed {
        trf(lang, K::GapRevealed, &[("item", &name)])
    } else {
        name
    }
}

fn html_lang(lang: Language) -> &'static str {
    match lang {
        Language::English => "en",
        Language::TraditionalChinese => "zh-Hant",
        Language::SimplifiedChinese => "zh-Hans",
    }
}

/// Escapes text for HTML element content and attribute values.
fn esc(text: &str) -> String {
    html_escape::encode_quoted_attribute(text).into_owned()
}

/// The report as a self-contained, printable HTML page.
#[must_use]
pub fn dispute_html(input: &ReportInput<'_>) -> String {
    use std::fmt::Write as _;
    let report = build(input);
    let mut out = String::new();
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n<title>{}</title>\n<style>\n{}\n</style>\n</head>\n<body>\n<h1>{}</h1>\n<p class=\"sub\">{}</p>\n",
        html_lang(input.lang),
        esc(&report.title),
        STYLE,
        esc(&report.title),
        esc(&report.subtitle),
    );
    for section in &report.sections {
        let _ = writeln!(out, "<h2>{}</h2>", esc(&section.title));
        for block in &section.blocks {
            match block {
                Block::Fields(rows) => {
                    out.push_str("<table class=\"fields\">\n");
                    for (label, value) in rows {
                        let _ = writeln!(out, "<tr><th>{}</th><td>{}</td></tr>", esc(label), esc(value));
                    }
                    out.push_str("</table>\n");
                }
                Block::Paragraph(text) => {
                    let _ = writeln!(out, "<p>{}</p>", esc(text).replace('\n', "<br>"));
                }
                Block::List(items) => {
                    out.push_str("<ul>\n");
                    for item in items {
                        let _ = writeln!(out, "<li>{}</li>", esc(item));
                    }
                    out.push_str("</ul>\n");
                }
                Block::Table(header, rows) => {
                    out.push_str("<table class=\"grid\">\n<tr>");
                    for h in header {
                        let _ = write!(out, "<th>{}</th>", esc(h));
                    }
                    out.push_str("</tr>\n");
                    for row in rows {
                        out.push_str("<tr>");
                        for cell in row {
                            let _ = write!(out, "<td>{}</td>", esc(cell));
                        }
                        out.push_str("</tr>\n");
                    }
                    out.push_str("</table>\n");
                }
                Block::Chart(svg) => {
                    // Built here from numbers and escaped labels, so it is inserted as is.
                    let _ = writeln!(out, "<figure>{svg}</figure>");
                }
            }
        }
    }
    out.push_str("</body>\n</html>\n");
    out
}

const STYLE: &str = "body { font-family: system-ui, 'Noto Sans CJK SC', 'Noto Sans CJK TC', sans-serif; max-width: 52rem; margin: 2rem auto; padding: 0 1rem; color: #1d1d1d; line-height: 1.5; }
h1 { font-size: 1.6rem; margin-bottom: 0.2rem; }
h2 { font-size: 1.2rem; border-bottom: 1px solid #bbb; margin-top: 1.8rem; }
.sub { color: #555; margin-top: 0; }
table { border-collapse: collapse; margin: 0.6rem 0; }
table.fields th { text-align: left; font-weight: 600; padding: 0.2rem 1rem 0.2rem 0; vertical-align: top; white-space: nowrap; }
table.grid th, table.grid td { border: 1px solid #bbb; padding: 0.25rem 0.6rem; }
table.grid td:not(:first-child) { text-align: right; }
@media print { body { margin: 0; max-width: none; } h2 { break-after: avoid; } table { break-inside: avoid; } }";

/// Escapes text for Markdown: HTML-significant characters become entities (a Markdown viewer
/// passes raw HTML through), and characters that would start Markdown syntax are backslashed.
fn md(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '\\' | '`' | '*' | '_' | '[' | ']' | '|' | '#' => {
                out.push('\\');
                out.push(c);
            }
            '\n' => out.push(' '),
            _ => out.push(c),
        }
    }
    out
}

/// Percent-encodes text for a `data:` URI (RFC 3986 unreserved characters stay).
fn uri(text: &str) -> String {
    use std::fmt::Write as _;
    let mut out = String::with_capacity(text.len() * 2);
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(char::from(b));
        } else {
            let _ = write!(out, "%{b:02X}");
        }
    }
    out
}

/// The report as Markdown.
#[must_use]
pub fn dispute_markdown(input: &ReportInput<'_>) -> String {
    use std::fmt::Write as _;
    let report = build(input);
    let mut out = String::new();
    let _ = write!(out, "# {}\n\n{}\n", md(&report.title), md(&report.subtitle));
    for section in &report.sections {
        let _ = write!(out, "\n## {}\n\n", md(&section.title));
        for block in &section.blocks {
            match block {
                Block::Fields(rows) => {
                    for (label, value) in rows {
                        let _ = writeln!(out, "- **{}:** {}", md(label), md(value));
                    }
                    out.push('\n');
                }
                Block::Paragraph(text) => {
                    let _ = write!(out, "{}\n\n", md(text));
                }
                Block::List(items) => {
                    for item in items {
                        let _ = writeln!(out, "- {}", md(item));
                    }
                    out.push('\n');
                }
                Block::Table(header, rows) => {
                    let cells = |row: &[String]| row.iter().map(|c| md(c)).collect::<Vec<_>>().join(" | ");
                    let _ = writeln!(out, "| {} |", cells(header));
                    let _ = writeln!(out, "|{}", "---|".repeat(header.len()));
                    for row in rows {
                        let _ = writeln!(out, "| {} |", cells(row));
                    }
                    out.push('\n');
                }
                Block::Chart(svg) => {
                    // An image with the SVG as a data URI: viewers that show images show it.
                    let _ = write!(
                        out,
                        "![{}](data:image/svg+xml;utf8,{})\n\n",
                        md(&report.title),
                        uri(svg)
                    );
                }
            }
        }
    }
    out
}

/// A file name for the report: "dispute-D001.html".
#[must_use]
pub fn report_file_name(dispute: &Dispute, extension: &str) -> String {
    let id: String = dispute
        .id
        .chars()
        .filter(|c| c.is_alphanumeric() || matches!(c, '-' | '_'))
        .collect();
    let id = if id.is_empty() { "dispute".to_owned() } else { id };
    format!("dispute-{id}.{extension}")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Scenario {
        let text = include_str!("../../assets/samples/harbor-logistics.ron");
        crate::store::parse(text, std::path::Path::new("harbor-logistics.ron"))
            .unwrap()
            .scenario
    }

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 26).unwrap()
    }

    #[test]
    fn user_text_is_escaped_in_both_formats() {
        let mut scenario = sample();
        let seg = Segmentation::compute(&scenario.customers, &scenario.settings);
        let dispute = &mut scenario.disputes[0];
        dispute.facts = "The site manager wrote <script>alert('x')</script> & left.".into();
        dispute.contract.name = "Fit-out \"phase 2\" <b>".into();
        dispute.reason = "| pipes * stars".into();
        let dispute = scenario.disputes[0].clone();
        let input = ReportInput {
            scenario: &scenario,
            segmentation: &seg,
            dispute: &dispute,
            lang: Language::English,
            today: today(),
        };
        let html = dispute_html(&input);
        assert!(!html.contains("<script>"), "a script tag must not survive");
        assert!(html.contains("&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; &amp; left."));
        assert!(html.contains("Fit-out &quot;phase 2&quot; &lt;b&gt;"));
        let markdown = dispute_markdown(&input);
        assert!(!markdown.contains("<script>"));
        assert!(markdown.contains("&lt;script&gt;"));
        assert!(markdown.contains("\\| pipes \\* stars"));
    }

    #[test]
    fn the_report_holds_inputs_advice_decision_and_references() {
        let scenario = sample();
        let seg = Segmentation::compute(&scenario.customers, &scenario.settings);
        for lang in Language::ALL {
            let input = ReportInput {
                scenario: &scenario,
                segmentation: &seg,
                dispute: &scenario.disputes[2],
                lang,
                today: today(),
            };
            let html = dispute_html(&input);
            assert!(html.starts_with("<!DOCTYPE html>"));
            assert!(html.contains("Cold room construction, Beijing distribution centre"));
            assert!(html.contains("2026-06-30"), "the limitation end");
            let expected_lang = format!("<html lang=\"{}\">", html_lang(lang));
            assert!(html.contains(&expected_lang));
            let (title, _) = reference(lang, crate::model::advice::LegalRef::Spc14);
            assert!(html.contains(&esc(title)), "{lang:?} cites art. 14");
            assert!(html.contains(&esc(t(lang, K::ReportReferences))));
        }
        let english = dispute_markdown(&ReportInput {
            scenario: &scenario,
            segmentation: &seg,
            dispute: &scenario.disputes[2],
            lang: Language::English,
            today: today(),
        });
        assert!(english.contains("# Dispute decision report — D003"));
        assert!(
            english.contains("Warning: the limitation period ended on 2026-06-30"),
            "{english}"
        );
        assert!(
            english.contains("Recommended route:** Negotiation"),
            "an expired claim: negotiate"
        );
        assert!(english.contains("Limitation period ends | 2026-06-30 | 149 days overdue (expired)"));
        assert!(english.contains("- **Route:** Not decided"));
        // Money as the app writes it, the baseline row, the chart and the law's version.
        assert!(english.contains("| Settle now / concede | ¥0 |"), "{english}");
        assert!(english.contains("(data:image/svg+xml;utf8,%3Csvg"));
        assert!(english.contains("Law as in force on 2026-11-26"));
        assert!(english.contains("revised 2025-09-12, in force 2026-03-01"));
        assert!(!english.contains(".00"), "no cents on whole amounts");
    }

    #[test]
    fn the_report_shows_the_chart_and_marks_changed_assumptions() {
        let mut scenario = sample();
        let seg = Segmentation::compute(&scenario.customers, &scenario.settings);
        let mut routes = scenario.disputes[1].routes_or(&scenario.settings.route_defaults);
        routes.litigation.relationship_loss_pct = 12.5;
        scenario.disputes[1].routes = Some(routes);
        let input = ReportInput {
            scenario: &scenario,
            segmentation: &seg,
            dispute: &scenario.disputes[1],
            lang: Language::English,
            today: today(),
        };
        let html = dispute_html(&input);
        assert!(html.contains("<figure><svg xmlns=\"http://www.w3.org/2000/svg\""));
        assert_eq!(html.matches("<rect ").count(), 4, "settle now and three routes");
        assert!(html.contains("<h2>Assumptions in force</h2>"));
        assert!(
            html.contains("<tr><td>Litigation: chance of losing the customer (%)</td><td>12.5</td><td>70</td><td>changed</td></tr>"),
            "the changed assumption is marked"
        );
        assert!(html.contains("<tr><td>Mediation: chance of losing the customer (%)</td><td>20</td><td>20</td><td></td></tr>"), "{html}");
        // A loss shows as the app shows it: minus before the symbol.
        let markdown = dispute_markdown(&input);
        assert!(!markdown.contains("¥-"), "{markdown}");
    }

    #[test]
    fn file_names_are_safe() {
        let d = Dispute {
            id: "D/../7".into(),
            ..Dispute::default()
        };
        assert_eq!(report_file_name(&d, "html"), "dispute-D7.html");
    }
}

/// The wizard's data in the scenario file: it survives a save and reload, and files written
/// before it existed still load.
#[cfg(test)]
mod file_tests {
    use std::path::Path;

    use chrono::NaiveDate;

    use crate::model::{
        Decision, Dispute, DisputeDraft, DisputeKind, Evidence, Money, Route, Scenario, Tier, WizardStep,
    };
    use crate::store::{parse, to_ron};

    #[test]
    fn a_draft_and_a_decision_round_trip() {
        let day = NaiveDate::from_ymd_opt(2026, 11, 26).unwrap();
        let mut scenario = Scenario::new(day);
        let mut dispute = Dispute {
            id: "D1".into(),
            kind: DisputeKind::CompletionDate,
            evidence: vec![Evidence::AcceptanceReport],
            decision: Some(Decision {
                date: day,
                tier: Tier::Key,
                recommended: Route::Negotiation,
                order: vec![Route::Negotiation, Route::Mediation, Route::Arbitration],
                chosen: Route::Mediation,
            }),
            ..Dispute::default()
        };
        dispute.answers.report_submitted = true;
        dispute.answers.report_date = Some(day);
        dispute.relationship.annual_profit = Money::from_major(12_345);
        let mut routes = crate::model::RouteInputs::default();
        routes.mediation.recovery_pct = 42.0;
        dispute.routes = Some(routes);
        dispute.firm_role = crate::model::Party::Employer;
        dispute.settlement = Money::from_major(5);
        dispute.damage_occurred = Some(day);
        dispute.prevention.supervision = 2;
        scenario.disputes.push(dispute.clone());
        scenario.dispute_draft = Some(DisputeDraft {
            step: WizardStep::Advice,
            editing: Some("D1".into()),
            dispute,
            chosen: Some(Route::Negotiation),
            reason: "because".into(),
            kind_chosen: true,
        });
        scenario.settings.limitation_defence_pct = 60.0;
        scenario
            .settings
            .holiday_years
            .push(crate::model::holidays::HolidayYear {
                year: 2031,
                source: "mine".into(),
                holidays: vec![(day, day)],
                workdays: Vec::new(),
            });
        let text = to_ron(&scenario).unwrap();
        let back = parse(&text, Path::new("t.ron")).unwrap().scenario;
        assert_eq!(back, scenario);
    }

    #[test]
    fn a_file_without_the_wizard_fields_loads_with_defaults() {
        let text = r#"(
            format_version: 2,
            disputes: [(id: "D1", customer_id: "C1", kind: PricingMethod, route: Arbitration)],
        )"#;
        let scenario = parse(text, Path::new("old.ron")).unwrap().scenario;
        assert!(scenario.dispute_draft.is_none());
        let d = &scenario.disputes[0];
        assert_eq!(d.route, Some(Route::Arbitration));
        assert!(d.decision.is_none() && d.evidence.is_empty());
        assert_eq!(d.routes, None, "the scenario's route defaults apply");
        assert_eq!(d.firm_role, crate::model::Party::Contractor);
        assert_eq!(d.settlement, Money::ZERO);
        assert!(
            (scenario.settings.limitation_defence_pct - crate::model::DEFAULT_LIMITATION_DEFENCE_PCT).abs()
                < 1e-9
        );
        assert!(scenario.settings.holiday_years.is_empty());
    }

    #[test]
    fn old_files_load_with_the_new_defaults_and_keep_them_out_when_saved() {
        for path in [
            "tests/fixtures/v1/classroom-v1.ron",
            "assets/samples/harbor-logistics.ron",
        ] {
            let full = Path::new(env!("CARGO_MANIFEST_DIR")).join(path);
            let scenario = crate::store::load(&full).unwrap().scenario;
            assert!(
                (scenario.settings.limitation_defence_pct - crate::model::DEFAULT_LIMITATION_DEFENCE_PCT)
                    .abs()
                    < 1e-9,
                "{path}"
            );
            assert!(scenario.settings.holiday_years.is_empty(), "{path}");
            for d in &scenario.disputes {
                assert_eq!(d.routes, None, "{path} {}", d.id);
                assert_eq!(d.firm_role, crate::model::Party::Contractor, "{path} {}", d.id);
                assert_eq!(d.limitation_defence_pct, None, "{path} {}", d.id);
            }
            let text = to_ron(&scenario).unwrap();
            for field in [
                "firm_role",
                "limitation_defence_pct",
                "holiday_years",
                "settlement:",
                "routes:",
                "disputed_covered",
                "kind_chosen",
            ] {
                assert!(!text.contains(field), "{path}: {field} written although default");
            }
        }
    }
}
