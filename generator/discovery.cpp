#include "discovery.h"

#include <algorithm>
#include <functional>
#include <cstdio>
#include <tuple>
#include <unordered_map>

#include "disk.h"
#include "text.h"

namespace kyodo {

namespace {

// The day an entry counts from: its update, else its publication.
const Date& LastChange(const Page& p) { return p.updated ? *p.updated : *p.date; }

// The first day the date covers, YYYY-MM-DD (平成22年3月 → 2010-03-01). The sitemap
// needs a whole day: sitemap.xsd types lastmod as xsd:date or xsd:dateTime, so the
// shorter W3C forms (2010-03, 2010) that open data keeps do not validate there.
std::string FirstDay(const Date& d) {
  int key = d.SortKey();
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", key / 10000, key / 100 % 100, key % 100);
  return buf;
}

// RFC 3339, as Atom requires: the first day the date covers, at midnight in Japan.
std::string Rfc3339(const Date& d) { return FirstDay(d) + "T00:00:00+09:00"; }

const Page& PageOf(const ViewContext& ctx, PageRef ref) {
  return ctx.content.cities[static_cast<size_t>(ref.city)].pages[static_cast<size_t>(ref.page)];
}

// Calls `take` with each dated news and case page of one city or all, until it returns false.
void ForEachDatedEntry(const ViewContext& ctx, int city, const std::function<bool(PageRef)>& take) {
  for (size_t c = 0; c < ctx.content.cities.size(); ++c) {
    if (city >= 0 && static_cast<int>(c) != city) continue;
    const CityIndex& ix = ctx.index.city(static_cast<int>(c));
    for (const std::vector<int>* list : {&ix.news, &ix.cases}) {
      for (int p : *list) {
        if (ctx.content.cities[c].pages[static_cast<size_t>(p)].date && !take({static_cast<int>(c), p})) return;
      }
    }
  }
}

// News and cases of one city or all, newest change first; ties by date, city, news first, id.
std::vector<PageRef> FeedEntries(const ViewContext& ctx, int city) {
  std::vector<PageRef> refs;
  ForEachDatedEntry(ctx, city, [&](PageRef r) {
    refs.push_back(r);
    return true;
  });
  auto key = [&](PageRef r) {
    const Page& p = PageOf(ctx, r);
    int news_first = p.kind == PageKind::kNews ? 0 : 1;  // an お知らせ often announces the case of its day
    return std::tuple<int, int, int, int, const std::string&>(-LastChange(p).SortKey(), -p.date->SortKey(), r.city,
                                                               news_first, p.id);
  };
  std::sort(refs.begin(), refs.end(), [&](PageRef a, PageRef b) { return key(a) < key(b); });
  return refs;
}

// Whether FeedEntries(ctx, city) has any, without collecting and sorting them.
bool HasFeedEntries(const ViewContext& ctx, int city) {
  bool any = false;
  ForEachDatedEntry(ctx, city, [&](PageRef) {
    any = true;
    return false;  // one is enough
  });
  return any;
}

std::string Link(const std::string& rel, const std::string& type, const std::string& href) {
  return "<link rel=\"" + rel + "\" type=\"" + type + "\" href=\"" + XmlEscape(href) + "\"/>\n";
}

std::string Entry(const ViewContext& ctx, PageRef ref, bool with_author) {
  const Page& p = PageOf(ctx, ref);
  std::string url = AbsoluteBase(ctx.urls) + ctx.index.PathOf(ctx.content, ref);
  std::string kind = p.kind == PageKind::kNews ? "news" : "cases";
  std::string out = "<entry>\n";
  out += "<id>" + XmlEscape(url) + "</id>\n";
  out += "<title>" + XmlEscape(p.title) + "</title>\n";
  out += Link("alternate", "text/html", url);
  out += "<published>" + Rfc3339(*p.date) + "</published>\n";
  out += "<updated>" + Rfc3339(LastChange(p)) + "</updated>\n";
  if (with_author) {  // the portal's feed, where two 池田町 need their 都道府県
    out += "<author><name>" + XmlEscape(ctx.city_names[static_cast<size_t>(ref.city)]) +
           "</name></author>\n";
  }
  out += "<category term=\"" + kind + "\" label=\"" + XmlEscape(KindLabel(p.kind)) + "\"/>\n";
  if (!p.summary.empty()) out += "<summary>" + XmlEscape(p.summary) + "</summary>\n";
  return out + "</entry>\n";
}

}  // namespace

std::string XmlEscape(std::string_view s) {
  std::string kept;
  kept.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    const char ch = s[i];
    // U+FFFE and U+FFFF (EF BF BE/BF) are no XML characters either: one in a title, from a
    // YAML "\uFFFF" or a garbled paste, made the whole feed unreadable to every reader.
    if (static_cast<unsigned char>(ch) == 0xEF && s.substr(i, 2) == "\xEF\xBF" && i + 2 < s.size() &&
        (static_cast<unsigned char>(s[i + 2]) & 0xFE) == 0xBE) {
      i += 2;
      continue;
    }
    if (static_cast<unsigned char>(ch) >= 0x20 || ch == '\t' || ch == '\n' || ch == '\r') kept += ch;
  }
  return HtmlEscape(kept);  // &#39; for ' is as good in XML as in HTML
}

