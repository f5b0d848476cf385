#include "source.h"

#include <algorithm>

#include "text.h"

namespace kyodo {

SourceLoc LocOfByte(const std::string& path, const std::string& text, size_t byte) {
  byte = std::min(byte, text.size());
  int line = 1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<long>(byte), '\n'));
  return {path, line, ColumnOfByte(text, byte)};
}

namespace {

// C0 control characters other than tab, line feed and form feed are forbidden in HTML
// (vnu: 「Forbidden code point」) and XML: PowerPoint's line break inside a text box
// (U+000B) comes along when a slide's text is pasted. Each becomes a space, which
// keeps the YAML and Markdown as they were and every column where it was.
void BlankControlChars(const std::string& path, std::string* text, Diagnostics* diags) {
  auto is_control = [](char ch) {
    const auto c = static_cast<unsigned char>(ch);
    return (c < 0x20 && c != '\t' && c != '\n' && c != '\f') || c == 0x7F;
  };
  const auto first = std::find_if(text->begin(), text->end(), is_control);
  if (first == text->end()) return;
  static constexpr char kHex[] = "0123456789ABCDEF";
  const auto code = static_cast<unsigned char>(*first);
  const std::string name = std::string("U+00") + kHex[code >> 4] + kHex[code & 0xF];
  const SourceLoc loc = LocOfByte(path, *text, static_cast<size_t>(first - text->begin()));
  const long count = std::count_if(first, text->end(), is_control);
  std::replace_if(first, text->end(), is_control, ' ');
  diags->Warning(loc,
                 "制御文字（" + name + "）があります" +
                     (count > 1 ? "（このファイルに " + std::to_string(count) + " か所）" : ""),
                 "PowerPoint や Word から貼り付けると入る、目に見えない文字です。ページには空白として出します。消してください");
}

}  // namespace

std::optional<std::string> PrepareSource(std::string text, const std::string& path, Diagnostics* diags) {
  // Notepad's 「UTF-16 LE」 (「Unicode」 in older Windows) and Excel's 「Unicode テキスト」
  // write two bytes a character, ASCII with a zero byte: not Shift_JIS, as the hint below says.
  const bool csv = path.size() > 4 && path.compare(path.size() - 4, 4, ".csv") == 0;
  if (text.starts_with("\xFF\xFE") || text.starts_with("\xFE\xFF") ||
      text.find('\0') < std::min<size_t>(text.size(), 256)) {
    diags->Error({path, 1, 1}, "ファイルが UTF-16（Unicode）で保存されています",
                 csv ? "Excel では「名前を付けて保存」でファイルの種類に「CSV UTF-8（コンマ区切り）」を選んで保存し直してください"
                     : "メモ帳では「名前を付けて保存」で文字コードに「UTF-8」を選んで保存し直してください");
    return std::nullopt;
  }
  size_t bad = FindInvalidUtf8(text);
  if (bad != std::string::npos) {
    // Excel saves "CSV" in Shift_JIS; its UTF-8 variant is a separate choice in the dialog.
    diags->Error(LocOfByte(path, text, bad),
                 "UTF-8 として読めないバイトがあります（ファイルの先頭から " + std::to_string(bad) + " バイトの位置）",
                 csv ? "Shift_JIS のままではありませんか。Excel では「名前を付けて保存」でファイルの種類に"
                       "「CSV UTF-8（コンマ区切り）」を選んで保存し直してください"
                     : "ファイルを UTF-8 で保存し直してください（Shift_JIS のままではありませんか）");
    return std::nullopt;
  }
  if (text.compare(0, 3, "\xEF\xBB\xBF") == 0) text.erase(0, 3);
  if (text.find('\r') != std::string::npos) {
    std::string lf;
    lf.reserve(text.size());
    for (size_t i = 0; i < text.size(); ++i) {
      if (text[i] != '\r') {
        lf += text[i];
      } else if (i + 1 >= text.size() || text[i + 1] != '\n') {
        lf += '\n';  // a lone CR (old Mac) ends a line too
      }
    }
    text.swap(lf);
  }
  BlankControlChars(path, &text, diags);
  return text;
}

