// Views of the content pages: 協働事例, 市民活動団体, 指針・計画, お知らせ and free pages.
#include "links.h"
#include "text.h"
#include "views.h"

namespace kyodo {

namespace {

// The table of contents as nested lists: each ## heading's ### headings are a list
// inside its item, so a screen reader hears 「第1章… 3項目の一覧」 and the chapter
// numbering (a flat list with indented items says neither). A ### before the
// first ## stays at the top level.
Items Toc(const PageView& view, const std::string& path, const std::vector<TocEntry>& toc) {
  Items items;
  Items children;
  auto entry = [&](const TocEntry& e) {
    mustache::data d;
    d.set("text", e.text);
    d.set("href", view.Href(path + "#" + e.id));
    return d;
  };
  auto close = [&] {
    if (items.empty()) return;
    items.back().set("has_children", Flag(!children.empty()));
    SetList(&items.back(), "children", std::move(children));
    children = Items();
  };
  bool under_h2 = false;
  for (const TocEntry& e : toc) {
    if (e.level > 2 && under_h2) {
      children.push_back(entry(e));
      continue;
    }
    close();
    items.push_back(entry(e));
    under_h2 = e.level == 2;
  }
  close();
  return items;
}

mustache::data PageLink(const PageView& view, const ViewContext& ctx, PageRef ref) {
  view.Uses(ref);
  const Page& p = ctx.content.cities[static_cast<size_t>(ref.city)].pages[static_cast<size_t>(ref.page)];
  mustache::data d;
  d.set("title", p.title);
  d.set("href", view.Href(ctx.index.PathOf(ctx.content, ref)));
  if (p.date) {
    d.set("date", view.DateText(*p.date));
    d.set("date_iso", IsoFirst(*p.date));  // a 年度 as its first month, as in the open data
  }
  return d;
}

// A file given in front matter (image or attachment), relative to the page.
std::string FileHref(const PageView& view, const ViewContext& ctx, const Page& page, const std::string& src,
                     const Asset** asset) {
  LinkTarget target = ResolveLink(ctx.content, ctx.index, page.source, src);
  *asset = target.asset;
  if (target.kind == LinkTarget::Kind::kAsset) return view.Href(target.site_path);
  bool web = IsWebUrl(src);
  return web ? src : "";  // anything else was reported by FileReferenceChecker and never becomes an href
}

void CaseKeys(PageView& view, const ViewContext& ctx, const City& city, const Page& page) {
  const CaseInfo& c = page.case_info;
  Items facets;
  auto facet = [&](const char* key, const std::vector<int>& terms) {
    int v = city.vocab.IndexOf(key);
    if (v < 0 || terms.empty()) return;
    mustache::data f;
    f.set("label", city.vocab.at(v).label);
    SetList(&f, "terms", TermLinks(view, city, key, terms));
    facets.push_back(std::move(f));
  };
  facet("modes", c.modes);
  facet("fields", c.fields);
  facet("actors", c.actors);
  if (c.partnership) facet("partnership", {*c.partnership});
  view.SetList("facets", std::move(facets));
  Items groups;
  for (const Located& g : c.groups) {
    for (int gi : ctx.index.city(view.city_index()).groups) {
      if (city.pages[static_cast<size_t>(gi)].id == g.value) groups.push_back(PageLink(view, ctx, {view.city_index(), gi}));
    }
  }
  view.SetList("groups", std::move(groups));
  if (c.period) view.Set("period", FormatPeriod(*c.period, city.site.date_style));
  if (!c.place.empty()) view.Set("place", c.place);
  Items images, links, attachments;
  for (const Image& img : c.images) {
    const Asset* asset = nullptr;
    mustache::data d;
    d.set("src", FileHref(view, ctx, page, img.src, &asset));
    d.set("alt", img.alt);
    if (asset && asset->width && asset->height) {  // the space is kept as the photo loads: nothing jumps
      d.set("width", std::to_string(asset->width));
      d.set("height", std::to_string(asset->height));
    }
    images.push_back(std::move(d));
  }
  for (const ExternalLink& l : c.links) {
    mustache::data d;
    d.set("title", l.title);
    d.set("href", l.url);
    links.push_back(std::move(d));
  }
  for (const Attachment& a : c.attachments) {
    const Asset* asset = nullptr;
    mustache::data d;
    d.set("title", a.title);
    d.set("href", FileHref(view, ctx, page, a.src, &asset));
    if (asset) d.set("label", FileLabel(asset->rel, asset->size));
    if (!asset && !ExternalFileType(a.src).empty()) d.set("label", ExternalFileType(a.src));  // 「（PDF）」
    attachments.push_back(std::move(d));
  }
  view.SetList("images", std::move(images));
  view.SetList("links", std::move(links));
  view.SetList("attachments", std::move(attachments));
}

// 「会員数 30人」: a count written as a bare number (members: 30, or a 会員数 cell of an
// Excel register) read 「会員数 30」 on the page. A count with its own words (約30人,
// 30名, 12団体) is shown as written.
std::string MembersText(const std::string& members) {
  const bool bare = members.find_first_not_of("0123456789,") == std::string::npos && IsAsciiDigit(members[0]);
  return bare ? members + "人" : members;
}

void GroupKeys(PageView& view, const ViewContext& ctx, const City& city, int index, const Page& page) {
  const GroupInfo& g = page.group;
  if (!g.kana.empty()) view.Set("kana", g.kana);
  view.SetList("fields", TermLinks(view, city, "fields", g.fields));
  if (!g.area.empty()) {
    mustache::data area;
    area.set("name", g.area);
    area.set("href", view.Href(city.site.slug + "/groups/area/" + ctx.index.AreaSlug(view.city_index(), g.area) + "/"));
    view.Set("area", area);
  }
  if (g.established) view.Set("established", view.DateText(*g.established));
  if (!g.members.empty()) view.Set("members", MembersText(g.members));
  if (!g.corporate_form.empty()) view.Set("corporate_form", g.corporate_form);
  if (!g.corporate_number.empty()) view.Set("corporate_number", g.corporate_number);
  if (!g.tel.empty()) {
    view.Set("tel", g.tel);
    view.Set("tel_href", TelHref(g.tel));
  }
  if (!g.email.empty()) {
    view.Set("email", g.email);
    view.Set("email_href", "mailto:" + g.email);
  }
  if (!g.url.empty()) view.Set("url", g.url);
  // The group's own contact has its own heading: among the facts it read as one more fact,
  // and the page's only 問い合わせ先 heading was the city office's.
  view.Set("has_group_contact", Flag(!g.tel.empty() || !g.email.empty() || !g.url.empty()));
  Items cases;
  auto it = ctx.index.city(view.city_index()).group_cases.find(index);
  if (it != ctx.index.city(view.city_index()).group_cases.end()) {
    for (int ci : it->second) cases.push_back(PageLink(view, ctx, {view.city_index(), ci}));
  }
  view.SetList("cases", std::move(cases));
}

// How a policy page names its kind in running text: 指針, 計画…, or 方針 when none is given.
std::string KindWord(const PolicyInfo& p) { return p.kind.empty() ? "方針" : p.kind; }

void PolicyKeys(PageView& view, const ViewContext& ctx, const City& city, int index, const Page& page) {
  const PolicyInfo& p = page.policy;
  if (!p.kind.empty()) view.Set("kind", p.kind);
  if (p.period) view.Set("period", FormatPeriod(*p.period, city.site.date_style));
  Items basics;
  int n = 1;
  for (const BasicPolicy& b : p.basic_policies) {
    mustache::data d;
    d.set("number", std::to_string(n++));
    d.set("title", b.title);
    if (!b.summary.empty()) d.set("summary", b.summary);
    Items measures;
    for (const std::string& m : b.measures) measures.push_back(mustache::data(m));
    SetList(&d, "measures", std::move(measures));
    basics.push_back(std::move(d));
  }
  view.SetList("basic_policies", std::move(basics));
  Items progress;
  for (const ProgressItem& item : p.progress) {
    mustache::data d;
    d.set("measure", item.measure);
    d.set("status", item.status);
    if (item.percent) d.set("percent", std::to_string(*item.percent));
    progress.push_back(std::move(d));
  }
  view.SetList("progress", std::move(progress));
  const CityIndex& ix = ctx.index.city(view.city_index());
  if (!p.parent.value.empty()) {
    for (int qi : ix.policies) {
      const Page& parent = city.pages[static_cast<size_t>(qi)];
      if (parent.id != p.parent.value) continue;
      mustache::data link = PageLink(view, ctx, {view.city_index(), qi});
      link.set("kind_label", KindWord(parent.policy));  // 上位の指針
      view.Set("parent", std::move(link));
    }
  }
  Items children;
  auto it = ix.policy_children.find(index);
  if (it != ix.policy_children.end()) {
    for (int ci : it->second) children.push_back(PageLink(view, ctx, {view.city_index(), ci}));
  }
  view.SetList("children", std::move(children));
  view.Set("children_of", KindWord(p));  // この指針に基づく計画
}

}  // namespace

const char* ContentTemplate(PageKind kind) {
  switch (kind) {
    case PageKind::kCase:
      return "case";
    case PageKind::kGroup:
      return "group";
    case PageKind::kPolicy:
      return "policy";
    default:
      return "article";
  }
}

mustache::data ContentPageView(const ViewContext& ctx, PageRef ref, const RenderedMarkdown& body) {
  const City& city = ctx.content.cities[static_cast<size_t>(ref.city)];
  const Page& page = city.pages[static_cast<size_t>(ref.page)];
  std::string path = PagePath(city, page);
  PageView view(ctx, path, ref.city);
  view.Title(page.title);
  view.Section(KindDir(page.kind));
  if (page.kind == PageKind::kPage) {
    view.Section("");
  } else {
    view.Crumb(KindLabel(page.kind), city.site.slug + "/" + KindDir(page.kind) + "/");
  }
  if (page.kind == PageKind::kPolicy && !page.policy.parent.value.empty()) {
    if (const Page* parent = city.FindPage(PageKind::kPolicy, page.policy.parent.value)) {
      view.Crumb(parent->title, PagePath(city, *parent));
      view.Uses({ref.city, static_cast<int>(parent - city.pages.data())});
    }
  }
  view.Description(page.summary);
  view.Meta(PageIdOf(path), page.date, page.updated);
  view.Contact(page.contact.value.empty() ? nullptr : city.FindOrg(page.contact.value));
  view.Set("body", body.html);
  view.Set("has_body", Flag(!body.html.empty()));  // a case's body gets its own heading (case.mustache)
  view.SetList("toc", Toc(view, path, body.toc));
  view.Set("has_toc", Flag(body.toc.size() >= 2));
  switch (page.kind) {
    case PageKind::kCase:
      CaseKeys(view, ctx, city, page);
      break;
    case PageKind::kGroup:
      GroupKeys(view, ctx, city, ref.page, page);
      break;
    case PageKind::kPolicy:
      PolicyKeys(view, ctx, city, ref.page, page);
      break;
    default:
      break;
  }
  return view.Finish();
}

mustache::data RedirectView(const ViewContext& ctx, PageRef ref, const std::string& alias_path) {
  const City& city = ctx.content.cities[static_cast<size_t>(ref.city)];
  const Page& page = city.pages[static_cast<size_t>(ref.page)];
  std::string target = PagePath(city, page);
  PageView view(ctx, alias_path, ref.city);
  view.Title("ページが移動しました");
  view.Uses(ref);
  view.Set("refresh_href", view.Href(target));
  view.Set("target_title", page.title);
  mustache::data data = view.Finish();
  // Search engines and share previews (og:url) should keep the page's own
  // address, not the old one.
  std::string canonical = ctx.urls.Absolute(target);
  if (!canonical.empty()) {
    Put(&data, "canonical", mustache::data(canonical));
    Put(&data, "og_url", mustache::data(canonical));
  }
  return data;
}

mustache::data CaseCard(const PageView& view, const ViewContext& ctx, PageRef ref, bool show_city) {
  const City& city = ctx.content.cities[static_cast<size_t>(ref.city)];
  const Page& page = city.pages[static_cast<size_t>(ref.page)];
  mustache::data d = PageLink(view, ctx, ref);
  // PageLink wrote the date in the page's style; a city page shows another city's case in that city's.
  if (page.date && view.city() && view.city() != &city) d.set("date", FormatDate(*page.date, city.site.date_style));
  d.set("summary", page.summary);
  if (show_city) d.set("card_city", ctx.city_names[static_cast<size_t>(ref.city)]);
  Items tags;
  int v = city.vocab.IndexOf("modes");
  for (int t : page.case_info.modes) tags.push_back(mustache::data(city.vocab.at(v).terms[static_cast<size_t>(t)].name));
  int f = city.vocab.IndexOf("fields");
  for (int t : page.case_info.fields) tags.push_back(mustache::data(city.vocab.at(f).terms[static_cast<size_t>(t)].name));
  SetList(&d, "tags", std::move(tags));
  return d;
}

}  // namespace kyodo
