// Readings and their forms: hiragana and katakana (sorting keys, open data's カナ
// columns), Hepburn romaji for URL slugs, 五十音 rows and Japanese collation. ICU
// does the conversions; the kana maps are written out per code point because ICU's
// transliterators are slow to build and must not be shared between threads.
#include "kana.h"

#include <unicode/coll.h>
#include <unicode/translit.h>
#include <unicode/uchar.h>

#include <memory>
#include <utility>

#include "icu_strings.h"
#include "text.h"

namespace kyodo {
namespace {

std::unique_ptr<icu::Transliterator> MakeTransliterator(const char* id) {
  UErrorCode err = U_ZERO_ERROR;
  std::unique_ptr<icu::Transliterator> t(
      icu::Transliterator::createInstance(icu::UnicodeString(id, -1, US_INV), UTRANS_FORWARD, err));
  return U_SUCCESS(err) ? std::move(t) : nullptr;
}

// Maps each code point of NFKC text with `map` (which may append a code point of its
// own before the one it returns), then composes a voiced mark the mapping left after
// its base (ヵ゙ → が, わ゙ → ヷ) as ICU's kana transliterators do.
template <typename Map>
void MapKana(icu::UnicodeString& u, Map map) {
  icu::UnicodeString out;
  bool marks = false;
  for (int32_t i = 0; i < u.length(); i = u.moveIndex32(i, 1)) {
    const UChar32 c = map(u.char32At(i), &out);
    marks = marks || c == 0x3099 || c == 0x309A;
    out.append(c);
  }
  if (marks) {
    UErrorCode err = U_ZERO_ERROR;
    const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(err);
    if (U_SUCCESS(err)) out = nfc->normalize(out, err);
  }
  u = std::move(out);
}

// Katakana → hiragana on NFKC text, as ICU's "[^\\u30FC] Katakana-Hiragana"
// transliterator writes it, without compiling its rules (some 40 ms on each
// thread's first call): one code point each, except ヵヶ → かけ and ヷヸヹヺ → わ゙ ゐ゙ ゑ゙ を゙,
// and a voiced mark after ヵ or ヶ composes (ヵ゙ → が). ー is kept: ICU's rules would turn
// 「サポート」 into 「さぽおと」 while a hiragana 「さぽーと」 keeps its ー. The text test
// compares this with the transliterator over the kana blocks.
void KatakanaToHiragana(icu::UnicodeString& u) {
  MapKana(u, [](UChar32 c, icu::UnicodeString* out) -> UChar32 {
    if (c == 0x30F5 || c == 0x30F6) return c == 0x30F5 ? 0x304B : 0x3051;
    if (c >= 0x30F7 && c <= 0x30FA) {
      out->append(static_cast<UChar32>(0x308F + (c - 0x30F7)));
      return 0x3099;
    }
    return (c >= 0x30A1 && c <= 0x30F4) || c == 0x30FD || c == 0x30FE ? c - 0x60 : c;
  });
}

// Hiragana → katakana on NFKC text, as ICU's "Hiragana-Katakana" writes it (ー kept,
// ゔ → ヴ, わ゙ → ヷ; the small ゕゖ stay), compared with it by the text test.
void HiraganaToKatakana(icu::UnicodeString& u) {
  MapKana(u, [](UChar32 c, icu::UnicodeString*) -> UChar32 {
    return (c >= 0x3041 && c <= 0x3094) || c == 0x309D || c == 0x309E ? c + 0x60 : c;
  });
}

// Transliterators compile their rules when created (slow) and keep per-call state
// (not safe to share), so each thread builds each one once.
//
// Not Any-Latin: that would read kanji as Chinese pinyin. Latin-ASCII strips the
// macrons Hepburn puts on long vowels (sapōto → sapoto).
void KanaToAscii(icu::UnicodeString& u) {
  thread_local const auto t = MakeTransliterator("Hiragana-Latin; Katakana-Latin; Latin-ASCII");
  if (t) t->transliterate(u);
}

// Quaternary strength so that kana differing only in hiragana/katakana still get
// distinct, deterministic keys (ja puts hiragana first at that level). Digits compare
// as numbers, as registers list them: 第2地区 and 中込2区 before 第10地区 and 中込10区.
icu::Collator* JapaneseCollator() {
  thread_local const std::unique_ptr<icu::Collator> c = [] {
    UErrorCode err = U_ZERO_ERROR;
    std::unique_ptr<icu::Collator> made(icu::Collator::createInstance(icu::Locale("ja"), err));
    if (U_FAILURE(err)) return std::unique_ptr<icu::Collator>();
    made->setStrength(icu::Collator::QUATERNARY);
    made->setAttribute(UCOL_NUMERIC_COLLATION, UCOL_ON, err);
    return made;
  }();
  return c.get();
}

// After romanization, a leftover letter or mark (kanji, 々, a stray combining
// macron) has no romaji and is dropped rather than turned into a word break.
bool HasNoRomanization(UChar32 c) {
  return c == '\'' || c == '~' || u_isalpha(c) || (U_GET_GC_MASK(c) & U_GC_M_MASK) != 0;
}

}  // namespace

std::string RomajiSlug(std::string_view s) {
  icu::UnicodeString u = NfkcU(ToUnicode(s));
  // Hepburn writes ぢ and づ as ji and zu (まちづくり machizukuri); ICU's Hiragana-Latin
  // gives dji and dzu, which nobody reads or types in a URL (花壇づくり → kadandzukuri).
  for (const auto& [from, to] : {std::pair{"ぢ", "じ"}, {"づ", "ず"}, {"ヂ", "ジ"}, {"ヅ", "ズ"}}) {
    u.findAndReplace(ToUnicode(from), ToUnicode(to));
  }
  KanaToAscii(u);
  std::string out;
  bool pending_dash = false;
  for (int32_t i = 0; i < u.length(); i = u.moveIndex32(i, 1)) {
    const UChar32 c = u.char32At(i);
    if (IsAsciiAlnum(c)) {
      if (pending_dash && !out.empty()) out += '-';
      pending_dash = false;
      out += AsciiLower(static_cast<char>(c));
    } else if (!HasNoRomanization(c)) {
      pending_dash = true;  // spaces, punctuation, symbols: a word break
    }
  }
  return out;
}

std::string ToHiragana(std::string_view s) {
  icu::UnicodeString u = NfkcU(ToUnicode(s));
  KatakanaToHiragana(u);
  return ToUtf8(u);
}

std::string ToKatakana(std::string_view s) {
  icu::UnicodeString u = NfkcU(ToUnicode(s));
  HiraganaToKatakana(u);
  return ToUtf8(u);
}

std::string GojuonRow(std::string_view reading) {
  const std::string h = ToHiragana(reading);
  if (h.empty()) return "他";
  size_t i = 0;
  const int32_t c = DecodeNext(h, i);
  // The hiragana block runs in 五十音 order with 濁音/半濁音/small kana next to
  // their base, so each row is one range ending at its last code point.
  struct Row {
    int32_t last;
    const char* name;
  };
  static constexpr Row kRows[] = {
      {0x304A, "あ"},  // ぁ..お
      {0x3054, "か"},  // か..ご
      {0x305E, "さ"},  // さ..ぞ
      {0x3069, "た"},  // た..ど (っ included)
      {0x306E, "な"},  // な..の
      {0x307D, "は"},  // は..ぽ
      {0x3082, "ま"},  // ま..も
      {0x3088, "や"},  // ゃ..よ
      {0x308D, "ら"},  // ら..ろ
      {0x3093, "わ"},  // ゎ わ ゐ ゑ を ん
  };
  if (c == 0x3094) return "あ";                   // ゔ is a voiced う
  if (c == 0x3095 || c == 0x3096) return "か";    // small ゕ ゖ
  if (c < 0x3041 || c > 0x3093) return "他";
  for (const Row& row : kRows) {
    if (c <= row.last) return row.name;
  }
  return "他";
}

std::string CollationKey(std::string_view s) {
  icu::Collator* coll = JapaneseCollator();
  if (coll == nullptr) return std::string(s);  // no ICU data: code point order is the best left
  const icu::UnicodeString u = ToUnicode(s);
  std::string key(64, '\0');
  int32_t n = coll->getSortKey(u, reinterpret_cast<uint8_t*>(key.data()), static_cast<int32_t>(key.size()));
  if (n > static_cast<int32_t>(key.size())) {
    key.resize(n);
    n = coll->getSortKey(u, reinterpret_cast<uint8_t*>(key.data()), n);
  }
  // Drop the trailing NUL terminator: sort keys contain no other 0 byte, so
  // std::string's unsigned byte comparison gives the same order without it.
  key.resize(n > 0 ? n - 1 : 0);
  return key;
}

}  // namespace kyodo
