// Helpers shared by several test files (one test binary, so built once).
#pragma once

#include <cstdint>

#include "core/library.h"

namespace dvtest {

// The 330 days of l-yohai-daily_papers_ko from the corpus, loaded and rebuilt once for the whole
// test binary. Empty when there is no corpus.
const dv::Library& corpus_library();

// The day number of "YYYY-MM-DD"; the calling test fails if it is not a real date.
int32_t day(const char* yyyy_mm_dd);

}  // namespace dvtest
