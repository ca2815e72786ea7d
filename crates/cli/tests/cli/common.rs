//! A `linkedin sandbox` child process, a runner of `linkedin` pointed at it (or at an
//! embedded sandbox) with its own session directory, and readers of what it printed.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::sync::{Arc, Mutex};

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

impl Drop for SandboxProcess {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The proxy variables the CLI reads: none reaches a test's command unless it sets them.
pub const PROXY_VARS: [&str; 8] = [
    "HTTPS_PROXY",
    "https_proxy",
    "HTTP_PROXY",
    "http_proxy",
    "ALL_PROXY",
    "all_proxy",
    "NO_PROXY",
    "no_proxy",
];

/// `linkedin args` against `base` with sessions in `dir`, no login, proxy or log filter from
/// the environment, every stream piped.
pub fn command(base: &str, dir: &Path, args: &[&str]) -> Command {
    let mut cmd = Command::new(assert_cmd::cargo::cargo_bin("linkedin"));
    for name in PROXY_VARS {
        cmd.env_remove(name);
    }
    cmd.args(args)
        .env("LINKEDIN_BASE_URL", base)
        .env("LINKEDIN_SESSION_DIR", dir)
        .env_remove("LINKEDIN_USERNAME")
        .env_remove("LINKEDIN_PASSWORD")
        .env_remove("LINKEDIN_LI_AT")
        .env_remove("LINKEDIN_JSESSIONID")
        .env_remove("RUST_LOG")
        // No override file of the machine's: one that does not exist.
        .env("LINKEDIN_CATALOGUE", dir.join("no-catalogue.toml"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    cmd
}

/// Runs `linkedin args` against `base` with sessions in `dir`, feeding `stdin`.
pub fn run(base: &str, dir: &Path, args: &[&str], stdin: &str) -> Output {
    run_command(command(base, dir, args), stdin)
}

/// [`run`] with these environment variables set (a proxy's, say).
pub fn run_with_env(
    base: &str,
    dir: &Path,
    args: &[&str],
    stdin: &str,
    vars: &[(&str, &str)],
) -> Output {
    let mut cmd = command(base, dir, args);
    cmd.envs(vars.iter().copied());
    run_command(cmd, stdin)
}

/// Runs `cmd` (from [`command`]), feeding `stdin`.
pub fn run_command(mut cmd: Command, stdin: &str) -> Output {
    let mut child = cmd.spawn().unwrap();
    feed(&mut child, stdin);
    child.wait_with_output().unwrap()
}

/// Writes `stdin` to the child's standard input and closes it; a child that ended without
/// reading it (a closed pipe) did not need it.
fn feed(child: &mut Child, stdin: &str) {
    use std::io::Write;
    let mut input = child.stdin.take().unwrap();
    match input.write_all(stdin.as_bytes()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => panic!("stdin: {e}"),
        _ => {}
    }
}

/// When a test closes a command's standard output.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Close {
    /// Before the command starts: its first write finds no reader, however short the output.
    Before,
    /// After reading one byte, as `| head -c 1` does: an output longer than the pipe's
    /// buffer (64 KiB on Linux) finds it closed part way.
    AfterOneByte,
    /// Stdout and stderr both, before the command starts (`2>&1 | head -c 1`, the reader
    /// gone): not even an error message can be written; nothing of it is kept.
    BothBefore,
}

/// Runs `linkedin args` as [`run`] does, with its stdout closed `when` said; what it printed
/// on stdout is not kept.
pub fn run_closing_stdout(
    base: &str,
    dir: &Path,
    args: &[&str],
    stdin: &str,
    when: Close,
) -> Output {
    use std::io::Read;
    let mut cmd = command(base, dir, args);
    if when != Close::AfterOneByte {
        let (reader, writer) = std::io::pipe().unwrap();
        drop(reader);
        if when == Close::BothBefore {
            cmd.stderr(writer.try_clone().unwrap());
        }
        cmd.stdout(writer);
    }
    let mut child = cmd.spawn().unwrap();
    // Written before anything is read: stdin is small, a command reads it first.
    feed(&mut child, stdin);
    if let Some(mut stdout) = child.stdout.take() {
        // Nothing to read when the command fails without printing: EOF at once.
        let _ = stdout.read(&mut [0u8; 1]).unwrap();
    }
    child.wait_with_output().unwrap()
}

/// The text `linkedin <path> --help` prints.
pub fn help(path: &[String]) -> String {
    let out = Command::new(assert_cmd::cargo::cargo_bin("linkedin"))
        .args(path)
        .arg("--help")
        .output()
        .unwrap();
    String::from_utf8(out.stdout).unwrap()
}

/// The subcommands a help text lists under `Commands:` (`help` left out).
pub fn subcommands(text: &str) -> Vec<String> {
    text.lines()
        .skip_while(|l| !l.starts_with("Commands:"))
        .skip(1)
        .take_while(|l| l.starts_with("  "))
        // A name is indented two spaces; a description clap wrapped, further.
        .filter(|l| !l.starts_with("   "))
        .filter_map(|l| l.split_whitespace().next())
        .filter(|name| *name != "help")
        .map(str::to_owned)
        .collect()
}

/// Every command that runs (has no subcommand of its own), as clap's help lists them from
/// `linkedin --help` down: `demo`, `messages send`, ...
pub fn leaf_commands() -> Vec<String> {
    let mut leaves = Vec::new();
    let mut todo = vec![Vec::<String>::new()];
    while let Some(path) = todo.pop() {
        let subs = subcommands(&help(&path));
        if subs.is_empty() {
            leaves.push(path.join(" "));
        }
        for sub in subs {
            let mut next = path.clone();
            next.push(sub);
            todo.push(next);
        }
    }
    leaves.sort();
    leaves
}

/// Everything the command printed.
pub fn printed(output: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    )
}

// Every read command.

/// Every read command that talks to LinkedIn's Voyager API, with arguments that name
/// something of the sandbox's world, as run against the sandbox at `base` with the session
/// in `dir` (a thread id is read from its inbox). The list is checked against clap's tree
/// (`leaf_commands`), so a new read command must be added here: the tests that run every
/// read (drift's healing, the mutation test) then cover it.
pub fn read_invocations(base: &str, dir: &Path) -> Vec<Vec<String>> {
    let w = world();
    let threads = json(&run(
        base,
        dir,
        &["messages", "list", "--limit", "1", "--json"],
        "",
    ));
    let thread = threads[0]["thread_id"].as_str().unwrap().to_owned();
    let connection = &w.people[(2..w.people.len()).find(|&p| w.connected(0, p)).unwrap()];
    let who = connection.public_id.as_str();
    let me = w.people[0].public_id.as_str();
    let post = w.posts.iter().max_by_key(|p| p.reactions.len()).unwrap();
    let comment = post.comments.first().map_or_else(
        || format!("urn:li:comment:(activity:{},1)", post.activity_id),
        |c| format!("urn:li:comment:(activity:{},{})", post.activity_id, c.id),
    );
    let post = post.activity_id.to_string();
    let job = w.jobs[0].id.to_string();
    let school = w.schools[0].universal_name.as_str();
    let reads: &[&[&str]] = &[
        &["whoami"],
        &["profile", "show", who],
        &["profile", "experiences", me],
        &["profile", "skills", me],
        &["profile", "education", me],
        &["profile", "certifications", me],
        &["profile", "languages", me],
        &["profile", "contact", who],
        &["profile", "resolve", who],
        &["profile", "views"],
        &["search", "people", "--keywords", "a", "--limit", "3"],
        &["search", "companies", "a", "--limit", "3"],
        &["search", "posts", "a", "--limit", "3"],
        &["search", "jobs", "--limit", "3"],
        &["search", "connections", "--limit", "3"],
        &["search", "all", "a", "--limit", "3"],
        &["company", "show", "linkedin"],
        &["company", "school", school],
        &["company", "updates", "linkedin", "--limit", "3"],
        &["jobs", "show", &job],
        &["jobs", "skills", &job],
        &["jobs", "search", "--keywords", "engineer", "--limit", "3"],
        &["jobs", "saved", "--limit", "3"],
        &["jobs", "applied", "--limit", "3"],
        &["messages", "list", "--limit", "3"],
        &["messages", "show", &thread, "--limit", "3"],
        &["messages", "with", who],
        &["messages", "counts"],
        &["messages", "receipts", &thread],
        &["messages", "requests", "--limit", "3"],
        &["invitations", "list", "--limit", "3"],
        &["invitations", "list", "--sent", "--limit", "3"],
        &["feed", "show", "--limit", "3"],
        &["feed", "posts", who, "--limit", "3"],
        &["feed", "reactions", &post, "--limit", "3"],
        &["reactions", "list", &post, "--limit", "3"],
        &["feed", "comments", &post, "--limit", "3"],
        &["notifications", "list", "--limit", "3"],
        &["network", "counts"],
        &["post", "show", &post],
        &["post", "saved", "--limit", "3"],
        &["comments", "list", &post, "--limit", "3"],
        &["comments", "replies", &comment, "--limit", "3"],
    ];
    let reads: Vec<Vec<String>> = reads
        .iter()
        .map(|r| r.iter().map(|a| (*a).to_owned()).collect())
        .collect();
    assert_every_read_listed(&reads);
    reads
}

/// Every read command of the touch API (which has no writes), without the `touch` word:
/// `linkedin touch <these>`; checked against clap's tree.
pub fn touch_read_invocations() -> Vec<Vec<String>> {
    let reads: Vec<Vec<String>> = [
        &["person"][..],
        &["me"],
        &["profile"],
        &["connections", "--count", "5"],
        &["background"],
        &["endorsements"],
        &["mailbox"],
        &["recommendations"],
        &["notifications"],
        &["viewers"],
    ]
    .iter()
    .map(|r| r.iter().map(|a| (*a).to_owned()).collect())
    .collect();
    let mut listed: Vec<String> = reads.iter().map(|r| format!("touch {}", r[0])).collect();
    listed.sort();
    let leaves: Vec<String> = leaf_commands()
        .into_iter()
        .filter(|c| c.starts_with("touch "))
        .collect();
    assert_eq!(listed, leaves, "a touch command of clap's tree is not here");
    reads
}

/// Fails unless `reads` and the commands that are not reads make up clap's tree (but the
/// touch API's, listed apart).
fn assert_every_read_listed(reads: &[Vec<String>]) {
    // What is not here: writes (tested apart), what sends nothing to Voyager, the touch API
    // (retired, with its own ids), and what runs until stopped.
    let not_reads = [
        "catalogue show",
        "comments add",
        "comments delete",
        "comments reply",
        "company follow",
        "company unfollow",
        "completions",
        "demo",
        "doctor",
        "feed react",
        "feed unreact",
        "reactions add",
        "reactions remove",
        "invitations accept",
        "invitations reject",
        "invitations remove",
        "invitations send",
        "invitations withdraw",
        "jobs save",
        "jobs unsave",
        "login",
        "logout",
        // An MCP server on stdio that runs until its client hangs up (tests/cli/mcp.rs,
        // tools/mcp_check.py): its tools call the same facade methods as these commands.
        "mcp",
        // Writes files here; what it reads is `messages show`'s.
        "messages download",
        "messages edit",
        "messages react",
        "messages read",
        "messages recall",
        "messages rename",
        "messages seen",
        "messages send",
        "messages start",
        "messages typing",
        "messages unread",
        // Long-running (until Ctrl-C); tested with its bounds in `messages.rs`.
        "messages watch",
        "notifications read",
        "post create",
        "post delete",
        "post reshare",
        "post save",
        "post unsave",
        "restli decode",
        "restli encode",
        "restli urn",
        "safety reset",
        "safety status",
        "sandbox",
    ];
    let mut listed: Vec<String> = reads
        .iter()
        .map(|args| {
            let words: Vec<&str> = args
                .iter()
                .map(String::as_str)
                .take_while(|a| !a.starts_with('-'))
                .collect();
            let depth = if words[0] == "whoami" { 1 } else { 2 };
            words[..depth].join(" ")
        })
        .chain(not_reads.iter().map(|s| (*s).to_owned()))
        .collect();
    listed.sort();
    listed.dedup();
    let leaves: Vec<String> = leaf_commands()
        .into_iter()
        .filter(|c| !c.starts_with("touch "))
        .collect();
    assert_eq!(listed, leaves, "a command of clap's tree is not here");
}

// Helpers shared by the area tests.

pub const PASSWORD: &str = "demo-password";

/// The sandbox's generated world, to pick a command's arguments from (a post with comments,
/// a stranger to invite); what the facade makes of it is checked by the facade's tests.
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

/// What a successful command printed on stdout.
pub fn stdout(output: &Output) -> String {
    assert!(output.status.success(), "{}", printed(output));
    String::from_utf8(output.stdout.clone()).unwrap()
}

/// The one JSON document a successful command printed.
pub fn json(output: &Output) -> Value {
    assert!(output.status.success(), "{}", printed(output));
    serde_json::from_slice(&output.stdout).unwrap()
}

/// The items of the JSON array a successful command printed.
pub fn json_list(output: &Output) -> Vec<Value> {
    match json(output) {
        Value::Array(items) => items,
        other => panic!("not a JSON array: {other}"),
    }
}

/// The JSON objects a successful `--ndjson` command printed, one a line.
pub fn ndjson(output: &Output) -> Vec<Value> {
    stdout(output)
        .lines()
        .map(|l| {
            let v: Value = serde_json::from_str(l).unwrap();
            assert!(v.is_object(), "{l}");
            v
        })
        .collect()
}

/// The keys of a JSON object, sorted.
pub fn keys(v: &Value) -> Vec<&str> {
    let mut keys: Vec<&str> = v
        .as_object()
        .unwrap_or_else(|| panic!("not an object: {v}"))
        .keys()
        .map(String::as_str)
        .collect();
    keys.sort_unstable();
    keys
}

/// Fails unless every key of `v`, at any depth, is `snake_case`: the one naming of the
/// CLI's JSON. Keys that are data (URNs keying a map) are not names and pass.
pub fn assert_snake_case(v: &Value, context: &str) {
    match v {
        Value::Object(map) => {
            for (key, value) in map {
                let name = key
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_');
                assert!(
                    name || key.starts_with("urn:li:"),
                    "{context}: key {key:?} is not snake_case"
                );
                assert_snake_case(value, context);
            }
        }
        Value::Array(items) => items.iter().for_each(|i| assert_snake_case(i, context)),
        _ => {}
    }
}

/// The query parameters of a logged request, each value decoded from Rest.li into JSON.
pub fn query_params(request: &Value) -> serde_json::Map<String, Value> {
    request["query"]
        .as_str()
        .unwrap_or_default()
        .split('&')
        .filter_map(|pair| pair.split_once('='))
        .map(|(name, value)| {
            let decoded = restli::from_str(value)
                .map_or_else(|_| Value::String(value.to_owned()), |v| Value::from(&v));
            (name.to_owned(), decoded)
        })
        .collect()
}

/// The requests a `linkedin sandbox --request-log <log>` received so far, one JSON object
/// each (method, path, query, body, status...).
pub fn requests(log: &Path) -> Vec<Value> {
    std::fs::read_to_string(log)
        .unwrap_or_default()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
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
        Self::start_with(&[])
    }

