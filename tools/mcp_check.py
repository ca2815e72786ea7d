#!/usr/bin/env python3
"""Drives `linkedin mcp --sandbox` with an independent MCP client: the official Python SDK.

Run by .ci/run; needs python3 (3.10 or later) and PyPI, nothing else from the network.

The script makes a virtualenv (target/mcp-venv, reused when it is there), installs the `mcp`
package from PyPI into it, re-runs itself inside it, and then, against the debug binary that
`cargo build -p linkedin-cli` builds (or --linkedin PATH):

- lists the tools: the read tools all there, no write tool without --allow-writes;
- checks each tool's input schema is a valid JSON Schema (jsonschema, a dependency of mcp),
  and that the arguments used below are valid for it, the bad ones not;
- calls every read tool with valid arguments (the SDK checks each structured result against
  the tool's output schema) and with invalid ones (each must be a tool error, not a crash);
- pages search_people to the end with its cursor (no result twice, the end reached);
- checks a write is refused without --allow-writes, and, with it, that a preview sends
  nothing and a send sends exactly once (read back through get_conversation);
- with --allow-writes=a,b: only those writes listed, another refused; an unknown one refused at
  start;
- the resource linkedin://messages/events: listed; subscribed to with resources/subscribe
  (ClientSession.subscribe_resource, the handshake's protocol versions) and with
  subscriptions/listen (Client.listen, 2026-07-28); a message sent with send_message brings
  notifications/resources/updated (within 10 s) and the resource then has its text; over
  --http two sessions share its one stream, both notified, closed once they are gone;
- with --http 127.0.0.1:0: the SDK's streamable HTTP client lists the tools and calls a read
  (and an address off loopback is refused);
- times search_people with 49 results through the client, and the whole `linkedin search
  people --limit 49 --json` process, and prints both medians.

Exit status 0 when every check passes, 1 otherwise (each failure printed).
"""

import argparse
import os
import statistics
import subprocess
import sys
import time
import uuid

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
VENV = os.path.join(ROOT, "target", "mcp-venv")
PY = os.path.join(VENV, "bin", "python")
# The SDK's major version this script is written against (its 2.x API).
MCP_REQUIREMENT = "mcp>=2.0,<3"

READ_TOOLS = {
    "status",
    "get_profile",
    "get_contact_info",
    "search_people",
    "search_companies",
    "search_jobs",
    "get_company",
    "get_job",
    "list_conversations",
    "get_conversation",
    "list_invitations",
    "list_notifications",
    "network_counts",
    "get_school",
    "get_job_skills",
    "saved_jobs",
    "applied_jobs",
    "mailbox_counts",
    "message_requests",
    "who_viewed_me",
    "doctor",
    "get_feed",
    "list_posts",
    "search_posts",
    "get_post",
    "list_comments",
    "list_comment_replies",
    "list_reactions",
    "saved_posts",
}
# Each write tool with its destructive and idempotent hints.
WRITES = {
    "send_message": (False, False),
    "edit_message": (True, True),
    "recall_message": (True, True),
    "react_to_message": (False, True),
    "remove_message_reaction": (True, True),
    "start_conversation": (False, False),
    "invite": (False, True),
    "accept_invitation": (False, True),
    "reject_invitation": (True, True),
    "withdraw_invitation": (True, True),
    "remove_connection": (True, True),
    "react_to_post": (False, True),
    "remove_reaction": (True, True),
    "comment_on_post": (False, False),
    "reply_to_comment": (False, False),
    "create_post": (False, False),
    "reshare_post": (False, False),
    "delete_post": (True, True),
    "follow": (False, True),
    "unfollow": (False, True),
    "save_job": (False, True),
    "unsave_job": (False, True),
    "save_post": (False, True),
    "unsave_post": (False, True),
    "mark_notification_read": (False, True),
}
WRITE_TOOLS = set(WRITES)


def in_venv() -> bool:
    return os.path.realpath(sys.prefix) == os.path.realpath(VENV)


def bootstrap() -> None:
    """Makes the virtualenv and installs the SDK (once), then runs this script in it."""
    if not os.path.exists(PY):
        print(f"== making a virtualenv in {VENV}", flush=True)
        subprocess.run([sys.executable, "-m", "venv", VENV], check=True)
    probe = subprocess.run(
        [PY, "-c", "import mcp, jsonschema"], capture_output=True, check=False
    )
    if probe.returncode != 0:
        print(f"== pip install {MCP_REQUIREMENT}", flush=True)
        subprocess.run(
            [PY, "-m", "pip", "install", "--quiet", "--disable-pip-version-check", MCP_REQUIREMENT],
            check=True,
        )
    os.execv(PY, [PY, os.path.abspath(__file__), *sys.argv[1:]])


class Checks:
    """Counts checks; a failed one is printed and makes the exit status 1."""

    def __init__(self) -> None:
        self.passed = 0
        self.failed = 0

    def check(self, ok: bool, what: str) -> bool:
        if ok:
            self.passed += 1
        else:
            self.failed += 1
            print(f"FAIL: {what}", flush=True)
        return ok


def text_of(result) -> str:
    return " ".join(getattr(c, "text", "") for c in result.content)


