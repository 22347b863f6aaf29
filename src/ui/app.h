// The viewer's state and its one entry point per frame. Fed by core types; knows nothing of the
// platform: everything that leaves the process (links, downloads, the URL, fonts on disk) goes
// through the Host callbacks a platform layer fills in, the way Dear ImGui's own backends plug in.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "chart_math.h"
#include "core/inline_markdown.h"
#include "core/hf_fetch.h"
#include "core/highlight.h"
#include "core/period.h"
#include "core/file_tree.h"
#include "core/library.h"
#include "core/query.h"
#include "core/stats.h"
#include "core/trend.h"
#include "core/triage.h"
#include "core/view_state.h"
#include "path_dialog.h"

struct ImFont;
struct ImDrawList;
struct ImDrawCmd;

namespace dv {

// Desktop file access for the typed-path dialogs (path_dialog.h). All null on the web.
enum class PathKind : uint8_t { Missing, File, Folder };
struct HostFiles {
    // Entries of a folder: subfolders (with a trailing '/') first, then digests, at most max_entries.
    std::vector<std::string> (*list_folder)(const std::string& dir, size_t max_entries) = nullptr;
    PathKind (*stat)(const std::string& path) = nullptr;
    std::string (*normalize)(const std::string& typed) = nullptr;  // "~/x" -> "$HOME/x", absolute
    bool (*write)(const std::string& path, const std::string& data, std::string& error) = nullptr;
    void (*open)(const std::vector<std::string>& paths) = nullptr;  // load (and watch) files, folders
};

// What the platform layer provides. Any pointer may be null (the feature is then hidden). The UI
// decides when something happens and calls the slot; the platform only carries it out.
struct Host {
    void (*open_url)(const char* url) = nullptr;                      // http(s) only, new tab/browser
    void (*save_file)(const char* name, const char* mime, const std::string& data) = nullptr;
    // Called by app_frame when the view (ViewState) changed: push = navigation (paper, day,
    // charts), else replace (typing). The web writes the URL; the native app remembers it.
    void (*set_location)(const std::string& hash, bool push) = nullptr;
    void (*request_open_files)() = nullptr;                           // file picker / open dialog
    void (*request_open_folder)() = nullptr;
    // Called by app_finish_load after every load/remove/clear with the names no longer loaded
    // (app.lib.files holds what is loaded now). The web forgets them in IndexedDB; the native app
    // stops remembering (and watching) what the user removed.
    void (*library_changed)(const std::vector<std::string>& removed) = nullptr;
    HostFiles files;
    const char* platform_name = "";                                   // "web" or "native"
    // GPU scatter of the charts panel (src/ui/chart_scatter.h). scatter_upload replaces the point
    // buffer: n points as x,y pairs (day number, log10(votes + 1)). scatter_draw is an ImDrawList
    // callback drawing them; its user data is a ScatterDrawParams. Both null: CPU fallback.
    void (*scatter_upload)(const float* xy, size_t n) = nullptr;
    void (*scatter_draw)(const ImDrawList* list, const ImDrawCmd* cmd) = nullptr;

