//! Checking text sizes: every id, reference, name and title of the program within its
//! limit ([`crate::text`]), E025 naming the field. Checked before anything else, and alone
//! when something is over: the other messages quote ids and names.

use super::Checker;
use crate::diagnostics::Code;
use crate::model::{Dependency, Task};
use crate::text::{MAX_ID_CHARS, MAX_NAME_CHARS, length_problem, quote};

/// Each kind of text: its limit, and what a message calls it.
type Kind = (usize, &'static str);
const TASK_ID: Kind = (MAX_ID_CHARS, "a task id");
const WORKSTREAM_ID: Kind = (MAX_ID_CHARS, "a workstream id");

impl Checker<'_> {
    /// E025 for each text over its limit. O(T + D): a length comparison per text, and a
    /// path written only for a text that is over.
    pub(super) fn check_texts(&mut self) {
        let program = self.program;
        let program_name = (MAX_NAME_CHARS, "a program name");
        self.text(&program.program.name, program_name, "", || {
            "program.name".into()
        });
        for (w, ws) in program.workstreams.iter().enumerate() {
            self.text(&ws.id, WORKSTREAM_ID, "", || format!("workstreams[{w}].id"));
            let name = (MAX_NAME_CHARS, "a workstream name");
            self.text(&ws.name, name, &ws.id, || format!("workstreams[{w}].name"));
            if let Some(color) = &ws.color {
                let colour = (MAX_ID_CHARS, "a colour");
                self.text(color, colour, &ws.id, || format!("workstreams[{w}].color"));
            }
        }
        for (t, task) in program.tasks.iter().enumerate() {
            self.task_texts(t, task);
        }
        for (i, dep) in program.dependencies.iter().enumerate() {
            self.dependency_texts(i, dep);
        }
        for (r, resource) in program.resources.iter().enumerate() {
            self.text(&resource.id, (MAX_ID_CHARS, "a resource id"), "", || {
                format!("resources[{r}].id")
            });
            let name = (MAX_NAME_CHARS, "a resource name");
            self.text(&resource.name, name, &resource.id, || {
                format!("resources[{r}].name")
            });
        }
        for (r, risk) in program.risks.iter().enumerate() {
            self.text(&risk.id, (MAX_ID_CHARS, "a risk id"), "", || {
                format!("risks[{r}].id")
            });
            let title = (MAX_NAME_CHARS, "a risk title");
            self.text(&risk.title, title, &risk.id, || format!("risks[{r}].title"));
            for (i, id) in risk.tasks.iter().enumerate() {
                self.text(id, TASK_ID, &risk.id, || format!("risks[{r}].tasks[{i}]"));
            }
        }
    }

    /// E025 for task `t`'s id, name, workstream and parent.
    pub(crate) fn task_texts(&mut self, t: usize, task: &Task) {
        let task_name = (MAX_NAME_CHARS, "a task name");
        self.text(&task.id, TASK_ID, "", || format!("tasks[{t}].id"));
        self.text(&task.name, task_name, &task.id, || {
            format!("tasks[{t}].name")
        });
        self.text(&task.workstream, WORKSTREAM_ID, &task.id, || {
            format!("tasks[{t}].workstream")
        });
        if let Some(parent) = &task.parent {
            self.text(parent, TASK_ID, &task.id, || format!("tasks[{t}].parent"));
        }
        for (i, demand) in task.demands.iter().enumerate() {
            self.text(
                &demand.resource,
                (MAX_ID_CHARS, "a resource id"),
                &task.id,
                || format!("tasks[{t}].demands[{i}].resource"),
            );
        }
    }

    /// E025 for dependency `i`'s ends.
    pub(crate) fn dependency_texts(&mut self, i: usize, dep: &Dependency) {
        self.text(&dep.from, TASK_ID, "", || format!("dependencies[{i}].from"));
        self.text(&dep.to, TASK_ID, "", || format!("dependencies[{i}].to"));
    }

    /// E025 at `path` if `text` is over its `(limit, what it is)`; `owner` is the id of
    /// the item it belongs to.
    #[inline]
    fn text(
        &mut self,
        text: &str,
        (limit, what): Kind,
        owner: &str,
        path: impl FnOnce() -> String,
    ) {
        if text.len() <= limit {
            return;
        }
        if let Some(message) = length_problem(text, limit, what) {
            let ids = if owner.is_empty() || owner.len() > MAX_ID_CHARS {
                vec![]
            } else {
                vec![quote(owner).into_owned()]
            };
            self.error(Code::TextTooLong, path(), ids, message);
        }
    }
}
