#include "opendata.h"

#include <functional>
#include <iterator>
#include <nlohmann/json.hpp>

#include "city_names.h"
#include "csv.h"
#include "kana.h"
#include "text.h"

namespace kyodo {

namespace {

using Cell = std::vector<std::string>;

/// The page a row describes, with what its cells are computed from.
struct Row {
  const ViewContext& ctx;
  int c;
  const City& city;
  int p;
  const Page& page;
};

/// A column and how to fill it: the table definitions below read like the page that documents them.
struct Field {
  OpenDataColumn column;
  std::function<Cell(const Row&)> get;
};

constexpr const char* kDateNote =
    "西暦の年月日（YYYY-MM-DD）。元の資料が年月までのときは YYYY-MM、年までのときは YYYY、年度のときはその年度の始まる月"
    "（YYYY-04）";
constexpr const char* kListNote = "。複数のときは「;」で区切ります（値の中の「;」は全角の「；」にしています）";

Cell One(const std::string& v) { return v.empty() ? Cell{} : Cell{v}; }

Cell IsoStart(const std::optional<Date>& d) { return d ? Cell{IsoFirst(*d)} : Cell{}; }
Cell IsoEnd(const std::optional<Date>& d) { return d ? Cell{IsoLast(*d)} : Cell{}; }

Cell Terms(const City& city, const char* vocab, const std::vector<int>& terms) {
  Cell out;
  int v = city.vocab.IndexOf(vocab);
  for (int t : terms) out.push_back(city.vocab.at(v).terms[static_cast<size_t>(t)].name);
  return out;
}

Cell PageUrl(const Row& r) {
  std::string path = PagePath(r.city, r.page);
  std::string absolute = r.ctx.urls.Absolute(path);
  return {absolute.empty() ? path : absolute};
}

const Org* ContactOrg(const Row& r) { return r.city.ContactOrg(r.page.contact.value); }

// The four columns every 自治体標準 data set starts with.
std::vector<Field> Head(const std::string& what) {
  return {
      {{"全国地方公共団体コード", "文字列", "6桁の全国地方公共団体コード（検査数字を含む）。先頭の0も値の一部です"},
       [](const Row& r) { return One(r.city.site.code); }},
      {{"ID", "文字列", what + "の ID。地方公共団体の中で一意で、ページの URL の一部です"},
       [](const Row& r) { return One(r.page.id); }},
      {{"地方公共団体名", "文字列", "都道府県名と市区町村名"},
       [](const Row& r) { return One(FullName(r.city.site)); }},
      {{"名称", "文字列", what + "の名称"}, [](const Row& r) { return One(r.page.title); }},
  };
}

std::vector<Field> Tail() {
  return {
      {{"掲載日", "日付", std::string("ページの掲載日。") + kDateNote}, [](const Row& r) { return IsoStart(r.page.date); }},
      {{"更新日", "日付", std::string("ページの更新日。") + kDateNote},
       [](const Row& r) { return IsoStart(r.page.updated); }},
      {{"URL", "URL", "このポータルでのページの URL"}, PageUrl},
  };
}

// The 問い合わせ先 of a page (its org, or the city's), 内線 apart as the standard keeps it.
std::vector<Field> Contact() {
  auto org_field = [](std::string Org::*member) {
    return [member](const Row& r) {
      const Org* org = ContactOrg(r);
      return org ? One(org->*member) : Cell{};
    };
  };
  return {
      {{"連絡先名称", "文字列", "問い合わせ先の市区町村名と部署名"},
       [](const Row& r) {
         const Org* org = ContactOrg(r);
         return org ? One(r.city.OrgFullName(*org)) : Cell{};
       }},
      {{"連絡先電話番号", "文字列", "問い合わせ先の電話番号（市外局番から、半角の-区切り）"}, org_field(&Org::tel)},
      {{"連絡先内線番号", "文字列", "問い合わせ先の内線番号"}, org_field(&Org::extension)},
      {{"連絡先FAX番号", "文字列", "問い合わせ先の FAX 番号"}, org_field(&Org::fax)},
      {{"連絡先メールアドレス", "文字列", "問い合わせ先のメールアドレス"}, org_field(&Org::email)},
  };
}

// <name>_開始 and <name>_終了 of a period on the page (a case's 期間, a plan's 計画期間).
std::vector<Field> PeriodFields(const std::string& name, const std::string& what,
                                const std::optional<Period>& (*period)(const Page&)) {
  return {
      {{name + "_開始", "日付", what + "の始まり。" + kDateNote},
       [period](const Row& r) {
         const auto& p = period(r.page);
         return p ? IsoStart(p->since) : Cell{};
       }},
      {{name + "_終了", "日付", what + "の終わり（続いているときは空）。年度のときはその年度の終わる月（YYYY-03）"},
       [period](const Row& r) {
         const auto& p = period(r.page);
         return p ? IsoEnd(p->until) : Cell{};
       }},
  };
}

std::vector<Field> Concat(std::initializer_list<std::vector<Field>> parts) {
  std::vector<Field> out;
  for (const auto& part : parts) out.insert(out.end(), part.begin(), part.end());
  return out;
}

std::vector<Field> CaseFields() {
  auto list = [](const char* name, const char* what) {
    return OpenDataColumn{name, "複数の値", std::string(what) + kListNote, true};
  };
  return Concat({Head("協働事例"),
                 {
                     {{"概要", "文字列", "事例の概要"}, [](const Row& r) { return One(r.page.summary); }},
                     {list("協働の形態", "協働の形態（共催・委託など）"),
                      [](const Row& r) { return Terms(r.city, "modes", r.page.case_info.modes); }},
                     {list("分野", "活動分野（特定非営利活動促進法の20分野）"),
                      [](const Row& r) { return Terms(r.city, "fields", r.page.case_info.fields); }},
                     {list("主体", "協働した主体（市民・企業・行政など）"),
                      [](const Row& r) { return Terms(r.city, "actors", r.page.case_info.actors); }},
                     {{"協働の型", "文字列", "市民×市民 か 市民×行政"},
                      [](const Row& r) {
                        const auto& p = r.page.case_info.partnership;
                        return p ? Terms(r.city, "partnership", {*p}) : Cell{};
                      }},
                     {list("関係団体ID", "関わった市民活動団体の ID（groups.csv の ID）"),
                      [](const Row& r) {
                        Cell ids;
                        for (const Located& g : r.page.case_info.groups) ids.push_back(g.value);
                        return ids;
                      }},
                 },
                 PeriodFields("期間", "事業の期間", [](const Page& p) -> const auto& { return p.case_info.period; }),
                 {
                     {{"場所", "文字列", "事業の場所"}, [](const Row& r) { return One(r.page.case_info.place); }},
                 },
                 Tail(), Contact()});
}

std::vector<Field> GroupFields() {
  return Concat({Head("市民活動団体"),
                 {
                     {{"名称_カナ", "文字列", "法人格を除いた名称の読み（全角カナ）"},
                      [](const Row& r) { return One(ToKatakana(r.page.group.kana)); }},
                     {{"法人格", "文字列", "特定非営利活動法人などの法人格（名称から。法人でない団体は空）"},
                      [](const Row& r) { return One(r.page.group.corporate_form); }},
                     {{"法人番号", "文字列", "国税庁が指定する13桁の法人番号"},
                      [](const Row& r) { return One(r.page.group.corporate_number); }},
                     {{"分野", "複数の値", std::string("活動分野（特定非営利活動促進法の20分野）") + kListNote, true},
                      [](const Row& r) { return Terms(r.city, "fields", r.page.group.fields); }},
                     {{"地域", "文字列", "主な活動地域"}, [](const Row& r) { return One(r.page.group.area); }},
                     {{"設立年月日", "日付", std::string("団体の設立時期。") + kDateNote},
                      [](const Row& r) { return IsoStart(r.page.group.established); }},
                     {{"会員数", "文字列", "会員数（資料の表記のまま。全角の数字は半角にしています）"},
                      [](const Row& r) { return One(r.page.group.members); }},
                     {{"概要", "文字列", "団体の概要"}, [](const Row& r) { return One(r.page.summary); }},
                     {{"連絡先電話番号", "文字列", "団体が公開している電話番号"},
                      [](const Row& r) { return One(r.page.group.tel); }},
                     {{"連絡先メールアドレス", "文字列", "団体が公開しているメールアドレス"},
                      [](const Row& r) { return One(r.page.group.email); }},
                     {{"ウェブサイト", "URL", "団体のウェブサイト"}, [](const Row& r) { return One(r.page.group.url); }},
                     {{"関連する協働事例ID", "複数の値", std::string("この団体が関わった協働事例の ID（cases.csv の ID）") + kListNote,
                       true},
                      [](const Row& r) {
                        Cell ids;
                        const auto& links = r.ctx.index.city(r.c).group_cases;
                        auto it = links.find(r.p);
                        if (it == links.end()) return ids;
                        for (int ci : it->second) ids.push_back(r.city.pages[static_cast<size_t>(ci)].id);
                        return ids;
                      }},
                 },
                 Tail()});
}

std::vector<Field> PolicyFields() {
  return Concat({Head("指針・計画"),
                 {
                     {{"種別", "文字列", "指針・方針・計画・行動計画のいずれか"}, [](const Row& r) { return One(r.page.policy.kind); }},
                     {{"概要", "文字列", "指針・計画の概要"}, [](const Row& r) { return One(r.page.summary); }},
                 },
                 PeriodFields("計画期間", "計画期間", [](const Page& p) -> const auto& { return p.policy.period; }),
                 {
                     {{"上位計画ID", "文字列", "この計画が属する指針・方針の ID"},
                      [](const Row& r) { return One(r.page.policy.parent.value); }},
                     {{"基本方針", "複数の値", std::string("基本方針の見出し") + kListNote, true},
                      [](const Row& r) {
                        Cell titles;
                        for (const BasicPolicy& b : r.page.policy.basic_policies) titles.push_back(b.title);
                        return titles;
                      }},
                 },
                 Tail(), Contact()});
}

struct Dataset {
  const char* name;
  const char* title;
  std::vector<Field> (*fields)();
  const std::vector<int>& (*pages)(const CityIndex&);
};

const Dataset kDatasets[] = {
    {"cases", "協働事例一覧", CaseFields, [](const CityIndex& ix) -> const std::vector<int>& { return ix.cases; }},
    {"groups", "市民活動団体一覧", GroupFields, [](const CityIndex& ix) -> const std::vector<int>& { return ix.groups; }},
    {"policies", "協働の指針・計画一覧", PolicyFields,
     [](const CityIndex& ix) -> const std::vector<int>& { return ix.policies; }},
};

}  // namespace

size_t OpenDataTableCount() { return std::size(kDatasets); }

OpenDataTable OpenDataTableOf(const ViewContext& ctx, int city, size_t t) {
  const Dataset& set = kDatasets[t];
  std::vector<Field> fields = set.fields();
  OpenDataTable table{set.name, set.title, {}, {}, 0};
  for (const Field& f : fields) table.columns.push_back(f.column);
  for (size_t c = 0; c < ctx.content.cities.size(); ++c) {
    if (city >= 0 && static_cast<int>(c) != city) continue;
    const City& cc = ctx.content.cities[c];
    for (int p : set.pages(ctx.index.city(static_cast<int>(c)))) {
      Row row{ctx, static_cast<int>(c), cc, p, cc.pages[static_cast<size_t>(p)]};
      std::vector<Cell> cells;
      cells.reserve(fields.size());
      for (const Field& f : fields) cells.push_back(f.get(row));
      table.rows.push_back(std::move(cells));
    }
  }
  table.row_count = table.rows.size();
  return table;
}

namespace {

using OrderedJson = nlohmann::ordered_json;  // keeps the columns in their documented order

std::string WideSemicolons(const std::string& value) {
  if (value.find(';') == std::string::npos) return value;
  std::string out;
  for (char ch : value) out += ch == ';' ? std::string("；") : std::string(1, ch);
  return out;
}

// Content was checked to be UTF-8 when read; replace rather than throw if not.
std::string Dump(const OrderedJson& j) { return j.dump(1, ' ', false, OrderedJson::error_handler_t::replace); }

// A table's CSV and JSON, written part by part: the portal's tables city by city,
// so that only one city's rows are in memory at a time. The JSON goes record by
// record (a JSON tree of the portal's tables would take several times their size),
// laid out as nlohmann's dump(1) lays out the whole document.
class TableWriter {
 public:
  TableWriter(const OpenDataTable& table, const std::string& publisher, const std::vector<OpenDataLicense>& licenses)
      : columns_(table.columns) {
    std::vector<std::string> names;
    for (const OpenDataColumn& col : columns_) names.push_back(col.name);
    csv_ = kCsvBom;
    AppendCsvRecord(names, &csv_);
    OrderedJson head;
    head["title"] = table.title;
    head["publisher"] = publisher;
    // Each city's terms of use beside its name: a reuser of the portal's merged file
    // needs every one (the CSV cannot carry them; the opendata/ page shows them too).
    OrderedJson terms = OrderedJson::array();
    for (const OpenDataLicense& l : licenses) {
      terms.push_back({{"publisher", l.publisher}, {"license", l.license}, {"url", l.url}});
    }
    head["licenses"] = std::move(terms);
    OrderedJson columns = OrderedJson::array();
    for (const OpenDataColumn& col : columns_) {
      columns.push_back({{"name", col.name}, {"type", col.type}, {"description", col.description}});
    }
    head["columns"] = std::move(columns);
    json_ = Dump(head);
    json_.resize(json_.size() - 2);  // "\n}": the records follow
    json_ += ",\n \"records\": [";
  }