    // --- Get from Hugging Face (issue 11). hf_start null: not on this platform (action hidden). ---
    // hf_start begins requesting `days` (core/hf_fetch.h's HfQueue: 4 in flight, its retries)
    // from `base` and returns at once; the platform hands each finished day to app_hf_results
    // (keeping ok days first: cache folder or IndexedDB). hf_cancel ends the run (finished days
    // stay). hf_cached_days / hf_read_cached: the days the platform keeps, for the plan. Both may
    // be null (only the library's own hf/ files count as kept then).
    void (*hf_start)(const std::vector<int32_t>& days, const std::string& base) = nullptr;
    void (*hf_cancel)() = nullptr;
    std::vector<int32_t> (*hf_cached_days)() = nullptr;
    bool (*hf_read_cached)(int32_t day, std::string& bytes) = nullptr;
    void (*hf_settings_changed)() = nullptr;                          // HfFetchUi enabled/notice_seen
    // --- The reader's triage: marks, notes, saved searches (issue 10) ---------------------------
    // Called after every change of app.triage with the whole triage file (triage_to_json). The web
    // writes it to IndexedDB, the native app atomically to $XDG_DATA_HOME/digest-viewer/triage.json.
    // The platform loads the stored file once at start with app_triage_load; when storing fails it
    // says so once (app_triage_storage_failed) and the app keeps working in memory.
    void (*triage_changed)(const std::string& triage_json) = nullptr;
    // --- View settings: the papers table's columns (widths, order, visibility, as ImGui's table
    // settings) and the row mode, as one JSON text (app_view_settings_json). Called when they
    // changed (ImGui asks at most once a second); the web keeps it in localStorage, the native
    // app in settings.json. The platform hands the kept text back once with app_load_view_settings.
    void (*view_settings_changed)(const std::string& json) = nullptr;
    // A load in progress (app.loading) should stop reading files; it then finishes as usual with
    // what was read. Null: loads cannot be cancelled on this platform.
    void (*cancel_load)() = nullptr;
};

// The "Get from Hugging Face" action's state (src/ui/panel_fetch.cpp). enabled and notice_seen are
// settings the platform keeps; the rest lives for one run.
struct HfFetchUi {
    bool enabled = true;               // off: no button, no shortcut, nothing is ever requested
    bool notice_seen = false;          // the first use said what is fetched from where
    std::string base = kHfDefaultBase; // --hf-base / ?hf=
    int32_t today = kNoDate;           // tests: a fixed "today"; kNoDate = the clock (UTC)
    int days = 0;                      // > 0: the last N days (--fetch-hf N); 0 = the plan's default
    bool request = false;              // asked for (button, shortcut, command line); handled next frame
    bool notice_open = false;          // the first-use notice is showing
    bool running = false;
    bool show_panel = false;           // the per-day results window
    std::vector<HfPlannedDay> plan;
    size_t total = 0, done = 0, failed = 0;  // requested days of this run
    size_t papers = 0;                 // papers in the days loaded by this run
    std::vector<HfDayResult> results;  // per day (bodies dropped), day order
    std::string summary;               // hf_plan_summary of the run
};

// What app_add_file saw since the last app_finish_load, which turns it into one status line.
// A load the platform runs over many frames (app_stage_file): its progress and the files parsed
// so far, committed by app_finish_load.
struct LoadProgress {
    bool active = false;
    bool cancel_requested = false;
    size_t files_done = 0, files_total = 0;
    uint64_t bytes_done = 0, bytes_total = 0;
    std::vector<PreparedFile> staged;
};

struct LoadTally {
    size_t files = 0, added = 0, replaced = 0, unchanged = 0, duplicate = 0, failed = 0;
    size_t papers = 0;                 // papers in the added and replaced files
    std::string last_message;          // the message of the last file (the status of a one-file load)
    std::string first_failure;         // "name: reason" of the first file not loaded
    size_t not_read = 0;               // a cancelled load: files left unread
};

enum class ViewMode : uint8_t { List, Day, Period };
// The papers table's rows: one line (title cut with "..."), the title on two lines, or the title
// and the first line of the summary (in the summary's own language). A summary match's snippet
// takes the second line whatever the mode.
enum class RowLines : uint8_t { One, Title, Summary };
const char* row_lines_name(RowLines r);          // "one", "title", "summary"
bool parse_row_lines(std::string_view s, RowLines& out);
struct App;
void cycle_row_lines(App& app);                  // One -> Title -> Summary -> One (V, the status bar)

struct Fonts {
    ImFont* regular = nullptr;
    ImFont* bold = nullptr;
};

// Quick filters beside the search box; ANDed with the typed query.
struct QuickFilters {
    int votes_min = 0;         // 0 = off
    int votes_max = 0;         // 0 = off
    std::string date_from;     // "" = off, else YYYY-MM-DD prefix
    std::string date_to;
    std::string label;         // "" = any
};

// The charts panel's state. `stats` and the derived chart data are recomputed together by
// app_update_stats when the result or the library changes (`version` counts those recomputes);
// the scatter's view and hover grid follow the user between recomputes.
struct ChartState {
    Stats stats;                           // compute_stats over the result
    uint64_t stats_generation = UINT64_MAX;
    std::vector<uint32_t> stats_result_key;
    double last_stats_ms = 0;
    uint64_t version = 0;

