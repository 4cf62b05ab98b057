//! The forecast workers: the messages between the page and the Web Workers that run a
//! Monte Carlo forecast in parts, the workers' side of them, and the page's merge of the
//! parts.
//!
//! Each worker runs this same wasm module ([`crate::worker`]). A forecast is split into
//! ranges of iterations
//! ([`split`]), one per worker (`engine::forecast::Part`: iteration `i` draws from its own
//! random stream, so the parts merge into exactly the one-run forecast):
//!
//! 1. [`Request::Run`] carries the program as program-file text (already scenario-applied)
//!    and a range; the worker checks it, runs the range in chunks of [`CHUNK`] iterations,
//!    posting a [`Reply::Progress`] after each, then posts [`Reply::Part`] (its finishes) and
//!    keeps its draws.
//! 2. The page merges the parts ([`merge`]: dates, criticality, the counts of drawn values)
//!    and sends each worker the whole run's counts and its iterations' finish ranks
//!    ([`Request::Rank`]); each answers [`Reply::Sums`], and [`Merged::finish`] adds them up
//!    into the drivers (the tornado chart).
//!
//! Workers run synchronously: the page cancels by terminating them. Messages are JavaScript
//! values (`serde-wasm-bindgen`, 64-bit numbers as `BigInt`s so that any seed gets through);
//! the bulk (finishes, ranks, sums) travels as bytes, one `Uint8Array` each, which the
//! browser copies in one go.
//!
//! Does not: touch the DOM or storage, or decide anything the engine decides.

use std::cell::RefCell;
use std::ops::Range;

use engine::Program;
use engine::forecast::{
    Driver, Finishes, Forecast, Part, RankSums, Settings, Simulation, Uncertainty, ValueCounts,
};
use serde::{Deserialize, Serialize};
use wasm_bindgen::prelude::*;

use crate::worker::{Job, MESSAGES, read_job, write_job};

/// Iterations between two progress reports.
pub const CHUNK: usize = 250;
/// Drivers kept per finish for the tornado chart.
pub const TOP_DRIVERS: usize = 12;
/// At least this many iterations per worker: a smaller part costs more to send and merge
/// than it saves.
pub const MIN_PART: usize = 1_000;

/// What the page asks of a worker.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Request {
    /// Run iterations `from..to` of a forecast and keep their draws for a `Rank`.
    Run {
        /// Tells this run's replies from an earlier one's.
        run: u32,
        /// The program to forecast, as a program file (`planfile::write`).
        program: String,
        settings: Settings,
        from: usize,
        to: usize,
    },
    /// Sum the products of the drawn values' ranks (by the whole run's `counts`) and these
    /// finish ranks (per target, the worker's iterations: [`Merged::rank_request`]).
    Rank {
        run: u32,
        from: usize,
        counts: WireCounts,
        ranks: Bytes,
    },
}

/// What a worker answers.
#[derive(Clone, Debug, Serialize, Deserialize)]
// Externally tagged (`{"progress": {…}}`): an internally tagged enum costs the page a
// buffering deserialiser.
#[serde(rename_all = "lowercase")]
pub enum Reply {
    /// Iterations of this worker's part done, of its part.
    Progress {
        run: u32,
        done: usize,
        total: usize,
    },
    Part {
        run: u32,
        part: WirePart,
    },
    Sums {
        run: u32,
        sums: Bytes,
    },
    Failed {
        run: u32,
        message: String,
    },
}

/// A finished forecast with what the page needs to show it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ForecastResult {
    pub forecast: Forecast,
    /// Each milestone's name, in `forecast.milestones` order.
    pub milestone_names: Vec<String>,
    /// Each task's (id, name), in program order (as `forecast.criticality`).
    pub tasks: Vec<(String, String)>,
    /// The strongest drivers of the program finish, then of each milestone (in
    /// `forecast.milestones` order).
    pub sensitivity: Vec<Vec<Driver>>,
    /// What varied from one iteration to the next (nothing: every iteration was the same).
    pub uncertainty: Uncertainty,
}

/// Bytes as one `Uint8Array` (a `Vec<u8>` would be an array of numbers).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Bytes(pub Vec<u8>);

