#include "footnotes.h"

#include <map>
#include <set>
#include <utility>

#include "markdown_nodes.h"

namespace kyodo {

namespace {

// cmark-gfm compares labels as link reference labels: case-folded, spaces collapsed.
std::string NormalLabel(std::string_view label) {
  std::string out;
  for (char c : label) {
    if (c == ' ' || c == '\t') {
      if (!out.empty() && out.back() != ' ') out += ' ';
      continue;
    }
    out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

struct Mark {
  size_t offset;
  std::string label;  ///< as written
};

// The "[^label]" at `at`, or an empty label when there is none.
std::string LabelAt(std::string_view line, size_t at) {
  if (line.compare(at, 2, "[^") != 0) return "";
  size_t close = line.find(']', at + 2);
  if (close == std::string_view::npos || close == at + 2) return "";
  std::string_view label = line.substr(at + 2, close - at - 2);
  if (label.find('[') != std::string_view::npos) return "";
  return std::string(label);
}

// The second and later references to one note: "-2", "-3" (cmark-gfm's ids).
std::string RefSuffix(int nth) {
  std::string suffix;
  if (nth > 1) suffix.append("-").append(std::to_string(nth));
  return suffix;
}

}  // namespace

// cmark-gfm writes footnotes for an English page: the back links are named
// "Back to content", the notes follow the text with no heading to find them
// by, and the mark is a bare number. A resident with a screen reader hears
// English and 「1」. The notes are rewritten here instead: a 「脚注」 section
// with its own heading, marks read as 「注1」, back links named in Japanese.
// After cmark's finish, a reference's literal is its note's number and the
// definitions are the document's last blocks, numbered in that order.
std::vector<cmark_node*> RewriteFootnotes(const std::vector<cmark_node*>& refs, const std::vector<cmark_node*>& defs,
                                          std::set<std::string>* ids, int shift) {
  std::vector<cmark_node*> replaced;
  std::map<std::string, int> refs_to;  // note number → references seen so far
  for (cmark_node* ref : refs) {
    const std::string num = cmark_node_get_literal(ref) ? cmark_node_get_literal(ref) : "";
    const int nth = ++refs_to[num];
    const std::string id = "fnref-" + num + RefSuffix(nth);
    // Inline HTML, not a custom inline: a mark in a 数値目標 table cell was left as cmark wrote it.
    cmark_node* mark = HtmlInline("<sup class=\"footnote-ref\"><a href=\"#fn-" + num + "\" id=\"" + id +
                                  "\"><span class=\"visually-hidden\">注</span>" + num + "</a></sup>");
    if (!cmark_node_replace(ref, mark)) {
      cmark_node_free(mark);
      continue;
    }
    replaced.push_back(ref);
  }
  if (defs.empty()) return replaced;
  std::string heading_id = "footnotes";
  for (int i = 2; !ids->insert(heading_id).second; ++i) heading_id = "footnotes-" + std::to_string(i);
  const std::string h = "h" + std::to_string(2 + shift);
  cmark_node* section = CustomNode(CMARK_NODE_CUSTOM_BLOCK,
                                   "<section class=\"footnotes\" aria-labelledby=\"" + heading_id + "\">\n<" + h + " id=\"" +
                                       heading_id + "\">脚注</" + h + ">\n<ol>",
                                   "</ol>\n</section>");
  cmark_node_insert_before(defs.front(), section);
  for (size_t i = 0; i < defs.size(); ++i) {
    cmark_node* def = defs[i];
    const std::string num = std::to_string(i + 1);
    cmark_node* item = CustomNode(CMARK_NODE_CUSTOM_BLOCK, "<li id=\"fn-" + num + "\">", "</li>");
    while (cmark_node* child = cmark_node_first_child(def)) cmark_node_append_child(item, child);
    cmark_node* last = cmark_node_last_child(item);
    if (!last || cmark_node_get_type(last) != CMARK_NODE_PARAGRAPH) {
      last = cmark_node_new(CMARK_NODE_PARAGRAPH);
      cmark_node_append_child(item, last);
    }
    const int count = refs_to.count(num) ? refs_to[num] : 1;
    for (int nth = 1; nth <= count; ++nth) {
      const std::string suffix = RefSuffix(nth);
      const std::string label = "本文の注" + num + (count > 1 ? "（" + std::to_string(nth) + "か所目）" : "") + "へ戻る";
      cmark_node_append_child(last, HtmlInline(" <a href=\"#fnref-" + num + suffix + "\" class=\"footnote-backref\" aria-label=\"" +
                                               label + "\">↩" + (nth > 1 ? std::to_string(nth) : "") + "</a>"));
    }
    cmark_node_append_child(section, item);
    cmark_node_unlink(def);
    replaced.push_back(def);
  }
  return replaced;
}

std::vector<FootnoteProblem> CheckFootnotes(std::string_view markdown) {
  // Notes and marks both begin 「[^」: most pages have none, and are not read line by line.
  if (markdown.find("[^") == std::string_view::npos) return {};
  std::vector<Mark> notes, marks;
  std::string fence;  // the open code fence ("```" or "~~~"), or ""
  for (size_t start = 0; start < markdown.size();) {
    size_t end = markdown.find('\n', start);
    if (end == std::string_view::npos) end = markdown.size();
    std::string_view line = markdown.substr(start, end - start);
    size_t indent = line.find_first_not_of(' ');
    std::string_view rest = indent == std::string_view::npos ? std::string_view() : line.substr(indent);
    const bool fence_line = rest.rfind("```", 0) == 0 || rest.rfind("~~~", 0) == 0;
    if (!fence.empty()) {
      if (fence_line && rest.rfind(fence, 0) == 0) fence.clear();
    } else if (fence_line && indent < 4) {
      fence = std::string(rest.substr(0, 3));
    } else if (indent != std::string_view::npos && indent < 4) {
      size_t from = 0;
      std::string label = LabelAt(rest, 0);
      if (!label.empty() && rest.size() > label.size() + 3 && rest[label.size() + 3] == ':') {
        notes.push_back({start + indent, label});
        from = label.size() + 4;
      }
      bool in_code = false;  // inside `code` on this line: 「[^1]」 there is shown, not a mark
      for (size_t at = from; at < rest.size(); ++at) {
        if (rest[at] == '`') in_code = !in_code;
        if (in_code || rest.compare(at, 2, "[^") != 0 || (at > 0 && rest[at - 1] == '\\')) continue;
        std::string mark = LabelAt(rest, at);
        if (!mark.empty()) marks.push_back({start + indent + at, mark});
      }
    }
    start = end + 1;
  }
  std::set<std::string> cited, defined;
  for (const Mark& m : marks) cited.insert(NormalLabel(m.label));
  for (const Mark& n : notes) defined.insert(NormalLabel(n.label));
  std::map<size_t, FootnoteProblem> problems;  // by offset: in the order written
  for (const Mark& n : notes) {
    if (cited.count(NormalLabel(n.label))) continue;
    problems[n.offset] = {n.offset, "脚注「[^" + n.label + "]」は本文のどこからも使われていないため、ページに出ません",
                          "注を付ける語の後に [^" + n.label + "] と書いてください（※1 などと書いた印は [^" + n.label +
                              "] に置き換えます）"};
  }
  for (const Mark& m : marks) {
    if (defined.count(NormalLabel(m.label))) continue;
    problems[m.offset] = {m.offset, "脚注「[^" + m.label + "]」の説明がないため、「[^" + m.label + "]」がそのまま表示されます",
                          "本文の後に「[^" + m.label + "]: 注の文」と書いてください"};
  }
  std::vector<FootnoteProblem> out;
  for (auto& [offset, p] : problems) out.push_back(std::move(p));
  return out;
}

}  // namespace kyodo
