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
//! reported). Summary tasks: their tasks are carried, each top-level summary becomes a
//! workstream, deeper summaries are reported; a link to or from a summary is spread to its
//! tasks. Task calendars: when every task under a top-level summary has the same calendar
//! of its own, it is that workstream's calendar (as [`export_mspdi`] writes one); any other
//! task calendar that differs from the one the task is scheduled on is reported. Resources
//! and assignments are reported as not carried.
//!
//! The XML is read by `roxmltree`: a document type declaration (the door to entity bombs) is
//! refused, and the number of nodes is bounded.
//!
//! Out ([`export_mspdi`]): a program and its schedule as a file MS Project opens as it was,
//! valid against the Project 2007 schema; importing it gives the same program back, as far
//! as MSPDI can say it (see the function for what is written and how ids become UIDs).
//!
//! Does not: store anything, or schedule (the caller checks and schedules the program).

mod calendars;
mod layout;
mod read;
mod recurrence;
mod write;

use std::collections::{HashMap, HashSet};

use chrono::{Datelike, Duration, NaiveDate, NaiveDateTime, NaiveTime};
use engine::{
    Calendar, Constraint, ConstraintKind, CriticalPath, Dependency, LinkType, Program, ProgramInfo,
    Task, Workstream,
};

pub use crate::report::{ImportNote, ImportReport};
use read::{RawLink, RawProject, RawTask};
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
    raw: &'r RawProject,
    report: ImportReport,
    calendar: Calendar,
    minutes_per_day: i64,
    /// The workday start: a finish at or before it is the previous working day's.
    day_start: NaiveTime,
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
        let outline = Outline::of(&raw.tasks);
        self.report.summaries = outline.summaries.len();
        for &summary in outline
            .summaries
            .iter()
            .filter(|s| !outline.top.contains(s))
        {
            if let Some(task) = raw.tasks.get(summary) {
                self.report.note_task(
                    task.uid,
                    &task.name,
                    "summary task below the top level: its tasks are carried, the summary itself is not (Planwork has no summary tasks yet)",
                );
            }
        }
        let workstreams = self.workstreams(&outline);
        let mut tasks = Vec::new();
        for &(index, top) in &outline.leaves {
            let Some(raw_task) = raw.tasks.get(index) else {
                continue;
            };
            let workstream = top.map_or_else(|| GENERAL.to_owned(), workstream_id);
            let team = workstreams
                .iter()
                .find(|w| w.id == workstream)
                .and_then(|w| w.calendar.as_ref());
            tasks.push(self.task(raw_task, workstream, team));
        }
        let dependencies = self.links(&outline);
        self.report.tasks = tasks.iter().filter(|t| !t.is_milestone()).count();
        self.report.milestones = tasks.len() - self.report.tasks;
        self.report.links = dependencies.len();
        let start = self.start(&tasks)?;
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
        };
        Ok(Imported {
            program,
            report: self.report,
        })
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
    fn start(&self, tasks: &[Task]) -> Result<NaiveDate, MspdiError> {
        let first_task = self.raw.tasks.iter().filter_map(|t| t.start).min();
        self.raw
            .start
            .or(first_task)
            .map(|d| d.date())
            .filter(|d| engine::check::date_in_range(*d))
            .or_else(|| tasks.is_empty().then_some(NaiveDate::default()))
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
        if out.is_empty() || outline.leaves.iter().any(|(_, top)| top.is_none()) {
            out.push(Workstream {
                id: GENERAL.to_owned(),
                name: "General".to_owned(),
                calendar: None,
                color: None,
            });
        }
        out
    }

    fn task(&mut self, raw: &RawTask, workstream: String, team: Option<&Calendar>) -> Task {
        let name = if raw.name.trim().is_empty() {
            self.report
                .note_task(raw.uid, "", "no name: named 'Task <UID>'");
            format!("Task {}", raw.uid)
        } else {
            cut(&raw.name)
        };
        let duration = self.duration(raw);
        let mut task = Task {
            id: raw.uid.to_string(),
            name,
            workstream,
            duration,
            milestone: raw.milestone || duration == 0,
            constraint: self.constraint(raw),
            deadline: raw.deadline.map(|d| self.finish_day(d)),
            actual_start: raw.actual_start.map(|d| d.date()),
            actual_finish: raw.actual_finish.map(|d| self.finish_day(d)),
            percent_complete: raw.percent_complete.clamp(0.0, 100.0),
            estimate: None,
        };
        if raw.manual {
            match raw.start {
                Some(start) => {
                    task.constraint = Some(Constraint {
                        kind: ConstraintKind::MSO,
                        date: Some(start.date()),
                    });
                    self.report.note_task(
                        raw.uid,
                        &raw.name,
                        format!(
                            "manually scheduled: kept at its stored start {} (must start on)",
                            start.date()
                        ),
                    );
                }
                None => self.report.note_task(
                    raw.uid,
                    &raw.name,
                    "manually scheduled without a start: scheduled automatically",
                ),
            }
        }
        self.task_calendar(raw, team);
        task
    }

    /// Whole working days, reported when the file's duration is not.
    fn duration(&mut self, raw: &RawTask) -> i64 {
        if raw.milestone {
            return 0;
        }
        let minutes = raw.duration_minutes.max(0);
        let days = if raw.elapsed {
            let week = self.calendar.workdays.len().max(1) as f64;
            minutes as f64 / 1440.0 * week / 7.0
        } else {
            minutes as f64 / self.minutes_per_day as f64
        };
        let whole = days.round().max(if minutes > 0 { 1.0 } else { 0.0 });
        let whole = whole.min(100_000.0);
        if raw.elapsed {
            self.report.note_task(
                raw.uid,
                &raw.name,
                format!(
                    "elapsed duration {} ed carried as {} working days",
                    days_text(minutes as f64 / 1440.0),
                    whole
                ),
            );
        } else if (days - whole).abs() > 1e-9 {
            self.report.note_task(
                raw.uid,
                &raw.name,
                format!("duration {} d rounded to {} d", days_text(days), whole),
            );
        }
        whole as i64
    }

    fn constraint(&mut self, raw: &RawTask) -> Option<Constraint> {
        let kind = match raw.constraint_type {
            0 => return None,
            1 => {
                if !raw.links.is_empty() || self.has_successors(raw.uid) {
                    self.report.note_task(
                        raw.uid,
                        &raw.name,
                        "as late as possible: placed as late as it can go without moving any other task (MS Project also delays successors that have float)",
                    );
                }
                return Some(Constraint {
                    kind: ConstraintKind::ALAP,
                    date: None,
                });
            }
            2 => ConstraintKind::MSO,
            3 => ConstraintKind::MFO,
            4 => ConstraintKind::SNET,
            5 => ConstraintKind::SNLT,
            6 => ConstraintKind::FNET,
            7 => ConstraintKind::FNLT,
            other => {
                self.report.note_task(
                    raw.uid,
                    &raw.name,
                    format!("constraint type {other} is not one of MS Project's (0–7): dropped"),
                );
                return None;
            }
        };
        let Some(at) = raw.constraint_date else {
            self.report
                .note_task(raw.uid, &raw.name, "a constraint without a date: dropped");
            return None;
        };
        let on_finish = matches!(
            kind,
            ConstraintKind::MFO | ConstraintKind::FNET | ConstraintKind::FNLT
        );
        let date = if on_finish {
            self.finish_day(at)
        } else {
            self.start_day(at)
        };
        Some(Constraint {
            kind,
            date: Some(date),
        })
    }

    /// Whether any task links from task `uid`.
    fn has_successors(&self, uid: i64) -> bool {
        self.raw
            .tasks
            .iter()
            .any(|t| t.links.iter().any(|l| l.predecessor == uid))
    }

    /// Task `raw`'s own calendar, reported unless it is the calendar it is scheduled on: its
    /// workstream's (`team`), else the project's.
    fn task_calendar(&mut self, raw: &RawTask, team: Option<&Calendar>) {
        let Some(uid) = self.own_calendar_uid(raw) else {
            return;
        };
        let (used, which) = match team {
            Some(team) => (team, "its workstream's calendar"),
            None => (&self.calendar, "the project calendar"),
        };
        let mut scratch = ImportReport::default();
        let message = match calendars::calendar(&self.raw.calendars, uid, &mut scratch) {
            Some((calendar, _)) if calendar == *used => return,
            Some((_, name)) => {
                format!("its own calendar '{name}' is not carried: scheduled on {which}")
            }
            None => format!("its calendar (UID {uid}) is not in the file: scheduled on {which}"),
        };
        self.report.note_task(raw.uid, &raw.name, message);
    }

    /// The UID of task `raw`'s own calendar, if it has one other than the project's.
    fn own_calendar_uid(&self, raw: &RawTask) -> Option<i64> {
        raw.calendar_uid
            .filter(|&u| u >= 0 && Some(u) != self.raw.calendar_uid)
    }

    /// The calendar of the workstream of top-level summary `summary_uid`: the calendar its
    /// tasks share when they all have the same own calendar and it is not the project's
    /// (how [`export_mspdi`] writes a workstream's calendar), else none. Notes about that
    /// calendar are reported only when it is carried.
    fn team_calendar(&mut self, outline: &Outline, summary_uid: i64) -> Option<Calendar> {
        let mut uids = outline
            .leaves
            .iter()
            .filter(|(_, top)| *top == Some(summary_uid))
            .filter_map(|&(i, _)| self.raw.tasks.get(i))
            .map(|t| self.own_calendar_uid(t));
        let first = uids.next().flatten()?;
        if !uids.all(|uid| uid == Some(first)) {
            return None;
        }
        let mut notes = ImportReport::default();
        let (calendar, _) = calendars::calendar(&self.raw.calendars, first, &mut notes)?;
        if calendar == self.calendar {
            return None;
        }
        self.report.notes.extend(notes.notes);
        Some(calendar)
    }

    /// The links between carried tasks: a link to or from a summary spread to its tasks.
    fn links(&mut self, outline: &Outline) -> Vec<Dependency> {
        let raw = self.raw;
        let by_uid: HashMap<i64, usize> = raw
            .tasks
            .iter()
            .enumerate()
            .map(|(i, t)| (t.uid, i))
            .collect();
        let mut seen: HashSet<(i64, i64)> = HashSet::new();
        let mut out = Vec::new();
        for (index, task) in raw.tasks.iter().enumerate() {
            if !outline.carried(index) && !outline.is_summary(index) {
                continue;
            }
            for link in &task.links {
                let Some(&from) = by_uid.get(&link.predecessor) else {
                    self.report.note_task(
                        task.uid,
                        &task.name,
                        format!(
                            "a link from UID {}, which is not in the file: dropped",
                            link.predecessor
                        ),
                    );
                    continue;
                };
                let Some(kind) = link_type(link.kind) else {
                    self.report.note_task(
                        task.uid,
                        &task.name,
                        format!("a link of unknown type {}: dropped", link.kind),
                    );
                    continue;
                };
                if outline.within(from, index) || outline.within(index, from) {
                    self.report.note_task(
                        task.uid,
                        &task.name,
                        "a link between a summary task and its own task: dropped",
                    );
                    continue;
                }
                let spread = outline.is_summary(from) || outline.is_summary(index);
                if spread {
                    self.report.note_task(
                        task.uid,
                        &task.name,
                        format!(
                            "a link with a summary task (UID {}) spread to the summary's tasks",
                            link.predecessor
                        ),
                    );
                }
                let lag = self.lag(link, from, task);
                for f in outline.leaves_of(from) {
                    for t in outline.leaves_of(index) {
                        let (Some(a), Some(b)) = (raw.tasks.get(f), raw.tasks.get(t)) else {
                            continue;
                        };
                        if a.uid == b.uid || !seen.insert((a.uid, b.uid)) {
                            continue;
                        }
                        out.push(Dependency {
                            from: a.uid.to_string(),
                            to: b.uid.to_string(),
                            kind,
                            lag,
                        });
                    }
                }
            }
        }
        out
    }

    /// A link's lag in working days of the project calendar.
    fn lag(&mut self, link: &RawLink, from: usize, task: &RawTask) -> i64 {
        let tenths = link.lag as f64;
        let (days, how) = match link.lag_format {
            // Percent of the predecessor's duration (tenths of a percent).
            19 | 20 => {
                let pred = self.raw.tasks.get(from).map_or(0, |t| t.duration_minutes);
                let days = tenths / 1000.0 * pred as f64 / self.minutes_per_day as f64;
                (days, Some("a lag in percent of the predecessor's duration"))
            }
            f if [4, 6, 8, 10, 12, 36, 38, 40, 42, 44].contains(&f) => {
                let week = self.calendar.workdays.len().max(1) as f64;
                (tenths / 10.0 / 1440.0 * week / 7.0, Some("an elapsed lag"))
            }
            _ => (tenths / 10.0 / self.minutes_per_day as f64, None),
        };
        let whole = days.round().clamp(-100_000.0, 100_000.0);
        if let Some(how) = how {
            if link.lag != 0 {
                self.report.note_task(
                    task.uid,
                    &task.name,
                    format!("{how} carried as {whole} working days"),
                );
            }
        } else if (days - whole).abs() > 1e-9 {
            self.report.note_task(
                task.uid,
                &task.name,
                format!("a lag of {} d rounded to {} d", days_text(days), whole),
            );
        }
        whole as i64
    }

    fn start_day(&self, at: NaiveDateTime) -> NaiveDate {
        at.date()
    }

    /// A finish at or before the workday's start is the previous working day's.
    fn finish_day(&self, at: NaiveDateTime) -> NaiveDate {
        if at.time() > self.day_start {
            return at.date();
        }
        let mut day = at.date();
        for _ in 0..3_660 {
            let Some(previous) = day.checked_sub_signed(Duration::days(1)) else {
                break;
            };
            day = previous;
            if self.is_working(day) {
                return day;
            }
        }
        at.date()
    }

    fn is_working(&self, day: NaiveDate) -> bool {
        self.calendar.workdays.contains(&day.weekday()) && !self.calendar.holidays.contains(&day)
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

fn link_type(code: i64) -> Option<LinkType> {
    match code {
        0 => Some(LinkType::FF),
        1 => Some(LinkType::FS),
        2 => Some(LinkType::SF),
        3 => Some(LinkType::SS),
        _ => None,
    }
}

fn cut(name: &str) -> String {
    name.trim().chars().take(MAX_NAME_CHARS).collect()
}

/// `2.5`, `3`: days with at most two decimals.
fn days_text(days: f64) -> String {
    let text = format!("{days:.2}");
    text.trim_end_matches('0').trim_end_matches('.').to_owned()
}

/// The file's outline: which tasks are carried (not summaries, not null, not the project's
/// own summary row), each one's top-level summary, and each summary's carried tasks.
struct Outline {
    /// Carried tasks (index in the file), with their top-level summary's UID if any.
    leaves: Vec<(usize, Option<i64>)>,
    /// Summary tasks (indices), and those at the top level.
    summaries: Vec<usize>,
    top: Vec<usize>,
    /// Each summary's carried tasks, by the summary's index.
    under: HashMap<usize, Vec<usize>>,
    carried: HashSet<usize>,
}

impl Outline {
    fn of(tasks: &[RawTask]) -> Outline {
        let mut outline = Outline {
            leaves: Vec::new(),
            summaries: Vec::new(),
            top: Vec::new(),
            under: HashMap::new(),
            carried: HashSet::new(),
        };
        // The summaries open above the current task: (outline level, index).
        let mut open: Vec<(i64, usize)> = Vec::new();
        for (index, task) in tasks.iter().enumerate() {
            if task.null || task.outline_level <= 0 || task.uid == 0 {
                continue;
            }
            let level = task.outline_level;
            while open.last().is_some_and(|&(l, _)| l >= level) {
                open.pop();
            }
            if task.summary {
                outline.summaries.push(index);
                if open.is_empty() {
                    outline.top.push(index);
                }
                open.push((level, index));
                continue;
            }
            let top = open.first().and_then(|&(_, i)| tasks.get(i)).map(|t| t.uid);
            outline.leaves.push((index, top));
            outline.carried.insert(index);
            for &(_, summary) in &open {
                outline.under.entry(summary).or_default().push(index);
            }
        }
        outline
    }

    fn carried(&self, index: usize) -> bool {
        self.carried.contains(&index)
    }

    fn is_summary(&self, index: usize) -> bool {
        self.under.contains_key(&index) || self.summaries.contains(&index)
    }

    /// Whether task `inner` is under summary `outer`.
    fn within(&self, inner: usize, outer: usize) -> bool {
        self.under.get(&outer).is_some_and(|u| u.contains(&inner))
    }

    /// The carried tasks a link end `index` stands for: itself, or a summary's tasks.
    fn leaves_of(&self, index: usize) -> Vec<usize> {
        if self.carried(index) {
            return vec![index];
        }
        self.under.get(&index).cloned().unwrap_or_default()
    }
}
