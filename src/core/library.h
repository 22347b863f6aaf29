// The library: many loaded files merged into one deduplicated set of papers.
//
// Rules: loading a name already loaded replaces what that file gave; the same bytes again (under
// any name) change nothing; one arXiv id over several days and several sources (a Korean digest,
// Hugging Face's JSON, another producer's digest) is one entry with all its listings, all its
// days and its highest vote; removing a file removes only what it gave. Every entry also gets its
// vote percentile within its day.
//
// Ownership and validity: Library owns its files; entries, appearances, listings, days, the index,
// the author table and the id lookup are derived by library_rebuild() and hold indices into
// `files` and views into the papers' text. They describe the files as of the last rebuild: after
// library_add() or library_drop() (`stale` is then true) they may name files that moved or are
// gone, so read none of them until library_rebuild() has run. library_remove() and
// library_clear() rebuild before returning.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "key_map.h"
#include "model.h"
#include "search_index.h"

namespace dv {

struct LoadedFile {
    std::string name;
    std::string format;           // what the parser read it as (ParseResult::format)
    uint64_t hash = 0;            // of the raw bytes
    size_t bytes = 0;
    std::vector<Paper> papers;    // as parsed, in file order
    std::vector<Diagnostic> diagnostics;
};

// A file library_add() refused (an error and no papers): kept only for its diagnostics.
struct RejectedFile {
    std::string name;
    std::vector<Diagnostic> diagnostics;
};

// One place a paper was listed: a day, with that day's vote count.
struct Appearance {
    int32_t date = kNoDate;
    int32_t votes = kNoVotes;
    uint32_t file = 0;            // index into Library::files
    uint32_t paper = 0;           // index into that file's papers
};

// One record of a paper as one file gave it (an entry has one per file that lists it).
struct Listing {
    uint32_t file = 0;            // index into Library::files
    uint32_t paper = 0;           // index into that file's papers
};

// One deduplicated paper.
struct Entry {
    uint32_t file = 0, paper = 0; // the appearance whose record is shown: highest votes, then latest
    int32_t date = kNoDate;       // earliest appearance
    int32_t last_date = kNoDate;  // latest appearance
    int32_t votes = kNoVotes;     // highest over appearances (kNoVotes if none has votes)
    float percentile = -1.0f;     // 0..100 within the shown appearance's day; < 0 = null
    uint32_t first_appearance = 0, appearance_count = 0;  // range in Library::appearances
    uint32_t first_listing = 0, listing_count = 0;        // range in Library::listings, file order
};

struct Library {
    std::vector<LoadedFile> files;
    // Derived by library_rebuild(); never edit directly.
    std::vector<Entry> entries;            // sorted by date desc, then votes desc, then title
    std::vector<Appearance> appearances;   // grouped per entry
    std::vector<Listing> listings;         // grouped per entry: every file's record of it
    std::vector<int32_t> days;             // distinct appearance dates, ascending
    std::vector<std::vector<uint32_t>> day_entries;  // per days[i]: entries listed that day, votes desc
    SearchIndex index;
    size_t total_listed = 0;               // papers as written, before dedupe
    uint64_t generation = 0;               // bumps on every change, for caches in the UI
    std::vector<RejectedFile> rejected;    // latest rejection per name; cleared when the name loads
    std::vector<uint32_t> title_rank;      // per entry: order of its folded title (equal titles tie)
    // Authors interned once per rebuild, so charts count into arrays instead of hashing ~8 names a
    // paper on every query change: entry i's authors are author_ids[author_begin[i] .. [i+1]).
    std::vector<std::string_view> author_names;  // views into the papers' arenas
    std::vector<uint32_t> author_ids;
    std::vector<uint32_t> author_begin;    // entries.size() + 1 offsets
    KeyMap by_key;                         // entry_key() -> entry index (library_find)
    bool stale = false;                    // files changed since the last rebuild (see above)
    bool index_pending = false;            // a rebuild left the index for library_build_index
};

struct AddResult {
    enum Kind { Added, Replaced, Unchanged, Duplicate, Rejected } kind = Added;
    size_t papers = 0;
    std::vector<Diagnostic> diagnostics;   // what parsing said (also kept in the file)
};

// A file read and parsed but not yet in a library: the slow half of library_add, which leaves the
// library untouched, so a viewer can parse a large drop over many frames while it keeps drawing
// the library as it was, then commit everything at once. `parsed` is empty (has_parse false) when
// the library already holds these bytes (library_commit then answers Unchanged or Duplicate, or
// parses after all if the library changed meanwhile, which needs the same bytes again).
struct PreparedFile {
    std::string name;
    uint64_t hash = 0;
    size_t bytes = 0;
    bool has_parse = false;
    ParseResult parsed;
};
// The loaded files by name and by content (hashes to positions in `files`), for a batch: given
// one, library_prepare and library_commit find a file's name or bytes among the loaded files in
// constant time instead of comparing it with each (a batch of n files into a library of m costs
// n + m, not n x m: 130 ms of adding 6,600 files). Built by file_index(lib); valid while the
// library's files change only through library_commit calls given this index, which keep it up to
// date (library_drop, or editing `files`, leaves it stale: build another). Without one (nullptr)
// both compare with every file, which is as fast for a single file.
struct FileIndex {
    std::unordered_multimap<uint64_t, uint32_t> by_name;     // hash_bytes(name) -> file
    std::unordered_multimap<uint64_t, uint32_t> by_content;  // LoadedFile::hash -> file
};
FileIndex file_index(const Library& lib);

PreparedFile library_prepare(const Library& lib, std::string_view name, std::string_view bytes, const FileIndex* index = nullptr);
// True if a library refuses what parse() gave: an error and no papers.
bool parse_refused(const ParseResult& r);
// Records a refused file (its diagnostics, replacing an earlier refusal of that name), as
// library_commit does for one that parsed to nothing: for files a viewer could not even read.
void library_reject(Library& lib, std::string_view name, std::vector<Diagnostic> diagnostics);
// Adds a prepared file (no rebuild), with library_add's answers. `bytes` is only needed when the
// file was prepared without a parse and must be parsed now; pass {} otherwise (Rejected then).
AddResult library_commit(Library& lib, PreparedFile&& p, std::string_view bytes, FileIndex* index = nullptr);

// library_prepare for many files on `threads` threads at once (parallel.h: in order on the web,
// which has no threads and stages files over frames instead). Files are independent and preparing
// only reads the library, so they are parsed in any order and returned in input order; the caller
// commits them in that order, which gives exactly library_add's answers (two equal files in one
// batch: the second commit is the Duplicate). `files` views must stay valid until it returns.
// threads <= 1, or fewer than two files, prepares on the caller's thread.
struct FileBytes {
    std::string_view name, bytes;
};
std::vector<PreparedFile> library_prepare_all(const Library& lib, const std::vector<FileBytes>& files, unsigned threads);
// library_prepare_all, then library_commit of each in order (no rebuild): the batch library_add.
std::vector<AddResult> library_add_all(Library& lib, const std::vector<FileBytes>& files, unsigned threads);

// Parses and adds one file but does not rebuild: call library_rebuild() after a batch.
// library_commit(lib, library_prepare(lib, name, bytes), bytes).
// Same bytes under another name: Duplicate, and nothing changes (not even that other name's
// earlier content, if it had any).
AddResult library_add(Library& lib, std::string_view name, std::string_view bytes);
// Drops a file (and any rejection under that name) without rebuilding: the batch form, for
// removing many files at once; call library_rebuild() after. False if the name was not loaded.
bool library_drop(Library& lib, std::string_view name);
// library_drop, then library_rebuild (file indices shift, so entries would dangle).
bool library_remove(Library& lib, std::string_view name);
void library_clear(Library& lib);
// Recomputes entries, appearances, listings, days, percentiles, the search index, the author
// table and the id lookup; clears `stale`. IndexBuild::Later leaves the index empty and sets
// `index_pending` instead: a viewer shows the new list a frame sooner (the index was most of a
// rebuild's time in the browser) and builds it in the next frame with library_build_index.
// Queries meanwhile give the same answers, by scanning (run_query uses the index only when it
// covers every entry).
enum class IndexBuild { Now, Later };
void library_rebuild(Library& lib, IndexBuild index = IndexBuild::Now);
// Builds the index a rebuild left for later. Does nothing (false) if none is pending, or if the
// files changed since (`stale`: the next rebuild decides again).
bool library_build_index(Library& lib);

inline const Paper& entry_paper(const Library& lib, const Entry& e) { return lib.files[e.file].papers[e.paper]; }
inline const std::string& entry_source(const Library& lib, const Entry& e) { return lib.files[e.file].name; }
inline const Paper& listing_paper(const Library& lib, const Listing& l) { return lib.files[l.file].papers[l.paper]; }

// The key an entry is found by across rebuilds: its arXiv id, else its url, else its title.
std::string_view entry_key(const Library& lib, const Entry& e);
// The entry with that key (arXiv id, url or title as entry_key gives them), or -1.
int64_t library_find(const Library& lib, std::string_view key);

// All diagnostics of all files, in file order, then those of rejected files.
std::vector<Diagnostic> library_diagnostics(const Library& lib);
// Index into lib.days of `date`, or -1.
int library_day_index(const Library& lib, int32_t date);

}  // namespace dv
