//! Comparing two scenarios: totals, tier and ABC counts, tier migration, and what changed in the
//! customers, the plan and the disputes (issue 14).
//!
//! Plain data: no egui, no I/O, no clock. Customers are matched by id (a changed id counts as
//! one removed and one added customer); when a file repeats an id, the k-th occurrence in A is
//! matched with the k-th occurrence in B, so nothing is lost or counted twice.
//!
//! Floats (value scores, goal and KPI targets, thresholds) are compared by their bits, so a
//! scenario compared with itself shows no difference even where a score is not a number.

use std::collections::HashMap;

use chrono::NaiveDate;

use super::segmentation::{AbcClass, Segmentation, Tier};
use super::{
    Customer, Dispute, Goal, Kpi, Money, Route, Scenario, Settings, StepKind, StepProgress, StepStatus,
    TierOverride,
};

/// The headline figures of one side.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Totals {
    pub customers: usize,
    /// Minor units.
    pub revenue: i128,
    /// Minor units.
    pub profit: i128,
    /// Profit / revenue; `None` when revenue is zero.
    pub margin: Option<f64>,
    /// Customers per tier in effect, in [`Tier::ALL`] order.
    pub tiers: [usize; 3],
    /// Customers per ABC class: A, B, C.
    pub classes: [usize; 3],
}

impl Totals {
    fn new(customers: usize, seg: &Segmentation) -> Self {
        Self {
            customers,
            revenue: seg.revenue_total,
            profit: seg.profit_total,
            margin: (seg.revenue_total != 0).then(|| seg.profit_total as f64 / seg.revenue_total as f64),
            tiers: seg.tier_counts(),
            classes: seg.class_counts(),
        }
    }
}

/// A customer field that can change between the two sides, in the file's order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum CustomerField {
    Name,
    Industry,
    Region,
    Contact,
    Since,
    Revenue,
    CostOfGoods,
    CostToServe,
    GrowthPotential,
    Value,
    TierOverride,
    Tags,
    Promotions,
    Interactions,
    Experiences,
    Rfm,
}

impl CustomerField {
    pub const ALL: [Self; 16] = [
        Self::Name,
        Self::Industry,
        Self::Region,
        Self::Contact,
        Self::Since,
        Self::Revenue,
        Self::CostOfGoods,
        Self::CostToServe,
        Self::GrowthPotential,
        Self::Value,
        Self::TierOverride,
        Self::Tags,
        Self::Promotions,
        Self::Interactions,
        Self::Experiences,
        Self::Rfm,
    ];

    /// The field's name in the scenario file, also used as the JSON key of `diff --json`.
    #[must_use]
    pub const fn key(self) -> &'static str {
        match self {
            Self::Name => "name",
            Self::Industry => "industry",
            Self::Region => "region",
            Self::Contact => "contact",
            Self::Since => "since",
            Self::Revenue => "revenue",
            Self::CostOfGoods => "cost_of_goods",
            Self::CostToServe => "cost_to_serve",
            Self::GrowthPotential => "growth_potential",
            Self::Value => "value",
            Self::TierOverride => "tier_override",
            Self::Tags => "tags",
            Self::Promotions => "promotions",
            Self::Interactions => "interactions",
            Self::Experiences => "experiences",
            Self::Rfm => "rfm",
        }
    }
}

/// One side of a changed field, kept typed so each view words it in its own language.
#[derive(Clone, Debug, PartialEq)]
pub enum FieldValue {
    Text(String),
    Money(Money),
    /// Growth potential.
    Score(u8),
    Date(Option<NaiveDate>),
    /// A log or list: how many entries it holds.
    Entries(usize),
    /// The eight perceived-value scores: benefits (product, service, personnel, image), then
    /// costs (money, time, energy, psychic).
    Scores([f32; 8]),
    Override(Option<Tier>),
    /// RFM: recency days, frequency, monetary; `None` without transaction data.
    Rfm(Option<(i64, u32, Money)>),
}

/// A field that differs, old (A) → new (B).
#[derive(Clone, Debug, PartialEq)]
pub struct FieldChange {
    pub field: CustomerField,
    pub old: FieldValue,
    pub new: FieldValue,
}

/// Whether a customer is only in B, only in A, or in both with different fields.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ChangeKind {
    Added,
    Removed,
    Changed,
}

/// One customer that differs between A and B.
#[derive(Clone, Debug, PartialEq)]
pub struct CustomerDiff {
    pub kind: ChangeKind,
    pub id: String,
    /// B's name where the customer is in B, else A's.
    pub name: String,
    /// Index in A's and in B's customer list.
    pub a: Option<usize>,
    pub b: Option<usize>,
    pub tier_a: Option<Tier>,
    pub tier_b: Option<Tier>,
    /// Minor units.
    pub profit_a: Option<i128>,
    pub profit_b: Option<i128>,
    /// Empty for added and removed customers.
    pub fields: Vec<FieldChange>,
}

impl CustomerDiff {
    /// B's profit minus A's, a missing side counting as zero (minor units).
    #[must_use]
    pub fn profit_delta(&self) -> i128 {
        self.profit_b.unwrap_or(0) - self.profit_a.unwrap_or(0)
    }
}

/// A customer present in both sides, for the tier-migration lists.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Matched {
    pub a: usize,
    pub b: usize,
}

/// A segmentation setting that differs (thresholds decide tiers, so they explain migrations).
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum SettingChange {
    AThreshold { old: f64, new: f64 },
    BThreshold { old: f64, new: f64 },
    GrowthThreshold { old: u8, new: u8 },
    Currency,
}

