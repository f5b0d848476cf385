#include "form_rules.h"

#include <unicode/unistr.h>

#include <algorithm>
#include <cctype>
#include <regex>
#include <sstream>
#include <vector>

#include "text.h"

namespace kyodo {

namespace {

// ---- autocomplete -----------------------------------------------------------

// The HTML standard's autofill field names, by the control group that decides
// which controls may carry them (checked against vnu, the validator CI runs).
enum class Group { kText, kMultiline, kEmail, kUsername, kTel, kNumeric, kDate };

struct AutofillName {
  std::string_view name;
  Group group;
  bool contact;  ///< may follow home/work/mobile/fax/pager
};

constexpr AutofillName kAutofill[] = {
    {"name", Group::kText, false},
    {"honorific-prefix", Group::kText, false},
    {"given-name", Group::kText, false},
    {"additional-name", Group::kText, false},
    {"family-name", Group::kText, false},
    {"honorific-suffix", Group::kText, false},
    {"nickname", Group::kText, false},
    {"username", Group::kUsername, false},
    {"new-password", Group::kText, false},
    {"current-password", Group::kText, false},
    {"one-time-code", Group::kText, false},
    {"organization-title", Group::kText, false},
    {"organization", Group::kText, false},
    {"street-address", Group::kMultiline, false},
    {"address-line1", Group::kText, false},
    {"address-line2", Group::kText, false},
    {"address-line3", Group::kText, false},
    {"address-level4", Group::kText, false},
    {"address-level3", Group::kText, false},
    {"address-level2", Group::kText, false},
    {"address-level1", Group::kText, false},
    {"country", Group::kText, false},
    {"country-name", Group::kText, false},
    {"postal-code", Group::kText, false},
    {"cc-name", Group::kText, false},
    {"cc-given-name", Group::kText, false},
    {"cc-additional-name", Group::kText, false},
    {"cc-family-name", Group::kText, false},
    {"cc-number", Group::kText, false},
    {"cc-exp", Group::kText, false},
    {"cc-exp-month", Group::kNumeric, false},
    {"cc-exp-year", Group::kNumeric, false},
    {"cc-csc", Group::kText, false},
    {"cc-type", Group::kText, false},
    {"transaction-currency", Group::kText, false},
    {"transaction-amount", Group::kNumeric, false},
    {"language", Group::kText, false},
    {"bday", Group::kDate, false},
    {"bday-day", Group::kNumeric, false},
    {"bday-month", Group::kNumeric, false},
    {"bday-year", Group::kNumeric, false},
    {"sex", Group::kText, false},
    {"url", Group::kText, false},
    {"photo", Group::kText, false},
    {"tel", Group::kTel, true},
    {"tel-country-code", Group::kText, true},
    {"tel-national", Group::kText, true},
    {"tel-area-code", Group::kText, true},
    {"tel-local", Group::kText, true},
    {"tel-local-prefix", Group::kText, true},
    {"tel-local-suffix", Group::kText, true},
    {"tel-extension", Group::kText, true},
    {"email", Group::kEmail, true},
    {"impp", Group::kText, true},
};

const AutofillName* FindAutofill(const std::string& token) {
  for (const AutofillName& a : kAutofill) {
    if (a.name == token) return &a;
  }
  return nullptr;
}

bool GroupFits(Group group, FieldType type) {
  switch (type) {
    case FieldType::kTextarea:
    case FieldType::kSelect:
      return true;
    case FieldType::kText:
    case FieldType::kPostal:
      return group != Group::kMultiline;
    case FieldType::kEmail:
      return group == Group::kEmail || group == Group::kUsername;
    case FieldType::kTel:
      return group == Group::kTel;
    case FieldType::kNumber:
      return group == Group::kNumeric;
    case FieldType::kDate:
      return group == Group::kDate;
    default:
      return false;
  }
}


// ---- pattern ----------------------------------------------------------------

std::u32string ToUtf32(const std::string& s) {
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(s);
  std::u32string out;
  for (int32_t i = 0; i < u.length(); i = u.moveIndex32(i, 1)) out.push_back(static_cast<char32_t>(u.char32At(i)));
  return out;
}

std::string CodePointUtf8(char32_t c) {
  std::string out;
  icu::UnicodeString(static_cast<UChar32>(c)).toUTF8String(out);
  return out;
}

std::string RegexErrorText(std::regex_constants::error_type code) {
  using namespace std::regex_constants;
  if (code == error_paren) return "( と ) の数が合いません";
  if (code == error_brack) return "[ と ] の数が合いません";
  if (code == error_brace || code == error_badbrace) return "{ } の書き方が違います（例: \\d{3}）";
  if (code == error_badrepeat) return "* + ? { の前に、繰り返す文字がありません";
  if (code == error_range) return "[a-z] のような範囲の書き方が違います";
  if (code == error_escape) return "\\ の使い方が違います";
  return "正規表現として読めません";
}

// Reads a pattern the way a browser's `v`-flag parser would, for the mistakes
// std::regex lets through, and writes a std::regex-compatible copy to `plain`.
class PatternScanner {
 public:
  explicit PatternScanner(std::u32string s) : s_(std::move(s)) {}

