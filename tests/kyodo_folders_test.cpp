// templates/ and themes/ come with kyodo; a clerk may run it from any folder.
#include <doctest/doctest.h>
#include <unistd.h>

#include <cstdlib>
#include <sstream>

#include "cli.h"
#include "disk.h"
#include "fixture_util.h"

namespace kyodo {

namespace {

void CopyFolder(RealDisk* disk, const std::string& from, const std::string& to) {
  for (const std::string& name : disk->ListDir(from)) {
    const std::string path = JoinPath(from, name);
    if (disk->Stat(path) == FileKind::kDir) {
      CopyFolder(disk, path, JoinPath(to, name));
      continue;
    }
    std::string bytes, err;
    REQUIRE(disk->ReadFile(path, &bytes, &err));
    REQUIRE(disk->WriteFile(JoinPath(to, name), bytes, &err));
  }
}

}  // namespace

TEST_CASE("run from another folder, kyodo finds templates/ and themes/ beside the content, or names the missing one") {
  char dir[] = "/tmp/kyodo-folders-XXXXXX";
  REQUIRE(::mkdtemp(dir) != nullptr);
  const std::string tmp = dir, project = tmp + "/project", elsewhere = tmp + "/elsewhere";
  RealDisk disk;
  CopyFolder(&disk, SourceDir() + "/tests/sites/basic/content", project + "/content");
  REQUIRE(::symlink((SourceDir() + "/templates").c_str(), (project + "/templates").c_str()) == 0);
  REQUIRE(::symlink((SourceDir() + "/themes").c_str(), (project + "/themes").c_str()) == 0);
  std::string err;
  REQUIRE(disk.WriteFile(elsewhere + "/memo.txt", "", &err));
  char cwd[4096];
  REQUIRE(::getcwd(cwd, sizeof cwd) != nullptr);
  REQUIRE(::chdir(elsewhere.c_str()) == 0);

  std::ostringstream out, found, missing;
  const int found_exit = RunCli({"check", "--content", project + "/content", "--build-date", "2026-04-01"}, disk, out, found);
  const int missing_exit = RunCli({"check", "--content", project + "/content", "--themes", "mythemes"}, disk, out, missing);
  REQUIRE(::chdir(cwd) == 0);
  disk.RemoveAll(tmp, &err);

  CHECK(found_exit == 0);
  CHECK(found.str().find("テンプレート") == std::string::npos);
  CHECK(missing_exit == 2);
  CHECK(missing.str() ==
        "kyodo: フォルダ「mythemes」が見つかりません。kyodo のフォルダ（templates/ と themes/ のある所）で実行するか、"
        "--themes でフォルダを指定してください\n");
}

}  // namespace kyodo
