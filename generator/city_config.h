// The per-city and portal configuration files: site.yaml, orgs.yaml, _portal.yaml.
#ifndef KYODO_CITY_CONFIG_H_
#define KYODO_CITY_CONFIG_H_

#include <string>
#include <vector>

#include "content.h"
#include "error.h"
#include "yaml_reader.h"

namespace kyodo {

/// Reads <city>/site.yaml; `folder` is the city's folder name (the default slug).
CitySite ReadCitySite(const YamlFile& file, const std::string& folder, Diagnostics* diags);

/// Reads <city>/orgs.yaml (id → organisation).
std::vector<Org> ReadOrgs(const YamlFile& file, Diagnostics* diags);

/// A telephone or fax number under `key` (orgs.yaml, a group's contact), as pages
/// show it (see PhoneNumber); "" when absent, an error at the value when it is no number.
std::string ReadPhone(const MapReader& m, const char* key);
/// An e-mail address under `key`; "" when absent, an error when it is not one address.
std::string ReadEmail(const MapReader& m, const char* key);

/// Two municipalities of one portal with the same 全国地方公共団体コード (a copied
/// site.yaml): an error at the later one's code, naming the earlier one.
void CheckDistinctCodes(const std::vector<City>& cities, Diagnostics* diags);

/// Reads content/_portal.yaml.
Portal ReadPortal(const YamlFile& file, Diagnostics* diags);

/// True for slugs and ids usable as one URL path segment: ASCII lowercase letters,
/// digits, '-' and '_', not starting with '-' or '_'.
bool IsValidSlug(const std::string& s);

}  // namespace kyodo

#endif  // KYODO_CITY_CONFIG_H_
