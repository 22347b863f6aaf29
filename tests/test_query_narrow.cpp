// Incremental search: a query that narrows the previous one is evaluated over the previous result.
// The answer must be exactly what a search of the whole library gives.
#include <catch2/catch.hpp>

#include "core/library.h"
#include "core/query.h"
#include "test_support.h"
#include "test_util.h"

using namespace dv;

TEST_CASE("query_narrows: what implies what") {
    auto q = [](const char* s) { return parse_query(s); };
    CHECK(query_narrows(q("diffu"), q("dif")));
    CHECK(query_narrows(q("diffusion model"), q("diffusion")));
    CHECK(query_narrows(q("title:diffusion"), q("diff")));          // a scoped term implies Any
    CHECK_FALSE(query_narrows(q("diff"), q("title:diff")));          // Any does not imply a scope
    CHECK_FALSE(query_narrows(q("dif"), q("diffu")));                 // deleting a letter widens
    CHECK(query_narrows(q("model -sur"), q("model -survey")));        // excluding less text excludes more
    CHECK_FALSE(query_narrows(q("model -survey"), q("model -sur")));
    CHECK(query_narrows(q("모델 votes>=10"), q("모델")));
    CHECK_FALSE(query_narrows(q("모델"), q("모델 votes>=10")));
    CHECK(query_narrows(q("votes>=20"), q("votes>=10")));
    CHECK_FALSE(query_narrows(q("votes>=5"), q("votes>=10")));
    CHECK(query_narrows(q("date:2024-06-03"), q("date:2024-06")));
    CHECK_FALSE(query_narrows(q("date:2024"), q("date:2024-06")));
    CHECK(query_narrows(q("anything"), q("")));
}

TEST_CASE("run_query within a wider result equals a full search (real corpus)") {
    auto dir = dvtest::corpus_dir();
    if (dir.empty()) {
        WARN("no corpus: skipped");
        return;
    }
    const Library& lib = dvtest::corpus_library();
    REQUIRE(lib.entries.size() > 1000);

    // Typing sequences as a user types them, each step narrowing the one before.
    const std::vector<std::vector<const char*>> typing = {
        {"d", "di", "dif", "diff", "diffusion", "diffusion v", "diffusion vi", "diffusion video"},
        {"모", "모델", "모델 votes>=1", "모델 votes>=10"},
        {"author:k", "author:ki", "author:kim", "author:kim -s", "author:kim -survey"},
        {"", "l", "la", "lan", "language model", "language model date:2024"},
    };
    int incremental = 0;
    for (Sort sort : {Sort{SortKey::Date, true}, Sort{SortKey::Votes, true}, Sort{SortKey::Title, false}}) {
        for (const auto& seq : typing) {
            Query prev_q = parse_query(seq[0]);
            std::vector<uint32_t> prev = run_query(lib, prev_q, sort);
            for (size_t k = 1; k < seq.size(); k++) {
                Query q = parse_query(seq[k]);
                std::vector<uint32_t> full = run_query(lib, q, sort);
                INFO(seq[k]);
                if (query_narrows(q, prev_q)) {
                    std::vector<uint32_t> inc = run_query(lib, q, sort, &prev);
                    CHECK(inc == full);
                    incremental++;
                }
                prev = full;
                prev_q = q;
            }
        }
    }
    CHECK(incremental >= 30);  // most steps of the sequences narrow: the check above ran
}
