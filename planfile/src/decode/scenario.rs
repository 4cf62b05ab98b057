//! A scenario read change by change, so a problem in one change names its field.
//!
//! serde reads the file's internally tagged changes (`{"change": "slip", "days": …}`)
//! through a buffer, and its errors then lose the field; each change is instead rewritten
//! under its kind as the one key and read as that variant.

use super::wording::plain;
use super::{Decoder, Item};
use crate::raw::{Fields, field, kind, list, object, without_position};
use engine::scenario::{Change, Scenario};
use engine::{Constraint, Dependency, Estimate, Task};
use serde::Deserialize;
use serde_json::value::RawValue;

/// A scenario's changes are decoded one by one: serde reads an internally tagged enum
/// (`{"change": "slip", "days": …}`) through a buffer, and its errors lose the field.
impl Item for Scenario {
    fn decode(d: &mut Decoder, path: &str, raw: &RawValue, fields: &Fields<'_>) -> Option<Self> {
        #[derive(Deserialize)]
        struct Head {
            id: String,
            name: String,
            #[serde(default)]
            description: String,
        }
        let head: Option<Head> = d.value(path, raw);
        let changes = match field(fields, "changes") {
            None => Some(Vec::new()),
            Some(raw) => changes(d, &format!("{path}.changes"), raw),
        };
        let (head, changes) = (head?, changes?);
        Some(Scenario {
            id: head.id,
            name: head.name,
            description: head.description,
            changes,
        })
    }
}

/// Each change of a list, or `None` if one has a problem (each is recorded).
fn changes(d: &mut Decoder, path: &str, raw: &RawValue) -> Option<Vec<Change>> {
    let Some(elements) = list(raw) else {
        d.problem(path.into(), format!("expected a list, found {}", kind(raw)));
        return None;
    };
    let mut changes = Vec::with_capacity(elements.len());
    let mut sound = true;
    for (c, element) in elements.into_iter().enumerate() {
        let path = format!("{path}[{c}]");
        match change(d, &path, element) {
            Some(change) => changes.push(change),
            None => sound = false,
        }
    }
    sound.then_some(changes)
}

/// One change, read as the variant its `change` field names, so a problem names its field.
fn change(d: &mut Decoder, path: &str, raw: &RawValue) -> Option<Change> {
    let Some(fields) = object(raw) else {
        d.problem(
            path.into(),
            format!("expected an object, found {}", kind(raw)),
        );
        return None;
    };
    let Some(tag) = field(&fields, "change") else {
        d.problem(
            format!("{path}.change"),
            "missing: what kind of change this is (slip, estimate, add_task …)".into(),
        );
        return None;
    };
    if serde_json::from_str::<String>(tag.get()).is_err() {
        let problem = format!("expected the kind of change as text, found {}", kind(tag));
        d.problem(format!("{path}.change"), problem);
        return None;
    }
    // The same fields, under the kind as the one key: `{"slip": {"task": …, "days": …}}`.
    let mut text = format!("{{{}:{{", tag.get());
    let rest = fields.iter().filter(|(key, _)| key != "change");
    for (i, (key, value)) in rest.enumerate() {
        if i > 0 {
            text.push(',');
        }
        text.push_str(&serde_json::Value::from(key.as_ref()).to_string());
        text.push(':');
        text.push_str(value.get());
    }
    text.push_str("}}");
    let mut deserializer = serde_json::Deserializer::from_str(&text);
    match serde_path_to_error::deserialize::<_, OneChange>(&mut deserializer) {
        Ok(OneChange(change)) => Some(change),
        Err(error) => {
            // The path starts at the kind (`slip.days`): the field is what follows it.
            let inner = error.path().to_string();
            let message = plain(&without_position(&error.into_inner().to_string()));
            // A missing field is named where it should be, not at the kind.
            let missing = message
                .strip_prefix("missing field `")
                .and_then(|rest| rest.split('`').next());
            let field = match (inner.split_once('.'), missing) {
                (Some((_, field)), _) if !field.is_empty() => format!("{path}.{field}"),
                (_, Some(missing)) => format!("{path}.{missing}"),
                _ => format!("{path}.change"),
            };
            d.problem(field, message);
            None
        }
    }
}

/// A change in serde's default (externally tagged) form: `{"slip": {"task": …}}`.
#[derive(Deserialize)]
struct OneChange(#[serde(with = "ChangeByKind")] Change);

/// [`Change`]'s variants and fields, for [`OneChange`] (serde's remote derive: it must list
/// them as [`Change`] does, which the compiler checks).
#[derive(Deserialize)]
#[serde(remote = "Change", rename_all = "snake_case")]
#[allow(dead_code)]
enum ChangeByKind {
    Slip {
        task: String,
        days: i64,
    },
    Estimate {
        task: String,
        days: i64,
    },
    SetEstimate {
        task: String,
        estimate: Option<Estimate>,
    },
    AddTask {
        task: Task,
    },
    RemoveTask {
        task: String,
    },
    AddDependency {
        dependency: Dependency,
    },
    RemoveDependency {
        from: String,
        to: String,
    },
    SetConstraint {
        task: String,
        constraint: Option<Constraint>,
    },
    SetDeadline {
        task: String,
        deadline: Option<chrono::NaiveDate>,
    },
    Level {
        task: String,
        start: Option<chrono::NaiveDate>,
        #[serde(default)]
        reason: String,
    },
}
