//! The wizard's data in the scenario file: it survives a save and reload, and files written
//! before it existed still load.

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
            (scenario.settings.limitation_defence_pct - crate::model::DEFAULT_LIMITATION_DEFENCE_PCT).abs()
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
