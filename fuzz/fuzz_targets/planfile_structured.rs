//! Program files built from the fuzzer's bytes (with `arbitrary`): JSON shaped like a
//! program of version 0, 1, 2 or a later one, so that mutations get past the JSON syntax
//! into decoding, the upgrades, the engine's check and what opening a program computes
//! (`planfile::fuzzing::program_text`). Ids come from a small pool so that references
//! meet; any field may instead be missing or a wild value (wrong type, extreme number,
//! nested junk), and any object may carry unknown fields.
#![no_main]

use arbitrary::Arbitrary;
use libfuzzer_sys::fuzz_target;
use serde_json::{Map, Value};

fuzz_target!(|file: File| planfile::fuzzing::program_text(&file.text()));

/// A JSON value of some part of a program file.
trait Json {
    fn json(&self) -> Value;
}

/// A field: usually given, sometimes absent, sometimes anything at all.
#[derive(Arbitrary, Debug)]
enum Field<T> {
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
fn put<T: Json>(object: &mut Map<String, Value>, key: &str, field: &Field<T>) {
    if let Some(value) = field.value() {
        object.insert(key.to_owned(), value);
    }
}

/// Sets an optional field.
fn put_some<T: Json>(object: &mut Map<String, Value>, key: &str, field: &Option<Field<T>>) {
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
enum Wild {
    Leaf(Leaf),
    List(Vec<Leaf>),
    Object(Vec<(Key, Leaf)>),
    Nested { depth: u8, inner: Leaf },
}

#[derive(Arbitrary, Debug)]
enum Leaf {
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
struct Extra(Vec<(Key, Wild)>);

impl Extra {
    fn add_to(&self, object: &mut Map<String, Value>) {
        for (key, value) in &self.0 {
            object.entry(key.name()).or_insert_with(|| value.json());
        }
    }
}

/// Keys of the format (so a wild object may look like the real thing), and others.
#[derive(Arbitrary, Debug)]
enum Key {
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

/// An id from a small pool, so that tasks, links, risks and baselines refer to each other;
/// a few are awkward (blank, a slash or an arrow as in the names of kept unknown fields).
#[derive(Arbitrary, Debug, Clone, Copy)]
struct Id(u8);

const IDS: &[&str] = &[
    "a", "b", "c", "d", "e", "m", "t1", "eng", "ops", "x y", "", " ", "a/b", "a→b", "é", "PASS",
];

impl Json for Id {
    fn json(&self) -> Value {
        Value::from(IDS[usize::from(self.0) % IDS.len()])
    }
}

/// Numbers: small ones (the plan works) and the edges (the plan must be refused cleanly).
#[derive(Arbitrary, Debug)]
enum Number {
    Small(i8),
    Medium(i16),
    Edge(u8),
    Fraction(u8),
    Any(f64),
}

impl Json for Number {
    fn json(&self) -> Value {
        match self {
            Number::Small(n) => Value::from(*n),
            Number::Medium(n) => Value::from(*n),
            Number::Edge(i) => edge(*i),
            Number::Fraction(n) => Value::from(f64::from(*n) / 8.0),
            Number::Any(x) => Value::from(*x),
        }
    }
}

fn edge(i: u8) -> Value {
    match i % 16 {
        0 => Value::from(i64::MIN),
        1 => Value::from(i64::MAX),
        2 => Value::from(u64::MAX),
        3 => Value::from(100_000),
        4 => Value::from(100_001),
        5 => Value::from(-100_000),
        6 => Value::from(-100_001),
        7 => Value::from(1e300),
        8 => Value::from(-0.0),
        9 => Value::from(5e-324),
        10 => Value::from(9_007_199_254_740_993_u64),
        11 => Value::from(2_147_483_648_i64),
        12 => Value::from(-1),
        13 => Value::from(0),
        14 => Value::from(1.5),
        _ => Value::from(36_500),
    }
}

/// A date: near the example plans (some days invalid, like 2026-02-31), at the edges, or
/// any text.
#[derive(Arbitrary, Debug)]
enum Date {
    Near { year: u8, month: u8, day: u8 },
    Edge(u8),
    Text(String),
}

const EDGE_DATES: &[&str] = &[
    "0001-01-01",
    "9999-12-31",
    "+262142-12-31",
    "-262143-01-01",
    "1970-01-01",
    "2026-02-29",
    "2028-02-29",
    "2026-1-5",
    "2026/01/05",
    "",
    "2026-01-05T00:00:00",
    "20260105",
];

impl Json for Date {
    fn json(&self) -> Value {
        match self {
            Date::Near { year, month, day } => Value::from(format!(
                "{}-{:02}-{:02}",
                2020 + u32::from(*year % 16),
                1 + month % 12,
                1 + day % 31
            )),
            Date::Edge(i) => Value::from(EDGE_DATES[usize::from(*i) % EDGE_DATES.len()]),
            Date::Text(text) => Value::from(text.as_str()),
        }
    }
}

/// One of a few names, or any text.
#[derive(Arbitrary, Debug)]
enum Name {
    Known(u8),
    Other(String),
}

fn named(names: &[&str], choice: &Name) -> Value {
    match choice {
        Name::Known(i) => Value::from(names[usize::from(*i) % names.len()]),
        Name::Other(text) => Value::from(text.as_str()),
    }
}

macro_rules! name_list {
    ($type:ident, $names:expr) => {
        #[derive(Arbitrary, Debug)]
        struct $type(Name);
        impl Json for $type {
            fn json(&self) -> Value {
                named(&$names, &self.0)
            }
        }
    };
}

name_list!(
    Weekday,
    [
        "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun", "Monday", "mon"
    ]
);
name_list!(LinkKind, ["FS", "SS", "FF", "SF", "fs"]);
name_list!(
    ConstraintKind,
    ["ASAP", "SNET", "SNLT", "FNET", "FNLT", "MSO", "MFO"]
);
name_list!(Distribution, ["pert", "triangular", "uniform", "PERT"]);

#[derive(Arbitrary, Debug)]
struct Calendar {
    workdays: Field<Vec<Weekday>>,
    holidays: Field<Vec<Date>>,
    extra: Extra,
}

impl Json for Calendar {
    fn json(&self) -> Value {
        let mut o = Map::new();
        put(&mut o, "workdays", &self.workdays);
        put(&mut o, "holidays", &self.holidays);
        self.extra.add_to(&mut o);
        Value::Object(o)
    }
}

#[derive(Arbitrary, Debug)]
enum CriticalPath {
    TotalFloat(Option<Field<Number>>),
    LongestPath,
    Other(Name),
}

impl Json for CriticalPath {
    fn json(&self) -> Value {
        let mut o = Map::new();
        match self {
            CriticalPath::TotalFloat(days) => {
                o.insert("rule".into(), Value::from("total_float"));
                put_some(&mut o, "max_days", days);
            }
            CriticalPath::LongestPath => {
                o.insert("rule".into(), Value::from("longest_path"));
            }
            CriticalPath::Other(rule) => {
                o.insert("rule".into(), named(&["total_float", "longest_path"], rule));
            }
        }
        Value::Object(o)
    }
}

#[derive(Arbitrary, Debug)]
struct Info {
    name: Field<String>,
    start: Field<Date>,
    status_date: Option<Field<Date>>,
    finish_by: Option<Field<Date>>,
    critical_path: Option<Field<CriticalPath>>,
    extra: Extra,
}

impl Json for Info {
    fn json(&self) -> Value {
        let mut o = Map::new();
        put(&mut o, "name", &self.name);
        put(&mut o, "start", &self.start);
        put_some(&mut o, "status_date", &self.status_date);
        put_some(&mut o, "finish_by", &self.finish_by);
        put_some(&mut o, "critical_path", &self.critical_path);
        self.extra.add_to(&mut o);
        Value::Object(o)
    }
}

#[derive(Arbitrary, Debug)]
struct Workstream {
    id: Field<Id>,
    name: Field<String>,
    calendar: Option<Field<Calendar>>,
    color: Option<Field<String>>,
    extra: Extra,
}

impl Json for Workstream {
    fn json(&self) -> Value {
        let mut o = Map::new();
        put(&mut o, "id", &self.id);
        put(&mut o, "name", &self.name);
        put_some(&mut o, "calendar", &self.calendar);
        put_some(&mut o, "color", &self.color);
        self.extra.add_to(&mut o);
        Value::Object(o)
    }
}

#[derive(Arbitrary, Debug)]
struct Constraint {
    kind: Field<ConstraintKind>,
    date: Option<Field<Date>>,
    extra: Extra,
}

impl Json for Constraint {
    fn json(&self) -> Value {
        let mut o = Map::new();
        put(&mut o, "type", &self.kind);
        put_some(&mut o, "date", &self.date);
        self.extra.add_to(&mut o);
        Value::Object(o)
    }
}

#[derive(Arbitrary, Debug)]
struct Estimate {
    optimistic: Field<Number>,
    likely: Field<Number>,
    pessimistic: Field<Number>,
    distribution: Option<Field<Distribution>>,
}

impl Json for Estimate {
    fn json(&self) -> Value {
        let mut o = Map::new();
        put(&mut o, "optimistic", &self.optimistic);
        put(&mut o, "likely", &self.likely);
        put(&mut o, "pessimistic", &self.pessimistic);
        put_some(&mut o, "distribution", &self.distribution);
        Value::Object(o)
    }
}

#[derive(Arbitrary, Debug)]
struct Task {
    id: Field<Id>,
    name: Field<String>,
    workstream: Field<Id>,
    duration: Option<Field<Number>>,
    milestone: Option<Field<bool>>,
    constraint: Option<Field<Constraint>>,
    deadline: Option<Field<Date>>,
    actual_start: Option<Field<Date>>,
    actual_finish: Option<Field<Date>>,
    percent_complete: Option<Field<Number>>,
    estimate: Option<Field<Estimate>>,
    extra: Extra,
}

impl Json for Task {
    fn json(&self) -> Value {
        let mut o = Map::new();
        put(&mut o, "id", &self.id);
        put(&mut o, "name", &self.name);
        put(&mut o, "workstream", &self.workstream);
        put_some(&mut o, "duration", &self.duration);
        put_some(&mut o, "milestone", &self.milestone);
        put_some(&mut o, "constraint", &self.constraint);
        put_some(&mut o, "deadline", &self.deadline);
        put_some(&mut o, "actual_start", &self.actual_start);
        put_some(&mut o, "actual_finish", &self.actual_finish);
        put_some(&mut o, "percent_complete", &self.percent_complete);
        put_some(&mut o, "estimate", &self.estimate);
        self.extra.add_to(&mut o);
        Value::Object(o)
    }
}

#[derive(Arbitrary, Debug)]
struct Dependency {
    from: Field<Id>,
    to: Field<Id>,
    kind: Option<Field<LinkKind>>,
    lag: Option<Field<Number>>,
    extra: Extra,
}

impl Json for Dependency {
    fn json(&self) -> Value {
        let mut o = Map::new();
        put(&mut o, "from", &self.from);
        put(&mut o, "to", &self.to);
        put_some(&mut o, "type", &self.kind);
        put_some(&mut o, "lag", &self.lag);
        self.extra.add_to(&mut o);
        Value::Object(o)
    }
}

#[derive(Arbitrary, Debug)]
struct Impact {
    min: Field<Number>,
    max: Field<Number>,
}

impl Json for Impact {
    fn json(&self) -> Value {
        let mut o = Map::new();
        put(&mut o, "min", &self.min);
        put(&mut o, "max", &self.max);
        Value::Object(o)
    }
}

#[derive(Arbitrary, Debug)]
struct Risk {
    id: Field<Id>,
    title: Field<String>,
    probability: Field<Number>,
    impact: Field<Impact>,
    tasks: Field<Vec<Id>>,
    extra: Extra,
}

impl Json for Risk {
    fn json(&self) -> Value {
        let mut o = Map::new();
        put(&mut o, "id", &self.id);
        put(&mut o, "title", &self.title);
        put(&mut o, "probability", &self.probability);
        put(&mut o, "impact", &self.impact);
        put(&mut o, "tasks", &self.tasks);
        self.extra.add_to(&mut o);
        Value::Object(o)
    }
}

#[derive(Arbitrary, Debug)]
enum Change {
    Slip {
        task: Field<Id>,
        days: Field<Number>,
    },
    Estimate {
        task: Field<Id>,
        days: Field<Number>,
    },
    SetEstimate {
        task: Field<Id>,
        estimate: Field<Option<Estimate>>,
    },
    AddTask {
        task: Field<Box<Task>>,
    },
    RemoveTask {
        task: Field<Id>,
    },
    AddDependency {
        dependency: Field<Dependency>,
    },
    RemoveDependency {
        from: Field<Id>,
        to: Field<Id>,
    },
    SetConstraint {
        task: Field<Id>,
        constraint: Field<Option<Constraint>>,
    },
    SetDeadline {
        task: Field<Id>,
        deadline: Field<Option<Date>>,
    },
    Other {
        change: Name,
        extra: Extra,
    },
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

impl Json for Change {
    fn json(&self) -> Value {
        let mut o = Map::new();
        let kind = match self {
            Change::Slip { task, days } | Change::Estimate { task, days } => {
                put(&mut o, "task", task);
                put(&mut o, "days", days);
                if matches!(self, Change::Slip { .. }) {
                    "slip"
                } else {
                    "estimate"
                }
            }
            Change::SetEstimate { task, estimate } => {
                put(&mut o, "task", task);
                put(&mut o, "estimate", estimate);
                "set_estimate"
            }
            Change::AddTask { task } => {
                put(&mut o, "task", task);
                "add_task"
            }
            Change::RemoveTask { task } => {
                put(&mut o, "task", task);
                "remove_task"
            }
            Change::AddDependency { dependency } => {
                put(&mut o, "dependency", dependency);
                "add_dependency"
            }
            Change::RemoveDependency { from, to } => {
                put(&mut o, "from", from);
                put(&mut o, "to", to);
                "remove_dependency"
            }
            Change::SetConstraint { task, constraint } => {
                put(&mut o, "task", task);
                put(&mut o, "constraint", constraint);
                "set_constraint"
            }
            Change::SetDeadline { task, deadline } => {
                put(&mut o, "task", task);
                put(&mut o, "deadline", deadline);
                "set_deadline"
            }
            Change::Other { change, extra } => {
                extra.add_to(&mut o);
                o.insert(
                    "change".into(),
                    named(&["slip", "grow", "add_task"], change),
                );
                return Value::Object(o);
            }
        };
        o.insert("change".into(), Value::from(kind));
        Value::Object(o)
    }
}

#[derive(Arbitrary, Debug)]
struct Scenario {
    id: Field<Id>,
    name: Field<String>,
    description: Option<Field<String>>,
    changes: Field<Vec<Change>>,
    extra: Extra,
}

impl Json for Scenario {
    fn json(&self) -> Value {
        let mut o = Map::new();
        put(&mut o, "id", &self.id);
        put(&mut o, "name", &self.name);
        put_some(&mut o, "description", &self.description);
        put(&mut o, "changes", &self.changes);
        self.extra.add_to(&mut o);
        Value::Object(o)
    }
}

#[derive(Arbitrary, Debug)]
struct BaselineTask {
    id: Field<Id>,
    start: Field<Date>,
    finish: Field<Date>,
}

impl Json for BaselineTask {
    fn json(&self) -> Value {
        let mut o = Map::new();
        put(&mut o, "id", &self.id);
        put(&mut o, "start", &self.start);
        put(&mut o, "finish", &self.finish);
        Value::Object(o)
    }
}

#[derive(Arbitrary, Debug)]
struct Baseline {
    id: Field<Id>,
    name: Field<String>,
    saved_on: Field<Date>,
    tasks: Field<Vec<BaselineTask>>,
    extra: Extra,
}

impl Json for Baseline {
    fn json(&self) -> Value {
        let mut o = Map::new();
        put(&mut o, "id", &self.id);
        put(&mut o, "name", &self.name);
        put(&mut o, "saved_on", &self.saved_on);
        put(&mut o, "tasks", &self.tasks);
        self.extra.add_to(&mut o);
        Value::Object(o)
    }
}

/// What the file says it is.
#[derive(Arbitrary, Debug)]
enum Version {
    /// Before the format named itself: no `format`, no `version`.
    V0,
    V1,
    V2,
    Later(u8),
    Odd(Wild),
    OtherFormat(String),
}

/// A whole file. Its `Debug` is the file's text, so `cargo fuzz fmt planfile_structured
/// INPUT` prints the program file a crash was found with.
#[derive(Arbitrary)]
struct File {
    version: Version,
    id: Option<Field<String>>,
    program: Field<Info>,
    calendar: Option<Field<Calendar>>,
    workstreams: Option<Field<Vec<Workstream>>>,
    tasks: Option<Field<Vec<Task>>>,
    dependencies: Option<Field<Vec<Dependency>>>,
    risks: Option<Field<Vec<Risk>>>,
    scenarios: Option<Field<Vec<Scenario>>>,
    baselines: Option<Field<Vec<Baseline>>>,
    active_baseline: Option<Field<Id>>,
    extra: Extra,
    pretty: bool,
}

impl File {
    fn text(&self) -> String {
        let mut o = Map::new();
        match &self.version {
            Version::V0 => {}
            Version::V1 | Version::V2 | Version::Later(_) | Version::Odd(_) => {
                o.insert("format".into(), Value::from("planwork"));
                let version = match &self.version {
                    Version::V1 => Value::from(1),
                    Version::V2 => Value::from(2),
                    Version::Later(n) => Value::from(3 + u64::from(*n)),
                    Version::Odd(wild) => wild.json(),
                    _ => Value::Null,
                };
                o.insert("version".into(), version);
            }
            Version::OtherFormat(format) => {
                o.insert("format".into(), Value::from(format.as_str()));
                o.insert("version".into(), Value::from(1));
            }
        }
        put_some(&mut o, "id", &self.id);
        put(&mut o, "program", &self.program);
        put_some(&mut o, "calendar", &self.calendar);
        put_some(&mut o, "workstreams", &self.workstreams);
        put_some(&mut o, "tasks", &self.tasks);
        put_some(&mut o, "dependencies", &self.dependencies);
        put_some(&mut o, "risks", &self.risks);
        put_some(&mut o, "scenarios", &self.scenarios);
        put_some(&mut o, "baselines", &self.baselines);
        put_some(&mut o, "active_baseline", &self.active_baseline);
        self.extra.add_to(&mut o);
        let top = Value::Object(o);
        let text = if self.pretty {
            serde_json::to_string_pretty(&top)
        } else {
            serde_json::to_string(&top)
        };
        text.unwrap_or_default()
    }
}

impl std::fmt::Debug for File {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.text())
    }
}
