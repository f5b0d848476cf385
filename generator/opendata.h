// Open data: each city's 協働事例, 市民活動団体 and 指針・計画 (and the portal's, all
// cities merged with the same columns) as CSV and JSON, in the column style of the
// 自治体標準オープンデータセット (全国地方公共団体コード, ID, 地方公共団体名, 名称,
// 名称_カナ, …, 連絡先 with 内線 in its own column). CSV is UTF-8 with BOM and CRLF,
// quoted per RFC 4180, so it opens correctly in Excel and parses anywhere.
#ifndef KYODO_OPENDATA_H_
#define KYODO_OPENDATA_H_

#include <cstdint>
#include <string>
#include <vector>

#include "error.h"
#include "output.h"
#include "view_model.h"

namespace kyodo {

/// A column as the opendata/ page documents it.
struct OpenDataColumn {
  std::string name;         ///< 全国地方公共団体コード
  std::string type;         ///< 文字列・日付・URL・複数の値
  std::string description;
  bool list = false;  ///< several values: joined with 「;」 in CSV, an array in JSON
};

/// One data set: cases, groups or policies of a city or of the portal.
struct OpenDataTable {
  std::string name;   ///< file stem: "cases" → cases.csv, cases.json
  std::string title;  ///< 協働事例一覧
  std::vector<OpenDataColumn> columns;
  /// row → cell → values (a scalar column has at most one value).
  std::vector<std::vector<std::vector<std::string>>> rows;
  size_t row_count = 0;  ///< rows.size() when built; kept when the rows are dropped after writing
};

/// A file written for a table, for the documentation page.
struct OpenDataFile {
  size_t table = 0;       ///< index into the tables
  std::string format;     ///< "CSV" or "JSON"
  std::string site_path;  ///< "saku/opendata/cases.csv"
  uint64_t size = 0;
};

/// How many tables there are: cases, groups, policies.
size_t OpenDataTableCount();

/// Table `t` of city `city`, or of every city merged (city == -1). Rows come in the
/// site's order: cases newest first, groups 五十音順, policies as listed.
OpenDataTable OpenDataTableOf(const ViewContext& ctx, int city, size_t t);

/// The table as CSV: BOM, header row, CRLF; list cells joined with 「;」.
std::string OpenDataCsv(const OpenDataTable& table);
/// The terms of use a city states for its open data (site.yaml license, license_url).
struct OpenDataLicense {
  std::string publisher;  ///< 長野県佐久市
  std::string license;    ///< "CC BY 4.0"; "" when the city states none
  std::string url;
};

/// The terms of use of city `city`'s data, or of every city's (city == -1) in table order.
std::vector<OpenDataLicense> OpenDataLicenses(const ViewContext& ctx, int city);

/// The table as JSON: {title, publisher, licenses: [{publisher, license, url}],
/// columns: [{name, type, description}], records: [{column: value}]}; list cells are
/// arrays, empty cells "".
std::string OpenDataJson(const OpenDataTable& table, const std::string& publisher,
                         const std::vector<OpenDataLicense>& licenses = {});

/// Folder of the open data of a city ("saku/opendata/") or the portal ("opendata/").
std::string OpenDataDir(const ViewContext& ctx, int city);

/// Writes table `t` of `city` as CSV and JSON into its opendata folder (the portal's
/// city by city, so only one city's rows are in memory), adds the two files to
/// `files`, and returns the table without its rows (row_count says how many) for
/// the documentation page. Tables can be written in parallel.
OpenDataTable WriteOpenDataTable(const ViewContext& ctx, int city, size_t t, OutputSink* sink,
                                 std::vector<OpenDataFile>* files, Diagnostics* diags);

}  // namespace kyodo

#endif  // KYODO_OPENDATA_H_
