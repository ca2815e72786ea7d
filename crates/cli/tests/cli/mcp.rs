//! `linkedin mcp --sandbox` over stdio, spoken to as raw JSON-RPC lines (no MCP client): the
//! handshake, the tool list (no write without `--allow-writes`), a tool call's structured
//! result, a bad call as a tool error, a write refused, and the events resource with its
//! notification. `tools/mcp_check.py` drives it
//! with the official Python SDK, more thoroughly.

use std::io::{BufRead, BufReader, Write};
use std::process::{Command, Stdio};

use serde_json::{Value, json};

/// The server's answers to `requests` (one JSON-RPC message a line), read until each
/// request with an id has its answer; then stdin is closed and the server must end with 0.
fn exchange(extra: &[&str], requests: &[Value]) -> Vec<Value> {
    let mut child = Command::new(assert_cmd::cargo::cargo_bin("linkedin"))
        .args(["--sandbox", "mcp"])
        .args(extra)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    let mut answers = Vec::new();
    for request in requests {
        writeln!(stdin, "{request}").unwrap();
        stdin.flush().unwrap();
        if request.get("id").is_none() {
            continue;
        }
        // Each request is answered before the next is sent: the answers come in order.
        let line = lines.next().expect("the server answers").unwrap();
        let answer: Value = serde_json::from_str(&line).unwrap();
        assert_eq!(answer["id"], request["id"], "{answer}");
        answers.push(answer);
    }
    drop(stdin);
    let status = child.wait().unwrap();
    assert!(
        status.success(),
        "the server ends when its client hangs up: {status}"
    );
    answers
}

fn initialize() -> [Value; 2] {
    [
        json!({"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {
            "protocolVersion": "2025-06-18",
            "capabilities": {},
            "clientInfo": {"name": "cli-test", "version": "0"},
        }}),
        json!({"jsonrpc": "2.0", "method": "notifications/initialized"}),
    ]
}

fn call(id: u32, name: &str, arguments: Value) -> Value {
    json!({"jsonrpc": "2.0", "id": id, "method": "tools/call",
        "params": {"name": name, "arguments": arguments}})
}

fn text(result: &Value) -> &str {
    result["content"][0]["text"].as_str().unwrap_or_default()
}

#[test]
fn tools_listed_called_and_refused_over_stdio() {
    let mut requests = initialize().to_vec();
    requests.push(json!({"jsonrpc": "2.0", "id": 2, "method": "tools/list"}));
    requests.push(call(
        3,
        "search_people",
        json!({"keywords": "engineer", "limit": 3}),
    ));
    requests.push(call(4, "get_profile", json!({"who": 42})));
    requests.push(call(
        5,
        "send_message",
        json!({"conversation": "2-x", "text": "hi"}),
    ));
    let answers = exchange(&[], &requests);

    let init = &answers[0]["result"];
    assert_eq!(init["serverInfo"]["name"], "linkedin", "{init}");
    assert!(init["capabilities"]["tools"].is_object(), "{init}");

    let tools = answers[1]["result"]["tools"].as_array().unwrap();
    let names: Vec<&str> = tools.iter().filter_map(|t| t["name"].as_str()).collect();
    for read in [
        "status",
        "get_profile",
        "search_people",
        "get_conversation",
        "list_invitations",
        "get_school",
        "get_job_skills",
        "get_feed",
        "list_posts",
        "search_posts",
        "get_post",
        "list_comments",
        "list_comment_replies",
        "list_reactions",
        "saved_jobs",
        "applied_jobs",
        "saved_posts",
        "mailbox_counts",
        "message_requests",
        "who_viewed_me",
        "doctor",
    ] {
        assert!(names.contains(&read), "{read} is listed: {names:?}");
    }
    for write in ["send_message", "invite", "accept_invitation"] {
        assert!(
            !names.contains(&write),
            "{write} is not listed without --allow-writes"
        );
    }
    let search = tools.iter().find(|t| t["name"] == "search_people").unwrap();
    assert_eq!(search["inputSchema"]["type"], "object");
    assert_eq!(
        search["inputSchema"]["properties"]["limit"]["type"][0], "integer",
        "{search}"
    );
    assert_eq!(search["annotations"]["readOnlyHint"], true);

    let found = &answers[2]["result"];
    assert_ne!(found["isError"], true, "{found}");
    let page = &found["structuredContent"];
    assert_eq!(page["count"], 3, "{page}");
    assert_eq!(page["items"].as_array().unwrap().len(), 3);
    assert!(
        page["items"][0]["profile_id"]
            .as_str()
            .unwrap()
            .starts_with("ACoA")
    );
    assert!(
        page["next_cursor"].is_string(),
        "more results follow: {page}"
    );

    let bad = &answers[3]["result"];
    assert_eq!(bad["isError"], true, "{bad}");
    assert!(text(bad).contains("expected a string"), "{bad}");

    let refused = &answers[4]["result"];
    assert_eq!(refused["isError"], true, "{refused}");
    assert!(text(refused).contains("--allow-writes"), "{refused}");
    assert!(text(refused).contains("nothing was sent"), "{refused}");
}

