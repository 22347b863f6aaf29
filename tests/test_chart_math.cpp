#include <catch2/catch.hpp>

#include <random>

#include "core/date.h"
#include "ui/chart_math.h"

using namespace dv;


static void check_ticks(const std::vector<double>& got, const std::vector<double>& want) {
    REQUIRE(got.size() == want.size());
    for (size_t i = 0; i < got.size(); ++i) CHECK(got[i] == Approx(want[i]).margin(1e-12));
}

TEST_CASE("linear and log scales map and invert", "[chart]") {
    LinearScale s{0, 10, 100, 200};
    CHECK(s.map(5) == Approx(150));
    CHECK(s.map(0) == Approx(100));
    CHECK(s.invert(150) == Approx(5));
    LinearScale flipped{0, 10, 200, 100};  // y axes grow upwards
    CHECK(flipped.map(10) == Approx(100));
    LinearScale degenerate{3, 3, 0, 100};
    CHECK(degenerate.map(3) == Approx(50));

    LogScale l{1, 1000, 0, 300};
    CHECK(l.map(1) == Approx(0));
    CHECK(l.map(10) == Approx(100));
    CHECK(l.map(1000) == Approx(300));
    CHECK(l.invert(200) == Approx(100));
    CHECK(l.invert(l.map(42)) == Approx(42));
}

TEST_CASE("nice ticks for known ranges", "[chart]") {
    CHECK(nice_step(100, 5) == Approx(20));
    CHECK(nice_step(1, 5) == Approx(0.2));
    CHECK(nice_step(7, 5) == Approx(1));
    CHECK(nice_step(3000, 4) == Approx(1000));
    check_ticks(nice_ticks(0, 100, 5), {0, 20, 40, 60, 80, 100});
    check_ticks(nice_ticks(3, 97, 5), {20, 40, 60, 80});
    check_ticks(nice_ticks(0, 1, 5), {0, 0.2, 0.4, 0.6, 0.8, 1.0});
    check_ticks(nice_ticks(-7, 7, 4), {-5, 0, 5});
    check_ticks(nice_ticks(0, 37, 4), {0, 10, 20, 30});
    check_ticks(nice_ticks(100, 0, 2), {0, 50, 100});  // reversed input
    check_ticks(nice_ticks(5, 5, 5), {5});
    // Zero is exactly zero, not 1e-17.
    for (double v : nice_ticks(-0.3, 0.3, 6))
        if (std::fabs(v) < 0.01) CHECK(v == 0.0);
}

TEST_CASE("log ticks are powers of ten, with 2x and 5x on short ranges", "[chart]") {
    check_ticks(log_ticks(1, 1000), {1, 10, 100, 1000});
    check_ticks(log_ticks(1, 100000), {1, 10, 100, 1000, 10000, 100000});
    check_ticks(log_ticks(0.5, 2000), {1, 10, 100, 1000});
    check_ticks(log_ticks(1, 50, 3), {1, 2, 5, 10, 20, 50});
    check_ticks(log_ticks(1, 600, 3), {1, 10, 100});
    check_ticks(log_ticks(3, 40, 3), {5, 10, 20});
    CHECK(log_ticks(0, 10).empty());
}

TEST_CASE("tick labels are compact", "[chart]") {
    CHECK(format_tick(0) == "0");
    CHECK(format_tick(12) == "12");
    CHECK(format_tick(0.25) == "0.25");
    CHECK(format_tick(950) == "950");
    CHECK(format_tick(1500) == "1.5k");
    CHECK(format_tick(12000) == "12k");
    CHECK(format_tick(2500000) == "2.5M");
}

TEST_CASE("date ticks pick days, weeks, months or years", "[chart]") {
    int32_t lo = days_from_civil(2024, 6, 1), hi = days_from_civil(2024, 6, 5);
    auto t = date_ticks(lo, hi, 10);
    REQUIRE(t.size() == 5);
    CHECK(t[0].date == lo);
    CHECK(t[0].label == "Jun 1");

    // A month of days at most 6 ticks: Mondays (2024-06-03 is a Monday).
    t = date_ticks(days_from_civil(2024, 6, 1), days_from_civil(2024, 6, 30), 6);
    REQUIRE(!t.empty());
    CHECK(t[0].date == days_from_civil(2024, 6, 3));
    for (const DateTick& d : t) CHECK(weekday(d.date) == 0);
    CHECK(t.size() <= 6);

    // Two years: month starts, aligned to the calendar.
    lo = days_from_civil(2023, 1, 15);
    hi = days_from_civil(2024, 12, 31);
    t = date_ticks(lo, hi, 30);
    REQUIRE(t.size() == 23);
    CHECK(t[0].label == "2023-02");
    CHECK(t[0].date == days_from_civil(2023, 2, 1));
    t = date_ticks(lo, hi, 6);
    REQUIRE(t.size() == 3);
    CHECK(t[0].label == "2023-07");
    CHECK(t[1].label == "2024-01");
    t = date_ticks(days_from_civil(2015, 3, 1), days_from_civil(2025, 3, 1), 12);
    REQUIRE(!t.empty());
    CHECK(t[0].label == "2016");
    CHECK(t.size() <= 12);
}

