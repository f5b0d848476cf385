// Views of the portal's own pages: the top across municipalities and 404.
#include "city_names.h"
#include "views.h"

namespace kyodo {

mustache::data PortalTopView(const ViewContext& ctx, const std::string& intro_html) {
  PageView view(ctx, "", -1);
  view.Title(ctx.content.portal.title);
  view.Section("top");
  if (!intro_html.empty()) view.Set("intro", intro_html);  // an empty string still opens {{#intro}}
  Items cities;
  for (size_t c = 0; c < ctx.content.cities.size(); ++c) {
    const City& city = ctx.content.cities[c];
    const CityIndex& ix = ctx.index.city(static_cast<int>(c));
    mustache::data d;
    d.set("name", city.site.name);
    d.set("kana", city.site.kana);
    d.set("prefecture", city.site.prefecture);
    d.set("href", view.Href(city.site.slug + "/"));
    d.set("case_count", std::to_string(ix.cases.size()));
    d.set("group_count", std::to_string(ix.groups.size()));
    d.set("policy_count", std::to_string(ix.policies.size()));
    cities.push_back(std::move(d));
  }
  view.SetList("cities", std::move(cities));
  view.Set("municipalities", ctx.members_word);
  Items latest;
  const auto& all = ctx.index.all_cases();
  for (size_t i = 0; i < all.size() && i < 8; ++i) latest.push_back(CaseCard(view, ctx, all[i], true));
  view.SetList("latest_cases", std::move(latest));
  view.Set("case_count", std::to_string(all.size()));
  view.Set("kyodo_href", view.Href("kyodo/"));
  // The shared 形態 with their counts across the portal, as a way in.
  int modes = ctx.content.shared_vocab.IndexOf("modes");
  if (modes >= 0) {
    Items terms;
    const Vocabulary& voc = ctx.content.shared_vocab.at(modes);
    for (size_t t = 0; t < voc.terms.size(); ++t) {
      mustache::data d;
      d.set("name", voc.terms[t].name);
      d.set("count", std::to_string(ctx.index.portal_terms()[static_cast<size_t>(modes)][t].cases.size()));
      d.set("href", view.Href(TermPagePath(ctx, -1, modes, static_cast<int>(t))));
      terms.push_back(std::move(d));
    }
    view.Set("modes_label", voc.label);
    view.SetList("modes", std::move(terms));
  }
  return view.Finish();
}

mustache::data NotFoundView(const ViewContext& ctx) {
  PageView view(ctx, "404.html", -1);
  view.AbsoluteLinks();
  view.Title("ページが見つかりません");
  view.Set("kyodo_href", view.Href("kyodo/"));
  return view.Finish();
}

}  // namespace kyodo
