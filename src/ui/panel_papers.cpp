// The papers table: every paper of the current result, virtualized with ImGuiListClipper so only
// visible rows cost anything (100k rows scroll like 100). Click a header to sort.
#include <algorithm>
#include <cmath>
#include <cstdio>

#include "app.h"
#include "core/date.h"
#include "imgui.h"
#include "imgui_internal.h"  // ImGuiTable: the columns the reader arranged, for state()
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

static int sort_column(SortKey k) {
    switch (k) {
    case SortKey::Votes: return ColVotes;
    case SortKey::Percentile: return ColPct;
    case SortKey::Title: return ColTitle;
    default: return ColDate;
    }
}

// The app's sort is the one that counts (the URL, the left pane's combo, a saved search set it);
// the header shows it and a click on a header changes it. The table's own settings also hold a
// sort (kept with the columns): on the first frame it is overridden, never adopted.
static void sync_sort_specs(App& app) {
    ImGuiTableSortSpecs* specs = ImGui::TableGetSortSpecs();
    if (!specs) return;
    if (specs->SpecsDirty && specs->SpecsCount > 0 && app.papers_sort_synced) {
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
    }
    specs->SpecsDirty = false;
    const ImGuiSortDirection want = app.sort.descending ? ImGuiSortDirection_Descending : ImGuiSortDirection_Ascending;
    const ImGuiTableColumnSortSpecs* s = specs->SpecsCount > 0 ? &specs->Specs[0] : nullptr;
    if (!s || s->ColumnIndex != sort_column(app.sort.key) || s->SortDirection != want)
        ImGui::TableSetColumnSortDirection(sort_column(app.sort.key), want, false);
    app.papers_sort_synced = true;
}

// What the reader made of the columns (ImGui keeps it in its table settings, the platform keeps
// those): recorded for state() and the tests of that round trip.
static void record_columns(App& app) {
    ImGuiTable* t = ImGui::GetCurrentTable();
    if (!t) return;
    app.papers_columns.resize((size_t)t->ColumnsCount);
    for (int i = 0; i < t->ColumnsCount; i++) {
        const ImGuiTableColumn& c = t->Columns[i];
        App::ColumnInfo& out = app.papers_columns[(size_t)i];
        out.name = ImGui::TableGetColumnName(i);
        out.enabled = c.IsUserEnabled;
        out.order = c.DisplayOrder;
        out.width = c.WidthGiven;
    }
}

// The cache key of a query's text terms: the rows' spans and snippets depend on nothing else.
static std::string text_terms_key(const Query& q) {
    std::string k;
    for (const TextTerm& t : q.terms) {
        k += char('0' + int(t.field));
        k += t.negate ? '-' : '+';
        k += t.needle;
        k += '\x1f';
    }
    return k;
}

static const MatchRowCache::Row& match_row(App& app, uint32_t ei) {
    MatchRowCache& c = app.match_rows;
    std::string key = text_terms_key(app.query);
    if (c.generation != app.lib.generation || c.key != key) {
        c.rows.clear();
        c.generation = app.lib.generation;
        c.key = std::move(key);
    }
    auto it = c.rows.find(ei);
    if (it != c.rows.end()) return it->second;
    MatchRowCache::Row r;
    r.where = match_where(app.lib, ei, app.query);
    r.snippet = row_snippet(app.lib, ei, app.query, r.where);  // only a summary match says nothing in the row
    return c.rows.emplace(ei, std::move(r)).first->second;
}

static const std::string& summary_line(App& app, uint32_t ei) {
    SummaryLineCache& c = app.summary_lines;
    if (c.generation != app.lib.generation) {
        c.lines.clear();
        c.generation = app.lib.generation;
    }
    auto it = c.lines.find(ei);
    if (it != c.lines.end()) return it->second;
    return c.lines.emplace(ei, summary_first_line(entry_paper(app.lib, app.lib.entries[ei]), 200)).first->second;
}

