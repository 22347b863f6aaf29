// CSV export (export.h): the papers table and the data of each chart, all through CsvWriter.
#include <algorithm>
#include <climits>
#include <cmath>
#include <cstdio>

#include "date.h"
#include "export.h"

namespace dv {

// --- CsvWriter ------------------------------------------------------------------------------------

CsvWriter::CsvWriter(std::initializer_list<std::string_view> header) {
    for (std::string_view h : header) cell(h);
    end_row();
}

void CsvWriter::separate() {
    if (!first_) out_ += ',';
    first_ = false;
}

CsvWriter& CsvWriter::cell(std::string_view s) {
    separate();
    const bool guard =
        !s.empty() && (s[0] == '=' || s[0] == '+' || s[0] == '-' || s[0] == '@' || s[0] == '\t' || s[0] == '\r');
    const bool quote = s.find_first_of(",\"\r\n") != std::string_view::npos;
    if (quote) out_ += '"';
    if (guard) out_ += '\'';
    for (char c : s) {
        if (c == '"') out_ += '"';
        out_ += c;
    }
    if (quote) out_ += '"';
    return *this;
}

CsvWriter& CsvWriter::cell(int64_t v) {
    separate();
    out_ += std::to_string(v);
    return *this;
}

CsvWriter& CsvWriter::cell(double v) {
    separate();
    if (std::isfinite(v)) {
        char buf[40];
        std::snprintf(buf, sizeof buf, "%.6g", v);
        out_ += buf;
    }
    return *this;
}

void CsvWriter::end_row() {
    out_ += "\r\n";
    first_ = true;
}

// --- Papers ---------------------------------------------------------------------------------------

std::string export_csv(const Library& lib, const std::vector<uint32_t>& result) {
    CsvWriter w({"date", "votes", "percentile", "title", "authors", "arxiv_id", "url", "thumbnail", "summary"});
    std::string cell;
    for (uint32_t idx : result) {
        if (idx >= lib.entries.size()) continue;
        const Entry& e = lib.entries[idx];
        const Paper& p = entry_paper(lib, e);
        w.cell(format_date(e.date));
        // Votes and percentile as text cells, the way this export has always written them.
        w.cell(e.votes == kNoVotes ? std::string() : std::to_string(e.votes));
        char buf[32] = "";
        if (e.percentile >= 0.0f) std::snprintf(buf, sizeof buf, "%.1f", double(e.percentile));
        w.cell(std::string_view(buf));
        w.cell(get(p, p.title));
        cell.clear();
        for (size_t i = 0; i < p.authors.size(); ++i) {
            if (i) cell += "; ";
            cell += get(p, p.authors[i]);
        }
        w.cell(cell);
        w.cell(get(p, p.arxiv_id)).cell(get(p, p.url)).cell(get(p, p.thumbnail));
        cell.clear();
        for (size_t i = 0; i < p.summary.size(); ++i) {
            const SummaryItem& it = p.summary[i];
            if (i) cell += '\n';
            cell.append(size_t(it.level) * 2, ' ');
            std::string_view label = get(p, it.label);
            if (!label.empty()) {
                cell += label;
                cell += ": ";
            }
            cell += get(p, it.text);
        }
        w.cell(cell);
        w.end_row();
    }
    return w.str();
}

// --- Charts ---------------------------------------------------------------------------------------

std::string csv_vote_histogram(const Stats& s) {
    CsvWriter w({"votes_from", "votes_to", "papers"});
    for (const HistBin& b : s.vote_histogram) {
        w.cell(int64_t(b.lo)).cell(int64_t(b.hi - 1)).cell(int64_t(b.count));
        w.end_row();
    }
    return w.str();
}

std::string csv_per_day(const Stats& s) {
    CsvWriter w({"date", "papers", "median_votes", "p90_votes", "max_votes", "total_votes"});
    for (const DayStat& d : s.per_day) {
        w.cell(format_date(d.date)).cell(int64_t(d.papers)).cell(d.median).cell(d.p90).cell(int64_t(d.max)).cell(d.total);
        w.end_row();
    }
    return w.str();
}

std::string csv_top_papers(const Library& lib, const Stats& s) {
    CsvWriter w({"rank", "votes", "date", "title", "arxiv_id", "url"});
    int64_t rank = 0;
    for (uint32_t i : s.top_papers) {
        if (i >= lib.entries.size()) continue;
        const Entry& e = lib.entries[i];
        const Paper& p = entry_paper(lib, e);
        w.cell(++rank).cell(int64_t(e.votes)).cell(format_date(e.date)).cell(get(p, p.title)).cell(get(p, p.arxiv_id)).cell(get(p, p.url));
        w.end_row();
    }
    return w.str();
}

std::string csv_authors(const std::vector<AuthorStat>& authors) {
    CsvWriter w({"author", "papers", "total_votes"});
    for (const AuthorStat& a : authors) {
        w.cell(a.name).cell(int64_t(a.papers)).cell(a.votes);
        w.end_row();
    }
    return w.str();
}

std::string csv_calendar(const Stats& s) {
    CsvWriter w({"date", "weekday", "papers", "total_votes"});
    if (s.per_day.empty()) return w.str();
    int32_t lo = INT32_MAX, hi = INT32_MIN;
    for (const DayStat& d : s.per_day)
        if (d.date != kNoDate) lo = std::min(lo, d.date), hi = std::max(hi, d.date);
    if (lo > hi) return w.str();
    size_t k = 0;
    while (k < s.per_day.size() && s.per_day[k].date == kNoDate) ++k;
    for (int32_t d = lo; d <= hi; ++d) {
        while (k < s.per_day.size() && s.per_day[k].date < d) ++k;
        const bool has = k < s.per_day.size() && s.per_day[k].date == d;
        w.cell(format_date(d)).cell(weekday_name(weekday(d))).cell(int64_t(has ? s.per_day[k].papers : 0))
            .cell(has ? s.per_day[k].total : int64_t(0));
        w.end_row();
    }
    return w.str();
}

std::string csv_weekdays(const Stats& s) {
    CsvWriter w({"weekday", "papers_with_votes", "mean_votes"});
    for (int i = 0; i < 7; ++i) {
        w.cell(weekday_name(i)).cell(int64_t(s.weekdays[i].papers)).cell(s.weekdays[i].mean_votes);
        w.end_row();
    }
    return w.str();
}

std::string csv_trend(const TrendTable& t, const std::vector<TrendSeries>& series) {
    CsvWriter w;  // the header names each term
    w.cell("period").cell("total");
    for (const TrendSeries& s : series) w.cell(s.term + " matching").cell(s.term + " share");
    w.end_row();
    for (size_t i = 0; i < t.periods.size(); ++i) {
        w.cell(format_period(t.periods[i])).cell(int64_t(t.totals[i]));
        for (const TrendSeries& s : series) {
            w.cell(int64_t(s.matching[i]));
            if (t.totals[i] > 0) w.cell(double(s.matching[i]) / double(t.totals[i]));
            else w.cell(std::string_view());
        }
        w.end_row();
    }
    return w.str();
}

std::string csv_scatter(const Library& lib, const std::vector<uint32_t>& result) {
    CsvWriter w({"date", "votes", "title", "arxiv_id"});
    for (uint32_t i : result) {
        if (i >= lib.entries.size()) continue;
        const Entry& e = lib.entries[i];
        if (e.votes == kNoVotes || e.date == kNoDate) continue;
        const Paper& p = entry_paper(lib, e);
        w.cell(format_date(e.date)).cell(int64_t(e.votes)).cell(get(p, p.title)).cell(get(p, p.arxiv_id));
        w.end_row();
    }
    return w.str();
}

}  // namespace dv
