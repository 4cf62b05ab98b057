//! Schedule health as the panel and the status pack show it: one plain row per DCMA check
//! (number, name, outcome word, figure, rule, the offending tasks with their names), a
//! summary line, and the whole assessment as Markdown for the pack's detail.
//!
//! The assessment itself is `engine::health::assess`; this only words it. Every text from
//! the program (ids, names, and the notes that quote them) is escaped in the Markdown with
//! [`crate::readiness::markdown::escape`].

use std::fmt::Write;

use engine::Program;
use engine::health::{CheckResult, DateSource, Outcome, Report};
use rustc_hash::FxHashMap;

use crate::readiness::markdown::escape;

/// A task a check lists: its id (to select it in the plan) and its name.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TaskRef {
    pub id: String,
    pub name: String,
}

/// One check as the panel shows it.
#[derive(Clone, Debug, PartialEq)]
pub struct HealthRow {
    pub number: u8,
    pub slug: &'static str,
    pub name: &'static str,
    pub outcome: Outcome,
    /// `pass`, `fail`, `n/a`.
    pub outcome_word: &'static str,
    /// `3.2 % (4 of 125)`, or `n/a`.
    pub figure: String,
    /// `≤ 5 % of incomplete tasks`.
    pub threshold: String,
    /// Why it does not apply, or how its figure was taken.
    pub note: Option<String>,
    /// What `tasks` are, in words.
    pub tasks_are: &'static str,
    /// The offending tasks, in program order.
    pub tasks: Vec<TaskRef>,
}

/// The panel's rows, in DCMA's order; task names from `program` (an id it lacks keeps its id
/// as its name).
pub fn rows(report: &Report, program: &Program) -> Vec<HealthRow> {
    let names: FxHashMap<&str, &str> = program
        .tasks
        .iter()
        .map(|t| (t.id.as_str(), t.name.as_str()))
        .collect();
    report.checks.iter().map(|r| row(r, &names)).collect()
}

fn row(result: &CheckResult, names: &FxHashMap<&str, &str>) -> HealthRow {
    let tasks = result
        .tasks
        .iter()
        .map(|id| TaskRef {
            id: id.clone(),
            name: names.get(id.as_str()).copied().unwrap_or(id).to_string(),
        })
        .collect();
    HealthRow {
        number: result.number,
        slug: result.slug,
        name: result.name,
        outcome: result.outcome,
        outcome_word: result.outcome.word(),
        figure: result.figure_text.clone(),
        threshold: result.threshold_text.clone(),
        note: result.note.clone(),
        tasks_are: result.tasks_are,
        tasks,
    }
}

/// `9 pass, 4 fail, 1 not applicable`.
pub fn summary(report: &Report) -> String {
    format!(
        "{} pass, {} fail, {} not applicable",
        report.count(Outcome::Pass),
        report.count(Outcome::Fail),
        report.count(Outcome::NotApplicable)
    )
}

/// The status date and where it came from: `2027-03-01 (the program's status date)`.
pub fn date_line(report: &Report) -> String {
    let from = match report.status_date_from {
        DateSource::Program => "the program's status date",
        DateSource::Given => "the program has no status date",
    };
    format!("{} ({from})", report.status_date)
}

/// The Markdown lists at most this many tasks per check, then how many more.
pub const LISTED_TASKS: usize = 20;

/// The assessment as Markdown: a heading, the date, baseline and summary, a table of the
/// fourteen checks, then each failing check's tasks (at most [`LISTED_TASKS`]).
pub fn markdown(report: &Report, program: &Program) -> String {
    let mut out = String::from("## Schedule health (DCMA 14-point assessment)\n\n");
    let baseline = report
        .baseline
        .as_deref()
        .map_or("none".to_string(), escape);
    let _ = writeln!(
        out,
        "Status date {}; baseline: {baseline}. {}.\n",
        date_line(report),
        summary(report)
    );
    out.push_str("| # | Check | Outcome | Figure | Threshold | Note |\n");
    out.push_str("|---:|---|---|---|---|---|\n");
    let rows = rows(report, program);
    for row in &rows {
        let outcome = match row.outcome {
            Outcome::Fail => "**fail**",
            other => other.word(),
        };
        let _ = writeln!(
            out,
            "| {} | {} | {outcome} | {} | {} | {} |",
            row.number,
            row.name,
            escape(&row.figure),
            escape(&row.threshold),
            escape(row.note.as_deref().unwrap_or(""))
        );
    }
    out.push('\n');
    for row in rows.iter().filter(|r| r.outcome == Outcome::Fail) {
        if !row.tasks.is_empty() {
            out.push_str(&listed(row));
        }
    }
    out
}

