//! What protects the account when many `linkedin` processes act for it at once: one pacing
//! schedule, one daily budget and one circuit breaker for all of them, kept in the session
//! directory; and `-v`, which shows every request but never a secret.

use std::path::Path;
use std::process::Output;
use std::sync::atomic::{AtomicBool, Ordering};

use serde_json::Value;

use crate::common::{Logged, PASSWORD, json_list, no_secret, printed, requests, run_command};

/// The account the `Logged` session is saved as.
const ACCOUNT: &str = "demo-member";

/// The governor's state of `account` in session directory `dir` (budgets, breaker), read
/// under the lock every `linkedin` process takes, so never half written.
fn governor_state(dir: &Path, account: &str) -> Value {
    let path = dir.join(format!("{account}.governor.json"));
    let Ok(file) = std::fs::File::open(&path) else {
        return Value::Null;
    };
    file.lock_shared().unwrap();
    let text = std::io::read_to_string(&file).unwrap();
    if text.trim().is_empty() {
        return Value::Null;
    }
    serde_json::from_str(&text).unwrap()
}

/// How many requests the governor let out for `account` so far (this hour).
fn admitted(dir: &Path, account: &str) -> usize {
    governor_state(dir, account)["recent"]
        .as_array()
        .map_or(0, Vec::len)
}

/// A conversation of the demo account.
fn a_thread(logged: &Logged) -> String {
    let inbox = json_list(&logged.run(&["messages", "list", "--limit", "1", "--json"]));
    inbox[0]["thread_id"].as_str().unwrap().to_owned()
}

/// Two processes in a loop, one account, `--daily-limit message=3`: exactly 3 messages reach
/// LinkedIn, which are the 3 sends that succeeded; every other attempt is refused with status
/// 5 before it is sent, whichever loop it was in.
#[test]
fn two_loops_share_one_daily_budget() {
    let logged = Logged::start();
    let thread = a_thread(&logged);
    let mark = logged.mark();
    let attempts: Vec<(String, Output)> = std::thread::scope(|s| {
        let send_loop = |loop_no: usize| {
            let (logged, thread) = (&logged, &thread);
            move || {
                (1..=5)
                    .map(|i| {
                        let text = format!("Loop {loop_no}, message {i}.");
                        let args = [
                            "--daily-limit",
                            "message=3",
                            "messages",
                            "send",
                            thread,
                            &text,
                        ];
                        (text.clone(), logged.run(&args))
                    })
                    .collect::<Vec<_>>()
            }
        };
        let loops = [s.spawn(send_loop(1)), s.spawn(send_loop(2))];
        loops.into_iter().flat_map(|l| l.join().unwrap()).collect()
    });
    let mut sent_ok: Vec<&str> = Vec::new();
    for (text, out) in &attempts {
        match out.status.code() {
            Some(0) => sent_ok.push(text),
            Some(5) => assert!(
                printed(out).contains("daily budget of 3 message"),
                "{}",
                printed(out)
            ),
            _ => panic!("{text}: {}", printed(out)),
        }
    }
    assert_eq!(sent_ok.len(), 3, "three sends of ten went out");
    let mut received: Vec<&str> = Vec::new();
    let posts: Vec<Value> = logged
        .sent_since(mark)
        .into_iter()
        .filter(|r| r["method"] == "POST")
        .collect();
    for post in &posts {
        let body = post["body"].as_str().unwrap();
        let text = sent_ok.iter().find(|t| body.contains(*t));
        received.push(text.unwrap_or_else(|| panic!("a message no send reported: {body}")));
    }
    received.sort_unstable();
    sent_ok.sort_unstable();
    assert_eq!(
        received, sent_ok,
        "the sandbox received what succeeded, once each"
    );

    let status = logged.run(&["--daily-limit", "message=3", "safety", "status"]);
    assert!(
        printed(&status).contains("message today: 3 of 3"),
        "{}",
        printed(&status)
    );
}

