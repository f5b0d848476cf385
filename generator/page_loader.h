// Reads one Markdown content file (policy, case, group, news, free page) into a
// Page: front matter keys per kind, dates, vocabulary terms, identifiers.
#ifndef KYODO_PAGE_LOADER_H_
#define KYODO_PAGE_LOADER_H_

#include <optional>
#include <string>

#include "content.h"
#include "error.h"
#include "reading.h"
#include "vocab.h"
#include "yaml_reader.h"

namespace kyodo {

/// The instructions `kyodo new` writes where a page's text goes. They are for the
/// clerk, not the reader: a page published (not draft) with them still there is an error.
inline constexpr const char* kScaffoldBodyHint = "本文を Markdown で書きます。見出しは ## から始めます。";

/// Parses `text` (already checked by PrepareSource) of the file `path`.
/// Returns nullopt when the file cannot be used at all (no front matter, bad YAML);
/// smaller problems are reported and the page is still returned so that every
/// problem of a build is found in one run.
std::optional<Page> LoadPage(const std::string& path, PageKind kind, const std::string& text,
                             const Vocabularies& vocab, ReadingGuesser* reading, Diagnostics* diags);

/// Reads a page from its front-matter keys (problems go to `m.diags()`). For an item
/// of a bulk file (groups.yaml, a groups.csv row) `bulk` is true: its `id:` stands
/// for the file name and `body:` for the Markdown after a .md file's front matter.
Page PageFromFrontMatter(const MapReader& m, const std::string& path, PageKind kind, bool bulk,
                         const Vocabularies& vocab, ReadingGuesser* reading);

/// Reads a date key (ISO or 和暦), reporting one that does not parse.
std::optional<Date> ReadDate(const MapReader& m, const char* key, bool required);
/// `date:` (掲載日) and `updated:` (更新日) of a page or form; an update before the
/// publication is an error at `updated`.
void ReadPublishDates(const MapReader& m, bool date_required, std::optional<Date>* date, std::optional<Date>* updated);

/// The name of a group without its 法人格 (特定非営利活動法人 ○○ → ○○), for readings.
std::string StripCorporateForm(const std::string& name);

/// The 法人格 written at the start or end of a group's name, by its formal name
/// (「NPO法人 ○○」「(特非)○○」 → 特定非営利活動法人), or "" for a group without one.
std::string CorporateFormOf(const std::string& name);

}  // namespace kyodo

#endif  // KYODO_PAGE_LOADER_H_
