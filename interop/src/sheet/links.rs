//! The third pass: links from the Predecessors cells (MS Project's notation), the Blocks
//! cells (this row before those) and the Blocked-by cells (those before this row). A link
//! into a parent (a summary task) is kept when it is finish-to-start or start-to-start, one
//! out of it when finish-to-start or finish-to-finish; any other is spread to the parent's
//! tasks (reported); one link between two tasks is kept (Jira writes each link on both of
//! its issues).

use std::collections::HashMap;

use engine::entry::{EntryError, Predecessor, format_predecessors, parse_predecessors};
use engine::{Dependency, LinkType};

use super::convert::{Converter, Kind};
use super::mapping::Field;
use super::values::duration_days;

/// Which end of a link a row is.
#[derive(Clone, Copy, PartialEq, Eq)]
enum End {
    From,
    To,
}

/// Whether a summary task takes a link of `kind` at `end`: into it finish-to-start or
/// start-to-start (its tasks start after), out of it finish-to-start or finish-to-finish
/// (from its finish), as MS Project and the engine allow.
fn takes(kind: LinkType, end: End) -> bool {
    match end {
        End::From => matches!(kind, LinkType::FS | LinkType::FF),
        End::To => matches!(kind, LinkType::FS | LinkType::SS),
    }
}

/// A link as a cell gives it, between rows.
struct RowLink {
    from: usize,
    to: usize,
    kind: LinkType,
    lag: i64,
    /// The row and column whose cell gave it.
    row: usize,
    column: usize,
}

