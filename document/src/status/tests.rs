//! The pack's words and their three writings, hostile text included.

use super::outline::{Block, outline};
use super::write::{html, markdown, plain};
use engine::status::edit::override_rating;
use engine::status::facts::Inputs;
use engine::status::model::{Dimension, Rag};
use engine::status::pack::draft;
use engine::{Program, schedule};

const HOSTILE: &str = "GA | *now* <script>alert(1)</script> [x](javascript:y)";

/// A milestone with a hostile name, due before it is scheduled.
fn program() -> Program {
    let json = r#"{"program": {"name": "P", "start": "2027-03-01"},
        "workstreams": [{"id": "eng", "name": "Eng"}],
        "tasks": [{"id": "build", "name": "Build", "workstream": "eng", "duration": 10},
                  {"id": "ga", "name": "GA", "workstream": "eng", "duration": 0, "milestone": true,
                   "deadline": "2027-03-04"}],
        "dependencies": [{"from": "build", "to": "ga", "type": "FS", "lag": 0}]}"#;
    let mut p: Program = serde_json::from_str(json).unwrap();
    p.tasks[1].name = HOSTILE.into();
    p.status.draft.narrative.highlights = "- Build started\n- <b>bold</b> claim".into();
    p
}

fn blocks(p: &Program) -> Vec<Block> {
    let plan = schedule(p).unwrap();
    let on = "2027-03-01".parse().unwrap();
    let inputs = Inputs {
        program: p,
        schedule: &plan,
        baseline: None,
        forecast: None,
        status_date: on,
    };
    outline(
        &draft(&inputs, &p.status, on, Vec::new()),
        &p.program.name,
        false,
    )
}

#[test]
fn the_one_pager_says_the_rating_the_milestones_and_the_narrative() {
    let text = plain(&blocks(&program()));
    // GA due 2027-03-04, scheduled 2027-03-12: 6 working days late: Red.
    assert!(text.contains("Overall: Red. Schedule: ga "), "{text}");
    assert!(text.contains("6 days late"), "{text}");
    assert!(
        text.contains("- Build started\n- <b>bold</b> claim\n"),
        "{text}"
    );
    assert!(
        text.contains("The first pack: nothing to compare with."),
        "{text}"
    );
    assert!(text.contains("Rule: Green ≤ 0 working days late"), "{text}");
}

#[test]
fn an_override_shows_both_ratings_and_its_reason() {
    let mut p = program();
    let on = "2027-03-01".parse().unwrap();
    let edit = override_rating(
        &p,
        Dimension::Overall,
        Some(Rag::Green),
        Some(Rag::Red),
        "Vendor fix <confirmed>",
        on,
    )
    .unwrap();
    engine::edit::History::default()
        .apply(&mut p, vec![edit])
        .unwrap();
    let blocks = blocks(&p);
    let text = plain(&blocks);
    assert!(
        text.contains("Overall: Green — computed Red: Vendor fix <confirmed>."),
        "{text}"
    );
    let html = html(&blocks);
    assert!(
        html.contains("Green — computed Red: Vendor fix &lt;confirmed&gt;"),
        "{html}"
    );
    assert!(markdown(&blocks).contains("### Overrides"));
}

#[test]
fn hostile_text_is_escaped_in_markdown_and_html() {
    let blocks = blocks(&program());
    let md = markdown(&blocks);
    assert!(!md.contains("<script>"), "{md}");
    assert!(md.contains(r"GA \| \*now\* &lt;script&gt;"), "{md}");
    assert!(md.contains(r"\[x\](javascript:y)"), "{md}");
    assert!(md.contains("&lt;b&gt;bold&lt;/b&gt; claim"), "{md}");
    let html = html(&blocks);
    assert!(
        !html.contains("<script>") && !html.contains("<b>bold"),
        "{html}"
    );
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    // Ratings are coloured in the email.
    assert!(html.contains("background:#f9d4d4"), "a Red cell: {html}");
}
