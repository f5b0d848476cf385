#include "reading.h"

#include <doctest/doctest.h>

#include <string>
#include <thread>

#include "text.h"

namespace kyodo {
namespace {

// True when every code point is hiragana or ー, i.e. the guess needs no further folding.
bool AllHiragana(const std::string& s) {
  if (s.empty()) return false;
  size_t i = 0;
  while (i < s.size()) {
    const std::string one = Utf8Prefix(s.substr(i), 1);
    // UTF-8 byte order is code point order, so a range check on the bytes works.
    const bool hira = one.size() == 3 && ((one >= "ぁ" && one <= "ゖ") || one == "ー");
    if (!hira) return false;
    i += one.size();
  }
  return true;
}

TEST_CASE("ReadingGuesser reads municipal names with MeCab + ipadic") {
  ReadingGuesser g;
  REQUIRE(g.available());
  // ipadic reads 岩村田 as イワムラタ (locally いわむらだ) and 本町 as ホンチョウ:
  // exactly why callers show guesses as warnings for staff to confirm.
  CHECK(g.Guess("岩村田本町商店街振興組合") == "いわむらたほんちょうしょうてんがいしんこうくみあい");
  CHECK(g.Guess("日本気球連盟") == "にっぽんききゅうれんめい");
  CHECK(g.Guess("湯川台団地") == "ゆかわたいだんち");
  // MeCab splits すわ into す+わ; the author's kana are kept either way.
  CHECK(g.Guess("エコプロジェクトすわ") == "えこぷろじぇくとすわ");
  for (const char* name : {"岩村田本町商店街振興組合", "日本気球連盟", "湯川台団地", "エコプロジェクトすわ"}) {
    CHECK_MESSAGE(AllHiragana(g.Guess(name)), name);
  }
}

TEST_CASE("ReadingGuesser reads 協働, which ipadic does not know") {
  ReadingGuesser g;
  REQUIRE(g.available());
  CHECK(g.Guess("協働推進計画") == "きょうどうすいしんけいかく");
  CHECK(g.Guess("市民協働のまちづくり協議会") == "しみんきょうどうのまちづくりきょうぎかい");
  CHECK(g.Guess("自助・共助・公助") == "じじょきょうじょこうじょ");
  CHECK(SlugFromName("協働推進計画", &g) == "kyoudousuishinkeikaku");  // was "example": no reading
}

TEST_CASE("ReadingGuesser gives no reading rather than part of one") {
  ReadingGuesser g;
  REQUIRE(g.available());
  CHECK(g.Guess("𩸽野の森の会") == "");  // 𩸽 is not in ipadic: 「ののもりのかい」 would sort under な
  CHECK(g.Guess("吉野の森の会") == "よしののもりのかい");
}

TEST_CASE("ReadingGuesser reads the 異体字 of names as the kanji they stand for") {
  ReadingGuesser g;
  REQUIRE(g.available());
  // Each had no reading (an error asking for kana) while the common kanji was read.
  CHECK(g.Guess("𠮷野の森の会") == "よしののもりのかい");
  CHECK(g.Guess("髙橋ボランティアの会") == "たかはしぼらんてぃあのかい");
  CHECK(g.Guess("山﨑まちづくりの会") == "やまざきまちづくりのかい");
  CHECK(SlugFromName("𠮷野村", &g) == "yoshinomura");
}

TEST_CASE("ReadingGuesser keeps kana and ASCII, drops spaces and symbols") {
  ReadingGuesser g;
  REQUIRE(g.available());
  CHECK(g.Guess("コスモス") == "こすもす");
  CHECK(g.Guess("ｺｽﾓｽ") == "こすもす");                 // half-width: NFKC first
  CHECK(g.Guess("サポーター") == "さぽーたー");           // ー kept as written
  CHECK(g.Guess("NPO法人 すわ") == "NPOほうじんすわ");    // ASCII kept as written
  CHECK(g.Guess("ＮＰＯ法人") == "NPOほうじん");          // full-width ASCII → ASCII, not エヌピーオー
  CHECK(g.Guess("2024年 まつり") == "2024ねんまつり");
  CHECK(g.Guess("諏訪市・「子ども」食堂！") == "すわしこどもしょくどう");
  CHECK(g.Guess("") == "");
  CHECK(g.Guess("・、。 ！") == "");
}

TEST_CASE("ReadingGuesser survives hostile input") {
  ReadingGuesser g;
  REQUIRE(g.available());
  using namespace std::string_view_literals;
  CHECK(g.Guess("かな\xFF\xE3\x81") == "かな");
  CHECK(g.Guess("かな\0カナ"sv) == "かなかな");
}

TEST_CASE("ReadingGuesser is safe to share between threads") {
  ReadingGuesser g;
  REQUIRE(g.available());
  std::string a, b;
  std::thread t1([&] {
    for (int i = 0; i < 20; ++i) a = g.Guess("日本気球連盟");
  });
  std::thread t2([&] {
    for (int i = 0; i < 20; ++i) b = g.Guess("湯川台団地");
  });
  t1.join();
  t2.join();
  CHECK(a == "にっぽんききゅうれんめい");
  CHECK(b == "ゆかわたいだんち");
}

}  // namespace
}  // namespace kyodo
