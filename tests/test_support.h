// Helpers shared by several test files (one test binary, so built once).
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>

#include "core/library.h"

namespace dvtest {

// The 330 days of l-yohai-daily_papers_ko from the corpus, loaded and rebuilt once for the whole
// test binary. Empty when there is no corpus.
const dv::Library& corpus_library();

// The day number of "YYYY-MM-DD"; the calling test fails if it is not a real date.
int32_t day(const char* yyyy_mm_dd);

// A fresh folder under the system temp dir, removed with everything in it when destroyed.
struct TempDir {
    std::filesystem::path path;
    TempDir();
    ~TempDir();
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    // Writes `bytes` to path/name (creating folders); returns the file's path.
    std::string write(const std::string& name, const std::string& bytes) const;
};

}  // namespace dvtest
