#!/usr/bin/env python3
"""Checks a built kyodo site's open data, feeds, sitemap and group directory.

    check_opendata.py SITE_DIR [--content DIR] [--base-url URL]

- Every city's groups.csv and cases.csv parse with Python's csv module
  (encoding utf-8-sig) to exactly the values written in content/ (front matter,
  groups.yaml and groups.csv read with PyYAML and csv; without PyYAML, against
  the JSON files and hand-checked values only). The bytes are UTF-8 with BOM, CRLF and RFC 4180 minimal quoting.
- Every .json under opendata/ parses and holds the same records as its CSV.
- feed.xml files and sitemap.xml are well-formed XML with the required Atom
  elements and absolute URLs under the base URL; robots.txt names the sitemap.
- Each groups page lists its groups in 五十音 order, under the right row, and
  every jump link has a target.

--base-url is the canonical base the site was built with (default: base_url
in _portal.yaml). Prints one line per problem and a summary; exits 1 on problems.
"""
import argparse
import csv
import io
import json
import os
import re
import sys
import unicodedata
import xml.etree.ElementTree as ET
from html.parser import HTMLParser

try:
    import yaml
except ImportError:  # python3-yaml is not a kyodo dependency; the JSON comparison still runs
    yaml = None

ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
ERAS = {"明治": 1868, "大正": 1912, "昭和": 1926, "平成": 1989, "令和": 2019}
ERA_LETTERS = {"M": "明治", "T": "大正", "S": "昭和", "H": "平成", "R": "令和"}

problems = []


def fail(msg):
    problems.append(msg)
    print("FAIL  " + msg)


def expect(actual, wanted, what):
    if actual != wanted:
        fail(f"{what}: {actual!r} != {wanted!r}")


# ---- reading content/ ----

def load_yaml(text):
    # BaseLoader: every scalar stays a string, as kyodo reads them (dates included).
    return yaml.load(text, Loader=yaml.BaseLoader) or {}


def front_matter(path):
    with open(path, encoding="utf-8-sig") as f:
        text = f.read()
    parts = text.split("\n---", 1)
    return load_yaml(parts[0].lstrip("-\n"))


def bulk_groups(cdir):
    """(id, front matter) of the groups in groups.yaml and groups.csv (English column names)."""
    out = []
    path = os.path.join(cdir, "groups.yaml")
    if os.path.exists(path):
        with open(path, encoding="utf-8-sig") as f:
            out += [(g.get("slug", g["id"]), g) for g in load_yaml(f.read()) or []]
    path = os.path.join(cdir, "groups.csv")
    if os.path.exists(path):
        with open(path, encoding="utf-8-sig", newline="") as f:
            for row in csv.DictReader(f):
                fm = {k: v for k, v in row.items() if v.strip()}
                contact = {k[len("contact."):]: fm.pop(k) for k in list(fm) if k.startswith("contact.")}
                if contact:
                    fm["contact"] = contact
                for key in ("fields", "aliases"):
                    if key in fm:
                        fm[key] = [x.strip() for x in re.split(r"[、;；]", fm[key]) if x.strip()]
                out.append((fm.get("slug", fm["id"]), fm))
    return out


def iso(text, last=False):
    """A content date (ISO, 西暦 or 和暦, at its precision) as kyodo writes it in data files."""
    t = unicodedata.normalize("NFKC", str(text)).strip()
    m = re.fullmatch(r"([MTSHR])(\d+)(?:\.(\d+)(?:\.(\d+))?)?", t, re.I)
    if m:  # R4, H22.3, R1.5.1
        t = ERA_LETTERS[m[1].upper()] + m[2] + "年" + (m[3] + "月" if m[3] else "") + (m[4] + "日" if m[4] else "")
    m = re.fullmatch(r"(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?", t)
    if m:
        y, mo, d, fiscal = int(m[1]), m[2], m[3], False
    else:
        m = re.fullmatch(r"(明治|大正|昭和|平成|令和)?(元|\d+)年(度)?(?:(\d+)月(?:(\d+)日)?)?", t)
        if not m:
            raise ValueError(f"date {text!r} is not in a form this checker reads")
        n = 1 if m[2] == "元" else int(m[2])
        y = ERAS[m[1]] + n - 1 if m[1] else n
        mo, d, fiscal = m[4], m[5], bool(m[3])
    if fiscal:
        return f"{y + 1:04d}-03" if last else f"{y:04d}-04"
    return f"{y:04d}" + (f"-{int(mo):02d}" if mo else "") + (f"-{int(d):02d}" if d else "")


