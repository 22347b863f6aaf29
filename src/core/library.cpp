// The library: loading, replacing and removing files, and the rebuild that merges them into
// deduplicated entries (library.h).
#include "library.h"

#include <algorithm>
#include <cstring>
#include <unordered_map>

#include "parser.h"
#include "text.h"

namespace dv {

namespace {

uint64_t hash_bytes(std::string_view s) {
    const unsigned char* p = reinterpret_cast<const unsigned char*>(s.data());
    size_t n = s.size();
    uint64_t h = 0x243F6A8885A308D3ull ^ (n * 0x9E3779B97F4A7C15ull);
    auto mix = [](uint64_t x) {
        x ^= x >> 31;
        x *= 0x7FB5D329728EA185ull;
        x ^= x >> 27;
        x *= 0x81DADEF4BC2DD44Dull;
        x ^= x >> 33;
        return x;
    };
    while (n >= 8) {
        uint64_t k;
        std::memcpy(&k, p, 8);
        h = (h ^ mix(k)) * 0x9E3779B97F4A7C15ull;
        h ^= h >> 29;
        p += 8;
        n -= 8;
    }
    uint64_t k = 0;
    std::memcpy(&k, p, n);
    h = (h ^ mix(k ^ (uint64_t(n) << 56))) * 0x9E3779B97F4A7C15ull;
    return mix(h);
}

int find_file(const Library& lib, std::string_view name) {
    for (size_t i = 0; i < lib.files.size(); ++i)
        if (lib.files[i].name == name) return int(i);
    return -1;
}

void drop_rejected(Library& lib, std::string_view name) {
    auto& r = lib.rejected;
    r.erase(std::remove_if(r.begin(), r.end(), [&](const RejectedFile& f) { return f.name == name; }), r.end());
}

void compute_signatures(LoadedFile& f) {
    f.signatures.assign(f.papers.size() * kSignatureWords, 0);
    for (size_t i = 0; i < f.papers.size(); ++i)
        signature_row(searchable(f.papers[i]), f.signatures.data() + i * kSignatureWords);
}

// string_view -> uint32_t, open addressing, sized once: no allocation per key (an unordered_map
// node per paper costs a third of a rebuild at 100k papers).
class KeyMap {
public:
    explicit KeyMap(size_t n) {
        size_t cap = 16;
        while (cap < n * 2) cap <<= 1;
        cells_.assign(cap, 0);
        mask_ = cap - 1;
        keys_.reserve(n);
        vals_.reserve(n);
    }
    // The value of k, inserting v first if k is new.
    uint32_t get_or_insert(std::string_view k, uint32_t v) {
        if (keys_.size() * 2 >= cells_.size()) grow();
        const uint64_t h = hash_bytes(k);
        const uint32_t tag = uint32_t(h >> 32) | 1;  // cells hold (tag << 32) | key index; 0 = empty
        for (size_t i = size_t(h) & mask_;; i = (i + 1) & mask_) {
            const uint64_t c = cells_[i];
            if (c == 0) {
                cells_[i] = (uint64_t(tag) << 32) | keys_.size();
                keys_.push_back(k);
                vals_.push_back(v);
                return v;
            }
            if (uint32_t(c >> 32) == tag && keys_[uint32_t(c)] == k) return vals_[uint32_t(c)];
        }
    }

private:
    void grow() {
        std::vector<uint64_t> old;
        old.swap(cells_);
        cells_.assign(old.size() * 2, 0);
        mask_ = cells_.size() - 1;
        for (uint64_t c : old) {
            if (c == 0) continue;
            size_t i = size_t(hash_bytes(keys_[uint32_t(c)])) & mask_;
            while (cells_[i]) i = (i + 1) & mask_;
            cells_[i] = c;
        }
    }
    std::vector<uint64_t> cells_;
    size_t mask_ = 0;
    std::vector<std::string_view> keys_;
    std::vector<uint32_t> vals_;
};

// Votes with "none" below every real count, for max and comparisons.
inline int32_t vote_rank(int32_t v) { return v == kNoVotes ? -1 : v; }

}  // namespace

AddResult library_add(Library& lib, std::string_view name, std::string_view bytes) {
    AddResult r;
    const uint64_t h = hash_bytes(bytes);
    const int existing = find_file(lib, name);
    if (existing >= 0 && lib.files[existing].hash == h && lib.files[existing].bytes == bytes.size()) {
        r.kind = AddResult::Unchanged;
        r.papers = lib.files[existing].papers.size();
        r.diagnostics = lib.files[existing].diagnostics;
        return r;
    }
    for (const LoadedFile& f : lib.files) {
        if (f.hash == h && f.bytes == bytes.size() && f.name != name) {
            r.kind = AddResult::Duplicate;
            r.diagnostics.push_back({std::string(name), 0, Severity::Info, "same content as " + f.name});
            return r;
        }
    }

    ParseResult pr = parse(bytes, name);
    bool error = false;
    for (const Diagnostic& d : pr.diagnostics) error |= d.severity == Severity::Error;
    if (error && pr.papers.empty()) {
        r.kind = AddResult::Rejected;
        r.diagnostics = pr.diagnostics;
        drop_rejected(lib, name);
        lib.rejected.push_back({std::string(name), std::move(pr.diagnostics)});
        ++lib.generation;
        return r;
    }
    drop_rejected(lib, name);

    LoadedFile f;
    f.name = std::string(name);
    f.hash = h;
    f.bytes = bytes.size();
    f.papers = std::move(pr.papers);
    f.diagnostics = std::move(pr.diagnostics);
    compute_signatures(f);
    r.papers = f.papers.size();
    r.diagnostics = f.diagnostics;
    if (existing >= 0) {
        r.kind = AddResult::Replaced;
        lib.files[existing] = std::move(f);
    } else {
        r.kind = AddResult::Added;
        lib.files.push_back(std::move(f));
    }
    ++lib.generation;
    return r;
}

bool library_remove(Library& lib, std::string_view name) {
    bool changed = false;
    const int i = find_file(lib, name);
    if (i >= 0) {
        lib.files.erase(lib.files.begin() + i);
        changed = true;
    }
    const size_t before = lib.rejected.size();
    drop_rejected(lib, name);
    changed |= lib.rejected.size() != before;
    if (changed) library_rebuild(lib);  // bumps the generation
    return changed;
}

void library_clear(Library& lib) {
    const uint64_t gen = lib.generation;
    lib = Library{};
    lib.generation = gen;
    library_rebuild(lib);
}

void library_rebuild(Library& lib) {
    size_t total = 0;
    for (const LoadedFile& f : lib.files) total += f.papers.size();
    lib.total_listed = total;

    // 1. Every listed paper gets a slot (its deduplicated entry), in first-seen order.
    struct Ref {
        uint32_t slot;
        uint32_t file, paper;
    };
    std::vector<Ref> refs;
    refs.reserve(total);
    KeyMap by_id(total);
    std::unordered_map<std::string_view, uint32_t> by_url;  // rare: papers without an arXiv id
    std::unordered_map<std::string, uint32_t> by_title;
    uint32_t slots = 0;
    std::string key;
    for (uint32_t fi = 0; fi < lib.files.size(); ++fi) {
        const LoadedFile& f = lib.files[fi];
        for (uint32_t pi = 0; pi < f.papers.size(); ++pi) {
            const Paper& p = f.papers[pi];
            uint32_t slot;
            if (!is_null(p.arxiv_id) && p.arxiv_id.len > 0) {
                slot = by_id.get_or_insert(get(p, p.arxiv_id), slots);
            } else if (!is_null(p.url) && p.url.len > 0) {
                slot = by_url.try_emplace(get(p, p.url), slots).first->second;
            } else {
                key.assign(reinterpret_cast<const char*>(&p.date), sizeof p.date);
                key.append(get(p, p.title));
                slot = by_title.try_emplace(key, slots).first->second;
            }
            if (slot == slots) ++slots;
            refs.push_back({slot, fi, pi});
        }
    }

    // 2. Group the refs per slot (counting sort keeps file order within a slot).
    std::vector<uint32_t> start(slots + 1, 0);
    for (const Ref& r : refs) ++start[r.slot + 1];
    for (uint32_t s = 0; s < slots; ++s) start[s + 1] += start[s];
    std::vector<uint32_t> grouped(refs.size());
    {
        std::vector<uint32_t> fill(start.begin(), start.end() - 1);
        for (uint32_t i = 0; i < refs.size(); ++i) grouped[fill[refs[i].slot]++] = i;
    }

    // 3. Per slot: one appearance per distinct date (max votes that day, the later listing on
    // ties), sorted by date; the entry fields from them.
    std::vector<Appearance> slot_apps;  // grouped per slot, at most one per ref
    slot_apps.reserve(refs.size());
    std::vector<uint32_t> app_start(slots + 1, 0);
    std::vector<Entry> slot_entry(slots);
    std::vector<int32_t> slot_shown_date(slots);
    for (uint32_t s = 0; s < slots; ++s) {
        const size_t first = slot_apps.size();
        for (uint32_t g = start[s]; g < start[s + 1]; ++g) {
            const Ref& r = refs[grouped[g]];
            const Paper& p = lib.files[r.file].papers[r.paper];
            Appearance a{p.date, p.votes, r.file, r.paper};
            bool merged = false;
            for (size_t k = first; k < slot_apps.size(); ++k) {
                if (slot_apps[k].date == a.date) {
                    if (vote_rank(a.votes) >= vote_rank(slot_apps[k].votes)) slot_apps[k] = a;
                    merged = true;
                    break;
                }
            }
            if (!merged) slot_apps.push_back(a);
        }
        if (slot_apps.size() - first > 1)
            std::sort(slot_apps.begin() + first, slot_apps.end(),
                      [](const Appearance& a, const Appearance& b) { return a.date < b.date; });
        app_start[s + 1] = uint32_t(slot_apps.size());

        Entry& e = slot_entry[s];
        e.date = kNoDate;
        e.last_date = kNoDate;
        e.votes = kNoVotes;
        size_t shown = first;
        for (size_t k = first; k < slot_apps.size(); ++k) {
            const Appearance& a = slot_apps[k];
            if (a.date != kNoDate) {
                if (e.date == kNoDate) e.date = a.date;
                e.last_date = a.date;
            }
            if (vote_rank(a.votes) > vote_rank(e.votes)) e.votes = a.votes;
            if (vote_rank(a.votes) >= vote_rank(slot_apps[shown].votes)) shown = k;  // later date wins ties
        }
        slot_shown_date[s] = slot_apps[shown].date;
        e.file = slot_apps[shown].file;
        e.paper = slot_apps[shown].paper;
        e.percentile = -1.0f;
    }

    // 4. Folded titles, for the entry order and title_rank.
    std::string titles;
    std::vector<uint32_t> toff(slots + 1, 0);
    titles.reserve(slots * 80);
    for (uint32_t s = 0; s < slots; ++s) {
        const Paper& p = lib.files[slot_entry[s].file].papers[slot_entry[s].paper];
        fold_append(titles, get(p, p.title));
        toff[s + 1] = uint32_t(titles.size());
    }
    auto title_of = [&](uint32_t s) { return std::string_view(titles.data() + toff[s], toff[s + 1] - toff[s]); };

    // 5. Entry order: date desc, votes desc, folded title asc, first seen.
    struct SortItem {
        uint64_t key;
        uint32_t slot;
    };
    std::vector<SortItem> order(slots);
    for (uint32_t s = 0; s < slots; ++s) {
        const Entry& e = slot_entry[s];
        // date desc with kNoDate last, then votes desc with none last: ascending on this key.
        const uint64_t d = e.date == kNoDate ? UINT32_MAX : uint32_t(int64_t(INT32_MAX) - e.date);
        const uint64_t v = e.votes == kNoVotes ? UINT32_MAX : uint32_t(int64_t(INT32_MAX) - e.votes);
        order[s] = {(d << 32) | v, s};
    }
    std::sort(order.begin(), order.end(), [&](const SortItem& a, const SortItem& b) {
        if (a.key != b.key) return a.key < b.key;
        int c = title_of(a.slot).compare(title_of(b.slot));
        if (c != 0) return c < 0;
        return a.slot < b.slot;
    });

    lib.entries.clear();
    lib.entries.reserve(slots);
    lib.appearances.clear();
    lib.appearances.reserve(slot_apps.size());
    std::vector<int32_t> shown_date(slots);
    for (uint32_t k = 0; k < slots; ++k) {
        const uint32_t s = order[k].slot;
        Entry e = slot_entry[s];
        e.first_appearance = uint32_t(lib.appearances.size());
        e.appearance_count = app_start[s + 1] - app_start[s];
        lib.appearances.insert(lib.appearances.end(), slot_apps.begin() + app_start[s], slot_apps.begin() + app_start[s + 1]);
        lib.entries.push_back(e);
        shown_date[k] = slot_shown_date[s];
    }

    // 6. title_rank: equal folded titles share a rank.
    {
        // Sorted by the first 8 bytes as a big-endian number first: most comparisons stay integer.
        struct TitleKey {
            uint64_t prefix;
            uint32_t entry;
        };
        std::vector<TitleKey> keys(slots);
        for (uint32_t k = 0; k < slots; ++k) {
            const std::string_view t = title_of(order[k].slot);
            uint64_t prefix = 0;
            for (size_t b = 0; b < 8; ++b) prefix = (prefix << 8) | (b < t.size() ? uint8_t(t[b]) : 0);
            keys[k] = {prefix, k};
        }
        std::sort(keys.begin(), keys.end(), [&](const TitleKey& a, const TitleKey& b) {
            if (a.prefix != b.prefix) return a.prefix < b.prefix;
            const int c = title_of(order[a.entry].slot).compare(title_of(order[b.entry].slot));
            return c != 0 ? c < 0 : a.entry < b.entry;
        });
        std::vector<uint32_t> by_title_order(slots);
        for (uint32_t k = 0; k < slots; ++k) by_title_order[k] = keys[k].entry;
        lib.title_rank.assign(slots, 0);
        uint32_t rank = 0;
        for (uint32_t i = 0; i < slots; ++i) {
            if (i > 0 && title_of(order[by_title_order[i]].slot) != title_of(order[by_title_order[i - 1]].slot)) rank = i;
            lib.title_rank[by_title_order[i]] = rank;
        }
    }

    // 7. Days and their entries (that day's votes desc, none last, then title).
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

    // 8. The search index, from the signature rows cached per parsed paper.
    index_reset(lib.index, uint32_t(lib.entries.size()));
    uint64_t rows[64 * kSignatureWords];
    for (uint32_t block = 0; block < lib.index.words; ++block) {
        const uint32_t base = block * 64;
        const uint32_t n = std::min<uint32_t>(64, uint32_t(lib.entries.size()) - base);
        for (uint32_t r = 0; r < n; ++r) {
            const Entry& e = lib.entries[base + r];
            const LoadedFile& f = lib.files[e.file];
            uint64_t* row = rows + size_t(r) * kSignatureWords;
            if (f.signatures.size() == f.papers.size() * kSignatureWords) {
                std::memcpy(row, f.signatures.data() + size_t(e.paper) * kSignatureWords, sizeof(uint64_t) * kSignatureWords);
            } else {
                std::memset(row, 0, sizeof(uint64_t) * kSignatureWords);
                signature_row(searchable(f.papers[e.paper]), row);
            }
        }
        index_set_block(lib.index, block, rows, n);
    }

    // 9. Author ids (see library.h), through an open-addressing table of name hashes.
    {
        const size_t n = lib.entries.size();
        lib.author_names.clear();
        lib.author_ids.clear();
        lib.author_begin.assign(n + 1, 0);
        size_t listed = 0;
        for (const Entry& e : lib.entries) listed += entry_paper(lib, e).authors.size();
        lib.author_ids.reserve(listed);
        auto hash_of = [](std::string_view s) {
            uint64_t h = 1469598103934665603ull;  // FNV-1a
            for (unsigned char c : s) h = (h ^ c) * 1099511628211ull;
            return h;
        };
        // Sized for distinct names, which are far fewer than listed ones; doubled at half full.
        size_t cap = 1024;
        std::vector<uint64_t> table(cap, 0);  // (hash << 32 | id + 1), 0 = empty
        auto grow = [&] {
            cap *= 2;
            table.assign(cap, 0);
            for (uint32_t id = 0; id < lib.author_names.size(); ++id) {
                const uint64_t h = hash_of(lib.author_names[id]);
                size_t slot = size_t(h) & (cap - 1);
                while (table[slot]) slot = (slot + 1) & (cap - 1);
                table[slot] = (uint64_t(uint32_t(h >> 32)) << 32) | (id + 1);
            }
        };
        for (size_t i = 0; i < n; ++i) {
            lib.author_begin[i] = uint32_t(lib.author_ids.size());
            const Paper& p = entry_paper(lib, lib.entries[i]);
            for (Str a : p.authors) {
                const std::string_view name = get(p, a);
                const uint64_t h = hash_of(name);
                const uint32_t tag = uint32_t(h >> 32);
                size_t slot = size_t(h) & (cap - 1);
                uint32_t id;
                for (;;) {
                    const uint64_t cell = table[slot];
                    if (cell == 0) {
                        id = uint32_t(lib.author_names.size());
                        lib.author_names.push_back(name);
                        table[slot] = (uint64_t(tag) << 32) | (id + 1);
                        if (lib.author_names.size() * 2 > cap) grow();
                        break;
                    }
                    const uint32_t cid = uint32_t(cell) - 1;
                    if (uint32_t(cell >> 32) == tag && lib.author_names[cid] == name) {
                        id = cid;
                        break;
                    }
                    slot = (slot + 1) & (cap - 1);
                }
                lib.author_ids.push_back(id);
            }
        }
        lib.author_begin[n] = uint32_t(lib.author_ids.size());
    }

    ++lib.generation;
}

std::vector<Diagnostic> library_diagnostics(const Library& lib) {
    std::vector<Diagnostic> out;
    for (const LoadedFile& f : lib.files) out.insert(out.end(), f.diagnostics.begin(), f.diagnostics.end());
    for (const RejectedFile& f : lib.rejected) out.insert(out.end(), f.diagnostics.begin(), f.diagnostics.end());
    return out;
}

int library_day_index(const Library& lib, int32_t date) {
    auto it = std::lower_bound(lib.days.begin(), lib.days.end(), date);
    if (it == lib.days.end() || *it != date) return -1;
    return int(it - lib.days.begin());
}

}  // namespace dv
