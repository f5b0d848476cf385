// The only code that knows template variable names: turns content, index and
// rendered Markdown into Mustache data for one output page. Everything a template
// shows is computed here (hrefs, formatted dates, counts), because Mustache has no logic.
#ifndef KYODO_VIEW_MODEL_H_
#define KYODO_VIEW_MODEL_H_

#include <deque>
#include <functional>
#include <map>
#include <mutex>
#include <set>
#include <string>
#include <vector>

#include "content.h"
#include "markdown.h"
#include "site_index.h"
#include "templates.h"
#include "urls.h"

namespace kyodo {

/// True for the template variables whose values are HTML that kyodo rendered and
/// sanitised (a page's body, a city's or the portal's intro): the only ones a
/// template may write with {{{…}}}.
bool IsHtmlVariable(const std::string& name);
/// The values the views give every page that kyodo's own templates do not show
/// (a theme may: {{theme_assets_href}}favicon.svg). With the names the templates use,
/// they are what a theme's template can name without a warning.
const std::set<std::string>& VariablesNoTemplateShows();

/// Which content pages each output page shows (title, date, summary in a card or
/// a link), so `kyodo serve` re-renders exactly the pages an edit affects.
/// Thread-safe: pages are rendered in parallel.
class DependencyLog {
 public:
  void Record(const std::string& output, std::vector<PageRef> uses);
  /// Outputs that show `ref`, sorted.
  std::vector<std::string> OutputsUsing(PageRef ref) const;
  void Clear();

 private:
  mutable std::mutex mu_;
  std::map<std::string, std::vector<PageRef>> uses_;  ///< output site path → pages shown
};

/// Site-wide facts every view needs.
struct ViewContext {
  const Content& content;
  const SiteIndex& index;
  const Urls& urls;
  /// Site path of each theme's stylesheet ("assets/default/style.1a2b3c4d.css").
  std::map<std::string, std::string> theme_css;
  /// Site path of each theme's scripts by theme, then file name ("machi", "forms.js" →
  /// "assets/machi/forms.1a2b3c4d.js"); pages ask for the ones they need. Per theme, so
  /// a page's links do not depend on which other themes the build happens to use
  /// (a --city build must write the same page as the whole build).
  std::map<std::string, std::map<std::string, std::string>> scripts;
  bool search = false;  ///< a search page exists
  int cases_per_page = 20;
  /// "Today" for anything that depends on the date (deadlines): --build-date or
  /// SOURCE_DATE_EPOCH, so builds stay reproducible.
  Date build_date;
  /// Where views record which pages they show (null: not recorded, e.g. kyodo build).
  DependencyLog* deps = nullptr;
  /// Site path of the design-token stylesheet of each city (index; -1 = portal).
  std::map<int, std::string> tokens_css = {};
  /// Site path of each city's logo (site.yaml tokens: logo), by city index.
  std::map<int, std::string> logos = {};
  /// The Atom feeds this build writes: city index (-1 = portal) → site path, for
  /// <link rel="alternate"> in the head of that city's (or the portal's) pages.
  std::map<int, std::string> feeds = {};
  /// How pages listing municipalities side by side name each, by city index
  /// (PortalCityNames, worked out once per build: cards ask for it one by one).
  std::vector<std::string> city_names = {};
  /// What the portal calls its members: 市町村, 市区町村 or 自治体 (PortalMembersWord,
  /// worked out once per build: every portal term page names it).
  std::string members_word = {};
};

/// Items of a list being built for a template. A deque, not a vector: kainjow's
/// data has no noexcept move, so a growing vector deep-copies every item it holds.
using Items = std::deque<mustache::data>;

/// Sets `key` to the list and `has_<key>` to whether it has items, so templates
/// can leave out a list's heading when it is empty.
void SetList(mustache::data* d, const std::string& key, Items items);

/// City `city` of the content (city >= 0).
inline const City& CityOf(const ViewContext& ctx, int city) { return ctx.content.cities[static_cast<size_t>(city)]; }

/// Sets `key` of object `d` to `value` without copying it (kainjow's set copies).
void Put(mustache::data* d, const std::string& key, mustache::data&& value);

/// One output page being assembled: the layout data (title, breadcrumbs, nav,
/// contact, dates) plus what the page template adds under its own keys.
class PageView {
 public:
  /// `path` is the page's site path; `city` is -1 for portal pages.
  PageView(const ViewContext& ctx, std::string path, int city);

