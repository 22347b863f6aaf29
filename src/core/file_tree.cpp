#include "file_tree.h"

#include <algorithm>
#include <map>

#include "date.h"

namespace dv {

static bool is_digit(char c) { return c >= '0' && c <= '9'; }

// "2024", "06", "2024-06", "2024-06-06", "2026-01-25T020242_bd882e3": a folder named for a date.
static bool date_named(std::string_view dir) {
    if (dir.empty()) return false;
    if (std::all_of(dir.begin(), dir.end(), is_digit)) return true;
    return dir.size() >= 7 && is_digit(dir[0]) && is_digit(dir[1]) && is_digit(dir[2]) && is_digit(dir[3]) &&
           (dir[4] == '-' || dir[4] == '_') && is_digit(dir[5]) && is_digit(dir[6]);
}

std::string file_source_key(std::string_view name) {
    // Folders only: the file name is not part of its source.
    size_t slash = name.find_last_of("/\\");
    if (slash == std::string_view::npos) return {};
    std::string_view dirs = name.substr(0, slash);
    while (!dirs.empty()) {
        size_t s = dirs.find_last_of("/\\");
        std::string_view last = s == std::string_view::npos ? dirs : dirs.substr(s + 1);
        if (!date_named(last)) break;
        dirs = s == std::string_view::npos ? std::string_view() : dirs.substr(0, s);
    }
    return std::string(dirs);
}

int32_t file_date(const LoadedFile& f) {
    // Papers come in file order, mostly one date per file: count runs, not a hash map.
    std::vector<int32_t> dates;
    dates.reserve(f.papers.size());
    for (const Paper& p : f.papers)
        if (p.date != kNoDate) dates.push_back(p.date);
    if (dates.empty()) return date_from_path(f.name);
    std::sort(dates.begin(), dates.end());
    int32_t best = dates[0];
    size_t best_n = 0;
    for (size_t i = 0; i < dates.size();) {
        size_t j = i;
        while (j < dates.size() && dates[j] == dates[i]) j++;
        if (j - i > best_n) {  // strictly more: the earliest of equals wins
            best_n = j - i;
            best = dates[i];
        }
        i = j;
    }
    return best;
}

// A plain lowercase word ("archive", "output", "summaries") names a container, not a producer:
// producers' folders are repository names ("daily_papers_ko", "Daily-HuggingFace-AI-Papers").
static bool container_word(std::string_view w) {
    if (w.empty()) return false;
    for (char c : w)
        if (c < 'a' || c > 'z') return false;
    return true;
}

static std::string source_label(const std::string& key) {
    if (key.empty()) return "dropped files";  // no folder of their own
    auto last_part = [](std::string_view k, std::string_view& rest) {
        size_t s = k.find_last_of("/\\");
        rest = s == std::string_view::npos ? std::string_view() : k.substr(0, s);
        return s == std::string_view::npos ? k : k.substr(s + 1);
    };
    std::string_view rest;
    std::string_view last = last_part(key, rest);
    if (container_word(last) && !rest.empty()) {
        std::string_view parent = last_part(rest, rest);
        if (!parent.empty()) return std::string(parent) + "/" + std::string(last);
    }
    return last.empty() ? key : std::string(last);
}

static void count_diagnostics(const std::vector<Diagnostic>& ds, FileTreeSource& s) {
    for (const Diagnostic& d : ds) {
        if (d.severity == Severity::Error) s.errors++;
        else if (d.severity == Severity::Warning) s.warnings++;
    }
}

FileTree file_tree(const Library& lib) {
    FileTree t;
    t.dates.resize(lib.files.size(), kNoDate);
    // key -> (year*100+month, descending; undated = -1 sorts last) -> files
    std::map<std::string, std::map<int, std::vector<uint32_t>, std::greater<int>>> groups;
    for (uint32_t i = 0; i < lib.files.size(); i++) {
        const int32_t d = file_date(lib.files[i]);
        t.dates[i] = d;
        int ym = -1;
        if (d != kNoDate) {
            int y;
            unsigned m, day;
            civil_from_days(d, y, m, day);
            ym = y * 100 + int(m);
        }
        groups[file_source_key(lib.files[i].name)][ym].push_back(i);
    }
    std::map<std::string, size_t> index;  // key -> sources slot
    for (auto& [key, months] : groups) {
        FileTreeSource s;
        s.key = key;
        s.label = source_label(key);
        for (auto& [ym, files] : months) {
            FileTreeMonth m;
            if (ym >= 0) {
                m.year = ym / 100;
                m.month = ym % 100;
            }
            // Newest first, then by name (stable across rebuilds).
            std::sort(files.begin(), files.end(), [&](uint32_t a, uint32_t b) {
                if (t.dates[a] != t.dates[b]) return t.dates[a] > t.dates[b];
                return lib.files[a].name < lib.files[b].name;
            });
            m.files = std::move(files);
            for (uint32_t f : m.files) {
                m.papers += lib.files[f].papers.size();
                count_diagnostics(lib.files[f].diagnostics, s);
            }
            s.files += m.files.size();
            s.papers += m.papers;
            s.months.push_back(std::move(m));
        }
        index[key] = t.sources.size();
        t.sources.push_back(std::move(s));
    }
    // A refused file's diagnostics mark the source it would have joined.
    for (const RejectedFile& r : lib.rejected) {
        auto it = index.find(file_source_key(r.name));
        if (it == index.end()) {
            FileTreeSource s;
            s.key = file_source_key(r.name);
            s.label = source_label(s.key);
            index[s.key] = t.sources.size();
            t.sources.push_back(std::move(s));
            it = index.find(file_source_key(r.name));
        }
        count_diagnostics(r.diagnostics, t.sources[it->second]);
    }
    std::sort(t.sources.begin(), t.sources.end(), [](const FileTreeSource& a, const FileTreeSource& b) {
        if (a.key.empty() != b.key.empty()) return b.key.empty();  // files without a folder last
        if (a.label != b.label) return a.label < b.label;
        return a.key < b.key;
    });
    return t;
}

std::vector<std::string> file_tree_names(const Library& lib, const FileTreeMonth& m) {
    std::vector<std::string> names;
    for (uint32_t f : m.files) names.push_back(lib.files[f].name);
    return names;
}

std::vector<std::string> file_tree_names(const Library& lib, const FileTreeSource& s) {
    std::vector<std::string> names;
    for (const FileTreeMonth& m : s.months)
        for (uint32_t f : m.files) names.push_back(lib.files[f].name);
    return names;
}

}  // namespace dv
