//! The bounded mutation test (issue 18, item 6): every read command of the CLI (the list of
//! `read_invocations` and `touch_read_invocations`, checked against clap's tree, so a new
//! read command is covered without a change here) runs against a fault-free `linkedin
//! sandbox`, then against one sandbox per mutation kind that mutates every data answer
//! (`--mutate-answers 1 --mutate-kind K`, seeded: the same requests get the same mutations).
//!
//! Each mutated run must end in time (no hang), without a panic (exit 101 or a signal), and
//! either print the same items as the fault-free run or fail with a typed error: exit 8 (a
//! decode error, a status LinkedIn does not document such as the 418 of `odd_status`), its
//! message one line of bounded length with no control character. "The same items": as many,
//! and each the same JSON but where the kind may change it without the client being able to
//! tell: a value left out (`null` or absent, an empty list) where a key was dropped or
//! nulled, a string changed by the kinds that change strings (a huge string, control
//! characters, a malformed URN). Anything else (an item dropped, a `""`, `0` or `false` in
//! place of what was sent, another exit status) is a lie, and fails the test. With
//! `control_chars`, each command also runs as text, which must carry no control character
//! but line breaks and tabs.
//!
//! The figures (runs, outcomes by class, items compared) are printed on stderr:
//! `cargo test -p linkedin-cli --test cli mutations -- --nocapture`. A longer search for
//! trouble: `LINKEDIN_MUTATION_ROUNDS=10 LINKEDIN_MUTATION_SEED=7` (the defaults, 2 and 18,
//! keep the test within a minute on two cores).

use std::collections::BTreeMap;
use std::io::Read;
use std::path::Path;
use std::process::{Command, ExitStatus, Stdio};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use linkedin_sandbox::Mutation;
use serde_json::Value;

use crate::common::{SandboxProcess, command, read_invocations, touch_read_invocations};

/// The seed of every mutating sandbox.
const SEED: u64 = 18;
/// The longest a run may take before it counts as a hang.
const RUN_TIMEOUT: Duration = Duration::from_secs(30);
/// Sandboxes run at once (the machine's cores are shared).
const WORKERS: usize = 3;
/// Runs of each command against each mutating sandbox: each meets other mutations (the
/// sandbox's generator goes on).
const ROUNDS: usize = 2;
/// The longest error message accepted (the CLI's bound, with `error: `).
const MESSAGE_MAX: usize = 2_100;

/// A command of the CLI: a Voyager read, or a touch read (logged in with cookies from the
/// environment).
#[derive(Debug, Clone)]
enum Cmd {
    Voyager(Vec<String>),
    Touch(Vec<String>),
}

impl Cmd {
    fn words(&self) -> String {
        match self {
            Self::Voyager(args) => args.join(" "),
            Self::Touch(args) => format!("touch {}", args.join(" ")),
        }
    }
}

/// A sandbox process and a session logged in to it.
struct Target {
    sb: SandboxProcess,
    dir: tempfile::TempDir,
}

impl Target {
    fn start(extra: &[&str]) -> Self {
        let sb = SandboxProcess::start_with(extra);
        let dir = tempfile::tempdir().unwrap();
        sb.login(dir.path());
        Self { sb, dir }
    }

    fn dir(&self) -> &Path {
        self.dir.path()
    }

    /// Runs `cmd` (as JSON, or as text), bounded in time.
    fn run(&self, cmd: &Cmd, json: bool) -> Ran {
        let mut args: Vec<&str> = match cmd {
            Cmd::Voyager(args) => args.iter().map(String::as_str).collect(),
            Cmd::Touch(args) => std::iter::once("touch")
                .chain(args.iter().map(String::as_str))
                .collect(),
        };
        if json {
            args.push("--json");
        }
        let mut c = command(&self.sb.url, self.dir(), &args);
        if matches!(cmd, Cmd::Touch(_)) {
            c.env("LINKEDIN_LI_AT", &self.sb.li_at)
                .env("LINKEDIN_JSESSIONID", &self.sb.jsessionid)
                .env_remove("LINKEDIN_TOUCH_BASE_URL");
        }
        bounded(c)
    }
}

/// What a run gave: its status (`None` after a timeout), what it printed, how long it took.
struct Ran {
    status: Option<ExitStatus>,
    stdout: Vec<u8>,
    stderr: Vec<u8>,
}

