#!/usr/bin/env python3
"""Edit latency of `kyodo serve` on the 10k corpus (issue 8: < 100 ms median).

usage: bench/serve_latency.py [--cities 20] [--cases 400] [--trials 10] [--out DIR] [--kyodo build/kyodo]

Generates (or reuses, under --out) ../shared/bench/gen_corpus.py's corpus, copies its
content to a scratch folder (the corpus itself is never edited), starts
`kyodo serve --port 0` on the copy and listens on /_kyodo/events like a browser. Each
trial appends a unique marker paragraph to one case's .md (a different case each
time) and measures, from the write:
  (a) disk:   until that case's index.html contains the marker (stat every 1 ms);
  (b) reload: until the `reload` event naming that page arrives on /_kyodo/events;
  (c) done:   until serve prints its 更新 line, i.e. the search index, open data and
              feeds are up to date too.
One warm-up trial is not counted. Prints min/median/max of each, as
../shared/bench/peer-bench.md does for `hugo server` (fast render: 462 / 928 /
1,020 ms to disk there). A benchmark, not a test: the machine is shared and noisy.
"""
import argparse
import os
import queue
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
GEN = os.path.join(ROOT, "..", "shared", "bench", "gen_corpus.py")
ADDRESS = re.compile(r"http://127\.0\.0\.1:(\d+)/")


def generate(out, cities, cases):
    """The corpus bench/bench.py also uses: generated once, then reused."""
    if not os.path.isdir(os.path.join(out, "kyodo", "content")):
        subprocess.run([sys.executable, GEN, out, "--cities", str(cities), "--cases", str(cases)], check=True,
                       stdout=subprocess.DEVNULL)
    return os.path.join(out, "kyodo", "content")


def read_lines(stream, lines):
    """Puts (arrival time, line) for each line kyodo serve prints."""
    for raw in iter(stream.readline, b""):
        lines.put((time.perf_counter(), raw.decode("utf-8", "replace").rstrip("\n")))


def listen_events(port, events, ready):
    """Reads /_kyodo/events like EventSource; puts (arrival time, event, data) for each event."""
    sock = socket.create_connection(("127.0.0.1", port))
    sock.sendall(b"GET /_kyodo/events HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n")
    buf = b""
    ready.set()
    while True:
        chunk = sock.recv(65536)
        if not chunk:
            return
        now = time.perf_counter()
        buf += chunk
        # Chunked transfer framing lines are hex sizes; SSE fields are "name: value".
        while b"\n\n" in buf:
            block, buf = buf.split(b"\n\n", 1)
            event, data = None, []
            for line in block.decode("utf-8", "replace").split("\n"):
                line = line.rstrip("\r")
                if line.startswith("event: "):
                    event = line[7:]
                elif line.startswith("data: "):
                    data.append(line[6:])
            if event:
                events.put((now, event, data))


def wait_line(lines, pattern, timeout=60):
    deadline = time.perf_counter() + timeout
    while True:
        left = deadline - time.perf_counter()
        if left <= 0:
            sys.exit(f"kyodo serve did not print {pattern.pattern!r} within {timeout} s")
        at, line = lines.get(timeout=left)
        if pattern.search(line):
            return at, line


def wait_event(events, name, page, timeout=30):
    deadline = time.perf_counter() + timeout
    while True:
        at, event, data = events.get(timeout=max(0.001, deadline - time.perf_counter()))
        if event == name and (page in data or "*" in data):
            return at


def wait_file(path, marker, timeout=30):
    """Polls `path` every 1 ms; returns when it contains `marker`."""
    deadline = time.perf_counter() + timeout
    last = None
    while time.perf_counter() < deadline:
        try:
            st = os.stat(path)
            key = (st.st_mtime_ns, st.st_size)
            if key != last:
                last = key
                with open(path, "rb") as f:
                    if marker in f.read():
                        return time.perf_counter()
        except FileNotFoundError:
            pass
        time.sleep(0.001)
    sys.exit(f"{path} did not get the marker within {timeout} s")


