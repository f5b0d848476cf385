// How feed readers and search engines find the site: an Atom feed per city and one
// for the portal (お知らせ and 協働事例, newest first), sitemap.xml and robots.txt.
// Feeds and sitemaps need absolute URLs, so they exist only when the canonical base
// (--base-url or _portal.yaml base_url) is an absolute http(s) URL. Every date comes
// from the content, never from the clock, so a rebuild gives the same bytes.
#ifndef KYODO_DISCOVERY_H_
#define KYODO_DISCOVERY_H_

#include <map>
#include <utility>
#include <string>
#include <vector>

#include "error.h"
#include "output.h"
#include "view_model.h"

namespace kyodo {

/// The canonical base when it is an absolute http(s) URL ("https://kyodo.example.jp/"), else "".
std::string AbsoluteBase(const Urls& urls);

/// The feeds this build writes: city index (-1 for the portal) → the feed's site path
/// ("saku/feed.xml", "feed.xml"). Empty without an absolute base; a city with neither
/// news nor cases has none.
std::map<int, std::string> PlanFeeds(const ViewContext& ctx);

/// The Atom feed of a city (or the portal, city == -1): its news and cases, newest
/// first by updated (else date), at most `limit` entries. Needs an absolute base.
std::string AtomFeed(const ViewContext& ctx, int city, size_t limit = 20);

/// How many URLs one sitemap file may list (sitemaps.org; a search engine refuses a
/// larger file whole). A portal of many municipalities passes it.
constexpr size_t kSitemapMaxUrls = 50000;

/// The sitemap files listing `html_paths` (site paths of the HTML pages written,
/// 404.html left out), sorted; content pages carry <lastmod> from updated or date.
/// One sitemap.xml up to `per_file` URLs; past that sitemap-1.xml, sitemap-2.xml… and
/// sitemap.xml as their sitemap index, so robots.txt names sitemap.xml either way.
/// Site path → bytes, the index last.
std::vector<std::pair<std::string, std::string>> Sitemaps(const ViewContext& ctx, std::vector<std::string> html_paths,
                                                          size_t per_file = kSitemapMaxUrls);

/// robots.txt: everything allowed, and the sitemap's URL when there is one.
std::string RobotsTxt(const ViewContext& ctx);

/// Writes the planned feeds, sitemap.xml and robots.txt. Warns (once) when there are
/// feeds to write but no absolute base URL to write them with.
void WriteDiscovery(const ViewContext& ctx, const std::vector<std::string>& html_paths, OutputSink* sink,
                    Diagnostics* diags);

/// XML text/attribute escaping; characters XML 1.0 cannot hold (most C0 controls, U+FFFE,
/// U+FFFF) are dropped.
std::string XmlEscape(std::string_view s);

}  // namespace kyodo

#endif  // KYODO_DISCOVERY_H_
