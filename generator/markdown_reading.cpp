#include "markdown_reading.h"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm/cmark-gfm-extension_api.h>

#include <cstring>
#include <string>
#include <vector>

#include "markdown_nodes.h"

namespace kyodo {

namespace {

// The nodes of an extension's type under `doc`, collected before any is changed (cmark's
// iterator must not see nodes added under it). Extension types are not in the public
// headers; their names are.
std::vector<cmark_node*> NodesNamed(cmark_node* doc, const char* type) {
  std::vector<cmark_node*> found;
  cmark_iter* it = cmark_iter_new(doc);
  for (cmark_event_type ev; (ev = cmark_iter_next(it)) != CMARK_EVENT_DONE;) {
    cmark_node* n = cmark_iter_get_node(it);
    if (ev == CMARK_EVENT_ENTER && std::strcmp(cmark_node_get_type_string(n), type) == 0) found.push_back(n);
  }
  cmark_iter_free(it);
  return found;
}

}  // namespace

void MarkDeletions(cmark_node* doc) {
  for (cmark_node* n : NodesNamed(doc, "strikethrough")) {
    cmark_node_prepend_child(n, HtmlInline("<span class=\"visually-hidden\">取り消し線ここから、</span>"));
    cmark_node_append_child(n, HtmlInline("<span class=\"visually-hidden\">、取り消し線ここまで</span>"));
  }
}

void LabelTaskItems(cmark_node* doc) {
  for (cmark_node* item : NodesNamed(doc, "tasklist")) {
    cmark_node* text = cmark_node_first_child(item);
    // A box with nothing to label (「- [ ]」 alone, or a list right after it) keeps cmark's own.
    if (!text || cmark_node_get_type(text) != CMARK_NODE_PARAGRAPH || !cmark_node_first_child(text)) continue;
    const bool checked = cmark_gfm_extensions_get_tasklist_item_checked(item);
    // Without the extension the item is a plain <li>: the box is ours now.
    cmark_node_set_syntax_extension(item, nullptr);
    cmark_node_prepend_child(text, HtmlInline(std::string("<label class=\"task\"><input type=\"checkbox\" disabled=\"\"") +
                                              (checked ? " checked=\"\"" : "") + " /> "));
    cmark_node_append_child(text, HtmlInline("</label>"));
  }
}

}  // namespace kyodo
