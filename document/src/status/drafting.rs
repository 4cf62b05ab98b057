//! The pack drafted from an open document: its status date (the draft's, else today), the
//! active baseline, the last forecast, and the schedule health assessment (the pack lists
//! its failing checks).

use crate::baselines::active;
use chrono::NaiveDate;
use engine::Checked;
use engine::forecast::Forecast;
use engine::health::{Outcome, Report, assess};
use engine::scheduler::Schedule;
use engine::status::Pack;
use engine::status::facts::Inputs;
use planfile::Document;

/// A drafted pack and the schedule health assessment it lists.
#[derive(Clone, Debug, PartialEq)]
pub struct Drafted {
    pub pack: Pack,
    pub health: Report,
}

/// The status date a draft of `doc` is for on `today`: the draft's own, else today — but
/// never before the last pack issued (a pack's status date cannot go back: a program whose
/// packs are dated ahead of the clock drafts the next on the last one's date).
///
/// ```
/// use document::status::drafting::status_date;
/// let doc = planfile::Document::default();
/// let today = "2026-12-07".parse().unwrap();
/// assert_eq!(status_date(&doc, today), today);
/// ```
pub fn status_date(doc: &Document, today: NaiveDate) -> NaiveDate {
    let status = &doc.program.status;
    let last = status.last_pack().map(|p| p.status_date);
    status
        .draft
        .status_date
        .unwrap_or_else(|| last.map_or(today, |last| last.max(today)))
}

/// The pack `doc`'s draft would issue on `today`; `checked` and `schedule` are its
/// program's.
pub fn draft_pack(
    doc: &Document,
    checked: &Checked<'_>,
    schedule: &Schedule,
    forecast: Option<&Forecast>,
    today: NaiveDate,
) -> Drafted {
    let baseline = active(doc);
    let on = status_date(doc, today);
    let rules = &doc.program.status.rules;
    let health = assess(checked, schedule, baseline, on, &rules.health);
    let inputs = Inputs {
        program: &doc.program,
        schedule,
        baseline,
        forecast,
        status_date: on,
    };
    let pack = engine::status::pack::draft(&inputs, &doc.program.status, today, failing(&health));
    Drafted { pack, health }
}

/// The failing checks in words: `4 Relationship types: 82.0 % (41 of 50) — ≥ 90 % FS`.
pub fn failing(report: &Report) -> Vec<String> {
    report
        .checks
        .iter()
        .filter(|c| c.outcome == Outcome::Fail)
        .map(|c| {
            format!(
                "{} {}: {} — {}",
                c.number, c.name, c.figure_text, c.threshold_text
            )
        })
        .collect()
}
