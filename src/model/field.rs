//! Values the user types as text: an amount of money, a percentage, a date, a whole number.
//!
//! Each kind says how its value is written into a field and read back, and why a text is
//! refused. The UI's typed field keeps what the user types and applies only what reads here.

use chrono::NaiveDate;

use super::{Money, money_text};

/// Why a typed text is not a value of its kind.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum FieldProblem {
    NotAnAmount,
    NegativeAmount,
    NotANumber,
    /// A number outside `min..=max` (a percentage or a whole number).
    OutOfRange {
        min: f64,
        max: f64,
    },
    NotADate,
    /// The date may not be left empty.
    DateNeeded,
}

/// A kind of typed value: how it is written as text and read back.
pub trait FieldKind {
    type Value: Clone + PartialEq + Send + Sync + 'static;
    /// Why a text was refused.
    type Problem: Clone;

    /// The text a field shows for `value`, which `parse` reads back as the same value.
    fn format(&self, value: &Self::Value) -> String;

    /// The value `text` stands for, or why it stands for none.
    fn parse(&self, text: &str) -> Result<Self::Value, Self::Problem>;
}

/// An amount of money: "1,234.50", "¥ 3 000", "-12" (thousands separators, at most two
/// decimals). Shown without ".00".
#[derive(Clone, Copy, Debug, Default)]
pub struct MoneyKind {
    /// A profit may be negative; an amount claimed may not.
    pub negative: bool,
}

impl FieldKind for MoneyKind {
    type Value = Money;
    type Problem = FieldProblem;

    fn format(&self, value: &Money) -> String {
        money_text("", *value)
    }

    fn parse(&self, text: &str) -> Result<Money, FieldProblem> {
        let money = Money::parse(text.trim()).ok_or(FieldProblem::NotAnAmount)?;
        if money.is_negative() && !self.negative {
            Err(FieldProblem::NegativeAmount)
        } else {
            Ok(money)
        }
    }
}

/// A percentage within `min..=max`, "12.5" or "12.5 %", kept to `decimals` places.
#[derive(Clone, Copy, Debug)]
pub struct PercentKind {
    pub min: f64,
    pub max: f64,
    pub decimals: u8,
}

impl PercentKind {
    /// A whole percentage from 0 to 100.
    pub const WHOLE: Self = Self {
        min: 0.0,
        max: 100.0,
        decimals: 0,
    };
}

impl FieldKind for PercentKind {
    type Value = f64;
    type Problem = FieldProblem;

    fn format(&self, value: &f64) -> String {
        let text = format!("{value:.prec$}", prec = usize::from(self.decimals));
        let text = if text.contains('.') {
            text.trim_end_matches('0').trim_end_matches('.').to_owned()
        } else {
            text
        };
        format!("{text} %")
    }

    fn parse(&self, text: &str) -> Result<f64, FieldProblem> {
        let number = text.trim().trim_end_matches(['%', '％']).trim();
        let value: f64 = number.parse().map_err(|_| FieldProblem::NotANumber)?;
        if !value.is_finite() {
            return Err(FieldProblem::NotANumber);
        }
        let scale = 10_f64.powi(i32::from(self.decimals));
        let value = (value * scale).round() / scale;
        if (self.min..=self.max).contains(&value) {
            Ok(value)
        } else {
            Err(FieldProblem::OutOfRange {
                min: self.min,
                max: self.max,
            })
        }
    }
}

/// A date written YYYY-MM-DD; empty is no date unless one is `required`.
#[derive(Clone, Copy, Debug, Default)]
pub struct DateKind {
    pub required: bool,
}

impl FieldKind for DateKind {
    type Value = Option<NaiveDate>;
    type Problem = FieldProblem;

    fn format(&self, value: &Option<NaiveDate>) -> String {
        value
            .map(|d| d.format("%Y-%m-%d").to_string())
            .unwrap_or_default()
    }

