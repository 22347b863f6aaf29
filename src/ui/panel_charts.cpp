// The charts window: analytics over the current query result (core compute_stats + chart_math).
//
//   Vote histogram (log-spaced bins)        | Average votes by weekday        (this file)
//   Papers per day, with median / p90 / max votes per day below (shared date axis)  (chart_days)
//   Calendar heatmap of daily total votes (weeks x weekdays)                         (chart_days)
//   Every paper: date x votes (log), GPU instanced points (Host::scatter_*), zoom/pan/pick
//                                           (chart_scatter_draw, _input, _pick)
//   Top papers (horizontal bars, titles)                                             (chart_bars)
//   Top authors by papers                   | Top authors by total votes             (chart_bars)
//
// Every chart has ticks, exact-value tooltips, a CSV button, and a click that narrows the query
// (appends date:/votes:/author: to the search box) or selects the paper.
#include <algorithm>
#include <cmath>
#include <cstdio>

#include "charts.h"
#include "core/date.h"
#include "core/export.h"
#include "core/query.h"
#include "imgui.h"
#include "panels.h"
#include "widgets.h"

namespace dv {

void chart_narrow(App& app, const std::string& term) {
    if (append_query_term(app.query_text, term)) app.query_dirty = true;
}

void chart_section(App& app, const char* title, const char* hint, const char* csv_name, const std::function<std::string()>& csv) {
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

LinearScale zero_based_y_axis(ImDrawList* dl, const chart::Frame& f, double max_value, int target) {
    const std::vector<double> top = nice_ticks(0, max_value, target);
    const double ytop = std::max(max_value, top.empty() ? max_value : top.back());
    const LinearScale ys{0, ytop, f.p1.y, f.p0.y};
    std::vector<chart::Tick> ticks;
    for (double v : nice_ticks(0, ytop, target)) ticks.push_back({float(ys.map(v)), format_tick(v)});
    chart::y_axis(dl, f, ticks);
    return ys;
}

float label_gutter() { return ImGui::CalcTextSize("000k").x + ImGui::GetFontSize() * 0.5f; }

void paper_title_text(App& app, std::string_view title) {
    ImGui::PushFont(app.fonts.bold, 0.0f);
    ImGui::TextUnformatted(title.data(), title.data() + title.size());
    ImGui::PopFont();
}

// --- Vote histogram ---------------------------------------------------------------------------------

void chart_histogram(App& app, float w) {
    const Stats& s = app.charts.stats;
    chart_section(app, "Vote histogram", "log-spaced bins", "vote-histogram.csv", [&] { return csv_vote_histogram(s); });
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
    const LinearScale ys = zero_based_y_axis(dl, f, maxc, 4);
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
            app.charts.regions.push_back({"vote_histogram", votes_term(bins[i].lo, bins[i].hi - 1), x0 + gap, y, x1 - gap, f.p1.y});
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
        if (f.clicked) chart_narrow(app, votes_term(b.lo, b.hi - 1));
    }
}

// --- Weekdays ---------------------------------------------------------------------------------------

void chart_weekdays(App& app, float w) {
    const Stats& s = app.charts.stats;
    chart_section(app, "Average votes by weekday", "of the listing date", "votes-by-weekday.csv", [&] { return csv_weekdays(s); });
    const float em = ImGui::GetFontSize();
    chart::push_small_font(app.font_size);
    const chart::Frame f = chart::frame("##weekday", w, 10 * em, label_gutter(), em * 0.6f, em * 0.4f, em * 1.6f);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const chart::Palette pal = chart::palette();
    double maxv = 1;
    for (const WeekdayStat& d : s.weekdays) maxv = std::max(maxv, d.mean_votes);
    const LinearScale ys = zero_based_y_axis(dl, f, maxv, 4);
    const float bw = f.w() / 7;
    int hovered = f.mouse_in_plot() ? std::clamp(int((f.mouse.x - f.p0.x) / bw), 0, 6) : -1;
    std::vector<chart::Tick> xt;
    for (int i = 0; i < 7; ++i) {
        const float x0 = f.p0.x + bw * i, gap = std::max(1.0f, bw * 0.18f);
        if (s.weekdays[i].papers > 0)
            dl->AddRectFilled(ImVec2(x0 + gap, float(ys.map(s.weekdays[i].mean_votes))), ImVec2(x0 + bw - gap, f.p1.y),
                              i == hovered ? pal.bar_hover : pal.bar);
        xt.push_back({x0 + bw * 0.5f, weekday_name(i)});
    }
    chart::x_axis(dl, f, xt);
    ImGui::PopFont();
    if (hovered >= 0) {
        ImGui::BeginTooltip();
        ImGui::Text("%s", weekday_long_name(hovered));
        if (s.weekdays[hovered].papers)
            ImGui::Text("%.2f votes on average over %s papers", s.weekdays[hovered].mean_votes,
                        format_count(s.weekdays[hovered].papers).c_str());
        else ImGui::TextDisabled("No papers with votes");
        ImGui::EndTooltip();
    }
}

namespace {

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

void panel_charts(App& app) {
    app.charts.regions.clear();
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
    app_update_stats(app);
    const Stats& s = app.charts.stats;
    ImGui::TextDisabled("%s papers in the result (%s without votes) - charts computed in %.1f ms. Click a bar, cell or point to narrow the search.",
                        format_count(s.papers).c_str(), format_count(s.without_votes).c_str(), app.charts.last_stats_ms);
    ImGui::Separator();
    ImGui::BeginChild("##charts", ImVec2(0, 0), ImGuiChildFlags_None);
    const float gap = em * 0.8f;
    pair(app, [&](float w) { chart_histogram(app, w); }, [&](float w) { chart_weekdays(app, w); });
    ImGui::Dummy(ImVec2(0, gap));
    chart_per_day(app, ImGui::GetContentRegionAvail().x);
    ImGui::Dummy(ImVec2(0, gap));
    chart_calendar(app, ImGui::GetContentRegionAvail().x);
    ImGui::Dummy(ImVec2(0, gap));
    chart_trend(app, ImGui::GetContentRegionAvail().x);
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
