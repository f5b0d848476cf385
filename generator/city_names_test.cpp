#include "city_names.h"

#include <doctest/doctest.h>

namespace kyodo {

namespace {
City Town(const std::string& prefecture, const std::string& name) {
  City city;
  city.site.prefecture = prefecture;
  city.site.name = name;
  return city;
}
}  // namespace

TEST_CASE("PortalCityNames adds the 都道府県 only where two municipalities share a name") {
  std::vector<City> cities = {Town("長野県", "佐久市"), Town("北海道", "池田町"), Town("長野県", "池田町"),
                              Town("東京都", "世田谷区")};
  CHECK(PortalCityNames(cities) == std::vector<std::string>{"佐久市", "北海道池田町", "長野県池田町", "世田谷区"});
  cities.pop_back();
  cities.erase(cities.begin() + 1);
  CHECK(PortalCityNames(cities) == std::vector<std::string>{"佐久市", "池田町"});
}

TEST_CASE("FullName puts the 都道府県 before a municipality's name, once for a 都道府県 itself") {
  CHECK(FullName(Town("長野県", "佐久市").site) == "長野県佐久市");
  CHECK(FullName(Town("東京都", "世田谷区").site) == "東京都世田谷区");
  CHECK(FullName(Town("長野県", "長野県").site) == "長野県");
  CHECK(FullName(Town("北海道", "北海道").site) == "北海道");
  CHECK(FullName(Town("長野県", "長野県後期高齢者医療広域連合").site) == "長野県後期高齢者医療広域連合");
}

}  // namespace kyodo
