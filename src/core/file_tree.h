// The library's files as the reader browses them: grouped by source folder, then year and month
// of each file's date, newest first. Pure functions over a Library; the Files section of the
// library pane (panel_library.cpp) draws the tree and `state().file_tree` reports it.
//
// Ownership: a FileTree holds indices into Library::files, valid until the library next changes
// (library_add, library_drop, library_clear); rebuild it then (file_tree()).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "library.h"

namespace dv {

// The folder a file came from, with the date-named folders under it dropped: a producer's files
// live in one folder however it splits them by date ("l-yohai-daily_papers_ko/2024/06/x.md" and
// ".../2025/01/y.md" are both "l-yohai-daily_papers_ko"; a snapshot folder
// "…-AI-Papers/2026-01-25T020242_bd882e3/README.md" is "…-AI-Papers"). A folder name is date-named
// when it is all digits (a year "2024", a month "06") or starts with "YYYY-MM". Empty for a file
// with no folder (dropped on its own).
std::string file_source_key(std::string_view name);

// A file's date: the day most of its papers are listed on (the earliest of equals), else the date
// in its name (date_from_path), else kNoDate.
int32_t file_date(const LoadedFile& f);

struct FileTreeMonth {
    int32_t year = 0, month = 0;           // month 0: the files with no date (year 0 too)
    std::vector<uint32_t> files;           // indices into Library::files, newest date first
    size_t papers = 0;                     // records in those files (before deduplication)
};

struct FileTreeSource {
    std::string key;                       // file_source_key of its files ("" for loose files)
    std::string label;                     // the key's last folder name ("parent/archive" when that is
                                           // a plain lowercase word), "dropped files" for ""
    std::vector<FileTreeMonth> months;     // newest first; undated last
    size_t files = 0, papers = 0;
    size_t warnings = 0, errors = 0;       // diagnostics of its files and of its refused files
};

struct FileTree {
    std::vector<FileTreeSource> sources;   // by label, then key; files without a folder last
    std::vector<int32_t> dates;            // file_date of each Library::files index
};

FileTree file_tree(const Library& lib);

// The names of the files of one source (all months) or of one month of a source: what removing
// that group removes.
std::vector<std::string> file_tree_names(const Library& lib, const FileTreeSource& s);
std::vector<std::string> file_tree_names(const Library& lib, const FileTreeMonth& m);

}  // namespace dv
