//! MS Project links as Planwork's: the four types, lags in every format in working days,
//! and a link to or from a summary task spread to the summary's tasks.

use std::collections::{HashMap, HashSet};

use engine::{Dependency, LinkType};

use super::outline::Outline;
use super::read::{RawLink, RawTask};
use super::{Importer, days_text};

impl Importer<'_> {
    /// The links between carried tasks: a link to or from a summary spread to its tasks.
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
