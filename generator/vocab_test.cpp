#include "vocab.h"

#include <doctest/doctest.h>

#include "disk.h"
#include "yaml_reader.h"

namespace kyodo {

namespace {
constexpr const char* kShared = R"(modes:
  label: 協働の形態
  terms:
    - {name: 共催, slug: kyosai}
    - {name: 協力・連携, slug: kyoryoku}
fields:
  label: 分野
  terms:
    - {name: 子どもの健全育成, slug: kodomo, aliases: [子育て, 子育て支援]}
    - {name: 環境の保全, slug: kankyo, aliases: [環境美化]}
    - {name: NPO支援, slug: npo-shien}
actors:
  label: 主体
  terms:
    - {name: 市民, slug: shimin}
partnership:
  label: 協働の型
  terms:
    - {name: 市民×行政, slug: shimin-gyosei}
)";
}

TEST_CASE("terms resolve by name, alias, and folded forms") {
  YamlFile f("_taxonomies.yaml", kShared);
  Diagnostics d;
  REQUIRE(f.Parse(&d));
  Vocabularies v = Vocabularies::LoadShared(f, &d);
  CHECK(d.empty());
  int fields = v.IndexOf("fields");
  CHECK(v.Resolve(fields, "子育て") == 0);
  CHECK(v.Resolve(fields, "環境美化") == 1);
  CHECK(v.Resolve(fields, "ＮＰＯ支援") == 2);  // 全角 folded
  CHECK(v.Resolve(fields, "npo 支援") == 2);
  CHECK(v.Resolve(v.IndexOf("modes"), "協力連携") == 1);  // ・ is not significant
  CHECK_FALSE(v.Resolve(fields, "子育"));
  CHECK_FALSE(v.Resolve(-1, "子育て"));
}

TEST_CASE("an unknown term suggests the nearest terms") {
  YamlFile f("_taxonomies.yaml", kShared);
  Diagnostics d;
  REQUIRE(f.Parse(&d));
  Vocabularies v = Vocabularies::LoadShared(f, &d);
  CHECK_FALSE(v.ResolveOrReport(v.IndexOf("fields"), {"子育", {"a.md", 4, 9}}, &d));
  REQUIRE(d.items().size() == 1);
  CHECK(d.items()[0].message == "未登録の分野「子育」");
  CHECK(d.items()[0].hint == "候補: 子育て（子どもの健全育成）、子育て支援（子どもの健全育成）");
  CHECK(d.items()[0].loc.col == 9);
}

TEST_CASE("terms written as one value with 、 or , get the list spelling as the hint") {
  YamlFile f("_taxonomies.yaml", kShared);
  Diagnostics d;
  REQUIRE(f.Parse(&d));
  Vocabularies v = Vocabularies::LoadShared(f, &d);
  const int fields = v.IndexOf("fields");
  CHECK_FALSE(v.ResolveOrReport(fields, {"環境の保全、子育て", {"a.md", 6, 9}}, &d));
  CHECK_FALSE(v.ResolveOrReport(fields, {"環境の保全, 子育", {"a.md", 7, 9}}, &d));  // 子育 is no term: no such hint
  REQUIRE(d.items().size() == 2);
  CHECK(d.items()[0].message == "未登録の分野「環境の保全、子育て」");
  CHECK(d.items()[0].hint == "いくつか書くときは [環境の保全, 子育て] のように [ ] で囲み、半角の「,」で区切ってください");
  CHECK(d.items()[1].hint.find("いくつか書くときは") == std::string::npos);
}

