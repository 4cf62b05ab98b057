//! A pack's blocks written three ways: Markdown, an HTML email body (inline styles, as
//! mail clients drop style sheets) and plain text. Every text is escaped for its output
//! here, so a task named `<script>` or `| *x*` reads as typed.

use super::outline::{Block, Cell};
use crate::readiness::markdown::escape as markdown_escape;
use engine::status::model::Rag;

/// Markdown: headings, tables and bullets, every text escaped.
pub fn markdown(blocks: &[Block]) -> String {
    let mut out = String::new();
    for block in blocks {
        match block {
            Block::Heading(level, text) => {
                let marks = "#".repeat(usize::from(*level).clamp(1, 6));
                out.push_str(&format!("{marks} {}\n\n", markdown_escape(text)));
            }
            Block::Paragraph(text) => out.push_str(&format!("{}\n\n", markdown_escape(text))),
            Block::Bullets(lines) => {
                for line in lines {
                    out.push_str(&format!("- {}\n", markdown_escape(line)));
                }
                out.push('\n');
            }
            Block::Table { head, rows } => {
                let cells = |cells: Vec<String>| format!("| {} |\n", cells.join(" | "));
                out.push_str(&cells(head.iter().map(|h| markdown_escape(h)).collect()));
                out.push_str(&cells(head.iter().map(|_| "---".to_string()).collect()));
                for row in rows {
                    out.push_str(&cells(
                        row.iter().map(|c| markdown_escape(&c.text)).collect(),
                    ));
                }
                out.push('\n');
            }
        }
    }
    out
}

/// Text safe inside HTML, in an element or an attribute.
///
/// ```
/// use document::status::write::html_escape;
/// assert_eq!(html_escape(r#"<b a="1">&'"#), "&lt;b a=&quot;1&quot;&gt;&amp;&#39;");
/// ```
pub fn html_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c if c.is_control() && c != '\n' => {}
            c => out.push(c),
        }
    }
    out
}

/// A rating's background and text colours (the app's RAG colours, dark text on light).
fn rag_style(rag: Rag) -> &'static str {
    match rag {
        Rag::Green => "background:#d8f0dc;color:#14532d;font-weight:600",
        Rag::Amber => "background:#fdecc8;color:#7a4a00;font-weight:600",
        Rag::Red => "background:#f9d4d4;color:#7f1d1d;font-weight:600",
    }
}

const CELL: &str = "border:1px solid #c8ccd2;padding:4px 8px;text-align:left;vertical-align:top";

/// An HTML fragment for an email body: inline styles only, every text escaped.
pub fn html(blocks: &[Block]) -> String {
    let mut out = String::from(
        "<div style=\"font-family:Segoe UI,Helvetica,Arial,sans-serif;font-size:14px;color:#1b1f24\">\n",
    );
    for block in blocks {
        match block {
            Block::Heading(level, text) => {
                let level = level.clamp(&1, &3);
                out.push_str(&format!("<h{level}>{}</h{level}>\n", html_escape(text)));
            }
            Block::Paragraph(text) => out.push_str(&format!("<p>{}</p>\n", html_escape(text))),
            Block::Bullets(lines) => {
                out.push_str("<ul>\n");
                for line in lines {
                    out.push_str(&format!("<li>{}</li>\n", html_escape(line)));
                }
                out.push_str("</ul>\n");
            }
            Block::Table { head, rows } => {
                out.push_str("<table style=\"border-collapse:collapse\">\n<tr>");
                for h in head {
                    out.push_str(&format!(
                        "<th style=\"{CELL};background:#eef0f3\">{}</th>",
                        html_escape(h)
                    ));
                }
                out.push_str("</tr>\n");
                for row in rows {
                    out.push_str("<tr>");
                    for cell in row {
                        out.push_str(&html_cell(cell));
                    }
                    out.push_str("</tr>\n");
                }
                out.push_str("</table>\n");
            }
        }
    }
    out.push_str("</div>\n");
    out
}

fn html_cell(cell: &Cell) -> String {
    let style = match cell.rag {
        Some(rag) => format!("{CELL};{}", rag_style(rag)),
        None => CELL.to_string(),
    };
    format!("<td style=\"{style}\">{}</td>", html_escape(&cell.text))
}

/// Plain text: headings underlined, tables as aligned columns, bullets as `- `. Control
/// characters (a terminal's escapes among them) are dropped.
pub fn plain(blocks: &[Block]) -> String {
    let clean = |text: &str| -> String {
        text.chars()
            .map(|c| if c == '\n' || c == '\t' { ' ' } else { c })
            .filter(|c| !c.is_control())
            .collect()
    };
    let mut out = String::new();
    for block in blocks {
        match block {
            Block::Heading(level, text) => {
                let text = clean(text);
                let rule = if *level == 1 { '=' } else { '-' };
                let underline: String = std::iter::repeat_n(rule, text.chars().count()).collect();
                out.push_str(&format!("{text}\n{underline}\n\n"));
            }
            Block::Paragraph(text) => out.push_str(&format!("{}\n\n", clean(text))),
            Block::Bullets(lines) => {
                for line in lines {
                    out.push_str(&format!("- {}\n", clean(line)));
                }
                out.push('\n');
            }
            Block::Table { head, rows } => {
                let rows: Vec<Vec<String>> =
                    std::iter::once(head.iter().map(|h| clean(h)).collect())
                        .chain(
                            rows.iter()
                                .map(|r| r.iter().map(|c| clean(&c.text)).collect()),
                        )
                        .collect();
                out.push_str(&columns(&rows));
                out.push('\n');
            }
        }
    }
    out
}

/// Rows as columns padded to their widest cell, two spaces apart.
fn columns(rows: &[Vec<String>]) -> String {
    let count = rows.iter().map(Vec::len).max().unwrap_or(0);
    let widths: Vec<usize> = (0..count)
        .map(|c| {
            rows.iter()
                .filter_map(|r| r.get(c))
                .map(|t| t.chars().count())
                .max()
                .unwrap_or(0)
        })
        .collect();
    let mut out = String::new();
    for row in rows {
        let line: Vec<String> = row
            .iter()
            .zip(&widths)
            .map(|(text, width)| format!("{text:<width$}"))
            .collect();
        out.push_str(line.join("  ").trim_end());
        out.push('\n');
    }
    out
}