/// Two loops at once with `--pace 0.25`: one schedule for the account, so the slots the
/// governor gave the requests of both, in order, are at least 250 ms apart (the slots are
/// decided under the state file's lock: this holds however loaded the machine is), and the
/// loops took at least as long as that spacing (they waited for their slots).
#[test]
fn two_loops_share_one_pacing_schedule() {
    let logged = Logged::start();
    let dir = logged.dir.path();
    let before = admitted(dir, ACCOUNT);
    let started = std::time::Instant::now();
    std::thread::scope(|s| {
        let read_loop = || {
            for _ in 0..3 {
                let out = logged.run(&["--pace", "0.25", "messages", "list", "--limit", "1"]);
                assert!(out.status.success(), "{}", printed(&out));
            }
        };
        let loops = [s.spawn(read_loop), s.spawn(read_loop)];
        loops.into_iter().for_each(|l| l.join().unwrap());
    });
    let elapsed = started.elapsed();
    let state = governor_state(dir, ACCOUNT);
    let mut slots: Vec<u64> = state["recent"].as_array().unwrap()[before..]
        .iter()
        .map(|t| t.as_u64().unwrap())
        .collect();
    assert_eq!(slots.len(), 6, "one request a command: {state}");
    slots.sort_unstable();
    let gaps: Vec<u64> = slots.windows(2).map(|w| w[1] - w[0]).collect();
    assert!(gaps.iter().all(|g| *g >= 250), "slots {gaps:?} ms apart");
    assert!(
        elapsed >= std::time::Duration::from_millis(5 * 250),
        "{elapsed:?}"
    );
    let bad = logged.run(&["--pace", "0", "whoami"]);
    assert_eq!(bad.status.code(), Some(2), "{}", printed(&bad));
}

/// A challenge in one process stops the others. Two loops of reads run at once against a
/// sandbox that challenges the session after a few requests; each loop goes on until it is
/// told 4. One of them meets the challenge and trips the account's breaker; from then on the
/// governor lets no request of either out: its count of the requests it let out stays where
/// it was when the trip appeared in the state file, and the sandbox received exactly the
/// requests the governor let out. (A request the other loop had let out just before may
/// still meet the session the challenge ended: answered 401, status 3, and the loop goes on
/// to be refused.) Then a third loop, right after, is refused (4) before sending anything.
#[test]
fn a_challenge_in_one_process_stops_the_others() {
    // The cookie login's check, the thread's lookup, then 6 reads go through.
    let logged = Logged::start_with(&["--challenge-after", "8"]);
    let thread = a_thread(&logged);
    let read = ["messages", "list", "--limit", "1"];
    let dir = logged.dir.path();
    let done = AtomicBool::new(false);
    let (codes, admitted_at_trip) = std::thread::scope(|s| {
        // Watches the state file: how many requests were let out when the breaker first
        // shows there.
        let watcher = s.spawn(|| {
            loop {
                let state = governor_state(dir, ACCOUNT);
                if !state["breaker"].is_null() {
                    return Some(state["recent"].as_array().map_or(0, Vec::len));
                }
                if done.load(Ordering::Relaxed) {
                    return None;
                }
                std::thread::sleep(std::time::Duration::from_millis(2));
            }
        });
        let read_loop = || {
            let mut codes = Vec::new();
            for _ in 0..40 {
                let out = logged.run(&read);
                let code = out.status.code().unwrap();
                assert!([0, 3, 4].contains(&code), "{}", printed(&out));
                codes.push(code);
                if code == 4 {
                    break;
                }
            }
            codes
        };
        let loops = [s.spawn(read_loop), s.spawn(read_loop)];
        let codes: Vec<Vec<i32>> = loops.into_iter().map(|l| l.join().unwrap()).collect();
        done.store(true, Ordering::Relaxed);
        (codes, watcher.join().unwrap())
    });
    for loop_codes in &codes {
        assert_eq!(
            loop_codes.last(),
            Some(&4),
            "each loop was stopped: {codes:?}"
        );
    }
    let all = requests(&logged.log);
    let status = |code: u64| all.iter().filter(|r| r["status"] == code).count();
    assert_eq!(status(302), 1, "one challenge, met once: {codes:?}");
    let admitted_at_trip = admitted_at_trip.expect("the breaker tripped");
    assert_eq!(
        admitted(dir, ACCOUNT),
        admitted_at_trip,
        "no request let out after the trip"
    );
    // The cookie login's check was the login's own account's ("browser").
    assert_eq!(
        all.len(),
        admitted(dir, ACCOUNT) + admitted(dir, "browser"),
        "the sandbox received what the governor let out, no more"
    );
    // A 401 that keeps the cookie is followed by one session check, which the ended session
    // answers 401 too, unless the other loop's trip refuses it first: one or two 401s for
    // each run that ended 3, none for any other.
    let threes = codes.iter().flatten().filter(|c| **c == 3).count();
    let unauthorized = status(401);
    assert!(
        threes <= unauthorized && unauthorized <= 2 * threes,
        "{unauthorized} answers 401 for {threes} runs ended 3: {codes:?}"
    );

    // Right after: refused before anything is sent, another read or a write alike.
    let mark = logged.mark();
    for args in [
        &read[..],
        &["search", "people", "--keywords", "a"],
        &["messages", "send", &thread, "Still there?"],
    ] {
        let out = logged.run(args);
        assert_eq!(out.status.code(), Some(4), "{args:?}: {}", printed(&out));
        assert!(printed(&out).contains("stopped to protect the account"));
    }
    assert_eq!(logged.mark(), mark, "nothing sent after the trip");
    assert_eq!(admitted(dir, ACCOUNT), admitted_at_trip);
}

