//! Texts of the typed fields: why a typed value was refused, and the date picker.

use super::{tr, trf};
use crate::model::Language;
use crate::model::field::FieldProblem;

crate::string_table! {
    /// A text of the typed fields (money, percent, date, whole number).
    FieldKey {
    NotAnAmount => ["Not an amount: type a number such as 1,234.50.", "不是金額：請輸入數字，例如 1,234.50。", "不是金额：请输入数字，例如 1,234.50。"],
    NegativeAmount => ["Amounts cannot be negative.", "金額不可為負數。", "金额不能为负数。"],
    NotANumber => ["Not a number.", "不是數字。", "不是数字。"],
    OutOfRange => ["Type a number from {min} to {max}.", "請輸入 {min} 至 {max} 的數字。", "请输入 {min} 至 {max} 的数字。"],
    NotADate => ["Not a date; use YYYY-MM-DD.", "不是有效日期；請用 YYYY-MM-DD。", "不是有效日期；请用 YYYY-MM-DD。"],
    DateNeeded => ["A date is needed; use YYYY-MM-DD.", "需要日期；請用 YYYY-MM-DD。", "需要日期；请用 YYYY-MM-DD。"],
    DateHint => ["YYYY-MM-DD", "YYYY-MM-DD 格式", "YYYY-MM-DD 格式"],
    PickDate => ["Calendar: {date}", "日曆：{date}", "日历：{date}"],
    PickDateHint => ["Pick the date in a calendar", "在日曆中選擇日期", "在日历中选择日期"],
    }
}

/// A number for a message: no trailing zeros (0, 12.5, 240).
fn number(value: f64) -> String {
    let text = format!("{value:.2}");
    text.trim_end_matches('0').trim_end_matches('.').to_owned()
}

/// Why a typed value was refused, as a sentence in `lang`.
#[must_use]
pub fn problem_text(lang: Language, problem: &FieldProblem) -> String {
    match *problem {
        FieldProblem::NotAnAmount => tr(lang, FieldKey::NotAnAmount).to_owned(),
        FieldProblem::NegativeAmount => tr(lang, FieldKey::NegativeAmount).to_owned(),
        FieldProblem::NotANumber => tr(lang, FieldKey::NotANumber).to_owned(),
        FieldProblem::OutOfRange { min, max } => trf(
            lang,
            FieldKey::OutOfRange,
            &[("min", &number(min)), ("max", &number(max))],
        ),
        FieldProblem::NotADate => tr(lang, FieldKey::NotADate).to_owned(),
        FieldProblem::DateNeeded => tr(lang, FieldKey::DateNeeded).to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_field_table_is_complete() {
        crate::i18n::check_table::<FieldKey>(&[]);
    }

    #[test]
    fn ranges_read_without_trailing_zeros() {
        let text = problem_text(
            Language::English,
            &FieldProblem::OutOfRange { min: 0.0, max: 12.5 },
        );
        assert_eq!(text, "Type a number from 0 to 12.5.");
    }
}
