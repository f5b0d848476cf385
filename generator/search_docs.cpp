#include "search_docs.h"

#include <algorithm>

#include "city_names.h"
#include "form.h"

namespace kyodo {

namespace {

std::string Join(const std::vector<std::string>& items, const char* sep) {
  std::string out;
  for (const std::string& s : items) {
    if (s.empty()) continue;
    if (!out.empty()) out += sep;
    out += s;
  }
  return out;
}

// Appends 「label：value」 as its own sentence, so a snippet around it reads well.
void AddField(std::string* text, const std::string& label, const std::string& value) {
  if (value.empty()) return;
  if (!text->empty()) *text += " ";
  *text += label + "：" + value;
}

// The names of a page's terms go into its text: the page shows them. (Their
// aliases are not: they go to the facets, so a page that only carries a term is
// ranked after the pages that say the word.)
void AddTerms(const City& city, const char* vocab, const std::vector<int>& terms, SearchDoc* doc) {
  int v = city.vocab.IndexOf(vocab);
  if (v < 0 || terms.empty()) return;
  const Vocabulary& voc = city.vocab.at(v);
  std::vector<std::string> names;
  for (int t : terms) {
    const Term& term = voc.terms[static_cast<size_t>(t)];
    names.push_back(term.name);
    const auto& facets = SearchFacetVocabularies();
    if (std::find(facets.begin(), facets.end(), vocab) != facets.end()) doc->terms.push_back({vocab, term.slug});
  }
  AddField(&doc->text, voc.label, Join(names, "、"));
}

void AddPolicyFields(const Page& page, std::string* text) {
  const PolicyInfo& p = page.policy;
  AddField(text, "種類", p.kind);
  for (const BasicPolicy& bp : p.basic_policies) {
    AddField(text, "基本方針", Join({bp.title, bp.summary, Join(bp.measures, "、")}, " "));
  }
  for (const ProgressItem& item : p.progress) AddField(text, "進捗", Join({item.measure, item.status}, " "));
}

// What a case page shows besides its body: the groups it lists, the titles of
// its attachments and links. A resident searches a 団体 name or a 報告書 and
// expects the case that names them, written in its body or not.
void AddCaseRefs(const City& city, const SiteIndex& index, int city_index, const CaseInfo& c, std::string* text) {
  std::vector<std::string> groups, files, links;
  for (const Located& g : c.groups) {
    for (int gi : index.city(city_index).groups) {
      const Page& group = city.pages[static_cast<size_t>(gi)];
      if (group.id == g.value) groups.push_back(group.title);
    }
  }
  for (const Attachment& a : c.attachments) files.push_back(a.title);
  for (const ExternalLink& l : c.links) links.push_back(l.title);
  AddField(text, "団体", Join(groups, "、"));
  AddField(text, "資料", Join(files, "、"));
  AddField(text, "リンク", Join(links, "、"));
}

// A group's 法人格, and for an NPO also the name residents say: 「NPO法人 …」 and
// 「特定非営利活動法人 …」 are one kind of group, whichever its title writes.
void AddCorporateForm(const std::string& form, std::string* text) {
  if (form.empty()) return;
  if (form == "特定非営利活動法人") return AddField(text, "法人格", form + "（NPO法人）");
  if (form == "認定特定非営利活動法人") return AddField(text, "法人格", form + "（認定NPO法人）");
  AddField(text, "法人格", form);
}

}  // namespace

SearchDoc SearchDocOf(const Content& content, const SiteIndex& index, PageRef ref, const RenderedMarkdown& body) {
  const City& city = content.cities[static_cast<size_t>(ref.city)];
  const Page& page = city.pages[static_cast<size_t>(ref.page)];
  SearchDoc doc;
  doc.path = index.PathOf(content, ref);
  doc.city = city.site.slug;
  doc.type = KindDir(page.kind);
  doc.type_label = KindLabel(page.kind);
  if (page.date) doc.date = page.date->Iso();
  doc.title = page.title;
  for (const TocEntry& e : body.toc) doc.headings.push_back(e.text);
  doc.text = body.text;
  if (!page.summary_derived) AddField(&doc.text, "概要", page.summary);  // a derived one is the body's start
  switch (page.kind) {
    case PageKind::kCase:
      AddTerms(city, "modes", page.case_info.modes, &doc);
      AddTerms(city, "fields", page.case_info.fields, &doc);
      AddTerms(city, "actors", page.case_info.actors, &doc);
      if (page.case_info.partnership) AddTerms(city, "partnership", {*page.case_info.partnership}, &doc);
      AddField(&doc.text, "場所", page.case_info.place);
      AddCaseRefs(city, index, ref.city, page.case_info, &doc.text);
      break;
    case PageKind::kGroup:
      AddField(&doc.text, "よみ", page.group.kana);
      AddTerms(city, "fields", page.group.fields, &doc);
      AddField(&doc.text, "地域", page.group.area);
      AddCorporateForm(page.group.corporate_form, &doc.text);
      AddField(&doc.text, "電話", page.group.tel);  // the page shows it; residents search a number they have
      AddField(&doc.text, "法人番号", page.group.corporate_number);
      break;
    case PageKind::kPolicy:
      AddPolicyFields(page, &doc.text);
      break;
    case PageKind::kNews:
    case PageKind::kPage:
      break;
  }
  doc.text.shrink_to_fit();  // the appends above leave up to twice its size: kept until the index is built
  return doc;
}

// A document at `path` of city `c`, of a page type that is no content kind.
SearchDoc DocOf(const std::string& path, const City& c, const char* type, const char* type_label) {
  SearchDoc doc;
  doc.path = path;
  doc.city = c.site.slug;
  doc.type = type;
  doc.type_label = type_label;
  return doc;
}

SearchDoc SearchDocOfForm(const Content& content, int city, int index, const std::string& path) {
  const City& c = content.cities[static_cast<size_t>(city)];
  const Form& form = c.forms[static_cast<size_t>(index)];
  SearchDoc doc = DocOf(path, c, "forms", "手続き・様式");
  if (form.date) doc.date = form.date->Iso();
  doc.title = form.title;
  AddField(&doc.text, "概要", form.summary);
  AddField(&doc.text, "目的", form.purpose);
  AddField(&doc.text, "対象", form.eligibility);
  AddField(&doc.text, "手続き", Join(form.steps, " "));
  std::vector<std::string> labels;
  for (const FormField& field : form.fields) labels.push_back(field.label);
  AddField(&doc.text, "記入する項目", Join(labels, "、"));
  return doc;
}

SearchDoc SearchDocOfContact(const Content& content, int city, const std::string& path) {
  const City& c = content.cities[static_cast<size_t>(city)];
  SearchDoc doc = DocOf(path, c, "contact", "問い合わせ先");
  doc.title = "問い合わせ先";
  for (const Org& org : c.orgs) {
    const Org* parent = org.parent.empty() ? nullptr : c.FindOrg(org.parent);  // parent: is an org's ID
    const std::string unit = Join({parent ? parent->name : "", org.name}, " ");
    doc.headings.push_back(unit);
    AddField(&doc.text, "担当", unit);
    AddField(&doc.text, "所在地", Join({org.postal_code.empty() ? "" : "〒" + org.postal_code, org.address}, " "));
    AddField(&doc.text, "電話", Join({org.tel, org.extension.empty() ? "" : "内線 " + org.extension}, " "));
    AddField(&doc.text, "FAX", org.fax);
    AddField(&doc.text, "メール", org.email);
    AddField(&doc.text, "受付時間", org.hours);
  }
  return doc;
}

std::vector<SearchCity> SearchCities(const Content& content) {
  std::vector<SearchCity> out;
  const std::vector<std::string> names = PortalCityNames(content.cities);  // the filter tells 池田町s apart
  for (size_t c = 0; c < content.cities.size(); ++c) {
    const CitySite& site = content.cities[c].site;
    out.push_back({site.slug, names[c], site.kana, site.name});  // search.js finds a city's pages by these
  }
  return out;
}

std::vector<SearchFacet> SearchFacets(const Content& content) {
  std::vector<SearchFacet> out;
  for (const std::string& key : SearchFacetVocabularies()) {
    int v = content.shared_vocab.IndexOf(key);
    if (v < 0) continue;
    SearchFacet facet{key, content.shared_vocab.at(v).label, {}};
    auto add = [&](const Term& term) {
      auto same = [&](const SearchFacetTerm& t) { return t.slug == term.slug; };
      if (std::none_of(facet.terms.begin(), facet.terms.end(), same)) {
        facet.terms.push_back({term.slug, term.name, term.aliases});
      }
    };
    for (const Term& term : content.shared_vocab.at(v).terms) add(term);
    for (const City& city : content.cities) {
      int cv = city.vocab.IndexOf(key);
      if (cv < 0) continue;
      for (const Term& term : city.vocab.at(cv).terms) add(term);
    }
    out.push_back(std::move(facet));
  }
  return out;
}

}  // namespace kyodo