/// The requests' lines of a `-v` log: (method, path, status) of each answered or failed one,
/// the transport's last line of a request.
fn request_lines(stderr: &str) -> Vec<(String, String, u64)> {
    stderr
        .lines()
        .filter(|l| {
            l.contains(" linkedin_request{")
                && (l.contains("}: linkedin_transport::client::retry: answered")
                    || l.contains("}: linkedin_transport::client::retry: request failed"))
        })
        .map(|l| {
            let field = |name: &str| {
                let at = l.find(&format!("{name}=")).unwrap_or_else(|| {
                    panic!("no {name} in a request's line: {l}");
                });
                let rest = &l[at + name.len() + 1..];
                rest[..rest.find([' ', '}']).unwrap()].to_owned()
            };
            let status = field("status").parse().unwrap();
            (field("method"), field("path"), status)
        })
        .collect()
}

/// Runs `args` against `url` (with `RUST_LOG=rust_log` if given), which must end with `code`
/// and print on stderr one line for each request the sandbox logged in `log` meanwhile, with
/// the same method, path and status. Gives the output and how many requests it made.
fn shows_each_request(
    url: &str,
    log: &Path,
    dir: &Path,
    args: &[&str],
    (stdin, rust_log, code): (&str, Option<&str>, i32),
) -> (Output, usize) {
    let mut cmd = crate::common::command(url, dir, args);
    if let Some(filter) = rust_log {
        cmd.env("RUST_LOG", filter);
    }
    let mark = requests(log).len();
    let out = run_command(cmd, stdin);
    assert_eq!(out.status.code(), Some(code), "{args:?}: {}", printed(&out));
    let mut sent: Vec<(String, String, u64)> = requests(log)[mark..]
        .iter()
        .map(|r| {
            let text = |key: &str| r[key].as_str().unwrap().to_owned();
            (text("method"), text("path"), r["status"].as_u64().unwrap())
        })
        .collect();
    let stderr = String::from_utf8_lossy(&out.stderr);
    let mut shown = request_lines(&stderr);
    sent.sort();
    shown.sort();
    assert_eq!(shown, sent, "{args:?}: one line a request:\n{stderr}");
    (out, sent.len())
}

/// The cookie values of the sessions saved in `dir`.
fn saved_cookies(dir: &Path) -> Vec<String> {
    let mut values = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if !name.ends_with(".json") || name.ends_with(".governor.json") {
            continue;
        }
        let saved: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        for cookie in saved["cookies"].as_array().unwrap() {
            if ["li_at", "JSESSIONID"].contains(&cookie["name"].as_str().unwrap()) {
                values.push(cookie["value"].as_str().unwrap().to_owned());
            }
        }
    }
    values
}

