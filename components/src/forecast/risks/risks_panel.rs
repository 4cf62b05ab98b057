//! `RisksPanel`: the forecast tab's "Risks" section: what a risk is, the program's risks
//! (each a [`RiskItem`], kept by id so a field being typed in is not redrawn by another
//! risk's change) and the form to add one.

use leptos::prelude::*;

use super::{NewRiskForm, RiskCallback, RiskItem, RiskView};
use crate::scenarios::quick_impact::TaskChoice;

/// The risks section.
#[component]
pub fn RisksPanel(
    #[prop(into)] risks: Signal<Vec<RiskView>>,
    /// Every task, to choose those a risk would delay.
    #[prop(into)]
    choices: Signal<Vec<TaskChoice>>,
    change: RiskCallback,
) -> impl IntoView {
    let ids =
        Memo::new(move |_| risks.with(|rs| rs.iter().map(|r| r.id.clone()).collect::<Vec<_>>()));
    let item = move |id: String| {
        let key = id.clone();
        let risk = Memo::new(move |_| risks.with(|rs| rs.iter().find(|r| r.id == key).cloned()));
        view! { <RiskItem id=id risk=risk choices=choices change=change /> }
    };
    let empty = move || {
        ids.with(Vec::is_empty).then(|| {
            view! {
                <p class="section-hint" data-role="no-risks">
                    "No risks yet. A risk is an event that may or may not happen, such as a "
                    "vendor delivering late: add one with the chance it happens and the working "
                    "days it would add to the tasks it delays."
                </p>
            }
        })
    };
    view! {
        <section class="risks-panel" data-section="risks" aria-labelledby="risks-title">
            <h3 id="risks-title">"Risks"</h3>
            <p class="section-hint">
                "Each iteration of a forecast lets every risk happen with its probability, "
                "adding between the least and the most working days of its impact to each task it "
                "delays (if not started). Risks belong to the program: its scenarios share them."
            </p>
            {empty}
            <ul class="risk-list">
                <For each=move || ids.get() key=|id| id.clone() children=item />
            </ul>
            <NewRiskForm change=change />
        </section>
    }
}
