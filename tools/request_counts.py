"""Counts the requests each read command of the `linkedin` binary sends, against `linkedin sandbox`.

    cargo build -p linkedin-cli
    python3 tools/request_counts.py target/debug/linkedin                # one column
    python3 tools/request_counts.py main=OLD/linkedin branch=target/debug/linkedin
    python3 tools/request_counts.py --scenario "saved session" main=... branch=...

A binary may be named (`NAME=PATH`: the column's title); `--scenario` keeps one scenario.

For each binary it starts that binary's `linkedin sandbox --request-log`, logs in once with the
sandbox's demo cookies (`linkedin login --li-at ... --jsessionid ...`, which saves a checked
session), and then runs every command below twice, each time in a fresh copy of that session
directory:

- "saved session": the saved session as `linkedin login` left it (checked moments ago), as in
  a shell session of commands;
- "cookies": `LINKEDIN_LI_AT` + `LINKEDIN_JSESSIONID` in the environment and no saved session,
  so the process logs in itself (its session check included).

It prints a Markdown table: per command and scenario, the number of requests the sandbox
logged, then the requests by catalogue entry (`2 × me`), with the `count=` of paged requests.
Writes are run with `--dry-run` only, so that every command sees the same world. Nothing here
reaches the network: the sandbox is on loopback.
"""

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

CONVERSATION = "2-MjM2NGY2MjItM2U3Yi00YzkxLWJlZTktMjQ3ODk0NDA2YTg5XzUxOA=="

COMMANDS = [
    "whoami",
    "profile show demo-member",
    "profile show demo-member --only profile",
    "profile show demo-member --only profile,skills",
    "profile show demo-member --only experiences",
    "profile show demo-member --only contact",
    "profile experiences demo-member",
    "profile skills demo-member",
    "profile contact demo-member",
    "profile resolve demo-member",
    "profile views",
    "search people --keywords rust --limit 1",
    "search people --keywords engineer --limit 120",
    "search people --keywords engineer --limit 10",
    "search companies software --limit 5",
    "search connections --limit 5",
    "search jobs --keywords engineer --limit 1",
    "search posts kubernetes --limit 5",
    "company show linkedin",
    "company updates linkedin --limit 5",
    "jobs show 3955231344",
    "jobs skills 3955231344",
    "messages list --limit 10",
    "messages list --unread --limit 10",
    f"messages show {CONVERSATION} --limit 5",
    "messages with liv-marchetti",
    "invitations list",
    "invitations list --limit 1",
    "invitations send liv-marchetti --dry-run",
    "invitations withdraw 7524011076022204665 --dry-run",
    "invitations remove liv-marchetti --dry-run",
    "jobs saved",
    "jobs applied",
    "post saved --limit 5",
    "comments delete urn:li:comment:(activity:7489103473605540496,7489660301797292324) --dry-run",
    "feed posts liv-marchetti --limit 5",
    "feed show --limit 5",
    "feed reactions 7529884266763855511 --limit 10",
]


SCENARIOS = ("saved session", "saved session, checked 1 h ago", "cookies")


def age(sessions, seconds):
    """Makes the saved sessions in `sessions` look checked `seconds` earlier."""
    for name in os.listdir(sessions):
        path = os.path.join(sessions, name)
        if not name.endswith(".json") or name.endswith(".governor.json"):
            continue
        with open(path) as f:
            saved = json.load(f)
        if saved.get("verified_at"):
            saved["verified_at"] -= seconds
            with open(path, "w") as f:
                json.dump(saved, f)


def start_sandbox(binary, log):
    sandbox = subprocess.Popen(
        [binary, "sandbox", "--print-cookies", "--request-log", log],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    url = sandbox.stdout.readline().strip()
    li_at = sandbox.stdout.readline().strip().removeprefix("li_at=")
    jsessionid = sandbox.stdout.readline().strip().removeprefix("JSESSIONID=")
    return sandbox, url, li_at, jsessionid


def environment(url, sessions):
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith("LINKEDIN_") and k.lower() not in ("https_proxy", "http_proxy", "all_proxy", "no_proxy", "rust_log")
    }
    env["LINKEDIN_BASE_URL"] = url
    env["LINKEDIN_SESSION_DIR"] = sessions
    env["LINKEDIN_CATALOGUE"] = os.path.join(sessions, "no-catalogue.toml")
    return env


