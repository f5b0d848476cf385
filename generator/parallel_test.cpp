#include "parallel.h"

#include <doctest/doctest.h>

#include <atomic>

namespace kyodo {
namespace {

TEST_CASE("ParallelFor calls every index once, on any number of threads") {
  for (int jobs : {0, 1, 2, 8}) {
    std::vector<std::atomic<int>> calls(100);
    ParallelFor(calls.size(), jobs, [&](size_t i) { ++calls[i]; });
    for (const auto& c : calls) CHECK(c.load() == 1);
  }
}

TEST_CASE("DefaultJobs counts the cores this process may run on, not the machine's") {
  cpu_set_t saved;
  REQUIRE(sched_getaffinity(0, sizeof saved, &saved) == 0);
  CHECK(DefaultJobs() == CPU_COUNT(&saved));
  cpu_set_t one;
  CPU_ZERO(&one);
  for (int cpu = 0; cpu < CPU_SETSIZE; ++cpu) {
    if (CPU_ISSET(cpu, &saved)) {
      CPU_SET(cpu, &one);
      break;
    }
  }
  REQUIRE(sched_setaffinity(0, sizeof one, &one) == 0);  // as taskset -c N or docker --cpuset-cpus would
  CHECK(DefaultJobs() == 1);
  REQUIRE(sched_setaffinity(0, sizeof saved, &saved) == 0);
}

}  // namespace
}  // namespace kyodo
