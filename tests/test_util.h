// Shared helpers for the test suite: fixture and corpus locations, file reading.
#pragma once

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "core/file_io.h"
#include "corpus_root.h"

namespace dvtest {

inline std::string read_file(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

inline std::filesystem::path data_dir() { return DV_TEST_DATA; }
inline std::string fixture(const std::string& name) { return read_file(data_dir() / name); }

// The real digests (corpus_root(): $DIGEST_CORPUS, else ../shared/digests beside the checkout).
// Empty if absent (corpus tests then say so and check nothing).
inline std::filesystem::path corpus_dir() {
    std::filesystem::path p = corpus_root();
    return std::filesystem::exists(p) ? p : std::filesystem::path();
}

// A sibling folder of the corpus in ../shared: shared_dir("hf-json"), shared_dir("wild"). Empty if
// there is no corpus or no such folder (tests then say so and check nothing).
inline std::filesystem::path shared_dir(const std::string& name) {
    std::filesystem::path c = corpus_dir();
    if (c.empty()) return {};
    c = c.lexically_normal();
    if (c.filename().empty()) c = c.parent_path();  // "…/digests/" -> "…/digests"
    std::filesystem::path p = c.parent_path() / name;
    return std::filesystem::exists(p) ? p : std::filesystem::path();
}

// Every .json file below dir (recursively), sorted.
inline std::vector<std::filesystem::path> json_files(const std::filesystem::path& dir) {
    std::vector<std::filesystem::path> out;
    if (dir.empty() || !std::filesystem::exists(dir)) return out;
    for (auto& e : std::filesystem::recursive_directory_iterator(dir))
        if (e.is_regular_file() && e.path().extension() == ".json") out.push_back(e.path());
    std::sort(out.begin(), out.end());
    return out;
}

// The digests below dir that digest-cli and the viewer would read from it (dv::walk_digest_files),
// excluding FORMAT.md (the corpus's documentation of its format).
inline std::vector<std::filesystem::path> digest_files(const std::filesystem::path& dir) {
    std::vector<std::filesystem::path> out;
    std::vector<std::string> names;
    std::string error;
    if (dir.empty() || !dv::walk_digest_files(dir.string(), names, error)) return out;
    for (const std::string& n : names)
        if (std::filesystem::path(n).filename() != "FORMAT.md") out.push_back(n);
    return out;
}

}  // namespace dvtest
