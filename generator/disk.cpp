#include "disk.h"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <linux/fs.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <algorithm>
#include <boost/filesystem.hpp>
#include <cerrno>
#include <cstring>
#include <fstream>

namespace fs = boost::filesystem;

namespace kyodo {

std::string JoinPath(const std::string& a, const std::string& b) {
  if (a.empty()) return b;
  if (b.empty()) return a;
  if (a.back() == '/') return a + b;
  return a + "/" + b;
}

bool IsUnder(const std::string& path, const std::string& dir) {
  return path.size() > dir.size() && path.compare(0, dir.size(), dir) == 0 && path[dir.size()] == '/';
}

std::string WithoutTrailingSlash(std::string dir) {
  while (dir.size() > 1 && dir.back() == '/') dir.pop_back();
  return dir;
}

std::string DirName(const std::string& path) {
  size_t slash = path.rfind('/');
  return slash == std::string::npos ? std::string() : path.substr(0, slash);
}

std::string BaseName(const std::string& path) {
  size_t slash = path.rfind('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

std::string LowerExtension(const std::string& path) {
  const std::string name = BaseName(path.substr(0, path.find_first_of("?#")));
  const size_t dot = name.rfind('.');
  if (dot == std::string::npos || dot == 0) return "";
  std::string ext = name.substr(dot);
  for (char& c : ext) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return ext;
}

std::string StemOf(const std::string& path) {
  std::string base = BaseName(path);
  size_t dot = base.rfind('.');
  return dot == std::string::npos || dot == 0 ? base : base.substr(0, dot);
}

std::string NormalizePath(const std::string& path) {
  std::vector<std::string> parts;
  size_t start = 0;
  bool absolute = !path.empty() && path[0] == '/';
  while (start <= path.size()) {
    size_t slash = path.find('/', start);
    std::string part = path.substr(start, slash == std::string::npos ? std::string::npos : slash - start);
    if (part == "..") {
      if (parts.empty()) return "";
      parts.pop_back();
    } else if (!part.empty() && part != ".") {
      parts.push_back(part);
    }
    if (slash == std::string::npos) break;
    start = slash + 1;
  }
  std::string out = absolute ? "/" : "";
  for (size_t i = 0; i < parts.size(); ++i) out += (i ? "/" : "") + parts[i];
  return out;
}

// ---- RealDisk -------------------------------------------------------------

FileKind RealDisk::Stat(const std::string& path) const {
  boost::system::error_code ec;
  fs::file_status st = fs::status(path, ec);
  if (ec || st.type() == fs::file_not_found) return FileKind::kMissing;
  if (st.type() == fs::regular_file) return FileKind::kFile;
  if (st.type() == fs::directory_file) return FileKind::kDir;
  return FileKind::kOther;
}

bool RealDisk::ReadFile(const std::string& path, std::string* contents, std::string* err) const {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    *err = std::strerror(errno);
    return false;
  }
  contents->clear();
  char buf[64 * 1024];
  for (;;) {
    ssize_t n = ::read(fd, buf, sizeof buf);
    if (n < 0) {
      if (errno == EINTR) continue;
      *err = std::strerror(errno);
      ::close(fd);
      return false;
    }
    if (n == 0) break;
    contents->append(buf, static_cast<size_t>(n));
  }
  ::close(fd);
  return true;
}

std::vector<std::string> RealDisk::ListDir(const std::string& dir) const {
  std::vector<std::string> names;
  boost::system::error_code ec;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    names.push_back(it->path().filename().string());
  }
  std::sort(names.begin(), names.end());
  return names;
}

uint64_t RealDisk::FileSize(const std::string& path) const {
  boost::system::error_code ec;
  uintmax_t size = fs::file_size(path, ec);
  return ec ? 0 : static_cast<uint64_t>(size);
}

bool RealDisk::IsSymlink(const std::string& path) const {
  boost::system::error_code ec;
  return fs::is_symlink(fs::symlink_status(path, ec));
}

std::string RealDisk::Canonical(const std::string& path) const {
  boost::system::error_code ec;
  fs::path p = fs::canonical(path, ec);
  return ec ? std::string() : p.string();
}

namespace {

// mkdir -p with as few system calls as possible: most output folders are new
// but their parent exists, so try the folder itself first and climb only on ENOENT.
bool MakeDirs(const std::string& dir) {
  if (dir.empty() || ::mkdir(dir.c_str(), 0755) == 0 || errno == EEXIST) return true;
  if (errno != ENOENT) return false;
  if (!MakeDirs(DirName(dir))) return false;
  return ::mkdir(dir.c_str(), 0755) == 0 || errno == EEXIST;
}

}  // namespace

bool RealDisk::WriteFile(const std::string& path, const std::string& contents, std::string* err) {
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0 && errno == ENOENT && MakeDirs(DirName(path))) {
    fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  }
  if (fd < 0) {
    *err = std::strerror(errno);
    return false;
  }
  size_t done = 0;
  while (done < contents.size()) {
    ssize_t n = ::write(fd, contents.data() + done, contents.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      *err = std::strerror(errno);
      ::close(fd);
      return false;
    }
    done += static_cast<size_t>(n);
  }
  if (::close(fd) != 0) {
    *err = std::strerror(errno);
    return false;
  }
  return true;
}

