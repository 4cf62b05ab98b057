//! Leveling from the Load tab, the page's side: the program goes to a Web Worker
//! ([`super::leveling_worker`]), which levels it while the page stays free; its progress
//! (schedules tried, the best finish so far and the bound none can beat) reaches the tab
//! after every slice. **Use best so far** asks the worker to end with the best it has;
//! **Cancel** terminates it and nothing is made. The result becomes a scenario ("Leveled —
//! date") whose changes are the leveled starts with their reasons, shown in the plan;
//! nothing in the program changes until the scenario is promoted. A result for a program
//! edited meanwhile is refused: it would hold tasks back for a plan that is gone.
//!
//! Does not: decide anything about leveling (`engine::leveling` does, in the worker), or
//! store anything itself (`Editor::change` does, as one undoable step).

use std::cell::{Cell, RefCell};

use document::scenarios;
use engine::Program;
use leptos::prelude::*;

use super::leveling_worker::{Outcome, Reply, Request, decode};
use crate::editor::Editor;
use crate::worker::{Job, OneJob};

/// Schedules a run may generate, and the time the worker may take from the request: it
/// stops at whichever comes first (or when its best is proven the best possible). 1.6 s,
/// so that with the scenario made and the plan drawn the result is on screen within 2 s
/// of the click (BENCHMARKS.md, "Leveling in the app").
const SCHEDULES: usize = 5_000;
const TIME_LIMIT_MS: f64 = 1_600.0;

/// Where a run stands, for the Load tab.
#[derive(Clone, Debug, Default, PartialEq)]
pub enum Run {
    #[default]
    Idle,
    /// Laying the problem out in the worker: no result yet.
    Starting,
    /// The search so far.
    Running {
        schedules: usize,
        budget: usize,
        /// The best finish found and the earliest any could be (ISO dates).
        finish: String,
        bound: String,
    },
    /// The scenario made, and what to say.
    Done(String),
    Failed(String),
}

impl Run {
    pub fn is_running(&self) -> bool {
        matches!(self, Run::Starting | Run::Running { .. })
    }
}

/// The run under way, on a worker of its own.
struct Leveling {
    run: u32,
    job: OneJob,
}

thread_local! {
    static CURRENT: RefCell<Option<Leveling>> = const { RefCell::new(None) };
    static RUNS: Cell<u32> = const { Cell::new(0) };
}

/// Starts a worker ahead, so that Level answers at once.
pub fn warm_up() {
    crate::worker::start_spares(1);
}

/// Starts leveling the open program (`within_float`: keeping every task within its
/// float); `state` follows the run.
pub fn start(editor: Editor, state: RwSignal<Run>, within_float: bool) {
    let Some(program) = editor
        .doc
        .with_untracked(|d| d.as_ref().map(|d| d.program.clone()))
    else {
        return;
    };
    let run = RUNS.with(|r| r.replace(r.get().wrapping_add(1)));
    let request = Job::Level(Request::Level {
        run,
        program: planfile::write(&planfile::Document::new(program.clone())),
        within_float,
        schedules: SCHEDULES,
        seed: 1,
        time_limit_ms: TIME_LIMIT_MS,
    });
    match launch(editor, state, run, program, within_float, &request) {
        Ok(leveling) => {
            CURRENT.with_borrow_mut(|c| *c = Some(leveling));
            state.set(Run::Starting);
        }
        Err(message) => state.set(Run::Failed(message)),
    }
}

fn launch(
    editor: Editor,
    state: RwSignal<Run>,
    run: u32,
    program: Program,
    within_float: bool,
    request: &Job,
) -> Result<Leveling, String> {
    let on_reply = move |data| {
        let reply = decode(&data).unwrap_or_else(|message| Reply::Failed { run, message });
        take(editor, state, run, &program, within_float, reply);
    };
    let on_stopped = move |why| {
        end(run);
        state.set(Run::Failed(format!("The leveling worker stopped: {why}")));
    };
    let job = OneJob::start(request, on_reply, on_stopped)?;
    Ok(Leveling { run, job })
}

