#include "native_files.h"

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <set>
#include <system_error>

namespace fs = std::filesystem;

namespace dvn {

static bool stat_path(const std::string& p, struct stat& st) { return ::stat(p.c_str(), &st) == 0; }

static Stamp stamp_of(const struct stat& st) {
    Stamp s;
    s.mtime_ns = (int64_t)st.st_mtim.tv_sec * 1000000000LL + st.st_mtim.tv_nsec;
    s.size = (uint64_t)st.st_size;
    return s;
}

std::string home_dir() {
    const char* h = std::getenv("HOME");
    return h && *h ? std::string(h) : std::string("/");
}

std::string config_dir() {
    if (const char* cfg = std::getenv("XDG_CONFIG_HOME"); cfg && *cfg == '/') return cfg;
    if (const char* home = std::getenv("HOME"); home && *home) return std::string(home) + "/.config";
    return {};
}

std::string expand_home(const std::string& path) {
    if (path == "~") return home_dir();
    if (path.rfind("~/", 0) == 0) return home_dir() + path.substr(1);
    return path;
}

std::string normalize_path(const std::string& path) {
    std::string p = path;
    while (p.size() > 1 && (p.back() == '\n' || p.back() == '\r' || p.back() == ' ')) p.pop_back();
    p = expand_home(p);
    if (p.rfind("file://", 0) == 0) p = p.substr(7);  // some file managers drop URIs
    std::error_code ec;
    fs::path abs = fs::absolute(fs::path(p), ec);
    if (ec) return p;
    fs::path canon = fs::weakly_canonical(abs, ec);
    std::string out = (ec ? abs.lexically_normal() : canon).string();
    while (out.size() > 1 && out.back() == '/') out.pop_back();
    return out;
}

bool path_is_dir(const std::string& path) {
    struct stat st;
    return stat_path(path, st) && S_ISDIR(st.st_mode);
}

bool path_exists(const std::string& path) {
    struct stat st;
    return stat_path(path, st);
}

bool collect_digest_files(const std::string& root, std::vector<FoundFile>& out, std::string& error) {
    struct stat st;
    if (!stat_path(root, st)) {
        error = root + ": " + std::strerror(errno);
        return false;
    }
    if (!S_ISDIR(st.st_mode)) {
        out.push_back({root, stamp_of(st)});
        return true;
    }
    std::vector<std::string> names;
    std::string walk_error;  // set when a folder vanished mid-walk: keep what was found
    if (!dv::walk_digest_files(root, names, walk_error)) {
        error = walk_error;
        return false;
    }
    for (const std::string& s : names) {  // sorted by path already
        struct stat fst;
        if (stat_path(s, fst) && S_ISREG(fst.st_mode)) out.push_back({s, stamp_of(fst)});
    }
    return true;
}

bool write_file_bytes(const std::string& path, const std::string& data, std::string& error) {
    std::error_code ec;
    fs::path target(path);
    if (target.has_parent_path()) fs::create_directories(target.parent_path(), ec);
    std::string tmp = path + ".tmp-" + std::to_string((long)::getpid());
    std::FILE* f = std::fopen(tmp.c_str(), "wb");
    if (!f) {
        error = path + ": " + std::strerror(errno);
        return false;
    }
    bool ok = std::fwrite(data.data(), 1, data.size(), f) == data.size();
    int err = errno;
    ok = (std::fclose(f) == 0) && ok;
    if (ok && std::rename(tmp.c_str(), path.c_str()) != 0) {
        ok = false;
        err = errno;
    }
    if (!ok) {
        std::remove(tmp.c_str());
        error = path + ": " + std::strerror(err ? err : EIO);
    }
    return ok;
}

std::string download_dir() {
    if (const char* d = std::getenv("XDG_DOWNLOAD_DIR"); d && *d) return d;
    const std::string cfg = config_dir();
    std::string text, err;
    if (!cfg.empty() && read_file_bytes(cfg + "/user-dirs.dirs", text, err)) {
        // Lines like: XDG_DOWNLOAD_DIR="$HOME/Downloads"
        size_t pos = text.find("XDG_DOWNLOAD_DIR=\"");
        if (pos != std::string::npos && (pos == 0 || text[pos - 1] == '\n')) {
            size_t start = pos + 18, end = text.find('"', start);
            if (end != std::string::npos) {
                std::string v = text.substr(start, end - start);
                if (v.rfind("$HOME", 0) == 0) v = home_dir() + v.substr(5);
                if (!v.empty() && v[0] == '/') return v;
            }
        }
    }
    return home_dir() + "/Downloads";
}

std::string executable_dir() {
    std::error_code ec;
    fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    if (ec) return {};
    return exe.parent_path().string();
}

std::vector<std::string> list_dir_for_dialog(const std::string& dir, size_t max_entries) {
    std::vector<std::string> dirs, files;
    std::error_code ec;
    fs::directory_iterator it(dir, fs::directory_options::skip_permission_denied, ec), end;
    if (ec) return {};
    for (; it != end && dirs.size() + files.size() < max_entries; it.increment(ec)) {
        if (ec) break;
        std::string name = it->path().filename().string();
        if (name.empty() || name[0] == '.') continue;
        std::error_code e2;
        if (it->is_directory(e2)) dirs.push_back(name + "/");
        else if (dv::is_digest_file_name(name)) files.push_back(name);
    }
    std::sort(dirs.begin(), dirs.end());
    std::sort(files.begin(), files.end());
    dirs.insert(dirs.end(), files.begin(), files.end());
    return dirs;
}

void FolderWatch::add_root(const std::string& root) {
    if (std::find(roots_.begin(), roots_.end(), root) == roots_.end()) roots_.push_back(root);
}

void FolderWatch::clear() {
    roots_.clear();
    known_.clear();
}

FolderWatch::Changes FolderWatch::poll() {
    auto t0 = std::chrono::steady_clock::now();
    Changes ch;
    std::set<std::string> seen;
    for (const std::string& root : roots_) {
        std::vector<FoundFile> files;
        std::string err;
        if (!collect_digest_files(root, files, err)) continue;  // gone for now: keep what it gave
        for (FoundFile& f : files) {
            if (!seen.insert(f.path).second) continue;
            auto k = known_.find(f.path);
            if (k == known_.end() || k->second != f.stamp) {
                known_[f.path] = f.stamp;
                ch.changed.push_back(std::move(f));
            }
        }
    }
    for (auto it = known_.begin(); it != known_.end();) {
        if (!seen.count(it->first) && !path_exists(it->first)) {
            ch.removed.push_back(it->first);
            it = known_.erase(it);
        } else {
            ++it;
        }
    }
    std::sort(ch.changed.begin(), ch.changed.end(), [](const FoundFile& a, const FoundFile& b) { return a.path < b.path; });
    last_poll_ms_ = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
    return ch;
}

}  // namespace dvn