def logged(log):
    with open(log) as f:
        return [json.loads(line) for line in f if line.strip()]


def describe(requests):
    """`3: 1 × me, 2 × search_clusters (count 49, 22)`: the requests by catalogue entry, in
    order of first appearance, with the `count=` of each paged request in order."""
    by_name = {}
    for r in requests:
        name = r.get("endpoint") or f"{r['method']} {r['path']}"
        counts = re.findall(r"(?:^|[&,(])count[=:](\d+)", r.get("query") or "")
        n, seen = by_name.get(name, (0, []))
        by_name[name] = (n + 1, seen + counts[:1])
    parts = []
    for name, (n, counts) in by_name.items():
        text = f"{n} × `{name}`"
        if counts:
            text += " (count " + ", ".join(counts) + ")"
        parts.append(text)
    return f"**{len(requests)}**" + (": " + ", ".join(parts) if parts else "")


def measure(binary):
    binary = os.path.abspath(binary)
    work = tempfile.mkdtemp(prefix="request-counts-")
    log = os.path.join(work, "requests.jsonl")
    sandbox, url, li_at, jsessionid = start_sandbox(binary, log)
    results = {}
    try:
        base = os.path.join(work, "base")
        os.mkdir(base)
        login = subprocess.run(
            [binary, "login", "--li-at", li_at, "--jsessionid", jsessionid],
            env=environment(url, base),
            capture_output=True,
            text=True,
        )
        if login.returncode != 0:
            sys.exit(f"login failed: {login.stderr}")
        for i, command in enumerate(COMMANDS):
            for scenario in SCENARIOS:
                sessions = os.path.join(work, f"run-{i}-{scenario.replace(' ', '-')}")
                env = environment(url, sessions)
                if scenario.startswith("saved session"):
                    shutil.copytree(base, sessions)
                    if scenario != "saved session":
                        age(sessions, 3600)
                else:
                    os.mkdir(sessions)
                    env["LINKEDIN_LI_AT"] = li_at
                    env["LINKEDIN_JSESSIONID"] = jsessionid
                mark = len(logged(log))
                run = subprocess.run(
                    [binary, *command.split()],
                    env=env,
                    capture_output=True,
                    text=True,
                )
                sent = logged(log)[mark:]
                status = "" if run.returncode == 0 else f" (exit {run.returncode})"
                results[(command, scenario)] = describe(sent) + status
    finally:
        sandbox.terminate()
        sandbox.wait()
        shutil.rmtree(work, ignore_errors=True)
    return results


def main():
    args = sys.argv[1:]
    scenarios = SCENARIOS
    if args[:1] == ["--scenario"] and len(args) > 1:
        if args[1] not in SCENARIOS:
            sys.exit(f"--scenario: one of {', '.join(SCENARIOS)}")
        scenarios = (args[1],)
        args = args[2:]
    if not args:
        sys.exit(__doc__)
    named = [a.split("=", 1) if "=" in a else (os.path.relpath(a), a) for a in args]
    columns = [measure(path) for _, path in named]
    header = ["command"] + (["login"] if len(scenarios) > 1 else []) + [n for n, _ in named]
    print("| " + " | ".join(header) + " |")
    print("| " + " | ".join("---" for _ in header) + " |")
    for command in COMMANDS:
        for i, scenario in enumerate(scenarios):
            row = [f"`linkedin {command}`" if i == 0 else ""]
            if len(scenarios) > 1:
                row.append(scenario)
            row += [c[(command, scenario)] for c in columns]
            print("| " + " | ".join(row) + " |")


if __name__ == "__main__":
    main()
