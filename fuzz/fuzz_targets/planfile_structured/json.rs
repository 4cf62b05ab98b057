//! The JSON building blocks of the structured fuzz target: the `Json` trait the program's
//! parts implement, a `Field` that may be given, missing or wild, wild values of any shape,
//! and unknown fields added to an object.

use arbitrary::Arbitrary;
use serde_json::{Map, Value};

use crate::values::{Date, Id, Number};

/// A JSON value of some part of a program file.
pub(crate) trait Json {
    fn json(&self) -> Value;
}

/// A field: usually given, sometimes absent, sometimes anything at all.
#[derive(Arbitrary, Debug)]
pub(crate) enum Field<T> {
    Given(T),
    AlsoGiven(T),
    StillGiven(T),
    Missing,
    Wild(Wild),
}

impl<T: Json> Field<T> {
    fn value(&self) -> Option<Value> {
        match self {
            Field::Given(t) | Field::AlsoGiven(t) | Field::StillGiven(t) => Some(t.json()),
            Field::Missing => None,
            Field::Wild(wild) => Some(wild.json()),
        }
    }
}

/// Sets `key` in `object` unless the field is absent.
pub(crate) fn put<T: Json>(object: &mut Map<String, Value>, key: &str, field: &Field<T>) {
    if let Some(value) = field.value() {
        object.insert(key.to_owned(), value);
    }
}

/// Sets an optional field.
pub(crate) fn put_some<T: Json>(
    object: &mut Map<String, Value>,
    key: &str,
    field: &Option<Field<T>>,
) {
    if let Some(field) = field {
        put(object, key, field);
    }
}

fn list<T: Json>(items: &[T]) -> Value {
    Value::Array(items.iter().map(Json::json).collect())
}

impl<T: Json> Json for Vec<T> {
    fn json(&self) -> Value {
        list(self)
    }
}

impl Json for String {
    fn json(&self) -> Value {
        Value::from(self.as_str())
    }
}

impl Json for bool {
    fn json(&self) -> Value {
        Value::from(*self)
    }
}

/// Anything JSON can hold: a value, a short list or object of values, or lists nested a
/// few levels deep (now and then past the reader's nesting limit of 128).
#[derive(Arbitrary, Debug)]
pub(crate) enum Wild {
    Leaf(Leaf),
    List(Vec<Leaf>),
    Object(Vec<(Key, Leaf)>),
    Nested { depth: u8, inner: Leaf },
}

#[derive(Arbitrary, Debug)]
pub(crate) enum Leaf {
    Null,
    Bool(bool),
    Number(Number),
    Text(String),
    Date(Date),
    Id(Id),
}

impl Json for Leaf {
    fn json(&self) -> Value {
        match self {
            Leaf::Null => Value::Null,
            Leaf::Bool(b) => Value::from(*b),
            Leaf::Number(n) => n.json(),
            Leaf::Text(t) => Value::from(t.as_str()),
            Leaf::Date(d) => d.json(),
            Leaf::Id(id) => id.json(),
        }
    }
}

impl Json for Wild {
    fn json(&self) -> Value {
        match self {
            Wild::Leaf(leaf) => leaf.json(),
            Wild::List(items) => list(items),
            Wild::Object(fields) => {
                Value::Object(fields.iter().map(|(k, v)| (k.name(), v.json())).collect())
            }
            Wild::Nested { depth, inner } => {
                let depth = if *depth > 250 {
                    120 + depth % 16
                } else {
                    depth % 6
                };
                (0..depth).fold(inner.json(), |value, _| Value::Array(vec![value]))
            }
        }
    }
}

/// Unknown fields (or known ones where they do not belong).
#[derive(Arbitrary, Debug)]
pub(crate) struct Extra(Vec<(Key, Wild)>);

impl Extra {
    pub(crate) fn add_to(&self, object: &mut Map<String, Value>) {
        for (key, value) in &self.0 {
            object.entry(key.name()).or_insert_with(|| value.json());
        }
    }
}

/// Keys of the format (so a wild object may look like the real thing), and others.
#[derive(Arbitrary, Debug)]
pub(crate) enum Key {
    Known(u8),
    Other(String),
}

const KEYS: &[&str] = &[
    "format",
    "version",
    "id",
    "program",
    "calendar",
    "workstreams",
    "tasks",
    "dependencies",
    "risks",
    "scenarios",
    "baselines",
    "active_baseline",
    "name",
    "start",
    "status_date",
    "finish_by",
    "critical_path",
    "rule",
    "max_days",
    "workdays",
    "holidays",
    "color",
    "workstream",
    "duration",
    "milestone",
    "constraint",
    "deadline",
    "actual_start",
    "actual_finish",
    "percent_complete",
    "estimate",
    "optimistic",
    "likely",
    "pessimistic",
    "distribution",
    "type",
    "date",
    "from",
    "to",
    "lag",
    "title",
    "probability",
    "impact",
    "min",
    "max",
    "description",
    "changes",
    "change",
    "task",
    "days",
    "dependency",
    "saved_on",
    "finish",
    "colour",
    "notes",
];

impl Key {
    fn name(&self) -> String {
        match self {
            Key::Known(i) => KEYS[usize::from(*i) % KEYS.len()].to_owned(),
            Key::Other(name) => name.clone(),
        }
    }
}

impl<T: Json> Json for Option<T> {
    fn json(&self) -> Value {
        self.as_ref().map_or(Value::Null, Json::json)
    }
}

impl<T: Json> Json for Box<T> {
    fn json(&self) -> Value {
        (**self).json()
    }
}