/// Runs `cmd`, killing it after [`RUN_TIMEOUT`]; its output is read as it comes (a huge
/// answer does not fill the pipe).
fn bounded(mut cmd: Command) -> Ran {
    cmd.stdin(Stdio::null());
    let started = Instant::now();
    let mut child = cmd.spawn().unwrap();
    let reader = |mut pipe: Box<dyn Read + Send>| {
        std::thread::spawn(move || {
            let mut all = Vec::new();
            let _ = pipe.read_to_end(&mut all);
            all
        })
    };
    let stdout = reader(Box::new(child.stdout.take().unwrap()));
    let stderr = reader(Box::new(child.stderr.take().unwrap()));
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break Some(status);
        }
        if started.elapsed() > RUN_TIMEOUT {
            let _ = child.kill();
            let _ = child.wait();
            break None;
        }
        std::thread::sleep(Duration::from_millis(5));
    };
    Ran {
        status,
        stdout: stdout.join().unwrap(),
        stderr: stderr.join().unwrap(),
    }
}

/// How a mutated run ended.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
enum Outcome {
    /// The same items as the fault-free run.
    Same,
    /// A typed error: exit 8, one bounded line.
    Refused,
    // The failures.
    Panic,
    Hang,
    /// Exit 0 with other items: data lost or made up in silence.
    Lied,
    /// Another exit status than 8.
    WrongStatus(i32),
    /// An error message of several lines, too long, or with control characters.
    BadMessage,
    /// Text output that carries a control character.
    Escape,
    /// Exit 0 with output that is not JSON.
    NotJson,
}

impl Outcome {
    fn failed(&self) -> bool {
        !matches!(self, Self::Same | Self::Refused)
    }

    fn class(&self) -> String {
        match self {
            Self::WrongStatus(code) => format!("wrong_status_{code}"),
            other => format!("{other:?}").to_lowercase(),
        }
    }
}

/// Whether a kind may leave a value out (`null`, absent, an empty list) where the
/// fault-free run had one.
fn may_leave_out(kind: Mutation) -> bool {
    matches!(kind, Mutation::DropKey | Mutation::NullValue)
}

/// Whether a kind may change a string into another.
fn may_change_text(kind: Mutation) -> bool {
    matches!(
        kind,
        Mutation::HugeString | Mutation::ControlChars | Mutation::MalformedUrn
    )
}

/// The items of a command's JSON: an array's elements, or the one document.
fn items(v: &Value) -> Vec<&Value> {
    match v {
        Value::Array(all) => all.iter().collect(),
        one => vec![one],
    }
}

/// A value for a message: its start.
fn short(v: &Value) -> String {
    let text = v.to_string();
    let cut: String = text.chars().take(80).collect();
    if cut.len() < text.len() {
        format!("{cut}…")
    } else {
        cut
    }
}

/// `v` without what is the account's own state rather than LinkedIn's answer: the budget
/// `whoami` shows (requests of the last hour, counted by the CLI).
fn local_state_left_out(mut v: Value) -> Value {
    if let Some(o) = v.as_object_mut() {
        o.remove("budget");
    }
    v
}

/// What stands in the fault-free JSON for a value that differs between two fault-free runs.
const UNSTABLE: &str = "\u{0}unstable";

/// `first` with the values that differ in `second` replaced by [`UNSTABLE`].
fn unstable_left_out(first: Value, second: &Value) -> Value {
    match (first, second) {
        (Value::Object(a), Value::Object(b)) => Value::Object(
            a.into_iter()
                .map(|(k, v)| {
                    let v = match b.get(&k) {
                        Some(other) => unstable_left_out(v, other),
                        None => Value::from(UNSTABLE),
                    };
                    (k, v)
                })
                .collect(),
        ),
        (Value::Array(a), Value::Array(b)) if a.len() == b.len() => Value::Array(
            a.into_iter()
                .zip(b)
                .map(|(v, other)| unstable_left_out(v, other))
                .collect(),
        ),
        (a, b) if a == *b => a,
        _ => Value::from(UNSTABLE),
    }
}

/// `Ok` when `got` is `base` but for what `kind` may change without the client knowing.
fn same(kind: Mutation, base: &Value, got: &Value, at: &str) -> Result<(), String> {
    let absent = |v: Option<&Value>| v.is_none_or(Value::is_null);
    match (base, got) {
        _ if base == got || base == UNSTABLE => Ok(()),
        (_, Value::Null) if may_leave_out(kind) => Ok(()),
        (Value::String(_), Value::String(_)) if may_change_text(kind) => Ok(()),
        (Value::Object(b), Value::Object(g)) => {
            for key in b.keys().chain(g.keys()) {
                let (bv, gv) = (b.get(key), g.get(key));
                let here = format!("{at}/{key}");
                match (bv, gv) {
                    (Some(bv), Some(gv)) => same(kind, bv, gv, &here)?,
                    (Some(_), None) if may_leave_out(kind) => {}
                    _ if absent(bv) && absent(gv) => {}
                    _ => {
                        return Err(format!(
                            "{here}: {} became {}",
                            bv.map_or("nothing".to_owned(), short),
                            gv.map_or("nothing".to_owned(), short)
                        ));
                    }
                }
            }
            Ok(())
        }
        (Value::Array(b), Value::Array(g)) if b.len() == g.len() => b
            .iter()
            .zip(g)
            .enumerate()
            .try_for_each(|(i, (b, g))| same(kind, b, g, &format!("{at}/{i}"))),
        (Value::Array(_), Value::Array(g)) if g.is_empty() && may_leave_out(kind) => Ok(()),
        _ => Err(format!("{at}: {} became {}", short(base), short(got))),
    }
}

