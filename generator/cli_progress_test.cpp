#include "cli_progress.h"

#include <doctest/doctest.h>

#include <chrono>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace kyodo {

TEST_CASE("the progress line says how long the build has run and how far it has got, in Japanese") {
  CHECK(ProgressText(0.4, {}) == "kyodo: 作成中… 0 秒");
  CHECK(ProgressText(12.7, {"load", "assets", "pages"}) == "kyodo: 作成中… 12 秒（ページまで済み）");
  CHECK(ProgressText(3, {"load"}, true) == "kyodo: 検査中… 3 秒（読み込みまで済み）");
  CHECK(ProgressText(3, {"load", "future-stage"}) == "kyodo: 作成中… 3 秒（future-stageまで済み）");
}

namespace {

// What a ProgressLine wrote, safe to read while its ticker writes.
struct Written {
  std::mutex mu;
  std::vector<std::string> parts;
  std::function<void(const std::string&)> Sink() {
    return [this](const std::string& s) {
      std::lock_guard<std::mutex> lock(mu);
      parts.push_back(s);
    };
  }
  // Whether a line starting with `head` and ending with `tail` was written.
  bool Has(const std::string& head, const std::string& tail = "") {
    std::lock_guard<std::mutex> lock(mu);
    for (const std::string& p : parts) {
      if (p.starts_with(head) && p.ends_with(tail)) return true;
    }
    return false;
  }
  // Waits (up to 10 s, for a loaded machine) until such a line was written.
  bool Await(const std::string& head, const std::string& tail = "") {
    for (int i = 0; i < 1000 && !Has(head, tail); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(10));
    return Has(head, tail);
  }
};

}  // namespace

TEST_CASE("a short build prints no progress; a long one rewrites one line and clears it at the end") {
  Written quiet;
  {
    ProgressLine line(quiet.Sink(), false, std::chrono::milliseconds(10000));
    line.StageDone("load");
  }
  CHECK(quiet.parts.empty());

  Written shown;
  ProgressLine line(shown.Sink(), false, std::chrono::milliseconds(0));
  CHECK(shown.Await("\r\033[Kkyodo: 作成中… ", " 秒"));
  line.StageDone("load");  // a finished stage shows at once, not at the next tick
  CHECK(shown.Await("\r\033[Kkyodo: 作成中… ", " 秒（読み込みまで済み）"));
  line.Stop();
  CHECK(shown.parts.back() == "\r\033[K");  // the last thing written clears the line
  line.Stop();  // stopping twice is harmless
  CHECK(shown.parts.back() == "\r\033[K");
}

}  // namespace kyodo
