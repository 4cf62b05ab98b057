//! `ProgramBoard`: the program board drawn from a [`BoardModel`] (positions in CSS px):
//! the iteration columns, the milestones row, one row per team with its objectives and
//! capacity bars, the strings as one SVG under the cards, and the cards. A card is moved
//! by dragging it (pointer) or from the keyboard (see [`super::board_keys`]); either way
//! the move is reported through `on_move` (the card's task id, the iteration) and the
//! board waits for the model to change.

use document::board::{BoardModel, CardView};
use engine::board::layout::Tie;
use leptos::prelude::*;
use web_sys::wasm_bindgen::JsCast;

use super::board_keys::{BoardKey, board_key};

/// A card being dragged: which, how far the pointer moved (board px), the column aimed at.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Drag {
    card: usize,
    from: (f64, f64),
    moved: (f64, f64),
    aim: usize,
}

/// The board's state while it is shown: what is focused, held or dragged.
#[derive(Clone, Copy)]
struct Ctl {
    model: Signal<BoardModel>,
    board: NodeRef<leptos::html::Div>,
    drag: RwSignal<Option<Drag>>,
    active: RwSignal<Option<String>>,
    held: RwSignal<Option<usize>>,
    on_move: Callback<(String, usize)>,
}

impl Ctl {
    /// Board px per screen px (the board may be zoomed, as in present mode).
    fn scale(&self) -> f64 {
        let width = self.model.with_untracked(|m| m.width);
        self.board
            .get_untracked()
            .map(|el| el.get_bounding_client_rect().width() / width)
            .filter(|s| *s > 0.0)
            .unwrap_or(1.0)
    }

    /// The column under the screen x `client_x`.
    fn column_at(&self, client_x: f64) -> Option<usize> {
        let left = self
            .board
            .get_untracked()
            .map_or(0.0, |el| el.get_bounding_client_rect().left());
        let x = (client_x - left) / self.scale();
        self.model
            .with_untracked(|m| m.columns.iter().position(|c| x >= c.x && x < c.x + c.width))
    }

    /// Card `card` dropped on column `column`: reported if that is another iteration.
    fn drop_on(&self, card: usize, column: usize) {
        let target = self.model.with_untracked(|m| {
            let c = m.cards.get(card)?;
            let iteration = m.columns.get(column)?.iteration?;
            (c.column != column).then(|| (c.id.clone(), iteration))
        });
        if let Some(target) = target {
            self.on_move.run(target);
        }
    }
}