async def drive(args) -> int:
    # Imported here: only inside the virtualenv.
    import jsonschema
    from mcp import ClientSession, StdioServerParameters
    from mcp.client.stdio import stdio_client

    checks = Checks()
    binary = args.linkedin

    def server(*extra):
        return StdioServerParameters(command=binary, args=["--sandbox", "mcp", *extra])

    async def call(session, name, arguments):
        return await session.call_tool(name, arguments)

    # ---- without --allow-writes: every read tool, with good and bad arguments ----
    async with stdio_client(server()) as (read, write):
        async with ClientSession(read, write) as session:
            init = await session.initialize()
            checks.check(init.server_info.name == "linkedin", f"server name: {init.server_info.name}")
            listed = await session.list_tools()
            tools = {t.name: t for t in listed.tools}
            checks.check(READ_TOOLS <= set(tools), f"read tools listed: missing {READ_TOOLS - set(tools)}")
            checks.check(not (WRITE_TOOLS & set(tools)), f"no write tool listed without --allow-writes: {WRITE_TOOLS & set(tools)}")

            validators = {}
            for name, tool in tools.items():
                schema = tool.input_schema
                try:
                    cls = jsonschema.validators.validator_for(schema)
                    cls.check_schema(schema)
                    validators[name] = cls(schema)
                    checks.check(True, name)
                except jsonschema.SchemaError as e:
                    checks.check(False, f"{name}: input schema invalid: {e.message}")
                checks.check(schema.get("type") == "object", f"{name}: input schema is an object")
                checks.check(bool(tool.description) and len(tool.description) > 40, f"{name}: has a description")
                ann = tool.annotations
                checks.check(ann is not None and ann.read_only_hint is True, f"{name}: marked read-only")

            def valid(name, arguments):
                v = validators.get(name)
                return v is not None and v.is_valid(arguments)

            async def good(name, arguments):
                checks.check(valid(name, arguments), f"{name}({arguments}): valid for its schema")
                result = await call(session, name, arguments)
                ok = checks.check(not result.is_error, f"{name}({arguments}): {text_of(result)[:300]}")
                if ok:
                    checks.check(isinstance(result.structured_content, dict), f"{name}: structured content")
                return result.structured_content if ok else None

            async def bad(name, arguments, *, schema_rejects=True):
                if schema_rejects:
                    checks.check(not valid(name, arguments), f"{name}({arguments}): invalid for its schema")
                result = await call(session, name, arguments)
                checks.check(
                    result.is_error and text_of(result).strip() != "",
                    f"{name}({arguments}): a tool error with a message, got {text_of(result)[:200]}",
                )

            status = await good("status", {})
            me = status["me"]["public_id"] if status else "demo-member"
            if status:
                actions = {b["action"] for b in status["budgets"]}
                checks.check({"invitation", "message", "engagement", "post", "search"} <= actions, f"status: a budget per action: {actions}")
                checks.check(all(b["left"] is None or b["left"] == b["limit"] - b["used"] for b in status["budgets"]), "status: what is left of each budget")
                checks.check(status["breaker"]["tripped"] is False, f"status: the breaker is closed: {status['breaker']}")
                checks.check(isinstance(status["replaced_ids"], list), "status: the replaced (healed or overridden) ids")
                checks.check(status["writes_allowed"] is False and status["write_tools"] == [], "status: no write tool without --allow-writes")
            profile = await good("get_profile", {"who": me})
            if profile:
                checks.check({"profile", "experiences", "skills", "contact_info"} <= set(profile), "get_profile: every section by default")
            some = await good("get_profile", {"who": me, "sections": ["skills"]})
            if some:
                checks.check(set(some) == {"skills"}, f"get_profile sections: only skills, got {set(some)}")
            await good("get_contact_info", {"who": me})
            people = await good("search_people", {"keywords": "engineer", "limit": 5, "network": ["first", "second"]})
            if people:
                checks.check(people["count"] == len(people["items"]) <= 5, "search_people: at most the limit")
            companies = await good("search_companies", {"keywords": "Lumen", "limit": 3})
            company = (companies or {}).get("items", [{}])[0].get("universal_name") or "linkedin"
            await good("get_company", {"universal_name": company})
            jobs = await good("search_jobs", {"keywords": "engineer", "listed_within_days": 30, "limit": 3})
            job_id = ((jobs or {}).get("items") or [{}])[0].get("job_id")
            if checks.check(bool(job_id), f"search_jobs gives a job_id: {jobs}"):
                await good("get_job", {"job_id": job_id})
            convs = await good("list_conversations", {"limit": 3})
            thread = ((convs or {}).get("items") or [{}])[0].get("thread_id")
            if checks.check(bool(thread), "list_conversations gives a thread_id"):
                await good("get_conversation", {"conversation": thread, "limit": 5})
            await good("list_conversations", {"unread": True, "limit": 2})
            await good("list_invitations", {"limit": 2})
            await good("list_invitations", {"sent": True, "limit": 2})
            notes = await good("list_notifications", {"limit": 3})
            if notes and notes.get("next_cursor"):
                await good("list_notifications", {"limit": 3, "cursor": notes["next_cursor"]})
            await good("network_counts", {})
            school = await good("get_school", {"universal_name": "university-of-queensland"})
            if school:
                checks.check(school["company"].get("name") == "The University of Queensland", f"get_school: {str(school)[:200]}")
            if job_id:
                skills = await good("get_job_skills", {"job_id": job_id})
                if skills:
                    checks.check({"matched", "missing"} <= set(skills["skills"]), f"get_job_skills: {str(skills)[:200]}")
            saved = await good("saved_jobs", {"limit": 2})
            if saved and saved.get("next_cursor"):
                await good("saved_jobs", {"limit": 2, "cursor": saved["next_cursor"]})
            await good("applied_jobs", {"limit": 2})
            await good("mailbox_counts", {})
            await good("message_requests", {"limit": 2})
            viewers = await good("who_viewed_me", {})
            if viewers:
                checks.check(viewers.get("viewers") is not None, f"who_viewed_me gives the touch viewers in the sandbox: {str(viewers)[:200]}")
            doctor = await good("doctor", {"only": ["session", "feed"]})
            if doctor:
                checks.check(doctor["all_fine"] is True and len(doctor["checks"]) > 0, f"doctor: {str(doctor)[:300]}")
            feed = await good("get_feed", {"limit": 3, "exclude_promoted": True})
            post = ((feed or {}).get("items") or [{}])[0].get("urn")
            if checks.check(bool(post), f"get_feed gives a post urn: {str(feed)[:200]}"):
                details = await good("get_post", {"post": post})
                if details:
                    checks.check(details["post"]["post"]["urn"] == post, "get_post: the post asked for")
                comments = await good("list_comments", {"post": post, "limit": 3})
                first = ((comments or {}).get("items") or [{}])[0].get("urn")
                if first:
                    await good("list_comment_replies", {"comment": first, "limit": 3})
                reactions = await good("list_reactions", {"post": post, "limit": 3})
                kind = ((reactions or {}).get("items") or [{}])[0].get("reaction_type", "LIKE").lower()
                typed = await good("list_reactions", {"post": post, "reaction": kind, "limit": 3})
                if typed:
                    checks.check(all(r["reaction_type"].lower() == kind for r in typed["items"]), f"list_reactions of type {kind}")
            await good("list_posts", {"who": "me", "limit": 3})
            await good("search_posts", {"keywords": "rust", "limit": 3})
            await good("saved_posts", {"limit": 3})

            # Invalid arguments: refused by the schema, and by the server as a tool error.
            await bad("status", {"verbose": True})
            await bad("get_profile", {})
            await bad("get_profile", {"who": 42})
            await bad("get_profile", {"who": me, "sections": ["hobbies"]})
            await bad("get_contact_info", {"who": ["a"]})
            await bad("search_people", {"keywords": "engineer", "limit": "ten"})
            await bad("search_people", {"keywords": "engineer", "colour": "blue"})
            await bad("search_people", {"network": ["fourth"]})
            await bad("search_companies", {})
            await bad("search_jobs", {"workplace": ["moon"]})
            await bad("get_company", {"universal_name": None})
            await bad("get_job", {})
            await bad("list_conversations", {"unread": "yes"})
            await bad("get_conversation", {"limit": 3})
            await bad("list_invitations", {"sent": 1})
            await bad("list_notifications", {"limit": -1})
            await bad("network_counts", {"all": True})
            await bad("get_school", {})
            await bad("get_job_skills", {"job_id": 5})
            await bad("saved_jobs", {"limit": "x"})
            await bad("applied_jobs", {"page": 2})
            await bad("mailbox_counts", {"category": "inbox"})
            await bad("message_requests", {"limit": 1.5})
            await bad("who_viewed_me", {"who": "me"})
            await bad("doctor", {"only": "session"})
            await bad("get_feed", {"exclude_promoted": "no"})
            await bad("list_posts", {})
            await bad("search_posts", {})
            await bad("get_post", {})
            await bad("list_comments", {"post": 1})
            await bad("list_comment_replies", {})
            await bad("list_comment_replies", {"comment": "urn:li:activity:1"}, schema_rejects=False)
            await bad("list_reactions", {"post": post or "1", "reaction": "meh"})
            await bad("saved_posts", {"cursor": 3})
            # Valid for the schema, refused by the server (bad input, not found, bad cursor).
            await bad("search_people", {"keywords": "engineer", "limit": 0}, schema_rejects=False)
            await bad("search_people", {"keywords": "engineer", "cursor": "not-a-cursor"}, schema_rejects=False)
            await bad("get_profile", {"who": "no-such-member-zz"}, schema_rejects=False)
            await bad("get_company", {"universal_name": "no-such-company-zz"}, schema_rejects=False)
            await bad("get_job", {"job_id": "not digits"}, schema_rejects=False)
            await bad("get_conversation", {"conversation": "2-bm8gc3VjaA=="}, schema_rejects=False)
            await bad("search_jobs", {"listed_within_days": 4000}, schema_rejects=False)
            await bad("get_profile", {"who": me, "sections": []}, schema_rejects=False)
            await bad("doctor", {"only": ["nowhere"]}, schema_rejects=False)
            await bad("get_school", {"universal_name": "no-such-school-zz"}, schema_rejects=False)
            await bad("get_job_skills", {"job_id": "not digits"}, schema_rejects=False)
            await bad("get_post", {"post": "not a post"}, schema_rejects=False)
            await bad("list_comments", {"post": "urn:li:activity:not-digits"}, schema_rejects=False)
            await bad("list_posts", {"who": "no-such-member-zz"}, schema_rejects=False)
            if people and people.get("next_cursor"):
                # A cursor of one list refused by another.
                await bad("search_people", {"keywords": "rust", "cursor": people["next_cursor"]}, schema_rejects=False)
                await bad("list_invitations", {"cursor": people["next_cursor"]}, schema_rejects=False)

            # The server is still answering after all of that.
            again = await good("status", {})
            checks.check(again is not None, "the server survives bad calls")

            # A write is refused without --allow-writes.
            refused = await call(session, "send_message", {"conversation": thread or "x", "text": "hello"})
            checks.check(refused.is_error and "--allow-writes" in text_of(refused), f"send_message refused: {text_of(refused)[:200]}")

            # Paging to the end: every result once.
            seen, pages, cursor = [], 0, None
            while pages < 50:
                arguments = {"keywords": "engineer", "limit": 49}
                if cursor:
                    arguments["cursor"] = cursor
                page = await good("search_people", arguments)
                if page is None:
                    break
                pages += 1
                seen.extend(p["urn"] for p in page["items"])
                cursor = page.get("next_cursor")
                if not cursor:
                    break
            checks.check(cursor is None, f"search_people paged to the end ({pages} pages)")
            checks.check(len(seen) == len(set(seen)), f"no result twice: {len(seen)} results, {len(set(seen))} distinct")
            checks.check(len(seen) > 49, f"more than one page: {len(seen)} results")
            print(f"search_people paged to the end: {len(seen)} results in {pages} calls", flush=True)

            # Timing: a search_people call with 49 results, through the client.
            times = []
            for _ in range(args.rounds):
                start = time.perf_counter()
                r = await call(session, "search_people", {"keywords": "engineer", "limit": 49})
                times.append(time.perf_counter() - start)
                checks.check(not r.is_error and r.structured_content["count"] == 49, "timed call gives 49")
            mcp_median = statistics.median(times)

    # ---- the whole process, for comparison ----
    whole = []
    for _ in range(args.rounds):
        start = time.perf_counter()
        done = subprocess.run(
            [binary, "--sandbox", "search", "people", "--keywords", "engineer", "--limit", "49", "--json"],
            capture_output=True,
            check=False,
        )
        whole.append(time.perf_counter() - start)
        checks.check(done.returncode == 0, f"linkedin search people: {done.stderr[:200]!r}")
    whole_median = statistics.median(whole)

    # ---- with --allow-writes: listed, annotated, previewed, sent exactly once ----
    async with stdio_client(server("--allow-writes")) as (read, write):
        async with ClientSession(read, write) as session:
            await session.initialize()
            tools = {t.name: t for t in (await session.list_tools()).tools}
            checks.check(WRITE_TOOLS <= set(tools), f"write tools listed with --allow-writes: {set(tools)}")
            status = (await call(session, "status", {})).structured_content
            checks.check(set(status["write_tools"]) == WRITE_TOOLS and status["writes_allowed"], f"status: every write tool with --allow-writes: {status['write_tools']}")
            for name in WRITE_TOOLS & set(tools):
                ann = tools[name].annotations
                destructive, idempotent = WRITES[name]
                checks.check(ann is not None and ann.read_only_hint is False, f"{name}: not read-only")
                checks.check(ann is not None and ann.destructive_hint is destructive, f"{name}: destructive {destructive}")
                checks.check(ann is not None and ann.idempotent_hint is idempotent, f"{name}: idempotent {idempotent}")
                checks.check(bool(tools[name].description) and tools[name].description.startswith("WRITE:"), f"{name}: described as a write")
            convs = await call(session, "list_conversations", {"limit": 1})
            thread = convs.structured_content["items"][0]["thread_id"]
            text = f"mcp check {uuid.uuid4()}"

            async def copies():
                r = await call(session, "get_conversation", {"conversation": thread, "limit": 50})
                return sum(1 for m in r.structured_content["items"] if m.get("text") == text)

            preview = await call(session, "send_message", {"conversation": thread, "text": text, "preview": True})
            checks.check(not preview.is_error and preview.structured_content["preview"] is True, f"preview: {text_of(preview)[:200]}")
            checks.check(await copies() == 0, "a preview sends nothing")
            sent = await call(session, "send_message", {"conversation": thread, "text": text})
            checks.check(not sent.is_error and sent.structured_content["outcome"] == "sent", f"send_message: {text_of(sent)[:200]}")
            checks.check(await copies() == 1, "the conversation has the message exactly once")
            empty = await call(session, "send_message", {"conversation": thread, "text": "  "})
            checks.check(empty.is_error, "an empty text is refused")
            checks.check(await copies() == 1, "still once after a refused send")

            # The message just sent: edited, reacted to and recalled, each previewed first.
            mine = (sent.structured_content.get("message") or {}).get("id") if not sent.is_error else None
            if checks.check(bool(mine), f"send_message gives the message's id: {text_of(sent)[:200]}"):
                edited = f"{text} (edited)"
                look = await call(session, "edit_message", {"message": mine, "text": edited, "preview": True})
                checks.check(not look.is_error and look.structured_content["outcome"] == "would_edit" and look.structured_content["message"]["text"] == text, f"edit_message preview finds the message: {text_of(look)[:200]}")
                done = await call(session, "edit_message", {"message": mine, "text": edited})
                checks.check(not done.is_error and done.structured_content["outcome"] == "edited", f"edit_message: {text_of(done)[:200]}")
                after = await call(session, "get_conversation", {"conversation": thread, "limit": 50})
                checks.check(any(m.get("text") == edited for m in after.structured_content["items"]), "edit_message: the new text is read back")
                for name, outcome in [("react_to_message", "would_react"), ("remove_message_reaction", "would_remove")]:
                    r = await call(session, name, {"message": mine, "emoji": "👍", "preview": True})
                    checks.check(not r.is_error and r.structured_content["outcome"] == outcome, f"{name} preview: {text_of(r)[:200]}")
                r = await call(session, "react_to_message", {"message": mine, "emoji": "👍"})
                checks.check(not r.is_error and r.structured_content["outcome"] == "reacted", f"react_to_message: {text_of(r)[:200]}")
                r = await call(session, "remove_message_reaction", {"message": mine, "emoji": "👍"})
                checks.check(not r.is_error and r.structured_content["outcome"] == "removed", f"remove_message_reaction: {text_of(r)[:200]}")
                r = await call(session, "react_to_message", {"message": mine, "emoji": "ok", "preview": True})
                checks.check(r.is_error, "react_to_message: a word is not an emoji")
                r = await call(session, "recall_message", {"message": mine, "preview": True})
                checks.check(not r.is_error and r.structured_content["outcome"] == "would_recall", f"recall_message preview: {text_of(r)[:200]}")
                r = await call(session, "recall_message", {"message": mine})
                checks.check(not r.is_error and r.structured_content["outcome"] == "recalled", f"recall_message: {text_of(r)[:200]}")
            theirs = [m for m in (await call(session, "get_conversation", {"conversation": thread, "limit": 50})).structured_content["items"] if not m.get("from_me") and m.get("id")]
            if theirs:
                r = await call(session, "edit_message", {"message": theirs[0]["id"], "text": "mine now", "preview": True})
                checks.check(r.is_error and "another member" in text_of(r), f"edit_message preview refuses another's message: {text_of(r)[:200]}")
            r = await call(session, "recall_message", {"message": "not-a-message"})
            checks.check(r.is_error, "recall_message: a malformed id is refused")
            inv = await call(session, "list_invitations", {"limit": 1})
            inv_id = inv.structured_content["items"][0]["id"]
            look = await call(session, "accept_invitation", {"invitation": inv_id, "preview": True})
            checks.check(not look.is_error and look.structured_content["outcome"] == "would_accept", f"accept preview: {text_of(look)[:200]}")
            bad_inv = await call(session, "accept_invitation", {"invitation": "not-an-id"})
            checks.check(bad_inv.is_error, "a malformed invitation id is refused")
            who = await call(session, "invite", {"profile": "liv-marchetti", "note": "Hello", "preview": True})
            checks.check(not who.is_error and who.structured_content["outcome"] == "would_send", f"invite preview: {text_of(who)[:200]}")

            async def wrote(name, arguments, outcome):
                r = await call(session, name, arguments)
                ok = checks.check(not r.is_error, f"{name}({arguments}): {text_of(r)[:300]}")
                if ok:
                    got = r.structured_content
                    checks.check(got["outcome"] == outcome and got["preview"] is arguments.get("preview", False), f"{name}: outcome {outcome}, got {got['outcome']}")
                    return got
                return None

            async def refused_write(name, arguments):
                r = await call(session, name, arguments)
                checks.check(r.is_error and text_of(r).strip() != "", f"{name}({arguments}): refused, got {text_of(r)[:200]}")

            # Previews of each write, then a few sent and read back.
            await wrote("reject_invitation", {"invitation": inv_id, "preview": True}, "would_reject")
            sent_inv = (await call(session, "list_invitations", {"sent": True, "limit": 1})).structured_content["items"]
            if checks.check(bool(sent_inv), "a sent invitation to withdraw"):
                await wrote("withdraw_invitation", {"invitation": sent_inv[0]["id"], "preview": True}, "would_withdraw")
            firsts = (await call(session, "search_people", {"keywords": "engineer", "network": ["first"], "limit": 2})).structured_content["items"]
            if checks.check(len(firsts) == 2, f"two connections to remove: {str(firsts)[:200]}"):
                gone = firsts[1]["public_id"]
                plan = await wrote("remove_connection", {"profile": firsts[0]["public_id"], "preview": True}, "would_remove")
                if plan:
                    checks.check(bool(plan["member"]["name"]), f"remove_connection preview names the member: {plan}")
                await wrote("remove_connection", {"profile": gone}, "removed")
                after = (await call(session, "search_people", {"keywords": "engineer", "network": ["first"], "limit": 50})).structured_content["items"]
                checks.check(all(p["public_id"] != gone for p in after), "remove_connection: no longer a connection")
            await refused_write("remove_connection", {"profile": "no-such-member-zz"})
            start = await wrote("start_conversation", {"recipients": ["liv-marchetti"], "text": "Hello!", "preview": True}, "would_send")
            if start:
                checks.check(len(start["recipients"]) == 1, "start_conversation preview: the recipient looked up")
            feed = (await call(session, "get_feed", {"limit": 5, "exclude_promoted": True})).structured_content["items"]
            post = feed[0]["urn"]
            await wrote("react_to_post", {"post": post, "reaction": "praise", "preview": True}, "would_react")

            async def my_reactions():
                me_id = (await call(session, "status", {})).structured_content["me"]["profile_id"]
                r = await call(session, "list_reactions", {"post": post, "limit": 100})
                return [x for x in r.structured_content["items"] if x.get("reactor_profile_id") == me_id]

            before = await my_reactions()
            await wrote("react_to_post", {"post": post, "reaction": "praise"}, "reacted")
            mine = await my_reactions()
            checks.check(len(mine) == 1 and mine[0]["reaction_type"] == "PRAISE", f"react_to_post: the post has my reaction once: {mine} (before: {before})")
            await wrote("remove_reaction", {"post": post, "preview": True}, "would_remove")
            await wrote("remove_reaction", {"post": post}, "removed")
            checks.check(await my_reactions() == [], "remove_reaction: my reaction is gone")
            await refused_write("remove_reaction", {"post": post, "preview": True})

            words = f"mcp comment {uuid.uuid4()}"
            await wrote("comment_on_post", {"post": post, "text": words, "preview": True}, "would_comment")

            async def comments_with(text):
                r = await call(session, "list_comments", {"post": post, "limit": 100})
                return [c for c in r.structured_content["items"] if c.get("text") == text]

            checks.check(await comments_with(words) == [], "a comment preview sends nothing")
            await wrote("comment_on_post", {"post": post, "text": words}, "commented")
            made = await comments_with(words)
            if checks.check(len(made) == 1, f"comment_on_post: the comment is there once: {made}"):
                await wrote("reply_to_comment", {"comment": made[0]["urn"], "text": "Agreed", "preview": True}, "would_reply")
                await wrote("reply_to_comment", {"comment": made[0]["urn"], "text": "Agreed"}, "replied")
            await refused_write("comment_on_post", {"post": post, "text": "x" * 1251})
            await refused_write("reply_to_comment", {"comment": "urn:li:comment:nope", "text": "hi"})

            plan = await wrote("create_post", {"text": "Shipping #rust today", "visibility": "connections", "preview": True}, "would_publish")
            if plan:
                checks.check(plan["post"]["visibility"] in ("CONNECTIONS", "connections"), f"create_post preview: the visibility: {plan['post']}")
            created = await wrote("create_post", {"text": f"mcp post {uuid.uuid4()}"}, "published")
            if created and checks.check(bool(created["post"].get("share_urn")), f"create_post gives a share: {created}"):
                share = created["post"]["share_urn"]
                await wrote("delete_post", {"share": share, "preview": True}, "would_delete")
                await wrote("delete_post", {"share": share}, "deleted")
                await refused_write("delete_post", {"share": share})
            await refused_write("delete_post", {"share": "urn:li:activity:1"})
            if post:
                shown = await good("get_post", {"post": post})
                reshare = ((shown or {}).get("post") or {}).get("share_urn")
                if checks.check(bool(reshare), f"get_post gives the share: {str(shown)[:200]}"):
                    await wrote("reshare_post", {"share": reshare, "text": "Worth a read", "preview": True}, "would_reshare")
                    made = await wrote("reshare_post", {"share": reshare, "text": f"mcp reshare {uuid.uuid4()}"}, "reshared")
                    if made:
                        checks.check(bool(made["post"].get("urn")), f"reshare_post gives the new post: {made}")
            await refused_write("reshare_post", {"share": "urn:li:activity:1", "text": "Hi"})
            await refused_write("create_post", {"text": " "})

            page = await wrote("follow", {"universal_name": "university-of-queensland", "preview": True}, "would_follow")
            if page:
                checks.check(page["state"] is False, "follow preview: not followed yet")
            await wrote("follow", {"universal_name": "university-of-queensland"}, "followed")
            await wrote("follow", {"universal_name": "university-of-queensland"}, "unchanged")
            await wrote("unfollow", {"universal_name": "university-of-queensland", "preview": True}, "would_unfollow")
            await wrote("unfollow", {"universal_name": "university-of-queensland"}, "unfollowed")
            await refused_write("follow", {"universal_name": "no-such-company-zz"})

            jobs = (await call(session, "search_jobs", {"keywords": "engineer", "listed_within_days": 30, "limit": 1})).structured_content["items"]
            job = jobs[0]["job_id"]

            async def saved_job_ids():
                r = await call(session, "saved_jobs", {"limit": 100})
                return [j["job_id"] for j in r.structured_content["items"]]

            await wrote("save_job", {"job_id": job, "preview": True}, "would_save")
            await wrote("save_job", {"job_id": job}, "saved")
            checks.check(job in await saved_job_ids(), "save_job: saved_jobs lists it")
            await wrote("unsave_job", {"job_id": job, "preview": True}, "would_unsave")
            await wrote("unsave_job", {"job_id": job}, "unsaved")
            checks.check(job not in await saved_job_ids(), "unsave_job: saved_jobs leaves it out")
            await refused_write("save_job", {"job_id": "not digits"})
            await wrote("save_post", {"post": post, "preview": True}, "would_save")
            await wrote("save_post", {"post": post}, "saved")
            await wrote("unsave_post", {"post": post, "preview": True}, "would_unsave")
            await wrote("unsave_post", {"post": post}, "unsaved")
            await refused_write("save_post", {"post": "not a post"})

            notes = (await call(session, "list_notifications", {"limit": 20})).structured_content["items"]
            unread = [n for n in notes if n.get("read") is False] or notes
            if checks.check(bool(unread), "a notification to mark read"):
                urn = unread[0]["urn"]
                await wrote("mark_notification_read", {"notification": urn, "preview": True}, "would_mark_read")
                await wrote("mark_notification_read", {"notification": urn}, "marked_read")
                again = (await call(session, "list_notifications", {"limit": 20})).structured_content["items"]
                checks.check(any(n["urn"] == urn and n.get("read") is True for n in again), "mark_notification_read: it reads as read")
            await refused_write("mark_notification_read", {"notification": "urn:li:fsd_notificationCard:(NOPE)"})
            await refused_write("start_conversation", {"recipients": [], "text": "hi"})
            await refused_write("start_conversation", {"recipients": ["liv-marchetti"], "text": "hi", "title": "Solo"})
            await refused_write("withdraw_invitation", {"invitation": "123"})

    # ---- with a list of writes: only those listed and callable ----
    async with stdio_client(server("--allow-writes=send_message,react_to_post")) as (read, write):
        async with ClientSession(read, write) as session:
            await session.initialize()
            names = {t.name for t in (await session.list_tools()).tools}
            checks.check(names & WRITE_TOOLS == {"send_message", "react_to_post"}, f"only the listed writes are listed: {names & WRITE_TOOLS}")
            checks.check(READ_TOOLS <= names, "every read tool with a list of writes")
            status = (await call(session, "status", {})).structured_content
            checks.check(status["write_tools"] == ["send_message", "react_to_post"], f"status: the listed writes: {status['write_tools']}")
            other = await call(session, "create_post", {"text": "not allowed", "preview": True})
            checks.check(other.is_error and "allows only the writes" in text_of(other), f"a write not listed is refused: {text_of(other)[:200]}")
            feed = (await call(session, "get_feed", {"limit": 1})).structured_content["items"]
            allowed = await call(session, "react_to_post", {"post": feed[0]["urn"], "preview": True})
            checks.check(not allowed.is_error, f"a listed write is callable: {text_of(allowed)[:200]}")
    unknown = subprocess.run([binary, "--sandbox", "mcp", "--allow-writes=send_money"], capture_output=True, stdin=subprocess.DEVNULL, check=False)
    checks.check(unknown.returncode == 2 and b"not a write tool" in unknown.stderr, f"an unknown write tool is refused at start: {unknown.returncode} {unknown.stderr[:200]!r}")

    # ---- the realtime events resource, with both ways of subscribing ----
    await realtime_resource(binary, server, checks)

    # ---- --http: the streamable HTTP transport on loopback, through the SDK's client ----
    refused = subprocess.run([binary, "--sandbox", "mcp", "--http", "0.0.0.0:8765"], capture_output=True, stdin=subprocess.DEVNULL, check=False)
    checks.check(refused.returncode == 2 and b"not a loopback address" in refused.stderr, f"--http off loopback is refused: {refused.returncode} {refused.stderr[:200]!r}")
    await over_http(binary, checks)
    await events_over_http(binary, checks)

    print(
        f"search_people, 49 results: median {mcp_median * 1000:.1f} ms a tool call through the Python MCP client "
        f"[{' '.join(f'{t * 1000:.1f}' for t in times)}]; "
        f"median {whole_median * 1000:.1f} ms for the whole `linkedin --sandbox search people --limit 49 --json` process "
        f"[{' '.join(f'{t * 1000:.0f}' for t in whole)}] ({args.rounds} rounds, {os.path.relpath(binary, ROOT)})",
        flush=True,
    )
    print(f"{checks.passed} passed, {checks.failed} failed", flush=True)
    return 1 if checks.failed else 0


