// The library: loading, replacing and removing files, and the rebuild that merges them into
// deduplicated entries (library.h). library_rebuild reads as its list of phases; each phase is a
// function with its inputs and outputs in plain structs.
#include "library.h"

#include <algorithm>
#include <cstring>

#include "parser.h"
#include "text.h"

namespace dv {

namespace {

// Names of one folder share a long prefix and differ near the end (the date): compared from the
// end, a folder of thousands of files checks each new name in a few bytes per loaded file.
bool same_name(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (size_t i = a.size(); i-- > 0;)
        if (a[i] != b[i]) return false;
    return true;
}

int find_file(const Library& lib, std::string_view name) {
    for (size_t i = 0; i < lib.files.size(); ++i)
        if (same_name(lib.files[i].name, name)) return int(i);
    return -1;
}

// find_file through an index (names are unique among the files: at most one matches).
int find_file(const Library& lib, const FileIndex* index, std::string_view name) {
    if (!index) return find_file(lib, name);
    const auto [b, e] = index->by_name.equal_range(hash_bytes(name));
    for (auto it = b; it != e; ++it)
        if (same_name(lib.files[it->second].name, name)) return int(it->second);
    return -1;
}

void drop_rejected(Library& lib, std::string_view name) {
    auto& r = lib.rejected;
    r.erase(std::remove_if(r.begin(), r.end(), [&](const RejectedFile& f) { return same_name(f.name, name); }), r.end());
}

}  // namespace

namespace {

// What library_commit would answer without parsing: the same name with the same bytes
// (Unchanged), or the same bytes under another name (Duplicate); else Added (to be parsed).
// The Duplicate is the first such file in file order, with an index as without.
AddResult::Kind precheck(const Library& lib, const FileIndex* index, std::string_view name, uint64_t h, size_t size, int& existing,
                         std::string& dup_of) {
    existing = find_file(lib, index, name);
    if (existing >= 0 && lib.files[existing].hash == h && lib.files[existing].bytes == size) return AddResult::Unchanged;
    auto same_bytes = [&](const LoadedFile& f) { return f.hash == h && f.bytes == size && !same_name(f.name, name); };
    int first = -1;
    if (index) {
        const auto [b, e] = index->by_content.equal_range(h);
        for (auto it = b; it != e; ++it)
            if ((first < 0 || int(it->second) < first) && same_bytes(lib.files[it->second])) first = int(it->second);
    } else {
        for (size_t i = 0; i < lib.files.size() && first < 0; ++i)
            if (same_bytes(lib.files[i])) first = int(i);
    }
    if (first < 0) return AddResult::Added;
    dup_of = lib.files[first].name;
    return AddResult::Duplicate;
}

}  // namespace

bool parse_refused(const ParseResult& r) {
    if (!r.papers.empty()) return false;
    for (const Diagnostic& d : r.diagnostics)
        if (d.severity == Severity::Error) return true;
    return false;
}

void library_reject(Library& lib, std::string_view name, std::vector<Diagnostic> diagnostics) {
    drop_rejected(lib, name);
    lib.rejected.push_back({std::string(name), std::move(diagnostics)});
    ++lib.generation;
}

FileIndex file_index(const Library& lib) {
    FileIndex x;
    x.by_name.reserve(lib.files.size());
    x.by_content.reserve(lib.files.size());
    for (uint32_t i = 0; i < lib.files.size(); ++i) {
        x.by_name.emplace(hash_bytes(lib.files[i].name), i);
        x.by_content.emplace(lib.files[i].hash, i);
    }
    return x;
}

PreparedFile library_prepare(const Library& lib, std::string_view name, std::string_view bytes, const FileIndex* index) {
    PreparedFile p;
    p.name = std::string(name);
    p.hash = hash_bytes(bytes);
    p.bytes = bytes.size();
    int existing;
    std::string dup_of;
    if (precheck(lib, index, name, p.hash, p.bytes, existing, dup_of) != AddResult::Added) return p;  // nothing to parse (yet)
    p.parsed = parse(bytes, name);
    p.has_parse = true;
    return p;
}

AddResult library_commit(Library& lib, PreparedFile&& p, std::string_view bytes, FileIndex* index) {
    AddResult r;
    int existing;
    std::string dup_of;
    switch (precheck(lib, index, p.name, p.hash, p.bytes, existing, dup_of)) {
    case AddResult::Unchanged:
        r.kind = AddResult::Unchanged;
        r.papers = lib.files[existing].papers.size();
        r.diagnostics = lib.files[existing].diagnostics;
        return r;
    case AddResult::Duplicate:
        r.kind = AddResult::Duplicate;
        r.diagnostics.push_back({p.name, 0, Severity::Info, "same content as " + dup_of});
        return r;
    default: break;
    }
    // Prepared against another state of the library (a file committed since made this one new).
    if (!p.has_parse) {
        if (bytes.size() != p.bytes) {
            r.kind = AddResult::Rejected;
            r.diagnostics.push_back({p.name, 0, Severity::Error, "not read again: it matched a file that was removed while it loaded; load it again"});
            return r;
        }
        p.parsed = parse(bytes, p.name);
        p.has_parse = true;
    }
    ParseResult& pr = p.parsed;
    if (parse_refused(pr)) {
        r.kind = AddResult::Rejected;
        r.diagnostics = pr.diagnostics;
        library_reject(lib, p.name, std::move(pr.diagnostics));
        return r;
    }
    drop_rejected(lib, p.name);

    LoadedFile f;
    f.name = std::move(p.name);
    f.format = std::move(pr.format);
    f.hash = p.hash;
    f.bytes = p.bytes;
    f.papers = std::move(pr.papers);
    f.diagnostics = std::move(pr.diagnostics);
    r.papers = f.papers.size();
    r.diagnostics = f.diagnostics;
    if (existing >= 0) {
        r.kind = AddResult::Replaced;
        if (index) {  // the name stays; its old content goes
            const auto [b, e] = index->by_content.equal_range(lib.files[existing].hash);
            for (auto it = b; it != e; ++it)
                if (it->second == uint32_t(existing)) {
                    index->by_content.erase(it);
                    break;
                }
            index->by_content.emplace(f.hash, uint32_t(existing));
        }
        lib.files[existing] = std::move(f);
    } else {
        r.kind = AddResult::Added;
        if (index) {
            index->by_name.emplace(hash_bytes(f.name), uint32_t(lib.files.size()));
            index->by_content.emplace(f.hash, uint32_t(lib.files.size()));
        }
        lib.files.push_back(std::move(f));
    }
    lib.stale = true;
    ++lib.generation;
    return r;
}

AddResult library_add(Library& lib, std::string_view name, std::string_view bytes) {
    return library_commit(lib, library_prepare(lib, name, bytes), bytes);
}

bool library_drop(Library& lib, std::string_view name) {
    bool changed = false;
    const int i = find_file(lib, name);
    if (i >= 0) {
        lib.files.erase(lib.files.begin() + i);
        lib.stale = true;
        changed = true;
    }
    const size_t before = lib.rejected.size();
    drop_rejected(lib, name);
    changed |= lib.rejected.size() != before;
    if (changed) ++lib.generation;
    return changed;
}

bool library_remove(Library& lib, std::string_view name) {
    const bool changed = library_drop(lib, name);
    if (changed) library_rebuild(lib);
    return changed;
}

void library_clear(Library& lib) {
    const uint64_t gen = lib.generation;
    lib = Library{};
    lib.generation = gen;
    library_rebuild(lib);
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

std::string_view entry_key(const Library& lib, const Entry& e) {
    const Paper& p = entry_paper(lib, e);
    if (!is_null(p.arxiv_id) && p.arxiv_id.len) return get(p, p.arxiv_id);
    if (!is_null(p.url) && p.url.len) return get(p, p.url);
    return get(p, p.title);
}

int64_t library_find(const Library& lib, std::string_view key) {
    if (key.empty() || lib.stale) return -1;
    const uint32_t i = lib.by_key.find(key);
    return i == KeyMap::kMissing ? -1 : int64_t(i);
}

}  // namespace dv
