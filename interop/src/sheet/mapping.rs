//! Which field of a task each column holds: guessed from the headings that Excel, Google
//! Sheets, Smartsheet, MS Project, Jira and Azure DevOps write, and changed by the user
//! before converting (plain data, so a form can edit it and it can be stored).

use serde::{Deserialize, Serialize};

use super::table::Table;

/// What a column holds.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Field {
    /// Not read.
    #[default]
    Ignore,
    /// The row's id, which the other rows' predecessors, parents and links name
    /// (`ID`, `Issue key`).
    Id,
    /// Another id the other rows may name it by (Jira's numeric `Issue id`, which its
    /// `Parent` column holds, beside the `Issue key`).
    OtherId,
    Name,
    /// Working days as typed: `5`, `5d`, `2.5d`, `3w`, `4h`, `1w 2d`.
    Duration,
    /// A time estimate in seconds (Jira's `Original Estimate`).
    EstimateSeconds,
    /// A time estimate in hours (Azure DevOps' `Original Estimate`).
    EstimateHours,
    StoryPoints,
    Start,
    /// The finish date (`Finish`, `End Date`, `Due Date`).
    Finish,
    /// Predecessors in MS Project's notation: `2FS+1d, 3SS`.
    Predecessors,
    Workstream,
    /// The parent's id (`Parent`, `Epic Link`): a row others name is a summary task, they
    /// are under it.
    Parent,
    /// The row's outline level (`Outline level`, `Level`: 1, 2, 3 …): a row is under the
    /// nearest row above it with a smaller level.
    OutlineLevel,
    /// The row's outline number (`WBS`, `Outline number`: `1`, `1.2`, `1.2.3`): its level
    /// is its count of parts.
    OutlineNumber,
    IssueType,
    /// Ids of the rows this row blocks (it finishes before they start).
    Blocks,
    /// Ids of the rows that block this row (Jira's `Inward issue link (Blocks)`).
    BlockedBy,
    /// What the task needs of resources, as the grid's Resources cell reads it: a list of
    /// names, each with its units a day (`SRE, Security:0.5`, MS Project's
    /// `Security[50%]`). A name not yet a resource makes one.
    Resources,
    /// The one person the task is assigned to (Jira's `Assignee`): a resource of their
    /// name, one unit a day (the whole cell is the name, commas and all).
    Assignee,
}

impl Field {
    /// Every field, in the order a list offers them.
    pub const ALL: [Field; 20] = [
        Field::Ignore,
        Field::Id,
        Field::OtherId,
        Field::Name,
        Field::Duration,
        Field::EstimateSeconds,
        Field::EstimateHours,
        Field::StoryPoints,
        Field::Start,
        Field::Finish,
        Field::Predecessors,
        Field::Workstream,
        Field::Parent,
        Field::OutlineLevel,
        Field::OutlineNumber,
        Field::IssueType,
        Field::Blocks,
        Field::BlockedBy,
        Field::Resources,
        Field::Assignee,
    ];

    /// The field in words, for a list to choose from.
    pub fn label(self) -> &'static str {
        match self {
            Field::Ignore => "(not read)",
            Field::Id => "ID",
            Field::OtherId => "Other ID",
            Field::Name => "Name",
            Field::Duration => "Duration (working days)",
            Field::EstimateSeconds => "Estimate in seconds",
            Field::EstimateHours => "Estimate in hours",
            Field::StoryPoints => "Story points",
            Field::Start => "Start",
            Field::Finish => "Finish",
            Field::Predecessors => "Predecessors",
            Field::Workstream => "Workstream",
            Field::Parent => "Parent",
            Field::OutlineLevel => "Outline level",
            Field::OutlineNumber => "Outline number (WBS)",
            Field::IssueType => "Issue type",
            Field::Blocks => "Blocks",
            Field::BlockedBy => "Blocked by",
            Field::Resources => "Resources",
            Field::Assignee => "Assignee (one person)",
        }
    }
}

/// The field of each column of a table, in column order. Several columns may hold the
/// same field: a list (predecessors, blocks, resources) is read from all of them, anything
/// else from the first of them with a value in the row.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mapping {
    pub columns: Vec<Field>,
}

