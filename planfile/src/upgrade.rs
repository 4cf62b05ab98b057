//! Upgrades of older file versions to the current one, a step per version.
//!
//! * Version 0: files from before the format named itself — the engine's model as the first
//!   `planwork` command line read it. Same fields; no `format` or `version`.
//! * Version 1: the first version that named itself.
//! * Version 2: adds three things a version 1 file cannot contain — `workstreams[].color`,
//!   `program.critical_path` and the `set_estimate` scenario change — and changes nothing
//!   else. (A version 1 file read by a build of version 1 kept such fields as unknown ones;
//!   read here they are the fields of version 2.)
//! * Version 3: adds the `ALAP` (as late as possible) constraint type, which a version 2
//!   reader refuses, and changes nothing else.
//! * Version 4: adds summary tasks (`tasks[].parent`, `tasks[].summary`) and resources
//!   (`resources[]`, `tasks[].demands`, `tasks[].priority`), and changes nothing else. (A
//!   version 3 reader keeps them as unknown fields and schedules the tasks flat; a
//!   summary's tasks would then read as milestones.)
//! * Version 5: adds the logs (`logs`: assumptions, issues,
//!   cross-team dependencies, decisions, change requests, the charter) and a risk's log
//!   fields (`risks[].owner`, `severity`, `response`, `actions`, `status`, `mitigated` …),
//!   and changes nothing else. (A version 4 reader keeps them as unknown fields and writes
//!   them back; its forecast reads a risk as before.)
//! * Version 6: adds milestone readiness (`readiness`: checklists, templates, go/no-go
//!   records, cutover runbooks, post-launch reviews) and changes nothing else. (A version 5
//!   reader keeps it as an unknown field and writes it back.)
//! * Version 7: adds the status book (`status`: the RAG rules, the draft pack, the packs
//!   issued with the facts each measured) and changes nothing else. (A version 6 reader
//!   keeps it as an unknown field and writes it back.)
//! * Version 8: the current version. It adds the program board (`board`: the planning
//!   interval and the teams' PI objectives) and changes nothing else. (A version 7 reader
//!   keeps it as an unknown field and writes it back.)
//!
//! So far no step changes a field: `format` and `version` are the reader's, and everything
//! else reads the same in every version. A step that renames or reshapes a field would parse
//! that field from the [`Top`]'s text, change it, and put it back.
//!
//! A file from a newer version is read as well as this version can: its unknown fields are
//! kept, and written back. So an upgrade must also accept fields already in a newer form.

use crate::raw::Top;

/// Brings `top` from `version` to [`crate::VERSION`], one step at a time.
pub(crate) fn to_current(top: &mut Top<'_>, version: u64) {
    if version < 1 {
        v0_to_v1(top);
    }
    if version < 2 {
        v1_to_v2(top);
    }
    if version < 3 {
        v2_to_v3(top);
    }
    if version < 4 {
        v3_to_v4(top);
    }
    if version < 5 {
        v4_to_v5(top);
    }
    if version < 6 {
        v5_to_v6(top);
    }
    if version < 7 {
        v6_to_v7(top);
    }
    if version < 8 {
        v7_to_v8(top);
    }
}

/// Version 0 lacked only `format` and `version`, which the writer always writes.
fn v0_to_v1(_top: &mut Top<'_>) {}

/// Version 2 only added fields.
fn v1_to_v2(_top: &mut Top<'_>) {}

/// Version 3 only added a constraint type.
fn v2_to_v3(_top: &mut Top<'_>) {}

/// Version 4 only added fields: the outline's and the resources'.
fn v3_to_v4(_top: &mut Top<'_>) {}

/// Version 5 only added fields: the logs, and a risk's log fields.
fn v4_to_v5(_top: &mut Top<'_>) {}

/// Version 6 only added a field: readiness.
fn v5_to_v6(_top: &mut Top<'_>) {}

/// Version 7 only added a field: the status book.
fn v6_to_v7(_top: &mut Top<'_>) {}

/// Version 8 only added a field: the program board.
fn v7_to_v8(_top: &mut Top<'_>) {}
