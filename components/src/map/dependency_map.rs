//! `DependencyMap`: workstreams as boxes on a circle and the dependencies between them as
//! arrows labelled with their count (critical ones red, late ones amber); choosing an arrow,
//! or a team pair from the list beside the map, lists the links between those two teams.

use leptos::prelude::*;

/// The map's data: teams and the flows of links between them.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct MapModel {
    pub teams: Vec<MapTeam>,
    pub flows: Vec<MapFlow>,
}

/// A workstream.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct MapTeam {
    pub id: String,
    pub name: String,
    /// Palette index.
    /// The workstream's colour (CSS).
    pub color: String,
    pub tasks: usize,
}

/// The links from one team to another.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct MapFlow {
    pub from: String,
    pub to: String,
    /// One line per link, e.g. "API-3 → WEB-7 (FS, critical)".
    pub links: Vec<MapLink>,
    pub critical: usize,
    pub late: usize,
}

/// One cross-team link as the map lists it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct MapLink {
    pub from_task: String,
    pub to_task: String,
    pub kind: String,
    pub critical: bool,
    pub late: bool,
    /// The tasks' names.
    pub from_name: String,
    pub to_name: String,
    /// The lag as entered ("+2d", "-1d"), "" for none.
    pub lag: String,
}

/// The map's drawing area (SVG user units; the SVG scales to its box).
const WIDTH: f64 = 960.0;
const HEIGHT: f64 = 640.0;
const BOX_W: f64 = 236.0;
const BOX_H: f64 = 84.0;

/// A team's box centre: teams on an ellipse, the first at the top, clockwise.
fn centre(index: usize, count: usize) -> (f64, f64) {
    if count <= 1 {
        return (WIDTH / 2.0, HEIGHT / 2.0);
    }
    let angle = -std::f64::consts::FRAC_PI_2 + std::f64::consts::TAU * index as f64 / count as f64;
    (
        WIDTH / 2.0 + (WIDTH / 2.0 - BOX_W / 2.0 - 20.0) * angle.cos(),
        HEIGHT / 2.0 + (HEIGHT / 2.0 - BOX_H / 2.0 - 24.0) * angle.sin(),
    )
}

/// Where the line from a box's centre towards `(tx, ty)` leaves the box (with a margin).
fn exit(c: (f64, f64), toward: (f64, f64)) -> (f64, f64) {
    let (dx, dy) = (toward.0 - c.0, toward.1 - c.1);
    let (hw, hh) = (BOX_W / 2.0 + 6.0, BOX_H / 2.0 + 6.0);
    let scale = [
        if dx == 0.0 {
            f64::INFINITY
        } else {
            hw / dx.abs()
        },
        if dy == 0.0 {
            f64::INFINITY
        } else {
            hh / dy.abs()
        },
    ]
    .into_iter()
    .fold(f64::INFINITY, f64::min);
    if scale.is_finite() {
        (c.0 + dx * scale, c.1 + dy * scale)
    } else {
        c
    }
}

/// A flow's curve (bending to its right, so A→B and B→A stay apart) and its label's spot.
fn curve(from: (f64, f64), to: (f64, f64)) -> (String, (f64, f64)) {
    let (mx, my) = ((from.0 + to.0) / 2.0, (from.1 + to.1) / 2.0);
    let (dx, dy) = (to.0 - from.0, to.1 - from.1);
    let len = (dx * dx + dy * dy).sqrt().max(1.0);
    let bend = 54.0;
    let control = (mx - dy / len * bend, my + dx / len * bend);
    let start = exit(from, control);
    let end = exit(to, control);
    // The label sits at the curve's middle, as far from both boxes as it can be.
    let t = 0.5;
    let (a, b, c) = ((1.0 - t) * (1.0 - t), 2.0 * (1.0 - t) * t, t * t);
    let label = (
        a * start.0 + b * control.0 + c * end.0,
        a * start.1 + b * control.1 + c * end.1,
    );
    (
        format!(
            "M{:.1},{:.1}Q{:.1},{:.1} {:.1},{:.1}",
            start.0, start.1, control.0, control.1, end.0, end.1
        ),
        label,
    )
}

/// How a flow reads: "7 links, 2 critical, 1 late".
fn summary(flow: &MapFlow) -> String {
    let n = flow.links.len();
    let mut text = format!("{n} link{}", if n == 1 { "" } else { "s" });
    if flow.critical > 0 {
        text.push_str(&format!(", {} critical", flow.critical));
    }
    if flow.late > 0 {
        text.push_str(&format!(", {} late", flow.late));
    }
    text
}

