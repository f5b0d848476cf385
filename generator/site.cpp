#include "site.h"

#include <xxhash.h>

#include <chrono>
#include <cstdio>
#include <memory>
#include <mutex>
#include <optional>

#include "a11y_report.h"
#include "content_loader.h"
#include "discovery.h"
#include "form_schema.h"
#include "links.h"
#include "markdown.h"
#include "opendata.h"
#include "output.h"
#include "parallel.h"
#include "reading.h"
#include "search_docs.h"
#include "search_index.h"
#include "site_index.h"
#include "templates.h"
#include "text.h"
#include "theme_set.h"
#include "views.h"

namespace kyodo {

namespace {

class StageTimer {
 public:
  explicit StageTimer(BuildResult* result) : result_(result), start_(Clock::now()) {}
  void Done(const char* stage) {
    auto now = Clock::now();
    result_->timings.push_back({stage, std::chrono::duration<double, std::milli>(now - start_).count()});
    start_ = now;
  }

 private:
  using Clock = std::chrono::steady_clock;
  BuildResult* result_;
  Clock::time_point start_;
};

std::string HashedName(const std::string& name, const std::string& bytes) {
  char hash[17];
  std::snprintf(hash, sizeof hash, "%016llx", static_cast<unsigned long long>(XXH64(bytes.data(), bytes.size(), 0)));
  size_t dot = name.rfind('.');
  std::string stem = dot == std::string::npos ? name : name.substr(0, dot);
  std::string ext = dot == std::string::npos ? "" : name.substr(dot);
  return stem + "." + std::string(hash, 8) + ext;
}

/// Everything one build shares between its stages.
class Builder {
 public:
  Builder(Disk& disk, const BuildOptions& options, BuildResult* result, Diagnostics* diags)
      : disk_(disk), options_(options), result_(result), diags_(diags) {}

  bool Run() {
    StageTimer timer(result_);
    ReadingGuesser reading;
    LoadOptions load;
    load.drafts = options_.drafts || options_.check_only;  // check drafts too: nothing is published
    load.cities = options_.cities;
    load.jobs = options_.jobs;
    content_ = LoadContent(disk_, options_.content_dir, load, &reading, diags_);
    timer.Done("load");
    index_ = std::make_unique<SiteIndex>(SiteIndex::Build(content_));
    CheckFormDownloads(content_, *index_, diags_);
    timer.Done("index");
    LoadThemes();
    LoadA11yReport();
    timer.Done("templates");

    std::unique_ptr<OutputSink> sink;
    SiteWriter* writer = nullptr;
    if (options_.check_only) {
      sink = std::make_unique<NullSink>();
    } else {
      auto w = std::make_unique<SiteWriter>(&disk_, options_.out_dir);
      writer = w.get();
      sink = std::move(w);
      // Content errors end the build before anything is staged.
      if (diags_->HasErrors() || !writer->Begin(diags_)) return false;
    }
    sink_ = sink.get();
    std::string canonical = options_.base_url.empty() ? content_.portal.base_url : options_.base_url;
    urls_ = std::make_unique<Urls>(options_.base_url, canonical);
    ctx_ = std::make_unique<ViewContext>(ViewContext{content_, *index_, *urls_, {}, {}, false, 20, options_.build_date});
    ctx_->feeds = PlanFeeds(*ctx_);
    ctx_->search = true;  // every page's header gets the search box
    WriteThemeAssets();
    timer.Done("assets");
    RenderContentPages();
    timer.Done("pages");
    RenderListPages();
    timer.Done("lists");
    RenderOpenData();
    timer.Done("opendata");
    WriteSearch();
    timer.Done("search");
    RenderAccessibility();
    WriteDiscovery(*ctx_, std::vector<std::string>(page_paths_.begin(), page_paths_.end()), sink_, diags_);
    timer.Done("feeds");
    CopyCityAssets();
    if (diags_->HasErrors()) {
      sink_->Abort();
      return false;
    }
    bool ok = sink_->Commit(diags_);
    timer.Done(options_.check_only ? "check" : "publish");
    result_->files = sink_->files();
    if (writer) result_->unchanged = writer->unchanged();
    return ok;
  }

