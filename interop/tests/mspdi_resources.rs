//! MS Project's resources and assignments both ways: a hand-made file imported (work
//! resources with their max units, calendars and availability tables; material and cost
//! resources, assignments to summaries, of no units, twice to one task, contoured, on part
//! of a task — each reported), the construction plan's contractors, and a hand-made
//! program with resources exported in the schema's order, valid, and imported back as it
//! was.

mod mspdi_support;

use chrono::{NaiveDate, Weekday};
use engine::{Availability, Calendar, Demand, Program, Resource};
use interop::mspdi::{export_mspdi, import_mspdi};
use mspdi_support::{assert_in_order, assert_same, assert_valid, scheduled};

fn day(m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, m, d).expect("a date")
}

/// A week day of MSPDI's: day type 1–7 (Sunday–Saturday), working or not.
fn week_day(day_type: u8, working: bool) -> String {
    format!(
        "<WeekDay><DayType>{day_type}</DayType><DayWorking>{}</DayWorking></WeekDay>",
        u8::from(working)
    )
}

/// A calendar derived from the Standard calendar (UID 1).
fn derived(uid: u8, name: &str, own: &str) -> String {
    format!(
        "<Calendar><UID>{uid}</UID><Name>{name}</Name><IsBaseCalendar>0</IsBaseCalendar>\
         <BaseCalendarUID>1</BaseCalendarUID>{own}</Calendar>"
    )
}

fn resource(uid: u8, name: &str, kind: u8, rest: &str) -> String {
    format!("<Resource><UID>{uid}</UID><Name>{name}</Name><Type>{kind}</Type>{rest}</Resource>")
}

fn assignment(task: i32, resource: i32, rest: &str) -> String {
    format!(
        "<Assignment><TaskUID>{task}</TaskUID><ResourceUID>{resource}</ResourceUID>{rest}</Assignment>"
    )
}

fn task(uid: u8, name: &str, level: u8, rest: &str) -> String {
    format!(
        "<Task><UID>{uid}</UID><Name>{name}</Name><OutlineLevel>{level}</OutlineLevel>{rest}</Task>"
    )
}

fn period(from: &str, to: &str, units: &str) -> String {
    format!(
        "<AvailabilityPeriod><AvailableFrom>{from}</AvailableFrom><AvailableTo>{to}</AvailableTo>\
         <AvailableUnits>{units}</AvailableUnits></AvailabilityPeriod>"
    )
}