impl Mapping {
    /// The field of column `column` (`Ignore` past the end).
    pub fn field(&self, column: usize) -> Field {
        self.columns.get(column).copied().unwrap_or_default()
    }

    /// The columns that hold `field`, in order.
    pub fn columns_of(&self, field: Field) -> Vec<usize> {
        (0..self.columns.len())
            .filter(|&c| self.field(c) == field)
            .collect()
    }

    pub fn has(&self, field: Field) -> bool {
        self.columns.contains(&field)
    }
}

/// The likely field of each of `table`'s columns, from its heading (any case; Jira's
/// `Custom field (…)` read as what is in the brackets). An `Original Estimate` is in
/// seconds (Jira) unless the headings are Azure DevOps' (`Work Item Type`, `Area Path`),
/// where it is in hours; when there is an `Issue id` but no `Issue key` or `ID`, the
/// `Issue id` is the id.
///
/// ```
/// use interop::sheet::{Field, guess_mapping, read_table};
/// let table = read_table(b"Issue key,Summary,Custom field (Story Points),Inward issue link (Blocks),Inward issue link (Blocks)\n").unwrap();
/// assert_eq!(guess_mapping(&table).columns,
///            [Field::Id, Field::Name, Field::StoryPoints, Field::BlockedBy, Field::BlockedBy]);
/// ```
pub fn guess_mapping(table: &Table) -> Mapping {
    let azure = table
        .headings
        .iter()
        .map(|h| normal(h))
        .any(|h| ["work item type", "area path", "iteration path"].contains(&h.as_str()));
    let mut columns: Vec<Field> = table
        .headings
        .iter()
        .map(|heading| match guess_field(heading) {
            Field::EstimateSeconds if azure => Field::EstimateHours,
            field => field,
        })
        .collect();
    if !columns.contains(&Field::Id)
        && let Some(other) = columns.iter_mut().find(|f| **f == Field::OtherId)
    {
        *other = Field::Id;
    }
    Mapping { columns }
}

/// The likely field of a column headed `heading`, on its own.
///
/// ```
/// use interop::sheet::{Field, guess_field};
/// assert_eq!(guess_field("Task Name"), Field::Name);
/// assert_eq!(guess_field("Resource Names"), Field::Resources);
/// assert_eq!(guess_field("Assignee"), Field::Assignee);
/// assert_eq!(guess_field("Duration (working days)"), Field::Duration);
/// assert_eq!(guess_field("Epic Link"), Field::Parent);
/// assert_eq!(guess_field("Parent summary"), Field::Ignore);
/// ```
pub fn guess_field(heading: &str) -> Field {
    let heading = normal(heading);
    let heading = heading.as_str();
    if let Some(&(_, field)) = SYNONYMS.iter().find(|(h, _)| *h == heading) {
        return field;
    }
    if heading.starts_with("duration") {
        return Field::Duration;
    }
    Field::Ignore
}

/// A heading in lower case, its spaces single, and without Jira's `custom field (…)`.
fn normal(heading: &str) -> String {
    let words: Vec<&str> = heading.split_whitespace().collect();
    let heading = words.join(" ").to_lowercase();
    match heading
        .strip_prefix("custom field (")
        .and_then(|h| h.strip_suffix(')'))
    {
        Some(inner) => inner.trim().to_owned(),
        None => heading,
    }
}

