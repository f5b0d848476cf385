// One city of the content model as JSON, for the manifests of sharded builds
// (manifest.h): everything a City holds except what only its own pages need —
// page bodies and the site.yaml intro, rendered by the shard — and source
// locations, which only messages use and the shard has already given.
// Vocabulary terms are cited by slug, content paths relative to content/.
// Empty values are left out; nlohmann::json keeps keys sorted, so the same city
// always gives the same bytes.
#ifndef KYODO_CITY_JSON_H_
#define KYODO_CITY_JSON_H_

#include <nlohmann/json_fwd.hpp>
#include <string>

#include "content.h"
#include "dates.h"
#include "error.h"

namespace kyodo {

/// The city as a JSON object; paths below `content_root` are written relative to it.
nlohmann::json CityToJson(const City& city, const std::string& content_root);

/// The city back, paths put below `content_root`, its vocabularies `shared` plus
/// the terms it added (a clash is reported into `diags`). Throws std::exception
/// (nlohmann's, or std::runtime_error with a message in Japanese) on a value of
/// the wrong type, a missing key, or a term the vocabularies lack.
City CityFromJson(const nlohmann::json& j, const std::string& content_root, const Vocabularies& shared,
                  Diagnostics* diags);

/// A date with its precision: "2010-03-01", "2005-03", "1972", "FY2022" (令和4年度).
std::string DateToJson(const Date& date);
/// Throws std::runtime_error for text DateToJson does not write.
Date DateFromJson(const std::string& text);

/// `path` relative to `root` when it lies below it, else unchanged.
std::string BelowRoot(const std::string& root, const std::string& path);

}  // namespace kyodo

#endif  // KYODO_CITY_JSON_H_