  void Add(const OpenDataTable& part) {
    std::vector<std::string> fields;
    for (const auto& cells : part.rows) {
      fields.clear();
      for (size_t i = 0; i < cells.size(); ++i) {
        std::string joined;
        for (const std::string& v : cells[i]) {
          if (!joined.empty()) joined += ';';
          // A 「;」 inside one value (a 基本方針 「計画; 実行」) would split it in two for
          // whoever splits the cell: it is written 全角 there (JSON keeps it as is).
          joined += columns_[i].list ? WideSemicolons(v) : v;
        }
        fields.push_back(std::move(joined));
      }
      AppendCsvRecord(fields, &csv_);
      json_ += rows_++ ? ",\n  " : "\n  ";
      AppendJsonRecord(cells);
    }
  }

  size_t rows() const { return rows_; }
  std::string TakeCsv() { return std::move(csv_); }
  std::string TakeJson() { return std::move(json_) + (rows_ ? "\n ]\n}\n" : "]\n}\n"); }

 private:
  // A record as dump(1) lays it out two levels deep. Written directly: building
  // and dumping an ordered_json per record was most of the open-data stage.
  void AppendJsonRecord(const std::vector<std::vector<std::string>>& cells) {
    json_ += cells.empty() ? "{}" : "{";
    for (size_t i = 0; i < cells.size(); ++i) {
      json_ += i ? ",\n   " : "\n   ";
      json_ += JsString(columns_[i].name);
      json_ += ": ";
      if (!columns_[i].list) {
        json_ += JsString(cells[i].empty() ? "" : cells[i][0]);
        continue;
      }
      if (cells[i].empty()) {
        json_ += "[]";
        continue;
      }
      for (size_t v = 0; v < cells[i].size(); ++v) {
        json_ += v ? ",\n    " : "[\n    ";
        json_ += JsString(cells[i][v]);
      }
      json_ += "\n   ]";
    }
    if (!cells.empty()) json_ += "\n  }";
  }

