// Reading a whole file, for the two front ends that have a file system (digest-cli and the native
// app). The core's parser never opens files itself: it takes bytes.
#pragma once

#include <string>
#include <string_view>

namespace dv {

// Reads all of `path` into `out`. On failure returns false and sets `error` to "PATH: reason".
bool read_file_bytes(const std::string& path, std::string& out, std::string& error);

// Which files in a folder are digests to read: a ".md", ".markdown" or ".json" name, any case
// (a path is fine: only its end is looked at). Front ends that skip other files (FORMAT.md)
// decide that themselves.
bool is_digest_file_name(std::string_view name);

}  // namespace dv
