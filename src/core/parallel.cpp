// parallel.h: std::thread where the build has threads, a plain loop where it has not.
#include "parallel.h"

#include <algorithm>
#include <atomic>
#include <vector>

#if DV_HAVE_THREADS
#include <thread>
#endif

namespace dv {

unsigned hardware_threads() {
#if DV_HAVE_THREADS
    return std::max(1u, std::thread::hardware_concurrency());
#else
    return 1;
#endif
}

void parallel_for(size_t n, unsigned threads, const std::function<void(size_t)>& f) {
#if DV_HAVE_THREADS
    std::atomic<size_t> next{0};
    auto work = [&] {
        for (size_t k; (k = next.fetch_add(1, std::memory_order_relaxed)) < n;) f(k);
    };
    const size_t helpers = n < 2 || threads < 2 ? 0 : std::min<size_t>(threads, n) - 1;
    std::vector<std::thread> pool;
    pool.reserve(helpers);
    for (size_t t = 0; t < helpers; ++t) pool.emplace_back(work);
    work();
    for (std::thread& t : pool) t.join();
#else
    (void)threads;
    for (size_t k = 0; k < n; ++k) f(k);
#endif
}

}  // namespace dv
