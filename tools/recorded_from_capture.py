#!/usr/bin/env python3
"""Writes fixtures/recorded/ from the shared capture of LinkedIn's web app (2026-02-04).

    python3 tools/recorded_from_capture.py ../shared/reference/captures/voyager-2026-02.json

One file per recorded request, `NNN-<what>.json` (NNN the capture's `seq`), holding the entry
as the capture has it: seq, method, url, request_headers, request_body, response_status,
response_body. The capture is already anonymized (see its README); nothing is changed but
the csrf-token value, which is replaced by a placeholder (it is a session secret's twin).
Running it again rewrites the same files byte for byte.
"""
import json
import os
import re
import sys
from urllib.parse import parse_qsl, urlsplit


def slug(url):
    parts = urlsplit(url)
    query = dict(parse_qsl(parts.query, keep_blank_values=True))
    if "queryId" in query:
        what = query["queryId"].split(".")[0]
    else:
        path = parts.path.removeprefix("/voyager/api/")
        segments = [s for s in path.split("/") if s and ":" not in s and "%3A" not in s]
        what = "-".join(segments) or "root"
    if "action" in query:
        what += "-" + query["action"]
    return re.sub(r"[^A-Za-z0-9-]+", "-", what).strip("-")


def main():
    capture, out = sys.argv[1], sys.argv[2] if len(sys.argv) > 2 else "fixtures/recorded"
    entries = json.load(open(capture, encoding="utf-8"))
    os.makedirs(out, exist_ok=True)
    for entry in entries:
        entry = dict(entry)
        headers = dict(entry["request_headers"])
        if "csrf-token" in headers:
            headers["csrf-token"] = "ajax:<recorded>"
        entry["request_headers"] = headers
        name = f"{entry['seq']:03}-{slug(entry['url'])}.json"
        with open(os.path.join(out, name), "w", encoding="utf-8") as f:
            json.dump(entry, f, indent=1, ensure_ascii=False, sort_keys=False)
            f.write("\n")
    print(f"{len(entries)} entries written to {out}")


if __name__ == "__main__":
    main()
