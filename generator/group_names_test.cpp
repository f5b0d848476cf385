#include "group_names.h"

#include <doctest/doctest.h>

namespace kyodo {
namespace {

Page Group(const std::string& id, const std::string& title, SourceLoc at, bool draft = false) {
  Page p;
  p.kind = PageKind::kGroup;
  p.id = id;
  p.title = title;
  p.source = at.file;
  p.slug_loc = at;
  p.draft = draft;
  return p;
}

}  // namespace

TEST_CASE("WarnSameGroupNames: a group entered twice is named at the later entry, with the first one's ID and place") {
  std::vector<Page> pages = {
      Group("hana", "特定非営利活動法人 花の会", {"c/x/groups/hana.md", 0, 0}),
      Group("ume", "梅の会", {"c/x/groups.csv", 2, 1}),
      Group("hana-2", "NPO法人　花の会", {"c/x/groups.csv", 3, 1}),
      Group("ume-2", "梅の会", {"c/x/groups.csv", 4, 1}),
      Group("sakura", "桜の会", {"c/x/groups.csv", 5, 1}),
  };
  Diagnostics d;
  WarnSameGroupNames(pages, &d);
  REQUIRE(d.items().size() == 2);
  CHECK(d.items()[0].severity == Severity::kWarning);
  CHECK(d.items()[0].loc.line == 3);
  CHECK(d.items()[0].message == "団体名「NPO法人　花の会」は、団体 hana（c/x/groups/hana.md） と同じ名前です");
  CHECK(d.items()[1].loc.file == "c/x/groups.csv");
  CHECK(d.items()[1].loc.line == 4);
  CHECK(d.items()[1].message == "団体名「梅の会」は、団体 ume（c/x/groups.csv:2） と同じ名前です");
  CHECK(d.items()[1].hint ==
        "同じ団体を2回登録していないか確かめてください（重なっていれば一方を消します）。別の団体なら、"
        "一覧で見分けられるように名称に地区名などを加えてください");
}

TEST_CASE("WarnSameGroupNames: drafts and other kinds of pages are not groups of the directory") {
  std::vector<Page> pages = {
      Group("hana", "花の会", {"c/x/groups.csv", 2, 1}),
      Group("hana-old", "花の会", {"c/x/groups.csv", 3, 1}, true),
  };
  Page news = Group("hana-news", "花の会", {"c/x/news/hana.md", 0, 0});
  news.kind = PageKind::kNews;
  pages.push_back(news);
  Diagnostics d;
  WarnSameGroupNames(pages, &d);
  CHECK(d.empty());
}

}  // namespace kyodo
