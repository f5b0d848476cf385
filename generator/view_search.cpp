// The search page of the portal (search/) and of each city (<city>/search/).
// The page itself is static: search.js loads the index next to it and fills in
// the filters and results; without JavaScript the page says so and points to
// the 協働 index, which can be browsed without it.
#include "city_names.h"
#include "views.h"

namespace kyodo {

std::string SearchPagePath(const ViewContext& ctx, int city) {
  return city >= 0 ? ctx.content.cities[static_cast<size_t>(city)].site.slug + "/search/" : "search/";
}

mustache::data SearchPageView(const ViewContext& ctx, int city) {
  const std::string path = SearchPagePath(ctx, city);
  PageView view(ctx, path, city);
  view.Title(city >= 0 ? "サイト内検索" : "サイト内検索（全" + ctx.members_word + "）");
  if (city < 0) view.Set("municipalities", ctx.members_word);
  view.Description("協働の指針・計画、協働事例、市民活動団体などを言葉で探せます。");
  view.UseScript("search.js");
  // No header search box here: the page's own form is the one. A second, empty
  // box above it was a second search landmark and pushed the results below a
  // phone's screen.
  view.Set("search_href", Flag(false));
  // search.js builds result links as root + site path (+ index.html when the site
  // uses relative links, so it also works opened from disk).
  std::string root = view.Href("");
  const std::string index_html = "index.html";
  const bool with_index = root.size() >= index_html.size() &&
                          root.compare(root.size() - index_html.size(), index_html.size(), index_html) == 0;
  if (with_index) root.resize(root.size() - index_html.size());
  view.Set("search_root", root);
  view.Set("search_suffix", with_index ? index_html : "");
  view.Set("search_index", path);
  view.Set("search_action", view.Href(path));
  view.Set("search_scope", city >= 0 ? view.city()->site.name : ctx.content.portal.title);
  view.Set("kyodo_href", view.Href(city >= 0 ? view.city()->site.slug + "/kyodo/" : "kyodo/"));
  // A city's search that finds nothing offers the same words across every city.
  if (city >= 0) view.Set("search_all_href", view.Href(SearchPagePath(ctx, -1)));
  return view.Finish();
}

}  // namespace kyodo
