//! serde's error messages reworded for a program manager (dates, weekdays, numbers, objects).

/// serde's wording, in a program manager's words.
pub(super) fn plain(message: &str) -> String {
    const DATE_ERRORS: [&str; 6] = [
        "input contains invalid characters",
        "premature end of input",
        "trailing input",
        "input is out of range",
        "no possible date and time matching input",
        "input is not enough for unique date and time",
    ];
    if DATE_ERRORS.iter().any(|e| message.contains(e)) {
        return format!("not a date: expected YYYY-MM-DD ({message})");
    }
    if message.contains("weekday names expected") {
        return "not a weekday: expected Mon, Tue, Wed, Thu, Fri, Sat or Sun".to_string();
    }
    // serde reads a struct from a list too, and then says so in its own terms.
    if let Some(what) = expected_struct(message) {
        return match message.strip_prefix("invalid length ") {
            Some(_) => format!("expected an object ({what}), found a list"),
            None => format!(
                "{}expected an object ({what})",
                message.split("expected struct").next().unwrap_or_default()
            ),
        };
    }
    message
        .replace("expected i64", "expected a whole number")
        .replace("expected u8", "expected a whole number from 0 to 255")
        .replace(
            "expected u32",
            "expected a whole number from 0 to 4294967295",
        )
        .replace("expected f64", "expected a number")
        .replace("invalid type: null", "missing value (null)")
}

/// For serde's "expected struct Task with 11 elements": "a task".
fn expected_struct(message: &str) -> Option<String> {
    let name = message.split("expected struct ").nth(1)?;
    let name: String = name
        .chars()
        .take_while(char::is_ascii_alphanumeric)
        .collect();
    let mut words = String::from("a");
    for c in name.chars() {
        if c.is_ascii_uppercase() {
            words.push(' ');
        }
        words.push(c.to_ascii_lowercase());
    }
    Some(words)
}
