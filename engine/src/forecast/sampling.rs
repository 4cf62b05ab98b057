//! Drawing durations and risk impacts for one iteration of a forecast.
//!
//! Each uncertain task gets a table of 65 quantiles of its distribution, built once; a draw
//! is then a table lookup with linear interpolation, O(1). PERT's quantiles come from its
//! Beta density integrated numerically (`libm`'s `exp` and `log`, the same bits on every
//! platform, with the logarithms of the grid shared by all tables);
//! triangular and uniform ones are closed-form. A drawn duration is rounded to whole working
//! days by randomised rounding (`floor(x + v)`, `v` uniform), which keeps the mean exact.

use crate::model::{Distribution, Estimate};
use crate::rng::SplitMix64;
use rustc_hash::FxHashMap;

/// Cells of a quantile table. 64 cells of `f32` make a table 260 bytes, so the tables of a
/// thousand uncertain tasks stay in the processor's cache while every draw picks a
/// different one; linear interpolation keeps the error on a mean to about 0.001 day.
const STEPS: usize = 64;
const _: () = assert!(STEPS.is_power_of_two(), "a draw picks its cell by bits");
/// Cells of the numerical integration of a PERT density.
const GRID: usize = 2048;

/// `ln x` and `ln (1 − x)` on the integration grid, computed once for all PERT tables.
pub(crate) struct Grid {
    ln_x: Vec<f64>,
    ln_rest: Vec<f64>,
    /// Quantile positions by Beta shape `(α, β)` (their bits), as integrated so far.
    shapes: FxHashMap<(u64, u64), [f64; STEPS + 1]>,
}

impl Grid {
    pub fn new() -> Self {
        let x = |i: usize| i as f64 / GRID as f64;
        Grid {
            ln_x: (0..=GRID).map(|i| libm::log(x(i))).collect(),
            ln_rest: (0..=GRID).map(|i| libm::log(1.0 - x(i))).collect(),
            shapes: FxHashMap::default(),
        }
    }

    /// The Beta(α, β) density (unnormalised) at grid point `i`.
    fn density(&self, i: usize, alpha: f64, beta: f64) -> f64 {
        // x^(α−1) (1−x)^(β−1), with 0^0 = 1 at the ends when α or β is 1.
        let term = |exponent: f64, ln: f64| if exponent == 0.0 { 0.0 } else { exponent * ln };
        libm::exp(term(alpha - 1.0, self.ln_x[i]) + term(beta - 1.0, self.ln_rest[i]))
    }
}

/// Quantiles `q[j]` = the `j/STEPS` quantile, for `j` in `0..=STEPS`.
#[derive(Clone, Debug)]
pub(crate) struct Quantiles([f32; STEPS + 1]);

impl Quantiles {
    pub fn of(estimate: &Estimate, grid: &mut Grid) -> Self {
        let (a, m, b) = (estimate.optimistic, estimate.likely, estimate.pessimistic);
        let mut q = [a; STEPS + 1];
        if b > a {
            match estimate.distribution {
                Distribution::Uniform => fill(&mut q, |u| a + u * (b - a)),
                Distribution::Triangular => fill(&mut q, |u| triangular(a, m, b, u)),
                Distribution::Pert => pert(&mut q, grid, a, m, b),
            }
        }
        Quantiles(q.map(|x| x as f32))
    }

    /// A table for a simulation that never draws (one that merges parts).
    pub fn unused() -> Self {
        Quantiles([0.0; STEPS + 1])
    }

    /// The value at probability `u` in `[0, 1)` (what a draw computes, in floating point).
    #[cfg(test)]
    pub fn at(&self, u: f64) -> f64 {
        let x = u * STEPS as f64;
        let i = (x as usize).min(STEPS - 1);
        let (low, high) = (f64::from(self.0[i]), f64::from(self.0[i + 1]));
        low + (x - i as f64) * (high - low)
    }

    /// A whole number of working days: a draw, randomly rounded. One 64-bit random number
    /// gives both uniforms, `u` (high 32 bits) and `v` (low 32 bits). `u · STEPS` splits
    /// exactly into its cell (the top 6 bits of `u`) and the point within the cell (the
    /// other 26): integer operations give the same numbers as [`Quantiles::at`] without a
    /// float-to-integer conversion per draw.
    pub fn draw(&self, rng: &mut SplitMix64) -> i64 {
        const CELL_BITS: u32 = 32 - STEPS.trailing_zeros();
        let bits = rng.next_u64();
        let u = (bits >> 32) as u32;
        let cell = (u >> CELL_BITS) as usize;
        let within = f64::from(u & ((1 << CELL_BITS) - 1)) * (1.0 / f64::from(1u32 << CELL_BITS));
        let v = f64::from(bits as u32) * (1.0 / 4_294_967_296.0);
        let (low, high) = (f64::from(self.0[cell]), f64::from(self.0[cell + 1]));
        // Quantiles are never negative, so truncation is the floor.
        (low + within * (high - low) + v) as i64
    }
}

fn fill(q: &mut [f64; STEPS + 1], quantile: impl Fn(f64) -> f64) {
    for (j, slot) in q.iter_mut().enumerate() {
        *slot = quantile(j as f64 / STEPS as f64);
    }
}

