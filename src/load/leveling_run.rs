//! Leveling from the Load tab: the program's leveling problem solved in slices of about
//! 25 ms, one per frame, so the page stays responsive, with its progress and Cancel; the result becomes a scenario ("Leveled — date") whose changes are the leveled
//! starts with their reasons, shown in the plan. Nothing in the program changes until the
//! scenario is promoted.
//!
//! Does not: decide anything about leveling (`engine::leveling` does), or store anything
//! itself (`Editor::change` does, as one undoable step).

use std::cell::RefCell;
use std::rc::Rc;
use std::time::Duration;

use document::scenarios;
use engine::leveling::program::{LevelError, Prepared};
use engine::leveling::{Leveler, Objective, Options, lower_bounds};
use leptos::prelude::*;

use crate::editor::Editor;

/// Schedules a run may generate, and the time it may take: the first result comes from
/// the first slice, the search stops at whichever ends first.
const SCHEDULES: usize = 5_000;
const TIME_LIMIT_MS: f64 = 2_000.0;
/// Milliseconds of search between two frames (a schedule of a 10,000-task program takes
/// about 10 ms natively: slices are timed, not counted).
const SLICE_MS: f64 = 25.0;

/// Where a run stands, for the Load tab.
#[derive(Clone, Debug, Default, PartialEq)]
pub enum Run {
    #[default]
    Idle,
    /// Schedules generated so far.
    Running(usize),
    /// The scenario made, and what to say.
    Done(String),
    Failed(String),
}

/// Starts leveling the open program; `state` follows the run, `cancel` (set to `true`)
/// stops it, keeping the best found so far.
pub fn start(editor: Editor, state: RwSignal<Run>, cancel: RwSignal<bool>) {
    let Some(program) = editor
        .doc
        .with_untracked(|d| d.as_ref().map(|d| d.program.clone()))
    else {
        return;
    };
    let prepared = match Prepared::new(&program, Objective::MinimiseFinish) {
        Ok(prepared) => prepared,
        Err(error) => return state.set(Run::Failed(error_text(&error))),
    };
    let options = Options {
        schedules: SCHEDULES,
        seed: 1,
        objective: Objective::MinimiseFinish,
    };
    let leveler = match Leveler::new(&prepared.problem, options) {
        Ok(leveler) => leveler,
        Err(infeasible) => {
            return state.set(Run::Failed(error_text(&prepared.infeasible(infeasible))));
        }
    };
    cancel.set(false);
    state.set(Run::Running(0));
    let started = now();
    let run = Rc::new(RefCell::new((prepared, leveler)));
    step(editor, run, state, cancel, started);
}

type Shared = Rc<RefCell<(Prepared, Leveler)>>;

/// One slice, then the next at the next frame, until the budget, the time limit or Cancel.
fn step(editor: Editor, run: Shared, state: RwSignal<Run>, cancel: RwSignal<bool>, started: f64) {
    let slice_start = now();
    let more = {
        let (_, leveler) = &mut *run.borrow_mut();
        let mut more = leveler.step(1);
        while more && now() - slice_start < SLICE_MS {
            more = leveler.step(1);
        }
        more
    };
    let elapsed = now() - started;
    let schedules = run.borrow().1.best().schedules;
    if more && !cancel.get_untracked() && elapsed < TIME_LIMIT_MS {
        state.set(Run::Running(schedules));
        set_timeout(
            move || step(editor, run, state, cancel, started),
            Duration::ZERO,
        );
        return;
    }
    let (prepared, leveler) = &*run.borrow();
    let leveled = prepared.result(leveler.best(), lower_bounds(&prepared.problem));
    let changes = prepared.changes(&leveled);
    let moved = changes.len();
    let name = format!("Leveled — {}", crate::format::today());
    let mut id = String::new();
    let made = editor.change(false, |doc| {
        id = scenarios::add(doc, &name, changes)?;
        Ok(())
    });
    match made {
        Ok(()) => {
            let said = format!(
                "{name}: {} held back; finish {} (unleveled {}; none can be before {}). \
                 Compare it, edit it or promote it on the Scenarios tab.",
                engine::words::count(moved, "task", "tasks"),
                leveled.finish,
                leveled.unleveled_finish,
                leveled.critical_path_bound.max(leveled.resource_bound),
            );
            editor.confirm(said.clone());
            state.set(Run::Done(said));
            editor.scenario.set(Some(id));
            editor.tab.set("plan");
        }
        Err(why) => state.set(Run::Failed(why)),
    }
}

fn error_text(error: &LevelError) -> String {
    match error {
        LevelError::Invalid(diagnostics) => document::describe(diagnostics),
        LevelError::Infeasible { message, .. } => message.clone(),
        LevelError::TooLarge(_) => error.to_string(),
    }
}

/// The page's clock in milliseconds.
fn now() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now())
}
