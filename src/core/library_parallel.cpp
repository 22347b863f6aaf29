// Preparing many files at once (library.h: library_prepare_all, library_add_all).
#include "library.h"
#include "parallel.h"

namespace dv {

std::vector<PreparedFile> library_prepare_all(const Library& lib, const std::vector<FileBytes>& files, unsigned threads) {
    std::vector<PreparedFile> out(files.size());
    // Files differ in size by 100x (a day vs a year in one file): parallel_for hands each thread
    // the next unprepared file instead of a fixed share.
    parallel_for(files.size(), threads, [&](size_t i) { out[i] = library_prepare(lib, files[i].name, files[i].bytes); });
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
