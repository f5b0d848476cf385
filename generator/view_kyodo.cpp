// Views of the 協働 index: facets 形態 × 分野 × 主体 × 協働の型 with counts, and one
// page per term, for a city (city >= 0) or across the portal (city == -1).
#include <algorithm>

#include "city_names.h"
#include "views.h"

namespace kyodo {

namespace {

// The vocabularies seen by a city, or the shared ones for the portal.
const Vocabularies& VocabOf(const ViewContext& ctx, int city) {
  return city >= 0 ? ctx.content.cities[static_cast<size_t>(city)].vocab : ctx.content.shared_vocab;
}

// The cases tagged with a term, newest first, read in place: a portal term page
// shows 20 of what can be thousands, and every one of its pages asks.
class TermCases {
 public:
  TermCases(const ViewContext& ctx, int city, int v, int t)
      : city_(city),
        city_pages_(city >= 0 ? &ctx.index.city(city).term_cases[static_cast<size_t>(v)][static_cast<size_t>(t)] : nullptr),
        portal_(city < 0 ? &ctx.index.portal_terms()[static_cast<size_t>(v)][static_cast<size_t>(t)].cases : nullptr) {}
  size_t size() const { return city_pages_ ? city_pages_->size() : portal_->size(); }
  PageRef operator[](size_t i) const { return city_pages_ ? PageRef{city_, (*city_pages_)[i]} : (*portal_)[i]; }

 private:
  int city_;
  const std::vector<int>* city_pages_;
  const std::vector<PageRef>* portal_;
};

std::string IndexPath(const ViewContext& ctx, int city) {
  return city >= 0 ? ctx.content.cities[static_cast<size_t>(city)].site.slug + "/kyodo/" : "kyodo/";
}

}  // namespace

std::string TermPagePath(const ViewContext& ctx, int city, int v, int t, int number) {
  const Vocabulary& voc = VocabOf(ctx, city).at(v);
  std::string base = IndexPath(ctx, city) + voc.key + "/" + voc.terms[static_cast<size_t>(t)].slug + "/";
  return number <= 1 ? base : base + "page/" + std::to_string(number) + "/";
}

mustache::data KyodoIndexView(const ViewContext& ctx, int city) {
  PageView view(ctx, IndexPath(ctx, city), city);
  const std::string& members = ctx.members_word;
  view.Title(city >= 0 ? "協働の索引" : "協働の索引（全" + members + "）");
  if (city < 0) view.Set("municipalities", members);
  view.Section("kyodo");
  if (city >= 0) view.Contact(nullptr);
  const Vocabularies& vocab = VocabOf(ctx, city);
  Items vocabs;
  size_t total = city >= 0 ? ctx.index.city(city).cases.size() : ctx.index.all_cases().size();
  for (size_t v = 0; v < vocab.list().size(); ++v) {
    const Vocabulary& voc = vocab.list()[v];
    Items terms;
    for (size_t t = 0; t < voc.terms.size(); ++t) {
      size_t count = TermCases(ctx, city, static_cast<int>(v), static_cast<int>(t)).size();
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
  view.Set("has_cases", Flag(total > 0));  // a municipality just added has none yet
  if (city < 0) {
    // Each city's own index, for terms a city added itself.
    Items cities;
    for (size_t c = 0; c < ctx.content.cities.size(); ++c) {
      const City& ci = ctx.content.cities[c];
      mustache::data d;
      d.set("name", ctx.city_names[c]);
      d.set("href", view.Href(ci.site.slug + "/kyodo/"));
      d.set("count", std::to_string(ctx.index.city(static_cast<int>(c)).cases.size()));
      cities.push_back(std::move(d));
    }
    view.SetList("cities", std::move(cities));
  }
  return view.Finish();
}

int TermPages(const ViewContext& ctx, int city, int v, int t) { return PageCount(ctx, TermCases(ctx, city, v, t).size()); }

mustache::data TermView(const ViewContext& ctx, int city, int v, int t, int number) {
  const Vocabulary& voc = VocabOf(ctx, city).at(v);
  const Term& term = voc.terms[static_cast<size_t>(t)];
  PageView view(ctx, TermPagePath(ctx, city, v, t, number), city);
  view.Section("kyodo");
  const std::string& members = ctx.members_word;
  view.Crumb(city >= 0 ? "協働の索引" : "協働の索引（全" + members + "）", IndexPath(ctx, city));
  if (city < 0) view.Set("municipalities", members);
  std::string title = voc.label + "：" + term.name;
  if (number > 1) {
    view.Crumb(title, TermPagePath(ctx, city, v, t, 1));
    title += "（" + std::to_string(number) + "ページ目）";
  }
  view.Title(title);
  if (city >= 0) view.Contact(nullptr);
  if (!term.description.empty() && number == 1) view.Set("description_text", term.description);
  if (!voc.source.empty() && number == 1) view.Set("source", voc.source);
  view.Set("vocab_label", voc.label);
  view.Set("term", term.name);
  const TermCases cases(ctx, city, v, t);
  view.Set("count", std::to_string(cases.size()));
  // Newest first, a page at a time (a shared term can have thousands of cases across a prefecture).
  size_t per = static_cast<size_t>(ctx.cases_per_page);
  size_t first = std::min(static_cast<size_t>(number - 1) * per, cases.size());
  size_t last = std::min(first + per, cases.size());
  Items cards;
  for (size_t i = first; i < last; ++i) cards.push_back(CaseCard(view, ctx, cases[i], city < 0));
  view.SetList("cases", std::move(cards));
  int pages = TermPages(ctx, city, v, t);
  view.Set("several", Flag(cases.size() > 1));  // one case has no order to name
  if (pages > 1) {
    // 「1〜6件目」 only when the cases run over pages: on one page it read 「新しい順に 1〜1件目」.
    view.Set("range", std::to_string(first + 1) + "〜" + std::to_string(last));
    view.Set("pagination", Pagination(view, number, pages, [&](int n) { return TermPagePath(ctx, city, v, t, n); }));
  }
  if (city < 0 && number == 1) {
    // The portal also says how many cases each municipality has, linking its own page of the term.
    std::vector<size_t> per_city(ctx.content.cities.size());
    for (size_t i = 0; i < cases.size(); ++i) ++per_city[static_cast<size_t>(cases[i].city)];
    Items counts;
    for (size_t c = 0; c < ctx.content.cities.size(); ++c) {
      const size_t n = per_city[c];
      if (n == 0) continue;
      const City& ci = ctx.content.cities[c];
      mustache::data d;
      d.set("name", ctx.city_names[c]);
      d.set("count", std::to_string(n));
      if (ci.vocab.IndexOf(voc.key) >= 0) d.set("href", view.Href(TermPath(ci, voc.key, term)));
      counts.push_back(std::move(d));
    }
    view.SetList("city_counts", std::move(counts));
  }
  // The other terms of the same vocabulary, to move sideways without going back.
  Items siblings;
  for (size_t s = 0; s < voc.terms.size(); ++s) {
    size_t count = TermCases(ctx, city, v, static_cast<int>(s)).size();
    if (count == 0 || static_cast<int>(s) == t) continue;
    mustache::data d;
    d.set("name", voc.terms[s].name);
    d.set("count", std::to_string(count));
    d.set("href", view.Href(TermPagePath(ctx, city, v, static_cast<int>(s))));
    siblings.push_back(std::move(d));
  }
  view.SetList("siblings", std::move(siblings));
  // The cards come right after the h1, except on the portal's first page, under 「協働事例」.
  view.Set("card_level", city < 0 && number == 1 ? "3" : "2");
  return view.Finish();
}

}  // namespace kyodo