/// From Monday 5 January 2026, Monday to Friday. Build (a top-level summary, priority 900)
/// holds Design 5 d (priority 700), Code 3 d after it (priority 500, the default), Phase
/// (a summary task) with Test 2 d (priority 1200, out of range; MS Project's dates Mon 12 –
/// Tue 13 January), and Ship, a milestone.
///
/// Resources: SRE (2 units; its calendar: no Fridays, Wednesday 7 January off); Security
/// (half a unit; a whole one in February, by its availability table); Concrete (material)
/// and Budget (cost); Weekend crew (its calendar works only on weekends); "sre" (1.5 units,
/// a second of that name; its calendar works Saturdays too); one without a name or max
/// units, available only from Monday 12 to Friday 23 January.
fn hand_made_file() -> String {
    let calendars = [
        format!(
            "<Calendar><UID>1</UID><Name>Standard</Name><IsBaseCalendar>1</IsBaseCalendar>\
             <WeekDays>{}{}</WeekDays></Calendar>",
            week_day(1, false),
            week_day(7, false)
        ),
        derived(
            2,
            "SRE",
            &format!(
                "<WeekDays>{}</WeekDays><Exceptions><Exception><TimePeriod>\
                 <FromDate>2026-01-07T00:00:00</FromDate><ToDate>2026-01-07T23:59:00</ToDate>\
                 </TimePeriod><Name>Offsite</Name><DayWorking>0</DayWorking></Exception></Exceptions>",
                week_day(6, false)
            ),
        ),
        derived(
            3,
            "Weekend crew",
            &format!(
                "<WeekDays>{}{}{}{}{}{}{}</WeekDays>",
                week_day(1, true),
                week_day(2, false),
                week_day(3, false),
                week_day(4, false),
                week_day(5, false),
                week_day(6, false),
                week_day(7, true)
            ),
        ),
        derived(4, "Security", ""),
        derived(
            5,
            "Ops",
            &format!("<WeekDays>{}</WeekDays>", week_day(7, true)),
        ),
    ];
    let tasks = [
        task(0, "Plan", 0, "<Summary>1</Summary>"),
        task(
            1,
            "Build",
            1,
            "<Summary>1</Summary><Priority>900</Priority>",
        ),
        task(
            2,
            "Design",
            2,
            "<Priority>700</Priority><Duration>PT40H0M0S</Duration>",
        ),
        task(
            3,
            "Code",
            2,
            "<Priority>500</Priority><Duration>PT24H0M0S</Duration>\
             <PredecessorLink><PredecessorUID>2</PredecessorUID><Type>1</Type></PredecessorLink>",
        ),
        task(4, "Phase", 2, "<Summary>1</Summary>"),
        task(
            5,
            "Test",
            3,
            "<Priority>1200</Priority><Start>2026-01-12T08:00:00</Start>\
             <Finish>2026-01-13T17:00:00</Finish><Duration>PT16H0M0S</Duration>",
        ),
        task(
            6,
            "Ship",
            2,
            "<Duration>PT0H0M0S</Duration><Milestone>1</Milestone>",
        ),
    ];
    let security_table = [
        period("1984-01-01T00:00:00", "2026-01-31T17:00:00", "0.5"),
        period("2026-02-01T08:00:00", "2026-02-28T17:00:00", "1"),
        period("2026-03-01T08:00:00", "2049-12-31T23:59:00", "0.5"),
    ];
    let resources = [
        resource(0, "", 1, "<MaxUnits>1</MaxUnits>"),
        resource(
            1,
            "SRE",
            1,
            "<MaxUnits>2.00</MaxUnits><CalendarUID>2</CalendarUID>",
        ),
        resource(
            2,
            "Security",
            1,
            &format!(
                "<MaxUnits>0.50</MaxUnits><CalendarUID>4</CalendarUID>\
                 <AvailabilityPeriods>{}</AvailabilityPeriods>",
                security_table.concat()
            ),
        ),
        resource(3, "Concrete", 0, "<MaxUnits>1</MaxUnits>"),
        resource(4, "Budget", 2, ""),
        resource(5, "Weekend crew", 1, "<CalendarUID>3</CalendarUID>"),
        resource(
            6,
            "sre",
            1,
            "<MaxUnits>1.5</MaxUnits><CalendarUID>5</CalendarUID>",
        ),
        resource(
            7,
            "",
            1,
            &format!(
                "<MaxUnits>0</MaxUnits><AvailabilityPeriods>{}</AvailabilityPeriods>",
                period("2026-01-12T08:00:00", "2026-01-23T17:00:00", "1")
            ),
        ),
    ];
    let assignments = [
        assignment(2, 1, "<Units>1</Units>"),
        assignment(2, 1, "<Units>0.5</Units>"),
        assignment(2, 2, "<Units>0.25</Units>"),
        assignment(3, 2, "<Units>0</Units>"),
        assignment(3, 6, "<Units>1</Units><WorkContour>6</WorkContour>"),
        assignment(4, 1, "<Units>1</Units>"),
        assignment(5, 3, "<Units>10</Units>"),
        assignment(3, -65535, "<Units>1</Units>"),
        assignment(5, 99, "<Units>1</Units>"),
        assignment(
            5,
            7,
            "<Finish>2026-01-13T17:00:00</Finish><Start>2026-01-13T08:00:00</Start><Units>1</Units>",
        ),
        assignment(6, 5, "<Units>1</Units>"),
        assignment(1, 2, "<Units>1</Units>"),
    ];
    format!(
        "<Project xmlns=\"http://schemas.microsoft.com/project\"><Name>Resources.xml</Name>\
         <StartDate>2026-01-05T08:00:00</StartDate><MinutesPerDay>480</MinutesPerDay>\
         <CalendarUID>1</CalendarUID><Calendars>{}</Calendars><Tasks>{}</Tasks>\
         <Resources>{}</Resources><Assignments>{}</Assignments></Project>",
        calendars.concat(),
        tasks.concat(),
        resources.concat(),
        assignments.concat()
    )
}

fn demand(resource: &str, units: f64) -> Demand {
    Demand {
        resource: resource.to_owned(),
        units,
    }
}

fn available(from: NaiveDate, to: NaiveDate, capacity: f64) -> Availability {
    Availability { from, to, capacity }
}

