//! A table and its mapping made into a program: the rules that convert estimates, the
//! outcome of every row (the task it became, or its problems by row and heading), and
//! the import report. Rows are read in passes: ids and parents ([`super::outline`]),
//! durations and dates ([`super::tasks`]), resources ([`super::resources`]), links
//! ([`super::links`]).

use std::collections::{HashMap, HashSet};
use std::fmt;

use chrono::NaiveDate;
use engine::{Program, ProgramInfo, Task, Workstream};
use serde::{Deserialize, Serialize};

use super::mapping::{Field, Mapping};
use super::outline::Forest;
use super::table::Table;
use super::tasks::RowDates;
use super::values::DateOrder;
use crate::report::ImportReport;

/// The stated rules that turn estimates into working days, chosen by the user.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Rules {
    /// Working days per story point (more than 0).
    pub days_per_point: f64,
    /// Working hours in a day, for estimates in seconds or hours and durations in hours
    /// (more than 0, at most 24).
    pub hours_per_day: f64,
    /// The duration of a row with no duration, estimate or dates (0 makes it a milestone).
    pub default_days: i64,
    /// How to read a date such as `03/04/2026`.
    pub date_order: DateOrder,
}

impl Default for Rules {
    /// One day per point, eight-hour days, one day for a row with nothing, dates as the
    /// file shows.
    fn default() -> Self {
        Rules {
            days_per_point: 1.0,
            hours_per_day: 8.0,
            default_days: 1,
            date_order: DateOrder::Auto,
        }
    }
}

impl Rules {
    /// Why the rules cannot be used, if they cannot.
    fn problem(&self) -> Option<String> {
        let positive = |n: f64| n.is_finite() && n > 0.0;
        if !positive(self.days_per_point) {
            return Some(format!(
                "days per story point must be more than 0, not {}",
                self.days_per_point
            ));
        }
        if !positive(self.hours_per_day) || self.hours_per_day > 24.0 {
            return Some(format!(
                "hours per day must be more than 0 and at most 24, not {}",
                self.hours_per_day
            ));
        }
        if !(0..=engine::check::MAX_DAYS).contains(&self.default_days) {
            return Some(format!(
                "the default duration must be 0 to {} working days, not {}",
                engine::words::thousands(engine::check::MAX_DAYS as usize),
                self.default_days
            ));
        }
        None
    }
}

/// What a conversion made of a table: the program (none when refused, and why), every
/// row's outcome, and the report.
#[derive(Clone, Debug)]
pub struct Preview {
    /// The program, named "Imported plan" (the caller names it after the file); `None`
    /// when the conversion is refused.
    pub program: Option<Program>,
    /// Why there is no program: no names column, rules out of range, no task, or links
    /// in a loop (naming the task ids).
    pub refused: Option<String>,
    /// One per row under the headings, in order (none when the mapping or the rules are
    /// refused before any row is read).
    pub rows: Vec<RowOutcome>,
    /// The counts, the rules applied and every note (the rows' problems among them).
    pub report: ImportReport,
}

/// What became of one row.
#[derive(Clone, Debug, PartialEq)]
pub struct RowOutcome {
    /// The row's number: 1 for the first row under the headings (as Smartsheet and MS
    /// Project number rows; a spreadsheet shows it one lower, under its heading row).
    pub row: usize,
    /// The line of the file it starts on.
    pub line: u64,
    pub became: Became,
    /// What is wrong with it: why it was skipped, or what of it was not carried.
    pub problems: Vec<RowProblem>,
}

impl RowOutcome {
    /// Carried whole (or blank).
    pub fn is_ok(&self) -> bool {
        self.problems.is_empty()
    }
}

/// What a row became.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Became {
    /// The task of this id.
    Task(String),
    /// A parent (an epic, a summary): a summary task (of the row's id), the rows under it
    /// its tasks; it and they are in the workstream of this name.
    Parent { workstream: String },
    /// Not carried (see its problems).
    Skipped,
    /// Every cell empty: passed over.
    Blank,
}

/// One problem of a row: the row, the column's heading and what is wrong.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RowProblem {
    pub row: usize,
    /// The heading of the column at fault, if one is.
    pub heading: Option<String>,
    pub message: String,
}

impl fmt::Display for RowProblem {
    /// `row 7, Duration: 'abc': not a duration …`
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.heading {
            Some(heading) => write!(f, "row {}, {heading}: {}", self.row, self.message),
            None => write!(f, "row {}: {}", self.row, self.message),
        }
    }
}

