// The charts window over the current result. (Grows into the full analytics panel of the charts
// issue; this first version draws the vote histogram and papers per day.)
#include <algorithm>
#include <chrono>
#include <cstdio>

#include "app.h"
#include "core/date.h"
#include "imgui.h"
#include "panels.h"
#include "widgets.h"

namespace dv {

void ui_update_stats(App& app) {
    app_update_result(app);
    if (app.stats_generation == app.lib.generation && app.stats_result_key == app.result) return;
    auto t0 = std::chrono::steady_clock::now();
    app.stats = compute_stats(app.lib, app.result);
    app.stats_generation = app.lib.generation;
    app.stats_result_key = app.result;
    app.last_stats_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
}

static void bar_chart(const char* id, const std::vector<float>& values, const std::vector<std::string>& labels,
                      float height) {
    ImVec2 p0 = ImGui::GetCursorScreenPos();
    float w = ImGui::GetContentRegionAvail().x;
    ImGui::InvisibleButton(id, ImVec2(w, height));
    ImDrawList* dl = ImGui::GetWindowDrawList();
    float maxv = 1;
    for (float v : values) maxv = std::max(maxv, v);
    float bw = values.empty() ? 0 : w / values.size();
    for (size_t i = 0; i < values.size(); i++) {
        float h = (height - 2) * values[i] / maxv;
        ImVec2 a(p0.x + i * bw + 1, p0.y + height - h), b(p0.x + (i + 1) * bw - 1, p0.y + height);
        bool hov = ImGui::IsItemHovered() && ImGui::GetIO().MousePos.x >= a.x - 1 && ImGui::GetIO().MousePos.x < b.x + 1;
        dl->AddRectFilled(a, b, hov ? ImGui::GetColorU32(ImGuiCol_PlotHistogramHovered) : ImGui::GetColorU32(ImGuiCol_PlotHistogram));
        if (hov) ImGui::SetTooltip("%s: %.0f", labels[i].c_str(), values[i]);
    }
}

void panel_charts(App& app) {
    const float em = ImGui::GetFontSize();
    ImGui::SetNextWindowSize(ImVec2(44 * em, 30 * em), ImGuiCond_FirstUseEver);
    if (!ImGui::Begin("Charts", &app.show_charts)) {
        ImGui::End();
        return;
    }
    ui_update_stats(app);
    const Stats& s = app.stats;
    ImGui::TextDisabled("%u papers in the result, %u without votes. Computed in %.2f ms.", s.papers, s.without_votes,
                        app.last_stats_ms);
    ImGui::SeparatorText("Vote histogram");
    std::vector<float> v;
    std::vector<std::string> l;
    for (const HistBin& b : s.vote_histogram) {
        v.push_back((float)b.count);
        l.push_back(std::to_string(b.lo) + "-" + std::to_string(b.hi - 1) + " votes");
    }
    bar_chart("##hist", v, l, 8 * em);
    ImGui::SeparatorText("Papers per day");
    v.clear();
    l.clear();
    for (const DayStat& d : s.per_day) {
        v.push_back((float)d.papers);
        l.push_back(format_date(d.date));
    }
    bar_chart("##perday", v, l, 8 * em);
    ImGui::End();
}

}  // namespace dv
