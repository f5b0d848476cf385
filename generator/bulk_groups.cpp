#include "bulk_groups.h"

#include <algorithm>
#include <map>
#include <optional>

#include "csv.h"
#include "kana.h"
#include "page_loader.h"
#include "source.h"
#include "text.h"
#include "yaml_reader.h"

namespace kyodo {

namespace {

/// A groups.csv column: the front-matter key it fills, and the name the open-data
/// export gives it (so a city can edit its published groups.csv and load it back).
struct Column {
  std::string_view key;
  std::string_view ja;  ///< "" when the export has no such column
  bool list = false;    ///< cells hold several values separated by 、 or ;
};

constexpr Column kColumns[] = {
    {"id", "ID"},
    {"title", "名称"},
    {"kana", "名称_カナ"},
    {"fields", "分野", true},
    {"area", "地域"},
    {"established", "設立年月日"},
    {"members", "会員数"},
    {"corporate_number", "法人番号"},
    {"contact.tel", "連絡先電話番号"},
    {"contact.email", "連絡先メールアドレス"},
    {"contact.url", ""},
    {"url", "ウェブサイト"},
    {"summary", "概要"},
    {"date", "掲載日"},
    {"updated", "更新日"},
    {"body", "本文"},
    {"aliases", "", true},
    {"slug", ""},
    {"weight", ""},
    {"draft", ""},
};

/// Columns of the open-data export that are computed, not entered: accepted and ignored.
constexpr std::string_view kExportOnly[] = {"全国地方公共団体コード", "地方公共団体名", "法人格", "関連する協働事例ID",
                                            "URL"};

/// A cell with nothing to publish: empty, or what a register writes for "none"
/// (「-」「－」「なし」「不明」). Each was an error of its own (電話番号「なし」, 日付「-」,
/// URL「なし」), for every group without a telephone, website or known date.
bool IsBlankCell(const std::string& value) {
  static constexpr std::string_view kNone[] = {"",   "-",   "--",   "ー",   "―",     "‐",   "−",
                                               "なし", "無し", "無",   "不明", "該当なし", "未定"};
  const std::string v = CollapseWhitespace(Nfkc(value));
  return std::find(std::begin(kNone), std::end(kNone), v) != std::end(kNone);
}

// ---- the header row ----

bool HasKey(const std::vector<int>& columns, std::string_view key) {
  return std::any_of(columns.begin(), columns.end(), [&](int c) { return c >= 0 && kColumns[c].key == key; });
}

/// A column with no name: Excel writes one (「,,」 at the end of each line) for a cell
/// that once held something. Its cells must be empty, since no key would keep them.
constexpr int kUnnamedColumn = -2;

/// A column the staff keep for themselves (「#代表者電話番号」「#備考」): the register
/// is their working sheet, with the representative's private contact and notes beside
/// what may be published. kyodo reads nothing from it, so nothing of it is published.
bool IsStaffOnly(std::string_view name) { return name.starts_with("#"); }

/// What to do with a column kyodo does not know. The nearest column name alone was a
/// trap: 「代表者電話番号」 got 「連絡先電話番号」, which publishes a private number.
std::string UnknownColumnHint(const std::string& name, const std::vector<std::string>& names) {
  const std::string staff_only = "公開しない列（代表者の氏名・連絡先、メモなど）なら、列名の先頭に「#」を付けると読み込みません（#" + name + "）";
  // What registers call the columns (団体名, フリガナ, ホームページ) is far from kyodo's names
  // in spelling, so NearestMatches offered nothing and the hint read as 「#団体名」 would do.
  // A hint only: a column is published under the open data's name, never guessed into one.
  static const std::map<std::string, std::string> kEveryday = {
      {"団体名", "名称"},          {"団体名称", "名称"},     {"名前", "名称"},
      {"ふりがな", "名称_カナ"},   {"よみがな", "名称_カナ"}, {"よみ", "名称_カナ"},
      {"読み", "名称_カナ"},       {"読み仮名", "名称_カナ"}, {"かな", "名称_カナ"},
      {"団体名かな", "名称_カナ"}, {"ほーむぺーじ", "ウェブサイト"}, {"hp", "ウェブサイト"},
      {"website", "ウェブサイト"}, {"電話", "連絡先電話番号"}, {"電話番号", "連絡先電話番号"},
      {"tel", "連絡先電話番号"},   {"めーる", "連絡先メールアドレス"}, {"めーるあどれす", "連絡先メールアドレス"},
      {"email", "連絡先メールアドレス"}, {"e-mail", "連絡先メールアドレス"}};
  std::string folded = FoldForMatch(name);  // カタカナ, 全角, case and spaces folded
  for (std::string_view bracket : {"(", ")"}) {
    for (size_t at; (at = folded.find(bracket)) != std::string::npos;) folded.erase(at, bracket.size());
  }
  auto everyday = kEveryday.find(folded);
  auto near = everyday != kEveryday.end() ? std::vector<std::string>{everyday->second} : NearestMatches(name, names, 1);
  if (near.empty()) return staff_only + "。公開する項目なら、名称・分野などの列名にしてください";
  const bool contact = near[0].starts_with("連絡先") || near[0].starts_with("contact.");
  return "「" + near[0] + "」の誤りではありませんか" +
         std::string(contact ? "（この列はページとオープンデータに公開されます。団体が公開に同意した連絡先だけを書いてください）" : "") +
         "。" + staff_only;
}

/// For each CSV column, the index into kColumns, or -1 when it is ignored
/// (kUnnamedColumn when it has no name).
std::vector<int> ReadHeader(const CsvRow& header, const std::string& path, Diagnostics* diags) {
  std::vector<std::string> names;
  for (const Column& c : kColumns) {
    names.emplace_back(c.key);
    if (!c.ja.empty()) names.emplace_back(c.ja);
  }
  std::vector<int> out;
  std::map<int, const CsvCell*> seen;
  for (const CsvCell& cell : header) {
    std::string name = CollapseWhitespace(Nfkc(cell.value));
    if (name.empty()) {
      out.push_back(kUnnamedColumn);
      continue;
    }
    int found = -1;
    for (size_t i = 0; i < std::size(kColumns); ++i) {
      if (name == kColumns[i].key || (!kColumns[i].ja.empty() && name == kColumns[i].ja)) found = static_cast<int>(i);
    }
    bool export_only = std::find(std::begin(kExportOnly), std::end(kExportOnly), name) != std::end(kExportOnly);
    if (found < 0 && !export_only && !IsStaffOnly(name)) {
      diags->Error({path, cell.line, cell.col}, "不明な列「" + cell.value + "」", UnknownColumnHint(name, names));
    } else if (found >= 0 && !seen.emplace(found, &cell).second) {
      diags->Error({path, cell.line, cell.col}, "列「" + cell.value + "」が2回あります",
                   "どちらか一方の列を消してください");
      found = -1;
    }
    out.push_back(found);
  }
  for (std::string_view required : {"id", "title"}) {
    if (!HasKey(out, required) && !header.empty()) {
      diags->Error({path, header[0].line, 1}, "必須の列「" + std::string(required) + "」がありません",
                   required == "id" ? "団体ごとの ID（URL に使う半角英小文字）を書く列 id（または ID）を加えてください"
                                    : "団体名を書く列 title（または 名称）を加えてください");
    }
  }
  return out;
}

/// The number of cells of `row` that name a column (Japanese or English), for telling the
/// header from a title row above it.
size_t KnownColumnNames(const CsvRow& row) {
  size_t n = 0;
  for (const CsvCell& cell : row) {
    const std::string name = CollapseWhitespace(Nfkc(cell.value));
    n += std::any_of(std::begin(kColumns), std::end(kColumns), [&](const Column& c) {
      return name == c.key || (!c.ja.empty() && name == c.ja);
    });
  }
  return n;
}

/// A sheet printed as a table has its title (「市民活動団体一覧（令和6年4月1日現在）」) or a
/// blank-looking row above the column names; saved as CSV, that row came first and every
/// cell below was an error of its own. Says so once, at the first row, and returns true
/// when the column names are on a later row.
bool ReportRowsAboveHeader(const std::vector<CsvRow>& rows, const std::string& path, Diagnostics* diags) {
  if (KnownColumnNames(rows[0]) > 0) return false;
  for (size_t r = 1; r < rows.size() && r < 10; ++r) {
    if (KnownColumnNames(rows[r]) < 2) continue;
    diags->Error({path, rows[0][0].line, 1},
                 "1行目が列名の行ではありません（列名は " + std::to_string(rows[r][0].line) + " 行目にあります）",
                 "表の題名など、列名（ID,名称,…）の行より上の行を消して、列名の行を1行目にしてから保存し直してください");
    return true;
  }
  return false;
}

/// A register pasted from Excel into a text editor, or saved as テキスト（タブ区切り）, has
/// tabs between its cells: the whole header was one unknown column 「ID	名称	…」, and
/// every row one more error. Says so once and returns true.
bool ReportTabSeparated(const std::vector<CsvRow>& rows, const std::string& path, Diagnostics* diags) {
  const CsvRow& header = rows[0];
  if (header.size() != 1 || header[0].value.find('\t') == std::string::npos) return false;
  diags->Error({path, header[0].line, 1}, "列が「,」（コンマ）ではなくタブで区切られています",
               "Excel で「名前を付けて保存」を選び、ファイルの種類を「CSV UTF-8（コンマ区切り）」にして保存し直してください"
               "（Excel の表をテキストエディターに貼り付けると、タブ区切りになります）");
  return true;
}

/// The export's 法人格 column is computed from the name, so it is not read. A register
/// that keeps 法人格 in its own column and the name without it (「テストの会」 and
/// 「特定非営利活動法人」) published the group with no 法人格 at all: said at the cell.
void WarnCorporateFormCell(const CsvCell& cell, const Page& page, const std::string& path, Diagnostics* diags) {
  const std::string written = CollapseWhitespace(Nfkc(cell.value));
  if (IsBlankCell(written) || written == "任意団体") return;
  const std::string formal = CorporateFormOf(written).empty() ? written : CorporateFormOf(written);
  const std::string& named = page.group.corporate_form;
  if (formal == named) return;
  const std::string why = "kyodo は法人格を名称から読み取ります（法人格の列は読み込みません）。";
  if (named.empty()) {
    diags->Warning({path, cell.line, cell.col}, "法人格「" + cell.value + "」が名称「" + page.title + "」に含まれていません",
                   why + "名称を「" + written + " " + page.title + "」のように法人格を含めて書いてください");
  } else {
    diags->Warning({path, cell.line, cell.col},
                   "法人格の列の「" + cell.value + "」と、名称「" + page.title + "」の法人格（" + named + "）が違います",
                   why + "正しいほうに直してください");
  }
}

/// The export's URL column is the group's page on this site, so it is not read. A
/// register that keeps the group's own website under 「URL」 lost it without a word.
void WarnPageUrlCell(const CsvCell& cell, const Page& page, const std::string& path, Diagnostics* diags) {
  const std::string written = CollapseWhitespace(cell.value);
  if (IsBlankCell(written) || written.ends_with("/groups/" + page.id + "/")) return;  // as the export writes it
  diags->Warning({path, cell.line, cell.col}, "「URL」の列の「" + written + "」は読み込みません",
                 "「URL」はオープンデータが書き出すサイト上のページの URL です。団体のウェブサイトなら「ウェブサイト」の列に書いてください");
}

// ---- one row, as front matter ----

/// YAML double-quoted scalar: every value stays a string, exactly as typed.
std::string YamlQuote(std::string_view s) {
  std::string out = "\"";
  for (size_t i = 0; i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c == '"' || c == '\\') {
      out += '\\';
      out += static_cast<char>(c);
    } else if (c == '\n') {
      out += "\\n";
    } else if (c < 0x20 || c == 0x7F) {
      static const char kHex[] = "0123456789abcdef";
      out += "\\x";
      out += kHex[c >> 4];
      out += kHex[c & 15];
    } else if (s.compare(i, 2, "\xC2\x85") == 0 || s.compare(i, 3, "\xE2\x80\xA8") == 0 ||
               s.compare(i, 3, "\xE2\x80\xA9") == 0) {
      out += c == 0xC2 ? "\\N" : s[i + 2] == '\xA8' ? "\\L" : "\\P";  // YAML line breaks
      i += c == 0xC2 ? 1 : 2;
    } else {
      out += static_cast<char>(c);
    }
  }
  return out + "\"";
}

/// The items of a list cell: 「子育て、まちづくり」 or "子育て; まちづくり", each with
/// its own position (the cell's line; the column where the item starts).
std::vector<CsvCell> SplitList(const CsvCell& cell) {
  std::vector<CsvCell> items;
  std::string current;
  int line = cell.line, col = cell.col + (cell.quoted ? 1 : 0), start_line = line, start_col = col;
  auto flush = [&] {
    std::string item = CollapseWhitespace(current);
    if (!item.empty()) items.push_back({item, start_line, start_col});
    current.clear();
  };
  std::string text = Nfkc(cell.value);  // ；(full width) → ;
  for (size_t i = 0; i < text.size();) {
    size_t len = 1;
    while (i + len < text.size() && (static_cast<unsigned char>(text[i + len]) & 0xC0) == 0x80) ++len;
    std::string ch = text.substr(i, len);
    i += len;
    if (ch == "\n") {
      // A line break inside the cell (Alt+Enter in Excel) separates too: a list typed one
      // item per line became one unknown term 「まちづくり 観光」 with 「まちづくり」 as the hint.
      flush();
      ++line;
      col = 1;
      start_line = line;
      start_col = col;
      continue;
    }
    // A comma inside a quoted cell, or 「，」 (NFKC makes it one), separates too: the error
    // for 「まちづくり，観光」 told the clerk to use [ ] and commas, which a CSV cell has no use for.
    if (ch == ";" || ch == "、" || ch == ",") {
      flush();
      start_line = line;
      start_col = col + 1;
    } else {
      current += ch;
    }
    ++col;
  }
  flush();
  return items;
}

/// A row turned into the YAML front matter a .md file would have, and for each
/// line of that YAML the cell it came from, so messages point into the CSV.
struct RowYaml {
  std::string text;
  std::vector<SourceLoc> lines;
};

RowYaml RowToYaml(const CsvRow& row, const std::vector<int>& columns, const std::string& path) {
  RowYaml y;
  auto emit = [&](const std::string& line, const CsvCell& at) {
    y.text += line + "\n";
    y.lines.push_back({path, at.line, at.col});
  };
  bool contact_open = false;
  for (size_t i = 0; i < row.size() && i < columns.size(); ++i) {
    if (columns[i] < 0 || IsBlankCell(row[i].value)) continue;
    const Column& column = kColumns[columns[i]];
    std::string key(column.key);
    if (key.rfind("contact.", 0) == 0) {
      if (!contact_open) emit("contact:", row[i]);
      contact_open = true;
      emit("  " + key.substr(8) + ": " + YamlQuote(row[i].value), row[i]);
    } else if (column.list) {
      emit(key + ":", row[i]);
      for (const CsvCell& item : SplitList(row[i])) emit("  - " + YamlQuote(item.value), item);
    } else {
      emit(key + ": " + YamlQuote(key == "body" ? row[i].value : CollapseWhitespace(row[i].value)), row[i]);
    }
  }
  return y;
}

/// A group read from a bulk file, with where its id was written.
struct BulkGroup {
  Page page;
  SourceLoc id_loc;
};

std::vector<BulkGroup> GroupsFromCsv(const std::string& path, const std::string& text, const Vocabularies& vocab,
                                     ReadingGuesser* reading, Diagnostics* diags) {
  std::vector<BulkGroup> out;
  std::vector<CsvRow> rows = ParseCsv(text, path, diags);
  if (rows.empty() || ReportTabSeparated(rows, path, diags) || ReportRowsAboveHeader(rows, path, diags)) return out;
  std::vector<int> columns = ReadHeader(rows[0], path, diags);
  // The YAML of a row is read under this name; its positions are then mapped to cells.
  const std::string yaml_name = path + "#row";
  size_t form_column = rows[0].size(), url_column = rows[0].size();  // the export's 法人格 and URL, if there
  for (size_t c = 0; c < rows[0].size(); ++c) {
    const std::string name = CollapseWhitespace(Nfkc(rows[0][c].value));
    if (name == "法人格") form_column = c;
    if (name == "URL") url_column = c;
  }
  for (size_t r = 1; r < rows.size(); ++r) {
    const CsvRow& row = rows[r];
    const bool shifted = row.size() > columns.size();  // an unquoted comma: cells after it are in the wrong columns
    if (shifted) {
      diags->Error({path, row[columns.size()].line, row[columns.size()].col},
                   "この行は1行目（列名）より列が多いです", "余分な「,」がないか、値に「,」を含むセルを「\"」で囲んだか確かめてください");
    }
    std::optional<CsvCell> id_cell, title_cell, body_cell, kana_cell;
    for (size_t i = 0; i < row.size() && i < columns.size(); ++i) {
      if (columns[i] == kUnnamedColumn && !shifted && !IsBlankCell(row[i].value)) {
        diags->Error({path, row[i].line, row[i].col}, "列名のない列に「" + row[i].value + "」が書かれています",
                     "1行目のこの列に列名（概要、地域など）を書くか、値をほかの列に移してください");
      }
      if (columns[i] < 0 || IsBlankCell(row[i].value)) continue;
      std::string_view key = kColumns[columns[i]].key;
      if (key == "id") id_cell = row[i];
      if (key == "title") title_cell = row[i];
      if (key == "body") body_cell = row[i];
      if (key == "kana") kana_cell = row[i];
    }
    if (!id_cell || !title_cell) {
      // Only rows of a file with both columns get here empty-handed: say which cell.
      if (row.size() == 1 && columns.size() > 2) {
        // One cell and no comma: the rest of the row above, after a line break in a cell
        // nobody quoted (a hand-edited file). 「名称が空の行です」 sent the clerk to add a name.
        diags->Error({path, row[0].line, 1}, "この行には「,」がなく、セルが1つだけです",
                     "前の行のセルの中で改行していませんか。改行を含むセルは、セル全体を「\"」で囲んでください"
                     "（Excel で「CSV UTF-8」として保存すると自動で囲まれます）");
      } else if (HasKey(columns, "id") && HasKey(columns, "title")) {
        // A newly registered group's row usually has its name and reading but no ID yet:
        // offer the one its reading makes (as a file name would be chosen).
        std::string example = kana_cell ? RomajiSlug(kana_cell->value)
                              : title_cell && reading ? SlugFromName(StripCorporateForm(title_cell->value), reading)
                                                      : "";
        diags->Error({path, row[0].line, 1}, std::string(!id_cell ? "ID（id）" : "名称（title）") + "が空の行です",
                     !id_cell ? "団体ごとに URL に使う ID（半角英小文字・数字・-）を書いてください" +
                                    (example.empty() ? std::string() : "（例: 読みから作ると「" + example + "」）")
                              : "団体名（法人格を含む正式な名称）を書いてください");
      }
      continue;
    }
    RowYaml y = RowToYaml(row, columns, path);
    YamlFile file(yaml_name, y.text);
    Diagnostics row_diags;
    if (!file.Parse(&row_diags)) continue;  // cannot happen: every value is quoted
    MapReader m(file, file.root(), {path, row[0].line, row[0].col}, &row_diags);
    Page page = PageFromFrontMatter(m, path, PageKind::kGroup, true, vocab, reading);
    if (body_cell) page.body_line = body_cell->line;
    // A place in the row's YAML is the cell it came from.
    auto in_csv = [&](const SourceLoc& loc) {
      if (loc.file != yaml_name) return loc;
      const size_t line = static_cast<size_t>(std::max(loc.line, 1));
      return line <= y.lines.size() ? y.lines[line - 1] : SourceLoc{path, row[0].line, row[0].col};
    };
    // Later stages point at the group by its ID (the empty-summary warning, a clashing ID):
    // 「groups.csv#row:1:5」 was the YAML's own place.
    page.slug_loc = in_csv(page.slug_loc);
    for (Diagnostic d : row_diags.items()) {
      if (shifted) break;  // what a shifted cell fails is not what to fix
      d.loc = in_csv(d.loc);
      diags->Add(std::move(d));
    }
    SourceLoc id_loc = id_cell ? SourceLoc{path, id_cell->line, id_cell->col} : SourceLoc{path, row[0].line, 1};
    if (!shifted && form_column < row.size()) WarnCorporateFormCell(row[form_column], page, path, diags);
    if (!shifted && url_column < row.size()) WarnPageUrlCell(row[url_column], page, path, diags);
    out.push_back({std::move(page), id_loc});
  }
  return out;
}

std::vector<BulkGroup> GroupsFromYaml(const std::string& path, const std::string& text, const Vocabularies& vocab,
                                      ReadingGuesser* reading, Diagnostics* diags) {
  std::vector<BulkGroup> out;
  YamlFile file(path, text);
  if (!file.Parse(diags)) return out;
  const YAML::Node& root = file.root();
  if (!root.IsDefined() || root.IsNull()) return out;
  if (!root.IsSequence()) {
    diags->Error(file.Loc(root), "groups.yaml は「- id: …」で始まる団体のリストで書いてください",
                 "団体ごとに「- id: example」の行から始め、その下に title: などを字下げして書きます");
    return out;
  }
  for (const YAML::Node& item : root) {
    MapReader m(file, item, file.Loc(item), diags);
    if (!m.ok()) continue;
    Page page = PageFromFrontMatter(m, path, PageKind::kGroup, true, vocab, reading);
    out.push_back({std::move(page), m.ValueLoc("id")});
  }
  return out;
}

}  // namespace

