// `kyodo new`: the text of a new content file with every field, a one-line
// Japanese comment per field and the allowed vocabulary values listed. Required
// values are left empty so `kyodo check` points at each until it is filled in.
#ifndef KYODO_SCAFFOLD_H_
#define KYODO_SCAFFOLD_H_

#include <string>
#include <vector>

#include "content.h"
#include "dates.h"
#include "vocab.h"

namespace kyodo {

/// What the new file may cite: the city's vocabularies, org ids and group ids.
struct ScaffoldContext {
  const Vocabularies* vocab = nullptr;
  std::vector<std::string> orgs;
  std::vector<std::string> groups;
  Date today;
};

/// A Markdown file of `kind` (policy, case, group, news, page).
std::string ScaffoldPage(PageKind kind, const ScaffoldContext& ctx);
/// A form definition (forms/<slug>.yaml).
std::string ScaffoldForm(const ScaffoldContext& ctx);
/// A new municipality's site.yaml and orgs.yaml.
std::string ScaffoldSiteYaml(const std::string& slug);
std::string ScaffoldOrgsYaml();

/// `portal_yaml` with `slug` added to its `cities:` list (flow or block style),
/// or unchanged if it is already there or there is no list (every folder is used).
std::string AddCityToPortal(const std::string& portal_yaml, const std::string& slug);

}  // namespace kyodo

#endif  // KYODO_SCAFFOLD_H_
