#include "site_index.h"

#include <algorithm>
#include <map>
#include <tuple>
#include <utility>

#include "asset_names.h"
#include "kana.h"
#include "text.h"

namespace kyodo {

std::string PagePath(const City& city, const Page& page) {
  return city.site.slug + "/" + KindDir(page.kind) + "/" + page.id + "/";
}

namespace {

int DateKey(const std::optional<Date>& d) { return d ? d->SortKey() : 0; }

// Newest first; equal dates by id so the order never depends on the file system.
void SortNewestFirst(const City& city, std::vector<int>* pages) {
  std::sort(pages->begin(), pages->end(), [&](int a, int b) {
    const Page& pa = city.pages[static_cast<size_t>(a)];
    const Page& pb = city.pages[static_cast<size_t>(b)];
    return std::make_tuple(-DateKey(pa.date), pa.id) < std::make_tuple(-DateKey(pb.date), pb.id);
  });
}

std::string GroupSortKey(const Page& g) { return CollationKey(g.group.kana.empty() ? g.title : g.group.kana); }

CityIndex IndexCity(const City& city, std::unordered_map<std::string, std::string>* area_slugs) {
  CityIndex ix;
  const auto& vocabs = city.vocab.list();
  ix.term_cases.resize(vocabs.size());
  for (size_t v = 0; v < vocabs.size(); ++v) ix.term_cases[v].resize(vocabs[v].terms.size());
  int fields = city.vocab.IndexOf("fields");
  if (fields >= 0) ix.field_groups.resize(vocabs[static_cast<size_t>(fields)].terms.size());

  for (size_t i = 0; i < city.pages.size(); ++i) {
    const Page& p = city.pages[i];
    int idx = static_cast<int>(i);
    switch (p.kind) {
      case PageKind::kPolicy:
        ix.policies.push_back(idx);
        break;
      case PageKind::kCase:
        ix.cases.push_back(idx);
        break;
      case PageKind::kGroup:
        ix.groups.push_back(idx);
        break;
      case PageKind::kNews:
        ix.news.push_back(idx);
        break;
      case PageKind::kPage:
        ix.pages.push_back(idx);
        break;
    }
  }
  SortNewestFirst(city, &ix.cases);
  SortNewestFirst(city, &ix.news);
  std::vector<std::string> keys(city.pages.size());
  for (int g : ix.groups) keys[static_cast<size_t>(g)] = GroupSortKey(city.pages[static_cast<size_t>(g)]);
  auto by_reading = [&](int a, int b) {
    return std::tie(keys[static_cast<size_t>(a)], city.pages[static_cast<size_t>(a)].id) <
           std::tie(keys[static_cast<size_t>(b)], city.pages[static_cast<size_t>(b)].id);
  };
  std::sort(ix.groups.begin(), ix.groups.end(), by_reading);
  auto by_weight = [&](int a, int b) {
    const Page& pa = city.pages[static_cast<size_t>(a)];
    const Page& pb = city.pages[static_cast<size_t>(b)];
    return std::make_tuple(pa.weight, -DateKey(pa.date), pa.id) < std::make_tuple(pb.weight, -DateKey(pb.date), pb.id);
  };
  std::sort(ix.policies.begin(), ix.policies.end(), by_weight);
  std::sort(ix.pages.begin(), ix.pages.end(), by_weight);

  for (int idx : ix.cases) {
    const CaseInfo& ci = city.pages[static_cast<size_t>(idx)].case_info;
    auto add = [&](const char* key, const std::vector<int>& terms) {
      int v = city.vocab.IndexOf(key);
      if (v < 0) return;
      for (int t : terms) ix.term_cases[static_cast<size_t>(v)][static_cast<size_t>(t)].push_back(idx);
    };
    add("modes", ci.modes);
    add("fields", ci.fields);
    add("actors", ci.actors);
    if (ci.partnership) add("partnership", {*ci.partnership});
    for (const Located& g : ci.groups) {
      for (int gi : ix.groups) {
        if (city.pages[static_cast<size_t>(gi)].id == g.value) ix.group_cases[gi].push_back(idx);
      }
    }
  }
  std::map<std::string, std::vector<int>> areas;
  std::map<std::string, std::string> area_reading_slug, area_kana;
  for (int gi : ix.groups) {
    const GroupInfo& g = city.pages[static_cast<size_t>(gi)].group;
    for (int t : g.fields) {
      if (fields >= 0) ix.field_groups[static_cast<size_t>(t)].push_back(gi);
    }
    if (!g.area.empty()) {
      areas[g.area].push_back(gi);
      area_reading_slug[g.area] = g.area_slug;
      area_kana[g.area] = g.area_kana;
    }
  }
  std::map<std::string, std::string> slug_owner;
  for (auto& [area, groups] : areas) {
    // Area names are free text (内山地区); their filter page needs an ASCII slug,
    // made unique because two names may read alike.
    std::string slug = area_reading_slug[area];
    if (slug.empty()) slug = "area";
    std::string unique = slug;
    for (int n = 2; slug_owner.count(unique); ++n) unique = slug + "-" + std::to_string(n);
    slug_owner[unique] = area;
    (*area_slugs)[area] = unique;
    ix.area_groups.push_back({area, groups});
  }
  // 五十音順 by reading, as the groups are: the kanji's own order put 臼田地区 and 岩村田地区
  // before 浅科地区. An area without a reading goes by its name (after the read ones).
  auto area_key = [&](const std::string& area) {
    const std::string& kana = area_kana[area];
    return std::make_pair(CollationKey(kana.empty() ? area : kana), area);
  };
  std::sort(ix.area_groups.begin(), ix.area_groups.end(),
            [&](const auto& a, const auto& b) { return area_key(a.first) < area_key(b.first); });
  for (int pi : ix.policies) {
    const Page& p = city.pages[static_cast<size_t>(pi)];
    if (p.policy.parent.value.empty()) continue;
    for (int qi : ix.policies) {
      if (city.pages[static_cast<size_t>(qi)].id == p.policy.parent.value) ix.policy_children[qi].push_back(pi);
    }
  }
  return ix;
}

}  // namespace

SiteIndex SiteIndex::Build(const Content& content) {
  SiteIndex index;
  index.area_slugs_.resize(content.cities.size());
  for (size_t c = 0; c < content.cities.size(); ++c) {
    const City& city = content.cities[c];
    index.cities_.push_back(IndexCity(city, &index.area_slugs_[c]));
    for (size_t p = 0; p < city.pages.size(); ++p) {
      const Page& page = city.pages[p];
      PageRef ref{static_cast<int>(c), static_cast<int>(p)};
      index.by_source_[page.source] = ref;
      // A group from groups.yaml/groups.csv is linked as if it had its own file.
      if (page.kind == PageKind::kGroup) index.by_source_.emplace(city.dir + "/groups/" + page.id + ".md", ref);
    }
    for (size_t a = 0; a < city.assets.size(); ++a) {
      // Linked by the name typed (NFC) even when the file's name came from a Mac (NFD).
      index.assets_by_source_[AssetKey(city.assets[a].source)] = {static_cast<int>(c), static_cast<int>(a)};
    }
  }
  // Portal-wide uses of the shared terms. City-added terms stay on their city's index.
  const auto& shared = content.shared_vocab.list();
  index.portal_terms_.resize(shared.size());
  for (size_t v = 0; v < shared.size(); ++v) {
    index.portal_terms_[v].resize(shared[v].terms.size());
    for (size_t c = 0; c < content.cities.size(); ++c) {
      const City& city = content.cities[c];
      int cv = city.vocab.IndexOf(shared[v].key);
      if (cv < 0) continue;
      for (size_t t = 0; t < shared[v].terms.size(); ++t) {
        for (int p : index.cities_[c].term_cases[static_cast<size_t>(cv)][t]) {
          index.portal_terms_[v][t].cases.push_back({static_cast<int>(c), p});
        }
      }
    }
  }
  for (size_t c = 0; c < content.cities.size(); ++c) {
    for (int p : index.cities_[c].cases) index.all_cases_.push_back({static_cast<int>(c), p});
  }
  auto newest = [&](const PageRef& a, const PageRef& b) {
    const Page& pa = content.cities[static_cast<size_t>(a.city)].pages[static_cast<size_t>(a.page)];
    const Page& pb = content.cities[static_cast<size_t>(b.city)].pages[static_cast<size_t>(b.page)];
    return std::make_tuple(-DateKey(pa.date), a.city, pa.id) < std::make_tuple(-DateKey(pb.date), b.city, pb.id);
  };
  std::stable_sort(index.all_cases_.begin(), index.all_cases_.end(), newest);
  for (auto& terms : index.portal_terms_) {
    for (PortalTerm& t : terms) std::stable_sort(t.cases.begin(), t.cases.end(), newest);
  }
  return index;
}

const PageRef* SiteIndex::FindBySource(const std::string& path) const {
  auto it = by_source_.find(path);
  return it == by_source_.end() ? nullptr : &it->second;
}

const Asset* SiteIndex::FindAsset(const Content& content, const std::string& path, int* city) const {
  auto it = assets_by_source_.find(AssetKey(path));
  if (it == assets_by_source_.end()) return nullptr;
  *city = it->second.first;
  return &content.cities[static_cast<size_t>(it->second.first)].assets[static_cast<size_t>(it->second.second)];
}

std::string SiteIndex::PathOf(const Content& content, PageRef ref) const {
  const City& city = content.cities[static_cast<size_t>(ref.city)];
  return PagePath(city, city.pages[static_cast<size_t>(ref.page)]);
}

const std::string& SiteIndex::AreaSlug(int c, const std::string& area) const {
  static const std::string kNone;
  const auto& slugs = area_slugs_[static_cast<size_t>(c)];
  auto it = slugs.find(area);
  return it == slugs.end() ? kNone : it->second;
}

}  // namespace kyodo
