// The scatter's picking (charts.h): a nearest-point grid (chart_math.h PointGrid) over the
// points' plot-local screen positions finds the point under the mouse; its tooltip names the
// paper and a click selects it.
#include <algorithm>
#include <cmath>

#include "charts.h"
#include "core/date.h"
#include "imgui.h"

namespace dv {

int64_t scatter_pick(ChartState& c, const chart::Frame& f, const LinearScale& xs, const LinearScale& ys) {
    const float em = ImGui::GetFontSize();
    const ScatterData& sd = c.scatter;
    const uint32_t n = uint32_t(sd.ids.size());
    const float key[4] = {f.w(), f.h(), float(c.vx0), float(c.vx1)};
    if (c.grid_version != c.version || !std::equal(key, key + 4, c.grid_key)) {
        c.sx.resize(n);
        c.sy.resize(n);
        for (uint32_t i = 0; i < n; ++i) {
            c.sx[i] = float(xs.map(sd.xy[2 * i] + 0.5)) - f.p0.x;
            c.sy[i] = float(ys.map(sd.xy[2 * i + 1])) - f.p0.y;
        }
        c.grid.build(c.sx.data(), c.sy.data(), n, std::max(4.0f, em * 0.6f));
        c.grid_version = c.version;
        std::copy(key, key + 4, c.grid_key);
    }
    if (!f.mouse_in_plot() || ImGui::IsMouseDragging(ImGuiMouseButton_Left, 2.0f)) return -1;
    return c.grid.nearest(f.mouse.x - f.p0.x, f.mouse.y - f.p0.y, em * 0.6f);
}

void scatter_hover(App& app, const chart::Frame& f, const LinearScale& xs, int64_t hit) {
    if (hit >= 0) {
        const uint32_t e = app.charts.scatter.ids[hit];
        const Entry& en = app.lib.entries[e];
        const Paper& p = entry_paper(app.lib, en);
        ImGui::BeginTooltip();
        ImGui::PushTextWrapPos(ImGui::GetFontSize() * 28);
        paper_title_text(app, get(p, p.title));
        ImGui::PopTextWrapPos();
        ImGui::Text("%d votes, %s", en.votes, format_date(en.date).c_str());
        std::string_view id = get(p, p.arxiv_id);
        if (!id.empty()) ImGui::TextDisabled("arXiv %.*s", int(id.size()), id.data());
        ImGui::TextDisabled("Click: select");
        ImGui::EndTooltip();
        // A click, not the end of a drag (pan).
        if (ImGui::IsItemDeactivated() && ImGui::GetIO().MouseDragMaxDistanceSqr[ImGuiMouseButton_Left] < 16.0f) app_select(app, e);
    } else if (f.mouse_in_plot() && !f.active) {
        ImGui::SetTooltip("%s\nwheel: zoom dates, drag: pan, double-click: reset", format_date(int32_t(std::floor(xs.invert(f.mouse.x)))).c_str());
    }
}

}  // namespace dv
