// The papers table: every paper of the current result, virtualized with ImGuiListClipper so only
// visible rows cost anything (100k rows scroll like 100). Click a header to sort.
#include <algorithm>
#include <cmath>
#include <cstdio>

#include "app.h"
#include "core/date.h"
#include "imgui.h"
#include "panels.h"
#include "widgets.h"

namespace dv {

enum Column { ColDate, ColVotes, ColPct, ColMarks, ColTitle, ColAuthor, ColAuthors };

// Star, note and "new" icons, drawn (not glyphs: the UI fonts have no star).
void mark_icons(const App& app, uint32_t entry, float width, float size) {
    const ImVec2 p = ImGui::GetCursorScreenPos();
    ImGui::Dummy(ImVec2(width, size));
    const TriageMark* m = app_mark(app, entry);
    const bool fresh = app_is_new(app, entry);
    if (!m && !fresh) return;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float r = size * 0.42f;
    float x = p.x + r + 1;
    const float cy = p.y + size * 0.5f;
    if (m && m->starred) {
        ImVec2 pts[10];
        for (int i = 0; i < 10; i++) {
            const float kPi = 3.14159265f, a = -kPi / 2 + i * kPi / 5, rr = i % 2 ? r * 0.45f : r;
            pts[i] = ImVec2(x + rr * cosf(a), cy + rr * sinf(a));
        }
        const ImU32 gold = app.dark ? IM_COL32(250, 200, 60, 255) : IM_COL32(210, 150, 0, 255);
        for (int i = 0; i < 10; i++) dl->AddTriangleFilled(ImVec2(x, cy), pts[i], pts[(i + 1) % 10], gold);
    }
    x += 2 * r + size * 0.15f;
    if (m && !m->note.empty()) {  // a page with lines
        const ImU32 c = accent_color();
        const float w = r * 1.3f, h = r * 1.7f;
        dl->AddRect(ImVec2(x - w / 2, cy - h / 2), ImVec2(x + w / 2, cy + h / 2), c, 1.0f, 0, std::max(1.0f, size * 0.08f));
        for (int i = 1; i <= 3; i++) {
            const float y = cy - h / 2 + h * i / 4.0f;
            dl->AddLine(ImVec2(x - w / 2 + w * 0.22f, y), ImVec2(x + w / 2 - w * 0.22f, y), c, std::max(1.0f, size * 0.06f));
        }
    }
    x += 2 * r;
    if (fresh) dl->AddCircleFilled(ImVec2(x, cy), r * 0.45f, app.dark ? IM_COL32(90, 190, 255, 255) : IM_COL32(20, 110, 220, 255));
}

static void apply_sort_specs(App& app) {
    ImGuiTableSortSpecs* specs = ImGui::TableGetSortSpecs();
    if (!specs) return;
    if (specs->SpecsDirty && specs->SpecsCount > 0) {
        const ImGuiTableColumnSortSpecs& s = specs->Specs[0];
        SortKey key = app.sort.key;
        switch (s.ColumnUserID) {
        case ColDate: key = SortKey::Date; break;
        case ColVotes: key = SortKey::Votes; break;
        case ColPct: key = SortKey::Percentile; break;
        case ColTitle: key = SortKey::Title; break;
        default: break;
        }
        bool desc = s.SortDirection == ImGuiSortDirection_Descending;
        if (key != app.sort.key || desc != app.sort.descending) {
            app.sort.key = key;
            app.sort.descending = desc;
            app.query_dirty = true;
        }
        specs->SpecsDirty = false;
    }
}

void panel_papers(App& app) {
    const float em = ImGui::GetFontSize();
    if (app.result.empty()) {
        ImGui::Dummy(ImVec2(0, em));
        ImGui::TextDisabled("No paper matches this search.");
        if (!app.query_text.empty() && ImGui::Button("Clear the search (Esc)")) {
            app.query_text.clear();
            app.query_dirty = true;
        }
        return;
    }
    ImGuiTableFlags flags = ImGuiTableFlags_ScrollY | ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV |
                            ImGuiTableFlags_Resizable | ImGuiTableFlags_Sortable | ImGuiTableFlags_SizingFixedFit |
                            ImGuiTableFlags_Hideable;
    if (!ImGui::BeginTable("##papers", 7, flags)) return;
    ImGui::TableSetupScrollFreeze(0, 1);
    auto def = [&](SortKey k) { return app.sort.key == k ? ImGuiTableColumnFlags_DefaultSort : 0; };
    auto dir = [&](SortKey k) {
        return app.sort.key == k ? (app.sort.descending ? ImGuiTableColumnFlags_PreferSortDescending
                                                        : ImGuiTableColumnFlags_PreferSortAscending)
                                 : ImGuiTableColumnFlags_PreferSortDescending;
    };
    ImGui::TableSetupColumn("Date", def(SortKey::Date) | dir(SortKey::Date), 5.6f * em, ColDate);
    ImGui::TableSetupColumn("Votes", def(SortKey::Votes) | dir(SortKey::Votes), 3.4f * em, ColVotes);
    ImGui::TableSetupColumn("Pct", def(SortKey::Percentile) | dir(SortKey::Percentile), 2.6f * em, ColPct);
    ImGui::TableSetupColumn("##marks", ImGuiTableColumnFlags_NoSort, 2.7f * em, ColMarks);
    ImGui::TableSetupColumn("Title", ImGuiTableColumnFlags_WidthStretch | def(SortKey::Title) |
                                         (app.sort.key == SortKey::Title ? dir(SortKey::Title) : ImGuiTableColumnFlags_PreferSortAscending),
                            0.0f, ColTitle);
    ImGui::TableSetupColumn("First author", ImGuiTableColumnFlags_NoSort, 6.5f * em, ColAuthor);
    ImGui::TableSetupColumn("#", ImGuiTableColumnFlags_NoSort, 2.0f * em, ColAuthors);
    ImGui::TableHeadersRow();
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Pct: vote percentile within the paper's day");
    apply_sort_specs(app);

    int64_t scroll_row = -1;
    if (app.scroll_to_selected && app.selected >= 0) {
        auto it = std::find(app.result.begin(), app.result.end(), (uint32_t)app.selected);
        if (it != app.result.end()) scroll_row = it - app.result.begin();
    }

    ImGuiListClipper clipper;
    clipper.Begin((int)app.result.size());
    if (scroll_row >= 0) clipper.IncludeItemByIndex((int)scroll_row);
    char buf[64];
    while (clipper.Step()) {
        for (int row = clipper.DisplayStart; row < clipper.DisplayEnd; row++) {
            uint32_t ei = app.result[(size_t)row];
            const Entry& e = app.lib.entries[ei];
            const Paper& p = entry_paper(app.lib, e);
            ImGui::TableNextRow();
            // Read papers are dimmed (the whole row).
            const TriageMark* mark = app_mark(app, ei);
            const bool dim = mark && mark->read;
            if (dim) ImGui::PushStyleVar(ImGuiStyleVar_Alpha, ImGui::GetStyle().Alpha * 0.5f);
            ImGui::TableSetColumnIndex(ColDate);
            ImGui::PushID((int)ei);
            bool selected = (int64_t)ei == app.selected;
            std::string date = format_date(e.date);
            if (ImGui::Selectable(date.empty() ? "-" : date.c_str(), selected,
                                  ImGuiSelectableFlags_SpanAllColumns)) {
                app.selected = ei;
            }
            if (row == scroll_row) {
                ImGui::SetScrollHereY(0.35f);
                app.scroll_to_selected = false;
            }
            ImGui::TableSetColumnIndex(ColVotes);
            if (e.votes == kNoVotes) ImGui::TextDisabled("-");
            else ImGui::Text("%d", e.votes);
            ImGui::TableSetColumnIndex(ColPct);
            if (e.percentile < 0) ImGui::TextDisabled("-");
            else {
                std::snprintf(buf, sizeof buf, "%.0f", e.percentile);
                ImGui::TextUnformatted(buf);
            }
            ImGui::TableSetColumnIndex(ColMarks);
            mark_icons(app, ei, 2.6f * em, ImGui::GetTextLineHeight());
            if (mark && !mark->note.empty() && ImGui::IsItemHovered()) ImGui::SetTooltip("%s", mark->note.c_str());
            ImGui::TableSetColumnIndex(ColTitle);
            std::string_view title = get(p, p.title);
            ImGui::TextUnformatted(title.data(), title.data() + title.size());
            if (e.appearance_count > 1) {
                ImGui::SameLine();
                ImGui::TextDisabled("x%u", e.appearance_count);
            }
            ImGui::TableSetColumnIndex(ColAuthor);
            if (!p.authors.empty()) {
                std::string_view a = get(p, p.authors[0]);
                ImGui::TextUnformatted(a.data(), a.data() + a.size());
            }
            ImGui::TableSetColumnIndex(ColAuthors);
            ImGui::Text("%d", (int)p.authors.size());
            if (dim) ImGui::PopStyleVar();
            ImGui::PopID();
        }
    }
    if (scroll_row >= 0) app.scroll_to_selected = false;
    ImGui::EndTable();
}

}  // namespace dv
