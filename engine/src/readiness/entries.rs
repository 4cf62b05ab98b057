//! Entries typed into a go/no-go record and a post-launch review — each area's
//! recommendation (`quality: go`, `security: conditional — pen test retest on Friday`, one a
//! line), an outcome against a success metric — and a checklist turned into a template and
//! back.
//!
//! ```
//! use engine::readiness::entries::parse_recommendations;
//! let typed = "quality: go\nsecurity: conditional — retest on Friday";
//! let recommendations = parse_recommendations(typed).unwrap();
//! assert_eq!(recommendations[1].note, "retest on Friday");
//! assert!(parse_recommendations("marketing: go").unwrap_err().contains("marketing"));
//! ```

use super::edit::{refuse, set_review};
use super::model::{
    Area, AreaRecommendation, MetricOutcome, Recommendation, Review, Template, TemplateItem,
};
use crate::edit::Edit;
use crate::logs::edit::Refusal;
use crate::model::Program;

/// Each line `area: go|no go|conditional [— note]` as a recommendation; the first line that
/// cannot be read says why.
pub fn parse_recommendations(text: &str) -> Result<Vec<AreaRecommendation>, String> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(recommendation)
        .collect()
}

fn recommendation(line: &str) -> Result<AreaRecommendation, String> {
    let (area, rest) = line
        .split_once(':')
        .ok_or_else(|| format!("'{line}': write it as area: go, no go or conditional"))?;
    let wanted = area.trim().to_lowercase();
    let area = Area::ALL
        .into_iter()
        .find(|a| a.name() == wanted)
        .ok_or_else(|| {
            let names: Vec<&str> = Area::ALL.iter().map(|a| a.name()).collect();
            format!("'{}' is not an area ({})", area.trim(), names.join(", "))
        })?;
    // The note after a dash with spaces round it (`no-go` keeps its own dash).
    let (said, note) = rest
        .split_once(" — ")
        .or_else(|| rest.split_once(" - "))
        .map_or((rest, ""), |(said, note)| (said, note.trim()));
    let recommendation = match said.trim().to_lowercase().replace(['_', '-'], " ").as_str() {
        "go" => Recommendation::Go,
        "no go" | "nogo" => Recommendation::NoGo,
        "conditional" | "conditional go" => Recommendation::Conditional,
        other => return Err(format!("'{other}': go, no go or conditional")),
    };
    Ok(AreaRecommendation {
        area,
        recommendation,
        note: note.to_owned(),
    })
}

/// Adds an outcome to `milestone`'s review (made if it has none): a metric (one of the
/// charter's success metrics, or typed), its target and the actual result.
pub fn add_outcome(
    program: &Program,
    milestone: &str,
    metric: &str,
    target: &str,
    actual: &str,
) -> Result<Edit, Refusal> {
    if metric.trim().is_empty() {
        return Err(refuse("metric", "say which metric"));
    }
    let mut review = program
        .readiness
        .review(milestone)
        .cloned()
        .unwrap_or(Review {
            milestone: milestone.to_owned(),
            ..Review::default()
        });
    review.outcomes.push(MetricOutcome {
        metric: metric.trim().to_owned(),
        target: target.trim().to_owned(),
        actual: actual.trim().to_owned(),
        ..MetricOutcome::default()
    });
    set_review(program, review)
}

/// `milestone`'s checklist as a template named `name`: its items without their status,
/// evidence kept as a hint, waivers left out — for the team's next release.
pub fn template_of(program: &Program, milestone: &str, name: &str) -> Result<Template, Refusal> {
    let name = name.trim();
    if name.is_empty() {
        return Err(refuse("name", "a template needs a name"));
    }
    let checklist = program
        .readiness
        .checklist(milestone)
        .ok_or_else(|| refuse("checklist", format!("{milestone} has no checklist")))?;
    Ok(Template {
        name: name.to_owned(),
        items: checklist
            .items
            .iter()
            .map(|i| TemplateItem {
                id: i.id.clone(),
                area: i.area,
                title: i.title.clone(),
                owner: i.owner.clone(),
                due_before: i.due_before,
                evidence: i.evidence.clone(),
                gate: i.gate,
            })
            .collect(),
    })
}

