// Whole builds on a MemoryDisk: a small site described inline, built with the
// real templates and themes, and checked by what residents would see.
#include "site.h"

#include <doctest/doctest.h>

#include "fixture_util.h"

namespace kyodo {

namespace {

constexpr const char* kSite = R"(-- content/_portal.yaml --
title: 試験ポータル
base_url: https://kyodo.example.jp/
-- content/hoge/site.yaml --
name: ほげ市
kana: ほげし
prefecture: 長野県
code: "202177"
date_style: wareki
contact: kyodo
banner: {level: emergency, text: 大雨警報が出ています}
-- content/hoge/orgs.yaml --
kyodo: {name: 協働推進課, tel: "0267-62-2111", extension: "418", email: kyodo@example.jp}
-- content/hoge/cases/hana.md --
---
title: <script>alert("花")</script>
date: 令和元年5月1日
summary: 花を植えました。
modes: [協力・連携]
fields: [子育て]
groups: [hana]
---
[会](../groups/hana.md) の活動です。
-- content/hoge/cases/old.md --
---
title: 古い事例
date: 平成22年3月
---
本文
-- content/hoge/cases/secret.md --
---
title: 下書き
date: 2020-01-01
draft: true
---
本文
-- content/hoge/groups/hana.md --
---
title: 特定非営利活動法人 花の会
kana: はなのかい
fields: [環境の保全]
area: 中込地区
---
本文
-- content/fuga/site.yaml --
name: ふが町
kana: ふがまち
prefecture: 北海道
code: "012262"
contact: soumu
-- content/fuga/orgs.yaml --
soumu: {name: 総務課}
-- content/fuga/cases/yuki.md --
---
title: 雪かき
date: 2024-01-15
fields: [子どもの健全育成]
---
本文
)";

constexpr const char* kVocab = R"(-- content/_taxonomies.yaml --
modes:
  label: 協働の形態
  terms:
    - {name: 協力・連携, slug: kyoryoku}
fields:
  label: 分野
  terms:
    - {name: 子どもの健全育成, slug: kodomo, aliases: [子育て]}
    - {name: 環境の保全, slug: kankyo}
actors:
  label: 主体
  terms:
    - {name: 市民, slug: shimin}
partnership:
  label: 協働の型
  terms:
    - {name: 市民×行政, slug: shimin-gyosei}
)";

void Setup(MemoryDisk* mem) {
  RealDisk real;
  LoadTree(real, SourceDir() + "/templates", "templates", mem);
  LoadTree(real, SourceDir() + "/themes", "themes", mem);
  AddTxtar(kSite, mem);
  AddTxtar(kVocab, mem);
}

bool Build(MemoryDisk* mem, BuildOptions options, BuildResult* result, Diagnostics* d) {
  options.build_date = {2026, 4, 1, DatePrecision::kDay};
  return BuildSite(*mem, options, result, d);
}

}  // namespace

