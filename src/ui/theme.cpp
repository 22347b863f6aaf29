// Dark and light themes: calm, dense, readable. Colours are chosen for contrast of body text
// (Korean strokes are thin) rather than for decoration.
#include "app.h"
#include "imgui.h"

namespace dv {

void app_apply_theme(App& app) {
    ImGuiStyle& style = ImGui::GetStyle();
    const float main = style.FontScaleMain;
    style = ImGuiStyle();
    style.FontScaleDpi = app.ui_scale;  // glyphs rasterized at device resolution: crisp on high-DPI
    style.FontScaleMain = main;
    if (app.dark) {
        ImGui::StyleColorsDark(&style);
        ImVec4* c = style.Colors;
        c[ImGuiCol_WindowBg] = ImVec4(0.09f, 0.10f, 0.12f, 1.00f);
        c[ImGuiCol_ChildBg] = ImVec4(0.09f, 0.10f, 0.12f, 1.00f);
        c[ImGuiCol_PopupBg] = ImVec4(0.12f, 0.13f, 0.16f, 0.98f);
        c[ImGuiCol_Text] = ImVec4(0.90f, 0.91f, 0.93f, 1.00f);
        c[ImGuiCol_TextDisabled] = ImVec4(0.55f, 0.58f, 0.63f, 1.00f);
        c[ImGuiCol_FrameBg] = ImVec4(0.15f, 0.16f, 0.19f, 1.00f);
        c[ImGuiCol_FrameBgHovered] = ImVec4(0.20f, 0.22f, 0.26f, 1.00f);
        c[ImGuiCol_Header] = ImVec4(0.20f, 0.32f, 0.52f, 0.70f);
        c[ImGuiCol_HeaderHovered] = ImVec4(0.24f, 0.36f, 0.56f, 0.60f);
        c[ImGuiCol_TableRowBgAlt] = ImVec4(1.00f, 1.00f, 1.00f, 0.025f);
        c[ImGuiCol_TextLink] = ImVec4(0.45f, 0.68f, 1.00f, 1.00f);
    } else {
        ImGui::StyleColorsLight(&style);
        ImVec4* c = style.Colors;
        c[ImGuiCol_WindowBg] = ImVec4(0.98f, 0.98f, 0.99f, 1.00f);
        c[ImGuiCol_ChildBg] = ImVec4(0.98f, 0.98f, 0.99f, 1.00f);
        c[ImGuiCol_Text] = ImVec4(0.10f, 0.11f, 0.13f, 1.00f);
        c[ImGuiCol_TextDisabled] = ImVec4(0.42f, 0.45f, 0.50f, 1.00f);
        c[ImGuiCol_FrameBg] = ImVec4(0.92f, 0.93f, 0.95f, 1.00f);
        c[ImGuiCol_Header] = ImVec4(0.62f, 0.75f, 0.96f, 0.60f);
        c[ImGuiCol_TableRowBgAlt] = ImVec4(0.00f, 0.00f, 0.00f, 0.025f);
        c[ImGuiCol_TextLink] = ImVec4(0.05f, 0.35f, 0.80f, 1.00f);
    }
    style.WindowRounding = 0.0f;
    style.ChildRounding = 0.0f;
    style.FrameRounding = 4.0f;
    style.GrabRounding = 4.0f;
    style.PopupRounding = 4.0f;
    style.FramePadding = ImVec2(7, 4);
    style.ItemSpacing = ImVec2(8, 5);
    style.CellPadding = ImVec2(6, 3);
    style.WindowPadding = ImVec2(10, 8);
    style.ScrollbarSize = 12.0f;
    style.WindowBorderSize = 0.0f;
    style.FontSizeBase = app.font_size;
    if (app.ui_scale != 1.0f) style.ScaleAllSizes(app.ui_scale);
}

}  // namespace dv