#[test]
fn a_hand_made_file_brings_its_work_resources_and_assignments() {
    let imported = import_mspdi(&hand_made_file()).expect("imports");
    let program = &imported.program;
    let na_end = NaiveDate::from_ymd_opt(2049, 12, 31).expect("a date");
    let resource = |id: &str, name: &str, capacity: f64| Resource {
        id: id.to_owned(),
        name: name.to_owned(),
        capacity,
        ..Resource::default()
    };
    let sre = Resource {
        calendar: Some(Calendar {
            workdays: vec![Weekday::Mon, Weekday::Tue, Weekday::Wed, Weekday::Thu],
            holidays: vec![day(1, 7)],
        }),
        ..resource("R1", "SRE", 2.0)
    };
    let security = Resource {
        availability: vec![available(day(2, 1), day(2, 28), 1.0)],
        ..resource("R2", "Security", 0.5)
    };
    // Available only from 12 to 23 January: none before (from the program's start) or
    // after (to MS Project's last date).
    let unnamed = Resource {
        availability: vec![
            available(day(1, 5), day(1, 11), 0.0),
            available(day(1, 24), na_end, 0.0),
        ],
        ..resource("R7", "Resource 7", 1.0)
    };
    assert_eq!(
        program.resources,
        [
            sre,
            security,
            resource("R5", "Weekend crew", 1.0),
            resource("R6", "sre (UID 6)", 1.5),
            unnamed,
        ]
    );
    let task = |id: &str| program.tasks.iter().find(|t| t.id == id).expect("a task");
    let demands_and_priority = |id: &str| (task(id).demands.clone(), task(id).priority);
    assert_eq!(
        demands_and_priority("2"),
        (vec![demand("R1", 1.5), demand("R2", 0.25)], Some(700)),
        "Design: SRE twice, added together"
    );
    assert_eq!(
        demands_and_priority("3"),
        (vec![demand("R6", 1.0)], None),
        "Code"
    );
    assert_eq!(
        demands_and_priority("4"),
        (vec![], None),
        "Phase, a summary"
    );
    assert_eq!(
        demands_and_priority("5"),
        (vec![demand("R7", 1.0)], Some(1000)),
        "Test"
    );
    assert_eq!(
        demands_and_priority("6"),
        (vec![demand("R5", 1.0)], None),
        "Ship"
    );
    let notes: Vec<String> = imported
        .report
        .notes
        .iter()
        .map(ToString::to_string)
        .collect();
    assert_eq!(
        notes,
        [
            "UID 5 'Test': priority 1200 is not 0–1000: carried as 1000",
            "UID 1 'Build': priority 900: not carried (a top-level summary task is a workstream here)",
            "resource UID 3 'Concrete': a material resource (Planwork's resources work: units a day): not carried, nor its 1 assignment",
            "resource UID 4 'Budget': a cost resource (Planwork has no costs): not carried",
            "resource UID 5 'Weekend crew': its calendar 'Weekend crew' has no project working day: not carried (works on the project calendar)",
            "resource UID 6 'sre': another resource has this name: named 'sre (UID 6)' (a task's Resources cell picks a resource by name)",
            "resource UID 6 'sre': its calendar 'Ops' works on Sat, not project working days: not counted",
            "resource UID 7: no name: named 'Resource 7'",
            "UID 2 'Design': assigned 'SRE' (resource UID 1) twice: 1 and 0.5 units added together (1.5 a day)",
            "UID 3 'Code': assigned 'Security' (resource UID 2) with 0 units: skipped",
            "UID 3 'Code': 'sre (UID 6)' (resource UID 6) works on it in a bell: carried as the same units on each of its days",
            "UID 4 'Phase': assigned 'SRE' (resource UID 1): not carried (a summary task's work is its tasks')",
            "UID 5 'Test': assigned resource UID 99, which is not in the file: not carried",
            "UID 5 'Test': 'Resource 7' (resource UID 7) works on it from 2026-01-13 to 2026-01-13, the task from 2026-01-12 to 2026-01-13: carried as demanded on each of the task's days",
            "UID 1 'Build': assigned 'Security' (resource UID 2): not carried (a summary task's work is its tasks')",
        ]
    );
    assert_eq!(
        imported.report.summary(),
        "3 tasks, 1 milestone, 1 link; 2 summary tasks; 5 resources, 5 demands"
    );
}

