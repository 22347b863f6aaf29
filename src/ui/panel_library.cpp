// The left pane: what is loaded (files, papers, days), problems found, and the sort order.
#include <cstdio>
#include <algorithm>
#include <cstring>
#include <string>
#include <vector>

#include "app.h"
#include "core/date.h"
#include "core/export.h"
#include "imgui.h"
#include "imgui_stdlib.h"
#include "panels.h"
#include "widgets.h"

namespace dv {

// Saved searches and the reader's marks: counts, "new since last visit", export and import of the
// triage file, reading lists of the starred papers.
static void triage_section(App& app) {
    const float em = ImGui::GetFontSize();
    ImGui::SeparatorText("Saved searches");
    std::string& new_name = app.inputs.saved_new_name;
    int& renaming = app.inputs.saved_renaming;
    std::string& rename_to = app.inputs.saved_rename_to;
    int remove = -1;
    for (size_t i = 0; i < app.triage.saved.size(); i++) {
        const SavedSearch& s = app.triage.saved[i];
        ImGui::PushID((int)i);
        if (ImGui::SmallButton("x")) remove = (int)i;
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("Delete this saved search");
        ImGui::SameLine();
        if ((int)i == renaming) {
            ImGui::SetNextItemWidth(-1);
            ImGui::SetKeyboardFocusHere();
            if (ImGui::InputText("##rename", &rename_to, ImGuiInputTextFlags_EnterReturnsTrue)) {
                app_rename_saved(app, i, rename_to);
                renaming = -1;
            }
            if (ImGui::IsKeyPressed(ImGuiKey_Escape)) renaming = -1;
        } else {
            const bool current = s.query == app.query_text;
            if (ImGui::Selectable(s.name.c_str(), current)) app_apply_saved(app, s);
            if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s\nsort: %s\nDouble-click to rename; the address is the link to share",
                                                          s.query.empty() ? "(everything)" : s.query.c_str(), s.sort.c_str());
            if (ImGui::IsItemHovered() && ImGui::IsMouseDoubleClicked(0)) {
                renaming = (int)i;
                rename_to = s.name;
            }
        }
        ImGui::PopID();
    }
    if (remove >= 0) app_remove_saved(app, (size_t)remove);
    ImGui::SetNextItemWidth(-4.2f * em);
    bool save = ImGui::InputTextWithHint("##savename", "name this search", &new_name, ImGuiInputTextFlags_EnterReturnsTrue);
    ImGui::SameLine();
    ImGui::BeginDisabled(new_name.empty());
    save = ImGui::Button("Save", ImVec2(-1, 0)) || save;
    ImGui::EndDisabled();
    if (save && !new_name.empty()) {
        app_save_search(app, new_name);
        new_name.clear();
    }

    ImGui::SeparatorText("Your marks");
    size_t starred = 0, read = 0, hidden = 0, notes = 0, fresh = 0;
    for (const auto& kv : app.triage.papers) {
        starred += kv.second.starred;
        read += kv.second.read;
        hidden += kv.second.hidden;
        notes += !kv.second.note.empty();
    }
    for (uint8_t b : app.triage_ctx.is_new) fresh += b;
    auto query_link = [&](const char* label, size_t n, const char* query) {
        char buf[96];
        std::snprintf(buf, sizeof buf, "%s %s", format_count(n).c_str(), label);
        if (n == 1 && std::strcmp(label, "notes") == 0) std::snprintf(buf, sizeof buf, "1 note");
        if (ImGui::SmallButton(buf)) {
            app.query_text = query;
            app.query_dirty = true;
        }
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("Search %s", query);
    };
    query_link("starred", starred, "is:starred");
    ImGui::SameLine();
    query_link("read", read, "is:read");
    query_link("notes", notes, "has:note");
    ImGui::SameLine();
    query_link("hidden", hidden, "is:hidden");
    if (fresh > 0) query_link("new since last visit", fresh, "is:new");
    else ImGui::TextDisabled(app.previous_visit.last_visit ? "nothing new since your last visit" : "first visit: nothing is new yet");
    if (!app.triage_storage_error.empty()) {
        ImGui::PushTextWrapPos(0.0f);
        ImGui::TextColored(app.dark ? ImVec4(0.98f, 0.70f, 0.35f, 1.0f) : ImVec4(0.62f, 0.28f, 0.0f, 1.0f),
                           "Not stored (%s): export your marks to keep them.", app.triage_storage_error.c_str());
        ImGui::PopTextWrapPos();
    }
    if (app.host.save_file) {
        if (ImGui::Button("Export marks"))
            app.host.save_file("digest-viewer-triage.json", "application/json", triage_to_json(app.triage));
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("Stars, read, hidden, notes and saved searches as one JSON file");
    }
    if (app.host.request_open_files) {
        ImGui::SameLine();
        if (ImGui::Button("Import")) app.host.request_open_files();
        if (ImGui::IsItemHovered())
            ImGui::SetTooltip("Open (or drop) an exported triage .json: it is merged, the later change of each mark winning");
    }
    if (app.host.save_file) {
        ImGui::BeginDisabled(starred == 0);
        ImGui::TextDisabled("Starred:");
        ImGui::SameLine();
        if (ImGui::SmallButton("BibTeX")) app.host.save_file("digest-starred.bib", "application/x-bibtex", app_starred_bibtex(app));
        ImGui::SameLine();
        if (ImGui::SmallButton("Reading list")) app.host.save_file("digest-starred.md", "text/markdown", app_starred_markdown(app));
        ImGui::EndDisabled();
    }
    bool on_view = app.triage.mark_read_on_view;
    if (ImGui::Checkbox("Mark read when viewed", &on_view)) app_set_mark_read_on_view(app, on_view);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Selecting a paper for a moment, or opening its link, marks it read");
}

