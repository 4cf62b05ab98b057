//! Between the tasks and the links: what each task needs of resources, from its Resources
//! cells (the grid's notation, `engine::entry::parse_demands`: `SRE, Security:0.5`,
//! `Security[50%]`) and its Assignee cell (one person, the whole cell). A name that is not
//! yet a resource (by name or id, in any case) makes one, of one unit a day, its id from
//! its name — reported once. A resource named twice for one task gets the units added
//! (reported); a part that cannot be read is a problem of its row, the rest of the cell
//! kept; a summary task's own resources are not carried (its work is its tasks').

use std::collections::HashMap;

use engine::check::resources::MAX_UNITS;
use engine::entry::parse_demands;
use engine::{Demand, Resource};

use super::convert::{Converter, Kind, cut};
use super::mapping::Field;
use super::tasks::decimal;

/// The resources made so far, found by name or id (ASCII case folded, as the grid matches
/// them).
#[derive(Default)]
pub(super) struct Pool {
    by_key: HashMap<String, usize>,
}

impl Pool {
    fn find(&self, name: &str) -> Option<usize> {
        self.by_key.get(&key(name)).copied()
    }

    fn add(&mut self, resource: &Resource, at: usize) {
        self.by_key.entry(key(&resource.id)).or_insert(at);
        self.by_key.entry(key(&resource.name)).or_insert(at);
    }
}

fn key(name: &str) -> String {
    name.trim().to_ascii_lowercase()
}

impl Converter<'_> {
    /// Each task row's demands; each summary row's resources reported as not carried.
    pub(super) fn make_demands(&mut self) {
        if !self.mapping.has(Field::Resources) && !self.mapping.has(Field::Assignee) {
            return;
        }
        let mut pool = Pool::default();
        for row in 0..self.table.len() {
            match self.kinds[row] {
                Kind::Task => self.row_demands(row, &mut pool),
                Kind::Parent => self.summary_resources(row),
                Kind::Blank | Kind::Skipped => {}
            }
        }
        self.report.resources = self.program.resources.len();
        self.report.demands = self.program.tasks.iter().map(|t| t.demands.len()).sum();
    }

    fn row_demands(&mut self, row: usize, pool: &mut Pool) {
        let Some(&task) = self.task_of_row.get(&row) else {
            return;
        };
        let mut demands: Vec<Demand> = Vec::new();
        for (column, text) in self.all(row, Field::Resources) {
            for part in text
                .split([',', ';'])
                .map(str::trim)
                .filter(|p| !p.is_empty())
            {
                match self.listed(part, pool) {
                    Ok(demand) => self.add_demand(row, &mut demands, demand),
                    Err(why) => self.problem(row, Some(column), format!("{why}; not used")),
                }
            }
        }
        if let Some((_, person)) = self.first(row, Field::Assignee) {
            let at = self.resource_named(&cut(person), pool);
            let demand = Demand {
                resource: self.program.resources[at].id.clone(),
                units: 1.0,
            };
            self.add_demand(row, &mut demands, demand);
        }
        self.program.tasks[task].demands = demands;
    }

    /// One part of a Resources cell as a demand, its resource made if it is new.
    fn listed(&mut self, part: &str, pool: &mut Pool) -> Result<Demand, String> {
        let name = cut(name_of(part));
        if name.is_empty() {
            return Err(format!("'{part}': no resource named"));
        }
        let existing = pool.find(&name);
        // The engine reads the part against the one resource it names (made up when new),
        // so the notation stays the grid's.
        let candidate = match existing {
            Some(at) => self.program.resources[at].clone(),
            None => Resource {
                id: engine::resources::next_resource_id(&self.program, &name),
                name: name.clone(),
                capacity: 1.0,
                ..Resource::default()
            },
        };
        let demand = parse_demands(part, std::slice::from_ref(&candidate))
            .map_err(|e| e.to_string())?
            .pop()
            .ok_or_else(|| format!("'{part}': no resource named"))?;
        if existing.is_none() {
            self.resource_named(&name, pool);
        }
        Ok(demand)
    }

    /// The position of the resource named `name`, made (one unit a day, reported) when
    /// there is none.
    fn resource_named(&mut self, name: &str, pool: &mut Pool) -> usize {
        if let Some(at) = pool.find(name) {
            return at;
        }
        let resource = Resource {
            id: engine::resources::next_resource_id(&self.program, name),
            name: name.to_owned(),
            capacity: 1.0,
            ..Resource::default()
        };
        self.report.note(format!(
            "resource '{}' created with 1 unit a day",
            resource.name
        ));
        let at = self.program.resources.len();
        pool.add(&resource, at);
        self.program.resources.push(resource);
        at
    }

    /// `demand` added to a row's `demands`: its units added to an earlier one on the same
    /// resource (reported).
    fn add_demand(&mut self, row: usize, demands: &mut Vec<Demand>, demand: Demand) {
        let Some(earlier) = demands.iter_mut().find(|d| d.resource == demand.resource) else {
            demands.push(demand);
            return;
        };
        let before = earlier.units;
        earlier.units = (before + demand.units).min(MAX_UNITS);
        let total = earlier.units;
        self.note_row(
            row,
            format!(
                "resource '{}' named twice: {} and {} units added together ({} a day)",
                demand.resource,
                decimal(before),
                decimal(demand.units),
                decimal(total)
            ),
        );
    }

    /// Reports a summary row's own resources: its work is its tasks'.
    fn summary_resources(&mut self, row: usize) {
        let own: Vec<String> = [Field::Resources, Field::Assignee]
            .into_iter()
            .flat_map(|field| self.all(row, field))
            .map(|(column, text)| format!("{} '{text}'", self.table.label(column)))
            .collect();
        if !own.is_empty() {
            self.note_row(
                row,
                format!(
                    "a summary task's own {} not carried: its work is its tasks'",
                    own.join(", ")
                ),
            );
        }
    }
}

/// The resource's name in one part of a Resources cell: before MS Project's `[50%]` or the
/// grid's `:0.5` (the units are read by the engine).
fn name_of(part: &str) -> &str {
    if let Some(open) = part.rfind('[')
        && part.ends_with(']')
    {
        return part[..open].trim();
    }
    part.rsplit_once(':').map_or(part, |(name, _)| name).trim()
}
