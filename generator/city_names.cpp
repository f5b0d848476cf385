#include "city_names.h"

#include <map>

namespace kyodo {

namespace {
std::string Full(const CitySite& site) { return site.prefecture + site.name; }
}  // namespace

std::string PortalCityName(const std::vector<City>& cities, size_t c) {
  const CitySite& site = cities[c].site;
  for (size_t i = 0; i < cities.size(); ++i) {
    if (i != c && cities[i].site.name == site.name) return Full(site);
  }
  return site.name;
}

std::vector<std::string> PortalCityNames(const std::vector<City>& cities) {
  std::map<std::string, int> count;
  for (const City& city : cities) ++count[city.site.name];
  std::vector<std::string> out;
  out.reserve(cities.size());
  for (const City& city : cities) out.push_back(count[city.site.name] > 1 ? Full(city.site) : city.site.name);
  return out;
}

}  // namespace kyodo
