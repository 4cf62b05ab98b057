//! Tests of the Logs tab's tables: every editable cell reads back unchanged; a filter keeps
//! the total and the summary.
use super::*;
use engine::edit::{Edit, History};
use engine::logs::typing::set_field;

fn example() -> Program {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../public/examples/platform-migration.planwork.json"
    );
    let text = std::fs::read_to_string(path).unwrap();
    planfile::read(&text).unwrap().program
}

/// Every editable cell of every log, typed back as shown, is taken and changes nothing:
/// what the table shows is what the cell reads.
#[test]
fn every_editable_cell_reads_back_unchanged() {
    let program = example();
    let as_of = "2027-02-22".parse().unwrap();
    let schedule = engine::schedule(&program).ok();
    let mut checked = 0;
    for log in Log::ALL {
        let table = log_table(
            &program,
            schedule.as_ref(),
            log,
            as_of,
            &Filter::default(),
            SortBy::Order,
        );
        assert!(!table.rows.is_empty(), "{log:?} has rows in the example");
        for row in &table.rows {
            for (column, cell) in table.columns.iter().zip(&row.cells) {
                let Some(field) = column.field else { continue };
                let edit = set_field(&program, log, &row.id, field, cell)
                    .unwrap_or_else(|r| panic!("{log:?} {} {field} = {cell:?}: {r:?}", row.id));
                let mut after = program.clone();
                History::default()
                    .apply(&mut after, vec![edit.clone()])
                    .unwrap();
                assert_eq!(
                    after, program,
                    "{log:?} {} {field} = {cell:?} changed it",
                    row.id
                );
                checked += 1;
                let _: &Edit = &edit;
            }
        }
    }
    assert!(checked > 100, "{checked} cells");
}

#[test]
fn a_filter_keeps_the_total_and_the_summary() {
    let program = example();
    let as_of = "2027-02-22".parse().unwrap();
    let all = log_table(
        &program,
        None,
        Log::Issues,
        as_of,
        &Filter::default(),
        SortBy::Order,
    );
    let flagged = Filter {
        flagged_only: true,
        ..Filter::default()
    };
    let some = log_table(&program, None, Log::Issues, as_of, &flagged, SortBy::Order);
    assert_eq!((some.total, &some.summary), (all.total, &all.summary));
    assert!(some.rows.iter().all(|r| r.flagged));
}
