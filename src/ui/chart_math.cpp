// Pure helpers for the charts panel (chart_math.h).
#include "chart_math.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>

#include "core/date.h"

namespace dv {

// --- Scales ---------------------------------------------------------------------------------------

double LinearScale::map(double v) const {
    if (d1 == d0) return (r0 + r1) * 0.5;
    return r0 + (v - d0) / (d1 - d0) * (r1 - r0);
}

double LinearScale::invert(double px) const {
    if (r1 == r0) return (d0 + d1) * 0.5;
    return d0 + (px - r0) / (r1 - r0) * (d1 - d0);
}

static double safe_log10(double v) { return std::log10(std::max(v, std::numeric_limits<double>::min())); }

double LogScale::map(double v) const {
    const double l0 = safe_log10(d0), l1 = safe_log10(d1);
    if (l1 == l0) return (r0 + r1) * 0.5;
    return r0 + (safe_log10(v) - l0) / (l1 - l0) * (r1 - r0);
}

double LogScale::invert(double px) const {
    const double l0 = safe_log10(d0), l1 = safe_log10(d1);
    if (r1 == r0) return std::pow(10.0, (l0 + l1) * 0.5);
    return std::pow(10.0, l0 + (px - r0) / (r1 - r0) * (l1 - l0));
}

// --- Ticks ----------------------------------------------------------------------------------------

double nice_step(double span, int target) {
    span = std::fabs(span);
    if (target < 1) target = 1;
    if (!(span > 0) || !std::isfinite(span)) return 1;
    const double raw = span / target;
    const double mag = std::pow(10.0, std::floor(std::log10(raw)));
    const double f = raw / mag;
    const double m = f < 1.5 ? 1 : f < 3 ? 2 : f < 7 ? 5 : 10;
    return m * mag;
}

std::vector<double> nice_ticks(double lo, double hi, int target) {
    std::vector<double> out;
    if (!std::isfinite(lo) || !std::isfinite(hi)) return out;
    if (hi < lo) std::swap(lo, hi);
    if (hi == lo) {
        out.push_back(lo);
        return out;
    }
    const double step = nice_step(hi - lo, target);
    const double eps = step * 1e-9;
    const long long k0 = (long long)std::ceil((lo - eps) / step), k1 = (long long)std::floor((hi + eps) / step);
    for (long long k = k0; k <= k1 && out.size() < 1000; ++k) {
        double v = double(k) * step;
        if (std::fabs(v) < eps) v = 0;
        out.push_back(v);
    }
    return out;
}

std::vector<double> log_ticks(double lo, double hi, int min_major) {
    std::vector<double> out;
    if (hi < lo) std::swap(lo, hi);
    if (!(lo > 0) || !std::isfinite(hi)) return out;
    const double tol = 1e-9;
    const int e0 = (int)std::floor(std::log10(lo) + tol), e1 = (int)std::floor(std::log10(hi) + tol);
    for (int e = e0; e <= e1; ++e) {
        const double v = std::pow(10.0, e);
        if (v >= lo * (1 - tol) && v <= hi * (1 + tol)) out.push_back(v);
    }
    if ((int)out.size() >= min_major) return out;
    out.clear();
    for (int e = e0; e <= e1; ++e)
        for (double m : {1.0, 2.0, 5.0}) {
            const double v = m * std::pow(10.0, e);
            if (v >= lo * (1 - tol) && v <= hi * (1 + tol)) out.push_back(v);
        }
    return out;
}

std::string format_tick(double v) {
    char buf[32];
    const double a = std::fabs(v);
    if (a >= 1e6) std::snprintf(buf, sizeof buf, "%.3gM", v / 1e6);
    else if (a >= 1e3) std::snprintf(buf, sizeof buf, "%.3gk", v / 1e3);
    else if (a < 1e-12) std::snprintf(buf, sizeof buf, "0");
    else std::snprintf(buf, sizeof buf, "%.3g", v);
    return buf;
}

static const char* const kMonths[12] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                        "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

std::vector<DateTick> date_ticks(int32_t lo, int32_t hi, int max_ticks) {
    std::vector<DateTick> out;
    if (hi < lo || lo == kNoDate) return out;
    if (max_ticks < 1) max_ticks = 1;
    char buf[32];
    auto day_label = [&](int32_t d) {
        int y;
        unsigned m, dd;
        civil_from_days(d, y, m, dd);
        std::snprintf(buf, sizeof buf, "%s %u", kMonths[m - 1], dd);
        return std::string(buf);
    };
    // Days, then Mondays.
    const int64_t span = int64_t(hi) - lo + 1;
    if (span <= max_ticks) {
        for (int32_t d = lo; d <= hi; ++d) out.push_back({d, day_label(d)});
        return out;
    }
    for (int weeks : {1, 2}) {
        int32_t first = lo + ((7 - weekday(lo)) % 7);
        if (span / (7 * weeks) + 1 <= max_ticks) {
            for (int32_t d = first; d <= hi; d += 7 * weeks) out.push_back({d, day_label(d)});
            if ((int)out.size() <= max_ticks) return out;
            out.clear();
        }
    }
    // Month starts every k months (aligned to the calendar), then every k years.
    int y0, y1;
    unsigned m0, m1, d0, d1;
    civil_from_days(lo, y0, m0, d0);
    civil_from_days(hi, y1, m1, d1);
    for (int k : {1, 2, 3, 6, 12, 24, 60, 120, 600}) {
        out.clear();
        int y = y0;
        unsigned m = m0;
        if (d0 != 1) {
            if (++m == 13) m = 1, ++y;
        }
        for (int guard = 0; guard < 100000; ++guard) {
            int32_t d = days_from_civil(y, m, 1);
            if (d > hi) break;
            if (k <= 12 ? (int(m) - 1) % k == 0 : (m == 1 && y % (k / 12) == 0)) {
                if (k >= 12) std::snprintf(buf, sizeof buf, "%d", y);
                else std::snprintf(buf, sizeof buf, "%d-%02u", y, m);
                out.push_back({d, buf});
            }
            if (++m == 13) m = 1, ++y;
        }
        if ((int)out.size() <= max_ticks) return out;
    }
    return out;
}

// --- Calendar heatmap -----------------------------------------------------------------------------

CalendarLayout calendar_layout(int32_t lo, int32_t hi) {
    CalendarLayout l;
    if (lo == kNoDate || hi == kNoDate || hi < lo) return l;
    l.lo = lo;
    l.hi = hi;
    l.first_monday = lo - weekday(lo);
    l.weeks = (hi - l.first_monday) / 7 + 1;
    return l;
}

CalendarCell calendar_cell(const CalendarLayout& l, int32_t date) {
    if (l.weeks <= 0 || date == kNoDate || date < l.lo || date > l.hi) return {};
    const int32_t d = date - l.first_monday;
    return {int(d / 7), int(d % 7)};
}

int32_t calendar_date(const CalendarLayout& l, int col, int row) {
    if (col < 0 || row < 0 || row > 6 || col >= l.weeks) return kNoDate;
    const int32_t d = l.first_monday + col * 7 + row;
    return d < l.lo || d > l.hi ? kNoDate : d;
}

std::vector<int64_t> calendar_totals(const CalendarLayout& l, const std::vector<DayStat>& per_day) {
    std::vector<int64_t> cells(size_t(std::max(0, l.weeks)) * 7, -1);
    for (size_t i = 0; i < cells.size(); ++i) {
        const int32_t d = l.first_monday + int32_t(i);
        if (d >= l.lo && d <= l.hi) cells[i] = 0;
    }
    for (const DayStat& d : per_day) {
        CalendarCell c = calendar_cell(l, d.date);
        if (c.col >= 0) cells[size_t(c.col) * 7 + c.row] += d.total;
    }
    return cells;
}

std::vector<MonthMark> calendar_months(const CalendarLayout& l) {
    std::vector<MonthMark> out;
    auto label = [](int y, unsigned m) { return m == 1 ? std::to_string(y) : std::string(kMonths[m - 1]); };
    for (int col = 0; col < l.weeks; ++col) {
        for (int row = 0; row < 7; ++row) {
            const int32_t d = calendar_date(l, col, row);
            if (d == kNoDate) continue;
            int y;
            unsigned m, dd;
            civil_from_days(d, y, m, dd);
            if (dd == 1 || (col == 0 && d == l.lo)) {
                out.push_back({col, label(y, m)});
                break;
            }
        }
    }
    return out;
}

// --- Bins -----------------------------------------------------------------------------------------

int histogram_bin(const std::vector<HistBin>& bins, int32_t votes) {
    for (size_t i = 0; i < bins.size(); ++i)
        if (votes >= bins[i].lo && votes < bins[i].hi) return int(i);
    return -1;
}

// --- Scatter data ---------------------------------------------------------------------------------

ScatterData scatter_points(const Library& lib, const std::vector<uint32_t>& result) {
    ScatterData s;
    s.xy.reserve(result.size() * 2);
    s.ids.reserve(result.size());
    bool any = false;
    for (uint32_t i : result) {
        if (i >= lib.entries.size()) continue;
        const Entry& e = lib.entries[i];
        if (e.votes == kNoVotes || e.date == kNoDate) {
            ++s.skipped;
            continue;
        }
        s.xy.push_back(float(e.date));
        s.xy.push_back(float(std::log10(double(e.votes) + 1.0)));
        s.ids.push_back(i);
        if (!any) {
            s.date_lo = s.date_hi = e.date;
            s.votes_max = e.votes;
            any = true;
        } else {
            s.date_lo = std::min(s.date_lo, e.date);
            s.date_hi = std::max(s.date_hi, e.date);
            s.votes_max = std::max(s.votes_max, e.votes);
        }
    }
    return s;
}

// --- Nearest point --------------------------------------------------------------------------------

void PointGrid::clear() {
    xs_.clear();
    ys_.clear();
    start_.clear();
    items_.clear();
    cols_ = rows_ = 0;
}

void PointGrid::build(const float* xs, const float* ys, size_t n, float cell) {
    clear();
    xs_.assign(xs, xs + n);
    ys_.assign(ys, ys + n);
    if (n == 0) return;
    float xmin = INFINITY, ymin = INFINITY, xmax = -INFINITY, ymax = -INFINITY;
    for (size_t i = 0; i < n; ++i) {
        if (!std::isfinite(xs[i]) || !std::isfinite(ys[i])) continue;
        xmin = std::min(xmin, xs[i]);
        xmax = std::max(xmax, xs[i]);
        ymin = std::min(ymin, ys[i]);
        ymax = std::max(ymax, ys[i]);
    }
    if (!(xmin <= xmax)) return;  // no finite point
    if (!(cell > 0)) cell = 1;
    // Keep the cell count in proportion to the points (huge spans with a tiny cell).
    const double max_cells = 4.0 * double(n) + 1024.0;
    while ((double(xmax - xmin) / cell + 1) * (double(ymax - ymin) / cell + 1) > max_cells) cell *= 2;
    x0_ = xmin;
    y0_ = ymin;
    cell_ = cell;
    cols_ = int((xmax - xmin) / cell) + 1;
    rows_ = int((ymax - ymin) / cell) + 1;
    const size_t cells = size_t(cols_) * size_t(rows_);
    start_.assign(cells + 1, 0);
    std::vector<uint32_t> cell_of(n, UINT32_MAX);
    for (size_t i = 0; i < n; ++i) {
        if (!std::isfinite(xs[i]) || !std::isfinite(ys[i])) continue;
        int cx = std::min(cols_ - 1, int((xs[i] - x0_) / cell_));
        int cy = std::min(rows_ - 1, int((ys[i] - y0_) / cell_));
        cell_of[i] = uint32_t(cy) * uint32_t(cols_) + uint32_t(cx);
        ++start_[cell_of[i] + 1];
    }
    for (size_t c = 0; c < cells; ++c) start_[c + 1] += start_[c];
    items_.resize(start_[cells]);
    std::vector<uint32_t> fill(start_.begin(), start_.end() - 1);
    for (size_t i = 0; i < n; ++i)
        if (cell_of[i] != UINT32_MAX) items_[fill[cell_of[i]]++] = uint32_t(i);  // ascending within a cell
}

int64_t PointGrid::nearest(float x, float y, float radius) const {
    if (cols_ == 0 || !(radius >= 0)) return -1;
    const int cx0 = std::max(0, int(std::floor((x - radius - x0_) / cell_)));
    const int cx1 = std::min(cols_ - 1, int(std::floor((x + radius - x0_) / cell_)));
    const int cy0 = std::max(0, int(std::floor((y - radius - y0_) / cell_)));
    const int cy1 = std::min(rows_ - 1, int(std::floor((y + radius - y0_) / cell_)));
    const float r2 = radius * radius;
    int64_t best = -1;
    float best_d = INFINITY;
    for (int cy = cy0; cy <= cy1; ++cy)
        for (int cx = cx0; cx <= cx1; ++cx) {
            const size_t c = size_t(cy) * size_t(cols_) + size_t(cx);
            for (uint32_t k = start_[c]; k < start_[c + 1]; ++k) {
                const uint32_t i = items_[k];
                const float dx = xs_[i] - x, dy = ys_[i] - y;
                const float d = dx * dx + dy * dy;
                if (d > r2) continue;
                if (d < best_d || (d == best_d && int64_t(i) < best)) {
                    best_d = d;
                    best = i;
                }
            }
        }
    return best;
}

int64_t nearest_brute(const float* xs, const float* ys, size_t n, float x, float y, float radius) {
    const float r2 = radius * radius;
    int64_t best = -1;
    float best_d = INFINITY;
    for (size_t i = 0; i < n; ++i) {
        const float dx = xs[i] - x, dy = ys[i] - y;
        const float d = dx * dx + dy * dy;
        if (d > r2) continue;
        if (d < best_d) {
            best_d = d;
            best = int64_t(i);
        }
    }
    return best;
}

}  // namespace dv
