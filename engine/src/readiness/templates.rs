//! The built-in readiness templates: `software release`, `data migration` and
//! `infrastructure change`, each a list of realistic items with their area, gate and due
//! date (working days before the milestone). A program's own templates are in
//! [`super::model::Readiness::templates`]; [`find`] looks in both, the program's first.

use super::model::{Area, Gate, Template, TemplateItem};
use crate::model::Program;

/// The names of the built-in templates.
pub const BUILT_IN: [&str; 3] = [
    "software release",
    "data migration",
    "infrastructure change",
];

/// One item as written below: area, gate, due before, title, evidence wanted.
type Row = (Area, Gate, i64, &'static str, &'static str);

use Area::*;
use Gate::{Advisory, Hard};

const SOFTWARE_RELEASE: &[Row] = &[
    (
        Quality,
        Hard,
        5,
        "Regression suite passes on the release candidate",
        "CI run of the release candidate",
    ),
    (
        Quality,
        Hard,
        3,
        "No open severity 1 or 2 defects",
        "Defect query, zero results",
    ),
    (
        Quality,
        Advisory,
        5,
        "User acceptance testing signed off",
        "UAT sign-off from the product owner",
    ),
    (
        Security,
        Hard,
        10,
        "Security review and penetration test findings closed",
        "Security sign-off",
    ),
    (
        Security,
        Advisory,
        5,
        "Dependencies scanned, no known critical vulnerability",
        "Scan report",
    ),
    (
        Performance,
        Hard,
        5,
        "Load test at 2x peak within latency targets",
        "Load test report",
    ),
    (
        Operations,
        Hard,
        3,
        "Dashboards and alerts in place for the new service",
        "Links to dashboards and alert rules",
    ),
    (
        Operations,
        Hard,
        2,
        "On-call rota staffed for launch week",
        "On-call schedule",
    ),
    (
        Support,
        Advisory,
        5,
        "Support team trained, knowledge base articles published",
        "Training attendance, article links",
    ),
    (
        Communications,
        Advisory,
        2,
        "Release notes and customer announcement approved",
        "Approved draft",
    ),
    (
        Legal,
        Advisory,
        10,
        "Privacy and terms reviewed for the new features",
        "Legal review note",
    ),
    (
        Rollback,
        Hard,
        3,
        "Rollback plan written and rehearsed in staging",
        "Rehearsal record",
    ),
];

const DATA_MIGRATION: &[Row] = &[
    (
        Quality,
        Hard,
        10,
        "Full dry run completed on a production copy",
        "Dry run report",
    ),
    (
        Quality,
        Hard,
        5,
        "Record counts and checksums reconcile after the dry run",
        "Reconciliation report",
    ),
    (
        Quality,
        Advisory,
        5,
        "Business owners validated sample records",
        "Sign-off by data owners",
    ),
    (
        Security,
        Hard,
        10,
        "Data classification and access rights carried over",
        "Access review",
    ),
    (
        Performance,
        Hard,
        5,
        "Migration fits the cutover window with 30% margin",
        "Timed dry run",
    ),
    (
        Operations,
        Hard,
        3,
        "Backups of the source taken and restore tested",
        "Restore test record",
    ),
    (
        Operations,
        Advisory,
        2,
        "Source system freeze agreed and scheduled",
        "Freeze notice",
    ),
    (
        Support,
        Advisory,
        3,
        "Support briefed on known data differences",
        "Briefing notes",
    ),
    (
        Communications,
        Hard,
        5,
        "Users told of the downtime window",
        "Announcement sent",
    ),
    (
        Legal,
        Advisory,
        10,
        "Retention and residency requirements met",
        "Compliance note",
    ),
    (
        Rollback,
        Hard,
        3,
        "Point of no return defined, rollback to the source rehearsed",
        "Rehearsal record",
    ),
];

const INFRASTRUCTURE_CHANGE: &[Row] = &[
    (
        Quality,
        Hard,
        5,
        "Change tested in a production-like environment",
        "Test evidence",
    ),
    (
        Security,
        Hard,
        5,
        "Firewall and access changes reviewed",
        "Security approval",
    ),
    (
        Performance,
        Advisory,
        5,
        "Capacity checked for peak plus growth",
        "Capacity plan",
    ),
    (
        Operations,
        Hard,
        3,
        "Change approved by the change advisory board",
        "CAB record",
    ),
    (
        Operations,
        Hard,
        2,
        "Monitoring covers the changed components",
        "Alert rules",
    ),
    (
        Operations,
        Advisory,
        1,
        "Maintenance window booked",
        "Calendar entry",
    ),
    (
        Support,
        Advisory,
        2,
        "Service desk told of the window and symptoms to expect",
        "Notice",
    ),
    (
        Communications,
        Advisory,
        2,
        "Affected teams and customers notified",
        "Notice sent",
    ),
    (
        Rollback,
        Hard,
        2,
        "Backout steps written and timed",
        "Backout plan",
    ),
];

/// A built-in template by name, if there is one.
///
/// ```
/// use engine::readiness::templates::built_in;
/// let release = built_in("software release").unwrap();
/// assert_eq!(release.items.len(), 12);
/// assert_eq!(release.items[0].id, "RC1");
/// ```
pub fn built_in(name: &str) -> Option<Template> {
    let rows = match name {
        "software release" => SOFTWARE_RELEASE,
        "data migration" => DATA_MIGRATION,
        "infrastructure change" => INFRASTRUCTURE_CHANGE,
        _ => return None,
    };
    let items = rows
        .iter()
        .enumerate()
        .map(|(i, &(area, gate, due, title, evidence))| TemplateItem {
            id: format!("RC{}", i + 1),
            area,
            title: title.to_owned(),
            owner: String::new(),
            due_before: Some(due),
            evidence: evidence.to_owned(),
            gate,
        })
        .collect();
    Some(Template {
        name: name.to_owned(),
        items,
    })
}

/// Template `name`: the program's own first, else a built-in one.
pub fn find(program: &Program, name: &str) -> Option<Template> {
    program
        .readiness
        .templates
        .iter()
        .find(|t| t.name == name)
        .cloned()
        .or_else(|| built_in(name))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_built_in_template_has_eight_to_fifteen_items_and_hard_gates() {
        for name in BUILT_IN {
            let template = built_in(name).unwrap();
            assert!((8..=15).contains(&template.items.len()), "{name}");
            assert!(template.items.iter().any(|i| i.gate == Gate::Hard));
            assert!(template.items.iter().any(|i| i.area == Area::Rollback));
        }
        assert!(built_in("nothing").is_none());
    }
}
