#include "compiled_template.h"

#include <doctest/doctest.h>

#include "text.h"

namespace kyodo {
namespace {

namespace mustache = kainjow::mustache;

std::string Escape(const std::string& s) { return HtmlEscape(s, "&apos;"); }
void AppendEscaped(std::string_view s, std::string* out) { AppendHtmlEscaped(s, "&apos;", out); }

std::string Kainjow(const std::string& tmpl, const mustache::data& data) {
  mustache::mustache m(tmpl);
  m.set_custom_escape(Escape);
  return m.render(data);
}

std::string Compiled(const std::string& tmpl, const mustache::data& data) {
  auto compiled = CompiledTemplate::Compile(tmpl);
  REQUIRE(compiled);
  std::string out = "kept:";  // Render appends
  compiled->Render(data, AppendEscaped, &out);
  REQUIRE(out.starts_with("kept:"));
  return out.substr(5);
}

// Renders with both and returns the compiled result, which must be kainjow's.
std::string Both(const std::string& tmpl, const mustache::data& data) {
  const std::string ours = Compiled(tmpl, data);
  CHECK_MESSAGE(ours == Kainjow(tmpl, data), tmpl);
  return ours;
}

mustache::data Item(const std::string& name) {
  mustache::data d;
  d.set("name", name);
  return d;
}

TEST_CASE("CompiledTemplate: variables are escaped as kainjow escapes them, {{{ }}} and & are not") {
  mustache::data d;
  d.set("v", "<a href=\"x\">A & B's</a>");
  CHECK(Both("[{{v}}] [{{{v}}}] [{{& v}}] [{{missing}}]", d) ==
        "[&lt;a href=&quot;x&quot;&gt;A &amp; B&apos;s&lt;/a&gt;] [<a href=\"x\">A & B's</a>] "
        "[<a href=\"x\">A & B's</a>] []");
  d.set("flag", true);
  CHECK(Both("[{{flag}}]", d) == "[]");  // only strings print
}

TEST_CASE("CompiledTemplate: a line holding only section tags is left out with its line break") {
  const std::string tmpl = "<ul>\n{{#items}}\n  <li>{{name}}</li>\n{{/items}}\n</ul>\n";
  mustache::data d;
  mustache::data items = mustache::data::type::list;
  items.push_back(Item("一"));
  items.push_back(Item("二"));
  d.set("items", items);
  CHECK(Both(tmpl, d) == "<ul>\n  <li>一</li>\n  <li>二</li>\n</ul>\n");
  d.set("items", mustache::data::type::list);
  CHECK(Both(tmpl, d) == "<ul>\n\n</ul>\n");  // kainjow keeps the lines of a section it skips
  d.set("items", false);
  Both(tmpl, d);
  Both("  {{#items}}  \r\n{{name}}\r{{/items}}\r\n\t{{^items}}none{{/items}}\t\n", d);
  Both("{{! a comment }}\n{{#items}}{{/items}}", d);
}

TEST_CASE("CompiledTemplate: sections and inverted sections over false, missing, lists and objects") {
  mustache::data d;
  d.set("yes", true);
  d.set("no", false);
  d.set("empty", mustache::data::type::list);
  d.set("word", "語");
  mustache::data inner;
  inner.set("name", "内");
  d.set("obj", inner);
  d.set("name", "外");
  const std::string tmpl =
      "{{#yes}}Y{{/yes}}{{#no}}N{{/no}}{{^no}}!N{{/no}}{{^missing}}!M{{/missing}}{{#empty}}E{{/empty}}"
      "{{^empty}}!E{{/empty}}{{#word}}[{{.}}]{{/word}}{{#obj}}({{name}}){{/obj}}({{name}}){{obj.name}}{{obj.none}}"
      "{{#yes}}{{#obj}}{{word}}{{/obj}}{{/yes}}";
  CHECK(Both(tmpl, d) == "Y!N!M!E[語](内)(外)内語");
  mustache::data words = mustache::data::type::list;
  words.push_back(mustache::data("a"));
  words.push_back(mustache::data("b"));
  d.set("words", words);
  CHECK(Both("{{#words}}<{{.}}>{{/words}}", d) == "<a><b>");
}

TEST_CASE("CompiledTemplate: set delimiters and values holding line breaks") {
  mustache::data d;
  d.set("v", "x\ny");
  d.set("on", true);
  CHECK(Both("{{=<% %>=}}<%v%>{{v}}<%#on%>\n<%/on%>\n", d) == "x\ny{{v}}\n");
  Both("{{#on}}\n{{{v}}}\n{{/on}}\n", d);
}

TEST_CASE("CompiledTemplate: what kainjow rejects does not compile") {
  for (const char* bad : {"{{#a}}", "{{/a}}", "{{#a}}{{/b}}", "{{a", "{{=<% %>", "{{= x =}}"}) {
    CHECK_MESSAGE(!CompiledTemplate::Compile(bad), bad);
  }
  std::string error;
  CHECK(!CompiledTemplate::Compile("{{#a}}x", &error));
  CHECK(error == "Unclosed section \"a\" at 0");
  CHECK(!CompiledTemplate::Compile("{{=<% %>=}}<%> card%>", &error));  // templates.cpp inlines only {{> }}
  CHECK(error == CompiledTemplate::kPartialLeft);
}

}  // namespace
}  // namespace kyodo
