//! The file's `Resources` and `Assignments` as stated: each resource's type, units,
//! calendar and availability table, each assignment's task, resource, units, dates and
//! work contour.

use chrono::NaiveDateTime;
use roxmltree::Node;

use super::{ReadError, date_time, decimal, each, flag, number, text};

/// A `Resource`.
#[derive(Debug, Default)]
pub(crate) struct RawResource {
    pub uid: i64,
    pub name: String,
    /// 0 material, 1 work (the default), 2 cost (Project 2010 and later).
    pub kind: i64,
    /// A cost resource as Project 2007 marks one.
    pub cost: bool,
    /// A blank row of the resource sheet.
    pub null: bool,
    /// Units a day as a fraction (1 is 100%); `None` when not stated (MS Project's default
    /// is 1).
    pub max_units: Option<f64>,
    pub calendar_uid: Option<i64>,
    /// The availability table, as stated (MS Project: no units outside its rows).
    pub availability: Vec<RawAvailability>,
}

/// An `AvailabilityPeriod`: from, to (either may be "NA", open), units as a fraction.
#[derive(Debug, Default)]
pub(crate) struct RawAvailability {
    pub from: Option<NaiveDateTime>,
    pub to: Option<NaiveDateTime>,
    pub units: Option<f64>,
}

/// An `Assignment`.
#[derive(Debug, Default)]
pub(crate) struct RawAssignment {
    pub task: i64,
    /// Negative (-65535) for MS Project's placeholder of a task without a resource.
    pub resource: i64,
    /// Units a day as a fraction (1 is 100%); `None` when not stated.
    pub units: Option<f64>,
    pub start: Option<NaiveDateTime>,
    pub finish: Option<NaiveDateTime>,
    /// 0 flat, else one of MS Project's shapes (back loaded, bell, …).
    pub contour: i64,
}

pub(super) fn resource(node: Node) -> Result<RawResource, ReadError> {
    let mut resource = RawResource {
        kind: 1,
        ..RawResource::default()
    };
    let here = format!("resource UID {}", uid_text(node));
    let here = here.as_str();
    for child in node.children().filter(Node::is_element) {
        match child.tag_name().name() {
            "UID" => resource.uid = number(child, here)?.unwrap_or_default(),
            "Name" => resource.name = text(child),
            "Type" => resource.kind = number(child, here)?.unwrap_or(1),
            "IsNull" => resource.null = flag(child, here)?,
            "IsCostResource" => resource.cost = flag(child, here)?,
            "MaxUnits" => resource.max_units = optional_decimal(child, here)?,
            "CalendarUID" => resource.calendar_uid = number(child, here)?,
            "AvailabilityPeriods" => {
                resource.availability =
                    each(child, "AvailabilityPeriod", |p| availability(p, here))?;
            }
            _ => {}
        }
    }
    Ok(resource)
}

fn availability(node: Node, here: &str) -> Result<RawAvailability, ReadError> {
    let mut period = RawAvailability::default();
    for child in node.children().filter(Node::is_element) {
        match child.tag_name().name() {
            "AvailableFrom" => period.from = date_time(child, here)?,
            "AvailableTo" => period.to = date_time(child, here)?,
            "AvailableUnits" => period.units = optional_decimal(child, here)?,
            _ => {}
        }
    }
    Ok(period)
}

pub(super) fn assignment(node: Node) -> Result<RawAssignment, ReadError> {
    let mut assignment = RawAssignment::default();
    let here = format!("assignment UID {}", uid_text(node));
    let here = here.as_str();
    for child in node.children().filter(Node::is_element) {
        match child.tag_name().name() {
            "TaskUID" => assignment.task = number(child, here)?.unwrap_or(-1),
            "ResourceUID" => assignment.resource = number(child, here)?.unwrap_or(-1),
            "Units" => assignment.units = optional_decimal(child, here)?,
            "Start" => assignment.start = date_time(child, here)?,
            "Finish" => assignment.finish = date_time(child, here)?,
            "WorkContour" => assignment.contour = number(child, here)?.unwrap_or_default(),
            _ => {}
        }
    }
    Ok(assignment)
}

/// The text of an element's `UID` child, to say where a problem is.
fn uid_text(node: Node) -> String {
    node.children()
        .find(|c| c.tag_name().name() == "UID")
        .map(text)
        .unwrap_or_default()
}

/// A decimal, or `None` when the element is empty.
fn optional_decimal(node: Node, here: &str) -> Result<Option<f64>, ReadError> {
    if text(node).is_empty() {
        return Ok(None);
    }
    decimal(node, here).map(Some)
}
