// Bytes → the Markdown post-passes. With raw HTML off, no script may reach the
// page: no <script, no on*= attribute from the author, no javascript: href.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "markdown.h"

using namespace kyodo;

namespace {

std::string Lower(const std::string& s) {
  std::string out;
  for (char c : s) out += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > 200000) return 0;
  std::string md(reinterpret_cast<const char*>(data), size);
  static MarkdownEngine* engine = new MarkdownEngine();
  for (bool unsafe : {false, true}) {
    Diagnostics d;
    MarkdownOptions options;
    options.unsafe_html = unsafe;
    RenderedMarkdown r = engine->Render(md, "f.md", 3, options,
                                        [](const LinkRequest& link) { return link.url + "#x"; }, &d);
    if (unsafe) continue;
    std::string html = Lower(r.html);
    if (html.find("<script") != std::string::npos || html.find("href=\"javascript:") != std::string::npos ||
        html.find("src=\"javascript:") != std::string::npos || html.find("<iframe") != std::string::npos) {
      std::abort();
    }
  }
  return 0;
}
