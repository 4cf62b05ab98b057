//! The Setup tab's resources as edits: a resource added, renamed, given another capacity,
//! an availability period added or removed, removed with the demands on it. Each function
//! returns the edits of one user action, or why it cannot be made, naming the field.
//!
//! Does not: apply anything (the caller hands the edits to the history, whose check refuses
//! what leaves the plan invalid) or keep any state.
//!
//! ```
//! use engine::resources::{add_resource, parse_units};
//! use engine::Program;
//! let edits = add_resource(&Program::default(), "SRE on-call", "2").unwrap();
//! assert_eq!(edits.len(), 1);
//! assert_eq!(parse_units("0,5").unwrap(), 0.5);
//! assert!(parse_units("lots").is_err());
//! ```

use chrono::NaiveDate;

use crate::check::resources::MAX_UNITS;
use crate::edit::Edit;
use crate::model::{Availability, Program, Resource};
use crate::workstreams::{slug, unique_id};

/// Units a day as typed: `2`, `0.5`, `0,5` (a decimal comma), `50%`; more than 0 (or 0
/// itself when `zero` is allowed: an availability period without anyone).
pub fn parse_units_or_zero(text: &str, zero: bool) -> Result<f64, String> {
    let text = text.trim();
    let (number, scale) = match text.strip_suffix('%') {
        Some(percent) => (percent.trim(), 0.01),
        None => (text, 1.0),
    };
    let units = number
        .replace(',', ".")
        .parse::<f64>()
        .ok()
        .map(|u| u * scale)
        .filter(|u| u.is_finite() && *u <= MAX_UNITS && (*u > 0.0 || (zero && *u == 0.0)));
    units.ok_or_else(|| {
        format!(
            "'{text}' is not a number of units a day ({} to {MAX_UNITS}, like 2 or 0.5)",
            if zero { "0" } else { "more than 0" }
        )
    })
}

/// Units a day more than 0, as typed (see [`parse_units_or_zero`]).
pub fn parse_units(text: &str) -> Result<f64, String> {
    parse_units_or_zero(text, false)
}

/// A new resource named `name` offering `capacity` units a day, with an id from its name.
pub fn add_resource(program: &Program, name: &str, capacity: &str) -> Result<Vec<Edit>, String> {
    let name = resource_name(program, None, name)?;
    let capacity = parse_units(capacity).map_err(|why| format!("Capacity: {why}"))?;
    Ok(vec![Edit::InsertResource {
        index: program.resources.len(),
        resource: Resource {
            id: next_resource_id(program, &name),
            name,
            capacity,
            ..Resource::default()
        },
    }])
}

/// Renaming resource `id` (no edit if the name is the same).
pub fn rename_resource(program: &Program, id: &str, name: &str) -> Result<Vec<Edit>, String> {
    let (index, _) = resource(program, id)?;
    let name = resource_name(program, Some(index), name)?;
    replace_resource(program, id, |r| r.name = name)
}

/// Resource `id`'s capacity, as typed.
pub fn set_capacity(program: &Program, id: &str, capacity: &str) -> Result<Vec<Edit>, String> {
    let capacity = parse_units(capacity).map_err(|why| format!("Capacity: {why}"))?;
    replace_resource(program, id, |r| r.capacity = capacity)
}

/// A period from `from` to `to` (dates, both included) in which resource `id` offers
/// `capacity` units a day (0 for nobody: a shutdown).
pub fn add_availability(
    program: &Program,
    id: &str,
    from: &str,
    to: &str,
    capacity: &str,
) -> Result<Vec<Edit>, String> {
    let date = |text: &str, field: &str| {
        text.trim()
            .parse::<NaiveDate>()
            .map_err(|_| format!("{field}: '{}' is not a date like 2026-03-02", text.trim()))
    };
    let (from, to) = (date(from, "From")?, date(to, "To")?);
    if to < from {
        return Err(format!("To: {to} is before {from}"));
    }
    let capacity = parse_units_or_zero(capacity, true).map_err(|why| format!("Capacity: {why}"))?;
    replace_resource(program, id, |r| {
        r.availability.push(Availability { from, to, capacity })
    })
}

/// Resource `id` without its availability period `at`.
pub fn remove_availability(program: &Program, id: &str, at: usize) -> Result<Vec<Edit>, String> {
    let (_, found) = resource(program, id)?;
    if at >= found.availability.len() {
        return Err(format!("'{}' has no period {at}", found.name));
    }
    replace_resource(program, id, |r| {
        r.availability.remove(at);
    })
}

/// Removing resource `id`: the demands on it are taken off their tasks, in the same action.
pub fn remove_resource(program: &Program, id: &str) -> Result<Vec<Edit>, String> {
    let (index, _) = resource(program, id)?;
    let mut edits: Vec<Edit> = program
        .tasks
        .iter()
        .enumerate()
        .filter(|(_, t)| t.demands.iter().any(|d| d.resource == id))
        .map(|(t, task)| {
            let mut task = task.clone();
            task.demands.retain(|d| d.resource != id);
            Edit::ReplaceTask { index: t, task }
        })
        .collect();
    edits.push(Edit::RemoveResource { index });
    Ok(edits)
}

/// A new resource id from its name ("SRE on-call" → `sre-on-call`), then `-2`, `-3` … if
/// taken.
pub fn next_resource_id(program: &Program, name: &str) -> String {
    let taken = |id: &str| program.resources.iter().any(|r| r.id == id);
    unique_id(slug(name, "resource"), taken)
}

fn resource<'p>(program: &'p Program, id: &str) -> Result<(usize, &'p Resource), String> {
    program
        .resources
        .iter()
        .enumerate()
        .find(|(_, r)| r.id == id)
        .ok_or_else(|| format!("There is no resource '{id}'."))
}

/// `name` trimmed, if it is one no other resource has (names pick a resource in the grid).
fn resource_name(program: &Program, own: Option<usize>, name: &str) -> Result<String, String> {
    let name = name.trim();
    if name.is_empty() {
        return Err("Name: a resource needs a name.".into());
    }
    let taken = program
        .resources
        .iter()
        .enumerate()
        .any(|(i, r)| Some(i) != own && r.name.trim().eq_ignore_ascii_case(name));
    if taken {
        return Err(format!("Name: there is a resource '{name}' already."));
    }
    Ok(name.to_owned())
}

/// Resource `id` replaced with `change` made (no edit if nothing changed).
fn replace_resource(
    program: &Program,
    id: &str,
    change: impl FnOnce(&mut Resource),
) -> Result<Vec<Edit>, String> {
    let (index, found) = resource(program, id)?;
    let mut resource = found.clone();
    change(&mut resource);
    Ok(if resource == *found {
        Vec::new()
    } else {
        vec![Edit::ReplaceResource { index, resource }]
    })
}

/// Clearing the leveling: every task's leveled start taken off (as MS Project's Clear
/// Leveling), one edit per task that has one.
pub fn clear_leveling(program: &Program) -> Vec<Edit> {
    program
        .tasks
        .iter()
        .enumerate()
        .filter(|(_, t)| t.leveled_start.is_some())
        .map(|(index, task)| {
            let mut task = task.clone();
            task.leveled_start = None;
            Edit::ReplaceTask { index, task }
        })
        .collect()
}
