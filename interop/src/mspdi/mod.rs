//! MS Project XML (MSPDI) in and out.
//!
//! In ([`import_mspdi`]): a file MS Project wrote becomes a Planwork program that schedules
//! to MS Project's own dates, and an [`ImportReport`] of everything approximated or not
//! carried over, by task — for the user to read before anything is stored.
//!
//! What is carried: the project calendar (working weekdays, days off; a derived calendar
//! from its base), tasks by UID (the Planwork id, so importing the same plan again matches),
//! names, durations (working minutes over the file's minutes per day, rounded to whole days
//! and reported when not whole; elapsed durations converted and reported), milestones,
//! constraints, deadlines, percent complete, actual dates, the status date, the critical
//! slack limit, manually scheduled tasks (kept at their stored start, reported), and links
//! of the four types with their lags in every format (percent and elapsed lags converted and
//! reported). The outline: each top-level summary becomes a workstream (its tasks'), and
//! every summary below it a Planwork summary task (its UID, name and deadline; under the
//! nearest summary above it that is one), its tasks under it. A link into a summary task is
//! kept when it is finish-to-start or start-to-start, one out of it when finish-to-start or
//! finish-to-finish; other links to or from a summary task, and links to or from a
//! top-level summary, are spread to its tasks (reported). A summary's start no earlier than
//! is put on its tasks that could start earlier, its finish no later than becomes its
//! deadline (both reported; see `summaries`). Task calendars: when every task under a
//! top-level summary has the same calendar of its own, it is that workstream's calendar (as
//! [`export_mspdi`] writes one); any other task calendar that differs from the one the task
//! is scheduled on is reported. A task's priority, when not MS Project's 500, is its
//! leveling priority. Work resources become resources (id `R<UID>`; max units as capacity,
//! the availability table as periods, the resource calendar when it is not the project's)
//! and their assignments demands (units a day over the whole task); material and cost
//! resources, assignments to summaries or of no units, contoured or partial assignments
//! are reported (see `resources`).
//!
//! The XML is read by `roxmltree`: a document type declaration (the door to entity bombs) is
//! refused, and the number of nodes is bounded.
//!
//! Out ([`export_mspdi`]): a program and its schedule as a file MS Project opens as it was,
//! valid against the Project 2007 schema; importing it gives the same program back, as far
//! as MSPDI can say it (see the function for what is written and how ids become UIDs).
//!
//! Does not: store anything, or schedule (the caller checks and schedules the program).

mod availability;
mod calendars;
mod layout;
mod links;
mod outline;
mod read;
mod recurrence;
mod resources;
mod summaries;
mod tasks;
mod write;

use chrono::{NaiveDate, NaiveTime};
use engine::{Calendar, CriticalPath, Program, ProgramInfo, Task, Workstream};

pub use crate::report::{ImportNote, ImportReport};
use outline::Outline;
use read::{RawProject, RawTask};
pub use write::export_mspdi;

/// The largest file read (as a program file's limit).
pub const MAX_BYTES: usize = 50 * 1024 * 1024;
/// The most XML nodes read (a 100,000-task plan has a few million).
const MAX_NODES: u32 = 20_000_000;
/// The longest name kept (as a program file's limit).
const MAX_NAME_CHARS: usize = 500;

/// A file imported: the program, and what the import made of the file.
#[derive(Clone, Debug)]
pub struct Imported {
    pub program: Program,
    pub report: ImportReport,
}

/// Why a file cannot be imported at all.
#[derive(Clone, Debug, PartialEq)]
pub enum MspdiError {
    /// Larger than [`MAX_BYTES`].
    TooLarge { bytes: usize },
    /// Not well-formed XML, or refused by the reader (a DTD, too many nodes), with where.
    Xml(String),
    /// Well-formed, but not an MS Project file, or with a value that cannot be read.
    NotMspdi(String),
    /// Read, but the program it makes does not check (the engine's problems).
    Invalid(String),
}

impl std::fmt::Display for MspdiError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            MspdiError::TooLarge { bytes } => write!(
                f,
                "the file is {} bytes; MS Project files of up to {} bytes are read",
                engine::words::thousands(*bytes),
                engine::words::thousands(MAX_BYTES)
            ),
            MspdiError::Xml(why) => write!(f, "not readable as XML: {why}"),
            MspdiError::NotMspdi(why) => write!(f, "not an MS Project XML file: {why}"),
            MspdiError::Invalid(why) => write!(f, "the plan it makes cannot be scheduled: {why}"),
        }
    }
}

impl std::error::Error for MspdiError {}

