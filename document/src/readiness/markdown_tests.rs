//! The Markdown of a milestone's readiness: every part present, and hostile text kept text.

use super::*;

const HOSTILE: &str = "x | *bold* _it_ `code` [link](javascript:alert(1)) <script>alert(1)</script> & ~~s~~ \\ \n# heading";

fn program(text: &str) -> Program {
    let json = serde_json::json!({
        "program": {"name": "P", "start": "2027-01-04"},
        "workstreams": [{"id": "w", "name": "W"}],
        "tasks": [
            {"id": "build", "name": "Build", "workstream": "w", "duration": 10},
            {"id": "ga", "name": text, "workstream": "w", "duration": 0, "milestone": true}
        ],
        "dependencies": [{"from": "build", "to": "ga", "type": "FS", "lag": 0}],
        "risks": [{"id": "R1", "title": text, "probability": 0.1, "impact": {"min": 1, "max": 2}, "tasks": ["build"]}],
        "readiness": {
            "checklists": [{"milestone": "ga", "items": [
                {"id": "RC1", "title": text, "owner": text, "evidence": text, "status": "met", "due_before": 5},
                {"id": "RC2", "title": "Pen test", "status": "waived", "gate": "advisory",
                 "waiver": {"approver": text, "reason": text}}
            ]}],
            "go_no_go": [{"milestone": "ga", "date": "2027-01-14", "attendees": [text],
                "recommendations": [{"area": "security", "recommendation": "conditional", "note": text}],
                "outcome": "conditional_go", "risk_acceptances": ["R1"], "conditions": [text]}],
            "runbooks": [{"milestone": "ga", "time_zone": "Europe/Berlin", "steps": [
                {"id": "S1", "title": text, "owner": text, "planned_start": "2027-01-15T20:00",
                 "duration_minutes": 30, "rollback": text, "communication": text,
                 "actual_start": "2027-01-15T20:00", "actual_finish": "2027-01-15T20:40", "done": true},
                {"id": "S2", "title": "Switch", "after": ["S1"], "duration_minutes": 15, "checkpoint": true}
            ]}],
            "reviews": [{"milestone": "ga", "date": "2027-01-29",
                "outcomes": [{"metric": text, "target": "99.9%", "actual": "99.95%", "note": text}],
                "incidents": [text], "went_well": [text], "went_badly": [text],
                "actions": [{"text": text, "owner": text, "due": "2027-02-10"}]}]
        }
    });
    let program: Program = serde_json::from_value(json).unwrap();
    assert!(engine::check(&program).is_ok());
    program
}

fn markdown(text: &str) -> String {
    let program = program(text);
    let plan = engine::schedule(&program).unwrap();
    milestone_markdown(&program, Some(&plan), "ga", "2027-01-12".parse().unwrap())
}

#[test]
fn every_part_is_written() {
    let md = markdown("Go-live");
    assert!(md.starts_with("# Readiness: Go-live\n\n## Checklist\n\n"));
    assert!(
        md.contains("100% ready (2 of 2), hard gates 1 of 1: ready (on 2027-01-12)"),
        "{md}"
    );
    assert!(
        md.contains(
            "| RC1 | other | Go-live | Go-live | T-5 (2027-01-08) | met | hard | Go-live |"
        ),
        "{md}"
    );
    assert!(md.contains("**Outcome: Conditional Go**"));
    assert!(md.contains("Risks accepted: R1"));
    // T0 is the checkpoint, S2, at 20:30.
    assert!(
        md.contains("| T-30m | 2027-01-15 20:00 | 2027-01-15 20:30 | S1 | Go-live |"),
        "{md}"
    );
    assert!(md.contains("| T0 | 2027-01-15 20:30 |"), "{md}");
    assert!(md.contains("2027-01-15 20:00–2027-01-15 20:40, 10m behind"));
    assert!(md.contains("| Switch (checkpoint) |"));
    assert!(md.contains("| Go-live | 99.9% | 99.95% | yes | Go-live |"));
    assert!(md.contains("- [ ] Go-live, Go-live, due 2027-02-10"));
}

/// Hostile text stays text: no HTML, no link, no emphasis, no code span, no extra table
/// cell, no heading of its own.
#[test]
fn hostile_text_stays_text() {
    let md = markdown(HOSTILE);
    assert!(!md.contains('<'), "no tag can open: {md}");
    assert!(!md.replace(r"\]", "").contains("]("), "no link can form");
    assert!(
        md.contains(r"x \| \*bold\* \_it\_ \`code\` \[link\](javascript:alert(1)) &lt;script&gt;")
    );
    assert!(md.contains(r"&amp; \~\~s\~\~ \\  # heading"));
    let headings: Vec<&str> = md.lines().filter(|l| l.starts_with('#')).collect();
    assert_eq!(headings.len(), 9, "{headings:?}");
    for table_line in md.lines().filter(|l| l.starts_with('|')) {
        let first = table_line;
        let cells = unescaped_pipes(first);
        assert!([6, 9, 11].contains(&cells), "{cells} pipes in {first}");
    }
    // Every list item is one line, its text after the bullet never a block of its own.
    for item in md.lines().filter(|l| l.starts_with("- ")) {
        assert!(!item[2..].starts_with(['#', '-', '+', '>']), "{item}");
    }
}

/// The same shape whatever the text: the hostile Markdown has the lines of the plain one.
#[test]
fn hostile_text_keeps_the_shape() {
    let plain = markdown("plain");
    let hostile = markdown(HOSTILE);
    assert_eq!(plain.lines().count(), hostile.lines().count());
    let pipes = |md: &str| md.lines().map(unescaped_pipes).collect::<Vec<_>>();
    assert_eq!(pipes(&plain), pipes(&hostile));
}

fn unescaped_pipes(line: &str) -> usize {
    let mut count = 0;
    let mut escaped = false;
    for c in line.chars() {
        match c {
            '\\' if !escaped => escaped = true,
            '|' if !escaped => count += 1,
            _ => escaped = false,
        }
    }
    count
}
