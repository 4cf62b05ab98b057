//! The pack drafted from an open document: its status date (the draft's, else today), the
//! active baseline, the last forecast, and the schedule health's failing checks.

use crate::baselines::active;
use chrono::NaiveDate;
use engine::forecast::Forecast;
use engine::scheduler::Schedule;
use engine::status::Pack;
use engine::status::facts::Inputs;
use planfile::Document;

/// The status date a draft of `doc` is for on `today`.
pub fn status_date(doc: &Document, today: NaiveDate) -> NaiveDate {
    doc.program.status.draft.status_date.unwrap_or(today)
}

/// The pack `doc`'s draft would issue on `today`, `schedule` being the program's.
pub fn draft_pack(
    doc: &Document,
    schedule: &Schedule,
    forecast: Option<&Forecast>,
    today: NaiveDate,
) -> Pack {
    let inputs = Inputs {
        program: &doc.program,
        schedule,
        baseline: active(doc),
        forecast,
        status_date: status_date(doc, today),
    };
    engine::status::pack::draft(&inputs, &doc.program.status, today, Vec::new())
}
