#include "yaml_reader.h"

#include <algorithm>
#include <limits>
#include <optional>
#include <set>

#include "text.h"
#include "urls.h"

namespace kyodo {

YamlFile::YamlFile(std::string path, std::string text, int first_line)
    : path_(std::move(path)), text_(std::move(text)), first_line_(first_line) {
  // Positions are asked for every value: a register of thousands of groups would
  // otherwise count lines from the top for each one.
  line_starts_.push_back(0);
  for (size_t nl = text_.find('\n'); nl != std::string::npos; nl = text_.find('\n', nl + 1)) line_starts_.push_back(nl + 1);
}

namespace {

// yaml-cpp parses recursively, so a hostile file nested thousands of levels deep
// would overflow the stack. Real content nests a few levels; refuse deep nesting
// before parsing. Returns the byte offset of the first too-deep place, or npos.
size_t FindExcessiveNesting(const std::string& text) {
  constexpr int kMaxDepth = 64;
  constexpr size_t kMaxIndent = 256;
  int flow = 0;
  char quote = 0;
  size_t line_start = 0;
  bool at_line_start = true;
  int dashes = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '\n') {
      at_line_start = true;
      dashes = 0;
      line_start = i + 1;
      if (quote == '\'') quote = 0;  // keep a stray quote from hiding the rest
      continue;
    }
    if (at_line_start) {
      if (c == ' ') {
        if (i - line_start > kMaxIndent) return i;
        continue;
      }
      if ((c == '-' || c == '?' || c == ':') && i + 1 < text.size() && text[i + 1] == ' ') {
        if (++dashes > kMaxDepth) return i;  // "- - - - x" nests without indenting
        ++i;
        continue;
      }
      at_line_start = false;
    }
    if (quote) {
      if (c == quote) quote = 0;
      if (c == '\\' && quote == '"') ++i;
      continue;
    }
    if (c == '"' || c == '\'') {
      quote = c;
    } else if (c == '#' && (i == 0 || text[i - 1] == ' ' || text[i - 1] == '\t')) {
      size_t nl = text.find('\n', i);
      i = (nl == std::string::npos ? text.size() : nl) - 1;
    } else if (c == '[' || c == '{') {
      if (++flow > kMaxDepth) return i;
    } else if ((c == ']' || c == '}') && flow > 0) {
      --flow;
    }
  }
  return std::string::npos;
}

}  // namespace

// yaml-cpp's messages are English; the ones a clerk meets most are said in Japanese.
std::string JapaneseYamlMessage(const std::string& msg) {
  static const std::pair<const char*, const char*> kMessages[] = {
      {"end of sequence flow not found", "[ に対応する ] がありません"},
      {"end of map flow not found", "{ に対応する } がありません"},
      {"end of sequence not found", "リストの終わりが見つかりません"},
      {"end of map not found", "「キー: 値」の並びの終わりが見つかりません（字下げがずれていませんか）"},
      {"illegal map value", "「:」の使い方が正しくありません（値に「: 」を含むときは \"…\" で囲みます）"},
      {"illegal block entry", "「- 」の位置が正しくありません（字下げを確かめてください）"},
      {"illegal flow end", "対応する [ や { のない ] や } があります"},
      {"illegal EOF in scalar", "\" や ' で始めた文字列が閉じられていません"},
      {"illegal tab when looking for indentation", "字下げにタブは使えません（スペースを使ってください）"},
      {"unknown escape character", "\\ の後の文字が使えない組み合わせです"},
      {"the referenced anchor is not defined", "参照（*名前）の元（&名前）がありません"},
      {"unknown token", "@ や ` や % で値を始めることはできません（値を \"…\" で囲んでください）"},
      {"unexpected character in block scalar", "| や > の後に文字があります（| の次の行から、字下げして書きます）"},
  };
  for (const auto& [english, japanese] : kMessages) {
    if (msg == english) return japanese;
  }
  return msg;
}