std::vector<Page> LoadBulkGroups(const Disk& disk, const std::vector<std::string>& paths,
                                 const std::vector<Page>& existing, const Vocabularies& vocab,
                                 ReadingGuesser* reading, Diagnostics* diags) {
  // Where each group id was first given, to name it when the id comes again.
  std::map<std::string, std::string> owner;
  for (const Page& page : existing) {
    if (page.kind == PageKind::kGroup) owner.emplace(page.id, page.source);
  }
  std::vector<Page> out;
  for (const std::string& path : paths) {
    auto text = ReadSource(disk, path, diags);
    if (!text) continue;
    std::vector<BulkGroup> groups = path.ends_with(".csv") ? GroupsFromCsv(path, *text, vocab, reading, diags)
                                                           : GroupsFromYaml(path, *text, vocab, reading, diags);
    for (BulkGroup& g : groups) {
      if (g.page.id.empty()) continue;  // reported: no id
      std::string here = path + ":" + std::to_string(g.id_loc.line);
      auto [it, fresh] = owner.emplace(g.page.id, here);
      if (!fresh) {
        diags->Error(g.id_loc, "団体の ID「" + g.page.id + "」は " + it->second + " と重なります",
                     "ID は URL になるので、団体ごとに別の ID にしてください");
        continue;
      }
      out.push_back(std::move(g.page));
    }
  }
  return out;
}

}  // namespace kyodo
