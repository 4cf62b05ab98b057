//! [`DocHistory`]: undo and redo of every change to an open program file, one user action
//! per step: edits to the program (through the engine's [`History`], which takes back any
//! edit that would leave the plan invalid) and changes to the rest of the document
//! (scenarios, baselines, promoting a scenario), kept as the parts they replaced.
//!
//! Plain data: no signals. The app's editor owns one per open program.
//!
//! [`DocHistory::to_json`] and [`DocHistory::from_json`] keep the recent steps across a
//! reload: storage writes them with each save of the document they belong to.

use engine::edit::{Edit, History};
use engine::{Diagnostics, Program};
use engine::{baseline::Baseline, scenario::Scenario};
use planfile::Document;
use serde::{Deserialize, Serialize};

/// Document-level steps kept for undo (each may hold a copy of the program).
const DOCUMENT_STEPS: usize = 100;

/// Steps kept across a reload, to undo and to redo each: the history is written with every
/// save, so it is kept to the recent work (in memory it goes back 500 steps).
pub const STORED_STEPS: usize = 50;
/// At most this many bytes of history are written with a save: a step that holds a whole
/// program (promoting a scenario) of a large program would otherwise make every save that
/// much bigger. The newest steps that fit are kept.
pub const STORED_BYTES: usize = 256 * 1024;
/// The version of the stored form; another version is not read (the history starts empty).
const STORED_VERSION: u32 = 1;

/// The parts of a document a document-level change may replace.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
struct Parts {
    scenarios: Vec<Scenario>,
    baselines: Vec<Baseline>,
    active_baseline: Option<String>,
    /// Only when the change replaced the program (promoting a scenario).
    program: Option<Program>,
}

impl Parts {
    fn take(doc: &Document, with_program: bool) -> Parts {
        Parts {
            scenarios: doc.scenarios.clone(),
            baselines: doc.baselines.clone(),
            active_baseline: doc.active_baseline.clone(),
            program: with_program.then(|| doc.program.clone()),
        }
    }

    /// Puts these parts into `doc`; returns the parts they replaced.
    fn swap_into(self, doc: &mut Document) -> Parts {
        let with_program = self.program.is_some();
        let old = Parts::take(doc, with_program);
        doc.scenarios = self.scenarios;
        doc.baselines = self.baselines;
        doc.active_baseline = self.active_baseline;
        if let Some(program) = self.program {
            doc.program = program;
        }
        old
    }
}

#[derive(Clone, Debug)]
enum Step {
    /// A program edit: the engine's history holds it.
    Program,
    /// A document change: the parts as they were before it (or after it, once undone).
    Document(Box<Parts>),
}

/// Undo and redo over a whole document.
#[derive(Clone, Debug, Default)]
pub struct DocHistory {
    program: History,
    done: Vec<Step>,
    undone: Vec<Step>,
}

impl DocHistory {
    /// Makes a user action's program edits, all or none (see [`History::apply`]).
    pub fn edit(&mut self, doc: &mut Document, action: Vec<Edit>) -> Result<(), Diagnostics> {
        self.program.apply(&mut doc.program, action)?;
        self.push(Step::Program);
        Ok(())
    }

    /// [`DocHistory::edit`] of an action its kept program already accepted (see
    /// [`History::apply_prechecked`]): no second check of the whole program.
    pub fn edit_prechecked(
        &mut self,
        doc: &mut Document,
        action: Vec<Edit>,
    ) -> Result<(), Diagnostics> {
        self.program.apply_prechecked(&mut doc.program, action)?;
        self.push(Step::Program);
        Ok(())
    }

    /// Makes a document-level change (`with_program`: it may replace the program too).
    /// `change` returns an error to refuse; the document is then left as it was.
    pub fn change(
        &mut self,
        doc: &mut Document,
        with_program: bool,
        change: impl FnOnce(&mut Document) -> Result<(), String>,
    ) -> Result<(), String> {
        let before = Parts::take(doc, with_program);
        if let Err(reason) = change(doc) {
            before.swap_into(doc);
            return Err(reason);
        }
        self.program.clear_redo();
        self.push(Step::Document(Box::new(before)));
        Ok(())
    }

