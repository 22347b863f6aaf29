// The date charts of the charts window (charts.h): papers per day with the votes per day below it
// on a shared date axis, and the calendar heatmap of daily total votes.
#include <algorithm>
#include <cmath>

#include "charts.h"
#include "core/date.h"
#include "core/export.h"
#include "core/query.h"
#include "imgui.h"
#include "widgets.h"

namespace dv {

namespace {

// --- Papers per day + votes per day -------------------------------------------------------------------

const DayStat* find_day(const Stats& s, int32_t date) {
    auto it = std::lower_bound(s.per_day.begin(), s.per_day.end(), date,
                               [](const DayStat& d, int32_t v) { return d.date < v; });
    return it != s.per_day.end() && it->date == date ? &*it : nullptr;
}

void day_tooltip(const Stats& s, int32_t date) {
    ImGui::BeginTooltip();
    ImGui::Text("%s (%s)", format_date(date).c_str(), weekday_name(weekday(date)));
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

}  // namespace

void chart_per_day(App& app, float w) {
    const Stats& s = app.charts.stats;
    const ChartState& c = app.charts;
    const chart::Palette pal = chart::palette();
    chart_section(app, "Papers per day", "with median, p90 and max votes", "per-day.csv", [&] { return csv_per_day(s); });
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
        const LinearScale ys = zero_based_y_axis(dl, f, std::max(1u, c.max_papers_per_day), 3);
        dl->AddText(ImVec2(f.p0.x + em * 0.3f, f.o0.y), pal.muted, "papers");
        if (f.mouse_in_plot()) hovered_day = int32_t(std::floor(xs.invert(f.mouse.x)));
        const float day_w = float(xs.map(1) - xs.map(0));
        const float gap = day_w > 5 ? 1.0f : 0.0f;
        for (const DayStat& d : s.per_day) {
            if (d.date == kNoDate) continue;
            float x0 = float(xs.map(d.date)), x1 = std::max(x0 + 1.0f, float(xs.map(d.date + 1)) - gap);
            dl->AddRectFilled(ImVec2(x0, float(ys.map(d.papers))), ImVec2(x1, f.p1.y), d.date == hovered_day ? pal.bar_hover : pal.bar);
        }
        if (f.clicked && hovered_day != kNoDate && find_day(s, hovered_day)) chart_narrow(app, date_term(hovered_day));
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
        if (g.clicked && hovered_day != kNoDate && find_day(s, hovered_day)) chart_narrow(app, date_term(hovered_day));
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
    const Stats& s = app.charts.stats;
    const ChartState& c = app.charts;
    chart_section(app, "Daily total votes", "weeks x weekdays", "daily-votes.csv", [&] { return csv_calendar(s); });
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
    for (int r = 0; r < 7; r += 2) {  // Mon, Wed, Fri, Sun
        const ImVec2 ts = ImGui::CalcTextSize(weekday_name(r));
        dl->AddText(ImVec2(f.p0.x - ts.x - em * 0.3f, f.p0.y + cell * (r + 0.5f) - ts.y * 0.5f), pal.label, weekday_name(r));
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
        if (f.clicked && find_day(s, date)) chart_narrow(app, date_term(date));
    }
}

}  // namespace dv