/// Imports the MS Project XML file `text`.
///
/// ```
/// let xml = r#"<Project xmlns="http://schemas.microsoft.com/project">
///   <Name>Demo.xml</Name><StartDate>2026-01-05T08:00:00</StartDate>
///   <MinutesPerDay>480</MinutesPerDay><CalendarUID>1</CalendarUID>
///   <Calendars><Calendar><UID>1</UID><Name>Standard</Name><WeekDays>
///     <WeekDay><DayType>1</DayType><DayWorking>0</DayWorking></WeekDay>
///     <WeekDay><DayType>7</DayType><DayWorking>0</DayWorking></WeekDay>
///   </WeekDays></Calendar></Calendars>
///   <Tasks>
///     <Task><UID>1</UID><Name>Design</Name><OutlineLevel>1</OutlineLevel>
///       <Duration>PT20H0M0S</Duration></Task>
///     <Task><UID>2</UID><Name>Launch</Name><OutlineLevel>1</OutlineLevel>
///       <Duration>PT0H0M0S</Duration><Milestone>1</Milestone>
///       <PredecessorLink><PredecessorUID>1</PredecessorUID><Type>1</Type></PredecessorLink></Task>
///   </Tasks></Project>"#;
/// let imported = interop::mspdi::import_mspdi(xml).unwrap();
/// assert_eq!(imported.program.tasks[0].duration, 3, "20 h of 8 h days: 2.5 d, rounded");
/// assert_eq!(imported.report.notes[0].to_string(),
///            "UID 1 'Design': duration 2.5 d rounded to 3 d");
/// assert_eq!(imported.program.dependencies[0].from, "1");
/// ```
pub fn import_mspdi(text: &str) -> Result<Imported, MspdiError> {
    if text.len() > MAX_BYTES {
        return Err(MspdiError::TooLarge { bytes: text.len() });
    }
    let options = roxmltree::ParsingOptions {
        allow_dtd: false,
        nodes_limit: MAX_NODES,
        ..roxmltree::ParsingOptions::default()
    };
    let xml = roxmltree::Document::parse_with_options(text, options).map_err(xml_error)?;
    let root = xml.root_element();
    if root.tag_name().name() != "Project" {
        return Err(MspdiError::NotMspdi(format!(
            "its first element is <{}>, not <Project>",
            root.tag_name().name()
        )));
    }
    let raw = read::project(root).map_err(MspdiError::NotMspdi)?;
    let imported = Importer::new(&raw).run()?;
    engine::check(&imported.program).map_err(|d| MspdiError::Invalid(problems(&d)))?;
    Ok(imported)
}

fn xml_error(error: roxmltree::Error) -> MspdiError {
    match error {
        roxmltree::Error::DtdDetected => MspdiError::Xml(
            "it declares a document type (DTD), which MS Project never writes and which can \
             hide entity expansions: refused"
                .to_owned(),
        ),
        roxmltree::Error::NodesLimitReached => MspdiError::Xml(format!(
            "more than {} XML nodes",
            engine::words::thousands(MAX_NODES as usize)
        )),
        other => MspdiError::Xml(other.to_string()),
    }
}

fn problems(diagnostics: &engine::Diagnostics) -> String {
    diagnostics
        .0
        .iter()
        .take(5)
        .map(|d| d.message.clone())
        .collect::<Vec<_>>()
        .join("; ")
}

/// The conversion of one file.
struct Importer<'r> {
    pub(super) raw: &'r RawProject,
    pub(super) report: ImportReport,
    pub(super) calendar: Calendar,
    pub(super) minutes_per_day: i64,
    /// The workday start: a finish at or before it is the previous working day's.
    pub(super) day_start: NaiveTime,
}

