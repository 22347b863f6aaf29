// Small panels: the first-visit drop zone, the status bar, diagnostics and help windows.
#include <algorithm>
#include <cstdio>
#include <string>

#include "app.h"
#include "imgui.h"
#include "panels.h"
#include "widgets.h"

namespace dv {

void panel_drop_zone(App& app) {
    const float em = ImGui::GetFontSize();
    ImVec2 avail = ImGui::GetContentRegionAvail();
    ImVec2 size(std::min(avail.x - 2 * em, 46 * em), std::min(avail.y - 2 * em, 22 * em));
    ImVec2 p0 = ImGui::GetCursorScreenPos();
    p0.x += (avail.x - size.x) * 0.5f;
    p0.y += std::max(em, (avail.y - size.y) * 0.35f);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    ImU32 border = ImGui::GetColorU32(ImGuiCol_Border);
    // Dashed outline: the universal sign of "drop here".
    const float dash = 0.8f * em, r = 0.6f * em;
    ImVec2 p1(p0.x + size.x, p0.y + size.y);
    for (float x = p0.x + r; x < p1.x - r; x += dash * 2) {
        dl->AddLine(ImVec2(x, p0.y), ImVec2(std::min(x + dash, p1.x - r), p0.y), border, 2.0f);
        dl->AddLine(ImVec2(x, p1.y), ImVec2(std::min(x + dash, p1.x - r), p1.y), border, 2.0f);
    }
    for (float y = p0.y + r; y < p1.y - r; y += dash * 2) {
        dl->AddLine(ImVec2(p0.x, y), ImVec2(p0.x, std::min(y + dash, p1.y - r)), border, 2.0f);
        dl->AddLine(ImVec2(p1.x, y), ImVec2(p1.x, std::min(y + dash, p1.y - r)), border, 2.0f);
    }
    ImGui::SetCursorScreenPos(ImVec2(p0.x + 2 * em, p0.y + 2 * em));
    ImGui::BeginGroup();
    ImGui::PushFont(app.fonts.bold, app.font_size * 1.6f);
    ImGui::TextUnformatted("Drop Daily Papers digests here");
    ImGui::PopFont();
    ImGui::Spacing();
    ImGui::PushTextWrapPos(p1.x - 2 * em);
    ImGui::TextDisabled("Markdown digests from any producer (headings, tables, <details> lists; Korean, Chinese, "
                        "English...), Hugging Face's daily JSON, or whole folders of them. Everything stays on this "
                        "machine: nothing is uploaded.");
    if (std::string(app.host.platform_name) == "web")
        ImGui::TextDisabled("This browser keeps what you load for your next visit; 'Clear all' forgets it.");
    ImGui::PopTextWrapPos();
    ImGui::Spacing();
    ImGui::Spacing();
    if (app.host.request_open_files && ImGui::Button("Open files")) app.host.request_open_files();
    if (app.host.request_open_folder) {
        ImGui::SameLine();
        if (ImGui::Button("Open folder")) app.host.request_open_folder();
    }
    ImGui::SameLine();
    if (ImGui::Button("Try the sample")) app_load_sample(app);
    hf_fetch_controls(app);  // Get from Hugging Face (issue 11)
    ImGui::Spacing();
    ImGui::Spacing();
    ImGui::TextDisabled("Then:  /  search    j k  move    Enter  open    [ ]  days    C  charts    ?  help");
    ImGui::EndGroup();
}

// A load running over many frames: files and bytes so far, and Cancel (Esc).
static void load_progress_bar(App& app) {
    const LoadProgress& l = app.loading;
    const float em = ImGui::GetFontSize();
    const float frac = l.bytes_total ? float(double(l.bytes_done) / double(l.bytes_total))
                                     : l.files_total ? float(l.files_done) / float(l.files_total) : 0.0f;
    char label[96];
    std::snprintf(label, sizeof label, "%s of %s files", format_count(l.files_done).c_str(), format_count(l.files_total).c_str());
    ImGui::ProgressBar(frac, ImVec2(16 * em, 0), label);
    ImGui::SameLine();
    ImGui::TextDisabled("%.1f of %.1f MB", double(l.bytes_done) / (1 << 20), double(l.bytes_total) / (1 << 20));
    if (app.host.cancel_load) {
        ImGui::SameLine();
        ImGui::BeginDisabled(l.cancel_requested);
        if (ImGui::SmallButton(l.cancel_requested ? "Cancelling..." : "Cancel (Esc)")) app_cancel_load(app);
        ImGui::EndDisabled();
    }
}

void panel_status_bar(App& app) {
    ImGui::Separator();
    if (app.loading.active) {
        load_progress_bar(app);
    } else if (!app.status.empty()) {
        ImGui::TextUnformatted(app.status.c_str());
    } else if (!app.lib.entries.empty()) {
        ImGui::TextDisabled("Ready");
    } else {
        ImGui::TextDisabled("No digests loaded");
    }
    char buf[96];
    std::snprintf(buf, sizeof buf, "query %.2f ms   %s", app.last_query_ms, app.host.platform_name);
    // The list's row mode, beside the figures: a view setting, not a filter.
    static const char* const kRows[] = {"rows: 1 line", "rows: 2-line title", "rows: title + summary"};
    const char* rows = kRows[(int)app.row_lines];
    const bool list = app.mode == ViewMode::List && !app.lib.entries.empty();
    const float rows_w = list ? ImGui::CalcTextSize(rows).x + ImGui::GetStyle().FramePadding.x * 2 + ImGui::GetFontSize() : 0.0f;
    float w = ImGui::CalcTextSize(buf).x + rows_w;
    ImGui::SameLine();
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() + std::max(0.0f, ImGui::GetContentRegionAvail().x - w));
    if (list) {
        if (ImGui::SmallButton(rows)) cycle_row_lines(app);
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("One line, the title on two lines, or the title and its summary's first line (V)");
        ImGui::SameLine(0, ImGui::GetFontSize());
    }
    ImGui::TextDisabled("%s", buf);
}