/// The construction plan (tests/files/mspdi/): its 23 contractors, each of one unit a day
/// on the project calendar, by UID; UID 3 ("Finalize plans …") needs half of the general
/// contractor and of the architect, and 0.12 of the owner and of the mortgage lender. Its
/// 96th assignment is MS Project's placeholder of a task without a resource: nothing to
/// report.
#[test]
fn the_construction_plans_contractors() {
    let path = mspdi_support::files_dir().join("aspose__Residential_Construction.xml");
    let xml = std::fs::read_to_string(path).expect("the file reads");
    let imported = import_mspdi(&xml).expect("imports");
    let program = &imported.program;
    let resources: Vec<(&str, &str, f64, bool)> = program
        .resources
        .iter()
        .map(|r| {
            let plain = r.calendar.is_none() && r.availability.is_empty();
            (r.id.as_str(), r.name.as_str(), r.capacity, plain)
        })
        .collect();
    assert_eq!(resources.len(), 23);
    assert_eq!(resources[0], ("R1", "Concrete contractor", 1.0, true));
    assert_eq!(resources[22], ("R23", "Maid service", 1.0, true));
    assert!(resources.iter().all(|r| r.2 == 1.0 && r.3));
    let finalize = program.tasks.iter().find(|t| t.id == "3").expect("UID 3");
    assert_eq!(
        engine::entry::format_demands(&finalize.demands),
        "R5:0.5, R6:0.5, R7:0.12, R8:0.12"
    );
    assert!(imported.report.notes.is_empty());
    assert_eq!(imported.report.demands, 95);
}

/// Design 5 d → Code 3 d → Ready, from Monday 5 January 2026. SRE on-call: 2 a day, Monday
/// to Thursday, Wednesday 7 January off. Security review: half a unit a day, a whole one
/// from 2 to 27 February, none from 2 to 6 March. Design needs one SRE and half a reviewer
/// (priority 700), Code a quarter of an SRE (priority 1000, never moved).
fn with_resources() -> Program {
    planfile::read(
        r#"{"program": {"name": "Apollo", "start": "2026-01-05"},
            "workstreams": [{"id": "b", "name": "Build"}],
            "resources": [
              {"id": "sre", "name": "SRE on-call", "capacity": 2,
               "calendar": {"workdays": ["Mon", "Tue", "Wed", "Thu"], "holidays": ["2026-01-07"]}},
              {"id": "sec", "name": "Security & <review>", "capacity": 0.5,
               "availability": [{"from": "2026-02-02", "to": "2026-02-27", "capacity": 1},
                                {"from": "2026-03-02", "to": "2026-03-06", "capacity": 0}]}],
            "tasks": [
              {"id": "1", "name": "Design", "workstream": "b", "duration": 5, "priority": 700,
               "demands": [{"resource": "sre", "units": 1}, {"resource": "sec", "units": 0.5}]},
              {"id": "2", "name": "Code", "workstream": "b", "duration": 3, "priority": 1000,
               "demands": [{"resource": "sre", "units": 0.25}]},
              {"id": "3", "name": "Ready", "workstream": "b", "duration": 0}],
            "dependencies": [{"from": "1", "to": "2"}, {"from": "2", "to": "3"}]}"#,
    )
    .expect("the example reads")
    .program
}

