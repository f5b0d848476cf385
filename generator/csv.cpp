#include "csv.h"

#include "text.h"

namespace kyodo {

namespace {

// A cursor over the text that knows its line and code-point column. No CSV library
// in Debian reports where a cell starts, and staff need that to find the cell.
class Cursor {
 public:
  explicit Cursor(std::string_view text) : text_(text) {}
  bool done() const { return pos_ >= text_.size(); }
  char peek(size_t ahead = 0) const { return pos_ + ahead < text_.size() ? text_[pos_ + ahead] : '\0'; }
  bool AtLineEnd() const { return !done() && (peek() == '\n' || peek() == '\r'); }
  int line() const { return line_; }
  int col() const { return col_; }

  // Moves past one byte; a line end (LF, CRLF or a lone CR) counts as one step.
  void Advance() {
    if (peek() == '\r' && peek(1) == '\n') ++pos_;
    char c = text_[pos_++];
    if (c == '\n' || c == '\r') {
      ++line_;
      col_ = 1;
    } else if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) {
      ++col_;  // a lead byte starts the next code point; continuation bytes do not
    }
  }
  // Moves past one byte and appends it (a line end is kept as "\n").
  void Take(std::string* out) {
    *out += AtLineEnd() ? '\n' : peek();
    Advance();
  }

 private:
  std::string_view text_;
  size_t pos_ = 0;
  int line_ = 1, col_ = 1;
};

void ReadQuoted(Cursor& c, CsvCell* cell, const std::string& path, Diagnostics* diags) {
  c.Advance();  // the opening quote
  for (;;) {
    if (c.done()) {
      diags->Error({path, cell->line, cell->col}, "「\"」で始まるセルが「\"」で閉じられていません",
                   "セルの終わりに「\"」を付けてください。値の中の「\"」は「\"\"」と2つ重ねます");
      return;
    }
    if (c.peek() != '"') {
      c.Take(&cell->value);
    } else if (c.peek(1) == '"') {
      cell->value += '"';
      c.Advance();
      c.Advance();
    } else {
      c.Advance();  // the closing quote
      break;
    }
  }
  if (!c.done() && c.peek() != ',' && !c.AtLineEnd()) {
    diags->Error({path, c.line(), c.col()}, "閉じる「\"」の後に文字があります",
                 "値に「\"」を含めるときは「\"\"」と2つ重ね、セル全体を「\"」で囲んでください");
    while (!c.done() && c.peek() != ',' && !c.AtLineEnd()) c.Take(&cell->value);
  }
}

void ReadPlain(Cursor& c, CsvCell* cell, const std::string& path, Diagnostics* diags) {
  bool reported = false;
  while (!c.done() && c.peek() != ',' && !c.AtLineEnd()) {
    if (c.peek() == '"' && !reported) {
      diags->Error({path, c.line(), c.col()}, "「\"」で囲まれていないセルの中に「\"」があります",
                   "値に「\"」を含めるときは、セル全体を「\"」で囲み、「\"」を「\"\"」と2つ重ねてください");
      reported = true;
    }
    c.Take(&cell->value);
  }
}

// The characters that make a spreadsheet read a cell as a formula (OWASP "CSV Injection").
bool StartsLikeFormula(std::string_view value) {
  return !value.empty() && std::string_view("=+-@\t\r").find(value.front()) != std::string_view::npos;
}

bool AllEmpty(const CsvRow& row) {
  for (const CsvCell& cell : row) {
    if (!cell.value.empty()) return false;
  }
  return true;
}

}  // namespace

std::vector<CsvRow> ParseCsv(std::string_view text, const std::string& path, Diagnostics* diags) {
  std::vector<CsvRow> rows;
  Cursor c(text);
  while (!c.done()) {
    CsvRow row;
    for (;;) {
      CsvCell cell{"", c.line(), c.col(), c.peek() == '"'};
      if (cell.quoted) {
        ReadQuoted(c, &cell, path, diags);
      } else {
        ReadPlain(c, &cell, path, diags);
      }
      if (cell.value.size() > 1 && cell.value[0] == '\'' && StartsLikeFormula(std::string_view(cell.value).substr(1))) {
        cell.value.erase(0, 1);
      }
      row.push_back(std::move(cell));
      if (c.peek() != ',' || c.done()) break;
      c.Advance();
    }
    if (c.AtLineEnd()) c.Advance();
    if (!AllEmpty(row)) rows.push_back(std::move(row));
  }
  return rows;
}

std::string CsvField(std::string_view value) {
  constexpr ByteSet kNeedsQuotes(",\"\r\n");
  if (kNeedsQuotes.FindIn(value) == std::string_view::npos) return std::string(value);
  std::string out = "\"";
  for (char ch : value) {
    if (ch == '"') out += '"';
    out += ch;
  }
  return out + "\"";
}

std::string SpreadsheetText(std::string_view value) {
  std::string out(StartsLikeFormula(value) ? "'" : "");
  out += value;
  return out;
}

void AppendCsvRecord(const std::vector<std::string>& fields, std::string* out) {
  for (size_t i = 0; i < fields.size(); ++i) {
    if (i > 0) *out += ',';
    *out += CsvField(SpreadsheetText(fields[i]));
  }
  *out += "\r\n";
}

}  // namespace kyodo
