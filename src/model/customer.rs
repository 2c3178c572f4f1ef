//! Customers: descriptive data, money, perceived value scores and co-creation logs.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::{Money, Tier};

/// One customer of the firm.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Customer {
    /// Unique within the scenario, e.g. "C001".
    pub id: String,
    pub name: String,
    pub industry: String,
    pub region: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub contact: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub since: Option<NaiveDate>,
    /// Revenue per year.
    pub revenue: Money,
    /// Cost of goods and services sold to this customer per year.
    pub cost_of_goods: Money,
    /// Logistics cost to serve per year: handling, special deliveries, account management.
    pub cost_to_serve: Money,
    /// 1 (little room to grow) to 5 (much room to grow).
    pub growth_potential: u8,
    /// Left out of the file while it still holds the neutral defaults (nobody scored it yet).
    #[serde(skip_serializing_if = "ValueScores::is_unscored")]
    pub value: ValueScores,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tier_override: Option<TierOverride>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub promotions: Vec<Promotion>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub interactions: Vec<Interaction>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub experiences: Vec<Experience>,
    /// Recency, frequency and monetary value, when revenue came from a transaction log.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rfm: Option<Rfm>,
}

/// What a transaction log says about one customer, as of a reference date.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Rfm {
    /// The date recency is counted to.
    pub reference_date: NaiveDate,
    /// Days from the last purchase to the reference date.
    pub recency_days: i64,
    /// Number of purchases.
    pub frequency: u32,
    /// Sum of the amounts.
    pub monetary: Money,
}

impl Customer {
    /// Which of the four record facets hold data: descriptive, promotions, interactions,
    /// experiences (DOMAIN.md §4).
    #[must_use]
    pub fn facets(&self) -> [bool; 4] {
        let descriptive = !self.name.trim().is_empty()
            && [&self.industry, &self.region, &self.contact]
                .iter()
                .filter(|s| !s.trim().is_empty())
                .count()
                >= 2;
        [
            descriptive,
            !self.promotions.is_empty(),
            !self.interactions.is_empty(),
            !self.experiences.is_empty(),
        ]
    }

    /// How many of the four facets hold data (0–4).
    #[must_use]
    pub fn completeness(&self) -> usize {
        self.facets().iter().filter(|f| **f).count()
    }
}

impl Default for Customer {
    fn default() -> Self {
        Self {
            id: String::new(),
            name: String::new(),
            industry: String::new(),
            region: String::new(),
            contact: String::new(),
            since: None,
            revenue: Money::ZERO,
            cost_of_goods: Money::ZERO,
            cost_to_serve: Money::ZERO,
            growth_potential: 3,
            value: ValueScores::default(),
            tier_override: None,
            tags: Vec::new(),
            promotions: Vec::new(),
            interactions: Vec::new(),
            experiences: Vec::new(),
            rfm: None,
        }
    }
}

/// The customer's perceived benefit and cost, each scored 0–10 by the user.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ValueScores {
    pub product: f32,
    pub service: f32,
    pub personnel: f32,
    pub image: f32,
    pub money: f32,
    pub time: f32,
    pub energy: f32,
    pub psychic: f32,
}

impl Default for ValueScores {
    fn default() -> Self {
        Self {
            product: 5.0,
            service: 5.0,
            personnel: 5.0,
            image: 5.0,
            money: 5.0,
            time: 5.0,
            energy: 5.0,
            psychic: 5.0,
        }
    }
}

impl ValueScores {
    /// The score in `slot`, in the order benefits then costs: product, service, personnel,
    /// image, money, time, energy, psychic (any slot past 7 is psychic).
    pub fn slot_mut(&mut self, slot: usize) -> &mut f32 {
        match slot {
            0 => &mut self.product,
            1 => &mut self.service,
            2 => &mut self.personnel,
            3 => &mut self.image,
            4 => &mut self.money,
            5 => &mut self.time,
            6 => &mut self.energy,
            _ => &mut self.psychic,
        }
    }

    /// True while every score is the neutral default.
    #[must_use]
    pub fn is_unscored(&self) -> bool {
        *self == Self::default()
    }

