//! Statistics of forecast samples: percentiles and means (rank correlation is in
//! `drivers`).

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
}
