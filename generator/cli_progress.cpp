#include "cli_progress.h"

#include <array>
#include <utility>

namespace kyodo {

namespace {

// The stages' names as a clerk reads them; a stage added later shows its own name.
std::string StageLabel(const std::string& stage) {
  static const std::array<std::pair<const char*, const char*>, 10> kLabels = {{
      {"load", "読み込み"},
      {"assets", "テーマのファイル"},
      {"pages", "ページ"},
      {"lists", "一覧"},
      {"search", "検索索引"},
      {"opendata", "オープンデータ"},
      {"feeds", "フィード"},
      {"manifests", "マニフェスト"},
      {"publish", "書き出し"},
      {"check", "検査"},
  }};
  for (const auto& [name, label] : kLabels) {
    if (stage == name) return label;
  }
  return stage;
}

}  // namespace

std::string ProgressText(double seconds, const std::vector<std::string>& done, bool checking) {
  std::string text = std::string("kyodo: ") + (checking ? "検査中… " : "作成中… ") + std::to_string(static_cast<long>(seconds)) + " 秒";
  // Only the last stage: the line must fit an 80-column terminal, or \r rewrites
  // only its last row.
  if (!done.empty()) text += "（" + StageLabel(done.back()) + "まで済み）";
  return text;
}

ProgressLine::ProgressLine(std::function<void(const std::string&)> write, bool checking,
                           std::chrono::milliseconds quiet_for)
    : write_(std::move(write)), checking_(checking), quiet_for_(quiet_for), ticker_([this] { Run(); }) {}

void ProgressLine::StageDone(const std::string& stage) {
  {
    std::lock_guard<std::mutex> lock(mu_);
    done_.push_back(stage);
  }
  wake_.notify_all();
}

void ProgressLine::Stop() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (stopping_) return;
    stopping_ = true;
  }
  wake_.notify_all();
  ticker_.join();
  if (shown_) write_("\r\033[K");  // back to the line's start, and clear it
}

void ProgressLine::Run() {
  std::unique_lock<std::mutex> lock(mu_);
  if (wake_.wait_until(lock, start_ + quiet_for_, [this] { return stopping_; })) return;
  while (!stopping_) {
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
    const size_t stages = done_.size();
    write_("\r\033[K" + ProgressText(seconds, done_, checking_));
    shown_ = true;
    wake_.wait_for(lock, std::chrono::milliseconds(250), [&] { return stopping_ || done_.size() != stages; });
  }
}

}  // namespace kyodo
