//! The parts of a program file the structured fuzz target builds: the program's info and
//! calendar, workstreams, tasks with their constraints and estimates, dependencies and risks.

use arbitrary::Arbitrary;
use serde_json::{Map, Value};

use crate::json::{Extra, Field, Json, put, put_some};
use crate::values::{
    ConstraintKind, Date, Distribution, Id, LinkKind, Name, Number, Weekday, named,
};

#[derive(Arbitrary, Debug)]
pub(crate) struct Calendar {
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
pub(crate) struct Info {
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
pub(crate) struct Workstream {
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
pub(crate) struct Constraint {
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
pub(crate) struct Estimate {
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
pub(crate) struct Task {
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
pub(crate) struct Dependency {
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
pub(crate) struct Risk {
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