    fn push(&mut self, step: Step) {
        self.done.push(step);
        self.undone.clear();
        if self.done.len() > engine::edit::UNDO_LIMIT {
            self.done.remove(0);
        }
        let documents = self
            .done
            .iter()
            .filter(|s| matches!(s, Step::Document(_)))
            .count();
        if documents > DOCUMENT_STEPS
            && let Some(first) = self
                .done
                .iter()
                .position(|s| matches!(s, Step::Document(_)))
        {
            // Steps before it can no longer be undone in order: forget them too.
            self.done.drain(..=first);
        }
    }

    /// Undoes the last action; `false` if there is none.
    pub fn undo(&mut self, doc: &mut Document) -> bool {
        let Some(step) = self.done.pop() else {
            return false;
        };
        let redo = match step {
            Step::Program => {
                if !self.program.undo(&mut doc.program) {
                    return false;
                }
                Step::Program
            }
            Step::Document(parts) => Step::Document(Box::new(parts.swap_into(doc))),
        };
        self.undone.push(redo);
        true
    }

    /// Redoes the last undone action; `false` if there is none.
    pub fn redo(&mut self, doc: &mut Document) -> bool {
        let Some(step) = self.undone.pop() else {
            return false;
        };
        let undo = match step {
            Step::Program => {
                if !self.program.redo(&mut doc.program) {
                    return false;
                }
                Step::Program
            }
            Step::Document(parts) => Step::Document(Box::new(parts.swap_into(doc))),
        };
        self.done.push(undo);
        true
    }

    pub fn can_undo(&self) -> bool {
        !self.done.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.undone.is_empty()
    }

    /// The recent steps as JSON: at most [`STORED_STEPS`] to undo and as many to redo, the
    /// newest first within [`STORED_BYTES`]. `None` if there is nothing to keep.
    pub fn to_json(&self) -> Option<String> {
        let engine: EngineSteps = serde_json::to_value(&self.program)
            .and_then(serde_json::from_value)
            .ok()?;
        let done = stored_steps(&self.done, engine.done);
        let undone = stored_steps(&self.undone, engine.undone);
        // Newest first: the last steps done, then the next steps to redo.
        let mut budget = STORED_BYTES;
        let done = newest_that_fit(done, &mut budget);
        let undone = newest_that_fit(undone, &mut budget);
        if done.is_empty() && undone.is_empty() {
            return None;
        }
        Some(format!(
            r#"{{"version":{STORED_VERSION},"done":[{}],"undone":[{}]}}"#,
            done.join(","),
            undone.join(",")
        ))
    }

    /// The history [`DocHistory::to_json`] wrote, for the document it was written with.
    pub fn from_json(json: &str) -> Result<DocHistory, String> {
        let stored: Stored = serde_json::from_str(json).map_err(|e| e.to_string())?;
        if stored.version != STORED_VERSION {
            return Err(format!("history version {} is not read", stored.version));
        }
        let (done, engine_done) = steps_from(stored.done);
        let (undone, engine_undone) = steps_from(stored.undone);
        let engine = EngineSteps {
            done: engine_done,
            undone: engine_undone,
        };
        let program = serde_json::to_value(engine)
            .and_then(serde_json::from_value)
            .map_err(|e| e.to_string())?;
        Ok(DocHistory {
            program,
            done,
            undone,
        })
    }
}

/// An action and the edits that undo it, as the engine's [`History`] keeps them.
type ActionPair = (Vec<Edit>, Vec<Edit>);

/// The engine history's lists, read through its serde form (its fields are private).
#[derive(Serialize, Deserialize)]
struct EngineSteps {
    done: Vec<ActionPair>,
    undone: Vec<ActionPair>,
}

/// The stored form of a history.
#[derive(Deserialize)]
struct Stored {
    version: u32,
    done: Vec<StoredStep>,
    undone: Vec<StoredStep>,
}

