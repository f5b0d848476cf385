#include "asset_names.h"

#include <doctest/doctest.h>

#include "content_loader.h"
#include "disk.h"
#include "site_index.h"

namespace kyodo {

TEST_CASE("AssetKey: a Mac's decomposed kana become the composed ones typed on Windows; ASCII is as is") {
  const std::string mac = "content/kita/assets/\xE3\x82\xAB\xE3\x82\x99\xE3\x82\xA4\xE3\x83\x88\xE3\x82\x99.pdf";  // カ゛イト゛
  CHECK(AssetKey(mac) == "content/kita/assets/ガイド.pdf");
  CHECK(AssetKey("content/kita/assets/ガイド.pdf") == "content/kita/assets/ガイド.pdf");
  CHECK(AssetKey("content/kita/assets/Map.PNG") == "content/kita/assets/Map.PNG");
}

TEST_CASE("CheckAssetNames: one name in two Unicode forms is an error, names differing in case a warning") {
  Diagnostics diags;
  std::vector<Asset> assets = {{"content/kita/assets/Map.png", "Map.png", 1},
                               {"content/kita/assets/map.png", "map.png", 1},
                               {"content/kita/assets/ガイド.pdf", "ガイド.pdf", 1},
                               {"content/kita/assets/\xE3\x82\xAB\xE3\x82\x99\xE3\x82\xA4\xE3\x83\x88\xE3\x82\x99.pdf",
                                "ガイド.pdf", 1}};
  CheckAssetNames(assets, &diags);
  REQUIRE(diags.items().size() == 2);
  CHECK(diags.items()[0].severity == Severity::kWarning);
  CHECK(diags.items()[0].loc.file == "content/kita/assets/map.png");
  CHECK(diags.items()[0].message == "ファイル名「map.png」と「Map.png」は大文字・小文字だけが違います");
  CHECK(diags.items()[0].hint ==
        "Windows のサーバー（IIS）では同じファイルになり、一方が見えなくなります。どちらかの名前を変えてください");
  CHECK(diags.items()[1].severity == Severity::kError);
  CHECK(diags.items()[1].message ==
        "ファイル「ガイド.pdf」が2つあります（見た目は同じで、濁点・半濁点の文字の作り方だけが違う名前です）");
}

TEST_CASE("CheckAssetNames: a name IIS refuses (+, %) or Windows cannot store (:) is a warning") {
  Diagnostics diags;
  CheckAssetNames({{"content/kita/assets/C++入門.pdf", "C++入門.pdf", 1},
                   {"content/kita/assets/100%達成.png", "100%達成.png", 1},
                   {"content/kita/assets/時刻10:00.pdf", "時刻10:00.pdf", 1},
                   {"content/kita/assets/houkoku-2025_1.pdf", "houkoku-2025_1.pdf", 1}},
                  &diags);
  REQUIRE(diags.items().size() == 3);
  CHECK(diags.items()[0].severity == Severity::kWarning);
  CHECK(diags.items()[0].loc.file == "content/kita/assets/C++入門.pdf");
  CHECK(diags.items()[0].message == "ファイル名「C++入門.pdf」の「+」は、Windows のサーバー（IIS）では置けないか、URL として断られる文字です");
  CHECK(diags.items()[0].hint == "「-」か「_」に変え、リンクに書いた名前も合わせて直してください");
  CHECK(diags.items()[1].message.find("「100%達成.png」の「%」") != std::string::npos);
  CHECK(diags.items()[2].message.find("「時刻10:00.pdf」の「:」") != std::string::npos);
}

TEST_CASE("a file named on a Mac is published under the name typed in the Markdown, and found by it") {
  MemoryDisk disk;
  disk.Add("content/kita/site.yaml", "name: 北市\n");
  disk.Add("content/kita/assets/\xE3\x82\xAB\xE3\x82\x99\xE3\x82\xA4\xE3\x83\x88\xE3\x82\x99.pdf", "%PDF");
  Diagnostics diags;
  Content content = LoadContent(disk, "content", LoadOptions{}, nullptr, &diags);
  REQUIRE(content.cities.size() == 1);
  REQUIRE(content.cities[0].assets.size() == 1);
  CHECK(content.cities[0].assets[0].rel == "ガイド.pdf");
  const SiteIndex index = SiteIndex::Build(content);
  int city = -1;
  CHECK(index.FindAsset(content, "content/kita/assets/ガイド.pdf", &city) == &content.cities[0].assets[0]);
  CHECK(city == 0);
}

}  // namespace kyodo