bool RealDisk::HardLink(const std::string& from, const std::string& to, std::string* err) {
  boost::system::error_code ec;
  std::string dir = DirName(to);
  if (!dir.empty()) fs::create_directories(dir, ec);
  if (!ec) fs::create_hard_link(from, to, ec);
  if (ec) *err = ec.message();
  return !ec;
}

bool RealDisk::RemoveAll(const std::string& path, std::string* err) {
  boost::system::error_code ec;
  fs::remove_all(path, ec);
  if (ec) *err = ec.message();
  return !ec;
}

bool RealDisk::Rename(const std::string& from, const std::string& to, std::string* err) {
  boost::system::error_code ec;
  fs::rename(from, to, ec);
  if (ec) *err = ec.message();
  return !ec;
}

bool RealDisk::Exchange(const std::string& a, const std::string& b, std::string* err) {
  // Boost has no atomic exchange; renameat2 swaps both names in one step, so a
  // reader (or a crash) sees either the old site or the new one, never neither.
  if (::syscall(SYS_renameat2, AT_FDCWD, a.c_str(), AT_FDCWD, b.c_str(), RENAME_EXCHANGE) != 0) {
    *err = std::strerror(errno);
    return false;
  }
  return true;
}

int64_t RealDisk::MTimeNs(const std::string& path) const {
  struct stat st;
  if (::stat(path.c_str(), &st) != 0) return 0;
  return static_cast<int64_t>(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec;
}

bool RealDisk::CopyFolderAccess(const std::string& from, const std::string& to, std::string* err) {
  struct stat st;
  if (::stat(from.c_str(), &st) != 0) {
    *err = std::strerror(errno);
    return false;
  }
  // The group first: chmod after it keeps the setgid bit, which a chown may clear.
  // A group the user is not in cannot be given (EPERM); the mode still is.
  if (::chown(to.c_str(), static_cast<uid_t>(-1), st.st_gid) != 0 && errno != EPERM) {
    *err = std::strerror(errno);
    return false;
  }
  if (::chmod(to.c_str(), st.st_mode & 07777) != 0) {
    *err = std::strerror(errno);
    return false;
  }
  return true;
}

bool RealDisk::TryLock(const std::string& path, std::string* err) {
  err->clear();
  int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (fd < 0 && errno == ENOENT && MakeDirs(DirName(path))) {  // --out shards/saku in a new shards/
    fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  }
  if (fd < 0) {
    *err = std::strerror(errno);
    return false;
  }
  if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
    if (errno != EWOULDBLOCK) *err = std::strerror(errno);
    ::close(fd);
    return false;
  }
  std::lock_guard<std::mutex> lock(locks_mu_);
  locks_[path] = fd;
  return true;
}