std::optional<std::string> ReadSource(const Disk& disk, const std::string& path, Diagnostics* diags) {
  std::string text, err;
  if (!disk.ReadFile(path, &text, &err)) {
    diags->Error({path, 0, 0}, "ファイルを読めません: " + err);
    return std::nullopt;
  }
  return PrepareSource(std::move(text), path, diags);
}

namespace {

// True when the line starting at `pos` is exactly "---" (trailing spaces allowed).
bool IsFenceAt(const std::string& text, size_t pos, size_t* next_line) {
  if (text.compare(pos, 3, "---") != 0) return false;
  size_t i = pos + 3;
  while (i < text.size() && (text[i] == ' ' || text[i] == '\t')) ++i;
  if (i < text.size() && text[i] != '\n') return false;
  *next_line = i < text.size() ? i + 1 : i;
  return true;
}

// A line meant as --- but typed with the IME on: 「－－－」「ーーー」「―――」.
bool IsWideFence(std::string_view line) {
  const std::string s = CollapseWhitespace(line);
  if (s.size() < 9 || s.size() % 3 != 0) return false;
  for (size_t i = 0; i < s.size(); i += 3) {
    const std::string_view ch = std::string_view(s).substr(i, 3);
    if (ch != "－" && ch != "ー" && ch != "―" && ch != "—" && ch != "‐" && ch != "−") return false;
  }
  return true;
}

}  // namespace

std::optional<Diagnostic> FrontMatterMistake(const std::string& text, const std::string& path) {
  auto error = [&](int at, std::string message, std::string hint) {
    Diagnostic d;
    d.loc = SourceLoc{path, at, 1};
    d.message = std::move(message);
    d.hint = std::move(hint);
    return d;
  };
  int line = 1;
  bool blank_before = false;
  for (size_t pos = 0; pos < text.size(); ++line) {
    const size_t nl = std::min(text.find('\n', pos), text.size());
    const std::string_view content(text.data() + pos, nl - pos);
    size_t next = 0;
    if (IsWideFence(content)) {
      return error(line, "「" + CollapseWhitespace(content) + "」は全角です",
                   "フロントマターの区切りは半角の「---」で書いてください（閉じる行も同じです）");
    }
    if (line == 1 || blank_before) {
      if (blank_before && IsFenceAt(text, pos, &next)) {
        return error(1, "フロントマターの「---」の前に空行があります",
                     "「---」をファイルの1行目に書いてください（" + std::to_string(line) + "行目の「---」より前の空行を消します）");
      }
      blank_before = CollapseWhitespace(content).empty();
    }
    pos = nl + 1;
  }
  return std::nullopt;
}

std::optional<FrontMatterSplit> SplitFrontMatter(const std::string& text, const std::string& path,
                                                 Diagnostics* diags) {
  FrontMatterSplit out;
  size_t pos = 0;
  if (!IsFenceAt(text, 0, &pos)) {
    out.body = text;
    out.body_line = 1;
    return out;
  }
  int line = 2;
  size_t yaml_start = pos;
  while (pos < text.size()) {
    size_t next = 0;
    if (IsFenceAt(text, pos, &next)) {
      out.yaml = text.substr(yaml_start, pos - yaml_start);
      out.yaml_line = 2;
      out.body = text.substr(next);
      out.body_line = line + 1;
      return out;
    }
    size_t nl = text.find('\n', pos);
    if (nl == std::string::npos) break;
    pos = nl + 1;
    ++line;
  }
  if (auto mistake = FrontMatterMistake(text, path)) {
    diags->Error(mistake->loc, mistake->message, mistake->hint);
    return std::nullopt;
  }
  diags->Error({path, 1, 1}, "フロントマター（--- で始まる部分）が --- で閉じられていません",
               "メタデータの終わりに --- だけの行を入れてください");
  return std::nullopt;
}

}  // namespace kyodo
