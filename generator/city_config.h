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

/// Reads content/_portal.yaml.
Portal ReadPortal(const YamlFile& file, Diagnostics* diags);

/// True for slugs and ids usable as one URL path segment: ASCII lowercase letters,
/// digits, '-' and '_', not starting with '-' or '_'.
bool IsValidSlug(const std::string& s);

}  // namespace kyodo

#endif  // KYODO_CITY_CONFIG_H_
