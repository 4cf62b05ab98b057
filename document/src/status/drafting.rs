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

/// The status date a draft of `doc` is for on `today`.
pub fn status_date(doc: &Document, today: NaiveDate) -> NaiveDate {
    doc.program.status.draft.status_date.unwrap_or(today)
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
