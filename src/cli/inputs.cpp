// digest-cli input collection: files as given, directories recursively to their digest files
// (.md, .markdown, .json: dv::is_digest_file_name).
#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <system_error>

#include "cli.h"
#include "core/file_io.h"

namespace fs = std::filesystem;

namespace dvcli {
namespace {

bool read_whole(const std::string& name, std::string& out) {
    std::string error;
    if (dv::read_file_bytes(name, out, error)) return true;
    std::fprintf(stderr, "digest-cli: cannot read %s\n", error.c_str());
    return false;
}

}  // namespace

bool collect_inputs(const std::vector<std::string>& paths, std::vector<InputFile>& out) {
    std::vector<std::string> names;
    for (const std::string& arg : paths) {
        std::error_code ec;
        fs::file_status st = fs::status(arg, ec);
        if (ec || !fs::exists(st)) {
            std::fprintf(stderr, "digest-cli: no such file or directory: '%s'\n", arg.c_str());
            return false;
        }
        if (!fs::is_directory(st)) {
            names.push_back(arg);
            continue;
        }
        std::vector<std::string> found;
        fs::recursive_directory_iterator it(arg, fs::directory_options::skip_permission_denied, ec), end;
        if (ec) {
            std::fprintf(stderr, "digest-cli: cannot read directory '%s': %s\n", arg.c_str(), ec.message().c_str());
            return false;
        }
        for (; it != end; it.increment(ec)) {
            if (ec) {
                std::fprintf(stderr, "digest-cli: cannot read directory '%s': %s\n", arg.c_str(), ec.message().c_str());
                return false;
            }
            std::error_code fec;
            if (it->is_regular_file(fec) && dv::is_digest_file_name(it->path().filename().string())) found.push_back(it->path().string());
        }
        std::sort(found.begin(), found.end());
        names.insert(names.end(), found.begin(), found.end());
    }
    out.clear();
    out.reserve(names.size());
    for (const std::string& n : names) {
        InputFile f;
        f.name = n;
        if (!read_whole(n, f.bytes)) return false;
        out.push_back(std::move(f));
    }
    return true;
}

}  // namespace dvcli
