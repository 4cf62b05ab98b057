//! The lists inside a log item, edited one entry at a time: a risk's mitigation actions
//! (text, owner, due date, done) and a decision's options with their trade-offs.
//!
//! Each function returns the edit of one user action (a risk replaced, or the logs set), or
//! a [`Refusal`] naming the field; nothing here changes the program.
//!
//! ```
//! use engine::logs::sub_items::{add_action, set_action_done};
//! use engine::edit::History;
//! use engine::{Program, Risk};
//! let mut program = Program::default();
//! program.risks.push(Risk { id: "R1".into(), title: "Vendor late".into(), ..Risk::default() });
//! let mut history = History::default();
//! let edit = add_action(&program, "R1", "Second vendor quote", "Ana", "2026-03-05").unwrap();
//! history.apply(&mut program, vec![edit]).unwrap();
//! let edit = set_action_done(&program, "R1", 0, true).unwrap();
//! history.apply(&mut program, vec![edit]).unwrap();
//! assert!(program.risks[0].actions[0].done);
//! ```

use super::edit::{Log, Refusal, position, refuse};
use super::model::{Action, DecisionOption};
use super::typing::parse_date;
use crate::edit::Edit;
use crate::model::Program;

/// Adds a mitigation action to risk `risk`: `text` (required), `owner`, `due` as
/// `2026-03-05` (empty: none).
pub fn add_action(
    program: &Program,
    risk: &str,
    text: &str,
    owner: &str,
    due: &str,
) -> Result<Edit, Refusal> {
    let index = position(program, Log::Risks, risk)?;
    let text = text.trim();
    if text.is_empty() {
        return Err(refuse("text", "say what the action is"));
    }
    let due = match due.trim() {
        "" => None,
        typed => Some(parse_date(typed).map_err(|why| refuse("due", why))?),
    };
    let mut changed = program.risks[index].clone();
    changed.actions.push(Action {
        text: text.to_owned(),
        owner: owner.trim().to_owned(),
        due,
        done: false,
    });
    Ok(Edit::ReplaceRisk {
        index,
        risk: changed,
    })
}

/// Marks action `at` of risk `risk` done or not.
pub fn set_action_done(
    program: &Program,
    risk: &str,
    at: usize,
    done: bool,
) -> Result<Edit, Refusal> {
    let index = position(program, Log::Risks, risk)?;
    let mut changed = program.risks[index].clone();
    let action = changed
        .actions
        .get_mut(at)
        .ok_or_else(|| refuse("actions", "that action is no longer there"))?;
    action.done = done;
    Ok(Edit::ReplaceRisk {
        index,
        risk: changed,
    })
}

/// Removes action `at` of risk `risk`.
pub fn remove_action(program: &Program, risk: &str, at: usize) -> Result<Edit, Refusal> {
    let index = position(program, Log::Risks, risk)?;
    let mut changed = program.risks[index].clone();
    if at >= changed.actions.len() {
        return Err(refuse("actions", "that action is no longer there"));
    }
    changed.actions.remove(at);
    Ok(Edit::ReplaceRisk {
        index,
        risk: changed,
    })
}

/// Adds an option, with its trade-offs, to decision `decision`.
pub fn add_option(
    program: &Program,
    decision: &str,
    option: &str,
    tradeoffs: &str,
) -> Result<Edit, Refusal> {
    let index = position(program, Log::Decisions, decision)?;
    let option = option.trim();
    if option.is_empty() {
        return Err(refuse("option", "say what the option is"));
    }
    let mut logs = program.logs.clone();
    logs.decisions[index].options.push(DecisionOption {
        option: option.to_owned(),
        tradeoffs: tradeoffs.trim().to_owned(),
    });
    Ok(Edit::SetLogs { logs })
}

/// Removes option `at` of decision `decision`.
pub fn remove_option(program: &Program, decision: &str, at: usize) -> Result<Edit, Refusal> {
    let index = position(program, Log::Decisions, decision)?;
    let mut logs = program.logs.clone();
    let options = &mut logs.decisions[index].options;
    if at >= options.len() {
        return Err(refuse("options", "that option is no longer there"));
    }
    options.remove(at);
    Ok(Edit::SetLogs { logs })
}

/// A number as typed (`12`, `1.5`, `1,200`), or why not.
fn number(field: &str, text: &str) -> Result<f64, Refusal> {
    text.trim()
        .replace(',', "")
        .parse::<f64>()
        .ok()
        .filter(|n| n.is_finite())
        .ok_or_else(|| refuse(field, format!("'{}' is not a number", text.trim())))
}

