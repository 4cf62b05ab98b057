//! The bodies of the fuzz targets in `fuzz/` (`cargo fuzz`, see `scripts/fuzz`): each takes
//! what its target's input becomes and runs it through the code under test, panicking only
//! where that code broke a promise (a panic, a lossy round trip, an accepted program the
//! engine calls invalid). Kept here, not in `fuzz/`, so that `cargo test` compiles them and
//! runs them over the committed corpus (`planfile/tests/fuzz_bodies.rs`) on stable Rust.
//!
//! Does not: generate inputs (the targets and libFuzzer do), or touch the browser: the
//! storage body replays the pure part of the app's `src/storage` read path.

use crate::{Document, read, write};
use engine::forecast::{Settings, forecast};
use engine::{Program, check, schedule, schedule_checked};

/// Iterations of the small forecast run on every program that reads: enough to go through
/// sampling, the lanes and the statistics, few enough to keep thousands of runs a second.
const FORECAST_ITERATIONS: usize = 16;

/// A file the user imports (or the CLI reads): bytes decoded as the app's import does
/// (UTF-8 or refused, a byte-order mark dropped), then [`program_text`].
pub fn program_bytes(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    program_text(text.strip_prefix('\u{feff}').unwrap_or(text));
}

/// The program file reader on any text: it reads or says why (never panics); what reads
/// is written back losslessly and byte-identically, is a valid program to the engine, and
/// goes through what opening it in the app does: schedule, baselines, scenarios, a forecast.
pub fn program_text(text: &str) {
    let document = match read(text) {
        Ok(document) => document,
        Err(error) => {
            // The message is shown to the user (or printed by the CLI): it must format.
            let _ = error.to_string();
            return;
        }
    };
    let written = write(&document);
    let again = read(&written).unwrap_or_else(|e| panic!("what was written does not read: {e}"));
    assert!(again == document, "the round trip changed the document");
    assert_eq!(write(&again), written, "two writes of one document differ");
    open(&document);
}

/// What the app computes on a program that opened: the engine's check must accept what the
/// reader accepted; the rest must not panic (a schedule may still fail, e.g. out of range).
fn open(document: &Document) {
    let program = &document.program;
    let checked = match check(program) {
        Ok(checked) => checked,
        Err(diagnostics) => {
            panic!("a program that reads fails the engine's check: {diagnostics:?}")
        }
    };
    let Ok(plan) = schedule_checked(&checked) else {
        return;
    };
    let _ = engine::teams::cross_team_flows(program, Some(&plan));
    if let Some(last) = program.tasks.len().checked_sub(1) {
        let _ = engine::paths::driving_path(&checked, &plan, last);
    }
    for baseline in &document.baselines {
        let _ = engine::baseline::variance(&checked, &plan, baseline);
    }
    let saved = engine::baseline::capture("fuzz", "Fuzz", program.program.start, program, &plan);
    let _ = engine::baseline::variance(&checked, &plan, &saved);
    for scenario in &document.scenarios {
        open_scenario(program, &plan, scenario);
    }
    let settings = Settings {
        iterations: FORECAST_ITERATIONS,
        seed: 1,
    };
    let _ = forecast(&checked, &settings);
}

/// A scenario as the Scenarios tab shows it: its changes applied, described, scheduled and
/// compared with the program.
fn open_scenario(
    program: &Program,
    plan: &engine::Schedule,
    scenario: &engine::scenario::Scenario,
) {
    let applied = engine::scenario::apply(program, &scenario.changes);
    for change in &scenario.changes {
        let _ = change.describe(program);
    }
    if let Ok(variant) = schedule(&applied.program) {
        let _ = engine::compare::compare(program, plan, &applied.program, &variant);
    }
}

/// The storage id of a record whose text does not start with one.
pub const STORED_ID: &str = "p-fuzz-00000000";

/// A stored program read back, as the app's storage does it (`src/storage/mod.rs`: the
/// record's `{id, text}`, the text read with [`read`] and its id replaced by the record's;
/// on a save, the document written with that id). The input is the record: an id on the
/// first line if it is one (`[A-Za-z0-9_-]{1,64}`, the app's rule), else [`STORED_ID`],
/// then the text. IndexedDB hands back strings, never bytes: invalid UTF-8 is replaced.
///
/// What reads must be stored as text that reads back as the same document (the next save
/// and the next open), and open in the engine.
pub fn stored_program(data: &[u8]) {
    let record = String::from_utf8_lossy(data);
    let (id, text) = match record.split_once('\n') {
        Some((id, text)) if is_storage_id(id) => (id, text),
        _ => (STORED_ID, &*record),
    };
    let document = match parse_stored(text, id) {
        Ok(document) => document,
        Err(_message) => return,
    };
    assert_eq!(document.id.as_deref(), Some(id));
    let stored = text_with_id(&document, id);
    let again = parse_stored(&stored, id)
        .unwrap_or_else(|e| panic!("what storage writes does not read back: {e}"));
    assert!(
        again == document,
        "a stored program changed on the way back"
    );
    assert_eq!(
        text_with_id(&again, id),
        stored,
        "two saves of one document differ"
    );
    let _ = schedule(&document.program);
}

