//! `RoamBoard`: the program's risks in ROAM lanes (to sort, Resolved, Owned, Accepted,
//! Mitigated; occurred ones apart), each risk with the four buttons that sort it — big
//! enough to use on a projector — and, for one without an owner, a field to name one.

use document::board::roam::RoamLane;
use engine::board::roam::Roam;
use leptos::prelude::*;

/// A risk sorted: its id, where to, the owner typed (may be empty).
pub type RoamSort = (String, Roam, String);

/// The ROAM lanes.
#[component]
pub fn RoamBoard(
    lanes: Signal<Vec<RoamLane>>,
    on_sort: Callback<RoamSort>,
    /// Why the last sort was refused.
    refusal: Signal<Option<String>>,
) -> impl IntoView {
    let lanes_view = move || {
        lanes
            .get()
            .into_iter()
            .filter(|l| l.roam != Roam::Occurred || !l.risks.is_empty())
            .map(|lane| {
                let count = lane.risks.len();
                let risks = lane
                    .risks
                    .into_iter()
                    .map(|risk| {
                        let owner = RwSignal::new(String::new());
                        let needs_owner = risk.owner.is_empty();
                        let id = risk.id.clone();
                        let buttons = (lane.roam != Roam::Occurred).then(|| {
                            Roam::SORTED
                                .into_iter()
                                .filter(|r| *r != lane.roam)
                                .map(|r| {
                                    let id = id.clone();
                                    view! {
                                        <button type="button" class="roam-button"
                                            data-roam=r.label() title=r.meaning()
                                            aria-label=format!("{} {}", r.label(), id.clone())
                                            on:click=move |_| on_sort.run((id.clone(), r, owner.get_untracked()))>
                                            {r.label()}
                                        </button>
                                    }
                                })
                                .collect_view()
                        });
                        view! {
                            <li class="roam-risk" data-risk=risk.id.clone()>
                                <div class="roam-risk-head">
                                    <strong>{risk.id.clone()}</strong>" "{risk.title.clone()}
                                </div>
                                <div class="roam-risk-meta">
                                    {risk.score.clone()}
                                    {(!risk.owner.is_empty()).then(|| format!(" · {}", risk.owner))}
                                </div>
                                {(needs_owner && lane.roam != Roam::Occurred).then(|| view! {
                                    <input class="roam-owner" type="text" placeholder="Owner"
                                        aria-label=format!("Owner of {}", risk.id)
                                        prop:value=move || owner.get()
                                        on:input=move |ev| owner.set(event_target_value(&ev)) />
                                })}
                                <div class="roam-buttons">{buttons}</div>
                            </li>
                        }
                    })
                    .collect_view();
                view! {
                    <section class="roam-lane" data-lane=lane.label>
                        <h3>{lane.label}" "<span class="roam-count">{count}</span></h3>
                        <p class="roam-meaning">{lane.meaning}</p>
                        <ul class="roam-risks">{risks}</ul>
                    </section>
                }
            })
            .collect_view()
    };
    view! {
        <div class="roam-board">
            {move || refusal.get().map(|r| view! { <p class="form-error" role="alert">{r}</p> })}
            <div class="roam-lanes">{lanes_view}</div>
        </div>
    }
}
