#include "page_loader.h"

#include <doctest/doctest.h>

#include "reading.h"

namespace kyodo {
namespace {

TEST_CASE("CorporateFormOf and StripCorporateForm") {
  CHECK(CorporateFormOf("特定非営利活動法人 子育てサロン") == "特定非営利活動法人");
  CHECK(CorporateFormOf("NPO法人すわ") == "特定非営利活動法人");
  CHECK(CorporateFormOf("ＮＰＯ法人 すわ") == "特定非営利活動法人");
  CHECK(CorporateFormOf("認定NPO法人 さく") == "認定特定非営利活動法人");
  CHECK(CorporateFormOf("（特非）あづみの") == "特定非営利活動法人");
  CHECK(CorporateFormOf("一般社団法人 すながわ") == "一般社団法人");
  CHECK(CorporateFormOf("さくら株式会社") == "株式会社");
  CHECK(CorporateFormOf("まちづくり市民協議会") == "");
  CHECK(StripCorporateForm("認定NPO法人 さく") == "さく");
  CHECK(StripCorporateForm("（特非）あづみの") == "あづみの");
  CHECK(StripCorporateForm("さくら株式会社") == "さくら");
  // Bracketed short forms, 全角 brackets and the one-character ㈱ alike.
  CHECK(CorporateFormOf("（株）さくら") == "株式会社");
  CHECK(CorporateFormOf("㈱さくら") == "株式会社");
  CHECK(CorporateFormOf("さくら(有)") == "有限会社");
  CHECK(CorporateFormOf("（一社）すながわ観光協会") == "一般社団法人");
  CHECK(CorporateFormOf("（公財）すわ") == "公益財団法人");
  CHECK(CorporateFormOf("（社福）さく") == "社会福祉法人");
  CHECK(StripCorporateForm("（一社）すながわ観光協会") == "すながわ観光協会");
  CHECK(StripCorporateForm("㈱さくら") == "さくら");
}

TEST_CASE("aliases: old .html/.htm or folder addresses on this site, a leading / allowed") {
  Vocabularies vocab;
  Diagnostics d;
  auto page = LoadPage("content/shi/pages/a.md", PageKind::kPage,
                       "---\ntitle: A\naliases: [/shi/old/a.html, shi/old/b/, /a.htm, /.html, ../x.html, shi/c.pdf, "
                       "/shi/%E6%97%A7/d.html, /shi/%2E%2E/%2E%2E/x.html]\n---\n",
                       vocab, nullptr, &d);
  REQUIRE(page);
  std::vector<std::string> kept;
  for (const Located& a : page->aliases) kept.push_back(a.value);
  // An address copied from the browser is decoded: the server looks for the file 旧/d.html.
  CHECK(kept == std::vector<std::string>{"shi/old/a.html", "shi/old/b/", "a.htm", "shi/旧/d.html"});
  REQUIRE(d.ErrorCount() == 4);
  CHECK(d.items()[0].message == "aliases の「.html」は使えません");
  CHECK(d.items()[1].message == "aliases の「../x.html」は使えません");
  CHECK(d.items()[2].message == "aliases の「shi/c.pdf」は使えません");
  CHECK(d.items()[3].message == "aliases の「shi/../../x.html」は使えません");
}

TEST_CASE("a summary gets the title's and body's checks, each at its place, on one line or in summary: |") {
  Vocabularies vocab;
  Diagnostics d;
  auto page = LoadPage("content/shi/pages/a.md", PageKind::kPage,
                       "---\ntitle: A\nsummary: \"ＮＰＯと協働\"\n---\n", vocab, nullptr, &d);
  REQUIRE(page);
  REQUIRE(d.items().size() == 1);
  CHECK(d.items()[0].message == "全角英数字「ＮＰＯ」があります");
  CHECK(d.items()[0].loc.line == 3);
  CHECK(d.items()[0].loc.col == 11);
  Diagnostics block;
  LoadPage("content/shi/pages/b.md", PageKind::kPage,
           "---\ntitle: B\nsummary: |\n  市民と企業の\n  協働のｶﾀﾁです。\n---\n", vocab, nullptr, &block);
  REQUIRE(block.items().size() == 1);
  CHECK(block.items()[0].message == "半角カナ「ｶﾀﾁ」があります");
  CHECK(block.items()[0].loc.line == 5);
  CHECK(block.items()[0].loc.col == 6);
}

TEST_CASE("a file name that is no URL gets a slug suggestion read from it, or example") {
  Vocabularies vocab;
  ReadingGuesser reading;
  auto hint = [&](const std::string& file) {
    Diagnostics d;
    LoadPage("content/shi/pages/" + file, PageKind::kPage, "---\ntitle: A\n---\n", vocab, &reading, &d);
    return d.ErrorCount() == 1 ? d.items()[0].hint : "";
  };
  CHECK(hint("田植え体験.md") == "ファイル名を半角英小文字・数字・- にするか、slug: tauetaiken を書いてください");
  // Words apart stay apart: the reading alone would join them (kyodokouza).
  CHECK(hint("kyodo kouza.md") == "ファイル名を半角英小文字・数字・- にするか、slug: kyodo-kouza を書いてください");
  CHECK(hint("出前講座　令和6年度.md") == "ファイル名を半角英小文字・数字・- にするか、slug: demaekouza-reiwa6nendo を書いてください");
  CHECK(hint("𩸽野の森.md") == "ファイル名を半角英小文字・数字・- にするか、slug: example を書いてください");
  CHECK(hint("𠮷野の森.md") == "ファイル名を半角英小文字・数字・- にするか、slug: yoshinonomori を書いてください");  // 𠮷 read as 吉
}

TEST_CASE("a group's contact: written as an office ID says what a group's contact is") {
  Vocabularies vocab;
  Diagnostics d;
  LoadPage("content/shi/groups/a.md", PageKind::kGroup, "---\ntitle: 花の会\nkana: はなのかい\ncontact: kyodo\n---\n", vocab,
           nullptr, &d);
  REQUIRE(d.ErrorCount() == 1);
  CHECK(d.items()[0].message == "団体の contact には、団体自身の連絡先を {tel: …, email: …} の形で書きます");
  CHECK(d.items()[0].loc.line == 4);
}

TEST_CASE("a group whose reading is missing and cannot be guessed is pointed at by its title") {
  // It was reported at 1:1 (the ---), a line that tells the clerk nothing.
  Vocabularies vocab;
  Diagnostics d;
  LoadPage("content/shi/groups/a.md", PageKind::kGroup, "---\ndate: 2024-04-01\ntitle: 𠮷田子ども会\n---\n", vocab,
           nullptr, &d);
  REQUIRE(d.ErrorCount() == 1);
  CHECK(d.items()[0].message == "団体名「𠮷田子ども会」の読み（kana）がありません");
  CHECK(d.items()[0].loc.line == 3);
  CHECK(d.items()[0].loc.col == 1);
}

TEST_CASE("a group's kana that reads its corporate form too is pointed at") {
  Vocabularies vocab;
  auto warnings = [&](const std::string& title, const std::string& kana) {
    Diagnostics d;
    LoadPage("content/shi/groups/a.md", PageKind::kGroup, "---\ntitle: " + title + "\nkana: " + kana + "\n---\n", vocab,
             nullptr, &d);
    return d.WarningCount();
  };
  CHECK(warnings("特定非営利活動法人 花の会", "とくていひえいりかつどうほうじん はなのかい") == 1);
  CHECK(warnings("NPO法人 花の会", "NPOほうじんはなのかい") == 1);
  CHECK(warnings("花の会株式会社", "はなのかいかぶしきがいしゃ") == 1);
  CHECK(warnings("特定非営利活動法人 花の会", "はなのかい") == 0);
  CHECK(warnings("ほうじん研究会", "ほうじんけんきゅうかい") == 0);  // no corporate form in the name
}

TEST_CASE("a case's link and attachment titles are link text: 「こちら」 is pointed at where it is written") {
  Vocabularies vocab;
  Diagnostics d;
  LoadPage("content/shi/cases/a.md", PageKind::kCase,
           "---\ntitle: 花壇づくり\ndate: 2024-05-01\nlinks:\n  - title: こちら\n    url: https://example.jp/\n"
           "  - {title: 花壇づくりの募集要項, url: https://example.jp/b}\nattachments:\n  - title: 詳しくはこちら\n"
           "    src: ../assets/a.pdf\n---\n",
           vocab, nullptr, &d);
  REQUIRE(d.WarningCount() == 2);
  CHECK(d.items()[0].loc.line == 5);
  CHECK(d.items()[0].loc.col == 12);
  CHECK(d.items()[0].message == "リンクの文字「こちら」だけではリンク先がわかりません");
  CHECK(d.items()[0].hint == "title: にリンク先の内容がわかる文字を書いてください（例: title: 協働提案制度の募集要項）");
  CHECK(d.items()[1].loc.line == 9);
  CHECK(d.items()[1].message == "リンクの文字「詳しくはこちら」だけではリンク先がわかりません");
}

TEST_CASE("a case image whose alt is its file name is pointed at with a hint in YAML terms") {
  Vocabularies vocab;
  Diagnostics d;
  LoadPage("content/shi/cases/a.md", PageKind::kCase,
           "---\ntitle: 花壇づくり\ndate: 2024-05-01\nimages:\n  - src: ../assets/IMG_1234.jpg\n    alt: IMG_1234\n---\n", vocab,
           nullptr, &d);
  REQUIRE(d.WarningCount() == 1);
  CHECK(d.items()[0].loc.line == 6);
  CHECK(d.items()[0].loc.col == 10);
  CHECK(d.items()[0].hint == "alt: に何が写っているかを文で書いてください（例: alt: 会場に並ぶ熱気球）");
}

TEST_CASE("a case image's alt: empty, null or missing is one error; written as a list, one error saying so") {
  Vocabularies vocab;
  auto errors = [&](const std::string& alt_line) {
    Diagnostics d;
    LoadPage("content/shi/cases/a.md", PageKind::kCase,
             "---\ntitle: 花壇づくり\ndate: 2024-05-01\nimages:\n  - src: ../assets/a.jpg\n" + alt_line + "---\n", vocab,
             nullptr, &d);
    std::string out;
    for (const Diagnostic& x : d.items()) out += std::to_string(x.loc.line) + ": " + x.message + "\n";
    return out;
  };
  const std::string missing = "5: 画像「../assets/a.jpg」に代替テキスト（alt）がありません\n";
  CHECK(errors("") == missing);
  CHECK(errors("    alt: \"\"\n") == missing);
  CHECK(errors("    alt:\n") == missing);
  CHECK(errors("    alt: [花壇, 参加者]\n") == "6: 「alt」には文字列を1つ書いてください\n");
}

TEST_CASE("a group's area written with a space between Japanese words is the same area") {
  Vocabularies vocab;
  auto area = [&](const std::string& written) {
    Diagnostics d;
    auto page = LoadPage("content/shi/groups/a.md", PageKind::kGroup,
                         "---\ntitle: 花の会\nkana: はなのかい\narea: " + written + "\n---\n", vocab, nullptr, &d);
    return page ? page->group.area : "";
  };
  CHECK(area("臼田地区") == "臼田地区");
  CHECK(area("\"臼田\xE3\x80\x80地区\"") == "臼田地区");
  CHECK(area("臼田 地区") == "臼田地区");
  CHECK(area("North Hill 地区") == "North Hill 地区");
  CHECK(area("中込１区") == "中込1区");  // 全角 digits: the same area as 中込1区
  CHECK(area("ｻｸ地区") == "サク地区");
}

TEST_CASE("a group's area is one area: a list is an error, areas joined with 、 a warning, both with the same hint") {
  Vocabularies vocab;
  auto load = [&](const std::string& written, Diagnostics* d) {
    auto page = LoadPage("content/shi/groups/a.md", PageKind::kGroup,
                         "---\ntitle: 花の会\nkana: はなのかい\narea: " + written + "\n---\n", vocab, nullptr, d);
    return page ? page->group.area : "";
  };
  const std::string hint = "地域ごとの絞り込みページは、書いた値1つに1ページです。主な活動地域を1つだけ書き、ほかの地域は本文に書いてください";
  Diagnostics list;
  load("[中込地区, 臼田地区]", &list);
  REQUIRE(list.items().size() == 1);
  CHECK(list.items()[0].severity == Severity::kError);
  CHECK(list.items()[0].loc.line == 4);
  CHECK(list.items()[0].message == "地域（area）には主な活動地域を1つ書いてください");
  CHECK(list.items()[0].hint == hint);
  Diagnostics joined;
  CHECK(load("中込地区、臼田地区", &joined) == "中込地区、臼田地区");
  REQUIRE(joined.items().size() == 1);
  CHECK(joined.items()[0].severity == Severity::kWarning);
  CHECK(joined.items()[0].message ==
        "地域「中込地区、臼田地区」を1つの地域として扱います（「中込地区、臼田地区」の絞り込みページができ、"
        "区切られたそれぞれの地域のページには出ません）");
  CHECK(joined.items()[0].hint == hint);
  Diagnostics semicolon;
  load("\"中込地区；臼田地区\"", &semicolon);  // 全角 ； is NFKC's ;
  CHECK(semicolon.items().size() == 1);
  Diagnostics one;
  CHECK(load("中込・臼田地区", &one) == "中込・臼田地区");  // one name with 「・」 in it
  CHECK(one.empty());
}

/// A page of `kind` loaded from its front matter alone (no vocabularies: only what
/// these tests read).
std::optional<Page> LoadFront(PageKind kind, const std::string& front_matter, Diagnostics* d) {
  Vocabularies vocab;
  return LoadPage("content/shi/pages/a.md", kind, "---\n" + front_matter + "---\n", vocab, nullptr, d);
}
std::optional<Page> LoadCase(const std::string& front_matter, Diagnostics* d) {
  return LoadFront(PageKind::kCase, "title: 花街道\ndate: 2024-04-01\n" + front_matter, d);
}
std::optional<Page> LoadGroup(const std::string& front_matter, Diagnostics* d) {
  return LoadFront(PageKind::kGroup, "title: 花の会\nkana: はなのかい\n" + front_matter, d);
}

TEST_CASE("a case's group named twice is kept once, at its first mention") {
  Diagnostics d;
  auto page = LoadCase("groups: [hana, kaze, hana]\n", &d);
  REQUIRE(page);
  REQUIRE(page->case_info.groups.size() == 2);
  CHECK(page->case_info.groups[0].value == "hana");
  CHECK(page->case_info.groups[0].loc.col == 10);
  CHECK(page->case_info.groups[1].value == "kaze");
}

TEST_CASE("a 基本方針 heading written over lines is one line, in either form of the item") {
  Diagnostics d;
  auto page = LoadFront(PageKind::kPolicy,
                        "title: 計画\nkind: 計画\nbasic_policies:\n  - |\n    協働の意識を\n    育てます\n"
                        "  - title: |\n      活動しやすい\n      環境をつくります\n    summary: |\n      「協働の\n      環境」\n",
                        &d);
  REQUIRE(page);
  REQUIRE(page->policy.basic_policies.size() == 2);
  CHECK(page->policy.basic_policies[0].title == "協働の意識を育てます");
  CHECK(page->policy.basic_policies[1].title == "活動しやすい環境をつくります");
  CHECK(page->policy.basic_policies[1].summary == "「協働の環境」");
}

TEST_CASE("a group's members written with 全角 digits has them half-width") {
  Diagnostics d;
  auto page = LoadGroup("members: 約３０人（令和５年）\n", &d);
  REQUIRE(page);
  CHECK(page->group.members == "約30人（令和5年）");  // the brackets stay as written
}

TEST_CASE("a title wrapped with title: | is one line without a space between Japanese words") {
  Diagnostics d;
  auto page = LoadFront(PageKind::kPage, "title: |\n  協働のまちづくり\n  推進計画 (Kyodo Plan)\n", &d);
  REQUIRE(page);
  CHECK(page->title == "協働のまちづくり推進計画 (Kyodo Plan)");
}

TEST_CASE("a case's place written over lines is one line, without the block's last line break") {
  Diagnostics d;
  auto page = LoadCase("place: |\n  国道141号沿いの\n  花壇 (North Park)\n", &d);
  REQUIRE(page);
  CHECK(page->case_info.place == "国道141号沿いの花壇 (North Park)");
}

TEST_CASE("a group's website under contact: and url: with two addresses is pointed at, not dropped silently") {
  Diagnostics two;
  auto page = LoadGroup("contact: {url: \"https://a.example.jp/\"}\nurl: https://b.example.jp/\n", &two);
  REQUIRE(page);
  CHECK(page->group.url == "https://b.example.jp/");
  REQUIRE(two.WarningCount() == 1);
  CHECK(two.items()[0].message == "団体のウェブサイトが url: と contact: の url の2か所に違う値で書かれています");
  CHECK(two.items()[0].loc.line == 5);
  CHECK(two.items()[0].loc.col == 6);
  Diagnostics same;
  LoadGroup("contact: {url: \"https://a.example.jp/\"}\nurl: https://a.example.jp/\n", &same);
  CHECK(same.empty());
}

}  // namespace
}  // namespace kyodo
