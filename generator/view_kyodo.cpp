// Views of the 協働 index: facets 形態 × 分野 × 主体 × 協働の型 with counts, and one
// page per term, for a city (city >= 0) or across the portal (city == -1).
#include "views.h"

namespace kyodo {

namespace {

// The vocabularies seen by a city, or the shared ones for the portal.
const Vocabularies& VocabOf(const ViewContext& ctx, int city) {
  return city >= 0 ? ctx.content.cities[static_cast<size_t>(city)].vocab : ctx.content.shared_vocab;
}

std::vector<PageRef> CasesOf(const ViewContext& ctx, int city, int v, int t) {
  std::vector<PageRef> out;
  if (city >= 0) {
    for (int p : ctx.index.city(city).term_cases[static_cast<size_t>(v)][static_cast<size_t>(t)]) {
      out.push_back({city, p});
    }
  } else {
    out = ctx.index.portal_terms()[static_cast<size_t>(v)][static_cast<size_t>(t)].cases;
  }
  return out;
}

std::string IndexPath(const ViewContext& ctx, int city) {
  return city >= 0 ? ctx.content.cities[static_cast<size_t>(city)].site.slug + "/kyodo/" : "kyodo/";
}

}  // namespace

std::string TermPagePath(const ViewContext& ctx, int city, int v, int t) {
  const Vocabulary& voc = VocabOf(ctx, city).at(v);
  return IndexPath(ctx, city) + voc.key + "/" + voc.terms[static_cast<size_t>(t)].slug + "/";
}

mustache::data KyodoIndexView(const ViewContext& ctx, int city) {
  PageView view(ctx, IndexPath(ctx, city), city);
  view.Title(city >= 0 ? "協働の索引" : "協働の索引（全市町村）");
  view.Section("kyodo");
  if (city >= 0) view.Contact(nullptr);
  const Vocabularies& vocab = VocabOf(ctx, city);
  std::vector<mustache::data> vocabs;
  size_t total = city >= 0 ? ctx.index.city(city).cases.size() : ctx.index.all_cases().size();
  for (size_t v = 0; v < vocab.list().size(); ++v) {
    const Vocabulary& voc = vocab.list()[v];
    std::vector<mustache::data> terms;
    for (size_t t = 0; t < voc.terms.size(); ++t) {
      size_t count = CasesOf(ctx, city, static_cast<int>(v), static_cast<int>(t)).size();
      mustache::data d;
      d.set("name", voc.terms[t].name);
      d.set("count", std::to_string(count));
      d.set("has_cases", Flag(count > 0));
      d.set("href", view.Href(TermPagePath(ctx, city, static_cast<int>(v), static_cast<int>(t))));
      if (!voc.terms[t].city.empty()) d.set("local", Flag(true));
      terms.push_back(std::move(d));
    }
    mustache::data d;
    d.set("label", voc.label);
    d.set("key", voc.key);
    if (!voc.source.empty()) d.set("source", voc.source);
    SetList(&d, "terms", std::move(terms));
    vocabs.push_back(std::move(d));
  }
  view.SetList("vocabs", std::move(vocabs));
  view.Set("total", std::to_string(total));
  if (city < 0) {
    // Each city's own index, for terms a city added itself.
    std::vector<mustache::data> cities;
    for (size_t c = 0; c < ctx.content.cities.size(); ++c) {
      const City& ci = ctx.content.cities[c];
      mustache::data d;
      d.set("name", ci.site.name);
      d.set("href", view.Href(ci.site.slug + "/kyodo/"));
      d.set("count", std::to_string(ctx.index.city(static_cast<int>(c)).cases.size()));
      cities.push_back(std::move(d));
    }
    view.SetList("cities", std::move(cities));
  }
  return view.Finish();
}

mustache::data TermView(const ViewContext& ctx, int city, int v, int t) {
  const Vocabulary& voc = VocabOf(ctx, city).at(v);
  const Term& term = voc.terms[static_cast<size_t>(t)];
  PageView view(ctx, TermPagePath(ctx, city, v, t), city);
  view.Section("kyodo");
  view.Crumb(city >= 0 ? "協働の索引" : "協働の索引（全市町村）", IndexPath(ctx, city));
  view.Title(voc.label + "：" + term.name);
  if (city >= 0) view.Contact(nullptr);
  if (!term.description.empty()) view.Set("description_text", term.description);
  if (!voc.source.empty()) view.Set("source", voc.source);
  view.Set("vocab_label", voc.label);
  view.Set("term", term.name);
  std::vector<PageRef> cases = CasesOf(ctx, city, v, t);
  view.Set("count", std::to_string(cases.size()));
  if (city >= 0) {
    std::vector<mustache::data> cards;
    for (const PageRef& ref : cases) cards.push_back(CaseCard(view, ctx, ref, false));
    view.SetList("cases", std::move(cards));
    view.Set("card_level", "2");  // the cards come right after the h1
  } else {
    // On the portal the cases are grouped by municipality.
    std::vector<mustache::data> groups;
    for (size_t c = 0; c < ctx.content.cities.size(); ++c) {
      std::vector<mustache::data> cards;
      for (const PageRef& ref : cases) {
        if (ref.city == static_cast<int>(c)) cards.push_back(CaseCard(view, ctx, ref, false));
      }
      if (cards.empty()) continue;
      const City& ci = ctx.content.cities[c];
      mustache::data g;
      g.set("name", ci.site.name);
      g.set("id", "city-" + ci.site.slug);
      int cv = ci.vocab.IndexOf(voc.key);
      if (cv >= 0) g.set("href", view.Href(TermPath(ci, voc.key, term)));
      g.set("count", std::to_string(cards.size()));
      SetList(&g, "cases", std::move(cards));
      groups.push_back(std::move(g));
    }
    view.SetList("city_groups", std::move(groups));
  }
  // The other terms of the same vocabulary, to move sideways without going back.
  std::vector<mustache::data> siblings;
  for (size_t s = 0; s < voc.terms.size(); ++s) {
    size_t count = CasesOf(ctx, city, v, static_cast<int>(s)).size();
    if (count == 0 || static_cast<int>(s) == t) continue;
    mustache::data d;
    d.set("name", voc.terms[s].name);
    d.set("count", std::to_string(count));
    d.set("href", view.Href(TermPagePath(ctx, city, v, static_cast<int>(s))));
    siblings.push_back(std::move(d));
  }
  view.SetList("siblings", std::move(siblings));
  return view.Finish();
}

}  // namespace kyodo
