//! Program files in and out of the browser: export (`planfile::write` → a downloaded
//! `<name>-<YYYY-MM-DD>.planwork.json`; the schedule, the milestones and an MS Project file
//! from `interop`) and reading a picked or dropped file (size check before reading, then
//! `planfile::read`).
//!
//! Does not: store anything, decide what an import does to existing programs (that is the
//! app's import flow in `app.rs`), or show anything.

use document::derived::Scheduled;
use planfile::Document;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use crate::format;
use crate::perf;

/// The file name an export of `document` gets today.
pub fn export_file_name(document: &Document) -> String {
    format!(
        "{}-{}.planwork.json",
        engine::words::slug(&document.program.program.name),
        format::today()
    )
}

/// Downloads `document` as a program file. Works without storage. (Its schedule is not
/// written: every export takes the same arguments.)
pub fn export(document: &Document, _: &Scheduled) -> Result<(), String> {
    let span = perf::start("planwork:export");
    let text = planfile::write(document);
    span.end();
    download(&export_file_name(document), &text, "application/json")
        .map_err(|e| format!("The export could not be started: {e:?}"))
}

/// Downloads the program's schedule as CSV, for a spreadsheet.
pub fn export_schedule(document: &Document, scheduled: &Scheduled) -> Result<(), String> {
    let text = interop::schedule_csv(&document.program, dates(scheduled)?);
    let name = file_name(document, "schedule.csv");
    download(&name, &text, "text/csv;charset=utf-8")
        .map_err(|e| format!("The export could not be started: {e:?}"))
}

/// Downloads the program's milestones and deadlines as an iCalendar file; its events keep
/// their identity from one export to the next (the program's id and each task's).
pub fn export_calendar(document: &Document, scheduled: &Scheduled) -> Result<(), String> {
    let id = document
        .id
        .clone()
        .unwrap_or_else(|| engine::words::slug(&document.program.program.name));
    let stamp = chrono::DateTime::from_timestamp_millis(format::now_ms() as i64)
        .unwrap_or_default()
        .naive_utc();
    let export = interop::CalendarExport {
        program_id: &id,
        stamp,
    };
    let text = interop::milestones_ics(&document.program, dates(scheduled)?, &export);
    let name = file_name(document, "milestones.ics");
    download(&name, &text, "text/calendar;charset=utf-8")
        .map_err(|e| format!("The export could not be started: {e:?}"))
}

/// Downloads `text` as `<program>-<today>-<what>` of type `kind`.
pub fn export_text(document: &Document, what: &str, text: &str, kind: &str) -> Result<(), String> {
    download(&file_name(document, what), text, kind)
        .map_err(|e| format!("The export could not be started: {e:?}"))
}

/// Downloads one of the program's logs as CSV (`<program>-<today>-<log>.csv`).
pub fn export_log(document: &Document, log: &str, text: &str) -> Result<(), String> {
    let name = file_name(document, &format!("{log}.csv"));
    download(&name, text, "text/csv;charset=utf-8")
        .map_err(|e| format!("The export could not be started: {e:?}"))
}

/// Downloads the program as an MS Project XML file (`<program>-<today>.xml`), which MS
/// Project 2007 and later open as a plan: tasks under a summary per workstream, links,
/// constraints, the calendar and the computed dates.
pub fn export_ms_project(document: &Document, scheduled: &Scheduled) -> Result<(), String> {
    let text = interop::mspdi::export_mspdi(&document.program, dates(scheduled)?);
    let name = format!(
        "{}-{}.xml",
        engine::words::slug(&document.program.program.name),
        format::today()
    );
    download(&name, &text, "application/xml")
        .map_err(|e| format!("The export could not be started: {e:?}"))
}

/// The program's schedule (the open program's, derived once per revision), or why it has
/// none.
fn dates(scheduled: &Scheduled) -> Result<&engine::Schedule, String> {
    scheduled.schedule.as_ref().map_err(|why| {
        format!("The program cannot be scheduled, so it has no dates to export: {why}")
    })
}

/// `<program>-<today>-<what>`.
fn file_name(document: &Document, what: &str) -> String {
    format!(
        "{}-{}-{what}",
        engine::words::slug(&document.program.program.name),
        format::today()
    )
}