    fn parse(&self, text: &str) -> Result<Option<NaiveDate>, FieldProblem> {
        let text = text.trim();
        if text.is_empty() {
            return if self.required {
                Err(FieldProblem::DateNeeded)
            } else {
                Ok(None)
            };
        }
        NaiveDate::parse_from_str(text, "%Y-%m-%d")
            .map(Some)
            .map_err(|_| FieldProblem::NotADate)
    }
}

/// A whole number within `min..=max`.
#[derive(Clone, Copy, Debug)]
pub struct IntegerKind {
    pub min: i64,
    pub max: i64,
}

impl FieldKind for IntegerKind {
    type Value = i64;
    type Problem = FieldProblem;

    fn format(&self, value: &i64) -> String {
        value.to_string()
    }

    fn parse(&self, text: &str) -> Result<i64, FieldProblem> {
        let value: i64 = text.trim().parse().map_err(|_| FieldProblem::NotANumber)?;
        if (self.min..=self.max).contains(&value) {
            Ok(value)
        } else {
            Err(FieldProblem::OutOfRange {
                min: self.min as f64,
                max: self.max as f64,
            })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every kind reads back what it writes.
    fn round_trips<K: FieldKind>(kind: &K, values: &[K::Value])
    where
        K::Value: std::fmt::Debug,
        K::Problem: std::fmt::Debug,
    {
        for value in values {
            let text = kind.format(value);
            assert_eq!(kind.parse(&text).ok().as_ref(), Some(value), "{text}");
        }
    }

    #[test]
    fn values_round_trip_through_their_text() {
        round_trips(
            &MoneyKind { negative: true },
            &[Money(0), Money(123_456_789), Money(-1_050), Money(1)],
        );
        round_trips(
            &PercentKind {
                min: 0.0,
                max: 100.0,
                decimals: 1,
            },
            &[0.0, 12.5, 100.0],
        );
        round_trips(
            &DateKind { required: false },
            &[None, NaiveDate::from_ymd_opt(2024, 2, 29)],
        );
        round_trips(&IntegerKind { min: 0, max: 240 }, &[0, 18, 240]);
    }

    #[test]
    fn texts_are_refused_with_their_reason() {
        let amount = MoneyKind { negative: false };
        assert_eq!(amount.parse("1,234.50"), Ok(Money(123_450)));
        assert_eq!(amount.parse("abc"), Err(FieldProblem::NotAnAmount));
        assert_eq!(amount.parse("-5"), Err(FieldProblem::NegativeAmount));
        assert_eq!(MoneyKind { negative: true }.parse("-5"), Ok(Money(-500)));

        let pct = PercentKind::WHOLE;
        assert_eq!(pct.parse("37 %"), Ok(37.0));
        assert_eq!(pct.parse("37.4"), Ok(37.0));
        assert_eq!(pct.parse("ten"), Err(FieldProblem::NotANumber));
        assert_eq!(pct.parse("NaN"), Err(FieldProblem::NotANumber));
        assert_eq!(
            pct.parse("101"),
            Err(FieldProblem::OutOfRange { min: 0.0, max: 100.0 })
        );

        let date = DateKind { required: false };
        assert_eq!(date.parse(" "), Ok(None));
        assert_eq!(date.parse("2026-02-30"), Err(FieldProblem::NotADate));
        assert_eq!(date.parse("2026-0"), Err(FieldProblem::NotADate));
        assert_eq!(
            DateKind { required: true }.parse(""),
            Err(FieldProblem::DateNeeded)
        );

        let months = IntegerKind { min: 0, max: 240 };
        assert_eq!(months.parse(" 12 "), Ok(12));
        assert_eq!(months.parse("1.5"), Err(FieldProblem::NotANumber));
        assert_eq!(
            months.parse("-1"),
            Err(FieldProblem::OutOfRange { min: 0.0, max: 240.0 })
        );
    }
}