    /// Each score with its field name, benefits first.
    #[must_use]
    pub fn named(&self) -> [(&'static str, f32); 8] {
        [
            ("product", self.product),
            ("service", self.service),
            ("personnel", self.personnel),
            ("image", self.image),
            ("money", self.money),
            ("time", self.time),
            ("energy", self.energy),
            ("psychic", self.psychic),
        ]
    }
}

/// A user's decision to put a customer in another tier than the rules give.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TierOverride {
    pub tier: Tier,
    /// Required: why the rules do not fit this customer.
    pub reason: String,
}

/// A promotion that reached the customer.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Promotion {
    pub date: Option<NaiveDate>,
    pub campaign: String,
    pub channel: String,
    /// Whether the customer responded.
    pub responded: bool,
    pub note: String,
}

/// A staff–customer communication.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Interaction {
    pub date: Option<NaiveDate>,
    pub staff: String,
    pub channel: String,
    pub summary: String,
    pub follow_up: String,
}

/// How the customer felt at one touch point.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Experience {
    pub date: Option<NaiveDate>,
    pub touch_point: String,
    /// 1 (very unhappy) to 5 (delighted).
    pub satisfaction: u8,
    pub note: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn customer(name: &str, industry: &str, region: &str, contact: &str) -> Customer {
        Customer {
            name: name.into(),
            industry: industry.into(),
            region: region.into(),
            contact: contact.into(),
            ..Customer::default()
        }
    }

    /// DOMAIN.md §4: the descriptive facet needs a name and at least two of industry, region
    /// and contact; blanks (spaces only) do not count.
    #[test]
    fn descriptive_facet_table() {
        let cases = [
            (customer("Acme", "Retail", "East", ""), true),
            (customer("Acme", "Retail", "", "Li"), true),
            (customer("Acme", "", "East", "Li"), true),
            (customer("Acme", "Retail", "East", "Li"), true),
            (customer("Acme", "Retail", "", ""), false),
            (customer("Acme", "", "", "Li"), false),
            (customer("Acme", "Retail", "  ", " "), false),
            (customer("", "Retail", "East", "Li"), false),
            (customer("   ", "Retail", "East", "Li"), false),
        ];
        for (c, expected) in cases {
            assert_eq!(c.facets()[0], expected, "{c:?}");
        }
    }

    #[test]
    fn each_log_is_its_own_facet_and_completeness_counts_them() {
        let empty = Customer::default();
        assert_eq!(empty.facets(), [false; 4]);
        assert_eq!(empty.completeness(), 0);

        let mut c = customer("Acme", "Retail", "", "");
        c.promotions.push(Promotion::default());
        assert_eq!(c.facets(), [false, true, false, false]);
        assert_eq!(c.completeness(), 1);

        c.interactions.push(Interaction::default());
        assert_eq!(c.facets(), [false, true, true, false]);
        assert_eq!(c.completeness(), 2);

        c.experiences.push(Experience::default());
        assert_eq!(c.facets(), [false, true, true, true]);
        assert_eq!(c.completeness(), 3);

        c.region = "East".into();
        assert_eq!(c.facets(), [true; 4]);
        assert_eq!(c.completeness(), 4);

        let only_descriptive = customer("Acme", "Retail", "East", "Li");
        assert_eq!(only_descriptive.facets(), [true, false, false, false]);
        assert_eq!(only_descriptive.completeness(), 1);
    }

    /// Unscored means every score is still the neutral 5 the form starts at; changing any one
    /// of the eight scores makes the customer scored.
    #[test]
    fn score_slots_go_benefits_then_costs() {
        let mut scores = ValueScores::default();
        for (slot, value) in (0..8).zip(1_u8..) {
            *scores.slot_mut(slot) = f32::from(value);
        }
        let read = [
            scores.product,
            scores.service,
            scores.personnel,
            scores.image,
            scores.money,
            scores.time,
            scores.energy,
            scores.psychic,
        ];
        // Whole numbers, exact in an f32: compared as integers.
        assert_eq!(read.map(|v| v as i32), [1, 2, 3, 4, 5, 6, 7, 8]);
    }

    #[test]
    fn any_changed_score_makes_the_customer_scored() {
        assert!(ValueScores::default().is_unscored());
        let neutral = ValueScores::default();
        for i in 0..8 {
            let mut scores = neutral;
            *scores.slot_mut(i) = 6.0;
            assert!(!scores.is_unscored(), "score {i} changed from 5 to 6");
        }
    }
}