/// A plan step whose status, progress or dates differ.
#[derive(Clone, Debug, PartialEq)]
pub struct StepChange {
    pub step: StepKind,
    pub status: Option<(StepStatus, StepStatus)>,
    pub progress_pct: Option<(u8, u8)>,
    /// Planned start, planned end, actual start, actual end: each `Some((old, new))` when it differs.
    pub dates: [Option<(Option<NaiveDate>, Option<NaiveDate>)>; 4],
}

/// A goal or KPI whose target differs, or that is only on one side (`None` there).
#[derive(Clone, Debug, PartialEq)]
pub struct TargetChange {
    pub id: String,
    pub name: String,
    pub old: Option<f64>,
    pub new: Option<f64>,
}

/// The plan's differences.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PlanChanges {
    pub steps: Vec<StepChange>,
    pub goals: Vec<TargetChange>,
    pub kpis: Vec<TargetChange>,
}

/// A dispute only on one side, or whose route or decision differs.
#[derive(Clone, Debug, PartialEq)]
pub struct DisputeChange {
    pub kind: ChangeKind,
    pub id: String,
    pub customer_id: String,
    pub route_a: Option<Route>,
    pub route_b: Option<Route>,
    /// The route chosen in the recorded decision, and the decision date.
    pub decision_a: Option<(Route, NaiveDate)>,
    pub decision_b: Option<(Route, NaiveDate)>,
}

/// Everything that differs between scenario A (the open one) and B.
#[derive(Clone, Debug, PartialEq)]
pub struct Comparison {
    pub seg_a: Segmentation,
    pub seg_b: Segmentation,
    pub totals_a: Totals,
    pub totals_b: Totals,
    /// Customers in both, counted by tier in A (rows) and tier in B (columns), [`Tier::ALL`] order.
    pub migration: [[usize; 3]; 3],
    /// The customers behind each migration cell, in A's order.
    pub migration_members: [[Vec<Matched>; 3]; 3],
    /// Added, then removed, then changed customers, each in file order.
    pub customers: Vec<CustomerDiff>,
    /// Customers in which each field differs, in [`CustomerField::ALL`] order.
    pub field_counts: [usize; 16],
    pub settings: Vec<SettingChange>,
    pub plan: PlanChanges,
    pub disputes: Vec<DisputeChange>,
    /// True when nothing but the metadata (title, author, dates) differs, customer order aside.
    pub same_content: bool,
}

impl Comparison {
    /// How many customers were added, removed and changed.
    #[must_use]
    pub fn customer_counts(&self) -> [usize; 3] {
        let mut counts = [0; 3];
        for c in &self.customers {
            counts[c.kind as usize] += 1;
        }
        counts
    }

    /// How many disputes were added, removed and changed.
    #[must_use]
    pub fn dispute_counts(&self) -> [usize; 3] {
        let mut counts = [0; 3];
        for d in &self.disputes {
            counts[d.kind as usize] += 1;
        }
        counts
    }

    /// The customers of one migration cell.
    #[must_use]
    pub fn members(&self, from: Tier, to: Tier) -> &[Matched] {
        self.migration_members
            .get(from as usize)
            .and_then(|row| row.get(to as usize))
            .map_or(&[], Vec::as_slice)
    }
}

/// Compares `a` (the open scenario) with `b`.
#[must_use]
pub fn compare(a: &Scenario, b: &Scenario) -> Comparison {
    let seg_a = Segmentation::compute(&a.customers, &a.settings);
    let seg_b = Segmentation::compute(&b.customers, &b.settings);
    compare_with(a, seg_a, b, seg_b)
}

/// [`compare`] with segmentations already computed (the app has A's); they end up in the result.
#[must_use]
pub fn compare_with(a: &Scenario, seg_a: Segmentation, b: &Scenario, seg_b: Segmentation) -> Comparison {
    let pairs = match_ids(&a.customers, &b.customers);
    let tier = |seg: &Segmentation, i: usize| seg.figures.get(i).map_or(Tier::General, |f| f.tier);
    let profit = |seg: &Segmentation, i: usize| seg.figures.get(i).map_or(0, |f| f.profit);

    let mut migration = [[0_usize; 3]; 3];
    let mut migration_members: [[Vec<Matched>; 3]; 3] = Default::default();
    let mut field_counts = [0_usize; 16];
    let mut changed = Vec::new();
    let mut in_b = vec![false; b.customers.len()];
    let mut removed = Vec::new();
    for (ia, pair) in pairs.iter().enumerate() {
        let Some(ib) = *pair else {
            removed.push(ia);
            continue;
        };
        if let Some(flag) = in_b.get_mut(ib) {
            *flag = true;
        }
        let (from, to) = (tier(&seg_a, ia), tier(&seg_b, ib));
        migration[from as usize][to as usize] += 1;
        migration_members[from as usize][to as usize].push(Matched { a: ia, b: ib });
        let (Some(ca), Some(cb)) = (a.customers.get(ia), b.customers.get(ib)) else {
            continue;
        };
        let fields = customer_fields(ca, cb);
        if fields.is_empty() {
            continue;
        }
        for f in &fields {
            field_counts[f.field as usize] += 1;
        }
        changed.push(CustomerDiff {
            kind: ChangeKind::Changed,
            id: cb.id.clone(),
            name: cb.name.clone(),
            a: Some(ia),
            b: Some(ib),
            tier_a: Some(from),
            tier_b: Some(to),
            profit_a: Some(profit(&seg_a, ia)),
            profit_b: Some(profit(&seg_b, ib)),
            fields,
        });
    }
    let mut customers: Vec<CustomerDiff> = b
        .customers
        .iter()
        .enumerate()
        .filter(|(ib, _)| !in_b.get(*ib).copied().unwrap_or(false))
        .map(|(ib, c)| CustomerDiff {
            kind: ChangeKind::Added,
            id: c.id.clone(),
            name: c.name.clone(),
            a: None,
            b: Some(ib),
            tier_a: None,
            tier_b: Some(tier(&seg_b, ib)),
            profit_a: None,
            profit_b: Some(profit(&seg_b, ib)),
            fields: Vec::new(),
        })
        .collect();
    customers.extend(removed.into_iter().filter_map(|ia| {
        a.customers.get(ia).map(|c| CustomerDiff {
            kind: ChangeKind::Removed,
            id: c.id.clone(),
            name: c.name.clone(),
            a: Some(ia),
            b: None,
            tier_a: Some(tier(&seg_a, ia)),
            tier_b: None,
            profit_a: Some(profit(&seg_a, ia)),
            profit_b: None,
            fields: Vec::new(),
        })
    }));
    customers.extend(changed);

    let settings = setting_changes(&a.settings, &b.settings);
    let plan = plan_changes(a, b);
    let disputes = dispute_changes(&a.disputes, &b.disputes);
    let same_content = customers.is_empty()
        && same_ron(&a.settings, &b.settings)
        && same_ron(&a.plan, &b.plan)
        && same_ron(&a.disputes, &b.disputes)
        && same_ron(&a.dispute_draft, &b.dispute_draft)
        && same_ron(&a.groups, &b.groups)
        && a.format_version == b.format_version;
    Comparison {
        totals_a: Totals::new(a.customers.len(), &seg_a),
        totals_b: Totals::new(b.customers.len(), &seg_b),
        seg_a,
        seg_b,
        migration,
        migration_members,
        customers,
        field_counts,
        settings,
        plan,
        disputes,
        same_content,
    }
}