/// A reply of run `run` taken in (one of another run is ignored).
fn take(
    editor: Editor,
    state: RwSignal<Run>,
    run: u32,
    sent: &Program,
    within_float: bool,
    reply: Reply,
) {
    if CURRENT.with_borrow(|c| c.as_ref().map(|c| c.run)) != Some(run) {
        return;
    }
    match reply {
        Reply::Progress {
            schedules,
            budget,
            finish,
            bound,
            ..
        } => state.set(Run::Running {
            schedules,
            budget,
            finish: finish.to_string(),
            bound: bound.to_string(),
        }),
        Reply::Done { outcome, .. } => {
            end(run);
            state.set(make_scenario(editor, sent, within_float, &outcome));
        }
        Reply::Failed { message, .. } => {
            end(run);
            state.set(Run::Failed(message));
        }
    }
}

/// The run's worker let go (after the listener that may have called this returns).
fn end(run: u32) {
    let done = CURRENT.with_borrow_mut(|c| {
        if c.as_ref().is_some_and(|c| c.run == run) {
            c.take()
        } else {
            None
        }
    });
    if let Some(done) = done {
        done.job.end();
    }
}

/// Asks the run under way to end now with the best it has found.
pub fn use_best_so_far() {
    CURRENT.with_borrow(|c| {
        if let Some(c) = c.as_ref() {
            let _ = c.job.send(&Job::Level(Request::Stop { run: c.run }));
        }
    });
}

/// Stops the run under way; nothing is made.
pub fn cancel(state: RwSignal<Run>) {
    if let Some(run) = CURRENT.with_borrow(|c| c.as_ref().map(|c| c.run)) {
        end(run);
        state.set(Run::Done("Leveling cancelled: nothing was changed.".into()));
    }
}

/// The scenario of `outcome`, unless the program changed since it was sent.
fn make_scenario(editor: Editor, sent: &Program, within_float: bool, outcome: &Outcome) -> Run {
    let unchanged = editor
        .doc
        .with_untracked(|d| d.as_ref().is_some_and(|d| d.program == *sent));
    if !unchanged {
        return Run::Failed(
            "The plan changed while it was being leveled, so this result is for a plan that is \
             gone: level it again."
                .into(),
        );
    }
    let kind = if within_float {
        "Leveled within float"
    } else {
        "Leveled"
    };
    let name = format!("{kind} — {}", crate::format::today());
    let span = crate::perf::start("planwork:level-scenario");
    let mut id = String::new();
    let changes = outcome.changes.clone();
    let made = editor.change(false, |doc| {
        id = scenarios::add(doc, &name, changes)?;
        Ok(())
    });
    span.end();
    match made {
        Ok(()) => {
            let said = summary(&name, outcome);
            editor.confirm(said.clone());
            editor.scenario.set(Some(id));
            editor.tab.set("plan");
            Run::Done(said)
        }
        Err(why) => Run::Failed(why),
    }
}

/// What a finished run says: the tasks held back, the finish against the unleveled one and
/// the bound, why the search ended, and (within float) what could not be kept in it.
fn summary(name: &str, o: &Outcome) -> String {
    let schedules = engine::words::thousands(o.schedules);
    let ended = match o.ended.as_str() {
        "optimal" => "no finish can be earlier".to_owned(),
        "stopped" => format!("stopped at your request after {schedules} schedules"),
        "time" => format!("the best of {schedules} schedules in the time allowed"),
        _ => format!("the best of {schedules} schedules"),
    };
    let mut said = format!(
        "{name}: {} held back; finish {} (unleveled {}; none can be before {}; {ended}).",
        engine::words::count(o.changes.len(), "task", "tasks"),
        o.finish,
        o.unleveled_finish,
        o.bound,
    );
    if !o.unresolved.is_empty() {
        said.push_str(&format!(
            " Not kept within their float: {}.",
            o.unresolved.join(", ")
        ));
    }
    said.push_str(" Compare it, edit it or promote it on the Scenarios tab.");
    said
}
