#include "yaml_reader.h"

#include <doctest/doctest.h>

#include <string>

namespace kyodo {

TEST_CASE("YAML positions are file lines and code-point columns") {
  YamlFile f("x.md", "title: 子育て支援\nfields: [子育, 環境]\n", 2);
  Diagnostics d;
  REQUIRE(f.Parse(&d));
  MapReader m(f, f.root(), f.Start(), &d);
  auto fields = m.StringList("fields");
  REQUIRE(fields.size() == 2);
  CHECK(fields[1].value == "環境");
  CHECK(fields[1].loc.line == 3);
  CHECK(fields[1].loc.col == 14);  // 「fields: [子育, 」 is 13 characters
  CHECK(m.KeyLoc("fields").col == 1);
}

TEST_CASE("positions deep in a long register, and its lines, with CRLF line breaks") {
  std::string text;
  for (int i = 0; i < 3000; ++i) text += "- id: g" + std::to_string(i) + "\r\n  title: 会" + std::to_string(i) + "\r\n";
  YamlFile f("groups.yaml", text, 1);
  Diagnostics d;
  REQUIRE(f.Parse(&d));
  CHECK(f.lines() == 6001);  // the empty line after the last break counts
  CHECK(f.Line(5998) == "- id: g2999");
  CHECK(f.Line(5999) == "  title: 会2999");
  CHECK(f.Line(6000).empty());
  CHECK(f.Line(7000).empty());
  MapReader last(f, f.root()[2999], f.Start(), &d);
  const auto title = last.String("title");
  REQUIRE(title);
  CHECK(title->loc.line == 6000);
  CHECK(title->loc.col == 10);
  CHECK(last.KeyLoc("title").line == 6000);
  CHECK(f.Loc(f.root()[0]["id"]).line == 1);
}

TEST_CASE("a # or ! that YAML drops from a one-line text value is pointed at; a spaced comment is not") {
  YamlFile f("y.yaml", "title: 見沼田んぼ #1 の保全\nsummary: !重要 見沼の話\nname: 協働 # 説明\nq: \"引用 #2\"\nt: !!str 5\n");
  Diagnostics d;
  REQUIRE(f.Parse(&d));
  MapReader m(f, f.root(), f.Start(), &d);
  CHECK(m.String("title")->value == "見沼田んぼ");
  CHECK(m.String("summary")->value == "重要 見沼の話");
  CHECK(m.String("name")->value == "協働");
  CHECK(m.String("q")->value == "引用 #2");
  CHECK(m.String("t")->value == "5");
  REQUIRE(d.items().size() == 2);
  CHECK(d.items()[0].message == "「title」の「#1 の保全」は YAML のコメントとして読み捨てられます");
  CHECK(d.items()[0].hint == "title: \"…\" のように値全体を \" \" で囲むと、そのまま表示されます");
  CHECK(d.items()[0].loc.line == 1);
  CHECK(d.items()[1].message == "「summary」の「!」は YAML のタグとして読み捨てられます");
}

TEST_CASE("a # in a later value of the same line (a link's #fragment in a flow mapping) is no comment") {
  YamlFile f("y.yaml",
             "a: {title: 市のページ, url: \"https://www.city.saku.nagano.jp/x.html#kyodo\"}\n"
             "b: {title: 市のページ, url: https://www.city.saku.nagano.jp/y.html#kyodo}\n"
             "c: 見沼田んぼ\t#1 の保全\n");
  Diagnostics d;
  REQUIRE(f.Parse(&d));
  for (const char* key : {"a", "b"}) {
    MapReader m(f, f.root()[key], f.Start(), &d);
    CHECK(m.String("title")->value == "市のページ");
  }
  CHECK(d.empty());
  MapReader m(f, f.root(), f.Start(), &d);
  CHECK(m.String("c")->value == "見沼田んぼ");  // after a tab, as after a space, a # starts a comment
  REQUIRE(d.items().size() == 1);
  CHECK(d.items()[0].message == "「c」の「#1 の保全」は YAML のコメントとして読み捨てられます");
}

TEST_CASE("a required text written as \"\" or spaces is empty, as a missing one is") {
  YamlFile f("y.yaml", "title: \"\"\nlabel: \"　 \"\nsummary: \"\"\n");
  Diagnostics d;
  REQUIRE(f.Parse(&d));
  MapReader m(f, f.root(), f.Start(), &d);
  CHECK_FALSE(m.String("title", true));
  CHECK_FALSE(m.String("label", true));
  CHECK(m.String("summary")->value.empty());  // optional: empty is allowed
  REQUIRE(d.ErrorCount() == 2);
  CHECK(d.items()[0].message == "「title」の値が空です");
  CHECK(d.items()[1].loc.line == 2);
}

TEST_CASE("typed readers report instead of throwing") {
  YamlFile f("y.yaml", "a: [1]\nn: 十\nb: maybe\nu: ftp://x\ns: one\ns2: [x, {k: v}]\n");
  Diagnostics d;
  REQUIRE(f.Parse(&d));
  MapReader m(f, f.root(), f.Start(), &d);
  CHECK_FALSE(m.String("a"));
  CHECK_FALSE(m.Int("n"));
  CHECK_FALSE(m.Bool("b"));
  CHECK_FALSE(m.Url("u"));
  CHECK(m.StringList("s").size() == 1);  // a scalar is a one-item list
  CHECK(m.StringList("s2").size() == 1);
  CHECK_FALSE(m.String("missing", true));
  CHECK(d.ErrorCount() == 6);
  CHECK(d.items().back().message == "必須のキー「missing」がありません");
}

TEST_CASE("a list or a line of text where names and values go says how to write them") {
  YamlFile list("orgs.yaml", "- kyodo:\n    name: 協働推進課\n");
  Diagnostics d;
  REQUIRE(list.Parse(&d));
  CHECK_FALSE(MapReader(list, list.root(), list.Start(), &d).ok());
  YamlFile text("site.yaml", "佐久市の協働\n");
  REQUIRE(text.Parse(&d));
  CHECK_FALSE(MapReader(text, text.root(), text.Start(), &d).ok());
  REQUIRE(d.ErrorCount() == 2);
  CHECK(d.items()[0].message == "「キー: 値」の形で書いてください");
  CHECK(d.items()[0].hint == "行の頭の「- 」を外して、「名前: 値」を並べてください（この場所はリストではありません）");
  CHECK(d.items()[1].hint == "「title: 協働のまちづくり」のように、名前・「:」と半角スペース・値の順で書きます");
}

TEST_CASE("a URL left as the scaffold's https:// (no host) is an error at its value, a full one is read") {
  YamlFile f("y.yaml", "a: https://\nb: http:///kyodo/\nc: https://www.example.lg.jp/\nd: https://x.jp\n");
  Diagnostics d;
  REQUIRE(f.Parse(&d));
  MapReader m(f, f.root(), f.Start(), &d);
  CHECK_FALSE(m.Url("a"));
  CHECK_FALSE(m.Url("b"));
  CHECK(m.Url("c")->value == "https://www.example.lg.jp/");
  CHECK(m.Url("d")->value == "https://x.jp");
  REQUIRE(d.ErrorCount() == 2);
  CHECK(d.items()[0].message == "URL「https://」にホスト名（www.city.example.lg.jp など）がありません");
  CHECK(d.items()[0].loc.line == 1);
  CHECK(d.items()[0].loc.col == 4);
  CHECK(d.items()[1].loc.line == 2);
}

TEST_CASE("a URL written without its scheme (www.example.jp) gets the address to write as the hint") {
  YamlFile f("a.md", "url: www.example.jp\nother: javascript:alert(document.cookie)\n");
  Diagnostics d;
  REQUIRE(f.Parse(&d));
  MapReader m(f, f.root(), {"a.md", 1, 1}, &d);
  CHECK_FALSE(m.Url("url"));
  CHECK_FALSE(m.Url("other"));
  REQUIRE(d.items().size() == 2);
  CHECK(d.items()[0].message == "URL「www.example.jp」は http:// か https:// で始めてください");
  CHECK(d.items()[0].hint == "「https://www.example.jp」のように書いてください（ブラウザーのアドレス欄からコピーすると確実です）");
  CHECK(d.items()[1].hint == "ブラウザーのアドレス欄に出る https:// から始まるアドレスを書いてください");
}

TEST_CASE("a URL with a space or a line break in it is an error, not an href no browser follows") {
  YamlFile f("y.yaml", "a: https://example.jp/b c\nb: \"https://example.jp/\\nd\"\nok: https://example.jp/b%20c\n");
  Diagnostics d;
  REQUIRE(f.Parse(&d));
  MapReader m(f, f.root(), f.Start(), &d);
  CHECK_FALSE(m.Url("a"));
  CHECK_FALSE(m.Url("b"));
  CHECK(m.Url("ok"));
  REQUIRE(d.ErrorCount() == 2);
  CHECK(d.items()[0].message == "URL「https://example.jp/b c」に空白があります");
  CHECK(d.items()[0].loc.line == 1);
  CHECK(d.items()[0].loc.col == 4);
  CHECK(d.items()[1].message == "URL「https://example.jp/（改行）d」に空白があります");
}

TEST_CASE("a list or map where one text goes says how to write it as one") {
  YamlFile f("y.yaml", "date: [平成22年3月]\narea: [中込, 野沢]\nplace: {name: 公園}\n");
  Diagnostics d;
  REQUIRE(f.Parse(&d));
  MapReader m(f, f.root(), f.Start(), &d);
  CHECK_FALSE(m.String("date"));
  CHECK_FALSE(m.String("area"));
  CHECK_FALSE(m.String("place"));
  REQUIRE(d.ErrorCount() == 3);
  CHECK(d.items()[0].hint == "[ ] や「- 」を外して「date: 平成22年3月」と書いてください");
  CHECK(d.items()[1].message == "「area」には文字列を1つ書いてください");
  CHECK(d.items()[1].loc.line == 2);
  CHECK(d.items()[1].hint == "この項目には値を1つだけ書きます。いくつもあるときは「・」や「、」でつないで1つの文にしてください");
  CHECK(d.items()[2].hint ==
        "{ } や「名前: 値」の形にせず、値を1つだけ書いてください（値に「: 」があるときは全体を \"\" で囲みます）");
}

TEST_CASE("a yes/no value may be written as Excel (TRUE) or the IME (ｔｒｕｅ) writes it; はい gets the spelling") {
  YamlFile f("y.yaml", "a: TRUE\nb: ｆａｌｓｅ\nc: Yes\nd: はい\n");
  Diagnostics d;
  REQUIRE(f.Parse(&d));
  MapReader m(f, f.root(), f.Start(), &d);
  CHECK(m.Bool("a") == true);
  CHECK(m.Bool("b") == false);
  CHECK(m.Bool("c") == true);
  CHECK_FALSE(m.Bool("d"));
  REQUIRE(d.items().size() == 1);
  CHECK(d.items()[0].message == "「d」は true か false で書いてください");
  CHECK(d.items()[0].hint == "d: true（はい）か d: false（いいえ）と半角の英字で書いてください");
}

TEST_CASE("a 全角 space before or after a plain value is dropped as YAML drops spaces; quoted values keep theirs") {
  YamlFile f("y.yaml", "contact: kohokocho　\ngroups: [uchiyama-chiku　, 　hana]\ntitle: \"　見出し　\"\none: 　a b　\n");
  Diagnostics d;
  REQUIRE(f.Parse(&d));
  MapReader m(f, f.root(), f.Start(), &d);
  CHECK(m.String("contact")->value == "kohokocho");
  const std::vector<Located> groups = m.StringList("groups");
  REQUIRE(groups.size() == 2);
  CHECK(groups[0].value == "uchiyama-chiku");
  CHECK(groups[1].value == "hana");
  CHECK(m.String("title")->value == "　見出し　");
  CHECK(m.StringList("one")[0].value == "a b");
  CHECK(d.empty());
}

TEST_CASE("unknown and duplicate keys") {
  YamlFile f("z.md", "title: a\ntittle: b\ntitle: c\n");
  Diagnostics d;
  REQUIRE(f.Parse(&d));
  MapReader(f, f.root(), f.Start(), &d).CheckKeys({"title", "date"});
  REQUIRE(d.items().size() == 2);
  CHECK(d.items()[0].message == "不明なキー「tittle」");
  CHECK(d.items()[0].hint == "「title」の誤りではありませんか");
  CHECK(d.items()[1].message == "キー「title」が2回書かれています");
  CHECK(d.items()[1].loc.line == 3);
}

TEST_CASE("a misspelt required key is one mistake with one message, at its line") {
  YamlFile f("c.md", "titel: 雪かき\ndate: 2024-01-01\n", 2);
  Diagnostics d;
  REQUIRE(f.Parse(&d));
  MapReader m(f, f.root(), f.Start(), &d);
  m.CheckKeys({"title", "date"});
  CHECK_FALSE(m.String("title", true));
  REQUIRE(d.items().size() == 1);
  CHECK(d.items()[0].message == "不明なキー「titel」");
  CHECK(d.items()[0].hint == "「title」の誤りではありませんか");
  CHECK(d.items()[0].loc.line == 2);
  // A key that resembles nothing leaves the required one reported as missing.
  YamlFile g("c.md", "namae: 雪かき\n", 2);
  Diagnostics e;
  REQUIRE(g.Parse(&e));
  MapReader n(g, g.root(), g.Start(), &e);
  n.CheckKeys({"title", "date"});
  CHECK_FALSE(n.String("title", true));
  REQUIRE(e.items().size() == 2);
  CHECK(e.items()[1].message == "必須のキー「title」がありません");
}

TEST_CASE("syntax errors and hostile nesting are reported, not crashed on") {
  Diagnostics d;
  YamlFile bad("b.md", "a: [1, 2\nb: c\n", 2);
  CHECK_FALSE(bad.Parse(&d));
  CHECK(d.items().back().message == "YAML の書き方に誤りがあります: 「a」の [ に対応する ] がありません");
  CHECK(d.items().back().loc.line == 2);  // the line of the [, not the next one where yaml-cpp stopped
  YamlFile deep("d.md", "a: " + std::string(100000, '[') + "\n");
  CHECK_FALSE(deep.Parse(&d));
  CHECK(d.items().back().message == "YAML の入れ子が深すぎます");
  std::string dashes;
  for (int i = 0; i < 1000; ++i) dashes += "- ";
  YamlFile chain("c.md", dashes + "x\n");
  CHECK_FALSE(chain.Parse(&d));
  YamlFile quoted("q.md", "a: \"[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[\"\n");
  CHECK(quoted.Parse(&d));  // brackets inside a string are text
}

TEST_CASE("a YAML error names the clerk's mistake at its own line") {
  auto first = [](const std::string& text) {
    YamlFile f("f.md", text, 2);
    Diagnostics d;
    CHECK_FALSE(f.Parse(&d));
    REQUIRE(d.items().size() == 1);
    const Diagnostic& e = d.items()[0];
    return std::to_string(e.loc.line) + ":" + std::to_string(e.loc.col) + " " + e.message;
  };
  const std::string ok = "title: 見沼田んぼ\ndate: 2024-04-01\n";
  CHECK(first(ok + "place:見沼田圃\ncontact: minuma\n") == "4:6 YAML の書き方に誤りがあります: 「place:」の後に空白がありません");
  CHECK(first(ok + "place：見沼田圃\ncontact: minuma\n") == "4:6 YAML の書き方に誤りがあります: 「place」の後の「：」が全角です");
  CHECK(first(ok + "place: \"見沼田圃\ncontact: minuma\nsummary: \"x\"\n") ==
        "4:8 YAML の書き方に誤りがあります: 「place」の \" が閉じられていません");
  CHECK(first(ok + "contact:\n\xE3\x80\x80 tel: 1\n  email: a\n") == "5:1 YAML の書き方に誤りがあります: 字下げに全角スペースがあります");
  CHECK(first(ok + "contact:\n  tel: 1\n\temail: a\n") == "6:1 YAML の書き方に誤りがあります: 字下げにタブがあります");
  // A 全角 indent that YAML can still read (as the key 「　- 観光」, or keys 「　　name」
  // beside an empty org) is named, not left to an unknown-key or missing-name error.
  CHECK(first(ok + "fields:\n  - まちづくり\n\xE3\x80\x80- 観光\n") ==
        "6:1 YAML の書き方に誤りがあります: 字下げに全角スペースがあります");
  CHECK(first("shimin:\n\xE3\x80\x80\xE3\x80\x80name: 市民課\n") ==
        "3:1 YAML の書き方に誤りがあります: 字下げに全角スペースがあります");
  // A 全角 space that starts text, in a block or after a value, is the text's own.
  for (const char* text : {"body: |\n  \xE3\x80\x80- 箇条\n  \xE3\x80\x80" "a: b\n",
                           "summary: 市民と\n \xE3\x80\x80企業の協働\n", "title: \xE3\x80\x80- 見出し\n"}) {
    YamlFile text_file("t.md", text);
    Diagnostics text_diags;
    CHECK(text_file.Parse(&text_diags));
    CHECK(text_diags.items().empty());
  }
  // Text inside a block scalar is not taken for keys.
  CHECK(first("body: |\n  a:b\n  c：d\nx: [1\ny: 2\n") == "5:4 YAML の書き方に誤りがあります: 「x」の [ に対応する ] がありません");
  // URLs keep their colon.
  YamlFile url("u.md", "links:\n  - https://example.jp/\nurl: https://example.jp/\n");
  Diagnostics d;
  CHECK(url.Parse(&d));
}

}  // namespace kyodo