  /// The page's h1 and <title>.
  void Title(const std::string& title);
  /// A breadcrumb step above this page (the portal/city tops are added automatically).
  void Crumb(const std::string& label, const std::string& target);
  /// Which item of the city's main menu this page belongs to ("cases", "kyodo"…).
  void Section(const std::string& section) { section_ = section; }
  void Description(const std::string& text);
  /// Adds a theme script (by file name, e.g. "forms.js") to this page.
  void UseScript(const std::string& name);
  /// ページID, 掲載日 and 更新日 of a content page.
  void Meta(const std::string& page_id, const std::optional<Date>& date, const std::optional<Date>& updated);
  /// The 問い合わせ先 block (the city's default org when `org` is null).
  void Contact(const Org* org);

  /// This page shows `ref` (its title, date or summary): an edit of it re-renders this page.
  void Uses(PageRef ref) const { uses_.push_back(ref); }
  /// Link from this page to a site path.
  std::string Href(const std::string& target) const;
  /// Link from this page to the folder `dir` ("assets/machi/"), ending in '/' so a
  /// file name can follow it ("../../assets/machi/" + "favicon.svg").
  std::string FolderHref(const std::string& dir) const;
  /// Makes every link absolute (under the canonical base, when there is one): for
  /// 404.html, which a host serves at whatever address was asked for.
  void AbsoluteLinks() { absolute_links_ = true; }
  /// A date as this page's city writes it (portal pages: 西暦).
  std::string DateText(const Date& date) const;
  const City* city() const { return city_; }
  int city_index() const { return city_index_; }

  mustache::data& data() { return data_; }
  void Set(const std::string& key, mustache::data value) { Put(&data_, key, std::move(value)); }
  void SetList(const std::string& key, Items items) {
    kyodo::SetList(&data_, key, std::move(items));
  }
  /// The finished data, layout keys included (call once: the data is moved out).
  mustache::data Finish();

 private:
  mustache::data Nav() const;

  const ViewContext& ctx_;
  std::string path_;
  int city_index_;
  const City* city_;
  std::string title_, section_;
  std::vector<std::pair<std::string, std::string>> crumbs_;
  std::vector<std::string> scripts_;
  mutable std::vector<PageRef> uses_;
  bool absolute_links_ = false;  // recording, not output: filled by the const helpers that read pages
  mustache::data data_;
};

/// The ページ送り of a paged list: previous/next and the page numbers around `number`
/// (first and last always, gaps shown as 「…」). `path_of(n)` is page n's site path.
mustache::data Pagination(const PageView& view, int number, int pages, const std::function<std::string(int)>& path_of);
/// Number of pages for `items` items at ctx.cases_per_page a page (at least 1).
int PageCount(const ViewContext& ctx, size_t items);
/// mustache list from a vector of data.
mustache::data List(Items items);
/// A mustache boolean.
mustache::data Flag(bool value);
/// {name, href} links to the term pages of vocabulary key `vocab` for the given terms.
Items TermLinks(const PageView& view, const City& city, const std::string& vocab, const std::vector<int>& terms);
/// Site path of a city term page: "saku/kyodo/fields/kodomo/".
std::string TermPath(const City& city, const std::string& vocab, const Term& term);
/// 8-digit ページID of a site path, stable across builds.
std::string PageIdOf(const std::string& site_path);
/// "tel:0267622111" from "0267-62-2111".
std::string TelHref(const std::string& tel);

}  // namespace kyodo

#endif  // KYODO_VIEW_MODEL_H_
