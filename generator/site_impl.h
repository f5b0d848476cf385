// The inside of Site, shared by site.cpp (loading and the full build) and
// site_update.cpp (applying one edit). Not included anywhere else.
#ifndef KYODO_SITE_IMPL_H_
#define KYODO_SITE_IMPL_H_

#include <sys/resource.h>

#include <atomic>
#include <chrono>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "a11y_report.h"
#include "content.h"
#include "manifest.h"
#include "markdown.h"
#include "output.h"
#include "reading.h"
#include "search_index.h"
#include "site.h"
#include "site_index.h"
#include "templates.h"
#include "theme_set.h"
#include "urls.h"
#include "view_model.h"

namespace kyodo {

/// Times the stages of a build for --timings.
class StageTimer {
 public:
  StageTimer(BuildResult* result, std::function<void(const std::string&)> on_stage)
      : result_(result), on_stage_(std::move(on_stage)), start_(Clock::now()) {}
  void Done(const char* stage) {
    auto now = Clock::now();
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);  // ru_maxrss: KiB on Linux
    result_->timings.push_back({stage, std::chrono::duration<double, std::milli>(now - start_).count(),
                                static_cast<double>(usage.ru_maxrss) / 1024.0});
    if (on_stage_) on_stage_(stage);
    start_ = now;
  }

 private:
  using Clock = std::chrono::steady_clock;
  BuildResult* result_;
  std::function<void(const std::string&)> on_stage_;
  Clock::time_point start_;
};

class Site::Impl {
 public:
  /// False for Site::BuildOnce: no Update follows.
  bool keep_for_updates_ = true;

  Impl(Disk* disk, BuildOptions options);
  bool Build(BuildResult* result, Diagnostics* diags);
  bool Update(const std::vector<std::string>& changed, UpdateResult* result, Diagnostics* diags,
              const std::function<void(const UpdateResult&)>& pages_written);
  std::vector<std::string> SourceFolders() const;

 private:
  /// Whether what was found stops the build: an error, or with --strict any warning
  /// (in kyodo serve too: a save that adds a warning is shown, not published).
  bool Fails(const Diagnostics& d) const { return d.HasErrors() || (options_.strict && d.WarningCount() > 0); }

  /// One page other than a content page: where it goes, its template, and how to
  /// build its data. Building is deferred so a caller can pick which jobs to run.
  struct Job {
    int city = -1;  ///< -1: a portal page
    std::string path;
    std::string tmpl;
    std::function<mustache::data(Diagnostics*)> view;
  };

  // ---- loading (site.cpp) ----
  /// Reads content, themes and templates and prepares the view context.
  void Load(Diagnostics* diags);
  /// Templates, themes and the view context for the content loaded.
  void Prepare(Diagnostics* diags);
  void LoadThemes(Diagnostics* diags);
  void LoadA11yReport(Diagnostics* diags);

  // ---- rendering (site.cpp) ----
  /// Renders everything into `sink`.
  void RenderAll(OutputSink* sink, Diagnostics* diags, StageTimer* timer = nullptr);
  /// Renders the content pages of every city loaded, then `jobs` together with every
  /// other page of those cities (and writes their forms' files).
  void RenderCities(std::vector<Job> jobs, Diagnostics* diags, StageTimer* timer);
  /// Every page of a city that is not a content page, and every portal page.
  std::vector<Job> CityJobs(int city);
  std::vector<Job> PortalJobs();
  /// Before the first in-place update of a folder no build has published to (site_update.cpp).
  bool AdoptOutputFolder(Diagnostics* diags);
  /// Reports the aliases that name an address the site has (site_aliases.cpp) and
  /// drops their redirect pages.
  void DropClashingAliases(std::vector<Job>* jobs, Diagnostics* diags);
  void RunJobs(const std::vector<Job>& jobs, Diagnostics* diags);
  /// Renders content pages (Markdown, then the page), recording their search documents.
  void RenderContent(const std::vector<PageRef>& refs, Diagnostics* diags);
  void WritePage(int city, const std::string& site_path, const std::string& tmpl, const mustache::data& data,
                 Diagnostics* diags);
  std::string RenderBody(const std::string& markdown, const std::string& source, int first_line, int city,
                         RenderedMarkdown* out, Diagnostics* diags, int indent = 0, int heading_shift = 0);
  std::string PagePathOfSource(const std::string& source) const;
  std::string CityIntro(int city, Diagnostics* diags);
  std::string PortalIntro(Diagnostics* diags);
  void WriteThemeAssets(Diagnostics* diags);
  void WriteTokenStylesheets(Diagnostics* diags);
  void WriteFormFiles(int city, Diagnostics* diags);
  /// Open data of each of `cities` (-1: the portal's, every city merged), in parallel.
  void WriteOpenData(const std::vector<int>& cities, Diagnostics* diags);
  /// Every city's index, after -1 (the portal) when `with_portal`.
  std::vector<int> CityNumbers(bool with_portal) const;
  void WriteSearchIndex(Diagnostics* diags);
  void RenderAccessibility(Diagnostics* diags);
  void WriteDiscovery(Diagnostics* diags);
  void CopyCityAssets(Diagnostics* diags);

