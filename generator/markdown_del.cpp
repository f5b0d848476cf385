#include "markdown_del.h"

#include <cstring>
#include <string>
#include <vector>

namespace kyodo {

namespace {

cmark_node* HiddenWords(const char* words) {
  cmark_node* n = cmark_node_new(CMARK_NODE_HTML_INLINE);
  std::string html = std::string("<span class=\"visually-hidden\">") + words + "</span>";
  cmark_node_set_literal(n, html.c_str());
  return n;
}

}  // namespace

void MarkDeletions(cmark_node* doc) {
  // Collected first: cmark's iterator must not see nodes added under it.
  std::vector<cmark_node*> struck;
  cmark_iter* it = cmark_iter_new(doc);
  for (cmark_event_type ev; (ev = cmark_iter_next(it)) != CMARK_EVENT_DONE;) {
    cmark_node* n = cmark_iter_get_node(it);
    // The extension's node type is not in the public headers; its name is.
    if (ev == CMARK_EVENT_ENTER && std::strcmp(cmark_node_get_type_string(n), "strikethrough") == 0) struck.push_back(n);
  }
  cmark_iter_free(it);
  for (cmark_node* n : struck) {
    cmark_node_prepend_child(n, HiddenWords("取り消し線ここから、"));
    cmark_node_append_child(n, HiddenWords("、取り消し線ここまで"));
  }
}

}  // namespace kyodo
