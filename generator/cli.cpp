#include "cli.h"

#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <ctime>
#include <cstdio>
#include <map>
#include <optional>
#include <ostream>
#include <tuple>

#include "cli_internal.h"
#include "cli_progress.h"
#include "parallel.h"
#include "site.h"
#include "text.h"
#include "urls.h"

namespace kyodo {

namespace {


constexpr const char* kUsage =
    "使い方: kyodo <コマンド> [オプション]\n"
    "\n"
    "コマンド:\n"
    "  build   content/ からサイトを作り、--out（既定 site/）に書き出す\n"
    "  check   content/ を検査するだけ（何も書き出さない）。問題をすべて表示する\n"
    "  serve   サイトを作って http://127.0.0.1:1313/ で見せる。保存するたびに作り直し、ブラウザーを再読み込みする\n"
    "  new     case|group|policy|news|page|form SLUG [--city CITY]  新しいファイルの雛形を作る\n"
    "  new     city SLUG   新しい市町村のフォルダ一式を作り、_portal.yaml に加える\n"
    "  --version, --help\n"
    "\n"
    "オプション:\n"
    "  --content DIR     コンテンツのフォルダ（既定: content）\n"
    "  --out DIR         出力先（既定: site）\n"
    "  --base-url URL    リンクを URL の下の絶対 URL にする（既定は相対リンク: ディスクからも開ける）\n"
    "  --relative        相対リンク（既定）\n"
    "  --city SLUG       この市町村だけ作る（複数指定可）。build では分割ビルドになり、市町村のページと\n"
    "                    マニフェスト（_kyodo/manifests/SLUG.json）だけを書く\n"
    "  --portal-from DIR… 分割ビルドの仕上げ: --city の出力フォルダのマニフェストから、ポータル・検索・\n"
    "                    テーマなど市町村をまたぐファイルを書く。各フォルダ（_kyodo/ を除く）と重ねると\n"
    "                    全体のビルドと同じになる（docs/sharded-builds.md）\n"
    "  --drafts          draft: true のページも含める\n"
    "  --jobs N          並列数（既定: CPU の数）\n"
    "  --port N          serve のポート（既定: 1313。0 なら空いている番号）\n"
    "  --strict          警告もエラーとして扱う\n"
    "  --timings         段階ごとの時間と最大メモリを表示する\n"
    "  --build-date DATE 今日の日付として扱う日（締切の判定に使う。既定: SOURCE_DATE_EPOCH か今日）\n"
    "  --a11y-report FILE ブラウザーでの試験結果（tests/browser/a11y.mjs の a11y-results.json）を\n"
    "                    アクセシビリティのページ（試験結果）に載せる\n"
    "  --templates DIR   テンプレートのフォルダ（既定: templates。無ければコンテンツや kyodo の隣）\n"
    "  --themes DIR      テーマのフォルダ（既定: themes。無ければコンテンツや kyodo の隣）\n";


// Today as the build sees it: SOURCE_DATE_EPOCH (reproducible builds) or the clock,
// in Japan time because deadlines are Japanese office days. A SOURCE_DATE_EPOCH that
// is not whole seconds is a usage error ("" in `*error` otherwise): read as 0 it built
// a site dated 1970-01-01 with every deadline open, and CI gets an empty value whenever
// the $(git log …) that makes it fails (no git in the container, a shallow checkout).
Date Today(std::string* error) {
  std::time_t now = std::time(nullptr);
  if (const char* epoch = std::getenv("SOURCE_DATE_EPOCH")) {
    const std::string_view text = epoch;
    if (text.empty() || text.size() > 12 || text.find_first_not_of("0123456789") != std::string_view::npos) {
      *error = "環境変数 SOURCE_DATE_EPOCH「" + std::string(text) +
               "」は UNIX 時間（1970-01-01 からの秒数の整数）ではありません。空なら、値を作るコマンド"
               "（git log -1 --format=%ct など）が失敗していないか確かめるか、--build-date 2026-04-01 "
               "のように日付を指定してください";
      return Date{};
    }
    now = static_cast<std::time_t>(std::stoll(std::string(text)));
  }
  now += 9 * 3600;
  std::tm tm{};
  gmtime_r(&now, &tm);
  return Date{tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, DatePrecision::kDay};
}

// Parses flags into `a`; returns "" or the usage error.
std::string ParseArgs(const std::vector<std::string>& args, Args* a) {
  a->build.jobs = DefaultJobs();
  if (args.empty()) return "コマンドを指定してください";
  a->command = args[0];
  for (size_t i = 1; i < args.size(); ++i) {
    // --out=public as well as --out public: the GNU form CI templates and scripts write.
    std::string flag = args[i];
    std::optional<std::string> attached;
    if (const size_t eq = flag.find('='); flag.starts_with("--") && eq != std::string::npos) {
      attached = flag.substr(eq + 1);
      flag.resize(eq);
    }
    auto value = [&](std::string* into) -> bool {
      if (attached) {
        *into = *attached;
        attached.reset();
        return !into->empty();
      }
      if (i + 1 >= args.size()) return false;
      *into = args[++i];
      return true;
    };
    std::string v;
    if (flag == "--content") {
      if (!value(&a->build.content_dir)) return flag + " にはフォルダを指定してください";
    } else if (flag == "--out") {
      if (!value(&a->build.out_dir)) return flag + " にはフォルダを指定してください";
    } else if (flag == "--templates") {
      if (!value(&a->build.templates_dir)) return flag + " にはフォルダを指定してください";
      a->templates_given = true;
    } else if (flag == "--themes") {
      if (!value(&a->build.themes_dir)) return flag + " にはフォルダを指定してください";
      a->themes_given = true;
    } else if (flag == "--base-url") {
      if (!value(&a->build.base_url)) return flag + " には URL を指定してください";
      if (std::string problem = BaseUrlProblem(a->build.base_url, true); !problem.empty()) {
        return "--base-url「" + a->build.base_url + "」: " + problem;
      }
      a->build.base_url = EscapedBaseUrl(a->build.base_url);
    } else if (flag == "--relative") {
      a->build.base_url.clear();
    } else if (flag == "--city") {
      if (!value(&v)) return flag + " には市町村のフォルダ名を指定してください";
      a->build.cities.push_back(v);
    } else if (flag == "--portal-from") {
      if (attached) a->build.portal_from.push_back(*attached);
      attached.reset();
      // Every folder up to the next option, so a shell glob works: --portal-from shards/*
      while (i + 1 < args.size() && args[i + 1].rfind("--", 0) != 0) a->build.portal_from.push_back(args[++i]);
      if (a->build.portal_from.empty()) return flag + " には市町村ごとのビルドの出力フォルダを指定してください";
    } else if (flag == "--drafts") {
      a->build.drafts = true;
    } else if (flag == "--jobs") {
      if (!value(&v) || v.empty() || v.size() > 3 || v.find_first_not_of("0123456789") != std::string::npos ||
          std::stoi(v) < 1) {
        return "--jobs には 1 以上の数を指定してください";
      }
      a->build.jobs = std::stoi(v);
    } else if (flag == "--port") {
      if (!value(&v) || v.empty() || v.size() > 5 || v.find_first_not_of("0123456789") != std::string::npos ||
          std::stoi(v) > 65535) {
        return "--port には 0〜65535 の数を指定してください";
      }
      a->port = std::stoi(v);
    } else if (flag == "--build-date") {
      DateError date_error;
      auto date = value(&v) ? ParseDate(v, &date_error) : std::nullopt;
      if (!date || date->precision != DatePrecision::kDay) return "--build-date には 2026-04-01 のように日付を指定してください";
      a->build.build_date = *date;
      a->build_date_given = true;
    } else if (flag == "--a11y-report") {
      if (!value(&a->build.a11y_report)) return flag + " には a11y-results.json のパスを指定してください";
    } else if (flag == "--strict") {
      a->build.strict = true;
    } else if (flag == "--timings") {
      a->timings = true;
    } else if (flag.rfind("--", 0) != 0 && a->command == "new") {
      a->positional.push_back(flag);
    } else {
      static const std::vector<std::string> known = {"--content", "--out",       "--base-url", "--relative",
                                                     "--city",    "--drafts",    "--jobs",     "--strict",
                                                     "--timings", "--templates", "--themes",   "--build-date",
                                                     "--a11y-report", "--portal-from", "--port"};
      auto near = NearestMatches(flag, known, 1);
      return "不明なオプション " + flag + (near.empty() ? "" : "（" + near[0] + " ですか）");
    }
    if (attached) return flag + " には = で値を付けません（" + flag + " だけを書いてください）";
  }
  if (!a->build.portal_from.empty() && (a->command != "build" || !a->build.cities.empty())) {
    return "--portal-from は kyodo build で、--city なしで使ってください";
  }
  a->build.shard = a->command == "build" && !a->build.cities.empty();
  // One spelling of each folder: messages say site/, not site//, and Site::Update
  // recognises the watcher's paths (folder + "/" + name) as inside them.
  for (std::string* dir : {&a->build.content_dir, &a->build.out_dir, &a->build.templates_dir, &a->build.themes_dir}) {
    *dir = WithoutTrailingSlash(std::move(*dir));
  }
  return "";
}

}  // namespace

void PrintDiagnostics(const Diagnostics& diags, const Disk& disk, bool strict, std::ostream& err) {
  std::map<std::string, std::string> sources;  // each file read once for its lines
  for (Diagnostic d : diags.items()) {
    if (strict) d.severity = Severity::kError;
    std::string line;
    if (d.loc.line > 0) {
      auto it = sources.find(d.loc.file);
      if (it == sources.end()) {
        std::string text, e;
        if (!disk.ReadFile(d.loc.file, &text, &e) || FindInvalidUtf8(text) != std::string::npos) text.clear();
        it = sources.emplace(d.loc.file, std::move(text)).first;
      }
      line = LineOf(it->second, d.loc.line);
    }
    err << FormatDiagnostic(d, line);
  }
}

namespace {

std::string Seconds(double ms) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f", ms / 1000.0);
  return buf;
}

}  // namespace

