#include "opendata.h"

#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "bulk_groups.h"
#include "city_names.h"
#include "csv.h"
#include "views.h"

namespace kyodo {
namespace {

Vocabularies TestVocab() {
  YamlFile file("_taxonomies.yaml", R"(
modes: {label: 協働の形態, terms: [{name: 共催, slug: kyosai}, {name: 委託, slug: itaku}]}
fields: {label: 分野, terms: [{name: 子どもの健全育成, slug: kodomo}, {name: まちづくり, slug: machizukuri}]}
actors: {label: 主体, terms: [{name: 市民, slug: shimin}, {name: 行政, slug: gyosei}]}
partnership: {label: 協働の型, terms: [{name: 市民×行政, slug: shimin-gyosei}]}
)");
  Diagnostics d;
  REQUIRE(file.Parse(&d));
  return Vocabularies::LoadShared(file, &d);
}

/// A one-city site: two groups from a groups.yaml, one case and one plan.
struct Fixture {
  Content content;
  std::unique_ptr<SiteIndex> index;
  Urls urls{"", "https://kyodo.example.jp/"};
  std::unique_ptr<ViewContext> ctx;

  Fixture() {
    City city;
    city.site.name = "砂川市";
    city.site.prefecture = "北海道";
    city.site.slug = "sunagawa";
    city.site.code = "012262";
    city.site.contact = "kyodo";
    city.orgs = {{"kyodo", "協働推進係", "somu", "", "", "0125-54-2121", "218", "0125-54-2568", "", "", "", {}},
                 {"somu", "総務部 市長公室課", "", "", "", "", "", "", "", "", "", {}}};
    city.vocab = TestVocab();
    MemoryDisk disk;
    disk.Add("c/sunagawa/groups.yaml", R"(
- id: salon
  title: NPO法人 子育て "サロン"
  kana: コソダテサロン
  fields: [子どもの健全育成, まちづくり]
  area: 東地区
  established: 平成25年度
  members: 約20人
  corporate_number: "7000012050002"
  summary: "毎週水曜日、公民館で。\n連絡はメールで"
  contact: {tel: 0125-00-0000, email: salon@example.jp}
  url: https://salon.example.jp/
  date: 2013-04-01
- id: cho
  title: 町内会連合会
  kana: ちょうないかいれんごうかい
)");
    Diagnostics d;
    city.pages = LoadBulkGroups(disk, {"c/sunagawa/groups.yaml"}, {}, city.vocab, nullptr, &d);
    REQUIRE(d.empty());
    Page c;
    c.kind = PageKind::kCase;
    c.id = "kosodate";
    c.title = "子育て, 広場";
    c.date = Date{2013, 4, 0, DatePrecision::kMonth};
    c.summary = "市民と市が共催";
    c.case_info.modes = {0, 1};
    c.case_info.actors = {0, 1};
    c.case_info.partnership = 0;
    c.case_info.groups = {{"salon", {}}};
    c.case_info.period = Period{Date{2013, 0, 0, DatePrecision::kFiscalYear}, Date{2015, 0, 0, DatePrecision::kFiscalYear}};
    city.pages.push_back(c);
    Page p;
    p.kind = PageKind::kPolicy;
    p.id = "shishin";
    p.title = "協働のまちづくり指針";
    p.policy.kind = "指針";
    p.policy.basic_policies = {{"啓発活動の推進", "", {}}, {"人材育成の推進", "", {}}};
    city.pages.push_back(p);
    content.cities.push_back(std::move(city));
    index = std::make_unique<SiteIndex>(SiteIndex::Build(content));
    ctx = std::make_unique<ViewContext>(ViewContext{content, *index, urls, {}, {}, false, 20, {}});
    ctx->city_names = PortalCityNames(content.cities);
    ctx->members_word = PortalMembersWord(content.cities);
  }
};

std::vector<std::string> Header(const OpenDataTable& t) {
  std::vector<std::string> out;
  for (const auto& c : t.columns) out.push_back(c.name);
  return out;
}

TEST_CASE("groups.csv: 自治体標準 columns, 全角カナ, 法人格, lists joined with ;") {
  Fixture f;
  REQUIRE(OpenDataTableCount() == 3);
  const OpenDataTable groups = OpenDataTableOf(*f.ctx, 0, 1);
  CHECK(groups.name == "groups");
  CHECK(Header(groups) == std::vector<std::string>{"全国地方公共団体コード", "ID", "地方公共団体名", "名称", "名称_カナ",
                                                   "法人格", "法人番号", "分野", "地域", "設立年月日", "会員数", "概要",
                                                   "連絡先電話番号", "連絡先メールアドレス", "ウェブサイト",
                                                   "関連する協働事例ID", "掲載日", "更新日", "URL"});
  std::string csv = OpenDataCsv(groups);
  // 五十音順: こそだてさろん before ちょうないかい.
  CHECK(csv ==
        "\xEF\xBB\xBF"
        "全国地方公共団体コード,ID,地方公共団体名,名称,名称_カナ,法人格,法人番号,分野,地域,設立年月日,会員数,概要,"
        "連絡先電話番号,連絡先メールアドレス,ウェブサイト,関連する協働事例ID,掲載日,更新日,URL\r\n"
        "012262,salon,北海道砂川市,\"NPO法人 子育て \"\"サロン\"\"\",コソダテサロン,特定非営利活動法人,7000012050002,"
        "子どもの健全育成;まちづくり,東地区,2013-04,約20人,毎週水曜日、公民館で。連絡はメールで,0125-00-0000,"
        "salon@example.jp,https://salon.example.jp/,kosodate,2013-04-01,,https://kyodo.example.jp/sunagawa/groups/salon/\r\n"
        "012262,cho,北海道砂川市,町内会連合会,チョウナイカイレンゴウカイ,,,,,,,,,,,,,,"
        "https://kyodo.example.jp/sunagawa/groups/cho/\r\n");
}

TEST_CASE("a 都道府県's own folder is named once in 地方公共団体名 and the publisher, not 北海道北海道") {
  Fixture f;
  f.content.cities[0].site.name = "北海道";
  const OpenDataTable groups = OpenDataTableOf(*f.ctx, 0, 1);
  const std::string csv = OpenDataCsv(groups);
  CHECK(csv.find("\r\n012262,salon,北海道,") != std::string::npos);
  CHECK(csv.find("北海道北海道") == std::string::npos);
  CHECK(OpenDataLicenses(*f.ctx, 0).at(0).publisher == "北海道");  // the JSON's licenses list too
}

TEST_CASE("cases.csv: 内線 and FAX in their own columns, 年度 periods as months") {
  Fixture f;
  const OpenDataTable cases = OpenDataTableOf(*f.ctx, 0, 0);
  REQUIRE(cases.rows.size() == 1);
  std::map<std::string, std::string> row;
  for (size_t i = 0; i < cases.columns.size(); ++i) {
    std::string joined;
    for (const auto& v : cases.rows[0][i]) joined += (joined.empty() ? "" : ";") + v;
    row[cases.columns[i].name] = joined;
  }
  CHECK(row["名称"] == "子育て, 広場");
  CHECK(row["協働の形態"] == "共催;委託");
  CHECK(row["主体"] == "市民;行政");
  CHECK(row["協働の型"] == "市民×行政");
  CHECK(row["関係団体ID"] == "salon");
  CHECK(row["期間_開始"] == "2013-04");  // 平成25年度 starts in April 2013…
  CHECK(row["期間_終了"] == "2016-03");  // …and 2015年度 ends in March 2016
  CHECK(row["掲載日"] == "2013-04");
  CHECK(row["連絡先名称"] == "砂川市 総務部 市長公室課 協働推進係");
  CHECK(row["連絡先電話番号"] == "0125-54-2121");
  CHECK(row["連絡先内線番号"] == "218");
  CHECK(row["連絡先FAX番号"] == "0125-54-2568");
  CHECK(row["URL"] == "https://kyodo.example.jp/sunagawa/cases/kosodate/");
}

TEST_CASE("a 「;」 inside one value of a list cell is written 全角 in CSV, so splitting the cell gives the values") {
  Fixture f;
  Page& plan = f.content.cities[0].pages.back();
  REQUIRE(plan.kind == PageKind::kPolicy);
  plan.policy.basic_policies[0].title = "計画; 実行";
  plan.title = "指針; 概要版";  // one value: kept as written
  const OpenDataTable table = OpenDataTableOf(*f.ctx, 0, 2);
  const std::string csv = OpenDataCsv(table);
  CHECK(csv.find(",指針; 概要版,") != std::string::npos);
  CHECK(csv.find(",計画； 実行;人材育成の推進,") != std::string::npos);
  auto json = nlohmann::json::parse(OpenDataJson(table, "p"));
  CHECK(json["records"][0]["基本方針"] == nlohmann::json::array({"計画; 実行", "人材育成の推進"}));
}

TEST_CASE("without a canonical base, URLs are site-relative") {
  Fixture f;
  Urls relative("", "");
  ViewContext ctx{f.content, *f.index, relative, {}, {}, false, 20, {}};
  ctx.city_names = PortalCityNames(f.content.cities);
  ctx.members_word = PortalMembersWord(f.content.cities);
  const OpenDataTable policies = OpenDataTableOf(ctx, 0, 2);
  REQUIRE(policies.rows.size() == 1);
  CHECK(policies.rows[0].back() == std::vector<std::string>{});  // no email for the org
  size_t url = 0;
  while (policies.columns[url].name != "URL") ++url;
  CHECK(policies.rows[0][url] == std::vector<std::string>{"sunagawa/policies/shishin/"});
}

TEST_CASE("the exported groups.csv loads back as the same groups") {
  Fixture f;
  std::string csv = OpenDataCsv(OpenDataTableOf(*f.ctx, 0, 1));
  MemoryDisk disk;
  disk.Add("c/sunagawa/groups.csv", csv);
  Diagnostics d;
  std::vector<Page> back =
      LoadBulkGroups(disk, {"c/sunagawa/groups.csv"}, {}, f.content.cities[0].vocab, nullptr, &d);
  CHECK(d.empty());
  REQUIRE(back.size() == 2);
  const Page& before = f.content.cities[0].pages[0];
  const Page& after = back[0];
  CHECK(after.id == before.id);
  CHECK(after.title == before.title);
  CHECK(after.group.kana == before.group.kana);
  CHECK(after.group.corporate_form == "特定非営利活動法人");
  CHECK(after.group.corporate_number == before.group.corporate_number);
  CHECK(after.group.fields == before.group.fields);
  CHECK(after.group.area == before.group.area);
  CHECK(after.group.established->Iso() == "2013-04");  // a 年度 comes back as its first month
  CHECK(after.group.members == before.group.members);
  CHECK(after.summary == before.summary);
  CHECK(after.group.tel == before.group.tel);
  CHECK(after.group.email == before.group.email);
  CHECK(after.group.url == before.group.url);
  CHECK(*after.date == *before.date);
}

TEST_CASE("JSON has the same columns; lists are arrays") {
  Fixture f;
  auto json = nlohmann::json::parse(OpenDataJson(OpenDataTableOf(*f.ctx, 0, 1), "北海道砂川市"));
  CHECK(json["title"] == "市民活動団体一覧");
  CHECK(json["publisher"] == "北海道砂川市");
  CHECK(json["columns"].size() == 19);
  CHECK(json["columns"][4]["name"] == "名称_カナ");
  CHECK(json["records"].size() == 2);
  CHECK(json["records"][0]["名称"] == "NPO法人 子育て \"サロン\"");
  CHECK(json["records"][0]["分野"] == nlohmann::json::array({"子どもの健全育成", "まちづくり"}));
  CHECK(json["records"][1]["分野"] == nlohmann::json::array());
  CHECK(json["records"][1]["法人番号"] == "");
}

TEST_CASE("the JSON states each city's terms of use, empty where the city states none") {
  Fixture f;
  auto licenses = [&](int city) {
    return nlohmann::json::parse(OpenDataJson(OpenDataTableOf(*f.ctx, city, 0), "p", OpenDataLicenses(*f.ctx, city)))["licenses"];
  };
  CHECK(licenses(0) == nlohmann::json::parse(R"([{"publisher": "北海道砂川市", "license": "", "url": ""}])"));
  f.content.cities[0].site.license = "CC BY 4.0";
  f.content.cities[0].site.license_url = "https://example.jp/opendata/license.html";
  CHECK(licenses(-1) == nlohmann::json::parse(
                            R"([{"publisher": "北海道砂川市", "license": "CC BY 4.0", "url": "https://example.jp/opendata/license.html"}])"));
}

TEST_CASE("the opendata page carries schema.org Dataset JSON-LD that cannot close its <script>") {
  Fixture f;
  f.content.cities[0].site.name = "砂川市</script><b>";
  f.content.cities[0].site.license = "CC BY 4.0";
  std::vector<OpenDataFile> files = {{0, "CSV", "sunagawa/opendata/cases.csv", 10}};
  mustache::data page = OpenDataView(*f.ctx, 0, {OpenDataTableOf(*f.ctx, 0, 0)}, files);
  REQUIRE(page.get("jsonld"));
  const std::string ld = page.get("jsonld")->string_value();
  CHECK(ld.find("</") == std::string::npos);
  auto json = nlohmann::json::parse(ld);
  CHECK(json["@type"] == "Dataset");
  CHECK(json["publisher"]["name"] == "北海道砂川市</script><b>");
  CHECK(json["license"]["name"] == "CC BY 4.0");
  CHECK(json["distribution"][0]["contentUrl"] == "https://kyodo.example.jp/sunagawa/opendata/cases.csv");
  CHECK(json["distribution"][0]["encodingFormat"] == "text/csv");
}

TEST_CASE("WriteOpenDataTable writes CSV and JSON of a table under opendata/") {
  Fixture f;
  NullSink sink;
  Diagnostics d;
  std::vector<OpenDataFile> files;
  std::vector<OpenDataTable> tables;
  for (size_t t = 0; t < OpenDataTableCount(); ++t) tables.push_back(WriteOpenDataTable(*f.ctx, -1, t, &sink, &files, &d));
  CHECK(d.empty());
  CHECK(tables[1].rows.empty());  // dropped once written…
  CHECK(tables[1].row_count == 2);  // …but counted for the page
  REQUIRE(files.size() == 6);
  CHECK(files[0].site_path == "opendata/cases.csv");
  CHECK(files[0].format == "CSV");
  CHECK(files[0].size == OpenDataCsv(OpenDataTableOf(*f.ctx, -1, 0)).size());
  CHECK(files[5].site_path == "opendata/policies.json");
  CHECK(OpenDataDir(*f.ctx, 0) == "sunagawa/opendata/");
}

TEST_CASE("JSON written record by record is laid out as one dump of the whole document") {
  Fixture f;
  using Json = nlohmann::ordered_json;
  for (size_t t = 0; t < OpenDataTableCount(); ++t) {
    OpenDataTable table = OpenDataTableOf(*f.ctx, 0, t);
    for (bool empty : {false, true}) {
      if (empty) table.rows.clear();
      Json doc;
      doc["title"] = table.title;
      doc["publisher"] = "北海道砂川市";
      doc["licenses"] = Json::array({{{"publisher", "北海道砂川市"}, {"license", "CC BY 4.0"}, {"url", ""}}});
      doc["columns"] = Json::array();
      for (const OpenDataColumn& col : table.columns) {
        doc["columns"].push_back({{"name", col.name}, {"type", col.type}, {"description", col.description}});
      }
      doc["records"] = Json::array();
      for (const auto& cells : table.rows) {
        Json record = Json::object();
        for (size_t i = 0; i < cells.size(); ++i) {
          const OpenDataColumn& col = table.columns[i];
          record[col.name] = col.list ? Json(cells[i]) : Json(cells[i].empty() ? "" : cells[i][0]);
        }
        doc["records"].push_back(std::move(record));
      }
      CAPTURE(table.name);
      CAPTURE(empty);
      CHECK(OpenDataJson(table, "北海道砂川市", {{"北海道砂川市", "CC BY 4.0", ""}}) == doc.dump(1) + "\n");
    }
  }
}

}  // namespace
}  // namespace kyodo