TEST_CASE("a two-city site builds with every page a resident expects") {
  MemoryDisk mem;
  Setup(&mem);
  Diagnostics d;
  BuildResult result;
  REQUIRE(Build(&mem, BuildOptions{}, &result, &d));
  CHECK(d.empty());
  for (const char* path : {"index.html", "404.html", "kyodo/index.html", "kyodo/fields/kodomo/index.html",
                           "hoge/index.html", "hoge/cases/index.html", "hoge/cases/hana/index.html",
                           "hoge/kyodo/modes/kyoryoku/index.html", "hoge/groups/index.html",
                           "hoge/groups/hana/index.html", "hoge/groups/fields/kankyo/index.html",
                           "hoge/contact/index.html", "fuga/index.html"}) {
    CAPTURE(path);
    CHECK(mem.Stat("site/" + std::string(path)) == FileKind::kFile);
  }
  CHECK(mem.Stat("site/hoge/cases/secret/index.html") == FileKind::kMissing);  // drafts stay out

  std::string kase = ReadText(mem, "site/hoge/cases/hana/index.html");
  CHECK(kase.find("<h1>&lt;script&gt;alert(&quot;花&quot;)&lt;/script&gt;</h1>") != std::string::npos);
  CHECK(kase.find("<script>alert") == std::string::npos);
  CHECK(kase.find("<time datetime=\"2019-05-01\">令和元年5月1日</time>") != std::string::npos);
  CHECK(kase.find("href=\"../../../hoge/kyodo/fields/kodomo/index.html\">子どもの健全育成</a>") != std::string::npos);
  CHECK(kase.find("<a href=\"../../../hoge/groups/hana/index.html\">会</a>") != std::string::npos);
  CHECK(kase.find("<a href=\"tel:0267622111\">0267-62-2111</a>（内線 418）") != std::string::npos);
  CHECK(kase.find("緊急情報</strong> 大雨警報が出ています") != std::string::npos);
  CHECK(kase.find("<a class=\"skip-link\" href=\"#main\">本文へ移動</a>") != std::string::npos);
  CHECK(kase.find("<link rel=\"canonical\" href=\"https://kyodo.example.jp/hoge/cases/hana/\">") != std::string::npos);

  std::string group = ReadText(mem, "site/hoge/groups/hana/index.html");
  CHECK(group.find("この団体が関わった協働事例") != std::string::npos);
  CHECK(group.find("hoge/cases/hana/index.html") != std::string::npos);

  // Newest first, in the city's 和暦.
  std::string list = ReadText(mem, "site/hoge/cases/index.html");
  CHECK(list.find("令和元年5月1日") < list.find("平成22年3月"));

  // The portal index counts the shared term across both cities.
  std::string portal_term = ReadText(mem, "site/kyodo/fields/kodomo/index.html");
  CHECK(portal_term.find("に当たる協働事例は2件です") != std::string::npos);
  CHECK(portal_term.find("ほげ市（1件）") != std::string::npos);
  CHECK(portal_term.find("ふが町（1件）") != std::string::npos);
  // Without an intro in site.yaml or _portal.yaml, no empty intro box.
  CHECK(ReadText(mem, "site/hoge/index.html").find("class=\"intro\"") == std::string::npos);
  CHECK(ReadText(mem, "site/index.html").find("class=\"intro\"") == std::string::npos);
  std::string fuga = ReadText(mem, "site/fuga/cases/yuki/index.html");
  CHECK(fuga.find("2024年1月15日") != std::string::npos);  // seireki is the default style
}

TEST_CASE("a case's own headings sit under its 「事例の内容」 h2; a group's body starts at h2") {
  MemoryDisk mem;
  Setup(&mem);
  mem.Add("content/hoge/cases/old.md",
          "---\ntitle: 古い事例\ndate: 平成22年3月\n---\n本文\n\n## 経緯\n\n続き[^1]\n\n### 平成21年\n\n始まり\n\n[^1]: 注の文\n");
  mem.Add("content/hoge/groups/hana.md",
          "---\ntitle: 特定非営利活動法人 花の会\nkana: はなのかい\nfields: [環境の保全]\n---\n本文\n\n## 活動\n\n植えます\n");
  Diagnostics d;
  BuildResult result;
  REQUIRE(Build(&mem, BuildOptions{}, &result, &d));
  std::string kase = ReadText(mem, "site/hoge/cases/old/index.html");
  size_t section = kase.find("<h2 id=\"body-heading\">事例の内容</h2>");
  REQUIRE(section != std::string::npos);
  CHECK(kase.find("<h3 id=\"経緯\">", section) != std::string::npos);
  CHECK(kase.find("<h4 id=\"平成21年\">", section) != std::string::npos);
  CHECK(kase.find("<h2 id=\"経緯\">") == std::string::npos);
  CHECK(kase.find("<h3 id=\"footnotes\">脚注</h3>", section) != std::string::npos);  // the notes are the case's too
  CHECK(kase.find("<li><a href=\"#経緯\">経緯</a>") != std::string::npos);  // the table of contents still lists it
  std::string group = ReadText(mem, "site/hoge/groups/hana/index.html");
  CHECK(group.find("<h2 id=\"活動\">") != std::string::npos);
}

