// The command line: parsing arguments, running a command, printing messages and
// choosing the exit code (0 success, 1 content errors, 2 usage errors). The only
// code that prints or decides how the process ends.
#ifndef KYODO_CLI_H_
#define KYODO_CLI_H_

#include <iosfwd>
#include <string>
#include <vector>

#include "disk.h"

namespace kyodo {

/// Runs kyodo with `args` (without the program name); output goes to `out` and
/// messages to `err`. Returns the process exit code.
int RunCli(const std::vector<std::string>& args, Disk& disk, std::ostream& out, std::ostream& err);

}  // namespace kyodo

#endif  // KYODO_CLI_H_