void RealDisk::Unlock(const std::string& path) {
  std::lock_guard<std::mutex> lock(locks_mu_);
  auto it = locks_.find(path);
  if (it == locks_.end()) return;
  ::close(it->second);  // releases the flock
  locks_.erase(it);
}

namespace {

// The process's umask, read from /proc/self/status: umask() can only be read by
// setting it, which would race with the threads writing files.
mode_t ProcessUmask() {
  std::ifstream status("/proc/self/status");
  for (std::string line; std::getline(status, line);) {
    if (line.rfind("Umask:", 0) == 0) return static_cast<mode_t>(std::stoul(line.substr(6), nullptr, 8));
  }
  return 022;
}

}  // namespace

bool RealDisk::HasNewFileMode(const std::string& path) const {
  static const mode_t kNewFileMode = 0644 & ~ProcessUmask();
  struct stat st;
  return ::stat(path.c_str(), &st) == 0 && (st.st_mode & 07777) == kNewFileMode;
}

// ---- MemoryDisk -----------------------------------------------------------

void MemoryDisk::Add(const std::string& path, std::string contents) {
  std::lock_guard<std::mutex> lock(mu_);
  files_[path] = {std::move(contents), clock_++};
}

void MemoryDisk::AddSymlink(const std::string& path, const std::string& target) {
  std::lock_guard<std::mutex> lock(mu_);
  symlinks_[path] = target;
}

std::vector<std::string> MemoryDisk::FilesUnder(const std::string& dir) const {
  std::lock_guard<std::mutex> lock(mu_);
  std::vector<std::string> out;
  std::string prefix = dir.empty() ? "" : dir + "/";
  for (auto it = files_.lower_bound(prefix); it != files_.end() && it->first.compare(0, prefix.size(), prefix) == 0;
       ++it) {
    out.push_back(it->first);
  }
  return out;
}

int MemoryDisk::writes() const {
  std::lock_guard<std::mutex> lock(mu_);
  return writes_;
}

bool MemoryDisk::IsDirLocked(const std::string& path) const {
  if (path.empty()) return true;
  std::string prefix = path + "/";
  auto it = files_.lower_bound(prefix);
  if (it != files_.end() && it->first.compare(0, prefix.size(), prefix) == 0) return true;
  auto link = symlinks_.lower_bound(prefix);
  return link != symlinks_.end() && link->first.compare(0, prefix.size(), prefix) == 0;
}

FileKind MemoryDisk::Stat(const std::string& path) const {
  std::lock_guard<std::mutex> lock(mu_);
  if (files_.count(path) || symlinks_.count(path)) return FileKind::kFile;
  return IsDirLocked(path) ? FileKind::kDir : FileKind::kMissing;
}

bool MemoryDisk::ReadFile(const std::string& path, std::string* contents, std::string* err) const {
  std::lock_guard<std::mutex> lock(mu_);
  auto it = files_.find(path);
  if (it == files_.end()) {
    *err = "No such file or directory";
    return false;
  }
  *contents = it->second.contents;
  return true;
}

std::vector<std::string> MemoryDisk::ListDir(const std::string& dir) const {
  std::lock_guard<std::mutex> lock(mu_);
  std::set<std::string> names;
  std::string prefix = dir.empty() ? "" : dir + "/";
  auto collect = [&](const std::string& path) {
    if (path.compare(0, prefix.size(), prefix) != 0) return false;
    std::string rest = path.substr(prefix.size());
    names.insert(rest.substr(0, rest.find('/')));
    return true;
  };
  for (auto it = files_.lower_bound(prefix); it != files_.end() && collect(it->first); ++it) {
  }
  for (auto it = symlinks_.lower_bound(prefix); it != symlinks_.end() && collect(it->first); ++it) {
  }
  return {names.begin(), names.end()};
}

uint64_t MemoryDisk::FileSize(const std::string& path) const {
  std::lock_guard<std::mutex> lock(mu_);
  auto it = files_.find(path);
  return it == files_.end() ? 0 : it->second.contents.size();
}