/// The edits that make `milestone`'s checklist from `template` (one kept outside the
/// program, in the browser): the template copied into the program's own (so that the file
/// says where its checklist came from, and travels whole), then the checklist; one action.
pub fn checklist_from(
    program: &Program,
    milestone: &str,
    template: &Template,
) -> Result<Vec<Edit>, Refusal> {
    let mut readiness = program.readiness.clone();
    match readiness
        .templates
        .iter_mut()
        .find(|t| t.name == template.name)
    {
        Some(own) => *own = template.clone(),
        None => readiness.templates.push(template.clone()),
    }
    let copied = super::edit::set(readiness);
    let mut after = program.clone();
    crate::edit::History::default()
        .apply(&mut after, vec![copied.clone()])
        .map_err(|d| refuse("template", d.to_string()))?;
    let made = super::edit::checklist_from_template(&after, milestone, &template.name)?;
    Ok(vec![copied, made])
}

/// The runbook's time zone as a name (`Europe/Berlin`, kept as text: the times are the
/// runbook's own, nothing is converted) or its go-live moment T0 (`2027-05-27 22:00`;
/// empty: the first checkpoint's start). Fields `time_zone` and `t0`.
pub fn set_runbook_field(
    program: &Program,
    milestone: &str,
    field: &str,
    text: &str,
) -> Result<Edit, Refusal> {
    let r = super::edit::runbook_index(program, milestone)?;
    let mut readiness = program.readiness.clone();
    let book = &mut readiness.runbooks[r];
    match field {
        "time_zone" => book.time_zone = text.trim().to_owned(),
        "t0" if text.trim().is_empty() => book.t0 = None,
        "t0" => {
            let moment = super::model::Moment::parse(text.trim()).ok_or_else(|| {
                refuse(
                    field,
                    format!(
                        "'{}' is not a date and time like 2027-05-27 22:00",
                        text.trim()
                    ),
                )
            })?;
            book.t0 = Some(moment);
        }
        _ => return Err(refuse(field, format!("a runbook has no field '{field}'"))),
    }
    Ok(super::edit::set(readiness))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_area_and_word_is_read() {
        let read = parse_recommendations("Rollback: no go - rehearsal failed\nlegal: GO").unwrap();
        assert_eq!(read[0].area, Area::Rollback);
        assert_eq!(read[0].recommendation, Recommendation::NoGo);
        assert_eq!(read[0].note, "rehearsal failed");
        assert_eq!(read[1].recommendation, Recommendation::Go);
        let no_go = parse_recommendations("security: no-go — pen test open").unwrap();
        assert_eq!(
            (no_go[0].recommendation, no_go[0].note.as_str()),
            (Recommendation::NoGo, "pen test open")
        );
        assert!(parse_recommendations("quality go").is_err());
        assert!(
            parse_recommendations("quality: maybe")
                .unwrap_err()
                .contains("maybe")
        );
    }

    #[test]
    fn a_checklist_becomes_a_template_and_a_checklist_again() {
        let json = r#"{"program": {"name": "P", "start": "2027-01-04"},
          "workstreams": [{"id": "w", "name": "W"}],
          "tasks": [{"id": "ga", "name": "GA", "workstream": "w", "duration": 0, "milestone": true},
                    {"id": "ga2", "name": "GA 2", "workstream": "w", "duration": 0, "milestone": true}]}"#;
        let mut program: Program = serde_json::from_str(json).unwrap();
        let mut history = crate::edit::History::default();
        let made =
            super::super::edit::checklist_from_template(&program, "ga", "data migration").unwrap();
        history.apply(&mut program, vec![made]).unwrap();
        let ours = template_of(&program, "ga", "Our migration").unwrap();
        assert_eq!(
            ours.items.len(),
            program.readiness.checklists[0].items.len()
        );
        let edits = checklist_from(&program, "ga2", &ours).unwrap();
        history.apply(&mut program, edits).unwrap();
        let second = program.readiness.checklist("ga2").unwrap();
        assert_eq!(second.template, "Our migration");
        assert_eq!(second.items.len(), ours.items.len());
        assert_eq!(program.readiness.templates[0].name, "Our migration");
        // One action: one undo takes both the checklist and the copied template.
        assert!(history.undo(&mut program));
        assert!(program.readiness.checklist("ga2").is_none());
        assert!(program.readiness.templates.is_empty());
        assert_eq!(
            template_of(&program, "ga2", "x").unwrap_err().field,
            "checklist"
        );
    }
}
