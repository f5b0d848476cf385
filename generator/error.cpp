#include "error.h"

#include <algorithm>
#include <tuple>

#include "text.h"

namespace kyodo {

void Diagnostics::Error(SourceLoc loc, std::string message, std::string hint) {
  items_.push_back({Severity::kError, std::move(loc), std::move(message), std::move(hint)});
}

void Diagnostics::Warning(SourceLoc loc, std::string message, std::string hint) {
  items_.push_back({Severity::kWarning, std::move(loc), std::move(message), std::move(hint)});
}

void Diagnostics::Append(const Diagnostics& other) {
  items_.insert(items_.end(), other.items_.begin(), other.items_.end());
}

bool Diagnostics::HasErrors() const { return ErrorCount() > 0; }

int Diagnostics::ErrorCount() const {
  return static_cast<int>(std::count_if(items_.begin(), items_.end(),
                                        [](const Diagnostic& d) { return d.severity == Severity::kError; }));
}

int Diagnostics::WarningCount() const { return static_cast<int>(items_.size()) - ErrorCount(); }

void Diagnostics::SortByLocation() {
  std::stable_sort(items_.begin(), items_.end(), [](const Diagnostic& a, const Diagnostic& b) {
    return std::tie(a.loc.file, a.loc.line, a.loc.col, a.message) <
           std::tie(b.loc.file, b.loc.line, b.loc.col, b.message);
  });
  // The same problem found twice (e.g. a file read by two stages) is reported once.
  items_.erase(std::unique(items_.begin(), items_.end(),
                           [](const Diagnostic& a, const Diagnostic& b) {
                             return a.severity == b.severity && a.loc.file == b.loc.file &&
                                    a.loc.line == b.loc.line && a.loc.col == b.loc.col &&
                                    a.message == b.message;
                           }),
               items_.end());
}

std::string LineOf(const std::string& text, int line) {
  if (line < 1) return {};
  size_t start = 0;
  for (int i = 1; i < line; ++i) {
    size_t nl = text.find('\n', start);
    if (nl == std::string::npos) return {};
    start = nl + 1;
  }
  size_t end = text.find('\n', start);
  std::string out = text.substr(start, end == std::string::npos ? std::string::npos : end - start);
  if (!out.empty() && out.back() == '\r') out.pop_back();
  // Notepad and Excel's 「CSV UTF-8」 start the file with a BOM. Columns are counted
  // without it (ReadSource drops it), so the line is shown without it: with it, the
  // caret stood one column left and terminals showed a stray mark before the line.
  if (line == 1 && out.starts_with("\xEF\xBB\xBF")) out.erase(0, 3);
  return out;
}

namespace {

// Diagnostics quote content, and content comes from many hands (a groups.csv or a
// text e-mailed by a citizen group): an escape sequence in it (ESC [2J, OSC 52 …)
// would be obeyed by the clerk's terminal instead of shown, clearing or rewriting
// what kyodo printed. C0 and C1 control characters (but tab and line feed) print
// as spaces, which keeps the caret under its column.
std::string TerminalSafe(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    const bool c1 = c == 0xC2 && i + 1 < s.size() && (static_cast<unsigned char>(s[i + 1]) & 0xE0) == 0x80;  // U+0080–U+009F
    if ((c < 0x20 && c != '\t' && c != '\n') || c == 0x7F || c1) {
      out += ' ';
      i += c1 ? 1 : 0;
    } else {
      out += s[i];
    }
  }
  return out;
}

}  // namespace

std::string FormatDiagnostic(const Diagnostic& raw, const std::string& raw_line) {
  Diagnostic d = raw;
  d.loc.file = TerminalSafe(d.loc.file);
  d.message = TerminalSafe(d.message);
  d.hint = TerminalSafe(d.hint);
  const std::string source_line = TerminalSafe(raw_line);
  std::string out = d.loc.file;
  if (d.loc.line > 0) {
    out.append(":").append(std::to_string(d.loc.line));
    if (d.loc.col > 0) out.append(":").append(std::to_string(d.loc.col));
  }
  out += d.severity == Severity::kError ? ": error: " : ": warning: ";
  out += d.message;
  out += "\n";
  if (d.loc.line > 0 && !source_line.empty()) {
    std::string number = std::to_string(d.loc.line);
    std::string gutter(number.size(), ' ');
    // A very long line (minified data, hostile input) is shown as a window
    // around the column so the message stays readable.
    constexpr size_t kWindow = 60;
    size_t col = d.loc.col > 0 ? static_cast<size_t>(d.loc.col - 1) : 0;
    size_t length = CodePointCount(source_line);
    size_t first = col > kWindow ? col - kWindow : 0;
    std::string shown = Utf8Substr(source_line, first, 2 * kWindow);
    std::string before = first > 0 ? "…" : "";
    std::string after = first + 2 * kWindow < length ? "…" : "";
    out += " " + number + " | " + before + shown + after + "\n";
    if (d.loc.col > 0) {
      std::string prefix = before + Utf8Substr(source_line, first, col - first);
      out += " " + gutter + " | " + std::string(static_cast<size_t>(DisplayWidth(prefix)), ' ') + "^\n";
    }
  }
  if (!d.hint.empty()) out += "  ヒント: " + d.hint + "\n";
  return out;
}

}  // namespace kyodo
