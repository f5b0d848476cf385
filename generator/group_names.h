// Two 市民活動団体 of one city under one name. A register of hundreds of groups,
// updated several times a year, gets a group entered twice (a new row with a new ID
// for a group already listed, or a groups/*.md kept beside its groups.csv row); the
// directory then lists two links with the same text that lead to different pages.
#ifndef KYODO_GROUP_NAMES_H_
#define KYODO_GROUP_NAMES_H_

#include <vector>

#include "content.h"
#include "error.h"

namespace kyodo {

/// Warns at each group whose name, without its 法人格 and compared as FoldForMatch
/// does (全角/半角, spaces), is the name of an earlier group of `pages`, naming that
/// group's ID and place. A warning, not an error: two groups may share a name, and
/// then the clerk tells them apart. Drafts are left out (they are not listed).
void WarnSameGroupNames(const std::vector<Page>& pages, Diagnostics* diags);

}  // namespace kyodo

#endif  // KYODO_GROUP_NAMES_H_
