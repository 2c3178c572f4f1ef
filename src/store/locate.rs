//! Finds where in a RON file a validation warning points, so messages can give line:col.
//!
//! Validation works on the parsed scenario, which no longer knows positions. This scans the
//! text for the entity (by its id or step name) and then the field; good enough for files the
//! app writes and for hand-edited ones in the same shape. `None` when it cannot tell.

use std::collections::HashMap;

use crate::model::{Place, Problem, StepKind, Warning};

/// The position of each warning, for a text just parsed. `customer_starts`, when the loader
/// knows them, gives where each customer row starts, so nothing is searched for customers.
/// The text is indexed once (line starts, customer ids), not once per warning.
#[must_use]
pub fn positions(
    text: &str,
    customer_starts: Option<&[usize]>,
    warnings: &[Warning],
) -> Vec<Option<(usize, usize)>> {
    if warnings.is_empty() {
        return Vec::new();
    }
    let lines: Vec<usize> = std::iter::once(0)
        .chain(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1))
        .collect();
    let mut ids: Option<HashMap<&str, usize>> = None;
    warnings
        .iter()
        .map(|w| {
            let customer_at = match &w.place {
                Place::Customer { row, id } => {
                    let from_rows = customer_starts.and_then(|s| s.get(row.checked_sub(1)?).copied());
                    let found = from_rows.or_else(|| {
                        ids.get_or_insert_with(|| customer_ids(text))
                            .get(id.as_str())
                            .copied()
                    });
                    found.or_else(|| find_key(text, 0, "customers"))
                }
                _ => None,
            };
            let at = offset(text, w, customer_at)?;
            Some(line_col_indexed(text, &lines, at))
        })
        .collect()
}

/// Every customer id's `id:` offset, first occurrence kept (as a search from the list would).
fn customer_ids(text: &str) -> HashMap<&str, usize> {
    let mut out = HashMap::new();
    let Some(list) = find_key(text, 0, "customers") else {
        return out;
    };
    let mut start = list;
    while let Some(at) = find_key(text, start, "id") {
        start = at + 2;
        let Some(rest) = text
            .get(at + 2..)
            .map(str::trim_start)
            .and_then(|r| r.strip_prefix(':'))
            .map(str::trim_start)
            .and_then(|r| r.strip_prefix('"'))
        else {
            continue;
        };
        if let Some(end) = rest.find('"') {
            out.entry(rest.get(..end).unwrap_or_default()).or_insert(at);
        }
    }
    out
}

fn line_col_indexed(text: &str, lines: &[usize], offset: usize) -> (usize, usize) {
    let line = lines.partition_point(|&start| start <= offset).max(1);
    let start = lines.get(line - 1).copied().unwrap_or(0);
    let col = text.get(start..offset).map_or(1, |s| s.chars().count() + 1);
    (line, col)
}

/// 1-based line and column of a warning's place in `text`.
#[must_use]
pub fn locate(text: &str, warning: &Warning) -> Option<(usize, usize)> {
    let at = offset(text, warning, None)?;
    Some(line_col(text, at))
}

/// Byte offset of a warning's place; `customer_at` is the customer's row when already known.
fn offset(text: &str, warning: &Warning, customer_at: Option<usize>) -> Option<usize> {
    let anchor = match &warning.place {
        Place::Settings => find_key(text, 0, "settings")?,
        Place::Customer { id, .. } => {
            if let Some(at) = customer_at {
                at
            } else {
                let list = find_key(text, 0, "customers")?;
                find_id(text, list, id).unwrap_or(list)
            }
        }
        Place::Dispute { id, .. } => {
            let list = find_key(text, 0, "disputes")?;
            find_id(text, list, id).unwrap_or(list)
        }
        Place::Step(step) => {
            let list = find_key(text, 0, "steps")?;
            find_step(text, list, *step).unwrap_or(list)
        }
        Place::Plan { list, row } => {
            let start = find_key(text, 0, list)?;
            nth_item(text, start, *row).unwrap_or(start)
        }
    };
    let field = match &warning.problem {
        Problem::NegativeAmount { field }
        | Problem::ImplausibleAmount { field }
        | Problem::NotFinite { field }
        | Problem::OutOfRange { field, .. }
        | Problem::UnknownReference { field, .. } => Some(*field),
        Problem::EndBeforeStart { end, .. } => Some(*end),
        Problem::UnknownCustomer { .. } => Some("customer_id"),
        Problem::OverrideWithoutReason => Some("tier_override"),
        Problem::ThresholdOrder => Some("a_threshold_pct"),
        Problem::LitigationUnderArbitrationClause => Some("route"),
        Problem::DuplicateId { .. } | Problem::EmptyId => None,
    };
    Some(field.and_then(|f| find_key(text, anchor, f)).unwrap_or(anchor))
}

fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let before = text.get(..offset).unwrap_or(text);
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().unwrap_or("").chars().count() + 1;
    (line, col)
}

fn is_ident_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

/// Byte offset of the next `key:` at or after `from`, as a whole word.
fn find_key(text: &str, from: usize, key: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut start = from;
    while let Some(found) = memchr::memmem::find(text.as_bytes().get(start..)?, key.as_bytes()) {
        let at = start + found;
        let end = at + key.len();
        let word_start = at == 0 || !is_ident_byte(bytes[at - 1]);
        let rest = text.get(end..).unwrap_or("").trim_start();
        if word_start && rest.starts_with(':') && !bytes.get(end).copied().is_some_and(is_ident_byte) {
            return Some(at);
        }
        start = end;
    }
    None
}

/// Offset of `id: "ID"` after `from`.
fn find_id(text: &str, from: usize, id: &str) -> Option<usize> {
    let mut start = from;
    while let Some(at) = find_key(text, start, "id") {
        let rest = text.get(at + 2..)?.trim_start().strip_prefix(':')?.trim_start();
        if rest
            .strip_prefix('"')
            .and_then(|r| r.strip_prefix(id))
            .is_some_and(|r| r.starts_with('"'))
        {
            return Some(at);
        }
        start = at + 2;
    }
    None
}

fn find_step(text: &str, from: usize, step: StepKind) -> Option<usize> {
    let name = format!("{step:?}");
    let mut start = from;
    while let Some(at) = find_key(text, start, "step") {
        let rest = text.get(at + 4..)?.trim_start().strip_prefix(':')?.trim_start();
        if rest
            .strip_prefix(name.as_str())
            .is_some_and(|r| !r.bytes().next().is_some_and(is_ident_byte))
        {
            return Some(at);
        }
        start = at + 4;
    }
    None
}

/// Offset of the `row`-th (1-based) item of the list starting at the key at `from`.
fn nth_item(text: &str, from: usize, row: usize) -> Option<usize> {
    let open = from + text.get(from..)?.find('[')?;
    let mut depth = 0_i32;
    let mut seen = 0;
    let mut in_string = false;
    let mut escaped = false;
    for (i, c) in text.get(open..)?.char_indices() {
        if in_string {
            match (escaped, c) {
                (true, _) => escaped = false,
                (false, '\\') => escaped = true,
                (false, '"') => in_string = false,
                _ => {}
            }
            continue;
        }
        match c {
            '"' => in_string = true,
            '[' | '(' | '{' => {
                depth += 1;
                if depth == 2 && c == '(' {
                    seen += 1;
                    if seen == row {
                        // Step back over a struct name like `Goal(`.
                        let before = text.get(..open + i)?;
                        let name_len = before.bytes().rev().take_while(|&b| is_ident_byte(b)).count();
                        return Some(open + i - name_len);
                    }
                }
            }
            ']' | ')' | '}' => {
                depth -= 1;
                if depth == 0 {
                    return None;
                }
            }
            _ => {}
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_a_customer_field() {
        let text = "Scenario(\n  customers: [\n    Customer(\n      id: \"C1\",\n      revenue: 5,\n    ),\n    Customer(\n      id: \"C2\",\n      revenue: -5,\n    ),\n  ],\n)";
        let w = Warning {
            place: Place::Customer {
                row: 2,
                id: "C2".into(),
            },
            problem: Problem::NegativeAmount { field: "revenue" },
        };
        assert_eq!(locate(text, &w), Some((9, 7)));
    }

    #[test]
    fn finds_the_nth_plan_item() {
        let text = "plan: (\n  goals: [\n    Goal(id: \"G1\"),\n    Goal(id: \"G2\", target: NaN),\n  ],\n)";
        let w = Warning {
            place: Place::Plan {
                list: "goals",
                row: 2,
            },
            problem: Problem::NotFinite { field: "target" },
        };
        assert_eq!(locate(text, &w), Some((4, 20)));
    }
}
