#include "markdown_tasklist.h"

#include <doctest/doctest.h>

#include "markdown.h"

namespace kyodo {

TEST_CASE("a checklist's boxes are labelled by their items' words") {
  MarkdownEngine engine;
  Diagnostics d;
  auto r = engine.Render("- [x] 団体登録申請書\n- [ ] 団体の**規約**\n", "a.md", 1, MarkdownOptions{}, nullptr, &d);
  CHECK(r.html ==
        "<ul>\n"
        "<li><label class=\"task\"><input type=\"checkbox\" disabled=\"\" checked=\"\" /> 団体登録申請書</label></li>\n"
        "<li><label class=\"task\"><input type=\"checkbox\" disabled=\"\" /> 団体の<strong>規約</strong></label></li>\n"
        "</ul>\n");
  CHECK(r.text == "団体登録申請書 団体の規約");
  CHECK(d.empty());
  // A loose list keeps its paragraphs, the label inside each.
  auto loose = engine.Render("- [ ] 印鑑\n\n- [x] 身分証明書\n", "a.md", 1, MarkdownOptions{}, nullptr, &d);
  CHECK(loose.html.find("<p><label class=\"task\"><input type=\"checkbox\" disabled=\"\" /> 印鑑</label></p>") !=
        std::string::npos);
}

}  // namespace kyodo
