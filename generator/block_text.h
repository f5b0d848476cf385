// Where the Markdown of a YAML value begins in its file. A block scalar (intro: |)
// is read without its indentation from the line after the indicator, so positions
// inside the text (a broken link) need that line and indentation added back.
#ifndef KYODO_BLOCK_TEXT_H_
#define KYODO_BLOCK_TEXT_H_

#include "error.h"
#include "yaml_reader.h"

namespace kyodo {

/// The place of the first character of the text of the value at `value_loc`: for a
/// block scalar (| or >) its first non-blank line, column after the indentation;
/// otherwise `value_loc` itself.
SourceLoc BlockTextStart(const YamlFile& file, const SourceLoc& value_loc);

}  // namespace kyodo

#endif  // KYODO_BLOCK_TEXT_H_
