//! What a status pack says, in order, as plain blocks: the exec one-pager (overall rating,
//! each dimension reported against computed, milestones, narrative, what changed) then the
//! detail (each dimension's rule and findings, schedule health, the override history).
//!
//! One place decides the pack's words; [`super::write`] turns them into Markdown, HTML or
//! plain text, escaping every text from the program there.

use engine::status::model::{Changes, Dimension, Named, Pack, Rag};
use engine::status::pack::Reported;

/// A block of a pack, its text raw (unescaped).
#[derive(Clone, Debug, PartialEq)]
pub enum Block {
    /// A heading of level 1 to 3.
    Heading(u8, String),
    Paragraph(String),
    Bullets(Vec<String>),
    Table {
        head: Vec<String>,
        rows: Vec<Vec<Cell>>,
    },
}

/// A table cell; a rating's cell carries its colour.
#[derive(Clone, Debug, PartialEq)]
pub struct Cell {
    pub text: String,
    pub rag: Option<Rag>,
}

impl Cell {
    fn text(text: impl Into<String>) -> Cell {
        Cell {
            text: text.into(),
            rag: None,
        }
    }

    fn rag(rag: Option<Rag>) -> Cell {
        Cell {
            text: rag.map_or("not rated", Rag::name).into(),
            rag,
        }
    }
}

/// A rating as reported, with the computed one beside it when they differ:
/// `Green — computed Red: vendor fix confirmed`.
///
/// ```
/// use document::status::outline::rating_text;
/// use engine::status::model::Rag;
/// use engine::status::pack::Reported;
/// let r = Reported { computed: Some(Rag::Red), reported: Some(Rag::Green), overridden: true };
/// assert_eq!(rating_text(r, Some("fix confirmed")), "Green — computed Red: fix confirmed");
/// ```
pub fn rating_text(r: Reported, reason: Option<&str>) -> String {
    let name = |rag: Option<Rag>| rag.map_or("not rated", Rag::name);
    if r.overridden {
        format!(
            "{} — computed {}: {}",
            name(r.reported),
            name(r.computed),
            reason.unwrap_or("")
        )
    } else {
        name(r.reported).into()
    }
}

/// The reason of the override in force for `dimension`.
fn reason(pack: &Pack, dimension: Dimension) -> Option<&str> {
    engine::status::pack::override_of(&pack.overrides, dimension).map(|o| o.reason.as_str())
}

/// The whole pack: the one-pager, then the detail.
pub fn outline(pack: &Pack, program: &str, issued: bool) -> Vec<Block> {
    let mut blocks = one_pager(pack, program, issued);
    blocks.extend(detail(pack));
    blocks
}

/// The exec one-pager.
pub fn one_pager(pack: &Pack, program: &str, issued: bool) -> Vec<Block> {
    let title = if issued {
        format!("{program} — status {}, {}", pack.status_date, pack.id)
    } else {
        format!("{program} — status {} (draft)", pack.status_date)
    };
    let overall = pack.reported(Dimension::Overall);
    let mut blocks = vec![
        Block::Heading(1, title),
        Block::Paragraph(format!(
            "Overall: {}. {}",
            rating_text(overall, reason(pack, Dimension::Overall)),
            pack.assessment.why
        )),
        dimensions_table(pack),
    ];
    if !pack.assessment.milestones.is_empty() {
        blocks.push(Block::Heading(2, "Milestones".into()));
        blocks.push(milestones_table(pack));
    }
    let narrative = &pack.narrative;
    for (title, text) in [
        ("Highlights", &narrative.highlights),
        ("Asks and decisions needed", &narrative.asks),
        ("Next steps", &narrative.next_steps),
    ] {
        let lines: Vec<String> = text
            .lines()
            .map(|l| l.trim().trim_start_matches(['-', '•']).trim().to_string())
            .filter(|l| !l.is_empty())
            .collect();
        if !lines.is_empty() {
            blocks.push(Block::Heading(2, title.into()));
            blocks.push(Block::Bullets(lines));
        }
    }
    blocks.push(Block::Heading(2, what_changed_title(&pack.changes)));
    blocks.push(Block::Bullets(changes_lines(&pack.changes)));
    blocks
}

/// The overall rating, then each dimension: reported, computed and why.
fn dimensions_table(pack: &Pack) -> Block {
    let overall = (Dimension::Overall, pack.assessment.why.as_str());
    let dimensions = pack
        .assessment
        .dimensions
        .iter()
        .map(|d| (d.dimension, d.why.as_str()));
    let rows = std::iter::once(overall)
        .chain(dimensions)
        .map(|(dimension, why)| {
            let r = pack.reported(dimension);
            let reported = Cell {
                text: rating_text(r, reason(pack, dimension)),
                rag: r.reported,
            };
            vec![
                Cell::text(dimension.name()),
                reported,
                Cell::rag(r.computed),
                Cell::text(why),
            ]
        })
        .collect();
    Block::Table {
        head: ["Dimension", "Reported", "Computed", "Why"]
            .map(String::from)
            .to_vec(),
        rows,
    }
}

