//! Managing workstreams: a fresh, readable id from a name, and removing a workstream by
//! first moving its tasks to another, as one undoable action.
//!
//! ```
//! use engine::workstreams::{next_workstream_id, remove_workstream};
//! use engine::Program;
//! let json = r#"{"program": {"name": "P", "start": "2026-01-05"},
//!   "workstreams": [{"id": "data", "name": "Data"}, {"id": "web", "name": "Web"}],
//!   "tasks": [{"id": "a", "name": "A", "workstream": "data", "duration": 2}]}"#;
//! let mut program: Program = serde_json::from_str(json).unwrap();
//! assert_eq!(next_workstream_id(&program, "Data"), "data-2");
//! let action = remove_workstream(&program, "data", "web").unwrap();
//! engine::edit::History::default().apply(&mut program, action).unwrap();
//! assert_eq!(program.tasks[0].workstream, "web");
//! assert_eq!(program.workstreams.len(), 1);
//! ```

use crate::edit::Edit;
use crate::model::Program;

/// One action that moves every task of workstream `id` to `move_to` (a
/// [`Edit::ReplaceTask`] each) and then removes `id`. Refused, with the reason, when either
/// workstream is unknown, they are the same, or `id` is the last workstream.
pub fn remove_workstream(program: &Program, id: &str, move_to: &str) -> Result<Vec<Edit>, String> {
    let position = |wanted: &str| program.workstreams.iter().position(|w| w.id == wanted);
    let Some(index) = position(id) else {
        return Err(format!("There is no workstream '{id}' to remove."));
    };
    if program.workstreams.len() == 1 {
        return Err(format!(
            "'{}' is the only workstream: a program needs one for its tasks.",
            program.workstreams[index].name
        ));
    }
    if id == move_to {
        return Err(format!(
            "The tasks of '{}' need another workstream to move to.",
            program.workstreams[index].name
        ));
    }
    if position(move_to).is_none() {
        return Err(format!(
            "There is no workstream '{move_to}' to move the tasks to."
        ));
    }
    let mut action: Vec<Edit> = program
        .tasks
        .iter()
        .enumerate()
        .filter(|(_, task)| task.workstream == id)
        .map(|(t, task)| {
            let mut moved = task.clone();
            moved.workstream = move_to.to_string();
            Edit::ReplaceTask {
                index: t,
                task: moved,
            }
        })
        .collect();
    action.push(Edit::RemoveWorkstream { index });
    Ok(action)
}

/// A new workstream id from its name: lower case, words joined by `-` ("Data platform" →
/// `data-platform`), then `-2`, `-3` … if that id is taken. A name with no letter or digit
/// gives `workstream`.
pub fn next_workstream_id(program: &Program, name: &str) -> String {
    let taken = |id: &str| program.workstreams.iter().any(|w| w.id == id);
    unique_id(slug(name, "workstream"), taken)
}

/// `base`, or `base-2`, `base-3` … the first that is not `taken`.
pub(crate) fn unique_id(base: String, taken: impl Fn(&str) -> bool) -> String {
    if !taken(&base) {
        return base;
    }
    (2..)
        .map(|n| format!("{base}-{n}"))
        .find(|id| !taken(id))
        .unwrap_or(base)
}

/// Letters and digits in lower case, every run of anything else one `-`, none at the ends;
/// at most 40 characters, so that an id made from the longest name stays within
/// [`crate::text::MAX_ID_CHARS`] with a `-2` after it; `fallback` for a name with none.
pub(crate) fn slug(name: &str, fallback: &str) -> String {
    const LONGEST: usize = 40;
    let mut slug = String::with_capacity(name.len().min(4 * LONGEST));
    for c in name.chars() {
        if slug.chars().count() >= LONGEST {
            break;
        }
        if c.is_alphanumeric() {
            slug.extend(c.to_lowercase());
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
    }
    let slug = slug.trim_end_matches('-');
    if slug.is_empty() {
        fallback.to_string()
    } else {
        slug.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Workstream;

    fn with_ids(ids: &[&str]) -> Program {
        Program {
            workstreams: ids
                .iter()
                .map(|id| Workstream {
                    id: id.to_string(),
                    name: id.to_string(),
                    calendar: None,
                    color: None,
                })
                .collect(),
            ..Program::default()
        }
    }

    #[test]
    fn ids_are_readable_and_fresh() {
        let empty = with_ids(&[]);
        for (name, id) in [
            ("Data platform", "data-platform"),
            ("  QA & Release!  ", "qa-release"),
            ("Équipe données", "équipe-données"),
            ("R2-D2", "r2-d2"),
            ("", "workstream"),
            ("***", "workstream"),
        ] {
            assert_eq!(next_workstream_id(&empty, name), id, "{name}");
        }
        let taken = with_ids(&["data-platform", "data-platform-2", "workstream"]);
        assert_eq!(
            next_workstream_id(&taken, "Data platform"),
            "data-platform-3"
        );
        assert_eq!(next_workstream_id(&taken, "?"), "workstream-2");
    }
}
