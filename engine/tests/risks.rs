//! Editing the forecast's risks as typed: percents, impact ranges, tasks, new ids; each
//! refusal names the field and changes nothing; each edit undoes exactly.

mod common;
use common::*;
use engine::edit::History;
use engine::forecast::{Settings, forecast, uncertainty};
use engine::risks::{
    RiskField, add_risk, add_task, format_impact, format_percent, next_risk_id, parse_impact,
    parse_percent, remove_risk, remove_task, set_impact, set_probability, set_title,
};
use engine::{Impact, LinkType::FS, Program, Risk, check};

fn plan() -> Program {
    let mut p = program(
        &[("A", 5), ("B", 3), ("M", 0)],
        &[("A", "B", FS, 0), ("B", "M", FS, 0)],
    );
    task_mut(&mut p, "A").name = "Landing zone design".into();
    p
}

fn risk(id: &str) -> Risk {
    Risk {
        id: id.into(),
        title: format!("Risk {id}"),
        probability: 0.5,
        impact: Impact { min: 2, max: 4 },
        tasks: vec!["A".into()],
        ..Default::default()
    }
}

#[test]
fn percents_read_as_shares_and_back() {
    assert_eq!(parse_percent("30"), Ok(0.3));
    assert_eq!(parse_percent(" 30 % "), Ok(0.3));
    assert_eq!(parse_percent("12.5%"), Ok(0.125));
    assert_eq!(parse_percent("0"), Ok(0.0));
    assert_eq!(parse_percent("100%"), Ok(1.0));
    assert_eq!(parse_percent("1"), Ok(0.01));
    assert_eq!(parse_percent("0.5%"), Ok(0.005));
    for bad in [
        "", "%", "abc", "101", "-5", "−5%", "1e2", "NaN", "inf", "3.4.5",
    ] {
        assert!(parse_percent(bad).is_err(), "{bad:?} is refused");
    }
    let out_of_range = parse_percent("150%").unwrap_err();
    assert_eq!(out_of_range.message, "a probability is 0% to 100%");
    let ambiguous = parse_percent("0.3").unwrap_err();
    assert!(ambiguous.message.contains("30%"), "{}", ambiguous.message);
    assert_eq!(format_percent(0.3), "30%");
    assert_eq!(format_percent(0.125), "12.5%");
    assert_eq!(format_percent(1.0 / 3.0), "33.3%");
    assert_eq!(format_percent(0.0), "0%");
}

#[test]
fn impact_ranges_read_in_working_days() {
    let range = |min, max| Impact { min, max };
    assert_eq!(parse_impact("5-15"), Ok(range(5, 15)));
    assert_eq!(parse_impact("5 – 15"), Ok(range(5, 15)));
    assert_eq!(parse_impact("5..15"), Ok(range(5, 15)));
    assert_eq!(parse_impact("5 to 15"), Ok(range(5, 15)));
    assert_eq!(parse_impact("1w-3w"), Ok(range(5, 15)));
    assert_eq!(parse_impact("10d"), Ok(range(10, 10)));
    assert_eq!(parse_impact("0-0"), Ok(range(0, 0)));
    let reversed = parse_impact("15-5").unwrap_err();
    assert!(
        reversed
            .message
            .contains("the least (15) is more than the most (5)"),
        "{}",
        reversed.message
    );
    for bad in ["", "-5", "5-", "5-10-15", "a-b", "5--10"] {
        assert!(parse_impact(bad).is_err(), "{bad:?} is refused");
    }
    assert_eq!(format_impact(range(5, 15)), "5–15");
    assert_eq!(format_impact(range(10, 10)), "10");
    // What is written reads back.
    assert_eq!(parse_impact(&format_impact(range(3, 8))), Ok(range(3, 8)));
}

#[test]
fn new_ids_are_readable_and_never_clash() {
    let mut p = plan();
    assert_eq!(next_risk_id(&p), "R1");
    p.risks = vec![risk("R1"), risk("R4"), risk("vendor")];
    assert_eq!(next_risk_id(&p), "R5");
    p.risks = vec![risk("R2"), risk("R007"), risk("R8")];
    assert_eq!(next_risk_id(&p), "R9");
    p.risks = vec![risk("R1"), risk("R02")];
    assert_eq!(next_risk_id(&p), "R3");
}

