//! What a task needs of resources, as typed in the grid's Resources cell: a comma- or
//! semicolon-separated list of resources, each by its id or name (any case), with its units
//! a day after a colon (`Security:0.5`) or, as MS Project writes them, as a percentage in
//! brackets (`Security[50%]`); one unit when none is given. Written back by id, with the
//! units when they are not one: `sre, sec:0.5`.
//!
//! ```
//! use engine::entry::{format_demands, parse_demands};
//! use engine::Resource;
//! let pool = |id: &str, name: &str| Resource { id: id.into(), name: name.into(), capacity: 2.0, ..Resource::default() };
//! let resources = [pool("sre", "SRE on-call"), pool("sec", "Security review")];
//! let demands = parse_demands("SRE on-call, security review[50%]", &resources).unwrap();
//! assert_eq!(format_demands(&demands), "sre, sec:0.5");
//! let refused = parse_demands("DBA", &resources).unwrap_err();
//! assert_eq!(refused.to_string(), "'DBA': there is no resource 'DBA' (the resources: sre, sec)");
//! ```

use super::{EntryError, refuse};
use crate::check::resources::MAX_UNITS;
use crate::model::{Demand, Resource};

/// The demands typed in `text`, each naming one of `resources`; an empty text is none.
pub fn parse_demands(text: &str, resources: &[Resource]) -> Result<Vec<Demand>, EntryError> {
    let mut demands: Vec<Demand> = Vec::new();
    for token in text
        .split([',', ';'])
        .map(str::trim)
        .filter(|t| !t.is_empty())
    {
        let demand = parse_demand(token, resources)?;
        if demands.iter().any(|d| d.resource == demand.resource) {
            return Err(refuse(
                token,
                format!("'{}' is listed twice", demand.resource),
            ));
        }
        demands.push(demand);
    }
    Ok(demands)
}

fn parse_demand(token: &str, resources: &[Resource]) -> Result<Demand, EntryError> {
    let (name, units) = split_units(token)?;
    let known =
        |r: &&Resource| r.id.eq_ignore_ascii_case(name) || r.name.trim().eq_ignore_ascii_case(name);
    let Some(resource) = resources.iter().find(known) else {
        let listed: Vec<&str> = resources.iter().map(|r| r.id.as_str()).collect();
        let hint = if listed.is_empty() {
            "no resource yet: add them on the Setup tab".to_owned()
        } else {
            format!("the resources: {}", listed.join(", "))
        };
        return Err(refuse(
            token,
            format!("there is no resource '{name}' ({hint})"),
        ));
    };
    Ok(Demand {
        resource: resource.id.clone(),
        units,
    })
}

/// The resource's name and its units: `name:0.5`, `name[50%]`, or `name` (one unit).
fn split_units(token: &str) -> Result<(&str, f64), EntryError> {
    let not_units = || {
        refuse(
            token,
            format!(
                "the units are not a number of units a day more than 0 and at most {MAX_UNITS}, like :0.5 or [50%]"
            ),
        )
    };
    let in_range = |units: f64| units.is_finite() && units > 0.0 && units <= MAX_UNITS;
    if let Some(open) = token.rfind('[')
        && token.ends_with(']')
    {
        let percent = token[open + 1..token.len() - 1].trim();
        let percent = percent.strip_suffix('%').unwrap_or(percent).trim();
        let units = percent
            .parse::<f64>()
            .ok()
            .map(|p| p / 100.0)
            .filter(|&u| in_range(u))
            .ok_or_else(not_units)?;
        return Ok((token[..open].trim(), units));
    }
    match token.rsplit_once(':') {
        Some((name, units)) => {
            let units = units
                .trim()
                .parse::<f64>()
                .ok()
                .filter(|&u| in_range(u))
                .ok_or_else(not_units)?;
            Ok((name.trim(), units))
        }
        None => Ok((token.trim(), 1.0)),
    }
}

/// Demands written back: each resource's id, with `:units` when not one.
pub fn format_demands(demands: &[Demand]) -> String {
    demands
        .iter()
        .map(|d| {
            if d.units == 1.0 {
                d.resource.clone()
            } else {
                format!("{}:{}", d.resource, d.units)
            }
        })
        .collect::<Vec<_>>()
        .join(", ")
}
