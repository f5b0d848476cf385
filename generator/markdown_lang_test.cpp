#include "markdown_lang.h"

#include <doctest/doctest.h>

#include "markdown.h"

namespace kyodo {

namespace {
RenderedMarkdown RenderSafe(const std::string& md, Diagnostics* d) {
  MarkdownEngine engine;
  return engine.Render(md, "a.md", 5, MarkdownOptions{}, nullptr, d);
}
}  // namespace

TEST_CASE("ReadLangTag reads <span lang> and </span> alone") {
  CHECK(ReadLangTag("<span lang=\"en\">").kind == LangTag::kOpen);
  CHECK(ReadLangTag("<span lang=\"en\">").lang == "en");
  CHECK(ReadLangTag("<SPAN  LANG = 'zh-Hant' >").lang == "zh-Hant");
  CHECK(ReadLangTag("<span lang=\"ja-Latn\">").kind == LangTag::kOpen);
  CHECK(ReadLangTag("<span lang=\"英語\">").kind == LangTag::kBadOpen);
  CHECK(ReadLangTag("<span lang=\"english\">").kind == LangTag::kBadOpen);
  CHECK(ReadLangTag("<span lang=\"en\" onclick=\"x()\">").kind == LangTag::kNone);
  CHECK(ReadLangTag("<span style=\"color:red\">").kind == LangTag::kNone);
  CHECK(ReadLangTag("<spanx lang=\"en\">").kind == LangTag::kNone);
  CHECK(ReadLangTag("</span>").kind == LangTag::kClose);
  CHECK(ReadLangTag("</span >").kind == LangTag::kClose);
  CHECK(ReadLangTag("</spans>").kind == LangTag::kNone);
}

TEST_CASE("an English passage keeps its lang without unsafe_html (WCAG 3.1.2)") {
  Diagnostics d;
  auto r = RenderSafe("毎年 <span lang=\"en\">Saku International Balloon Festival</span> を開きます。\n", &d);
  CHECK(r.html == "<p>毎年 <span lang=\"en\">Saku International Balloon Festival</span> を開きます。</p>\n");
  CHECK(r.text == "毎年 Saku International Balloon Festival を開きます。");
  CHECK(d.empty());
  // Inside emphasis and a link, nested, and written in capitals: written back in one form.
  auto nested = RenderSafe("**<SPAN LANG='fr'>Bonjour <span lang=\"en\">hello</span></SPAN>**\n", &d);
  CHECK(nested.html == "<p><strong><span lang=\"fr\">Bonjour <span lang=\"en\">hello</span></span></strong></p>\n");
  CHECK(d.empty());
}

TEST_CASE("a lang span that is not closed in its paragraph, or not a language code, is dropped with a warning") {
  Diagnostics d;
  auto open = RenderSafe("前文\n\n<span lang=\"en\">Hello\n\nWorld</span> 後\n", &d);
  CHECK(open.html == "<p>前文</p>\n<p>Hello</p>\n<p>World 後</p>\n");
  REQUIRE(d.items().size() == 1);
  CHECK(d.items()[0].message == "<span lang=…> の終わりの </span> が同じ段落の中にないため、言語の指定を外しました");
  CHECK(d.items()[0].loc.line == 7);
  CHECK(d.items()[0].loc.col == 1);
  Diagnostics bad;
  auto english = RenderSafe("案内は <span lang=\"英語\">Welcome</span> です。\n", &bad);
  CHECK(english.html == "<p>案内は Welcome です。</p>\n");
  REQUIRE(bad.items().size() == 1);
  CHECK(bad.items()[0].message == "lang=\"英語\" は言語コードではないため、言語の指定を外しました");
  CHECK(bad.items()[0].loc.line == 5);
  CHECK(bad.items()[0].loc.col == 5);
  // Other tags still go, with the one warning about HTML; their </span> goes silently.
  Diagnostics other;
  auto styled = RenderSafe("<span style=\"color:red\">赤</span>\n", &other);
  CHECK(styled.html == "<p>赤</p>\n");
  REQUIRE(other.items().size() == 1);
  CHECK(other.items()[0].message == "本文の HTML タグは表示されません");
}

}  // namespace kyodo
