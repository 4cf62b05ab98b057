//! The ROAM view's lanes: the program's risks sorted as Resolved, Owned, Accepted and
//! Mitigated (by `engine::board::roam`), those not sorted yet first, occurred ones apart.
//! In each lane the highest score first (probability × severity, then probability).

use engine::Program;
use engine::board::roam::{Roam, roam_of};

/// One lane of the ROAM view.
#[derive(Clone, Debug, PartialEq)]
pub struct RoamLane {
    pub roam: Roam,
    pub label: &'static str,
    pub meaning: &'static str,
    pub risks: Vec<RoamRisk>,
}

/// A risk as its ROAM card shows it.
#[derive(Clone, Debug, PartialEq)]
pub struct RoamRisk {
    pub id: String,
    pub title: String,
    pub owner: String,
    /// "30 % · severity 4", or "30 %".
    pub score: String,
}

/// The lanes, in the order the room works through them: to sort, R, O, A, M, occurred.
pub fn roam_lanes(program: &Program) -> Vec<RoamLane> {
    let order = [
        Roam::ToSort,
        Roam::Resolved,
        Roam::Owned,
        Roam::Accepted,
        Roam::Mitigated,
        Roam::Occurred,
    ];
    order
        .into_iter()
        .map(|roam| {
            let mut risks: Vec<&engine::Risk> = program
                .risks
                .iter()
                .filter(|r| roam_of(r) == roam)
                .collect();
            let score = |r: &engine::Risk| {
                (
                    r.probability * f64::from(r.severity.unwrap_or(0)),
                    r.probability,
                )
            };
            risks.sort_by(|a, b| {
                score(b)
                    .partial_cmp(&score(a))
                    .unwrap_or(std::cmp::Ordering::Equal)
            });
            RoamLane {
                roam,
                label: roam.label(),
                meaning: roam.meaning(),
                risks: risks
                    .into_iter()
                    .map(|r| RoamRisk {
                        id: r.id.clone(),
                        title: r.title.clone(),
                        owner: r.owner.clone(),
                        score: match r.severity {
                            Some(s) => format!("{:.0} % · severity {s}", r.probability * 100.0),
                            None => format!("{:.0} %", r.probability * 100.0),
                        },
                    })
                    .collect(),
            }
        })
        .collect()
}
