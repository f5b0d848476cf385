#include "markdown_tasklist.h"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm/cmark-gfm-extension_api.h>

#include <cstring>
#include <string>
#include <vector>

namespace kyodo {

namespace {

cmark_node* Html(const std::string& html) {
  cmark_node* n = cmark_node_new(CMARK_NODE_HTML_INLINE);
  cmark_node_set_literal(n, html.c_str());
  return n;
}

}  // namespace

void LabelTaskItems(cmark_node* doc) {
  // Collected first: cmark's iterator must not see nodes added under it.
  std::vector<cmark_node*> items;
  cmark_iter* it = cmark_iter_new(doc);
  for (cmark_event_type ev; (ev = cmark_iter_next(it)) != CMARK_EVENT_DONE;) {
    cmark_node* n = cmark_iter_get_node(it);
    // The extension's node type is not in the public headers; its name is.
    if (ev == CMARK_EVENT_ENTER && std::strcmp(cmark_node_get_type_string(n), "tasklist") == 0) items.push_back(n);
  }
  cmark_iter_free(it);
  for (cmark_node* item : items) {
    cmark_node* text = cmark_node_first_child(item);
    // A box with nothing to label (「- [ ]」 alone, or a list right after it) keeps cmark's own.
    if (!text || cmark_node_get_type(text) != CMARK_NODE_PARAGRAPH || !cmark_node_first_child(text)) continue;
    const bool checked = cmark_gfm_extensions_get_tasklist_item_checked(item);
    // Without the extension the item is a plain <li>: the box is ours now.
    cmark_node_set_syntax_extension(item, nullptr);
    cmark_node_prepend_child(text, Html(std::string("<label class=\"task\"><input type=\"checkbox\" disabled=\"\"") +
                                        (checked ? " checked=\"\"" : "") + " /> "));
    cmark_node_append_child(text, Html("</label>"));
  }
}

}  // namespace kyodo
