//! Command-line arguments: what the user asked for, or what is wrong with the request.

use engine::generate::Shape;

pub const USAGE: &str = "\
Usage:
  planwork schedule PLAN.json [--json] [--driving TASK_ID]
      Schedule a program file and print every task's dates, float and criticality
      (a table, or JSON with --json). --driving also lists the tasks driving TASK_ID.
  planwork generate --shape chain|layered|random --tasks N [--seed S] [--team-calendar] [--uncertain] [--resources N]
      Print a synthetic program (for benchmarks and experiments); --uncertain adds a
      three-point estimate to every task and a risk per hundred tasks; --resources N adds
      N teams the tasks demand (over-allocated, to level).
  planwork forecast PLAN.json [--iterations N] [--seed S] [--json]
      Monte Carlo forecast (default 5000 iterations, seed 1): P10/P50/P80/P90 dates and
      the chance of meeting each deadline for the finish and every milestone, each task's
      criticality index and what drives the finish most.
  planwork level PLAN.json [--json] [--schedules N] [--seed S] [--within-float]
      Level the program to its resources' capacity (5000 schedules, seed 1, by default):
      the leveled schedule (JSON with --json: the keys of schedule --json, each task's
      delay in working days and the resources that held it back), the finish beside the
      unleveled one and the lower bounds. --within-float keeps every task within its
      float and lists those it cannot. Exit 1 naming the task when a demand can never fit.
  planwork health PLAN.json [--json] [--date YYYY-MM-DD]
      Schedule health: the DCMA 14-point assessment (logic, leads, lags, relationship
      types, hard constraints, high float, negative float, high duration, invalid dates,
      resources, missed tasks, the critical path test, CPLI, BEI) with DCMA's thresholds,
      against the file's active baseline, on the program's status date (else --date, else
      today): each check's outcome, figure and rule, and the tasks that fail it (all of
      them, with each check's population, in JSON with --json). Failing checks exit 0.
  planwork export PLAN.json --to csv|ics|mspdi
      Print the program's schedule as CSV for a spreadsheet (id, name, workstream, dates,
      duration, float, critical, predecessors), its milestones and deadlines as an
      iCalendar file whose events update in place when a newer export is imported, or the
      program as an MS Project XML file (MS Project 2007 and later open it).
  planwork import FILE [--from mspdi|csv] [--days-per-point N]
      Print the Planwork program file made from an MS Project XML file (task ids are the
      file's UIDs) or a spreadsheet export (CSV or tab-separated: Excel, Sheets,
      Smartsheet, Jira, Azure DevOps; columns guessed from their headings, story points at
      N working days each, 1 by default); what was approximated or not carried over is
      listed on stderr. Without --from: .csv, .tsv and .txt are spreadsheets, the rest
      MS Project XML.
  planwork upgrade PLAN.json
      Print the program file in the current version of the format.
  planwork hostile --out DIR [--seed S] [--quick]
      Write hostile and malformed program files into DIR, for testing that every one is
      refused politely (scripts/hostile runs them); --quick writes a few dozen small ones.
  planwork status PLAN.json [--markdown|--json] [--date YYYY-MM-DD]
      The weekly status pack the program's draft would issue: the overall RAG and each
      dimension's (schedule, risk, dependencies, decisions, readiness, scope) by the
      program's rules, milestones against their committed dates with P80 and confidence
      (from a forecast run when the program has estimates or risks), the narrative, what
      changed since the last pack issued, and the detail. Plain text, Markdown or JSON.
      The status date: --date, else the draft's, else today.
  planwork help

Exit status: 0 on success (an import with notes too), 1 if the program is invalid (each
problem is printed with its code, e.g. E009 for a dependency cycle) or a file cannot be
imported (the reason is printed), 2 for a usage or file error.
";

/// What `export` writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExportFormat {
    Csv,
    Ics,
    /// MS Project XML.
    Mspdi,
}

/// What `import` reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ImportFormat {
    Mspdi,
    /// A spreadsheet export: CSV or tab-separated.
    Csv,
}

impl ImportFormat {
    /// By the file's extension: `.csv`, `.tsv` and `.txt` are spreadsheets, the rest MS
    /// Project XML.
    fn of_path(path: &str) -> ImportFormat {
        let extension = std::path::Path::new(path)
            .extension()
            .map(|e| e.to_string_lossy().to_lowercase());
        match extension.as_deref() {
            Some("csv" | "tsv" | "txt") => ImportFormat::Csv,
            _ => ImportFormat::Mspdi,
        }
    }
}

