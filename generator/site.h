// Runs the stages in order — load, index, templates, content pages, lists and
// indexes, assets, publish — and times each one.
#ifndef KYODO_SITE_H_
#define KYODO_SITE_H_

#include <string>
#include <utility>
#include <vector>

#include "dates.h"
#include "disk.h"
#include "error.h"

namespace kyodo {

struct BuildOptions {
  std::string content_dir = "content";
  std::string out_dir = "site";
  std::string templates_dir = "templates";
  std::string themes_dir = "themes";
  std::string base_url;             ///< --base-url: absolute links under it ("" = relative links)
  std::vector<std::string> cities;  ///< --city: build only these
  bool drafts = false;
  bool check_only = false;  ///< kyodo check: validate everything, write nothing
  int jobs = 1;
  /// Today, for deadlines (受付終了). The CLI fills it from --build-date,
  /// SOURCE_DATE_EPOCH or the clock.
  Date build_date;
  /// --a11y-report: the browser gate's a11y-results.json, published as the 試験結果
  /// on the accessibility pages ("" = none: the pages say no results exist yet).
  std::string a11y_report;
};

struct BuildResult {
  int pages = 0;      ///< HTML pages
  int files = 0;      ///< every output file
  int unchanged = 0;  ///< files carried over from the previous site
  std::vector<std::pair<std::string, double>> timings;  ///< stage name, milliseconds
};

/// Builds (or, with check_only, checks) the site. Returns false when there were
/// errors; then nothing was published.
bool BuildSite(Disk& disk, const BuildOptions& options, BuildResult* result, Diagnostics* diags);

}  // namespace kyodo

#endif  // KYODO_SITE_H_
