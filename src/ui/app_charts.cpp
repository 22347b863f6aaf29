// The charts' data, kept in step with the result (app.h: app_update_stats). Logic, not drawing:
// the charts panel and app_state_json both call it, and neither owns it.
#include <algorithm>
#include <chrono>

#include "app.h"
#include "core/date.h"

namespace dv {

// The chart data derived from c.stats and the result, rebuilt with them.
static void prepare_charts(ChartState& c, const Library& lib, const std::vector<uint32_t>& result) {
    const Stats& s = c.stats;
    c.day_lo = 0;
    c.day_hi = -1;
    c.max_papers_per_day = 0;
    c.max_votes_per_day = 0;
    for (const DayStat& d : s.per_day) {
        if (d.date == kNoDate) continue;
        if (c.day_hi < c.day_lo) c.day_lo = c.day_hi = d.date;
        c.day_lo = std::min(c.day_lo, d.date);
        c.day_hi = std::max(c.day_hi, d.date);
        c.max_papers_per_day = std::max(c.max_papers_per_day, d.papers);
        c.max_votes_per_day = std::max(c.max_votes_per_day, d.max);
    }
    c.cal = c.day_hi >= c.day_lo ? calendar_layout(c.day_lo, c.day_hi) : CalendarLayout{};
    c.cal_totals = calendar_totals(c.cal, s.per_day);
    c.cal_papers.assign(c.cal_totals.size(), 0);
    std::vector<int64_t> nonzero;
    for (const DayStat& d : s.per_day) {
        CalendarCell cell = calendar_cell(c.cal, d.date);
        if (cell.col >= 0) c.cal_papers[size_t(cell.col) * 7 + cell.row] += d.papers;
    }
    for (int64_t v : c.cal_totals)
        if (v > 0) nonzero.push_back(v);
    std::sort(nonzero.begin(), nonzero.end());
    for (int q = 0; q < 4; ++q)
        c.cal_q[q] = nonzero.empty() ? 1 : nonzero[std::min(nonzero.size() - 1, nonzero.size() * (q + 1) / 4)];
    c.months = calendar_months(c.cal);
    c.scatter = scatter_points(lib, result);
    c.view_valid = false;
}

void app_update_stats(App& app) {
    app_update_result(app);
    ChartState& c = app.charts;
    if (c.stats_generation == app.lib.generation && c.stats_result_key == app.result) return;
    auto t0 = std::chrono::steady_clock::now();
    c.stats = compute_stats(app.lib, app.result);
    c.stats_generation = app.lib.generation;
    c.stats_result_key = app.result;
    ++c.version;
    prepare_charts(c, app.lib, app.result);
    c.last_stats_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
}

// The query text has something to search for (not only spaces): then its own line is drawn.
static bool has_text(const std::string& s) {
    for (char c : s)
        if (c != ' ' && c != '\t') return true;
    return false;
}

void app_update_trends(App& app) {
    app_update_result(app);
    ChartState& c = app.charts;
    std::string key = std::to_string(app.lib.generation) + '/' + std::to_string(app.result_version) + '/' +
                      std::to_string(app.triage_generation) + (c.trend_months ? "/m" : "/w");
    for (const std::string& t : c.trend_terms) key += '\x1f' + t;
    if (key == c.trend_key) return;
    auto t0 = std::chrono::steady_clock::now();
    c.trend_key = std::move(key);
    c.trend_table = trend_table(app.lib, c.trend_months ? PeriodKind::Month : PeriodKind::Week, app.query.date_lo,
                                app.query.date_hi);
    c.trends.clear();
    // The current query as a term under its own filters is the current query (trend_query).
    if (has_text(app.query_text))
        c.trends.push_back(trend_series(app.lib, c.trend_table, app.query_text, app.query, &app.triage_ctx));
    for (const std::string& t : c.trend_terms)
        if (has_text(t)) c.trends.push_back(trend_series(app.lib, c.trend_table, t, app.query, &app.triage_ctx));
    c.last_trend_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
}

}  // namespace dv
