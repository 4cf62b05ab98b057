//! Fields a file has that this version does not know: kept on read, written back.
//!
//! Each unknown field is filed under the item it was found in: `""` for the top level,
//! `program`, `calendar`, `workstreams/ID`, `workstreams/ID/calendar`, `tasks/ID`,
//! `tasks/ID/constraint`, `dependencies/FROM→TO`. Items are named by id, not position, so
//! the fields follow their item when the plan is reordered; an item that was deleted takes
//! its unknown fields with it.

use serde_json::{Map, Value};
use std::collections::BTreeMap;

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

    /// Files the fields of `object` not in `known` under `item`.
    pub(crate) fn keep(&mut self, item: String, object: &Map<String, Value>, known: &[&str]) {
        let unknown: Map<String, Value> = object
            .iter()
            .filter(|(key, _)| !known.contains(&key.as_str()))
            .map(|(key, value)| (key.clone(), value.clone()))
            .collect();
        if !unknown.is_empty() {
            self.0.entry(item).or_default().extend(unknown);
        }
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
