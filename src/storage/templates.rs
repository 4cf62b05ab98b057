//! The browser's own readiness templates (`templates`, keyed by name): a team's checklists
//! kept across its programs, each as the JSON of one template (`document::readiness::
//! templates_file` reads and writes them). Added in schema version 5.

use js_sys::{Array, Object, Reflect};

use super::*;

fn record(name: &str, text: &str) -> JsValue {
    let object = Object::new();
    let _ = Reflect::set(&object, &"name".into(), &name.into());
    let _ = Reflect::set(&object, &"text".into(), &text.into());
    object.into()
}

impl Store {
    /// Every template kept in this browser: (name, its JSON), by name.
    pub async fn templates(&self) -> Result<Vec<(String, String)>, StorageError> {
        let tx = self.tx(&[TEMPLATES], false)?;
        let all = idb::run(tx.store(TEMPLATES)?.get_all()).await?;
        tx.commit().await?;
        let mut list: Vec<(String, String)> = Array::from(&all)
            .iter()
            .filter_map(|value| {
                let field = |key: &str| Reflect::get(&value, &key.into()).ok()?.as_string();
                Some((field("name")?, field("text")?))
            })
            .collect();
        list.sort_by_key(|(name, _)| name.to_lowercase());
        Ok(list)
    }

    /// Keeps `templates` (name, JSON): one of the same name is replaced. All or none.
    pub async fn put_templates(&self, templates: &[(String, String)]) -> Result<(), StorageError> {
        let tx = self.tx(&[TEMPLATES], true)?;
        let store = tx.store(TEMPLATES)?;
        for (name, text) in templates {
            idb::run(store.put(&record(name, text))).await?;
        }
        tx.commit().await
    }
}
