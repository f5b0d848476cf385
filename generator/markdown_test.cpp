#include "markdown.h"

#include <doctest/doctest.h>

#include "text.h"

namespace kyodo {

namespace {
RenderedMarkdown Render(const std::string& md, Diagnostics* d, bool unsafe = false, LinkRewriter rewrite = nullptr) {
  MarkdownEngine engine;
  MarkdownOptions options;
  options.unsafe_html = unsafe;
  return engine.Render(md, "a.md", 5, options, rewrite, d);
}
}  // namespace

TEST_CASE("headings get ids and a table of contents; the body starts at h2") {
  Diagnostics d;
  auto r = Render("## 基本方針1 情報の共有\n\n### (1) 市民と行政\n\n## 基本方針1 情報の共有\n", &d);
  CHECK(r.html ==
        "<h2 id=\"基本方針1-情報の共有\">\n基本方針1 情報の共有\n</h2>\n<h3 id=\"1-市民と行政\">\n(1) 市民と行政\n</h3>\n"
        "<h2 id=\"基本方針1-情報の共有-2\">\n基本方針1 情報の共有\n</h2>\n");
  REQUIRE(r.toc.size() == 3);
  CHECK(r.toc[1].level == 3);
  CHECK(r.toc[2].id == "基本方針1-情報の共有-2");
  CHECK(d.empty());
  auto h1 = Render("# 題名\n", &d);
  CHECK(h1.html == "<h2 id=\"題名\">\n題名\n</h2>\n");
  REQUIRE(d.items().size() == 1);
  CHECK(d.items()[0].severity == Severity::kWarning);
  CHECK(d.items()[0].loc.line == 5);
}

TEST_CASE("heading ids") {
  CHECK(HeadingId("Hello, World!") == "hello-world");
  CHECK(HeadingId("「協働」とは？") == "協働とは");  // NFKC makes ？ an ASCII ? , which is dropped
  CHECK(HeadingId("・・・") == "section");
}

TEST_CASE("raw HTML and script URLs are removed unless the city allows HTML") {
  Diagnostics d;
  auto r = Render("<script>alert(1)</script>\n\n段落 <b>太字</b> [x](javascript:alert(1)) [y](JaVaScRiPt:1) ![i](data:image/png;base64,AA)\n", &d);
  CHECK(r.html == "<p>段落 太字 x y </p>\n");
  REQUIRE(d.WarningCount() == 5);  // the block, the inline tags once, three links
  CHECK(d.items()[0].message == "HTML のブロックは、中の文章ごと表示されません");
  CHECK(d.items()[1].message == "本文の HTML タグは表示されません");
  Diagnostics d2;
  auto allowed = Render("<div class=\"note\">注</div>\n\n<script>x</script>\n", &d2, true);
  CHECK(allowed.html == "<div class=\"note\">注</div>\n&lt;script>x&lt;/script>\n");  // tagfilter still applies
}

TEST_CASE("dangerous URL detection sees through case, spaces and entities") {
  CHECK(IsDangerousUrl("javascript:alert(1)"));
  CHECK(IsDangerousUrl(" java\tscript:alert(1)"));
  CHECK(IsDangerousUrl("VBScript:x"));
  CHECK(IsDangerousUrl("data:text/html,x"));
  CHECK(IsDangerousUrl("&#106;avascript:x"));
  CHECK_FALSE(IsDangerousUrl("https://example.jp/javascript:"));
  CHECK_FALSE(IsDangerousUrl("../cases/a.md"));
  CHECK_FALSE(IsDangerousUrl("mailto:a@b.jp"));
}

TEST_CASE("links are handed to the rewriter with their positions; images need alt text") {
  Diagnostics d;
  std::vector<LinkRequest> seen;
  auto r = Render("前文\n\n[指針](../policies/a.md#基本方針) と ![写真](photo.jpg)\n\n![](x.png)\n", &d, false,
                  [&](const LinkRequest& link) {
                    seen.push_back(link);
                    return link.url == "../policies/a.md#基本方針" ? std::string("../../policies/a/index.html") : link.url;
                  });
  REQUIRE(seen.size() == 3);
  CHECK(seen[0].loc.line == 7);
  CHECK(seen[0].loc.col == 1);
  CHECK(seen[1].image);
  CHECK(seen[1].loc.col == 31);  // 30 characters precede it on the line
  CHECK(r.html.find("href=\"../../policies/a/index.html\"") != std::string::npos);
  REQUIRE(d.items().size() == 1);
  CHECK(d.items()[0].message == "画像「x.png」に代替テキストがありません");
  CHECK(d.items()[0].loc.line == 9);
}

TEST_CASE("a link or image that Markdown left as text because of a space is an error at its place") {
  Diagnostics d;
  auto r = Render("前文\n\n[会の紹介](../groups/minuma kai.md)と![田植えの様子](../assets/田植え 写真.jpg)。[正しい](b.md)\n", &d);
  REQUIRE(d.items().size() == 2);
  CHECK(d.items()[0].message == "リンクになっていません: [会の紹介](../groups/minuma kai.md)");
  CHECK(d.items()[0].hint ==
        "行き先に空白があると Markdown はリンクにしません。ファイル名から空白を除くか、[…](<../groups/minuma kai.md>) "
        "のように < > で囲んでください");
  CHECK(d.items()[0].loc.line == 7);
  CHECK(d.items()[0].loc.col == 1);
  CHECK(d.items()[1].message == "画像になっていません: ![田植えの様子](../assets/田植え 写真.jpg)");
  CHECK(d.items()[1].loc.col == 33);
  // Written with < >, both are a link and an image.
  Diagnostics ok;
  auto fixed = Render("[会の紹介](<../groups/minuma kai.md>)と![田植えの様子](<田植え 写真.jpg>)\n", &ok);
  CHECK(ok.items().empty());
  CHECK(fixed.html.find("<img") != std::string::npos);
  // Brackets in ordinary text are not links and not errors.
  Diagnostics plain;
  Render("配列 a[i](その i 番目) と [注] (別紙)\n", &plain);
  CHECK(plain.items().empty());
}

TEST_CASE("summary by characters from paragraphs, tables wrapped to scroll") {
  Diagnostics d;
  std::string long_text(300, 'a');
  auto r = Render("## 見出しは入らない\n\n" + long_text + "\n\n| a | b |\n|---|---|\n| 1 | 2 |\n", &d);
  CHECK(r.summary == std::string(120, 'a') + "…");
  // Named by the heading above it, not 「表」 for every table.
  CHECK(r.html.find("<div class=\"table-scroll\" role=\"region\" aria-label=\"見出しは入らない\" tabindex=\"0\">\n<table>") !=
        std::string::npos);
  auto with_list = Render("まつりを開いています。\n\n## 主な内容\n\n- 郷土芸能の披露\n- 防災体験コーナー\n\n終わりに片付けます。\n", &d);
  CHECK(with_list.summary == "まつりを開いています。 終わりに片付けます。");  // list items are no running text
  // A footnote's text is not part of the running text (cmark puts it at the end).
  auto with_note = Render("合同で訓練を行いました。[^1]\n\n[^1]: 令和6年9月1日実施\n", &d);
  CHECK(with_note.summary == "合同で訓練を行いました。");
  auto short_text = Render("子育て支援をしています。\n", &d);
  CHECK(short_text.summary == "子育て支援をしています。");
  CHECK(short_text.text == "子育て支援をしています。");
}

TEST_CASE("a table's scroll region is named by the heading above it, or its columns") {
  Diagnostics d;
  const std::string table = "| 年度 | 件数 |\n|---|---|\n| 2024 | 3 |\n\n";
  auto first = Render(table + "## 補助の<実績>\n\n" + table + table + "### 内訳\n\n" + table, &d);
  auto label = [&](size_t from) {
    size_t at = first.html.find("aria-label=\"", from);
    return at == std::string::npos ? std::string() : first.html.substr(at + 12, first.html.find('"', at + 12) - at - 12);
  };
  size_t pos = 0;
  std::vector<std::string> labels;
  for (std::string l; !(l = label(pos)).empty(); pos = first.html.find("aria-label=\"", pos) + 1) labels.push_back(l);
  CHECK(labels == std::vector<std::string>{"「年度」「件数」の表", "補助の&lt;実績&gt;", "補助の&lt;実績&gt;（2つ目の表）", "内訳"});
}

TEST_CASE("pathological Markdown stays fast and bounded") {
  Diagnostics d;
  std::string nested(20000, '>');
  auto quote = Render(nested + " 深い\n", &d);
  CHECK(quote.html.find("深い") != std::string::npos);
  std::string brackets(50000, '[');
  auto b = Render(brackets + "\n", &d);
  CHECK(b.html.size() > 50000);
  std::string list;
  for (int i = 0; i < 2000; ++i) list += std::string(static_cast<size_t>(i % 50) * 2, ' ') + "- x\n";
  auto l = Render(list, &d);
  CHECK(l.html.find("<li>") != std::string::npos);
}


namespace {
RenderedMarkdown RenderText(const std::string& md) {
  MarkdownEngine engine;
  Diagnostics diags;
  return engine.Render(md, "x.md", 1, MarkdownOptions{}, nullptr, &diags);
}
}  // namespace

TEST_CASE("RenderedMarkdown::text keeps blocks apart") {
  // The search index and its snippets read this text: a list item must not run
  // into the next one (「提供多様な」 was one word before).
  RenderedMarkdown r = RenderText("## 見出し\n\n本文です。\n\n- 場の提供\n- 多様な媒体\n\n| 主体 | 役割 |\n|---|---|\n| 市民 | 参加 |\n");
  CHECK(r.text == "見出し 本文です。 場の提供 多様な媒体 主体 役割 市民 参加");
  CHECK(r.toc.size() == 1);
  CHECK(r.toc[0].text == "見出し");
}

TEST_CASE("RenderedMarkdown::text joins inline text without spaces") {
  CHECK(RenderText("**協働**の*まちづくり*と`コード`\n").text == "協働のまちづくりとコード");
  CHECK(RenderText("kyodo\nportal\n").text == "kyodo portal");
}

TEST_CASE("a line break inside Japanese text is no space") {
  // Chromium shows a soft line break between two kanji as a space: 「パートナーとして 連携」.
  RenderedMarkdown r = RenderText("よきパートナーとして\n連携・協力しながら、\n**協働**を進めます。\n");
  CHECK(r.text == "よきパートナーとして連携・協力しながら、協働を進めます。");
  CHECK(r.html == "<p>よきパートナーとして連携・協力しながら、<strong>協働</strong>を進めます。</p>\n");
  // Latin words, digits and Hangul keep the break (a space) next to them.
  CHECK(RenderText("一行目\n2行目\n").text == "一行目 2行目");
  CHECK(RenderText("NPO\n法人\n").text == "NPO 法人");
  CHECK(RenderText("協働\n한국\n").text == "協働 한국");
  CHECK(JoinsAcrossLineBreak("として", "連携"));
  CHECK(JoinsAcrossLineBreak("です。", "「協働」"));
  CHECK_FALSE(JoinsAcrossLineBreak("", "連携"));
}

TEST_CASE("a bare URL ends where the Japanese text after it begins; one in < > is kept whole") {
  Diagnostics d;
  CHECK(Render("詳しくは https://www.city.saku.nagano.jp/kyodo/をご覧ください。\n", &d).html ==
        "<p>詳しくは <a href=\"https://www.city.saku.nagano.jp/kyodo/\">https://www.city.saku.nagano.jp/kyodo/</a>"
        "をご覧ください。</p>\n");
  CHECK(Render("市のページ（https://www.city.saku.nagano.jp/）へ\n", &d).html ==
        "<p>市のページ（<a href=\"https://www.city.saku.nagano.jp/\">https://www.city.saku.nagano.jp/</a>）へ</p>\n");
  CHECK(Render("www.example.jp.から\n", &d).html ==
        "<p><a href=\"http://www.example.jp\">www.example.jp</a>.から</p>\n");
  CHECK(Render("kyodo@city.example.jpまで\n", &d).html ==
        "<p><a href=\"mailto:kyodo@city.example.jp\">kyodo@city.example.jp</a>まで</p>\n");
  CHECK(Render("<https://ja.wikipedia.org/wiki/佐久市>と\n", &d).html ==
        "<p><a href=\"https://ja.wikipedia.org/wiki/%E4%BD%90%E4%B9%85%E5%B8%82\">https://ja.wikipedia.org/wiki/佐久市</a>と</p>\n");
  CHECK(Render("[https://example.jp/あ](https://example.jp/あ)\n", &d).html ==
        "<p><a href=\"https://example.jp/%E3%81%82\">https://example.jp/あ</a></p>\n");
  CHECK(d.empty());
  // A warning about the words after the URL is at their place.
  MarkdownEngine engine;
  MarkdownOptions lint;
  lint.lint = true;
  engine.Render("本文 https://example.jp/をご覧ください（ＮＰＯ）。\n", "a.md", 5, lint, nullptr, &d);
  REQUIRE(d.items().size() == 1);
  CHECK(d.items()[0].loc.line == 5);
  CHECK(d.items()[0].loc.col == 31);
}

}  // namespace kyodo
