#!/usr/bin/env python3
"""kyodo vs Hugo on the same generated corpus, measured side by side in one run.

usage: bench/bench.py [--cities 20] [--cases 400] [--runs 5] [--scaling] [--out DIR] [--output-dir DIR]

Builds ../shared/bench/gen_corpus.py's corpus (kyodo and an equivalent Hugo site),
then builds each cold several times (output deleted, `sync; sleep 2` before each
run) and prints the median wall time, peak RSS and the kyodo/Hugo ratios, plus the
single-core cmark-gfm floor (all bodies in one document) and the lower bounds
(bench/floors.cpp: yaml-cpp on the front matter alone, writing the built site's
files alone; their sum over the cores is the best wall time any build could
reach), then an incremental run
(`kyodo build` again over that site: unchanged, one case edited). --scaling adds a run at
about 1k, 10k and 100k pages printing time and memory per page. This is a
benchmark, not a test: absolute seconds on a shared VM are noisy, the ratios
measured in one run are what count.
"""
import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
GEN = os.path.join(ROOT, "..", "shared", "bench", "gen_corpus.py")


def ensure_tools():
    """Hugo, cmark-gfm and GNU time come from Debian; install what is missing."""
    missing = [pkg for pkg, exe in [("hugo", "hugo"), ("cmark-gfm", "cmark-gfm"), ("time", "/usr/bin/time")]
               if not shutil.which(exe)]
    if missing:
        sudo = [] if os.geteuid() == 0 else ["sudo"]
        subprocess.run(sudo + ["apt-get", "install", "-y", "-qq", "--no-install-recommends"] + missing, check=True)


def timed(cmd, cwd=None, stdout=None):
    """Runs cmd under GNU time; returns (wall seconds, peak RSS MiB). `stdout`, a
    list, receives what the command printed."""
    proc = subprocess.run(["/usr/bin/time", "-v"] + cmd, cwd=cwd, stdout=subprocess.PIPE,
                          stderr=subprocess.PIPE, text=True)
    if stdout is not None:
        stdout.append(proc.stdout)
    if proc.returncode != 0:
        sys.exit("failed: " + " ".join(cmd) + "\n" + proc.stderr[-2000:])
    wall = re.search(r"Elapsed \(wall clock\) time.*: (?:(\d+):)?(\d+):([\d.]+)", proc.stderr)
    hours = int(wall.group(1) or 0)
    seconds = hours * 3600 + int(wall.group(2)) * 60 + float(wall.group(3))
    rss_kb = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", proc.stderr).group(1))
    return seconds, rss_kb / 1024.0


def settle():
    subprocess.run(["sync"])
    time.sleep(2)


def generate(out, cities, cases):
    if not os.path.isdir(os.path.join(out, "kyodo", "content")):
        subprocess.run([sys.executable, GEN, out, "--cities", str(cities), "--cases", str(cases)], check=True,
                       stdout=subprocess.DEVNULL)
    fix_codes(os.path.join(out, "kyodo", "content"))
    pages = sum(len(files) for _, _, files in os.walk(os.path.join(out, "kyodo", "content")) if files)
    return pages


def municipal_code(pref, city):
    """全国地方公共団体コード: 5 digits + check digit (weights 6..2, mod 11)."""
    digits = f"{pref:02d}{city:03d}"
    return digits + str((11 - sum(int(d) * w for d, w in zip(digits, [6, 5, 4, 3, 2])) % 11) % 10)


PREFECTURES = {20: "長野県", 21: "岐阜県", 22: "静岡県"}  # the ones fix_codes reaches (up to 2,099 cities)


