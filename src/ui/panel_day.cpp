// The day view: one day at a time, like the Hugging Face papers page. Papers of the day that match
// the search, by votes; [ and ] (or the arrows here) step to the previous/next day with matches.
#include <cstdio>

#include "app.h"
#include "core/date.h"
#include "imgui.h"
#include "imgui_stdlib.h"
#include "panels.h"
#include "widgets.h"

namespace dv {

static int count_matches(const App& app, int day) {
    int n = 0;
    for (uint32_t e : app.lib.day_entries[(size_t)day]) n += app.in_result.size() > e && app.in_result[e];
    return n;
}

// The nearest day in direction `dir` (+1 later, -1 earlier) that has papers matching the search.
int step_day(const App& app, int from, int dir) {
    for (int d = from + dir; d >= 0 && d < (int)app.lib.days.size(); d += dir)
        if (count_matches(app, d) > 0) return d;
    return from;
}

void panel_day(App& app) {
    const float em = ImGui::GetFontSize();
    if (app.lib.days.empty()) {
        ImGui::TextDisabled("No dated papers loaded.");
        return;
    }
    if (app.day_index < 0 || app.day_index >= (int)app.lib.days.size()) app.day_index = app_first_unread_day(app);

    // Header: < date >, jump to date.
    bool has_prev = step_day(app, app.day_index, -1) != app.day_index;
    bool has_next = step_day(app, app.day_index, +1) != app.day_index;
    ImGui::BeginDisabled(!has_prev);
    if (ImGui::ArrowButton("##prev", ImGuiDir_Left)) app.day_index = step_day(app, app.day_index, -1);
    ImGui::EndDisabled();
    if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) ImGui::SetTooltip("Previous day ([)");
    ImGui::SameLine();
    int32_t day = app.lib.days[(size_t)app.day_index];
    ImGui::PushFont(app.fonts.bold, app.font_size * 1.25f);
    ImGui::AlignTextToFramePadding();
    ImGui::Text("%s %s", format_date(day).c_str(), weekday_name(weekday(day)));
    ImGui::PopFont();
    ImGui::SameLine();
    ImGui::BeginDisabled(!has_next);
    if (ImGui::ArrowButton("##next", ImGuiDir_Right)) app.day_index = step_day(app, app.day_index, +1);
    ImGui::EndDisabled();
    if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) ImGui::SetTooltip("Next day (])");
    ImGui::SameLine(0, em);
    std::string& jump = app.inputs.day_jump;
    ImGui::SetNextItemWidth(7 * em);
    if (ImGui::InputTextWithHint("##jump", "go to date", &jump, ImGuiInputTextFlags_EnterReturnsTrue)) {
        int32_t lo, hi;
        if (parse_date_prefix(jump, lo, hi)) {
            // The first loaded day on or after the start of what was typed, else the last one.
            int best = (int)app.lib.days.size() - 1;
            for (size_t i = 0; i < app.lib.days.size(); i++)
                if (app.lib.days[i] >= lo) {
                    best = (int)i;
                    break;
                }
            app.day_index = best;
            jump.clear();
        } else {
            app_set_status(app, "Not a date: type YYYY-MM-DD, YYYY-MM or YYYY");
        }
    }
    ImGui::SameLine();
    const auto& entries = app.lib.day_entries[(size_t)app.day_index];
    int matches = count_matches(app, app.day_index);
    ImGui::AlignTextToFramePadding();
    if (matches == (int)entries.size()) ImGui::TextDisabled("%d papers", matches);
    else ImGui::TextDisabled("%d of %d papers match", matches, (int)entries.size());
    ImGui::Separator();

    ImGui::BeginChild("##daylist");
    if (matches == 0) ImGui::TextDisabled("No paper of this day matches the search.");
    const float wrap = ImGui::GetContentRegionAvail().x - 4.2f * em;
    int rank = 0;
    for (uint32_t ei : entries) {
        if (ei >= app.in_result.size() || !app.in_result[ei]) continue;
        rank++;
        const Entry& e = app.lib.entries[ei];
        const Paper& p = entry_paper(app.lib, e);
        std::string_view title = get(p, p.title);
        ImGui::PushFont(app.fonts.bold, 0.0f);
        float title_h = ImGui::CalcTextSize(title.data(), title.data() + title.size(), false, wrap).y;
        ImGui::PopFont();
        float card_h = title_h + ImGui::GetTextLineHeightWithSpacing() * 2 + ImGui::GetStyle().ItemSpacing.y;
        ImGui::PushID((int)ei);
        const TriageMark* mark = app_mark(app, ei);
        const bool dim = mark && mark->read;  // read papers are dimmed
        if (dim) ImGui::PushStyleVar(ImGuiStyleVar_Alpha, ImGui::GetStyle().Alpha * 0.5f);
        ImVec2 start = ImGui::GetCursorScreenPos();
        bool selected = (int64_t)ei == app.selected;
        if (ImGui::Selectable("##card", selected, 0, ImVec2(0, card_h))) app.selected = ei;
        if (selected && app.scroll_to_selected) {
            ImGui::SetScrollHereY(0.3f);
            app.scroll_to_selected = false;
        }
        ImVec2 after = ImGui::GetCursorScreenPos();
        // Only draw what is on screen: a day can hold 50 papers, and text layout is not free.
        if (ImGui::IsItemVisible()) {
            ImGui::SetCursorScreenPos(ImVec2(start.x + 0.3f * em, start.y + 0.25f * em));
            ImGui::BeginGroup();
            votes_badge(e.votes);
            ImGui::TextDisabled("#%d", rank);
            mark_icons(app, ei, 3.2f * em, ImGui::GetTextLineHeight());
            ImGui::EndGroup();
            ImGui::SetCursorScreenPos(ImVec2(start.x + 3.8f * em, start.y));
            ImGui::BeginGroup();
            ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + wrap);
            ImGui::PushFont(app.fonts.bold, 0.0f);
            ImGui::TextUnformatted(title.data(), title.data() + title.size());
            ImGui::PopFont();
            ImGui::PopTextWrapPos();
            std::string authors;
            for (size_t i = 0; i < p.authors.size() && i < 6; i++) {
                if (i) authors += ", ";
                authors += get(p, p.authors[i]);
            }
            if (p.authors.size() > 6) authors += ", +" + std::to_string(p.authors.size() - 6);
            ImGui::PushClipRect(ImGui::GetCursorScreenPos(), ImVec2(start.x + 3.8f * em + wrap, after.y), true);
            ImGui::TextDisabled("%s", authors.c_str());
            std::string meta;
            if (!get(p, p.arxiv_id).empty()) meta += "arXiv " + std::string(get(p, p.arxiv_id));
            if (e.percentile >= 0) {
                char b[48];
                std::snprintf(b, sizeof b, "   %.0fth percentile of the day", e.percentile);
                meta += b;
            }
            if (e.appearance_count > 1) meta += "   listed on " + std::to_string(e.appearance_count) + " days";
            ImGui::TextDisabled("%s", meta.c_str());
            ImGui::PopClipRect();
            ImGui::EndGroup();
        }
        ImGui::SetCursorScreenPos(after);
        if (dim) ImGui::PopStyleVar();
        ImGui::PopID();
    }
    ImGui::Dummy(ImVec2(0, 0));  // an item at the final cursor: the list's extent ends here
    ImGui::EndChild();
}

}  // namespace dv
