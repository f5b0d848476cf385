#include "source.h"

#include <doctest/doctest.h>

namespace kyodo {

TEST_CASE("sources: BOM dropped, CRLF and CR become LF, invalid UTF-8 reported with its position") {
  Diagnostics d;
  auto text = PrepareSource("\xEF\xBB\xBF---\r\ntitle: x\r\n---\rbody", "a.md", &d);
  REQUIRE(text);
  CHECK(*text == "---\ntitle: x\n---\nbody");
  CHECK(d.empty());

  auto bad = PrepareSource("---\ntitle: \x89\xd4\n---\n", "b.md", &d);
  CHECK_FALSE(bad);
  REQUIRE(d.items().size() == 1);
  CHECK(d.items()[0].loc.file == "b.md");
  CHECK(d.items()[0].loc.line == 2);
  CHECK(d.items()[0].loc.col == 8);
  CHECK(d.items()[0].message == "UTF-8 として読めないバイトがあります（ファイルの先頭から 11 バイトの位置）");
}

TEST_CASE("sources: control characters (PowerPoint's U+000B line break) become spaces, with one warning a file") {
  Diagnostics d;
  auto text = PrepareSource("---\ntitle: 協働\vの手引き\n---\n本文\x01です\tタブ\f改ページ\x7f\n", "a.md", &d);
  REQUIRE(text);
  CHECK(*text == "---\ntitle: 協働 の手引き\n---\n本文 です\tタブ\f改ページ \n");
  REQUIRE(d.items().size() == 1);
  CHECK(d.items()[0].severity == Severity::kWarning);
  CHECK(d.items()[0].loc.line == 2);
  CHECK(d.items()[0].loc.col == 10);
  CHECK(d.items()[0].message == "制御文字（U+000B）があります（このファイルに 3 か所）");
  CHECK(d.items()[0].hint ==
        "PowerPoint や Word から貼り付けると入る、目に見えない文字です。ページには空白として出します。消してください");
  Diagnostics one;
  CHECK(*PrepareSource("a\x08" "c", "b.md", &one) == "a c");
  REQUIRE(one.items().size() == 1);
  CHECK(one.items()[0].message == "制御文字（U+0008）があります");
}

TEST_CASE("sources: a file saved as UTF-16 (Notepad's Unicode) is named as such, not as Shift_JIS") {
  for (const std::string& text : {std::string("\xFF\xFE-\0-\0-\0\n\0", 10), std::string("\xFE\xFF\0-\0-", 6),
                                   std::string("-\0-\0-\0\n\0", 8)}) {
    Diagnostics d;
    CHECK_FALSE(PrepareSource(text, "a.md", &d));
    REQUIRE(d.items().size() == 1);
    CHECK(d.items()[0].loc.line == 1);
    CHECK(d.items()[0].message == "ファイルが UTF-16（Unicode）で保存されています");
    CHECK(d.items()[0].hint == "メモ帳では「名前を付けて保存」で文字コードに「UTF-8」を選んで保存し直してください");
  }
  Diagnostics csv;
  CHECK_FALSE(PrepareSource(std::string("\xFF\xFEI\0D\0", 6), "groups.csv", &csv));
  REQUIRE(csv.items().size() == 1);
  CHECK(csv.items()[0].hint == "Excel では「名前を付けて保存」でファイルの種類に「CSV UTF-8（コンマ区切り）」を選んで保存し直してください");
}

TEST_CASE("front matter the clerk wrote but kyodo cannot see is named: 全角 ---, blank lines before it") {
  auto mistake = [](const std::string& text) {
    auto d = FrontMatterMistake(text, "a.md");
    return d ? std::to_string(d->loc.line) + ":" + d->message + "|" + d->hint : std::string("(none)");
  };
  CHECK(mistake("－－－\ntitle: A\n－－－\n本文\n") ==
        "1:「－－－」は全角です|フロントマターの区切りは半角の「---」で書いてください（閉じる行も同じです）");
  CHECK(mistake("---\ntitle: A\nーーー\n本文\n") ==
        "3:「ーーー」は全角です|フロントマターの区切りは半角の「---」で書いてください（閉じる行も同じです）");
  CHECK(mistake("\n \n---\ntitle: A\n---\n") ==
        "1:フロントマターの「---」の前に空行があります|「---」をファイルの1行目に書いてください（3行目の「---」より前の空行を消します）");
  CHECK(mistake("本文だけ\n\n---\n") == "(none)");  // a thematic break in a body is no front matter
  CHECK(mistake("---\ntitle: A\n") == "(none)");
  // SplitFrontMatter names the 全角 closing line instead of saying the block is not closed.
  Diagnostics d;
  CHECK_FALSE(SplitFrontMatter("---\ntitle: A\n－－－\n", "a.md", &d));
  REQUIRE(d.items().size() == 1);
  CHECK(d.items()[0].loc.line == 3);
  CHECK(d.items()[0].message == "「－－－」は全角です");
}

TEST_CASE("front matter split keeps line numbers") {
  Diagnostics d;
  auto split = SplitFrontMatter("---\ntitle: 花\ndate: 2020-01-01\n---\n\n## 見出し\n", "c.md", &d);
  REQUIRE(split);
  CHECK(split->yaml == "title: 花\ndate: 2020-01-01\n");
  CHECK(split->yaml_line == 2);
  CHECK(split->body == "\n## 見出し\n");
  CHECK(split->body_line == 5);

  auto none = SplitFrontMatter("# 題\n", "d.md", &d);
  REQUIRE(none);
  CHECK(none->yaml_line == 0);
  CHECK(none->body == "# 題\n");

  CHECK_FALSE(SplitFrontMatter("---\ntitle: x\n", "e.md", &d));
  CHECK(d.items().back().loc.line == 1);
  // "---" must be the whole line: a YAML document start inside is not a fence.
  auto fenced = SplitFrontMatter("---   \ntitle: x\n---\nbody\n--- not a fence\n", "f.md", &d);
  REQUIRE(fenced);
  CHECK(fenced->body == "body\n--- not a fence\n");
}

}  // namespace kyodo
