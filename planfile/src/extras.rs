//! Fields a file has that this version does not know: kept on read, written back.
//!
//! Each unknown field is filed under the item it was found in: `""` for the top level,
//! `program`, `calendar`, `workstreams/ID`, `workstreams/ID/calendar`, `tasks/ID`,
//! `tasks/ID/constraint`, `dependencies/FROM→TO`. Items are named by id, not position, so
//! the fields follow their item when the plan is reordered; an item that was deleted takes
//! its unknown fields with it.
//!
//! What is kept is bounded: [`MAX_KEPT_VALUES`] values in all (a JSON tree costs a hundred
//! bytes or more a value), nested no deeper than any part of a file may be.

use crate::raw::Fields;
use serde_json::{Map, Value};
use std::collections::BTreeMap;

/// At most this many values (counting every list, object, text, number …) are kept in
/// unknown fields: a newer version's field or two on every task of a 100,000-task plan.
pub const MAX_KEPT_VALUES: usize = 200_000;

/// Unknown fields, by the item they belong to.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Extras(pub(crate) BTreeMap<String, Map<String, Value>>);

impl Extras {
    /// Whether nothing unknown was kept.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The unknown fields of one item (see the module docs for item names).
    pub fn of(&self, item: &str) -> Option<&Map<String, Value>> {
        self.0.get(item)
    }

    /// Files the fields of `fields` not in `known` under `item`, each only if its values
    /// fit in what is left of `budget` (which they use up); else the key of the first that
    /// does not fit, and nothing more is kept.
    pub(crate) fn keep(
        &mut self,
        item: impl FnOnce() -> String,
        fields: &Fields<'_>,
        known: &[&str],
        budget: &mut usize,
    ) -> Result<(), String> {
        if fields.iter().all(|(key, _)| known.contains(&key.as_ref())) {
            return Ok(());
        }
        let mut unknown = Map::new();
        for (key, raw) in fields
            .iter()
            .filter(|(key, _)| !known.contains(&key.as_ref()))
        {
            let values = crate::scan::count_values(raw.get());
            if values > *budget {
                return Err(key.to_string());
            }
            *budget -= values;
            // The text was checked: each piece parses.
            if let Ok(value) = serde_json::from_str::<Value>(raw.get()) {
                unknown.insert(key.to_string(), value);
            }
        }
        if !unknown.is_empty() {
            self.0.entry(item()).or_default().extend(unknown);
        }
        Ok(())
    }

    /// Adds the unknown fields of `item` to `object`, after its known ones.
    pub(crate) fn restore(&self, item: &str, object: &mut Map<String, Value>) {
        for (key, value) in self.0.get(item).into_iter().flatten() {
            if !object.contains_key(key) {
                object.insert(key.clone(), value.clone());
            }
        }
    }
}

/// The item name of a dependency.
pub(crate) fn dependency_item(from: &str, to: &str) -> String {
    format!("dependencies/{from}→{to}")
}