/// A step as stored: a program step carries its action and inverse (the engine's), a
/// document step the parts it swaps.
#[derive(Serialize, Deserialize)]
#[serde(tag = "step", rename_all = "snake_case")]
enum StoredStep {
    Program { action: Vec<Edit>, undo: Vec<Edit> },
    Document { parts: Box<Parts> },
}

/// `steps` (oldest first) as stored steps, each program step paired with its entry in the
/// engine's list `pairs` (the engine's list may be longer: it ends with the same steps).
/// Stops at the newest step that cannot be paired; returns the newest [`STORED_STEPS`].
fn stored_steps(steps: &[Step], pairs: Vec<ActionPair>) -> Vec<StoredStep> {
    let mut pairs = pairs.into_iter().rev();
    let mut stored = Vec::new();
    for step in steps.iter().rev().take(STORED_STEPS) {
        let one = match step {
            Step::Program => match pairs.next() {
                Some((action, undo)) => StoredStep::Program { action, undo },
                None => break,
            },
            Step::Document(parts) => StoredStep::Document {
                parts: parts.clone(),
            },
        };
        stored.push(one);
    }
    stored.reverse();
    stored
}

/// The JSON of the newest `steps` (oldest first) whose sizes fit in `budget`, oldest first;
/// takes what they use from `budget`. Stops at the first that does not fit: an older step
/// cannot be undone without the newer ones.
fn newest_that_fit(steps: Vec<StoredStep>, budget: &mut usize) -> Vec<String> {
    let mut kept = Vec::new();
    for step in steps.into_iter().rev() {
        let Ok(json) = serde_json::to_string(&step) else {
            break;
        };
        if json.len() + 1 > *budget {
            break;
        }
        *budget -= json.len() + 1;
        kept.push(json);
    }
    kept.reverse();
    kept
}