namespace {

struct Mistake {
  size_t pos;
  std::string message, hint;
};

bool IsKeyChar(char c) { return IsAsciiAlnum(c) || c == '_' || c == '-'; }

constexpr std::string_view kWideSpace = "\xE3\x80\x80";

// `s` without the half- and full-width (全角) spaces at its start.
std::string_view SkipSpaces(std::string_view s) {
  while (s.starts_with(kWideSpace) || s.starts_with(' ')) s.remove_prefix(s[0] == ' ' ? 1 : kWideSpace.size());
  return s;
}

// A line that starts with 全角 spaces and then a key (「　　name: 市民課」) or a list
// item (「　- 観光」). YAML reads the spaces as part of a key or a value, so the file
// parses and the clerk would be told about an unknown key 「　- 観光」 or a missing
// name instead. Text after a 全角 space (a paragraph's indent) is not one.
bool FullWidthIndentsYaml(std::string_view line) {
  line = SkipSpaces(line);
  if (line.starts_with('-')) return line.size() == 1 || line[1] == ' ';
  size_t k = 0;
  while (k < line.size() && IsKeyChar(line[k])) ++k;
  return k > 0 && k < line.size() && (line[k] == ':' || line.substr(k).starts_with("\xEF\xBC\x9A"));
}

// yaml-cpp reports where parsing stopped, which is often the line after the
// mistake. When parsing failed, look for what clerks actually get wrong on the
// lines up to that point and name it at its own place. `indent_only` looks only for
// a 全角 space before a key or a list item, the one mistake that can also parse.
std::optional<Mistake> LikelyMistake(const std::string& text, size_t error_pos, bool indent_only = false) {
  size_t block_indent = std::string::npos;  // inside `key: |`: lines indented deeper are text
  for (size_t start = 0; start < text.size() && start <= error_pos;) {
    const size_t end = std::min(text.find('\n', start), text.size());
    const std::string_view line(text.data() + start, end - start);
    const size_t next = end + 1;
    size_t indent = 0;
    while (indent < line.size() && line[indent] == ' ') ++indent;
    const std::string_view rest = line.substr(indent);
    if (block_indent != std::string::npos && (rest.empty() || indent > block_indent)) {
      start = next;
      continue;
    }
    block_indent = std::string::npos;
    if (rest.starts_with('\t')) {
      return Mistake{start + indent, "字下げにタブがあります", "タブを消して、半角スペースで字下げしてください"};
    }
    if (rest.starts_with("\xE3\x80\x80") && (!indent_only || FullWidthIndentsYaml(rest))) {
      return Mistake{start + indent, "字下げに全角スペースがあります", "全角スペースを消して、半角スペースで字下げしてください"};
    }
    if (rest.empty() || rest[0] == '#') {
      start = next;
      continue;
    }
    size_t k = rest.starts_with("- ") ? 2 : 0;
    const size_t key_start = k;
    while (k < rest.size() && IsKeyChar(rest[k])) ++k;
    const std::string key(rest.substr(key_start, k - key_start));
    const size_t at = start + indent + k;
    if (indent_only) {
      const size_t v = rest.find_first_not_of(' ', std::min(k + 1, rest.size()));
      if (k < rest.size() && rest[k] == ':' && v != std::string_view::npos && (rest[v] == '|' || rest[v] == '>')) {
        block_indent = indent;
      }
      start = next;
      continue;
    }
    if (!key.empty() && rest.substr(k).starts_with("\xEF\xBC\x9A")) {  // ：
      return Mistake{at, "「" + key + "」の後の「：」が全角です", "半角の「:」と空白で「" + key + ": 値」のように書いてください"};
    }
    if (key.empty() || k >= rest.size() || rest[k] != ':') {
      start = next;
      continue;
    }
    const std::string_view value = rest.substr(k + 1);
    if (!value.empty() && value[0] != ' ' && value[0] != '/') {
      return Mistake{at, "「" + key + ":」の後に空白がありません",
                     "「" + key + ": " + std::string(value) + "」のように、: の後に半角スペースを入れてください"};
    }
    const size_t v = value.find_first_not_of(' ');
    if (v != std::string_view::npos) {
      const std::string_view written = value.substr(v);
      const size_t value_pos = at + 1 + v;
      if (written[0] == '|' || written[0] == '>') block_indent = indent;
      if (written[0] == '[' && std::count(written.begin(), written.end(), '[') > std::count(written.begin(), written.end(), ']')) {
        return Mistake{value_pos, "「" + key + "」の [ に対応する ] がありません", "行の終わりに ] を書いてください"};
      }
      if (written[0] == '"' && (written.size() == 1 || written.find('"', 1) == std::string_view::npos)) {
        return Mistake{value_pos, "「" + key + "」の \" が閉じられていません", "値の終わりにも \" を書いてください"};
      }
    }
    start = next;
  }
  return std::nullopt;
}

}  // namespace

