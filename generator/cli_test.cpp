#include "cli.h"

#include <doctest/doctest.h>

#include <cstdlib>
#include <sstream>

#include "disk.h"

namespace kyodo {
namespace {

struct Run {
  int code = 0;
  std::string out, err;
};

Run Kyodo(MemoryDisk& disk, const std::vector<std::string>& args) {
  std::ostringstream out, err;
  Run r;
  r.code = RunCli(args, disk, out, err);
  r.out = out.str();
  r.err = err.str();
  return r;
}

// A portal file and the templates and themes folders: enough for the checks made before a build.
void AddKyodoFolders(MemoryDisk* disk) {
  disk->Add("content/_portal.yaml", "title: 協働ポータル\n");
  disk->Add("templates/page.mustache", "");
  disk->Add("themes/default/theme.yaml", "");
}

}  // namespace

TEST_CASE("--base-url with a query or a fragment is a usage error, not a base for every link") {
  for (const std::string url : {"https://example.jp/?a=1", "/kyodo/#top"}) {
    MemoryDisk disk;
    Run r = Kyodo(disk, {"build", "--base-url", url});
    CAPTURE(url);
    CHECK(r.code == 2);
    CHECK(r.err.starts_with("kyodo: --base-url「" + url + "」: ? や # 以降はリンクの先頭に付けられません。公開するフォルダの URL だけを書いてください\n"));
  }
}

TEST_CASE("kyodo new says which folder is missing: the content folder, or the city given with --city") {
  MemoryDisk disk;
  // Run where there is no content/ (a clerk in the wrong folder): the folder is named, not an empty city list.
  Run r = Kyodo(disk, {"new", "case", "hanadan"});
  CHECK(r.code == 2);
  CHECK(r.err ==
        "kyodo: コンテンツのフォルダ「content」がありません。content/ のあるフォルダで実行するか、"
        "--content でフォルダを指定してください\n");

  disk.Add("content/saku/site.yaml", "name: 佐久市\n");
  disk.Add("content/suwa/site.yaml", "name: 諏訪市\n");
  r = Kyodo(disk, {"new", "case", "hanadan", "--city", "sakuu"});
  CHECK(r.code == 2);
  CHECK(r.err ==
        "kyodo: 市町村のフォルダ「content/sakuu」がありません。--city には次のどれかを書いてください: saku, suwa"
        "（新しい市町村は kyodo new city sakuu で作れます）\n");
  r = Kyodo(disk, {"new", "case", "hanadan", "--city", "../saku"});  // no folder name kyodo new could make
  CHECK(r.err ==
        "kyodo: 市町村のフォルダ「content/../saku」がありません。--city には次のどれかを書いてください: saku, suwa\n");
  r = Kyodo(disk, {"new", "case", "hanadan"});  // two cities, none chosen
  CHECK(r.err == "kyodo: --city で市町村のフォルダを指定してください（saku, suwa）\n");
  CHECK(disk.FilesUnder("content").size() == 2);  // nothing written
}

TEST_CASE("a SOURCE_DATE_EPOCH that is not whole seconds stops the build instead of dating the site 1970-01-01") {
  MemoryDisk disk;
  disk.Add("content/_portal.yaml", "title: 協働ポータル\n");
  const std::string expected =
      "kyodo: 環境変数 SOURCE_DATE_EPOCH「」は UNIX 時間（1970-01-01 からの秒数の整数）ではありません。空なら、"
      "値を作るコマンド（git log -1 --format=%ct など）が失敗していないか確かめるか、--build-date 2026-04-01 "
      "のように日付を指定してください\n";
  // What `SOURCE_DATE_EPOCH=$(git log -1 --format=%ct)` gives where git is missing.
  setenv("SOURCE_DATE_EPOCH", "", 1);
  Run empty = Kyodo(disk, {"build"});
  setenv("SOURCE_DATE_EPOCH", "2026-04-01", 1);
  Run iso = Kyodo(disk, {"check"});
  // --build-date wins, so the variable is not read at all.
  Run dated = Kyodo(disk, {"new", "city", "minami", "--build-date", "2026-04-01"});
  unsetenv("SOURCE_DATE_EPOCH");
  CHECK(empty.code == 2);
  CHECK(empty.err == expected);
  CHECK(iso.code == 2);
  CHECK(iso.err.find("SOURCE_DATE_EPOCH「2026-04-01」は UNIX 時間") != std::string::npos);
  CHECK(dated.code == 0);
  CHECK(disk.Exists("content/minami/site.yaml"));
  CHECK(!disk.Exists("site/index.html"));
}

TEST_CASE("a --base-url every link would start with is checked: a one-slash typo is a usage error, not a site of broken links") {
  MemoryDisk disk;
  Run r = Kyodo(disk, {"build", "--base-url", "https:/www.example.lg.jp/kyodo/"});
  CHECK(r.code == 2);
  CHECK(r.err.rfind("kyodo: --base-url「https:/www.example.lg.jp/kyodo/」: https:// か http:// で始まる URL か、"
                    "/kyodo/ のように / で始まるパスを書いてください\n",
                    0) == 0);
  r = Kyodo(disk, {"build", "--base-url", "https://"});
  CHECK(r.code == 2);
  CHECK(r.err.rfind("kyodo: --base-url「https://」: ホスト名がありません", 0) == 0);
  CHECK(!disk.Exists("site/index.html"));
}

TEST_CASE("--out inside the content folder, or around the content or templates, is refused before anything is written") {
  MemoryDisk disk;
  AddKyodoFolders(&disk);
  Run inside = Kyodo(disk, {"build", "--out", "content/public", "--build-date", "2026-04-01"});
  CHECK(inside.code == 2);
  CHECK(inside.err ==
        "kyodo: 出力先「content/public」がコンテンツのフォルダ「content」の中にあります。次のビルドが書き出したサイトを"
        "コンテンツとして読んでしまいます。--out には content の外のフォルダを指定してください\n");
  Run around = Kyodo(disk, {"build", "--out", ".", "--build-date", "2026-04-01"});
  CHECK(around.code == 2);
  CHECK(around.err ==
        "kyodo: 出力先「.」の中にコンテンツのフォルダ「content」があります。出力先は書き出すたびに丸ごと入れ替わるので、"
        "消えてしまいます。--out には別のフォルダを指定してください\n");
  Run themes = Kyodo(disk, {"serve", "--out", "themes/default/site", "--build-date", "2026-04-01"});
  CHECK(themes.code == 2);
  CHECK(themes.err.rfind("kyodo: 出力先「themes/default/site」がテーマのフォルダ「themes」の中にあります。", 0) == 0);
  CHECK(disk.FilesUnder("content").size() == 1);
  CHECK(!disk.Exists("content/public"));
  // kyodo check writes nothing, so its --out is not looked at.
  CHECK(Kyodo(disk, {"check", "--out", "content/public", "--build-date", "2026-04-01"}).err.find("出力先") ==
        std::string::npos);
}

TEST_CASE("kyodo build --city does not swap one city's shard in for a whole published site") {
  MemoryDisk disk;
  AddKyodoFolders(&disk);
  disk.Add("site/.kyodo-site", "");
  disk.Add("site/index.html", "ポータル");
  disk.Add("site/assets/default/style.css", "");
  Run r = Kyodo(disk, {"build", "--city", "saku", "--build-date", "2026-04-01"});
  CHECK(r.code == 2);
  CHECK(r.err ==
        "kyodo: 出力先「site」には全体のサイトがあります。--city のビルドは市町村のページだけの分割ビルド"
        "（docs/sharded-builds.md）なので、入れ替えるとほかの市町村・スタイルシート・検索が消えます。"
        "--out shards/saku のように別のフォルダを指定してください\n");
  CHECK(disk.FilesUnder("site").size() == 3);
  // kyodo check --city writes nothing and is fine.
  CHECK(Kyodo(disk, {"check", "--city", "saku", "--build-date", "2026-04-01"}).err.find("全体のサイト") == std::string::npos);
}

TEST_CASE("options take their value after = as well (--out=public), as GNU-style CI scripts write them") {
  MemoryDisk disk;
  // Parsed as --base-url and --out: the base URL's own check answers, not 「不明なオプション」.
  Run r = Kyodo(disk, {"build", "--out=public", "--base-url=https:/www.example.lg.jp/"});
  CHECK(r.code == 2);
  CHECK(r.err.rfind("kyodo: --base-url「https:/www.example.lg.jp/」: https:// か http:// で始まる URL か", 0) == 0);
  r = Kyodo(disk, {"build", "--jobs=0"});
  CHECK(r.err.rfind("kyodo: --jobs には 1 以上の数を指定してください\n", 0) == 0);
  r = Kyodo(disk, {"build", "--drafts=yes"});
  CHECK(r.code == 2);
  CHECK(r.err.rfind("kyodo: --drafts には = で値を付けません（--drafts だけを書いてください）\n", 0) == 0);
  r = Kyodo(disk, {"build", "--out="});
  CHECK(r.err.rfind("kyodo: --out にはフォルダを指定してください\n", 0) == 0);
  // The value is the option's even when it looks like one: --content=--x is a folder named --x.
  r = Kyodo(disk, {"new", "case", "hanadan", "--content=--x", "--build-date=2026-04-01"});
  CHECK(r.err == "kyodo: コンテンツのフォルダ「--x」がありません。content/ のあるフォルダで実行するか、"
                 "--content でフォルダを指定してください\n");
}

}  // namespace kyodo
