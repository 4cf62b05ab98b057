//! The checks of links: 2 leads, 3 lags, 4 relationship types. One pass over the links.
//!
//! They count the links between incomplete tasks (neither end finished; a summary has no
//! progress of its own, so it counts as open). Each lists the offending links by both ends
//! and, as its tasks, their successors (each once, in program order): the task a lead, a lag
//! or a type moves.

use super::{Check, CheckResult, LinkEnds, Scope};
use crate::model::{Dependency, LinkType};

/// Checks 2, 3 and 4, in order.
pub(super) fn checks(scope: &Scope<'_, '_>) -> [CheckResult; 3] {
    let checked = scope.checked;
    let open = |id: &str| {
        checked
            .task_index(id)
            .is_some_and(|t| !checked.is_complete(t))
    };
    let links: Vec<&Dependency> = checked
        .program()
        .dependencies
        .iter()
        .filter(|l| open(&l.from) && open(&l.to))
        .collect();
    let t = scope.thresholds;
    let (leads, lags, fs) = (t.leads_percent, t.lags_percent, t.fs_percent);
    [
        share(scope, &links, Check::Leads, |l| l.lag < 0, |p| p <= leads)
            .into_result("successors of links with a lead (negative lag)"),
        share(scope, &links, Check::Lags, |l| l.lag > 0, |p| p <= lags)
            .into_result("successors of links with a lag"),
        relationship_types(scope, &links, fs),
    ]
}

const NONE: &str = "no links between incomplete tasks";

/// The share of `links` for which `offends`, with them.
fn share<'a>(
    scope: &'a Scope<'a, 'a>,
    links: &[&'a Dependency],
    check: Check,
    offends: impl Fn(&Dependency) -> bool,
    pass: impl Fn(f64) -> bool,
) -> Found<'a> {
    let found: Vec<&Dependency> = links.iter().copied().filter(|l| offends(l)).collect();
    let counted = (found.len(), links.len());
    Found {
        result: CheckResult::share(check, scope.thresholds, counted, pass, NONE),
        found,
        scope,
    }
}

/// Check 4: the share of finish-to-start links; the others offend.
fn relationship_types(scope: &Scope<'_, '_>, links: &[&Dependency], least: f64) -> CheckResult {
    let found: Vec<&Dependency> = links
        .iter()
        .copied()
        .filter(|l| l.kind != LinkType::FS)
        .collect();
    let counted = (links.len() - found.len(), links.len());
    let check = Check::RelationshipTypes;
    Found {
        result: CheckResult::share(check, scope.thresholds, counted, |p| p >= least, NONE),
        found,
        scope,
    }
    .into_result("successors of links other than finish-to-start")
}

/// A link check's result and the links that offend.
struct Found<'a> {
    result: CheckResult,
    found: Vec<&'a Dependency>,
    scope: &'a Scope<'a, 'a>,
}

impl Found<'_> {
    /// The result listing the offending links and their successors.
    fn into_result(self, tasks_are: &'static str) -> CheckResult {
        let checked = self.scope.checked;
        let mut successor = vec![false; checked.program().tasks.len()];
        for link in &self.found {
            if let Some(t) = checked.task_index(&link.to) {
                successor[t] = true;
            }
        }
        let mut result = self
            .result
            .listing(self.scope.ids(|t| successor[t]), tasks_are);
        result.links = self
            .found
            .iter()
            .map(|l| LinkEnds {
                from: l.from.clone(),
                to: l.to.clone(),
            })
            .collect();
        result
    }
}
