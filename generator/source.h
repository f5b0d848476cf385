// Reading a content file as text: the checks every source file gets before it is
// parsed (valid UTF-8, BOM and CRLF accepted), and front matter splitting.
#ifndef KYODO_SOURCE_H_
#define KYODO_SOURCE_H_

#include <optional>
#include <string>

#include "disk.h"
#include "error.h"

namespace kyodo {

/// Reads `path`, reports invalid UTF-8 with its line, column and byte offset,
/// drops a UTF-8 BOM and turns CRLF/CR line endings into LF. Returns nullopt (with
/// an error in `diags`) when the file cannot be used.
std::optional<std::string> ReadSource(const Disk& disk, const std::string& path, Diagnostics* diags);

/// The place of byte `byte` of `text` (clamped to its end): 1-based line, and the
/// column in code points, as every message shows it.
SourceLoc LocOfByte(const std::string& path, const std::string& text, size_t byte);

/// The same checks on text already in memory (fuzzing and tests).
std::optional<std::string> PrepareSource(std::string text, const std::string& path, Diagnostics* diags);

/// Why a file seems to have no front matter (or an unclosed one) when the clerk wrote
/// one: a 「－－－」 typed with the IME on, or blank lines before the first ---.
/// nullopt when neither is the case.
std::optional<Diagnostic> FrontMatterMistake(const std::string& text, const std::string& path);

/// A Markdown file split into its YAML front matter and its body.
struct FrontMatterSplit {
  std::string yaml;    ///< the text between the --- lines ("" when there is none)
  int yaml_line = 0;   ///< 1-based line of the first YAML line
  std::string body;    ///< the Markdown after the closing ---
  int body_line = 1;   ///< 1-based line of the first body line
};

/// Splits "---\n<yaml>\n---\n<body>". A file that does not start with "---" has no
/// front matter (an error for kyodo content, reported by the caller). An unclosed
/// block is reported at line 1.
std::optional<FrontMatterSplit> SplitFrontMatter(const std::string& text, const std::string& path,
                                                 Diagnostics* diags);

}  // namespace kyodo

#endif  // KYODO_SOURCE_H_
