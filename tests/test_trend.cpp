// Term trends (core/trend.h) against a brute-force count over the corpus: for every entry, its
// period found by a linear scan of the calendar, and whether it matches by entry_matches (the
// query's slow path, no index).
#include <catch2/catch.hpp>

#include <algorithm>
#include <map>
#include <string>

#include <nlohmann/json.hpp>

#include "core/date.h"
#include "core/export.h"
#include "core/period.h"
#include "core/query.h"
#include "core/triage.h"
#include "core/trend.h"
#include "test_support.h"

using dvtest::day;

namespace {

// period text -> (matching, total), counted entry by entry.
using Counts = std::map<std::string, std::pair<uint32_t, uint32_t>>;

Counts brute_force(const dv::Library& lib, dv::PeriodKind kind, const dv::Query& q, const dv::QueryContext* ctx,
                   int32_t lo = INT32_MIN, int32_t hi = INT32_MAX) {
    Counts c;
    for (uint32_t e = 0; e < lib.entries.size(); ++e) {
        const int32_t d = lib.entries[e].date;
        if (d == dv::kNoDate || d < lo || d > hi) continue;
        // The period by walking back to its first day: a Monday, or the 1st of the month.
        int32_t first = d;
        for (;;) {
            int y;
            unsigned m, dd;
            dv::civil_from_days(first, y, m, dd);
            if (kind == dv::PeriodKind::Week ? dv::weekday(first) == 0 : dd == 1u) break;
            --first;
        }
        auto& slot = c[dv::format_period(dv::period_of(kind, first))];
        ++slot.second;
        if (dv::entry_matches(lib, e, q, ctx)) ++slot.first;
    }
    return c;
}

void require_equal(const dv::TrendTable& t, const dv::TrendSeries& s, const Counts& want) {
    REQUIRE(s.matching.size() == t.periods.size());
    size_t nonempty = 0;
    for (size_t i = 0; i < t.periods.size(); ++i) {
        const std::string name = dv::format_period(t.periods[i]);
        INFO(s.term << " " << name);
        if (i > 0) REQUIRE(t.periods[i].first == t.periods[i - 1].last + 1);  // contiguous
        auto it = want.find(name);
        const uint32_t m = it == want.end() ? 0 : it->second.first, tot = it == want.end() ? 0 : it->second.second;
        REQUIRE(s.matching[i] == m);
        REQUIRE(t.totals[i] == tot);
        REQUIRE(s.matching[i] <= t.totals[i]);
        nonempty += tot > 0;
    }
    REQUIRE(nonempty == want.size());  // every period the brute force saw is in the table
}

}  // namespace

TEST_CASE("trend shares per week and month equal a brute-force count over the corpus", "[trend]") {
    const dv::Library& lib = dvtest::corpus_library();
    if (lib.entries.empty()) {
        WARN("corpus not found: skipped");
        return;
    }
    // Latin words, Hangul as typed, a phrase, an author, an exclusion, and a filter-only query.
    const char* terms[] = {"diffusion", "agent", "3D", "확산", "\"language model\"", "author:Kim", "video -survey"};
    for (dv::PeriodKind kind : {dv::PeriodKind::Week, dv::PeriodKind::Month}) {
        const dv::TrendTable t = dv::trend_table(lib, kind);
        REQUIRE(t.periods.size() > (kind == dv::PeriodKind::Week ? 40u : 10u));
        uint32_t sum = 0;
        for (uint32_t v : t.totals) sum += v;
        uint32_t dated = 0;
        for (const dv::Entry& e : lib.entries) dated += e.date != dv::kNoDate;
        REQUIRE(sum == dated);  // every dated paper is in exactly one period
        const dv::Query none = dv::parse_query("");
        for (const char* term : terms) {
            const dv::TrendSeries s = dv::trend_series(lib, t, term, none);
            REQUIRE(s.errors.empty());
            require_equal(t, s, brute_force(lib, kind, dv::parse_query(term), nullptr));
        }
    }
}

TEST_CASE("a trend keeps the current query's filters and drops its words", "[trend]") {
    const dv::Library& lib = dvtest::corpus_library();
    if (lib.entries.empty()) {
        WARN("corpus not found: skipped");
        return;
    }
    const dv::Query current = dv::parse_query("diffusion votes>=10 date:2024-03..2024-08 label:\"Technical Details\"");
    REQUIRE(current.errors.empty());
    const dv::TrendTable t = dv::trend_table(lib, dv::PeriodKind::Week, current.date_lo, current.date_hi);
    REQUIRE(!t.periods.empty());
    REQUIRE(t.periods.front().first <= day("2024-03-01"));
    REQUIRE(t.periods.back().last >= day("2024-08-31"));
    REQUIRE(t.periods.back().first <= day("2024-08-31"));
    // "agent" under these filters is "agent votes>=10 date:... label:..." without "diffusion".
    const dv::TrendSeries s = dv::trend_series(lib, t, "agent", current);
    const dv::Query spelled = dv::parse_query("agent votes>=10 date:2024-03..2024-08 label:\"Technical Details\"");
    require_equal(t, s, brute_force(lib, dv::PeriodKind::Week, spelled, nullptr, current.date_lo, current.date_hi));
    uint32_t any = 0;
    for (uint32_t m : s.matching) any += m;
    REQUIRE(any > 0);
    // The current query's own text as the term gives back the current query.
    const dv::TrendSeries self = dv::trend_series(lib, t, "diffusion votes>=10 date:2024-03..2024-08 label:\"Technical Details\"", current);
    uint32_t self_sum = 0;
    for (uint32_t m : self.matching) self_sum += m;
    size_t in_range = 0;
    for (uint32_t e : dv::run_query(lib, current, dv::Sort{}))
        in_range += lib.entries[e].date >= current.date_lo && lib.entries[e].date <= current.date_hi;
    REQUIRE(self_sum == in_range);
}