#[derive(Debug, PartialEq)]
pub enum Command {
    Help,
    Schedule {
        path: String,
        json: bool,
        driving: Option<String>,
    },
    Generate {
        shape: Shape,
        tasks: usize,
        seed: u64,
        team_calendar: bool,
        /// Three-point estimates on every task and a risk per hundred tasks.
        uncertain: bool,
        /// Teams demanded by the tasks (none: 0).
        resources: usize,
    },
    Upgrade {
        path: String,
    },
    Export {
        path: String,
        to: ExportFormat,
    },
    Import {
        path: String,
        from: ImportFormat,
        /// Working days per story point (spreadsheets only).
        days_per_point: Option<f64>,
    },
    Forecast {
        path: String,
        iterations: usize,
        seed: u64,
        json: bool,
    },
    Level(crate::level::Request),
    Status(crate::status::Request),
    Health(crate::health::Request),
    Hostile {
        out: String,
        seed: u64,
        /// A few dozen small files instead of the whole set.
        quick: bool,
    },
}

/// `generate` makes at most this many tasks (as many as a program file's list may hold).
pub const MAX_GENERATED_TASKS: u64 = planfile::MAX_ITEMS as u64;

pub fn parse(argv: &[String]) -> Result<Command, String> {
    let Some((command, rest)) = argv.split_first() else {
        return Ok(Command::Help);
    };
    match command.as_str() {
        "help" | "--help" | "-h" => Ok(Command::Help),
        "schedule" => schedule(rest),
        "generate" => generate(rest),
        "forecast" => forecast(rest),
        "level" => level(rest),
        "status" => status(rest),
        "health" => health(rest),
        "hostile" => hostile(rest),
        "export" => export(rest),
        "import" => import(rest),
        "upgrade" => match rest {
            [path] => Ok(Command::Upgrade { path: path.clone() }),
            _ => Err("upgrade needs exactly one program file".into()),
        },
        other => Err(format!("unknown command '{other}'")),
    }
}

fn status(rest: &[String]) -> Result<Command, String> {
    use crate::status::Output;
    let mut path = None;
    let mut output = Output::Text;
    let mut date = None;
    let mut words = rest.iter();
    while let Some(word) = words.next() {
        match word.as_str() {
            "--markdown" => output = Output::Markdown,
            "--json" => output = Output::Json,
            "--date" => {
                let text = value(&mut words, "--date")?;
                let parsed = text.parse().map_err(|_| {
                    format!("--date expects a date such as 2027-03-05, not '{text}'")
                })?;
                date = Some(parsed);
            }
            flag if flag.starts_with("--") => return Err(format!("unknown option '{flag}'")),
            file if path.is_none() => path = Some(file.to_string()),
            extra => return Err(format!("unexpected argument '{extra}'")),
        }
    }
    let path = path.ok_or("status needs a program file")?;
    Ok(Command::Status(crate::status::Request {
        path,
        output,
        date,
    }))
}

fn schedule(rest: &[String]) -> Result<Command, String> {
    let mut path = None;
    let mut json = false;
    let mut driving = None;
    let mut words = rest.iter();
    while let Some(word) = words.next() {
        match word.as_str() {
            "--json" => json = true,
            "--driving" => driving = Some(value(&mut words, "--driving")?),
            flag if flag.starts_with("--") => return Err(format!("unknown option '{flag}'")),
            file if path.is_none() => path = Some(file.to_string()),
            extra => return Err(format!("unexpected argument '{extra}'")),
        }
    }
    let path = path.ok_or("schedule needs a program file")?;
    Ok(Command::Schedule {
        path,
        json,
        driving,
    })
}

fn level(rest: &[String]) -> Result<Command, String> {
    let defaults = engine::leveling::Options::default();
    let mut request = crate::level::Request {
        path: String::new(),
        json: false,
        schedules: defaults.schedules,
        seed: defaults.seed,
        within_float: false,
    };
    let mut words = rest.iter();
    while let Some(word) = words.next() {
        match word.as_str() {
            "--json" => request.json = true,
            "--within-float" => request.within_float = true,
            "--schedules" => {
                request.schedules =
                    number(&value(&mut words, "--schedules")?, "--schedules")? as usize
            }
            "--seed" => request.seed = number(&value(&mut words, "--seed")?, "--seed")?,
            flag if flag.starts_with("--") => return Err(format!("unknown option '{flag}'")),
            file if request.path.is_empty() => request.path = file.to_string(),
            extra => return Err(format!("unexpected argument '{extra}'")),
        }
    }
    if request.path.is_empty() {
        return Err("level needs a program file".into());
    }
    Ok(Command::Level(request))
}

