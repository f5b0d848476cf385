#include "manifest.h"

#include <xxhash.h>

#include <cstdio>
#include <nlohmann/json.hpp>
#include <stdexcept>

#include "city_json.h"

namespace kyodo {

namespace {

// std::map underneath: keys come out sorted, so a city always gives the same bytes.
using Json = nlohmann::json;

// Every field is written: a page's document has most of them.
Json DocJson(const SearchDoc& doc) {
  Json terms = Json::array();
  for (const SearchTerm& t : doc.terms) terms.push_back({t.vocab, t.slug});
  return {{"path", doc.path}, {"city", doc.city},   {"type", doc.type},         {"type_label", doc.type_label},
          {"date", doc.date}, {"title", doc.title}, {"headings", doc.headings}, {"text", doc.text},
          {"terms", std::move(terms)}};
}

SearchDoc DocOfJson(const Json& j) {
  SearchDoc doc{j.at("path").get<std::string>(), j.at("city").get<std::string>(), j.at("type").get<std::string>(),
                j.at("type_label").get<std::string>(), j.at("date").get<std::string>(),
                j.at("title").get<std::string>(), j.at("headings").get<std::vector<std::string>>(),
                j.at("text").get<std::string>(), {}};
  for (const Json& t : j.at("terms")) doc.terms.push_back({t.at(0).get<std::string>(), t.at(1).get<std::string>()});
  return doc;
}

Json LinkJson(const CrossCityLink& link, const std::string& root) {
  return {{"source", BelowRoot(root, link.source)}, {"line", link.line}, {"col", link.col}, {"url", link.url},
          {"image", link.image}, {"site_path", link.site_path}};
}

CrossCityLink LinkOfJson(const Json& j, const std::string& root) {
  return {JoinPath(root, j.at("source").get<std::string>()), j.at("line").get<int>(), j.at("col").get<int>(),
          j.at("url").get<std::string>(), j.at("image").get<bool>(), j.at("site_path").get<std::string>()};
}

}  // namespace

std::string ManifestPath(const std::string& slug) { return "_kyodo/manifests/" + slug + ".json"; }

std::string WriteManifest(const CityManifest& m, const std::string& content_root) {
  Json j = Json::object();
  j["format"] = m.stamp.format;
  j["generator"] = m.stamp.generator;
  j["inputs"] = m.stamp.inputs;
  j["options"] = {{"base_url", m.stamp.base_url}, {"drafts", m.stamp.drafts},
                  {"build_date", DateToJson(m.stamp.build_date)}};
  j["city"] = CityToJson(m.city, content_root);
  Json docs = Json::array(), links = Json::array();
  for (const SearchDoc& doc : m.search_docs) docs.push_back(DocJson(doc));
  for (const CrossCityLink& link : m.links) links.push_back(LinkJson(link, content_root));
  j["search"] = std::move(docs);
  j["written"] = m.pages;
  j["links"] = std::move(links);
  // Content was checked to be UTF-8 when read; replace rather than throw if not.
  return j.dump(-1, ' ', false, Json::error_handler_t::replace) + "\n";
}

std::optional<CityManifest> ReadManifest(const std::string& file, const std::string& text,
                                         const std::string& content_root, const Vocabularies& shared,
                                         Diagnostics* diags) {
  const SourceLoc at{file, 0, 0};
  const std::string rebuild = "この市町村を kyodo build --city でビルドし直してください";
  Json j;
  try {
    j = Json::parse(text);
  } catch (const Json::parse_error& e) {
    diags->Error(at, "マニフェストが JSON として読めません（" + std::to_string(e.byte) + " バイト目）", rebuild);
    return std::nullopt;
  }
  const Json* format = j.is_object() && j.contains("format") ? &j.at("format") : nullptr;
  if (!format || !format->is_number_integer() || format->get<int>() != kManifestFormat) {
    std::string got = format && format->is_number_integer() ? "版 " + std::to_string(format->get<int>()) : "版なし";
    diags->Error(at, "マニフェストの形式（" + got + "）がこの kyodo（版 " + std::to_string(kManifestFormat) + "）と違います",
                 "市町村ごとのビルドとポータルのビルドには同じ版の kyodo を使ってください");
    return std::nullopt;
  }
  try {
    CityManifest m;
    m.stamp.format = kManifestFormat;
    m.stamp.generator = j.at("generator").get<std::string>();
    m.stamp.inputs = j.at("inputs").get<std::string>();
    const Json& options = j.at("options");
    m.stamp.base_url = options.at("base_url").get<std::string>();
    m.stamp.drafts = options.at("drafts").get<bool>();
    m.stamp.build_date = DateFromJson(options.at("build_date").get<std::string>());
    Diagnostics vocab_diags;  // a term the shared vocabularies now clash with: the manifest is stale
    m.city = CityFromJson(j.at("city"), content_root, shared, &vocab_diags);
    if (vocab_diags.HasErrors()) throw std::runtime_error(vocab_diags.items()[0].message);
    for (const Json& doc : j.at("search")) m.search_docs.push_back(DocOfJson(doc));
    m.pages = j.at("written").get<std::vector<std::string>>();
    for (const Json& link : j.at("links")) m.links.push_back(LinkOfJson(link, content_root));
    return m;
  } catch (const std::exception& e) {  // nlohmann's type and key errors, or CityFromJson's own
    diags->Error(at, std::string("マニフェストの内容が正しくありません: ") + e.what(), rebuild);
    return std::nullopt;
  }
}

bool CheckStamp(const std::string& file, const ManifestStamp& got, const ManifestStamp& want, Diagnostics* diags) {
  const SourceLoc at{file, 0, 0};
  const size_t before = diags->items().size();
  if (got.generator != want.generator) {
    diags->Error(at, "マニフェストは kyodo " + got.generator + " で作られています（このビルドは " + want.generator + "）",
                 "市町村ごとのビルドとポータルのビルドには同じ kyodo を使ってください");
  }
  if (got.inputs != want.inputs) {
    diags->Error(at, "マニフェストは別の _portal.yaml・_taxonomies.yaml・templates/・themes/ から作られています",
                 "同じコミットの content/・templates/・themes/ で、市町村ごとのビルドとポータルのビルドをしてください");
  }
  if (got.base_url != want.base_url) {
    auto shown = [](const std::string& url) { return url.empty() ? std::string("なし（相対リンク）") : url; };
    diags->Error(at, "マニフェストは --base-url " + shown(got.base_url) + " で作られています（このビルドは " +
                         shown(want.base_url) + "）",
                 "すべてのビルドに同じ --base-url を指定してください");
  }
  if (got.drafts != want.drafts) {
    diags->Error(at, std::string("マニフェストは --drafts ") + (got.drafts ? "あり" : "なし") + "で作られています",
                 "すべてのビルドで --drafts をそろえてください");
  }
  if (!(got.build_date == want.build_date)) {
    diags->Error(at, "マニフェストは " + DateToJson(got.build_date) + " の日付で作られています（このビルドは " +
                         DateToJson(want.build_date) + "）",
                 "--build-date か SOURCE_DATE_EPOCH で、すべてのビルドの日付をそろえてください");
  }
  return diags->items().size() == before;
}

namespace {

void HashTree(const Disk& disk, const std::string& path, const std::string& name, XXH64_state_t* state) {
  if (disk.Stat(path) == FileKind::kDir) {
    for (const std::string& entry : disk.ListDir(path)) {
      if (entry[0] != '.') HashTree(disk, JoinPath(path, entry), JoinPath(name, entry), state);
    }
    return;
  }
  std::string bytes, err;
  if (!disk.ReadFile(path, &bytes, &err)) bytes.clear();
  std::string head = name + '\0' + std::to_string(bytes.size()) + '\0';  // names and sizes keep files apart
  XXH64_update(state, head.data(), head.size());
  XXH64_update(state, bytes.data(), bytes.size());
}

}  // namespace

std::string InputsFingerprint(const Disk& disk, const std::vector<std::string>& paths) {
  XXH64_state_t* state = XXH64_createState();
  XXH64_reset(state, 0);
  for (size_t i = 0; i < paths.size(); ++i) HashTree(disk, paths[i], std::to_string(i), state);
  char hex[17];
  std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(XXH64_digest(state)));
  XXH64_freeState(state);
  return hex;
}

}  // namespace kyodo
