#include "chart_draw.h"

#include <algorithm>
#include <cmath>
#include <cstdint>

#include "widgets.h"

namespace dv::chart {

static ImU32 with_alpha(ImVec4 c, float a) {
    c.w *= a;
    return ImGui::GetColorU32(c);
}

Palette palette() {
    Palette p;
    const ImVec4 accent = ImGui::GetStyleColorVec4(ImGuiCol_TextLink);
    const ImVec4 text = ImGui::GetStyleColorVec4(ImGuiCol_Text);
    const ImVec4 bg = ImGui::GetStyleColorVec4(ImGuiCol_WindowBg);
    const bool dark = bg.x + bg.y + bg.z < 1.5f;
    p.accent = accent;
    p.empty = ImGui::GetStyleColorVec4(ImGuiCol_FrameBg);
    p.bar = with_alpha(accent, 0.72f);
    p.bar_hover = with_alpha(accent, 1.0f);
    p.bar_selected = dark ? IM_COL32(255, 196, 84, 255) : IM_COL32(214, 120, 0, 255);
    p.grid = with_alpha(text, dark ? 0.09f : 0.10f);
    p.axis = with_alpha(text, 0.35f);
    p.label = with_alpha(text, 0.72f);
    p.muted = ImGui::GetColorU32(ImGuiCol_TextDisabled);
    p.frame = ImGui::GetColorU32(ImGuiCol_FrameBg);
    p.series[0] = with_alpha(accent, 1.0f);
    p.series[1] = dark ? IM_COL32(120, 200, 150, 255) : IM_COL32(30, 140, 80, 255);
    p.series[2] = dark ? IM_COL32(255, 160, 90, 255) : IM_COL32(210, 95, 20, 255);
    return p;
}

Frame frame(const char* id, float w, float h, float left, float top, float right, float bottom) {
    Frame f;
    w = std::max(w, left + right + 10.0f);
    h = std::max(h, top + bottom + 10.0f);
    f.o0 = ImGui::GetCursorScreenPos();
    f.o1 = ImVec2(f.o0.x + w, f.o0.y + h);
    f.p0 = ImVec2(f.o0.x + left, f.o0.y + top);
    f.p1 = ImVec2(f.o1.x - right, f.o1.y - bottom);
    ImGui::InvisibleButton(id, ImVec2(w, h));
    f.hovered = ImGui::IsItemHovered();
    f.active = ImGui::IsItemActive();
    f.clicked = ImGui::IsItemClicked(ImGuiMouseButton_Left);
    f.mouse = ImGui::GetIO().MousePos;
    return f;
}

void push_small_font(float base_size) { ImGui::PushFont(nullptr, base_size * 0.85f); }

void y_axis(ImDrawList* dl, const Frame& f, const std::vector<Tick>& ticks, const char* title) {
    const Palette pal = palette();
    const float em = ImGui::GetFontSize();
    for (const Tick& t : ticks) {
        if (t.px < f.p0.y - 0.5f || t.px > f.p1.y + 0.5f) continue;
        const float y = std::floor(t.px) + 0.5f;
        dl->AddLine(ImVec2(f.p0.x, y), ImVec2(f.p1.x, y), pal.grid);
        const ImVec2 ts = ImGui::CalcTextSize(t.label.c_str());
        float ly = std::clamp(t.px - ts.y * 0.5f, f.o0.y, f.o1.y - ts.y);
        dl->AddText(ImVec2(f.p0.x - ts.x - em * 0.35f, ly), pal.label, t.label.c_str());
    }
    dl->AddLine(ImVec2(f.p0.x + 0.5f, f.p0.y), ImVec2(f.p0.x + 0.5f, f.p1.y), pal.axis);
    if (title) dl->AddText(ImVec2(f.o0.x, f.o0.y), pal.muted, title);
}

void x_axis(ImDrawList* dl, const Frame& f, const std::vector<Tick>& ticks, bool grid) {
    const Palette pal = palette();
    const float em = ImGui::GetFontSize();
    dl->AddLine(ImVec2(f.p0.x, f.p1.y + 0.5f), ImVec2(f.p1.x, f.p1.y + 0.5f), pal.axis);
    float last_right = -1e30f;
    for (const Tick& t : ticks) {
        if (t.px < f.p0.x - 0.5f || t.px > f.p1.x + 0.5f) continue;
        const float x = std::floor(t.px) + 0.5f;
        if (grid) dl->AddLine(ImVec2(x, f.p0.y), ImVec2(x, f.p1.y), pal.grid);
        dl->AddLine(ImVec2(x, f.p1.y), ImVec2(x, f.p1.y + em * 0.25f), pal.axis);
        if (t.label.empty()) continue;
        const ImVec2 ts = ImGui::CalcTextSize(t.label.c_str());
        float lx = std::clamp(t.px - ts.x * 0.5f, f.o0.x, f.o1.x - ts.x);
        if (lx < last_right + em * 0.6f) continue;
        dl->AddText(ImVec2(lx, f.p1.y + em * 0.3f), pal.label, t.label.c_str());
        last_right = lx + ts.x;
    }
}

std::string ellipsize(std::string_view text, float max_w) {
    if (ImGui::CalcTextSize(text.data(), text.data() + text.size()).x <= max_w) return std::string(text);
    const float dots = ImGui::CalcTextSize("...").x;
    // The longest prefix ending on a UTF-8 boundary that fits with the dots (binary search).
    std::vector<size_t> cuts;
    for (size_t i = 1; i <= text.size(); ++i)
        if (i == text.size() || (uint8_t(text[i]) & 0xC0) != 0x80) cuts.push_back(i);
    int lo_k = -1, hi_k = int(cuts.size()) - 1;
    while (lo_k < hi_k) {
        const int mid = (lo_k + hi_k + 1) / 2;
        if (ImGui::CalcTextSize(text.data(), text.data() + cuts[mid]).x + dots <= max_w) lo_k = mid;
        else hi_k = mid - 1;
    }
    size_t lo = lo_k >= 0 ? cuts[lo_k] : 0;
    while (lo > 0 && text[lo - 1] == ' ') --lo;
    return std::string(text.substr(0, lo)) + "...";
}

ImU32 lerp_color(const ImVec4& a, const ImVec4& b, float t) {
    t = std::clamp(t, 0.0f, 1.0f);
    return ImGui::GetColorU32(ImVec4(a.x + (b.x - a.x) * t, a.y + (b.y - a.y) * t, a.z + (b.z - a.z) * t, a.w + (b.w - a.w) * t));
}

}  // namespace dv::chart