/// Adds a benefit to the charter (made if there is none): its metric, the value it starts
/// from and the one it should reach, by a date (`2026-03-05`, or empty). Returns its id
/// (`B1`, `B2` …) and the edit.
pub fn add_benefit(
    program: &Program,
    metric: &str,
    baseline: &str,
    target: &str,
    by: &str,
) -> Result<(String, Edit), Refusal> {
    let metric = metric.trim();
    if metric.is_empty() {
        return Err(refuse("metric", "say what is measured"));
    }
    let (baseline, target) = (number("baseline", baseline)?, number("target", target)?);
    if baseline == target {
        return Err(refuse("target", "the target must differ from the baseline"));
    }
    let by = match by.trim() {
        "" => None,
        typed => Some(parse_date(typed).map_err(|why| refuse("by", why))?),
    };
    let id = super::edit::next_benefit_id(program);
    let mut charter = program.logs.charter.clone().unwrap_or_default();
    charter.benefits.push(super::model::Benefit {
        id: id.clone(),
        metric: metric.to_owned(),
        baseline,
        target,
        by,
        ..super::model::Benefit::default()
    });
    Ok((id, super::edit::set_charter(program, Some(charter))))
}

/// Records a measured value of benefit `benefit` on `date`.
pub fn add_measurement(
    program: &Program,
    benefit: &str,
    date: &str,
    value: &str,
) -> Result<Edit, Refusal> {
    let date = parse_date(date.trim()).map_err(|why| refuse("date", why))?;
    let value = number("value", value)?;
    let mut charter = program.logs.charter.clone().unwrap_or_default();
    let found = charter
        .benefits
        .iter_mut()
        .find(|b| b.id == benefit)
        .ok_or_else(|| refuse("item", format!("benefit {benefit} no longer exists")))?;
    found
        .measured
        .push(super::model::Measurement { date, value });
    Ok(super::edit::set_charter(program, Some(charter)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edit::History;
    use crate::logs::model::Decision;

    fn program() -> Program {
        let mut program = Program::default();
        program.logs.decisions.push(Decision {
            id: "DEC1".into(),
            title: "Database".into(),
            ..Decision::default()
        });
        program
    }

    #[test]
    fn options_are_added_and_removed_and_undone() {
        let mut p = program();
        let mut history = History::default();
        let add = add_option(&p, "DEC1", "Managed", "less control, no ops").unwrap();
        history.apply(&mut p, vec![add]).unwrap();
        assert_eq!(
            p.logs.decisions[0].options[0].tradeoffs,
            "less control, no ops"
        );
        let remove = remove_option(&p, "DEC1", 0).unwrap();
        history.apply(&mut p, vec![remove]).unwrap();
        assert!(p.logs.decisions[0].options.is_empty());
        assert!(history.undo(&mut p));
        assert_eq!(p.logs.decisions[0].options.len(), 1);
    }

    #[test]
    fn a_benefit_and_its_measurements_make_the_index() {
        let mut p = program();
        let mut history = History::default();
        let (id, add) = add_benefit(&p, "Deploys a week", "2", "10", "2026-12-31").unwrap();
        assert_eq!(id, "B1");
        history.apply(&mut p, vec![add]).unwrap();
        let measured = add_measurement(&p, "B1", "2026-06-01", "6").unwrap();
        history.apply(&mut p, vec![measured]).unwrap();
        // Half way from 2 to 10.
        let charter = p.logs.charter.as_ref().unwrap();
        assert_eq!(crate::logs::figures::benefits_index(charter), Some(0.5));
        assert_eq!(
            add_benefit(&p, "x", "3", "3", "").unwrap_err().field,
            "target"
        );
        assert_eq!(
            add_measurement(&p, "B1", "2026-06-01", "lots")
                .unwrap_err()
                .field,
            "value"
        );
    }

    #[test]
    fn bad_entries_are_refused_naming_the_field() {
        let p = program();
        assert_eq!(
            add_option(&p, "DEC1", "  ", "").unwrap_err().field,
            "option"
        );
        assert_eq!(remove_option(&p, "DEC1", 3).unwrap_err().field, "options");
        assert_eq!(add_option(&p, "DEC9", "x", "").unwrap_err().field, "item");
        let mut p = p;
        p.risks.push(crate::model::Risk {
            id: "R1".into(),
            title: "Vendor".into(),
            ..crate::model::Risk::default()
        });
        assert_eq!(
            add_action(&p, "R1", "Call", "", "5 March")
                .unwrap_err()
                .field,
            "due"
        );
        assert_eq!(
            set_action_done(&p, "R1", 0, true).unwrap_err().field,
            "actions"
        );
    }
}