/// For each customer of A, the index of its match in B by id (k-th occurrence to k-th).
///
/// Files that are edits of one another keep most customers at the same index, so those are
/// paired first without hashing; only the rest go through a map (see benches/compare.rs).
fn match_ids(a: &[Customer], b: &[Customer]) -> Vec<Option<usize>> {
    let mut pairs: Vec<Option<usize>> = vec![None; a.len()];
    let mut taken = vec![false; b.len()];
    // Same id at the same index. Where an id repeats, this can pair other occurrences than the
    // k-th-to-k-th rule below would; both pair each customer at most once, and repeated ids
    // are a validation warning anyway.
    for (i, (x, y)) in a.iter().zip(b).enumerate() {
        if x.id == y.id {
            pairs[i] = Some(i);
            taken[i] = true;
        }
    }
    if pairs.iter().all(Option::is_some) {
        return pairs;
    }
    // The first remaining occurrence of each id in B, and any later ones (rare) in reverse
    // order, so that taking one is a `remove` or a `pop` and no counter per id is needed.
    let mut first: HashMap<&str, usize> = HashMap::with_capacity(taken.iter().filter(|t| !**t).count());
    let mut later: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, c) in b.iter().enumerate() {
        if taken[i] {
            continue;
        }
        if first.contains_key(c.id.as_str()) {
            later.entry(c.id.as_str()).or_default().push(i);
        } else {
            first.insert(c.id.as_str(), i);
        }
    }
    for list in later.values_mut() {
        list.reverse();
    }
    for (i, c) in a.iter().enumerate() {
        if pairs[i].is_some() {
            continue;
        }
        let id = c.id.as_str();
        pairs[i] = first.remove(id).or_else(|| later.get_mut(id).and_then(Vec::pop));
    }
    pairs
}

/// Same value by serialised form, so NaN equals NaN and no float is compared with `==`.
fn same_ron<T: serde::Serialize>(a: &T, b: &T) -> bool {
    match (ron::to_string(a), ron::to_string(b)) {
        (Ok(x), Ok(y)) => x == y,
        _ => false,
    }
}

fn same_f32(a: f32, b: f32) -> bool {
    a.to_bits() == b.to_bits()
}

fn scores(c: &Customer) -> [f32; 8] {
    c.value.named().map(|(_, v)| v)
}

fn override_tier(o: Option<&TierOverride>) -> Option<Tier> {
    o.map(|o| o.tier)
}

/// The fields that differ between two versions of one customer, in [`CustomerField::ALL`] order.
#[must_use]
pub fn customer_fields(a: &Customer, b: &Customer) -> Vec<FieldChange> {
    use CustomerField as F;
    use FieldValue as V;
    let mut out = Vec::new();
    let mut push = |field, old, new| out.push(FieldChange { field, old, new });
    let texts = [
        (F::Name, &a.name, &b.name),
        (F::Industry, &a.industry, &b.industry),
        (F::Region, &a.region, &b.region),
        (F::Contact, &a.contact, &b.contact),
    ];
    for (field, x, y) in texts {
        if x != y {
            push(field, V::Text(x.clone()), V::Text(y.clone()));
        }
    }
    if a.since != b.since {
        push(F::Since, V::Date(a.since), V::Date(b.since));
    }
    for (field, x, y) in [
        (F::Revenue, a.revenue, b.revenue),
        (F::CostOfGoods, a.cost_of_goods, b.cost_of_goods),
        (F::CostToServe, a.cost_to_serve, b.cost_to_serve),
    ] {
        if x != y {
            push(field, V::Money(x), V::Money(y));
        }
    }
    if a.growth_potential != b.growth_potential {
        push(
            F::GrowthPotential,
            V::Score(a.growth_potential),
            V::Score(b.growth_potential),
        );
    }
    let (sa, sb) = (scores(a), scores(b));
    if !sa.iter().zip(&sb).all(|(x, y)| same_f32(*x, *y)) {
        push(F::Value, V::Scores(sa), V::Scores(sb));
    }
    if a.tier_override != b.tier_override {
        push(
            F::TierOverride,
            V::Override(override_tier(a.tier_override.as_ref())),
            V::Override(override_tier(b.tier_override.as_ref())),
        );
    }
    if a.tags != b.tags {
        push(F::Tags, V::Text(a.tags.join(", ")), V::Text(b.tags.join(", ")));
    }
    if a.promotions != b.promotions {
        push(
            F::Promotions,
            V::Entries(a.promotions.len()),
            V::Entries(b.promotions.len()),
        );
    }
    if a.interactions != b.interactions {
        push(
            F::Interactions,
            V::Entries(a.interactions.len()),
            V::Entries(b.interactions.len()),
        );
    }
    if a.experiences != b.experiences {
        push(
            F::Experiences,
            V::Entries(a.experiences.len()),
            V::Entries(b.experiences.len()),
        );
    }
    if a.rfm != b.rfm {
        let rfm = |c: &Customer| c.rfm.as_ref().map(|r| (r.recency_days, r.frequency, r.monetary));
        push(F::Rfm, V::Rfm(rfm(a)), V::Rfm(rfm(b)));
    }
    out
}

