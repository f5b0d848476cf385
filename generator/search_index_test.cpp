#include "search_index.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <map>
#include <mutex>
#include <random>

#include "search_codec.h"

namespace kyodo {
namespace {

// Reads what search.js reads: base64 bits, gamma counts, Rice gaps, impacts.
class Reader {
 public:
  explicit Reader(const std::string& b64) {
    const std::string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    for (char c : b64) {
      const auto v = alphabet.find(c);
      for (int i = 5; i >= 0; --i) bits_.push_back((v >> i) & 1);
    }
  }
  uint32_t Bits(int n) {
    uint32_t v = 0;
    while (n-- > 0) v = v << 1 | bits_.at(pos_++);
    return v;
  }
  PostingList List(int impact_bits) {
    int zeros = 0;
    while (Bits(1) == 0) ++zeros;
    const uint32_t n = (1u << zeros) | Bits(zeros);
    const int k = static_cast<int>(Bits(5));
    PostingList list;
    int64_t d = -1;
    for (uint32_t i = 0; i < n; ++i) {
      uint32_t q = 0;
      while (Bits(1)) ++q;
      d += (q << k) + Bits(k) + 1;
      list.docs.push_back(static_cast<uint32_t>(d));
    }
    if (impact_bits == 0) return list;
    if (Bits(1) == 0) {
      for (uint32_t i = 0; i < n; ++i) list.impacts.push_back(static_cast<uint8_t>(Bits(impact_bits)));
      return list;
    }
    // Canonical Huffman, decoded as zlib's puff.c does.
    std::vector<int> len(size_t{1} << impact_bits, 0), count(16, 0), syms;
    for (size_t v = 1; v < len.size(); ++v) {
      len[v] = static_cast<int>(Bits(4));
      if (len[v]) syms.push_back(static_cast<int>(v)), ++count[static_cast<size_t>(len[v])];
    }
    std::stable_sort(syms.begin(), syms.end(), [&](int a, int b) { return len[a] < len[b]; });
    for (uint32_t i = 0; i < n; ++i) {
      for (int code = 0, first = 0, index = 0, l = 1;; ++l) {
        code |= static_cast<int>(Bits(1));
        const int c = count.at(static_cast<size_t>(l));
        if (code - first < c) {
          list.impacts.push_back(static_cast<uint8_t>(syms[static_cast<size_t>(index + code - first)]));
          break;
        }
        index += c;
        first = (first + c) << 1;
        code <<= 1;
      }
    }
    return list;
  }

