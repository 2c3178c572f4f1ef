//! The scenario: the root of one RON file.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::groups::SavedGroup;
use super::holidays::HolidayYear;
use super::scene::Scene;
use super::{Customer, Dispute, DisputeDraft, IntegrationPlan, Language, Money, Route};

/// The format this build writes. Older files are migrated on load; newer ones are refused.
///
/// History:
/// - 1: first draft format; settings held only a currency code.
/// - 2: settings gained `currency_symbol` (filled in from the code on migration).
/// - 3: the customer list is written one row per customer (log entries one per line); the
///   values are the same as in version 2.
pub const CURRENT_FORMAT_VERSION: u32 = 3;

/// One firm's customers, integration plan and disputes.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Scenario {
    pub format_version: u32,
    #[serde(default)]
    pub metadata: Metadata,
    #[serde(default)]
    pub settings: Settings,
    #[serde(default)]
    pub customers: Vec<Customer>,
    #[serde(default)]
    pub plan: IntegrationPlan,
    #[serde(default)]
    pub disputes: Vec<Dispute>,
    /// The dispute wizard's run in progress, saved so it can be resumed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dispute_draft: Option<DisputeDraft>,
    /// Groups of similar customers the user saved; their members carry the group's name as a
    /// tag. Added after format version 3 without a version change: older files have none.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub groups: Vec<SavedGroup>,
    /// Lesson scenes: saved views a trainer steps through. Added after format version 3
    /// without a version change: older files have none.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub scenes: Vec<Scene>,
}

impl Scenario {
    /// An empty scenario created on `today`.
    #[must_use]
    pub fn new(today: NaiveDate) -> Self {
        Self {
            format_version: CURRENT_FORMAT_VERSION,
            metadata: Metadata {
                created: Some(today),
                modified: Some(today),
                ..Metadata::default()
            },
            settings: Settings::default(),
            customers: Vec::new(),
            plan: IntegrationPlan::default(),
            disputes: Vec::new(),
            dispute_draft: None,
            groups: Vec::new(),
            scenes: Vec::new(),
        }
    }

    /// A copy with an empty customer list, without copying the customers.
    ///
    /// Lists every field, so that a new top-level field cannot be forgotten by the file writer,
    /// which writes the customers itself and everything else through this copy.
    #[must_use]
    pub fn without_customers(&self) -> Self {
        let Self {
            format_version,
            metadata,
            settings,
            customers: _,
            plan,
            disputes,
            dispute_draft,
            groups,
            scenes,
        } = self;
        Self {
            format_version: *format_version,
            metadata: metadata.clone(),
            settings: settings.clone(),
            customers: Vec::new(),
            plan: plan.clone(),
            disputes: disputes.clone(),
            dispute_draft: dispute_draft.clone(),
            groups: groups.clone(),
            scenes: scenes.clone(),
        }
    }

    /// The customer with this id, if any.
    #[must_use]
    pub fn customer(&self, id: &str) -> Option<&Customer> {
        self.customers.iter().find(|c| c.id == id)
    }
}

/// Who made the scenario and when.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Metadata {
    pub title: String,
    pub description: String,
    pub author: String,
    pub created: Option<NaiveDate>,
    pub modified: Option<NaiveDate>,
    /// The language the scenario's own texts are written in.
    pub language: Language,
}

/// Per-scenario settings: currency, segmentation thresholds and the wizard's route defaults.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    /// ISO 4217 code, e.g. "CNY".
    pub currency: String,
    /// Shown before amounts, e.g. "¥". Added in format version 2.
    pub currency_symbol: String,
    /// Class A: the smallest top set of customers reaching this share of positive profit (%).
    pub a_threshold_pct: f64,
    /// Class B continues up to this share (%).
    pub b_threshold_pct: f64,
    /// Growth potential (1–5) at or above which a profitable customer is key.
    pub growth_threshold: u8,
    /// Discount rate for the relationship value at risk (% per year, 0 = none).
    pub discount_rate_pct: f64,
    pub route_defaults: RouteDefaults,
    /// Chance (%) that the other side raises an expired limitation period (Civil Code art. 192);
    /// a formal route's expected recovery is multiplied by what is left.
    #[serde(skip_serializing_if = "is_default_defence")]
    pub limitation_defence_pct: f64,
    /// Holiday years the user added or corrected; they win over the built-in calendar.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub holiday_years: Vec<HolidayYear>,
}

/// The chance the limitation defence is raised, until the user says otherwise: a party that
/// knows the period has run out will say so.
pub const DEFAULT_LIMITATION_DEFENCE_PCT: f64 = 100.0;

#[expect(
    clippy::trivially_copy_pass_by_ref,
    reason = "serde's skip_serializing_if passes a reference"
)]
fn is_default_defence(pct: &f64) -> bool {
    (*pct - DEFAULT_LIMITATION_DEFENCE_PCT).abs() < f64::EPSILON
}

impl Settings {
    /// Sets the class A threshold; B is raised to it when it was below (B never ends below A).
    pub fn set_a_threshold(&mut self, a_pct: f64) {
        self.a_threshold_pct = a_pct;
        self.b_threshold_pct = self.b_threshold_pct.max(a_pct);
    }

