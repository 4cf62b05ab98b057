//! `planwork status`: the weekly status pack the program's draft would issue, as plain text,
//! Markdown or JSON.

use crate::{fail, invalid, now, print_text, read_document, terminal};
use chrono::NaiveDate;
use document::status::outline::outline;
use document::status::write::{markdown, plain};
use std::process::ExitCode;

/// How the pack is printed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Output {
    Text,
    Markdown,
    Json,
}

/// What `status` was asked for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Request {
    pub path: String,
    pub output: Output,
    /// The status date; else the draft's, else today.
    pub date: Option<NaiveDate>,
}

/// Drafts the pack (with a forecast of the program when it has estimates or risks, for
/// P50/P80 and the confidence) and prints it.
pub fn run(request: &Request) -> ExitCode {
    let path = request.path.as_str();
    let mut doc = match read_document(path) {
        Ok(doc) => doc,
        Err(code) => return code,
    };
    if request.date.is_some() {
        doc.program.status.draft.status_date = request.date;
    }
    let checked = match engine::check(&doc.program) {
        Ok(checked) => checked,
        Err(diagnostics) => return invalid(path, &diagnostics),
    };
    let schedule = match engine::schedule_checked(&checked) {
        Ok(schedule) => schedule,
        Err(diagnostics) => return invalid(path, &diagnostics),
    };
    let uncertain =
        !doc.program.risks.is_empty() || doc.program.tasks.iter().any(|t| t.estimate.is_some());
    let forecast = uncertain
        .then(|| engine::forecast::forecast(&checked, &Default::default()).ok())
        .flatten();
    let today = now().date();
    let pack =
        document::status::drafting::draft_pack(&doc, &checked, &schedule, forecast.as_ref(), today)
            .pack;
    let blocks = outline(&pack, &doc.program.program.name, false);
    let out = match request.output {
        Output::Text => print_text(&safe_lines(&plain(&blocks))),
        Output::Markdown => print_text(&safe_lines(&markdown(&blocks))),
        Output::Json => match serde_json::to_string_pretty(&pack) {
            Ok(json) => print_text(&(terminal::json(json) + "\n")),
            Err(e) => return fail(&format!("cannot write the status pack: {e}")),
        },
    };
    match out {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => fail(&format!("cannot write the status pack: {e}")),
    }
}

/// Each line made safe for a terminal (invisible characters escaped), the lines kept.
fn safe_lines(text: &str) -> String {
    text.lines()
        .map(|line| terminal::text(line).into_owned() + "\n")
        .collect()
}