def sort_key(iso_date):
    """kyodo's SortKey: yyyymmdd of the first day an ISO date (at any precision) covers."""
    parts = [int(x) for x in iso_date.split("-")] + [1, 1]
    return parts[0] * 10000 + parts[1] * 100 + parts[2]


def split_period(text):
    """(since, until) of a period such as 昭和47年〜 or R4–R8."""
    parts = re.split(r"\s*[〜～~–—―]\s*", text, maxsplit=1)
    if len(parts) == 1 and not re.fullmatch(r"\d{4}(-\d{1,2}){0,2}", text.strip()):
        parts = text.split("-", 1)
    return parts[0], parts[1] if len(parts) > 1 else ""


def katakana(reading):
    s = unicodedata.normalize("NFKC", reading)
    return "".join(chr(ord(c) + 0x60) if "ぁ" <= c <= "ゖ" else c for c in s)


def collapse(s):
    return " ".join(str(s).split())


class Vocab:
    def __init__(self, path):
        with open(path, encoding="utf-8") as f:
            data = load_yaml(f.read())
        self.names = {}
        for key, voc in data.items():
            table = self.names.setdefault(key, {})
            for term in voc.get("terms", []):
                table[term["name"]] = term["name"]
                for alias in term.get("aliases", []):
                    table[alias] = term["name"]

    def for_city(self, name, cdir):
        """As kyodo reads a city: its kind word (a 特別区's 区 is 区役所's term), then the
        aliases: of its own _taxonomies.yaml (terms: it adds are not read here)."""
        out = Vocab.__new__(Vocab)
        out.names = {key: dict(table) for key, table in self.names.items()}
        for kind, offices in (("市", ["市役所"]), ("区", ["区役所"]), ("町", ["町役場", "町役所"]), ("村", ["村役場"])):
            if name.endswith(kind) and name != kind:
                for table in out.names.values():
                    office = next((table[o] for o in offices if o in table), None)
                    if office and table.get(kind) != kind:
                        table[kind] = office
        path = os.path.join(cdir, "_taxonomies.yaml")
        if os.path.exists(path):
            with open(path, encoding="utf-8") as f:
                for key, voc in (load_yaml(f.read()) or {}).items():
                    for word, term in (voc.get("aliases") or {}).items():
                        out.names[key][word] = out.names[key][term]
        return out

    def terms(self, key, values):
        if isinstance(values, str):
            values = [values]
        out = []
        for v in values or []:
            name = self.names[key][v]  # a KeyError means the content uses a folded spelling
            if name not in out:
                out.append(name)
        return ";".join(out)


def city_contact(site, orgs, org_id):
    org = orgs.get(org_id or site.get("contact", ""))
    if not org:
        return {}
    # As kyodo's OrgFullName: parent: IDs up to the top section, or a parent: written as a name.
    sections, seen, at = [], {org_id or site.get("contact", "")}, org
    while at.get("parent"):
        up = orgs.get(at["parent"])
        if not up:
            sections.insert(0, at["parent"])
            break
        if at["parent"] in seen:
            break
        seen.add(at["parent"])
        sections.insert(0, up["name"])
        at = up
    return {
        "連絡先名称": " ".join(x for x in [site["name"], *sections, org["name"]] if x),
        "連絡先電話番号": org.get("tel", ""),
        "連絡先内線番号": org.get("extension", ""),
        "連絡先FAX番号": org.get("fax", ""),
        "連絡先メールアドレス": org.get("email", ""),
    }


