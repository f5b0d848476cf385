"""Tests for check_opendata.py on a municipality as kyodo new city leaves it.

Run: python3 -m unittest tests/tools/check_opendata_test.py
"""
import os
import sys
import tempfile
import unittest

sys.dont_write_bytecode = True  # no __pycache__ next to the sources (not git-ignored)
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import check_opendata  # noqa: E402


class ExpectedRowsTest(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.content = self.tmp.name
        self.write("_taxonomies.yaml", "fields:\n  terms:\n    - {name: まちづくり}\n")
        self.vocab = check_opendata.Vocab(os.path.join(self.content, "_taxonomies.yaml"))

    def tearDown(self):
        self.tmp.cleanup()

    def write(self, rel, text):
        path = os.path.join(self.content, rel)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)

    def test_a_city_without_slug_uses_its_folder(self):
        # kyodo new city writes no slug: (a KeyError stopped the whole check).
        self.write("higashikawa/site.yaml",
                   'name: 東川町\nkana: ひがしかわちょう\nprefecture: 北海道\ncode: "014583"\ncontact: kyodo\n')
        self.write("higashikawa/orgs.yaml", "kyodo:\n  name: 総務課\n")
        self.write("higashikawa/groups/hana.md", "---\ntitle: 花の会\nkana: はなのかい\n---\n本文。\n")
        rows = check_opendata.expected_rows(self.content, "higashikawa", "https://x.jp/", self.vocab)
        self.assertEqual(rows["groups"]["hana"]["URL"], "https://x.jp/higashikawa/groups/hana/")
        self.assertEqual(rows["groups"]["hana"]["地方公共団体名"], "北海道東川町")
        # No summary: written, so kyodo makes the 概要 from the body; it is not expected empty.
        self.assertNotIn("概要", rows["groups"]["hana"])
        self.assertEqual(rows["groups"]["hana"]["名称_カナ"], "ハナノカイ")

    def test_a_prefecture_is_named_once(self):
        self.write("nagano/site.yaml", 'name: 長野県\nkana: ながのけん\nprefecture: 長野県\ncode: "200000"\ncontact: k\n')
        self.write("nagano/groups/hana.md", "---\ntitle: 花の会\nkana: はなのかい\n---\n本文。\n")
        rows = check_opendata.expected_rows(self.content, "nagano", "https://x.jp/", self.vocab)
        self.assertEqual(rows["groups"]["hana"]["地方公共団体名"], "長野県")

    def test_a_tokubetsu_ku_and_ward_sections_are_read_as_kyodo_reads_them(self):
        self.write("_taxonomies.yaml", "actors:\n  terms:\n    - {name: 区など自治会, aliases: [区]}\n"
                   "    - {name: 行政, aliases: [区役所]}\n")
        self.vocab = check_opendata.Vocab(os.path.join(self.content, "_taxonomies.yaml"))
        self.write("setagaya/site.yaml",
                   'name: 世田谷区\nkana: せたがやく\nprefecture: 東京都\ncode: "131121"\ncontact: shinko\n')
        self.write("setagaya/orgs.yaml", "ku: {name: 北沢総合支所}\nbu: {name: 地域振興課, parent: ku}\n"
                   "shinko: {name: 協働係, parent: bu}\n")
        self.write("setagaya/cases/a.md", "---\ntitle: 区との協働\ndate: 2024-04-01\nactors: [区]\n---\n本文。\n")
        rows = check_opendata.expected_rows(self.content, "setagaya", "https://x.jp/", self.vocab)
        self.assertEqual(rows["cases"]["a"]["主体"], "行政")
        self.assertEqual(rows["cases"]["a"]["連絡先名称"], "世田谷区 北沢総合支所 地域振興課 協働係")
        self.write("setagaya/_taxonomies.yaml", "actors:\n  aliases: {区: 区など自治会}\n")
        rows = check_opendata.expected_rows(self.content, "setagaya", "https://x.jp/", self.vocab)
        self.assertEqual(rows["cases"]["a"]["主体"], "区など自治会")


class OrderTest(unittest.TestCase):
    def test_numbers_in_readings_sort_by_value(self):
        readings = ["だい10ちく", "だい2ちく", "だい1ちく", "なかごみ１０く", "なかごみ２く"]
        self.assertEqual(sorted(readings, key=check_opendata.numbers_by_value),
                         ["だい1ちく", "だい2ちく", "だい10ちく", "なかごみ２く", "なかごみ１０く"])


if __name__ == "__main__":
    unittest.main()
