//! The Board tab: the program board of the program or scenario shown (one model per
//! revision, from the derived view), where moves go, the red strings per team pair, the
//! ROAM sort and the objectives; SVG export and print.
//!
//! Does not: place cards or decide a move's constraint (`engine::board`), or draw the board
//! (`components::ProgramBoard`).

use components::ProgramBoard;
use document::board::{BoardModel, board_model};
use leptos::prelude::*;

use super::board_moves::{MovesGo, move_card_to};
use super::objectives_view::ObjectivesPanel;
use super::roam_view::RoamPanel;
use crate::editor::Editor;

/// The Board tab's sections: (key, label).
const SECTIONS: &[(&str, &str)] = &[
    ("board", "Program board"),
    ("roam", "ROAM"),
    ("objectives", "PI objectives & interval"),
];

/// The board of what the plan view shows, once per revision (empty while it cannot be
/// scheduled).
pub fn current_board(editor: Editor) -> BoardModel {
    editor.doc.with(|d| {
        let Some(d) = d.as_ref() else {
            return BoardModel::default();
        };
        editor.derived.with(|v| match v.shown().schedule.as_ref() {
            Ok(schedule) => {
                let span = crate::perf::start("planwork:board");
                let model = board_model(v.shown_program(d), schedule);
                span.end();
                model
            }
            Err(_) => BoardModel::default(),
        })
    })
}

/// Copies a link to the program with the scenario shown as its only scenario.
fn copy_shown_link(editor: Editor, ctx: crate::state::Ctx) {
    let id = editor
        .derived
        .with_untracked(|v| v.scenario.as_ref().map(|s| s.id.clone()));
    editor.doc.with_untracked(|d| {
        if let (Some(d), Some(id)) = (d.as_ref(), id) {
            crate::share::copy_scenario_link(ctx, d, &id);
        }
    });
}

/// The Board tab.
#[component]
pub fn BoardPanel() -> impl IntoView {
    let section = RwSignal::new("board");
    let tabs = SECTIONS
        .iter()
        .map(|&(key, label)| {
            view! {
                <button type="button" class="button" data-section=key
                    aria-pressed=move || (section.get() == key).to_string()
                    on:click=move |_| section.set(key)>{label}</button>
            }
        })
        .collect_view();
    view! {
        <section class="board-view logs-view" aria-label="Board" data-role="board">
            <div class="log-toolbar no-print" role="toolbar" aria-label="Board sections">{tabs}</div>
            {move || match section.get() {
                "roam" => view! { <RoamPanel /> }.into_any(),
                "objectives" => view! { <ObjectivesPanel /> }.into_any(),
                _ => view! { <BoardSection /> }.into_any(),
            }}
        </section>
    }
}

/// The board itself, with where moves go and what the last one did.
#[component]
fn BoardSection() -> impl IntoView {
    let editor = expect_context::<Editor>();
    let ctx = expect_context::<crate::state::Ctx>();
    let model = Memo::new(move |_| current_board(editor));
    let go = RwSignal::new(MovesGo::NewScenario);
    let all_strings = RwSignal::new(false);
    let note = RwSignal::new(String::new());
    let refusal = RwSignal::new(None::<String>);
    let on_move = Callback::new(move |(task, to): (String, usize)| {
        crate::perf::mark("planwork:board-move:start");
        let span = crate::perf::start("planwork:board-edit");
        let moved = move_card_to(editor, &task, to, go.get_untracked());
        span.end();
        crate::perf::measure_after_frame("planwork:board-move");
        match moved {
            Ok(words) => {
                refusal.set(None);
                note.set(words);
            }
            Err(why) => refusal.set(Some(why)),
        }
    });
    let shown = move || {
        editor
            .derived
            .with(|v| v.scenario.as_ref().map(|s| s.name.clone()))
    };
    let destination = move || {
        match shown() {
        Some(name) => view! {
            <span class="board-shown" data-role="board-scenario">
                "Showing the scenario "<strong>{name}</strong>": moves go into it. "
                <button type="button" class="button" on:click=move |_| editor.scenario.set(None)>"Show the plan"</button>
                " "
                <button type="button" class="button" data-role="board-compare"
                    on:click=move |_| editor.tab.set("scenarios")>"Compare in Scenarios"</button>
                " "
                <button type="button" class="button" data-role="board-scenario-link"
                    title="Copy a link carrying the program and this scenario alone (no other scenario)"
                    on:click=move |_| copy_shown_link(editor, ctx)>"Copy link to this scenario"</button>
            </span>
        }
        .into_any(),
        None => view! {
            <label class="board-go">"Moves go into "
                <select data-role="board-moves-go" on:change=move |ev| {
                    go.set(if event_target_value(&ev) == "plan" { MovesGo::Plan } else { MovesGo::NewScenario });
                }>
                    <option value="scenario" selected=move || go.get() == MovesGo::NewScenario>"a new workshop scenario"</option>
                    <option value="plan" selected=move || go.get() == MovesGo::Plan>"the plan itself"</option>
                </select>
            </label>
        }
        .into_any(),
    }
    };
    let export_svg = move |_| {
        let svg = model.with_untracked(document::board::svg::board_svg);
        let result = editor.doc.with_untracked(|d| {
            d.as_ref().map(|d| {
                crate::file_io::export_text(d, "board.svg", &svg, "image/svg+xml;charset=utf-8")
            })
        });
        if let Some(Err(why)) = result {
            refusal.set(Some(why));
        }
    };
    let red = move || {
        model.with(|m| {
            let pairs = m
                .red_pairs
                .iter()
                .map(|p| view! { <li>{p.clone()}</li> })
                .collect_view();
            view! {
                <div class="board-red" data-role="board-red">
                    <strong>{format!("{} red strings", m.red_strings)}</strong>
                    <ul>{pairs}</ul>
                </div>
            }
        })
    };
    view! {
        <div class="board-toolbar no-print" role="toolbar" aria-label="Board">
            <strong class="board-heading">{move || model.with(|m| m.heading.clone())}</strong>
            {destination}
            <button type="button" class="button" data-role="board-all-strings"
                aria-pressed=move || all_strings.get().to_string()
                title="Draw the strings between cards of the same team too (red ones always are)"
                on:click=move |_| all_strings.update(|on| *on = !*on)>"Strings within teams"</button>
            <button type="button" class="button" data-role="board-svg" on:click=export_svg>"Export SVG"</button>
            <button type="button" class="button" on:click=move |_| crate::file_io::print_page()>"Print"</button>
        </div>
        <h2 class="print-only">{move || model.with(|m| m.heading.clone())}</h2>
        {move || refusal.get().map(|why| view! { <p class="setup-error" role="alert" data-role="board-error">{why}</p> })}
        <p class="section-hint" role="status" data-role="board-note">{move || note.get()}</p>
        <p class="section-hint no-print">
            "Drag a card to another iteration, or focus it, press Space, move with ← →, and Space to drop. "
            "Strings: green when the dependency lands in an earlier iteration, amber in the same one, red after. "
            "Red ids are on the critical path; a card marked “lands I6” misses its commitment."
        </p>
        {red}
        <div class="board-scroll">
            <ProgramBoard model=model.into() on_move=on_move all_strings=all_strings />
        </div>
    }
}
