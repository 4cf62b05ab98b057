//! The hostile set's heavy files: deep nesting, long cycles and duplicates, huge sizes, and
//! random mutations of a sound file.

use serde_json::json;
use std::fmt::Write as _;

use super::*;

impl Set {
    pub(super) fn nesting(&mut self) -> std::io::Result<()> {
        for depth in [19, 20, 21, 100] {
            let mut document = base();
            document["future"] = nested(depth - 1);
            self.json(&format!("nesting-unknown-depth-{depth}"), &document)?;
        }
        let mut document = base();
        document["tasks"][0]["future"] = nested(30);
        self.json("nesting-in-a-task", &document)?;
        // Megabytes of nested unknown fields, as in the report (depth 100, and depth 18,
        // which the depth rule lets through: the kept-values budget refuses it).
        let megabytes: &[usize] = if self.quick { &[1] } else { &[10, 40] };
        for &mb in megabytes {
            for depth in [100, 18] {
                let one = nested(depth).to_string();
                let copies = mb * 1_000_000 / one.len().max(1);
                let mut text = String::with_capacity(mb * 1_000_000 + 4_096);
                text.push_str(&base().to_string());
                text.pop();
                text.push_str(",\"future\":[");
                for i in 0..copies {
                    if i > 0 {
                        text.push(',');
                    }
                    text.push_str(&one);
                }
                text.push_str("]}");
                self.write(&format!("nesting-{mb}mb-depth-{depth}"), text)?;
            }
        }
        // An unknown field on every task: more values than are kept.
        let tasks = if self.quick { 2_000 } else { 210_000 };
        let mut text = String::new();
        let _ = write!(
            text,
            r#"{{"format":"planwork","version":2,"program":{{"name":"P","start":"2026-01-05"}},"workstreams":[{{"id":"w","name":"W"}}],"tasks":["#
        );
        for i in 0..tasks {
            if i > 0 {
                text.push(',');
            }
            let _ = write!(
                text,
                r#"{{"id":"t{i}","name":"","workstream":"w","note":{i}}}"#
            );
        }
        text.push_str("]}");
        self.write("nesting-unknown-on-every-task", text)?;
        Ok(())
    }

