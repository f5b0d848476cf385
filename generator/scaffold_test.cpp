#include "scaffold.h"

#include <algorithm>
#include <sstream>

#include <doctest/doctest.h>

#include "city_config.h"
#include "page_loader.h"
#include "yaml_reader.h"

namespace kyodo {

TEST_CASE("a city is added to the portal list in either YAML style, once") {
  CHECK(AddCityToPortal("title: P\ncities: [saku, suwa]\n", "chino") == "title: P\ncities: [saku, suwa, chino]\n");
  CHECK(AddCityToPortal("cities: []\n", "chino") == "cities: [chino]\n");
  CHECK(AddCityToPortal("cities: [saku, chino]\n", "chino") == "cities: [saku, chino]\n");
  CHECK(AddCityToPortal("title: P\ncities:\n  - saku\n  - suwa\nintro: x\n", "chino") ==
        "title: P\ncities:\n  - saku\n  - suwa\n  - chino\nintro: x\n");
  CHECK(AddCityToPortal("cities:\n  - saku", "chino") == "cities:\n  - saku\n  - chino\n");
  CHECK(AddCityToPortal("title: P\n", "chino") == "title: P\n");  // no list: every folder is used
  // As Notepad saves it: a BOM before the first line, CRLF kept on the added line.
  CHECK(AddCityToPortal("\xEF\xBB\xBF" "cities: [saku]\r\n", "chino") == "\xEF\xBB\xBF" "cities: [saku, chino]\r\n");
  CHECK(AddCityToPortal("title: P\r\ncities:\r\n  - saku\r\n", "chino") == "title: P\r\ncities:\r\n  - saku\r\n  - chino\r\n");
  CHECK(AddCityToPortal("cities:\r\n  - chino\r\n", "chino") == "cities:\r\n  - chino\r\n");
}

TEST_CASE("a city is added to a flow list that wraps onto more lines, inside its brackets") {
  // The ] was looked for on the cities: line only: 「  - higashikawa」 went inside the
  // brackets and the portal's YAML no longer parsed.
  CHECK(AddCityToPortal("title: P\ncities: [saku, suwa,\n  azumino, sunagawa]\nbase_url: https://x.jp/\n", "higashikawa") ==
        "title: P\ncities: [saku, suwa,\n  azumino, sunagawa, higashikawa]\nbase_url: https://x.jp/\n");
  CHECK(AddCityToPortal("cities: [\n  saku,\n  suwa,\n]\n", "higashikawa") == "cities: [\n  saku,\n  suwa, higashikawa,\n]\n");
  CHECK(AddCityToPortal("cities: [saku,\n  suwa]\n", "suwa") == "cities: [saku,\n  suwa]\n");
  CHECK(AddCityToPortal("cities: [ ]\n", "saku") == "cities: [saku ]\n");
}

TEST_CASE("a city is added after the last item of a block list whose items are grouped under comments") {
  // A prefecture's portal heads each 都道府県's towns with a comment; the new town went
  // to the top, before the first comment.
  CHECK(AddCityToPortal("cities:\n  # 長野県\n  - saku\n  # 北海道\n  - sunagawa\n# 公開先\nbase_url: https://x.jp/\n",
                        "higashikawa") ==
        "cities:\n  # 長野県\n  - saku\n  # 北海道\n  - sunagawa\n  - higashikawa\n# 公開先\nbase_url: https://x.jp/\n");
  CHECK(AddCityToPortal("cities:\n  # 長野県\n  - saku\n  # 北海道\n  - sunagawa\n", "saku") ==
        "cities:\n  # 長野県\n  - saku\n  # 北海道\n  - sunagawa\n");
}

TEST_CASE("scaffolds list the vocabulary and are rejected until the required values are filled in") {
  YamlFile tax("_taxonomies.yaml",
               "modes: {label: 形態, terms: [{name: 共催, slug: kyosai}]}\n"
               "fields: {label: 分野, terms: [{name: 観光, slug: kanko}]}\n"
               "actors: {label: 主体, terms: [{name: 市民, slug: shimin}]}\n"
               "partnership: {label: 型, terms: [{name: 市民×行政, slug: shimin-gyosei}]}\n");
  Diagnostics d;
  REQUIRE(tax.Parse(&d));
  Vocabularies vocab = Vocabularies::LoadShared(tax, &d);
  ScaffoldContext ctx;
  ctx.vocab = &vocab;
  ctx.orgs = {"kyodo"};
  ctx.groups = {"hana-no-kai"};
  ctx.today = {2026, 4, 1, DatePrecision::kDay};
  for (PageKind kind : {PageKind::kCase, PageKind::kGroup, PageKind::kPolicy, PageKind::kNews, PageKind::kPage}) {
    CAPTURE(KindDir(kind));
    std::string text = ScaffoldPage(kind, ctx);
    Diagnostics pd;
    auto page = LoadPage("c/x.md", kind, text, vocab, nullptr, &pd);
    REQUIRE(page);
    CHECK(page->draft);
    std::vector<std::string> messages;
    for (const auto& item : pd.items()) messages.push_back(item.message);
    std::vector<std::string> expected = {"「title」の値が空です"};
    if (kind == PageKind::kGroup) expected.push_back("「kana」の値が空です");
    if (kind == PageKind::kPolicy) expected = {"「title」の値が空です", "basic_policies の項目が空です"};
    CHECK(messages == expected);
    std::string filled = text;
    filled.replace(filled.find("title:\n"), 7, "title: 花街道\n");
    if (kind == PageKind::kGroup) filled.replace(filled.find("kana:\n"), 6, "kana: はなのかい\n");
    if (kind == PageKind::kPolicy) {
      filled.replace(filled.find("kind:\n"), 6, "kind: 指針\n");
      filled.replace(filled.find("  -\n"), 4, "  - 情報を共有します\n");
    }
    Diagnostics fd;
    CHECK(LoadPage("c/x.md", kind, filled, vocab, nullptr, &fd));
    CHECK(fd.empty());
    // Published with draft: true deleted but the body left as it came, the
    // instructions would be the page's text: an error at their line.
    std::string published = filled;
    published.erase(published.find("draft: true\n"), 12);
    const int hint_line = 1 + static_cast<int>(std::count(published.begin(), published.begin() + published.find("本文を"), '\n'));
    Diagnostics bd;
    CHECK(LoadPage("c/x.md", kind, published, vocab, nullptr, &bd));
    REQUIRE(bd.items().size() == 1);
    CHECK(bd.items()[0].message ==
          "kyodo new の雛形の説明文「本文を Markdown で書きます。見出しは ## から始めます。」が本文に残っています");
    CHECK(bd.items()[0].loc.line == hint_line);
    CHECK(bd.items()[0].loc.line > 10);
  }
  {
    // Example values on commented lines (設立 平成22年4月, 会員数 約30人, a 施策 at 40 %)
    // were published as facts when a clerk uncommented the lines to fill in later.
    std::string g = ScaffoldPage(PageKind::kGroup, ctx);
    g.replace(g.find("title:\n"), 7, "title: 花の会\n");
    g.replace(g.find("kana:\n"), 6, "kana: はなのかい\n");
    g.replace(g.find("# established:"), 14, "established:");
    g.replace(g.find("# members:"), 10, "members:");
    Diagnostics gd;
    auto group_page = LoadPage("c/x.md", PageKind::kGroup, g, vocab, nullptr, &gd);
    REQUIRE(group_page);
    CHECK(gd.empty());
    CHECK_FALSE(group_page->group.established);
    CHECK(group_page->group.members.empty());
    std::string p = ScaffoldPage(PageKind::kPolicy, ctx);
    p.replace(p.find("title:\n"), 7, "title: 指針\n");
    p.replace(p.find("kind:\n"), 6, "kind: 指針\n");
    p.replace(p.find("  -\n"), 4, "  - 情報を共有します\n");
    p.replace(p.find("# progress:\n#   - "), 18, "progress:\n  - ");
    Diagnostics policy_diags;
    auto policy_page = LoadPage("c/x.md", PageKind::kPolicy, p, vocab, nullptr, &policy_diags);
    REQUIRE(policy_page);
    REQUIRE(policy_diags.ErrorCount() == 1);
    CHECK(policy_diags.items()[0].message == "「measure」の値が空です");
  }
  std::string kase = ScaffoldPage(PageKind::kCase, ctx);
  {
    // The links: example uncommented and not edited was a published link to
    // www.example.lg.jp titled 市の関連ページ; its https:// is now to be completed.
    std::string linked = kase;
    linked.replace(linked.find("title:\n"), 7, "title: 花街道\n");
    linked.replace(linked.find("# links:\n#   - "), 14, "links:\n  - ");
    Diagnostics ld;
    LoadPage("c/x.md", PageKind::kCase, linked, vocab, nullptr, &ld);
    REQUIRE(ld.ErrorCount() == 1);
    CHECK(ld.items()[0].message == "URL「https://」にホスト名（www.city.example.lg.jp など）がありません");
  }
  CHECK(kase.find("#   使える値: 共催\nmodes: []") != std::string::npos);
  CHECK(kase.find("#   使える ID: hana-no-kai") != std::string::npos);
  // A group's contact: is its own {tel, email}: offering an office ID too gave two
  // contact: lines (a duplicate key once both are uncommented) and the wrong advice.
  std::string group = ScaffoldPage(PageKind::kGroup, ctx);
  size_t contacts = 0;
  for (size_t at = group.find("contact:"); at != std::string::npos; at = group.find("contact:", at + 1)) ++contacts;
  CHECK(contacts == 1);
  CHECK(group.find("# contact: {tel:") != std::string::npos);
  // One area per group (each value is one filter page), and only contacts the group agreed to publish.
  CHECK(group.find("# 主な活動地域を1つ（例: 中込地区）。") != std::string::npos);
  CHECK(group.find("# 団体が公開に同意した連絡先") != std::string::npos);
  // weight orders policies and pages only; cases and news go by date, groups by reading.
  CHECK(kase.find("weight:") == std::string::npos);
  CHECK(group.find("weight:") == std::string::npos);
  CHECK(ScaffoldPage(PageKind::kNews, ctx).find("weight:") == std::string::npos);
  CHECK(ScaffoldPage(PageKind::kPolicy, ctx).find("# weight: 10") != std::string::npos);
  CHECK(ScaffoldPage(PageKind::kPage, ctx).find("# weight: 10") != std::string::npos);
}

TEST_CASE("a new city's orgs.yaml offers no other municipality's facts to publish") {
  const std::string orgs = ScaffoldOrgsYaml();
  CHECK(orgs.find("佐久") == std::string::npos);
  CHECK(orgs.find("0267") == std::string::npos);
  CHECK(orgs.find("385-8501") == std::string::npos);
  // A hurried clerk fills in the name and uncomments every line without editing one.
  std::string all = orgs;
  all.replace(all.find("  name:\n"), 8, "  name: 総務課\n");
  for (size_t at = all.find("\n  # "); at != std::string::npos; at = all.find("\n  # ", at + 1)) {
    if (all.compare(at + 5, 6, "資料") != 0 && all.compare(at + 5, 3, "課") != 0) all.erase(at + 3, 2);
  }
  CAPTURE(all);
  YamlFile f("orgs.yaml", all);
  Diagnostics d;
  REQUIRE(f.Parse(&d));
  const std::vector<Org> read = ReadOrgs(f, &d);
  REQUIRE(read.size() == 1);
  CHECK(read[0].name == "総務課");
  for (const std::string* value : {&read[0].parent, &read[0].postal_code, &read[0].address, &read[0].tel,
                                   &read[0].extension, &read[0].fax, &read[0].email, &read[0].form_url, &read[0].hours}) {
    CHECK(value->empty());
  }
  // Every key orgs.yaml reads is offered: a 政令指定都市's ward sections need parent:.
  for (const char* key : {"parent", "postal_code", "address", "tel", "extension", "fax", "email", "form_url", "hours"}) {
    CAPTURE(key);
    CHECK(orgs.find(std::string("  # ") + key + ": \"\"") != std::string::npos);
  }
}

TEST_CASE("a new city's site.yaml publishes no example text or emergency when its lines are uncommented") {
  std::string site = ScaffoldSiteYaml("higashikawa");
  // A 広域連合's clerk told 「都道府県名は入れません」 dropped 長野県 from its official name.
  CHECK(site.find("# 正式名称が都道府県名で始まる広域連合・一部事務組合は、長野県後期高齢者医療広域連合のようにそのまま書きます")
        != std::string::npos);
  for (const auto& [key, value] : {std::pair<std::string, std::string>{"name", "東川町"}, {"kana", "ひがしかわちょう"},
                                   {"prefecture", "北海道"}, {"code", "\"014583\""}}) {
    site.replace(site.find("\n" + key + ":\n"), key.size() + 3, "\n" + key + ": " + value + "\n");
  }
  // Every commented line but the explanations (「# 市町村…」) uncommented, as a clerk
  // trying the options would: the intro was 「higashikawa の協働のまちづくりを紹介します。」
  // and the banner a 大雨警報 on every page.
  std::string all;
  std::istringstream lines(site);
  for (std::string line; std::getline(lines, line);) {
    const bool option = line.starts_with("# ") && line.size() > 2 && line[2] >= 'a' && line[2] <= 'z';
    all += (option ? line.substr(2) : line.starts_with("#   ") ? line.substr(2) : line) + "\n";
  }
  CAPTURE(all);
  YamlFile file("content/higashikawa/site.yaml", all);
  Diagnostics d;
  REQUIRE(file.Parse(&d));
  const CitySite read = ReadCitySite(file, "higashikawa", &d);
  CHECK(read.intro.empty());
  CHECK((!read.banner || read.banner->text.empty()));
  std::vector<std::string> messages;
  for (const auto& item : d.items()) messages.push_back(item.message);
  const std::string no_host = "URL「https://」にホスト名（www.city.example.lg.jp など）がありません";
  CHECK(messages == std::vector<std::string>{no_host, no_host, no_host, "「text」の値が空です", no_host});
}

}  // namespace kyodo
