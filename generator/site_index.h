// The index over loaded content: sorted lists per city, which cases use which
// vocabulary term (per city and across the portal), group ↔ case back-links, and
// where every page and asset is published.
#ifndef KYODO_SITE_INDEX_H_
#define KYODO_SITE_INDEX_H_

#include <string>
#include <unordered_map>
#include <vector>

#include "content.h"

namespace kyodo {

/// A page of some city: indices into Content::cities and City::pages.
struct PageRef {
  int city = -1;
  int page = -1;
  bool operator==(const PageRef&) const = default;
};

struct CityIndex {
  std::vector<int> policies;  ///< by weight, then date, then id
  std::vector<int> cases;     ///< newest first
  std::vector<int> groups;    ///< 五十音順 of their reading
  std::vector<int> news;      ///< newest first
  std::vector<int> pages;     ///< by weight, then title
  /// [vocabulary][term] → cases using the term, newest first.
  std::vector<std::vector<std::vector<int>>> term_cases;
  /// [term of `fields`] → groups in that field, 五十音順.
  std::vector<std::vector<int>> field_groups;
  /// Distinct `area` values of groups, each with its groups, 五十音順 of the area.
  std::vector<std::pair<std::string, std::vector<int>>> area_groups;
  /// group page index → the cases that list it in `groups:`, newest first.
  std::unordered_map<int, std::vector<int>> group_cases;
  /// policy page index → its child policies.
  std::unordered_map<int, std::vector<int>> policy_children;
};

/// A shared vocabulary term across every city of the portal.
struct PortalTerm {
  std::vector<PageRef> cases;  ///< newest first, then by city order
};

class SiteIndex {
 public:
  static SiteIndex Build(const Content& content);

  const CityIndex& city(int c) const { return cities_[static_cast<size_t>(c)]; }
  /// [vocabulary][shared term] → uses across all cities.
  const std::vector<std::vector<PortalTerm>>& portal_terms() const { return portal_terms_; }
  /// Cases of every city, newest first.
  const std::vector<PageRef>& all_cases() const { return all_cases_; }

  /// The page whose source file is `path` (e.g. content/saku/cases/x.md). A group
  /// from a bulk file answers to content/<city>/groups/<id>.md as well.
  const PageRef* FindBySource(const std::string& path) const;
  /// The asset whose source file is `path`, with its city, or null.
  const Asset* FindAsset(const Content& content, const std::string& path, int* city) const;
  /// Site path of a page: "saku/cases/balloon/".
  std::string PathOf(const Content& content, PageRef ref) const;
  /// Slug of an `area` value of city c (for its filter page URL).
  const std::string& AreaSlug(int c, const std::string& area) const;

 private:
  std::vector<CityIndex> cities_;
  std::vector<std::vector<PortalTerm>> portal_terms_;
  std::vector<PageRef> all_cases_;
  std::unordered_map<std::string, PageRef> by_source_;
  std::unordered_map<std::string, std::pair<int, int>> assets_by_source_;
  std::vector<std::unordered_map<std::string, std::string>> area_slugs_;
};

/// Site path of a page of a city: "<city>/<kind dir>/<id>/".
std::string PagePath(const City& city, const Page& page);

}  // namespace kyodo

#endif  // KYODO_SITE_INDEX_H_
