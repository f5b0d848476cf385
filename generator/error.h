// Errors are values: every stage reports problems into a Diagnostics list with the
// position in the source file, keeps going, and lets `cli` decide what to print.
#ifndef KYODO_ERROR_H_
#define KYODO_ERROR_H_

#include <string>
#include <vector>

namespace kyodo {

/// A position in a source file. Lines and columns are 1-based; 0 means "unknown"
/// (a whole-file problem has line 0). Columns count Unicode code points, which is
/// what editors jump to for `file:line:col`.
struct SourceLoc {
  std::string file;
  int line = 0;
  int col = 0;
};

enum class Severity { kError, kWarning };

/// One problem found in the content, the templates or the command line.
struct Diagnostic {
  Severity severity = Severity::kError;
  SourceLoc loc;
  std::string message;  ///< What is wrong, in the terms a city clerk uses.
  std::string hint;     ///< How to fix it, e.g. 「候補: 子育て」; may be empty.
};

/// An ordered list of problems. Stages append; nothing is printed here.
class Diagnostics {
 public:
  void Error(SourceLoc loc, std::string message, std::string hint = {});
  void Warning(SourceLoc loc, std::string message, std::string hint = {});
  void Add(Diagnostic d) { items_.push_back(std::move(d)); }
  void Append(const Diagnostics& other);

  bool HasErrors() const;
  int ErrorCount() const;
  int WarningCount() const;
  bool empty() const { return items_.empty(); }
  const std::vector<Diagnostic>& items() const { return items_; }

  /// Sorts by file, line, column (then message) so output does not depend on the
  /// order in which parallel work finished.
  void SortByLocation();

 private:
  std::vector<Diagnostic> items_;
};

/// GCC-style text for one diagnostic:
///   path:line:col: error: message
///       4 | fields: [子育]
///         |          ^
///   ヒント: 候補: 子育て
/// `source_line` is the text of line `loc.line` (without newline) or empty when
/// not available; the caret is placed by display width (全角 = 2 columns).
std::string FormatDiagnostic(const Diagnostic& d, const std::string& source_line);

/// The text of 1-based line `line` of `text` (without its line ending), or "".
std::string LineOf(const std::string& text, int line);

}  // namespace kyodo

#endif  // KYODO_ERROR_H_
