#include "manifest.h"

#include <doctest/doctest.h>

namespace kyodo {
// A namespace of its own: unity builds put several test files in one translation unit.
namespace manifest_test {

namespace {

constexpr const char* kVocab = R"(modes:
  label: 協働の形態
  terms:
    - {name: 共催, slug: kyosai}
    - {name: 協力・連携, slug: kyoryoku}
fields:
  label: 分野
  terms:
    - {name: 子どもの健全育成, slug: kodomo}
    - {name: 環境の保全, slug: kankyo}
actors:
  label: 主体
  terms:
    - {name: 市民, slug: shimin}
partnership:
  label: 協働の型
  terms:
    - {name: 市民×行政, slug: shimin-gyosei}
)";

Vocabularies SharedVocab() {
  YamlFile file("content/_taxonomies.yaml", kVocab);
  Diagnostics d;
  REQUIRE(file.Parse(&d));
  return Vocabularies::LoadShared(file, &d);
}

ManifestStamp TestStamp() {
  ManifestStamp s;
  s.generator = "0.1.0";
  s.inputs = "0123456789abcdef";
  s.base_url = "https://kyodo.example.jp/";
  s.build_date = {2026, 4, 1, DatePrecision::kDay};
  return s;
}

// A city with every field the manifest carries set to something other than its default.
City FullCity(const Vocabularies& shared) {
  City city;
  city.dir = "content/hoge";
  CitySite& s = city.site;
  s.name = "ほげ市";
  s.kana = "ほげし";
  s.slug = "hoge";
  s.prefecture = "長野県";
  s.code = "202177";
  s.theme = "machi";
  s.contact = "kyodo";
  s.intro = "intro is not carried";
  s.url = "https://www.city.hoge.jp/";
  s.privacy_url = "https://www.city.hoge.jp/privacy/";
  s.date_style = DateStyle::kWareki;
  s.tokens["color_primary"] = {"#1e6b3a", {"content/hoge/site.yaml", 7, 18}};
  s.tokens["logo"] = {"logo.svg", {}};
  s.nav = {{"市の公式サイト", "https://www.city.hoge.jp/"}};
  s.banner = Banner{"emergency", "大雨警報", "https://www.city.hoge.jp/bousai/"};
  s.unsafe_html = true;
  city.orgs = {{"kyodo", "協働推進係", "shimin", "385-8501", "長野県ほげ市1-1", "0267-62-2111", "418", "0267-62-2269",
                "kyodo@example.jp", "https://www.city.hoge.jp/form", "平日8時30分〜17時15分", {}},
               {"shimin", "市民課", "", "", "", "", "", "", "", "", "", {}}};
  Diagnostics d;
  city.vocab = shared.WithTerms({{"fields", Term{"雪国のくらし", "yukiguni", "市が加えた分野", {"雪"}, "hoge", {}}}}, &d);
  REQUIRE(d.empty());

  Page kase;
  kase.kind = PageKind::kCase;
  kase.id = "hana";
  kase.source = "content/hoge/cases/hana.md";
  kase.title = "花の植栽";
  kase.date = Date{2019, 5, 1, DatePrecision::kDay};
  kase.updated = Date{2020, 3, 0, DatePrecision::kMonth};
  kase.summary = "本文から";
  kase.summary_derived = true;
  kase.draft = true;
  kase.weight = -2;
  kase.contact.value = "shimin";
  kase.aliases = {{"hoge/old/hana.html", {}}};
  kase.body = "bodies are not carried";
  CaseInfo& c = kase.case_info;
  c.modes = {1, 0};
  c.fields = {2};  // the city's own term
  c.actors = {0};
  c.partnership = 0;
  c.groups = {{"hana-no-kai", {}}};
  c.period = Period{Date{1972, 0, 0, DatePrecision::kYear}, std::nullopt};
  c.place = "中込地区";
  c.images = {{"../assets/hana.png", "花壇", {}}};
  c.links = {{"市のページ", "https://www.city.hoge.jp/hana/"}};
  c.attachments = {{"報告書", "../assets/houkoku.pdf", {}}};

  Page group;
  group.kind = PageKind::kGroup;
  group.id = "hana-no-kai";
  group.source = "content/hoge/groups.csv";
  group.title = "特定非営利活動法人 花の会";
  group.bulk = true;
  GroupInfo& g = group.group;
  g = {"はなのかい", true, {1, 2}, "中込地区", "nakagomi", Date{2022, 0, 0, DatePrecision::kFiscalYear}, "20人",
       "1234567890123", "特定非営利活動法人", "0267-00-0000", "hana@example.jp", "https://hana.example.jp/",
       "なかごめちく"};

  Page plan;
  plan.kind = PageKind::kPolicy;
  plan.id = "keikaku";
  plan.source = "content/hoge/policies/keikaku.md";
  plan.title = "協働推進計画";
  plan.policy.kind = "計画";
  plan.policy.period = Period{std::nullopt, std::nullopt};  // an empty period is still a period
  plan.policy.basic_policies = {{"担い手を育てます", "理解を広める", {"講座", "研修"}}, {"環境をつくります", "", {}}};
  plan.policy.progress = {{"講座の開催", "実施中", 0}, {"研修", "未着手", std::nullopt}};
  plan.policy.parent.value = "shishin";

  Page news;
  news.kind = PageKind::kNews;
  news.id = "oshirase";
  news.source = "content/hoge/news/oshirase.md";
  news.title = "お知らせ";
  news.date = Date{2024, 1, 15, DatePrecision::kDay};
  city.pages = {kase, group, plan, news};
  city.assets = {{"content/hoge/assets/logo.svg", "logo.svg", 2048}, {"content/hoge/assets/y/t.pdf", "y/t.pdf", 123456}};

  Form form;
  form.id = "teian";
  form.source = "content/hoge/forms/teian.yaml";
  form.title = "協働の提案";
  form.summary = "提案の様式";
  form.purpose = "目的";
  form.eligibility = "市民";
  form.deadline = Date{2026, 3, 31, DatePrecision::kDay};
  form.date = Date{2025, 4, 0, DatePrecision::kMonth};
  form.updated = Date{2025, 5, 1, DatePrecision::kDay};
  form.steps = {"印刷する", "提出する"};
  form.contact.value = "kyodo";
  FormField kind{"kind", FieldType::kRadio, "種別", "どちらか", true, {"提案", "相談"}, std::nullopt, "", "", {}};
  FormField name{"name", FieldType::kText, "氏名", "", false, {}, 50, "[^0-9]+", "name", {}};
  FormField members{"members", FieldType::kNumber, "会員数", "", false, {}, std::nullopt, "", "", -1, 500};
  form.fields = {kind, name, members};
  form.action = "https://apply.example.jp/f/1";
  form.downloads = {{"様式（PDF）", "../assets/y/t.pdf", {}}};
  form.weight = 3;
  form.draft = true;
  city.forms = {form};
  return city;
}

// Both lists have the same length and `same` holds for each pair.
template <typename T, typename Same>
void CheckEach(const std::vector<T>& a, const std::vector<T>& b, Same same) {
  REQUIRE(a.size() == b.size());
  for (size_t i = 0; i < a.size(); ++i) same(a[i], b[i]);
}

void CheckSameDate(const std::optional<Date>& a, const std::optional<Date>& b) {
  REQUIRE(a.has_value() == b.has_value());
  if (a) CHECK(*a == *b);
}

void CheckSamePeriod(const std::optional<Period>& a, const std::optional<Period>& b) {
  REQUIRE(a.has_value() == b.has_value());
  if (!a) return;
  CheckSameDate(a->since, b->since);
  CheckSameDate(a->until, b->until);
}

std::vector<std::string> Values(const std::vector<Located>& v) {
  std::vector<std::string> out;
  for (const Located& l : v) out.push_back(l.value);
  return out;
}

void CheckSamePage(const Page& a, const Page& b) {
  CAPTURE(a.id);
  CHECK(a.kind == b.kind);
  CHECK(a.id == b.id);
  CHECK(a.source == b.source);
  CHECK(a.title == b.title);
  CheckSameDate(a.date, b.date);
  CheckSameDate(a.updated, b.updated);
  CHECK(a.summary == b.summary);
  CHECK(a.summary_derived == b.summary_derived);
  CHECK(a.bulk == b.bulk);
  CHECK(a.draft == b.draft);
  CHECK(a.weight == b.weight);
  CHECK(a.contact.value == b.contact.value);
  CHECK(Values(a.aliases) == Values(b.aliases));
  const CaseInfo &ca = a.case_info, &cb = b.case_info;
  CHECK(ca.modes == cb.modes);
  CHECK(ca.fields == cb.fields);
  CHECK(ca.actors == cb.actors);
  CHECK(ca.partnership == cb.partnership);
  CHECK(Values(ca.groups) == Values(cb.groups));
  CheckSamePeriod(ca.period, cb.period);
  CHECK(ca.place == cb.place);
  CheckEach(ca.images, cb.images, [](const Image& x, const Image& y) {
    CHECK(x.src == y.src);
    CHECK(x.alt == y.alt);
  });
  CheckEach(ca.links, cb.links, [](const ExternalLink& x, const ExternalLink& y) {
    CHECK(x.title == y.title);
    CHECK(x.url == y.url);
  });
  CheckEach(ca.attachments, cb.attachments, [](const Attachment& x, const Attachment& y) {
    CHECK(x.title == y.title);
    CHECK(x.src == y.src);
  });
  const GroupInfo &ga = a.group, &gb = b.group;
  CHECK(ga.kana == gb.kana);
  CHECK(ga.kana_derived == gb.kana_derived);
  CHECK(ga.fields == gb.fields);
  CHECK(ga.area == gb.area);
  CHECK(ga.area_slug == gb.area_slug);
  CHECK(ga.area_kana == gb.area_kana);
  CheckSameDate(ga.established, gb.established);
  CHECK(ga.members == gb.members);
  CHECK(ga.corporate_number == gb.corporate_number);
  CHECK(ga.corporate_form == gb.corporate_form);
  CHECK(ga.tel == gb.tel);
  CHECK(ga.email == gb.email);
  CHECK(ga.url == gb.url);
  const PolicyInfo &pa = a.policy, &pb = b.policy;
  CHECK(pa.kind == pb.kind);
  CheckSamePeriod(pa.period, pb.period);
  CheckEach(pa.basic_policies, pb.basic_policies, [](const BasicPolicy& x, const BasicPolicy& y) {
    CHECK(x.title == y.title);
    CHECK(x.summary == y.summary);
    CHECK(x.measures == y.measures);
  });
  CheckEach(pa.progress, pb.progress, [](const ProgressItem& x, const ProgressItem& y) {
    CHECK(x.measure == y.measure);
    CHECK(x.status == y.status);
    CHECK(x.percent == y.percent);
  });
  CHECK(pa.parent.value == pb.parent.value);
}

void CheckSameForm(const Form& a, const Form& b) {
  CHECK(a.id == b.id);
  CHECK(a.source == b.source);
  CHECK(a.title == b.title);
  CHECK(a.summary == b.summary);
  CHECK(a.purpose == b.purpose);
  CHECK(a.eligibility == b.eligibility);
  CheckSameDate(a.deadline, b.deadline);
  CheckSameDate(a.date, b.date);
  CheckSameDate(a.updated, b.updated);
  CHECK(a.steps == b.steps);
  CHECK(a.contact.value == b.contact.value);
  CheckEach(a.fields, b.fields, [](const FormField& x, const FormField& y) {
    CHECK(x.name == y.name);
    CHECK(x.type == y.type);
    CHECK(x.label == y.label);
    CHECK(x.help == y.help);
    CHECK(x.required == y.required);
    CHECK(x.options == y.options);
    CHECK(x.max_length == y.max_length);
    CHECK(x.pattern == y.pattern);
    CHECK(x.autocomplete == y.autocomplete);
    CHECK(x.min == y.min);
    CHECK(x.max == y.max);
  });
  CHECK(a.action == b.action);
  CheckEach(a.downloads, b.downloads, [](const FormDownload& x, const FormDownload& y) {
    CHECK(x.title == y.title);
    CHECK(x.src == y.src);
  });
  CHECK(a.weight == b.weight);
  CHECK(a.draft == b.draft);
}

void CheckSameCity(const City& a, const City& b) {
  CHECK(a.dir == b.dir);
  const CitySite &sa = a.site, &sb = b.site;
  for (auto member : {&CitySite::name, &CitySite::kana, &CitySite::slug, &CitySite::prefecture, &CitySite::code,
                      &CitySite::theme, &CitySite::contact, &CitySite::url, &CitySite::privacy_url}) {
    CHECK(sa.*member == sb.*member);
  }
  CHECK(sa.date_style == sb.date_style);
  REQUIRE(sa.tokens.size() == sb.tokens.size());
  for (const auto& [name, value] : sa.tokens) CHECK(sb.tokens.at(name).value == value.value);
  CheckEach(sa.nav, sb.nav, [](const NavLink& x, const NavLink& y) {
    CHECK(x.title == y.title);
    CHECK(x.url == y.url);
  });
  REQUIRE(sa.banner.has_value() == sb.banner.has_value());
  if (sa.banner) {
    CHECK(sa.banner->level == sb.banner->level);
    CHECK(sa.banner->text == sb.banner->text);
    CHECK(sa.banner->url == sb.banner->url);
  }
  CHECK(sa.unsafe_html == sb.unsafe_html);
  CheckEach(a.orgs, b.orgs, [](const Org& x, const Org& y) {
    for (auto member : {&Org::id, &Org::name, &Org::parent, &Org::postal_code, &Org::address, &Org::tel,
                        &Org::extension, &Org::fax, &Org::email, &Org::form_url, &Org::hours}) {
      CHECK(x.*member == y.*member);
    }
  });
  CheckEach(a.vocab.list(), b.vocab.list(), [](const Vocabulary& x, const Vocabulary& y) {
    CHECK(x.key == y.key);
    CheckEach(x.terms, y.terms, [](const Term& s, const Term& t) {
      CHECK(s.name == t.name);
      CHECK(s.slug == t.slug);
      CHECK(s.description == t.description);
      CHECK(s.aliases == t.aliases);
      CHECK(s.city == t.city);
    });
  });
  CheckEach(a.pages, b.pages, CheckSamePage);
  CheckEach(a.assets, b.assets, [](const Asset& x, const Asset& y) {
    CHECK(x.source == y.source);
    CHECK(x.rel == y.rel);
    CHECK(x.size == y.size);
  });
  CheckEach(a.forms, b.forms, CheckSameForm);
}

CityManifest FullManifest(const Vocabularies& shared) {
  CityManifest m;
  m.stamp = TestStamp();
  m.city = FullCity(shared);
  SearchDoc doc{"hoge/cases/hana/", "hoge", "cases", "協働事例", "2019-05-01", "花の植栽", {"経緯", "成果"},
                "本文 概要：花", {{"modes", "kyoryoku"}, {"fields", "yukiguni"}}};
  m.search_docs = {doc};
  m.pages = {"hoge/", "hoge/cases/hana/"};
  m.links = {{"content/hoge/cases/hana.md", 9, 3, "../../fuga/cases/yuki.md#a", true, "fuga/cases/yuki/#a"}};
  return m;
}

// `text` with the first `from` replaced by `to` (which must be there).
std::string Edited(std::string text, const std::string& from, const std::string& to) {
  size_t at = text.find(from);
  REQUIRE(at != std::string::npos);
  return text.replace(at, from.size(), to);
}

std::optional<CityManifest> Read(const std::string& text, const Vocabularies& shared, Diagnostics* d,
                                 const std::string& root = "content") {
  return ReadManifest("shards/hoge/_kyodo/manifests/hoge.json", text, root, shared, d);
}

}  // namespace

TEST_CASE("a manifest written and read back holds the same city, documents, pages and links") {
  Vocabularies shared = SharedVocab();
  CityManifest m = FullManifest(shared);
  std::string text = WriteManifest(m, "content");
  CHECK(text.find("bodies are not carried") == std::string::npos);
  CHECK(text.find("intro is not carried") == std::string::npos);
  CHECK(text.find("\"source\":\"hoge/cases/hana.md\"") != std::string::npos);  // relative to content/
  CHECK(text.find("\"modes\":[\"kyoryoku\",\"kyosai\"]") != std::string::npos);  // terms by slug, in page order
  Diagnostics d;
  std::optional<CityManifest> back = Read(text, shared, &d);
  REQUIRE(back);
  CHECK(d.empty());
  CheckSameCity(m.city, back->city);
  CHECK(back->stamp.generator == "0.1.0");
  CHECK(back->stamp.inputs == "0123456789abcdef");
  CHECK(back->stamp.base_url == "https://kyodo.example.jp/");
  CHECK_FALSE(back->stamp.drafts);
  CHECK(back->stamp.build_date == Date{2026, 4, 1, DatePrecision::kDay});
  REQUIRE(back->search_docs.size() == 1);
  const SearchDoc& doc = back->search_docs[0];
  CHECK(doc.path == "hoge/cases/hana/");
  CHECK(doc.city == "hoge");
  CHECK(doc.type == "cases");
  CHECK(doc.type_label == "協働事例");
  CHECK(doc.date == "2019-05-01");
  CHECK(doc.title == "花の植栽");
  CHECK(doc.headings == std::vector<std::string>{"経緯", "成果"});
  CHECK(doc.text == "本文 概要：花");
  CHECK(doc.terms == std::vector<SearchTerm>{{"modes", "kyoryoku"}, {"fields", "yukiguni"}});
  CHECK(back->pages == std::vector<std::string>{"hoge/", "hoge/cases/hana/"});
  REQUIRE(back->links.size() == 1);
  const CrossCityLink& link = back->links[0];
  CHECK(link.source == "content/hoge/cases/hana.md");
  CHECK(link.line == 9);
  CHECK(link.col == 3);
  CHECK(link.url == "../../fuga/cases/yuki.md#a");
  CHECK(link.image);
  CHECK(link.site_path == "fuga/cases/yuki/#a");
  // Deterministic, and nothing is lost on the way: the read-back writes the same bytes.
  CHECK(WriteManifest(*back, "content") == text);
}

TEST_CASE("a manifest's content paths follow the portal step's content folder") {
  Vocabularies shared = SharedVocab();
  std::string text = WriteManifest(FullManifest(shared), "content");
  Diagnostics d;
  std::optional<CityManifest> back = Read(text, shared, &d, "../repo/content");
  REQUIRE(back);
  CHECK(back->city.dir == "../repo/content/hoge");
  CHECK(back->city.pages[0].source == "../repo/content/hoge/cases/hana.md");
  CHECK(back->city.assets[1].source == "../repo/content/hoge/assets/y/t.pdf");
  CHECK(back->city.forms[0].source == "../repo/content/hoge/forms/teian.yaml");
  CHECK(back->links[0].source == "../repo/content/hoge/cases/hana.md");
}

TEST_CASE("dates keep their precision through a manifest") {
  Vocabularies shared = SharedVocab();
  CityManifest m = FullManifest(shared);
  const Date dates[] = {{2010, 3, 1, DatePrecision::kDay}, {2005, 3, 0, DatePrecision::kMonth},
                        {1972, 0, 0, DatePrecision::kYear}, {2022, 0, 0, DatePrecision::kFiscalYear},
                        {2019, 0, 0, DatePrecision::kYear, true}};  // 令和元年, not 平成31年
  for (const Date& date : dates) {
    m.city.pages[3].date = date;
    Diagnostics d;
    std::optional<CityManifest> back = Read(WriteManifest(m, "content"), shared, &d);
    REQUIRE(back);
    CHECK(back->city.pages[3].date == date);
  }
}

TEST_CASE("a broken or foreign manifest is an error naming the file") {
  Vocabularies shared = SharedVocab();
  const std::string good = WriteManifest(FullManifest(shared), "content");
  auto error_of = [&](const std::string& text) {
    Diagnostics d;
    CHECK_FALSE(Read(text, shared, &d));
    REQUIRE(d.items().size() == 1);
    CHECK(d.items()[0].loc.file == "shards/hoge/_kyodo/manifests/hoge.json");
    return d.items()[0].message + "｜" + d.items()[0].hint;
  };
  CHECK(error_of("{\"format\": 1, \"city\": ") ==
        "マニフェストが JSON として読めません（23 バイト目）｜この市町村を kyodo build --city でビルドし直してください");
  CHECK(error_of(Edited(good, "\"format\":1", "\"format\":2")) == "マニフェストの形式（版 2）がこの kyodo（版 1）と違います｜"
                           "市町村ごとのビルドとポータルのビルドには同じ版の kyodo を使ってください");
  CHECK(error_of("[]") == "マニフェストの形式（版なし）がこの kyodo（版 1）と違います｜"
                          "市町村ごとのビルドとポータルのビルドには同じ版の kyodo を使ってください");
  CHECK(error_of(Edited(good, "\"title\":\"花の植栽\"", "\"title\":5")).rfind("マニフェストの内容が正しくありません: [json.exception.type_error.302] type must be string, "
                                   "but is number｜",
                                   0) == 0);
  CHECK(error_of(Edited(good, "\"kyoryoku\",\"kyosai\"", "\"kyoryoku\",\"kyosei\"")) == "マニフェストの内容が正しくありません: 語彙「modes」に slug「kyosei」の用語がありません｜"
                                  "この市町村を kyodo build --city でビルドし直してください");
  CHECK(error_of(Edited(good, "\"2024-01-15\"", "\"2024/01/15\"")) == "マニフェストの内容が正しくありません: 日付「2024/01/15」が読めません｜"
                              "この市町村を kyodo build --city でビルドし直してください");
}

TEST_CASE("a manifest from another build is refused, each difference said") {
  ManifestStamp want = TestStamp();
  Diagnostics same;
  CHECK(CheckStamp("m.json", want, want, &same));
  CHECK(same.empty());
  ManifestStamp got = want;
  got.generator = "0.0.9";
  got.inputs = "fedcba9876543210";
  got.base_url = "";
  got.drafts = true;
  got.build_date = {2026, 3, 31, DatePrecision::kDay};
  Diagnostics d;
  CHECK_FALSE(CheckStamp("m.json", got, want, &d));
  REQUIRE(d.items().size() == 5);
  CHECK(d.items()[0].message == "マニフェストは kyodo 0.0.9 で作られています（このビルドは 0.1.0）");
  CHECK(d.items()[1].message == "マニフェストは別の _portal.yaml・_taxonomies.yaml・templates/・themes/ から作られています");
  CHECK(d.items()[2].message ==
        "マニフェストは --base-url なし（相対リンク） で作られています（このビルドは https://kyodo.example.jp/）");
  CHECK(d.items()[3].message == "マニフェストは --drafts ありで作られています");
  CHECK(d.items()[4].message == "マニフェストは 2026-03-31 の日付で作られています（このビルドは 2026-04-01）");
  CHECK(d.items()[4].hint == "--build-date か SOURCE_DATE_EPOCH で、すべてのビルドの日付をそろえてください");
  CHECK(d.items()[4].loc.file == "m.json");
}

TEST_CASE("the inputs fingerprint follows the bytes and names of the files, not where they are") {
  MemoryDisk disk;
  disk.Add("a/content/_portal.yaml", "title: ポータル\n");
  disk.Add("a/templates/page.mustache", "<h1>{{title}}</h1>");
  disk.Add("a/templates/partials/head.mustache", "<head>");
  disk.Add("b/content/_portal.yaml", "title: ポータル\n");
  disk.Add("b/templates/page.mustache", "<h1>{{title}}</h1>");
  disk.Add("b/templates/partials/head.mustache", "<head>");
  auto print = [&](const std::string& root) {
    return InputsFingerprint(disk, {root + "/content/_portal.yaml", root + "/templates"});
  };
  std::string a = print("a");
  CHECK(a.size() == 16);
  CHECK(a == print("b"));
  disk.Add("b/templates/partials/head.mustache", "<head >");
  CHECK(a != print("b"));
  disk.Add("b/templates/partials/head.mustache", "<head>");
  CHECK(a == print("b"));
  disk.Add("b/templates/partials/foot.mustache", "");
  CHECK(a != print("b"));  // a new file, even an empty one
  disk.Add("a/templates/partials/foot.mustache", "");
  CHECK(print("a") == print("b"));
}

}  // namespace manifest_test
}  // namespace kyodo
