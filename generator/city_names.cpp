#include "city_names.h"

#include <map>

namespace kyodo {

std::string FullName(const CitySite& site) {
  return site.name.starts_with(site.prefecture) ? site.name : site.prefecture + site.name;
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
