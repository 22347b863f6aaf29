// libFuzzer target: the Hugging Face JSON reader and the Python-repr reader (fuzz_checks.h,
// check_json_input). The first byte picks the file name (the date and Korean-translation rules
// read it), the rest is the file.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

#include "fuzz_checks.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    if (size == 0) return 0;
    static const char* const kNames[] = {"hf/2024-06-06.json", "daily_papers.json", "ko/2024-12-17_paper_ko.json",
                                         "weekly/2026-W10.json"};
    const std::string m = dvfuzz::check_json_input(kNames[data[0] & 3],
                                                   std::string_view(reinterpret_cast<const char*>(data + 1), size - 1));
    dvfuzz::report(m);
    return 0;
}
