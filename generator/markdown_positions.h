// Where a node of a Markdown body is in its file: cmark counts lines and byte
// columns inside the body; diagnostics want the file's line and code-point column,
// after the front matter and any YAML indentation the body was cut from.
#ifndef KYODO_MARKDOWN_POSITIONS_H_
#define KYODO_MARKDOWN_POSITIONS_H_

#include <cmark-gfm.h>

#include <string>
#include <string_view>
#include <vector>

#include "error.h"

namespace kyodo {

/// Maps cmark's (line, byte column) inside the body to the file's line:col.
class Positions {
 public:
  /// `body` starts on the file's line `first_line`, each of its lines indented by
  /// `indent` columns in the file (a YAML block scalar's text lost them).
  Positions(std::string_view body, std::string file, int first_line, int indent);
  /// The byte offset in the body where each line starts.
  const std::vector<size_t>& line_starts() const { return line_starts_; }
  /// Where node `n` starts; the body's first line when cmark gave it no position.
  SourceLoc Of(cmark_node* n) const;
  /// Where byte `offset` of the body is.
  SourceLoc AtOffset(size_t offset) const;
  /// Where `needle` is written on the line where node `n` starts, searching from the
  /// node's column (a text node's literal may differ from the source: entities,
  /// escapes); the node's start when it is not found there.
  SourceLoc Find(cmark_node* n, std::string_view needle) const;

 private:
  std::string_view body_;
  std::string file_;
  int first_line_;
  int indent_;
  std::vector<size_t> line_starts_;
};

}  // namespace kyodo

#endif  // KYODO_MARKDOWN_POSITIONS_H_