EVENTS_URI = "linkedin://messages/events"
# How long a notification may take after the write that causes it.
NOTIFY_WITHIN = 10


def events_of(read) -> dict:
    import json

    return json.loads(read.contents[0].text)


async def realtime_resource(binary, server, checks) -> None:
    """The resource linkedin://messages/events: listed and readable; with resources/subscribe
    (ClientSession.subscribe_resource: what a ClientSession that did the initialize handshake
    speaks) a sent message brings notifications/resources/updated and the resource then has
    it; unsubscribed, the stream is closed. Then the same through subscriptions/listen
    (Client.listen, protocol version 2026-07-28)."""
    import warnings

    import anyio
    from mcp import Client, ClientSession
    from mcp.client.stdio import stdio_client
    from mcp.shared.exceptions import MCPError

    updated = []
    arrived = anyio.Event()

    async def on_message(message):
        nonlocal arrived
        if getattr(message, "method", None) == "notifications/resources/updated":
            updated.append(str(message.params.uri))
            arrived.set()

    async def sent_text(session_or_client, thread):
        text = f"realtime check {uuid.uuid4()}"
        r = await session_or_client.call_tool("send_message", {"conversation": thread, "text": text})
        checks.check(not r.is_error, f"send_message for the events resource: {text_of(r)[:200]}")
        return text

    def has_message(doc, text):
        return any(e["event"].get("kind") == "message" and e["event"].get("text") == text for e in doc["events"])

    async with stdio_client(server("--allow-writes")) as (read, write):
        async with ClientSession(read, write, message_handler=on_message) as session:
            init = await session.initialize()
            caps = init.capabilities.resources
            checks.check(caps is not None and caps.subscribe is True, f"resources advertised with subscribe: {caps}")
            listed = (await session.list_resources()).resources
            mine = [r for r in listed if str(r.uri) == EVENTS_URI]
            if not checks.check(len(mine) == 1, f"{EVENTS_URI} listed: {[str(r.uri) for r in listed]}"):
                return
            checks.check(len(mine[0].description or "") > 80 and "subscribe" in mine[0].description, f"{EVENTS_URI}: described for a model: {mine[0].description!r}")
            before = events_of(await session.read_resource(EVENTS_URI))
            checks.check(before["events"] == [] and before["listening"] is False and before["error"] is None, f"before subscribing: no events, not listening: {before}")
            try:
                await session.read_resource("linkedin://messages/nope")
                checks.check(False, "an unknown resource is refused")
            except MCPError:
                checks.check(True, "an unknown resource is refused")
            thread = (await session.call_tool("list_conversations", {"limit": 1})).structured_content["items"][0]["thread_id"]
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                await session.subscribe_resource(EVENTS_URI)
            doc = events_of(await session.read_resource(EVENTS_URI))
            checks.check(doc["listening"] is True, f"resources/subscribe answers once the stream listens: {doc}")
            texts = []
            for _ in range(2):
                arrived = anyio.Event()
                texts.append(await sent_text(session, thread))
                with anyio.move_on_after(NOTIFY_WITHIN):
                    await arrived.wait()
                checks.check(arrived.is_set() and updated[-1] == EVENTS_URI, f"notifications/resources/updated within {NOTIFY_WITHIN} s of send_message: {updated}")
            doc = events_of(await session.read_resource(EVENTS_URI))
            checks.check(all(has_message(doc, t) for t in texts), f"the resource has the sent messages: {str(doc)[:400]}")
            seqs = [e["seq"] for e in doc["events"]]
            checks.check(seqs == list(range(seqs[0], seqs[0] + len(seqs))) if seqs else False, f"seq increases by one, oldest first: {seqs}")
            checks.check(doc["last_seq"] == (seqs[-1] if seqs else 0) and len(seqs) <= 50, f"last_seq is the newest, at most 50 kept: {doc['last_seq']} {len(seqs)}")
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                await session.unsubscribe_resource(EVENTS_URI)
            after = events_of(await session.read_resource(EVENTS_URI))
            checks.check(after["listening"] is False and after["subscribers"] == 0 and after["events"] == doc["events"], f"unsubscribed: the stream closed, the events kept: {str(after)[:300]}")
    print(f"{EVENTS_URI}: resources/subscribe, {len(updated)} notifications/resources/updated, the sent messages read back", flush=True)

    # subscriptions/listen: the SDK's Client, which negotiates 2026-07-28 (server/discover).
    async with Client(server("--allow-writes")) as client:
        version = client.session.protocol_version
        if not checks.check(version == "2026-07-28", f"Client negotiates 2026-07-28: {version}"):
            return
        thread = (await client.call_tool("list_conversations", {"limit": 1})).structured_content["items"][0]["thread_id"]
        async with client.listen(resource_subscriptions=[EVENTS_URI]) as sub:
            honored = list(sub.honored.resource_subscriptions or []) if sub.honored else []
            checks.check(honored == [EVENTS_URI], f"subscriptions/listen honors {EVENTS_URI}: {sub.honored}")
            # The acknowledgment comes before the stream is open: the resource says when it is.
            with anyio.move_on_after(NOTIFY_WITHIN):
                while not events_of(await client.read_resource(EVENTS_URI))["listening"]:
                    await anyio.sleep(0.02)
            text = await sent_text(client, thread)
            event = None
            with anyio.move_on_after(NOTIFY_WITHIN):
                async for event in sub:
                    break
            checks.check(event is not None and getattr(event, "uri", None) == EVENTS_URI, f"subscriptions/listen: ResourceUpdated within {NOTIFY_WITHIN} s of send_message: {event}")
            doc = events_of(await client.read_resource(EVENTS_URI))
            checks.check(has_message(doc, text), f"listen: the resource has the sent message: {str(doc)[:400]}")
        # The listen cancelled: its subscriber gone, the stream closed.
        with anyio.move_on_after(5):
            while events_of(await client.read_resource(EVENTS_URI))["subscribers"] != 0:
                await anyio.sleep(0.02)
        after = events_of(await client.read_resource(EVENTS_URI))
        checks.check(after["subscribers"] == 0 and after["listening"] is False, f"listen ended: no subscriber, the stream closed: {str(after)[:300]}")
    print(f"{EVENTS_URI}: subscriptions/listen (2026-07-28), ResourceUpdated, the sent message read back", flush=True)