/// The class saying how serious a flow is.
fn severity(flow: &MapFlow) -> &'static str {
    if flow.critical > 0 {
        "map-flow-critical"
    } else if flow.late > 0 {
        "map-flow-late"
    } else {
        "map-flow-normal"
    }
}

/// The map of `model`.
#[component]
pub fn DependencyMap(#[prop(into)] model: Signal<MapModel>) -> impl IntoView {
    // The team pair whose links are listed: (from, to).
    let chosen = RwSignal::new(None::<(String, String)>);
    let choose = move |pair: (String, String)| chosen.set(Some(pair));
    let name_of = move |id: &str| team_name(model, id);

    let drawing = move || {
        model.with(|m| {
            let count = m.teams.len();
            let index = |id: &str| m.teams.iter().position(|t| t.id == id);
            let sel = chosen.get();
            let flows = m
                .flows
                .iter()
                .filter_map(|f| {
                    let (a, b) = (index(&f.from)?, index(&f.to)?);
                    let (d, (lx, ly)) = curve(centre(a, count), centre(b, count));
                    let pair = (f.from.clone(), f.to.clone());
                    let is_chosen = sel.as_ref() == Some(&pair);
                    let width = 2.0 + (f.links.len().min(12) as f64) * 0.5;
                    let label = pill_label(f);
                    let pill_w = label.chars().count() as f64 * 10.5 + 20.0;
                    let aria = format!("{} → {}: {}", name_of(&f.from), name_of(&f.to), summary(f));
                    let key_pair = pair.clone();
                    let tooltip = aria.clone();
                    Some(view! {
                        <g
                            class=format!("map-flow {}", severity(f))
                            class:chosen=is_chosen
                            data-from=f.from.clone()
                            data-to=f.to.clone()
                            tabindex="0"
                            role="button"
                            aria-label=aria
                            on:click=move |_| choose(pair.clone())
                            on:keydown=move |ev: web_sys::KeyboardEvent| {
                                if ev.key() == "Enter" || ev.key() == " " {
                                    ev.prevent_default();
                                    choose(key_pair.clone());
                                }
                            }
                        >
                            <title>{tooltip}</title>
                            <path class="map-flow-hit" d=d.clone() />
                            <path class="map-flow-line" d=d stroke-width=width marker-end=format!("url(#{}-arrow)", severity(f)) />
                            <rect class="map-flow-pill" x=lx - pill_w / 2.0 y=ly - 15.0 width=pill_w height=30.0 rx=15.0 />
                            <text class="map-flow-count" x=lx y=ly + 6.5 text-anchor="middle">{label}</text>
                        </g>
                    })
                })
                .collect_view();
            let boxes = team_boxes(m, sel.as_ref());
            // Boxes first: the arrows' labels stay readable where they pass over a box.
            view! {
                {boxes}
                {flows}
            }
        })
    };

    let pairs = move || {
        model.with(|m| {
            let sel = chosen.get();
            m.flows
                .iter()
                .map(|f| {
                    let pair = (f.from.clone(), f.to.clone());
                    let pressed = (sel.as_ref() == Some(&pair)).to_string();
                    view! {
                        <li>
                            <button
                                type="button"
                                class=format!("map-pair {}", severity(f))
                                data-from=f.from.clone()
                                data-to=f.to.clone()
                                aria-pressed=pressed
                                on:click=move |_| choose(pair.clone())
                            >
                                <span class="map-pair-teams">
                                    {format!("{} → {}", name_of(&f.from), name_of(&f.to))}
                                </span>
                                <span class="map-pair-summary">{summary(f)}</span>
                            </button>
                        </li>
                    }
                })
                .collect_view()
        })
    };

    let empty = move || {
        model.with(|m| {
            if m.teams.is_empty() {
                Some("No workstreams yet.")
            } else if m.flows.is_empty() {
                Some("No dependency crosses from one workstream to another.")
            } else {
                None
            }
        })
    };

    view! {
        <div class="dependency-map">
            <div class="map-main">
                <svg
                    class="map-canvas"
                    viewBox=format!("0 0 {WIDTH} {HEIGHT}")
                    role="group"
                    aria-label="Workstreams and the dependencies between them"
                >
                    <defs>
                        {arrowheads()}
                    </defs>
                    {drawing}
                </svg>
                {move || empty().map(|text| view! { <p class="status-line">{text}</p> })}
            </div>
            <aside class="map-side">
                <h3>"Team pairs"</h3>
                <p class="map-legend">
                    <span class="map-key map-flow-critical">"critical"</span>
                    <span class="map-key map-flow-late">"late"</span>
                    <span class="map-key map-flow-normal">"on track"</span>
                </p>
                <ul class="map-pairs">{pairs}</ul>
            </aside>
            {move || link_details(model, chosen)}
        </div>
    }
}

