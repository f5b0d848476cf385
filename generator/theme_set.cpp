#include "theme_set.h"

#include <algorithm>

#include "text.h"

namespace kyodo {

std::string UnknownThemeHint(const Disk& disk, const std::string& themes_dir, const std::string& theme) {
  std::vector<std::string> names;
  for (const std::string& name : disk.ListDir(themes_dir)) {
    if (!name.starts_with('.') && disk.Stat(JoinPath(themes_dir, name)) == FileKind::kDir) names.push_back(name);
  }
  const auto near = NearestMatches(theme, names, 1);
  if (!near.empty()) return "「" + near[0] + "」ではありませんか";
  // 「theme: 標準」 (the docs call default 標準) is near no name: say which there are.
  std::string list;
  for (const std::string& name : names) list += (list.empty() ? "" : "、") + name;
  return "使えるテーマ: " + list + "（themes/ のフォルダ名。標準の見た目は default）";
}

void ThemeSet::Load(const Disk& disk, const std::string& themes_dir, const std::vector<std::string>& themes,
                    Diagnostics* diags) {
  themes_dir_ = themes_dir;
  themes_["default"] = LoadTheme(disk, themes_dir, "default", diags);
  for (const std::string& name : themes) {
    if (themes_.count(name)) continue;
    if (disk.Stat(JoinPath(JoinPath(themes_dir, name), "theme.yaml")) == FileKind::kFile) {
      themes_[name] = LoadTheme(disk, themes_dir, name, diags);
    } else {
      Theme copy = themes_.at("default");
      copy.name = name;
      themes_[name] = std::move(copy);
    }
  }
}

void ThemeSet::Resolve(const Content& content, Diagnostics* diags) {
  for (const auto& [name, theme] : themes_) {
    // A copy of the default theme's tokens was checked with the default.
    if (name != "default" && theme.loc.file == themes_.at("default").loc.file) continue;
    ResolvedTheme r = ResolveTheme(theme, {}, {}, /*report_theme_failures=*/true, diags);
    if (name == "default") portal_ = std::move(r);
  }
  cities_.clear();
  for (const City& city : content.cities) {
    const Theme& t = theme(city.site.theme);
    cities_.push_back(t.readable ? ResolveTheme(t, city.site.tokens, city.assets, false, diags)
                                 : ResolveTheme(t, {}, {}, false, diags));
  }
}

const Theme& ThemeSet::theme(const std::string& name) const {
  auto it = themes_.find(name);
  return it != themes_.end() ? it->second : themes_.at("default");
}

const ResolvedTheme& ThemeSet::ForCity(int city) const {
  return city >= 0 && static_cast<size_t>(city) < cities_.size() ? cities_[static_cast<size_t>(city)] : portal_;
}

std::vector<std::pair<std::string, const ResolvedTheme*>> ThemeSet::Palettes(const Content& content, int city) const {
  std::vector<std::pair<std::string, const ResolvedTheme*>> out;
  auto label = [&](const std::string& who, const ResolvedTheme& r) {
    const Theme& t = theme(r.theme);
    return who + "（" + (t.label.empty() ? r.theme : t.label) + "）";
  };
  if (city < 0) out.push_back({label(content.portal.title, portal_), &portal_});
  for (size_t c = 0; c < content.cities.size() && c < cities_.size(); ++c) {
    if (city < 0 || static_cast<size_t>(city) == c) out.push_back({label(content.cities[c].site.name, cities_[c]), &cities_[c]});
  }
  return out;
}

namespace {

// Adds the files under `dir` (recursively) that `files` does not have yet.
void AddAssetFiles(const Disk& disk, const std::string& dir, const std::string& prefix,
                   std::map<std::string, std::string>* files) {
  for (const std::string& name : disk.ListDir(dir)) {
    if (name.empty() || name[0] == '.') continue;
    std::string path = JoinPath(dir, name);
    if (disk.Stat(path) == FileKind::kDir) {
      AddAssetFiles(disk, path, prefix + name + "/", files);
    } else {
      files->emplace(prefix + name, path);
    }
  }
}

}  // namespace

std::map<std::string, std::string> ThemeSet::AssetFiles(const Disk& disk, const std::string& name) const {
  std::map<std::string, std::string> files;
  for (const std::string& from : {name, std::string("default")}) {
    AddAssetFiles(disk, JoinPath(JoinPath(themes_dir_, from), "assets"), "", &files);
  }
  return files;
}

bool ThemeSet::IsBundled(const std::string& theme_name, const std::string& file) const {
  const std::vector<std::string>& s = theme(theme_name).stylesheets;
  return std::find(s.begin(), s.end(), file) != s.end();
}

// The nearest CSS file where the entry looks (extras.css → extra.css), else where to put it.
std::string ThemeSet::MissingStylesheetHint(const Disk& disk, const std::string& name, const std::string& from,
                                            const std::string& file) const {
  std::vector<std::string> css;
  for (const auto& [rel, path] : AssetFiles(disk, from)) {
    if (rel.ends_with(".css")) css.push_back(rel);
  }
  std::vector<std::string> near = NearestMatches(file, css, 1);
  if (!near.empty()) return "「" + (from == name ? "" : from + "/") + near[0] + "」ではありませんか";
  return "themes/" + name + "/assets/ に置くか、default/style.css のようにテーマ名を付けてください";
}

std::string ThemeSet::Bundle(const Disk& disk, const std::string& name, Diagnostics* diags) const {
  std::string css;
  const Theme& t = theme(name);
  for (size_t i = 0; i < t.stylesheets.size(); ++i) {
    const std::string& entry = t.stylesheets[i];
    // "default/style.css" names another theme's file (a theme layered on it);
    // a bare name is this theme's, or the default theme's when this one lacks it.
    size_t slash = entry.find('/');
    std::string from = slash == std::string::npos ? name : entry.substr(0, slash);
    std::string file = slash == std::string::npos ? entry : entry.substr(slash + 1);
    std::string path = JoinPath(JoinPath(JoinPath(themes_dir_, from), "assets"), file);
    if (slash == std::string::npos && disk.Stat(path) != FileKind::kFile) {
      path = JoinPath(JoinPath(themes_dir_, "default/assets"), file);
    }
    SourceLoc loc = i < t.stylesheet_locs.size() ? t.stylesheet_locs[i] : t.loc;
    if (disk.Stat(path) != FileKind::kFile) {
      diags->Error(loc, "stylesheets の「" + entry + "」というファイルがありません", MissingStylesheetHint(disk, name, from, file));
      continue;
    }
    std::string bytes, err;
    if (!disk.ReadFile(path, &bytes, &err)) {
      diags->Error(loc, "stylesheets の「" + entry + "」を読めません: " + err);
      continue;
    }
    if (!css.empty() && css.back() != '\n') css += '\n';
    css += bytes;
  }
  return css;
}

}  // namespace kyodo