#[test]
fn resources_are_written_in_the_schemas_order_and_come_back() {
    let program = with_resources();
    let schedule = scheduled(&program);
    let xml = export_mspdi(&program, &schedule);
    assert_in_order(
        &xml,
        &[
            "<Calendars>",
            "<Name>Standard</Name>",
            // SRE on-call's calendar, derived from Standard: its days and its holiday.
            "<UID>2</UID>",
            "<Name>SRE on-call</Name>",
            "<IsBaseCalendar>0</IsBaseCalendar>",
            "<BaseCalendarUID>1</BaseCalendarUID>",
            "<DayType>5</DayType>",
            "<DayWorking>1</DayWorking>",
            "<DayType>6</DayType>",
            "<DayWorking>0</DayWorking>",
            "<FromDate>2026-01-07T00:00:00</FromDate>",
            // Security's: Standard's days.
            "<UID>3</UID>",
            "<Name>Security &amp; &lt;review&gt;</Name>",
            "<IsBaseCalendar>0</IsBaseCalendar>",
            "<BaseCalendarUID>1</BaseCalendarUID>",
            "</Calendar>",
            "</Calendars>",
            "<Tasks>",
            "<Name>Design</Name>",
            "<OutlineLevel>2</OutlineLevel>",
            "<Priority>700</Priority>",
            "<Start>2026-01-05T08:00:00</Start>",
            "<Name>Code</Name>",
            "<Priority>1000</Priority>",
            "</Tasks>",
            "<Resources>",
            "<UID>1</UID>",
            "<ID>1</ID>",
            "<Name>SRE on-call</Name>",
            "<Type>1</Type>",
            "<IsNull>0</IsNull>",
            "<MaxUnits>2</MaxUnits>",
            "<CalendarUID>2</CalendarUID>",
            "<UID>2</UID>",
            "<Name>Security &amp; &lt;review&gt;</Name>",
            "<MaxUnits>0.5</MaxUnits>",
            "<CalendarUID>3</CalendarUID>",
            // Its table: half a unit until 1 February, one until 27 February, half again
            // until 1 March, none from 2 to 6 March (a gap), half from 7 March on.
            "<AvailabilityPeriods>",
            "<AvailableFrom>1984-01-01T00:00:00</AvailableFrom>",
            "<AvailableTo>2026-02-01T17:00:00</AvailableTo>",
            "<AvailableUnits>0.5</AvailableUnits>",
            "<AvailableFrom>2026-02-02T08:00:00</AvailableFrom>",
            "<AvailableTo>2026-02-27T17:00:00</AvailableTo>",
            "<AvailableUnits>1</AvailableUnits>",
            "<AvailableFrom>2026-02-28T08:00:00</AvailableFrom>",
            "<AvailableTo>2026-03-01T17:00:00</AvailableTo>",
            "<AvailableUnits>0.5</AvailableUnits>",
            "<AvailableFrom>2026-03-07T08:00:00</AvailableFrom>",
            "<AvailableTo>2049-12-31T23:59:00</AvailableTo>",
            "<AvailableUnits>0.5</AvailableUnits>",
            "</AvailabilityPeriods>",
            "</Resources>",
            "<Assignments>",
            // Design (Mon 5 – Fri 9 January): one SRE, 40 hours; half a reviewer, 20.
            "<UID>1</UID>",
            "<TaskUID>1</TaskUID>",
            "<ResourceUID>1</ResourceUID>",
            "<Finish>2026-01-09T17:00:00</Finish>",
            "<Start>2026-01-05T08:00:00</Start>",
            "<Units>1</Units>",
            "<Work>PT40H0M0S</Work>",
            "<UID>2</UID>",
            "<TaskUID>1</TaskUID>",
            "<ResourceUID>2</ResourceUID>",
            "<Units>0.5</Units>",
            "<Work>PT20H0M0S</Work>",
            // Code: a quarter of an SRE for 3 days, 6 hours.
            "<UID>3</UID>",
            "<TaskUID>2</TaskUID>",
            "<ResourceUID>1</ResourceUID>",
            "<Units>0.25</Units>",
            "<Work>PT6H0M0S</Work>",
            "</Assignments>",
            "</Project>",
        ],
    );
    assert!(
        !xml.contains("<AvailableUnits>0</AvailableUnits>"),
        "none available is a gap"
    );
    assert_valid(&xml, "a program with resources");
    let imported = import_mspdi(&xml).expect("imports");
    assert!(
        imported.report.notes.is_empty(),
        "{:?}",
        imported.report.notes
    );
    assert_eq!(
        imported.report.summary(),
        "2 tasks, 1 milestone, 2 links; 1 summary task; 2 resources, 3 demands"
    );
    let back = &imported.program;
    assert_eq!(
        back.resources[1].availability,
        [
            available(day(2, 2), day(2, 27), 1.0),
            available(day(3, 2), day(3, 6), 0.0)
        ],
        "the periods as they were"
    );
    assert_same(&program, &schedule, back, false);
}

/// Resource ids `R<n>`, as an import makes them, are kept as UIDs: importing the export of
/// an import gives the same ids.
#[test]
fn resource_ids_of_an_import_are_kept() {
    let mut program = with_resources();
    program.resources[0].id = "R14".into();
    program.resources[1].id = "R3".into();
    for task in &mut program.tasks {
        for demand in &mut task.demands {
            demand.resource = if demand.resource == "sre" {
                "R14"
            } else {
                "R3"
            }
            .into();
        }
    }
    let schedule = scheduled(&program);
    let xml = export_mspdi(&program, &schedule);
    assert_in_order(
        &xml,
        &[
            "<Resources>",
            "<UID>14</UID>",
            "<UID>3</UID>",
            "<Assignments>",
            "<ResourceUID>14</ResourceUID>",
            "<ResourceUID>3</ResourceUID>",
        ],
    );
    let back = import_mspdi(&xml).expect("imports").program;
    let ids: Vec<&str> = back.resources.iter().map(|r| r.id.as_str()).collect();
    assert_eq!(ids, ["R14", "R3"]);
    assert_same(&program, &schedule, &back, false);
}
