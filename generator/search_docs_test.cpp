// The search index of the real sample content, built in memory: what each page
// contributes, and that the output does not depend on the number of threads.
#include "search_docs.h"

#include <doctest/doctest.h>

#include <memory>

#include "content_loader.h"
#include "disk.h"
#include "reading.h"
#include "site.h"

namespace kyodo {
namespace {

// Copies a folder of the source tree into the memory disk under the same name.
void CopyTree(const RealDisk& real, const std::string& from, const std::string& to, MemoryDisk* mem) {
  for (const std::string& name : real.ListDir(from)) {
    const std::string path = JoinPath(from, name);
    if (real.Stat(path) == FileKind::kDir) {
      CopyTree(real, path, JoinPath(to, name), mem);
    } else {
      std::string bytes, err;
      REQUIRE(real.ReadFile(path, &bytes, &err));
      mem->Add(JoinPath(to, name), bytes);
    }
  }
}

// Builds the sample site into a memory disk; returns the written files under "out/".
std::unique_ptr<MemoryDisk> BuildSample(int jobs) {
  RealDisk real;
  auto mem = std::make_unique<MemoryDisk>();
  for (const char* dir : {"content", "templates", "themes"}) {
    CopyTree(real, JoinPath(KYODO_SOURCE_DIR, dir), dir, mem.get());
  }
  BuildOptions options;
  options.out_dir = "out";
  options.jobs = jobs;
  options.build_date = Date{2026, 4, 1, DatePrecision::kDay};
  BuildResult result;
  Diagnostics diags;
  REQUIRE(BuildSite(*mem, options, &result, &diags));
  return mem;
}

std::string Read(const MemoryDisk& disk, const std::string& path) {
  std::string bytes, err;
  return disk.ReadFile(path, &bytes, &err) ? bytes : "";
}

TEST_CASE("The sample site's search index: pages, aliases and filters") {
  auto built = BuildSample(2);
  const MemoryDisk& site = *built;
  const std::string meta = Read(site, "out/search/meta.js");
  REQUIRE_FALSE(meta.empty());
  // Each city's name and reading, for search.js to find its pages by (さくし 子育て).
  CHECK(meta.find("\"cities\":[[\"saku\",\"佐久市\",\"さくし\",\"佐久市\"],[\"suwa\",\"諏訪市\",\"すわし\",\"諏訪市\"],"
                  "[\"azumino\",\"安曇野市\",\"あづみのし\",\"安曇野市\"],[\"sunagawa\",\"砂川市\",\"すながわし\",\"砂川市\"]]") !=
        std::string::npos);
  CHECK(meta.find("[\"cases\",\"協働事例\"]") != std::string::npos);
  // Every content page, every form and each city's 問い合わせ先 is a document
  // (counted from the content model, so pages from a groups.csv count too).
  std::vector<std::string> docs = site.FilesUnder("out/search/d");
  ReadingGuesser reading;
  Diagnostics diags;
  size_t pages = 0;
  for (const City& city : LoadContent(site, "content", {}, &reading, &diags).cities) {
    pages += city.pages.size() + city.forms.size() + 1;
  }
  CHECK(pages > 30);
  CHECK(docs.size() == pages);
  // The d/ file of the page at `path` ("" when there is none).
  auto doc_of = [&](const std::string& path) {
    for (const std::string& f : docs) {
      std::string d = Read(site, f);
      if (d.find("\"" + path + "\"") != std::string::npos) return d;
    }
    return std::string();
  };
  // A case's terms are in its text; their aliases are in meta.js, with the terms.
  CHECK(doc_of("saku/cases/saku-kosodate-otasuke-mura/").find("分野：") != std::string::npos);
  // 佐久市's contact page by its 課, postal code and telephone number.
  const std::string contact = doc_of("saku/contact/");
  CHECK(contact.find("[\"問い合わせ先\"") != std::string::npos);
  CHECK(contact.find("担当：企画部 広報広聴課") != std::string::npos);
  CHECK(contact.find("所在地：〒385-8501 佐久市中込3056番地") != std::string::npos);
  CHECK(contact.find("電話：0267-62-2111 内線 418、419") != std::string::npos);
  CHECK(meta.find("[\"kodomo\",\"子どもの健全育成\",4,[\"子育て\",\"子育て支援\",\"子ども\",\"青少年育成\",\"児童\"]]") !=
        std::string::npos);
  CHECK(site.Exists("out/search/index.html"));
  CHECK(site.Exists("out/saku/search/index.html"));
  CHECK(site.Exists("out/saku/search/meta.js"));
  // Every page's header search box goes to its city's search page.
  CHECK(Read(site, "out/saku/index.html").find("action=\"../saku/search/index.html\"") != std::string::npos);
  CHECK(Read(site, "out/index.html").find("action=\"search/index.html\"") != std::string::npos);
  const std::string page = Read(site, "out/saku/search/index.html");
  CHECK(page.find("data-root=\"../../\" data-index=\"saku/search/\" data-suffix=\"index.html\"") != std::string::npos);
  CHECK(page.find("search.") != std::string::npos);  // the hashed search.js
  CHECK(page.find("<a href=\"../../saku/kyodo/index.html\">協働の索引</a>") != std::string::npos);
}

TEST_CASE("The search index is byte-identical with one thread and with four") {
  auto built_one = BuildSample(1), built_four = BuildSample(4);
  const MemoryDisk &one = *built_one, &four = *built_four;
  std::vector<std::string> files = one.FilesUnder("out/search");
  CHECK(files == four.FilesUnder("out/search"));
  for (const std::string& f : files) CHECK(Read(one, f) == Read(four, f));
}

TEST_CASE("SearchFacets lists the shared terms of 形態, 分野 and 主体 in vocabulary order") {
  auto built = BuildSample(1);
  const MemoryDisk& site = *built;
  const std::string meta = Read(site, "out/search/meta.js");
  const size_t modes = meta.find("[\"modes\",\"協働の形態\""), fields = meta.find("[\"fields\",\"分野\""),
               actors = meta.find("[\"actors\",\"主体\"");
  CHECK(modes < fields);
  CHECK(fields < actors);
  CHECK(actors != std::string::npos);
  CHECK(meta.find("partnership") == std::string::npos);
}

}  // namespace
}  // namespace kyodo
