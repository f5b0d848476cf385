// What else lies in a city's folder. kyodo reads site.yaml, orgs.yaml, _taxonomies.yaml,
// groups.yaml, groups.csv and the page, form and assets folders there; anything else a
// clerk puts there (the register kept as groups.xlsx, a photo, kouza.md) is not
// published, which is said rather than left silent.
#ifndef KYODO_CITY_FILES_H_
#define KYODO_CITY_FILES_H_

#include <string>

#include "disk.h"
#include "error.h"

namespace kyodo {

/// Why a file is named 「kouza.md.txt」 and how to save it right: Notepad adds .txt unless
/// the file type is set to 「すべてのファイル」.
inline constexpr const char* kNotepadTxtHint =
    "メモ帳が .txt を付けて保存しています。保存するときに「ファイルの種類」を「すべてのファイル」にします";

/// Warns about each file and folder in the city folder `dir` that kyodo does not read,
/// with where it belongs (a spreadsheet as groups.csv, a page in its kind's folder,
/// a file in assets/). Names starting with '.' are left alone, as everywhere.
void CheckCityFolderEntries(const Disk& disk, const std::string& dir, Diagnostics* diags);

}  // namespace kyodo

#endif  // KYODO_CITY_FILES_H_
