//! ROAM: the program's risks sorted in the room as Resolved, Owned, Accepted or
//! Mitigated, read from and written back to each risk's status, response and owner — the
//! risk log's own fields, so the RAID log, the status pack and the forecast see the sort.
//!
//! | ROAM      | read from                                             | written as                     |
//! |-----------|-------------------------------------------------------|--------------------------------|
//! | Resolved  | status closed                                         | status closed                  |
//! | Owned     | open, response transfer, or no response and an owner  | open, the owner given; an accept/mitigate/avoid response cleared |
//! | Accepted  | open, response accept                                 | open, response accept          |
//! | Mitigated | open, response mitigate or avoid                      | open, response mitigate (avoid kept) |
//! | (to sort) | open, no response, no owner                           | —                              |
//!
//! A risk that occurred is an issue now: it is shown apart and not sorted.

use crate::edit::Edit;
use crate::logs::edit::Refusal;
use crate::logs::model::{Response, RiskStatus};
use crate::model::{Program, Risk};

/// Where a risk stands in the ROAM sort.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Roam {
    /// Not sorted yet.
    ToSort,
    Resolved,
    Owned,
    Accepted,
    Mitigated,
    /// It happened (an issue now).
    Occurred,
}

impl Roam {
    /// The four a risk is sorted into, in ROAM order.
    pub const SORTED: [Roam; 4] = [Roam::Resolved, Roam::Owned, Roam::Accepted, Roam::Mitigated];

    pub fn label(self) -> &'static str {
        match self {
            Roam::ToSort => "To sort",
            Roam::Resolved => "Resolved",
            Roam::Owned => "Owned",
            Roam::Accepted => "Accepted",
            Roam::Mitigated => "Mitigated",
            Roam::Occurred => "Occurred",
        }
    }

    /// What it means, as the room is told.
    pub fn meaning(self) -> &'static str {
        match self {
            Roam::ToSort => "Not discussed yet.",
            Roam::Resolved => "No longer a risk: closed.",
            Roam::Owned => "Someone takes it on: an owner, no response decided yet.",
            Roam::Accepted => "Nothing more will be done: it is accepted as it is.",
            Roam::Mitigated => "A response reduces it: its actions are planned.",
            Roam::Occurred => "It happened: an issue now.",
        }
    }
}

/// Where `risk` stands.
pub fn roam_of(risk: &Risk) -> Roam {
    match (risk.status, risk.response) {
        (RiskStatus::Closed, _) => Roam::Resolved,
        (RiskStatus::Occurred, _) => Roam::Occurred,
        (_, Some(Response::Accept)) => Roam::Accepted,
        (_, Some(Response::Mitigate | Response::Avoid)) => Roam::Mitigated,
        (_, Some(Response::Transfer)) => Roam::Owned,
        (_, None) if !risk.owner.trim().is_empty() => Roam::Owned,
        (_, None) => Roam::ToSort,
    }
}

/// The edit that sorts risk `id` into `roam`; `owner` is who owns it (required for Owned
/// when the risk has none; otherwise, if given, it replaces the owner).
pub fn sort_risk(program: &Program, id: &str, roam: Roam, owner: &str) -> Result<Edit, Refusal> {
    let refuse = |field: &str, message: String| Refusal {
        field: field.to_owned(),
        message,
    };
    let index = program
        .risks
        .iter()
        .position(|r| r.id == id)
        .ok_or_else(|| refuse("id", format!("no risk is called {id}")))?;
    let mut risk = program.risks[index].clone();
    if risk.status == RiskStatus::Occurred {
        return Err(refuse(
            "status",
            format!("{id} occurred: it is an issue now"),
        ));
    }
    let owner = owner.trim();
    if !owner.is_empty() {
        risk.owner = owner.to_owned();
    }
    match roam {
        Roam::Resolved => risk.status = RiskStatus::Closed,
        Roam::Owned => {
            if risk.owner.trim().is_empty() {
                return Err(refuse("owner", format!("who owns {id}? Type a name first")));
            }
            risk.status = RiskStatus::Open;
            if risk.response != Some(Response::Transfer) {
                risk.response = None;
            }
        }
        Roam::Accepted => {
            risk.status = RiskStatus::Open;
            risk.response = Some(Response::Accept);
        }
        Roam::Mitigated => {
            risk.status = RiskStatus::Open;
            if risk.response != Some(Response::Avoid) {
                risk.response = Some(Response::Mitigate);
            }
        }
        Roam::ToSort | Roam::Occurred => {
            return Err(refuse(
                "roam",
                format!("{id} can be sorted into Resolved, Owned, Accepted or Mitigated"),
            ));
        }
    }
    Ok(Edit::ReplaceRisk { index, risk })
}
