//! The readiness views' model: a milestone's checklist and runbook as tables of typed cells
//! ([`table`]), their summary lines ([`summary`]) and the whole readiness of a milestone as
//! Markdown for a wiki or an email ([`markdown`]).
//!
//! Everything is computed on a status date passed in (never the clock), from the program
//! and its schedule; the figures themselves are `engine::readiness`.

pub mod markdown;
pub mod summary;
pub mod table;
pub mod templates_file;

/// The name of milestone `id` (its id when there is no such task).
pub(crate) fn milestone_name<'p>(program: &'p engine::Program, id: &'p str) -> &'p str {
    program
        .tasks
        .iter()
        .find(|t| t.id == id)
        .map_or(id, |t| t.name.as_str())
}
