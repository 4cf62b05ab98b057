//! MS Project links as Planwork's: the four types, lags in every format in working days,
//! and links to or from summary tasks. A link into a summary task carried as one is kept
//! when Planwork takes its type (finish-to-start or start-to-start: it moves the summary's
//! tasks), as is one out of it (finish-to-start or finish-to-finish: from its finish);
//! otherwise, and for a top-level summary (a workstream), the link is spread to the
//! summary's tasks and reported.

use std::collections::{HashMap, HashSet};

use engine::{Dependency, LinkType};

use super::outline::Outline;
use super::read::{RawLink, RawTask};
use super::{Importer, days_text};
use crate::report::link_words;

/// Which end of a link a row is.
#[derive(Clone, Copy, PartialEq, Eq)]
enum End {
    From,
    To,
}

impl Importer<'_> {
    /// The links between carried rows: a link to or from a summary kept or spread to its
    /// tasks.
    pub(super) fn links(&mut self, outline: &Outline) -> Vec<Dependency> {
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
            if !outline.is_task(index) && !outline.is_summary(index) {
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
                if outline.nested(from, index) {
                    self.report.note_task(
                        task.uid,
                        &task.name,
                        "a link between a summary task and its own task: dropped",
                    );
                    continue;
                }
                let froms = self.link_end(outline, from, index, kind, End::From);
                let tos = self.link_end(outline, index, from, kind, End::To);
                let lag = self.lag(link, from, task);
                for &f in &froms {
                    for &t in &tos {
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

    /// The carried rows that link end `row` stands for (the other end `other`): itself
    /// when it is a task, or a carried summary at an end Planwork takes `kind` at; else a
    /// summary's tasks, reported (on the link's successor).
    fn link_end(
        &mut self,
        outline: &Outline,
        row: usize,
        other: usize,
        kind: LinkType,
        end: End,
    ) -> Vec<usize> {
        if outline.is_task(row) {
            return vec![row];
        }
        let allowed = match end {
            End::From => matches!(kind, LinkType::FS | LinkType::FF),
            End::To => matches!(kind, LinkType::FS | LinkType::SS),
        };
        if outline.is_carried_summary(row) && allowed {
            return vec![row];
        }
        let tasks = outline.tasks_of(row);
        let (successor, predecessor) = match end {
            End::From => (other, row),
            End::To => (row, other),
        };
        let uid = |i: usize| self.raw.tasks.get(i).map_or(0, |t| t.uid);
        let message = spread_message(
            kind,
            end,
            uid(predecessor),
            outline.is_carried_summary(row),
            allowed,
            tasks.is_empty(),
        );
        if let Some(task) = self.raw.tasks.get(successor) {
            self.report.note_task(task.uid, &task.name, message);
        }
        tasks
    }

    /// A link's lag in working days of the project calendar.
    pub(super) fn lag(&mut self, link: &RawLink, from: usize, task: &RawTask) -> i64 {
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

/// What became of a link of `kind` from UID `predecessor` whose `end` is a summary that is
/// `carried` as a summary task (else a top-level one, a workstream), spread to its tasks or
/// dropped when it has `none`; the note is on the link's successor.
fn spread_message(
    kind: LinkType,
    end: End,
    predecessor: i64,
    carried: bool,
    allowed: bool,
    none: bool,
) -> String {
    let link = match end {
        End::From => format!(
            "a {} link from summary task UID {predecessor}",
            link_words(kind)
        ),
        End::To => format!(
            "a {} link from UID {predecessor} into this summary task",
            link_words(kind)
        ),
    };
    if none {
        return format!("{link}, which has no task under it: dropped");
    }
    let (spread, rule) = match end {
        End::From => (
            "spread from its tasks",
            "a link out of a summary task is finish-to-start or finish-to-finish",
        ),
        End::To => (
            "spread to its tasks",
            "a link into a summary task is finish-to-start or start-to-start",
        ),
    };
    match (carried, allowed) {
        (false, true) => format!("{link}, a top-level one (a workstream here): {spread}"),
        (false, false) => format!(
            "{link}, a top-level one (a workstream here): {spread}, an approximation ({rule})"
        ),
        _ => format!("{link}: {spread}, an approximation ({rule})"),
    }
}
