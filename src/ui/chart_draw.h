// Drawing helpers of the charts panel: a plot frame (an invisible button with margins for axes),
// axis ticks with grid lines, horizontal bar lists, colors. ImGui only; the math is in
// chart_math.h (dv_chart_math).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "imgui.h"

namespace dv::chart {

struct Palette {
    ImU32 bar, bar_hover, bar_selected, grid, axis, label, muted, frame;
    ImU32 series[3];      // median, p90, max
    ImVec4 accent, empty; // heatmap ends
};
Palette palette();

// Reserves a w x h area as one item. plot = the area minus margins (for tick labels).
struct Frame {
    ImVec2 o0, o1;        // outer
    ImVec2 p0, p1;        // plot
    bool hovered = false, clicked = false, active = false;
    ImVec2 mouse;
    float w() const { return p1.x - p0.x; }
    float h() const { return p1.y - p0.y; }
    bool mouse_in_plot() const { return hovered && mouse.x >= p0.x && mouse.x < p1.x && mouse.y >= p0.y && mouse.y < p1.y; }
};
Frame frame(const char* id, float w, float h, float left, float top, float right, float bottom);

struct Tick {
    float px;             // screen position along the axis
    std::string label;
};
// Left axis: grid line across the plot and a label right-aligned left of it.
void y_axis(ImDrawList* dl, const Frame& f, const std::vector<Tick>& ticks, const char* title = nullptr);
// Bottom axis: short tick marks and labels centered under them (labels that would overlap the
// previous one are skipped; the outermost are kept inside the frame).
void x_axis(ImDrawList* dl, const Frame& f, const std::vector<Tick>& ticks, bool grid = false);

// `text` cut to fit `max_w` (on a UTF-8 boundary) with "..." appended; unchanged if it fits.
std::string ellipsize(std::string_view text, float max_w);

// Pushes the small font used for tick labels (0.85 of the base size); pop with ImGui::PopFont().
void push_small_font(float base_size);

ImU32 lerp_color(const ImVec4& a, const ImVec4& b, float t);

}  // namespace dv::chart
