// ISO weeks and months (core/period.h) against a day-by-day walk of the calendar, known dates,
// and every date of the corpus.
#include <catch2/catch.hpp>

#include <string>

#include "core/date.h"
#include "core/period.h"
#include "core/query.h"
#include "test_support.h"

using dvtest::day;

TEST_CASE("iso_week against a day-by-day walk from a known Monday", "[period]") {
    // 1990-01-01 was a Monday of ISO week 1990-W01 (a calendar fact). Walk forward: each Monday
    // starts the next week, and the week number restarts at 1 when that Monday's Thursday lies in
    // a new calendar year.
    int32_t d = day("1990-01-01");
    REQUIRE(dv::weekday(d) == 0);
    int year = 1990, week = 1;
    for (const int32_t end = day("2040-12-31"); d <= end; ++d) {
        if (dv::weekday(d) == 0 && d != day("1990-01-01")) {
            int ty;
            unsigned m, dd;
            dv::civil_from_days(d + 3, ty, m, dd);
            if (ty != year) {
                year = ty;
                week = 1;
            } else {
                ++week;
            }
        }
        int y, w;
        dv::iso_week(d, y, w);
        INFO(dv::format_date(d));
        REQUIRE(y == year);
        REQUIRE(w == week);
        const dv::Period p = dv::week_of(d);
        REQUIRE(dv::weekday(p.first) == 0);
        REQUIRE(p.last == p.first + 6);
        REQUIRE((p.first <= d && d <= p.last));
        dv::Period back;
        REQUIRE(dv::parse_period(dv::format_period(p), back));
        REQUIRE(back.first == p.first);
        REQUIRE(back.kind == dv::PeriodKind::Week);
        const dv::Period mo = dv::month_of(d);
        int y1, y2;
        unsigned m1, m2, d1, d2;
        dv::civil_from_days(mo.first, y1, m1, d1);
        dv::civil_from_days(d, y2, m2, d2);
        REQUIRE((y1 == y2 && m1 == m2 && d1 == 1u));
        REQUIRE(dv::month_of(mo.last + 1).first == mo.last + 1);  // the month ends where the next begins
        REQUIRE(dv::parse_period(dv::format_period(mo), back));
        REQUIRE((back.first == mo.first && back.last == mo.last && back.kind == dv::PeriodKind::Month));
    }
}

TEST_CASE("known ISO weeks and period text", "[period]") {
    int y, w;
    dv::iso_week(day("2024-06-03"), y, w);  // the example week
    CHECK((y == 2024 && w == 23));
    dv::iso_week(day("2024-12-30"), y, w);
    CHECK((y == 2025 && w == 1));
    dv::iso_week(day("2021-01-03"), y, w);
    CHECK((y == 2020 && w == 53));
    CHECK(dv::format_period(dv::week_of(day("2024-06-09"))) == "2024-W23");
    CHECK(dv::format_period(dv::month_of(day("2024-02-29"))) == "2024-02");
    CHECK(dv::month_of(day("2024-02-10")).last == day("2024-02-29"));
    dv::Period p;
    REQUIRE(dv::parse_period("2024-W23", p));
    CHECK((p.first == day("2024-06-03") && p.last == day("2024-06-09")));
    CHECK(dv::parse_period("2020-W53", p));
    CHECK_FALSE(dv::parse_period("2021-W53", p));  // 2021 has 52 weeks
    CHECK_FALSE(dv::parse_period("2024-W00", p));
    CHECK_FALSE(dv::parse_period("2024-13", p));
    CHECK_FALSE(dv::parse_period("2024-6", p));
    CHECK_FALSE(dv::parse_period("2024-W2x", p));
    // Stepping crosses year ends both ways.
    CHECK(dv::format_period(dv::period_step(dv::month_of(day("2024-12-05")), 1)) == "2025-01");
    CHECK(dv::format_period(dv::period_step(dv::month_of(day("2024-01-05")), -1)) == "2023-12");
    CHECK(dv::format_period(dv::period_step(dv::week_of(day("2024-12-30")), -1)) == "2024-W52");
    CHECK(dv::format_period(dv::period_step(dv::month_of(day("2024-03-31")), -13)) == "2023-02");
}

TEST_CASE("corpus: period rankings equal the query date:first..last sorted by votes", "[period][corpus]") {
    const dv::Library& lib = dvtest::corpus_library();
    if (lib.entries.empty()) {
        WARN("corpus not found: skipped");
        return;
    }
    size_t periods = 0;
    for (dv::PeriodKind kind : {dv::PeriodKind::Week, dv::PeriodKind::Month}) {
        for (dv::Period p = dv::period_of(kind, day("2023-12-01")); p.first <= day("2025-01-31"); p = dv::period_step(p, 1)) {
            const std::string q = "date:" + dv::format_date(p.first) + ".." + dv::format_date(p.last);
            INFO(dv::format_period(p) << " " << q);
            const std::vector<uint32_t> want = dv::run_query(lib, dv::parse_query(q), {dv::SortKey::Votes, true});
            REQUIRE(dv::period_entries(lib, p, nullptr) == want);
            // Within a result: the same ranking, restricted to it.
            std::vector<uint8_t> in(lib.entries.size(), 0);
            for (uint32_t e : dv::run_query(lib, dv::parse_query("확산"), {})) in[e] = 1;
            std::vector<uint32_t> want_in;
            for (uint32_t e : want)
                if (in[e]) want_in.push_back(e);
            REQUIRE(dv::period_entries(lib, p, &in) == want_in);
            periods += !want.empty();
        }
    }
    CHECK(periods > 60);  // ~57 weeks and ~13 months of 2024 hold papers
}
