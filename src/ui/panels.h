// The panels of the viewer, one file each. All take the App and draw into the current ImGui frame.
#pragma once

#include "app.h"

namespace dv {

void panel_top_bar(App& app);       // search box, quick filters, view switches
void panel_library(App& app);       // left pane: files, counts, diagnostics, filters
void panel_papers(App& app);        // middle pane (list): the virtualized papers table
void panel_period(App& app);        // middle pane (period): a week's or month's top papers
void panel_day(App& app);           // middle pane (day): one day like the HF papers page
void panel_detail(App& app);        // right pane: the selected paper
void panel_drop_zone(App& app);     // first visit: drop target, open buttons, sample
void panel_diagnostics(App& app);   // window: file:line messages
void panel_help(App& app);          // window: keyboard shortcuts
void panel_charts(App& app);        // window: charts over the current result
void panel_status_bar(App& app);
// Get from Hugging Face: hf_fetch_controls is the button + progress + cancel (library pane, drop
// zone); panel_fetch the first-use notice and the per-day results window (once per frame).
// section: a SeparatorText title drawn first (nullptr: none). Nothing at all when unavailable/off.
void hf_fetch_controls(App& app, const char* section = nullptr);
void panel_fetch(App& app);

// Keyboard shortcuts that work everywhere (/, j/k, Enter, Esc, Ctrl+=/-, ...).
void handle_shortcuts(App& app);
// Moves the selection by `delta` rows in the current view (list or day).
void move_selection(App& app, int delta);
// Opens the note editor of the detail pane on the selected paper ('n').
void open_note_editor(App& app);
// The reader's marks of an entry as small icons (star, note, new) in a box `size` high, drawn
// at the cursor; advances the cursor by `width`.
void mark_icons(const App& app, uint32_t entry, float width, float size);
// The nearest day index from `from` in direction dir (+1/-1) with papers matching the search.
int step_day(const App& app, int from, int dir);

}  // namespace dv
