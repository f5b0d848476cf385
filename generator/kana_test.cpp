#include "kana.h"

#include <doctest/doctest.h>
#include <unicode/normalizer2.h>
#include <unicode/translit.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <memory>
#include <string>
#include <vector>

namespace kyodo {
namespace {

TEST_CASE("RomajiSlug") {
  CHECK(RomajiSlug("こすもす") == "kosumosu");
  CHECK(RomajiSlug("コスモス街道") == "kosumosu");
  CHECK(RomajiSlug("サポート") == "sapoto");
  CHECK(RomajiSlug("サポートセンター") == "sapotosenta");
  CHECK(RomajiSlug("Sapporo 2024") == "sapporo-2024");
  CHECK(RomajiSlug("ＮＰＯ支援") == "npo");
  CHECK(RomajiSlug("しんいち") == "shinichi");         // apostrophe of shin'ichi removed
  CHECK(RomajiSlug("まっちゃ") == "matcha");
  CHECK(RomajiSlug("とうきょう") == "toukyou");
  CHECK(RomajiSlug("かだんづくり") == "kadanzukuri");  // Hepburn: zu and ji, not dzu and dji
  CHECK(RomajiSlug("まちヅクリ") == "machizukuri");
  CHECK(RomajiSlug("はなぢ") == "hanaji");
  CHECK(RomajiSlug("ちぢみ") == "chijimi");
  CHECK(RomajiSlug("ｺｽﾓｽ・まつり！") == "kosumosu-matsuri");
  CHECK(RomajiSlug("  --Hello,  World--  ") == "hello-world");
  CHECK(RomajiSlug("Café") == "cafe");
  CHECK(RomajiSlug("NPO法人 すわ") == "npo-suwa");  // kanji dropped, the space still breaks
  CHECK(RomajiSlug("協働推進課") == "");
  CHECK(RomajiSlug("") == "");
}

TEST_CASE("ToHiragana") {
  CHECK(ToHiragana("コスモス") == "こすもす");
  CHECK(ToHiragana("ｶﾞｯｺｳ") == "がっこう");
  CHECK(ToHiragana("サポーター") == "さぽーたー");
  CHECK(ToHiragana("ヴァイオリン") == "ゔぁいおりん");
  CHECK(ToHiragana("ＡＢＣ漢字") == "ABC漢字");
}

TEST_CASE("ToKatakana") {
  CHECK(ToKatakana("さくばるーんふぇすてぃばる") == "サクバルーンフェスティバル");
  CHECK(ToKatakana("ｺｽﾓｽ") == "コスモス");
  CHECK(ToKatakana("ゔぁいおりん") == "ヴァイオリン");
  CHECK(ToKatakana("NPOほうじん") == "NPOホウジン");
  CHECK(ToKatakana("") == "");
}

TEST_CASE("GojuonRow") {
  CHECK(GojuonRow("あおば") == "あ");
  CHECK(GojuonRow("ぱんや") == "は");
  CHECK(GojuonRow("ゃ") == "や");
  CHECK(GojuonRow("ンジャメナ") == "わ");
  CHECK(GojuonRow("ヴァイオリン") == "あ");
  CHECK(GojuonRow("A") == "他");
  CHECK(GojuonRow("漢") == "他");
  CHECK(GojuonRow("がっこう") == "か");
  CHECK(GojuonRow("ゖ") == "か");
  CHECK(GojuonRow("っ") == "た");
  CHECK(GojuonRow("づ") == "た");
  CHECK(GojuonRow("ヲ") == "わ");
  CHECK(GojuonRow("ゐ") == "わ");
  CHECK(GojuonRow("ゑ") == "わ");
  CHECK(GojuonRow("ぉ") == "あ");
  CHECK(GojuonRow("ﾏﾁ") == "ま");
  CHECK(GojuonRow("ろ") == "ら");
  CHECK(GojuonRow("の") == "な");
  CHECK(GojuonRow("ー") == "他");
  CHECK(GojuonRow("1") == "他");
  CHECK(GojuonRow("") == "他");
}

std::vector<std::string> SortedByKey(std::vector<std::string> v) {
  std::stable_sort(v.begin(), v.end(),
                   [](const std::string& a, const std::string& b) { return CollationKey(a) < CollationKey(b); });
  return v;
}

TEST_CASE("CollationKey orders numbers in names by their value") {
  // A 政令市's register: 第1地区 … 第12地区, and areas such as 中込2区 and 中込10区 (全角 too).
  CHECK(SortedByKey({"だい10ちく", "だい2ちく", "だい1ちく", "だい12ちく"}) ==
        std::vector<std::string>{"だい1ちく", "だい2ちく", "だい10ちく", "だい12ちく"});
  CHECK(SortedByKey({"中込10区", "中込２区", "中込1区"}) == std::vector<std::string>{"中込1区", "中込２区", "中込10区"});
  CHECK(CollationKey("きた1じょう") < CollationKey("きたく"));  // a number still sorts before kana
}

TEST_CASE("CollationKey orders readings like a Japanese directory") {
  CHECK(CollationKey("あ") < CollationKey("か"));
  CHECK(CollationKey("か") < CollationKey("が"));
  CHECK(CollationKey("が") < CollationKey("さ"));
  // 濁点 is ignored at the primary level, as in a kokugo dictionary: げんき sorts as
  // けんき, before けんこう; 清濁 only breaks ties between otherwise equal readings.
  CHECK(CollationKey("げんき") < CollationKey("けんこう"));
  CHECK(CollationKey("はは") < CollationKey("ばば"));
  CHECK(CollationKey("ばば") < CollationKey("ぱぱ"));
  // ICU ja (JIS X 4061) puts small kana first at the tertiary level: きょう < きよう.
  CHECK(CollationKey("きょう") < CollationKey("きよう"));
  CHECK(CollationKey("あ") < CollationKey("ア"));  // hiragana first, at the quaternary level
  CHECK(CollationKey("ア") < CollationKey("い"));  // but ア sorts as あ before anything else
  CHECK(CollationKey("こすもす") != CollationKey("コスモス"));
  CHECK(CollationKey("") < CollationKey("あ"));
  CHECK(CollationKey("abc").find('\0') == std::string::npos);

  const std::vector<std::string> shuffled = {"ぱぱ", "しょうてん", "がき", "きやく", "はは",
                                             "かぎ", "あさひ", "ばば", "きゃく", "かき"};
  const std::vector<std::string> directory = {"あさひ", "かき", "かぎ", "がき", "きゃく",
                                              "きやく", "しょうてん", "はは", "ばば", "ぱぱ"};
  CHECK(SortedByKey(shuffled) == directory);
}

// What NFKC and then an ICU transliterator write, for ToHiragana and ToKatakana,
// which do the same without compiling the transliterator's rules.
void CheckAgainstTransliterator(const char* id, std::string (*convert)(std::string_view)) {
  UErrorCode err = U_ZERO_ERROR;
  std::unique_ptr<icu::Transliterator> rules(
      icu::Transliterator::createInstance(icu::UnicodeString(id, -1, US_INV), UTRANS_FORWARD, err));
  REQUIRE(U_SUCCESS(err));
  const icu::Normalizer2* nfkc = icu::Normalizer2::getNFKCInstance(err);
  auto utf8 = [](const icu::UnicodeString& u) {
    std::string out;
    return u.toUTF8String(out);
  };
  auto expected = [&](const icu::UnicodeString& text) {
    icu::UnicodeString u = nfkc->normalize(text, err);
    rules->transliterate(u);
    return utf8(u);
  };
  for (UChar32 c = 1; c < 0x10000; ++c) {
    if (c >= 0xD800 && c <= 0xDFFF) continue;
    const icu::UnicodeString one(c);
    INFO(id, " U+", std::hex, c);
    REQUIRE(convert(utf8(one)) == expected(one));
  }
  std::vector<UChar32> kana;
  for (UChar32 c = 0x3040; c <= 0x30FF; ++c) kana.push_back(c);
  for (UChar32 c : {0x20, 0x41, 0x4E00, 0xFF76, 0xFF9E, 0xFF9F}) kana.push_back(c);
  for (UChar32 a : kana) {
    for (UChar32 b : kana) {
      icu::UnicodeString pair;
      pair.append(a).append(b);
      INFO(id, " U+", std::hex, a, " U+", b);
      REQUIRE(convert(utf8(pair)) == expected(pair));
    }
  }
}

TEST_CASE("ToHiragana and ToKatakana write what NFKC and ICU's kana transliterators write") {
  CheckAgainstTransliterator("[^\\u30FC] Katakana-Hiragana", ToHiragana);  // ー kept (search and sorting fold it)
  CheckAgainstTransliterator("Hiragana-Katakana", ToKatakana);
}

}  // namespace
}  // namespace kyodo
