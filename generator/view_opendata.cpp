// The opendata/ page: what each file holds, column by column, and how it is encoded
// (デジタル庁 rule L3-08 asks to state the character code and whether there is a BOM).
#include "links.h"
#include "views.h"

namespace kyodo {

namespace {

Items Datasets(const PageView& view, const std::vector<OpenDataTable>& tables, const std::vector<OpenDataFile>& files) {
  Items out;
  for (size_t t = 0; t < tables.size(); ++t) {
    const OpenDataTable& table = tables[t];
    mustache::data d;
    d.set("title", table.title);
    d.set("id", "data-" + table.name);
    d.set("rows", std::to_string(table.row_count));
    Items downloads, columns;
    for (const OpenDataFile& f : files) {
      if (f.table != t) continue;
      mustache::data link;
      link.set("name", BaseName(f.site_path));
      link.set("href", view.Href(f.site_path));
      link.set("label", FileLabel(f.site_path, f.size));
      downloads.push_back(std::move(link));
    }
    for (const OpenDataColumn& col : table.columns) {
      mustache::data c;
      c.set("name", col.name);
      c.set("type", col.type);
      c.set("description", col.description);
      columns.push_back(std::move(c));
    }
    SetList(&d, "downloads", std::move(downloads));
    SetList(&d, "columns", std::move(columns));
    d.set("columns_label", table.title + "の列");
    d.set("csv_name", table.name + ".csv");
    out.push_back(std::move(d));
  }
  return out;
}

// The terms of use a city states (its name, linked when there is a page), set only
// when given: the page then says to ask instead of implying any license.
template <typename SetFn>
void SetLicense(const CitySite& site, SetFn set) {
  if (site.license.empty()) return;
  set("license", site.license);
  if (!site.license_url.empty()) set("license_href", site.license_url);
}

}  // namespace

mustache::data OpenDataView(const ViewContext& ctx, int city, const std::vector<OpenDataTable>& tables,
                            const std::vector<OpenDataFile>& files) {
  std::string dir = OpenDataDir(ctx, city);
  PageView view(ctx, dir, city);
  view.Title("オープンデータ");
  view.Section("opendata");
  std::string owner = city >= 0 ? ctx.content.cities[static_cast<size_t>(city)].site.name : "各市町村";
  view.Description(owner + "の協働事例・市民活動団体・協働の指針と計画を、CSV と JSON のオープンデータで提供しています。");
  if (city >= 0) {
    view.Contact(nullptr);
    SetLicense(ctx.content.cities[static_cast<size_t>(city)].site,
               [&](const char* key, const std::string& value) { view.Set(key, value); });
  }
  view.Set("owner", owner);
  view.Set("portal", Flag(city < 0));
  view.SetList("datasets", Datasets(view, tables, files));
  // The portal's page leads to each city's own files too.
  Items cities;
  if (city < 0) {
    for (size_t c = 0; c < ctx.content.cities.size(); ++c) {
      mustache::data d;
      d.set("name", ctx.city_names[c]);
      d.set("href", view.Href(OpenDataDir(ctx, static_cast<int>(c))));
      SetLicense(ctx.content.cities[c].site, [&](const char* key, const std::string& value) { d.set(key, value); });
      cities.push_back(std::move(d));
    }
  }
  view.SetList("cities", std::move(cities));
  return view.Finish();
}

}  // namespace kyodo