TEST_CASE("a case's photos get the width and height a browser shows, so the page does not jump as they load") {
  MemoryDisk mem;
  Setup(&mem);
  // A phone photo stored 4032×3024 with EXIF Orientation 6 (held upright): shown 3024×4032.
  const std::string tiff = std::string("MM\0*\0\0\0\x08\0\x01\x01\x12\0\x03\0\0\0\x01\0\x06\0\0\0\0\0\0", 26);
  const std::string app1 = std::string("Exif\0\0", 6) + tiff;
  std::string jpeg = std::string("\xFF\xD8\xFF\xE1\0", 5) + static_cast<char>(app1.size() + 2) + app1;
  jpeg += std::string("\xFF\xC0\0\x11\x08\x0b\xd0\x0f\xc0", 9) + std::string(10, '\0') + std::string("\xFF\xDA\0\x02", 4);
  mem.Add("content/hoge/assets/hana.jpg", jpeg);
  mem.Add("content/hoge/assets/zu.gif", std::string("GIF89a\x40\x01\xf0\0", 10));
  mem.Add("content/hoge/cases/old.md",
          "---\ntitle: 古い事例\ndate: 平成22年3月\nimages:\n  - {src: ../assets/hana.jpg, alt: 花壇}\n"
          "  - {src: ../assets/zu.gif, alt: 図}\n---\n本文\n");
  Diagnostics d;
  BuildResult result;
  REQUIRE(Build(&mem, BuildOptions{}, &result, &d));
  std::string kase = ReadText(mem, "site/hoge/cases/old/index.html");
  CHECK(kase.find("alt=\"花壇\" width=\"3024\" height=\"4032\" loading=\"lazy\">") != std::string::npos);
  CHECK(kase.find("alt=\"図\" width=\"320\" height=\"240\" loading=\"lazy\">") != std::string::npos);
}

TEST_CASE("absolute links under --base-url") {
  MemoryDisk mem;
  Setup(&mem);
  Diagnostics d;
  BuildResult result;
  BuildOptions options;
  options.base_url = "https://example.org/kyodo/";
  REQUIRE(Build(&mem, options, &result, &d));
  std::string kase = ReadText(mem, "site/hoge/cases/hana/index.html");
  CHECK(kase.find("href=\"https://example.org/kyodo/hoge/groups/hana/\"") != std::string::npos);
  CHECK(kase.find("../") == std::string::npos);
}

TEST_CASE("rebuilds: same bytes whatever --jobs, unchanged files kept, stale files removed") {
  MemoryDisk mem;
  Setup(&mem);
  Diagnostics d;
  BuildResult first, second, third;
  BuildOptions one;
  one.jobs = 1;
  REQUIRE(Build(&mem, one, &first, &d));
  std::map<std::string, std::string> before;
  for (const auto& f : mem.FilesUnder("site")) before[f] = ReadText(mem, f);

  BuildOptions many;
  many.jobs = 4;
  REQUIRE(Build(&mem, many, &second, &d));
  std::map<std::string, std::string> after;
  for (const auto& f : mem.FilesUnder("site")) after[f] = ReadText(mem, f);
  CHECK(after == before);
  CHECK(second.unchanged == second.files);

  std::string err;
  mem.RemoveAll("content/hoge/cases/old.md", &err);
  REQUIRE(Build(&mem, many, &third, &d));
  CHECK(mem.Stat("site/hoge/cases/old/index.html") == FileKind::kMissing);
  CHECK(third.unchanged > 0);
  CHECK(third.unchanged < third.files);  // lists and indexes changed
}

