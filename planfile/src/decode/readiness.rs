//! Readiness read from the file: `readiness` decoded part by part (a problem names its path,
//! e.g. `readiness.checklists[0].items[2].status`), the fields this version does not know
//! kept under the part they are in (`readiness`, `readiness/checklists/0`,
//! `readiness/checklists/0/items/RC3`, `readiness/runbooks/0/steps/S2` …). The engine
//! checks the rest (milestones, gates, steps).

use super::{Decoder, Item};
use crate::raw::{Fields, field, kind, list, object};
use engine::Readiness;
use engine::readiness::model::{Checklist, GoNoGo, Review, Runbook, Template};
use serde_json::value::RawValue;

pub(crate) const READINESS_FIELDS: &[&str] =
    &["checklists", "templates", "go_no_go", "runbooks", "reviews"];

/// Each part of readiness and its fields.
pub(crate) const READINESS_PART_FIELDS: &[(&str, &[&str])] = &[
    ("checklists", &["milestone", "template", "items"]),
    ("templates", &["name", "items"]),
    (
        "go_no_go",
        &[
            "milestone",
            "date",
            "attendees",
            "recommendations",
            "outcome",
            "risk_acceptances",
            "next_review",
            "conditions",
        ],
    ),
    ("runbooks", &["milestone", "time_zone", "t0", "steps"]),
    (
        "reviews",
        &[
            "milestone",
            "date",
            "outcomes",
            "incidents",
            "went_well",
            "went_badly",
            "actions",
        ],
    ),
];

/// The items inside a part, with an id: the part's key, the list's key and their fields.
pub(crate) const READINESS_ITEM_FIELDS: &[(&str, &str, &[&str])] = &[
    (
        "checklists",
        "items",
        &[
            "id",
            "area",
            "title",
            "owner",
            "due_before",
            "evidence",
            "status",
            "gate",
            "waiver",
        ],
    ),
    (
        "templates",
        "items",
        &[
            "id",
            "area",
            "title",
            "owner",
            "due_before",
            "evidence",
            "gate",
        ],
    ),
    (
        "runbooks",
        "steps",
        &[
            "id",
            "title",
            "owner",
            "planned_start",
            "duration_minutes",
            "after",
            "checkpoint",
            "rollback",
            "communication",
            "actual_start",
            "actual_finish",
            "done",
        ],
    ),
];

impl Decoder {
    /// The file's `readiness`, or none (also when it has a problem, which is recorded).
    pub(super) fn readiness(&mut self, raw: Option<&RawValue>) -> Readiness {
        let Some(raw) = raw else {
            return Readiness::default();
        };
        let Some(fields) = object(raw) else {
            let problem = format!("expected an object of readiness, found {}", kind(raw));
            self.problem("readiness".into(), problem);
            return Readiness::default();
        };
        self.keep(
            "readiness",
            || "readiness".into(),
            &fields,
            READINESS_FIELDS,
        );
        Readiness {
            checklists: self.part::<Checklist>(&fields, "checklists"),
            templates: self.part::<Template>(&fields, "templates"),
            go_no_go: self.part::<GoNoGo>(&fields, "go_no_go"),
            runbooks: self.part::<Runbook>(&fields, "runbooks"),
            reviews: self.part::<Review>(&fields, "reviews"),
        }
    }

    /// The elements of part `key`, each one's unknown fields kept as `readiness/KEY/N`, its
    /// items' as `readiness/KEY/N/LIST/ID`.
    fn part<T: Item>(&mut self, fields: &Fields<'_>, key: &str) -> Vec<T> {
        let known = READINESS_PART_FIELDS
            .iter()
            .find(|(k, _)| *k == key)
            .map_or(&[][..], |(_, known)| *known);
        let mut n = 0;
        self.items(
            &format!("readiness.{key}"),
            field(fields, key),
            |d, at, _: &T, part_fields| {
                let name = format!("readiness/{key}/{n}");
                n += 1;
                d.keep(at, || name.clone(), part_fields, known);
                d.keep_items(at, &name, key, part_fields);
            },
        )
    }

    /// The unknown fields of the items in a part's list (a checklist's items, a runbook's
    /// steps), under `NAME/LIST/ID`.
    fn keep_items(&mut self, at: &str, name: &str, key: &str, fields: &Fields<'_>) {
        let Some((_, list_key, known)) = READINESS_ITEM_FIELDS.iter().find(|(k, ..)| *k == key)
        else {
            return;
        };
        let Some(elements) = field(fields, list_key).and_then(list) else {
            return;
        };
        for (i, element) in elements.into_iter().enumerate() {
            let Some(item_fields) = object(element) else {
                continue;
            };
            let id = field(&item_fields, "id")
                .and_then(|raw| serde_json::from_str::<String>(raw.get()).ok())
                .unwrap_or_default();
            let item_name = format!("{name}/{list_key}/{id}");
            let item_at = format!("{at}.{list_key}[{i}]");
            self.keep(&item_at, || item_name, &item_fields, known);
        }
    }
}
