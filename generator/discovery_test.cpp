#include "discovery.h"

#include <doctest/doctest.h>

#include "city_names.h"

namespace kyodo {
namespace {

Page Dated(PageKind kind, const std::string& id, const std::string& title, Date date,
           std::optional<Date> updated = std::nullopt) {
  Page p;
  p.kind = kind;
  p.id = id;
  p.title = title;
  p.date = date;
  p.updated = updated;
  return p;
}

/// Two cities: one with a news item and two cases, one with nothing datable.
struct Fixture {
  Content content;
  std::unique_ptr<SiteIndex> index;
  Urls urls;
  std::unique_ptr<ViewContext> ctx;

  explicit Fixture(const std::string& canonical) : urls("", canonical) {
    content.root = "content";
    content.portal.title = "協働ポータル";
    City a;
    a.site.name = "佐久市";
    a.site.slug = "saku";
    a.pages.push_back(Dated(PageKind::kNews, "shishin", "指針を策定しました", {2010, 3, 0, DatePrecision::kMonth}));
    a.pages.back().summary = "『佐久市協働基本指針』 & <概要版>";
    a.pages.push_back(Dated(PageKind::kCase, "balloon", "バルーン", {2009, 0, 0, DatePrecision::kYear},
                            Date{2011, 4, 1, DatePrecision::kDay}));
    a.pages.push_back(Dated(PageKind::kCase, "cosmos", "コスモス", {2008, 0, 0, DatePrecision::kFiscalYear}));
    a.pages.push_back(Dated(PageKind::kPolicy, "kihon", "指針", {2010, 3, 0, DatePrecision::kMonth}));
    City b;
    b.site.name = "砂川市";
    b.site.slug = "sunagawa";
    b.pages.push_back(Page{});
    b.pages.back().kind = PageKind::kPolicy;
    b.pages.back().id = "shishin";
    content.cities = {a, b};
    index = std::make_unique<SiteIndex>(SiteIndex::Build(content));
    ctx = std::make_unique<ViewContext>(ViewContext{content, *index, urls, {}, {}, false, 20, {}});
    ctx->city_names = PortalCityNames(content.cities);
    ctx->members_word = PortalMembersWord(content.cities);
  }
};

TEST_CASE("a city's Atom feed: newest change first, dates from the content, absolute URLs") {
  Fixture f("https://kyodo.example.jp/");
  CHECK(AtomFeed(*f.ctx, 0) ==
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
        "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"ja\">\n"
        "<id>https://kyodo.example.jp/saku/</id>\n"
        "<title>佐久市の協働のまちづくり（お知らせ・協働事例）</title>\n"
        "<updated>2011-04-01T00:00:00+09:00</updated>\n"
        "<link rel=\"self\" type=\"application/atom+xml\" href=\"https://kyodo.example.jp/saku/feed.xml\"/>\n"
        "<link rel=\"alternate\" type=\"text/html\" href=\"https://kyodo.example.jp/saku/\"/>\n"
        "<author><name>佐久市</name></author>\n"
        "<entry>\n"
        "<id>https://kyodo.example.jp/saku/cases/balloon/</id>\n"
        "<title>バルーン</title>\n"
        "<link rel=\"alternate\" type=\"text/html\" href=\"https://kyodo.example.jp/saku/cases/balloon/\"/>\n"
        "<published>2009-01-01T00:00:00+09:00</published>\n"
        "<updated>2011-04-01T00:00:00+09:00</updated>\n"
        "<category term=\"cases\" label=\"協働事例\"/>\n"
        "</entry>\n"
        "<entry>\n"
        "<id>https://kyodo.example.jp/saku/news/shishin/</id>\n"
        "<title>指針を策定しました</title>\n"
        "<link rel=\"alternate\" type=\"text/html\" href=\"https://kyodo.example.jp/saku/news/shishin/\"/>\n"
        "<published>2010-03-01T00:00:00+09:00</published>\n"
        "<updated>2010-03-01T00:00:00+09:00</updated>\n"
        "<category term=\"news\" label=\"お知らせ\"/>\n"
        "<summary>『佐久市協働基本指針』 &amp; &lt;概要版&gt;</summary>\n"
        "</entry>\n"
        "<entry>\n"
        "<id>https://kyodo.example.jp/saku/cases/cosmos/</id>\n"
        "<title>コスモス</title>\n"
        "<link rel=\"alternate\" type=\"text/html\" href=\"https://kyodo.example.jp/saku/cases/cosmos/\"/>\n"
        "<published>2008-04-01T00:00:00+09:00</published>\n"
        "<updated>2008-04-01T00:00:00+09:00</updated>\n"
        "<category term=\"cases\" label=\"協働事例\"/>\n"
        "</entry>\n"
        "</feed>\n");
}

TEST_CASE("the portal feed names each entry's city and keeps the limit") {
  Fixture f("https://example.org/kyodo/");
  std::string feed = AtomFeed(*f.ctx, -1, 2);
  CHECK(feed.find("<id>https://example.org/kyodo/</id>") != std::string::npos);
  CHECK(feed.find("href=\"https://example.org/kyodo/feed.xml\"") != std::string::npos);
  CHECK(feed.find("<author><name>協働ポータル</name></author>\n<entry>") != std::string::npos);
  CHECK(feed.find("<author><name>佐久市</name></author>\n<category") != std::string::npos);
  size_t entries = 0;
  for (size_t at = feed.find("<entry>"); at != std::string::npos; at = feed.find("<entry>", at + 1)) ++entries;
  CHECK(entries == 2);
}

TEST_CASE("feeds are planned only with an absolute base and for cities with entries") {
  Fixture with("https://kyodo.example.jp/");
  CHECK(PlanFeeds(*with.ctx) == std::map<int, std::string>{{-1, "feed.xml"}, {0, "saku/feed.xml"}});
  Fixture root_relative("/kyodo/");
  CHECK(PlanFeeds(*root_relative.ctx).empty());
  Fixture none("");
  CHECK(PlanFeeds(*none.ctx).empty());
  CHECK(AbsoluteBase(none.urls) == "");
}

TEST_CASE("sitemap: sorted absolute URLs, lastmod (a whole day) from updated or date, no 404") {
  Fixture f("https://kyodo.example.jp/");
  // 年度 and 年月 dates give their first day: sitemap.xsd takes only xsd:date or xsd:dateTime.
  auto files = Sitemaps(*f.ctx, {"saku/cases/cosmos/", "404.html", "saku/", "", "saku/news/shishin/", "saku/cases/balloon/"});
  REQUIRE(files.size() == 1);
  CHECK(files[0].first == "sitemap.xml");
  CHECK(files[0].second ==
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
        "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        "<url><loc>https://kyodo.example.jp/</loc></url>\n"
        "<url><loc>https://kyodo.example.jp/saku/</loc></url>\n"
        "<url><loc>https://kyodo.example.jp/saku/cases/balloon/</loc><lastmod>2011-04-01</lastmod></url>\n"
        "<url><loc>https://kyodo.example.jp/saku/cases/cosmos/</loc><lastmod>2008-04-01</lastmod></url>\n"
        "<url><loc>https://kyodo.example.jp/saku/news/shishin/</loc><lastmod>2010-03-01</lastmod></url>\n"
        "</urlset>\n");
}

TEST_CASE("past the URLs one sitemap may hold, sitemap.xml is the index of numbered sitemaps") {
  Fixture f("https://kyodo.example.jp/");
  auto files = Sitemaps(*f.ctx, {"saku/cases/cosmos/", "404.html", "saku/", "", "saku/cases/balloon/"}, 2);
  REQUIRE(files.size() == 3);
  CHECK(files[0].first == "sitemap-1.xml");
  CHECK(files[0].second ==
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
        "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        "<url><loc>https://kyodo.example.jp/</loc></url>\n"
        "<url><loc>https://kyodo.example.jp/saku/</loc></url>\n"
        "</urlset>\n");
  CHECK(files[1].first == "sitemap-2.xml");
  CHECK(files[1].second.find("<loc>https://kyodo.example.jp/saku/cases/cosmos/</loc>") != std::string::npos);
  CHECK(files[2].first == "sitemap.xml");
  CHECK(files[2].second ==
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
        "<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        "<sitemap><loc>https://kyodo.example.jp/sitemap-1.xml</loc></sitemap>\n"
        "<sitemap><loc>https://kyodo.example.jp/sitemap-2.xml</loc></sitemap>\n"
        "</sitemapindex>\n");
  // Up to the limit (404.html not counted), one sitemap.xml as before.
  auto one = Sitemaps(*f.ctx, {"saku/", "404.html", ""}, 2);
  REQUIRE(one.size() == 1);
  CHECK(one[0].first == "sitemap.xml");
  CHECK(one[0].second.find("<urlset") != std::string::npos);
  CHECK(kSitemapMaxUrls == 50000);
}

TEST_CASE("robots.txt names the sitemap only when there is one") {
  CHECK(RobotsTxt(*Fixture("https://kyodo.example.jp/").ctx) ==
        "User-agent: *\nAllow: /\n\nSitemap: https://kyodo.example.jp/sitemap.xml\n");
  CHECK(RobotsTxt(*Fixture("").ctx) == "User-agent: *\nAllow: /\n");
}

TEST_CASE("WriteDiscovery warns once when feeds cannot be written") {
  Fixture f("");
  NullSink sink;
  Diagnostics d;
  WriteDiscovery(*f.ctx, {"", "saku/"}, &sink, &d);
  CHECK(sink.files() == 1);  // robots.txt only
  REQUIRE(d.items().size() == 1);
  CHECK(d.items()[0].severity == Severity::kWarning);
  CHECK(d.items()[0].loc.file == "content/_portal.yaml");

  Fixture g("https://kyodo.example.jp/");
  NullSink sink2;
  Diagnostics d2;
  WriteDiscovery(*g.ctx, {"", "saku/"}, &sink2, &d2);
  CHECK(d2.empty());
  CHECK(sink2.files() == 4);  // robots.txt, feed.xml, saku/feed.xml, sitemap.xml
}

TEST_CASE("XmlEscape") {
  CHECK(XmlEscape("a & b <c> \"d\" 'e'") == "a &amp; b &lt;c&gt; &quot;d&quot; &#39;e&#39;");
  CHECK(XmlEscape("tab\tok\x01\x1f gone") == "tab\tok gone");
  CHECK(XmlEscape("協働") == "協働");
  // U+FFFE and U+FFFF are no XML characters: a reader refuses the whole feed.
  CHECK(XmlEscape("講座\uFFFFのお知らせ\uFFFE") == "講座のお知らせ");
  CHECK(XmlEscape("\uFFFD\uFFEF\uFFBF") == "\uFFFD\uFFEF\uFFBF");  // neighbours are kept
  CHECK(XmlEscape("\xEF\xBF") == "\xEF\xBF");
}

}  // namespace
}  // namespace kyodo
