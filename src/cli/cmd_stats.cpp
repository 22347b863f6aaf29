// digest-cli stats: figures over the (optionally filtered) library, as JSON or a short text.
#include <cstdio>
#include <string>

#include "cli.h"
#include "core/date.h"
#include "core/export.h"
#include "core/stats.h"

namespace dvcli {

int cmd_stats(const Options& o) {
    Selection sel;
    if (!load_selection(o, sel)) return kExitIo;
    const dv::Library& lib = sel.lib;
    const std::vector<dv::Diagnostic>& diags = sel.diagnostics;
    const std::vector<std::string>& errors = sel.query_errors;
    dv::Stats s = dv::compute_stats(lib, sel.result);
    // Term trends: the table over the query's date range, one series per --trend.
    const dv::Query filters = dv::parse_query(o.query);
    dv::TrendTable table;
    std::vector<dv::TrendSeries> trends;
    if (!o.trend.empty()) {
        table = dv::trend_table(lib, o.trend_months ? dv::PeriodKind::Month : dv::PeriodKind::Week,
                                filters.date_lo, filters.date_hi);
        for (const std::string& term : o.trend)
            trends.push_back(dv::trend_series(lib, table, term, filters, o.triage.empty() ? nullptr : &sel.triage_ctx));
    }

    if (o.json) {
        nlohmann::json j = dv::stats_json(lib, s);
        if (!errors.empty()) j["query_errors"] = errors;
        if (!o.trend.empty()) j["trend"] = dv::trend_json(table, trends);
        return write_output(dump_json(j, o.pretty), o.output) ? kExitOk : kExitIo;
    }
    std::string t;
    char buf[256];
    for (const std::string& e : errors) t += "query error: " + e + "\n";
    std::snprintf(buf, sizeof buf, "papers: %u (without votes: %u), days: %zu\n", s.papers, s.without_votes,
                  s.per_day.size());
    t += buf;
    t += "vote histogram:\n";
    for (const dv::HistBin& b : s.vote_histogram) {
        std::snprintf(buf, sizeof buf, "  [%d, %d): %u\n", b.lo, b.hi, b.count);
        t += buf;
    }
    t += "top papers:\n";
    for (uint32_t e : s.top_papers) {
        const dv::Paper& p = dv::entry_paper(lib, lib.entries[e]);
        t += "  " + std::to_string(lib.entries[e].votes) + "  " + dv::format_date(lib.entries[e].date) + "  " +
             std::string(dv::get(p, p.title)) + "\n";
    }
    t += "top authors by papers:\n";
    for (const dv::AuthorStat& a : s.top_authors_by_papers)
        t += "  " + std::to_string(a.papers) + "  " + a.name + "\n";
    t += "mean votes by weekday:\n";
    for (int i = 0; i < 7; ++i) {
        std::snprintf(buf, sizeof buf, "  %s  %.2f (%u papers)\n", dv::weekday_name(i), s.weekdays[i].mean_votes,
                      s.weekdays[i].papers);
        t += buf;
    }
    for (const dv::TrendSeries& ts : trends) {
        t += "trend of " + ts.term + " (matching / total per " + (o.trend_months ? "month" : "week") + "):\n";
        for (const std::string& e : ts.errors) t += "  term error: " + e + "\n";
        for (size_t i = 0; i < table.periods.size(); ++i) {
            std::snprintf(buf, sizeof buf, "  %s  %u / %u\n", dv::format_period(table.periods[i]).c_str(),
                          ts.matching[i], table.totals[i]);
            t += buf;
        }
    }
    if (!diags.empty()) t += std::to_string(diags.size()) + " diagnostics (see --json)\n";
    return write_output(t, o.output) ? kExitOk : kExitIo;
}

}  // namespace dvcli
