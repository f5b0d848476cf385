#include "site_index.h"

#include <doctest/doctest.h>

#include "bulk_groups.h"
#include "kana.h"
#include "reading.h"
#include "text.h"

namespace kyodo {
namespace {

// The directory order of 市民活動団体, from readings as staff type them (katakana
// included) through the loader to the index — the path a real site takes.
TEST_CASE("groups are listed in 五十音順 as a Japanese directory sorts them") {
  MemoryDisk disk;
  disk.Add("c/x/groups.yaml", R"(
- {id: wakaba, title: わかば会, kana: わかば}
- {id: panda, title: パンダ友の会, kana: ぱんだ}
- {id: bara, title: バラの会, kana: ばら}
- {id: hana, title: 花の会, kana: はな}
- {id: park, title: パークゴルフ協会, kana: パークゴルフキョウカイ}
- {id: haato, title: はあとの会, kana: はあとのかい}
- {id: heart, title: ハートの会, kana: ハートノカイ}
- {id: zakuro, title: ざくろ会, kana: ざくろ}
- {id: sakura, title: さくら会, kana: さくら}
- {id: kiyokai, title: 器用会, kana: きようかい}
- {id: kyokai, title: 協会, kana: きょうかい}
- {id: katsura, title: かつらの会, kana: かつら}
- {id: gakko, title: 学校応援団, kana: がっこう}
- {id: kakko, title: かっこうの会, kana: かっこう}
- {id: budo, title: ぶどうの会, kana: ぶどう}
- {id: futo, title: ふ頭の会, kana: ふとう}
- {id: umikaze, title: 海風の会, kana: ウミカゼ}
- {id: aozora, title: 青空の会, kana: あおぞら}
)");
  Diagnostics d;
  Content content;
  City city;
  city.site.slug = "x";
  city.pages = LoadBulkGroups(disk, {"c/x/groups.yaml"}, {}, city.vocab, nullptr, &d);
  REQUIRE(d.empty());
  city.dir = "c/x";
  content.cities.push_back(std::move(city));
  SiteIndex index = SiteIndex::Build(content);
  // Pages link a group from groups.yaml by the file it would have had.
  const PageRef* hana = index.FindBySource("c/x/groups/hana.md");
  REQUIRE(hana != nullptr);
  CHECK(content.cities[0].pages[static_cast<size_t>(hana->page)].id == "hana");

  std::vector<std::string> order;
  for (int g : index.city(0).groups) order.push_back(content.cities[0].pages[static_cast<size_t>(g)].id);
  CHECK(order == std::vector<std::string>{
                     "aozora", "umikaze",  // katakana ウミカゼ folds to うみかぜ
                     "kakko", "gakko",     // 清音 before 濁音 at an equal reading
                     "katsura",            // ……but 濁点 only breaks ties: がっこう < かつら
                     "kyokai", "kiyokai",  // small ょ before よ (ICU ja, tertiary)
                     "sakura", "zakuro",
                     "park",               // ぱーく reads as ぱあく: before はあと, はな
                     "heart", "haato",     // ー sorts as the vowel it lengthens; ー first on a tie
                     "hana", "bara", "panda",
                     "futo", "budo",       // ふとう < ぶどう: 清濁 compared after the whole reading
                     "wakaba"});
  // Each lands in its 五十音 row, 濁音・半濁音 under their 清音 row.
  std::vector<std::string> rows;
  for (int g : index.city(0).groups) rows.push_back(GojuonRow(content.cities[0].pages[static_cast<size_t>(g)].group.kana));
  CHECK(rows == std::vector<std::string>{"あ", "あ", "か", "か", "か", "か", "か", "さ", "さ", "は", "は", "は", "は",
                                         "は", "は", "は", "は", "わ"});
}

TEST_CASE("the 地域 filters are in 五十音順 of the areas' readings, not the kanji's code order") {
  MemoryDisk disk;
  disk.Add("c/x/groups.yaml", R"(
- {id: a, title: 臼田の会, kana: うすだのかい, area: 臼田地区}
- {id: b, title: 岩村田の会, kana: いわむらだのかい, area: 岩村田地区}
- {id: c, title: 浅科の会, kana: あさしなのかい, area: 浅科地区}
- {id: d, title: 中込の会, kana: なかごみのかい, area: 中込地区}
- {id: e, title: 駅前の会, kana: えきまえのかい, area: えきまえ}
)");
  Diagnostics d;
  ReadingGuesser reading;
  REQUIRE(reading.available());
  Content content;
  City city;
  city.site.slug = "x";
  city.dir = "c/x";
  city.pages = LoadBulkGroups(disk, {"c/x/groups.yaml"}, {}, city.vocab, &reading, &d);
  REQUIRE(d.empty());
  content.cities.push_back(std::move(city));
  SiteIndex index = SiteIndex::Build(content);
  std::vector<std::string> areas;
  for (const auto& [area, groups] : index.city(0).area_groups) areas.push_back(area);
  // The kanji's order (ICU, by code) was 臼田, 岩村田, 浅科, 中込.
  CHECK(areas == std::vector<std::string>{"浅科地区", "岩村田地区", "臼田地区", "えきまえ", "中込地区"});
}

}  // namespace
}  // namespace kyodo
