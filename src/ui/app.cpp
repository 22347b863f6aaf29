// App state logic that is not drawing: loading, the query result, selection, the URL hash and the
// state object for the test hooks.
#include "app.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <iterator>
#include <nlohmann/json.hpp>

#include "core/date.h"
#include "core/export.h"
#include "core/text.h"
#include "sample.h"
#include "widgets.h"

namespace dv {

static double now_ms() {
    using namespace std::chrono;
    return duration<double, std::milli>(steady_clock::now().time_since_epoch()).count();
}

void app_set_status(App& app, std::string msg) { app.status = std::move(msg); }

// The key a selection survives library rebuilds by (entry indices move when files come and go).
static std::string selection_key(const Library& lib, int64_t e) {
    if (e < 0 || e >= (int64_t)lib.entries.size()) return {};
    return std::string(entry_key(lib, lib.entries[(size_t)e]));
}

static int64_t find_entry(const Library& lib, const std::string& key) { return library_find(lib, key); }

void app_begin_change(App& app) {
    if (!app.changing) {
        app.selection_key_before_change = selection_key(app.lib, app.selected);
        app.changing = true;
    }
}

// Counts one file of the current load; app_finish_load turns the tally into one status line.
static void tally(App& app, const std::string& name, AddResult::Kind kind, size_t papers, std::string msg) {
    LoadTally& t = app.load_tally;
    t.files++;
    switch (kind) {
    case AddResult::Added: t.added++; t.papers += papers; break;
    case AddResult::Replaced: t.replaced++; t.papers += papers; break;
    case AddResult::Unchanged: t.unchanged++; break;
    case AddResult::Duplicate: t.duplicate++; break;
    case AddResult::Rejected:
        if (t.failed++ == 0) t.first_failure = msg.substr(msg.find(name));
        break;
    }
    t.last_message = std::move(msg);
}

static AddResult::Kind commit_one(App& app, PreparedFile&& p, std::string_view bytes, FileIndex* index = nullptr);

AddResult::Kind app_add_file(App& app, const std::string& name, std::string_view bytes) {
    app_begin_change(app);
    // A triage file (exported marks) opened or dropped like a digest is imported, not listed.
    if (looks_like_triage(bytes)) {
        std::string msg;
        const bool ok = app_triage_import(app, bytes, msg);
        tally(app, name, ok ? AddResult::Unchanged : AddResult::Rejected, 0, ok ? msg : "Could not load " + name + ": " + msg);
        return ok ? AddResult::Unchanged : AddResult::Rejected;
    }
    if (bytes.size() > kViewerMaxFileBytes) {
        app_add_refused(app, name, too_large_message(bytes.size()));
        return AddResult::Rejected;
    }
    return commit_one(app, library_prepare(app.lib, name, bytes), bytes);
}

std::string too_large_message(uint64_t size) {
    char buf[160];
    std::snprintf(buf, sizeof buf, "too large for the viewer (%.0f MB; at most %zu MB): no digest is this big; split it, or use digest-cli",
                  double(size) / (1 << 20), kViewerMaxFileBytes >> 20);
    return buf;
}

static AddResult::Kind commit_one(App& app, PreparedFile&& p, std::string_view bytes, FileIndex* index) {
    const std::string name = p.name;
    AddResult r = library_commit(app.lib, std::move(p), bytes, index);
    std::string msg;
    switch (r.kind) {
    case AddResult::Added: msg = "Loaded " + name + ": " + std::to_string(r.papers) + " papers"; break;
    case AddResult::Replaced: msg = "Reloaded " + name + ": " + std::to_string(r.papers) + " papers"; break;
    case AddResult::Unchanged: msg = name + " is already loaded (unchanged)"; break;
    case AddResult::Duplicate: msg = name + " has the same content as a loaded file: skipped"; break;
    case AddResult::Rejected:
        msg = "Could not load " + name + (r.diagnostics.empty() ? "" : ": " + r.diagnostics.front().message);
        break;
    }
    tally(app, name, r.kind, r.papers, std::move(msg));
    return r.kind;
}

AddResult::Kind app_stage_file(App& app, const std::string& name, std::string_view bytes) {
    app_begin_change(app);
    if (looks_like_triage(bytes) || bytes.size() > kViewerMaxFileBytes) return app_add_file(app, name, bytes);
    app.loading.staged.push_back(library_prepare(app.lib, name, bytes));
    const PreparedFile& p = app.loading.staged.back();
    if (!p.has_parse) return AddResult::Unchanged;  // or a duplicate: told at the commit
    return parse_refused(p.parsed) ? AddResult::Rejected : AddResult::Added;
}

void app_load_progress(App& app, size_t files_done, size_t files_total, uint64_t bytes_done, uint64_t bytes_total) {
    LoadProgress& l = app.loading;
    l.active = files_done < files_total;
    l.files_done = files_done;
    l.files_total = files_total;
    l.bytes_done = bytes_done;
    l.bytes_total = bytes_total;
    if (!l.active) l.cancel_requested = false;
}

void app_cancel_load(App& app) {
    if (!app.loading.active || app.loading.cancel_requested) return;
    app.loading.cancel_requested = true;
    app.load_tally.not_read = app.loading.files_total - app.loading.files_done;
    if (app.host.cancel_load) app.host.cancel_load();
    app_set_status(app, "Cancelling: keeping the " + format_count(app.loading.files_done) + " files read so far");
}

// The staged files join the library (in the order they were staged), before the one rebuild.
static void commit_staged(App& app) {
    std::vector<PreparedFile> staged = std::move(app.loading.staged);
    app.loading.staged.clear();
    // One index for the batch: each commit then finds its name and bytes among the loaded files
    // at once (a folder of 10,000 files would otherwise compare each with every file before it).
    FileIndex index = file_index(app.lib);
    for (PreparedFile& p : staged) commit_one(app, std::move(p), {}, &index);
    app.loading.active = false;
    app.loading.cancel_requested = false;
}

void app_add_refused(App& app, const std::string& name, const std::string& why) {
    app_begin_change(app);
    // Kept like a file library_add refused (latest rejection per name), so the diagnostics list it.
    library_reject(app.lib, name, {Diagnostic{name, 0, Severity::Error, why}});
    tally(app, name, AddResult::Rejected, 0, "Could not load " + name + ": " + why);
}

void app_add_unreadable(App& app, const std::string& name) { app_add_refused(app, name, "the file could not be read"); }

// One status line for everything added since the last finish ("" if nothing was added).
static std::string load_summary(const LoadTally& t) {
    // One file's own message, unless a cancel cut the load short (Esc before the second file).
    if (t.files <= 1 && !t.not_read) return t.last_message;
    const size_t loaded = t.added + t.replaced;
    std::string msg = "Loaded " + (loaded == t.files ? "" : format_count(loaded) + " of ") + format_count(t.files) +
                      (t.files == 1 ? " file: " : " files: ") + format_count(t.papers) + (t.papers == 1 ? " paper" : " papers");
    if (t.replaced) msg += " (" + format_count(t.replaced) + " reloaded)";
    if (t.unchanged) msg += "; " + format_count(t.unchanged) + " already loaded (unchanged)";
    if (t.duplicate) msg += "; " + format_count(t.duplicate) + " with the same content as a loaded file: skipped";
    if (t.failed) msg += "; could not load " + format_count(t.failed) + " (" + t.first_failure + (t.failed > 1 ? ", ..." : "") + ")";
    if (t.not_read) msg += "; cancelled: " + format_count(t.not_read) + " not read";
    return msg;
}

// Tells the host which names are gone since it was last told (removed, cleared).
static void report_library(App& app) {
    std::vector<std::string> now;
    now.reserve(app.lib.files.size());
    for (const LoadedFile& f : app.lib.files) now.push_back(f.name);
    std::sort(now.begin(), now.end());
    std::vector<std::string> removed;
    std::set_difference(app.reported_files.begin(), app.reported_files.end(), now.begin(), now.end(), std::back_inserter(removed));
    app.reported_files = std::move(now);
    if (app.host.library_changed) app.host.library_changed(removed);
}

// Text in the search box: the query needs the index now, not in a later frame.
static bool searching_text(const App& app) { return !app.query_text.empty(); }

bool app_has_pending_work(const App& app) { return app.lib.index_pending; }

void app_build_deferred_index(App& app) {
    if (!app.lib.index_pending) return;
    if (app.index_wait_frames > 0 && !searching_text(app)) {
        --app.index_wait_frames;
        return;
    }
    library_build_index(app.lib);
}

void app_finish_load(App& app) {
    if (!app.loading.staged.empty() || app.loading.active) commit_staged(app);
    size_t before = app.lib.entries.size();
    // A removal or clear has rebuilt already. Without a search the index can wait a frame: the
    // list shows that much sooner (building it was 160 of the 200 ms of the corpus's rebuild in
    // the browser); typed text needs it now.
    if (app.lib.stale) {
        library_rebuild(app.lib, searching_text(app) ? IndexBuild::Now : IndexBuild::Later);
        app.index_wait_frames = 1;
    }
    app.query_dirty = true;
    std::string key = app.changing ? app.selection_key_before_change : selection_key(app.lib, app.selected);
    app.changing = false;
    app.selection_key_before_change.clear();
    app.selected = find_entry(app.lib, key);
    // A paper named by the URL before its file was loaded: select it now that it may be here.
    if (!app.pending_paper.empty()) {
        int64_t e = find_entry(app.lib, app.pending_paper);
        if (e >= 0) {
            app.selected = e;
            app.scroll_to_selected = true;
            app.pending_paper.clear();
        }
    }
    if (app.mode == ViewMode::Day && (app.day_index < 0 || app.day_index >= (int)app.lib.days.size()))
        app.day_index = app_first_unread_day(app);
    if (app.day_index >= (int)app.lib.days.size()) app.day_index = (int)app.lib.days.size() - 1;
    app_update_result(app);
    if (app.selected < 0 && !app.result.empty() && before == 0) app.selected = app.result.front();
    if (app.load_tally.files) app_set_status(app, load_summary(app.load_tally));
    app.load_tally = LoadTally();
    report_library(app);
}

const std::vector<uint32_t>& app_period_rows(App& app, const Period& p) {
    App::PeriodCache& c = app.period_cache;
    if (c.period.kind != p.kind || c.period.first != p.first || c.result_version != app.result_version) {
        c.period = p;
        c.result_version = app.result_version;
        c.rows = period_entries(app.lib, p, &app.in_result);
    }
    return c.rows;
}

const FileTree& app_file_tree(App& app) {
    App::FileTreeCache& c = app.file_tree;
    if (c.generation != app.lib.generation || c.files != app.lib.files.size() || c.rejected != app.lib.rejected.size()) {
        c.tree = file_tree(app.lib);
        c.generation = app.lib.generation;
        c.files = app.lib.files.size();
        c.rejected = app.lib.rejected.size();
    }
    return c.tree;
}

void app_remove_files(App& app, const std::vector<std::string>& names, const std::string& what) {
    if (names.empty()) return;
    app_begin_change(app);
    for (const std::string& n : names) library_drop(app.lib, n);
    app_finish_load(app);  // the one rebuild
    app_set_status(app, names.size() == 1 ? "Removed " + names[0]
                                          : "Removed " + std::to_string(names.size()) + " files (" + what + ")");
}

void app_load_sample(App& app) {
    for (const SampleFile& f : sample_files()) app_add_file(app, f.name, f.text);
    app_finish_load(app);
    app_set_status(app, "Loaded the sample: " + std::to_string(app.lib.entries.size()) + " papers. Drop your own digests any time.");
}

// The typed query plus the quick filters, as one Query.
static Query effective_query(const App& app) {
    Query q = parse_query(app.query_text);
    const QuickFilters& f = app.filters;
    if (f.votes_min > 0) {
        q.has_votes = true;
        q.votes_lo = std::max(q.votes_lo, f.votes_min);
    }
    if (f.votes_max > 0) {
        q.has_votes = true;
        q.votes_hi = std::min(q.votes_hi, f.votes_max);
    }
    int32_t lo, hi;
    if (!f.date_from.empty() && parse_date_prefix(f.date_from, lo, hi)) {
        q.has_date = true;
        q.date_lo = std::max(q.date_lo, lo);
    }
    if (!f.date_to.empty() && parse_date_prefix(f.date_to, lo, hi)) {
        q.has_date = true;
        q.date_hi = std::min(q.date_hi, hi);
    }
    if (!f.label.empty()) {
        TextTerm t;
        t.field = Field::Label;
        t.needle = fold(f.label);
        q.terms.push_back(std::move(t));
    }
    return q;
}

void app_update_result(App& app) {
    if (!app.query_dirty && app.result_generation == app.lib.generation) return;
    double t0 = now_ms();
    app.query = effective_query(app);
    app_triage_update(app);
    // Typing usually narrows the search: then only the previous result needs checking (not after
    // a mark changed: a starred or hidden paper may enter or leave the result).
    const bool narrows = app.result_generation == app.lib.generation && app.result_triage_generation == app.triage_generation &&
                         app.sort.key == app.result_sort.key && app.sort.descending == app.result_sort.descending &&
                         query_narrows(app.query, app.result_query);
    app.result = run_query(app.lib, app.query, app.sort, narrows ? &app.result : nullptr, &app.triage_ctx);
    app.result_triage_generation = app.triage_generation;
    app.result_query = app.query;
    app.result_sort = app.sort;
    app.in_result.assign(app.lib.entries.size(), 0);
    for (uint32_t e : app.result) app.in_result[e] = 1;
    app.last_query_ms = now_ms() - t0;
    app.result_generation = app.lib.generation;
    ++app.result_version;
    app.query_dirty = false;
}

void app_select(App& app, int64_t entry) {
    if (entry < 0 || entry >= (int64_t)app.lib.entries.size()) return;
    app.selected = entry;
    app.scroll_to_selected = true;
}

void app_apply_location(App& app, const std::string& hash) {
    ViewState v = decode_view_state(hash);
    app.location = v;
    if (v.query != app.query_text || v.sort.key != app.sort.key || v.sort.descending != app.sort.descending) {
        app.query_text = v.query;
        app.sort = v.sort;
        app.query_dirty = true;
    }
    Period period;
    if (!v.period.empty() && parse_period(v.period, period)) {
        app.mode = ViewMode::Period;
        app.period_kind = period.kind;
        app.period_day = period.first;
    } else if (v.day != kNoDate) {
        app.mode = ViewMode::Day;
        int idx = library_day_index(app.lib, v.day);
        if (idx >= 0) app.day_index = idx;
    } else {
        app.mode = ViewMode::List;
    }
    app.show_charts = v.charts;
    app.pending_paper.clear();
    if (!v.paper.empty()) {
        int64_t e = find_entry(app.lib, v.paper);
        if (e >= 0) app_select(app, e);
        else app.pending_paper = v.paper;  // resolved by app_finish_load, kept in the URL meanwhile
    }
    app_update_result(app);
}

ViewState app_view_state(const App& app) {
    ViewState v;
    v.query = app.query_text;
    v.sort = app.sort;
    if (app.mode == ViewMode::Day && app.day_index >= 0 && app.day_index < (int)app.lib.days.size())
        v.day = app.lib.days[app.day_index];
    if (app.mode == ViewMode::Period) v.period = format_period(app_period(app));
    v.paper = app.selected >= 0 ? selection_key(app.lib, app.selected) : app.pending_paper;
    v.charts = app.show_charts;
    return v;
}

Period app_period(const App& app) {
    int32_t d = app.period_day;
    if (d == kNoDate) d = app.lib.days.empty() ? days_from_civil(2024, 1, 1) : app.lib.days.back();
    return period_of(app.period_kind, d);
}

std::string app_current_location(const App& app) { return encode_view_state(app_view_state(app)); }

// Which history entry a change deserves: navigating (another paper, day or the charts) pushes,
// typing and sorting replace.
static bool is_navigation(const ViewState& a, const ViewState& b) {
    return a.paper != b.paper || a.day != b.day || a.charts != b.charts || a.period != b.period;
}

void app_sync_location(App& app) {
    ViewState now = app_view_state(app);
    const ViewState& was = app.location;
    const bool same = !is_navigation(was, now) && now.query == was.query && now.sort.key == was.sort.key &&
                      now.sort.descending == was.sort.descending;
    if (same) return;
    const bool push = is_navigation(was, now);
    app.location = std::move(now);
    if (app.host.set_location) app.host.set_location(encode_view_state(app.location), push);
}

nlohmann::json hf_state_json(const App& app);  // panel_fetch.cpp

std::string app_state_json(App& app) {
    app_update_result(app);
    using nlohmann::json;
    json s;
    s["files"] = app.lib.files.size();
    s["papers"] = app.lib.entries.size();
    s["listed"] = app.lib.total_listed;
    s["days"] = app.lib.days.size();
    s["visible"] = app.result.size();
    s["query"] = app.query_text;
    s["query_errors"] = app.query.errors;
    s["sort"] = std::string(sort_key_name(app.sort.key)) + (app.sort.descending ? " desc" : " asc");
    s["mode"] = app.mode == ViewMode::Day ? "day" : app.mode == ViewMode::Period ? "period" : "list";
    s["period"] = app.mode == ViewMode::Period ? json(format_period(app_period(app))) : json(nullptr);
    // The period view's ranking (keys, best first), as `digest-cli query "date:FIRST..LAST" --sort votes`.
    json period_rows = json::array();
    if (app.mode == ViewMode::Period && !app.lib.days.empty())
        for (uint32_t ei : app_period_rows(app, app_period(app))) period_rows.push_back(std::string(entry_key(app.lib, app.lib.entries[ei])));
    s["period_rows"] = period_rows;
    s["day"] = app.mode == ViewMode::Day && app.day_index >= 0 && app.day_index < (int)app.lib.days.size()
                   ? json(format_date(app.lib.days[app.day_index]))
                   : json(nullptr);
    s["selected"] = app.selected >= 0 && app.selected < (int64_t)app.lib.entries.size()
                        ? entry_json(app.lib, (uint32_t)app.selected)
                        : json(nullptr);
    json files = json::array();
    for (const LoadedFile& f : app.lib.files)
        files.push_back({{"name", f.name}, {"format", f.format}, {"papers", f.papers.size()}, {"bytes", f.bytes}});
    s["file_list"] = files;
    // The Files section as drawn: sources, then months newest first.
    json tree = json::array();
    for (const FileTreeSource& src : app_file_tree(app).sources) {
        json months = json::array();
        for (const FileTreeMonth& m : src.months) {
            char ym[16] = "undated";
            if (m.month) std::snprintf(ym, sizeof ym, "%04d-%02d", m.year, m.month);
            months.push_back({{"month", ym}, {"files", m.files.size()}, {"papers", m.papers}});
        }
        tree.push_back({{"source", src.key}, {"label", src.label}, {"files", src.files}, {"papers", src.papers},
                        {"warnings", src.warnings}, {"errors", src.errors}, {"months", months}});
    }
    s["file_tree"] = tree;
    s["row_lines"] = row_lines_name(app.row_lines);
    // The first rows of the list with why each matched: what `digest-cli query --why` gives.
    json rows = json::array();
    for (size_t i = 0; i < app.result.size() && i < 40; ++i) {
        const uint32_t ei = app.result[i];
        const Paper& p = entry_paper(app.lib, app.lib.entries[ei]);
        rows.push_back({{"key", std::string(entry_key(app.lib, app.lib.entries[ei]))},
                        {"title", std::string(get(p, p.title))},
                        {"why", why_json(app.lib, ei, app.query)}});
    }
    s["rows"] = rows;
    json cols = json::array();
    for (const App::ColumnInfo& c : app.papers_columns)
        cols.push_back({{"name", c.name}, {"enabled", c.enabled}, {"order", c.order}, {"width", c.width}});
    s["papers_columns"] = cols;
    json diags = json::array();
    for (const Diagnostic& d : library_diagnostics(app.lib)) diags.push_back(diagnostic_json(d));
    s["diagnostics"] = diags;
    s["status"] = app.status;
    s["loading"] = {{"active", app.loading.active}, {"cancel_requested", app.loading.cancel_requested},
                    {"files_done", app.loading.files_done}, {"files_total", app.loading.files_total},
                    {"bytes_done", app.loading.bytes_done}, {"bytes_total", app.loading.bytes_total},
                    {"staged", app.loading.staged.size()}};
    s["last_query_ms"] = app.last_query_ms;
    s["charts_open"] = app.show_charts;
    s["triage"] = triage_state_json(app.triage, app.triage_ctx);
    s["triage"]["storage_error"] = app.triage_storage_error;
    s["triage"]["editing_note"] = app.editing_note;
    s["location"] = app_current_location(app);
    s["font_size"] = app.font_size;
    s["theme"] = app.dark ? "dark" : "light";
    s["hf"] = hf_state_json(app);
    // Chart data equals `digest-cli stats --json` on the same query.
    app_update_stats(app);
    json full = stats_json(app.lib, app.charts.stats);
    s["charts"] = {{"vote_histogram", full["vote_histogram"]}, {"per_day", full["per_day"]}};
    // Term trends equal `digest-cli stats --json --query Q --trend Q --trend TERM...` (the
    // search's own line first when it has text; see app_update_trends).
    app_update_trends(app);
    s["charts"]["trend"] = trend_json(app.charts.trend_table, app.charts.trends);
    s["charts"]["trend_by"] = app.charts.trend_months ? "month" : "week";
    s["charts"]["trend_ms"] = app.charts.last_trend_ms;
    // Clickable chart marks in CSS pixels (screen pixels / UI scale), for browser tests.
    json regions = json::array();
    const float k = app.ui_scale > 0 ? app.ui_scale : 1.0f;
    for (const ChartState::Region& r : app.charts.regions)
        regions.push_back({{"chart", r.chart}, {"label", r.label}, {"x", r.x0 / k}, {"y", r.y0 / k},
                           {"w", (r.x1 - r.x0) / k}, {"h", (r.y1 - r.y0) / k}});
    s["chart_regions"] = regions;
    return s.dump(-1, ' ', false, json::error_handler_t::replace);
}

}  // namespace dv
