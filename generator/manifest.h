// The hand-over of a sharded build. `kyodo build --city SLUG` writes, besides the
// city's pages, one manifest per city (_kyodo/manifests/<slug>.json): everything the
// portal-level outputs need to know about the city and nothing about any other city.
// The portal step (`kyodo build --portal-from DIR…`) reads them back into the same
// Content model a whole build loads, then runs the ordinary index, views and writers.
//
// A manifest carries the city's model without what only its own pages need (page
// bodies and the site.yaml intro, which the shard has rendered) and without source
// locations (the shard has already reported every problem at its line): site.yaml
// facts and design tokens, orgs, the terms the city added to the vocabularies, the
// metadata of each page (summaries already derived from the bodies), forms, assets,
// the search documents of its pages, the HTML pages it wrote, and the links it made
// into other cities (only the portal step can check those). Terms are cited by slug
// and paths relative to content/, so the portal step may run from another folder.
// JSON through nlohmann-json, keys sorted, empty values left out: the same city gives
// the same bytes.
#ifndef KYODO_MANIFEST_H_
#define KYODO_MANIFEST_H_

#include <optional>
#include <string>
#include <vector>

#include "content.h"
#include "dates.h"
#include "disk.h"
#include "error.h"
#include "search_index.h"

namespace kyodo {

/// Bumped whenever the layout changes: an older or newer manifest is refused, never guessed at.
inline constexpr int kManifestFormat = 1;

/// What a city's pages were built with. The portal step refuses manifests whose
/// stamp differs from its own: the merged site would mix two builds.
struct ManifestStamp {
  int format = kManifestFormat;
  std::string generator;  ///< kyodo's version
  std::string inputs;     ///< InputsFingerprint of the files every step reads
  std::string base_url;   ///< --base-url
  bool drafts = false;    ///< --drafts
  Date build_date;        ///< deadlines and the accessibility pages depend on it
};

/// A Markdown link from this city into another city's folder. The shard points it
/// where that file is published by its name (<city>/<kind>/<file stem>/); the portal
/// step, which knows every city, checks the page is there.
struct CrossCityLink {
  std::string source;  ///< the file the link is written in
  int line = 0, col = 0;
  std::string url;        ///< as written ("../../minami/cases/yuki.md#kekka")
  bool image = false;     ///< ![…](…)
  std::string site_path;  ///< where the shard pointed it ("minami/cases/yuki/#kekka")
};

struct CityManifest {
  ManifestStamp stamp;
  City city;
  std::vector<SearchDoc> search_docs;
  std::vector<std::string> pages;  ///< site paths of the HTML pages the shard wrote, sorted
  std::vector<CrossCityLink> links;
};

/// Where a shard writes the manifest of city `slug`, relative to its output folder.
std::string ManifestPath(const std::string& slug);

/// The manifest as JSON. Paths below `content_root` are written relative to it.
std::string WriteManifest(const CityManifest& manifest, const std::string& content_root);

/// Reads a manifest written by WriteManifest; `file` names it in messages. The
/// city's vocabularies are `shared` plus the terms it added; relative paths are
/// put back below `content_root`. A file that is not JSON, not of this format, or
/// cites a term the vocabularies lack is an error (nullopt).
std::optional<CityManifest> ReadManifest(const std::string& file, const std::string& text,
                                         const std::string& content_root, const Vocabularies& shared,
                                         Diagnostics* diags);

/// Reports (at `file`) each way `got` differs from `want`; true when they match.
bool CheckStamp(const std::string& file, const ManifestStamp& got, const ManifestStamp& want, Diagnostics* diags);

/// A hash (16 hex digits) of the files every step of a sharded build reads and a
/// city's pages show: each path given, a file or a folder taken whole, by name
/// relative to it and bytes. Missing paths count as empty.
std::string InputsFingerprint(const Disk& disk, const std::vector<std::string>& paths);

}  // namespace kyodo

#endif  // KYODO_MANIFEST_H_
