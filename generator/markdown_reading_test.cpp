#include "markdown_reading.h"

#include <doctest/doctest.h>

#include "markdown.h"

namespace kyodo {

TEST_CASE("struck-out text says where it starts and ends to screen readers, and only to them") {
  MarkdownEngine engine;
  Diagnostics d;
  auto r = engine.Render("説明会は ~~4月1日~~ 4月8日 に開きます。\n", "a.md", 1, MarkdownOptions{}, nullptr, &d);
  CHECK(r.html ==
        "<p>説明会は <del><span class=\"visually-hidden\">取り消し線ここから、</span>4月1日"
        "<span class=\"visually-hidden\">、取り消し線ここまで</span></del> 4月8日 に開きます。</p>\n");
  CHECK(r.text == "説明会は 4月1日 4月8日 に開きます。");  // search text and summary unchanged
  CHECK(r.summary == "説明会は 4月1日 4月8日 に開きます。");
  CHECK(d.empty());
}

TEST_CASE("one tilde is a range (9:00~17:00), not a line through the text between two of them") {
  MarkdownEngine engine;
  Diagnostics d;
  auto r = engine.Render("受付時間は 9:00~17:00、土曜日~日曜日は休みです。\n", "a.md", 1, MarkdownOptions{}, nullptr, &d);
  CHECK(r.html == "<p>受付時間は 9:00~17:00、土曜日~日曜日は休みです。</p>\n");
}


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
