#include "text.h"
#include "kana.h"

#include <doctest/doctest.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>
#include <unicode/unistr.h>

#include <string>
#include <thread>
#include <vector>

namespace kyodo {
namespace {

constexpr size_t npos = std::string_view::npos;

TEST_CASE("every three-byte sequence is read as ICU's U8_NEXT reads it") {
  for (int b0 = 0xE0; b0 <= 0xEF; ++b0) {
    for (int b1 = 0; b1 < 256; ++b1) {
      for (int b2 = 0; b2 < 256; ++b2) {
        const char bytes[3] = {static_cast<char>(b0), static_cast<char>(b1), static_cast<char>(b2)};
        const std::string_view s(bytes, 3);
        int32_t i = 0, n = 0;
        bool valid = true;
        while (i < 3) {
          UChar32 c;
          U8_NEXT(reinterpret_cast<const uint8_t*>(bytes), i, 3, c);
          valid = valid && c >= 0;
          ++n;
        }
        INFO(std::hex, b0, " ", b1, " ", b2);
        REQUIRE((FindInvalidUtf8(s) == npos) == valid);
        REQUIRE(CodePointCount(s) == static_cast<size_t>(n));
      }
    }
  }
}

TEST_CASE("FindInvalidUtf8 accepts well-formed text") {
  CHECK(FindInvalidUtf8("") == npos);
  CHECK(FindInvalidUtf8("abc 子育て") == npos);
  CHECK(FindInvalidUtf8("\xC2\x80") == npos);           // U+0080, smallest 2-byte
  CHECK(FindInvalidUtf8("\xED\x9F\xBF") == npos);       // U+D7FF, just below the surrogates
  CHECK(FindInvalidUtf8("\xEE\x80\x80") == npos);       // U+E000, just above them
  CHECK(FindInvalidUtf8("\xF0\xA0\xAE\xB7") == npos);   // 𠮷 U+20BB7
  CHECK(FindInvalidUtf8("\xF4\x8F\xBF\xBF") == npos);   // U+10FFFF
}

TEST_CASE("FindInvalidUtf8 reports the offset of the first bad sequence") {
  using namespace std::string_view_literals;
  CHECK(FindInvalidUtf8("ab\x80") == 2);                 // stray continuation
  CHECK(FindInvalidUtf8("あ\xBF" "い") == 3);            // stray continuation after a kana
  CHECK(FindInvalidUtf8("x\xC0\xAF") == 1);              // overlong '/', 2 bytes
  CHECK(FindInvalidUtf8("x\xC1\xBF") == 1);              // overlong, C1 lead
  CHECK(FindInvalidUtf8("xy\xE0\x80\xAF") == 2);         // overlong, 3 bytes
  CHECK(FindInvalidUtf8("\xF0\x80\x80\xAF") == 0);       // overlong, 4 bytes
  CHECK(FindInvalidUtf8("ok\xED\xA0\x80") == 2);         // surrogate U+D800
  CHECK(FindInvalidUtf8("\xED\xBF\xBF") == 0);           // surrogate U+DFFF
  CHECK(FindInvalidUtf8("a\xF4\x90\x80\x80") == 1);      // U+110000
  CHECK(FindInvalidUtf8("\xF5\x80\x80\x80") == 0);       // F5 lead can never occur
  CHECK(FindInvalidUtf8("\xFF") == 0);
  CHECK(FindInvalidUtf8("子\xE3\x81") == 3);             // truncated at the end
  CHECK(FindInvalidUtf8("\xE3\x81" "a") == 0);           // truncated before ASCII
  CHECK(FindInvalidUtf8("\xF0\x9F\x98") == 0);           // truncated 4-byte
  CHECK(FindInvalidUtf8("abc\0\xC3"sv) == 4);            // NUL is valid; the lone lead is not
}

TEST_CASE("CodePointCount and Utf8Prefix count code points") {
  CHECK(CodePointCount("") == 0);
  CHECK(CodePointCount("abc") == 3);
  CHECK(CodePointCount("子育て") == 3);
  CHECK(CodePointCount("𠮷野家") == 3);
  CHECK(Utf8Prefix("子育て支援", 2) == "子育");
  CHECK(Utf8Prefix("子育て", 10) == "子育て");
  CHECK(Utf8Prefix("𠮷野家", 1) == "𠮷");
  CHECK(Utf8Prefix("abc", 0) == "");
}

TEST_CASE("DisplayWidth counts terminal columns") {
  CHECK(DisplayWidth("子育て abc") == 10);  // 3 wide kana/kanji (6) + " abc" (4)
  CHECK(DisplayWidth("子育てabc") == 9);
  CHECK(DisplayWidth("子育て\xE3\x80\x80" "abc") == 11);  // U+3000 is wide
  CHECK(DisplayWidth("") == 0);
  CHECK(DisplayWidth("ＮＰＯ") == 6);  // fullwidth
  CHECK(DisplayWidth("ｶﾅ") == 2);     // halfwidth katakana
  CHECK(DisplayWidth("e\xCC\x81") == 1);  // e + combining acute
  CHECK(DisplayWidth("か\xE3\x82\x99") == 2);  // か + combining dakuten
  CHECK(DisplayWidth("𠮷") == 2);
}

TEST_CASE("ColumnOfByte gives 1-based code-point columns within the line") {
  const std::string text = "タイトル: x\n子育て: 支援\nabc";
  CHECK(ColumnOfByte(text, 0) == 1);
  CHECK(ColumnOfByte(text, 3) == 2);    // イ
  CHECK(ColumnOfByte(text, 4) == 2);    // a byte inside イ
  CHECK(ColumnOfByte(text, 12) == 5);   // ':'
  CHECK(ColumnOfByte(text, 15) == 8);   // the '\n' ends line 1
  const size_t line2 = text.find("子育て");
  CHECK(ColumnOfByte(text, line2) == 1);
  CHECK(ColumnOfByte(text, line2 + 9) == 4);   // ':' after 子育て
  CHECK(ColumnOfByte(text, text.find("支援")) == 6);
  CHECK(ColumnOfByte(text, text.find("abc") + 2) == 3);
  CHECK(ColumnOfByte(text, text.size()) == 4);   // just past the end
  CHECK(ColumnOfByte(text, 1000) == 4);          // clamped
}

TEST_CASE("Nfkc folds width variants and circled digits") {
  CHECK(Nfkc("ＡＢＣ１２３ｶﾅ①") == "ABC123カナ1");
  CHECK(Nfkc("ｶﾞｯｺｳ") == "ガッコウ");
  CHECK(Nfkc("\xE3\x80\x80") == " ");  // U+3000
  CHECK(Nfkc("㈱") == "(株)");
  CHECK(Nfkc("") == "");
  CHECK(Nfkc("か\xE3\x82\x99") == "が");  // a combining voiced mark composes
  CHECK(Nfkc("Ａ\xFFＢ") == "A\xEF\xBF\xBD" "B");  // ill-formed bytes become U+FFFD
}

TEST_CASE("FoldForMatch") {
  CHECK(FoldForMatch("ＮＰＯ支援") == "npo支援");
  CHECK(FoldForMatch("npo 支援") == "npo支援");
  CHECK(FoldForMatch("コスモス") == "こすもす");
  CHECK(FoldForMatch("ｺｽﾓｽ") == "こすもす");
  CHECK(FoldForMatch("保健・医療・福祉") == "保健医療福祉");
  CHECK(FoldForMatch("保健･医療／福祉 ") == "保健医療福祉");
  CHECK(FoldForMatch("まちづくり\xE3\x80\x80推進/協働") == "まちづくり推進協働");
  // ー survives so katakana and hiragana spellings of a long vowel fold alike.
  CHECK(FoldForMatch("サポーター") == "さぽーたー");
  CHECK(FoldForMatch("さぽーたー") == "さぽーたー");
  CHECK(FoldForMatch("ｻﾎﾟｰﾀｰ") == "さぽーたー");
  CHECK(FoldForMatch("Straße") == "strasse");
}

TEST_CASE("EditDistance counts code points") {
  CHECK(EditDistance("", "") == 0);
  CHECK(EditDistance("子育て", "") == 3);
  CHECK(EditDistance("子育て", "子育て") == 0);
  CHECK(EditDistance("子育", "子育て") == 1);
  CHECK(EditDistance("環境美化", "環境の保全") == 3);
  CHECK(EditDistance("けんこう", "げんき") == 3);
  CHECK(EditDistance("kitten", "sitting") == 3);
  CHECK(EditDistance("𠮷野家", "吉野家") == 1);
}

TEST_CASE("NearestMatches") {
  const std::vector<std::string> fields = {"子どもの健全育成", "子育て", "保健・医療・福祉"};
  CHECK(NearestMatches("子育", fields) == std::vector<std::string>{"子育て"});
  // 「環境の保全」 is 3 edits away (limit 5/2 = 2), 「観光」 4 (limit 2): neither is close.
  CHECK(NearestMatches("環境美化", {"環境の保全", "観光"}).empty());
  CHECK(NearestMatches("環境保全", {"観光", "環境の保全"}) == std::vector<std::string>{"環境の保全"});
  CHECK(NearestMatches("スポーツ", fields).empty());
  CHECK(NearestMatches("", fields).empty());
  // Folding: full-width, katakana and separators do not matter.
  CHECK(NearestMatches("ﾎｹﾝ医療福祉", {"保健・医療・福祉", "ほけん・医療・福祉"}) ==
        std::vector<std::string>{"ほけん・医療・福祉", "保健・医療・福祉"});
  // Prefix before containment before mere similarity, each by distance.
  const std::vector<std::string> many = {"まちの子育て", "子育てサロン", "子育ち", "子育て支援", "子育て"};
  CHECK(NearestMatches("子育て", many) == std::vector<std::string>{"子育て", "子育て支援", "子育てサロン"});
  CHECK(NearestMatches("子育て", many, 5) ==
        std::vector<std::string>{"子育て", "子育て支援", "子育てサロン", "まちの子育て", "子育ち"});
  // Equal rank keeps the order of `candidates`.
  CHECK(NearestMatches("子育", {"子育ち", "子育て"}) == std::vector<std::string>{"子育ち", "子育て"});
  CHECK(NearestMatches("子育", {"子育て", "子育ち"}) == std::vector<std::string>{"子育て", "子育ち"});
  CHECK(NearestMatches("子育て", many, 1) == std::vector<std::string>{"子育て"});
  // A one-character key still allows one edit.
  CHECK(NearestMatches("a", {"b", "cd"}) == std::vector<std::string>{"b"});
}

TEST_CASE("ByteSet finds the first byte of the set, UTF-8 bytes never match") {
  constexpr ByteSet set("&<");
  CHECK(set.FindIn("子育て&支援<") == 9);
  CHECK(set.FindIn("子育て&支援<", 10) == 16);
  CHECK(set.FindIn("子育て支援") == std::string_view::npos);
  CHECK(set.FindIn("") == std::string_view::npos);
  CHECK(set.FindIn("<", 1) == std::string_view::npos);
}

TEST_CASE("JsString escapes what would end or break a string literal") {
  CHECK(JsString("協働") == "\"協働\"");
  CHECK(JsString("a\"b\\c\n") == "\"a\\\"b\\\\c\\n\"");
  CHECK(JsString("\t\r\x01\x0b") == "\"\\t\\r\\u0001\\u000b\"");  // as JSON.stringify
  CHECK(JsString("x\u2028y\u2029") == "\"x\\u2028y\\u2029\"");
  CHECK(JsString("協働—参画→\u2028") == "\"協働—参画→\\u2028\"");  // other characters starting with 0xE2 stay
  CHECK(JsString("</script>") == "\"</script>\"");  // loaded as a script file, never inlined in HTML
}

TEST_CASE("HtmlEscape") {
  CHECK(HtmlEscape(R"(<a href="x?a=1&b='2'">子育て</a>)") ==
        "&lt;a href=&quot;x?a=1&amp;b=&#39;2&#39;&quot;&gt;子育て&lt;/a&gt;");
  CHECK(HtmlEscape("plain 文字") == "plain 文字");
  CHECK(HtmlEscape("") == "");
}

TEST_CASE("CollapseWhitespace") {
  CHECK(CollapseWhitespace("  子育て\xE3\x80\x80\xE3\x80\x80支援\n\t センター  ") == "子育て 支援 センター");
  CHECK(CollapseWhitespace("a\r\nb") == "a b");
  CHECK(CollapseWhitespace(" \n ") == "");
  CHECK(CollapseWhitespace("abc") == "abc");
  CHECK(CollapseWhitespace("\xE3\x80 a\xE3\x80\x80") == "\xE3\x80 a");  // ill-formed bytes kept as they are
}

TEST_CASE("JoinLines: a line break between Japanese characters goes, elsewhere it is a space") {
  CHECK(JoinLines("市民の皆さんからの\n  協働の提案を\r\n受け付けます。") == "市民の皆さんからの協働の提案を受け付けます。");
  CHECK(JoinLines("kyodo\nportal の\n説明") == "kyodo portal の説明");
  CHECK(JoinLines("令和6年\n4月1日") == "令和6年 4月1日");  // a digit keeps its space, as CSS does
  CHECK(JoinLines(" a  b \n\n") == "a b");
}

TEST_CASE("CollapseWhitespace treats exactly ICU's White_Space characters as spaces") {
  std::string text, expected;
  for (UChar32 c = 1; c <= 0x10FFFF; ++c) {
    if (c >= 0xD800 && c <= 0xDFFF) continue;
    std::string one;
    icu::UnicodeString(c).toUTF8String(one);
    text += "x" + one;
    expected += u_isUWhiteSpace(c) ? "x " : "x" + one;
  }
  CHECK(CollapseWhitespace(text + "x") == expected + "x");
}

TEST_CASE("cached ICU objects are per thread") {
  std::vector<std::thread> threads;
  std::vector<int> ok(4, 0);
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&ok, t] {
      bool good = true;
      for (int i = 0; i < 50; ++i) {
        good = good && FoldForMatch("コスモス") == "こすもす" && RomajiSlug("コスモス") == "kosumosu" &&
               CollationKey("か") < CollationKey("が");
      }
      ok[t] = good ? 1 : 0;
    });
  }
  for (auto& th : threads) th.join();
  CHECK(ok == std::vector<int>{1, 1, 1, 1});
}

