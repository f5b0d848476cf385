#include "output.h"

#include <doctest/doctest.h>
#include <stdlib.h>

namespace kyodo {
namespace {

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

}  // namespace
}  // namespace kyodo
