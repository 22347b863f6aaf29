// Files on the desktop: collecting digests from the paths a user opens (folders recursively),
// reading and writing bytes, well-known folders, and a cheap stat-based watch of what was opened.
// Plain std::filesystem + POSIX; nothing here knows ImGui or GLFW.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "core/file_io.h"

namespace dvn {

// What a file looked like on disk the last time we looked: a change in either means reload.
struct Stamp {
    int64_t mtime_ns = 0;
    uint64_t size = 0;
    bool operator==(const Stamp& o) const { return mtime_ns == o.mtime_ns && size == o.size; }
    bool operator!=(const Stamp& o) const { return !(*this == o); }
};

struct FoundFile {
    std::string path;  // absolute, normalized: also the name the library knows the file by
    Stamp stamp;
};

// Which names are digests is dv::is_digest_file_name (core/file_io.h), shared with digest-cli.

// "~" -> "$HOME", "~/x" -> "$HOME/x"; anything else unchanged. The one place the desktop expands `~`.
std::string expand_home(const std::string& path);

// expand_home, then absolute and lexically normal (symlinks resolved when possible).
std::string normalize_path(const std::string& path);

// A file given directly is taken whatever its name; a folder is walked for digests with
// dv::walk_digest_files (what digest-cli reads from the same folder; a walk cut short keeps what
// it found). False with a message if `root` does not exist.
bool collect_digest_files(const std::string& root, std::vector<FoundFile>& out, std::string& error);

using dv::read_file_bytes;  // shared with digest-cli (core/file_io.h)
// Writes through a temporary file in the same folder and renames it over `path`; creates the folder.
bool write_file_bytes(const std::string& path, const std::string& data, std::string& error);

bool path_is_dir(const std::string& path);
bool path_exists(const std::string& path);

std::string home_dir();
// $XDG_CONFIG_HOME when it is absolute (the XDG spec ignores relative values), else $HOME/.config;
// "" when neither is set. Settings and user-dirs.dirs are both read from here.
std::string config_dir();
// $XDG_DOWNLOAD_DIR, else the one in ~/.config/user-dirs.dirs, else ~/Downloads.
std::string download_dir();
// The folder holding the running executable ("" if unknown).
std::string executable_dir();

// Entries of a folder for the open dialog: subfolders (with a trailing '/') first, then digests.
std::vector<std::string> list_dir_for_dialog(const std::string& dir, size_t max_entries);

// Watches the paths a user opened by polling their stamps. Roots are files or folders.
class FolderWatch {
public:
    void add_root(const std::string& root);
    void clear();
    const std::vector<std::string>& roots() const { return roots_; }
    // Records a file as known (after loading it), so the next poll reports only later changes.
    void note(const FoundFile& f) { known_[f.path] = f.stamp; }
    void forget(const std::string& path) { known_.erase(path); }

    struct Changes {
        std::vector<FoundFile> changed;   // new or modified since last noted (sorted by path)
        std::vector<std::string> removed; // known files gone from disk (their root still exists)
        bool empty() const { return changed.empty() && removed.empty(); }
    };
    // Walks every root once: cost is one stat per file. Changed files are noted as seen.
    Changes poll();
    double last_poll_ms() const { return last_poll_ms_; }
    size_t known_count() const { return known_.size(); }

private:
    std::vector<std::string> roots_;
    std::map<std::string, Stamp> known_;
    double last_poll_ms_ = 0;
};

}  // namespace dvn