fn setting_changes(a: &Settings, b: &Settings) -> Vec<SettingChange> {
    let mut out = Vec::new();
    if a.a_threshold_pct.to_bits() != b.a_threshold_pct.to_bits() {
        out.push(SettingChange::AThreshold {
            old: a.a_threshold_pct,
            new: b.a_threshold_pct,
        });
    }
    if a.b_threshold_pct.to_bits() != b.b_threshold_pct.to_bits() {
        out.push(SettingChange::BThreshold {
            old: a.b_threshold_pct,
            new: b.b_threshold_pct,
        });
    }
    if a.growth_threshold != b.growth_threshold {
        out.push(SettingChange::GrowthThreshold {
            old: a.growth_threshold,
            new: b.growth_threshold,
        });
    }
    if a.currency != b.currency || a.currency_symbol != b.currency_symbol {
        out.push(SettingChange::Currency);
    }
    out
}

fn step_change(x: &StepProgress, y: &StepProgress) -> Option<StepChange> {
    let pair = |p: Option<NaiveDate>, q: Option<NaiveDate>| (p != q).then_some((p, q));
    let change = StepChange {
        step: x.step,
        status: (x.status != y.status).then_some((x.status, y.status)),
        progress_pct: (x.progress_pct != y.progress_pct).then_some((x.progress_pct, y.progress_pct)),
        dates: [
            pair(x.planned_start, y.planned_start),
            pair(x.planned_end, y.planned_end),
            pair(x.actual_start, y.actual_start),
            pair(x.actual_end, y.actual_end),
        ],
    };
    let any =
        change.status.is_some() || change.progress_pct.is_some() || change.dates.iter().any(Option::is_some);
    any.then_some(change)
}

fn plan_changes(a: &Scenario, b: &Scenario) -> PlanChanges {
    let steps = StepKind::ALL
        .into_iter()
        .filter_map(|kind| {
            let fresh = StepProgress::new(kind);
            let x = a.plan.step(kind).unwrap_or(&fresh);
            let y = b.plan.step(kind).unwrap_or(&fresh);
            step_change(x, y)
        })
        .collect();
    PlanChanges {
        steps,
        goals: target_changes(&a.plan.goals, &b.plan.goals, |g: &Goal| {
            (&g.id, &g.name, g.target)
        }),
        kpis: target_changes(&a.plan.kpis, &b.plan.kpis, |k: &Kpi| (&k.id, &k.name, k.target)),
    }
}

/// Targets that differ by id, then the ids only on one side (A's first, then B's).
fn target_changes<T>(a: &[T], b: &[T], parts: impl Fn(&T) -> (&String, &String, f64)) -> Vec<TargetChange> {
    let mut out = Vec::new();
    for x in a {
        let (id, name, old) = parts(x);
        match b.iter().map(&parts).find(|(other, _, _)| *other == id) {
            Some((_, new_name, new)) if old.to_bits() != new.to_bits() => out.push(TargetChange {
                id: id.clone(),
                name: new_name.clone(),
                old: Some(old),
                new: Some(new),
            }),
            Some(_) => {}
            None => out.push(TargetChange {
                id: id.clone(),
                name: name.clone(),
                old: Some(old),
                new: None,
            }),
        }
    }
    for y in b {
        let (id, name, new) = parts(y);
        if !a.iter().any(|x| parts(x).0 == id) {
            out.push(TargetChange {
                id: id.clone(),
                name: name.clone(),
                old: None,
                new: Some(new),
            });
        }
    }
    out
}

fn decision(d: &Dispute) -> Option<(Route, NaiveDate)> {
    d.decision.as_ref().map(|x| (x.chosen, x.date))
}

/// Disputes only in B (added), only in A (removed), and in both with another route or decision.
fn dispute_changes(a: &[Dispute], b: &[Dispute]) -> Vec<DisputeChange> {
    let mut out = Vec::new();
    for y in b {
        if !a.iter().any(|x| x.id == y.id) {
            out.push(DisputeChange {
                kind: ChangeKind::Added,
                id: y.id.clone(),
                customer_id: y.customer_id.clone(),
                route_a: None,
                route_b: y.route,
                decision_a: None,
                decision_b: decision(y),
            });
        }
    }
    for x in a {
        match b.iter().find(|y| y.id == x.id) {
            None => out.push(DisputeChange {
                kind: ChangeKind::Removed,
                id: x.id.clone(),
                customer_id: x.customer_id.clone(),
                route_a: x.route,
                route_b: None,
                decision_a: decision(x),
                decision_b: None,
            }),
            Some(y) if x.route != y.route || x.decision != y.decision => out.push(DisputeChange {
                kind: ChangeKind::Changed,
                id: x.id.clone(),
                customer_id: y.customer_id.clone(),
                route_a: x.route,
                route_b: y.route,
                decision_a: decision(x),
                decision_b: decision(y),
            }),
            Some(_) => {}
        }
    }
    // Added, removed, changed, as for customers; file order within each.
    out.sort_by_key(|d| d.kind);
    out
}