/// Stored steps back as steps and the engine's pairs for the program steps among them.
fn steps_from(stored: Vec<StoredStep>) -> (Vec<Step>, Vec<ActionPair>) {
    let mut steps = Vec::with_capacity(stored.len());
    let mut pairs = Vec::new();
    for step in stored {
        match step {
            StoredStep::Program { action, undo } => {
                pairs.push((action, undo));
                steps.push(Step::Program);
            }
            StoredStep::Document { parts } => steps.push(Step::Document(parts)),
        }
    }
    (steps, pairs)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc() -> Document {
        let json = r#"{"program": {"name": "P", "start": "2026-01-05"},
          "workstreams": [{"id": "w", "name": "W"}],
          "tasks": [{"id": "a", "name": "A", "workstream": "w", "duration": 2}]}"#;
        planfile::read(json).unwrap()
    }

    fn longer(doc: &Document, days: i64) -> Vec<Edit> {
        let mut task = doc.program.tasks[0].clone();
        task.duration = days;
        vec![Edit::ReplaceTask { index: 0, task }]
    }

    #[test]
    fn program_and_document_steps_undo_in_order() {
        let mut doc = doc();
        let mut history = DocHistory::default();
        let action = longer(&doc, 5);
        history.edit(&mut doc, action).unwrap();
        history
            .change(&mut doc, false, |d| {
                d.scenarios.push(Scenario {
                    id: "s".into(),
                    name: "S".into(),
                    ..Scenario::default()
                });
                Ok(())
            })
            .unwrap();
        let action = longer(&doc, 7);
        history.edit(&mut doc, action).unwrap();

        assert!(history.undo(&mut doc));
        assert_eq!((doc.program.tasks[0].duration, doc.scenarios.len()), (5, 1));
        assert!(history.undo(&mut doc));
        assert_eq!((doc.program.tasks[0].duration, doc.scenarios.len()), (5, 0));
        assert!(history.undo(&mut doc));
        assert_eq!(doc.program.tasks[0].duration, 2);
        assert!(!history.undo(&mut doc));

        for _ in 0..3 {
            assert!(history.redo(&mut doc));
        }
        assert_eq!((doc.program.tasks[0].duration, doc.scenarios.len()), (7, 1));
        assert!(!history.redo(&mut doc));
    }

    #[test]
    fn a_refused_change_leaves_the_document_and_history_alone() {
        let mut doc = doc();
        let before = doc.clone();
        let mut history = DocHistory::default();
        let refused = history.change(&mut doc, true, |d| {
            d.program.tasks.clear();
            d.scenarios.push(Scenario::default());
            Err("no".into())
        });
        assert!(refused.is_err());
        assert_eq!(doc, before);
        assert!(!history.can_undo());
    }

    #[test]
    fn promoting_replaces_the_program_and_undo_restores_it() {
        let mut doc = doc();
        let before = doc.clone();
        let mut history = DocHistory::default();
        history
            .change(&mut doc, true, |d| {
                d.program.tasks[0].duration = 9;
                Ok(())
            })
            .unwrap();
        assert!(history.undo(&mut doc));
        assert_eq!(doc, before);
        assert!(history.redo(&mut doc));
        assert_eq!(doc.program.tasks[0].duration, 9);
    }

    #[test]
    fn the_recent_steps_come_back_from_json_and_undo_and_redo_the_same() {
        let mut doc = doc();
        let original = doc.clone();
        let mut history = DocHistory::default();
        let action = longer(&doc, 5);
        history.edit(&mut doc, action).unwrap();
        history
            .change(&mut doc, false, |d| {
                d.scenarios.push(Scenario {
                    id: "s".into(),
                    name: "S".into(),
                    ..Scenario::default()
                });
                Ok(())
            })
            .unwrap();
        let action = longer(&doc, 7);
        history.edit(&mut doc, action).unwrap();
        let action = longer(&doc, 8);
        history.edit(&mut doc, action).unwrap();
        assert!(history.undo(&mut doc));

        let json = history.to_json().expect("steps to keep");
        let mut back = DocHistory::from_json(&json).unwrap();
        let mut copy = doc.clone();
        assert!(back.can_undo() && back.can_redo());
        assert!(back.redo(&mut copy));
        assert_eq!(copy.program.tasks[0].duration, 8);
        for _ in 0..4 {
            assert!(back.undo(&mut copy));
        }
        assert_eq!(copy, original);
        assert!(!back.undo(&mut copy));
    }

    #[test]
    fn only_the_last_fifty_steps_are_kept() {
        let mut doc = doc();
        let mut history = DocHistory::default();
        for days in 3..=62 {
            let action = longer(&doc, days);
            history.edit(&mut doc, action).unwrap();
        }
        let mut back = DocHistory::from_json(&history.to_json().unwrap()).unwrap();
        let mut undone = 0;
        while back.undo(&mut doc) {
            undone += 1;
        }
        assert_eq!(undone, STORED_STEPS);
        assert_eq!(doc.program.tasks[0].duration, 62 - STORED_STEPS as i64);
    }

    #[test]
    fn a_step_too_big_to_store_is_left_out_with_the_older_ones() {
        let mut doc = doc();
        let mut history = DocHistory::default();
        history
            .change(&mut doc, false, |d| {
                d.scenarios.push(Scenario {
                    id: "big".into(),
                    name: "x".repeat(STORED_BYTES),
                    ..Scenario::default()
                });
                Ok(())
            })
            .unwrap();
        // Removing it makes a step that holds it (to put it back).
        history
            .change(&mut doc, false, |d| {
                d.scenarios.clear();
                Ok(())
            })
            .unwrap();
        let action = longer(&doc, 4);
        history.edit(&mut doc, action).unwrap();
        let action = longer(&doc, 6);
        history.edit(&mut doc, action).unwrap();
        let json = history.to_json().unwrap();
        assert!(json.len() < STORED_BYTES);
        let mut back = DocHistory::from_json(&json).unwrap();
        assert!(back.undo(&mut doc) && back.undo(&mut doc));
        assert!(
            !back.undo(&mut doc),
            "the big step and those before it are not kept"
        );
        assert_eq!(doc.program.tasks[0].duration, 2);
    }

    #[test]
    fn nothing_to_keep_and_unreadable_json() {
        assert_eq!(DocHistory::default().to_json(), None);
        assert!(DocHistory::from_json("{").is_err());
        assert!(DocHistory::from_json(r#"{"version":99,"done":[],"undone":[]}"#).is_err());
    }
}
