//! The customer list of a format-3 file: one customer per line, log entries one per line.
//!
//! ```text
//!   customers: [
//!     (id: "C001", name: "Blue Harbor", industry: "Retail", region: "East", revenue: 120000000, cost_of_goods: 80000000, cost_to_serve: 10000000, growth_potential: 3),
//!     (id: "C002", name: "Small Drops", industry: "", region: "", revenue: 5000000, cost_of_goods: 3000000, cost_to_serve: 2500000, growth_potential: 2, tags: ["retail"],
//!       promotions: [
//!         (date: "2025-03-10", campaign: "Spring renewal", channel: "Email", responded: true, note: ""),
//!       ],
//!     ),
//!   ],
//! ```
//!
//! Each row is an ordinary RON struct with field names, so any RON reader (and a person) can
//! read it. Fields come in a fixed order: `id`, `name`, `industry`, `region`, `contact`,
//! `since`, `revenue`, `cost_of_goods`, `cost_to_serve`, `growth_potential`, `value`,
//! `tier_override`, `tags`, `rfm`, then the logs `promotions`, `interactions` and
//! `experiences`. Optional fields that hold nothing are left out, as before. A customer with
//! co-creation logs continues on the next lines, one log entry per line, so adding an entry adds
//! one line and changing a field changes one line.
//!
//! Strings are escaped exactly as ron escapes them (`char::escape_debug`).

use std::fmt::Write as _;

use crate::model::{Customer, Experience, Interaction, Promotion, Rfm, Tier, TierOverride, ValueScores};

/// Indentation of a customer row inside `customers: [ … ]`.
pub const ROW_INDENT: &str = "    ";

/// Appends `customer` as one row (and its log lines), ending with `,\n`.
pub fn write_customer(out: &mut String, customer: &Customer) {
    // Destructured without `..` so that a new field fails to compile here until it is written.
    let Customer {
        id,
        name,
        industry,
        region,
        contact,
        since,
        revenue,
        cost_of_goods,
        cost_to_serve,
        growth_potential,
        value,
        tier_override,
        tags,
        promotions,
        interactions,
        experiences,
        rfm,
    } = customer;
    out.push_str(ROW_INDENT);
    out.push_str("(id: ");
    string(out, id);
    out.push_str(", name: ");
    string(out, name);
    out.push_str(", industry: ");
    string(out, industry);
    out.push_str(", region: ");
    string(out, region);
    if !contact.is_empty() {
        out.push_str(", contact: ");
        string(out, contact);
    }
    if let Some(since) = since {
        out.push_str(", since: ");
        date(out, *since);
    }
    let mut digits = itoa::Buffer::new();
    out.push_str(", revenue: ");
    out.push_str(digits.format(revenue.0));
    out.push_str(", cost_of_goods: ");
    out.push_str(digits.format(cost_of_goods.0));
    out.push_str(", cost_to_serve: ");
    out.push_str(digits.format(cost_to_serve.0));
    out.push_str(", growth_potential: ");
    out.push_str(digits.format(*growth_potential));
    if !value.is_unscored() {
        out.push_str(", value: ");
        value_scores(out, value);
    }
    if let Some(TierOverride { tier, reason }) = tier_override {
        out.push_str(", tier_override: (tier: ");
        out.push_str(tier_name(*tier));
        out.push_str(", reason: ");
        string(out, reason);
        out.push(')');
    }
    if !tags.is_empty() {
        out.push_str(", tags: [");
        for (i, tag) in tags.iter().enumerate() {
            if i > 0 {
                out.push_str(", ");
            }
            string(out, tag);
        }
        out.push(']');
    }
    if let Some(Rfm {
        reference_date,
        recency_days,
        frequency,
        monetary,
    }) = rfm
    {
        out.push_str(", rfm: (reference_date: ");
        date(out, *reference_date);
        out.push_str(", recency_days: ");
        out.push_str(digits.format(*recency_days));
        out.push_str(", frequency: ");
        out.push_str(digits.format(*frequency));
        out.push_str(", monetary: ");
        out.push_str(digits.format(monetary.0));
        out.push(')');
    }
    if promotions.is_empty() && interactions.is_empty() && experiences.is_empty() {
        out.push_str("),\n");
        return;
    }
    out.push_str(",\n");
    log(out, "promotions", promotions, promotion);
    log(out, "interactions", interactions, interaction);
    log(out, "experiences", experiences, experience);
    out.push_str(ROW_INDENT);
    out.push_str("),\n");
}

