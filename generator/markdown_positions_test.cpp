#include "markdown_positions.h"

#include <doctest/doctest.h>

namespace kyodo {
namespace {

// A body that starts on line 10 of its file, cut from a YAML block scalar indented
// by 2: cmark's byte columns become the file's code-point columns.
TEST_CASE("Positions maps a body's lines and byte columns to the file's line:col") {
  const std::string body = "はじめに\n協働の**事例**です\n";
  Positions pos(body, "content/a/cases/x.md", 10, 2);
  CHECK(pos.line_starts() == std::vector<size_t>{0, 13, body.size()});
  const SourceLoc second = pos.AtOffset(13 + 9);  // 「**」 after 協働の (three 3-byte characters)
  CHECK(second.file == "content/a/cases/x.md");
  CHECK(second.line == 11);
  CHECK(second.col == 2 + 4);
  cmark_node* doc = cmark_parse_document(body.data(), body.size(), CMARK_OPT_DEFAULT);
  cmark_node* paragraph = cmark_node_first_child(doc);
  CHECK(pos.Of(paragraph).line == 10);
  CHECK(pos.Of(paragraph).col == 3);
  const SourceLoc found = pos.Find(paragraph, "事例");
  CHECK(found.line == 10);  // searched on the node's first line only: 事例 is on the next
  CHECK(found.col == 3);
  CHECK(pos.Find(paragraph, "じめ").col == 2 + 2);
  cmark_node_free(doc);
}

}  // namespace
}  // namespace kyodo
