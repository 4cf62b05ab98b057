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

/// What the board's handlers share: the model and the board's element.
#[derive(Clone, Copy)]
struct Ctl {
    model: Signal<BoardModel>,
    board: NodeRef<leptos::html::Div>,
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
            BoardKey::Lift => {
                lifted(true);
                held.set(model.with_untracked(|m| m.cards.get(at).map(|c| c.column)));
            }
            BoardKey::Aim(column) => held.set(Some(column)),
            BoardKey::Cancel => {
                lifted(false);
                held.set(None);
            }
            BoardKey::Drop => {
                if let Some(column) = held.get_untracked() {
                    lifted(false);
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
            let objectives = view! {
                <div class="board-column board-objectives-head"
                    style=format!("left:{}px;width:{}px;height:{}px", m.objectives_x, m.width - m.objectives_x, height)>
                    <div class="board-column-head"><strong>"PI objectives"</strong><span>"committed · stretch · business value"</span></div>
                </div>
            };
            let columns = m.columns
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
                .collect_view();
            view! { {columns} {objectives} }
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
    // Only the strings shown are drawn: within a team, the red ones unless all are asked
    // for (a board of 500 cards has a thousand strings).
    let strings = move || {
        let all = all_strings.get();
        model.with(|m| {
            let paths = m
                .strings
                .iter()
                .filter(|s| all || !s.within || s.tie == Tie::Broken)
                .map(|s| {
                    let tie = match s.tie {
                        Tie::Fine => "board-fine",
                        Tie::Tight => "board-tight",
                        Tie::Broken => "board-broken",
                    };
                    let class = format!("board-string {tie}");
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
        let active = active.get_untracked();
        model.with(|m| {
            let stop = |i: usize, c: &CardView| match &active {
                Some(a) => *a == c.id,
                None => i == 0,
            };
            m.cards
                .iter()
                .enumerate()
                .map(|(i, c)| card_view(c, stop(i, c)))
                .collect_view()
        })
    };
    // The card carried by the pointer: its element moves under the pointer.
    let carried = StoredValue::new_local(None::<web_sys::HtmlElement>);
    let on_pointerdown = move |ev: web_sys::PointerEvent| {
        let Some((el, id)) = card_of(&ev).filter(|_| ev.button() == 0) else {
            return;
        };
        let Some(card) = model.with_untracked(|m| m.cards.iter().position(|c| c.id == id)) else {
            return;
        };
        let _ = el.set_pointer_capture(ev.pointer_id());
        let _ = el.class_list().add_1("board-dragging");
        carried.set_value(Some(el));
        let from = (f64::from(ev.client_x()), f64::from(ev.client_y()));
        let aim = ctl.column_at(from.0).unwrap_or(0);
        drag.set(Some(Drag {
            card,
            from,
            moved: (0.0, 0.0),
            aim,
        }));
    };
    let on_pointermove = move |ev: web_sys::PointerEvent| {
        let Some(d) = drag.get_untracked() else {
            return;
        };
        let s = ctl.scale();
        let (x, y) = (f64::from(ev.client_x()), f64::from(ev.client_y()));
        let moved = ((x - d.from.0) / s, (y - d.from.1) / s);
        carried.with_value(|el| {
            if let Some(el) = el {
                let transform = format!("translate({}px,{}px)", moved.0, moved.1);
                let _ = el.style().set_property("transform", &transform);
            }
        });
        let aim = ctl.column_at(x).unwrap_or(d.aim);
        drag.set(Some(Drag { moved, aim, ..d }));
    };
    let end_drag = move || {
        carried.with_value(|el| {
            if let Some(el) = el {
                let _ = el.style().remove_property("transform");
                let _ = el.class_list().remove_1("board-dragging");
            }
        });
        carried.set_value(None);
        drag.set(None)
    };
    let on_pointerup = move |_: web_sys::PointerEvent| {
        if let Some(d) = drag.get_untracked() {
            end_drag();
            ctl.drop_on(d.card, d.aim);
        }
    };
    // Roving tab stop: the card focused last is the one Tab comes back to.
    let on_focusin = move |ev: web_sys::FocusEvent| {
        let Some((el, id)) = card_of(&ev) else {
            return;
        };
        if let Some(board) = board.get_untracked()
            && let Ok(Some(stop)) = board.query_selector(".board-card[tabindex=\"0\"]")
        {
            let _ = stop.set_attribute("tabindex", "-1");
        }
        let _ = el.set_attribute("tabindex", "0");
        active.set(Some(id));
    };
    view! {
        <div class="board" node_ref=board role="application"
            aria-label=move || model.with(|m| m.heading.clone())
            aria-roledescription="program board"
            style=move || model.with(|m| format!("width:{}px;height:{}px", m.width, m.height))
            on:keydown=on_key on:pointerdown=on_pointerdown on:pointermove=on_pointermove
            on:pointerup=on_pointerup on:pointercancel=move |_| end_drag() on:focusin=on_focusin>
            {columns}
            {rows}
            {strings}
            {cards}
        </div>
    }
}

/// A card: plain markup, no handler of its own (the board's handlers find the card an
/// event is for), so that drawing a board of hundreds of cards again after a move makes
/// elements and nothing else.
fn card_view(c: &CardView, tab_stop: bool) -> AnyView {
    let label = format!(
        "{} {}{}{}{}",
        c.id,
        c.name,
        c.late
            .as_deref()
            .map(|l| format!(", late: {l}"))
            .unwrap_or_default(),
        if c.milestone { ", milestone" } else { "" },
        if c.critical { ", critical" } else { "" },
    );
    let style = format!(
        "left:{}px;top:{}px;width:{}px;height:{}px;--row-color:{}",
        c.x, c.y, c.width, c.height, c.color
    );
    view! {
        <div class="board-card" class:board-late=c.late.is_some() class:board-critical=c.critical
            class:board-milestone=c.milestone
            data-card=c.id.clone() data-column=c.column tabindex=if tab_stop { 0 } else { -1 }
            title=c.title.clone() aria-label=label style=style>
            <span class="board-card-head">
                <span class="board-card-id">{c.id.clone()}</span>
                {c.late.clone().map(|l| view! { <span class="board-card-late">{l}</span> })}
            </span>
            <span class="board-card-name">{c.name.clone()}</span>
        </div>
    }
    .into_any()
}

/// Marks the focused card as picked up from the keyboard (or put down).
fn lifted(on: bool) {
    if let Some(el) = document().active_element() {
        let list = el.class_list();
        let _ = if on {
            list.add_1("board-lifted")
        } else {
            list.remove_1("board-lifted")
        };
    }
}

/// The card element an event happened in, and its id.
fn card_of(ev: &web_sys::Event) -> Option<(web_sys::HtmlElement, String)> {
    let target = ev.target()?.dyn_into::<web_sys::Element>().ok()?;
    let card = target.closest("[data-card]").ok()??;
    let id = card.get_attribute("data-card")?;
    Some((card.dyn_into().ok()?, id))
}

fn focus_card(board: NodeRef<leptos::html::Div>, active: RwSignal<Option<String>>) {
    let (Some(el), Some(id)) = (board.get_untracked(), active.get_untracked()) else {
        return;
    };
    // Still focused (its element kept): focusing again would force a layout.
    let focused = document()
        .active_element()
        .and_then(|a| a.get_attribute("data-card"));
    if focused.as_deref() == Some(id.as_str()) {
        return;
    }
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
