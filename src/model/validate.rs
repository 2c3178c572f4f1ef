//! Checks a loaded scenario for values that parse but make no sense.
//!
//! These are warnings, not errors: the file opens, and the status bar counts them, so the user
//! can see and fix each one. Field names are the names used in the RON file.

use rustc_hash::FxHashSet as HashSet;

use chrono::NaiveDate;

use super::{MONEY_PLAUSIBLE_LIMIT, Money, PreventionScores, Route, Scenario, StepKind};

/// Where a warning points.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Place {
    Settings,
    /// 1-based position in the customer list, and the id.
    Customer {
        row: usize,
        id: String,
    },
    Step(StepKind),
    Plan {
        list: &'static str,
        row: usize,
    },
    Dispute {
        row: usize,
        id: String,
    },
}

/// What is wrong.
#[derive(Clone, Debug, PartialEq)]
pub enum Problem {
    NegativeAmount {
        field: &'static str,
    },
    ImplausibleAmount {
        field: &'static str,
    },
    NotFinite {
        field: &'static str,
    },
    OutOfRange {
        field: &'static str,
        value: f64,
        min: f64,
        max: f64,
    },
    EndBeforeStart {
        start: &'static str,
        end: &'static str,
    },
    UnknownCustomer {
        id: String,
    },
    DuplicateId {
        id: String,
    },
    EmptyId,
    OverrideWithoutReason,
    ThresholdOrder,
    UnknownReference {
        field: &'static str,
        id: String,
    },
    /// The chosen route is litigation, but the contract has an arbitration clause.
    LitigationUnderArbitrationClause,
}

/// One validation warning.
#[derive(Clone, Debug, PartialEq)]
pub struct Warning {
    pub place: Place,
    pub problem: Problem,
}

/// All warnings for a scenario, in file order.
#[must_use]
pub fn validate(scenario: &Scenario) -> Vec<Warning> {
    let mut out = Vec::new();
    settings(scenario, &mut out);
    customers(scenario, &mut out);
    plan(scenario, &mut out);
    disputes(scenario, &mut out);
    out
}

/// Where a check is looking, borrowed, so that 100,000 clean rows cost no allocation; it
/// becomes an owned [`Place`] only when a warning is pushed.
#[derive(Clone, Copy)]
enum PlaceRef<'a> {
    Settings,
    Customer { row: usize, id: &'a str },
    Step(StepKind),
    Plan { list: &'static str, row: usize },
    Dispute { row: usize, id: &'a str },
}

impl PlaceRef<'_> {
    fn to_place(self) -> Place {
        match self {
            Self::Settings => Place::Settings,
            Self::Customer { row, id } => Place::Customer {
                row,
                id: id.to_owned(),
            },
            Self::Step(step) => Place::Step(step),
            Self::Plan { list, row } => Place::Plan { list, row },
            Self::Dispute { row, id } => Place::Dispute {
                row,
                id: id.to_owned(),
            },
        }
    }
}

struct Sink<'a, 'p> {
    out: &'a mut Vec<Warning>,
    place: PlaceRef<'p>,
}

impl<'p> Sink<'_, 'p> {
    fn push(&mut self, problem: Problem) {
        self.out.push(Warning {
            place: self.place.to_place(),
            problem,
        });
    }

    fn money(&mut self, field: &'static str, value: Money, may_be_negative: bool) {
        if !may_be_negative && value.is_negative() {
            self.push(Problem::NegativeAmount { field });
        }
        if value.0.unsigned_abs() > MONEY_PLAUSIBLE_LIMIT.0.unsigned_abs() {
            self.push(Problem::ImplausibleAmount { field });
        }
    }

    fn number(&mut self, field: &'static str, value: f64, min: f64, max: f64) {
        if !value.is_finite() {
            self.push(Problem::NotFinite { field });
        } else if value < min || value > max {
            self.push(Problem::OutOfRange {
                field,
                value,
                min,
                max,
            });
        }
    }

    fn finite(&mut self, field: &'static str, value: f64) {
        self.number(field, value, f64::MIN, f64::MAX);
    }

    fn dates(
        &mut self,
        start_field: &'static str,
        start: Option<NaiveDate>,
        end_field: &'static str,
        end: Option<NaiveDate>,
    ) {
        if let (Some(s), Some(e)) = (start, end)
            && e < s
        {
            self.push(Problem::EndBeforeStart {
                start: start_field,
                end: end_field,
            });
        }
    }

    fn id(&mut self, id: &'p str, seen: &mut HashSet<&'p str>) {
        if id.trim().is_empty() {
            self.push(Problem::EmptyId);
        } else if !seen.insert(id) {
            self.push(Problem::DuplicateId { id: id.to_owned() });
        }
    }
}

