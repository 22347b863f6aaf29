// Weeks (ISO 8601, Monday to Sunday) and calendar months as day ranges: the period view's
// "top papers of this week / month" and its URL form (period=2024-W23, period=2024-06).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace dv {

enum class PeriodKind : uint8_t { Week, Month };

// The days [first, last] (inclusive, day numbers of date.h) of one week or month.
struct Period {
    PeriodKind kind = PeriodKind::Week;
    int32_t first = 0, last = 0;
};

// The ISO 8601 week of a day: weeks start on Monday and belong to the year of their Thursday, so
// 2024-12-30 is 2025-W01 and 2021-01-03 is 2020-W53.
void iso_week(int32_t day, int& iso_year, int& week);

Period week_of(int32_t day);   // the Monday..Sunday holding day
Period month_of(int32_t day);  // the 1st..last of day's month
Period period_of(PeriodKind kind, int32_t day);
// The period `delta` weeks or months away (prev/next: -1/+1).
Period period_step(const Period& p, int delta);

// "2024-W23" or "2024-06"; parse_period reads exactly those (week 1..53 that exists in the
// year, month 01..12) and returns false for anything else.
std::string format_period(const Period& p);
bool parse_period(std::string_view s, Period& out);

struct Library;
// The entries listed on a day of p (any appearance, as the query's date: filter), among those
// with in_result[e] != 0 when in_result is given, by votes (most first, papers without votes
// last; ties keep the library order): the period view's ranking.
std::vector<uint32_t> period_entries(const Library& lib, const Period& p, const std::vector<uint8_t>* in_result);

}  // namespace dv
