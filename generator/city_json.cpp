#include "city_json.h"

#include <map>
#include <nlohmann/json.hpp>
#include <stdexcept>

#include "disk.h"

namespace kyodo {

namespace {

// std::map underneath: keys come out sorted, so a city always gives the same bytes.
using Json = nlohmann::json;

/// JSON that parses but says something kyodo cannot use.
struct CityJsonError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// ---- writing: empty values are left out (most fields of most pages are empty) ----

void PutText(Json& j, const char* key, const std::string& v) {
  if (!v.empty()) j[key] = v;
}
void PutTrue(Json& j, const char* key, bool v) {
  if (v) j[key] = true;
}
void PutInt(Json& j, const char* key, long long v) {
  if (v != 0) j[key] = v;
}
void PutTexts(Json& j, const char* key, const std::vector<std::string>& v) {
  if (!v.empty()) j[key] = v;
}
void PutJson(Json& j, const char* key, Json v) {
  if (!v.empty()) j[key] = std::move(v);
}

// ---- reading: a missing key is the empty value; a value of the wrong type throws ----

std::string GetText(const Json& j, const char* key) {
  auto it = j.find(key);
  return it == j.end() ? "" : it->get<std::string>();
}
bool GetTrue(const Json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->get<bool>();
}
long long GetInt(const Json& j, const char* key) {
  auto it = j.find(key);
  return it == j.end() ? 0 : it->get<long long>();
}
std::vector<std::string> GetTexts(const Json& j, const char* key) {
  auto it = j.find(key);
  return it == j.end() ? std::vector<std::string>{} : it->get<std::vector<std::string>>();
}
/// The array or object at `key`, or an empty one.
const Json& GetJson(const Json& j, const char* key) {
  static const Json kNone = Json::array();
  auto it = j.find(key);
  return it == j.end() ? kNone : *it;
}

}  // namespace

std::string DateToJson(const Date& d) {
  // Iso leaves 年度 a bare year; "+" keeps 令和元年 apart from 平成31年 (Date::later_era).
  return (d.precision == DatePrecision::kFiscalYear ? "FY" : "") + d.Iso() + (d.later_era ? "+" : "");
}

Date DateFromJson(const std::string& json_text) {
  Date d;
  d.later_era = !json_text.empty() && json_text.back() == '+';
  const std::string text = d.later_era ? json_text.substr(0, json_text.size() - 1) : json_text;
  int n = 0;
  if (std::sscanf(text.c_str(), "FY%4d%n", &d.year, &n) == 1 && n == 6 && text.size() == 6) {
    d.precision = DatePrecision::kFiscalYear;
  } else if (text.size() == 10 && std::sscanf(text.c_str(), "%4d-%2d-%2d", &d.year, &d.month, &d.day) == 3) {
    d.precision = DatePrecision::kDay;
  } else if (text.size() == 7 && std::sscanf(text.c_str(), "%4d-%2d", &d.year, &d.month) == 2) {
    d.precision = DatePrecision::kMonth;
  } else if (text.size() == 4 && std::sscanf(text.c_str(), "%4d", &d.year) == 1) {
    d.precision = DatePrecision::kYear;
  } else {
    throw CityJsonError("日付「" + text + "」が読めません");
  }
  return d;
}

namespace {

void PutDate(Json& j, const char* key, const std::optional<Date>& d) {
  if (d) j[key] = DateToJson(*d);
}
std::optional<Date> GetDate(const Json& j, const char* key) {
  auto it = j.find(key);
  if (it == j.end()) return std::nullopt;
  return DateFromJson(it->get<std::string>());
}

void PutPeriod(Json& j, const char* key, const std::optional<Period>& p) {
  if (!p) return;
  Json out = Json::object();  // written even when open at both ends, so it reads back as a period
  PutDate(out, "since", p->since);
  PutDate(out, "until", p->until);
  j[key] = std::move(out);
}
std::optional<Period> GetPeriod(const Json& j, const char* key) {
  auto it = j.find(key);
  if (it == j.end()) return std::nullopt;
  return Period{GetDate(*it, "since"), GetDate(*it, "until")};
}

// The inverse of BelowRoot.
std::string UnderRoot(const std::string& root, const std::string& rel) { return rel.empty() ? rel : JoinPath(root, rel); }

// ---- vocabulary terms, cited by slug ----

Json TermSlugs(const City& city, const char* vocab, const std::vector<int>& terms) {
  Json out = Json::array();
  int v = city.vocab.IndexOf(vocab);
  for (int t : terms) out.push_back(city.vocab.at(v).terms[static_cast<size_t>(t)].slug);
  return out;
}

int TermIndex(const City& city, const char* vocab, const std::string& slug) {
  int v = city.vocab.IndexOf(vocab);
  if (v >= 0) {
    const std::vector<Term>& terms = city.vocab.at(v).terms;
    for (size_t t = 0; t < terms.size(); ++t) {
      if (terms[t].slug == slug) return static_cast<int>(t);
    }
  }
  throw CityJsonError(std::string("語彙「") + vocab + "」に slug「" + slug + "」の用語がありません");
}

std::vector<int> TermIndices(const City& city, const char* vocab, const Json& j, const char* key) {
  std::vector<int> out;
  for (const std::string& slug : GetTexts(j, key)) out.push_back(TermIndex(city, vocab, slug));
  return out;
}

std::vector<Located> LocatedValues(const std::vector<std::string>& values) {
  std::vector<Located> out;
  for (const std::string& v : values) out.push_back({v, {}});
  return out;
}
std::vector<std::string> ValuesOf(const std::vector<Located>& located) {
  std::vector<std::string> out;
  for (const Located& l : located) out.push_back(l.value);
  return out;
}

// ---- pages ----

constexpr PageKind kPageKinds[] = {PageKind::kPolicy, PageKind::kCase, PageKind::kGroup, PageKind::kNews,
                                   PageKind::kPage};

PageKind PageKindOf(const std::string& dir) {
  for (PageKind kind : kPageKinds) {
    if (dir == KindDir(kind)) return kind;
  }
  throw CityJsonError("ページの種類「" + dir + "」がありません");
}

Json CaseJson(const City& city, const CaseInfo& c) {
  Json j = Json::object();
  PutJson(j, "modes", TermSlugs(city, "modes", c.modes));
  PutJson(j, "fields", TermSlugs(city, "fields", c.fields));
  PutJson(j, "actors", TermSlugs(city, "actors", c.actors));
  if (c.partnership) j["partnership"] = TermSlugs(city, "partnership", {*c.partnership})[0];
  PutTexts(j, "groups", ValuesOf(c.groups));
  PutPeriod(j, "period", c.period);
  PutText(j, "place", c.place);
  Json images = Json::array(), links = Json::array(), attachments = Json::array();
  for (const Image& i : c.images) images.push_back({{"src", i.src}, {"alt", i.alt}});
  for (const ExternalLink& l : c.links) links.push_back({{"title", l.title}, {"url", l.url}});
  for (const Attachment& a : c.attachments) attachments.push_back({{"title", a.title}, {"src", a.src}});
  PutJson(j, "images", std::move(images));
  PutJson(j, "links", std::move(links));
  PutJson(j, "attachments", std::move(attachments));
  return j;
}

CaseInfo CaseOfJson(const City& city, const Json& j) {
  CaseInfo c;
  c.modes = TermIndices(city, "modes", j, "modes");
  c.fields = TermIndices(city, "fields", j, "fields");
  c.actors = TermIndices(city, "actors", j, "actors");
  if (j.contains("partnership")) c.partnership = TermIndex(city, "partnership", GetText(j, "partnership"));
  c.groups = LocatedValues(GetTexts(j, "groups"));
  c.period = GetPeriod(j, "period");
  c.place = GetText(j, "place");
  for (const Json& i : GetJson(j, "images")) c.images.push_back({GetText(i, "src"), GetText(i, "alt"), {}});
  for (const Json& l : GetJson(j, "links")) c.links.push_back({GetText(l, "title"), GetText(l, "url")});
  for (const Json& a : GetJson(j, "attachments")) c.attachments.push_back({GetText(a, "title"), GetText(a, "src"), {}});
  return c;
}

Json GroupJson(const City& city, const GroupInfo& g) {
  Json j = Json::object();
  PutText(j, "kana", g.kana);
  PutTrue(j, "kana_derived", g.kana_derived);
  PutJson(j, "fields", TermSlugs(city, "fields", g.fields));
  PutText(j, "area", g.area);
  PutText(j, "area_slug", g.area_slug);
  PutText(j, "area_kana", g.area_kana);
  PutDate(j, "established", g.established);
  PutText(j, "members", g.members);
  PutText(j, "corporate_number", g.corporate_number);
  PutText(j, "corporate_form", g.corporate_form);
  PutText(j, "tel", g.tel);
  PutText(j, "email", g.email);
  PutText(j, "url", g.url);
  return j;
}

GroupInfo GroupOfJson(const City& city, const Json& j) {
  GroupInfo g;
  g.kana = GetText(j, "kana");
  g.kana_derived = GetTrue(j, "kana_derived");
  g.fields = TermIndices(city, "fields", j, "fields");
  g.area = GetText(j, "area");
  g.area_slug = GetText(j, "area_slug");
  g.area_kana = GetText(j, "area_kana");
  g.established = GetDate(j, "established");
  g.members = GetText(j, "members");
  g.corporate_number = GetText(j, "corporate_number");
  g.corporate_form = GetText(j, "corporate_form");
  g.tel = GetText(j, "tel");
  g.email = GetText(j, "email");
  g.url = GetText(j, "url");
  return g;
}

Json PolicyJson(const PolicyInfo& p) {
  Json j = Json::object();
  PutText(j, "kind", p.kind);
  PutPeriod(j, "period", p.period);
  Json basics = Json::array(), progress = Json::array();
  for (const BasicPolicy& b : p.basic_policies) {
    Json d = Json::object();
    PutText(d, "title", b.title);
    PutText(d, "summary", b.summary);
    PutTexts(d, "measures", b.measures);
    basics.push_back(std::move(d));
  }
  for (const ProgressItem& item : p.progress) {
    Json d = Json::object();
    PutText(d, "measure", item.measure);
    PutText(d, "status", item.status);
    if (item.percent) d["percent"] = *item.percent;  // 0 % is a value
    progress.push_back(std::move(d));
  }
  PutJson(j, "basic_policies", std::move(basics));
  PutJson(j, "progress", std::move(progress));
  PutText(j, "parent", p.parent.value);
  return j;
}

PolicyInfo PolicyOfJson(const Json& j) {
  PolicyInfo p;
  p.kind = GetText(j, "kind");
  p.period = GetPeriod(j, "period");
  for (const Json& b : GetJson(j, "basic_policies")) {
    p.basic_policies.push_back({GetText(b, "title"), GetText(b, "summary"), GetTexts(b, "measures")});
  }
  for (const Json& d : GetJson(j, "progress")) {
    ProgressItem item{GetText(d, "measure"), GetText(d, "status"), std::nullopt};
    if (d.contains("percent")) item.percent = static_cast<int>(GetInt(d, "percent"));
    p.progress.push_back(std::move(item));
  }
  p.parent.value = GetText(j, "parent");
  return p;
}

Json PageJson(const City& city, const Page& p, const std::string& root) {
  Json j = Json::object();
  j["kind"] = KindDir(p.kind);
  j["id"] = p.id;
  PutText(j, "source", BelowRoot(root, p.source));
  PutText(j, "title", p.title);
  PutDate(j, "date", p.date);
  PutDate(j, "updated", p.updated);
  PutText(j, "summary", p.summary);
  PutTrue(j, "summary_derived", p.summary_derived);
  PutTrue(j, "bulk", p.bulk);
  PutTrue(j, "draft", p.draft);
  PutInt(j, "weight", p.weight);
  PutText(j, "contact", p.contact.value);
  PutTexts(j, "aliases", ValuesOf(p.aliases));
  PutJson(j, "case", CaseJson(city, p.case_info));
  PutJson(j, "group", GroupJson(city, p.group));
  PutJson(j, "policy", PolicyJson(p.policy));
  return j;
}

Page PageOfJson(const City& city, const Json& j, const std::string& root) {
  Page p;
  p.kind = PageKindOf(j.at("kind").get<std::string>());
  p.id = j.at("id").get<std::string>();
  p.source = UnderRoot(root, GetText(j, "source"));
  p.title = GetText(j, "title");
  p.date = GetDate(j, "date");
  p.updated = GetDate(j, "updated");
  p.summary = GetText(j, "summary");
  p.summary_derived = GetTrue(j, "summary_derived");
  p.bulk = GetTrue(j, "bulk");
  p.draft = GetTrue(j, "draft");
  p.weight = static_cast<int>(GetInt(j, "weight"));
  p.contact.value = GetText(j, "contact");
  p.aliases = LocatedValues(GetTexts(j, "aliases"));
  p.case_info = CaseOfJson(city, GetJson(j, "case"));
  p.group = GroupOfJson(city, GetJson(j, "group"));
  p.policy = PolicyOfJson(GetJson(j, "policy"));
  return p;
}

// ---- forms ----

FieldType FieldTypeOf(const std::string& name) {
  for (int t = 0; t <= static_cast<int>(FieldType::kFile); ++t) {
    if (name == FieldTypeName(static_cast<FieldType>(t))) return static_cast<FieldType>(t);
  }
  throw CityJsonError("入力欄の種類「" + name + "」がありません");
}

Json FormJson(const Form& f, const std::string& root) {
  Json j = Json::object();
  j["id"] = f.id;
  PutText(j, "source", BelowRoot(root, f.source));
  PutText(j, "title", f.title);
  PutText(j, "summary", f.summary);
  PutText(j, "purpose", f.purpose);
  PutText(j, "eligibility", f.eligibility);
  PutDate(j, "deadline", f.deadline);
  PutDate(j, "date", f.date);
  PutDate(j, "updated", f.updated);
  PutTexts(j, "steps", f.steps);
  PutText(j, "contact", f.contact.value);
  Json fields = Json::array(), downloads = Json::array();
  for (const FormField& field : f.fields) {
    Json d = Json::object();
    d["name"] = field.name;
    d["type"] = FieldTypeName(field.type);
    PutText(d, "label", field.label);
    PutText(d, "help", field.help);
    PutTrue(d, "required", field.required);
    PutTexts(d, "options", field.options);
    if (field.max_length) d["max_length"] = *field.max_length;
    if (field.min) d["min"] = *field.min;
    if (field.max) d["max"] = *field.max;
    PutText(d, "pattern", field.pattern);
    PutText(d, "autocomplete", field.autocomplete);
    fields.push_back(std::move(d));
  }
  for (const FormDownload& dl : f.downloads) downloads.push_back({{"title", dl.title}, {"src", dl.src}});
  PutJson(j, "fields", std::move(fields));
  PutText(j, "action", f.action);
  PutJson(j, "downloads", std::move(downloads));
  PutInt(j, "weight", f.weight);
  PutTrue(j, "draft", f.draft);
  return j;
}

Form FormOfJson(const Json& j, const std::string& root) {
  Form f;
  f.id = j.at("id").get<std::string>();
  f.source = UnderRoot(root, GetText(j, "source"));
  f.title = GetText(j, "title");
  f.summary = GetText(j, "summary");
  f.purpose = GetText(j, "purpose");
  f.eligibility = GetText(j, "eligibility");
  f.deadline = GetDate(j, "deadline");
  f.date = GetDate(j, "date");
  f.updated = GetDate(j, "updated");
  f.steps = GetTexts(j, "steps");
  f.contact.value = GetText(j, "contact");
  for (const Json& d : GetJson(j, "fields")) {
    FormField field;
    field.name = d.at("name").get<std::string>();
    field.type = FieldTypeOf(d.at("type").get<std::string>());
    field.label = GetText(d, "label");
    field.help = GetText(d, "help");
    field.required = GetTrue(d, "required");
    field.options = GetTexts(d, "options");
    if (d.contains("max_length")) field.max_length = static_cast<int>(GetInt(d, "max_length"));
    if (d.contains("min")) field.min = static_cast<int>(GetInt(d, "min"));
    if (d.contains("max")) field.max = static_cast<int>(GetInt(d, "max"));
    field.pattern = GetText(d, "pattern");
    field.autocomplete = GetText(d, "autocomplete");
    f.fields.push_back(std::move(field));
  }
  f.action = GetText(j, "action");
  for (const Json& d : GetJson(j, "downloads")) f.downloads.push_back({GetText(d, "title"), GetText(d, "src"), {}});
  f.weight = static_cast<int>(GetInt(j, "weight"));
  f.draft = GetTrue(j, "draft");
  return f;
}

// ---- the city ----

// The text fields of site.yaml by key (intro is rendered by the shard and stays out).
const std::map<std::string, std::string CitySite::*>& SiteFields() {
  static const std::map<std::string, std::string CitySite::*> kFields = {
      {"name", &CitySite::name},         {"kana", &CitySite::kana},       {"slug", &CitySite::slug},
      {"prefecture", &CitySite::prefecture}, {"code", &CitySite::code},   {"theme", &CitySite::theme},
      {"contact", &CitySite::contact}, {"url", &CitySite::url},
      {"privacy_url", &CitySite::privacy_url}, {"license", &CitySite::license},
      {"license_url", &CitySite::license_url}};
  return kFields;
}

Json SiteJson(const CitySite& s) {
  Json j = Json::object();
  for (const auto& [key, member] : SiteFields()) PutText(j, key.c_str(), s.*member);
  if (s.date_style == DateStyle::kWareki) j["date_style"] = "wareki";
  Json tokens = Json::object(), nav = Json::array();
  for (const auto& [name, value] : s.tokens) tokens[name] = value.value;
  for (const NavLink& link : s.nav) nav.push_back({{"title", link.title}, {"url", link.url}});
  PutJson(j, "tokens", std::move(tokens));
  PutJson(j, "nav", std::move(nav));
  if (s.banner) j["banner"] = {{"level", s.banner->level}, {"text", s.banner->text}, {"url", s.banner->url}};
  PutTrue(j, "unsafe_html", s.unsafe_html);
  return j;
}

CitySite SiteOfJson(const Json& j) {
  CitySite s;
  for (const auto& [key, member] : SiteFields()) s.*member = GetText(j, key.c_str());
  if (s.slug.empty()) throw CityJsonError("市町村の slug がありません");
  s.date_style = GetText(j, "date_style") == "wareki" ? DateStyle::kWareki : DateStyle::kSeireki;
  for (const auto& [name, value] : GetJson(j, "tokens").items()) s.tokens[name] = {value.get<std::string>(), {}};
  for (const Json& link : GetJson(j, "nav")) s.nav.push_back({GetText(link, "title"), GetText(link, "url")});
  if (j.contains("banner")) {
    const Json& b = j.at("banner");
    s.banner = Banner{GetText(b, "level"), GetText(b, "text"), GetText(b, "url")};
  }
  s.unsafe_html = GetTrue(j, "unsafe_html");
  return s;
}

// Org fields by key, shared by writing and reading so the two cannot drift apart.
const std::map<std::string, std::string Org::*>& OrgFields() {
  static const std::map<std::string, std::string Org::*> kFields = {
      {"id", &Org::id},         {"name", &Org::name},     {"parent", &Org::parent},       {"postal_code", &Org::postal_code},
      {"address", &Org::address}, {"tel", &Org::tel},     {"extension", &Org::extension}, {"fax", &Org::fax},
      {"email", &Org::email},   {"form_url", &Org::form_url}, {"hours", &Org::hours}};
  return kFields;
}

}  // namespace

nlohmann::json CityToJson(const City& city, const std::string& root) {
  Json j = Json::object();
  j["dir"] = BelowRoot(root, city.dir);
  j["site"] = SiteJson(city.site);
  Json orgs = Json::array(), terms = Json::array(), pages = Json::array(), assets = Json::array(),
       forms = Json::array();
  for (const Org& org : city.orgs) {
    Json o = Json::object();
    for (const auto& [key, member] : OrgFields()) PutText(o, key.c_str(), org.*member);
    orgs.push_back(std::move(o));
  }
  // Only the terms the city added: the shared ones come from _taxonomies.yaml.
  for (const Vocabulary& voc : city.vocab.list()) {
    for (const Term& t : voc.terms) {
      if (t.city.empty()) continue;
      Json d = {{"vocab", voc.key}, {"name", t.name}, {"slug", t.slug}};
      PutText(d, "description", t.description);
      PutTexts(d, "aliases", t.aliases);
      terms.push_back(std::move(d));
    }
  }
  for (const Page& p : city.pages) pages.push_back(PageJson(city, p, root));
  for (const Asset& a : city.assets) {
    assets.push_back({{"source", BelowRoot(root, a.source)}, {"rel", a.rel}, {"size", a.size}});
    if (a.width) assets.back().update({{"width", a.width}, {"height", a.height}});
  }
  for (const Form& f : city.forms) forms.push_back(FormJson(f, root));
  PutJson(j, "orgs", std::move(orgs));
  PutJson(j, "terms", std::move(terms));
  PutJson(j, "pages", std::move(pages));
  PutJson(j, "assets", std::move(assets));
  PutJson(j, "forms", std::move(forms));
  return j;
}

City CityFromJson(const Json& j, const std::string& root, const Vocabularies& shared, Diagnostics* diags) {
  City city;
  city.dir = UnderRoot(root, j.at("dir").get<std::string>());
  city.site = SiteOfJson(j.at("site"));
  for (const Json& o : GetJson(j, "orgs")) {
    Org org;
    for (const auto& [key, member] : OrgFields()) org.*member = GetText(o, key.c_str());
    city.orgs.push_back(std::move(org));
  }
  std::vector<std::pair<std::string, Term>> added;
  for (const Json& d : GetJson(j, "terms")) {
    Term t{GetText(d, "name"), GetText(d, "slug"), GetText(d, "description"), GetTexts(d, "aliases"), city.site.slug, {}};
    added.push_back({GetText(d, "vocab"), std::move(t)});
  }
  city.vocab = shared.WithTerms(added, diags);
  for (const Json& p : GetJson(j, "pages")) city.pages.push_back(PageOfJson(city, p, root));
  for (const Json& a : GetJson(j, "assets")) {
    city.assets.push_back({UnderRoot(root, GetText(a, "source")), GetText(a, "rel"), a.at("size").get<uint64_t>()});
    city.assets.back().width = a.value("width", 0u);
    city.assets.back().height = a.value("height", 0u);
  }
  for (const Json& f : GetJson(j, "forms")) city.forms.push_back(FormOfJson(f, root));
  return city;
}

std::string BelowRoot(const std::string& root, const std::string& path) {
  return !root.empty() && IsUnder(path, root) ? path.substr(root.size() + 1) : path;
}

}  // namespace kyodo