 private:
  // One template set per theme used by a city (the portal uses "default").
  void LoadThemes() {
    std::vector<std::string> themes = {"default"};
    for (const City& city : content_.cities) {
      if (std::find(themes.begin(), themes.end(), city.site.theme) != themes.end()) continue;
      if (disk_.Stat(JoinPath(options_.themes_dir, city.site.theme)) != FileKind::kDir) {
        std::vector<std::string> known;
        for (const std::string& name : disk_.ListDir(options_.themes_dir)) known.push_back(name);
        auto near = NearestMatches(city.site.theme, known, 1);
        diags_->Error(city.site.theme_loc, "テーマ「" + city.site.theme + "」がありません",
                      near.empty() ? "themes/ にあるテーマ名を書いてください" : "「" + near[0] + "」ではありませんか");
        continue;
      }
      themes.push_back(city.site.theme);
    }
    for (const std::string& theme : themes) {
      std::string dir = JoinPath(JoinPath(options_.themes_dir, theme), "templates");
      templates_[theme].Load(disk_, options_.templates_dir, dir, diags_);
    }
    theme_set_.Load(disk_, options_.themes_dir, themes, diags_);
    theme_set_.Resolve(content_, diags_);
  }

  const Templates& TemplatesFor(int city) const {
    std::string theme = city >= 0 ? content_.cities[static_cast<size_t>(city)].site.theme : "default";
    auto it = templates_.find(theme);
    return it != templates_.end() ? it->second : templates_.at("default");
  }

  void WritePage(int city, const std::string& site_path, const char* tmpl, const mustache::data& data,
                 Diagnostics* diags) {
    if (!sink_->Write(Urls::FileOf(site_path), TemplatesFor(city).Render(tmpl, data), diags)) return;
    ++pages_;
    // Every page written, for sitemap.xml and the accessibility evidence (a set:
    // pages finish in any order).
    std::lock_guard<std::mutex> lock(page_paths_mu_);
    page_paths_.insert(site_path);
  }

  // The browser gate's results from an earlier run (--a11y-report), read through the disk.
  void LoadA11yReport() {
    if (options_.a11y_report.empty()) return;
    std::string text, err;
    if (!disk_.ReadFile(options_.a11y_report, &text, &err)) {
      diags_->Error({options_.a11y_report, 0, 0}, "a11y レポートを読めません: " + err,
                    "node tests/browser/a11y.mjs が書いた build/a11y/a11y-results.json を指定してください");
      return;
    }
    a11y_report_ = ParseA11yReport(options_.a11y_report, text, diags_);
  }

  // The accessibility pages come last, so they can link every tested page that exists.
  void RenderAccessibility() {
    // The pages about to be written count as existing, so each can link the others.
    for (int c = -1; c < static_cast<int>(content_.cities.size()); ++c) page_paths_.insert(AccessibilityPath(c, *ctx_));
    AccessibilityEvidence evidence;
    evidence.report = a11y_report_ ? &*a11y_report_ : nullptr;
    evidence.pages = &page_paths_;
    for (int c = -1; c < static_cast<int>(content_.cities.size()); ++c) {
      evidence.palettes = theme_set_.Palettes(content_, c);
      WritePage(c, AccessibilityPath(c, *ctx_), "accessibility", AccessibilityView(*ctx_, c, evidence), diags_);
    }
  }