TEST_CASE("terms joined with ・, a space or / get the list spelling of the file they are in as the hint") {
  YamlFile f("_taxonomies.yaml", kShared);
  Diagnostics d;
  REQUIRE(f.Parse(&d));
  Vocabularies v = Vocabularies::LoadShared(f, &d);
  const int fields = v.IndexOf("fields");
  CHECK_FALSE(v.ResolveOrReport(fields, {"環境の保全・子育て", {"c/x/groups.csv", 2, 9}}, &d));
  CHECK_FALSE(v.ResolveOrReport(fields, {"環境の保全　子育て", {"c/x/groups.csv", 3, 9}}, &d));
  CHECK_FALSE(v.ResolveOrReport(fields, {"環境の保全／子育て", {"a.md", 6, 9}}, &d));
  CHECK_FALSE(v.ResolveOrReport(fields, {"環境の保全・子育", {"a.md", 7, 9}}, &d));  // 子育 is no term: no such hint
  REQUIRE(d.items().size() == 4);
  const std::string csv = "いくつか書くときは「環境の保全、子育て」のように「、」で区切ってください（「・」・空白・「/」は区切りになりません）";
  CHECK(d.items()[0].hint == csv);
  CHECK(d.items()[1].hint == csv);
  CHECK(d.items()[2].hint == "いくつか書くときは [環境の保全, 子育て] のように [ ] で囲み、半角の「,」で区切ってください");
  CHECK(d.items()[3].hint.find("いくつか書くときは") == std::string::npos);
}

TEST_CASE("a city adds terms but cannot redefine shared ones or add vocabularies") {
  YamlFile f("_taxonomies.yaml", kShared);
  Diagnostics d;
  REQUIRE(f.Parse(&d));
  Vocabularies shared = Vocabularies::LoadShared(f, &d);
  YamlFile city("saku/_taxonomies.yaml",
                "fields:\n  terms:\n    - {name: 雪かき, slug: yukikaki}\n    - {name: 子育て}\n"
                "colours:\n  terms: []\n");
  REQUIRE(city.Parse(&d));
  Vocabularies v = shared.WithCityTerms(city, "saku", &d);
  int fields = v.IndexOf("fields");
  CHECK(v.Resolve(fields, "雪かき") == 3);
  CHECK(v.at(fields).terms[3].city == "saku");
  CHECK_FALSE(shared.Resolve(shared.IndexOf("fields"), "雪かき"));  // the shared set is unchanged
  REQUIRE(d.items().size() == 2);
  // A shared alias is named as one, with the term it means: 子育て is no term in the list.
  CHECK(d.items()[0].message == "用語「子育て」は「分野」の「子どもの健全育成」の別名です");
  CHECK(d.items()[0].hint == "事例や団体に 子育て と書くと「子どもの健全育成」になります。別の用語として足すなら、別の名前にしてください");
  CHECK(d.items()[1].message == "市町村の _taxonomies.yaml では新しい語彙「colours」は作れません");
  Diagnostics again;
  YamlFile same("saku/_taxonomies.yaml", "fields:\n  terms:\n    - {name: 環境の保全}\n");
  REQUIRE(same.Parse(&again));
  shared.WithCityTerms(same, "saku", &again);
  REQUIRE(again.items().size() == 1);
  CHECK(again.items()[0].message == "用語「環境の保全」は「分野」に既にあります");
  CHECK(again.items()[0].hint == "共通の用語は市町村で定義し直せません。そのまま使えます");
}

