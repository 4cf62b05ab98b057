//! Upgrades of older file versions to the current one, a step per version.
//!
//! * Version 0: files from before the format named itself — the engine's model as the first
//!   `planwork` command line read it. Same fields; no `format` or `version`. Upgraded by
//!   adding them.
//! * Version 1: the first version that named itself.
//! * Version 2: the current version. It adds three things a version 1 file cannot contain —
//!   `workstreams[].color`, `program.critical_path` and the `set_estimate` scenario change —
//!   and changes nothing else, so the upgrade from version 1 is only the version number.
//!   (A version 1 file read by a build of version 1 kept such fields as unknown ones; read
//!   here they are the fields of version 2.)
//!
//! A file from a newer version is read as well as this version can: its unknown fields are
//! kept, and written back. So an upgrade must also accept fields already in a newer form.

use crate::FORMAT;
use serde_json::{Map, Value};

/// Brings `top` from `version` to [`crate::VERSION`], one step at a time.
pub(crate) fn to_current(top: &mut Map<String, Value>, version: u64) {
    if version < 1 {
        v0_to_v1(top);
    }
    if version < 2 {
        v1_to_v2(top);
    }
}

fn v0_to_v1(top: &mut Map<String, Value>) {
    top.insert("format".into(), Value::from(FORMAT));
    top.insert("version".into(), Value::from(1));
}

fn v1_to_v2(top: &mut Map<String, Value>) {
    top.insert("version".into(), Value::from(2));
}
