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

namespace dvbench {

namespace fs = std::filesystem;

// The l-yohai-daily_papers_ko folder: argv[1], else $DIGEST_CORPUS, else ../shared/digests beside
// the checkout (either the corpus root or the folder itself).
inline fs::path corpus_folder(int argc, char** argv) {
    fs::path root = argc > 1 ? fs::path(argv[1]) : fs::path();
    if (root.empty()) {
        const char* env = std::getenv("DIGEST_CORPUS");
        root = env && *env ? fs::path(env) : fs::path(DV_DEFAULT_CORPUS);
    }
    if (fs::exists(root / "l-yohai-daily_papers_ko")) return root / "l-yohai-daily_papers_ko";
    return root;
}

// Every .md file below dir, sorted.
inline std::vector<fs::path> markdown_files(const fs::path& dir) {
    std::vector<fs::path> out;
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) return out;
    for (auto& e : fs::recursive_directory_iterator(dir))
        if (e.is_regular_file() && e.path().extension() == ".md") out.push_back(e.path());
    std::sort(out.begin(), out.end());
    return out;
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

// Peak resident set size (VmHWM) in MB, from /proc/self/status; -1 if unavailable.
inline double peak_rss_mb() {
    std::ifstream in("/proc/self/status");
    std::string line;
    while (std::getline(in, line))
        if (line.rfind("VmHWM:", 0) == 0) return std::atof(line.c_str() + 6) / 1024.0;
    return -1;
}
inline double current_rss_mb() {
    std::ifstream in("/proc/self/status");
    std::string line;
    while (std::getline(in, line))
        if (line.rfind("VmRSS:", 0) == 0) return std::atof(line.c_str() + 6) / 1024.0;
    return -1;
}

// q-quantile (0..1) of unsorted samples, nearest rank.
inline double quantile(std::vector<double> v, double q) {
    if (v.empty()) return 0;
    std::sort(v.begin(), v.end());
    size_t i = size_t(q * double(v.size() - 1) + 0.5);
    return v[std::min(i, v.size() - 1)];
}

}  // namespace dvbench