fn milestones_table(pack: &Pack) -> Block {
    let rows = pack
        .assessment
        .milestones
        .iter()
        .map(|m| {
            let variance = match (m.late_days, m.early_days) {
                (0, 0) => "on time".to_string(),
                (0, early) => format!("{early} days early"),
                (late, _) => format!("{late} days late"),
            };
            let p80 = m.p80.map_or_else(|| "—".into(), |d| d.to_string());
            let confidence = m
                .confidence
                .map_or_else(|| "—".into(), |c| format!("{:.0} %", c * 100.0));
            vec![
                Cell::text(format!("{} {}", m.id, m.name)),
                Cell::text(format!("{} ({})", m.committed, m.committed_by)),
                Cell::text(if m.done {
                    format!("{} (done)", m.forecast)
                } else {
                    m.forecast.to_string()
                }),
                Cell::text(variance),
                Cell::text(p80),
                Cell::text(confidence),
                Cell::rag(Some(m.rag)),
            ]
        })
        .collect();
    Block::Table {
        head: [
            "Milestone",
            "Committed",
            "Forecast",
            "Variance",
            "P80",
            "Confidence",
            "RAG",
        ]
        .map(String::from)
        .to_vec(),
        rows,
    }
}

fn what_changed_title(changes: &Changes) -> String {
    match &changes.since {
        Some(id) => format!("What changed since {id}"),
        None => "What changed".into(),
    }
}

/// What changed, a line per kind of change; one line saying so when nothing did.
pub fn changes_lines(changes: &Changes) -> Vec<String> {
    if changes.since.is_none() {
        return vec!["The first pack: nothing to compare with.".into()];
    }
    let mut lines: Vec<String> = changes
        .moved
        .iter()
        .map(|m| {
            let way = if m.days >= 0 { "later" } else { "earlier" };
            // The program finish has no task id to show.
            let what = if m.id == "finish" {
                m.name.clone()
            } else {
                format!("{} {}", m.id, m.name)
            };
            format!(
                "{what} moved {} working days {way}: {} → {}",
                m.days.abs(),
                m.from,
                m.to
            )
        })
        .collect();
    let lists: [(&str, &[Named]); 11] = [
        ("New risks", &changes.new_risks),
        ("Risks closed", &changes.closed_risks),
        ("New issues", &changes.new_issues),
        ("Issues closed", &changes.closed_issues),
        ("Decisions made", &changes.decisions_made),
        (
            "Dependencies now at risk or missed",
            &changes.dependencies_at_risk,
        ),
        ("Joined the critical path", &changes.critical_joined),
        ("Left the critical path", &changes.critical_left),
        ("Change requests approved", &changes.changes_approved),
        ("Tasks added", &changes.tasks_added),
        ("Tasks removed", &changes.tasks_removed),
    ];
    for (what, items) in lists {
        if !items.is_empty() {
            lines.push(format!("{what}: {}", names(items)));
        }
    }
    if lines.is_empty() {
        lines.push("Nothing moved or changed.".into());
    }
    lines
}

/// `R4 Vendor slips, R5 Key person leaves`, the first 12 and how many more.
fn names(items: &[Named]) -> String {
    let mut text: Vec<String> = items
        .iter()
        .take(12)
        .map(|n| {
            if n.name.is_empty() {
                n.id.clone()
            } else {
                format!("{} {}", n.id, n.name)
            }
        })
        .collect();
    if items.len() > 12 {
        text.push(format!("and {} more", items.len() - 12));
    }
    text.join(", ")
}

/// The detail: each dimension's rule and findings, schedule health, the overrides.
pub fn detail(pack: &Pack) -> Vec<Block> {
    let mut blocks = vec![Block::Heading(2, "Detail".into())];
    for d in &pack.assessment.dimensions {
        let rag = d.rag.map_or("not rated", Rag::name);
        blocks.push(Block::Heading(3, format!("{} — {rag}", d.dimension.name())));
        blocks.push(Block::Paragraph(format!(
            "{} Rule: {}.",
            sentence(&d.why),
            d.rule
        )));
        if !d.findings.is_empty() {
            blocks.push(Block::Bullets(d.findings.clone()));
        }
    }
    blocks.push(Block::Heading(3, "Schedule health".into()));
    blocks.push(if pack.assessment.health.is_empty() {
        Block::Paragraph("Every schedule health check passes (or none was run).".into())
    } else {
        Block::Bullets(pack.assessment.health.clone())
    });
    if !pack.overrides.is_empty() {
        blocks.push(Block::Heading(3, "Overrides".into()));
        blocks.push(overrides_table(pack));
    }
    blocks
}

fn overrides_table(pack: &Pack) -> Block {
    let rows = pack
        .overrides
        .iter()
        .map(|o| {
            vec![
                Cell::text(o.dimension.name()),
                match o.reported {
                    Some(rag) => Cell::rag(Some(rag)),
                    None => Cell::text("withdrawn"),
                },
                Cell::rag(o.computed),
                Cell::text(&o.reason),
                Cell::text(o.on.to_string()),
            ]
        })
        .collect();
    Block::Table {
        head: ["Dimension", "Reported", "Computed", "Reason", "On"]
            .map(String::from)
            .to_vec(),
        rows,
    }
}

/// `text` with a capital and a full stop.
fn sentence(text: &str) -> String {
    let mut chars = text.chars();
    let first = chars.next().map(|c| c.to_uppercase().collect::<String>());
    let mut out = first.unwrap_or_default() + chars.as_str();
    if !out.ends_with('.') {
        out.push('.');
    }
    out
}