def expected_rows(content, city, base, vocab):
    """{dataset: {ID: {column: value}}} from the Markdown front matter of one city."""
    cdir = os.path.join(content, city)
    with open(os.path.join(cdir, "site.yaml"), encoding="utf-8") as f:
        site = load_yaml(f.read())
    # slug: is optional (kyodo new city does not write it): the folder is the slug.
    site.setdefault("slug", city)
    if vocab:
        vocab = vocab.for_city(site["name"], cdir)
    orgs = {}
    if os.path.exists(os.path.join(cdir, "orgs.yaml")):
        with open(os.path.join(cdir, "orgs.yaml"), encoding="utf-8") as f:
            orgs = load_yaml(f.read())
    # As kyodo's FullName: a name that begins with its 都道府県 (長野県, 長野県…広域連合) is not doubled.
    full = site["name"] if site["name"].startswith(site["prefecture"]) else site["prefecture"] + site["name"]
    head = {"全国地方公共団体コード": site["code"], "地方公共団体名": full}
    out = {"groups": {}, "cases": {}}
    pages = {"groups": [], "cases": []}
    for kind in pages:
        kdir = os.path.join(cdir, kind)
        for name in sorted(os.listdir(kdir)) if os.path.isdir(kdir) else []:
            if name.endswith(".md"):
                fm = front_matter(os.path.join(kdir, name))
                if fm.get("draft") != "true":
                    pages[kind].append((fm.get("slug", name[:-3]), fm))
    pages["groups"] += [(gid, fm) for gid, fm in bulk_groups(cdir) if fm.get("draft") != "true"]
    for gid, fm in pages["groups"]:
        contact = fm.get("contact") or {}
        out["groups"][gid] = dict(head, **{
            "ID": gid, "名称": collapse(fm["title"]), "名称_カナ": katakana(fm.get("kana", "")),
            "法人番号": fm.get("corporate_number", "").replace("-", ""),
            "分野": vocab.terms("fields", fm.get("fields")), "地域": fm.get("area", ""),
            "設立年月日": iso(fm["established"]) if "established" in fm else "",
            "会員数": fm.get("members", ""), "概要": collapse(fm.get("summary", "")),
            "連絡先電話番号": unicodedata.normalize("NFKC", contact.get("tel", "")),
            "連絡先メールアドレス": contact.get("email", ""), "ウェブサイト": fm.get("url", contact.get("url", "")),
            "関連する協働事例ID": ";".join(cid for cid, c in sorted(
                pages["cases"], key=lambda p: (-sort_key(iso(p[1]["date"])), p[0]))
                if gid in (c.get("groups") or [])),
            "掲載日": iso(fm["date"]) if "date" in fm else "",
            "更新日": iso(fm["updated"]) if "updated" in fm else "",
            "URL": f"{base}{site['slug']}/groups/{gid}/",
        })
    for cid, fm in pages["cases"]:
        since, until = split_period(fm["period"]) if "period" in fm else ("", "")
        out["cases"][cid] = dict(head, **{
            "ID": cid, "名称": collapse(fm["title"]), "概要": collapse(fm.get("summary", "")),
            "協働の形態": vocab.terms("modes", fm.get("modes")), "分野": vocab.terms("fields", fm.get("fields")),
            "主体": vocab.terms("actors", fm.get("actors")),
            "協働の型": vocab.terms("partnership", fm.get("partnership")),
            "関係団体ID": ";".join(fm.get("groups") or []),
            "期間_開始": iso(since) if since.strip() else "", "期間_終了": iso(until, last=True) if until.strip() else "",
            "場所": fm.get("place", ""), "掲載日": iso(fm["date"]),
            "更新日": iso(fm["updated"]) if "updated" in fm else "",
            "URL": f"{base}{site['slug']}/cases/{cid}/",
        }, **city_contact(site, orgs, fm.get("contact")))
    # kyodo derives these when they are not written (概要 from the body's first paragraph,
    # 名称_カナ from MeCab's reading): a new city's pages without summary: are not wrong.
    for kind, derived in (("groups", {"summary": "概要", "kana": "名称_カナ"}), ("cases", {"summary": "概要"})):
        for rid, fm in pages[kind]:
            for key, column in derived.items():
                if key not in fm:
                    out[kind][rid].pop(column, None)
    return out


# ---- the files ----

