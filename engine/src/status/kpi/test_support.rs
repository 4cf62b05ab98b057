//! Small packs for the KPI tests: a pack of a status date and facts, and facts' parts.

use crate::status::model::{Assessment, Facts, ItemFact, MilestoneFact, Named, Pack};
use chrono::NaiveDate;

pub fn date(text: &str) -> NaiveDate {
    text.parse().unwrap()
}

pub fn maybe(text: &str) -> Option<NaiveDate> {
    (!text.is_empty()).then(|| date(text))
}

/// A pack of `facts` on `status_date`, issued that day.
pub fn pack(status_date: &str, facts: Facts) -> Pack {
    Pack {
        id: format!("SP-{status_date}"),
        status_date: date(status_date),
        issued_on: date(status_date),
        narrative: Default::default(),
        overrides: Vec::new(),
        assessment: Assessment::default(),
        changes: Default::default(),
        facts,
    }
}

pub fn refs(packs: &[Pack]) -> Vec<&Pack> {
    packs.iter().collect()
}

/// Milestone `id` forecast (or finished) on `finish`; `committed` and `actual` empty for
/// none.
pub fn milestone(id: &str, finish: &str, committed: &str, actual: &str) -> MilestoneFact {
    MilestoneFact {
        id: id.into(),
        name: id.to_uppercase(),
        finish: date(finish),
        committed: maybe(committed),
        p80: None,
        actual: maybe(actual),
    }
}

/// A log item opened on `opened` and closed on `closed` (empty: none), open while not
/// closed.
pub fn item(id: &str, opened: &str, closed: &str) -> ItemFact {
    ItemFact {
        id: id.into(),
        name: id.into(),
        state: if closed.is_empty() { "open" } else { "closed" }.into(),
        open: closed.is_empty(),
        opened: maybe(opened),
        closed: maybe(closed),
        ..ItemFact::default()
    }
}

pub fn named(ids: &[&str]) -> Vec<Named> {
    ids.iter()
        .map(|id| Named {
            id: id.to_string(),
            name: id.to_uppercase(),
        })
        .collect()
}

/// The values of a KPI's points.
pub fn values(points: &[crate::status::kpi::Point]) -> Vec<Option<f64>> {
    points.iter().map(|p| p.value).collect()
}
