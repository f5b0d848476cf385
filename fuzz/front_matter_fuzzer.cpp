// Bytes → a content file: source checks, front matter split, YAML, the content
// model of every page kind. Nothing may crash, hang or throw, and every
// diagnostic must point inside the file.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "fuzz_vocab.h"
#include "page_loader.h"
#include "source.h"

using namespace kyodo;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string bytes(reinterpret_cast<const char*>(data), size);
  Diagnostics d;
  auto text = PrepareSource(bytes, "f.md", &d);
  if (!text) return 0;
  int lines = 1;
  for (char c : *text) lines += c == '\n';
  for (PageKind kind : {PageKind::kCase, PageKind::kGroup, PageKind::kPolicy, PageKind::kNews}) {
    Diagnostics pd;
    auto page = LoadPage("f.md", kind, *text, FuzzVocabulary(), nullptr, &pd);
    for (const Diagnostic& diag : pd.items()) {
      if (diag.loc.line < 0 || diag.loc.line > lines || diag.loc.col < 0) std::abort();
    }
    if (page && page->id.find('/') != std::string::npos) std::abort();  // ids become paths
  }
  return 0;
}
