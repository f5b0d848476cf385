#include "asset_safety.h"

#include <algorithm>
#include <array>

#include "source.h"
#include "text.h"

namespace kyodo {

namespace {

// Elements that run script, or hold a document that can, when an SVG is opened as a page.
constexpr std::array<std::string_view, 5> kActiveElements = {"script", "foreignobject", "iframe", "embed", "object"};

// Files a browser shows as a page of the site (or runs as its script), by extension.
struct ActiveType {
  std::string_view ext;
  std::string_view kind;
};
constexpr std::array<ActiveType, 10> kActiveTypes = {{{".html", "HTML"},
                                                      {".htm", "HTML"},
                                                      {".shtml", "HTML"},
                                                      {".xhtml", "XHTML"},
                                                      {".xht", "XHTML"},
                                                      {".xml", "XML"},
                                                      {".xsl", "XSLT"},
                                                      {".xslt", "XSLT"},
                                                      {".js", "JavaScript"},
                                                      {".mjs", "JavaScript"}}};

bool IsNameChar(char c) { return IsAsciiAlnum(static_cast<unsigned char>(c)) || c == ':' || c == '_' || c == '-' || c == '.'; }
bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// "svg:script" → "script", lower case.
std::string LocalName(std::string_view name) {
  const size_t colon = name.rfind(':');
  return AsciiLower(colon == std::string_view::npos ? name : name.substr(colon + 1));
}

// An attribute value as the XML parser hands it on: character references and the
// five predefined entities decoded (others need a DTD, which FindSvgScript reports).
std::string DecodeXmlValue(std::string_view v) {
  std::string out;
  for (size_t i = 0; i < v.size(); ++i) {
    const size_t semi = v[i] == '&' ? v.find(';', i) : std::string_view::npos;
    if (semi == std::string_view::npos || semi - i > 10) {
      out += v[i];
      continue;
    }
    const std::string_view ref = v.substr(i + 1, semi - i - 1);
    uint32_t cp = 0;
    if (ref.size() > 1 && ref[0] == '#') {
      const bool hex = ref[1] == 'x' || ref[1] == 'X';
      for (char c : ref.substr(hex ? 2 : 1)) {
        const int d = IsAsciiDigit(static_cast<unsigned char>(c)) ? c - '0'
                      : hex && std::string_view("abcdef").find(AsciiLower(c)) != std::string_view::npos
                          ? AsciiLower(c) - 'a' + 10
                          : -1;
        if (d < 0 || cp > 0x10FFFF) break;
        cp = cp * (hex ? 16 : 10) + static_cast<uint32_t>(d);
      }
    } else {
      static constexpr std::pair<std::string_view, char> kNamed[] = {
          {"amp", '&'}, {"lt", '<'}, {"gt", '>'}, {"quot", '"'}, {"apos", '\''}};
      for (const auto& [name, ch] : kNamed) {
        if (ref == name) cp = static_cast<unsigned char>(ch);
      }
    }
    if (cp == 0 || cp > 0x7F) {  // only ASCII can spell a scheme; keep the rest as written
      out += v[i];
      continue;
    }
    out += static_cast<char>(cp);
    i = semi;
  }
  return out;
}

// "javascript" or "vbscript" when `value` is such an address however spelled (browsers
// drop leading spaces and controls, and tabs and line breaks anywhere in a URL); "" otherwise.
std::string ScriptScheme(std::string_view value) {
  std::string scheme;
  for (char c : DecodeXmlValue(value)) {
    if (static_cast<unsigned char>(c) <= 0x20) continue;
    if (c == ':') return scheme == "javascript" || scheme == "vbscript" ? scheme : "";
    if (!IsAsciiAlnum(static_cast<unsigned char>(c)) && c != '+' && c != '-' && c != '.') return "";
    scheme += AsciiLower(c);
  }
  return "";
}

// One start tag from `<` at `at`: the first active part of it, or none. `*end` is
// where the tag ends.
SvgScript ScanTag(std::string_view s, size_t at, size_t* end) {
  size_t i = at + 1;
  const size_t name_start = i;
  while (i < s.size() && IsNameChar(s[i])) ++i;
  const std::string element = LocalName(s.substr(name_start, i - name_start));
  SvgScript found;
  if (std::find(kActiveElements.begin(), kActiveElements.end(), element) != kActiveElements.end()) {
    found.offset = at;
    found.what.append("<").append(s.substr(name_start, i - name_start)).append(">");
  }
  while (i < s.size() && s[i] != '>') {
    if (!IsNameChar(s[i])) {
      ++i;
      continue;
    }
    const size_t attr_at = i;
    while (i < s.size() && IsNameChar(s[i])) ++i;
    const std::string_view attr = s.substr(attr_at, i - attr_at);
    while (i < s.size() && IsSpace(s[i])) ++i;
    std::string_view value;
    if (i < s.size() && s[i] == '=') {
      ++i;
      while (i < s.size() && IsSpace(s[i])) ++i;
      if (i < s.size() && (s[i] == '"' || s[i] == '\'')) {
        const size_t close = std::min(s.find(s[i], i + 1), s.size());
        value = s.substr(i + 1, close - i - 1);
        i = close + 1;
      }
    }
    if (found.offset != std::string_view::npos) continue;
    if (LocalName(attr).starts_with("on")) {
      found = {attr_at, std::string(attr) + "="};
    } else if (std::string scheme = ScriptScheme(value); !scheme.empty()) {
      found = {attr_at, std::string(attr) + "=\"" + scheme + ":…\""};
    }
  }
  *end = i;
  return found;
}

constexpr const char* kUnsafeHint = "（どうしても必要なら、市町村の site.yaml で unsafe_html: true にすると公開します）";

}  // namespace

SvgScript FindSvgScript(std::string_view svg) {
  for (size_t i = svg.find('<'); i != std::string_view::npos; i = svg.find('<', i + 1)) {
    const std::string_view rest = svg.substr(i);
    if (rest.starts_with("<!--")) {
      i = std::min(svg.find("-->", i), svg.size());
    } else if (rest.starts_with("<![CDATA[")) {
      i = std::min(svg.find("]]>", i), svg.size());
    } else if (AsciiLower(rest.substr(0, 8)) == "<!entity") {
      return {i, "<!ENTITY>"};  // an entity can spell javascript: where no scan sees it
    } else if (rest.starts_with("<?xml-stylesheet")) {
      return {i, "<?xml-stylesheet?>"};  // an XSLT sheet can make the SVG a page with script
    } else if (i + 1 < svg.size() && (IsNameChar(svg[i + 1]) && svg[i + 1] != '-' && svg[i + 1] != '.')) {
      size_t end = i;
      SvgScript found = ScanTag(svg, i, &end);
      if (found.offset != std::string_view::npos) return found;
      i = end;
    }
    if (i >= svg.size()) break;
  }
  return {};
}

void CheckActiveAssets(const Disk& disk, const std::vector<Asset>& assets, bool unsafe_html, Diagnostics* diags) {
  if (unsafe_html) return;
  for (const Asset& asset : assets) {
    const std::string ext = AsciiLower(asset.rel.substr(std::min(asset.rel.size(), asset.rel.rfind('.'))));
    for (const ActiveType& type : kActiveTypes) {
      if (ext != type.ext) continue;
      diags->Error({asset.source, 0, 0},
                   "assets/ の「" + asset.rel + "」は " + std::string(type.kind) +
                       " のファイルなので公開できません（開くと、市町村のサイトとしてスクリプトが動くため）",
                   "内容は Markdown のページ（pages/）か PDF にしてください" + std::string(kUnsafeHint));
    }
    if (ext != ".svg") continue;
    std::string text, err;
    if (!disk.ReadFile(asset.source, &text, &err)) continue;  // copying reports it
    const SvgScript found = FindSvgScript(text);
    if (found.offset == std::string_view::npos) continue;
    diags->Error(LocOfByte(asset.source, text, found.offset),
                 "SVG「" + asset.rel + "」にスクリプト（" + found.what + "）があります（画像を開くと、市町村のサイトとして動くため公開できません）",
                 "スクリプトのない SVG に書き出し直すか、PNG にしてください" + std::string(kUnsafeHint));
  }
}

}  // namespace kyodo
