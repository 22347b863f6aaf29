// The left pane: what is loaded (files, papers, days), problems found, and the sort order.
#include <cstdio>

#include "app.h"
#include "core/export.h"
#include "imgui.h"
#include "panels.h"
#include "widgets.h"

namespace dv {

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
    ImGui::BeginChild("##files");
    int remove = -1;
    ImGuiListClipper clipper;
    clipper.Begin((int)app.lib.files.size());
    while (clipper.Step()) {
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; i++) {
            const LoadedFile& f = app.lib.files[(size_t)i];
            ImGui::PushID(i);
            if (ImGui::SmallButton("x")) remove = i;
            if (ImGui::IsItemHovered()) ImGui::SetTooltip("Remove %s", f.name.c_str());
            ImGui::SameLine();
            // Show the tail of long paths: the date part is what tells files apart.
            std::string name = f.name;
            if (name.size() > 28) name = "..." + name.substr(name.size() - 25);
            ImGui::Text("%s", name.c_str());
            if (ImGui::IsItemHovered())
                ImGui::SetTooltip("%s\n%zu papers, %zu bytes", f.name.c_str(), f.papers.size(), f.bytes);
            ImGui::SameLine();
            ImGui::TextDisabled("%zu", f.papers.size());
            ImGui::PopID();
        }
    }
    ImGui::EndChild();
    if (remove >= 0) {
        std::string name = app.lib.files[(size_t)remove].name;
        app_begin_change(app);
        library_drop(app.lib, name);
        app_finish_load(app);  // the one rebuild
        app_set_status(app, "Removed " + name);
    }
}

}  // namespace dv
