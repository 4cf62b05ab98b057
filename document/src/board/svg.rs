//! The board written as one standalone SVG file (to paste into a deck or print): the
//! same placement as the Board tab, every program text escaped for XML.

use std::fmt::Write;

use super::model::{BoardModel, geometry::*};
use engine::board::layout::Tie;

/// The SVG of `board`.
pub fn board_svg(board: &BoardModel) -> String {
    let mut out = String::new();
    let (w, h) = (board.width, board.height);
    let _ = write!(
        out,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{w:.0}" height="{h:.0}" viewBox="0 0 {w:.0} {h:.0}" font-family="system-ui, sans-serif" font-size="12">"#
    );
    let _ = write!(
        out,
        r##"<rect width="{w:.0}" height="{h:.0}" fill="#ffffff"/>"##
    );
    let _ = write!(out, "<title>{}</title>", escape(&board.heading));
    for c in &board.columns {
        let _ = write!(
            out,
            r##"<rect x="{:.0}" y="0" width="{:.0}" height="{h:.0}" fill="none" stroke="#d5dbe6"/><text x="{:.0}" y="20" font-weight="bold" font-size="14">{}</text><text x="{:.0}" y="38" fill="#4b5567">{}</text>"##,
            c.x,
            c.width,
            c.x + PAD,
            escape(&c.label),
            c.x + PAD,
            escape(&c.dates)
        );
    }
    let (my, mh) = board.milestones;
    let _ = write!(
        out,
        r##"<rect x="0" y="{my:.0}" width="{w:.0}" height="{mh:.0}" fill="#f4f6fa" fill-opacity="0.6"/><text x="{PAD:.0}" y="{:.0}" font-weight="bold">Milestones</text>"##,
        my + 22.0
    );
    for row in &board.rows {
        let _ = write!(
            out,
            r##"<line x1="0" y1="{:.0}" x2="{w:.0}" y2="{:.0}" stroke="#aeb8c9"/><rect x="0" y="{:.0}" width="6" height="{:.0}" fill="{}"/><text x="{:.0}" y="{:.0}" font-weight="bold" font-size="14">{}</text>"##,
            row.y,
            row.y,
            row.y,
            row.height,
            escape(&row.color),
            PAD + 4.0,
            row.y + 22.0,
            escape(&row.name)
        );
        for (n, o) in row.objectives.iter().enumerate() {
            let kind = if o.stretch { "Stretch" } else { "Committed" };
            let _ = write!(
                out,
                r##"<text x="{:.0}" y="{:.0}"><tspan font-weight="bold">{kind} {}</tspan> {}</text>"##,
                board.objectives_x + PAD,
                row.y + 20.0 + n as f64 * OBJECTIVE_HEIGHT,
                escape(&o.value),
                escape(&o.text)
            );
        }
        for bar in &row.bars {
            let column = &board.columns[bar.column];
            let width = (column.width - 2.0 * PAD) * bar.ratio.min(1.0);
            let fill = if bar.over { "#b42318" } else { "#1f7a3d" };
            let _ = write!(
                out,
                r#"<rect x="{:.0}" y="{:.0}" width="{width:.0}" height="6" fill="{fill}"><title>{}</title></rect>"#,
                column.x + PAD,
                row.y + row.height - BAR_BAND + 4.0,
                escape(&bar.title)
            );
        }
    }
    for s in &board.strings {
        let (colour, width) = match s.tie {
            Tie::Fine => ("#1f7a3d", 1.5),
            Tie::Tight => ("#b26a00", 2.0),
            Tie::Broken => ("#d92d20", 3.0),
        };
        let _ = write!(
            out,
            r#"<path d="{}" fill="none" stroke="{colour}" stroke-width="{width}"><title>{}</title></path>"#,
            s.path,
            escape(&s.title)
        );
    }
    for c in &board.cards {
        let stroke = if c.late.is_some() {
            "#d92d20"
        } else {
            "#aeb8c9"
        };
        let _ = write!(
            out,
            r##"<rect x="{:.0}" y="{:.0}" width="{:.0}" height="{:.0}" rx="4" fill="#ffffff" stroke="{stroke}"/><rect x="{:.0}" y="{:.0}" width="4" height="{:.0}" fill="{}"/><text x="{:.0}" y="{:.0}" font-weight="bold">{}</text><text x="{:.0}" y="{:.0}">{}</text>"##,
            c.x,
            c.y,
            c.width,
            c.height,
            c.x,
            c.y,
            c.height,
            escape(&c.color),
            c.x + 10.0,
            c.y + 18.0,
            escape(&format!(
                "{}{}",
                c.id,
                c.late
                    .as_deref()
                    .map(|l| format!(" · {l}"))
                    .unwrap_or_default()
            )),
            c.x + 10.0,
            c.y + 36.0,
            escape(&shorten(&c.name, 28))
        );
    }
    out.push_str("</svg>\n");
    out
}

/// `text` escaped for XML text and attributes.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for ch in text.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c if (c as u32) < 0x20 && c != '\n' && c != '\t' => {}
            c => out.push(c),
        }
    }
    out
}

fn shorten(text: &str, most: usize) -> String {
    if text.chars().count() <= most {
        text.to_owned()
    } else {
        let cut: String = text.chars().take(most - 1).collect();
        format!("{cut}…")
    }
}
