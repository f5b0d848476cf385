// Whole builds of お知らせ on a MemoryDisk, checked as the 広報 clerk who posts them
// and the residents who read them (pages, list, Atom feed) would.
#include <doctest/doctest.h>

#include "fixture_util.h"
#include "site.h"

namespace kyodo {

namespace {

constexpr const char* kNewsSite = R"(-- content/_portal.yaml --
title: 試験ポータル
base_url: https://kyodo.example.jp/
-- content/hoge/site.yaml --
name: ほげ市
kana: ほげし
prefecture: 長野県
code: "202177"
date_style: wareki
contact: kyodo
-- content/hoge/orgs.yaml --
kyodo: {name: 協働推進課}
-- content/hoge/news/boshu.md --
---
title: 講座の参加者を募集します
date: 令和7年6月1日
summary: 市民活動に関心のある方を対象に講座を開きます。
---
講座の日時と申込方法です。
)";

void SetupNews(MemoryDisk* mem) {
  RealDisk real;
  LoadTree(real, SourceDir() + "/templates", "templates", mem);
  LoadTree(real, SourceDir() + "/themes", "themes", mem);
  // The vocabularies a build needs; these tests use none of their terms.
  mem->Add("content/_taxonomies.yaml", ReadText(real, SourceDir() + "/tests/sites/basic/content/_taxonomies.yaml"));
  AddTxtar(kNewsSite, mem);
}

bool BuildNews(MemoryDisk* mem, Diagnostics* d, BuildOptions options = {}) {
  options.build_date = {2026, 4, 1, DatePrecision::kDay};
  BuildResult result;
  return BuildSite(*mem, options, &result, d);
}

}  // namespace

TEST_CASE("a notice written only as a summary shows that summary on its page") {
  MemoryDisk mem;
  SetupNews(&mem);
  // A 中止 notice is often one sentence: the clerk writes it as the summary and no body.
  mem.Add("content/hoge/news/chushi.md",
          "---\ntitle: 【中止】協働フォーラムの開催を中止します\ndate: 令和7年8月1日\n"
          "summary: 台風接近のため、8月2日のフォーラムは中止します。\n---\n");
  Diagnostics d;
  REQUIRE(BuildNews(&mem, &d));
  CHECK(d.empty());
  std::string page = ReadText(mem, "site/hoge/news/chushi/index.html");
  CHECK(page.find("<div class=\"body\">\n<p>台風接近のため、8月2日のフォーラムは中止します。</p>\n</div>") !=
        std::string::npos);
  // A notice with a body shows the body, not the summary a second time.
  std::string boshu = ReadText(mem, "site/hoge/news/boshu/index.html");
  CHECK(boshu.find("<p>講座の日時と申込方法です。</p>") != std::string::npos);
  CHECK(boshu.find("<p>市民活動に関心のある方を対象に講座を開きます。</p>") == std::string::npos);
}

TEST_CASE("the お知らせ list is paged as the case list is: a weekly poster's archive is not one page of links") {
  MemoryDisk mem;
  SetupNews(&mem);
  for (int i = 1; i <= 20; ++i) {  // with boshu (令和7年6月1日), 21 notices: one more than a page holds
    std::string n = std::to_string(i);
    mem.Add("content/hoge/news/n" + std::string(i < 10 ? "0" : "") + n + ".md",
            "---\ntitle: 第" + n + "号\ndate: 2025-07-" + (i < 10 ? "0" : "") + n + "\n---\n第" + n + "号の本文です。\n");
  }
  Diagnostics d;
  REQUIRE(BuildNews(&mem, &d));
  CHECK(d.empty());
  std::string first = ReadText(mem, "site/hoge/news/index.html");
  CHECK(first.find("<p>全21件のうち1〜20件目を新しい順に表示しています。</p>") != std::string::npos);
  CHECK(first.find("href=\"../../hoge/news/page/2/index.html\" rel=\"next\">次のページ</a>") != std::string::npos);
  CHECK(first.find(">第20号</a>") < first.find(">第1号</a>"));
  CHECK(first.find("講座の参加者を募集します") == std::string::npos);  // the oldest is on page 2
  std::string second = ReadText(mem, "site/hoge/news/page/2/index.html");
  CHECK(second.find("<h1>お知らせ（2ページ目）</h1>") != std::string::npos);
  CHECK(second.find("<p>全21件のうち21〜21件目を新しい順に表示しています。</p>") != std::string::npos);
  CHECK(second.find(">講座の参加者を募集します</a>") != std::string::npos);
  CHECK(second.find(">第1号</a>") == std::string::npos);
  CHECK(mem.Stat("site/hoge/news/page/3/index.html") == FileKind::kMissing);
}

TEST_CASE("one page of お知らせ has no page count and no page links") {
  MemoryDisk mem;
  SetupNews(&mem);
  Diagnostics d;
  REQUIRE(BuildNews(&mem, &d));
  std::string list = ReadText(mem, "site/hoge/news/index.html");
  CHECK(list.find(">講座の参加者を募集します</a>") != std::string::npos);
  CHECK(list.find("件目") == std::string::npos);
  CHECK(list.find("class=\"pagination\"") == std::string::npos);
  CHECK(mem.Stat("site/hoge/news/page/2/index.html") == FileKind::kMissing);
}

TEST_CASE("a notice's attachment link with 「（PDF）」 written after it is pointed at where it is written") {
  MemoryDisk mem;
  SetupNews(&mem);
  mem.Add("content/hoge/assets/youkou.pdf", "%PDF-1.4\n");
  mem.Add("content/hoge/news/youkou.md",
          "---\ntitle: 募集要項を掲載しました\ndate: 令和7年5月1日\n---\n\n詳しくは[募集要項（PDF）](../assets/youkou.pdf)をご覧ください。\n");
  Diagnostics d;
  REQUIRE(BuildNews(&mem, &d));
  REQUIRE(d.items().size() == 1);
  CHECK(d.items()[0].loc.file == "content/hoge/news/youkou.md");
  CHECK(d.items()[0].loc.line == 6);
  CHECK(d.items()[0].message == "リンクの文字の「（PDF）」は kyodo が付けます（このままでは「募集要項（PDF）（PDF 1KB）」と二重に出ます）");
}

TEST_CASE("a チラシ PDF put in a notice as an image is an error at its line, not a broken image") {
  MemoryDisk mem;
  SetupNews(&mem);
  mem.Add("content/hoge/assets/chirashi.pdf", "%PDF-1.4\n");
  mem.Add("content/hoge/news/chirashi.md",
          "---\ntitle: 講座のチラシ\ndate: 令和7年5月1日\n---\n\n講座のご案内です。\n\n![講座のチラシ](../assets/chirashi.pdf)\n");
  Diagnostics d;
  CHECK_FALSE(BuildNews(&mem, &d));
  REQUIRE(d.items().size() == 1);
  CHECK(d.items()[0].loc.file == "content/hoge/news/chirashi.md");
  CHECK(d.items()[0].loc.line == 8);
  CHECK(d.items()[0].message == "画像「../assets/chirashi.pdf」は PDF のファイルで、ブラウザーは画像として表示できません");
}

}  // namespace kyodo
