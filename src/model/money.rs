//! Money as integer minor units (cents / 分). Never a float in the file.

use serde::{Deserialize, Serialize};

/// An amount of money in minor units of the scenario's currency (1/100 of the major unit).
///
/// Stored in RON as a plain integer, e.g. `revenue: 125000000` is 1,250,000.00.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Money(pub i64);

/// Amounts above this (one trillion major units) are treated as data-entry mistakes.
pub const MONEY_PLAUSIBLE_LIMIT: Money = Money(100_000_000_000_000);

impl Money {
    pub const ZERO: Self = Self(0);

    /// From whole major units (e.g. yuan), saturating.
    #[must_use]
    pub const fn from_major(major: i64) -> Self {
        Self(major.saturating_mul(100))
    }

    #[must_use]
    pub const fn minor(self) -> i64 {
        self.0
    }

    /// Decimal value in the major unit, for charts and JSON.
    #[must_use]
    pub fn as_major_f64(self) -> f64 {
        self.0 as f64 / 100.0
    }

    #[must_use]
    pub const fn is_negative(self) -> bool {
        self.0 < 0
    }

    /// Parses "1,234.56", "-12", "¥ 3 000.5". At most two decimals.
    #[must_use]
    pub fn parse(text: &str) -> Option<Self> {
        let cleaned: String = text
            .chars()
            .filter(|c| !matches!(c, ',' | ' ' | '_' | '¥' | '$' | '€' | '£' | '\u{a0}'))
            .collect();
        let (negative, digits) = match cleaned.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, cleaned.as_str()),
        };
        let (whole, frac) = digits.split_once('.').unwrap_or((digits, ""));
        if whole.is_empty() && frac.is_empty() {
            return None;
        }
        if !whole.chars().all(|c| c.is_ascii_digit()) || !frac.chars().all(|c| c.is_ascii_digit()) {
            return None;
        }
        if frac.len() > 2 {
            return None;
        }
        let whole: i64 = if whole.is_empty() { 0 } else { whole.parse().ok()? };
        let frac_cents: i64 = match frac.len() {
            0 => 0,
            1 => frac.parse::<i64>().ok()? * 10,
            _ => frac.parse().ok()?,
        };
        let cents = whole.checked_mul(100)?.checked_add(frac_cents)?;
        Some(Self(if negative { -cents } else { cents }))
    }
}

/// A sum of many amounts; wide enough that 100,000 maximal amounts cannot overflow.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord)]
pub struct MoneySum(pub i128);

impl MoneySum {
    #[must_use]
    pub fn as_major_f64(self) -> f64 {
        self.0 as f64 / 100.0
    }
}

impl std::iter::Sum<Money> for MoneySum {
    fn sum<I: Iterator<Item = Money>>(iter: I) -> Self {
        Self(iter.map(|m| i128::from(m.0)).sum())
    }
}

impl std::iter::Sum<Self> for MoneySum {
    fn sum<I: Iterator<Item = Self>>(iter: I) -> Self {
        Self(iter.map(|m| m.0).sum())
    }
}

/// Formats minor units with thousands separators and two decimals: `-1,234.50`.
#[must_use]
pub fn format_minor(minor: i128) -> String {
    let negative = minor < 0;
    let abs = minor.unsigned_abs();
    let whole = abs / 100;
    let cents = abs % 100;
    let digits = whole.to_string();
    let mut grouped = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            grouped.push(',');
        }
        grouped.push(c);
    }
    format!("{}{grouped}.{cents:02}", if negative { "-" } else { "" })
}

/// An amount as the app shows it everywhere (tables, report, command line): the currency
/// symbol, thousands separators, whole units when there are no cents, and the minus sign in
/// front of the symbol: `-¥2,900,000`, `¥12,345.50`.
#[must_use]
pub fn money_text(symbol: &str, amount: Money) -> String {
    let text = amount.to_string();
    let text = text.strip_suffix(".00").unwrap_or(&text);
    match text.strip_prefix('-') {
        Some(positive) => format!("-{symbol}{positive}"),
        None => format!("{symbol}{text}"),
    }
}

impl std::fmt::Display for Money {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&format_minor(i128::from(self.0)))
    }
}

impl std::fmt::Display for MoneySum {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&format_minor(self.0))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A sign may only lead the whole amount: "+5" and "1.+5" are not amounts.
    #[test]
    fn signs_inside_the_digits_are_refused() {
        for text in ["+5", "1.+5", "1.-5", "--5", "1-"] {
            assert_eq!(Money::parse(text), None, "{text}");
        }
    }

    #[test]
    fn sums_add_show_and_convert() {
        let total: MoneySum = [MoneySum(123_456), MoneySum(-1)].into_iter().sum();
        assert_eq!(total, MoneySum(123_455));
        assert_eq!(total.to_string(), "1,234.55");
        assert_eq!(MoneySum(-123_456).to_string(), "-1,234.56");
        assert!((MoneySum(12_345).as_major_f64() - 123.45).abs() < 1e-9);
        assert!((MoneySum(-50).as_major_f64() + 0.5).abs() < 1e-9);
        let from_amounts: MoneySum = [Money(i64::MAX), Money(i64::MAX)].into_iter().sum();
        assert_eq!(
            from_amounts,
            MoneySum(2 * i128::from(i64::MAX)),
            "never overflows"
        );
    }

    #[test]
    fn parse_table() {
        let cases = [
            ("0", Some(0)),
            ("12", Some(1200)),
            ("12.5", Some(1250)),
            ("12.05", Some(1205)),
            ("-3.10", Some(-310)),
            ("1,234,567.89", Some(123_456_789)),
            ("¥ 3 000", Some(300_000)),
            (".5", Some(50)),
            ("", None),
            ("-", None),
            ("abc", None),
            ("1.234", None),
            ("1e5", None),
            ("NaN", None),
            ("99999999999999999999", None),
        ];
        for (text, expected) in cases {
            assert_eq!(Money::parse(text).map(Money::minor), expected, "parsing {text:?}");
        }
    }

    #[test]
    fn format_table() {
        assert_eq!(format_minor(0), "0.00");
        assert_eq!(format_minor(5), "0.05");
        assert_eq!(format_minor(123_456_789), "1,234,567.89");
        assert_eq!(format_minor(-100_000), "-1,000.00");
        assert_eq!(Money(i64::MIN).to_string(), "-92,233,720,368,547,758.08");
    }

    #[test]
    fn the_apps_money_format() {
        assert_eq!(money_text("¥", Money::from_major(-2_900_000)), "-¥2,900,000");
        assert_eq!(money_text("¥", Money(1_234_550)), "¥12,345.50");
        assert_eq!(money_text("$", Money::ZERO), "$0");
    }

    #[test]
    fn sums_do_not_overflow() {
        let total: MoneySum = std::iter::repeat_n(Money(i64::MAX), 100_000).sum();
        assert_eq!(total.0, i128::from(i64::MAX) * 100_000);
    }
}