fn log<T>(out: &mut String, name: &str, entries: &[T], entry: fn(&mut String, &T)) {
    if entries.is_empty() {
        return;
    }
    let _ = writeln!(out, "{ROW_INDENT}  {name}: [");
    for e in entries {
        out.push_str(ROW_INDENT);
        out.push_str("    ");
        entry(out, e);
        out.push_str(",\n");
    }
    let _ = writeln!(out, "{ROW_INDENT}  ],");
}

fn promotion(out: &mut String, p: &Promotion) {
    let Promotion {
        date: day,
        campaign,
        channel,
        responded,
        note,
    } = p;
    out.push_str("(date: ");
    optional_date(out, *day);
    out.push_str(", campaign: ");
    string(out, campaign);
    out.push_str(", channel: ");
    string(out, channel);
    let _ = write!(out, ", responded: {responded}, note: ");
    string(out, note);
    out.push(')');
}

fn interaction(out: &mut String, i: &Interaction) {
    let Interaction {
        date: day,
        staff,
        channel,
        summary,
        follow_up,
    } = i;
    out.push_str("(date: ");
    optional_date(out, *day);
    out.push_str(", staff: ");
    string(out, staff);
    out.push_str(", channel: ");
    string(out, channel);
    out.push_str(", summary: ");
    string(out, summary);
    out.push_str(", follow_up: ");
    string(out, follow_up);
    out.push(')');
}

fn experience(out: &mut String, e: &Experience) {
    let Experience {
        date: day,
        touch_point,
        satisfaction,
        note,
    } = e;
    out.push_str("(date: ");
    optional_date(out, *day);
    out.push_str(", touch_point: ");
    string(out, touch_point);
    let _ = write!(out, ", satisfaction: {satisfaction}, note: ");
    string(out, note);
    out.push(')');
}

fn value_scores(out: &mut String, v: &ValueScores) {
    out.push('(');
    for (i, (name, score)) in v.named().iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        out.push_str(name);
        out.push_str(": ");
        float(out, *score);
    }
    out.push(')');
}

/// The name ron gives each tier.
#[must_use]
pub fn tier_name(tier: Tier) -> &'static str {
    match tier {
        Tier::Key => "Key",
        Tier::General => "General",
        Tier::LossMaking => "LossMaking",
    }
}

/// An `f32` as ron writes it: shortest round-trip digits, always with a `.` or exponent.
fn float(out: &mut String, v: f32) {
    if v.is_nan() {
        out.push_str("NaN");
    } else if v.is_infinite() {
        out.push_str(if v > 0.0 { "inf" } else { "-inf" });
    } else {
        // `{:?}` prints 5.0 (not 5) and 1e20; both read back as the same f32.
        let _ = write!(out, "{v:?}");
    }
}

/// A date as chrono writes it, `"YYYY-MM-DD"`; the common years without the formatter.
fn date(out: &mut String, d: chrono::NaiveDate) {
    use chrono::Datelike as _;
    out.push('"');
    let (year, month, day) = (d.year(), d.month(), d.day());
    if (1000..=9999).contains(&year) {
        let digit = |n: u32| char::from(b'0' + (n % 10) as u8);
        let year = year.unsigned_abs();
        out.extend([
            digit(year / 1000),
            digit(year / 100),
            digit(year / 10),
            digit(year),
            '-',
            digit(month / 10),
            digit(month),
            '-',
            digit(day / 10),
            digit(day),
        ]);
    } else {
        let _ = write!(out, "{d}");
    }
    out.push('"');
}

fn optional_date(out: &mut String, d: Option<chrono::NaiveDate>) {
    match d {
        Some(d) => date(out, d),
        None => out.push_str("None"),
    }
}

/// A RON string, escaped like ron's own serializer does.
fn string(out: &mut String, s: &str) {
    out.push('"');
    let plain = s
        .bytes()
        .all(|b| (0x20..0x7f).contains(&b) && b != b'"' && b != b'\\' && b != b'\'');
    if plain {
        out.push_str(s);
    } else {
        out.extend(s.chars().flat_map(char::escape_debug));
    }
    out.push('"');
}
