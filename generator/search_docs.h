// What of the content goes into the search index: one SearchDoc per content
// page (its rendered text plus the fields its page shows), the cities, and the
// 形態/分野/主体 terms offered as filters.
#ifndef KYODO_SEARCH_DOCS_H_
#define KYODO_SEARCH_DOCS_H_

#include <vector>

#include "content.h"
#include "markdown.h"
#include "search_index.h"
#include "site_index.h"

namespace kyodo {

/// The vocabularies offered as search filters, in display order.
inline const std::vector<std::string>& SearchFacetVocabularies() {
  static const std::vector<std::string> kKeys = {"modes", "fields", "actors"};
  return kKeys;
}

/// The document of a content page. `body` is the page's rendered Markdown;
/// call it before the page's summary is filled from the body, so a summary
/// written in front matter is indexed and an derived one is not indexed twice.
SearchDoc SearchDocOf(const Content& content, const SiteIndex& index, PageRef ref, const RenderedMarkdown& body);

/// The document of form `index` of city `city` (its page: purpose, eligibility,
/// steps and the labels of its fields).
SearchDoc SearchDocOfForm(const Content& content, int city, int index, const std::string& path);

/// The document of city `city`'s 問い合わせ先 page (at `path`): each org's name,
/// address, telephone, FAX, email and hours, so a 課 or a number finds it.
SearchDoc SearchDocOfContact(const Content& content, int city, const std::string& path);

/// The cities in portal order.
std::vector<SearchCity> SearchCities(const Content& content);

/// Shared terms first, then the terms cities added, for each facet vocabulary.
std::vector<SearchFacet> SearchFacets(const Content& content);

}  // namespace kyodo

#endif  // KYODO_SEARCH_DOCS_H_