TEST_CASE("calendar heatmap places days in week columns and weekday rows across a year end", "[chart]") {
    // 2024-12-28 is a Saturday, 2024-12-30 a Monday, 2025-01-01 a Wednesday.
    const int32_t lo = days_from_civil(2024, 12, 28), hi = days_from_civil(2025, 1, 6);
    CalendarLayout l = calendar_layout(lo, hi);
    CHECK(l.first_monday == days_from_civil(2024, 12, 23));
    CHECK(l.weeks == 3);
    CalendarCell c = calendar_cell(l, lo);
    CHECK(c.col == 0);
    CHECK(c.row == 5);
    c = calendar_cell(l, days_from_civil(2024, 12, 29));
    CHECK((c.col == 0 && c.row == 6));
    c = calendar_cell(l, days_from_civil(2024, 12, 31));
    CHECK((c.col == 1 && c.row == 1));
    c = calendar_cell(l, days_from_civil(2025, 1, 1));
    CHECK((c.col == 1 && c.row == 2));
    c = calendar_cell(l, hi);
    CHECK((c.col == 2 && c.row == 0));
    c = calendar_cell(l, days_from_civil(2025, 1, 7));  // outside
    CHECK(c.col == -1);
    CHECK(calendar_date(l, 0, 0) == kNoDate);             // 12-23, before the range
    CHECK(calendar_date(l, 1, 2) == days_from_civil(2025, 1, 1));
    CHECK(calendar_date(l, 2, 1) == kNoDate);             // 01-07, after the range

    std::vector<DayStat> days(2);
    days[0].date = days_from_civil(2024, 12, 31);
    days[0].total = 40;
    days[1].date = days_from_civil(2025, 1, 1);
    days[1].total = 2;
    std::vector<int64_t> cells = calendar_totals(l, days);
    REQUIRE(cells.size() == 21);
    CHECK(cells[0] == -1);          // Mon 12-23: outside
    CHECK(cells[5] == 0);           // Sat 12-28: in range, no papers
    CHECK(cells[1 * 7 + 1] == 40);
    CHECK(cells[1 * 7 + 2] == 2);
    CHECK(cells[2 * 7 + 1] == -1);

    auto months = calendar_months(l);
    REQUIRE(months.size() == 2);
    CHECK(months[0].col == 0);
    CHECK(months[0].label == "Dec");
    CHECK(months[1].col == 1);
    CHECK(months[1].label == "2025");

    // A leap year's last week: 2024-02-26 (Mon) .. 2024-03-03 (Sun) is one column.
    CalendarLayout leap = calendar_layout(days_from_civil(2024, 2, 1), days_from_civil(2024, 3, 31));
    CHECK(calendar_cell(leap, days_from_civil(2024, 2, 29)).col == calendar_cell(leap, days_from_civil(2024, 3, 3)).col);
    CHECK(calendar_cell(leap, days_from_civil(2024, 3, 3)).row == 6);
    // Every day of several years round-trips through (col, row).
    CalendarLayout big = calendar_layout(days_from_civil(2022, 5, 17), days_from_civil(2026, 2, 3));
    for (int32_t d = big.lo; d <= big.hi; ++d) {
        CalendarCell cc = calendar_cell(big, d);
        REQUIRE(cc.row == weekday(d));
        REQUIRE(calendar_date(big, cc.col, cc.row) == d);
    }
}

TEST_CASE("histogram bins are found by value", "[chart]") {
    std::vector<HistBin> bins = {{0, 1, 3}, {1, 2, 1}, {2, 4, 0}, {4, 8, 5}};
    CHECK(histogram_bin(bins, 0) == 0);
    CHECK(histogram_bin(bins, 3) == 2);
    CHECK(histogram_bin(bins, 7) == 3);
    CHECK(histogram_bin(bins, 8) == -1);
}

TEST_CASE("nearest-point grid agrees with brute force on random points", "[chart]") {
    std::mt19937 rng(1234);
    std::uniform_real_distribution<float> ux(0, 1000), uy(0, 300);
    for (int round = 0; round < 4; ++round) {
        const size_t n = round == 0 ? 1 : round == 1 ? 50 : 5000 * round;
        std::vector<float> xs(n), ys(n);
        for (size_t i = 0; i < n; ++i) {
            xs[i] = ux(rng);
            ys[i] = uy(rng);
            if (round == 3 && i % 10 == 0) {  // exact duplicates: ties go to the lower index
                xs[i] = xs[i / 2];
                ys[i] = ys[i / 2];
            }
        }
        PointGrid g;
        g.build(xs.data(), ys.data(), n, 6.0f);
        for (int q = 0; q < 2000; ++q) {
            const float x = ux(rng) * 1.1f - 50, y = uy(rng) * 1.2f - 30;
            for (float r : {3.0f, 8.0f, 40.0f}) {
                const int64_t a = g.nearest(x, y, r), b = nearest_brute(xs.data(), ys.data(), n, x, y, r);
                REQUIRE(a == b);
            }
        }
        // Querying exactly at a point finds it (or an identical earlier one).
        for (size_t i = 0; i < n; i += 97) {
            const int64_t a = g.nearest(xs[i], ys[i], 1.0f);
            REQUIRE(a >= 0);
            CHECK(xs[a] == xs[i]);
            CHECK(ys[a] == ys[i]);
            CHECK(a <= int64_t(i));
        }
    }
    PointGrid empty;
    empty.build(nullptr, nullptr, 0, 5);
    CHECK(empty.nearest(1, 1, 100) == -1);
    // A tiny cell over a huge span stays bounded in memory and still answers correctly.
    std::vector<float> xs = {0, 1e7f, 5e6f}, ys = {0, 1e7f, 5e6f};
    PointGrid g;
    g.build(xs.data(), ys.data(), 3, 0.5f);
    CHECK(g.nearest(5e6f + 1, 5e6f, 3) == 2);
    CHECK(g.nearest(100, 100, 3) == -1);
}
