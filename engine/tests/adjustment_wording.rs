//! Quick impact's amount read back as it was typed (`2w` stays `+2w`, not `+10d`).

use engine::scenario::Adjustment;

fn typed(text: &str, slip: bool) -> (String, String) {
    let a = Adjustment::parse(text, slip).unwrap();
    (a.typed_label(text), a.typed_wording(text))
}

#[test]
fn weeks_stay_weeks_with_the_working_days_beside_them() {
    assert_eq!(
        typed("2w", true),
        ("+2w".into(), "+2w (10 working days)".into())
    );
    assert_eq!(
        typed(" + 3 W ", true),
        ("+3w".into(), "+3w (15 working days)".into())
    );
    assert_eq!(
        typed("-1w", true),
        ("-1w".into(), "-1w (5 working days)".into())
    );
    assert_eq!(
        typed("4w", false),
        ("→ 4w".into(), "4w (20 working days)".into())
    );
}

#[test]
fn days_read_in_days_and_a_bare_number_is_days() {
    assert_eq!(
        typed("+15d", true),
        ("+15d".into(), "+15 working days".into())
    );
    assert_eq!(
        typed("15", true),
        ("+15d".into(), "+15 working days".into())
    );
    assert_eq!(typed("−1d", true), ("-1d".into(), "-1 working day".into()));
    assert_eq!(typed("1", true), ("+1d".into(), "+1 working day".into()));
    assert_eq!(
        typed("20", false),
        ("→ 20d".into(), "20 working days".into())
    );
}

#[test]
fn text_of_another_adjustment_falls_back_to_the_days() {
    // A sign makes a slip even when "new duration" is chosen.
    assert_eq!(
        Adjustment::parse("+2w", false).unwrap().typed_label("+2w"),
        "+2w"
    );
    assert_eq!(Adjustment::Slip(10).typed_label("3w"), "+10d");
    assert_eq!(Adjustment::Duration(5).typed_label("soon"), "→ 5d");
}
