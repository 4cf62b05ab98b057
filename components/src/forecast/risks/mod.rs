//! The forecast's risks (issue 15): the list of the program's risks, each editable in place
//! (title, probability as a percent, impact range in working days, the tasks it would
//! delay, delete), and a form to add one. Every change is a [`RiskChange`] the app turns
//! into engine edits; a refusal comes back as an [`engine::risks::Refusal`] and is shown
//! beside the field it is about, with what was typed kept.
//!
//! Does not: parse or check anything (`engine::risks` does, in the app's callback).

mod new_risk_form;
mod risk_item;
mod risk_text_field;
mod risks_panel;
mod task_search;

pub use new_risk_form::NewRiskForm;
pub use risk_item::RiskItem;
pub use risk_text_field::RiskTextField;
pub use risks_panel::RisksPanel;
pub use task_search::TaskSearch;

use crate::scenarios::quick_impact::TaskChoice;

/// One risk as shown.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct RiskView {
    pub id: String,
    pub title: String,
    /// As a percent, e.g. "30%".
    pub probability: String,
    /// Working days, e.g. "5–15".
    pub impact: String,
    /// The tasks it would delay, in its order.
    pub tasks: Vec<TaskChoice>,
}

/// What the user asks of the risks, as typed (each is one undoable step).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RiskChange {
    Add {
        title: String,
        probability: String,
        impact: String,
    },
    Title {
        risk: String,
        text: String,
    },
    Probability {
        risk: String,
        text: String,
    },
    Impact {
        risk: String,
        text: String,
    },
    /// A task id (or, when nothing matched, the text typed, which the app refuses).
    AddTask {
        risk: String,
        task: String,
    },
    RemoveTask {
        risk: String,
        task: String,
    },
    Remove {
        risk: String,
    },
}

/// Makes a change, or says why not.
pub type RiskCallback = leptos::prelude::Callback<RiskChange, Result<(), engine::risks::Refusal>>;
