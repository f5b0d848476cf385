// Whole-site golden tests: every folder under tests/sites/ has content/ and the
// expected output in expected/ (HTML etc., without the theme's hashed assets),
// plus expected/_messages.txt with the warnings. UPDATE_GOLDEN=1 rewrites
// expected/ for review in the diff; a mismatch prints the first differing lines.
#include <doctest/doctest.h>

#include <algorithm>
#include <set>
#include <sstream>

#include "cli.h"
#include "disk.h"
#include "fixture_util.h"

namespace kyodo {

namespace {

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

// The first place two texts differ, with a little context, like a diff hunk.
std::string FirstDifference(const std::string& expected, const std::string& actual) {
  auto a = Lines(expected), b = Lines(actual);
  size_t i = 0;
  while (i < a.size() && i < b.size() && a[i] == b[i]) ++i;
  std::string out = "first difference at line " + std::to_string(i + 1) + ":\n";
  for (size_t k = i >= 2 ? i - 2 : 0; k < i; ++k) out += "  " + a[k] + "\n";
  for (size_t k = i; k < a.size() && k < i + 3; ++k) out += "- " + a[k] + "\n";
  for (size_t k = i; k < b.size() && k < i + 3; ++k) out += "+ " + b[k] + "\n";
  return out;
}

void CollectFiles(const Disk& disk, const std::string& dir, const std::string& rel, std::set<std::string>* out) {
  for (const std::string& name : disk.ListDir(dir)) {
    std::string path = JoinPath(dir, name), sub = JoinPath(rel, name);
    if (disk.Stat(path) == FileKind::kDir) {
      CollectFiles(disk, path, sub, out);
    } else {
      out->insert(sub);
    }
  }
}

}  // namespace

TEST_CASE("golden sites: the whole output is what was reviewed") {
  RealDisk real;
  std::string root = SourceDir() + "/tests/sites";
  int sites = 0;
  for (const std::string& name : real.ListDir(root)) {
    std::string dir = root + "/" + name;
    CAPTURE(name);
    MemoryDisk mem;
    LoadTree(real, SourceDir() + "/templates", "templates", &mem);
    LoadTree(real, SourceDir() + "/themes", "themes", &mem);
    LoadTree(real, dir + "/content", "content", &mem);
    std::ostringstream out, err;
    int exit = RunCli({"build", "--build-date", "2026-04-01", "--jobs", "2"}, mem, out, err);
    REQUIRE(exit == 0);

    std::map<std::string, std::string> actual;
    for (const std::string& path : mem.FilesUnder("site")) {
      std::string rel = path.substr(5);
      if (rel.rfind("assets/", 0) == 0) continue;  // theme files: reviewed as themes, not here
      std::string bytes, e;
      mem.ReadFile(path, &bytes, &e);
      actual[rel] = bytes;
    }
    actual["_messages.txt"] = err.str();
    std::string expected_dir = dir + "/expected";
    std::string e;
    if (UpdateGolden()) {
      real.RemoveAll(expected_dir, &e);
      for (const auto& [rel, bytes] : actual) real.WriteFile(expected_dir + "/" + rel, bytes, &e);
    }
    std::set<std::string> expected_files;
    CollectFiles(real, expected_dir, "", &expected_files);
    std::set<std::string> actual_files;
    for (const auto& [rel, bytes] : actual) actual_files.insert(rel);
    CHECK(actual_files == expected_files);
    for (const auto& [rel, bytes] : actual) {
      std::string want;
      if (!real.ReadFile(expected_dir + "/" + rel, &want, &e)) continue;
      if (want != bytes) FAIL_CHECK(rel << ": " << FirstDifference(want, bytes));
    }
    ++sites;
  }
  CHECK(sites >= 1);
}

TEST_CASE("--timings prints every stage with its time and the peak memory so far") {
  RealDisk real;
  MemoryDisk mem;
  LoadTree(real, SourceDir() + "/templates", "templates", &mem);
  LoadTree(real, SourceDir() + "/themes", "themes", &mem);
  LoadTree(real, SourceDir() + "/tests/sites/basic/content", "content", &mem);
  std::ostringstream out, err;
  REQUIRE(RunCli({"build", "--build-date", "2026-04-01", "--timings"}, mem, out, err) == 0);
  std::vector<std::string> stages;
  for (const std::string& line : Lines(err.str())) {
    const size_t colon = line.find(": ");
    if (line.rfind("  ", 0) != 0 || colon == std::string::npos) continue;
    const std::string name = line.substr(2, colon - 2);
    if (!std::all_of(name.begin(), name.end(), [](char c) { return c >= 'a' && c <= 'z'; })) continue;  // a hint
    CHECK(line.find(" 秒（最大メモリ ") != std::string::npos);
    CHECK(line.ends_with(" MiB）"));
    stages.push_back(name);
  }
  CHECK(stages == std::vector<std::string>{"load", "assets", "pages", "lists", "search", "opendata", "feeds", "publish"});
}

}  // namespace kyodo
