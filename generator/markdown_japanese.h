// Markdown as Japanese is written, fitted before the passes run (markdown.cpp):
// a line break between Japanese characters is no space, and a bare URL ends
// where the Japanese sentence after it begins.
#ifndef KYODO_MARKDOWN_JAPANESE_H_
#define KYODO_MARKDOWN_JAPANESE_H_

#include <cmark-gfm.h>

#include <string_view>
#include <vector>

namespace kyodo {

/// Drops the soft breaks between Japanese characters (JoinsAcrossLineBreak) and
/// ends each bare URL (https://…, www.…, an e-mail address) at its first non-ASCII
/// character; `source` is the Markdown `doc` was parsed from, `line_starts` the byte
/// offset of each of its lines (markdown.cpp's Positions has them already).
void FitToJapaneseText(cmark_node* doc, std::string_view source, const std::vector<size_t>& line_starts);

}  // namespace kyodo

#endif  // KYODO_MARKDOWN_JAPANESE_H_
