#include "tokens.h"

#include <doctest/doctest.h>

namespace kyodo {
namespace {

constexpr const char* kTheme = R"(name: t
label: テスト
tokens:
  color_primary: "#0031d8"
  color_on_primary: "#fff"
  color_text: "#1a1a1c"
  color_background: "#ffffff"
  color_link: "$color_primary"
  font_size_base: "16px"
  logo: ""
contrast:
  - {fg: color_text, bg: color_background, use: text, label: 本文の文字}
  - {fg: color_link, bg: color_background, use: text, label: リンクの文字}
  - {fg: color_on_primary, bg: color_primary, use: text, label: ボタンの文字}
  - {fg: color_primary, bg: color_background, use: ui, label: 現在地の印}
)";

Theme Load(const std::string& yaml, Diagnostics* diags) {
  MemoryDisk disk;
  disk.Add("themes/t/theme.yaml", yaml);
  return LoadTheme(disk, "themes", "t", diags);
}

std::map<std::string, Located> Overrides(std::initializer_list<std::pair<const char*, const char*>> items) {
  std::map<std::string, Located> out;
  int line = 10;
  for (const auto& [k, v] : items) out[k] = {v, {"content/x/site.yaml", line++, 18}};
  return out;
}

std::string Messages(const Diagnostics& d) {
  std::string out;
  for (const Diagnostic& x : d.items()) {
    out += x.loc.file + ":" + std::to_string(x.loc.line) + ":" + std::to_string(x.loc.col) + ": " + x.message;
    if (!x.hint.empty()) out += " / " + x.hint;
    out += "\n";
  }
  return out;
}

TEST_CASE("LoadTheme reads tokens in order and the declared pairs") {
  Diagnostics d;
  Theme t = Load(kTheme, &d);
  CHECK(Messages(d) == "");
  REQUIRE(t.tokens.size() == 7);
  CHECK(t.tokens[0].name == "color_primary");
  CHECK(t.tokens[0].loc.line == 4);
  CHECK(t.tokens[5].kind == TokenKind::kFontSize);
  CHECK(t.tokens[6].kind == TokenKind::kLogo);
  REQUIRE(t.contrast.size() == 4);
  CHECK(t.contrast[3].use == ContrastUse::kUi);
  CHECK(t.stylesheets == std::vector<std::string>{"style.css"});
}

TEST_CASE("A theme's logo token must stay empty: the logo is each city's image") {
  Diagnostics d;
  Theme t = Load("tokens:\n  color_text: \"#000\"\n  logo: logo.svg\n", &d);
  CHECK(Messages(d) ==
        "themes/t/theme.yaml:3:9: テーマの logo には画像を書けません（市町村のロゴは市町村ごとに指定します） / 市町村の site.yaml に "
        "tokens: {logo: logo.svg} と書き、画像を市町村の assets/ に置いてください。テーマの画像なら、テンプレートで "
        "{{theme_assets_href}}logo.svg と書きます\n");
  REQUIRE(t.tokens.size() == 2);
  CHECK(t.tokens[1].value == "");
}

TEST_CASE("LoadTheme reports bad names, values, references and pairs at their theme.yaml lines") {
  Diagnostics d;
  Load(R"(tokens:
  colour_text: "#000"
  color_a: "#12"
  color_b: "$color_nope"
  color_c: "$color_d"
  color_d: "$color_c"
  font_size_base: "15px"
contrast:
  - {fg: color_a, bg: color_x, use: text, label: x}
  - {fg: color_c, bg: color_c, use: big, label: y}
  - {fg: color_dd, bg: color_c, use: text, label: z}
)",
       &d);
  CHECK(Messages(d) ==
        "themes/t/theme.yaml:2:3: トークン名「colour_text」の種類がわかりません / 色は color_、文字の大きさは "
        "font_size_ で始めるか、ロゴは logo にしてください\n"
        "themes/t/theme.yaml:3:12: 色「#12」は #rgb か #rrggbb（16進数3桁か6桁）で書いてください / 例: color_a: "
        "\"#1a1a1c\"、または他の色の名前を $color_primary のように\n"
        "themes/t/theme.yaml:7:19: 文字の大きさ「15px」は 16px（100%）から 32px（200%）の間にしてください（本文は "
        "16px 以上）\n"
        "themes/t/theme.yaml:4:12: 「$color_nope」という色のトークンはありません / 「$color_b」ではありませんか\n"
        "themes/t/theme.yaml:5:12: トークン「color_c」の $ 参照が循環しています\n"
        "themes/t/theme.yaml:6:12: トークン「color_d」の $ 参照が循環しています\n"
        "themes/t/theme.yaml:9:23: 「color_x」という色のトークンはありません / 「color_b」ではありませんか\n"
        "themes/t/theme.yaml:10:37: use は text（4.5:1）、large（大きな文字 3:1）、ui（部品・フォーカス 3:1）のどれかです\n"
        "themes/t/theme.yaml:11:10: 「color_dd」という色のトークンはありません / 「color_d」ではありませんか\n");
}

TEST_CASE("ResolveTheme follows references and computes every pair") {
  Diagnostics d;
  Theme t = Load(kTheme, &d);
  ResolvedTheme r = ResolveTheme(t, {}, {}, true, &d);
  CHECK(Messages(d) == "");
  CHECK(r.tokens.at("color_link").value == "#0031d8");
  CHECK(r.tokens.at("color_link").origin == "color_primary");
  CHECK(r.tokens.at("color_on_primary").value == "#ffffff");
  CHECK(r.tokens.at("font_size_base").value == "100%");
  REQUIRE(r.contrast.size() == 4);
  CHECK(FormatRatio(r.contrast[0].ratio) == "17.37");
  CHECK(FormatRatio(r.contrast[1].ratio) == "8.63");
  CHECK(r.contrast[1].ok);
  CHECK(r.Css("テスト") ==
        "/* テスト */\n:root {\n"
        "  --color-background: #ffffff;\n  --color-link: #0031d8;\n  --color-on-primary: #ffffff;\n"
        "  --color-primary: #0031d8;\n  --color-text: #1a1a1c;\n  --font-size-base: 100%;\n}\n");
}

