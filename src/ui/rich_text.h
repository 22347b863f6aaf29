// Draws styled text runs (from core/inline_markdown) with word wrapping: bold in the bold font,
// italic and code tinted, links clickable (http/https only, opened through the Host).
#pragma once

#include <vector>

#include "app.h"
#include "core/inline_markdown.h"

namespace dv {

void draw_runs(App& app, const std::vector<TextRun>& runs, float wrap_width);

}  // namespace dv