std::string AbsoluteBase(const Urls& urls) {
  const std::string& base = urls.canonical_base();
  return IsWebUrl(base) ? base : "";
}

std::map<int, std::string> PlanFeeds(const ViewContext& ctx) {
  std::map<int, std::string> feeds;
  if (AbsoluteBase(ctx.urls).empty()) return feeds;
  for (int c = -1; c < static_cast<int>(ctx.content.cities.size()); ++c) {
    if (!HasFeedEntries(ctx, c)) continue;
    feeds[c] = c >= 0 ? ctx.content.cities[static_cast<size_t>(c)].site.slug + "/feed.xml" : "feed.xml";
  }
  return feeds;
}

std::string AtomFeed(const ViewContext& ctx, int city, size_t limit) {
  std::vector<PageRef> entries = FeedEntries(ctx, city);
  if (entries.size() > limit) entries.resize(limit);
  const std::string base = AbsoluteBase(ctx.urls);
  std::string home = base, self = base + "feed.xml", title = ctx.content.portal.title, author = title;
  if (city >= 0) {
    const CitySite& site = ctx.content.cities[static_cast<size_t>(city)].site;
    home = base + site.slug + "/";
    self = home + "feed.xml";
    title = site.name + "の協働のまちづくり";
    author = site.name;
  }
  std::string out = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"ja\">\n";
  out += "<id>" + XmlEscape(home) + "</id>\n";
  out += "<title>" + XmlEscape(title + "（お知らせ・協働事例）") + "</title>\n";
  // The newest entry's date, not the build time: rebuilding must not change the feed.
  if (!entries.empty()) out += "<updated>" + Rfc3339(LastChange(PageOf(ctx, entries[0]))) + "</updated>\n";
  out += Link("self", "application/atom+xml", self);
  out += Link("alternate", "text/html", home);
  out += "<author><name>" + XmlEscape(author) + "</name></author>\n";
  for (PageRef ref : entries) out += Entry(ctx, ref, city < 0);
  return out + "</feed>\n";
}

std::vector<std::pair<std::string, std::string>> Sitemaps(const ViewContext& ctx, std::vector<std::string> html_paths,
                                                          size_t per_file) {
  std::unordered_map<std::string, const Page*> pages;
  for (const City& city : ctx.content.cities) {
    for (const Page& p : city.pages) pages[PagePath(city, p)] = &p;
  }
  std::erase(html_paths, "404.html");  // not a page to index
  std::sort(html_paths.begin(), html_paths.end());
  const std::string base = AbsoluteBase(ctx.urls);
  const std::string head = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n";
  const std::string ns = " xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n";
  std::vector<std::pair<std::string, std::string>> files;
  const size_t count = std::max<size_t>(1, (html_paths.size() + per_file - 1) / per_file);
  for (size_t f = 0; f < count; ++f) {
    std::string out = head + "<urlset" + ns;
    for (size_t i = f * per_file; i < html_paths.size() && i < (f + 1) * per_file; ++i) {
      const std::string& path = html_paths[i];
      out += "<url><loc>" + XmlEscape(base + path) + "</loc>";
      auto it = pages.find(path);
      if (it != pages.end()) {
        const Page& p = *it->second;
        const std::optional<Date>& changed = p.updated ? p.updated : p.date;
        if (changed) out += "<lastmod>" + FirstDay(*changed) + "</lastmod>";
      }
      out += "</url>\n";
    }
    files.emplace_back(count == 1 ? "sitemap.xml" : "sitemap-" + std::to_string(f + 1) + ".xml", out + "</urlset>\n");
  }
  if (count > 1) {  // the protocol's limit per file: sitemap.xml becomes their index
    std::string index = head + "<sitemapindex" + ns;
    for (const auto& [path, bytes] : files) index += "<sitemap><loc>" + XmlEscape(base + path) + "</loc></sitemap>\n";
    files.emplace_back("sitemap.xml", index + "</sitemapindex>\n");
  }
  return files;
}

std::string RobotsTxt(const ViewContext& ctx) {
  std::string out = "User-agent: *\nAllow: /\n";
  std::string base = AbsoluteBase(ctx.urls);
  if (!base.empty()) out += "\nSitemap: " + base + "sitemap.xml\n";
  return out;
}

void WriteDiscovery(const ViewContext& ctx, const std::vector<std::string>& html_paths, OutputSink* sink,
                    Diagnostics* diags) {
  sink->Write("robots.txt", RobotsTxt(ctx), diags);
  if (AbsoluteBase(ctx.urls).empty()) {
    if (HasFeedEntries(ctx, -1)) {
      diags->Warning({JoinPath(ctx.content.root, "_portal.yaml"), 0, 0},
                     "公開先の URL がわからないため、フィード（feed.xml）とサイトマップ（sitemap.xml）を書き出しません",
                     "_portal.yaml に base_url: https://… を書くか、--base-url https://… を指定してください");
    }
    return;
  }
  for (const auto& [city, path] : PlanFeeds(ctx)) sink->Write(path, AtomFeed(ctx, city), diags);
  for (const auto& [path, bytes] : Sitemaps(ctx, html_paths)) sink->Write(path, bytes, diags);
}

}  // namespace kyodo