TEST_CASE("A city's #999999 primary on white fails at its site.yaml line, one error listing every pair") {
  Diagnostics d;
  Theme t = Load(kTheme, &d);
  ResolvedTheme r = ResolveTheme(t, Overrides({{"color_primary", "#999999"}}), {}, false, &d);
  CHECK(Messages(d) ==
        "content/x/site.yaml:10:18: コントラスト比が足りません: リンクの文字（color_link（= color_primary） #999999 と "
        "color_background #ffffff）は 2.84:1 です（4.5:1 以上が必要）。ほかに 2 組: ボタンの文字 2.84:1、現在地の印 "
        "2.84:1 / color_primary を #767676 にすると、どの組み合わせも基準を満たします（リンクの文字は 4.54:1）。JIS X "
        "8341-3 達成基準 1.4.3・1.4.11\n");
  CHECK(d.ErrorCount() == 1);
  CHECK_FALSE(r.contrast[1].ok);
  CHECK_FALSE(r.contrast[2].ok);
  CHECK(r.contrast[0].ok);
}

TEST_CASE("A single failing pair names the passing colour for that pair") {
  Diagnostics d;
  Theme t = Load(kTheme, &d);
  ResolveTheme(t, Overrides({{"color_text", "#777"}}), {}, false, &d);
  CHECK(Messages(d) ==
        "content/x/site.yaml:10:18: コントラスト比が足りません: 本文の文字（color_text #777777 と color_background "
        "#ffffff）は 4.47:1 です（4.5:1 以上が必要） / color_text を #767676 にすると 4.54:1 になります。JIS X 8341-3 "
        "達成基準 1.4.3\n");
}

TEST_CASE("A failure of the theme's own colours is reported only when asked, at the theme.yaml line") {
  std::string yaml = kTheme;
  yaml.replace(yaml.find("\"#1a1a1c\""), 9, "\"#aaaaaa\"");
  Diagnostics quiet;
  Theme t = Load(yaml, &quiet);
  ResolveTheme(t, {}, {}, false, &quiet);
  CHECK(quiet.empty());
  Diagnostics loud;
  ResolveTheme(t, {}, {}, true, &loud);
  REQUIRE(loud.ErrorCount() == 1);
  CHECK(loud.items()[0].loc.file == "themes/t/theme.yaml");
  CHECK(loud.items()[0].loc.line == 6);
}

TEST_CASE("Overrides: unknown names suggest the nearest, bad values and missing logos are errors") {
  Diagnostics d;
  Theme t = Load(kTheme, &d);
  std::vector<Asset> assets = {{"content/x/assets/mark.svg", "mark.svg", 100}};
  ResolvedTheme r = ResolveTheme(t,
                                 Overrides({{"color_primery", "#000"},
                                            {"color_text", "black"},
                                            {"font_size_base", "1.2em"},
                                            {"logo", "logo.png"}}),
                                 assets, false, &d);
  CHECK(Messages(d) ==
        "content/x/site.yaml:10:18: テーマ「t」に「color_primery」というトークンはありません / "
        "「color_primary」ではありませんか\n"
        "content/x/site.yaml:11:18: 色「black」は #1a2b3c のように # と16進数で書いてください / 例: color_text: "
        "\"#0031d8\"\n"
        "content/x/site.yaml:12:18: 文字の大きさ「1.2em」は 16px や 112.5% のように書いてください\n"
        "content/x/site.yaml:13:18: ロゴ画像「logo.png」が assets/ にありません / 画像を市町村のフォルダの assets/ "
        "に置き、assets/ から先のパス（例: logo.svg）を書いてください\n");
  Diagnostics ok;
  r = ResolveTheme(t, Overrides({{"logo", "mark.svg"}, {"font_size_base", "18px"}}), assets, false, &ok);
  CHECK(ok.empty());
  CHECK(r.logo == "mark.svg");
  CHECK(r.tokens.at("font_size_base").value == "112.5%");
}

TEST_CASE("FontSizePercent keeps the reader's setting as the base") {
  std::string err;
  CHECK(FontSizePercent("16px", &err) == "100%");
  CHECK(FontSizePercent("17px", &err) == "106.25%");
  CHECK(FontSizePercent("125%", &err) == "125%");
  CHECK_FALSE(FontSizePercent("14px", &err));
  CHECK_FALSE(FontSizePercent("2rem", &err));
  CHECK_FALSE(FontSizePercent("40px", &err));
}

#ifdef KYODO_SOURCE_DIR
// The shipped themes pass their own pairs: a theme is AA by construction.
TEST_CASE("Every shipped theme passes all of its declared pairs") {
  RealDisk disk;
  std::string themes = std::string(KYODO_SOURCE_DIR) + "/themes";
  for (const std::string& name : disk.ListDir(themes)) {
    if (disk.Stat(themes + "/" + name + "/theme.yaml") != FileKind::kFile) continue;
    Diagnostics d;
    Theme t = LoadTheme(disk, themes, name, &d);
    ResolvedTheme r = ResolveTheme(t, {}, {}, true, &d);
    CHECK_MESSAGE(Messages(d) == "", name);
    CHECK_MESSAGE(r.contrast.size() >= 15, name);
  }
}
#endif

}  // namespace
}  // namespace kyodo
