//! The ROAM section: the program's risks sorted live in the room; each sort is one edit
//! of the risk (its status, response, owner) through `engine::board::roam::sort_risk`.

use components::{RoamBoard, RoamSort};
use document::board::roam::roam_lanes;
use engine::board::roam::sort_risk;
use leptos::prelude::*;

use crate::editor::Editor;

/// The ROAM lanes of the program's risks.
#[component]
pub fn RoamPanel() -> impl IntoView {
    let editor = expect_context::<Editor>();
    let refusal = RwSignal::new(None::<String>);
    // The program's own risks, whatever scenario is shown: the sort is the risk log's.
    let lanes = Memo::new(move |_| {
        editor.doc.with(|d| {
            d.as_ref()
                .map(|d| roam_lanes(&d.program))
                .unwrap_or_default()
        })
    });
    let on_sort = Callback::new(move |(id, roam, owner): RoamSort| {
        let what = format!("Risk {id}");
        if editor.act_on(refusal, &what, |p| {
            sort_risk(p, &id, roam, &owner).map(|e| vec![e])
        }) {
            editor.confirm(format!("{id}: {}.", roam.label()));
        }
    });
    view! {
        <p class="section-hint">
            "Sort each risk: Resolved (closed), Owned (someone takes it on), Accepted (nothing more "
            "will be done), Mitigated (a response reduces it). The sort is written to the risk's "
            "status, response and owner in the RAID log."
        </p>
        <RoamBoard lanes=lanes.into() on_sort=on_sort refusal=refusal.into() />
    }
}
