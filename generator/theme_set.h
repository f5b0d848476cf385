// The themes one build uses: each theme's theme.yaml, each city's tokens resolved
// against its theme (contrast checked), and the CSS files that follow from them —
// a theme's stylesheet bundle and the small design-token stylesheet linked after it.
#ifndef KYODO_THEME_SET_H_
#define KYODO_THEME_SET_H_

#include <map>
#include <string>
#include <utility>
#include <vector>

#include "content.h"
#include "disk.h"
#include "error.h"
#include "tokens.h"

namespace kyodo {

/// The hint for a city's theme: that is no folder of themes/: the nearest name
/// (「default」ではありませんか), or the names there are when none is near (theme: 標準).
std::string UnknownThemeHint(const Disk& disk, const std::string& themes_dir, const std::string& theme);

class ThemeSet {
 public:
  /// Reads theme.yaml of every name in `themes` (which must include "default").
  /// A theme folder without theme.yaml takes the default theme's tokens, so a
  /// theme that only overrides templates needs no copy of them.
  void Load(const Disk& disk, const std::string& themes_dir, const std::vector<std::string>& themes,
            Diagnostics* diags);

  /// Resolves the portal (default theme, no overrides) and every city's tokens.
  /// Reports each theme's own contrast failures once, and each city's at its
  /// site.yaml lines.
  void Resolve(const Content& content, Diagnostics* diags);

  const Theme& theme(const std::string& name) const;
  /// The resolved design of city `city`, or of the portal for -1.
  const ResolvedTheme& ForCity(int city) const;

  /// The designs the pages of `city` use, labelled for the accessibility page:
  /// the city's own, or (portal, -1) the portal's and every city's.
  std::vector<std::pair<std::string, const ResolvedTheme*>> Palettes(const Content& content, int city) const;

  /// The theme's stylesheet: its `stylesheets` files joined in order, each taken
  /// from the theme's assets/ or else the default theme's; "default/style.css"
  /// names another theme's file explicitly (a theme layered on that one).
  std::string Bundle(const Disk& disk, const std::string& name, Diagnostics* diags) const;
  /// The files a theme publishes under assets/<theme>/: its own assets/ (subfolders
  /// included, as "img/logo.svg"), then the default theme's for what it lacks.
  /// Maps the path under assets/ to the file to read; dot files are left out.
  std::map<std::string, std::string> AssetFiles(const Disk& disk, const std::string& name) const;
  /// True for asset file names that go into the bundle instead of being copied.
  bool IsBundled(const std::string& theme, const std::string& file) const;

 private:
  std::string MissingStylesheetHint(const Disk& disk, const std::string& name, const std::string& from,
                                    const std::string& file) const;

  std::string themes_dir_;
  std::map<std::string, Theme> themes_;
  ResolvedTheme portal_;
  std::vector<ResolvedTheme> cities_;
};

}  // namespace kyodo

#endif  // KYODO_THEME_SET_H_
