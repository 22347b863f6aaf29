#include "test_support.h"

#include <catch2/catch.hpp>

#include "core/date.h"
#include "test_util.h"

namespace dvtest {

const dv::Library& corpus_library() {
    static const dv::Library lib = [] {
        dv::Library l;
        std::filesystem::path dir = corpus_dir();
        if (dir.empty()) return l;
        for (const auto& f : markdown_files(dir / "l-yohai-daily_papers_ko")) dv::library_add(l, f.string(), read_file(f));
        dv::library_rebuild(l);
        return l;
    }();
    return lib;
}

int32_t day(const char* yyyy_mm_dd) {
    int32_t d = dv::kNoDate;
    REQUIRE(dv::parse_date(yyyy_mm_dd, d));
    return d;
}

}  // namespace dvtest
