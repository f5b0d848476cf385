#include "city_files.h"

#include <doctest/doctest.h>

namespace kyodo {

TEST_CASE("files and folders in a city's folder that kyodo does not read are warned about with where they belong") {
  MemoryDisk disk;
  for (const char* file : {"site.yaml", "orgs.yaml", "_taxonomies.yaml", "groups.yaml", "groups.csv", "cases/a.md",
                           "assets/a.pdf", ".DS_Store", "groups.xlsx", "orgs.yaml.txt", "kouza.md", "photo.jpg",
                           "shashin/b.jpg"}) {
    disk.Add(std::string("content/saku/") + file, "x");
  }
  Diagnostics d;
  CheckCityFolderEntries(disk, "content/saku", &d);
  d.SortByLocation();
  std::string got;
  for (const Diagnostic& x : d.items()) got += x.loc.file + ": " + x.message + " / " + x.hint + "\n";
  CHECK(got ==
        "content/saku/groups.xlsx: 市町村のフォルダのこのファイルは読みません（公開されません） / 団体の台帳なら、Excel の「名前を付けて保存」で"
        "ファイルの種類に「CSV UTF-8（コンマ区切り）」を選び、groups.csv として保存してください。資料として載せるなら content/saku/assets/ に置きます\n"
        "content/saku/kouza.md: 市町村のフォルダのこのファイルは読みません（公開されません） / ページは種類ごとのフォルダ（cases/、news/、pages/ など）に置いてください\n"
        "content/saku/orgs.yaml.txt: 市町村のフォルダのこのファイルは読みません（公開されません） / ファイル名を「orgs.yaml」にしてください。"
        "メモ帳が .txt を付けて保存しています。保存するときに「ファイルの種類」を「すべてのファイル」にします\n"
        "content/saku/photo.jpg: 市町村のフォルダのこのファイルは読みません（公開されません） / 画像や資料は content/saku/assets/ に置いてください"
        "（市町村のフォルダで読むファイル: site.yaml, orgs.yaml, _taxonomies.yaml, groups.yaml, groups.csv）\n"
        "content/saku/shashin: このフォルダは読みません（公開されません） / 使えるフォルダは policies, cases, groups, news, pages, forms, assets です。"
        "画像や資料は content/saku/assets/ の中に置けます\n");
}

}  // namespace kyodo