  // ---- sharded builds (shard.cpp) ----
  /// The portal step's Load: _portal.yaml and the vocabularies from content/, each
  /// city from its shard's manifest.
  void LoadManifests(Diagnostics* diags);
  /// A shard: the pages, open data, assets and manifest of each city it builds.
  void RenderShard(Diagnostics* diags, StageTimer* timer);
  /// The portal step: portal pages, theme assets, the search index, accessibility
  /// pages, feeds and the sitemap — everything that spans cities.
  void RenderPortalStep(Diagnostics* diags, StageTimer* timer);
  /// What every step of a sharded build must agree on.
  ManifestStamp Stamp() const;
  /// In a shard, a link whose file lies in another city's folder: where that file is
  /// published by its name (recorded for the portal step to check), or "".
  std::string CrossCityTarget(const std::string& source, const LinkRequest& link, const std::string& resolved);
  /// A shard's FileReferenceChecker: a file of another city is refused
  /// with its own message (its link shows its size, which only that city's shard knows);
  /// and page aliases outside the city's folder, which only a whole build can check.
  void CheckShardContent(Diagnostics* diags);
  /// In the portal step: each link a shard pointed into another city leads to a page there.
  void CheckCrossCityLinks(Diagnostics* diags);

  // ---- updating (site_update.cpp) ----
  bool FullUpdate(UpdateResult* result, Diagnostics* diags);
  bool UpdatePages(const std::vector<std::string>& sources, std::set<std::string>* outputs, Diagnostics* diags);
  bool UpdateForms(const std::vector<std::string>& sources, std::set<std::string>* outputs, Diagnostics* diags);
  void RenderOutputs(const std::set<std::string>& outputs, Diagnostics* diags);
  /// Open data, feeds, sitemap and the search index: rebuilt whole after an edit.
  void WriteGlobal(Diagnostics* diags);

  Disk* disk_;
  BuildOptions options_;
  ReadingGuesser reading_;
  Content content_;
  std::unique_ptr<SiteIndex> index_;
  std::map<std::string, Templates> templates_;
  ThemeSet theme_set_;
  std::optional<A11yReport> a11y_report_;
  std::unique_ptr<Urls> urls_;
  std::unique_ptr<ViewContext> ctx_;
  MarkdownEngine markdown_;
  DependencyLog deps_;
  /// Search documents by page path; replaced one by one as pages are edited.
  std::map<std::string, SearchDoc> search_docs_;
  std::mutex search_mu_;
  /// Every HTML page and every file of the last build (site paths / output paths).
  std::set<std::string> page_paths_, output_files_;
  /// The list pages each city (-1: the portal) had and the site-wide files, as last
  /// written: an update that drops one (fewer pages of a term) removes it.
  std::map<int, std::set<std::string>> list_paths_;
  std::set<std::string> global_files_;
  std::mutex page_paths_mu_;
  OutputSink* sink_ = nullptr;
  InPlaceWriter* in_place_ = nullptr;  ///< during an Update: removes files the site no longer has
  std::atomic<int> pages_{0};
  /// Sharded builds: links into other cities (a shard's, or every manifest's in the portal step).
  std::vector<CrossCityLink> cross_links_;
  std::mutex cross_links_mu_;
  bool loaded_ok_ = false;  ///< the in-memory site matches the published output
  /// output_files_ lists what the output folder holds (a build or full update wrote it):
  /// until then an update checks the folder and takes its files for the old site's.
  bool output_known_ = false;
};

/// Templates of pages that list other pages (cards, links, counts): when a page
/// moves in the lists, these are the pages of its city that are rendered again.
bool IsListTemplate(const std::string& tmpl);

/// The paths in `after` that are not in `before`.
std::set<std::string> Added(const std::set<std::string>& before, const std::set<std::string>& after);

/// "style.css" with its content hash: "style.1a2b3c4d.css".
std::string HashedName(const std::string& name, const std::string& bytes);

}  // namespace kyodo

#endif  // KYODO_SITE_IMPL_H_