bool YamlFile::Parse(Diagnostics* diags) {
  size_t deep = FindExcessiveNesting(text_);
  if (deep != std::string::npos) {
    diags->Error(LocOfByte(deep), "YAML の入れ子が深すぎます", "[ ] や { } の閉じ忘れがないか確かめてください");
    return false;
  }
  try {
    root_ = YAML::Load(text_);
    if (text_.find("\xE3\x80\x80") == std::string::npos) return true;
    auto mistake = LikelyMistake(text_, text_.size(), /*indent_only=*/true);
    if (!mistake) return true;
    diags->Error(LocOfByte(mistake->pos), "YAML の書き方に誤りがあります: " + mistake->message, mistake->hint);
    return false;
  } catch (const YAML::ParserException& e) {
    const size_t pos = e.mark.pos >= 0 ? static_cast<size_t>(e.mark.pos) : 0;
    if (auto mistake = LikelyMistake(text_, pos)) {
      diags->Error(LocOfByte(mistake->pos), "YAML の書き方に誤りがあります: " + mistake->message, mistake->hint);
      return false;
    }
    SourceLoc loc = e.mark.pos >= 0 ? LocOfByte(pos) : Start();
    diags->Error(loc, "YAML の書き方に誤りがあります: " + JapaneseYamlMessage(e.msg),
                 "字下げ（スペース）、「:」の後の空白、[ ] や { } の閉じ忘れ、\" の閉じ忘れを確かめてください");
  } catch (const YAML::Exception& e) {
    diags->Error(Start(), std::string("YAML を読めません: ") + e.what());
  }
  return false;
}

std::string YamlFile::DroppedFromScalar(const YAML::Node& node) const {
  const YAML::Mark mark = node.Mark();
  if (!node.IsScalar() || mark.pos < 0 || static_cast<size_t>(mark.pos) >= text_.size()) return "";
  const size_t start = static_cast<size_t>(mark.pos);
  const std::string& tag = node.Tag();
  // A value written with a leading ! (「!重要」) loses it as a YAML tag: yaml-cpp keeps
  // "!" (and the text) when kana follow, "!abc" (without the text) otherwise.
  // YAML's own tags (!!str) are meant.
  if (text_[start] == '!') return tag.rfind("tag:yaml.org", 0) == 0 ? "" : tag;
  if (tag != "?") return "";  // quoted
  const size_t eol = std::min(text_.find('\n', start), text_.size());
  std::string_view line(text_.data() + start, eol - start);
  const std::string& value = node.Scalar();
  if (!line.starts_with(value)) return "";  // a value over several lines
  // Only a # after the value and spaces starts a comment: in a flow mapping the
  // value is followed by 「, url: "…#kyodo"}」, whose # belongs to the next value.
  const size_t hash = line.find_first_not_of(" \t", value.size());
  // "# 説明" is a comment as YAML means it; "#1" right after a space is a number sign.
  if (hash == std::string_view::npos || hash == value.size() || line[hash] != '#' || hash + 1 >= line.size() ||
      line[hash + 1] == ' ') {
    return "";
  }
  std::string dropped(line.substr(hash));
  while (!dropped.empty() && (dropped.back() == ' ' || dropped.back() == '\r')) dropped.pop_back();
  return dropped;
}

