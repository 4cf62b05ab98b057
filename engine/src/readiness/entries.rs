//! Entries typed into a go/no-go record and a post-launch review: each area's recommendation
//! (`quality: go`, `security: conditional — pen test retest on Friday`, one a line) and an
//! outcome against a success metric.
//!
//! ```
//! use engine::readiness::entries::parse_recommendations;
//! let typed = "quality: go\nsecurity: conditional — retest on Friday";
//! let recommendations = parse_recommendations(typed).unwrap();
//! assert_eq!(recommendations[1].note, "retest on Friday");
//! assert!(parse_recommendations("marketing: go").unwrap_err().contains("marketing"));
//! ```

use super::edit::{refuse, set_review};
use super::model::{Area, AreaRecommendation, MetricOutcome, Recommendation, Review};
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
}
