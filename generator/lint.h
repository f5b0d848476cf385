// Authoring checks for the problems Japanese municipal accessibility checkers
// (SHIRASAGI's syntax checker, 総務省 miChecker) flag in what staff write:
// 全角英数字, 半角カナ, words spaced out for layout (「市　役　所」), dates as
// 2024/1/1, link text such as 「こちら」, skipped heading levels, alt text that is
// a file name, and tables whose header row is empty. They are warnings: the page
// is still built, but `kyodo check` lists each with its file:line:col.
//
// The checks are pure functions over text; markdown.cpp calls them from its AST
// walk (so positions are the source's), page_loader.cpp on titles and image alts.
#ifndef KYODO_LINT_H_
#define KYODO_LINT_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "error.h"

namespace kyodo {

/// One problem in a piece of text; `offset`/`text` locate it within that text.
struct LintFinding {
  size_t offset = 0;  ///< byte offset of the problem in the checked text
  std::string text;   ///< the offending characters as written
  std::string message, hint;
  /// What kind of problem, for counting repeats (「全角英数字」); "" for one-offs.
  std::string kind = "";
};

/// Repeats of one kind of finding in one text: the first few are reported where
/// they are, the rest once as a count. A 指針 converted from Word writes （１） and
/// 第１章 hundreds of times, and hundreds of lines alike buried the other warnings.
class RepeatLimiter {
 public:
  static constexpr int kShown = 5;
  /// Whether `f` is reported where it is; counts it either way.
  bool Report(const LintFinding& f, const SourceLoc& loc);
  /// A warning for each kind that had more than kShown, at its first unreported place.
  void Summarize(Diagnostics* diags) const;

 private:
  struct Tally {
    std::string kind;
    int count = 0;
    SourceLoc first_unreported;
  };
  std::vector<Tally> tallies_;
};

/// 全角英数字, 半角カナ, spaced-out words and YYYY/M/D dates in running text.
std::vector<LintFinding> CheckText(std::string_view text);

/// Link text that does not say where the link goes (「こちら」「ここ」「詳しくはこちら」…).
std::optional<LintFinding> CheckLinkText(std::string_view text);

/// The same for a link's `title:` in front matter (a case's links and attachments, a
/// form's downloads, site.yaml's nav): a warning at `loc`, with a hint in YAML terms.
void WarnVagueLinkTitle(std::string_view title, const SourceLoc& loc, Diagnostics* diags);

/// Alt text that is the image's file name (or any file name, or a camera's IMG_1234).
std::optional<LintFinding> CheckAltText(std::string_view alt, std::string_view src);

/// A table header row with no text in any cell (the table has no usable header).
std::optional<LintFinding> CheckTableHeader(const std::vector<std::string>& header_cells);

/// Japanese sentences in an indented code block: a paragraph pasted with a tab or
/// four or more spaces at the start of its lines (「\t市民と…」), which Markdown
/// shows as program code (monospace, unwrapped). A fenced block (```) is meant as
/// code and is not checked.
std::optional<LintFinding> CheckIndentedCode(std::string_view code);

/// Follows the heading levels of one page body in order; the page title is the h1.
class HeadingOrder {
 public:
  /// `level` as written in Markdown (## = 2). Reports a level more than one below
  /// the previous heading (## then ####, or a body starting at ###).
  std::optional<LintFinding> Next(int level);

 private:
  int previous_ = 1;
};

/// Reports `findings` of text that starts at `at` and runs on one source line,
/// placing each by its code-point offset (titles and other YAML scalars).
void ReportOnLine(const std::vector<LintFinding>& findings, std::string_view text, const SourceLoc& at,
                  Diagnostics* diags);

}  // namespace kyodo

#endif  // KYODO_LINT_H_
