// Term trends: the share of papers matching a query per ISO week (or month), against all loaded
// papers of that week, for the charts window's trend chart and `digest-cli stats --trend`.
//
// The rule (one definition, used by both): a paper counts in the period of its first listing
// date (Entry::date, the earliest day any loaded file lists it). A period's `total` is every
// loaded paper first listed in it; `matching` those of them that match the term combined with
// the filters of the current query (trend_query). Periods run from the period of the earliest to
// that of the latest first-listing date, cut to the filters' date range, with no gaps (a period
// with no papers has total 0), so the lines of several terms share one x axis.
//
// Ownership: a TrendTable holds indices into the Library it was built from and is valid until
// that library's next rebuild (compare Library::generation).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "period.h"
#include "query.h"

namespace dv {

struct Library;
struct QueryContext;

// The periods and their totals for one library, period kind and date range.
struct TrendTable {
    PeriodKind kind = PeriodKind::Week;
    std::vector<Period> periods;           // ascending, contiguous
    std::vector<uint32_t> totals;          // per period: papers first listed in it
    int32_t first_day = 0;                 // periods.front().first (0 when there are none)
};
// The table over the papers first listed on a day in [date_lo, date_hi] (INT32_MIN/MAX: open).
TrendTable trend_table(const Library& lib, PeriodKind kind, int32_t date_lo = INT32_MIN, int32_t date_hi = INT32_MAX);
// The index into t.periods of the period holding `day`, or -1 (outside, or kNoDate).
int trend_period_index(const TrendTable& t, int32_t day);

// The term's own query with the filters of `filters` added: its vote and date ranges (narrowed to
// both), its label: terms, its triage terms. The filters' words, phrases and title:/author:/
// summary: terms are the search, not a filter, and are left out, so "agent" beside the current
// query "diffusion votes>=10" counts agent papers with at least 10 votes. A term that is the
// current query's own text gives back the current query.
Query trend_query(const Query& term, const Query& filters);

struct TrendSeries {
    std::string term;                      // as given
    std::vector<uint32_t> matching;        // per period of the table
    std::vector<std::string> errors;       // parse_query's, of the term
};
// Counts, per period of t, the papers matching trend_query(parse_query(term), filters) (with
// `ctx`, the triage terms apply and hidden papers are left out, as in run_query).
TrendSeries trend_series(const Library& lib, const TrendTable& t, std::string_view term, const Query& filters,
                         const QueryContext* ctx = nullptr);

}  // namespace dv