#[test]
fn writes_are_listed_with_allow_writes() {
    let mut requests = initialize().to_vec();
    requests.push(json!({"jsonrpc": "2.0", "id": 2, "method": "tools/list"}));
    requests.push(call(
        3,
        "send_message",
        json!({"conversation": "2-x", "text": " "}),
    ));
    let answers = exchange(&["--allow-writes"], &requests);
    let tools = answers[1]["result"]["tools"].as_array().unwrap();
    let send = tools.iter().find(|t| t["name"] == "send_message").unwrap();
    assert_eq!(send["annotations"]["readOnlyHint"], false, "{send}");
    assert_eq!(send["annotations"]["destructiveHint"], false, "{send}");
    assert_eq!(send["annotations"]["idempotentHint"], false, "{send}");
    // Bad input is refused before anything is sent, with the CLI's message.
    let empty = &answers[2]["result"];
    assert_eq!(empty["isError"], true, "{empty}");
    assert!(text(empty).contains("must not be empty"), "{empty}");
}

#[test]
fn a_list_of_writes_allows_only_those() {
    let mut requests = initialize().to_vec();
    requests.push(json!({"jsonrpc": "2.0", "id": 2, "method": "tools/list"}));
    requests.push(call(3, "invite", json!({"profile": "liv-marchetti"})));
    let answers = exchange(&["--allow-writes=send_message,react_to_post"], &requests);
    let tools = answers[1]["result"]["tools"].as_array().unwrap();
    let names: Vec<&str> = tools.iter().filter_map(|t| t["name"].as_str()).collect();
    assert!(names.contains(&"send_message"), "{names:?}");
    assert!(names.contains(&"react_to_post"), "{names:?}");
    for other in ["invite", "create_post", "delete_post", "follow"] {
        assert!(!names.contains(&other), "{other} is not listed: {names:?}");
    }
    let refused = &answers[2]["result"];
    assert_eq!(refused["isError"], true, "{refused}");
    assert!(
        text(refused).contains("allows only the writes send_message, react_to_post"),
        "{refused}"
    );
}

#[test]
fn an_unknown_write_is_refused_at_start() {
    let out = Command::new(assert_cmd::cargo::cargo_bin("linkedin"))
        .args(["--sandbox", "mcp", "--allow-writes=send_message,send_money"])
        .stdin(Stdio::null())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "{out:?}");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("\"send_money\" is not a write tool"),
        "{stderr}"
    );
    assert!(
        stderr.contains("react_to_post"),
        "the write tools are listed: {stderr}"
    );
    assert!(out.stdout.is_empty(), "nothing on the protocol's stdout");
}

#[test]
fn http_off_loopback_is_refused_before_it_starts() {
    for addr in ["0.0.0.0:8765", "[::]:8765", "192.0.2.1:80", "localhost"] {
        let out = Command::new(assert_cmd::cargo::cargo_bin("linkedin"))
            .args(["--sandbox", "mcp", "--http", addr])
            .stdin(Stdio::null())
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{addr}: {out:?}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.contains("loopback"), "{addr}: {stderr}");
    }
}

/// A server spoken to one message at a time: answers are waited for by id, the
/// notifications that come meanwhile kept.
struct Peer {
    child: std::process::Child,
    stdin: std::process::ChildStdin,
    lines: std::sync::mpsc::Receiver<Value>,
    notifications: Vec<Value>,
}