    /// Sets the class B threshold; A is lowered to it when it was above.
    pub fn set_b_threshold(&mut self, b_pct: f64) {
        self.b_threshold_pct = b_pct;
        self.a_threshold_pct = self.a_threshold_pct.min(b_pct);
    }
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            currency: "CNY".to_owned(),
            currency_symbol: "¥".to_owned(),
            a_threshold_pct: 80.0,
            b_threshold_pct: 95.0,
            growth_threshold: 4,
            discount_rate_pct: 0.0,
            route_defaults: RouteDefaults::default(),
            limitation_defence_pct: DEFAULT_LIMITATION_DEFENCE_PCT,
            holiday_years: Vec::new(),
        }
    }
}

/// The symbol usually written for an ISO currency code.
#[must_use]
pub fn symbol_for_currency(code: &str) -> &'static str {
    match code.to_ascii_uppercase().as_str() {
        "CNY" | "RMB" | "JPY" => "¥",
        "USD" | "HKD" | "TWD" | "SGD" | "AUD" | "CAD" => "$",
        "EUR" => "€",
        "GBP" => "£",
        _ => "",
    }
}

/// The wizard's defaults per route: chance of losing the relationship, cost and duration.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct RouteDefaults {
    pub negotiation: RouteAssumption,
    pub mediation: RouteAssumption,
    pub arbitration: RouteAssumption,
    pub litigation: RouteAssumption,
}

impl RouteDefaults {
    #[must_use]
    pub fn get(&self, route: Route) -> &RouteAssumption {
        match route {
            Route::Negotiation => &self.negotiation,
            Route::Mediation => &self.mediation,
            Route::Arbitration => &self.arbitration,
            Route::Litigation => &self.litigation,
        }
    }

    pub fn get_mut(&mut self, route: Route) -> &mut RouteAssumption {
        match route {
            Route::Negotiation => &mut self.negotiation,
            Route::Mediation => &mut self.mediation,
            Route::Arbitration => &mut self.arbitration,
            Route::Litigation => &mut self.litigation,
        }
    }
}

impl Default for RouteDefaults {
    fn default() -> Self {
        Self {
            negotiation: RouteAssumption::new(10.0, Money::from_major(20_000), 2),
            mediation: RouteAssumption::new(20.0, Money::from_major(50_000), 4),
            arbitration: RouteAssumption::new(50.0, Money::from_major(150_000), 8),
            litigation: RouteAssumption::new(70.0, Money::from_major(250_000), 18),
        }
    }
}

/// What one route is expected to cost.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct RouteAssumption {
    /// Chance (%) that taking this route ends the customer relationship.
    pub relationship_loss_pct: f64,
    pub cost: Money,
    pub months: u32,
}

impl Default for RouteAssumption {
    fn default() -> Self {
        Self::new(0.0, Money::ZERO, 0)
    }
}

impl RouteAssumption {
    #[must_use]
    pub const fn new(relationship_loss_pct: f64, cost: Money, months: u32) -> Self {
        Self {
            relationship_loss_pct,
            cost,
            months,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// B never ends below A, whichever slider moved.
    #[test]
    fn thresholds_keep_b_at_or_above_a() {
        let mut s = Settings::default(); // A 80, B 95
        s.set_a_threshold(90.0);
        assert_eq!(
            (s.a_threshold_pct, s.b_threshold_pct),
            (90.0, 95.0),
            "B already above"
        );
        s.set_a_threshold(97.0);
        assert_eq!(
            (s.a_threshold_pct, s.b_threshold_pct),
            (97.0, 97.0),
            "B raised to A"
        );
        s.set_b_threshold(85.0);
        assert_eq!(
            (s.a_threshold_pct, s.b_threshold_pct),
            (85.0, 85.0),
            "A lowered to B"
        );
        s.set_b_threshold(99.0);
        assert_eq!((s.a_threshold_pct, s.b_threshold_pct), (85.0, 99.0), "A stays");
    }

    /// The usual symbols of ISO 4217 codes, in any case; an unknown code gets none.
    #[test]
    fn currency_codes_get_their_usual_symbol() {
        let cases = [
            ("CNY", "¥"),
            ("rmb", "¥"),
            ("JPY", "¥"),
            ("USD", "$"),
            ("HKD", "$"),
            ("TWD", "$"),
            ("SGD", "$"),
            ("AUD", "$"),
            ("cad", "$"),
            ("EUR", "€"),
            ("Eur", "€"),
            ("GBP", "£"),
            ("CHF", ""),
            ("", ""),
        ];
        for (code, symbol) in cases {
            assert_eq!(symbol_for_currency(code), symbol, "{code:?}");
        }
    }

    /// Changing one route's assumption through `get_mut` changes what `get` reads for that
    /// route, and for no other.
    #[test]
    fn a_route_default_edited_in_place_is_the_one_read_back() {
        for (i, route) in Route::ALL.into_iter().enumerate() {
            let mut defaults = RouteDefaults::default();
            let before = defaults.clone();
            defaults.get_mut(route).months = 99;
            assert_eq!(defaults.get(route).months, 99, "{route:?}");
            for (j, other) in Route::ALL.into_iter().enumerate() {
                if i != j {
                    assert_eq!(
                        defaults.get(other),
                        before.get(other),
                        "{route:?} changed {other:?}"
                    );
                }
            }
        }
    }
}
