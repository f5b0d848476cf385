// CSV as RFC 4180 defines it, in both directions: reading a city's register
// exported from a spreadsheet (with the line and column of every cell, so errors
// point at the cell), and writing open data that Excel opens correctly (UTF-8 with
// BOM, CRLF, quotes only where a value needs them).
#ifndef KYODO_CSV_H_
#define KYODO_CSV_H_

#include <string>
#include <string_view>
#include <vector>

#include "error.h"

namespace kyodo {

/// One cell and where it starts (its opening quote, for a quoted cell).
struct CsvCell {
  std::string value;
  int line = 0;  ///< 1-based
  int col = 0;   ///< 1-based, in code points
  bool quoted = false;
};
using CsvRow = std::vector<CsvCell>;

/// Parses `text` (UTF-8, BOM already removed; LF or CRLF line ends). Quoted cells may
/// hold commas, doubled quotes and line breaks. Rows whose cells are all empty (blank
/// lines, a spreadsheet's trailing ",,,,") are dropped. An unclosed quote or text
/// after a closing quote is reported at its position; the rest is still returned.
std::vector<CsvRow> ParseCsv(std::string_view text, const std::string& path, Diagnostics* diags);

/// One field, quoted (with quotes doubled) only when it holds a comma, quote, CR or LF.
std::string CsvField(std::string_view value);

/// A whole file as Excel and the デジタル庁 rules want it: kCsvBom (the UTF-8 byte order
/// mark Excel needs to read it as UTF-8), then the header row and every record (the
/// last included) through AppendCsvRecord.
inline constexpr const char* kCsvBom = "\xEF\xBB\xBF";

/// Appends one record: the fields joined with commas (quoted where needed), then CRLF.
void AppendCsvRecord(const std::vector<std::string>& fields, std::string* out);

}  // namespace kyodo

#endif  // KYODO_CSV_H_
