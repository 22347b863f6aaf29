// Reading a whole file, for the two front ends that have a file system (digest-cli and the native
// app). The core's parser never opens files itself: it takes bytes.
#pragma once

#include <string>

namespace dv {

// Reads all of `path` into `out`. On failure returns false and sets `error` to "PATH: reason".
bool read_file_bytes(const std::string& path, std::string& out, std::string& error);

}  // namespace dv