TEST_CASE("a content error publishes nothing and keeps the old site") {
  MemoryDisk mem;
  Setup(&mem);
  Diagnostics d;
  BuildResult result;
  REQUIRE(Build(&mem, BuildOptions{}, &result, &d));
  std::string old_index = ReadText(mem, "site/index.html");
  int writes = mem.writes();
  mem.Add("content/hoge/cases/bad.md", "---\ntitle: x\ndate: 平成32年\n---\n");
  Diagnostics d2;
  CHECK_FALSE(Build(&mem, BuildOptions{}, &result, &d2));
  CHECK(d2.ErrorCount() == 1);
  CHECK(ReadText(mem, "site/index.html") == old_index);
  CHECK(mem.writes() == writes);  // not even the staging folder was started
  CHECK(mem.FilesUnder("site.kyodo-new").empty());
}

TEST_CASE("a page with neither a summary nor a paragraph is pointed at: its cards would be blank") {
  MemoryDisk mem;
  Setup(&mem);
  mem.Add("content/hoge/cases/list.md",
          "---\ntitle: 一覧だけの事例\ndate: 2024-04-01\nmodes: [協力・連携]\nfields: [子どもの健全育成]\nactors: [市民]\n"
          "partnership: 市民×行政\n---\n\n- 郷土芸能の披露\n- 防災体験コーナー\n");
  mem.Add("content/hoge/groups.yaml", "- id: ume\n  title: 梅の会\n  kana: うめのかい\n- id: sakura\n  title: 桜の会\n  kana: さくらのかい\n");
  Diagnostics d;
  BuildResult result;
  REQUIRE(Build(&mem, BuildOptions{}, &result, &d));
  REQUIRE(d.items().size() == 3);
  CHECK(d.items()[0].loc.file == "content/hoge/cases/list.md");
  CHECK(d.items()[0].message == "summary がなく本文にも段落がないため、一覧や検索結果に説明が出ません");
  // Each group of a register, at its own id.
  CHECK(d.items()[1].loc.file == "content/hoge/groups.yaml");
  CHECK(d.items()[1].loc.line == 1);
  CHECK(d.items()[1].message == "「ume」は summary がなく本文にも段落がないため、一覧や検索結果に説明が出ません");
  CHECK(d.items()[2].loc.line == 4);
  CHECK(d.items()[2].hint == "summary: に、このページの内容を1〜2文で書いてください");
}

TEST_CASE("a groups.csv row without a summary is told to fill the 概要 column, not a summary: key") {
  MemoryDisk mem;
  Setup(&mem);
  mem.Add("content/hoge/groups.csv", "ID,名称,名称_カナ\nume,梅の会,うめのかい\n");
  Diagnostics d;
  BuildResult result;
  REQUIRE(Build(&mem, BuildOptions{}, &result, &d));
  REQUIRE(d.items().size() == 1);
  CHECK(d.items()[0].loc.file == "content/hoge/groups.csv");
  CHECK(d.items()[0].loc.line == 2);
  CHECK(d.items()[0].hint == "概要（summary）の列に、この団体の内容を1〜2文で書いてください");
}

TEST_CASE("a line break inside a groups.csv 本文 cell (Alt+Enter in Excel) is a line break on the page") {
  MemoryDisk mem;
  Setup(&mem);
  mem.Add("content/hoge/groups.csv",
          "ID,名称,名称_カナ,概要,本文\nume,梅の会,うめのかい,梅を育てる会,\"活動日時：毎月第2土曜日\n場所：公民館\"\n");
  mem.Add("content/hoge/groups/sakura.md",
          "---\ntitle: 桜の会\nkana: さくらのかい\nsummary: 桜\n---\n活動日時：毎月第2土曜日\n場所：公民館\n");
  Diagnostics d;
  BuildResult result;
  REQUIRE(Build(&mem, BuildOptions{}, &result, &d));
  CHECK(ReadText(mem, "site/hoge/groups/ume/index.html").find("<p>活動日時：毎月第2土曜日<br />\n場所：公民館</p>") !=
        std::string::npos);
  // In a Markdown file a line break inside a paragraph is the clerk wrapping a sentence.
  CHECK(ReadText(mem, "site/hoge/groups/sakura/index.html").find("<p>活動日時：毎月第2土曜日場所：公民館</p>") !=
        std::string::npos);
}

