#include "site.h"

#include <xxhash.h>

#include <chrono>
#include <algorithm>
#include <cstdio>
#include <iterator>

#include "asset_media.h"
#include "city_names.h"
#include "content_loader.h"
#include "discovery.h"
#include "form.h"
#include "form_schema.h"
#include "links.h"
#include "opendata.h"
#include "parallel.h"
#include "search_docs.h"
#include "site_impl.h"
#include "source.h"
#include "text.h"
#include "views.h"

namespace kyodo {

bool IsListTemplate(const std::string& tmpl) {
  static const std::set<std::string> kList = {"city", "portal", "case_list", "policy_list",
                                              "news_list", "kyodo", "term", "group_list"};
  return kList.count(tmpl) > 0;
}

std::set<std::string> Added(const std::set<std::string>& before, const std::set<std::string>& after) {
  std::set<std::string> out;
  std::set_difference(after.begin(), after.end(), before.begin(), before.end(), std::inserter(out, out.end()));
  return out;
}

std::string HashedName(const std::string& name, const std::string& bytes) {
  char hash[17];
  std::snprintf(hash, sizeof hash, "%016llx", static_cast<unsigned long long>(XXH64(bytes.data(), bytes.size(), 0)));
  size_t dot = name.rfind('.');
  std::string stem = dot == std::string::npos ? name : name.substr(0, dot);
  std::string ext = dot == std::string::npos ? "" : name.substr(dot);
  return stem + "." + std::string(hash, 8) + ext;
}

Site::Impl::Impl(Disk* disk, BuildOptions options) : disk_(disk), options_(std::move(options)) {}

std::vector<std::string> Site::Impl::SourceFolders() const {
  return {options_.content_dir, options_.templates_dir, options_.themes_dir};
}

// ---- loading -----------------------------------------------------------------

void Site::Impl::Load(Diagnostics* diags) {
  LoadOptions load;
  load.drafts = options_.drafts;
  load.keep_drafts = options_.check_only;  // check drafts too, as the build would treat them
  load.cities = options_.cities;
  load.jobs = options_.jobs;
  content_ = LoadContent(*disk_, options_.content_dir, load, &reading_, diags);
  index_ = std::make_unique<SiteIndex>(SiteIndex::Build(content_));
  if (options_.shard) {
    CheckShardContent(diags);  // the same checks, knowing that other cities are not loaded
  } else {
    ForEachFileReference(content_, FileReferenceChecker(content_, *index_, diags));
  }
  Prepare(diags);
}

void Site::Impl::Prepare(Diagnostics* diags) {
  templates_.clear();
  theme_set_ = ThemeSet();
  LoadThemes(diags);
  LoadA11yReport(diags);
  // Canonical URLs, feeds and the sitemap need a host: --base-url when it has one
  // (a bare path such as /kyodo/ only says where links point), else _portal.yaml's.
  bool absolute = IsWebUrl(options_.base_url);
  std::string canonical = absolute ? options_.base_url : content_.portal.base_url;
  if (!absolute) CheckBaseFolders(options_.base_url, canonical, JoinPath(content_.root, "_portal.yaml"), diags);
  urls_ = std::make_unique<Urls>(options_.base_url, canonical);
  ctx_ = std::make_unique<ViewContext>(ViewContext{content_, *index_, *urls_, {}, {}, false, 20, options_.build_date});
  ctx_->feeds = PlanFeeds(*ctx_);
  ctx_->city_names = PortalCityNames(content_.cities);
  ctx_->members_word = PortalMembersWord(content_.cities);
  ctx_->search = true;  // every page's header gets the search box
  ctx_->deps = keep_for_updates_ ? &deps_ : nullptr;  // only Update reads it
  deps_.Clear();
  search_docs_.clear();
  page_paths_.clear();
  cross_links_.clear();
}

// One template set per theme used by a city (the portal uses "default").
void Site::Impl::LoadThemes(Diagnostics* diags) {
  std::vector<std::string> themes = {"default"};
  for (const City& city : content_.cities) {
    if (std::find(themes.begin(), themes.end(), city.site.theme) != themes.end()) continue;
    if (disk_->Stat(JoinPath(options_.themes_dir, city.site.theme)) != FileKind::kDir) {
      diags->Error(city.site.theme_loc, "テーマ「" + city.site.theme + "」がありません",
                   UnknownThemeHint(*disk_, options_.themes_dir, city.site.theme));
      continue;
    }
    themes.push_back(city.site.theme);
  }
  for (const std::string& theme : themes) {
    std::string dir = JoinPath(JoinPath(options_.themes_dir, theme), "templates");
    templates_[theme].Load(*disk_, options_.templates_dir, dir, diags);
    templates_[theme].WarnUnescaped(IsHtmlVariable, diags);
    templates_[theme].WarnUnknownNames(VariablesNoTemplateShows(), diags);
  }
  theme_set_.Load(*disk_, options_.themes_dir, themes, diags);
  theme_set_.Resolve(content_, diags);
}

// The browser gate's results from an earlier run (--a11y-report), read through the disk.
void Site::Impl::LoadA11yReport(Diagnostics* diags) {
  a11y_report_.reset();
  if (options_.a11y_report.empty()) return;
  std::string text, err;
  if (!disk_->ReadFile(options_.a11y_report, &text, &err)) {
    diags->Error({options_.a11y_report, 0, 0}, "a11y レポートを読めません: " + err,
                 "node tests/browser/a11y.mjs が書いた build/a11y/a11y-results.json を指定してください");
    return;
  }
  a11y_report_ = ParseA11yReport(options_.a11y_report, text, diags);
}

// ---- the full build --------------------------------------------------------------

bool Site::Impl::Build(BuildResult* result, Diagnostics* diags) {
  StageTimer timer(result, options_.on_stage);
  if (options_.portal_from.empty()) Load(diags); else LoadManifests(diags);
  timer.Done("load");
  std::unique_ptr<OutputSink> sink;
  SiteWriter* writer = nullptr;
  if (options_.check_only || Fails(*diags)) {
    // With content errors nothing is staged, but the pages still render into nothing,
    // as kyodo check does: one run reports every problem (a broken link in a page
    // whose date is also wrong), not only the first stage's.
    sink = std::make_unique<NullSink>();
  } else {
    auto w = std::make_unique<SiteWriter>(disk_, options_.out_dir);
    writer = w.get();
    sink = std::move(w);
    if (!writer->Begin(diags)) return false;
  }
  sink_ = sink.get();
  pages_ = 0;
  if (options_.shard) {
    RenderShard(diags, &timer);
  } else if (!options_.portal_from.empty()) {
    RenderPortalStep(diags, &timer);
  } else {
    RenderAll(sink_, diags, &timer);
  }
  if (Fails(*diags)) {
    sink_->Abort();
    return false;
  }
  bool ok = sink_->Commit(diags);
  timer.Done(options_.check_only ? "check" : "publish");
  result->files = sink_->files();
  result->pages = pages_.load();
  if (writer) result->unchanged = writer->unchanged();
  output_files_ = sink_->written();
  loaded_ok_ = ok && !options_.check_only;
  output_known_ = loaded_ok_;
  sink_ = nullptr;
  return ok;
}

void Site::Impl::RenderAll(OutputSink* sink, Diagnostics* diags, StageTimer* timer) {
  auto done = [&](const char* stage) {
    if (timer) timer->Done(stage);
  };
  sink_ = sink;
  WriteThemeAssets(diags);
  done("assets");
  RenderCities(PortalJobs(), diags, timer);
  std::set<std::string> before = sink_->written();
  WriteSearchIndex(diags);  // first: a one-shot build frees the search text before open data needs memory
  done("search");
  WriteOpenData(CityNumbers(true), diags);
  done("opendata");
  std::set<std::string> global = Added(before, sink_->written());
  RenderAccessibility(diags);
  before = sink_->written();
  WriteDiscovery(diags);
  for (const std::string& path : Added(before, sink_->written())) global.insert(path);
  global_files_ = std::move(global);
  CopyCityAssets(diags);
  done("feeds");
}

void Site::Impl::RenderCities(std::vector<Job> jobs, Diagnostics* diags, StageTimer* timer) {
  std::vector<PageRef> refs;
  for (size_t c = 0; c < content_.cities.size(); ++c) {
    for (size_t p = 0; p < content_.cities[c].pages.size(); ++p) refs.push_back({static_cast<int>(c), static_cast<int>(p)});
  }
  RenderContent(refs, diags);
  if (timer) timer->Done("pages");
  for (int c = 0; c < static_cast<int>(content_.cities.size()); ++c) {
    for (Job& job : CityJobs(c)) jobs.push_back(std::move(job));
    WriteFormFiles(c, diags);
  }
  DropClashingAliases(&jobs, diags);
  list_paths_.clear();
  for (const Job& job : jobs) {
    if (IsListTemplate(job.tmpl)) list_paths_[job.city].insert(job.path);
  }
  RunJobs(jobs, diags);
  if (timer) timer->Done("lists");
}

void Site::Impl::RunJobs(const std::vector<Job>& jobs, Diagnostics* diags) {
  std::vector<Diagnostics> job_diags(jobs.size());
  ParallelFor(jobs.size(), options_.jobs, [&](size_t i) {
    WritePage(jobs[i].city, jobs[i].path, jobs[i].tmpl, jobs[i].view(&job_diags[i]), &job_diags[i]);
  });
  for (const Diagnostics& d : job_diags) diags->Append(d);
}

void Site::Impl::WritePage(int city, const std::string& site_path, const std::string& tmpl, const mustache::data& data,
                           Diagnostics* diags) {
  std::string theme = city >= 0 ? content_.cities[static_cast<size_t>(city)].site.theme : "default";
  auto it = templates_.find(theme);
  const Templates& templates = it != templates_.end() ? it->second : templates_.at("default");
  if (!sink_->Write(Urls::FileOf(site_path), templates.Render(tmpl, data), diags)) return;
  ++pages_;
  if (tmpl == "redirect") return;  // an old address is not a page of its own (sitemap, evidence)
  // Every page written, for sitemap.xml and the accessibility evidence.
  std::lock_guard<std::mutex> lock(page_paths_mu_);
  page_paths_.insert(site_path);
}

// ---- content pages -----------------------------------------------------------

std::string Site::Impl::RenderBody(const std::string& markdown, const std::string& source, int first_line, int city,
                                   RenderedMarkdown* out, Diagnostics* diags, int indent, int heading_shift) {
  MarkdownOptions md_options;
  md_options.indent = indent;
  md_options.heading_shift = heading_shift;
  md_options.unsafe_html = city >= 0 && content_.cities[static_cast<size_t>(city)].site.unsafe_html;
  md_options.lint = true;
  md_options.hard_breaks = source.ends_with(".csv");  // a groups.csv 本文 cell: Alt+Enter is a line break
  std::string from = PagePathOfSource(source);
  LinkRewriter rewrite = [&](const LinkRequest& link) -> std::string {
    if (ReportUnusableAddress(link.url, link.loc, diags)) return link.url;
    LinkTarget target = ResolveLink(content_, *index_, source, link.url);
    switch (target.kind) {
      case LinkTarget::Kind::kExternal:
        if (link.file_label) *link.file_label = ExternalFileType(link.url);  // 「（PDF）」: a 本編 on the city's main site
        return link.url;
      case LinkTarget::Kind::kPage:
        // kyodo check keeps unpublished drafts loaded; the build would not find this one.
        if (content_.unpublished_drafts.count(target.resolved) && !content_.unpublished_drafts.count(source)) {
          ReportDraftLink(link.loc, link.url, target.resolved, diags);
        }
        return urls_->Link(from, target.site_path);
      case LinkTarget::Kind::kAsset:
        // Own-city files only: a --city build cannot know other cities' sizes; both builds write the same bytes.
        if (link.file_label && target.asset && target.site_path.rfind(from.substr(0, from.find('/') + 1), 0) == 0) {
          *link.file_label = FileLabel(target.asset->rel, target.asset->size);
        }
        if (link.image) CheckImageFormat(link.url, link.loc, diags);
        if (!link.image && target.asset) {
          CheckAssetLinkNote(link.text, *target.asset, link.loc, diags, link.file_label && !link.file_label->empty());
        }
        return urls_->Link(from, target.site_path);
      case LinkTarget::Kind::kMissing:
        if (content_.unreadable.count(target.resolved)) return link.url;  // its own error says why
        if (content_.unpublished_drafts.count(target.resolved)) {
          ReportDraftLink(link.loc, link.url, target.resolved, diags);
          return link.url;
        }
        if (options_.shard) {  // another city's file: its own shard publishes it, the portal step checks
          std::string path = CrossCityTarget(source, link, target.resolved);
          if (!path.empty()) return urls_->Link(from, path);
        }
        ReportMissingLink(link.loc, link.image, link.url, target.resolved, diags, target.meant);
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
std::string Site::Impl::PagePathOfSource(const std::string& source) const {
  if (const PageRef* ref = index_->FindBySource(source)) return index_->PathOf(content_, *ref);
  for (const City& c : content_.cities) {
    if (source.rfind(c.dir + "/", 0) == 0) return c.site.slug + "/";
  }
  return "";
}

void Site::Impl::RenderContent(const std::vector<PageRef>& refs, Diagnostics* diags) {
  std::vector<Diagnostics> page_diags(refs.size());
  std::vector<SearchDoc> docs(refs.size());
  ParallelFor(refs.size(), options_.jobs, [&](size_t i) {
    Page& page = content_.cities[static_cast<size_t>(refs[i].city)].pages[static_cast<size_t>(refs[i].page)];
    if (page.body.empty() && !page.bulk) {
      // Rendered before and affected by an edit elsewhere: its Markdown was freed, read it again.
      std::optional<std::string> text = ReadSource(*disk_, page.source, &page_diags[i]);
      auto split = text ? SplitFrontMatter(*text, page.source, &page_diags[i]) : std::nullopt;
      if (split) page.body = std::move(split->body);
    }
    RenderedMarkdown md;
    RenderBody(page.body, page.source, page.body_line, refs[i].city, &md, &page_diags[i], page.body_indent,
               page.kind == PageKind::kCase ? 1 : 0);  // case.mustache: the body is under its h2 「事例の内容」
    docs[i] = SearchDocOf(content_, *index_, refs[i], md);  // before the summary is derived
    if (page.summary.empty() || page.summary_derived) {
      page.summary = md.summary;
      page.summary_derived = true;
      if (page.summary.empty()) {
        // A register's group is pointed at by its ID's place; a file by its name.
        page_diags[i].Warning(page.bulk ? page.slug_loc : SourceLoc{page.source, 0, 0},
                              std::string(page.bulk ? "「" + page.id + "」は " : "") +
                                  "summary がなく本文にも段落がないため、一覧や検索結果に説明が出ません",
                              page.source.ends_with(".csv")  // a groups.csv has a column, not a key
                                  ? "概要（summary）の列に、この団体の内容を1〜2文で書いてください"
                                  : "summary: に、このページの内容を1〜2文で書いてください");
      }
    }
    if (!page.bulk) {  // a file can be read again if an edit elsewhere shows this page anew
      page.body.clear();
      page.body.shrink_to_fit();  // keep memory flat
    }
    WritePage(refs[i].city, index_->PathOf(content_, refs[i]), ContentTemplate(page.kind), ContentPageView(*ctx_, refs[i], md),
              &page_diags[i]);
  });
  for (const Diagnostics& d : page_diags) diags->Append(d);
  std::lock_guard<std::mutex> lock(search_mu_);
  for (SearchDoc& doc : docs) search_docs_[doc.path] = std::move(doc);
}

std::string Site::Impl::CityIntro(int city, Diagnostics* diags) {
  const City& c = content_.cities[static_cast<size_t>(city)];
  if (c.site.intro.empty()) return "";
  RenderedMarkdown md;
  return RenderBody(c.site.intro, JoinPath(c.dir, "site.yaml"), c.site.intro_loc.line, city, &md, diags,
                    c.site.intro_loc.col - 1);
}

std::string Site::Impl::PortalIntro(Diagnostics* diags) {
  if (content_.portal.intro.empty()) return "";
  RenderedMarkdown md;
  return RenderBody(content_.portal.intro, JoinPath(options_.content_dir, "_portal.yaml"), content_.portal.intro_loc.line,
                    -1, &md, diags, content_.portal.intro_loc.col - 1);
}

// ---- other outputs ---------------------------------------------------------------

// Theme files: a theme's own assets/, then the default theme's for what it lacks.
// CSS and JS get their content hash in the name so caches can keep them forever.
void Site::Impl::WriteThemeAssets(Diagnostics* diags) {
  for (const auto& [theme, t] : templates_) {
    for (const auto& [name, path] : theme_set_.AssetFiles(*disk_, theme)) {
      if (theme_set_.IsBundled(theme, name)) continue;  // part of the stylesheet bundle below
      std::string bytes, err;
      if (!disk_->ReadFile(path, &bytes, &err)) {
        diags->Error({path, 0, 0}, "テーマのファイルを読めません: " + err);
        continue;
      }
      bool css = name.size() > 4 && name.rfind(".css") == name.size() - 4;
      bool js = name.size() > 3 && name.rfind(".js") == name.size() - 3;
      std::string rel = "assets/" + theme + "/" + (css || js ? HashedName(name, bytes) : name);
      if (js) ctx_->scripts[theme][name] = rel;
      sink_->Write(rel, bytes, diags);
    }
    std::string css = theme_set_.Bundle(*disk_, theme, diags);
    ctx_->theme_css[theme] = "assets/" + theme + "/" + HashedName("style.css", css);
    sink_->Write(ctx_->theme_css[theme], css, diags);
  }
  WriteTokenStylesheets(diags);
}

// Each city's (and the portal's) design tokens as a small stylesheet linked after
// the theme's, named by content so cities with the same values share one file.
void Site::Impl::WriteTokenStylesheets(Diagnostics* diags) {
  std::set<std::string> written;
  for (int c = -1; c < static_cast<int>(content_.cities.size()); ++c) {
    const ResolvedTheme& r = theme_set_.ForCity(c);
    std::string css = r.Css("kyodo: design tokens of the " + r.theme + " theme (themes/" + r.theme +
                            "/theme.yaml, with site.yaml tokens: applied)");
    std::string rel = "assets/" + r.theme + "/" + HashedName("tokens.css", css);
    ctx_->tokens_css[c] = rel;
    if (written.insert(rel).second) sink_->Write(rel, css, diags);
    if (c >= 0 && !r.logo.empty()) {
      const City& city = content_.cities[static_cast<size_t>(c)];
      for (const Asset& asset : city.assets) {
        if (asset.rel == r.logo) ctx_->logos[c] = AssetPath(city, asset);
      }
    }
  }
}

// Each form's JSON Schema and search document (its page is a job), and the contact page's.
void Site::Impl::WriteFormFiles(int city, Diagnostics* diags) {
  const City& c = content_.cities[static_cast<size_t>(city)];
  for (size_t f = 0; f < c.forms.size(); ++f) {
    int fi = static_cast<int>(f);
    std::string path = FormPath(c, c.forms[f]);
    sink_->Write(path + "schema.json", FormJsonSchema(c.forms[f], FormSchemaUrl(*ctx_, city, fi)), diags);
    std::lock_guard<std::mutex> lock(search_mu_);
    search_docs_[path] = SearchDocOfForm(content_, city, fi, path);
  }
  std::lock_guard<std::mutex> lock(search_mu_);  // a resident searches a 課 or a telephone number
  search_docs_[c.site.slug + "/contact/"] = SearchDocOfContact(content_, city, c.site.slug + "/contact/");
}

// Open data with the page documenting it, every table of every city as its own task:
// the portal's tables (every city's rows) are the largest.
void Site::Impl::WriteOpenData(const std::vector<int>& cities, Diagnostics* diags) {
  const size_t per_city = OpenDataTableCount();
  std::vector<OpenDataTable> tables(cities.size() * per_city);
  std::vector<std::vector<OpenDataFile>> files(tables.size());
  std::vector<Diagnostics> task_diags(tables.size());
  ParallelFor(tables.size(), options_.jobs, [&](size_t i) {
    tables[i] = WriteOpenDataTable(*ctx_, cities[i / per_city], i % per_city, sink_, &files[i], &task_diags[i]);
  });
  for (const Diagnostics& d : task_diags) diags->Append(d);
  std::vector<Diagnostics> page_diags(cities.size());
  ParallelFor(cities.size(), options_.jobs, [&](size_t c) {
    std::vector<OpenDataTable> city_tables(tables.begin() + static_cast<long>(c * per_city),
                                           tables.begin() + static_cast<long>((c + 1) * per_city));
    std::vector<OpenDataFile> city_files;
    for (size_t t = 0; t < per_city; ++t) {
      for (const OpenDataFile& f : files[c * per_city + t]) city_files.push_back(f);
    }
    WritePage(cities[c], OpenDataDir(*ctx_, cities[c]), "opendata", OpenDataView(*ctx_, cities[c], city_tables, city_files),
              &page_diags[c]);
  });
  for (const Diagnostics& d : page_diags) diags->Append(d);
}

std::vector<int> Site::Impl::CityNumbers(bool with_portal) const {
  std::vector<int> out;
  for (int c = with_portal ? -1 : 0; c < static_cast<int>(content_.cities.size()); ++c) out.push_back(c);
  return out;
}

// The search index over every collected page (the search pages themselves are jobs),
// each file written as soon as it is made.
void Site::Impl::WriteSearchIndex(Diagnostics* diags) {
  if (options_.check_only) return;
  SearchIndexOptions search_options;
  search_options.jobs = options_.jobs;
  search_options.release_text = !keep_for_updates_;
  std::lock_guard<std::mutex> lock(search_mu_);
  std::vector<SearchDoc*> docs;
  docs.reserve(search_docs_.size());
  for (auto& [path, doc] : search_docs_) docs.push_back(&doc);
  std::mutex diags_mu;
  BuildSearchIndex(std::move(docs), SearchCities(content_), SearchFacets(content_), search_options,
                   [&](SearchFile&& file) {
                     Diagnostics d;
                     sink_->Write(file.path, file.bytes, &d);
                     if (d.empty()) return;
                     std::lock_guard<std::mutex> diags_lock(diags_mu);
                     diags->Append(d);
                   });
  if (!keep_for_updates_) search_docs_.clear();
}

// The accessibility pages come last, so they can link every tested page that exists.
void Site::Impl::RenderAccessibility(Diagnostics* diags) {
  // The pages about to be written count as existing, so each can link the others.
  for (int c = -1; c < static_cast<int>(content_.cities.size()); ++c) page_paths_.insert(AccessibilityPath(c, *ctx_));
  AccessibilityEvidence evidence;
  evidence.report = a11y_report_ ? &*a11y_report_ : nullptr;
  evidence.pages = &page_paths_;
  for (int c = -1; c < static_cast<int>(content_.cities.size()); ++c) {
    evidence.palettes = theme_set_.Palettes(content_, c);
    WritePage(c, AccessibilityPath(c, *ctx_), "accessibility", AccessibilityView(*ctx_, c, evidence), diags);
  }
}

void Site::Impl::WriteDiscovery(Diagnostics* diags) {
  kyodo::WriteDiscovery(*ctx_, std::vector<std::string>(page_paths_.begin(), page_paths_.end()), sink_, diags);
}

void Site::Impl::CopyCityAssets(Diagnostics* diags) {
  for (const City& city : content_.cities) {
    for (const Asset& asset : city.assets) sink_->Copy(AssetPath(city, asset), asset.source, diags);
  }
}

// ---- Site ------------------------------------------------------------------------

Site::Site(Disk* disk, BuildOptions options) : impl_(std::make_unique<Impl>(disk, std::move(options))) {}
Site::~Site() = default;

bool Site::Build(BuildResult* result, Diagnostics* diags) {
  bool ok = impl_->Build(result, diags) && !diags->HasErrors();
  diags->SortByLocation();
  return ok;
}

bool Site::BuildOnce(BuildResult* result, Diagnostics* diags) {
  impl_->keep_for_updates_ = false;
  return Build(result, diags);
}

bool Site::Update(const std::vector<std::string>& changed, UpdateResult* result, Diagnostics* diags,
                  const std::function<void(const UpdateResult&)>& pages_written) {
  bool ok = impl_->Update(changed, result, diags, pages_written) && !diags->HasErrors();
  diags->SortByLocation();
  return ok;
}

std::vector<std::string> Site::SourceFolders() const { return impl_->SourceFolders(); }

bool BuildSite(Disk& disk, const BuildOptions& options, BuildResult* result, Diagnostics* diags) {
  Site site(&disk, options);
  return site.BuildOnce(result, diags);
}

}  // namespace kyodo