  bool Run(std::string* why) {
    while (i_ < s_.size() && error_.empty()) {
      if (s_[i_] == U'\\') {
        Escape();
      } else if (classes_.empty()) {
        Outside();
      } else {
        Inside();
      }
    }
    if (!classes_.empty()) Fail("[ と ] の数が合いません");
    if (!groups_.empty()) Fail("( と ) の数が合いません");
    if (max_backref_ > captures_) Fail("\\" + std::to_string(max_backref_) + " が指すかっこ ( ) がありません");
    for (const std::u32string& name : name_refs_) {
      if (std::find(names_.begin(), names_.end(), name) == names_.end()) {
        Fail("\\k<" + Utf8Of(name) + "> が指す (?<" + Utf8Of(name) + "> …) がありません");
      }
    }
    *why = error_;
    return error_.empty();
  }
  const std::u32string& plain() const { return plain_; }

 private:
  // Keeps the first problem: later ones are usually its echoes.
  void Fail(std::string text) {
    if (error_.empty()) error_ = std::move(text);
  }

  // Skips a {...} or <...> argument of an escape; false if unclosed.
  bool SkipArgument(size_t* next, char32_t open, char32_t close) const {
    if (*next >= s_.size() || s_[*next] != open) return false;
    size_t end = s_.find(close, *next);
    if (end == std::u32string::npos) return false;
    *next = end + 1;
    return true;
  }

  void Escape() {
    static const std::u32string kSyntax = U"^$\\.*+?()[]{}|/";
    static const std::u32string kClassReserved = U"&-!#%,:;<=>@`~";
    static const std::u32string kLetters = U"dDwWsSnrtfvbBcxupPkq0123456789";
    static const std::u32string kSets = U"dDwWsSpPq";  // stand for a set, not one character
    if (i_ + 1 >= s_.size()) {
      Fail("最後の \\ の後に文字がありません");
      return;
    }
    const char32_t n = s_[i_ + 1];
    size_t next = i_ + 2;
    bool ok;
    bool alnum = n < 0x80 && ((n >= U'a' && n <= U'z') || (n >= U'A' && n <= U'Z') || (n >= U'0' && n <= U'9'));
    if (alnum) {
      ok = kLetters.find(n) != std::u32string::npos && (n != U'q' || !classes_.empty()) && (n != U'B' || classes_.empty());
      if (ok && (n == U'p' || n == U'P' || n == U'q' || (n == U'u' && next < s_.size() && s_[next] == U'{'))) {
        // Unicode properties, \q{...} and \u{...}: valid in browsers, unknown to std::regex.
        if (!SkipArgument(&next, U'{', U'}')) {
          Fail(std::string("\\") + static_cast<char>(n) + "{…} の } がありません");
          return;
        }
        plain_ += (n == U'p' || n == U'P') ? U"\\w" : U"x";
      } else if (ok && (n == U'k' || (n >= U'1' && n <= U'9'))) {
        // Back-references: checked against the groups at the end; std::regex gets a stand-in.
        ok = classes_.empty() && (n == U'k' ? SkipArgument(&next, U'<', U'>') : true);
        if (ok && n == U'k') name_refs_.push_back(s_.substr(i_ + 3, next - i_ - 4));
        if (ok && n != U'k') {
          int number = 0;
          for (next = i_ + 1; next < s_.size() && s_[next] >= U'0' && s_[next] <= U'9'; ++next) {
            number = std::min(number * 10 + static_cast<int>(s_[next] - U'0'), 100000);
          }
          max_backref_ = std::max(max_backref_, number);
        }
        plain_ += U"x";
      } else {
        if (ok && n == U'c') ok = next < s_.size() && ((s_[next] | 0x20) >= U'a' && (s_[next] | 0x20) <= U'z');
        if (ok && n == U'c') ++next;
        if (ok && n == U'0') ok = next >= s_.size() || s_[next] < U'0' || s_[next] > U'9';
        plain_.append(s_, i_, next - i_);
      }
    } else {
      ok = n < 0x80 && (kSyntax.find(n) != std::u32string::npos ||
                        (!classes_.empty() && kClassReserved.find(n) != std::u32string::npos));
      plain_.append(s_, i_, next - i_);
    }
    if (!ok) {
      Fail("「\\" + CodePointUtf8(n) + "」はブラウザーの pattern では使えない書き方です" +
           (n == U'-' ? "（[ ] の外のハイフンは \\ を付けずに - と書きます）" : ""));
      return;
    }
    i_ = next;
    if (!classes_.empty()) {
      ClassAtom(!alnum || kSets.find(n) == std::u32string::npos);
    } else {
      Atom(n != U'b' && n != U'B');  // word boundaries cannot be repeated
    }
  }

