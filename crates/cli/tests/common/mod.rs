//! A `linkedin sandbox` child process for end-to-end tests of the account commands, and a
//! runner of `linkedin` pointed at it with its own session directory.

#![allow(dead_code, clippy::unwrap_used, unreachable_pub)]

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Command, Output, Stdio};

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
