// libFuzzer target: the triage file reader (core/triage.h; fuzz_checks.h, check_triage_input).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz_checks.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string m = dvfuzz::check_triage_input(std::string_view(reinterpret_cast<const char*>(data), size));
    dvfuzz::report(m);
    return 0;
}