    /// With more arguments for `linkedin sandbox`, such as a fault (`--challenge-after N`).
    pub fn start_with(extra: &[&str]) -> Self {
        let dir = tempfile::tempdir().unwrap();
        let log = dir.path().join("requests.jsonl");
        let mut args = vec!["--request-log", log.to_str().unwrap()];
        args.extend_from_slice(extra);
        let sb = SandboxProcess::start_with(&args);
        sb.login(dir.path());
        Self { sb, dir, log }
    }

    /// A command against the sandbox with the saved session, to add to (environment, streams).
    pub fn command(&self, args: &[&str]) -> Command {
        command(&self.sb.url, self.dir.path(), args)
    }

    pub fn run(&self, args: &[&str]) -> Output {
        self.run_with_stdin(args, "")
    }

    /// Runs a command with `stdin` as its standard input.
    pub fn run_with_stdin(&self, args: &[&str], stdin: &str) -> Output {
        run(&self.sb.url, self.dir.path(), args, stdin)
    }

    /// How many requests the sandbox received so far: a mark for [`Logged::sent_since`].
    pub fn mark(&self) -> usize {
        requests(&self.log).len()
    }

    /// The requests received after `mark`, but the saved session's check (`GET /me`) that
    /// every command makes first.
    pub fn sent_since(&self, mark: usize) -> Vec<Value> {
        requests(&self.log)
            .into_iter()
            .skip(mark)
            .filter(|r| r["path"] != "/voyager/api/me")
            .collect()
    }

