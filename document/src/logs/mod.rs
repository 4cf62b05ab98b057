//! The Logs tab's model: for each log (risks, assumptions, issues, cross-team dependencies,
//! decisions, change requests) its rows with their computed columns ([`rows`]), a summary
//! line in plain words ([`summary`]), sorting and filtering (by owner, status, overdue) and
//! CSV export ([`export`]).
//!
//! Everything is computed on a status date passed in (never the clock), from the program
//! and its schedule; the figures themselves are `engine::logs::figures`.

pub mod change_control;
pub mod export;
pub mod rows;
pub mod summary;
pub mod table;

pub use rows::{
    AssumptionRow, ChangeRow, DecisionRow, DependencyRow, IssueRow, LogRow, RiskRow,
    assumption_rows, change_rows, decision_rows, dependency_rows, issue_rows, risk_rows,
};

/// Which rows a table shows: all of these that are set must hold.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filter {
    /// The owner, any case; empty is any.
    pub owner: String,
    /// The status in words (`open`, `at risk` …); empty is any.
    pub status: String,
    /// Only items overdue (or at risk).
    pub flagged_only: bool,
}

impl Filter {
    pub fn keeps(&self, row: &impl LogRow) -> bool {
        (self.owner.is_empty() || row.owner().eq_ignore_ascii_case(self.owner.trim()))
            && (self.status.is_empty() || row.status().eq_ignore_ascii_case(self.status.trim()))
            && (!self.flagged_only || row.flagged())
    }
}

/// What a table is sorted by.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum SortBy {
    /// The log's order (the file's).
    #[default]
    Order,
    Id,
    Owner,
    Status,
    /// Oldest first; items not open last.
    Age,
    /// Soonest due first; items without a date last.
    Due,
}

/// The rows `filter` keeps, sorted by `by` (stable: ties keep the log's order).
///
/// ```
/// use document::logs::{shown, Filter, SortBy, issue_rows};
/// let json = r#"{"program": {"name": "P", "start": "2026-03-02"}, "logs": {"issues": [
///   {"id": "I1", "title": "A", "owner": "Ana", "opened": "2026-03-04"},
///   {"id": "I2", "title": "B", "owner": "Bo", "opened": "2026-03-02"}]}}"#;
/// let program: engine::Program = serde_json::from_str(json).unwrap();
/// let rows = issue_rows(&program, "2026-03-06".parse().unwrap());
/// let oldest: Vec<&str> = shown(&rows, &Filter::default(), SortBy::Age).iter().map(|r| r.id.as_str()).collect();
/// assert_eq!(oldest, ["I2", "I1"]);
/// let ana = Filter { owner: "ana".into(), ..Filter::default() };
/// assert_eq!(shown(&rows, &ana, SortBy::Order).len(), 1);
/// ```
pub fn shown<'r, R: LogRow>(rows: &'r [R], filter: &Filter, by: SortBy) -> Vec<&'r R> {
    let mut kept: Vec<&R> = rows.iter().filter(|r| filter.keeps(*r)).collect();
    match by {
        SortBy::Order => {}
        SortBy::Id => kept.sort_by_key(|r| natural(r.id())),
        SortBy::Owner => kept.sort_by_key(|r| r.owner().to_lowercase()),
        SortBy::Status => kept.sort_by_key(|r| r.status().to_owned()),
        SortBy::Age => kept.sort_by_key(|r| std::cmp::Reverse(r.age().unwrap_or(-1))),
        SortBy::Due => kept.sort_by_key(|r| (r.due().is_none(), r.due())),
    }
    kept
}

/// An id as its prefix and number, so `I2` sorts before `I10`.
fn natural(id: &str) -> (String, u64, String) {
    let digits = id.find(|c: char| c.is_ascii_digit()).unwrap_or(id.len());
    let (prefix, rest) = id.split_at(digits);
    let end = rest
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(rest.len());
    let number = rest[..end].parse().unwrap_or(0);
    (prefix.to_owned(), number, rest[end..].to_owned())
}
