#include "templates.h"

#include <doctest/doctest.h>

namespace kyodo {
namespace {

Templates Load(MemoryDisk* disk) {
  Templates t;
  Diagnostics diags;
  REQUIRE(t.Load(*disk, "templates", "", &diags));
  return t;
}

TEST_CASE("Templates escape {{values}} exactly as mustache's html_escape, and leave {{{values}}} alone") {
  MemoryDisk disk;
  disk.Add("templates/page.mustache", "<p title=\"{{v}}\">{{v}}</p>{{{v}}}{{> part}}");
  disk.Add("templates/partials/part.mustache", "[{{v}}]");
  Templates t = Load(&disk);
  for (const std::string v : {"", "協働", "a&b<c>d\"e'f", "&&", "'", "末尾&", "<script>alert('x')</script>"}) {
    CAPTURE(v);
    mustache::data data;
    data.set("v", v);
    const std::string e = mustache::html_escape<std::string>(v);
    CHECK(t.Render("page", data) == "<p title=\"" + e + "\">" + e + "</p>" + v + "[" + e + "]");
  }
}

}  // namespace
}  // namespace kyodo
