#include "content_loader.h"

#include <doctest/doctest.h>

#include <algorithm>

#include "fixture_util.h"

namespace kyodo {
namespace {

TEST_CASE("LoadContent reads *.md page folders and forms/*.yaml, and says which other files it skips") {
  RealDisk real;
  MemoryDisk disk;
  LoadTree(real, SourceDir() + "/tests/sites/basic/content", "content", &disk);
  LoadTree(real, SourceDir() + "/content/saku/forms", "content/kita/forms", &disk);
  const size_t forms = disk.FilesUnder("content/kita/forms").size();
  disk.Add("content/kita/cases/memo.txt", "メモ");
  disk.Add("content/kita/forms/teian.docx", "PK");
  ReadingGuesser reading;
  Diagnostics diags;
  Content content = LoadContent(disk, "content", {}, &reading, &diags);
  std::vector<std::string> skipped;
  for (const Diagnostic& d : diags.items()) {
    if (d.severity == Severity::kWarning && d.message.ends_with("ではないので無視します")) skipped.push_back(d.loc.file);
  }
  CHECK(skipped == std::vector<std::string>{"content/kita/cases/memo.txt", "content/kita/forms/teian.docx"});
  auto kita = std::find_if(content.cities.begin(), content.cities.end(), [](const City& c) { return c.site.slug == "kita"; });
  REQUIRE(kita != content.cities.end());
  CHECK(kita->forms.size() == forms);
  CHECK_FALSE(kita->pages.empty());
}

}  // namespace
}  // namespace kyodo
