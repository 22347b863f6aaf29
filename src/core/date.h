// Calendar dates as day numbers: cheap to compare, sort, bucket and subtract.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace dv {

// Days since 1970-01-01 for a proleptic Gregorian y-m-d (no validation).
int32_t days_from_civil(int y, unsigned m, unsigned d);
void civil_from_days(int32_t days, int& y, unsigned& m, unsigned& d);

// Parses exactly "YYYY-MM-DD" with a real calendar day; false otherwise.
bool parse_date(std::string_view s, int32_t& out);
// Parses a date prefix "YYYY", "YYYY-MM" or "YYYY-MM-DD" into the inclusive range it covers.
bool parse_date_prefix(std::string_view s, int32_t& lo, int32_t& hi);
// "YYYY-MM-DD"; "" for kNoDate.
std::string format_date(int32_t days);
// 0 = Monday ... 6 = Sunday.
int weekday(int32_t days);
// Names for weekday(): "Mon".."Sun" (stats JSON, CSV, the CLI and the charts all use these) and
// "Monday".."Sunday". Out-of-range values give "".
const char* weekday_name(int wd);
const char* weekday_long_name(int wd);

// The date a file's path or name implies: ".../2024/06/06.md", "...2024-06-06...",
// "2024_06_06", "20240606" (digits not part of a longer number). kNoDate if none.
int32_t date_from_path(std::string_view path);

// The first date written in free text (a heading, a "Last updated" line) in any common form:
// "2024-06-06", "2024/06/06", "2024.06.06", "2024_06_06", "(2024-06-06)", "January 25, 2026",
// "Jan 25 2026", "25 January 2026", "2025年1月13日", "2024년 6월 6일". Returns false if none.
// A date of the right shape that is not a real day ("2024-02-30") returns true with
// valid = false (out untouched), so callers can say so instead of silently ignoring it.
bool find_date(std::string_view text, int32_t& out, bool& valid);

}  // namespace dv
