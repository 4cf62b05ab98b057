//! The plan's KPIs over the packs: scope change since the baseline, the critical path's
//! stability between packs, and release readiness.

use super::{Better, Kpi, Measure, Meta, Targets, Unit};
use super::{build, figure, measure_each};
use crate::status::model::{Named, Pack};
use crate::status::rag::scope_change_percent;
use rustc_hash::FxHashSet;

// ---------------------------------------------------------------------------------------
// Scope change

/// **Scope change** (%, lower is better): the tasks added since the active baseline plus
/// those removed, as a share of the baseline's tasks, as each pack measured it.
///
/// The counts are those the pack's facts kept against the baseline active then. A pack
/// without an active baseline has nothing to measure.
pub fn scope_change(packs: &[&Pack], targets: &Targets) -> Kpi {
    let measures = packs
        .iter()
        .map(|pack| {
            let (added, removed) = scope_counts(pack)?;
            let baseline = pack.facts.baseline_tasks;
            let value = scope_change_percent(baseline, added, removed)?;
            let detail = format!("{added} added, {removed} removed of {baseline} baseline tasks");
            Some(Measure::new(value, detail))
        })
        .collect();
    let meta = Meta {
        key: "scope_change",
        name: "Scope change",
        unit: Unit::Percent,
        target: targets.scope_change_percent,
        better: Better::Lower,
    };
    let nothing = "no pack had an active baseline";
    build(meta, packs, measures, "Tasks added or removed", nothing)
}

/// The tasks added and removed since the baseline that a pack's facts kept; `None`
/// without an active baseline.
pub fn scope_counts(pack: &Pack) -> Option<(usize, usize)> {
    let facts = &pack.facts;
    (facts.baseline_tasks > 0).then_some((facts.baseline_added, facts.baseline_removed))
}

// ---------------------------------------------------------------------------------------
// Critical path stability

/// **Critical path stability** (%, lower is better): between each pack and the one before,
/// the share of the critical path changed: |A △ B| / |A ∪ B| of their critical task ids
/// (tasks that joined or left, over the tasks on either path). The first pack has nothing
/// to compare with; nor has a pack whose path, or the previous one's, is empty (no facts).
pub fn critical_path_stability(packs: &[&Pack], targets: &Targets) -> Kpi {
    let measures = std::iter::once(None)
        .chain(packs.windows(2).map(|pair| {
            let (before, now) = (&pair[0].facts.critical, &pair[1].facts.critical);
            let share = path_change(before, now)?;
            let (joined, left, either) = path_counts(before, now);
            let detail = format!(
                "{joined} joined and {left} left of {either} tasks on either path since {}",
                pair[0].status_date
            );
            Some(Measure::new(share * 100.0, detail))
        }))
        .take(packs.len())
        .collect();
    let meta = Meta {
        key: "critical_path_stability",
        name: "Critical path change",
        unit: Unit::Percent,
        target: targets.critical_path_change_percent,
        better: Better::Lower,
    };
    let nothing = "fewer than two packs with a critical path";
    build(meta, packs, measures, "Critical path changed", nothing)
}

/// |A △ B| / |A ∪ B| of two critical paths' task ids, 0 (the same tasks) to 1 (none in
/// common); `None` when either is empty.
///
/// ```
/// use engine::status::kpi::path_change;
/// use engine::status::model::Named;
/// let path = |ids: &[&str]| -> Vec<Named> {
///     ids.iter().map(|id| Named { id: id.to_string(), name: String::new() }).collect()
/// };
/// // {a, b, c} → {b, c, d}: a left, d joined, 4 on either path: 2 / 4.
/// assert_eq!(path_change(&path(&["a", "b", "c"]), &path(&["b", "c", "d"])), Some(0.5));
/// ```
pub fn path_change(before: &[Named], now: &[Named]) -> Option<f64> {
    if before.is_empty() || now.is_empty() {
        return None;
    }
    let (joined, left, either) = path_counts(before, now);
    Some((joined + left) as f64 / either as f64)
}

/// Tasks that joined, that left, and on either path (ids counted once).
fn path_counts(before: &[Named], now: &[Named]) -> (usize, usize, usize) {
    let a: FxHashSet<&str> = before.iter().map(|n| n.id.as_str()).collect();
    let b: FxHashSet<&str> = now.iter().map(|n| n.id.as_str()).collect();
    let joined = b.difference(&a).count();
    let left = a.difference(&b).count();
    (joined, left, a.union(&b).count())
}

// ---------------------------------------------------------------------------------------
// Release readiness

/// **Release readiness** (%, higher is better): the mean readiness (items met or waived of
/// all items) of the checklists each pack kept, every milestone's checklist counted alike;
/// the reading names the least ready.
pub fn release_readiness(packs: &[&Pack], targets: &Targets) -> Kpi {
    let measures = measure_each(packs, |_, facts| {
        let lists = &facts.readiness;
        let sum: f64 = lists.iter().map(|r| r.percent).sum();
        let value = (!lists.is_empty()).then(|| sum / lists.len() as f64)?;
        let least = lists
            .iter()
            .min_by(|a, b| a.percent.total_cmp(&b.percent))?;
        let detail = format!(
            "mean of {} checklists, the least ready {} at {}",
            lists.len(),
            least.milestone,
            figure(Unit::Percent, least.percent)
        );
        Some(Measure::new(value, detail))
    });
    let meta = Meta {
        key: "release_readiness",
        name: "Release readiness",
        unit: Unit::Percent,
        target: targets.readiness_percent,
        better: Better::Higher,
    };
    let nothing = "no readiness checklist with items";
    build(meta, packs, measures, "Mean readiness", nothing)
}

#[cfg(test)]
#[path = "plan_tests.rs"]
mod tests;
