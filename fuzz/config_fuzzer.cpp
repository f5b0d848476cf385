// Bytes → site.yaml, orgs.yaml, _portal.yaml and _taxonomies.yaml readers.
#include <cstddef>
#include <cstdint>
#include <string>

#include "city_config.h"
#include "vocab.h"

using namespace kyodo;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string text(reinterpret_cast<const char*>(data), size);
  Diagnostics d;
  YamlFile f("c.yaml", text);
  if (!f.Parse(&d)) return 0;
  CitySite site = ReadCitySite(f, "city", &d);
  if (!site.slug.empty() && !IsValidSlug(site.slug) && site.slug != "city") return 0;
  ReadOrgs(f, &d);
  ReadPortal(f, &d);
  Vocabularies v = Vocabularies::LoadShared(f, &d);
  v.WithCityTerms(f, "city", &d);
  return 0;
}
