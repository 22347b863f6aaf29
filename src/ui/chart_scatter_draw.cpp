// The scatter of every paper in the result (date x votes, log), charts.h: the chart itself and its
// drawing. Points go to the platform's GPU renderer through Host::scatter_upload/scatter_draw
// (chart_scatter.h) when there is one, else they are drawn as small squares. Zoom and pan are in
// chart_scatter_input.cpp, hover and click in chart_scatter_pick.cpp.
#include <algorithm>
#include <cmath>
#include <cstdio>

#include "chart_scatter.h"
#include "charts.h"
#include "core/export.h"
#include "imgui.h"
#include "widgets.h"

namespace dv {

namespace {

void draw_axes(ImDrawList* dl, const chart::Frame& f, const ChartState& c, const LinearScale& xs, const LinearScale& ys) {
    const float em = ImGui::GetFontSize();
    const chart::Palette pal = chart::palette();
    dl->AddRectFilled(f.p0, f.p1, pal.frame);
    std::vector<chart::Tick> yt;
    yt.push_back({float(ys.map(0)), "0"});
    for (double v : log_ticks(1, std::max(10, c.scatter.votes_max), 3)) yt.push_back({float(ys.map(std::log10(v + 1))), format_tick(v)});
    chart::y_axis(dl, f, yt);
    std::vector<chart::Tick> xt;
    for (const DateTick& t : date_ticks(int32_t(std::ceil(c.vx0)), int32_t(std::floor(c.vx1)), std::max(2, int(f.w() / (em * 5.5f)))))
        xt.push_back({float(xs.map(t.date)), t.label});
    chart::x_axis(dl, f, xt, true);
}

void draw_points(App& app, ImDrawList* dl, const chart::Frame& f, const LinearScale& xs, const LinearScale& ys, float radius) {
    ChartState& c = app.charts;
    const ScatterData& sd = c.scatter;
    const uint32_t n = uint32_t(sd.ids.size());
    const ImVec4 ac = chart::palette().accent;
    const float alpha = n > 20000 ? 0.35f : n > 3000 ? 0.5f : 0.7f;
    if (app.host.scatter_draw && app.host.scatter_upload) {
        if (c.uploaded != c.version) {
            app.host.scatter_upload(sd.xy.data(), n);
            c.uploaded = c.version;
        }
        ScatterDrawParams p;
        p.rect[0] = f.p0.x, p.rect[1] = f.p0.y, p.rect[2] = f.p1.x, p.rect[3] = f.p1.y;
        // The data rect that maps onto the plot rect (x shifted half a day: points sit mid-day).
        p.data[0] = float(c.vx0 - 0.5), p.data[1] = float(ys.d0), p.data[2] = float(c.vx1 - 0.5), p.data[3] = float(ys.d1);
        p.color[0] = ac.x, p.color[1] = ac.y, p.color[2] = ac.z, p.color[3] = alpha;
        p.radius = radius;
        p.count = n;
        dl->PushClipRect(f.p0, f.p1, true);
        dl->AddCallback(app.host.scatter_draw, &p, sizeof p);
        dl->AddCallback(ImDrawCallback_ResetRenderState, nullptr);
        dl->PopClipRect();
    } else {
        // CPU fallback (no GPU renderer installed): small squares, at most 30k.
        dl->PushClipRect(f.p0, f.p1, true);
        const uint32_t step = std::max(1u, n / 30000);
        const ImU32 col = ImGui::GetColorU32(ImVec4(ac.x, ac.y, ac.z, alpha));
        for (uint32_t i = 0; i < n; i += step) {
            const float x = float(xs.map(sd.xy[2 * i] + 0.5)), y = float(ys.map(sd.xy[2 * i + 1]));
            dl->AddRectFilled(ImVec2(x - radius, y - radius), ImVec2(x + radius, y + radius), col);
        }
        dl->PopClipRect();
    }
}

// Rings around the selected paper and the hovered point, at the positions scatter_pick computed.
void draw_marks(App& app, ImDrawList* dl, const chart::Frame& f, int64_t hit, float radius) {
    const ChartState& c = app.charts;
    const ScatterData& sd = c.scatter;
    const uint32_t n = uint32_t(sd.ids.size());
    dl->PushClipRect(f.p0, f.p1, true);
    if (app.selected >= 0) {
        // Linear scan of ids is cheap enough (only when something is selected) but skip at 100k+:
        // look up through the sorted result instead.
        for (uint32_t i = 0; i < n; ++i)
            if (sd.ids[i] == uint32_t(app.selected)) {
                dl->AddCircle(ImVec2(f.p0.x + c.sx[i], f.p0.y + c.sy[i]), radius + 3.5f, chart::palette().bar_selected, 0, 2.0f);
                break;
            }
    }
    if (hit >= 0) dl->AddCircle(ImVec2(f.p0.x + c.sx[hit], f.p0.y + c.sy[hit]), radius + 3.0f, ImGui::GetColorU32(ImGuiCol_Text), 0, 1.5f);
    dl->PopClipRect();
}

}  // namespace

void chart_scatter(App& app, float w) {
    ChartState& c = app.charts;
    const ScatterData& sd = c.scatter;
    char hint[160];
    std::snprintf(hint, sizeof hint, "%s papers, date x votes (log)%s", format_count(sd.ids.size()).c_str(),
                  sd.skipped ? "; without votes not shown" : "");
    chart_section(app, "Every paper", hint, "papers-votes.csv", [&] { return csv_scatter(app.lib, app.result); });
    if (sd.ids.empty()) {
        ImGui::TextDisabled("No papers with votes in the result.");
        return;
    }
    const float em = ImGui::GetFontSize();
    // The whole data range (1% padding, at least a day, each side): the first view and the limit.
    const double pad = std::max(1.0, (sd.date_hi - sd.date_lo) * 0.01);
    const double full0 = sd.date_lo - pad, full1 = sd.date_hi + 1 + pad;
    if (!c.view_valid) {
        c.vx0 = full0;
        c.vx1 = full1;
        c.view_valid = true;
    }
    const double ymax = std::log10(double(sd.votes_max) + 1.0) * 1.04 + 0.02;
    const double ymin = -0.04 * ymax;

    chart::push_small_font(app.font_size);
    const chart::Frame f = chart::frame("##scatter", w, 17 * em, label_gutter(), em * 0.5f, em * 0.6f, em * 1.6f);
    ImGui::SetItemKeyOwner(ImGuiKey_MouseWheelY);  // the wheel zooms here instead of scrolling
    ImDrawList* dl = ImGui::GetWindowDrawList();
    scatter_input(c, f, full0, full1);

    const LinearScale xs{c.vx0, c.vx1, f.p0.x, f.p1.x};
    const LinearScale ys{ymin, ymax, f.p1.y, f.p0.y};
    const float radius = std::max(1.5f, em * 0.17f);
    draw_axes(dl, f, c, xs, ys);
    draw_points(app, dl, f, xs, ys, radius);
    const int64_t hit = scatter_pick(c, f, xs, ys);
    draw_marks(app, dl, f, hit, radius);
    ImGui::PopFont();
    scatter_hover(app, f, xs, hit);
}

}  // namespace dv
