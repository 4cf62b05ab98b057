//! Program files built from the fuzzer's bytes (with `arbitrary`): JSON shaped like a
//! program of version 0, 1, 2 or a later one, so that mutations get past the JSON syntax
//! into decoding, the upgrades, the engine's check and what opening a program computes
//! (`planfile::fuzzing::program_text`). Ids come from a small pool so that references
//! meet; any field may instead be missing or a wild value (wrong type, extreme number,
//! nested junk), and any object may carry unknown fields.
#![no_main]

// The parts sit in the folder named after the target: without `#[path]` they would be
// looked for beside this file, where `scripts/fuzz` takes every `*.rs` for a target.
#[path = "planfile_structured/json.rs"]
mod json;
#[path = "planfile_structured/program.rs"]
mod program;
#[path = "planfile_structured/scenarios.rs"]
mod scenarios;
#[path = "planfile_structured/values.rs"]
mod values;

use arbitrary::Arbitrary;
use libfuzzer_sys::fuzz_target;
use serde_json::{Map, Value};

use crate::json::{Extra, Field, Json, Wild, put, put_some};
use crate::program::{Calendar, Dependency, Info, Risk, Task, Workstream};
use crate::scenarios::{Baseline, Scenario};
use crate::values::Id;

fuzz_target!(|file: File| planfile::fuzzing::program_text(&file.text()));

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