    /// How many writes (POSTs) the sandbox received after `mark`.
    pub fn posts_since(&self, mark: usize) -> usize {
        self.sent_since(mark)
            .iter()
            .filter(|r| r["method"] == "POST")
            .count()
    }

    /// Runs a command that must be refused as bad input: status 2, one line on stderr,
    /// nothing on stdout, and no request beyond the saved session's check.
    pub fn refused(&self, args: &[&str]) -> Output {
        let mark = self.mark();
        let output = self.run(args);
        fails(&output, 2);
        let sent = self.sent_since(mark);
        assert!(sent.is_empty(), "{args:?} sent {sent:?}");
        output
    }

    /// Fails if any output shows the account's cookies or the demo password.
    pub fn assert_no_secret(&self, outputs: &[Output]) {
        no_secret(
            outputs,
            &[&self.sb.li_at, self.sb.jsessionid.trim_matches('"')],
        );
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
        for s in secrets.iter().chain(&[PASSWORD]) {
            assert!(!text.contains(s), "a secret printed: {text}");
        }
    }
}

/// An HTTP `CONNECT` proxy on loopback (threads, no runtime): it records each `CONNECT`'s
/// target and `Proxy-Authorization`, answers 407 when that is not `required` (if set), and
/// otherwise copies bytes both ways. It runs until the test process ends.
pub struct TestProxy {
    pub addr: std::net::SocketAddr,
    connects: Arc<Mutex<Vec<Connect>>>,
}

