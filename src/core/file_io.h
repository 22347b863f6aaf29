// Files on disk, for the two front ends that have a file system (digest-cli and the native app)
// and for the tests: reading a whole file, which names are digests, and walking a folder for
// them. The core's parser never opens files itself: it takes bytes.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace dv {

// Reads all of `path` into `out`. On failure returns false and sets `error` to "PATH: reason".
bool read_file_bytes(const std::string& path, std::string& out, std::string& error);

// True if a file name (or a path: only its last component counts) is one the viewer, digest-cli
// and the tests treat as a digest: "*.md", "*.markdown" or "*.json" (Hugging Face API JSON), in
// any case, with a non-empty stem. The one rule; web/shell.js isDigestName mirrors it.
bool is_digest_file_name(std::string_view name);

// Appends to `out` every regular file below the folder `dir` whose name is_digest_file_name,
// recursively, sorted by path component by component (so "ko/x.md" comes before "ko-readme/y.md":
// the order library_add sees them decides which copy of a paper an entry shows), each as `dir`
// joined with its relative path. Entries
// whose name starts with '.' are skipped, and so is everything below such a folder (.git, editor
// temp files); unreadable subfolders are skipped. Returns false with `error` = "DIR: reason" if
// `dir` cannot be opened as a folder. If the walk stops early (a folder vanished while it ran) it
// returns true with what it found and sets `error`, so a caller can choose to fail or carry on.
bool walk_digest_files(const std::string& dir, std::vector<std::string>& out, std::string& error);

}  // namespace dv
