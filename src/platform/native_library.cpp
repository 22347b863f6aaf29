#include "native_library.h"

#include <algorithm>
#include <cstdio>

#include "ui/app.h"
#include "ui/widgets.h"

namespace dvn {

namespace {

// Reads one opened path into the app and watches it; errors are appended. False if the path is
// not there at all.
bool load_root(NativeLibrary& nl, dv::App& app, const std::string& root, size_t& files, std::vector<std::string>& errors) {
    std::vector<FoundFile> found;
    std::string err, bytes;
    if (!collect_digest_files(root, found, err)) {
        errors.push_back(err);
        return false;
    }
    if (found.empty()) errors.push_back("no digests (.md, .markdown, .json) in " + root);
    for (const FoundFile& f : found) {
        if (!read_file_bytes(f.path, bytes, err)) {
            errors.push_back(err);
            continue;
        }
        dv::app_add_file(app, f.path, bytes);
        nl.watch.note(f);
        files++;
    }
    nl.watch.add_root(root);
    return true;
}

}  // namespace

size_t library_open(NativeLibrary& nl, dv::App& app, Settings& settings, const std::vector<std::string>& paths, bool remember) {
    std::vector<std::string> errors;
    size_t files = 0;
    std::string last;
    for (const std::string& raw : paths) {
        std::string root = normalize_path(raw);
        if (!load_root(nl, app, root, files, errors)) continue;
        last = root;
        if (remember) {
            if (std::find(settings.library.begin(), settings.library.end(), root) == settings.library.end())
                settings.library.push_back(root);
            add_recent(settings, root);
        }
    }
    nl.own_change = true;
    dv::app_finish_load(app);
    nl.own_change = false;
    std::string msg;
    if (files > 0) {
        msg = "Opened " + (paths.size() == 1 ? last : std::to_string(paths.size()) + " paths") + ": " +
              dv::format_count(files) + " files; library " + dv::format_count(app.lib.entries.size()) + " papers";
    }
    if (!errors.empty()) {
        if (!msg.empty()) msg += ". ";
        msg += errors.size() == 1 ? errors.front() : errors.front() + " (and " + std::to_string(errors.size() - 1) + " more)";
        for (const std::string& e : errors) std::fprintf(stderr, "digest-viewer: %s\n", e.c_str());
    }
    if (!msg.empty()) dv::app_set_status(app, msg);
    return files;
}

bool library_poll(NativeLibrary& nl, dv::App& app, double now) {
    if (now < nl.next_poll) return false;
    FolderWatch::Changes ch = nl.watch.poll();
    // One stat per file: a big tree polls less often (the walk stays under ~1% of a core).
    nl.next_poll = now + std::clamp(nl.watch.last_poll_ms() * 0.1, 1.0, 10.0);
    if (ch.empty()) return false;
    size_t changed = 0, removed = 0;
    std::string bytes, err, last;
    for (const FoundFile& f : ch.changed) {
        if (!read_file_bytes(f.path, bytes, err)) {
            nl.watch.forget(f.path);  // try again at the next poll
            continue;
        }
        dv::app_add_file(app, f.path, bytes);
        changed++;
        last = f.path;
    }
    if (!ch.removed.empty()) dv::app_begin_change(app);
    for (const std::string& p : ch.removed)
        if (dv::library_drop(app.lib, p)) removed++;  // app_finish_load rebuilds once
    if (changed + removed == 0) return false;
    nl.own_change = true;
    dv::app_finish_load(app);
    nl.own_change = false;
    std::string msg = "Updated from disk: ";
    if (changed == 1) msg += last;
    else if (changed > 1) msg += std::to_string(changed) + " files";
    if (removed) msg += (changed ? ", " : "") + std::to_string(removed) + " removed";
    msg += "; library " + dv::format_count(app.lib.entries.size()) + " papers";
    dv::app_set_status(app, msg);
    return true;
}

void library_forget(NativeLibrary& nl, Settings& settings, const dv::App& app, const std::vector<std::string>& removed) {
    if (nl.own_change || removed.empty()) return;
    if (app.lib.files.empty()) {  // "Clear all" (or the last file removed): a clean slate
        nl.watch.clear();
        settings.library.clear();
        return;
    }
    // A file opened on its own and removed: drop it from the remembered library.
    auto gone = [&](const std::string& root) {
        return !path_is_dir(root) && std::find(removed.begin(), removed.end(), root) != removed.end();
    };
    settings.library.erase(std::remove_if(settings.library.begin(), settings.library.end(), gone), settings.library.end());
}

}  // namespace dvn
