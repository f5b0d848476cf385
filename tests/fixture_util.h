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

/// True when the developer asked to rewrite expected files (UPDATE_GOLDEN=1).
inline bool UpdateGolden() {
  const char* v = std::getenv("UPDATE_GOLDEN");
  return v && std::string(v) == "1";
}

/// The repository root (tests run from it; see CMakeLists WORKING_DIRECTORY).
inline std::string SourceDir() { return KYODO_SOURCE_DIR; }

}  // namespace kyodo

#endif  // KYODO_TESTS_FIXTURE_UTIL_H_
