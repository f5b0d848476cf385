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
/// The 「'」 SpreadsheetText puts before a formula-like value is taken off again, so
/// a published groups.csv read back as a register gives the values it was made from.
std::vector<CsvRow> ParseCsv(std::string_view text, const std::string& path, Diagnostics* diags);

/// One field, quoted (with quotes doubled) only when it holds a comma, quote, CR or LF.
std::string CsvField(std::string_view value);

/// A whole file as Excel and the デジタル庁 rules want it: kCsvBom (the UTF-8 byte order
/// mark Excel needs to read it as UTF-8), then the header row and every record (the
/// last included) through AppendCsvRecord.
inline constexpr const char* kCsvBom = "\xEF\xBB\xBF";

/// A value as a spreadsheet must get it: one that starts with = + - @, a tab or a CR
/// gets a leading 「'」. Excel and LibreOffice run such a cell as a formula when the
/// file is opened (=HYPERLINK(…), =cmd|…: CSV injection), and 団体 names and
/// summaries are pasted in from citizens' e-mails. The JSON keeps the value as written.
std::string SpreadsheetText(std::string_view value);

/// Appends one record: the fields (through SpreadsheetText) joined with commas
/// (quoted where needed), then CRLF.
void AppendCsvRecord(const std::vector<std::string>& fields, std::string* out);

}  // namespace kyodo

#endif  // KYODO_CSV_H_
