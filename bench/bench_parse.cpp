// bench_parse: dv::parse over the l-yohai corpus concatenated 10 times (~87 MB), against Debian's
// cmark-gfm binary (the markdown library we parse with) rendering the same bytes to HTML with the
// same extensions, in the same run. Best of 3 wall times each, interleaved. Target: ours / cmark-gfm <= 1.0.
//
//   bench_parse [CORPUS_DIR] [--reps N] [--copies N] [--cmark PATH]
#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <string>
#include <vector>

#include "bench_common.h"
#include "core/parser.h"

extern char** environ;

namespace {

// Wall time of `cmark-gfm -e table -e autolink -e strikethrough -e tagfilter FILE > /dev/null`
// (the extensions dv::parse attaches, see core/markdown.h), or -1 on failure.
double time_cmark(const std::string& cmark, const std::string& file) {
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_addopen(&fa, 1, "/dev/null", O_WRONLY, 0);
    std::vector<std::string> words = {cmark, "-e", "table", "-e", "autolink", "-e", "strikethrough", "-e", "tagfilter", file};
    std::vector<char*> args;
    for (auto& w : words) args.push_back(w.data());
    args.push_back(nullptr);
    double t0 = dvbench::now_ms();
    pid_t pid;
    int rc = posix_spawn(&pid, cmark.c_str(), &fa, nullptr, args.data(), environ);
    posix_spawn_file_actions_destroy(&fa);
    if (rc != 0) return -1;
    int status = 0;
    if (waitpid(pid, &status, 0) < 0) return -1;
    double t = dvbench::now_ms() - t0;
    return WIFEXITED(status) && WEXITSTATUS(status) == 0 ? t : -1;
}

}  // namespace

int main(int argc, char** argv) {
    int reps = 3, copies = 10;
    std::string cmark = "/usr/bin/cmark-gfm";
    std::vector<char*> pos = {argv[0]};
    for (int i = 1; i < argc; ++i) {
        std::string a = argv[i];
        if (a == "--reps" && i + 1 < argc) reps = std::max(1, std::atoi(argv[++i]));
        else if (a == "--copies" && i + 1 < argc) copies = std::max(1, std::atoi(argv[++i]));
        else if (a == "--cmark" && i + 1 < argc) cmark = argv[++i];
        else pos.push_back(argv[i]);
    }
    auto files = dvbench::corpus_files(pos, "bench_parse");
    if (files.empty()) return 2;
    std::string one;
    for (auto& f : files) one += dvbench::read_file(f);
    std::string all;
    all.reserve(one.size() * size_t(copies));
    for (int k = 0; k < copies; ++k) all += one;

    char tmpl[] = "/tmp/dv_bench_parse_XXXXXX";
    int fd = mkstemp(tmpl);
    if (fd < 0) {
        std::perror("bench_parse: mkstemp");
        return 1;
    }
    size_t off = 0;
    while (off < all.size()) {
        ssize_t n = write(fd, all.data() + off, all.size() - off);
        if (n <= 0) {
            std::perror("bench_parse: write");
            close(fd);
            unlink(tmpl);
            return 1;
        }
        off += size_t(n);
    }
    close(fd);

    std::printf("bench_parse: %zu files x %d = %.1f MB\n", files.size(), copies, double(all.size()) / 1e6);
    double best_ours = 1e300, best_cmark = 1e300;
    size_t papers = 0, diags = 0;
    for (int r = 0; r < reps; ++r) {
        double t0 = dvbench::now_ms();
        {
            dv::ParseResult res = dv::parse(all, "bench.md");
            papers = res.papers.size();
            diags = res.diagnostics.size();
        }  // freeing the result is part of the cost a caller pays
        double ours = dvbench::now_ms() - t0;
        double c = time_cmark(cmark, tmpl);
        if (c < 0) {
            std::fprintf(stderr, "bench_parse: running %s failed (install Debian's cmark: scripts/setup.sh)\n",
                         cmark.c_str());
            unlink(tmpl);
            return 1;
        }
        std::printf("  run %d: dv::parse %.0f ms, cmark %.0f ms\n", r + 1, ours, c);
        best_ours = std::min(best_ours, ours);
        best_cmark = std::min(best_cmark, c);
    }
    unlink(tmpl);
    double ratio = best_ours / best_cmark;
    std::printf("papers: %zu (diagnostics: %zu), peak RSS %.0f MB\n", papers, diags, dvbench::peak_rss_mb());
    std::printf("dv::parse best %.0f ms (%.1f MB/s), cmark best %.0f ms: ratio %.2f (target <= 1.00) %s\n", best_ours,
                double(all.size()) / 1e3 / best_ours, best_cmark, ratio, ratio <= 1.0 ? "OK" : "OVER");
    return ratio <= 1.0 ? 0 : 3;
}