  // Outside a character class: groups, alternatives, quantifiers.
  void Outside() {
    const char32_t c = s_[i_];
    if (c == U'*' || c == U'+' || c == U'?' || c == U'{') {
      Quantifier(c);
      return;
    }
    if (c == U']' || c == U'}') {
      Fail("「" + CodePointUtf8(c) + "」に対応する開きかっこがありません（文字として使うときは \\" + CodePointUtf8(c) + " と書きます）");
      return;
    }
    plain_.push_back(s_[i_++]);
    if (c == U'[') {
      OpenClass();
    } else if (c == U'(') {
      OpenGroup();
    } else if (c == U')') {
      if (groups_.empty()) {
        Fail("( と ) の数が合いません");
        return;
      }
      bool assertion = groups_.back();
      groups_.pop_back();
      Atom(!assertion);  // (?=…) and (?<=…) cannot be repeated under the v flag
    } else {
      Atom(c != U'|' && c != U'^' && c != U'$');
    }
  }

  // After "(": (  (?:  (?=  (?!  (?<=  (?<!  (?<name>. std::regex has neither names nor
  // look-behind, so it gets "(" and "(?:" for them.
  void OpenGroup() {
    bool assertion = false;
    if (i_ < s_.size() && s_[i_] == U'?') {
      std::u32string head = s_.substr(i_, 3);
      if (head.rfind(U"?:", 0) == 0 || head.rfind(U"?=", 0) == 0 || head.rfind(U"?!", 0) == 0) {
        assertion = head[1] != U':';
        plain_.append(head, 0, 2);
        i_ += 2;
      } else if (head == U"?<=" || head == U"?<!") {
        assertion = true;
        plain_ += U"?:";
        i_ += 3;
      } else if (head.rfind(U"?<", 0) == 0 && s_.find(U'>', i_) != std::u32string::npos) {
        size_t end = s_.find(U'>', i_);
        std::u32string name = s_.substr(i_ + 2, end - i_ - 2);
        bool valid = !name.empty() && !(name[0] >= U'0' && name[0] <= U'9');
        for (char32_t ch : name) valid = valid && ch < 0x80 && (std::isalnum(static_cast<int>(ch)) || ch == U'_' || ch == U'$');
        if (!valid || std::find(names_.begin(), names_.end(), name) != names_.end()) {
          Fail("(?<" + Utf8Of(name) + "> の名前が使えないか、2回使われています");
          return;
        }
        names_.push_back(name);
        ++captures_;
        i_ = end + 1;
      } else {
        Fail("「(?」の後には : = ! <= <! <名前> のどれかを書きます");
        return;
      }
    } else {
      ++captures_;
    }
    groups_.push_back(assertion);
    Atom(false);
  }

  static std::string Utf8Of(const std::u32string& s) {
    std::string out;
    for (char32_t ch : s) out += CodePointUtf8(ch);
    return out;
  }

