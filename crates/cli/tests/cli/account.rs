//! End-to-end: `login`, `whoami`, `logout` against a `linkedin sandbox` process, exit statuses
//! per failure class, and no secret ever printed.

use std::path::Path;
use std::process::Output;

use crate::common::{
    Logged, PASSWORD, SandboxProcess, TestProxy, assert_snake_case, keys, printed, requests, run,
    run_with_env,
};

/// `linkedin login --username <username> --password-stdin`, the password on stdin.
fn password_login(sb: &SandboxProcess, dir: &Path, username: &str, password: &str) -> Output {
    run(
        &sb.url,
        dir,
        &["login", "--username", username, "--password-stdin"],
        &format!("{password}\n"),
    )
}

#[test]
fn password_login_saves_a_session_that_later_commands_use() {
    let sb = SandboxProcess::start();
    let dir = tempfile::tempdir().unwrap();
    let login = password_login(&sb, dir.path(), "demo@example.com", PASSWORD);
    assert!(login.status.success(), "{}", printed(&login));
    assert!(printed(&login).contains("logged in as Dana Moreau (demo-member)"));

    let whoami = run(&sb.url, dir.path(), &["whoami", "--json"], "");
    assert!(whoami.status.success(), "{}", printed(&whoami));
    let me: serde_json::Value = serde_json::from_slice(&whoami.stdout).unwrap();
    assert_eq!(me["public_id"], "demo-member");

    let logout = run(&sb.url, dir.path(), &["logout"], "");
    assert!(logout.status.success());
    let whoami = run(&sb.url, dir.path(), &["whoami"], "");
    assert_eq!(whoami.status.code(), Some(3), "{}", printed(&whoami));
    assert!(printed(&whoami).contains("linkedin login"));

    for output in [&login, &whoami] {
        assert!(!printed(output).contains(PASSWORD));
    }
}

#[test]
fn cookie_login_and_no_secret_printed() {
    let sb = SandboxProcess::start();
    let dir = tempfile::tempdir().unwrap();
    let login = run(
        &sb.url,
        dir.path(),
        &[
            "login",
            "--li-at",
            &sb.li_at,
            "--jsessionid",
            &sb.jsessionid,
        ],
        "",
    );
    assert!(login.status.success(), "{}", printed(&login));
    let whoami = run(&sb.url, dir.path(), &["whoami"], "");
    assert!(whoami.status.success(), "{}", printed(&whoami));
    for output in [&login, &whoami] {
        let text = printed(output);
        assert!(!text.contains(&sb.li_at) && !text.contains(sb.jsessionid.trim_matches('"')));
    }
}

#[test]
fn each_failure_class_has_its_exit_status() {
    let sb = SandboxProcess::start();
    let dir = tempfile::tempdir().unwrap();
    // A wrong password: 3, saying to check it.
    let bad = password_login(&sb, dir.path(), "demo@example.com", "wrong-password-Q7");
    assert_eq!(bad.status.code(), Some(3), "{}", printed(&bad));
    assert!(!printed(&bad).contains("wrong-password-Q7"));
    // A security check: 4, with the URL to open.
    let challenge = password_login(&sb, dir.path(), "challenge@example.com", "whatever");
    assert_eq!(challenge.status.code(), Some(4), "{}", printed(&challenge));
    assert!(printed(&challenge).contains("/checkpoint/challenge/"));
    // Nowhere to connect: 7.
    let closed = run(
        "http://127.0.0.1:9",
        dir.path(),
        &["login", "--li-at", "x", "--jsessionid", "y"],
        "",
    );
    assert_eq!(closed.status.code(), Some(7), "{}", printed(&closed));
    // Bad usage: 2.
    let usage = run(&sb.url, dir.path(), &["login"], "");
    assert_eq!(usage.status.code(), Some(2), "{}", printed(&usage));
    // One line, no backtrace.
    for output in [&bad, &challenge, &closed, &usage] {
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(stderr.trim_end().lines().count(), 1, "{stderr}");
        assert!(!stderr.contains("panicked"));
    }
}

