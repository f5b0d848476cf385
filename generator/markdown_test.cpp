#include "markdown.h"

#include <doctest/doctest.h>

namespace kyodo {
namespace {

RenderedMarkdown RenderText(const std::string& md) {
  MarkdownEngine engine;
  Diagnostics diags;
  return engine.Render(md, "x.md", 1, MarkdownOptions{}, nullptr, &diags);
}

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
  CHECK(RenderText("一行目\n二行目\n").text == "一行目 二行目");
}

}  // namespace
}  // namespace kyodo
