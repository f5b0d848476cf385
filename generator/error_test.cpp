#include "error.h"

#include <doctest/doctest.h>

namespace kyodo {

TEST_CASE("LineOf: the line without its ending, and without the BOM a Windows editor saves") {
  const std::string text = "\xEF\xBB\xBFID,名称,,\r\na,会A,,\r\n";
  CHECK(LineOf(text, 1) == "ID,名称,,");
  CHECK(LineOf(text, 2) == "a,会A,,");
  CHECK(LineOf(text, 3) == "");
  CHECK(LineOf(text, 4) == "");
  // The caret under column 7 (the first empty header cell) of a file saved with a BOM.
  Diagnostic d{Severity::kError, {"groups.csv", 1, 7}, "不明な列「」", ""};
  CHECK(FormatDiagnostic(d, LineOf(text, 1)) ==
        "groups.csv:1:7: error: 不明な列「」\n"
        " 1 | ID,名称,,\n"
        "   |         ^\n");
}

TEST_CASE("FormatDiagnostic: escape sequences quoted from content reach the terminal as spaces, not as commands") {
  // A title pasted from a hostile text: clear the screen, set the window title (OSC), hide text.
  const std::string line = "title: \x1b[2J\x1b]0;ok\x07会\xC2\x9B" "8m";
  Diagnostic d{Severity::kWarning, {"cases/a\x1b[8m.md", 1, 20}, "「\x1b[2J」は使えません", "\x1b[8m消す"};
  const std::string out = FormatDiagnostic(d, line);
  CHECK(out ==
        "cases/a [8m.md:1:20: warning: 「 [2J」は使えません\n"
        " 1 | title:  [2J ]0;ok 会 8m\n"
        "   | " + std::string(20, ' ') + "^\n"
        "  ヒント:  [8m消す\n");
}

}  // namespace kyodo
