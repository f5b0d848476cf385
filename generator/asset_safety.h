// Files under a city's assets/ that would run script on the city's own web address.
// Raw HTML in Markdown is off unless site.yaml sets unsafe_html: true; a file copied
// from assets/ must not be a way around that. An HTML or JavaScript file, or an SVG
// with script in it (a group's logo received by e-mail), runs as the city's site when
// someone opens its address: the same as a <script> pasted into a page.
#ifndef KYODO_ASSET_SAFETY_H_
#define KYODO_ASSET_SAFETY_H_

#include <string>
#include <string_view>
#include <vector>

#include "content.h"
#include "disk.h"
#include "error.h"

namespace kyodo {

/// Where in an SVG's text something can run script, and what it is.
struct SvgScript {
  size_t offset = std::string_view::npos;  ///< byte offset; npos when there is none
  std::string what;                        ///< 「<script>」, 「onload=」, 「javascript:」 …
};

/// The first thing in `svg` that runs script when the SVG is opened as a page: a
/// <script> (any namespace prefix), a <foreignObject>/<iframe>/<embed>/<object>
/// element, an on… event attribute, or an attribute value with a javascript: or
/// vbscript: address (also as <set>/<animate> values, and entity-encoded).
/// Embedded pictures (href="data:image/png;base64,…") are ordinary.
SvgScript FindSvgScript(std::string_view svg);

/// Reports each of `assets` that would run script (see the file comment): HTML,
/// XHTML and JavaScript files by name, SVGs by content, at the file or the line and
/// column of the script. Nothing is reported when `unsafe_html` is set: that city
/// has taken on its HTML itself.
void CheckActiveAssets(const Disk& disk, const std::vector<Asset>& assets, bool unsafe_html, Diagnostics* diags);

}  // namespace kyodo

#endif  // KYODO_ASSET_SAFETY_H_
