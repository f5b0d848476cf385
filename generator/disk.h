// The only code that touches the filesystem. Every other stage reads and writes
// through a Disk, so tests run whole builds on a MemoryDisk.
#ifndef KYODO_DISK_H_
#define KYODO_DISK_H_

#include <cstdint>
#include <map>
#include <mutex>
#include <set>
#include <string>
#include <vector>

namespace kyodo {

enum class FileKind { kMissing, kFile, kDir, kOther };

/// Paths are UTF-8 strings with '/' separators, relative to the working directory
/// or absolute. Implementations must be safe to call from several threads.
class Disk {
 public:
  virtual ~Disk() = default;

  virtual FileKind Stat(const std::string& path) const = 0;
  /// Reads a whole file; on failure returns false and sets `err`.
  virtual bool ReadFile(const std::string& path, std::string* contents, std::string* err) const = 0;
  /// Names (not paths) of the entries of a directory, sorted by byte order.
  virtual std::vector<std::string> ListDir(const std::string& dir) const = 0;
  virtual uint64_t FileSize(const std::string& path) const = 0;
  /// True when `path` is a symbolic link (not followed).
  virtual bool IsSymlink(const std::string& path) const = 0;
  /// The absolute, symlink-free form of an existing path, or "" if it cannot be resolved.
  virtual std::string Canonical(const std::string& path) const = 0;

  /// Writes a file, creating parent directories.
  virtual bool WriteFile(const std::string& path, const std::string& contents, std::string* err) = 0;
  /// Makes `to` another name of the file `from` (both on this disk); used to carry
  /// unchanged output into a new build without rewriting it.
  virtual bool HardLink(const std::string& from, const std::string& to, std::string* err) = 0;
  virtual bool RemoveAll(const std::string& path, std::string* err) = 0;
  virtual bool Rename(const std::string& from, const std::string& to, std::string* err) = 0;
  /// Atomically exchanges two existing directories (renameat2 RENAME_EXCHANGE).
  virtual bool Exchange(const std::string& a, const std::string& b, std::string* err) = 0;
  /// Modification time in nanoseconds since the epoch (0 if missing).
  virtual int64_t MTimeNs(const std::string& path) const = 0;
  /// Gives folder `to` the permission bits (setgid included) and, where the user may
  /// set it, the group of folder `from`: a folder that replaces another keeps what
  /// the administrator set up for the web server.
  virtual bool CopyFolderAccess(const std::string& from, const std::string& to, std::string* err) = 0;
  /// Takes the exclusive lock named `path` (on a real disk an flock on that file, made
  /// when missing), held until Unlock or the end of the process. False when another
  /// holder has it (`err` empty) or it cannot be taken (`err` says why).
  virtual bool TryLock(const std::string& path, std::string* err) = 0;
  /// Whether the file at `path` has the permissions WriteFile gives a new file now
  /// (0644 under the process's umask): only then may a build carry it over unchanged.
  virtual bool HasNewFileMode(const std::string& path) const = 0;
  virtual void Unlock(const std::string& path) = 0;

  bool Exists(const std::string& path) const { return Stat(path) != FileKind::kMissing; }
};

/// The real filesystem, through Boost.Filesystem (and renameat2 for Exchange).
class RealDisk : public Disk {
 public:
  FileKind Stat(const std::string& path) const override;
  bool ReadFile(const std::string& path, std::string* contents, std::string* err) const override;
  std::vector<std::string> ListDir(const std::string& dir) const override;
  uint64_t FileSize(const std::string& path) const override;
  bool IsSymlink(const std::string& path) const override;
  std::string Canonical(const std::string& path) const override;
  bool WriteFile(const std::string& path, const std::string& contents, std::string* err) override;
  bool HardLink(const std::string& from, const std::string& to, std::string* err) override;
  bool RemoveAll(const std::string& path, std::string* err) override;
  bool Rename(const std::string& from, const std::string& to, std::string* err) override;
  bool Exchange(const std::string& a, const std::string& b, std::string* err) override;
  int64_t MTimeNs(const std::string& path) const override;
  bool CopyFolderAccess(const std::string& from, const std::string& to, std::string* err) override;
  bool TryLock(const std::string& path, std::string* err) override;
  void Unlock(const std::string& path) override;
  bool HasNewFileMode(const std::string& path) const override;