#[test]
fn the_embedded_sandbox_needs_no_account() {
    let dir = tempfile::tempdir().unwrap();
    let out = run(
        "http://127.0.0.1:9",
        dir.path(),
        &["--sandbox", "whoami", "--json"],
        "",
    );
    assert!(out.status.success(), "{}", printed(&out));
    let me: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        keys(&me),
        [
            "budget",
            "first_name",
            "headline",
            "last_name",
            "member_id",
            "premium",
            "profile_id",
            "public_id"
        ]
    );
    assert_eq!(me["first_name"], "Dana");
    let text = run(
        "http://127.0.0.1:9",
        dir.path(),
        &["--sandbox", "whoami"],
        "",
    );
    assert!(
        String::from_utf8_lossy(&text.stdout).starts_with(&format!(
            "Dana Moreau demo-member (urn:li:fsd_profile:{})\n",
            me["profile_id"].as_str().unwrap()
        )),
        "{}",
        printed(&text)
    );
}

#[test]
fn the_demo_walks_through_the_embedded_sandbox() {
    let dir = tempfile::tempdir().unwrap();
    let demo = run("http://127.0.0.1:9", dir.path(), &["demo"], "");
    assert!(demo.status.success(), "{}", printed(&demo));
    let text = printed(&demo);
    assert!(text.contains("Dana Moreau"));
    assert!(
        text.contains("(linkedin --sandbox company show linkedin)"),
        "{text}"
    );
    // Every step as JSON: what it shows, the command that shows it alone, its result.
    let demo = run("http://127.0.0.1:9", dir.path(), &["demo", "--json"], "");
    assert!(demo.status.success(), "{}", printed(&demo));
    let steps: Vec<serde_json::Value> = serde_json::from_slice(&demo.stdout).unwrap();
    assert!(steps.len() >= 6);
    for step in &steps {
        assert_eq!(keys(step), ["command", "result", "step"]);
        assert_snake_case(&step["result"], step["step"].as_str().unwrap());
    }
}

#[test]
fn completions_and_version() {
    let dir = tempfile::tempdir().unwrap();
    for shell in ["bash", "zsh", "fish"] {
        let out = run(
            "http://127.0.0.1:9",
            dir.path(),
            &["completions", shell],
            "",
        );
        assert!(out.status.success(), "{shell}: {}", printed(&out));
        let script = String::from_utf8_lossy(&out.stdout);
        for command in ["messages", "invitations", "search", "touch", "demo"] {
            assert!(
                script.contains(command),
                "{shell} completions lack {command}"
            );
        }
    }
    let bad = run(
        "http://127.0.0.1:9",
        dir.path(),
        &["completions", "cmd.exe"],
        "",
    );
    assert_eq!(bad.status.code(), Some(2), "{}", printed(&bad));
    let version = run("http://127.0.0.1:9", dir.path(), &["--version"], "");
    assert!(String::from_utf8_lossy(&version.stdout).starts_with("linkedin "));
}

/// A challenge trips the account's breaker for every later process: the next command is
/// refused before anything is sent (exit 4, saying what to do), `safety status` shows it, and
/// `safety reset` lets requests go out again.
#[test]
fn a_challenge_stops_every_later_command_until_reset() {
    let logged = crate::common::Logged::start();
    let account = "challenge@example.com";
    let first = password_login(&logged.sb, logged.dir.path(), account, "whatever");
    assert_eq!(first.status.code(), Some(4), "{}", printed(&first));

    let status = logged.run(&["safety", "status", "--account", account, "--json"]);
    assert!(status.status.success(), "{}", printed(&status));
    let report: serde_json::Value = serde_json::from_slice(&status.stdout).unwrap();
    assert_eq!(report["breaker"]["reason"], "challenge");
    assert!(
        report["breaker"]["url"]
            .as_str()
            .unwrap()
            .contains("/checkpoint/challenge/")
    );

    // Another process, with the password in the environment: refused before sending.
    let mark = logged.mark();
    let mut cmd = std::process::Command::new(assert_cmd::cargo::cargo_bin("linkedin"));
    let again = cmd
        .args(["whoami", "--account", account])
        .env("LINKEDIN_BASE_URL", &logged.sb.url)
        .env("LINKEDIN_SESSION_DIR", logged.dir.path())
        .env("LINKEDIN_PASSWORD", "whatever")
        .env_remove("LINKEDIN_LI_AT")
        .env_remove("LINKEDIN_JSESSIONID")
        .output()
        .unwrap();
    assert_eq!(again.status.code(), Some(4), "{}", printed(&again));
    assert!(printed(&again).contains("stopped to protect the account"));
    assert!(printed(&again).contains("linkedin safety reset"));
    assert_eq!(logged.mark(), mark, "nothing was sent");

    let reset = logged.run(&["safety", "reset", "--account", account, "--json"]);
    assert!(reset.status.success(), "{}", printed(&reset));
    let report: serde_json::Value = serde_json::from_slice(&reset.stdout).unwrap();
    assert!(report["breaker"].is_null());
}

