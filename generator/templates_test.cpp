#include "templates.h"

#include <doctest/doctest.h>

#include <regex>

namespace kyodo {
namespace {

Templates Load(MemoryDisk* disk) {
  Templates t;
  Diagnostics diags;
  REQUIRE(t.Load(*disk, "templates", "", &diags));
  return t;
}

TEST_CASE("Templates escape {{values}} exactly as mustache's html_escape, and leave {{{values}}} alone") {
  MemoryDisk disk;
  disk.Add("templates/page.mustache", "<p title=\"{{v}}\">{{v}}</p>{{{v}}}{{> part}}");
  disk.Add("templates/partials/part.mustache", "[{{v}}]");
  Templates t = Load(&disk);
  for (const std::string v : {"", "協働", "a&b<c>d\"e'f", "&&", "'", "末尾&", "<script>alert('x')</script>"}) {
    CAPTURE(v);
    mustache::data data;
    data.set("v", v);
    const std::string e = mustache::html_escape<std::string>(v);
    CHECK(t.Render("page", data) == "<p title=\"" + e + "\">" + e + "</p>" + v + "[" + e + "]");
  }
}


// What loading templates/ (and the theme's folder, if given) reports, and whether it loaded.
Diagnostics LoadReport(const MemoryDisk& disk, bool expect_ok, const std::string& theme_templates = "") {
  Templates t;
  Diagnostics diags;
  CHECK(t.Load(disk, "templates", theme_templates, &diags) == expect_ok);
  return diags;
}

// The one diagnostic a failed load reports.
Diagnostic LoadError(const std::string& page) {
  MemoryDisk disk;
  disk.Add("templates/page.mustache", page);
  Diagnostics diags = LoadReport(disk, false);
  REQUIRE(diags.items().size() == 1);
  return diags.items()[0];
}

TEST_CASE("A template syntax error is explained in Japanese at the tag, with the fix") {
  Diagnostic unclosed = LoadError("<p>\n{{#summary}}\n{{summary}}\n");
  CHECK(unclosed.loc.file == "templates/page.mustache");
  CHECK(unclosed.loc.line == 2);
  CHECK(unclosed.loc.col == 1);
  CHECK(unclosed.message == "テンプレートの誤り: {{#summary}}（または {{^summary}}）で始めた部分が閉じていません");
  CHECK(unclosed.hint == "閉じたいところに {{/summary}} を書いてください");

  Diagnostic unopened = LoadError("<p>{{summary}}</p>{{/summary}}");
  CHECK(unopened.loc.line == 1);
  CHECK(unopened.loc.col == 19);
  CHECK(unopened.message == "テンプレートの誤り: {{/summary}} に対応する {{#summary}} か {{^summary}} がありません");
  CHECK(unopened.hint == "名前の綴りを確かめるか、この {{/summary}} を消してください");

  Diagnostic tag = LoadError("<div>\n  {{{body}}\n</div>");
  CHECK(tag.loc.line == 2);
  CHECK(tag.loc.col == 3);
  CHECK(tag.message == "テンプレートの誤り: タグが閉じていません");
  CHECK(tag.hint == "{{名前}} は }} で、{{{名前}}} は }}} で閉じます");

  Diagnostic delimiter = LoadError("{{=<%=}}");
  CHECK(delimiter.message == "テンプレートの誤り: 区切り文字を変えるタグ {{=…=}} の書き方が違います");
  CHECK_FALSE(delimiter.hint.empty());
}

TEST_CASE("A missing partial is reported at its tag with the nearest partial's name") {
  MemoryDisk disk;
  disk.Add("templates/page.mustache", "<main>\n{{> tocc}}{{> sidebar}}\n</main>");
  disk.Add("templates/partials/toc.mustache", "<nav></nav>");
  Diagnostics diags = LoadReport(disk, false);
  REQUIRE(diags.items().size() == 2);
  CHECK(diags.items()[0].loc.line == 2);
  CHECK(diags.items()[0].loc.col == 1);
  CHECK(diags.items()[0].message == "部分テンプレート「tocc」がありません");
  CHECK(diags.items()[0].hint == "「toc」ではありませんか。新しく使うなら partials/tocc.mustache を作ってください");
  CHECK(diags.items()[1].loc.col == 11);
  CHECK(diags.items()[1].hint == "partials/sidebar.mustache を作ってください");
}

TEST_CASE("{{{name}}} and {{&name}} on text that is not kyodo's HTML are warned at the tag") {
  MemoryDisk disk;
  disk.Add("templates/page.mustache", "<div>{{{ body }}}</div>\n<p>{{{summary}}}</p><p>{{& title}}</p><p>{{summary}}</p>");
  Templates t;
  Diagnostics diags;
  REQUIRE(t.Load(disk, "templates", "", &diags));
  t.WarnUnescaped([](const std::string& name) { return name == "body"; }, &diags);
  REQUIRE(diags.items().size() == 2);
  CHECK(diags.ErrorCount() == 0);
  CHECK(diags.items()[0].loc.line == 2);
  CHECK(diags.items()[0].loc.col == 4);
  CHECK(diags.items()[0].message == "{{{summary}}} は「summary」の文字をエスケープせずに HTML として書き出します");
  CHECK(diags.items()[0].hint ==
        "本文の HTML（body・intro）のほかは {{summary}} と括弧2つで書いてください。"
        "「<」や「&」を含む文字で表示が崩れたり、貼り付けたスクリプトが動いたりします");
  CHECK(diags.items()[1].loc.col == 24);
  CHECK(diags.items()[1].message == "{{&title}} は「title」の文字をエスケープせずに HTML として書き出します");
}

TEST_CASE("A name in a theme's template that kyodo never gives is warned at the tag, with the nearest name") {
  MemoryDisk disk;
  disk.Add("templates/case.mustache", "<h1>{{title}}</h1>{{> card}}{{#cases}}{{date_iso}}{{/cases}}");
  disk.Add("templates/partials/card.mustache", "<p>{{card_city}}</p>");
  // The theme replaces card.mustache; what kyodo's own card names stays known.
  disk.Add("themes/t/templates/partials/card.mustache",
           "<p>{{card_city}}</p>{{! 注: titel }}\n<link href=\"{{theme_assets_href}}x.svg\">\n<h2>{{ titel }}</h2>"
           "{{#cses}}{{date_iso}}{{/cses}}{{page.title}}{{.}}");
  Templates t;
  Diagnostics diags;
  REQUIRE(t.Load(disk, "templates", "themes/t/templates", &diags));
  t.WarnUnknownNames({"theme_assets_href"}, &diags);
  REQUIRE(diags.items().size() == 3);
  CHECK(diags.items()[0].loc.file == "themes/t/templates/partials/card.mustache");
  CHECK(diags.items()[0].loc.line == 3);
  CHECK(diags.items()[0].loc.col == 5);
  CHECK(diags.items()[0].message == "「titel」という値は kyodo から渡されません（空のまま表示されます）");
  CHECK(diags.items()[0].hint == "「title」ではありませんか。使える名前は docs/theming.md にあります");
  CHECK(diags.items()[1].message == "「cses」という値は kyodo から渡されません（空のまま表示されます）");  // once, at its open
  CHECK(diags.items()[1].hint == "「cases」ではありませんか。使える名前は docs/theming.md にあります");
  CHECK(diags.items()[2].message == "「page」という値は kyodo から渡されません（空のまま表示されます）");
  // kyodo's own templates are not checked against themselves.
  Templates plain;
  Diagnostics none;
  REQUIRE(plain.Load(disk, "templates", "", &none));
  plain.WarnUnknownNames({}, &none);
  CHECK(none.empty());
}

TEST_CASE("A theme page template whose name no page kind has is warned, with the nearest kind") {
  MemoryDisk disk;
  disk.Add("templates/case.mustache", "<p>{{title}}</p>");
  disk.Add("templates/partials/card.mustache", "<li></li>");
  disk.Add("themes/t/templates/caes.mustache", "<p>{{title}}!</p>");
  disk.Add("themes/t/templates/case.mustache", "<p>{{title}}?</p>");
  disk.Add("themes/t/templates/partials/extra.mustache", "<aside></aside>");  // new, and included below
  disk.Add("themes/t/templates/article.mustache", "{{> extra}}");
  disk.Add("templates/article.mustache", "");
  Diagnostics diags = LoadReport(disk, true, "themes/t/templates");
  REQUIRE(diags.items().size() == 1);
  const Diagnostic& w = diags.items()[0];
  CHECK(diags.ErrorCount() == 0);
  CHECK(w.loc.file == "themes/t/templates/caes.mustache");
  CHECK(w.loc.line == 1);
  CHECK(w.message == "テンプレート「caes.mustache」を使うページはありません");
  CHECK(w.hint ==
        "「case.mustache」の書き間違いではありませんか。ページのテンプレートは templates/ にあるファイルと同じ名前の"
        "ときだけ置き換わります。部品なら partials/ に置いてください");
}

TEST_CASE("A theme partial that no template includes is warned, with the nearest partial of templates/") {
  MemoryDisk disk;
  disk.Add("templates/case.mustache", "{{> contact_block}}");
  disk.Add("templates/partials/contact_block.mustache", "<section></section>");
  disk.Add("templates/partials/unused_base.mustache", "");  // templates/ is not the theme author's to tidy
  disk.Add("themes/t/templates/partials/contact_blok.mustache", "<section>!</section>");
  Diagnostics diags = LoadReport(disk, true, "themes/t/templates");
  REQUIRE(diags.items().size() == 1);
  const Diagnostic& w = diags.items()[0];
  CHECK(w.loc.file == "themes/t/templates/partials/contact_blok.mustache");
  CHECK(w.loc.line == 1);
  CHECK(w.message == "部分テンプレート「contact_blok」を読み込むテンプレートはありません");
  CHECK(w.hint == "「partials/contact_block.mustache」の書き間違いではありませんか。使うなら、テンプレートに {{> contact_blok}} と書いてください");
}

#ifdef KYODO_SOURCE_DIR
// The names used outside any section in a template, its own partials inlined (the
// layout partials are the shared page frame, checked on their own).
void TopLevelNames(const RealDisk& disk, const std::string& path, std::set<std::string>* names) {
  std::string text, err;
  REQUIRE(disk.ReadFile(path, &text, &err));
  static const std::regex kTag(R"(\{\{(\{?)([#^/&>]?)\s*([^}]*?)\s*\}?\}\})");
  int depth = 0;
  for (auto it = std::sregex_iterator(text.begin(), text.end(), kTag); it != std::sregex_iterator(); ++it) {
    std::string kind = (*it)[2], name = (*it)[3];
    if (kind == ">") {
      if (depth == 0 && !name.starts_with("layout_")) {
        TopLevelNames(disk, std::string(KYODO_SOURCE_DIR) + "/templates/partials/" + name + ".mustache", names);
      }
      continue;
    }
    if (kind == "/") {
      --depth;
      continue;
    }
    if (depth == 0 && name != ".") names->insert(name);
    if (kind == "#" || kind == "^") ++depth;
  }
}

TEST_CASE("docs/theming.md names every variable the shipped templates use outside a section") {
  RealDisk disk;
  const std::string src = KYODO_SOURCE_DIR;
  std::string doc, err;
  REQUIRE(disk.ReadFile(src + "/docs/theming.md", &doc, &err));
  std::set<std::string> names;
  for (const std::string& name : disk.ListDir(src + "/templates")) {
    if (name.ends_with(".mustache")) TopLevelNames(disk, src + "/templates/" + name, &names);
  }
  TopLevelNames(disk, src + "/templates/partials/layout_top.mustache", &names);
  TopLevelNames(disk, src + "/templates/partials/layout_bottom.mustache", &names);
  CHECK(names.count("page_title") == 1);  // the scan itself works
  for (const std::string& name : names) {
    CAPTURE(name);
    CHECK(doc.find("`" + name + "`") != std::string::npos);
  }
}
#endif

}  // namespace
}  // namespace kyodo
