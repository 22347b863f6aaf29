// Work split over the machine's cores, for the core's batch jobs (parsing many files, building
// the search index). Native builds have threads (CMake defines DV_HAVE_THREADS=1); the web build
// has none, and everything here then runs in order on the caller's thread, with the same result.
#pragma once

#include <cstddef>
#include <functional>

namespace dv {

// Cores to use: std::thread::hardware_concurrency(), at least 1; 1 without threads.
unsigned hardware_threads();

// Calls f(k) for every k in [0, n), each exactly once, on up to `threads` threads (the caller's
// among them), each taking the next k as it finishes one (jobs of unequal size balance). Returns
// when all have run. f must be safe to call concurrently for different k.
void parallel_for(size_t n, unsigned threads, const std::function<void(size_t)>& f);

}  // namespace dv