/// Converts `table`, read by `mapping`, into a program starting on `start`.
///
/// The rules, each stated in the report where it applied:
/// - ids: the ID column's value where it has one that is unique; a later duplicate, an
///   empty or unusable one is numbered (its row number, or `ID-2`); without an ID
///   column, row numbers (1 is the first row under the headings, as Smartsheet and MS
///   Project number rows, so their predecessors keep their meaning);
/// - a row without a name is skipped (a problem of that row);
/// - a row's parent is the row its Parent cell names, else the nearest row above it with a
///   smaller Outline level (or fewer parts to its Outline number: `1.2` is under `1`);
/// - a row that is another row's parent is a summary task, the rows under it its tasks:
///   its own duration, estimates and story points are not carried (reported), nor its
///   Start; the topmost parent of a row names the workstream it and the rows under it go
///   into; a parent not in the file groups its tasks in a workstream named after the
///   parent's id; rows without a parent go to their Workstream column's value, else
///   "General";
/// - the duration is the first of: the Duration cell (`5`, `2.5d`, `3w`, `4h`); the
///   working days (Monday to Friday) from Start to Finish; a time estimate in seconds or
///   hours over `hours_per_day`; story points × `days_per_point`; `default_days`. Rounded
///   to whole days, at least 1 for anything above 0; 0 is a milestone, as is an Issue Type
///   of "Milestone";
/// - predecessors in MS Project's notation; "A blocks B" is A finish-to-start before B;
///   a link into a parent is kept when finish-to-start or start-to-start, one out of it when
///   finish-to-start or finish-to-finish, any other spread to its tasks (reported);
/// - a Start date on a task without predecessors, after `start`, is "start no earlier
///   than" it; a Finish date without a Start is a deadline;
/// - dates `dd/mm/yyyy` or `mm/dd/yyyy` by `rules.date_order`;
/// - a Resources cell lists resources as the grid does (`SRE, Security:0.5`,
///   `Security[50%]`: one unit a day when none is given), an Assignee cell names one
///   person; each name not yet a resource makes one of one unit a day (its id from its
///   name), reported once; a resource named twice for a task gets the units added.
///
/// The program passes `engine::check`, or the preview is refused with its problems
/// (links in a loop name their task ids).
///
/// ```
/// use interop::sheet::{Rules, convert, guess_mapping, read_table};
/// let csv = "Task Name,Duration,Predecessors\nDesign,5d,\nBuild,2w,1\nLaunch,0,2FS+1d\n";
/// let table = read_table(csv.as_bytes()).unwrap();
/// let start = chrono::NaiveDate::from_ymd_opt(2026, 3, 2).unwrap();
/// let preview = convert(&table, &guess_mapping(&table), &Rules::default(), start);
/// let program = preview.program.unwrap();
/// assert_eq!(program.tasks[1].duration, 10);
/// assert_eq!((program.dependencies[1].from.as_str(), program.dependencies[1].lag), ("2", 1));
/// assert!(program.tasks[2].is_milestone());
/// ```
pub fn convert(table: &Table, mapping: &Mapping, rules: &Rules, start: NaiveDate) -> Preview {
    let mut converter = Converter::new(table, mapping, rules, start);
    if let Some(refused) = converter.refusal() {
        // Nothing was read: no row has an outcome yet.
        return Preview {
            program: None,
            refused: Some(refused),
            rows: Vec::new(),
            report: ImportReport::default(),
        };
    }
    let refused = converter.run();
    converter.finish(refused)
}

/// The earliest date in the Start columns, read by `rules`: a program start to suggest.
pub fn suggested_start(table: &Table, mapping: &Mapping, rules: &Rules) -> Option<NaiveDate> {
    let converter = Converter::new(table, mapping, rules, NaiveDate::default());
    let day_first = converter.date_order().0;
    (0..table.len())
        .filter_map(|row| converter.first(row, Field::Start))
        .filter_map(|(_, text)| super::values::date_parts(text)?.date(day_first))
        .filter(|d| engine::check::date_in_range(*d))
        .min()
}

/// What a row is, once parents are known.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Kind {
    Blank,
    Skipped,
    Task,
    Parent,
}

