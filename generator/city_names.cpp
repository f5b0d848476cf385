#include "city_names.h"

#include <map>

namespace kyodo {

std::string FullName(const CitySite& site) {
  return site.name.starts_with(site.prefecture) ? site.name : site.prefecture + site.name;
}

std::string PortalMembersWord(const std::vector<City>& cities) {
  bool ward = false;
  for (const City& city : cities) {
    const std::string& n = city.site.name;
    if (n.ends_with("区")) {
      ward = true;
    } else if (!n.ends_with("市") && !n.ends_with("町") && !n.ends_with("村")) {
      return "自治体";
    }
  }
  return ward ? "市区町村" : "市町村";
}

std::vector<std::string> PortalCityNames(const std::vector<City>& cities) {
  std::map<std::string, int> count;
  for (const City& city : cities) ++count[city.site.name];
  std::vector<std::string> out;
  out.reserve(cities.size());
  for (const City& city : cities) out.push_back(count[city.site.name] > 1 ? FullName(city.site) : city.site.name);
  return out;
}

}  // namespace kyodo
