// `kyodo new KIND SLUG`: writes a scaffold that never overwrites an existing file.
#include <algorithm>
#include <map>

#include "city_config.h"
#include "cli_internal.h"
#include "content_loader.h"
#include "reading.h"
#include "scaffold.h"
#include "text.h"
#include "urls.h"

namespace kyodo {

int RunNew(const Args& a, Disk& disk, std::ostream& out, std::ostream& err) {
  static const std::map<std::string, PageKind> kKinds = {{"case", PageKind::kCase},     {"group", PageKind::kGroup},
                                                          {"policy", PageKind::kPolicy}, {"news", PageKind::kNews},
                                                          {"page", PageKind::kPage}};
  if (a.positional.size() != 2) {
    err << "kyodo: kyodo new <case|group|policy|news|page|form|city> <SLUG> [--city CITY] の形で指定してください\n";
    return kUsageError;
  }
  const std::string& kind = a.positional[0];
  const std::string& slug = a.positional[1];
  if (!kKinds.count(kind) && kind != "form" && kind != "city") {
    err << "kyodo: 作れる種類は case, group, policy, news, page, form, city です\n";
    return kUsageError;
  }
  if (!IsValidSlug(slug)) {
    // The name the clerk had in mind (事例1, Fureai Matsuri, fureai.md) romanized, as a
    // file name that is not one is answered in kyodo check.
    std::string stem = slug;
    for (std::string_view ext : {".md", ".MD", ".yaml", ".yml"}) {
      if (stem.size() > ext.size() && stem.ends_with(ext)) stem.resize(stem.size() - ext.size());
    }
    ReadingGuesser reading;
    std::string meant = AsciiLower(Nfkc(stem));
    if (!IsValidSlug(meant)) meant = SlugFromName(meant, &reading);
    err << "kyodo: 「" << slug << "」は URL に使えません。半角英小文字・数字・- で書いてください（例: kyodo new " << kind
        << " " << (IsValidSlug(meant) && meant.size() >= 2 ? meant : "cosmos-kaido") << "）\n";
    return kUsageError;
  }
  const std::string& root = a.build.content_dir;
  std::vector<std::pair<std::string, std::string>> files;  // path, text
  std::string e;
  if (kind == "city") {
    std::string dir = JoinPath(root, slug);
    files.push_back({JoinPath(dir, "site.yaml"), ScaffoldSiteYaml(slug)});
    files.push_back({JoinPath(dir, "orgs.yaml"), ScaffoldOrgsYaml()});
  } else {
    // Run from the wrong folder, there is no content/ and so no city: say that, not
    // 「--city で市町村のフォルダを指定してください（）」 with an empty list.
    if (disk.Stat(root) != FileKind::kDir) {
      err << "kyodo: コンテンツのフォルダ「" << root << "」がありません。content/ のあるフォルダで実行するか、"
          << "--content でフォルダを指定してください\n";
      return kUsageError;
    }
    Diagnostics ignored;  // LoadContent below reports a folder that leads outside
    std::vector<std::string> cities = CityFolders(disk, root, &ignored);
    std::string city = a.build.cities.empty() ? (cities.size() == 1 ? cities[0] : "") : a.build.cities[0];
    if (city.empty() || std::find(cities.begin(), cities.end(), city) == cities.end()) {
      std::string all;
      for (const std::string& c : cities) all += (all.empty() ? "" : ", ") + c;
      if (city.empty()) {
        err << "kyodo: --city で市町村のフォルダを指定してください（" << all << "）\n";
      } else {
        err << "kyodo: 市町村のフォルダ「" << JoinPath(root, city) << "」がありません。--city には次のどれかを書いてください: "
            << all << (IsValidSlug(city) ? "（新しい市町村は kyodo new city " + city + " で作れます）" : std::string()) << "\n";
      }
      return kUsageError;
    }
    // The scaffold lists what this city can cite, so load what it has.
    LoadOptions load;
    load.cities = {city};
    Content content = LoadContent(disk, root, load, nullptr, &ignored);
    ScaffoldContext ctx;
    ctx.today = a.build.build_date;
    if (!content.cities.empty()) {
      const City& c = content.cities[0];
      ctx.vocab = &c.vocab;
      for (const Org& org : c.orgs) ctx.orgs.push_back(org.id);
      for (const Page& p : c.pages) {
        if (p.kind == PageKind::kGroup) ctx.groups.push_back(p.id);
      }
    } else {
      ctx.vocab = &content.shared_vocab;
    }
    std::string dir = JoinPath(root, city);
    if (kind == "form") {
      files.push_back({JoinPath(dir, "forms/" + slug + ".yaml"), ScaffoldForm(ctx)});
    } else {
      PageKind k = kKinds.at(kind);
      files.push_back({JoinPath(dir, std::string(KindDir(k)) + "/" + slug + ".md"), ScaffoldPage(k, ctx)});
    }
  }
  for (const auto& [path, text] : files) {
    if (disk.Exists(path)) {
      err << "kyodo: " << path << " は既にあります（上書きしません）\n";
      return kContentError;
    }
  }
  for (const auto& [path, text] : files) {
    if (!disk.WriteFile(path, text, &e)) {
      err << "kyodo: " << path << " を書けません: " << e << "\n";
      return kContentError;
    }
    out << "作りました: " << path << "\n";
  }
  if (kind == "city") {
    std::string portal_path = JoinPath(root, "_portal.yaml"), portal;
    if (disk.ReadFile(portal_path, &portal, &e)) {
      std::string updated = AddCityToPortal(portal, slug);
      if (updated != portal && disk.WriteFile(portal_path, updated, &e)) out << "追加しました: " << portal_path << " の cities に " << slug << "\n";
    }
  }
  out << "空の項目を埋めてから kyodo check で確かめてください。\n";
  return kOk;
}

}  // namespace kyodo
