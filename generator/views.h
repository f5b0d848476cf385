// One function per kind of output page: each fills a PageView with what its
// template shows. Declared together so a newcomer finds every page kind here.
#ifndef KYODO_VIEWS_H_
#define KYODO_VIEWS_H_

#include <set>
#include <string>
#include <utility>
#include <vector>

#include "markdown.h"
#include "opendata.h"
#include "view_model.h"

namespace kyodo {

// ---- content pages (view_pages.cpp) ----
/// A case, group, policy, news item or free page with its rendered body.
mustache::data ContentPageView(const ViewContext& ctx, PageRef ref, const RenderedMarkdown& body);
/// The page left at an old address of a content page (its `aliases:`), sending readers on.
mustache::data RedirectView(const ViewContext& ctx, PageRef ref, const std::string& alias_path);
/// The page template a content page uses ("case", "group", "policy", "article").
const char* ContentTemplate(PageKind kind);

// ---- city pages (view_city.cpp) ----
/// The city's top page; `intro_html` is the rendered site.yaml intro.
mustache::data CityTopView(const ViewContext& ctx, int city, const std::string& intro_html);
/// Page `number` (1-based) of the city's case list.
mustache::data CaseListView(const ViewContext& ctx, int city, int number);
/// Number of case-list pages of a city (at least 1).
int CaseListPages(const ViewContext& ctx, int city);
/// Site path of case-list page `number`.
std::string CaseListPath(const City& city, int number);
mustache::data PolicyListView(const ViewContext& ctx, int city);
/// Page `number` (1-based) of the city's お知らせ list, newest first; paged as the case
/// list is, so a city that posts every week does not get one page of 1,000 links.
mustache::data NewsListView(const ViewContext& ctx, int city, int number);
/// Number of お知らせ list pages of a city (at least 1).
int NewsListPages(const ViewContext& ctx, int city);
/// Site path of お知らせ list page `number`.
std::string NewsListPath(const City& city, int number);
mustache::data ContactPageView(const ViewContext& ctx, int city);
/// The 市民活動団体 directory: all groups (filter_kind ""), or those of one
/// 分野 term (filter_kind "fields", filter = term index) or one 地域 (filter_kind
/// "area", filter = index into area_groups).
mustache::data GroupListView(const ViewContext& ctx, int city, const std::string& filter_kind, int filter);

// ---- 協働 index (view_kyodo.cpp) ----
/// A city's 協働 index (city >= 0) or the portal's (city == -1).
mustache::data KyodoIndexView(const ViewContext& ctx, int city);
/// The page of one term: vocabulary `v` and term `t` of the city (or shared, for the portal).
mustache::data TermView(const ViewContext& ctx, int city, int v, int t, int number);
/// Number of pages of a term's list of cases (at least 1).
int TermPages(const ViewContext& ctx, int city, int v, int t);
/// Site path of a term page; city == -1 for the portal.
std::string TermPagePath(const ViewContext& ctx, int city, int v, int t, int number = 1);

// ---- open data (view_opendata.cpp) ----
/// The opendata/ page of a city (or of the portal, city == -1): every file to download
/// with its format and size, its columns, and how the files are encoded.
mustache::data OpenDataView(const ViewContext& ctx, int city, const std::vector<OpenDataTable>& tables,
                            const std::vector<OpenDataFile>& files);

// ---- portal (view_portal.cpp) ----
mustache::data PortalTopView(const ViewContext& ctx, const std::string& intro_html);
mustache::data NotFoundView(const ViewContext& ctx);

// ---- accessibility (view_accessibility.cpp) ----
struct A11yReport;
struct ResolvedTheme;
/// What the ウェブアクセシビリティ方針・試験結果 page shows as evidence.
struct AccessibilityEvidence {
  const A11yReport* report = nullptr;  ///< the last browser gate run (--a11y-report); null: none given
  /// Each design the pages use, with the contrast the build computed: 「佐久市（machi テーマ）」.
  std::vector<std::pair<std::string, const ResolvedTheme*>> palettes;
  const std::set<std::string>* pages = nullptr;  ///< site paths this build wrote (to link tested pages)
};
/// Site path of the page: "saku/accessibility/", or "accessibility/" for the portal (city -1).
std::string AccessibilityPath(int city, const ViewContext& ctx);
mustache::data AccessibilityView(const ViewContext& ctx, int city, const AccessibilityEvidence& evidence);

// ---- forms (view_forms.cpp) ----
/// The page of form `index` of a city: purpose, deadline, steps, fields, where the answers go.
mustache::data FormPageView(const ViewContext& ctx, int city, int index);
/// The forms of a city (city >= 0) or of every city (city == -1).
mustache::data FormListView(const ViewContext& ctx, int city);
/// Site path of a form page: "saku/forms/teian/" (its JSON Schema is schema.json in it).
std::string FormPath(const City& city, const Form& form);
/// Site path of the list of forms: "saku/forms/", or "forms/" for the portal.
std::string FormListPath(const ViewContext& ctx, int city);
/// Absolute URL of a form's schema.json under the canonical base ("" without one).
std::string FormSchemaUrl(const ViewContext& ctx, int city, int index);
/// Whether the city (or, for -1, any city) has forms: the menu and lists show them then.
bool HasForms(const ViewContext& ctx, int city);
/// The forms of a city as list items, for its top page.
Items FormLinks(const PageView& view, const ViewContext& ctx, int city);

// ---- search (view_search.cpp) ----
/// The search page of a city (city >= 0) or of the portal (city == -1).
mustache::data SearchPageView(const ViewContext& ctx, int city);
/// Its site path: "saku/search/" or "search/".
std::string SearchPagePath(const ViewContext& ctx, int city);

/// A case as an item of a list (shared by every list of cases).
mustache::data CaseCard(const PageView& view, const ViewContext& ctx, PageRef ref, bool show_city);

}  // namespace kyodo

#endif  // KYODO_VIEWS_H_
