// A checklist (- [x] 申請書 / - [ ] 規約 in Markdown, a list of what to bring):
// cmark-gfm draws each box as a bare disabled checkbox with no label, so a
// screen reader said 「チェックボックス、オン」 without the item it belongs to, and
// axe reports a critical "label" violation on every such page. Each box here is
// wrapped with its item's words in a <label class="task">.
#ifndef KYODO_MARKDOWN_TASKLIST_H_
#define KYODO_MARKDOWN_TASKLIST_H_

#include <cmark-gfm.h>

namespace kyodo {

/// Rewrites every task list item under `doc` whose text starts with a paragraph:
/// `<label class="task"><input type="checkbox" disabled="" [checked=""] /> …</label>`.
void LabelTaskItems(cmark_node* doc);

}  // namespace kyodo

#endif  // KYODO_MARKDOWN_TASKLIST_H_
