#include "block_text.h"

#include <string_view>
#include <vector>

#include "text.h"

namespace kyodo {

SourceLoc BlockTextStart(const YamlFile& file, const SourceLoc& value_loc) {
  std::vector<std::string_view> lines;
  const std::string_view text = file.text();
  for (size_t start = 0; start <= text.size();) {
    size_t nl = text.find('\n', start);
    std::string_view line = text.substr(start, nl == std::string_view::npos ? std::string_view::npos : nl - start);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    lines.push_back(line);
    if (nl == std::string_view::npos) break;
    start = nl + 1;
  }
  const int row = value_loc.line - file.first_line();
  if (row < 0 || static_cast<size_t>(row) >= lines.size() || value_loc.col < 1) return value_loc;
  const std::string_view line = lines[static_cast<size_t>(row)];
  // Columns count code points; the indicator's byte offset is after that many.
  const size_t at = Utf8PrefixSize(line, static_cast<size_t>(value_loc.col - 1));
  if (at >= line.size() || (line[at] != '|' && line[at] != '>')) return value_loc;
  for (size_t r = static_cast<size_t>(row) + 1; r < lines.size(); ++r) {
    const size_t indent = lines[r].find_first_not_of(' ');
    if (indent == std::string_view::npos) continue;  // blank lines before the text
    return {value_loc.file, file.first_line() + static_cast<int>(r), static_cast<int>(indent) + 1};
  }
  return value_loc;
}

}  // namespace kyodo