  // Theme files: a theme's own assets/, then the default theme's for what it lacks.
  // CSS and JS get their content hash in the name so caches can keep them forever.
  void WriteThemeAssets() {
    std::set<std::string> themes;
    for (const auto& [theme, t] : templates_) themes.insert(theme);
    for (const std::string& theme : themes) {
      std::map<std::string, std::string> files;
      for (const std::string& from : {theme, std::string("default")}) {
        std::string dir = JoinPath(JoinPath(options_.themes_dir, from), "assets");
        for (const std::string& name : disk_.ListDir(dir)) {
          if (name[0] != '.' && !files.count(name)) files[name] = JoinPath(dir, name);
        }
      }
      for (const auto& [name, path] : files) {
        if (theme_set_.IsBundled(theme, name)) continue;  // part of the stylesheet bundle below
        std::string bytes, err;
        if (!disk_.ReadFile(path, &bytes, &err)) {
          diags_->Error({path, 0, 0}, "テーマのファイルを読めません: " + err);
          continue;
        }
        bool hashed = name.size() > 4 && (name.rfind(".css") == name.size() - 4 || name.rfind(".js") == name.size() - 3);
        std::string rel = "assets/" + theme + "/" + (hashed ? HashedName(name, bytes) : name);
        if (hashed && name.rfind(".js") == name.size() - 3) ctx_->scripts[name] = rel;
        sink_->Write(rel, bytes, diags_);
      }
      std::string css = theme_set_.Bundle(disk_, theme, diags_);
      ctx_->theme_css[theme] = "assets/" + theme + "/" + HashedName("style.css", css);
      sink_->Write(ctx_->theme_css[theme], css, diags_);
    }
    WriteTokenStylesheets();
  }

  // Each city's (and the portal's) design tokens as a small stylesheet linked after
  // the theme's, named by content so cities with the same values share one file.
  void WriteTokenStylesheets() {
    std::set<std::string> written;
    for (int c = -1; c < static_cast<int>(content_.cities.size()); ++c) {
      const ResolvedTheme& r = theme_set_.ForCity(c);
      std::string css = r.Css("kyodo: design tokens of the " + r.theme + " theme (themes/" + r.theme +
                              "/theme.yaml, with site.yaml tokens: applied)");
      std::string rel = "assets/" + r.theme + "/" + HashedName("tokens.css", css);
      ctx_->tokens_css[c] = rel;
      if (written.insert(rel).second) sink_->Write(rel, css, diags_);
      if (c >= 0 && !r.logo.empty()) {
        const City& city = content_.cities[static_cast<size_t>(c)];
        for (const Asset& asset : city.assets) {
          if (asset.rel == r.logo) ctx_->logos[c] = AssetPath(city, asset);
        }
      }
    }
  }

  std::string RenderBody(const std::string& markdown, const std::string& source, int first_line, int city,
                         RenderedMarkdown* out, Diagnostics* diags) {
    const City& c = content_.cities[static_cast<size_t>(city)];
    MarkdownOptions md_options;
    md_options.unsafe_html = c.site.unsafe_html;
    md_options.lint = true;
    LinkRewriter rewrite = [&](const LinkRequest& link) -> std::string {
      LinkTarget target = ResolveLink(content_, *index_, source, link.url);
      switch (target.kind) {
        case LinkTarget::Kind::kExternal:
          return link.url;
        case LinkTarget::Kind::kPage:
        case LinkTarget::Kind::kAsset:
          return urls_->Link(current_path_for(source), target.site_path);
        case LinkTarget::Kind::kMissing:
          if (content_.unreadable.count(target.resolved)) return link.url;  // its own error says why
          diags->Error(link.loc, std::string(link.image ? "画像" : "リンク先") + "「" + link.url + "」が見つかりません",
                       "「" + target.resolved + "」というファイルはありません。ファイル名と ../ の数を確かめてください");
          return link.url;
        case LinkTarget::Kind::kInvalid:
          diags->Error(link.loc, "リンク「" + link.url + "」は使えません",
                       "サイト内へのリンクは ../cases/example.md のように、このファイルからの相対パスで書いてください");
          return link.url;
      }
      return link.url;
    };
    *out = markdown_.Render(markdown, source, first_line, md_options, rewrite, diags);
    return out->html;
  }

  // The site path of the page generated from `source` (the city top for site.yaml).
  std::string current_path_for(const std::string& source) const {
    if (const PageRef* ref = index_->FindBySource(source)) return index_->PathOf(content_, *ref);
    for (const City& c : content_.cities) {
      if (source.rfind(c.dir + "/", 0) == 0) return c.site.slug + "/";
    }
    return "";
  }

