// Calendar arithmetic after Howard Hinnant's "chrono-compatible low-level date algorithms".
#include "date.h"

#include "model.h"

namespace dv {

int32_t days_from_civil(int y, unsigned m, unsigned d) {
    y -= m <= 2;
    const int era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = static_cast<unsigned>(y - era * 400);                 // [0, 399]
    const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;      // [0, 365]
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;                // [0, 146096]
    return era * 146097 + static_cast<int>(doe) - 719468;
}

void civil_from_days(int32_t days, int& y, unsigned& m, unsigned& d) {
    const int64_t z = static_cast<int64_t>(days) + 719468;
    const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const unsigned doe = static_cast<unsigned>(z - era * 146097);                    // [0, 146096]
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;      // [0, 399]
    const int64_t yy = static_cast<int64_t>(yoe) + era * 400;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);                    // [0, 365]
    const unsigned mp = (5 * doy + 2) / 153;                                         // [0, 11]
    d = doy - (153 * mp + 2) / 5 + 1;
    m = mp < 10 ? mp + 3 : mp - 9;
    y = static_cast<int>(yy + (m <= 2));
}

namespace {

bool is_leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

unsigned days_in_month(int y, unsigned m) {
    static const unsigned kDays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && is_leap(y) ? 29 : kDays[m - 1];
}

bool digits(std::string_view s, size_t pos, size_t n, int& out) {
    if (pos + n > s.size()) return false;
    int v = 0;
    for (size_t i = pos; i < pos + n; ++i) {
        if (s[i] < '0' || s[i] > '9') return false;
        v = v * 10 + (s[i] - '0');
    }
    out = v;
    return true;
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// y-m-d at s[pos] separated by `sep`; a real calendar day.
bool ymd_at(std::string_view s, size_t pos, char sep, int32_t& out) {
    int y, m, d;
    if (pos + 10 > s.size() || s[pos + 4] != sep || s[pos + 7] != sep) return false;
    if (!digits(s, pos, 4, y) || !digits(s, pos + 5, 2, m) || !digits(s, pos + 8, 2, d)) return false;
    if (m < 1 || m > 12 || d < 1 || static_cast<unsigned>(d) > days_in_month(y, static_cast<unsigned>(m))) return false;
    out = days_from_civil(y, static_cast<unsigned>(m), static_cast<unsigned>(d));
    return true;
}

}  // namespace

bool parse_date(std::string_view s, int32_t& out) {
    return s.size() == 10 && ymd_at(s, 0, '-', out);
}

bool parse_date_prefix(std::string_view s, int32_t& lo, int32_t& hi) {
    int y, m;
    if (s.size() == 4) {
        if (!digits(s, 0, 4, y)) return false;
        lo = days_from_civil(y, 1, 1);
        hi = days_from_civil(y, 12, 31);
        return true;
    }
    if (s.size() == 7) {
        if (!digits(s, 0, 4, y) || s[4] != '-' || !digits(s, 5, 2, m) || m < 1 || m > 12) return false;
        lo = days_from_civil(y, static_cast<unsigned>(m), 1);
        hi = days_from_civil(y, static_cast<unsigned>(m), days_in_month(y, static_cast<unsigned>(m)));
        return true;
    }
    if (s.size() == 10) {
        if (!parse_date(s, lo)) return false;
        hi = lo;
        return true;
    }
    return false;
}

std::string format_date(int32_t days) {
    if (days == kNoDate) return {};
    int y;
    unsigned m, d;
    civil_from_days(days, y, m, d);
    char buf[32];
    int n = 0;
    unsigned uy = static_cast<unsigned>(y < 0 ? -y : y);
    char tmp[16];
    int tn = 0;
    do { tmp[tn++] = static_cast<char>('0' + uy % 10); uy /= 10; } while (uy);
    while (tn < 4) tmp[tn++] = '0';
    if (y < 0) buf[n++] = '-';
    while (tn) buf[n++] = tmp[--tn];
    buf[n++] = '-';
    buf[n++] = static_cast<char>('0' + m / 10);
    buf[n++] = static_cast<char>('0' + m % 10);
    buf[n++] = '-';
    buf[n++] = static_cast<char>('0' + d / 10);
    buf[n++] = static_cast<char>('0' + d % 10);
    return std::string(buf, static_cast<size_t>(n));
}

int weekday(int32_t days) {
    // 1970-01-01 was a Thursday (3 with Monday = 0).
    int64_t w = (static_cast<int64_t>(days) + 3) % 7;
    return static_cast<int>(w < 0 ? w + 7 : w);
}

const char* weekday_name(int wd) {
    static const char* const kNames[7] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
    return wd >= 0 && wd < 7 ? kNames[wd] : "";
}

const char* weekday_long_name(int wd) {
    static const char* const kNames[7] = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"};
    return wd >= 0 && wd < 7 ? kNames[wd] : "";
}

namespace {

bool real_day(int y, int m, int d) {
    return y >= 1900 && y <= 2200 && m >= 1 && m <= 12 && d >= 1 &&
           static_cast<unsigned>(d) <= days_in_month(y, static_cast<unsigned>(m));
}

// Reads a run of 1..max digits at s[i]; false if none or longer than max.
bool number_at(std::string_view s, size_t& i, size_t max, int& out) {
    size_t j = i;
    int v = 0;
    while (j < s.size() && is_digit(s[j]) && j - i < max + 1) v = v * 10 + (s[j++] - '0');
    if (j == i || j - i > max || (j < s.size() && is_digit(s[j]))) return false;
    out = v;
    i = j;
    return true;
}

bool starts_ci(std::string_view s, size_t i, std::string_view word) {
    if (i + word.size() > s.size()) return false;
    for (size_t k = 0; k < word.size(); ++k) {
        char c = s[i + k];
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        if (c != word[k]) return false;
    }
    return true;
}

// A month name (English, full or three letters) at s[i]: 1..12, advancing i; 0 if none.
int month_at(std::string_view s, size_t& i) {
    static const char* const kMonths[12] = {"january", "february", "march",     "april",   "may",      "june",
                                            "july",    "august",   "september", "october", "november", "december"};
    if (i > 0 && ((s[i - 1] >= 'a' && s[i - 1] <= 'z') || (s[i - 1] >= 'A' && s[i - 1] <= 'Z'))) return 0;
    if (i >= s.size()) return 0;
    // find_date asks this at every word of every heading: a month whose first letter differs is
    // not compared further.
    const char first = char(s[i] | 0x20);
    for (int m = 0; m < 12; ++m) {
        if (kMonths[m][0] != first) continue;
        std::string_view full = kMonths[m];
        size_t n = starts_ci(s, i, full) ? full.size() : starts_ci(s, i, full.substr(0, 3)) ? 3 : 0;
        if (n == 0) continue;
        if (n == 3 && starts_ci(s, i + 3, ".")) ++n;  // "Jan."
        char next = i + n < s.size() ? s[i + n] : ' ';
        if ((next >= 'a' && next <= 'z') || (next >= 'A' && next <= 'Z')) continue;
        i += n;
        return m + 1;
    }
    return 0;
}

void skip_spaces(std::string_view s, size_t& i) {
    while (i < s.size() && (s[i] == ' ' || s[i] == ',' || s[i] == '\t')) ++i;
}

// Numeric forms at s[i] (a digit not preceded by a digit): y-m-d with one separator kind, the
// CJK y年m月d日 / y년 m월 d일 forms, and (when `compact`) yyyymmdd. 1 = a real date, 0 = none,
// -1 = a date shape that is not a real day.
int numeric_date_at(std::string_view s, size_t i, bool compact, int32_t& out) {
    size_t j = i;
    int y, m, d;
    if (!number_at(s, j, 8, y)) return 0;
    const size_t ylen = j - i;
    if (ylen == 8 && compact) {
        int yy = y / 10000, mm = y / 100 % 100, dd = y % 100;
        if (yy < 1990 || yy > 2100 || !real_day(yy, mm, dd)) return 0;
        out = days_from_civil(yy, static_cast<unsigned>(mm), static_cast<unsigned>(dd));
        return 1;
    }
    if (ylen != 4 || j >= s.size()) return 0;
    const char sep = s[j];
    if (sep == '-' || sep == '/' || sep == '.' || sep == '_' || sep == '\\') {
        size_t k = j + 1;
        const size_t m0 = k;
        if (!number_at(s, k, 2, m) || k >= s.size() || s[k] != sep) return 0;
        const bool two_m = k - m0 == 2;
        ++k;
        const size_t d0 = k;
        if (!number_at(s, k, 2, d)) return 0;
        // "0000-00-00", "2024-02-30": the shape of a date, not a day.
        if (!real_day(y, m, d)) return two_m && k - d0 == 2 ? -1 : 0;
        out = days_from_civil(y, static_cast<unsigned>(m), static_cast<unsigned>(d));
        return 1;
    }
    // "2025年1月13日" / "2024년 6월 6일" (UTF-8: 年 E5 B9 B4, 月 E6 9C 88, 日 E6 97 A5; 년 EB 85 84,
    // 월 EC 9B 94, 일 EC 9D BC).
    auto unit = [&](size_t& k, const char* a, const char* b) {
        while (k < s.size() && s[k] == ' ') ++k;
        for (const char* u : {a, b}) {
            std::string_view w(u);
            if (s.substr(k, w.size()) == w) {
                k += w.size();
                while (k < s.size() && s[k] == ' ') ++k;
                return true;
            }
        }
        return false;
    };
    size_t k = j;
    if (!unit(k, "\xE5\xB9\xB4", "\xEB\x85\x84") || !number_at(s, k, 2, m) || !unit(k, "\xE6\x9C\x88", "\xEC\x9B\x94") ||
        !number_at(s, k, 2, d))
        return 0;
    if (!real_day(y, m, d)) return -1;
    out = days_from_civil(y, static_cast<unsigned>(m), static_cast<unsigned>(d));
    return 1;
}

// "January 25, 2026" / "Jan 25 2026" / "25 January 2026" at s[i].
bool named_month_date_at(std::string_view s, size_t i, int32_t& out) {
    size_t j = i;
    int m = month_at(s, j);
    int d, y;
    if (m) {
        skip_spaces(s, j);
        if (!number_at(s, j, 2, d)) return false;
        if (j + 1 < s.size() && (starts_ci(s, j, "st") || starts_ci(s, j, "nd") || starts_ci(s, j, "rd") || starts_ci(s, j, "th"))) j += 2;
        skip_spaces(s, j);
        if (!number_at(s, j, 4, y) || y < 1000) return false;
    } else {
        if (!number_at(s, j, 2, d)) return false;
        skip_spaces(s, j);
        if (!(m = month_at(s, j))) return false;
        skip_spaces(s, j);
        if (!number_at(s, j, 4, y) || y < 1000) return false;
    }
    if (!real_day(y, m, d)) return false;
    out = days_from_civil(y, static_cast<unsigned>(m), static_cast<unsigned>(d));
    return true;
}

}  // namespace

bool find_date(std::string_view text, int32_t& out, bool& valid) {
    for (size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (is_digit(c)) {
            if (i > 0 && is_digit(text[i - 1])) continue;
            int32_t v;
            int k = numeric_date_at(text, i, false, v);
            if (k == 0 && named_month_date_at(text, i, v)) k = 1;
            if (k == 1) {
                out = v;
                valid = true;
                return true;
            }
            if (k < 0) {
                valid = false;
                return true;
            }
        } else if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')) {
            int32_t v;
            if (named_month_date_at(text, i, v)) {
                out = v;
                valid = true;
                return true;
            }
        }
    }
    return false;
}

int32_t date_from_path(std::string_view path) {
    // The last date in the path wins (a file's own name over its folders), except that the
    // paper_logs layout ".../YYYY/MM/DD.md" is read across the slashes.
    int32_t last = kNoDate;
    for (size_t i = 0; i < path.size(); ++i) {
        if (!is_digit(path[i]) || (i > 0 && is_digit(path[i - 1]))) continue;
        int32_t v;
        if (numeric_date_at(path, i, true, v) == 1) last = v;
    }
    return last;
}

}  // namespace dv