 private:
  std::vector<int> bits_;
  size_t pos_ = 0;
};

// The string literals of an index file (none of these holds an escaped quote):
// kyodoSearch("s/0",["keys","bits"]); → s/0, keys, bits.
std::vector<std::string> Quoted(const std::string& file) {
  std::vector<std::string> out;
  for (size_t a = file.find('"'); a != std::string::npos; a = file.find('"', a + 1)) {
    const size_t b = file.find('"', a + 1);
    out.push_back(file.substr(a + 1, b - a - 1));
    a = b;
  }
  return out;
}

// Postings of every key of a shard file, big lists read from their own files in `files`.
std::map<std::string, PostingList> Decode(const std::map<std::string, std::string>& files, const std::string& dir,
                                          const std::string& shard, int impact_bits) {
  const auto strings = Quoted(files.at(dir + shard + ".js"));
  const std::string& keys = strings.at(1);
  const std::string& bits = strings.at(2);
  std::map<std::string, PostingList> out;
  Reader r(bits);
  for (size_t at = 0; at < keys.size();) {
    size_t sp = keys.find(' ', at);
    if (sp == std::string::npos) sp = keys.size();
    out[keys.substr(at, sp - at)] = r.List(impact_bits);
    at = sp + 1;
  }
  for (size_t i = 3; i + 1 < strings.size(); i += 2) {  // {"key":"s/0-0",…}
    Reader own(Quoted(files.at(dir + strings[i + 1] + ".js")).at(1));
    out[strings[i]] = own.List(impact_bits);
  }
  return out;
}

std::vector<SearchDoc> SampleDocs() {
  SearchDoc kosodate{"saku/cases/kosodate/", "saku", "cases", "協働事例", "2020-01-01", "子育てお助け村", {},
                     "子育てサロンです。", {{"fields", "kodomo"}}};
  SearchDoc shishin{"saku/policies/shishin/", "saku", "policies", "基本指針・計画", "", "協働基本指針", {"子育て"},
                    "子育て。高齢者", {}};
  SearchDoc yomi{"suwa/cases/yomi/", "suwa", "cases", "協働事例", "2019-05-01", "読み聞かせ", {}, "図書館で読み聞かせ", {}};
  return {kosodate, shishin, yomi};
}

const std::vector<SearchCity> kCities = {{"saku", "佐久市", "さくし", "佐久市"}, {"suwa", "諏訪市", "すわし", "諏訪市"}};
const std::vector<SearchFacet> kFacets = {
    {"fields", "分野", {{"fukushi", "保健・医療・福祉", {"福祉"}}, {"kodomo", "子どもの健全育成", {"子育て", "児童"}}}}};

// Every file BuildSearchIndex hands over, by path (a path handed over twice is lost).
std::map<std::string, std::string> Build(std::vector<SearchDoc>* docs, const SearchIndexOptions& options = {},
                                         SearchIndexStats* stats = nullptr) {
  std::vector<SearchDoc*> pointers;
  for (SearchDoc& d : *docs) pointers.push_back(&d);
  std::map<std::string, std::string> files;
  std::mutex mu;
  BuildSearchIndex(pointers, kCities, kFacets, options,
                   [&](SearchFile&& f) {
                     std::lock_guard<std::mutex> lock(mu);
                     if (!files.emplace(f.path, f.bytes).second) files.erase(f.path);
                   },
                   stats);
  return files;
}

std::map<std::string, std::string> Build(std::vector<SearchDoc> docs, const SearchIndexOptions& options = {},
                                         SearchIndexStats* stats = nullptr) {
  return Build(&docs, options, stats);
}

TEST_CASE("BuildSearchIndex writes the portal's and each city's index and one file per page") {
  SearchIndexStats stats;
  auto files = Build(SampleDocs(), {}, &stats);
  std::vector<std::string> paths;
  for (const auto& [path, bytes] : files) paths.push_back(path);
  CHECK(paths == std::vector<std::string>{
                     "saku/search/f/fields/kodomo.js", "saku/search/meta.js", "saku/search/s/0.js",
                     "saku/search/u/0.js", "search/d/0.js", "search/d/1.js", "search/d/2.js",
                     "search/f/fields/kodomo.js", "search/meta.js", "search/s/0.js", "search/u/0.js",
                     "suwa/search/meta.js", "suwa/search/s/0.js", "suwa/search/u/0.js"});
  CHECK(stats.docs == 3);
  CHECK(stats.shards == 1);
  // Ids run by city, then type (policies before cases), then newest first.
  CHECK(files["search/meta.js"] ==
        "kyodoSearch(\"meta\",{\"version\":1,\"city\":\"\",\"docs\":3,\"first\":0,\"bits\":4,\"shards\":1,"
        "\"ushards\":1,\"cities\":[[\"saku\",\"佐久市\",\"さくし\",\"佐久市\"],[\"suwa\",\"諏訪市\",\"すわし\",\"諏訪市\"]],\"types\":[[\"policies\","
        "\"基本指針・計画\"],[\"cases\",\"協働事例\"]],\"counts\":[[1,1],[0,1]],\"facets\":[[\"fields\",\"分野\","
        "[[\"kodomo\",\"子どもの健全育成\",1,[\"子育て\",\"児童\"]]]]]});\n");
  CHECK(files["search/d/1.js"] ==
        "kyodoSearch(\"d/1\",[\"子育てお助け村\",\"saku/cases/kosodate/\",0,1,\"子育てサロンです。\",0]);\n");
  // A city's index numbers its pages from 0 and says where they start in search/d/.
  CHECK(files["suwa/search/meta.js"].find("\"city\":\"suwa\",\"docs\":1,\"first\":2,") != std::string::npos);
  CHECK(files["suwa/search/meta.js"].find("\"counts\":[[0,0],[0,1]]") != std::string::npos);
}

TEST_CASE("Postings hold every page with the bigram, title words weighing more") {
  auto files = Build(SampleDocs());
  auto portal = Decode(files, "search/", "s/0", 4);
  REQUIRE(portal.count("子育"));
  CHECK(portal["子育"].docs == std::vector<uint32_t>{0, 1});
  // d1 has 子育て in its title and text; d0 in a heading and the text.
  CHECK(portal["子育"].impacts[1] > portal["子育"].impacts[0]);
  CHECK(portal["読み"].docs == std::vector<uint32_t>{2});
  CHECK(portal.count("。高") == 0);  // punctuation is not a character of a token
  CHECK(portal.count("て高") == 1);  // …but it does not break the text either
  auto suwa = Decode(files, "suwa/search/", "s/0", 4);
  CHECK(suwa["読み"].docs == std::vector<uint32_t>{0});
  CHECK(suwa.count("子育") == 0);
  auto uni = Decode(files, "search/", "u/0", 4);
  CHECK(uni["図"].docs == std::vector<uint32_t>{2});
  Reader filter(Quoted(files["search/f/fields/kodomo.js"]).at(1));
  CHECK(filter.List(0).docs == std::vector<uint32_t>{1});
}

TEST_CASE("Each token sits in the shard its hash names") {
  SearchIndexOptions options;
  options.shard_bytes = 16;
  SearchIndexStats stats;
  auto files = Build(SampleDocs(), options, &stats);
  REQUIRE(stats.shards > 4);
  size_t found = 0;
  for (size_t s = 0; s < stats.shards; ++s) {
    for (const auto& [key, list] : Decode(files, "search/", "s/" + std::to_string(s), 4)) {
      std::u32string chars;
      for (size_t i = 0; i < key.size();) {  // decode the two UTF-8 characters
        const auto b = static_cast<unsigned char>(key[i]);
        const size_t len = b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
        char32_t c = len == 1 ? b : b & (0xFF >> (len + 1));
        for (size_t k = 1; k < len; ++k) c = c << 6 | (static_cast<unsigned char>(key[i + k]) & 0x3F);
        chars += c;
        i += len;
      }
      CHECK(TokenHash(chars) % stats.shards == s);
      ++found;
    }
  }
  CHECK(found == stats.bigrams);
}

TEST_CASE("A list bigger than half a shard gets a file of its own") {
  std::vector<SearchDoc> docs;
  for (int i = 0; i < 100; ++i) {
    docs.push_back({"saku/cases/c" + std::to_string(i) + "/", "saku", "cases", "協働事例", "", "協働" + std::to_string(i),
                    {}, i % 20 ? "読書" : "子育て", {}});
  }
  SearchIndexOptions options;
  options.shard_bytes = 64;  // lists of more than 32 base64 characters (192 bits) stand alone
  options.city_indexes = false;
  SearchIndexStats stats;
  auto files = Build(docs, options, &stats);
  // 協働 is on all 100 pages: gamma(100) 13 bits + 5 + 100 one-bit gaps + 1 + Huffman 60 + 100 = 279 bits.
  const size_t shard = TokenHash(U"協働") % stats.shards;
  const std::string name = "s/" + std::to_string(shard);
  const std::string file = files["search/" + name + ".js"];
  CHECK(file.find("{\"協働\":\"" + name + "-") != std::string::npos);
  CHECK(Quoted(file).at(1).find("協働") == std::string::npos);  // not among the shard's own keys
  auto lists = Decode(files, "search/", name, 4);
  REQUIRE(lists.count("協働"));
  CHECK(lists["協働"].docs.size() == 100);
  // 子育 is on 5 pages, a few dozen bits: it stays in its shard.
  const std::string other = "search/s/" + std::to_string(TokenHash(U"子育") % stats.shards) + ".js";
  CHECK(Quoted(files[other]).at(1).find("子育") != std::string::npos);
}

TEST_CASE("The index is the same whatever the input order and the number of threads") {
  auto docs = SampleDocs();
  auto one = Build(docs);
  std::mt19937 rng(7);
  std::shuffle(docs.begin(), docs.end(), rng);
  SearchIndexOptions threads;
  threads.jobs = 3;
  auto other = Build(docs, threads);
  CHECK(one.size() == 14);  // 3 indexes × meta, s/0, u/0 + 2 facet files + 3 d/ files
  CHECK(one == other);
}

TEST_CASE("release_text frees each page's text and changes no file") {
  auto docs = SampleDocs();
  SearchIndexOptions release;
  release.release_text = true;
  release.jobs = 2;
  CHECK(Build(&docs, release) == Build(SampleDocs()));
  for (const SearchDoc& d : docs) {
    CHECK(d.text.capacity() < 16);  // the memory, not only the characters, is given back
    CHECK(d.title.capacity() < 16);
    CHECK(d.headings.capacity() == 0);
    CHECK_FALSE(d.path.empty());  // what the meta and facet files read stays
  }
  CHECK(docs[0].terms.size() == 1);
}

TEST_CASE("Stored text is cut at max_text and says so") {
  SearchIndexOptions options;
  options.max_text = 3;
  options.city_indexes = false;
  auto files = Build(SampleDocs(), options);
  CHECK(files.count("saku/search/meta.js") == 0);
  CHECK(files["search/d/2.js"] == "kyodoSearch(\"d/2\",[\"読み聞かせ\",\"suwa/cases/yomi/\",1,1,\"図書館\",1]);\n");
}

TEST_CASE("A page of a city not in the list is left out") {
  auto docs = SampleDocs();
  docs[2].city = "nowhere";
  SearchIndexStats stats;
  Build(docs, {}, &stats);
  CHECK(stats.docs == 2);
}

}  // namespace
}  // namespace kyodo
