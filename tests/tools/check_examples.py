#!/usr/bin/env python3
"""The foundation issue's acceptance check on a built sample site: every 協働事例
the seed documents name has its page, and appears under each of its terms in its
city's 協働 index and in the portal's (on some page of the term's paged list).

usage: check_examples.py SITE_DIR
"""
import html.parser
import os
import re
import sys

# (city, words in the page title) as issue 3 names them; the titles follow the documents.
EXAMPLES = [
    ("saku", "ライフサポート湯"), ("saku", "子育てお助け村"), ("saku", "コスモス街道づくり"),
    ("saku", "佐久バルーンフェスティバル"), ("saku", "拠点創りに関するワークショップ"),
    ("saku", "都市計画マスタープラン策定"),
    ("suwa", "道路側溝の補修"), ("suwa", "学校・保育園の清掃"), ("suwa", "ごみ減量・リサイクル"),
    ("suwa", "読み聞かせ"), ("suwa", "児童センターでの子育て支援"), ("suwa", "芸術療法認知症予防改善教室"),
    ("azumino", "アルプス花街道事業"), ("azumino", "認知症予防講座"), ("azumino", "信州安曇野薪能"),
    ("azumino", "地域の課題解決事業"), ("azumino", "アレチウリ駆除"),
]
MODES = ["共催", "後援", "実行委員会・運営協議会", "委員会・審議会・協議会", "懇話会・懇談会等",
         "情報・意見交換", "補助・助成", "委託", "指定管理者制度", "協力・連携"]


class Links(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.hrefs, self.h1, self._in_h1 = [], "", False

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            self.hrefs.append(dict(attrs).get("href", ""))
        self._in_h1 = tag == "h1" or self._in_h1

    def handle_endtag(self, tag):
        if tag == "h1":
            self._in_h1 = False

    def handle_data(self, data):
        if self._in_h1:
            self.h1 += data


def parse(path):
    p = Links()
    with open(path, encoding="utf-8") as f:
        p.feed(f.read())
    return p


def resolve(page, href):
    """Site path of a relative href on page (site path of its folder)."""
    href = href.split("#")[0]
    target = os.path.normpath(os.path.join(os.path.dirname(page), href))
    return target[:-len("index.html")] if target.endswith("index.html") else target


def term_pages(site, first):
    """The paged list of a term: its first page and page/N/ after it."""
    pages, n = [first], 2
    while os.path.exists(os.path.join(site, first, "page", str(n), "index.html")):
        pages.append(os.path.join(first, "page", str(n)) + "/")
        n += 1
    return pages


def listed_on(site, first, case_path):
    for term_page in term_pages(site, first):
        page_file = os.path.join(term_page, "index.html")
        if not os.path.exists(os.path.join(site, page_file)):
            return False
        links = {resolve(page_file, h) for h in parse(os.path.join(site, page_file)).hrefs}
        if case_path in links:
            return True
    return False


def main():
    site = sys.argv[1]
    problems, checked = [], 0
    for city, words in EXAMPLES:
        found = None
        for case in sorted(os.listdir(os.path.join(site, city, "cases"))):
            path = os.path.join(city, "cases", case, "index.html")
            if case != "page" and os.path.exists(os.path.join(site, path)) and words in parse(os.path.join(site, path)).h1:
                found = path
        if not found:
            problems.append(f"{city}: no case page titled …{words}…")
            continue
        case_dir = found[:-len("index.html")]
        terms = [resolve(found, h) for h in parse(os.path.join(site, found)).hrefs
                 if re.search(r"/kyodo/[a-z]+/[a-z0-9-]+/index\.html$", h)]
        if not terms:
            problems.append(f"{found}: no 形態/分野/主体/協働の型 terms")
        for term in sorted(set(terms)):
            portal_term = term[len(city) + 1:]  # city/kyodo/fields/x/ → kyodo/fields/x/
            for where in (term, portal_term):
                checked += 1
                if not listed_on(site, where, case_dir):
                    problems.append(f"{found}: not listed on {where} (or its later pages)")
    # 砂川市's ten 協働の形態 are the modes vocabulary, each with its definition.
    modes_page = open(os.path.join(site, "kyodo", "index.html"), encoding="utf-8").read()
    for mode in MODES:
        checked += 1
        if f">{mode}<" not in modes_page:
            problems.append(f"kyodo/index.html: 形態「{mode}」 is missing")
    for line in problems:
        print(line)
    print(f"examples: {len(EXAMPLES)} cases, {checked} term listings checked, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
