#include <catch2/catch.hpp>

#include "core/date.h"
#include "core/model.h"

using namespace dv;

TEST_CASE("days_from_civil and civil_from_days round-trip", "[date]") {
    CHECK(days_from_civil(1970, 1, 1) == 0);
    CHECK(days_from_civil(1970, 1, 2) == 1);
    CHECK(days_from_civil(1969, 12, 31) == -1);
    CHECK(days_from_civil(2000, 3, 1) == 11017);
    CHECK(days_from_civil(2024, 6, 6) == 19880);
    for (int32_t d = -800000; d <= 800000; d += 997) {
        int y;
        unsigned m, dd;
        civil_from_days(d, y, m, dd);
        REQUIRE(days_from_civil(y, m, dd) == d);
        REQUIRE(m >= 1);
        REQUIRE(m <= 12);
    }
}

TEST_CASE("parse_date validates the calendar", "[date]") {
    int32_t d = 0;
    CHECK(parse_date("2024-02-29", d));
    CHECK(d == days_from_civil(2024, 2, 29));
    CHECK_FALSE(parse_date("2023-02-29", d));
    CHECK_FALSE(parse_date("1900-02-29", d));
    CHECK(parse_date("2000-02-29", d));
    CHECK_FALSE(parse_date("2024-04-31", d));
    CHECK_FALSE(parse_date("2024-13-01", d));
    CHECK_FALSE(parse_date("2024-00-10", d));
    CHECK_FALSE(parse_date("2024-06-00", d));
    CHECK_FALSE(parse_date("2024-6-06", d));
    CHECK_FALSE(parse_date("2024-06-06 ", d));
    CHECK_FALSE(parse_date("2024/06/06", d));
    CHECK_FALSE(parse_date("", d));
    CHECK_FALSE(parse_date("abcd-ef-gh", d));
}

TEST_CASE("parse_date_prefix gives the inclusive range", "[date]") {
    int32_t lo = 0, hi = 0;
    REQUIRE(parse_date_prefix("2024", lo, hi));
    CHECK(format_date(lo) == "2024-01-01");
    CHECK(format_date(hi) == "2024-12-31");
    REQUIRE(parse_date_prefix("2024-02", lo, hi));
    CHECK(format_date(lo) == "2024-02-01");
    CHECK(format_date(hi) == "2024-02-29");
    REQUIRE(parse_date_prefix("2023-02", lo, hi));
    CHECK(format_date(hi) == "2023-02-28");
    REQUIRE(parse_date_prefix("2024-06", lo, hi));
    CHECK(format_date(hi) == "2024-06-30");
    REQUIRE(parse_date_prefix("2024-06-01", lo, hi));
    CHECK(lo == hi);
    CHECK(format_date(lo) == "2024-06-01");
    CHECK_FALSE(parse_date_prefix("2024-13", lo, hi));
    CHECK_FALSE(parse_date_prefix("2024-06-31", lo, hi));
    CHECK_FALSE(parse_date_prefix("24", lo, hi));
    CHECK_FALSE(parse_date_prefix("2024-", lo, hi));
}

TEST_CASE("format_date and weekday", "[date]") {
    CHECK(format_date(kNoDate).empty());
    CHECK(format_date(0) == "1970-01-01");
    CHECK(format_date(days_from_civil(2025, 5, 9)) == "2025-05-09");
    CHECK(format_date(days_from_civil(999, 1, 2)) == "0999-01-02");
    CHECK(weekday(0) == 3);                                 // Thursday
    CHECK(weekday(days_from_civil(2024, 6, 6)) == 3);       // Thursday
    CHECK(weekday(days_from_civil(2024, 10, 12)) == 5);     // the first Saturday file
    CHECK(weekday(days_from_civil(2023, 11, 20)) == 0);     // Monday
    CHECK(weekday(-1) == 2);
}

TEST_CASE("date_from_path reads paper_logs paths and dashed names", "[date]") {
    CHECK(format_date(date_from_path("l-yohai-daily_papers_ko/2024/06/06.md")) == "2024-06-06");
    CHECK(format_date(date_from_path("/x/y/2024-06-06.md")) == "2024-06-06");
    CHECK(format_date(date_from_path("C:\\data\\2023\\11\\20.md")) == "2023-11-20");
    // A revision path holds both forms: the paper_logs layout wins.
    CHECK(format_date(date_from_path("rev/2023-11-21T110427_a64f419/2023/11/20.md")) == "2023-11-20");
    CHECK(format_date(date_from_path("readme/2024-10-28T230246_f9cdc45/README.md")) == "2024-10-28");
    CHECK(date_from_path("notes.md") == kNoDate);
    CHECK(date_from_path("2024/02/30.md") == kNoDate);
    CHECK(date_from_path("12024-06-06.md") == kNoDate);
    CHECK(date_from_path("") == kNoDate);
}
