#include "search_index.h"

#include <algorithm>
#include <cmath>
#include <mutex>
#include <unordered_map>

#include "parallel.h"
#include "search_codec.h"
#include "text.h"

namespace kyodo {

namespace {

// BM25 parameters (the usual defaults); the client applies idf at query time.
constexpr double kK1 = 1.2, kB = 0.75;
constexpr int kFormatVersion = 1;

// Display order of page types; a type not listed here (added later) follows them by key.
int TypeRank(const std::string& type) {
  static const std::vector<std::string> kOrder = {"policies", "cases", "groups", "forms", "news", "pages"};
  auto it = std::find(kOrder.begin(), kOrder.end(), type);
  return static_cast<int>(it - kOrder.begin());
}

// A posting in 32 bits: the document above, its impact in the low `impact_bits`,
// so a list sorts by document as plain integers and takes 4 bytes a posting.
using Packed = std::vector<uint32_t>;
using Lists = std::vector<std::pair<TokenKey, Packed>>;

uint32_t Pack(uint32_t doc, uint8_t impact, int bits) { return doc << bits | impact; }

// The postings of docs [first, end) of `packed`, renumbered from 0, for the
// codec, into `list` (reused: one allocation for a whole index).
void Unpack(const Packed& packed, int bits, uint32_t first, PostingList* list) {
  list->docs.resize(packed.size());
  list->impacts.resize(packed.size());
  for (size_t i = 0; i < packed.size(); ++i) {
    list->docs[i] = (packed[i] >> bits) - first;
    list->impacts[i] = static_cast<uint8_t>(packed[i] & ((1u << bits) - 1));
  }
}

std::u32string KeyChars(TokenKey key) {
  std::u32string s(1, static_cast<char32_t>(key >> 32));
  if (IsBigram(key)) s += static_cast<char32_t>(key & 0xFFFFFFFFu);
  return s;
}

// The BM25F term-frequency part, quantised to 1 … levels: the body's count is
// normalised by the document's length, the title/heading weight is not. It is
// monotone in each count, so a phrase's weight (the least of its bigrams') is exact.
uint8_t Impact(TokenWeight w, uint32_t length, double avg_length, int bits) {
  const double tf = w.field + w.body / (1 - kB + kB * length / avg_length);
  const double part = tf * (kK1 + 1) / (tf + kK1);
  const int levels = (1 << bits) - 1;
  const int q = static_cast<int>(std::lround(part / (kK1 + 1) * levels));
  return static_cast<uint8_t>(std::clamp(q, 1, levels));
}

using KeyedLists = std::unordered_map<TokenKey, Packed>;

// Every token's list sorted by key, each sorted by document and cut to its size.
Lists SortLists(KeyedLists* keyed, int jobs) {
  Lists out;
  out.reserve(keyed->size());
  for (auto it = keyed->begin(); it != keyed->end(); it = keyed->erase(it)) out.push_back({it->first, std::move(it->second)});
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  ParallelFor(out.size(), jobs, [&](size_t i) {
    Packed& list = out[i].second;
    std::sort(list.begin(), list.end());  // chunks of documents arrive in any order
    list.shrink_to_fit();
  });
  return out;
}

// The postings of docs [first, end), still numbered as in the portal's index.
Lists Slice(const Lists& all, uint32_t first, uint32_t end, int bits) {
  Lists out;
  for (const auto& [key, list] : all) {
    auto lo = std::lower_bound(list.begin(), list.end(), Pack(first, 0, bits));
    auto hi = std::lower_bound(lo, list.end(), Pack(end, 0, bits));
    if (lo != hi) out.push_back({key, Packed(lo, hi)});
  }
  return out;
}

std::string Call(const std::string& name, const std::string& payload) {
  std::string out = "kyodoSearch(";
  out += JsString(name) + "," + payload + ");\n";
  return out;
}

// Writes `lists` into shards <dir><kind>/<n>.js; returns the shard count. A
// list bigger than half a shard gets its own file <kind>/<n>-<k>.js, named in
// its shard: a query then loads only the big lists it needs, never a
// neighbour's (two round trips for common tokens, far fewer bytes). Doc ids are
// written less `first` (a city's index numbers its docs from 0).
size_t WriteShards(const Lists& lists, uint32_t first, int bits, size_t shard_bytes, const std::string& dir,
                   const std::string& kind, const SearchFileSink& emit) {
  // Each list is encoded once, then copied into its shard: the shard count
  // depends on every list's size. They take about the scope's output size.
  std::vector<BitWriter> encoded(lists.size());
  std::vector<bool> big(lists.size());
  PostingList list;
  uint64_t small_bits = 0;
  for (size_t i = 0; i < lists.size(); ++i) {
    Unpack(lists[i].second, bits, first, &list);
    EncodeList(list, bits, &encoded[i]);
    const uint64_t list_bits = encoded[i].size();
    big[i] = list_bits / 6 > shard_bytes / 2;  // base64: 6 bits a byte
    small_bits += (big[i] ? 0 : list_bits) + 6 * (TokenText(lists[i].first).size() + 1);
  }
  const size_t shards = std::max<size_t>(1, static_cast<size_t>((small_bits / 6 + shard_bytes - 1) / shard_bytes));
  std::vector<std::vector<size_t>> members(shards);
  for (size_t i = 0; i < lists.size(); ++i) members[TokenHash(KeyChars(lists[i].first)) % shards].push_back(i);
  for (size_t s = 0; s < shards; ++s) {
    const std::string name = kind + "/" + std::to_string(s);
    std::string keys, own;
    int owned = 0;
    BitWriter w;
    for (size_t i : members[s]) {
      if (big[i]) {
        const std::string file = name + "-" + std::to_string(owned++);
        emit({dir + file + ".js", Call(file, JsString(encoded[i].Base64()))});
        if (!own.empty()) own += ",";
        own += JsString(TokenText(lists[i].first)) + ":" + JsString(file);
        continue;
      }
      if (!keys.empty()) keys += ' ';
      keys += TokenText(lists[i].first);
      w.Append(encoded[i]);
    }
    std::string payload = "[";
    payload += JsString(keys) + "," + JsString(w.Base64()) + ",{" + own + "}]";
    emit({dir + name + ".js", Call(name, payload)});
  }
  return shards;
}

// One index (the portal's or a city's) over docs [first, end) of `docs`.
struct Scope {
  std::string dir;   ///< "search/" or "saku/search/"
  std::string city;  ///< the city of a city's index, "" for the portal
  uint32_t first = 0, end = 0;
};

std::string JoinJs(const std::vector<std::string>& items) {
  std::string out;
  for (const std::string& s : items) {
    if (!out.empty()) out += ",";
    out += JsString(s);
  }
  return out;
}

std::string MetaJson(const Scope& scope, const std::vector<SearchDoc*>& docs, const std::vector<SearchCity>& cities,
                     const std::vector<std::pair<std::string, std::string>>& types,
                     const std::vector<SearchFacet>& facets, const std::vector<std::vector<size_t>>& facet_counts,
                     size_t shards, size_t unigram_shards, int bits) {
  std::string j = "{\"version\":" + std::to_string(kFormatVersion) + ",\"city\":" + JsString(scope.city) +
                  ",\"docs\":" + std::to_string(scope.end - scope.first) + ",\"first\":" +
                  std::to_string(scope.first) + ",\"bits\":" + std::to_string(bits) + ",\"shards\":" +
                  std::to_string(shards) + ",\"ushards\":" + std::to_string(unigram_shards) + ",\"cities\":[";
  for (size_t i = 0; i < cities.size(); ++i) {
    j += i ? ",[" : "[";
    j += JsString(cities[i].slug) + "," + JsString(cities[i].name) + "," + JsString(cities[i].kana) + "," +
         JsString(cities[i].own_name) + "]";
  }
  j += "],\"types\":[";
  for (size_t t = 0; t < types.size(); ++t) {
    j += t ? ",[" : "[";
    j += JsString(types[t].first) + "," + JsString(types[t].second) + "]";
  }
  // counts[city][type] of this index's docs: consecutive doc-id ranges, so city
  // and type filters need no postings. Every city has a row, so the d/ files'
  // city numbers mean the same in every index.
  j += "],\"counts\":[";
  for (size_t i = 0; i < cities.size(); ++i) {
    j += i ? ",[" : "[";
    for (size_t t = 0; t < types.size(); ++t) {
      size_t n = 0;
      for (uint32_t d = scope.first; d < scope.end; ++d) {
        n += docs[d]->city == cities[i].slug && docs[d]->type == types[t].first;
      }
      if (t) j += ",";
      j += std::to_string(n);
    }
    j += "]";
  }
  j += "],\"facets\":[";
  bool first_facet = true;
  for (size_t f = 0; f < facets.size(); ++f) {
    std::string terms;
    for (size_t t = 0; t < facets[f].terms.size(); ++t) {
      if (facet_counts[f][t] == 0) continue;
      terms += terms.empty() ? "[" : ",[";
      const SearchFacetTerm& term = facets[f].terms[t];
      terms += JsString(term.slug) + "," + JsString(term.name) + "," + std::to_string(facet_counts[f][t]) + ",[" +
               JoinJs(term.aliases) + "]]";
    }
    if (terms.empty()) continue;
    j += first_facet ? "[" : ",[";
    j += JsString(facets[f].vocab) + "," + JsString(facets[f].label) + ",[" + terms + "]]";
    first_facet = false;
  }
  return j + "]}";
}

void WriteScope(const Scope& scope, const std::vector<SearchDoc*>& docs, const Lists& bigrams, const Lists& unigrams,
                const std::vector<SearchCity>& cities, const std::vector<std::pair<std::string, std::string>>& types,
                const std::vector<SearchFacet>& facets, const SearchIndexOptions& options, const SearchFileSink& emit,
                SearchIndexStats* stats) {
  const bool whole = scope.first == 0 && scope.end == docs.size();
  const int bits = options.impact_bits;
  const Lists bi = whole ? Lists() : Slice(bigrams, scope.first, scope.end, bits);
  const Lists uni = whole ? Lists() : Slice(unigrams, scope.first, scope.end, bits);
  const size_t shards = WriteShards(whole ? bigrams : bi, scope.first, bits, options.shard_bytes, scope.dir, "s", emit);
  const size_t ushards = WriteShards(whole ? unigrams : uni, scope.first, bits, options.shard_bytes, scope.dir, "u", emit);
  std::vector<std::vector<size_t>> facet_counts(facets.size());
  for (size_t f = 0; f < facets.size(); ++f) {
    for (const auto& [slug, name, aliases] : facets[f].terms) {
      PostingList list;
      const SearchTerm term{facets[f].vocab, slug};
      for (uint32_t d = scope.first; d < scope.end; ++d) {
        if (std::find(docs[d]->terms.begin(), docs[d]->terms.end(), term) != docs[d]->terms.end()) {
          list.docs.push_back(d - scope.first);
        }
      }
      facet_counts[f].push_back(list.docs.size());
      if (list.docs.empty()) continue;
      BitWriter w;
      EncodeList(list, 0, &w);
      const std::string name_ = "f/" + facets[f].vocab + "/" + slug;
      emit({scope.dir + name_ + ".js", Call(name_, JsString(w.Base64()))});
    }
  }
  emit({scope.dir + "meta.js", Call("meta", MetaJson(scope, docs, cities, types, facets, facet_counts, shards,
                                                               ushards, options.impact_bits))});
  if (stats && whole) {
    stats->shards = shards;
    stats->unigram_shards = ushards;
  }
}

std::string DocFile(uint32_t id, const SearchDoc& doc, size_t city, size_t type, size_t max_text) {
  const size_t keep = Utf8PrefixSize(doc.text, max_text);
  const bool cut = keep < doc.text.size();
  const std::string_view text = std::string_view(doc.text).substr(0, keep);
  // Appended piece by piece: GCC 12 warns (-Wrestrict, a false positive) on "literal" + std::string&&.
  std::string payload = "[";
  payload += JsString(doc.title) + "," + JsString(doc.path) + "," + std::to_string(city) + "," + std::to_string(type);
  payload += ",";
  payload += JsString(text) + (cut ? ",1]" : ",0]");
  return Call(std::string("d/") + std::to_string(id), payload);
}

}  // namespace

void BuildSearchIndex(std::vector<SearchDoc*> docs, const std::vector<SearchCity>& cities,
                      const std::vector<SearchFacet>& facets, const SearchIndexOptions& options,
                      const SearchFileSink& emit, SearchIndexStats* stats) {
  // A page of a city missing from `cities` would have no range: it is left out.
  auto city_rank = [&](const std::string& slug) {
    for (size_t i = 0; i < cities.size(); ++i) {
      if (cities[i].slug == slug) return i;
    }
    return cities.size();
  };
  std::erase_if(docs, [&](const SearchDoc* d) { return city_rank(d->city) == cities.size(); });
  std::stable_sort(docs.begin(), docs.end(), [&](const SearchDoc* pa, const SearchDoc* pb) {
    const SearchDoc& a = *pa;
    const SearchDoc& b = *pb;
    if (a.city != b.city) return city_rank(a.city) < city_rank(b.city);
    if (a.type != b.type) return TypeRank(a.type) != TypeRank(b.type) ? TypeRank(a.type) < TypeRank(b.type) : a.type < b.type;
    if (a.date != b.date) return a.date > b.date;
    return a.path < b.path;
  });
  std::vector<std::pair<std::string, std::string>> types;
  for (const SearchDoc* d : docs) {
    if (std::none_of(types.begin(), types.end(), [&](const auto& t) { return t.first == d->type; })) {
      types.push_back({d->type, d->type_label});
    }
  }
  std::sort(types.begin(), types.end(), [](const auto& a, const auto& b) {
    return TypeRank(a.first) != TypeRank(b.first) ? TypeRank(a.first) < TypeRank(b.first) : a.first < b.first;
  });
  auto type_index = [&](const SearchDoc& d) {
    return static_cast<size_t>(
        std::find_if(types.begin(), types.end(), [&](const auto& t) { return t.first == d.type; }) - types.begin());
  };

  // BM25 needs the average document length before any impact can be computed:
  // a first pass measures every document, so the second can store each posting
  // in its final 4 bytes (counting first and weighing after took 8 and a copy).
  std::vector<uint32_t> lengths(docs.size());
  ParallelFor(docs.size(), options.jobs, [&](size_t i) { lengths[i] = BodyLength(docs[i]->text); });
  double total = 0;
  for (uint32_t length : lengths) total += length;
  const double avg = std::max(1.0, lengths.empty() ? 1.0 : total / static_cast<double>(lengths.size()));

  // Documents in chunks, one counter per chunk (its table is reused); each chunk's
  // postings join the lists at once. A document's d/ file is made while it is at hand.
  const int bits = options.impact_bits;
  KeyedLists keyed_bigrams, keyed_unigrams;
  std::mutex keyed_mu;
  constexpr size_t kChunk = 64;
  ParallelFor((docs.size() + kChunk - 1) / kChunk, options.jobs, [&](size_t chunk) {
    TokenCounter counter;
    std::vector<TokenCounts> counted;
    const size_t first = chunk * kChunk, end = std::min(docs.size(), (chunk + 1) * kChunk);
    for (size_t i = first; i < end; ++i) {
      SearchDoc& d = *docs[i];
      counter.Add(d.title, kTitleWeight, false);
      for (const std::string& h : d.headings) counter.Add(h, kHeadingWeight - kBodyWeight, false);  // also in text
      counter.Add(d.text, kBodyWeight, true);
      counted.push_back(counter.Finish());
      const auto id = static_cast<uint32_t>(i);
      emit({"search/d/" + std::to_string(id) + ".js", DocFile(id, d, city_rank(d.city), type_index(d), options.max_text)});
      if (options.release_text) {  // swapped out: assigning an empty string keeps the buffer
        std::string().swap(d.title);
        std::vector<std::string>().swap(d.headings);
        std::string().swap(d.text);
      }
    }
    std::lock_guard<std::mutex> lock(keyed_mu);
    for (size_t i = first; i < end; ++i) {
      const auto doc = static_cast<uint32_t>(i);
      for (const auto& [key, w] : counted[i - first].bigrams) {
        keyed_bigrams[key].push_back(Pack(doc, Impact(w, lengths[i], avg, bits), bits));
      }
      for (const auto& [key, w] : counted[i - first].unigrams) {
        keyed_unigrams[key].push_back(Pack(doc, Impact(w, lengths[i], avg, bits), bits));
      }
    }
  });
  const Lists bigrams = SortLists(&keyed_bigrams, options.jobs);
  const Lists unigrams = SortLists(&keyed_unigrams, options.jobs);

  // The portal's index, then each city's (a range of the portal's doc ids).
  std::vector<Scope> scopes = {{"search/", "", 0, static_cast<uint32_t>(docs.size())}};
  if (options.city_indexes) {
    uint32_t start = 0;
    for (size_t c = 0; c < cities.size(); ++c) {
      uint32_t end = start;
      while (end < docs.size() && docs[end]->city == cities[c].slug) ++end;
      scopes.push_back({cities[c].slug + "/search/", cities[c].slug, start, end});
      start = end;
    }
  }
  ParallelFor(scopes.size(), options.jobs, [&](size_t i) {
    WriteScope(scopes[i], docs, bigrams, unigrams, cities, types, facets, options, emit, i == 0 ? stats : nullptr);
  });
  if (stats) {
    stats->docs = docs.size();
    stats->bigrams = bigrams.size();
    stats->unigrams = unigrams.size();
  }
}

}  // namespace kyodo