/// `- **1 Logic**, incomplete tasks missing …: Review (review), Orphan (orphan), … and 3
/// more`.
fn listed(row: &HealthRow) -> String {
    let tasks: Vec<String> = row
        .tasks
        .iter()
        .take(LISTED_TASKS)
        .map(|t| format!("{} ({})", escape(&t.name), escape(&t.id)))
        .collect();
    let more = row.tasks.len().saturating_sub(LISTED_TASKS);
    let more = match more {
        0 => String::new(),
        n => format!(", … and {n} more"),
    };
    format!(
        "- **{} {}**, {}: {}{more}\n",
        row.number,
        row.name,
        row.tasks_are,
        tasks.join(", ")
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use engine::health::{Thresholds, assess};

    const HOSTILE: &str = "x | *bold* _it_ `code` [link](javascript:alert(1)) <script>alert(1)</script> & \n# heading";

    /// Three tasks; the middle one is named with hostile text and has no successor, the last
    /// no predecessor (neither a milestone): logic fails listing both.
    fn program(name: &str) -> Program {
        let json = serde_json::json!({
            "program": {"name": "P", "start": "2027-01-04"},
            "workstreams": [{"id": "w", "name": "W"}],
            "tasks": [
                {"id": "a", "name": "A", "workstream": "w", "duration": 2},
                {"id": "b|<i>", "name": name, "workstream": "w", "duration": 3},
                {"id": "c", "name": "C", "workstream": "w", "duration": 1}
            ],
            "dependencies": [{"from": "a", "to": "b|<i>", "type": "SS", "lag": 1}]
        });
        serde_json::from_value(json).unwrap()
    }

    fn report(program: &Program) -> Report {
        let checked = engine::check(program).unwrap();
        let schedule = engine::schedule_checked(&checked).unwrap();
        let date = "2027-01-04".parse().unwrap();
        assess(&checked, &schedule, None, date, &Thresholds::default())
    }

    #[test]
    fn rows_name_the_offending_tasks() {
        let program = program("Build");
        let rows = rows(&report(&program), &program);
        assert_eq!(rows.len(), 14);
        let logic = &rows[0];
        assert_eq!((logic.number, logic.outcome_word), (1, "fail"));
        // a has no predecessor, b none after it, c neither: 3 of 3.
        assert_eq!(logic.figure, "100.0 % (3 of 3)");
        let names: Vec<&str> = logic.tasks.iter().map(|t| t.name.as_str()).collect();
        assert_eq!(names, ["A", "Build", "C"]);
        assert_eq!(logic.tasks[1].id, "b|<i>");
        assert_eq!(rows[9].outcome_word, "n/a");
        assert!(rows[9].note.as_ref().unwrap().contains("no resources"));
    }

    #[test]
    fn hostile_names_stay_text() {
        let program = program(HOSTILE);
        let md = markdown(&report(&program), &program);
        assert!(!md.contains("<script>") && !md.contains("<i>"), "{md}");
        assert!(
            md.contains(r"x \| \*bold\* \_it\_ \`code\` \[link\]"),
            "{md}"
        );
        assert!(md.contains("&lt;script&gt;"), "{md}");
        assert!(!md.lines().any(|l| l.starts_with("# heading")), "{md}");
        // Every table row keeps its seven cell borders: no text adds one.
        for line in md.lines().filter(|l| l.starts_with('|')) {
            let borders = line
                .match_indices('|')
                .filter(|(i, _)| !line[..*i].ends_with('\\'));
            assert_eq!(borders.count(), 7, "{line}");
        }
        assert!(md.contains(r"b\|&lt;i&gt;"), "{md}");
    }

    #[test]
    fn markdown_lists_the_failing_checks_tasks() {
        let program = program("Build");
        let report = report(&program);
        let md = markdown(&report, &program);
        assert!(md.starts_with("## Schedule health (DCMA 14-point assessment)\n"));
        assert!(
            md.contains("Status date 2027-01-04 (the program has no status date); baseline: none."),
            "{md}"
        );
        assert!(md.contains(&format!("{}.", summary(&report))), "{md}");
        assert!(
            md.contains("| 1 | Logic | **fail** | 100.0 % (3 of 3) |"),
            "{md}"
        );
        assert!(
            md.contains(
                "- **1 Logic**, incomplete tasks missing a predecessor or a successor: \
                 A (a), Build (b\\|&lt;i&gt;), C (c)\n"
            ),
            "{md}"
        );
        // The lag (SS + 1) fails 3, listing b.
        assert!(
            md.contains("- **3 Lags**, successors of links with a lag: Build"),
            "{md}"
        );
    }

    #[test]
    fn long_lists_are_cut() {
        let row = HealthRow {
            number: 1,
            slug: "logic",
            name: "Logic",
            outcome: Outcome::Fail,
            outcome_word: "fail",
            figure: String::new(),
            threshold: String::new(),
            note: None,
            tasks_are: "tasks",
            tasks: (0..25)
                .map(|i| TaskRef {
                    id: format!("t{i}"),
                    name: format!("T{i}"),
                })
                .collect(),
        };
        let line = listed(&row);
        assert!(line.ends_with("T19 (t19), … and 5 more\n"), "{line}");
    }
}