    pub(super) fn cycles_and_duplicates(&mut self) -> std::io::Result<()> {
        let big = if self.quick { 20_000 } else { 500_000 };
        for n in [10_000, 110_000.min(big), big] {
            let mut text = chain_text(n, "");
            close_cycle(&mut text, n);
            self.write(&format!("cycle-chain-{n}"), text)?;
        }
        // Many small cycles, and one link repeated.
        let pairs = if self.quick { 5_000 } else { 100_000 };
        let mut text = header();
        tasks_text(&mut text, 2 * pairs);
        text.push_str("],\"dependencies\":[");
        for i in 0..pairs {
            if i > 0 {
                text.push(',');
            }
            let (a, b) = (2 * i, 2 * i + 1);
            let _ = write!(
                text,
                r#"{{"from":"t{a}","to":"t{b}"}},{{"from":"t{b}","to":"t{a}"}}"#
            );
        }
        text.push_str("]}");
        self.write("cycle-many-small", text)?;
        for copies in [20_000, if self.quick { 50_000 } else { 1_000_000 }] {
            let mut text = header();
            tasks_text(&mut text, 3);
            text.push_str("],\"dependencies\":[");
            for i in 0..copies {
                text.push_str(if i == 0 { "" } else { "," });
                text.push_str(r#"{"from":"t0","to":"t1"}"#);
            }
            text.push_str("]}");
            self.write(&format!("duplicate-link-{copies}"), text)?;
        }
        let mut text = header();
        let copies = if self.quick { 10_000 } else { 100_000 };
        for i in 0..copies {
            text.push_str(if i == 0 { "" } else { "," });
            text.push_str(r#"{"id":"same","name":"Same","workstream":"w","duration":1}"#);
        }
        text.push_str("]}");
        self.write("duplicate-task-ids", text)?;
        let self_links = if self.quick { 10_000 } else { 100_000 };
        let mut text = header();
        tasks_text(&mut text, self_links);
        text.push_str("],\"dependencies\":[");
        for i in 0..self_links {
            text.push_str(if i == 0 { "" } else { "," });
            let _ = write!(text, r#"{{"from":"t{i}","to":"t{i}"}}"#);
        }
        text.push_str("]}");
        self.write("self-links", text)?;
        let mut document = base();
        document["workstreams"][1]["id"] = json!("eng");
        document["risks"] = json!([document["risks"][0], document["risks"][0]]);
        document["scenarios"] = json!([document["scenarios"][0], document["scenarios"][0]]);
        document["baselines"] = json!([document["baselines"][0], document["baselines"][0]]);
        self.json("duplicate-ids-everywhere", &document)?;
        Ok(())
    }

    /// 10⁵ to 10⁶ items, and files around the size limit.
    pub(super) fn sizes(&mut self) -> std::io::Result<()> {
        let scale = if self.quick { 50 } else { 1 };
        let million = 1_000_000 / scale;
        // A million tasks: sound, but over the size limit once written indented.
        let mut text = header();
        for i in 0..million {
            text.push_str(if i == 0 { "" } else { "," });
            let _ = write!(text, r#"{{"id":"t{i}","name":"","workstream":"w"}}"#);
        }
        text.push_str("]}");
        self.write(&format!("size-tasks-{million}"), text)?;
        // One item too many in a list: dates in the full set, small numbers in the quick one.
        let over = planfile::MAX_ITEMS + 1;
        let (list, item) = if self.quick {
            ("\"future\":[", "0")
        } else {
            ("\"calendar\":{\"holidays\":[", "\"2026-01-01\"")
        };
        let mut text = String::from(
            r#"{"format":"planwork","version":2,"program":{"name":"P","start":"2026-01-05"},"#,
        );
        text.push_str(list);
        for i in 0..over {
            text.push_str(if i == 0 { "" } else { "," });
            text.push_str(item);
        }
        text.push_str(if self.quick { "]}" } else { "]}}" });
        self.write(&format!("size-list-of-{over}"), text)?;
        let mut text = header();
        tasks_text(&mut text, 2);
        text.push_str("],\"dependencies\":[");
        for i in 0..million {
            text.push_str(if i == 0 { "" } else { "," });
            let _ = write!(text, r#"{{"from":"u{i}","to":"v{i}"}}"#);
        }
        text.push_str("]}");
        self.write(&format!("size-unknown-links-{million}"), text)?;
        let mut text = header();
        tasks_text(&mut text, 10);
        text.push_str("],\"risks\":[");
        for i in 0..million / 10 {
            text.push_str(if i == 0 { "" } else { "," });
            let _ = write!(
                text,
                r#"{{"id":"R{i}","title":"Risk","probability":0.1,"impact":{{"min":1,"max":3}},"tasks":["t0","t1","t2","t3","t4","t5","t6","t7","t8","t9"]}}"#
            );
        }
        text.push_str("]}");
        self.write(&format!("size-risks-{}", million / 10), text)?;
        let mut text = header();
        tasks_text(&mut text, 1);
        text.push_str("],\"scenarios\":[{\"id\":\"s\",\"name\":\"S\",\"changes\":[");
        for i in 0..million {
            text.push_str(if i == 0 { "" } else { "," });
            text.push_str(r#"{"change":"slip","task":"t0","days":1}"#);
        }
        text.push_str("]}]}");
        self.write(&format!("size-scenario-changes-{million}"), text)?;
        let mut text = String::from(
            r#"{"format":"planwork","version":2,"program":{"name":"P","start":"2026-01-05"},"workstreams":["#,
        );
        for i in 0..million / 10 {
            text.push_str(if i == 0 { "" } else { "," });
            let _ = write!(
                text,
                r##"{{"id":"w{i}","name":"Team {i}","color":"#2f6fde"}}"##
            );
        }
        text.push_str("]}");
        self.write(&format!("size-workstreams-{}", million / 10), text)?;
        // Just over the size limit, and a sound program that fills most of it.
        if !self.quick {
            let mut text = String::from(r#"{"format":"planwork","version":2,"padding":""#);
            text.push_str(&" ".repeat(planfile::MAX_FILE_BYTES));
            text.push_str("\"}");
            self.write("size-over-the-limit", text)?;
            let mut text = chain_text(400_000, "");
            text.shrink_to_fit();
            self.write("size-chain-400000", text)?;
        }
        Ok(())
    }

    /// Random damage to a sound file: bytes deleted, inserted, repeated, swapped.
    pub(super) fn mutations(&mut self) -> std::io::Result<()> {
        let sound = base().to_string().into_bytes();
        let count = if self.quick { 10 } else { 300 };
        for n in 0..count {
            let mut bytes = sound.clone();
            for _ in 0..1 + self.rng.below(4) {
                let at = self.rng.below(bytes.len() as u64) as usize;
                match self.rng.below(5) {
                    0 => {
                        bytes.remove(at);
                    }
                    1 => bytes.insert(at, b"{}[]\",:0-e\\ \x00\xff"[self.rng.below(14) as usize]),
                    2 => {
                        let end = (at + 1 + self.rng.below(40) as usize).min(bytes.len());
                        let slice = bytes[at..end].to_vec();
                        bytes.splice(at..at, slice);
                    }
                    3 => {
                        let other = self.rng.below(bytes.len() as u64) as usize;
                        bytes.swap(at, other);
                    }
                    _ => bytes.truncate(at.max(1)),
                }
            }
            self.write(&format!("mutation-{n:03}"), bytes)?;
        }
        Ok(())
    }
}
