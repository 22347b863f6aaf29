#include "file_io.h"

#include <cerrno>
#include <cstdio>
#include <cstring>

namespace dv {

bool read_file_bytes(const std::string& path, std::string& out, std::string& error) {
    std::FILE* f = std::fopen(path.c_str(), "rb");
    if (!f) {
        error = path + ": " + std::strerror(errno);
        return false;
    }
    out.clear();
    char buf[1 << 16];
    size_t n;
    while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) out.append(buf, n);
    const bool bad = std::ferror(f) != 0;
    const int err = errno;
    std::fclose(f);
    if (bad) {
        error = path + ": " + std::strerror(err);
        return false;
    }
    return true;
}

bool is_digest_file_name(std::string_view name) {
    for (std::string_view ext : {".md", ".markdown", ".json"}) {
        if (name.size() < ext.size()) continue;
        std::string_view tail = name.substr(name.size() - ext.size());
        bool same = true;
        for (size_t i = 0; i < ext.size() && same; ++i) {
            char c = tail[i];
            if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
            same = c == ext[i];
        }
        if (same) return true;
    }
    return false;
}

}  // namespace dv
