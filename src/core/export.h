// Export of papers as JSON, CSV and Markdown, plus the JSON shapes the CLI and the test hooks share,
// and the CSV of each chart (export_csv.cpp). Every CSV cell goes through CsvWriter: one escaper.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "library.h"
#include "stats.h"
#include "trend.h"

namespace dv {

// {"date","title","url","arxiv_id","thumbnail","votes","authors":[...],"summary":[{"label","text"}],
//  "source","line"}; absent values are null.
nlohmann::json paper_json(const Paper& p, const std::string& source);
// paper_json plus "percentile" and "days" (every appearance date) for a library entry.
nlohmann::json entry_json(const Library& lib, uint32_t entry);
nlohmann::json diagnostic_json(const Diagnostic& d);
// Why an entry matched q, as the papers list shows it (highlight.h): {"where": ["id", "title",
// "author", "summary", "label"], "title": [[begin, end], ...] (byte spans of the shown title),
// "authors": [{"index", "spans"}] (the shown record's authors that have a match), "snippet":
// {"text", "mark": [begin, end]} or null (row_snippet)}. `digest-cli query --why` and
// state().rows give it.
nlohmann::json why_json(const Library& lib, uint32_t entry, const Query& q);
nlohmann::json stats_json(const Library& lib, const Stats& s);
// The term trends as `digest-cli stats --trend` and state().charts.trend give them: one object
// per term and period, terms in the given order, periods ascending:
// [{"term","period":"2024-W23","matching","total"}].
nlohmann::json trend_json(const TrendTable& t, const std::vector<TrendSeries>& series);

// {"papers":[entry_json...], "diagnostics":[...]} for entries in `result` order.
std::string export_json(const Library& lib, const std::vector<uint32_t>& result, const std::vector<Diagnostic>& diags);
// RFC 4180 (CsvWriter); one row per entry: date, votes, percentile, title, authors ("; "), ids,
// url, thumbnail, summary (one line per item, indented by level, "label: text").
std::string export_csv(const Library& lib, const std::vector<uint32_t>& result);
// The digest's own format, grouped by date; parse() of it gives back the same papers.
std::string export_markdown(const Library& lib, const std::vector<uint32_t>& result);
// Markdown for papers as drafts (used by export_markdown and tests).
std::string markdown_of(const std::vector<const Paper*>& papers);

// Escapes markdown-active ASCII punctuation so that cmark gives back the literal text.
std::string escape_markdown(std::string_view s);

// --- CSV ------------------------------------------------------------------------------------------

// RFC 4180 rows (CRLF, a cell quoted when it holds , " CR or LF, quotes doubled). A text cell
// starting with = + - @ TAB or CR gets a leading ' against formula injection; numbers are written
// as given (a negative number is data, not a formula).
class CsvWriter {
public:
    explicit CsvWriter(std::initializer_list<std::string_view> header);
    CsvWriter() = default;                     // a header only known at run time: write it as a row
    CsvWriter& cell(std::string_view s);
    CsvWriter& cell(int64_t v);
    CsvWriter& cell(double v);                 // %.6g, "" for NaN
    void end_row();
    const std::string& str() const { return out_; }

private:
    void separate();
    std::string out_;
    bool first_ = true;
};

// The data behind each chart of the viewer's charts panel, as CSV.
std::string csv_vote_histogram(const Stats& s);
std::string csv_per_day(const Stats& s);
std::string csv_top_papers(const Library& lib, const Stats& s);
std::string csv_authors(const std::vector<AuthorStat>& authors);
std::string csv_calendar(const Stats& s);     // one row per day in the range, 0 for empty days
std::string csv_weekdays(const Stats& s);
// One row per period: period, total, then matching and share (0..1, "" when total is 0) per term.
std::string csv_trend(const TrendTable& t, const std::vector<TrendSeries>& series);
// Papers with both a date and votes (the scatter's points), in `result` order.
std::string csv_scatter(const Library& lib, const std::vector<uint32_t>& result);

}  // namespace dv
