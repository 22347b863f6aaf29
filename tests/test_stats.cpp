// Statistics: hand-computed small cases and invariants over the real corpus.
#include <catch2/catch.hpp>

#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/library.h"
#include "core/query.h"
#include "core/stats.h"
#include "test_support.h"
#include "test_util.h"

namespace {

using dvtest::day;

struct P {
    std::string id;
    int votes;  // < 0: "Vote: -"
    std::string authors;
};

// Papers titled "Paper <id>", each with one plain summary item.
std::string section(const std::string& date, const std::vector<P>& papers) {
    std::vector<dvtest::TestPaper> v;
    for (const P& p : papers) v.push_back({p.id, "Paper " + p.id, p.votes, p.authors, {{"", "요약."}}});
    return dvtest::digest_section(date, v);
}

std::vector<uint32_t> all(const dv::Library& lib) { return dv::run_query(lib, dv::parse_query(""), {}); }

}  // namespace

TEST_CASE("quantile_sorted interpolates linearly", "[stats]") {
    CHECK(dv::quantile_sorted({}, 0.5) == 0);
    CHECK(dv::quantile_sorted({7}, 0.5) == 7);
    CHECK(dv::quantile_sorted({7}, 0.9) == 7);
    CHECK(dv::quantile_sorted({1, 2, 3, 4}, 0.5) == Approx(2.5));
    CHECK(dv::quantile_sorted({1, 2, 3, 4}, 0.9) == Approx(3.7));  // position 0.9 * 3 = 2.7
    CHECK(dv::quantile_sorted({0, 10}, 0.25) == Approx(2.5));
    CHECK(dv::quantile_sorted({3, 5, 100}, 0) == 3);
    CHECK(dv::quantile_sorted({3, 5, 100}, 1) == 100);
}

TEST_CASE("compute_stats on a hand-checked library", "[stats]") {
    dv::Library lib;
    // 2024-06-03 is a Monday, 2024-06-04 a Tuesday.
    dv::library_add(lib, "a.md",
                    section("2024-06-03", {{"2406.00001", 0, "Ann, Bo"}, {"2406.00002", 1, "Ann"}, {"2406.00003", 5, "Cy, Ann"},
                                           {"2406.00004", -1, "Bo"}}));
    dv::library_add(lib, "b.md", section("2024-06-04", {{"2406.00005", 8, "Bo, Cy"}, {"2406.00006", 20, "Dee"}}));
    dv::library_rebuild(lib);
    REQUIRE(lib.entries.size() == 6);
    const auto result = all(lib);
    const dv::Stats st = dv::compute_stats(lib, result, 2);

    CHECK(st.papers == 6);
    CHECK(st.without_votes == 1);
    // votes 0, 1, 5, 8, 20: bins [0,1) [1,2) [2,4) [4,8) [8,16) [16,32)
    REQUIRE(st.vote_histogram.size() == 6);
    const int32_t lo[] = {0, 1, 2, 4, 8, 16}, hi[] = {1, 2, 4, 8, 16, 32};
    const uint32_t count[] = {1, 1, 0, 1, 1, 1};
    for (size_t b = 0; b < 6; ++b) {
        CHECK(st.vote_histogram[b].lo == lo[b]);
        CHECK(st.vote_histogram[b].hi == hi[b]);
        CHECK(st.vote_histogram[b].count == count[b]);
    }
    // per day: 06-03 has 4 papers, votes {0, 1, 5}: median 1, p90 at position 1.8 = 1 + 0.8 * 4
    REQUIRE(st.per_day.size() == 2);
    CHECK(st.per_day[0].date == day("2024-06-03"));
    CHECK(st.per_day[0].papers == 4);
    CHECK(st.per_day[0].median == Approx(1));
    CHECK(st.per_day[0].p90 == Approx(4.2));
    CHECK(st.per_day[0].max == 5);
    CHECK(st.per_day[0].total == 6);
    CHECK(st.per_day[1].date == day("2024-06-04"));
    CHECK(st.per_day[1].papers == 2);
    CHECK(st.per_day[1].median == Approx(14));
    CHECK(st.per_day[1].p90 == Approx(18.8));
    CHECK(st.per_day[1].max == 20);
    CHECK(st.per_day[1].total == 28);
    // top papers: 20, 8
    REQUIRE(st.top_papers.size() == 2);
    CHECK(lib.entries[st.top_papers[0]].votes == 20);
    CHECK(lib.entries[st.top_papers[1]].votes == 8);
    // authors: Ann 3 papers (0+1+5 = 6 votes), Bo 3 (0 + none + 8 = 8), Cy 2 (5+8 = 13), Dee 1 (20)
    REQUIRE(st.top_authors_by_papers.size() == 2);
    CHECK(st.top_authors_by_papers[0].name == "Ann");  // tie with Bo at 3: by name
    CHECK(st.top_authors_by_papers[0].papers == 3);
    CHECK(st.top_authors_by_papers[0].votes == 6);
    CHECK(st.top_authors_by_papers[1].name == "Bo");
    CHECK(st.top_authors_by_papers[1].votes == 8);
    REQUIRE(st.top_authors_by_votes.size() == 2);
    CHECK(st.top_authors_by_votes[0].name == "Dee");
    CHECK(st.top_authors_by_votes[0].votes == 20);
    CHECK(st.top_authors_by_votes[1].name == "Cy");
    CHECK(st.top_authors_by_votes[1].votes == 13);
    // weekdays: Monday 3 papers with votes, mean 2; Tuesday 2, mean 14
    CHECK(st.weekdays[0].papers == 3);
    CHECK(st.weekdays[0].mean_votes == Approx(2));
    CHECK(st.weekdays[1].papers == 2);
    CHECK(st.weekdays[1].mean_votes == Approx(14));
    for (int d = 2; d < 7; ++d) CHECK(st.weekdays[d].papers == 0);

    // an empty result, and one without any votes
    const dv::Stats none = dv::compute_stats(lib, {});
    CHECK(none.papers == 0);
    CHECK(none.vote_histogram.empty());
    CHECK(none.per_day.empty());
    CHECK(none.top_papers.empty());
    std::vector<uint32_t> only_null;
    for (uint32_t i = 0; i < lib.entries.size(); ++i)
        if (lib.entries[i].votes == dv::kNoVotes) only_null.push_back(i);
    const dv::Stats nv = dv::compute_stats(lib, only_null);
    CHECK(nv.without_votes == 1);
    CHECK(nv.vote_histogram.empty());
    REQUIRE(nv.per_day.size() == 1);
    CHECK(nv.per_day[0].papers == 1);
    CHECK(nv.per_day[0].median == 0);
    CHECK(nv.per_day[0].max == 0);
}