#[test]
fn a_risk_is_added_edited_and_removed_each_one_undoable_step() {
    let mut p = plan();
    let original = p.clone();
    let mut history = History::default();
    let edits = add_risk(&p, "  Vendor late ", "30%", "5-10").unwrap();
    history.apply(&mut p, edits).unwrap();
    assert_eq!(
        p.risks,
        vec![Risk {
            id: "R1".into(),
            title: "Vendor late".into(),
            probability: 0.3,
            impact: Impact { min: 5, max: 10 },
            tasks: vec![],
            ..Default::default()
        }]
    );
    let e = add_task(&p, "R1", "A").unwrap();
    history.apply(&mut p, e).unwrap();
    let e = add_task(&p, "R1", "B").unwrap();
    history.apply(&mut p, e).unwrap();
    let e = set_title(&p, "R1", "Vendor delivers late").unwrap();
    history.apply(&mut p, e).unwrap();
    let e = set_probability(&p, "R1", "45").unwrap();
    history.apply(&mut p, e).unwrap();
    let e = set_impact(&p, "R1", "2w").unwrap();
    history.apply(&mut p, e).unwrap();
    let e = remove_task(&p, "R1", "A").unwrap();
    history.apply(&mut p, e).unwrap();
    let r = &p.risks[0];
    assert_eq!(
        (r.title.as_str(), r.probability, r.impact, r.tasks.clone()),
        (
            "Vendor delivers late",
            0.45,
            Impact { min: 10, max: 10 },
            vec!["B".to_owned()]
        )
    );
    // Retyping what is there is no edit (no empty undo step).
    assert_eq!(set_probability(&p, "R1", "45%"), Ok(vec![]));
    assert_eq!(set_title(&p, "R1", " Vendor delivers late "), Ok(vec![]));
    // A second risk gets the next id; removing the first keeps it.
    let e = add_risk(&p, "Second", "10", "1").unwrap();
    history.apply(&mut p, e).unwrap();
    let e = remove_risk(&p, "R1").unwrap();
    history.apply(&mut p, e).unwrap();
    assert_eq!(
        p.risks.iter().map(|r| r.id.as_str()).collect::<Vec<_>>(),
        ["R2"]
    );
    // Every step undoes, back to the plan without risks.
    while history.undo(&mut p) {}
    assert_eq!(p, original);
}

#[test]
fn refusals_name_the_field_and_say_why() {
    let mut p = plan();
    p.risks = vec![risk("R1")];
    let field = |r: Result<_, engine::risks::Refusal>| r.unwrap_err().field;
    assert_eq!(field(add_risk(&p, " ", "30", "5")), RiskField::Title);
    assert_eq!(field(add_risk(&p, "X", "130", "5")), RiskField::Probability);
    assert_eq!(field(add_risk(&p, "X", "30", "9-3")), RiskField::Impact);
    assert_eq!(field(set_title(&p, "R1", "")), RiskField::Title);
    assert_eq!(
        field(set_probability(&p, "R1", "-1")),
        RiskField::Probability
    );
    assert_eq!(field(set_impact(&p, "R1", "9-3")), RiskField::Impact);
    let unknown = add_task(&p, "R1", "ZZ").unwrap_err();
    assert_eq!(unknown.field, RiskField::Tasks);
    assert_eq!(unknown.message, "there is no task 'ZZ' in the plan");
    let twice = add_task(&p, "R1", "A").unwrap_err();
    assert_eq!(twice.message, "it already delays 'Landing zone design'");
    assert_eq!(field(remove_task(&p, "R1", "B")), RiskField::Tasks);
    assert_eq!(field(remove_risk(&p, "R9")), RiskField::Risk);
    assert_eq!(field(set_title(&p, "R9", "X")), RiskField::Risk);
}

#[test]
fn a_plan_without_estimates_or_risks_is_certain() {
    let mut p = plan();
    let none = uncertainty(&check(&p).unwrap());
    assert!(none.is_none());
    // Every iteration is the same, so P10 = P90 = the plan.
    let checked = check(&p).unwrap();
    let result = forecast(
        &checked,
        &Settings {
            iterations: 200,
            seed: 3,
        },
    )
    .unwrap();
    assert_eq!(result.finish.p10, result.finish.p90);
    assert_eq!(result.finish.p10, result.finish.deterministic);

    // An estimate without spread, a risk that never happens or delays nothing, and a
    // certain risk (always, by exactly 2 days) are still no uncertainty.
    task_mut(&mut p, "A").estimate = Some(Box::new(engine::Estimate {
        optimistic: 5.0,
        likely: 5.0,
        pessimistic: 5.0,
        distribution: Default::default(),
    }));
    let mut never = risk("R1");
    never.probability = 0.0;
    let mut nothing = risk("R2");
    nothing.tasks.clear();
    let mut always = risk("R3");
    always.probability = 1.0;
    always.impact = Impact { min: 2, max: 2 };
    let mut zero = risk("R4");
    zero.impact = Impact { min: 0, max: 0 };
    p.risks = vec![never, nothing, always, zero];
    assert!(uncertainty(&check(&p).unwrap()).is_none());

    // One estimate with a spread, one risk that may happen: both counted.
    task_mut(&mut p, "B").estimate = Some(Box::new(engine::Estimate {
        optimistic: 2.0,
        likely: 3.0,
        pessimistic: 6.0,
        distribution: Default::default(),
    }));
    p.risks.push(risk("R5"));
    let some = uncertainty(&check(&p).unwrap());
    assert_eq!((some.estimated_tasks, some.risks), (1, 1));
    assert!(!some.is_none());
}
