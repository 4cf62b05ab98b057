//! Statistics of forecast samples: percentiles, means, a finish's outcome and histogram
//! (rank correlation is in `drivers`).

use chrono::NaiveDate;

use super::{Bin, Outcome};

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

/// The latest offset a finish's statistics turn into a date: the end of its histogram's last
/// bin (at or after its latest sample; see [`histogram`]).
pub(super) fn latest_dated(samples: &[i64]) -> Option<i64> {
    let (&low, &high) = (samples.iter().min()?, samples.iter().max()?);
    let width = ((high - low + 1) + 39) / 40;
    Some(low + ((high - low) / width + 1) * width - 1)
}

/// The statistics of one finish's samples (offsets).
pub(super) fn outcome(
    samples: &[i64],
    deterministic: NaiveDate,
    committed_offset: Option<i64>,
    committed: Option<NaiveDate>,
    date: &(impl Fn(i64) -> NaiveDate + ?Sized),
) -> Outcome {
    let mut sorted = samples.to_vec();
    sorted.sort_unstable();
    let mean_offset = mean(&sorted);
    let on_time = committed_offset
        .map(|limit| sorted.partition_point(|&k| k <= limit) as f64 / sorted.len().max(1) as f64);
    Outcome {
        deterministic,
        committed,
        p10: date(percentile(&sorted, 10.0)),
        p50: date(percentile(&sorted, 50.0)),
        p80: date(percentile(&sorted, 80.0)),
        p90: date(percentile(&sorted, 90.0)),
        mean: date(mean_offset.round() as i64),
        mean_offset,
        probability_on_time: on_time,
        histogram: histogram(&sorted, date),
    }
}

/// At most about 40 bins of equal width over the sorted samples.
pub(super) fn histogram(sorted: &[i64], date: &(impl Fn(i64) -> NaiveDate + ?Sized)) -> Vec<Bin> {
    let (Some(&low), Some(&high)) = (sorted.first(), sorted.last()) else {
        return Vec::new();
    };
    let width = ((high - low + 1) + 39) / 40;
    let mut bins = Vec::new();
    let mut from = low;
    let mut at = 0;
    while from <= high {
        let to = from + width - 1;
        let end = sorted.partition_point(|&k| k <= to);
        bins.push(Bin {
            first: date(from),
            last: date(to),
            count: (end - at) as u32,
        });
        at = end;
        from = to + 1;
    }
    bins
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
