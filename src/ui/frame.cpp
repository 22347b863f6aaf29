// One frame of the viewer: the three-pane layout (library | papers or day | detail) under the top
// bar, a status bar, the floating windows (charts, diagnostics, help) and the path dialogs.
#include <algorithm>

#include "app.h"
#include "imgui.h"
#include "panels.h"
#include "path_dialog.h"

namespace dv {

void app_frame(App& app) {
    app_build_deferred_index(app);
    ImGuiStyle& style = ImGui::GetStyle();
    if (style.FontSizeBase != app.font_size) style.FontSizeBase = app.font_size;
    ImGui::PushFont(nullptr, app.font_size);

    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(vp->WorkPos);
    ImGui::SetNextWindowSize(vp->WorkSize);
    // Not NoSavedSettings: tables inherit it from their root window, and the papers table's
    // columns are kept (app_view_settings_json). Position and size are set every frame anyway.
    ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize |
                             ImGuiWindowFlags_NoBringToFrontOnFocus;
    ImGui::Begin("##digest-viewer", nullptr, flags);

    handle_shortcuts(app);
    app_triage_frame(app, ImGui::GetTime());
    app_update_result(app);
    panel_top_bar(app);

    const float status_h = ImGui::GetFrameHeight() + style.ItemSpacing.y;
    ImVec2 avail = ImGui::GetContentRegionAvail();
    const float h = std::max(50.0f, avail.y - status_h);
    if (app.lib.files.empty() && app.lib.entries.empty()) {
        ImGui::BeginChild("##drop", ImVec2(avail.x, h));
        panel_drop_zone(app);
        ImGui::EndChild();
    } else {
        const float em = ImGui::GetFontSize();
        const bool narrow = avail.x < 62 * em;
        float left_w = narrow ? 0.0f : std::clamp(avail.x * 0.17f, 15 * em, 21 * em);
        float right_w = std::clamp(avail.x * 0.31f, 20 * em, 46 * em);
        if (narrow) right_w = std::max(avail.x * 0.42f, 14 * em);
        float mid_w = avail.x - left_w - right_w - style.ItemSpacing.x * (narrow ? 1 : 2);
        if (left_w > 0) {
            ImGui::BeginChild("##library", ImVec2(left_w, h), ImGuiChildFlags_Borders);
            panel_library(app);
            ImGui::EndChild();
            ImGui::SameLine();
        }
        ImGui::BeginChild("##papers", ImVec2(mid_w, h), ImGuiChildFlags_None);
        if (app.mode == ViewMode::Day) panel_day(app);
        else if (app.mode == ViewMode::Period) panel_period(app);
        else panel_papers(app);
        ImGui::EndChild();
        ImGui::SameLine();
        ImGui::BeginChild("##detail", ImVec2(right_w, h), ImGuiChildFlags_Borders);
        panel_detail(app);
        ImGui::EndChild();
    }
    panel_status_bar(app);
    ImGui::End();

    if (app.show_charts) panel_charts(app);
    else app.charts.regions.clear();
    if (app.show_diagnostics) panel_diagnostics(app);
    if (app.show_help) panel_help(app);
    panel_fetch(app);
    panel_path_dialog(app);
    ImGui::PopFont();
    app_sync_location(app);  // the URL / remembered view follows what this frame changed
    // Column widths, order, visibility (ImGui says when, at most once per IniSavingRate) and the
    // row mode go to the platform to keep.
    ImGuiIO& io = ImGui::GetIO();
    if (io.WantSaveIniSettings || app.view_settings_dirty) {
        if (app.host.view_settings_changed) app.host.view_settings_changed(app_view_settings_json(app));
        io.WantSaveIniSettings = false;
        app.view_settings_dirty = false;
    }
}

}  // namespace dv
