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

TEST_CASE("a body under a heading of its own renders its headings one level down; the table of contents keeps them") {
  Diagnostics d;
  MarkdownEngine engine;
  MarkdownOptions options;
  options.heading_shift = 1;
  auto r = engine.Render("## 経緯\n\n### 平成22年\n\n###### 注\n", "a.md", 1, options, nullptr, &d);
  CHECK(r.html == "<h3 id=\"経緯\">\n経緯\n</h3>\n<h4 id=\"平成22年\">\n平成22年\n</h4>\n<h6 id=\"注\">\n注\n</h6>\n");
  REQUIRE(r.toc.size() == 2);
  CHECK(r.toc[0].level == 2);
  CHECK(r.toc[1].level == 3);
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
  // An '&' without a scheme is a file name, not an entity spelling one.
  CHECK_FALSE(IsDangerousUrl("q&a.md"));
  CHECK_FALSE(IsDangerousUrl("faq&amp;x"));
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

TEST_CASE("a link without text is an error at its place, as an image without alt is") {
  Diagnostics d;
  Render("前文\n\n本文の[](https://example.jp/)と[ ](../cases/a.md)。[![花壇](a.png)](https://example.jp/b)\n", &d);
  REQUIRE(d.items().size() == 2);
  CHECK(d.items()[0].message == "リンク「https://example.jp/」に文字がありません");
  CHECK(d.items()[0].hint == "[リンク先の内容がわかる文字](https://example.jp/) のように [ ] の中に書いてください");
  CHECK(d.items()[0].loc.line == 7);
  CHECK(d.items()[0].loc.col == 4);  // after 本文の
  CHECK(d.items()[1].message == "リンク「../cases/a.md」に文字がありません");
  CHECK(d.items()[1].severity == Severity::kError);
}

TEST_CASE("a link to a file gets the file's type and size from the rewriter in its text") {
  Diagnostics d;
  std::vector<bool> asked;  // whether each link or image was asked for a label
  auto r = Render("[自治基本条例](../assets/jorei.pdf)、[様式（DOCX 12KB）](../assets/y.docx)、[指針](a.md)、"
                  "![図1](../assets/zu.png)\n",
                  &d, false, [&](const LinkRequest& link) {
                    asked.push_back(link.file_label != nullptr);
                    if (link.file_label && link.url == "../assets/jorei.pdf") *link.file_label = "PDF 197KB";
                    if (link.file_label && link.url == "../assets/y.docx") *link.file_label = "DOCX 12KB";
                    return link.url;
                  });
  CHECK(asked == std::vector<bool>{true, true, true, false});  // an image shows no link text
  CHECK(r.html ==
        "<p><a href=\"../assets/jorei.pdf\">自治基本条例（PDF 197KB）</a>、"
        "<a href=\"../assets/y.docx\">様式（DOCX 12KB）</a>、<a href=\"a.md\">指針</a>、"
        "<img src=\"../assets/zu.png\" alt=\"図1\" /></p>\n");
}

TEST_CASE("a paragraph pasted with four spaces of indent is said where it starts; fenced code is not") {
  Diagnostics d;
  MarkdownEngine engine;
  MarkdownOptions options;
  options.lint = true;
  engine.Render("前文\n\n    市民と行政が協力して活動すること\n\n```\nコードの中の日本語\n```\n", "a.md", 5, options, nullptr, &d);
  REQUIRE(d.items().size() == 1);
  CHECK(d.items()[0].message == "行頭のタブか4つ以上の空白のため、この文章はプログラムのコードとして表示されます");
  CHECK(d.items()[0].loc.line == 7);
}

TEST_CASE("a kind of writing problem repeated through a converted document is shown five times, then counted") {
  Diagnostics d;
  MarkdownEngine engine;
  MarkdownOptions options;
  options.lint = true;
  // 「第１章」… 「第９章」 on lines 3, 5, … 19 of the file (the body starts on line 3), then one 半角カナ.
  std::string wide;
  for (int i = 1; i <= 9; ++i) wide += std::string("第") + "\xEF\xBC" + static_cast<char>(0x90 + i) + "章の取組\n\n";
  engine.Render(wide + "ｶﾀｶﾅ\n", "a.md", 3, options, nullptr, &d);
  REQUIRE(d.items().size() == 7);
  CHECK(d.items()[0].message == "全角英数字「１」があります");
  CHECK(d.items()[4].message == "全角英数字「５」があります");
  CHECK(d.items()[5].message == "半角カナ「ｶﾀｶﾅ」があります");  // another kind is not held back
  const Diagnostic& sum = d.items()[6];
  CHECK(sum.message == "このほかにも全角英数字が 4 か所あります（全 9 か所のうち最初の 5 か所だけを示しました）");
  CHECK(sum.hint == "エディターの置換で全角の英数字を半角にまとめて直せます。直したら kyodo check で残りを確かめてください");
  CHECK(sum.loc.line == 13);  // the sixth: 第６章
  CHECK(sum.loc.col == 2);
  CHECK(sum.severity == Severity::kWarning);
}

TEST_CASE("an image on its own line with a title is a figure captioned by the title") {
  Diagnostics d;
  auto r = Render("![協働のイメージ図](zu.png \"図1　協働の <イメージ>\")\n\n文中の![地図](map.png \"区域\")は図にしない。\n", &d);
  CHECK(r.html ==
        "<figure>\n<p><img src=\"zu.png\" alt=\"協働のイメージ図\" /></p>\n<figcaption>\n図1　協働の &lt;イメージ&gt;\n</figcaption>\n"
        "</figure>\n<p>文中の<img src=\"map.png\" alt=\"地図\" title=\"区域\" />は図にしない。</p>\n");
  // The caption is text of the page: search finds it.
  CHECK(r.text.find("協働のイメージ図 図1 協働の <イメージ> 文中の地図は図にしない。") != std::string::npos);
  CHECK(d.empty());
}

TEST_CASE("a footnote that would be dropped or shown as 「[^1]」 is an error at its line and column") {
  Diagnostics d;
  Render("前文[^注]\n\n[^注]: 使われる注\n[^2]: 使われない注\n", &d);
  REQUIRE(d.items().size() == 1);
  CHECK(d.items()[0].message == "脚注「[^2]」は本文のどこからも使われていないため、ページに出ません");
  CHECK(d.items()[0].loc.line == 8);  // the body starts on line 5
  CHECK(d.items()[0].loc.col == 1);
  Diagnostics mark;
  Render("前文です[^3]\n", &mark);
  REQUIRE(mark.items().size() == 1);
  CHECK(mark.items()[0].loc.line == 5);
  CHECK(mark.items()[0].loc.col == 5);
}

TEST_CASE("<br> breaks a line, in a table cell too, without a warning; other tags still go") {
  Diagnostics d;
  auto r = Render("| 担当 |\n|---|\n| 市長公室課<br>協働推進係 |\n\n一行目<BR />二行目\n", &d);
  CHECK(r.html.find("<td>市長公室課<br />協働推進係</td>") != std::string::npos);
  CHECK(r.html.find("<p>一行目<br />二行目</p>") != std::string::npos);
  CHECK(r.text == "担当 市長公室課協働推進係 一行目二行目");
  CHECK(d.empty());
  auto span = Render("<span>残る文</span>\n", &d);
  CHECK(span.html == "<p>残る文</p>\n");
  REQUIRE(d.items().size() == 1);
  CHECK(d.items()[0].message == "本文の HTML タグは表示されません");
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
  // A cover image's alt text says what the picture shows, not what the plan is.
  auto with_cover = Render("![計画の表紙。砂川市の風景写真](cover.png)\n\n本計画は協働を進めます。\n", &d);
  CHECK(with_cover.summary == "本計画は協働を進めます。");
  auto short_text = Render("子育て支援をしています。\n", &d);
  CHECK(short_text.summary == "子育て支援をしています。");
  CHECK(short_text.text == "子育て支援をしています。");
}

TEST_CASE("footnotes are a Japanese 脚注 section with a heading and back links per reference") {
  Diagnostics d;
  // Labels are numbered in the order they are first cited; a note cited twice gets two back links.
  auto r = Render("## 脚注\n\n指針[^b]と計画[^a]、再び指針[^b]。\n\n[^a]: 計画の注。\n\n[^b]: 指針の注。\n\n[^unused]: 使われない注\n", &d);
  CHECK(r.html ==
        "<h2 id=\"脚注\">\n脚注\n</h2>\n"
        "<p>指針<sup class=\"footnote-ref\"><a href=\"#fn-1\" id=\"fnref-1\"><span class=\"visually-hidden\">注</span>1</a></sup>"
        "と計画<sup class=\"footnote-ref\"><a href=\"#fn-2\" id=\"fnref-2\"><span class=\"visually-hidden\">注</span>2</a></sup>"
        "、再び指針<sup class=\"footnote-ref\"><a href=\"#fn-1\" id=\"fnref-1-2\"><span class=\"visually-hidden\">注</span>1</a></sup>。</p>\n"
        "<section class=\"footnotes\" aria-labelledby=\"footnotes\">\n<h2 id=\"footnotes\">脚注</h2>\n<ol>\n"
        "<li id=\"fn-1\">\n<p>指針の注。 <a href=\"#fnref-1\" class=\"footnote-backref\" aria-label=\"本文の注1（1か所目）へ戻る\">↩</a>"
        " <a href=\"#fnref-1-2\" class=\"footnote-backref\" aria-label=\"本文の注1（2か所目）へ戻る\">↩2</a></p>\n</li>\n"
        "<li id=\"fn-2\">\n<p>計画の注。 <a href=\"#fnref-2\" class=\"footnote-backref\" aria-label=\"本文の注2へ戻る\">↩</a></p>\n</li>\n"
        "</ol>\n</section>\n");
  CHECK(r.html.find("Back to content") == std::string::npos);
  CHECK(r.text == "脚注 指針と計画、再び指針。 指針の注。 計画の注。");
  // A mark in a table cell (a 数値目標 table) is rewritten too: its link reaches the note.
  auto cell = Render("| 指標 | 値 |\n|---|---|\n| 協働事業数[^teigi] | 40件 |\n\n[^teigi]: 協働で行う事業。\n", &d);
  CHECK(cell.html.find("<td>協働事業数<sup class=\"footnote-ref\"><a href=\"#fn-1\" id=\"fnref-1\">") != std::string::npos);
  CHECK(cell.html.find("#fn-teigi") == std::string::npos);
  // A note that ends in a list still gets its back link, in a paragraph of its own.
  auto list = Render("本文[^1]\n\n[^1]:\n    - 項目\n", &d);
  CHECK(list.html.find("<li>項目</li>\n</ul>\n<p> <a href=\"#fnref-1\" class=\"footnote-backref\" aria-label=\"本文の注1へ戻る\">↩</a></p>") !=
        std::string::npos);
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
  // A table in a footnote is shown under 「脚注」 at the end, not under the text's last heading.
  auto note = Render("本文[^1]\n\n[^1]: 注の表\n\n    | 列 | 値 |\n    |---|---|\n    | あ | い |\n\n## 最後の見出し\n", &d);
  CHECK(note.html.find("aria-label=\"脚注\"") != std::string::npos);
  CHECK(note.html.find("aria-label=\"最後の見出し\"") == std::string::npos);
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

TEST_CASE("headings inside a quote are not in the table of contents") {
  // A policy that quotes its 条例 article by article: the quote's 「第1条」 is not a
  // section of the page.
  RenderedMarkdown r = RenderText("## 条例の規定\n\n> ### 第1条（目的）\n>\n> この条例は…\n\n## 今後の取組\n");
  REQUIRE(r.toc.size() == 2);
  CHECK(r.toc[0].text == "条例の規定");
  CHECK(r.toc[1].text == "今後の取組");
  CHECK(r.html.find("<h3 id=\"第1条目的\">") != std::string::npos);
}

TEST_CASE("a table after a quoted 条例 is named by the page's heading, not by the quote's article") {
  RenderedMarkdown r = RenderText("## 会場\n\n> ### 第1条（目的）\n>\n> この条例は…\n\n| 項目 | 内容 |\n|---|---|\n| 日時 | 4月1日 |\n");
  CHECK(r.html.find("<div class=\"table-scroll\" role=\"region\" aria-label=\"会場\" tabindex=\"0\">") != std::string::npos);
}

TEST_CASE("a link whose text is its address is marked, so print does not add the address again") {
  const std::string html = RenderText("資料は https://www.city.example.lg.jp/kyodo/ にあります。\n\n"
                                      "[協働のページ](https://www.city.example.lg.jp/kyodo/)\n\n<https://example.jp/a>\n").html;
  CHECK(html.find("<span class=\"url\"><a href=\"https://www.city.example.lg.jp/kyodo/\">https://www.city.example.lg.jp/kyodo/</a></span>") !=
        std::string::npos);
  CHECK(html.find("<a href=\"https://www.city.example.lg.jp/kyodo/\">協働のページ</a>") != std::string::npos);
  CHECK(html.find("<span class=\"url\"><a href=\"https://example.jp/a\">https://example.jp/a</a></span>") != std::string::npos);
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
        "<p>詳しくは <span class=\"url\"><a href=\"https://www.city.saku.nagano.jp/kyodo/\">https://www.city.saku.nagano.jp/kyodo/</a></span>"
        "をご覧ください。</p>\n");
  CHECK(Render("市のページ（https://www.city.saku.nagano.jp/）へ\n", &d).html ==
        "<p>市のページ（<span class=\"url\"><a href=\"https://www.city.saku.nagano.jp/\">https://www.city.saku.nagano.jp/</a></span>）へ</p>\n");
  CHECK(Render("www.example.jp.から\n", &d).html ==
        "<p><span class=\"url\"><a href=\"http://www.example.jp\">www.example.jp</a></span>.から</p>\n");
  CHECK(Render("kyodo@city.example.jpまで\n", &d).html ==
        "<p><a href=\"mailto:kyodo@city.example.jp\">kyodo@city.example.jp</a>まで</p>\n");
  CHECK(Render("<https://ja.wikipedia.org/wiki/佐久市>と\n", &d).html ==
        "<p><span class=\"url\"><a href=\"https://ja.wikipedia.org/wiki/%E4%BD%90%E4%B9%85%E5%B8%82\">https://ja.wikipedia.org/wiki/佐久市</a></span>と</p>\n");
  CHECK(Render("[https://example.jp/あ](https://example.jp/あ)\n", &d).html ==
        "<p><span class=\"url\"><a href=\"https://example.jp/%E3%81%82\">https://example.jp/あ</a></span></p>\n");
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

TEST_CASE("hard_breaks: each line break in a paragraph is a <br> (a groups.csv 本文 cell typed with Alt+Enter)") {
  const std::string cell = "## 活動\n活動日時：毎月第2土曜日 10時〜12時\n場所：テスト公民館\n\n- 一つ目\n- 二つ目\n";
  MarkdownEngine engine;
  MarkdownOptions options;
  options.hard_breaks = true;
  Diagnostics d;
  auto r = engine.Render(cell, "groups.csv", 2, options, nullptr, &d);
  CHECK(r.html ==
        "<h2 id=\"活動\">\n活動\n</h2>\n<p>活動日時：毎月第2土曜日 10時〜12時<br />\n場所：テスト公民館</p>\n"
        "<ul>\n<li>一つ目</li>\n<li>二つ目</li>\n</ul>\n");
  CHECK(r.text == "活動 活動日時：毎月第2土曜日 10時〜12時 場所：テスト公民館 一つ目 二つ目");
  // A Markdown file keeps its wrapped Japanese sentence as one line.
  CHECK(Render("活動日時：毎月第2土曜日 10時〜12時\n場所：テスト公民館\n", &d).html ==
        "<p>活動日時：毎月第2土曜日 10時〜12時場所：テスト公民館</p>\n");
}

}  // namespace kyodo
