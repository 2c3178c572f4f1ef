//! The decision report for one dispute, as printable HTML or as Markdown, in one language.
//!
//! The report is built once as plain sections, then written out in either format, so both
//! always hold the same content. Every text that comes from the user is escaped.

use chrono::NaiveDate;

use crate::i18n::disputes::{
    DisputeKey as K, days_from_today_text, days_left_text, deadline_name, evidence_name, kind_explanation,
    order_text, prevention_name, reason_text, reference, route, score_name, t,
};
use crate::i18n::{Key, dispute_kind_name, dispute_status_name, route_name, tier_name, tier_reason, tr, trf};
use crate::model::advice::{Advice, DeadlineKind, advise_dispute, customer_relationship};
use crate::model::{Dispute, Language, Money, PreventionItem, Relationship, Scenario, Segmentation};

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

fn money(symbol: &str, amount: Money) -> String {
    format!("{symbol}{amount}")
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
    let relationship = if d.relationship == Relationship::default() {
        customer_relationship(scenario, segmentation, &d.customer_id).unwrap_or_default()
    } else {
        d.relationship.clone()
    };
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
        ])],
    };

    let held: Vec<String> = d
        .kind
        .evidence()
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
        &[("held", &held.len()), ("total", &d.kind.evidence().len())],
    )));
    if !held.is_empty() {
        dispute_blocks.push(Block::List(held));
    }

    let deadlines: Vec<Vec<String>> = advice
        .deadlines
        .iter()
        .map(|dl| {
            let when = if matches!(dl.kind, DeadlineKind::Completion(_)) {
                days_from_today_text(lang, dl.days_left)
            } else if dl.expired() {
                format!("{} ({})", days_left_text(lang, dl.days_left), t(lang, K::Expired))
            } else {
                days_left_text(lang, dl.days_left)
            };
            vec![deadline_name(lang, dl.kind).to_owned(), dl.date.to_string(), when]
        })
        .collect();
    let numbers: Vec<Vec<String>> = advice
        .results
        .iter()
        .map(|r| {
            vec![
                route(lang, r.route).to_owned(),
                money(symbol, r.expected_recovery),
                money(symbol, r.cost),
                r.months.to_string(),
                money(symbol, r.relationship_loss),
                money(symbol, r.net),
            ]
        })
        .collect();
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
        ],
        numbers,
    ));

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
            format!("{title}: {text}")
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
                title: t(lang, K::ReportDecision).to_owned(),
                blocks: decision_blocks,
            },
            Section {
                title: t(lang, K::ReportPrevention).to_owned(),
                blocks: prevention_blocks,
            },
            Section {
                title: t(lang, K::ReportReferences).to_owned(),
                blocks: vec![Block::List(references)],
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
        assert!(english.contains("The three-year limitation period ended on 2026-06-30"));
        assert!(english.contains("Limitation period ends | 2026-06-30 | 149 days overdue (expired)"));
        assert!(english.contains("- **Route:** Not decided"));
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
        dispute.routes.mediation.recovery_pct = 42.0;
        dispute.prevention.supervision = 2;
        scenario.disputes.push(dispute.clone());
        scenario.dispute_draft = Some(DisputeDraft {
            step: WizardStep::Advice,
            editing: Some("D1".into()),
            dispute,
            chosen: Some(Route::Negotiation),
            reason: "because".into(),
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
        assert_eq!(d.routes, crate::model::RouteInputs::default());
    }
}
