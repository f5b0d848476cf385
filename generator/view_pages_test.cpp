// Pages of one small city built in memory, checked for the text a 広報 editor reads
// against the city's 表記ルール.
#include <doctest/doctest.h>

#include "fixture_util.h"
#include "site.h"

namespace kyodo {

namespace {

constexpr const char* kCity = R"(-- content/_portal.yaml --
title: 試験ポータル
base_url: https://kyodo.example.jp/
-- content/machi/site.yaml --
name: 東町
kana: ひがしまち
prefecture: 長野県
code: "203831"
contact: kyodo
-- content/machi/orgs.yaml --
kyodo: {name: 協働推進係, parent: 市民部}
-- content/machi/cases/hana.md --
---
title: 花いっぱい運動
date: 2024-05-01
modes: [協力・連携]
---
本文
)";

// Builds kCity plus `extra` (txtar) and returns the site on `mem`.
void BuildCity(MemoryDisk* mem, const std::string& extra = "") {
  RealDisk real;
  LoadTree(real, SourceDir() + "/templates", "templates", mem);
  LoadTree(real, SourceDir() + "/themes", "themes", mem);
  mem->Add("content/_taxonomies.yaml", ReadText(real, SourceDir() + "/tests/sites/basic/content/_taxonomies.yaml"));
  AddTxtar(kCity, mem);
  AddTxtar(extra, mem);
  BuildOptions options;
  options.build_date = {2026, 4, 1, DatePrecision::kDay};
  BuildResult result;
  Diagnostics d;
  REQUIRE(BuildSite(*mem, options, &result, &d));
  CHECK_MESSAGE(d.empty(), d.items().front().message);
}

bool Has(const std::string& text, const std::string& part) {
  if (text.find(part) != std::string::npos) return true;
  MESSAGE("not found: " << part);
  return false;
}

}  // namespace

TEST_CASE("the contact block names the section above the office when parent: is its name") {
  MemoryDisk mem;
  BuildCity(&mem);
  // parent: 市民部 (as docs/content.md writes it) was dropped: 「東町 協働推進係」.
  CHECK(Has(ReadText(mem, "site/machi/cases/hana/index.html"), "<p class=\"contact-name\">東町 市民部 協働推進係</p>"));
}

TEST_CASE("a group's 会員数 written as a bare number is shown with 人; a count with its own words as written") {
  MemoryDisk mem;
  BuildCity(&mem, R"(-- content/machi/groups/a.md --
---
title: 花の会
kana: はなのかい
members: 30
---
本文
-- content/machi/groups/b.md --
---
title: 森の会
kana: もりのかい
members: 約1,200名
---
本文
-- content/machi/groups/c.md --
---
title: 川の会
kana: かわのかい
members: "1,200"
---
本文
)");
  // members: 30 (or a 会員数 cell of an Excel register) read 「会員数 30」.
  CHECK(Has(ReadText(mem, "site/machi/groups/a/index.html"), "<dt>会員数</dt><dd>30人</dd>"));
  CHECK(Has(ReadText(mem, "site/machi/groups/b/index.html"), "<dt>会員数</dt><dd>約1,200名</dd>"));
  CHECK(Has(ReadText(mem, "site/machi/groups/c/index.html"), "<dt>会員数</dt><dd>1,200人</dd>"));
}

}  // namespace kyodo