// The whole of a cut text, wrapped to fit the window.
static void text_tooltip(std::string_view text) {
    ImGui::BeginTooltip();
    ImGui::PushTextWrapPos(std::min(ImGui::GetFontSize() * 36.0f, ImGui::GetIO().DisplaySize.x * 0.5f));
    ImGui::TextUnformatted(text.data(), text.data() + text.size());
    ImGui::PopTextWrapPos();
    ImGui::EndTooltip();
}

static bool mouse_over_last_item() {
    return ImGui::IsWindowHovered() && ImGui::IsMouseHoveringRect(ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
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
                            ImGuiTableFlags_Hideable | ImGuiTableFlags_Reorderable;
    // A narrow table (a small window, scale 2, a wide detail pane) drops Pct, first author and
    // author count for the frame (ImGuiTableColumnFlags_Disabled leaves the reader's own column
    // choices alone): the title needs the width, and the detail pane shows all three.
    const bool narrow = ImGui::GetContentRegionAvail().x < 34.0f * em;
    const ImGuiTableColumnFlags minor = narrow ? ImGuiTableColumnFlags_Disabled : 0;
    if (!ImGui::BeginTable("##papers", 7, flags)) return;
    ImGui::TableSetupScrollFreeze(0, 1);
    auto def = [&](SortKey k) { return app.sort.key == k ? ImGuiTableColumnFlags_DefaultSort : 0; };
    auto dir = [&](SortKey k) {
        return app.sort.key == k ? (app.sort.descending ? ImGuiTableColumnFlags_PreferSortDescending
                                                        : ImGuiTableColumnFlags_PreferSortAscending)
                                 : ImGuiTableColumnFlags_PreferSortDescending;
    };
    // Fixed columns as wide as their content (the sort arrow included); the title takes what is
    // left, sharing it with the first author (weight 1 : 0.3) so a narrow table (scale 2, a wide
    // detail pane) still gives the title most of its width. Both cut with "..." and show the
    // whole text on hover.
    const float arrow = ImGui::GetFontSize() * 1.1f;
    auto text_w = [](const char* t) { return ImGui::CalcTextSize(t).x; };
    ImGui::TableSetupColumn("Date", def(SortKey::Date) | dir(SortKey::Date), text_w("2024-12-31") + arrow * 0.5f, ColDate);
    ImGui::TableSetupColumn("Votes", def(SortKey::Votes) | dir(SortKey::Votes), text_w("Votes") + arrow, ColVotes);
    ImGui::TableSetupColumn("Pct", def(SortKey::Percentile) | dir(SortKey::Percentile) | minor, text_w("Pct") + arrow, ColPct);
    ImGui::TableSetupColumn("Marks", ImGuiTableColumnFlags_NoSort, 2.7f * em, ColMarks);
    ImGui::TableSetupColumn("Title", ImGuiTableColumnFlags_WidthStretch | def(SortKey::Title) |
                                         (app.sort.key == SortKey::Title ? dir(SortKey::Title) : ImGuiTableColumnFlags_PreferSortAscending),
                            1.0f, ColTitle);
    ImGui::TableSetupColumn("First author", ImGuiTableColumnFlags_NoSort | ImGuiTableColumnFlags_WidthStretch | minor, 0.3f, ColAuthor);
    ImGui::TableSetupColumn("#", ImGuiTableColumnFlags_NoSort | minor, text_w("999"), ColAuthors);
    ImGui::TableHeadersRow();
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Pct: vote percentile within the paper's day");
    sync_sort_specs(app);
    record_columns(app);

    int64_t scroll_row = -1;
    if (app.scroll_to_selected && app.selected >= 0) {
        auto it = std::find(app.result.begin(), app.result.end(), (uint32_t)app.selected);
        if (it != app.result.end()) scroll_row = it - app.result.begin();
    }

    // Rows are two lines in the two-line modes and when the query can match in summaries (room
    // for a snippet): the clipper needs one row height for all rows.
    bool snippets = false;
    for (const TextTerm& t : app.query.terms) snippets = snippets || term_applies(t, Field::Summary);
    const float line_h = ImGui::GetTextLineHeight();
    const bool two_lines = snippets || app.row_lines != RowLines::One;
    const float row_h = two_lines ? 2 * line_h + ImGui::GetStyle().ItemSpacing.y : 0.0f;

    ImGuiListClipper clipper;
    clipper.Begin((int)app.result.size());
    if (scroll_row >= 0) clipper.IncludeItemByIndex((int)scroll_row);
    char buf[64];
    while (clipper.Step()) {
        for (int row = clipper.DisplayStart; row < clipper.DisplayEnd; row++) {
            uint32_t ei = app.result[(size_t)row];
            const Entry& e = app.lib.entries[ei];
            const Paper& p = entry_paper(app.lib, e);
            ImGui::TableNextRow(ImGuiTableRowFlags_None, row_h > 0 ? row_h + 2 * ImGui::GetStyle().CellPadding.y : 0.0f);
            // Read papers are dimmed (the whole row).
            const TriageMark* mark = app_mark(app, ei);
            const bool dim = mark && mark->read;
            if (dim) ImGui::PushStyleVar(ImGuiStyleVar_Alpha, ImGui::GetStyle().Alpha * 0.5f);
            ImGui::TableSetColumnIndex(ColDate);
            ImGui::PushID((int)ei);
            bool selected = (int64_t)ei == app.selected;
            std::string date = format_date(e.date);
            if (ImGui::Selectable(date.empty() ? "-" : date.c_str(), selected,
                                  ImGuiSelectableFlags_SpanAllColumns, ImVec2(0, row_h))) {
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
            {
                // The title in the column's width: "..." where cut, the whole title on hover,
                // the query's matches marked; "x3" (listed on 3 days) kept visible after it.
                std::string_view title = get(p, p.title);
                char times[16] = "";
                if (e.appearance_count > 1) std::snprintf(times, sizeof times, "x%u", e.appearance_count);
                const float sp = ImGui::GetStyle().ItemSpacing.x;
                const float times_w = times[0] ? ImGui::CalcTextSize(times).x + sp : 0.0f;
                const float avail = ImGui::GetContentRegionAvail().x;
                // The second line: a summary match's snippet first (it says why the row is here),
                // else what the row mode asks for.
                const MatchRowCache::Row* mr = snippets ? &match_row(app, ei) : nullptr;
                const bool snippet_line = mr && !mr->snippet.text.empty();
                const std::vector<Span> spans = match_spans(app.query, Field::Title, title);
                const ImVec2 title_min = ImGui::GetCursorScreenPos();
                const bool cut = app.row_lines == RowLines::Title && !snippet_line
                                     ? marked_two_lines(title, spans, avail - times_w)
                                     : marked_line(title, spans, avail - times_w);
                if (cut && ImGui::IsWindowHovered() && ImGui::IsMouseHoveringRect(title_min, ImGui::GetItemRectMax()))
                    text_tooltip(title);
                if (times[0]) {
                    ImGui::SameLine(0, sp);
                    ImGui::TextDisabled("%s", times);
                }
                if (snippet_line) {
                    const bool snip_cut = marked_line(mr->snippet.text, {mr->snippet.mark}, avail, muted_color());
                    if (snip_cut && mouse_over_last_item()) text_tooltip(mr->snippet.text);
                } else if (app.row_lines == RowLines::Summary) {
                    const std::string& line = summary_line(app, ei);
                    if (!line.empty() && marked_line(line, match_spans(app.query, Field::Summary, line), avail, muted_color()) &&
                        mouse_over_last_item())
                        text_tooltip(line);
                }
            }
            if (ImGui::TableSetColumnIndex(ColAuthor) && !p.authors.empty()) {
                std::string_view a = get(p, p.authors[0]);
                if (marked_line(a, match_spans(app.query, Field::Author, a), ImGui::GetContentRegionAvail().x) && mouse_over_last_item())
                    text_tooltip(a);
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