fn settings(scenario: &Scenario, out: &mut Vec<Warning>) {
    let s = &scenario.settings;
    let mut sink = Sink {
        out,
        place: PlaceRef::Settings,
    };
    sink.number("a_threshold_pct", s.a_threshold_pct, 0.0, 100.0);
    sink.number("b_threshold_pct", s.b_threshold_pct, 0.0, 100.0);
    if s.a_threshold_pct.is_finite() && s.b_threshold_pct.is_finite() && s.a_threshold_pct > s.b_threshold_pct
    {
        sink.push(Problem::ThresholdOrder);
    }
    sink.number("growth_threshold", f64::from(s.growth_threshold), 1.0, 5.0);
    sink.number("discount_rate_pct", s.discount_rate_pct, 0.0, 100.0);
    for r in [
        &s.route_defaults.negotiation,
        &s.route_defaults.mediation,
        &s.route_defaults.arbitration,
        &s.route_defaults.litigation,
    ] {
        sink.number("relationship_loss_pct", r.relationship_loss_pct, 0.0, 100.0);
        sink.money("cost", r.cost, false);
    }
}

fn customers(scenario: &Scenario, out: &mut Vec<Warning>) {
    let mut seen = HashSet::with_capacity_and_hasher(scenario.customers.len(), rustc_hash::FxBuildHasher);
    for (i, c) in scenario.customers.iter().enumerate() {
        let mut sink = Sink {
            out: &mut *out,
            place: PlaceRef::Customer {
                row: i + 1,
                id: &c.id,
            },
        };
        sink.id(&c.id, &mut seen);
        sink.money("revenue", c.revenue, false);
        sink.money("cost_of_goods", c.cost_of_goods, false);
        sink.money("cost_to_serve", c.cost_to_serve, false);
        sink.number("growth_potential", f64::from(c.growth_potential), 1.0, 5.0);
        for (field, score) in c.value.named() {
            sink.number(field, f64::from(score), 0.0, 10.0);
        }
        if let Some(o) = &c.tier_override
            && o.reason.trim().is_empty()
        {
            sink.push(Problem::OverrideWithoutReason);
        }
        for e in &c.experiences {
            sink.number("satisfaction", f64::from(e.satisfaction), 1.0, 5.0);
        }
    }
}

fn plan(scenario: &Scenario, out: &mut Vec<Warning>) {
    let plan = &scenario.plan;
    for step in &plan.steps {
        let mut sink = Sink {
            out: &mut *out,
            place: PlaceRef::Step(step.step),
        };
        sink.number("progress_pct", f64::from(step.progress_pct), 0.0, 100.0);
        sink.dates(
            "planned_start",
            step.planned_start,
            "planned_end",
            step.planned_end,
        );
        sink.dates("actual_start", step.actual_start, "actual_end", step.actual_end);
    }
    let mut goal_ids = HashSet::default();
    for (i, g) in plan.goals.iter().enumerate() {
        let mut sink = Sink {
            out: &mut *out,
            place: PlaceRef::Plan {
                list: "goals",
                row: i + 1,
            },
        };
        sink.id(&g.id, &mut goal_ids);
        sink.finite("baseline", g.baseline);
        sink.finite("target", g.target);
    }
    let mut wp_ids = HashSet::default();
    for (i, w) in plan.work_packages.iter().enumerate() {
        let mut sink = Sink {
            out: &mut *out,
            place: PlaceRef::Plan {
                list: "work_packages",
                row: i + 1,
            },
        };
        sink.id(&w.id, &mut wp_ids);
        sink.number("progress_pct", f64::from(w.progress_pct), 0.0, 100.0);
        sink.dates("planned_start", w.planned_start, "planned_end", w.planned_end);
        sink.dates("actual_start", w.actual_start, "actual_end", w.actual_end);
    }
    for (i, w) in plan.work_packages.iter().enumerate() {
        let mut sink = Sink {
            out: &mut *out,
            place: PlaceRef::Plan {
                list: "work_packages",
                row: i + 1,
            },
        };
        for dep in &w.depends_on {
            if !wp_ids.contains(dep.as_str()) {
                sink.push(Problem::UnknownReference {
                    field: "depends_on",
                    id: dep.clone(),
                });
            }
        }
    }
    let mut kpi_ids = HashSet::default();
    for (i, k) in plan.kpis.iter().enumerate() {
        let mut sink = Sink {
            out: &mut *out,
            place: PlaceRef::Plan {
                list: "kpis",
                row: i + 1,
            },
        };
        sink.id(&k.id, &mut kpi_ids);
        sink.finite("baseline", k.baseline);
        sink.finite("target", k.target);
    }
    for (i, m) in plan.measurements.iter().enumerate() {
        let mut sink = Sink {
            out: &mut *out,
            place: PlaceRef::Plan {
                list: "measurements",
                row: i + 1,
            },
        };
        sink.finite("value", m.value);
        if let Some(c) = m.competitor {
            sink.finite("competitor", c);
        }
        if !kpi_ids.contains(m.kpi_id.as_str()) {
            sink.push(Problem::UnknownReference {
                field: "kpi_id",
                id: m.kpi_id.clone(),
            });
        }
    }
    for (i, s) in plan.strategies.iter().enumerate() {
        let mut sink = Sink {
            out: &mut *out,
            place: PlaceRef::Plan {
                list: "strategies",
                row: i + 1,
            },
        };
        sink.money("expected_benefit", s.expected_benefit, true);
        sink.money("cost", s.cost, false);
    }
}