/// One `CONNECT` a [`TestProxy`] received: its target and its `Proxy-Authorization`.
pub type Connect = (String, Option<String>);

impl TestProxy {
    pub fn start(required: Option<&'static str>) -> Self {
        use std::net::TcpListener;
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let addr = listener.local_addr().unwrap();
        let connects = Arc::new(Mutex::new(Vec::new()));
        let seen = connects.clone();
        std::thread::spawn(move || {
            for client in listener.incoming().flatten() {
                let seen = seen.clone();
                std::thread::spawn(move || proxy_one(client, required, &seen));
            }
        });
        Self { addr, connects }
    }

    /// `http://127.0.0.1:<port>`, with `user:password@` when given.
    pub fn url(&self, credentials: Option<&str>) -> String {
        match credentials {
            Some(c) => format!("http://{c}@{}", self.addr),
            None => format!("http://{}", self.addr),
        }
    }

    /// The `CONNECT`s so far: target and `Proxy-Authorization`.
    pub fn connects(&self) -> Vec<Connect> {
        self.connects.lock().unwrap().clone()
    }
}

fn proxy_one(mut client: std::net::TcpStream, required: Option<&str>, seen: &Mutex<Vec<Connect>>) {
    use std::io::{Read, Write};
    let mut head = Vec::new();
    let mut byte = [0u8; 1];
    while !head.ends_with(b"\r\n\r\n") {
        if head.len() > 16 * 1024 || client.read(&mut byte).unwrap_or(0) == 0 {
            return;
        }
        head.push(byte[0]);
    }
    let head = String::from_utf8_lossy(&head).into_owned();
    let mut lines = head.split("\r\n");
    let target = match lines
        .next()
        .unwrap_or_default()
        .split(' ')
        .collect::<Vec<_>>()[..]
    {
        ["CONNECT", target, _] => target.to_owned(),
        _ => {
            let _ =
                client.write_all(b"HTTP/1.1 405 Method Not Allowed\r\nContent-Length: 0\r\n\r\n");
            return;
        }
    };
    let authorization = lines
        .filter_map(|l| l.split_once(':'))
        .find(|(name, _)| name.eq_ignore_ascii_case("proxy-authorization"))
        .map(|(_, value)| value.trim().to_owned());
    seen.lock()
        .unwrap()
        .push((target.clone(), authorization.clone()));
    if required.is_some() && authorization.as_deref() != required {
        let _ = client.write_all(
            b"HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm=\"test\"\r\nContent-Length: 0\r\n\r\n",
        );
        return;
    }
    let Ok(upstream) = std::net::TcpStream::connect(&target) else {
        let _ = client.write_all(b"HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\n\r\n");
        return;
    };
    if client
        .write_all(b"HTTP/1.1 200 Connection established\r\n\r\n")
        .is_err()
    {
        return;
    }
    let (Ok(mut client_read), Ok(mut upstream_write)) = (client.try_clone(), upstream.try_clone())
    else {
        return;
    };
    let mut upstream_read = upstream;
    let mut client_write = client;
    let up = std::thread::spawn(move || {
        let _ = std::io::copy(&mut client_read, &mut upstream_write);
        let _ = upstream_write.shutdown(std::net::Shutdown::Write);
    });
    let _ = std::io::copy(&mut upstream_read, &mut client_write);
    let _ = client_write.shutdown(std::net::Shutdown::Write);
    let _ = up.join();
}