double MsSince(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
}

int ReportBuild(const Args& a, const Disk& disk, bool ok, const BuildResult& result, const Diagnostics& diags,
                double ms, std::ostream& out, std::ostream& err) {
  PrintDiagnostics(diags, disk, a.build.strict, err);
  if (a.timings) {
    for (const BuildResult::Stage& s : result.timings) {
      err << "  " << s.name << ": " << Seconds(s.ms) << " 秒（最大メモリ " << static_cast<long>(s.peak_mib) << " MiB）\n";
    }
  }
  if (!ok) {
    err << "kyodo: エラー " << (a.build.strict ? diags.items().size() : static_cast<size_t>(diags.ErrorCount()))
        << " 件";
    if (!a.build.strict && diags.WarningCount() > 0) err << "、警告 " << diags.WarningCount() << " 件";
    err << (a.build.check_only ? "。" : "。" + a.build.out_dir + "/ は変更していません。") << "\n";
    return kContentError;
  }
  if (a.build.check_only) {
    out << "kyodo: 問題はありません（" << result.pages << " ページ、警告 " << diags.WarningCount() << " 件、"
        << Seconds(ms) << " 秒）\n";
    return kOk;
  }
  out << "kyodo: " << result.pages << " ページ（" << result.files << " ファイル、うち変更なし "
      << result.unchanged << "）を " << a.build.out_dir << "/ に書き出しました（" << Seconds(ms) << " 秒";
  if (diags.WarningCount() > 0) out << "、警告 " << diags.WarningCount() << " 件";
  out << "）\n";
  return kOk;
}

