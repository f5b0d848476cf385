// Nodes kyodo writes into a cmark-gfm tree: markup it makes itself (never an
// author's HTML), shared by the Markdown passes (markdown.cpp, footnotes.cpp,
// markdown_reading.cpp).
#ifndef KYODO_MARKDOWN_NODES_H_
#define KYODO_MARKDOWN_NODES_H_

#include <cmark-gfm.h>

#include <string>

namespace kyodo {

/// A custom block or inline that renders `enter` before its children and `exit` after.
inline cmark_node* CustomNode(cmark_node_type type, const std::string& enter, const std::string& exit) {
  cmark_node* node = cmark_node_new(type);
  cmark_node_set_on_enter(node, enter.c_str());
  cmark_node_set_on_exit(node, exit.c_str());
  return node;
}

/// Raw HTML as an inline node, which a table cell may hold (a custom inline may not).
inline cmark_node* HtmlInline(const std::string& html) {
  cmark_node* node = cmark_node_new(CMARK_NODE_HTML_INLINE);
  cmark_node_set_literal(node, html.c_str());
  return node;
}

}  // namespace kyodo

#endif  // KYODO_MARKDOWN_NODES_H_
