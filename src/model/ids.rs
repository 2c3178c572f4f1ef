//! New ids for rows the user adds: customers (C001), disputes (D001), work packages (WP1),
//! goals (G1), KPIs (K1). One rule for all of them.

/// A fresh id: `prefix` followed by one more than the highest number among the ids of the form
/// `prefix` + digits, zero-padded to the widest of them and at least `min_width` digits.
/// Numbers are never reused (a gap stays a gap), and other ids are ignored.
#[must_use]
pub fn next_id<'a>(prefix: &str, min_width: usize, taken: impl Iterator<Item = &'a str> + Clone) -> String {
    let numbered = taken.clone().filter_map(|id| {
        let digits = id.strip_prefix(prefix)?;
        // Up to 38 digits, so one more never overflows; longer ones count as other ids.
        if digits.is_empty() || digits.len() > 38 || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        Some((digits.parse::<u128>().ok()?, digits.len()))
    });
    let (highest, widest) = numbered.fold((0, 0), |(n, w), (m, len)| (n.max(m), w.max(len)));
    let width = widest.max(min_width);
    // Each taken id can block at most one candidate, so one more than their number suffices.
    let candidates = taken.clone().count() as u128 + 1;
    (highest + 1..=highest + candidates)
        .map(|n| format!("{prefix}{n:0width$}"))
        .find(|id| !taken.clone().any(|t| t == id))
        .unwrap_or_else(|| prefix.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn next_id_table() {
        let cases: &[(&str, usize, &[&str], &str)] = &[
            ("C", 3, &[], "C001"),
            ("C", 3, &["C001", "C005"], "C006"),
            ("C", 3, &["C1", "C7"], "C008"),
            ("C", 3, &["C0042", "C3"], "C0043"),
            ("C", 3, &["C999"], "C1000"),
            ("C", 3, &["X999", "Cargo", "C", "C-4", "C+4"], "C001"),
            ("D", 3, &["D001", "D002", "D003"], "D004"),
            ("WP", 1, &["WP1", "WP2"], "WP3"),
            ("WP", 1, &["WP2"], "WP3"),
            ("WP", 1, &["W1", "P1"], "WP1"),
            ("G", 1, &["G9"], "G10"),
            ("K", 1, &[], "K1"),
        ];
        for (prefix, width, ids, expected) in cases {
            assert_eq!(
                next_id(prefix, *width, ids.iter().copied()),
                *expected,
                "{prefix} {ids:?}"
            );
        }
    }

    #[test]
    fn a_huge_number_does_not_overflow() {
        let max = format!("C{}", "9".repeat(38));
        let id = next_id("C", 3, [max.as_str()].into_iter());
        assert_ne!(id, max);
        assert!(id.starts_with('C'));
    }

    /// Ids of up to 38 digits count; a 39-digit one is another id. (38 digits is the most for
    /// which one more always fits a u128: 10^38 − 1 + 1 < 2^128 ≈ 3.4 × 10^38.)
    #[test]
    fn thirty_eight_digits_count_and_thirty_nine_do_not() {
        // 38 digits of value 1: the next is 2, padded to the same 38 digits.
        let one = format!("C{}1", "0".repeat(37));
        assert_eq!(
            next_id("C", 3, [one.as_str()].into_iter()),
            format!("C{}2", "0".repeat(37))
        );
        // 39 digits (10^38): ignored, so the first id of the default width.
        let long = format!("C1{}", "0".repeat(38));
        assert_eq!(next_id("C", 3, [long.as_str()].into_iter()), "C001");
    }
}
