#include "block_text.h"

#include <string_view>

#include "text.h"

namespace kyodo {

SourceLoc BlockTextStart(const YamlFile& file, const SourceLoc& value_loc) {
  const int row = value_loc.line - file.first_line();
  if (row < 0 || static_cast<size_t>(row) >= file.lines() || value_loc.col < 1) return value_loc;
  const std::string_view line = file.Line(static_cast<size_t>(row));
  // Columns count code points; the indicator's byte offset is after that many.
  const size_t at = Utf8PrefixSize(line, static_cast<size_t>(value_loc.col - 1));
  if (at >= line.size() || (line[at] != '|' && line[at] != '>')) return value_loc;
  for (size_t r = static_cast<size_t>(row) + 1; r < file.lines(); ++r) {
    const size_t indent = file.Line(r).find_first_not_of(' ');
    if (indent == std::string_view::npos) continue;  // blank lines before the text
    return {value_loc.file, file.first_line() + static_cast<int>(r), static_cast<int>(indent) + 1};
  }
  return value_loc;
}

}  // namespace kyodo
