// The scatter's input (charts.h): the x view follows the wheel (zoom around the cursor), a drag
// (pan) and a double-click (reset). Dates only: y always shows the full vote range.
#include <algorithm>
#include <cmath>

#include "charts.h"
#include "imgui.h"

namespace dv {

void scatter_input(ChartState& c, const chart::Frame& f, double full0, double full1) {
    const ImGuiIO& io = ImGui::GetIO();
    if (f.hovered && io.MouseWheel != 0) {
        const double at = c.vx0 + (f.mouse.x - f.p0.x) / f.w() * (c.vx1 - c.vx0);
        const double k = std::pow(0.85, io.MouseWheel);
        double span = std::clamp((c.vx1 - c.vx0) * k, 3.0, full1 - full0);
        const double t = (at - c.vx0) / (c.vx1 - c.vx0);
        c.vx0 = at - t * span;
        c.vx1 = c.vx0 + span;
    }
    if (f.active && ImGui::IsMouseDragging(ImGuiMouseButton_Left, 2.0f)) {
        const double dx = -io.MouseDelta.x / f.w() * (c.vx1 - c.vx0);
        c.vx0 += dx;
        c.vx1 += dx;
    }
    if (f.hovered && ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left)) {
        c.vx0 = full0;
        c.vx1 = full1;
    }
    // Keep the view inside the data.
    const double span = c.vx1 - c.vx0;
    if (c.vx0 < full0) c.vx0 = full0, c.vx1 = full0 + span;
    if (c.vx1 > full1) c.vx1 = full1, c.vx0 = std::max(full0, full1 - span);
}

}  // namespace dv
