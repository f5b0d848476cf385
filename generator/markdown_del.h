// Struck-out text (~~4月1日~~ 4月8日 in Markdown, a changed date or a closed
// offer) is shown by a line through it alone: screen readers do not announce
// <del>, so the resident heard 「4月1日 4月8日」 with no word of which one holds.
// Each <del> gets words only screen readers read, where it starts and ends.
#ifndef KYODO_MARKDOWN_DEL_H_
#define KYODO_MARKDOWN_DEL_H_

#include <cmark-gfm.h>

namespace kyodo {

/// Adds 「取り消し線ここから、」 and 「、取り消し線ここまで」 (visually hidden) inside each
/// strikethrough node under `doc`. The words are HTML nodes, so they stay out of the
/// summary and the search text (markdown.cpp's PlainText reads text nodes only).
void MarkDeletions(cmark_node* doc);

}  // namespace kyodo

#endif  // KYODO_MARKDOWN_DEL_H_
