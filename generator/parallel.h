// A minimal parallel loop: the work items of a build stage are independent, so
// each thread takes the next index until none are left.
#ifndef KYODO_PARALLEL_H_
#define KYODO_PARALLEL_H_

#include <sched.h>

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <thread>
#include <vector>

namespace kyodo {

/// Calls fn(i) for every i in [0, n) on up to `jobs` threads (the calling thread
/// included). fn must be safe to run concurrently for different i.
template <typename Fn>
void ParallelFor(size_t n, int jobs, Fn&& fn) {
  size_t threads = std::min<size_t>(n, static_cast<size_t>(std::max(1, jobs)));
  if (threads <= 1) {
    for (size_t i = 0; i < n; ++i) fn(i);
    return;
  }
  std::atomic<size_t> next{0};
  auto worker = [&] {
    for (size_t i = next++; i < n; i = next++) fn(i);
  };
  std::vector<std::thread> pool;
  for (size_t t = 1; t < threads; ++t) pool.emplace_back(worker);
  worker();
  for (auto& t : pool) t.join();
}

/// The number of threads to use when the user did not say: every core this process
/// may run on. A CI container limited with --cpuset-cpus or taskset sees all the
/// host's cores in hardware_concurrency(); its affinity mask says how many it has.
inline int DefaultJobs() {
  cpu_set_t set;
  if (sched_getaffinity(0, sizeof set, &set) == 0 && CPU_COUNT(&set) > 0) return CPU_COUNT(&set);
  return static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
}

}  // namespace kyodo

#endif  // KYODO_PARALLEL_H_
