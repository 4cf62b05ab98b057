//! Unit tests of `drivers`: centred ranks with ties, and correlations held to the definition.

use super::*;

fn centred(values: &[i64]) -> Vec<i64> {
    let ranks = Ranks::of(values);
    values
        .iter()
        .enumerate()
        .map(|(i, &v)| ranks.at(i, v))
        .collect()
}

#[test]
fn ranks_are_centred_doubled_and_share_ties_both_ways() {
    // Ranks 2, 3.5, 3.5, 1 of four values: doubled 4, 7, 7, 2, minus 5.
    assert_eq!(centred(&[10, 20, 20, 5]), [-1, 2, 2, -3]);
    assert_eq!(centred(&[1_000_000, 20, 20, 5]), [3, 0, 0, -3]);
}

/// Pearson's correlation in floating point on 1-based average ranks: the definition.
fn spearman(x: &[i64], y: &[i64]) -> f64 {
    let rank = |v: &[i64]| -> Vec<f64> {
        centred(v)
            .iter()
            .map(|&c| (c as f64 + v.len() as f64 + 1.0) / 2.0)
            .collect()
    };
    let (x, y) = (rank(x), rank(y));
    let n = x.len() as f64;
    let (mx, my) = (x.iter().sum::<f64>() / n, y.iter().sum::<f64>() / n);
    let (mut sxy, mut sxx, mut syy) = (0.0, 0.0, 0.0);
    for (a, b) in x.iter().zip(&y) {
        sxy += (a - mx) * (b - my);
        sxx += (a - mx) * (a - mx);
        syy += (b - my) * (b - my);
    }
    sxy / (sxx * syy).sqrt()
}

#[test]
fn correlations_are_spearmans_for_every_column() {
    let mut rng = crate::rng::SplitMix64(5);
    // Column 3 spans too many values to count: it is ranked by sorting.
    let (ranges, iterations) = ([5, 45, 85, 60_000], 1_000);
    let mut drawn = Drawn::new(ranges.len(), iterations);
    let mut rows = Vec::new();
    let mut finishes = Vec::new();
    for _ in 0..iterations {
        let row = ranges.map(|range| rng.below(range) as u16);
        drawn.next_row().copy_from_slice(&row);
        finishes.push(10 * i64::from(row[0]) + i64::from(row[1]) / 2 + rng.below(3) as i64);
        rows.push(row);
    }
    let ranked = drawn.ranked();
    let got: Vec<f64> = ranked
        .correlations(&finishes, |_| true)
        .into_iter()
        .map(|(_, c)| c)
        .collect();
    for (j, correlation) in got.iter().enumerate() {
        let column: Vec<i64> = rows.iter().map(|r| i64::from(r[j])).collect();
        assert!(
            (correlation - spearman(&column, &finishes)).abs() < 1e-12,
            "column {j}"
        );
    }
    assert!(got[0] > got[1] && got[1] > got[2].abs() && got[1] > got[3].abs());
    let odd = ranked.correlations(&finishes, |j| j % 2 == 1);
    assert_eq!(odd, [(1, got[1]), (3, got[3])]);
}

#[test]
fn a_constant_column_or_finish_correlates_zero() {
    let mut drawn = Drawn::new(1, 4);
    for _ in 0..4 {
        drawn.next_row()[0] = 7;
    }
    let ranked = drawn.ranked();
    assert_eq!(ranked.correlations(&[1, 2, 3, 4], |_| true), [(0, 0.0)]);
    assert_eq!(ranked.correlations(&[5, 5, 5, 5], |_| true), [(0, 0.0)]);
    assert_eq!(ranked.correlations(&[1, 2, 3, 4], |_| false), []);
}
