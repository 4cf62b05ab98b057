//! Reading's first look at the text: is it JSON, and is it a shape a program file may have?
//!
//! One pass over the text that builds nothing: syntax errors with line and column, and what
//! JSON allows but a program file must not have, each named by where it is —
//! a key twice in one object (JSON readers silently keep the last one: refused instead),
//! nesting deeper than [`MAX_DEPTH`] lists and objects, and a list of more than
//! [`MAX_ITEMS`] items. So the stages after it can parse the pieces they need, item by item,
//! knowing that no piece is deeper, longer or more ambiguous than that.
//!
//! Nothing here recurses deeper than [`MAX_DEPTH`]: the pass stops there.

use crate::{FileError, Problem};
use serde::de::{self, DeserializeSeed, MapAccess, SeqAccess, Visitor};
use std::borrow::Cow;
use std::collections::HashSet;
use std::fmt;

/// Lists and objects nest at most this deep (a program file needs 7: a task a scenario adds
/// has a constraint).
pub const MAX_DEPTH: usize = 20;
/// A list holds at most this many items (ten times the largest plans Planwork is measured
/// on).
pub const MAX_ITEMS: usize = 1_000_000;

/// Checks the syntax and shape of a whole file.
pub(crate) fn check(text: &str) -> Result<(), FileError> {
    let mut state = State::default();
    let mut deserializer = serde_json::Deserializer::from_str(text);
    let scanned = Scan {
        state: &mut state,
        depth: 0,
    }
    .deserialize(&mut deserializer)
    .and_then(|()| deserializer.end());
    match scanned {
        Ok(()) => Ok(()),
        Err(error) => Err(match state.refused {
            Some(message) => {
                state.path.reverse();
                FileError::Invalid {
                    problems: vec![Problem {
                        path: path_text(&state.path),
                        message: format!(
                            "{message} (line {}, column {})",
                            error.line(),
                            error.column()
                        ),
                        code: None,
                    }],
                }
            }
            None => crate::raw::syntax_error(error),
        }),
    }
}

/// One step into the tree: a key of an object or a position in a list.
enum Step {
    Key(String),
    Index(usize),
}

#[derive(Default)]
struct State {
    /// Why the shape is refused (then the error is ours, not a syntax error).
    refused: Option<String>,
    /// Where, innermost first: each level adds its step as the refusal passes through it.
    path: Vec<Step>,
}

/// The path as the rest of reading writes it: `tasks[3].extra["a b"]`.
fn path_text(steps: &[Step]) -> String {
    let mut text = String::new();
    for step in steps {
        match step {
            Step::Index(i) => text.push_str(&format!("[{i}]")),
            Step::Key(key) if is_plain(key) => {
                if !text.is_empty() {
                    text.push('.');
                }
                text.push_str(key);
            }
            Step::Key(key) => {
                let key = engine::text::quote(key);
                text.push_str(&format!("[{}]", serde_json::Value::from(key.as_ref())));
            }
        }
    }
    text
}

fn is_plain(key: &str) -> bool {
    !key.is_empty()
        && key.len() <= 60
        && key.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_')
}

/// Visits one value at `depth` (the top level is 0).
struct Scan<'s> {
    state: &'s mut State,
    depth: usize,
}

impl Scan<'_> {
    fn refuse<E: de::Error>(self, message: String) -> E {
        self.state.refused = Some(message);
        E::custom("refused")
    }

    /// Refuses a list or an object that would be too deep.
    fn enter<E: de::Error>(self) -> Result<Self, E> {
        if self.depth >= MAX_DEPTH {
            return Err(self.refuse(format!(
                "nested too deeply: more than {MAX_DEPTH} levels of lists and objects"
            )));
        }
        Ok(self)
    }

    fn inner(&mut self) -> Scan<'_> {
        Scan {
            state: self.state,
            depth: self.depth + 1,
        }
    }
}

