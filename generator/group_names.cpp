#include "group_names.h"

#include <map>

#include "page_loader.h"
#include "text.h"

namespace kyodo {

namespace {

// Where a group is written: its register row (the ID's cell) or its file.
SourceLoc PlaceOf(const Page& page) { return page.slug_loc.line > 0 ? page.slug_loc : SourceLoc{page.source, 0, 0}; }

std::string Describe(const Page& page) {
  const SourceLoc at = PlaceOf(page);
  // Appended piece by piece: GCC 12 warns (-Wrestrict, falsely) about ":" + std::to_string(…).
  std::string out = page.id;
  out += "（";
  out += at.file;
  if (at.line > 0) {
    out += ':';
    out += std::to_string(at.line);
  }
  out += "）";
  return out;
}

}  // namespace

void WarnSameGroupNames(const std::vector<Page>& pages, Diagnostics* diags) {
  std::map<std::string, const Page*> first;
  for (const Page& page : pages) {
    if (page.kind != PageKind::kGroup || page.draft || page.title.empty()) continue;
    // 「NPO法人 花の会」 and 「特定非営利活動法人　花の会」 are one name.
    const std::string key = FoldForMatch(StripCorporateForm(page.title));
    if (key.empty()) continue;
    auto [it, fresh] = first.emplace(key, &page);
    if (fresh) continue;
    diags->Warning(PlaceOf(page), "団体名「" + page.title + "」は、団体 " + Describe(*it->second) + " と同じ名前です",
                   "同じ団体を2回登録していないか確かめてください（重なっていれば一方を消します）。別の団体なら、"
                   "一覧で見分けられるように名称に地区名などを加えてください");
  }
}

}  // namespace kyodo