impl Serialize for Bytes {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_bytes(&self.0)
    }
}

impl<'de> Deserialize<'de> for Bytes {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl serde::de::Visitor<'_> for Visitor {
            type Value = Bytes;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("bytes")
            }
            fn visit_bytes<E: serde::de::Error>(self, v: &[u8]) -> Result<Bytes, E> {
                Ok(Bytes(v.to_vec()))
            }
            fn visit_byte_buf<E: serde::de::Error>(self, v: Vec<u8>) -> Result<Bytes, E> {
                Ok(Bytes(v))
            }
        }
        deserializer.deserialize_byte_buf(Visitor)
    }
}

/// Whole numbers as little-endian bytes, and back.
trait Wire: Sized + Copy {
    const SIZE: usize;
    fn put(self, out: &mut Vec<u8>);
    fn get(bytes: &[u8]) -> Self;
}

macro_rules! wire {
    ($($t:ty),*) => {$(
        impl Wire for $t {
            const SIZE: usize = std::mem::size_of::<$t>();
            fn put(self, out: &mut Vec<u8>) {
                out.extend_from_slice(&self.to_le_bytes());
            }
            fn get(bytes: &[u8]) -> Self {
                let mut array = [0; std::mem::size_of::<$t>()];
                array.copy_from_slice(bytes);
                <$t>::from_le_bytes(array)
            }
        }
    )*};
}
wire!(u16, u32, i64);

fn pack<'a, T: Wire + 'a>(values: impl IntoIterator<Item = &'a T>) -> Bytes {
    let mut out = Vec::new();
    for &v in values {
        v.put(&mut out);
    }
    Bytes(out)
}

fn unpack<T: Wire>(bytes: &Bytes, what: &str) -> Result<Vec<T>, String> {
    if !bytes.0.len().is_multiple_of(T::SIZE) {
        return Err(format!("The forecast's {what} arrived cut short"));
    }
    Ok(bytes.0.chunks_exact(T::SIZE).map(T::get).collect())
}

/// `values` cut into `rows`-long series (`values.len()` a multiple of `rows`).
fn series(values: Vec<i64>, rows: usize, what: &str) -> Result<Vec<Vec<i64>>, String> {
    if rows == 0 {
        return Ok(Vec::new());
    }
    if !values.len().is_multiple_of(rows) {
        return Err(format!("The forecast's {what} arrived cut short"));
    }
    Ok(values.chunks_exact(rows).map(<[i64]>::to_vec).collect())
}

/// A part's finishes on the wire: the program finish of each iteration, then each
/// milestone's, flat.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct WirePart {
    pub from: usize,
    pub iterations: usize,
    pub finishes: Bytes,
    pub critical: Bytes,
    pub counts: WireCounts,
}

impl WirePart {
    fn of(finishes: &Finishes) -> Self {
        let all = std::iter::once(&finishes.finish).chain(&finishes.milestones);
        WirePart {
            from: finishes.from,
            iterations: finishes.finish.len(),
            finishes: pack(all.flatten()),
            critical: pack(&finishes.critical),
            counts: WireCounts::of(&finishes.counts),
        }
    }

    fn read(&self) -> Result<Finishes, String> {
        let mut all = series(
            unpack(&self.finishes, "finishes")?,
            self.iterations,
            "finishes",
        )?
        .into_iter();
        Ok(Finishes {
            from: self.from,
            finish: all.next().unwrap_or_default(),
            milestones: all.collect(),
            critical: unpack(&self.critical, "criticality")?,
            counts: self.counts.read()?,
        })
    }
}

/// [`ValueCounts`] on the wire.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct WireCounts {
    pub starts: Bytes,
    pub values: Bytes,
    pub counts: Bytes,
}

impl WireCounts {
    fn of(counts: &ValueCounts) -> Self {
        WireCounts {
            starts: pack(&counts.starts),
            values: pack(&counts.values),
            counts: pack(&counts.counts),
        }
    }