/// Whether text output carries a character that could drive a terminal.
fn has_escape(text: &str) -> bool {
    text.chars().any(|c| {
        (c.is_control() && c != '\n' && c != '\t')
            || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
    })
}

/// Judges a mutated run of a command against the fault-free run's JSON.
fn judge(kind: Mutation, base: &Value, ran: &Ran) -> (Outcome, usize, String) {
    let Some(status) = ran.status else {
        return (Outcome::Hang, 0, String::new());
    };
    let stderr = String::from_utf8_lossy(&ran.stderr);
    let Some(code) = status.code() else {
        return (Outcome::Panic, 0, format!("killed by a signal: {status}"));
    };
    if code == 101 || stderr.contains("panicked") {
        return (Outcome::Panic, 0, stderr.chars().take(300).collect());
    }
    if code != 0 {
        let message = stderr.trim_end();
        let one_line = message.lines().count() == 1 && message.starts_with("error: ");
        if !one_line || message.chars().count() > MESSAGE_MAX || has_escape(message) {
            return (
                Outcome::BadMessage,
                0,
                message.chars().take(300).collect::<String>(),
            );
        }
        if code != 8 {
            return (Outcome::WrongStatus(code), 0, message.to_owned());
        }
        return (Outcome::Refused, 0, message.to_owned());
    }
    let Ok(got) = serde_json::from_slice::<Value>(&ran.stdout) else {
        return (Outcome::NotJson, 0, String::new());
    };
    let got = local_state_left_out(got);
    let (b, g) = (items(base), items(&got));
    if b.len() != g.len() {
        return (
            Outcome::Lied,
            0,
            format!("{} items, not {}", g.len(), b.len()),
        );
    }
    for (i, (b, g)) in b.iter().zip(&g).enumerate() {
        if let Err(why) = same(kind, b, g, &format!("/{i}")) {
            return (Outcome::Lied, 0, why);
        }
    }
    (Outcome::Same, b.len(), String::new())
}

/// What one kind's sandbox gave: per outcome class, the runs; the failures, said; the items
/// compared.
#[derive(Default)]
struct Tally {
    runs: usize,
    by_class: BTreeMap<String, usize>,
    failures: Vec<String>,
    items: usize,
}

