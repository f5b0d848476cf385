#include "disk.h"

#include <doctest/doctest.h>

namespace kyodo {

TEST_CASE("path helpers") {
  CHECK(JoinPath("content", "saku") == "content/saku");
  CHECK(JoinPath("content/", "saku") == "content/saku");
  CHECK(JoinPath("", "saku") == "saku");
  CHECK(DirName("content/saku/cases/a.md") == "content/saku/cases");
  CHECK(DirName("a.md") == "");
  CHECK(BaseName("content/saku/cases/a.md") == "a.md");
  CHECK(StemOf("content/saku/cases/balloon.md") == "balloon");
  CHECK(StemOf(".hidden") == ".hidden");
  CHECK(LowerExtension("content/saku/assets/IMG_0001.HEIC") == ".heic");
  CHECK(LowerExtension("https://example.jp/a.jpg?x=.heic#y") == ".jpg");
  CHECK(LowerExtension("../assets/heic.d/photo") == "");  // a dot in a folder is no extension
  CHECK(LowerExtension(".htaccess") == "");
  CHECK(LowerExtension("site.yaml.txt") == ".txt");
  CHECK(NormalizePath("content/saku/cases/../policies/./x.md") == "content/saku/policies/x.md");
  CHECK(NormalizePath("a/../../b") == "");  // climbs above the start
  CHECK(NormalizePath("/abs/./x") == "/abs/x");
  CHECK(IsUnder("content/saku/cases/a.md", "content/saku"));
  CHECK(IsUnder("content/saku/cases/a.md", "content"));
  CHECK_FALSE(IsUnder("content/sakuho/a.md", "content/saku"));
  CHECK_FALSE(IsUnder("content/saku", "content/saku"));
  CHECK_FALSE(IsUnder("content", "content/saku"));
  CHECK(WithoutTrailingSlash("site//") == "site");
  CHECK(WithoutTrailingSlash("/") == "/");
}

TEST_CASE("MemoryDisk lists folders, reads, renames and exchanges like a file system") {
  MemoryDisk disk;
  disk.Add("site/index.html", "old");
  disk.Add("site/saku/index.html", "old saku");
  disk.Add("new/index.html", "new");
  CHECK(disk.Stat("site") == FileKind::kDir);
  CHECK(disk.Stat("site/index.html") == FileKind::kFile);
  CHECK(disk.Stat("nope") == FileKind::kMissing);
  CHECK(disk.ListDir("site") == std::vector<std::string>{"index.html", "saku"});
  std::string text, err;
  CHECK(disk.ReadFile("site/saku/index.html", &text, &err));
  CHECK(text == "old saku");
  CHECK_FALSE(disk.ReadFile("site/none", &text, &err));

  int64_t old_mtime = disk.MTimeNs("site/index.html");
  CHECK(disk.Exchange("new", "site", &err));
  CHECK(disk.ReadFile("site/index.html", &text, &err));
  CHECK(text == "new");
  CHECK(disk.ReadFile("new/saku/index.html", &text, &err));
  CHECK(text == "old saku");
  CHECK(disk.MTimeNs("new/index.html") == old_mtime);

  CHECK(disk.HardLink("new/index.html", "site/copy.html", &err));
  CHECK(disk.MTimeNs("site/copy.html") == old_mtime);
  CHECK(disk.RemoveAll("new", &err));
  CHECK(disk.Stat("new") == FileKind::kMissing);
}

TEST_CASE("MemoryDisk symlinks resolve for the content guard") {
  MemoryDisk disk;
  disk.Add("content/a.md", "x");
  disk.AddSymlink("content/evil.md", "/etc/passwd");
  CHECK(disk.IsSymlink("content/evil.md"));
  CHECK_FALSE(disk.IsSymlink("content/a.md"));
  CHECK(disk.Canonical("content/evil.md") == "/mem//etc/passwd");
  CHECK(disk.Canonical("content") == "/mem/content");
}

}  // namespace kyodo