/// A daily limit holds across processes: the second send of the day is refused (exit 5)
/// before anything is sent, and the sandbox received one message.
#[test]
fn a_daily_limit_holds_across_processes() {
    let logged = crate::common::Logged::start();
    let inbox = logged.run(&["messages", "list", "--limit", "1", "--json"]);
    assert!(inbox.status.success(), "{}", printed(&inbox));
    let inbox: serde_json::Value = serde_json::from_slice(&inbox.stdout).unwrap();
    let thread = inbox[0]["thread_id"].as_str().unwrap().to_owned();
    let send = |text: &str| {
        logged.run(&[
            "--daily-limit",
            "message=1",
            "messages",
            "send",
            &thread,
            text,
        ])
    };
    let mark = logged.mark();
    let first = send("One message today.");
    assert!(first.status.success(), "{}", printed(&first));
    let second = send("And a second one.");
    assert_eq!(second.status.code(), Some(5), "{}", printed(&second));
    assert!(
        printed(&second).contains("daily budget of 1 message"),
        "{}",
        printed(&second)
    );
    assert_eq!(logged.posts_since(mark), 1, "the second was not sent");

    let status = logged.run(&["--daily-limit", "message=1", "safety", "status"]);
    assert!(
        printed(&status).contains("message today: 1 of 1"),
        "{}",
        printed(&status)
    );
    let bad = logged.run(&["--daily-limit", "messages=1", "safety", "status"]);
    assert_eq!(bad.status.code(), Some(2), "{}", printed(&bad));
}

/// `--sandbox` never touches the saved sessions: `login` logs in to the embedded sandbox in a
/// throwaway directory, `logout` deletes nothing.
#[test]
fn the_sandbox_flag_keeps_away_from_saved_sessions() {
    let logged = crate::common::Logged::start();
    let saved: Vec<_> = std::fs::read_dir(logged.dir.path()).unwrap().collect();
    let login = logged.run_with_stdin(
        &[
            "--sandbox",
            "login",
            "--username",
            "demo@example.com",
            "--password-stdin",
        ],
        &format!("{PASSWORD}\n"),
    );
    assert!(login.status.success(), "{}", printed(&login));
    assert!(printed(&login).contains("embedded sandbox"));
    let logout = logged.run(&["--sandbox", "logout"]);
    assert!(logout.status.success(), "{}", printed(&logout));
    let after: Vec<_> = std::fs::read_dir(logged.dir.path()).unwrap().collect();
    assert_eq!(after.len(), saved.len(), "no file added or deleted");
    let whoami = logged.run(&["whoami"]);
    assert!(
        whoami.status.success(),
        "the real session is still there: {}",
        printed(&whoami)
    );
}

/// A session saved for one base URL is refused against another, with the fix in the
/// message, in the login class (3), and nothing sent there.
#[test]
fn a_session_is_refused_against_another_base_url() {
    let logged = crate::common::Logged::start();
    let other = crate::common::SandboxProcess::start();
    let out = run(&other.url, logged.dir.path(), &["whoami"], "");
    assert_eq!(out.status.code(), Some(3), "{}", printed(&out));
    let text = printed(&out);
    assert!(
        text.contains("saved for") && text.contains(&logged.sb.url),
        "{text}"
    );
}

/// The plumbing: `-v` logs one line a request on stderr without a secret, `--timeout` reaches
/// the transport. (A closed stdout: `output::every_command_ends_quietly_on_a_closed_stdout`.)
#[test]
fn verbose_logs_and_timeouts() {
    let sb = SandboxProcess::start();
    let dir = tempfile::tempdir().unwrap();
    sb.login(dir.path());
    let out = run(
        &sb.url,
        dir.path(),
        &["-v", "company", "show", "linkedin"],
        "",
    );
    assert!(out.status.success(), "{}", printed(&out));
    let log = String::from_utf8_lossy(&out.stderr);
    assert!(
        log.contains("linkedin_request") && log.contains("GET"),
        "{log}"
    );
    assert!(log.contains("organization/companies"), "{log}");
    assert!(!log.contains(&sb.li_at) && !log.contains(sb.jsessionid.trim_matches('"')));
    let quiet = run(&sb.url, dir.path(), &["company", "show", "linkedin"], "");
    assert!(quiet.stderr.is_empty(), "{}", printed(&quiet));

    let slow = SandboxProcess::start_with(&["--latency-ms", "3000"]);
    let dir = tempfile::tempdir().unwrap();
    let out = run(
        &slow.url,
        dir.path(),
        &[
            "--timeout",
            "1",
            "login",
            "--li-at",
            &slow.li_at,
            "--jsessionid",
            &slow.jsessionid,
        ],
        "",
    );
    assert_eq!(out.status.code(), Some(7), "{}", printed(&out));
    assert!(printed(&out).contains("--timeout"), "{}", printed(&out));
}

