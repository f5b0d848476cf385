#include "view_model.h"

#include <xxhash.h>

#include <algorithm>

namespace kyodo {

mustache::data List(std::vector<mustache::data> items) {
  mustache::data list{mustache::data::type::list};
  for (auto& item : items) list.push_back(std::move(item));
  return list;
}

void SetList(mustache::data* d, const std::string& key, std::vector<mustache::data> items) {
  d->set("has_" + key, Flag(!items.empty()));
  d->set(key, List(std::move(items)));
}

mustache::data Flag(bool value) {
  return mustache::data{value ? mustache::data::type::bool_true : mustache::data::type::bool_false};
}

std::string TermPath(const City& city, const std::string& vocab, const Term& term) {
  return city.site.slug + "/kyodo/" + vocab + "/" + term.slug + "/";
}

std::vector<mustache::data> TermLinks(const PageView& view, const City& city, const std::string& vocab,
                                      const std::vector<int>& terms) {
  std::vector<mustache::data> items;
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
    meta.set("published_iso", date->Iso());
    meta.set("published", DateText(*date));
  }
  if (updated) {
    meta.set("updated_iso", updated->Iso());
    meta.set("updated", DateText(*updated));
  }
  data_.set("meta", meta);
}

void PageView::Contact(const Org* org) {
  if (!org && city_) org = city_->FindOrg(city_->site.contact);
  if (!org) return;
  mustache::data c;
  auto set = [&](const char* key, const std::string& value) {
    if (!value.empty()) c.set(key, value);
  };
  set("name", org->name);
  if (!org->parent.empty() && city_) {
    if (const Org* parent = city_->FindOrg(org->parent)) set("parent", parent->name);
  }
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
  if (city_) set("city_name", city_->site.name);
  data_.set("contact", c);
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
  std::vector<mustache::data> out;
  for (const Item& item : items) {
    mustache::data d;
    d.set("label", item.label);
    d.set("href", Href(item.target));
    d.set("current", Flag(section_ == item.section));
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
  std::string theme = city_ ? city_->site.theme : "default";
  auto css = ctx_.theme_css.find(theme);
  if (css != ctx_.theme_css.end()) data_.set("css", Href(css->second));
  std::vector<mustache::data> scripts;
  for (const std::string& name : scripts_) {
    auto it = ctx_.scripts.find(name);
    if (it != ctx_.scripts.end()) scripts.push_back(mustache::data(Href(it->second)));
  }
  SetList("scripts", std::move(scripts));
  if (ctx_.search) {
    data_.set("search_href", Href(city_ ? city_->site.slug + "/search/" : "search/"));
  }
  std::string canonical = ctx_.urls.Absolute(path_);
  if (!canonical.empty()) data_.set("canonical", canonical);
  data_.set("nav", Nav());
  if (city_) {
    mustache::data c;
    c.set("name", city_->site.name);
    c.set("href", Href(city_->site.slug + "/"));
    c.set("prefecture", city_->site.prefecture);
    if (!city_->site.url.empty()) c.set("url", city_->site.url);
    data_.set("city", c);
    if (city_->site.banner) {
      const Banner& b = *city_->site.banner;
      mustache::data banner;
      banner.set("label", b.level == "emergency" ? "緊急情報" : "お知らせ");
      banner.set("level", b.level);
      banner.set("text", b.text);
      if (!b.url.empty()) banner.set("href", b.url);
      data_.set("banner", banner);
    }
  }
  std::vector<mustache::data> crumbs;
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
  return data_;
}

}  // namespace kyodo
