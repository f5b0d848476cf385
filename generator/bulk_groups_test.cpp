#include "bulk_groups.h"

#include <doctest/doctest.h>

#include "page_loader.h"

namespace kyodo {
namespace {

Vocabularies TestVocab() {
  YamlFile file("_taxonomies.yaml", R"(
modes: {label: 協働の形態, terms: [{name: 共催, slug: kyosai}]}
fields: {label: 分野, terms: [{name: 子どもの健全育成, slug: kodomo, aliases: [子育て]},
                             {name: まちづくり, slug: machizukuri}, {name: 環境の保全, slug: kankyo}]}
actors: {label: 主体, terms: [{name: 市民, slug: shimin}]}
partnership: {label: 協働の型, terms: [{name: 市民×行政, slug: shimin-gyosei}]}
)");
  Diagnostics d;
  REQUIRE(file.Parse(&d));
  Vocabularies v = Vocabularies::LoadShared(file, &d);
  REQUIRE(d.empty());
  return v;
}

std::vector<Page> Load(const std::map<std::string, std::string>& files, Diagnostics* d,
                       const std::vector<Page>& existing = {}, ReadingGuesser* reading = nullptr) {
  MemoryDisk disk;
  std::vector<std::string> paths;
  for (const auto& [path, text] : files) {
    disk.Add(path, text);
    paths.push_back(path);
  }
  return LoadBulkGroups(disk, paths, existing, TestVocab(), reading, d);
}

std::string Messages(const Diagnostics& d) {
  std::string out;
  for (const Diagnostic& x : d.items()) {
    out += x.loc.file + ":" + std::to_string(x.loc.line) + ":" + std::to_string(x.loc.col) + ": " + x.message + "\n";
  }
  return out;
}

TEST_CASE("groups.yaml items become group pages with the front-matter keys") {
  Diagnostics d;
  auto pages = Load({{"c/saku/groups.yaml", R"(- id: kosodate-salon
  title: 特定非営利活動法人 子育てサロン
  kana: コソダテサロン
  fields: [子育て, まちづくり]
  area: 岩村田
  established: 平成17年4月
  corporate_number: "7000012050002"
  contact: {tel: ０２６７-１１-２２２２, email: salon@example.jp}
  body: |
    毎週水曜日に開いています。
- id: cosmos
  title: コスモスの会
  kana: こすもすのかい
  draft: true
)"}},
                    &d);
  CHECK(Messages(d) == "");
  REQUIRE(pages.size() == 2);
  const Page& p = pages[0];
  CHECK(p.kind == PageKind::kGroup);
  CHECK(p.id == "kosodate-salon");
  CHECK(p.source == "c/saku/groups.yaml");
  CHECK(p.group.kana == "こそだてさろん");
  CHECK(p.group.fields == std::vector<int>{0, 1});
  CHECK(p.group.area == "岩村田");
  CHECK(p.group.established->Iso() == "2005-04");
  CHECK(p.group.corporate_number == "7000012050002");
  CHECK(p.group.tel == "0267-11-2222");
  CHECK(p.group.email == "salon@example.jp");
  CHECK(p.body == "毎週水曜日に開いています。\n");
  CHECK(p.body_line == 10);
  CHECK(pages[1].draft);
}

TEST_CASE("groups.csv: English keys, BOM, quoted cells, lists separated by 、 or ;") {
  Diagnostics d;
  auto pages = Load({{"c/suwa/groups.csv",
                      "\xEF\xBB\xBFid,title,kana,fields,contact.tel,body\r\n"
                      "eco,エコの会,えこのかい,\"環境の保全、まちづくり\",0266-00-0000,\"一行目, 続き\r\n二行目\"\r\n"
                      "kodomo,\"子ども \"\"食堂\"\"\",こどもしょくどう,子育て; まちづくり,,\r\n"}},
                    &d);
  CHECK(Messages(d) == "");
  REQUIRE(pages.size() == 2);
  CHECK(pages[0].id == "eco");
  CHECK(pages[0].group.fields == std::vector<int>{2, 1});
  CHECK(pages[0].group.tel == "0266-00-0000");
  CHECK(pages[0].body == "一行目, 続き\n二行目");
  CHECK(pages[0].body_line == 2);
  CHECK(pages[1].title == "子ども \"食堂\"");
  CHECK(pages[1].group.fields == std::vector<int>{0, 1});
}

TEST_CASE("groups.csv accepts the Japanese columns of the open-data export") {
  Diagnostics d;
  auto pages = Load({{"c/suwa/groups.csv",
                      "全国地方公共団体コード,ID,地方公共団体名,名称,名称_カナ,法人格,法人番号,分野,地域,設立年月日,会員数,"
                      "概要,連絡先電話番号,連絡先メールアドレス,ウェブサイト,関連する協働事例ID,掲載日,更新日,URL\n"
                      "202061,eco,長野県諏訪市,NPO法人 エコの会,エコノカイ,特定非営利活動法人,7000012050002,"
                      "環境の保全;まちづくり,上諏訪,2008-09,約20人,ごみ減量,,eco@example.jp,https://eco.example.jp/,"
                      "suwa-eco,2008-09,2010-04-01,https://kyodo.example.jp/suwa/groups/eco/\n"}},
                    &d);
  CHECK(Messages(d) == "");
  REQUIRE(pages.size() == 1);
  const Page& p = pages[0];
  CHECK(p.title == "NPO法人 エコの会");
  CHECK(p.group.kana == "えこのかい");
  CHECK(p.group.corporate_number == "7000012050002");
  CHECK(p.group.area == "上諏訪");
  CHECK(p.group.established->Iso() == "2008-09");
  CHECK(p.group.members == "約20人");
  CHECK(p.summary == "ごみ減量");
  CHECK(p.group.url == "https://eco.example.jp/");
  CHECK(p.date->Iso() == "2008-09");
  CHECK(p.updated->Iso() == "2010-04-01");
}

TEST_CASE("groups.csv problems point at the cell") {
  Diagnostics d;
  auto pages = Load({{"c/x/groups.csv",
                      "id,title,kana,fields,titel\n"
                      "a,会A,かいえー,\"まちづくり、子育\"\n"
                      ",無名,むめい,,\n"
                      "B 1,会B,かいびー,,\n"
                      "c,会C,かいしー,まちづくり;子育ちて,,extra\n"}},
                    &d);
  CHECK(Messages(d) ==
        "c/x/groups.csv:1:22: 不明な列「titel」\n"
        "c/x/groups.csv:2:18: 未登録の分野「子育」\n"  // inside a quoted cell: the item, not the quote
        "c/x/groups.csv:3:1: ID（id）が空の行です\n"
        "c/x/groups.csv:4:1: ID「B 1」は URL に使えません\n"
        // A row with too many cells says only that: after an unquoted comma every cell
        // is in the wrong column, and what those fail is noise.
        "c/x/groups.csv:5:23: この行は1行目（列名）より列が多いです\n");
  // The bad ones are still read (all problems in one run); the row without id is not.
  CHECK(pages.size() == 3);
  CHECK(d.items()[0].hint ==
        "「title」の誤りではありませんか。公開しない列（代表者の氏名・連絡先、メモなど）なら、"
        "列名の先頭に「#」を付けると読み込みません（#titel）");
}

TEST_CASE("groups.csv: a list cell with one item per line (Alt+Enter) is a list; each item keeps its place") {
  Diagnostics d;
  auto pages = Load({{"c/x/groups.csv", "id,title,kana,fields\na,会A,かいえー,\"まちづくり\n子育て\n環境の保金\"\n"}}, &d);
  REQUIRE(pages.size() == 1);
  CHECK(pages[0].group.fields.size() == 2);
  CHECK(Messages(d) == "c/x/groups.csv:4:1: 未登録の分野「環境の保金」\n");
}

TEST_CASE("groups.csv: terms joined with ・ in a cell get the 「、」 spelling as the hint") {
  Diagnostics d;
  Load({{"c/x/groups.csv", "id,title,kana,fields\na,会A,かいえー,まちづくり・子育て\n"}}, &d);
  REQUIRE(d.items().size() == 1);
  CHECK(d.items()[0].hint ==
        "いくつか書くときは「まちづくり、子育て」のように「、」で区切ってください（「・」・空白・「/」は区切りになりません）");
}

TEST_CASE("groups.csv: a telephone cell with a note gets the number alone as the hint, without YAML's tel: \"…\"") {
  Diagnostics d;
  Load({{"c/x/groups.csv", "ID,名称,名称_カナ,連絡先電話番号\na,会A,かいえー,0267-00-0000（平日9時〜17時）\n"}}, &d);
  REQUIRE(d.items().size() == 1);
  CHECK(d.items()[0].loc.file == "c/x/groups.csv");
  CHECK(d.items()[0].hint == "「0267-00-0000」のように番号だけを書いてください（「(平日9時〜17時)」のような説明は書けません）");
}

TEST_CASE("groups.csv: a register with tabs between its cells is one error saying so") {
  Diagnostics d;
  auto pages = Load({{"c/x/groups.csv", "ID\t名称\t名称_カナ\na\t会A\tかいえー\nb\t会B\tかいびー\n"}}, &d);
  CHECK(Messages(d) == "c/x/groups.csv:1:1: 列が「,」（コンマ）ではなくタブで区切られています\n");
  CHECK(d.items()[0].hint.starts_with("Excel で「名前を付けて保存」を選び、ファイルの種類を「CSV UTF-8（コンマ区切り）」にして"));
  CHECK(pages.empty());
  // A tab inside one cell of a comma-separated header is that column's name (and reported as unknown).
  Diagnostics d2;
  Load({{"c/x/groups.csv", "ID,名称\tかな\na,会A\n"}}, &d2);
  CHECK(Messages(d2).starts_with("c/x/groups.csv:1:4: 不明な列"));
}

TEST_CASE("groups.csv: a row without an ID (a group just registered) gets one made from its reading as the hint") {
  Diagnostics d;
  Load({{"c/x/groups.csv", "ID,名称,名称_カナ\n,特定非営利活動法人 こすもすの会,こすもすのかい\n,梅の会,\n"}}, &d);
  REQUIRE(d.items().size() == 2);
  CHECK(d.items()[0].message == "ID（id）が空の行です");
  CHECK(d.items()[0].hint == "団体ごとに URL に使う ID（半角英小文字・数字・-）を書いてください（例: 読みから作ると「kosumosunokai」）");
  CHECK(d.items()[1].hint == "団体ごとに URL に使う ID（半角英小文字・数字・-）を書いてください");  // no reading, no guesser
}

TEST_CASE("groups.csv: a 法人格 cell the name does not carry is warned about (the column is not read)") {
  Diagnostics d;
  auto pages = Load({{"c/x/groups.csv",
                      "ID,名称,名称_カナ,法人格\n"
                      "a,テストの会,てすとのかい,NPO法人\n"
                      "b,一般社団法人 梅の会,うめのかい,特定非営利活動法人\n"
                      "c,特定非営利活動法人 桜の会,さくらのかい,特定非営利活動法人\n"  // as the export writes it
                      "d,松の会,まつのかい,任意団体\n"
                      "e,竹の会,たけのかい,－\n"}},
                    &d);
  REQUIRE(pages.size() == 5);
  CHECK(pages[0].group.corporate_form == "");
  CHECK(Messages(d) ==
        "c/x/groups.csv:2:16: 法人格「NPO法人」が名称「テストの会」に含まれていません\n"
        "c/x/groups.csv:3:20: 法人格の列の「特定非営利活動法人」と、名称「一般社団法人 梅の会」の法人格（一般社団法人）が違います\n");
  CHECK(d.items()[0].hint ==
        "kyodo は法人格を名称から読み取ります（法人格の列は読み込みません）。名称を「NPO法人 テストの会」のように法人格を含めて書いてください");
}

TEST_CASE("groups.csv: a website in the export's URL column (the page's own address, not read) is warned about") {
  Diagnostics d;
  auto pages = Load({{"c/x/groups.csv",
                      "ID,名称,名称_カナ,URL\n"
                      "a,会A,かいえー,https://www.example.jp/\n"
                      "b,会B,かいびー,https://kyodo.example.jp/x/groups/b/\n"}},  // as the export writes it
                    &d);
  REQUIRE(pages.size() == 2);
  CHECK(pages[0].group.url == "");
  CHECK(Messages(d) == "c/x/groups.csv:2:11: 「URL」の列の「https://www.example.jp/」は読み込みません\n");
  CHECK(d.items()[0].hint ==
        "「URL」はオープンデータが書き出すサイト上のページの URL です。団体のウェブサイトなら「ウェブサイト」の列に書いてください");
}

TEST_CASE("groups.csv: a register's 「なし」「-」「不明」 cells are empty cells, not values to check and publish") {
  Diagnostics d;
  auto pages = Load({{"c/x/groups.csv",
                      "ID,名称,名称_カナ,設立年月日,会員数,連絡先電話番号,連絡先メールアドレス,ウェブサイト,法人番号\n"
                      "a,会A,かいえー,不明,－,なし,なし,―,-\n"
                      "b,会B,かいびー,平成22年,約10人,0267-00-0000,b@example.jp,https://www.example.jp/,\n"
                      "-,会C,かいしー\n"}},
                    &d);
  CHECK(Messages(d) == "c/x/groups.csv:4:1: ID（id）が空の行です\n");
  REQUIRE(pages.size() == 2);
  CHECK_FALSE(pages[0].group.established);
  CHECK(pages[0].group.members == "");
  CHECK(pages[0].group.tel == "");
  CHECK(pages[0].group.url == "");
  CHECK(pages[1].group.members == "約10人");
  CHECK(pages[1].group.tel == "0267-00-0000");
}

TEST_CASE("groups.csv: a line break in an unquoted cell leaves a row of one cell, said as such") {
  Diagnostics d;
  auto pages = Load({{"c/x/groups.csv", "ID,名称,名称_カナ,本文\na,会A,かいえー,活動日時：毎月第2土曜日\n場所：公民館\nb,会B,かいびー,\n"}}, &d);
  CHECK(Messages(d) == "c/x/groups.csv:3:1: この行には「,」がなく、セルが1つだけです\n");
  CHECK(d.items()[0].hint ==
        "前の行のセルの中で改行していませんか。改行を含むセルは、セル全体を「\"」で囲んでください"
        "（Excel で「CSV UTF-8」として保存すると自動で囲まれます）");
  CHECK(pages.size() == 2);
}

TEST_CASE("groups.csv: a title row above the column names is one error at line 1, not one per cell") {
  Diagnostics d;
  auto pages = Load({{"c/x/groups.csv",
                      "市民活動団体一覧（令和6年4月1日現在）,,,\n"
                      ",,,\n"
                      "ID,名称,名称_カナ,概要\n"
                      "a,会A,かいえー,テスト\n"}},
                    &d);
  // The blank-looking row ",,," is dropped by ParseCsv, so the names are on line 3 of the file.
  CHECK(Messages(d) == "c/x/groups.csv:1:1: 1行目が列名の行ではありません（列名は 3 行目にあります）\n");
  CHECK(d.items()[0].hint == "表の題名など、列名（ID,名称,…）の行より上の行を消して、列名の行を1行目にしてから保存し直してください");
  CHECK(pages.empty());
  // A first row with one real column name is the header (its other names are reported one by one).
  Diagnostics d2;
  Load({{"c/x/groups.csv", "ID,名前\n\"ID\",名称\n"}}, &d2);
  CHECK(Messages(d2).starts_with("c/x/groups.csv:1:4: 不明な列「名前」\n"));
}

TEST_CASE("groups.csv: columns whose name starts with # stay with the staff; nothing of them is published") {
  Diagnostics d;
  auto pages = Load({{"c/x/groups.csv",
                      "ID,名称,名称_カナ,#代表者氏名,＃代表者電話番号,# 備考,連絡先電話番号\n"
                      "a,会A,かいえー,架空太郎,090-0000-0000,公開に同意なし,\n"}},
                    &d);
  CHECK(Messages(d) == "");
  REQUIRE(pages.size() == 1);
  CHECK(pages[0].group.tel == "");
  CHECK(pages[0].body == "");
  CHECK(pages[0].summary == "");
}

TEST_CASE("groups.csv: a register's everyday column names get the column they mean as the hint") {
  Diagnostics d;
  Load({{"c/x/groups.csv", "ID,団体名,フリガナ,ホームページ,団体名（カナ）,ＴＥＬ\na,会A,カイエー,,,\n"}}, &d);
  std::vector<std::string> hints;
  for (const Diagnostic& x : d.items()) {
    if (x.message.starts_with("不明な列")) hints.push_back(x.hint.substr(0, x.hint.find("」の誤り") + 3));
  }
  CHECK(hints == std::vector<std::string>{"「名称」", "「名称_カナ」", "「ウェブサイト」", "「名称_カナ」", "「連絡先電話番号」"});
  // A telephone column still says that what it holds is published.
  REQUIRE(d.items().size() == 6);  // and the missing 名称 column
  CHECK(d.items()[4].hint.find("団体が公開に同意した連絡先だけ") != std::string::npos);
}

TEST_CASE("groups.csv: an unknown column is not steered into a published contact column") {
  Diagnostics d;
  Load({{"c/x/groups.csv", "ID,名称,kana,代表者電話番号,活動日時\na,会A,かいえー,090-0000-0000,毎週土曜日\n"}}, &d);
  CHECK(Messages(d) ==
        "c/x/groups.csv:1:12: 不明な列「代表者電話番号」\n"
        "c/x/groups.csv:1:20: 不明な列「活動日時」\n");
  REQUIRE(d.items().size() == 2);
  // The near name is still offered (it may be a typo), with what it publishes, and the way to keep it back.
  CHECK(d.items()[0].hint ==
        "「連絡先電話番号」の誤りではありませんか（この列はページとオープンデータに公開されます。"
        "団体が公開に同意した連絡先だけを書いてください）。公開しない列（代表者の氏名・連絡先、メモなど）なら、"
        "列名の先頭に「#」を付けると読み込みません（#代表者電話番号）");
  CHECK(d.items()[1].hint.starts_with("公開しない列（代表者の氏名・連絡先、メモなど）なら、列名の先頭に「#」を付けると読み込みません（#活動日時）。"));
}

TEST_CASE("groups.csv: a 法人番号 Excel turned into 9.23457E+12 says so; others get a hint without YAML quotes") {
  Diagnostics d;
  Load({{"c/x/groups.csv",
         "ID,名称,名称_カナ,法人番号\n"
         "a,会A,かいえー,9.23457E+12\n"
         "b,会B,かいびー,123456\n"
         "c,会C,かいしー,法人番号：9234567890123\n"}},
       &d);
  CHECK(Messages(d) ==
        "c/x/groups.csv:2:11: 法人番号「9.23457E+12」が指数の形になり、下の桁が失われています\n"
        "c/x/groups.csv:3:11: 法人番号「123456」は13桁の数字ではありません\n"
        "c/x/groups.csv:4:11: 法人番号「法人番号：9234567890123」は13桁の数字ではありません\n");
  REQUIRE(d.items().size() == 3);
  CHECK(d.items()[0].hint == "Excel が数値として扱ったためです。その列の書式を「文字列」にして、13桁の番号を入れ直してください");
  CHECK(d.items()[1].hint == "国税庁法人番号公表サイトの13桁の番号を書いてください");
  CHECK(d.items()[2].hint == "番号だけを「9234567890123」と書いてください");  // a register's label dropped
}

TEST_CASE("groups.csv: a telephone number whose leading 0 Excel dropped gets that hint") {
  Diagnostics d;
  Load({{"c/x/groups.csv", "ID,名称,名称_カナ,連絡先電話番号\na,会A,かいえー,267123456\nb,会B,かいびー,12345\n"}}, &d);
  REQUIRE(d.ErrorCount() == 2);
  CHECK(d.items()[0].message == "電話番号「267123456」が正しくありません");
  CHECK(d.items()[0].hint ==
        "先頭の「0」が消えていませんか（Excel が数値として扱うと消えます）。「0267123456」なら、その列の書式を「文字列」に"
        "して入れ直すか、市外局番の後などにハイフンを入れて書いてください");
  CHECK(d.items()[1].hint == "市外局番から 048-829-1111 のように数字とハイフンで書いてください（10桁。携帯電話・IP電話は11桁）");
}

TEST_CASE("groups.csv: a telephone cell with a label or two numbers gets the one number to write") {
  Diagnostics d;
  Load({{"c/x/groups.csv",
         "ID,名称,名称_カナ,連絡先電話番号\na,会A,かいえー,TEL 0267-62-2111\nb,会B,かいびー,0267-62-2111・0267-62-2112\n"}},
       &d);
  REQUIRE(d.ErrorCount() == 2);
  CHECK(d.items()[0].message == "電話番号「TEL 0267-62-2111」が正しくありません");
  CHECK(d.items()[0].hint == "番号を1つだけ「0267-62-2111」のように書いてください（「TEL」などの見出しや2つ目の番号は書けません）");
  CHECK(d.items()[1].hint == "番号を1つだけ「0267-62-2111」のように書いてください（「TEL」などの見出しや2つ目の番号は書けません）");
}

TEST_CASE("groups.csv: Excel's unnamed trailing columns are no columns, unless a cell in one is filled") {
  Diagnostics d;
  auto pages = Load({{"c/x/groups.csv",
                      "\xEF\xBB\xBFID,名称,名称_カナ,,\r\n"
                      "a,会A,かいえー,,\r\n"
                      "b,会B,かいびー,,中込地区\r\n"
                      ",,,,\r\n"}},
                    &d);
  CHECK(Messages(d) == "c/x/groups.csv:3:12: 列名のない列に「中込地区」が書かれています\n");
  CHECK(pages.size() == 2);
}

TEST_CASE("groups.csv: list items may also be separated by 「，」 or by a comma in a quoted cell") {
  Diagnostics d;
  auto pages = Load({{"c/x/groups.csv", "id,title,kana,fields\na,会A,かいえー,\"まちづくり，子育て\"\nb,会B,かいびー,\"まちづくり, 子育て\"\n"}}, &d);
  CHECK(Messages(d) == "");
  REQUIRE(pages.size() == 2);
  CHECK(pages[0].group.fields.size() == 2);
  CHECK(pages[1].group.fields.size() == 2);
}

TEST_CASE("groups.csv: a group is placed at its ID's cell for what later stages say about it") {
  Diagnostics d;
  auto pages = Load({{"c/x/groups.csv", "title,id,kana\n会A,a-kai,かいえー\n"}}, &d);
  REQUIRE(pages.size() == 1);
  // The empty-summary warning and a clashing ID use it: it was 「c/x/groups.csv#row:1:5」.
  CHECK(pages[0].slug_loc.file == "c/x/groups.csv");
  CHECK(pages[0].slug_loc.line == 2);
  CHECK(pages[0].slug_loc.col == 4);
}

TEST_CASE("an id may be used once across groups/*.md, groups.yaml and groups.csv") {
  Page md;
  md.kind = PageKind::kGroup;
  md.id = "eco";
  md.source = "c/x/groups/eco.md";
  Diagnostics d;
  auto pages = Load({{"c/x/groups.csv", "id,title,kana\neco,エコ,えこ\nsalon,サロン,さろん\n"},
                     {"c/x/groups.yaml", "- id: salon\n  title: サロン2\n  kana: さろん\n"}},
                    &d, {md});
  CHECK(Messages(d) ==
        "c/x/groups.csv:2:1: 団体の ID「eco」は c/x/groups/eco.md と重なります\n"
        "c/x/groups.yaml:1:7: 団体の ID「salon」は c/x/groups.csv:3 と重なります\n");
  REQUIRE(pages.size() == 1);
  CHECK(pages[0].title == "サロン");
}

TEST_CASE("a groups.csv saved in Shift_JIS gets the 「CSV UTF-8」 hint") {
  Diagnostics d;
  // 「名称」 in Shift_JIS.
  auto pages = Load({{"c/x/groups.csv", "id,\x96\xbc\x8f\xcc\r\n"}}, &d);
  CHECK(pages.empty());
  REQUIRE(d.items().size() == 1);
  CHECK(d.items()[0].loc.line == 1);
  CHECK(d.items()[0].loc.col == 4);
  CHECK(d.items()[0].hint.find("「CSV UTF-8（コンマ区切り）」") != std::string::npos);
}

TEST_CASE("a group without kana in groups.csv gets a derived reading and a warning at its name") {
  ReadingGuesser reading;
  REQUIRE(reading.available());
  Diagnostics d;
  auto pages = Load({{"c/x/groups.csv", "id,fields,title\nren,まちづくり,日本気球連盟\n"}}, &d, {}, &reading);
  REQUIRE(pages.size() == 1);
  CHECK(pages[0].group.kana == "にっぽんききゅうれんめい");
  CHECK(pages[0].group.kana_derived);
  CHECK(Messages(d) == "c/x/groups.csv:2:11: 読み（kana）がないため「にっぽんききゅうれんめい」と推定しました\n");
  CHECK(d.items()[0].severity == Severity::kWarning);
  CHECK(d.items()[0].hint == "正しければ kana 列に にっぽんききゅうれんめい と書いてください（五十音順の並びに使います）");
}

TEST_CASE("groups.yaml must be a list") {
  Diagnostics d;
  auto pages = Load({{"c/x/groups.yaml", "eco:\n  title: エコ\n"}}, &d);
  CHECK(pages.empty());
  CHECK(Messages(d) == "c/x/groups.yaml:1:1: groups.yaml は「- id: …」で始まる団体のリストで書いてください\n");
}

}  // namespace
}  // namespace kyodo
