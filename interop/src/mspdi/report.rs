//! The import report: what came in, and every approximation or thing not carried over, by
//! task (UID and name) where it is about one — shown before anything is stored.

use std::fmt;

/// What an import made of a file.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ImportReport {
    /// The tasks and milestones carried over (summary tasks and null rows not counted).
    pub tasks: usize,
    pub milestones: usize,
    /// The links carried over (after links to summary tasks were spread to their tasks).
    pub links: usize,
    /// The summary tasks read (their tasks carried, the outline as workstreams).
    pub summaries: usize,
    /// Every approximation and everything not carried over: about the calendar and the tasks
    /// first, then about the links, each in file order.
    pub notes: Vec<ImportNote>,
}

/// One approximation or thing not carried over.
#[derive(Clone, Debug, PartialEq)]
pub struct ImportNote {
    /// The task it is about (its UID and name), if it is about one.
    pub task: Option<(i64, String)>,
    pub message: String,
}

impl ImportReport {
    pub(crate) fn note(&mut self, message: impl Into<String>) {
        self.notes.push(ImportNote {
            task: None,
            message: message.into(),
        });
    }

    pub(crate) fn note_task(&mut self, uid: i64, name: &str, message: impl Into<String>) {
        self.notes.push(ImportNote {
            task: Some((uid, name.to_owned())),
            message: message.into(),
        });
    }

    /// "12 tasks, 3 milestones, 14 links; 2 summary tasks": the counts in words.
    pub fn summary(&self) -> String {
        use engine::words::count;
        let mut line = format!(
            "{}, {}, {}",
            count(self.tasks, "task", "tasks"),
            count(self.milestones, "milestone", "milestones"),
            count(self.links, "link", "links")
        );
        if self.summaries > 0 {
            line.push_str(&format!(
                "; {}",
                count(self.summaries, "summary task", "summary tasks")
            ));
        }
        line
    }
}

impl fmt::Display for ImportNote {
    /// `UID 14 'Data sync': duration 2.5 d rounded to 3 d`, or the message alone.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.task {
            Some((uid, name)) => write!(f, "UID {uid} '{name}': {}", self.message),
            None => f.write_str(&self.message),
        }
    }
}