SourceLoc YamlFile::LocOfByte(size_t pos) const {
  if (pos > text_.size()) pos = text_.size();
  const size_t row = static_cast<size_t>(std::upper_bound(line_starts_.begin(), line_starts_.end(), pos) - line_starts_.begin()) - 1;
  return {path_, first_line_ + static_cast<int>(row), ColumnOfByte(text_, pos)};
}

std::string_view YamlFile::Line(size_t row) const {
  if (row >= line_starts_.size()) return {};
  const size_t start = line_starts_[row];
  const size_t end = row + 1 < line_starts_.size() ? line_starts_[row + 1] - 1 : text_.size();
  std::string_view line(text_.data() + start, end - start);
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  return line;
}

SourceLoc YamlFile::Loc(const YAML::Node& node) const {
  YAML::Mark mark = node.Mark();
  if (mark.pos < 0 || mark.is_null()) return Start();
  return LocOfByte(static_cast<size_t>(mark.pos));
}

std::optional<std::string> ScalarText(const YAML::Node& node) {
  if (!node.IsDefined() || !node.IsScalar()) return std::nullopt;
  if (node.Tag() != "?") return node.Scalar();  // quoted or a block: as written
  // YAML drops the spaces around a plain value, but not a 全角 space typed before or
  // after it (「contact: kohokocho　」), which no editor shows: it goes too.
  std::string_view text = SkipSpaces(node.Scalar());
  while (text.ends_with(kWideSpace) || text.ends_with(' ')) text.remove_suffix(text.back() == ' ' ? 1 : kWideSpace.size());
  return std::string(text);
}

MapReader::MapReader(const YamlFile& file, YAML::Node map, SourceLoc where, Diagnostics* diags)
    : file_(file), map_(std::move(map)), where_(std::move(where)), diags_(diags) {
  if (map_.IsNull() || !map_.IsDefined()) {
    map_ = YAML::Node(YAML::NodeType::Map);  // an empty document: required keys report themselves
  } else if (!map_.IsMap()) {
    // A list (「- kyodo: …」) where names are wanted is the usual slip; a bare line of
    // text is the other.
    diags_->Error(file_.Loc(map_), "「キー: 値」の形で書いてください",
                  map_.IsSequence() ? "行の頭の「- 」を外して、「名前: 値」を並べてください（この場所はリストではありません）"
                                    : "「title: 協働のまちづくり」のように、名前・「:」と半角スペース・値の順で書きます");
    ok_ = false;
  }
}

void MapReader::CheckKeys(std::initializer_list<std::string_view> allowed) const {
  CheckKeys(std::vector<std::string_view>(allowed));
}

void MapReader::CheckKeys(const std::vector<std::string_view>& allowed) const {
  if (!ok_) return;
  std::vector<std::string> known(allowed.begin(), allowed.end());
  std::set<std::string> seen;
  for (const auto& kv : map_) {
    auto key = ScalarText(kv.first);
    SourceLoc loc = file_.Loc(kv.first);
    if (!key) {
      diags_->Error(loc, "キーは文字列で書いてください");
      continue;
    }
    if (!seen.insert(*key).second) {
      diags_->Error(loc, "キー「" + *key + "」が2回書かれています", "どちらか一方を消してください");
    }
    if (std::find(known.begin(), known.end(), *key) != known.end()) continue;
    std::vector<std::string> near = NearestMatches(*key, known, 1);
    if (!near.empty()) misspelled_.push_back(near[0]);
    diags_->Error(loc, "不明なキー「" + *key + "」",
                  near.empty() ? "使えるキー: " + [&] {
                    std::string all;
                    for (const auto& k : known) all += (all.empty() ? "" : ", ") + k;
                    return all;
                  }()
                               : "「" + near[0] + "」の誤りではありませんか");
  }
}

// yaml-cpp's own map_[key] copies every key it compares and builds a
// std::stringstream for each key it does not find: a sixth of front-matter reading.
std::optional<YAML::Node> MapReader::Find(const char* key) const {
  if (!ok_) return std::nullopt;
  for (const auto& kv : map_) {
    if (kv.first.IsScalar() && kv.first.Scalar() == key) return kv.second;
  }
  return std::nullopt;
}

