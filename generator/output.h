// Where the rendered files go. A build writes into a fresh folder beside the
// output and swaps it in only when everything succeeded, so a failed or
// interrupted build leaves the published site exactly as it was; files whose
// bytes did not change are carried over as hard links and keep their mtime.
#ifndef KYODO_OUTPUT_H_
#define KYODO_OUTPUT_H_

#include <atomic>
#include <map>
#include <mutex>
#include <set>
#include <string>
#include <vector>

#include "disk.h"
#include "error.h"

namespace kyodo {

/// Receives output files by site-relative path. Thread-safe.
class OutputSink {
 public:
  virtual ~OutputSink() = default;
  /// Adds a file; false (and an error) if the path was already written or is unsafe.
  bool Write(const std::string& rel, const std::string& bytes, Diagnostics* diags);
  /// Adds a copy of the file `source` (assets).
  bool Copy(const std::string& rel, const std::string& source, Diagnostics* diags);
  /// Publishes what was written. Called once, after a build without errors.
  virtual bool Commit(Diagnostics* diags) = 0;
  /// Drops what was written (a build with errors).
  virtual void Abort() = 0;
  int files() const { return files_.load(); }
  /// Every path written (or copied), sorted.
  std::set<std::string> written() const;

 protected:
  virtual bool Put(const std::string& rel, const std::string& bytes, std::string* err) = 0;
  /// Reads `source` (through the sink's disk) and Puts its bytes.
  virtual bool PutCopy(const std::string& rel, const std::string& source, std::string* err) = 0;
  bool CopyThrough(const Disk& disk, const std::string& rel, const std::string& source, std::string* err);

 private:
  bool Claim(const std::string& rel, Diagnostics* diags);
  mutable std::mutex mu_;
  std::set<std::string> written_;
  std::atomic<int> files_{0};
};

/// `kyodo check`: nothing is written, but paths are still checked for clashes.
class NullSink : public OutputSink {
 public:
  bool Commit(Diagnostics*) override { return true; }
  void Abort() override {}

 protected:
  bool Put(const std::string&, const std::string&, std::string*) override { return true; }
  bool PutCopy(const std::string&, const std::string&, std::string*) override { return true; }
};

/// `kyodo build`: stage beside `out`, then swap atomically.
class SiteWriter : public OutputSink {
 public:
  SiteWriter(Disk* disk, std::string out);
  ~SiteWriter() override;
  /// Checks that `out` may be replaced (absent, empty, or an earlier kyodo output),
  /// takes the lock beside it (LockPath: two builds into one folder would delete each
  /// other's staging folder) and prepares the staging folder.
  bool Begin(Diagnostics* diags);
  bool Commit(Diagnostics* diags) override;
  void Abort() override;
  /// How many files were carried over unchanged from the previous site.
  int unchanged() const { return unchanged_.load(); }
  /// Whether `out` may be replaced: absent, empty, or an earlier kyodo output (an
  /// error says why not). A symlink is followed: `out` becomes the folder it points to.
  static bool CheckFolder(const Disk& disk, std::string* out, Diagnostics* diags);

  /// The file that marks a folder as kyodo's output.
  static constexpr const char* kMarker = ".kyodo-site";
  /// The lock file beside an output folder (site → .site.kyodo-lock), empty and left in
  /// place. Hidden, so that `--portal-from shards/*` and `cp -r shards/*` pass it by.
  static std::string LockPath(const std::string& out);

 protected:
  bool Put(const std::string& rel, const std::string& bytes, std::string* err) override;
  bool PutCopy(const std::string& rel, const std::string& source, std::string* err) override;

 private:
  Disk* disk_;
  std::string out_, staging_;
  std::string lock_;  ///< the lock held, "" when none
  bool has_previous_ = false;
  std::atomic<int> unchanged_{0};
};

/// `kyodo serve`: after the first build, edits rewrite the affected files in place
/// (only those whose bytes changed), so the browser sees each change at once.
/// The dev server never leaves its own output folder.
class InPlaceWriter : public OutputSink {
 public:
  InPlaceWriter(Disk* disk, std::string out);
  /// From now on keep the files whose bytes change in memory: an update is written
  /// by Commit only if rendering found nothing that fails the build (an error, or a
  /// warning under --strict), and dropped by Abort otherwise, as a failed build
  /// publishes nothing. Past `limit` bytes of changes it writes through.
  static constexpr size_t kHoldBytes = size_t{64} << 20;
  void Hold(size_t limit = kHoldBytes) { holding_ = true, hold_limit_ = limit; }
  bool Commit(Diagnostics* diags) override;
  void Abort() override;
  /// Deletes an output file that the site no longer has.
  void Remove(const std::string& rel);
  /// Site-relative paths of the files whose bytes changed (written or removed), sorted.
  std::vector<std::string> changed() const;

 protected:
  bool Put(const std::string& rel, const std::string& bytes, std::string* err) override;
  bool PutCopy(const std::string& rel, const std::string& source, std::string* err) override;

 private:
  bool WriteHeld(std::string* err);

  Disk* disk_;
  std::string out_;
  mutable std::mutex mu_;
  std::set<std::string> changed_;
  bool holding_ = false;
  std::map<std::string, std::string> held_;  // site-relative path → bytes, while holding
  size_t held_bytes_ = 0, hold_limit_ = 0;
};

/// True for a relative path without "..", "\", NUL or empty segments.
bool IsSafeRelativePath(const std::string& rel);

}  // namespace kyodo

#endif  // KYODO_OUTPUT_H_