  void RenderContentPages() {
    std::vector<PageRef> refs;
    for (size_t c = 0; c < content_.cities.size(); ++c) {
      for (size_t p = 0; p < content_.cities[c].pages.size(); ++p) refs.push_back({static_cast<int>(c), static_cast<int>(p)});
    }
    std::vector<Diagnostics> page_diags(refs.size());
    search_.Resize(refs.size());
    ParallelFor(refs.size(), options_.jobs, [&](size_t i) {
      Page& page = content_.cities[static_cast<size_t>(refs[i].city)].pages[static_cast<size_t>(refs[i].page)];
      RenderedMarkdown md;
      RenderBody(page.body, page.source, page.body_line, refs[i].city, &md, &page_diags[i]);
      search_.Set(i, SearchDocOf(content_, *index_, refs[i], md));  // before the summary is derived
      if (page.summary.empty()) page.summary = md.summary;
      page.body.clear();
      page.body.shrink_to_fit();  // the Markdown is not needed again: keep memory flat
      mustache::data data = ContentPageView(*ctx_, refs[i], md);
      WritePage(refs[i].city, index_->PathOf(content_, refs[i]), ContentTemplate(page.kind), data, &page_diags[i]);
    });
    for (const Diagnostics& d : page_diags) diags_->Append(d);
  }

  std::string RenderIntro(int city) {
    const City& c = content_.cities[static_cast<size_t>(city)];
    if (c.site.intro.empty()) return "";
    RenderedMarkdown md;
    return RenderBody(c.site.intro, JoinPath(c.dir, "site.yaml"), c.site.intro_loc.line, city, &md, diags_);
  }

  void RenderListPages() {
    for (size_t ci = 0; ci < content_.cities.size(); ++ci) {
      int c = static_cast<int>(ci);
      const City& city = content_.cities[ci];
      const CityIndex& ix = index_->city(c);
      const std::string& s = city.site.slug;
      WritePage(c, s + "/", "city", CityTopView(*ctx_, c, RenderIntro(c)), diags_);
      for (int n = 1; n <= CaseListPages(*ctx_, c); ++n) {
        WritePage(c, CaseListPath(city, n), "case_list", CaseListView(*ctx_, c, n), diags_);
      }
      if (!ix.policies.empty()) WritePage(c, s + "/policies/", "policy_list", PolicyListView(*ctx_, c), diags_);
      if (!ix.news.empty()) WritePage(c, s + "/news/", "news_list", NewsListView(*ctx_, c), diags_);
      WritePage(c, s + "/contact/", "contact", ContactPageView(*ctx_, c), diags_);
      if (!ix.groups.empty()) {
        WritePage(c, s + "/groups/", "group_list", GroupListView(*ctx_, c, "", 0), diags_);
        int fields = city.vocab.IndexOf("fields");
        for (size_t t = 0; t < ix.field_groups.size(); ++t) {
          if (ix.field_groups[t].empty()) continue;
          const Term& term = city.vocab.at(fields).terms[t];
          WritePage(c, s + "/groups/fields/" + term.slug + "/", "group_list",
                    GroupListView(*ctx_, c, "fields", static_cast<int>(t)), diags_);
        }
        for (size_t a = 0; a < ix.area_groups.size(); ++a) {
          WritePage(c, s + "/groups/area/" + index_->AreaSlug(c, ix.area_groups[a].first) + "/", "group_list",
                    GroupListView(*ctx_, c, "area", static_cast<int>(a)), diags_);
        }
      }
      RenderKyodo(c, city.vocab);
      RenderForms(c);
    }
    RenderKyodo(-1, content_.shared_vocab);
    if (HasForms(*ctx_, -1)) WritePage(-1, FormListPath(*ctx_, -1), "form_list", FormListView(*ctx_, -1), diags_);
    RenderedMarkdown intro;
    std::string intro_html;
    if (!content_.portal.intro.empty()) {
      MarkdownOptions portal_md;
      portal_md.lint = true;
      intro_html = markdown_.Render(content_.portal.intro, JoinPath(options_.content_dir, "_portal.yaml"), 1,
                                    portal_md, nullptr, diags_).html;
    }
    WritePage(-1, "", "portal", PortalTopView(*ctx_, intro_html), diags_);
    WritePage(-1, "404.html", "not_found", NotFoundView(*ctx_), diags_);
  }

