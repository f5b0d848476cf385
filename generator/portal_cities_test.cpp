// A portal of municipalities of different kinds, built in memory: a 町 with a case
// and a 村 just added with `kyodo new city` and nothing published yet; and the text
// the 町's pages print from what its files say.
#include <doctest/doctest.h>

#include "fixture_util.h"
#include "site.h"

namespace kyodo {

namespace {

constexpr const char* kPortal = R"(-- content/_portal.yaml --
title: 試験ポータル
base_url: https://kyodo.example.jp/
cities: [machi, mura]
-- content/machi/site.yaml --
name: 東町
kana: ひがしまち
prefecture: 長野県
code: "203831"
contact: kyodo
-- content/machi/orgs.yaml --
kyodo: {name: 協働推進課}
-- content/machi/cases/hana.md --
---
title: 花いっぱい運動
date: 2024-05-01
modes: [協力・連携]
---
本文
-- content/mura/site.yaml --
name: 西村
kana: にしむら
prefecture: 北海道
code: "012262"
contact: somu
-- content/mura/orgs.yaml --
somu: {name: 総務課}
)";

void Setup(MemoryDisk* mem) {
  RealDisk real;
  LoadTree(real, SourceDir() + "/templates", "templates", mem);
  LoadTree(real, SourceDir() + "/themes", "themes", mem);
  mem->Add("content/_taxonomies.yaml", ReadText(real, SourceDir() + "/tests/sites/basic/content/_taxonomies.yaml"));
  AddTxtar(kPortal, mem);
}

bool Build(MemoryDisk* mem, BuildOptions options, Diagnostics* d) {
  options.build_date = {2026, 4, 1, DatePrecision::kDay};
  BuildResult result;
  return BuildSite(*mem, options, &result, d);
}

void BuildPortal(MemoryDisk* mem) {
  Setup(mem);
  Diagnostics d;
  REQUIRE(Build(mem, BuildOptions{}, &d));
  CHECK_MESSAGE(d.empty(), d.items().front().message);
}

bool Has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

}  // namespace

TEST_CASE("a municipality without cases says so instead of counting 0 of them") {
  MemoryDisk mem;
  BuildPortal(&mem);
  std::string list = ReadText(mem, "site/mura/cases/index.html");
  CHECK(Has(list, "<p>掲載している協働事例はまだありません。</p>"));
  CHECK_FALSE(Has(list, "0〜0件目"));
  std::string index = ReadText(mem, "site/mura/kyodo/index.html");
  CHECK(Has(index, "<p>掲載している協働事例はまだありません。協働の形態・分野・主体・協働の型の項目は次のとおりです。</p>"));
  CHECK_FALSE(Has(index, "0件の協働事例を"));
  // The town beside it keeps its counts.
  CHECK(Has(ReadText(mem, "site/machi/cases/index.html"), "<p>協働事例1件を掲載しています。"));
  CHECK(Has(ReadText(mem, "site/machi/kyodo/index.html"), "<p>1件の協働事例を、"));
}

TEST_CASE("case lists name the range they show only when they run over pages") {
  MemoryDisk mem;
  Setup(&mem);
  mem.Add("content/machi/cases/mori.md", "---\ntitle: 森づくり\ndate: 2024-06-01\nmodes: [協力・連携]\n---\n本文\n");
  Diagnostics d;
  REQUIRE(Build(&mem, BuildOptions{}, &d));
  // One page: it read 「全2件のうち 1〜2件目を…」 and 「新しい順に 1〜2件目を表示しています。」.
  CHECK(Has(ReadText(mem, "site/machi/cases/index.html"), "<p>協働事例2件を新しい順に掲載しています。"));
  const std::string term = ReadText(mem, "site/machi/kyodo/modes/kyoryoku/index.html");
  CHECK(Has(term, "に当たる協働事例は2件です。新しい順に表示しています。</p>"));
  CHECK_FALSE(Has(term, "件目"));
  for (int i = 0; i < 20; ++i) {
    mem.Add("content/machi/cases/c" + std::to_string(i) + ".md",
            "---\ntitle: 事例" + std::to_string(i) + "\ndate: 2023-01-01\nmodes: [協力・連携]\n---\n本文\n");
  }
  REQUIRE(Build(&mem, BuildOptions{}, &d));
  CHECK(Has(ReadText(mem, "site/machi/cases/index.html"), "<p>全22件のうち1〜20件目を新しい順に表示しています。"));
  CHECK(Has(ReadText(mem, "site/machi/cases/page/2/index.html"), "<p>全22件のうち21〜22件目を新しい順に表示しています。"));
  CHECK(Has(ReadText(mem, "site/machi/kyodo/modes/kyoryoku/index.html"),
            "に当たる協働事例は22件です。新しい順に1〜20件目を表示しています。</p>"));
}

