// The full-text search index that `kyodo build` writes under search/ (the
// portal, every city) and <city>/search/ (one city), read by
// themes/default/assets/search.js.
//
// Every query of two or more characters that appears in a page finds it: the
// folded text (search_text.h) is indexed as character bigrams, a query is
// folded the same way, and a page must hold all of the query's bigrams; the
// client then checks adjacency against the stored page text. Postings carry a
// quantised BM25 term weight (an "impact"), with title and headings counted
// several times, so the client ranks without document lengths.
//
// Files (all JavaScript calls of kyodoSearch(name, payload), see search_codec.h):
//   meta.js               counts, the shard count, cities (with their readings), page types, facet terms
//                         with their aliases (the client widens a query that names
//                         an alias, 子育て, to the pages tagged with its term)
//   s/<n>.js, u/<n>.js    bigram / unigram postings, sharded by token hash: a
//                         query loads only the shards of its tokens
//   s/<n>-<k>.js          a list too big for a shard, named in its shard (so a
//                         query never loads a big neighbour of its token)
//   f/<vocab>/<slug>.js   the pages tagged with a 形態/分野/主体 term (filters)
//   d/<id>.js             one page: title, path, city, type and bounded text
//                         (snippets and adjacency checks); only in search/
// Doc ids run city by city, and by type within a city, so a city or type filter
// is a range of ids, and a city's index reuses the portal's d/ files.
#ifndef KYODO_SEARCH_INDEX_H_
#define KYODO_SEARCH_INDEX_H_

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "search_text.h"

namespace kyodo {

/// A 形態/分野/主体 term a page is tagged with.
struct SearchTerm {
  std::string vocab;  ///< modes / fields / actors
  std::string slug;
  bool operator==(const SearchTerm&) const = default;
};

/// One searchable page. Adding a kind of page to search is filling one of these.
struct SearchDoc {
  std::string path;        ///< site path ("saku/cases/balloon/")
  std::string city;        ///< city slug
  std::string type;        ///< page type key: policies, cases, groups, forms, news, pages
  std::string type_label;  ///< 協働事例
  std::string date;        ///< ISO date or "": newer pages get lower ids (ties rank newer first)
  std::string title;
  std::vector<std::string> headings;  ///< h2/h3 texts
  std::string text;                   ///< body plain text, then the fields the page shows
  std::vector<SearchTerm> terms;
};

struct SearchFacetTerm {
  std::string slug, name;
  /// Everyday words for the term (子育て for 子どもの健全育成): a query that is
  /// one of them also finds the pages tagged with the term, ranked after the
  /// pages that contain the words.
  std::vector<std::string> aliases;
};

/// The terms of one vocabulary offered as a filter, in display order.
struct SearchFacet {
  std::string vocab, label;
  std::vector<SearchFacetTerm> terms;
};

struct SearchCity {
  std::string slug, name;  ///< name as the portal shows it (長野県池田町 where two share one)
  std::string kana;        ///< the name's reading (さくし)
  std::string own_name;    ///< the name in its own site.yaml (池田町)
};

struct SearchIndexOptions {
  int jobs = 1;
  /// Shards are sized so that one holds about this many bytes of postings; a
  /// list over half of it gets a file of its own. Measured on the 12,200-page
  /// benchmark corpus (before impacts were Huffman-coded): 2 KB gave 90 KB a cold
  /// query, 4 KB 99 KB, 8 KB 117 KB.
  size_t shard_bytes = 2048;
  /// Bits per impact: 2^bits - 1 levels of BM25 weight (1 … 8). A posting holds
  /// its document in the other 32 - bits, so an index takes up to 2^28 pages.
  int impact_bits = 4;
  /// Stored page text is cut here (code points); longer pages are still fully
  /// indexed, only their snippets and adjacency checks see the first part. A
  /// 基本指針 converted from a 30-page document is about 30,000 characters: at the
  /// former 5,000 a phrase from its later chapters was found, but its snippet showed
  /// the opening instead. The d/ file is loaded only for a result shown.
  size_t max_text = 30000;
  /// Also write <city>/search/ indexes (bytes per query for a city's search are
  /// a fraction of the portal's; the d/ files are shared).
  bool city_indexes = true;
  /// Free each document's title, headings and text once it is counted and its d/
  /// file made (a one-shot build needs them no more; kyodo serve keeps them).
  bool release_text = false;
};

/// Weights of the fields (BM25F-style term frequencies).
inline constexpr uint32_t kTitleWeight = 5, kHeadingWeight = 3, kBodyWeight = 1;

struct SearchFile {
  std::string path;  ///< site path of the file ("search/s/3.js")
  std::string bytes;
};

struct SearchIndexStats {
  size_t docs = 0, bigrams = 0, unigrams = 0, shards = 0, unigram_shards = 0;
};

/// Receives each file of the index as soon as it is made, from several threads at once.
using SearchFileSink = std::function<void(SearchFile&& file)>;

/// Builds every file of the index and hands each to `emit` (so the index is never
/// in memory whole), in no fixed order. `docs` may come in any order: they are
/// sorted by city (in `cities` order), type, newest date, then path. They are read
/// and not copied, and with options.release_text their text is freed as it is counted.
void BuildSearchIndex(std::vector<SearchDoc*> docs, const std::vector<SearchCity>& cities,
                      const std::vector<SearchFacet>& facets, const SearchIndexOptions& options,
                      const SearchFileSink& emit, SearchIndexStats* stats = nullptr);

}  // namespace kyodo

#endif  // KYODO_SEARCH_INDEX_H_
