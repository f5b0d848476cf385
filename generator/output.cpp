#include "output.h"

namespace kyodo {

namespace {

// True when `path` is a file that already has exactly these bytes (the size first,
// so most changed files are not read).
bool HoldsBytes(const Disk& disk, const std::string& path, const std::string& bytes) {
  if (disk.Stat(path) != FileKind::kFile || disk.FileSize(path) != bytes.size()) return false;
  std::string previous, err;
  return disk.ReadFile(path, &previous, &err) && previous == bytes;
}

}  // namespace

bool IsSafeRelativePath(const std::string& rel) {
  if (rel.empty() || rel[0] == '/' || rel.find('\\') != std::string::npos || rel.find('\0') != std::string::npos) {
    return false;
  }
  size_t start = 0;
  while (start <= rel.size()) {
    size_t slash = rel.find('/', start);
    std::string part = rel.substr(start, slash == std::string::npos ? std::string::npos : slash - start);
    if (part.empty() || part == "." || part == "..") return false;
    if (slash == std::string::npos) break;
    start = slash + 1;
  }
  return true;
}

bool OutputSink::Claim(const std::string& rel, Diagnostics* diags) {
  if (!IsSafeRelativePath(rel)) {
    diags->Error({rel, 0, 0}, "出力先のパスが安全ではありません（.. や / で始まるパスは使えません）");
    return false;
  }
  std::lock_guard<std::mutex> lock(mu_);
  if (!written_.insert(rel).second) {
    diags->Error({rel, 0, 0}, "同じ出力先に2つのページがあります",
                 "slug: かファイル名を変えて、URL が重ならないようにしてください");
    return false;
  }
  return true;
}

std::set<std::string> OutputSink::written() const {
  std::lock_guard<std::mutex> lock(mu_);
  return written_;
}

bool OutputSink::CopyThrough(const Disk& disk, const std::string& rel, const std::string& source, std::string* err) {
  std::string bytes;
  if (!disk.ReadFile(source, &bytes, err)) return false;
  return Put(rel, bytes, err);
}

bool OutputSink::Write(const std::string& rel, const std::string& bytes, Diagnostics* diags) {
  if (!Claim(rel, diags)) return false;
  std::string err;
  if (!Put(rel, bytes, &err)) {
    diags->Error({rel, 0, 0}, "書き込めません: " + err);
    return false;
  }
  ++files_;
  return true;
}

bool OutputSink::Copy(const std::string& rel, const std::string& source, Diagnostics* diags) {
  if (!Claim(rel, diags)) return false;
  std::string err;
  if (!PutCopy(rel, source, &err)) {
    diags->Error({source, 0, 0}, "コピーできません: " + err);
    return false;
  }
  ++files_;
  return true;
}

SiteWriter::SiteWriter(Disk* disk, std::string out) : disk_(disk), out_(WithoutTrailingSlash(std::move(out))) {
  staging_ = out_ + ".kyodo-new";
}

bool SiteWriter::CheckFolder(const Disk& disk, std::string* out, Diagnostics* diags) {
  if (disk.IsSymlink(*out)) {
    // A published folder reached through a link (/var/www/kyodo → /srv/kyodo/site):
    // swapping the link itself would turn it into a plain folder and leave the site
    // it points to old for ever, so the folder it points to is the one replaced.
    std::string target = disk.Canonical(*out);
    if (target.empty()) {
      diags->Error({*out, 0, 0}, "出力先はシンボリックリンクですが、リンク先のフォルダがありません",
                   "リンク先のフォルダを作るか、--out にフォルダを指定してください");
      return false;
    }
    *out = target;
  }
  FileKind kind = disk.Stat(*out);
  if (kind == FileKind::kFile || kind == FileKind::kOther) {
    diags->Error({*out, 0, 0}, "出力先がフォルダではありません");
    return false;
  }
  if (kind == FileKind::kDir && !disk.ListDir(*out).empty() && !disk.Exists(JoinPath(*out, kMarker))) {
    // The whole folder is replaced: never do that to a folder kyodo did not make.
    diags->Error({*out, 0, 0}, "出力先のフォルダは kyodo が作ったものではないため、上書きしません",
                 "空のフォルダか新しいフォルダを --out に指定してください");
    return false;
  }
  return true;
}

std::string SiteWriter::LockPath(const std::string& out) {
  std::string name = ".";  // built up in steps: "." + string&& trips GCC 12's -Wrestrict
  name += BaseName(out);
  name += ".kyodo-lock";
  return JoinPath(DirName(out), name);
}

SiteWriter::~SiteWriter() {
  if (!lock_.empty()) disk_->Unlock(lock_);
}

bool SiteWriter::Begin(Diagnostics* diags) {
  if (!CheckFolder(*disk_, &out_, diags)) return false;
  staging_ = out_ + ".kyodo-new";
  std::string err;
  // A second build (cron beside a CI job, two clerks) removed the first one's staging
  // folder as "left over" while it was being written, and the first then swapped in
  // a site with files missing and reported success.
  if (!disk_->TryLock(LockPath(out_), &err)) {
    diags->Error({out_, 0, 0},
                 err.empty() ? "ほかの kyodo が同じ出力先に書き出している最中です" : "出力先のロックを取れません: " + err,
                 "そのビルドが終わってから、もう一度実行してください（同じ出力先には一度に一つずつ書き出します）");
    return false;
  }
  lock_ = LockPath(out_);
  FileKind kind = disk_->Stat(out_);
  // A first build has nothing to carry over: no need to look for each file's old copy.
  has_previous_ = kind == FileKind::kDir;
  if (disk_->Exists(staging_) && !disk_->RemoveAll(staging_, &err)) {
    diags->Error({staging_, 0, 0}, "前回の作業フォルダを消せません: " + err);
    return false;
  }
  // The marker is carried over like any unchanged file: a new one each build made
  // rsync and aws s3 sync upload it every time.
  const std::string old_marker = JoinPath(out_, kMarker), marker = JoinPath(staging_, kMarker);
  if (!(has_previous_ && disk_->HasNewFileMode(old_marker) && disk_->HardLink(old_marker, marker, &err)) &&
      !disk_->WriteFile(marker, "", &err)) {
    diags->Error({staging_, 0, 0}, "作業フォルダを作れません: " + err);
    return false;
  }
  // The new folder takes the old one's place: without its mode and group, a folder
  // the administrator made group-readable for the web server (chgrp www-data,
  // chmod 2750) became the builder's own after the first build, and every page 403.
  if (has_previous_ && !disk_->CopyFolderAccess(out_, staging_, &err)) {
    diags->Error({out_, 0, 0}, "出力先のフォルダのアクセス権を新しいサイトに引き継げません: " + err,
                 "出力先のフォルダの持ち主で kyodo を実行してください");
    Abort();
    return false;
  }
  return true;
}

bool SiteWriter::Put(const std::string& rel, const std::string& bytes, std::string* err) {
  std::string target = JoinPath(staging_, rel);
  std::string old = has_previous_ ? JoinPath(out_, rel) : std::string();
  // A file kept from a build under another umask (077: unreadable for the web server)
  // would keep that mode for ever through the link: such a file is written anew.
  if (has_previous_ && HoldsBytes(*disk_, old, bytes) && disk_->HasNewFileMode(old) &&
      disk_->HardLink(old, target, err)) {
    ++unchanged_;
    return true;
  }
  return disk_->WriteFile(target, bytes, err);
}

bool SiteWriter::PutCopy(const std::string& rel, const std::string& source, std::string* err) {
  return CopyThrough(*disk_, rel, source, err);
}

bool SiteWriter::Commit(Diagnostics* diags) {
  std::string err;
  if (disk_->Stat(out_) == FileKind::kDir) {
    if (!disk_->Exchange(staging_, out_, &err)) {
      // Nearly always a mount point (docker run -v …:/site, a mounted web root), which
      // cannot be renamed, or a file system without renameat2 (SMB/NFS).
      diags->Error({out_, 0, 0}, "新しいサイトに入れ替えられません: " + err,
                   "出力先がマウントポイント（Docker のボリュームやネットワークドライブ）だと、フォルダごとは入れ替えられません。"
                   "--out にその中のフォルダ（" + JoinPath(out_, "site") + " など）を指定するか、ローカルディスクに作ってから rsync などでコピーしてください");
      Abort();
      return false;
    }
    // staging_ now holds the previous site.
    if (!disk_->RemoveAll(staging_, &err)) diags->Warning({staging_, 0, 0}, "前のサイトを消せません: " + err);
    return true;
  }
  if (!disk_->Rename(staging_, out_, &err)) {
    diags->Error({out_, 0, 0}, "出力先を作れません: " + err);
    Abort();
    return false;
  }
  return true;
}

void SiteWriter::Abort() {
  std::string err;
  disk_->RemoveAll(staging_, &err);
}

InPlaceWriter::InPlaceWriter(Disk* disk, std::string out) : disk_(disk), out_(WithoutTrailingSlash(std::move(out))) {}

bool InPlaceWriter::Put(const std::string& rel, const std::string& bytes, std::string* err) {
  std::string path = JoinPath(out_, rel);
  if (HoldsBytes(*disk_, path, bytes)) return true;
  {
    // Only what changes is kept, so an edit holds a few pages. A pass that changes
    // more than the limit (a template edit on a large site) writes through from
    // then on: memory must not grow with the site, and a failure then leaves the
    // site partly updated, until the next clean save.
    std::lock_guard<std::mutex> lock(mu_);
    if (holding_ && held_bytes_ + bytes.size() <= hold_limit_) {
      held_bytes_ += bytes.size();
      held_[rel] = bytes;
      return true;
    }
  }
  if (!WriteHeld(err)) return false;
  if (!disk_->WriteFile(path, bytes, err)) return false;
  std::lock_guard<std::mutex> lock(mu_);
  changed_.insert(rel);
  return true;
}

bool InPlaceWriter::PutCopy(const std::string& rel, const std::string& source, std::string* err) {
  return CopyThrough(*disk_, rel, source, err);
}

// Stops holding and writes what was held.
bool InPlaceWriter::WriteHeld(std::string* err) {
  std::map<std::string, std::string> held;
  {
    std::lock_guard<std::mutex> lock(mu_);
    holding_ = false;
    held.swap(held_);
    held_bytes_ = 0;
  }
  for (const auto& [rel, bytes] : held) {
    if (!disk_->WriteFile(JoinPath(out_, rel), bytes, err)) return false;
    std::lock_guard<std::mutex> lock(mu_);
    changed_.insert(rel);
  }
  return true;
}

bool InPlaceWriter::Commit(Diagnostics* diags) {
  std::string err;
  if (WriteHeld(&err)) return true;
  diags->Error({out_, 0, 0}, "書き込めません: " + err);
  return false;
}

void InPlaceWriter::Abort() {
  std::lock_guard<std::mutex> lock(mu_);
  holding_ = false;
  held_.clear();
  held_bytes_ = 0;
}

void InPlaceWriter::Remove(const std::string& rel) {
  std::string err;
  if (!IsSafeRelativePath(rel) || !disk_->Exists(JoinPath(out_, rel))) return;
  disk_->RemoveAll(JoinPath(out_, rel), &err);
  // A page is a folder of its own (cases/x/index.html): leave no empty folder that
  // a fresh build would not have.
  for (std::string dir = DirName(rel); !dir.empty(); dir = DirName(dir)) {
    const std::string path = JoinPath(out_, dir);
    if (disk_->Stat(path) != FileKind::kDir || !disk_->ListDir(path).empty()) break;
    disk_->RemoveAll(path, &err);
  }
  std::lock_guard<std::mutex> lock(mu_);
  changed_.insert(rel);
}

std::vector<std::string> InPlaceWriter::changed() const {
  std::lock_guard<std::mutex> lock(mu_);
  return {changed_.begin(), changed_.end()};
}

}  // namespace kyodo
