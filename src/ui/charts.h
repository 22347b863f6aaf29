// Internal to the charts window: what its files share. panel_charts.cpp draws the window and the
// small bar charts, chart_days.cpp the date charts, chart_bars.cpp the ranked bars, and the
// scatter is three files: input (zoom/pan), drawing, and picking (hover, click). Their state is
// app.charts (app.h), kept in step with the result by app_update_stats.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "app.h"
#include "chart_draw.h"

namespace dv {

// --- Shared by the charts (panel_charts.cpp) ------------------------------------------------------

// A section header: bold title, a muted hint, and a right-aligned CSV button.
void chart_section(App& app, const char* title, const char* hint, const char* csv_name,
                   const std::function<std::string()>& csv);
// Appends a query term (query.h: date_term, votes_term, author_term) to the search box.
void chart_narrow(App& app, const std::string& term);
// The y axis of a bar chart: from 0 up to the first nice tick at or above `max_value` (about
// `target` intervals), drawn on f with its grid; returns the scale it drew.
LinearScale zero_based_y_axis(ImDrawList* dl, const chart::Frame& f, double max_value, int target);
// Width of the y-axis label column.
float label_gutter();
// A paper's title in bold, wrapped at the current wrap position (tooltips of points and bars).
void paper_title_text(App& app, std::string_view title);

// --- The charts -------------------------------------------------------------------------------------

void chart_histogram(App& app, float w);            // panel_charts.cpp
void chart_weekdays(App& app, float w);
void chart_per_day(App& app, float w);              // chart_days.cpp
void chart_calendar(App& app, float w);
void chart_trend(App& app, float w);                // chart_trend.cpp
void chart_top_papers(App& app, float w);           // chart_bars.cpp
void chart_authors(App& app, float w, bool by_votes);
void chart_scatter(App& app, float w);              // chart_scatter_draw.cpp

// --- The scatter's parts --------------------------------------------------------------------------

// chart_scatter_input.cpp: wheel zoom around the cursor, drag pan, double-click reset of the x
// view (app.charts.vx0/vx1), kept inside [full0, full1].
void scatter_input(ChartState& c, const chart::Frame& f, double full0, double full1);
// chart_scatter_pick.cpp: (re)builds the hover grid over the points' plot-local positions
// (c.sx/c.sy) when the data, plot size or view changed, and returns the point under the mouse
// (-1 if none, or while dragging).
int64_t scatter_pick(ChartState& c, const chart::Frame& f, const LinearScale& xs, const LinearScale& ys);
// chart_scatter_pick.cpp: the hovered point's tooltip and click-to-select, or the date under the
// mouse with the controls.
void scatter_hover(App& app, const chart::Frame& f, const LinearScale& xs, int64_t hit);

}  // namespace dv