static const char* const kMonthNames[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                          "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

// A small "x" at the right edge of the row: removes what the row stands for.
static bool remove_button(const char* tip) {
    const float w = ImGui::CalcTextSize("x").x + ImGui::GetStyle().FramePadding.x * 2;
    ImGui::SameLine();
    const float room = ImGui::GetContentRegionAvail().x;
    if (room > w) ImGui::SetCursorPosX(ImGui::GetCursorPosX() + room - w);
    // Quiet until pointed at: a column of buttons would outweigh the names.
    ImGui::PushStyleColor(ImGuiCol_Button, ImVec4(0, 0, 0, 0));
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    const bool hit = ImGui::SmallButton("x");
    ImGui::PopStyleColor(2);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tip);
    return hit;
}

// One file: its day and paper count; the whole name, format and size on hover.
static void file_row(App& app, const FileTree& t, uint32_t i, int& remove) {
    const LoadedFile& f = app.lib.files[i];
    ImGui::PushID((int)i);
    const int32_t d = t.dates[i];
    char label[48];
    if (d == kNoDate) std::snprintf(label, sizeof label, "undated");
    else {
        int y;
        unsigned m, day;
        civil_from_days(d, y, m, day);
        std::snprintf(label, sizeof label, "%02u %s", day, weekday_name(weekday(d)));
    }
    const bool warned = std::any_of(f.diagnostics.begin(), f.diagnostics.end(),
                                    [](const Diagnostic& x) { return x.severity != Severity::Info; });
    ImGui::Indent();
    ImGui::TextUnformatted(label);
    if (ImGui::IsItemHovered()) {
        ImGui::SetTooltip("%s\n%s, %zu papers, %s bytes%s", f.name.c_str(), f.format.empty() ? "?" : f.format.c_str(),
                          f.papers.size(), format_count(f.bytes).c_str(), warned ? "\nhas warnings: see the diagnostics" : "");
    }
    ImGui::SameLine();
    ImGui::TextDisabled("%zu", f.papers.size());
    if (warned) {
        ImGui::SameLine();
        ImGui::TextColored(ImVec4(0.95f, 0.65f, 0.2f, 1), "!");
    }
    ImGui::Unindent();
    if (remove_button("Remove this file from the viewer")) remove = (int)i;
    ImGui::PopID();
}

