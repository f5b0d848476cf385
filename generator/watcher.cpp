#include "watcher.h"

#include <poll.h>
#include <sys/eventfd.h>
#include <sys/inotify.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

namespace kyodo {

namespace {

// Saves arrive as a write (IN_CLOSE_WRITE) or, from editors that write a temp file
// and rename it over the original (vim, VS Code, most IDEs), as IN_MOVED_TO.
// IN_CREATE is only needed for folders: a new file is reported when it is closed,
// not while it is still empty.
constexpr uint32_t kWatchMask = IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_CREATE | IN_DELETE |
                                IN_DELETE_SELF | IN_ONLYDIR | IN_EXCL_UNLINK;

}  // namespace

bool IsEditorTempFile(const std::string& name) {
  return name.empty() || name == "4913" || name.back() == '~' || name.starts_with(".#") || name.ends_with(".swp") ||
         name.ends_with(".swx");
}

std::unique_ptr<Watcher> Watcher::Create(const Disk& disk, const std::vector<std::string>& roots, std::string* err) {
  int fd = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
  if (fd < 0) {
    *err = std::string("inotify を使えません: ") + std::strerror(errno);
    return nullptr;
  }
  int wake = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
  if (wake < 0) {
    *err = std::string("eventfd を使えません: ") + std::strerror(errno);
    ::close(fd);
    return nullptr;
  }
  std::unique_ptr<Watcher> w(new Watcher(disk, fd, wake));
  for (const std::string& root : roots) {
    if (disk.Stat(root) != FileKind::kDir) continue;
    w->roots_.push_back(root);
    w->AddTree(root, nullptr);
    if (!w->error_.empty()) {
      *err = w->error_;
      return nullptr;
    }
  }
  return w;
}

Watcher::Watcher(const Disk& disk, int inotify_fd, int wake_fd) : disk_(disk), fd_(inotify_fd), wake_fd_(wake_fd) {}

Watcher::~Watcher() {
  ::close(fd_);
  ::close(wake_fd_);
}

void Watcher::AddTree(const std::string& dir, std::map<std::string, Seen>* found) {
  // Symlinked folders are not followed: the content loader refuses them too.
  if (disk_.IsSymlink(dir)) return;
  int wd = inotify_add_watch(fd_, dir.c_str(), kWatchMask);
  if (wd < 0) {
    // ENOSPC is the per-user watch limit (fs.inotify.max_user_watches); name it so
    // the reader knows what to raise. A folder that vanished meanwhile is no error.
    if (errno == ENOSPC && error_.empty()) {
      error_ = dir + " を監視できません（inotify の上限 fs.inotify.max_user_watches に達しました）";
    }
    return;
  }
  dirs_[wd] = dir;
  for (const std::string& name : disk_.ListDir(dir)) {
    std::string path = dir + "/" + name;
    FileKind kind = disk_.Stat(path);
    if (kind == FileKind::kDir) {
      AddTree(path, found);
    } else if (found && kind == FileKind::kFile && !IsEditorTempFile(name)) {
      // Files written into a new folder before its watch existed have no event of their own.
      (*found)[path].changed = true;
    }
  }
}

void Watcher::Forget(const std::string& dir) {
  for (auto it = dirs_.begin(); it != dirs_.end();) {
    if (it->second == dir || IsUnder(it->second, dir)) {
      inotify_rm_watch(fd_, it->first);  // fails harmlessly when the folder is already gone
      it = dirs_.erase(it);
    } else {
      ++it;
    }
  }
}

int Watcher::Wait(int timeout_ms) {
  pollfd fds[2] = {{wake_fd_, POLLIN, 0}, {fd_, POLLIN, 0}};
  for (;;) {
    int n = ::poll(fds, 2, timeout_ms);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0 || (fds[0].revents & POLLIN)) return -1;
    return n == 0 ? 0 : 1;
  }
}

void Watcher::Drain(std::map<std::string, Seen>* batch) {
  // The first event of a path in a batch decides whether it "appeared" in it.
  auto note = [batch](const std::string& path, bool appeared, bool changed) {
    auto [it, added] = batch->try_emplace(path);
    if (added) it->second.appeared = appeared;
    it->second.changed = it->second.changed || changed;
  };
  alignas(inotify_event) char buf[16384];
  for (;;) {
    ssize_t n = ::read(fd_, buf, sizeof buf);
    if (n <= 0) return;  // EAGAIN: the queue is empty
    for (char* p = buf; p < buf + n;) {
      const auto* ev = reinterpret_cast<const inotify_event*>(p);
      p += sizeof(inotify_event) + ev->len;
      if (ev->mask & IN_Q_OVERFLOW) {
        // Events were lost: say "something in each root changed", which Site::Update
        // answers with a full rebuild.
        for (const std::string& root : roots_) note(root + "/", false, true);
        continue;
      }
      auto dir = dirs_.find(ev->wd);
      if (dir == dirs_.end()) continue;
      if (ev->mask & IN_IGNORED) {
        dirs_.erase(dir);
        continue;
      }
      if (ev->mask & IN_DELETE_SELF) {
        // The parent's IN_DELETE reports a subfolder; only a root has no watched parent.
        if (std::find(roots_.begin(), roots_.end(), dir->second) != roots_.end()) note(dir->second + "/", false, true);
        continue;
      }
      std::string name = ev->len > 0 ? std::string(ev->name) : std::string();
      if (IsEditorTempFile(name)) continue;
      std::string path = dir->second + "/" + name;
      if (ev->mask & IN_ISDIR) {
        if (ev->mask & (IN_CREATE | IN_MOVED_TO)) {
          AddTree(path, batch);
        } else if (ev->mask & (IN_MOVED_FROM | IN_DELETE)) {
          Forget(path);
          note(path, false, true);
        }
      } else if (ev->mask & IN_CREATE) {
        note(path, true, false);  // reported once written and closed, or dropped if gone by then
      } else {
        note(path, (ev->mask & IN_MOVED_TO) != 0, true);
      }
    }
  }
}

bool Watcher::Next(std::vector<std::string>* changed, std::chrono::milliseconds debounce) {
  changed->clear();
  while (changed->empty()) {
    std::map<std::string, Seen> batch;
    while (batch.empty()) {
      if (Wait(-1) < 0) return false;
      Drain(&batch);  // may stay empty: only editor temp files changed
    }
    auto deadline = std::chrono::steady_clock::now() + debounce;
    for (;;) {
      auto left = std::chrono::ceil<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
      if (left.count() <= 0) break;
      int r = Wait(static_cast<int>(left.count()));
      if (r < 0) return false;
      if (r == 0) break;
      Drain(&batch);
    }
    for (const auto& [path, seen] : batch) {
      if (!seen.changed || (seen.appeared && disk_.Stat(path) == FileKind::kMissing)) continue;
      changed->push_back(path);  // std::map keeps them sorted
    }
  }
  return true;
}

void Watcher::Stop() {
  uint64_t one = 1;
  // The eventfd stays readable, so every later Wait() also sees the stop.
  [[maybe_unused]] ssize_t n = ::write(wake_fd_, &one, sizeof one);
}

}  // namespace kyodo