/// `-v`, `-vv` and `RUST_LOG=trace` show every request, one line each with its method, path
/// and status, an error answer's too, and never a secret: not the cookies of the session
/// (`li_at`, `JSESSIONID` with or without its quotes, which is also the `csrf-token` every
/// request carries), of a cookie login or of a password login, nor the password, whether the
/// command succeeds, fails, logs in or writes; over HTTP/1.1, and over TLS and HTTP/2, where
/// `RUST_LOG=trace` lets h2 log its frames too.
#[test]
fn verbose_logs_show_each_request_and_no_secret() {
    let logged = Logged::start();
    let thread = a_thread(&logged);
    let (li_at, jsessionid) = (logged.sb.li_at.as_str(), logged.sb.jsessionid.as_str());
    let password_dir = tempfile::tempdir().unwrap();
    let password = format!("{PASSWORD}\n");
    let mut outputs = Vec::new();
    let mut requests_seen = 0;
    let mut session_cookies = Vec::new();
    let verbosities: [(&[&str], Option<&str>); 3] =
        [(&["-v"], None), (&["-vv"], None), (&[], Some("trace"))];
    for (flags, rust_log) in verbosities {
        let (cookie_dir, password_dir) = (logged.dir.path(), password_dir.path());
        let commands: [(&[&str], &Path, &str, i32); 7] = [
            (
                &["login", "--li-at", li_at, "--jsessionid", jsessionid],
                cookie_dir,
                "",
                0,
            ),
            (
                &[
                    "login",
                    "--username",
                    "demo@example.com",
                    "--password-stdin",
                ],
                password_dir,
                &password,
                0,
            ),
            (&["whoami"], password_dir, "", 0),
            (&["company", "show", "linkedin"], cookie_dir, "", 0),
            (
                &["search", "people", "--keywords", "a", "--limit", "15"],
                cookie_dir,
                "",
                0,
            ),
            (
                &["messages", "send", &thread, "Logged, not leaked."],
                cookie_dir,
                "",
                0,
            ),
            (&["profile", "show", "no-such-member-q"], cookie_dir, "", 6),
        ];
        for (args, dir, stdin, code) in commands {
            let args: Vec<&str> = flags.iter().chain(args).copied().collect();
            let (out, n) = shows_each_request(
                &logged.sb.url,
                &logged.log,
                dir,
                &args,
                (stdin, rust_log, code),
            );
            requests_seen += n;
            outputs.push(out);
        }
        // Each password login makes a new session: its cookies are secrets too.
        session_cookies.extend(saved_cookies(password_dir));
    }
    assert!(requests_seen >= 20, "{requests_seen} requests checked");

    // Over TLS: HTTP/2, whose crate logs at TRACE.
    let tls_dir = tempfile::tempdir().unwrap();
    let ca = tls_dir.path().join("ca.pem");
    let tls_log = tls_dir.path().join("requests.jsonl");
    let tls = crate::common::SandboxProcess::start_with(&[
        "--tls",
        "--cert-out",
        ca.to_str().unwrap(),
        "--request-log",
        tls_log.to_str().unwrap(),
    ]);
    let ca_file = ["--ca-file", ca.to_str().unwrap()];
    let tls_login = [
        "login",
        "--li-at",
        &tls.li_at,
        "--jsessionid",
        &tls.jsessionid,
    ];
    for args in [&tls_login[..], &["messages", "list", "--limit", "2"]] {
        let args: Vec<&str> = ca_file.iter().chain(args).copied().collect();
        let trace = ("", Some("trace"), 0);
        let (out, _) = shows_each_request(&tls.url, &tls_log, tls_dir.path(), &args, trace);
        assert!(
            String::from_utf8_lossy(&out.stderr).contains("h2::"),
            "h2 logged"
        );
        outputs.push(out);
    }

    let mut secrets: Vec<String> = vec![li_at.to_owned(), jsessionid.to_owned()];
    secrets.extend([tls.li_at.clone(), tls.jsessionid.clone()]);
    secrets.extend(session_cookies);
    let unquoted: Vec<String> = secrets
        .iter()
        .map(|s| s.trim_matches('"').to_owned())
        .collect();
    assert!(
        unquoted.iter().filter(|s| s.starts_with("ajax:")).count() >= 5,
        "the JSESSIONIDs of two cookie and three password logins: {secrets:?}"
    );
    let all: Vec<&str> = secrets
        .iter()
        .chain(&unquoted)
        .map(String::as_str)
        .collect();
    no_secret(&outputs, &all);
}
