// Pure helpers for the charts panel: scales (linear, log), nice ticks, date ticks, the calendar
// heatmap layout, a nearest-point grid for hover picking and the scatter's points. UI-side but
// free of ImGui and GL: built as its own library (dv_chart_math) that dv_ui links and the Catch2
// binary tests natively. The query terms a click appends are in core/query.h, the charts' CSV in
// core/export.h.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/library.h"
#include "core/stats.h"

namespace dv {

// --- Scales ---------------------------------------------------------------------------------------

// Maps the domain [d0, d1] linearly onto the range [r0, r1] (screen pixels). A degenerate domain
// maps everything to the middle of the range.
struct LinearScale {
    double d0 = 0, d1 = 1, r0 = 0, r1 = 1;
    double map(double v) const;
    double invert(double px) const;
};

// log10 scale over a positive domain [d0, d1] (values <= 0 clamp to the smallest positive double's
// log, i.e. far off-range; callers plot votes + 1).
struct LogScale {
    double d0 = 1, d1 = 10, r0 = 0, r1 = 1;
    double map(double v) const;
    double invert(double px) const;
};

// --- Ticks ----------------------------------------------------------------------------------------

// A "nice" step (1, 2 or 5 times a power of ten) giving about `target` intervals over `span`.
double nice_step(double span, int target);
// Tick values k*step inside [lo, hi] (inclusive, with a tiny tolerance) for the nice step.
std::vector<double> nice_ticks(double lo, double hi, int target = 5);
// Ticks for a log10 axis over the positive [lo, hi]: the powers of ten inside; when that gives
// fewer than `min_major` ticks, also 2x and 5x multiples (1, 2, 5, 10, 20, 50, ...).
std::vector<double> log_ticks(double lo, double hi, int min_major = 3);
// Compact label: 0, 7, 12, 1.5, 950, 1.2k, 12k, 3.4M (at most 3 significant digits).
std::string format_tick(double v);

// Date axis ticks (day numbers): whole days, Mondays, month starts, quarter starts or year starts,
// whichever gives at most `max_ticks` ticks over [lo, hi]. Labels are short: "Jun 3", "2024-06",
// "2024".
struct DateTick {
    int32_t date = 0;
    std::string label;
};
std::vector<DateTick> date_ticks(int32_t lo, int32_t hi, int max_ticks);

// --- Calendar heatmap -----------------------------------------------------------------------------

// Weeks as columns (Monday first, like the weekday stats), weekdays as rows, from the Monday on
// or before `lo` to the week holding `hi`.
struct CalendarLayout {
    int32_t first_monday = 0;
    int32_t lo = 0, hi = -1;
    int weeks = 0;
};
CalendarLayout calendar_layout(int32_t lo, int32_t hi);
struct CalendarCell {
    int col = -1, row = -1;
};
CalendarCell calendar_cell(const CalendarLayout& l, int32_t date);
// The date shown at (col, row); kNoDate outside [lo, hi].
int32_t calendar_date(const CalendarLayout& l, int col, int row);
// Per cell (col * 7 + row) the sum of `total` of the days in it; -1 for days outside [lo, hi], 0
// for days in range without papers.
std::vector<int64_t> calendar_totals(const CalendarLayout& l, const std::vector<DayStat>& per_day);
// Columns where a new month begins (the first column, and each column whose Monday..Sunday holds
// the 1st of a month), with a "Jan".."Dec" label (or "2024" for January).
struct MonthMark {
    int col = 0;
    std::string label;
};
std::vector<MonthMark> calendar_months(const CalendarLayout& l);

// --- Bins -----------------------------------------------------------------------------------------

// Index of the histogram bin holding `votes` (bins are [lo, hi), ascending); -1 if none.
int histogram_bin(const std::vector<HistBin>& bins, int32_t votes);

// --- Nearest point --------------------------------------------------------------------------------

// A uniform grid over points in screen space for nearest-point queries (hover picking). Build once
// per result / zoom change; each query looks only at the cells within `radius`.
class PointGrid {
public:
    // xs/ys: screen positions; `cell`: cell size in pixels (about the pick radius).
    void build(const float* xs, const float* ys, size_t n, float cell);
    // Index of the nearest point within `radius` of (x, y), or -1. Ties go to the lower index.
    int64_t nearest(float x, float y, float radius) const;
    size_t size() const { return xs_.size(); }
    void clear();

private:
    std::vector<float> xs_, ys_;
    float x0_ = 0, y0_ = 0, cell_ = 1;
    int cols_ = 0, rows_ = 0;
    std::vector<uint32_t> start_;   // cols_*rows_ + 1 offsets into items_
    std::vector<uint32_t> items_;   // point indices, grouped by cell
};
// The oracle: linear scan with the same tie rule.
int64_t nearest_brute(const float* xs, const float* ys, size_t n, float x, float y, float radius);

// --- Scatter data -------------------------------------------------------------------------------

// One point per paper with votes in the result: x = entry date (day number), y = log10(votes + 1),
// interleaved as x0 y0 x1 y1 ...; ids[i] = the entry of point i. Papers without votes or date are
// skipped (counted in `skipped`).
struct ScatterData {
    std::vector<float> xy;
    std::vector<uint32_t> ids;
    int32_t date_lo = 0, date_hi = 0;
    int32_t votes_max = 0;
    size_t skipped = 0;
};
ScatterData scatter_points(const Library& lib, const std::vector<uint32_t>& result);

}  // namespace dv
