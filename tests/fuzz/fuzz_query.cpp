// libFuzzer target: the query parser alone, then the query over a small fixed library
// (fuzz_checks.h, check_query_text).
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

#include "fuzz_checks.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string m = dvfuzz::check_query_text(std::string_view(reinterpret_cast<const char*>(data), size));
    dvfuzz::report(m);
    return 0;
}
