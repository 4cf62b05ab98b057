//! A pack drafted from the program: the draft's words and overrides, the computed
//! assessment, what changed since the last pack, and the facts it measured.
//!
//! Cost: the assessment and the facts (O(n + m)), and one comparison with the last pack's
//! facts; past packs beyond the last are not read.

use super::changes::changes;
use super::facts::{Inputs, facts};
use super::model::{Dimension, Override, Pack, Rag, Status};
use super::rag::assess;
use chrono::NaiveDate;

/// The pack the draft would issue now, as `SP<n+1>` issued on `today`.
///
/// `health` is the schedule health assessment's failing checks in words, which the pack's
/// detail lists.
pub fn draft(inputs: &Inputs<'_>, status: &Status, today: NaiveDate, health: Vec<String>) -> Pack {
    let facts = facts(inputs);
    let mut assessment = assess(inputs, &status.rules);
    assessment.health = health;
    let changes = status
        .last_pack()
        .map(|last| changes(inputs.program, &last.id, &last.facts, &facts))
        .unwrap_or_default();
    Pack {
        id: next_id(status),
        status_date: inputs.status_date,
        issued_on: today,
        narrative: status.draft.narrative.clone(),
        overrides: status.draft.overrides.clone(),
        assessment,
        changes,
        facts,
    }
}

/// `SP1`, then one more than the highest `SP<n>` issued.
pub fn next_id(status: &Status) -> String {
    let highest = status
        .packs
        .iter()
        .filter_map(|p| p.id.strip_prefix("SP")?.parse::<u64>().ok())
        .max()
        .unwrap_or(0);
    format!("SP{}", highest + 1)
}

/// The override in force for `dimension`: the last one made for it, unless withdrawn.
pub fn override_of(overrides: &[Override], dimension: Dimension) -> Option<&Override> {
    overrides
        .iter()
        .rev()
        .find(|o| o.dimension == dimension)
        .filter(|o| o.reported.is_some())
}

/// A dimension's rating as computed and as reported.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Reported {
    pub computed: Option<Rag>,
    /// The rating the pack reports: the override's, else the computed one.
    pub reported: Option<Rag>,
    /// Whether an override is in force.
    pub overridden: bool,
}

/// What `pack` reports for `dimension`.
///
/// ```
/// use engine::status::model::{Dimension, Override, Rag};
/// use engine::status::pack::reported;
/// let over = Override {
///     dimension: Dimension::Overall, reported: Some(Rag::Green), computed: Some(Rag::Red),
///     reason: "Vendor confirmed the fix".into(), on: "2027-03-05".parse().unwrap(),
/// };
/// let r = reported(Some(Rag::Red), &[over], Dimension::Overall);
/// assert_eq!((r.computed, r.reported, r.overridden), (Some(Rag::Red), Some(Rag::Green), true));
/// ```
pub fn reported(computed: Option<Rag>, overrides: &[Override], dimension: Dimension) -> Reported {
    match override_of(overrides, dimension) {
        Some(o) => Reported {
            computed,
            reported: o.reported,
            overridden: o.reported != computed,
        },
        None => Reported {
            computed,
            reported: computed,
            overridden: false,
        },
    }
}

impl Pack {
    /// The computed rating of `dimension` (`Overall` too).
    pub fn computed(&self, dimension: Dimension) -> Option<Rag> {
        match dimension {
            Dimension::Overall => self.assessment.overall,
            d => self
                .assessment
                .dimensions
                .iter()
                .find(|r| r.dimension == d)
                .and_then(|r| r.rag),
        }
    }

    /// What the pack reports for `dimension`.
    pub fn reported(&self, dimension: Dimension) -> Reported {
        reported(self.computed(dimension), &self.overrides, dimension)
    }
}
