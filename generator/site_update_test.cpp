// kyodo serve's incremental updates: an edit re-renders what it affects, no more
// and no less, and the result equals a fresh build of the edited content.
#include <doctest/doctest.h>

#include <memory>

#include "fixture_util.h"
#include "site.h"

namespace kyodo {

namespace {

constexpr const char* kUpdateSite = R"(-- content/_portal.yaml --
title: 試験ポータル
base_url: https://kyodo.example.jp/
-- content/_taxonomies.yaml --
modes: {label: 協働の形態, terms: [{name: 協力・連携, slug: kyoryoku}, {name: 共催, slug: kyosai}]}
fields: {label: 分野, terms: [{name: 子どもの健全育成, slug: kodomo}, {name: 環境の保全, slug: kankyo}]}
actors: {label: 主体, terms: [{name: 市民, slug: shimin}]}
partnership: {label: 協働の型, terms: [{name: 市民×行政, slug: shimin-gyosei}]}
-- content/hoge/site.yaml --
name: ほげ市
kana: ほげし
prefecture: 長野県
code: "202177"
contact: kyodo
-- content/hoge/orgs.yaml --
kyodo: {name: 協働推進課}
-- content/hoge/cases/hana.md --
---
title: 花の植栽
date: 2024-04-01
modes: [協力・連携]
fields: [環境の保全]
groups: [hana]
---
花を植えました。
-- content/hoge/cases/yuki.md --
---
title: 雪かき
date: 2023-01-10
modes: [共催]
fields: [子どもの健全育成]
---
雪かきをしました。
-- content/hoge/forms/teian.yaml --
title: 協働の提案
downloads:
  - {title: 提案書, src: ../assets/teian.pdf}
-- content/hoge/assets/teian.pdf --
%PDF-1.4
-- content/hoge/groups/hana.md --
---
title: 花の会
kana: はなのかい
---
花の会です。
)";

struct Fixture {
  MemoryDisk disk;
  BuildOptions options;
  Fixture() {
    RealDisk real;
    LoadTree(real, SourceDir() + "/templates", "templates", &disk);
    LoadTree(real, SourceDir() + "/themes", "themes", &disk);
    AddTxtar(kUpdateSite, &disk);
    options.build_date = {2026, 4, 1, DatePrecision::kDay};
    options.jobs = 2;
  }
  std::map<std::string, std::string> Output(const std::string& dir = "site") const {
    std::map<std::string, std::string> out;
    for (const std::string& f : disk.FilesUnder(dir)) out[f.substr(dir.size() + 1)] = ReadText(disk, f);
    out.erase(".kyodo-site");
    return out;
  }
  // The site built once, ready for its updates.
  std::unique_ptr<Site> Built() {
    auto site = std::make_unique<Site>(&disk, options);
    Diagnostics d;
    BuildResult built;
    REQUIRE(site->Build(&built, &d));
    return site;
  }
  // A fresh build of the content as it is now, into another folder.
  std::map<std::string, std::string> Fresh() {
    BuildOptions o = options;
    o.out_dir = "fresh";
    std::string err;
    disk.RemoveAll("fresh", &err);
    Diagnostics d;
    BuildResult r;
    REQUIRE(BuildSite(disk, o, &r, &d));
    return Output("fresh");
  }
};

// Equal outputs, or the first file that differs (for the failure message).
std::string Difference(const std::map<std::string, std::string>& a, const std::map<std::string, std::string>& b) {
  for (const auto& [path, bytes] : a) {
    auto it = b.find(path);
    if (it == b.end()) return path + " only after the update";
    if (it->second != bytes) {
      size_t i = 0;
      while (i < bytes.size() && i < it->second.size() && bytes[i] == it->second[i]) ++i;
      return path + " differs at byte " + std::to_string(i) + ": …" + bytes.substr(i > 40 ? i - 40 : 0, 120) +
             "… vs fresh …" + it->second.substr(i > 40 ? i - 40 : 0, 120);
    }
  }
  for (const auto& [path, bytes] : b) {
    if (!a.count(path)) return path + " only in the fresh build";
  }
  return "";
}

bool Contains(const std::vector<std::string>& v, const std::string& s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

}  // namespace

TEST_CASE("a body edit re-renders that page only; the result equals a fresh build") {
  Fixture f;
  std::unique_ptr<Site> site = f.Built();
  Diagnostics d;
  f.disk.Add("content/hoge/cases/hana.md",
             "---\ntitle: 花の植栽\ndate: 2024-04-01\nsummary: 花を植えました。\nmodes: [協力・連携]\nfields: [環境の保全]\n"
             "groups: [hana]\n---\n花を植えて、水やりの当番を決めました。\n");
  UpdateResult u;
  bool notified = false;
  REQUIRE(site->Update({"content/hoge/cases/hana.md"}, &u, &d, [&](const UpdateResult&) { notified = true; }));
  CHECK(notified);
  CHECK_FALSE(u.full);
  CHECK(Contains(u.changed, "hoge/cases/hana/index.html"));
  CHECK_FALSE(Contains(u.changed, "hoge/cases/index.html"));  // its summary in lists did not change
  CHECK(Difference(f.Output(), f.Fresh()) == "");
}

TEST_CASE("a title edit re-renders the pages that show it") {
  Fixture f;
  std::unique_ptr<Site> site = f.Built();
  Diagnostics d;
  std::string text = ReadText(f.disk, "content/hoge/cases/hana.md");
  text.replace(text.find("花の植栽"), std::string("花の植栽").size(), "花街道の植栽");
  f.disk.Add("content/hoge/cases/hana.md", text);
  UpdateResult u;
  REQUIRE(site->Update({"content/hoge/cases/hana.md"}, &u, &d));
  CHECK_FALSE(u.full);
  for (const char* page : {"hoge/cases/hana/index.html", "hoge/cases/index.html", "hoge/groups/hana/index.html",
                           "hoge/kyodo/modes/kyoryoku/index.html", "kyodo/modes/kyoryoku/index.html", "index.html"}) {
    CAPTURE(page);
    CHECK(Contains(u.changed, page));
  }
  CHECK_FALSE(Contains(u.changed, "hoge/cases/yuki/index.html"));
  CHECK(ReadText(f.disk, "site/hoge/groups/hana/index.html").find("花街道の植栽") != std::string::npos);
  CHECK(Difference(f.Output(), f.Fresh()) == "");
}

TEST_CASE("moving a case to another term and date updates every list, as a fresh build would") {
  Fixture f;
  std::unique_ptr<Site> site = f.Built();
  Diagnostics d;
  f.disk.Add("content/hoge/cases/yuki.md",
             "---\ntitle: 雪かき\ndate: 2025-01-10\nmodes: [協力・連携]\nfields: [環境の保全]\n---\n雪かきをしました。\n");
  UpdateResult u;
  REQUIRE(site->Update({"content/hoge/cases/yuki.md"}, &u, &d));
  CHECK_FALSE(u.full);
  CHECK(ReadText(f.disk, "site/hoge/kyodo/modes/kyosai/index.html").find("雪かき</a>") == std::string::npos);
  CHECK(ReadText(f.disk, "site/hoge/kyodo/modes/kyoryoku/index.html").find("雪かき</a>") != std::string::npos);
  CHECK(Difference(f.Output(), f.Fresh()) == "");
}

TEST_CASE("a date written more precisely (2024-04 → 2024-04-01) updates the lists that show it") {
  Fixture f;
  f.disk.Add("content/hoge/cases/hana.md",
             "---\ntitle: 花の植栽\ndate: 2024-04\nmodes: [協力・連携]\nfields: [環境の保全]\ngroups: [hana]\n---\n花を植えました。\n");
  std::unique_ptr<Site> site = f.Built();
  Diagnostics d;
  f.disk.Add("content/hoge/cases/hana.md",
             "---\ntitle: 花の植栽\ndate: 2024-04-01\nmodes: [協力・連携]\nfields: [環境の保全]\ngroups: [hana]\n---\n花を植えました。\n");
  UpdateResult u;
  REQUIRE(site->Update({"content/hoge/cases/hana.md"}, &u, &d));
  CHECK_FALSE(u.full);
  CHECK(Difference(f.Output(), f.Fresh()) == "");
}

TEST_CASE("an alias added to a page writes its redirect page; removing the alias removes it") {
  Fixture f;
  std::unique_ptr<Site> site = f.Built();
  Diagnostics d;
  const std::string text = ReadText(f.disk, "content/hoge/cases/yuki.md");
  f.disk.Add("content/hoge/cases/yuki.md", "---\naliases: [/hoge/old/yuki.html]" + text.substr(3));
  UpdateResult added;
  REQUIRE(site->Update({"content/hoge/cases/yuki.md"}, &added, &d));
  CHECK(ReadText(f.disk, "site/hoge/old/yuki.html").find("ページが移動しました") != std::string::npos);
  CHECK(Contains(added.changed, "hoge/old/yuki.html"));
  CHECK(Difference(f.Output(), f.Fresh()) == "");
  f.disk.Add("content/hoge/cases/yuki.md", text);
  UpdateResult removed;
  REQUIRE(site->Update({"content/hoge/cases/yuki.md"}, &removed, &d));
  CHECK(f.disk.Stat("site/hoge/old/yuki.html") == FileKind::kMissing);
  CHECK(f.disk.Stat("site/hoge/old") == FileKind::kMissing);
  CHECK(Difference(f.Output(), f.Fresh()) == "");
}

TEST_CASE("a policy given a parent (or moved to another) appears in the list on its new parent's page") {
  Fixture f;
  f.disk.Add("content/hoge/policies/shishin.md", "---\ntitle: 協働の指針\n---\n指針です。\n");
  f.disk.Add("content/hoge/policies/hoshin.md", "---\ntitle: 協働の方針\n---\n方針です。\n");
  f.disk.Add("content/hoge/policies/keikaku.md", "---\ntitle: 推進計画\n---\n計画です。\n");
  std::unique_ptr<Site> site = f.Built();
  for (const char* parent : {"shishin", "hoshin"}) {
    CAPTURE(parent);
    Diagnostics d;
    f.disk.Add("content/hoge/policies/keikaku.md", std::string("---\ntitle: 推進計画\nparent: ") + parent + "\n---\n計画です。\n");
    UpdateResult u;
    REQUIRE(site->Update({"content/hoge/policies/keikaku.md"}, &u, &d));
    CHECK(ReadText(f.disk, std::string("site/hoge/policies/") + parent + "/index.html").find("推進計画") != std::string::npos);
    CHECK(Difference(f.Output(), f.Fresh()) == "");
  }
}

TEST_CASE("a form's new weight reorders the forms lists, as a fresh build orders them") {
  Fixture f;
  f.disk.Add("content/hoge/forms/toroku.yaml",
             "title: 団体の登録\ndownloads:\n  - {title: 登録書, src: ../assets/teian.pdf}\nweight: 2\n");
  f.disk.Add("content/hoge/forms/teian.yaml", ReadText(f.disk, "content/hoge/forms/teian.yaml") + "weight: 1\n");
  std::unique_ptr<Site> site = f.Built();
  const std::string list = ReadText(f.disk, "site/hoge/forms/index.html");
  REQUIRE(list.find(">協働の提案</a>") < list.find(">団体の登録</a>"));
  f.disk.Add("content/hoge/forms/teian.yaml",
             "title: 協働の提案\ndownloads:\n  - {title: 提案書, src: ../assets/teian.pdf}\nweight: 3\n");
  Diagnostics d;
  UpdateResult u;
  REQUIRE(site->Update({"content/hoge/forms/teian.yaml"}, &u, &d));
  const std::string now = ReadText(f.disk, "site/hoge/forms/index.html");
  CHECK(now.find(">団体の登録</a>") < now.find(">協働の提案</a>"));
  CHECK(Difference(f.Output(), f.Fresh()) == "");
}

TEST_CASE("serve started on broken content: the fix publishes a site kyodo build accepts, without the old site's leftovers") {
  Fixture f;
  f.disk.Add("site/.kyodo-site", "");
  f.disk.Add("site/hoge/cases/furui/index.html", "前のビルドの、今はない事例");  // an earlier kyodo build
  const std::string good = ReadText(f.disk, "content/hoge/cases/yuki.md");
  f.disk.Add("content/hoge/cases/yuki.md", "---\ntitle: 雪かき\ndate: 平成32年\n---\n本文\n");
  Site site(&f.disk, f.options);
  Diagnostics first;
  BuildResult built;
  REQUIRE_FALSE(site.Build(&built, &first));
  f.disk.Add("content/hoge/cases/yuki.md", good);
  Diagnostics d;
  UpdateResult u;
  REQUIRE(site.Update({"content/hoge/cases/yuki.md"}, &u, &d));
  CHECK(f.disk.Stat("site/hoge/cases/furui") == FileKind::kMissing);
  CHECK(Difference(f.Output(), f.Fresh()) == "");

  // The same into a new folder: it is marked as kyodo's, so kyodo build later replaces it.
  std::string err;
  f.disk.RemoveAll("site", &err);
  f.disk.Add("content/hoge/cases/yuki.md", "---\ntitle: 雪かき\ndate: 平成32年\n---\n本文\n");
  Site again(&f.disk, f.options);
  Diagnostics broken;
  REQUIRE_FALSE(again.Build(&built, &broken));
  f.disk.Add("content/hoge/cases/yuki.md", good);
  Diagnostics fixed;
  REQUIRE(again.Update({"content/hoge/cases/yuki.md"}, &u, &fixed));
  CHECK(f.disk.Stat("site/.kyodo-site") == FileKind::kFile);
  Diagnostics rebuilt;
  CHECK(BuildSite(f.disk, f.options, &built, &rebuilt));
}

TEST_CASE("serve never writes into a folder kyodo build refused as not kyodo's") {
  Fixture f;
  f.disk.Add("site/index.html", "自分のページ");
  Site site(&f.disk, f.options);
  Diagnostics first;
  BuildResult built;
  REQUIRE_FALSE(site.Build(&built, &first));
  Diagnostics d;
  UpdateResult u;
  CHECK_FALSE(site.Update({"content/hoge/cases/yuki.md"}, &u, &d));
  REQUIRE(d.ErrorCount() == 1);
  CHECK(d.items()[0].message == "出力先のフォルダは kyodo が作ったものではないため、上書きしません");
  CHECK(f.disk.FilesUnder("site") == std::vector<std::string>{"site/index.html"});
  CHECK(ReadText(f.disk, "site/index.html") == "自分のページ");
}

TEST_CASE("new files, template edits and site.yaml edits rebuild everything; removed pages disappear") {
  Fixture f;
  std::unique_ptr<Site> site = f.Built();
  Diagnostics d;
  f.disk.Add("content/hoge/cases/mori.md", "---\ntitle: 森づくり\ndate: 2022-05-05\n---\n森です。\n");
  UpdateResult added;
  REQUIRE(site->Update({"content/hoge/cases/mori.md"}, &added, &d));
  CHECK(added.full);
  CHECK(f.disk.Stat("site/hoge/cases/mori/index.html") == FileKind::kFile);
  std::string err;
  f.disk.RemoveAll("content/hoge/cases/mori.md", &err);
  UpdateResult removed;
  REQUIRE(site->Update({"content/hoge/cases/mori.md"}, &removed, &d));
  CHECK(f.disk.Stat("site/hoge/cases/mori/index.html") == FileKind::kMissing);
  f.disk.Add("templates/partials/layout_bottom.mustache",
             ReadText(f.disk, "templates/partials/layout_bottom.mustache") + "<!-- 変更 -->\n");
  UpdateResult templ;
  REQUIRE(site->Update({"templates/partials/layout_bottom.mustache"}, &templ, &d));
  CHECK(templ.full);
  CHECK(ReadText(f.disk, "site/hoge/cases/yuki/index.html").find("<!-- 変更 -->") != std::string::npos);
  CHECK(Difference(f.Output(), f.Fresh()) == "");
}

TEST_CASE("a broken edit reports its error and changes nothing; the fix then goes through") {
  Fixture f;
  std::unique_ptr<Site> site = f.Built();
  auto before = f.Output();
  f.disk.Add("content/hoge/cases/hana.md", "---\ntitle: 花の植栽\ndate: 平成32年\n---\n");
  UpdateResult u;
  Diagnostics bad;
  CHECK_FALSE(site->Update({"content/hoge/cases/hana.md"}, &u, &bad));
  REQUIRE(bad.ErrorCount() == 1);
  CHECK(bad.items()[0].loc.line == 3);
  CHECK(f.Output() == before);
  f.disk.Add("content/hoge/cases/hana.md", "---\ntitle: 花の植栽\ndate: 令和2年\n---\n直しました。\n");
  Diagnostics good;
  REQUIRE(site->Update({"content/hoge/cases/hana.md"}, &u, &good));
  CHECK(ReadText(f.disk, "site/hoge/cases/hana/index.html").find("直しました。") != std::string::npos);
  CHECK(Difference(f.Output(), f.Fresh()) == "");
}

TEST_CASE("an edit whose error shows only when its page renders changes no file either") {
  Fixture f;
  std::unique_ptr<Site> site = f.Built();
  auto before = f.Output();
  f.disk.Add("content/hoge/cases/hana.md", "---\ntitle: 花の植栽\ndate: 2024-04-01\n---\n[](https://example.jp/)\n");
  UpdateResult u;
  Diagnostics bad;
  CHECK_FALSE(site->Update({"content/hoge/cases/hana.md"}, &u, &bad));
  CHECK(bad.ErrorCount() == 1);
  CHECK(f.Output() == before);
  Diagnostics again;  // a full pass (a theme or site.yaml save) holds it back too
  CHECK_FALSE(site->Update({"content/hoge/site.yaml"}, &u, &again));
  CHECK(f.Output() == before);
}

TEST_CASE("with --strict an edit that adds a warning is refused as an error is, in place and in full") {
  Fixture f;
  f.options.strict = true;
  std::unique_ptr<Site> site = f.Built();
  auto before = f.Output();
  f.disk.Add("content/hoge/cases/hana.md", "---\ntitle: 花の植栽\ndate: 2024-04-01\n---\n# 見出し\n\n直しました。\n");
  UpdateResult u;
  Diagnostics warned;
  CHECK_FALSE(site->Update({"content/hoge/cases/hana.md"}, &u, &warned));
  CHECK(warned.ErrorCount() == 0);
  CHECK(warned.WarningCount() == 1);
  CHECK(f.Output() == before);
  Diagnostics again;  // the next save starts from the files, and is refused too
  CHECK_FALSE(site->Update({"content/hoge/site.yaml"}, &u, &again));
  CHECK(again.WarningCount() == 1);
  CHECK(f.Output() == before);
  f.disk.Add("content/hoge/cases/hana.md", "---\ntitle: 花の植栽\ndate: 2024-04-01\n---\n直しました。\n");
  Diagnostics good;
  REQUIRE(site->Update({"content/hoge/cases/hana.md"}, &u, &good));
  CHECK(ReadText(f.disk, "site/hoge/cases/hana/index.html").find("直しました。") != std::string::npos);
}

TEST_CASE("an edited page's references are checked as a build checks them, hints included") {
  Fixture f;
  std::unique_ptr<Site> site = f.Built();
  f.disk.Add("content/hoge/cases/hana.md",
             "---\ntitle: 花の植栽\ndate: 2024-04-01\ncontact: kyodou\nmodes: [協力・連携]\nfields: [環境の保全]\n"
             "groups: [hanna]\n---\n花を植えました。\n");
  UpdateResult u;
  Diagnostics bad;
  CHECK_FALSE(site->Update({"content/hoge/cases/hana.md"}, &u, &bad));
  REQUIRE(bad.ErrorCount() == 2);
  CHECK(bad.items()[0].message == "問い合わせ先「kyodou」が orgs.yaml にありません");
  CHECK(bad.items()[0].hint == "「kyodo」ではありませんか");
  CHECK(bad.items()[1].message == "団体「hanna」が content/hoge/groups/ にありません");
  CHECK(bad.items()[1].hint == "「hana」ではありませんか");
}

TEST_CASE("an edited form's 様式 files are checked as a build checks them") {
  Fixture f;
  std::unique_ptr<Site> site = f.Built();
  auto before = f.Output();
  f.disk.Add("content/hoge/forms/teian.yaml", "title: 協働の提案\ndownloads:\n  - {title: 提案書, src: ../assets/teain.pdf}\n");
  UpdateResult u;
  Diagnostics bad;
  CHECK_FALSE(site->Update({"content/hoge/forms/teian.yaml"}, &u, &bad));
  REQUIRE(bad.ErrorCount() == 1);
  CHECK(bad.items()[0].message == "様式ファイル「../assets/teain.pdf」が見つかりません");
  CHECK(bad.items()[0].loc.line == 3);
  CHECK(f.Output() == before);
}

TEST_CASE("an edited case's images and attachments are checked as a build checks them") {
  Fixture f;
  std::unique_ptr<Site> site = f.Built();
  auto before = f.Output();
  f.disk.Add("content/hoge/cases/hana.md",
             "---\ntitle: 花の植栽\ndate: 2024-04-01\nmodes: [協力・連携]\nfields: [環境の保全]\ngroups: [hana]\n"
             "images:\n  - {src: ../assets/hana.jpg, alt: 花壇}\nattachments:\n  - {title: 報告書, src: ../assets/teian.pdf}\n"
             "---\n花を植えました。\n");
  UpdateResult u;
  Diagnostics bad;
  CHECK_FALSE(site->Update({"content/hoge/cases/hana.md"}, &u, &bad));
  REQUIRE(bad.ErrorCount() == 1);
  CHECK(bad.items()[0].message == "画像「../assets/hana.jpg」が見つかりません");
  CHECK(bad.items()[0].loc.line == 8);
  CHECK(f.Output() == before);
}

TEST_CASE("a broken save that rebuilds everything reports every problem, as kyodo build does") {
  Fixture f;
  std::unique_ptr<Site> site = f.Built();
  auto before = f.Output();
  // A new file: the whole site is loaded again. Its date fails while loading, its link
  // only when pages render.
  f.disk.Add("content/hoge/cases/mizu.md", "---\ntitle: 水辺\ndate: 平成32年\n---\n[指針](nowhere.md)\n");
  UpdateResult u;
  Diagnostics bad;
  CHECK_FALSE(site->Update({"content/hoge/cases/mizu.md"}, &u, &bad));
  CHECK(u.full);
  REQUIRE(bad.ErrorCount() == 2);
  CHECK(bad.items()[0].loc.line == 3);
  CHECK(bad.items()[1].loc.line == 5);
  CHECK(f.Output() == before);
}

}  // namespace kyodo
