// The term trend chart of the charts window (charts.h): per ISO week or month, the share of all
// loaded papers that match the current query and up to three more terms (core/trend.h decides
// what counts; app_update_trends keeps app.charts.trends in step). A click on a period opens the
// top view of that week or month, with the current query.
#include <algorithm>
#include <cmath>

#include "charts.h"
#include "core/date.h"
#include "core/export.h"
#include "imgui.h"
#include "imgui_stdlib.h"
#include "widgets.h"

namespace dv {

namespace {

// Line colours: the palette's three series colours, then a fourth.
ImU32 series_color(const chart::Palette& pal, size_t i) {
    if (i < 3) return pal.series[i];
    const bool dark = ImGui::GetStyleColorVec4(ImGuiCol_WindowBg).x < 0.5f;
    return dark ? IM_COL32(200, 140, 255, 255) : IM_COL32(130, 60, 200, 255);
}

double share(uint32_t matching, uint32_t total) { return total > 0 ? double(matching) / double(total) : 0.0; }

// "2024-W23 (Jun 3 - Jun 9)" / "2024-06".
std::string period_title(const Period& p) {
    std::string s = format_period(p);
    if (p.kind == PeriodKind::Week) s += " (" + format_date(p.first) + " .. " + format_date(p.last) + ")";
    return s;
}

// The controls: weeks or months, and the three term fields, each with the saved searches.
void trend_controls(App& app) {
    ChartState& c = app.charts;
    const float em = ImGui::GetFontSize();
    // R from anywhere in the charts window: bring the trend section up with its field, the frame
    // after the field took the focus (focusing scrolls only as far as the field itself).
    if (c.trend_scroll) {
        ImGui::SetScrollHereY(0.1f);
        c.trend_scroll = false;
    }
    if (toggle_button("Weeks", !c.trend_months)) c.trend_months = false;
    ImGui::SameLine(0, 2);
    if (toggle_button("Months", c.trend_months)) c.trend_months = true;
    for (int i = 0; i < ChartState::kTrendTerms; ++i) {
        ImGui::SameLine(0, i == 0 ? em : em * 0.5f);
        ImGui::PushID(i);
        if (c.trend_focus && i == c.trend_focus_slot) {
            ImGui::SetKeyboardFocusHere();
            c.trend_focus = false;
            c.trend_scroll = true;
        }
        ImGui::SetNextItemWidth(9 * em);
        ImGui::InputTextWithHint("##term", i == 0 ? "compare a term (R)" : "another term", &c.trend_terms[i]);
        if (!app.triage.saved.empty()) {
            ImGui::SameLine(0, 0);
            if (ImGui::BeginCombo("##saved", nullptr, ImGuiComboFlags_NoPreview)) {
                for (const SavedSearch& s : app.triage.saved)
                    if (ImGui::Selectable(s.name.c_str())) c.trend_terms[i] = s.query;
                ImGui::EndCombo();
            }
            if (ImGui::IsItemHovered()) ImGui::SetTooltip("Use a saved search");
        }
        ImGui::PopID();
    }
}

// The hovered period's figures: each line's matching papers over all papers of the period.
void trend_tooltip(const ChartState& c, const chart::Palette& pal, size_t i) {
    const TrendTable& t = c.trend_table;
    ImGui::BeginTooltip();
    ImGui::TextUnformatted(period_title(t.periods[i]).c_str());
    ImGui::TextDisabled("%s papers first listed", format_count(t.totals[i]).c_str());
    for (size_t s = 0; s < c.trends.size(); ++s) {
        const TrendSeries& ts = c.trends[s];
        const ImVec2 p = ImGui::GetCursorScreenPos();
        const float h = ImGui::GetTextLineHeight();
        ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(p.x, p.y + h * 0.35f), ImVec2(p.x + h * 0.6f, p.y + h * 0.65f),
                                                  series_color(pal, s));
        ImGui::Dummy(ImVec2(h * 0.8f, h));
        ImGui::SameLine(0, 0);
        ImGui::Text("%s: %u of %u (%.1f%%)", chart::ellipsize(ts.term, 20 * ImGui::GetFontSize()).c_str(), ts.matching[i],
                    t.totals[i], 100.0 * share(ts.matching[i], t.totals[i]));
    }
    ImGui::TextDisabled("Click: the top papers of this %s", t.kind == PeriodKind::Week ? "week" : "month");
    ImGui::EndTooltip();
}

}  // namespace