bool MapReader::Has(const char* key) const {
  auto v = Find(key);
  return v && !v->IsNull();
}

YAML::Node MapReader::Get(const char* key) const {
  return Find(key).value_or(YAML::Node(YAML::NodeType::Undefined));
}

SourceLoc MapReader::KeyLoc(const char* key) const {
  if (!ok_) return where_;
  for (const auto& kv : map_) {
    if (kv.first.IsScalar() && kv.first.Scalar() == key) return file_.Loc(kv.first);
  }
  return where_;
}

SourceLoc MapReader::ValueLoc(const char* key) const {
  auto v = Find(key);
  return v && !v->IsNull() ? file_.Loc(*v) : KeyLoc(key);
}

namespace {

// How to write a list or a map given where one text is read: a one-item list loses
// its brackets; several values become one text (an area 「中込・野沢」), since the
// key keeps one value.
std::string OneValueHint(const char* key, const YAML::Node& v) {
  if (v.IsSequence() && v.size() == 1) {
    if (auto only = ScalarText(v[0])) return "[ ] や「- 」を外して「" + std::string(key) + ": " + *only + "」と書いてください";
  }
  if (v.IsSequence()) {
    return "この項目には値を1つだけ書きます。いくつもあるときは「・」や「、」でつないで1つの文にしてください";
  }
  return "{ } や「名前: 値」の形にせず、値を1つだけ書いてください（値に「: 」があるときは全体を \"\" で囲みます）";
}

}  // namespace

std::optional<Located> MapReader::String(const char* key, bool required) const {
  const std::optional<YAML::Node> found = Find(key);
  if (!found || found->IsNull()) {
    if (required && ok_) {
      if (found) {  // written, but with nothing after the colon
        diags_->Error(KeyLoc(key), std::string("「") + key + "」の値が空です", std::string(key) + ": の後に書いてください");
      } else if (std::find(misspelled_.begin(), misspelled_.end(), key) == misspelled_.end()) {
        // (「titel:」 was already reported as 「title」 misspelt: one mistake, one message.)
        diags_->Error(where_, std::string("必須のキー「") + key + "」がありません",
                      std::string(key) + ": の行を追加してください");
      }
    }
    return std::nullopt;
  }
  const YAML::Node& v = *found;
  auto text = ScalarText(v);
  if (!text) {
    diags_->Error(file_.Loc(v), std::string("「") + key + "」には文字列を1つ書いてください", OneValueHint(key, v));
    return std::nullopt;
  }
  if (required && CollapseWhitespace(*text).empty()) {  // "" or "   ": a title or label that shows nothing
    diags_->Error(file_.Loc(v), std::string("「") + key + "」の値が空です", std::string(key) + ": の後に書いてください");
    return std::nullopt;
  }
  if (std::string dropped = file_.DroppedFromScalar(v); !dropped.empty()) {
    diags_->Warning(file_.Loc(v), std::string("「") + key + "」の「" + dropped + "」は YAML の" +
                                      (dropped[0] == '#' ? "コメント" : "タグ") + "として読み捨てられます",
                    std::string(key) + ": \"…\" のように値全体を \" \" で囲むと、そのまま表示されます");
  }
  return Located{*text, file_.Loc(v)};
}

std::vector<Located> MapReader::StringList(const char* key) const {
  std::vector<Located> out;
  auto found = Find(key);
  if (!found || found->IsNull()) return out;
  const YAML::Node& v = *found;
  if (v.IsScalar()) {
    out.push_back({*ScalarText(v), file_.Loc(v)});
    return out;
  }
  if (!v.IsSequence()) {
    diags_->Error(file_.Loc(v), std::string("「") + key + "」は [a, b] のようなリストで書いてください");
    return out;
  }
  for (const auto& item : v) {
    auto text = ScalarText(item);
    if (!text) {
      diags_->Error(file_.Loc(item), std::string("「") + key + "」の項目は文字列で書いてください");
      continue;
    }
    out.push_back({*text, file_.Loc(item)});
  }
  return out;
}

