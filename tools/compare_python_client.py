"""CPU per search page: this workspace's client against the Python client (PyPI linkedin-api
2.3.1), on one sandbox, the same paginated people search, the same page size. Not run by CI.

    python3 tools/compare_python_client.py            # builds `linkedin` (release) first
    python3 tools/compare_python_client.py --rounds 9 --small 1 --big 21 --no-build
    python3 tools/compare_python_client.py --linkedin /tmp/before/target/release/linkedin

What it does:

- makes a virtualenv with linkedin-api==2.3.1 (default `~/.cache/linkedin-rs/py-2.3.1`,
  `--venv DIR`; reused when it has it) and builds `target/release/linkedin`;
- starts one sandbox (`linkedin sandbox`, release build, compression as it does by default)
  and leaves it running for every run;
- runs each client as its own process, for a people search of SMALL and of BIG pages of 49
  results (`--limit 49*pages`), and takes the child's whole-process CPU (user + sys, from
  its rusage by `os.wait4`): login, requests, decompression, decoding, output, interpreter
  or runtime start, everything;
- interleaves the runs (small, big, each client, round after round) and takes medians;
- prints every raw figure, then the marginal CPU per page of each client,
  (cpu(big) - cpu(small)) / (big - small), which the fixed costs (process start, login)
  cancel out of, and the ratio ours / Python's.

Our side is the CLI: `linkedin search people --limit N --json` (stdout to /dev/null), the
command a user runs. The Python side is 2.3.1 as published, with two changes so that it asks
what ours asks: its 2-5 s sleep before every request is turned off (its `_fetch` binds the
sleep as a default argument, so it is wrapped here rather than the module's function
replaced), and its search request is the current one of the catalogue (`search_clusters`:
the current queryId and `count:49`) instead of its own (`search_clusters_2_3_1`, which sends
no count and so gets LinkedIn's default page of 10). It reads the answer with its own code.
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PAGE = 49
USER, PASSWORD = "demo@example.com", "demo-password"
# Catalogue `search_clusters` (crates/catalogue/catalogue.toml) and `search_clusters_2_3_1`.
CURRENT_QUERY_ID = "voyagerSearchDashClusters.bb967969ef89137e6dec45d038310505"
OLD_QUERY_ID = "voyagerSearchDashClusters.b0928897b71bd00a5a7291755dcd64f0"

PYTHON_CLIENT = r'''
import sys
from linkedin_api.client import Client

base = sys.argv[1].rstrip("/")
Client.LINKEDIN_BASE_URL = base
Client.API_BASE_URL = base + "/voyager/api"

from linkedin_api import Linkedin  # noqa: E402

original_fetch = Linkedin._fetch
original_post = Linkedin._post


def no_sleep():
    pass


def fetch(self, uri, evade=None, base_request=False, **kwargs):
    # The current search request: the catalogue's queryId, and the page size as a variable.
    if uri.startswith("/graphql?variables=(start:") and "OLD_QUERY_ID" in uri:
        uri = uri.replace("))&queryId=OLD_QUERY_ID", "),count:PAGE)&queryId=CURRENT_QUERY_ID")
    return original_fetch(self, uri, evade=no_sleep, base_request=base_request, **kwargs)


def post(self, uri, evade=None, base_request=False, **kwargs):
    return original_post(self, uri, evade=no_sleep, base_request=base_request, **kwargs)


Linkedin._fetch = fetch
Linkedin._post = post

api = Linkedin(sys.argv[2], sys.argv[3], refresh_cookies=True)
people = api.search_people(limit=int(sys.argv[4]))
print(len(people))
'''.replace("OLD_QUERY_ID", OLD_QUERY_ID).replace("CURRENT_QUERY_ID", CURRENT_QUERY_ID).replace("PAGE", str(PAGE))


def venv_python(path: Path) -> Path:
    python = path / "bin" / "python"
    check = [str(python), "-c", "import linkedin_api, importlib.metadata as m; assert m.version('linkedin-api') == '2.3.1'"]
    if python.exists() and subprocess.run(check, capture_output=True).returncode == 0:
        return python
    print(f"making a virtualenv with linkedin-api==2.3.1 in {path}", file=sys.stderr)
    venv.create(path, with_pip=True, clear=True)
    subprocess.run([str(python), "-m", "pip", "install", "-q", "linkedin-api==2.3.1"], check=True)
    return python


def run(argv, env, expect):
    """Runs a client to the end; its user + sys CPU seconds, from its own rusage."""
    with open(os.devnull, "wb") as null, tempfile.TemporaryFile() as out:
        child = subprocess.Popen(argv, env=env, stdout=out, stderr=subprocess.PIPE)
        _, status, usage = os.wait4(child.pid, 0)
        stderr = child.stderr.read().decode(errors="replace")
        child.stderr.close()
        out.seek(0)
        text = out.read().decode()
    if status != 0:
        sys.exit(f"{argv[0]} failed ({status}): {stderr.strip()[-400:]}")
    got = expect(text)
    return usage.ru_utime + usage.ru_stime, got


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--small", type=int, default=1, help="pages of the small search")
    parser.add_argument("--big", type=int, default=21, help="pages of the big search")
    parser.add_argument("--venv", type=Path, default=Path.home() / ".cache" / "linkedin-rs" / "py-2.3.1")
    parser.add_argument("--no-build", action="store_true", help="use target/release/linkedin as it is")
    parser.add_argument("--linkedin", type=Path, help="another `linkedin` binary to measure (an older build); implies --no-build")
    args = parser.parse_args()

    python = venv_python(args.venv)
    if not args.no_build and args.linkedin is None:
        subprocess.run(["cargo", "build", "--release", "--locked", "-p", "linkedin-cli"], cwd=ROOT, check=True)
    linkedin = args.linkedin or ROOT / "target" / "release" / "linkedin"

    scratch = Path(tempfile.mkdtemp(prefix="compare-clients-"))
    client_py = scratch / "client.py"
    client_py.write_text(PYTHON_CLIENT)
    sandbox = subprocess.Popen([str(linkedin), "sandbox"], stdout=subprocess.PIPE, text=True)
    try:
        url = sandbox.stdout.readline().strip()
        home = scratch / "home"
        home.mkdir()
        base_env = {"PATH": os.environ.get("PATH", ""), "HOME": str(home)}
        ours_env = dict(base_env, LINKEDIN_BASE_URL=url, LINKEDIN_USERNAME=USER, LINKEDIN_PASSWORD=PASSWORD)

        def ours(pages):
            # A fresh session directory each run: each logs in, as the Python client does.
            session = tempfile.mkdtemp(dir=scratch)
            env = dict(ours_env, LINKEDIN_SESSION_DIR=session)
            argv = [str(linkedin), "search", "people", "--limit", str(pages * PAGE), "--json"]
            return run(argv, env, lambda text: len(json.loads(text)))

        def theirs(pages):
            argv = [str(python), str(client_py), url, USER, PASSWORD, str(pages * PAGE)]
            return run(argv, base_env, lambda text: int(text.strip().splitlines()[-1]))

        clients = {"rust (linkedin CLI)": ours, "python (linkedin-api 2.3.1)": theirs}
        sizes = (args.small, args.big)
        figures = {(name, pages): [] for name in clients for pages in sizes}
        for round_ in range(args.rounds):
            for pages in sizes:
                for name, client in clients.items():
                    cpu, results = client(pages)
                    if results != pages * PAGE:
                        sys.exit(f"{name}: {results} results for {pages} pages of {PAGE}")
                    figures[(name, pages)].append(cpu)
        print(f"sandbox {url}; people search, {PAGE} a page; {args.rounds} interleaved rounds;")
        print("CPU = user + sys of the whole client process, seconds")
        print()
        for (name, pages), cpus in figures.items():
            raw = " ".join(f"{c:.3f}" for c in cpus)
            print(f"{name:28} {pages:3} pages: median {statistics.median(cpus):.3f} s  [{raw}]")
        print()
        marginal = {}
        for name in clients:
            small = statistics.median(figures[(name, args.small)])
            big = statistics.median(figures[(name, args.big)])
            marginal[name] = (big - small) / (args.big - args.small)
            print(f"{name:28} per page: {marginal[name] * 1000:.2f} ms  ((median {args.big} - median {args.small}) / {args.big - args.small})")
        ours_ms, theirs_ms = marginal.values()
        print(f"ratio rust / python: {ours_ms / theirs_ms:.3f}")
    finally:
        sandbox.terminate()
        sandbox.wait()


if __name__ == "__main__":
    main()
