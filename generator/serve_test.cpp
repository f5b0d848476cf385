// kyodo serve: the reload-script injection, the path guard, and the HTTP server on
// a MemoryDisk answered over a real loopback socket (files, 404, traversal, events).
#include "serve.h"

#include <doctest/doctest.h>
#include <httplib.h>

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>

namespace kyodo {

TEST_CASE("InjectBeforeBodyEnd: before the last </body>, any case; appended when there is none") {
  CHECK(InjectBeforeBodyEnd("<html><body><p>x</p></body></html>", "<s>") == "<html><body><p>x</p><s></body></html>");
  CHECK(InjectBeforeBodyEnd("<BODY>a</Body>\n</BODY>\n", "<s>") == "<BODY>a</Body>\n<s></BODY>\n");
  CHECK(InjectBeforeBodyEnd("<p>no end", "<s>") == "<p>no end<s>");
  CHECK(InjectBeforeBodyEnd("</body", "<s>") == "</body<s>");
  CHECK(InjectBeforeBodyEnd("", "<s>") == "<s>");
  CHECK(InjectBeforeBodyEnd("</body>", "<s>") == "<s></body>");
  CHECK(std::string(kReloadScriptTag) == "<script src=\"/_kyodo/reload.js\"></script>");
}

TEST_CASE("SitePathFor: plain paths inside the site folder, nothing that climbs out") {
  CHECK(SitePathFor("/") == std::optional<std::string>(""));
  CHECK(SitePathFor("/saku/cases/hana/") == std::optional<std::string>("saku/cases/hana"));
  CHECK(SitePathFor("/assets/style.css") == std::optional<std::string>("assets/style.css"));
  CHECK(SitePathFor("//a/./b//c") == std::optional<std::string>("a/b/c"));
  CHECK(SitePathFor("/../etc/passwd") == std::nullopt);
  CHECK(SitePathFor("/saku/../../etc/passwd") == std::nullopt);
  CHECK(SitePathFor("/saku/..") == std::nullopt);
  CHECK(SitePathFor("/saku/../index.html") == std::nullopt);
  CHECK(SitePathFor("etc/passwd") == std::nullopt);
  CHECK(SitePathFor("") == std::nullopt);
  CHECK(SitePathFor("/a\\..\\b") == std::nullopt);
  CHECK(SitePathFor(std::string("/a\0b", 4)) == std::nullopt);
}

TEST_CASE("IsLoopbackHost: this machine by any of its loopback names, no other name") {
  CHECK(IsLoopbackHost("127.0.0.1:1313"));
  CHECK(IsLoopbackHost("127.0.0.1"));
  CHECK(IsLoopbackHost("localhost:1313"));
  CHECK(IsLoopbackHost("LocalHost:8080"));
  CHECK(IsLoopbackHost("[::1]:1313"));
  CHECK(IsLoopbackHost("[::1]"));
  CHECK_FALSE(IsLoopbackHost(""));
  CHECK_FALSE(IsLoopbackHost("attacker.example:1313"));
  CHECK_FALSE(IsLoopbackHost("127.0.0.1.attacker.example:1313"));
  CHECK_FALSE(IsLoopbackHost("localhost.attacker.example"));
  CHECK_FALSE(IsLoopbackHost("127.0.0.1:"));
  CHECK_FALSE(IsLoopbackHost("127.0.0.1:13a"));
  CHECK_FALSE(IsLoopbackHost("192.168.1.5:1313"));
}

TEST_CASE("ContentTypeFor and SseMessage") {
  CHECK(ContentTypeFor("site/index.html") == "text/html; charset=utf-8");
  CHECK(ContentTypeFor("site/assets/style.1a2b3c4d.CSS") == "text/css; charset=utf-8");
  CHECK(ContentTypeFor("site/search/index.json") == "application/json; charset=utf-8");
  CHECK(ContentTypeFor("site/saku/opendata/cases.csv") == "text/csv; charset=utf-8");
  CHECK(ContentTypeFor("site/a.pdf") == "application/pdf");
  CHECK(ContentTypeFor("site/LICENSE") == "application/octet-stream");
  CHECK(ContentTypeFor("site.d/README") == "application/octet-stream");
  CHECK(SseMessage("reload", "saku/index.html\nindex.html") == "event: reload\ndata: saku/index.html\ndata: index.html\n\n");
  CHECK(SseMessage("ok", "") == "event: ok\ndata: \n\n");
}

namespace {

constexpr const char* kIndex = "<!DOCTYPE html><html lang=\"ja\"><body><h1>トップ</h1></body></html>\n";

struct Served {
  MemoryDisk disk;
  DevServer server{&disk, "site"};
  std::unique_ptr<httplib::Client> client;
  Served() {
    disk.Add("site/index.html", kIndex);
    disk.Add("site/saku/index.html", "<html><body>佐久市</body></html>");
    disk.Add("site/assets/style.css", "body{color:#1a1a1a}");
    disk.Add("site/404.html", "<html><body>見つかりません</body></html>");
    disk.Add("secret.txt", "SECRET");
    disk.Add("site/link.txt", "SECRET");  // a symlink out of the site folder
    disk.AddSymlink("site/link.txt", "secret.txt");
    std::string err;
    REQUIRE(server.Start(0, &err));
    CHECK(err == "");
    client = std::make_unique<httplib::Client>("127.0.0.1", server.port());
  }
};

// Collects one /_kyodo/events stream on a thread of its own.
struct EventStream {
  std::mutex mu;
  std::condition_variable cv;
  std::string text;
  std::thread thread;
  explicit EventStream(int port) {
    thread = std::thread([this, port] {
      httplib::Client c("127.0.0.1", port);
      c.set_read_timeout(30, 0);
      c.Get("/_kyodo/events", [this](const char* data, size_t n) {
        std::lock_guard<std::mutex> lock(mu);
        text.append(data, n);
        cv.notify_all();
        return true;
      });
    });
  }
  ~EventStream() { thread.join(); }  // ends when the server stops
  bool WaitFor(const std::string& part) {
    std::unique_lock<std::mutex> lock(mu);
    return cv.wait_for(lock, std::chrono::seconds(5), [&] { return text.find(part) != std::string::npos; });
  }
};

}  // namespace

TEST_CASE("DevServer: files with their types, the reload script in HTML only, the site's 404") {
  Served s;
  auto top = s.client->Get("/");
  REQUIRE(top);
  CHECK(top->status == 200);
  CHECK(top->get_header_value("Content-Type") == "text/html; charset=utf-8");
  CHECK(top->get_header_value("Cache-Control") == "no-store");
  CHECK(top->body ==
        "<!DOCTYPE html><html lang=\"ja\"><body><h1>トップ</h1><script src=\"/_kyodo/reload.js\"></script></body></html>\n");
  std::string on_disk, err;
  REQUIRE(s.disk.ReadFile("site/index.html", &on_disk, &err));
  CHECK(on_disk == kIndex);  // the file itself is untouched

  auto dir = s.client->Get("/saku");
  REQUIRE(dir);
  CHECK(dir->status == 301);
  CHECK(dir->get_header_value("Location") == "/saku/");
  auto city = s.client->Get("/saku/");
  REQUIRE(city);
  CHECK(city->body == "<html><body>佐久市<script src=\"/_kyodo/reload.js\"></script></body></html>");

  auto css = s.client->Get("/assets/style.css");
  REQUIRE(css);
  CHECK(css->get_header_value("Content-Type") == "text/css; charset=utf-8");
  CHECK(css->body == "body{color:#1a1a1a}");

  auto missing = s.client->Get("/saku/cases/nai/");
  REQUIRE(missing);
  CHECK(missing->status == 404);
  CHECK(missing->body == "<html><body>見つかりません<script src=\"/_kyodo/reload.js\"></script></body></html>");

  auto script = s.client->Get("/_kyodo/reload.js");
  REQUIRE(script);
  CHECK(script->get_header_value("Content-Type") == "text/javascript; charset=utf-8");
  CHECK(script->body.find("new EventSource('/_kyodo/events')") != std::string::npos);
}

TEST_CASE("DevServer: no file outside the site folder, however the path is spelled") {
  Served s;
  for (const char* path : {"/../secret.txt", "/%2e%2e/secret.txt", "/saku/../../secret.txt", "/..%2fsecret.txt",
                           "/link.txt"}) {
    CAPTURE(path);
    auto res = s.client->Get(path);
    REQUIRE(res);
    CHECK((res->status == 400 || res->status == 404));
    CHECK(res->body.find("SECRET") == std::string::npos);
  }
}

TEST_CASE("DevServer: a request under another host name (DNS rebinding) gets nothing") {
  Served s;
  for (const char* path : {"/", "/saku/", "/_kyodo/reload.js", "/nai/"}) {
    CAPTURE(path);
    auto res = s.client->Get(path, httplib::Headers{{"Host", "attacker.example:1313"}});
    REQUIRE(res);
    CHECK(res->status == 403);
    CHECK(res->body == "kyodo serve は http://127.0.0.1 のアドレスでだけ見られます\n");
  }
  auto own = s.client->Get("/", httplib::Headers{{"Host", "localhost:1313"}});
  REQUIRE(own);
  CHECK(own->status == 200);
}

TEST_CASE("DevServer: reload, error and ok reach open pages; a page opened during errors gets them") {
  Served s;
  {
    EventStream first(s.server.port());
    REQUIRE(first.WaitFor("retry: 1000\n\n"));
    s.server.Reload({"saku/index.html", "index.html"});
    CHECK(first.WaitFor("event: reload\ndata: saku/index.html\ndata: index.html\n\n"));
    s.server.Fail("content/saku/cases/a.md:3:7: error: 日付を読めません");
    CHECK(first.WaitFor("event: error\ndata: content/saku/cases/a.md:3:7: error: 日付を読めません\n\n"));

    EventStream later(s.server.port());
    CHECK(later.WaitFor("retry: 1000\n\nevent: error\ndata: content/saku/cases/a.md:3:7: error: 日付を読めません\n\n"));
    s.server.Ok();
    s.server.Reload({"*"});
    CHECK(later.WaitFor("event: ok\ndata: \n\nevent: reload\ndata: *\n\n"));
    CHECK(first.WaitFor("event: ok\ndata: \n\nevent: reload\ndata: *\n\n"));

    EventStream fixed(s.server.port());  // opened after the fix: no error
    REQUIRE(fixed.WaitFor("retry: 1000\n\n"));
    s.server.Reload({"index.html"});
    CHECK(fixed.WaitFor("event: reload"));
    std::string got;
    {
      std::lock_guard<std::mutex> lock(fixed.mu);
      got = fixed.text;
    }
    CHECK(got == "retry: 1000\n\nevent: reload\ndata: index.html\n\n");
    s.server.Stop();  // ends the streams, so their threads can be joined
  }
}

}  // namespace kyodo