void chart_trend(App& app, float w) {
    app_update_trends(app);
    ChartState& c = app.charts;
    const TrendTable& t = c.trend_table;
    chart_section(app, "Term trends", c.trend_months ? "share of each month's papers that match" : "share of each week's papers that match",
                  "term-trends.csv", [&] { return csv_trend(c.trend_table, c.trends); });
    trend_controls(app);
    const float em = ImGui::GetFontSize();
    const chart::Palette pal = chart::palette();
    if (t.periods.empty()) {
        ImGui::TextDisabled("No dated papers loaded.");
        return;
    }
    if (c.trends.empty()) {
        ImGui::TextDisabled("Type a search, or a term above (diffusion, agent, 3D, \"world model\"), to see its share over time.");
        return;
    }
    for (const TrendSeries& ts : c.trends)
        for (const std::string& e : ts.errors) ImGui::TextDisabled("%s: %s", ts.term.c_str(), e.c_str());

    chart::push_small_font(app.font_size);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float lab = ImGui::GetTextLineHeight() + em * 0.15f;
    const chart::Frame f = chart::frame("##trend", w, 10 * em, label_gutter(), lab, em * 0.6f, em * 1.6f);
    double top = 0;
    for (const TrendSeries& ts : c.trends)
        for (size_t i = 0; i < t.periods.size(); ++i) top = std::max(top, share(ts.matching[i], t.totals[i]));
    // Percent on the axis: 0 .. the first nice tick above the highest share.
    const std::vector<double> pct = nice_ticks(0, std::max(1.0, top * 100.0), 4);
    double ytop = std::max(top * 100.0, pct.empty() ? 1.0 : pct.back());
    if (pct.size() >= 2) {  // nice_ticks stops at or below the top: round up to the next step
        const double step = pct[1] - pct[0];
        ytop = std::max(step, std::ceil(top * 100.0 / step - 1e-9) * step);
    }
    const LinearScale ys{0, ytop, f.p1.y, f.p0.y};
    std::vector<chart::Tick> yt;
    for (double v : nice_ticks(0, ytop, 4)) yt.push_back({float(ys.map(v)), format_tick(v) + "%"});
    chart::y_axis(dl, f, yt);
    // x in days, so the date ticks of the other charts apply; a period's point is at its middle.
    const int32_t d0 = t.periods.front().first, d1 = t.periods.back().last + 1;
    const LinearScale xs{double(d0), double(d1), f.p0.x, f.p1.x};
    std::vector<chart::Tick> xt;
    for (const DateTick& dt : date_ticks(d0, d1 - 1, std::max(2, int(f.w() / (em * 5.5f)))))
        xt.push_back({float(xs.map(dt.date)), dt.label});
    chart::x_axis(dl, f, xt, true);
    {  // legend, top left to right
        float x = f.p0.x + em * 0.3f;
        for (size_t s = 0; s < c.trends.size(); ++s) {
            const float y = f.o0.y + ImGui::GetTextLineHeight() * 0.55f;
            dl->AddLine(ImVec2(x, y), ImVec2(x + em, y), series_color(pal, s), 2.0f);
            x += em * 1.3f;
            const std::string name = chart::ellipsize(s == 0 && c.trends.size() > 0 && app.query_text == c.trends[0].term
                                                          ? "search: " + c.trends[0].term
                                                          : c.trends[s].term,
                                                      14 * em);
            dl->AddText(ImVec2(x, f.o0.y), pal.label, name.c_str());
            x += ImGui::CalcTextSize(name.c_str()).x + em * 0.9f;
        }
    }
    auto px = [&](size_t i) { return float(xs.map(0.5 * (t.periods[i].first + t.periods[i].last + 1))); };
    dl->PushClipRect(f.p0, f.p1, true);
    std::vector<ImVec2> pts;
    for (size_t s = 0; s < c.trends.size(); ++s) {
        const TrendSeries& ts = c.trends[s];
        pts.clear();
        auto flush = [&] {
            if (pts.size() >= 2) dl->AddPolyline(pts.data(), int(pts.size()), series_color(pal, s), 0, 2.0f);
            else if (pts.size() == 1) dl->AddCircleFilled(pts[0], 2.5f, series_color(pal, s));
            pts.clear();
        };
        for (size_t i = 0; i < t.periods.size(); ++i) {
            if (t.totals[i] == 0) {  // nothing loaded that week: a gap, not a fall to zero
                flush();
                continue;
            }
            pts.push_back(ImVec2(px(i), float(ys.map(100.0 * share(ts.matching[i], t.totals[i])))));
        }
        flush();
    }
    dl->PopClipRect();
    // Every period is a clickable region (for the test hooks), the hovered one gets a guide.
    for (size_t i = 0; i < t.periods.size(); ++i)
        c.regions.push_back({"trend", format_period(t.periods[i]), float(xs.map(t.periods[i].first)), f.p0.y,
                             float(xs.map(t.periods[i].last + 1)), f.p1.y});
    ImGui::PopFont();
    if (!f.mouse_in_plot()) return;
    const int i = trend_period_index(t, int32_t(std::floor(xs.invert(f.mouse.x))));
    if (i < 0) return;
    dl->AddLine(ImVec2(px(size_t(i)), f.p0.y), ImVec2(px(size_t(i)), f.p1.y), pal.axis);
    for (size_t s = 0; s < c.trends.size(); ++s)
        if (t.totals[size_t(i)] > 0)
            dl->AddCircleFilled(ImVec2(px(size_t(i)), float(ys.map(100.0 * share(c.trends[s].matching[size_t(i)], t.totals[size_t(i)])))),
                                3.5f, series_color(pal, s));
    trend_tooltip(c, pal, size_t(i));
    if (f.clicked) {
        app.mode = ViewMode::Period;
        app.period_kind = t.kind;
        app.period_day = t.periods[size_t(i)].first;
        app.show_charts = false;
    }
}

}  // namespace dv