/// `--ca-file` makes the TLS sandbox usable from the CLI: without it the certificate is
/// refused (exit 7), with its CA the login works; a file without a certificate is bad input.
#[test]
fn a_ca_file_trusts_the_tls_sandbox() {
    let dir = tempfile::tempdir().unwrap();
    let ca = dir.path().join("ca.pem");
    let sb = SandboxProcess::start_with(&["--tls", "--cert-out", ca.to_str().unwrap()]);
    assert!(sb.url.starts_with("https://"), "{}", sb.url);
    let login = [
        "login",
        "--li-at",
        &sb.li_at,
        "--jsessionid",
        &sb.jsessionid,
    ];
    let refused = run(&sb.url, dir.path(), &login, "");
    assert_eq!(refused.status.code(), Some(7), "{}", printed(&refused));
    let mut with_ca = vec!["--ca-file", ca.to_str().unwrap()];
    with_ca.extend_from_slice(&login);
    let ok = run(&sb.url, dir.path(), &with_ca, "");
    assert!(ok.status.success(), "{}", printed(&ok));
    let junk = dir.path().join("junk.pem");
    std::fs::write(&junk, "not a certificate").unwrap();
    let mut bad = vec!["--ca-file", junk.to_str().unwrap()];
    bad.extend_from_slice(&login);
    let out = run(&sb.url, dir.path(), &bad, "");
    assert_eq!(out.status.code(), Some(2), "{}", printed(&out));
}

/// The `Proxy-Authorization` of `proxy-user:s3cret-Pw` (its base64 is a secret too).
const PROXY_BASIC: &str = "Basic cHJveHktdXNlcjpzM2NyZXQtUHc=";

/// `--proxy` carries the commands through an HTTP proxy (one CONNECT a process, to the
/// sandbox), its credentials go in `Proxy-Authorization` and never in `-v` or `-vv` output,
/// and a proxy refusing them is the network class (7), naming the proxy and its status.
#[test]
fn a_proxy_carries_the_commands_and_keeps_its_password() {
    let sb = SandboxProcess::start();
    let px = TestProxy::start(Some(PROXY_BASIC));
    let dir = tempfile::tempdir().unwrap();
    let url = px.url(Some("proxy-user:s3cret-Pw"));
    let login = run(
        &sb.url,
        dir.path(),
        &[
            "-v",
            "--proxy",
            &url,
            "login",
            "--li-at",
            &sb.li_at,
            "--jsessionid",
            &sb.jsessionid,
        ],
        "",
    );
    assert!(login.status.success(), "{}", printed(&login));
    // A read that sends a request (`whoami` trusts the session just checked, sending none).
    let read = run(
        &sb.url,
        dir.path(),
        &[
            "-vv", "--proxy", &url, "company", "show", "linkedin", "--json",
        ],
        "",
    );
    assert!(read.status.success(), "{}", printed(&read));
    let company: serde_json::Value = serde_json::from_slice(&read.stdout).unwrap();
    assert_eq!(company["universal_name"], "linkedin");
    let target = sb.url.trim_start_matches("http://");
    let connects = px.connects();
    assert_eq!(connects.len(), 2, "one tunnel a process: {connects:?}");
    for (to, authorization) in &connects {
        assert_eq!(to, target);
        assert_eq!(authorization.as_deref(), Some(PROXY_BASIC));
    }
    let log = String::from_utf8_lossy(&login.stderr);
    assert!(log.contains("linkedin_request"), "-v logs: {log}");
    for output in [&login, &read] {
        let text = printed(output);
        assert!(
            !text.contains("s3cret-Pw") && !text.contains(&PROXY_BASIC[6..]),
            "the proxy's password leaked: {text}"
        );
    }

    let wrong = run(
        &sb.url,
        dir.path(),
        &[
            "-v",
            "--proxy",
            &px.url(Some("proxy-user:wrong-Pw-9")),
            "company",
            "show",
            "linkedin",
        ],
        "",
    );
    assert_eq!(wrong.status.code(), Some(7), "{}", printed(&wrong));
    let text = printed(&wrong);
    assert!(
        text.contains(&format!("the proxy {} refused", px.addr)) && text.contains("407"),
        "{text}"
    );
    assert!(!text.contains("wrong-Pw-9"), "{text}");
}