#[test]
fn every_read_survives_every_mutation() {
    let started = Instant::now();
    let clean = Target::start(&[]);
    let mut commands: Vec<Cmd> = read_invocations(&clean.sb.url, clean.dir())
        .into_iter()
        .map(Cmd::Voyager)
        .collect();
    commands.extend(touch_read_invocations().into_iter().map(Cmd::Touch));
    // The fault-free run of each command: what a mutated run must give, or refuse. Run
    // twice: what differs between the two (the account's own counters in `whoami`) is not
    // LinkedIn's answer, and not compared.
    let fault_free = |cmd: &Cmd| -> Value {
        let ran = clean.run(cmd, true);
        assert!(
            ran.status.is_some_and(|s| s.success()),
            "{}: {}",
            cmd.words(),
            String::from_utf8_lossy(&ran.stderr)
        );
        serde_json::from_slice(&ran.stdout).unwrap()
    };
    let baseline: Vec<Value> = commands
        .iter()
        .map(|cmd| {
            let first = local_state_left_out(fault_free(cmd));
            unstable_left_out(first, &local_state_left_out(fault_free(cmd)))
        })
        .collect();
    drop(clean);

    let knob = |name: &str, default: u64| {
        std::env::var(name)
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(default)
    };
    let seed = knob("LINKEDIN_MUTATION_SEED", SEED);
    let rounds = usize::try_from(knob("LINKEDIN_MUTATION_ROUNDS", ROUNDS as u64)).unwrap();
    let kinds: Mutex<Vec<Mutation>> = Mutex::new(Mutation::ALL.to_vec());
    let tallies: Mutex<BTreeMap<String, Tally>> = Mutex::default();
    std::thread::scope(|scope| {
        for _ in 0..WORKERS {
            scope.spawn(|| {
                while let Some(kind) = kinds.lock().unwrap().pop() {
                    let seed = seed.to_string();
                    let target = Target::start(&[
                        "--mutate-answers",
                        "1",
                        "--mutate-kind",
                        kind.name(),
                        "--seed",
                        &seed,
                    ]);
                    let mut tally = Tally::default();
                    let rounds = (0..rounds).flat_map(|_| commands.iter().zip(&baseline));
                    for (cmd, base) in rounds {
                        let ran = target.run(cmd, true);
                        let (outcome, compared, said) = judge(kind, base, &ran);
                        tally.runs += 1;
                        tally.items += compared;
                        *tally.by_class.entry(outcome.class()).or_default() += 1;
                        if outcome.failed() {
                            tally
                                .failures
                                .push(format!("{kind} {}: {outcome:?} {said}", cmd.words()));
                        }
                        if kind == Mutation::ControlChars {
                            // As text: what reaches a terminal.
                            let ran = target.run(cmd, false);
                            tally.runs += 1;
                            let text = String::from_utf8_lossy(&ran.stdout);
                            let outcome = match ran.status.and_then(|s| s.code()) {
                                None => Outcome::Hang,
                                Some(101) => Outcome::Panic,
                                Some(_) if has_escape(&text) => Outcome::Escape,
                                Some(0) => Outcome::Same,
                                Some(_) => Outcome::Refused,
                            };
                            *tally
                                .by_class
                                .entry(format!("text_{}", outcome.class()))
                                .or_default() += 1;
                            if outcome.failed() {
                                tally
                                    .failures
                                    .push(format!("{kind} {} (text): {outcome:?}", cmd.words()));
                            }
                        }
                    }
                    tallies
                        .lock()
                        .unwrap()
                        .insert(kind.name().to_owned(), tally);
                }
            });
        }
    });

    let tallies = tallies.into_inner().unwrap();
    let mut failures = Vec::new();
    // Each command ran twice fault-free.
    let (mut runs, mut items) = (2 * commands.len(), 0);
    let mut classes: BTreeMap<String, usize> = BTreeMap::new();
    eprintln!(
        "mutation test: {} commands, seed {seed}, {rounds} rounds",
        commands.len()
    );
    for (kind, tally) in &tallies {
        eprintln!(
            "  {kind:<14} {:>3} runs, {:>4} items compared: {:?}",
            tally.runs, tally.items, tally.by_class
        );
        runs += tally.runs;
        items += tally.items;
        for (class, n) in &tally.by_class {
            *classes.entry(class.clone()).or_default() += n;
        }
        failures.extend(tally.failures.iter().cloned());
    }
    eprintln!(
        "  all: {runs} runs ({} fault-free), {items} items compared, by class {classes:?}, {} failures, {:.1} s",
        2 * commands.len(),
        failures.len(),
        started.elapsed().as_secs_f64()
    );
    for f in &failures {
        eprintln!("  FAILED {f}");
    }
    assert!(failures.is_empty(), "{} runs failed", failures.len());
    // The test saw what it tests: mutated runs that gave their items, and refusals.
    assert!(classes.get("same").is_some_and(|n| *n > 0), "{classes:?}");
    assert!(
        classes.get("refused").is_some_and(|n| *n > 0),
        "{classes:?}"
    );
}

#[cfg(test)]
mod comparing {
    use serde_json::json;

    use super::*;

    /// What a kind may change is allowed; anything else is caught.
    #[test]
    fn the_comparison_tells_a_lie_from_a_left_out_value() {
        let base = json!({"name": "Ada", "headline": "Engineer", "tags": ["a", "b"], "n": 3});
        let left_out = json!({"name": "Ada", "headline": null, "tags": [], "n": 3});
        assert!(same(Mutation::DropKey, &base, &left_out, "").is_ok());
        assert!(same(Mutation::ChangeType, &base, &left_out, "").is_err());
        let emptied = json!({"name": "", "headline": "Engineer", "tags": ["a", "b"], "n": 3});
        assert!(same(Mutation::DropKey, &base, &emptied, "").is_err());
        assert!(same(Mutation::HugeString, &base, &emptied, "").is_ok());
        let one_less = json!({"name": "Ada", "headline": "Engineer", "tags": ["a"], "n": 3});
        assert!(same(Mutation::NullValue, &base, &one_less, "").is_err());
        let zero = json!({"name": "Ada", "headline": "Engineer", "tags": ["a", "b"], "n": 0});
        assert!(same(Mutation::NullValue, &base, &zero, "").is_err());
        let made_up =
            json!({"name": "Ada", "headline": "Engineer", "tags": ["a", "b"], "n": 3, "x": 1});
        assert!(same(Mutation::DropKey, &base, &made_up, "").is_err());
        assert!(has_escape("a\u{1b}]0;title\u{7}") && !has_escape("a\tb\nc"));
    }
}
