// Walks content/ and reads every file into the Content model, checking what can be
// checked per file and across files (ids, contacts, groups, parents). Problems are
// collected, never thrown, so one run reports all of them.
#ifndef KYODO_CONTENT_LOADER_H_
#define KYODO_CONTENT_LOADER_H_

#include <string>
#include <vector>

#include "content.h"
#include "disk.h"
#include "error.h"
#include "reading.h"

namespace kyodo {

struct LoadOptions {
  bool drafts = false;              ///< publish pages and forms with draft: true
  /// kyodo check: keep unpublished drafts loaded too, so that they are checked like
  /// the rest (they stay in City::unpublished_drafts all the same).
  bool keep_drafts = false;
  std::vector<std::string> cities;  ///< load only these city slugs (empty = all)
  int jobs = 1;
  /// The portal step of a sharded build: read _portal.yaml and _taxonomies.yaml and
  /// list the published cities in order, but leave each City empty (slug and dir
  /// only): their content comes from the shards' manifests.
  bool portal_only = false;
};

/// A contact id (org) of `city` that orgs.yaml does not have is an error at its
/// place, with the nearest id suggested.
void CheckContact(const City& city, const Located& contact, Diagnostics* diags);
/// What a page names elsewhere in its city: its contact, its groups (cases) and its
/// parent plan (policies, without cycles). `page` need not be in `city` yet (an edit
/// is checked against the city as it was). A published page may not name a draft
/// that is not published.
void CheckPageReferences(const City& city, const Page& page, Diagnostics* diags);

/// The city folders under `root` (not _shared or hidden ones; a folder that is a
/// link leading out of `root` is an error and left out).
std::vector<std::string> CityFolders(const Disk& disk, const std::string& root, Diagnostics* diags);

/// Reads the whole content tree under `root`.
Content LoadContent(const Disk& disk, const std::string& root, const LoadOptions& options, ReadingGuesser* reading,
                    Diagnostics* diags);

}  // namespace kyodo

#endif  // KYODO_CONTENT_LOADER_H_