async def over_http(binary, checks) -> None:
    """Starts `linkedin --sandbox mcp --http 127.0.0.1:0`, reads its URL from stderr, and drives
    it with the SDK's streamable HTTP client: the tools listed, a read called."""
    import anyio
    from mcp import ClientSession
    from mcp.client.streamable_http import streamable_http_client

    proc = await anyio.open_process([binary, "--sandbox", "mcp", "--http", "127.0.0.1:0"], stdin=subprocess.DEVNULL)
    try:
        url, seen = None, b""
        with anyio.move_on_after(20):
            async for chunk in proc.stderr:
                seen += chunk
                line = seen.decode(errors="replace")
                if " on http://" in line and "\n" in line:
                    url = line.split(" on ", 1)[1].split()[0]
                    break
        if not checks.check(url is not None and url.endswith("/mcp"), f"--http prints its URL: {seen[:300]!r}"):
            return
        async with streamable_http_client(url) as (read, write):
            async with ClientSession(read, write) as session:
                init = await session.initialize()
                checks.check(init.server_info.name == "linkedin", f"over HTTP: server name {init.server_info.name}")
                names = {t.name for t in (await session.list_tools()).tools}
                checks.check(READ_TOOLS <= names and not (WRITE_TOOLS & names), f"over HTTP: the read tools listed, no write: {sorted(names)}")
                found = await session.call_tool("search_people", {"keywords": "engineer", "limit": 5})
                checks.check(not found.is_error and found.structured_content["count"] == 5, f"over HTTP: search_people gives 5: {text_of(found)[:200]}")
                bad = await session.call_tool("get_profile", {"who": 42})
                checks.check(bad.is_error, "over HTTP: a bad call is a tool error")
        print(f"--http: the SDK's streamable HTTP client at {url}: tools listed, search_people called", flush=True)
    finally:
        proc.terminate()
        with anyio.move_on_after(5):
            await proc.wait()


