//! The checks of links: 2 leads, 3 lags, 4 relationship types. One pass over the links.
//!
//! They count the links between incomplete tasks (neither end finished; a summary has no
//! progress of its own, so it counts as open). Each lists the offending links by both ends
//! and, as its tasks, their successors (each once, in program order): the task a lead, a lag
//! or a type moves.

use super::{Check, CheckResult, LinkEnds, Scope};
use crate::model::{Dependency, LinkType};

/// A link between incomplete tasks, and its successor's index.
type Counted<'p> = (&'p Dependency, usize);

/// Checks 2, 3 and 4, in order.
pub(super) fn checks(scope: &Scope<'_, '_>) -> [CheckResult; 3] {
    let checked = scope.checked;
    let open = |t: usize| !checked.is_complete(t);
    let links: Vec<Counted<'_>> = checked
        .program()
        .dependencies
        .iter()
        .zip(&scope.ends)
        .filter_map(|(link, ends)| {
            let (p, s) = (*ends)?;
            (open(p) && open(s)).then_some((link, s))
        })
        .collect();
    let t = scope.thresholds;
    let (leads, lags, least) = (t.leads_percent, t.lags_percent, t.fs_percent);
    let lead = |l: &Dependency| l.lag < 0;
    let lag = |l: &Dependency| l.lag > 0;
    let not_fs = |l: &Dependency| l.kind != LinkType::FS;
    [
        counted(scope, &links, Check::Leads, lead, false, |p| p <= leads)
            .named("successors of links with a lead (negative lag)"),
        counted(scope, &links, Check::Lags, lag, false, |p| p <= lags)
            .named("successors of links with a lag"),
        counted(scope, &links, Check::RelationshipTypes, not_fs, true, |p| {
            p >= least
        })
        .named("successors of links other than finish-to-start"),
    ]
}

/// The links of `links` for which `offends`, and the check's result: their share, or
/// (`others`) the share of the other links.
fn counted<'a>(
    scope: &'a Scope<'a, 'a>,
    links: &[Counted<'a>],
    check: Check,
    offends: impl Fn(&Dependency) -> bool,
    others: bool,
    pass: impl Fn(f64) -> bool,
) -> Found<'a> {
    let found: Vec<Counted<'a>> = links.iter().copied().filter(|l| offends(l.0)).collect();
    let count = match others {
        true => links.len() - found.len(),
        false => found.len(),
    };
    let none = "no links between incomplete tasks";
    let result = CheckResult::share(check, scope.thresholds, (count, links.len()), pass, none);
    Found {
        result,
        found,
        scope,
    }
}

/// A link check's result and the links that offend.
struct Found<'a> {
    result: CheckResult,
    found: Vec<Counted<'a>>,
    scope: &'a Scope<'a, 'a>,
}

impl Found<'_> {
    /// The result listing the offending links and their successors as `tasks_are`.
    fn named(self, tasks_are: &'static str) -> CheckResult {
        let mut successor = vec![false; self.scope.open.len()];
        for &(_, s) in &self.found {
            successor[s] = true;
        }
        let mut result = self
            .result
            .listing(self.scope.ids(|t| successor[t]), tasks_are);
        result.links = self
            .found
            .iter()
            .map(|(l, _)| LinkEnds {
                from: l.from.clone(),
                to: l.to.clone(),
            })
            .collect();
        result
    }
}
