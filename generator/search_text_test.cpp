#include "search_text.h"

#include <doctest/doctest.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <map>
#include <vector>

#include "disk.h"

namespace kyodo {
namespace {

TEST_CASE("SearchFold folds width, case and kana the way search.js does") {
  CHECK(SearchFold("コスモス") == U"こすもす");
  CHECK(SearchFold("ｺｽﾓｽ") == U"こすもす");
  CHECK(SearchFold("こすもす") == U"こすもす");
  CHECK(SearchFold("ｻﾎﾟｰﾄｾﾝﾀｰ") == U"さぽとせんた");  // half-width voiced marks compose
  CHECK(SearchFold("サポートセンター") == U"さぽとせんた");
  CHECK(SearchFold("ＮＰＯ法人") == U"npo法人");
  CHECK(SearchFold("NPO法人") == U"npo法人");
  CHECK(SearchFold("ヴァイオリン") == U"ゔぁいおりん");
  CHECK(SearchFold("①ΣΑ") == U"1σα");
  CHECK(SearchFold("𩸽の干物") == U"𩸽の干物");  // beyond the BMP
  CHECK(SearchFold("𠮷野家") == U"吉野家");
}

TEST_CASE("SearchFold finds a katakana word with or without its long vowel mark") {
  CHECK(SearchFold("センター") == SearchFold("センタ"));
  CHECK(SearchFold("コミュニティー") == SearchFold("コミュニティ"));
  CHECK(SearchFold("ｺﾐｭﾆﾃｨｰ") == U"こみゅにてぃ");
  CHECK(SearchFold("ー") == U"");
}

TEST_CASE("SearchFold searches 旧字体, name 異体字 and small ヶ as the common spelling") {
  CHECK(SearchFold("宮澤") == SearchFold("宮沢"));
  CHECK(SearchFold("髙﨑") == U"高崎");  // 﨑 (U+FA11) is a compatibility ideograph NFKC keeps
  CHECK(SearchFold("𠮷田") == U"吉田");
  CHECK(SearchFold("櫻井") == U"桜井");
  CHECK(SearchFold("駒ヶ根") == U"駒け根");
  CHECK(SearchFold("駒ケ根") == U"駒け根");
  CHECK(SearchFold("ｹ") == U"け");
  CHECK(SearchFold("一ヵ所") == U"一か所");
  CHECK(SearchFold("沢") == U"沢");  // the common form stays
  CHECK(SearchFold("あづみの") == SearchFold("あずみの"));
  CHECK(SearchFold("ちぢみ") == U"ちじみ");
  CHECK(SearchFold("ツヅキ") == U"つずき");
  for (size_t i = 0; i + 1 < SearchVariants().size(); i += 2) {
    INFO("pair ", i / 2);
    CHECK(SearchVariants()[i] != SearchVariants()[i + 1]);
    if (i >= 2) CHECK(SearchVariants()[i - 2] < SearchVariants()[i]);  // sorted, each spelling once
    // The common form is not itself a spelling of another: one fold is final.
    CHECK(SearchVariants().find(SearchVariants()[i + 1]) % 2 == 1);
  }
}

#ifdef KYODO_SOURCE_DIR
TEST_CASE("search.js folds the same variants as SearchFold") {
  RealDisk disk;
  std::string js, err;
  REQUIRE(disk.ReadFile(std::string(KYODO_SOURCE_DIR) + "/themes/default/assets/search.js", &js, &err));
  const std::string start = "var VARIANTS = '";
  const size_t at = js.find(start);
  REQUIRE(at != std::string::npos);
  const size_t end = js.find('\'', at + start.size());
  REQUIRE(end != std::string::npos);
  const icu::UnicodeString from_js = icu::UnicodeString::fromUTF8(js.substr(at + start.size(), end - at - start.size()));
  const std::u32string_view cpp = SearchVariants();
  CHECK(from_js == icu::UnicodeString::fromUTF32(reinterpret_cast<const UChar32*>(cpp.data()), static_cast<int32_t>(cpp.size())));
}
#endif

TEST_CASE("SearchFold drops variation selectors, so a name written with one is found without it") {
  CHECK(SearchFold("葛\U000E0100飾区") == U"葛飾区");  // an ideographic variation sequence (IVS)
  CHECK(SearchFold("辻\U000E0101さん") == U"辻さん");
  CHECK(SearchFold("神\uFE00社") == U"神社");           // a standardized variant
  CHECK(SearchFold("花\u2764\uFE0F") == U"花");       // an emoji's presentation selector
}

TEST_CASE("SearchFold drops spaces and punctuation instead of breaking on them") {
  CHECK(SearchFold("「協働」の推進。") == U"協働の推進");
  CHECK(SearchFold("子育て・支援") == U"子育て支援");
  CHECK(SearchFold("子育て　支援 (R4)") == U"子育て支援r4");
  CHECK(SearchFold("！？…、。") == U"");
  CHECK(SearchFold("") == U"");
}

// SearchFold as its contract says it, all through ICU, one code point at a time.
std::u32string FoldWithIcu(char32_t c) {
  UErrorCode err = U_ZERO_ERROR;
  icu::UnicodeString nfkc = icu::Normalizer2::getNFKCInstance(err)->normalize(icu::UnicodeString(static_cast<UChar32>(c)), err);
  std::u32string out;
  for (int32_t i = 0; i < nfkc.length(); i = nfkc.moveIndex32(i, 1)) {
    auto f = static_cast<char32_t>(u_foldCase(nfkc.char32At(i), U_FOLD_CASE_DEFAULT));
    if ((f >= 0x30A1 && f <= 0x30F6) || f == 0x30FD || f == 0x30FE) f -= 0x60;
    if (f == U'ー' || u_hasBinaryProperty(static_cast<UChar32>(f), UCHAR_VARIATION_SELECTOR)) continue;
    const size_t variant = SearchVariants().find(f);
    if (variant != std::u32string_view::npos && variant % 2 == 0) f = SearchVariants()[variant + 1];
    if (U_GET_GC_MASK(static_cast<UChar32>(f)) & (U_GC_L_MASK | U_GC_N_MASK | U_GC_M_MASK)) out.push_back(f);
  }
  return out;
}

TEST_CASE("SearchFold agrees with ICU on every code point it answers without ICU, and around them") {
  // Latin, Greek, Cyrillic; punctuation, symbols, kana, enclosed and squared forms;
  // CJK ideographs; full- and half-width forms: what SearchFold answers from its table.
  for (auto [first, last] : {std::pair<char32_t, char32_t>{0x01, 0x5FF}, {0x2000, 0x33FF}, {0x3400, 0xA000}, {0xFE00, 0xFFFD}}) {
    for (char32_t c = first; c <= last; ++c) {
      std::string utf8;
      icu::UnicodeString(static_cast<UChar32>(c)).toUTF8String(utf8);
      INFO("U+", std::hex, static_cast<uint32_t>(c));
      REQUIRE(SearchFold(utf8) == FoldWithIcu(c));
    }
  }
}

// SearchFold as its contract says it for a whole text: ICU's NFKC, then each code point folded.
std::u32string FoldTextWithIcu(const std::string& text) {
  UErrorCode err = U_ZERO_ERROR;
  const icu::UnicodeString nfkc =
      icu::Normalizer2::getNFKCInstance(err)->normalize(icu::UnicodeString::fromUTF8(text), err);
  std::u32string out;
  for (int32_t i = 0; i < nfkc.length(); i = nfkc.moveIndex32(i, 1)) {
    out += FoldWithIcu(static_cast<char32_t>(nfkc.char32At(i)));
  }
  return out;
}

TEST_CASE("SearchFold of a text is ICU's NFKC of the whole text, folded, also where characters combine") {
  // Characters that compose with the one before (voiced marks, accents, jamo),
  // map to several (㈱ …), or change width, among plain ones.
  const std::vector<std::u32string> pool = {U"か", U"\u3099", U"\u309A", U"ﾞ", U"ﾟ", U"ｶ", U"ﾊ", U"ｰ", U"は", U"ウ", U"e",
                                            U"\u0301", U"㈱", U"…", U"Ａ", U"１", U"①", U"漢", U"䷀", U"\u1100", U"\u1161",
                                            U"가", U"\u11A8", U"ﬁ", U"ß", U"Ω", U" ", U"・", U"ㇰ", U"𠮷", U"\uFE00", U"\U000E0100", U"ヶ", U"澤", U"﨑"};
  CHECK(SearchFold("か\u3099") == U"が");
  uint32_t seed = 12345;
  for (int n = 0; n < 3000; ++n) {
    std::u32string text;
    for (int k = 0; k < 6; ++k) {
      seed = seed * 1103515245u + 12345u;
      text += pool[(seed >> 16) % pool.size()];
    }
    std::string utf8;
    icu::UnicodeString::fromUTF32(reinterpret_cast<const UChar32*>(text.data()), static_cast<int32_t>(text.size()))
        .toUTF8String(utf8);
    INFO(utf8);
    REQUIRE(SearchFold(utf8) == FoldTextWithIcu(utf8));
  }
}

TEST_CASE("TokenText spells a key") {
  CHECK(TokenText(BigramKey(U'子', U'育')) == "子育");
  CHECK(TokenText(UnigramKey(U'森')) == "森");
  CHECK(TokenText(BigramKey(U'𠮷', U'野')) == "𠮷野");
  CHECK(IsBigram(BigramKey(U'a', U'b')));
  CHECK_FALSE(IsBigram(UnigramKey(U'a')));
  CHECK(BigramKey(U'あ', U'い') < BigramKey(U'あ', U'う'));
}

TEST_CASE("TokenCounter weighs each field and counts the body's length") {
  TokenCounter counter;
  counter.Add("子育て", 5, false);
  counter.Add("子育て支援", 1, true);
  counter.Add("、", 1, true);  // nothing to count
  TokenCounts c = counter.Finish();
  using P = std::pair<TokenKey, TokenWeight>;
  auto by_key = [](const P& a, const P& b) { return a.first < b.first; };
  std::sort(c.bigrams.begin(), c.bigrams.end(), by_key);
  std::sort(c.unigrams.begin(), c.unigrams.end(), by_key);
  CHECK(c.bigrams == std::vector<P>{{BigramKey(U'て', U'支'), {0, 1}}, {BigramKey(U'子', U'育'), {5, 1}},
                                    {BigramKey(U'支', U'援'), {0, 1}}, {BigramKey(U'育', U'て'), {5, 1}}});
  CHECK(c.unigrams == std::vector<P>{{UnigramKey(U'て'), {5, 1}}, {UnigramKey(U'子'), {5, 1}},
                                     {UnigramKey(U'援'), {0, 1}}, {UnigramKey(U'支'), {0, 1}},
                                     {UnigramKey(U'育'), {5, 1}}});
}

TEST_CASE("BodyLength counts the bigrams of the folded text") {
  CHECK(BodyLength("子育て支援") == 4);
  CHECK(BodyLength("子育て、支援") == 4);  // punctuation is folded away
  CHECK(BodyLength("育") == 0);
  CHECK(BodyLength("、") == 0);
}

TEST_CASE("TokenCounter counts a text with thousands of tokens exactly, then starts clean") {
  std::u32string text;
  for (char32_t c = U'一'; c < U'一' + 3000; ++c) text += {c, U'の'};  // 6,000 characters, 6,000 distinct bigrams
  std::string utf8;
  for (char32_t c : text) utf8 += TokenText(UnigramKey(c));
  text = SearchFold(utf8);  // 亞 → 亜 and the like
  std::map<TokenKey, uint32_t> expected;
  for (size_t i = 0; i < text.size(); ++i) {
    ++expected[UnigramKey(text[i])];
    if (i + 1 < text.size()) ++expected[BigramKey(text[i], text[i + 1])];
  }
  TokenCounter counter;
  counter.Add(utf8, 1, true);
  TokenCounts c = counter.Finish();
  std::map<TokenKey, uint32_t> got;
  for (const auto& [key, w] : c.bigrams) got[key] += w.body;
  for (const auto& [key, w] : c.unigrams) got[key] += w.body;
  CHECK(got == expected);
  CHECK(got[UnigramKey(U'の')] == 3000);
  counter.Add("子育", 1, true);
  TokenCounts next = counter.Finish();
  CHECK(next.bigrams.size() == 1);
  CHECK(next.unigrams.size() == 2);
}

TEST_CASE("TokenCounter makes no bigram across two fields") {
  TokenCounter counter;
  counter.Add("子", 5, false);
  counter.Add("育", 1, true);
  TokenCounts c = counter.Finish();
  CHECK(c.bigrams.empty());
  CHECK(c.unigrams.size() == 2);
}

}  // namespace
}  // namespace kyodo
