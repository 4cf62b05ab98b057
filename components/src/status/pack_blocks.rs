//! A status pack's blocks (`document::status::outline`) as a page: headings, paragraphs,
//! bullets and tables, each rating cell coloured by its class. Text is rendered as text.

use document::status::outline::{Block, Cell};
use leptos::prelude::*;

/// Renders `blocks`, the pack's words as the writers of Markdown and email see them.
#[component]
pub fn PackBlocks(#[prop(into)] blocks: Signal<Vec<Block>>) -> impl IntoView {
    move || {
        blocks
            .get()
            .into_iter()
            .map(|block| match block {
                Block::Heading(1, text) => view! { <h2 class="pack-title">{text}</h2> }.into_any(),
                Block::Heading(2, text) => view! { <h3 class="pack-heading">{text}</h3> }.into_any(),
                Block::Heading(_, text) => view! { <h4 class="pack-subheading">{text}</h4> }.into_any(),
                Block::Paragraph(text) => view! { <p class="pack-text">{text}</p> }.into_any(),
                Block::Bullets(lines) => view! {
                    <ul class="pack-list">
                        {lines.into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}
                    </ul>
                }
                .into_any(),
                Block::Table { head, rows } => view! {
                    <table class="pack-table">
                        <thead><tr>{head.into_iter().map(|h| view! { <th>{h}</th> }).collect_view()}</tr></thead>
                        <tbody>
                            {rows.into_iter().map(|row| view! {
                                <tr>{row.into_iter().map(cell).collect_view()}</tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                }
                .into_any(),
            })
            .collect_view()
    }
}

fn cell(cell: Cell) -> impl IntoView {
    let class = cell.rag.map_or("", |rag| match rag {
        engine::status::model::Rag::Green => "rag rag-green",
        engine::status::model::Rag::Amber => "rag rag-amber",
        engine::status::model::Rag::Red => "rag rag-red",
    });
    view! { <td class=class>{cell.text}</td> }
}
