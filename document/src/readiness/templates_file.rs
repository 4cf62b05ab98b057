//! A file of readiness templates, to share a team's own checklists between browsers:
//! `{"format": "planwork-templates", "version": 1, "templates": [...]}`, each template as the
//! program file writes one (a name and its items). Reading takes the whole file or nothing,
//! and says what is wrong and where.
//!
//! ```
//! use document::readiness::templates_file::{read, write};
//! use engine::readiness::model::{Template, TemplateItem};
//! let ours = Template {
//!     name: "Our release".into(),
//!     items: vec![TemplateItem { id: "RC1".into(), title: "Smoke tests green".into(), ..TemplateItem::default() }],
//! };
//! let text = write(&[ours.clone()]);
//! assert_eq!(read(&text).unwrap(), vec![ours]);
//! assert!(read(r#"{"format": "planwork"}"#).unwrap_err().contains("not a file of readiness templates"));
//! ```

use engine::readiness::model::Template;
use serde::{Deserialize, Serialize};

const FORMAT: &str = "planwork-templates";
const VERSION: u64 = 1;

#[derive(Serialize)]
struct FileOut<'a> {
    format: &'static str,
    version: u64,
    templates: &'a [Template],
}

#[derive(Deserialize)]
struct FileIn {
    format: Option<String>,
    version: Option<u64>,
    #[serde(default)]
    templates: Vec<serde_json::Value>,
}

/// `templates` as a file's text.
pub fn write(templates: &[Template]) -> String {
    serde_json::to_string_pretty(&FileOut {
        format: FORMAT,
        version: VERSION,
        templates,
    })
    .unwrap_or_default()
}

/// The templates of a file, or what is wrong with it (the first problem, with where).
pub fn read(text: &str) -> Result<Vec<Template>, String> {
    let file: FileIn = serde_json::from_str(text)
        .map_err(|e| format!("The file is not JSON that Planwork can read: {e}"))?;
    if file.format.as_deref() != Some(FORMAT) {
        return Err(
            "This is not a file of readiness templates (its format is not \"planwork-templates\")."
                .into(),
        );
    }
    if file.version.is_none_or(|v| v > VERSION) {
        return Err(format!(
            "This file of templates is of a version this Planwork does not know (it reads version {VERSION})."
        ));
    }
    let mut names = std::collections::HashSet::new();
    file.templates
        .into_iter()
        .enumerate()
        .map(|(i, value)| {
            let template: Template =
                serde_json::from_value(value).map_err(|e| format!("templates[{i}]: {e}"))?;
            let name = template.name.trim();
            if name.is_empty() {
                return Err(format!("templates[{i}]: a template needs a name"));
            }
            if !names.insert(name.to_lowercase()) {
                return Err(format!("templates[{i}]: '{name}' is there twice"));
            }
            if let Some(at) = template
                .items
                .iter()
                .position(|item| item.title.trim().is_empty())
            {
                return Err(format!(
                    "templates[{i}] ('{name}') items[{at}]: an item needs a title"
                ));
            }
            Ok(template)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bad_file_says_what_and_where_and_gives_nothing() {
        let bad_area = r#"{"format": "planwork-templates", "version": 1, "templates": [
            {"name": "A", "items": [{"id": "RC1", "title": "T"}]},
            {"name": "B", "items": [{"id": "RC1", "title": "T", "area": "marketing"}]}]}"#;
        assert!(read(bad_area).unwrap_err().starts_with("templates[1]:"));
        let twice = r#"{"format": "planwork-templates", "version": 1, "templates": [
            {"name": "A"}, {"name": "a"}]}"#;
        assert!(read(twice).unwrap_err().contains("twice"));
        let untitled = r#"{"format": "planwork-templates", "version": 1, "templates": [
            {"name": "A", "items": [{"id": "RC1"}]}]}"#;
        assert!(read(untitled).unwrap_err().contains("items[0]"));
        let newer = r#"{"format": "planwork-templates", "version": 2, "templates": []}"#;
        assert!(read(newer).unwrap_err().contains("version"));
    }
}
