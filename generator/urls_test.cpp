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

TEST_CASE("UrlPathUnescape decodes an address copied from a browser, and leaves what was not escaped") {
  CHECK(UrlPathUnescape("saku/%E4%BA%8B%E4%BE%8B/a.html") == "saku/事例/a.html");
  CHECK(UrlPathUnescape("saku/%e4%ba%8b%e4%be%8b/") == "saku/事例/");
  CHECK(UrlPathUnescape("saku/事例/b.html") == "saku/事例/b.html");
  CHECK(UrlPathUnescape("a%20b.html") == "a b.html");
  CHECK(UrlPathUnescape("100%.html") == "100%.html");      // not an escape
  CHECK(UrlPathUnescape("a%E4.html") == "a%E4.html");      // not UTF-8 once decoded
  CHECK(UrlPathUnescape("a%4") == "a%4");
  CHECK(UrlPathUnescape(UrlPathEscape("様式 1.pdf")) == "様式 1.pdf");
}

TEST_CASE("UrlPathEscape escapes file names for an href as cmark does, # and ? included") {
  CHECK(UrlPathEscape("saku/assets/報告書 令和5年度.pdf") ==
        "saku/assets/%E5%A0%B1%E5%91%8A%E6%9B%B8%20%E4%BB%A4%E5%92%8C5%E5%B9%B4%E5%BA%A6.pdf");
  CHECK(UrlPathEscape("a/b-c_d.e+f(1),~$;=@:!*'&%20") == "a/b-c_d.e+f(1),~$;=@:!*'&%20");
  CHECK(UrlPathEscape("no#1?.pdf\"<>") == "no%231%3F.pdf%22%3C%3E");
}

TEST_CASE("output files of site paths") {
  CHECK(Urls::FileOf("") == "index.html");
  CHECK(Urls::FileOf("saku/cases/") == "saku/cases/index.html");
  CHECK(Urls::FileOf("404.html") == "404.html");
}

TEST_CASE("an address typed with 全角 letters or signs is told with its half-width form") {
  CHECK(HalfWidthUrl("https：//www.example.lg.jp/") == "https://www.example.lg.jp/");
  CHECK(HalfWidthUrl("ｈｔｔｐｓ：／／www.example.lg.jp/") == "https://www.example.lg.jp/");
  CHECK(HalfWidthUrl("https://www.example.lg.jp/ｋｙｏｄｏ/～a/") == "https://www.example.lg.jp/kyodo/~a/");
  CHECK(HalfWidthUrl("mailto:kyodo＠example.lg.jp") == "mailto:kyodo@example.lg.jp");
  CHECK(HalfWidthUrl("https://www.example.lg.jp/\xE3\x80\x80") == "https://www.example.lg.jp/");
  // Japanese in a path is a real address; a file name with 全角 letters is a file.
  CHECK(HalfWidthUrl("https://ja.wikipedia.org/wiki/佐久市") == "");
  CHECK(HalfWidthUrl("https://www.example.lg.jp/") == "");
  CHECK(HalfWidthUrl("../assets/報告書（ＰＤＦ）.pdf") == "");
}

TEST_CASE("BaseUrlProblem: a site's address is a host and a folder, or a folder from the root") {
  CHECK(BaseUrlProblem("https://www.example.lg.jp/kyodo/", true) == "");
  CHECK(BaseUrlProblem("http://localhost:8080", true) == "");
  CHECK(BaseUrlProblem("/kyodo/", true) == "");
  CHECK(BaseUrlProblem("https:/www.example.lg.jp/kyodo/", true) ==
        "https:// か http:// で始まる URL か、/kyodo/ のように / で始まるパスを書いてください");
  CHECK(BaseUrlProblem("/kyodo/", false) == "https:// か http:// で始まる URL を書いてください");
  CHECK(BaseUrlProblem("https://", true) == "ホスト名がありません（https://www.example.lg.jp/kyodo/ の www.example.lg.jp）");
  CHECK(BaseUrlProblem("https://www.example.lg.jp/kyodo/?lang=ja", true) ==
        "? や # 以降はリンクの先頭に付けられません。公開するフォルダの URL だけを書いてください");
  CHECK(BaseUrlProblem("//cdn.example.jp/kyodo/", true) == "// で始まる URL はホスト名と読まれます。https:// から書いてください");
  CHECK(BaseUrlProblem("https://協働.example.jp/", true) ==
        "ホスト名「協働.example.jp」に使えない文字があります（日本語のドメインは xn-- で始まる形で書いてください）");
  CHECK(EscapedBaseUrl("https://www.example.lg.jp/協働 サイト/") ==
        "https://www.example.lg.jp/%E5%8D%94%E5%83%8D%20%E3%82%B5%E3%82%A4%E3%83%88/");
  CHECK(EscapedBaseUrl("https://www.example.lg.jp:8443/kyodo/") == "https://www.example.lg.jp:8443/kyodo/");
}

TEST_CASE("UrlPath: the folder part of a web address") {
  CHECK(UrlPath("https://www.example.lg.jp/kyodo") == "/kyodo/");
  CHECK(UrlPath("https://www.example.lg.jp/kyodo/") == "/kyodo/");
  CHECK(UrlPath("https://www.example.lg.jp") == "/");
  CHECK(UrlPath("http://localhost:8080/") == "/");
  CHECK(UrlPath("/kyodo/") == "");
}

TEST_CASE("CheckBaseFolders: --base-url /kyodo/ with a base_url of another folder is pointed at") {
  Diagnostics diags;
  CheckBaseFolders("/kyodo", "https://www.example.lg.jp/kyodo/", "content/_portal.yaml", &diags);
  CheckBaseFolders("", "https://www.example.lg.jp/", "content/_portal.yaml", &diags);
  CheckBaseFolders("/kyodo/", "", "content/_portal.yaml", &diags);
  CHECK(diags.empty());
  CheckBaseFolders("/kyodo/", "https://www.example.lg.jp/", "content/_portal.yaml", &diags);
  REQUIRE(diags.items().size() == 1);
  CHECK(diags.items()[0].severity == Severity::kWarning);
  CHECK(diags.items()[0].loc.file == "content/_portal.yaml");
}

}  // namespace kyodo

