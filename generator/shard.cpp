// Sharded builds (docs/sharded-builds.md): `kyodo build --city SLUG…` builds the
// pages of some cities on one machine, `kyodo build --portal-from DIR…` the rest
// from their manifests, and the folders copied together are the whole build.
//
// Who writes what. A shard writes everything under <city>/ that the city alone
// decides: its content pages, lists, 協働 index and term pages, group directory,
// forms (pages and schema.json), contact, search page, open data and assets, plus
// its manifest. The portal step writes the portal pages (top, 協働 index and terms,
// forms list, 404, search page, open data), the theme assets, and the files that
// depend on every city or on the whole set of pages: the search index (portal scope,
// every city scope — document numbers run across the portal — and search/d/), every
// accessibility page (a city's lists the tested pages that exist, wherever they
// are), the Atom feeds (a city's too: they need only its metadata), sitemap.xml and
// robots.txt. Both run the same index, views and writers as a whole build.
#include <algorithm>
#include <map>
#include <set>
#include <tuple>

#include "city_config.h"
#include "content_loader.h"
#include "links.h"
#include "parallel.h"
#include "site_impl.h"

namespace kyodo {

namespace {

// The slug of the city `site_path` belongs to when no city of `content` is it, else "".
std::string OtherCity(const Content& content, const std::string& site_path) {
  std::string slug = site_path.substr(0, site_path.find('/'));
  for (const City& city : content.cities) {
    if (city.site.slug == slug) return "";
  }
  return slug;
}

}  // namespace

ManifestStamp Site::Impl::Stamp() const {
  ManifestStamp stamp;
  stamp.generator = KYODO_VERSION;
  // What every city's pages show besides the city itself: the portal's title and
  // base URL, the shared vocabularies, the templates and themes.
  stamp.inputs = InputsFingerprint(*disk_, {JoinPath(options_.content_dir, "_portal.yaml"),
                                            JoinPath(options_.content_dir, "_taxonomies.yaml"),
                                            options_.templates_dir, options_.themes_dir});
  stamp.base_url = options_.base_url;
  stamp.drafts = options_.drafts;
  stamp.build_date = options_.build_date;
  return stamp;
}

// ---- the shard ---------------------------------------------------------------------

std::string Site::Impl::CrossCityTarget(const std::string& source, const LinkRequest& link,
                                        const std::string& resolved) {
  std::string path = PathByName(content_.root, resolved);
  if (path.empty() || OtherCity(content_, path).empty()) return "";  // not a file of another city
  size_t hash = link.url.find('#');
  if (hash != std::string::npos) path += link.url.substr(hash);
  std::lock_guard<std::mutex> lock(cross_links_mu_);
  cross_links_.push_back({source, link.loc.line, link.loc.col, link.url, link.image, path});
  return path;
}

void Site::Impl::CheckShardContent(Diagnostics* diags) {
  ForEachFileReference(content_, [&](const City& city, const std::string& from, const std::string& src,
                                     const SourceLoc& loc, const char* what) {
    LinkTarget target = ResolveLink(content_, *index_, from, src);
    std::string path = target.kind == LinkTarget::Kind::kMissing ? PathByName(content_.root, target.resolved) : "";
    std::string other = path.empty() ? "" : OtherCity(content_, path);
    if (other.empty()) {
      CheckFileReference(content_, *index_, from, src, loc, what, diags);
      return;
    }
    diags->Error(loc, "他の市町村（" + other + "）のファイル「" + src + "」は、市町村ごとのビルド（--city）では使えません",
                 "--city " + other + " も同じビルドに加えるか、ファイルを " + city.dir + "/assets/ に置いてください");
  });
  for (const City& city : content_.cities) {
    for (const Page& page : city.pages) {
      // A shard writes only below its cities' folders: an old address elsewhere could
      // clash with another shard's file, and no step would see it.
      for (const Located& alias : page.aliases) {
        if (IsUnder(alias.value, city.site.slug)) continue;
        diags->Error(alias.loc, "aliases の「" + alias.value + "」は " + city.site.slug +
                                    "/ の外なので、市町村ごとのビルド（--city）では書き出せません",
                     "/" + city.site.slug + "/old/… のように市町村のフォルダの中のアドレスにするか、--city なしでビルドしてください");
      }
    }
  }
}

void Site::Impl::RenderShard(Diagnostics* diags, StageTimer* timer) {
  // Theme files are the portal step's to write; the pages only need their names.
  NullSink names;
  OutputSink* out = sink_;
  sink_ = &names;
  WriteThemeAssets(diags);
  sink_ = out;
  timer->Done("assets");
  RenderCities({}, diags, timer);
  WriteOpenData(CityNumbers(false), diags);  // the portal's is the portal step's
  CopyCityAssets(diags);
  timer->Done("opendata");
  std::sort(cross_links_.begin(), cross_links_.end(), [](const CrossCityLink& a, const CrossCityLink& b) {
    return std::tie(a.source, a.line, a.col, a.url) < std::tie(b.source, b.line, b.col, b.url);
  });
  // The last use of the content and the search documents: moved into the manifests,
  // not copied (a shard is never updated afterwards).
  ManifestStamp stamp = Stamp();
  for (City& city : content_.cities) {
    CityManifest m{stamp, std::move(city), {}, {}, {}};
    const std::string& slug = m.city.site.slug;
    for (auto& [path, doc] : search_docs_) {
      if (doc.city == slug) m.search_docs.push_back(std::move(doc));
    }
    for (const std::string& path : page_paths_) {
      if (IsUnder(path, slug)) m.pages.push_back(path);
    }
    for (const CrossCityLink& link : cross_links_) {
      if (IsUnder(link.source, m.city.dir)) m.links.push_back(link);
    }
    sink_->Write(ManifestPath(slug), WriteManifest(m, content_.root), diags);
  }
  timer->Done("manifests");
}

// ---- the portal step ----------------------------------------------------------------

void Site::Impl::LoadManifests(Diagnostics* diags) {
  LoadOptions load;
  load.portal_only = true;  // the published cities, in portal order, as empty shells
  load.jobs = options_.jobs;
  content_ = LoadContent(*disk_, options_.content_dir, load, &reading_, diags);

  std::vector<std::string> files;
  for (const std::string& dir : options_.portal_from) {
    std::string manifests = JoinPath(dir, "_kyodo/manifests");
    if (disk_->Stat(manifests) != FileKind::kDir) {
      diags->Error({dir, 0, 0}, "市町村ごとのビルドの出力ではありません（_kyodo/manifests/ がありません）",
                   "kyodo build --city SLUG --out DIR で作ったフォルダを --portal-from に指定してください");
      continue;
    }
    for (const std::string& name : disk_->ListDir(manifests)) {
      if (name.size() > 5 && name.compare(name.size() - 5, 5, ".json") == 0) files.push_back(JoinPath(manifests, name));
    }
  }
  std::vector<std::optional<CityManifest>> read(files.size());
  std::vector<Diagnostics> file_diags(files.size());
  ParallelFor(files.size(), options_.jobs, [&](size_t i) {
    std::string text, err;
    if (!disk_->ReadFile(files[i], &text, &err)) {
      file_diags[i].Error({files[i], 0, 0}, "マニフェストを読めません: " + err);
      return;
    }
    read[i] = ReadManifest(files[i], text, content_.root, content_.shared_vocab, &file_diags[i]);
  });
  ManifestStamp stamp = Stamp();
  std::map<std::string, size_t> by_slug;
  std::set<std::string> refused;  // reported already: not "missing" as well
  for (size_t i = 0; i < files.size(); ++i) {
    diags->Append(file_diags[i]);
    if (!read[i]) {
      refused.insert(StemOf(files[i]));  // named <slug>.json
      continue;
    }
    if (!CheckStamp(files[i], read[i]->stamp, stamp, diags)) {
      refused.insert(read[i]->city.site.slug);
      continue;
    }
    auto [it, fresh] = by_slug.emplace(read[i]->city.site.slug, i);
    if (!fresh) {
      diags->Error({files[i], 0, 0}, "「" + it->first + "」のマニフェストが " + files[it->second] + " にもあります",
                   "一つの市町村は一つのビルドにだけ入れてください");
    }
  }

  std::vector<City> cities;
  std::vector<size_t> used;
  for (City& shell : content_.cities) {
    auto it = by_slug.find(shell.site.slug);
    if (it == by_slug.end()) {
      if (refused.count(shell.site.slug)) continue;
      diags->Error({shell.dir, 0, 0}, "「" + shell.site.slug + "」のマニフェストがありません",
                   "kyodo build --city " + shell.site.slug + " --out DIR で作り、その DIR を --portal-from に加えてください");
      continue;
    }
    cities.push_back(std::move(read[it->second]->city));
    used.push_back(it->second);
    by_slug.erase(it);
  }
  for (const auto& [slug, i] : by_slug) {
    diags->Warning({files[i], 0, 0}, "「" + slug + "」は公開する市町村の一覧にないため、このマニフェストは使いません",
                   "content/_portal.yaml の cities: を確かめてください");
  }
  content_.cities = std::move(cities);
  CheckDistinctCodes(content_.cities, diags);  // cities of different shards
  index_ = std::make_unique<SiteIndex>(SiteIndex::Build(content_));
  Prepare(diags);
  for (size_t i : used) {
    CityManifest& m = *read[i];
    for (SearchDoc& doc : m.search_docs) search_docs_[doc.path] = std::move(doc);
    page_paths_.insert(m.pages.begin(), m.pages.end());
    for (CrossCityLink& link : m.links) cross_links_.push_back(std::move(link));
  }
}

void Site::Impl::CheckCrossCityLinks(Diagnostics* diags) {
  for (const CrossCityLink& link : cross_links_) {
    SourceLoc loc{link.source, link.line, link.col};
    LinkTarget target = ResolveLink(content_, *index_, link.source, link.url);
    if (target.kind == LinkTarget::Kind::kMissing) {
      ReportMissingLink(loc, link.image, link.url, target.resolved, diags, target.meant);  // as a whole build says it
    } else if (target.site_path != link.site_path) {
      diags->Error(loc, "リンク先「" + link.url + "」の URL は " + target.site_path + " です（front matter の slug:）",
                   "市町村ごとのビルドでは、他の市町村へのリンクはファイル名の URL（" + link.site_path +
                       "）になります。--city で両方の市町村を同じビルドに加えてください");
    }
  }
}

void Site::Impl::RenderPortalStep(Diagnostics* diags, StageTimer* timer) {
  CheckCrossCityLinks(diags);
  WriteThemeAssets(diags);
  timer->Done("assets");
  RunJobs(PortalJobs(), diags);
  timer->Done("lists");
  WriteOpenData({-1}, diags);
  timer->Done("opendata");
  WriteSearchIndex(diags);
  timer->Done("search");
  RenderAccessibility(diags);
  WriteDiscovery(diags);
  timer->Done("feeds");
}

}  // namespace kyodo