/// The board.
#[component]
pub fn ProgramBoard(
    model: Signal<BoardModel>,
    /// A card (task id) dropped on an iteration (0-based).
    on_move: Callback<(String, usize)>,
    /// Whether strings within a team's row are drawn (red ones always are).
    #[prop(into)]
    all_strings: Signal<bool>,
) -> impl IntoView {
    let board = NodeRef::<leptos::html::Div>::new();
    let drag = RwSignal::new(None::<Drag>);
    let active = RwSignal::new(None::<String>);
    let held = RwSignal::new(None::<usize>);
    let refocus = StoredValue::new(false);
    // After a move made from the keyboard, the card keeps the focus in its new place (the
    // board is drawn again: the DOM is the outside world here).
    Effect::new(move |_| {
        model.track();
        if refocus.get_value() {
            refocus.set_value(false);
            focus_card(board, active);
        }
    });
    let ctl = Ctl {
        model,
        board,
        drag,
        active,
        held,
        on_move,
    };
    let droppable = move || {
        model.with_untracked(|m| {
            m.columns
                .iter()
                .map(|c| c.iteration.is_some())
                .collect::<Vec<_>>()
        })
    };
    let on_key = move |ev: web_sys::KeyboardEvent| {
        let Some(id) = active.get_untracked() else {
            return;
        };
        let (action, at) = model.with_untracked(|m| {
            let at = m.cards.iter().position(|c| c.id == id).unwrap_or(0);
            (
                board_key(&m.cards, at, held.get_untracked(), &droppable(), &ev.key()),
                at,
            )
        });
        match action {
            BoardKey::Nothing => return,
            BoardKey::Focus(i) => {
                let next = model.with_untracked(|m| m.cards.get(i).map(|c| c.id.clone()));
                active.set(next);
                focus_card(board, active);
            }
            BoardKey::Lift => held.set(model.with_untracked(|m| m.cards.get(at).map(|c| c.column))),
            BoardKey::Aim(column) => held.set(Some(column)),
            BoardKey::Cancel => held.set(None),
            BoardKey::Drop => {
                if let Some(column) = held.get_untracked() {
                    held.set(None);
                    refocus.set_value(true);
                    ctl.drop_on(at, column);
                }
            }
        }
        ev.prevent_default();
    };
    let columns = move || {
        model.with(|m| {
            let height = m.height;
            m.columns
                .iter()
                .enumerate()
                .map(|(i, c)| {
                    let aimed = move || {
                        drag.with(|d| d.is_some_and(|d| d.aim == i)) || held.get() == Some(i)
                    };
                    view! {
                        <div class="board-column" class:board-aim=aimed data-column=i
                            data-iteration=c.iteration.map(|n| n + 1)
                            style=format!("left:{}px;width:{}px;height:{}px", c.x, c.width, height)>
                            <div class="board-column-head">
                                <strong>{c.label.clone()}</strong>
                                <span>{c.dates.clone()}</span>
                            </div>
                        </div>
                    }
                })
                .collect_view()
        })
    };
    let rows = move || {
        model.with(|m| {
            let (top, height) = m.milestones;
            let width = m.width;
            let milestones = view! {
                <div class="board-row board-milestones" data-row="milestones"
                    style=format!("top:{top}px;height:{height}px;width:{width}px")>
                    <div class="board-row-label"><strong>"Milestones"</strong></div>
                </div>
            };
            let objectives_x = m.objectives_x;
            let rows = m
                .rows
                .iter()
                .map(|r| {
                    let bars = r
                        .bars
                        .iter()
                        .map(|b| {
                            let c = &m.columns[b.column];
                            let full = c.width - 16.0;
                            view! {
                                <div class="board-bar" class:board-bar-over=b.over title=b.title.clone()
                                    style=format!("left:{}px;width:{}px", c.x + 8.0, full)>
                                    <div class="board-bar-fill" style=format!("width:{:.1}%", (b.ratio.min(1.0) * 100.0))></div>
                                </div>
                            }
                        })
                        .collect_view();
                    let objectives = r
                        .objectives
                        .iter()
                        .map(|o| {
                            let kind = if o.stretch { "Stretch" } else { "Committed" };
                            view! {
                                <li class="board-objective" class:board-stretch=o.stretch
                                    title=format!("{}: {}", o.id, o.cards.join(", "))>
                                    <span class="board-objective-kind">{kind}" "{o.value.clone()}</span>
                                    " "{o.text.clone()}
                                </li>
                            }
                        })
                        .collect_view();
                    let red = (r.red > 0).then(|| view! {
                        <span class="board-red-count" title="Red strings from or to this row">{format!("{} red", r.red)}</span>
                    });
                    view! {
                        <div class="board-row" data-row=r.key.clone()
                            style=format!("top:{}px;height:{}px;width:{}px;--row-color:{}", r.y, r.height, width, r.color)>
                            <div class="board-row-label">
                                <strong>{r.name.clone()}</strong>
                                {red}
                                {r.predictability.clone().map(|p| view! { <span class="board-predictability">{p}</span> })}
                            </div>
                            {bars}
                            <ul class="board-objectives" style=format!("left:{objectives_x}px")>{objectives}</ul>
                        </div>
                    }
                })
                .collect_view();
            view! { {milestones} {rows} }
        })
    };
    let strings = move || {
        model.with(|m| {
            let paths = m
                .strings
                .iter()
                .map(|s| {
                    let tie = match s.tie {
                        Tie::Fine => "board-fine",
                        Tie::Tight => "board-tight",
                        Tie::Broken => "board-broken",
                    };
                    let within = if s.within { " board-within" } else { "" };
                    let class = format!("board-string {tie}{within}");
                    let (from, to) = (m.cards[s.from].id.clone(), m.cards[s.to].id.clone());
                    view! {
                        <path class=class d=s.path.clone() data-from=from data-to=to>
                            <title>{s.title.clone()}</title>
                        </path>
                    }
                })
                .collect_view();
            view! {
                <svg class="board-strings" width=m.width height=m.height aria-hidden="true">{paths}</svg>
            }
        })
    };
    let cards = move || {
        model.with(|m| {
            let first = m.cards.first().map(|c| c.id.clone());
            m.cards
                .iter()
                .enumerate()
                .map(|(i, c)| card_view(ctl, i, c, first.as_deref()))
                .collect_view()
        })
    };
    view! {
        <div class="board" class:board-all-strings=move || all_strings.get() node_ref=board role="application"
            aria-label=move || model.with(|m| m.heading.clone())
            aria-roledescription="program board"
            style=move || model.with(|m| format!("width:{}px;height:{}px", m.width, m.height))
            on:keydown=on_key>
            {columns}
            {rows}
            {strings}
            {cards}
        </div>
    }
}

