// Watching the source folders for `kyodo serve` (Linux inotify): which files were
// saved, moved or deleted, in batches, so one save is one rebuild.
#ifndef KYODO_WATCHER_H_
#define KYODO_WATCHER_H_

#include <chrono>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "disk.h"

namespace kyodo {

/// True for names editors write next to the file being edited and that are not
/// content: vim's `.x.md.swp` and its `4913` probe, `x.md~` backups, Emacs' `.#x.md`
/// lock links.
bool IsEditorTempFile(const std::string& name);

/// Watches folders and everything below them, including folders created later.
/// Paths are reported as `root + "/" + relative`, spelled as the root was given,
/// which is how Site::Update names files.
class Watcher {
 public:
  /// Starts watching `roots` (missing ones are skipped; a root created later is
  /// not seen). `disk` lists the folders to watch. Returns null and sets `err`
  /// when inotify is unavailable or out of watches.
  static std::unique_ptr<Watcher> Create(const Disk& disk, const std::vector<std::string>& roots,
                                         std::string* err);
  ~Watcher();
  Watcher(const Watcher&) = delete;
  Watcher& operator=(const Watcher&) = delete;

  /// Waits for changes and returns them sorted and de-duplicated: files written,
  /// moved in or out, deleted, and every file of a folder created or moved in (a
  /// folder moved away or deleted is reported as the folder). After the first
  /// event it keeps collecting for `debounce`, so an editor's save (write a temp
  /// file, rename it over the original, delete the backup) is one batch; a name
  /// that appeared and is gone again within the batch (`sed -i`'s temp file) is
  /// left out.
  /// Returns false once Stop() was called (from any thread).
  bool Next(std::vector<std::string>* changed, std::chrono::milliseconds debounce = std::chrono::milliseconds(15));

  /// Makes a waiting or later Next() return false. Safe to call from another thread.
  void Stop();

 private:
  /// What one batch saw of a path.
  struct Seen {
    bool appeared = false;  ///< its first event created it or moved it in
    bool changed = false;   ///< an event that makes it worth reporting
  };

  Watcher(const Disk& disk, int inotify_fd, int wake_fd);
  /// Watches `dir` and its subfolders; adds their files to `found` when given.
  void AddTree(const std::string& dir, std::map<std::string, Seen>* found);
  void Forget(const std::string& dir);
  /// Reads what inotify has queued into `batch`.
  void Drain(std::map<std::string, Seen>* batch);
  /// Waits up to `timeout` (negative: forever) for inotify or the stop signal.
  /// Returns 1 for inotify data, 0 on timeout, -1 when stopped.
  int Wait(int timeout_ms);

  const Disk& disk_;
  int fd_;
  int wake_fd_;
  std::vector<std::string> roots_;
  std::map<int, std::string> dirs_;  ///< watch descriptor → folder path
  std::string error_;
};

}  // namespace kyodo

#endif  // KYODO_WATCHER_H_