    fn read(&self) -> Result<ValueCounts, String> {
        Ok(ValueCounts {
            starts: unpack(&self.starts, "counts")?,
            values: unpack(&self.values, "counts")?,
            counts: unpack(&self.counts, "counts")?,
        })
    }
}

/// [`RankSums`] on the wire: each target's sums, one after the other.
fn write_sums(sums: &RankSums) -> Bytes {
    pack(sums.iter().flatten())
}

fn read_sums(bytes: &Bytes, columns: usize) -> Result<RankSums, String> {
    series(unpack(bytes, "sensitivity")?, columns, "sensitivity")
}

/// Runs one request (as posted) to the end, calling `post` with each reply (as posted).
pub fn serve(request: &JsValue, post: &dyn Fn(JsValue)) {
    match read_request(request) {
        Ok(request) => serve_request(request, post),
        Err(message) => post(encode(&Reply::Failed { run: 0, message })),
    }
}

/// Runs one request to the end, calling `post` with each reply (as posted).
pub fn serve_request(request: Request, post: &dyn Fn(JsValue)) {
    let reply = match request {
        Request::Run {
            run,
            program,
            settings,
            from,
            to,
        } => match run_part(run, &program, &settings, from..to, post) {
            Ok(part) => Reply::Part { run, part },
            Err(message) => Reply::Failed { run, message },
        },
        Request::Rank {
            run,
            from,
            counts,
            ranks,
        } => match rank_sums(run, from, &counts, &ranks) {
            Ok(sums) => Reply::Sums { run, sums },
            Err(message) => Reply::Failed { run, message },
        },
    };
    post(encode(&reply));
}

/// A request as the value posted to a worker.
pub fn write_request(request: &Request) -> Result<JsValue, String> {
    write_job(&Job::Forecast(request.clone()))
}

/// Reads a request posted to a worker.
pub fn read_request(value: &JsValue) -> Result<Request, String> {
    match read_job(value)? {
        Job::Forecast(request) => Ok(request),
        _ => Err("A forecast worker was sent another job".to_owned()),
    }
}

/// A reply as the value posted (a reply that cannot be written becomes a `Failed` one).
pub fn encode(reply: &Reply) -> JsValue {
    reply.serialize(&MESSAGES).unwrap_or_else(|error| {
        let failed = Reply::Failed {
            run: 0,
            message: format!("The forecast could not be sent: {error}"),
        };
        failed.serialize(&MESSAGES).unwrap_or(JsValue::NULL)
    })
}

/// Reads a reply posted by a worker.
pub fn decode(value: &JsValue) -> Result<Reply, String> {
    serde_wasm_bindgen::from_value(value.clone())
        .map_err(|error| format!("The forecast reply could not be read: {error}"))
}

thread_local! {
    /// The parts this worker ran, by (run, first iteration), until their ranks come: only
    /// the last run's (one part in a worker; several when a test serves them all here).
    static PARTS: RefCell<Vec<(u32, Part)>> = const { RefCell::new(Vec::new()) };
}

fn run_part(
    run: u32,
    program: &str,
    settings: &Settings,
    range: Range<usize>,
    post: &dyn Fn(JsValue),
) -> Result<WirePart, String> {
    // A part of another run, or this part run again, is let go.
    PARTS.with_borrow_mut(|parts| {
        parts.retain(|(r, part)| *r == run && part.iterations().start != range.start)
    });
    let document = planfile::read(program)
        .map_err(|error| format!("The plan cannot be forecast:\n{error}"))?;
    let checked = engine::check(&document.program).map_err(|d| problems(&d))?;
    let mut simulation = Simulation::range(&checked, settings, range).map_err(|d| problems(&d))?;
    loop {
        let (done, total) = simulation.progress();
        if done >= total {
            break;
        }
        simulation.run(CHUNK);
        let (done, total) = simulation.progress();
        post(encode(&Reply::Progress { run, done, total }));
    }
    let part = simulation.into_part();
    let wire = WirePart::of(&part.finishes());
    PARTS.with_borrow_mut(|parts| parts.push((run, part)));
    Ok(wire)
}

