// digest-cli input collection: files as given, folders walked for digests (core/file_io.h).
#include <cstdio>
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
        // A folder that cannot be read whole is an I/O error here, not a partial input.
        std::string error;
        if (!dv::walk_digest_files(arg, names, error) || !error.empty()) {
            std::fprintf(stderr, "digest-cli: cannot read directory %s\n", error.c_str());
            return false;
        }
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
