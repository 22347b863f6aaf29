// The reader's marks in the app: loading this visit, toggling marks and notes, import, saved
// searches, reading lists. Every change ends in triage_touched(), the one place that bumps the
// generation (the result and the panes follow) and hands the file to host.triage_changed.
#include <algorithm>
#include <chrono>
#include <iterator>

#include "app.h"
#include "core/date.h"
#include "core/bibtex.h"
#include "core/export.h"

namespace dv {

int64_t app_now_ms() {
    using namespace std::chrono;
    return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

// The days loaded now join the seen days: the next visit counts papers of other days as new.
static bool note_seen_days(App& app) {
    std::vector<int32_t> merged;
    std::set_union(app.triage.seen_days.begin(), app.triage.seen_days.end(), app.lib.days.begin(), app.lib.days.end(),
                   std::back_inserter(merged));
    if (merged == app.triage.seen_days) return false;
    app.triage.seen_days = std::move(merged);
    return true;
}

static void triage_touched(App& app) {
    app.triage_generation++;
    app.query_dirty = true;
    if (app.host.triage_changed) app.host.triage_changed(triage_to_json(app.triage));
}

// One entry's mark changed: patch the context instead of rebuilding it (a rebuild visits every
// entry), when the context was current and the key is the entry's arXiv id (the library holds
// one entry per id; title keys may be shared, so those rebuild).
static void patch_ctx(App& app, int64_t entry, const std::string& key) {
    QueryContext& c = app.triage_ctx;
    if (app.triage_ctx_generation + 1 != app.triage_generation || app.triage_ctx_lib_generation != app.lib.generation ||
        entry < 0 || (size_t)entry >= c.marks.size())
        return;
    const Paper& p = entry_paper(app.lib, app.lib.entries[(size_t)entry]);
    if (get(p, p.arxiv_id) != key) return;
    c.marks[(size_t)entry] = triage_find(app.triage, key);
    c.any_hidden = c.any_hidden || (c.marks[(size_t)entry] && c.marks[(size_t)entry]->hidden);
    app.triage_ctx_generation = app.triage_generation;
}

void app_triage_update(App& app) {
    if (app.triage_ctx_generation == app.triage_generation && app.triage_ctx_lib_generation == app.lib.generation) return;
    // A library change: the seen days grow (stored with the next write, or now).
    if (app.triage_ctx_lib_generation != app.lib.generation && note_seen_days(app)) {
        app.triage_generation++;
        if (app.host.triage_changed) app.host.triage_changed(triage_to_json(app.triage));
    }
    app.triage_ctx = make_query_context(app.lib, app.triage, app.previous_visit);
    app.triage_ctx_generation = app.triage_generation;
    app.triage_ctx_lib_generation = app.lib.generation;
}

bool app_triage_load(App& app, std::string_view text, std::string& error) {
    Triage stored;
    bool ok = true;
    if (!text.empty() && !triage_parse(text, stored, error)) ok = false;
    if (ok) app.previous_visit = VisitInfo{stored.last_visit, stored.seen_days};
    // Anything marked before the stored file arrived (the web reads it asynchronously) is kept.
    triage_merge(stored, app.triage);
    app.triage = std::move(stored);
    app.triage.last_visit = app_now_ms();
    note_seen_days(app);
    triage_touched(app);
    return ok;
}

bool looks_like_triage(std::string_view bytes) {
    // The format name near the start of a JSON object (our writer puts it first).
    std::string_view head = bytes.substr(0, 512);
    size_t i = head.find_first_not_of(" \t\r\n\xEF\xBB\xBF");
    return i != std::string_view::npos && head[i] == '{' && head.find(kTriageFormat) != std::string_view::npos;
}

bool app_triage_import(App& app, std::string_view text, std::string& message) {
    Triage incoming;
    std::string err;
    if (!triage_parse(text, incoming, err)) {
        message = "Did not import the marks: " + err + ". Nothing changed.";
        return false;
    }
    const size_t before = app.triage.papers.size(), saved_before = app.triage.saved.size();
    // The previous visit stays this session's: importing must not make everything old or new.
    const int64_t visit = app.triage.last_visit;
    triage_merge(app.triage, incoming);
    app.triage.last_visit = visit;
    triage_touched(app);
    message = "Imported marks for " + std::to_string(incoming.papers.size()) + " papers (" +
              std::to_string(app.triage.papers.size() - before) + " new here), " +
              std::to_string(app.triage.saved.size() - saved_before) + " saved searches added";
    return true;
}

void app_toggle_mark(App& app, int64_t entry, Mark m) {
    if (entry < 0 || entry >= (int64_t)app.lib.entries.size()) return;
    const std::string key = triage_key(app.lib, (uint32_t)entry);
    const TriageMark* cur = triage_find(app.triage, key);
    const bool on = !(cur && mark_value(*cur, m));
    triage_set(app.triage, key, m, on, app_now_ms());
    triage_touched(app);
    patch_ctx(app, entry, key);
    static const char* kOn[] = {"Starred", "Marked read", "Hidden"};
    static const char* kOff[] = {"Unstarred", "Marked unread", "Shown again"};
    std::string msg = std::string(on ? kOn[(int)m] : kOff[(int)m]) + ": " + std::string(get(entry_paper(app.lib, app.lib.entries[entry]), entry_paper(app.lib, app.lib.entries[entry]).title));
    if (m == Mark::Hidden && on) msg += "  (is:hidden lists hidden papers)";
    app_set_status(app, msg);
}

void app_viewed(App& app, int64_t entry) {
    if (!app.triage.mark_read_on_view || entry < 0 || entry >= (int64_t)app.lib.entries.size()) return;
    const TriageMark* m = triage_find_entry(app.triage, app.lib, (uint32_t)entry);
    if (m && m->read_at) return;  // read, or marked unread by hand since: the reader decided
    app_toggle_mark(app, entry, Mark::Read);
}

void app_triage_frame(App& app, double now_s) {
    if (!app.triage.mark_read_on_view) return;
    if (app.selected != app.viewing) {
        app.viewing = app.selected;
        app.viewing_since = now_s;
        return;
    }
    // "A moment": shorter than the platforms' wake-up after input (0.75 s), so no timer is needed.
    if (app.viewing >= 0 && now_s - app.viewing_since >= 0.6) {
        app_viewed(app, app.viewing);
        app.viewing_since = 1e300;  // once per selection
    }
}

void app_set_mark_read_on_view(App& app, bool on) {
    app.triage.mark_read_on_view = on;
    app.viewing = -1;
    triage_touched(app);
}

int app_first_unread_day(App& app) {
    const int days = (int)app.lib.days.size();
    if (days == 0) return -1;
    app_triage_update(app);
    auto is_read = [&](uint32_t e) {
        const TriageMark* m = app_mark(app, e);
        return m && m->read;
    };
    int last_read = -1;
    for (int d = 0; d < days; ++d)
        for (uint32_t e : app.lib.day_entries[(size_t)d])
            if (is_read(e)) last_read = d;
    if (last_read < 0) return days - 1;
    for (int d = last_read; d < days; ++d)
        for (uint32_t e : app.lib.day_entries[(size_t)d])
            if (!is_read(e) && !(app_mark(app, e) && app_mark(app, e)->hidden)) return d;
    return days - 1;
}

void app_set_note(App& app, int64_t entry, std::string note) {
    if (entry < 0 || entry >= (int64_t)app.lib.entries.size()) return;
    const std::string key = triage_key(app.lib, (uint32_t)entry);
    const TriageMark* cur = triage_find(app.triage, key);
    if (cur ? cur->note == note : note.empty()) return;
    triage_set_note(app.triage, key, std::move(note), app_now_ms());
    triage_touched(app);
    patch_ctx(app, entry, key);
}

void app_triage_storage_failed(App& app, const std::string& why) {
    if (!app.triage_storage_error.empty()) return;  // said once
    app.triage_storage_error = why;
    app_set_status(app, "Your marks cannot be stored here (" + why + "): they last until you close the viewer. Use Export marks to keep them.");
}

const TriageMark* app_mark(const App& app, uint32_t entry) {
    return entry < app.triage_ctx.marks.size() ? app.triage_ctx.marks[entry] : nullptr;
}

bool app_is_new(const App& app, uint32_t entry) { return entry < app.triage_ctx.is_new.size() && app.triage_ctx.is_new[entry]; }

static std::string sort_text(Sort s) { return std::string(sort_key_name(s.key)) + (s.descending ? " desc" : " asc"); }

// The typed query with the quick filters written into it as query terms (the filters are ANDed
// with the query, so the saved text alone gives the same result on any platform or in digest-cli).
static std::string query_with_filters(const App& app) {
    std::string q = app.query_text;
    const QuickFilters& f = app.filters;
    auto add = [&](const std::string& term) {
        if (!q.empty() && q.back() != ' ') q.push_back(' ');
        q += term;
    };
    if (f.votes_min > 0 || f.votes_max > 0) add(votes_term(std::max(0, f.votes_min), f.votes_max > 0 ? f.votes_max : INT32_MAX / 2));
    int32_t lo = kNoDate, hi = kNoDate, a, b;
    if (!f.date_from.empty() && parse_date_prefix(f.date_from, a, b)) lo = a;
    if (!f.date_to.empty() && parse_date_prefix(f.date_to, a, b)) hi = b;
    if (lo != kNoDate || hi != kNoDate)
        add("date:" + (lo != kNoDate ? format_date(lo) : std::string()) + ".." + (hi != kNoDate ? format_date(hi) : std::string()));
    if (!f.label.empty()) add("label:" + query_value(f.label));
    return q;
}

void app_save_search(App& app, const std::string& name) {
    if (name.empty()) return;
    SavedSearch s{name, query_with_filters(app), sort_text(app.sort)};
    auto it = std::find_if(app.triage.saved.begin(), app.triage.saved.end(), [&](const SavedSearch& x) { return x.name == name; });
    if (it != app.triage.saved.end()) *it = s;
    else app.triage.saved.push_back(s);
    triage_touched(app);
    app_set_status(app, "Saved the search \"" + name + "\"");
}

void app_apply_saved(App& app, const SavedSearch& s) {
    app.query_text = s.query;
    app.filters = QuickFilters{};  // a saved search carries its filters in its text
    const size_t sp = s.sort.find(' ');
    SortKey k;
    if (parse_sort_key(s.sort.substr(0, sp), k)) {
        app.sort.key = k;
        app.sort.descending = sp == std::string::npos || s.sort.substr(sp + 1) != "asc";
    }
    app.query_dirty = true;
}

void app_remove_saved(App& app, size_t index) {
    if (index >= app.triage.saved.size()) return;
    app.triage.saved.erase(app.triage.saved.begin() + (std::ptrdiff_t)index);
    triage_touched(app);
}

void app_rename_saved(App& app, size_t index, const std::string& name) {
    if (index >= app.triage.saved.size() || name.empty()) return;
    app.triage.saved[index].name = name;
    triage_touched(app);
}

std::string app_starred_bibtex(App& app) {
    app_triage_update(app);
    std::string out;
    for (uint32_t e : starred_entries(app.lib, app.triage_ctx)) out += bibtex_entry(entry_paper(app.lib, app.lib.entries[e])) + "\n";
    return out;
}

std::string app_starred_markdown(App& app) {
    app_triage_update(app);
    return export_markdown(app.lib, starred_entries(app.lib, app.triage_ctx));
}

}  // namespace dv