fn rank_sums(run: u32, from: usize, counts: &WireCounts, ranks: &Bytes) -> Result<Bytes, String> {
    PARTS.with_borrow(|parts| {
        let (_, part) = parts
            .iter()
            .find(|(r, part)| *r == run && part.iterations().start == from)
            .ok_or("The forecast worker no longer has its iterations")?;
        let ranks = series(unpack(ranks, "ranks")?, part.iterations().len(), "ranks")?;
        let sums = part
            .rank_sums(&counts.read()?, &ranks)
            .map_err(|d| problems(&d))?;
        Ok(write_sums(&sums))
    })
}

/// The ranges of iterations of a forecast of `iterations` split among at most `workers`
/// (at least one, each of at least [`MIN_PART`] iterations unless there is only one).
pub fn split(iterations: usize, workers: usize) -> Vec<Range<usize>> {
    let parts = workers.min(iterations / MIN_PART).max(1);
    (0..parts)
        .map(|k| k * iterations / parts..(k + 1) * iterations / parts)
        .collect()
}

/// A forecast merged from its parts' finishes, waiting for their sums for its drivers.
pub struct Merged {
    result: ForecastResult,
    ranks: Vec<Vec<i64>>,
    /// The whole run's counts of drawn values, as sent to every part.
    counts: ValueCounts,
    wire_counts: WireCounts,
}

/// The forecast of `program` from its parts' finishes (as the workers posted them).
pub fn merge(program: &Program, settings: &Settings, parts: &[WirePart]) -> Result<Merged, String> {
    let finishes = parts
        .iter()
        .map(WirePart::read)
        .collect::<Result<Vec<_>, _>>()?;
    let checked = engine::check(program).map_err(|d| problems(&d))?;
    let (forecast, counts) =
        Simulation::merge(&checked, settings, finishes).map_err(|d| problems(&d))?;
    let ranks = forecast.finish_ranks();
    let result = ForecastResult {
        milestone_names: forecast
            .milestones
            .iter()
            .map(|m| {
                program
                    .tasks
                    .get(m.task)
                    .map_or_else(|| m.id.clone(), |t| t.name.clone())
            })
            .collect(),
        tasks: program
            .tasks
            .iter()
            .map(|t| (t.id.clone(), t.name.clone()))
            .collect(),
        sensitivity: Vec::new(),
        uncertainty: engine::forecast::uncertainty(&checked),
        forecast,
    };
    Ok(Merged {
        result,
        ranks,
        wire_counts: WireCounts::of(&counts),
        counts,
    })
}

impl Merged {
    /// The [`Request::Rank`] for the worker that ran iterations `range`.
    pub fn rank_request(&self, run: u32, range: &Range<usize>) -> Request {
        let mine = self
            .ranks
            .iter()
            .flat_map(|r| r.get(range.clone()))
            .flatten();
        Request::Rank {
            run,
            from: range.start,
            counts: self.wire_counts.clone(),
            ranks: pack(mine),
        }
    }

    /// The result, with the drivers summed from every part's sums.
    pub fn finish(mut self, sums: &[Bytes]) -> Result<ForecastResult, String> {
        let columns = self.counts.starts.len().saturating_sub(1);
        let sums = sums
            .iter()
            .map(|bytes| read_sums(bytes, columns))
            .collect::<Result<Vec<_>, _>>()?;
        self.result.sensitivity = self
            .result
            .forecast
            .drivers_from(&self.counts, &sums)
            .into_iter()
            .map(|mut drivers| {
                drivers.truncate(TOP_DRIVERS);
                drivers
            })
            .collect();
        // The samples served the drivers; the page keeps only what it shows.
        self.result.forecast.drop_samples();
        Ok(self.result)
    }
}

/// The diagnostics in one message, one line each (the first ten).
fn problems(diagnostics: &engine::Diagnostics) -> String {
    let mut lines: Vec<String> = diagnostics
        .0
        .iter()
        .take(10)
        .map(|d| d.to_string())
        .collect();
    if diagnostics.0.len() > 10 {
        lines.push(format!("… and {} more", diagnostics.0.len() - 10));
    }
    format!("The plan cannot be forecast:\n{}", lines.join("\n"))
}