 private:
  std::mutex locks_mu_;
  std::map<std::string, int> locks_;  ///< lock path → its open file
};

/// An in-memory disk for tests and fixtures. Directories exist implicitly as
/// prefixes of file paths; symlinks can be declared to test the guards.
class MemoryDisk : public Disk {
 public:
  MemoryDisk() = default;
  /// Adds a file (test set-up).
  void Add(const std::string& path, std::string contents);
  /// Declares `path` a symlink whose canonical target is `target`.
  void AddSymlink(const std::string& path, const std::string& target);
  /// Every file path under `dir` (recursively), sorted.
  std::vector<std::string> FilesUnder(const std::string& dir) const;
  /// How many times WriteFile was called (to test that unchanged files are not rewritten).
  int writes() const;

  FileKind Stat(const std::string& path) const override;
  bool ReadFile(const std::string& path, std::string* contents, std::string* err) const override;
  std::vector<std::string> ListDir(const std::string& dir) const override;
  uint64_t FileSize(const std::string& path) const override;
  bool IsSymlink(const std::string& path) const override;
  std::string Canonical(const std::string& path) const override;
  bool WriteFile(const std::string& path, const std::string& contents, std::string* err) override;
  bool HardLink(const std::string& from, const std::string& to, std::string* err) override;
  bool RemoveAll(const std::string& path, std::string* err) override;
  bool Rename(const std::string& from, const std::string& to, std::string* err) override;
  bool Exchange(const std::string& a, const std::string& b, std::string* err) override;
  int64_t MTimeNs(const std::string& path) const override;
  /// Permissions are not modelled: succeeds when both folders exist.
  bool CopyFolderAccess(const std::string& from, const std::string& to, std::string* err) override;
  bool TryLock(const std::string& path, std::string* err) override;
  void Unlock(const std::string& path) override;
  /// Permissions are not modelled: every file has them.
  bool HasNewFileMode(const std::string& path) const override;

 private:
  struct Entry {
    std::string contents;
    int64_t mtime = 0;
  };
  bool IsDirLocked(const std::string& path) const;
  void MovePrefixLocked(const std::string& from, const std::string& to,
                        std::map<std::string, Entry>* into);

  mutable std::mutex mu_;
  std::map<std::string, Entry> files_;
  std::map<std::string, std::string> symlinks_;
  std::set<std::string> locks_;
  int64_t clock_ = 1;
  int writes_ = 0;
};

/// Joins path parts with '/', skipping empty parts.
std::string JoinPath(const std::string& a, const std::string& b);
/// Whether `path` lies below the folder `dir` ("a/b/c.md" is under "a/b" and "a", not
/// under "a/bc" or itself).
bool IsUnder(const std::string& path, const std::string& dir);
/// A folder as given on the command line without its trailing slashes ("site/" →
/// "site"; "/" stays "/"), so paths built from it have one spelling.
std::string WithoutTrailingSlash(std::string dir);
/// The directory part of a path ("a/b/c.md" → "a/b"; "c.md" → "").
std::string DirName(const std::string& path);
/// The file name without directories ("a/b/c.md" → "c.md").
std::string BaseName(const std::string& path);
/// The file name's last extension in lower case, with its dot ("a/B.JPG?x#y" → ".jpg");
/// "" when it has none (a name starting with a dot, .htaccess, has none either).
std::string LowerExtension(const std::string& path);
/// The file name without its last extension ("a/b/c.md" → "c").
std::string StemOf(const std::string& path);
/// Resolves "." and ".." segments lexically; returns "" if ".." climbs above the start.
std::string NormalizePath(const std::string& path);

}  // namespace kyodo

#endif  // KYODO_DISK_H_
