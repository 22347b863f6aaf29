// Shared helpers of the benchmarks: corpus location and reading, timing, peak RSS.
#pragma once

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/file_io.h"
#include "corpus_root.h"

namespace dvbench {

namespace fs = std::filesystem;

// The l-yohai-daily_papers_ko folder: argv[1], else dvtest::corpus_root() ($DIGEST_CORPUS, else
// ../shared/digests beside the checkout), either the corpus root or the folder itself.
inline fs::path corpus_folder(int argc, char* const* argv) {
    fs::path root = argc > 1 ? fs::path(argv[1]) : dvtest::corpus_root();
    if (fs::exists(root / "l-yohai-daily_papers_ko")) return root / "l-yohai-daily_papers_ko";
    return root;
}

// The digests below dir, as digest-cli and the viewer read them (dv::walk_digest_files).
inline std::vector<fs::path> digest_files(const fs::path& dir) {
    std::vector<std::string> names;
    std::string error;
    dv::walk_digest_files(dir.string(), names, error);
    return std::vector<fs::path>(names.begin(), names.end());
}

// The options of the benchmarks that build the ~100k library: `--copies N` (1..23, make_copy's
// limit) and `--reps N` (at least 1) set the two counts; the other arguments are returned as
// positional (argv[0] first, for corpus_files).
inline std::vector<char*> copies_reps_args(int argc, char** argv, int& copies, int& reps) {
    std::vector<char*> pos = {argv[0]};
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--copies" && i + 1 < argc) copies = std::min(23, std::max(1, std::atoi(argv[++i])));
        else if (a == "--reps" && i + 1 < argc) reps = std::max(1, std::atoi(argv[++i]));
        else pos.push_back(argv[i]);
    }
    return pos;
}

// The digests of the corpus folder named by the positional arguments (corpus_folder); empty after
// a message on stderr naming `prog` when there are none.
inline std::vector<fs::path> corpus_files(const std::vector<char*>& pos, const char* prog) {
    fs::path dir = corpus_folder(int(pos.size()), pos.data());
    std::vector<fs::path> files = digest_files(dir);
    if (files.empty()) std::fprintf(stderr, "%s: no digests under %s (pass the corpus folder)\n", prog, dir.c_str());
    return files;
}

inline std::string read_file(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

inline double now_ms() {
    using namespace std::chrono;
    return duration<double, std::milli>(steady_clock::now().time_since_epoch()).count();
}

// A size field of /proc/self/status ("VmHWM:", "VmRSS:", in kB there) in MB; -1 if unavailable.
inline double proc_status_mb(const char* field) {
    std::ifstream in("/proc/self/status");
    std::string line;
    const size_t n = std::strlen(field);
    while (std::getline(in, line))
        if (line.compare(0, n, field) == 0) return std::atof(line.c_str() + n) / 1024.0;
    return -1;
}
inline double peak_rss_mb() { return proc_status_mb("VmHWM:"); }     // peak resident set size
inline double current_rss_mb() { return proc_status_mb("VmRSS:"); }

// q-quantile (0..1) of unsorted samples, nearest rank.
inline double quantile(std::vector<double> v, double q) {
    if (v.empty()) return 0;
    std::sort(v.begin(), v.end());
    size_t i = size_t(q * double(v.size() - 1) + 0.5);
    return v[std::min(i, v.size() - 1)];
}

// Copy k of a digest: "arxiv.org/abs/YYMM.NNNNN" gets YY' = 30 + 3k + (YY - 23) for the corpus
// years 23..25 (ids stay valid NNNN.NNNNN and unique over copies and years, for k < 23), and
// "## Daily Papers (D)" becomes D + k*366 days.
inline std::string make_copy(const std::string& md, int k) {
    std::string out;
    out.reserve(md.size() + 64);
    const std::string abs = "arxiv.org/abs/", head = "## Daily Papers (";
    size_t i = 0;
    while (i < md.size()) {
        if (md.compare(i, abs.size(), abs) == 0 && i + abs.size() + 2 <= md.size()) {
            char a = md[i + abs.size()], b = md[i + abs.size() + 1];
            int yy = (a >= '0' && a <= '9' && b >= '0' && b <= '9') ? (a - '0') * 10 + (b - '0') : -1;
            out += abs;
            i += abs.size();
            if (yy >= 23 && yy <= 25) {
                int n = 30 + 3 * k + (yy - 23);
                out += char('0' + n / 10 % 10);
                out += char('0' + n % 10);
                i += 2;
            }
            continue;
        }
        if (md.compare(i, head.size(), head) == 0 && i + head.size() + 10 <= md.size()) {
            int32_t d;
            if (dv::parse_date(std::string_view(md).substr(i + head.size(), 10), d)) {
                out += head;
                out += dv::format_date(d + 366 * k);
                i += head.size() + 10;
                continue;
            }
        }
        out += md[i++];
    }
    return out;
}

}  // namespace dvbench
