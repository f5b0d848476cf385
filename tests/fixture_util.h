// Helpers for whole-site fixture tests: copy a real folder into a MemoryDisk so
// a build runs in memory and can be compared with committed expectations.
#ifndef KYODO_TESTS_FIXTURE_UTIL_H_
#define KYODO_TESTS_FIXTURE_UTIL_H_

#include <cstdlib>
#include <string>

#include "disk.h"

namespace kyodo {

/// Copies every file under `dir` on `real` to `prefix`/… on `mem` (overwriting).
inline void LoadTree(const Disk& real, const std::string& dir, const std::string& prefix, MemoryDisk* mem) {
  for (const std::string& name : real.ListDir(dir)) {
    std::string path = JoinPath(dir, name);
    std::string target = JoinPath(prefix, name);
    if (real.Stat(path) == FileKind::kDir) {
      LoadTree(real, path, target, mem);
    } else {
      std::string bytes, err;
      if (real.ReadFile(path, &bytes, &err)) mem->Add(target, bytes);
    }
  }
}

/// Adds the files of a txtar-style text to `mem`: each file starts with a line
/// "-- path --" and runs to the next such line (Hugo's integration-test format).
inline void AddTxtar(const std::string& txtar, MemoryDisk* mem) {
  std::string path, body;
  size_t pos = 0;
  auto flush = [&] {
    if (!path.empty()) mem->Add(path, body);
  };
  while (pos < txtar.size()) {
    size_t nl = txtar.find('\n', pos);
    std::string line = txtar.substr(pos, nl == std::string::npos ? std::string::npos : nl - pos);
    pos = nl == std::string::npos ? txtar.size() : nl + 1;
    if (line.size() > 6 && line.rfind("-- ", 0) == 0 && line.compare(line.size() - 3, 3, " --") == 0) {
      flush();
      path = line.substr(3, line.size() - 6);
      body.clear();
    } else {
      body += line + "\n";
    }
  }
  flush();
}

/// The contents of `path` on `disk`, or "" when it is missing.
inline std::string ReadText(const Disk& disk, const std::string& path) {
  std::string text, err;
  disk.ReadFile(path, &text, &err);
  return text;
}

/// True when the developer asked to rewrite expected files (UPDATE_GOLDEN=1).
inline bool UpdateGolden() {
  const char* v = std::getenv("UPDATE_GOLDEN");
  return v && std::string(v) == "1";
}

/// The repository root (tests run from it; see CMakeLists WORKING_DIRECTORY).
inline std::string SourceDir() { return KYODO_SOURCE_DIR; }

}  // namespace kyodo

#endif  // KYODO_TESTS_FIXTURE_UTIL_H_
