//! [`DocHistory`]: undo and redo of every change to an open program file, one user action
//! per step: edits to the program (through the engine's [`History`], which takes back any
//! edit that would leave the plan invalid) and changes to the rest of the document
//! (scenarios, baselines, promoting a scenario), kept as the parts they replaced.
//!
//! Plain data: no signals. [`crate::editor::Editor`] owns one per open program.

use engine::edit::{Edit, History};
use engine::{Diagnostics, Program};
use engine::{baseline::Baseline, scenario::Scenario};
use planfile::Document;

/// Document-level steps kept for undo (each may hold a copy of the program).
const DOCUMENT_STEPS: usize = 100;

/// The parts of a document a document-level change may replace.
#[derive(Clone, Debug, PartialEq)]
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
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test as test;

    wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

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
}
