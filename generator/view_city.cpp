// Views of a city's own pages: its top, the lists of cases, policies and news,
// and the page of contacts (the 市民活動団体 directory is in view_groups.cpp).
#include <algorithm>

#include "views.h"

namespace kyodo {

namespace {

mustache::data SimpleLink(const PageView& view, const ViewContext& ctx, int city, int page) {
  view.Uses({city, page});
  const City& c = CityOf(ctx, city);
  const Page& p = c.pages[static_cast<size_t>(page)];
  mustache::data d;
  d.set("title", p.title);
  d.set("href", view.Href(PagePath(c, p)));
  if (!p.summary.empty()) d.set("summary", p.summary);
  if (p.date) {
    d.set("date", view.DateText(*p.date));
    d.set("date_iso", IsoFirst(*p.date));  // a 年度 as its first month, as in the open data
  }
  if (!p.policy.kind.empty()) d.set("kind", p.policy.kind);
  if (p.policy.period) d.set("period", FormatPeriod(*p.policy.period, c.site.date_style));
  return d;
}

Items Cards(const PageView& view, const ViewContext& ctx, int city, const std::vector<int>& pages, size_t limit) {
  Items items;
  for (size_t i = 0; i < pages.size() && i < limit; ++i) items.push_back(CaseCard(view, ctx, {city, pages[i]}, false));
  return items;
}

}  // namespace

std::string CaseListPath(const City& city, int number) {
  std::string base = city.site.slug + "/cases/";
  return number <= 1 ? base : base + "page/" + std::to_string(number) + "/";
}

int CaseListPages(const ViewContext& ctx, int city) { return PageCount(ctx, ctx.index.city(city).cases.size()); }

mustache::data CityTopView(const ViewContext& ctx, int city, const std::string& intro_html) {
  const City& c = CityOf(ctx, city);
  const CityIndex& ix = ctx.index.city(city);
  PageView view(ctx, c.site.slug + "/", city);
  view.Title(c.site.name + "の協働のまちづくり");
  view.Section("top");
  view.Contact(nullptr);
  if (!intro_html.empty()) view.Set("intro", intro_html);  // an empty string still opens {{#intro}}
  // The 基本方針 shown on the top come from the first policy (by weight) that lists them.
  for (int pi : ix.policies) {
    const Page& p = c.pages[static_cast<size_t>(pi)];
    if (p.policy.basic_policies.empty()) continue;
    mustache::data main = SimpleLink(view, ctx, city, pi);
    Items items;
    for (const BasicPolicy& b : p.policy.basic_policies) items.push_back(mustache::data(b.title));
    SetList(&main, "items", std::move(items));
    view.Set("basic_policies", main);
    break;
  }
  Items policies;
  for (int pi : ix.policies) policies.push_back(SimpleLink(view, ctx, city, pi));
  view.SetList("policies", std::move(policies));
  view.SetList("latest_cases", Cards(view, ctx, city, ix.cases, 6));
  view.Set("has_more_cases", Flag(ix.cases.size() > 6));
  view.Set("cases_href", view.Href(c.site.slug + "/cases/"));
  view.Set("case_count", std::to_string(ix.cases.size()));
  view.Set("kyodo_href", view.Href(c.site.slug + "/kyodo/"));
  view.Set("groups_href", view.Href(c.site.slug + "/groups/"));
  view.Set("group_count", std::to_string(ix.groups.size()));
  view.Set("has_groups", Flag(!ix.groups.empty()));
  Items news, pages;
  for (size_t i = 0; i < ix.news.size() && i < 5; ++i) news.push_back(SimpleLink(view, ctx, city, ix.news[i]));
  for (int pi : ix.pages) pages.push_back(SimpleLink(view, ctx, city, pi));
  view.SetList("news", std::move(news));
  view.Set("news_href", view.Href(c.site.slug + "/news/"));
  view.SetList("pages", std::move(pages));
  view.SetList("forms", FormLinks(view, ctx, city));
  view.Set("forms_href", view.Href(FormListPath(ctx, city)));
  return view.Finish();
}

mustache::data CaseListView(const ViewContext& ctx, int city, int number) {
  const City& c = CityOf(ctx, city);
  const CityIndex& ix = ctx.index.city(city);
  int pages = CaseListPages(ctx, city);
  PageView view(ctx, CaseListPath(c, number), city);
  view.Section("cases");
  if (number > 1) {
    view.Crumb("協働事例", CaseListPath(c, 1));
    view.Title("協働事例（" + std::to_string(number) + "ページ目）");
  } else {
    view.Title("協働事例");
  }
  view.Contact(nullptr);
  size_t per = static_cast<size_t>(ctx.cases_per_page);
  size_t first = static_cast<size_t>(number - 1) * per;
  std::vector<int> slice(ix.cases.begin() + static_cast<long>(std::min(first, ix.cases.size())),
                         ix.cases.begin() + static_cast<long>(std::min(first + per, ix.cases.size())));
  view.SetList("cases", Cards(view, ctx, city, slice, slice.size()));
  view.Set("card_level", "2");  // the cards come right after the h1
  view.Set("total", std::to_string(ix.cases.size()));
  // 「1〜6件目」 only when the list runs over pages: on one page it read 「全1件のうち 1〜1件目」.
  if (pages > 1) {
    view.Set("range", std::to_string(first + 1) + "〜" + std::to_string(first + slice.size()));
    view.Set("pagination", Pagination(view, number, pages, [&](int n) { return CaseListPath(c, n); }));
  }
  view.Set("several", Flag(ix.cases.size() > 1));  // one case has no order to name
  view.Set("kyodo_href", view.Href(c.site.slug + "/kyodo/"));
  return view.Finish();
}

namespace {

// Every policy below `pi`, depth first. The depth is bounded: a parent cycle is
// reported as an error elsewhere and must not hang the list.
void AddDescendants(const CityIndex& ix, int pi, std::vector<int>* out, int depth = 0) {
  auto it = ix.policy_children.find(pi);
  if (it == ix.policy_children.end() || depth > 16) return;
  for (int ci : it->second) {
    out->push_back(ci);
    AddDescendants(ix, ci, out, depth + 1);
  }
}

}  // namespace

mustache::data PolicyListView(const ViewContext& ctx, int city) {
  const City& c = CityOf(ctx, city);
  const CityIndex& ix = ctx.index.city(city);
  PageView view(ctx, c.site.slug + "/policies/", city);
  view.Title("基本指針・計画");
  view.Section("policies");
  view.Contact(nullptr);
  Items items;
  for (int pi : ix.policies) {
    if (!c.pages[static_cast<size_t>(pi)].policy.parent.value.empty()) continue;  // listed under the parent
    mustache::data d = SimpleLink(view, ctx, city, pi);
    Items children;
    auto it = ix.policy_children.find(pi);
    if (it != ix.policy_children.end()) {
      // A 行動計画 under a 推進計画 under a 指針 is listed under the 推進計画: the list
      // shows top-level policies only, and it was on no list at all.
      for (int ci : it->second) {
        mustache::data child = SimpleLink(view, ctx, city, ci);
        std::vector<int> below;
        AddDescendants(ix, ci, &below);
        Items grandchildren;
        for (int gi : below) grandchildren.push_back(SimpleLink(view, ctx, city, gi));
        SetList(&child, "children", std::move(grandchildren));
        children.push_back(std::move(child));
      }
    }
    SetList(&d, "children", std::move(children));
    items.push_back(std::move(d));
  }
  view.SetList("policies", std::move(items));
  return view.Finish();
}

std::string NewsListPath(const City& city, int number) {
  std::string base = city.site.slug + "/news/";
  return number <= 1 ? base : base + "page/" + std::to_string(number) + "/";
}

int NewsListPages(const ViewContext& ctx, int city) { return PageCount(ctx, ctx.index.city(city).news.size()); }

mustache::data NewsListView(const ViewContext& ctx, int city, int number) {
  const City& c = CityOf(ctx, city);
  const std::vector<int>& news = ctx.index.city(city).news;
  int pages = NewsListPages(ctx, city);
  PageView view(ctx, NewsListPath(c, number), city);
  view.Section("news");
  if (number > 1) {
    view.Crumb("お知らせ", NewsListPath(c, 1));
    view.Title("お知らせ（" + std::to_string(number) + "ページ目）");
  } else {
    view.Title("お知らせ");
  }
  view.Contact(nullptr);
  size_t per = static_cast<size_t>(ctx.cases_per_page);
  size_t first = std::min(static_cast<size_t>(number - 1) * per, news.size());
  size_t last = std::min(first + per, news.size());
  Items items;
  for (size_t i = first; i < last; ++i) items.push_back(SimpleLink(view, ctx, city, news[i]));
  view.SetList("news", std::move(items));
  if (pages > 1) {  // as on the case list: 「全1件のうち 1〜1件目」 would say nothing
    view.Set("total", std::to_string(news.size()));
    view.Set("range", std::to_string(first + 1) + "〜" + std::to_string(last));
    view.Set("pagination", Pagination(view, number, pages, [&](int n) { return NewsListPath(c, n); }));
  }
  return view.Finish();
}

mustache::data ContactPageView(const ViewContext& ctx, int city) {
  const City& c = CityOf(ctx, city);
  PageView view(ctx, c.site.slug + "/contact/", city);
  view.Title("問い合わせ先");
  view.Section("contact");
  Items orgs;
  for (const Org& org : c.orgs) {
    PageView block(ctx, c.site.slug + "/contact/", city);
    block.Contact(&org);
    const mustache::data* contact = block.data().get("contact");
    mustache::data d = contact ? *contact : mustache::data();
    d.set("id", "org-" + org.id);
    orgs.push_back(std::move(d));
  }
  view.SetList("orgs", std::move(orgs));
  return view.Finish();
}

}  // namespace kyodo