  // Open data per city and merged for the portal, each with the page documenting it.
  void RenderOpenData() {
    for (int c = -1; c < static_cast<int>(content_.cities.size()); ++c) {
      std::vector<OpenDataTable> tables = OpenDataTables(*ctx_, c);
      std::vector<OpenDataFile> files = WriteOpenData(*ctx_, c, tables, sink_, diags_);
      WritePage(c, OpenDataDir(*ctx_, c), "opendata", OpenDataView(*ctx_, c, tables, files), diags_);
    }
  }

  void RenderKyodo(int city, const Vocabularies& vocab) {
    std::string index_path = city >= 0 ? content_.cities[static_cast<size_t>(city)].site.slug + "/kyodo/" : "kyodo/";
    WritePage(city, index_path, "kyodo", KyodoIndexView(*ctx_, city), diags_);
    for (size_t v = 0; v < vocab.list().size(); ++v) {
      for (size_t t = 0; t < vocab.list()[v].terms.size(); ++t) {
        int vi = static_cast<int>(v), ti = static_cast<int>(t);
        WritePage(city, TermPagePath(*ctx_, city, vi, ti), "term", TermView(*ctx_, city, vi, ti), diags_);
      }
    }
  }

  // Each form's page and JSON Schema, and the city's list of forms.
  void RenderForms(int city) {
    const City& c = content_.cities[static_cast<size_t>(city)];
    if (c.forms.empty()) return;
    WritePage(city, FormListPath(*ctx_, city), "form_list", FormListView(*ctx_, city), diags_);
    for (size_t f = 0; f < c.forms.size(); ++f) {
      int fi = static_cast<int>(f);
      std::string path = FormPath(c, c.forms[f]);
      WritePage(city, path, "form", FormPageView(*ctx_, city, fi), diags_);
      search_.Add(SearchDocOfForm(content_, city, fi, path));
      sink_->Write(path + "schema.json", FormJsonSchema(c.forms[f], FormSchemaUrl(*ctx_, city, fi)), diags_);
    }
  }

  // Full-text search: the search pages, then the index over every collected page.
  void WriteSearch() {
    for (size_t c = 0; c < content_.cities.size(); ++c) {
      int ci = static_cast<int>(c);
      WritePage(ci, SearchPagePath(*ctx_, ci), "search", SearchPageView(*ctx_, ci), diags_);
    }
    WritePage(-1, SearchPagePath(*ctx_, -1), "search", SearchPageView(*ctx_, -1), diags_);
    if (options_.check_only) return;
    SearchIndexOptions search_options;
    search_options.jobs = options_.jobs;
    std::vector<SearchFile> files =
        BuildSearchIndex(search_.Take(), SearchCities(content_), SearchFacets(content_), search_options);
    std::vector<Diagnostics> file_diags(files.size());
    ParallelFor(files.size(), options_.jobs, [&](size_t i) { sink_->Write(files[i].path, files[i].bytes, &file_diags[i]); });
    for (const Diagnostics& d : file_diags) diags_->Append(d);
  }

  void CopyCityAssets() {
    for (const City& city : content_.cities) {
      for (const Asset& asset : city.assets) sink_->Copy(AssetPath(city, asset), asset.source, diags_);
    }
  }

  Disk& disk_;
  const BuildOptions& options_;
  BuildResult* result_;
  Diagnostics* diags_;
  Content content_;
  std::unique_ptr<SiteIndex> index_;
  std::map<std::string, Templates> templates_;
  ThemeSet theme_set_;
  std::optional<A11yReport> a11y_report_;
  std::mutex page_paths_mu_;
  std::set<std::string> page_paths_;
  std::unique_ptr<Urls> urls_;
  std::unique_ptr<ViewContext> ctx_;
  MarkdownEngine markdown_;
  SearchCollector search_;
  OutputSink* sink_ = nullptr;
  std::atomic<int> pages_{0};

 public:
  int pages() const { return pages_.load(); }
};

}  // namespace

bool BuildSite(Disk& disk, const BuildOptions& options, BuildResult* result, Diagnostics* diags) {
  Builder builder(disk, options, result, diags);
  bool ok = builder.Run() && !diags->HasErrors();
  result->pages = builder.pages();
  diags->SortByLocation();
  return ok;
}

}  // namespace kyodo