/// The inverse of the triangular distribution's CDF.
fn triangular(a: f64, m: f64, b: f64, u: f64) -> f64 {
    let split = (m - a) / (b - a);
    if u < split {
        a + (u * (b - a) * (m - a)).sqrt()
    } else {
        b - ((1.0 - u) * (b - a) * (b - m)).sqrt()
    }
}

/// Beta-PERT on `[a, b]` with mode `m`: Beta(α, β) with α = 1 + 4(m − a)/(b − a),
/// β = 1 + 4(b − m)/(b − a), so its mean is (a + 4m + b)/6.
fn pert(q: &mut [f64; STEPS + 1], grid: &mut Grid, a: f64, m: f64, b: f64) {
    let alpha = 1.0 + 4.0 * (m - a) / (b - a);
    let beta = 1.0 + 4.0 * (b - m) / (b - a);
    for (slot, position) in q.iter_mut().zip(grid.beta_quantiles(alpha, beta)) {
        *slot = a + (b - a) * position / GRID as f64;
    }
}

impl Grid {
    /// The quantiles of Beta(α, β) as positions on the grid (0 to `GRID`), computed once
    /// per shape: estimates in a plan share few shapes (3/5/12 and 6/10/24 are one).
    fn beta_quantiles(&mut self, alpha: f64, beta: f64) -> &[f64; STEPS + 1] {
        let key = (alpha.to_bits(), beta.to_bits());
        if !self.shapes.contains_key(&key) {
            let positions = self.integrate(alpha, beta);
            self.shapes.insert(key, positions);
        }
        &self.shapes[&key]
    }

    /// Cumulative trapezoid sums of the density on the grid, inverted at each `j/STEPS`.
    fn integrate(&self, alpha: f64, beta: f64) -> [f64; STEPS + 1] {
        let mut cumulative = vec![0.0; GRID + 1];
        let mut previous = self.density(0, alpha, beta);
        for i in 1..=GRID {
            let current = self.density(i, alpha, beta);
            cumulative[i] = cumulative[i - 1] + (previous + current) / 2.0;
            previous = current;
        }
        let total = cumulative[GRID];
        let mut positions = [0.0; STEPS + 1];
        let mut cell = 0;
        for (j, slot) in positions.iter_mut().enumerate() {
            let target = total * j as f64 / STEPS as f64;
            while cell < GRID - 1 && cumulative[cell + 1] < target {
                cell += 1;
            }
            let (low, high) = (cumulative[cell], cumulative[cell + 1]);
            let within = if high > low {
                ((target - low) / (high - low)).clamp(0.0, 1.0)
            } else {
                0.0
            };
            *slot = cell as f64 + within;
        }
        positions
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mean_of(estimate: &Estimate) -> f64 {
        let q = Quantiles::of(estimate, &mut Grid::new());
        let n = 200_000;
        let mut rng = SplitMix64(7);
        (0..n).map(|_| q.draw(&mut rng) as f64).sum::<f64>() / n as f64
    }

    #[test]
    fn draws_have_the_distribution_means() {
        for distribution in [
            Distribution::Pert,
            Distribution::Triangular,
            Distribution::Uniform,
        ] {
            let estimate = Estimate {
                optimistic: 3.0,
                likely: 5.0,
                pessimistic: 12.0,
                distribution,
            };
            let (got, want) = (mean_of(&estimate), estimate.mean());
            // Standard error of the mean ≈ 2.2 / √200000 ≈ 0.005; allow 0.03.
            assert!(
                (got - want).abs() < 0.03,
                "{distribution:?}: {got} vs {want}"
            );
        }
    }

    #[test]
    fn quantiles_span_the_range_in_order() {
        let e = Estimate {
            optimistic: 2.0,
            likely: 4.0,
            pessimistic: 10.0,
            distribution: Distribution::Pert,
        };
        let q = Quantiles::of(&e, &mut Grid::new());
        assert!((q.at(0.0) - 2.0).abs() < 1e-9);
        assert!((q.at(0.999_999) - 10.0).abs() < 0.05);
        assert!(q.0.windows(2).all(|w| w[0] <= w[1]));
        assert_eq!(std::mem::size_of::<Quantiles>(), 260);
    }

    #[test]
    fn a_draw_is_the_table_value_at_its_uniform_randomly_rounded() {
        let e = Estimate {
            optimistic: 2.0,
            likely: 4.0,
            pessimistic: 10.0,
            distribution: Distribution::Pert,
        };
        let q = Quantiles::of(&e, &mut Grid::new());
        let (mut drawn, mut raw) = (SplitMix64(3), SplitMix64(3));
        let scale = 1.0 / 4_294_967_296.0;
        for _ in 0..100_000 {
            let bits = raw.next_u64();
            let (u, v) = (
                (bits >> 32) as f64 * scale,
                (bits & 0xFFFF_FFFF) as f64 * scale,
            );
            assert_eq!(q.draw(&mut drawn), (q.at(u) + v) as i64);
        }
    }

    #[test]
    fn a_zero_variance_estimate_always_draws_its_value() {
        let e = Estimate {
            optimistic: 5.0,
            likely: 5.0,
            pessimistic: 5.0,
            distribution: Distribution::Pert,
        };
        let q = Quantiles::of(&e, &mut Grid::new());
        let mut rng = SplitMix64(1);
        assert!((0..1000).all(|_| q.draw(&mut rng) == 5));
    }
}