fn disputes(scenario: &Scenario, out: &mut Vec<Warning>) {
    let customer_ids: HashSet<&str> = scenario.customers.iter().map(|c| c.id.as_str()).collect();
    let mut seen = HashSet::default();
    for (i, d) in scenario.disputes.iter().enumerate() {
        let mut sink = Sink {
            out: &mut *out,
            place: PlaceRef::Dispute {
                row: i + 1,
                id: &d.id,
            },
        };
        sink.id(&d.id, &mut seen);
        if !customer_ids.contains(d.customer_id.as_str()) {
            sink.push(Problem::UnknownCustomer {
                id: d.customer_id.clone(),
            });
        }
        sink.money("value", d.contract.value, false);
        sink.money("amount_claimed", d.amount_claimed, false);
        sink.money("amount_disputed", d.amount_disputed, false);
        sink.dates("start", d.contract.start, "end", d.contract.end);
        sink.money("annual_profit", d.relationship.annual_profit, true);
        for input in Route::ALL
            .into_iter()
            .filter_map(|route| d.routes.as_ref().map(|r| r.get(route)))
        {
            sink.number("relationship_loss_pct", input.relationship_loss_pct, 0.0, 100.0);
            sink.number("recovery_pct", input.recovery_pct, 0.0, 100.0);
            sink.money("cost", input.cost, false);
        }
        if let Some(pct) = d.limitation_defence_pct {
            sink.number("limitation_defence_pct", pct, 0.0, 100.0);
        }
        for (field, score) in [
            ("facilities", d.prevention.facilities),
            ("capacity", d.prevention.capacity),
            ("site", d.prevention.site),
            ("staff", d.prevention.staff),
            ("joint_guideline", d.prevention.joint_guideline),
            ("supervision", d.prevention.supervision),
        ] {
            sink.number(
                field,
                f64::from(score),
                0.0,
                f64::from(PreventionScores::MAX_ITEM),
            );
        }
        if d.contract.arbitration_clause && d.route == Some(Route::Litigation) {
            sink.push(Problem::LitigationUnderArbitrationClause);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Customer, Dispute, StepProgress};

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 26).unwrap_or_default()
    }

    fn problems(s: &Scenario) -> Vec<Problem> {
        validate(s).into_iter().map(|w| w.problem).collect()
    }

    #[test]
    fn a_clean_scenario_has_no_warnings() {
        let mut s = Scenario::new(today());
        s.customers.push(Customer {
            id: "C1".into(),
            ..Customer::default()
        });
        assert_eq!(problems(&s), vec![]);
    }

    /// A scenario with customer C1 and its dispute D1 on `route`, under an arbitration clause
    /// or not, changed by `edit`.
    fn one_dispute(route: Route, clause: bool, edit: impl FnOnce(&mut Dispute)) -> Scenario {
        let mut s = Scenario::new(today());
        s.customers.push(Customer {
            id: "C1".into(),
            ..Customer::default()
        });
        let mut d = Dispute {
            id: "D1".into(),
            customer_id: "C1".into(),
            route: Some(route),
            ..Dispute::default()
        };
        d.contract.arbitration_clause = clause;
        edit(&mut d);
        s.disputes.push(d);
        s
    }

    #[test]
    fn dispute_inputs_are_checked() {
        let s = one_dispute(Route::Litigation, true, |d| {
            let mut routes = crate::model::RouteInputs::default();
            routes.mediation.recovery_pct = f64::NAN;
            d.routes = Some(routes);
            d.prevention.site = 7;
        });
        let found = problems(&s);
        assert!(found.contains(&Problem::LitigationUnderArbitrationClause));
        assert!(found.contains(&Problem::NotFinite {
            field: "recovery_pct"
        }));
        assert!(found.contains(&Problem::OutOfRange {
            field: "site",
            value: 7.0,
            min: 0.0,
            max: 2.0
        }));
        assert_eq!(found.len(), 3, "{found:?}");
    }

    /// The plan's lists, empty ids and unknown references, each with the place it points at.
    #[test]
    fn plan_warnings_name_their_place() {
        use crate::model::{Goal, Kpi, KpiMeasurement, StrategyOption, WorkPackage};
        let day = |m, d| NaiveDate::from_ymd_opt(2026, m, d);
        let mut s = Scenario::new(today());
        s.customers.push(Customer::default()); // no id
        s.plan.steps[2].actual_start = day(6, 1);
        s.plan.steps[2].actual_end = day(5, 1);
        s.plan.goals = vec![
            Goal {
                id: "G1".into(),
                ..Goal::default()
            },
            Goal {
                id: " ".into(),
                target: f64::INFINITY,
                ..Goal::default()
            },
        ];
        s.plan.work_packages = vec![
            WorkPackage {
                id: "W1".into(),
                depends_on: vec!["W2".into(), "W9".into()],
                ..WorkPackage::default()
            },
            WorkPackage {
                id: "W2".into(),
                progress_pct: 150,
                ..WorkPackage::default()
            },
            WorkPackage {
                id: "W2".into(),
                ..WorkPackage::default()
            },
        ];
        s.plan.kpis = vec![Kpi {
            id: "K1".into(),
            ..Kpi::default()
        }];
        s.plan.measurements = vec![
            KpiMeasurement {
                kpi_id: "K1".into(),
                ..KpiMeasurement::default()
            },
            KpiMeasurement {
                kpi_id: "K7".into(),
                competitor: Some(f64::NAN),
                ..KpiMeasurement::default()
            },
        ];
        s.plan.strategies = vec![StrategyOption {
            cost: Money(-1),
            expected_benefit: Money(-1),
            ..StrategyOption::default()
        }];
        s.disputes.push(Dispute {
            customer_id: "C404".into(),
            ..Dispute::default()
        }); // no id, and a customer not in the list

        let plan = |list, row| Place::Plan { list, row };
        let expected = vec![
            (
                Place::Customer {
                    row: 1,
                    id: String::new(),
                },
                Problem::EmptyId,
            ),
            (
                Place::Step(StepKind::Gaps),
                Problem::EndBeforeStart {
                    start: "actual_start",
                    end: "actual_end",
                },
            ),
            (plan("goals", 2), Problem::EmptyId),
            (plan("goals", 2), Problem::NotFinite { field: "target" }),
            (
                plan("work_packages", 2),
                Problem::OutOfRange {
                    field: "progress_pct",
                    value: 150.0,
                    min: 0.0,
                    max: 100.0,
                },
            ),
            (plan("work_packages", 3), Problem::DuplicateId { id: "W2".into() }),
            (
                plan("work_packages", 1),
                Problem::UnknownReference {
                    field: "depends_on",
                    id: "W9".into(),
                },
            ),
            (
                plan("measurements", 2),
                Problem::NotFinite { field: "competitor" },
            ),
            (
                plan("measurements", 2),
                Problem::UnknownReference {
                    field: "kpi_id",
                    id: "K7".into(),
                },
            ),
            // A negative expected benefit is allowed; a negative cost is not.
            (plan("strategies", 1), Problem::NegativeAmount { field: "cost" }),
            (
                Place::Dispute {
                    row: 1,
                    id: String::new(),
                },
                Problem::EmptyId,
            ),
            (
                Place::Dispute {
                    row: 1,
                    id: String::new(),
                },
                Problem::UnknownCustomer { id: "C404".into() },
            ),
        ];
        let found: Vec<(Place, Problem)> = validate(&s).into_iter().map(|w| (w.place, w.problem)).collect();
        assert_eq!(found, expected);
    }

    #[test]
    fn each_problem_is_found() {
        let mut s = Scenario::new(today());
        s.customers.push(Customer {
            id: "C1".into(),
            cost_to_serve: Money(-5),
            growth_potential: 9,
            ..Customer::default()
        });
        s.customers[0].value.image = f32::NAN;
        s.customers.push(Customer {
            id: "C1".into(),
            revenue: Money(i64::MAX),
            ..Customer::default()
        });
        s.plan.steps[0] = StepProgress {
            planned_start: NaiveDate::from_ymd_opt(2026, 5, 1),
            planned_end: NaiveDate::from_ymd_opt(2026, 4, 1),
            ..StepProgress::new(StepKind::Survey)
        };
        s.disputes.push(Dispute {
            id: "D1".into(),
            customer_id: "NOPE".into(),
            ..Dispute::default()
        });
        s.settings.a_threshold_pct = 96.0;
        let found = problems(&s);
        let expected = [
            Problem::ThresholdOrder,
            Problem::NegativeAmount {
                field: "cost_to_serve",
            },
            Problem::OutOfRange {
                field: "growth_potential",
                value: 9.0,
                min: 1.0,
                max: 5.0,
            },
            Problem::NotFinite { field: "image" },
            Problem::DuplicateId { id: "C1".into() },
            Problem::ImplausibleAmount { field: "revenue" },
            Problem::EndBeforeStart {
                start: "planned_start",
                end: "planned_end",
            },
            Problem::UnknownCustomer { id: "NOPE".into() },
        ];
        for e in &expected {
            assert!(found.contains(e), "missing {e:?} in {found:?}");
        }
        assert_eq!(found.len(), expected.len(), "{found:?}");
    }

    /// Each limit is allowed on the limit itself and warned about one step past it: an amount
    /// of exactly 10^14 cents (¥1 000 000 000 000, `MONEY_PLAUSIBLE_LIMIT`) is plausible, one
    /// cent more is not; growth 1 and 5 are on the 1–5 scale; a step may end on the day it
    /// starts; the class A and B thresholds may be equal (no class B).
    #[test]
    fn values_on_a_limit_are_allowed() {
        let day = NaiveDate::from_ymd_opt(2026, 5, 1);
        let mut s = Scenario::new(today());
        s.customers = vec![
            Customer {
                id: "C1".into(),
                revenue: Money(100_000_000_000_000),
                growth_potential: 5,
                ..Customer::default()
            },
            Customer {
                id: "C2".into(),
                growth_potential: 1,
                ..Customer::default()
            },
        ];
        s.plan.steps[0].planned_start = day;
        s.plan.steps[0].planned_end = day;
        s.plan.steps[0].progress_pct = 100;
        s.settings.a_threshold_pct = 90.0;
        s.settings.b_threshold_pct = 90.0;
        assert_eq!(problems(&s), vec![]);

        s.customers[0].revenue = Money(100_000_000_000_001);
        s.customers[0].growth_potential = 6;
        s.plan.steps[0].planned_end = NaiveDate::from_ymd_opt(2026, 4, 30);
        s.settings.a_threshold_pct = 90.5;
        assert_eq!(
            problems(&s),
            vec![
                Problem::ThresholdOrder,
                Problem::ImplausibleAmount { field: "revenue" },
                Problem::OutOfRange {
                    field: "growth_potential",
                    value: 6.0,
                    min: 1.0,
                    max: 5.0
                },
                Problem::EndBeforeStart {
                    start: "planned_start",
                    end: "planned_end"
                },
            ]
        );
    }

    /// KPI warnings name their 1-based row: the second KPI has no id, the third repeats the
    /// first one's.
    #[test]
    fn kpi_warnings_name_their_row() {
        use crate::model::Kpi;
        let kpi = |id: &str| Kpi {
            id: id.into(),
            ..Kpi::default()
        };
        let mut s = Scenario::new(today());
        s.plan.kpis = vec![kpi("K1"), kpi(""), kpi("K1")];
        let found: Vec<(Place, Problem)> = validate(&s).into_iter().map(|w| (w.place, w.problem)).collect();
        let row = |row| Place::Plan { list: "kpis", row };
        assert_eq!(
            found,
            vec![
                (row(2), Problem::EmptyId),
                (row(3), Problem::DuplicateId { id: "K1".into() }),
            ]
        );
    }

    /// Only litigation under an arbitration clause is flagged: litigation without a clause,
    /// or another route with one, is fine.
    #[test]
    fn litigation_is_flagged_only_under_an_arbitration_clause() {
        let flagged = |clause: bool, route: Route| problems(&one_dispute(route, clause, |_| {}));
        assert_eq!(
            flagged(true, Route::Litigation),
            vec![Problem::LitigationUnderArbitrationClause]
        );
        assert_eq!(flagged(false, Route::Litigation), vec![]);
        assert_eq!(flagged(true, Route::Arbitration), vec![]);
    }
}
