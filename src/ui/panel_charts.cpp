// The charts window: analytics over the current query result (core compute_stats + chart_math).
//
//   Vote histogram (log-spaced bins)        | Average votes by weekday
//   Papers per day, with median / p90 / max votes per day below (shared date axis)
//   Calendar heatmap of daily total votes (weeks x weekdays)
//   Every paper: date x votes (log), GPU instanced points (Host::scatter_*), zoom/pan/pick
//   Top papers (horizontal bars, titles)
//   Top authors by papers                   | Top authors by total votes
//
// Every chart has ticks, exact-value tooltips, a CSV button, and a click that narrows the query
// (appends date:/votes:/author: to the search box) or selects the paper.
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <functional>

#include "app.h"
#include "chart_draw.h"
#include "chart_scatter.h"
#include "core/chart_math.h"
#include "core/date.h"
#include "imgui.h"
#include "panels.h"
#include "widgets.h"

namespace dv {

namespace {

// Chart data derived from app.stats / app.result, rebuilt with them (timed with compute_stats).
struct ChartCache {
    uint64_t version = 0;
    CalendarLayout cal;
    std::vector<int64_t> cal_totals;
    std::vector<uint32_t> cal_papers;
    std::vector<MonthMark> months;
    int64_t cal_q[4] = {1, 1, 1, 1};      // quartile thresholds of nonzero day totals
    int32_t day_lo = 0, day_hi = -1;
    uint32_t max_papers_per_day = 0;
    int32_t max_votes_per_day = 0;
    ScatterData scatter;
    // GPU upload and the scatter view (x zoom/pan in days; y always the full range).
    uint64_t uploaded = 0;
    bool view_valid = false;
    double vx0 = 0, vx1 = 1;
    // Hover grid in plot-local coordinates, rebuilt when the data, the plot size or the view change.
    PointGrid grid;
    uint64_t grid_version = 0;
    float grid_key[4] = {};
    std::vector<float> sx, sy;
};

ChartCache g_cache;
uint64_t g_stats_version = 0;

void prepare_charts(App& app) {
    ChartCache& c = g_cache;
    const Stats& s = app.stats;
    c.version = g_stats_version;
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
    c.scatter = scatter_points(app.lib, app.result);
    c.view_valid = false;
}

void narrow(App& app, const std::string& term) {
    if (append_query_term(app.query_text, term)) app.query_dirty = true;
}

// A section header: bold title, a muted hint, and a right-aligned CSV button.
void section(App& app, const char* title, const char* hint, const char* csv_name, const std::function<std::string()>& csv) {
    ImGui::PushID(title);
    const float right = ImGui::GetCursorPosX() + ImGui::GetContentRegionAvail().x;
    ImGui::PushFont(app.fonts.bold, 0.0f);
    ImGui::TextUnformatted(title);
    ImGui::PopFont();
    if (hint && *hint) {
        ImGui::SameLine();
        ImGui::TextDisabled("%s", hint);
    }
    if (app.host.save_file && csv) {
        const float bw = ImGui::CalcTextSize("CSV").x + ImGui::GetStyle().FramePadding.x * 2;
        ImGui::SameLine(std::max(ImGui::GetCursorPosX(), right - bw));
        if (ImGui::SmallButton("CSV")) app.host.save_file(csv_name, "text/csv", csv());
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("Download this chart's data as %s", csv_name);
    }
    ImGui::PopID();
}

std::vector<chart::Tick> linear_ticks(double lo, double hi, int target, const std::function<float(double)>& map) {
    std::vector<chart::Tick> out;
    for (double v : nice_ticks(lo, hi, target)) out.push_back({map(v), format_tick(v)});
    return out;
}

float label_gutter() { return ImGui::CalcTextSize("000k").x + ImGui::GetFontSize() * 0.5f; }

// --- Vote histogram ---------------------------------------------------------------------------------

void chart_histogram(App& app, float w) {
    const Stats& s = app.stats;
    section(app, "Vote histogram", "log-spaced bins", "vote-histogram.csv", [&] { return csv_vote_histogram(s); });
    const float em = ImGui::GetFontSize();
    chart::push_small_font(app.font_size);
    const chart::Frame f = chart::frame("##hist", w, 10 * em, label_gutter(), em * 0.6f, em * 0.4f, em * 1.6f);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const chart::Palette pal = chart::palette();
    const auto& bins = s.vote_histogram;
    if (bins.empty()) {
        dl->AddText(ImVec2(f.p0.x + em, f.p0.y + em), pal.muted, "No papers with votes in the result.");
        ImGui::PopFont();
        return;
    }
    uint32_t maxc = 1, with_votes = 0;
    for (const HistBin& b : bins) maxc = std::max(maxc, b.count), with_votes += b.count;
    const std::vector<double> yt = nice_ticks(0, maxc, 4);
    const double ytop = std::max<double>(maxc, yt.empty() ? maxc : yt.back());
    LinearScale ys{0, ytop, f.p1.y, f.p0.y};
    chart::y_axis(dl, f, linear_ticks(0, ytop, 4, [&](double v) { return float(ys.map(v)); }));
    // Equal-width bins: the bins are log-spaced, so the x axis is a log axis over votes + 1 in
    // spirit; ticks are the bins' lower edges.
    const float bw = f.w() / float(bins.size());
    int hovered = -1;
    if (f.mouse_in_plot()) hovered = std::clamp(int((f.mouse.x - f.p0.x) / bw), 0, int(bins.size()) - 1);
    std::vector<chart::Tick> xt;
    for (size_t i = 0; i < bins.size(); ++i) {
        const float x0 = f.p0.x + bw * float(i), x1 = x0 + bw;
        const float gap = bw > 6 ? std::max(1.0f, bw * 0.08f) : 0.0f;
        const float y = float(ys.map(bins[i].count));
        if (bins[i].count > 0) {
            dl->AddRectFilled(ImVec2(x0 + gap, y), ImVec2(x1 - gap, f.p1.y), int(i) == hovered ? pal.bar_hover : pal.bar);
            app.chart_regions.push_back({"vote_histogram", votes_term(bins[i].lo, bins[i].hi - 1), x0 + gap, y, x1 - gap, f.p1.y});
        }
        xt.push_back({x0, format_tick(bins[i].lo)});
    }
    xt.push_back({f.p1.x, format_tick(bins.back().hi)});
    chart::x_axis(dl, f, xt);
    ImGui::PopFont();
    if (hovered >= 0) {
        const HistBin& b = bins[hovered];
        ImGui::BeginTooltip();
        if (b.hi - 1 == b.lo) ImGui::Text("%d vote%s", b.lo, b.lo == 1 ? "" : "s");
        else ImGui::Text("%d - %d votes", b.lo, b.hi - 1);
        ImGui::Text("%s papers (%.1f%% of those with votes)", format_count(b.count).c_str(),
                    with_votes ? 100.0 * b.count / with_votes : 0.0);
        ImGui::TextDisabled("Click: search %s", votes_term(b.lo, b.hi - 1).c_str());
        ImGui::EndTooltip();
        if (f.clicked) narrow(app, votes_term(b.lo, b.hi - 1));
    }
}

// --- Weekdays ---------------------------------------------------------------------------------------

void chart_weekdays(App& app, float w) {
    const Stats& s = app.stats;
    section(app, "Average votes by weekday", "of the listing date", "votes-by-weekday.csv", [&] { return csv_weekdays(s); });
    static const char* const kDays[7] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
    static const char* const kLong[7] = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"};
    const float em = ImGui::GetFontSize();
    chart::push_small_font(app.font_size);
    const chart::Frame f = chart::frame("##weekday", w, 10 * em, label_gutter(), em * 0.6f, em * 0.4f, em * 1.6f);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const chart::Palette pal = chart::palette();
    double maxv = 1;
    for (const WeekdayStat& d : s.weekdays) maxv = std::max(maxv, d.mean_votes);
    const std::vector<double> yt = nice_ticks(0, maxv, 4);
    const double ytop = std::max(maxv, yt.empty() ? maxv : yt.back());
    LinearScale ys{0, ytop, f.p1.y, f.p0.y};
    chart::y_axis(dl, f, linear_ticks(0, ytop, 4, [&](double v) { return float(ys.map(v)); }));
    const float bw = f.w() / 7;
    int hovered = f.mouse_in_plot() ? std::clamp(int((f.mouse.x - f.p0.x) / bw), 0, 6) : -1;
    std::vector<chart::Tick> xt;
    for (int i = 0; i < 7; ++i) {
        const float x0 = f.p0.x + bw * i, gap = std::max(1.0f, bw * 0.18f);
        if (s.weekdays[i].papers > 0)
            dl->AddRectFilled(ImVec2(x0 + gap, float(ys.map(s.weekdays[i].mean_votes))), ImVec2(x0 + bw - gap, f.p1.y),
                              i == hovered ? pal.bar_hover : pal.bar);
        xt.push_back({x0 + bw * 0.5f, kDays[i]});
    }
    chart::x_axis(dl, f, xt);
    ImGui::PopFont();
    if (hovered >= 0) {
        ImGui::BeginTooltip();
        ImGui::Text("%s", kLong[hovered]);
        if (s.weekdays[hovered].papers)
            ImGui::Text("%.2f votes on average over %s papers", s.weekdays[hovered].mean_votes,
                        format_count(s.weekdays[hovered].papers).c_str());
        else ImGui::TextDisabled("No papers with votes");
        ImGui::EndTooltip();
    }
}

// --- Papers per day + votes per day -------------------------------------------------------------------

const DayStat* find_day(const Stats& s, int32_t date) {
    auto it = std::lower_bound(s.per_day.begin(), s.per_day.end(), date,
                               [](const DayStat& d, int32_t v) { return d.date < v; });
    return it != s.per_day.end() && it->date == date ? &*it : nullptr;
}

void day_tooltip(const Stats& s, int32_t date) {
    ImGui::BeginTooltip();
    static const char* const kDays[7] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
    ImGui::Text("%s (%s)", format_date(date).c_str(), kDays[weekday(date)]);
    if (const DayStat* d = find_day(s, date)) {
        ImGui::Text("%u papers", d->papers);
        if (d->total > 0 || d->max > 0) {
            ImGui::Text("median %.1f, p90 %.1f, max %d votes", d->median, d->p90, d->max);
            ImGui::Text("%s votes in total", format_count(uint64_t(d->total)).c_str());
        } else {
            ImGui::TextDisabled("no votes recorded");
        }
        ImGui::TextDisabled("Click: search %s", date_term(date).c_str());
    } else {
        ImGui::TextDisabled("No papers in the result");
    }
    ImGui::EndTooltip();
}

void chart_per_day(App& app, float w) {
    const Stats& s = app.stats;
    const ChartCache& c = g_cache;
    const chart::Palette pal = chart::palette();
    section(app, "Papers per day", "with median, p90 and max votes", "per-day.csv", [&] { return csv_per_day(s); });
    const float em = ImGui::GetFontSize();
    if (c.day_hi < c.day_lo) {
        ImGui::TextDisabled("No dated papers in the result.");
        return;
    }
    chart::push_small_font(app.font_size);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float gutter = label_gutter();
    LinearScale xs{double(c.day_lo), double(c.day_hi) + 1.0, 0, 0};
    int32_t hovered_day = kNoDate;

    // Bars: papers.
    const float lab = ImGui::GetTextLineHeight() + em * 0.15f;  // room for the panel's label above
    const chart::Frame f = chart::frame("##perday", w, 7 * em, gutter, lab, em * 0.6f, em * 0.3f);
    xs.r0 = f.p0.x;
    xs.r1 = f.p1.x;
    {
        const std::vector<double> yt = nice_ticks(0, std::max(1u, c.max_papers_per_day), 3);
        const double ytop = std::max<double>(c.max_papers_per_day, yt.empty() ? 1 : yt.back());
        LinearScale ys{0, ytop, f.p1.y, f.p0.y};
        chart::y_axis(dl, f, linear_ticks(0, ytop, 3, [&](double v) { return float(ys.map(v)); }));
        dl->AddText(ImVec2(f.p0.x + em * 0.3f, f.o0.y), pal.muted, "papers");
        if (f.mouse_in_plot()) hovered_day = int32_t(std::floor(xs.invert(f.mouse.x)));
        const float day_w = float(xs.map(1) - xs.map(0));
        const float gap = day_w > 5 ? 1.0f : 0.0f;
        for (const DayStat& d : s.per_day) {
            if (d.date == kNoDate) continue;
            float x0 = float(xs.map(d.date)), x1 = std::max(x0 + 1.0f, float(xs.map(d.date + 1)) - gap);
            dl->AddRectFilled(ImVec2(x0, float(ys.map(d.papers))), ImVec2(x1, f.p1.y), d.date == hovered_day ? pal.bar_hover : pal.bar);
        }
        if (f.clicked && hovered_day != kNoDate && find_day(s, hovered_day)) narrow(app, date_term(hovered_day));
    }
    // Lines: median / p90 / max votes on a log axis.
    const chart::Frame g = chart::frame("##votesday", w, 8 * em, gutter, lab, em * 0.6f, em * 1.6f);
    {
        const double vmax = std::max(10, c.max_votes_per_day);
        LogScale ys{1, vmax, g.p1.y, g.p0.y};
        std::vector<chart::Tick> yt;
        for (double v : log_ticks(1, vmax, 3)) yt.push_back({float(ys.map(v)), format_tick(v)});
        chart::y_axis(dl, g, yt);
        dl->AddText(ImVec2(g.p0.x + em * 0.3f, g.o0.y), pal.muted, "votes (log)");
        {  // legend, top right
            static const char* const names[3] = {"median", "p90", "max"};
            float x = g.p1.x;
            for (int i = 2; i >= 0; --i) {
                x -= ImGui::CalcTextSize(names[i]).x;
                dl->AddText(ImVec2(x, g.o0.y), pal.label, names[i]);
                x -= em * 1.3f;
                const float y = g.o0.y + ImGui::GetTextLineHeight() * 0.55f;
                dl->AddLine(ImVec2(x, y), ImVec2(x + em * 1.0f, y), pal.series[i], 2.0f);
                x -= em * 0.8f;
            }
        }
        std::vector<chart::Tick> xt;
        for (const DateTick& t : date_ticks(c.day_lo, c.day_hi, std::max(2, int(g.w() / (em * 5.5f)))))
            xt.push_back({float(xs.map(t.date)), t.label});
        chart::x_axis(dl, g, xt, true);
        if (g.mouse_in_plot()) hovered_day = int32_t(std::floor(xs.invert(g.mouse.x)));
        dl->PushClipRect(g.p0, g.p1, true);
        std::vector<ImVec2> pts;
        for (int series = 0; series < 3; ++series) {
            pts.clear();
            auto flush = [&] {
                if (pts.size() >= 2) dl->AddPolyline(pts.data(), int(pts.size()), pal.series[series], 0, 1.5f);
                else if (pts.size() == 1) dl->AddCircleFilled(pts[0], 1.5f, pal.series[series]);
                pts.clear();
            };
            int32_t prev = kNoDate;
            for (const DayStat& d : s.per_day) {
                if (d.date == kNoDate) continue;
                if (d.max <= 0 && d.total <= 0) {  // no votes that day: a gap
                    flush();
                    continue;
                }
                if (prev != kNoDate && d.date - prev > 7) flush();  // a long hole in the data
                const double v = series == 0 ? d.median : series == 1 ? d.p90 : double(d.max);
                pts.push_back(ImVec2(float(xs.map(d.date + 0.5)), float(ys.map(std::max(1.0, v)))));
                prev = d.date;
            }
            flush();
        }
        dl->PopClipRect();
        if (g.clicked && hovered_day != kNoDate && find_day(s, hovered_day)) narrow(app, date_term(hovered_day));
    }
    ImGui::PopFont();
    if (hovered_day != kNoDate && hovered_day >= c.day_lo && hovered_day <= c.day_hi) {
        const float x = float(xs.map(hovered_day + 0.5));
        dl->AddLine(ImVec2(x, f.p0.y), ImVec2(x, g.p1.y), pal.axis);
        day_tooltip(s, hovered_day);
    }
}

// --- Calendar heatmap ----------------------------------------------------------------------------------

void chart_calendar(App& app, float w) {
    const Stats& s = app.stats;
    const ChartCache& c = g_cache;
    section(app, "Daily total votes", "weeks x weekdays", "daily-votes.csv", [&] { return csv_calendar(s); });
    if (c.cal.weeks <= 0) {
        ImGui::TextDisabled("No dated papers in the result.");
        return;
    }
    const chart::Palette pal = chart::palette();
    const float em = ImGui::GetFontSize();
    chart::push_small_font(app.font_size);
    const float gutter = ImGui::CalcTextSize("Wed").x + em * 0.5f;
    const float cell = std::clamp((w - gutter - em * 0.5f) / float(c.cal.weeks), 3.0f, 1.15f * em);
    const float gap = cell >= 8 ? std::max(1.0f, cell * 0.12f) : 0.0f;
    const float top = ImGui::GetTextLineHeight() + em * 0.2f;
    const float legend_h = ImGui::GetTextLineHeight() + em * 0.4f;
    const chart::Frame f = chart::frame("##calendar", std::min(w, gutter + cell * c.cal.weeks + em * 0.5f), top + cell * 7 + legend_h,
                                        gutter, top, em * 0.5f, legend_h);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    static const char* const kRows[7] = {"Mon", "", "Wed", "", "Fri", "", "Sun"};
    for (int r = 0; r < 7; ++r)
        if (*kRows[r]) {
            const ImVec2 ts = ImGui::CalcTextSize(kRows[r]);
            dl->AddText(ImVec2(f.p0.x - ts.x - em * 0.3f, f.p0.y + cell * (r + 0.5f) - ts.y * 0.5f), pal.label, kRows[r]);
        }
    float last_right = -1e30f;
    for (const MonthMark& m : c.months) {
        const float x = f.p0.x + cell * m.col;
        if (x < last_right + em * 0.4f) continue;
        dl->AddText(ImVec2(x, f.o0.y), pal.label, m.label.c_str());
        last_right = x + ImGui::CalcTextSize(m.label.c_str()).x;
    }
    auto color_of = [&](int64_t v) {
        if (v <= 0) return ImGui::GetColorU32(pal.empty);
        int level = 1;
        while (level < 4 && v > c.cal_q[level - 1]) ++level;
        return chart::lerp_color(pal.empty, pal.accent, 0.25f + 0.25f * float(level - 1));
    };
    int hc = -1, hr = -1;
    if (f.mouse_in_plot()) {
        hc = int((f.mouse.x - f.p0.x) / cell);
        hr = int((f.mouse.y - f.p0.y) / cell);
        if (hc >= c.cal.weeks || hr > 6 || calendar_date(c.cal, hc, hr) == kNoDate) hc = hr = -1;
    }
    for (int col = 0; col < c.cal.weeks; ++col)
        for (int row = 0; row < 7; ++row) {
            const int64_t v = c.cal_totals[size_t(col) * 7 + row];
            if (v < 0) continue;
            const ImVec2 a(f.p0.x + cell * col, f.p0.y + cell * row);
            const ImVec2 b(a.x + cell - gap, a.y + cell - gap);
            dl->AddRectFilled(a, b, color_of(v), cell >= 8 ? 2.0f : 0.0f);
            if (col == hc && row == hr) dl->AddRect(ImVec2(a.x - 1, a.y - 1), ImVec2(b.x + 1, b.y + 1), pal.bar_selected, 0, 0, 1.5f);
        }
    // Legend: Less [] [] [] [] [] More
    {
        float x = f.p0.x;
        const float y = f.p1.y + em * 0.3f, sz = ImGui::GetTextLineHeight() * 0.8f;
        dl->AddText(ImVec2(x, y), pal.muted, "Less");
        x += ImGui::CalcTextSize("Less").x + em * 0.3f;
        for (int level = 0; level <= 4; ++level) {
            const ImU32 col = level == 0 ? ImGui::GetColorU32(pal.empty) : chart::lerp_color(pal.empty, pal.accent, 0.25f * float(level));
            dl->AddRectFilled(ImVec2(x, y + 1), ImVec2(x + sz, y + 1 + sz), col, 2.0f);
            x += sz + 2;
        }
        dl->AddText(ImVec2(x + em * 0.2f, y), pal.muted, "More");
    }
    ImGui::PopFont();
    if (hc >= 0) {
        const int32_t date = calendar_date(c.cal, hc, hr);
        day_tooltip(s, date);
        if (f.clicked && find_day(s, date)) narrow(app, date_term(date));
    }
}

// --- Scatter of every paper ------------------------------------------------------------------------------

void chart_scatter(App& app, float w) {
    ChartCache& c = g_cache;
    const ScatterData& sd = c.scatter;
    char hint[160];
    std::snprintf(hint, sizeof hint, "%s papers, date x votes (log)%s", format_count(sd.ids.size()).c_str(),
                  sd.skipped ? "; without votes not shown" : "");
    section(app, "Every paper", hint, "papers-votes.csv", [&] { return csv_scatter(app.lib, app.result); });
    if (sd.ids.empty()) {
        ImGui::TextDisabled("No papers with votes in the result.");
        return;
    }
    const chart::Palette pal = chart::palette();
    const float em = ImGui::GetFontSize();
    if (!c.view_valid) {
        const double pad = std::max(1.0, (sd.date_hi - sd.date_lo) * 0.01);
        c.vx0 = sd.date_lo - pad;
        c.vx1 = sd.date_hi + 1 + pad;
        c.view_valid = true;
    }
    const double full0 = sd.date_lo - std::max(1.0, (sd.date_hi - sd.date_lo) * 0.01);
    const double full1 = sd.date_hi + 1 + std::max(1.0, (sd.date_hi - sd.date_lo) * 0.01);
    const double ymax = std::log10(double(sd.votes_max) + 1.0) * 1.04 + 0.02;
    const double ymin = -0.04 * ymax;

    chart::push_small_font(app.font_size);
    const chart::Frame f = chart::frame("##scatter", w, 17 * em, label_gutter(), em * 0.5f, em * 0.6f, em * 1.6f);
    ImGui::SetItemKeyOwner(ImGuiKey_MouseWheelY);  // the wheel zooms here instead of scrolling
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImGuiIO& io = ImGui::GetIO();

    // Zoom (wheel, around the cursor), pan (drag), reset (double-click). Dates only.
    if (f.hovered && io.MouseWheel != 0) {
        const double at = c.vx0 + (f.mouse.x - f.p0.x) / f.w() * (c.vx1 - c.vx0);
        const double k = std::pow(0.85, io.MouseWheel);
        double span = std::clamp((c.vx1 - c.vx0) * k, 3.0, full1 - full0);
        const double t = (at - c.vx0) / (c.vx1 - c.vx0);
        c.vx0 = at - t * span;
        c.vx1 = c.vx0 + span;
    }
    if (f.active && ImGui::IsMouseDragging(ImGuiMouseButton_Left, 2.0f)) {
        const double dx = -io.MouseDelta.x / f.w() * (c.vx1 - c.vx0);
        c.vx0 += dx;
        c.vx1 += dx;
    }
    if (f.hovered && ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left)) {
        c.vx0 = full0;
        c.vx1 = full1;
    }
    {  // keep the view inside the data
        const double span = c.vx1 - c.vx0;
        if (c.vx0 < full0) c.vx0 = full0, c.vx1 = full0 + span;
        if (c.vx1 > full1) c.vx1 = full1, c.vx0 = std::max(full0, full1 - span);
    }

