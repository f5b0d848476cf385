// The names a city's assets/ files are published under. Files come from every kind
// of computer: a Mac (Finder, a zip made on one) writes ガ as カ + ゛ (NFD) while the
// Markdown typed on Windows has ガ, and a Windows server (IIS) sees Map.png and
// map.png as one file. Assets are published and linked under their NFC name, and
// names that would clash on the server are reported.
#ifndef KYODO_ASSET_NAMES_H_
#define KYODO_ASSET_NAMES_H_

#include <string>
#include <string_view>
#include <vector>

#include "content.h"
#include "error.h"

namespace kyodo {

/// The name a file path is published and looked up under: its NFC form
/// (ASCII paths, nearly all of them, are returned as they are without ICU).
std::string AssetKey(std::string_view path);

/// Reports assets of one city whose published names clash: one name written in two
/// Unicode forms (an error: both would be one file) or names that differ only in
/// upper and lower case (a warning: one of them is lost on a Windows server); and
/// names with a character a Windows server cannot store or IIS refuses in URLs (a warning).
void CheckAssetNames(const std::vector<Asset>& assets, Diagnostics* diags);

}  // namespace kyodo

#endif  // KYODO_ASSET_NAMES_H_
