#include "view_model.h"

#include <xxhash.h>

#include <algorithm>

namespace kyodo {

// kainjow's set() and push_back() take const& and deep-copy, so a page's data
// tree would be copied once per nesting level. Insert a cheap placeholder and
// move the real value into it instead (the element is ours, never const).
void Put(mustache::data* d, const std::string& key, mustache::data&& value) {
  d->set(key, mustache::data(false));
  *const_cast<mustache::data*>(d->get(key)) = std::move(value);
}

mustache::data List(Items items) {
  mustache::data list{mustache::data::type::list};
  // Room for every item first: growing would deep-copy the items already moved in.
  const_cast<mustache::basic_list<std::string>&>(list.list_value()).reserve(items.size());
  for (auto& item : items) {
    list.push_back(mustache::data(false));
    const_cast<mustache::data&>(list.list_value().back()) = std::move(item);
  }
  return list;
}

void SetList(mustache::data* d, const std::string& key, Items items) {
  d->set("has_" + key, Flag(!items.empty()));
  Put(d, key, List(std::move(items)));
}

void DependencyLog::Record(const std::string& output, std::vector<PageRef> uses) {
  std::lock_guard<std::mutex> lock(mu_);
  uses_[output] = std::move(uses);
}

std::vector<std::string> DependencyLog::OutputsUsing(PageRef ref) const {
  std::lock_guard<std::mutex> lock(mu_);
  std::vector<std::string> out;
  for (const auto& [output, uses] : uses_) {
    if (std::find(uses.begin(), uses.end(), ref) != uses.end()) out.push_back(output);
  }
  return out;
}

void DependencyLog::Clear() {
  std::lock_guard<std::mutex> lock(mu_);
  uses_.clear();
}

int PageCount(const ViewContext& ctx, size_t items) {
  size_t per = static_cast<size_t>(ctx.cases_per_page);
  return std::max<int>(1, static_cast<int>((items + per - 1) / per));
}

mustache::data Pagination(const PageView& view, int number, int pages, const std::function<std::string(int)>& path_of) {
  mustache::data pager;
  if (number > 1) pager.set("prev_href", view.Href(path_of(number - 1)));
  if (number < pages) pager.set("next_href", view.Href(path_of(number + 1)));
  Items items;
  int last_shown = 0;
  for (int n = 1; n <= pages; ++n) {
    // A term with hundreds of pages lists only the neighbourhood of the current one.
    if (n != 1 && n != pages && (n < number - 2 || n > number + 2)) continue;
    if (n > last_shown + 1) {
      mustache::data gap;
      gap.set("gap", Flag(true));
      items.push_back(std::move(gap));
    }
    mustache::data d;
    d.set("number", std::to_string(n));
    d.set("href", view.Href(path_of(n)));
    d.set("current", Flag(n == number));
    d.set("gap", Flag(false));
    items.push_back(std::move(d));
    last_shown = n;
  }
  SetList(&pager, "pages", std::move(items));
  return pager;
}

mustache::data Flag(bool value) {
  return mustache::data{value ? mustache::data::type::bool_true : mustache::data::type::bool_false};
}

std::string TermPath(const City& city, const std::string& vocab, const Term& term) {
  return city.site.slug + "/kyodo/" + vocab + "/" + term.slug + "/";
}

Items TermLinks(const PageView& view, const City& city, const std::string& vocab, const std::vector<int>& terms) {
  Items items;
  int v = city.vocab.IndexOf(vocab);
  if (v < 0) return items;
  for (int t : terms) {
    const Term& term = city.vocab.at(v).terms[static_cast<size_t>(t)];
    mustache::data item;
    item.set("name", term.name);
    item.set("href", view.Href(TermPath(city, vocab, term)));
    items.push_back(std::move(item));
  }
  return items;
}

std::string PageIdOf(const std::string& site_path) {
  // A hash keeps the ID stable when other pages are added or removed, which a
  // running number would not; 8 digits keep collisions rare at 100k pages.
  uint64_t h = XXH64(site_path.data(), site_path.size(), 0);
  return std::to_string(10000000 + h % 90000000);
}

std::string TelHref(const std::string& tel) {
  std::string digits;
  for (char c : tel) {
    if ((c >= '0' && c <= '9') || c == '+') digits += c;
  }
  return "tel:" + digits;
}

PageView::PageView(const ViewContext& ctx, std::string path, int city)
    : ctx_(ctx),
      path_(std::move(path)),
      city_index_(city),
      city_(city >= 0 ? &ctx.content.cities[static_cast<size_t>(city)] : nullptr) {}

void PageView::Title(const std::string& title) { title_ = title; }

std::string PageView::Href(const std::string& target) const {
  if (absolute_links_ && !ctx_.urls.canonical_base().empty()) return ctx_.urls.Absolute(target);
  return ctx_.urls.Link(path_, target);
}

// jsonld is JSON made by view_opendata.cpp for a <script> element, its 「</」 escaped there.
bool IsHtmlVariable(const std::string& name) { return name == "body" || name == "intro" || name == "jsonld"; }

const std::set<std::string>& VariablesNoTemplateShows() {
  static const std::set<std::string> kNames = {"theme_assets_href"};
  return kNames;
}

std::string PageView::FolderHref(const std::string& dir) const {
  // A relative link to a folder ends in index.html (pages open from disk), so link a
  // file in it and keep what comes before the file name.
  static constexpr std::string_view kFile = "index.html";
  std::string href = Href(dir + std::string(kFile));
  return href.substr(0, href.size() - kFile.size());
}

void PageView::Crumb(const std::string& label, const std::string& target) { crumbs_.push_back({label, target}); }

void PageView::Description(const std::string& text) { data_.set("description", text); }

void PageView::UseScript(const std::string& name) {
  if (std::find(scripts_.begin(), scripts_.end(), name) == scripts_.end()) scripts_.push_back(name);
}

std::string PageView::DateText(const Date& date) const {
  return FormatDate(date, city_ ? city_->site.date_style : DateStyle::kSeireki);
}

void PageView::Meta(const std::string& page_id, const std::optional<Date>& date,
                    const std::optional<Date>& updated) {
  mustache::data meta;
  meta.set("page_id", page_id);
  if (date) {
    meta.set("published_iso", IsoFirst(*date));  // 令和4年度 is 2022-04, not the calendar year 2022
    meta.set("published", DateText(*date));
  }
  if (updated) {
    meta.set("updated_iso", IsoFirst(*updated));
    meta.set("updated", DateText(*updated));
  }
  Put(&data_, "meta", std::move(meta));
}

void PageView::Contact(const Org* org) {
  if (!org && city_) org = city_->FindOrg(city_->site.contact);
  if (!org) return;
  mustache::data c;
  // Every key is set, an absent one as false: a name missing here would be looked up
  // in the page around it (a policy's own parent: became the office's parent section).
  auto set = [&](const char* key, const std::string& value) {
    c.set(key, value.empty() ? Flag(false) : mustache::data(value));
  };
  set("name", org->name);
  set("parent", city_ ? city_->OrgParents(*org) : org->parent);
  set("postal_code", org->postal_code);
  set("address", org->address);
  set("tel", org->tel);
  if (!org->tel.empty()) set("tel_href", TelHref(org->tel));
  set("extension", org->extension);
  set("fax", org->fax);
  set("email", org->email);
  if (!org->email.empty()) set("email_href", "mailto:" + org->email);
  set("form_href", org->form_url);
  set("hours", org->hours);
  set("city_name", city_ ? city_->site.name : "");
  Put(&data_, "contact", std::move(c));
}

mustache::data PageView::Nav() const {
  struct Item {
    const char* section;
    const char* label;
    std::string target;
  };
  std::vector<Item> items;
  if (city_) {
    const std::string& s = city_->site.slug;
    const CityIndex& ix = ctx_.index.city(city_index_);
    items.push_back({"top", "トップ", s + "/"});
    if (!ix.policies.empty()) items.push_back({"policies", "基本指針・計画", s + "/policies/"});
    if (!ix.cases.empty()) items.push_back({"cases", "協働事例", s + "/cases/"});
    items.push_back({"kyodo", "協働の索引", s + "/kyodo/"});
    if (!ix.groups.empty()) items.push_back({"groups", "市民活動団体", s + "/groups/"});
    if (!city_->forms.empty()) items.push_back({"forms", "手続き・様式", s + "/forms/"});
    if (!ix.news.empty()) items.push_back({"news", "お知らせ", s + "/news/"});
    items.push_back({"contact", "問い合わせ先", s + "/contact/"});
  } else {
    items.push_back({"top", "ポータルトップ", ""});
    items.push_back({"kyodo", "協働の索引", "kyodo/"});
    const auto& cities = ctx_.content.cities;
    if (std::any_of(cities.begin(), cities.end(), [](const City& c) { return !c.forms.empty(); })) {
      items.push_back({"forms", "手続き・様式", "forms/"});
    }
  }
  Items out;
  for (const Item& item : items) {
    mustache::data d;
    d.set("label", item.label);
    d.set("href", Href(item.target));
    // aria-current="page" says "this link is the page you are on": only the section's own
    // page (the list) is; a page inside the section (a case under 協働事例) gets "true",
    // or a screen reader announces the list as the page being read.
    const bool in_section = section_ == item.section;
    d.set("current", Flag(in_section));
    d.set("current_kind", in_section && path_ != item.target ? "true" : "page");
    out.push_back(std::move(d));
  }
  if (city_) {
    for (const NavLink& link : city_->site.nav) {
      mustache::data d;
      d.set("label", link.title);
      d.set("href", link.url);
      d.set("current", Flag(false));
      out.push_back(std::move(d));
    }
  }
  return List(std::move(out));
}

mustache::data PageView::Finish() {
  const std::string& portal_title = ctx_.content.portal.title;
  data_.set("page_title", title_);
  if (!data_.get("card_level")) data_.set("card_level", "3");  // cards sit under an h2 section
  std::string head = title_;
  if (city_ && path_ != city_->site.slug + "/") head += "｜" + city_->site.name;
  if (!path_.empty()) head += "｜" + portal_title;
  data_.set("head_title", head);
  data_.set("portal_title", portal_title);
  data_.set("portal_href", Href(""));
  data_.set("accessibility_href", Href(city_ ? city_->site.slug + "/accessibility/" : "accessibility/"));
  data_.set("opendata_href", Href(city_ ? city_->site.slug + "/opendata/" : "opendata/"));
  std::string theme = city_ ? city_->site.theme : "default";
  auto css = ctx_.theme_css.find(theme);
  if (css != ctx_.theme_css.end()) data_.set("css", Href(css->second));
  data_.set("theme", theme);  // <html data-theme>: lets the browser checks test each theme
  // Theme files other than CSS and JS (favicon, images) keep their names, so a theme's
  // template links them as {{theme_assets_href}}favicon.svg from a page at any depth.
  data_.set("theme_assets_href", FolderHref("assets/" + theme + "/"));
  auto tokens = ctx_.tokens_css.find(city_index_);
  if (tokens != ctx_.tokens_css.end()) data_.set("tokens_css", Href(tokens->second));
  Items scripts;
  auto theme_scripts = ctx_.scripts.find(theme);
  for (const std::string& name : scripts_) {
    if (theme_scripts == ctx_.scripts.end()) break;
    auto it = theme_scripts->second.find(name);
    if (it != theme_scripts->second.end()) scripts.push_back(mustache::data(Href(it->second)));
  }
  SetList("scripts", std::move(scripts));
  if (ctx_.search && !data_.get("search_href")) {  // the search page sets its own
    data_.set("search_href", Href(city_ ? city_->site.slug + "/search/" : "search/"));
  }
  std::string canonical = absolute_links_ ? "" : ctx_.urls.Absolute(path_);  // 404.html is no page of its own
  if (!canonical.empty()) data_.set("canonical", canonical);
  // Municipal sites give every page an ID to quote on the phone; content pages set
  // theirs with their dates, the others (lists, indexes) get it here.
  if (!data_.get("meta") && path_ != "404.html") Meta(PageIdOf(path_), std::nullopt, std::nullopt);
  // OpenGraph/Twitter: how a link to this page looks when shared; og:url must be absolute.
  const mustache::data* meta = data_.get("meta");
  data_.set("og_type", meta && meta->get("published") ? "article" : "website");
  if (IsWebUrl(canonical)) data_.set("og_url", canonical);
  auto feed = ctx_.feeds.find(city_index_);
  if (feed != ctx_.feeds.end()) {
    data_.set("feed_href", Href(feed->second));
    data_.set("feed_title", (city_ ? city_->site.name : portal_title) + "のお知らせ・協働事例（Atom）");
  }
  Put(&data_, "nav", Nav());
  if (city_) {
    mustache::data c;
    c.set("name", city_->site.name);
    c.set("href", Href(city_->site.slug + "/"));
    // The footer's 「長野県 佐久市」; a 都道府県's own folder (name: 長野県) is not 「長野県 長野県」,
    // nor 長野県後期高齢者医療広域連合 「長野県 長野県後期…」.
    if (!city_->site.name.starts_with(city_->site.prefecture)) c.set("prefecture", city_->site.prefecture);
    if (!city_->site.url.empty()) c.set("url", city_->site.url);
    auto logo = ctx_.logos.find(city_index_);
    if (logo != ctx_.logos.end()) c.set("logo", Href(logo->second));
    Put(&data_, "city", std::move(c));
    if (city_->site.banner) {
      const Banner& b = *city_->site.banner;
      mustache::data banner;
      // Not plain 「お知らせ」: the banner is a landmark, and the city top's news section is
      // another named お知らせ, so a screen reader's list of regions showed two alike.
      banner.set("label", b.level == "emergency" ? "緊急情報" : "重要なお知らせ");
      banner.set("level", b.level);
      banner.set("text", b.text);
      if (!b.url.empty()) banner.set("href", b.url);
      Put(&data_, "banner", std::move(banner));
    }
  }
  Items crumbs;
  auto crumb = [&](const std::string& label, const std::string& target, bool last) {
    mustache::data d;
    d.set("label", label);
    d.set("href", Href(target));
    d.set("last", Flag(last));
    crumbs.push_back(std::move(d));
  };
  if (!path_.empty()) crumb(portal_title, "", false);
  if (city_ && path_ != city_->site.slug + "/") crumb(city_->site.name, city_->site.slug + "/", false);
  for (const auto& [label, target] : crumbs_) crumb(label, target, false);
  crumb(title_, path_, true);
  SetList("breadcrumbs", std::move(crumbs));
  if (ctx_.deps) ctx_.deps->Record(path_, std::move(uses_));
  return std::move(data_);
}

}  // namespace kyodo