    LinearScale xs{c.vx0, c.vx1, f.p0.x, f.p1.x};
    LinearScale ys{ymin, ymax, f.p1.y, f.p0.y};
    dl->AddRectFilled(f.p0, f.p1, pal.frame);
    std::vector<chart::Tick> yt;
    yt.push_back({float(ys.map(0)), "0"});
    for (double v : log_ticks(1, std::max(10, sd.votes_max), 3)) yt.push_back({float(ys.map(std::log10(v + 1))), format_tick(v)});
    chart::y_axis(dl, f, yt);
    std::vector<chart::Tick> xt;
    for (const DateTick& t : date_ticks(int32_t(std::ceil(c.vx0)), int32_t(std::floor(c.vx1)), std::max(2, int(f.w() / (em * 5.5f)))))
        xt.push_back({float(xs.map(t.date)), t.label});
    chart::x_axis(dl, f, xt, true);

    const float radius = std::max(1.5f, em * 0.17f);
    const uint32_t n = uint32_t(sd.ids.size());
    const ImVec4 ac = pal.accent;
    const float alpha = n > 20000 ? 0.35f : n > 3000 ? 0.5f : 0.7f;
    if (app.host.scatter_draw && app.host.scatter_upload) {
        if (c.uploaded != c.version) {
            app.host.scatter_upload(sd.xy.data(), n);
            c.uploaded = c.version;
        }
        ScatterDrawParams p;
        p.rect[0] = f.p0.x, p.rect[1] = f.p0.y, p.rect[2] = f.p1.x, p.rect[3] = f.p1.y;
        // The data rect that maps onto the plot rect (x shifted half a day: points sit mid-day).
        p.data[0] = float(c.vx0 - 0.5), p.data[1] = float(ymin), p.data[2] = float(c.vx1 - 0.5), p.data[3] = float(ymax);
        p.color[0] = ac.x, p.color[1] = ac.y, p.color[2] = ac.z, p.color[3] = alpha;
        p.radius = radius;
        p.count = n;
        dl->PushClipRect(f.p0, f.p1, true);
        dl->AddCallback(app.host.scatter_draw, &p, sizeof p);
        dl->AddCallback(ImDrawCallback_ResetRenderState, nullptr);
        dl->PopClipRect();
    } else {
        // CPU fallback (no GPU renderer installed): small squares, at most 30k.
        dl->PushClipRect(f.p0, f.p1, true);
        const uint32_t step = std::max(1u, n / 30000);
        const ImU32 col = ImGui::GetColorU32(ImVec4(ac.x, ac.y, ac.z, alpha));
        for (uint32_t i = 0; i < n; i += step) {
            const float x = float(xs.map(sd.xy[2 * i] + 0.5)), y = float(ys.map(sd.xy[2 * i + 1]));
            dl->AddRectFilled(ImVec2(x - radius, y - radius), ImVec2(x + radius, y + radius), col);
        }
        dl->PopClipRect();
    }