  // * + ? {n,m}: each needs something before it to repeat; one ? may follow (lazy).
  void Quantifier(char32_t c) {
    size_t end = i_ + 1;
    if (c == U'{') {
      end = s_.find(U'}', i_);
      bool digits = end != std::u32string::npos && end > i_ + 1 && s_[i_ + 1] >= U'0' && s_[i_ + 1] <= U'9';
      for (size_t k = i_ + 1; digits && k < end; ++k) digits = s_[k] == U',' || (s_[k] >= U'0' && s_[k] <= U'9');
      if (!digits) {
        Fail("「{」は \\d{3} のような回数の指定にだけ使えます（文字としては \\{ と書きます）");
        return;
      }
      ++end;
    }
    bool lazy = c == U'?' && quantifier_;
    if (!repeatable_ && !lazy) {
      Fail("* + ? { の前に、繰り返す文字がありません");
      return;
    }
    plain_.append(s_, i_, end - i_);
    i_ = end;
    repeatable_ = false;
    quantifier_ = !lazy;
  }

  void Atom(bool repeatable) {
    repeatable_ = repeatable;
    quantifier_ = false;
  }

  // Inside [ ]: the v flag wants ( ) { } / | and stray hyphens escaped.
  void Inside() {
    static const std::u32string kMustEscape = U"(){}/|";
    static const std::u32string kDoubled = U"!#$%*+,.:;<=>?@^`~";
    const char32_t c = s_[i_];
    if (kMustEscape.find(c) != std::u32string::npos) {
      Fail("[ ] の中の「" + CodePointUtf8(c) + "」は \\" + CodePointUtf8(c) + " と書いてください");
    } else if (kDoubled.find(c) != std::u32string::npos && i_ + 1 < s_.size() && s_[i_ + 1] == c) {
      Fail("[ ] の中の「" + CodePointUtf8(c) + CodePointUtf8(c) + "」は予約された書き方です（\\" + CodePointUtf8(c) + " と書いてください）");
    } else if ((c == U'-' || c == U'&') && i_ + 1 < s_.size() && s_[i_ + 1] == c) {
      // Set operations [[a-z]--[aeiou]] and [\p{L}&&\p{Script=Han}]: between single operands only.
      ClassState& top = classes_.back();
      if (top.range || range_pending_ || top.operands != top.operations + 1) {
        Fail("[ ] の中の「" + CodePointUtf8(c) + CodePointUtf8(c) + "」は [[a-z]" + CodePointUtf8(c) + CodePointUtf8(c) +
             "[aeiou]] のように、1つの文字か [ ] の間に書いてください");
        return;
      }
      ++top.operations;
      plain_.append(s_, i_, 2);
      i_ += 2;
      prev_single_ = false;
    } else if (c == U'-') {
      if (!prev_single_ || range_pending_ || i_ + 1 >= s_.size() || s_[i_ + 1] == U']' || s_[i_ + 1] == U'[') {
        Fail("[ ] の中で文字としてのハイフンは \\- と書いてください（例: [0-9\\-]）");
        return;
      }
      range_pending_ = true;
      plain_.push_back(s_[i_++]);
    } else if (c == U'[') {
      plain_.push_back(s_[i_++]);
      OpenClass();
    } else if (c == U']') {
      plain_.push_back(s_[i_++]);
      CloseClass();
    } else {
      plain_.push_back(s_[i_++]);
      ClassAtom(true);
    }
  }

  void OpenClass() {
    if (i_ < s_.size() && s_[i_] == U'^') plain_.push_back(s_[i_++]);
    classes_.push_back({});
    prev_single_ = range_pending_ = false;
  }

  void CloseClass() {
    ClassState top = classes_.back();
    classes_.pop_back();
    if (range_pending_) {
      Fail("[ ] の中で文字としてのハイフンは \\- と書いてください（例: [0-9\\-]）");
    } else if (top.operations > 0 && top.operands != top.operations + 1) {
      Fail("[ ] の中の -- や && の後には、1つの文字か [ ] を書いてください");
    } else if (classes_.empty()) {
      Atom(true);
    } else {
      ClassAtom(false);  // a nested class is one operand of its parent
    }
  }

  // `single`: the atom is one character, so it may start or end a range a-z.
  void ClassAtom(bool single) {
    if (range_pending_) {
      if (!single) Fail("[a-z] のような範囲の端に \\d などは使えません");
      classes_.back().range = true;
      range_pending_ = prev_single_ = false;
    } else {
      ++classes_.back().operands;
      prev_single_ = single;
    }
  }

  struct ClassState {
    int operands = 0;    // characters, set escapes and nested classes
    int operations = 0;  // -- and &&
    bool range = false;  // a-z somewhere in it
  };