/// How the customer-differences table is ordered.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum DiffSort {
    /// Added, removed, changed; file order within each.
    #[default]
    Kind,
    /// Largest loss of profit first.
    ProfitDeltaAscending,
    /// Largest gain of profit first.
    ProfitDeltaDescending,
}

/// The rows of the customer-differences table: indices into `cmp.customers` of the customers of
/// `kind` (all when `None`) whose id, name or a changed field's name (file key or
/// `field_names`, in [`CustomerField::ALL`] order) contains `filter`, ignoring case.
#[must_use]
pub fn diff_rows(
    cmp: &Comparison,
    filter: &str,
    kind: Option<ChangeKind>,
    sort: DiffSort,
    field_names: &[&str; 16],
) -> Vec<usize> {
    let needle = filter.trim().to_lowercase();
    let matches = |c: &CustomerDiff| {
        needle.is_empty()
            || c.id.to_lowercase().contains(&needle)
            || c.name.to_lowercase().contains(&needle)
            || c.fields.iter().any(|f| {
                f.field.key().contains(&needle)
                    || field_names
                        .get(f.field as usize)
                        .is_some_and(|n| n.to_lowercase().contains(&needle))
            })
    };
    let mut rows: Vec<usize> = cmp
        .customers
        .iter()
        .enumerate()
        .filter(|(_, c)| kind.is_none_or(|k| c.kind == k) && matches(c))
        .map(|(i, _)| i)
        .collect();
    let delta = |i: &usize| cmp.customers.get(*i).map_or(0, CustomerDiff::profit_delta);
    match sort {
        DiffSort::Kind => {}
        DiffSort::ProfitDeltaAscending => rows.sort_by_key(|i| (delta(i), *i)),
        DiffSort::ProfitDeltaDescending => rows.sort_by_key(|i| (std::cmp::Reverse(delta(i)), *i)),
    }
    rows
}

/// A's tier counts of the customers that are also in B: the row sums of the migration matrix.
#[must_use]
pub fn row_sums(migration: &[[usize; 3]; 3]) -> [usize; 3] {
    migration.map(|row| row.iter().sum())
}

/// Whether moving from tier `from` to `to` is better (+1), worse (−1) or neither (0) for the firm.
#[must_use]
pub fn migration_direction(from: Tier, to: Tier) -> i8 {
    let rank = |t: Tier| match t {
        Tier::Key => 2_i8,
        Tier::General => 1,
        Tier::LossMaking => 0,
    };
    (rank(to) - rank(from)).signum()
}