    // Derived from `stats` (same version).
    CalendarLayout cal;
    std::vector<int64_t> cal_totals;
    std::vector<uint32_t> cal_papers;
    std::vector<MonthMark> months;
    int64_t cal_q[4] = {1, 1, 1, 1};       // quartile thresholds of nonzero day totals
    int32_t day_lo = 0, day_hi = -1;
    uint32_t max_papers_per_day = 0;
    int32_t max_votes_per_day = 0;
    ScatterData scatter;

    // The scatter: the version last uploaded to the GPU, the x view (zoom/pan, in days; y is
    // always the full range), and the hover grid in plot-local pixels, rebuilt when the data, the
    // plot size or the view change.
    uint64_t uploaded = 0;
    bool view_valid = false;
    double vx0 = 0, vx1 = 1;
    PointGrid grid;
    uint64_t grid_version = 0;
    float grid_key[4] = {};
    std::vector<float> sx, sy;

    // Where the charts drew their clickable marks last frame (screen pixels), for the test hooks:
    // app_state_json reports them so a browser test can hover and click a real bar.
    struct Region {
        std::string chart, label;
        float x0, y0, x1, y1;
    };
    std::vector<Region> regions;

    // Term trends (core/trend.h; chart_trend.cpp): the current query's line (when it has text),
    // then up to three terms the reader types or picks from the saved searches, each with the
    // current query's filters. Recomputed by app_update_trends when the result, the library, the
    // marks, the terms or the period kind change (trend_key says for what they were computed).
    static constexpr int kTrendTerms = 3;
    std::string trend_terms[kTrendTerms];
    bool trend_months = false;             // months instead of ISO weeks
    bool trend_focus = false;              // focus term field trend_focus_slot next frame (R)
    bool trend_scroll = false;             // scroll the trend section into view next frame (after R)
    int trend_focus_slot = 0;
    TrendTable trend_table;
    std::vector<TrendSeries> trends;
    std::string trend_key;
    double last_trend_ms = 0;
};

// The detail pane's styled runs of the selected paper's summary items, rebuilt when the selection
// or the library changes.
// The selected paper's records as the detail pane shows them: one group per distinct summary
// among the files that list it (a Korean digest's, Hugging Face's abstract, another producer's),
// each under the names of the files that gave it. Rebuilt when the selection or library changes.
struct DetailRecord {
    uint32_t file = 0, paper = 0;              // the group's first listing
    std::vector<std::string> sources;          // the files whose record reads like this
    std::vector<std::vector<TextRun>> items;   // per summary item, rendered
};
// The papers table's "why it matched" per row (panel_papers.cpp): where the query matched and, for
// a paper matched only in its summary, the snippet. Valid for one library generation and one
// effective query (`key`); rows are filled as they scroll into view.
struct MatchRowCache {
    uint64_t generation = UINT64_MAX;
    std::string key;
    struct Row {
        uint8_t where = 0;                     // MatchWhere bits
        Snippet snippet;                       // empty text: no snippet for this row
    };
    std::unordered_map<uint32_t, Row> rows;
};

// The "title + summary" rows' second lines (summary_first_line of each row's shown record),
// filled as rows scroll into view; valid for one library generation.
struct SummaryLineCache {
    uint64_t generation = UINT64_MAX;
    std::unordered_map<uint32_t, std::string> lines;
};

struct DetailCache {
    int64_t entry = -1;
    uint64_t generation = UINT64_MAX;
    std::vector<DetailRecord> records;         // the shown record's group first
    std::vector<TextRun> note_runs;            // the reader's note, rendered
    std::string note_runs_of;                  // the note text note_runs were made from
};

struct App {
    Library lib;
    Host host;
    PathDialog path_dialog;                // the desktop's open/save dialog, if one is showing
    LoadTally load_tally;
    LoadProgress loading;
    std::vector<std::string> reported_files;  // sorted names at the last host.library_changed
    Fonts fonts;

