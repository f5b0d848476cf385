#include "markdown_japanese.h"

#include <string>
#include <vector>

#include "text.h"

namespace kyodo {

namespace {

// The text at the end (or start) of an inline node: its last (first) text or code.
std::string_view EdgeText(cmark_node* n, bool last) {
  while (n && cmark_node_get_type(n) != CMARK_NODE_TEXT && cmark_node_get_type(n) != CMARK_NODE_CODE) {
    n = last ? cmark_node_last_child(n) : cmark_node_first_child(n);
  }
  const char* literal = n ? cmark_node_get_literal(n) : nullptr;
  return literal ? std::string_view(literal) : std::string_view();
}

// A bare URL in Japanese text runs into the words after it: cmark-gfm's autolink
// ends only at a space or '<', and Japanese has no spaces, so 「https://www.city.saku.nagano.jp/をご覧ください。」
// linked to …/をご覧ください。 (a page that does not exist). A bare URL ends at its first
// non-ASCII character; one written in < > (<https://ja.wikipedia.org/wiki/佐久市>) is
// kept whole, as the author marked where it ends.
void EndBareUrls(const std::vector<cmark_node*>& links, std::string_view source, const std::vector<size_t>& line_starts) {
  for (cmark_node* link : links) {
    cmark_node* text = cmark_node_first_child(link);
    if (!text || cmark_node_next(text) || cmark_node_get_type(text) != CMARK_NODE_TEXT) continue;
    const std::string written = cmark_node_get_literal(text) ? cmark_node_get_literal(text) : "";
    const std::string url = cmark_node_get_url(link) ? cmark_node_get_url(link) : "";
    if (!url.ends_with(written)) continue;
    const std::string scheme = url.substr(0, url.size() - written.size());  // "http://" for www., "mailto:" for e-mail
    if (!(scheme.empty() || scheme == "http://" || scheme == "mailto:")) continue;  // [text](url)
    // <…> and [https://…](…) links have a source position; the bare ones made after parsing
    // have none, except www. ones, which start with their text.
    const int line = cmark_node_get_start_line(link), col = cmark_node_get_start_column(link);
    if (line >= 1 && static_cast<size_t>(line) <= line_starts.size() && col >= 1) {
      const size_t at = line_starts[static_cast<size_t>(line - 1)] + static_cast<size_t>(col - 1);
      if (at >= source.size() || source.substr(at, written.size()) != written) continue;
    }
    size_t end = 0;
    while (end < written.size() && static_cast<unsigned char>(written[end]) < 0x80) ++end;
    // As cmark-gfm does at a URL's end: a sentence's period or comma is not part of it.
    while (end > 0 && std::string_view("?!.,:*_~'\"").find(written[end - 1]) != std::string_view::npos) --end;
    if (end == written.size() || end == 0) continue;
    cmark_node* rest = cmark_node_new(CMARK_NODE_TEXT);
    cmark_node_set_literal(rest, written.substr(end).c_str());
    cmark_node_insert_after(link, rest);
    cmark_node_set_literal(text, written.substr(0, end).c_str());
    cmark_node_set_url(link, (scheme + written.substr(0, end)).c_str());
  }
}

}  // namespace

void FitToJapaneseText(cmark_node* doc, std::string_view source, const std::vector<size_t>& line_starts) {
  // One walk finds both: a document's nodes are many, its soft breaks and links few.
  std::vector<cmark_node*> joins, links;
  cmark_iter* it = cmark_iter_new(doc);
  for (cmark_event_type ev; (ev = cmark_iter_next(it)) != CMARK_EVENT_DONE;) {
    if (ev != CMARK_EVENT_ENTER) continue;
    cmark_node* n = cmark_iter_get_node(it);
    const cmark_node_type type = cmark_node_get_type(n);
    if (type == CMARK_NODE_LINK) {
      links.push_back(n);
    } else if (type == CMARK_NODE_SOFTBREAK &&
               JoinsAcrossLineBreak(EdgeText(cmark_node_previous(n), true), EdgeText(cmark_node_next(n), false))) {
      // Clerks wrap Japanese sentences in the file; a line break there is no space.
      // cmark keeps it as a soft break, which browsers (Chromium) show as a space in
      // the middle of a word run (「パートナーとして 連携」) and the summary keeps too.
      joins.push_back(n);
    }
  }
  cmark_iter_free(it);
  for (cmark_node* n : joins) cmark_node_free(n);  // unlinks it first
  EndBareUrls(links, source, line_starts);
}

}  // namespace kyodo
