#include "form_rules.h"

#include <doctest/doctest.h>

#include <string>

namespace kyodo {
namespace {

// "" when the pattern is usable, else the reason.
std::string Pattern(const std::string& p) {
  std::string why;
  return CheckPattern(p, &why) ? "" : why;
}

std::string Autocomplete(const std::string& value, FieldType type) {
  std::string why, hint;
  return CheckAutocomplete(value, type, &why, &hint) ? "" : why + " / " + hint;
}

TEST_CASE("CheckPattern accepts what browsers accept under the v flag") {
  CHECK(Pattern("\\d{3}-?\\d{4}") == "");
  CHECK(Pattern("https?://.+") == "");
  CHECK(Pattern("[ァ-ヶー　]+") == "");               // 全角カタカナ and the long vowel mark
  CHECK(Pattern("[0-9\\-]+") == "");                // an escaped hyphen in a class
  CHECK(Pattern("0\\d{1,4}-\\d{1,4}-\\d{4}") == "");  // a hyphen outside a class needs no escape
  CHECK(Pattern("\\p{Script=Katakana}+") == "");    // Unicode properties (std::regex lacks them)
  CHECK(Pattern("[\\p{Script=Hiragana}ー]+") == "");
  CHECK(Pattern("[[a-z]--[aeiou]]+") == "");        // v-flag set subtraction
  CHECK(Pattern("[\\p{L}&&\\p{Script=Han}]") == "");    // and intersection
  CHECK(Pattern("(?:A|B)\\.\\d{2,}") == "");
  CHECK(Pattern("[^\\s]+") == "");
  CHECK(Pattern("^\\d+?$") == "");                  // a lazy quantifier
  CHECK(Pattern("(?<year>\\d{4})年") == "");          // a named group
  CHECK(Pattern("(\\d)\\1\\k<y>(?<y>a)") == "");       // back-references, even forward ones
  CHECK(Pattern("(?<=〒)\\d{3}") == "");              // look-behind (std::regex lacks it)
}

TEST_CASE("CheckPattern rejects what a browser would silently drop") {
  CHECK(Pattern("") == "pattern が空です");
  CHECK(Pattern("[0-9-]+") == "[ ] の中で文字としてのハイフンは \\- と書いてください（例: [0-9\\-]）");
  CHECK(Pattern("[-a]") == "[ ] の中で文字としてのハイフンは \\- と書いてください（例: [0-9\\-]）");
  CHECK(Pattern("[a-z-0]") == "[ ] の中で文字としてのハイフンは \\- と書いてください（例: [0-9\\-]）");
  CHECK(Pattern("\\d{3}\\-\\d{4}") ==
        "「\\-」はブラウザーの pattern では使えない書き方です（[ ] の外のハイフンは \\ を付けずに - と書きます）");
  CHECK(Pattern("\\a") == "「\\a」はブラウザーの pattern では使えない書き方です");
  CHECK(Pattern("\\あ") == "「\\あ」はブラウザーの pattern では使えない書き方です");
  CHECK(Pattern("[(]") == "[ ] の中の「(」は \\( と書いてください");
  CHECK(Pattern("[a|b]") == "[ ] の中の「|」は \\| と書いてください");
  CHECK(Pattern("[a-z--[aeiou]]") == "[ ] の中の「--」は [[a-z]--[aeiou]] のように、1つの文字か [ ] の間に書いてください");
  CHECK(Pattern("[[a][b]--[c]]") == "[ ] の中の「--」は [[a-z]--[aeiou]] のように、1つの文字か [ ] の間に書いてください");
  CHECK(Pattern("[[a]--[b]c]") == "[ ] の中の -- や && の後には、1つの文字か [ ] を書いてください");
  CHECK(Pattern("[a..b]") == "[ ] の中の「..」は予約された書き方です（\\. と書いてください）");
  CHECK(Pattern("a]") == "「]」に対応する開きかっこがありません（文字として使うときは \\] と書きます）");
  CHECK(Pattern("a{") == "「{」は \\d{3} のような回数の指定にだけ使えます（文字としては \\{ と書きます）");
  CHECK(Pattern("(abc") == "( と ) の数が合いません");
  CHECK(Pattern("a)") == "( と ) の数が合いません");
  CHECK(Pattern("(?=a)*") == "* + ? { の前に、繰り返す文字がありません");
  CHECK(Pattern("(?x)") == "「(?」の後には : = ! <= <! <名前> のどれかを書きます");
  CHECK(Pattern("(a)\\2") == "\\2 が指すかっこ ( ) がありません");
  CHECK(Pattern("\\k<x>(?<y>a)") == "\\k<x> が指す (?<x> …) がありません");
  CHECK(Pattern("\\c1") == "「\\c」はブラウザーの pattern では使えない書き方です");
  CHECK(Pattern("[[]") == "[ と ] の数が合いません");  // std::regex reads it as a class holding "["
  CHECK(Pattern("*a") == "* + ? { の前に、繰り返す文字がありません");
  CHECK(Pattern("a**") == "* + ? { の前に、繰り返す文字がありません");  // std::regex accepts it; browsers do not
  CHECK(Pattern("(|+)") == "* + ? { の前に、繰り返す文字がありません");
  CHECK(Pattern("\\b+") == "* + ? { の前に、繰り返す文字がありません");
  CHECK(Pattern("[z-a]") == "[a-z] のような範囲の書き方が違います");
  CHECK(Pattern("[a-\\d]") == "[a-z] のような範囲の端に \\d などは使えません");
  CHECK(Pattern("abc\\") == "最後の \\ の後に文字がありません");
  CHECK(Pattern("\\p{Script") == "\\p{…} の } がありません");
}

TEST_CASE("CheckAutocomplete follows the autofill grammar") {
  CHECK(Autocomplete("name", FieldType::kText) == "");
  CHECK(Autocomplete("Organization", FieldType::kText) == "");  // tokens are ASCII case-insensitive
  CHECK(Autocomplete("postal-code", FieldType::kPostal) == "");
  CHECK(Autocomplete("off", FieldType::kText) == "");
  CHECK(Autocomplete("section-a billing work tel", FieldType::kTel) == "");
  CHECK(Autocomplete("email", FieldType::kEmail) == "");
  CHECK(Autocomplete("username", FieldType::kEmail) == "");
  CHECK(Autocomplete("street-address", FieldType::kTextarea) == "");
  CHECK(Autocomplete("bday", FieldType::kDate) == "");
  CHECK(Autocomplete("bday-year", FieldType::kNumber) == "");
  CHECK(Autocomplete("email", FieldType::kSelect) == "");

  CHECK(Autocomplete("nmae", FieldType::kText) == "autocomplete の「nmae」は HTML の決まった値ではありません / 「name」ではありませんか");
  CHECK(Autocomplete("  ", FieldType::kText) == "autocomplete が空です / 使わないときは autocomplete: の行を消してください");
  CHECK(Autocomplete("home name", FieldType::kText) ==
        "home・work・mobile などは tel や email の前にだけ付けられます（「name」には付けられません） / autocomplete: name としてください");
  CHECK(Autocomplete("name email", FieldType::kText) ==
        "autocomplete「name email」の「email」は置けない位置にあります / 項目名（name）は最後に1つだけ書いてください");
  CHECK(Autocomplete("shipping", FieldType::kText) ==
        "autocomplete「shipping」に項目名（name, email, tel など）がありません / 最後に name や postal-code などの項目名を書いてください");
}

TEST_CASE("CheckAutocomplete: the token must suit the control, as vnu checks") {
  CHECK(Autocomplete("street-address", FieldType::kText) ==
        "autocomplete「street-address」は type: text の項目には使えません / type: textarea にするか、address-line1 などを使ってください");
  CHECK(Autocomplete("name", FieldType::kEmail) ==
        "autocomplete「name」は type: email の項目には使えません / type に合う値にするか、autocomplete: の行を消してください");
  CHECK(Autocomplete("email", FieldType::kTel) ==
        "autocomplete「email」は type: tel の項目には使えません / type: email にしてください");
  CHECK(Autocomplete("tel-national", FieldType::kTel) ==
        "autocomplete「tel-national」は type: tel の項目には使えません / type に合う値にするか、autocomplete: の行を消してください");
  CHECK(Autocomplete("tel", FieldType::kNumber) ==
        "autocomplete「tel」は type: number の項目には使えません / type: tel にしてください");
  CHECK(Autocomplete("name", FieldType::kRadio) == "type: radio には autocomplete を付けられません / autocomplete: の行を消してください");
  CHECK(Autocomplete("on", FieldType::kFile) == "type: file には autocomplete を付けられません / autocomplete: の行を消してください");
}

}  // namespace
}  // namespace kyodo