    // Query state.
    std::string query_text;
    Query query;
    QuickFilters filters;
    Sort sort;
    std::vector<uint32_t> result;          // entry indices, sorted
    std::vector<uint8_t> in_result;        // per entry: 1 if in result (the day view filters by it)
    uint64_t result_generation = UINT64_MAX;
    uint64_t result_version = 0;           // counts recomputes of `result` (caches over it key on this)
    bool query_dirty = true;
    // A load's rebuild leaves the search index for a later frame when nothing is being searched
    // (the list shows first); frames to draw before app_frame builds it.
    int index_wait_frames = 0;
    Query result_query;                    // what `result` answers (for narrowing as you type)
    Sort result_sort;
    double last_query_ms = 0;

    // Navigation.
    ViewMode mode = ViewMode::List;
    int day_index = -1;                    // into lib.days, for the day view
    PeriodKind period_kind = PeriodKind::Week;  // the period view: a week or a month
    int32_t period_day = kNoDate;          // a day inside the shown period; kNoDate = the latest day
    struct PeriodCache {                   // period_entries for (period, result, library)
        Period period;
        uint64_t result_version = UINT64_MAX;
        std::vector<uint32_t> rows;
    } period_cache;
    int64_t selected = -1;                 // entry index, -1 = none
    std::string pending_paper;             // a selection from the URL not loaded yet (kept in the URL)
    // Entry indices move when files come and go: the selection is carried over by its key.
    std::string selection_key_before_change;
    bool changing = false;
    bool scroll_to_selected = false;
    bool focus_search = false;
    bool show_diagnostics = false;
    bool show_charts = false;
    bool show_help = false;
    bool ime_composing = false;            // set by the platform while an input method composes

    // Look.
    float font_size = 15.0f;               // base size in logical pixels, Ctrl+= / Ctrl+- zoom
    float ui_scale = 1.0f;                 // monitor content scale (native); the web uses DPR instead
    bool dark = true;
    bool theme_follows_system = true;
    RowLines row_lines = RowLines::One;    // V cycles; kept by the platform (view settings)
    bool view_settings_dirty = false;      // row_lines changed: app_frame hands the settings over

    // The last message to the user (load results), shown in the status bar.
    std::string status;

    ChartState charts;
    DetailCache detail;
    // Text being typed in panels' small fields, kept here so no panel holds state of its own.
    struct PanelInputs {
        std::string day_jump;                  // the day view's "go to date"
        std::string saved_new_name;            // naming the current search
        int saved_renaming = -1;               // index of the saved search being renamed
        std::string saved_rename_to;
        std::vector<std::string> remove_names;  // a month or source the Files section asks to remove
        std::string remove_what;                // its name, for the question and the status
        std::string search_seen;                // the query text the search box showed last frame
    } inputs;
    MatchRowCache match_rows;
    SummaryLineCache summary_lines;
    // The papers table's columns as last drawn (reader's visibility, display order, width in
    // pixels): what the view settings keep, reported in state() for tests.
    struct ColumnInfo {
        std::string name;
        bool enabled = true;
        int order = 0;
        float width = 0;
    };
    std::vector<ColumnInfo> papers_columns;
    bool papers_sort_synced = false;       // the table's header shows app.sort (panel_papers.cpp)
    // The Files section's tree (core/file_tree.h), rebuilt by app_file_tree when the library changes.
    struct FileTreeCache {
        uint64_t generation = UINT64_MAX;
        size_t files = 0, rejected = 0;
        FileTree tree;
    } file_tree;

    // Get from Hugging Face (issue 11).
    HfFetchUi hf;

