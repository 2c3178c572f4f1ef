//! The decision report for one dispute, as printable HTML or as Markdown, in one language.
//!
//! The report is built once as a [`Page`], then written out in either format, so both always
//! hold the same content. Its net-result chart is the wizard's own chart, drawn by the
//! [`ChartRenderer`] the caller passes in.

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

use super::page::{Block, Image, Page, Section};
use super::{Chart, ChartRenderer, ChartRequest, ChartTheme};

/// What a report is made from.
#[derive(Clone, Copy)]
pub struct ReportInput<'a> {
    pub scenario: &'a Scenario,
    pub segmentation: &'a Segmentation,
    pub dispute: &'a Dispute,
    pub lang: Language,
    pub today: NaiveDate,
    /// Draws the net-result chart (the wizard's chart) as an image.
    pub renderer: &'a dyn ChartRenderer,
}

/// The net-result chart's size in the report, in points; drawn at twice that in pixels so it
/// prints sharply.
const CHART_POINTS: [u32; 2] = [760, 210];

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

fn date_text(date: Option<NaiveDate>) -> String {
    date.map_or_else(|| "—".to_owned(), |d| d.to_string())
}

fn yes_no(lang: Language, value: bool) -> String {
    t(lang, if value { K::Yes } else { K::No }).to_owned()
}

fn build(input: &ReportInput<'_>) -> Page {
    let ReportInput {
        scenario,
        segmentation,
        dispute: d,
        lang,
        today,
        renderer,
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

    let parties = Section::new(
        t(lang, K::ReportParties).to_owned(),
        vec![Block::Fields(vec![
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
    );

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
        advice_blocks.push(Block::numbers_table(
            vec![
                t(lang, K::ColWhat).to_owned(),
                t(lang, K::ColDate).to_owned(),
                t(lang, K::ColDaysLeft).to_owned(),
            ],
            deadlines,
        ));
    }
    advice_blocks.push(Block::numbers_table(
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
    let request = ChartRequest {
        scenario,
        chart: Chart::DisputeNet(d),
        lang,
        theme: ChartTheme::Light,
        size_px: [CHART_POINTS[0] * 2, CHART_POINTS[1] * 2],
        pixels_per_point: 2.0,
        today,
    };
    advice_blocks.push(Block::Image(Image {
        png: renderer.render_png(&request).map_err(|e| e.note(lang)),
        alt: t(lang, K::ReportChart).to_owned(),
    }));
    let assumptions_blocks = vec![Block::numbers_table(
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

    Page {
        lang,
        title: format!("{} — {}", t(lang, K::ReportTitle), d.id),
        subtitle: vec![format!(
            "{} · {}",
            customer_name,
            trf(
                lang,
                K::ReportPrepared,
                &[("date", &today), ("app", &tr(lang, Key::AppName))]
            )
        )],
        sections: vec![
            parties,
            Section::new(t(lang, K::ReportDispute).to_owned(), dispute_blocks),
            Section::new(t(lang, K::ReportAdvice).to_owned(), advice_blocks),
            Section::new(t(lang, K::ReportAssumptions).to_owned(), assumptions_blocks),
            Section::new(t(lang, K::ReportDecision).to_owned(), decision_blocks),
            Section::new(t(lang, K::ReportPrevention).to_owned(), prevention_blocks),
            Section::new(
                t(lang, K::ReportReferences).to_owned(),
                vec![
                    Block::Paragraph(trf(lang, K::ReportLaw, &[("date", &advice.date)])),
                    Block::List(references),
                ],
            ),
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

/// The report as a self-contained, printable HTML page.
#[must_use]
pub fn dispute_html(input: &ReportInput<'_>) -> String {
    build(input).to_html()
}

/// The report as Markdown.
#[must_use]
pub fn dispute_markdown(input: &ReportInput<'_>) -> String {
    build(input).to_markdown()
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
    use crate::report::page::esc;
    use crate::report::{NoRenderer, RenderError, html_lang};

    /// Stands in for the GPU: a fixed "PNG", and the chart it was asked for.
    struct FakeRenderer;

    impl ChartRenderer for FakeRenderer {
        fn render_png(&self, request: &ChartRequest<'_>) -> Result<Vec<u8>, RenderError> {
            assert!(matches!(request.chart, Chart::DisputeNet(d) if d.id == "D002"));
            assert_eq!(request.size_px, [1520, 420]);
            Ok(b"PNG".to_vec())
        }
    }

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
            renderer: &NoRenderer,
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
                renderer: &NoRenderer,
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
            renderer: &NoRenderer,
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
        assert!(
            english.contains("> Chart image left out: this build of the app cannot draw charts."),
            "no renderer: a note in place of the chart"
        );
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
            renderer: &NoRenderer,
        };
        let html = dispute_html(&ReportInput {
            renderer: &FakeRenderer,
            ..input
        });
        assert!(html.contains(
            "<figure><img src=\"data:image/png;base64,UE5H\" alt=\"Expected net result per route (chart)\">"
        ));
        assert!(html.contains("<h2>Assumptions in force</h2>"));
        assert!(
            html.contains("<tr><td>Litigation: chance of losing the customer (%)</td><td class=\"num\">12.5</td><td class=\"num\">70</td><td class=\"num\">changed</td></tr>"),
            "the changed assumption is marked"
        );
        assert!(html.contains("<tr><td>Mediation: chance of losing the customer (%)</td><td class=\"num\">20</td><td class=\"num\">20</td><td class=\"num\"></td></tr>"), "{html}");
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