TEST_CASE("the contact block names the section above the office when parent: is its name") {
  MemoryDisk mem;
  Setup(&mem);
  mem.Add("content/machi/orgs.yaml", "kyodo: {name: 協働推進係, parent: 市民部}\n");
  Diagnostics d;
  REQUIRE(Build(&mem, BuildOptions{}, &d));
  // parent: 市民部 (as docs/content.md writes it) was dropped: 「東町 協働推進係」.
  CHECK(Has(ReadText(mem, "site/machi/cases/hana/index.html"), "<p class=\"contact-name\">東町 市民部 協働推進係</p>"));
}

TEST_CASE("a group's 会員数 written as a bare number is shown with 人; a count with its own words as written") {
  MemoryDisk mem;
  Setup(&mem);
  const char* groups[][3] = {{"a", "はなのかい", "30"}, {"b", "もりのかい", "約1,200名"}, {"c", "かわのかい", "\"1,200\""}};
  for (const auto& [id, kana, members] : groups) {
    mem.Add(std::string("content/machi/groups/") + id + ".md",
            std::string("---\ntitle: 会") + id + "\nkana: " + kana + "\nmembers: " + members + "\n---\n本文\n");
  }
  Diagnostics d;
  REQUIRE(Build(&mem, BuildOptions{}, &d));
  // members: 30 (or a 会員数 cell of an Excel register) read 「会員数 30」.
  CHECK(Has(ReadText(mem, "site/machi/groups/a/index.html"), "<dt>会員数</dt><dd>30人</dd>"));
  CHECK(Has(ReadText(mem, "site/machi/groups/b/index.html"), "<dt>会員数</dt><dd>約1,200名</dd>"));
  CHECK(Has(ReadText(mem, "site/machi/groups/c/index.html"), "<dt>会員数</dt><dd>1,200人</dd>"));
}

TEST_CASE("two municipalities with one 全国地方公共団体コード are an error, in one build and in the portal step") {
  MemoryDisk mem;
  Setup(&mem);
  // 西村's site.yaml copied from 東町 without changing the code.
  mem.Add("content/mura/site.yaml", "name: 西村\nkana: にしむら\nprefecture: 長野県\ncode: \"203831\"\ncontact: somu\n");
  Diagnostics d;
  CHECK_FALSE(Build(&mem, BuildOptions{}, &d));
  REQUIRE(d.ErrorCount() == 1);
  CHECK(d.items()[0].loc.file == "content/mura/site.yaml");
  CHECK(d.items()[0].message == "全国地方公共団体コード「203831」が machi（東町）と同じです");
  CHECK(d.items()[0].hint == "市町村ごとに違うコードです。西村の code: を確かめてください");

  // Shards of one city each cannot see it; the portal step, which has every city, does.
  for (const char* slug : {"machi", "mura"}) {
    BuildOptions shard;
    shard.cities = {slug};
    shard.shard = true;
    shard.out_dir = std::string("shards/") + slug;
    Diagnostics sd;
    CHECK(Build(&mem, shard, &sd));
  }
  BuildOptions portal;
  portal.portal_from = {"shards/machi", "shards/mura"};
  portal.out_dir = "portal";
  Diagnostics pd;
  CHECK_FALSE(Build(&mem, portal, &pd));
  REQUIRE(pd.ErrorCount() == 1);
  CHECK(pd.items()[0].loc.file == "content/mura/site.yaml");
  CHECK(pd.items()[0].message == "全国地方公共団体コード「203831」が machi（東町）と同じです");
}

