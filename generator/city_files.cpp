#include "city_files.h"

#include <algorithm>
#include <array>
#include <string_view>

#include "text.h"

namespace kyodo {

namespace {

constexpr std::array<std::string_view, 5> kFiles = {"site.yaml", "orgs.yaml", "_taxonomies.yaml", "groups.yaml",
                                                    "groups.csv"};
constexpr std::array<std::string_view, 7> kFolders = {"policies", "cases", "groups", "news", "pages", "forms", "assets"};

// Where a file the clerk put beside site.yaml belongs.
std::string FileHint(const std::string& name, const std::string& dir) {
  const std::string ext = LowerExtension(name);
  // Notepad's 「site.yaml.txt」: the name kyodo reads, with .txt added.
  const std::string without_txt = ext == ".txt" ? name.substr(0, name.size() - 4) : "";
  if (std::find(kFiles.begin(), kFiles.end(), without_txt) != kFiles.end()) {
    return "ファイル名を「" + without_txt + "」にしてください。" + kNotepadTxtHint;
  }
  if (ext == ".xlsx" || ext == ".xls" || ext == ".ods") {
    return "団体の台帳なら、Excel の「名前を付けて保存」でファイルの種類に「CSV UTF-8（コンマ区切り）」を選び、groups.csv として保存してください。"
           "資料として載せるなら " + dir + "/assets/ に置きます";
  }
  if (ext == ".md") {
    return "ページは種類ごとのフォルダ（cases/、news/、pages/ など）に置いてください";
  }
  return "画像や資料は " + dir + "/assets/ に置いてください（市町村のフォルダで読むファイル: site.yaml, orgs.yaml, "
         "_taxonomies.yaml, groups.yaml, groups.csv）";
}

}  // namespace

void CheckCityFolderEntries(const Disk& disk, const std::string& dir, Diagnostics* diags) {
  for (const std::string& name : disk.ListDir(dir)) {
    if (name.empty() || name[0] == '.') continue;
    const std::string path = JoinPath(dir, name);
    if (disk.Stat(path) == FileKind::kDir) {
      if (std::find(kFolders.begin(), kFolders.end(), name) != kFolders.end()) continue;
      diags->Warning({path, 0, 0}, "このフォルダは読みません（公開されません）",
                     "使えるフォルダは policies, cases, groups, news, pages, forms, assets です。画像や資料は " + dir +
                         "/assets/ の中に置けます");
    } else if (std::find(kFiles.begin(), kFiles.end(), name) == kFiles.end()) {
      diags->Warning({path, 0, 0}, "市町村のフォルダのこのファイルは読みません（公開されません）", FileHint(name, dir));
    }
  }
}

}  // namespace kyodo
