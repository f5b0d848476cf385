#include "search_text.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <bit>
#include <string_view>
#include <vector>

#include "kana.h"
#include "text.h"

namespace kyodo {

namespace {

// Katakana → hiragana by code point: the blocks run in parallel 0x60 apart.
// Not ICU's Katakana-Hiragana transliterator: the JS client must do exactly the
// same per code point, and the transliterator turns ヷ into two code points.
char32_t KatakanaToHiragana(char32_t c) {
  if ((c >= 0x30A1 && c <= 0x30F6) || c == 0x30FD || c == 0x30FE) return c - 0x60;
  return c;
}

// Other spellings of one character, as pairs (the spelling, the one searched):
// ぢ づ as じ ず (あづみの and あずみの: 四つ仮名 that sound alike and are typed
// either way), small ヵ ヶ as か け (駒ヶ根 and 駒ケ根 fold alike), and the
// 旧字体 and name 異体字 that names and older documents keep, as their 常用漢字
// form (宮澤 → 宮沢, 髙﨑 → 高崎, 𠮷 → 吉, 櫻 → 桜): residents type the common form,
// and a page may write either. Sorted by the first of each pair. search.js holds
// the same string (VARIANTS); a test compares the two.
constexpr std::u32string_view kVariants =
    U"ぢじづずゕかゖけ亞亜佛仏來来傳伝價価兒児內内冨富勞労區区卷巻參参國国圍囲圓円圖図團団增増"
    U"壓圧壽寿學学實実寶宝對対嵜崎嶋島嶌島嶽岳廢廃廣広彌弥從従德徳惠恵惡悪應応戰戦拔抜"
    U"擧挙數数曾曽會会桒桑條条榮栄槗橋樂楽檢検櫻桜權権步歩歲歳每毎氣気淸清渕淵滿満澁渋"
    U"澤沢濟済濱浜濵浜瀧滝瀨瀬灣湾燈灯燒焼營営獨独獻献畫画發発眞真硏研碕崎祕秘禮礼稻稲"
    U"穗穂竝並經経緣縁縣県繪絵聲声聽聴臺台與与舊旧舘館莊荘萬万藏蔵藝芸處処螢蛍蟲虫衞衛"
    U"覺覚觀観證証讀読變変豐豊賣売轉転邉辺邊辺郞郎醫医鐵鉄鑛鉱關関隱隠雜雑靑青靜静顯顕"
    U"驗験驛駅體体髙高鹽塩黃黄黑黒點点齊斉齋斎齒歯齡齢龍竜﨑崎𠮷吉";

// c's searched form by kVariants (c itself when it has none).
char32_t CommonForm(char32_t c) {
  struct Table {
    std::array<uint64_t, 0x10000 / 64> bmp{};  // which BMP code points have a pair: most ideographs ask only this
    std::vector<std::pair<char32_t, char32_t>> pairs;
  };
  static const Table table = [] {
    Table t;
    for (size_t i = 0; i + 1 < kVariants.size(); i += 2) {
      t.pairs.emplace_back(kVariants[i], kVariants[i + 1]);
      if (kVariants[i] < 0x10000) t.bmp[kVariants[i] >> 6] |= uint64_t{1} << (kVariants[i] & 63);
    }
    return t;
  }();
  if (c < 0x10000 && ((table.bmp[c >> 6] >> (c & 63)) & 1) == 0) return c;
  const auto it = std::lower_bound(table.pairs.begin(), table.pairs.end(), std::pair<char32_t, char32_t>{c, 0});
  return it != table.pairs.end() && it->first == c ? it->second : c;
}

bool IsSearchable(char32_t c) {
  return (U_GET_GC_MASK(static_cast<UChar32>(c)) & (U_GC_L_MASK | U_GC_N_MASK | U_GC_M_MASK)) != 0;
}

// One code point of NFKC text in its search form, or 0 when it is not searchable.
// ASCII, hiragana and the CJK ideographs answer without ICU's property lookups
// (the search_text test compares every code point with ICU).
char32_t FoldSearchChar(char32_t c) {
  if (c < 0x80) {
    if (c >= 'A' && c <= 'Z') return c - 'A' + 'a';
    return IsAsciiAlnum(c) ? c : 0;
  }
  if (c >= 0x4E00 && c <= 0x9FFF) return CommonForm(c);
  if (c >= 0x3041 && c <= 0x3096) return CommonForm(c);  // hiragana
  // Simple (one-to-one) folding: the client's toUpperCase().toLowerCase() per
  // code point agrees with it for every letter a Japanese portal uses.
  const char32_t f = KatakanaToHiragana(static_cast<char32_t>(u_foldCase(static_cast<UChar32>(c), U_FOLD_CASE_DEFAULT)));
  // The long vowel mark is written or left off by house style (センター and センタ,
  // コミュニティー and コミュニティ: JIS Z 8301 drops a word's last ー, 公用文 keeps
  // it), so neither spelling may hide the other: it is not searched.
  if (f == 0x30FC) return 0;
  // A variation selector only picks a glyph: 葛󠄀 (葛 + U+E0100), as name
  // registers write 人名・地名, is 葛. Kept, it split the bigram 葛飾 in two.
  if (u_hasBinaryProperty(static_cast<UChar32>(f), UCHAR_VARIATION_SELECTOR)) return 0;
  return IsSearchable(f) ? CommonForm(f) : 0;
}

// The search form a character at a time. When every character of a text has a
// normalization boundary before it (ICU's Normalizer2::hasBoundaryBefore), no two
// of them compose or reorder, so the text's NFKC is each character's NFKC in
// turn, and its search form each character's: a table lookup. ICU's composition
// goes a character at a time through kana (each may take a voiced mark after it),
// and folding asked ICU about every katakana and punctuation mark; together they
// were most of the search stage. The table, filled from ICU, covers the blocks
// Japanese text uses; a text with any other character (or one that needs its
// neighbours, such as ﾞ) goes through ICU.
class PerCharSearchForm {
 public:
  PerCharSearchForm() {
    UErrorCode err = U_ZERO_ERROR;
    const icu::Normalizer2* nfkc = icu::Normalizer2::getNFKCInstance(err);
    for (const auto& [first, last] : kBlocks) {
      for (char32_t c = first; c <= last && U_SUCCESS(err); ++c) {
        Entry& e = table_[Index(static_cast<int32_t>(c))];
        if (!nfkc->hasBoundaryBefore(static_cast<UChar32>(c))) continue;
        const icu::UnicodeString n = nfkc->normalize(icu::UnicodeString(static_cast<UChar32>(c)), err);
        std::u32string form;
        for (int32_t i = 0; i < n.length(); i = n.moveIndex32(i, 1)) {
          if (const char32_t folded = FoldSearchChar(static_cast<char32_t>(n.char32At(i)))) form += folded;
        }
        if (form.size() > e.cp.size()) continue;
        std::copy(form.begin(), form.end(), e.cp.begin());
        e.size = static_cast<uint8_t>(form.size());
      }
    }
  }

