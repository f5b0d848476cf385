// A portal of municipalities of different kinds, built in memory: a 町 with a case
// and a 村 just added with `kyodo new city` and nothing published yet.
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
  CHECK(Has(ReadText(mem, "site/machi/cases/index.html"), "全1件のうち 1〜1件目を新しい順に表示しています。"));
  CHECK(Has(ReadText(mem, "site/machi/kyodo/index.html"), "<p>1件の協働事例を、"));
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

}  // namespace kyodo
