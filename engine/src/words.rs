//! Plain words for figures and names: a count with its noun, singular for one; digits
//! grouped by thousands; a name as a part of a file name or an identifier (`slug`).
//!
//! ```
//! assert_eq!(engine::words::count(1, "task", "tasks"), "1 task");
//! assert_eq!(engine::words::count(0, "task", "tasks"), "0 tasks");
//! assert_eq!(engine::words::thousands(12_500), "12,500");
//! assert_eq!(engine::words::slug("Apollo — Phase 2!"), "apollo-phase-2");
//! ```

/// `1 task`, `3 tasks`, `0 tasks`.
pub fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// A file name part from a program name: lower-case ASCII letters and digits joined by
/// `-`, at most 60 characters; `program` if nothing is left.
pub fn slug(name: &str) -> String {
    let mut slug = String::new();
    for c in name.chars().flat_map(char::to_lowercase) {
        if c.is_ascii_alphanumeric() {
            slug.push(c);
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
        if slug.len() >= 60 {
            break;
        }
    }
    let slug = slug.trim_end_matches('-');
    if slug.is_empty() {
        "program".to_owned()
    } else {
        slug.to_owned()
    }
}

/// `12,500`, `999`, `1,000,000`: digits grouped by thousands with commas.
pub fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::thousands;

    #[test]
    fn thousands_are_grouped_from_the_right() {
        let cases = [
            (0, "0"),
            (999, "999"),
            (1000, "1,000"),
            (12_500, "12,500"),
            (1_234_567, "1,234,567"),
        ];
        for (n, text) in cases {
            assert_eq!(thousands(n), text);
        }
    }
}
