// What the cli files share: the parsed command line, the exit codes, and the
// printing of a build's report. Internal to cli.cpp, cli_serve.cpp and cli_new.cpp
// (only the cli prints and exits; cli.h is the rest of the program's view of it).
#ifndef KYODO_CLI_INTERNAL_H_
#define KYODO_CLI_INTERNAL_H_

#include <chrono>
#include <ostream>
#include <string>
#include <vector>

#include "disk.h"
#include "error.h"
#include "site.h"

namespace kyodo {

inline constexpr int kOk = 0, kContentError = 1, kUsageError = 2;

struct Args {
  std::string command;
  std::vector<std::string> positional;  ///< `new KIND SLUG`
  BuildOptions build;
  bool timings = false;
  bool build_date_given = false;
  bool templates_given = false, themes_given = false;
  int port = 1313;  ///< serve
};

/// Prints each diagnostic with its source line (`strict`: warnings as errors).
void PrintDiagnostics(const Diagnostics& diags, const Disk& disk, bool strict, std::ostream& err);
double MsSince(std::chrono::steady_clock::time_point start);
/// Prints what a build found and its summary line; returns the exit code.
int ReportBuild(const Args& a, const Disk& disk, bool ok, const BuildResult& result, const Diagnostics& diags,
                double ms, std::ostream& out, std::ostream& err);

/// `kyodo serve` (cli_serve.cpp).
int RunServe(Args a, Disk& disk, std::ostream& out, std::ostream& err);
/// `kyodo new KIND SLUG` (cli_new.cpp).
int RunNew(const Args& a, Disk& disk, std::ostream& out, std::ostream& err);

}  // namespace kyodo

#endif  // KYODO_CLI_INTERNAL_H_
