// The watcher on a real temp folder: saves, editor renames, deletes and new
// folders arrive as the paths Site::Update expects, one batch per save.
#include "watcher.h"

#include <doctest/doctest.h>
#include <stdlib.h>

#include <chrono>
#include <future>
#include <thread>

namespace kyodo {

namespace {

using std::chrono::milliseconds;
using Paths = std::vector<std::string>;

struct TempTree {
  RealDisk disk;
  std::string root;
  TempTree() {
    char tmpl[] = "/tmp/kyodo-watch-XXXXXX";
    root = mkdtemp(tmpl);
  }
  ~TempTree() {
    std::string err;
    disk.RemoveAll(root, &err);
  }
  void Write(const std::string& rel, const std::string& text = "x") {
    std::string err;
    REQUIRE(disk.WriteFile(root + "/" + rel, text, &err));
  }
  void Move(const std::string& from, const std::string& to) {
    std::string err;
    REQUIRE(disk.Rename(from, to, &err));
  }
  void Remove(const std::string& rel) {
    std::string err;
    REQUIRE(disk.RemoveAll(root + "/" + rel, &err));
  }
};

// Next(), but a missing event fails the test instead of hanging it.
Paths NextBatch(Watcher& w, milliseconds debounce = milliseconds(15)) {
  Paths got;
  auto result = std::async(std::launch::async, [&] { return w.Next(&got, debounce); });
  if (result.wait_for(std::chrono::seconds(5)) != std::future_status::ready) {
    w.Stop();
    result.get();
    FAIL("no change arrived within 5 s");
  }
  CHECK(result.get());
  return got;
}

}  // namespace

TEST_CASE("IsEditorTempFile: vim, Emacs and backup names, not content") {
  CHECK(IsEditorTempFile(".hana.md.swp"));
  CHECK(IsEditorTempFile(".hana.md.swx"));
  CHECK(IsEditorTempFile("4913"));
  CHECK(IsEditorTempFile("hana.md~"));
  CHECK(IsEditorTempFile(".#hana.md"));
  CHECK_FALSE(IsEditorTempFile("hana.md"));
  CHECK_FALSE(IsEditorTempFile("site.yaml"));
  CHECK_FALSE(IsEditorTempFile("49130.md"));
}

TEST_CASE("Watcher: a write, a vim-style save, a delete, each one batch") {
  TempTree t;
  t.Write("saku/cases/hana.md");
  std::string err;
  auto w = Watcher::Create(t.disk, {t.root}, &err);
  REQUIRE(w);
  CHECK(err == "");

  t.Write("saku/cases/hana.md", "v2");
  CHECK(NextBatch(*w) == Paths{t.root + "/saku/cases/hana.md"});

  // vim with backupcopy=no: probe file, original renamed to a backup, new file written, backup deleted.
  t.Write("saku/cases/4913");
  t.Remove("saku/cases/4913");
  t.Move(t.root + "/saku/cases/hana.md", t.root + "/saku/cases/hana.md~");
  t.Write("saku/cases/hana.md", "v3");
  t.Remove("saku/cases/hana.md~");
  CHECK(NextBatch(*w) == Paths{t.root + "/saku/cases/hana.md"});

  // VS Code / atomic save: a temp name renamed over the file.
  t.Write("saku/cases/.hana.md.swp", "v4");
  t.Move(t.root + "/saku/cases/.hana.md.swp", t.root + "/saku/cases/hana.md");
  CHECK(NextBatch(*w) == Paths{t.root + "/saku/cases/hana.md"});

  // sed -i: a temp file of any name, written and renamed over the original.
  t.Write("saku/cases/sedAb12Cd", "v5");
  t.Move(t.root + "/saku/cases/sedAb12Cd", t.root + "/saku/cases/hana.md");
  CHECK(NextBatch(*w) == Paths{t.root + "/saku/cases/hana.md"});

  // JetBrains safe write: new text to a temp name, original moved aside, temp moved in, old deleted.
  t.Write("saku/cases/hana.md___jb_tmp___", "v6");
  t.Move(t.root + "/saku/cases/hana.md", t.root + "/saku/cases/hana.md___jb_old___");
  t.Move(t.root + "/saku/cases/hana.md___jb_tmp___", t.root + "/saku/cases/hana.md");
  t.Remove("saku/cases/hana.md___jb_old___");
  CHECK(NextBatch(*w, milliseconds(100)) == Paths{t.root + "/saku/cases/hana.md"});

  t.Remove("saku/cases/hana.md");
  CHECK(NextBatch(*w) == Paths{t.root + "/saku/cases/hana.md"});
}

TEST_CASE("Watcher: new folders are watched; moved folders are reported") {
  TempTree t;
  t.Write("saku/site.yaml");
  std::string err;
  auto w = Watcher::Create(t.disk, {t.root, t.root + "/missing"}, &err);
  REQUIRE(w);

  // The folder and its first file appear together: the file is found by listing.
  t.Write("saku/news/a.md");
  CHECK(NextBatch(*w) == Paths{t.root + "/saku/news/a.md"});
  // Later files in it arrive as events of its own watch.
  t.Write("saku/news/b.md");
  CHECK(NextBatch(*w) == Paths{t.root + "/saku/news/b.md"});

  // A folder moved out is reported as the folder, and is no longer watched.
  std::string outside = t.root + "-outside";
  t.Move(t.root + "/saku/news", outside);
  CHECK(NextBatch(*w) == Paths{t.root + "/saku/news"});
  std::string e;
  REQUIRE(t.disk.WriteFile(outside + "/c.md", "x", &e));
  // Moved back in: its files are reported under the new name and watched again.
  t.Move(outside, t.root + "/saku/pages");
  CHECK(NextBatch(*w) == Paths{t.root + "/saku/pages/a.md", t.root + "/saku/pages/b.md", t.root + "/saku/pages/c.md"});
  t.Write("saku/pages/d.md");
  CHECK(NextBatch(*w) == Paths{t.root + "/saku/pages/d.md"});

  t.Remove("saku/pages");
  CHECK(NextBatch(*w, milliseconds(300)) == Paths{t.root + "/saku/pages", t.root + "/saku/pages/a.md",
                                                  t.root + "/saku/pages/b.md", t.root + "/saku/pages/c.md",
                                                  t.root + "/saku/pages/d.md"});
}

TEST_CASE("Watcher: changes within the debounce window are one sorted, de-duplicated batch") {
  TempTree t;
  t.Write("a.md");
  t.Write("b.md");
  std::string err;
  auto w = Watcher::Create(t.disk, {t.root}, &err);
  REQUIRE(w);
  std::thread later([&] {
    t.Write("b.md", "1");
    std::this_thread::sleep_for(milliseconds(40));
    t.Write("a.md", "1");
    t.Write("b.md", "2");
  });
  Paths got = NextBatch(*w, milliseconds(300));
  later.join();
  CHECK(got == Paths{t.root + "/a.md", t.root + "/b.md"});

  // With the default 15 ms window, a change well after the first is the next batch.
  t.Write("a.md", "2");
  CHECK(NextBatch(*w) == Paths{t.root + "/a.md"});
  std::this_thread::sleep_for(milliseconds(100));
  t.Write("b.md", "3");
  CHECK(NextBatch(*w) == Paths{t.root + "/b.md"});
}

TEST_CASE("Watcher: Stop from another thread ends a waiting Next") {
  TempTree t;
  std::string err;
  auto w = Watcher::Create(t.disk, {t.root}, &err);
  REQUIRE(w);
  Paths got;
  auto waiting = std::async(std::launch::async, [&] { return w->Next(&got); });
  std::this_thread::sleep_for(milliseconds(20));
  w->Stop();
  REQUIRE(waiting.wait_for(std::chrono::seconds(5)) == std::future_status::ready);
  CHECK_FALSE(waiting.get());
  CHECK_FALSE(w->Next(&got));  // stays stopped
}

}  // namespace kyodo
