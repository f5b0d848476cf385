// `kyodo serve`: build once, then serve and rebuild on every save until Ctrl+C.
#include <pthread.h>
#include <signal.h>

#include <algorithm>
#include <cstdio>
#include <mutex>
#include <sstream>

#include "cli_internal.h"
#include "serve.h"

namespace kyodo {

namespace {

// "content/a.md、content/b.md ほか 3 件": which files an update line is about.
std::string SourceList(const std::vector<std::string>& sources) {
  constexpr size_t kShown = 3;
  std::string text;
  for (size_t i = 0; i < sources.size() && i < kShown; ++i) text += (i ? "、" : "") + sources[i];
  if (sources.size() > kShown) text += " ほか " + std::to_string(sources.size() - kShown) + " 件";
  return text;
}

}  // namespace

int RunServe(Args a, Disk& disk, std::ostream& out, std::ostream& err) {
  Site site(&disk, a.build);
  auto diagnostics_text = [&](const Diagnostics& d) {
    std::ostringstream text;
    PrintDiagnostics(d, disk, a.build.strict, text);
    return text.str();
  };
  std::mutex print_mu;  // the rebuild thread prints; keep its lines whole
  ServeHooks hooks;
  hooks.updated = [&](const std::vector<std::string>& sources, const UpdateResult& r, const Diagnostics& d) {
    // Pages whose bytes changed: what the clerk sees reload (UpdateResult::rendered
    // also counts pages rendered again to the same bytes).
    long pages = std::count_if(r.changed.begin(), r.changed.end(), [](const std::string& f) {
      return f.ends_with(".html");
    });
    char ms[32];
    std::snprintf(ms, sizeof ms, "%.0f", r.ms);
    std::lock_guard<std::mutex> lock(print_mu);
    err << diagnostics_text(d);
    out << "更新: " << SourceList(sources) << " → " << (r.full ? "全体を作り直し、" : "") << pages << " ページ（"
        << ms << " ms）" << std::endl;
  };
  hooks.failed = [&](const std::vector<std::string>& sources, const Diagnostics& d) {
    std::string text = diagnostics_text(d);
    // Name the files the errors are in: an error left elsewhere still fails the next save.
    std::vector<std::string> files;
    for (const Diagnostic& item : d.items()) {
      if ((item.severity == Severity::kError || a.build.strict) &&
          std::find(files.begin(), files.end(), item.loc.file) == files.end()) {
        files.push_back(item.loc.file);
      }
    }
    std::lock_guard<std::mutex> lock(print_mu);
    err << text << "kyodo: " << SourceList(files.empty() ? sources : files) << " にエラー "
        << (a.build.strict ? d.items().size() : static_cast<size_t>(d.ErrorCount()))
        << " 件（保存: " << SourceList(sources) << "）。直して保存すると作り直します（ブラウザーにも表示しています）"
        << std::endl;
    return text;
  };
  Serve serve(&site, &disk, a.build.out_dir, hooks);

  // SIGINT/SIGTERM are blocked while the server's threads start, so they inherit
  // the mask and later wait for sigwait below: a clean stop without a handler or a
  // global flag. During the first build they are unblocked again: Ctrl+C then
  // ends the process at once, and a build that did not finish publishes nothing.
  sigset_t stop_signals, old_mask;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop_signals, &old_mask);
  std::string e;
  bool listening = serve.Listen(a.port, &e);
  pthread_sigmask(SIG_SETMASK, &old_mask, nullptr);
  if (!listening) {
    err << "kyodo: " << e << std::endl;
    return kUsageError;
  }

  auto start = std::chrono::steady_clock::now();
  Diagnostics diags;
  BuildResult result;
  bool ok = site.Build(&result, &diags);
  ReportBuild(a, disk, ok, result, diags, MsSince(start), out, err);

  // Printed before the rebuild thread starts: from then on only it prints, until Stop.
  out << "kyodo: http://127.0.0.1:" << serve.port() << "/ で " << a.build.out_dir
      << "/ を表示しています。保存すると作り直して再読み込みします（Ctrl+C で終了）" << std::endl;
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);
  serve.Run(ok ? "" : diagnostics_text(diags));  // the rebuild thread inherits the blocked mask
  int sig = 0;
  sigwait(&stop_signals, &sig);
  serve.Stop();
  pthread_sigmask(SIG_SETMASK, &old_mask, nullptr);
  out << "kyodo: 終了しました" << std::endl;
  return kOk;
}

}  // namespace kyodo