    // Hover picking: a grid over plot-local screen positions.
    const float key[4] = {f.w(), f.h(), float(c.vx0), float(c.vx1)};
    if (c.grid_version != c.version || !std::equal(key, key + 4, c.grid_key)) {
        c.sx.resize(n);
        c.sy.resize(n);
        for (uint32_t i = 0; i < n; ++i) {
            c.sx[i] = float(xs.map(sd.xy[2 * i] + 0.5)) - f.p0.x;
            c.sy[i] = float(ys.map(sd.xy[2 * i + 1])) - f.p0.y;
        }
        c.grid.build(c.sx.data(), c.sy.data(), n, std::max(4.0f, em * 0.6f));
        c.grid_version = c.version;
        std::copy(key, key + 4, c.grid_key);
    }
    int64_t hit = -1;
    if (f.mouse_in_plot() && !ImGui::IsMouseDragging(ImGuiMouseButton_Left, 2.0f))
        hit = c.grid.nearest(f.mouse.x - f.p0.x, f.mouse.y - f.p0.y, em * 0.6f);
    // The selected paper: a ring.
    dl->PushClipRect(f.p0, f.p1, true);
    if (app.selected >= 0) {
        // Linear scan of ids is cheap enough (only when something is selected) but skip at 100k+:
        // look up through the sorted result instead.
        for (uint32_t i = 0; i < n; ++i)
            if (sd.ids[i] == uint32_t(app.selected)) {
                dl->AddCircle(ImVec2(f.p0.x + c.sx[i], f.p0.y + c.sy[i]), radius + 3.5f, pal.bar_selected, 0, 2.0f);
                break;
            }
    }
    if (hit >= 0) dl->AddCircle(ImVec2(f.p0.x + c.sx[hit], f.p0.y + c.sy[hit]), radius + 3.0f, ImGui::GetColorU32(ImGuiCol_Text), 0, 1.5f);
    dl->PopClipRect();
    ImGui::PopFont();

