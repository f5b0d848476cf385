#include "csv.h"

#include <doctest/doctest.h>

namespace kyodo {
namespace {

std::vector<std::vector<std::string>> Values(const std::vector<CsvRow>& rows) {
  std::vector<std::vector<std::string>> out;
  for (const CsvRow& row : rows) {
    out.emplace_back();
    for (const CsvCell& cell : row) out.back().push_back(cell.value);
  }
  return out;
}

TEST_CASE("ParseCsv reads RFC 4180 quoting, commas and line breaks in cells") {
  Diagnostics d;
  auto rows = ParseCsv("id,title\r\na,\"x, y\"\r\nb,\"say \"\"hi\"\"\"\r\nc,\"two\r\nlines\"\r\n", "g.csv", &d);
  CHECK(d.empty());
  CHECK(Values(rows) == std::vector<std::vector<std::string>>{
                            {"id", "title"}, {"a", "x, y"}, {"b", "say \"hi\""}, {"c", "two\nlines"}});
}

TEST_CASE("ParseCsv gives the line and code-point column of each cell") {
  Diagnostics d;
  auto rows = ParseCsv("名称,分野\n子ども食堂,\"子育て、\n福祉\"\n次,x\n", "g.csv", &d);
  REQUIRE(rows.size() == 3);
  CHECK(rows[1][0].line == 2);
  CHECK(rows[1][0].col == 1);
  CHECK(rows[1][1].line == 2);
  CHECK(rows[1][1].col == 7);  // 子ども食堂 is 5 code points, then the comma
  CHECK(rows[2][0].line == 4);  // the quoted cell took lines 2 and 3
  CHECK(rows[2][1].col == 3);
}

TEST_CASE("ParseCsv drops blank rows and keeps empty cells") {
  Diagnostics d;
  auto rows = ParseCsv("a,b,c\n\n,,\nx,,\n", "g.csv", &d);
  CHECK(Values(rows) == std::vector<std::vector<std::string>>{{"a", "b", "c"}, {"x", "", ""}});
  CHECK(Values(ParseCsv("a,b", "g.csv", &d)) == std::vector<std::vector<std::string>>{{"a", "b"}});
  CHECK(ParseCsv("", "g.csv", &d).empty());
  CHECK(d.empty());
}

TEST_CASE("ParseCsv reports broken quoting at its position") {
  Diagnostics d;
  ParseCsv("id,title\na,\"never closed\n", "g.csv", &d);
  REQUIRE(d.items().size() == 1);
  CHECK(d.items()[0].loc.line == 2);
  CHECK(d.items()[0].loc.col == 3);
  CHECK(d.items()[0].message == "「\"」で始まるセルが「\"」で閉じられていません");

  Diagnostics d2;
  auto rows = ParseCsv("a,\"b\"c,d\n", "g.csv", &d2);
  REQUIRE(d2.items().size() == 1);
  CHECK(d2.items()[0].loc.col == 6);
  CHECK(d2.items()[0].message == "閉じる「\"」の後に文字があります");
  CHECK(Values(rows) == std::vector<std::vector<std::string>>{{"a", "bc", "d"}});

  Diagnostics d3;
  ParseCsv("a,b\"c\n", "g.csv", &d3);
  REQUIRE(d3.items().size() == 1);
  CHECK(d3.items()[0].loc.col == 4);
}

TEST_CASE("CsvField quotes only what needs it") {
  CHECK(CsvField("佐久市") == "佐久市");
  CHECK(CsvField("") == "");
  CHECK(CsvField("a,b") == "\"a,b\"");
  CHECK(CsvField("say \"hi\"") == "\"say \"\"hi\"\"\"");
  CHECK(CsvField("two\nlines") == "\"two\nlines\"");
  CHECK(CsvField("cr\r") == "\"cr\r\"");
}

TEST_CASE("A file written with kCsvBom and AppendCsvRecord has a BOM and CRLF, and ParseCsv reads it back") {
  std::vector<std::vector<std::string>> rows = {{"1", "a, \"b\"\nc"}, {"2", ""}};
  std::string csv = kCsvBom;
  AppendCsvRecord({"ID", "名称"}, &csv);
  for (const auto& row : rows) AppendCsvRecord(row, &csv);
  CHECK(csv == "\xEF\xBB\xBFID,名称\r\n1,\"a, \"\"b\"\"\nc\"\r\n2,\r\n");
  Diagnostics d;
  auto back = ParseCsv(std::string_view(csv).substr(3), "x.csv", &d);
  CHECK(d.empty());
  CHECK(Values(back) == std::vector<std::vector<std::string>>{{"ID", "名称"}, rows[0], rows[1]});
}

TEST_CASE("SpreadsheetText keeps a spreadsheet from running a value as a formula") {
  CHECK(SpreadsheetText("=HYPERLINK(\"https://evil.example/\",\"詳細\")") == "'=HYPERLINK(\"https://evil.example/\",\"詳細\")");
  CHECK(SpreadsheetText("+cmd|' /C calc'!A0") == "'+cmd|' /C calc'!A0");
  CHECK(SpreadsheetText("-2+3") == "'-2+3");
  CHECK(SpreadsheetText("@SUM(A1)") == "'@SUM(A1)");
  CHECK(SpreadsheetText("\t=1") == "'\t=1");
  CHECK(SpreadsheetText("\r=1") == "'\r=1");
  CHECK(SpreadsheetText("佐久市") == "佐久市");
  CHECK(SpreadsheetText("0267-62-2111") == "0267-62-2111");
  CHECK(SpreadsheetText("a=b") == "a=b");
  CHECK(SpreadsheetText("") == "");
}

TEST_CASE("AppendCsvRecord guards formula-like values, and ParseCsv takes the guard off again") {
  std::string csv;
  AppendCsvRecord({"=1+1", "@x,y", "普通", "'quoted"}, &csv);
  CHECK(csv == "'=1+1,\"'@x,y\",普通,'quoted\r\n");
  Diagnostics d;
  auto back = ParseCsv(csv, "x.csv", &d);
  CHECK(d.empty());
  // A 「'」 that guards nothing is the value's own.
  CHECK(Values(back) == std::vector<std::vector<std::string>>{{"=1+1", "@x,y", "普通", "'quoted"}});
}

}  // namespace
}  // namespace kyodo
