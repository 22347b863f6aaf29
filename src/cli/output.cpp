// digest-cli output: JSON text and binary-safe writing to stdout or a file.
#include <cerrno>
#include <cstdio>
#include <cstring>

#include "cli.h"

namespace dvcli {

std::string dump_json(const nlohmann::json& value, bool pretty) {
    std::string s = value.dump(pretty ? 2 : -1, ' ', false, nlohmann::json::error_handler_t::replace);
    s += '\n';
    return s;
}

bool write_output(std::string_view bytes, const std::string& path) {
    std::FILE* f = path.empty() ? stdout : std::fopen(path.c_str(), "wb");
    if (!f) {
        std::fprintf(stderr, "digest-cli: cannot write '%s': %s\n", path.c_str(), std::strerror(errno));
        return false;
    }
    // fwrite of the exact bytes: no text-mode translation, embedded NULs kept.
    size_t n = bytes.empty() ? 0 : std::fwrite(bytes.data(), 1, bytes.size(), f);
    bool ok = n == bytes.size();
    ok = (std::fflush(f) == 0) && ok;
    int err = errno;
    if (f != stdout) ok = (std::fclose(f) == 0) && ok;
    if (!ok) {
        std::fprintf(stderr, "digest-cli: cannot write '%s': %s\n", path.empty() ? "<stdout>" : path.c_str(),
                     std::strerror(err));
        return false;
    }
    return true;
}

}  // namespace dvcli
