// Helpers shared by several test files (one test binary, so built once).
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <utility>
#include <vector>

#include "core/library.h"

namespace dvtest {

// The 330 days of l-yohai-daily_papers_ko from the corpus, loaded and rebuilt once for the whole
// test binary. Empty when there is no corpus.
const dv::Library& corpus_library();

// The day number of "YYYY-MM-DD"; the calling test fails if it is not a real date.
int32_t day(const char* yyyy_mm_dd);

// One paper of a digest a test writes (digest_section).
struct TestPaper {
    std::string id, title;
    int votes;  // < 0: "Vote: -"
    std::string authors;
    std::vector<std::pair<std::string, std::string>> summary;  // label ("" = plain item), text
};
// "## Daily Papers (date)" and each paper in the digest format (FORMAT.md): linked title, Vote
// line, Authors line, one list item per summary entry ("***label***: text" when labelled).
std::string digest_section(const std::string& date, const std::vector<TestPaper>& papers);

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