impl<'r> Importer<'r> {
    fn new(raw: &'r RawProject) -> Importer<'r> {
        let mut report = ImportReport::default();
        let uid = raw.calendar_uid.unwrap_or(1);
        let calendar = match calendars::calendar(&raw.calendars, uid, &mut report) {
            Some((calendar, _)) => calendar,
            None => {
                report.note(format!(
                    "the project calendar (UID {uid}) is not in the file: Monday to Friday used"
                ));
                Calendar::default()
            }
        };
        Importer {
            raw,
            report,
            calendar,
            minutes_per_day: raw.minutes_per_day.max(1),
            day_start: NaiveTime::from_hms_opt(8, 0, 0).unwrap_or_default(),
        }
    }

    fn run(mut self) -> Result<Imported, MspdiError> {
        let raw = self.raw;
        if !raw.schedule_from_start {
            self.report.note(
                "the project is scheduled from its finish in MS Project; Planwork schedules from the start",
            );
        }
        let start = self.start()?;
        let outline = Outline::of(&raw.tasks);
        self.report.summaries = outline.summaries.len();
        let workstreams = self.workstreams(&outline);
        let mut tasks = self.tasks(&outline, &workstreams);
        self.summary_values(&outline, &mut tasks, start);
        let dependencies = self.links(&outline);
        let (resources, by_uid) = self.resources(start);
        self.report.resources = resources.len();
        self.report.demands = self.demands(&mut tasks, &resources, &by_uid);
        let work = tasks.iter().filter(|t| !t.summary);
        self.report.milestones = work.clone().filter(|t| t.is_milestone()).count();
        self.report.tasks = work.count() - self.report.milestones;
        self.report.links = dependencies.len();
        let program = Program {
            program: ProgramInfo {
                name: self.name(),
                start,
                status_date: raw
                    .status
                    .map(|d| d.date())
                    .filter(|d| engine::check::date_in_range(*d)),
                critical_path: critical_path(raw.critical_slack_limit),
                ..ProgramInfo::default()
            },
            calendar: self.calendar.clone(),
            workstreams,
            tasks,
            dependencies,
            risks: Vec::new(),
            resources,
            logs: Default::default(),
            readiness: Default::default(),
            status: Default::default(),
            board: Default::default(),
        };
        Ok(Imported {
            program,
            report: self.report,
        })
    }

    /// A task per carried row, in file order: the tasks and the summaries below the top
    /// level, each under its summary and in its top-level summary's workstream.
    fn tasks(&mut self, outline: &Outline, workstreams: &[Workstream]) -> Vec<Task> {
        let raw = self.raw;
        for &index in &outline.empty {
            let row = &raw.tasks[index];
            self.report.note_task(
                row.uid,
                &row.name,
                "a summary task with no task under it: not carried",
            );
        }
        let mut tasks = Vec::with_capacity(outline.rows.len());
        for carried in &outline.rows {
            // The outline's indices are the file's rows.
            let row = &raw.tasks[carried.index];
            let workstream = carried
                .top
                .map_or_else(|| GENERAL.to_owned(), workstream_id);
            let parent = carried.parent.map(|p| raw.tasks[p].uid.to_string());
            let task = if carried.summary {
                self.summary_task(row, workstream, parent)
            } else {
                let team = workstreams
                    .iter()
                    .find(|w| w.id == workstream)
                    .and_then(|w| w.calendar.as_ref());
                Task {
                    parent,
                    ..self.task(row, workstream, team)
                }
            };
            tasks.push(task);
        }
        tasks
    }

    fn name(&self) -> String {
        let raw = self.raw;
        let title = raw.title.as_deref().filter(|t| !t.trim().is_empty());
        let file = raw
            .name
            .as_deref()
            .map(|n| n.trim_end_matches(".xml").trim_end_matches(".mpp"))
            .filter(|n| !n.trim().is_empty());
        cut(title.or(file).unwrap_or("Imported plan"))
    }

    /// The project's start date, else its first task's.
    fn start(&self) -> Result<NaiveDate, MspdiError> {
        let first_task = self.raw.tasks.iter().filter_map(|t| t.start).min();
        self.raw
            .start
            .or(first_task)
            .map(|d| d.date())
            .filter(|d| engine::check::date_in_range(*d))
            .ok_or_else(|| MspdiError::NotMspdi("it has no StartDate".to_owned()))
    }

    /// A workstream per top-level summary task, and "General" for tasks under none.
    fn workstreams(&mut self, outline: &Outline) -> Vec<Workstream> {
        let raw = self.raw;
        let tops: Vec<&RawTask> = outline
            .top
            .iter()
            .filter_map(|&i| raw.tasks.get(i))
            .collect();
        let mut out: Vec<Workstream> = tops
            .into_iter()
            .map(|t| Workstream {
                id: workstream_id(t.uid),
                name: cut(if t.name.is_empty() {
                    "Summary"
                } else {
                    &t.name
                }),
                calendar: self.team_calendar(outline, t.uid),
                color: None,
            })
            .collect();
        if out.is_empty() || outline.rows.iter().any(|row| row.top.is_none()) {
            out.push(Workstream {
                id: GENERAL.to_owned(),
                name: "General".to_owned(),
                calendar: None,
                color: None,
            });
        }
        out
    }
}

/// The workstream of the tasks under no top-level summary.
const GENERAL: &str = "general";

/// MS Project's critical slack limit (days) as the critical rule.
fn critical_path(limit: Option<i64>) -> CriticalPath {
    match limit {
        Some(days) if (1..=engine::check::MAX_DAYS).contains(&days) => {
            CriticalPath::TotalFloat { max_days: days }
        }
        _ => CriticalPath::default(),
    }
}

fn workstream_id(uid: i64) -> String {
    format!("summary-{uid}")
}

fn cut(name: &str) -> String {
    name.trim().chars().take(MAX_NAME_CHARS).collect()
}

/// `2.5`, `3`: days with at most two decimals.
fn days_text(days: f64) -> String {
    let text = format!("{days:.2}");
    text.trim_end_matches('0').trim_end_matches('.').to_owned()
}
