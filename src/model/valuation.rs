//! Value to the customer: Kotler's customer delivered value from eight perceived scores.

use super::ValueScores;

/// Perceived benefit: product + service + personnel + image.
#[must_use]
pub fn benefit(v: &ValueScores) -> f64 {
    f64::from(v.product) + f64::from(v.service) + f64::from(v.personnel) + f64::from(v.image)
}

/// Perceived cost: money + time + energy + psychic.
#[must_use]
pub fn cost(v: &ValueScores) -> f64 {
    f64::from(v.money) + f64::from(v.time) + f64::from(v.energy) + f64::from(v.psychic)
}

/// Delivered value: benefit − cost.
#[must_use]
pub fn delivered_value(v: &ValueScores) -> f64 {
    benefit(v) - cost(v)
}

/// Benefit / cost, or `None` when the cost is zero (shown as "—").
#[must_use]
pub fn value_ratio(v: &ValueScores) -> Option<f64> {
    let c = cost(v);
    if c == 0.0 { None } else { Some(benefit(v) / c) }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scores(b: [f32; 4], c: [f32; 4]) -> ValueScores {
        ValueScores {
            product: b[0],
            service: b[1],
            personnel: b[2],
            image: b[3],
            money: c[0],
            time: c[1],
            energy: c[2],
            psychic: c[3],
        }
    }

    #[test]
    fn delivered_value_table() {
        let cases = [
            (
                scores([8.0, 7.0, 6.0, 9.0], [5.0, 3.0, 2.0, 2.0]),
                30.0,
                12.0,
                18.0,
                Some(2.5),
            ),
            (
                scores([1.0, 1.0, 1.0, 1.0], [2.0, 2.0, 2.0, 2.0]),
                4.0,
                8.0,
                -4.0,
                Some(0.5),
            ),
            (scores([5.0, 0.0, 0.0, 0.0], [0.0; 4]), 5.0, 0.0, 5.0, None),
        ];
        for (v, b, c, d, r) in cases {
            assert!((benefit(&v) - b).abs() < 1e-9);
            assert!((cost(&v) - c).abs() < 1e-9);
            assert!((delivered_value(&v) - d).abs() < 1e-9);
            assert_eq!(value_ratio(&v), r);
        }
    }
}