impl Converter<'_> {
    /// The program's dependencies from every row's link cells.
    pub(super) fn make_links(&mut self) {
        let mut links = Vec::new();
        for row in self.rows() {
            if !matches!(self.kinds[row], Kind::Task | Kind::Parent) {
                continue;
            }
            self.predecessor_links(row, &mut links);
            self.block_links(row, &mut links);
        }
        let mut kept: HashMap<(usize, usize), usize> = HashMap::new();
        let mut under: HashMap<usize, Vec<usize>> = HashMap::new();
        for link in links {
            self.spread(&link, &mut kept, &mut under);
        }
    }

    /// `row`'s predecessors, each token on its own so one bad token drops only itself.
    fn predecessor_links(&mut self, row: usize, links: &mut Vec<RowLink>) {
        for (column, text) in self.all(row, Field::Predecessors) {
            let tokens = text
                .split([',', ';'])
                .map(str::trim)
                .filter(|t| !t.is_empty());
            for token in tokens {
                match self.predecessor(token) {
                    Ok(found) => links.extend(found.and_then(|p| {
                        Some(RowLink {
                            from: *self.lookup.get(&p.id)?,
                            to: row,
                            kind: p.kind,
                            lag: p.lag,
                            row,
                            column,
                        })
                    })),
                    Err(error) => {
                        self.problem(row, Some(column), format!("{error}: link dropped"));
                    }
                }
            }
        }
    }

    /// One predecessor in MS Project's notation (`2`, `3SS`, `2FS+1d`); a lag as MS
    /// Project writes it in a sheet (`3SS+2 days`, `2FS+1.5d`, `4FS-1 wk`) is read too,
    /// rounded to whole days.
    fn predecessor(&self, token: &str) -> Result<Option<Predecessor>, EntryError> {
        let known = |id: &str| self.lookup.contains_key(id);
        let error = match parse_predecessors(token, known) {
            Ok(mut parsed) => return Ok(parsed.pop()),
            Err(error) => error,
        };
        let Some(at) = token.rfind(['+', '-']) else {
            return Err(error);
        };
        let (head, lag) = token.split_at(at);
        let typed = head.trim_end();
        let has_type = typed.len() > 2
            && typed.is_char_boundary(typed.len() - 2)
            && ["FS", "SS", "FF", "SF"].contains(&typed[typed.len() - 2..].to_uppercase().as_str());
        let days = duration_days(&lag[1..], self.rules.hours_per_day)
            .ok()
            .filter(|d| *d <= engine::check::MAX_DAYS as f64);
        let (true, Some(days)) = (has_type, days) else {
            return Err(error);
        };
        let mut parsed = parse_predecessors(typed, known)?;
        let sign = if lag.starts_with('-') { -1.0 } else { 1.0 };
        Ok(parsed.pop().map(|p| Predecessor {
            lag: (sign * days).round() as i64,
            ..p
        }))
    }

    /// `row`'s Blocks (it before them) and Blocked-by (them before it) cells: ids apart
    /// by commas, semicolons or spaces.
    fn block_links(&mut self, row: usize, links: &mut Vec<RowLink>) {
        for (field, blocks) in [(Field::Blocks, true), (Field::BlockedBy, false)] {
            for (column, text) in self.all(row, field) {
                let ids = text
                    .split(|c: char| c == ',' || c == ';' || c.is_whitespace())
                    .filter(|t| !t.is_empty());
                for id in ids {
                    let Some(&other) = self.lookup.get(id) else {
                        let message = format!("'{id}' is not in the file: link dropped");
                        self.problem(row, Some(column), message);
                        continue;
                    };
                    let (from, to) = if blocks { (row, other) } else { (other, row) };
                    links.push(RowLink {
                        from,
                        to,
                        kind: LinkType::FS,
                        lag: 0,
                        row,
                        column,
                    });
                }
            }
        }
    }

    /// Adds `link` between its rows, or their tasks where a parent does not take its type;
    /// `kept` holds each pair's dependency, `under` each parent's tasks once listed.
    fn spread(
        &mut self,
        link: &RowLink,
        kept: &mut HashMap<(usize, usize), usize>,
        under: &mut HashMap<usize, Vec<usize>>,
    ) {
        if let Some(problem) = self.unusable(link) {
            self.problem(link.row, Some(link.column), problem);
            return;
        }
        let froms = self.link_end(link.from, link.kind, End::From, under);
        let tos = self.link_end(link.to, link.kind, End::To, under);
        let mut added = false;
        for &from in &froms {
            for &to in &tos {
                added |= self.add_link(from, to, link, kept);
            }
        }
        if !added {
            return;
        }
        for (row, end) in [(link.from, End::From), (link.to, End::To)] {
            if self.kinds[row] == Kind::Parent && !takes(link.kind, end) {
                let message = self.spread_message(link, row, end, &under[&row]);
                self.note_row(link.row, message);
            }
        }
    }

    /// The rows link end `row` stands for: itself when it is a task, or a parent (a summary
    /// task) at an end that takes `kind`; else the parent's tasks.
    fn link_end(
        &self,
        row: usize,
        kind: LinkType,
        end: End,
        under: &mut HashMap<usize, Vec<usize>>,
    ) -> Vec<usize> {
        if self.kinds[row] != Kind::Parent || takes(kind, end) {
            return vec![row];
        }
        under
            .entry(row)
            .or_insert_with(|| self.tasks_under(row))
            .clone()
    }

    /// `a start-to-start link A → B out of a summary task: spread from its tasks (…), an
    /// approximation (…)`.
    fn spread_message(&self, link: &RowLink, row: usize, end: End, tasks: &[usize]) -> String {
        let (way, spread, rule) = match end {
            End::From => (
                "out of",
                "from",
                "a link out of a summary task is finish-to-start or finish-to-finish",
            ),
            End::To => (
                "into",
                "to",
                "a link into a summary task is finish-to-start or start-to-start",
            ),
        };
        let tasks: Vec<&str> = tasks.iter().map(|&r| self.ids[r].as_str()).collect();
        format!(
            "a {} link {} → {} {way} a summary task ({}): spread {spread} its tasks ({}), an approximation ({rule})",
            crate::report::link_words(link.kind),
            self.ids[link.from],
            self.ids[link.to],
            self.ids[row],
            tasks.join(", ")
        )
    }

    /// Why `link` cannot be carried, if it cannot.
    fn unusable(&self, link: &RowLink) -> Option<String> {
        let other = if link.from == link.row {
            link.to
        } else {
            link.from
        };
        let name = &self.ids[other];
        if link.from == link.to {
            Some("a link from the row to itself: dropped".to_owned())
        } else if self.kinds[other] == Kind::Skipped {
            Some(format!("a link with '{name}', which is skipped: dropped"))
        } else if self.is_ancestor(link.from, link.to) || self.is_ancestor(link.to, link.from) {
            Some(format!(
                "a link between a parent and its own task ('{name}'): dropped"
            ))
        } else {
            None
        }
    }

    /// The link between task rows `from` and `to`, unless they already have one;
    /// whether it was added.
    fn add_link(
        &mut self,
        from: usize,
        to: usize,
        link: &RowLink,
        kept: &mut HashMap<(usize, usize), usize>,
    ) -> bool {
        if from == to {
            return false;
        }
        let dependency = Dependency {
            from: self.ids[from].clone(),
            to: self.ids[to].clone(),
            kind: link.kind,
            lag: link.lag,
        };
        if let Some(&earlier) = kept.get(&(from, to)) {
            let first = &self.program.dependencies[earlier];
            if (first.kind, first.lag) != (link.kind, link.lag) {
                let typed = |kind, lag| {
                    format_predecessors(&[Predecessor {
                        id: dependency.from.clone(),
                        kind,
                        lag,
                    }])
                };
                let message = format!(
                    "a second link {} → {} ({}) dropped: the first ({}) is kept",
                    dependency.from,
                    dependency.to,
                    typed(link.kind, link.lag),
                    typed(first.kind, first.lag)
                );
                self.note_row(link.row, message);
            }
            return false;
        }
        kept.insert((from, to), self.program.dependencies.len());
        self.program.dependencies.push(dependency);
        true
    }
}
