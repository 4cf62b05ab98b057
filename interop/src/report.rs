//! The import report: what came in, and every approximation or thing not carried over, by
//! task or resource where it is about one (as the file names it: `UID 14` or `resource UID
//! 3` in MS Project, `row 7` or `row 7 (PROJ-12)` in a spreadsheet, and its name) — shown
//! before anything is stored.

use std::fmt;

/// What an import made of a file.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ImportReport {
    /// The tasks and milestones carried over (summary tasks and null rows not counted).
    pub tasks: usize,
    pub milestones: usize,
    /// The links carried over (a link to or from a summary task kept, or spread to its
    /// tasks where Planwork does not take its type).
    pub links: usize,
    /// The summary tasks read: MS Project's (the top-level ones became workstreams, the
    /// others summary tasks), a spreadsheet's parents and epics (summary tasks).
    pub summaries: usize,
    /// The rows not carried because of a problem (a spreadsheet row without a name).
    pub skipped: usize,
    /// The resources carried over (MS Project's work resources) or made (a spreadsheet's
    /// names in its Resources or Assignee columns).
    pub resources: usize,
    /// The demands carried over: what the tasks need of the resources (MS Project's
    /// assignments).
    pub demands: usize,
    /// Every approximation and everything not carried over: about the file and the tasks
    /// first, then about the links, each in file order; MS Project's resources and
    /// assignments after the links, a spreadsheet's resources before them.
    pub notes: Vec<ImportNote>,
}

/// One approximation or thing not carried over.
#[derive(Clone, Debug, PartialEq)]
pub struct ImportNote {
    /// The task (or resource) it is about, if it is about one: how the file names it
    /// (`UID 14`, `row 7 (PROJ-12)`, `resource UID 3`) and its name.
    pub task: Option<(String, String)>,
    pub message: String,
}

impl ImportReport {
    pub(crate) fn note(&mut self, message: impl Into<String>) {
        self.notes.push(ImportNote {
            task: None,
            message: message.into(),
        });
    }

    /// A note about the MS Project task of UID `uid`.
    pub(crate) fn note_task(&mut self, uid: i64, name: &str, message: impl Into<String>) {
        self.note_about(format!("UID {uid}"), name, message);
    }

    /// A note about the MS Project resource of UID `uid`.
    pub(crate) fn note_resource(&mut self, uid: i64, name: &str, message: impl Into<String>) {
        self.note_about(format!("resource UID {uid}"), name, message);
    }

    /// A note about the task the file names `label` (`row 7 (PROJ-12)`).
    pub(crate) fn note_about(&mut self, label: String, name: &str, message: impl Into<String>) {
        self.notes.push(ImportNote {
            task: Some((label, name.to_owned())),
            message: message.into(),
        });
    }

    /// "12 tasks, 3 milestones, 14 links; 2 summary tasks; 4 resources, 9 demands; 1 row
    /// skipped": the counts in words (summary tasks, resources and skipped rows when there
    /// are any).
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
        if self.resources > 0 || self.demands > 0 {
            line.push_str(&format!(
                "; {}, {}",
                count(self.resources, "resource", "resources"),
                count(self.demands, "demand", "demands")
            ));
        }
        if self.skipped > 0 {
            line.push_str(&format!("; {} skipped", count(self.skipped, "row", "rows")));
        }
        line
    }
}

impl fmt::Display for ImportNote {
    /// `UID 14 'Data sync': duration 2.5 d rounded to 3 d`, or the message alone.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.task {
            Some((label, name)) if name.is_empty() => write!(f, "{label}: {}", self.message),
            Some((label, name)) => write!(f, "{label} '{name}': {}", self.message),
            None => f.write_str(&self.message),
        }
    }
}

/// A link's type in words: `finish-to-start`, `start-to-start`, …
pub(crate) fn link_words(kind: engine::LinkType) -> &'static str {
    match kind {
        engine::LinkType::FS => "finish-to-start",
        engine::LinkType::SS => "start-to-start",
        engine::LinkType::FF => "finish-to-finish",
        engine::LinkType::SF => "start-to-finish",
    }
}
