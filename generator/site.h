// Runs the stages in order — load, index, templates, content pages, lists and
// indexes, assets, publish — and times each one.
#ifndef KYODO_SITE_H_
#define KYODO_SITE_H_

#include <functional>
#include <memory>
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
  /// kyodo build --city: a shard of a sharded build (docs/sharded-builds.md). Writes
  /// only the pages of `cities` and a manifest per city (_kyodo/manifests/<slug>.json);
  /// the portal step writes everything that spans cities.
  bool shard = false;
  /// --portal-from: the portal step. The output folders of the shards, whose manifests
  /// stand in for the cities' content; writes only what spans cities, so the shards'
  /// folders (without _kyodo/) and this one copied together are the whole site.
  std::vector<std::string> portal_from;
  bool drafts = false;
  bool check_only = false;  ///< kyodo check: validate everything, write nothing
  bool strict = false;      ///< --strict: a warning stops the build as an error does (nothing is written)
  int jobs = 1;
  /// Today, for deadlines (受付終了). The CLI fills it from --build-date,
  /// SOURCE_DATE_EPOCH or the clock.
  Date build_date;
  /// --a11y-report: the browser gate's a11y-results.json, published as the 試験結果
  /// on the accessibility pages ("" = none: the pages say no results exist yet).
  std::string a11y_report;
  /// Called with each stage's name (as in BuildResult::timings) as it finishes, on
  /// the thread that runs the build: the CLI's progress line on a terminal.
  std::function<void(const std::string& stage)> on_stage;
};

struct BuildResult {
  int pages = 0;      ///< HTML pages
  int files = 0;      ///< every output file
  int unchanged = 0;  ///< files carried over from the previous site
  /// One stage of the build for --timings.
  struct Stage {
    std::string name;
    double ms = 0;         ///< wall time of the stage
    double peak_mib = 0;   ///< the process's peak resident memory so far
  };
  std::vector<Stage> timings;
};

/// What an Update did, for the dev server's log and its live reload.
struct UpdateResult {
  bool full = false;                 ///< everything was rebuilt (a template, theme or site file changed)
  std::vector<std::string> changed;  ///< output files whose bytes changed or that were removed, sorted
  int rendered = 0;                  ///< pages rendered again
  double ms = 0;                     ///< time until the affected pages were on disk
};

/// A site loaded once and kept in memory: `kyodo build` uses it once, `kyodo
/// serve` builds it and then applies each edit with Update, re-rendering only the
/// pages the edit affects.
class Site {
 public:
  Site(Disk* disk, BuildOptions options);
  ~Site();
  Site(const Site&) = delete;
  Site& operator=(const Site&) = delete;

  /// Builds (or, with check_only, checks) the whole site. Returns false when there
  /// were errors; then nothing was published.
  bool Build(BuildResult* result, Diagnostics* diags);
  /// Build for a site that is not updated afterwards (`kyodo build`): what only
  /// Update needs (the search documents' text) is freed as the build goes.
  bool BuildOnce(BuildResult* result, Diagnostics* diags);

  /// After a successful Build: files at `changed` (paths under the content,
  /// templates or themes folders) were edited, added or removed. Re-renders what
  /// they affect straight into the output folder (only files whose bytes change).
  /// On content errors nothing is written and false is returned; the site stays
  /// as it was and a later Update can succeed.
  /// `pages_written` (may be empty) is called as soon as the affected pages are on
  /// disk, before the site-wide files (search index, open data, feeds) are redone;
  /// an Update that returns true has always called it.
  bool Update(const std::vector<std::string>& changed, UpdateResult* result, Diagnostics* diags,
              const std::function<void(const UpdateResult&)>& pages_written = {});

  /// The folders whose files the site is built from (content, templates, themes).
  std::vector<std::string> SourceFolders() const;

 private:
  class Impl;
  std::unique_ptr<Impl> impl_;
};

/// Builds (or, with check_only, checks) the site once. Returns false when there
/// were errors; then nothing was published.
bool BuildSite(Disk& disk, const BuildOptions& options, BuildResult* result, Diagnostics* diags);

}  // namespace kyodo

#endif  // KYODO_SITE_H_