fn card_view(ctl: Ctl, i: usize, c: &CardView, first: Option<&str>) -> AnyView {
    let Ctl {
        active, held, drag, ..
    } = ctl;
    let id = c.id.clone();
    let is_first = first == Some(c.id.as_str());
    let focus_id = id.clone();
    let tab_id = id.clone();
    let lifted_id = id.clone();
    let tabindex = move || {
        let mine =
            active.with(|a| a.as_deref() == Some(tab_id.as_str()) || (a.is_none() && is_first));
        if mine { 0 } else { -1 }
    };
    let lifted =
        move || held.get().is_some() && active.with(|a| a.as_deref() == Some(lifted_id.as_str()));
    let transform = move || {
        drag.with(|d| match d {
            Some(d) if d.card == i => format!("translate({}px,{}px)", d.moved.0, d.moved.1),
            _ => String::new(),
        })
    };
    let dragging = move || drag.with(|d| d.is_some_and(|d| d.card == i));
    let base = format!(
        "left:{}px;top:{}px;width:{}px;height:{}px;--row-color:{}",
        c.x, c.y, c.width, c.height, c.color
    );
    let label = format!(
        "{} {}{}{}",
        c.id,
        c.name,
        c.late
            .as_deref()
            .map(|l| format!(", late: {l}"))
            .unwrap_or_default(),
        if c.milestone { ", milestone" } else { "" }
    ) + if c.critical { ", critical" } else { "" };
    view! {
        <div class="board-card" class:board-late=c.late.is_some() class:board-critical=c.critical
            class:board-milestone=c.milestone class:board-lifted=lifted class:board-dragging=dragging
            data-card=id.clone() data-column=c.column tabindex=tabindex title=c.title.clone()
            aria-label=label
            style=move || format!("{base};transform:{}", transform())
            on:focus=move |_| active.set(Some(focus_id.clone()))
            on:pointerdown=move |ev: web_sys::PointerEvent| {
                if ev.button() != 0 { return; }
                if let Some(el) = ev.current_target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) {
                    let _ = el.set_pointer_capture(ev.pointer_id());
                }
                let column = ctl.column_at(f64::from(ev.client_x())).unwrap_or(0);
                drag.set(Some(Drag { card: i, from: (f64::from(ev.client_x()), f64::from(ev.client_y())), moved: (0.0, 0.0), aim: column }));
            }
            on:pointermove=move |ev: web_sys::PointerEvent| {
                if drag.with_untracked(|d| d.is_none_or(|d| d.card != i)) { return; }
                let s = ctl.scale();
                let (x, y) = (f64::from(ev.client_x()), f64::from(ev.client_y()));
                let aim = ctl.column_at(x);
                drag.update(|d| if let Some(d) = d {
                    d.moved = ((x - d.from.0) / s, (y - d.from.1) / s);
                    if let Some(aim) = aim { d.aim = aim; }
                });
            }
            on:pointerup=move |_| {
                if let Some(d) = drag.get_untracked().filter(|d| d.card == i) {
                    drag.set(None);
                    ctl.drop_on(i, d.aim);
                }
            }
            on:pointercancel=move |_| drag.set(None)>
            <span class="board-card-head">
                <span class="board-card-id">{c.id.clone()}</span>
                {c.late.clone().map(|l| view! { <span class="board-card-late">{l}</span> })}
            </span>
            <span class="board-card-name">{c.name.clone()}</span>
        </div>
    }
    .into_any()
}

fn focus_card(board: NodeRef<leptos::html::Div>, active: RwSignal<Option<String>>) {
    let (Some(el), Some(id)) = (board.get_untracked(), active.get_untracked()) else {
        return;
    };
    let selector = format!("[data-card=\"{}\"]", css_escape(&id));
    if let Ok(Some(card)) = el.query_selector(&selector)
        && let Ok(card) = card.dyn_into::<web_sys::HtmlElement>()
    {
        let _ = card.focus();
    }
}

/// `id` safe inside a double-quoted CSS attribute selector.
fn css_escape(id: &str) -> String {
    id.replace('\\', "\\\\").replace('"', "\\\"")
}