TEST_CASE("ClassifyChars tells 全角英数字, 半角カナ, Japanese letters and spaces apart by ICU properties") {
  auto kinds = [](std::string_view s) {
    std::string out;
    for (const TextChar& t : ClassifyChars(s)) {
      switch (t.kind) {
        case CharKind::kFullwidthAlnum: out += 'F'; break;
        case CharKind::kHalfwidthKana: out += 'H'; break;
        case CharKind::kJapaneseLetter: out += 'J'; break;
        case CharKind::kSpace: out += '_'; break;
        case CharKind::kOther: out += '.'; break;
      }
    }
    return out;
  };
  CHECK(kinds("ＡＢｃ１２３") == "FFFFFF");
  CHECK(kinds("ｶﾅｰﾞﾟ｡｢｣､･") == "HHHHHHHHHH");
  CHECK(kinds("市役所ひらがなカタカナ々ー") == "JJJJJJJJJJJJJ");
  CHECK(kinds("市　役 所") == "J_J_J");
  // Ordinary punctuation, ASCII and full-width symbols are none of these.
  CHECK(kinds("、。「」（）＠abc12") == "............");
  std::vector<TextChar> chars = ClassifyChars("aＡ");
  REQUIRE(chars.size() == 2);
  CHECK(chars[1].offset == 1);
  CHECK(chars[1].size == 3);
}

TEST_CASE("全角英数字 and 半角カナ all start with the byte 0xEF, spaces are U+0020 and U+3000 (lint skips text without them)") {
  for (UChar32 c = 1; c <= 0x10FFFF; ++c) {
    if (c >= 0xD800 && c <= 0xDFFF) continue;
    std::string one;
    icu::UnicodeString(c).toUTF8String(one);
    const CharKind kind = ClassifyChars(one).at(0).kind;
    INFO("U+", std::hex, c);
    if (kind == CharKind::kFullwidthAlnum || kind == CharKind::kHalfwidthKana) REQUIRE(one[0] == '\xEF');
    if (kind == CharKind::kSpace) REQUIRE((c == ' ' || c == 0x3000));
  }
}

}  // namespace
TEST_CASE("HalfWidthDigits: only 全角 digits change") {
  CHECK(HalfWidthDigits("約３０人") == "約30人");
  CHECK(HalfWidthDigits("０９") == "09");  // the last character too
  CHECK(HalfWidthDigits("（株）Ａ棟㈱") == "（株）Ａ棟㈱");
  CHECK(HalfWidthDigits("") == "");
}

}  // namespace kyodo