// The Files section: by source folder, then year and month, newest first (core/file_tree.h).
// A month or a whole source is removed at once (after a question); sources with diagnostics are
// marked and open the diagnostics list on a click.
static void files_tree(App& app) {
    const FileTree& t = app_file_tree(app);
    ImGui::BeginChild("##files");
    int remove = -1;
    std::vector<std::string> group;
    std::string group_what;
    bool first_month = true;
    for (size_t si = 0; si < t.sources.size(); si++) {
        const FileTreeSource& src = t.sources[si];
        ImGui::PushID(src.key.c_str());
        ImGui::SetNextItemOpen(true, ImGuiCond_Once);
        const bool open = ImGui::TreeNodeEx("##src", ImGuiTreeNodeFlags_SpanAvailWidth);
        const bool hovered = ImGui::IsItemHovered();
        // The name cut with "..." so the count, the mark and the button keep their places.
        char count[32];
        std::snprintf(count, sizeof count, "%zu", src.files);
        const float reserve = ImGui::CalcTextSize(count).x + ((src.errors || src.warnings) ? 4.0f : 2.6f) * ImGui::GetFontSize();
        ImGui::SameLine(0, 0);
        marked_line(src.label, {}, ImGui::GetContentRegionAvail().x - reserve);
        if (hovered || ImGui::IsItemHovered())
            ImGui::SetTooltip("%s\n%zu files, %zu papers", src.key.empty() ? "files dropped on their own" : src.key.c_str(),
                              src.files, src.papers);
        ImGui::SameLine();
        ImGui::TextDisabled("%s", count);
        if (src.errors || src.warnings) {
            ImGui::SameLine();
            ImGui::TextColored(src.errors ? ImVec4(0.95f, 0.35f, 0.3f, 1) : ImVec4(0.95f, 0.65f, 0.2f, 1), "!%zu",
                               src.errors + src.warnings);
            if (ImGui::IsItemHovered())
                ImGui::SetTooltip("%zu errors, %zu warnings: click for the diagnostics", src.errors, src.warnings);
            if (ImGui::IsItemClicked()) app.show_diagnostics = true;
        }
        if (src.files && remove_button("Remove every file of this source")) {
            group = file_tree_names(app.lib, src);
            group_what = src.label;
        }
        if (open) {
            int year = -1;
            bool year_open = false;
            for (size_t mi = 0; mi < src.months.size(); mi++) {
                const FileTreeMonth& m = src.months[mi];
                if (m.year != year) {
                    if (year_open) ImGui::TreePop();
                    year = m.year;
                    ImGui::SetNextItemOpen(mi == 0, ImGuiCond_Once);
                    year_open = ImGui::TreeNodeEx((void*)(intptr_t)(year + 1), ImGuiTreeNodeFlags_SpanAvailWidth, "%s",
                                                  year ? std::to_string(year).c_str() : "undated");
                }
                if (!year_open) continue;
                ImGui::PushID((int)mi);
                ImGui::SetNextItemOpen(first_month && mi == 0, ImGuiCond_Once);
                const bool mopen = m.month ? ImGui::TreeNodeEx("##m", ImGuiTreeNodeFlags_SpanAvailWidth, "%s", kMonthNames[m.month - 1])
                                           : ImGui::TreeNodeEx("##m", ImGuiTreeNodeFlags_SpanAvailWidth, "no date");
                ImGui::SameLine();
                ImGui::TextDisabled("%zu · %s", m.files.size(), format_count(m.papers).c_str());
                char what[64];
                if (m.month) std::snprintf(what, sizeof what, "%s %04d-%02d", src.label.c_str(), m.year, m.month);
                else std::snprintf(what, sizeof what, "%s, undated", src.label.c_str());
                if (remove_button("Remove this month's files")) {
                    group = file_tree_names(app.lib, m);
                    group_what = what;
                }
                if (mopen) {
                    for (uint32_t f : m.files) file_row(app, t, f, remove);
                    ImGui::TreePop();
                }
                ImGui::PopID();
            }
            if (year_open) ImGui::TreePop();
            ImGui::TreePop();
        }
        first_month = false;
        ImGui::PopID();
    }
    ImGui::EndChild();
    if (remove >= 0) app_remove_files(app, {app.lib.files[(size_t)remove].name}, "");
    if (!group.empty()) {
        app.inputs.remove_names = std::move(group);
        app.inputs.remove_what = std::move(group_what);
        ImGui::OpenPopup("Remove files?");
    }
    if (ImGui::BeginPopupModal("Remove files?", nullptr, ImGuiWindowFlags_AlwaysAutoResize)) {
        ImGui::Text("Remove the %zu files of %s from the viewer?", app.inputs.remove_names.size(), app.inputs.remove_what.c_str());
        ImGui::TextDisabled("Your files on disk are not touched.");
        if (ImGui::Button("Remove") || ImGui::IsKeyPressed(ImGuiKey_Enter)) {
            app_remove_files(app, app.inputs.remove_names, app.inputs.remove_what);
            app.inputs.remove_names.clear();
            ImGui::CloseCurrentPopup();
        }
        ImGui::SameLine();
        if (ImGui::Button("Cancel") || ImGui::IsKeyPressed(ImGuiKey_Escape)) {
            app.inputs.remove_names.clear();
            ImGui::CloseCurrentPopup();
        }
        ImGui::EndPopup();
    }
}