TEST_CASE("a trend applies the reader's marks and leaves hidden papers out", "[trend]") {
    const dv::Library& lib = dvtest::corpus_library();
    if (lib.entries.empty()) {
        WARN("corpus not found: skipped");
        return;
    }
    const dv::Query diffusion = dv::parse_query("diffusion");
    std::vector<uint32_t> hits = dv::run_query(lib, diffusion, dv::Sort{});
    REQUIRE(hits.size() > 20);
    dv::Triage tr;
    for (size_t i = 0; i < 10; ++i) dv::triage_set(tr, dv::triage_key(lib, hits[i]), dv::Mark::Hidden, true, 1000);
    for (size_t i = 10; i < 15; ++i) dv::triage_set(tr, dv::triage_key(lib, hits[i]), dv::Mark::Starred, true, 1000);
    const dv::QueryContext ctx = dv::make_query_context(lib, tr, dv::VisitInfo{});
    const dv::TrendTable t = dv::trend_table(lib, dv::PeriodKind::Month);
    const dv::TrendSeries plain = dv::trend_series(lib, t, "diffusion", dv::parse_query(""), &ctx);
    const dv::TrendSeries starred = dv::trend_series(lib, t, "diffusion", dv::parse_query("is:starred"), &ctx);
    uint32_t a = 0, b = 0;
    for (uint32_t m : plain.matching) a += m;
    for (uint32_t m : starred.matching) b += m;
    REQUIRE(a == hits.size() - 10);  // hidden ones are out, as in the list
    REQUIRE(b == 5);
    require_equal(t, starred, brute_force(lib, dv::PeriodKind::Month, dv::parse_query("diffusion is:starred"), &ctx));
}

TEST_CASE("trend JSON and CSV", "[trend]") {
    const dv::Library& lib = dvtest::corpus_library();
    if (lib.entries.empty()) {
        WARN("corpus not found: skipped");
        return;
    }
    const dv::TrendTable t = dv::trend_table(lib, dv::PeriodKind::Week, day("2024-06-01"), day("2024-06-30"));
    std::vector<dv::TrendSeries> s = {dv::trend_series(lib, t, "diffusion", dv::parse_query("")),
                                      dv::trend_series(lib, t, "agent", dv::parse_query(""))};
    const nlohmann::json j = dv::trend_json(t, s);
    REQUIRE(j.size() == 2 * t.periods.size());
    REQUIRE(j[0]["term"] == "diffusion");
    // The table starts at the week of the first June listing (the corpus has none on the weekend
    // of June 1-2, so that is not week 22).
    int32_t first = INT32_MAX;
    for (const dv::Entry& e : lib.entries)
        if (e.date >= day("2024-06-01") && e.date <= day("2024-06-30")) first = std::min(first, e.date);
    REQUIRE(j[0]["period"] == dv::format_period(dv::week_of(first)));
    REQUIRE(j[t.periods.size()]["term"] == "agent");
    for (size_t i = 0; i < j.size(); ++i) REQUIRE(j[i]["total"] == t.totals[i % t.periods.size()]);
    const std::string csv = dv::csv_trend(t, s);
    REQUIRE(csv.rfind("period,total,diffusion matching,diffusion share,agent matching,agent share\r\n", 0) == 0);
    REQUIRE(std::count(csv.begin(), csv.end(), '\n') == std::ptrdiff_t(t.periods.size() + 1));
}

TEST_CASE("trend table edges: empty library, undated papers, a month search", "[trend]") {
    dv::Library empty;
    const dv::TrendTable t = dv::trend_table(empty, dv::PeriodKind::Week);
    REQUIRE(t.periods.empty());
    REQUIRE(dv::trend_period_index(t, day("2024-06-03")) == -1);
    REQUIRE(dv::trend_series(empty, t, "x", dv::parse_query("")).matching.empty());
    REQUIRE(!dv::trend_series(empty, t, "votes>=abc", dv::parse_query("")).errors.empty());

    const dv::Library& lib = dvtest::corpus_library();
    if (lib.entries.empty()) return;
    const dv::TrendTable m = dv::trend_table(lib, dv::PeriodKind::Month);
    for (size_t i = 0; i < m.periods.size(); ++i) {
        REQUIRE(dv::trend_period_index(m, m.periods[i].first) == int(i));
        REQUIRE(dv::trend_period_index(m, m.periods[i].last) == int(i));
    }
    REQUIRE(dv::trend_period_index(m, m.periods.front().first - 1) == -1);
    REQUIRE(dv::trend_period_index(m, dv::kNoDate) == -1);
}
