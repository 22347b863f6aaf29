// Statistics over a query result, for the charts panel and `digest-cli stats`.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "library.h"

namespace dv {

struct HistBin {
    int32_t lo = 0, hi = 0;        // votes in [lo, hi)
    uint32_t count = 0;
};

struct DayStat {
    int32_t date = kNoDate;
    uint32_t papers = 0;
    double median = 0, p90 = 0;    // over papers with votes; 0 when none has
    int32_t max = 0;
    int64_t total = 0;
};

struct AuthorStat {
    std::string name;
    uint32_t papers = 0;
    int64_t votes = 0;
};

struct WeekdayStat {
    uint32_t papers = 0;           // with votes
    double mean_votes = 0;
};

struct Stats {
    uint32_t papers = 0;
    uint32_t without_votes = 0;
    std::vector<HistBin> vote_histogram;   // log-spaced: [0,1) [1,2) [2,4) [4,8) ... up to the max
    std::vector<DayStat> per_day;          // by entry date, ascending
    std::vector<uint32_t> top_papers;      // entry indices, votes desc
    std::vector<AuthorStat> top_authors_by_papers;
    std::vector<AuthorStat> top_authors_by_votes;
    WeekdayStat weekdays[7];               // Monday first
};

Stats compute_stats(const Library& lib, const std::vector<uint32_t>& result, size_t top_n = 20);

// Percentile by linear interpolation over sorted values (q in [0,1]); 0 for none.
double quantile_sorted(const std::vector<int32_t>& sorted, double q);

}  // namespace dv