impl Peer {
    fn start(extra: &[&str]) -> Self {
        let mut child = Command::new(assert_cmd::cargo::cargo_bin("linkedin"))
            .args(["--sandbox", "mcp"])
            .args(extra)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let stdin = child.stdin.take().unwrap();
        let stdout = child.stdout.take().unwrap();
        let (tx, lines) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines() {
                let Ok(line) = line else { break };
                if tx.send(serde_json::from_str(&line).unwrap()).is_err() {
                    break;
                }
            }
        });
        Self {
            child,
            stdin,
            lines,
            notifications: Vec::new(),
        }
    }

    fn send(&mut self, message: &Value) {
        writeln!(self.stdin, "{message}").unwrap();
        self.stdin.flush().unwrap();
    }

    /// The next message, within `within`.
    fn next(&mut self, within: std::time::Duration) -> Option<Value> {
        self.lines.recv_timeout(within).ok()
    }

    /// Sends a request and waits (at most 20 s) for its answer.
    fn ask(&mut self, request: Value) -> Value {
        self.send(&request);
        loop {
            let message = self
                .next(std::time::Duration::from_secs(20))
                .expect("an answer within 20 s");
            if message.get("id") == request.get("id") {
                return message;
            }
            assert!(message.get("method").is_some(), "{message}");
            self.notifications.push(message);
        }
    }

    fn read_events(&mut self, id: u32) -> Value {
        let answer = self.ask(
            json!({"jsonrpc": "2.0", "id": id, "method": "resources/read",
            "params": {"uri": EVENTS}}),
        );
        let contents = &answer["result"]["contents"][0];
        assert_eq!(contents["uri"], EVENTS, "{answer}");
        assert_eq!(contents["mimeType"], "application/json", "{answer}");
        serde_json::from_str(contents["text"].as_str().unwrap()).unwrap()
    }

    /// Whether a `notifications/resources/updated` for the events came (waiting at most
    /// `within` for one); the ones seen are forgotten.
    fn updated(&mut self, within: std::time::Duration) -> bool {
        let is_update = |m: &Value| {
            m["method"] == "notifications/resources/updated" && m["params"]["uri"] == EVENTS
        };
        let until = std::time::Instant::now() + within;
        loop {
            if let Some(at) = self.notifications.iter().position(is_update) {
                self.notifications.remove(at);
                return true;
            }
            let left = until.saturating_duration_since(std::time::Instant::now());
            match self.next(left) {
                Some(message) => self.notifications.push(message),
                None => return false,
            }
        }
    }

    fn end(mut self) {
        drop(self.stdin);
        let status = self.child.wait().unwrap();
        assert!(status.success(), "{status}");
    }
}

const EVENTS: &str = "linkedin://messages/events";

#[test]
fn the_events_resource_notifies_its_subscribers_of_a_sent_message() {
    use std::time::Duration;

    let mut peer = Peer::start(&["--allow-writes"]);
    let [init, initialized] = initialize();
    let init = peer.ask(init);
    assert_eq!(
        init["result"]["capabilities"]["resources"]["subscribe"], true,
        "{init}"
    );
    peer.send(&initialized);

    let listed = peer.ask(json!({"jsonrpc": "2.0", "id": 2, "method": "resources/list"}));
    let resources = listed["result"]["resources"].as_array().unwrap();
    assert_eq!(resources.len(), 1, "{listed}");
    assert_eq!(resources[0]["uri"], EVENTS);
    assert!(
        resources[0]["description"]
            .as_str()
            .unwrap()
            .contains("subscribe"),
        "{listed}"
    );
    let before = peer.read_events(3);
    assert_eq!(before["events"], json!([]), "{before}");
    assert_eq!(before["listening"], false, "{before}");
    let unknown = peer.ask(
        json!({"jsonrpc": "2.0", "id": 4, "method": "resources/read",
        "params": {"uri": "linkedin://nothing"}}),
    );
    assert!(unknown["error"]["message"].is_string(), "{unknown}");

    let subscribed = peer.ask(
        json!({"jsonrpc": "2.0", "id": 5, "method": "resources/subscribe",
        "params": {"uri": EVENTS}}),
    );
    assert_eq!(subscribed["result"], json!({}), "{subscribed}");
    assert_eq!(peer.read_events(6)["listening"], true);

    let threads = peer.ask(call(7, "list_conversations", json!({"limit": 1})));
    let thread = threads["result"]["structuredContent"]["items"][0]["thread_id"]
        .as_str()
        .unwrap()
        .to_owned();
    let mut texts = Vec::new();
    for (n, id) in [(1, 8), (2, 9)] {
        let text = format!("to the events resource {n}");
        let sent = peer.ask(call(
            id,
            "send_message",
            json!({"conversation": thread, "text": text}),
        ));
        assert_ne!(sent["result"]["isError"], true, "{sent}");
        assert!(
            peer.updated(Duration::from_secs(10)),
            "notifications/resources/updated within 10 s: {:?}",
            peer.notifications
        );
        texts.push(text);
    }
    let doc = peer.read_events(10);
    let events = doc["events"].as_array().unwrap();
    for text in &texts {
        assert!(
            events
                .iter()
                .any(|e| e["event"]["kind"] == "message" && e["event"]["text"] == *text),
            "{text}: {doc}"
        );
    }
    let seqs: Vec<u64> = events.iter().map(|e| e["seq"].as_u64().unwrap()).collect();
    assert!(seqs.windows(2).all(|w| w[1] == w[0] + 1), "{seqs:?}");
    assert_eq!(doc["last_seq"], *seqs.last().unwrap());
    assert_eq!(doc["error"], Value::Null);

    let unsubscribed = peer.ask(json!({"jsonrpc": "2.0", "id": 11,
        "method": "resources/unsubscribe", "params": {"uri": EVENTS}}));
    assert_eq!(unsubscribed["result"], json!({}), "{unsubscribed}");
    let after = peer.read_events(12);
    assert_eq!(after["listening"], false, "{after}");
    assert_eq!(after["events"], doc["events"], "the events are kept");
    peer.end();
}