/// `src/storage/mod.rs`'s `parse`: the stored text as a document with the record's id.
fn parse_stored(text: &str, id: &str) -> Result<Document, String> {
    let mut document = read(text).map_err(|e| format!("{id}: {e}"))?;
    document.id = Some(id.to_owned());
    Ok(document)
}

/// `src/storage/mod.rs`'s `text_with_id`: what a save stores.
fn text_with_id(document: &Document, id: &str) -> String {
    if document.id.as_deref() == Some(id) {
        write(document)
    } else {
        let mut document = document.clone();
        document.id = Some(id.to_owned());
        write(&document)
    }
}

/// The app's rule for program ids (`src/route.rs`): what storage keys programs by.
fn is_storage_id(id: &str) -> bool {
    (1..=64).contains(&id.len())
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
}

/// Task ids the predecessor parser knows, in the shapes users give them: row numbers,
/// words, ids with a dash (`API-3` is not `API` with a lead) or ending in link-type letters
/// (`PASS` is not `PA` start-to-start).
pub const KNOWN_IDS: [&str; 8] = ["1", "2", "12", "140", "a", "API-3", "PASS", "go-live"];

/// What a user types into a cell, through every parser of typed values (`engine::entry`,
/// risks, quick impact): each parses or refuses, never panics; what parses is in range and
/// reads back the same when written as the grid writes it. Each line is tried too (a paste).
pub fn typed_entry(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    typed_text(&text);
    if text.contains('\n') {
        for line in text.lines() {
            typed_text(line);
        }
    }
}

fn typed_text(text: &str) {
    use engine::entry::*;
    use engine::risks::{format_impact, format_percent, parse_impact, parse_percent};
    if let Ok(days) = parse_duration(text) {
        assert!((0..=engine::check::MAX_DAYS).contains(&days), "{days}");
        assert_eq!(parse_duration(&days.to_string()), Ok(days));
    }
    let known = |id: &str| KNOWN_IDS.contains(&id);
    if let Ok(links) = parse_predecessors(text, known) {
        let written = format_predecessors(&links);
        assert_eq!(
            parse_predecessors(&written, known).as_ref(),
            Ok(&links),
            "{written}"
        );
    }
    if let Ok(Some(estimate)) = parse_estimate(text) {
        let written = format_estimate(&estimate);
        let back = parse_estimate(&written)
            .unwrap_or_else(|e| panic!("{written}: {e}"))
            .unwrap_or_else(|| panic!("{written}: no estimate"));
        for (a, b) in [
            (estimate.optimistic, back.optimistic),
            (estimate.likely, back.likely),
            (estimate.pessimistic, back.pessimistic),
        ] {
            assert!((a - b).abs() <= 0.005 + 1e-9, "{written}: {a} vs {b}");
        }
    }
    if let Ok(distribution) = parse_distribution(text) {
        assert_eq!(
            parse_distribution(format_distribution(distribution)),
            Ok(distribution)
        );
    }
    if let Ok(dates) = parse_dates(text) {
        assert!(dates.len() <= MAX_DATES);
        assert!(
            dates.windows(2).all(|w| w[0] < w[1]),
            "sorted, no duplicates"
        );
    }
    if let Ok(probability) = parse_percent(text) {
        assert!((0.0..=1.0).contains(&probability), "{probability}");
        let _ = format_percent(probability);
    }
    if let Ok(impact) = parse_impact(text) {
        assert!(impact.min <= impact.max);
        assert_eq!(parse_impact(&format_impact(impact)), Ok(impact));
    }
    for slip in [true, false] {
        if let Ok(adjustment) = engine::scenario::Adjustment::parse(text, slip) {
            let _ = adjustment.typed_label(text);
            let _ = adjustment.typed_wording(text);
            let _ = adjustment.changes(&["a".to_owned()]);
        }
    }
}
