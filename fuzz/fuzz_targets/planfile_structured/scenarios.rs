//! The scenarios and baselines of a program file the structured fuzz target builds: a
//! scenario's changes (slips, estimates, added and removed tasks and links, constraints,
//! deadlines, unknown ones) and a baseline's saved task dates.

use arbitrary::Arbitrary;
use serde_json::{Map, Value};

use crate::json::{Extra, Field, Json, put, put_some};
use crate::program::{Constraint, Dependency, Estimate, Task};
use crate::values::{Date, Id, Name, Number, named};

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
pub(crate) struct Scenario {
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
pub(crate) struct Baseline {
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
