#include "file_io.h"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <system_error>

namespace dv {

bool read_file_bytes(const std::string& path, std::string& out, std::string& error) {
    std::FILE* f = std::fopen(path.c_str(), "rb");
    if (!f) {
        error = path + ": " + std::strerror(errno);
        return false;
    }
    out.clear();
    // Read straight into a string of the file's size (growing it 64 KB at a time touched about
    // 1.5 times the file's bytes and copied them again on every doubling); the loop below still
    // reads whatever a file that grew, or is not a regular one, has beyond that.
    std::error_code ec;
    const auto size = std::filesystem::file_size(path, ec);
    size_t have = 0;
    if (!ec && size > 0 && size < (uint64_t(1) << 40)) {
        out.resize(size_t(size));
        have = std::fread(out.data(), 1, out.size(), f);
        out.resize(have);
    }
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
    const size_t slash = name.find_last_of("/\\");
    if (slash != std::string_view::npos) name.remove_prefix(slash + 1);
    const size_t dot = name.rfind('.');
    if (dot == std::string_view::npos || dot == 0) return false;  // no extension, or ".md" alone
    std::string ext(name.substr(dot + 1));
    for (char& c : ext) c = char(std::tolower(static_cast<unsigned char>(c)));
    return ext == "md" || ext == "markdown" || ext == "json";
}

bool walk_digest_files(const std::string& dir, std::vector<std::string>& out, std::string& error) {
    namespace fs = std::filesystem;
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) {
        error = dir + ": " + (ec ? ec.message() : std::string("not a folder"));
        return false;
    }
    fs::recursive_directory_iterator it(dir, fs::directory_options::skip_permission_denied, ec), end;
    if (ec) {
        error = dir + ": " + ec.message();
        return false;
    }
    std::vector<fs::path> found;
    for (; it != end; it.increment(ec)) {
        if (ec) {
            error = dir + ": " + ec.message();
            break;
        }
        const std::string name = it->path().filename().string();
        if (!name.empty() && name[0] == '.') {
            std::error_code dec;
            if (it->is_directory(dec)) it.disable_recursion_pending();
            continue;
        }
        std::error_code fec;
        if (it->is_regular_file(fec) && is_digest_file_name(name)) found.push_back(it->path());
    }
    if (ec && error.empty()) error = dir + ": " + ec.message();  // an increment that failed into `end`
    std::sort(found.begin(), found.end());  // fs::path order: component by component
    for (const fs::path& p : found) out.push_back(p.string());
    return true;
}

}  // namespace dv
