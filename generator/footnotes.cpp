#include "footnotes.h"

#include <map>
#include <set>

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

}  // namespace

std::vector<FootnoteProblem> CheckFootnotes(std::string_view markdown) {
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
