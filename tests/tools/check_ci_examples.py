#!/usr/bin/env python3
"""Checks the GitHub Actions examples in docs/ against what a debian:12 container has.

IT staff copy these jobs (and the problem matcher) as they are, so each must work in a bare `debian:12`
container: every tool a `run:` step calls is installed by an earlier apt-get step
(git before actions/checkout, or it fetches no .git/ and `git log` fails), every
library the build or the kyodo binary needs (scripts/setup.sh's list, without the
browser-test tools) is installed, and no step runs scripts/setup.sh (it stops
without Node.js). Prints each problem and exits 1; exits 0 when all hold.

usage: check_ci_examples.py [REPO]   (default: the current folder)
"""
import json
import re
import shlex
import sys
from pathlib import Path

import yaml

DOCS = ["docs/deploy.md", "docs/sharded-builds.md"]
# setup.sh packages that only the test gates use (sanitizer builds, browser checks, caching).
TEST_ONLY = {"clang", "libclang-rt-14-dev", "ccache", "chromium", "fonts-noto-cjk", "openjdk-17-jre-headless", "python3"}
# Programs a run: step may call that debian:12 lacks, and the package that brings each.
TOOLS = {"git": "git", "rsync": "rsync", "python3": "python3", "cmake": "cmake", "ninja": "ninja-build"}


def build_packages(repo):
    text = (repo / "scripts/setup.sh").read_text(encoding="utf-8")
    body = re.search(r"APT_PACKAGES=\((.*?)\)", text, re.S).group(1)
    return set(body.split()) - TEST_ONLY


def yaml_blocks(path):
    text = path.read_text(encoding="utf-8")
    return re.findall(r"```yaml\n(.*?)```", text, re.S)


def jobs_of(doc):
    """(name, job, inherited env) for each job in a workflow or a single job mapping."""
    if isinstance(doc, dict) and "jobs" in doc:
        return [(name, job, doc.get("env") or {}) for name, job in doc["jobs"].items()]
    if isinstance(doc, dict):
        return [(name, job, {}) for name, job in doc.items() if isinstance(job, dict) and "steps" in job]
    return []


def expand(command, env):
    return re.sub(r"\$\{?(\w+)\}?", lambda m: str(env.get(m.group(1), m.group(0))), command)


def check_job(where, job, env, needed_libs):
    problems = []
    if job.get("container") != "debian:12":
        return problems
    env = {**env, **(job.get("env") or {})}
    installed = set()
    for step in job.get("steps") or []:
        if "uses" in step:
            if step["uses"].startswith("actions/checkout") and "git" not in installed and uses_git(job):
                problems.append(f"{where}: git is installed after actions/checkout (or not at all): no .git/ for git log")
            continue
        run = expand(str(step.get("run", "")), env)
        for line in run.splitlines():
            if "apt-get install" in line:
                words = shlex.split(line.split("apt-get install", 1)[1].split("&&")[0])
                installed |= {w for w in words if not w.startswith("-")}
        calls = "\n".join(line for line in run.splitlines() if "apt-get" not in line)
        for word in re.findall(r"(?:^|[\s;&|(])([\w./-]+)", calls):
            if word in TOOLS and TOOLS[word] not in installed:
                problems.append(f"{where}: `{word}` runs before any step installs {TOOLS[word]}")
            if word.endswith("scripts/setup.sh"):
                problems.append(f"{where}: scripts/setup.sh needs Node.js, which debian:12 does not have")
            if (word.split("/")[-1] == "kyodo" and "/" in word) or word == "cmake":
                missing = sorted(needed_libs - installed)
                if missing:
                    problems.append(f"{where}: `{word}` runs without {' '.join(missing)}")
    return sorted(set(problems))


def uses_git(job):
    return any(re.search(r"\bgit\s", str(step.get("run", ""))) for step in job.get("steps") or [])


def check_matcher(repo):
    """The problem matcher in deploy.md picks every diagnostic line of the invalid-content
    fixtures (file, line, column, severity) and nothing else (hints, source lines, totals)."""
    text = (repo / "docs/deploy.md").read_text(encoding="utf-8")
    block = re.search(r"```json\n(.*?)```", text, re.S)
    if not block:
        return ["docs/deploy.md: no problem matcher"]
    matchers = [m["pattern"][0] for m in json.loads(block.group(1))["problemMatcher"]]
    problems, seen = [], 0
    for expected in sorted((repo / "tests/sites_invalid").glob("*/expected_stderr.txt")):
        for line in expected.read_text(encoding="utf-8").splitlines():
            hits = [(p, re.match(p["regexp"], line)) for p in matchers]
            hits = [(p, m) for p, m in hits if m]
            diagnostic = re.match(r"^\S[^:]*(:\d+:\d+)?: (error|warning): ", line)
            if bool(diagnostic) != (len(hits) == 1):
                problems.append(f"problem matcher: {len(hits)} matches for {expected.parent.name}: {line[:80]}")
                continue
            if not hits:
                continue
            seen += 1
            p, m = hits[0]
            file = m.group(p["file"])
            if not line.startswith(file + ":") or m.group(p["severity"]) != diagnostic.group(2):
                problems.append(f"problem matcher: wrong fields for {line[:80]}")
            if "line" in p and diagnostic.group(1) != f":{m.group(p['line'])}:{m.group(p['column'])}":
                problems.append(f"problem matcher: wrong line/column for {line[:80]}")
    if seen == 0:
        problems.append("problem matcher: no diagnostic line in tests/sites_invalid to try it on")
    return problems


def main():
    repo = Path(sys.argv[1] if len(sys.argv) > 1 else ".")
    needed = build_packages(repo)
    problems, jobs = check_matcher(repo), 0
    for doc in DOCS:
        for block in yaml_blocks(repo / doc):
            if "debian:12" not in block:
                continue
            for name, job, env in jobs_of(yaml.safe_load(block)):
                jobs += 1
                problems += check_job(f"{doc} job {name}", job, env, needed)
    for p in problems:
        print(p)
    print(f"{jobs} debian:12 jobs checked, {len(problems)} problems")
    return 1 if problems or jobs == 0 else 0


if __name__ == "__main__":
    sys.exit(main())
