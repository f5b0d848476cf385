#include "markdown_positions.h"

#include <algorithm>

#include "text.h"

namespace kyodo {

Positions::Positions(std::string_view body, std::string file, int first_line, int indent)
    : body_(body), file_(std::move(file)), first_line_(first_line), indent_(indent) {
  line_starts_.push_back(0);
  for (size_t i = 0; i < body.size(); ++i) {
    if (body[i] == '\n') line_starts_.push_back(i + 1);
  }
}

SourceLoc Positions::Of(cmark_node* n) const {
  int line = cmark_node_get_start_line(n);
  int col = cmark_node_get_start_column(n);
  if (line < 1 || static_cast<size_t>(line) > line_starts_.size()) return {file_, first_line_, 0};
  size_t offset = line_starts_[static_cast<size_t>(line - 1)] + static_cast<size_t>(std::max(col - 1, 0));
  return {file_, first_line_ + line - 1, indent_ + ColumnOfByte(body_, std::min(offset, body_.size()))};
}

SourceLoc Positions::AtOffset(size_t offset) const {
  size_t line = static_cast<size_t>(std::upper_bound(line_starts_.begin(), line_starts_.end(), offset) - line_starts_.begin());
  return {file_, first_line_ + static_cast<int>(line) - 1, indent_ + ColumnOfByte(body_, std::min(offset, body_.size()))};
}

SourceLoc Positions::Find(cmark_node* n, std::string_view needle) const {
  // Text split off after parsing (the words after a bare URL) has no position of its
  // own: search from the nearest node before it that has one.
  while (cmark_node_get_start_line(n) < 1 && (cmark_node_previous(n) || cmark_node_parent(n))) {
    n = cmark_node_previous(n) ? cmark_node_previous(n) : cmark_node_parent(n);
  }
  SourceLoc at = Of(n);
  int line = cmark_node_get_start_line(n);
  if (needle.empty() || line < 1 || static_cast<size_t>(line) > line_starts_.size()) return at;
  size_t start = line_starts_[static_cast<size_t>(line - 1)];
  size_t from = std::min(start + static_cast<size_t>(std::max(cmark_node_get_start_column(n) - 1, 0)), body_.size());
  size_t eol = body_.find('\n', from);
  size_t hit = body_.substr(0, eol).find(needle, from);
  if (hit == std::string_view::npos) return at;
  return {file_, first_line_ + line - 1, indent_ + ColumnOfByte(body_, hit)};
}

}  // namespace kyodo