namespace {

int RunBuild(const Args& a, Disk& disk, std::ostream& out, std::ostream& err) {
  auto start = std::chrono::steady_clock::now();
  Diagnostics diags;
  BuildResult result;
  BuildOptions options = a.build;
  std::optional<ProgressLine> progress;
  if (isatty(STDERR_FILENO)) {  // a log or a pipe gets only the final report
    progress.emplace([&err](const std::string& text) { err << text << std::flush; }, options.check_only);
    options.on_stage = [&progress](const std::string& stage) { progress->StageDone(stage); };
  }
  bool ok = BuildSite(disk, options, &result, &diags);
  if (progress) progress->Stop();
  int code = ReportBuild(a, disk, ok, result, diags, MsSince(start), out, err);
  if (code != kOk || a.build.check_only || !isatty(STDOUT_FILENO)) return code;
  if (a.build.shard) {
    out << "市町村ごとのビルドです。ポータル・検索・テーマのファイルは kyodo build --portal-from "
        << a.build.out_dir << " … で作ります（docs/sharded-builds.md）。\n";
  } else {
    out << "ブラウザで " << a.build.out_dir << "/index.html を開くか、kyodo serve で確認できます。\n";
  }
  return code;
}

}  // namespace

// templates/ and themes/ come with kyodo, not with the content. Run from another
// folder, kyodo looks beside the content folder, then beside its own folder
// (build/kyodo → templates/), before saying which folder is missing.
std::string FindKyodoFolders(Args* a, const Disk& disk) {
  const std::vector<std::string> bases = {DirName(disk.Canonical(a->build.content_dir)),
                                          DirName(DirName(disk.Canonical("/proc/self/exe")))};
  for (auto [dir, given, flag] : {std::tuple{&a->build.templates_dir, a->templates_given, "--templates"},
                                  std::tuple{&a->build.themes_dir, a->themes_given, "--themes"}}) {
    if (disk.Stat(*dir) == FileKind::kDir) continue;
    const std::string name = BaseName(*dir);
    for (const std::string& base : bases) {
      if (given || base.empty() || disk.Stat(JoinPath(base, name)) != FileKind::kDir) continue;
      *dir = JoinPath(base, name);
      break;
    }
    if (disk.Stat(*dir) == FileKind::kDir) continue;
    return "フォルダ「" + *dir + "」が見つかりません。kyodo のフォルダ（templates/ と themes/ のある所）で実行するか、" +
           flag + " でフォルダを指定してください";
  }
  return "";
}

