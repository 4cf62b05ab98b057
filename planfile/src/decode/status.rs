//! The status book read from the file: `status` with its rules, draft and issued packs,
//! each decoded with its path (`status.packs[2].facts.milestones[0].finish`). The fields
//! this version does not know are kept at `status`, `status/rules`, `status/draft` and each
//! pack (`status/packs/SP3`); deeper inside a pack (a record written once and never edited)
//! they are not. The engine checks the rest (reasons, ids, thresholds).

use super::Decoder;
use crate::raw::{Fields, field, kind, object};
use engine::status::Status;
use engine::status::model::{Draft, Pack, Rules};
use serde::de::DeserializeOwned;
use serde_json::value::RawValue;

pub(super) const STATUS_FIELDS: &[&str] = &["rules", "draft", "packs"];
pub(crate) const RULES_FIELDS: &[&str] = &[
    "schedule",
    "risk",
    "dependencies",
    "decisions",
    "readiness",
    "scope",
    "health",
    "targets",
];
pub(crate) const DRAFT_FIELDS: &[&str] = &["status_date", "narrative", "overrides"];
pub(crate) const PACK_FIELDS: &[&str] = &[
    "id",
    "status_date",
    "issued_on",
    "narrative",
    "overrides",
    "assessment",
    "changes",
    "facts",
];

impl Decoder {
    /// The file's `status`, or an empty one (also when it has a problem, which is recorded).
    pub(super) fn status(&mut self, raw: Option<&RawValue>) -> Status {
        let Some(raw) = raw else {
            return Status::default();
        };
        let Some(fields) = object(raw) else {
            let problem = format!("expected an object (the status book), found {}", kind(raw));
            self.problem("status".into(), problem);
            return Status::default();
        };
        self.keep("status", || "status".into(), &fields, STATUS_FIELDS);
        Status {
            rules: self.status_part::<Rules>(&fields, "rules", RULES_FIELDS),
            draft: self.status_part::<Draft>(&fields, "draft", DRAFT_FIELDS),
            packs: self.items(
                "status.packs",
                field(&fields, "packs"),
                |d, at, pack: &Pack, f| {
                    d.keep(at, || format!("status/packs/{}", pack.id), f, PACK_FIELDS);
                },
            ),
        }
    }

    /// The object `status.KEY`, its unknown fields kept as `status/KEY`.
    fn status_part<T: DeserializeOwned + Default>(
        &mut self,
        fields: &Fields<'_>,
        key: &str,
        known: &[&str],
    ) -> T {
        let Some(raw) = field(fields, key) else {
            return T::default();
        };
        let at = format!("status.{key}");
        let value = self.value::<T>(&at, raw).unwrap_or_default();
        if let Some(part_fields) = object(raw) {
            self.keep(&at, || format!("status/{key}"), &part_fields, known);
        }
        value
    }
}
