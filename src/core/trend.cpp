// Term trends (trend.h).
#include "trend.h"

#include <algorithm>

#include "library.h"
#include "model.h"

namespace dv {

TrendTable trend_table(const Library& lib, PeriodKind kind, int32_t date_lo, int32_t date_hi) {
    TrendTable t;
    t.kind = kind;
    int32_t lo = INT32_MAX, hi = INT32_MIN;
    for (const Entry& e : lib.entries) {
        if (e.date == kNoDate || e.date < date_lo || e.date > date_hi) continue;
        lo = std::min(lo, e.date);
        hi = std::max(hi, e.date);
    }
    if (lo > hi) return t;
    for (Period p = period_of(kind, lo); p.first <= hi; p = period_step(p, 1)) t.periods.push_back(p);
    t.first_day = t.periods.front().first;
    t.totals.assign(t.periods.size(), 0);
    for (const Entry& e : lib.entries) {
        if (e.date == kNoDate || e.date < date_lo || e.date > date_hi) continue;
        ++t.totals[size_t(trend_period_index(t, e.date))];
    }
    return t;
}

int trend_period_index(const TrendTable& t, int32_t day) {
    if (day == kNoDate || t.periods.empty() || day < t.periods.front().first || day > t.periods.back().last) return -1;
    // Weeks are 7 days from the first Monday; months need a search (they differ in length).
    if (t.kind == PeriodKind::Week) return int((day - t.first_day) / 7);
    auto it = std::upper_bound(t.periods.begin(), t.periods.end(), day,
                               [](int32_t d, const Period& p) { return d < p.first; });
    return int(it - t.periods.begin()) - 1;
}

Query trend_query(const Query& term, const Query& filters) {
    Query q = term;
    if (filters.has_votes) {
        q.has_votes = true;
        q.votes_lo = std::max(q.votes_lo, filters.votes_lo);
        q.votes_hi = std::min(q.votes_hi, filters.votes_hi);
    }
    if (filters.has_date) {
        q.has_date = true;
        q.date_lo = std::max(q.date_lo, filters.date_lo);
        q.date_hi = std::min(q.date_hi, filters.date_hi);
    }
    for (const TextTerm& t : filters.terms)
        if (t.field == Field::Label) q.terms.push_back(t);
    q.marks.insert(q.marks.end(), filters.marks.begin(), filters.marks.end());
    q.note_terms.insert(q.note_terms.end(), filters.note_terms.begin(), filters.note_terms.end());
    return q;
}

TrendSeries trend_series(const Library& lib, const TrendTable& t, std::string_view term, const Query& filters,
                         const QueryContext* ctx) {
    TrendSeries s;
    s.term = std::string(term);
    s.matching.assign(t.periods.size(), 0);
    Query tq = parse_query(term);
    s.errors = tq.errors;
    const Query q = trend_query(tq, filters);
    for (uint32_t e : run_query(lib, q, Sort{}, nullptr, ctx)) {
        const int i = trend_period_index(t, lib.entries[e].date);
        if (i >= 0) ++s.matching[size_t(i)];
    }
    return s;
}

}  // namespace dv
