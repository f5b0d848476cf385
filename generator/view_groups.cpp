// The 市民活動団体 directory: every group of a city in 五十音順 under あ行…わ行
// headings with jump links, and one static page per 分野 and per 地域 so filtering
// works without JavaScript. On the full list, groups.js filters in place.
#include "views.h"

#include "kana.h"
#include "text.h"

namespace kyodo {

namespace {

// 五十音 rows in directory order; ids are ASCII so "#row-ka" survives any URL handling.
constexpr const char* kRows[] = {"あ", "か", "さ", "た", "な", "は", "ま", "や", "ら", "わ", "他"};
constexpr const char* kRowIds[] = {"a", "ka", "sa", "ta", "na", "ha", "ma", "ya", "ra", "wa", "other"};

std::string FieldSlugs(const City& city, const GroupInfo& g) {
  int fields = city.vocab.IndexOf("fields");
  std::string out;
  for (int t : g.fields) {
    if (!out.empty()) out += ' ';
    out += city.vocab.at(fields).terms[static_cast<size_t>(t)].slug;
  }
  return out;
}

mustache::data GroupItem(const PageView& view, const ViewContext& ctx, int city, int gi) {
  view.Uses({city, gi});
  const City& c = CityOf(ctx, city);
  const Page& g = c.pages[static_cast<size_t>(gi)];
  mustache::data d;
  d.set("title", g.title);
  d.set("href", view.Href(PagePath(c, g)));
  if (!g.group.kana.empty()) d.set("kana", g.group.kana);
  if (!g.group.area.empty()) {
    d.set("area", g.group.area);
    d.set("area_slug", ctx.index.AreaSlug(city, g.group.area));
  }
  SetList(&d, "fields", TermLinks(view, c, "fields", g.group.fields));
  // Space-separated slugs for groups.js, which matches them against the filter's value.
  d.set("field_slugs", FieldSlugs(c, g.group));
  auto cases = ctx.index.city(city).group_cases.find(gi);
  d.set("case_count", std::to_string(cases == ctx.index.city(city).group_cases.end() ? 0 : cases->second.size()));
  return d;
}

// The rows with their groups, and the jump links to them (a row without groups is
// shown but not linked, so every link has a target).
void Rows(PageView& view, const ViewContext& ctx, int city, const std::string& path, const std::vector<int>& groups) {
  const City& c = CityOf(ctx, city);
  std::vector<std::string> row_of;  // each group's row, worked out once (ICU normalizes the reading)
  row_of.reserve(groups.size());
  for (int gi : groups) {
    const Page& g = c.pages[static_cast<size_t>(gi)];
    row_of.push_back(GojuonRow(g.group.kana.empty() ? g.title : g.group.kana));
  }
  Items rows, jumps;
  for (size_t r = 0; r < std::size(kRows); ++r) {
    Items members;
    for (size_t k = 0; k < groups.size(); ++k) {
      if (row_of[k] == kRows[r]) members.push_back(GroupItem(view, ctx, city, groups[k]));
    }
    std::string label = std::string(kRows[r]) + (r + 1 < std::size(kRows) ? "行" : "");
    mustache::data jump;
    jump.set("label", label);
    jump.set("has", Flag(!members.empty()));
    jump.set("href", view.Href(path + "#row-" + kRowIds[r]));
    jumps.push_back(std::move(jump));
    if (members.empty()) continue;
    mustache::data row;
    row.set("label", label);
    row.set("id", std::string("row-") + kRowIds[r]);
    SetList(&row, "groups", std::move(members));
    rows.push_back(std::move(row));
  }
  view.SetList("rows", std::move(rows));
  view.SetList("jumps", std::move(jumps));
}

// Links to the static filter pages; `slug` also feeds the in-page filter's options.
void Filters(PageView& view, const ViewContext& ctx, int city, const std::string& filter_kind, int filter) {
  const City& c = CityOf(ctx, city);
  const CityIndex& ix = ctx.index.city(city);
  const std::string base = c.site.slug + "/groups/";
  int fields = c.vocab.IndexOf("fields");
  auto item = [&](const std::string& name, const std::string& slug, size_t count, const std::string& target,
                  bool current) {
    mustache::data d;
    d.set("name", name);
    d.set("slug", slug);
    d.set("count", std::to_string(count));
    d.set("href", view.Href(target));
    d.set("current", Flag(current));
    return d;
  };
  Items field_filters, area_filters;
  for (size_t t = 0; fields >= 0 && t < ix.field_groups.size(); ++t) {
    if (ix.field_groups[t].empty()) continue;
    const Term& term = c.vocab.at(fields).terms[t];
    field_filters.push_back(item(term.name, term.slug, ix.field_groups[t].size(), base + "fields/" + term.slug + "/",
                                 filter_kind == "fields" && filter == static_cast<int>(t)));
  }
  for (size_t a = 0; a < ix.area_groups.size(); ++a) {
    const std::string& slug = ctx.index.AreaSlug(city, ix.area_groups[a].first);
    area_filters.push_back(item(ix.area_groups[a].first, slug, ix.area_groups[a].second.size(),
                                base + "area/" + slug + "/", filter_kind == "area" && filter == static_cast<int>(a)));
  }
  view.SetList("field_filters", std::move(field_filters));
  view.SetList("area_filters", std::move(area_filters));
}

}  // namespace

mustache::data GroupListView(const ViewContext& ctx, int city, const std::string& filter_kind, int filter) {
  const City& c = CityOf(ctx, city);
  const CityIndex& ix = ctx.index.city(city);
  std::string base = c.site.slug + "/groups/";
  const std::vector<int>* groups = &ix.groups;
  std::string path = base, title = "市民活動団体";
  if (filter_kind == "fields") {
    const Term& term = c.vocab.at(c.vocab.IndexOf("fields")).terms[static_cast<size_t>(filter)];
    groups = &ix.field_groups[static_cast<size_t>(filter)];
    path = base + "fields/" + term.slug + "/";
    title = "市民活動団体（分野：" + term.name + "）";
  } else if (filter_kind == "area") {
    const auto& [area, members] = ix.area_groups[static_cast<size_t>(filter)];
    groups = &members;
    path = base + "area/" + ctx.index.AreaSlug(city, area) + "/";
    title = "市民活動団体（地域：" + area + "）";
  }
  PageView view(ctx, path, city);
  view.Section("groups");
  if (!filter_kind.empty()) view.Crumb("市民活動団体", base);
  view.Title(title);
  view.Description(c.site.name + "の市民活動団体を五十音順に掲載しています。分野・地域から探せます。");
  view.Contact(nullptr);
  Rows(view, ctx, city, path, *groups);
  Filters(view, ctx, city, filter_kind, filter);
  view.Set("count", std::to_string(groups->size()));
  view.Set("filtered", Flag(!filter_kind.empty()));
  view.Set("all_href", view.Href(base));
  // The full list filters in place with JavaScript; the filter pages are already filtered.
  if (filter_kind.empty()) {
    view.UseScript("groups.js");
    view.Set("live_filter", Flag(true));
  }
  return view.Finish();
}

}  // namespace kyodo
