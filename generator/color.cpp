#include "color.h"

#include <cmath>
#include <cstdio>

namespace kyodo {

namespace {

int HexDigit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// WCAG 2.x linearisation of one 8-bit sRGB channel. WCAG writes the threshold as
// 0.03928 (from an old sRGB draft) and newer texts as 0.04045; no 8-bit value
// lies between them, so both give the same result.
double Linear(int channel) {
  double c = channel / 255.0;
  return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
}

Color Mix(Color from, Color to, double t) {
  auto mix = [t](int a, int b) { return static_cast<int>(std::lround(a + (b - a) * t)); };
  return {mix(from.r, to.r), mix(from.g, to.g), mix(from.b, to.b)};
}

}  // namespace

std::optional<Color> ParseColor(std::string_view text, std::string* error) {
  auto fail = [&](const std::string& why) -> std::optional<Color> {
    *error = why;
    return std::nullopt;
  };
  if (text.empty() || text[0] != '#') {
    return fail("色「" + std::string(text) + "」は #1a2b3c のように # と16進数で書いてください");
  }
  std::string_view hex = text.substr(1);
  if (hex.size() != 3 && hex.size() != 6) {
    return fail("色「" + std::string(text) + "」は #rgb か #rrggbb（16進数3桁か6桁）で書いてください");
  }
  int v[6];
  for (size_t i = 0; i < hex.size(); ++i) {
    v[i] = HexDigit(hex[i]);
    if (v[i] < 0) return fail("色「" + std::string(text) + "」に16進数（0〜9, a〜f）でない文字があります");
  }
  if (hex.size() == 3) return Color{v[0] * 17, v[1] * 17, v[2] * 17};
  return Color{v[0] * 16 + v[1], v[2] * 16 + v[3], v[4] * 16 + v[5]};
}

std::string ToHex(Color c) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "#%02x%02x%02x", c.r, c.g, c.b);
  return buf;
}

double RelativeLuminance(Color c) {
  return 0.2126 * Linear(c.r) + 0.7152 * Linear(c.g) + 0.0722 * Linear(c.b);
}

double ContrastRatio(Color a, Color b) {
  double la = RelativeLuminance(a), lb = RelativeLuminance(b);
  if (la < lb) std::swap(la, lb);
  return (la + 0.05) / (lb + 0.05);
}

std::string FormatRatio(double ratio) {
  char buf[16];
  // A tiny epsilon keeps exact values such as 4.5 from printing as 4.49.
  std::snprintf(buf, sizeof buf, "%.2f", std::floor(ratio * 100.0 + 1e-9) / 100.0);
  return buf;
}

std::optional<Color> NearestPassing(Color c, Color other, double required) {
  if (ContrastRatio(c, other) >= required) return c;
  // Move away from the other colour's lightness: darker on a light partner.
  Color target = RelativeLuminance(other) > 0.18 ? Color{0, 0, 0} : Color{255, 255, 255};
  if (ContrastRatio(target, other) < required) return std::nullopt;
  double lo = 0, hi = 1;  // hi always passes
  for (int i = 0; i < 20; ++i) {
    double mid = (lo + hi) / 2;
    (ContrastRatio(Mix(c, target, mid), other) >= required ? hi : lo) = mid;
  }
  Color best = Mix(c, target, hi);
  // Rounding to 8 bits may land just under the line: step further until it passes.
  for (double t = hi; ContrastRatio(best, other) < required && t < 1; t += 0.005) best = Mix(c, target, t);
  return ContrastRatio(best, other) >= required ? std::optional<Color>(best) : std::optional<Color>(target);
}

}  // namespace kyodo
