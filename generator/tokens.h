// Design tokens: a theme's theme.yaml names its colours, base font size and logo
// slot, and lists which colour pairs are text on a background (or a UI part next
// to one). A city's site.yaml `tokens:` overrides values. The build resolves the
// city's tokens, refuses any declared pair under the WCAG contrast JIS X 8341-3
// requires — with the error at the line that set the colour — and emits the
// values as CSS custom properties the theme's stylesheet uses.
#ifndef KYODO_TOKENS_H_
#define KYODO_TOKENS_H_

#include <map>
#include <string>
#include <vector>

#include "color.h"
#include "content.h"
#include "disk.h"
#include "error.h"

namespace kyodo {

/// What a token holds, known from its name: color_* are colours, font_size_* are
/// font sizes, logo is an image under the city's assets/.
enum class TokenKind { kColor, kFontSize, kLogo };

struct ThemeToken {
  std::string name;
  TokenKind kind = TokenKind::kColor;
  /// As written: "#0031d8", "$color_primary" (the value of another colour token),
  /// "16px", or an asset path.
  std::string value;
  SourceLoc loc;
};

/// How much contrast a pair needs (達成基準 1.4.3 and WCAG 2.1 1.4.11).
enum class ContrastUse {
  kText,       ///< body-size text: 4.5:1
  kLargeText,  ///< ≥ 24 px, or ≥ 18.66 px bold: 3:1
  kUi,         ///< borders of controls, focus indicators, state marks: 3:1
};

double RequiredRatio(ContrastUse use);

/// A foreground/background pair the theme's CSS draws, as theme.yaml declares it.
struct ContrastPair {
  std::string fg, bg;  ///< colour token names
  ContrastUse use = ContrastUse::kText;
  std::string label;   ///< what it is, e.g. 「リンクの文字」
  SourceLoc loc;
};

/// One theme as read from themes/<name>/theme.yaml.
struct Theme {
  std::string name, label;
  /// Files under assets/ bundled, in order, into the theme's one stylesheet; a
  /// name the theme lacks comes from the default theme, and "default/style.css"
  /// takes another theme's file ("style.css" when theme.yaml says nothing).
  std::vector<std::string> stylesheets;
  /// Where each of `stylesheets` is written (the file itself when theme.yaml says nothing).
  std::vector<SourceLoc> stylesheet_locs;
  std::vector<ThemeToken> tokens;
  std::vector<ContrastPair> contrast;
  SourceLoc loc;
  /// False when theme.yaml could not be read or parsed (already reported): a city's
  /// tokens are then not checked against it, or each would be 「ありません」 too.
  bool readable = true;

  const ThemeToken* Find(const std::string& name) const;
};

/// Reads and validates themes_dir/<name>/theme.yaml: token names and values,
/// references, and the pairs. Problems are errors at their theme.yaml line.
Theme LoadTheme(const Disk& disk, const std::string& themes_dir, const std::string& name, Diagnostics* diags);

/// A token's value after overrides and references.
struct ResolvedToken {
  std::string value;  ///< colours as "#rrggbb"; font sizes as a CSS percentage ("112.5%")
  SourceLoc loc;      ///< where the value was written (site.yaml when the city set it)
  bool from_city = false;
  std::string origin;  ///< the token that holds the literal ("color_primary" for "$color_primary")
};

struct ContrastResult {
  ContrastPair pair;
  std::string fg, bg;  ///< "#rrggbb"
  double ratio = 0;
  bool ok = false;
};

/// A theme with one city's overrides applied (or none, for the portal).
struct ResolvedTheme {
  std::string theme;
  std::map<std::string, ResolvedToken> tokens;
  std::vector<ContrastResult> contrast;  ///< every declared pair, in theme.yaml order
  std::string logo;                      ///< asset path below assets/, or ""

  /// The CSS file: one :root rule with a custom property per colour and font
  /// size (color_primary → --color-primary).
  std::string Css(const std::string& comment) const;
};

/// Applies `overrides` (site.yaml tokens:) to `theme` and checks contrast.
/// Reports unknown names (with the nearest), bad values, a logo not among
/// `assets`, and contrast failures. A failure caused by a city's value is
/// reported at its site.yaml line; with `report_theme_failures` also those the
/// theme's own values cause (checked once per theme, not once per city).
ResolvedTheme ResolveTheme(const Theme& theme, const std::map<std::string, Located>& overrides,
                           const std::vector<Asset>& assets, bool report_theme_failures, Diagnostics* diags);

/// "16px" → "100%", "18px" → "112.5%", "125%" → "125%"; nullopt (and `error`)
/// for other units, or sizes under 16 px or over 32 px.
std::optional<std::string> FontSizePercent(const std::string& text, std::string* error);

}  // namespace kyodo

#endif  // KYODO_TOKENS_H_