  /// Calls `out(chars, n)` with the search form of each character of `text`
  /// in turn; false (after some calls) when a character needs ICU.
  template <typename Out>
  bool Fold(std::string_view text, Out&& out) const {
    for (size_t i = 0; i < text.size();) {
      const int32_t c = DecodeNext(text, i);
      if (c >= 0x3400 && c <= 0x9FFF) {  // ideographs (and hexagram symbols) are their own NFKC
        const char32_t folded = FoldSearchChar(static_cast<char32_t>(c));
        out(&folded, folded ? 1 : 0);
        continue;
      }
      const size_t k = Index(c);
      if (k == kOutside || table_[k].size == kNeedsIcu) return false;
      out(table_[k].cp.data(), table_[k].size);
    }
    return true;
  }

 private:
  // Latin, Greek and Cyrillic; punctuation, symbols, CJK symbols, kana and their
  // enclosed and squared forms; full- and half-width forms.
  static constexpr std::array<std::pair<char32_t, char32_t>, 3> kBlocks = {{{0x0000, 0x05FF}, {0x2000, 0x33FF}, {0xFE00, 0xFFFF}}};
  static constexpr uint8_t kNeedsIcu = 0xFF;
  struct Entry {
    std::array<char32_t, 3> cp{};
    uint8_t size = kNeedsIcu;
  };
  static constexpr size_t kOutside = SIZE_MAX;
  // c's entry: the blocks above one after another (unrolled: it runs for every character).
  static size_t Index(int32_t c) {
    if (c < 0) return kOutside;  // ill-formed
    if (c < 0x600) return static_cast<size_t>(c);
    if (c >= 0x2000 && c < 0x3400) return 0x600 + static_cast<size_t>(c - 0x2000);
    if (c >= 0xFE00 && c <= 0xFFFF) return 0x1A00 + static_cast<size_t>(c - 0xFE00);
    return kOutside;
  }
  std::array<Entry, 0x600 + 0x1400 + 0x200> table_{};
};

// One table for the process (ForEachSearchChar is instantiated per caller).
const PerCharSearchForm& SearchFormTable() {
  static const PerCharSearchForm table;
  return table;
}

// Calls `f` with each code point of the search form of `text` (see SearchFold).
// `buffer` holds the table's answer until the whole text is known to need no ICU;
// callers that fold many texts pass the same one.
template <typename F>
void ForEachSearchChar(std::string_view text, std::u32string* buffer, F&& f) {
  buffer->clear();
  if (SearchFormTable().Fold(text, [&](const char32_t* chars, size_t n) { buffer->append(chars, n); })) {
    for (char32_t c : *buffer) f(c);
    return;
  }
  const std::string nfkc = Nfkc(text);
  const auto* s = reinterpret_cast<const uint8_t*>(nfkc.data());
  const auto n = static_cast<int32_t>(nfkc.size());
  for (int32_t i = 0; i < n;) {
    UChar32 c;
    U8_NEXT(s, i, n, c);
    if (c < 0) continue;  // ill-formed input was reported when the file was read
    if (const char32_t folded = FoldSearchChar(static_cast<char32_t>(c))) f(folded);
  }
}

}  // namespace

std::u32string_view SearchVariants() { return kVariants; }

std::u32string SearchFold(std::string_view text) {
  std::u32string out, buffer;
  ForEachSearchChar(text, &buffer, [&](char32_t c) { out.push_back(c); });
  return out;
}

std::string TokenText(TokenKey key) {
  std::string out;
  auto append = [&](uint32_t c) {
    char buf[4];
    int32_t len = 0;
    UBool error = false;
    U8_APPEND(reinterpret_cast<uint8_t*>(buf), len, 4, static_cast<UChar32>(c), error);
    if (!error) out.append(buf, static_cast<size_t>(len));
  };
  append(static_cast<uint32_t>(key >> 32));
  if (IsBigram(key)) append(static_cast<uint32_t>(key & 0xFFFFFFFFu));
  return out;
}

void TokenCounter::Add(std::string_view text, uint32_t weight, bool body) {
  const TokenWeight w = body ? TokenWeight{0, weight} : TokenWeight{weight, 0};
  char32_t previous = 0;
  ForEachSearchChar(text, &folded_, [&](char32_t c) {
    if (previous) Count(BigramKey(previous, c), w);
    Count(UnigramKey(c), w);
    previous = c;
  });
}

uint32_t BodyLength(std::string_view body) {
  size_t chars = 0;
  if (!SearchFormTable().Fold(body, [&](const char32_t*, size_t n) { chars += n; })) {
    chars = 0;
    std::u32string buffer;
    ForEachSearchChar(body, &buffer, [&](char32_t) { ++chars; });
  }
  return chars > 1 ? static_cast<uint32_t>(chars - 1) : 0;
}

// Open addressing, kept at most half full; keys are never 0 (a unigram has a
// character in its high half), so 0 marks a free slot.
void TokenCounter::Count(TokenKey key, TokenWeight w) {
  if (2 * (used_.size() + 1) > table_.size()) Grow();
  const size_t mask = table_.size() - 1;
  // Fibonacci hashing: the product's top bits depend on both characters of a bigram.
  size_t i = static_cast<size_t>((key * 0x9E3779B97F4A7C15ull) >> shift_);
  while (table_[i].first != 0 && table_[i].first != key) i = (i + 1) & mask;
  if (table_[i].first == 0) {
    table_[i].first = key;
    used_.push_back(static_cast<uint32_t>(i));
  }
  table_[i].second.field += w.field;
  table_[i].second.body += w.body;
}

void TokenCounter::Grow() {
  std::vector<std::pair<TokenKey, TokenWeight>> old;
  old.reserve(used_.size());
  for (uint32_t i : used_) old.push_back(table_[i]);
  table_.assign(std::max<size_t>(1024, table_.size() * 2), {0, {}});
  shift_ = 64 - std::countr_zero(table_.size());
  used_.clear();
  for (const auto& [key, w] : old) Count(key, w);
}

TokenCounts TokenCounter::Finish() {
  TokenCounts out;
  for (uint32_t i : used_) {
    (IsBigram(table_[i].first) ? out.bigrams : out.unigrams).push_back(table_[i]);
    table_[i] = {0, {}};  // clean for the next document
  }
  used_.clear();
  return out;
}

}  // namespace kyodo
