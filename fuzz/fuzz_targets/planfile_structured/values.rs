//! The leaf values of the structured fuzz target: ids from a small pool, numbers, dates and
//! names, each usually plausible and sometimes at an edge or any text.

use arbitrary::Arbitrary;
use serde_json::Value;

use crate::json::Json;

/// An id from a small pool, so that tasks, links, risks and baselines refer to each other;
/// a few are awkward (blank, a slash or an arrow as in the names of kept unknown fields).
#[derive(Arbitrary, Debug, Clone, Copy)]
pub(crate) struct Id(u8);

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
pub(crate) enum Number {
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
pub(crate) enum Date {
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
pub(crate) enum Name {
    Known(u8),
    Other(String),
}

pub(crate) fn named(names: &[&str], choice: &Name) -> Value {
    match choice {
        Name::Known(i) => Value::from(names[usize::from(*i) % names.len()]),
        Name::Other(text) => Value::from(text.as_str()),
    }
}

macro_rules! name_list {
    ($type:ident, $names:expr) => {
        #[derive(Arbitrary, Debug)]
        pub(crate) struct $type(Name);
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
    ["ASAP", "SNET", "SNLT", "FNET", "FNLT", "MSO", "MFO", "ALAP"]
);
name_list!(Distribution, ["pert", "triangular", "uniform", "PERT"]);