std::optional<Located> MapReader::Url(const char* key, bool required) const {
  auto s = String(key, required);
  if (!s) return std::nullopt;
  if (std::string meant = HalfWidthUrl(s->value); !meant.empty()) {
    ReportFullWidthUrl(s->loc, s->value, meant, diags_);
    return std::nullopt;
  }
  if (!IsWebUrl(s->value)) {
    // 「www.example.jp」 as a register or a business card writes it: say which address to write.
    const bool host_first = s->value.find(':') == std::string::npos && s->value.find('.') != std::string::npos &&
                            s->value.find_first_of(" \t") == std::string::npos;
    diags_->Error(s->loc, "URL「" + s->value + "」は http:// か https:// で始めてください",
                  host_first ? "「https://" + s->value + "」のように書いてください（ブラウザーのアドレス欄からコピーすると確実です）"
                             : "ブラウザーのアドレス欄に出る https:// から始まるアドレスを書いてください");
    return std::nullopt;
  }
  if (ReportMalformedWebUrl(s->value, s->loc, diags_)) return std::nullopt;
  return s;
}

std::optional<bool> MapReader::Bool(const char* key) const {
  auto s = String(key);
  if (!s) return std::nullopt;
  // TRUE is how Excel writes a tick in a CSV (groups.csv's draft column), ｔｒｕｅ how the IME does.
  const std::string t = AsciiLower(Nfkc(s->value));
  if (t == "true" || t == "yes" || t == "on") return true;
  if (t == "false" || t == "no" || t == "off") return false;
  diags_->Error(s->loc, std::string("「") + key + "」は true か false で書いてください",
                std::string(key) + ": true（はい）か " + key + ": false（いいえ）と半角の英字で書いてください");
  return std::nullopt;
}

std::optional<int> MapReader::Int(const char* key) const {
  auto s = String(key);
  if (!s) return std::nullopt;
  std::string t = Nfkc(s->value);
  bool neg = !t.empty() && t[0] == '-';
  if (t.empty() || t.size() > 10 || t.find_first_not_of("0123456789", neg ? 1 : 0) != std::string::npos ||
      t.size() == (neg ? 1u : 0u)) {
    // 「40%」「30人」: the number and a unit, as a clerk writes it in a report.
    const size_t digits = t.find_first_not_of("0123456789");
    const bool unit = digits > 0 && digits < 10 && t.find_first_of("0123456789", digits) == std::string::npos;
    diags_->Error(s->loc, std::string("「") + key + "」は整数で書いてください",
                  unit ? std::string("「") + key + ": " + t.substr(0, digits) + "」のように数字だけを書きます（% や 人・件 などの単位は付けません）"
                       : std::string("半角の数字だけで書いてください（例: ") + key + ": 3）");
    return std::nullopt;
  }
  const long long value = std::stoll(t);
  if (value < std::numeric_limits<int>::min() || value > std::numeric_limits<int>::max()) {
    // 10 digits fit the check above but not an int: 9999999999 would wrap to a negative number.
    diags_->Error(s->loc, std::string("「") + key + ": " + t + "」は大きすぎます", "9桁までの数で書いてください");
    return std::nullopt;
  }
  return static_cast<int>(value);
}

std::vector<MapReader> MapReader::MapList(const char* key) const {
  std::vector<MapReader> out;
  auto found = Find(key);
  if (!found || found->IsNull()) return out;
  const YAML::Node& v = *found;
  if (!v.IsSequence()) {
    diags_->Error(file_.Loc(v), std::string("「") + key + "」は「- 」で始まる項目のリストで書いてください");
    return out;
  }
  for (const auto& item : v) {
    MapReader r(file_, item, file_.Loc(item), diags_);
    if (r.ok()) out.push_back(std::move(r));
  }
  return out;
}

std::optional<MapReader> MapReader::Map(const char* key) const {
  auto found = Find(key);
  if (!found || found->IsNull()) return std::nullopt;
  const YAML::Node& v = *found;
  MapReader r(file_, v, file_.Loc(v), diags_);
  if (!r.ok()) return std::nullopt;
  return r;
}

}  // namespace kyodo
