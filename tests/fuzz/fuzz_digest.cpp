// libFuzzer target: the whole core pipeline on any bytes (fuzz_checks.h, check_pipeline).
// DV_FUZZ_ROUNDTRIP in the environment sets how much of the markdown round trip is compared:
// "full" every field, "off" none, anything else the paper count, titles and arXiv ids.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

#include "fuzz_checks.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    static const dvfuzz::RoundTrip level = [] {
        const char* v = std::getenv("DV_FUZZ_ROUNDTRIP");
        const std::string_view s = v ? v : "";
        return s == "full" ? dvfuzz::RoundTrip::Full : s == "off" ? dvfuzz::RoundTrip::Off : dvfuzz::RoundTrip::Ids;
    }();
    const std::string m = dvfuzz::check_pipeline(std::string_view(reinterpret_cast<const char*>(data), size), level);
    dvfuzz::report(m);
    return 0;
}
