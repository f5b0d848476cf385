#include "ruby.h"

#include <doctest/doctest.h>

#include "markdown.h"

namespace kyodo {

namespace {

RenderedMarkdown Render(const std::string& md, Diagnostics* d, bool unsafe = false) {
  MarkdownEngine engine;
  MarkdownOptions options;
  options.unsafe_html = unsafe;
  options.lint = true;  // the body's readings are ruby: no 「そのまま表示されます」
  return engine.Render(md, "a.md", 1, options, nullptr, d);
}

constexpr const char* kAzumino = "<ruby>安曇野<rp>（</rp><rt>あづみの</rt><rp>）</rp></ruby>";

}  // namespace

TEST_CASE("a reading after kanji is ruby on those kanji; the page's text is the kanji alone") {
  Diagnostics d;
  auto r = Render("市内の安曇野《あづみの》地域で行います。\n", &d);
  CHECK(r.html == std::string("<p>市内の") + kAzumino + "地域で行います。</p>\n");
  CHECK(r.text == "市内の安曇野地域で行います。");
  CHECK(r.summary == "市内の安曇野地域で行います。");
  CHECK(d.empty());
}

TEST_CASE("｜ marks where a base that is not all kanji starts; several readings in one line") {
  Diagnostics d;
  auto r = Render("｜NPO法人《エヌピーオーほうじん》と安曇野《あづみの》、砂川《すながわ》\n", &d);
  CHECK(r.html ==
        "<p><ruby>NPO法人<rp>（</rp><rt>エヌピーオーほうじん</rt><rp>）</rp></ruby>と" + std::string(kAzumino) +
            "、<ruby>砂川<rp>（</rp><rt>すながわ</rt><rp>）</rp></ruby></p>\n");
}

TEST_CASE("without ｜ the reading takes every kanji before it; ｜ takes only what follows it") {
  Diagnostics d;
  CHECK(Render("佐久市中込《さくしなかごみ》\n", &d).html ==
        "<p><ruby>佐久市中込<rp>（</rp><rt>さくしなかごみ</rt><rp>）</rp></ruby></p>\n");
  CHECK(Render("佐久市｜中込《なかごみ》\n", &d).html ==
        "<p>佐久市<ruby>中込<rp>（</rp><rt>なかごみ</rt><rp>）</rp></ruby></p>\n");
  CHECK(Render("佐々木《ささき》さん\n", &d).html == "<p><ruby>佐々木<rp>（</rp><rt>ささき</rt><rp>）</rp></ruby>さん</p>\n");
}

TEST_CASE("readings stay where raw HTML is removed, in headings, links and table cells") {
  Diagnostics d;
  auto r = Render("## 安曇野《あづみの》の協働\n\n[安曇野《あづみの》](https://example.jp/)\n\n| 地域 |\n|---|\n| 安曇野《あづみの》 |\n", &d);
  CHECK(r.html.find(std::string("<h2 id=\"安曇野の協働\">\n") + kAzumino + "の協働\n</h2>") != std::string::npos);
  CHECK(r.html.find(std::string("<a href=\"https://example.jp/\">") + kAzumino + "</a>") != std::string::npos);
  CHECK(r.html.find(std::string("<td>") + kAzumino + "</td>") != std::string::npos);
  REQUIRE(r.toc.size() == 1);
  CHECK(r.toc[0].text == "安曇野の協働");
  CHECK(d.empty());  // no 「本文の HTML タグは表示されません」 for markup kyodo wrote
}

TEST_CASE("《》 that are no reading are left as written") {
  Diagnostics d;
  CHECK(Render("《重要》と書きます。\n", &d).html == "<p>《重要》と書きます。</p>\n");  // nothing to attach to
  CHECK(Render("安曇野《》と《\n", &d).html == "<p>安曇野《》と《</p>\n");            // empty, unclosed
  CHECK(Render("`安曇野《あづみの》`\n", &d).html == "<p><code>安曇野《あづみの》</code></p>\n");
  // A reading with markup in it is text, escaped.
  CHECK(Render("安曇野《<b>あ</b>》\n", &d, true).html.find("<rt>") == std::string::npos);
  CHECK(Render("安曇野《a&b》\n", &d).html == "<p><ruby>安曇野<rp>（</rp><rt>a&amp;b</rt><rp>）</rp></ruby></p>\n");
}

}  // namespace kyodo