    if (hit >= 0) {
        const uint32_t e = sd.ids[hit];
        const Entry& en = app.lib.entries[e];
        const Paper& p = entry_paper(app.lib, en);
        ImGui::BeginTooltip();
        ImGui::PushTextWrapPos(ImGui::GetFontSize() * 28);
        ImGui::PushFont(app.fonts.bold, 0.0f);
        std::string_view t = get(p, p.title);
        ImGui::TextUnformatted(t.data(), t.data() + t.size());
        ImGui::PopFont();
        ImGui::PopTextWrapPos();
        ImGui::Text("%d votes, %s", en.votes, format_date(en.date).c_str());
        std::string_view id = get(p, p.arxiv_id);
        if (!id.empty()) ImGui::TextDisabled("arXiv %.*s", int(id.size()), id.data());
        ImGui::TextDisabled("Click: select");
        ImGui::EndTooltip();
        if (ImGui::IsItemDeactivated() && io.MouseDragMaxDistanceSqr[ImGuiMouseButton_Left] < 16.0f) app_select(app, e);
    } else if (f.mouse_in_plot() && !f.active) {
        ImGui::SetTooltip("%s\nwheel: zoom dates, drag: pan, double-click: reset", format_date(int32_t(std::floor(xs.invert(f.mouse.x)))).c_str());
    }
}

// --- Horizontal bars (top papers, authors) ----------------------------------------------------------------

struct HBar {
    std::string_view label;
    double value;
    bool selected = false;
};

// Returns the hovered row (or -1); *clicked is set when that row was clicked.
int hbars(App& app, const char* id, const std::vector<HBar>& rows, float w, float label_w, bool* clicked) {
    *clicked = false;
    if (rows.empty()) {
        ImGui::TextDisabled("Nothing in the result.");
        return -1;
    }
    const chart::Palette pal = chart::palette();
    const float em = ImGui::GetFontSize();
    const float row_h = ImGui::GetTextLineHeight() + em * 0.35f;
    double maxv = 1;
    for (const HBar& r : rows) maxv = std::max(maxv, r.value);
    chart::push_small_font(app.font_size);
    const float value_w = ImGui::CalcTextSize("00,000").x + em * 0.3f;
    ImGui::PopFont();
    const chart::Frame f = chart::frame(id, w, row_h * rows.size() + em * 1.5f, label_w, 0, value_w, em * 1.5f);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const std::vector<double> xt = nice_ticks(0, maxv, std::max(2, int(f.w() / (em * 4))));
    const double xtop = std::max(maxv, xt.empty() ? maxv : xt.back());
    LinearScale xs{0, xtop, f.p0.x, f.p1.x};
    chart::push_small_font(app.font_size);
    std::vector<chart::Tick> ticks;
    for (double v : xt) ticks.push_back({float(xs.map(v)), format_tick(v)});
    chart::x_axis(dl, f, ticks, true);
    ImGui::PopFont();
    int hovered = -1;
    if (f.hovered && f.mouse.y >= f.p0.y && f.mouse.y < f.p0.y + row_h * rows.size()) hovered = int((f.mouse.y - f.p0.y) / row_h);
    for (size_t i = 0; i < rows.size(); ++i) {
        const float y0 = f.p0.y + row_h * i, y1 = y0 + row_h;
        const bool hov = int(i) == hovered;
        if (hov) dl->AddRectFilled(ImVec2(f.o0.x, y0), ImVec2(f.o1.x, y1), ImGui::GetColorU32(ImGuiCol_HeaderHovered, 0.5f));
        const std::string label = chart::ellipsize(rows[i].label, label_w - em * 0.5f);
        const float ty = y0 + (row_h - ImGui::GetTextLineHeight()) * 0.5f;
        dl->AddText(ImVec2(f.o0.x, ty), rows[i].selected ? pal.bar_selected : text_color(hov ? 1.0f : 0.85f), label.c_str());
        const float bx1 = std::max(f.p0.x + 1.0f, float(xs.map(rows[i].value)));
        dl->AddRectFilled(ImVec2(f.p0.x, y0 + row_h * 0.18f), ImVec2(bx1, y1 - row_h * 0.18f),
                          rows[i].selected ? pal.bar_selected : hov ? pal.bar_hover : pal.bar, 2.0f);
        chart::push_small_font(app.font_size);
        const std::string v = format_count(uint64_t(rows[i].value));
        dl->AddText(ImVec2(bx1 + em * 0.3f, y0 + (row_h - ImGui::GetTextLineHeight()) * 0.5f), pal.label, v.c_str());
        ImGui::PopFont();
    }
    *clicked = hovered >= 0 && f.clicked;
    return hovered;
}

void chart_top_papers(App& app, float w) {
    const Stats& s = app.stats;
    section(app, "Top papers", "by votes; click to select", "top-papers.csv", [&] { return csv_top_papers(app.lib, s); });
    std::vector<HBar> rows;
    for (uint32_t e : s.top_papers) {
        const Paper& p = entry_paper(app.lib, app.lib.entries[e]);
        rows.push_back({get(p, p.title), double(app.lib.entries[e].votes), int64_t(e) == app.selected});
    }
    bool clicked = false;
    const int h = hbars(app, "##toppapers", rows, w, std::max(w * 0.6f, w - 22 * ImGui::GetFontSize()), &clicked);
    if (h >= 0) {
        const uint32_t e = s.top_papers[h];
        const Entry& en = app.lib.entries[e];
        const Paper& p = entry_paper(app.lib, en);
        ImGui::BeginTooltip();
        ImGui::PushTextWrapPos(ImGui::GetFontSize() * 30);
        ImGui::PushFont(app.fonts.bold, 0.0f);
        ImGui::TextUnformatted(rows[h].label.data(), rows[h].label.data() + rows[h].label.size());
        ImGui::PopFont();
        ImGui::Text("#%d: %d votes, %s", h + 1, en.votes, format_date(en.date).c_str());
        std::string authors;
        for (size_t i = 0; i < p.authors.size() && i < 4; ++i) authors += (i ? ", " : "") + std::string(get(p, p.authors[i]));
        if (p.authors.size() > 4) authors += ", ...";
        if (!authors.empty()) ImGui::TextDisabled("%s", authors.c_str());
        ImGui::PopTextWrapPos();
        ImGui::TextDisabled("Click: select");
        ImGui::EndTooltip();
        if (clicked) app_select(app, e);
    }
}

void chart_authors(App& app, float w, bool by_votes) {
    const Stats& s = app.stats;
    const std::vector<AuthorStat>& a = by_votes ? s.top_authors_by_votes : s.top_authors_by_papers;
    section(app, by_votes ? "Top authors by total votes" : "Top authors by papers", "", by_votes ? "authors-by-votes.csv" : "authors-by-papers.csv",
            [&] { return csv_authors(a); });
    std::vector<HBar> rows;
    for (const AuthorStat& x : a) rows.push_back({x.name, by_votes ? double(x.votes) : double(x.papers)});
    bool clicked = false;
    const int h = hbars(app, by_votes ? "##authv" : "##authp", rows, w, std::clamp(w * 0.42f, 6 * ImGui::GetFontSize(), 13 * ImGui::GetFontSize()), &clicked);
    if (h >= 0) {
        ImGui::BeginTooltip();
        ImGui::TextUnformatted(a[h].name.c_str());
        ImGui::Text("%u papers, %s votes in total", a[h].papers, format_count(uint64_t(std::max<int64_t>(0, a[h].votes))).c_str());
        ImGui::TextDisabled("Click: search %s", author_term(a[h].name).c_str());
        ImGui::EndTooltip();
        if (clicked) narrow(app, author_term(a[h].name));
    }
}

// Two charts side by side when there is room, else stacked.
void pair(App& app, const std::function<void(float)>& left, const std::function<void(float)>& right) {
    const float em = ImGui::GetFontSize();
    const float avail = ImGui::GetContentRegionAvail().x;
    if (avail < 44 * em) {
        left(avail);
        ImGui::Spacing();
        right(avail);
        return;
    }
    if (ImGui::BeginTable("##pair", 2, ImGuiTableFlags_SizingStretchSame | ImGuiTableFlags_NoPadOuterX)) {
        ImGui::TableNextColumn();
        left(ImGui::GetContentRegionAvail().x);
        ImGui::TableNextColumn();
        right(ImGui::GetContentRegionAvail().x);
        ImGui::EndTable();
    }
}

}  // namespace

