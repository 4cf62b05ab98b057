//! Statistics of forecast samples: percentiles, histograms and rank correlation.

/// The nearest-rank percentile `p` (0–100) of sorted values.
pub(crate) fn percentile(sorted: &[i64], p: f64) -> i64 {
    if sorted.is_empty() {
        return 0;
    }
    let rank = ((p / 100.0) * sorted.len() as f64).ceil() as usize;
    sorted[rank.clamp(1, sorted.len()) - 1]
}

/// Mean of values.
pub(crate) fn mean(values: &[i64]) -> f64 {
    if values.is_empty() {
        return 0.0;
    }
    values.iter().map(|&v| v as f64).sum::<f64>() / values.len() as f64
}

/// Ranks of `values` (1-based, ties sharing their average rank). Counting over the value
/// range when it is small (the usual case for working days), else by sorting.
pub(crate) fn ranks(values: &[i64]) -> Vec<f64> {
    let (Some(&low), Some(&high)) = (values.iter().min(), values.iter().max()) else {
        return Vec::new();
    };
    let span = (high - low) as usize + 1;
    let mut ranks = vec![0.0; values.len()];
    if span <= 4 * values.len() + 64 {
        let mut counts = vec![0u32; span];
        for &v in values {
            counts[(v - low) as usize] += 1;
        }
        // Average rank of each value: ranks before it, plus the middle of its own run.
        let mut before = 0.0;
        let average: Vec<f64> = counts
            .iter()
            .map(|&c| {
                let rank = before + (f64::from(c) + 1.0) / 2.0;
                before += f64::from(c);
                rank
            })
            .collect();
        for (rank, &v) in ranks.iter_mut().zip(values) {
            *rank = average[(v - low) as usize];
        }
    } else {
        let mut order: Vec<usize> = (0..values.len()).collect();
        order.sort_by_key(|&i| values[i]);
        let mut start = 0;
        while start < order.len() {
            let mut end = start + 1;
            while end < order.len() && values[order[end]] == values[order[start]] {
                end += 1;
            }
            let rank = (start + end + 1) as f64 / 2.0;
            for &i in &order[start..end] {
                ranks[i] = rank;
            }
            start = end;
        }
    }
    ranks
}

/// Pearson's correlation of two equally long series; 0 when either is constant.
pub(crate) fn correlation(x: &[f64], y: &[f64]) -> f64 {
    let n = x.len().min(y.len()) as f64;
    if n < 2.0 {
        return 0.0;
    }
    let (mx, my) = (x.iter().sum::<f64>() / n, y.iter().sum::<f64>() / n);
    let (mut sxy, mut sxx, mut syy) = (0.0, 0.0, 0.0);
    for (a, b) in x.iter().zip(y) {
        let (dx, dy) = (a - mx, b - my);
        sxy += dx * dy;
        sxx += dx * dx;
        syy += dy * dy;
    }
    if sxx == 0.0 || syy == 0.0 {
        0.0
    } else {
        sxy / (sxx * syy).sqrt()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percentiles_by_nearest_rank() {
        let sorted: Vec<i64> = (1..=10).collect();
        assert_eq!(percentile(&sorted, 10.0), 1);
        assert_eq!(percentile(&sorted, 50.0), 5);
        assert_eq!(percentile(&sorted, 80.0), 8);
        assert_eq!(percentile(&sorted, 90.0), 9);
        assert_eq!(percentile(&sorted, 100.0), 10);
    }

    #[test]
    fn ranks_share_ties_both_ways() {
        let values = [10, 20, 20, 5];
        assert_eq!(ranks(&values), [2.0, 3.5, 3.5, 1.0]);
        let wide = [1_000_000, 20, 20, 5];
        assert_eq!(ranks(&wide), [4.0, 2.5, 2.5, 1.0]);
    }

    #[test]
    fn correlation_of_ranks() {
        let x = ranks(&[1, 2, 3, 4, 5]);
        assert!((correlation(&x, &ranks(&[2, 4, 6, 8, 100])) - 1.0).abs() < 1e-12);
        assert!((correlation(&x, &ranks(&[5, 4, 3, 2, 1])) + 1.0).abs() < 1e-12);
        assert_eq!(correlation(&x, &[3.0; 5]), 0.0);
    }
}