TEST_CASE("municipalities of one name are told apart by their 都道府県 on the portal's pages, not on their own") {
  MemoryDisk mem;
  Setup(&mem);
  // Two 東町, of 長野県 and of 北海道, each with a case of 協力・連携.
  mem.Add("content/mura/site.yaml", "name: 東町\nkana: ひがしちょう\nprefecture: 北海道\ncode: \"012262\"\ncontact: somu\n");
  mem.Add("content/mura/cases/yuki.md", "---\ntitle: 雪かき\ndate: 2024-02-01\nmodes: [協力・連携]\n---\n本文\n");
  Diagnostics d;
  REQUIRE(Build(&mem, BuildOptions{}, &d));
  std::string index = ReadText(mem, "site/kyodo/index.html");
  CHECK(Has(index, ">長野県東町の協働の索引</a>"));
  CHECK(Has(index, ">北海道東町の協働の索引</a>"));
  std::string term = ReadText(mem, "site/kyodo/modes/kyoryoku/index.html");
  CHECK(Has(term, ">長野県東町（1件）</a>"));
  CHECK(Has(term, "<span class=\"card-city\">北海道東町</span>"));
  CHECK(Has(ReadText(mem, "site/opendata/index.html"), ">北海道東町のオープンデータ</a>"));
  CHECK(Has(ReadText(mem, "site/search/meta.js"), "[\"mura\",\"北海道東町\",\"ひがしちょう\",\"東町\"]"));
  CHECK(Has(ReadText(mem, "site/feed.xml"), "<author><name>北海道東町</name></author>"));
  // A town's own pages name it as it is.
  CHECK(Has(ReadText(mem, "site/mura/index.html"), "<h1>東町の協働のまちづくり</h1>"));
}

TEST_CASE("the portal's pages call its members 市区町村 with a 特別区 and 自治体 with a 広域連合") {
  // 世田谷区 is no 市町村, and neither is a 広域連合: the portal said 市町村 of them all.
  auto pages = [](const std::string& name) {
    MemoryDisk mem;
    Setup(&mem);
    mem.Add("content/mura/site.yaml", "name: " + name + "\nkana: にしく\nprefecture: 北海道\ncode: \"012262\"\ncontact: somu\n");
    mem.Add("content/mura/forms/soudan.yaml", "title: 協働の相談\nfields:\n  - {label: 相談の内容, type: textarea}\n");
    Diagnostics d;
    REQUIRE(Build(&mem, BuildOptions{}, &d));
    std::string all;
    for (const char* page : {"index.html", "kyodo/index.html", "kyodo/modes/kyoryoku/index.html", "opendata/index.html",
                             "forms/index.html", "search/index.html"}) {
      all += ReadText(mem, std::string("site/") + page);
    }
    return all;
  };
  const std::string ku = pages("西区");
  CHECK(Has(ku, "<h2 id=\"cities-heading\">市区町村</h2>"));
  CHECK(Has(ku, "<h2 id=\"cities-heading\">市区町村ごとの索引</h2>"));
  CHECK(Has(ku, "<h2 id=\"cities-heading\">市区町村ごとの件数</h2>"));
  CHECK(Has(ku, "<h2 id=\"cities-heading\">市区町村ごとのオープンデータ</h2>"));
  CHECK(Has(ku, "<h1>協働の索引（全市区町村）</h1>"));
  CHECK(Has(ku, "<h1>手続き・様式（全市区町村）</h1>"));
  CHECK(Has(ku, "data-municipalities=\"市区町村\""));
  CHECK_FALSE(Has(ku, "市町村"));
  const std::string kouiki = pages("西部広域連合");
  CHECK(Has(kouiki, "<h2 id=\"cities-heading\">自治体</h2>"));
  CHECK(Has(kouiki, "<h1>サイト内検索（全自治体）</h1>"));
  CHECK(Has(kouiki, "列はどの自治体も同じで、このページのファイルは全自治体のデータをまとめたものです。"));
  CHECK_FALSE(Has(kouiki, "市町村"));
  const std::string mura = pages("西村");
  CHECK(Has(mura, "<h2 id=\"cities-heading\">市町村</h2>"));
  CHECK(Has(mura, "<h1>協働の索引（全市町村）</h1>"));
}

}  // namespace kyodo
