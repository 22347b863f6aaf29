// Keyboard-first navigation, like the Hugging Face papers page and GitHub: / to search, j/k to
// move, Enter to open, Esc to back out. Letter keys act only when no text field has focus.
#include <algorithm>

#include "app.h"
#include "imgui.h"
#include "panels.h"

namespace dv {


// The rows the current view shows, in order.
static std::vector<uint32_t> visible_rows(App& app) {
    if (app.mode == ViewMode::List) return app.result;
    if (app.mode == ViewMode::Period) return app_period_rows(app, app_period(app));
    std::vector<uint32_t> rows;
    if (app.day_index < 0 || app.day_index >= (int)app.lib.day_entries.size()) return rows;
    for (uint32_t e : app.lib.day_entries[(size_t)app.day_index])
        if (e < app.in_result.size() && app.in_result[e]) rows.push_back(e);
    return rows;
}

void move_selection(App& app, int delta) {
    std::vector<uint32_t> rows = app.mode == ViewMode::List ? std::vector<uint32_t>() : visible_rows(app);
    const std::vector<uint32_t>& r = app.mode == ViewMode::List ? app.result : rows;
    if (r.empty()) return;
    auto it = std::find(r.begin(), r.end(), (uint32_t)std::max<int64_t>(app.selected, 0));
    int64_t pos = (it == r.end() || app.selected < 0) ? (delta > 0 ? -1 : (int64_t)r.size()) : it - r.begin();
    pos = std::clamp<int64_t>(pos + delta, 0, (int64_t)r.size() - 1);
    app_select(app, r[(size_t)pos]);
}

// Hiding takes the paper out of the view: the selection moves on to the next row first (unless
// the view lists hidden papers, or the paper is shown again).
static void hide_selected(App& app) {
    const int64_t was = app.selected;
    const TriageMark* m = app_mark(app, (uint32_t)was);
    const bool hiding = !(m && m->hidden);
    std::vector<uint32_t> rows = visible_rows(app);
    app_toggle_mark(app, was, Mark::Hidden);
    app_update_result(app);
    if (!hiding || (was < (int64_t)app.in_result.size() && app.in_result[(size_t)was])) return;
    auto it = std::find(rows.begin(), rows.end(), (uint32_t)was);
    if (it != rows.end() && it + 1 != rows.end()) app_select(app, *(it + 1));
    else if (it != rows.end() && it != rows.begin()) app_select(app, *(it - 1));
}

void open_note_editor(App& app) {
    if (app.selected < 0) return;
    const TriageMark* m = app_mark(app, (uint32_t)app.selected);
    app.editing_note = true;
    app.focus_note = true;
    app.note_entry = app.selected;
    app.note_draft = m ? m->note : std::string();
}

static void zoom(App& app, float factor) {
    app.font_size = std::clamp(app.font_size * factor, 9.0f, 40.0f);
    if (factor == 0.0f) app.font_size = 15.0f;
    app_set_status(app, "Text size " + std::to_string((int)(app.font_size + 0.5f)) + " px");
}

void handle_shortcuts(App& app) {
    ImGuiIO& io = ImGui::GetIO();
    const bool typing = io.WantTextInput;
    const bool ctrl = io.KeyCtrl || io.KeySuper;

    // Zoom works everywhere.
    if (ctrl && (ImGui::IsKeyPressed(ImGuiKey_Equal) || ImGui::IsKeyPressed(ImGuiKey_KeypadAdd))) zoom(app, 1.1f);
    if (ctrl && (ImGui::IsKeyPressed(ImGuiKey_Minus) || ImGui::IsKeyPressed(ImGuiKey_KeypadSubtract))) zoom(app, 1 / 1.1f);
    if (ctrl && ImGui::IsKeyPressed(ImGuiKey_0)) {
        app.font_size = 15.0f;
        app_set_status(app, "Text size reset");
    }

    // Up/Down move even while typing in the search box: type, then arrow through the results.
    if (ImGui::IsKeyPressed(ImGuiKey_DownArrow)) move_selection(app, +1);
    if (ImGui::IsKeyPressed(ImGuiKey_UpArrow)) move_selection(app, -1);
    if (ImGui::IsKeyPressed(ImGuiKey_PageDown)) move_selection(app, +10);
    if (ImGui::IsKeyPressed(ImGuiKey_PageUp)) move_selection(app, -10);

    // A long load is cancelled by Esc even while typing: it is the thing in progress.
    if (ImGui::IsKeyPressed(ImGuiKey_Escape) && app.loading.active && app.host.cancel_load) {
        app_cancel_load(app);
    } else if (ImGui::IsKeyPressed(ImGuiKey_Escape) && !typing) {
        if (app.hf.running && app.host.hf_cancel) app.host.hf_cancel();  // a Hugging Face fetch first
        else if (app.show_help) app.show_help = false;
        else if (app.show_diagnostics) app.show_diagnostics = false;
        else if (app.show_charts) app.show_charts = false;
        else if (!app.query_text.empty()) {
            app.query_text.clear();
            app.query_dirty = true;
        }
    }
    if (typing || ctrl || io.KeyAlt) return;

    if (ImGui::IsKeyPressed(ImGuiKey_Slash)) {
        if (io.KeyShift) app.show_help = !app.show_help;  // '?'
        else app.focus_search = true;
    }
    if (ImGui::IsKeyPressed(ImGuiKey_J)) move_selection(app, +1);
    if (ImGui::IsKeyPressed(ImGuiKey_K)) move_selection(app, -1);
    if (ImGui::IsKeyPressed(ImGuiKey_Enter) || ImGui::IsKeyPressed(ImGuiKey_KeypadEnter)) {
        if (app.selected < 0) move_selection(app, +1);
        else app.scroll_to_selected = true;
    }
    if (ImGui::IsKeyPressed(ImGuiKey_L)) app.mode = ViewMode::List;
    if (ImGui::IsKeyPressed(ImGuiKey_D)) {
        app.mode = ViewMode::Day;
        // Open the day of the selected paper, else keep the current day.
        if (app.selected >= 0 && app.selected < (int64_t)app.lib.entries.size()) {
            int idx = library_day_index(app.lib, app.lib.entries[(size_t)app.selected].date);
            if (idx >= 0) app.day_index = idx;
        }
        if (app.day_index < 0) app.day_index = app_first_unread_day(app);
    }
    if (ImGui::IsKeyPressed(ImGuiKey_T)) app.mode = ViewMode::Period;
    if (ImGui::IsKeyPressed(ImGuiKey_V)) cycle_row_lines(app);
    if (app.show_charts) {
        // The charts window is on top: W / M choose the trend chart's periods, R types a term.
        if (ImGui::IsKeyPressed(ImGuiKey_W)) app.charts.trend_months = false;
        if (ImGui::IsKeyPressed(ImGuiKey_M)) app.charts.trend_months = true;
        if (ImGui::IsKeyPressed(ImGuiKey_R, false)) {
            int slot = 0;
            while (slot + 1 < ChartState::kTrendTerms && !app.charts.trend_terms[slot].empty()) ++slot;
            app.charts.trend_focus = true;
            app.charts.trend_focus_slot = slot;
        }
    } else if (app.mode == ViewMode::Period) {
        if (ImGui::IsKeyPressed(ImGuiKey_W)) app.period_kind = PeriodKind::Week;
        if (ImGui::IsKeyPressed(ImGuiKey_M)) app.period_kind = PeriodKind::Month;
    }
    if (app.mode == ViewMode::Period) {
        const bool prev = ImGui::IsKeyPressed(ImGuiKey_LeftBracket) || ImGui::IsKeyPressed(ImGuiKey_LeftArrow);
        const bool next = ImGui::IsKeyPressed(ImGuiKey_RightBracket) || ImGui::IsKeyPressed(ImGuiKey_RightArrow);
        if (prev || next) app.period_day = period_step(app_period(app), next ? 1 : -1).first;
    }
    if (app.mode == ViewMode::Day && app.day_index >= 0) {
        if (ImGui::IsKeyPressed(ImGuiKey_LeftBracket) || ImGui::IsKeyPressed(ImGuiKey_LeftArrow))
            app.day_index = step_day(app, app.day_index, -1);
        if (ImGui::IsKeyPressed(ImGuiKey_RightBracket) || ImGui::IsKeyPressed(ImGuiKey_RightArrow))
            app.day_index = step_day(app, app.day_index, +1);
    }
    if (ImGui::IsKeyPressed(ImGuiKey_C)) app.show_charts = !app.show_charts;
    if (ImGui::IsKeyPressed(ImGuiKey_G) && app.hf.enabled && app.host.hf_start) app_hf_request(app);

    // The reader's marks on the selected paper: s star, x read/unread, h hide, n note.
    if (app.selected >= 0 && app.selected < (int64_t)app.lib.entries.size()) {
        if (ImGui::IsKeyPressed(ImGuiKey_S, false)) app_toggle_mark(app, app.selected, Mark::Starred);
        if (ImGui::IsKeyPressed(ImGuiKey_X, false)) app_toggle_mark(app, app.selected, Mark::Read);
        if (ImGui::IsKeyPressed(ImGuiKey_H, false)) hide_selected(app);
        if (ImGui::IsKeyPressed(ImGuiKey_N, false)) open_note_editor(app);
    }
}

}  // namespace dv
