// The opendata/ page: what each file holds, column by column, and how it is encoded
// (デジタル庁 rule L3-08 asks to state the character code and whether there is a BOM).
#include <nlohmann/json.hpp>

#include "city_names.h"
#include "links.h"
#include "urls.h"
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

// schema.org Dataset markup, so data catalogues and dataset search find the files:
// the publisher (GovernmentOrganization), the city's terms of use when stated, and
// each file as a DataDownload. Only with an absolute base: contentUrl must resolve
// wherever the markup is read. "" when there is none.
std::string DatasetJsonLd(const ViewContext& ctx, int city, const std::string& description,
                          const std::vector<OpenDataFile>& files) {
  using Json = nlohmann::ordered_json;
  const std::string page = ctx.urls.Absolute(OpenDataDir(ctx, city));
  if (!IsWebUrl(page)) return "";
  auto org = [](const CitySite& site) {
    return Json{{"@type", "GovernmentOrganization"}, {"name", FullName(site)}};
  };
  Json d = {{"@context", "https://schema.org"}, {"@type", "Dataset"}};
  const CitySite* site = city >= 0 ? &ctx.content.cities[static_cast<size_t>(city)].site : nullptr;
  d["name"] = (site ? FullName(*site) : ctx.content.portal.title) + "の協働事例・市民活動団体・協働の指針と計画";
  d["description"] = description;
  d["url"] = page;
  d["inLanguage"] = "ja";
  d["isAccessibleForFree"] = true;
  if (site) {
    d["publisher"] = org(*site);
    if (!site->license.empty()) {
      d["license"] = {{"@type", "CreativeWork"}, {"name", site->license}};
      if (!site->license_url.empty()) d["license"]["url"] = site->license_url;
    }
  } else {
    d["creator"] = Json::array();
    for (const City& c : ctx.content.cities) d["creator"].push_back(org(c.site));
  }
  d["distribution"] = Json::array();
  for (const OpenDataFile& f : files) {
    d["distribution"].push_back({{"@type", "DataDownload"},
                                 {"name", BaseName(f.site_path)},
                                 {"encodingFormat", f.format == "CSV" ? "text/csv" : "application/json"},
                                 {"contentUrl", ctx.urls.Absolute(f.site_path)}});
  }
  const std::string json = d.dump(-1, ' ', false, Json::error_handler_t::replace);
  // Inside <script>, 「</」 could end the element (a title with </script>): JSON allows 「<\/」.
  std::string out;
  for (size_t i = 0; i < json.size(); ++i) {
    out += json[i];
    if (json[i] == '<' && i + 1 < json.size() && json[i + 1] == '/') out += '\\';
  }
  return out;
}

}  // namespace

mustache::data OpenDataView(const ViewContext& ctx, int city, const std::vector<OpenDataTable>& tables,
                            const std::vector<OpenDataFile>& files) {
  std::string dir = OpenDataDir(ctx, city);
  PageView view(ctx, dir, city);
  view.Title("オープンデータ");
  view.Section("opendata");
  const std::string& members = ctx.members_word;
  std::string owner = city >= 0 ? ctx.content.cities[static_cast<size_t>(city)].site.name : "各" + members;
  const std::string description =
      owner + "の協働事例・市民活動団体・協働の指針と計画を、CSV と JSON のオープンデータで提供しています。";
  view.Description(description);
  if (std::string ld = DatasetJsonLd(ctx, city, description, files); !ld.empty()) view.Set("jsonld", ld);
  if (city >= 0) {
    view.Contact(nullptr);
    SetLicense(ctx.content.cities[static_cast<size_t>(city)].site,
               [&](const char* key, const std::string& value) { view.Set(key, value); });
  }
  view.Set("owner", owner);
  view.Set("portal", Flag(city < 0));
  if (city < 0) view.Set("municipalities", members);
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