def fix_codes(content):
    """gen_corpus.py numbers city N as 20-(900+N), which has 7 digits from city100 on and
    kyodo rightly refuses; such cities get the next prefecture's numbers (and name) instead."""
    for name in sorted(os.listdir(content)):
        path = os.path.join(content, name, "site.yaml")
        if not (name.startswith("city") and os.path.isfile(path)):
            continue
        n = 900 + int(name[4:])
        code = municipal_code(20 + n // 1000, n % 1000)
        text = open(path, encoding="utf-8").read()
        fixed = re.sub(r'^code: "\d+"$', f'code: "{code}"', text, flags=re.M)
        # kyodo checks that a code's first two digits are its prefecture's (JIS X 0401).
        fixed = re.sub(r'^prefecture: .*$', f'prefecture: {PREFECTURES[20 + n // 1000]}', fixed, flags=re.M)
        if fixed != text:
            open(path, "w", encoding="utf-8").write(fixed)


def count_html(folder):
    return sum(1 for _, _, files in os.walk(folder) for f in files if f.endswith(".html"))


def bench_pair(corpus, runs, kyodo, output_dir):
    kyodo_out = os.path.join(output_dir or corpus, "kyodo-site")
    hugo_src = os.path.join(corpus, "hugo")
    hugo_out = os.path.join(output_dir or hugo_src, "public")
    rows = {"kyodo": [], "hugo": []}
    for _ in range(runs):  # interleaved so both see the same machine state
        shutil.rmtree(kyodo_out, ignore_errors=True)
        settle()
        rows["kyodo"].append(timed([kyodo, "build", "--content", os.path.join(corpus, "kyodo", "content"),
                                    "--out", kyodo_out]))
        shutil.rmtree(hugo_out, ignore_errors=True)
        settle()
        rows["hugo"].append(timed(["hugo", "--quiet", "-s", hugo_src, "-d", hugo_out]))
    return rows, count_html(kyodo_out), count_html(hugo_out)


def cmark_floor(corpus):
    bodies = []
    for folder, _, files in os.walk(os.path.join(corpus, "kyodo", "content")):
        for f in sorted(files):
            if f.endswith(".md"):
                text = open(os.path.join(folder, f), encoding="utf-8").read()
                bodies.append(text.split("\n---\n", 1)[-1])
    with tempfile.NamedTemporaryFile("w", suffix=".md", delete=False, encoding="utf-8") as tmp:
        tmp.write("\n\n".join(bodies))
    results = [timed(["cmark-gfm", "--extension", "table", "--extension", "autolink", "--extension",
                      "strikethrough", tmp.name]) for _ in range(3)]
    os.unlink(tmp.name)
    return statistics.median(r[0] for r in results)


def floors_tool():
    """bench/floors.cpp (yaml-cpp alone, writing files alone), built on demand."""
    subprocess.run(["cmake", "--build", os.path.join(ROOT, "build"), "--target", "kyodo_floors"], check=True,
                   stdout=subprocess.DEVNULL)
    return os.path.join(ROOT, "build", "kyodo_floors")


def floor_runs(args, runs=3):
    """Median CPU seconds of `kyodo_floors ARGS` and its count and bytes."""
    results = []
    for _ in range(runs):
        out = subprocess.run([floors_tool()] + args, check=True, capture_output=True, text=True).stdout.split()
        results.append((float(out[0]), int(out[2]), int(out[3])))
    return statistics.median(r[0] for r in results), results[0][1], results[0][2]


def lower_bounds(corpus, site, cmark, hugo_wall):
    """What any generator of this site with cmark-gfm and yaml-cpp must spend: parsing the
    Markdown, parsing the front matter and writing the files, each on one core with
    nothing else; their sum spread over every core is the best wall time possible."""
    yaml_cpu, fronts, yaml_bytes = floor_runs(["yaml", os.path.join(corpus, "kyodo", "content")])
    write_cpu, files, site_bytes = floor_runs(["write", site, site + "-floor"])
    cores = os.cpu_count() or 1
    best = (cmark + yaml_cpu + write_cpu) / cores
    print(f"lower bounds (one core each): cmark-gfm {cmark:.2f}s, yaml-cpp front matter {yaml_cpu:.2f}s "
          f"({fronts} files, {yaml_bytes / 1e6:.1f} MB), writing the site {write_cpu:.2f}s ({files} files, "
          f"{site_bytes / 2**20:.0f} MiB)")
    print(f"  their sum over {cores} cores: {best:.2f}s wall at best; 10x Hugo needs {hugo_wall / 10:.2f}s, "
          f"2x the cmark floor {2 * cmark:.2f}s")


def incremental(corpus, kyodo, out):
    """`kyodo build` again over the site the last cold run left: unchanged, then after one
    case is edited (the edit is undone afterwards). Prints time and files rewritten."""
    content = os.path.join(corpus, "kyodo", "content")
    case = os.path.join(content, "city000", "cases", sorted(os.listdir(os.path.join(content, "city000", "cases")))[0])
    original = open(case, encoding="utf-8").read()

    def build(label):
        printed = []
        wall, rss = timed([kyodo, "build", "--content", content, "--out", out], stdout=printed)
        m = re.search(r"（(\d+) ファイル、うち変更なし (\d+)）", printed[0])
        files, unchanged = (int(m.group(1)), int(m.group(2))) if m else (0, 0)
        print(f"  {label:34} {wall:6.2f}s  {files - unchanged:6} of {files} files rewritten  peak RSS {rss:5.0f}MiB")

    print("incremental (kyodo build over the existing site):")
    build("nothing changed")
    try:
        with open(case, "a", encoding="utf-8") as f:
            f.write("\n\n追記した段落（ベンチマーク）。\n")
        build("one case edited (" + os.path.basename(case) + ")")
    finally:
        with open(case, "w", encoding="utf-8") as f:
            f.write(original)
    build("edit undone")


def median(rows, i):
    return statistics.median(r[i] for r in rows)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cities", type=int, default=20)
    ap.add_argument("--cases", type=int, default=400)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--scaling", action="store_true")
    ap.add_argument("--out", default=os.path.join(tempfile.gettempdir(), "kyodo-bench"))
    ap.add_argument("--kyodo", default=os.path.join(ROOT, "build", "kyodo"))
    ap.add_argument("--output-dir", default="",
                    help="where both write their sites (default: beside the corpus); /dev/shm/… takes the "
                         "VM's disk out of the figures and shows CPU-bound time")
    a = ap.parse_args()
    ensure_tools()
    corpus = os.path.join(a.out, f"c{a.cities}x{a.cases}")
    pages = generate(corpus, a.cities, a.cases)
    print(f"corpus: {pages} content pages ({a.cities} cities x {a.cases} cases) in {corpus}")
    rows, kyodo_html, hugo_html = bench_pair(corpus, a.runs, a.kyodo, a.output_dir)
    floor = cmark_floor(corpus)
    k_wall, h_wall = median(rows["kyodo"], 0), median(rows["hugo"], 0)
    k_rss, h_rss = max(r[1] for r in rows["kyodo"]), max(r[1] for r in rows["hugo"])
    print(f"{'':8} {'median wall':>12} {'min':>7} {'max':>7} {'peak RSS':>10} {'HTML files':>11}")
    for name, html in [("kyodo", kyodo_html), ("hugo", hugo_html)]:
        r = rows[name]
        print(f"{name:8} {median(r, 0):11.2f}s {min(x[0] for x in r):6.2f}s {max(x[0] for x in r):6.2f}s "
              f"{max(x[1] for x in r):8.0f}MiB {html:11}")
    print(f"cmark-gfm floor (one core, all bodies in one document): {floor:.2f}s")
    print(f"ratios: Hugo/kyodo wall {h_wall / k_wall:.1f}x, kyodo/Hugo RSS {k_rss / h_rss:.2f}, "
          f"kyodo/floor {k_wall / floor:.1f}x")
    lower_bounds(corpus, os.path.join(a.output_dir or corpus, "kyodo-site"), floor, h_wall)
    incremental(corpus, a.kyodo, os.path.join(a.output_dir or corpus, "kyodo-site"))
    if a.scaling:
        print("scaling (kyodo, cold, median of 3):")
        for cities in (2, 20, 200):
            c = os.path.join(a.out, f"c{cities}x{a.cases}")
            n = generate(c, cities, a.cases)
            out = os.path.join(a.output_dir or c, "kyodo-site")
            results = []
            for _ in range(3):
                shutil.rmtree(out, ignore_errors=True)
                settle()
                results.append(timed([a.kyodo, "build", "--content", os.path.join(c, "kyodo", "content"),
                                      "--out", out]))
            wall, rss = median(results, 0), max(r[1] for r in results)
            print(f"  {n:7} pages: {wall:7.2f}s {1e6 * wall / n:7.1f} us/page  peak RSS {rss:7.0f}MiB "
                  f"{1024 * rss / n:6.1f} KiB/page")


if __name__ == "__main__":
    main()
