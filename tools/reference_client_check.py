"""Drives the reference Python client (PyPI linkedin-api 2.3.1) against a running sandbox.

    python3 -m venv /tmp/liapi && /tmp/liapi/bin/pip install linkedin-api==2.3.1
    URL=$(linkedin sandbox | head -1) &   # or start it in another terminal
    HOME=$(mktemp -d) /tmp/liapi/bin/python tools/reference_client_check.py "$URL"

The client has no base-URL option, so its two class attributes are pointed at the sandbox;
everything else is the client as published (a response hook only notes each answer's status).
Exits non-zero when an answer is not the one LinkedIn gives today.
"""

import sys

from linkedin_api.client import Client

base = sys.argv[1].rstrip("/")
Client.LINKEDIN_BASE_URL = base
Client.API_BASE_URL = base + "/voyager/api"

import linkedin_api.linkedin as linkedin_module  # noqa: E402
from linkedin_api import Linkedin  # noqa: E402
from linkedin_api.client import ChallengeException  # noqa: E402

# The client sleeps 2-5 s before every call to look human; not needed on loopback.
linkedin_module.default_evade = lambda: None

failures = []


def check(name, ok, detail):
    print(("ok   " if ok else "FAIL ") + name + ": " + str(detail))
    if not ok:
        failures.append(name)


api = Linkedin("demo@example.com", "demo-password", refresh_cookies=True)

# The HTTP status of every answer the client reads, to check the ones its methods do not return.
statuses = []
api.client.session.hooks["response"].append(lambda r, *args, **kwargs: statuses.append(r.status_code))
me = api.get_user_profile(use_cache=False)
check("password login + get_user_profile", me.get("miniProfile", {}).get("publicIdentifier") == "demo-member", me.get("plainId"))

# LinkedIn retired /identity/profiles/*: a bare {"status": 410}, on which 2.3.1 raises KeyError('message').
try:
    api.get_profile("demo-member")
    check("get_profile answers 410", False, "no error")
except KeyError as e:
    check("get_profile answers 410", str(e) == "'message'", "KeyError " + str(e))

company = api.get_company("linkedin")
check("get_company('linkedin')", company.get("name") == "LinkedIn", company.get("name"))
school = api.get_school("university-of-queensland")
check("get_school('university-of-queensland')", school.get("name") == "The University of Queensland", school.get("name"))
state_urn = company["followingInfo"]["dashFollowingStateUrn"]
failed = api.follow_company(state_urn, following=True)
status = statuses[-1]
followed = api.get_company("linkedin")["followingInfo"]["following"]
# LinkedIn answers a follow 201; 2.3.1 returns `status != 200` (its bug #473), so it reports
# the success as an error (True).
check(
    "follow_company answers 201",
    followed is True and status == 201 and failed is True,
    "following=" + str(followed) + ", status " + str(status) + ", returned " + str(failed),
)
api.follow_company(state_urn, following=False)

urn_id = me["miniProfile"]["dashEntityUrn"].split(":")[-1]
experiences = api.get_profile_experiences(urn_id)
check("get_profile_experiences", len(experiences) >= 4 and experiences[0]["companyName"], [e["title"] for e in experiences])
invitations = api.get_invitations()
check("get_invitations", len(invitations) > 0, len(invitations))
conversations = api.get_conversations().get("elements", [])
check("get_conversations (legacy)", len(conversations) > 0, len(conversations))
conversation_id = conversations[0]["entityUrn"].split(":")[-1] if conversations else "none"
events = api.get_conversation(conversation_id).get("elements", [])
check("get_conversation (legacy events)", len(events) > 0, len(events))

# 2.3.1 sends its old search queryId (catalogue: search_clusters_2_3_1), which LinkedIn was
# reported to answer with empty results (#488/#494); the sandbox answers it like the current
# search on purpose, so that these methods can be checked at all.
found = api.search({"keywords": "engineer"}, limit=10)
check("search (generic)", 0 < len(found) <= 10 and all(r.get("title", {}).get("text") for r in found), len(found))
# 2.3.1 sends no count, so its limit is approximate (pages are LinkedIn's default 10): a limit
# of 15 gets 20 results. Only that there are results, and their fields, are checked.
people = api.search_people(keywords="engineer", limit=15)
check(
    "search_people(keywords)",
    len(people) > 0 and all(p["name"] and p["urn_id"].startswith("ACoAA") and p["distance"] for p in people),
    [p["name"] for p in people[:5]],
)
first = api.search_people(network_depths=["F"], limit=20)
check("search_people(network_depths=['F'])", len(first) > 0 and all(p["distance"] == "DISTANCE_1" for p in first), len(first))
everyone = api.search_people(keywords="engineer")
check("search_people pages to the end (no limit)", len(everyone) > len(people), len(everyone))
connections = api.get_profile_connections(urn_id, limit=20)
check("get_profile_connections (own)", len(connections) > 0 and all(c["distance"] == "DISTANCE_1" for c in connections), len(connections))
companies = api.search_companies(keywords="linkedin", limit=1)
check("search_companies('linkedin')", len(companies) == 1 and companies[0]["urn_id"] == "1337", companies)

posts = api.get_feed_posts(limit=10)
keys = ("author_name", "author_profile", "old", "content", "url")
check(
    "get_feed_posts",
    0 < len(posts) <= 10
    and all(all(p.get(k) for k in keys) for p in posts)
    and not any("Promoted" in p["old"] for p in posts),
    [p["author_name"] for p in posts[:5]],
)
# LinkedIn answers 2.3.1's comments and reaction endpoints with errors since 2026 (peers-2026.md §3):
# /feed/comments 500, on which 2.3.1 gives [{}]; the REST reaction write 400, which it reports as
# an error (True).
post_id = posts[0]["url"].rstrip("/").split("urn:li:activity:")[-1] if posts else "0"
comments = api.get_post_comments(post_id)
check("get_post_comments answers 500", comments == [{}] and statuses[-1] == 500, str(comments) + ", status " + str(statuses[-1]))
failed = api.react_to_post(post_id, "LIKE")
check("react_to_post answers 400", failed is True and statuses[-1] == 400, "returned " + str(failed) + ", status " + str(statuses[-1]))

views = api.get_current_profile_views()
check("get_current_profile_views", isinstance(views, int) and views > 0, views)

# get_profile_posts' /identity/profileUpdatesV2 is reported to answer 401 (#338, #369): a bare
# {"status": 401}, on which 2.3.1 raises KeyError('message') as for get_profile.
try:
    api.get_profile_posts(urn_id=urn_id)
    check("get_profile_posts answers 401", False, "no error")
except KeyError as e:
    check("get_profile_posts answers 401", str(e) == "'message'", "KeyError " + str(e))

jobs = api.search_jobs(keywords="engineer", limit=5)
check("search_jobs", len(jobs) > 0, [j.get("title") for j in jobs])
job_id = jobs[0]["trackingUrn"].split(":")[-1] if jobs else "0"
job = api.get_job(job_id)
check("get_job", bool(job.get("title")), job.get("title"))

for user, password, expected in [
    ("demo@example.com", "wrong", "BAD_PASSWORD"),
    ("challenge@example.com", "anything", "CHALLENGE"),
]:
    try:
        Linkedin(user, password, refresh_cookies=True)
        check("login " + user, False, "no error")
    except ChallengeException as e:
        check("login " + user, str(e) == expected, "ChallengeException " + str(e))

sys.exit(1 if failures else 0)