TEST_CASE("the contact block shows only the office's own details, never the page's keys of the same name") {
  MemoryDisk mem;
  Setup(&mem);
  mem.Add("content/hoge/policies/shishin.md", "---\ntitle: 協働の指針\n---\n本文\n");
  mem.Add("content/hoge/policies/keikaku.md", "---\ntitle: 推進計画\nparent: shishin\n---\n本文\n");
  Diagnostics d;
  BuildResult result;
  REQUIRE(Build(&mem, BuildOptions{}, &result, &d));
  std::string page = ReadText(mem, "site/hoge/policies/keikaku/index.html");
  CHECK(page.find("<p class=\"contact-name\">ほげ市 協働推進課</p>") != std::string::npos);
}

TEST_CASE("kyodo check writes nothing") {
  MemoryDisk mem;
  Setup(&mem);
  Diagnostics d;
  BuildResult result;
  BuildOptions options;
  options.check_only = true;
  REQUIRE(Build(&mem, options, &result, &d));
  CHECK(mem.FilesUnder("site").empty());
  CHECK(mem.writes() == 0);
  CHECK(result.pages > 10);
}

TEST_CASE("the output folder must be kyodo's own before it is replaced") {
  MemoryDisk mem;
  Setup(&mem);
  mem.Add("site/important.txt", "not ours");
  Diagnostics d;
  BuildResult result;
  CHECK_FALSE(Build(&mem, BuildOptions{}, &result, &d));
  CHECK(d.items().back().message == "出力先のフォルダは kyodo が作ったものではないため、上書きしません");
  CHECK(ReadText(mem, "site/important.txt") == "not ours");
}

TEST_CASE("an alias naming an address the site still has is reported at its line, in check and build alike") {
  for (bool check_only : {true, false}) {
    CAPTURE(check_only);
    MemoryDisk mem;
    Setup(&mem);
    mem.Add("content/hoge/cases/hana.md", "---\ntitle: 花\ndate: 2024-04-01\n---\n本文\n");
    // A renamed page keeps its old address; a new page is later given that same address.
    mem.Add("content/hoge/cases/mori.md",
            "---\ntitle: 森\ndate: 2024-04-01\naliases: [/hoge/old/mori.html, /hoge/cases/hana/, /hoge/]\n---\n本文\n");
    Diagnostics d;
    BuildResult result;
    BuildOptions options;
    options.check_only = check_only;
    CHECK_FALSE(Build(&mem, options, &result, &d));
    REQUIRE(d.ErrorCount() == 2);
    CHECK(d.items()[0].loc.file == "content/hoge/cases/mori.md");
    CHECK(d.items()[0].loc.line == 4);
    CHECK(d.items()[0].message ==
          "aliases の「/hoge/cases/hana/」は、content/hoge/cases/hana.md のページのアドレスと同じです");
    CHECK(d.items()[1].loc.line == 4);
    CHECK(d.items()[1].message == "aliases の「/hoge/」は、このサイトにあるページのアドレスと同じです");
  }
}

TEST_CASE("symlinks that leave content/ are refused") {
  MemoryDisk mem;
  Setup(&mem);
  mem.AddSymlink("content/hoge/cases/passwd.md", "/etc/passwd");
  Diagnostics d;
  BuildResult result;
  BuildOptions options;
  options.check_only = true;
  CHECK_FALSE(Build(&mem, options, &result, &d));
  REQUIRE(d.ErrorCount() == 1);
  CHECK(d.items()[0].loc.file == "content/hoge/cases/passwd.md");
  CHECK(d.items()[0].message == "content/ の外を指すシンボリックリンクは使えません");
}

}  // namespace kyodo
