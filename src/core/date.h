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

// The date a file's path or name implies: ".../2024/06/06.md" or "...2024-06-06...".
// kNoDate if none.
int32_t date_from_path(std::string_view path);

}  // namespace dv