fn download(name: &str, text: &str, kind: &str) -> Result<(), wasm_bindgen::JsValue> {
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(kind);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or_else(|| wasm_bindgen::JsValue::from_str("no document"))?;
    let anchor: web_sys::HtmlAnchorElement = document.create_element("a")?.unchecked_into();
    anchor.set_href(&url);
    anchor.set_download(name);
    anchor.click();
    // Give the download time to start before the URL is released.
    leptos::prelude::set_timeout(
        move || {
            let _ = web_sys::Url::revoke_object_url(&url);
        },
        std::time::Duration::from_secs(30),
    );
    Ok(())
}

/// Reads a picked or dropped file as a program: refuses files over
/// [`planfile::MAX_FILE_BYTES`] unread, then reads the text and checks it whole. The error
/// is a message for the user, naming the file.
pub async fn read_file(file: &web_sys::File) -> Result<ReadFile, String> {
    let name = file.name();
    let size = file.size();
    if size > planfile::MAX_FILE_BYTES as f64 {
        let error = planfile::FileError::TooLarge {
            bytes: size as usize,
        };
        return Err(format!("“{name}” cannot be imported: {error}."));
    }
    // The bytes, decoded here: no detour through a JavaScript (UTF-16) string.
    let buffer = JsFuture::from(file.array_buffer())
        .await
        .map_err(|e| format!("“{name}” could not be read: {e:?}"))?;
    let bytes = js_sys::Uint8Array::new(&buffer).to_vec();
    if is_sheet(&name) {
        return interop::sheet::read_table(&bytes)
            .map(ReadFile::Sheet)
            .map_err(|error| format!("“{name}” cannot be imported: {error}"));
    }
    let text = String::from_utf8(bytes)
        .map_err(|_| format!("“{name}” cannot be imported: it is not UTF-8 text."))?;
    // A byte-order mark, as some editors on Windows write, is not part of the JSON.
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    if is_xml(&name, text) {
        return read_ms_project(&name, text);
    }
    let span = perf::start("planwork:import-parse");
    let result = planfile::read(text);
    span.end();
    result
        .map(ReadFile::Program)
        .map_err(|error| format!("“{name}” cannot be imported: {error}"))
}

/// Reads a picked file of readiness templates (`document::readiness::templates_file`); the
/// error names the file and what is wrong.
pub async fn read_templates(
    file: &web_sys::File,
) -> Result<Vec<engine::readiness::model::Template>, String> {
    let name = file.name();
    if file.size() > 4_000_000.0 {
        return Err(format!("“{name}” is too large for a file of templates."));
    }
    let buffer = JsFuture::from(file.array_buffer())
        .await
        .map_err(|e| format!("“{name}” could not be read: {e:?}"))?;
    let text = String::from_utf8(js_sys::Uint8Array::new(&buffer).to_vec())
        .map_err(|_| format!("“{name}” cannot be imported: it is not UTF-8 text."))?;
    document::readiness::templates_file::read(text.strip_prefix('\u{feff}').unwrap_or(&text))
        .map_err(|why| format!("“{name}” cannot be imported: {why}"))
}

/// A file read: a Planwork program, one converted from MS Project with its report, or a
/// spreadsheet's table (for the mapping step).
pub enum ReadFile {
    Program(Document),
    Sheet(interop::sheet::Table),
    FromMsProject {
        document: Document,
        report: interop::mspdi::ImportReport,
    },
}

/// Whether a file is a spreadsheet export (CSV, tab-separated, Excel's "Unicode text"), by
/// its name.
fn is_sheet(name: &str) -> bool {
    let name = name.to_ascii_lowercase();
    [".csv", ".tsv", ".txt"].iter().any(|e| name.ends_with(e))
}

/// Whether a file is XML (an MS Project file) rather than a program file: by its name, or
/// by its first character.
fn is_xml(name: &str, text: &str) -> bool {
    name.to_ascii_lowercase().ends_with(".xml") || text.trim_start().starts_with('<')
}

fn read_ms_project(name: &str, text: &str) -> Result<ReadFile, String> {
    let span = perf::start("planwork:import-mspdi");
    let imported = interop::mspdi::import_mspdi(text);
    span.end();
    let imported = imported.map_err(|error| format!("“{name}” cannot be imported: {error}."))?;
    let document = Document::new(imported.program);
    // Never store what could not be read back.
    planfile::check_size(&planfile::write(&document))
        .map_err(|error| format!("“{name}” cannot be imported: {error}"))?;
    Ok(ReadFile::FromMsProject {
        document,
        report: imported.report,
    })
}

/// Prints the page: the browser's dialog, which also saves as PDF.
pub fn print_page() {
    if let Some(window) = web_sys::window() {
        let _ = window.print();
    }
}
