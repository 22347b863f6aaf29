// Preparing many files at once (library.h: library_prepare_all, library_add_all).
#include "library.h"
#include "parallel.h"

namespace dv {

namespace {

std::vector<PreparedFile> prepare_all(const Library& lib, const FileIndex& index, const std::vector<FileBytes>& files, unsigned threads) {
    std::vector<PreparedFile> out(files.size());
    // Files differ in size by 100x (a day vs a year in one file): parallel_for hands each thread
    // the next unprepared file instead of a fixed share. The index is only read here.
    parallel_for(files.size(), threads, [&](size_t i) { out[i] = library_prepare(lib, files[i].name, files[i].bytes, &index); });
    return out;
}

}  // namespace

std::vector<PreparedFile> library_prepare_all(const Library& lib, const std::vector<FileBytes>& files, unsigned threads) {
    return prepare_all(lib, file_index(lib), files, threads);
}

std::vector<AddResult> library_add_all(Library& lib, const std::vector<FileBytes>& files, unsigned threads) {
    FileIndex index = file_index(lib);
    std::vector<PreparedFile> prepared = prepare_all(lib, index, files, threads);
    std::vector<AddResult> out;
    out.reserve(files.size());
    for (size_t i = 0; i < files.size(); ++i) out.push_back(library_commit(lib, std::move(prepared[i]), files[i].bytes, &index));
    return out;
}

}  // namespace dv
