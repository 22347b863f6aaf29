// library_rebuild (library.h): the files' papers merged into deduplicated entries, as a list of
// phases, each a function with its inputs and outputs in plain structs. Only library.cpp's
// callers and tests see the result; nothing here changes `files`.
#include <algorithm>
#include <cstring>

#include "library.h"
#include "parallel.h"
#include "text.h"

namespace dv {

namespace {

// Votes with "none" below every real count, for max and comparisons.
inline int32_t vote_rank(int32_t v) { return v == kNoVotes ? -1 : v; }

// A paper whose only title is its id ("## 2505.04588" digests): another listing's title is better.
bool title_is_id(const Paper& p) { return !is_null(p.arxiv_id) && get(p, p.title) == get(p, p.arxiv_id); }

// --- phase 1: every listed paper gets a slot (its deduplicated entry), in first-seen order --------

struct Ref {
    uint32_t slot;
    uint32_t file, paper;
};

struct Slots {
    std::vector<Ref> refs;      // file order
    uint32_t count = 0;
};

// Papers merge by arXiv id; without one by url; without both by date and title.
Slots assign_slots(const Library& lib, size_t total) {
    Slots s;
    s.refs.reserve(total);
    KeyMap by_id(total), by_url, by_title;
    // Date + title keys are built here; reserved up front so the views KeyMap keeps stay valid.
    std::vector<std::string> title_keys;
    title_keys.reserve(total);
    for (uint32_t fi = 0; fi < lib.files.size(); ++fi) {
        const LoadedFile& f = lib.files[fi];
        for (uint32_t pi = 0; pi < f.papers.size(); ++pi) {
            const Paper& p = f.papers[pi];
            uint32_t slot;
            if (!is_null(p.arxiv_id) && p.arxiv_id.len > 0) {
                slot = by_id.get_or_insert(get(p, p.arxiv_id), s.count);
            } else if (!is_null(p.url) && p.url.len > 0) {
                slot = by_url.get_or_insert(get(p, p.url), s.count);
            } else {
                std::string& key = title_keys.emplace_back(reinterpret_cast<const char*>(&p.date), sizeof p.date);
                key.append(get(p, p.title));
                slot = by_title.get_or_insert(key, s.count);
            }
            if (slot == s.count) ++s.count;
            s.refs.push_back({slot, fi, pi});
        }
    }
    return s;
}

// --- phase 2: the refs grouped per slot (a counting sort keeps file order within a slot) ----------

struct Groups {
    std::vector<uint32_t> start;    // slots + 1 offsets into `order`
    std::vector<uint32_t> order;    // ref indices
};

Groups group_refs(const Slots& s) {
    Groups g;
    g.start.assign(s.count + 1, 0);
    for (const Ref& r : s.refs) ++g.start[r.slot + 1];
    for (uint32_t k = 0; k < s.count; ++k) g.start[k + 1] += g.start[k];
    g.order.resize(s.refs.size());
    std::vector<uint32_t> fill(g.start.begin(), g.start.end() - 1);
    for (uint32_t i = 0; i < s.refs.size(); ++i) g.order[fill[s.refs[i].slot]++] = i;
    return g;
}

// --- phase 3: per slot, its appearances (one per distinct date) and the entry fields ---------------

struct Merged {
    std::vector<Entry> entry;           // per slot; first_* still to be set
    std::vector<Appearance> apps;       // grouped per slot
    std::vector<uint32_t> app_start;    // slots + 1
    std::vector<int32_t> shown_date;    // per slot: the date of the shown record's appearance
};

// One appearance per distinct date (max votes that day, the later listing on ties), sorted by
// date; the shown record is the highest-voted one (later date on ties), unless its title is only
// its id and another listing has a title.
Merged merge_appearances(const Library& lib, const Slots& s, const Groups& g) {
    Merged m;
    m.entry.resize(s.count);
    m.apps.reserve(s.refs.size());
    m.app_start.assign(s.count + 1, 0);
    m.shown_date.resize(s.count);
    for (uint32_t k = 0; k < s.count; ++k) {
        const size_t first = m.apps.size();
        for (uint32_t x = g.start[k]; x < g.start[k + 1]; ++x) {
            const Ref& r = s.refs[g.order[x]];
            const Paper& p = lib.files[r.file].papers[r.paper];
            Appearance a{p.date, p.votes, r.file, r.paper};
            bool merged = false;
            for (size_t j = first; j < m.apps.size(); ++j) {
                if (m.apps[j].date == a.date) {
                    if (vote_rank(a.votes) >= vote_rank(m.apps[j].votes)) m.apps[j] = a;
                    merged = true;
                    break;
                }
            }
            if (!merged) m.apps.push_back(a);
        }
        if (m.apps.size() - first > 1)
            std::sort(m.apps.begin() + first, m.apps.end(), [](const Appearance& a, const Appearance& b) { return a.date < b.date; });
        m.app_start[k + 1] = uint32_t(m.apps.size());

        Entry& e = m.entry[k];
        e.date = kNoDate;
        e.last_date = kNoDate;
        e.votes = kNoVotes;
        size_t shown = first;
        for (size_t j = first; j < m.apps.size(); ++j) {
            const Appearance& a = m.apps[j];
            if (a.date != kNoDate) {
                if (e.date == kNoDate) e.date = a.date;
                e.last_date = a.date;
            }
            if (vote_rank(a.votes) > vote_rank(e.votes)) e.votes = a.votes;
            if (vote_rank(a.votes) >= vote_rank(m.apps[shown].votes)) shown = j;  // later date wins ties
        }
        m.shown_date[k] = m.apps[shown].date;
        e.file = m.apps[shown].file;
        e.paper = m.apps[shown].paper;
        if (title_is_id(lib.files[e.file].papers[e.paper])) {
            for (uint32_t x = g.start[k]; x < g.start[k + 1]; ++x) {
                const Ref& r = s.refs[g.order[x]];
                if (!title_is_id(lib.files[r.file].papers[r.paper])) {
                    e.file = r.file;
                    e.paper = r.paper;
                    break;
                }
            }
        }
        e.percentile = -1.0f;
    }
    return m;
}

// --- phase 4: folded titles, for the entry order and title_rank ------------------------------------

struct Titles {
    std::string text;
    std::vector<uint32_t> off;  // slots + 1
    std::string_view operator[](uint32_t k) const { return std::string_view(text.data() + off[k], off[k + 1] - off[k]); }
};

Titles fold_titles(const Library& lib, const std::vector<Entry>& entry) {
    Titles t;
    t.off.assign(entry.size() + 1, 0);
    t.text.reserve(entry.size() * 80);
    for (size_t k = 0; k < entry.size(); ++k) {
        const Paper& p = lib.files[entry[k].file].papers[entry[k].paper];
        fold_append(t.text, get(p, p.title));
        t.off[k + 1] = uint32_t(t.text.size());
    }
    return t;
}

// --- phase 5: entry order: date desc, votes desc, folded title asc, first seen ----------------------

std::vector<uint32_t> entry_order(const std::vector<Entry>& entry, const Titles& titles) {
    struct SortItem {
        uint64_t key;
        uint32_t slot;
    };
    std::vector<SortItem> items(entry.size());
    for (uint32_t k = 0; k < entry.size(); ++k) {
        const Entry& e = entry[k];
        // date desc with kNoDate last, then votes desc with none last: ascending on this key.
        const uint64_t d = e.date == kNoDate ? UINT32_MAX : uint32_t(int64_t(INT32_MAX) - e.date);
        const uint64_t v = e.votes == kNoVotes ? UINT32_MAX : uint32_t(int64_t(INT32_MAX) - e.votes);
        items[k] = {(d << 32) | v, k};
    }
    std::sort(items.begin(), items.end(), [&](const SortItem& a, const SortItem& b) {
        if (a.key != b.key) return a.key < b.key;
        int c = titles[a.slot].compare(titles[b.slot]);
        if (c != 0) return c < 0;
        return a.slot < b.slot;
    });
    std::vector<uint32_t> order(entry.size());
    for (size_t k = 0; k < items.size(); ++k) order[k] = items[k].slot;
    return order;
}

// --- phase 6: entries, appearances and listings in that order ----------------------------------------

void emit_entries(Library& lib, const Slots& s, const Groups& g, const Merged& m, const std::vector<uint32_t>& order,
                  std::vector<int32_t>& shown_date) {
    lib.entries.clear();
    lib.entries.reserve(order.size());
    lib.appearances.clear();
    lib.appearances.reserve(m.apps.size());
    lib.listings.clear();
    lib.listings.reserve(s.refs.size());
    shown_date.resize(order.size());
    for (uint32_t k = 0; k < order.size(); ++k) {
        const uint32_t slot = order[k];
        Entry e = m.entry[slot];
        e.first_appearance = uint32_t(lib.appearances.size());
        e.appearance_count = m.app_start[slot + 1] - m.app_start[slot];
        lib.appearances.insert(lib.appearances.end(), m.apps.begin() + m.app_start[slot], m.apps.begin() + m.app_start[slot + 1]);
        e.first_listing = uint32_t(lib.listings.size());
        e.listing_count = g.start[slot + 1] - g.start[slot];
        for (uint32_t x = g.start[slot]; x < g.start[slot + 1]; ++x) {
            const Ref& r = s.refs[g.order[x]];
            lib.listings.push_back({r.file, r.paper});
        }
        lib.entries.push_back(e);
        shown_date[k] = m.shown_date[slot];
    }
}

// --- phase 7: title_rank: equal folded titles share a rank -------------------------------------------

void rank_titles(Library& lib, const std::vector<uint32_t>& order, const Titles& titles) {
    const uint32_t n = uint32_t(order.size());
    // Sorted by the first 8 bytes as a big-endian number first: most comparisons stay integer.
    struct TitleKey {
        uint64_t prefix;
        uint32_t entry;
    };
    std::vector<TitleKey> keys(n);
    for (uint32_t k = 0; k < n; ++k) {
        const std::string_view t = titles[order[k]];
        uint64_t prefix = 0;
        for (size_t b = 0; b < 8; ++b) prefix = (prefix << 8) | (b < t.size() ? uint8_t(t[b]) : 0);
        keys[k] = {prefix, k};
    }
    std::sort(keys.begin(), keys.end(), [&](const TitleKey& a, const TitleKey& b) {
        if (a.prefix != b.prefix) return a.prefix < b.prefix;
        const int c = titles[order[a.entry]].compare(titles[order[b.entry]]);
        return c != 0 ? c < 0 : a.entry < b.entry;
    });
    lib.title_rank.assign(n, 0);
    uint32_t rank = 0;
    for (uint32_t i = 0; i < n; ++i) {
        if (i > 0 && titles[order[keys[i].entry]] != titles[order[keys[i - 1].entry]]) rank = i;
        lib.title_rank[keys[i].entry] = rank;
    }
}

// --- phase 8: days, their entries (that day's votes desc, none last, then title), percentiles -------

void build_days(Library& lib, const std::vector<int32_t>& shown_date) {
    lib.days.clear();
    for (const Appearance& a : lib.appearances)
        if (a.date != kNoDate) lib.days.push_back(a.date);
    std::sort(lib.days.begin(), lib.days.end());
    lib.days.erase(std::unique(lib.days.begin(), lib.days.end()), lib.days.end());
    struct DayItem {
        int32_t votes;
        uint32_t entry;
    };
    std::vector<uint32_t> day_count(lib.days.size() + 1, 0);
    std::vector<uint32_t> app_day(lib.appearances.size(), UINT32_MAX);
    for (size_t i = 0; i < lib.appearances.size(); ++i) {
        const int32_t d = lib.appearances[i].date;
        if (d == kNoDate) continue;
        app_day[i] = uint32_t(std::lower_bound(lib.days.begin(), lib.days.end(), d) - lib.days.begin());
        ++day_count[app_day[i] + 1];
    }
    for (size_t i = 0; i < lib.days.size(); ++i) day_count[i + 1] += day_count[i];
    std::vector<DayItem> day_items(day_count.back());
    {
        std::vector<uint32_t> fill(day_count.begin(), day_count.end() - 1);
        for (uint32_t k = 0; k < lib.entries.size(); ++k) {
            const Entry& e = lib.entries[k];
            for (uint32_t a = e.first_appearance; a < e.first_appearance + e.appearance_count; ++a)
                if (app_day[a] != UINT32_MAX) day_items[fill[app_day[a]]++] = {lib.appearances[a].votes, k};
        }
    }
    lib.day_entries.assign(lib.days.size(), {});
    for (size_t di = 0; di < lib.days.size(); ++di) {
        auto b = day_items.begin() + day_count[di], en = day_items.begin() + day_count[di + 1];
        std::sort(b, en, [&](const DayItem& x, const DayItem& y) {
            if (x.votes != y.votes) return vote_rank(x.votes) > vote_rank(y.votes);
            const uint32_t rx = lib.title_rank[x.entry], ry = lib.title_rank[y.entry];
            return rx != ry ? rx < ry : x.entry < y.entry;
        });
        auto& out = lib.day_entries[di];
        out.reserve(size_t(en - b));
        // Percentiles: the list is votes desc, so "strictly lower" = those after the run of equals.
        uint32_t n = 0;
        for (auto it = b; it != en; ++it) n += it->votes != kNoVotes;
        const int32_t day = lib.days[di];
        for (auto it = b; it != en;) {
            auto run = it;
            while (run != en && run->votes == it->votes) ++run;
            const uint32_t lower = n - uint32_t(run - b);  // with votes, after this run
            for (auto x = it; x != run; ++x) {
                out.push_back(x->entry);
                if (x->votes == kNoVotes || shown_date[x->entry] != day) continue;
                lib.entries[x->entry].percentile = n == 1 ? 100.0f : float(100.0 * lower / double(n - 1));
            }
            it = run;
        }
    }
}

// --- phase 9: the search index (search_index.h) ------------------------------------------------

// An entry listed by several files is indexed by the union of their texts (a Korean summary and
// an English abstract both find it), as entry_holds() verifies every listing.
void build_index(Library& lib) {
    index_build(lib.index, uint32_t(lib.entries.size()), [&](uint32_t i, std::vector<std::string_view>& out) {
        const Entry& e = lib.entries[i];
        out.push_back(searchable(lib.files[e.file].papers[e.paper]));
        for (uint32_t l = e.first_listing; e.listing_count > 1 && l < e.first_listing + e.listing_count; ++l) {
            const Listing& li = lib.listings[l];
            if (li.file == e.file && li.paper == e.paper) continue;
            out.push_back(searchable(lib.files[li.file].papers[li.paper]));
        }
    }, hardware_threads());
}

// --- phase 10: authors interned once, so charts count into arrays ----------------------------------

void intern_authors(Library& lib) {
    const size_t n = lib.entries.size();
    lib.author_names.clear();
    lib.author_ids.clear();
    lib.author_begin.assign(n + 1, 0);
    size_t listed = 0;
    for (const Entry& e : lib.entries) listed += entry_paper(lib, e).authors.size();
    lib.author_ids.reserve(listed);
    KeyMap ids(listed / 4 + 16);  // distinct names are far fewer than listed ones
    for (size_t i = 0; i < n; ++i) {
        lib.author_begin[i] = uint32_t(lib.author_ids.size());
        const Paper& p = entry_paper(lib, lib.entries[i]);
        for (Str a : p.authors) {
            const std::string_view name = get(p, a);
            const uint32_t id = ids.get_or_insert(name, uint32_t(lib.author_names.size()));
            if (id == lib.author_names.size()) lib.author_names.push_back(name);
            lib.author_ids.push_back(id);
        }
    }
    lib.author_begin[n] = uint32_t(lib.author_ids.size());
}

// --- phase 11: the lookup by id, url and title (first entry wins, as a scan would find it) ---------

void build_lookup(Library& lib) {
    // Up to three keys an entry (id, url, title): reserved for all, so the table never grows (a
    // growth has the old and the new arrays alive at once).
    lib.by_key.reset(lib.entries.size() * 3);
    for (uint32_t i = 0; i < lib.entries.size(); ++i) {
        const Paper& p = entry_paper(lib, lib.entries[i]);
        if (!is_null(p.arxiv_id) && p.arxiv_id.len) lib.by_key.get_or_insert(get(p, p.arxiv_id), i);
        if (!is_null(p.url) && p.url.len) lib.by_key.get_or_insert(get(p, p.url), i);
        lib.by_key.get_or_insert(get(p, p.title), i);
    }
}

}  // namespace

bool library_build_index(Library& lib) {
    if (!lib.index_pending || lib.stale) return false;
    build_index(lib);
    lib.index_pending = false;
    return true;
}

// Phases 1 to 8: entries, appearances, listings, title ranks and days. The working tables
// (slots, groups, merged appearances, folded titles: some 17 MB at 100k papers) are freed on
// return, before the later phases allocate theirs.
void build_entries(Library& lib) {
    size_t total = 0;
    for (const LoadedFile& f : lib.files) total += f.papers.size();
    lib.total_listed = total;

    const Slots slots = assign_slots(lib, total);
    const Groups groups = group_refs(slots);
    const Merged merged = merge_appearances(lib, slots, groups);
    const Titles titles = fold_titles(lib, merged.entry);
    const std::vector<uint32_t> order = entry_order(merged.entry, titles);
    std::vector<int32_t> shown_date;
    emit_entries(lib, slots, groups, merged, order, shown_date);
    rank_titles(lib, order, titles);
    build_days(lib, shown_date);
}

void library_rebuild(Library& lib, IndexBuild index) {
    // The old index and lookup tables describe other entries (even at the same count): dropped
    // first, so they are not alive next to the new ones.
    lib.index = SearchIndex{};
    lib.by_key = KeyMap();
    std::vector<std::string_view>().swap(lib.author_names);
    std::vector<uint32_t>().swap(lib.author_ids);

    build_entries(lib);
    // Independent (each reads the entries and fills its own tables): one per core in a large
    // library (130 and 55 ms at 100k papers), in order in a small one, where a thread costs more.
    const unsigned threads = lib.entries.size() >= 4096 ? hardware_threads() : 1;
    parallel_for(2, threads, [&](size_t k) { k == 0 ? intern_authors(lib) : build_lookup(lib); });
    // Last, as it allocates the most: nothing else's working tables are alive beside its own.
    lib.index_pending = index == IndexBuild::Later;
    if (!lib.index_pending) build_index(lib);

    lib.stale = false;
    ++lib.generation;
}

}  // namespace dv