/// A team's name, or its id if it has none in the model.
fn team_name(model: Signal<MapModel>, id: &str) -> String {
    model.with(|m| {
        m.teams
            .iter()
            .find(|t| t.id == id)
            .map_or_else(|| id.to_owned(), |t| t.name.clone())
    })
}

/// The text on a flow's pill: its count of links, then of critical and late ones.
fn pill_label(f: &MapFlow) -> String {
    match (f.critical, f.late) {
        (0, 0) => f.links.len().to_string(),
        (c, 0) => format!("{} · {c} crit", f.links.len()),
        (0, l) => format!("{} · {l} late", f.links.len()),
        (c, l) => format!("{} · {c} crit · {l} late", f.links.len()),
    }
}

/// One arrowhead per severity, for the flows' `marker-end`.
fn arrowheads() -> impl IntoView {
    ["map-flow-critical", "map-flow-late", "map-flow-normal"].map(|kind| {
        view! {
            <marker id=format!("{kind}-arrow") viewBox="0 0 10 10" refX="8" refY="5"
                markerWidth="4" markerHeight="4" markerUnits="strokeWidth"
                orient="auto-start-reverse">
                <path class=format!("map-arrowhead {kind}") d="M0,0L10,5L0,10Z" />
            </marker>
        }
    })
}

/// The teams' boxes; those of the chosen pair (`sel`) marked as involved. The view owns
/// what it shows (`use<>`), so it outlives the borrowed model.
fn team_boxes(m: &MapModel, sel: Option<&(String, String)>) -> impl IntoView + use<> {
    let count = m.teams.len();
    m.teams
        .iter()
        .enumerate()
        .map(|(i, t)| {
            let (cx, cy) = centre(i, count);
            let involved = sel.is_some_and(|(a, b)| *a == t.id || *b == t.id);
            view! {
                <g class="map-team" class:involved=involved data-team=t.id.clone()>
                    <rect class="map-team-box" x=cx - BOX_W / 2.0 y=cy - BOX_H / 2.0
                        width=BOX_W height=BOX_H rx=10.0 />
                    <rect x=cx - BOX_W / 2.0 y=cy - BOX_H / 2.0 width=10.0 height=BOX_H
                        rx=4.0 fill=t.color.clone() />
                    <text class="map-team-name" x=cx + 4.0 y=cy - 2.0 text-anchor="middle">
                        {t.name.clone()}
                    </text>
                    <text class="map-team-tasks" x=cx + 4.0 y=cy + 24.0 text-anchor="middle">
                        {format!("{} task{}", t.tasks, if t.tasks == 1 { "" } else { "s" })}
                    </text>
                </g>
            }
        })
        .collect_view()
}

/// The links between the chosen pair of teams, as a table, with Close.
fn link_details(
    model: Signal<MapModel>,
    chosen: RwSignal<Option<(String, String)>>,
) -> Option<impl IntoView> {
    let name_of = move |id: &str| team_name(model, id);
    let (from, to) = chosen.get()?;
    let flow = model.with(|m| {
        m.flows
            .iter()
            .find(|f| f.from == from && f.to == to)
            .cloned()
    })?;
    let rows = flow
        .links
        .iter()
        .map(|l| {
            view! {
                <tr class:critical=l.critical class:late=l.late>
                    <td><span class="map-task-id">{l.from_task.clone()}</span>" "{l.from_name.clone()}</td>
                    <td><span class="map-task-id">{l.to_task.clone()}</span>" "{l.to_name.clone()}</td>
                    <td>{l.kind.clone()}</td>
                    <td>{l.lag.clone()}</td>
                    <td>{l.critical.then_some("Critical")}</td>
                    <td>{l.late.then_some("Late")}</td>
                </tr>
            }
        })
        .collect_view();
    Some(view! {
        <section class="map-links" aria-live="polite">
            <div class="map-links-head">
                <h3>{format!("{} → {}", name_of(&from), name_of(&to))}</h3>
                <span class="map-links-summary">{summary(&flow)}</span>
                <button type="button" class="button" data-action="close-links"
                    on:click=move |_| chosen.set(None)>"Close"</button>
            </div>
            <table class="map-links-table">
                <thead>
                    <tr>
                        <th scope="col">"Predecessor"</th>
                        <th scope="col">"Successor"</th>
                        <th scope="col">"Type"</th>
                        <th scope="col">"Lag"</th>
                        <th scope="col">"Critical"</th>
                        <th scope="col">"Late"</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </section>
    })
}
