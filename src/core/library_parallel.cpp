// Preparing many files on several threads (library.h: library_prepare_all). Its own file because
// only native builds compile it (CMakeLists.txt): the web build has no threads.
#include <algorithm>
#include <atomic>
#include <thread>

#include "library.h"

namespace dv {

std::vector<PreparedFile> library_prepare_all(const Library& lib, const std::vector<FileBytes>& files, unsigned threads) {
    std::vector<PreparedFile> out(files.size());
    // Files differ in size by 100x (a day vs a year in one file), so each thread takes the next
    // unprepared file instead of a fixed share.
    std::atomic<size_t> next{0};
    auto work = [&] {
        for (size_t i; (i = next.fetch_add(1, std::memory_order_relaxed)) < files.size();)
            out[i] = library_prepare(lib, files[i].name, files[i].bytes);
    };
    const size_t helpers = files.size() < 2 ? 0 : std::min<size_t>(threads, files.size()) - (threads > 0);
    std::vector<std::thread> pool;
    pool.reserve(helpers);
    for (size_t t = 0; t < helpers; ++t) pool.emplace_back(work);
    work();
    for (std::thread& t : pool) t.join();
    return out;
}

std::vector<AddResult> library_add_all(Library& lib, const std::vector<FileBytes>& files, unsigned threads) {
    std::vector<PreparedFile> prepared = library_prepare_all(lib, files, threads);
    std::vector<AddResult> out;
    out.reserve(files.size());
    for (size_t i = 0; i < files.size(); ++i) out.push_back(library_commit(lib, std::move(prepared[i]), files[i].bytes));
    return out;
}

}  // namespace dv