/// Without `--proxy`, HTTPS_PROXY carries the https commands (here the TLS sandbox's),
/// HTTP_PROXY does not, NO_PROXY goes around it, `--proxy` wins over it, and an unusable
/// value is bad input naming the variable, not its password.
#[test]
fn https_proxy_and_no_proxy_from_the_environment() {
    let dir = tempfile::tempdir().unwrap();
    let ca = dir.path().join("ca.pem");
    let sb = SandboxProcess::start_with(&["--tls", "--cert-out", ca.to_str().unwrap()]);
    let px = TestProxy::start(None);
    let ca = ca.to_str().unwrap();
    let login = [
        "--ca-file",
        ca,
        "login",
        "--li-at",
        &sb.li_at,
        "--jsessionid",
        &sb.jsessionid,
    ];
    let proxy = px.url(None);
    let out = run_with_env(&sb.url, dir.path(), &login, "", &[("HTTPS_PROXY", &proxy)]);
    assert!(out.status.success(), "{}", printed(&out));
    let connects = px.connects();
    assert_eq!(connects.len(), 1, "{connects:?}");
    assert_eq!(connects[0].0, sb.url.trim_start_matches("https://"));

    // A read that sends a request (`whoami` trusts the session just checked, sending none).
    let read = ["--ca-file", ca, "company", "show", "linkedin"];
    for vars in [
        vec![("HTTP_PROXY", proxy.as_str())],
        vec![("HTTPS_PROXY", proxy.as_str()), ("NO_PROXY", "127.0.0.1")],
        vec![("https_proxy", proxy.as_str()), ("no_proxy", "*")],
    ] {
        let out = run_with_env(&sb.url, dir.path(), &read, "", &vars);
        assert!(out.status.success(), "{vars:?}: {}", printed(&out));
        assert_eq!(px.connects().len(), 1, "{vars:?} goes around the proxy");
    }

    // --proxy first: the variable's proxy (nothing listens there) is not used.
    let dead = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap();
    let mut flagged = vec!["--proxy", proxy.as_str()];
    flagged.extend_from_slice(&read);
    let dead_url = format!("http://{dead}");
    let out = run_with_env(
        &sb.url,
        dir.path(),
        &flagged,
        "",
        &[("HTTPS_PROXY", &dead_url)],
    );
    assert!(out.status.success(), "{}", printed(&out));
    assert_eq!(px.connects().len(), 2);

    let out = run_with_env(
        &sb.url,
        dir.path(),
        &read,
        "",
        &[("HTTPS_PROXY", "socks5://me:s3cret@127.0.0.1:1080")],
    );
    assert_eq!(out.status.code(), Some(2), "{}", printed(&out));
    let text = printed(&out);
    assert!(
        text.contains("HTTPS_PROXY") && text.contains("socks5"),
        "{text}"
    );
    assert!(!text.contains("s3cret"), "{text}");
}

/// A `--proxy` that is not an `http://` proxy URL exits 2 before anything is sent, even
/// with --sandbox, and the message does not repeat the URL's password.
#[test]
fn a_bad_proxy_url_is_bad_usage() {
    let logged = Logged::start();
    let before = requests(&logged.log).len();
    for bad in [
        "socks5://me:s3cret@127.0.0.1:1080",
        "https://me:s3cret@127.0.0.1:3128",
        "http://me:s3cret@127.0.0.1:3128/path",
        "http://me:s3cret@:3128",
        "",
    ] {
        let out = logged.run(&["--proxy", bad, "company", "show", "linkedin"]);
        assert_eq!(out.status.code(), Some(2), "{bad}: {}", printed(&out));
        let text = printed(&out);
        assert!(text.contains("--proxy"), "{bad}: {text}");
        assert!(!text.contains("s3cret"), "{bad}: {text}");
        let out = logged.run(&["--sandbox", "--proxy", bad, "company", "show", "linkedin"]);
        assert_eq!(out.status.code(), Some(2), "{bad}: {}", printed(&out));
    }
    assert_eq!(requests(&logged.log).len(), before, "nothing was sent");
    // The same command without the bad flag does send.
    let out = logged.run(&["company", "show", "linkedin"]);
    assert!(out.status.success(), "{}", printed(&out));
    assert!(requests(&logged.log).len() > before);
}