bool MemoryDisk::IsSymlink(const std::string& path) const {
  std::lock_guard<std::mutex> lock(mu_);
  return symlinks_.count(path) > 0;
}

std::string MemoryDisk::Canonical(const std::string& path) const {
  std::lock_guard<std::mutex> lock(mu_);
  auto link = symlinks_.find(path);
  std::string resolved = link != symlinks_.end() ? link->second : path;
  return "/mem/" + NormalizePath(resolved);
}

bool MemoryDisk::WriteFile(const std::string& path, const std::string& contents, std::string*) {
  std::lock_guard<std::mutex> lock(mu_);
  files_[path] = {contents, clock_++};
  ++writes_;
  return true;
}

bool MemoryDisk::HardLink(const std::string& from, const std::string& to, std::string* err) {
  std::lock_guard<std::mutex> lock(mu_);
  auto it = files_.find(from);
  if (it == files_.end()) {
    *err = "No such file or directory";
    return false;
  }
  files_[to] = it->second;  // same contents and mtime, like a second name of one inode
  return true;
}

bool MemoryDisk::RemoveAll(const std::string& path, std::string*) {
  std::lock_guard<std::mutex> lock(mu_);
  files_.erase(path);
  std::string prefix = path + "/";
  for (auto it = files_.lower_bound(prefix); it != files_.end() && it->first.compare(0, prefix.size(), prefix) == 0;) {
    it = files_.erase(it);
  }
  return true;
}

void MemoryDisk::MovePrefixLocked(const std::string& from, const std::string& to,
                                  std::map<std::string, Entry>* into) {
  std::string prefix = from + "/";
  for (auto it = files_.lower_bound(prefix); it != files_.end() && it->first.compare(0, prefix.size(), prefix) == 0;) {
    (*into)[to + "/" + it->first.substr(prefix.size())] = std::move(it->second);
    it = files_.erase(it);
  }
}

bool MemoryDisk::Rename(const std::string& from, const std::string& to, std::string* err) {
  std::lock_guard<std::mutex> lock(mu_);
  auto it = files_.find(from);
  if (it != files_.end()) {
    files_[to] = std::move(it->second);
    files_.erase(from);
    return true;
  }
  if (!IsDirLocked(from)) {
    *err = "No such file or directory";
    return false;
  }
  std::map<std::string, Entry> moved;
  MovePrefixLocked(from, to, &moved);
  files_.merge(moved);
  return true;
}

bool MemoryDisk::Exchange(const std::string& a, const std::string& b, std::string* err) {
  std::lock_guard<std::mutex> lock(mu_);
  if (!IsDirLocked(a) || !IsDirLocked(b)) {
    *err = "No such file or directory";
    return false;
  }
  std::map<std::string, Entry> moved;
  MovePrefixLocked(a, b, &moved);
  MovePrefixLocked(b, a, &moved);
  files_.merge(moved);
  return true;
}

int64_t MemoryDisk::MTimeNs(const std::string& path) const {
  std::lock_guard<std::mutex> lock(mu_);
  auto it = files_.find(path);
  return it == files_.end() ? 0 : it->second.mtime;
}

bool MemoryDisk::CopyFolderAccess(const std::string& from, const std::string& to, std::string* err) {
  if (Stat(from) != FileKind::kDir || Stat(to) != FileKind::kDir) {
    *err = "No such file or directory";
    return false;
  }
  return true;
}

bool MemoryDisk::TryLock(const std::string& path, std::string* err) {
  err->clear();
  std::lock_guard<std::mutex> lock(mu_);
  return locks_.insert(path).second;
}

void MemoryDisk::Unlock(const std::string& path) {
  std::lock_guard<std::mutex> lock(mu_);
  locks_.erase(path);
}

bool MemoryDisk::HasNewFileMode(const std::string& path) const { return Stat(path) == FileKind::kFile; }

}  // namespace kyodo