void ui_update_stats(App& app) {
    app_update_result(app);
    if (app.stats_generation == app.lib.generation && app.stats_result_key == app.result) return;
    auto t0 = std::chrono::steady_clock::now();
    app.stats = compute_stats(app.lib, app.result);
    app.stats_generation = app.lib.generation;
    app.stats_result_key = app.result;
    ++g_stats_version;
    prepare_charts(app);
    app.last_stats_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
}

void panel_charts(App& app) {
    app.chart_regions.clear();
    const float em = ImGui::GetFontSize();
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    const ImVec2 size(std::min(72 * em, vp->WorkSize.x * 0.9f), vp->WorkSize.y * 0.88f);
    ImGui::SetNextWindowPos(ImVec2(vp->WorkPos.x + (vp->WorkSize.x - size.x) * 0.5f, vp->WorkPos.y + vp->WorkSize.y * 0.06f),
                            ImGuiCond_FirstUseEver);
    ImGui::SetNextWindowSize(size, ImGuiCond_FirstUseEver);
    ImGui::SetNextWindowSizeConstraints(ImVec2(24 * em, 12 * em), ImVec2(FLT_MAX, FLT_MAX));
    if (!ImGui::Begin("Charts", &app.show_charts)) {
        ImGui::End();
        return;
    }
    ui_update_stats(app);
    const Stats& s = app.stats;
    ImGui::TextDisabled("%s papers in the result (%s without votes) - charts computed in %.1f ms. Click a bar, cell or point to narrow the search.",
                        format_count(s.papers).c_str(), format_count(s.without_votes).c_str(), app.last_stats_ms);
    ImGui::Separator();
    ImGui::BeginChild("##charts", ImVec2(0, 0), ImGuiChildFlags_None);
    const float gap = em * 0.8f;
    pair(app, [&](float w) { chart_histogram(app, w); }, [&](float w) { chart_weekdays(app, w); });
    ImGui::Dummy(ImVec2(0, gap));
    chart_per_day(app, ImGui::GetContentRegionAvail().x);
    ImGui::Dummy(ImVec2(0, gap));
    chart_calendar(app, ImGui::GetContentRegionAvail().x);
    ImGui::Dummy(ImVec2(0, gap));
    chart_scatter(app, ImGui::GetContentRegionAvail().x);
    ImGui::Dummy(ImVec2(0, gap));
    chart_top_papers(app, ImGui::GetContentRegionAvail().x);
    ImGui::Dummy(ImVec2(0, gap));
    pair(app, [&](float w) { chart_authors(app, w, false); }, [&](float w) { chart_authors(app, w, true); });
    ImGui::Dummy(ImVec2(0, gap));
    ImGui::EndChild();
    ImGui::End();
}

}  // namespace dv
