// The character stream the search index is built from, and its tokens. The
// browser client (themes/default/assets/search.js, `fold`) folds queries and
// stored text the same way, so both sides must change together.
#ifndef KYODO_SEARCH_TEXT_H_
#define KYODO_SEARCH_TEXT_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace kyodo {

/// The search form of a text, one code point per element: NFKC (全角英数 → 半角,
/// 半角カナ → 全角), simple case folding, katakana → hiragana (ー dropped), and only
/// letters, digits and marks kept. Spaces and punctuation are dropped rather than
/// kept as breaks, so 「協働」の and 協働の, or 子育て・支援 and 子育て支援, fold alike.
/// 「ｺｽﾓｽ」「コスモス」「こすもす」 → 「こすもす」. Variation selectors are dropped,
/// and the spellings of SearchVariants become the common one (宮澤 → 宮沢).
std::u32string SearchFold(std::string_view text);

/// Pairs of code points (a spelling, the one SearchFold makes of it): ぢ づ, small ヵ ヶ,
/// 旧字体 and name 異体字. search.js's VARIANTS must be the same string.
std::u32string_view SearchVariants();

/// A token: one code point (a unigram) or two (a bigram), packed so that keys
/// sort by their code points: first << 32 | second (second = 0 for a unigram).
using TokenKey = uint64_t;
constexpr TokenKey UnigramKey(char32_t a) { return static_cast<TokenKey>(a) << 32; }
constexpr TokenKey BigramKey(char32_t a, char32_t b) { return static_cast<TokenKey>(a) << 32 | b; }
constexpr bool IsBigram(TokenKey key) { return (key & 0xFFFFFFFFu) != 0; }
/// The key as UTF-8 text ("子育").
std::string TokenText(TokenKey key);

/// How often a token occurs in one document: in the body (length-normalised by
/// BM25) and, weighted, in the title and headings (not length-normalised: a
/// heading about the query is as strong a sign in a long policy as in a short case).
struct TokenWeight {
  uint32_t field = 0;  ///< weighted occurrences in the title and headings
  uint32_t body = 0;   ///< occurrences in the body text
  bool operator==(const TokenWeight&) const = default;
};

/// Token counts of one document, in no particular order.
struct TokenCounts {
  std::vector<std::pair<TokenKey, TokenWeight>> bigrams;
  std::vector<std::pair<TokenKey, TokenWeight>> unigrams;
};

/// BM25's document length: the bigrams of the folded body text.
uint32_t BodyLength(std::string_view body);

/// Counts tokens field by field (BM25F: each field keeps its own weight, and only
/// the body is normalised by the document's length).
class TokenCounter {
 public:
  /// Adds every bigram and unigram of `text` (folded here) with `weight`, as
  /// body text or as a title or heading.
  void Add(std::string_view text, uint32_t weight, bool body);
  /// The document's counts; the counter is then ready for the next document.
  TokenCounts Finish();

 private:
  void Count(TokenKey key, TokenWeight w);
  void Grow();
  std::vector<std::pair<TokenKey, TokenWeight>> table_;  // a hash table, kept for the next document
  std::vector<uint32_t> used_;                            // its filled slots
  std::u32string folded_;                                 // the text being added, folded (reused)
  int shift_ = 64;                                        // 64 - log2(table size)
};

}  // namespace kyodo

#endif  // KYODO_SEARCH_TEXT_H_