void panel_diagnostics(App& app) {
    const float em = ImGui::GetFontSize();
    ImGui::SetNextWindowSize(ImVec2(48 * em, 24 * em), ImGuiCond_FirstUseEver);
    if (!ImGui::Begin("Diagnostics", &app.show_diagnostics)) {
        ImGui::End();
        return;
    }
    std::vector<Diagnostic> diags = library_diagnostics(app.lib);
    ImGui::TextDisabled("%zu messages about the loaded and rejected files. Nothing here stops the rest from loading.",
                        diags.size());
    if (ImGui::BeginTable("##diags", 3, ImGuiTableFlags_ScrollY | ImGuiTableFlags_RowBg | ImGuiTableFlags_Resizable |
                                             ImGuiTableFlags_BordersInnerV)) {
        ImGui::TableSetupScrollFreeze(0, 1);
        ImGui::TableSetupColumn("Where", ImGuiTableColumnFlags_WidthFixed, 16 * em);
        ImGui::TableSetupColumn("Level", ImGuiTableColumnFlags_WidthFixed, 4.5f * em);
        ImGui::TableSetupColumn("Message", ImGuiTableColumnFlags_WidthStretch);
        ImGui::TableHeadersRow();
        ImGuiListClipper clipper;
        clipper.Begin((int)diags.size());
        while (clipper.Step()) {
            for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; i++) {
                const Diagnostic& d = diags[(size_t)i];
                ImGui::TableNextRow();
                ImGui::TableNextColumn();
                if (d.line) ImGui::Text("%s:%u", d.source.c_str(), d.line);
                else ImGui::TextUnformatted(d.source.c_str());
                ImGui::TableNextColumn();
                ImVec4 col = d.severity == Severity::Error ? ImVec4(1, 0.4f, 0.4f, 1)
                           : d.severity == Severity::Warning ? ImVec4(0.95f, 0.65f, 0.3f, 1)
                                                             : ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled);
                ImGui::TextColored(col, "%s", severity_name(d.severity));
                ImGui::TableNextColumn();
                ImGui::PushTextWrapPos(0.0f);
                ImGui::TextUnformatted(d.message.c_str());
                ImGui::PopTextWrapPos();
            }
        }
        ImGui::EndTable();
    }
    ImGui::End();
}

void panel_help(App& app) {
    const float em = ImGui::GetFontSize();
    // Wide enough for every line at once where the screen allows; descriptions wrap otherwise.
    ImGui::SetNextWindowSize(ImVec2(std::min(46 * em, ImGui::GetMainViewport()->WorkSize.x * 0.9f), 0), ImGuiCond_Appearing);
    ImGui::SetNextWindowPos(ImGui::GetMainViewport()->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    if (!ImGui::Begin("Keyboard shortcuts", &app.show_help, ImGuiWindowFlags_NoCollapse)) {
        ImGui::End();
        return;
    }
    static const char* keys[][2] = {
        {"/", "focus the search box"},
        {"Esc", "cancel a long load, clear the search, close a window"},
        {"Enter (in search)", "go to the results"},
        {"j / k, Down / Up", "next / previous paper"},
        {"PageDown / PageUp", "ten papers down / up"},
        {"Enter", "show the selected paper"},
        {"L / D / T", "list view / day view / top view"},
        {"[ / ]  or  Left / Right", "previous / next day (day view), week or month (top view)"},
        {"T", "top view: a week's or a month's papers ranked by votes"},
        {"V", "list rows: one line / the title on two lines / title + summary"},
        {"W / M", "week / month (top view; the trend chart while the charts are open)"},
        {"C", "charts"},
        {"R (charts open)", "type a term to compare in the trend chart"},
        {"G", "get the latest days from Hugging Face (Esc cancels)"},
        {"S / X / H", "star / read-unread / hide the selected paper"},
        {"N", "edit its note (Esc closes; nothing typed is lost)"},
        {"Ctrl + = / Ctrl + -", "bigger / smaller text"},
        {"Ctrl + 0", "reset text size"},
        {"?", "this help"},
    };
    if (ImGui::BeginTable("##keys", 2, ImGuiTableFlags_RowBg)) {
        ImGui::TableSetupColumn("key", ImGuiTableColumnFlags_WidthFixed, 12 * em);
        for (auto& k : keys) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::PushFont(app.fonts.bold, 0.0f);
            ImGui::TextUnformatted(k[0]);
            ImGui::PopFont();
            ImGui::TableNextColumn();
            ImGui::TextWrapped("%s", k[1]);
        }
        ImGui::EndTable();
    }
    ImGui::TextDisabled("Search syntax: hover the search box.");
    if (app.host.hf_start) {
        // The setting that turns the feature off entirely: no button, no shortcut, no request.
        ImGui::SeparatorText("Settings");
        if (ImGui::Checkbox("Get from Hugging Face (G)", &app.hf.enabled) && app.host.hf_settings_changed)
            app.host.hf_settings_changed();
        ImGui::TextDisabled("Off: nothing is ever requested from %s.", app.hf.base.c_str());
    }
    ImGui::End();
}

}  // namespace dv
