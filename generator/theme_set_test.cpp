// Whole builds on a MemoryDisk with the real templates and themes: what a city
// gets from its theme and tokens, and what the accessibility pages publish.
#include "theme_set.h"

#include <doctest/doctest.h>

#include "fixture_util.h"

#include "site.h"

namespace kyodo {
namespace {

#ifdef KYODO_SOURCE_DIR

void CopyTree(const RealDisk& real, const std::string& from, const std::string& to, MemoryDisk* disk) {
  for (const std::string& name : real.ListDir(from)) {
    std::string path = from + "/" + name;
    if (real.Stat(path) == FileKind::kDir) {
      CopyTree(real, path, to + "/" + name, disk);
    } else {
      std::string bytes, err;
      REQUIRE(real.ReadFile(path, &bytes, &err));
      disk->Add(to + "/" + name, bytes);
    }
  }
}

// One city "x" with the given site.yaml lines after the required keys.
void Site(MemoryDisk* disk, const std::string& site_yaml_extra) {
  RealDisk real;
  std::string src = KYODO_SOURCE_DIR;
  CopyTree(real, src + "/templates", "templates", disk);
  CopyTree(real, src + "/themes", "themes", disk);
  std::string taxonomies, err;
  REQUIRE(real.ReadFile(src + "/content/_taxonomies.yaml", &taxonomies, &err));
  disk->Add("content/_taxonomies.yaml", taxonomies);
  disk->Add("content/_portal.yaml", "title: ポータル\ncities: [x]\n");
  disk->Add("content/x/site.yaml",
            "name: 試験市\nkana: しけんし\nprefecture: 長野県\ncode: \"202061\"\ncontact: ka\n" + site_yaml_extra);
  disk->Add("content/x/orgs.yaml", "ka:\n  name: 協働課\n");
}

bool Build(MemoryDisk* disk, Diagnostics* diags, const std::string& report = "") {
  BuildOptions options;
  options.build_date = Date{2026, 4, 1, DatePrecision::kDay};
  options.a11y_report = report;
  BuildResult result;
  return BuildSite(*disk, options, &result, diags);
}

// The one error of a build that must fail (the only diagnostic: no warnings either).
Diagnostic OnlyError(MemoryDisk* disk) {
  Diagnostics d;
  CHECK_FALSE(Build(disk, &d));
  REQUIRE(d.items().size() == 1);
  CHECK(d.ErrorCount() == 1);
  return d.items()[0];
}

std::string Find(const MemoryDisk& disk, const std::string& dir, const std::string& prefix) {
  for (const std::string& f : disk.FilesUnder(dir)) {
    if (f.rfind(dir + "/" + prefix, 0) == 0) return f;
  }
  return "";
}

TEST_CASE("A city's #999999 primary on the white default theme fails the build at its site.yaml line") {
  MemoryDisk disk;
  Site(&disk, "theme: default\ntokens:\n  color_primary: \"#999999\"\n");
  Diagnostics d;
  CHECK_FALSE(Build(&disk, &d));
  REQUIRE(d.ErrorCount() == 1);
  const Diagnostic& e = d.items()[0];
  CHECK(e.loc.file == "content/x/site.yaml");
  CHECK(e.loc.line == 8);
  CHECK(e.loc.col == 18);
  CHECK(e.message.rfind("コントラスト比が足りません: リンクの文字（color_link（= color_primary） #999999 と "
                        "color_background #ffffff）は 2.84:1 です（4.5:1 以上が必要）。ほかに ",
                        0) == 0);
  CHECK(disk.FilesUnder("site").empty());  // nothing published
}

TEST_CASE("A theme whose own colours fail is refused at its theme.yaml line") {
  MemoryDisk disk;
  Site(&disk, "theme: pale\n");
  disk.Add("themes/pale/theme.yaml",
           "tokens:\n  color_text: \"#aaaaaa\"\n  color_background: \"#ffffff\"\n"
           "contrast:\n  - {fg: color_text, bg: color_background, use: text, label: 本文の文字}\n");
  Diagnostics d;
  CHECK_FALSE(Build(&disk, &d));
  REQUIRE(d.ErrorCount() == 1);
  CHECK(d.items()[0].loc.file == "themes/pale/theme.yaml");
  CHECK(d.items()[0].loc.line == 2);
}

TEST_CASE("The machi theme bundles the default stylesheet with its own and links the city's tokens after it") {
  MemoryDisk disk;
  Site(&disk, "theme: machi\ntokens:\n  color_primary: \"#1e6b3a\"\n  font_size_base: \"18px\"\n");
  Diagnostics d;
  REQUIRE(Build(&disk, &d));
  std::string page = ReadText(disk, "site/x/index.html");
  CHECK(page.find("<html lang=\"ja\" data-theme=\"machi\">") != std::string::npos);
  std::string bundle = Find(disk, "site/assets/machi", "style.");
  std::string tokens = Find(disk, "site/assets/machi", "tokens.");
  REQUIRE(!bundle.empty());
  REQUIRE(!tokens.empty());
  std::string css = ReadText(disk, bundle);
  CHECK(css.find("kyodo default theme") != std::string::npos);        // style.css from default
  CHECK(css.find("kyodo \"machi\" theme") != std::string::npos);      // then machi's own style.css
  CHECK(css.find("kyodo default theme") < css.find("kyodo \"machi\" theme"));
  std::string vars = ReadText(disk, tokens);
  CHECK(vars.find("  --color-primary: #1e6b3a;\n") != std::string::npos);
  CHECK(vars.find("  --color-header-background: #1e6b3a;\n") != std::string::npos);  // $color_primary
  CHECK(vars.find("  --font-size-base: 112.5%;\n") != std::string::npos);
  size_t css_link = page.find("assets/machi/style.");
  size_t token_link = page.find("assets/machi/tokens.");
  CHECK(css_link < token_link);
  CHECK(token_link != std::string::npos);
  // machi's own case card template is used by its cities only.
  // The machi city's tokens live with machi; under default there is only the portal's.
  int default_tokens = 0;
  for (const std::string& f : disk.FilesUnder("site/assets/default")) default_tokens += f.find("/tokens.") != std::string::npos;
  CHECK(default_tokens == 1);
}

TEST_CASE("A theme's images in a subfolder of assets/ are published under the same path") {
  MemoryDisk disk;
  Site(&disk, "theme: sakura\n");
  disk.Add("themes/sakura/assets/img/mark.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>");
  disk.Add("themes/sakura/assets/img/.DS_Store", "x");
  disk.Add("themes/sakura/assets/favicon.ico", "ico");
  Diagnostics d;
  REQUIRE(Build(&disk, &d));
  CHECK(d.ErrorCount() == 0);
  CHECK(ReadText(disk, "site/assets/sakura/img/mark.svg") == "<svg xmlns=\"http://www.w3.org/2000/svg\"/>");
  CHECK(ReadText(disk, "site/assets/sakura/favicon.ico") == "ico");
  CHECK(disk.Stat("site/assets/sakura/img/.DS_Store") == FileKind::kMissing);
}

TEST_CASE("A theme's template links its own files through theme_assets_href from pages at any depth") {
  MemoryDisk disk;
  Site(&disk, "theme: sakura\n");
  disk.Add("themes/sakura/assets/favicon.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>");
  std::string top = ReadText(disk, "templates/partials/layout_top.mustache");
  size_t head_end = top.find("</head>");
  REQUIRE(head_end != std::string::npos);
  top.insert(head_end, "<link rel=\"icon\" href=\"{{theme_assets_href}}favicon.svg\">\n");
  disk.Add("themes/sakura/templates/partials/layout_top.mustache", top);
  Diagnostics d;
  REQUIRE(Build(&disk, &d));
  CHECK(ReadText(disk, "site/x/index.html").find("<link rel=\"icon\" href=\"../assets/sakura/favicon.svg\">") !=
        std::string::npos);
  CHECK(ReadText(disk, "site/x/cases/index.html").find("href=\"../../assets/sakura/favicon.svg\"") != std::string::npos);
  CHECK(disk.Stat("site/assets/sakura/favicon.svg") == FileKind::kFile);
}

TEST_CASE("A stylesheet theme.yaml lists but that is not there is reported at its entry with the nearest file") {
  MemoryDisk disk;
  Site(&disk, "theme: sakura\n");
  std::string yaml = ReadText(disk, "themes/default/theme.yaml");
  size_t at = yaml.find("stylesheets: [style.css]");
  REQUIRE(at != std::string::npos);
  yaml.replace(at, 24, "stylesheets: [style.css, extras.css]");
  disk.Add("themes/sakura/theme.yaml", yaml);
  disk.Add("themes/sakura/assets/extra.css", ".x{}");
  Diagnostic e = OnlyError(&disk);
  CHECK(e.loc.file == "themes/sakura/theme.yaml");
  CHECK(e.loc.line == 10);
  CHECK(e.loc.col == 26);
  CHECK(e.message == "stylesheets の「extras.css」というファイルがありません");
  CHECK(e.hint == "「extra.css」ではありませんか");
}

TEST_CASE("A theme.yaml that does not parse is the one error, not also every city token it lacks") {
  MemoryDisk disk;
  Site(&disk, "theme: sakura\ntokens:\n  color_primary: \"#1e6b3a\"\n");
  disk.Add("themes/sakura/theme.yaml", "tokens:\n  color_primary: \"#9c2b55\"\ncontrast: [\n");
  CHECK(OnlyError(&disk).loc.file == "themes/sakura/theme.yaml");
}

TEST_CASE("A logo token shows the city's image with the city name as its alt text") {
  MemoryDisk disk;
  Site(&disk, "tokens:\n  logo: mark.svg\n");
  disk.Add("content/x/assets/mark.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>");
  Diagnostics d;
  REQUIRE(Build(&disk, &d));
  std::string page = ReadText(disk, "site/x/cases/index.html");
  CHECK(page.find("<img class=\"site-logo\" src=\"../../x/assets/mark.svg\" alt=\"試験市\">") != std::string::npos);
}

TEST_CASE("Without a report the accessibility pages publish the policy and say there are no results yet") {
  MemoryDisk disk;
  Site(&disk, "");
  Diagnostics d;
  REQUIRE(Build(&disk, &d));
  for (const char* path : {"site/accessibility/index.html", "site/x/accessibility/index.html"}) {
    std::string page = ReadText(disk, path);
    CHECK(page.find("JIS X 8341-3:2016 の適合レベル AA に準拠") != std::string::npos);
    CHECK(page.find("試験結果はまだ作成されていません。") != std::string::npos);
    // The WCAG 2.1 additions are a target; most have no automatic check, so no 「試験します」.
    CHECK(page.find("4.1.3 ステータスメッセージ）も目標とします。自動試験で確かめられるものは試験し") != std::string::npos);
    CHECK(page.find("も試験します") == std::string::npos);
    // No test ran: nothing may say results are published, and the 対応度 is 配慮.
    CHECK(page.find("試験の結果を公開しています") == std::string::npos);
    CHECK(page.find("方針を定めています。試験はまだ行っていません。</p>") != std::string::npos);
    CHECK(page.find("対応度は「JIS X 8341-3:2016 の適合レベル AA に配慮」です") != std::string::npos);
    CHECK(page.find("試験実施日") == std::string::npos);
    CHECK(page.find("<td>○</td>") != std::string::npos);  // the build's own contrast table
  }
  CHECK(ReadText(disk, "site/x/index.html").find("ウェブアクセシビリティ方針と試験結果</a>") != std::string::npos);
}

TEST_CASE("With --a11y-report the pages carry the measured results and link the tested pages") {
  MemoryDisk disk;
  Site(&disk, "");
  disk.Add("build/a11y.json", R"({"format": "kyodo-a11y/2", "date": "2026-03-31",
    "tools": {"axe-core": "4.14.1"}, "widths": [375, 1280],
    "selection": {"method": "per-theme", "representative": 1, "sample": 1, "seed": 7, "pages": 40},
    "rules": {"color-contrast": {"help": "contrast", "sc": ["1.4.3"]}, "link-name": {"help": "links", "sc": ["2.4.4"]}},
    "results": [
      {"url": "x/index.html", "type": "city-top", "theme": "default", "sample": false, "width": 375,
       "violations": [], "passes": ["color-contrast", "link-name"], "incomplete": [], "inapplicable": []},
      {"url": "x/gone/index.html", "type": "case", "theme": "default", "sample": true, "width": 375,
       "violations": [{"id": "link-name"}], "passes": ["color-contrast"], "incomplete": [], "inapplicable": []}]})");
  Diagnostics d;
  REQUIRE(Build(&disk, &d, "build/a11y.json"));
  std::string page = ReadText(disk, "site/x/accessibility/index.html");
  CHECK(page.find("<time datetime=\"2026-03-31\">2026年3月31日</time>") != std::string::npos);
  CHECK(page.find("JB.1.2 d)（代表ページと無作為に選んだページ）。代表ページはテーマごとにページの種類ごとの1ページ（1ページ）、"
                  "無作為のページは残りのページから乱数の種 7 で選んだ 1ページです（全 40ページ）。") != std::string::npos);
  // An automatic run leaves criteria 未判定: the 対応度 is 配慮, never 準拠.
  CHECK(page.find("<dt>対応度</dt><dd>JIS X 8341-3:2016 の適合レベル AA に配慮（自動では判定できない達成基準 ") !=
        std::string::npos);
  CHECK(page.find("に準拠（") == std::string::npos);
  // ○ from an automatic rule (link-name passing) is not a human's 適合 judgement.
  CHECK(page.find("満たしていることを確かめた") == std::string::npos);
  CHECK(page.find("○（自動試験の確認項目をすべて満たした）") != std::string::npos);
  CHECK(page.find("自動試験の確認項目で問題が見つからなかったもの 1件") != std::string::npos);
  CHECK(page.find("に対応するための方針を定め、試験の結果を公開しています。</p>") != std::string::npos);
  CHECK(page.find("<a href=\"../../x/index.html\">/x/</a>") != std::string::npos);
  CHECK(page.find("/x/gone/（このサイトにはもうありません）") != std::string::npos);
  CHECK(page.find("<tr class=\"failed\"><th scope=\"row\">2.4.4</th>") != std::string::npos);
  // 未判定 rows: 適用 is not the 「－」 that the legend defines as 該当する内容がない.
  CHECK(page.find("<th scope=\"row\">3.3.4</th><td>エラー回避（法的，金融及びデータ）</td><td>AA</td><td>未確認</td><td>未判定</td>") !=
        std::string::npos);
  CHECK(page.find("2.4.4 リンクの目的（コンテキスト内）（link-name）") != std::string::npos);  // 問題点
  Diagnostics bad;
  disk.Add("build/bad.json", "{");
  CHECK_FALSE(Build(&disk, &bad, "build/bad.json"));
  CHECK(bad.items()[0].loc.file == "build/bad.json");
}

TEST_CASE("A run on given pages without a random draw is published as JB.1.2 c), not d)") {
  MemoryDisk disk;
  Site(&disk, "");
  disk.Add("build/a11y.json", R"({"format": "kyodo-a11y/2", "date": "2026-03-31",
    "tools": {"axe-core": "4.14.1"}, "widths": [1280],
    "selection": {"method": "pages", "representative": 1, "sample": 0, "seed": 1, "pages": 40},
    "rules": {"color-contrast": {"help": "contrast", "sc": ["1.4.3"]}, "valid-lang": {"help": "lang", "sc": ["3.1.2"]}},
    "results": [{"url": "x/index.html", "type": "city-top", "theme": "default", "sample": false, "width": 1280,
       "violations": [], "passes": ["color-contrast"], "incomplete": [], "inapplicable": ["valid-lang"]}]})");
  Diagnostics d;
  REQUIRE(Build(&disk, &d, "build/a11y.json"));
  std::string page = ReadText(disk, "site/x/accessibility/index.html");
  CHECK(page.find("<dd>JIS X 8341-3:2016 附属書JB JB.1.2 c)（代表ページ）。代表ページは試験者が指定したページ（1ページ）です。"
                  "無作為に選んだページはありません（全 40ページ）。</dd>") != std::string::npos);
  CHECK(page.find("乱数の種") == std::string::npos);
  // A rule that ran but decides nothing is named with what is still needed, not as if it had judged.
  CHECK(page.find("<td>未確認</td><td>未判定</td><td>valid-lang（自動では判定しきれず、人による確認が必要）</td>") !=
        std::string::npos);
}

#endif  // KYODO_SOURCE_DIR

}  // namespace
TEST_CASE("an unknown theme gets the nearest name, or the list of themes when none is near") {
  MemoryDisk disk;
  disk.Add("themes/default/theme.yaml", "tokens: {}\n");
  disk.Add("themes/machi/theme.yaml", "tokens: {}\n");
  disk.Add("themes/README.md", "themes\n");
  CHECK(UnknownThemeHint(disk, "themes", "defualt") == "「default」ではありませんか");
  CHECK(UnknownThemeHint(disk, "themes", "標準") == "使えるテーマ: default、machi（themes/ のフォルダ名。標準の見た目は default）");
}

}  // namespace kyodo
