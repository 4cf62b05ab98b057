//! Upgrades of older file versions to the current one, a step per version.
//!
//! * Version 0: files from before the format named itself — the engine's model as the first
//!   `planwork` command line read it. Same fields; no `format` or `version`.
//! * Version 1: the current version.
//!
//! A file from a newer version is read as well as this version can: its unknown fields are
//! kept, and written back. So an upgrade must also accept fields already in a newer form.

use crate::{FORMAT, VERSION};
use serde_json::{Map, Value};

/// Brings `top` from `version` to [`VERSION`].
pub(crate) fn to_current(top: &mut Map<String, Value>, version: u64) {
    if version == 0 {
        v0_to_v1(top);
    }
}

fn v0_to_v1(top: &mut Map<String, Value>) {
    top.insert("format".into(), Value::from(FORMAT));
    top.insert("version".into(), Value::from(VERSION));
}
