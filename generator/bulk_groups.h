// A city's 市民活動団体 register kept as one file instead of one page per group:
// <city>/groups.yaml (a list of group mappings) or <city>/groups.csv (exported from
// a spreadsheet, or the city's own open-data groups.csv edited and saved back).
// Each item gives the same Group page as a groups/*.md file would.
#ifndef KYODO_BULK_GROUPS_H_
#define KYODO_BULK_GROUPS_H_

#include <string>
#include <vector>

#include "content.h"
#include "disk.h"
#include "error.h"
#include "reading.h"
#include "vocab.h"

namespace kyodo {

/// Reads the bulk files `paths` (groups.yaml and/or groups.csv of one city, already
/// found and checked to stay inside content/). Items use the group front-matter keys
/// plus `id` (what the file name is for a .md) and `body` (Markdown). `existing` are
/// the pages read from groups/*.md: an id given twice across the three sources is
/// an error at the later item, which is then left out.
///
/// Every item of a file shares that file as its `source`, so links in a `body` are
/// relative to the bulk file (cases/x.md from content/<city>/groups.csv). Other
/// pages link to a bulk group as if it had its own file: ../groups/<id>.md.
std::vector<Page> LoadBulkGroups(const Disk& disk, const std::vector<std::string>& paths,
                                 const std::vector<Page>& existing, const Vocabularies& vocab,
                                 ReadingGuesser* reading, Diagnostics* diags);

}  // namespace kyodo

#endif  // KYODO_BULK_GROUPS_H_
