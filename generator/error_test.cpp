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

}  // namespace kyodo
