// Lower bounds for bench/bench.py: what two pieces of a build cost on one core
// with nothing of kyodo around them.
//
//   kyodo_floors yaml CONTENT   parse every Markdown file's front matter with yaml-cpp
//   kyodo_floors write SITE OUT write every file of the built SITE again under OUT
//                               (folders, open, write, close: what any generator must do)
//
// Prints "<cpu seconds> <wall seconds> <count> <bytes>" (CPU is user + system time of
// the measured part only; the files are read into memory before it starts).
#include <fcntl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <set>
#include <string>
#include <utility>
#include <vector>

namespace fs = std::filesystem;

namespace {

double CpuSeconds() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  auto sec = [](const timeval& t) { return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_usec) / 1e6; };
  return sec(u.ru_utime) + sec(u.ru_stime);
}

std::string Read(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// Files under `root` (path relative to it, bytes), in a fixed order.
std::vector<std::pair<std::string, std::string>> ReadTree(const fs::path& root, const std::string& extension) {
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& e : fs::recursive_directory_iterator(root)) {
    if (!e.is_regular_file() || (!extension.empty() && e.path().extension() != extension)) continue;
    out.emplace_back(fs::relative(e.path(), root).string(), Read(e.path()));
  }
  std::sort(out.begin(), out.end());
  return out;
}

int Report(double cpu0, std::chrono::steady_clock::time_point wall0, size_t count, size_t bytes) {
  const double cpu = CpuSeconds() - cpu0;
  const double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - wall0).count();
  std::printf("%.3f %.3f %zu %zu\n", cpu, wall, count, bytes);
  return 0;
}

int Yaml(const fs::path& content) {
  std::vector<std::string> front;
  for (auto& [rel, text] : ReadTree(content, ".md")) {
    if (text.rfind("---\n", 0) != 0) continue;
    const size_t end = text.find("\n---", 3);
    if (end != std::string::npos) front.push_back(text.substr(4, end - 3));
  }
  size_t bytes = 0, keys = 0;
  for (const std::string& f : front) bytes += f.size();
  const double cpu0 = CpuSeconds();
  const auto wall0 = std::chrono::steady_clock::now();
  for (const std::string& f : front) keys += YAML::Load(f).size();
  if (keys == 0) std::fprintf(stderr, "no front matter keys read\n");
  return Report(cpu0, wall0, front.size(), bytes);
}

int Write(const fs::path& site, const fs::path& out) {
  const auto files = ReadTree(site, "");
  size_t bytes = 0;
  for (const auto& f : files) bytes += f.second.size();
  fs::remove_all(out);
  const double cpu0 = CpuSeconds();
  const auto wall0 = std::chrono::steady_clock::now();
  std::set<fs::path> made;
  for (const auto& [rel, data] : files) {
    const fs::path path = out / rel;
    if (made.insert(path.parent_path()).second) fs::create_directories(path.parent_path());
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0 || ::write(fd, data.data(), data.size()) != static_cast<ssize_t>(data.size()) || ::close(fd) != 0) {
      std::perror(path.c_str());
      return 1;
    }
  }
  const int status = Report(cpu0, wall0, files.size(), bytes);
  fs::remove_all(out);
  return status;
}

}  // namespace

int main(int argc, char** argv) {
  const std::vector<std::string> args(argv + 1, argv + argc);
  if (args.size() == 2 && args[0] == "yaml") return Yaml(args[1]);
  if (args.size() == 3 && args[0] == "write") return Write(args[1], args[2]);
  std::fprintf(stderr, "usage: kyodo_floors yaml CONTENT | write SITE OUT\n");
  return 2;
}