impl<'de> DeserializeSeed<'de> for Scan<'_> {
    type Value = ();

    fn deserialize<D: de::Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Scan<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_bool<E>(self, _: bool) -> Result<(), E> {
        Ok(())
    }
    fn visit_i64<E>(self, _: i64) -> Result<(), E> {
        Ok(())
    }
    fn visit_u64<E>(self, _: u64) -> Result<(), E> {
        Ok(())
    }
    fn visit_f64<E>(self, _: f64) -> Result<(), E> {
        Ok(())
    }
    fn visit_str<E>(self, _: &str) -> Result<(), E> {
        Ok(())
    }
    fn visit_unit<E>(self) -> Result<(), E> {
        Ok(())
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        let mut this = self.enter()?;
        let mut count = 0;
        loop {
            if count == MAX_ITEMS {
                // One more item is one too many.
                if seq.next_element::<de::IgnoredAny>()?.is_none() {
                    return Ok(());
                }
                this.state.path.push(Step::Index(count));
                return Err(this.refuse(format!(
                    "a list of more than {} items",
                    engine::words::thousands(MAX_ITEMS)
                )));
            }
            match seq.next_element_seed(this.inner()) {
                Ok(Some(())) => count += 1,
                Ok(None) => return Ok(()),
                Err(error) => {
                    this.state.path.push(Step::Index(count));
                    return Err(error);
                }
            }
        }
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let mut this = self.enter()?;
        let mut keys = Keys::default();
        while let Some(key) = map.next_key_seed(KeySeed)? {
            if !keys.insert(key.clone()) {
                this.state.path.push(Step::Key(key.clone().into_owned()));
                return Err(this.refuse(format!(
                    "the key \"{}\" appears twice in one object; a key may appear only once",
                    engine::text::quote(&key)
                )));
            }
            if let Err(error) = map.next_value_seed(this.inner()) {
                this.state.path.push(Step::Key(key.into_owned()));
                return Err(error);
            }
        }
        Ok(())
    }
}

/// The keys of one object so far: a list while it is short (most objects have a few keys),
/// a hash set beyond.
#[derive(Default)]
struct Keys<'de> {
    few: Vec<Cow<'de, str>>,
    many: HashSet<Cow<'de, str>>,
}

impl<'de> Keys<'de> {
    /// Adds `key`; `false` if it was there already.
    fn insert(&mut self, key: Cow<'de, str>) -> bool {
        if self.many.is_empty() {
            if self.few.contains(&key) {
                return false;
            }
            if self.few.len() < 16 {
                self.few.push(key);
                return true;
            }
            self.many.extend(self.few.drain(..));
        }
        self.many.insert(key)
    }
}

/// A key, borrowed from the text unless it has escapes.
pub(crate) struct KeySeed;

impl<'de> DeserializeSeed<'de> for KeySeed {
    type Value = Cow<'de, str>;

    fn deserialize<D: de::Deserializer<'de>>(
        self,
        deserializer: D,
    ) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_str(self)
    }
}

impl<'de> Visitor<'de> for KeySeed {
    type Value = Cow<'de, str>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a key")
    }

    fn visit_borrowed_str<E>(self, key: &'de str) -> Result<Self::Value, E> {
        Ok(Cow::Borrowed(key))
    }

    fn visit_str<E>(self, key: &str) -> Result<Self::Value, E> {
        Ok(Cow::Owned(key.to_owned()))
    }
}

/// The number of values in a piece of checked text (lists, objects and what they hold,
/// each counted), without building them.
pub(crate) fn count_values(text: &str) -> usize {
    let mut count = 0;
    let mut deserializer = serde_json::Deserializer::from_str(text);
    let _ = Counter(&mut count).deserialize(&mut deserializer);
    count
}

/// Counts values as it visits them. Recurses as deep as the text nests, which [`check`]
/// bounded.
struct Counter<'c>(&'c mut usize);

impl<'de> DeserializeSeed<'de> for Counter<'_> {
    type Value = ();

    fn deserialize<D: de::Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Counter<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_bool<E>(self, _: bool) -> Result<(), E> {
        *self.0 += 1;
        Ok(())
    }
    fn visit_i64<E>(self, _: i64) -> Result<(), E> {
        *self.0 += 1;
        Ok(())
    }
    fn visit_u64<E>(self, _: u64) -> Result<(), E> {
        *self.0 += 1;
        Ok(())
    }
    fn visit_f64<E>(self, _: f64) -> Result<(), E> {
        *self.0 += 1;
        Ok(())
    }
    fn visit_str<E>(self, _: &str) -> Result<(), E> {
        *self.0 += 1;
        Ok(())
    }
    fn visit_unit<E>(self) -> Result<(), E> {
        *self.0 += 1;
        Ok(())
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        *self.0 += 1;
        while seq.next_element_seed(Counter(&mut *self.0))?.is_some() {}
        Ok(())
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        *self.0 += 1;
        while map.next_key::<de::IgnoredAny>()?.is_some() {
            map.next_value_seed(Counter(&mut *self.0))?;
        }
        Ok(())
    }
}