TEST_CASE("a city's aliases: give a word its own term there, checked at their line") {
  // A 政令指定都市's 区 is its ward office: actors: [区] went to 区など自治会 with no way to say so.
  const char* shared_text = R"(modes: {label: 協働の形態, terms: [{name: 共催, slug: kyosai}]}
fields: {label: 分野, terms: [{name: まちづくり, slug: machizukuri}]}
actors:
  label: 主体
  terms:
    - {name: 市民, slug: shimin, aliases: [NPO, ＮＰＯ]}
    - {name: 区など自治会, slug: jichikai, aliases: [自治会, 区]}
    - {name: 行政, slug: gyosei, aliases: [区役所]}
partnership: {label: 協働の型, terms: [{name: 市民×行政, slug: shimin-gyosei}]}
)";
  YamlFile f("_taxonomies.yaml", shared_text);
  Diagnostics d;
  REQUIRE(f.Parse(&d));
  const Vocabularies shared = Vocabularies::LoadShared(f, &d);
  REQUIRE(d.empty());
  YamlFile city("sapporo/_taxonomies.yaml",
                "actors:\n  aliases:\n    区: 行政\n    区の役所: 行政政\n    市民: 行政\n    町内会: 自治会\n    npo: 行政\n");
  REQUIRE(city.Parse(&d));
  const Vocabularies v = shared.WithCityTerms(city, "sapporo", &d);
  const int actors = v.IndexOf("actors");
  CHECK(v.Resolve(actors, "区") == 2);
  CHECK(v.Resolve(actors, "町内会") == 1);  // the target may be written by an alias too
  CHECK(v.Resolve(actors, "自治会") == 1);
  CHECK(v.Resolve(actors, "NPO") == 2);  // every spelling of the word, as written in the shared file too
  CHECK(v.Resolve(actors, "ＮＰＯ") == 2);
  CHECK(shared.Resolve(actors, "区") == 1);  // the shared set and other cities are unchanged
  CHECK(v.at(actors).terms[1].aliases == std::vector<std::string>{"自治会", "町内会"});
  CHECK(v.at(actors).terms[2].aliases == std::vector<std::string>{"区役所", "区", "npo"});
  CHECK(v.at(actors).terms[0].aliases.empty());
  REQUIRE(d.items().size() == 2);
  CHECK(d.items()[0].message == "用語「行政政」は「主体」にありません");
  CHECK(d.items()[0].hint == "「行政」ではありませんか");
  CHECK(d.items()[0].loc.line == 4);
  CHECK(d.items()[0].loc.col == 11);
  CHECK(d.items()[1].message == "「市民」は「主体」の用語の名前なので、別の用語の別名にはできません");
  CHECK(d.items()[1].loc.line == 5);
  CHECK(d.items()[1].loc.col == 5);
  CHECK(v.Resolve(actors, "市民") == 0);
}

TEST_CASE("missing vocabularies and clashing slugs are errors; slugs derive from kana") {
  YamlFile f("_taxonomies.yaml",
             "modes:\n  label: 形態\n  terms:\n    - {name: こすもす}\n    - {name: 共催, slug: kosumosu}\n");
  Diagnostics d;
  REQUIRE(f.Parse(&d));
  Vocabularies v = Vocabularies::LoadShared(f, &d);
  CHECK(v.at(0).terms[0].slug == "kosumosu");
  std::vector<std::string> messages;
  for (const auto& item : d.items()) messages.push_back(item.message);
  CHECK(messages == std::vector<std::string>{"slug「kosumosu」は用語「こすもす」と同じです",
                                             "語彙「fields」が定義されていません", "語彙「actors」が定義されていません",
                                             "語彙「partnership」が定義されていません"});
}

TEST_CASE("terms carried from elsewhere extend a copy, checked like a city's own") {
  YamlFile f("_taxonomies.yaml", kShared);
  Diagnostics d;
  REQUIRE(f.Parse(&d));
  Vocabularies shared = Vocabularies::LoadShared(f, &d);
  Term added{"雪かき", "yukikaki", "", {"除雪"}, "saku", {}};
  Term clash{"共催", "kyosai-2", "", {}, "saku", {}};
  Term nowhere{"何か", "nanika", "", {}, "saku", {}};
  Vocabularies city = shared.WithTerms({{"modes", added}, {"modes", clash}, {"colours", nowhere}}, &d);
  int modes = city.IndexOf("modes");
  REQUIRE(city.at(modes).terms.size() == 3);
  CHECK(city.at(modes).terms[2].slug == "yukikaki");
  CHECK(city.Resolve(modes, "除雪") == 2);
  CHECK(shared.at(modes).terms.size() == 2);  // the shared vocabularies are unchanged
  REQUIRE(d.items().size() == 2);
  CHECK(d.items()[0].message == "用語「共催」は「協働の形態」に既にあります");
  CHECK(d.items()[1].message == "語彙「colours」がありません（用語「何か」）");
}