TEST_CASE("the histogram's last bin holds the max exactly at a power of two", "[stats]") {
    dv::Library lib;
    dv::library_add(lib, "a.md", section("2024-06-03", {{"2406.00001", 16, "A"}, {"2406.00002", 15, "B"}}));
    dv::library_rebuild(lib);
    const dv::Stats st = dv::compute_stats(lib, all(lib));
    REQUIRE(st.vote_histogram.size() == 6);  // ... [8,16) [16,32)
    CHECK(st.vote_histogram.back().lo == 16);
    CHECK(st.vote_histogram.back().count == 1);
    CHECK(st.vote_histogram[4].count == 1);
}

TEST_CASE("corpus: stats invariants", "[stats][corpus]") {
    const auto files = dvtest::digest_files(dvtest::corpus_dir() / "l-yohai-daily_papers_ko");
    if (files.empty()) {
        WARN("corpus not found: skipped");
        return;
    }
    dv::Library lib;
    for (const auto& f : files) dv::library_add(lib, f.string(), dvtest::read_file(f));
    dv::library_rebuild(lib);
    for (const char* q : {"", "모델", "diffusion", "votes>=10", "date:2024-06", "zzzqqq"}) {
        INFO(q);
        const auto result = dv::run_query(lib, dv::parse_query(q), {});
        const dv::Stats st = dv::compute_stats(lib, result, 10);
        size_t with_votes = 0;
        int32_t max_votes = -1;
        int64_t total = 0;
        for (uint32_t i : result) {
            const int32_t v = lib.entries[i].votes;
            if (v != dv::kNoVotes) ++with_votes, max_votes = std::max(max_votes, v), total += v;
        }
        CHECK(st.papers == result.size());
        CHECK(st.papers - st.without_votes == with_votes);
        size_t binned = 0;
        for (const auto& b : st.vote_histogram) {
            binned += b.count;
            CHECK(b.lo < b.hi);
        }
        CHECK(binned == with_votes);
        if (with_votes) {
            CHECK(st.vote_histogram.back().lo <= max_votes);
            CHECK(st.vote_histogram.back().hi > max_votes);
            CHECK(st.vote_histogram.back().count > 0);
        }
        size_t day_papers = 0;
        int32_t day_max = -1;
        int64_t day_total = 0;
        for (size_t d = 0; d < st.per_day.size(); ++d) {
            day_papers += st.per_day[d].papers;
            day_max = std::max(day_max, st.per_day[d].max);
            day_total += st.per_day[d].total;
            CHECK(st.per_day[d].median <= st.per_day[d].p90);
            CHECK(st.per_day[d].p90 <= st.per_day[d].max);
            if (d) CHECK(st.per_day[d - 1].date < st.per_day[d].date);
        }
        CHECK(day_papers == result.size());
        CHECK(day_total == total);
        if (with_votes) CHECK(day_max == max_votes);
        CHECK(st.top_papers.size() == std::min<size_t>(10, with_votes));
        if (!st.top_papers.empty()) CHECK(lib.entries[st.top_papers[0]].votes == max_votes);
        for (size_t k = 1; k < st.top_papers.size(); ++k)
            CHECK(lib.entries[st.top_papers[k - 1]].votes >= lib.entries[st.top_papers[k]].votes);
        uint32_t wd_papers = 0;
        for (const auto& w : st.weekdays) wd_papers += w.papers;
        CHECK(wd_papers == with_votes);
        for (size_t k = 1; k < st.top_authors_by_papers.size(); ++k)
            CHECK(st.top_authors_by_papers[k - 1].papers >= st.top_authors_by_papers[k].papers);
        for (size_t k = 1; k < st.top_authors_by_votes.size(); ++k)
            CHECK(st.top_authors_by_votes[k - 1].votes >= st.top_authors_by_votes[k].votes);
    }
    // the whole corpus: the max vote is 291 (FORMAT.md)
    const dv::Stats st = dv::compute_stats(lib, all(lib));
    CHECK(st.vote_histogram.back().lo == 256);
    CHECK(st.vote_histogram.back().hi == 512);
    CHECK(st.per_day.size() == 330);
}
