// Where the real digests are, for the tests and the benchmarks (one rule, one place): the folder
// in $DIGEST_CORPUS when it is set and not empty, else DV_DEFAULT_CORPUS (../shared/digests
// beside the checkout, defined by CMake's dv_corpus target). The folder may not exist: callers
// decide what an absent corpus means (the tests say so and check nothing).
#pragma once

#include <cstdlib>
#include <filesystem>

namespace dvtest {

inline std::filesystem::path corpus_root() {
    if (const char* env = std::getenv("DIGEST_CORPUS"); env && *env) return env;
    return DV_DEFAULT_CORPUS;
}

}  // namespace dvtest