/// Headings (as [`normal`] makes them) and their fields.
const SYNONYMS: &[(&str, Field)] = &[
    ("id", Field::Id),
    ("issue key", Field::Id),
    ("key", Field::Id),
    ("work item id", Field::Id),
    ("task id", Field::Id),
    ("row id", Field::Id),
    ("#", Field::Id),
    ("issue id", Field::OtherId),
    ("unique id", Field::OtherId),
    ("uid", Field::OtherId),
    ("name", Field::Name),
    ("task name", Field::Name),
    ("task", Field::Name),
    ("summary", Field::Name),
    ("title", Field::Name),
    ("subject", Field::Name),
    ("activity", Field::Name),
    ("activity name", Field::Name),
    ("work item", Field::Name),
    ("estimate", Field::Duration),
    ("estimate (days)", Field::Duration),
    ("estimated days", Field::Duration),
    ("days", Field::Duration),
    ("working days", Field::Duration),
    ("work days", Field::Duration),
    ("original estimate", Field::EstimateSeconds),
    ("original time estimate", Field::EstimateSeconds),
    ("original estimate (s)", Field::EstimateSeconds),
    ("original estimate (seconds)", Field::EstimateSeconds),
    ("original estimate (h)", Field::EstimateHours),
    ("original estimate (hours)", Field::EstimateHours),
    ("estimate (h)", Field::EstimateHours),
    ("estimate (hours)", Field::EstimateHours),
    ("estimated hours", Field::EstimateHours),
    ("effort (h)", Field::EstimateHours),
    ("effort (hours)", Field::EstimateHours),
    ("hours", Field::EstimateHours),
    ("story points", Field::StoryPoints),
    ("story point estimate", Field::StoryPoints),
    ("story point", Field::StoryPoints),
    ("points", Field::StoryPoints),
    ("effort", Field::StoryPoints),
    ("size", Field::StoryPoints),
    ("start", Field::Start),
    ("start date", Field::Start),
    ("planned start", Field::Start),
    ("target start", Field::Start),
    ("begin", Field::Start),
    ("finish", Field::Finish),
    ("finish date", Field::Finish),
    ("end", Field::Finish),
    ("end date", Field::Finish),
    ("due", Field::Finish),
    ("due date", Field::Finish),
    ("target date", Field::Finish),
    ("target end", Field::Finish),
    ("planned finish", Field::Finish),
    ("planned end", Field::Finish),
    ("predecessors", Field::Predecessors),
    ("predecessor", Field::Predecessors),
    ("depends on", Field::Predecessors),
    ("dependencies", Field::Predecessors),
    ("workstream", Field::Workstream),
    ("work stream", Field::Workstream),
    ("team", Field::Workstream),
    ("component", Field::Workstream),
    ("components", Field::Workstream),
    ("component/s", Field::Workstream),
    ("area path", Field::Workstream),
    ("stream", Field::Workstream),
    ("group", Field::Workstream),
    ("parent", Field::Parent),
    ("parent id", Field::Parent),
    ("parent key", Field::Parent),
    ("parent issue", Field::Parent),
    ("parent link", Field::Parent),
    ("parent work item", Field::Parent),
    ("parent task", Field::Parent),
    ("epic link", Field::Parent),
    ("epic", Field::Parent),
    ("outline level", Field::OutlineLevel),
    ("level", Field::OutlineLevel),
    ("outline number", Field::OutlineNumber),
    ("outline", Field::OutlineNumber),
    ("wbs", Field::OutlineNumber),
    ("wbs code", Field::OutlineNumber),
    ("issue type", Field::IssueType),
    ("type", Field::IssueType),
    ("work item type", Field::IssueType),
    ("item type", Field::IssueType),
    ("blocks", Field::Blocks),
    ("outward issue link (blocks)", Field::Blocks),
    ("blocked by", Field::BlockedBy),
    ("is blocked by", Field::BlockedBy),
    ("inward issue link (blocks)", Field::BlockedBy),
    ("resources", Field::Resources),
    ("resource", Field::Resources),
    ("resource names", Field::Resources),
    ("resource name", Field::Resources),
    ("assigned to", Field::Resources),
    ("assignees", Field::Resources),
    ("team member", Field::Resources),
    ("team members", Field::Resources),
    ("people", Field::Resources),
    ("assignee", Field::Assignee),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_synonym_is_in_normal_form() {
        for (heading, _) in SYNONYMS {
            assert_eq!(normal(heading), *heading);
        }
    }

    #[test]
    fn custom_fields_are_read_by_their_name() {
        assert_eq!(guess_field("Custom field (Epic Link)"), Field::Parent);
        assert_eq!(guess_field("  STORY   Points "), Field::StoryPoints);
    }
}
