#!/usr/bin/env python3
"""Internal link checker for a built kyodo site (stdlib only).

    check_links.py SITE_DIR [--base-url URL] [--relative] [--jobs N]

--relative: the build must work from disk (file://), so root-relative links
("/x") and directory links ("x/") are problems there.

Every *.html page is parsed once; its ids and its links are kept, so checking a
fragment never re-reads a file. Prints one line per problem and a summary;
exits 1 when there are problems.
"""
import argparse
import os
import posixpath
import sys
from html.parser import HTMLParser
from urllib.parse import unquote, urlsplit

# (tag, attribute) pairs holding a URL we check.
URL_ATTRS = {
    ("a", "href"), ("area", "href"), ("link", "href"), ("img", "src"),
    ("script", "src"), ("source", "src"), ("iframe", "src"), ("form", "action"),
}
SRCSET_TAGS = {"img", "source"}
SKIP_SCHEMES = {"mailto", "tel", "data"}


class PageParser(HTMLParser):
    def __init__(self):
        super().__init__()
        self.ids = set()
        self.links = []  # URL strings in document order

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if value is None:
                continue
            if name == "id" or (tag == "a" and name == "name"):
                self.ids.add(value)
            elif (tag, name) in URL_ATTRS:
                self.links.append(value.strip())
            elif name == "srcset" and tag in SRCSET_TAGS:
                # "a.png 1x, b.png 2x": the URL is the first word of each item.
                self.links.extend(c.split()[0] for c in value.split(",") if c.strip())

    handle_startendtag = handle_starttag


def parse_page(path):
    p = PageParser()
    with open(path, encoding="utf-8", errors="replace") as f:
        p.feed(f.read())
    p.close()
    return p.ids, p.links


def scan_site(root):
    """Return (set of all file paths, set of dir paths), site-relative, '/'-separated."""
    files, dirs = set(), {""}
    for dirpath, dirnames, filenames in os.walk(root):
        rel = os.path.relpath(dirpath, root).replace(os.sep, "/")
        rel = "" if rel == "." else rel + "/"
        dirs.update(rel + d for d in dirnames)
        files.update(rel + f for f in filenames)
    return files, dirs


class Checker:
    def __init__(self, root, base_url=None, relative=False, jobs=1):
        self.root = root
        self.relative = relative
        self.base_url = base_url.rstrip("/") + "/" if base_url else None
        # Root-relative links must live under the base URL's path ("/kyodo/").
        self.base_path = urlsplit(self.base_url).path if self.base_url else "/"
        self.files, self.dirs = scan_site(root)
        self.pages = sorted(f for f in self.files if f.endswith(".html"))
        self.info = self._parse_all(jobs)  # page -> (ids, links)

    def _parse_all(self, jobs):
        paths = [os.path.join(self.root, p) for p in self.pages]
        if jobs > 1 and len(paths) > 200:
            # Parsing dominates; html.parser is pure Python, so use processes.
            from multiprocessing import Pool
            with Pool(jobs) as pool:
                results = pool.map(parse_page, paths, chunksize=64)
        else:
            results = [parse_page(p) for p in paths]
        return dict(zip(self.pages, results))

    def split(self, href):
        """Page-independent part: (kind, path, fragment, problem).

        kind is "skip" (not internal), "bad" (problem), "self" (same page),
        "abs" (path is site-root based) or "rel" (path is relative to the page).
        """
        parts = urlsplit(href)
        scheme = parts.scheme.lower()
        if scheme == "javascript":
            return "bad", "", "", "javascript: link"
        if scheme in SKIP_SCHEMES:
            return "skip", "", "", None
        path, fragment = parts.path, parts.fragment
        if scheme or parts.netloc:
            # Absolute URL: internal only when it starts with --base-url.
            if not self.base_url:
                return "skip", "", "", None
            full = href if scheme else urlsplit(self.base_url).scheme + ":" + href
            if not (full.startswith(self.base_url) or full + "/" == self.base_url):
                return "skip", "", "", None
            return "abs", urlsplit(full[len(self.base_url):]).path, fragment, None
        if path.startswith("/"):
            if self.relative:
                return "bad", "", "", "root-relative link in a relative build"
            if not path.startswith(self.base_path) and path + "/" != self.base_path:
                return "bad", "", "", f"outside base path {self.base_path}"
            return "abs", path[len(self.base_path):], fragment, None
        if not path:
            return "self", "", fragment, None  # "", "#x" or "?q"
        return "rel", path, fragment, None

    def resolve(self, path):
        """Site path (no leading "/", may hold ".." and %xx) -> (file, problem)."""
        # normpath of a relative path keeps leading ".." (an absolute one drops them).
        rel = posixpath.normpath(unquote(path))
        if rel == ".." or rel.startswith("../"):
            return None, "points outside the site"
        if rel == ".":
            rel = ""
        if path.endswith("/") or rel in self.dirs:
            rel = (rel + "/" if rel else "") + "index.html"
        if rel not in self.files:
            return None, f"missing {rel}"
        return rel, None

    def check_link(self, page, pdir, href):
        """None = ok, False = not an internal link, str = problem."""
        split = self.split_cache.get(href)
        if split is None:
            split = self.split_cache[href] = self.split(href)
        kind, path, fragment, problem = split
        if kind == "skip":
            return False
        if problem:
            return problem
        if kind == "self":
            target = page
        else:
            if kind == "rel" and pdir:
                path = pdir + "/" + path
            res = self.resolve_cache.get(path)
            if res is None:
                res = self.resolve_cache[path] = self.resolve(path)
            target, problem = res
            if problem:
                return problem
            # From disk, "dir/" opens a folder listing, not dir/index.html.
            named = split[1].endswith(".html")
            if self.relative and kind == "rel" and not named and target.endswith("index.html"):
                return "directory link in a relative build"
        if not fragment or target not in self.info:
            return None  # no fragment, or a non-HTML target (PDF, image)
        # The HTML spec scrolls "#top" to the top even without such an id.
        if fragment.lower() == "top":
            return None
        ids = self.info[target][0]
        if fragment in ids or unquote(fragment) in ids:
            return None
        return f"missing fragment #{unquote(fragment)} in {target}"

    def check(self, out=None):
        out = out or sys.stdout
        self.split_cache, self.resolve_cache = {}, {}
        n_links = problems = 0
        for page in self.pages:
            pdir = posixpath.dirname(page)
            reported = set()
            for href in self.info[page][1]:
                problem = self.check_link(page, pdir, href)
                if problem is False:
                    continue
                n_links += 1
                if problem and href not in reported:  # once per page and href
                    reported.add(href)
                    problems += 1
                    print(f'{page}: broken link "{href}" ({problem})', file=out)
        print(f"checked {len(self.pages)} pages, {n_links} links, {problems} problems", file=out)
        return problems


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("site_dir")
    ap.add_argument("--base-url", help="absolute URLs starting with this map to SITE_DIR")
    ap.add_argument("--relative", action="store_true",
                    help="flag root-relative and directory links (the build must work from disk)")
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    args = ap.parse_args(argv)
    if not os.path.isdir(args.site_dir):
        ap.error(f"not a directory: {args.site_dir}")
    checker = Checker(args.site_dir, args.base_url, args.relative, args.jobs)
    return 1 if checker.check() else 0


if __name__ == "__main__":
    sys.exit(main())
