// bench_index: the search index alone at ~100k papers (the corpus replicated as bench_query does
// it, make_copy): each rep rebuilds the entries without the index (IndexBuild::Later, not timed)
// and then times library_build_index, as the viewer builds it a frame after a load. Prints each
// rep, the median and the index's size; a quick A/B for changes to search_index.cpp, which
// bench_query times among much else.
//
//   bench_index [CORPUS_DIR] [--copies N] [--reps N]
#include <cstdio>
#include <string>
#include <vector>

#include "bench_common.h"
#include "core/library.h"
#include "core/parallel.h"

int main(int argc, char** argv) {
    int copies = 20, reps = 7;
    const std::vector<char*> pos = dvbench::copies_reps_args(argc, argv, copies, reps);
    auto paths = dvbench::corpus_files(pos, "bench_index");
    if (paths.empty()) return 2;
    std::vector<std::pair<std::string, std::string>> batch;
    for (int k = 0; k < copies; ++k)
        for (auto& f : paths) batch.emplace_back("copy" + std::to_string(k) + "/" + f.string(), dvbench::make_copy(dvbench::read_file(f), k));
    std::vector<dv::FileBytes> files;
    for (auto& [name, bytes] : batch) files.push_back({name, bytes});
    dv::Library lib;
    dv::library_add_all(lib, files, dv::hardware_threads());

    std::vector<double> ms;
    for (int r = 0; r < reps; ++r) {
        dv::library_rebuild(lib, dv::IndexBuild::Later);
        const double t0 = dvbench::now_ms();
        dv::library_build_index(lib);
        ms.push_back(dvbench::now_ms() - t0);
        std::printf("  rep %d: %.0f ms\n", r + 1, ms.back());
    }
    std::printf("SUMMARY bench_index: %zu entries on %u threads, index %.1f MB, median %.0f ms (min %.0f)\n", lib.entries.size(),
                dv::hardware_threads(), double(dv::index_bytes(lib.index)) / (1 << 20), dvbench::quantile(ms, 0.5),
                *std::min_element(ms.begin(), ms.end()));
    return 0;
}