fn health(rest: &[String]) -> Result<Command, String> {
    let (mut path, mut json, mut date) = (None, false, None);
    let mut words = rest.iter();
    while let Some(word) = words.next() {
        match word.as_str() {
            "--json" => json = true,
            "--date" => {
                let text = value(&mut words, "--date")?;
                let parsed = text.parse::<chrono::NaiveDate>();
                date = Some(parsed.map_err(|_| format!("--date takes YYYY-MM-DD, not '{text}'"))?);
            }
            flag if flag.starts_with("--") => return Err(format!("unknown option '{flag}'")),
            file if path.is_none() => path = Some(file.to_string()),
            extra => return Err(format!("unexpected argument '{extra}'")),
        }
    }
    let path = path.ok_or("health needs a program file")?;
    Ok(Command::Health(crate::health::Request { path, json, date }))
}

fn forecast(rest: &[String]) -> Result<Command, String> {
    let defaults = engine::forecast::Settings::default();
    let (mut path, mut iterations, mut seed, mut json) =
        (None, defaults.iterations, defaults.seed, false);
    let mut words = rest.iter();
    while let Some(word) = words.next() {
        match word.as_str() {
            "--iterations" => {
                iterations = number(&value(&mut words, "--iterations")?, "--iterations")? as usize
            }
            "--seed" => seed = number(&value(&mut words, "--seed")?, "--seed")?,
            "--json" => json = true,
            flag if flag.starts_with("--") => return Err(format!("unknown option '{flag}'")),
            file if path.is_none() => path = Some(file.to_string()),
            extra => return Err(format!("unexpected argument '{extra}'")),
        }
    }
    let path = path.ok_or("forecast needs a program file")?;
    Ok(Command::Forecast {
        path,
        iterations,
        seed,
        json,
    })
}

fn generate(rest: &[String]) -> Result<Command, String> {
    let mut shape = None;
    let mut tasks = None;
    let mut seed = 1;
    let mut team_calendar = false;
    let mut uncertain = false;
    let mut resources = 0;
    let mut words = rest.iter();
    while let Some(word) = words.next() {
        match word.as_str() {
            "--shape" => shape = Some(value(&mut words, "--shape")?.parse::<Shape>()?),
            "--tasks" => tasks = Some(number(&value(&mut words, "--tasks")?, "--tasks")?),
            "--seed" => seed = number(&value(&mut words, "--seed")?, "--seed")?,
            "--team-calendar" => team_calendar = true,
            "--uncertain" => uncertain = true,
            "--resources" => {
                resources = number(&value(&mut words, "--resources")?, "--resources")?;
            }
            other => return Err(format!("unexpected argument '{other}'")),
        }
    }
    let shape = shape.ok_or("generate needs --shape")?;
    let tasks = tasks.ok_or("generate needs --tasks")?;
    if tasks > MAX_GENERATED_TASKS {
        return Err(format!(
            "--tasks is at most {} (a program file's list holds no more)",
            engine::words::thousands(MAX_GENERATED_TASKS as usize)
        ));
    }
    let tasks = tasks as usize;
    Ok(Command::Generate {
        shape,
        tasks,
        seed,
        team_calendar,
        uncertain,
        resources: resources.min(1_000) as usize,
    })
}

fn export(rest: &[String]) -> Result<Command, String> {
    let (mut path, mut to) = (None, None);
    let mut words = rest.iter();
    while let Some(word) = words.next() {
        match word.as_str() {
            "--to" => {
                to = Some(match value(&mut words, "--to")?.as_str() {
                    "csv" => ExportFormat::Csv,
                    "ics" => ExportFormat::Ics,
                    "mspdi" => ExportFormat::Mspdi,
                    other => {
                        return Err(format!("--to takes csv, ics or mspdi, not '{other}'"));
                    }
                })
            }
            flag if flag.starts_with("--") => return Err(format!("unknown option '{flag}'")),
            file if path.is_none() => path = Some(file.to_string()),
            extra => return Err(format!("unexpected argument '{extra}'")),
        }
    }
    let path = path.ok_or("export needs a program file")?;
    let to = to.ok_or("export needs --to csv, --to ics or --to mspdi")?;
    Ok(Command::Export { path, to })
}

fn import(rest: &[String]) -> Result<Command, String> {
    let (mut path, mut from, mut days_per_point) = (None, None, None);
    let mut words = rest.iter();
    while let Some(word) = words.next() {
        match word.as_str() {
            "--from" => {
                from = Some(match value(&mut words, "--from")?.as_str() {
                    "mspdi" => ImportFormat::Mspdi,
                    "csv" => ImportFormat::Csv,
                    other => return Err(format!("--from takes mspdi or csv, not '{other}'")),
                })
            }
            "--days-per-point" => {
                days_per_point = Some(positive(&value(&mut words, "--days-per-point")?)?)
            }
            flag if flag.starts_with("--") => return Err(format!("unknown option '{flag}'")),
            file if path.is_none() => path = Some(file.to_string()),
            extra => return Err(format!("unexpected argument '{extra}'")),
        }
    }
    let path: String = path.ok_or("import needs a file")?;
    let from = from.unwrap_or_else(|| ImportFormat::of_path(&path));
    if days_per_point.is_some() && from != ImportFormat::Csv {
        return Err("--days-per-point is for spreadsheets (--from csv)".into());
    }
    Ok(Command::Import {
        path,
        from,
        days_per_point,
    })
}