void panel_library(App& app) {
    const float em = ImGui::GetFontSize();
    ImGui::PushFont(app.fonts.bold, 0.0f);
    ImGui::TextUnformatted("Library");
    ImGui::PopFont();
    ImGui::Text("%s papers", format_count(app.lib.entries.size()).c_str());
    ImGui::TextDisabled("%s files, %s days", format_count(app.lib.files.size()).c_str(),
                        format_count(app.lib.days.size()).c_str());
    if (app.lib.total_listed != app.lib.entries.size())
        ImGui::TextDisabled("%s listings (repeats merged)", format_count(app.lib.total_listed).c_str());

    size_t problems = 0;
    for (const Diagnostic& d : library_diagnostics(app.lib)) problems += d.severity != Severity::Info;
    if (problems > 0) {
        ImGui::PushStyleColor(ImGuiCol_Text, app.dark ? ImVec4(0.98f, 0.70f, 0.35f, 1.0f) : ImVec4(0.62f, 0.28f, 0.0f, 1.0f));
        char label[64];
        std::snprintf(label, sizeof label, "%zu diagnostic%s", problems, problems == 1 ? "" : "s");
        if (ImGui::SmallButton(label)) app.show_diagnostics = true;
        ImGui::PopStyleColor();
    } else {
        ImGui::TextDisabled("no problems found");
    }
    ImGui::Spacing();
    if (app.host.request_open_files && ImGui::Button("Open files")) app.host.request_open_files();
    if (app.host.request_open_folder) {
        ImGui::SameLine();
        if (ImGui::Button("Open folder")) app.host.request_open_folder();
    }

    ImGui::SeparatorText("Sort");
    static const char* kSortNames[] = {"Date", "Votes", "Title", "Percentile"};
    int key = (int)app.sort.key;
    ImGui::SetNextItemWidth(-4.5f * em);
    if (ImGui::Combo("##sortkey", &key, kSortNames, 4)) {
        app.sort.key = (SortKey)key;
        app.query_dirty = true;
    }
    ImGui::SameLine();
    if (ImGui::Button(app.sort.descending ? "desc" : "asc", ImVec2(-1, 0))) {
        app.sort.descending = !app.sort.descending;
        app.query_dirty = true;
    }

    if (app.host.save_file) {
        ImGui::SeparatorText("Export result");
        // The current result (query, filters, sort) in the same formats as `digest-cli export`.
        // The host reports where it went (a download, or a file after a save dialog).
        if (ImGui::Button("JSON")) {
            app.host.save_file("digest-papers.json", "application/json",
                               export_json(app.lib, app.result, library_diagnostics(app.lib)));
        }
        ImGui::SameLine();
        if (ImGui::Button("CSV")) {
            app.host.save_file("digest-papers.csv", "text/csv", export_csv(app.lib, app.result));
        }
        ImGui::SameLine();
        if (ImGui::Button("Markdown")) {
            app.host.save_file("digest-papers.md", "text/markdown", export_markdown(app.lib, app.result));
        }
    }

    triage_section(app);
    // Get from Hugging Face (issue 11), below the export buttons so those keep their place.
    hf_fetch_controls(app, "Hugging Face");

    ImGui::SeparatorText("Files");
    if (ImGui::SmallButton("Clear all")) ImGui::OpenPopup("Clear the library?");
    if (ImGui::BeginPopupModal("Clear the library?", nullptr, ImGuiWindowFlags_AlwaysAutoResize)) {
        ImGui::Text("Remove all %zu files from the viewer?", app.lib.files.size());
        ImGui::TextDisabled("Your files on disk are not touched.");
        if (ImGui::Button("Remove all") || ImGui::IsKeyPressed(ImGuiKey_Enter)) {
            app_begin_change(app);
            library_clear(app.lib);
            app_finish_load(app);
            app.selected = -1;
            app_set_status(app, "Library cleared");
            ImGui::CloseCurrentPopup();
        }
        ImGui::SameLine();
        if (ImGui::Button("Cancel") || ImGui::IsKeyPressed(ImGuiKey_Escape)) ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
    }
    files_tree(app);
}

}  // namespace dv
