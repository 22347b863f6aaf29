// The top bar: the search box (the core's query language, live as you type), its result count and
// errors, the quick filters beside it, and the view switches.
#include <algorithm>
#include <cstdio>
#include <cstdlib>

#include "app.h"
#include "imgui.h"
#include "imgui_internal.h"  // ImGuiInputTextState: reload the box when the query changes elsewhere
#include "imgui_stdlib.h"
#include "panels.h"
#include "widgets.h"

namespace dv {

static const char* kLabels[] = {"", "What's New", "Technical Details", "Performance Highlights", "Conclusion", "Limitations"};

// A votes bound: digits only, empty (hint "any") when off. 0 means off (QuickFilters), so an
// empty field and a typed 0 are the same filter; the text is the int's, reformatted when idle.
static bool votes_field(const char* id, int& value) {
    char buf[16] = "";
    if (value > 0) std::snprintf(buf, sizeof buf, "%d", value);
    auto digits_only = [](ImGuiInputTextCallbackData* d) { return (d->EventChar >= '0' && d->EventChar <= '9') ? 0 : 1; };
    if (!ImGui::InputTextWithHint(id, "any", buf, 10, ImGuiInputTextFlags_CallbackCharFilter, digits_only)) return false;
    const long v = std::strtol(buf, nullptr, 10);  // at most 9 digits: fits an int
    const int next = v > 0 ? int(v) : 0;
    if (next == value) return false;
    value = next;
    return true;
}

void panel_top_bar(App& app) {
    const float em = ImGui::GetFontSize();
    ImGui::AlignTextToFramePadding();
    ImGui::PushFont(app.fonts.bold, 0.0f);
    ImGui::TextUnformatted("Digest Viewer");
    ImGui::PopFont();
    ImGui::SameLine(0, em);

    const float right_w = 19.5f * em;  // view switches (List Day Top Charts Dark ?)
    const float filters_w = 31 * em;
    float avail = ImGui::GetContentRegionAvail().x;
    bool show_filters = avail > 70 * em;
    float search_w = avail - right_w - (show_filters ? filters_w : 0) - 9 * em;
    if (search_w < 12 * em) search_w = 12 * em;

    if (app.focus_search) {
        ImGui::SetKeyboardFocusHere();
        app.focus_search = false;
    }
    // The query changed from outside while the box is being edited (a link, back/forward, a chart
    // click, a saved search): an active InputText keeps its own copy, so tell it to read ours.
    if (app.inputs.search_seen != app.query_text) {
        if (ImGuiInputTextState* st = ImGui::GetInputTextState(ImGui::GetID("##search"))) st->ReloadUserBufAndMoveToEnd();
    }
    ImGui::SetNextItemWidth(search_w);
    if (ImGui::InputTextWithHint("##search", app.ime_composing ? "" : "Search (/)   e.g.  diffusion  \"world model\"  author:Kim  votes>=10  date:2024-06",
                                 &app.query_text, ImGuiInputTextFlags_EscapeClearsAll))
        app.query_dirty = true;
    app.inputs.search_seen = app.query_text;
    if (ImGui::IsItemActive() && ImGui::IsKeyPressed(ImGuiKey_Enter)) ImGui::SetWindowFocus(nullptr);
    if (ImGui::IsItemHovered(ImGuiHoveredFlags_DelayNormal))
        ImGui::SetTooltip("Words are AND-ed; case-insensitive for Latin, Hangul as typed.\n"
                          "\"quoted phrase\"   -exclude   title:  author:  summary:  label:\n"
                          "votes>=10  votes<5  votes:10..50   date:2024-06  date:2024-06-01..2024-06-30");
    app_update_result(app);

    ImGui::SameLine();
    char count[96];
    std::snprintf(count, sizeof count, "%s of %s", format_count(app.result.size()).c_str(),
                  format_count(app.lib.entries.size()).c_str());
    ImGui::AlignTextToFramePadding();
    ImGui::TextDisabled("%s", count);
    if (!app.query.errors.empty()) {
        ImGui::SameLine();
        ImGui::TextColored(ImVec4(0.95f, 0.55f, 0.25f, 1.0f), "(%d ignored)", (int)app.query.errors.size());
        if (ImGui::IsItemHovered()) {
            ImGui::BeginTooltip();
            for (const std::string& e : app.query.errors) ImGui::BulletText("%s", e.c_str());
            ImGui::EndTooltip();
        }
    }

    if (show_filters) {
        ImGui::SameLine(0, em);
        ImGui::TextDisabled("Votes");
        ImGui::SameLine();
        ImGui::SetNextItemWidth(3.2f * em);
        if (votes_field("##vmin", app.filters.votes_min)) app.query_dirty = true;
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("Minimum votes (empty = any)");
        ImGui::SameLine(0, 2);
        ImGui::TextDisabled("-");
        ImGui::SameLine(0, 2);
        ImGui::SetNextItemWidth(3.2f * em);
        if (votes_field("##vmax", app.filters.votes_max)) app.query_dirty = true;
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("Maximum votes (empty = any)");

        ImGui::SameLine(0, em * 0.6f);
        ImGui::TextDisabled("Dates");
        ImGui::SameLine();
        ImGui::SetNextItemWidth(6.2f * em);
        if (ImGui::InputTextWithHint("##dfrom", "from", &app.filters.date_from)) app.query_dirty = true;
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("From date: YYYY, YYYY-MM or YYYY-MM-DD");
        ImGui::SameLine(0, 2);
        ImGui::SetNextItemWidth(6.2f * em);
        if (ImGui::InputTextWithHint("##dto", "to", &app.filters.date_to)) app.query_dirty = true;
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("To date: YYYY, YYYY-MM or YYYY-MM-DD");

        ImGui::SameLine(0, em * 0.6f);
        ImGui::SetNextItemWidth(8.5f * em);
        const char* preview = app.filters.label.empty() ? "Any label" : app.filters.label.c_str();
        if (ImGui::BeginCombo("##label", preview)) {
            for (const char* l : kLabels) {
                bool sel = app.filters.label == l;
                if (ImGui::Selectable(*l ? l : "Any label", sel)) {
                    app.filters.label = l;
                    app.query_dirty = true;
                }
            }
            ImGui::EndCombo();
        }
    }

    // View switches, right-aligned.
    ImGui::SameLine();
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() + std::max(0.0f, ImGui::GetContentRegionAvail().x - right_w));
    if (toggle_button("List", app.mode == ViewMode::List)) app.mode = ViewMode::List;
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("All matching papers in a table (L)");
    ImGui::SameLine(0, 2);
    if (toggle_button("Day", app.mode == ViewMode::Day)) {
        app.mode = ViewMode::Day;
        if (app.day_index < 0) app.day_index = app_first_unread_day(app);
    }
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("One day at a time, by votes (D; [ and ] change day)");
    ImGui::SameLine(0, 2);
    if (toggle_button("Top", app.mode == ViewMode::Period)) app.mode = ViewMode::Period;
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("A week's or a month's top papers (T; W / M pick week or month; [ and ] step)");
    ImGui::SameLine();
    if (toggle_button("Charts", app.show_charts)) app.show_charts = !app.show_charts;
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Vote charts over the current result (C)");
    ImGui::SameLine();
    if (ImGui::Button(app.dark ? "Light" : "Dark")) {
        app.dark = !app.dark;
        app.theme_follows_system = false;
        app_apply_theme(app);
    }
    ImGui::SameLine();
    if (ImGui::Button("?")) app.show_help = !app.show_help;
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Keyboard shortcuts (?)");
    ImGui::Separator();
}

}  // namespace dv
