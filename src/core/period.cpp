// ISO weeks and months (period.h).
#include "period.h"

#include <algorithm>
#include <cstdio>

#include "date.h"
#include "library.h"
#include "query.h"

namespace dv {

namespace {

// The Monday of ISO week 1 of iso_year: the Monday on or before January 4 (week 1 holds the
// year's first Thursday, hence January 4).
int32_t week1_monday(int iso_year) {
    const int32_t jan4 = days_from_civil(iso_year, 1, 4);
    return jan4 - weekday(jan4);
}

bool all_digits(std::string_view s) {
    for (char c : s)
        if (c < '0' || c > '9') return false;
    return !s.empty();
}

int to_int(std::string_view s) {
    int v = 0;
    for (char c : s) v = v * 10 + (c - '0');
    return v;
}

}  // namespace

void iso_week(int32_t day, int& iso_year, int& week) {
    // The year is that of the week's Thursday.
    unsigned m, d;
    civil_from_days(day - weekday(day) + 3, iso_year, m, d);
    week = (day - week1_monday(iso_year)) / 7 + 1;
}

Period week_of(int32_t day) {
    const int32_t mon = day - weekday(day);
    return {PeriodKind::Week, mon, mon + 6};
}

Period month_of(int32_t day) {
    int y;
    unsigned m, d;
    civil_from_days(day, y, m, d);
    const int32_t first = days_from_civil(y, m, 1);
    const int32_t next = m == 12 ? days_from_civil(y + 1, 1, 1) : days_from_civil(y, m + 1, 1);
    return {PeriodKind::Month, first, next - 1};
}

Period period_of(PeriodKind kind, int32_t day) { return kind == PeriodKind::Week ? week_of(day) : month_of(day); }

Period period_step(const Period& p, int delta) {
    if (p.kind == PeriodKind::Week) return week_of(p.first + 7 * delta);
    int y;
    unsigned m, d;
    civil_from_days(p.first, y, m, d);
    int months = y * 12 + int(m) - 1 + delta;
    const int ny = months >= 0 ? months / 12 : -((-months + 11) / 12);
    const int nm = months - ny * 12 + 1;
    return month_of(days_from_civil(ny, unsigned(nm), 1));
}

std::string format_period(const Period& p) {
    char buf[32];
    if (p.kind == PeriodKind::Week) {
        int y, w;
        iso_week(p.first, y, w);
        std::snprintf(buf, sizeof buf, "%04d-W%02d", y, w);
    } else {
        int y;
        unsigned m, d;
        civil_from_days(p.first, y, m, d);
        std::snprintf(buf, sizeof buf, "%04d-%02u", y, m);
    }
    return buf;
}

bool parse_period(std::string_view s, Period& out) {
    if (s.size() == 8 && s[4] == '-' && (s[5] == 'W' || s[5] == 'w') && all_digits(s.substr(0, 4)) && all_digits(s.substr(6))) {
        const int y = to_int(s.substr(0, 4)), w = to_int(s.substr(6));
        if (w < 1 || w > 53) return false;
        const Period p = week_of(week1_monday(y) + 7 * (w - 1));
        int py, pw;
        iso_week(p.first, py, pw);
        if (py != y || pw != w) return false;  // week 53 of a 52-week year
        out = p;
        return true;
    }
    if (s.size() == 7 && s[4] == '-' && all_digits(s.substr(0, 4)) && all_digits(s.substr(5))) {
        const int y = to_int(s.substr(0, 4)), m = to_int(s.substr(5));
        if (m < 1 || m > 12) return false;
        out = month_of(days_from_civil(y, unsigned(m), 1));
        return true;
    }
    return false;
}

std::vector<uint32_t> period_entries(const Library& lib, const Period& p, const std::vector<uint8_t>* in_result) {
    std::vector<uint32_t> out;
    for (uint32_t i = 0; i < lib.entries.size(); ++i) {
        if (in_result && (i >= in_result->size() || !(*in_result)[i])) continue;
        const Entry& e = lib.entries[i];
        if (e.date == kNoDate || e.last_date < p.first || e.date > p.last) continue;
        bool in = false;
        for (uint32_t a = e.first_appearance; a < e.first_appearance + e.appearance_count && !in; ++a) {
            const int32_t d = lib.appearances[a].date;
            in = d != kNoDate && d >= p.first && d <= p.last;
        }
        if (in) out.push_back(i);
    }
    // Ranked like the list sorted by votes (ties in library order): one ordering, query.h's.
    sort_entries(lib, Sort{SortKey::Votes, true}, out);
    return out;
}

}  // namespace dv