#ifdef KYODO_SOURCE_DIR
namespace {
// content/_taxonomies.yaml, the shared vocabulary every new city starts with.
Vocabularies SampleShared() {
  RealDisk disk;
  std::string text, err;
  REQUIRE(disk.ReadFile(std::string(KYODO_SOURCE_DIR) + "/content/_taxonomies.yaml", &text, &err));
  YamlFile file("content/_taxonomies.yaml", text);
  Diagnostics d;
  REQUIRE(file.Parse(&d));
  Vocabularies vocab = Vocabularies::LoadShared(file, &d);
  REQUIRE(d.empty());
  return vocab;
}
}  // namespace

TEST_CASE("the shared vocabulary reads a 町・村・区's own words for its residents and its office") {
  // A 世田谷区 or 東川町 clerk writes 区民 and 役場: 「未登録の主体「役場」」 came with no
  // candidate at all, and 区民 was only near 区 (区など自治会), a 自治会, not the residents.
  const Vocabularies vocab = SampleShared();
  const int actors = vocab.IndexOf("actors");
  REQUIRE(actors >= 0);
  auto term = [&](const std::string& word) {
    const auto t = vocab.Resolve(actors, word);
    return t ? vocab.at(actors).terms[static_cast<size_t>(*t)].name : "";
  };
  for (const char* residents : {"市民", "町民", "村民", "区民"}) CHECK(term(residents) == "市民");
  for (const char* office : {"市役所", "町役場", "村役場", "区役所", "役場", "町", "村"}) CHECK(term(office) == "行政");
  CHECK(term("区") == "区など自治会");  // 安曇野市's 区 is a 自治会, as before
  // 協働の型 too: 「未登録の協働の型「町民×町」」 came with no candidate at all.
  const int partnership = vocab.IndexOf("partnership");
  auto type = [&](const std::string& word) {
    const auto t = vocab.Resolve(partnership, word);
    return t ? vocab.at(partnership).terms[static_cast<size_t>(*t)].name : "";
  };
  for (const char* with_office : {"町民×町", "村民×村", "区民×区", "区民×行政", "町民と町の協働", "区民と区の協働"}) {
    CAPTURE(with_office);
    CHECK(type(with_office) == "市民×行政");
  }
  for (const char* residents : {"町民×町民", "村民×村民", "区民×区民", "住民同士の協働"}) {
    CAPTURE(residents);
    CHECK(type(residents) == "市民×市民");
  }
}

TEST_CASE("a 区's own 区 is its office, and a 市・町・村 keeps the shared 区") {
  // 世田谷区's clerk writes actors: [区, 区民] for 区 and residents; 区 was filed under
  // 区など自治会, so the case was listed among the 自治会's and not the 行政's.
  const Vocabularies shared = SampleShared();
  const int actors = shared.IndexOf("actors");
  auto term = [&](const Vocabularies& vocab, const std::string& word) {
    const auto t = vocab.Resolve(actors, word);
    return t ? vocab.at(actors).terms[static_cast<size_t>(*t)].name : "";
  };
  const Vocabularies ku = shared.ForMunicipality("世田谷区");
  CHECK(term(ku, "区") == "行政");
  CHECK(term(ku, "区") == term(ku, "区役所"));
  CHECK(term(ku, "区民") == "市民");
  CHECK(term(ku, "自治会") == "区など自治会");
  for (const char* other : {"安曇野市", "東川町", "川上村", "北アルプス広域連合", "長野県"}) {
    CAPTURE(other);
    CHECK(term(shared.ForMunicipality(other), "区") == "区など自治会");
  }
  CHECK(term(shared.ForMunicipality("川上村"), "村") == "行政");
  // The hint for a near miss names the term the word means here.
  Diagnostics near;
  CHECK_FALSE(ku.ResolveOrReport(actors, {"区の", {"a.md", 5, 9}}, &near));
  REQUIRE(near.items().size() == 1);
  CHECK(near.items()[0].hint.find("区（行政）") != std::string::npos);
}
#endif

}  // namespace kyodo
