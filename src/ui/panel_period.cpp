// The top view: one ISO week (Monday to Sunday) or one month at a time, its papers that match the
// search ranked by votes, like the Weekly and Monthly tabs of the Hugging Face papers page.
// [ and ] (or the arrows here) step by one period; W and M switch between weeks and months.
#include <algorithm>
#include <cstdio>

#include "app.h"
#include "core/date.h"
#include "core/highlight.h"
#include "core/period.h"
#include "imgui.h"
#include "panels.h"
#include "widgets.h"

namespace dv {

void panel_period(App& app) {
    const float em = ImGui::GetFontSize();
    if (app.lib.days.empty()) {
        ImGui::TextDisabled("No dated papers loaded.");
        return;
    }
    const Period p = app_period(app);
    if (toggle_button("Week", p.kind == PeriodKind::Week)) app.period_kind = PeriodKind::Week;
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Monday to Sunday (W)");
    ImGui::SameLine(0, 2);
    if (toggle_button("Month", p.kind == PeriodKind::Month)) app.period_kind = PeriodKind::Month;
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("A calendar month (M)");
    ImGui::SameLine(0, em);
    // Stepping stays within the loaded days (a period holding at least one of them).
    const Period prev = period_step(p, -1), next = period_step(p, +1);
    ImGui::BeginDisabled(prev.last < app.lib.days.front());
    if (ImGui::ArrowButton("##pprev", ImGuiDir_Left)) app.period_day = prev.first;
    ImGui::EndDisabled();
    if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) ImGui::SetTooltip("Previous ([)");
    ImGui::SameLine();
    ImGui::PushFont(app.fonts.bold, app.font_size * 1.25f);
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(format_period(p).c_str());
    ImGui::PopFont();
    ImGui::SameLine();
    ImGui::BeginDisabled(next.first > app.lib.days.back());
    if (ImGui::ArrowButton("##pnext", ImGuiDir_Right)) app.period_day = next.first;
    ImGui::EndDisabled();
    if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) ImGui::SetTooltip("Next (])");
    const std::vector<uint32_t>& rows = app_period_rows(app, p);
    char range[96];
    std::snprintf(range, sizeof range, "%s to %s, %d papers", format_date(p.first).c_str(), format_date(p.last).c_str(), (int)rows.size());
    ImGui::SameLine(0, em);
    if (ImGui::GetContentRegionAvail().x < ImGui::CalcTextSize(range).x) ImGui::NewLine();  // a narrow pane
    ImGui::AlignTextToFramePadding();
    ImGui::TextDisabled("%s", range);
    ImGui::Separator();

    if (rows.empty()) {
        ImGui::TextDisabled("No paper of this %s matches the search.", p.kind == PeriodKind::Week ? "week" : "month");
        return;
    }
    const ImGuiTableFlags flags = ImGuiTableFlags_ScrollY | ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV |
                                  ImGuiTableFlags_SizingFixedFit;
    if (!ImGui::BeginTable("##period", 4, flags)) return;
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn("#", 0, ImGui::CalcTextSize("999").x);
    ImGui::TableSetupColumn("Votes", 0, ImGui::CalcTextSize("Votes").x);
    ImGui::TableSetupColumn("Day", 0, ImGui::CalcTextSize("2024-12-31 Mon").x);
    ImGui::TableSetupColumn("Title", ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableHeadersRow();
    // j/k and Enter walk these rows (shortcuts.cpp): keep the selection in view.
    int64_t scroll_row = -1;
    if (app.scroll_to_selected && app.selected >= 0) {
        auto it = std::find(rows.begin(), rows.end(), (uint32_t)app.selected);
        if (it != rows.end()) scroll_row = it - rows.begin();
    }
    ImGuiListClipper clipper;
    clipper.Begin((int)rows.size());
    if (scroll_row >= 0) clipper.IncludeItemByIndex((int)scroll_row);
    while (clipper.Step()) {
        for (int row = clipper.DisplayStart; row < clipper.DisplayEnd; row++) {
            const uint32_t ei = rows[(size_t)row];
            const Entry& e = app.lib.entries[ei];
            const Paper& paper = entry_paper(app.lib, e);
            ImGui::TableNextRow();
            ImGui::PushID((int)ei);
            const TriageMark* mark = app_mark(app, ei);
            const bool dim = mark && mark->read;
            if (dim) ImGui::PushStyleVar(ImGuiStyleVar_Alpha, ImGui::GetStyle().Alpha * 0.5f);
            ImGui::TableSetColumnIndex(0);
            char rank[16];
            std::snprintf(rank, sizeof rank, "%d", row + 1);
            if (ImGui::Selectable(rank, (int64_t)ei == app.selected, ImGuiSelectableFlags_SpanAllColumns)) app.selected = ei;
            if (row == scroll_row) ImGui::SetScrollHereY(0.35f);
            ImGui::TableSetColumnIndex(1);
            if (e.votes == kNoVotes) ImGui::TextDisabled("-");
            else ImGui::Text("%d", e.votes);
            ImGui::TableSetColumnIndex(2);
            // The day it was listed within the period (its first such appearance).
            int32_t day = e.date;
            for (uint32_t a = e.first_appearance; a < e.first_appearance + e.appearance_count; ++a) {
                const int32_t d = app.lib.appearances[a].date;
                if (d != kNoDate && d >= p.first && d <= p.last) {
                    day = d;
                    break;
                }
            }
            ImGui::Text("%s %s", format_date(day).c_str(), weekday_name(weekday(day)));
            ImGui::TableSetColumnIndex(3);
            const std::string_view title = get(paper, paper.title);
            if (marked_line(title, match_spans(app.query, Field::Title, title), ImGui::GetContentRegionAvail().x) &&
                ImGui::IsWindowHovered() && ImGui::IsMouseHoveringRect(ImGui::GetItemRectMin(), ImGui::GetItemRectMax()))
                ImGui::SetTooltip("%.*s", int(title.size()), title.data());
            if (dim) ImGui::PopStyleVar();
            ImGui::PopID();
        }
    }
    if (scroll_row >= 0) app.scroll_to_selected = false;
    ImGui::EndTable();
}

}  // namespace dv