namespace {

// The absolute form of a folder that may not exist yet: its parent's, plus its name.
std::string AbsoluteFolder(const Disk& disk, const std::string& dir) {
  if (std::string real = disk.Canonical(dir); !real.empty()) return WithoutTrailingSlash(real);
  const std::string parent = DirName(dir);
  const std::string base = disk.Canonical(parent.empty() ? "." : parent);
  return base.empty() ? "" : JoinPath(base, BaseName(dir));
}

// IsUnder, with "/" (which has the slash already) holding everything.
bool Inside(const std::string& path, const std::string& dir) { return dir == "/" ? path != "/" : IsUnder(path, dir); }

// "" or why --out cannot be where it is: inside the content folder the site is read
// back as a city folder by the next build (and kyodo serve rebuilds on its own
// writes); around content/, templates/ or themes/ it would be swapped away with the old site.
std::string OutputFolderProblem(const Disk& disk, const BuildOptions& o) {
  const std::string out = AbsoluteFolder(disk, o.out_dir);
  if (out.empty()) return "";
  for (auto [dir, what] : {std::pair{&o.content_dir, "コンテンツ"}, std::pair{&o.templates_dir, "テンプレート"},
                           std::pair{&o.themes_dir, "テーマ"}}) {
    const std::string inputs = AbsoluteFolder(disk, *dir);
    if (inputs.empty()) continue;
    if (out == inputs || Inside(out, inputs)) {
      return "出力先「" + o.out_dir + "」が" + what + "のフォルダ「" + *dir + "」の中にあります。次のビルドが書き出したサイトを" +
             what + "として読んでしまいます。--out には " + *dir + " の外のフォルダを指定してください";
    }
    if (Inside(inputs, out)) {
      return "出力先「" + o.out_dir + "」の中に" + what + "のフォルダ「" + *dir + "」があります。出力先は書き出すたびに丸ごと"
             "入れ替わるので、消えてしまいます。--out には別のフォルダを指定してください";
    }
  }
  if (o.shard && disk.Stat(JoinPath(o.out_dir, "index.html")) == FileKind::kFile) {
    // A shard has no portal top: this folder holds a whole site, which the swap would
    // replace by one city's pages without stylesheets, search or the other cities.
    return "出力先「" + o.out_dir + "」には全体のサイトがあります。--city のビルドは市町村のページだけの分割ビルド"
           "（docs/sharded-builds.md）なので、入れ替えるとほかの市町村・スタイルシート・検索が消えます。--out shards/" +
           (o.cities.empty() ? std::string("city") : o.cities[0]) + " のように別のフォルダを指定してください";
  }
  return "";
}

}  // namespace

int RunCli(const std::vector<std::string>& args, Disk& disk, std::ostream& out, std::ostream& err) {
  if ((!args.empty() && args[0] == "help") || std::find(args.begin(), args.end(), "--help") != args.end() ||
      std::find(args.begin(), args.end(), "-h") != args.end()) {  // kyodo new --help too
    out << kUsage;
    return kOk;
  }
  if (!args.empty() && args[0] == "--version") {
    out << "kyodo " << KYODO_VERSION << "\n";
    return kOk;
  }
  Args a;
  std::string usage_error = ParseArgs(args, &a);
  if (usage_error.empty() && a.command != "build" && a.command != "check" && a.command != "new" &&
      a.command != "serve") {
    usage_error = "不明なコマンド「" + a.command + "」";
  }
  if (usage_error.empty() && a.command == "serve" && !a.build.base_url.empty()) {
    // The preview is served from its own root; absolute links would lead to the live site.
    usage_error = "serve では --base-url を使えません（相対リンクのまま表示します）";
  }
  if (!usage_error.empty()) {
    err << "kyodo: " << usage_error << "\n\n" << kUsage;
    return kUsageError;
  }
  a.build.check_only = a.command == "check";
  if (!a.build_date_given) {
    std::string epoch_error;
    a.build.build_date = Today(&epoch_error);
    if (!epoch_error.empty()) {
      err << "kyodo: " << epoch_error << "\n";
      return kUsageError;
    }
  }
  if (a.command == "new") return RunNew(a, disk, out, err);
  if (std::string missing = FindKyodoFolders(&a, disk); !missing.empty()) {
    err << "kyodo: " << missing << "\n";
    return kUsageError;
  }
  if (std::string problem = a.build.check_only ? "" : OutputFolderProblem(disk, a.build); !problem.empty()) {
    err << "kyodo: " << problem << "\n";
    return kUsageError;
  }
  if (a.command == "serve") return RunServe(a, disk, out, err);
  return RunBuild(a, disk, out, err);
}

}  // namespace kyodo
