#include "urls.h"

#include <doctest/doctest.h>

namespace kyodo {

TEST_CASE("relative links climb one level per folder and name index.html") {
  Urls urls("", "");
  CHECK(urls.Link("", "saku/") == "saku/index.html");
  CHECK(urls.Link("saku/cases/balloon/", "saku/") == "../../../saku/index.html");
  CHECK(urls.Link("saku/cases/balloon/", "assets/style.css") == "../../../assets/style.css");
  CHECK(urls.Link("saku/", "saku/cases/x/#jump") == "../saku/cases/x/index.html#jump");
  CHECK(urls.Link("saku/cases/x/", "saku/cases/x/#toc") == "#toc");
  CHECK(urls.Link("404.html", "saku/") == "saku/index.html");
}

TEST_CASE("absolute links live under the base url") {
  Urls urls("https://example.org/kyodo", "https://example.org/kyodo/");
  CHECK(urls.Link("saku/cases/x/", "saku/") == "https://example.org/kyodo/saku/");
  CHECK(urls.Link("", "") == "https://example.org/kyodo/");
  CHECK(urls.Absolute("sitemap.xml") == "https://example.org/kyodo/sitemap.xml");
  CHECK(Urls("", "").Absolute("x/") == "");
}

TEST_CASE("output files of site paths") {
  CHECK(Urls::FileOf("") == "index.html");
  CHECK(Urls::FileOf("saku/cases/") == "saku/cases/index.html");
  CHECK(Urls::FileOf("404.html") == "404.html");
}

}  // namespace kyodo