    // The reader's marks (core/triage.h; logic in app_triage.cpp). Changed only through the
    // app_triage_* / app_toggle_mark calls, which bump triage_generation and tell the host.
    Triage triage;
    VisitInfo previous_visit;              // the visit before this one, fixed for the session ("is:new")
    QueryContext triage_ctx;               // per entry marks and "new", for the query and the panes
    uint64_t triage_generation = 0;
    uint64_t triage_ctx_generation = UINT64_MAX, triage_ctx_lib_generation = UINT64_MAX;
    uint64_t result_triage_generation = UINT64_MAX;  // what `result` was computed with
    std::string triage_storage_error;      // "" = the marks are being stored; else why not
    bool editing_note = false;             // the detail pane shows the note editor ('n')
    bool focus_note = false;
    int64_t note_entry = -1;               // the entry whose note is being edited
    std::string note_draft;
    int64_t viewing = -1;                  // the selection "mark read on view" is timing
    double viewing_since = 0;

    // The view the URL (or the native settings) shows: last written through host.set_location or
    // applied by app_apply_location. app_frame compares it with the current view.
    ViewState location;
};

// The view settings as the platform keeps them: {"row_lines": "...", "imgui": "<ImGui ini text>"}.
std::string app_view_settings_json(App& app);
// Applies kept view settings (call after app_init, before the first frame). Text that is not
// such JSON is ignored (defaults stay); returns false then.
bool app_load_view_settings(App& app, const std::string& json);

// Call once after ImGui is created; loads fonts from `font_dir` (NanumSquare + fallbacks).
bool app_init(App& app, const std::string& font_dir);
// Draws one frame of UI (between ImGui::NewFrame and ImGui::Render).
void app_frame(App& app);
// True while the app has work for coming frames even without input (a deferred search index):
// the platform keeps drawing.
bool app_has_pending_work(const App& app);
// Builds the search index a load left for later (app_finish_load), once the new list has been
// drawn, or at once when text is typed meanwhile. Called at the start of app_frame, before the
// frame's query runs.
void app_build_deferred_index(App& app);

// Call before changing the library (adding, removing, clearing files); app_finish_load ends it.
void app_begin_change(App& app);
// Loading: add any number of files, then finish once (rebuilds the library and the result, sets
// one status line for the whole load, tells host.library_changed). Returns what library_add did.
AddResult::Kind app_add_file(App& app, const std::string& name, std::string_view bytes);
// A file the platform could not read (permissions, vanished): reported as such, counted as rejected.
void app_add_unreadable(App& app, const std::string& name);
// A file refused before reading (`why`, e.g. too large): reported like an unreadable one.
void app_add_refused(App& app, const std::string& name, const std::string& why);
// Files larger than this are refused by the viewers (not the CLI): one parse of them would hold
// the UI for seconds, and no digest is near it (a month of the largest ones is a few MB).
constexpr size_t kViewerMaxFileBytes = size_t(64) << 20;
std::string too_large_message(uint64_t size);  // the reason given for such a file

// A large load over many frames: app_stage_file parses a file without touching the library (the
// UI keeps drawing what is loaded), app_load_progress says how far the platform is, and
// app_finish_load commits everything staged with one rebuild. Cancelling (Esc, the status bar's
// button) asks the platform through host.cancel_load to stop reading; what was staged is kept.
AddResult::Kind app_stage_file(App& app, const std::string& name, std::string_view bytes);
void app_load_progress(App& app, size_t files_done, size_t files_total, uint64_t bytes_done, uint64_t bytes_total);
void app_cancel_load(App& app);
void app_finish_load(App& app);
// The embedded sample digests (written for the project).
void app_load_sample(App& app);

// Get from Hugging Face (src/ui/panel_fetch.cpp). app_hf_request asks for a run (the first use
// shows a one-line notice first); days > 0 = the last N days, else the default plan.
void app_hf_request(App& app, int days = 0);
// The platform hands finished days over (from its frame loop, never from another thread);
// finished = the run is over. Ok days join the library as hf_file_name(day).
void app_hf_results(App& app, std::vector<HfDayResult>& results, bool finished);

// Applies a URL hash ("#q=...&sort=votes&day=2024-06-06&p=2406.02539") as if navigated to.
void app_apply_location(App& app, const std::string& hash);
// The current view, and its hash (what app_frame hands to host.set_location when it changes).
ViewState app_view_state(const App& app);
std::string app_current_location(const App& app);
// Calls host.set_location if the view changed since it was last written or applied (app_frame
// does this at the end of every frame).
void app_sync_location(App& app);
// The state object the test hooks expose: {files, papers, days, visible, query, selected, ...}.
std::string app_state_json(App& app);

// The period view's week or month (period_day, else the latest loaded day).
Period app_period(const App& app);
// The papers of period p in the result, ranked by votes (period_entries, cached): the rows the
// period view shows and j/k walk.
const std::vector<uint32_t>& app_period_rows(App& app, const Period& p);
// The library's files grouped by source, year and month, for the Files section and state().
const FileTree& app_file_tree(App& app);
// Removes these files with one rebuild and says so in the status bar ("Removed 30 files (2024-06)").
void app_remove_files(App& app, const std::vector<std::string>& names, const std::string& what);
// Makes sure app.result matches the query, filters, sort and library.
void app_update_result(App& app);
// app_update_result, then makes sure app.charts (stats and chart data) match the result
// (app_charts.cpp). The charts panel and app_state_json both call it.
void app_update_stats(App& app);
// app_update_result, then makes sure app.charts.trend_table / trends match the result, the
// terms and the period kind (app_charts.cpp).
void app_update_trends(App& app);
// Selects an entry (and the day view's day if in day mode).
void app_select(App& app, int64_t entry);
void app_set_status(App& app, std::string msg);

// Theme and zoom.
void app_apply_theme(App& app);

// --- The reader's marks (app_triage.cpp) --------------------------------------------------------
// Wall-clock milliseconds since 1970 (the times marks are stamped with).
int64_t app_now_ms();
// Starts this visit from the stored triage file ("" = none stored yet): the previous visit is
// what the file says, and the file now records this one. False with `error` if the text is not a
// usable triage file: the app then starts clean (the platform keeps the bad file aside).
bool app_triage_load(App& app, std::string_view text, std::string& error);
// Import: merges a triage file into the current marks (later change wins; nothing deleted).
// False with a message, and nothing changed, for a broken, foreign or newer file.
bool app_triage_import(App& app, std::string_view text, std::string& message);
// True if these bytes are meant as a triage file (its "format" field), so loading them imports.
bool looks_like_triage(std::string_view bytes);
// Toggles a mark of an entry / sets its note; stamps the time, persists, refreshes the result.
void app_toggle_mark(App& app, int64_t entry, Mark m);
// Marks an entry read if the reader asked for it (triage.mark_read_on_view) and it is not yet.
void app_viewed(App& app, int64_t entry);
// Per frame: a selection kept for a moment counts as viewed (with mark_read_on_view).
void app_triage_frame(App& app, double now_s);
void app_set_mark_read_on_view(App& app, bool on);
// Where the day view opens when no day is asked for: the first day, from the latest day the
// reader read something on, with an unread paper; the latest day if nothing was read (or all
// was). -1 if no days.
int app_first_unread_day(App& app);
void app_set_note(App& app, int64_t entry, std::string note);
// Storage failed (quota, private mode): one message, the app keeps working in memory.
void app_triage_storage_failed(App& app, const std::string& why);
// Makes app.triage_ctx match the library and the marks (cheap when nothing changed).
void app_triage_update(App& app);
// The mark of an entry (null if none) and whether it is new since the last visit.
const TriageMark* app_mark(const App& app, uint32_t entry);
bool app_is_new(const App& app, uint32_t entry);
// Saved searches: the current query and sort under a name (replacing one of that name).
void app_save_search(App& app, const std::string& name);
void app_apply_saved(App& app, const SavedSearch& s);
void app_remove_saved(App& app, size_t index);
void app_rename_saved(App& app, size_t index, const std::string& name);
// Reading lists of the starred papers (library order): BibTeX and digest markdown.
std::string app_starred_bibtex(App& app);
std::string app_starred_markdown(App& app);

}  // namespace dv
