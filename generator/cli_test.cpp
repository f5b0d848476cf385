#include "cli.h"

#include <doctest/doctest.h>

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

}  // namespace

TEST_CASE("--base-url with a space, a query or a fragment is a usage error, not a base for every link") {
  for (const std::string url : {"https://example.jp/kyodo portal/", "https://example.jp/?a=1", "/kyodo/#top"}) {
    MemoryDisk disk;
    Run r = Kyodo(disk, {"build", "--base-url", url});
    CAPTURE(url);
    CHECK(r.code == 2);
    CHECK(r.err.find("--base-url にスペース・?・# は書けません") != std::string::npos);
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
  r = Kyodo(disk, {"new", "case", "hanadan"});  // two cities, none chosen
  CHECK(r.err == "kyodo: --city で市町村のフォルダを指定してください（saku, suwa）\n");
  CHECK(disk.FilesUnder("content").size() == 2);  // nothing written
}

}  // namespace kyodo
