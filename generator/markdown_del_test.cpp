#include "markdown_del.h"

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

}  // namespace kyodo
