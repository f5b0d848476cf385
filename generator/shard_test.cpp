// Sharded builds on a MemoryDisk: three cities built at once, then each as its own
// shard plus the portal step; the folders copied together must be the one-shot
// build, file for file and byte for byte.
#include <doctest/doctest.h>

#include <map>

#include "fixture_util.h"
#include "manifest.h"
#include "site.h"

namespace kyodo {
// A namespace of its own: unity builds put several test files in one translation unit.
namespace shard_test {

namespace {

// The golden fixture's two towns (kita links to a case of minami) and a third
// in the machi theme with its own colour and logo, 和暦, a banner, forms with a
// deadline and a 様式 file, a bulk group register and a plan with progress.
constexpr const char* kHigashi = R"(-- content/_portal.yaml --
title: 分割ビルドの試験ポータル
base_url: https://golden.example.jp/kyodo/
intro: 三つのまちの**協働事例**を集めたポータルです。
cities: [minami, kita, higashi]
-- content/higashi/site.yaml --
name: 東村
kana: ひがしむら
prefecture: 長野県
code: "202061"
theme: machi
tokens: {color_primary: "#1e6b3a", logo: logo.svg}
date_style: wareki
contact: jumin
banner: {level: emergency, text: 大雪のため窓口を閉じています}
intro: |
  東村の協働のページです。[南町の祭り](../minami/cases/matsuri.md#top)も見てください。
-- content/higashi/orgs.yaml --
jumin: {name: 住民課, tel: "0266-00-0000", email: jumin@example.jp}
-- content/higashi/assets/logo.svg --
<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"></svg>
-- content/higashi/assets/yoshiki/teian.pdf --
%PDF-1.4 様式
-- content/higashi/cases/yukimichi.md --
---
title: 雪道の見守り
date: 令和5年12月1日
modes: [協力・連携]
fields: [保健・医療・福祉]
actors: [市民]
partnership: 市民×行政
groups: [mimamori]
images:
  - {src: ../assets/logo.svg, alt: 村の印}
---

## 経緯

[見守り隊](../groups/mimamori.md)と村が、[南町の雪かき](../../minami/cases/yukikaki.md)に倣って始めました。
![南町の雪](../../minami/assets/yuki.png)
[南町の活動報告書](../../minami/assets/yoshiki/houkoku.pdf)と[村の様式](../assets/yoshiki/teian.pdf)。
-- content/higashi/groups.yaml --
- id: mimamori
  title: 東村見守り隊
  kana: ひがしむらみまもりたい
  fields: [保健・医療・福祉]
  area: 東地区
  established: 平成30年4月
  body: 冬の朝に通学路を見守ります。
- id: npo-higashi
  title: 特定非営利活動法人 ひがし
  kana: ひがし
  area: 西地区
  body: 村の NPO です。
-- content/higashi/policies/keikaku.md --
---
title: 東村協働推進計画
date: 令和6年度
kind: 計画
period: R6–R10
basic_policies:
  - {title: 担い手を育てます, measures: [講座, 研修]}
progress:
  - {measure: 講座の開催, status: 実施中, percent: 0}
---

計画の本文です。
-- content/higashi/news/kaisetsu.md --
---
title: 協働のページを開設しました
date: 2024-04-01
---

開設しました。
-- content/higashi/forms/teian.yaml --
title: 協働の提案
summary: 村へ協働を提案する様式です。
deadline: 2026-03-31
steps: [印刷します, 提出します]
fields:
  - {name: applicant, label: 氏名, required: true}
  - {name: kind, type: radio, label: 種別, options: [提案, 相談]}
downloads:
  - {title: 提案書, src: ../assets/yoshiki/teian.pdf}
-- content/higashi/forms/sodan.yaml --
title: 協働の相談
action: mailto:jumin@example.jp
fields:
  - {name: body, type: textarea, label: 相談の内容, required: true}
)";

void Setup(MemoryDisk* mem) {
  RealDisk real;
  LoadTree(real, SourceDir() + "/templates", "templates", mem);
  LoadTree(real, SourceDir() + "/themes", "themes", mem);
  LoadTree(real, SourceDir() + "/tests/sites/basic/content", "content", mem);
  AddTxtar(kHigashi, mem);
}

BuildOptions Options(const std::string& out) {
  BuildOptions options;
  options.out_dir = out;
  options.build_date = {2026, 4, 1, DatePrecision::kDay};
  options.jobs = 2;
  return options;
}

bool BuildOneShot(MemoryDisk* mem, const std::string& out, Diagnostics* d) {
  BuildResult result;
  return BuildSite(*mem, Options(out), &result, d);
}

bool BuildShard(MemoryDisk* mem, const std::vector<std::string>& cities, const std::string& out, Diagnostics* d,
                Date date = {2026, 4, 1, DatePrecision::kDay}) {
  BuildOptions options = Options(out);
  options.cities = cities;
  options.shard = true;
  options.build_date = date;
  BuildResult result;
  return BuildSite(*mem, options, &result, d);
}

bool BuildPortal(MemoryDisk* mem, const std::vector<std::string>& from, const std::string& out, Diagnostics* d) {
  BuildOptions options = Options(out);
  options.portal_from = from;
  BuildResult result;
  return BuildSite(*mem, options, &result, d);
}

/// The files under `dir`, by path relative to it.
std::map<std::string, std::string> Tree(const MemoryDisk& mem, const std::string& dir) {
  std::map<std::string, std::string> out;
  for (const std::string& path : mem.FilesUnder(dir)) out[path.substr(dir.size() + 1)] = ReadText(mem, path);
  return out;
}

/// `cp -r` of each folder into one, leaving out the shards' _kyodo/. Records any
/// file two folders both wrote (only the empty marker file may be).
std::map<std::string, std::string> Merge(const MemoryDisk& mem, const std::vector<std::string>& dirs,
                                         std::vector<std::string>* twice) {
  std::map<std::string, std::string> merged;
  for (const std::string& dir : dirs) {
    for (auto& [path, bytes] : Tree(mem, dir)) {
      if (path.rfind("_kyodo/", 0) == 0) continue;
      if (merged.count(path) && path != ".kyodo-site") twice->push_back(path);
      merged[path] = std::move(bytes);
    }
  }
  return merged;
}

/// The paths whose bytes differ or that only one tree has, a line each ("" when the trees are equal).
std::string Differences(const std::map<std::string, std::string>& a, const std::map<std::string, std::string>& b) {
  std::string out;
  for (const auto& [path, bytes] : a) {
    auto it = b.find(path);
    if (it == b.end()) out += "only in the first: " + path + "\n";
    if (it != b.end() && it->second != bytes) out += "differs: " + path + "\n";
  }
  for (const auto& [path, bytes] : b) {
    if (!a.count(path)) out += "only in the second: " + path + "\n";
  }
  return out;
}

std::string Lines(const std::vector<std::string>& paths) {
  std::string out;
  for (const std::string& p : paths) out += p + "\n";
  return out;
}

/// The errors (the sample's content also has warnings), in order.
std::vector<Diagnostic> Errors(const Diagnostics& d) {
  std::vector<Diagnostic> out;
  for (const Diagnostic& item : d.items()) {
    if (item.severity == Severity::kError) out.push_back(item);
  }
  return out;
}

std::string Messages(const Diagnostics& d) {
  std::string out;
  for (const Diagnostic& item : Errors(d)) {
    out += item.loc.file + ":" + std::to_string(item.loc.line) + ": " + item.message + "\n";
  }
  return out;
}

}  // namespace

TEST_CASE("three cities built as shards plus the portal step equal the one-shot build, byte for byte") {
  MemoryDisk mem;
  Setup(&mem);
  Diagnostics d;
  REQUIRE(BuildOneShot(&mem, "site", &d));
  for (std::string city : {"minami", "kita", "higashi"}) {
    CAPTURE(city);
    REQUIRE_MESSAGE(BuildShard(&mem, {city}, "shards/" + city, &d), Messages(d));
  }
  REQUIRE_MESSAGE(BuildPortal(&mem, {"shards/minami", "shards/kita", "shards/higashi"}, "portal", &d), Messages(d));

  std::map<std::string, std::string> oneshot = Tree(mem, "site");
  std::vector<std::string> twice;
  std::map<std::string, std::string> merged =
      Merge(mem, {"shards/minami", "shards/kita", "shards/higashi", "portal"}, &twice);
  CHECK(oneshot.size() > 200);
  CHECK(Differences(oneshot, merged) == "");
  CHECK(Lines(twice) == "");  // each file has one writer

  // Who wrote what: a shard only its city's folder and manifest, the portal step the rest.
  for (const auto& file : Tree(mem, "shards/kita")) {
    const std::string& path = file.first;
    CAPTURE(path);
    CHECK((path.rfind("kita/", 0) == 0 || path == "_kyodo/manifests/kita.json" || path == ".kyodo-site"));
  }
  std::map<std::string, std::string> portal = Tree(mem, "portal");
  for (const char* path : {"index.html", "404.html", "search/meta.js", "kita/search/meta.js",
                           "kita/accessibility/index.html", "kita/feed.xml", "sitemap.xml", "robots.txt"}) {
    CAPTURE(path);
    CHECK(portal.count(path) == 1);
  }
  auto machi_css = portal.lower_bound("assets/machi/style.");  // named by its content hash
  CHECK((machi_css != portal.end() && machi_css->first.rfind("assets/machi/style.", 0) == 0));
  CHECK(Tree(mem, "shards/kita").count("kita/search/index.html") == 1);  // the page; its index is the portal step's

  // Links into another city were pointed by name in their shard and checked by the portal step.
  std::string kita_manifest = ReadText(mem, "shards/kita/_kyodo/manifests/kita.json");
  CHECK(kita_manifest.find("\"site_path\":\"minami/cases/yukikaki/\"") != std::string::npos);
  std::string higashi_case = ReadText(mem, "shards/higashi/higashi/cases/yukimichi/index.html");
  CHECK(higashi_case.find("href=\"../../../minami/cases/yukikaki/index.html\"") != std::string::npos);
  CHECK(higashi_case.find("src=\"../../../minami/assets/yuki.png\"") != std::string::npos);
}

TEST_CASE("a shard may hold several cities, and relative links come out the same") {
  MemoryDisk mem;
  Setup(&mem);
  Diagnostics d;
  BuildOptions oneshot = Options("site");
  oneshot.base_url.clear();
  mem.Add("content/_portal.yaml", "title: 相対リンクのポータル\ncities: [minami, kita, higashi]\n");
  BuildResult r;
  REQUIRE(BuildSite(mem, oneshot, &r, &d));
  REQUIRE_MESSAGE(BuildShard(&mem, {"minami", "kita"}, "shards/a", &d), Messages(d));
  REQUIRE_MESSAGE(BuildShard(&mem, {"higashi"}, "shards/b", &d), Messages(d));
  REQUIRE_MESSAGE(BuildPortal(&mem, {"shards/b", "shards/a"}, "portal", &d), Messages(d));
  CHECK(mem.Stat("shards/a/_kyodo/manifests/minami.json") == FileKind::kFile);
  CHECK(mem.Stat("shards/a/_kyodo/manifests/kita.json") == FileKind::kFile);
  std::vector<std::string> twice;
  CHECK(Differences(Tree(mem, "site"), Merge(mem, {"shards/a", "shards/b", "portal"}, &twice)) == "");
  CHECK(Lines(twice) == "");
  CHECK(mem.Stat("site/sitemap.xml") == FileKind::kMissing);  // no absolute base: no feeds or sitemap
}

TEST_CASE("the portal step refuses missing, doubled and mismatched shards and writes nothing") {
  MemoryDisk mem;
  Setup(&mem);
  Diagnostics d;
  REQUIRE(BuildShard(&mem, {"minami"}, "shards/minami", &d));
  REQUIRE(BuildShard(&mem, {"kita"}, "shards/kita", &d));
  REQUIRE(BuildShard(&mem, {"kita"}, "shards/kita-again", &d));
  REQUIRE(BuildShard(&mem, {"higashi"}, "shards/higashi-old", &d, {2026, 3, 31, DatePrecision::kDay}));
  CHECK_FALSE(d.HasErrors());

  Diagnostics missing;
  CHECK_FALSE(BuildPortal(&mem, {"shards/minami", "shards/kita"}, "portal", &missing));
  CHECK(Messages(missing) == "content/higashi:0: 「higashi」のマニフェストがありません\n");
  CHECK(Errors(missing)[0].hint ==
        "kyodo build --city higashi --out DIR で作り、その DIR を --portal-from に加えてください");

  Diagnostics wrong;
  CHECK_FALSE(BuildPortal(&mem, {"shards/minami", "shards/kita", "shards/kita-again", "shards/higashi-old", "content"},
                          "portal", &wrong));
  CHECK(Messages(wrong) ==
        "content:0: 市町村ごとのビルドの出力ではありません（_kyodo/manifests/ がありません）\n"
        "shards/higashi-old/_kyodo/manifests/higashi.json:0: "
        "マニフェストは 2026-03-31 の日付で作られています（このビルドは 2026-04-01）\n"
        "shards/kita-again/_kyodo/manifests/kita.json:0: 「kita」のマニフェストが shards/kita/_kyodo/manifests/kita.json にもあります\n");
  CHECK(mem.Stat("portal") == FileKind::kMissing);

  // A damaged manifest is reported once, as itself, not also as missing.
  mem.Add("shards/kita/_kyodo/manifests/kita.json", "{\"format\": 1,");
  Diagnostics damaged;
  CHECK_FALSE(BuildPortal(&mem, {"shards/minami", "shards/kita"}, "portal", &damaged));
  CHECK(Messages(damaged) == "content/higashi:0: 「higashi」のマニフェストがありません\n"
                             "shards/kita/_kyodo/manifests/kita.json:0: マニフェストが JSON として読めません（14 バイト目）\n");
}

TEST_CASE("links into other cities: checked by the portal step, refused when a shard cannot know the file") {
  MemoryDisk mem;
  Setup(&mem);
  mem.Add("content/minami/cases/renamed.md", "---\ntitle: 名前を変えた事例\ndate: 2020-01-01\nslug: betsu-mei\n---\n本文\n");
  mem.Add("content/kita/cases/links.md",
          "---\ntitle: リンク\ndate: 2020-01-01\n---\n[改名](../../minami/cases/renamed.md) と [ない](../../minami/cases/nai.md)\n");
  Diagnostics oneshot;
  CHECK_FALSE(BuildOneShot(&mem, "site", &oneshot));
  CHECK(Messages(oneshot) == "content/kita/cases/links.md:5: リンク先「../../minami/cases/nai.md」が見つかりません\n");

  Diagnostics d;
  REQUIRE(BuildShard(&mem, {"minami"}, "shards/minami", &d));
  REQUIRE(BuildShard(&mem, {"kita"}, "shards/kita", &d));  // it cannot tell: the portal step does
  REQUIRE(BuildShard(&mem, {"higashi"}, "shards/higashi", &d));
  Diagnostics portal;
  CHECK_FALSE(BuildPortal(&mem, {"shards/minami", "shards/kita", "shards/higashi"}, "portal", &portal));
  std::vector<Diagnostic> got = Errors(portal), want = Errors(oneshot);
  REQUIRE(got.size() == 2);
  CHECK(got[0].message == "リンク先「../../minami/cases/renamed.md」の URL は minami/cases/betsu-mei/ です（front matter の slug:）");
  CHECK(got[0].hint == "市町村ごとのビルドでは、他の市町村へのリンクはファイル名の URL（minami/cases/renamed/）になります。"
                                  "--city で両方の市町村を同じビルドに加えてください");
  CHECK(got[0].loc.col == 1);
  // The missing page is reported as the one-shot build reports it.
  REQUIRE(want.size() == 1);
  CHECK(got[1].message == want[0].message);
  CHECK(got[1].hint == want[0].hint);
  CHECK(got[1].loc.file == want[0].loc.file);
  CHECK(got[1].loc.line == want[0].loc.line);
  CHECK(got[1].loc.col == want[0].loc.col);

  // Together in one shard, the renamed page is found as in a one-shot build.
  mem.Add("content/kita/cases/links.md", "---\ntitle: リンク\ndate: 2020-01-01\n---\n[改名](../../minami/cases/renamed.md)\n");
  REQUIRE(BuildShard(&mem, {"minami", "kita"}, "shards/both", &d));
  CHECK(ReadText(mem, "shards/both/kita/cases/links/index.html").find("minami/cases/betsu-mei/") != std::string::npos);

  // A front-matter file of another city: its size labels the link, which a shard cannot know.
  mem.Add("content/kita/cases/links.md",
          "---\ntitle: リンク\ndate: 2020-01-01\nattachments:\n  - {title: 報告書, src: ../../minami/assets/yoshiki/houkoku.pdf}\n---\n本文\n");
  Diagnostics refused;
  CHECK_FALSE(BuildShard(&mem, {"kita"}, "shards/kita", &refused));
  CHECK(Messages(refused) == "content/kita/cases/links.md:5: "
                             "他の市町村（minami）のファイル「../../minami/assets/yoshiki/houkoku.pdf」は、"
                             "市町村ごとのビルド（--city）では使えません\n");
  CHECK(Errors(refused)[0].hint == "--city minami も同じビルドに加えるか、ファイルを content/kita/assets/ に置いてください");

  // An old address outside the city's folder could clash with another shard's file unseen.
  mem.Add("content/kita/cases/links.md", "---\ntitle: リンク\ndate: 2020-01-01\naliases: [/old/links.html, kita/old/links/]\n---\n本文\n");
  Diagnostics outside;
  CHECK_FALSE(BuildShard(&mem, {"kita"}, "shards/kita", &outside));
  CHECK(Messages(outside) ==
        "content/kita/cases/links.md:4: aliases の「old/links.html」は kita/ の外なので、市町村ごとのビルド（--city）では書き出せません\n");
  Diagnostics whole;
  CHECK(BuildOneShot(&mem, "site", &whole));  // a whole build can: it sees every file
  CHECK(mem.Stat("site/old/links.html") == FileKind::kFile);
}

}  // namespace shard_test
}  // namespace kyodo
