// The pages a build writes besides the content pages: each city's lists, term
// pages, group filters and top page (CityJobs), and the portal's (PortalJobs).
// Each job names its path, template and view; RunJobs renders them in parallel.
#include "site_impl.h"
#include "views.h"

namespace kyodo {

std::vector<Site::Impl::Job> Site::Impl::CityJobs(int c) {
  const City& city = content_.cities[static_cast<size_t>(c)];
  const CityIndex& ix = index_->city(c);
  const std::string& s = city.site.slug;
  const ViewContext& ctx = *ctx_;
  std::vector<Job> jobs;
  auto add = [&](std::string path, const char* tmpl, std::function<mustache::data(Diagnostics*)> view) {
    jobs.push_back({c, std::move(path), tmpl, std::move(view)});
  };
  add(s + "/", "city", [this, c](Diagnostics* d) { return CityTopView(*ctx_, c, CityIntro(c, d)); });
  for (int n = 1; n <= CaseListPages(ctx, c); ++n) {
    add(CaseListPath(city, n), "case_list", [&ctx, c, n](Diagnostics*) { return CaseListView(ctx, c, n); });
  }
  if (!ix.policies.empty()) add(s + "/policies/", "policy_list", [&ctx, c](Diagnostics*) { return PolicyListView(ctx, c); });
  for (int n = 1; !ix.news.empty() && n <= NewsListPages(ctx, c); ++n) {
    add(NewsListPath(city, n), "news_list", [&ctx, c, n](Diagnostics*) { return NewsListView(ctx, c, n); });
  }
  add(s + "/contact/", "contact", [&ctx, c](Diagnostics*) { return ContactPageView(ctx, c); });
  if (!ix.groups.empty()) {
    add(s + "/groups/", "group_list", [&ctx, c](Diagnostics*) { return GroupListView(ctx, c, "", 0); });
    int fields = city.vocab.IndexOf("fields");
    for (size_t t = 0; t < ix.field_groups.size(); ++t) {
      if (ix.field_groups[t].empty()) continue;
      int ti = static_cast<int>(t);
      add(s + "/groups/fields/" + city.vocab.at(fields).terms[t].slug + "/", "group_list",
          [&ctx, c, ti](Diagnostics*) { return GroupListView(ctx, c, "fields", ti); });
    }
    for (size_t a = 0; a < ix.area_groups.size(); ++a) {
      int ai = static_cast<int>(a);
      add(s + "/groups/area/" + index_->AreaSlug(c, ix.area_groups[a].first) + "/", "group_list",
          [&ctx, c, ai](Diagnostics*) { return GroupListView(ctx, c, "area", ai); });
    }
  }
  add(s + "/kyodo/", "kyodo", [&ctx, c](Diagnostics*) { return KyodoIndexView(ctx, c); });
  for (size_t v = 0; v < city.vocab.list().size(); ++v) {
    for (size_t t = 0; t < city.vocab.list()[v].terms.size(); ++t) {
      int vi = static_cast<int>(v), ti = static_cast<int>(t);
      for (int n = 1; n <= TermPages(ctx, c, vi, ti); ++n) {
        add(TermPagePath(ctx, c, vi, ti, n), "term", [&ctx, c, vi, ti, n](Diagnostics*) { return TermView(ctx, c, vi, ti, n); });
      }
    }
  }
  if (!city.forms.empty()) {
    add(FormListPath(ctx, c), "form_list", [&ctx, c](Diagnostics*) { return FormListView(ctx, c); });
    for (size_t f = 0; f < city.forms.size(); ++f) {
      int fi = static_cast<int>(f);
      add(FormPath(city, city.forms[f]), "form", [&ctx, c, fi](Diagnostics*) { return FormPageView(ctx, c, fi); });
    }
  }
  add(SearchPagePath(ctx, c), "search", [&ctx, c](Diagnostics*) { return SearchPageView(ctx, c); });
  for (size_t p = 0; p < city.pages.size(); ++p) {
    for (const Located& alias : city.pages[p].aliases) {
      PageRef ref{c, static_cast<int>(p)};
      std::string path = alias.value;
      add(path, "redirect", [&ctx, ref, path](Diagnostics*) { return RedirectView(ctx, ref, path); });
    }
  }
  return jobs;
}

std::vector<Site::Impl::Job> Site::Impl::PortalJobs() {
  const ViewContext& ctx = *ctx_;
  const Vocabularies& vocab = content_.shared_vocab;
  std::vector<Job> jobs;
  auto add = [&](std::string path, const char* tmpl, std::function<mustache::data(Diagnostics*)> view) {
    jobs.push_back({-1, std::move(path), tmpl, std::move(view)});
  };
  add("kyodo/", "kyodo", [&ctx](Diagnostics*) { return KyodoIndexView(ctx, -1); });
  for (size_t v = 0; v < vocab.list().size(); ++v) {
    for (size_t t = 0; t < vocab.list()[v].terms.size(); ++t) {
      int vi = static_cast<int>(v), ti = static_cast<int>(t);
      for (int n = 1; n <= TermPages(ctx, -1, vi, ti); ++n) {
        add(TermPagePath(ctx, -1, vi, ti, n), "term", [&ctx, vi, ti, n](Diagnostics*) { return TermView(ctx, -1, vi, ti, n); });
      }
    }
  }
  if (HasForms(ctx, -1)) add(FormListPath(ctx, -1), "form_list", [&ctx](Diagnostics*) { return FormListView(ctx, -1); });
  add("", "portal", [this](Diagnostics* d) { return PortalTopView(*ctx_, PortalIntro(d)); });
  add("404.html", "not_found", [&ctx](Diagnostics*) { return NotFoundView(ctx); });
  add(SearchPagePath(ctx, -1), "search", [&ctx](Diagnostics*) { return SearchPageView(ctx, -1); });
  return jobs;
}

}  // namespace kyodo
