// The line a terminal shows while a long build runs (DESIGN.md: progress on a TTY
// for long builds, quiet otherwise): how long it has run and how far it has got.
// Part of the CLI: nothing else prints.
#ifndef KYODO_CLI_PROGRESS_H_
#define KYODO_CLI_PROGRESS_H_

#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace kyodo {

/// 「kyodo: 作成中… 12 秒（ページまで済み）」 for a build that has run `seconds` and
/// finished the stages named `done` (BuildResult::timings' names), in order; 「検査中」
/// for kyodo check.
std::string ProgressText(double seconds, const std::vector<std::string>& done, bool checking = false);

/// Shows ProgressText through `write` (the terminal), rewritten in place every
/// quarter second and when a stage finishes, once the build has run `quiet_for` (a
/// short build prints nothing); Stop() clears the line, so what the build reports
/// afterwards starts on a clean line. `write` is called from the ticker's thread.
class ProgressLine {
 public:
  explicit ProgressLine(std::function<void(const std::string&)> write, bool checking = false,
                        std::chrono::milliseconds quiet_for = std::chrono::milliseconds(1000));
  ~ProgressLine() { Stop(); }
  ProgressLine(const ProgressLine&) = delete;
  ProgressLine& operator=(const ProgressLine&) = delete;

  /// A stage finished (BuildOptions::on_stage). Thread-safe.
  void StageDone(const std::string& stage);
  void Stop();

 private:
  void Run();

  const std::function<void(const std::string&)> write_;
  const bool checking_;
  const std::chrono::milliseconds quiet_for_;
  const std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
  std::mutex mu_;
  std::condition_variable wake_;
  std::vector<std::string> done_;
  bool stopping_ = false;
  bool shown_ = false;
  std::thread ticker_;
};

}  // namespace kyodo

#endif  // KYODO_CLI_PROGRESS_H_