  const std::u32string s_;
  std::u32string plain_;
  std::string error_;
  size_t i_ = 0;
  std::vector<ClassState> classes_;  // the open [ ] (the v flag allows nested classes)
  std::vector<bool> groups_;         // the open ( ), true for look-ahead/behind
  std::vector<std::u32string> names_, name_refs_;
  int captures_ = 0, max_backref_ = 0;
  bool prev_single_ = false;    // in a class: the last atom was one character
  bool range_pending_ = false;  // in a class: after "a-", waiting for the range's end
  bool repeatable_ = false;     // outside: the last thing can take a quantifier
  bool quantifier_ = false;     // outside: the last thing was a quantifier (a ? may follow)
};

}  // namespace

bool CheckAutocomplete(std::string_view value, FieldType type, std::string* why, std::string* hint) {
  std::vector<std::string> tokens;
  std::istringstream words{std::string(value)};
  for (std::string w; words >> w;) tokens.push_back(AsciiLower(w));
  if (tokens.empty()) {
    *why = "autocomplete が空です";
    *hint = "使わないときは autocomplete: の行を消してください";
    return false;
  }
  if (type == FieldType::kRadio || type == FieldType::kCheckbox || type == FieldType::kFile) {
    *why = std::string("type: ") + FieldTypeName(type) + " には autocomplete を付けられません";
    *hint = "autocomplete: の行を消してください";
    return false;
  }
  if (tokens.size() == 1 && (tokens[0] == "on" || tokens[0] == "off")) return true;
  size_t i = 0;
  if (tokens[i].rfind("section-", 0) == 0) ++i;
  if (i < tokens.size() && (tokens[i] == "shipping" || tokens[i] == "billing")) ++i;
  bool contact_prefix = false;
  static const std::vector<std::string> kContact = {"home", "work", "mobile", "fax", "pager"};
  if (i < tokens.size() && std::find(kContact.begin(), kContact.end(), tokens[i]) != kContact.end()) {
    contact_prefix = true;
    ++i;
  }
  if (i >= tokens.size()) {
    *why = "autocomplete「" + std::string(value) + "」に項目名（name, email, tel など）がありません";
    *hint = "最後に name や postal-code などの項目名を書いてください";
    return false;
  }
  const AutofillName* field = FindAutofill(tokens[i]);
  if (!field) {
    std::vector<std::string> names;
    for (const AutofillName& a : kAutofill) names.emplace_back(a.name);
    auto near = NearestMatches(tokens[i], names, 1);
    *why = "autocomplete の「" + tokens[i] + "」は HTML の決まった値ではありません";
    *hint = near.empty() ? "name, email, tel, postal-code, organization などを使ってください"
                         : "「" + near[0] + "」ではありませんか";
    return false;
  }
  ++i;
  if (i < tokens.size() && tokens[i] == "webauthn") ++i;
  if (i != tokens.size()) {
    *why = "autocomplete「" + std::string(value) + "」の「" + tokens[i] + "」は置けない位置にあります";
    *hint = "項目名（" + std::string(field->name) + "）は最後に1つだけ書いてください";
    return false;
  }
  if (contact_prefix && !field->contact) {
    *why = "home・work・mobile などは tel や email の前にだけ付けられます（「" + std::string(field->name) + "」には付けられません）";
    *hint = "autocomplete: " + std::string(field->name) + " としてください";
    return false;
  }
  if (!GroupFits(field->group, type)) {
    *why = "autocomplete「" + std::string(field->name) + "」は type: " + FieldTypeName(type) + " の項目には使えません";
    switch (field->group) {
      case Group::kEmail:
        *hint = "type: email にしてください";
        break;
      case Group::kTel:
        *hint = "type: tel にしてください";
        break;
      case Group::kMultiline:
        *hint = "type: textarea にするか、address-line1 などを使ってください";
        break;
      default:
        *hint = "type に合う値にするか、autocomplete: の行を消してください";
    }
    return false;
  }
  return true;
}

bool CheckPattern(const std::string& pattern, std::string* why) {
  if (pattern.empty()) {
    *why = "pattern が空です";
    return false;
  }
  PatternScanner scanner(ToUtf32(pattern));
  if (!scanner.Run(why)) return false;
  try {
    const std::u32string& plain = scanner.plain();
    std::wstring wide(plain.begin(), plain.end());  // wchar_t holds a code point on Linux
    std::wregex compiled(wide, std::regex_constants::ECMAScript);
  } catch (const std::regex_error& e) {
    *why = RegexErrorText(e.code());
    return false;
  }
  return true;
}

}  // namespace kyodo
