// The reader's work on the papers: star, read, hide, a note, saved searches and the last visit.
//
// One open, versioned JSON file holds it (the same on the web, in IndexedDB, and on the desktop,
// in $XDG_DATA_HOME/digest-viewer/triage.json), so it travels between them:
//
//   {"format":"digest-viewer-triage","version":1,
//    "papers":{"<key>":{"starred":bool,"read":bool,"hidden":bool,"note":"...","updated":"ISO-8601",
//                       "times":{"starred":"ISO-8601","read":...,"hidden":...,"note":...}}},
//    "saved":[{"name":"...","query":"...","sort":"votes desc"}],
//    "last_visit":"ISO-8601","seen_days":["YYYY-MM-DD",...],"settings":{"mark_read_on_view":false}}
//
// A paper's key is its arXiv id (so a mark follows the paper across days, files and sources), else
// its normalised title. "updated" is the latest of the per-mark "times"; a file without "times"
// gives every mark that time. Readers ignore fields they do not know. Core code: no exceptions.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "library.h"

namespace dv {

constexpr const char* kTriageFormat = "digest-viewer-triage";
constexpr int kTriageVersion = 1;

// Times are milliseconds since 1970-01-01 UTC; 0 = never set.
struct TriageMark {
    bool starred = false, read = false, hidden = false;
    std::string note;                  // markdown, rendered like summaries; "" = none
    int64_t starred_at = 0, read_at = 0, hidden_at = 0, note_at = 0;
};

struct SavedSearch {
    std::string name;
    std::string query;                 // the query text, quick filters included as terms
    std::string sort;                  // "votes desc", as app_state_json writes it; "" = default
};

struct Triage {
    // By triage_key(); ordered, so the file is stable; std::less<> finds by string_view (no copy).
    std::map<std::string, TriageMark, std::less<>> papers;
    std::vector<SavedSearch> saved;            // in the reader's order
    int64_t last_visit = 0;                    // when the reader last looked
    std::vector<int32_t> seen_days;            // digest days loaded as of last_visit, ascending
    // The reader's preference, travelling with the marks ("settings" in the file).
    bool mark_read_on_view = false;            // viewing a paper for a moment, or opening its link, marks it read
};

// What "new since last visit" compares against: the previous visit, kept fixed for a session
// while the Triage itself already records the current one.
struct VisitInfo {
    int64_t last_visit = 0;            // 0 = no earlier visit: nothing is new
    std::vector<int32_t> seen_days;    // ascending
};

// The key of a paper: its arXiv id, else its title folded with whitespace runs collapsed.
std::string triage_key(const Paper& p);
std::string triage_key(const Library& lib, uint32_t entry);
// The mark of a key; null if it has none.
const TriageMark* triage_find(const Triage& t, std::string_view key);
// The mark of an entry without building its key when it has an arXiv id (the common case).
const TriageMark* triage_find_entry(const Triage& t, const Library& lib, uint32_t entry);

// Setting a mark (with its time). A key whose marks are all back to defaults is kept: its times
// must win over an older file it is merged with later.
enum class Mark : uint8_t { Starred, Read, Hidden };
void triage_set(Triage& t, const std::string& key, Mark m, bool on, int64_t now_ms);
void triage_set_note(Triage& t, const std::string& key, std::string note, int64_t now_ms);
bool mark_value(const TriageMark& m, Mark which);

// Merges `other` into `into`: per key and per mark the later time wins (a tie keeps `into`);
// a key, a saved search or a seen day only one side has is kept. Saved searches match by name
// (`into`'s wins), and so do settings. last_visit is the later one.
void triage_merge(Triage& into, const Triage& other);

// Parses a triage file. False (with a message for the reader, and `out` untouched) if it is not
// JSON, not a triage file, from a newer version, or has a field of the wrong type.
bool triage_parse(std::string_view text, Triage& out, std::string& error);
std::string triage_to_json(const Triage& t);

// "2026-12-02T03:13:11.123Z" and back (any offset, fraction optional). False if malformed.
std::string format_iso_time(int64_t ms);
bool parse_iso_time(std::string_view s, int64_t& ms);

// A paper is new if its first appearance date is after the last visit's day, or none of its
// appearance days had been loaded at the last visit (it was first loaded since).
bool entry_is_new(const Library& lib, uint32_t entry, const VisitInfo& v);

// What the triage query terms (is:starred, is:new, note:..., query.h) read: per entry of one
// library generation, its mark and whether it is new. Rebuild it when the library or the triage
// changes (pointers into Triage::papers stay valid until that map changes).
struct QueryContext {
    std::vector<const TriageMark*> marks;  // per entry; null = no mark
    std::vector<uint8_t> is_new;           // per entry
    uint64_t generation = 0;               // Library::generation it was built for
    bool any_hidden = false;               // some entry is hidden (else hiding needs no check)
};
QueryContext make_query_context(const Library& lib, const Triage& t, const VisitInfo& v);

// The entries of `lib` with a star, in library order (for the reading-list exports).
std::vector<uint32_t> starred_entries(const Library& lib, const QueryContext& ctx);
// The triage object of `state()` / `--dump-state`: {starred:[keys], read:[keys], hidden:[keys],
// notes:{key:text}, new:N, saved:N, last_visit}; only keys of loaded papers count towards `new`.
nlohmann::json triage_state_json(const Triage& t, const QueryContext& ctx);

}  // namespace dv
