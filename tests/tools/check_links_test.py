"""Tests for check_links.py: tiny fixture sites built in a temp dir.

Run: python3 -m unittest tests/tools/check_links_test.py
"""
import io
import os
import sys
import tempfile
import unittest
import unittest.mock

sys.dont_write_bytecode = True  # no __pycache__ next to the sources (not git-ignored)
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import check_links  # noqa: E402


def page(body, extra_ids=()):
    ids = "".join(f'<p id="{i}">x</p>' for i in extra_ids)
    return f'<!doctype html><html lang="ja"><body>{body}{ids}</body></html>'


class CheckLinksTest(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.root = self.tmp.name

    def tearDown(self):
        self.tmp.cleanup()

    def write(self, rel, text):
        path = os.path.join(self.root, rel)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)

    def run_checker(self, **kw):
        out = io.StringIO()
        problems = check_links.Checker(self.root, **kw).check(out)
        return problems, out.getvalue()

    def test_ok_links(self):
        self.write("index.html", page(
            '<a href="about.html">a</a><a href="about.html#概要">b</a>'
            '<a href="about.html#%E6%A6%82%E8%A6%81">c</a><a href="#top">d</a>'
            '<img src="img/logo.png" alt=""><a href="mailto:x@example.jp">m</a>'
            '<a href="https://example.org/">ext</a><a href="#">e</a>'
            '<link rel="stylesheet" href="style.css?v=1">'))
        self.write("about.html", page("", ["概要"]))
        self.write("img/logo.png", "png")
        self.write("style.css", "")
        problems, out = self.run_checker()
        self.assertEqual(problems, 0, out)
        self.assertIn("checked 2 pages, 7 links, 0 problems", out)

    def test_missing_page(self):
        self.write("index.html", page('<a href="nope.html">x</a><a href="nope.html">again</a>'))
        problems, out = self.run_checker()
        self.assertEqual(problems, 1, out)  # reported once per page and href
        self.assertIn('index.html: broken link "nope.html" (missing nope.html)', out)

    def test_missing_fragment(self):
        self.write("index.html", page('<a href="a.html#here">x</a><a href="#self">y</a>', ["mine"]))
        self.write("a.html", page('<a name="named">n</a><a href="#named">z</a>', ["there"]))
        problems, out = self.run_checker()
        self.assertEqual(problems, 2, out)
        self.assertIn('"a.html#here" (missing fragment #here in a.html)', out)
        self.assertIn('"#self" (missing fragment #self in index.html)', out)

    def test_directory_links(self):
        self.write("index.html", page(
            '<a href="cases/">a</a><a href="cases">b</a><a href="cases/index.html">c</a>'
            '<a href="groups/">missing index</a>'))
        self.write("cases/index.html", page(""))
        self.write("groups/g1/index.html", page(""))
        problems, out = self.run_checker()
        self.assertEqual(problems, 1, out)
        self.assertIn('"groups/" (missing groups/index.html)', out)

    def test_relative_parent(self):
        self.write("city/cases/c1/index.html", page(
            '<a href="../../index.html#top">up</a><a href="../../kyodo/">k</a>'
            '<a href="../c2/">sibling</a><a href="../../../../etc/passwd">out</a>'))
        self.write("city/index.html", page(""))
        self.write("city/kyodo/index.html", page(""))
        problems, out = self.run_checker()
        self.assertEqual(problems, 2, out)
        self.assertIn('"../c2/" (missing city/cases/c2/index.html)', out)
        self.assertIn('"../../../../etc/passwd" (points outside the site)', out)

    def test_relative_flag_catches_root_relative(self):
        self.write("index.html", page('<a href="/about.html">x</a><a href="about.html">y</a>'))
        self.write("about.html", page(""))
        self.assertEqual(self.run_checker()[0], 0)  # fine for a server build
        problems, out = self.run_checker(relative=True)
        self.assertEqual(problems, 1, out)
        self.assertIn('"/about.html" (root-relative link in a relative build)', out)

    def test_relative_flag_catches_directory_link(self):
        self.write("index.html", page('<a href="cases/">x</a><a href="cases/index.html">y</a>'))
        self.write("cases/index.html", page('<a href="../index.html#top">up</a>'))
        self.assertEqual(self.run_checker()[0], 0)
        problems, out = self.run_checker(relative=True)
        self.assertEqual(problems, 1, out)
        self.assertIn('"cases/" (directory link in a relative build)', out)

    def test_base_url(self):
        self.write("index.html", page(
            '<link rel="canonical" href="https://example.jp/kyodo/">'
            '<a href="/kyodo/about.html">in</a><a href="/other/">out</a>'
            '<a href="https://example.jp/kyodo/gone.html">gone</a>'))
        self.write("about.html", page(""))
        problems, out = self.run_checker(base_url="https://example.jp/kyodo")
        self.assertEqual(problems, 2, out)
        self.assertIn('"/other/" (outside base path /kyodo/)', out)
        self.assertIn('"https://example.jp/kyodo/gone.html" (missing gone.html)', out)

    def test_javascript_link_is_an_error(self):
        self.write("index.html", page('<a href="javascript:void(0)">x</a>'))
        problems, out = self.run_checker()
        self.assertEqual(problems, 1, out)
        self.assertIn('"javascript:void(0)" (javascript: link)', out)

    def test_main_exit_code(self):
        self.write("index.html", page('<a href="x.html">x</a>'))
        with unittest.mock.patch("sys.stdout", io.StringIO()):
            self.assertEqual(check_links.main([self.root]), 1)
            self.write("x.html", page(""))
            self.assertEqual(check_links.main([self.root]), 0)

if __name__ == "__main__":
    unittest.main()