/// ABC class counts in the order A, B, C, for the JSON and text reports.
pub const CLASSES: [AbcClass; 3] = [AbcClass::A, AbcClass::B, AbcClass::C];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Decision, DisputeStatus};

    fn customer(id: &str, revenue: i64, cogs: i64, cts: i64, growth: u8) -> Customer {
        Customer {
            id: id.to_owned(),
            name: format!("Customer {id}"),
            revenue: Money::from_major(revenue),
            cost_of_goods: Money::from_major(cogs),
            cost_to_serve: Money::from_major(cts),
            growth_potential: growth,
            ..Customer::default()
        }
    }

    fn scenario(customers: Vec<Customer>) -> Scenario {
        Scenario {
            customers,
            ..Scenario::new(NaiveDate::from_ymd_opt(2026, 1, 1).unwrap_or_default())
        }
    }

    fn sample() -> Scenario {
        let text = include_str!("../../assets/samples/harbor-logistics.ron");
        match crate::store::parse(text, std::path::Path::new("harbor-logistics.ron")) {
            Ok(loaded) => loaded.scenario,
            Err(e) => panic!("the sample must load: {e}"),
        }
    }

    fn set_cts(s: &mut Scenario, id: &str, major: i64) {
        let c = s
            .customers
            .iter_mut()
            .find(|c| c.id == id)
            .unwrap_or_else(|| panic!("{id}"));
        c.cost_to_serve = Money::from_major(major);
    }

    /// The issue's case: C001 costs more (still key), C012 now loses money, C009 no longer does,
    /// C030 removed, C031 added.
    fn sample_changed() -> Scenario {
        let mut b = sample();
        set_cts(&mut b, "C001", 3_000_000); // was 2,000,000: profit 10,000,000 → 9,000,000
        set_cts(&mut b, "C012", 1_260_000); // was 560,000: profit 590,000 → −110,000
        set_cts(&mut b, "C009", 2_000_000); // was 2,850,000: profit −650,000 → 200,000
        b.customers.retain(|c| c.id != "C030");
        b.customers.push(customer("C031", 500_000, 400_000, 50_000, 2)); // profit 50,000
        b
    }

    #[test]
    fn a_scenario_compared_with_itself_shows_no_differences() {
        let a = sample();
        let cmp = compare(&a, &a.clone());
        assert!(cmp.same_content);
        assert!(cmp.customers.is_empty());
        assert_eq!(cmp.field_counts, [0; 16]);
        assert!(cmp.settings.is_empty());
        assert_eq!(cmp.plan, PlanChanges::default());
        assert!(cmp.disputes.is_empty());
        assert_eq!(cmp.totals_a, cmp.totals_b);
        // Only the diagonal: every customer stays in its tier. Sample tiers are 9 / 16 / 5.
        assert_eq!(cmp.migration, [[9, 0, 0], [0, 16, 0], [0, 0, 5]]);
    }

    #[test]
    fn not_a_number_scores_still_compare_equal_to_themselves() {
        let mut c = customer("C1", 100, 50, 10, 3);
        c.value.product = f32::NAN;
        let a = scenario(vec![c]);
        let cmp = compare(&a, &a.clone());
        assert!(cmp.same_content);
        assert!(cmp.customers.is_empty());
    }

    #[test]
    fn the_issue_case_on_the_sample() {
        let a = sample();
        let b = sample_changed();
        let cmp = compare(&a, &b);

        // Worked out by hand from the sample (profits in major units):
        // A: 30 customers, revenue 243,960,000, profit 33,118,000; key 9, general 16, loss 5;
        //    A 6, B 9, C 15.
        assert_eq!(cmp.totals_a.customers, 30);
        assert_eq!(cmp.totals_a.revenue, 24_396_000_000);
        assert_eq!(cmp.totals_a.profit, 3_311_800_000);
        assert_eq!(cmp.totals_a.tiers, [9, 16, 5]);
        assert_eq!(cmp.totals_a.classes, [6, 9, 15]);
        // B: −C030 (revenue 310,000, profit 33,000), +C031 (500,000 / 50,000);
        //    profit −1,000,000 (C001) −700,000 (C012) +850,000 (C009).
        assert_eq!(cmp.totals_b.customers, 30);
        assert_eq!(cmp.totals_b.revenue, 24_415_000_000);
        assert_eq!(cmp.totals_b.profit, 3_228_500_000);
        // C012 joins the loss-makers, C009 leaves them; C030 (general) out, C031 (general) in.
        assert_eq!(cmp.totals_b.tiers, [9, 16, 5]);
        // Positive profit 34,025,000: A is still the top 6; B ends after C019 (cumulative
        // 32,330,000 ≥ 95 % = 32,323,750), one fewer than before since C012 left it.
        assert_eq!(cmp.totals_b.classes, [6, 8, 16]);

        assert_eq!(cmp.customer_counts(), [1, 1, 3]);
        let ids = |kind| -> Vec<&str> {
            cmp.customers
                .iter()
                .filter(|c| c.kind == kind)
                .map(|c| c.id.as_str())
                .collect()
        };
        assert_eq!(ids(ChangeKind::Added), ["C031"]);
        assert_eq!(ids(ChangeKind::Removed), ["C030"]);
        assert_eq!(ids(ChangeKind::Changed), ["C001", "C009", "C012"]);
        let mut expected_counts = [0; 16];
        expected_counts[CustomerField::CostToServe as usize] = 3;
        assert_eq!(cmp.field_counts, expected_counts);

        let c012 = cmp
            .customers
            .iter()
            .find(|c| c.id == "C012")
            .unwrap_or_else(|| panic!("C012"));
        assert_eq!(
            c012.fields,
            [FieldChange {
                field: CustomerField::CostToServe,
                old: FieldValue::Money(Money::from_major(560_000)),
                new: FieldValue::Money(Money::from_major(1_260_000)),
            }]
        );
        assert_eq!(
            (c012.tier_a, c012.tier_b),
            (Some(Tier::General), Some(Tier::LossMaking))
        );
        assert_eq!(c012.profit_delta(), -70_000_000);

        // Rows A, columns B: key 9 stay; general 14 stay, 1 to loss (C012); loss 4 stay, 1 to
        // general (C009).
        assert_eq!(cmp.migration, [[9, 0, 0], [0, 14, 1], [0, 1, 4]]);
        // Row sums = A's tier counts without the removed (general) C030.
        assert_eq!(row_sums(&cmp.migration), [9, 15, 5]);
        let member_ids = |from, to| -> Vec<&str> {
            cmp.members(from, to)
                .iter()
                .map(|m| a.customers[m.a].id.as_str())
                .collect()
        };
        assert_eq!(member_ids(Tier::General, Tier::LossMaking), ["C012"]);
        assert_eq!(member_ids(Tier::LossMaking, Tier::General), ["C009"]);

        assert!(cmp.plan.steps.is_empty() && cmp.disputes.is_empty() && cmp.settings.is_empty());
        assert!(!cmp.same_content);
    }

    #[test]
    fn saved_groups_are_content() {
        let a = sample();
        let mut b = a.clone();
        b.groups.push(crate::model::groups::SavedGroup {
            name: "Port accounts".into(),
            ..crate::model::groups::SavedGroup::default()
        });
        assert!(!compare(&a, &b).same_content, "a saved group is content");
    }

    #[test]
    fn customers_in_another_order_match_by_id() {
        let a = sample();
        let mut b = a.clone();
        b.customers.reverse();
        let cmp = compare(&a, &b);
        assert!(cmp.customers.is_empty());
        assert!(cmp.same_content, "the order of customers is not content");
        assert_eq!(cmp.migration, [[9, 0, 0], [0, 16, 0], [0, 0, 5]]);
        // Repeated ids off their index: X at 0 and 2 in A, at 1 and 2 in B.
        let x = |revenue| customer("X", revenue, 0, 0, 3);
        let a = scenario(vec![x(1), customer("Y", 5, 0, 0, 3), x(2)]);
        let b = scenario(vec![customer("Y", 5, 0, 0, 3), x(1), x(2)]);
        let cmp = compare(&a, &b);
        assert!(cmp.customers.is_empty(), "{:?}", cmp.customers);
    }

    #[test]
    fn a_changed_id_is_one_removed_and_one_added() {
        let a = scenario(vec![
            customer("C1", 100, 50, 10, 3),
            customer("C2", 100, 50, 10, 3),
        ]);
        let mut b = a.clone();
        b.customers[1].id = "C2-NEW".into();
        let cmp = compare(&a, &b);
        assert_eq!(cmp.customer_counts(), [1, 1, 0]);
        assert_eq!(cmp.customers[0].id, "C2-NEW");
        assert_eq!(cmp.customers[1].id, "C2");
        assert_eq!(row_sums(&cmp.migration).iter().sum::<usize>(), 1);
    }

    #[test]
    fn repeated_ids_pair_up_in_order() {
        // Two "C1" in A, three in B: two matched, one added; the second C1 changed revenue.
        let a = scenario(vec![
            customer("C1", 100, 50, 10, 3),
            customer("C1", 200, 50, 10, 3),
        ]);
        let b = scenario(vec![
            customer("C1", 100, 50, 10, 3),
            customer("C1", 300, 50, 10, 3),
            customer("C1", 400, 50, 10, 3),
        ]);
        let cmp = compare(&a, &b);
        assert_eq!(cmp.customer_counts(), [1, 0, 1]);
        assert_eq!(cmp.customers[0].b, Some(2));
        assert_eq!(cmp.customers[1].fields[0].field, CustomerField::Revenue);
    }

    #[test]
    fn field_changes_table() {
        type Edit = fn(&mut Customer);
        let base = customer("C1", 100, 50, 10, 3);
        let cases: [(Edit, CustomerField, FieldValue, FieldValue); 6] = [
            (
                |c| c.name = "New".into(),
                CustomerField::Name,
                FieldValue::Text("Customer C1".into()),
                FieldValue::Text("New".into()),
            ),
            (
                |c| c.growth_potential = 5,
                CustomerField::GrowthPotential,
                FieldValue::Score(3),
                FieldValue::Score(5),
            ),
            (
                |c| c.revenue = Money(12_345),
                CustomerField::Revenue,
                FieldValue::Money(Money(10_000)),
                FieldValue::Money(Money(12_345)),
            ),
            (
                |c| c.tags = vec!["port".into(), "cold".into()],
                CustomerField::Tags,
                FieldValue::Text(String::new()),
                FieldValue::Text("port, cold".into()),
            ),
            (
                |c| c.promotions.push(crate::model::Promotion::default()),
                CustomerField::Promotions,
                FieldValue::Entries(0),
                FieldValue::Entries(1),
            ),
            (
                |c| {
                    c.tier_override = Some(TierOverride {
                        tier: Tier::Key,
                        reason: "anchor".into(),
                    });
                },
                CustomerField::TierOverride,
                FieldValue::Override(None),
                FieldValue::Override(Some(Tier::Key)),
            ),
        ];
        for (edit, field, old, new) in cases {
            let mut changed = base.clone();
            edit(&mut changed);
            assert_eq!(
                customer_fields(&base, &changed),
                [FieldChange {
                    field,
                    old: old.clone(),
                    new: new.clone()
                }],
                "{field:?}"
            );
        }
    }

    #[test]
    fn thresholds_move_tiers_without_changing_customers() {
        // Profits 400, 100, 50 (growth 2 each); positive total 550. At A = 80 % the top two are
        // A (400 alone is short of 440); at A = 50 % only the first is.
        let a = scenario(vec![
            customer("C1", 1000, 500, 100, 2),
            customer("C2", 500, 300, 100, 2),
            customer("C3", 300, 200, 50, 2),
        ]);
        let mut b = a.clone();
        b.settings.a_threshold_pct = 50.0;
        let cmp = compare(&a, &b);
        assert!(cmp.customers.is_empty());
        assert_eq!(cmp.settings, [SettingChange::AThreshold { old: 80.0, new: 50.0 }]);
        assert_eq!(cmp.migration, [[1, 1, 0], [0, 1, 0], [0, 0, 0]]);
        assert!(!cmp.same_content);
    }

    #[test]
    fn plan_changes_table() {
        let a = sample();
        let mut b = a.clone();
        // Step 4 (strategy): progress; step 5: status and planned end; goal G2 target; KPI K1
        // target; a new KPI K5.
        b.plan.steps[3].progress_pct = 80;
        b.plan.steps[4].status = StepStatus::Blocked;
        b.plan.steps[4].planned_end = NaiveDate::from_ymd_opt(2027, 3, 1);
        b.plan.steps[6].notes = "notes are not counted".into();
        b.plan.goals[1].target = 8.5;
        b.plan.goals[2].name = "a renamed goal is not a target change".into();
        b.plan.kpis[0].target = 97.0;
        b.plan.kpis.push(Kpi {
            id: "K5".into(),
            name: "Claims".into(),
            target: 1.0,
            ..Kpi::default()
        });
        let cmp = compare(&a, &b);
        let steps: Vec<StepKind> = cmp.plan.steps.iter().map(|s| s.step).collect();
        assert_eq!(steps, [StepKind::Strategy, StepKind::PlanAndTrain]);
        let strategy = &cmp.plan.steps[0];
        assert_eq!(strategy.progress_pct.map(|p| p.1), Some(80));
        assert_eq!(strategy.status, None);
        let plan_train = &cmp.plan.steps[1];
        assert_eq!(plan_train.status.map(|s| s.1), Some(StepStatus::Blocked));
        assert_eq!(
            plan_train.dates[1].map(|d| d.1),
            Some(NaiveDate::from_ymd_opt(2027, 3, 1))
        );
        assert_eq!(cmp.plan.goals.len(), 1);
        assert_eq!(cmp.plan.goals[0].id, "G2");
        assert_eq!(
            (cmp.plan.goals[0].old, cmp.plan.goals[0].new),
            (Some(9.0), Some(8.5))
        );
        let kpis: Vec<(&str, Option<f64>, Option<f64>)> = cmp
            .plan
            .kpis
            .iter()
            .map(|k| (k.id.as_str(), k.old, k.new))
            .collect();
        assert_eq!(kpis, [("K1", Some(96.0), Some(97.0)), ("K5", None, Some(1.0))]);
        assert!(cmp.customers.is_empty());
    }

    #[test]
    fn dispute_changes_table() {
        let a = sample();
        let mut b = a.clone();
        let date = NaiveDate::from_ymd_opt(2026, 11, 1).unwrap_or_default();
        // D001: route changed; D002: removed; D003: facts edited only (not listed); D005 added.
        b.disputes[0].route = Some(Route::Mediation);
        let removed = b.disputes.remove(1);
        b.disputes[1].facts.push_str(" More facts.");
        b.disputes.push(Dispute {
            id: "D005".into(),
            customer_id: "C005".into(),
            status: DisputeStatus::Open,
            decision: Some(Decision {
                date,
                tier: Tier::Key,
                recommended: Route::Negotiation,
                order: vec![Route::Negotiation],
                chosen: Route::Negotiation,
            }),
            ..Dispute::default()
        });
        let cmp = compare(&a, &b);
        assert_eq!(cmp.dispute_counts(), [1, 1, 1]);
        let listed: Vec<(ChangeKind, &str)> = cmp.disputes.iter().map(|d| (d.kind, d.id.as_str())).collect();
        assert_eq!(
            listed,
            [
                (ChangeKind::Added, "D005"),
                (ChangeKind::Removed, removed.id.as_str()),
                (ChangeKind::Changed, "D001"),
            ]
        );
        assert_eq!(cmp.disputes[0].decision_b, Some((Route::Negotiation, date)));
        assert_eq!(cmp.disputes[2].route_b, Some(Route::Mediation));
        assert!(!cmp.same_content);
    }

    #[test]
    fn difference_rows_filter_and_sort() {
        let cmp = compare(&sample(), &sample_changed());
        let names = CustomerField::ALL.map(CustomerField::key);
        let ids =
            |rows: Vec<usize>| -> Vec<String> { rows.iter().map(|&i| cmp.customers[i].id.clone()).collect() };
        // Profit deltas: C031 +50,000, C030 −33,000, C001 −1,000,000, C009 +850,000,
        // C012 −700,000.
        assert_eq!(
            ids(diff_rows(&cmp, "", None, DiffSort::ProfitDeltaAscending, &names)),
            ["C001", "C012", "C030", "C031", "C009"]
        );
        assert_eq!(
            ids(diff_rows(&cmp, "", None, DiffSort::ProfitDeltaDescending, &names)),
            ["C009", "C031", "C030", "C012", "C001"]
        );
        assert_eq!(
            ids(diff_rows(
                &cmp,
                "",
                Some(ChangeKind::Changed),
                DiffSort::Kind,
                &names
            )),
            ["C001", "C009", "C012"]
        );
        assert_eq!(
            ids(diff_rows(&cmp, "c03", None, DiffSort::Kind, &names)),
            ["C031", "C030"]
        );
        assert_eq!(
            ids(diff_rows(
                &cmp,
                "COST_TO",
                Some(ChangeKind::Changed),
                DiffSort::Kind,
                &names
            ))
            .len(),
            3
        );
        assert!(diff_rows(&cmp, "no such customer", None, DiffSort::Kind, &names).is_empty());
    }

    #[test]
    fn dispute_counts_count_each_kind() {
        // Two disputes added, none removed or changed: [added, removed, changed] = [2, 0, 0].
        let a = sample();
        let mut b = a.clone();
        for id in ["D005", "D006"] {
            b.disputes.push(Dispute {
                id: id.into(),
                customer_id: "C005".into(),
                ..Dispute::default()
            });
        }
        assert_eq!(compare(&a, &b).dispute_counts(), [2, 0, 0]);
    }

    #[test]
    fn a_changed_value_score_is_a_value_change_with_both_sets_of_scores() {
        let a = customer("C1", 100, 50, 10, 3);
        let mut b = a.clone();
        // The default scores are 5 each; the image score (the fourth) becomes 8.
        b.value.image = 8.0;
        let mut new = [5.0_f32; 8];
        new[3] = 8.0;
        assert_eq!(
            customer_fields(&a, &b),
            [FieldChange {
                field: CustomerField::Value,
                old: FieldValue::Scores([5.0; 8]),
                new: FieldValue::Scores(new),
            }]
        );
        assert!(customer_fields(&a, &a.clone()).is_empty());
    }

    #[test]
    fn a_new_currency_symbol_alone_or_code_alone_is_a_currency_change() {
        let a = Settings::default();
        let mut symbol = a.clone();
        symbol.currency_symbol = "US$".into();
        assert_eq!(setting_changes(&a, &symbol), [SettingChange::Currency]);
        let mut code = a.clone();
        code.currency = "USD".into();
        assert_eq!(setting_changes(&a, &code), [SettingChange::Currency]);
        assert!(setting_changes(&a, &a.clone()).is_empty());
    }

    #[test]
    fn difference_rows_are_found_by_a_fields_shown_name_or_its_file_key() {
        // Three customers changed their cost to serve; the table shows that field's name in
        // Chinese, which is not its file key.
        let cmp = compare(&sample(), &sample_changed());
        let mut names = CustomerField::ALL.map(CustomerField::key);
        names[CustomerField::CostToServe as usize] = "服務成本";
        let changed = Some(ChangeKind::Changed);
        assert_eq!(
            diff_rows(&cmp, "服務成本", changed, DiffSort::Kind, &names).len(),
            3
        );
        assert_eq!(
            diff_rows(&cmp, "cost_to", changed, DiffSort::Kind, &names).len(),
            3
        );
    }

    #[test]
    fn directions_of_migration() {
        assert_eq!(migration_direction(Tier::General, Tier::Key), 1);
        assert_eq!(migration_direction(Tier::Key, Tier::LossMaking), -1);
        assert_eq!(migration_direction(Tier::LossMaking, Tier::General), 1);
        assert_eq!(migration_direction(Tier::General, Tier::General), 0);
    }
}
