// The contract between the charts panel and the platform's GPU scatter renderer
// (src/platform/scatter_gl.cpp). The panel uploads points through Host::scatter_upload when the
// result changes, then adds Host::scatter_draw as an ImDrawList callback with a ScatterDrawParams
// as its (copied) user data, followed by ImDrawCallback_ResetRenderState.
#pragma once

#include <cstdint>

namespace dv {

struct ScatterDrawParams {
    float rect[4];          // the plot area in ImGui display coordinates: x0, y0, x1, y1
    float data[4];          // the data rect it shows: x0 (day), y0 (log10(votes+1)), x1, y1
    float color[4];         // straight RGBA
    float radius = 2.0f;    // point radius in display coordinates
    uint32_t count = 0;     // instances to draw: the first `count` uploaded points
};

}  // namespace dv
