#include "lint.h"

#include <doctest/doctest.h>

#include "markdown.h"

namespace kyodo {
namespace {

std::string Texts(const std::vector<LintFinding>& findings) {
  std::string out;
  for (const LintFinding& f : findings) out += std::to_string(f.offset) + ":" + f.text + "|";
  return out;
}

TEST_CASE("CheckText finds 全角英数字 and 半角カナ runs with the half/full-width form to use") {
  auto f = CheckText("会員はＮＰＯ法人１２団体とｶﾌｪです");
  REQUIRE(f.size() == 3);
  CHECK(Texts(f) == "9:ＮＰＯ|24:１２|39:ｶﾌｪ|");
  CHECK(f[0].message == "全角英数字「ＮＰＯ」があります");
  CHECK(f[0].hint == "半角で「NPO」と書いてください（読み上げや検索で正しく扱われるように）");
  CHECK(f[2].message == "半角カナ「ｶﾌｪ」があります");
  CHECK(f[2].hint == "全角で「カフェ」と書いてください（半角カナは読み上げで正しく読まれないことがあります）");
  // Full-width punctuation and symbols are ordinary Japanese: no finding.
  CHECK(CheckText("（仮称）「まちづくり」＠会場、１月").size() == 1);
}

TEST_CASE("CheckText finds characters that show as nothing, pasted from Word or the web") {
  auto f = CheckText("協\xE2\x80\x8B働の\xC2\xAD会");
  REQUIRE(f.size() == 2);
  CHECK(Texts(f) == "3:\xE2\x80\x8B|12:\xC2\xAD|");
  CHECK(f[0].message == "見えない文字（ゼロ幅スペース U+200B）があります");
  CHECK(f[1].message == "見えない文字（ソフトハイフン U+00AD）があります");
  CHECK(CheckText("\xE2\x81\xA0" "a\xEF\xBB\xBF").size() == 2);
  // A joiner inside an emoji (U+200D) and a no-break space are visible in effect: no finding.
  CHECK(CheckText("家族\xF0\x9F\x91\xA8\xE2\x80\x8D\xF0\x9F\x91\xA9\xC2\xA0です").empty());
}

TEST_CASE("CheckText finds words spaced out for layout") {
  auto f = CheckText("場所は市　役　所です");
  REQUIRE(f.size() == 1);
  CHECK(f[0].text == "市　役　所");
  CHECK(f[0].message == "文字の間に空白があります「市　役　所」");
  CHECK(f[0].hint == "見た目をそろえる空白は読み上げで単語を区切ってしまいます。「市役所」と続けて書いてください");
  CHECK(Texts(CheckText("氏 名")) == "0:氏 名|");
  // Spaces between real words, or around Latin and digits, are fine.
  CHECK(CheckText("佐久市 協働のまちづくり").empty());
  CHECK(CheckText("NPO 法人と市").empty());
  CHECK(Texts(CheckText("名称　市　民　会議")) == "3:称　市　民　会|");
  CHECK(CheckText("市 役所").empty());
}

TEST_CASE("CheckText finds 2024/1/1-style dates but not paths, fractions or versions") {
  auto f = CheckText("締切は2024/1/31、説明会は2024.4.1です");
  REQUIRE(f.size() == 2);
  CHECK(f[0].text == "2024/1/31");
  CHECK(f[0].hint == "「2024年1月31日」のように書いてください（読み上げで日付として伝わるように）");
  CHECK(f[1].text == "2024.4.1");
  CHECK(CheckText("https://example.jp/2024/1/1/").empty());
  CHECK(CheckText("2024/13/1 と 12024/1/1 と 2024/1/1/2 と 2024/1.1").empty());
  CHECK(CheckText("2024年1月1日").empty());
}

TEST_CASE("CheckText points at a reading (ルビ) in text that gets none, such as a title") {
  auto f = CheckText("市の｜NPO法人《エヌピーオーほうじん》と安曇野《あづみの》");
  REQUIRE(f.size() == 1);  // the first is enough to say what to do
  CHECK(f[0].offset == std::string("市の").size());
  CHECK(f[0].text == "｜NPO法人《エヌピーオーほうじん》");
  CHECK(f[0].message == "読み「｜NPO法人《エヌピーオーほうじん》」はここではそのまま表示されます");
  CHECK(f[0].hint == "読み（ルビ）を付けられるのは本文だけです。ここでは《》と読みを消してください");
  CHECK(CheckText("《重要》のお知らせ").empty());  // brackets, not a reading
}

TEST_CASE("CheckLinkText flags link text that does not say where it goes") {
  CHECK(CheckLinkText("こちら"));
  CHECK(CheckLinkText(" 詳しくはこちら。"));
  CHECK(CheckLinkText("「ここ」"));
  CHECK(CheckLinkText("Click here"));
  CHECK(CheckLinkText("こちら")->message == "リンクの文字「こちら」だけではリンク先がわかりません");
  CHECK_FALSE(CheckLinkText("協働提案制度の募集要項"));
  CHECK_FALSE(CheckLinkText("こちらの申請書"));
  // 申し込みは[こちらから] and [コチラ] passed unflagged.
  CHECK(CheckLinkText("こちらから"));
  CHECK(CheckLinkText("ここから。"));
  CHECK(CheckLinkText("コチラ"));
  CHECK_FALSE(CheckLinkText("こちらから申し込む協働提案の様式"));
}

TEST_CASE("CheckAltText flags file names, camera names and the image's own name") {
  CHECK(CheckAltText("photo01.JPG", "img/x.jpg"));
  CHECK(CheckAltText("balloon", "../assets/balloon.png"));
  CHECK(CheckAltText("IMG_1234", "a.jpg"));
  CHECK(CheckAltText("DSC01234", "a.jpg"));
  CHECK(CheckAltText("写真.jpeg", "a.jpg")->message == "画像の代替テキスト「写真.jpeg」がファイル名になっています");
  CHECK_FALSE(CheckAltText("会場に並ぶ熱気球", "balloon.png"));
  CHECK_FALSE(CheckAltText("", "balloon.png"));
  CHECK_FALSE(CheckAltText("Image of the hall", "hall.png"));
}

TEST_CASE("CheckTableHeader flags a header row without any text") {
  CHECK(CheckTableHeader({"", " "}));
  CHECK_FALSE(CheckTableHeader({"", "内容"}));
}

TEST_CASE("HeadingOrder reports skipped levels, once per skip") {
  HeadingOrder h;
  CHECK_FALSE(h.Next(2));
  CHECK_FALSE(h.Next(3));
  auto skip = h.Next(5);
  REQUIRE(skip);
  CHECK(skip->message == "見出しが「###」から「#####」へ飛んでいます");
  CHECK(skip->hint == "「####」にしてください（見出しは1段ずつ下げます）");
  CHECK_FALSE(h.Next(5));
  CHECK_FALSE(h.Next(2));
  HeadingOrder first;
  auto start = first.Next(3);
  REQUIRE(start);
  CHECK(start->message == "本文の最初の見出しが「###」です");
  HeadingOrder h1;
  CHECK_FALSE(h1.Next(1));  // "#" counts as "##"
  CHECK_FALSE(h1.Next(3));
}

TEST_CASE("ReportOnLine places findings by code points from the start of the text") {
  Diagnostics d;
  std::string title = "協働ＮＰＯ";
  ReportOnLine(CheckText(title), title, {"a.md", 2, 8}, &d);
  REQUIRE(d.items().size() == 1);
  CHECK(d.items()[0].severity == Severity::kWarning);
  CHECK(d.items()[0].loc.line == 2);
  CHECK(d.items()[0].loc.col == 10);
}

// The hook in markdown.cpp's AST walk: every check fires at the position the
// author wrote it, in body lines counted from the file's first line.
TEST_CASE("Markdown bodies are checked on the AST with exact positions") {
  MarkdownEngine engine;
  MarkdownOptions options;
  options.lint = true;
  std::string body =
      "本文のＡＢＣと &amp; ｶﾅ。\n"          // line 10
      "締切は2024/1/1です。[こちら](https://example.jp/)\n"
      "\n"
      "## 概要\n"
      "\n"
      "#### 詳細\n"                             // line 15
      "\n"
      "![photo.jpg](a.png)\n"
      "\n"
      "|  |  |\n"
      "|--|--|\n"                               // line 20
      "| 市　役　所 | x |\n"
      "\n"
      "\t字下げした段落です。\n"                // line 23
      "\n"
      "```\n"
      "    kyodo build と入力します\n"        // fenced: code the author meant
      "```\n"
      "\n"
      "    make all\n";                       // line 29: code without Japanese
  Diagnostics d;
  engine.Render(body, "content/x/cases/a.md", 10, options, nullptr, &d);
  std::string got;
  for (const Diagnostic& x : d.items()) {
    got += std::to_string(x.loc.line) + ":" + std::to_string(x.loc.col) + " " + x.message + "\n";
  }
  CHECK(got ==
        "10:4 全角英数字「ＡＢＣ」があります\n"
        "10:15 半角カナ「ｶﾅ」があります\n"
        "11:4 日付「2024/1/1」が数字と記号だけで書かれています\n"
        "11:15 リンクの文字「こちら」だけではリンク先がわかりません\n"
        "15:1 見出しが「##」から「####」へ飛んでいます\n"
        "17:1 画像の代替テキスト「photo.jpg」がファイル名になっています\n"
        "19:1 表の見出し行（1行目）が空です\n"
        "21:3 文字の間に空白があります「市　役　所」\n"
        "23:2 行頭のタブか4つ以上の空白のため、この文章はプログラムのコードとして表示されます\n");
  // Without the option nothing is checked.
  Diagnostics quiet;
  engine.Render(body, "content/x/cases/a.md", 10, MarkdownOptions{}, nullptr, &quiet);
  CHECK(quiet.empty());
}

}  // namespace
TEST_CASE("Japanese text in an indented code block was pasted with leading spaces") {
  auto pasted = CheckIndentedCode("市民と行政が、自立した関係で協力して活動すること\n");
  REQUIRE(pasted);
  CHECK(pasted->message == "行頭のタブか4つ以上の空白のため、この文章はプログラムのコードとして表示されます");
  CHECK_FALSE(CheckIndentedCode("kyodo build --out site\n"));
  CHECK_FALSE(CheckIndentedCode(""));
}

}  // namespace kyodo