def read_csv(path):
    """Rows as dicts; also checks BOM, CRLF and RFC 4180 minimal quoting by rewriting the file."""
    with open(path, "rb") as f:
        raw = f.read()
    if not raw.startswith(b"\xef\xbb\xbf"):
        fail(f"{path}: no UTF-8 BOM")
    with open(path, encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    again = io.StringIO()
    csv.writer(again, lineterminator="\r\n").writerows(rows)
    if again.getvalue().encode("utf-8") != raw[3:]:
        fail(f"{path}: not CRLF-terminated RFC 4180 with minimal quoting")
    header = rows[0]
    # kyodo puts 「'」 before a value a spreadsheet would run as a formula (generator/csv.h).
    unguard = lambda v: v[1:] if len(v) > 1 and v[0] == "'" and v[1] in "=+-@\t\r" else v
    return header, [dict(zip(header, map(unguard, r))) for r in rows[1:]]


def check_csv_vs_json(csv_path):
    header, rows = read_csv(csv_path)
    with open(csv_path[:-4] + ".json", encoding="utf-8") as f:
        doc = json.load(f)
    expect([c["name"] for c in doc["columns"]], header, f"{csv_path[:-4]}.json columns")
    expect(len(doc["records"]), len(rows), f"{csv_path[:-4]}.json record count")
    for rec, row in zip(doc["records"], rows):
        # A ; inside one value is written 全角 in the CSV (so splitting gives the values back).
        flat = {k: ";".join(x.replace(";", "；") for x in v) if isinstance(v, list) else v for k, v in rec.items()}
        expect(flat, row, f"{csv_path[:-4]}.json record {row.get('ID')}")
    # The terms of use: one entry per city whose rows the file holds, each with its name.
    licenses = doc.get("licenses")
    if not isinstance(licenses, list) or not all(
        isinstance(x, dict) and set(x) == {"publisher", "license", "url"} for x in licenses
    ):
        fail(f"{csv_path[:-4]}.json: licenses is not a list of {{publisher, license, url}}")
    elif {r["地方公共団体名"] for r in rows} - {x["publisher"] for x in licenses}:
        fail(f"{csv_path[:-4]}.json: a city's rows have no licenses entry")
    return header, rows


# Values read off the seed-based content by hand, checked with or without PyYAML.
HAND_CHECKED = {
    ("saku", "groups", "uchiyama-chiku"): {
        "全国地方公共団体コード": "202177", "地方公共団体名": "長野県佐久市", "名称": "内山地区", "名称_カナ": "ウチヤマチク",
        "分野": "環境の保全;まちづくり", "地域": "内山地区", "関連する協働事例ID": "saku-cosmos-kaido"},
    ("saku", "cases", "saku-cosmos-kaido"): {
        "期間_開始": "1972", "期間_終了": "", "協働の型": "市民×市民", "掲載日": "2010-03",
        "連絡先名称": "佐久市 企画部 広報広聴課", "連絡先電話番号": "0267-62-2111", "連絡先内線番号": "418、419"},
    ("suwa", "cases", "suwa-eco-project-gomi-genryo"): {
        "関係団体ID": "eco-project-suwa", "連絡先内線番号": "362", "連絡先メールアドレス": "kikaku@city.suwa.nagano.jp"},
    ("sunagawa", "groups", None): {},  # 砂川市 has no groups: a header-only file
}


def check_opendata(site, content, cities, base, vocab):
    for city in cities:
        rows = {kind: check_csv_vs_json(os.path.join(site, city, "opendata", kind + ".csv"))[1]
                for kind in ("groups", "cases", "policies")}
        wanted = expected_rows(content, city, base, vocab) if yaml else None
        for kind in ("groups", "cases"):
            by_id = {r["ID"]: r for r in rows[kind]}
            if wanted is not None:
                expect(sorted(by_id), sorted(wanted[kind]), f"{city}/{kind}.csv IDs")
                for rid, want in wanted[kind].items():
                    got = by_id.get(rid, {})
                    for col, value in want.items():
                        expect(got.get(col), value, f"{city}/opendata/{kind}.csv {rid} {col}")
            for (c, k, rid), want in HAND_CHECKED.items():
                if c == city and k == kind and rid is None:
                    expect(len(rows[kind]), 0, f"{city}/{kind}.csv rows")
                elif c == city and k == kind:
                    for col, value in want.items():
                        expect(by_id.get(rid, {}).get(col), value, f"{city}/opendata/{kind}.csv {rid} {col} (hand-checked)")
        keys = [(r["掲載日"], r["ID"]) for r in rows["cases"]]
        expect(keys, sorted(keys, key=lambda k: (-sort_key(k[0]), k[1])),
               f"{city}/cases.csv newest first")
    # The portal merges every city with the same columns.
    for kind in ("groups", "cases", "policies"):
        header, rows = check_csv_vs_json(os.path.join(site, "opendata", kind + ".csv"))
        city_rows = [read_csv(os.path.join(site, c, "opendata", kind + ".csv")) for c in cities]
        expect(header, city_rows[0][0], f"opendata/{kind}.csv columns")
        merged = [r for _, rs in city_rows for r in rs]
        expect(len(rows), len(merged), f"opendata/{kind}.csv rows")
        for line, (got, want) in enumerate(zip(rows, merged), start=2):
            if got != want:
                fail(f"opendata/{kind}.csv line {line} ({got.get('ID')}) differs from its city's file")
                break


# ---- feeds, sitemap, robots ----

def absolute_under(url, base, what):
    if not (url or "").startswith(base):
        fail(f"{what}: {url!r} is not an absolute URL under {base}")


def check_feed(path, base, self_url):
    if not os.path.exists(path):
        return fail(f"{path}: missing")
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as e:
        return fail(f"{path}: not well-formed XML: {e}")
    expect(root.tag, ATOM + "feed", f"{path} root element")
    for tag in ("id", "title", "updated"):
        if root.find(ATOM + tag) is None or not (root.find(ATOM + tag).text or "").strip():
            fail(f"{path}: no <{tag}>")
    links = {l.get("rel"): l.get("href") for l in root.findall(ATOM + "link")}
    expect(links.get("self"), self_url, f"{path} rel=self")
    absolute_under(root.findtext(ATOM + "id"), base, f"{path} id")
    if root.find(ATOM + "author") is None:
        fail(f"{path}: no feed <author>")
    entries = root.findall(ATOM + "entry")
    if not 0 < len(entries) <= 20:
        fail(f"{path}: {len(entries)} entries")
    updated = []
    for e in entries:
        for tag in ("id", "title", "updated"):
            if not (e.findtext(ATOM + tag) or "").strip():
                fail(f"{path}: an entry has no <{tag}>")
        absolute_under(e.findtext(ATOM + "id"), base, f"{path} entry id")
        absolute_under(e.find(ATOM + "link").get("href"), base, f"{path} entry link")
        updated.append(e.findtext(ATOM + "updated"))
    expect(updated, sorted(updated, reverse=True), f"{path} entries newest first")
    if updated:
        expect(root.findtext(ATOM + "updated"), updated[0], f"{path} updated = newest entry")
    return len(entries)


def check_discovery(site, cities, base):
    n = check_feed(os.path.join(site, "feed.xml"), base, base + "feed.xml")
    for city in cities:
        path = os.path.join(site, city, "feed.xml")
        if os.path.exists(path):
            check_feed(path, base, f"{base}{city}/feed.xml")
    try:
        root = ET.parse(os.path.join(site, "sitemap.xml")).getroot()
    except ET.ParseError as e:
        return fail(f"sitemap.xml: not well-formed XML: {e}")
    expect(root.tag, SITEMAP + "urlset", "sitemap.xml root element")
    locs = [u.findtext(SITEMAP + "loc") for u in root.findall(SITEMAP + "url")]
    for loc in locs:
        absolute_under(loc, base, "sitemap.xml loc")
    pages = set()
    for dirpath, _, files in os.walk(site):
        rel = os.path.relpath(dirpath, site).replace(os.sep, "/")
        if "index.html" in files:
            pages.add(base + ("" if rel == "." else rel + "/"))
    expect(sorted(set(locs)), sorted(pages), "sitemap.xml lists every page")
    lastmod = {u.findtext(SITEMAP + "loc"): u.findtext(SITEMAP + "lastmod") for u in root.findall(SITEMAP + "url")}
    expect(lastmod.get(base + "saku/cases/saku-cosmos-kaido/"), "2010-03-01", "sitemap lastmod (hand-checked)")
    for loc, value in lastmod.items():  # sitemap.xsd: xsd:date or xsd:dateTime, never 2010-03
        if value is not None and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            fail(f"sitemap.xml: lastmod {value!r} of {loc} is not a whole day (YYYY-MM-DD)")
    expect(lastmod.get(base + "saku/cases/"), None, "sitemap lastmod of a list page")
    with open(os.path.join(site, "robots.txt"), encoding="utf-8") as f:
        if f"Sitemap: {base}sitemap.xml" not in f.read().splitlines():
            fail("robots.txt: no Sitemap line")
    return n, len(locs)


# ---- the groups page ----

class GroupsPage(HTMLParser):
    """Collects the jump-link targets, the ids, and (row id, group title) in page order."""

    def __init__(self):
        super().__init__()
        self.ids, self.jumps, self.groups = set(), [], []
        self.row = None
        self.in_nav = self.in_item = False
        self.depth = 0

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if "id" in a:
            self.ids.add(a["id"])
        if tag == "nav" and "gojuon" in a.get("class", ""):
            self.in_nav = True
        if tag == "a" and self.in_nav:
            self.jumps.append(a["href"].split("#", 1)[1])
        if tag == "section" and "gojuon-row" in a.get("class", ""):
            self.row = a.get("aria-labelledby")
        if tag == "li" and "data-fields" in a:
            self.in_item, self.title = True, ""
        if tag == "a" and self.in_item:
            self.depth = 1

    def handle_endtag(self, tag):
        if tag == "nav":
            self.in_nav = False
        if tag == "a" and self.depth:
            self.depth = 0
            self.groups.append((self.row, self.title))
            self.in_item = False

    def handle_data(self, data):
        if self.depth:
            self.title += data


ROWS = [("a", "あいうえお"), ("ka", "かきくけこ"), ("sa", "さしすせそ"), ("ta", "たちつてと"), ("na", "なにぬねの"),
        ("ha", "はひふへほ"), ("ma", "まみむめも"), ("ya", "やゆよ"), ("ra", "らりるれろ"), ("wa", "わゐゑをん")]


def base_kana(ch):
    """The plain (清音, full-size) hiragana of a kana: the primary level of a Japanese directory."""
    h = unicodedata.normalize("NFD", ch)[0]
    small = "ぁぃぅぇぉっゃゅょゎゕゖ"
    return "あいうえおつやゆよわかけ"[small.index(h)] if h in small else h


VOWELS = {"A": "あ", "I": "い", "U": "う", "E": "え", "O": "お"}


def gojuon_key(reading):
    """Primary directory key of a reading: hiragana, 清音, full-size, ー read as the vowel it lengthens."""
    hira = reading.translate({o: o - 0x60 for o in range(0x30A1, 0x30F7)})
    out = []
    for c in hira:
        if c == "ー" and out:
            c = VOWELS.get(unicodedata.name(out[-1], "")[-1:], c)
        out.append(base_kana(c))
    return "".join(out)


def numbers_by_value(key):
    """kyodo's collator compares digits as numbers (だい2ちく before だい10ちく) and before kana."""
    return [(0, int(part)) if part.isdigit() else (1, part) for part in re.split(r"(\d+)", key) if part]


def check_groups_page(site, city, csv_rows):
    path = os.path.join(site, city, "groups", "index.html")
    if not csv_rows:
        return 0
    p = GroupsPage()
    with open(path, encoding="utf-8") as f:
        p.feed(f.read())
    for j in p.jumps:
        if j not in p.ids:
            fail(f"{path}: jump link #{j} has no target")
    expect([t for _, t in p.groups], [r["名称"] for r in csv_rows], f"{path} order = groups.csv order")
    readings = [gojuon_key(r["名称_カナ"]) for r in csv_rows]
    expect(readings, sorted(readings, key=numbers_by_value), f"{path} 五十音 order of readings")
    for (row, title), r in zip(p.groups, csv_rows):
        first = gojuon_key(r["名称_カナ"])[:1]
        want = next((f"row-{rid}" for rid, kana in ROWS if first and first in kana), "row-other")
        expect(row, want, f"{path} row of {title}")
    expect(sorted(set(p.jumps)), sorted({row for row, _ in p.groups}), f"{path} jump links = rows with groups")
    return len(p.groups)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("site_dir")
    ap.add_argument("--content", default="content")
    ap.add_argument("--base-url")
    args = ap.parse_args(argv)
    with open(os.path.join(args.content, "_portal.yaml"), encoding="utf-8") as f:
        portal_text = f.read()
    portal = load_yaml(portal_text) if yaml else {}
    if yaml:
        cities = portal["cities"]
    else:
        cities = re.search(r"^cities:\s*\[(.*)\]", portal_text, re.M)[1].replace(" ", "").split(",")
    base = args.base_url or portal.get("base_url") or re.search(r"^base_url:\s*(\S+)", portal_text, re.M)[1]
    base = base.rstrip("/") + "/"
    vocab = Vocab(os.path.join(args.content, "_taxonomies.yaml")) if yaml else None
    if not yaml:
        print("note: PyYAML not installed; open data compared with the JSON files and hand-checked values only")

    check_opendata(args.site_dir, args.content, cities, base, vocab)
    entries, urls = check_discovery(args.site_dir, cities, base) or (0, 0)
    groups = 0
    for city in cities:
        _, rows = read_csv(os.path.join(args.site_dir, city, "opendata", "groups.csv"))
        groups += check_groups_page(args.site_dir, city, rows)
    print(f"opendata: {len(cities)} cities, portal feed {entries} entries, sitemap {urls} URLs, "
          f"{groups} groups in 五十音 order, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
