#include "output.h"

#include <doctest/doctest.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fixture_util.h"

namespace kyodo {
namespace {

// A new folder under /tmp to build `out` (its site/) in, removed with everything in it at the end.
struct TempSite {
  TempSite() {
    REQUIRE(::mkdtemp(dir) != nullptr);
    out = std::string(dir) + "/site";
  }
  ~TempSite() {
    std::string err;
    RealDisk().RemoveAll(dir, &err);
  }
  char dir[32] = "/tmp/kyodo-output-XXXXXX";
  std::string out;
};

TEST_CASE("kyodo serve's in-place writer removes a page with its emptied folders, as a fresh build would not have them") {
  char dir[] = "/tmp/kyodo-output-XXXXXX";
  REQUIRE(::mkdtemp(dir) != nullptr);
  const std::string out = std::string(dir) + "/site";
  RealDisk disk;
  InPlaceWriter writer(&disk, out);
  Diagnostics diags;
  REQUIRE(writer.Write("saku/cases/shinki/index.html", "新規", &diags));
  REQUIRE(writer.Write("saku/cases/hana/index.html", "花", &diags));
  writer.Remove("saku/cases/shinki/index.html");
  CHECK(disk.Stat(out + "/saku/cases/shinki") == FileKind::kMissing);
  CHECK(disk.Stat(out + "/saku/cases/hana/index.html") == FileKind::kFile);  // the folder above still holds a page
  writer.Remove("saku/cases/hana/index.html");
  CHECK(disk.Stat(out + "/saku") == FileKind::kMissing);
  CHECK(disk.Stat(out) == FileKind::kDir);  // never the output folder itself
  std::string err;
  disk.RemoveAll(dir, &err);
}

TEST_CASE("the in-place writer holds changed files until Commit, drops them on Abort, and writes through past its limit") {
  MemoryDisk disk;
  disk.Add("site/a.html", "古い");
  Diagnostics diags;
  {
    InPlaceWriter writer(&disk, "site");
    writer.Hold();
    REQUIRE(writer.Write("a.html", "新しい", &diags));
    REQUIRE(writer.Write("b.html", "追加", &diags));
    CHECK(ReadText(disk, "site/a.html") == "古い");
    CHECK_FALSE(disk.Exists("site/b.html"));
    REQUIRE(writer.Commit(&diags));
    CHECK(ReadText(disk, "site/a.html") == "新しい");
    CHECK(writer.changed() == std::vector<std::string>{"a.html", "b.html"});
  }
  {
    InPlaceWriter writer(&disk, "site");
    writer.Hold();
    REQUIRE(writer.Write("a.html", "壊れた", &diags));
    writer.Abort();
    CHECK(ReadText(disk, "site/a.html") == "新しい");
    CHECK(writer.changed().empty());
  }
  {
    InPlaceWriter writer(&disk, "site");
    writer.Hold(10);  // bytes
    REQUIRE(writer.Write("c.html", "12345", &diags));
    CHECK_FALSE(disk.Exists("site/c.html"));
    REQUIRE(writer.Write("d.html", "1234567890", &diags));  // over the limit: both are written
    CHECK(ReadText(disk, "site/c.html") == "12345");
    CHECK(ReadText(disk, "site/d.html") == "1234567890");
  }
  CHECK(diags.empty());
}

TEST_CASE("an output folder reached through a symlink is replaced where the link points; the link stays") {
  char dir[] = "/tmp/kyodo-output-XXXXXX";
  REQUIRE(::mkdtemp(dir) != nullptr);
  const std::string real = std::string(dir) + "/real", link = std::string(dir) + "/site";
  RealDisk disk;
  std::string err;
  REQUIRE(disk.WriteFile(real + "/" + SiteWriter::kMarker, "", &err));
  REQUIRE(disk.WriteFile(real + "/old.html", "前", &err));
  REQUIRE(::symlink(real.c_str(), link.c_str()) == 0);
  SiteWriter writer(&disk, link);
  Diagnostics diags;
  REQUIRE(writer.Begin(&diags));
  REQUIRE(writer.Write("index.html", "新", &diags));
  REQUIRE(writer.Commit(&diags));
  CHECK(disk.IsSymlink(link));
  CHECK(disk.Stat(real + "/old.html") == FileKind::kMissing);
  std::string page;
  REQUIRE(disk.ReadFile(link + "/index.html", &page, &err));
  CHECK(page == "新");
  CHECK(disk.Stat(real + ".kyodo-new") == FileKind::kMissing);
  // A link to nothing is refused rather than replaced by a folder.
  REQUIRE(::unlink(link.c_str()) == 0);
  REQUIRE(::symlink((std::string(dir) + "/nai").c_str(), link.c_str()) == 0);
  SiteWriter dangling(&disk, link);
  Diagnostics refused;
  CHECK_FALSE(dangling.Begin(&refused));
  CHECK(refused.items().back().message == "出力先はシンボリックリンクですが、リンク先のフォルダがありません");
  CHECK(disk.IsSymlink(link));
  disk.RemoveAll(dir, &err);
}

TEST_CASE("the new site keeps the mode and group the administrator gave the output folder") {
  TempSite tmp;
  const std::string& out = tmp.out;
  RealDisk disk;
  std::string err;
  REQUIRE(disk.WriteFile(out + "/" + SiteWriter::kMarker, "", &err));
  // As for a web server's group: group-readable, new files in the group (setgid), others shut out.
  const bool root = ::geteuid() == 0;  // only root may give a group it is not in
  const gid_t group = root ? ::getgid() + 4242 : ::getgid();
  REQUIRE(::chown(out.c_str(), static_cast<uid_t>(-1), group) == 0);
  REQUIRE(::chmod(out.c_str(), 02750) == 0);
  for (int build = 0; build < 2; ++build) {  // the first swap, and one from a folder kyodo made
    SiteWriter writer(&disk, out);
    Diagnostics diags;
    REQUIRE(writer.Begin(&diags));
    REQUIRE(writer.Write("saku/index.html", "佐久", &diags));
    REQUIRE(writer.Commit(&diags));
    struct stat st;
    REQUIRE(::stat(out.c_str(), &st) == 0);
    CHECK((st.st_mode & 07777) == 02750);
    CHECK(st.st_gid == group);
    REQUIRE(::stat((out + "/saku").c_str(), &st) == 0);
    CHECK(st.st_gid == group);  // inherited through setgid
  }
}

TEST_CASE("a rebuild keeps the marker file's mtime, so a sync tool sends nothing for it") {
  MemoryDisk disk;
  for (int build = 0; build < 2; ++build) {
    SiteWriter writer(&disk, "site");
    Diagnostics diags;
    REQUIRE(writer.Begin(&diags));
    REQUIRE(writer.Write("index.html", "同じ", &diags));
    REQUIRE(writer.Commit(&diags));
  }
  const int64_t marker = disk.MTimeNs("site/.kyodo-site"), page = disk.MTimeNs("site/index.html");
  SiteWriter writer(&disk, "site");
  Diagnostics diags;
  REQUIRE(writer.Begin(&diags));
  REQUIRE(writer.Write("index.html", "同じ", &diags));
  REQUIRE(writer.Commit(&diags));
  CHECK(disk.MTimeNs("site/.kyodo-site") == marker);
  CHECK(disk.MTimeNs("site/index.html") == page);
  CHECK(disk.Stat("site.kyodo-new") == FileKind::kMissing);
}

TEST_CASE("a second build into the same folder is refused while the first is writing, and touches nothing") {
  TempSite tmp;
  const std::string& out = tmp.out;
  RealDisk disk;
  {
    SiteWriter first(&disk, out);
    Diagnostics diags;
    REQUIRE(first.Begin(&diags));
    REQUIRE(first.Write("saku/index.html", "佐久", &diags));
    RealDisk other_process;  // its own open file: flock excludes it as it would another kyodo
    SiteWriter second(&other_process, out);
    Diagnostics refused;
    CHECK_FALSE(second.Begin(&refused));
    REQUIRE(refused.items().size() == 1);
    CHECK(refused.items()[0].message == "ほかの kyodo が同じ出力先に書き出している最中です");
    CHECK(refused.items()[0].hint ==
          "そのビルドが終わってから、もう一度実行してください（同じ出力先には一度に一つずつ書き出します）");
    CHECK(disk.Stat(out + ".kyodo-new/saku/index.html") == FileKind::kFile);  // the first one's work is intact
    REQUIRE(first.Commit(&diags));
  }
  CHECK(disk.Stat(std::string(tmp.dir) + "/.site.kyodo-lock") == FileKind::kFile);
  CHECK(SiteWriter::LockPath("shards/saku") == "shards/.saku.kyodo-lock");
  CHECK(SiteWriter::LockPath("site") == ".site.kyodo-lock");
  // Once the first has finished, the next build takes the folder; a folder whose parent is new too.
  SiteWriter next(&disk, out);
  Diagnostics diags;
  CHECK(next.Begin(&diags));
  next.Abort();
  SiteWriter shard(&disk, std::string(tmp.dir) + "/shards/saku");
  CHECK(shard.Begin(&diags));
  CHECK(diags.empty());
  shard.Abort();
}

// A disk whose folders cannot be swapped, like an output folder that is a mount point.
class MountedDisk : public MemoryDisk {
 public:
  bool Exchange(const std::string&, const std::string&, std::string* err) override {
    *err = "Device or resource busy";
    return false;
  }
};

TEST_CASE("an output folder that cannot be swapped (a mount point) says what to do, and the old site stays") {
  MountedDisk disk;
  disk.Add("out/.kyodo-site", "");
  disk.Add("out/index.html", "前");
  SiteWriter writer(&disk, "out");
  Diagnostics diags;
  REQUIRE(writer.Begin(&diags));
  REQUIRE(writer.Write("index.html", "新", &diags));
  CHECK_FALSE(writer.Commit(&diags));
  REQUIRE(diags.items().size() == 1);
  CHECK(diags.items()[0].message == "新しいサイトに入れ替えられません: Device or resource busy");
  CHECK(diags.items()[0].hint ==
        "出力先がマウントポイント（Docker のボリュームやネットワークドライブ）だと、フォルダごとは入れ替えられません。"
        "--out にその中のフォルダ（out/site など）を指定するか、ローカルディスクに作ってから rsync などでコピーしてください");
  std::string page, err;
  REQUIRE(disk.ReadFile("out/index.html", &page, &err));
  CHECK(page == "前");
  CHECK(disk.Stat("out.kyodo-new") == FileKind::kMissing);
}

TEST_CASE("a file kept from a build under umask 077 is written anew with today's mode, not carried over unreadable") {
  TempSite tmp;
  const std::string& out = tmp.out;
  RealDisk disk;
  std::string err;
  REQUIRE(disk.WriteFile(out + "/" + SiteWriter::kMarker, "", &err));
  REQUIRE(disk.WriteFile(out + "/index.html", "同じ", &err));
  REQUIRE(disk.WriteFile(out + "/about.html", "同じ", &err));
  struct stat fresh;
  REQUIRE(::stat((out + "/about.html").c_str(), &fresh) == 0);
  // As a build under umask 077 left it (or, if the tests themselves run under 077, a 0644 one).
  REQUIRE(::chmod((out + "/index.html").c_str(), (fresh.st_mode & 07777) == 0600 ? 0644 : 0600) == 0);
  CHECK_FALSE(disk.HasNewFileMode(out + "/index.html"));
  CHECK(disk.HasNewFileMode(out + "/about.html"));
  SiteWriter writer(&disk, out);
  Diagnostics diags;
  REQUIRE(writer.Begin(&diags));
  REQUIRE(writer.Write("index.html", "同じ", &diags));
  REQUIRE(writer.Write("about.html", "同じ", &diags));
  REQUIRE(writer.Commit(&diags));
  CHECK(writer.unchanged() == 1);  // about.html only
  CHECK(disk.HasNewFileMode(out + "/index.html"));
}

}  // namespace
}  // namespace kyodo
