// kyodo: a static site generator for municipal 協働 portals.
#include <iostream>
#include <string>
#include <vector>

#include "cli.h"
#include "disk.h"

int main(int argc, char** argv) {
  std::ios::sync_with_stdio(false);
  std::vector<std::string> args(argv + 1, argv + argc);
  kyodo::RealDisk disk;
  return kyodo::RunCli(args, disk, std::cout, std::cerr);
}
