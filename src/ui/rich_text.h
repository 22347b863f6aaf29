// Draws styled text runs (from core/inline_markdown) with word wrapping: bold in the bold font,
// italic and code tinted, links clickable (http/https only, opened through the Host).
#pragma once

#include <vector>

#include "app.h"
#include "core/highlight.h"
#include "core/inline_markdown.h"

namespace dv {

// `marks` (optional): highlight.h spans over the runs' texts back to back (rendered_text of the
// same markdown), drawn behind the text, e.g. the query's matches in a summary.
void draw_runs(App& app, const std::vector<TextRun>& runs, float wrap_width, const std::vector<Span>* marks = nullptr);

}  // namespace dv
