#include "file_note.h"

#include <algorithm>
#include <cmath>
#include <exception>
#include <set>
#include <string_view>
#include <utility>

#include "text.h"
#include "urls.h"

namespace kyodo {

namespace {

// 「PDF」「Excel」「ワード」「Word形式」「PDFファイル」: a file type as clerks name one.
bool IsFileTypeWord(std::string word) {
  for (std::string_view tail : {"ファイル", "形式", "版"}) {
    if (word.size() > tail.size() && word.ends_with(tail)) word.resize(word.size() - tail.size());
  }
  static const std::set<std::string> kTypes = {
      "pdf", "word", "excel", "powerpoint", "csv", "zip", "doc", "docx", "xls", "xlsx", "ppt", "pptx", "odt", "ods",
      "jpg", "jpeg", "png", "txt", "rtf", "jtd", "エクセル", "ワード", "パワーポイント", "一太郎"};
  return kTypes.count(AsciiLower(word)) > 0;
}

// 「1.2MB」「127 KB」「980キロバイト」: a size.
bool IsFileSize(std::string_view s) {
  size_t i = 0;
  while (i < s.size() && (IsAsciiDigit(s[i]) || s[i] == '.' || s[i] == ',')) ++i;
  if (i == 0 || !IsAsciiDigit(s[0])) return false;
  std::string unit = AsciiLower(CollapseWhitespace(s.substr(i)));
  static const std::set<std::string> kUnits = {"b", "kb", "mb", "gb", "k", "m", "バイト", "キロバイト", "メガバイト"};
  return kUnits.count(unit) > 0;
}

// The inside of a note: a type, a size, or a type and a size with a separator between.
bool IsFileNote(const std::string& inside) {
  const std::string s = CollapseWhitespace(Nfkc(inside));
  if (s.empty()) return false;
  if (IsFileTypeWord(s) || IsFileSize(s)) return true;
  for (std::string_view sep : {":", "/", ",", "、", " ", "・"}) {
    const size_t at = s.find(sep);
    if (at == std::string::npos) continue;
    if (IsFileTypeWord(CollapseWhitespace(s.substr(0, at))) && IsFileSize(CollapseWhitespace(s.substr(at + sep.size())))) {
      return true;
    }
  }
  // 「PDF 1.2MB」 without a separator: the type is the letters before the first digit.
  const size_t digit = s.find_first_of("0123456789");
  return digit != std::string::npos && digit > 0 && IsFileTypeWord(CollapseWhitespace(s.substr(0, digit))) &&
         IsFileSize(s.substr(digit));
}

}  // namespace

std::string TitleWithoutFileNote(const std::string& title, std::string* note) {
  static const std::pair<std::string_view, std::string_view> kBrackets[] = {
      {"（", "）"}, {"(", ")"}, {"[", "]"}, {"［", "］"}, {"【", "】"}, {"〔", "〕"}, {"＜", "＞"}, {"<", ">"}};
  const std::string trimmed = CollapseWhitespace(title);
  for (const auto& [open, close] : kBrackets) {
    if (!trimmed.ends_with(close)) continue;
    const size_t start = trimmed.rfind(open);
    if (start == std::string::npos || start == 0) continue;
    const size_t inside = start + open.size();
    if (!IsFileNote(trimmed.substr(inside, trimmed.size() - close.size() - inside))) continue;
    const std::string rest = CollapseWhitespace(trimmed.substr(0, start));
    if (rest.empty()) continue;
    if (note) *note = trimmed.substr(start);
    return rest;
  }
  return title;
}

std::optional<uint64_t> NoteSize(const std::string& note) {
  const std::string s = AsciiLower(Nfkc(note));
  const size_t digit = s.find_first_of("0123456789");
  if (digit == std::string::npos) return std::nullopt;
  size_t end = digit;
  while (end < s.size() && (IsAsciiDigit(s[end]) || s[end] == '.' || s[end] == ',')) ++end;
  std::string number = s.substr(digit, end - digit);
  number.erase(std::remove(number.begin(), number.end(), ','), number.end());
  const std::string unit = s.substr(end);
  double scale = 1;
  if (unit.find("g") == 0) scale = 1024.0 * 1024 * 1024;
  if (unit.find("m") == 0 || unit.find("メガ") != std::string::npos) scale = 1024.0 * 1024;
  if (unit.find("k") == 0 || unit.find("キロ") != std::string::npos) scale = 1024.0;
  try {
    return static_cast<uint64_t>(std::stod(number) * scale);
  } catch (const std::exception&) {
    return std::nullopt;
  }
}

void CheckLinkFileNote(const std::string& text, uint64_t size, const std::string& label, const SourceLoc& loc,
                       Diagnostics* diags, bool labelled) {
  std::string note;
  const std::string rest = TitleWithoutFileNote(text, &note);
  // kyodo's own label written out is not appended again (markdown.cpp LabelFileLink).
  if (note.empty() || note == "（" + label + "）") return;
  const std::optional<uint64_t> written = NoteSize(note);
  // A size rounded as sites round it (1.2MB, 127KB, 0.1MB) is right: within a tenth, or 1KB.
  const double diff = written ? std::abs(static_cast<double>(*written) - static_cast<double>(size)) : 0;
  if (!written || diff <= std::max(static_cast<double>(size) * 0.1, 1024.0)) {
    if (labelled) {
      diags->Warning(loc, "リンクの文字の「" + note + "」は kyodo が付けます（このままでは「" + text + "（" + label + "）」と二重に出ます）",
                     "リンクの文字は「" + rest + "」だけにしてください。種類と大きさはファイルから計算して自動で付けます");
    }
    return;
  }
  diags->Warning(loc, "リンクの文字の「" + note + "」は、ファイル（" + label + "）と大きさが違います",
                 "「（" + label + "）」に直すか、資料は attachments:（様式は downloads:）に書くと、種類と大きさを自動で付けます");
}

std::string DropWrittenFileNote(const std::string& title, const std::string& src, const SourceLoc& loc,
                                Diagnostics* diags) {
  if (IsWebUrl(src)) return title;  // kyodo cannot measure a file on another site: the note is the reader's only one
  std::string note;
  std::string rest = TitleWithoutFileNote(title, &note);
  if (note.empty()) return title;
  diags->Warning(loc, "題名の「" + note + "」は kyodo が付けます",
                 "題名は「" + rest + "」だけにしてください。種類と大きさはファイルから計算して自動で付けます"
                 "（書いたままだと二重になり、大きさが古くなることがあります）");
  return rest;
}

}  // namespace kyodo
