// sRGB colours as design tokens write them, and the WCAG 2.x contrast maths that
// JIS X 8341-3 達成基準 1.4.3 (and WCAG 2.1 1.4.11) are judged by.
#ifndef KYODO_COLOR_H_
#define KYODO_COLOR_H_

#include <optional>
#include <string>
#include <string_view>

namespace kyodo {

struct Color {
  int r = 0, g = 0, b = 0;  ///< 0–255 each
  bool operator==(const Color&) const = default;
};

/// Parses "#rgb" or "#rrggbb" (hex digits in either case). Anything else —
/// names such as "red", rgb(), "#rrggbbaa" (transparency makes contrast depend on
/// what is behind) — returns nullopt and sets `error` to a Japanese explanation.
std::optional<Color> ParseColor(std::string_view text, std::string* error);

/// "#rrggbb" in lower case: the one form written to CSS and shown in messages.
std::string ToHex(Color c);

/// WCAG 2.x relative luminance (0 = black, 1 = white) of an sRGB colour.
double RelativeLuminance(Color c);

/// WCAG contrast ratio (L1 + 0.05) / (L2 + 0.05), from 1 to 21, either order.
double ContrastRatio(Color a, Color b);

/// The ratio as shown to people: cut (not rounded) to two decimals, so a ratio
/// that fails 4.5 is never printed as "4.50". 2.847 → "2.84".
std::string FormatRatio(double ratio);

/// The colour nearest to `c` (mixing it towards black, or towards white when
/// `other` is dark) whose contrast with `other` is at least `required`; used for
/// the fix hint of a contrast error. Returns nullopt if even black/white fails.
std::optional<Color> NearestPassing(Color c, Color other, double required);

}  // namespace kyodo

#endif  // KYODO_COLOR_H_
