// Every folder under tests/sites_invalid/ (except _base) is one mistake a city
// clerk can make. Its content/ is laid over _base/content/; kyodo runs in memory
// with the arguments in `args` (default: check) and must print exactly
// expected_stderr.txt and exit with expected_exit. The same content given to
// `kyodo build` must leave a previously published site untouched.
#include <doctest/doctest.h>

#include <map>
#include <sstream>

#include "cli.h"
#include "disk.h"
#include "fixture_util.h"

namespace kyodo {

namespace {

struct Run {
  int exit = 0;
  std::string out, err;
};

Run RunIn(MemoryDisk* disk, const std::vector<std::string>& args) {
  std::ostringstream out, err;
  Run r;
  r.exit = RunCli(args, *disk, out, err);
  r.out = out.str();
  r.err = err.str();
  return r;
}

std::vector<std::string> SplitArgs(const std::string& text) {
  std::vector<std::string> args;
  std::istringstream in(text);
  for (std::string a; in >> a;) args.push_back(a);
  return args;
}

void LoadFixture(const RealDisk& real, const std::string& root, const std::string& dir, MemoryDisk* mem) {
  LoadTree(real, root + "/templates", "templates", mem);
  LoadTree(real, root + "/themes", "themes", mem);
  LoadTree(real, root + "/tests/sites_invalid/_base/content", "content", mem);
  LoadTree(real, dir + "/content", "content", mem);
  LoadTree(real, dir + "/themes", "themes", mem);
}

}  // namespace

TEST_CASE("invalid content: exact messages, exit codes, and the published site is left alone") {
  RealDisk real;
  std::string root = SourceDir();
  std::string cases = root + "/tests/sites_invalid";
  int checked = 0;
  for (const std::string& name : real.ListDir(cases)) {
    if (name[0] == '_' || real.Stat(cases + "/" + name) != FileKind::kDir) continue;
    std::string dir = cases + "/" + name;
    CAPTURE(name);
    MemoryDisk mem;
    LoadFixture(real, root, dir, &mem);
    std::string args_text = "check", err;
    real.ReadFile(dir + "/args", &args_text, &err);
    std::vector<std::string> args = SplitArgs(args_text);
    args.push_back("--build-date");
    args.push_back("2026-04-01");
    Run run = RunIn(&mem, args);

    std::string expected_err, expected_exit;
    if (UpdateGolden()) {
      real.WriteFile(dir + "/expected_stderr.txt", run.err, &err);
      real.WriteFile(dir + "/expected_exit", std::to_string(run.exit) + "\n", &err);
    }
    REQUIRE(real.ReadFile(dir + "/expected_stderr.txt", &expected_err, &err));
    REQUIRE(real.ReadFile(dir + "/expected_exit", &expected_exit, &err));
    CHECK(run.err == expected_err);
    CHECK(run.exit == std::stoi(expected_exit));
    CHECK(run.exit != 0);

    if (args[0] == "check") {
      // The same content through `kyodo build` must not touch the old site.
      mem.Add("site/.kyodo-site", "");
      mem.Add("site/index.html", "前回のサイト");
      std::map<std::string, std::pair<std::string, int64_t>> before;
      for (const std::string& f : mem.FilesUnder("site")) {
        std::string bytes;
        mem.ReadFile(f, &bytes, &err);
        before[f] = {bytes, mem.MTimeNs(f)};
      }
      std::vector<std::string> build_args = args;
      build_args[0] = "build";
      Run build = RunIn(&mem, build_args);
      CHECK(build.exit == run.exit);
      // It reports every problem check does (not only the loading stage's), then
      // says the site was left alone (a usage error is the same message for both).
      std::string check_err = run.err;
      const std::string summary_end = "件。\n";
      if (check_err.size() > summary_end.size() && check_err.ends_with(summary_end)) {
        check_err.insert(check_err.size() - 1, "site/ は変更していません。");
      }
      CHECK(build.err == check_err);
      std::map<std::string, std::pair<std::string, int64_t>> after;
      for (const std::string& f : mem.FilesUnder("site")) {
        std::string bytes;
        mem.ReadFile(f, &bytes, &err);
        after[f] = {bytes, mem.MTimeNs(f)};
      }
      CHECK(after == before);
      CHECK(mem.FilesUnder("site.kyodo-new").empty());
    }
    ++checked;
  }
  CHECK(checked >= 20);
}

}  // namespace kyodo
