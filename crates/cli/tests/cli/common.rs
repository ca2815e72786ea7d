//! A `linkedin sandbox` child process, a runner of `linkedin` pointed at it (or at an
//! embedded sandbox) with its own session directory, and readers of what it printed.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};

use linkedin_sandbox::world::{World, generate};
use serde_json::Value;

/// A running `linkedin sandbox`, killed when dropped.
pub struct SandboxProcess {
    child: Child,
    pub url: String,
    pub li_at: String,
    pub jsessionid: String,
}

impl SandboxProcess {
    pub fn start() -> Self {
        Self::start_with(&[])
    }

    /// With more arguments for `linkedin sandbox`, such as `--request-log <file>`.
    pub fn start_with(extra: &[&str]) -> Self {
        let mut child = Command::new(assert_cmd::cargo::cargo_bin("linkedin"))
            .args(["sandbox", "--print-cookies"])
            .args(extra)
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let mut out = BufReader::new(child.stdout.take().unwrap());
        let mut line = || {
            let mut l = String::new();
            out.read_line(&mut l).unwrap();
            l.trim_end().to_owned()
        };
        let url = line();
        let li_at = line().trim_start_matches("li_at=").to_owned();
        let jsessionid = line().trim_start_matches("JSESSIONID=").to_owned();
        Self {
            child,
            url,
            li_at,
            jsessionid,
        }
    }

    /// Logs in with the demo account's cookies, saving the session in `dir`.
    pub fn login(&self, dir: &Path) {
        let out = run(
            &self.url,
            dir,
            &[
                "login",
                "--li-at",
                &self.li_at,
                "--jsessionid",
                &self.jsessionid,
            ],
            "",
        );
        assert!(out.status.success(), "{}", printed(&out));
    }
}

/// The requests a `linkedin sandbox --request-log <log>` received so far, one JSON object
/// each (method, path, query, body, status...).
pub fn requests(log: &Path) -> Vec<serde_json::Value> {
    std::fs::read_to_string(log)
        .unwrap_or_default()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

impl Drop for SandboxProcess {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Runs `linkedin args` against `base` with sessions in `dir`, feeding `stdin`.
pub fn run(base: &str, dir: &Path, args: &[&str], stdin: &str) -> Output {
    let mut cmd = Command::new(assert_cmd::cargo::cargo_bin("linkedin"));
    cmd.args(args)
        .env("LINKEDIN_BASE_URL", base)
        .env("LINKEDIN_SESSION_DIR", dir)
        .env_remove("LINKEDIN_USERNAME")
        .env_remove("LINKEDIN_PASSWORD")
        .env_remove("LINKEDIN_LI_AT")
        .env_remove("LINKEDIN_JSESSIONID")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = cmd.spawn().unwrap();
    {
        use std::io::Write;
        let mut input = child.stdin.take().unwrap();
        input.write_all(stdin.as_bytes()).unwrap();
    }
    child.wait_with_output().unwrap()
}

/// Everything the command printed.
pub fn printed(output: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    )
}

// Helpers shared by the area tests (profile, company, jobs, search, touch).

pub const PASSWORD: &str = "demo-password";

pub fn world() -> World {
    generate(linkedin_sandbox::WORLD_SEED)
}

/// `linkedin --sandbox <args>`: an embedded sandbox, nothing else reachable.
pub fn sandboxed(args: &[&str]) -> Output {
    let dir = tempfile::tempdir().unwrap();
    let mut all = vec!["--sandbox"];
    all.extend_from_slice(args);
    run("http://127.0.0.1:9", dir.path(), &all, "")
}

/// The one JSON document a successful command printed.
pub fn json(output: &Output) -> Value {
    assert!(output.status.success(), "{}", printed(output));
    serde_json::from_slice(&output.stdout).unwrap()
}

/// The JSON objects a successful `--ndjson` command printed, one a line.
pub fn ndjson(output: &Output) -> Vec<Value> {
    assert!(output.status.success(), "{}", printed(output));
    String::from_utf8_lossy(&output.stdout)
        .lines()
        .map(|l| {
            let v: Value = serde_json::from_str(l).unwrap();
            assert!(v.is_object(), "{l}");
            v
        })
        .collect()
}

/// A `linkedin sandbox` that logs every request, and a session saved by a cookie login.
pub struct Logged {
    pub sb: SandboxProcess,
    pub dir: tempfile::TempDir,
    pub log: PathBuf,
}

impl Logged {
    pub fn start() -> Self {
        let dir = tempfile::tempdir().unwrap();
        let log = dir.path().join("requests.jsonl");
        let sb = SandboxProcess::start_with(&["--request-log", log.to_str().unwrap()]);
        sb.login(dir.path());
        Self { sb, dir, log }
    }

    pub fn run(&self, args: &[&str]) -> Output {
        self.run_with_stdin(args, "")
    }

    /// Runs a command with `stdin` as its standard input.
    pub fn run_with_stdin(&self, args: &[&str], stdin: &str) -> Output {
        run(&self.sb.url, self.dir.path(), args, stdin)
    }

    /// The paths of the requests the sandbox received so far.
    pub fn paths(&self) -> Vec<String> {
        requests(&self.log)
            .iter()
            .map(|r| r["path"].as_str().unwrap().to_owned())
            .collect()
    }

    /// Runs a command that must be refused as bad input: status 2, one line on stderr,
    /// nothing on stdout, and no request beyond the saved session's check.
    pub fn refused(&self, args: &[&str]) -> Output {
        let before = self.paths().len();
        let output = self.run(args);
        assert_eq!(
            output.status.code(),
            Some(2),
            "{args:?}: {}",
            printed(&output)
        );
        assert!(output.stdout.is_empty(), "{args:?}");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(stderr.trim_end().lines().count(), 1, "{args:?}: {stderr}");
        let sent: Vec<String> = self.paths()[before..]
            .iter()
            .filter(|p| *p != "/voyager/api/me")
            .cloned()
            .collect();
        assert!(sent.is_empty(), "{args:?} sent {sent:?}");
        output
    }

    /// Checks that an output shows none of the account's secrets.
    pub fn assert_no_secret(&self, output: &Output) {
        let text = printed(output);
        assert!(!text.contains(&self.sb.li_at), "li_at printed");
        assert!(
            !text.contains(self.sb.jsessionid.trim_matches('"')),
            "JSESSIONID printed"
        );
        assert!(!text.contains(PASSWORD), "password printed");
    }
}

/// A failure with `code`, said in one line on stderr, nothing on stdout.
pub fn fails(out: &Output, code: i32) -> String {
    assert_eq!(out.status.code(), Some(code), "{}", printed(out));
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert_eq!(stderr.trim_end().lines().count(), 1, "{stderr}");
    assert!(stderr.starts_with("error: ") && !stderr.contains("panicked"));
    assert!(out.stdout.is_empty(), "{}", printed(out));
    stderr
}

/// Fails if any output shows one of `secrets` or the demo password.
pub fn no_secret(outputs: &[Output], secrets: &[&str]) {
    for out in outputs {
        let text = printed(out);
        for s in secrets.iter().chain(&["demo-password"]) {
            assert!(!text.contains(s), "a secret printed: {text}");
        }
    }
}