/// A number above 0 (`0.5`, `2`).
fn positive(text: &str) -> Result<f64, String> {
    text.parse::<f64>()
        .ok()
        .filter(|n| n.is_finite() && *n > 0.0)
        .ok_or_else(|| format!("--days-per-point takes a number above 0, not '{text}'"))
}

fn hostile(rest: &[String]) -> Result<Command, String> {
    let (mut out, mut seed, mut quick) = (None, 1, false);
    let mut words = rest.iter();
    while let Some(word) = words.next() {
        match word.as_str() {
            "--out" => out = Some(value(&mut words, "--out")?),
            "--seed" => seed = number(&value(&mut words, "--seed")?, "--seed")?,
            "--quick" => quick = true,
            other => return Err(format!("unexpected argument '{other}'")),
        }
    }
    let out = out.ok_or("hostile needs --out DIR")?;
    Ok(Command::Hostile { out, seed, quick })
}

fn value<'a>(words: &mut impl Iterator<Item = &'a String>, flag: &str) -> Result<String, String> {
    words
        .next()
        .cloned()
        .ok_or_else(|| format!("{flag} needs a value"))
}

fn number(text: &str, flag: &str) -> Result<u64, String> {
    text.parse()
        .map_err(|_| format!("{flag} takes a whole number, not '{text}'"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(s: &str) -> Vec<String> {
        s.split_whitespace().map(String::from).collect()
    }

    #[test]
    fn parses_schedule() {
        assert_eq!(
            parse(&words("schedule p.json --json --driving M1")),
            Ok(Command::Schedule {
                path: "p.json".into(),
                json: true,
                driving: Some("M1".into())
            })
        );
    }

    #[test]
    fn parses_health() {
        assert_eq!(
            parse(&words("health p.json --date 2027-03-01 --json")),
            Ok(Command::Health(crate::health::Request {
                path: "p.json".into(),
                json: true,
                date: "2027-03-01".parse().ok(),
            }))
        );
        assert_eq!(
            parse(&words("health p.json --date 1/3/2027")).unwrap_err(),
            "--date takes YYYY-MM-DD, not '1/3/2027'"
        );
        assert_eq!(
            parse(&words("health")).unwrap_err(),
            "health needs a program file"
        );
    }

    #[test]
    fn import_chooses_the_format_by_extension_unless_told() {
        let import = |line: &str| parse(&words(line));
        assert_eq!(
            import("import plan.CSV --days-per-point 0.5"),
            Ok(Command::Import {
                path: "plan.CSV".into(),
                from: ImportFormat::Csv,
                days_per_point: Some(0.5)
            })
        );
        assert!(matches!(
            import("import plan.xml"),
            Ok(Command::Import {
                from: ImportFormat::Mspdi,
                ..
            })
        ));
        assert!(matches!(
            import("import export.dat --from csv"),
            Ok(Command::Import {
                from: ImportFormat::Csv,
                ..
            })
        ));
        assert_eq!(
            import("import plan.xml --days-per-point 2").unwrap_err(),
            "--days-per-point is for spreadsheets (--from csv)"
        );
        assert_eq!(
            import("import a.csv --days-per-point 0").unwrap_err(),
            "--days-per-point takes a number above 0, not '0'"
        );
        assert_eq!(
            import("import a.csv --from xlsx").unwrap_err(),
            "--from takes mspdi or csv, not 'xlsx'"
        );
    }

    #[test]
    fn refuses_bad_requests_with_a_reason() {
        assert_eq!(
            parse(&words("schedule")),
            Err("schedule needs a program file".into())
        );
        assert_eq!(
            parse(&words("schedule a b")),
            Err("unexpected argument 'b'".into())
        );
        assert_eq!(
            parse(&words("generate --shape star --tasks 3")).unwrap_err(),
            "unknown shape 'star': expected chain, layered or random"
        );
        assert_eq!(
            parse(&words("generate --shape chain --tasks x")).unwrap_err(),
            "--tasks takes a whole number, not 'x'"
        );
        assert_eq!(
            parse(&words("frobnicate")).unwrap_err(),
            "unknown command 'frobnicate'"
        );
        assert_eq!(
            parse(&words(
                "generate --shape chain --tasks 18446744073709551615"
            ))
            .unwrap_err(),
            "--tasks is at most 1,000,000 (a program file's list holds no more)"
        );
        assert_eq!(
            parse(&words(
                "generate --shape chain --tasks 18446744073709551616"
            ))
            .unwrap_err(),
            "--tasks takes a whole number, not '18446744073709551616'"
        );
    }
}
