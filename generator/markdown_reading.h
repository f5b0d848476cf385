// What the page must say that cmark-gfm's HTML leaves unsaid to a screen reader:
// - Struck-out text (~~4月1日~~ 4月8日, a changed date or a closed offer) is shown
//   by a line through it alone, and <del> is not announced: the resident heard
//   「4月1日 4月8日」 with no word of which one holds.
// - A checklist (- [x] 申請書 / - [ ] 規約, a list of what to bring) was drawn as
//   bare disabled checkboxes with no label: 「チェックボックス、オン」 without the
//   item, and a critical axe "label" violation on every such page.
#ifndef KYODO_MARKDOWN_READING_H_
#define KYODO_MARKDOWN_READING_H_

#include <cmark-gfm.h>

namespace kyodo {

/// Adds 「取り消し線ここから、」 and 「、取り消し線ここまで」 (visually hidden) inside each
/// strikethrough node under `doc`. The words are HTML nodes, so they stay out of the
/// summary and the search text (markdown.cpp's PlainText reads text nodes only).
void MarkDeletions(cmark_node* doc);

/// Rewrites every task list item under `doc` whose text starts with a paragraph:
/// `<label class="task"><input type="checkbox" disabled="" [checked=""] /> …</label>`.
void LabelTaskItems(cmark_node* doc);

}  // namespace kyodo

#endif  // KYODO_MARKDOWN_READING_H_