  std::vector<OpenDataColumn> columns_;
  std::string csv_, json_;
  size_t rows_ = 0;
};

}  // namespace

std::string OpenDataCsv(const OpenDataTable& table) {
  TableWriter w(table, "", {});
  w.Add(table);
  return w.TakeCsv();
}

std::vector<OpenDataLicense> OpenDataLicenses(const ViewContext& ctx, int city) {
  std::vector<OpenDataLicense> out;
  for (size_t c = 0; c < ctx.content.cities.size(); ++c) {
    if (city >= 0 && static_cast<int>(c) != city) continue;
    const CitySite& site = ctx.content.cities[c].site;
    out.push_back({FullName(site), site.license, site.license_url});
  }
  return out;
}

std::string OpenDataJson(const OpenDataTable& table, const std::string& publisher,
                         const std::vector<OpenDataLicense>& licenses) {
  TableWriter w(table, publisher, licenses);
  w.Add(table);
  return w.TakeJson();
}

std::string OpenDataDir(const ViewContext& ctx, int city) {
  return city >= 0 ? ctx.content.cities[static_cast<size_t>(city)].site.slug + "/opendata/" : "opendata/";
}

OpenDataTable WriteOpenDataTable(const ViewContext& ctx, int city, size_t t, OutputSink* sink,
                                 std::vector<OpenDataFile>* files, Diagnostics* diags) {
  std::string publisher = ctx.content.portal.title;
  std::vector<int> parts;  // the portal's tables are written city by city
  if (city >= 0) {
    const CitySite& site = ctx.content.cities[static_cast<size_t>(city)].site;
    publisher = FullName(site);
    parts = {city};
  } else {
    for (size_t c = 0; c < ctx.content.cities.size(); ++c) parts.push_back(static_cast<int>(c));
  }
  OpenDataTable table = OpenDataTableOf(ctx, parts.empty() ? city : parts[0], t);
  TableWriter writer(table, publisher, OpenDataLicenses(ctx, city));
  for (size_t i = 0; i < parts.size(); ++i) writer.Add(i == 0 ? table : OpenDataTableOf(ctx, parts[i], t));
  table.rows = {};  // only the count is shown
  table.row_count = writer.rows();
  const std::string dir = OpenDataDir(ctx, city);
  for (const char* format : {"CSV", "JSON"}) {
    const bool csv = std::string(format) == "CSV";
    const std::string bytes = csv ? writer.TakeCsv() : writer.TakeJson();
    const std::string path = dir + table.name + (csv ? ".csv" : ".json");
    sink->Write(path, bytes, diags);
    files->push_back({t, format, path, bytes.size()});
  }
  return table;
}

}  // namespace kyodo