def ms(values):
    return " / ".join(f"{v * 1000:,.0f}" for v in (min(values), statistics.median(values), max(values)))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--cities", type=int, default=20)
    ap.add_argument("--cases", type=int, default=400)
    ap.add_argument("--trials", type=int, default=10)
    ap.add_argument("--out", default=os.path.join(tempfile.gettempdir(), "kyodo-bench"))
    ap.add_argument("--kyodo", default=os.path.join(ROOT, "build", "kyodo"))
    a = ap.parse_args()
    corpus = generate(os.path.join(a.out, f"c{a.cities}x{a.cases}"), a.cities, a.cases)
    scratch = tempfile.mkdtemp(prefix="kyodo-serve-bench-")
    content, site = os.path.join(scratch, "content"), os.path.join(scratch, "site")
    shutil.copytree(corpus, content)
    cities = sorted(d for d in os.listdir(content) if os.path.isdir(os.path.join(content, d, "cases")))
    proc = subprocess.Popen([a.kyodo, "serve", "--content", content, "--out", site, "--port", "0"], cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    lines = queue.Queue()
    threading.Thread(target=read_lines, args=(proc.stdout, lines), daemon=True).start()
    try:
        started = time.perf_counter()
        built_at, built = wait_line(lines, re.compile(r"ページ（.*）を .* に書き出しました"), timeout=300)
        at, line = wait_line(lines, ADDRESS)
        port = int(ADDRESS.search(line).group(1))
        print(f"corpus: {corpus} (copied to {scratch})")
        print(f"startup: {built_at - started:.1f} s to the first build, serving after {at - started:.1f} s; {built}")
        events, ready = queue.Queue(), threading.Event()
        threading.Thread(target=listen_events, args=(port, events, ready), daemon=True).start()
        ready.wait()
        time.sleep(0.2)
        rows = []
        for trial in range(a.trials + 1):
            city = cities[trial % len(cities)]
            name = sorted(os.listdir(os.path.join(content, city, "cases")))[trial * 7 % a.cases]
            page = f"{city}/cases/{name[:-3]}/index.html"
            marker = f"serve-latency-{os.getpid()}-{trial}-{time.time_ns()}"
            for q in (lines, events):  # only what this edit causes
                while not q.empty():
                    q.get()
            t0 = time.perf_counter()
            with open(os.path.join(content, city, "cases", name), "a", encoding="utf-8") as f:
                f.write(f"\n{marker}\n")
            disk = wait_file(os.path.join(site, page), marker.encode())
            reload = wait_event(events, "reload", page)
            done, line = wait_line(lines, re.compile(r"^更新: "))
            reported = re.search(r"（(\d+) ms）", line)
            if trial == 0:
                print(f"warm-up (not counted): disk {1000 * (disk - t0):.0f} ms, reload {1000 * (reload - t0):.0f} ms")
                continue
            rows.append((disk - t0, reload - t0, done - t0, int(reported.group(1)) / 1000 if reported else 0))
            time.sleep(0.3)  # let the page cache and the CPU settle between trials
        with open(f"/proc/{proc.pid}/status") as f:
            hwm = re.search(r"VmHWM:\s+(\d+) kB", f.read())
        print(f"\n{a.trials} trials, each appending a marker to a different case .md (ms: min / median / max)")
        print(f"  (a) page on disk:           {ms([r[0] for r in rows])}")
        print(f"  (b) reload event received:  {ms([r[1] for r in rows])}")
        print(f"  (c) site-wide files done:   {ms([r[2] for r in rows])}")
        print(f"  serve's own figure (start of Update to pages on disk): {ms([r[3] for r in rows])}")
        if hwm:
            print(f"  kyodo serve peak RSS: {int(hwm.group(1)) / 1024:,.0f} MiB")
        median_reload = statistics.median(r[1] for r in rows) * 1000
        print(f"\ntarget: median < 100 ms from save to reload event: {'met' if median_reload < 100 else 'NOT met'} "
              f"({median_reload:.0f} ms). hugo server fast render: 462 / 928 / 1,020 ms to disk (peer-bench.md).")
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
        shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    main()