async def http_server(binary, *extra):
    """Starts `linkedin --sandbox mcp --http 127.0.0.1:0 ...`; gives the process and its URL
    (None when it printed none within 20 s)."""
    import anyio

    proc = await anyio.open_process([binary, "--sandbox", "mcp", "--http", "127.0.0.1:0", *extra], stdin=subprocess.DEVNULL)
    url, seen = None, b""
    with anyio.move_on_after(20):
        async for chunk in proc.stderr:
            seen += chunk
            line = seen.decode(errors="replace")
            if " on http://" in line and "\n" in line:
                url = line.split(" on ", 1)[1].split()[0]
                break
    return proc, url


async def events_over_http(binary, checks) -> None:
    """The events resource over --http: two sessions subscribed share the server's one
    stream, a message sent by one notifies both; once both sessions are gone (no
    unsubscribe), the stream is closed within 10 s."""
    import warnings

    import anyio
    from mcp import ClientSession
    from mcp.client.streamable_http import streamable_http_client

    proc, url = await http_server(binary, "--allow-writes")
    try:
        if not checks.check(url is not None, "--http prints its URL"):
            return
        got = {1: [], 2: []}

        def handler(n):
            async def on_message(message):
                if getattr(message, "method", None) == "notifications/resources/updated":
                    got[n].append(str(message.params.uri))

            return on_message

        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            async with streamable_http_client(url) as (r1, w1), streamable_http_client(url) as (r2, w2):
                async with ClientSession(r1, w1, message_handler=handler(1)) as a, ClientSession(r2, w2, message_handler=handler(2)) as b:
                    await a.initialize()
                    await b.initialize()
                    await a.subscribe_resource(EVENTS_URI)
                    await b.subscribe_resource(EVENTS_URI)
                    doc = events_of(await a.read_resource(EVENTS_URI))
                    checks.check(doc["subscribers"] == 2 and doc["listening"] is True, f"over HTTP: two sessions subscribed to one stream: {str(doc)[:200]}")
                    thread = (await a.call_tool("list_conversations", {"limit": 1})).structured_content["items"][0]["thread_id"]
                    text = f"over http {uuid.uuid4()}"
                    await a.call_tool("send_message", {"conversation": thread, "text": text})
                    with anyio.move_on_after(NOTIFY_WITHIN):
                        while not (got[1] and got[2]):
                            await anyio.sleep(0.02)
                    checks.check(all(got[n] and set(got[n]) == {EVENTS_URI} for n in (1, 2)), f"over HTTP: both sessions notified: {got}")
                    doc = events_of(await b.read_resource(EVENTS_URI))
                    checks.check(any(e["event"].get("text") == text for e in doc["events"]), "over HTTP: the other session reads the message")
            async with streamable_http_client(url) as (r3, w3):
                async with ClientSession(r3, w3) as c:
                    await c.initialize()
                    doc = None
                    with anyio.move_on_after(10):
                        while True:
                            doc = events_of(await c.read_resource(EVENTS_URI))
                            if doc["subscribers"] == 0:
                                break
                            await anyio.sleep(0.2)
                    checks.check(doc is not None and doc["subscribers"] == 0 and doc["listening"] is False, f"over HTTP: the sessions gone, the stream is closed: {str(doc)[:200]}")
        print(f"--http: {EVENTS_URI} shared by two sessions, both notified, closed when they went away", flush=True)
    finally:
        proc.terminate()
        with anyio.move_on_after(5):
            await proc.wait()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--linkedin", default=os.path.join(ROOT, "target", "debug", "linkedin"), help="the linkedin binary")
    parser.add_argument("--no-build", action="store_true", help="do not run `cargo build -p linkedin-cli` first")
    parser.add_argument("--rounds", type=int, default=15, help="timed calls (default 15)")
    args = parser.parse_args()
    if not in_venv():
        if not args.no_build:
            subprocess.run(["cargo", "build", "--quiet", "--locked", "-p", "linkedin-cli"], cwd=ROOT, check=True)
            sys.argv.append("--no-build")
        bootstrap()
    import anyio

    return anyio.run(drive, args)


if __name__ == "__main__":
    sys.exit(main())
