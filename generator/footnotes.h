// Footnotes: cmark-gfm's are rewritten for a Japanese page, and marks and notes
// that do not meet are found. cmark-gfm drops a note
// ([^1]: …) that the text never cites, without a word, and leaves a mark
// whose note is missing as the literal 「[^1]」 on the page. A clerk converting
// a Word document whose note marks were typed as ※1 loses the notes' text, so
// both are errors at the place they are written.
#ifndef KYODO_FOOTNOTES_H_
#define KYODO_FOOTNOTES_H_

#include <cmark-gfm.h>

#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace kyodo {

struct FootnoteProblem {
  size_t offset = 0;  ///< byte offset of the note's or the mark's 「[^」 in the Markdown
  std::string message, hint;
};

/// Replaces cmark-gfm's footnote references and definitions (document order,
/// after the parse) by a 「脚注」 section in Japanese; `ids` holds the page's
/// heading ids, and gets the section heading's. The heading is an h2, `shift` levels
/// down (MarkdownOptions::heading_shift). Returns the replaced nodes: the caller
/// frees them after rendering (their text is still in use).
std::vector<cmark_node*> RewriteFootnotes(const std::vector<cmark_node*>& refs, const std::vector<cmark_node*>& defs,
                                          std::set<std::string>* ids, int shift = 0);

/// Notes never cited and marks with no note, in the order they are written.
/// Labels match as cmark-gfm matches them: ASCII case and runs of spaces ignored.
/// Fenced and indented code is not read.
std::vector<FootnoteProblem> CheckFootnotes(std::string_view markdown);

}  // namespace kyodo

#endif  // KYODO_FOOTNOTES_H_