/// The conversion of one table.
pub(super) struct Converter<'a> {
    pub(super) table: &'a Table,
    pub(super) mapping: &'a Mapping,
    pub(super) rules: &'a Rules,
    pub(super) start: NaiveDate,
    /// The columns of each field.
    columns: HashMap<Field, Vec<usize>>,
    pub(super) report: ImportReport,
    pub(super) outcomes: Vec<RowOutcome>,
    pub(super) kinds: Vec<Kind>,
    /// Each row's task id (empty for a blank row).
    pub(super) ids: Vec<String>,
    pub(super) names: Vec<String>,
    /// A row by any id it may be named by (its id, its other id).
    pub(super) lookup: HashMap<String, usize>,
    /// Each row's parent row (after loops are broken), or the parent id not in the file.
    pub(super) parents: Vec<Option<usize>>,
    pub(super) outside_parents: Vec<Option<String>>,
    /// The rows as trees of parents, once loops are broken.
    pub(super) forest: Forest,
    /// Each task row's index among the program's tasks.
    pub(super) task_of_row: HashMap<usize, usize>,
    /// Each task row's dates, for the constraints set once links are known.
    pub(super) dates: HashMap<usize, RowDates>,
    /// Each workstream's id by its name, and the ids taken.
    workstream_ids: HashMap<String, String>,
    workstream_slugs: HashSet<String>,
    pub(super) program: Program,
}

impl<'a> Converter<'a> {
    fn new(table: &'a Table, mapping: &'a Mapping, rules: &'a Rules, start: NaiveDate) -> Self {
        let mut columns: HashMap<Field, Vec<usize>> = HashMap::new();
        for column in 0..table.width() {
            columns
                .entry(mapping.field(column))
                .or_default()
                .push(column);
        }
        let rows = table.len();
        Converter {
            table,
            mapping,
            rules,
            start,
            columns,
            report: ImportReport::default(),
            outcomes: (0..rows)
                .map(|row| RowOutcome {
                    row: row + 1,
                    line: table.line(row),
                    became: Became::Skipped,
                    problems: Vec::new(),
                })
                .collect(),
            kinds: vec![Kind::Skipped; rows],
            ids: vec![String::new(); rows],
            names: vec![String::new(); rows],
            lookup: HashMap::new(),
            parents: vec![None; rows],
            outside_parents: vec![None; rows],
            forest: Forest::default(),
            task_of_row: HashMap::new(),
            dates: HashMap::new(),
            workstream_ids: HashMap::new(),
            workstream_slugs: HashSet::new(),
            program: Program {
                program: ProgramInfo {
                    name: "Imported plan".to_owned(),
                    start,
                    ..ProgramInfo::default()
                },
                ..Program::default()
            },
        }
    }

    /// Why nothing can be converted, before reading a row.
    fn refusal(&self) -> Option<String> {
        if let Some(problem) = self.rules.problem() {
            return Some(problem);
        }
        if !engine::check::date_in_range(self.start) {
            return Some(format!("the start {} is out of range", self.start));
        }
        if !self.mapping.has(Field::Name) {
            return Some("no column holds the task names: choose one as Name".to_owned());
        }
        None
    }

    /// Reads every row; why the program is refused, if it is.
    fn run(&mut self) -> Option<String> {
        self.read_ids();
        self.read_parents();
        self.make_tasks();
        self.make_demands();
        self.make_links();
        self.apply_dates();
        self.count();
        if self.program.tasks.is_empty() {
            return Some("no row became a task".to_owned());
        }
        match engine::check(&self.program) {
            Ok(_) => None,
            Err(problems) => Some(refusal_text(&problems)),
        }
    }

    fn finish(mut self, refused: Option<String>) -> Preview {
        for (row, outcome) in self.outcomes.iter_mut().enumerate() {
            outcome.became = match self.kinds[row] {
                Kind::Blank => Became::Blank,
                Kind::Skipped => Became::Skipped,
                Kind::Task => Became::Task(self.ids[row].clone()),
                Kind::Parent => std::mem::replace(&mut outcome.became, Became::Skipped),
            };
        }
        Preview {
            program: refused.is_none().then_some(self.program),
            refused,
            rows: self.outcomes,
            report: self.report,
        }
    }

    fn count(&mut self) {
        let work = self.program.tasks.iter().filter(|t| !t.summary);
        self.report.milestones = work.clone().filter(|t| t.is_milestone()).count();
        self.report.tasks = work.count() - self.report.milestones;
        self.report.links = self.program.dependencies.len();
        self.report.summaries = self.kinds.iter().filter(|k| **k == Kind::Parent).count();
        self.report.skipped = self.kinds.iter().filter(|k| **k == Kind::Skipped).count();
    }

    /// The columns holding `field`.
    pub(super) fn columns(&self, field: Field) -> &[usize] {
        self.columns.get(&field).map_or(&[], Vec::as_slice)
    }

    /// The first cell of `row` holding `field` that has a value: its column and text
    /// (cleaned, see [`clean`]).
    pub(super) fn first(&self, row: usize, field: Field) -> Option<(usize, &'a str)> {
        let table = self.table;
        self.columns(field)
            .iter()
            .map(|&c| (c, clean(table.cell(row, c))))
            .find(|(_, text)| !text.is_empty())
    }

    /// Every cell of `row` holding `field` that has a value.
    pub(super) fn all(&self, row: usize, field: Field) -> Vec<(usize, &'a str)> {
        let table = self.table;
        self.columns(field)
            .iter()
            .map(|&c| (c, clean(table.cell(row, c))))
            .filter(|(_, text)| !text.is_empty())
            .collect()
    }

    /// A problem of `row` in `column` (if one is at fault): in its outcome and the report.
    pub(super) fn problem(&mut self, row: usize, column: Option<usize>, message: String) {
        let heading = column.map(|c| self.table.label(c));
        let text = match &heading {
            Some(heading) => format!("{heading}: {message}"),
            None => message.clone(),
        };
        self.note_row(row, text);
        if let Some(outcome) = self.outcomes.get_mut(row) {
            outcome.problems.push(RowProblem {
                row: row + 1,
                heading,
                message,
            });
        }
    }

    /// A note about `row` in the report.
    pub(super) fn note_row(&mut self, row: usize, message: String) {
        let label = self.row_label(row);
        let name = self.names.get(row).cloned().unwrap_or_default();
        self.report.note_about(label, &name, message);
    }

    /// `row 7`, or `row 7 (PROJ-12)` when its id is not its row number.
    pub(super) fn row_label(&self, row: usize) -> String {
        let number = (row + 1).to_string();
        match self.ids.get(row) {
            Some(id) if !id.is_empty() && *id != number => format!("row {number} ({id})"),
            _ => format!("row {number}"),
        }
    }

    /// The workstream named `name` (made on first use), by id.
    pub(super) fn workstream(&mut self, name: &str) -> String {
        let name = cut(name);
        let name = if engine::text::is_blank(&name) {
            "General".to_owned()
        } else {
            name
        };
        if let Some(id) = self.workstream_ids.get(&name) {
            return id.clone();
        }
        // Two names may make the same slug ("R&D", "R-D"): the later one is numbered.
        let base = engine::words::slug(&name);
        let mut id = base.clone();
        for n in 2.. {
            if !self.workstream_slugs.contains(&id) {
                break;
            }
            id = format!("{base}-{n}");
        }
        self.workstream_slugs.insert(id.clone());
        self.workstream_ids.insert(name.clone(), id.clone());
        self.program.workstreams.push(Workstream {
            id: id.clone(),
            name,
            calendar: None,
            color: None,
        });
        id
    }

    /// Adds a task made from `row`.
    pub(super) fn push_task(&mut self, row: usize, task: Task) {
        self.task_of_row.insert(row, self.program.tasks.len());
        self.program.tasks.push(task);
    }
}

/// A cell's text as meant: trimmed, without the `'` a spreadsheet export (Planwork's own)
/// puts before text that would start a formula.
pub(super) fn clean(text: &str) -> &str {
    let text = text.trim();
    match text.strip_prefix('\'') {
        Some(rest) if rest.starts_with(['=', '+', '-', '@']) => rest,
        _ => text,
    }
}

/// A name at most as long as a program file keeps.
pub(super) fn cut(name: &str) -> String {
    name.trim()
        .chars()
        .take(engine::text::MAX_NAME_CHARS)
        .collect()
}

/// Why the engine refuses the program: its first problems.
fn refusal_text(problems: &engine::Diagnostics) -> String {
    let cycle = problems
        .0
        .iter()
        .any(|d| d.code == engine::Code::DependencyCycle);
    let listed: Vec<&str> = problems
        .0
        .iter()
        .take(5)
        .map(|d| d.message.as_str())
        .collect();
    if cycle {
        format!(
            "the links go round in a loop, so the plan cannot be scheduled: {}; fix the \
             predecessors or blocks in the file",
            listed.join("; ")
        )
    } else {
        format!(
            "the plan it makes cannot be scheduled: {}",
            listed.join("; ")
        )
    }
}
